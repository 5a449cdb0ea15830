package org.topupkiosk.device.printer.escpos;

import java.time.Duration;
import org.topupkiosk.device.printer.PrinterTransport;

/** Makes the link a configured transport names. Nothing is opened until the first byte goes out. */
public final class PrinterLinks {

    /** The default baud of the serial kiosk printers we support (Custom, Citizen, Xprinter ship at 9600 or 115200). */
    public static final int SERIAL_BAUD = 115_200;

    private PrinterLinks() {}

    public static PrinterLink open(PrinterTransport transport) {
        if (transport instanceof PrinterTransport.Serial s) {
            return new SerialLink(s.port(), SERIAL_BAUD);
        }
        if (transport instanceof PrinterTransport.File f) {
            return new FileLink(f.path());
        }
        if (transport instanceof PrinterTransport.Tcp t) {
            return new TcpLink(t.host(), t.port(), Duration.ofSeconds(3));
        }
        throw new IllegalArgumentException("unknown printer transport " + transport);
    }
}
