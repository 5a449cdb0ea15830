package org.topupkiosk.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.TreeSet;
import org.topupkiosk.app.KioskCarrier;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.domain.Msisdn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioskctl carrier ...}: commissioning checks against the configured carrier provider. */
@Command(name = "carrier", mixinStandardHelpOptions = true,
        description = "Commissioning checks against the configured carrier provider.",
        subcommands = CarrierCommand.Check.class)
public final class CarrierCommand extends CommandGroup {

    /**
     * {@code kioskctl carrier check --number N [--config F]}: asks the configured provider, through the adapter the
     * kiosk would use ({@link KioskCarrier#gateway}), whether it serves the number. Moves no money. Prints the
     * details, then one line: {@code carrier ok adapter=A number=MASKED payable=true|false result=CODE} (exit 0; the
     * result is {@code ok} or the provider's refusal code), or {@code carrier fault REASON} (exit 1; 2 for a bad
     * config or number). In simulation mode the provider is the embedded simulator, started for the check.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Ask the configured provider about a number (no money moves). Ends with 'carrier ok ...' "
                    + "(exit 0) or 'carrier fault REASON' (exit 1; 2 for a bad config or number).")
    public static final class Check extends KioskctlCommand {

        static final int OK = 0;
        static final int FAULT = 1;
        static final int USAGE = 2;

        @Option(names = "--config", paramLabel = "FILE", defaultValue = "kiosk-config/kiosk.yaml",
                description = "The kiosk's config file (default: ${DEFAULT-VALUE}).")
        Path config;

        @Option(names = "--number", required = true, paramLabel = "N",
                description = "The number to ask about: +7 9XX XXX-XX-XX, 8 9XX..., or the 10 national digits.")
        String number;

        @Option(names = "--operator", paramLabel = "ID",
                description = "The operator the number is believed to belong to (a hint; the provider decides).")
        String operator;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                return check(out);
            } finally {
                out.flush();
            }
        }

        private int check(PrintWriter out) {
            Msisdn.Parsed parsed = Msisdn.parse(number);
            if (parsed instanceof Msisdn.Invalid invalid) {
                out.println("carrier fault number: '" + number + "' is not a Russian mobile number ("
                        + invalid.reason().name().toLowerCase(Locale.ROOT) + ": " + invalid.detail() + ")");
                return USAGE;
            }
            Msisdn msisdn = ((Msisdn.Valid) parsed).msisdn();
            KioskConfig cfg;
            byte[] key;
            try {
                cfg = ConfigLoader.loadKioskConfig(config);
                key = KioskCarrier.key(cfg, config);
            } catch (ConfigException e) {
                out.println(e.getMessage());
                out.println("carrier fault config: " + config + " cannot be used");
                return USAGE;
            } catch (UncheckedIOException e) {
                out.println("carrier fault config: " + e.getMessage());
                return USAGE;
            }
            String adapter = cfg.carrier().adapter().name().toLowerCase(Locale.ROOT);
            boolean embedded = cfg.carrier().simulator() == KioskConfig.Simulator.EMBEDDED;
            try (CarrierSimulator sim = embedded ? new CarrierSimulator(0, key, null) : null) {
                URI url = embedded ? KioskCarrier.endpoint(cfg, sim) : KioskCarrier.endpoint(cfg);
                CarrierGateway gateway = KioskCarrier.gateway(cfg, config, url, key, Clock.systemUTC());
                out.println("adapter: " + adapter);
                out.println("provider: " + (embedded ? "embedded simulator at " + url : url));
                out.println("kiosk: " + cfg.kiosk().id());
                out.println("can: " + new TreeSet<>(gateway.capabilities()));
                out.println("number: " + msisdn.masked() + (operator == null ? "" : " (operator hint " + operator + ")"));
                long t0 = System.nanoTime();
                AccountCheck a = gateway.checkAccount(msisdn, operator);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                out.println("answer: " + ms + " ms");
                out.println("operator: " + (a.operatorId() == null ? "-" : a.operatorId()));
                out.println("limits: " + (a.minAmount() == null ? "-" : a.minAmount().plain()) + " .. "
                        + (a.maxAmount() == null ? "-" : a.maxAmount().plain()));
                String result = a.payable() ? "ok" : a.refusalCode() == null ? "refused" : a.refusalCode();
                out.println("carrier ok adapter=" + adapter + " number=" + msisdn.masked() + " payable="
                        + a.payable() + " result=" + result);
                return OK;
            } catch (ConfigException e) {
                out.println(e.getMessage());
                out.println("carrier fault config: " + config + " cannot be used");
                return USAGE;
            } catch (CarrierException e) {
                out.println("carrier fault " + e.kind().name().toLowerCase(Locale.ROOT) + " " + e.code() + ": "
                        + e.getMessage());
                return FAULT;
            } catch (IOException e) {
                out.println("carrier fault simulator: the embedded simulator did not start: " + e.getMessage());
                return FAULT;
            } catch (RuntimeException e) {
                out.println("carrier fault internal: " + e);
                return FAULT;
            }
        }
    }
}
