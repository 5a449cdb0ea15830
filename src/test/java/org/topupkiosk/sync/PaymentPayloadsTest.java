package org.topupkiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.domain.DeviceId;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.Property;

class PaymentPayloadsTest {

    @Test
    void roundTrips() {
        PaymentRequest r = new PaymentRequest("0042-000001", Msisdn.of("+79161234567"), "mts", Money.rubMinor(12345),
                "mts-day-1gb", Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(PaymentPayloads.fromJson(PaymentPayloads.toJson(r))).isEqualTo(r);
        PaymentRequest noProduct = new PaymentRequest("0042-000002", Msisdn.of("+79161234567"), "mts",
                Money.rub(10), null, Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(PaymentPayloads.fromJson(PaymentPayloads.toJson(noProduct))).isEqualTo(noProduct);
    }

    /** An e-PIN or eSIM payload: no number, the goods kind, and for an eSIM the optional device id. */
    @Test
    void goodsPayloadsRoundTrip() {
        Property.forAll(500, r -> {
            GoodsKind kind = r.nextBoolean() ? GoodsKind.EPIN
                    : GoodsKind.ESIM;
            DeviceId device = null;
            if (kind == GoodsKind.ESIM && r.nextInt(3) > 0) {
                device = r.nextBoolean() ? DeviceId.of("490154203237518")
                        : DeviceId.of("89049032123451234512345678901235");
            }
            PaymentRequest g = PaymentRequest.goods("0042-" + r.nextInt(999_999), kind, "mts",
                    Money.rubMinor(1 + r.nextInt(1_000_000)), "mts-" + kind.wire() + "-" + r.nextInt(9),
                    Instant.ofEpochSecond(1_760_000_000L + r.nextInt(10_000_000)), device);
            assertThat(PaymentPayloads.fromJson(PaymentPayloads.toJson(g))).isEqualTo(g);
        });
        assertThatThrownBy(() -> PaymentPayloads.fromJson("{\"txnId\":\"x\",\"goods\":\"epin\",\"operatorId\":\"mts\","
                + "\"amountMinor\":100,\"currency\":\"RUB\",\"createdAt\":\"2026-11-21T10:00:00Z\","
                + "\"imei\":\"490154203237519\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentPayloads.fromJson("{\"txnId\":\"x\",\"goods\":\"pizza\",\"operatorId\":\"mts\","
                + "\"amountMinor\":100,\"currency\":\"RUB\",\"createdAt\":\"2026-11-21T10:00:00Z\"}"))
                .hasMessageContaining("goods");
    }

    /** Any damage to a goods payload gives a request or an IllegalArgumentException. */
    @Test
    void damagedGoodsPayloadsGiveOnlyACleanRefusal() {
        String valid = PaymentPayloads.toJson(PaymentRequest.goods("0042-000009", GoodsKind.ESIM,
                "mts", Money.rub(500), "mts-esim-tourist-7d", Instant.parse("2026-11-21T10:00:00Z"),
                DeviceId.of("490154203237518")));
        Property.forAll(3000, r -> {
            StringBuilder s = new StringBuilder(valid);
            for (int i = 0; i < 1 + r.nextInt(4) && s.length() > 0; i++) {
                int at = r.nextInt(s.length());
                switch (r.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, (char) (32 + r.nextInt(95)));
                    default -> s.setCharAt(at, (char) (32 + r.nextInt(95)));
                }
            }
            try {
                PaymentRequest back = PaymentPayloads.fromJson(s.toString());
                assertThat(back.goods() != null || back.msisdn() != null).isTrue();
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void damagedPayloadsNameTheFieldAndNeverDefault() {
        assertThatThrownBy(() -> PaymentPayloads.fromJson("{\"txnId\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("msisdn");
        assertThatThrownBy(() -> PaymentPayloads.fromJson("{\"txnId\":\"x\",\"msisdn\":\"+79161234567\","
                + "\"operatorId\":\"mts\",\"amountMinor\":1.5,\"currency\":\"RUB\",\"createdAt\":\"2026-11-21T10:00:00Z\"}"))
                .hasMessageContaining("amountMinor");
        assertThatThrownBy(() -> PaymentPayloads.fromJson("not json")).hasMessageContaining("not JSON");
    }

    /** Any bytes in the outbox row give a request or an IllegalArgumentException, never another failure. */
    @Test
    void garbageGivesOnlyACleanRefusal() {
        String valid = PaymentPayloads.toJson(new PaymentRequest("0042-000001", Msisdn.of("+79161234567"), "mts",
                Money.rub(100), null, Instant.parse("2026-11-21T10:00:00Z")));
        Property.forAll(3000, r -> {
            StringBuilder s = new StringBuilder(valid);
            int edits = 1 + r.nextInt(4);
            for (int i = 0; i < edits && s.length() > 0; i++) {
                int at = r.nextInt(s.length());
                switch (r.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, (char) (32 + r.nextInt(95)));
                    default -> s.setCharAt(at, (char) (32 + r.nextInt(95)));
                }
            }
            try {
                PaymentRequest back = PaymentPayloads.fromJson(s.toString());
                assertThat(back.msisdn().e164()).matches("\\+79\\d{9}");
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (java.time.format.DateTimeParseException expected) {
                throw new AssertionError("date errors must be wrapped: " + s, expected);
            }
        });
    }
}
