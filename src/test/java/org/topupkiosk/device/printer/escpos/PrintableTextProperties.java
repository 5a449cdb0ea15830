package org.topupkiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.PrintableText;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.receipt.ReceiptFacts;
import org.topupkiosk.receipt.ReceiptLayouts;

/**
 * Nothing prints as garbage: every catalog string, every message of the three bundles and generated receipts go
 * through the encoder into the emulated printer, with and without GB18030, and come out as the printable text
 * ({@link PrintableText}): no '?' that was not in the source, no replacement character, no raster fallback.
 */
class PrintableTextProperties {

    private static final char CELL = '\u25A1';

    /** Every text value of the catalog and every message of the ru, en and zh bundles, line by line. */
    static List<String> corpus() {
        List<String> out = new ArrayList<>();
        try {
            JsonNode catalog = new ObjectMapper(new YAMLFactory()).readTree(
                    Files.readString(Path.of("kiosk-config/catalog/catalog.yaml")));
            collect(catalog, out);
            for (String lang : List.of("ru", "en", "zh")) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(
                        Path.of("src/main/resources/i18n/messages_" + lang + ".properties"))) {
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                p.values().forEach(v -> out.addAll(List.of(v.toString().split("\n"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream().filter(s -> !s.isBlank()).distinct().toList();
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.addAll(List.of(n.asText().split("\n")));
        }
        n.forEach(c -> collect(c, out));
    }

    @Provide
    Arbitrary<String> shipped() {
        return Arbitraries.of(corpus());
    }

    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 20_000)
    void everyCatalogAndBundleStringPrintsReadably(@ForAll("shipped") String text) {
        assertPrintsAsItsPrintableForm(List.of(text));
    }

    /** Names and promotion texts as a carrier or an operator might type them. */
    @Provide
    Arbitrary<String> wildText() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().range('А', 'я'), Arbitraries.chars().range('a', 'z'),
                Arbitraries.chars().range('0', '9'), Arbitraries.chars().range('一', '龥'),
                Arbitraries.of('₽', '«', '»', '—', '–', '№', '…', '\u00A0', '\u202F', '“', '”', '‘', '’', '€', '©',
                        'é', 'ü', 'ß', '½', '²', '\u200B', '•', '™', ' ', '?', '!', 'ё', 'Й', '　', '，', '\u2603'));
        Arbitrary<String> emoji = Arbitraries.of("🎉", "📱", "👍🏽", "❤️", "🇷🇺");
        return Arbitraries.oneOf(chars.list().ofMaxSize(40).map(l -> {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::append);
            return sb.toString();
        }), Combinators.combine(chars.list().ofMaxSize(10), emoji).as((l, e) -> l + e));
    }

    @Property(tries = 300)
    void generatedReceiptsPrintReadably(@ForAll("wildText") String operator, @ForAll("wildText") String address,
                                        @ForAll Lang lang) {
        ReceiptLayouts layouts = new ReceiptLayouts(new Messages(), new ReceiptFacts.Kiosk("0042", address,
                "+7 800 555-35-35", "https://pay.example.ru/t/"), 42, ZoneId.of("Europe/Moscow"));
        ReceiptFacts.Sale sale = new ReceiptFacts.Sale("0042-000317", Instant.parse("2026-11-21T10:15:30Z"),
                operator, "+7 926 ***-**-67", Money.rub(588), Money.rub(12), Money.rub(600), Money.ZERO_RUB, null,
                ReceiptFacts.Status.CREDITED);
        Receipt r = layouts.topUp(sale, lang);
        for (Receipt.Line line : r.lines()) {
            assertThat(PrintableText.of(line.text())).isEqualTo(line.text());   // laid out already printable
        }
        assertPrintsAsItsPrintableForm(r.lines().stream().map(Receipt.Line::text).toList());
    }

    @Property(tries = 300)
    void wildTextIsPrintableAndIntroducesNoQuestionMarks(@ForAll("wildText") String text) {
        String p = PrintableText.of(text);
        assertThat(p.codePoints()).allMatch(PrintableText::printable);
        assertThat(PrintableText.of(p)).isEqualTo(p);
        assertThat(p.chars().filter(c -> c == '?').count()).isEqualTo(text.chars().filter(c -> c == '?').count());
        assertPrintsAsItsPrintableForm(List.of(text));
    }

    private static void assertPrintsAsItsPrintableForm(List<String> texts) {
        List<Receipt.Line> lines = texts.stream().map(t -> new Receipt.Line(t, Receipt.Style.NORMAL)).toList();
        Receipt r = new Receipt("p", 42, lines, null);
        for (boolean gb : new boolean[] {false, true}) {
            List<String> printed = print(r, gb);
            for (int i = 0; i < texts.size(); i++) {
                String printable = PrintableText.of(texts.get(i));
                boolean tooManyGlyphs = PrintableText.narrowPunctuation(printable).codePoints()
                        .filter(Receipt::isWide).distinct().count() > 47;
                String expected = gb ? printable : tooManyGlyphs ? "[image]"
                        : cells(PrintableText.narrowPunctuation(printable));
                assertThat(printed.get(i)).as("gb18030=%s source=%s", gb, texts.get(i)).isEqualTo(expected)
                        .doesNotContain("\uFFFD");
            }
        }
    }

    /** What the emulator reads back for glyph runs: one mark per user-defined cell, two per Chinese character. */
    private static String cells(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Receipt.isWide(cp)) {
                sb.append(CELL).append(CELL);
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static List<String> print(Receipt r, boolean gb18030) {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        emu.open(b -> { }).accept(new ReceiptEncoder(ReceiptEncoder.Options.defaults().withGb18030(gb18030)).encode(r));
        assertThat(emu.printed()).hasSize(1);
        return emu.printed().get(0).lines();
    }
}
