package org.topupkiosk.carrier;

import java.time.Instant;
import java.util.Objects;
import org.topupkiosk.domain.DeviceId;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * A payment to send. {@code txnId} is made once per order, stored before the first send and never changed.
 * {@code productId} is null for a plain top-up; for a package, {@code amount} is at least the product's price and
 * anything above it goes to the balance (the kiosk gives no change). {@code promoId} names the catalog promotion the
 * customer was shown, or null: the carrier applies its bonus, the kiosk never changes the money it sends for it.
 * {@code createdAt} is the moment the customer paid (txn_date).
 *
 * <p>{@code goods} is non-null for an e-PIN or eSIM sale: then {@code productId} names the nominal or plan, there is
 * no customer number ({@code msisdn} is null: the carrier issues the goods), and for an eSIM {@code device} is the
 * phone's EID or IMEI when the customer typed one (null otherwise; never for an e-PIN).
 *
 * <p>{@code numericTxnId} is the order's numeric transaction id (1-20 digits), for protocols whose ids are numbers
 * (OSMP's {@code txn_id}): made once with the order and stored beside it in the journal, and put here by the outbox
 * before each send (null where nobody asked for it; the REST API never uses it).
 */
public record PaymentRequest(String txnId, Msisdn msisdn, String operatorId, Money amount, String productId,
                             Instant createdAt, String promoId, GoodsKind goods, DeviceId device,
                             String numericTxnId) {

    public PaymentRequest {
        if (numericTxnId != null && !numericTxnId.matches("[1-9][0-9]{0,19}")) {
            throw new IllegalArgumentException("numericTxnId must be 1-20 digits without a leading zero, got '"
                    + numericTxnId + "'");
        }
        if (goods == null && msisdn == null) {
            throw new IllegalArgumentException("a top-up or package payment needs the customer's number (msisdn)");
        }
        if (goods != null && (productId == null || operatorId == null)) {
            throw new IllegalArgumentException("an e-PIN or eSIM payment names its product and operator");
        }
        if (device != null && goods != GoodsKind.ESIM) {
            throw new IllegalArgumentException("a device id goes only with an eSIM");
        }
    }

    /** Without a numeric transaction id. */
    public PaymentRequest(String txnId, Msisdn msisdn, String operatorId, Money amount, String productId,
                          Instant createdAt, String promoId, GoodsKind goods, DeviceId device) {
        this(txnId, msisdn, operatorId, amount, productId, createdAt, promoId, goods, device, null);
    }

    /** The same payment with the order's numeric transaction id (see the class comment). */
    public PaymentRequest withNumericTxnId(String numeric) {
        return new PaymentRequest(txnId, msisdn, operatorId, amount, productId, createdAt, promoId, goods, device,
                numeric);
    }

    /** A top-up or package payment, with or without a promotion. */
    public PaymentRequest(String txnId, Msisdn msisdn, String operatorId, Money amount, String productId,
                          Instant createdAt, String promoId) {
        this(txnId, Objects.requireNonNull(msisdn, "msisdn"), operatorId, amount, productId, createdAt, promoId, null,
                null);
    }

    /** A payment without a promotion. */
    public PaymentRequest(String txnId, Msisdn msisdn, String operatorId, Money amount, String productId,
                          Instant createdAt) {
        this(txnId, msisdn, operatorId, amount, productId, createdAt, null);
    }

    /** An e-PIN or eSIM sale: no number, the product, and for an eSIM the optional device id. */
    public static PaymentRequest goods(String txnId, GoodsKind kind, String operatorId, Money amount, String productId,
                                       Instant createdAt, DeviceId device) {
        return new PaymentRequest(txnId, null, operatorId, amount, productId, createdAt, null,
                Objects.requireNonNull(kind, "kind"), device);
    }
}
