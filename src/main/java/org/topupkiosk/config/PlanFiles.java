package org.topupkiosk.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces the numbering file and its metadata so that a reader sees the old pair or the new plan, never half a file:
 * each is written to a temporary file in the same directory and flushed to disk, the old pair is kept as
 * {@code *.previous}, then each temporary file is renamed over its target and the directory is flushed. A failure
 * before the plan's rename leaves the old files untouched; a failure between the two renames puts the old plan back.
 * A power cut between them leaves the new plan with the old metadata, which {@link NumberingMeta} then disbelieves
 * (the hash differs): the plan is whole, only its date is unknown.
 */
final class PlanFiles {

    /** Overridable for a test: renames {@code from} over {@code to} atomically. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    static final Mover ATOMIC = (from, to) ->
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private PlanFiles() {}

    static Path previous(Path file) {
        return file.resolveSibling(file.getFileName() + ".previous");
    }

    static void replace(Path plan, byte[] planBytes, Path meta, byte[] metaBytes, Mover mover) throws IOException {
        Path dir = plan.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path planTmp = null;
        Path metaTmp = null;
        try {
            planTmp = written(dir, plan, planBytes);
            metaTmp = written(dir, meta, metaBytes);
            boolean hadPlan = Files.exists(plan);
            if (hadPlan) {
                keep(dir, plan, mover);
                if (Files.exists(meta)) {
                    keep(dir, meta, mover);
                } else {
                    Files.deleteIfExists(previous(meta));
                }
            }
            mover.move(planTmp, plan);
            try {
                mover.move(metaTmp, meta);
            } catch (IOException | RuntimeException e) {
                if (hadPlan) {
                    Path back = written(dir, plan, Files.readAllBytes(previous(plan)));
                    ATOMIC.move(back, plan);
                } else {
                    Files.deleteIfExists(plan);
                }
                syncDirectory(dir);
                throw e;
            }
            syncDirectory(dir);
        } finally {
            if (planTmp != null) {
                Files.deleteIfExists(planTmp);
            }
            if (metaTmp != null) {
                Files.deleteIfExists(metaTmp);
            }
        }
    }

    /** Copies {@code file} to its {@code .previous}, itself atomically. */
    private static void keep(Path dir, Path file, Mover mover) throws IOException {
        Path tmp = written(dir, previous(file), Files.readAllBytes(file));
        try {
            mover.move(tmp, previous(file));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A temporary file beside {@code target} holding {@code bytes}, on disk, readable as the target was (or 644). */
    private static Path written(Path dir, Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target) : READABLE);
        } catch (UnsupportedOperationException notPosix) {
            // createTempFile's default permissions stand
        }
        return tmp;
    }

    /** Makes the renames themselves durable (Linux: fsync on the directory). */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (UnsupportedOperationException | AccessDeniedException notSupported) {
            // not every platform lets a directory be opened; the renames are still atomic there
        }
    }
}
