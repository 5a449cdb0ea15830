package org.topupkiosk.flow.fiscal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.FiscalRegister;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.journal.FiscalIntent;
import org.topupkiosk.journal.FiscalJournal;
import org.topupkiosk.journal.FiscalRecord;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;

/**
 * Registration with the journal around it, blocking (the caller's thread is the register's): the intent journaled
 * before the receipt is sent, the document journaled when it comes back, and after a failure or a restart the
 * register's last document compared with the intent (same sign and sum, a number above the one before the intent, a
 * time after it): a match is adopted, never registered twice; an intent with no document is sent again while its
 * order still wants it, never left unregistered; a receipt left open in the register is cancelled first.
 */
final class FiscalRegistrar {

    private static final Logger log = LoggerFactory.getLogger(FiscalRegistrar.class);
    /** How far the register's clock may be from the kiosk's when a document is matched with its intent. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(15);

    private final FiscalRegister register;
    private final Journal journal;
    private final FiscalJournal fiscal;
    private final FiscalSettings settings;
    private final CrashPoints crash;
    private final Clock clock;

    FiscalRegistrar(FiscalRegister register, Journal journal, FiscalSettings settings, CrashPoints crash, Clock clock) {
        this.register = register;
        this.journal = journal;
        this.fiscal = journal.fiscal();
        this.settings = settings;
        this.crash = crash;
        this.clock = clock;
    }

    /**
     * Why the register cannot register now (paper out, FN expired, a receipt it cannot cancel), or null when it can.
     * Cancels a receipt left open. Opens no shift: with no shift open the register can still register, since a sale
     * asks for one ({@link #prepareSale()}).
     */
    String prepare() throws DeviceException {
        return problem(register.status());
    }

    /**
     * {@link #prepare()}, then a shift for the receipt when none is open, asked of the register: in the kiosk that is
     * the shift keeper's register (flow/fiscalshift/ShiftKeptRegister), so the keeper alone decides and journals every
     * opening.
     */
    private String prepareSale() throws DeviceException {
        FiscalStatus st = register.status();
        String problem = problem(st);
        if (problem == null && !st.shiftOpen()) {
            FiscalDocument opened = register.openShift(settings.cashier());
            log.info("fiscal shift open number={} fd={}", opened.shiftNumber(), opened.number());
        }
        return problem;
    }

    private String problem(FiscalStatus st) throws DeviceException {
        if (st.receiptOpen()) {
            log.warn("fiscal register has a receipt left open: cancelled");
            register.cancelOpenReceipt();
        }
        if (st.paper() == FiscalStatus.Paper.OUT) {
            return "fiscal register: paper out";
        }
        if (st.fnValidUntil().isBefore(LocalDate.now(clock.withZone(settings.registerZone())))) {
            return "fiscal register: fiscal storage " + st.fnSerial() + " expired on " + st.fnValidUntil();
        }
        return null;
    }

    /** Registers the order's receipt once; a repeat answers the journaled document. */
    FiscalOutcome register(String txnId, FiscalReceipt receipt) {
        String sign = receipt.sign().name();
        Optional<FiscalIntent> known = fiscal.intent(txnId, sign);
        if (known.isPresent()) {
            Optional<FiscalRecord> doc = fiscal.document(txnId, sign);
            if (doc.isPresent()) {
                return registered(txnId, doc.get(), sign);
            }
            return resolve(known.get());
        }
        long lastBefore;
        try {
            String problem = prepareSale();
            if (problem != null) {
                return new FiscalOutcome.NotRegistered(txnId, problem, false);
            }
            lastBefore = register.status().lastDocumentNumber();
        } catch (DeviceException e) {
            return new FiscalOutcome.NotRegistered(txnId, "fiscal register: " + e.getMessage(), false);
        }
        FiscalIntent intent = fiscal.intend(txnId, sign, receipt.totalMinor(), lastBefore,
                FiscalReceiptJson.write(receipt));
        crash.reach("fiscal-before-send");
        return send(intent, receipt);
    }

    /** After a restart: every open intent adopted, sent again, or given up (its order no longer wants it). */
    List<FiscalOutcome> recover() {
        List<FiscalOutcome> out = new ArrayList<>();
        for (FiscalIntent intent : fiscal.openIntents()) {
            FiscalOutcome o = resolve(intent);
            out.add(o);
            if (o instanceof FiscalOutcome.NotRegistered n && n.unknown()) {
                break; // the register does not answer: the rest waits for the next try
            }
        }
        return out;
    }

