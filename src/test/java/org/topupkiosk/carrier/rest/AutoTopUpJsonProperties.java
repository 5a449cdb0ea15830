package org.topupkiosk.carrier.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.AutoTopUpEnrolment;
import org.topupkiosk.carrier.AutoTopUpRequest;
import org.topupkiosk.carrier.AutoTopUpRule;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.OtpTokenUse;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.carrier.wire.AutoTopUpJson;
import org.topupkiosk.carrier.wire.CarrierJson;
import org.topupkiosk.carrier.wire.WireFormatException;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.Property;

/**
 * The parsers of the auto top-up and token-use messages (both directions): a well-formed message survives a round
 * trip unchanged, and whatever bytes come back the kiosk's adapter returns a consistent answer or throws a
 * {@link CarrierException}, while the simulator's request decoders throw only {@link WireFormatException} (a 400).
 */
class AutoTopUpJsonProperties {

    private static final List<String> SEEDS = List.of(
            "{\"enrolmentId\":\"E1\",\"status\":\"ACTIVE\",\"rule\":{\"ruleId\":\"AT1\",\"threshold\":{\"minor\":5000,"
                    + "\"currency\":\"RUB\"},\"amount\":{\"minor\":30000,\"currency\":\"RUB\"}},\"replacedRule\":null,"
                    + "\"refusalCode\":null}",
            "{\"enrolmentId\":\"E1\",\"status\":\"ACTIVE\",\"rule\":{\"ruleId\":\"AT2\",\"threshold\":{\"minor\":5000,"
                    + "\"currency\":\"RUB\"},\"amount\":{\"minor\":30000,\"currency\":\"RUB\"}},\"replacedRule\":"
                    + "{\"ruleId\":\"AT1\",\"threshold\":{\"minor\":10000,\"currency\":\"RUB\"},\"amount\":{\"minor\":"
                    + "50000,\"currency\":\"RUB\"}},\"refusalCode\":null}",
            "{\"enrolmentId\":\"E1\",\"status\":\"REFUSED\",\"rule\":null,\"replacedRule\":null,"
                    + "\"refusalCode\":\"bad-token\"}",
            "{\"useId\":\"U1\",\"redeemed\":true,\"reason\":null}",
            "{\"useId\":\"U1\",\"redeemed\":false,\"reason\":\"bad-token\"}",
            "{\"code\":\"enrolment-conflict\",\"message\":\"no\"}");
    private static final int[] STATUSES = {200, 200, 200, 400, 401, 404, 409, 500, 503};

    private HttpServer server;
    private final AtomicReference<byte[]> nextBody = new AtomicReference<>(new byte[0]);
    private final AtomicReference<Integer> nextStatus = new AtomicReference<>(200);
    private RestCarrierGateway gw;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] body = nextBody.get();
            ex.sendResponseHeaders(nextStatus.get(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        gw = SimulatorFixture.gateway(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                SimulatorFixture.KEY, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Money money(Random r) {
        return Money.rubMinor(1 + r.nextInt(1_000_000));
    }

    private static String id(Random r) {
        return "K" + Property.randomString(r, "ABCxyz019._:-", 40);
    }

    private static AutoTopUpRule rule(Random r) {
        return new AutoTopUpRule(id(r), money(r), money(r));
    }

    @Test
    void wellFormedMessagesSurviveARoundTrip() {
        Property.forAll(300, r -> {
            AutoTopUpEnrolment e = r.nextBoolean()
                    ? AutoTopUpEnrolment.active(id(r), rule(r), r.nextBoolean() ? rule(r) : null)
                    : AutoTopUpEnrolment.refused(id(r), "code-" + r.nextInt(100));
            assertThat(AutoTopUpJson.enrolment(CarrierJson.parse(CarrierJson.bytes(AutoTopUpJson.enrolment(e)))))
                    .isEqualTo(e);
            AutoTopUpRequest q = new AutoTopUpRequest(id(r), Msisdn.of("+7916" + (1_000_000 + r.nextInt(8_999_999))),
                    money(r), money(r), Property.randomString(r, "0123456789abcdef", 32));
            AutoTopUpRequest back = AutoTopUpJson.request(CarrierJson.parse(CarrierJson.bytes(AutoTopUpJson.request(q))));
            assertThat(back).isEqualTo(q);
            OtpTokenUse u = r.nextBoolean() ? new OtpTokenUse(id(r), true, null)
                    : new OtpTokenUse(id(r), false, OtpTokenUse.BAD_TOKEN);
            assertThat(AutoTopUpJson.tokenUse(CarrierJson.parse(CarrierJson.bytes(AutoTopUpJson.tokenUse(u)))))
                    .isEqualTo(u);
        });
    }

    @Test
    void anyAnswerYieldsAConsistentResultOrACarrierException() {
        Msisdn m = Msisdn.of("+79161234567");
        Property.forAll(300, r -> {
            nextStatus.set(STATUSES[r.nextInt(STATUSES.length)]);
            nextBody.set(r.nextInt(4) == 0 ? Property.randomBytes(r, 200)
                    : GarbledBodyProperties.mutate(r, SEEDS.get(r.nextInt(SEEDS.size()))));
            try {
                if (r.nextBoolean()) {
                    AutoTopUpEnrolment e = gw.enrolAutoTopUp(new AutoTopUpRequest("E1", m, Money.rub(50),
                            Money.rub(300), "t"));
                    assertThat(e.enrolmentId()).isEqualTo("E1");
                    assertThat(e.status() == AutoTopUpEnrolment.Status.ACTIVE ? e.rule() : e.refusalCode()).isNotNull();
                } else {
                    OtpTokenUse u = gw.spendOtpToken("U1", "t", m, "history");
                    assertThat(u.useId()).isEqualTo("U1");
                    assertThat(u.accepted() || OtpTokenUse.BAD_TOKEN.equals(u.reason())).isTrue();
                }
            } catch (CarrierException e) {
                assertThat(e.kind()).isNotNull();
                assertThat(e.code()).isNotBlank();
            }
        });
    }

    @Test
    void theSimulatorsRequestDecodersRefuseGarbageAsMalformedOnly() {
        List<String> requests = List.of(
                new String(CarrierJson.bytes(AutoTopUpJson.request(new AutoTopUpRequest("E1",
                        Msisdn.of("+79161234567"), Money.rub(50), Money.rub(300), "abc"))), StandardCharsets.UTF_8),
                new String(CarrierJson.bytes(AutoTopUpJson.tokenUseRequest("U1", "abc", Msisdn.of("+79161234567"),
                        "history")), StandardCharsets.UTF_8));
        Property.forAll(500, r -> {
            byte[] body = r.nextInt(4) == 0 ? Property.randomBytes(r, 120)
                    : GarbledBodyProperties.mutate(r, requests.get(r.nextInt(requests.size())));
            try {
                if (r.nextBoolean()) {
                    assertThat(AutoTopUpJson.request(CarrierJson.parse(body)).enrolmentId()).isNotBlank();
                } else {
                    assertThat(AutoTopUpJson.tokenUseRequest(CarrierJson.parse(body)).useId()).isNotBlank();
                }
            } catch (WireFormatException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }
}
