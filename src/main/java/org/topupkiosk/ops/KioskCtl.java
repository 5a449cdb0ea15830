package org.topupkiosk.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The service command line: {@code scripts/kioskctl <command> ...}. Each area registers its command here. */
@Command(name = "kioskctl", mixinStandardHelpOptions = true, version = "kioskctl 0.1.0",
        description = "Service tool for the TopUp kiosk.",
        subcommands = {ConfigCommand.class, JournalCommand.class, OutboxCommand.class, SelftestCommand.class,
                PrinterCommand.class, CashCommand.class, ServiceCommand.class, GpioCommand.class,
                SimCommand.class, ScanCommand.class, CounterCommand.class, EncashCommand.class,
                LogsCommand.class, NumberingCommand.class, HealthCommand.class,
                CarrierCommand.class, FiscalCommand.class})
public final class KioskCtl implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new KioskCtl()).execute(args));
    }
}
