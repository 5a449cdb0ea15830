package org.topupkiosk.flow.counter;

import static org.topupkiosk.flow.counter.CounterScreen.AMOUNT;
import static org.topupkiosk.flow.counter.CounterScreen.CHECKING;
import static org.topupkiosk.flow.counter.CounterScreen.CLOSE_SHIFT;
import static org.topupkiosk.flow.counter.CounterScreen.DONE;
import static org.topupkiosk.flow.counter.CounterScreen.LOGIN;
import static org.topupkiosk.flow.counter.CounterScreen.NUMBER;
import static org.topupkiosk.flow.counter.CounterScreen.PIN;
import static org.topupkiosk.flow.counter.CounterScreen.RECEIVED;
import static org.topupkiosk.flow.counter.CounterScreen.RETURN_CASH;
import static org.topupkiosk.flow.counter.CounterScreen.SHIFT;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.NumberingPlan;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServiceOffer;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.SnapshotListeners;
import org.topupkiosk.flow.counter.CounterCommand.Back;
import org.topupkiosk.flow.counter.CounterCommand.Next;
import org.topupkiosk.flow.counter.CounterCommand.SetLanguage;
import org.topupkiosk.flow.fiscal.FiscalDesk;
import org.topupkiosk.flow.topup.CarrierCheck;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.receipt.CounterReports;
import org.topupkiosk.sync.PaymentDispatch;

/**
 * The attended counter: a cashier logs in with a PIN, opens a shift, and sells top-ups for cash handed over the
 * counter. One thread owns it, as {@link TopUpFlow}; it shares the money path (account check, {@link OrderDesk}, the
 * journal, the outbox, {@link ReceiptDesk}) and differs only where a cashier differs from a bill acceptor: the cash is
 * typed, the change is computed and shown, the drawer opens, and a payment the carrier refuses is handed back in cash
 * (journaled as a refund, never left as a voucher).
 */
public final class CounterFlow implements CounterTerminal {

    private static final Logger log = LoggerFactory.getLogger(CounterFlow.class);

    private final FlowExecutor flow;
    private final PaymentDispatch dispatch;
    private final CounterState st;
    private final CashierShift shift;
    private final CounterSale sale;
    private final SnapshotListeners<CounterSnapshot> snapshots;
    /** The configured gateway: the counter sells a top-up only when it can check a number and pay one. */
    private final CarrierGateway carrier;
    private long version;
    private final Journal journal;
    private final ReceiptDesk receipts;
    private final CounterReports reports;
    private final Clock clock;
    /** Issue 13: the fiscal register, or null with fiscal registration off. */
    private FiscalDesk fiscal;

    public CounterFlow(FlowExecutor flow, Executor io, Journal journal, CarrierGateway carrier, ReceiptDesk desk,
                       Catalog catalog, NumberingPlan numbering, FlowSettings settings, PaymentDispatch dispatch,
                       CashierGate gate, boolean cashDrawer, Clock clock) {
        this.flow = flow;
        this.dispatch = dispatch;
        this.st = new CounterState(settings.defaultLanguage());
        OrderDesk orders = new OrderDesk(journal, dispatch, CrashPoints.NONE);
        CounterReports reports = new CounterReports(desk.layouts(), catalog);
        this.journal = journal;
        this.receipts = desk;
        this.reports = reports;
        this.clock = clock;
        this.shift = new CashierShift(st, flow, io, journal, gate, desk, reports, clock, this::publish);
        this.sale = new CounterSale(st, shift, flow, journal, orders,
                new CarrierCheck(flow, io, carrier, catalog, numbering, settings, orders), desk, reports, settings,
                cashDrawer, clock, this::publish);
        this.carrier = carrier;
        this.snapshots = new SnapshotListeners<>("counter", snapshot());
    }

    /**
     * Issue 13: the fiscal register every sale is registered on; a refund of a refused sale is registered as
     * "возврат прихода". Call before {@link #start()}; without it nothing is registered.
     */
    public void attachFiscal(FiscalDesk desk) {
        this.fiscal = desk;
        sale.attachFiscal(new CounterFiscal(desk, journal, flow, receipts, reports, clock, this::publish));
        desk.onFaultChange(fault -> flow.execute(this::publish));
    }

    /** Listens for payment outcomes and resumes what the journal holds (a sale cut off mid-way). Call once. */
    public void start() {
        dispatch.addListener(outcome -> flow.execute(() -> sale.onOutcome(outcome)));
        Runnable recover = () -> flow.execute(() -> {
            shift.loadCashiers();
            sale.recover();
        });
        if (fiscal == null) {
            recover.run();
        } else {
            fiscal.start(outcomes -> recover.run());
        }
    }

    @Override
    public void submit(CounterCommand command) {
        flow.execute(() -> {
            handle(command);
            publish();
        });
    }

    @Override
    public CounterSnapshot current() {
        return snapshots.current();
    }

    @Override
    public AutoCloseable subscribe(Consumer<CounterSnapshot> listener) {
        return snapshots.subscribe(listener);
    }

    // Commands ------------------------------------------------------------------------------------------------------

    private void handle(CounterCommand command) {
        log.debug("counter command {} screen={}", command, st.screen);
        if (command instanceof SetLanguage c) {
            st.lang = c.lang();
            return;
        }
        switch (st.screen) {
            case LOGIN -> shift.onLogin(command);
            case PIN -> shift.onPin(command);
            case SHIFT -> shift.onShift(command);
            case NUMBER -> {
                if (command instanceof Next && !ServiceOffer.allows(carrier.capabilities(), Service.TOPUP)) {
                    // The counter sells only what the gateway can do; a gateway without top-ups sells nothing.
                    log.warn("counter sale refused: the carrier gateway cannot check numbers and pay top-ups");
                    st.message = FlowMessage.error("counter.topup.not_offered");
                } else {
                    sale.onNumber(command);
                }
            }
            case CHECKING -> {
                if (command instanceof Back) {
                    sale.endSale();
                }
            }
            case AMOUNT -> sale.onAmount(command);
            case RECEIVED -> sale.onReceived(command);
            case DONE, RETURN_CASH -> {
                if (command instanceof Next) {
                    sale.endSale();
                }
            }
            case CLOSE_SHIFT -> shift.onCloseShift(command);
            default -> st.refuse(command);
        }
    }

    // Snapshots -------------------------------------------------------------------------------------------------------

    private void publish() {
        snapshots.publish(snapshot());
    }

    private CounterSnapshot snapshot() {
        Session s = st.sale;
        Money amount = null;
        Money fee = null;
        Money total = null;
        Money change = null;
        if (s != null && s.amount != null) {
            total = st.total();
            amount = s.fee().toBalance(total);
            fee = s.fee().feeFor(total);
            if (st.received != null) {
                change = st.received.minus(total);
            }
        }
        String operatorName = s == null || s.operator == null ? null
                : s.operator.names().getOrDefault(st.lang.code(), s.operator.id());
        CashierGate.Cashier who = st.cashier != null ? st.cashier : st.chosen;
        return new CounterSnapshot(++version, st.screen, st.lang, st.cashiers, who == null ? null : who.id(),
                who == null ? null : who.name(), st.shift, st.digits.toString(),
                s == null || s.msisdn == null ? null : s.msisdn.pretty(), operatorName,
                s == null ? null : s.minAmount, s == null ? null : s.maxAmount, amount, fee, total,
                st.received, change, s == null ? null : s.txnId, s == null ? null : s.paymentStatus,
                s == null ? FlowSnapshot.ReceiptState.NONE : s.receipt, st.message, st.report, st.pinFailuresLeft);
    }
}
