package org.topupkiosk.device.emulator.fiscal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.device.serial.SerialSettings;

/**
 * The Shtrih-M register emulator alone, for a technician trying settings or {@code kioskctl fiscal} without hardware:
 * {@code --pty} makes a socat pty pair and prints the end to give the driver; {@code --tcp PORT} listens on 127.0.0.1
 * as the register's Ethernet port; {@code --device PATH} serves one end of a pty pair made elsewhere. {@code --state
 * FILE} keeps the emulated storage (serial, key, archive) across restarts; {@code --png-dir DIR} is where receipts and
 * reports are drawn (default var/fiscal-receipts). Faults are typed on standard input ({@link FaultConsole#HELP}).
 */
public final class FiscalEmulatorMain {

    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");
    private static final String USAGE = "usage: fiscal-emulator (--pty | --tcp PORT | --device PATH) [--state FILE] "
            + "[--png-dir DIR] [--fn 16DIGITS] [--valid-until YYYY-MM-DD] [--capacity N] [--operator-password N] "
            + "[--admin-password N] [--ofd-delay-s N] [--ofd-offline] [--paper-out] [--noise RATE]";

    private FiscalEmulatorMain() {}

    public static void main(String[] args) throws Exception {
        boolean pty = false;
        Integer tcp = null;
        String device = null;
        Path state = null;
        Path pngDir = Path.of("var/fiscal-receipts");
        String fnSerial = "9999078900012345";
        LocalDate validUntil = LocalDate.now().plusMonths(13);
        int capacity = 250_000;
        int operator = 1;
        int admin = 30;
        long ofdDelay = 5;
        List<String> faults = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--pty" -> pty = true;
                    case "--tcp" -> tcp = Integer.parseInt(args[++i]);
                    case "--device" -> device = args[++i];
                    case "--state" -> state = Path.of(args[++i]);
                    case "--png-dir" -> pngDir = Path.of(args[++i]);
                    case "--fn" -> fnSerial = args[++i];
                    case "--valid-until" -> validUntil = LocalDate.parse(args[++i]);
                    case "--capacity" -> capacity = Integer.parseInt(args[++i]);
                    case "--operator-password" -> operator = Integer.parseInt(args[++i]);
                    case "--admin-password" -> admin = Integer.parseInt(args[++i]);
                    case "--ofd-delay-s" -> ofdDelay = Long.parseLong(args[++i]);
                    case "--ofd-offline" -> faults.add("ofd offline");
                    case "--paper-out" -> faults.add("paper out");
                    case "--noise" -> faults.add("noise " + Double.parseDouble(args[++i]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if ((pty ? 1 : 0) + (tcp != null ? 1 : 0) + (device != null ? 1 : 0) != 1) {
                throw new IllegalArgumentException("give one of --pty, --tcp PORT, --device PATH");
            }
        } catch (RuntimeException e) {
            System.err.println("fiscal-emulator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        FiscalStorage fn = state == null ? FiscalStorage.inMemory(fnSerial, validUntil, key, capacity)
                : FiscalStorage.inFile(state, fnSerial, validUntil, key, capacity);
        fn.ofdDelay(Duration.ofSeconds(ofdDelay));
        EmulatedRegister register = new EmulatedRegister(fn, Clock.systemDefaultZone(), new ReceiptPaper(pngDir),
                operator, admin);
        ShtrihEmulator emulator = new ShtrihEmulator(register, System.nanoTime());
        FaultConsole console = new FaultConsole(emulator);
        faults.forEach(console::apply);
        String where;
        if (tcp != null) {
            FiscalEmulatorServer server = new FiscalEmulatorServer(emulator, tcp);
            where = "tcp://127.0.0.1:" + server.port();
        } else if (device != null) {
            emulator.serve(new JSerialCommLink(device, new SerialSettings(115200, 8, SerialSettings.Parity.NONE, 1)));
            where = device;
        } else {
            String[] ends = socatPair();
            emulator.serve(new JSerialCommLink(ends[0], new SerialSettings(115200, 8, SerialSettings.Parity.NONE,
                    1)));
            where = "pty " + ends[1];
        }
        System.out.println("fiscal emulator on " + where + " fn=" + fn.serial() + " documents="
                + fn.archive().size() + " state=" + (state == null ? "(memory)" : state) + " png=" + pngDir
                + " passwords=" + operator + "/" + admin);
        System.out.println(FaultConsole.HELP);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            System.out.println(console.apply(line));
            System.out.flush();
        }
        Thread.currentThread().join(); // standard input closed (run in the background): serve until killed
    }

    /** A socat pty pair that lives as long as this process: [device end, host end]. */
    private static String[] socatPair() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        List<String> found = new ArrayList<>();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (found.size() < 2 && System.nanoTime() < deadline) {
            String l = err.readLine();
            if (l == null) {
                break;
            }
            Matcher m = PTY.matcher(l);
            if (m.find()) {
                found.add(m.group(1));
            }
        }
        if (found.size() < 2) {
            p.destroyForcibly();
            throw new IOException("socat did not make a pty pair (is socat installed?)");
        }
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // socat's notices, not needed
                }
            } catch (IOException ignored) {
                // socat ended
            }
        }, "socat-stderr");
        drain.setDaemon(true);
        drain.start();
        return new String[] {found.get(0), found.get(1)};
    }
}
