package org.topupkiosk.device.emulator.printer;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.topupkiosk.device.printer.escpos.PrinterLink;

/**
 * The in-memory byte link of simulation mode: what the driver writes is interpreted by the emulator at once, on the
 * writing thread; the emulator's answers queue up for the driver's reads.
 */
public final class MemoryPrinterLink implements PrinterLink {

    private final BlockingQueue<Byte> answers = new LinkedBlockingQueue<>();
    private final EscPosPrinterEmulator.Session session;
    private volatile boolean closed;

    MemoryPrinterLink(EscPosPrinterEmulator emulator) {
        this.session = emulator.open(bytes -> {
            for (byte b : bytes) {
                answers.add(b);
            }
        });
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (closed) {
            throw new IOException("memory link closed");
        }
        session.accept(data);
    }

    @Override
    public int read(Duration timeout) throws IOException {
        try {
            Byte b = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return b == null ? -1 : b & 0xFF;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the emulated printer", e);
        }
    }

    @Override
    public void discardInput() {
        answers.clear();
    }

    @Override
    public String describe() {
        return "memory:emulator";
    }

    @Override
    public void close() {
        closed = true;
    }
}
