package org.topupkiosk.device.printer.escpos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A printer link over a pair of streams that is opened on first use and again after a failure (the device file
 * vanishes while the printer is unplugged; a printer that was switched off drops its socket). Subclasses open and
 * release the streams; writing, reading the printer's answers and closing are the same for all.
 */
abstract class StreamLink implements PrinterLink {

    private OutputStream out;
    private InputQueue in;

    /** Opens the transport and hands its streams to {@link #attach}. */
    protected abstract void openStreams() throws IOException;

    /** Closes what {@link #openStreams} opened; quietly, there is nothing to save on close. */
    protected abstract void releaseStreams();

    /** @param answers the printer's answers, or null when this transport carries none back */
    protected final void attach(OutputStream output, InputStream answers) {
        out = output;
        in = answers == null ? null : new InputQueue(answers, describe());
    }

    private synchronized void open() throws IOException {
        if (out == null) {
            openStreams();
        }
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        open();
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** -1 at once when the transport carries no answers (status reads then time out). */
    @Override
    public int read(Duration timeout) throws IOException {
        InputQueue q;
        synchronized (this) {
            open();
            q = in;
        }
        if (q == null) {
            return -1;
        }
        try {
            return q.read(timeout);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized void discardInput() {
        if (in != null) {
            in.clear();
        }
    }

    @Override
    public synchronized void close() {
        releaseStreams();
        out = null;
        in = null;
    }
}
