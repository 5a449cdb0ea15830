package org.topupkiosk.receipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.journal.HistoryEntry;
import org.topupkiosk.journal.StoredReceipt;

/**
 * What a reprint of one of a number's payments prints, decided once, here, by receipt kind. Pure.
 *
 * <p>A copy must never be a second bearer instrument. Receipts whose paper carries no secret are reprinted as stored,
 * marked COPY: a top-up or package ({@code payment}: its QR code is the public lookup link), a scratch-card redemption
 * ({@code voucher}: the serial is masked, the PIN was never printed), an auto top-up ({@code autotopup}). A credit
 * voucher ({@code credit}) is money in paper form: its code, QR code and barcode spend it, so the copy is composed
 * afresh from the journal's credit row with the last four digits, the amount and whether it is still open, and says
 * it cannot pay. Every other kind (an e-PIN's PIN, an eSIM's activation code, kinds this class does not know) is
 * denied by default: the copy is the payment's summary from the journal, without the secret.
 */
public final class ReceiptCopies {

    /** Kinds whose stored paper carries no bearer secret (see the class comment). */
    static final Set<String> SAFE_KINDS = Set.of("payment", "voucher", "autotopup");
    static final String CREDIT = "credit";

    private final Function<String, Optional<StoredReceipt>> stored;
    private final Function<StoredReceipt, Receipt> parse;
    private final AccountReceipts layouts;

    /**
     * @param stored a stored receipt by id (the journal)
     * @param parse  a stored receipt back into its lines
     */
    public ReceiptCopies(Function<String, Optional<StoredReceipt>> stored, Function<StoredReceipt, Receipt> parse,
                  AccountReceipts layouts) {
        this.stored = stored;
        this.parse = parse;
        this.layouts = layouts;
    }

    /** The papers to print for {@code e}, in order; {@code operatorName} names an operator id in the customer's language. */
    public List<Receipt> copies(HistoryEntry e, Lang lang, Instant now, Function<String, String> operatorName) {
        List<Receipt> out = new ArrayList<>();
        Optional<StoredReceipt> safe = e.receipts().stream().filter(r -> SAFE_KINDS.contains(r.kind()))
                .map(r -> stored.apply(r.receiptId())).flatMap(Optional::stream).findFirst();
        if (safe.isPresent()) {
            out.add(layouts.copy(parse.apply(safe.get()), now, lang));
        } else {
            out.add(layouts.summaryCopy(e.id(), e.at(), whatKey(e.kind()),
                    e.operatorId() == null ? "" : operatorName.apply(e.operatorId()), e.amount(),
                    statusKey(e), now, lang));
        }
        if (e.credit() != null) {
            HistoryEntry.Credit c = e.credit();
            out.add(layouts.creditCopy(e.id(), c.amount(), c.lastDigits(), switch (c.status()) {
                case OPEN -> AccountReceipts.CreditState.OPEN;
                case SPENT -> AccountReceipts.CreditState.SPENT;
                case REFUNDED -> AccountReceipts.CreditState.REFUNDED;
            }, now, lang));
        }
        return out;
    }

    static String whatKey(String kind) {
        return switch (kind) {
            case "topup" -> "receipt.copy.kind.topup";
            case "package" -> "receipt.copy.kind.package";
            case HistoryEntry.SCRATCH_CARD -> "receipt.copy.kind.voucher";
            case HistoryEntry.AUTO_TOPUP -> "receipt.copy.kind.autotopup";
            default -> "receipt.copy.kind.other";
        };
    }

    static String statusKey(HistoryEntry e) {
        return switch (e.state()) {
            case CONFIRMED -> HistoryEntry.AUTO_TOPUP.equals(e.kind()) ? "receipt.autotopup.status.active"
                    : "receipt.status.credited";
            case PENDING -> "receipt.status.pending";
            case REFUSED -> "receipt.copy.status.refused";
            case CANCELLED -> "receipt.copy.status.cancelled";
            case UNCONFIRMED -> "receipt.copy.status.unconfirmed";
        };
    }
}
