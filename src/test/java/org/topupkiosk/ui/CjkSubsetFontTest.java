package org.topupkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;

/**
 * The kiosk's own Chinese face (a subset of Noto Sans CJK SC made by packaging/fonts/make-cjk-subset) has a glyph for
 * every character the kiosk ships: JavaFX does not fall back to another font for a character an embedded face lacks,
 * it draws a box. So a new string in a bundle, the catalog or the carrier simulator fails here until the subset is
 * made again. Carriers' goods titles are not known in advance: the face has all of GB 2312 for them.
 */
class CjkSubsetFontTest {

    private static final String FONT = "/org/topupkiosk/ui/fonts/TopUpKioskSansSC-Regular.otf";
    private static final String FAMILY = "TopUp Kiosk Sans SC";
    private static Font face;

    @BeforeAll
    static void load() throws IOException, FontFormatException {
        try (InputStream in = CjkSubsetFontTest.class.getResourceAsStream(FONT)) {
            assertThat(in).as(FONT).isNotNull();
            face = Font.createFont(Font.TRUETYPE_FONT, in);
        }
    }

    @Test
    void isRenamedAndSmall() throws IOException {
        assertThat(face.getFamily()).isEqualTo(FAMILY);
        assertThat(face.getFontName()).doesNotContain("Noto").doesNotContain("Source");
        try (InputStream in = CjkSubsetFontTest.class.getResourceAsStream(FONT)) {
            assertThat(in.readAllBytes().length).as("bytes of the subset").isLessThan(2_500_000);
        }
        assertThat(CjkSubsetFontTest.class.getResource("/org/topupkiosk/ui/fonts/OFL.txt")).as("its licence").isNotNull();
    }

    @Test
    void hasEveryCharacterOfEveryBundle() throws IOException {
        for (Lang lang : Lang.values()) {
            String path = "/i18n/messages_" + lang.code() + ".properties";
            Properties p = new Properties();
            try (InputStream in = CjkSubsetFontTest.class.getResourceAsStream(path)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            List<String> missing = new ArrayList<>();
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                String lacks = lacking(p.getProperty(key));
                if (!lacks.isEmpty()) {
                    missing.add(key + ": " + lacks);
                }
            }
            assertThat(missing).as("characters of messages_%s without a glyph (run packaging/fonts/make-cjk-subset)",
                    lang.code()).isEmpty();
        }
    }

    /** The catalog, the numbering plan's operators and every example configuration; the simulator's goods titles. */
    @Test
    void hasEveryCharacterOfTheCatalogsAndTheSimulatorsGoods() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> yaml = Files.walk(Path.of("kiosk-config"))) {
            yaml.filter(f -> f.toString().endsWith(".yaml")).forEach(files::add);
        }
        try (Stream<Path> sim = Files.list(Path.of("src/main/java/org/topupkiosk/carrier/simulator"))) {
            sim.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
        }
        assertThat(files).anyMatch(f -> f.endsWith(Path.of("catalog", "catalog.yaml")));
        List<String> missing = new ArrayList<>();
        for (Path f : files) {
            String lacks = lacking(Files.readString(f, StandardCharsets.UTF_8));
            if (!lacks.isEmpty()) {
                missing.add(f + ": " + lacks);
            }
        }
        assertThat(missing).as("characters without a glyph (run packaging/fonts/make-cjk-subset)").isEmpty();
    }

    /** Every amount on a Chinese screen ends with the rouble sign, which Noto Sans CJK lacks (borrowed from Noto Sans). */
    @Test
    void hasEveryCharacterOfAChineseAmount() {
        for (Money m : List.of(Money.rub(1_234_567), Money.rubMinor(-12_345), Money.rubMinor(5))) {
            assertThat(lacking(m.format(Lang.ZH.locale()))).as(m.plain()).isEmpty();
        }
    }

    /** Every hanzi and symbol of GB 2312, the character set simplified Chinese text is written in. */
    @Test
    void hasAllOfGb2312() throws CharacterCodingException {
        CharsetDecoder gb = Charset.forName("GB2312").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder all = new StringBuilder();
        int hanzi = 0;
        for (int lead = 0xA1; lead <= 0xF7; lead++) {
            for (int trail = 0xA1; trail <= 0xFE; trail++) {
                try {
                    CharBuffer c = gb.decode(ByteBuffer.wrap(new byte[] {(byte) lead, (byte) trail}));
                    all.append(c);
                    hanzi += lead >= 0xB0 ? 1 : 0;
                } catch (CharacterCodingException unassigned) {
                    // a hole in the table
                }
            }
        }
        assertThat(hanzi).isEqualTo(6763);
        assertThat(lacking(all.toString())).isEmpty();
    }

    @Test
    void stylesheetsNameOurFaceAndNeverTheSystemOne() throws IOException {
        List<Path> sheets;
        // The kiosk's JavaFX sheets; the fleet office's page is CSS for a browser on the office's machine, whose fonts
        // are its own.
        try (Stream<Path> walk = Files.walk(Path.of("src/main/resources"))) {
            sheets = walk.filter(f -> f.toString().endsWith(".css"))
                    .filter(f -> !f.toString().replace('\\', '/').contains("/fleet/office/web/")).toList();
        }
        assertThat(sheets).hasSizeGreaterThan(3);
        String base = Files.readString(Path.of("src/main/resources/org/topupkiosk/ui/kiosk.css"));
        assertThat(base).contains("@font-face").contains("font-family: \"" + FAMILY + "\"")
                .contains("src: url(\"fonts/TopUpKioskSansSC-Regular.otf\")");
        for (Path sheet : sheets) {
            assertThat(Files.readString(sheet)).as(sheet.toString()).doesNotContain("\"Noto Sans CJK");
        }
    }

    /** The characters of {@code text} (control characters aside) the face has no glyph for, each once. */
    private static String lacking(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(c -> c >= ' ' && !face.canDisplay(c)).distinct().forEach(out::appendCodePoint);
        return out.toString();
    }
}
