package org.topupkiosk.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The last audit head the kiosk wrote, in a small file beside the audit key ({@code <name>.head} for
 * {@code <name>.key}): rewritten after every commit that added audit rows. It may lag behind the journal (a crash
 * between the commit and this write) but never runs ahead of it, so a journal with fewer rows than this file, or
 * another hash at that row, lost its tail or was rewritten.
 */
final class HeadFile {

    private final Path file;

    HeadFile(Path file) {
        this.file = file;
    }

    static Path besideKey(Path keyFile) {
        String name = keyFile.getFileName().toString();
        String base = name.endsWith(".key") ? name.substring(0, name.length() - 4) : name;
        return keyFile.resolveSibling(base + ".head");
    }

    Path file() {
        return file;
    }

    /** The head last written; empty when there is no file; IllegalArgumentException when it is not a head. */
    Optional<AuditHead> read() throws IOException {
        try {
            return Optional.of(AuditHead.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void write(AuditHead head) {
        try {
            OwnerOnly.write(file, head + "\n", true);
        } catch (IOException e) {
            // The money event is committed; a stale head file only makes verify compare against an older prefix.
            LoggerFactory.getLogger(Journal.class).warn("audit head file not updated file={} error={}", file,
                    e.toString());
        }
    }
}
