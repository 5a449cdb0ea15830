package org.topupkiosk.device.fiscal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a fiscal receipt. A payment agent's item carries the agent sign "платёжный агент" (1222), the agent's
 * data (1223) and the supplier's (1224, 1226); the agent's own fee is an item without them. VAT is "без НДС" (1199 = 6),
 * the subject "платёж" (1212 = 10) and the method "полный расчёт" (1214 = 4), as a payment agent registers them.
 *
 * @param name        the item's name (1030), e.g. "Оплата услуг связи, +7 916 ***-**-67"
 * @param priceMinor  the unit price in kopecks (1079)
 * @param quantity    the quantity (1023), 1 for a payment
 * @param agent       the payment agent's data, empty for the agent's own fee
 * @param supplier    the supplier (the carrier) the money is for, empty for the agent's own fee
 */
public record FiscalItem(String name, long priceMinor, int quantity, Optional<Agent> agent,
        Optional<Supplier> supplier) {

    /**
     * The payment agent's data (1223).
     *
     * @param operation       the payment agent's operation (1044), e.g. "Приём платежа"
     * @param agentPhones     the payment agent's phones (1073)
     * @param operatorPhones  the phones of the operator accepting payments (1074)
     */
    public record Agent(String operation, List<String> agentPhones, List<String> operatorPhones) {
        public Agent {
            Objects.requireNonNull(operation, "operation");
            agentPhones = List.copyOf(agentPhones);
            operatorPhones = List.copyOf(operatorPhones);
        }
    }

    /**
     * The supplier (1224 with 1225 name and 1171 phones; 1226 INN).
     */
    public record Supplier(String name, String inn, List<String> phones) {
        public Supplier {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(inn, "inn");
            phones = List.copyOf(phones);
        }
    }

    public FiscalItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(supplier, "supplier");
        if (priceMinor < 0 || quantity <= 0) {
            throw new IllegalArgumentException("item " + name + ": price " + priceMinor + ", quantity " + quantity);
        }
        if (agent.isPresent() != supplier.isPresent()) {
            throw new IllegalArgumentException("item " + name + ": an agent's item needs both agent and supplier");
        }
    }

    public long amountMinor() {
        return Math.multiplyExact(priceMinor, (long) quantity);
    }

    public boolean agentItem() {
        return agent.isPresent();
    }
}
