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

    /** The session and screen a carrier answer was waited for still stand; a late answer for another is dropped. */
    default boolean isCurrent(long token, Screen expected) {
        Session s = session();
        return s != null && s.token == token && screen() == expected;
    }

    /**
     * The way out every service screen offers: Back runs {@code back}, Start over ends the session. False for any
     * other command, so the screen refuses it.
     */
    default boolean backOrStartOver(FlowCommand c, Runnable back) {
        if (c instanceof FlowCommand.Back) {
            back.run();
        } else if (c instanceof FlowCommand.StartOver) {
            endSession();
        } else {
            return false;
        }
        return true;
    }

    /** Finish or Start over on a screen that only ends: the session ends; false for any other command. */
    default boolean finish(FlowCommand c) {
        return c instanceof FlowCommand.Finish || c instanceof FlowCommand.StartOver ? endSession() : false;
    }

    /**
     * Back or Start over while a carrier call runs: the call is dropped, then Back goes to {@code back} and Start over
     * ends the session. False for any other command.
     */
    default boolean leaveStep(FlowCommand c, Screen back) {
        if (!(c instanceof FlowCommand.Back || c instanceof FlowCommand.StartOver)) {
            return false;
        }
        cancelStep();
        if (c instanceof FlowCommand.StartOver) {
            return endSession();
        }
        moveTo(back);
        return true;
    }
}
