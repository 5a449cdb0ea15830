package org.topupkiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.topupkiosk.domain.Msisdn;

/** The pure SIM decoders on byte fixtures written by hand from the standards, not by our own encoder. */
class SimCodecTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void iccidIsSwappedBcdWithFPaddingAndALuhnDigit() throws Exception {
        // 8970101000000000012: 19 digits, the last nibble pair "2F" pads with F.
        assertThat(SimFiles.iccid(hex("98 07 01 01 00 00 00 00 10 F2"))).isEqualTo("8970101000000000012");
        // 20 digits, no padding.
        assertThat(SimFiles.iccid(hex("98 07 21 00 00 00 00 00 00 07"))).isEqualTo("89701200000000000070");
    }

    @Test
    void iccidWithAWrongCheckDigitIsRefused() {
        assertThatThrownBy(() -> SimFiles.iccid(hex("98 07 01 01 00 00 00 00 10 F3")))
                .isInstanceOf(SimException.class).hasMessageContaining("Luhn")
                .extracting(e -> ((SimException) e).code()).isEqualTo(SimException.Code.BAD_DATA);
    }

    @Test
    void iccidWithDigitsAfterThePaddingOrHexNibblesIsRefused() {
        assertThatThrownBy(() -> SimFiles.iccid(hex("98 07 01 01 00 00 F0 00 10 F2")))
                .hasMessageContaining("after the F padding");
        assertThatThrownBy(() -> SimFiles.iccid(hex("98 07 01 01 00 A0 00 00 10 F2")))
                .hasMessageContaining("not a decimal digit");
        assertThatThrownBy(() -> SimFiles.iccid(hex("98 07 01"))).hasMessageContaining("10 expected");
    }

    @Test
    void luhnMatchesKnownNumbers() {
        assertThat(Bcd.luhnValid("79927398713")).isTrue();   // the classic example of ISO/IEC 7812
        assertThat(Bcd.luhnValid("79927398710")).isFalse();
        assertThat(Bcd.luhnDigit("7992739871")).isEqualTo(3);
        assertThat(Bcd.luhnValid("")).isFalse();
    }

    @Test
    void imsiHasALengthByteAndAParityNibble() throws Exception {
        // 250011000000001 (15 digits, odd): 08, then 2 | 9 -> 29, then 05 10 01 00 00 00 10.
        assertThat(SimFiles.imsi(hex("08 29 05 10 01 00 00 00 10"))).isEqualTo("250011000000001");
        // 14 digits (even): parity nibble 1 and an F in the last byte.
        assertThat(SimFiles.imsi(hex("08 21 05 10 01 00 00 00 F0"))).isEqualTo("25001100000000");
    }

    @Test
    void imsiWithAWrongParityOrLengthIsRefused() {
        assertThatThrownBy(() -> SimFiles.imsi(hex("08 21 05 10 01 00 00 00 10"))).hasMessageContaining("parity");
        assertThatThrownBy(() -> SimFiles.imsi(hex("0A 29 05 10 01 00 00 00 10"))).hasMessageContaining("length byte");
        assertThatThrownBy(() -> SimFiles.imsi(hex("08 2A 05 10 01 00 00 00 10"))).hasMessageContaining("type");
    }

    @Test
    void msisdnRecordWithAlphaIdInternationalNumber() throws Exception {
        // "Me" + 2 FF alpha (X = 4), length 07, TON/NPI 91, +79161000001, CCP FF, EXT FF.
        byte[] r = hex("4D 65 FF FF 07 91 97 61 01 00 00 F1 FF FF FF FF FF FF");
        Optional<SimFiles.StoredNumber> n = SimFiles.msisdnRecord(r);
        assertThat(n).isPresent();
        assertThat(n.get().alphaId()).isEqualTo("Me");
        assertThat(n.get().international()).isTrue();
        assertThat(n.get().dialString()).isEqualTo("+79161000001");
        assertThat(n.get().msisdn()).contains(new Msisdn("+79161000001"));
    }

    @Test
    void msisdnRecordWithANationalNumberIsNormalizedByTheMsisdnParser() throws Exception {
        // No alpha id, TON/NPI 81 (unknown), 89161000001 dialled nationally.
        byte[] r = hex("07 81 98 61 01 00 00 F1 FF FF FF FF FF FF");
        SimFiles.StoredNumber n = SimFiles.msisdnRecord(r).orElseThrow();
        assertThat(n.dialString()).isEqualTo("89161000001");
        assertThat(n.msisdn()).contains(new Msisdn("+79161000001"));
    }

    @Test
    void blankMsisdnRecordMeansNotStored() throws Exception {
        assertThat(SimFiles.msisdnRecord(hex("FF".repeat(28)))).isEmpty();
    }

    @Test
    void foreignNumberIsKeptAsStoredButIsNoRussianMsisdn() throws Exception {
        SimFiles.StoredNumber n = SimFiles.msisdnRecord(hex("07 91 44 97 00 11 22 33 FF FF FF FF FF FF")).orElseThrow();
        assertThat(n.dialString()).isEqualTo("+447900112233");
        assertThat(n.msisdn()).isEmpty();
    }

    @Test
    void gsmSelectResponseGivesStructureAndRecordLength() throws Exception {
        FileInfo ef = FileInfo.fromGsm(hex("0000 0038 6F40 04 00 140044 01 02 01 1C"));
        assertThat(ef.structure()).isEqualTo(FileInfo.Structure.LINEAR_FIXED);
        assertThat(ef.recordLength()).isEqualTo(28);
        assertThat(ef.recordCount()).isEqualTo(2);
        assertThat(FileInfo.fromGsm(hex("0000 000A 2FE2 04 00 140044 01 02 00 00")).size()).isEqualTo(10);
        assertThat(FileInfo.fromGsm(hex("0000 1000 7F20 02 0000000000 09 13 00 01 00 00 00 00 00 00")).structure())
                .isEqualTo(FileInfo.Structure.DEDICATED);
    }

    @Test
    void uiccFcpGivesSizeOrRecords() throws Exception {
        FileInfo t = FileInfo.fromFcp(hex("62 0F 82 02 41 21 83 02 2F E2 8A 01 05 80 02 00 0A"));
        assertThat(t.structure()).isEqualTo(FileInfo.Structure.TRANSPARENT);
        assertThat(t.size()).isEqualTo(10);
        FileInfo rec = FileInfo.fromFcp(hex("62 12 82 05 42 21 00 1C 02 83 02 6F 40 8A 01 05 80 02 00 38"));
        assertThat(rec.structure()).isEqualTo(FileInfo.Structure.LINEAR_FIXED);
        assertThat(rec.recordLength()).isEqualTo(28);
        assertThat(rec.recordCount()).isEqualTo(2);
        assertThatThrownBy(() -> FileInfo.fromFcp(hex("6F 02 00 00"))).hasMessageContaining("tag 62");
    }

    @Test
    void efDirRecordsYieldTheUsimAidOnly() throws Exception {
        byte[] usim = hex("61 18 4F 10 A0000000871002FF49FF058900000100 50 04 55534D49 FFFFFFFF");
        byte[] isim = hex("61 0C 4F 07 A0000000871004 50 01 49 FF");
        List<byte[]> aids = SimFiles.usimAids(List.of(isim, usim));
        assertThat(aids).hasSize(1);
        assertThat(HexFormat.of().withUpperCase().formatHex(aids.get(0))).isEqualTo("A0000000871002FF49FF058900000100");
    }

    @Test
    void tlvRefusesLengthsPastTheEnd() {
        assertThatThrownBy(() -> Tlv.parseAll(hex("62 10 82 02"), 0, 4)).hasMessageContaining("only 2 left");
        assertThatThrownBy(() -> Tlv.parseAll(hex("9F"), 0, 1)).hasMessageContaining("cut off");
    }

    @Test
    void responseApduSplitsDataAndStatus() throws Exception {
        ResponseApdu r = ResponseApdu.parse(hex("01 02 61 1C"));
        assertThat(r.sw1()).isEqualTo(0x61);
        assertThat(r.sw2()).isEqualTo(0x1C);
        assertThat(r.data()).containsExactly(1, 2);
        assertThatThrownBy(() -> ResponseApdu.parse(hex("90"))).hasMessageContaining("no status word");
    }

    @Test
    void commandsAreTheStandardBytes() {
        assertThat(HexFormat.of().formatHex(Apdus.selectFile(0xA0, 0x3F00))).isEqualTo("a0a40000023f00");
        assertThat(HexFormat.of().formatHex(Apdus.selectFile(0x00, 0x2FE2))).isEqualTo("00a40004022fe200");
        assertThat(HexFormat.of().formatHex(Apdus.getResponse(0xA0, 0x16))).isEqualTo("a0c0000016");
        assertThat(HexFormat.of().formatHex(Apdus.readRecord(0x00, 1, 0x1C))).isEqualTo("00b201041c");
        assertThat(HexFormat.of().formatHex(Apdus.withLe(Apdus.readBinary(0x00, 0), 0x0A))).isEqualTo("00b000000a");
        assertThat(HexFormat.of().formatHex(Apdus.withLe(Apdus.selectFile(0x00, 0x2FE2), 0x19)))
                .isEqualTo("00a40004022fe219");
    }

    @Test
    void operatorHintFromMccMnc() {
        assertThat(OperatorHint.fromImsi("250011000000001")).contains("mts");
        assertThat(OperatorHint.fromImsi("250021000000001")).contains("megafon");
        assertThat(OperatorHint.fromImsi("250991000000001")).contains("beeline");
        assertThat(OperatorHint.fromImsi("250201000000001")).contains("t2");
        assertThat(OperatorHint.fromImsi("262011000000001")).isEmpty();
    }
}
