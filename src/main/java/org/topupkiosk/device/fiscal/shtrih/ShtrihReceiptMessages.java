package org.topupkiosk.device.fiscal.shtrih;

import java.util.Arrays;
import java.util.List;

/**
 * Parameter layouts of the receipt commands (after the password): open receipt (8Dh), operation V2 (FF46h), close
 * receipt V2 (FF45h), print string (17h). The TLV commands (FF0Ch for the receipt, FF4Dh for the last operation) carry
 * {@link FfdTlv} bytes as they are. Each record has {@code encode()} (the driver's side) and {@code decode(byte[])}
 * (the emulator's side).
 */
public final class ShtrihReceiptMessages {

    /** 8Dh receipt types: 0 sale ("приход"), 2 sale return ("возврат прихода"). */
    public static final int RECEIPT_SALE = 0;
    public static final int RECEIPT_SALE_RETURN = 2;

    /** FF46h operation types (1054): 1 income, 2 income return. */
    public static final int OPERATION_INCOME = 1;
    public static final int OPERATION_INCOME_RETURN = 2;

    /** FF46h tax rate: a bit per rate; bit 3 is "без НДС" (VAT-exempt), the rate a payment agent's items carry. */
    public static final int TAX_NO_VAT = 1 << 3;

    /** 1214 "признак способа расчёта": 4 full payment ("полный расчёт"). */
    public static final int METHOD_FULL_PAYMENT = 4;

    /** 1212 "признак предмета расчёта": 10 a payment ("платёж"), 11 the agent's fee ("агентское вознаграждение"). */
    public static final int SUBJECT_PAYMENT = 10;
    public static final int SUBJECT_AGENT_FEE = 11;

    /** FF46h: "not given" for the operation's sum or tax: the register computes it. */
    public static final long NOT_GIVEN = 0xFF_FFFF_FFFFL;

    /** 17h flags: bit 1 prints on the receipt tape. */
    public static final int PRINT_ON_RECEIPT = 1 << 1;

    public static final int PRINT_WIDTH = 40;
    public static final int ITEM_NAME_MAX = 128;
    public static final int CLOSE_TEXT_MAX = 64;

    private ShtrihReceiptMessages() {
    }

    /** 8Dh: the receipt's type. */
    public record OpenReceipt(int type) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().u8("open.type", type).toBytes();
        }

        public static OpenReceipt decode(byte[] params) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(params);
            OpenReceipt r = new OpenReceipt(in.u8("open.type"));
            in.end("open");
            return r;
        }
    }

    /**
     * FF46h: one item. Quantity in millionths (1 000 000 for one), price and sum in kopecks, the tax sum (or
     * {@link #NOT_GIVEN}), the tax rate bits, the department, the payment method and subject, the name (Windows-1251,
     * up to 128 bytes; a name starting with "//" is sent to the operator but not printed).
     */
    public record OperationV2(int operation, long quantityMicro, long priceMinor, long sumMinor, long taxMinor,
            int taxRate, int department, int method, int subject, String name) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().u8("operation.type", operation).le("operation.quantity", quantityMicro, 6)
                    .le("operation.price", priceMinor, 5).le("operation.sum", sumMinor, 5)
                    .le("operation.tax", taxMinor, 5).u8("operation.taxRate", taxRate)
                    .u8("operation.department", department).u8("operation.method", method)
                    .u8("operation.subject", subject).text("operation.name", name, 0, ITEM_NAME_MAX).toBytes();
        }

        public static OperationV2 decode(byte[] params) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(params);
            int operation = in.u8("operation.type");
            long quantity = in.le("operation.quantity", 6);
            long price = in.le("operation.price", 5);
            long sum = in.le("operation.sum", 5);
            long tax = in.le("operation.tax", 5);
            int rate = in.u8("operation.taxRate");
            int department = in.u8("operation.department");
            int method = in.u8("operation.method");
            int subject = in.u8("operation.subject");
            if (in.remaining() > ITEM_NAME_MAX) {
                throw new ShtrihFormatException("operation.name", in.remaining() + " bytes, at most " + ITEM_NAME_MAX);
            }
            return new OperationV2(operation, quantity, price, sum, tax, rate, department, method, subject,
                    in.text("operation.name", -1));
        }
    }

    /**
     * FF45h: sixteen payment sums (the first is cash), rounding in kopecks, six tax sums, the tax system bit (1055)
     * and a text to print (up to 64 bytes).
     */
    public record CloseReceiptV2(List<Long> payments, int rounding, List<Long> taxes, int taxSystem, String text) {

        public CloseReceiptV2 {
            payments = List.copyOf(payments);
            taxes = List.copyOf(taxes);
            if (payments.size() != 16 || taxes.size() != 6) {
                throw new ShtrihFormatException("close", payments.size() + " payments and " + taxes.size()
                        + " taxes (expected 16 and 6)");
            }
        }

        /** Cash only, no taxes (VAT-exempt items), no rounding. */
        public static CloseReceiptV2 cash(long cashMinor, int taxSystem, String text) {
            Long[] pays = new Long[16];
            Arrays.fill(pays, 0L);
            pays[0] = cashMinor;
            return new CloseReceiptV2(List.of(pays), 0, List.of(0L, 0L, 0L, 0L, 0L, 0L), taxSystem, text);
        }

        public long cashMinor() {
            return payments.get(0);
        }

        public byte[] encode() {
            ShtrihBytes.Writer w = new ShtrihBytes.Writer();
            for (int i = 0; i < 16; i++) {
                w.le("close.payment" + (i + 1), payments.get(i), 5);
            }
            w.u8("close.rounding", rounding);
            for (int i = 0; i < 6; i++) {
                w.le("close.tax" + (i + 1), taxes.get(i), 5);
            }
            return w.u8("close.taxSystem", taxSystem).text("close.text", text, 0, CLOSE_TEXT_MAX).toBytes();
        }

        public static CloseReceiptV2 decode(byte[] params) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(params);
            Long[] pays = new Long[16];
            for (int i = 0; i < 16; i++) {
                pays[i] = in.le("close.payment" + (i + 1), 5);
            }
            int rounding = in.u8("close.rounding");
            Long[] taxes = new Long[6];
            for (int i = 0; i < 6; i++) {
                taxes[i] = in.le("close.tax" + (i + 1), 5);
            }
            int taxSystem = in.u8("close.taxSystem");
            if (in.remaining() > CLOSE_TEXT_MAX) {
                throw new ShtrihFormatException("close.text", in.remaining() + " bytes, at most " + CLOSE_TEXT_MAX);
            }
            return new CloseReceiptV2(List.of(pays), rounding, List.of(taxes), taxSystem, in.text("close.text", -1));
        }
    }

    /** 17h: flags (which tape) and a line of up to 40 bytes, padded with zeros to 40. */
    public record PrintString(int flags, String text) {

        public byte[] encode() {
            return new ShtrihBytes.Writer().u8("print.flags", flags).text("print.text", text, PRINT_WIDTH, PRINT_WIDTH)
                    .toBytes();
        }

        public static PrintString decode(byte[] params) {
            ShtrihBytes.Reader in = new ShtrihBytes.Reader(params);
            int flags = in.u8("print.flags");
            String text = in.text("print.text", PRINT_WIDTH);
            in.end("print");
            return new PrintString(flags, text);
        }
    }
}
