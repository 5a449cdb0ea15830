package org.topupkiosk.app;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.topupkiosk.device.emulator.NoteFeeder;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.ops.ScriptedCustomer;

/**
 * The kiosk exactly as {@link KioskMain} starts it (the JavaFX window with every screen, the core, the devices the
 * configuration names), with a customer played by a program on one side thread: cash top-ups one after another, the
 * notes fed into the emulated acceptor's slot (or, when the acceptor is a device outside the process, asked for on
 * stdout as {@code @insert RUB}), each receipt printed, then back to the idle screen. For the memory benchmark
 * (org.topupkiosk.bench.MemoryBench), which reads this process's resident memory from outside.
 *
 * <p>Prints on stdout {@code @ready} on the first idle screen, {@code @sale N} after each sale (the idle screen again),
 * {@code @done ms=...} after the last, or {@code @failed reason} ({@code @stall ...} when a note had to be offered
 * twice); after {@code @done} it stays up (so the benchmark can take its last sample and diagnostics) until its stdin
 * closes. Arguments: {@code --sales N}, then KioskMain's own.
 */
public final class SimulatedSalesKiosk {

    private static final Duration STEP = Duration.ofSeconds(60);

    private SimulatedSalesKiosk() {}

    public static void main(String[] args) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        int at = list.indexOf("--sales");
        int sales = 1000;
        if (at >= 0) {
            sales = Integer.parseInt(list.get(at + 1));
            list.subList(at, at + 2).clear();
        }
        int count = sales;
        Thread customer = new Thread(() -> play(count), "simulated-customer");
        customer.setDaemon(true);
        customer.start();
        KioskMain.main(list.toArray(String[]::new));
    }

    private static void play(int sales) {
        try {
            KioskCore core = awaitCore();
            NoteFeeder slot = core.billEmulator() != null ? core.billEmulator() : new AskTheBench();
            ScriptedCustomer customer = new ScriptedCustomer(core.flow(), slot);
            customer.await(s -> s.screen() == Screen.IDLE, STEP);
            say("@ready");
            long t0 = System.nanoTime();
            for (int i = 1; i <= sales; i++) {
                sell(core, customer, i);
                say("@sale " + i);
            }
            say("@done ms=" + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            while (System.in.read() >= 0) {
                // until the benchmark closes our stdin
            }
            System.exit(0);
        } catch (InterruptedException | IOException | RuntimeException e) {
            say("@failed " + e);
            System.exit(3);
        }
    }

    /** One customer: a number (a different one each time), 100 roubles, the notes, the receipt, the idle screen. */
    private static void sell(KioskCore core, ScriptedCustomer customer, int i) throws InterruptedException {
        String number = "916" + String.format("%07d", i % 10_000_000);
        FlowSnapshot cash = customer.startTopUp(number, 100);
        try {
            customer.insertUntil(cash.cashNeeded(), notesFor(cash.cashNeeded()));
        } catch (IllegalStateException stalled) {
            // The acceptor did not take the note within 10 s (seen under heavy load, about once in a few hundred
            // sales): say so, then offer the note again; a note too many only goes to the balance.
            say("@stall sale " + i + ": " + stalled.getMessage());
            customer.insertUntil(cash.cashNeeded(), notesFor(cash.cashNeeded()));
        }
        FlowSnapshot done = customer.payAndConfirm();
        if (done.screen() != Screen.DONE) {
            throw new IllegalStateException("sale " + i + " ended on " + done.screen());
        }
        customer.await(s -> s.receipt() == FlowSnapshot.ReceiptState.PRINTED
                || s.receipt() == FlowSnapshot.ReceiptState.FAILED, STEP);
        core.flow().submit(new FlowCommand.Finish());
        customer.await(s -> s.screen() == Screen.IDLE, STEP);
    }

    /** Hundreds, then fifties for the rest; the kiosk gives no change, so a little over is fine. */
    private static List<Money> notesFor(Money needed) {
        List<Money> notes = new ArrayList<>();
        for (long left = needed.minor(); left > 0; left -= left >= 10_000 ? 10_000 : 5_000) {
            notes.add(Money.rub(left >= 10_000 ? 100 : 50));
        }
        return notes;
    }

    /** A real acceptor outside this process (the benchmark's validator on a pty): ask for the note on stdout. */
    private static final class AskTheBench implements NoteFeeder {
        @Override
        public void insert(Money note) {
            say("@insert " + note.wholeUnits());
        }

        @Override
        public void jam() {
            throw new UnsupportedOperationException("the benchmark's customer only inserts notes");
        }

        @Override
        public void cashBoxOut() {
            throw new UnsupportedOperationException("the benchmark's customer only inserts notes");
        }

        @Override
        public void clearFault() {
            throw new UnsupportedOperationException("the benchmark's customer only inserts notes");
        }
    }

    private static KioskCore awaitCore() throws InterruptedException {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (KioskMain.booting == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the kiosk did not begin to start within " + STEP);
            }
            Thread.sleep(20);
        }
        return KioskMain.booting.join().core();
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
