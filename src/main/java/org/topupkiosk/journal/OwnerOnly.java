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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only files and directories for what holds secrets: the journal (credit codes, e-PINs, activation codes), its
 * WAL and SHM, and the directory they live in ({@code var/}). New ones are created 700 / 600 whatever the umask; an
 * existing one that group or others may read is narrowed when opened, with a log line naming it (one we do not own
 * is only warned about). On a file system
 * without POSIX permissions nothing is done. The files beside the journal (the audit key, the last chain head,
 * backups) are written whole to a temporary beside them, synced and then moved into place, so no reader sees half of
 * one. A shared directory with the sticky bit (such as /tmp) is never narrowed: it is not ours to close.
 */
public final class OwnerOnly {

    private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates the directory (and missing parents, each 700) or narrows an existing one that we own. */
    public static void directory(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (!Files.isDirectory(abs)) {
            Path parent = abs.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                directory(parent);
            }
            try {
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(abs);
                return;
            } catch (FileAlreadyExistsException raced) {
                // made by someone else meanwhile: narrowed below like any existing one
            }
        }
        narrow(abs, DIRECTORY);
    }

    /** Creates an empty 600 file when missing, or narrows an existing one that we own. */
    public static void file(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            return;
        } catch (FileAlreadyExistsException exists) {
            // narrowed below
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        narrow(file, FILE);
    }

    /** Narrows an existing file to 600 when it is looser; does nothing when it does not exist. */
    public static void narrowIfPresent(Path file) throws IOException {
        if (Files.exists(file)) {
            narrow(file, FILE);
        }
    }

    /** True when group and others have no permission at all on the path (always true off POSIX). */
    public static boolean isOwnerOnly(Path path) throws IOException {
        try {
            return Files.getPosixFilePermissions(path).stream().allMatch(p -> p.name().startsWith("OWNER_"));
        } catch (UnsupportedOperationException notPosix) {
            return true;
        }
    }

    private static void narrow(Path path, Set<PosixFilePermission> wanted) throws IOException {
        Set<PosixFilePermission> now;
        try {
            now = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        if (now.stream().allMatch(p -> p.name().startsWith("OWNER_"))) {
            return;
        }
        if (Files.isDirectory(path) && sticky(path)) {
            log.warn("{} is a shared directory (sticky bit): keep the journal in a directory of its own", path);
            return;
        }
        try {
            Files.setPosixFilePermissions(path, wanted);
        } catch (IOException notOurs) {
            // chmod by anyone but the owner fails (EPERM): say so and go on, the owner must fix it
            log.warn("{} is readable by group or others ({}) and cannot be changed here ({}): run chmod {} on it", path,
                    PosixFilePermissions.toString(now), notOurs.getMessage(),
                    wanted.contains(PosixFilePermission.OWNER_EXECUTE) ? "700" : "600");
            return;
        }
        log.warn("{} was readable by group or others ({}): narrowed to {}", path, PosixFilePermissions.toString(now),
                PosixFilePermissions.toString(wanted));
    }

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

    /** True for a directory with the sticky bit (mode 01000), such as /tmp; false where the mode cannot be read. */
    private static boolean sticky(Path dir) {
        try {
            return (((Integer) Files.getAttribute(dir, "unix:mode")) & 01000) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }

    private static FileAttribute<?> attr(String mode) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
    }
}
