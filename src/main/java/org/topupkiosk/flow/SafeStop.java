package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.JournalException;

/**
 * Out of service, safely, on the flow thread: the acceptor disabled, a note in escrow given back, the out-of-service
 * screen saying why and what to do, and an audit row. Two reasons:
 * <ul>
 * <li>The journal cannot write (SQLITE_BUSY beyond the busy timeout, disk full, an I/O error). A stacked note it could
 * not record stays unacknowledged in the driver's pending notes, under the order it was stacked for, and is held here
 * too; the journal is tried again every {@link #PROBE_EVERY}. When a write works the held notes are credited to their
 * own orders (a note whose order is no longer open becomes a printed credit voucher), the audit row and the alarm say
 * how long it lasted, and the open order comes back on its cash screen ({@link StrayNotes}).</li>
 * <li>An internal error (an exception in a flow task, on the screen's thread or a device thread): money on the cash
 * screens goes onto a printed credit voucher when the journal allows, and the kiosk stays out of service until a
 * technician lets customers back from the service menu.</li>
 * </ul>
 */
final class SafeStop {

    private static final Logger log = LoggerFactory.getLogger(SafeStop.class);

    /** How often a journal that could not write is tried again; each try may wait out the busy timeout. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(3);

    enum Reason { JOURNAL_WRITE, INTERNAL_ERROR }

    /** A stacked note the journal could not record, and the order it was stacked for (may be null). */
    private record HeldNote(Money amount, String noteId, String ref) {}

    private final Stage stage;
    private final OrderDesk orders;
    private final BillAcceptor acceptor;
    private final FlowExecutor flow;
    private final Clock clock;
    private final Runnable publish;
    private final Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    private final List<HeldNote> held = new ArrayList<>();
    /** Audit rows that could not be written when they happened: written first when the journal works again. */
    private final List<String[]> unwritten = new ArrayList<>();
    private Recovery recovery;
    private StrayNotes stray;
    private CashIntake cash;
    private long failedAtMs;
    private String firstError;
    /** Where and what the internal error was, for the technician (health endpoint); null without one. */
    private String internalError;
    private int failedTries;
    private FlowExecutor.Timer probe;
    /** The order and money of the customer caught by the failure, for the out-of-service screen. */
    private String heldTxn;
    private Money heldFunds;

    SafeStop(Stage stage, OrderDesk orders, BillAcceptor acceptor, FlowExecutor flow, Clock clock, Runnable publish) {
        this.stage = stage;
        this.orders = orders;
        this.acceptor = acceptor;
        this.flow = flow;
        this.clock = clock;
        this.publish = publish;
    }

    void attach(Recovery recovery, StrayNotes stray, CashIntake cash) {
        this.recovery = recovery;
        this.stray = stray;
        this.cash = cash;
    }

    boolean halted() {
        return !reasons.isEmpty();
    }

    /** The journal could not write and has not written since: stacked notes are held, not credited. */
    boolean journalDown() {
        return reasons.contains(Reason.JOURNAL_WRITE);
    }

    /** What the out-of-service screen says: what happened and what to do; null when serving. */
    FlowMessage message() {
        if (journalDown()) {
            return heldTxn != null && heldFunds != null && heldFunds.isPositive()
                    ? FlowMessage.error("out_of_service.journal_write_held", heldFunds, heldTxn)
                    : FlowMessage.error("out_of_service.journal_write");
        }
        return reasons.contains(Reason.INTERNAL_ERROR) ? FlowMessage.error("out_of_service.internal_error") : null;
    }

