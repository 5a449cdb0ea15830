package org.topupkiosk.chaos;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.device.cash.ccnet.CcnetState;
import org.topupkiosk.device.emulator.BillAcceptorEmulator;
import org.topupkiosk.device.emulator.CcnetEmulator;
import org.topupkiosk.domain.Money;
import org.topupkiosk.journal.ClaimPaper;

/**
 * The chaos campaign's faults other than a kill (issue 12), each played for real against the child kiosk:
 * <ul>
 *   <li>{@code journal-busy}: when the first note goes in, a second connection holds {@code BEGIN EXCLUSIVE} on the
 *       journal for longer than the kiosk's busy timeout (5 s), so the stacked note's journal write fails busy;</li>
 *   <li>{@code disk-full}: for the same moments the journal refuses every cash row with SQLite's "database or disk
 *       is full" (a trigger the harness adds and drops: {@code PRAGMA max_page_count} is a setting of one connection,
 *       and cannot be imposed on the child's from outside);</li>
 *   <li>{@code clock-back}: a kill at a money moment, then the second life runs with its clock four minutes behind
 *       (a Raspberry Pi has no real-time clock): more than any outbox backoff, less than the five minutes of skew the
 *       carrier's request signatures allow (a clock further off is refused by the carrier until NTP sets it);</li>
 *   <li>{@code late-refusal}: the carrier answers the payment "refused" after the kiosk's submit wait (8 s);</li>
 *   <li>{@code slow-body}: the carrier sends the payment answer's headers, then the body a byte a second;</li>
 *   <li>{@code escrow-powerup}: the validator loses power while the first note is in escrow and wakes up with the
 *       note in the validator (CCNET 0x11, returned to the customer), who inserts it again.</li>
 * </ul>
 */
final class ChaosFaults {

    static final List<String> KINDS = List.of("journal-busy", "disk-full", "clock-back", "late-refusal", "slow-body",
            "escrow-powerup");
    /** The faults that do not need the CCNET emulator. */
    static final List<String> ANY_ACCEPTOR = List.of("journal-busy", "disk-full", "clock-back", "late-refusal",
            "slow-body");

    /** The kiosk's busy timeout is 5 s: hold the journal longer. */
    private static final long HOLD_MS = 6_500;
    /** Beyond twice the 60 s longest backoff, within the carrier's 300 s signature skew. */
    private static final long CLOCK_BACK_MS = 240_000L;
    private static final List<String> MONEY_MOMENTS = List.of("stacked-after-commit", "submitted",
            "payment-before-send");

    private ChaosFaults() {}

    /** What the harness does when the child asks for its first note. */
    @FunctionalInterface
    interface OnInsert {
        void insert(BillAcceptorEmulator validator, Money note);
    }

    /** One run's plan: the first life's kill (if any) and fault, and the second life's clock. */
    record Plan(String armed, long killAfterMs, boolean cutPower, OnInsert onFirstInsert,
                long secondLifeClockOffsetMs, Thread[] background) {

        /** Waits for the fault's own thread (a lock held, a trigger dropped) before the second life starts. */
        void settle() throws InterruptedException {
            if (background[0] != null) {
                background[0].join(TimeUnit.SECONDS.toMillis(30));
            }
        }
    }

    /** A kill point as before: armed crash point, a timer for "random", a power cut for "powerup-in-stacker". */
    static Plan kill(String point, Random random) {
        String armed = point.equals("random") || point.equals("powerup-in-stacker") ? "none" : point;
        long killAfterMs = point.equals("random") ? 300 + random.nextInt(2500) : -1;
        return new Plan(armed, killAfterMs, point.equals("powerup-in-stacker"), null, 0, new Thread[1]);
    }

