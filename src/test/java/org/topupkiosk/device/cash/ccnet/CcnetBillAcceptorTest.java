package org.topupkiosk.device.cash.ccnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.cash.BillAcceptorContractTest;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.cash.FrameDecoder;
import org.topupkiosk.device.cash.PendingNotes;
import org.topupkiosk.device.cash.PollSettings;
import org.topupkiosk.device.emulator.CcnetEmulator;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.serial.MemoryLink;
import org.topupkiosk.device.serial.SerialLink;
import org.topupkiosk.domain.Money;

/** The real driver against the wire-level emulator over the in-memory link, as in simulation mode. */
class CcnetBillAcceptorTest extends BillAcceptorContractTest<CcnetBillAcceptor, CcnetEmulator, CcnetState> {

    static final PollSettings FAST = new PollSettings(Duration.ofMillis(20), Duration.ofMillis(50),
            Duration.ofMillis(100), 3);

    @Override
    protected String protocol() {
        return "ccnet";
    }

    @Override
    protected CcnetEmulator newEmulator(LineNoise noise, long seed) {
        return new CcnetEmulator(CcnetEmulator.RUB_TABLE, noise, seed);
    }

    @Override
    protected CcnetBillAcceptor newAcceptor(SerialLink port) {
        return new CcnetBillAcceptor(port, pending(), FAST);
    }

    @Override
    protected List<Money> notes() {
        return CcnetEmulator.RUB_TABLE;
    }

    @Override
    protected byte[] resetFrame() {
        return CcnetFrame.of(CcnetFrame.BILL_VALIDATOR, CcnetCommand.RESET).encode();
    }

    @Override
    protected CcnetState state() {
        return emulator.state();
    }

    @Override
    protected CcnetState idling() {
        return CcnetState.IDLING;
    }

    @Override
    protected CcnetState powerUpBillInStacker() {
        return CcnetState.POWER_UP_BILL_IN_STACKER;
    }

    @Override
    protected CcnetState plainPowerUp() {
        return CcnetState.POWER_UP;
    }

    @Override
    protected CcnetState powerUpBillInValidator() {
        return CcnetState.POWER_UP_BILL_IN_VALIDATOR;
    }

    @Override
    protected void malformedNoteTable(boolean on) {
        emulator.malformedBillTable(on);
    }

    @Override
    protected int resets() {
        return emulator.resets();
    }

    @Override
    protected void powerCycle(CcnetState powerUpState) {
        emulator.powerCycle(powerUpState);
    }

    @Override
    protected void afterTheNoteRaisedAgainIsAcknowledged(CcnetBillAcceptor again) throws Exception {
        Thread.sleep(200);
        assertThat(events).noneMatch(e -> e instanceof BillEvent.Stacked);
    }

    @Test
    void identifiesReadsTheTableAndStacksOnTheFlowsWord() throws Exception {
        start();
        acceptor.enable(Set.of(Money.rub(100), Money.rub(200)));
        awaitTrue(() -> acceptor.identity().isPresent());
        assertThat(acceptor.identity().get().part()).isEqualTo("SM-RU1353 EMU");
        assertThat(acceptor.denominations()).contains(Money.rub(10), Money.rub(200), Money.rub(5000));

        emulator.insert(Money.rub(200));
        assertThat(next(BillEvent.Escrowed.class).amount()).isEqualTo(Money.rub(200));
        acceptor.stack();
        BillEvent.Stacked s = next(BillEvent.Stacked.class);
        assertThat(s.amount()).isEqualTo(Money.rub(200));
        assertThat(new PendingNotes(dir.resolve("pending"), "x").all()).extracting(PendingNotes.Note::noteId)
                .containsExactly(s.noteId());
        acceptor.acknowledge(s.noteId());
        awaitTrue(() -> new PendingNotes(dir.resolve("pending"), "x").all().isEmpty());
        assertThat(emulator.cashBox()).containsExactly(Money.rub(200));

        emulator.insert(Money.rub(100));
        next(BillEvent.Escrowed.class);
        acceptor.returnBill();
        assertThat(next(BillEvent.Returned.class).amount()).isEqualTo(Money.rub(100));

        emulator.insert(Money.rub(500));
        assertThat(next(BillEvent.Rejected.class).reason()).isEqualTo("inhibit");
        emulator.insertRejected(0x61);
        assertThat(next(BillEvent.Rejected.class).reason()).isEqualTo("magnetic");
        assertThat(emulator.cashBox()).containsExactly(Money.rub(200));
    }

    @Test
    void powerLostWhileStackingIsReportedAsABillInTheStacker() throws Exception {
        start();
        acceptor.enable(Set.of(Money.rub(1000)));
        emulator.cutPowerOnNextStack(() -> { });
        emulator.insert(Money.rub(1000));
        next(BillEvent.Escrowed.class);
        acceptor.stack();
        BillEvent.PowerUpWithBill p = next(BillEvent.PowerUpWithBill.class);
        assertThat(p.where()).isEqualTo(BillEvent.PowerUpWithBill.Location.STACKER);
        assertThat(p.amount()).as("CCNET 0x12 does not say which note, but the driver remembered it at STACK")
                .isEqualTo(Money.rub(1000));
        assertThat(new PendingNotes(dir.resolve("pending"), "x").all()).containsExactly(
                new PendingNotes.Note(p.noteId(), Money.rub(1000)));
        assertThat(emulator.cashBox()).containsExactly(Money.rub(1000));
        // and the validator works again after the driver's reset
        acceptor.enable(Set.of(Money.rub(1000)));
        emulator.insert(Money.rub(1000));
        next(BillEvent.Escrowed.class);
    }

