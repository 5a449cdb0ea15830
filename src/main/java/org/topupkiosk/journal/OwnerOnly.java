package org.topupkiosk.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * without POSIX permissions nothing is done.
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
}
