package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.NumberingPlan;
import org.topupkiosk.testing.Fuzz;

/**
 * {@code kioskctl numbering import} fuzzed: registry files generated valid (8-column exports with INNs, UTF-8 or
 * windows-1251, with or without a BOM, CRLF or LF), damaged as text and as bytes, and random bytes, each imported over
 * a plan already in place. Whatever comes in, either the file is now the plan, byte for byte, with metadata that
 * belongs to it, or the import is refused with a {@link ConfigException} naming the file and the old plan and its
 * metadata are byte for byte what they were; no temporary file is ever left behind.
 */
class NumberingImportFuzzProperties {

    static final List<RegistryFiles.Op> OPS = List.of(RegistryFiles.MTS, RegistryFiles.BEELINE, RegistryFiles.MEGAFON,
            RegistryFiles.T2, RegistryFiles.YOTA, RegistryFiles.T_MOBILE, RegistryFiles.ROSTELECOM);
    static final List<String> IDS = List.of("mts", "beeline", "megafon", "t2", "megafon", NumberingPlan.OTHER,
            NumberingPlan.OTHER);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);
    static final byte[] OLD_PLAN = (RegistryFiles.HEADER + "\r\n"
            + "916;0000000;9999999;10000000;ПАО \"Мобильные ТелеСистемы\";Москва;Москва;7740000076\r\n")
            .getBytes(StandardCharsets.UTF_8);

    static Path root;
    static NumberingPlanLoader loader;

    @BeforeContainer
    static void setUp() throws Exception {
        root = Files.createTempDirectory("numbering-fuzz");
        KioskConfig cfg = ConfigLoader.loadKioskConfig(Path.of("kiosk-config/kiosk.yaml"));
        loader = new NumberingPlanLoader(RegistryOperators.load(
                Path.of("kiosk-config/numbering/operators.yaml"), ConfigLoader.loadCatalog(cfg.catalogFile())));
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One row: DEF code, block of 10,000 numbers, blocks, operator. */
    record Row(int def, int block, int blocks, int op) {
        RegistryFiles.Row registryRow() {
            return new RegistryFiles.Row(def, block * 10_000, (block + blocks) * 10_000 - 1, OPS.get(op), "Регион " + def);
        }
    }

    @Provide
    Arbitrary<List<Row>> plans() {
        Arbitrary<Row> row = Combinators.combine(Arbitraries.integers().between(900, 999),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, OPS.size() - 1)).as(Row::new);
        return row.list().ofMinSize(1).ofMaxSize(12).uniqueElements(Row::def);
    }

    static List<RegistryFiles.Row> rows(List<Row> plan) {
        List<RegistryFiles.Row> out = new ArrayList<>();
        plan.forEach(r -> out.add(r.registryRow()));
        return out;
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<String> valid = Combinators.combine(plans(), Arbitraries.of("\r\n", "\n"), Arbitraries.longs())
                .as((p, eol, seed) -> RegistryFiles.text(rows(p), eol, seed));
        Arbitrary<String> texts = Fuzz.textAround(valid, "0123456789;\"\r\n \t-АВСDEFОтДоИНН«»\uFEFF", 300);
        Arbitrary<byte[]> encoded = Combinators.combine(texts, Arbitraries.of(StandardCharsets.UTF_8,
                NumberingImportTest.CP1251)).as((t, cs) -> t.getBytes(cs));
        return Fuzz.around(encoded, 600);
    }

    @Property
    void anyFileBecomesThePlanWhollyOrLeavesTheOldOneByteForByte(@ForAll("files") byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory(root, "t");
        Path target = dir.resolve("def.csv");
        Path meta = NumberingMeta.fileFor(target);
        Files.write(target, OLD_PLAN);
        Files.writeString(meta, "old metadata\n");
        Path source = Files.write(dir.resolve("DEF-9xx.csv"), bytes);
        try {
            NumberingImport.Report r = new NumberingImport(loader, CLOCK).run(source, target, LocalDate.of(2026, 12, 1));
            assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
            NumberingPlanLoader.Result again = loader.load(target);
            assertThat(again.plan().size()).isEqualTo(r.plan().size()).isPositive();
            assertThat(again.plan().source()).contains(r.source());
            assertThat(again.skipped() + again.objections()).isZero();
        } catch (ConfigException refused) {
            assertThat(refused.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(source));
            assertThat(refused.getMessage()).contains("not imported: the numbering plan in place is unchanged");
            assertThat(Files.readAllBytes(target)).isEqualTo(OLD_PLAN);
            assertThat(Files.readString(meta)).isEqualTo("old metadata\n");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void everyValidRegistryImportsAndEachRangeResolvesToItsOperator(@ForAll("plans") List<Row> plan,
                                                                     @ForAll boolean cp1251, @ForAll boolean crlf,
                                                                     @ForAll boolean bom) throws Exception {
        Path dir = Files.createTempDirectory(root, "v");
        Path source = RegistryFiles.write(dir.resolve("DEF-9xx.csv"), rows(plan),
                cp1251 ? NumberingImportTest.CP1251 : StandardCharsets.UTF_8, bom && !cp1251, crlf ? "\r\n" : "\n");
        NumberingImport.Report r = new NumberingImport(loader, CLOCK).run(source, dir.resolve("def.csv"), null);
        assertThat(r.plan().size()).isEqualTo(plan.size());
        assertThat(r.source().rows()).isEqualTo(plan.size());
        NumberingPlan loaded = loader.load(dir.resolve("def.csv")).plan();
        for (Row row : plan) {
            RegistryFiles.Row rr = row.registryRow();
            for (int which : new int[] {-1, 0, 1}) {
                assertThat(loaded.lookup(Msisdn.of(rr.number(which)))).as(rr.line(false))
                        .hasValueSatisfying(h -> assertThat(h.operatorId()).isEqualTo(IDS.get(row.op())));
            }
        }
        assertThat(r.rangesByOperator().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(plan.size());
        assertThat(r.unlisted()).extracting(Map.Entry::getKey).isEmpty();
    }
}
