package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.CREDIT_VOUCHER;
import static org.topupkiosk.flow.core.Screen.DONE;
import static org.topupkiosk.flow.core.Screen.RECEIPT;
import static org.topupkiosk.flow.core.Screen.SUBMITTING;

import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot.ReceiptState;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.goods.GoodsSales;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Order;
import org.topupkiosk.sync.PaymentOutcome;

/**
 * From Confirm to paper: the payment frozen in the outbox, the wait for the carrier's answer, the receipt (or the
 * credit voucher of a refusal) printed, and the done screen that ends the session by itself.
 */
final class Payments {

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

    void submit() {
        Session session = stage.session;
        acceptor.disable();
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
