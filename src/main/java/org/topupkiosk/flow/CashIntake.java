package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.*;

import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.fiscal.FiscalDesk;
import org.topupkiosk.flow.goods.GoodsSales;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.JournalException;

/**
 * The cash screens and the bill acceptor: notes offered, stacked (credited to the order in the journal before the
 * screen shows them), returned and refused, a note found at power-up, acceptor faults, a credit voucher scanned into the
 * order, and cancelling into a printed credit voucher. A bill is credited only on "stacked", never on "escrow".
 */
final class CashIntake {

    private static final Logger log = LoggerFactory.getLogger(CashIntake.class);

    private final Stage stage;
    private final OrderDesk orders;
    private final BillAcceptor acceptor;
    private final FlowSettings settings;
    private final Payments payments;
    private final SafeStop safeStop;
    private final StrayNotes stray;
    private boolean acceptorFault;
    /** The code of the fault that took the acceptor out of service (for the health endpoint), null without one. */
    private String faultCode;
    /** Issue 13: the fiscal register, the flow's executor and its publish; all null with fiscal registration off. */
    private FiscalDesk fiscal;
    private FlowExecutor flow;
    private Runnable publish;

    CashIntake(Stage stage, OrderDesk orders, BillAcceptor acceptor, FlowSettings settings, Payments payments,
               SafeStop safeStop, StrayNotes stray) {
        this.stage = stage;
        this.orders = orders;
        this.acceptor = acceptor;
        this.settings = settings;
        this.payments = payments;
        this.safeStop = safeStop;
        this.stray = stray;
    }

    /** The acceptor reported a fault that keeps it from taking cash, and has not recovered since. */
    boolean faulted() {
        return acceptorFault;
    }

    /** The acceptor's fault code ("cassette-removed", "offline"...) while {@link #faulted()}, else null. */
    String faultCode() {
        return acceptorFault ? faultCode : null;
    }

    /** Issue 13: the fiscal register; no cash is taken while it cannot register. */
    void attachFiscal(FiscalDesk desk, FlowExecutor flow, Runnable publish) {
        this.fiscal = desk;
        this.flow = flow;
        this.publish = publish;
    }

    /** To the cash screen, with the acceptor taking the accepted notes (unless it is out of service). */
    void enter() {
        stage.moveTo(CASH_INSERTION);
        if (fiscal != null && !fiscal.ready()) {
            stage.message = FlowMessage.warning("fiscal.out_of_service");
        } else if (!acceptorFault) {
            enableAcceptor();
            checkFiscal();
        } else {
            stage.message = FlowMessage.warning("cash.acceptor_unavailable");
        }
    }

    /**
     * The register's status asked again as the customer starts to pay (the cached one is up to a poll old): a register
     * that cannot register stops the acceptor before more cash goes in; cash already in stays the customer's (Cancel
     * gives it back on a credit voucher).
     */
    private void checkFiscal() {
        if (fiscal == null) {
            return;
        }
        long token = stage.session.token;
        fiscal.check(ok -> flow.execute(() -> {
            if (!ok && stage.hasSession(token) && stage.screen == CASH_INSERTION) {
                acceptor.disable();
                stage.message = FlowMessage.warning("fiscal.out_of_service");
                publish.run();
            }
        }));
    }

    private void enableAcceptor() {
        acceptor.enable(Set.copyOf(settings.acceptedNotes()));
    }

    boolean onCashInsertion(FlowCommand command) {
        Session session = stage.session;
        if (command instanceof Pay) {
            if (session.noteInEscrow != null) {
                return false;
            }
            if (session.toBalance().lessThan(session.minAmount)) {
                stage.message = FlowMessage.error("pay.below_min", session.fee().cashNeededFor(session.minAmount));
                return true;
            }
            acceptor.disable();
            stage.message = null;
            stage.moveTo(CONFIRM);
        } else if (command instanceof Back) {
            if (session.hasFunds() || session.noteInEscrow != null) {
                return false;
            }
            acceptor.disable();
            orders.cancel(session.txnId, "back-before-cash");
            session.txnId = null;
            stage.moveTo(session.product != null ? PACKAGE_DETAILS
                    : GoodsSales.owns(session) ? GOODS_DETAILS : AMOUNT_ENTRY);
        } else {
            return onCancel(command);
        }
        return true;
    }

