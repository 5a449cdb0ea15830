package org.topupkiosk.flow;

import static org.topupkiosk.flow.CounterScreen.AMOUNT;
import static org.topupkiosk.flow.CounterScreen.CHECKING;
import static org.topupkiosk.flow.CounterScreen.CLOSE_SHIFT;
import static org.topupkiosk.flow.CounterScreen.DONE;
import static org.topupkiosk.flow.CounterScreen.LOGIN;
import static org.topupkiosk.flow.CounterScreen.NUMBER;
import static org.topupkiosk.flow.CounterScreen.PAYING;
import static org.topupkiosk.flow.CounterScreen.PIN;
import static org.topupkiosk.flow.CounterScreen.RECEIVED;
import static org.topupkiosk.flow.CounterScreen.RETURN_CASH;
import static org.topupkiosk.flow.CounterScreen.SHIFT;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.NumberingPlan;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.CounterCommand.Back;
import org.topupkiosk.flow.CounterCommand.Backspace;
import org.topupkiosk.flow.CounterCommand.ChooseCashier;
import org.topupkiosk.flow.CounterCommand.Clear;
import org.topupkiosk.flow.CounterCommand.CloseShift;
import org.topupkiosk.flow.CounterCommand.ConfirmClose;
import org.topupkiosk.flow.CounterCommand.Digit;
import org.topupkiosk.flow.CounterCommand.EnterPin;
import org.topupkiosk.flow.CounterCommand.Logout;
import org.topupkiosk.flow.CounterCommand.Next;
import org.topupkiosk.flow.CounterCommand.OpenShift;
import org.topupkiosk.flow.CounterCommand.PrintX;
import org.topupkiosk.flow.CounterCommand.SetLanguage;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.Shift;
import org.topupkiosk.sync.PaymentDispatch;
import org.topupkiosk.sync.PaymentOutcome;

/**
 * The attended counter: a cashier logs in with a PIN, opens a shift, and sells top-ups for cash handed over the
 * counter. One thread owns it, as {@link TopUpFlow}; it shares the money path (account check, {@link OrderDesk}, the
 * journal, the outbox, {@link ReceiptDesk}) and differs only where a cashier differs from a bill acceptor: the cash is
 * typed, the change is computed and shown, the drawer opens, and a payment the carrier refuses is handed back in cash
 * (journaled as a refund, never left as a voucher).
 */
public final class CounterFlow {

    private static final Logger log = LoggerFactory.getLogger(CounterFlow.class);
    static final int NUMBER_DIGITS = 10;
    static final int AMOUNT_DIGITS = 6;
    static final int RECEIVED_DIGITS = 7;

    private final FlowExecutor flow;
    private final Executor io;
    private final Journal journal;
    private final OrderDesk orders;
    private final CarrierCheck check;
    private final CashierGate gate;
    private final ReceiptDesk desk;
    private final FlowSettings settings;
    private final PaymentDispatch dispatch;
    private final boolean cashDrawer;
    private final Clock clock;
    private final CounterReports reports;
    private final List<Consumer<CounterSnapshot>> listeners = new CopyOnWriteArrayList<>();

    private volatile CounterSnapshot current;
    private long version;
    private long tokens;
    private CounterScreen screen = LOGIN;
    private Lang lang;
    private List<CashierGate.Cashier> cashiers = List.of();
    private CashierGate.Cashier chosen;
    private CashierGate.Cashier cashier;
    private Integer shift;
    private final StringBuilder digits = new StringBuilder();
    private Session sale;
    private Money received;
    private FlowMessage message;
    private CounterSnapshot.ReportState report = CounterSnapshot.ReportState.NONE;
    private int pinFailuresLeft = CashierGateDefaults.FAILURES;
    private FlowExecutor.Timer stepTimer;

    /** The service PIN's lockout count is the cashiers' too; the gate says the real number after a failure. */
    private static final class CashierGateDefaults {
        static final int FAILURES = 5;
    }

    public CounterFlow(FlowExecutor flow, Executor io, Journal journal, CarrierGateway carrier, ReceiptDesk desk,
                       Catalog catalog, NumberingPlan numbering, FlowSettings settings, PaymentDispatch dispatch,
                       CashierGate gate, boolean cashDrawer, Clock clock) {
        this.flow = flow;
        this.io = io;
        this.journal = journal;
        this.orders = new OrderDesk(journal, dispatch, CrashPoints.NONE);
        this.check = new CarrierCheck(flow, io, carrier, catalog, numbering, settings, orders);
        this.gate = gate;
        this.desk = desk;
        this.settings = settings;
        this.dispatch = dispatch;
        this.cashDrawer = cashDrawer;
        this.clock = clock;
        this.reports = new CounterReports(desk.layouts(), catalog);
        this.lang = settings.defaultLanguage();
        this.current = snapshot();
    }

