package org.topupkiosk.carrier.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.AutoTopUpEnrolment;
import org.topupkiosk.carrier.AutoTopUpRequest;
import org.topupkiosk.carrier.AutoTopUpRule;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpTokenUse;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.SettableClock;

/**
 * The calls a one-time code opens, end to end: the kiosk's gateway against the simulator, whose token checks are real
 * (bound to number and purpose, one use, 15 minutes), with a clock the test moves.
 */
class AutoTopUpApiTest {

    private static final Msisdn PHONE = Msisdn.of("+79161234567");
    private static final Pattern CODE = Pattern.compile("Код (\\d{6})");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-11-22T10:00:00Z"));
    private CarrierSimulator sim;
    private RestCarrierGateway gw;
    private int ids;

    @BeforeEach
    void start() throws Exception {
        sim = new CarrierSimulator(0, Map.of(), SimulatorFixture.KEY, null, clock);
        gw = SimulatorFixture.gateway(sim.baseUri(), SimulatorFixture.KEY, clock);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** A code sent to {@code m} for {@code purpose}, read from the SMS inbox and verified: the token it opens. */
    private String token(Msisdn m, String purpose) throws Exception {
        OtpChallenge c = gw.requestOtp(m, purpose);
        List<SimOtp.Sms> inbox = sim.otp().inbox(m);
        Matcher x = CODE.matcher(inbox.get(inbox.size() - 1).text());
        assertThat(x.find()).isTrue();
        return gw.verifyOtp(c.otpId(), x.group(1)).token();
    }

    private AutoTopUpRequest request(Msisdn m, long threshold, long amount, String token) {
        return new AutoTopUpRequest("0042-A" + (++ids), m, Money.rub(threshold), Money.rub(amount), token);
    }

    @Test
    void theRightTokenActivatesARuleAndASecondEnrolmentReplacesIt() throws Exception {
        AutoTopUpEnrolment first = gw.enrolAutoTopUp(request(PHONE, 50, 300, token(PHONE, "autotopup")));
        assertThat(first.status()).isEqualTo(AutoTopUpEnrolment.Status.ACTIVE);
        assertThat(first.rule().threshold()).isEqualTo(Money.rub(50));
        assertThat(first.rule().amount()).isEqualTo(Money.rub(300));
        assertThat(first.replaced()).as("the number had no rule").isNull();
        assertThat(sim.autoTopUps().rule(PHONE)).contains(first.rule());

        AutoTopUpEnrolment second = gw.enrolAutoTopUp(request(PHONE, 100, 500, token(PHONE, "autotopup")));
        assertThat(second.replaced()).isEqualTo(first.rule());
        assertThat(second.rule().ruleId()).isNotEqualTo(first.rule().ruleId());
        assertThat(sim.autoTopUps().rule(PHONE).map(AutoTopUpRule::amount)).contains(Money.rub(500));
    }

    @Test
    void aTokenForAnotherPurposeOrNumberOrAlreadySpentIsABadToken() throws Exception {
        String history = token(PHONE, "history");
        assertThat(gw.enrolAutoTopUp(request(PHONE, 50, 300, history)).refusalCode()).isEqualTo("bad-token");
        Msisdn other = Msisdn.of("+79161234568");
        String othersToken = token(other, "autotopup");
        assertThat(gw.enrolAutoTopUp(request(PHONE, 50, 300, othersToken)).refusalCode()).isEqualTo("bad-token");
        assertThat(gw.enrolAutoTopUp(request(PHONE, 50, 300, "")).refusalCode()).as("no token").isEqualTo("bad-token");
        String t = token(PHONE, "autotopup");
        assertThat(gw.enrolAutoTopUp(request(PHONE, 50, 300, t)).status()).isEqualTo(AutoTopUpEnrolment.Status.ACTIVE);
        assertThat(gw.enrolAutoTopUp(request(PHONE, 100, 300, t)).refusalCode()).as("one use").isEqualTo("bad-token");
        assertThat(sim.autoTopUps().rule(other)).isEmpty();
    }

    @Test
    void aRepeatReturnsTheFirstAnswerAndAnotherRuleUnderTheSameIdIsAConflict() throws Exception {
        AutoTopUpRequest r = request(PHONE, 50, 300, token(PHONE, "autotopup"));
        AutoTopUpEnrolment first = gw.enrolAutoTopUp(r);
        assertThat(gw.enrolAutoTopUp(r)).as("the token is spent, the answer stays").isEqualTo(first);
        assertThat(sim.autoTopUps().enrolments()).isEqualTo(1);
        AutoTopUpRequest other = new AutoTopUpRequest(r.enrolmentId(), PHONE, Money.rub(200), Money.rub(300), "x");
        assertThatThrownBy(() -> gw.enrolAutoTopUp(other)).isInstanceOfSatisfying(CarrierException.class, e -> {
            assertThat(e.kind()).isEqualTo(CarrierException.Kind.PROTOCOL);
            assertThat(e.code()).isEqualTo("http-409");
        });
    }

    @Test
    void limitsAreRefusedBeforeTheTokenIsSpent() throws Exception {
        String t = token(PHONE, "autotopup");
        assertThat(gw.enrolAutoTopUp(request(PHONE, 5, 300, t)).refusalCode()).isEqualTo("threshold-out-of-range");
        assertThat(gw.enrolAutoTopUp(request(PHONE, 1001, 300, t)).refusalCode()).isEqualTo("threshold-out-of-range");
        assertThat(gw.enrolAutoTopUp(request(PHONE, 50, 99, t)).refusalCode()).isEqualTo("amount-out-of-range");
        assertThat(gw.enrolAutoTopUp(request(PHONE, 50, 5001, t)).refusalCode()).isEqualTo("amount-out-of-range");
        assertThat(gw.enrolAutoTopUp(request(PHONE, 1000, 5000, t)).status()).as("the edges are allowed, token live")
                .isEqualTo(AutoTopUpEnrolment.Status.ACTIVE);
    }

    @Test
    void aBlockedNumberIsRefusedAndAnExpiredTokenIsBad() throws Exception {
        Msisdn blocked = Msisdn.of("+79000000002");
        assertThat(gw.enrolAutoTopUp(request(blocked, 50, 300, token(blocked, "autotopup"))).refusalCode())
                .isEqualTo("account-blocked");
        String t = token(PHONE, "autotopup");
        clock.advance(Duration.ofMinutes(15));
        assertThat(gw.enrolAutoTopUp(request(PHONE, 50, 300, t)).refusalCode()).isEqualTo("bad-token");
    }

    @Test
    void aTimeoutIsAnUnknownOutcomeAndTheRetryUnderTheSameIdEnrolsOnce() throws Exception {
        AutoTopUpRequest r = request(PHONE, 50, 300, token(PHONE, "autotopup"));
        sim.faults().next(1, new Fault.Timeout(2_000), "/v1/autotopup");
        assertThatThrownBy(() -> gw.enrolAutoTopUp(r)).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.kind()).isEqualTo(CarrierException.Kind.UNKNOWN_OUTCOME));
        sim.faults().next(1, Fault.applyThenFail(false), "/v1/autotopup");
        assertThatThrownBy(() -> gw.enrolAutoTopUp(r)).isInstanceOfSatisfying(CarrierException.class,
                e -> assertThat(e.code()).isEqualTo("http-503"));
        AutoTopUpEnrolment answer = gw.enrolAutoTopUp(r);
        assertThat(answer.status()).as("applied once, by the second try").isEqualTo(AutoTopUpEnrolment.Status.ACTIVE);
        assertThat(sim.autoTopUps().enrolments()).isEqualTo(1);
    }

    @Test
    void aHistoryTokenIsSpentOnceAndARepeatOfTheUseGetsTheFirstAnswer() throws Exception {
        String t = token(PHONE, "history");
        assertThat(gw.spendOtpToken("0042-H1", t, PHONE, "autotopup").reason()).as("other purpose")
                .isEqualTo(OtpTokenUse.BAD_TOKEN);
        OtpTokenUse ok = gw.spendOtpToken("0042-H2", t, PHONE, "history");
        assertThat(ok.accepted()).isTrue();
        assertThat(gw.spendOtpToken("0042-H2", t, PHONE, "history")).as("a repeat after a lost answer").isEqualTo(ok);
        assertThat(gw.spendOtpToken("0042-H3", t, PHONE, "history").accepted()).as("spent").isFalse();
        assertThatThrownBy(() -> gw.spendOtpToken("0042-H2", "other", PHONE, "history"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.code()).isEqualTo("http-409"));
        String late = token(PHONE, "history");
        clock.advance(Duration.ofMinutes(15));
        assertThat(gw.spendOtpToken("0042-H4", late, PHONE, "history").accepted()).as("15 minutes").isFalse();
    }

    @Test
    void everySentSmsReachesListenersAndTheNewestIsKept() throws Exception {
        List<SimOtp.Sms> heard = new CopyOnWriteArrayList<>();
        assertThat(sim.otp().latest()).isEmpty();
        try (AutoCloseable h = sim.otp().onSent(heard::add)) {
            gw.requestOtp(PHONE, "history");
            gw.requestOtp(Msisdn.of("+79261234567"), "autotopup");
        }
        gw.requestOtp(PHONE, "autotopup");
        assertThat(heard).extracting(SimOtp.Sms::to).containsExactly(PHONE, Msisdn.of("+79261234567"));
        assertThat(sim.otp().latest()).get().extracting(SimOtp.Sms::to).isEqualTo(PHONE);
        assertThat(sim.otp().latest().get().text()).containsPattern("Код \\d{6}");
    }
}
