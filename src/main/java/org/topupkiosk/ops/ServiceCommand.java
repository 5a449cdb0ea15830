package org.topupkiosk.ops;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.topupkiosk.service.PinHash;
import org.topupkiosk.service.SecretFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kioskctl service set-pin}: writes the service menu's PIN hash file. */
@Command(name = "service", description = "Service menu set-up.", mixinStandardHelpOptions = true,
        subcommands = ServiceCommand.SetPin.class)
public final class ServiceCommand extends CommandGroup {

    @Command(name = "set-pin", mixinStandardHelpOptions = true,
            description = "Set the service PIN (4-8 digits): typed twice on the console, or one line on stdin with "
                    + "--stdin. Writes a salted PBKDF2 hash to FILE with mode 600 (ui.servicePinHashFile).")
    public static final class SetPin extends KioskctlCommand {

        @Option(names = "--file", required = true, description = "The hash file, as ui.servicePinHashFile names it.")
        Path file;

        @Option(names = "--stdin", description = "Read the PIN once from standard input (for automation).")
        boolean stdin;

        @Override
        public Integer call() throws IOException {
            int exit = withNewPin(stdin, spec.commandLine().getErr(), "service PIN not set: " + PinHash.RULE
                            + " (a shorter one is too easy to guess)",
                    pin -> {
                        write(file, PinHash.create(pin, new SecureRandom()).format());
                        return 0;
                    });
            if (exit == 0) {
                spec.commandLine().getOut().println("service PIN set file=" + file.toAbsolutePath() + " mode=600");
            }
            return exit;
        }

        /** What a command does with a new PIN that passed the digit check (PinHash.validPin); returns the exit code. */
        @FunctionalInterface
        interface PinUse {
            int apply(char[] pin) throws IOException;
        }

        /**
         * Reads a new PIN (one line on stdin, else twice on the console), refuses one that is not 6 to 12 digits with
         * {@code invalid}, hands it to {@code use} and wipes it after. Exit 1 when no PIN was read or it was refused.
         */
        static int withNewPin(boolean stdin, PrintWriter err, String invalid, PinUse use) throws IOException {
            char[] pin = stdin ? fromStdin() : fromConsole(err);
            if (pin == null) {
                return 1;
            }
            try {
                if (!PinHash.validPin(pin)) {
                    err.println(invalid);
                    return 1;
                }
                return use.apply(pin);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }

        static char[] fromStdin() throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            String line = in.readLine();
            return line == null ? new char[0] : line.strip().toCharArray();
        }

        static char[] fromConsole(PrintWriter err) {
            Console console = System.console();
            if (console == null) {
                err.println("no console to read the PIN from; use --stdin to pipe it in");
                return null;
            }
            char[] first = console.readPassword("New service PIN (4-8 digits): ");
            char[] second = console.readPassword("Again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("service PIN not set: the two entries differ");
                return null;
            }
            Arrays.fill(second, '\0');
            return first;
        }

        public static void write(Path file, String text) throws IOException {
            SecretFiles.write(file, text, StandardCharsets.US_ASCII);
        }
    }
}
