package org.topupkiosk.carrier.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpCheck;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.SettableClock;

/** One-time codes end to end: the kiosk's gateway against the simulator, with a clock the test moves. */
class OneTimeCodeTest {

    private static final Msisdn PHONE = Msisdn.of("+79161234567");
    private static final Pattern CODE = Pattern.compile("Код (\\d{6})");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-11-22T10:00:00Z"));
    private CarrierSimulator sim;
    private RestCarrierGateway gw;

    @BeforeEach
    void start() throws Exception {
        sim = new CarrierSimulator(0, Map.of(), SimulatorFixture.KEY, null, clock);
        gw = SimulatorFixture.gateway(sim.baseUri(), SimulatorFixture.KEY, clock);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String lastCodeSentTo(Msisdn m) {
        List<SimOtp.Sms> inbox = sim.otp().inbox(m);
        assertThat(inbox).isNotEmpty();
        Matcher x = CODE.matcher(inbox.get(inbox.size() - 1).text());
        assertThat(x.find()).as("the SMS carries the code").isTrue();
        return x.group(1);
    }

    @Test
    void theRightCodeGivesATokenBoundToNumberAndPurpose() throws Exception {
        OtpChallenge c = gw.requestOtp(PHONE, OtpChallenge.PURPOSE_AUTO_TOP_UP);
        assertThat(c.msisdn()).isEqualTo(PHONE);
        assertThat(c.codeLength()).isEqualTo(6);
        assertThat(c.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));

        OtpCheck ok = gw.verifyOtp(c.otpId(), lastCodeSentTo(PHONE));
        assertThat(ok.verified()).isTrue();
        assertThat(ok.token()).hasSize(32);

        assertThat(sim.otp().spendToken(ok.token(), PHONE, OtpChallenge.PURPOSE_HISTORY))
                .as("a code for auto top-up does not open the history").isFalse();
        assertThat(sim.otp().spendToken(ok.token(), Msisdn.of("+79161234568"), OtpChallenge.PURPOSE_AUTO_TOP_UP))
                .as("nor another number").isFalse();
        assertThat(sim.otp().spendToken(ok.token(), PHONE, OtpChallenge.PURPOSE_AUTO_TOP_UP)).isTrue();
        assertThat(sim.otp().spendToken(ok.token(), PHONE, OtpChallenge.PURPOSE_AUTO_TOP_UP))
                .as("a token is good for one call").isFalse();
    }

    @Test
    void aRepeatedVerificationOfTheRightCodeGetsTheSameToken() throws Exception {
        OtpChallenge c = gw.requestOtp(PHONE, OtpChallenge.PURPOSE_HISTORY);
        String code = lastCodeSentTo(PHONE);
        OtpCheck first = gw.verifyOtp(c.otpId(), code);
        OtpCheck again = gw.verifyOtp(c.otpId(), code);
        assertThat(again).isEqualTo(first);
        assertThat(gw.verifyOtp(c.otpId(), "000000".equals(code) ? "111111" : "000000").reason())
                .isEqualTo(OtpCheck.USED);
    }

    @Test
    void wrongCodesCountDownThenLock() throws Exception {
        OtpChallenge c = gw.requestOtp(PHONE, OtpChallenge.PURPOSE_AUTO_TOP_UP);
        String right = lastCodeSentTo(PHONE);
        String wrong = right.equals("123456") ? "654321" : "123456";
        assertThat(gw.verifyOtp(c.otpId(), wrong)).isEqualTo(OtpCheck.refused(OtpCheck.WRONG_CODE, 2));
        assertThat(gw.verifyOtp(c.otpId(), wrong)).isEqualTo(OtpCheck.refused(OtpCheck.WRONG_CODE, 1));
        assertThat(gw.verifyOtp(c.otpId(), wrong)).isEqualTo(OtpCheck.refused(OtpCheck.LOCKED, 0));
        assertThat(gw.verifyOtp(c.otpId(), right).reason()).as("locked stays locked").isEqualTo(OtpCheck.LOCKED);
    }

    @Test
    void anExpiredCodeIsRefusedEvenWhenRight() throws Exception {
        OtpChallenge c = gw.requestOtp(PHONE, OtpChallenge.PURPOSE_AUTO_TOP_UP);
        String right = lastCodeSentTo(PHONE);
        clock.advance(Duration.ofMinutes(5));
        assertThat(gw.verifyOtp(c.otpId(), right)).isEqualTo(OtpCheck.refused(OtpCheck.EXPIRED, 0));
    }

    @Test
    void unknownNumbersUnknownIdsAndFloodingAreRefusals() throws Exception {
        assertThatThrownBy(() -> gw.requestOtp(Msisdn.of("+79000000001"), OtpChallenge.PURPOSE_HISTORY))
                .isInstanceOfSatisfying(CarrierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CarrierException.Kind.REFUSED);
                    assertThat(e.code()).isEqualTo("unknown-number");
                });
        assertThatThrownBy(() -> gw.verifyOtp("OTP-none", "123456"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.code()).isEqualTo("unknown-otp"));
        for (int i = 0; i < 3; i++) {
            gw.requestOtp(PHONE, OtpChallenge.PURPOSE_HISTORY);
        }
        assertThatThrownBy(() -> gw.requestOtp(PHONE, OtpChallenge.PURPOSE_HISTORY))
                .isInstanceOfSatisfying(CarrierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CarrierException.Kind.REFUSED);
                    assertThat(e.code()).isEqualTo("too-many-codes");
                });
        clock.advance(Duration.ofMinutes(10));
        assertThat(gw.requestOtp(PHONE, OtpChallenge.PURPOSE_HISTORY).otpId()).as("the window moves on").isNotNull();
    }

    @Test
    void theInboxIsReadableOverHttpForThePanelAndScripts() throws Exception {
        gw.requestOtp(PHONE, OtpChallenge.PURPOSE_AUTO_TOP_UP);
        String code = lastCodeSentTo(PHONE);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sim.baseUri() + "/sim/sms?msisdn=%2B79161234567")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains(code).contains("+79161234567");
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sim.baseUri() + "/sim/sms")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
    }
}
