package org.topupkiosk.flow.topup;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.NumberingPlan;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.flow.core.OrderDesk;

/**
 * "Which operator, and may this number be paid?" asked of the carrier off the flow thread, with the flow's own
 * timeout, and turned into one {@link Outcome} on the flow thread. When the carrier does not answer, the offline policy
 * decides here: sell against the number-range hint within the offline allowance, or refuse before any cash.
 */
public final class CarrierCheck {

    private static final Logger log = LoggerFactory.getLogger(CarrierCheck.class);

    /** What the check decided; exactly one is delivered per {@link #start}. */
    public sealed interface Outcome {
        /** The carrier answered: this operator, within these limits (null when the carrier set none). */
        record Payable(Operator operator, Money carrierMin, Money carrierMax) implements Outcome {}

        /** The carrier is silent; sell offline for this operator, taking at most {@code allowance}. */
        record Offline(Operator operator, Money allowance) implements Outcome {}

        /** No sale for this number now; {@code messageKey} says why in the customer's language. */
        record Refused(String messageKey) implements Outcome {}
    }

    private final FlowExecutor flow;
    private final Executor io;
    private final CarrierGateway carrier;
    private final Catalog catalog;
    private final NumberingPlan numbering;
    private final FlowSettings settings;
    private final OrderDesk orders;

    public CarrierCheck(FlowExecutor flow, Executor io, CarrierGateway carrier, Catalog catalog, NumberingPlan numbering,
                 FlowSettings settings, OrderDesk orders) {
        this.flow = flow;
        this.io = io;
        this.carrier = carrier;
        this.catalog = catalog;
        this.numbering = numbering;
        this.settings = settings;
        this.orders = orders;
    }

    /**
     * Starts a check. {@code onOutcome} runs once on the flow thread: with the answer, the failure, or the timeout,
     * whichever comes first; later ones are dropped. Cancel the returned timer when the session moves on.
     */
    public FlowExecutor.Timer start(Msisdn msisdn, Consumer<Outcome> onOutcome) {
        return start(msisdn, null, onOutcome);
    }

    /**
     * As {@link #start(Msisdn, Consumer)}, with the operator the customer picked on a tile as the hint (null: the
     * number range's). The carrier's answer still decides.
     */
    public FlowExecutor.Timer start(Msisdn msisdn, String chosenOperatorId, Consumer<Outcome> onOutcome) {
        String hint = chosenOperatorId != null ? chosenOperatorId : numbering.operatorIdFor(msisdn).orElse(null);
        // A number the registry gives to an operator the kiosk does not top up (Rostelecom, a virtual operator with
        // its own billing): the carrier is still asked, since the number may have moved; unasked, the customer is told.
        String noSale = chosenOperatorId == null && numbering.lookup(msisdn).filter(h -> !h.isCatalogOperator())
                .isPresent() ? "check.refused.other_operator" : "carrier.unavailable";
        boolean[] done = new boolean[1]; // touched only on the flow thread
        Consumer<Outcome> once = outcome -> {
            if (!done[0]) {
                done[0] = true;
                onOutcome.accept(outcome);
            }
        };
        Duration timeout = settings.carrierCheckTimeout();
        FlowExecutor.Timer timer = flow.schedule(() -> {
            if (!done[0]) {
                log.warn("account check timed out after {}", timeout);
                once.accept(offlineOrRefused(hint, noSale));
            }
        }, timeout);
        io.execute(() -> {
            // The decision is made on the flow thread: the offline policy reads the journal there.
            Supplier<Outcome> decide;
            try {
                AccountCheck check = carrier.checkAccount(msisdn, hint);
                decide = () -> answered(check);
            } catch (CarrierException e) {
                log.warn("account check failed kind={} code={}", e.kind(), e.code());
                decide = () -> failed(e, hint, noSale);
            } catch (RuntimeException e) {
                log.error("account check crashed", e);
                decide = () -> offlineOrRefused(hint, noSale);
            }
            Supplier<Outcome> d = decide;
            flow.execute(() -> {
                if (!done[0]) {
                    once.accept(d.get());
                }
            });
        });
        return () -> {
            timer.cancel();
            flow.execute(() -> done[0] = true);
        };
    }

    private Outcome answered(AccountCheck check) {
        if (!check.payable()) {
            log.info("check refused number={} code={}", check.msisdn(), check.refusalCode());
            return new Outcome.Refused(refusalKey(check.refusalCode()));
        }
        Optional<Operator> op = catalog.operator(check.operatorId());
        if (op.isEmpty()) {
            log.warn("carrier named operator {} which the catalog does not sell", check.operatorId());
            return new Outcome.Refused("check.refused.other");
        }
        return new Outcome.Payable(op.get(), check.minAmount(), check.maxAmount());
    }

    /** Runs on the flow thread, so the offline allowance reads a journal no other session is changing. */
    private Outcome failed(CarrierException e, String hint, String noSale) {
        if (e.retryable()) {
            return offlineOrRefused(hint, noSale);
        }
        return new Outcome.Refused(e.kind() == CarrierException.Kind.REFUSED ? refusalKey(e.code()) : "carrier.unavailable");
    }

    /** {@code noSale}: the refusal when no offline sale can be made. */
    private Outcome offlineOrRefused(String hint, String noSale) {
        Optional<Operator> op = hint == null ? Optional.empty() : catalog.operator(hint);
        Money allowance = settings.offlineLimit().minus(orders.offlineQueued());
        if (settings.offlineSalesAllowed() && op.isPresent() && !allowance.lessThan(op.get().minAmount())) {
            return new Outcome.Offline(op.get(), allowance);
        }
        return new Outcome.Refused(noSale);
    }

    public static String refusalKey(String code) {
        if ("unknown-number".equals(code)) {
            return "check.refused.unknown_number";
        }
        if ("account-blocked".equals(code) || "blocked".equals(code)) {
            return "check.refused.blocked";
        }
        return "check.refused.other";
    }
}
