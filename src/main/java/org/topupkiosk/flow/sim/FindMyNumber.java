package org.topupkiosk.flow.sim;

import static org.topupkiosk.flow.core.Screen.*;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.SimNumberFinder;
import org.topupkiosk.device.sim.SimEvent;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimIdentity;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.SimControl;
import org.topupkiosk.flow.core.SimLookupView.Phase;
import org.topupkiosk.flow.core.SimLookupView;
import org.topupkiosk.flow.sim.SimCarrierLookup.Answer;

/**
 * "Find my number" on the flow thread: the customer inserts their SIM, the reader reads it, the number comes from the
 * card or else from the carrier by the card's ICCID ({@link SimNumberFinder}), the carrier names the operator, and the
 * customer tops the number up, checks its balance or prints it. The same reading fills the number screen when a card
 * goes in there or on the operator tiles. No money moves; each step is journaled in the audit chain with the ICCID
 * and IMSI masked ({@link SimJournal}).
 *
 * <p>The reader is armed only on the screens that take a card, and a card has one reading per session until it comes
 * out, so a card left in never loops. Device events arrive through {@link TopUpFlow#simEvent} on the flow thread; one
 * that does not fit the screen (late, after the session ended, a second reading) is dropped with a log line.
 */
public final class FindMyNumber {

    private static final Logger log = LoggerFactory.getLogger(FindMyNumber.class);

    /**
     * The flow's backstop for a reading: the reader reports a mute card after its own {@code devices.sim.readTimeoutMs}
     * (5 s by default); a reader that says nothing at all by this time is treated as failed.
     */
    public static final Duration READ_WAIT = Duration.ofSeconds(12);
    /** How often the insert screen asks the reader whether it still works (pcscd stopped, reader unplugged). */
    public static final Duration HEALTH_POLL = Duration.ofSeconds(1);

    private static final Set<Screen> OWN = EnumSet.of(SIM_INSERT, SIM_READING, SIM_RESULT, SIM_FAILED);

    private final FlowHost host;
    private final FlowExecutor flow;
    private final CarrierCalls calls;
    private final SimCarrierLookup lookup;
    private final Catalog catalog;
    private final FlowSettings settings;
    private final SimJournal journal;
    private SimControl reader = SimControl.NONE;
    /** What the flow last told the reader; the reader disarms itself after a reading. */
    private boolean armed;
    /** A card is in the slot, as the reader last said; not a session's: a card outlives a session. */
    private boolean cardPresent;
    private Screen lastScreen = IDLE;
    private FlowExecutor.Timer healthPoll;

    public FindMyNumber(FlowHost host, FlowExecutor flow, CarrierCalls calls, CarrierGateway carrier,
                 Catalog catalog, FlowSettings settings, SimJournal journal) {
        this.host = host;
        this.flow = flow;
        this.calls = calls;
        this.lookup = new SimCarrierLookup(carrier, catalog);
        this.catalog = catalog;
        this.settings = settings;
        this.journal = journal;
    }

    public void attach(SimControl control) {
        this.reader = control;
    }

    // Reader arming -------------------------------------------------------------------------------------------------

    /**
     * After every step of the flow: entering the insert screen from outside starts a look-up; the reader is armed on
     * the screens that take a card and disarmed elsewhere; the insert screen watches the reader's health.
     */
    public void sync(Session s, Screen screen) {
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
                startReading(s, SIM_INSERT);
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
    private void begin(Session s) {
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
            fail(s, SIM_INSERT, down.get().messageKey(), false);
        }
    }

    private void watchHealth(long token) {
        if (healthPoll != null) {
            return;
        }
        healthPoll = flow.schedule(() -> {
            healthPoll = null;
            Session s = host.session();
            if (s == null || s.token != token || host.screen() != SIM_INSERT) {
                return;
            }
            Optional<SimException.Code> down = reader.unavailable();
            if (down.isPresent()) {
                log.info("find my number: reader went away code={}", down.get());
                journal.readFailed(down.get());
                fail(s, SIM_INSERT, down.get().messageKey(), false);
                host.publish();
            } else {
                watchHealth(token);
            }
        }, HEALTH_POLL);
    }

    // Device events -------------------------------------------------------------------------------------------------

