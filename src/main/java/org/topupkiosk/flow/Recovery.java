package org.topupkiosk.flow;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.goods.GoodsSales;
import org.topupkiosk.flow.topup.TopUpSteps;
import org.topupkiosk.journal.Order;

/**
 * What the journal says was in progress when the process stopped: an open order with cash goes back to the cash
 * screen, an order that cannot be resumed becomes a credit voucher, and receipts not yet printed are printed.
 */
record Recovery(Stage stage, OrderDesk orders, Catalog catalog, FlowSettings settings, ReceiptDesk receipts,
                CashIntake cash, Payments payments) {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    void recover() {
        resumeOpenOrder();
        receipts.reprintRecent();
        receipts.printMissingVouchers(settings.defaultLanguage());
    }

    /** The journal's open order back on its cash screen, or on a credit voucher when it cannot be resumed. */
    void resumeOpenOrder() {
        Optional<Order> open = orders.openOrder();
        if (open.isPresent() && GoodsSales.isGoods(open.get())) {
            // An e-PIN or eSIM's price came from the carrier's catalog and is not kept: its money becomes a voucher.
            orders.cancel(open.get().txnId(), "recovery-goods").ifPresent(payments::showCredit);
        } else if (open.isPresent() && catalog.operator(open.get().operatorId()).isPresent()) {
            resume(open.get());
        } else if (open.isPresent()) {
            orders.cancel(open.get().txnId(), "recovery-unknown-operator").ifPresent(payments::showCredit);
        }
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
        stage.message = FlowMessage.info("session.resumed", order.cash());
        cash.enter();
        stage.activity();
    }
}
