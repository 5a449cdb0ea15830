package org.topupkiosk.device.emulator.fiscal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The content of a receipt the storage signed: what the register took between opening and closing it.
 *
 * @param sign          the receipt's sign (1054): 1 "приход", 2 "возврат прихода"
 * @param taxSystem     the tax system bit (1055)
 * @param cashMinor     cash paid in kopecks (1031)
 * @param otherMinor    the other payment types together (electronic and the rest), in kopecks
 * @param changeMinor   change given
 * @param operations    the items in order
 * @param receiptTlv    TLVs sent for the whole receipt (customer contact, cashier ...), as sent
 */
public record FnReceipt(int sign, int taxSystem, long cashMinor, long otherMinor, long changeMinor,
        List<FnOperation> operations, byte[] receiptTlv) {

    public FnReceipt {
        operations = List.copyOf(operations);
        receiptTlv = receiptTlv == null ? new byte[0] : receiptTlv.clone();
    }

    @Override
    public byte[] receiptTlv() {
        return receiptTlv.clone();
    }

    public long totalMinor() {
        long sum = 0;
        for (FnOperation op : operations) {
            sum = Math.addExact(sum, op.sumMinor());
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FnReceipt r && sign == r.sign && taxSystem == r.taxSystem && cashMinor == r.cashMinor
                && otherMinor == r.otherMinor && changeMinor == r.changeMinor && operations.equals(r.operations)
                && Arrays.equals(receiptTlv, r.receiptTlv);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sign, cashMinor, operations) * 31 + Arrays.hashCode(receiptTlv);
    }
}
