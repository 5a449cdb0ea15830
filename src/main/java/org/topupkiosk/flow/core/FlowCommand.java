package org.topupkiosk.flow.core;

import java.util.Objects;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;

/** What the customer (through the UI) asks the flow to do. Verbs. Any command also counts as activity. */
public sealed interface FlowCommand {

    /** Touch on the idle screen. */
    record Start() implements FlowCommand {}

    /** Switch language; allowed on every screen. On the language screen it also moves on. */
    record SetLanguage(Lang lang) implements FlowCommand {}

    /** A keypad digit 0-9 on the number or amount screen. */
    record Digit(int digit) implements FlowCommand, KeypadKey.Digit {
        public Digit {
            KeypadKey.Digit.checked(digit);
        }
    }

    record Backspace() implements FlowCommand, KeypadKey.Backspace {}

    record Clear() implements FlowCommand, KeypadKey.Clear {}

    /** The primary action on the number, operator and amount screens. */
    record Next() implements FlowCommand {}

    record Back() implements FlowCommand {}

    /** Abandon the session; with cash inserted this prints a credit voucher. */
    record StartOver() implements FlowCommand {}

    /** Done inserting cash: go to the confirmation. */
    record Pay() implements FlowCommand {}

    /** Confirm the payment on the confirmation screen. */
    record Confirm() implements FlowCommand {}

    /** Cancel the order; with cash inserted this prints a credit voucher. */
    record Cancel() implements FlowCommand {}

    /** "I am still here" on the inactivity warning. */
    record StillHere() implements FlowCommand {}

    /** Leave the done or credit voucher screen. */
    record Finish() implements FlowCommand {}

    /** A tile on the home screen. */
    record ChooseService(Service service) implements FlowCommand {}

    /** An operator tile: a hint for the number check, which the carrier's answer overrides. */
    record ChooseOperator(String operatorId) implements FlowCommand {}

    /** A package on the package list. */
    record ChooseProduct(String productId) implements FlowCommand {}

    /** The big arrows of a long list: one page up (-1) or down (+1). */
    record Page(int delta) implements FlowCommand {}

    // Find my number (issue 7 item 4).

    /** "Print my number" on the find-my-number result: a slip with the number, no money. */
    record PrintNumber() implements FlowCommand {}
    // Auto top-up and recent payments (one-time codes)

    /** A money tile: the auto top-up's threshold or amount, on the screen that asks for it. */
    record ChooseAmount(Money amount) implements FlowCommand {
        public ChooseAmount {
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** "Send a new code" on the one-time-code screen. */
    record ResendCode() implements FlowCommand {}

    /** "Reprint" on one of the recent payments: {@code entryId} is its txn, redemption or enrolment id. */
    record Reprint(String entryId) implements FlowCommand {
        public Reprint {
            Objects.requireNonNull(entryId, "entryId");
        }
    }

    /** Take the kiosk out of customer use (service menu, door opened). */
    record Lock(String reason) implements FlowCommand {}

    /** Back into customer use after service. */
    record Unlock() implements FlowCommand {}

    /**
     * The service PIN pad opened over the customer's screen (the corner gesture), or closed without a login. Opening
     * keeps a customer's session as it is (it locks at once only when nobody is in a session); closing withdraws only
     * what opening locked. Neither is the customer's activity. The right PIN then sends {@link Lock}.
     */
    record ServicePad(boolean open) implements FlowCommand {}

    /**
     * The code scanner read a code (posted by the scanner's listener, not by a touch). What it does depends on the
     * screen; see {@code TopUpFlow#onCodeScanned}. The meaning of a scratch card holds its PIN: never log it in clear.
     */
    record CodeScanned(CodeMeaning meaning) implements FlowCommand {
        public CodeScanned {
            Objects.requireNonNull(meaning, "meaning");
        }

        /** For logs: a scratch card shows its mask, a credit voucher only its kind (its code is a bearer secret). */
        @Override
        public String toString() {
            boolean secret = meaning instanceof CodeMeaning.CreditVoucher;
            return "CodeScanned[" + (secret ? "CreditVoucher" : meaning.toString()) + "]";
        }
    }
}
