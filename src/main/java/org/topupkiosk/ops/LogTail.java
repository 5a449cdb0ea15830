package org.topupkiosk.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The active kiosk.log read on from where the last read ended, for {@code kioskctl logs} and its {@code --follow}: each
 * complete line once. When logback rolls the file (renames it away and starts a new kiosk.log) the open file is read
 * to its end first, then the new one from its start, so no line is lost or printed twice across a roll. A file rolled
 * twice between two reads (more than kiosk.log.maxFileSize written in 250 ms) would leave the middle file's lines to
 * its archive: at 10 MB a file, the kiosk does not write that fast.
 */
final class LogTail implements AutoCloseable {

    private final Path path;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private FileChannel channel;
    private Object key;

    LogTail(Path path) {
        this.path = path;
    }

    /** Gives {@code out} every line completed since the last call, following a roll. */
    void poll(Consumer<String> out) throws IOException {
        if (channel == null && !open()) {
            return;
        }
        drain(out);
        Object now = keyOf(path);
        if (now != null && !now.equals(key)) {
            drain(out); // what logback wrote before it closed and renamed the file
            rest(out);
            channel.close();
            channel = null;
            if (open()) {
                drain(out);
            }
        }
    }

    /** A last line without its line feed (the writer stopped in the middle), given out as it is. */
    void rest(Consumer<String> out) {
        if (partial.size() > 0) {
            out.accept(partial.toString(StandardCharsets.UTF_8));
            partial.reset();
        }
    }

    private boolean open() throws IOException {
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        key = keyOf(path);
        return true;
    }

    private void drain(Consumer<String> out) throws IOException {
        if (channel.size() < channel.position()) {
            channel.position(0); // cut back by someone: read it again from the start
        }
        while (true) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n <= 0) {
                return;
            }
            byte[] b = buffer.array();
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (b[i] == '\n') {
                    partial.write(b, start, i - start);
                    String line = partial.toString(StandardCharsets.UTF_8);
                    partial.reset();
                    out.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                    start = i + 1;
                }
            }
            partial.write(b, start, n - start);
        }
    }

    private static Object keyOf(Path p) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return Objects.requireNonNullElse(a.fileKey(), a.creationTime());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
