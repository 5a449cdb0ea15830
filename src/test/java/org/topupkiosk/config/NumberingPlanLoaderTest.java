package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.NumberingPlan;
import org.topupkiosk.testing.Property;

class NumberingPlanLoaderTest {

    static final Path SAMPLE = Path.of("kiosk-config/numbering/def-sample.csv");
    static final Charset CP1251 = Charset.forName("windows-1251");
    static final Map<String, String> NAMES = Map.of(
            "ПАО \"Мобильные ТелеСистемы\"", "mts",
            "ПАО \"ВымпелКом\"", "beeline",
            "пао  «МегаФон»", "megafon", // spelled loosely on purpose: matching ignores case, spaces and quote style
            "ООО \"Т2 Мобайл\"", "t2");
    static final String HEADER = "АВС/ DEF;От;До;Емкость;Оператор;Регион\n";

    final NumberingPlanLoader loader = new NumberingPlanLoader(NAMES);

    @Test
    void loadsTheShippedSample() throws Exception {
        NumberingPlanLoader.Result r = loader.load(SAMPLE);
        NumberingPlan plan = r.plan();
        assertThat(r.skipped()).isZero();
        assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(plan.size()).isBetween(35, 45);
        assertThat(plan.operatorIdFor(Msisdn.of("+7 916 123-45-67"))).contains("mts");
        assertThat(plan.regionFor(Msisdn.of("+7 916 123-45-67"))).contains("г. Москва и Московская область");
        assertThat(plan.operatorIdFor(Msisdn.of("8 903 000-00-00"))).contains("beeline");
        assertThat(plan.operatorIdFor(Msisdn.of("9269999999"))).contains("megafon");
        assertThat(plan.operatorIdFor(Msisdn.of("+79000999999"))).contains("t2");
        assertThat(plan.regionFor(Msisdn.of("+79000999999"))).contains("Краснодарский край");
        assertThat(plan.regionFor(Msisdn.of("+79001000000"))).contains("Ростовская обл.");
    }

    @Test
    void unknownOperatorsAreOtherHintsAndGapsAreEmpty() throws Exception {
        NumberingPlan plan = loader.load(SAMPLE).plan();
        Msisdn yota = Msisdn.of("+7 999 000-11-22");
        assertThat(plan.operatorIdFor(yota)).isEmpty();
        assertThat(plan.lookup(yota)).hasValueSatisfying(h -> {
            assertThat(h.operatorId()).isEqualTo(NumberingPlan.OTHER);
            assertThat(h.registryOperator()).isEqualTo("ООО \"Скартел\"");
        });
        assertThat(plan.lookup(Msisdn.of("+7 907 123-45-67"))).isEmpty();   // no range for 907
        assertThat(plan.lookup(Msisdn.of("+7 910 100-00-00"))).isEmpty();   // just after 910's range
        assertThat(plan.lookup(Msisdn.of("+7 900 000-00-00"))).isPresent(); // first number of the first range
    }

    @Test
    void toleratesBomExtraAndReorderedColumnsAndQuotes() throws Exception {
        String csv = "\uFEFFАВС/ DEF;ГАР Территория;От;До;Емкость;Регион;Оператор;ИНН\r\n"
                + "916;Москва;0000000;9999999;10000000;г. Москва;\"ПАО \"\"Мобильные ТелеСистемы\"\"\";7740000076\r\n"
                + "\r\n"
                + "926;Москва;0000000;0000099;100;\"г. Москва; центр\";ПАО \"МегаФон\";7812014560\r\n";
        NumberingPlanLoader.Result r = loader.parse(csv.getBytes(StandardCharsets.UTF_8), Path.of("t.csv"));
        assertThat(r.skipped()).isZero();
        assertThat(r.plan().operatorIdFor(Msisdn.of("+79161234567"))).contains("mts");
        assertThat(r.plan().operatorIdFor(Msisdn.of("+79260000099"))).contains("megafon");
        assertThat(r.plan().regionFor(Msisdn.of("+79260000000"))).contains("г. Москва; центр");
    }

    @Test
    void skipsBadRowsWithLineAndReason() throws Exception {
        String csv = HEADER
                + "916;0000000;0999999;1000000;ПАО \"Мобильные ТелеСистемы\";Москва\n" // line 2, good
                + "91x;0000000;0999999;1000000;ПАО \"ВымпелКом\";Москва\n"             // 3 bad DEF
                + "903;0000009;0000001;;ПАО \"ВымпелКом\";Москва\n"                    // 4 reversed
                + "903;0000000;0000009;11;ПАО \"ВымпелКом\";Москва\n"                  // 5 capacity
                + "903;0000000;0000009;10;\"ПАО ВымпелКом;Москва\n"                    // 6 open quote
                + "903;1\n"                                                          // 7 short
                + "916;0500000;0600000;100001;ПАО \"МегаФон\";Москва\n"               // 8 overlaps line 2
                + "903;0000000;0000009;10;;Москва\n";                                // 9 no operator
        NumberingPlanLoader.Result r = loader.parse(csv.getBytes(StandardCharsets.UTF_8), Path.of("t.csv"));
        assertThat(r.plan().size()).isEqualTo(1);
        assertThat(r.rows()).isEqualTo(8);
        assertThat(r.skipped()).isEqualTo(7);
        assertThat(r.someSkips()).extracting(NumberingPlanLoader.Skip::line).containsExactlyInAnyOrder(3, 4, 5, 6, 7, 8, 9);
        assertThat(r.someSkips().toString())
                .contains("line 3: DEF code \"91x\"", "starts after it ends", "capacity \"11\"", "not closed",
                        "fields, expected", "overlaps the range on line 2", "operator is empty");
    }

