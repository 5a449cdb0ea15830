package org.topupkiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.topupkiosk.testing.Fuzz;

/**
 * What a SIM card answers, fuzzed: response APDUs, BER-TLV (FCP templates, EF_DIR records), GSM SELECT responses,
 * EF_ICCID, EF_IMSI and EF_MSISDN records, each generated valid and then damaged. Every decoder returns a value or a
 * {@link SimException} of code BAD_DATA; valid files read back as what was written.
 */
class SimFuzzProperties {

    interface Decoder {
        Object decode(byte[] b) throws SimException;
    }

    private static Arbitrary<String> digits(int min, int max) {
        return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
    }

    @Provide
    Arbitrary<String> iccids() {
        return digits(17, 19).map(d -> d + Bcd.luhnDigit(d));
    }

    @Provide
    Arbitrary<String> imsis() {
        return digits(6, 15);
    }

    static byte[] imsiFile(String imsi) {
        int used = imsi.length() / 2;
        byte[] out = new byte[9];
        Arrays.fill(out, (byte) 0xFF);
        out[0] = (byte) (1 + used);
        out[1] = (byte) (((imsi.charAt(0) - '0') << 4) | (imsi.length() % 2 == 1 ? 0x09 : 0x01));
        System.arraycopy(Bcd.encodeSwapped(imsi.substring(1), 8), 0, out, 2, used);
        return out;
    }

    static byte[] msisdnRecord(String alpha, boolean international, String digits) {
        byte[] a = alpha.getBytes(StandardCharsets.US_ASCII);
        byte[] r = new byte[a.length + 14];
        Arrays.fill(r, (byte) 0xFF);
        System.arraycopy(a, 0, r, 0, a.length);
        r[a.length] = (byte) (1 + (digits.length() + 1) / 2);
        r[a.length + 1] = (byte) (international ? 0x91 : 0x81);
        System.arraycopy(Bcd.encodeSwapped(digits, 10), 0, r, a.length + 2, 10);
        return r;
    }

