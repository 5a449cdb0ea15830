package org.topupkiosk.device.printer.escpos;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A printer device file such as /dev/usb/lp0 (the Linux usblp driver): writes go to the printer, and reads return what
 * the printer sends back, which is how DLE EOT answers arrive over USB. Opened on first use and again after a failure
 * (the file vanishes while the printer is unplugged).
 */
public final class FileLink implements PrinterLink {

    private final String path;
    private FileOutputStream out;
    private FileInputStream inStream;
    private InputQueue in;

    public FileLink(String path) {
        this.path = path;
    }

    private synchronized void open() throws IOException {
        if (out != null) {
            return;
        }
        out = new FileOutputStream(path, true);
        if (answersOnSameFile()) {
            inStream = new FileInputStream(path);
            in = new InputQueue(inStream, describe());
        }
    }

    /**
     * A character device (usblp, a pty) carries the printer's answers back; a named pipe or a plain file does not, and
     * reading it would steal our own bytes, so those links print blind and status reads time out.
     */
    private boolean answersOnSameFile() {
        try {
            int mode = (Integer) Files.getAttribute(Path.of(path), "unix:mode");
            return (mode & 0170000) == 0020000;   // S_IFCHR
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
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
        return q.read(timeout);
    }

    @Override
    public synchronized void discardInput() {
        if (in != null) {
            in.clear();
        }
    }

    @Override
    public String describe() {
        return "file:" + path;
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
            if (inStream != null) {
                inStream.close();
            }
        } catch (IOException ignored) {
            // nothing to save on close
        }
        out = null;
        inStream = null;
        in = null;
    }
}
