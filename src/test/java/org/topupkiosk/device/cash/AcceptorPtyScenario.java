package org.topupkiosk.device.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.device.emulator.BillAcceptorEmulator;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.ops.ScriptedCustomer;
import org.topupkiosk.testing.SocatPair;

/**
 * The pty integration scenario both protocols run: the real driver under the real flow, the emulator on the other end
 * of a socat pty pair, a hundred random notes (some refused, some over the order's limit) on the emulator's noisy
 * line, with a jam half way. The cash box, the journal and the screen must agree to the kopeck.
 */
public final class AcceptorPtyScenario {

    public static final List<Money> NOTES = List.of(Money.rub(10), Money.rub(50), Money.rub(100), Money.rub(200),
            Money.rub(500), Money.rub(1000), Money.rub(2000), Money.rub(5000));

    /** A check on the kiosk once it is idle, before the first note. */
    @FunctionalInterface
    public interface KioskCheck {
        void check(KioskCore core) throws Exception;
    }

    private AcceptorPtyScenario() {}

    /** @param rejectReason the protocol's code for a note refused on purpose (about 5% of the notes) */
    public static void hundredNotes(Path dir, KioskConfig.BillAcceptorType type, BillAcceptorEmulator validator,
                                    int rejectReason, KioskCheck atIdle) throws Exception {
        Assumptions.assumeTrue(SocatPair.available(),
                "SKIPPED LOUDLY: /usr/bin/socat is missing, so there is no pty pair to run " + type + " over");
        Random random = new Random(42);
        try (SocatPair line = SocatPair.start()) {
            validator.serve(new JSerialCommLink(line.deviceEnd(), validator.line()));
            try (KioskCore core = AcceptorKiosk.start(dir, type, line.hostEnd(), AcceptorKiosk.FAST)) {
                ScriptedCustomer customer = new ScriptedCustomer(core.flow(), validator);
                customer.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(10));
                atIdle.check(core);
                List<String> orders = new ArrayList<>();
                FlowSnapshot cash = customer.startTopUp("9161234567", 10000 + 100L * random.nextInt(40));
                int rejectedOnPurpose = 0;
                for (int i = 0; i < 100; i++) {
                    if (i == 50) {
                        jamAndClear(core, validator);
                    }
                    if (random.nextInt(100) < 5) {
                        validator.insertRejected(rejectReason);
                        rejectedOnPurpose++;
                    } else {
                        validator.insert(NOTES.get(random.nextInt(NOTES.size())));
                    }
                    awaitSettled(validator);
                    FlowSnapshot now = settledSnapshot(core, customer);
                    if (!now.cashInserted().lessThan(cash.cashNeeded())) {
                        assertScreenMatchesJournal(core, now);
                        orders.add(now.txnId());
                        customer.payAndConfirm();
                        customer.await(s -> s.screen() == Screen.IDLE || s.screen() == Screen.DONE
                                || s.screen() == Screen.CREDIT_VOUCHER, Duration.ofSeconds(10));
                        core.flow().submit(new FlowCommand.Finish());
                        customer.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(30));
                        cash = customer.startTopUp("9161234567", 10000 + 100L * random.nextInt(40));
                    }
                }
                FlowSnapshot last = settledSnapshot(core, customer);
                assertScreenMatchesJournal(core, last);

                Money journal = core.journal().stackedTotal();
                assertThat(journal).as("every stacked note credited exactly once").isEqualTo(validator.cashBoxTotal());
                long credited = core.journal().ordersByStatus(OrderStatus.values()).stream()
                        .map(Order::cash).mapToLong(Money::minor).sum();
                assertThat(credited).isEqualTo(validator.cashBoxTotal().minor());
                assertThat(validator.cashBox().size() + validator.returnedCount() + validator.rejectedCount())
                        .as("every note stacked, returned or rejected").isEqualTo(100);
                assertThat(validator.rejectedCount()).isGreaterThanOrEqualTo(rejectedOnPurpose);
                assertThat(validator.returnedCount()).as("notes over an order's limit go back").isPositive();
                assertThat(orders).isNotEmpty();
                assertThat(core.journal().verify().ok()).isTrue();
            } finally {
                validator.stop();
            }
        }
    }

    private static void jamAndClear(KioskCore core, BillAcceptorEmulator validator) throws InterruptedException {
        validator.jam();
        awaitTrue(() -> !core.acceptor().checkHealth().usable());
        validator.clearFault();
        awaitTrue(() -> core.acceptor().checkHealth().usable());
    }

    /** The flow has seen everything the device said: its snapshot is stable and the device idle. */
    private static FlowSnapshot settledSnapshot(KioskCore core, ScriptedCustomer customer) throws InterruptedException {
        Thread.sleep(3 * AcceptorKiosk.FAST.pollWhileEnabled().toMillis());
        return core.flow().current();
    }

    private static void assertScreenMatchesJournal(KioskCore core, FlowSnapshot s) {
        Order o = core.journal().order(s.txnId()).orElseThrow();
        assertThat(s.cashInserted()).as("the total on screen is the journal's").isEqualTo(o.cash());
    }

    private static void awaitSettled(BillAcceptorEmulator validator) throws InterruptedException {
        awaitTrue(validator::settled);
    }

    public static void awaitTrue(BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(5);
        }
    }
}
