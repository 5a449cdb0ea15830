package org.topupkiosk.flow.counter;

import java.time.Duration;
import java.util.List;

/** Who may sell at the counter: the cashiers and their PIN check (slow on purpose; the flow calls it off its thread). */
public interface CashierGate {

    record Cashier(String id, String name) {}

    /** {@code TOO_SHORT}: the right PIN, but shorter than the rule allows now: refused until a new one is set. */
    enum Result { OK, WRONG, LOCKED, UNAVAILABLE, TOO_SHORT }

    /** {@code failuresLeft} before the lockout; {@code lockedFor} while locked; {@code problem} when unavailable. */
    record Attempt(Result result, int failuresLeft, Duration lockedFor, String problem) {}

    /** The cashiers, in the file's order; IllegalStateException naming the problem when they cannot be read. */
    List<Cashier> cashiers();

    Attempt check(String cashierId, char[] pin);
}
