package org.topupkiosk.chaos;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.topupkiosk.app.CrashPoints;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.device.emulator.EmulatedBillAcceptor;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.FlowCommand;
import org.topupkiosk.flow.FlowSnapshot;
import org.topupkiosk.flow.Lang;
import org.topupkiosk.flow.Screen;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.OrderStatus;

/**
 * One life of the kiosk core for the chaos harness: headless (flow, journal, sync, emulated acceptor), talking to the
 * harness's carrier simulator. It plays a customer through a cash top-up, or finishes what the journal says was left
 * when the previous life was killed, then prints {@code @done}. An armed crash point prints {@code @crash NAME} and
 * parks the thread so the harness can SIGKILL the process exactly there.
 *
 * <p>Arguments: config-file var-dir carrier-url crash-point national-number amount-rub bill,bill,...
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

        LoadedConfig loaded = withJournal(ConfigLoader.load(config), varDir.resolve("journal.db"));
        CrashPoints crash = name -> {
            if (name.equals(armed)) {
                System.out.println("@crash " + name);
                System.out.flush();
                parkForever();
            }
        };
        try (KioskCore core = new KioskCore(loaded, config, new KioskCore.Options(carrierUrl, crash, Clock.systemUTC()))) {
            BlockingQueue<FlowSnapshot> snapshots = new LinkedBlockingQueue<>();
            core.flow().subscribe(snapshots::add);
            core.start();
            play(core, snapshots, number, amountRub, bills);
            awaitSettled(core.journal());
            System.out.println("@done");
            System.out.flush();
        }
        System.exit(0);
    }

    private static void play(KioskCore core, BlockingQueue<FlowSnapshot> snapshots, String number, long amountRub,
                             List<Money> bills) throws InterruptedException {
        Journal journal = core.journal();
        EmulatedBillAcceptor acceptor = (EmulatedBillAcceptor) core.acceptor();
        // Let recovery run: the flow posts it before anything we send.
        FlowSnapshot s = await(snapshots, x -> true, Duration.ofSeconds(10));
        Thread.sleep(200);
        s = core.flow().current();
        if (!journal.ordersByStatus(OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.REFUSED).isEmpty()) {
            return; // paid in an earlier life: only the outbox is left, and the dispatcher drains it
        }
        if (s.screen() != Screen.CASH_INSERTION) {
            if (!journal.ordersByStatus(OrderStatus.CANCELLED).isEmpty()) {
                return; // an earlier life ended with a credit voucher; nothing more to buy
            }
            var flow = core.flow();
            flow.submit(new FlowCommand.Start());
            flow.submit(new FlowCommand.SetLanguage(Lang.EN));
            for (char c : number.toCharArray()) {
                flow.submit(new FlowCommand.Digit(c - '0'));
            }
            flow.submit(new FlowCommand.Next());
            await(snapshots, x -> x.screen() == Screen.OPERATOR_CONFIRM, Duration.ofSeconds(20));
            flow.submit(new FlowCommand.Next());
            for (char c : Long.toString(amountRub).toCharArray()) {
                flow.submit(new FlowCommand.Digit(c - '0'));
            }
            flow.submit(new FlowCommand.Next());
            s = await(snapshots, x -> x.screen() == Screen.CASH_INSERTION, Duration.ofSeconds(10));
        }
        Money target = Money.rub(amountRub);
        int next = 0;
        while (s.cashInserted().lessThan(target) && next < bills.size()) {
            Money before = s.cashInserted();
            acceptor.insert(bills.get(next++));
            s = await(snapshots, x -> x.cashInserted().greaterThan(before), Duration.ofSeconds(10));
        }
        core.flow().submit(new FlowCommand.Pay());
        await(snapshots, x -> x.screen() == Screen.CONFIRM, Duration.ofSeconds(10));
        core.flow().submit(new FlowCommand.Confirm());
        await(snapshots, x -> x.screen() == Screen.DONE || x.screen() == Screen.CREDIT_VOUCHER, Duration.ofSeconds(30));
    }

    /** Waits until no order is open or pending: everything stacked is accounted for and the carrier has answered. */
    private static void awaitSettled(Journal journal) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (journal.ordersByStatus(OrderStatus.OPEN, OrderStatus.PENDING).isEmpty()
                    && journal.outboxStatus().pendingCount() == 0) {
                Thread.sleep(300); // let the acceptor emulator forget acknowledged notes
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("journal did not settle within 60 s: " + journal.outboxStatus());
    }

    private static FlowSnapshot await(BlockingQueue<FlowSnapshot> q, Predicate<FlowSnapshot> p, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            FlowSnapshot s = left > 0 ? q.poll(left, TimeUnit.NANOSECONDS) : null;
            if (s == null) {
                throw new IllegalStateException("timed out waiting for the flow");
            }
            if (p.test(s)) {
                return s;
            }
        }
    }

    static LoadedConfig withJournal(LoadedConfig loaded, Path journalFile) {
        KioskConfig c = loaded.config();
        KioskConfig changed = new KioskConfig(c.kiosk(), new KioskConfig.Journal(journalFile), c.carrier(), c.sales(),
                c.timeouts(), c.sync(), c.devices(), c.ui(), c.catalogFile(), c.numberingFile());
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
