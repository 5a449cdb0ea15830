package org.topupkiosk.device.fiscal.shtrih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.i18n.Messages;

/** Byte fixtures of the Shtrih-M frame, envelopes and message layouts, worked out by hand from the protocol text. */
class ShtrihCodecTest {

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }

    @Test
    void shortStatusRequestWithPassword30() {
        // LEN 05, LRC = 05 ^ 10 ^ 1E = 0B: the protocol description's own example.
        byte[] wire = ShtrihRequest.of(ShtrihCommand.SHORT_STATUS, 30).frame().encode();
        assertThat(hex(wire)).isEqualTo("02 05 10 1E 00 00 00 0B");
        ShtrihRequest back = ShtrihRequest.decode(ShtrihFrame.decode(wire));
        assertThat(back.command()).isEqualTo(ShtrihCommand.SHORT_STATUS);
        assertThat(back.password()).isEqualTo(30);
    }

    @Test
    void extendedCommandsGoAsTwoBytes() {
        // FF 01 1E 00 00 00: LEN 06, LRC = 06 ^ FF ^ 01 ^ 1E = E6.
        byte[] wire = ShtrihRequest.of(ShtrihCommand.FN_STATUS, 30).frame().encode();
        assertThat(hex(wire)).isEqualTo("02 06 FF 01 1E 00 00 00 E6");
        assertThat(ShtrihFrame.decode(wire).command()).isEqualTo(0xFF01);
    }

    @Test
    void answerCarriesCommandErrorAndData() {
        // The register refuses 8Dh (open receipt) with 4E, shift over 24 hours: LEN 02, LRC = 02 ^ 8D ^ 4E = C1.
        byte[] wire = ShtrihAnswer.refused(ShtrihCommand.OPEN_RECEIPT, 0x4E).frame().encode();
        assertThat(hex(wire)).isEqualTo("02 02 8D 4E C1");
        ShtrihAnswer a = ShtrihAnswer.decode(ShtrihFrame.decode(wire));
        assertThat(a.ok()).isFalse();
        assertThatThrownBy(() -> a.dataOrThrow(ShtrihCommand.OPEN_RECEIPT)).isInstanceOf(DeviceException.class)
                .hasMessageContaining("4E").hasMessageContaining("24 hours");
        ShtrihAnswer fn = ShtrihAnswer.decode(ShtrihFrame.decode(hex("02 04 FF 02 00 41 B8")));
        assertThat(fn.command()).isEqualTo(0xFF02);
        assertThat(fn.data()).containsExactly(0x41);
    }

    @Test
    void badFramesAreNamed() {
        assertThatThrownBy(() -> ShtrihFrame.decode(hex("02 05 10 1E 00 00 00 0C"))).isInstanceOf(
                ShtrihFormatException.class).hasMessageStartingWith("frame.lrc");
        assertThatThrownBy(() -> ShtrihFrame.decode(hex("02 06 10 1E 00 00 00 0B"))).hasMessageStartingWith(
                "frame.len");
        assertThatThrownBy(() -> ShtrihFrame.decode(hex("03 05 10 1E 00 00 00 0B"))).hasMessageStartingWith(
                "frame.stx");
        assertThatThrownBy(() -> ShtrihRequest.decode(new ShtrihFrame(hex("10 1E 00")))).hasMessageStartingWith(
                "request.password");
        assertThatThrownBy(() -> ShtrihRequest.decode(new ShtrihFrame(hex("FF")))).hasMessageStartingWith(
                "request.command");
        assertThatThrownBy(() -> ShtrihRequest.decode(new ShtrihFrame(hex("99 1E 00 00 00")))).hasMessageContaining(
                "unknown command 99");
    }

    @Test
    void decoderSeparatesControlBytesFramesAndNoise() {
        ShtrihDecoder d = new ShtrihDecoder();
        byte[] stream = hex("FF 05 06 02 02 8D 4E C1 15 AA BB 02 05 10 1E 00 00 00 0C 06");
        List<ShtrihDecoder.Event> events = d.feed(stream, stream.length);
        assertThat(events).containsExactly(new ShtrihDecoder.Event.Noise(1), new ShtrihDecoder.Event.Control(5),
                new ShtrihDecoder.Event.Control(6),
                new ShtrihDecoder.Event.Frame(ShtrihAnswer.refused(ShtrihCommand.OPEN_RECEIPT, 0x4E).frame()),
                new ShtrihDecoder.Event.Control(0x15), new ShtrihDecoder.Event.Noise(2),
                new ShtrihDecoder.Event.BadLrc(8), new ShtrihDecoder.Event.Control(6));
        // An ACK byte inside a frame is data, not a control byte; a half frame waits for the rest.
        byte[] part = hex("02 03 FF 46 06");
        assertThat(d.feed(part, part.length)).isEmpty();
        assertThat(d.hasPartial()).isTrue();
        byte[] rest = hex("BC");
        assertThat(d.feed(rest, 1)).containsExactly(new ShtrihDecoder.Event.Frame(new ShtrihFrame(hex("FF 46 06")))
                );
    }

    @Test
    void operationV2Layout() {
        ShtrihReceiptMessages.OperationV2 op = new ShtrihReceiptMessages.OperationV2(1, 1_000_000, 50_000, 50_000,
                ShtrihReceiptMessages.NOT_GIVEN, ShtrihReceiptMessages.TAX_NO_VAT, 0,
                ShtrihReceiptMessages.METHOD_FULL_PAYMENT, ShtrihReceiptMessages.SUBJECT_PAYMENT, "Оплата");
        byte[] b = op.encode();
        assertThat(hex(b)).isEqualTo("01 40 42 0F 00 00 00 50 C3 00 00 00 50 C3 00 00 00 FF FF FF FF FF 08 00 04 0A"
                + " CE EF EB E0 F2 E0");
        assertThat(ShtrihReceiptMessages.OperationV2.decode(b)).isEqualTo(op);
    }

    @Test
    void closeReceiptLayoutAndAnswer() {
        ShtrihReceiptMessages.CloseReceiptV2 close = ShtrihReceiptMessages.CloseReceiptV2.cash(100_000, 4, "");
        byte[] b = close.encode();
        assertThat(b).hasSize(16 * 5 + 1 + 6 * 5 + 1);
        assertThat(hex(b).substring(0, 14)).isEqualTo("A0 86 01 00 00");
        assertThat(b[b.length - 1]).isEqualTo((byte) 4);
        assertThat(ShtrihReceiptMessages.CloseReceiptV2.decode(b)).isEqualTo(close);
        byte[] answer = hex("00 00 00 00 00 2A 00 00 00 78 56 34 12 1A 0C 07 09 05");
        ShtrihFnMessages.CloseResult r = ShtrihFnMessages.CloseResult.decode(answer);
        assertThat(r.documentNumber()).isEqualTo(42);
        assertThat(r.fiscalSign()).isEqualTo(0x12345678L);
        assertThat(r.at()).contains(LocalDateTime.of(2026, 12, 7, 9, 5));
        assertThat(r.encode()).isEqualTo(answer);
    }

    @Test
    void fnAnswers() {
        ShtrihFnMessages.FnStatus s = new ShtrihFnMessages.FnStatus(3, 0, false, true, 0,
                LocalDateTime.of(2026, 12, 7, 9, 5), "9999078900001234", 42);
        byte[] b = s.encode();
        assertThat(hex(b)).isEqualTo("03 00 00 01 00 1A 0C 07 09 05 39 39 39 39 30 37 38 39 30 30 30 30 31 32 33 34"
                + " 2A 00 00 00");
        assertThat(ShtrihFnMessages.FnStatus.decode(b)).isEqualTo(s);
        ShtrihFnMessages.ExchangeStatus none = new ShtrihFnMessages.ExchangeStatus(0, false, 0, 0, Optional.empty());
        assertThat(hex(none.encode())).isEqualTo("00 00 00 00 00 00 00 00 00 00 00 00 00");
        assertThat(ShtrihFnMessages.ExchangeStatus.decode(none.encode())).isEqualTo(none);
        ShtrihFnMessages.FoundDocument receipt = new ShtrihFnMessages.FoundDocument(3, false,
                LocalDateTime.of(2026, 12, 7, 9, 5), 42, 0x12345678L, 1, 50_000, 0);
        assertThat(hex(receipt.encode())).isEqualTo("03 00 1A 0C 07 09 05 2A 00 00 00 78 56 34 12 01 50 C3 00 00 00");
        assertThat(ShtrihFnMessages.FoundDocument.decode(receipt.encode())).isEqualTo(receipt);
        assertThat(ShtrihFnMessages.FnExpiry.decode(hex("1C 03 1F 0B 01")).validUntil())
                .isEqualTo(LocalDate.of(2028, 3, 31));
        assertThatThrownBy(() -> ShtrihFnMessages.FnExpiry.decode(hex("1C 02 1F 0B 01"))).hasMessageStartingWith(
                "fn.validUntil");
        assertThatThrownBy(() -> ShtrihFnMessages.ShiftParameters.decode(hex("01 05"))).hasMessageStartingWith(
                "shift.number");
    }

    @Test
    void fullStatusRoundTrip() {
        ShtrihStatusMessages.FullStatus s = new ShtrihStatusMessages.FullStatus(30, "A4", 1234,
                LocalDate.of(2025, 1, 15), 1, 77, 0x0082, 2, 0, 0, "A4", 1234, LocalDate.of(2025, 1, 15),
                LocalDate.of(2026, 12, 7), LocalTime.of(9, 5, 30), 0, 12345678, 41, 0, 1, 11, 7712345678L);
        byte[] b = s.encode();
        assertThat(b).hasSize(46); // the answer is 48 bytes with its command and error bytes
        assertThat(ShtrihStatusMessages.FullStatus.decode(b)).isEqualTo(s);
        assertThat(s.shiftOpen()).isTrue();
        assertThat(s.paperOut()).isFalse();
    }

    @Test
    void printStringPadsToForty() {
        byte[] b = new ShtrihReceiptMessages.PrintString(ShtrihReceiptMessages.PRINT_ON_RECEIPT, "Копия").encode();
        assertThat(b).hasSize(41);
        assertThat(ShtrihReceiptMessages.PrintString.decode(b).text()).isEqualTo("Копия");
        assertThatThrownBy(() -> new ShtrihReceiptMessages.PrintString(2, "x".repeat(41)).encode())
                .hasMessageStartingWith("print.text");
    }

    @Test
    void agentTagsOfAnItem() {
        List<FfdTlv> tags = FfdTlv.agentItemTags(new FiscalItem.Agent("Приём платежа", List.of("+79160000001"),
                List.of()), new FiscalItem.Supplier("ПАО МТС", "7740000076", List.of("+78002500890")));
        assertThat(tags).extracting(FfdTlv::tag).containsExactly(1222, 1223, 1224, 1226);
        assertThat(hex(tags.get(0).encode())).isEqualTo("C6 04 01 00 04");
        assertThat(tags.get(3).asText()).isEqualTo("7740000076  ");
        List<FfdTlv> agent = tags.get(1).children();
        assertThat(agent.get(0).tag()).isEqualTo(1044);
        // CP866: "П" is 8F, "р" is E0.
        assertThat(hex(agent.get(0).value()).substring(0, 5)).isEqualTo("8F E0");
        assertThat(agent.get(0).asText()).isEqualTo("Приём платежа");
        assertThat(tags.get(2).children()).extracting(FfdTlv::tag).containsExactly(1171, 1225);
        byte[] all = FfdTlv.encodeAll(tags);
        assertThat(FfdTlv.decodeAll(all)).isEqualTo(tags);
        assertThatThrownBy(() -> FfdTlv.decodeAll(hex("C6 04 02 00 04"))).hasMessageStartingWith("tlv.1222");
        assertThatThrownBy(() -> FfdTlv.inn(1226, "12345")).hasMessageContaining("10 or 12 digits");
    }

    @Test
    void everyErrorCodeHasAMessage() {
        for (int c = 0; c < 256; c++) {
            assertThat(ShtrihErrors.message(c)).isNotBlank();
        }
        assertThat(ShtrihErrors.deviceCode(0x6B)).isEqualTo(DeviceException.Code.PAPER_OUT);
        assertThat(ShtrihErrors.deviceCode(0x50)).isEqualTo(DeviceException.Code.BUSY);
        assertThat(ShtrihErrors.deviceCode(0x4E)).isEqualTo(DeviceException.Code.FAILURE);
        assertThat(ShtrihErrors.describe(0x4E)).startsWith("4E ").contains("24 hours");
    }

    @Test
    void serviceMenuErrorsHaveTextsInEveryLanguage() {
        Messages messages = new Messages();
        int bundled = 0;
        for (int c = 0; c < 256; c++) {
            var key = ShtrihErrors.bundleKey(c);
            if (key.isPresent()) {
                bundled++;
                for (Lang lang : Lang.values()) {
                    assertThat(messages.has(lang, key.get())).as(key.get() + " in " + lang).isTrue();
                }
            }
        }
        assertThat(bundled).isGreaterThanOrEqualTo(20);
    }

    @Test
    void commandsKnowTheirTimeouts() {
        assertThat(ShtrihCommand.Z_REPORT.timeoutMs).isGreaterThanOrEqualTo(30_000);
        assertThat(ShtrihCommand.SHORT_STATUS.timeoutMs).isLessThanOrEqualTo(3_000);
        assertThat(ShtrihCommand.of(0xFF46)).contains(ShtrihCommand.FN_OPERATION_V2);
        assertThat(ShtrihCommand.FN_OPERATION_V2.codeBytes()).containsExactly(0xFF, 0x46);
    }
}