    boolean onConfirm(FlowCommand command) {
        if (command instanceof Confirm) {
            payments.submit();
        } else if (command instanceof Back) {
            stage.message = null;
            enter();
        } else {
            return onCancel(command);
        }
        return true;
    }

    private boolean onCancel(FlowCommand command) {
        if (command instanceof Cancel) {
            cancelWithCredit("customer-cancel");
        } else if (command instanceof StartOver) {
            cancelWithCredit("customer-start-over");
        } else {
            return false;
        }
        return true;
    }

    /** Ends a session that holds money by turning the money into a printed credit voucher. */
    void cancelWithCredit(String reason) {
        Session session = stage.session;
        returnEscrow(session);
        acceptor.disable();
        Optional<CustomerCredit> credit = session.txnId == null ? Optional.empty() : orders.cancel(session.txnId, reason);
        if (credit.isPresent()) {
            payments.showCredit(credit.get());
        } else {
            stage.endSession();
        }
    }

    private void returnEscrow(Session session) {
        if (session.noteInEscrow != null) {
            acceptor.returnBill();
            session.noteInEscrow = null;
        }
    }

    /**
     * Nobody touched the cash screens for a while: with no money the order is cancelled; with enough money it is paid,
     * as the customer meant; with too little it becomes a credit voucher.
     */
    void onInactivity() {
        Session session = stage.session;
        returnEscrow(session);
        if (!session.hasFunds()) {
            acceptor.disable();
            orders.cancel(session.txnId, "inactivity");
            stage.endSession();
        } else if (!session.toBalance().lessThan(session.minAmount)) {
            // The customer chose this number and put the money in; paying it is what they meant.
            payments.submit();
        } else {
            cancelWithCredit("inactivity-below-minimum");
        }
    }

    void onBillEvent(BillEvent event) {
        log.info("bill event {} screen={}", event, stage.screen);
        if (stage.session != null && (event instanceof BillEvent.Returned
                || event instanceof BillEvent.PowerUpWithBill || event instanceof BillEvent.Recovered)) {
            // Whatever was in escrow has gone: given back, or lost to a power cut or a reconnect (which the device
            // answers with a RESET that returns it). A flag left set would refuse Pay for the rest of the session.
            stage.session.noteInEscrow = null;
        }
        if (event instanceof BillEvent.Escrowed e) {
            onEscrow(e.amount());
        } else if (event instanceof BillEvent.Stacked s) {
            onStacked(s.amount(), s.noteId(), s.ref());
        } else if (event instanceof BillEvent.Rejected) {
            if (stage.screen == CASH_INSERTION) {
                stage.message = FlowMessage.warning("cash.note_rejected");
            }
        } else if (event instanceof BillEvent.PowerUpWithBill p) {
            onPowerUpWithBill(p);
        } else if (event instanceof BillEvent.Fault f) {
            onAcceptorFault(f);
        } else if (event instanceof BillEvent.Recovered) {
            onRecovered();
        }
        if (stage.session != null && stage.screen == CASH_INSERTION) {
            stage.activity();
        }
    }

    private void onEscrow(Money note) {
        Session session = stage.session;
        if (stage.screen != CASH_INSERTION || session == null || session.txnId == null) {
            acceptor.returnBill();
            return;
        }
        if (!session.admits(note)) {
            log.info("note returned txn={} note={} limit={}", session.txnId, note.plain(), session.cashLimit.plain());
            acceptor.returnBill();
            stage.message = session.cashCap != null && !session.funds().lessThan(session.cashCap)
                    ? FlowMessage.warning("goods.note_returned_covered")
                    : FlowMessage.warning("cash.note_returned_limit", session.cashLimit);
            return;
        }
        session.noteInEscrow = note;
        acceptor.stack(session.txnId);
    }

    /**
     * {@code ref} is the order the note was stacked for, when the driver kept it (a note raised again after a journal
     * failure or a restart): it is credited there, whatever is open now. While the journal cannot write, the note is
     * held unacknowledged (see {@link SafeStop}); a failed write stops the cash.
     */
    private void onStacked(Money note, String noteId, String ref) {
        Session session = stage.session;
        boolean here = session != null && session.txnId != null
                && (stage.screen == CASH_INSERTION || stage.screen == CONFIRM);
        String target = ref != null ? ref : here ? session.txnId : null;
        if (safeStop.journalDown()) {
            safeStop.hold(note, noteId, target);
            return;
        }
        try {
            onStacked(note, noteId, ref, here && session.txnId.equals(target));
        } catch (JournalException e) {
            safeStop.journalFailed(e, note, noteId, target);
        }
    }