    static Plan plan(String kind, Random random, CarrierSimulator sim, Path journal) {
        Thread[] background = new Thread[1];
        return switch (kind) {
            case "journal-busy" -> new Plan("none", -1, false, (v, note) -> holdJournal(journal, note, v, background,
                    false), 0, background);
            case "disk-full" -> new Plan("none", -1, false, (v, note) -> holdJournal(journal, note, v, background,
                    true), 0, background);
            case "clock-back" -> new Plan(MONEY_MOMENTS.get(random.nextInt(MONEY_MOMENTS.size())), -1, false, null,
                    -CLOCK_BACK_MS, background);
            case "late-refusal" -> {
                // Latency combines with one other fault: the refusal comes 11 s after the payment, past the 8 s wait.
                sim.faults().next(1, Fault.latency(11_000), "/v1/payments")
                        .next(1, Fault.refuse("account-blocked"), "/v1/payments");
                yield new Plan("none", -1, false, null, 0, background);
            }
            case "slow-body" -> {
                sim.faults().next(1, Fault.slowBody(1_000), "/v1/payments");
                yield new Plan("none", -1, false, null, 0, background);
            }
            case "escrow-powerup" -> new Plan("none", -1, false, (v, note) -> powerUpInEscrow(v, note, background), 0,
                    background);
            default -> throw new IllegalArgumentException("unknown fault " + kind + "; faults: " + KINDS);
        };
    }

    /**
     * Takes the journal from the child for {@link #HOLD_MS} (exclusive lock, or a trigger refusing cash rows as a full
     * disk would), puts the note in while it is held, and gives it back.
     */
    private static void holdJournal(Path journal, Money note, BillAcceptorEmulator validator, Thread[] background,
                                    boolean diskFull) {
        CountDownLatch held = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journal);
                 Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                if (diskFull) {
                    st.execute("CREATE TRIGGER chaos_disk_full BEFORE INSERT ON cash_events "
                            + "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
                    held.countDown();
                    Thread.sleep(HOLD_MS);
                    st.execute("DROP TRIGGER chaos_disk_full");
                } else {
                    st.execute("BEGIN EXCLUSIVE");
                    held.countDown();
                    Thread.sleep(HOLD_MS);
                    st.execute("ROLLBACK");
                }
            } catch (SQLException | InterruptedException e) {
                System.err.println("chaos: could not hold the journal: " + e);
            } finally {
                held.countDown();
            }
        }, "chaos-journal-holder");
        t.setDaemon(true);
        background[0] = t;
        t.start();
        try {
            held.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        validator.insert(note);
    }

    /**
     * Inserts the note, cuts the validator's power while it is in escrow (it wakes up with the note in the validator
     * and gives it back), and the customer inserts it again. When the flow stacked the note before the cut could land,
     * nothing more happens.
     */
    private static void powerUpInEscrow(BillAcceptorEmulator validator, Money note, Thread[] background) {
        validator.insert(note);
        if (!(validator instanceof CcnetEmulator ccnet)) {
            return;
        }
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean cut = false;
            while (!cut && System.nanoTime() < deadline) {
                synchronized (ccnet) {
                    if (ccnet.state() == CcnetState.ESCROW) {
                        ccnet.powerCycle(CcnetState.POWER_UP_BILL_IN_VALIDATOR);
                        cut = true;
                    }
                }
                if (!cut) {
                    sleep(1);
                }
            }
            if (cut) {
                sleep(1_500); // the validator gives the note back; the customer puts it in again
                validator.insert(note);
            }
        }, "chaos-escrow-powerup");
        t.setDaemon(true);
        background[0] = t;
        t.start();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Credits the customer never got on paper, by the journal's own rule ({@link ClaimPaper#CREDIT_ON_PAPER}: the
     * printed voucher, or the printed receipt of the order the credit came from when it carries the order's claim
     * code). A credit already redeemed or refunded reached its owner.
     */
    static List<String> undeliveredCredits(Path journal) {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journal);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT cc.amount_minor, cc.source_txn, cc.reason FROM customer_credits cc "
                     + "WHERE NOT EXISTS (SELECT 1 FROM credit_redemptions r WHERE r.code = cc.code) "
                     + "AND NOT " + ClaimPaper.CREDIT_ON_PAPER)) {
            while (rs.next()) {
                out.add(Money.rubMinor(rs.getLong(1)).plain() + " RUB from " + rs.getString(2) + " ("
                        + rs.getString(3) + ")");
            }
        } catch (SQLException e) {
            out.add("cannot read credits of " + journal + ": " + e);
        }
        return out;
    }
}
