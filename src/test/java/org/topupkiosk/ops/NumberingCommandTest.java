package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.RegistryFiles;
import org.topupkiosk.testing.Kioskctl;

/** {@code kioskctl numbering import} and {@code show} on a copy of the shipped configuration. */
class NumberingCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Kioskctl.run(out, err, args);
    }

    @Test
    void importsAWindows1251RegistryThenShowSaysItsDateAndTheServiceNeedsARestart() throws Exception {
        Path config = RegistryFiles.copyConfig(dir);
        Path file = RegistryFiles.write(dir.resolve("DEF-9xx.csv"), RegistryFiles.generate(9, 10),
                Charset.forName("windows-1251"), false, "\r\n");
        assertThat(run("numbering", "show", "--config", config.toString())).isZero();
        assertThat(out.toString()).contains("ranges=41, not imported with kioskctl numbering import (date unknown)");

        int rc = run("numbering", "import", file.toString(), "--config", config.toString(), "--date", "2026-12-01");
        assertThat(rc).as(err.toString()).isZero();
        assertThat(out.toString()).contains("numbering imported: DEF-9xx.csv -> ", "date=2026-12-01",
                "charset=windows-1251", "  megafon ", "  other ", "kept as other operators",
                "АО \"Региональная связь", "restart the kiosk to use it", "def-sample.csv.previous");
        out.getBuffer().setLength(0);
        assertThat(run("numbering", "show", "--config", config.toString())).isZero();
        assertThat(out.toString()).contains("date=2026-12-01 source=DEF-9xx.csv");
    }

    @Test
    void aBadFileExitsOneListingItsLinesAndABadDateOrConfigExitsTwo() throws Exception {
        Path config = RegistryFiles.copyConfig(dir);
        Path plan = dir.resolve("kiosk-config/numbering/def-sample.csv");
        byte[] before = Files.readAllBytes(plan);
        Path bad = Files.writeString(dir.resolve("DEF-9xx.csv"), RegistryFiles.HEADER + "\n"
                + "916;0000000;0999999;999;ПАО \"Мобильные ТелеСистемы\";Москва;Москва;7740000076\n");
        assertThat(run("numbering", "import", bad.toString(), "--config", config.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("numbering import refused:", "DEF-9xx.csv: line 2: capacity \"999\"",
                "not imported: the numbering plan in place is unchanged");
        assertThat(Files.readAllBytes(plan)).isEqualTo(before);
        assertThat(run("numbering", "import", bad.toString(), "--config", config.toString(), "--date", "1.12.2026"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--date: \"1.12.2026\" is not a date");
        assertThat(run("numbering", "import", bad.toString(), "--config", dir.resolve("none.yaml").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("config error:");
    }
}
