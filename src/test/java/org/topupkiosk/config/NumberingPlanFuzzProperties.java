package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.Fuzz;

/**
 * The DEF number-range registry file (the numbering plan CSV), fuzzed: registry files generated valid (UTF-8 or
 * windows-1251, quoted and plain operator names, CRLF or LF), damaged as text and as bytes, and random bytes. Loading
 * gives a plan or a {@link ConfigException} naming the file, nothing else; a valid file's ranges are all found again.
 */
class NumberingPlanFuzzProperties {

    static final Map<String, String> NAMES = NumberingPlanLoaderTest.NAMES;
    static final List<String> OPERATORS = List.of("ПАО \"Мобильные ТелеСистемы\"", "\"ПАО \"\"ВымпелКом\"\"\"",
            "ПАО «МегаФон»", "ООО \"Т2 Мобайл\"", "ООО \"Неизвестный оператор\"");
    static final Charset CP1251 = NumberingPlanLoaderTest.CP1251;

    final NumberingPlanLoader loader = new NumberingPlanLoader(NAMES);

    /** One registry row: DEF code, block number (10,000 numbers each), operator. */
    record Row(int def, int block, int blockCount, int operator) {
        int from() {
            return block * 10_000;
        }

        int to() {
            return from() + blockCount * 10_000 - 1;
        }

        String line() {
            return def + ";" + String.format("%07d", from()) + ";" + String.format("%07d", to()) + ";"
                    + (to() - from() + 1) + ";" + OPERATORS.get(operator) + ";Регион " + def;
        }
    }

    @Provide
    Arbitrary<List<Row>> plans() {
        Arbitrary<Row> row = Combinators.combine(Arbitraries.integers().between(900, 999),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, OPERATORS.size() - 1)).as(Row::new);
        // No two rows of one DEF code overlap: each DEF code keeps only its first row.
        return row.list().ofMinSize(1).ofMaxSize(12).uniqueElements(Row::def);
    }

    static String text(List<Row> rows, boolean crlf) {
        StringBuilder sb = new StringBuilder(NumberingPlanLoaderTest.HEADER.strip()).append(crlf ? "\r\n" : "\n");
        for (Row r : rows) {
            sb.append(r.line()).append(crlf ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<String> valid = Combinators.combine(plans(), Arbitraries.of(true, false)).as(NumberingPlanFuzzProperties::text);
        Arbitrary<String> texts = Fuzz.textAround(valid, "0123456789;\"\r\n \t-АВСDEFОтДо«»", 300);
        Arbitrary<byte[]> encoded = Combinators.combine(texts, Arbitraries.of(true, false)).as((t, utf8) -> t.getBytes(
                utf8 ? StandardCharsets.UTF_8 : CP1251));
        return Fuzz.around(encoded, 600);
    }

    @Property
    void anyFileIsAPlanOrAConfigException(@ForAll("files") byte[] bytes) {
        try {
            NumberingPlanLoader.Result r = loader.parse(bytes, Path.of("def.csv"));
            assertThat(r.plan().size()).isPositive();
            assertThat(r.rows()).isGreaterThanOrEqualTo(r.plan().size());
            assertThat(r.someSkips()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
        } catch (ConfigException refused) {
            assertThat(refused.getMessage()).startsWith("def.csv: ");
        }
    }

    /** Found by the fuzz profile: a DEF code with a leading zero reached the plan's builder and threw. */
    @Example
    void aDefCodeWithALeadingZeroIsASkippedLineNotACrash() throws ConfigException {
        String text = NumberingPlanLoaderTest.HEADER + "012;340000;349999;10000;ПАО \"Мобильные ТелеСистемы\";Москва\n"
                + "916;0;9999999;10000000;ПАО \"Мобильные ТелеСистемы\";Москва\n";
        NumberingPlanLoader.Result r = loader.parse(text.getBytes(StandardCharsets.UTF_8), Path.of("def.csv"));
        assertThat(r.plan().size()).isEqualTo(1);
        assertThat(r.someSkips()).singleElement().satisfies(s -> assertThat(s.reason()).contains("100 to 999"));
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void everyValidRangeIsFoundAgain(@ForAll("plans") List<Row> rows, @ForAll boolean utf8, @ForAll boolean crlf)
            throws ConfigException {
        byte[] bytes = text(rows, crlf).getBytes(utf8 ? StandardCharsets.UTF_8 : CP1251);
        NumberingPlanLoader.Result r = loader.parse(bytes, Path.of("def.csv"));
        assertThat(r.charset()).isEqualTo(utf8 ? StandardCharsets.UTF_8 : CP1251);
        List<String> expected = new ArrayList<>(List.of("mts", "beeline", "megafon", "t2"));
        for (Row row : rows) {
            for (int n : new int[] {row.from(), row.to()}) {
                Msisdn m = Msisdn.of("+7" + row.def() + String.format("%07d", n));
                Optional<String> op = r.plan().operatorIdFor(m);
                if (row.operator() < expected.size()) {
                    assertThat(op).as(row.line()).contains(expected.get(row.operator()));
                }
            }
        }
    }
}
