package org.topupkiosk.flow.core;

/**
 * A key of the on-screen keypad, the same on the kiosk ({@link FlowCommand}) and the counter: each side keeps its own
 * command records, and {@link TouchInput#edit} applies either.
 */
public interface KeypadKey {

    /** A digit 0-9. */
    interface Digit extends KeypadKey {
        int digit();

        /** {@code digit} when it is 0-9; else an error, so a record never holds another. */
        static int checked(int digit) {
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("digit must be 0-9, got " + digit);
            }
            return digit;
        }
    }

    interface Backspace extends KeypadKey {}

    interface Clear extends KeypadKey {}
}
