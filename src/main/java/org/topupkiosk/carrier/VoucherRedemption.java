package org.topupkiosk.carrier;

import org.topupkiosk.domain.Money;

/**
 * The carrier's answer to "apply this scratch card to this number". {@code redemptionId} is the kiosk's idempotency
 * key: a repeat returns the first answer. REDEEMED carries the carrier's reference; REFUSED a {@code refusalCode}
 * ({@code voucher-used}, {@code voucher-expired}, {@code unknown-voucher}, {@code operator-mismatch},
 * {@code unknown-number}, {@code account-blocked}).
 */
public record VoucherRedemption(String redemptionId, Status status, String serial, Money nominal, String operatorId,
                                String carrierRef, String refusalCode) {

    public enum Status { REDEEMED, REFUSED }
}
