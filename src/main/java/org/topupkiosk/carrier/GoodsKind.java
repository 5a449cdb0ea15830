package org.topupkiosk.carrier;

import java.util.Locale;

/** The goods a carrier issues for cash at the kiosk: an e-PIN voucher or an eSIM. */
public enum GoodsKind {
    /** A top-up voucher: the carrier issues a PIN worth the nominal, to be applied to any of its numbers. */
    EPIN,
    /** An eSIM with a plan: the carrier issues an SGP.22 activation code and a new number. */
    ESIM;

    /** The wire, journal and order-kind name: {@code epin} or {@code esim}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code wire}; IllegalArgumentException for anything else. */
    public static GoodsKind ofWire(String wire) {
        for (GoodsKind k : values()) {
            if (k.wire().equals(wire)) {
                return k;
            }
        }
        throw new IllegalArgumentException("goods kind must be epin or esim, got '" + wire + "'");
    }
}
