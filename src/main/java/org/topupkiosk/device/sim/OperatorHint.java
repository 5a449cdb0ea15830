package org.topupkiosk.device.sim;

import java.util.Map;
import java.util.Optional;

/**
 * Which Russian operator issued a SIM, from the IMSI's MCC and MNC (MCC 250, two-digit MNC). Only a hint: with number
 * portability the carrier's account check is the truth. The ids are the catalog's operator ids.
 */
public final class OperatorHint {

    private static final Map<String, String> BY_MCC_MNC = Map.of(
            "25001", "mts",
            "25002", "megafon",
            "25099", "beeline",
            "25020", "t2");

    private OperatorHint() {}

    public static Optional<String> fromImsi(String imsi) {
        if (imsi == null || imsi.length() < 5) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_MCC_MNC.get(imsi.substring(0, 5)));
    }
}
