package org.topupkiosk.flow.core;

import org.topupkiosk.domain.Lang;

/**
 * What a feature (services, scratch cards, goods, account, find my number) needs of the flow; implemented by
 * {@link TopUpFlow} on its own thread. Features move screens only through it, so the one transition table rules every
 * move.
 */
public interface FlowHost {

    Session session();

    Screen screen();

    Lang lang();

    void moveTo(Screen next);

    void say(FlowMessage message);

    void publish();

    boolean endSession();

    /** Checks the typed number with the carrier (CHECKING_NUMBER), as the top-up does. */
    void checkNumber();

    /** Opens the order for the session's number, operator and product, and goes to the cash screen. */
    void startPayment();

    void step(FlowExecutor.Timer timer);

    void cancelStep();

    /** Prints a receipt, then goes to DONE as a payment's receipt does. */
    void printed(long token, boolean ok);

    String lookupLink(String id);
}
