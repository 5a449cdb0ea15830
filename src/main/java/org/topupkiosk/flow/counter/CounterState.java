package org.topupkiosk.flow.counter;

import static org.topupkiosk.flow.counter.CounterScreen.LOGIN;
import static org.topupkiosk.flow.counter.CounterScreen.NUMBER;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.StepTimer;
import org.topupkiosk.flow.core.TouchInput;

/**
 * Where the counter is: the screen, the cashier and shift, the digits being typed, the sale in progress and the message
 * shown. {@link CashierShift} and {@link CounterSale} move it on the counter's one thread; every screen change goes
 * through {@link #moveTo}, so the counter's transition table rules them all.
 */
final class CounterState {

    private static final Logger log = LoggerFactory.getLogger(CounterState.class);

    /** The service PIN's lockout count is the cashiers' too; the gate says the real number after a failure. */
    static final int PIN_FAILURES = 5;

    CounterScreen screen = LOGIN;
    Lang lang;
    List<CashierGate.Cashier> cashiers = List.of();
    CashierGate.Cashier chosen;
    CashierGate.Cashier cashier;
    Integer shift;
    final StringBuilder digits = new StringBuilder();
    Session sale;
    Money received;
    FlowMessage message;
    CounterSnapshot.ReportState report = CounterSnapshot.ReportState.NONE;
    int pinFailuresLeft = PIN_FAILURES;
    private final StepTimer stepTimer = new StepTimer();
    private long tokens;

    CounterState(Lang lang) {
        this.lang = lang;
    }

    /** A sale with a token no earlier sale had, so late answers for an older one are told apart. */
    Session newSale() {
        return new Session(++tokens);
    }

    boolean isCurrent(long token, CounterScreen expected) {
        return sale != null && sale.token == token && screen == expected;
    }

    /** The typed digits as roubles; nothing typed is zero. */
    Money typedRubles() {
        return digits.isEmpty() ? Money.ZERO_RUB : Money.rub(Long.parseLong(digits.toString()));
    }

    /** What the customer pays for the typed amount: the least cash whose balance part is at least that amount. */
    Money total() {
        return sale.fee().cashNeededFor(sale.amount);
    }

    void step(FlowExecutor.Timer timer) {
        stepTimer.start(timer);
    }

    void cancelStepTimer() {
        stepTimer.cancel();
    }

    void moveTo(CounterScreen next) {
        if (!CounterTransitions.allowed(screen, next)) {
            log.error("illegal counter transition {} -> {} refused", screen, next);
            return;
        }
        log.debug("counter screen {} -> {}", screen, next);
        screen = next;
    }

    void refuse(CounterCommand command) {
        log.info("counter command {} refused on screen {}", command, screen);
    }

    boolean editDigits(CounterCommand command, int max) {
        if (!TouchInput.edit(digits, command, max, screen != NUMBER)) {
            return false;
        }
        // Typing answers an error and moves past a notice; a warning (offline sale) stays for the whole sale.
        if (message != null && message.severity() != FlowMessage.Severity.WARNING) {
            message = null;
        }
        return true;
    }
}
