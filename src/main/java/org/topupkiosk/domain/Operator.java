package org.topupkiosk.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A mobile operator the kiosk sells for.
 *
 * @param id            stable lower-case id used everywhere else ("mts", "beeline", "megafon", "t2")
 * @param names         display name per language code (ru, en, zh)
 * @param color         brand colour as #RRGGBB, for the operator tile
 * @param minAmount     smallest top-up the operator accepts (to the balance)
 * @param maxAmount     largest top-up the operator accepts in one payment
 * @param fee           the kiosk's commission for this operator
 * @param registryNames the operator's names as the official number-range registry spells them
 *                      (e.g. {@code ПАО "МегаФон"}); used to turn a DEF range into an operator hint
 * @param supplier      the operator's legal entity as fiscal receipts name it (catalog {@code supplier}); empty when
 *                      the catalog gives none (allowed only with {@code fiscal.register: none})
 */
public record Operator(String id, Map<String, String> names, String color, Money minAmount, Money maxAmount,
                       FeeRule fee, List<String> registryNames, Optional<SupplierInfo> supplier) {

    /** Without supplier details (a kiosk without a fiscal register). */
    public Operator(String id, Map<String, String> names, String color, Money minAmount, Money maxAmount,
                    FeeRule fee, List<String> registryNames) {
        this(id, names, color, minAmount, maxAmount, fee, registryNames, Optional.empty());
    }

    public Operator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(fee, "fee");
        names = Map.copyOf(names);
        registryNames = List.copyOf(registryNames);
        Objects.requireNonNull(supplier, "supplier");
        if (minAmount.greaterThan(maxAmount)) {
            throw new IllegalArgumentException("operator " + id + ": minimum " + minAmount + " above maximum " + maxAmount);
        }
    }

    /** The name in this language, falling back to Russian, then to the id. */
    public String name(String language) {
        String n = names.get(language);
        if (n == null) {
            n = names.getOrDefault("ru", id);
        }
        return n;
    }
}
