package org.topupkiosk.device.emulator.fiscal;

import java.util.Arrays;
import java.util.Objects;

/**
 * One operation (item) of an open receipt as the register took it (Shtrih-M "operation v2"), with the TLVs the host sent
 * linked to it (agent sign, agent and supplier data).
 *
 * @param type          the operation's sign (1054): 1 "приход", 2 "возврат прихода"
 * @param quantityMicro the quantity in millionths (1023), 1_000_000 for one
 * @param priceMinor    the unit price in kopecks (1079)
 * @param sumMinor      the item's amount in kopecks (1043)
 * @param taxRate       the tax rate bits of the operation command; bit 3 (8) is "без НДС"
 * @param method        the payment method (1214); 4 is "полный расчёт"
 * @param subject       the payment subject (1212); 10 is "платёж"
 * @param name          the item's name (1030)
 * @param linkedTlv     TLVs linked to this operation, as sent (tag and length little-endian)
 */
public record FnOperation(int type, long quantityMicro, long priceMinor, long sumMinor, int taxRate, int method,
        int subject, String name, byte[] linkedTlv) {

    public FnOperation {
        Objects.requireNonNull(name, "name");
        linkedTlv = linkedTlv == null ? new byte[0] : linkedTlv.clone();
    }

    @Override
    public byte[] linkedTlv() {
        return linkedTlv.clone();
    }

    /** The same operation with {@code tlv} appended to its linked TLVs. */
    FnOperation withTlv(byte[] tlv) {
        byte[] all = new byte[linkedTlv.length + tlv.length];
        System.arraycopy(linkedTlv, 0, all, 0, linkedTlv.length);
        System.arraycopy(tlv, 0, all, linkedTlv.length, tlv.length);
        return new FnOperation(type, quantityMicro, priceMinor, sumMinor, taxRate, method, subject, name, all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FnOperation p && type == p.type && quantityMicro == p.quantityMicro
                && priceMinor == p.priceMinor && sumMinor == p.sumMinor && taxRate == p.taxRate && method == p.method
                && subject == p.subject && name.equals(p.name) && Arrays.equals(linkedTlv, p.linkedTlv);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, sumMinor, name) * 31 + Arrays.hashCode(linkedTlv);
    }
}
