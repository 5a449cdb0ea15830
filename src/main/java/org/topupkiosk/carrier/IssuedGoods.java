package org.topupkiosk.carrier;

import java.time.LocalDate;
import java.util.Objects;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.ScannedCode;
import org.topupkiosk.domain.Symbology;

/**
 * What the carrier issued for a confirmed e-PIN or eSIM payment. The same txnId always gets the same goods. The PIN and
 * the activation code are what the customer paid for: {@code toString()} masks them, so a log line never holds one.
 */
public sealed interface IssuedGoods permits IssuedGoods.EPin, IssuedGoods.Esim {

    GoodsKind kind();

    /** The PIN or the activation code in full: for the journal, the screen and the receipt only. */
    String secret();

    /** For logs and audit rows: the last four characters at most. */
    String masked();

    /** A voucher PIN (10 to 20 digits), its serial, and the last day it can be applied (null: no limit). */
    record EPin(String pin, String serial, LocalDate expiresOn) implements IssuedGoods {
        public EPin {
            Objects.requireNonNull(pin, "pin");
            Objects.requireNonNull(serial, "serial");
            if (!pin.matches("[0-9]{10,20}")) {
                throw new IllegalArgumentException("an e-PIN is 10 to 20 digits, got " + pin.length() + " characters");
            }
            if (serial.isBlank() || serial.length() > 64) {
                throw new IllegalArgumentException("an e-PIN serial is 1 to 64 characters");
            }
        }

        @Override
        public GoodsKind kind() {
            return GoodsKind.EPIN;
        }

        @Override
        public String secret() {
            return pin;
        }

        @Override
        public String masked() {
            return mask(pin);
        }

        @Override
        public String toString() {
            return "EPin[" + masked() + ", serial=" + serial + ", expiresOn=" + expiresOn + "]";
        }
    }

    /**
     * An eSIM: the SGP.22 activation code ({@code LPA:1$<SM-DP+>$<matching id>}, checked as the kiosk's scanner would
     * read it), the new number, and the profile's ICCID when the carrier tells it.
     */
    record Esim(String activationCode, Msisdn msisdn, String iccid) implements IssuedGoods {
        public Esim {
            Objects.requireNonNull(activationCode, "activationCode");
            Objects.requireNonNull(msisdn, "msisdn");
            if (!(ScannedCode.classify(activationCode, Symbology.QR_CODE) instanceof CodeMeaning.EsimOrder o)
                    || !o.activationCode().equals(activationCode)) {
                throw new IllegalArgumentException("not an SGP.22 activation code (LPA:1$<SM-DP+>$<matching id>)");
            }
            if (iccid != null && !iccid.matches("\\d{18,20}")) {
                throw new IllegalArgumentException("an ICCID is 18 to 20 digits");
            }
        }

        @Override
        public GoodsKind kind() {
            return GoodsKind.ESIM;
        }

        @Override
        public String secret() {
            return activationCode;
        }

        /** The SM-DP+ address the phone asks for when the code is typed by hand. */
        public String smdpAddress() {
            return activationCode.split("\\$", -1)[1];
        }

        /** The matching id, typed as "activation code" on most phones. */
        public String matchingId() {
            return activationCode.split("\\$", -1)[2];
        }

        @Override
        public String masked() {
            return "LPA:1$" + smdpAddress() + "$" + mask(matchingId());
        }

        @Override
        public String toString() {
            return "Esim[" + masked() + ", msisdn=" + msisdn.masked() + "]";
        }
    }

    private static String mask(String s) {
        return s.length() <= 4 ? "****" : "*".repeat(s.length() - 4) + s.substring(s.length() - 4);
    }
}
