package org.topupkiosk.device.emulator.fiscal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.topupkiosk.device.fiscal.FiscalDocument;

/**
 * One document in the emulated storage's archive.
 *
 * @param kind        what it is
 * @param number      its fiscal document number, from 1
 * @param fiscalSign  the HMAC-SHA256 of {@link #canonicalBytes()} with the storage's key, first 4 bytes, unsigned
 * @param dateTime    the register's clock when it was signed, to the second
 * @param sumMinor    the receipt's total (0 for shift documents)
 * @param shift       the shift it belongs to
 * @param receipt     the receipt's content; empty for shift documents
 */
public record FnDocument(FiscalDocument.Kind kind, long number, long fiscalSign, LocalDateTime dateTime, long sumMinor,
        int shift, Optional<FnReceipt> receipt) {

    public FnDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dateTime, "dateTime");
        Objects.requireNonNull(receipt, "receipt");
    }

    /**
     * The bytes the fiscal sign covers: every field but the sign itself, in a fixed order, and for a receipt its whole
     * content (operations with their linked TLVs, payments, tax system, receipt TLVs). The same document always gives
     * the same bytes, so a test can recompute the sign from the archive and the key.
     */
    public byte[] canonicalBytes(String fnSerial) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(fnSerial.getBytes(StandardCharsets.US_ASCII));
            out.writeUTF(kind.name());
            out.writeLong(number);
            out.writeUTF(dateTime.withNano(0).toString());
            out.writeLong(sumMinor);
            out.writeInt(shift);
            if (receipt.isPresent()) {
                FnReceipt r = receipt.get();
                out.writeByte(r.sign());
                out.writeByte(r.taxSystem());
                out.writeLong(r.cashMinor());
                out.writeLong(r.otherMinor());
                out.writeLong(r.changeMinor());
                out.writeInt(r.operations().size());
                for (FnOperation op : r.operations()) {
                    out.writeByte(op.type());
                    out.writeLong(op.quantityMicro());
                    out.writeLong(op.priceMinor());
                    out.writeLong(op.sumMinor());
                    out.writeByte(op.taxRate());
                    out.writeByte(op.method());
                    out.writeByte(op.subject());
                    byte[] name = op.name().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(name.length);
                    out.write(name);
                    byte[] tlv = op.linkedTlv();
                    out.writeInt(tlv.length);
                    out.write(tlv);
                }
                byte[] tlv = r.receiptTlv();
                out.writeInt(tlv.length);
                out.write(tlv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The document as the shared port describes it. */
    public FiscalDocument toFiscalDocument(String fnSerial) {
        return new FiscalDocument(kind, number, fiscalSign, dateTime, sumMinor, fnSerial, shift);
    }
}
