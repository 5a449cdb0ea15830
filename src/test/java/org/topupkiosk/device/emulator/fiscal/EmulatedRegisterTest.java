package org.topupkiosk.device.emulator.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.fiscal.FiscalDocument.Kind;
import org.topupkiosk.device.fiscal.shtrih.FfdTlv;
import org.topupkiosk.testing.Zbarimg;

class EmulatedRegisterTest {

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2026-12-07T09:00:00Z"));

    final List<ReceiptPaper> papers = new ArrayList<>();

    EmulatedRegister register(FiscalStorage fn) {
        ReceiptPaper paper = new ReceiptPaper(dir.resolve("png"));
        papers.add(paper);
        return new EmulatedRegister(fn, clock, paper, 1, 30);
    }

    /** The PNGs are drawn before the test's folder goes. */
    @AfterEach
    void drawn() {
        papers.forEach(ReceiptPaper::flush);
    }

    FiscalStorage storage() {
        return FiscalStorage.inMemory(FiscalStorageTest.SERIAL, LocalDate.of(2027, 12, 31), FiscalStorageTest.KEY,
                1000);
    }

    static FnOperation payment(long sum) {
        return new FnOperation(1, 1_000_000, sum, sum, 8, 4, 10, "Оплата услуг связи, +7 916 ***-**-67", null);
    }

