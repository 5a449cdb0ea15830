package org.topupkiosk.device.emulator.sim;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.topupkiosk.device.sim.Bcd;
import org.topupkiosk.device.sim.VirtualCardName;

/**
 * One virtual card: which file system it carries and what is written in it. The registered profiles' ICCIDs and
 * numbers are also in the carrier simulator's SIM register ({@code carrier/simulator/sims.csv}), so a card that
 * stores no number can be resolved by its ICCID, as with a real carrier.
 *
 * @param storedNumber the E.164 number written in EF_MSISDN, empty when the card stores none
 */
public record VirtualSimProfile(String name, Variant variant, String iccid, String imsi, Optional<String> storedNumber) {

    /** GSM: classic SIM, CLA A0, answers 9Fxx. USIM: UICC with EF_DIR and a USIM application, FCPs behind 61xx. */
    public enum Variant { GSM, USIM, NOT_A_SIM }

    /** MTS, GSM card, number stored. */
    public static final VirtualSimProfile GSM_WITH_NUMBER = card(VirtualCardName.GSM_WITH_NUMBER,
            Variant.GSM, "8970101000000000012", "250011000000001", Optional.of("+79161000001"));
    /** Beeline, GSM card, EF_MSISDN present but empty; the carrier knows +79031000003. */
    public static final VirtualSimProfile GSM_NO_NUMBER = card(VirtualCardName.GSM_NO_NUMBER,
            Variant.GSM, "8970199000000000031", "250991000000003", Optional.empty());
    /** MegaFon, USIM, number stored under ADF USIM. */
    public static final VirtualSimProfile USIM_WITH_NUMBER = card(VirtualCardName.USIM_WITH_NUMBER,
            Variant.USIM, "8970102000000000029", "250021000000002", Optional.of("+79261000002"));
    /** T2, USIM without EF_MSISDN, a 20-digit ICCID; the carrier knows +79521000004. */
    public static final VirtualSimProfile USIM_NO_NUMBER = card(VirtualCardName.USIM_NO_NUMBER,
            Variant.USIM, "89701200000000000070", "250201000000004", Optional.empty());
    /** A valid USIM the carrier has never heard of: its number cannot be found. */
    public static final VirtualSimProfile USIM_UNREGISTERED = card(VirtualCardName.USIM_UNREGISTERED,
            Variant.USIM, "8970199000000000056", "250991000000005", Optional.empty());
    /** Not a SIM at all (a bank card in the SIM slot): it refuses every SIM file. */
    public static final VirtualSimProfile NOT_A_SIM = card(VirtualCardName.NOT_A_SIM,
            Variant.NOT_A_SIM, "8970101000000000012", "250011000000001", Optional.empty());

    public static final List<VirtualSimProfile> ALL = List.of(GSM_WITH_NUMBER, GSM_NO_NUMBER,
            USIM_WITH_NUMBER, USIM_NO_NUMBER, USIM_UNREGISTERED, NOT_A_SIM);

    public VirtualSimProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(storedNumber, "storedNumber");
        if (iccid == null || !iccid.matches("\\d{18,20}") || !Bcd.luhnValid(iccid)) {
            throw new IllegalArgumentException("iccid must be 18-20 digits with a Luhn check digit, got " + iccid);
        }
        if (imsi == null || !imsi.matches("\\d{6,15}")) {
            throw new IllegalArgumentException("imsi must be 6-15 digits, got " + imsi);
        }
        storedNumber.ifPresent(n -> {
            if (!n.matches("\\+?\\d{1,20}")) {
                throw new IllegalArgumentException("stored number must be digits with an optional +, got " + n);
            }
        });
    }

    private static VirtualSimProfile card(VirtualCardName name, Variant variant, String iccid, String imsi,
                                          Optional<String> storedNumber) {
        return new VirtualSimProfile(name.code(), variant, iccid, imsi, storedNumber);
    }

    /** A profile by its name ({@code gsm-with-number}, ...), for config files and the device panel. */
    public static Optional<VirtualSimProfile> named(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.name.equals(n)).findFirst();
    }
}
