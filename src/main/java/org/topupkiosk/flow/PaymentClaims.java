package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.*;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot.ReceiptState;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.goods.GoodsSales;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.GoodsClaim;
import org.topupkiosk.journal.GoodsClaimCodes;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;

/**
 * A claim code scanned on any screen that takes codes (issue 12): every receipt of a payment whose outcome was not known
 * carries one. e-PIN and eSIM claims go to {@link GoodsSales}; a top-up's or package's claim shows the outcome: still
 * waiting (the outbox is nudged), confirmed (with the carrier's reference, printed), or refused (the refusal's credit
 * voucher, printed once: a second scan says it was given, never a second bearer voucher). On the cash screen a refused
 * payment's credit goes into the open order instead; nothing there leaves the customer's cash session.
 */
final class PaymentClaims {

    private static final Logger log = LoggerFactory.getLogger(PaymentClaims.class);

    private final Stage stage;
    private final FlowExecutor flow;
    private final OrderDesk orders;
    private final ReceiptDesk receipts;
    private final Catalog catalog;
    private final Payments payments;
    private final CashIntake cash;
    private final GoodsSales goods;

    PaymentClaims(Stage stage, FlowExecutor flow, OrderDesk orders, ReceiptDesk receipts, Catalog catalog,
                  Payments payments, CashIntake cash, GoodsSales goods) {
        this.stage = stage;
        this.flow = flow;
        this.orders = orders;
        this.receipts = receipts;
        this.catalog = catalog;
        this.payments = payments;
        this.cash = cash;
        this.goods = goods;
    }

    void scanned(String code) {
        Optional<GoodsClaim> found = GoodsClaimCodes.isValid(code) ? orders.journal().claim(code) : Optional.empty();
        if (found.isEmpty()) {
            stage.message = FlowMessage.error("goods.claim.unknown");
            return;
        }
        Order order = orders.order(found.get().txnId());
        if (stage.screen == CASH_INSERTION) {
            onCashScreen(order);
            return;
        }
        if (stage.screen == NUMBER_ENTRY || stage.screen == VOUCHER_PIN) {
            // Nothing is paid on these screens: the claim takes over from the service being chosen.
            stage.moveTo(HOME);
        }
        if (order.isGoods()) {
            goods.claimScanned(code);
            return;
        }
        orders.audit("payment_claimed", order.txnId(),
                "{\"status\":\"" + order.status().name().toLowerCase(Locale.ROOT) + "\"}");
        log.info("payment claim scanned txn={} status={}", order.txnId(), order.status());
        switch (order.status()) {
            case PENDING -> {
                orders.dispatch().kick();
                stage.message = FlowMessage.info("claim.payment.waiting");
            }
            case CONFIRMED -> printOutcome(order);
            case REFUSED -> giveRefund(order);
            default -> stage.message = FlowMessage.error("goods.claim.unknown");
        }
    }

    private void printOutcome(Order order) {
        Optional<Operator> op = catalog.operator(order.operatorId());
        if (op.isEmpty()) {
            stage.message = FlowMessage.error("goods.claim.unknown");
            return;
        }
        var session = stage.session;
        session.paymentStatus = PaymentStatus.CREDITED;
        session.receipt = ReceiptState.PRINTING;
        stage.moveTo(RECEIPT);
        long token = session.token;
        receipts.printClaimOutcome(order, op.get(), stage.lang, ok -> flow.execute(() -> payments.onPrinted(token, ok)));
        stage.message = FlowMessage.info("claim.payment.confirmed", ref(order));
    }

    private void giveRefund(Order order) {
        Optional<CustomerCredit> refund = refundOf(order);
        if (refund.isEmpty()) {
            stage.message = FlowMessage.warning("goods.claim.refund_used");
        } else if (receipts.voucherPrinted(refund.get())) {
            stage.message = FlowMessage.warning("claim.refund_given");
        } else {
            stage.session.paymentStatus = PaymentStatus.REFUSED;
            payments.showCredit(refund.get());
            stage.message = FlowMessage.info("goods.claim.refused");
        }
    }

    /** On the cash screen: a refusal's credit not yet on paper joins the open order; the rest is said, not shown. */
    private void onCashScreen(Order order) {
        if (order.status() == OrderStatus.REFUSED) {
            Optional<CustomerCredit> refund = refundOf(order);
            if (refund.isEmpty()) {
                stage.message = FlowMessage.warning("goods.claim.refund_used");
            } else if (receipts.voucherPrinted(refund.get())) {
                stage.message = FlowMessage.warning("claim.refund_given");
            } else {
                cash.applyScannedCredit(refund.get().code());
            }
        } else if (order.status() == OrderStatus.PENDING) {
            orders.dispatch().kick();
            stage.message = FlowMessage.info("claim.payment.waiting");
        } else if (order.status() == OrderStatus.CONFIRMED && !order.isGoods()) {
            catalog.operator(order.operatorId()).ifPresent(op ->
                    receipts.printClaimOutcome(order, op, stage.lang, ok -> { }));
            stage.message = FlowMessage.info("claim.payment.confirmed", ref(order));
        } else {
            stage.message = FlowMessage.warning("claim.finish_first");
        }
    }

    private Optional<CustomerCredit> refundOf(Order order) {
        return orders.journal().openCredits().stream().filter(c -> order.txnId().equals(c.sourceTxn())).findFirst();
    }

    private static String ref(Order order) {
        return order.carrierRef() == null ? "-" : order.carrierRef();
    }
}
