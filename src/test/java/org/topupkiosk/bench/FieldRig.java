package org.topupkiosk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.device.emulator.CcnetEmulator;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.emulator.printer.PrinterEmulatorServer;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.domain.Money;
import org.topupkiosk.testing.SocatPair;

/**
 * The kiosk's surroundings as in the field, outside its process: the carrier (the simulator on loopback, reached over
 * HTTP as a real carrier's URL), a CCNET bill validator on the far end of a pty pair (as a USB serial adapter), and a
 * network ESC/POS printer on a loopback TCP port. {@link #fieldConfig} rewrites the simulation configuration to use
 * them, so the kiosk process holds no emulator: what {@link MemoryBench} measures with {@code --field}.
 */
final class FieldRig implements AutoCloseable {

    static final String KEY_ENV = "TOPUP_KIOSK_KEY";

    private final CarrierSimulator carrier;
    private final SocatPair line;
    private final CcnetEmulator validator;
    private final PrinterEmulatorServer printer;

    FieldRig() throws IOException {
        carrier = new CarrierSimulator(0, KioskKey.developmentKey(), null);
        line = SocatPair.start();
        validator = new CcnetEmulator(CcnetEmulator.RUB_TABLE, LineNoise.NONE, 1);
        validator.serve(new JSerialCommLink(line.deviceEnd(), validator.line()));
        printer = new PrinterEmulatorServer(new EscPosPrinterEmulator(null, 576), 0);
    }

    /** The carrier key as the kiosk reads it from {@link #KEY_ENV}. */
    String keyHex() {
        return HexFormat.of().formatHex(KioskKey.developmentKey());
    }

    /** A note into the validator's slot, as the kiosk's customer asked on its stdout. */
    void insert(long rub) {
        validator.insert(Money.rub(rub));
    }

    /** The simulation config with the carrier, acceptor, printer and scanner pointed at this rig. */
    void fieldConfig(Path yaml) throws IOException {
        String s = Files.readString(yaml, StandardCharsets.UTF_8);
        s = replace(s, "  simulator: embedded ", "  simulator: none\n  url: " + carrier.baseUri()
                + "\n  kioskKeyEnv: " + KEY_ENV + "\n  # ");
        s = replace(s, "    type: emulator          # emulator | ccnet | id003",
                "    type: ccnet\n    port: " + line.hostEnd());
        s = replace(s, "    type: emulator          # emulator (renders receipts to PNG under var/) | escpos",
                "    type: escpos\n    transport: tcp://127.0.0.1:" + printer.port());
        s = replace(s, "    type: emulator          # none | emulator", "    type: none # none | emulator");
        Files.writeString(yaml, s, StandardCharsets.UTF_8);
    }

    private static String replace(String text, String what, String with) {
        if (!text.contains(what)) {
            throw new IllegalStateException("the simulation config no longer has \"" + what.strip()
                    + "\"; FieldRig must follow it");
        }
        return text.replace(what, with);
    }

    @Override
    public void close() {
        printer.close();
        validator.stop();
        line.close();
        carrier.close();
    }
}
