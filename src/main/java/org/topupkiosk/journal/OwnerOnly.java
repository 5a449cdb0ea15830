package org.topupkiosk.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files beside the journal that only the kiosk's user may read (the audit key, the last chain head, backups): the
 * directory is made 700 when this creates it, each file 600, and a file is written whole to a temporary beside it,
 * synced and then moved into place, so no reader ever sees half of one.
 */
final class OwnerOnly {

    private OwnerOnly() {}

    static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, attr("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            // Another process made it first; its mode is its own.
        }
    }

    /**
     * Creates {@code file} holding {@code text} (synced to disk), or replaces it when {@code replace} (not synced: the
     * rename alone keeps it whole, and a replaced file may lag after a power cut); false when it existed.
     */
    static boolean write(Path file, String text, boolean replace) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        createDirectory(dir);
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        createFile(tmp);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(StandardCharsets.UTF_8.encode(text));
                if (!replace) {
                    ch.force(true);
                }
            }
            if (replace) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
            try {
                // A link fails when the name exists: two processes starting at once never replace each other's key.
                Files.createLink(file, tmp);
                return true;
            } catch (FileAlreadyExistsException exists) {
                return false;
            } catch (UnsupportedOperationException noLinks) {
                if (Files.exists(file)) {
                    return false;
                }
                Files.move(tmp, file);
                return true;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** An empty file readable and writable by its owner only (a backup's target before SQLite fills it). */
    static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, attr("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    /** Sets an existing file to owner read and write only, where the file system has POSIX modes. */
    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Nothing to set on this file system.
        }
    }

    private static FileAttribute<?> attr(String mode) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
    }
}
