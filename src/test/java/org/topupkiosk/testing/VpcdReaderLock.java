package org.topupkiosk.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * pcscd's "Virtual PCD 00 00" is one reader for the whole machine: a second Maven run (another checkout, a developer's
 * `mvn verify` next to CI) that inserts its virtual SIM while this one expects an empty slot or its own card makes
 * both fail. Test classes that use the vpcd reader take this machine-wide file lock for their whole run.
 */
public final class VpcdReaderLock implements BeforeAllCallback, AfterAllCallback {

    private static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "topupkiosk-vpcd-35963.lock");
    private static final long WAIT_MS = 5 * 60_000;
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(VpcdReaderLock.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        FileChannel ch = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        FileLock lock = null;
        boolean told = false;
        while (lock == null) {
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // another class of this JVM holds it (parallel classes): wait the same way
            }
            if (lock == null) {
                if (System.currentTimeMillis() > deadline) {
                    System.err.println("!!!!! " + context.getDisplayName() + ": the vpcd reader stayed busy for "
                            + WAIT_MS / 1000 + " s (lock " + FILE + "); running anyway");
                    break;
                }
                if (!told) {
                    System.err.println(context.getDisplayName() + ": waiting for another test run to free the vpcd"
                            + " reader (lock " + FILE + ")");
                    told = true;
                }
                Thread.sleep(200);
            }
        }
        context.getStore(NS).put("lock", new Held(lock, ch));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Held h = context.getStore(NS).remove("lock", Held.class);
        if (h != null) {
            h.release();
        }
    }

    /** The lock (null when the wait gave up) and its file. */
    private record Held(FileLock lock, FileChannel channel) {
        void release() throws IOException {
            try {
                if (lock != null) {
                    lock.release();
                }
            } finally {
                channel.close();
            }
        }
    }
}
