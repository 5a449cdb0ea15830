package org.topupkiosk.device.emulator.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.fiscal.shtrih.FfdTlv;
import org.topupkiosk.device.fiscal.shtrih.ShtrihAnswer;
import org.topupkiosk.device.fiscal.shtrih.ShtrihCommand;
import org.topupkiosk.device.fiscal.shtrih.ShtrihDecoder;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFnMessages;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFrame;
import org.topupkiosk.device.fiscal.shtrih.ShtrihReceiptMessages;
import org.topupkiosk.device.fiscal.shtrih.ShtrihRequest;
import org.topupkiosk.device.fiscal.shtrih.ShtrihStatusMessages;

class ShtrihEmulatorTest {

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2026-12-07T09:00:00Z"));
    ShtrihEmulator emulator;

    RawHost start() throws Exception {
        FiscalStorage fn = FiscalStorage.inMemory(FiscalStorageTest.SERIAL, LocalDate.of(2027, 12, 31),
                FiscalStorageTest.KEY, 1000);
        emulator = new ShtrihEmulator(new EmulatedRegister(fn, clock, new ReceiptPaper(null), 1, 30), 7);
        return new RawHost(emulator.serveInMemory());
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    static ShtrihDecoder.Event.Control control(int b) {
        return new ShtrihDecoder.Event.Control(b);
    }

    @Test
    void enqIsNakWhenIdleAndAckPlusTheAnswerAgainWhenTheHostNeverAckedIt() throws Exception {
        RawHost host = start();
        host.send((byte) ShtrihFrame.ENQ);
        assertThat(host.receive(150)).containsExactly(control(ShtrihFrame.NAK));

        host.send(ShtrihRequest.of(ShtrihCommand.OPEN_SHIFT, 1));
        List<ShtrihDecoder.Event> first = host.receive(800);
        assertThat(first).hasSize(2).first().isEqualTo(control(ShtrihFrame.ACK));
        // The host "lost" the answer: ENQ brings the same answer, and the shift was opened once.
        host.send((byte) ShtrihFrame.ENQ);
        List<ShtrihDecoder.Event> again = host.receive(150);
        assertThat(again).containsExactly(control(ShtrihFrame.ACK), first.get(1));
        // Its NAK (a damaged answer) gets nothing until the ENQ after it; its ACK releases it.
        host.send((byte) ShtrihFrame.NAK);
        assertThat(host.receive(150)).isEmpty();
        host.send((byte) ShtrihFrame.ENQ);
        assertThat(host.receive(150)).containsExactly(control(ShtrihFrame.ACK), first.get(1));
        host.send((byte) ShtrihFrame.ACK);
        host.send((byte) ShtrihFrame.ENQ);
        assertThat(host.receive(150)).containsExactly(control(ShtrihFrame.NAK));
        assertThat(emulator.register().storage().archive()).hasSize(1);
    }

    @Test
    void aBadLrcIsNakedAndAPartialFrameIsDroppedAfterSilence() throws Exception {
        RawHost host = start();
        byte[] frame = ShtrihRequest.of(ShtrihCommand.SHORT_STATUS, 1).frame().encode();
        byte[] bad = frame.clone();
        bad[bad.length - 1] ^= 0x01;
        host.send(bad);
        assertThat(host.receive(150)).containsExactly(control(ShtrihFrame.NAK));
        host.send(java.util.Arrays.copyOf(frame, 4));
        Thread.sleep(200);
        host.send(frame);
        List<ShtrihDecoder.Event> got = host.receive(150);
        assertThat(got).first().isEqualTo(control(ShtrihFrame.ACK));
        assertThat(got).hasSize(2);
    }

    @Test
    void aReceiptOverTheWireWithTlvsStatusAndFindDocument() throws Exception {
        RawHost host = start();
        assertThat(host.call(ShtrihCommand.OPEN_SHIFT, 2, new byte[0]).error())
                .isEqualTo(RegisterRefusal.WRONG_PASSWORD);
        assertThat(host.call(ShtrihCommand.OPEN_SHIFT, 1, new byte[0]).ok()).isTrue();
        ShtrihReceiptMessages.OperationV2 op = new ShtrihReceiptMessages.OperationV2(1, 1_000_000, 15000, 15000,
                ShtrihReceiptMessages.NOT_GIVEN, ShtrihReceiptMessages.TAX_NO_VAT, 1, 4, 10,
                "Оплата услуг связи, +7 916 ***-**-67");
        assertThat(host.call(ShtrihCommand.FN_OPERATION_V2, 1, op.encode()).ok()).isTrue();
        byte[] tlv = FfdTlv.encodeAll(List.of(FfdTlv.byteValue(FfdTlv.AGENT_SIGN, FfdTlv.AGENT_PAYMENT_AGENT),
                FfdTlv.structure(FfdTlv.SUPPLIER_DATA, List.of(FfdTlv.text(FfdTlv.SUPPLIER_NAME, "ПАО Оператор"))),
                FfdTlv.inn(FfdTlv.SUPPLIER_INN, "7740000076")));
        assertThat(host.call(ShtrihCommand.FN_WRITE_OPERATION_TLV, 30, tlv).ok()).isTrue();
        ShtrihStatusMessages.ShortStatus open = ShtrihStatusMessages.ShortStatus.decode(
                host.call(ShtrihCommand.SHORT_STATUS, 1, new byte[0]).data());
        assertThat(open.modeNumber()).isEqualTo(ShtrihStatusMessages.MODE_DOCUMENT_OPEN);
        ShtrihAnswer closed = host.call(ShtrihCommand.FN_CLOSE_RECEIPT_V2, 30,
                ShtrihReceiptMessages.CloseReceiptV2.cash(20000, 2, "").encode());
        ShtrihFnMessages.CloseResult result = ShtrihFnMessages.CloseResult.decode(closed.data());
        assertThat(result.change()).isEqualTo(5000);
        assertThat(result.documentNumber()).isEqualTo(2);
        FnDocument stored = emulator.register().storage().find(2).orElseThrow();
        assertThat(result.fiscalSign()).isEqualTo(stored.fiscalSign());
        assertThat(stored.receipt().orElseThrow().operations().get(0).linkedTlv()).isEqualTo(tlv);

        ShtrihFnMessages.FoundDocument found = ShtrihFnMessages.FoundDocument.decode(host.call(
                ShtrihCommand.FN_FIND_DOCUMENT, 30, new ShtrihFnMessages.FindDocument(2).encode()).data());
        assertThat(found.receipt()).isTrue();
        assertThat(found.amount()).isEqualTo(15000);
        assertThat(found.fiscalSign()).isEqualTo(stored.fiscalSign());
        assertThat(host.call(ShtrihCommand.FN_FIND_DOCUMENT, 30, new ShtrihFnMessages.FindDocument(9).encode())
                .error()).isEqualTo(RegisterRefusal.FN_NO_DATA);

        ShtrihFnMessages.FnStatus fn = ShtrihFnMessages.FnStatus.decode(host.call(ShtrihCommand.FN_STATUS, 30,
                new byte[0]).data());
        assertThat(fn.serial()).isEqualTo(FiscalStorageTest.SERIAL);
        assertThat(fn.lastDocumentNumber()).isEqualTo(2);
        assertThat(fn.shiftOpen()).isTrue();
        ShtrihFnMessages.ExchangeStatus ex = ShtrihFnMessages.ExchangeStatus.decode(host.call(
                ShtrihCommand.FN_EXCHANGE_STATUS, 30, new byte[0]).data());
        assertThat(ex.unsent()).isEqualTo(2);
        assertThat(ex.firstUnsentNumber()).isEqualTo(1);
        ShtrihFnMessages.ShiftParameters sp = ShtrihFnMessages.ShiftParameters.decode(host.call(
                ShtrihCommand.FN_SHIFT_PARAMETERS, 30, new byte[0]).data());
        assertThat(sp).isEqualTo(new ShtrihFnMessages.ShiftParameters(true, 1, 2));
        ShtrihStatusMessages.FullStatus full = ShtrihStatusMessages.FullStatus.decode(host.call(
                ShtrihCommand.FULL_STATUS, 30, new byte[0]).data());
        assertThat(full.shiftOpen()).isTrue();
        assertThat(full.paperOut()).isFalse();
        emulator.register().setPaper(EmulatedRegister.Paper.OUT);
        assertThat(ShtrihStatusMessages.FullStatus.decode(host.call(ShtrihCommand.FULL_STATUS, 30, new byte[0])
                .data()).paperOut()).isTrue();
        assertThat(host.call(ShtrihCommand.FN_OPERATION_V2, 1, op.encode()).error())
                .isEqualTo(RegisterRefusal.NO_PAPER);
    }

    @Test
    void aPowerCutSilencesTheLineUntilPowerOn() throws Exception {
        RawHost host = start();
        host.call(ShtrihCommand.OPEN_SHIFT, 1, new byte[0]);
        emulator.register().cutPower();
        host.send((byte) ShtrihFrame.ENQ);
        host.send(ShtrihRequest.of(ShtrihCommand.SHORT_STATUS, 1));
        assertThat(host.receive(200)).isEmpty();
        emulator.register().powerOn();
        host.send((byte) ShtrihFrame.ENQ);
        assertThat(host.receive(150)).containsExactly(control(ShtrihFrame.NAK));
    }

    @Test
    void inboundCorruptionIsNakedAndTheResentRequestRunsOnce() throws Exception {
        RawHost host = start();
        emulator.inboundCorruptRate(1.0);
        host.send(ShtrihRequest.of(ShtrihCommand.OPEN_SHIFT, 1));
        assertThat(host.receive(150)).containsExactly(control(ShtrihFrame.NAK));
        emulator.inboundCorruptRate(0);
        emulator.noise(new LineNoise(1.0, 0, 0, 0));
        host.send(ShtrihRequest.of(ShtrihCommand.OPEN_SHIFT, 1));
        List<ShtrihDecoder.Event> got = host.receive(150);
        assertThat(got).first().isEqualTo(control(ShtrihFrame.ACK));
        assertThat(got.get(1)).isInstanceOf(ShtrihDecoder.Event.BadLrc.class);
        emulator.noise(LineNoise.NONE);
        host.send((byte) ShtrihFrame.NAK, (byte) ShtrihFrame.ENQ);
        List<ShtrihDecoder.Event> again = host.receive(150);
        assertThat(again).first().isEqualTo(control(ShtrihFrame.ACK));
        assertThat(again).last().isInstanceOf(ShtrihDecoder.Event.Frame.class);
        assertThat(emulator.register().storage().archive()).hasSize(1);
    }

    @Test
    void unknownCommandsAndUnreadableParametersAreRefusedNotFatal() throws Exception {
        RawHost host = start();
        host.send(new ShtrihFrame(new byte[] {(byte) 0xFF, 0x7E, 1, 0, 0, 0}).encode());
        List<ShtrihDecoder.Event> got = host.receive(150);
        ShtrihAnswer a = ShtrihAnswer.decode(((ShtrihDecoder.Event.Frame) got.get(1)).frame());
        assertThat(a.command()).isEqualTo(0xFF7E);
        assertThat(a.error()).isEqualTo(RegisterRefusal.UNSUPPORTED);
        host.send((byte) ShtrihFrame.ACK);
        assertThat(host.call(ShtrihCommand.FN_OPERATION_V2, 1, new byte[] {1, 2}).error())
                .isEqualTo(RegisterRefusal.BAD_PARAMETERS);
    }
}
