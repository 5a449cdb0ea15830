package org.topupkiosk.journal;

import java.time.LocalDate;
import java.util.Objects;
import org.topupkiosk.domain.Msisdn;

/**
 * What the carrier issued for an e-PIN or eSIM order, as the journal keeps it: {@code kind} epin or esim,
 * {@code secret} the PIN or the SGP.22 activation code, the e-PIN's {@code serial} and last day, the eSIM's new number
 * and ICCID (each null when it does not apply). {@code toString()} masks the secret: only the screen and the receipt
 * see it whole.
 */
public record Goods(String kind, String secret, String serial, Msisdn msisdn, String iccid, LocalDate expiresOn) {

    public Goods {
        if (!Order.GOODS_KINDS.contains(kind)) {
            throw new IllegalArgumentException("goods kind must be epin or esim, got '" + kind + "'");
        }
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("goods without their PIN or activation code");
        }
        if ("esim".equals(kind) && msisdn == null) {
            throw new IllegalArgumentException("an eSIM comes with its new number");
        }
    }

    /** The last four characters of the secret, for logs and audit rows. */
    public String masked() {
        return secret.length() <= 4 ? "****" : "*".repeat(Math.min(8, secret.length() - 4))
                + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return "Goods[" + kind + " " + masked() + (serial == null ? "" : " serial=" + serial) + "]";
    }
}
