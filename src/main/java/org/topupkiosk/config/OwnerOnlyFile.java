package org.topupkiosk.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check every secret file named in the configuration passes before it is read (the carrier key, OSMP credentials,
 * fiscal passwords, fleet credentials): it exists, and neither its group nor others may read, write or run it. The
 * error names the configuration key and the command that mends it.
 */
public final class OwnerOnlyFile {

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFile.class);

    private OwnerOnlyFile() {
    }

    /**
     * @param what how the file is named in messages ("fiscal secrets file", "carrier key file", ...)
     * @throws ConfigException naming {@code key} in {@code configFile} when the file is missing, unreadable, or open to
     *                         group or others
     */
    public static void require(Path file, Path configFile, String key, String what) throws ConfigException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            for (PosixFilePermission p : perms) {
                if (p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_")) {
                    throw new ConfigException(configFile, key, what + " " + file + " is accessible to group or others ("
                            + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            log.warn("{} file={} permissions not checked: file system is not POSIX", what, file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(configFile, key, what + " " + file + " not found", e);
        } catch (IOException e) {
            throw new ConfigException(configFile, key, what + " " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
