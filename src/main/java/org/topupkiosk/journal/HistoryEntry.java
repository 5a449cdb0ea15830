package org.topupkiosk.journal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.topupkiosk.domain.Money;

/**
 * One thing a number had done at this kiosk, as the journal remembers it: a cash order (top-up, package, anything the
 * orders table holds), a scratch card applied to it, or an auto top-up enrolled for it. Facts only; the screen decides
 * the words.
 *
 * @param id         the order's txn id, the redemption id or the enrolment id (what support asks the carrier about)
 * @param kind       the order's kind ({@code topup}, {@code package}, ...), or {@link #SCRATCH_CARD},
 *                   {@link #AUTO_TOPUP}
 * @param amount     for an order what the customer put in (cash and credit vouchers); a card's face value; the amount
 *                   an auto top-up adds
 * @param threshold  an auto top-up's "below this balance"; null for the others
 * @param operatorId the order's operator, or null when the journal does not name one
 * @param productId  a package's product, or null
 * @param receipts   what was printed for it, oldest first
 * @param credit     the credit voucher a refused or cancelled order turned into, or null
 */
public record HistoryEntry(String id, String kind, Instant at, State state, Money amount, Money threshold,
                           String operatorId, String productId, List<ReceiptRef> receipts, Credit credit) {

    public static final String SCRATCH_CARD = "voucher";
    public static final String AUTO_TOPUP = "autotopup";

    /** Where it ended. UNCONFIRMED: sent to the carrier and never answered (support asks the carrier by id). */
    public enum State { CONFIRMED, PENDING, REFUSED, CANCELLED, UNCONFIRMED }

    /** A stored receipt of this entry, by id and kind ({@code payment}, {@code credit}, {@code voucher}, ...). */
    public record ReceiptRef(String receiptId, String kind) {}

    /**
     * A credit voucher issued for this entry. The code is a bearer secret; it is here so a reprint can print its last
     * digits and whether it is still open, never the code itself.
     */
    public record Credit(String code, Money amount, Status status) {
        public enum Status { OPEN, SPENT, REFUNDED }

        /** The last four digits, for a receipt copy: enough to match the paper, never enough to spend it. */
        public String lastDigits() {
            String digits = code.replaceAll("[^0-9]", "");
            return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
        }
    }

    public HistoryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        receipts = receipts == null ? List.of() : List.copyOf(receipts);
    }
}
