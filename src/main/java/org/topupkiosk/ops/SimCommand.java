package org.topupkiosk.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.SimNumberFinder;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.device.emulator.sim.VirtualSimCard;
import org.topupkiosk.device.emulator.sim.VirtualSimFaults;
import org.topupkiosk.device.emulator.sim.VirtualSimProfile;
import org.topupkiosk.device.emulator.sim.VpcdCardClient;
import org.topupkiosk.device.sim.PcscCardSlot;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimIdentity;
import org.topupkiosk.device.sim.SimSlotReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioskctl sim ...}: the technician's tools for the SIM card reader. */
@Command(name = "sim", description = "SIM card reader diagnostics.", mixinStandardHelpOptions = true,
        subcommands = SimCommand.Read.class)
public final class SimCommand extends CommandGroup {

    /**
     * Reads the card in the reader through pcscd and prints {@code name=value} lines: reader, card kind, ICCID, IMSI,
     * the stored number or "not stored" (then the carrier's answer by ICCID, when the carrier can be reached), and the
     * operator hint from the IMSI. Exit 0 when the card was read; 1 with a clear message when there is no pcscd, no
     * reader, no card, or the card cannot be read; 2 on a bad config.
     */
    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Read ICCID, IMSI and number of the SIM card in the reader.")
    static final class Read extends KioskctlCommand {

        @Option(names = "--reader", paramLabel = "NAME",
                description = "PC/SC reader name or a part of it (default: devices.sim.reader of the config, else the"
                        + " first reader).")
        String reader;

        @Option(names = "--config", description = "Config file, for the reader name and the carrier (default:"
                + " ${DEFAULT-VALUE}).")
        Path config = Path.of("kiosk-config/kiosk.yaml");

        @Option(names = "--timeout-ms", description = "How long the card may take (default: ${DEFAULT-VALUE}).")
        long timeoutMs = 5_000;

        @Option(names = "--insert", paramLabel = "PROFILE",
                description = "Simulation: first put this virtual SIM into pcscd's vpcd reader (gsm-with-number,"
                        + " gsm-no-number, usim-with-number, usim-no-number, usim-unregistered, not-a-sim).")
        String insert;

        @Option(names = "--no-carrier", description = "Do not ask the carrier for a number the card does not store.")
        boolean noCarrier;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            KioskConfig cfg;
            try {
                cfg = ConfigLoader.loadKioskConfig(config);
            } catch (ConfigException e) {
                out.println("sim read: configuration: " + e.getMessage());
                out.flush();
                return 2;
            }
            String name = reader != null ? reader : cfg.devices().sim().reader();
            if (timeoutMs < 500 || timeoutMs > 60_000) {
                out.println("sim read: --timeout-ms must be 500..60000, got " + timeoutMs);
                out.flush();
                return 2;
            }
            try (VpcdCardClient hand = new VpcdCardClient("127.0.0.1", cfg.devices().sim().vpcdPort(), name)) {
                if (insert != null) {
                    Optional<VirtualSimProfile> p = VirtualSimProfile.named(insert);
                    if (p.isEmpty()) {
                        out.println("sim read: --insert " + insert + " is not a virtual SIM profile");
                        out.flush();
                        return 2;
                    }
                    hand.insert(new VirtualSimCard(p.get()), VirtualSimFaults.NONE);
                }
                return read(out, cfg, name);
            } catch (IOException e) {
                out.println("sim read: " + e.getMessage());
                out.flush();
                return 1;
            }
        }

        private int read(PrintWriter out, KioskConfig cfg, String name) {
            PcscCardSlot slot = new PcscCardSlot(name);
            SimSlotReader r = new SimSlotReader(slot, Duration.ofMillis(timeoutMs));
            SimIdentity id;
            try {
                out.println("reader=" + slot.name());
                id = r.readNow(Duration.ofMillis(timeoutMs));
            } catch (SimException e) {
                out.println("sim read: " + explain(e));
                out.flush();
                return 1;
            } finally {
                r.close();
            }
            out.println("card=" + id.kind());
            out.println("iccid=" + id.iccid());
            out.println("imsi=" + id.imsi());
            if (id.storedNumber().isPresent()) {
                out.println("msisdn=" + id.msisdn().map(m -> m.e164()).orElse(id.storedNumber().get()
                        + " (not a Russian mobile number)"));
            } else {
                out.println("msisdn=not stored");
                if (!noCarrier) {
                    out.println("carrier=" + askCarrier(cfg, id));
                }
            }
            out.println("operator-hint=" + id.operatorHint().orElse("unknown (not a Russian MCC/MNC we know)"));
            out.flush();
            return 0;
        }

        /** The carrier's number for the ICCID, or why there is none; the embedded simulator is started for it. */
        private String askCarrier(KioskConfig cfg, SimIdentity id) {
            CarrierSimulator sim = null;
            try {
                byte[] key = KioskKey.load(cfg.carrier(), config, System::getenv).bytes();
                URI url;
                if (cfg.carrier().simulator() == KioskConfig.Simulator.EMBEDDED) {
                    sim = new CarrierSimulator(0, key, null);
                    url = sim.baseUri();
                } else {
                    url = cfg.carrier().url().orElseThrow();
                }
                CarrierGateway gw = new RestCarrierGateway(url, cfg.kiosk().id(), key,
                        Duration.ofMillis(cfg.carrier().connectTimeoutMs()),
                        Duration.ofMillis(cfg.carrier().requestTimeoutMs()), Clock.systemUTC());
                SimNumberFinder.Found f = new SimNumberFinder(gw).find(id.iccid(), id.msisdn(), id.operatorHint());
                if (f.msisdn().isPresent()) {
                    return f.msisdn().get().e164() + " operator=" + f.operatorId().orElse("?");
                }
                return f.error().map(e -> "no number (" + e.code() + ": " + e.getMessage() + ")").orElse("no number");
            } catch (ConfigException | IOException | RuntimeException e) {
                return "not asked (" + e.getMessage() + ")";
            } finally {
                if (sim != null) {
                    sim.close();
                }
            }
        }

        private static String explain(SimException e) {
            return switch (e.code()) {
                case NO_PCSC -> "pcscd is not running (start it: sudo pcscd) - " + e.getMessage();
                case NO_READER -> "no card reader - " + e.getMessage();
                case NO_CARD -> "no card in the reader - " + e.getMessage();
                case MUTE -> "the card does not answer - " + e.getMessage();
                case UNKNOWN_CARD -> "the card is not a SIM - " + e.getMessage();
                case CARD_REMOVED -> "the card was taken out while reading - " + e.getMessage();
                default -> "the card could not be read - " + e.getMessage();
            };
        }
    }
}
