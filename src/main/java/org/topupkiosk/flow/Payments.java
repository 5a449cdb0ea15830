package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.CREDIT_VOUCHER;
import static org.topupkiosk.flow.core.Screen.DONE;
import static org.topupkiosk.flow.core.Screen.RECEIPT;
import static org.topupkiosk.flow.core.Screen.SUBMITTING;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot.ReceiptState;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.fiscal.FiscalDesk;
import org.topupkiosk.flow.fiscal.FiscalOutcome;
import org.topupkiosk.flow.fiscal.FiscalReceipts;
import org.topupkiosk.flow.goods.GoodsSales;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.FiscalIntent;
import org.topupkiosk.journal.Order;
import org.topupkiosk.sync.PaymentOutcome;

/**
 * From Confirm to paper: the payment frozen in the outbox, the wait for the carrier's answer, the receipt (or the
 * credit voucher of a refusal) printed, and the done screen that ends the session by itself.
 */
final class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    /** The message of a note that arrived after its session ended; see {@link #printLateCredit}. */
    static final String LATE_NOTE = "credit.late_note";

    private final Stage stage;
    private final FlowExecutor flow;
    private final OrderDesk orders;
    private final BillAcceptor acceptor;
    private final ReceiptDesk receipts;
    private final FlowSettings settings;
    private final CustomerServices services;
    private final GoodsSales goods;
    private final Runnable publish;
    private FiscalDesk fiscal;
    /** The order whose fiscal document is journaled, so submit goes on to the carrier. */
    private String fiscalDone;

    Payments(Stage stage, FlowExecutor flow, OrderDesk orders, BillAcceptor acceptor, ReceiptDesk receipts,
             FlowSettings settings, CustomerServices services, GoodsSales goods, Runnable publish) {
        this.stage = stage;
        this.flow = flow;
        this.orders = orders;
        this.acceptor = acceptor;
        this.receipts = receipts;
        this.settings = settings;
        this.services = services;
        this.goods = goods;
        this.publish = publish;
    }

    /** Issue 13: the fiscal register, or null with fiscal registration off. */
    void attachFiscal(FiscalDesk desk) {
        this.fiscal = desk;
    }

    void submit() {
        Session session = stage.session;
        acceptor.disable();
        if (fiscal != null && !session.txnId.equals(fiscalDone)) {
            registerFirst(session);
            return;
        }
        if (GoodsSales.owns(session)) {
            goods.submit();
            return;
        }
        session.promo = services.promotionAtSubmit(session);
        orders.submit(session);
        stage.moveTo(SUBMITTING);
        if (session.offline) {
            session.paymentStatus = PaymentStatus.PENDING;
            printReceipt();
        } else {
            long token = session.token;
            stage.step(flow.schedule(() -> onSubmitWaitOver(token), settings.submitWait()));
        }
    }

    /**
     * Issue 13: the payment agent registers the payment when it takes the money, before the payment goes to the carrier
     * (docs/fiscal.md, "When the kiosk registers"). The order stays OPEN until the register answers: registered, it is
     * submitted as before; not registered, its money becomes a credit voucher and the register's fault keeps the kiosk
     * out of service.
     */
    private void registerFirst(Session session) {
        FiscalReceipt receipt;
        try {
            receipt = GoodsSales.owns(session) ? goods.fiscalReceipt(fiscal.settings())
                    : FiscalReceipts.sale(fiscal.settings(), fiscalItemName(session), session.operator.id(),
                            session.toBalance().minor(), session.feeNow().minor(), session.funds().minor());
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.error("fiscal receipt not composed txn={}: {}", session.txnId, e.getMessage());
            notRegistered(session, new FiscalOutcome.NotRegistered(session.txnId, e.getMessage(), false));
            return;
        }
        stage.moveTo(SUBMITTING);
        long token = session.token;
        fiscal.register(session.txnId, receipt, outcome -> flow.execute(() -> onFiscal(token, outcome)));
    }

    private static String fiscalItemName(Session session) {
        if (session.product != null) {
            return session.product.titles().getOrDefault("ru", session.product.productId());
        }
        return FiscalReceipts.topUpItem(session.msisdn);
    }

    private void onFiscal(long token, FiscalOutcome outcome) {
        Session session = stage.session;
        if (session == null || session.token != token || !outcome.txnId().equals(session.txnId)
                || stage.screen != SUBMITTING) {
            // The session ended under it (a safe stop): the next start submits or cancels the order by its journal.
            log.warn("fiscal outcome for a session that ended txn={} outcome={}", outcome.txnId(),
                    outcome.getClass().getSimpleName());
            return;
        }
        if (outcome instanceof FiscalOutcome.Registered) {
            fiscalDone = session.txnId;
            submit();
        } else {
            notRegistered(session, (FiscalOutcome.NotRegistered) outcome);
        }
        publish.run();
    }

    /** Selling without a fiscal receipt is not legal: the order's money becomes a printed credit voucher. */
    private void notRegistered(Session session, FiscalOutcome.NotRegistered outcome) {
        log.warn("payment not registered txn={} reason={} unknown={}: cancelled into a credit voucher",
                session.txnId, outcome.reason(), outcome.unknown());
        Optional<CustomerCredit> credit = orders.cancel(session.txnId, "fiscal-not-registered");
        if (credit.isPresent()) {
            showCredit(credit.get());
        } else {
            stage.endSession();
        }
    }

    /**
     * After a restart, an open order the customer had confirmed (its fiscal intent is journaled): registered, it is
     * submitted now as the customer meant; given up or unresolved, its money becomes a credit voucher. False when the
     * order was never confirmed (it goes back to the cash screen).
     */
    boolean resumeConfirmed(Session session) {
        if (fiscal == null) {
            return false;
        }
        Optional<FiscalIntent> intent = orders.journal().fiscal().intent(session.txnId, FiscalIntent.INCOME);
        if (intent.isEmpty()) {
            return false;
        }
        if (orders.journal().fiscal().document(session.txnId, FiscalIntent.INCOME).isPresent()) {
            log.info("resuming a registered order confirmed before the restart txn={}", session.txnId);
            fiscalDone = session.txnId;
            submit();
        } else {
            notRegistered(session, new FiscalOutcome.NotRegistered(session.txnId, "not registered before the restart",
                    !orders.journal().fiscal().givenUp(intent.get().id())));
        }
        return true;
    }

    private void onSubmitWaitOver(long token) {
        if (stage.isCurrent(token, SUBMITTING)) {
            stage.session.paymentStatus = PaymentStatus.PENDING;
            printReceipt();
            publish.run();
        }
    }

    void onOutcome(PaymentOutcome outcome) {
        Session session = stage.session;
        if (GoodsSales.owns(session) && outcome.txnId().equals(session.txnId)) {
            goods.onOutcome(outcome);
            return;
        }
        if (session == null || !outcome.txnId().equals(session.txnId)) {
            return;
        }
        if (stage.screen != SUBMITTING) {
            onAnswerAfterTheWait(session, outcome);
            return;
        }
        if (outcome instanceof PaymentOutcome.Confirmed) {
            session.paymentStatus = PaymentStatus.CREDITED;
        } else if (outcome instanceof PaymentOutcome.Refused r) {
            session.paymentStatus = PaymentStatus.REFUSED;
            session.credit = r.credit();
        } else {
            return;
        }
        stage.cancelStep();
        printReceipt();
        publish.run();
    }

    /**
     * Issue 12 item 2: the carrier answered after the submit wait while the customer still looks at the pending
     * receipt or the done screen: a refusal's voucher is shown and printed now (behind the pending receipt); a
     * confirmation updates the screen. Once the customer has gone, the claim code on the pending receipt is the way in.
     */
    private void onAnswerAfterTheWait(Session session, PaymentOutcome outcome) {
        if ((stage.screen != RECEIPT && stage.screen != DONE) || session.paymentStatus != PaymentStatus.PENDING) {
            return;
        }
        if (outcome instanceof PaymentOutcome.Confirmed) {
            session.paymentStatus = PaymentStatus.CREDITED;
        } else if (outcome instanceof PaymentOutcome.Refused r) {
            session.paymentStatus = PaymentStatus.REFUSED;
            stage.cancelStep();
            showCredit(r.credit());
        }
        publish.run();
    }

    private void printReceipt() {
        Session session = stage.session;
        Order order = orders.order(session.txnId);
        stage.moveTo(RECEIPT);
        session.receipt = ReceiptState.PRINTING;
        session.qrPayload = receipts.lookupLink(order.txnId());
        long token = session.token;
        receipts.printPayment(order, session.operator, session.paymentStatus, stage.lang, session.credit,
                session.product, session.promo, ok -> flow.execute(() -> onPrinted(token, ok)));
    }

    void onPrinted(long token, boolean ok) {
        if (!stage.hasSession(token)) {
            return;
        }
        Session session = stage.session;
        session.receipt = ok ? ReceiptState.PRINTED : ReceiptState.FAILED;
        if (stage.screen == RECEIPT) {
            // A scratch card the carrier did not confirm keeps its explanation on the done screen; so does the note
            // that arrived late (its voucher prints behind this receipt).
            boolean keep = ok && stage.message != null && (session.service == Service.VOUCHER
                    || LATE_NOTE.equals(stage.message.key()));
            stage.message = keep ? stage.message : ok ? null : FlowMessage.warning("receipt.failed");
            stage.moveTo(session.paymentStatus == PaymentStatus.REFUSED ? CREDIT_VOUCHER : DONE);
            scheduleFinish();
        }
        publish.run();
    }

    /** Prints a credit voucher for money the customer cannot spend here now, and shows it. */
    void showCredit(CustomerCredit credit) {
        if (stage.session == null) {
            stage.session = stage.newSession();
        }
        Session session = stage.session;
        session.credit = credit;
        session.receipt = ReceiptState.PRINTING;
        session.qrPayload = credit.code();
        stage.message = FlowMessage.info("credit.issued", credit.amount(), credit.code());
        stage.moveTo(RECEIPT);
        long token = session.token;
        receipts.printCredit(credit, stage.lang, ok -> flow.execute(() -> {
            if (stage.hasSession(token)) {
                stage.session.receipt = ok ? ReceiptState.PRINTED : ReceiptState.FAILED;
                if (stage.screen == RECEIPT) {
                    stage.moveTo(CREDIT_VOUCHER);
                    scheduleFinish();
                }
                publish.run();
            }
        }));
    }

    /**
     * A note stacked after its session ended while a receipt is on its way or the screen cannot show a voucher: the
     * voucher is stored in the journal (by the desk, before it prints) and queued on the printer behind the receipt in
     * progress; the screen says "take this voucher too" without leaving the receipt it shows.
     */
    void printLateCredit(CustomerCredit credit) {
        stage.message = FlowMessage.info(LATE_NOTE, credit.amount(), credit.code());
        receipts.printCredit(credit, stage.lang, ok -> flow.execute(() -> {
            if (!ok && stage.session != null) {
                stage.message = FlowMessage.warning("receipt.failed");
                publish.run();
            }
        }));
    }

    private void scheduleFinish() {
        long token = stage.session.token;
        stage.step(flow.schedule(() -> {
            if (stage.hasSession(token) && (stage.screen == DONE || stage.screen == CREDIT_VOUCHER)) {
                stage.endSession();
                publish.run();
            }
        }, settings.finishAfter()));
    }
}
