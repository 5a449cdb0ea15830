package org.topupkiosk.flow.counter;

import static org.topupkiosk.flow.counter.CounterScreen.AMOUNT;
import static org.topupkiosk.flow.counter.CounterScreen.CHECKING;
import static org.topupkiosk.flow.counter.CounterScreen.CLOSE_SHIFT;
import static org.topupkiosk.flow.counter.CounterScreen.DONE;
import static org.topupkiosk.flow.counter.CounterScreen.NUMBER;
import static org.topupkiosk.flow.counter.CounterScreen.PAYING;
import static org.topupkiosk.flow.counter.CounterScreen.RECEIVED;
import static org.topupkiosk.flow.counter.CounterScreen.RETURN_CASH;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.counter.CounterCommand.Back;
import org.topupkiosk.flow.counter.CounterCommand.CloseShift;
import org.topupkiosk.flow.counter.CounterCommand.Logout;
import org.topupkiosk.flow.counter.CounterCommand.Next;
import org.topupkiosk.flow.counter.CounterCommand.PrintX;
import org.topupkiosk.flow.topup.CarrierCheck;
import org.topupkiosk.flow.topup.TopUpSteps;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.receipt.CounterReports;
import org.topupkiosk.sync.PaymentOutcome;

/**
 * One sale at the counter: the number checked with the carrier and the amount within the operator's limits (the rules
 * the kiosk follows too, {@link TopUpSteps}), the cash the cashier received journaled with its change before the
 * drawer opens, the carrier's answer, the receipt, and the sale a restart cut off.
 */
final class CounterSale {

    private static final Logger log = LoggerFactory.getLogger(CounterFlow.class);
    static final int NUMBER_DIGITS = 10;
    static final int AMOUNT_DIGITS = 6;
    static final int RECEIVED_DIGITS = 7;

    private final CounterState st;
    private final CashierShift shift;
    private final FlowExecutor flow;
    private final Journal journal;
    private final OrderDesk orders;
    private final CarrierCheck check;
    private final ReceiptDesk desk;
    private final CounterReports reports;
    private final FlowSettings settings;
    private final boolean cashDrawer;
    private final Clock clock;
    private final Runnable publish;
    /** Issue 13: the counter's fiscal registration, or null with fiscal registration off. */
    private CounterFiscal fiscal;

    CounterSale(CounterState st, CashierShift shift, FlowExecutor flow, Journal journal, OrderDesk orders,
                CarrierCheck check, ReceiptDesk desk, CounterReports reports, FlowSettings settings, boolean cashDrawer,
                Clock clock, Runnable publish) {
        this.st = st;
        this.shift = shift;
        this.flow = flow;
        this.journal = journal;
        this.orders = orders;
        this.check = check;
        this.desk = desk;
        this.reports = reports;
        this.settings = settings;
        this.cashDrawer = cashDrawer;
        this.clock = clock;
        this.publish = publish;
    }

    void attachFiscal(CounterFiscal counterFiscal) {
        this.fiscal = counterFiscal;
    }

    void onNumber(CounterCommand command) {
        if (st.editDigits(command, NUMBER_DIGITS)) {
            return;
        }
        if (command instanceof Next) {
            checkNumber();
        } else if (command instanceof PrintX) {
            shift.printX();
        } else if (command instanceof CloseShift) {
            st.message = null;
            st.moveTo(CLOSE_SHIFT);
        } else if (command instanceof Logout) {
            shift.logout();
        } else if (command instanceof Back) {
            st.digits.setLength(0);
            st.message = null;
        } else {
            st.refuse(command);
        }
    }

    private void checkNumber() {
        if (fiscal != null && !fiscal.ready()) {
            // Selling without a fiscal receipt is not legal: no sale, no cash, until the register recovers.
            st.message = FlowMessage.error("fiscal.out_of_service");
            return;
        }
        Msisdn.Parsed parsed = TopUpSteps.number(st.digits);
        if (parsed instanceof Msisdn.Invalid invalid) {
            st.message = FlowMessage.error(invalid.reason().messageKey());
            return;
        }
        st.sale = st.newSale();
        st.sale.msisdn = ((Msisdn.Valid) parsed).msisdn();
        long token = st.sale.token;
        st.message = null;
        st.moveTo(CHECKING);
        st.step(check.start(st.sale.msisdn, outcome -> {
            onChecked(token, outcome);
            publish.run();
        }));
    }