    /** One reader event, on the flow thread; the flow publishes after it. */
    public void onSimEvent(SimEvent event) {
        Session s = host.session();
        Screen screen = host.screen();
        if (event instanceof SimEvent.Inserted) {
            cardPresent = true;
            if (s != null) {
                SimLookup.of(s).cardConsumed = false;
            }
            if (s != null && armed && (screen == SIM_INSERT || screen == NUMBER_ENTRY || screen == OPERATOR_CHOICE)) {
                startReading(s, screen);
            } else {
                log.info("sim inserted screen={}: not reading here", screen);
            }
        } else if (event instanceof SimEvent.Removed) {
            cardPresent = false;
            if (s == null) {
                return;
            }
            SimLookup.of(s).cardConsumed = false;
            if (screen == SIM_READING && SimLookup.of(s).phase == Phase.READING) {
                journal.readFailed(SimException.Code.CARD_REMOVED);
                fail(s, SimLookup.of(s).origin, SimException.Code.CARD_REMOVED.messageKey(), true);
            } else if (screen == SIM_RESULT || screen == SIM_FAILED) {
                host.say(null); // the card is back with the customer: no "take your card" left on screen
            }
        } else if (event instanceof SimEvent.Read r) {
            armed = false; // the reader disarms itself after a reading
            if (!readsHere(s, screen)) {
                log.info("sim read dropped screen={} session={}", screen, s == null ? "none" : "open");
                return;
            }
            onRead(s, screen == SIM_READING ? SimLookup.of(s).origin : screen, r.identity());
        } else if (event instanceof SimEvent.ReadFailed f) {
            if (!readsHere(s, screen)) {
                log.info("sim read failure dropped code={} screen={} session={}", f.error().code(), screen,
                        s == null ? "none" : "open");
                return;
            }
            SimLookup.of(s).cardConsumed = true;
            SimLookup.of(s).used = true;
            SimException.Code code = f.error().code();
            journal.readFailed(code);
            fail(s, screen == SIM_READING ? SimLookup.of(s).origin : screen, code.messageKey(), code.retryable());
        }
    }

    /** A reading belongs to the screen only while it waits for one. */
    private static boolean readsHere(Session s, Screen screen) {
        return s != null && (screen == SIM_INSERT || screen == NUMBER_ENTRY || screen == OPERATOR_CHOICE
                || screen == SIM_READING && SimLookup.of(s).phase == Phase.READING);
    }

    private void startReading(Session s, Screen origin) {
        SimLookup.of(s).phase = Phase.READING;
        SimLookup.of(s).origin = origin;
        SimLookup.of(s).used = true;
        host.say(null);
        host.moveTo(SIM_READING);
        long token = s.token;
        host.step(flow.schedule(() -> {
            Session now = host.session();
            if (now != null && now.token == token && host.screen() == SIM_READING && SimLookup.of(now).phase == Phase.READING) {
                log.warn("sim reader said nothing within {}", READ_WAIT);
                journal.readFailed(SimException.Code.TRANSPORT);
                fail(now, SimLookup.of(now).origin, SimException.Code.TRANSPORT.messageKey(), true);
                host.publish();
            }
        }, READ_WAIT));
    }

    private void onRead(Session s, Screen origin, SimIdentity card) {
        SimLookup.of(s).cardConsumed = true;
        SimLookup.of(s).used = true;
        SimLookup.of(s).card = card;
        SimLookup.of(s).origin = origin;
        journal.read(card);
        if (origin != SIM_INSERT && card.msisdn().isPresent()) {
            // Filling the number screen: the card's own number is enough; the top-up's check names the operator.
            found(s, new Answer(card.msisdn().get(), true, card.operatorHint().orElse(null), false, null, null));
            return;
        }
        SimLookup.of(s).phase = Phase.ASKING;
        host.say(null);
        host.moveTo(SIM_READING);
        long token = s.token;
        host.step(calls.call("sim-lookup", () -> lookup.ask(card), settings.carrierCheckTimeout(),
                r -> onAnswer(token, card, r)));
    }

    // The carrier ---------------------------------------------------------------------------------------------------