    /** Listens for payment outcomes and resumes what the journal holds (a sale cut off mid-way). Call once. */
    public void start() {
        dispatch.addListener(outcome -> flow.execute(() -> onOutcome(outcome)));
        flow.execute(this::recover);
    }

    public void submit(CounterCommand command) {
        flow.execute(() -> {
            handle(command);
            publish();
        });
    }

    public CounterSnapshot current() {
        return current;
    }

    public AutoCloseable subscribe(Consumer<CounterSnapshot> listener) {
        listeners.add(listener);
        listener.accept(current);
        return () -> listeners.remove(listener);
    }

    // Commands ------------------------------------------------------------------------------------------------------

    private void handle(CounterCommand command) {
        log.debug("counter command {} screen={}", command, screen);
        if (command instanceof SetLanguage c) {
            lang = c.lang();
            return;
        }
        switch (screen) {
            case LOGIN -> onLogin(command);
            case PIN -> onPin(command);
            case SHIFT -> onShift(command);
            case NUMBER -> onNumber(command);
            case CHECKING -> {
                if (command instanceof Back) {
                    endSale();
                }
            }
            case AMOUNT -> onAmount(command);
            case RECEIVED -> onReceived(command);
            case DONE, RETURN_CASH -> {
                if (command instanceof Next) {
                    endSale();
                }
            }
            case CLOSE_SHIFT -> onCloseShift(command);
            default -> refuse(command);
        }
    }

    private void refuse(CounterCommand command) {
        log.info("counter command {} refused on screen {}", command, screen);
    }

    private void onLogin(CounterCommand command) {
        if (command instanceof ChooseCashier c) {
            Optional<CashierGate.Cashier> who = cashiers.stream().filter(x -> x.id().equals(c.cashierId())).findFirst();
            if (who.isEmpty()) {
                refuse(command);
                return;
            }
            chosen = who.get();
            message = null;
            moveTo(PIN);
        } else {
            refuse(command);
        }
    }

    private void onPin(CounterCommand command) {
        if (command instanceof EnterPin p) {
            char[] pin = p.pin().clone();
            Arrays.fill(p.pin(), '\0');
            String id = chosen.id();
            message = FlowMessage.info("counter.pin.checking");
            io.execute(() -> {
                CashierGate.Attempt a;
                try {
                    a = gate.check(id, pin);
                } finally {
                    Arrays.fill(pin, '\0');
                }
                CashierGate.Attempt attempt = a;
                flow.execute(() -> {
                    onPinChecked(id, attempt);
                    publish();
                });
            });
        } else if (command instanceof Back) {
            chosen = null;
            message = null;
            moveTo(LOGIN);
        } else {
            refuse(command);
        }
    }

    private void onPinChecked(String id, CashierGate.Attempt a) {
        if (screen != PIN || chosen == null || !chosen.id().equals(id)) {
            return;
        }
        pinFailuresLeft = a.failuresLeft();
        switch (a.result()) {
            case OK -> {
                cashier = chosen;
                chosen = null;
                pinFailuresLeft = CashierGateDefaults.FAILURES;
                message = null;
                shift = journal.openShift().map(Shift::number).orElse(null);
                moveTo(shift == null ? SHIFT : NUMBER);
            }
            case WRONG -> message = FlowMessage.error("counter.pin.wrong", String.valueOf(a.failuresLeft()));
            case LOCKED -> message = FlowMessage.error("counter.pin.locked",
                    String.valueOf(Math.max(1, (a.lockedFor().toSeconds() + 59) / 60)));
            case UNAVAILABLE -> message = FlowMessage.error("counter.pin.unavailable");
        }
    }

    private void onShift(CounterCommand command) {
        if (command instanceof OpenShift) {
            shift = journal.openShift(cashier.id()).number();
            log.info("shift opened shift={} cashier={}", shift, cashier.id());
            message = FlowMessage.info("counter.shift.opened", String.valueOf(shift));
            moveTo(NUMBER);
        } else if (command instanceof Logout) {
            logout();
        } else {
            refuse(command);
        }
    }

