package org.topupkiosk.flow.counter;

import static org.topupkiosk.flow.counter.CounterScreen.LOGIN;
import static org.topupkiosk.flow.counter.CounterScreen.NUMBER;
import static org.topupkiosk.flow.counter.CounterScreen.PIN;
import static org.topupkiosk.flow.counter.CounterScreen.SHIFT;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.counter.CounterCommand.Back;
import org.topupkiosk.flow.counter.CounterCommand.ChooseCashier;
import org.topupkiosk.flow.counter.CounterCommand.ConfirmClose;
import org.topupkiosk.flow.counter.CounterCommand.EnterPin;
import org.topupkiosk.flow.counter.CounterCommand.Logout;
import org.topupkiosk.flow.counter.CounterCommand.OpenShift;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Shift;
import org.topupkiosk.receipt.CounterReports;

/**
 * The cashier's side of the counter: choosing a cashier, the PIN (checked off the counter's thread, never kept), the
 * shift opened and closed with its Z report, the X report, and logging out.
 */
final class CashierShift {

    private static final Logger log = LoggerFactory.getLogger(CounterFlow.class);

    private final CounterState st;
    private final FlowExecutor flow;
    private final Executor io;
    private final Journal journal;
    private final CashierGate gate;
    private final ReceiptDesk desk;
    private final CounterReports reports;
    private final Clock clock;
    private final Runnable publish;

    CashierShift(CounterState st, FlowExecutor flow, Executor io, Journal journal, CashierGate gate, ReceiptDesk desk,
                 CounterReports reports, Clock clock, Runnable publish) {
        this.st = st;
        this.flow = flow;
        this.io = io;
        this.journal = journal;
        this.gate = gate;
        this.desk = desk;
        this.reports = reports;
        this.clock = clock;
        this.publish = publish;
    }

    void onLogin(CounterCommand command) {
        if (command instanceof ChooseCashier c) {
            Optional<CashierGate.Cashier> who = st.cashiers.stream().filter(x -> x.id().equals(c.cashierId())).findFirst();
            if (who.isEmpty()) {
                st.refuse(command);
                return;
            }
            st.chosen = who.get();
            st.message = null;
            st.moveTo(PIN);
        } else {
            st.refuse(command);
        }
    }

    void onPin(CounterCommand command) {
        if (command instanceof EnterPin p) {
            char[] pin = p.pin().clone();
            Arrays.fill(p.pin(), '\0');
            String id = st.chosen.id();
            st.message = FlowMessage.info("counter.pin.checking");
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
                    publish.run();
                });
            });
        } else if (command instanceof Back) {
            st.chosen = null;
            st.message = null;
            st.moveTo(LOGIN);
        } else {
            st.refuse(command);
        }
    }

    private void onPinChecked(String id, CashierGate.Attempt a) {
        if (st.screen != PIN || st.chosen == null || !st.chosen.id().equals(id)) {
            return;
        }
        st.pinFailuresLeft = a.failuresLeft();
        switch (a.result()) {
            case OK -> {
                st.cashier = st.chosen;
                st.chosen = null;
                st.pinFailuresLeft = CounterState.PIN_FAILURES;
                st.message = null;
                st.shift = journal.counter().openShift().map(Shift::number).orElse(null);
                st.moveTo(st.shift == null ? SHIFT : NUMBER);
            }
            case WRONG -> st.message = FlowMessage.error("counter.pin.wrong", String.valueOf(a.failuresLeft()));
            case LOCKED -> st.message = FlowMessage.error("counter.pin.locked",
                    String.valueOf(Math.max(1, (a.lockedFor().toSeconds() + 59) / 60)));
            case UNAVAILABLE -> st.message = FlowMessage.error("counter.pin.unavailable");
            case TOO_SHORT -> st.message = FlowMessage.error("counter.pin.too_short");
        }
    }

    void onShift(CounterCommand command) {
        if (command instanceof OpenShift) {
            st.shift = journal.counter().openShift(st.cashier.id()).number();
            log.info("shift opened shift={} cashier={}", st.shift, st.cashier.id());
            st.message = FlowMessage.info("counter.shift.opened", String.valueOf(st.shift));
            st.moveTo(NUMBER);
        } else if (command instanceof Logout) {
            logout();
        } else {
            st.refuse(command);
        }
    }

    void onCloseShift(CounterCommand command) {
        if (command instanceof ConfirmClose) {
            Shift z = journal.counter().closeShift(st.cashier.id());
            log.info("shift closed shift={} sales={} amount={}", z.number(), z.sales(), z.amount().plain());
            st.shift = null;
            printReport(z, CounterSnapshot.ReportState.Z_PRINTED);
            st.message = FlowMessage.info("counter.shift.closed", String.valueOf(z.number()));
            st.moveTo(SHIFT);
        } else if (command instanceof Back) {
            st.moveTo(NUMBER);
        } else {
            st.refuse(command);
        }
    }

    void printX() {
        Optional<Shift> open = journal.counter().openShift();
        if (open.isEmpty()) {
            return;
        }
        printReport(open.get(), CounterSnapshot.ReportState.X_PRINTED);
    }

    private void printReport(Shift s, CounterSnapshot.ReportState done) {
        st.report = CounterSnapshot.ReportState.PRINTING;
        desk.printStored(reports.shift(s, clock.instant(), journal.auditHead().printed(), st.lang), null, s.open() ? "x-report" : "z-report",
                ok -> flow.execute(() -> {
                    st.report = ok ? done : CounterSnapshot.ReportState.FAILED;
                    publish.run();
                }));
    }

    void logout() {
        journal.audit("cashier_logout", null, "{\"cashier\":\"" + st.cashier.id() + "\"}");
        st.cashier = null;
        st.shift = null;
        st.digits.setLength(0);
        st.message = null;
        st.report = CounterSnapshot.ReportState.NONE;
        loadCashiers();
        st.moveTo(LOGIN);
    }

    void loadCashiers() {
        try {
            st.cashiers = gate.cashiers();
            if (st.cashiers.isEmpty()) {
                st.message = FlowMessage.error("counter.no_cashiers");
            }
        } catch (IllegalStateException e) {
            log.error("cashiers cannot be read: {}", e.getMessage());
            st.cashiers = List.of();
            st.message = FlowMessage.error("counter.no_cashiers");
        }
    }
}
