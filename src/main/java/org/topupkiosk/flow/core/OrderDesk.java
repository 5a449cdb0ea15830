package org.topupkiosk.flow.core;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.OrderTerms;
import org.topupkiosk.sync.PaymentDispatch;

/**
 * The flow's money verbs, each one journal transaction: open an order, credit a stacked note, submit, cancel into a
 * credit voucher. The crash points mark the moments the chaos harness kills the process at.
 */
public record OrderDesk(Journal journal, PaymentDispatch dispatch, CrashPoints crash) {

    private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);

    public String open(Session s) {
        // A package's price and product are journaled with the order: a restart resumes it with both.
        Order order = s.product == null ? journal.openOrder("topup", s.msisdn, s.operator.id(), null)
                : journal.openOrder("package", s.msisdn, s.operator.id(), s.product.productId(),
                        ProductTerms.of(s.product));
        log.info("order opened txn={} number={} operator={} offline={}", order.txnId(), s.msisdn, s.operator.id(),
                s.offline);
        return order.txnId();
    }

    /** Credits a stacked note to the session's order; false when the journal already had this note id. */
    public boolean creditNote(String txnId, Money note, String noteId) {
        crash.reach("stacked-before-commit");
        boolean fresh = journal.recordStacked(txnId, note, noteId);
        crash.reach("stacked-after-commit");
        return fresh;
    }

    /**
     * A note with no order to go to (it landed after its session ended, or was found at power-up): a credit voucher
     * for it, or empty when the journal already had this note (the device repeating itself), so no second voucher.
     */
    public Optional<CustomerCredit> creditWithoutOrder(Money note, String noteId, String reason) {
        if (journal.knowsNote(noteId)) {
            return Optional.empty();
        }
        return Optional.of(journal.recordStackedWithoutOrder(note, noteId, reason));
    }

    /** OPEN to PENDING with the payment frozen in the outbox, then a nudge to the dispatcher. */
    public void submit(Session s) {
        Money toBalance = s.toBalance();
        Money fee = s.feeNow();
        Order order = journal.order(s.txnId).orElseThrow();
        PaymentRequest request = new PaymentRequest(order.txnId(), order.msisdn(), order.operatorId(), toBalance,
                order.productId(), order.createdAt(), s.promo == null ? null : s.promo.id());
        journal.submit(s.txnId, toBalance, fee, s.offline, dispatch.payload(request));
        crash.reach("submitted");
        log.info("order submitted txn={} toBalance={} fee={} offline={}", s.txnId, toBalance.plain(), fee.plain(),
                s.offline);
        dispatch.kick();
    }

    /** The credit voucher with this code, spent or not; empty when the journal never issued it. */
    public Optional<CustomerCredit> credit(String code) {
        return journal.credit(code);
    }

    /** Redeems a credit voucher into the open order (one journal transaction); see {@link Journal#applyCredit}. */
    public CustomerCredit applyCredit(String txnId, String code) {
        crash.reach("credit-before-commit");
        CustomerCredit credit = journal.applyCredit(txnId, code);
        crash.reach("credit-after-commit");
        log.info("credit applied txn={} amount={}", txnId, credit.amount().plain());
        return credit;
    }

    public Optional<CustomerCredit> cancel(String txnId, String reason) {
        Optional<CustomerCredit> credit = journal.cancel(txnId, reason);
        log.info("order cancelled txn={} reason={} credit={}", txnId, reason, credit.map(c -> c.amount().plain()));
        return credit;
    }

    /**
     * Money already queued for a carrier that was not answering: the offline allowance is what is left of the limit.
     */
    public Money offlineQueued() {
        Money queued = Money.ZERO_RUB;
        for (Order o : journal.ordersByStatus(OrderStatus.PENDING)) {
            if (o.offline()) {
                queued = queued.plus(o.paid());
            }
        }
        return queued;
    }

    public Optional<Order> openOrder() {
        return journal.findOpenOrder();
    }

    /** What a package, e-PIN or eSIM order was opened for; empty for a top-up (or an order from before V5). */
    public Optional<OrderTerms> terms(String txnId) {
        return journal.terms(txnId);
    }

    public Order order(String txnId) {
        return journal.order(txnId).orElseThrow();
    }

    public void audit(String kind, String txnId, String dataJson) {
        journal.audit(kind, txnId, dataJson);
    }
}
