package org.topupkiosk.carrier.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.topupkiosk.carrier.SimulatorFixture.topUp;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.Property;

/**
 * Whatever bytes come back, with whatever status, the adapter either returns a well-formed answer or throws a
 * {@link CarrierException}: never a NullPointerException, a Jackson exception or a half-built record.
 */
class GarbledBodyProperties {

    /** Valid answers of each endpoint, to be mutated: random bytes alone rarely get past the JSON parser. */
    private static final List<String> SEEDS = List.of(
            "{\"txnId\":\"T\",\"status\":\"CONFIRMED\",\"carrierRef\":\"R\",\"amount\":{\"minor\":100,\"currency\":\"RUB\"},"
                    + "\"refusalCode\":null,\"message\":\"ok\"}",
            "{\"txnId\":\"T\",\"status\":\"NOT_FOUND\",\"code\":\"not-found\"}",
            "{\"msisdn\":\"+79161234567\",\"operatorId\":\"mts\",\"payable\":true,\"refusalCode\":null,"
                    + "\"minAmount\":{\"minor\":1000,\"currency\":\"RUB\"},\"maxAmount\":{\"minor\":1500000,\"currency\":\"RUB\"}}",
            "{\"msisdn\":\"+79161234567\",\"operatorId\":\"mts\",\"amount\":{\"minor\":5,\"currency\":\"RUB\"},"
                    + "\"expiresOn\":\"2027-01-01\"}",
            "{\"products\":[{\"productId\":\"p\",\"operatorId\":\"mts\",\"kind\":\"data\",\"period\":\"day\","
                    + "\"price\":{\"minor\":100,\"currency\":\"RUB\"},\"dataMb\":1,\"voiceMinutes\":0,\"titles\":{\"ru\":\"x\"}}]}",
            "{\"otpId\":\"OTP1\",\"msisdn\":\"+79161234567\",\"purpose\":\"history\","
                    + "\"expiresAt\":\"2026-11-22T10:05:00Z\",\"codeLength\":6}",
            "{\"verified\":true,\"token\":\"ab\",\"reason\":null,\"attemptsLeft\":2}",
            "{\"verified\":false,\"token\":null,\"reason\":\"wrong-code\",\"attemptsLeft\":1}",
            "{\"serial\":\"MTS-500-000001\",\"operatorId\":\"mts\",\"state\":\"UNUSED\","
                    + "\"nominal\":{\"minor\":50000,\"currency\":\"RUB\"}}",
            "{\"redemptionId\":\"V1\",\"status\":\"REDEEMED\",\"serial\":\"S\",\"operatorId\":\"mts\","
                    + "\"nominal\":{\"minor\":50000,\"currency\":\"RUB\"},\"carrierRef\":\"R\",\"refusalCode\":null}",
            "{\"code\":\"bad-signature\",\"message\":\"no\"}",
            // e-PIN and eSIM: the goods offers, and confirmed sales carrying a PIN or an activation code.
            "{\"goods\":[{\"productId\":\"mts-epin-300\",\"operatorId\":\"mts\",\"kind\":\"epin\","
                    + "\"price\":{\"minor\":30000,\"currency\":\"RUB\"},\"dataMb\":0,\"voiceMinutes\":0,"
                    + "\"validDays\":365,\"titles\":{\"ru\":\"x\"}}]}",
            "{\"txnId\":\"G\",\"status\":\"CONFIRMED\",\"carrierRef\":\"R\",\"amount\":{\"minor\":100,"
                    + "\"currency\":\"RUB\"},\"goods\":{\"kind\":\"epin\",\"pin\":\"1234567890123452\","
                    + "\"serial\":\"S\",\"expiresOn\":\"2027-01-01\"}}",
            "{\"txnId\":\"G\",\"status\":\"CONFIRMED\",\"carrierRef\":\"R\",\"amount\":{\"minor\":100,"
                    + "\"currency\":\"RUB\"},\"goods\":{\"kind\":\"esim\",\"activationCode\":"
                    + "\"LPA:1$rsp.example.ru$AB-12\",\"msisdn\":\"+79157000001\",\"iccid\":null}}");
    private static final int[] STATUSES = {200, 200, 200, 201, 400, 401, 404, 409, 500, 503, 302};

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

    @Test
    void anyBodyYieldsAnAnswerOrACarrierException() {
        Property.forAll(300, r -> {
            nextStatus.set(STATUSES[r.nextInt(STATUSES.length)]);
            nextBody.set(r.nextInt(3) == 0 ? Property.randomBytes(r, 200) : mutate(r, SEEDS.get(r.nextInt(SEEDS.size()))));
            Msisdn m = Msisdn.of("+79161234567");
            try {
                switch (r.nextInt(11)) {
                    case 9 -> assertThat(gw.goods("mts")).doesNotContainNull();
                    case 10 -> {
                        PaymentResult g = gw.pay(PaymentRequest.goods("G", GoodsKind.EPIN, "mts", Money.rub(1),
                                "mts-epin-100", java.time.Instant.now(), null));
                        assertThat(g.status()).isNotNull();
                        assertThat(g.status() != PaymentResult.Status.CONFIRMED || g.goods() != null)
                                .as("a confirmed sale always brings its goods").isTrue();
                    }
                    case 6 -> assertThat(gw.validateVoucher("12345678901234").state()).isNotNull();
                    case 7 -> assertThat(gw.redeemVoucher("12345678901234", m, "V1").status()).isNotNull();
                    case 0 -> assertThat(gw.pay(topUp("+79161234567", 100)).status()).isNotNull();
                    case 1 -> assertThat(gw.status("T").status()).isNotNull();
                    case 2 -> assertThat(gw.checkAccount(m, null).msisdn()).isNotNull();
                    case 3 -> assertThat(gw.balance(m).amount()).isNotNull();
                    case 4 -> assertThat(gw.requestOtp(m, "history").otpId()).isNotBlank();
                    case 5 -> assertThat(gw.verifyOtp("OTP1", "123456").attemptsLeft()).isNotNegative();
                    default -> assertThat(gw.catalog("mts")).doesNotContainNull();
                }
            } catch (CarrierException e) {
                assertThat(e.kind()).isNotNull();
                assertThat(e.code()).isNotBlank();
            }
        });
    }

    static byte[] mutate(Random r, String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        int edits = r.nextInt(4);
        for (int i = 0; i < edits && b.length > 0; i++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(3)) {
                case 0 -> b[at] = (byte) "{}[]\":,0-9.eanlu \\".charAt(r.nextInt(18));
                case 1 -> b = Arrays.copyOf(b, at);
                default -> b[at] = (byte) r.nextInt(256);
            }
        }
        return b;
    }
}
