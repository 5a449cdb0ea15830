package org.topupkiosk.carrier.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.topupkiosk.carrier.AutoTopUpEnrolment;
import org.topupkiosk.carrier.AutoTopUpRequest;
import org.topupkiosk.carrier.AutoTopUpRule;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpTokenUse;
import org.topupkiosk.carrier.wire.AutoTopUpJson;
import org.topupkiosk.carrier.wire.CarrierJson;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * The simulated carrier's auto top-up rules and token uses (docs/carrier-api.md, "POST /v1/autotopup" and "POST
 * /v1/otp/tokens/redeem"). A number has at most one rule; an enrolment replaces it. Each enrolment and token use is
 * kept by its id, so a repeat returns the first answer, and the same id with another body is a conflict. The
 * one-time-code token is checked for real through {@link SimOtp#spendToken}: bound to the number and purpose, one use.
 * In memory, like the scratch cards; thread-safe (every method is synchronized).
 */
public final class SimAutoTopUp {

    /** Limits the carrier applies (and the kiosk's tiles stay within): the balance to watch for, and what to add. */
    public static final Money THRESHOLD_MIN = Money.rub(10);
    public static final Money THRESHOLD_MAX = Money.rub(1_000);
    public static final Money AMOUNT_MIN = Money.rub(100);
    public static final Money AMOUNT_MAX = Money.rub(5_000);

    private record Enrolment(AutoTopUpRequest request, AutoTopUpEnrolment answer) {}

    private record TokenUse(String token, Msisdn msisdn, String purpose, OtpTokenUse answer) {}

    private final SimOtp otp;
    private final Map<Msisdn, AutoTopUpRule> rules = new HashMap<>();
    private final Map<String, Enrolment> enrolments = new HashMap<>();
    private final Map<String, TokenUse> uses = new HashMap<>();
    private long sequence;

    SimAutoTopUp(SimOtp otp) {
        this.otp = otp;
    }

    /** The rule in force for a number, if any: what the carrier would fund from the account's payment method. */
    public synchronized Optional<AutoTopUpRule> rule(Msisdn msisdn) {
        return Optional.ofNullable(rules.get(msisdn));
    }

    /** How many enrolments (first sends, not repeats) the simulator has answered. */
    public synchronized int enrolments() {
        return enrolments.size();
    }

    /** How many token uses (first sends, not repeats) the simulator accepted: each spent a verified code's token. */
    public synchronized long tokensSpent() {
        return uses.values().stream().filter(u -> u.answer().accepted()).count();
    }

    synchronized SimulatorApi.Response enrol(byte[] body, String idempotencyKey) {
        AutoTopUpRequest r = AutoTopUpJson.request(CarrierJson.parse(body));
        if (!r.enrolmentId().equals(idempotencyKey)) {
            return SimulatorApi.Response.error(400, "idempotency-key", "Idempotency-Key header must equal enrolmentId");
        }
        Enrolment earlier = enrolments.get(r.enrolmentId());
        if (earlier != null) {
            if (sameRule(earlier.request(), r)) {
                return SimulatorApi.Response.json(200, AutoTopUpJson.enrolment(earlier.answer()));
            }
            return SimulatorApi.Response.error(409, "enrolment-conflict",
                    "enrolment " + r.enrolmentId() + " was already used for another number or rule");
        }
        AutoTopUpEnrolment answer = decide(r);
        enrolments.put(r.enrolmentId(), new Enrolment(r, answer));
        return SimulatorApi.Response.json(200, AutoTopUpJson.enrolment(answer));
    }

    /**
     * Limits first, so a request the kiosk got wrong does not cost the customer their code; then the token (spent here,
     * whatever follows); then the account.
     */
    private AutoTopUpEnrolment decide(AutoTopUpRequest r) {
        String id = r.enrolmentId();
        if (!Money.RUB.equals(r.threshold().currency()) || !Money.RUB.equals(r.amount().currency())) {
            return AutoTopUpEnrolment.refused(id, AutoTopUpEnrolment.CURRENCY_NOT_SUPPORTED);
        }
        if (r.threshold().lessThan(THRESHOLD_MIN) || r.threshold().greaterThan(THRESHOLD_MAX)) {
            return AutoTopUpEnrolment.refused(id, AutoTopUpEnrolment.THRESHOLD_OUT_OF_RANGE);
        }
        if (r.amount().lessThan(AMOUNT_MIN) || r.amount().greaterThan(AMOUNT_MAX)) {
            return AutoTopUpEnrolment.refused(id, AutoTopUpEnrolment.AMOUNT_OUT_OF_RANGE);
        }
        if (!otp.spendToken(r.otpToken(), r.msisdn(), OtpChallenge.PURPOSE_AUTO_TOP_UP)) {
            return AutoTopUpEnrolment.refused(id, AutoTopUpEnrolment.BAD_TOKEN);
        }
        if (!NumberPlan.exists(r.msisdn())) {
            return AutoTopUpEnrolment.refused(id, AutoTopUpEnrolment.UNKNOWN_NUMBER);
        }
        if (NumberPlan.blocked(r.msisdn())) {
            return AutoTopUpEnrolment.refused(id, AutoTopUpEnrolment.ACCOUNT_BLOCKED);
        }
        AutoTopUpRule rule = new AutoTopUpRule(String.format("AT%08d", ++sequence), r.threshold(), r.amount());
        AutoTopUpRule replaced = rules.put(r.msisdn(), rule);
        return AutoTopUpEnrolment.active(id, rule, replaced);
    }

    /** "Same body" compares what the rule is, not the token: a repeat after a lost answer carries a spent token. */
    private static boolean sameRule(AutoTopUpRequest a, AutoTopUpRequest b) {
        return a.msisdn().equals(b.msisdn()) && a.threshold().equals(b.threshold()) && a.amount().equals(b.amount());
    }

    synchronized SimulatorApi.Response spendToken(byte[] body, String idempotencyKey) {
        AutoTopUpJson.TokenUseRequest r = AutoTopUpJson.tokenUseRequest(CarrierJson.parse(body));
        if (!r.useId().equals(idempotencyKey)) {
            return SimulatorApi.Response.error(400, "idempotency-key", "Idempotency-Key header must equal useId");
        }
        TokenUse earlier = uses.get(r.useId());
        if (earlier != null) {
            if (earlier.token().equals(r.token()) && earlier.msisdn().equals(r.msisdn())
                    && earlier.purpose().equals(r.purpose())) {
                return SimulatorApi.Response.json(200, AutoTopUpJson.tokenUse(earlier.answer()));
            }
            return SimulatorApi.Response.error(409, "use-conflict", "use " + r.useId() + " was already used for another token");
        }
        boolean ok = otp.spendToken(r.token(), r.msisdn(), r.purpose());
        OtpTokenUse answer = new OtpTokenUse(r.useId(), ok, ok ? null : OtpTokenUse.BAD_TOKEN);
        uses.put(r.useId(), new TokenUse(r.token(), r.msisdn(), r.purpose(), answer));
        return SimulatorApi.Response.json(200, AutoTopUpJson.tokenUse(answer));
    }
}
