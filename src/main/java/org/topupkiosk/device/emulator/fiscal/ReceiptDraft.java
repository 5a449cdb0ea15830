package org.topupkiosk.device.emulator.fiscal;

import java.util.ArrayList;
import java.util.List;
import org.topupkiosk.device.fiscal.shtrih.FfdTlv;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFormatException;

/**
 * What only the register's memory holds between commands, and a power cut loses: the receipt being built (its sign,
 * items with their linked TLVs, the receipt's own TLVs, lines printed on it) and TLVs sent with no receipt open, which
 * go to the next document. It checks what a receipt may contain; whether one may be opened or closed at all (shift,
 * storage, paper, power) is the register's business. Not thread-safe: {@link EmulatedRegister}'s lock guards it.
 */
final class ReceiptDraft {

    private static final class Open {
        final int sign;
        final List<FnOperation> operations = new ArrayList<>();
        byte[] tlv = new byte[0];
        final List<String> lines = new ArrayList<>();

        Open(int sign) {
            this.sign = sign;
        }
    }

    private Open receipt;
    /** TLVs sent with no receipt open (the cashier before a shift report or a receipt): for the next document. */
    private byte[] nextDocumentTlv = new byte[0];

    boolean isOpen() {
        return receipt != null;
    }

    /** The open receipt's sign (1054), 0 when none is open. */
    int sign() {
        return receipt == null ? 0 : receipt.sign;
    }

    /** How many operations the open receipt holds (0 when none is open). */
    int operations() {
        return receipt == null ? 0 : receipt.operations.size();
    }

    /** Opens a receipt of {@code sign}; it takes the TLVs sent for the next document. */
    void open(int sign) {
        receipt = new Open(sign);
        receipt.tlv = nextDocumentTlv;
        nextDocumentTlv = new byte[0];
    }

    /** Adds an item to the open receipt, whose sign it must have; TLVs come after it ({@link #addTlv}). */
    void add(FnOperation op) throws RegisterRefusal {
        if (receipt.sign != op.type()) {
            throw new RegisterRefusal(RegisterRefusal.WRONG_RECEIPT_TYPE, "operation " + op.type()
                    + " in a receipt of sign " + receipt.sign);
        }
        receipt.operations.add(new FnOperation(op.type(), op.quantityMicro(), op.priceMinor(), op.sumMinor(),
                op.taxRate(), op.method(), op.subject(), op.name(), new byte[0]));
    }

    /**
     * TLVs for the open receipt ({@code linked} false) or for its last operation; with no receipt open, for the next
     * document (a shift report takes its cashier so, and a receipt opened next takes them as its own).
     */
    void addTlv(byte[] tlv, boolean linked) throws RegisterRefusal {
        try {
            FfdTlv.decodeAll(tlv);
        } catch (ShtrihFormatException e) {
            throw new RegisterRefusal(RegisterRefusal.FN_BAD_PARAMETERS, "damaged TLV: " + e.getMessage());
        }
        if (receipt == null) {
            if (linked) {
                throw new RegisterRefusal(RegisterRefusal.RECEIPT_CLOSED, "no receipt is open");
            }
            nextDocumentTlv = concat(nextDocumentTlv, tlv);
            return;
        }
        if (linked) {
            if (receipt.operations.isEmpty()) {
                throw new RegisterRefusal(RegisterRefusal.BAD_PARAMETERS, "no operation to link the TLV to");
            }
            int last = receipt.operations.size() - 1;
            receipt.operations.set(last, receipt.operations.get(last).withTlv(tlv));
        } else {
            receipt.tlv = concat(receipt.tlv, tlv);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A line printed inside the open receipt. */
    void addLine(String text) {
        receipt.lines.add(text);
    }

    /** The sum of the open receipt's items. */
    long total() {
        return receipt.operations.stream().mapToLong(FnOperation::sumMinor).sum();
    }

    boolean empty() {
        return receipt.operations.isEmpty();
    }

    /** What the storage signs for the open receipt, closed with these payments and tax system. */
    FnReceipt content(int taxSystem, long cashMinor, long otherMinor, long changeMinor) {
        return new FnReceipt(receipt.sign, taxSystem, cashMinor, otherMinor, changeMinor, receipt.operations,
                receipt.tlv);
    }

    /** The lines printed inside the open receipt. */
    List<String> lines() {
        return receipt.lines;
    }

    /** The open receipt is closed or cancelled. */
    void drop() {
        receipt = null;
    }

    /** A shift report was signed: it took the TLVs waiting for the next document. */
    void nextDocumentSigned() {
        nextDocumentTlv = new byte[0];
    }

    /** The power went off: the open receipt and the TLVs waiting are gone. */
    void forget() {
        receipt = null;
        nextDocumentTlv = new byte[0];
    }
}
