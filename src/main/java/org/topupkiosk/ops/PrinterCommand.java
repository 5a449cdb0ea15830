package org.topupkiosk.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.printer.PrinterTransport;
import org.topupkiosk.device.printer.escpos.Bitmap;
import org.topupkiosk.device.printer.escpos.EscPosBuilder;
import org.topupkiosk.device.printer.escpos.EscPosPrinter;
import org.topupkiosk.device.printer.escpos.PrinterLink;
import org.topupkiosk.device.printer.escpos.PrinterLinks;
import org.topupkiosk.device.printer.escpos.PrinterStatus;
import org.topupkiosk.device.printer.escpos.ReceiptEncoder;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.receipt.ReceiptFacts;
import org.topupkiosk.receipt.ReceiptLayouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code kioskctl printer test}: a test page on a receipt printer, then what the printer says about itself. */
@Command(name = "printer", description = "Receipt printer service commands.", mixinStandardHelpOptions = true,
        subcommands = PrinterCommand.Test.class)
public final class PrinterCommand extends CommandGroup {

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Print a test page (Cyrillic, Chinese, large type, a QR code, a cut), then the status "
                    + "(DLE EOT 1-4). Exit 0 when the page went out and the printer reports ready.")
    static final class Test extends KioskctlCommand {

        @Option(names = "--transport", required = true,
                description = "tcp://HOST:PORT, serial:PATH or file:PATH (as devices.printer.transport).")
        String transport;

        @Option(names = "--columns", defaultValue = "42", description = "32 (58 mm) or 42 (80 mm); default ${DEFAULT-VALUE}.")
        int columns;

        @Option(names = "--gb18030", description = "The printer has Chinese firmware: send Chinese as GB18030 text.")
        boolean gb18030;

        @Option(names = "--lang", defaultValue = "en", description = "Label language: ru, en or zh; default ${DEFAULT-VALUE}.")
        String lang;

        @Option(names = "--baud", defaultValue = "115200",
                description = "Serial line speed (as devices.printer.baud): 9600, 19200, 38400, 57600 or 115200; "
                        + "default ${DEFAULT-VALUE}.")
        int baud;

        @Option(names = "--status-timeout-ms", defaultValue = "3000",
                description = "How long to wait for each status answer; default ${DEFAULT-VALUE}.")
        long statusTimeoutMs;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrinterTransport where;
            try {
                where = PrinterTransport.parse(transport);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--transport: " + e.getMessage());
            }
            if (columns != 32 && columns != 42) {
                throw new ParameterException(spec.commandLine(), "--columns: " + columns + " (expected 32 or 42)");
            }
            if (!KioskConfig.Printer.BAUDS.contains(baud)) {
                throw new ParameterException(spec.commandLine(), "--baud: " + baud + " (expected one of "
                        + KioskConfig.Printer.BAUDS + ")");
            }
            ReceiptLayouts layouts = new ReceiptLayouts(new Messages(), new ReceiptFacts.Kiosk("kioskctl", "",
                    "", null), columns, Clock.systemDefaultZone().getZone());
            Receipt page = layouts.printerTest(where.toString(), Clock.systemUTC().instant(), Lang.of(lang));
            ReceiptEncoder encoder = new ReceiptEncoder(ReceiptEncoder.Options.defaults().withGb18030(gb18030));
            byte[] bytes = concat(statusTrap(), encoder.encode(page));
            PrinterLink link = PrinterLinks.open(where, baud);
            Duration timeout = Duration.ofMillis(statusTimeoutMs);
            try (EscPosPrinter printer = new EscPosPrinter(link, encoder, timeout, timeout)) {
                out.printf("printer=%s before: %s%n", where, describe(printer, timeout));
                // Sent without the driver's status gate, so a blind link (a pipe, a plain file) still gets the page.
                try {
                    link.write(bytes);
                } catch (IOException e) {
                    out.printf("printed=false bytes=%d error=%s%n", bytes.length, e.getMessage());
                    out.flush();
                    return 1;
                }
                out.printf("printed=true bytes=%d wire_ms_at_9600=%d%n", bytes.length, bytes.length * 10L * 1000 / 9600);
                PrinterStatus after;
                try {
                    after = printer.statusAfter(bytes, timeout);
                } catch (DeviceException e) {
                    out.printf("status: unknown (%s)%n", e.getMessage());
                    out.flush();
                    return 1;
                }
                out.printf("status: %s%n", after.describe());
                out.printf("paper_out=%b paper_near_end=%b cover_open=%b cutter_error=%b offline=%b%n",
                        after.paperOut(), after.paperNearEnd(), after.coverOpen(), after.cutterError(), after.offline());
                out.flush();
                return after.ready() ? 0 : 1;
            }
        }

        /**
         * A thin dotted stripe whose raster bytes are DLE EOT 1 pairs, as a Chinese glyph or a QR code can hold by
         * chance: a printer answers each of them, and the status read after the page must not take those answers
         * for its own (the second would read as "cover open" on a printer whose drawer pin is high).
         */
        static byte[] statusTrap() {
            byte[] row = {0x10, 0x04, 1, 0x10, 0x04, 1, 0x10, 0x04, 1, 0x10, 0x04, 1};
            byte[] bits = new byte[row.length * 4];
            for (int y = 0; y < 4; y++) {
                System.arraycopy(row, 0, bits, y * row.length, row.length);
            }
            return new EscPosBuilder().initialize().raster(new Bitmap(row.length * 8, 4, bits)).toBytes();
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        private static String describe(EscPosPrinter printer, Duration timeout) {
            try {
                return printer.status(timeout).describe();
            } catch (DeviceException e) {
                return "unknown (" + e.getMessage() + ")";
            }
        }
    }
}
