package org.topupkiosk.device.cash.ccnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.cash.DroppingLink;
import org.topupkiosk.device.cash.PendingNotes;
import org.topupkiosk.device.emulator.CcnetEmulator;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.serial.MemoryLink;
import org.topupkiosk.domain.Money;

/** The real driver against the wire-level emulator over the in-memory link, as in simulation mode. */
class CcnetBillAcceptorTest {

    static final CcnetSettings FAST = new CcnetSettings(Duration.ofMillis(20), Duration.ofMillis(50),
            Duration.ofMillis(100), 3);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final LinkedBlockingQueue<BillEvent> events = new LinkedBlockingQueue<>();
    private CcnetEmulator emulator = new CcnetEmulator(CcnetEmulator.RUB_TABLE, LineNoise.NONE, 7);
    private CcnetBillAcceptor acceptor;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private CcnetBillAcceptor start() {
        MemoryLink[] line = MemoryLink.pair("bv");
        emulator.serve(line[1]);
        acceptor = new CcnetBillAcceptor(line[0], new PendingNotes(dir.resolve("pending"), "ccnet"), FAST);
        open.add(acceptor);
        open.add(emulator);
        acceptor.start(events::add);
        return acceptor;
    }

    @SuppressWarnings("unchecked")
    private <T extends BillEvent> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            BillEvent e = events.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return (T) e;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 5 s");
    }

    /** Stacks every escrowed note and acknowledges every stacked one, as the flow does. */
    private BillAcceptor.Listener flowLike(List<BillEvent> seen, boolean acknowledge) {
        return e -> {
            seen.add(e);
            if (e instanceof BillEvent.Escrowed) {
                acceptor.stack();
            } else if (e instanceof BillEvent.Stacked s && acknowledge) {
                acceptor.acknowledge(s.noteId());
            }
        };
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
    void anUnacknowledgedNoteComesBackWithItsIdAfterARestart() throws Exception {
        start();
        acceptor.enable(Set.of(Money.rub(500)));
        emulator.insert(Money.rub(500));
        next(BillEvent.Escrowed.class);
        acceptor.stack();
        BillEvent.Stacked s = next(BillEvent.Stacked.class);
        acceptor.close(); // the kiosk dies before the journal commit: no acknowledge

        events.clear();
        MemoryLink[] line = MemoryLink.pair("bv2");
        emulator.serve(line[1]);
        CcnetBillAcceptor again = new CcnetBillAcceptor(line[0], new PendingNotes(dir.resolve("pending"), "ccnet"), FAST);
        open.add(again);
        again.start(events::add);
        BillEvent.PowerUpWithBill p = next(BillEvent.PowerUpWithBill.class);
        assertThat(p).isEqualTo(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER,
                Money.rub(500), s.noteId()));
        again.acknowledge(s.noteId());
        awaitTrue(() -> new PendingNotes(dir.resolve("pending"), "x").all().isEmpty());
        Thread.sleep(200);
        assertThat(events).noneMatch(e -> e instanceof BillEvent.Stacked);
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

    /**
     * Chaos run (powerup-in-stacker, seed 77) that gave lost=1 doubled=1: the first life heard 0x12 and named the note
     * from its STACK record, the flow credited and acknowledged it, and the kiosk died before its RESET reached the
     * validator. The validator still says 0x12 to the next life, which must name the same note under the same id (the
     * journal takes a repeated id once), not raise a second, unknown note in the stacker.
     */
    @Test
    void aBillInStackerReportHeardAgainAfterARestartIsTheSameNote() throws Exception {
        MemoryLink[] line = MemoryLink.pair("bv");
        emulator.serve(line[1]);
        open.add(emulator);
        DroppingLink dying = new DroppingLink(line[0], CcnetFrame.of(CcnetFrame.BILL_VALIDATOR, CcnetCommand.RESET)
                .encode());
        acceptor = new CcnetBillAcceptor(dying, new PendingNotes(dir.resolve("pending"), "ccnet"), FAST);
        open.add(acceptor);
        acceptor.start(e -> {
            events.add(e);
            if (e instanceof BillEvent.PowerUpWithBill p && p.amount() != null) {
                acceptor.acknowledge(p.noteId()); // the journal took it
            }
        });
        // The first RESET of this life must reach the device; later ones are lost with the dying kiosk.
        awaitTrue(() -> acceptor.identity().isPresent());
        acceptor.enable(Set.of(Money.rub(200)));
        awaitTrue(() -> emulator.state() == CcnetState.IDLING);
        dying.dropFromNowOn();
        emulator.cutPowerOnNextStack(() -> { });
        emulator.insert(Money.rub(200));
        next(BillEvent.Escrowed.class);
        acceptor.stack();
        BillEvent.PowerUpWithBill first = next(BillEvent.PowerUpWithBill.class);
        assertThat(first.amount()).isEqualTo(Money.rub(200));
        awaitTrue(() -> dying.drops() > 0 && new PendingNotes(dir.resolve("pending"), "x").all().isEmpty());
        acceptor.close();
        assertThat(emulator.state()).as("the RESET never arrived").isEqualTo(CcnetState.POWER_UP_BILL_IN_STACKER);

        events.clear();
        MemoryLink[] line2 = MemoryLink.pair("bv2");
        emulator.serve(line2[1]);
        CcnetBillAcceptor again = new CcnetBillAcceptor(line2[0], new PendingNotes(dir.resolve("pending"), "ccnet"),
                FAST);
        open.add(again);
        again.start(events::add);
        assertThat(next(BillEvent.PowerUpWithBill.class)).isEqualTo(first);
        awaitTrue(() -> again.identity().isPresent());
        Thread.sleep(200);
        assertThat(events).noneMatch(e -> e instanceof BillEvent.PowerUpWithBill || e instanceof BillEvent.Stacked);
        assertThat(emulator.cashBox()).containsExactly(Money.rub(200));
        // The report is over once the device took the RESET: a later 0x12 with no STACK behind it is unknown.
        again.acknowledge(first.noteId());
        emulator.powerCycle(CcnetState.POWER_UP_BILL_IN_STACKER);
        assertThat(next(BillEvent.PowerUpWithBill.class).amount()).isNull();
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

    @Test
    void faultsAndRecovery() throws Exception {
        start();
        acceptor.enable(Set.of(Money.rub(100)));
        awaitTrue(() -> acceptor.identity().isPresent());
        emulator.jam();
        assertThat(next(BillEvent.Fault.class)).isEqualTo(new BillEvent.Fault("jam", true));
        awaitTrue(() -> !acceptor.checkHealth().usable());
        emulator.clearFault();
        next(BillEvent.Recovered.class);
        emulator.cashBoxOut();
        assertThat(next(BillEvent.Fault.class).code()).isEqualTo("cassette-removed");
        emulator.clearFault();
        next(BillEvent.Recovered.class);
        awaitTrue(() -> acceptor.checkHealth().usable());
    }

    @Test
    void aDeadLineIsReportedOfflineAndRecovers() throws Exception {
        start();
        acceptor.enable(Set.of(Money.rub(100)));
        awaitTrue(() -> acceptor.identity().isPresent());
        emulator.noise(new LineNoise(0, 1, 0, 0)); // every reply loses a byte
        assertThat(next(BillEvent.Fault.class).code()).isEqualTo("offline");
        emulator.noise(LineNoise.NONE);
        next(BillEvent.Recovered.class);
        emulator.insert(Money.rub(100));
        next(BillEvent.Escrowed.class);
    }

    @Test
    void noisyLineStillStacksEveryNoteExactlyOnce() throws Exception {
        emulator = new CcnetEmulator(CcnetEmulator.RUB_TABLE, new LineNoise(0.1, 0.05, 0.1, 20), 11);
        List<BillEvent> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        MemoryLink[] line = MemoryLink.pair("bv");
        emulator.serve(line[1]);
        acceptor = new CcnetBillAcceptor(line[0], new PendingNotes(dir.resolve("pending"), "ccnet"), FAST);
        open.add(acceptor);
        open.add(emulator);
        acceptor.start(flowLike(seen, true));
        acceptor.enable(Set.copyOf(CcnetEmulator.RUB_TABLE));
        for (int i = 0; i < 20; i++) {
            emulator.insert(CcnetEmulator.RUB_TABLE.get(i % CcnetEmulator.RUB_TABLE.size()));
        }
        awaitTrue(() -> emulator.cashBox().size() == 20 && emulator.settled());
        Thread.sleep(300);
        List<Money> credited;
        synchronized (seen) {
            credited = seen.stream().filter(e -> e instanceof BillEvent.Stacked)
                    .map(e -> ((BillEvent.Stacked) e).amount()).toList();
        }
        assertThat(credited).containsExactlyElementsOf(emulator.cashBox());
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
        org.topupkiosk.device.cash.FrameDecoder decoder = CcnetFrame.decoder();
        byte[] buf = new byte[256];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            int n = host.read(buf, 100);
            for (org.topupkiosk.device.cash.FrameDecoder.Decoded d : decoder.feed(buf, n)) {
                if (d instanceof org.topupkiosk.device.cash.FrameDecoder.Decoded.Frame f) {
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

    static void awaitTrue(java.util.function.BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
