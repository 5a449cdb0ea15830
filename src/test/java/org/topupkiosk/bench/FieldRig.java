package org.topupkiosk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.device.emulator.CcnetEmulator;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.emulator.fiscal.EmulatedRegister;
import org.topupkiosk.device.emulator.fiscal.FiscalEmulatorServer;
import org.topupkiosk.device.emulator.fiscal.FiscalStorage;
import org.topupkiosk.device.emulator.fiscal.ReceiptPaper;
import org.topupkiosk.device.emulator.fiscal.ShtrihEmulator;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.emulator.printer.PrinterEmulatorServer;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.domain.Money;
import org.topupkiosk.testing.SocatPair;

/**
 * The kiosk's surroundings as in the field, outside its process: the carrier (the simulator on loopback, reached over
 * HTTP as a real carrier's URL), a CCNET bill validator on the far end of a pty pair (as a USB serial adapter), a
 * network ESC/POS printer on a loopback TCP port, and a Shtrih-M fiscal register on a loopback TCP port (as one on
 * Ethernet; its passwords in an owner-only file). {@link #fieldConfig} rewrites the simulation configuration to use
 * them, so the kiosk process holds no emulator: what {@link MemoryBench} measures with {@code --field}. (The fiscal
 * emulator inside the kiosk drew every receipt to paper with AWT and loaded AWT's font manager: not the field.)
 */
final class FieldRig implements AutoCloseable {

    static final String KEY_ENV = "TOPUP_KIOSK_KEY";
    /** The emulated register's operator and administrator password (the factory one). */
    private static final int PASSWORD = 30;

    private final CarrierSimulator carrier;
    private final SocatPair line;
    private final CcnetEmulator validator;
    private final PrinterEmulatorServer printer;
    private final FiscalEmulatorServer fiscal;
    private final Path secrets;

    FieldRig() throws IOException {
        carrier = new CarrierSimulator(0, KioskKey.developmentKey(), null);
        line = SocatPair.start();
        validator = new CcnetEmulator(CcnetEmulator.RUB_TABLE, LineNoise.NONE, 1);
        validator.serve(new JSerialCommLink(line.deviceEnd(), validator.line()));
        printer = new PrinterEmulatorServer(new EscPosPrinterEmulator(null, 576), 0);
        byte[] fnKey = new byte[32];
        new SecureRandom().nextBytes(fnKey);
        FiscalStorage fn = FiscalStorage.inMemory("9999078900012345", LocalDate.now().plusMonths(13), fnKey, 250_000);
        fiscal = new FiscalEmulatorServer(new ShtrihEmulator(new EmulatedRegister(fn, Clock.systemDefaultZone(),
                new ReceiptPaper(null), PASSWORD, PASSWORD), System.nanoTime()), 0);
        secrets = Files.createTempDirectory("field-rig", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path file = secrets.resolve("fiscal-secrets.yaml");
        Files.writeString(file, "operator: " + PASSWORD + "\nadmin: " + PASSWORD + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }


    /** The carrier key as the kiosk reads it from {@link #KEY_ENV}. */
    String keyHex() {
        return HexFormat.of().formatHex(KioskKey.developmentKey());
    }

    /** A note into the validator's slot, as the kiosk's customer asked on its stdout. */
    void insert(long rub) {
        validator.insert(Money.rub(rub));
    }

    /** The simulation config with the carrier, acceptor, printer, fiscal register and scanner pointed at this rig. */
    void fieldConfig(Path yaml) throws IOException {
        String s = Files.readString(yaml, StandardCharsets.UTF_8);
        s = replace(s, "  simulator: embedded ", "  simulator: none\n  url: " + carrier.baseUri()
                + "\n  kioskKeyEnv: " + KEY_ENV + "\n  # ");
        s = replace(s, "    type: emulator          # emulator | ccnet | id003",
                "    type: ccnet\n    port: " + line.hostEnd());
        s = replace(s, "    type: emulator          # emulator (renders receipts to PNG under var/) | escpos",
                "    type: escpos\n    transport: tcp://127.0.0.1:" + printer.port());
        s = replace(s, "    type: emulator          # none | emulator", "    type: none # none | emulator");
        s = replace(s, "  emulated: true ", "  emulated: false\n  host: 127.0.0.1\n  tcpPort: " + fiscal.port()
                + "\n  secretsFile: " + secrets.resolve("fiscal-secrets.yaml") + "\n  # ");
        Files.writeString(yaml, fieldInns(s), StandardCharsets.UTF_8);
        Path catalog = yaml.resolveSibling(Path.of("catalog", "catalog.yaml"));
        Files.writeString(catalog, fieldInns(Files.readString(catalog, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static final Pattern DEMO_INN = Pattern.compile("inn: \"00(\\d{7})\\d\"");
    private static final int[] INN_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    /**
     * The simulation's INNs are of region 00, which a kiosk with a real register refuses (a register sends them to
     * the tax service): here region 99, with the check digit made again. Only ever sent to the emulated register.
     */
    static String fieldInns(String yaml) {
        Matcher m = DEMO_INN.matcher(yaml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = "99" + m.group(1);
            int sum = 0;
            for (int i = 0; i < INN_WEIGHTS.length; i++) {
                sum += INN_WEIGHTS[i] * (body.charAt(i) - '0');
            }
            m.appendReplacement(out, "inn: \"" + body + (sum % 11 % 10) + "\"");
        }
        m.appendTail(out);
        return out.toString();
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
        fiscal.close();
        try (Stream<Path> walk = Files.walk(secrets)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("field rig: cannot delete " + secrets + ": " + e);
        }
        printer.close();
        validator.stop();
        line.close();
        carrier.close();
    }
}
