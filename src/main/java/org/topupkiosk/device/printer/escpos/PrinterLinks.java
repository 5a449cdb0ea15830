package org.topupkiosk.device.printer.escpos;

import java.time.Duration;
import org.topupkiosk.device.printer.PrinterTransport;

/** Makes the link a configured transport names. Nothing is opened until the first byte goes out. */
public final class PrinterLinks {

    /** The default baud of the serial kiosk printers we support (Custom, Citizen, Xprinter ship at 9600 or 115200). */
    public static final int SERIAL_BAUD = 115_200;

    private PrinterLinks() {}

    /** At the default serial speed; see {@link #open(PrinterTransport, int)}. */
    public static PrinterLink open(PrinterTransport transport) {
        return open(transport, SERIAL_BAUD);
    }

    /** @param baud the serial line speed (devices.printer.baud); other transports have none */
    public static PrinterLink open(PrinterTransport transport, int baud) {
        if (transport instanceof PrinterTransport.Serial s) {
            return new SerialLink(s.port(), baud);
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
