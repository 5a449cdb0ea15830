package org.topupkiosk.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.topupkiosk.device.cash.FrameDecoder;

/**
 * Generators for fuzzing parsers of outside bytes with jqwik: fully random bytes, mixed with structure-aware damage to
 * valid inputs (a flipped bit, a replaced, inserted or deleted byte, a cut, an extension, a duplicated slice, and a
 * length byte set to a wrong value). A parser property is then: whatever comes in, the parser returns a value or throws
 * its own typed exception, nothing else.
 */
public final class Fuzz {

    /**
     * Tries of a round-trip property (valid input encoded, decoded, compared), in the default suite and under -Pfuzz
     * alike: those inputs are not hostile, so the fuzz profile's 100,000 tries go to the any-input properties.
     */
    public static final int ROUND_TRIP_TRIES = 1000;

    private Fuzz() {}

    /** Any bytes, up to {@code maxSize} long, biased to short inputs and edge values by jqwik. */
    public static Arbitrary<byte[]> anyBytes(int maxSize) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
    }

    /**
     * One in five cases fully random bytes, one in five the valid input as it is, the rest the valid input damaged by 1
     * to 4 mutations.
     */
    public static Arbitrary<byte[]> around(Arbitrary<byte[]> valid, int maxRandomSize) {
        Arbitrary<byte[]> damaged = Combinators.combine(valid, Arbitraries.randoms()).as(Fuzz::damage);
        return Arbitraries.frequencyOf(
                Tuple.of(1, anyBytes(maxRandomSize)),
                Tuple.of(1, valid),
                Tuple.of(3, damaged));
    }

    /** As {@link #around} for text formats: the valid text's UTF-8 bytes damaged, decoded leniently back to text. */
    public static Arbitrary<String> textAround(Arbitrary<String> valid, String alphabet, int maxRandomLength) {
        Arbitrary<String> random = Arbitraries.strings().withChars(alphabet).ofMaxLength(maxRandomLength);
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(maxRandomLength);
        Arbitrary<String> damaged = Combinators.combine(valid, Arbitraries.randoms())
                .as((v, r) -> r.nextBoolean() ? damageText(v, alphabet, r)
                        : new String(damage(v.getBytes(StandardCharsets.UTF_8), r), StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                Tuple.of(1, random),
                Tuple.of(1, anyText),
                Tuple.of(1, valid),
                Tuple.of(4, damaged));
    }

    /** Up to {@code maxParts} of {@code part} back to back, as a line or a stream carries them. */
    public static Arbitrary<byte[]> backToBack(Arbitrary<byte[]> part, int maxParts) {
        return part.list().ofMaxSize(maxParts).map(parts -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    /** {@code line} fed to {@code decoder} in random cuts of 1 to 40 bytes, as reads from a serial port come. */
    public static List<FrameDecoder.Decoded> feedInCuts(FrameDecoder decoder, byte[] line, Random cuts) {
        List<FrameDecoder.Decoded> out = new ArrayList<>();
        for (int i = 0; i < line.length; ) {
            int n = Math.min(line.length - i, 1 + cuts.nextInt(40));
            out.addAll(decoder.feed(Arrays.copyOfRange(line, i, i + n), n));
            i += n;
        }
        return out;
    }

    /** 1 to 4 random byte-level mutations of {@code valid}. */
    public static byte[] damage(byte[] valid, Random r) {
        byte[] b = valid.clone();
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            b = mutateOnce(b, r);
        }
        return b;
    }

    private static byte[] mutateOnce(byte[] b, Random r) {
        if (b.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        int at = r.nextInt(b.length);
        switch (r.nextInt(9)) {
            case 0 -> b[at] ^= (byte) (1 << r.nextInt(8)); // a flipped bit (a wrong CRC, most often)
            case 1 -> b[at] = (byte) r.nextInt(256); // a replaced byte
            case 2 -> b[at] = (byte) (r.nextBoolean() ? 0x00 : 0xFF); // an edge value (length 0 or 255)
            case 3 -> b = Arrays.copyOf(b, at); // truncated
            case 4 -> { // extended by random bytes
                byte[] tail = new byte[1 + r.nextInt(16)];
                r.nextBytes(tail);
                byte[] out = Arrays.copyOf(b, b.length + tail.length);
                System.arraycopy(tail, 0, out, b.length, tail.length);
                b = out;
            }
            case 5 -> { // one byte inserted
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = (byte) r.nextInt(256);
                System.arraycopy(b, at, out, at + 1, b.length - at);
                b = out;
            }
            case 6 -> { // one byte deleted
                byte[] out = new byte[b.length - 1];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                b = out;
            }
            case 7 -> { // a slice repeated (a frame sent twice, a field duplicated)
                int len = 1 + r.nextInt(b.length - at);
                byte[] out = Arrays.copyOf(b, b.length + len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                b = out;
            }
            default -> { // a small length-like byte off by one either way
                b[at] = (byte) (b[at] + (r.nextBoolean() ? 1 : -1));
            }
        }
        return b;
    }

    /** Character-level damage that keeps to {@code alphabet} (the syntax characters of the format, mostly). */
    public static String damageText(String valid, String alphabet, Random r) {
        StringBuilder s = new StringBuilder(valid);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            if (s.length() == 0) {
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
                continue;
            }
            int at = r.nextInt(s.length());
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            switch (r.nextInt(5)) {
                case 0 -> s.setCharAt(at, c);
                case 1 -> s.insert(at, c);
                case 2 -> s.deleteCharAt(at);
                case 3 -> s.setLength(at);
                default -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(40));
                    s.insert(at, s.substring(at, end));
                }
            }
        }
        return s.toString();
    }
}