    private void onAnswer(long token, SimIdentity card, CarrierCalls.Result<Answer> r) {
        Session s = host.session();
        if (s == null || s.token != token || host.screen() != SIM_READING || SimLookup.of(s).phase != Phase.ASKING) {
            log.info("sim look-up answer dropped: the customer moved on");
            return;
        }
        Answer a;
        if (r instanceof CarrierCalls.Result.Ok<Answer> ok) {
            a = ok.value();
        } else if (card.msisdn().isPresent()) {
            // The card has the number; only the operator is unconfirmed while the carrier is silent.
            a = new Answer(card.msisdn().get(), true, card.operatorHint().orElse(null), false, null, null);
        } else {
            String reason = r instanceof CarrierCalls.Result.Failed<Answer> f ? f.error().code() : "timeout";
            a = new Answer(null, false, null, false, SimNumberFinder.Found.KEY_CARRIER_UNREACHABLE, reason);
        }
        if (a.number() == null) {
            journal.notFound(a.reason());
            fail(s, SimLookup.of(s).origin, a.problemKey(), false);
        } else {
            found(s, a);
        }
        host.publish();
    }

    private void found(Session s, Answer a) {
        host.cancelStep();
        SimLookup sim = SimLookup.of(s);
        sim.number = a.number();
        sim.fromCard = a.fromCard();
        sim.operatorId = a.operatorId() != null && catalog.operator(a.operatorId()).isPresent() ? a.operatorId() : null;
        sim.operatorConfirmed = a.confirmed() && sim.operatorId != null;
        sim.phase = Phase.FOUND;
        journal.found(a.number(), a.fromCard(), sim.operatorId, sim.operatorConfirmed);
        if (sim.origin == SIM_INSERT) {
            host.say(null);
            host.moveTo(SIM_RESULT);
            return;
        }
        s.numberDigits.setLength(0);
        s.numberDigits.append(a.number().national());
        if (s.hintOperatorId == null && sim.operatorId != null) {
            s.hintOperatorId = sim.operatorId;
        }
        host.say(FlowMessage.info("sim.number.filled", a.number().pretty()));
        host.moveTo(NUMBER_ENTRY);
    }

    /**
     * A look-up that found no number. From the insert screen a retryable card problem stays there with the reason
     * (insert it again); anything else gets the failure screen. Filling the number screen, the reason shows there.
     */
    private void fail(Session s, Screen origin, String key, boolean retryable) {
        host.cancelStep();
        SimLookup.of(s).problemKey = key;
        if (origin != SIM_INSERT) {
            SimLookup.of(s).phase = Phase.WAITING;
            host.say(FlowMessage.error(key));
            host.moveTo(NUMBER_ENTRY);
        } else if (retryable) {
            SimLookup.of(s).phase = Phase.WAITING;
            host.say(FlowMessage.error(key));
            host.moveTo(SIM_INSERT);
        } else {
            SimLookup.of(s).phase = Phase.FAILED;
            host.say(null);
            host.moveTo(SIM_FAILED);
        }
    }

    // Commands ------------------------------------------------------------------------------------------------------

    public boolean handle(Screen screen, FlowCommand c) {
        Session s = host.session();
        if (c instanceof StartOver || (c instanceof Finish && screen == SIM_RESULT)) {
            host.cancelStep();
            return host.endSession();
        }
        return switch (screen) {
            case SIM_INSERT -> c instanceof Back ? home() : c instanceof Next && typeInstead(s);
            case SIM_READING -> c instanceof Back && leaveReading(s);
            case SIM_RESULT -> onResult(s, c);
            case SIM_FAILED -> c instanceof Back ? tryAgain(s) : c instanceof Next && typeInstead(s);
            default -> false;
        };
    }

    private boolean home() {
        host.say(null);
        host.moveTo(HOME);
        return true;
    }

    /** "Type the number instead": the top-up's number screen, where a card can still be inserted. */
    private boolean typeInstead(Session s) {
        s.service = Service.TOPUP;
        s.hintOperatorId = null;
        host.say(null);
        host.moveTo(NUMBER_ENTRY);
        return true;
    }

    private boolean leaveReading(Session s) {
        host.cancelStep();
        SimLookup.of(s).phase = Phase.WAITING;
        host.moveTo(SimLookup.of(s).origin == SIM_INSERT ? SIM_INSERT : NUMBER_ENTRY);
        return true;
    }

    private boolean tryAgain(Session s) {
        host.moveTo(SIM_INSERT);
        begin(s);
        return true;
    }

