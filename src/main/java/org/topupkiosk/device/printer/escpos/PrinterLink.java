package org.topupkiosk.device.printer.escpos;

import java.io.IOException;
import java.time.Duration;

/** Bytes to and from a printer, whatever carries them (serial, device file, TCP, the emulator's in-memory link). */
public interface PrinterLink extends AutoCloseable {

    /** Writes all bytes; returns when they are handed to the transport (the OS buffer, the socket). */
    void write(byte[] data) throws IOException;

    /** One byte from the printer, or -1 when none arrives within the timeout. */
    int read(Duration timeout) throws IOException;

    /** Drops bytes the printer sent that nobody asked for (late answers after a timeout). */
    void discardInput() throws IOException;

    /** Where this link goes, for logs and messages. */
    String describe();

    @Override
    void close();
}
