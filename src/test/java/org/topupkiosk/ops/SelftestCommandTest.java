package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.testing.Kioskctl;

/** The commissioning path end to end: selftest, then journal verify and outbox status on the journal it wrote. */
class SelftestCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, String... args) {
        return Kioskctl.run(out, out, args);
    }

    @Test
    void selftestPaysOnceAndTheJournalVerifies() throws Exception {
        Path config = copyConfig(dir);
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        int rc;
        try {
            rc = run(new StringWriter(), "selftest", "--config", config.toString(), "--amount", "250");
        } finally {
            System.setOut(old);
        }
        String printed = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rc).as(printed).isZero();
        assertThat(printed).contains("status=CONFIRMED").contains("to_balance=250.00 RUB").contains("selftest ok");

        Path db = dir.resolve("var/journal.db");
        StringWriter verify = new StringWriter();
        assertThat(run(verify, "journal", "verify", "--db", db.toString())).as(verify.toString()).isZero();
        assertThat(verify.toString()).startsWith("journal ok orders=1 stacked=250.00 RUB");
        StringWriter outbox = new StringWriter();
        assertThat(run(outbox, "outbox", "status", "--db", db.toString())).isZero();
        assertThat(outbox.toString()).startsWith("outbox pending=0");
    }

    @Test
    void selftestRefusesAProductionConfig() throws Exception {
        Path config = copyConfig(dir);
        Files.writeString(config, Files.readString(config).replace("type: emulator          # emulator | ccnet | id003",
                "type: ccnet\n    port: /dev/ttyUSB0"));
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(run(new StringWriter(), "selftest", "--config", config.toString())).isEqualTo(1);
        } finally {
            System.setOut(old);
        }
        assertThat(captured.toString()).contains("is not a simulation config");
        assertThat(Files.exists(dir.resolve("var/journal.db"))).isFalse();
    }

    /** The shipped simulation config, in a scratch copy so its ../var lands in the temp dir. */
    static Path copyConfig(Path dir) throws IOException {
        Path src = Path.of("kiosk-config");
        Path dst = dir.resolve("kiosk-config");
        try (var walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dst.resolve("kiosk.yaml");
    }
}
