package org.topupkiosk.flow.counter;

import static org.topupkiosk.flow.counter.CounterScreen.AMOUNT;
import static org.topupkiosk.flow.counter.CounterScreen.CHECKING;
import static org.topupkiosk.flow.counter.CounterScreen.CLOSE_SHIFT;
import static org.topupkiosk.flow.counter.CounterScreen.DONE;
import static org.topupkiosk.flow.counter.CounterScreen.LOGIN;
import static org.topupkiosk.flow.counter.CounterScreen.NUMBER;
import static org.topupkiosk.flow.counter.CounterScreen.PAYING;
import static org.topupkiosk.flow.counter.CounterScreen.PIN;
import static org.topupkiosk.flow.counter.CounterScreen.RECEIVED;
import static org.topupkiosk.flow.counter.CounterScreen.RETURN_CASH;
import static org.topupkiosk.flow.counter.CounterScreen.SHIFT;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which counter screen may follow which. Once cash is journaled (PAYING) the only ways on are DONE and RETURN_CASH:
 * a sale with money in it cannot be walked away from by a stray key.
 */
final class CounterTransitions {

    private static final Map<CounterScreen, Set<CounterScreen>> NEXT = new EnumMap<>(CounterScreen.class);

    static {
        NEXT.put(LOGIN, EnumSet.of(LOGIN, PIN));
        NEXT.put(PIN, EnumSet.of(PIN, LOGIN, SHIFT, NUMBER));
        NEXT.put(SHIFT, EnumSet.of(SHIFT, NUMBER, LOGIN));
        NEXT.put(NUMBER, EnumSet.of(NUMBER, CHECKING, CLOSE_SHIFT, LOGIN));
        NEXT.put(CHECKING, EnumSet.of(CHECKING, NUMBER, AMOUNT));
        NEXT.put(AMOUNT, EnumSet.of(AMOUNT, RECEIVED, NUMBER));
        NEXT.put(RECEIVED, EnumSet.of(RECEIVED, AMOUNT, PAYING));
        NEXT.put(PAYING, EnumSet.of(PAYING, DONE, RETURN_CASH));
        NEXT.put(DONE, EnumSet.of(DONE, NUMBER));
        NEXT.put(RETURN_CASH, EnumSet.of(RETURN_CASH, NUMBER));
        NEXT.put(CLOSE_SHIFT, EnumSet.of(CLOSE_SHIFT, NUMBER, SHIFT));
    }

    private CounterTransitions() {}

    static boolean allowed(CounterScreen from, CounterScreen to) {
        return NEXT.get(from).contains(to);
    }
}
