package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.NumberingPlan;

/**
 * {@code kioskctl numbering import} below the command line: real registry-shaped files (a generated full-size one,
 * the shipped sample, each encoding the registry has used), strict refusals naming lines, and the plan in place left
 * byte for byte as it was whenever an import fails.
 */
class NumberingImportTest {

    static final Charset CP1251 = Charset.forName("windows-1251");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path config;
    KioskConfig cfg;
    NumberingPlanLoader loader;

    @BeforeEach
    void setUp() throws Exception {
        config = RegistryFiles.copyConfig(dir);
        cfg = ConfigLoader.loadKioskConfig(config);
        loader = ConfigLoader.numberingLoader(cfg, ConfigLoader.loadCatalog(cfg.catalogFile()));
    }

    NumberingImport.Report importFile(Path file, LocalDate date) throws ConfigException {
        return new NumberingImport(loader, CLOCK).run(file, cfg.numberingFile(), date);
    }

    @Test
    void aFullSizeRegistryImportsAndTheKioskResolvesYotaAndVirtualOperatorsFromIt() throws Exception {
        List<RegistryFiles.Row> rows = RegistryFiles.generate(14, 100);
        assertThat(rows.size()).as("like the real DEF file").isBetween(25_000, 60_000);
        Path file = RegistryFiles.write(dir.resolve("DEF-9xx.csv"), rows, StandardCharsets.UTF_8, true, "\r\n");

        long t0 = System.nanoTime();
        NumberingImport.Report r = importFile(file, LocalDate.of(2026, 12, 1));
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(ms).as("import time").isLessThan(20_000);
        assertThat(r.plan().size()).isEqualTo(rows.size());
        assertThat(r.source().rows()).isEqualTo(rows.size());
        assertThat(r.rangesByOperator()).containsOnlyKeys("mts", "beeline", "megafon", "t2", "other");
        assertThat(r.unlisted()).extracting(e -> e.getKey()).contains("АО \"Региональная связь 1\"")
                .doesNotContain(RegistryFiles.T_MOBILE.name(), RegistryFiles.YOTA.name());
        assertThat(Files.readAllBytes(cfg.numberingFile())).isEqualTo(Files.readAllBytes(file));

        // What the kiosk reads at its next start.
        NumberingPlan plan = ConfigLoader.load(config).numbering();
        assertThat(plan.source()).hasValueSatisfying(s -> {
            assertThat(s.date()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(s.file()).isEqualTo("DEF-9xx.csv");
            assertThat(s.rows()).isEqualTo(rows.size());
        });
        RegistryFiles.Row yota = rows.get(0);
        assertThat(yota.op()).isEqualTo(RegistryFiles.YOTA);
        for (int which : new int[] {-1, 0, 1}) {
            Msisdn m = Msisdn.of(yota.number(which));
            assertThat(plan.operatorIdFor(m)).as("Yota is MegaFon's").contains("megafon");
            assertThat(plan.lookup(m)).hasValueSatisfying(h -> assertThat(h.registryOperator()).isEqualTo("ООО \"Скартел\""));
        }
        Msisdn tMobile = Msisdn.of(rows.get(1).number(0));
        assertThat(plan.lookup(tMobile)).hasValueSatisfying(h -> {
            assertThat(h.operatorId()).isEqualTo(NumberingPlan.OTHER);
            assertThat(h.registryOperator()).isEqualTo("ООО \"Т-Мобайл\"");
        });
        assertThat(plan.operatorIdFor(tMobile)).as("T-Mobile tops up through its bank, not T2").isEmpty();
        assertThat(plan.operatorIdFor(Msisdn.of(rows.get(2).number(1)))).as("SberMobile").isEmpty();
        for (RegistryFiles.Row row : rows.subList(3, rows.size())) {
            String expected = row.op() == RegistryFiles.MTS ? "mts" : row.op() == RegistryFiles.BEELINE ? "beeline"
                    : row.op() == RegistryFiles.MEGAFON || row.op() == RegistryFiles.YOTA ? "megafon"
                    : row.op() == RegistryFiles.T2 ? "t2" : NumberingPlan.OTHER;
            assertThat(plan.lookup(Msisdn.of(row.number(1)))).as(row.line(false))
                    .hasValueSatisfying(h -> assertThat(h.operatorId()).isEqualTo(expected));
        }
    }

    @Test
    void theShippedSampleImportsAndTheRegistryHasBeenPublishedInEveryOneOfTheseEncodings() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("kiosk-config/numbering/def-sample.csv"));
        String text = new String(sample, StandardCharsets.UTF_8);
        String lf = text.replace("\r\n", "\n");
        record Variant(String name, byte[] bytes, Charset charset) {}
        List<Variant> variants = List.of(
                new Variant("utf8-crlf.csv", sample, StandardCharsets.UTF_8),
                new Variant("utf8-lf.csv", lf.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                new Variant("utf8-bom.csv", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                new Variant("cp1251-crlf.csv", text.getBytes(CP1251), CP1251),
                new Variant("cp1251-lf.csv", lf.getBytes(CP1251), CP1251));
        for (Variant v : variants) {
            Path file = Files.write(dir.resolve(v.name()), v.bytes());
            NumberingImport.Report r = importFile(file, null);
            assertThat(r.charset()).as(v.name()).isEqualTo(v.charset());
            assertThat(r.plan().size()).as(v.name()).isEqualTo(41);
            NumberingPlan plan = ConfigLoader.load(config).numbering();
            assertThat(plan.operatorIdFor(Msisdn.of("+7 916 123-45-67"))).as(v.name()).contains("mts");
            assertThat(plan.operatorIdFor(Msisdn.of("+7 903 123-45-67"))).as(v.name()).contains("beeline");
            assertThat(plan.operatorIdFor(Msisdn.of("+7 999 012-34-56"))).as(v.name() + ": Yota").contains("megafon");
            assertThat(plan.operatorIdFor(Msisdn.of("+7 958 512-34-56"))).as(v.name() + ": Rostelecom").isEmpty();
            assertThat(plan.regionFor(Msisdn.of("+7 917 212-34-56"))).as(v.name()).contains("Республика Татарстан");
            assertThat(plan.source()).as(v.name()).hasValueSatisfying(s -> assertThat(s.file()).isEqualTo(v.name()));
        }
    }

    @Test
    void thePlansDateIsTheGivenOneOrTheOneInTheFilesNameOrTheImportsDay() throws Exception {
        Path sample = Path.of("kiosk-config/numbering/def-sample.csv");
        Path named = Files.copy(sample, dir.resolve("data-20241201T0000-structure-20141112T0000.csv"));
        assertThat(importFile(named, null).source().date()).isEqualTo(LocalDate.of(2024, 12, 1));
        assertThat(importFile(named, LocalDate.of(2025, 3, 4)).source().date()).isEqualTo(LocalDate.of(2025, 3, 4));
        Path plain = Files.copy(sample, dir.resolve("DEF-9xx.csv"));
        NumberingImport.Report r = importFile(plain, null);
        assertThat(r.source().date()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(r.source().importedAt()).isEqualTo(CLOCK.instant());
        String meta = Files.readString(NumberingMeta.fileFor(cfg.numberingFile()));
        assertThat(meta).contains("date=2026-12-07", "source=DEF-9xx.csv", "rows=41", "ranges=41", "charset=UTF-8",
                "sha256=" + NumberingMeta.sha256(Files.readAllBytes(sample)));
        assertThat(NumberingImport.dateIn("DEF-9xx-2025-02-30.csv")).as("no such day").isEmpty();
    }

    @Test
    void aPlanCopiedInByHandHasNoDateEvenBesideAnOldMetadataFile() throws Exception {
        importFile(Path.of("kiosk-config/numbering/def-sample.csv"), LocalDate.of(2026, 1, 1));
        assertThat(ConfigLoader.load(config).numbering().source()).isPresent();
        Files.writeString(cfg.numberingFile(), Files.readString(cfg.numberingFile()).replace("Орловская", "Курская"));
        NumberingPlan plan = ConfigLoader.load(config).numbering();
        assertThat(plan.size()).isEqualTo(41);
        assertThat(plan.source()).as("the metadata's hash names other bytes").isEmpty();
    }

    /** A bad line each: the error names the line, and the plan in place (and its date) stay byte for byte. */
    @Test
    void everyKindOfBadFileIsRefusedNamingItsLinesAndLeavesThePlanAlone() throws Exception {
        importFile(Path.of("kiosk-config/numbering/def-sample.csv"), LocalDate.of(2026, 1, 1));
        byte[] plan = Files.readAllBytes(cfg.numberingFile());
        byte[] meta = Files.readAllBytes(NumberingMeta.fileFor(cfg.numberingFile()));
        String h = RegistryFiles.HEADER + "\n";
        String ok = "916;0000000;0999999;1000000;ПАО \"Мобильные ТелеСистемы\";г. Москва;Город Москва;7740000076\n";
        refused("backwards.csv", (h + ok + "917;0500000;0400000;1;ПАО \"МегаФон\";Самара;Самара;7812014560\n")
                .getBytes(StandardCharsets.UTF_8), "line 3", "starts after it ends");
        refused("capacity.csv", (h + ok + "917;0000000;0000999;100;ПАО \"МегаФон\";Самара;Самара;7812014560\n")
                .getBytes(StandardCharsets.UTF_8), "line 3", "capacity \"100\" does not match range 0-999 (1000 numbers)");
        refused("overlap.csv", (h + ok + "917;0;999;1000;ПАО \"МегаФон\";Самара;Самара;7812014560\n"
                + "916;0999000;1000999;2000;ООО \"Т2 Мобайл\";Москва;Москва;7743895280\n").getBytes(StandardCharsets.UTF_8),
                "line 4", "overlaps the range on line 2");
        refused("outside.csv", (h + ok + "916;9999999;10000000;2;ООО \"Т2 Мобайл\";Москва;Москва;7743895280\n")
                .getBytes(StandardCharsets.UTF_8), "line 3", "not two numbers of up to 7 digits");
        refused("abc.csv", (h + "495;0000000;0999999;1000000;ПАО \"МГТС\";г. Москва;Город Москва;7710016640\n" + ok)
                .getBytes(StandardCharsets.UTF_8), "line 2", "DEF code 495 is not a mobile code 900-999");
        refused("column.csv", (RegistryFiles.HEADER + ";Примечание\n" + ok).getBytes(StandardCharsets.UTF_8),
                "line 1", "[Примечание] are not in the registry's format");
        refused("fields.csv", (h + ok.strip() + ";лишнее\n").getBytes(StandardCharsets.UTF_8), "line 2",
                "9 fields, the header has 8");
        refused("quote.csv", (h + ok + "917;0;999;1000;\"ПАО \"МегаФон\";Самара;Самара;7812014560\n")
                .getBytes(StandardCharsets.UTF_8), "line 3", "text after the closing quote");
        refused("short.csv", (RegistryFiles.HEADER.replace(";Регион", "") + "\n" + ok).getBytes(StandardCharsets.UTF_8),
                "line 1", "header lacks column(s) [Регион]");
        byte[] undefined = (h + ok).getBytes(CP1251);
        undefined[undefined.length - 20] = (byte) 0x98; // the one byte windows-1251 leaves undefined
        refused("bytes.csv", undefined, "line 2", "neither UTF-8 nor windows-1251");
        refused("utf16.csv", withBom16(h + ok), "", "UTF-16");
        refused("koi8.csv", (h + ok).getBytes(Charset.forName("KOI8-R")), "line 1", "header lacks column(s)");
        refused("empty.csv", new byte[0], "", "empty");
        refused("header-only.csv", h.getBytes(StandardCharsets.UTF_8), "line 1", "a header and no range rows");
        assertThatThrownBy(() -> importFile(dir.resolve("missing.csv"), null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not found");

        assertThat(Files.readAllBytes(cfg.numberingFile())).isEqualTo(plan);
        assertThat(Files.readAllBytes(NumberingMeta.fileFor(cfg.numberingFile()))).isEqualTo(meta);
        assertThat(leftovers()).isEmpty();
    }

    private static byte[] withBom16(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    @Test
    void manyErrorsAreListedUpToFiftyAndCounted() throws Exception {
        StringBuilder sb = new StringBuilder(RegistryFiles.HEADER).append('\n');
        for (int i = 0; i < 120; i++) {
            sb.append("916;").append(String.format("%07d", i * 10)).append(";0000000;1;ПАО \"МТС\";М;М;1\n");
        }
        Path file = Files.writeString(dir.resolve("bad.csv"), sb);
        assertThatThrownBy(() -> importFile(file, null)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).hasSize(NumberingImport.LISTED + 2);
            assertThat(e.problems().get(0).key()).isEqualTo("line 3"); // line 2 (0-0) is a good range
            assertThat(e.getMessage()).contains("69 more error(s)", "not imported: the numbering plan in place is unchanged");
        });
    }

    /** The disk refuses the rename of the plan, or of its metadata after the plan's: the old pair is what remains. */
    @Test
    void aFailureWhileReplacingLeavesTheOldPlanByteIdentical() throws Exception {
        importFile(Path.of("kiosk-config/numbering/def-sample.csv"), LocalDate.of(2026, 1, 1));
        byte[] plan = Files.readAllBytes(cfg.numberingFile());
        byte[] meta = Files.readAllBytes(NumberingMeta.fileFor(cfg.numberingFile()));
        Path file = RegistryFiles.write(dir.resolve("DEF-9xx.csv"), RegistryFiles.generate(3, 5), CP1251, false, "\r\n");
        for (String failing : new String[] {"def-sample.csv", "def-sample.csv.meta"}) {
            PlanFiles.Mover mover = (from, to) -> {
                if (to.getFileName().toString().equals(failing)) {
                    throw new IOException("No space left on device (test)");
                }
                PlanFiles.ATOMIC.move(from, to);
            };
            assertThatThrownBy(() -> new NumberingImport(loader, CLOCK, mover).run(file, cfg.numberingFile(), null))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("No space left on device")
                    .hasMessageContaining("the plan in place is unchanged");
            assertThat(Files.readAllBytes(cfg.numberingFile())).as(failing).isEqualTo(plan);
            assertThat(Files.readAllBytes(NumberingMeta.fileFor(cfg.numberingFile()))).as(failing).isEqualTo(meta);
            assertThat(leftovers()).as(failing).isEmpty();
            assertThat(ConfigLoader.load(config).numbering().source()).hasValueSatisfying(
                    s -> assertThat(s.date()).isEqualTo(LocalDate.of(2026, 1, 1)));
        }
        NumberingImport.Report r = importFile(file, null);
        assertThat(Files.readAllBytes(PlanFiles.previous(cfg.numberingFile()))).as("kept for a rollback").isEqualTo(plan);
        assertThat(Files.readAllBytes(cfg.numberingFile())).isEqualTo(Files.readAllBytes(file));
        assertThat(r.charset()).isEqualTo(CP1251);
        assertThat(Files.getPosixFilePermissions(cfg.numberingFile()))
                .isEqualTo(Files.getPosixFilePermissions(PlanFiles.previous(cfg.numberingFile())));
    }

    private void refused(String name, byte[] bytes, String key, String reason) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        assertThatThrownBy(() -> importFile(file, null)).as(name).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).as(name).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo(file);
                assertThat(p.key()).isEqualTo(key);
                assertThat(p.message()).contains(reason);
            });
        });
    }

    /** Temporary files the import left in the numbering directory. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(cfg.numberingFile().getParent())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
