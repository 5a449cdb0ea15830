package org.topupkiosk.carrier;

import java.util.Objects;
import org.topupkiosk.domain.Msisdn;

/** The carrier's answer to "whose SIM is this?": the number and operator behind an ICCID. */
public record SimSubscriber(String iccid, Msisdn msisdn, String operatorId) {

    public SimSubscriber {
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(operatorId, "operatorId");
    }
}