    private void onNumber(CounterCommand command) {
        if (editDigits(command, NUMBER_DIGITS)) {
            return;
        }
        if (command instanceof Next) {
            checkNumber();
        } else if (command instanceof PrintX) {
            printX();
        } else if (command instanceof CloseShift) {
            message = null;
            moveTo(CLOSE_SHIFT);
        } else if (command instanceof Logout) {
            logout();
        } else if (command instanceof Back) {
            digits.setLength(0);
            message = null;
        } else {
            refuse(command);
        }
    }

    private void checkNumber() {
        Msisdn.Parsed parsed = Msisdn.parse("+7" + digits);
        if (parsed instanceof Msisdn.Invalid invalid) {
            message = FlowMessage.error(invalid.reason().messageKey());
            return;
        }
        sale = new Session(++tokens);
        sale.msisdn = ((Msisdn.Valid) parsed).msisdn();
        long token = sale.token;
        message = null;
        moveTo(CHECKING);
        stepTimer = check.start(sale.msisdn, outcome -> {
            onChecked(token, outcome);
            publish();
        });
    }

    private void onChecked(long token, CarrierCheck.Outcome outcome) {
        if (sale == null || sale.token != token || screen != CHECKING) {
            return;
        }
        cancelStepTimer();
        if (outcome instanceof CarrierCheck.Outcome.Payable p) {
            chooseOperator(p.operator(), p.carrierMin(), p.carrierMax());
            message = null;
        } else if (outcome instanceof CarrierCheck.Outcome.Offline o) {
            sale.offline = true;
            chooseOperator(o.operator(), null, null);
            sale.cashLimit = sale.cashLimit.min(o.allowance());
            message = FlowMessage.warning("counter.offline_sale");
        } else {
            // Refused before any cash changed hands: nothing to journal, nothing to give back.
            message = FlowMessage.error(((CarrierCheck.Outcome.Refused) outcome).messageKey());
            sale = null;
            moveTo(NUMBER);
            return;
        }
        digits.setLength(0);
        moveTo(AMOUNT);
    }

    private void chooseOperator(Operator op, Money carrierMin, Money carrierMax) {
        sale.operator = op;
        sale.minAmount = carrierMin == null ? op.minAmount() : op.minAmount().max(carrierMin);
        sale.maxAmount = carrierMax == null ? op.maxAmount() : op.maxAmount().min(carrierMax);
        sale.cashLimit = settings.orderCashLimit();
    }

    private void onAmount(CounterCommand command) {
        if (editDigits(command, AMOUNT_DIGITS)) {
            return;
        }
        if (command instanceof Next) {
            Money amount = digits.isEmpty() ? Money.ZERO_RUB : Money.rub(Long.parseLong(digits.toString()));
            if (amount.lessThan(sale.minAmount)) {
                message = FlowMessage.error("amount.below_min", sale.minAmount);
            } else if (amount.greaterThan(sale.maxAmount)) {
                message = FlowMessage.error("amount.above_max", sale.maxAmount);
            } else if (sale.fee().cashNeededFor(amount).greaterThan(sale.cashLimit)) {
                message = FlowMessage.error("amount.above_max", sale.fee().toBalance(sale.cashLimit));
            } else {
                sale.amount = amount;
                digits.setLength(0);
                message = null;
                moveTo(RECEIVED);
            }
        } else if (command instanceof Back) {
            endSale();
        } else {
            refuse(command);
        }
    }

    /** What the customer pays for the typed amount: the least cash whose balance part is at least that amount. */
    private Money total() {
        return sale.fee().cashNeededFor(sale.amount);
    }

    private void onReceived(CounterCommand command) {
        if (editDigits(command, RECEIVED_DIGITS)) {
            return;
        }
        if (command instanceof Next) {
            Money got = digits.isEmpty() ? Money.ZERO_RUB : Money.rub(Long.parseLong(digits.toString()));
            Money total = total();
            if (got.lessThan(total)) {
                message = FlowMessage.error("counter.received.too_little", got, total, total.minus(got));
                return;
            }
            takeCash(got, total);
        } else if (command instanceof Back) {
            digits.setLength(0);
            message = null;
            moveTo(AMOUNT);
        } else {
            refuse(command);
        }
    }

