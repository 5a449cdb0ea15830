package org.topupkiosk.flow.sim;

import static org.topupkiosk.flow.core.Screen.*;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.SimNumberFinder;
import org.topupkiosk.device.sim.SimEvent;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServiceOffer;
import org.topupkiosk.flow.core.ServicesView;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.SimControl;
import org.topupkiosk.flow.core.SimLookupView.Phase;
import org.topupkiosk.flow.core.SimLookupView;

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

    private final FeatureContext ctx;
    private final FlowHost host;
    private final SimJournal journal;
    private final SimReading reading;

    public FindMyNumber(FeatureContext ctx, SimJournal journal) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.journal = journal;
        this.reading = new SimReading(ctx, journal);
    }

    public void attach(SimControl control) {
        reading.attach(control);
    }

    /**
     * After every step of the flow: entering the insert screen from outside starts a look-up; the reader is armed on
     * the screens that take a card and disarmed elsewhere; the insert screen watches the reader's health.
     */
    public void sync(Session s, Screen screen) {
        reading.sync(s, screen);
    }

    /** One reader event, on the flow thread; the flow publishes after it. */
    public void onSimEvent(SimEvent event) {
        reading.onSimEvent(event);
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
        reading.begin(s);
        return true;
    }

    private boolean onResult(Session s, FlowCommand c) {
        if (c instanceof ChooseService cs && (cs.service() == Service.TOPUP || cs.service() == Service.BALANCE)
                && !ServiceOffer.allows(ctx.carrier().capabilities(), cs.service())) {
            // A stale "check balance" under a gateway without it (OSMP): the screen no longer shows the button.
            host.say(FlowMessage.warning("service.not_offered"));
        } else if (c instanceof ChooseService cs
                && (cs.service() == Service.TOPUP || cs.service() == Service.BALANCE)) {
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
                host.lang(), ok -> ctx.flow().execute(() -> onSlipPrinted(token, ok)));
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
     * A card sits in the reader on a screen that does not speak of it: a SIM filled the number for a top-up or an auto
     * top-up, or the session ended with the card still in. A tourist who walks away without their SIM has lost their
     * phone number, so every other screen, the idle one too, reminds them until the card comes out.
     */
    public boolean remindToTakeCard(Screen screen) {
        return reading.cardPresent() && screen != SIM_INSERT && screen != SIM_READING && screen != SIM_RESULT
                && screen != SIM_FAILED;
    }

    /**
     * The inactivity countdown ran out, but the customer's card is still in the reader: the session stays (with a
     * reminder) rather than leave a stranger the card. Not on the cash screens, which settle money their own way.
     */
    public boolean holdsSession(Session s, Screen screen) {
        return s != null && SimLookup.of(s).used && reading.cardPresent() && screen != CASH_INSERTION && screen != CONFIRM;
    }

    /** The find-my-number part of the snapshot; null without a session. */
    public SimLookupView view(Session s, Screen screen, Lang lang) {
        if (s == null) {
            return null;
        }
        SimLookup sim = SimLookup.of(s);
        Optional<Operator> op = sim.operatorId == null ? Optional.empty() : ctx.catalog().operator(sim.operatorId);
        boolean ready = reading.ready(s, screen);
        return new SimLookupView(sim.phase, ready, reading.cardPresent() && sim.used, sim.number, sim.fromCard,
                op.map(Operator::id).orElse(null), op.map(o -> o.name(lang.code())).orElse(null),
                op.map(Operator::color).orElse(null), sim.operatorConfirmed,
                screen == SIM_FAILED ? sim.problemKey : null, sim.slip);
    }

    private String operatorName(String id, Lang lang) {
        return id == null ? null : ctx.catalog().operator(id).map(o -> o.name(lang.code())).orElse(id);
    }

    /** {@code v} with the find-my-number part in it (the other services' parts untouched). */
    public static ServicesView withSim(ServicesView v, SimLookupView sim) {
        if (v == null) {
            return null;
        }
        return new ServicesView(v.service(), v.operators(), v.hintOperatorId(), v.balance(), v.balanceExpires(),
                v.packages(), v.page(), v.pages(), v.selected(), v.voucherPinMasked(), v.voucherPinLength(),
                v.voucherNominal(), v.voucherOperatorName(), v.voucherSerial(), v.promo(), v.goods(), v.account(), sim,
                v.offered());
    }
}
