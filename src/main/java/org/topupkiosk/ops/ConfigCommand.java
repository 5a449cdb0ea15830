package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.FiscalSecrets;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.fleet.kiosk.FleetSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kioskctl config ...}: checks a configuration the way the kiosk reads it at start. */
@Command(name = "config", description = "Inspect the kiosk configuration.", mixinStandardHelpOptions = true,
        subcommands = ConfigCommand.Check.class)
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'config check'");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Load kiosk.yaml, the catalog, the numbering file and the carrier key; print one line or the errors.")
    static final class Check extends KioskctlCommand {

        @Option(names = "--config", paramLabel = "FILE", defaultValue = "kiosk-config/kiosk.yaml",
                description = "Config file (default: ${DEFAULT-VALUE}).")
        Path config;

        @Option(names = "--skip-key", description = "Do not read the carrier key nor the fiscal register's passwords"
                + " file (checking a production file elsewhere).")
        boolean skipKey;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                LoadedConfig loaded = ConfigLoader.load(config);
                if (!skipKey) {
                    KioskKey.load(loaded.config().carrier(), config, System::getenv);
                    FiscalSecrets.load(loaded.config().fiscal(), config);
                    if (loaded.config().fleet().enabled()) {
                        FleetSettings.load(loaded.config(), config, "check"); // secrets file and office key
                    }
                }
                out.printf("config ok: %s kiosk=%s mode=%s operators=%d ranges=%d%n", config,
                        loaded.config().kiosk().id(), loaded.config().kiosk().mode().name().toLowerCase(Locale.ROOT),
                        loaded.catalog().operators().size(), loaded.numbering().size());
                KioskConfig.Fleet fleet = loaded.config().fleet();
                if (fleet.enabled()) {
                    out.printf("fleet: broker=%s kioskId=%s topicPrefix=%s stateEverySeconds=%d secretsFile=%s"
                                    + " officeKeyFile=%s allowPlain=%s%n", fleet.broker().map(Object::toString).orElse("-"),
                            fleet.kioskId().orElse("-"), fleet.topicPrefix(), fleet.stateEverySeconds(),
                            fleet.secretsFile().map(Object::toString).orElse("-"),
                            fleet.officeKeyFile().map(Object::toString).orElse("-"), fleet.allowPlain());
                }
                out.flush();
                return 0;
            } catch (ConfigException e) {
                int n = e.problems().size();
                err.println("config error" + (n > 1 ? "s (" + n + ")" : "") + ":");
                e.problems().forEach(p -> err.println("  " + p));
                err.flush();
                return 1;
            }
        }
    }
}
