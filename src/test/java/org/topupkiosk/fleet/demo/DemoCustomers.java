package org.topupkiosk.fleet.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.ops.ScriptedCustomer;

/**
 * Customers at one demo kiosk, played by a program on a thread of their own: now and then a cash top-up through the
 * real flow ({@link ScriptedCustomer}: number, the carrier's check, notes into the emulated acceptor, payment, the
 * receipt), so the office sees payments, cash box and audit chain move. When the kiosk is out of service (paper out, a
 * jam) the customer walks away and comes back later, as people do.
 */
final class DemoCustomers implements Runnable {

    private static final Duration STEP = Duration.ofSeconds(60);

    private final KioskCore core;
    private final String kioskId;
    private final int minPauseMs;
    private final int maxPauseMs;
    private final Money note;
    private final AtomicInteger sales = new AtomicInteger();
    private volatile boolean stopped;

    /** Customers who come every {@code minPause} to {@code maxPause} and pay in notes of {@code note}. */
    DemoCustomers(KioskCore core, String kioskId, Duration minPause, Duration maxPause, Money note) {
        this.note = note;
        this.core = core;
        this.kioskId = kioskId;
        this.minPauseMs = (int) minPause.toMillis();
        this.maxPauseMs = (int) maxPause.toMillis();
    }

    int sales() {
        return sales.get();
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        ScriptedCustomer customer = new ScriptedCustomer(core.flow(), core.billEmulator());
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (!stopped) {
            try {
                Thread.sleep(r.nextInt(minPauseMs, maxPauseMs + 1));
                if (stopped || core.flow().current().screen() != Screen.IDLE) {
                    continue; // out of service, or someone is still at the screen
                }
                sell(customer, r);
                sales.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            } catch (IllegalStateException | UnsupportedOperationException e) {
                FleetDemo.say(kioskId + ": a customer gave up (" + e.getMessage() + ")");
                walkAway();
            }
        }
    }

    /**
     * One customer: a number, 100 to 500 roubles, the notes, the receipt, the idle screen again (as
     * FleetSimKiosk.sell, with the amount and the notes varied).
     */
    private void sell(ScriptedCustomer customer, ThreadLocalRandom r) throws InterruptedException {
        String number = "916" + String.format("%07d", r.nextInt(10_000_000));
        FlowSnapshot cash = customer.startTopUp(number, 100L * r.nextInt(1, 6));
        Money needed = cash.cashNeeded();
        int count = (int) ((needed.minor() + note.minor() - 1) / note.minor());
        customer.insertUntil(needed, Collections.nCopies(count, note));
        customer.payAndConfirm();
        customer.await(s -> s.receipt() == FlowSnapshot.ReceiptState.PRINTED
                || s.receipt() == FlowSnapshot.ReceiptState.FAILED, STEP);
        core.flow().submit(new FlowCommand.Finish());
        customer.await(s -> s.screen() == Screen.IDLE, STEP);
    }

    /** Leaves the screen as the inactivity timer would: cancel, finish, back to the start. */
    private void walkAway() {
        core.flow().submit(new FlowCommand.Cancel());
        core.flow().submit(new FlowCommand.Finish());
        core.flow().submit(new FlowCommand.StartOver());
    }
}
