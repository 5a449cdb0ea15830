package org.topupkiosk.flow.sim;

import static org.topupkiosk.flow.core.Screen.*;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.SimNumberFinder;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimIdentity;
import org.topupkiosk.flow.core.CarrierCalls;
import org.topupkiosk.flow.core.FeatureContext;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowHost;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Session;
import org.topupkiosk.flow.core.SimLookupView.Phase;
import org.topupkiosk.flow.sim.SimCarrierLookup.Answer;

/**
 * The steps of one "find my number" look-up on the flow thread, once the reader has a card: the wait for the reading
 * (with the flow's own backstop), the carrier asked for the number and operator, and the end: the number found (the
 * result screen, or the number screen filled) or the problem shown. Part of {@link SimReading}.
 */
final class SimLookupSteps {

    private static final Logger log = LoggerFactory.getLogger(SimLookupSteps.class);

    private final FeatureContext ctx;
    private final FlowHost host;
    private final SimCarrierLookup lookup;
    private final SimJournal journal;

    SimLookupSteps(FeatureContext ctx, SimJournal journal) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.lookup = new SimCarrierLookup(ctx.carrier(), ctx.catalog());
        this.journal = journal;
    }

    void startReading(Session s, Screen origin) {
        SimLookup sim = SimLookup.of(s);
        sim.phase = Phase.READING;
        sim.origin = origin;
        sim.used = true;
        host.say(null);
        host.moveTo(SIM_READING);
        long token = s.token;
        host.step(ctx.flow().schedule(() -> {
            Session now = host.session();
            if (host.isCurrent(token, SIM_READING) && SimLookup.of(now).phase == Phase.READING) {
                log.warn("sim reader said nothing within {}", FindMyNumber.READ_WAIT);
                journal.readFailed(SimException.Code.TRANSPORT);
                fail(now, SimLookup.of(now).origin, SimException.Code.TRANSPORT.messageKey(), true);
                host.publish();
            }
        }, FindMyNumber.READ_WAIT));
    }

    void onRead(Session s, Screen origin, SimIdentity card) {
        SimLookup sim = SimLookup.of(s);
        sim.cardConsumed = true;
        sim.used = true;
        sim.card = card;
        sim.origin = origin;
        journal.read(card);
        if (origin != SIM_INSERT && card.msisdn().isPresent()) {
            // Filling the number screen: the card's own number is enough; the top-up's check names the operator.
            found(s, new Answer(card.msisdn().get(), true, card.operatorHint().orElse(null), false, null, null));
            return;
        }
        sim.phase = Phase.ASKING;
        host.say(null);
        host.moveTo(SIM_READING);
        long token = s.token;
        host.step(ctx.call("sim-lookup", () -> lookup.ask(card), r -> onAnswer(token, card, r)));
    }

    private void onAnswer(long token, SimIdentity card, CarrierCalls.Result<Answer> r) {
        Session s = host.session();
        if (!host.isCurrent(token, SIM_READING) || SimLookup.of(s).phase != Phase.ASKING) {
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
            String reason = r.failureCode();
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
        sim.operatorId = a.operatorId() != null && ctx.catalog().operator(a.operatorId()).isPresent()
                ? a.operatorId() : null;
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
    void fail(Session s, Screen origin, String key, boolean retryable) {
        host.cancelStep();
        SimLookup sim = SimLookup.of(s);
        sim.problemKey = key;
        if (origin != SIM_INSERT) {
            sim.phase = Phase.WAITING;
            host.say(FlowMessage.error(key));
            host.moveTo(NUMBER_ENTRY);
        } else if (retryable) {
            sim.phase = Phase.WAITING;
            host.say(FlowMessage.error(key));
            host.moveTo(SIM_INSERT);
        } else {
            sim.phase = Phase.FAILED;
            host.say(null);
            host.moveTo(SIM_FAILED);
        }
    }
}
