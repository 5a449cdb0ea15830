package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.journal.DamagedJournalException;
import org.topupkiosk.journal.Journal;

/**
 * Issue 12 items 3 and 10: a damaged journal at start. Before, a file with damaged pages opened and took cash, and a
 * file that was not a database was reported as a configuration problem. Now start-up runs {@code PRAGMA quick_check}
 * and stops with {@link DamagedJournalException}, which the app shows as an out-of-service screen.
 */
class DamagedJournalStartTest {

    @TempDir
    Path dir;

    private KioskCore start(Path journal) throws ConfigException {
        Path configFile = Path.of("kiosk-config/kiosk.yaml");
        LoadedConfig loaded = ConfigLoader.load(configFile);
        KioskConfig c = loaded.config();
        KioskConfig changed = new KioskConfig(c.kiosk(), new KioskConfig.Journal(journal), c.carrier(), c.sales(),
                c.timeouts(), c.sync(), c.devices(), c.ui(), c.catalogFile(), c.numberingFile());
        return new KioskCore(new LoadedConfig(changed, loaded.catalog(), loaded.numbering()), configFile,
                new KioskCore.Options(null, CrashPoints.NONE, Clock.systemUTC()));
    }

    @Test
    void damagedPagesStopTheStartAsADamagedJournal() throws Exception {
        Path file = dir.resolve("journal.db");
        try (Journal j = Journal.open(file, "0042", Clock.systemUTC())) {
            for (int i = 0; i < 400; i++) {
                j.audit("filler", null, "{\"i\":" + i + "}");
            }
            assertThat(j.quickCheck()).isEmpty();
        }
        long size = Files.size(file);
        assertThat(size).isGreaterThan(8 * 4096);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // Every page after the third gets a garbage b-tree header: the schema page still reads.
            for (long page = 3; page * 4096 < size; page++) {
                raf.seek(page * 4096);
                raf.write(new byte[] {(byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE});
            }
        }
        assertThatThrownBy(() -> start(file)).isInstanceOf(DamagedJournalException.class)
                .satisfies(e -> assertThat(((DamagedJournalException) e).problems()).isNotEmpty());
    }

    @Test
    void aFileThatIsNotADatabaseIsADamagedJournalNotAConfigurationProblem() throws Exception {
        Path file = dir.resolve("journal.db");
        byte[] junk = new byte[64 * 1024];
        Arrays.fill(junk, (byte) 0x5A);
        Files.write(file, junk);
        assertThatThrownBy(() -> start(file)).isInstanceOf(DamagedJournalException.class)
                .isNotInstanceOf(ConfigException.class);
    }

    @Test
    void aSoundJournalPassesTheCheck() throws Exception {
        try (Journal j = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC())) {
            assertThat(j.quickCheck()).isEmpty();
        }
    }
}
