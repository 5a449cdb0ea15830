package org.topupkiosk.device.cash.id003;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.domain.Money;
import org.topupkiosk.testing.Property;

/** The CURRENCY ASSIGN (0x8A) reply: fixtures, the round trip the emulator relies on, and junk in. */
class Id003DenominationsTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    @Test
    void readsEachEscrowCodeAsMantissaTimesTenToTheExponent() {
        // 0x61 = 10, 0x62 = 50, 0x63 = 100, 0x64 = 500, 0x65 unassigned, 0x66 = 5000, 0x67 a fraction (skipped)
        byte[] data = HEX.parseHex("61 00 01 01 62 00 05 01 63 00 01 02 64 00 05 02 65 00 00 00 66 00 05 03 67 00 05 81");
        Id003Denominations t = Id003Denominations.parse(data);
        assertThat(t.amount(0x61)).contains(Money.rub(10));
        assertThat(t.amount(0x62)).contains(Money.rub(50));
        assertThat(t.amount(0x64)).contains(Money.rub(500));
        assertThat(t.amount(0x65)).isEmpty();
        assertThat(t.amount(0x66)).contains(Money.rub(5000));
        assertThat(t.amount(0x67)).isEmpty();
        assertThat(t.known()).containsExactly(Money.rub(10), Money.rub(50), Money.rub(100), Money.rub(500),
                Money.rub(5000));
    }

    @Test
    void encodesTheCommonRubleOrderAsTheEmulatorSendsIt() {
        assertThat(HEX.formatHex(Id003Denominations.RUB_DEFAULT.encode(0x00))).isEqualTo(
                "61 00 01 01 62 00 05 01 63 00 01 02 64 00 05 02 65 00 01 03 66 00 05 03 67 00 02 02 68 00 02 03");
    }

    @Test
    void anyTableSurvivesTheRoundTrip() {
        List<Money> notes = List.of(Money.rub(10), Money.rub(50), Money.rub(100), Money.rub(200), Money.rub(500),
                Money.rub(1000), Money.rub(2000), Money.rub(5000), Money.rub(5), Money.rub(250));
        Property.forAll(300, r -> {
            List<Money> shuffled = new ArrayList<>(notes);
            Collections.shuffle(shuffled, r);
            Id003Denominations t = Id003Denominations.inCodeOrder(shuffled.subList(0, 1 + r.nextInt(shuffled.size())));
            Id003Denominations back = Id003Denominations.parse(t.encode(r.nextInt(256)));
            for (int code = Id003Denominations.FIRST_CODE; code < Id003Denominations.FIRST_CODE + 16; code++) {
                assertThat(back.amount(code)).isEqualTo(t.amount(code));
            }
        });
    }

    @Test
    void refusesDataThatIsNoTable() {
        assertThatThrownBy(() -> Id003Denominations.parse(new byte[0])).hasMessageContaining("0 bytes");
        assertThatThrownBy(() -> Id003Denominations.parse(HEX.parseHex("61 00 01")))
                .hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> Id003Denominations.parse(HEX.parseHex("60 00 01 01")))
                .hasMessageContaining("0x60 outside");
        assertThatThrownBy(() -> Id003Denominations.parse(HEX.parseHex("61 00 01 01 61 00 05 01")))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> Id003Denominations.parse(HEX.parseHex("61 00 01 0A")))
                .hasMessageContaining("exponent 10");
        assertThatThrownBy(() -> Id003Denominations.parse(HEX.parseHex("61 00 01 02 62 00 0A 01")))
                .hasMessageContaining("repeats the note 100");
        assertThatThrownBy(() -> Id003Denominations.parse(HEX.parseHex("61 00 00 00")))
                .hasMessageContaining("names no note");
    }

    /** Junk in: a table or an IllegalArgumentException with a message, never another exception. */
    @Test
    void anyBytesGiveATableOrAClearError() {
        Property.forAll(3000, r -> {
            byte[] data = Property.randomBytes(r, 70);
            for (int i = 0; i + 3 < data.length; i += 4) {
                if (r.nextBoolean()) {
                    data[i] = (byte) (0x61 + r.nextInt(16));
                    data[i + 3] = (byte) r.nextInt(12);
                }
            }
            try {
                Id003Denominations t = Id003Denominations.parse(data);
                assertThat(t.known()).isNotEmpty().allMatch(Money::isPositive);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }
}
