package org.topupkiosk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.topupkiosk.device.scanner.LineAssembler;
import org.topupkiosk.device.scanner.ScanSuffix;
import org.topupkiosk.testing.Fuzz;

/**
 * Scanned codes, fuzzed: the serial scanner's byte stream cut into lines, and every line classified. Valid codes of
 * every kind the kiosk takes (credit vouchers, claim codes, scratch PINs and EANs, eSIM activation codes, phone
 * numbers) are damaged and mixed with random text. The classifier declares no exception: it always returns a meaning,
 * an {@link CodeMeaning.Unknown} with a reason for anything it does not take; the line assembler never throws.
 */
class ScannedCodeFuzzProperties {

    private static String digits(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<String> validCodes() {
        return Arbitraries.randoms().map(r -> switch (r.nextInt(7)) {
            case 0 -> {
                String b = digits(r, 11);
                yield b + CheckDigits.luhnDigit(b);
            }
            case 1 -> {
                String b = digits(r, 13);
                yield b + CheckDigits.luhnDigit(b);
            }
            case 2 -> digits(r, 16);
            case 3 -> ScannedCode.SCRATCH_EAN_PREFIX + digits(r, 11);
            case 4 -> "LPA:1$rsp" + r.nextInt(99) + ".example.ru$" + digits(r, 1 + r.nextInt(30))
                    + (r.nextBoolean() ? "$1.2.3$1" : "");
            case 5 -> "tel:+79" + digits(r, 9);
            default -> digits(r, 4) + "-" + digits(r, 4) + " " + digits(r, 4);
        });
    }

    @Provide
    Arbitrary<String> texts() {
        return Fuzz.textAround(validCodes(), "0123456789 -$:.LPAtel+\t\r\n\u0000\u200B٠", 1100);
    }

    @Property
    void anyTextHasAMeaning(@ForAll("texts") String text, @ForAll Symbology symbology) {
        CodeMeaning m = ScannedCode.classify(text, symbology);
        assertThat(m).isNotNull();
        if (m instanceof CodeMeaning.Unknown u) {
            assertThat(u.reason()).isNotNull();
            assertThat(u.detail()).isNotNull();
        }
    }

    @Provide
    Arbitrary<byte[]> scannerLines() {
        Arbitrary<byte[]> line = Combinators.combine(validCodes(), Arbitraries.of(ScanSuffix.values()))
                .as((c, s) -> (c + s.text()).getBytes(StandardCharsets.UTF_8));
        return Fuzz.backToBack(Fuzz.around(line, 200), 6);
    }

    @Property
    void anySerialStreamGivesLinesThatClassify(@ForAll("scannerLines") byte[] stream, @ForAll ScanSuffix suffix,
                                               @ForAll boolean aimIds, @ForAll Random cuts) {
        LineAssembler a = new LineAssembler(suffix, 50, 512, aimIds);
        long now = 0;
        for (int i = 0; i < stream.length; ) {
            int n = Math.min(stream.length - i, 1 + cuts.nextInt(32));
            byte[] chunk = Arrays.copyOfRange(stream, i, i + n);
            now += cuts.nextInt(3) == 0 ? 100_000_000L : 1_000_000L;
            for (LineAssembler.Line l : a.feed(chunk, n, now)) {
                assertThat(l.text().length()).isLessThanOrEqualTo(512);
                assertThat(ScannedCode.classify(l.text(), l.symbology())).isNotNull();
            }
            i += n;
        }
        a.idle(now + 1_000_000_000L).ifPresent(l -> assertThat(ScannedCode.classify(l.text(), l.symbology()))
                .isNotNull());
    }
}
