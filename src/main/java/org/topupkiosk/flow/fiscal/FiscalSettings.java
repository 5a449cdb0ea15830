package org.topupkiosk.flow.fiscal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;

/**
 * What the flow needs to register a payment agent's receipt: the tax system, the agent's data, the supplier (the
 * carrier) of each operator, the name printed as the cashier, the register's time zone (its clock is local: matching
 * a document after a restart compares it with the journal's UTC instants) and how often the register's status is
 * asked. Filled at the composition root from the config's {@code fiscal:} section and the catalog's {@code supplier}
 * per operator; with {@code fiscal.register: none} there is no FiscalSettings and no registration at all.
 *
 * @param taxSystem    the agent's tax system (1055)
 * @param agent        the payment agent's operation and phones (1044, 1073, 1074)
 * @param suppliers    operator id to its supplier (1224-1226)
 * @param cashier      the cashier's name on a kiosk receipt (1021): the kiosk's id
 * @param registerZone the zone of the register's clock
 * @param statusEvery  how often the register's status is asked while the kiosk waits for customers
 */
public record FiscalSettings(FiscalReceipt.TaxSystem taxSystem, FiscalItem.Agent agent,
        Map<String, FiscalItem.Supplier> suppliers, String cashier, ZoneId registerZone, Duration statusEvery) {

    public FiscalSettings {
        Objects.requireNonNull(taxSystem, "fiscal.taxSystem");
        Objects.requireNonNull(agent, "fiscal.agent");
        suppliers = Map.copyOf(suppliers);
        Objects.requireNonNull(cashier, "cashier");
        Objects.requireNonNull(registerZone, "registerZone");
        Objects.requireNonNull(statusEvery, "statusEvery");
        if (statusEvery.isNegative() || statusEvery.isZero()) {
            throw new IllegalArgumentException("statusEvery must be positive: " + statusEvery);
        }
    }

    /** The supplier of the operator's payments, if the catalog names one. */
    public Optional<FiscalItem.Supplier> supplier(String operatorId) {
        return Optional.ofNullable(suppliers.get(operatorId));
    }
}