    /**
     * Why this stop keeps customers out, in English for the technician (the health endpoint), or null when it does
     * not: the journal's first error and since when, or where the internal error happened.
     */
    String technicianReason() {
        List<String> why = new ArrayList<>();
        if (journalDown()) {
            why.add("journal cannot write since " + Instant.ofEpochMilli(failedAtMs) + " (" + firstError
                    + "); stacked notes are held until it writes again");
        }
        if (reasons.contains(Reason.INTERNAL_ERROR)) {
            why.add("internal error " + internalError + ": a technician must let customers back from the service menu");
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    // The journal cannot write ----------------------------------------------------------------------------------------

    /**
     * A journal write failed. {@code note} is the stacked note it could not record (null when the failure came from
     * another write): held, not acknowledged, so the driver keeps it on disk under {@code ref} whatever happens next.
     */
    void journalFailed(JournalException e, Money note, String noteId, String ref) {
        if (note != null) {
            held.add(new HeldNote(note, noteId, ref));
        }
        if (journalDown()) {
            log.warn("journal still cannot write: note={} held ({} held)", noteId, held.size());
            return;
        }
        reasons.add(Reason.JOURNAL_WRITE);
        failedAtMs = clock.millis();
        firstError = e.getMessage();
        failedTries = 0;
        Session session = stage.session;
        heldTxn = ref != null ? ref : session == null ? null : session.txnId;
        heldFunds = session == null || !heldTxnIs(session) ? Money.ZERO_RUB : session.funds();
        for (HeldNote n : held) {
            heldFunds = heldFunds.plus(n.amount());
        }
        log.error("ALARM journal cannot write: cash stopped txn={} note={} error={}", heldTxn, noteId, firstError, e);
        stopCash();
        stage.message = null;
        stage.cancelStep();
        stage.moveTo(OUT_OF_SERVICE);
        scheduleProbe();
    }

    /** While the journal is down: a note stacked (or raised again) is held for its order, never acknowledged. */
    void hold(Money note, String noteId, String ref) {
        Session session = stage.session;
        String to = ref != null ? ref : session == null ? null : session.txnId;
        held.add(new HeldNote(note, noteId, to));
        if (to != null && to.equals(heldTxn)) {
            heldFunds = heldFunds.plus(note);
        }
        acceptor.disable();
        log.warn("journal cannot write: note={} amount={} held for txn={}", noteId, note.plain(), to);
    }

    private boolean heldTxnIs(Session session) {
        return session.txnId != null && session.txnId.equals(heldTxn);
    }

    private void scheduleProbe() {
        if (probe == null) {
            probe = flow.schedule(this::probe, PROBE_EVERY);
        }
    }

    /** Tries the journal again: the held notes first, then the audit rows, then customers come back. */
    void probe() {
        probe = null;
        if (!journalDown()) {
            return;
        }
        List<CustomerCredit> vouchers = new ArrayList<>();
        try {
            while (!held.isEmpty()) {
                HeldNote n = held.get(0);
                stray.creditToItsOrder(n.amount(), n.noteId(), n.ref()).ifPresent(vouchers::add);
                acceptor.acknowledge(n.noteId());
                held.remove(0);
            }
            writeUnwritten();
            long seconds = (clock.millis() - failedAtMs) / 1000;
            orders.audit("journal_write_recovered", heldTxn, "{\"failed_at_ms\":" + failedAtMs + ",\"seconds\":"
                    + seconds + ",\"tries\":" + (failedTries + 1) + ",\"error\":\"" + jsonSafe(firstError) + "\"}");
            log.error("ALARM journal writes again after {} s ({} tries) txn={}: first error was {}", seconds,
                    failedTries + 1, heldTxn, firstError);
        } catch (JournalException e) {
            failedTries++;
            log.warn("journal still cannot write (try {}): {}", failedTries, e.getMessage());
            scheduleProbe();
            return;
        }
        reasons.remove(Reason.JOURNAL_WRITE);
        heldTxn = null;
        heldFunds = null;
        backToCustomers(vouchers);
        publish.run();
    }

    private void backToCustomers(List<CustomerCredit> vouchers) {
        if (halted()) {
            stage.endSession();
            return;
        }
        stage.endSession();
        if (stage.screen == IDLE) {
            recovery.resumeOpenOrder();
        }
        vouchers.forEach(stray::deliver);
    }

    // An internal error -----------------------------------------------------------------------------------------------

    /**
     * An exception nobody handled (a flow task, the screen's thread, a device thread): out of service until a
     * technician lets customers back. Cash on the cash screens goes onto a printed credit voucher when the journal
     * allows it. Never throws: every step is tried on its own.
     */
    void internalError(String where, Throwable e) {
        if (e instanceof JournalException je) {
            journalFailed(je, null, null, null);
            return;
        }
        log.error("ALARM internal error on {}: the kiosk is out of service until a technician lets customers back",
                where, e);
        reasons.add(Reason.INTERNAL_ERROR);
        internalError = "on thread " + where + " (" + e.getClass().getSimpleName() + ")";
        stopCash();
        Session session = stage.session;
        auditOrKeep("internal_error", session == null ? null : session.txnId, "{\"where\":\"" + jsonSafe(where)
                + "\",\"error\":\"" + e.getClass().getSimpleName() + "\",\"screen\":\"" + stage.screen + "\"}");
        Screen screen = stage.screen;
        try {
            if (session != null && session.txnId != null && (screen == CASH_INSERTION || screen == CONFIRM)) {
                cash.cancelWithCredit("internal-error");
            } else if (screen != RECEIPT && screen != DONE && screen != CREDIT_VOUCHER && screen != GOODS_DONE) {
                // A receipt being printed or read finishes and then rests on the out-of-service screen.
                stage.endSession();
            }
        } catch (JournalException je) {
            journalFailed(je, null, null, null);
        } catch (RuntimeException again) {
            log.error("could not settle the session after the internal error; the journal keeps its order", again);
            stage.moveTo(OUT_OF_SERVICE);
        }
    }

    /** A technician chose "Back to customers": an internal error is cleared; a journal still down is not. */
    void technicianCleared() {
        if (reasons.remove(Reason.INTERNAL_ERROR)) {
            auditOrKeep("internal_error_cleared", null, "{}");
            if (!halted() && stage.screen == OUT_OF_SERVICE) {
                stage.endSession();
            }
        }
    }

    /**
     * The process ends on an {@link Error}: called from the failing thread, so only thread-safe steps. The acceptor is
     * disabled (and a note in escrow returned) through its own thread, and an audit row is written; the open order,
     * pending notes and the outbox are resumed by the next start.
     */
    void lastWords(String where, Throwable e) {
        try {
            Session session = stage.session; // read across threads: best effort, the next start settles the rest
            if (session != null && session.noteInEscrow != null) {
                acceptor.returnBill();
            }
            acceptor.disable();
        } catch (RuntimeException | Error again) {
            log.error("could not stop the bill acceptor before exiting", again);
        }
        try {
            orders.audit("internal_error", null, "{\"where\":\"" + jsonSafe(where) + "\",\"error\":\""
                    + e.getClass().getSimpleName() + "\",\"fatal\":true}");
        } catch (RuntimeException | Error again) {
            log.error("could not journal the fatal error", again);
        }
    }

    // Shared ------------------------------------------------------------------------------------------------------

    /** Within one poll: the acceptor takes no more notes and a note waiting in escrow goes back. */
    private void stopCash() {
        try {
            Session session = stage.session;
            if (session != null && session.noteInEscrow != null) {
                acceptor.returnBill();
                session.noteInEscrow = null;
            }
            acceptor.disable();
        } catch (RuntimeException e) {
            log.error("could not stop the bill acceptor", e);
        }
    }

    private void auditOrKeep(String kind, String txn, String json) {
        try {
            writeUnwritten();
            orders.audit(kind, txn, json);
        } catch (JournalException e) {
            log.error("audit row {} not written now ({}); written when the journal works again", kind,
                    e.getMessage());
            unwritten.add(new String[] {kind, txn, json});
        }
    }

    private void writeUnwritten() {
        while (!unwritten.isEmpty()) {
            String[] row = unwritten.get(0);
            orders.audit(row[0], row[1], row[2]);
            unwritten.remove(0);
        }
    }

    private static String jsonSafe(String s) {
        if (s == null) {
            return "";
        }
        String cut = s.length() > 160 ? s.substring(0, 160) : s;
        return cut.replaceAll("[\"\\\\\\p{Cntrl}]", " ");
    }
}