    @Test
    void aFileWithoutValidRowsIsAnError() {
        byte[] junk = (HEADER + "a;b;c;d;e;f\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.parse(junk, Path.of("x.csv")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("x.csv: numbering file has no valid range rows");
        assertThatThrownBy(() -> loader.parse(new byte[0], Path.of("x.csv"))).hasMessageContaining("empty");
        assertThatThrownBy(() -> loader.parse("a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8), Path.of("x.csv")))
                .hasMessageContaining("header lacks column(s) [АВС/ DEF, От, До, Оператор]");
        assertThatThrownBy(() -> loader.load(Path.of("no/such.csv"))).hasMessageContaining("not found");
    }

    @Test
    void loadsAFullSizeRegistryInWindows1251WithJunk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("DEF-9xx.csv");
        Files.write(file, generatedRegistry(100_000, 42L));
        NumberingPlanLoader.Result r = loader.load(file);
        assertThat(r.charset()).isEqualTo(CP1251);
        assertThat(r.plan().size()).isEqualTo(100_000);
        assertThat(r.skipped()).isEqualTo(100);
        assertThat(r.plan().operatorIdFor(Msisdn.of("+79000000000"))).contains("mts");
        assertThat(r.plan().operatorIdFor(Msisdn.of("+79000000100"))).contains("beeline");
        assertThat(r.plan().lookup(Msisdn.of("+79000000400")).orElseThrow().operatorId()).isEqualTo("other");
        assertThat(r.plan().regionFor(Msisdn.of("+79000000000"))).contains("Московская обл.");
    }

    /**
     * A registry like the official one: 100-number ranges across 9xx codes, newer column set, windows-1251, and one
     * junk line every 1000 rows.
     */
    static byte[] generatedRegistry(int ranges, long seed) {
        String[] ops = {"ПАО \"Мобильные ТелеСистемы\"", "ПАО \"ВымпелКом\"", "ПАО \"МегаФон\"", "ООО \"Т2 Мобайл\"",
                "ООО \"Скартел\""};
        String[] regions = {"Московская обл.", "Республика Саха /Якутия/", "Ханты-Мансийский автономный округ - Югра"};
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(ranges * 90);
        sb.append("АВС/ DEF;От;До;Емкость;Оператор;Регион;ГАР Территория;ИНН\r\n");
        for (int i = 0; i < ranges; i++) {
            int def = 900 + i / 100_000;
            int from = (i % 100_000) * 100;
            String op = ops[i % ops.length];
            String opField = i % 2 == 0 ? "\"" + op.replace("\"", "\"\"") + "\"" : op;
            sb.append(def).append(';').append(String.format("%07d", from)).append(';')
                    .append(String.format("%07d", from + 99)).append(";100;").append(opField).append(';')
                    .append(regions[i % regions.length]).append(";г.о. Тест;").append(7700000000L + i % 977).append("\r\n");
            if (i % 1000 == 999) {
                sb.append("garbage ").append(random.nextInt()).append(";;\"\r\n");
            }
        }
        return sb.toString().getBytes(CP1251);
    }

    @Test
    void randomGarbageLinesOnlyEverSkip() {
        String alphabet = "0123456789;;;\"\"\" abcАБВ\t\r-.,/\u0000\uFFFD\u00A0ё";
        Property.forAll(300, random -> {
            StringBuilder sb = new StringBuilder(HEADER).append("916;0000000;0000009;10;ПАО \"МегаФон\";Москва\n");
            int junk = 1 + random.nextInt(20);
            for (int i = 0; i < junk; i++) {
                sb.append(Property.randomString(random, alphabet, 60)).append('\n');
            }
            byte[] bytes = random.nextBoolean() ? sb.toString().getBytes(StandardCharsets.UTF_8)
                    : sb.toString().getBytes(CP1251);
            NumberingPlanLoader.Result r;
            try {
                r = loader.parse(bytes, Path.of("junk.csv"));
            } catch (ConfigException e) {
                throw new AssertionError("one valid row must be enough: " + e.getMessage(), e);
            }
            assertThat(r.plan().size()).isGreaterThanOrEqualTo(1);
            assertThat(r.skipped()).isLessThanOrEqualTo(junk);
            assertThat(r.someSkips()).allSatisfy(s -> {
                assertThat(s.line()).isBetween(3, 2 + junk + junk); // a stray \r can split a junk line in two
                assertThat(s.reason()).isNotBlank();
            });
        });
    }

    @Test
    void randomBytesNeverCrashTheLoader() {
        Property.forAll(500, random -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (random.nextBoolean()) {
                out.writeBytes(HEADER.getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : CP1251));
            }
            out.writeBytes(Property.randomBytes(random, 2000));
            try {
                NumberingPlanLoader.Result r = loader.parse(out.toByteArray(), Path.of("random.bin"));
                assertThat(r.plan().size()).isPositive();
            } catch (ConfigException expected) {
                assertThat(expected.getMessage()).startsWith("random.bin: ");
            }
        });
    }

    @Test
    void normalizesOperatorNames() {
        assertThat(NumberingPlanLoader.normalize(" ПАО  «МегаФон» ")).isEqualTo(NumberingPlanLoader.normalize("пао \"мегафон\""));
    }
}
