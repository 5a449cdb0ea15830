package org.topupkiosk.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.topupkiosk.service.CashierPinsFile;
import org.topupkiosk.service.PinHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioskctl counter set-cashier}: adds a cashier to the counter's PIN file, or changes their PIN. */
@Command(name = "counter", description = "Counter terminal set-up.", mixinStandardHelpOptions = true,
        subcommands = CounterCommand.SetCashier.class)
public final class CounterCommand extends CommandGroup {

    @Command(name = "set-cashier", mixinStandardHelpOptions = true,
            description = "Add a cashier or change their PIN (4-8 digits, typed twice, or one line on stdin with "
                    + "--stdin). Writes FILE (counter.cashiersFile) with mode 600.")
    static final class SetCashier extends KioskctlCommand {

        @Option(names = "--file", required = true, description = "The cashiers file, as counter.cashiersFile names it.")
        Path file;

        @Option(names = "--id", required = true, description = "Cashier id, 1-16 of a-z 0-9 - (journaled on each sale).")
        String id;

        @Option(names = "--name", required = true, description = "Name shown on the login screen and the reports.")
        String name;

        @Option(names = "--stdin", description = "Read the PIN once from standard input (for automation).")
        boolean stdin;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            int exit = ServiceCommand.SetPin.withNewPin(stdin, err, "cashier not set: " + PinHash.RULE
                    + " (a shorter one is too easy to guess)",
                    pin -> {
                        try {
                            CashierPinsFile.add(file, id, name, pin, new SecureRandom());
                            return 0;
                        } catch (IllegalArgumentException e) {
                            err.println("cashier not set: " + e.getMessage());
                            return 1;
                        }
                    });
            if (exit == 0) {
                spec.commandLine().getOut().println("cashier set id=" + id + " file=" + file.toAbsolutePath()
                        + " mode=600");
            }
            return exit;
        }
    }
}
