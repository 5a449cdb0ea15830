package org.topupkiosk.device.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The names of the virtual SIM cards the simulated reader can hold, as config files and the device panel write them
 * ({@code simReader.virtualCard}). The cards themselves (file system, ICCID, number) are the emulator's profiles; this
 * is the settings-level list, so config can check a name without knowing the emulator.
 */
public enum VirtualCardName {
    GSM_WITH_NUMBER("gsm-with-number"),
    GSM_NO_NUMBER("gsm-no-number"),
    USIM_WITH_NUMBER("usim-with-number"),
    USIM_NO_NUMBER("usim-no-number"),
    USIM_UNREGISTERED("usim-unregistered"),
    NOT_A_SIM("not-a-sim");

    private final String code;

    VirtualCardName(String code) {
        this.code = code;
    }

    /** The name as written in config ({@code gsm-with-number}, ...). */
    public String code() {
        return code;
    }

    /** A card by its written name, case and surrounding blanks ignored. */
    public static Optional<VirtualCardName> named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.code.equals(n)).findFirst();
    }

    /** Every written name, for messages: "gsm-with-number, gsm-no-number, ...". */
    public static String allCodes() {
        return Arrays.stream(values()).map(VirtualCardName::code).collect(Collectors.joining(", "));
    }
}
