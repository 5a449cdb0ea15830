package org.topupkiosk.device.cash.ccnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.cash.AcceptorIdentity;
import org.topupkiosk.device.cash.Crc16;
import org.topupkiosk.device.cash.FrameDecoder;
import org.topupkiosk.domain.Money;

/** CCNET frames against the byte fixtures in DESIGN.md ("Reference facts"). */
class CcnetCodecTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    @Test
    void encodesTheReferenceCommands() {
        int bv = CcnetFrame.BILL_VALIDATOR;
        assertThat(hex(CcnetFrame.of(bv, CcnetCommand.POLL).encode())).isEqualTo("02 03 06 33 DA 81");
        assertThat(hex(CcnetFrame.of(bv, CcnetCommand.ACK).encode())).isEqualTo("02 03 06 00 C2 82");
        assertThat(hex(CcnetFrame.of(bv, CcnetCommand.RESET).encode())).isEqualTo("02 03 06 30 41 B3");
        assertThat(hex(CcnetFrame.of(bv, CcnetCommand.STACK).encode())).isEqualTo("02 03 06 35 EC E4");
        assertThat(hex(CcnetFrame.of(bv, CcnetCommand.RETURN).encode())).isEqualTo("02 03 06 36 77 D6");
        byte ff = (byte) 0xFF;
        assertThat(hex(CcnetFrame.of(bv, CcnetCommand.ENABLE_BILL_TYPES, ff, ff, ff, (byte) 0, (byte) 0, (byte) 0)
                .encode())).isEqualTo("02 03 0C 34 FF FF FF 00 00 00 B5 C1");
    }

    @Test
    void crcIsReflectedCcittFromZeroLowByteFirst() {
        byte[] poll = HEX.parseHex("02 03 06 33 DA 81");
        assertThat(Crc16.of(poll, 0, 4)).isEqualTo(0x81DA);
        assertThat(Crc16.matches(poll, 6)).isTrue();
        poll[5] ^= 1;
        assertThat(Crc16.matches(poll, 6)).isFalse();
    }

    @Test
    void decodesFramesSplitAcrossReadsAndSkipsNoise() {
        FrameDecoder d = CcnetFrame.decoder();
        byte[] stream = HEX.parseHex("FF 00 02 03 06 33 DA 81 02 03 07 81 02");
        List<FrameDecoder.Decoded> first = d.feed(stream, stream.length);
        assertThat(first).hasSize(2);
        assertThat(first.get(0)).isEqualTo(new FrameDecoder.Decoded.Error(FrameDecoder.Kind.NOISE, 2));
        assertThat(CcnetFrame.parse(((FrameDecoder.Decoded.Frame) first.get(1)).bytes()))
                .isEqualTo(CcnetFrame.of(3, CcnetCommand.POLL));
        byte[] stacked = CcnetFrame.of(3, 0x81, (byte) 2).encode();
        byte[] rest = {stacked[5], stacked[6]};
        List<FrameDecoder.Decoded> second = d.feed(rest, 2);
        assertThat(second).hasSize(1);
        assertThat(CcnetStatus.parse(CcnetFrame.parse(((FrameDecoder.Decoded.Frame) second.get(0)).bytes()).payload()))
                .isEqualTo(new CcnetStatus(CcnetState.STACKED, 2));
    }

    @Test
    void aBadCrcIsAnErrorNeverAFrame() {
        FrameDecoder d = CcnetFrame.decoder();
        byte[] bad = HEX.parseHex("02 03 06 33 DA 80");
        assertThat(d.feed(bad, bad.length)).containsExactly(new FrameDecoder.Decoded.Error(FrameDecoder.Kind.BAD_CRC, 6));
    }

    @Test
    void lengthsOutsideTheProtocolAreRefused() {
        FrameDecoder d = CcnetFrame.decoder();
        byte[] extended = HEX.parseHex("02 03 00 33");
        assertThat(d.feed(extended, extended.length).get(0))
                .isEqualTo(new FrameDecoder.Decoded.Error(FrameDecoder.Kind.BAD_LENGTH, 1));
        assertThatThrownBy(() -> new CcnetFrame(3, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void billTableIsReadNotAssumed() {
        List<Money> slots = Arrays.asList(Money.rub(10), Money.rub(50), null, Money.rub(5000),
                Money.rub(200));
        BillTable t = BillTable.parse(BillTable.encode(slots));
        assertThat(t.amount(3)).contains(Money.rub(5000));
        assertThat(t.amount(2)).isEmpty();
        assertThat(t.amount(4)).contains(Money.rub(200));
        byte[] table = BillTable.encode(slots);
        assertThat(hex(Arrays.copyOfRange(table, 15, 20))).isEqualTo("05 52 55 53 03"); // 5 "RUS" 10^3
        byte[] mask = t.mask(Set.of(Money.rub(50), Money.rub(200)));
        assertThat(hex(mask)).isEqualTo("00 00 12");
        assertThat(BillTable.bit(mask, 0, 4)).isTrue();
        assertThat(BillTable.bit(mask, 0, 3)).isFalse();
    }

    @Test
    void foreignNotesHaveNoRoubleAmount() {
        byte[] table = new byte[120];
        byte[] usd = {1, 'U', 'S', 'A', 2};
        System.arraycopy(usd, 0, table, 0, 5);
        assertThat(BillTable.parse(table).amount(0)).isEmpty();
    }

    @Test
    void identificationCarriesPartAndSerial() {
        byte[] id = new byte[34];
        Arrays.fill(id, (byte) ' ');
        System.arraycopy("SM-RU1353".getBytes(), 0, id, 0, 9);
        System.arraycopy("410012345678".getBytes(), 0, id, 15, 12);
        assertThat(CcnetBillAcceptor.parseIdentity(id))
                .isEqualTo(new AcceptorIdentity.Identity("SM-RU1353", "410012345678"));
    }
}
