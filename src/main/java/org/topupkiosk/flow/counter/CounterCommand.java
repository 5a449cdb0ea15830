package org.topupkiosk.flow.counter;

import java.util.Arrays;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.KeypadKey;

/** What the counter screens (keyboard or touch) ask of the {@link CounterFlow}. */
public sealed interface CounterCommand {

    record ChooseCashier(String cashierId) implements CounterCommand {}

    /** The typed PIN; the flow wipes the array after the check. */
    record EnterPin(char[] pin) implements CounterCommand {
        @Override
        public String toString() {
            return "EnterPin[****]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EnterPin p && Arrays.equals(pin, p.pin);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pin);
        }
    }

    record Digit(int digit) implements CounterCommand, KeypadKey.Digit {
        public Digit {
            KeypadKey.Digit.checked(digit);
        }
    }

    record Backspace() implements CounterCommand, KeypadKey.Backspace {}

    record Clear() implements CounterCommand, KeypadKey.Clear {}

    /** The primary action of the screen: check the number, take the amount, take the cash, next sale. */
    record Next() implements CounterCommand {}

    /** One step back, or out of the sale before any cash was taken. */
    record Back() implements CounterCommand {}

    record OpenShift() implements CounterCommand {}

    /** Prints the X report (running totals; the shift stays open). */
    record PrintX() implements CounterCommand {}

    /** Asks to close the shift; {@link ConfirmClose} then prints the Z report. */
    record CloseShift() implements CounterCommand {}

    record ConfirmClose() implements CounterCommand {}

    record Logout() implements CounterCommand {}

    record SetLanguage(Lang lang) implements CounterCommand {}
}