    /**
     * Journal first: the order, then the cash with what was handed over and the change (one transaction), then the
     * payment into the outbox. Only then does the drawer open and the change show.
     */
    private void takeCash(Money got, Money total) {
        sale.txnId = orders.open(sale);
        journal.recordCounterCash(sale.txnId, total, got, cashier.id(), shift);
        sale.cash = total;
        received = got;
        orders.submit(sale);
        log.info("counter sale txn={} cashier={} shift={} total={} received={} change={}", sale.txnId, cashier.id(),
                shift, total.plain(), got.plain(), got.minus(total).plain());
        if (cashDrawer) {
            desk.openDrawer(ok -> {
                if (!ok) {
                    flow.execute(() -> {
                        message = FlowMessage.warning("counter.drawer_failed");
                        publish();
                    });
                }
            });
        }
        message = null;
        long token = sale.token;
        moveTo(PAYING);
        stepTimer = flow.schedule(() -> {
            if (sale != null && sale.token == token && screen == PAYING) {
                finish(FlowSnapshot.PaymentStatus.PENDING);
                publish();
            }
        }, settings.submitWait());
    }

    private void onOutcome(PaymentOutcome outcome) {
        boolean mine = sale != null && screen == PAYING && outcomeTxn(outcome).equals(sale.txnId);
        if (outcome instanceof PaymentOutcome.Confirmed && mine) {
            finish(FlowSnapshot.PaymentStatus.CREDITED);
        } else if (outcome instanceof PaymentOutcome.Refused r && mine) {
            Money back = journal.returnCounterCash(r.credit().code());
            log.info("counter sale refused txn={} code={} returned={}", r.txnId(), r.code(), back.plain());
            cancelStepTimer();
            sale.paymentStatus = FlowSnapshot.PaymentStatus.REFUSED;
            message = FlowMessage.error("counter.refused_return", back);
            moveTo(RETURN_CASH);
            printSale();
        } else if (outcome instanceof PaymentOutcome.Refused r && isCounterSale(r.txnId())) {
            // The customer has gone; the credit stays open (X and Z show it) and the voucher prints for them to claim.
            log.warn("counter sale refused after the customer left txn={} code={}", r.txnId(), r.code());
            desk.printCredit(r.credit(), lang, ok -> { });
        }
        publish();
    }

    private boolean isCounterSale(String txnId) {
        return journal.knowsNote(org.topupkiosk.journal.Journal.counterNoteId(txnId));
    }

    private static String outcomeTxn(PaymentOutcome o) {
        if (o instanceof PaymentOutcome.Confirmed c) {
            return c.txnId();
        } else if (o instanceof PaymentOutcome.Refused r) {
            return r.txnId();
        } else if (o instanceof PaymentOutcome.Deferred d) {
            return d.txnId();
        }
        return "";
    }

    private void finish(FlowSnapshot.PaymentStatus status) {
        cancelStepTimer();
        sale.paymentStatus = status;
        moveTo(DONE);
        printSale();
    }

    private void printSale() {
        Order order = journal.order(sale.txnId).orElseThrow();
        long token = sale.token;
        sale.receipt = FlowSnapshot.ReceiptState.PRINTING;
        desk.printStored(reports.sale(order, sale.operator, received, cashier.name(), sale.paymentStatus, lang,
                clock.instant()), order.txnId(), "payment", ok -> flow.execute(() -> {
                    if (sale != null && sale.token == token) {
                        sale.receipt = ok ? FlowSnapshot.ReceiptState.PRINTED : FlowSnapshot.ReceiptState.FAILED;
                        publish();
                    }
                }));
    }

    private void onCloseShift(CounterCommand command) {
        if (command instanceof ConfirmClose) {
            Shift z = journal.closeShift(cashier.id());
            log.info("shift closed shift={} sales={} amount={}", z.number(), z.sales(), z.amount().plain());
            shift = null;
            printReport(z, CounterSnapshot.ReportState.Z_PRINTED);
            message = FlowMessage.info("counter.shift.closed", String.valueOf(z.number()));
            moveTo(SHIFT);
        } else if (command instanceof Back) {
            moveTo(NUMBER);
        } else {
            refuse(command);
        }
    }

    private void printX() {
        Optional<Shift> open = journal.openShift();
        if (open.isEmpty()) {
            return;
        }
        printReport(open.get(), CounterSnapshot.ReportState.X_PRINTED);
    }

    private void printReport(Shift s, CounterSnapshot.ReportState done) {
        report = CounterSnapshot.ReportState.PRINTING;
        desk.printStored(reports.shift(s, clock.instant(), lang), null, s.open() ? "x-report" : "z-report",
                ok -> flow.execute(() -> {
                    report = ok ? done : CounterSnapshot.ReportState.FAILED;
                    publish();
                }));
    }

