package org.topupkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.scanner.LineAssembler.Line;
import org.topupkiosk.domain.Symbology;
import org.topupkiosk.testing.Property;

class LineAssemblerTest {

    private static final long MS = 1_000_000L;

    private static List<Line> feed(LineAssembler a, String s, long nanos) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return a.feed(b, b.length, nanos);
    }

    @Test
    void eachSuffixEndsACode() {
        for (ScanSuffix suffix : new ScanSuffix[] {ScanSuffix.CR, ScanSuffix.LF, ScanSuffix.CRLF, ScanSuffix.TAB}) {
            LineAssembler a = new LineAssembler(suffix, 50, 100, false);
            List<Line> got = feed(a, "123456789012" + suffix.text() + "LPA:1$a.b$C" + suffix.text(), 0);
            assertThat(got).as(suffix.name()).containsExactly(new Line("123456789012", Symbology.UNKNOWN),
                    new Line("LPA:1$a.b$C", Symbology.UNKNOWN));
        }
    }

    @Test
    void aCodeSplitAcrossReadsIsJoined() {
        LineAssembler a = new LineAssembler(ScanSuffix.CRLF, 50, 100, false);
        assertThat(feed(a, "1234", 0)).isEmpty();
        assertThat(feed(a, "5678\r", 10 * MS)).containsExactly(new Line("12345678", Symbology.UNKNOWN));
        assertThat(feed(a, "\n", 11 * MS)).isEmpty();
    }

    @Test
    void withoutSuffixTheIdleGapEndsTheCode() {
        LineAssembler a = new LineAssembler(ScanSuffix.NONE, 50, 100, true);
        assertThat(feed(a, "]C0123456789012", 0)).isEmpty();
        assertThat(a.idle(20 * MS)).isEmpty();
        assertThat(a.idle(60 * MS)).contains(new Line("123456789012", Symbology.CODE_128));
        assertThat(a.idle(200 * MS)).isEmpty();
        // two scans in a row, the second after a gap, in one read each
        feed(a, "]Q1tel:+79161234567", 300 * MS);
        assertThat(feed(a, "]E02912345678906", 400 * MS)).containsExactly(new Line("tel:+79161234567", Symbology.QR_CODE));
    }

    @Test
    void aFragmentWithoutItsSuffixIsDroppedNotGluedToTheNextCode() {
        LineAssembler a = new LineAssembler(ScanSuffix.CR, 50, 100, false);
        feed(a, "12345", 0);
        assertThat(a.idle(100 * MS)).isEmpty();
        assertThat(a.discarded()).isEqualTo(1);
        assertThat(feed(a, "987654321098\r", 200 * MS)).containsExactly(new Line("987654321098", Symbology.UNKNOWN));
        // a fragment still pending when the next code arrives after a gap is dropped too
        feed(a, "555", 300 * MS);
        assertThat(feed(a, "111\r", 400 * MS)).containsExactly(new Line("111", Symbology.UNKNOWN));
        assertThat(a.discarded()).isEqualTo(2);
    }

    @Test
    void noiseBytesAndOverlongCodesAreDropped() {
        LineAssembler a = new LineAssembler(ScanSuffix.CR, 50, 16, false);
        byte[] noisy = {0x11, '1', 0x00, '2', 0x13, '3', 0x7F, '\r'};
        assertThat(a.feed(noisy, noisy.length, 0)).containsExactly(new Line("123", Symbology.UNKNOWN));
        assertThat(feed(a, "x".repeat(40) + "\rOK\r", MS)).containsExactly(new Line("OK", Symbology.UNKNOWN));
        assertThat(a.discarded()).isEqualTo(1);
    }

    @Test
    void cyrillicArrivesAsUtf8() {
        LineAssembler a = new LineAssembler(ScanSuffix.LF, 50, 100, false);
        assertThat(feed(a, "Привет\n", 0)).containsExactly(new Line("Привет", Symbology.UNKNOWN));
    }

    @Test
    void randomBytesNeverThrowAndNeverYieldControlCharacters() {
        Property.forAll(500, r -> {
            ScanSuffix[] all = ScanSuffix.values();
            LineAssembler a = new LineAssembler(all[r.nextInt(all.length)], 1 + r.nextInt(100), 1 + r.nextInt(64),
                    r.nextBoolean());
            long t = 0;
            List<Line> out = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byte[] b = Property.randomBytes(r, 40);
                t += r.nextInt(80) * MS;
                out.addAll(a.feed(b, b.length, t));
                a.idle(t + r.nextInt(200) * MS).ifPresent(out::add);
            }
            for (Line l : out) {
                assertThat(l.text()).isNotEmpty().doesNotContain("\r", "\n", "\u0000");
                assertThat(l.symbology()).isNotNull();
            }
        });
    }
}