    private void onChecked(long token, CarrierCheck.Outcome outcome) {
        if (st.sale == null || st.sale.token != token || st.screen != CHECKING) {
            return;
        }
        st.cancelStepTimer();
        if (outcome instanceof CarrierCheck.Outcome.Payable p) {
            TopUpSteps.chooseOperator(st.sale, p.operator(), p.carrierMin(), p.carrierMax(), settings.orderCashLimit(),
                    TopUpSteps.CashLimit.COUNTER);
            st.message = null;
        } else if (outcome instanceof CarrierCheck.Outcome.Offline o) {
            TopUpSteps.sellOffline(st.sale, o, settings.orderCashLimit(), TopUpSteps.CashLimit.COUNTER);
            st.message = FlowMessage.warning("counter.offline_sale");
        } else {
            // Refused before any cash changed hands: nothing to journal, nothing to give back.
            st.message = FlowMessage.error(((CarrierCheck.Outcome.Refused) outcome).messageKey());
            st.sale = null;
            st.moveTo(NUMBER);
            return;
        }
        st.digits.setLength(0);
        st.moveTo(AMOUNT);
    }

    void onAmount(CounterCommand command) {
        if (st.editDigits(command, AMOUNT_DIGITS)) {
            return;
        }
        if (command instanceof Next) {
            Money amount = st.typedRubles();
            FlowMessage problem = TopUpSteps.amountProblem(st.sale, amount);
            if (problem != null) {
                st.message = problem;
            } else {
                st.sale.amount = amount;
                st.digits.setLength(0);
                st.message = null;
                st.moveTo(RECEIVED);
            }
        } else if (command instanceof Back) {
            endSale();
        } else {
            st.refuse(command);
        }
    }

    void onReceived(CounterCommand command) {
        if (st.editDigits(command, RECEIVED_DIGITS)) {
            return;
        }
        if (command instanceof Next) {
            Money got = st.typedRubles();
            Money total = st.total();
            if (got.lessThan(total)) {
                st.message = FlowMessage.error("counter.received.too_little", got, total, total.minus(got));
                return;
            }
            takeCash(got, total);
        } else if (command instanceof Back) {
            st.digits.setLength(0);
            st.message = null;
            st.moveTo(AMOUNT);
        } else {
            st.refuse(command);
        }
    }

    /**
     * Journal first: the order, then the cash with what was handed over and the change (one transaction), then the
     * payment into the outbox. Only then does the drawer open and the change show.
     */
    private void takeCash(Money got, Money total) {
        st.sale.txnId = orders.open(st.sale);
        journal.counter().recordCounterCash(st.sale.txnId, total, got, st.cashier.id(), st.shift);
        st.sale.cash = total;
        st.received = got;
        if (fiscal != null) {
            fiscal.registerSale(st.sale, got, total, st.cashier.name(), this::afterRegistration);
            st.message = null;
            st.moveTo(PAYING);
            return;
        }
        submit(got, total);
    }

    /** Issue 13: registered, the sale goes to the carrier; not registered, the cash goes back over the counter. */
    private void afterRegistration(long token, boolean registered) {
        if (st.sale == null || st.sale.token != token || st.screen != PAYING) {
            return;
        }
        if (registered) {
            submit(st.received, st.total());
            return;
        }
        Money back = fiscal.returnUnregistered(st.sale.txnId);
        st.sale.paymentStatus = FlowSnapshot.PaymentStatus.REFUSED;
        st.message = FlowMessage.error("counter.fiscal_failed_return", back);
        st.moveTo(RETURN_CASH);
    }

    private void submit(Money got, Money total) {
        orders.submit(st.sale);
        log.info("counter sale txn={} cashier={} shift={} total={} received={} change={}", st.sale.txnId,
                st.cashier.id(), st.shift, total.plain(), got.plain(), got.minus(total).plain());
        if (cashDrawer) {
            desk.openDrawer(ok -> {
                if (!ok) {
                    flow.execute(() -> {
                        st.message = FlowMessage.warning("counter.drawer_failed");
                        publish.run();
                    });
                }
            });
        }
        st.message = null;
        long token = st.sale.token;
        st.moveTo(PAYING);
        st.step(flow.schedule(() -> {
            if (st.sale != null && st.sale.token == token && st.screen == PAYING) {
                finish(FlowSnapshot.PaymentStatus.PENDING);
                publish.run();
            }
        }, settings.submitWait()));
    }