    private void logout() {
        journal.audit("cashier_logout", null, "{\"cashier\":\"" + cashier.id() + "\"}");
        cashier = null;
        shift = null;
        digits.setLength(0);
        message = null;
        report = CounterSnapshot.ReportState.NONE;
        loadCashiers();
        moveTo(LOGIN);
    }

    private void endSale() {
        cancelStepTimer();
        sale = null;
        received = null;
        digits.setLength(0);
        if (screen != NUMBER) {
            message = null;
        }
        moveTo(NUMBER);
    }

    private boolean editDigits(CounterCommand command, int max) {
        if (command instanceof Digit d) {
            if (digits.length() < max && !(screen != NUMBER && digits.isEmpty() && d.digit() == 0)) {
                digits.append(d.digit());
            }
        } else if (command instanceof Backspace) {
            if (!digits.isEmpty()) {
                digits.setLength(digits.length() - 1);
            }
        } else if (command instanceof Clear) {
            digits.setLength(0);
        } else {
            return false;
        }
        // Typing answers an error and moves past a notice; a warning (offline sale) stays for the whole sale.
        if (message != null && message.severity() != FlowMessage.Severity.WARNING) {
            message = null;
        }
        return true;
    }

    private void cancelStepTimer() {
        if (stepTimer != null) {
            stepTimer.cancel();
            stepTimer = null;
        }
    }

    private void moveTo(CounterScreen next) {
        if (!CounterTransitions.allowed(screen, next)) {
            log.error("illegal counter transition {} -> {} refused", screen, next);
            return;
        }
        log.debug("counter screen {} -> {}", screen, next);
        screen = next;
    }

    // Recovery --------------------------------------------------------------------------------------------------------

    /**
     * After a restart: the cashiers are read; an order cut off before its payment was queued is finished. With the
     * counter cash journaled the customer has paid, so the payment goes out; without it no money moved and it is
     * cancelled.
     */
    private void recover() {
        loadCashiers();
        Optional<Order> open = orders.openOrder();
        if (open.isPresent()) {
            Order o = open.get();
            if (o.cash().isPositive() && o.msisdn() != null) {
                Session s = new Session(++tokens);
                s.msisdn = o.msisdn();
                s.operator = reports.operator(o.operatorId());
                s.offline = o.offline();
                s.txnId = o.txnId();
                s.cash = o.cash();
                orders.submit(s);
                log.warn("resumed counter sale cut off before its payment was queued txn={}", o.txnId());
            } else {
                orders.cancel(o.txnId(), "counter-recovery");
            }
        }
        publish();
    }

    private void loadCashiers() {
        try {
            cashiers = gate.cashiers();
            if (cashiers.isEmpty()) {
                message = FlowMessage.error("counter.no_cashiers");
            }
        } catch (IllegalStateException e) {
            log.error("cashiers cannot be read: {}", e.getMessage());
            cashiers = List.of();
            message = FlowMessage.error("counter.no_cashiers");
        }
    }

    // Snapshots -------------------------------------------------------------------------------------------------------

    private void publish() {
        CounterSnapshot next = snapshot();
        current = next;
        for (Consumer<CounterSnapshot> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                log.error("counter snapshot listener failed", e);
            }
        }
    }

    private CounterSnapshot snapshot() {
        Money amount = null;
        Money fee = null;
        Money total = null;
        Money change = null;
        if (sale != null && sale.amount != null) {
            total = total();
            amount = sale.fee().toBalance(total);
            fee = sale.fee().feeFor(total);
            if (received != null) {
                change = received.minus(total);
            }
        }
        String operatorName = sale == null || sale.operator == null ? null
                : sale.operator.names().getOrDefault(lang.code(), sale.operator.id());
        return new CounterSnapshot(++version, screen, lang, cashiers,
                cashier != null ? cashier.id() : chosen != null ? chosen.id() : null,
                cashier != null ? cashier.name() : chosen != null ? chosen.name() : null, shift, digits.toString(),
                sale == null || sale.msisdn == null ? null : sale.msisdn.pretty(), operatorName,
                sale == null ? null : sale.minAmount, sale == null ? null : sale.maxAmount, amount, fee, total, received,
                change, sale == null ? null : sale.txnId, sale == null ? null : sale.paymentStatus,
                sale == null ? FlowSnapshot.ReceiptState.NONE : sale.receipt, message, report, pinFailuresLeft);
    }
}