    static void refused(int code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RegisterRefusal.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    /** An agent's TLVs as a driver sends them: agent sign 1222 "платёжный агент", supplier 1225 in 1224, INN. */
    static byte[] agentTlv() {
        return FfdTlv.encodeAll(List.of(FfdTlv.byteValue(FfdTlv.AGENT_SIGN, FfdTlv.AGENT_PAYMENT_AGENT),
                FfdTlv.structure(FfdTlv.SUPPLIER_DATA, List.of(FfdTlv.text(FfdTlv.SUPPLIER_NAME, "ПАО Оператор"))),
                FfdTlv.inn(FfdTlv.SUPPLIER_INN, "7740000076")));
    }

    @Test
    void aReceiptIsSignedPrintedWithItsQrAndItsTlvsKept() throws Exception {
        EmulatedRegister r = register(storage());
        r.openShift();
        r.addOperation(payment(15000));
        r.addTlv(agentTlv(), true);
        EmulatedRegister.Closed c = r.closeReceipt(20000, 0, 2);
        assertThat(c.changeMinor()).isEqualTo(5000);
        FnDocument d = c.document();
        assertThat(d.number()).isEqualTo(2);
        assertThat(d.kind()).isEqualTo(Kind.RECEIPT_INCOME);
        assertThat(r.findDocument(2).receipt().orElseThrow().operations().get(0).linkedTlv()).isEqualTo(agentTlv());
        ReceiptPaper.Printed p = r.paper().receiptFor(2).orElseThrow();
        assertThat(p.qr()).contains("t=20261207T0900&s=150.00&fn=" + FiscalStorageTest.SERIAL + "&i=2&fp="
                + d.fiscalSign() + "&n=1");
        assertThat(p.lines()).contains("  ПЛАТЕЖНЫЙ АГЕНТ", "  ПОСТАВЩИК: ПАО Оператор",
                "  ИНН ПОСТАВЩИКА: 7740000076");
        r.paper().flush();
        assertThat(Files.size(p.png().orElseThrow())).isGreaterThan(1000);
        if (Zbarimg.available()) { // an independent decoder reads the fiscal QR off the drawn receipt
            assertThat(Zbarimg.read(p.png().orElseThrow())).isEqualTo(p.qr().orElseThrow());
        }
        assertThat(r.status().mode()).isEqualTo(RegisterStatus.MODE_SHIFT_OPEN);
    }

    @Test
    void receiptStateMachineRefusesOutOfOrder() throws Exception {
        EmulatedRegister r = register(storage());
        refused(RegisterRefusal.SHIFT_NOT_OPEN, () -> r.addOperation(payment(100)));
        r.openShift();
        refused(RegisterRefusal.SHIFT_OPEN, r::openShift);
        refused(RegisterRefusal.RECEIPT_CLOSED, () -> r.closeReceipt(100, 0, 2));
        refused(RegisterRefusal.RECEIPT_CLOSED, r::cancelReceipt);
        refused(RegisterRefusal.RECEIPT_CLOSED, () -> r.addTlv(agentTlv(), true));
        refused(RegisterRefusal.FN_BAD_PARAMETERS, () -> r.addTlv(new byte[] {1, 2, 3}, false));
        byte[] cashier = FfdTlv.text(FfdTlv.CASHIER, "Киоск 7").encode();
        r.addTlv(cashier, false);
        r.openReceipt(1);
        assertThat(r.status().mode()).isEqualTo(RegisterStatus.MODE_RECEIPT_OPEN);
        r.addOperation(payment(15000));
        r.closeReceipt(15000, 0, 2);
        // The cashier sent before the receipt opened is the receipt's own.
        assertThat(r.storage().last().orElseThrow().receipt().orElseThrow().receiptTlv()).isEqualTo(cashier);
        assertThat(r.paper().receiptFor(2).orElseThrow().lines()).contains("КАССИР: Киоск 7");
        r.openReceipt(1);
        refused(RegisterRefusal.RECEIPT_OPEN, () -> r.openReceipt(1));
        refused(RegisterRefusal.ZERO_TOTAL, () -> r.closeReceipt(100, 0, 2));
        r.addOperation(payment(15000));
        refused(RegisterRefusal.WRONG_RECEIPT_TYPE, () -> r.addOperation(new FnOperation(2, 1_000_000, 1, 1, 6, 4,
                10, "x", null)));
        refused(RegisterRefusal.PAID_LESS_THAN_TOTAL, () -> r.closeReceipt(14999, 0, 2));
        refused(RegisterRefusal.BAD_PARAMETERS, () -> r.closeReceipt(15000, 0, 3));
        refused(RegisterRefusal.RECEIPT_OPEN, r::closeShift);
        r.cancelReceipt();
        assertThat(r.storage().last().orElseThrow().number()).isEqualTo(2);
        r.addOperation(payment(100));
        r.closeReceipt(100, 0, 2);
        assertThat(r.storage().last().orElseThrow().receipt().orElseThrow().receiptTlv()).isEmpty();
        assertThat(r.status().receiptOpen()).isFalse();
    }

    @Test
    void aShiftOver24HoursRefusesReceiptsUntilAZReportClosesIt() throws Exception {
        EmulatedRegister r = register(storage());
        r.openShift();
        r.addOperation(payment(100));
        r.closeReceipt(100, 0, 2);
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        assertThat(r.status().mode()).isEqualTo(RegisterStatus.MODE_SHIFT_OVER_24H);
        refused(RegisterRefusal.SHIFT_OVER_24H, () -> r.addOperation(payment(100)));
        refused(RegisterRefusal.SHIFT_OVER_24H, () -> r.openReceipt(1));
        FnDocument z = r.closeShift();
        assertThat(z.kind()).isEqualTo(Kind.SHIFT_CLOSE);
        assertThat(z.shift()).isEqualTo(1);
        assertThat(r.status().mode()).isEqualTo(RegisterStatus.MODE_SHIFT_CLOSED);
        assertThat(r.paper().printed()).anyMatch(p -> p.name().startsWith("z-1-")
                && p.lines().contains("ПРИХОД" + " ".repeat(42 - 6 - 5) + "=1.00"));
        refused(RegisterRefusal.SHIFT_NOT_OPEN, r::closeShift);
        FnDocument open = r.openShift();
        assertThat(open.shift()).isEqualTo(2);
        r.addOperation(payment(100));
        assertThat(r.closeReceipt(100, 0, 2).document().shift()).isEqualTo(2);
    }

    @Test
    void theForcedOver24HoursFaultHoldsUntilTheZReport() throws Exception {
        EmulatedRegister r = register(storage());
        r.openShift();
        r.forceShiftOver24h(true);
        refused(RegisterRefusal.SHIFT_OVER_24H, () -> r.addOperation(payment(100)));
        r.closeShift();
        r.openShift();
        r.addOperation(payment(100));
    }

    @Test
    void paperOutRefusesAndNearEndStillPrints() throws Exception {
        EmulatedRegister r = register(storage());
        r.openShift();
        r.setPaper(EmulatedRegister.Paper.OUT);
        assertThat(r.status().submode()).isEqualTo(1);
        refused(RegisterRefusal.NO_PAPER, () -> r.addOperation(payment(100)));
        refused(RegisterRefusal.NO_PAPER, () -> r.printLine("x"));
        refused(RegisterRefusal.NO_PAPER, r::xReport);
        r.setPaper(EmulatedRegister.Paper.NEAR_END);
        r.addOperation(payment(100));
        r.closeReceipt(100, 0, 2);
        assertThat(r.status().paper()).isEqualTo(EmulatedRegister.Paper.NEAR_END);
    }

    @Test
    void fnFullAndExpiredFaultsRefuseReceipts() throws Exception {
        EmulatedRegister r = register(storage());
        r.openShift();
        r.storage().forceFull(true);
        refused(RegisterRefusal.FN_ARCHIVE_FULL, () -> r.addOperation(payment(100)));
        r.storage().forceFull(false);
        r.storage().forceExpired(true);
        refused(RegisterRefusal.FN_EXPIRED, () -> r.addOperation(payment(100)));
        assertThat(r.status().fnExpired()).isTrue();
        r.closeShift();
    }

    @Test
    void aPowerCutBeforeTheCloseLeavesNoDocumentAndAfterItLeavesOne() throws Exception {
        EmulatedRegister r = register(storage());
        r.openShift();
        r.addOperation(payment(100));
        r.armPowerCut(EmulatedRegister.CutPoint.BEFORE_CLOSE);
        assertThatThrownBy(() -> r.closeReceipt(100, 0, 2)).isInstanceOf(EmulatedRegister.PowerCut.class);
        assertThatThrownBy(r::status).isInstanceOf(EmulatedRegister.PowerCut.class);
        r.powerOn();
        assertThat(r.status().receiptOpen()).isFalse();
        assertThat(r.storage().last().orElseThrow().number()).isEqualTo(1);

        r.addOperation(payment(200));
        r.armPowerCut(EmulatedRegister.CutPoint.AFTER_CLOSE);
        assertThatThrownBy(() -> r.closeReceipt(200, 0, 2)).isInstanceOf(EmulatedRegister.PowerCut.class);
        r.powerOn();
        FnDocument last = r.storage().last().orElseThrow();
        assertThat(last.number()).isEqualTo(2);
        assertThat(last.sumMinor()).isEqualTo(200);
        assertThat(r.status().receiptOpen()).isFalse();
    }

    @Test
    void aRestartedRegisterKeepsNumberingFromItsStateFile() throws Exception {
        Path state = dir.resolve("fn.jsonl");
        EmulatedRegister r = register(FiscalStorage.inFile(state, FiscalStorageTest.SERIAL, LocalDate.of(2027, 12,
                31), FiscalStorageTest.KEY, 1000));
        r.openShift();
        r.addOperation(payment(100));
        r.closeReceipt(100, 0, 2);
        EmulatedRegister again = register(FiscalStorage.inFile(state, "0000000000000000", LocalDate.of(2027, 1, 1),
                new byte[32], 10));
        assertThat(again.status().shiftOpen()).isTrue();
        assertThat(again.status().receiptNumber()).isEqualTo(2);
        again.addOperation(payment(300));
        assertThat(again.closeReceipt(300, 0, 2).document().number()).isEqualTo(3);
    }

    @Test
    void xReportReprintAndSlips() throws Exception {
        EmulatedRegister r = register(storage());
        refused(RegisterRefusal.NO_DOCUMENT_TO_REPEAT, r::reprintLast);
        r.openShift();
        r.addOperation(payment(100));
        r.closeReceipt(100, 0, 2);
        r.xReport();
        r.reprintLast();
        r.printLine("Спасибо");
        r.cutPaper();
        assertThat(r.paper().printed()).extracting(ReceiptPaper.Printed::name)
                .contains("x-1-1", "copy-2-1", "slip-1");
        assertThat(r.storage().archive()).hasSize(2);
        assertThat(r.findDocument(2).receipt()).isNotEqualTo(Optional.empty());
        refused(RegisterRefusal.FN_NO_DATA, () -> r.findDocument(3));
    }
}
