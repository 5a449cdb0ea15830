package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * The journal holds credit codes, e-PINs and activation codes: its directory ({@code var/}) is 700 and the file, its WAL
 * and its SHM are 600, whatever the umask, and a looser existing one is narrowed when the journal opens.
 */
class JournalPermissionsTest {

    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static void write(Journal j) {
        Order o = j.openOrder("topup", Msisdn.of("+79161234567"), "mts", null);
        j.recordStacked(o.txnId(), Money.rub(100), "n1");
        j.cancel(o.txnId(), "customer-cancel");
    }

    @Test
    void aNewJournalAndItsDirectoryAreOwnerOnly() throws Exception {
        Path var = tmp.resolve("kiosk/var");
        Path db = var.resolve("journal.db");
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            write(j);
            assertThat(mode(var)).isEqualTo("rwx------");
            assertThat(mode(db)).isEqualTo("rw-------");
            assertThat(mode(SqliteStore.sibling(db, "-wal"))).isEqualTo("rw-------");
            assertThat(mode(SqliteStore.sibling(db, "-shm"))).isEqualTo("rw-------");
        }
    }

    @Test
    void aLooserExistingJournalIsNarrowedWhenOpened() throws Exception {
        Path var = tmp.resolve("var");
        Path db = var.resolve("journal.db");
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            write(j);
        }
        Files.setPosixFilePermissions(var, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Path wal = SqliteStore.sibling(db, "-wal");
        if (!Files.exists(wal)) {
            Files.createFile(wal);
        }
        Files.setPosixFilePermissions(wal, PosixFilePermissions.fromString("rw-rw-rw-"));

        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            write(j);
            assertThat(mode(var)).isEqualTo("rwx------");
            assertThat(mode(db)).isEqualTo("rw-------");
            assertThat(mode(wal)).isEqualTo("rw-------");
            assertThat(mode(SqliteStore.sibling(db, "-shm"))).isEqualTo("rw-------");
        }
    }
}
