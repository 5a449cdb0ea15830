package org.topupkiosk.domain;

import java.util.Objects;

/**
 * The supplier a payment agent takes money for (the operator's legal entity), as fiscal receipts name it: its name
 * (tag 1225), INN (1226) and phone (1171). All three come from the catalog, checked when read.
 *
 * @param name  the legal entity's name, e.g. ПАО "МТС"
 * @param inn   10 or 12 digits with valid check digits
 * @param phone +7 and 10 digits
 */
public record SupplierInfo(String name, String inn, String phone) {

    /** A phone as fiscal receipts carry it: +7 and ten digits, no spaces. */
    public static final String PHONE_PATTERN = "\\+7\\d{10}";

    public SupplierInfo {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("supplier name is blank");
        }
        if (!Inn.valid(inn)) {
            throw new IllegalArgumentException("supplier " + name + ": INN " + inn + " " + Inn.problem(inn));
        }
        if (phone == null || !phone.matches(PHONE_PATTERN)) {
            throw new IllegalArgumentException("supplier " + name + ": phone " + phone + " is not +7XXXXXXXXXX");
        }
    }
}