    void onOutcome(PaymentOutcome outcome) {
        boolean mine = st.sale != null && st.screen == PAYING && outcome.txnId().equals(st.sale.txnId);
        if (outcome instanceof PaymentOutcome.Confirmed && mine) {
            finish(FlowSnapshot.PaymentStatus.CREDITED);
        } else if (outcome instanceof PaymentOutcome.Refused r && mine) {
            Money back = journal.counter().returnCounterCash(r.credit().code());
            log.info("counter sale refused txn={} code={} returned={}", r.txnId(), r.code(), back.plain());
            st.cancelStepTimer();
            st.sale.paymentStatus = FlowSnapshot.PaymentStatus.REFUSED;
            st.message = FlowMessage.error("counter.refused_return", back);
            st.moveTo(RETURN_CASH);
            printSale();
            if (fiscal != null) {
                // The cash handed back is a refund: "возврат прихода" on the register, its paper behind the sale's.
                fiscal.registerRefund(st.sale.txnId, st.cashier.name(), st.lang);
            }
        } else if (outcome instanceof PaymentOutcome.Refused r && isCounterSale(r.txnId())) {
            // The customer has gone; the credit stays open (X and Z show it) and the voucher prints for them to claim.
            log.warn("counter sale refused after the customer left txn={} code={}", r.txnId(), r.code());
            desk.printCredit(r.credit(), st.lang, ok -> { });
        }
        publish.run();
    }

    private boolean isCounterSale(String txnId) {
        return journal.knowsNote(Journal.counterNoteId(txnId));
    }

    private void finish(FlowSnapshot.PaymentStatus status) {
        st.cancelStepTimer();
        st.sale.paymentStatus = status;
        st.moveTo(DONE);
        printSale();
    }

    private void printSale() {
        Order order = journal.order(st.sale.txnId).orElseThrow();
        long token = st.sale.token;
        st.sale.receipt = FlowSnapshot.ReceiptState.PRINTING;
        Receipt receipt = reports.sale(order, st.sale.operator, st.received, st.cashier.name(),
                ReceiptDesk.status(st.sale.paymentStatus), st.lang, clock.instant());
        desk.printStored(desk.withFiscal(order.txnId(), receipt, st.lang), order.txnId(), "payment",
                ok -> flow.execute(() -> {
                    if (st.sale != null && st.sale.token == token) {
                        st.sale.receipt = ok ? FlowSnapshot.ReceiptState.PRINTED : FlowSnapshot.ReceiptState.FAILED;
                        publish.run();
                    }
                }));
    }

    void endSale() {
        st.cancelStepTimer();
        st.sale = null;
        st.received = null;
        st.digits.setLength(0);
        if (st.screen != NUMBER) {
            st.message = null;
        }
        st.moveTo(NUMBER);
    }

    /**
     * After a restart: the cashiers are read; an order cut off before its payment was queued is finished. With the
     * counter cash journaled the customer has paid, so the payment goes out; without it no money moved and it is
     * cancelled.
     */
    void recover() {
        Optional<Order> open = orders.openOrder();
        if (open.isPresent()) {
            Order o = open.get();
            if (o.cash().isPositive() && o.msisdn() != null) {
                Session s = st.newSale();
                s.msisdn = o.msisdn();
                s.operator = reports.operator(o.operatorId());
                s.offline = o.offline();
                s.txnId = o.txnId();
                s.cash = o.cash();
                if (fiscal != null && !fiscal.registeredSale(o.txnId())) {
                    // The cashier took the cash before the restart: registered now, then sent; not registered, the
                    // money is journaled as handed back.
                    fiscal.registerSale(s, o.cash(), o.cash(), "counter", (token, registered) -> {
                        if (registered) {
                            orders.submit(s);
                        } else {
                            log.warn("counter sale cut off before its registration txn={}: {} handed back",
                                    o.txnId(), fiscal.returnUnregistered(o.txnId()).plain());
                        }
                    });
                    publish.run();
                    return;
                }
                orders.submit(s);
                log.warn("resumed counter sale cut off before its payment was queued txn={}", o.txnId());
            } else {
                orders.cancel(o.txnId(), "counter-recovery");
            }
        }
        publish.run();
    }
}