    private boolean onResult(Session s, FlowCommand c) {
        if (c instanceof ChooseService cs && (cs.service() == Service.TOPUP || cs.service() == Service.BALANCE)) {
            // The same steps as typing the number: the top-up's own carrier check, or the balance query.
            s.service = cs.service();
            s.numberDigits.setLength(0);
            s.numberDigits.append(SimLookup.of(s).number.national());
            s.hintOperatorId = SimLookup.of(s).operatorId;
            host.say(null);
            host.checkNumber();
        } else if (c instanceof PrintNumber) {
            printSlip(s);
        } else if (c instanceof Back) {
            return home();
        } else {
            return false;
        }
        return true;
    }

    private void printSlip(Session s) {
        SimLookup sim = SimLookup.of(s);
        if (sim.slip == FlowSnapshot.ReceiptState.PRINTING || sim.slip == FlowSnapshot.ReceiptState.PRINTED) {
            return;
        }
        sim.slip = FlowSnapshot.ReceiptState.PRINTING;
        host.say(FlowMessage.info("sim.slip.printing"));
        long token = s.token;
        journal.printSlip(sim.number, operatorName(sim.operatorId, host.lang()), sim.operatorConfirmed, sim.fromCard,
                host.lang(), ok -> flow.execute(() -> onSlipPrinted(token, ok)));
    }

    private void onSlipPrinted(long token, boolean ok) {
        Session s = host.session();
        if (s == null || s.token != token) {
            log.info("number slip printed ok={} after its session ended", ok);
            return;
        }
        SimLookup.of(s).slip = ok ? FlowSnapshot.ReceiptState.PRINTED : FlowSnapshot.ReceiptState.FAILED;
        if (host.screen() == SIM_RESULT) {
            host.say(ok ? FlowMessage.info("sim.slip.printed") : FlowMessage.warning("receipt.failed"));
        }
        host.publish();
    }

    // Session and snapshot ------------------------------------------------------------------------------------------

    /**
     * The inactivity countdown ran out, but the customer's card is still in the reader: the session stays (with a
     * reminder) rather than leave a stranger the card. Not on the cash screens, which settle money their own way.
     */
    /**
     * A card sits in the reader on a screen that does not speak of it: a SIM filled the number for a top-up or an auto
     * top-up, or the session ended with the card still in. A tourist who walks away without their SIM has lost their
     * phone number, so every other screen, the idle one too, reminds them until the card comes out.
     */
    public boolean remindToTakeCard(Screen screen) {
        return cardPresent && screen != SIM_INSERT && screen != SIM_READING && screen != SIM_RESULT
                && screen != SIM_FAILED;
    }

    public boolean holdsSession(Session s, Screen screen) {
        return s != null && SimLookup.of(s).used && cardPresent && screen != CASH_INSERTION && screen != CONFIRM;
    }

    /** The find-my-number part of the snapshot; null without a session. */
    public SimLookupView view(Session s, Screen screen, org.topupkiosk.domain.Lang lang) {
        if (s == null) {
            return null;
        }
        SimLookup sim = SimLookup.of(s);
        Optional<Operator> op = sim.operatorId == null ? Optional.empty() : catalog.operator(sim.operatorId);
        boolean ready = armed && reader.unavailable().isEmpty() && takesCard(screen, s);
        return new SimLookupView(sim.phase, ready, cardPresent && sim.used, sim.number, sim.fromCard,
                op.map(Operator::id).orElse(null), op.map(o -> o.name(lang.code())).orElse(null),
                op.map(Operator::color).orElse(null), sim.operatorConfirmed,
                screen == SIM_FAILED ? sim.problemKey : null, sim.slip);
    }

    private String operatorName(String id, org.topupkiosk.domain.Lang lang) {
        return id == null ? null : catalog.operator(id).map(o -> o.name(lang.code())).orElse(id);
    }

    /** {@code v} with the find-my-number part in it (the other services' parts untouched). */
    public static ServicesView withSim(ServicesView v, SimLookupView sim) {
        if (v == null) {
            return null;
        }
        return new ServicesView(v.service(), v.operators(), v.hintOperatorId(), v.balance(), v.balanceExpires(),
                v.packages(), v.page(), v.pages(), v.selected(), v.voucherPinMasked(), v.voucherPinLength(),
                v.voucherNominal(), v.voucherOperatorName(), v.voucherSerial(), v.promo(), v.goods(), v.account(), sim);
    }
}
