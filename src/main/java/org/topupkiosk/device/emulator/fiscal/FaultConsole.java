package org.topupkiosk.device.emulator.fiscal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.topupkiosk.device.emulator.LineNoise;

/**
 * The emulator's faults switched at run time by a line of text (the stand-alone emulator reads them from its standard
 * input): paper, a full or expired storage, a shift over 24 hours, a power cut now or at the next receipt's close, power
 * back, line noise, the fiscal data operator's link, and the archive export. Each command answers one line.
 */
public final class FaultConsole {

    public static final String HELP = "commands: paper ok|near|out; fn-full on|off; fn-expired on|off; shift24 on|off; "
            + "power-cut [now|before-close|after-close]; power-on; noise RATE|off; ofd online|offline; "
            + "ofd-delay SECONDS; status; export FILE";

    private final ShtrihEmulator emulator;

    public FaultConsole(ShtrihEmulator emulator) {
        this.emulator = emulator;
    }

    /** Runs one command; the answer, or what was wrong with it. */
    public String apply(String line) {
        String[] w = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
        String arg = w.length > 1 ? w[1] : "";
        EmulatedRegister r = emulator.register();
        try {
            switch (w[0]) {
                case "paper" -> r.setPaper(switch (arg) {
                    case "ok" -> EmulatedRegister.Paper.OK;
                    case "near" -> EmulatedRegister.Paper.NEAR_END;
                    case "out" -> EmulatedRegister.Paper.OUT;
                    default -> throw new IllegalArgumentException("paper: ok, near or out, not '" + arg + "'");
                });
                case "fn-full" -> r.storage().forceFull(onOff(arg));
                case "fn-expired" -> r.storage().forceExpired(onOff(arg));
                case "shift24" -> r.forceShiftOver24h(onOff(arg));
                case "power-cut" -> {
                    switch (arg) {
                        case "", "now" -> r.cutPower();
                        case "before-close" -> r.armPowerCut(EmulatedRegister.CutPoint.BEFORE_CLOSE);
                        case "after-close" -> r.armPowerCut(EmulatedRegister.CutPoint.AFTER_CLOSE);
                        default -> throw new IllegalArgumentException("power-cut: now, before-close or after-close");
                    }
                }
                case "power-on" -> r.powerOn();
                case "noise" -> {
                    double rate = "off".equals(arg) ? 0 : Double.parseDouble(arg);
                    emulator.noise(new LineNoise(rate, rate / 2, 0, 0));
                    emulator.inboundCorruptRate(rate);
                }
                case "ofd" -> r.storage().ofdOffline(!"online".equals(arg) && offline(arg));
                case "ofd-delay" -> r.storage().ofdDelay(Duration.ofSeconds(Long.parseLong(arg)));
                case "status" -> {
                    return r.powered() ? r.status().toString() : "the register is off (power-on to restart)";
                }
                case "export" -> {
                    if (arg.isEmpty()) {
                        throw new IllegalArgumentException("export: give a file");
                    }
                    Path to = Path.of(line.trim().split("\\s+", 2)[1]);
                    r.storage().exportJsonLines(to);
                    return "exported " + r.storage().archive().size() + " documents to " + to;
                }
                case "help", "" -> {
                    return HELP;
                }
                default -> throw new IllegalArgumentException("unknown command '" + w[0] + "'; " + HELP);
            }
            return "ok " + line.trim();
        } catch (IllegalArgumentException | IOException e) {
            return "error: " + e.getMessage();
        }
    }

    private static boolean onOff(String arg) {
        return switch (arg) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("on or off, not '" + arg + "'");
        };
    }

    private static boolean offline(String arg) {
        if (!"offline".equals(arg)) {
            throw new IllegalArgumentException("ofd: online or offline, not '" + arg + "'");
        }
        return true;
    }
}
