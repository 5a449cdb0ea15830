package org.topupkiosk.device.printer.escpos;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A printer device file such as /dev/usb/lp0 (the Linux usblp driver): writes go to the printer, and reads return what
 * the printer sends back, which is how DLE EOT answers arrive over USB. Opened on first use and again after a failure
 * (the file vanishes while the printer is unplugged).
 */
public final class FileLink extends StreamLink {

    private final String path;
    private FileOutputStream outStream;
    private FileInputStream inStream;

    public FileLink(String path) {
        this.path = path;
    }

    @Override
    protected void openStreams() throws IOException {
        outStream = new FileOutputStream(path, true);
        inStream = answersOnSameFile() ? new FileInputStream(path) : null;
        attach(outStream, inStream);
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
    public String describe() {
        return "file:" + path;
    }

    @Override
    protected void releaseStreams() {
        try {
            if (outStream != null) {
                outStream.close();
            }
            if (inStream != null) {
                inStream.close();
            }
        } catch (IOException ignored) {
            // nothing to save on close
        }
        outStream = null;
        inStream = null;
    }
}