    private void onStacked(Money note, String noteId, String ref, boolean forThisSession) {
        Session session = stage.session;
        if (forThisSession) {
            session.noteInEscrow = null;
            if (orders.creditNote(session.txnId, note, noteId)) {
                session.cash = session.cash.plus(note);
            }
            acceptor.acknowledge(noteId);
            stage.message = null;
        } else if (ref != null) {
            // Stacked for another order (raised again after a journal failure or a restart): that order while it is
            // open, else a credit voucher.
            Optional<CustomerCredit> credit = stray.creditToItsOrder(note, noteId, ref);
            acceptor.acknowledge(noteId);
            credit.ifPresent(stray::deliver);
        } else {
            // A note that lands after its session ended (timeout, cancel racing the stacker): the cash is real, so it
            // becomes a credit voucher at once rather than a silent gain for the kiosk.
            Optional<CustomerCredit> credit = orders.creditWithoutOrder(note, noteId, "stacked-outside-session");
            acceptor.acknowledge(noteId);
            credit.ifPresent(stray::late);
        }
    }

    private void onPowerUpWithBill(BillEvent.PowerUpWithBill p) {
        orders.audit("acceptor_powerup_with_bill", txnOrNull(),
                "{\"where\":\"" + p.where() + "\",\"amount\":" + (p.amount() == null ? "null" : p.amount().minor()) + "}");
        if (p.where() != BillEvent.PowerUpWithBill.Location.STACKER) {
            return;
        }
        if (p.amount() == null) {
            log.error("power-up with an unidentified note in the stacker: left for encashment reconciliation");
            return;
        }
        onStacked(p.amount(), p.noteId(), p.ref());
    }

    private void onAcceptorFault(BillEvent.Fault f) {
        orders.audit("acceptor_fault", txnOrNull(), "{\"code\":\"" + f.code() + "\"}");
        if (!f.outOfService()) {
            return;
        }
        acceptorFault = true;
        faultCode = f.code();
        if (stage.screen == CASH_INSERTION) {
            stage.message = FlowMessage.warning("cash.acceptor_unavailable");
        } else if (stage.session == null || stage.screen == IDLE) {
            stage.moveTo(OUT_OF_SERVICE);
        }
    }

    private void onRecovered() {
        acceptorFault = false;
        orders.audit("acceptor_recovered", null, "{}");
        if (stage.screen == OUT_OF_SERVICE) {
            stage.endSession();
        } else if (stage.screen == CASH_INSERTION && stage.session != null) {
            // The customer is still at the cash screen: take notes again (jam cleared, cash box back).
            enableAcceptor();
            stage.message = null;
        }
    }

    /**
     * Redeems a credit voucher into the open order: journaled (the voucher marked spent, the order credited) before
     * the screen shows it, so a crash after this resumes the order with the credit counted and a cancel returns cash
     * plus credit as one new voucher.
     */
    void applyScannedCredit(String code) {
        Session session = stage.session;
        if (session == null || session.txnId == null) {
            stage.message = FlowMessage.warning("scan.not_here.credit_voucher");
            return;
        }
        Optional<CustomerCredit> known = orders.credit(code);
        if (known.isEmpty()) {
            stage.message = FlowMessage.error("scan.credit.unknown");
            return;
        }
        Money after = session.funds().plus(known.get().amount());
        if (session.fee().toBalance(after).greaterThan(session.maxAmount)) {
            stage.message = FlowMessage.error("scan.credit.over_max", session.maxAmount);
            return;
        }
        try {
            CustomerCredit applied = orders.applyCredit(session.txnId, code);
            session.creditApplied = session.creditApplied.plus(applied.amount());
            stage.message = FlowMessage.info("scan.credit.applied", applied.amount());
        } catch (IllegalStateException e) {
            log.info("credit voucher refused txn={}: {}", session.txnId, e.getMessage());
            stage.message = FlowMessage.error("scan.credit.already_used");
        } catch (IllegalArgumentException e) {
            log.info("credit voucher refused txn={}: {}", session.txnId, e.getMessage());
            stage.message = FlowMessage.error("scan.credit.unknown");
        }
    }

    private String txnOrNull() {
        return stage.session == null ? null : stage.session.txnId;
    }
}