    @Test
    void aNoteStackedDuringAPowerCutKeepsItsIdAcrossAKioskRestart() throws Exception {
        start();
        acceptor.enable(Set.of(Money.rub(500)));
        emulator.cutPowerOnNextStack(() -> { });
        emulator.insert(Money.rub(500));
        next(BillEvent.Escrowed.class);
        acceptor.stack();
        BillEvent.PowerUpWithBill first = next(BillEvent.PowerUpWithBill.class);
        acceptor.close(); // the kiosk dies before the journal took the note

        events.clear();
        MemoryLink[] line = MemoryLink.pair("bv2");
        emulator.serve(line[1]);
        CcnetBillAcceptor again = new CcnetBillAcceptor(line[0], new PendingNotes(dir.resolve("pending"), "ccnet"), FAST);
        open.add(again);
        again.start(events::add);
        assertThat(next(BillEvent.PowerUpWithBill.class)).isEqualTo(new BillEvent.PowerUpWithBill(
                BillEvent.PowerUpWithBill.Location.STACKER, Money.rub(500), first.noteId()));
        again.acknowledge(first.noteId());
        awaitTrue(() -> new PendingNotes(dir.resolve("pending"), "x").all().isEmpty());
        assertThat(new PendingNotes(dir.resolve("pending"), "x").stacking()).isEmpty();
    }

    @Test
    void aNoteThatWasNotStackedLeavesNoStackingRecord() throws Exception {
        start();
        acceptor.enable(Set.of(Money.rub(100)));
        emulator.insert(Money.rub(100));
        next(BillEvent.Escrowed.class);
        acceptor.stack();
        BillEvent.Stacked s = next(BillEvent.Stacked.class);
        assertThat(new PendingNotes(dir.resolve("pending"), "x").stacking()).isEmpty();
        acceptor.acknowledge(s.noteId());
        emulator.powerCycle(CcnetState.POWER_UP_BILL_IN_STACKER);
        assertThat(next(BillEvent.PowerUpWithBill.class).amount()).as("no STACK was sent for it: unknown").isNull();
    }

    /**
     * The kiosk died just after STACK: the validator is still stacking when the next life starts. The driver must let
     * it finish and hear "stacked" before its RESET, or the note is in the cash box and nowhere else.
     */
    @Test
    void aNoteStillStackingAtStartIsHeardBeforeTheReset() throws Exception {
        leaveANoteStacking(Money.rub(500));
        new PendingNotes(dir.resolve("pending"), "ccnet").recordStacking(
                new PendingNotes.Note("ccnet-before-1", Money.rub(500)));
        start();
        assertThat(next(BillEvent.Stacked.class)).isEqualTo(new BillEvent.Stacked(Money.rub(500), "ccnet-before-1"));
        assertThat(emulator.cashBox()).containsExactly(Money.rub(500));
    }

    @Test
    void withoutTheStackRecordSuchANoteIsRaisedAsUnknownInTheStacker() throws Exception {
        leaveANoteStacking(Money.rub(100));
        start();
        BillEvent.PowerUpWithBill p = next(BillEvent.PowerUpWithBill.class);
        assertThat(p.where()).isEqualTo(BillEvent.PowerUpWithBill.Location.STACKER);
        assertThat(p.amount()).isNull();
        assertThat(emulator.cashBox()).containsExactly(Money.rub(100));
    }

    private void leaveANoteStacking(Money note) throws Exception {
        MemoryLink[] byHand = MemoryLink.pair("by-hand");
        emulator.serve(byHand[1]);
        MemoryLink host = byHand[0];
        host.open();
        exchange(host, CcnetCommand.POLL);
        exchange(host, CcnetCommand.RESET);
        exchange(host, CcnetCommand.POLL);
        byte[] all = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        exchange(host, CcnetCommand.ENABLE_BILL_TYPES, all);
        emulator.insert(note);
        for (int i = 0; i < 20 && exchange(host, CcnetCommand.POLL)[0] != (byte) CcnetState.ESCROW.code; i++) {
            Thread.sleep(10);
        }
        exchange(host, CcnetCommand.STACK);
        assertThat(emulator.state()).isEqualTo(CcnetState.STACKING);
        emulator.stop();
    }

    /** One request by hand; a data reply is ACKed as a controller would. */
    private static byte[] exchange(MemoryLink host, int command, byte... data) throws Exception {
        host.write(CcnetFrame.of(CcnetFrame.BILL_VALIDATOR, command, data).encode());
        FrameDecoder decoder = CcnetFrame.decoder();
        byte[] buf = new byte[256];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            int n = host.read(buf, 100);
            for (FrameDecoder.Decoded d : decoder.feed(buf, n)) {
                if (d instanceof FrameDecoder.Decoded.Frame f) {
                    CcnetFrame reply = CcnetFrame.parse(f.bytes());
                    if (!reply.isAck()) {
                        host.write(CcnetFrame.of(CcnetFrame.BILL_VALIDATOR, CcnetCommand.ACK).encode());
                    }
                    return reply.payload();
                }
            }
        }
        throw new AssertionError("no answer to command " + command);
    }
}
