package org.topupkiosk.device.sim;

import java.util.Objects;
import java.util.Optional;
import org.topupkiosk.domain.Msisdn;

/**
 * What a SIM told us about itself.
 *
 * @param iccid        the card's serial number, Luhn-checked
 * @param imsi         the subscriber identity (MCC, MNC, MSIN)
 * @param storedNumber the number in EF_MSISDN exactly as stored, empty when the card stores none
 * @param msisdn       {@code storedNumber} as a Russian mobile number, when it is one
 * @param operatorHint the catalog operator id from the IMSI's MCC/MNC, empty for foreign or unknown networks
 * @param kind         how the card was read
 */
public record SimIdentity(String iccid, String imsi, Optional<String> storedNumber, Optional<Msisdn> msisdn,
                          Optional<String> operatorHint, Kind kind) {

    /**
     * GSM: a classic SIM spoken to with CLA A0 (TS 51.011). UICC: CLA 00 without a USIM application, read through
     * DF_GSM. USIM: CLA 00 through the USIM application selected by its AID from EF_DIR (TS 31.102).
     */
    public enum Kind { GSM, UICC, USIM }

    public SimIdentity {
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(imsi, "imsi");
        Objects.requireNonNull(storedNumber, "storedNumber");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(operatorHint, "operatorHint");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The ICCID with the card's own serial hidden, for logs and the journal: the first six digits (industry, country,
     * issuer: E.118) and the last two stay, so support can tell the operator and the card apart from its neighbours.
     */
    public String maskedIccid() {
        return iccid.length() <= 8 ? iccid : iccid.substring(0, 6) + "*".repeat(iccid.length() - 8)
                + iccid.substring(iccid.length() - 2);
    }

    /** The IMSI with the subscriber part hidden, for logs. */
    public String maskedImsi() {
        return imsi.length() <= 5 ? imsi : imsi.substring(0, 5) + "*".repeat(imsi.length() - 5);
    }
}
