package org.topupkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.topupkiosk.config.KioskConfig.BillAcceptorType;
import org.topupkiosk.config.KioskConfig.PrinterType;
import org.topupkiosk.device.printer.PrinterTransport;
import org.topupkiosk.device.sim.VirtualCardName;
import org.topupkiosk.domain.Money;

/** {@code devices}: the bill acceptor, the printer, the SIM reader and the scanner; every problem names its key. */
final class DevicesSection {

    private DevicesSection() {}

    static KioskConfig.Devices parse(Section s, Path baseDir) {
        KioskConfig.BillAcceptor acceptor = billAcceptor(s.section("billAcceptor"));
        KioskConfig.Printer printer = printer(s.section("printer"));
        KioskConfig.SimReader sim = simReader(s.section("sim"));
        KioskConfig.Scanner scanner = ScannerSection.parse(s.section("scanner"), baseDir);
        s.finish();
        return new KioskConfig.Devices(acceptor, printer, sim, scanner);
    }

    /**
     * The optional {@code port} of a serial device: a device such as {@code example} or a COM port; missing is a
     * problem only when {@code requiredForType} names the type that needs it (null when none does).
     */
    static Optional<String> serialPort(Section s, String example, String requiredForType) {
        Optional<String> port = Optional.ofNullable(s.text("port", null));
        if (port.isPresent() && !PrinterTransport.SERIAL_PORT.matcher(port.get()).matches()) {
            s.problem("port", "\"" + port.get() + "\" is not a serial device (expected e.g. " + example + " or COM3)");
        } else if (port.isEmpty() && requiredForType != null && !s.has("port")) {
            s.problem("port", "is missing (required for type " + requiredForType + "; expected e.g. " + example + ")");
        }
        return port;
    }

    private static KioskConfig.BillAcceptor billAcceptor(Section b) {
        BillAcceptorType type = b.choice("type", BillAcceptorType.EMULATOR, BillAcceptorType.class);
        Optional<String> port = serialPort(b, "/dev/ttyUSB0",
                type == BillAcceptorType.EMULATOR ? null : type.name().toLowerCase(Locale.ROOT));
        List<Money> escrowNotes = escrowNotes(b, type);
        b.finish();
        return new KioskConfig.BillAcceptor(type, port, escrowNotes);
    }

    private static KioskConfig.Printer printer(Section p) {
        PrinterType printerType = p.choice("type", PrinterType.EMULATOR, PrinterType.class);
        Optional<PrinterTransport> transport = Optional.empty();
        String transportText = p.text("transport", null);
        if (transportText != null) {
            try {
                transport = Optional.of(PrinterTransport.parse(transportText));
            } catch (IllegalArgumentException e) {
                p.problem("transport", e.getMessage());
            }
        } else if (printerType == PrinterType.ESCPOS && !p.has("transport")) {
            p.problem("transport", "is missing (required for type escpos; expected " + PrinterTransport.FORMS + ")");
        }
        long columns = p.integer("columns", 42, 1, 1000, "characters");
        if (columns != 32 && columns != 42) {
            p.problem("columns", columns + " is not a receipt width (expected 32 for 58 mm paper or 42 for 80 mm)");
        }
        boolean gb18030 = p.bool("gb18030", false);
        int baud = printerBaud(p, transport);
        p.finish();
        return new KioskConfig.Printer(printerType, transport, (int) columns, gb18030, baud);
    }

    /** {@code baud}: one of the standard speeds, and only where it means something (a serial transport). */
    private static int printerBaud(Section p, Optional<PrinterTransport> transport) {
        if (!p.has("baud")) {
            return KioskConfig.Printer.DEFAULT_BAUD;
        }
        long baud = p.integer("baud", KioskConfig.Printer.DEFAULT_BAUD, 1, 10_000_000, "baud");
        if (!KioskConfig.Printer.BAUDS.contains((int) baud)) {
            p.problem("baud", baud + " is not a printer line speed (expected one of " + KioskConfig.Printer.BAUDS + ")");
        } else if (transport.isPresent() && !(transport.get() instanceof PrinterTransport.Serial)) {
            p.problem("baud", "applies only to a serial: transport (the transport is " + transport.get() + ")");
        }
        return (int) baud;
    }

    /** {@code devices.sim}: absent means no SIM reader, so configs written before it existed still load. */
    private static KioskConfig.SimReader simReader(Section s) {
        KioskConfig.SimReader d = KioskConfig.SimReader.DISABLED;
        boolean enabled = s.bool("enabled", d.enabled());
        String reader = s.text("reader", d.reader());
        if (reader != null && reader.length() > 128) {
            s.problem("reader", "is " + reader.length() + " characters (expected a reader name or a part of one,"
                    + " at most 128, e.g. \"Virtual PCD 00 00\" or \"ACS\")");
        }
        boolean simulated = s.bool("simulated", d.simulated());
        String card = s.text("virtualCard", d.virtualCard());
        if (card != null && VirtualCardName.named(card).isEmpty()) {
            s.problem("virtualCard", "\"" + card + "\" is not a virtual SIM (expected one of "
                    + VirtualCardName.allCodes() + ")");
        }
        long port = s.integer("vpcdPort", d.vpcdPort(), 1, 65_535, "TCP port");
        long timeout = s.integer("readTimeoutMs", d.readTimeoutMs(), 500, 60_000, "milliseconds");
        s.finish();
        return new KioskConfig.SimReader(enabled, reader == null ? "" : reader.strip(), simulated,
                card == null ? d.virtualCard() : card.strip().toLowerCase(Locale.ROOT), (int) port, timeout);
    }

    /** {@code escrowNotes: [10, 50, ...]}: roubles for ID003 escrow codes 0x61, 0x62, ... (at most 16, no repeats). */
    private static List<Money> escrowNotes(Section b, BillAcceptorType type) {
        JsonNode v = b.raw("escrowNotes");
        if (v == null) {
            return List.of();
        }
        String expected = " (expected a list of rouble notes for escrow codes 0x61, 0x62, ..., e.g. [10, 50, 100])";
        if (type != BillAcceptorType.ID003) {
            b.problem("escrowNotes", "is only for type id003 (CCNET reads its bill table from the validator)");
            return List.of();
        }
        if (!v.isArray() || v.isEmpty() || v.size() > 16) {
            b.problem("escrowNotes", "is not a list of 1 to 16 notes" + expected);
            return List.of();
        }
        List<Money> notes = new ArrayList<>();
        for (JsonNode n : v) {
            Money m = Section.parseRub(n);
            if (m == null || !m.isPositive() || notes.contains(m)) {
                b.problem("escrowNotes", "entry " + (notes.size() + 1) + " (" + n.asText() + ") is not a new positive"
                        + " amount" + expected);
                return List.of();
            }
            notes.add(m);
        }
        return notes;
    }
}
