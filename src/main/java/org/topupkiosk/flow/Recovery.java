package org.topupkiosk.flow;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.ProductTerms;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.goods.GoodsSales;
import org.topupkiosk.flow.topup.TopUpSteps;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderTerms;

/**
 * What the journal says was in progress when the process stopped: an open order goes back to the cash screen (a
 * package, e-PIN or eSIM with the product and price it was opened for), an order that cannot be resumed becomes a
 * credit voucher, and receipts not yet printed are printed.
 */
record Recovery(Stage stage, OrderDesk orders, Catalog catalog, FlowSettings settings, ReceiptDesk receipts,
                CashIntake cash, Payments payments, GoodsSales goods) {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    void recover() {
        resumeOpenOrder();
        receipts.reprintRecent();
        receipts.printMissingVouchers(settings.defaultLanguage());
    }

    /** The journal's open order back on its cash screen, or on a credit voucher when it cannot be resumed. */
    void resumeOpenOrder() {
        Optional<Order> open = orders.openOrder();
        if (open.isPresent() && catalog.operator(open.get().operatorId()).isEmpty()) {
            orders.cancel(open.get().txnId(), "recovery-unknown-operator").ifPresent(payments::showCredit);
        } else if (open.isPresent() && (GoodsSales.isGoods(open.get()) || open.get().productId() != null)) {
            resumeProduct(open.get());
        } else if (open.isPresent()) {
            resume(open.get());
        }
    }

    /**
     * A package, e-PIN or eSIM goes back to the cash screen with the product and price journaled when it opened. An
     * order without readable terms (opened before they were journaled) cannot be resumed honestly: its money becomes a
     * credit voucher.
     */
    private void resumeProduct(Order order) {
        Optional<OrderTerms> terms = orders.terms(order.txnId());
        Operator op = catalog.operator(order.operatorId()).orElseThrow();
        if (terms.isPresent() && GoodsSales.isGoods(order)) {
            Session session = stage.newSession();
            if (goods.resume(session, order, terms.get(), op)) {
                stage.session = session;
                continueOrder(session, order);
                return;
            }
        } else if (terms.isPresent()) {
            Optional<CatalogEntry> product = ProductTerms.packageOf(terms.get())
                    .filter(p -> p.productId().equals(order.productId()) && p.operatorId().equals(op.id()));
            if (product.isPresent()) {
                resume(order);
                Session session = stage.session;
                session.service = Service.PACKAGE;
                session.product = product.get();
                session.amount = product.get().price();
                session.minAmount = product.get().price();
                return;
            }
        }
        log.warn("open {} order txn={} has no readable product terms: cancelled into a credit voucher", order.kind(),
                order.txnId());
        orders.cancel(order.txnId(), GoodsSales.isGoods(order) ? "recovery-goods" : "recovery-package")
                .ifPresent(payments::showCredit);
    }

    /** The resumed session takes the order's id and money, and the cash screen takes notes again. */
    private void continueOrder(Session session, Order order) {
        session.txnId = order.txnId();
        session.cash = order.cash();
        session.creditApplied = order.creditApplied();
        log.info("resumed open {} order txn={} cash={} price={}", order.kind(), order.txnId(), order.cash().plain(),
                session.amount.plain());
        if (payments.resumeConfirmed(session)) {
            return;
        }
        stage.message = FlowMessage.info("session.resumed", order.cash());
        cash.enter();
        stage.activity();
    }

    private void resume(Order order) {
        Session session = stage.newSession();
        stage.session = session;
        session.msisdn = order.msisdn();
        TopUpSteps.chooseOperator(session, catalog.operator(order.operatorId()).orElseThrow(), null, null,
                settings.orderCashLimit(), TopUpSteps.CashLimit.KIOSK);
        session.offline = order.offline();
        session.txnId = order.txnId();
        session.cash = order.cash();
        session.creditApplied = order.creditApplied();
        session.amount = session.toBalance();
        log.info("resumed open order txn={} cash={}", order.txnId(), order.cash().plain());
        if (payments.resumeConfirmed(session)) {
            return; // confirmed before the restart (issue 13): submitted, or its money on a credit voucher
        }
        stage.message = FlowMessage.info("session.resumed", order.cash());
        cash.enter();
        stage.activity();
    }
}
