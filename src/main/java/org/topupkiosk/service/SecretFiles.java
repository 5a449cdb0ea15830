package org.topupkiosk.service;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.topupkiosk.journal.OwnerOnly;

/** Files that hold secrets (PIN hashes): written owner-only and replaced whole. */
public final class SecretFiles {

    private SecretFiles() {}

    /** Written to a 600 temporary file beside the target, then moved over it, so no reader sees half a file. */
    public static void write(Path file, String text, Charset charset) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            OwnerOnly.directory(dir); // a new one is 700; an existing one (say /etc/topup) is the admin's to set
        }
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + tmp + ": it appeared while writing", e);
        }
        Files.writeString(tmp, text, charset);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
