package org.topupkiosk.ops;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.device.gpio.GpioSettings;
import org.topupkiosk.device.gpio.GpioStartup;
import org.topupkiosk.device.gpio.KioskGpio;
import org.topupkiosk.device.gpio.ThreadGpioScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioskctl gpio status}: each configured pin with its role, BCM number, level and what the level means. */
@Command(name = "gpio", description = "Cabinet GPIO (door, cash box, light, relay) service commands.",
        mixinStandardHelpOptions = true, subcommands = GpioCommand.Status.class)
public final class GpioCommand extends CommandGroup {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print each configured pin: role, BCM number, level, meaning. Stop the kiosk first: it holds "
                    + "the GPIO lines while it runs. Exit 0 when printed or when GPIO is off here (\"GPIO off: ...\"), "
                    + "1 when the pins could not be opened, 2 on a configuration error.")
    static final class Status extends KioskctlCommand {

        @Option(names = "--config", paramLabel = "FILE", defaultValue = "kiosk-config/kiosk.yaml",
                description = "Config file (default: ${DEFAULT-VALUE}).")
        Path config;

        @Option(names = "--board-model-file", paramLabel = "FILE", hidden = true,
                description = "Where the board names itself (default /proc/device-tree/model).")
        Path boardModel = GpioStartup.DEVICE_TREE_MODEL;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            GpioSettings cfg;
            try {
                cfg = ConfigLoader.loadKioskConfig(config).gpio();
            } catch (ConfigException e) {
                err.println("config error:");
                e.problems().forEach(p -> err.println("  " + p));
                err.flush();
                return 2;
            }
            // Never simulated here: a status of mock pins would say nothing about the cabinet.
            GpioStartup.Decision decision = GpioStartup.decide(cfg.enabled(), false,
                    GpioStartup.raspberryPiModel(boardModel));
            if (decision.kind() == GpioStartup.Kind.OFF) {
                out.println("GPIO off: " + decision.reason());
                out.flush();
                return 0;
            }
            try (ThreadGpioScheduler scheduler = new ThreadGpioScheduler();
                 KioskGpio gpio = GpioStartup.create(decision, cfg, scheduler, (kind, json) -> { })) {
                out.println("GPIO on: " + decision.reason());
                print(gpio, out);
                return 0;
            } catch (RuntimeException e) {
                err.println("GPIO could not be opened: " + e.getMessage()
                        + " (is the kiosk running? it holds the lines; is this user in the gpio group?)");
                err.flush();
                return 1;
            }
        }
    }

    /** One line per pin: {@code door     pin=17 level=low  closed}. */
    static void print(KioskGpio gpio, PrintWriter out) {
        for (KioskGpio.PinReading r : gpio.readings()) {
            out.println(r.line());
        }
        out.flush();
    }
}
