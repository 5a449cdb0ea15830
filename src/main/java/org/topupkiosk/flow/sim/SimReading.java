package org.topupkiosk.flow.sim;

import static org.topupkiosk.flow.core.Screen.*;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.sim.SimEvent;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.SimControl;
import org.topupkiosk.flow.core.SimLookupView.Phase;

/**
 * The SIM reader's side of "find my number", on the flow thread: the reader armed on the screens that take a card and
 * watched for health on the insert screen, its events (card in, out, read, failed), and the carrier look-up of a card
 * that was read ({@link SimLookupSteps}). Part of {@link FindMyNumber}.
 */
final class SimReading {

    private static final Logger log = LoggerFactory.getLogger(SimReading.class);

    private static final Set<Screen> OWN = EnumSet.of(SIM_INSERT, SIM_READING, SIM_RESULT, SIM_FAILED);

    private final FeatureContext ctx;
    private final FlowHost host;
    private final SimJournal journal;
    private final SimLookupSteps steps;
    private SimControl reader = SimControl.NONE;
    /** What the flow last told the reader; the reader disarms itself after a reading. */
    private boolean armed;
    /** A card is in the slot, as the reader last said; not a session's: a card outlives a session. */
    private boolean cardPresent;
    private Screen lastScreen = IDLE;
    private FlowExecutor.Timer healthPoll;

    SimReading(FeatureContext ctx, SimJournal journal) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.journal = journal;
        this.steps = new SimLookupSteps(ctx, journal);
    }

    void attach(SimControl control) {
        this.reader = control;
    }

    /** A card is in the slot, as the reader last said. */
    boolean cardPresent() {
        return cardPresent;
    }

    /** The reader is armed, working and wanted on this screen: the screen may say "insert your card". */
    boolean ready(Session s, Screen screen) {
        return armed && reader.unavailable().isEmpty() && takesCard(screen, s);
    }

    // Reader arming -------------------------------------------------------------------------------------------------

    /**
     * After every step of the flow: entering the insert screen from outside starts a look-up; the reader is armed on
     * the screens that take a card and disarmed elsewhere; the insert screen watches the reader's health.
     */
    void sync(Session s, Screen screen) {
        Screen before = lastScreen;
        lastScreen = screen;
        if (s != null && screen == SIM_INSERT && !OWN.contains(before)) {
            begin(s);
            screen = host.screen();
            lastScreen = screen;
        }
        boolean want = s != null && takesCard(screen, s) && !(cardPresent && SimLookup.of(s).cardConsumed);
        if (want && !armed) {
            armed = true;
            reader.arm();
            if (cardPresent && screen == SIM_INSERT) {
                // The card went in before this screen: arming reads it now.
                steps.startReading(s, SIM_INSERT);
                lastScreen = host.screen();
            }
        } else if (!want && armed) {
            armed = false;
            reader.disarm();
        }
        if (s != null && host.screen() == SIM_INSERT) {
            watchHealth(s.token);
        } else if (healthPoll != null) {
            healthPoll.cancel();
            healthPoll = null;
        }
    }

    private static boolean takesCard(Screen screen, Session s) {
        return switch (screen) {
            case SIM_INSERT, NUMBER_ENTRY, OPERATOR_CHOICE -> true;
            case SIM_READING -> SimLookup.of(s).phase == Phase.READING;
            default -> false;
        };
    }

    /** A look-up from the start: the card in the slot (or the next) is read, even one read before in this session. */
    void begin(Session s) {
        SimLookup.of(s).restart();
        host.say(null);
        if (armed) {
            // Re-arm so the reader reads a card it already read for an earlier screen.
            armed = false;
            reader.disarm();
        }
        Optional<SimException.Code> down = reader.unavailable();
        if (down.isPresent()) {
            log.info("find my number: reader unavailable code={}", down.get());
            journal.readFailed(down.get());
            steps.fail(s, SIM_INSERT, down.get().messageKey(), false);
        }
    }

    private void watchHealth(long token) {
        if (healthPoll != null) {
            return;
        }
        healthPoll = ctx.flow().schedule(() -> {
            healthPoll = null;
            Session s = host.session();
            if (!host.isCurrent(token, SIM_INSERT)) {
                return;
            }
            Optional<SimException.Code> down = reader.unavailable();
            if (down.isPresent()) {
                log.info("find my number: reader went away code={}", down.get());
                journal.readFailed(down.get());
                steps.fail(s, SIM_INSERT, down.get().messageKey(), false);
                host.publish();
            } else {
                watchHealth(token);
            }
        }, FindMyNumber.HEALTH_POLL);
    }

    // Device events -------------------------------------------------------------------------------------------------

    /** One reader event, on the flow thread; the flow publishes after it. */
    void onSimEvent(SimEvent event) {
        Session s = host.session();
        Screen screen = host.screen();
        if (event instanceof SimEvent.Inserted) {
            cardPresent = true;
            if (s != null) {
                SimLookup.of(s).cardConsumed = false;
            }
            if (s != null && armed && (screen == SIM_INSERT || screen == NUMBER_ENTRY || screen == OPERATOR_CHOICE)) {
                steps.startReading(s, screen);
            } else {
                log.info("sim inserted screen={}: not reading here", screen);
            }
        } else if (event instanceof SimEvent.Removed) {
            cardPresent = false;
            if (s == null) {
                return;
            }
            SimLookup sim = SimLookup.of(s);
            sim.cardConsumed = false;
            if (screen == SIM_READING && sim.phase == Phase.READING) {
                journal.readFailed(SimException.Code.CARD_REMOVED);
                steps.fail(s, sim.origin, SimException.Code.CARD_REMOVED.messageKey(), true);
            } else if (screen == SIM_RESULT || screen == SIM_FAILED) {
                host.say(null); // the card is back with the customer: no "take your card" left on screen
            }
        } else if (event instanceof SimEvent.Read r) {
            armed = false; // the reader disarms itself after a reading
            if (!readsHere(s, screen)) {
                log.info("sim read dropped screen={} session={}", screen, s == null ? "none" : "open");
                return;
            }
            steps.onRead(s, screen == SIM_READING ? SimLookup.of(s).origin : screen, r.identity());
        } else if (event instanceof SimEvent.ReadFailed f) {
            if (!readsHere(s, screen)) {
                log.info("sim read failure dropped code={} screen={} session={}", f.error().code(), screen,
                        s == null ? "none" : "open");
                return;
            }
            SimLookup sim = SimLookup.of(s);
            sim.cardConsumed = true;
            sim.used = true;
            SimException.Code code = f.error().code();
            journal.readFailed(code);
            steps.fail(s, screen == SIM_READING ? sim.origin : screen, code.messageKey(), code.retryable());
        }
    }

    /** A reading belongs to the screen only while it waits for one. */
    private static boolean readsHere(Session s, Screen screen) {
        return s != null && (screen == SIM_INSERT || screen == NUMBER_ENTRY || screen == OPERATOR_CHOICE
                || screen == SIM_READING && SimLookup.of(s).phase == Phase.READING);
    }
}
