package org.topupkiosk.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFiscalRegister;
import org.topupkiosk.device.fiscal.shtrih.ShtrihLink;
import org.topupkiosk.device.fiscal.shtrih.ShtrihPasswords;
import org.topupkiosk.device.fiscal.shtrih.ShtrihTcpLink;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.device.serial.SerialSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code kioskctl fiscal status|x-report|z-report|last}: a Shtrih-M fiscal register on a serial port (or USB-CDC, or a
 * pty) or on TCP, without the kiosk running. {@code status} ends with one line a script can test:
 * {@code fiscal ok fn=<16 digits> shift=<n> open=<true|false> unsent=<n>} or {@code fiscal fault <reason>} (exit 1).
 */
@Command(name = "fiscal", description = "Fiscal register (Shtrih-M) service commands.", mixinStandardHelpOptions = true,
        subcommands = {FiscalCommand.Status.class, FiscalCommand.XReport.class, FiscalCommand.ZReport.class,
                FiscalCommand.Last.class})
public final class FiscalCommand extends CommandGroup {

    static final List<Integer> BAUDS = List.of(2400, 4800, 9600, 19200, 38400, 57600, 115200);

    /** Where the register is and how to log in: shared by every subcommand. */
    static final class Connection {

        @Option(names = "--port", description = "Serial port, USB-CDC device or pty, e.g. /dev/ttyACM0.")
        String port;

        @Option(names = "--baud", defaultValue = "115200",
                description = "Serial speed: 2400 to 115200 (the register's table 21); default ${DEFAULT-VALUE}.")
        int baud;

        @Option(names = "--tcp", description = "HOST:PORT of a register on the network (usually port 7778).")
        String tcp;

        @Option(names = "--secrets-file", description = "File with operator=N and admin=N lines (the register's "
                + "passwords); without it, the factory passwords (30).")
        Path secretsFile;

        ShtrihFiscalRegister open(CommandSpec spec) throws DeviceException {
            if ((port == null) == (tcp == null)) {
                throw new ParameterException(spec.commandLine(), "give exactly one of --port PATH or --tcp HOST:PORT");
            }
            if (tcp == null && !BAUDS.contains(baud)) {
                throw new ParameterException(spec.commandLine(), "--baud: " + baud + " (expected one of " + BAUDS
                        + ")");
            }
            SerialLink link = tcp != null ? tcpLink(spec, tcp)
                    : new JSerialCommLink(port, new SerialSettings(baud, 8, SerialSettings.Parity.NONE, 1));
            ShtrihPasswords passwords = ShtrihPasswords.FACTORY;
            if (secretsFile != null) {
                try {
                    passwords = ShtrihPasswords.read(secretsFile);
                } catch (IOException | IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--secrets-file: " + e.getMessage());
                }
            }
            ShtrihFiscalRegister register = new ShtrihFiscalRegister(link, ShtrihLink.Settings.DEFAULT, passwords);
            register.start();
            return register;
        }

        static SerialLink tcpLink(CommandSpec spec, String address) {
            int colon = address.lastIndexOf(':');
            String host = colon > 0 ? address.substring(0, colon) : "";
            String portText = colon > 0 ? address.substring(colon + 1) : "";
            if (host.isBlank() || !portText.matches("\\d{1,5}") || Integer.parseInt(portText) < 1
                    || Integer.parseInt(portText) > 65535) {
                throw new ParameterException(spec.commandLine(), "--tcp: \"" + address
                        + "\" (expected HOST:PORT, e.g. 192.168.1.50:" + ShtrihTcpLink.DEFAULT_PORT + ")");
            }
            return new ShtrihTcpLink(host, Integer.parseInt(portText), 3000);
        }
    }

    /** A subcommand that talks to the register and turns a device error into one line and exit 1. */
    abstract static class RegisterCommand extends KioskctlCommand {