    private FiscalOutcome resolve(FiscalIntent intent) {
        try {
            FiscalStatus st = register.status();
            if (st.receiptOpen()) {
                log.warn("fiscal register has a receipt left open (txn={} intended): cancelled", intent.txnId());
                register.cancelOpenReceipt();
            }
            Optional<FiscalDocument> last = register.lastDocument();
            if (last.isPresent() && matches(intent, last.get())) {
                log.info("fiscal document {} adopted for txn={} (registered before the restart)", last.get().number(),
                        intent.txnId());
                return journalDocument(intent, last.get(), true);
            }
            if (!wanted(intent)) {
                fiscal.recordFailure(intent.id(), "order cancelled before its registration");
                return new FiscalOutcome.NotRegistered(intent.txnId(), "order cancelled", false);
            }
            String problem = prepareSale();
            if (problem != null) {
                return new FiscalOutcome.NotRegistered(intent.txnId(), problem, true);
            }
        } catch (DeviceException e) {
            return new FiscalOutcome.NotRegistered(intent.txnId(), "fiscal register: " + e.getMessage(), true);
        }
        log.info("fiscal intent of txn={} never registered: sending it now", intent.txnId());
        return send(intent, FiscalReceiptJson.read(intent.receiptJson()));
    }

    private FiscalOutcome send(FiscalIntent intent, FiscalReceipt receipt) {
        try {
            FiscalDocument doc = register.register(receipt);
            crash.reach("fiscal-after-close");
            return journalDocument(intent, doc, false);
        } catch (DeviceException e) {
            return afterFailure(intent, e);
        }
    }

    /**
     * The register failed or fell silent: its last document says whether it signed the receipt anyway. Signed: adopted.
     * Not signed: a sale is given up (the flow turns its money into a credit voucher), a refund stays open to be sent
     * again (its cash was handed back already). No answer at all: unknown, the intent stays open.
     */
    private FiscalOutcome afterFailure(FiscalIntent intent, DeviceException e) {
        String reason = "fiscal register: " + e.getMessage();
        log.warn("fiscal registration failed txn={} code={}", intent.txnId(), e.code());
        try {
            Optional<FiscalDocument> last = register.lastDocument();
            if (last.isPresent() && matches(intent, last.get())) {
                return journalDocument(intent, last.get(), true);
            }
            if (register.status().receiptOpen()) {
                register.cancelOpenReceipt();
            }
        } catch (DeviceException again) {
            return new FiscalOutcome.NotRegistered(intent.txnId(), reason, true);
        }
        if (FiscalIntent.INCOME_RETURN.equals(intent.sign())) {
            return new FiscalOutcome.NotRegistered(intent.txnId(), reason, true);
        }
        fiscal.recordFailure(intent.id(), reason);
        return new FiscalOutcome.NotRegistered(intent.txnId(), reason, false);
    }

    private FiscalOutcome journalDocument(FiscalIntent intent, FiscalDocument doc, boolean adopted) {
        FiscalRecord record = new FiscalRecord(doc.fnSerial(), doc.number(), doc.fiscalSign(), doc.dateTime().toString(),
                doc.sumMinor(), doc.shiftNumber(), adopted);
        fiscal.recordDocument(intent.id(), record);
        crash.reach("fiscal-after-journal");
        return registered(intent.txnId(), record, intent.sign());
    }

    private static FiscalOutcome registered(String txnId, FiscalRecord record, String sign) {
        return new FiscalOutcome.Registered(txnId, record, FiscalIntent.INCOME_RETURN.equals(sign));
    }

    /** The register's document is the intent's: same sign and sum, newer than anything before it, dated after it. */
    boolean matches(FiscalIntent intent, FiscalDocument doc) {
        FiscalDocument.Kind kind = FiscalIntent.INCOME.equals(intent.sign()) ? FiscalDocument.Kind.RECEIPT_INCOME
                : FiscalDocument.Kind.RECEIPT_INCOME_RETURN;
        if (doc.kind() != kind || doc.sumMinor() != intent.sumMinor() || doc.number() <= intent.lastDocBefore()
                || doc.number() <= fiscal.lastDocumentNumber(doc.fnSerial())) {
            return false;
        }
        Instant at = doc.dateTime().atZone(settings.registerZone()).toInstant();
        return !at.isBefore(intent.createdAt().minus(CLOCK_SLACK)) && !at.isAfter(clock.instant().plus(CLOCK_SLACK));
    }

    /** A refund is always owed its document; a sale while its order is open (confirmed, not yet queued) or paid. */
    private boolean wanted(FiscalIntent intent) {
        if (FiscalIntent.INCOME_RETURN.equals(intent.sign())) {
            return true;
        }
        return journal.order(intent.txnId()).map(Order::status).map(s -> s != OrderStatus.CANCELLED).orElse(false);
    }
}