    @Provide
    Arbitrary<byte[]> msisdnRecords() {
        Arbitrary<String> alpha = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20);
        return Combinators.combine(alpha, Arbitraries.of(true, false), digits(1, 20)).as(SimFuzzProperties::msisdnRecord);
    }

    @Provide
    Arbitrary<byte[]> fcps() {
        Arbitrary<byte[]> transparent = Arbitraries.integers().between(0, 0xFFFF).map(size -> Tlv.encode(0x62,
                Tlv.encode(0x82, new byte[] {0x41, 0x21}), Tlv.encode(0x83, new byte[] {0x6F, 0x07}),
                Tlv.encode(0x80, new byte[] {(byte) (size >>> 8), (byte) (int) size})));
        Arbitrary<byte[]> records = Combinators.combine(Arbitraries.integers().between(1, 255),
                Arbitraries.integers().between(0, 255), Arbitraries.of(0x42, 0x46)).as((len, count, fdb) ->
                Tlv.encode(0x62, Tlv.encode(0x82, new byte[] {(byte) (int) fdb, 0x21, 0x00, (byte) (int) len,
                        (byte) (int) count}), Tlv.encode(0x83, new byte[] {0x6F, 0x40})));
        Arbitrary<byte[]> dedicated = Arbitraries.just(Tlv.encode(0x62, Tlv.encode(0x82, new byte[] {0x78, 0x21}),
                Tlv.encode(0x83, new byte[] {0x3F, 0x00})));
        return Arbitraries.oneOf(transparent, records, dedicated);
    }

    @Provide
    Arbitrary<byte[]> gsmResponses() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.of(0x01, 0x02, 0x04),
                Arbitraries.of(0x00, 0x01, 0x03), Arbitraries.integers().between(1, 255)).as((size, type, st, rec) -> {
                    byte[] r = new byte[type == 0x04 ? 15 : 22];
                    r[2] = (byte) (size >>> 8);
                    r[3] = (byte) (int) size;
                    r[6] = (byte) (int) type;
                    if (type == 0x04) {
                        r[13] = (byte) (int) st;
                        r[14] = (byte) (int) rec;
                    }
                    return r;
                });
    }

    @Provide
    Arbitrary<byte[]> dirRecords() {
        Arbitrary<byte[]> aid = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(9).map(tail -> {
            byte[] id = Arrays.copyOf(SimFiles.USIM_AID_PREFIX, SimFiles.USIM_AID_PREFIX.length + tail.length);
            System.arraycopy(tail, 0, id, SimFiles.USIM_AID_PREFIX.length, tail.length);
            return id;
        });
        return aid.map(id -> {
            byte[] app = Tlv.encode(0x61, Tlv.encode(0x4F, id), Tlv.encode(0x50, "USIM".getBytes(StandardCharsets.US_ASCII)));
            byte[] r = Arrays.copyOf(app, app.length + 6);
            Arrays.fill(r, app.length, r.length, (byte) 0xFF);
            return r;
        });
    }

    /** Every SIM decoder with a generator of its valid input; the decoder fuzzed is chosen per try. */
    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.oneOf(
                around("iccid", SimFiles::iccid, iccids().map(d -> Bcd.encodeSwapped(d, 10))),
                around("imsi", SimFiles::imsi, imsis().map(SimFuzzProperties::imsiFile)),
                around("msisdn", SimFiles::msisdnRecord, msisdnRecords()),
                around("fcp", FileInfo::fromFcp, fcps()),
                around("gsm", FileInfo::fromGsm, gsmResponses()),
                around("tlv", b -> Tlv.parseAll(b, 0, b.length), fcps()),
                around("dir", b -> SimFiles.usimAids(List.of(b)), dirRecords()),
                around("apdu", ResponseApdu::parse, Fuzz.anyBytes(40)),
                around("bcd", b -> Bcd.decodeSwapped(b, 0, b.length), iccids().map(d -> Bcd.encodeSwapped(d, 10))));
    }

    record Case(String decoder, Decoder d, byte[] input) {
        @Override
        public String toString() {
            return decoder + " " + HexFormat.of().formatHex(input);
        }
    }

    private static Arbitrary<Case> around(String name, Decoder d, Arbitrary<byte[]> valid) {
        return Fuzz.around(valid, 48).map(b -> new Case(name, d, b));
    }

    @Property
    void everyDecoderReturnsAValueOrBadData(@ForAll("cases") Case c) {
        try {
            assertThat(c.d().decode(c.input())).isNotNull();
        } catch (SimException e) {
            assertThat(e.code()).isEqualTo(SimException.Code.BAD_DATA);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void filesReadBackAsWritten(@ForAll("iccids") String iccid, @ForAll("imsis") String imsi,
                                @ForAll("msisdnRecords") byte[] record) throws SimException {
        assertThat(SimFiles.iccid(Bcd.encodeSwapped(iccid, 10))).isEqualTo(iccid);
        assertThat(SimFiles.imsi(imsiFile(imsi))).isEqualTo(imsi);
        Optional<SimFiles.StoredNumber> n = SimFiles.msisdnRecord(record);
        int x = record.length - 14;
        assertThat(n).isPresent();
        assertThat(Bcd.encodeSwapped(n.get().digits(), 10)).isEqualTo(Arrays.copyOfRange(record, x + 2, x + 12));
        assertThat(n.get().international()).isEqualTo((record[x + 1] & 0xFF) == 0x91);
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void tlvsAndApdusReadBackAsWritten(@ForAll @IntRange(min = 1, max = 0x1E) int tag,
                                       @ForAll("values") byte[] value, @ForAll @IntRange(max = 0xFFFF) int sw)
            throws SimException {
        assertThat(Tlv.parseAll(Tlv.encode(tag, value), 0, value.length + (value.length > 0x7F ? 3 : 2)))
                .containsExactly(new Tlv(tag, value));
        ResponseApdu r = new ResponseApdu(value, sw);
        assertThat(ResponseApdu.parse(r.toBytes())).isEqualTo(r);
    }

    @Provide
    Arbitrary<byte[]> values() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(255);
    }
}
