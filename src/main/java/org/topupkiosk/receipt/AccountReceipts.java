package org.topupkiosk.receipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt.Line;
import org.topupkiosk.domain.Receipt.Style;
import org.topupkiosk.domain.Receipt;

/**
 * The receipts of the one-time-code services: an auto top-up enrolment, and the copies a customer reprints from their
 * recent payments. Pure, built on {@link ReceiptLayouts}' header, footer and strings.
 *
 * <p>A copy never carries a bearer secret. {@link #copy} reprints a stored receipt whose paper holds none (a top-up, a
 * package, a scratch-card redemption, an auto top-up: their QR code is the lookup link, their serials are masked) with
 * COPY above and below it. A credit voucher's paper is money: {@link #creditCopy} states the voucher's amount, the last
 * digits of its code and whether it is still open, with no code, QR code or barcode a scanner could spend. Any other
 * receipt (an e-PIN's PIN, an eSIM's activation code) gets {@link #summaryCopy}: the payment alone.
 */
public final class AccountReceipts {

    /** An auto top-up rule as enrolled; {@code ruleId} null and {@code confirmed} false while the carrier has not said. */
    public record AutoTopUp(String enrolmentId, Instant at, String maskedNumber, Money threshold, Money amount,
                            String ruleId, Money replacedThreshold, Money replacedAmount, boolean confirmed) {
        public AutoTopUp {
            Objects.requireNonNull(enrolmentId, "enrolmentId");
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** The state of a credit voucher a copy speaks of. */
    public enum CreditState { OPEN, SPENT, REFUNDED }

    private final ReceiptLayouts layouts;

    public AccountReceipts(ReceiptLayouts layouts) {
        this.layouts = Objects.requireNonNull(layouts, "layouts");
    }

    /** The enrolment: what the rule is, that the carrier funds it from the account, and whether it is confirmed. */
    public Receipt autoTopUp(AutoTopUp a, Lang lang) {
        ReceiptWriter w = layouts.header("receipt.title.autotopup", lang, a.at());
        w.pair("receipt.txn", a.enrolmentId());
        w.pair("receipt.number", a.maskedNumber());
        w.pairBold("receipt.autotopup.threshold", w.money(a.threshold()));
        w.pairBold("receipt.autotopup.amount", w.money(a.amount()));
        w.text(w.msg("receipt.autotopup.source"));
        if (a.ruleId() != null) {
            w.pair("receipt.autotopup.rule", a.ruleId());
        }
        if (a.replacedThreshold() != null && a.replacedAmount() != null) {
            w.text(w.msg("receipt.autotopup.replaced", w.money(a.replacedThreshold()), w.money(a.replacedAmount())));
        }
        w.pairBold("receipt.status", w.msg(a.confirmed() ? "receipt.autotopup.status.active"
                : "receipt.autotopup.status.pending"));
        if (!a.confirmed()) {
            w.text(w.msg("receipt.autotopup.pending_note", a.enrolmentId()));
        }
        w.text(w.msg("receipt.autotopup.no_cash"));
        return layouts.footer(w).build(a.enrolmentId() + "-autotopup", layouts.lookupLink(a.enrolmentId()), null);
    }

    /**
     * A stored receipt printed again: COPY above and below, when and why it was reprinted; the lookup QR code stays,
     * a barcode (only credit vouchers have one) never does.
     */
    public Receipt copy(Receipt original, Instant at, Lang lang) {
        List<Line> lines = new ArrayList<>(banner(lang, original.columns()));
        lines.addAll(original.lines());
        ReceiptWriter tail = new ReceiptWriter(layouts.messages(), lang, original.columns());
        tail.rule();
        tail.text(tail.msg("receipt.copy.note", layouts.date(at)));
        lines.addAll(tail.build("tail", null, null).lines());
        lines.addAll(banner(lang, original.columns()));
        return new Receipt(copyId(original.id(), at), original.columns(), lines, original.qrPayload(), null);
    }

    /** A credit voucher's copy: no code, no QR code, no barcode; its amount, last digits and whether it is open. */
    public Receipt creditCopy(String sourceTxn, Money amount, String lastDigits, CreditState state, Instant at,
                              Lang lang) {
        ReceiptWriter w = layouts.header("receipt.title.credit_copy", lang, at);
        if (sourceTxn != null) {
            w.pair("receipt.txn", sourceTxn);
        }
        w.pairBold("receipt.credit.amount", w.money(amount));
        w.pair("receipt.credit_copy.code", "**** **** " + lastDigits);
        w.pairBold("receipt.status", w.msg(switch (state) {
            case OPEN -> "receipt.credit_copy.open";
            case SPENT -> "receipt.credit_copy.spent";
            case REFUNDED -> "receipt.credit_copy.refunded";
        }));
        w.rule();
        w.text(w.msg("receipt.credit_copy.not_valid"));
        if (state == CreditState.OPEN) {
            w.text(w.msg("receipt.credit_copy.keep_original"));
        }
        Receipt body = layouts.footer(w).build("credit-copy", null, null);
        List<Line> lines = new ArrayList<>(banner(lang, body.columns()));
        lines.addAll(body.lines());
        lines.addAll(banner(lang, body.columns()));
        return new Receipt(copyId("credit-" + (sourceTxn == null ? "note" : sourceTxn), at), body.columns(), lines,
                null, null);
    }

    /** The payment alone, for a receipt whose paper carried a secret (an e-PIN, an eSIM code) that a copy must not. */
    public Receipt summaryCopy(String txnId, Instant paidAt, String whatKey, String operatorName, Money amount,
                               String statusKey, Instant at, Lang lang) {
        ReceiptWriter w = layouts.header("receipt.title.copy", lang, at);
        w.pair("receipt.txn", txnId);
        w.pair("receipt.copy.paid_at", layouts.date(paidAt));
        w.text(w.msg(whatKey, operatorName).strip());
        w.pairBold("receipt.total", w.money(amount));
        w.pairBold("receipt.status", w.msg(statusKey));
        w.rule();
        w.text(w.msg("receipt.copy.no_secret"));
        Receipt body = layouts.footer(w).build("summary-copy", layouts.lookupLink(txnId), null);
        List<Line> lines = new ArrayList<>(banner(lang, body.columns()));
        lines.addAll(body.lines());
        lines.addAll(banner(lang, body.columns()));
        return new Receipt(copyId(txnId, at), body.columns(), lines, body.qrPayload(), null);
    }

    private List<Line> banner(Lang lang, int columns) {
        ReceiptWriter w = new ReceiptWriter(layouts.messages(), lang, columns);
        w.centred("*** " + w.label("receipt.copy.banner") + " ***", Style.CENTER_BOLD);
        return w.build("banner", null, null).lines();
    }

    /** Copies get their own id (the printer names its PNG by it), apart from the original and from each other. */
    private static String copyId(String originalId, Instant at) {
        return originalId + "-copy-" + at.getEpochSecond();
    }
}