        @Mixin
        Connection connection;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ShtrihFiscalRegister register = connection.open(spec)) {
                return run(register, out);
            } catch (DeviceException e) {
                out.println("fiscal fault " + e.getMessage());
                return 1;
            } finally {
                out.flush();
            }
        }

        abstract int run(ShtrihFiscalRegister register, PrintWriter out) throws DeviceException;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shift, fiscal storage, unsent documents and paper; the last line is `fiscal ok ...` or "
                    + "`fiscal fault <reason>` (exit 1).")
    static final class Status extends RegisterCommand {

        @Override
        int run(ShtrihFiscalRegister register, PrintWriter out) throws DeviceException {
            FiscalStatus s = register.status();
            out.printf("shift_open=%b shift=%d opened_at=%s receipt_open=%b%n", s.shiftOpen(), s.shiftNumber(),
                    s.shiftOpenedAt().map(Object::toString).orElse("-"), s.receiptOpen());
            out.printf("fn=%s valid_until=%s last_document=%d%n", s.fnSerial(), s.fnValidUntil(),
                    s.lastDocumentNumber());
            out.printf("unsent=%d oldest_unsent=%s paper=%s%n", s.unsentDocuments(),
                    s.oldestUnsent().map(Object::toString).orElse("-"), s.paper().name().toLowerCase(Locale.ROOT));
            Optional<String> fault = fault(s, LocalDate.now());
            if (fault.isPresent()) {
                out.println("fiscal fault " + fault.get());
                return 1;
            }
            out.printf("fiscal ok fn=%s shift=%d open=%b unsent=%d%n", s.fnSerial(), s.shiftNumber(), s.shiftOpen(),
                    s.unsentDocuments());
            return 0;
        }

        static Optional<String> fault(FiscalStatus s, LocalDate today) {
            if (!s.fnSerial().matches("\\d{16}")) {
                return Optional.of("fiscal storage serial \"" + s.fnSerial() + "\" is not 16 digits");
            }
            if (s.paper() == FiscalStatus.Paper.OUT) {
                return Optional.of("out of paper");
            }
            if (s.fnValidUntil().isBefore(today)) {
                return Optional.of("fiscal storage expired on " + s.fnValidUntil());
            }
            return Optional.empty();
        }
    }

    @Command(name = "x-report", mixinStandardHelpOptions = true, description = "Print an X report (shift totals).")
    static final class XReport extends RegisterCommand {

        @Override
        int run(ShtrihFiscalRegister register, PrintWriter out) throws DeviceException {
            register.xReport();
            out.println("x-report printed");
            return 0;
        }
    }

    @Command(name = "z-report", mixinStandardHelpOptions = true,
            description = "Close the shift with a Z report and print its fiscal document.")
    static final class ZReport extends RegisterCommand {

        @Override
        int run(ShtrihFiscalRegister register, PrintWriter out) throws DeviceException {
            out.println("z-report " + describe(register.closeShift("kioskctl")));
            return 0;
        }
    }

    @Command(name = "last", mixinStandardHelpOptions = true,
            description = "The last fiscal document in the storage: kind, number, fiscal sign, date, sum, QR text.")
    static final class Last extends RegisterCommand {

        @Override
        int run(ShtrihFiscalRegister register, PrintWriter out) throws DeviceException {
            Optional<FiscalDocument> last = register.lastDocument();
            out.println(last.map(d -> "last " + describe(d)).orElse("last none (a fresh fiscal storage)"));
            return 0;
        }
    }

    static String describe(FiscalDocument d) {
        String line = "kind=" + d.kind().name().toLowerCase(Locale.ROOT) + " number=" + d.number() + " fp=" + d.fiscalSign()
                + " at=" + d.dateTime() + " sum=" + d.sumMinor() + " fn=" + d.fnSerial() + " shift=" + d.shiftNumber();
        boolean receipt = d.kind() == FiscalDocument.Kind.RECEIPT_INCOME
                || d.kind() == FiscalDocument.Kind.RECEIPT_INCOME_RETURN;
        return receipt ? line + " qr=" + d.qrText() : line;
    }
}
