package org.topupkiosk.carrier.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.domain.CheckDigits;
import org.topupkiosk.domain.DeviceId;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.Property;

/**
 * Every goods parser against its writer and against damage: random offers, issued goods and goods payment requests
 * come back equal; a mutated body is either a value or a {@link WireFormatException}, never another failure.
 */
class GoodsJsonProperties {

    private static String digits(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        sb.append((char) ('1' + r.nextInt(9)));
        while (sb.length() < n) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    static GoodsOffer offer(Random r) {
        GoodsKind kind = r.nextBoolean() ? GoodsKind.EPIN : GoodsKind.ESIM;
        return new GoodsOffer("p-" + r.nextInt(1000), List.of("mts", "beeline", "megafon", "t2").get(r.nextInt(4)),
                kind, Money.rubMinor(1 + r.nextInt(2_000_000)), r.nextInt(40_000) - 1, r.nextInt(2000) - 1,
                r.nextInt(400), Map.of("ru", "Тариф " + r.nextInt(9), "en", "Plan", "zh", "套餐"));
    }

    static IssuedGoods issued(Random r) {
        if (r.nextBoolean()) {
            return new IssuedGoods.EPin(digits(r, 10 + r.nextInt(11)), "S-" + r.nextInt(99999),
                    r.nextBoolean() ? null : LocalDate.of(2026, 1, 1).plusDays(r.nextInt(900)));
        }
        String body = "8970" + digits(r, 14);
        return new IssuedGoods.Esim("LPA:1$rsp" + r.nextInt(99) + ".example.ru$" + digits(r, 1 + r.nextInt(30))
                + (r.nextBoolean() ? "-AB" : ""), Msisdn.of("+79" + digits(r, 9)),
                r.nextBoolean() ? null : body + CheckDigits.luhnDigit(body));
    }

    static PaymentRequest request(Random r) {
        GoodsKind kind = r.nextBoolean() ? GoodsKind.EPIN : GoodsKind.ESIM;
        DeviceId device = null;
        if (kind == GoodsKind.ESIM && r.nextBoolean()) {
            String imei = digits(r, 14);
            device = DeviceId.of(imei + CheckDigits.luhnDigit(imei));
        }
        return PaymentRequest.goods("T-" + r.nextInt(1_000_000), kind, "mts", Money.rubMinor(1 + r.nextInt(99_999)),
                "p-" + r.nextInt(99), Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000)), device);
    }

    @Test
    void whatIsWrittenIsReadBack() {
        Property.forAll(1000, r -> {
            List<GoodsOffer> offers = List.of(offer(r), offer(r));
            assertThat(GoodsJson.offers(roundTrip(GoodsJson.offers(offers)))).isEqualTo(offers);
            IssuedGoods g = issued(r);
            assertThat(GoodsJson.issued(roundTrip(GoodsJson.issued(g)))).isEqualTo(g);
            PaymentResult confirmed = new PaymentResult("T", PaymentResult.Status.CONFIRMED, "R", Money.rub(1), null,
                    "ok", g);
            assertThat(PaymentJson.paymentResult(roundTrip(PaymentJson.paymentResult(confirmed)))).isEqualTo(confirmed);
            PaymentRequest req = request(r);
            assertThat(PaymentJson.paymentRequest(roundTrip(PaymentJson.paymentRequest(req)))).isEqualTo(req);
        });
    }

    @Test
    void damagedBodiesGiveAValueOrAWireFormatException() {
        Property.forAll(3000, r -> {
            String json = switch (r.nextInt(3)) {
                case 0 -> text(GoodsJson.offers(List.of(offer(r))));
                case 1 -> text(PaymentJson.paymentResult(new PaymentResult("T",
                        PaymentResult.Status.CONFIRMED, "R", Money.rub(1), null, null, issued(r))));
                default -> text(PaymentJson.paymentRequest(request(r)));
            };
            byte[] damaged = mutate(r, json);
            try {
                JsonNode n = CarrierJson.parse(damaged);
                Object v = switch (r.nextInt(3)) {
                    case 0 -> GoodsJson.offers(n);
                    case 1 -> PaymentJson.paymentResult(n);
                    default -> PaymentJson.paymentRequest(n);
                };
                assertThat(v).isNotNull();
            } catch (WireFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    private static String text(JsonNode n) {
        return new String(CarrierJson.bytes(n), StandardCharsets.UTF_8);
    }

    private static JsonNode roundTrip(JsonNode n) {
        return CarrierJson.parse(CarrierJson.bytes(n));
    }

    private static byte[] mutate(Random r, String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits && b.length > 0; i++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(3)) {
                case 0 -> b[at] = (byte) "{}[]\":,0-9.eanlu$LPA \\".charAt(r.nextInt(22));
                case 1 -> b = Arrays.copyOf(b, at);
                default -> b[at] = (byte) r.nextInt(256);
            }
        }
        return b;
    }
}
