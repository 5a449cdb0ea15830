package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast path past Flyway must never skip a migration. */
class SchemaVersionTest {

    @TempDir
    Path dir;

    @Test
    void schemaVersionIsTheNewestMigrationFile() throws Exception {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            int newest = files.map(p -> name.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .max(Comparator.naturalOrder()).orElseThrow();
            assertThat(SqliteStore.SCHEMA_VERSION).isEqualTo(Integer.toString(newest));
        }
    }

    @Test
    void aFreshFileIsMigratedAndACurrentOneIsRecognised() throws Exception {
        Path db = dir.resolve("journal.db");
        String url = "jdbc:sqlite:" + db.toAbsolutePath();
        assertThat(SqliteStore.schemaIsCurrent(url)).isFalse();
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            assertThat(j.verify().ok()).isTrue();
        }
        assertThat(SqliteStore.schemaIsCurrent(url)).isTrue();
        try (Journal j = Journal.open(db, "0042", Clock.systemUTC())) {
            assertThat(j.verify().ok()).isTrue();
        }
    }
}
