package org.topupkiosk.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * A registration journaled before it went to the fiscal register (schema V9). The journal keeps the receipt as it was
 * sent ({@code receiptJson}, the flow's format) so a restart can send the same one, and the register's last document
 * number before it ({@code lastDocBefore}), so a restart can tell a document the register signed for it from an older
 * one.
 *
 * @param id            the intent's row id
 * @param txnId         the order it registers
 * @param sign          {@link #INCOME} ("приход") or {@link #INCOME_RETURN} ("возврат прихода")
 * @param sumMinor      the receipt's total in kopecks
 * @param lastDocBefore the register's last fiscal document number when the intent was journaled (0 on a fresh FN)
 * @param receiptJson   the receipt as sent
 * @param createdAt     when it was journaled (the kiosk's clock)
 */
public record FiscalIntent(long id, String txnId, String sign, long sumMinor, long lastDocBefore, String receiptJson,
        Instant createdAt) {

    public static final String INCOME = "INCOME";
    public static final String INCOME_RETURN = "INCOME_RETURN";

    public FiscalIntent {
        Objects.requireNonNull(txnId, "txnId");
        Objects.requireNonNull(sign, "sign");
        Objects.requireNonNull(receiptJson, "receiptJson");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!INCOME.equals(sign) && !INCOME_RETURN.equals(sign)) {
            throw new IllegalArgumentException("fiscal sign must be INCOME or INCOME_RETURN, not " + sign);
        }
    }
}
