package org.topupkiosk.flow.counter;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.fiscal.FiscalDesk;
import org.topupkiosk.flow.fiscal.FiscalOutcome;
import org.topupkiosk.flow.fiscal.FiscalReceiptJson;
import org.topupkiosk.flow.fiscal.FiscalReceipts;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.FiscalIntent;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.receipt.CounterReports;
import org.topupkiosk.receipt.ReceiptFacts;

/**
 * Issue 13 at the counter: a sale registered ("приход") when the cashier takes the cash, before it goes to the carrier;
 * a sale the register did not sign is handed back over the counter; the cash handed back for a refused sale is a
 * refund registered as "возврат прихода", its paper printed behind the sale's.
 */
final class CounterFiscal {

    /** Hears on the flow thread whether the sale of session {@code token} was registered. */
    @FunctionalInterface
    interface Registered {
        void done(long token, boolean registered);
    }

    private static final Logger log = LoggerFactory.getLogger(CounterFiscal.class);

    private final FiscalDesk desk;
    private final Journal journal;
    private final FlowExecutor flow;
    private final ReceiptDesk receipts;
    private final CounterReports reports;
    private final Clock clock;
    private final Runnable publish;

    CounterFiscal(FiscalDesk desk, Journal journal, FlowExecutor flow, ReceiptDesk receipts, CounterReports reports,
                  Clock clock, Runnable publish) {
        this.desk = desk;
        this.journal = journal;
        this.flow = flow;
        this.receipts = receipts;
        this.reports = reports;
        this.clock = clock;
        this.publish = publish;
    }

    FiscalDesk desk() {
        return desk;
    }

    boolean ready() {
        return desk.ready();
    }

    boolean registeredSale(String txnId) {
        return desk.registered(txnId, false).isPresent();
    }

    /** Registers the sale: {@code got} handed over, {@code total} kept (the register prints the change). */
    void registerSale(Session s, Money got, Money total, String cashier, Registered done) {
        long token = s.token;
        FiscalReceipt receipt;
        try {
            receipt = FiscalReceipts.sale(desk.settings(), FiscalReceipts.topUpItem(s.msisdn), s.operator.id(),
                    s.fee().toBalance(total).minor(), s.fee().feeFor(total).minor(), got.minor(), cashier);
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.error("counter sale not registered txn={}: {}", s.txnId, e.getMessage());
            done.done(token, false);
            return;
        }
        desk.register(s.txnId, receipt, o -> flow.execute(() -> {
            done.done(token, o instanceof FiscalOutcome.Registered);
            publish.run();
        }));
    }

    /** A sale not registered: cancelled, its cash journaled as handed back (a refund, no voucher). */
    Money returnUnregistered(String txnId) {
        Optional<CustomerCredit> credit = journal.cancel(txnId, "fiscal-not-registered");
        return credit.map(c -> journal.counter().returnCounterCash(c.code())).orElse(Money.ZERO_RUB);
    }

    /** The refused sale's cash went back: "возврат прихода" of the registered sale, then its paper. */
    void registerRefund(String txnId, String cashier, Lang lang) {
        Optional<FiscalIntent> sale = journal.fiscal().intent(txnId, FiscalIntent.INCOME);
        if (sale.isEmpty() || journal.fiscal().document(txnId, FiscalIntent.INCOME).isEmpty()) {
            return; // nothing registered, nothing to return
        }
        FiscalReceipt refund = FiscalReceipts.refundOf(FiscalReceiptJson.read(sale.get().receiptJson()), cashier);
        desk.register(txnId, refund, o -> flow.execute(() -> {
            if (o instanceof FiscalOutcome.Registered) {
                printRefund(txnId, cashier, lang);
            } else {
                // The refund stays intended: the desk sends it again when the register answers (never dropped).
                log.warn("counter refund not registered yet txn={}", txnId);
            }
            publish.run();
        }));
    }

    private void printRefund(String txnId, String cashier, Lang lang) {
        Order order = journal.order(txnId).orElseThrow();
        Receipt sale = reports.sale(order, reports.operator(order.operatorId()), order.cash(), cashier,
                ReceiptFacts.Status.REFUSED, lang, clock.instant());
        Receipt slip = new Receipt(txnId + "-return", sale.columns(), sale.lines(), null, null);
        receipts.printStored(receipts.withFiscal(txnId, slip, lang, true), txnId, "refund", ok -> { });
    }
}
