package org.topupkiosk.carrier;

import org.topupkiosk.domain.Money;

/**
 * What the carrier says about a scratch card's PIN before it is applied: its printed serial, face value, the operator
 * whose numbers it tops up, and whether it can still be used. An unknown PIN is not a VoucherInfo but a
 * {@link CarrierException} of kind REFUSED with code {@code unknown-voucher}.
 */
public record VoucherInfo(String serial, Money nominal, String operatorId, State state) {

    public enum State { UNUSED, USED, EXPIRED }
}
