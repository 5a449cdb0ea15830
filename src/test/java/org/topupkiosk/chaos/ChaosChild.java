package org.topupkiosk.chaos;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.device.cash.AcceptorIdentity;
import org.topupkiosk.device.emulator.NoteFeeder;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.ops.ScriptedCustomer;

/**
 * One life of the kiosk core for the chaos harness: headless (flow, journal, sync, the real CCNET or ID003 driver on a pty),
 * talking to the harness's carrier simulator and, through the pty, to the harness's bill validator emulator, which
 * outlives this process as a real validator outlives a kiosk crash. Notes are put into the validator's slot by
 * asking the harness: a line {@code @insert RUB} on stdout. It plays a customer through a cash top-up, or finishes what the journal says was left
 * when the previous life was killed, then prints {@code @done}. An armed crash point prints {@code @crash NAME} and
 * parks the thread so the harness can SIGKILL the process exactly there.
 *
 * <p>Arguments: config-file var-dir carrier-url crash-point national-number amount-rub bill,bill,... acceptor-port
 * [ccnet|id003 [clock-offset-ms]]. A negative clock offset plays a kiosk whose clock was set back (a Raspberry Pi
 * has no real-time clock) between lives.
 */
public final class ChaosChild {

    private ChaosChild() {}

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        Path varDir = Path.of(args[1]);
        URI carrierUrl = URI.create(args[2]);
        String armed = args[3];
        String number = args[4];
        long amountRub = Long.parseLong(args[5]);
        List<Money> bills = new ArrayList<>();
        for (String b : args[6].split(",")) {
            bills.add(Money.rub(Long.parseLong(b)));
        }

        KioskConfig.BillAcceptorType type = args.length > 8 && args[8].equals("id003")
                ? KioskConfig.BillAcceptorType.ID003 : KioskConfig.BillAcceptorType.CCNET;
        LoadedConfig loaded = withJournal(ConfigLoader.load(config), varDir.resolve("journal.db"), args[7], type);
        CrashPoints crash = name -> {
            if (name.equals(armed)) {
                System.out.println("@crash " + name);
                System.out.flush();
                parkForever();
            }
        };
        long clockOffsetMs = args.length > 9 ? Long.parseLong(args[9]) : 0;
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(clockOffsetMs));
        try (KioskCore core = new KioskCore(loaded, config, new KioskCore.Options(carrierUrl, crash, clock))) {
            core.start();
            play(core, varDir, number, amountRub, bills);
            awaitSettled(core.journal());
            System.out.println("@done");
            System.out.flush();
        }
        System.exit(0);
    }

    private static void play(KioskCore core, Path varDir, String number, long amountRub, List<Money> bills)
            throws InterruptedException {
        Journal journal = core.journal();
        ScriptedCustomer customer = new ScriptedCustomer(core.flow(), harnessSlot());
        // Recovery runs on the flow thread before anything we send; and notes the driver raises at its first contact
        // (a power-up with a note in the stacker, a stacked note never acknowledged) reach the flow just after that
        // contact. The customer must see them before deciding what is left to insert, or a note goes in that the
        // order no longer needs and the scripted payment times out under load.
        awaitFirstContact(core);
        awaitNoPendingNotes(varDir);
        Thread.sleep(300);
        if (!journal.ordersByStatus(OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.REFUSED,
                OrderStatus.CANCELLED).isEmpty() && journal.findOpenOrder().isEmpty()) {
            return; // paid (or turned into a credit) in an earlier life: only the outbox may be left
        }
        if (core.flow().current().screen() != Screen.CASH_INSERTION) {
            customer.startTopUp(number, amountRub);
        }
        customer.insertUntil(Money.rub(amountRub), bills);
        customer.payAndConfirm();
    }

    /**
     * Notes a previous life left with the driver (a stacked note never acknowledged, a STACK never resolved) are raised
     * at first contact and leave the driver's folder once the journal has them. Under load that can take longer than
     * any fixed pause; deciding what to insert before it inserts a note the order no longer needs (seen once in 1,000
     * runs at 10 harnesses on 2 cores: the order kept all its cash, open, and the scripted customer timed out).
     */
    private static void awaitNoPendingNotes(Path varDir) throws InterruptedException {
        Path dir = varDir.resolve("devices").resolve("bill-acceptor").resolve("pending");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(dir)) {
                if (files.findAny().isEmpty()) {
                    return;
                }
            } catch (IOException e) {
                return; // no folder: the driver has nothing pending
            }
            Thread.sleep(50);
        }
    }

    private static void awaitFirstContact(KioskCore core) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(core.acceptor() instanceof AcceptorIdentity a && a.identity().isPresent())
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Waits until no order is open or pending: everything stacked is accounted for and the carrier has answered. */
    private static void awaitSettled(Journal journal) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (journal.ordersByStatus(OrderStatus.OPEN, OrderStatus.PENDING).isEmpty()
                    && journal.outbox().status().pendingCount() == 0) {
                Thread.sleep(300); // let the driver clear the pending records of acknowledged notes
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("journal did not settle within 60 s: " + journal.outbox().status());
    }

    /** The validator's slot is in the harness: ask it on stdout. */
    private static NoteFeeder harnessSlot() {
        return new NoteFeeder() {
            @Override
            public void insert(Money note) {
                say("@insert " + note.wholeUnits());
            }

            @Override
            public void jam() {
                say("@jam");
            }

            @Override
            public void cashBoxOut() {
                say("@cashbox-out");
            }

            @Override
            public void clearFault() {
                say("@clear-fault");
            }

            private void say(String line) {
                synchronized (System.out) {
                    System.out.println(line);
                    System.out.flush();
                }
            }
        };
    }

    static LoadedConfig withJournal(LoadedConfig loaded, Path journalFile, String acceptorPort,
                                    KioskConfig.BillAcceptorType type) {
        KioskConfig c = loaded.config();
        KioskConfig.Devices devices = new KioskConfig.Devices(new KioskConfig.BillAcceptor(
                type, Optional.of(acceptorPort)), c.devices().printer());
        // Every other section as configured: the fiscal register of the simulation config too (issue 13's points).
        KioskConfig changed = c.withJournal(new KioskConfig.Journal(journalFile)).withDevices(devices);
        return new LoadedConfig(changed, loaded.catalog(), loaded.numbering());
    }

    private static void parkForever() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // keep parked: only SIGKILL ends this life
            }
        }
    }
}
