package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.IDLE;
import static org.topupkiosk.flow.core.Screen.LANGUAGE;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.InactivityWatch;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.StepTimer;
import org.topupkiosk.flow.core.Transitions;

/**
 * Where the kiosk is: the screen, the customer's session and language, the message shown and the one pending step
 * timer. Every part of {@link TopUpFlow} reads and moves it on the flow thread, and every screen change goes through
 * {@link #moveTo}, so the one transition table rules them all.
 */
final class Stage {

    private static final Logger log = LoggerFactory.getLogger(Stage.class);

    private final Lang defaultLang;
    private final InactivityWatch inactivity;
    /** Where an ended session rests: idle, or the service lock or out of service while those hold. */
    private final Supplier<Screen> resting;
    private long tokens;
    private final StepTimer stepTimer = new StepTimer();

    Screen screen = IDLE;
    Lang lang;
    Session session;
    FlowMessage message;

    Stage(Lang defaultLang, InactivityWatch inactivity, Supplier<Screen> resting) {
        this.defaultLang = defaultLang;
        this.inactivity = inactivity;
        this.resting = resting;
        this.lang = defaultLang;
    }

    /** A customer touched the idle screen: a new session in the default language, on the language screen. */
    boolean startSession() {
        session = newSession();
        lang = defaultLang;
        message = null;
        moveTo(LANGUAGE);
        return true;
    }

    /** A session with a token no earlier session had, so late answers for an older one are told apart. */
    Session newSession() {
        return new Session(++tokens);
    }

    boolean endSession() {
        cancelStep();
        inactivity.stop();
        session = null;
        message = null;
        lang = defaultLang;
        moveTo(resting.get());
        return true;
    }

    /** Is this still the session {@code token} on the screen it was waiting on? */
    boolean isCurrent(long token, Screen expected) {
        return session != null && session.token == token && screen == expected;
    }

    boolean hasSession(long token) {
        return session != null && session.token == token;
    }

    /** The timer of the step in progress (a carrier check, a wait); cancelled when another step starts. */
    void step(FlowExecutor.Timer timer) {
        stepTimer.start(timer);
    }

    void cancelStep() {
        stepTimer.cancel();
    }

    void moveTo(Screen next) {
        if (!Transitions.allowed(screen, next)) {
            log.error("illegal transition {} -> {} refused", screen, next);
            return;
        }
        if (next != screen) {
            log.debug("screen {} -> {}", screen, next);
            screen = next;
            if (session != null && next.watchesInactivity()) {
                inactivity.activity(next);
            } else {
                inactivity.stop();
            }
        }
    }

    /** The customer did something on a screen that watches for inactivity. */
    void activity() {
        if (session != null && screen.watchesInactivity()) {
            inactivity.activity(screen);
        }
    }
}
