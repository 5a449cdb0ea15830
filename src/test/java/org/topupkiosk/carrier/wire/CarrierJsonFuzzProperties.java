package org.topupkiosk.carrier.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.AutoTopUpEnrolment;
import org.topupkiosk.carrier.AutoTopUpRequest;
import org.topupkiosk.carrier.AutoTopUpRule;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.OtpChallenge;
import org.topupkiosk.carrier.OtpCheck;
import org.topupkiosk.carrier.OtpTokenUse;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.SimSubscriber;
import org.topupkiosk.carrier.VoucherInfo;
import org.topupkiosk.carrier.VoucherRedemption;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.Fuzz;

/**
 * Every carrier JSON decoder (answers the kiosk reads, requests the simulator reads), fuzzed: valid messages from the
 * writers, damaged in the tree (a field dropped, a value of another type, huge, negative or fractional numbers,
 * deep nesting) and in the bytes, plus random bytes. Parsing and decoding return a value or a
 * {@link WireFormatException}, nothing else; valid messages read back equal.
 */
class CarrierJsonFuzzProperties {

    private static final Msisdn NUMBER = Msisdn.of("+79161234567");

    /** One decoder, its name, and how to make a valid message for it from a seed. */
    record Target(String name, Function<JsonNode, Object> decode, Function<Random, JsonNode> valid) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Money money(Random r) {
        return Money.rubMinor(1 + r.nextInt(2_000_000));
    }

    private static Msisdn msisdn(Random r) {
        return Msisdn.of("+79" + String.format("%09d", r.nextInt(1_000_000_000)));
    }

    static final List<Target> TARGETS = List.of(
            new Target("paymentResult", PaymentJson::paymentResult, r -> PaymentJson.paymentResult(r.nextBoolean()
                    ? new PaymentResult("T-" + r.nextInt(1000), PaymentResult.Status.CONFIRMED, "R" + r.nextInt(99),
                            money(r), null, "ok", r.nextBoolean() ? null : GoodsJsonProperties.issued(r))
                    : new PaymentResult("T-" + r.nextInt(1000), PaymentResult.Status.REFUSED, null, money(r),
                            "number-blocked", null, null))),
            new Target("paymentRequest", PaymentJson::paymentRequest, r -> PaymentJson.paymentRequest(r.nextBoolean()
                    ? GoodsJsonProperties.request(r)
                    : new PaymentRequest("T-" + r.nextInt(1000), msisdn(r), "mts", money(r), null,
                            Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000)), null))),
            new Target("accountCheck", AccountJson::accountCheck, r -> AccountJson.accountCheck(r.nextBoolean()
                    ? new AccountCheck(msisdn(r), "beeline", true, null, Money.rub(10), Money.rub(15_000))
                    : new AccountCheck(msisdn(r), "beeline", false, "blocked", Money.rub(10), Money.rub(15_000)))),
            new Target("balance", AccountJson::balance, r -> AccountJson.balance(new Balance(msisdn(r), "t2", money(r),
                    r.nextBoolean() ? null : LocalDate.of(2026, 1, 1).plusDays(r.nextInt(900))))),
            new Target("simSubscriber", AccountJson::simSubscriber, r -> AccountJson.simSubscriber(new SimSubscriber(
                    "897010" + String.format("%013d", (long) r.nextInt(Integer.MAX_VALUE)), msisdn(r), "megafon"))),
            new Target("catalog", AccountJson::catalog, r -> AccountJson.catalog(List.of(new CatalogEntry(
                    "p-" + r.nextInt(99), "mts", "data", "month", money(r), r.nextInt(40_000), r.nextInt(2_000),
                    Map.of("ru", "Пакет", "en", "Pack", "zh", "套餐"))))),
            new Target("offers", GoodsJson::offers, r -> GoodsJson.offers(List.of(GoodsJsonProperties.offer(r)))),
            new Target("issued", GoodsJson::issued, r -> GoodsJson.issued(GoodsJsonProperties.issued(r))),
            new Target("autoTopUpRequest", AutoTopUpJson::request, r -> AutoTopUpJson.request(new AutoTopUpRequest(
                    "E-" + r.nextInt(99), msisdn(r), Money.rub(50), Money.rub(100 + r.nextInt(900)), "tok-1"))),
            new Target("enrolment", AutoTopUpJson::enrolment, r -> AutoTopUpJson.enrolment(new AutoTopUpEnrolment(
                    "E-" + r.nextInt(99), AutoTopUpEnrolment.Status.ACTIVE,
                    new AutoTopUpRule("R-" + r.nextInt(9), Money.rub(50), Money.rub(200)),
                    r.nextBoolean() ? null : new AutoTopUpRule("R-0", Money.rub(20), Money.rub(100)), null))),
            new Target("tokenUseRequest", AutoTopUpJson::tokenUseRequest, r -> AutoTopUpJson.tokenUseRequest(
                    "U-" + r.nextInt(99), "tok", msisdn(r), OtpChallenge.PURPOSE_HISTORY)),
            new Target("tokenUse", AutoTopUpJson::tokenUse, r -> AutoTopUpJson.tokenUse(r.nextBoolean()
                    ? new OtpTokenUse("U-" + r.nextInt(99), true, null)
                    : new OtpTokenUse("U-" + r.nextInt(99), false, OtpTokenUse.BAD_TOKEN))),
            new Target("otpChallenge", OtpJson::challenge, r -> OtpJson.challenge(new OtpChallenge("O-" + r.nextInt(99),
                    msisdn(r), OtpChallenge.PURPOSE_AUTO_TOP_UP, Instant.ofEpochSecond(1_800_000_000L), 6))),
            new Target("otpCheck", OtpJson::check, r -> OtpJson.check(r.nextBoolean()
                    ? new OtpCheck(true, "tok-" + r.nextInt(99), null, 3)
                    : new OtpCheck(false, null, OtpCheck.WRONG_CODE, r.nextInt(3)))),
            new Target("voucherInfo", VoucherJson::voucherInfo, r -> VoucherJson.voucherInfo(new VoucherInfo(
                    "S-" + r.nextInt(99), money(r), "mts", VoucherInfo.State.values()[r.nextInt(3)]))),
            new Target("voucherRedemption", VoucherJson::voucherRedemption, r -> VoucherJson.voucherRedemption(
                    new VoucherRedemption("V-" + r.nextInt(99), VoucherRedemption.Status.REDEEMED, "S-1", money(r),
                            "mts", "R-1", null))));

    record Case(Target target, byte[] body) {
        @Override
        public String toString() {
            return target.name() + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Target> target = Arbitraries.of(TARGETS);
        Arbitrary<byte[]> anyBytes = Fuzz.anyBytes(80);
        return Combinators.combine(target, Arbitraries.randoms(), Arbitraries.integers().between(0, 9), anyBytes)
                .as((t, r, how, noise) -> {
                    JsonNode valid = t.valid().apply(r);
                    byte[] body = switch (how) {
                        case 0 -> noise;
                        case 1 -> CarrierJson.bytes(valid);
                        case 2, 3 -> Fuzz.damage(CarrierJson.bytes(valid), r);
                        case 4 -> Fuzz.damageText(new String(CarrierJson.bytes(valid), StandardCharsets.UTF_8),
                                "{}[]\":,0123456789.-eE+ntrufalsN \\", r).getBytes(StandardCharsets.UTF_8);
                        default -> withDeepValues(CarrierJson.bytes(damageTree(valid.deepCopy(), r)));
                    };
                    return new Case(t, body);
                });
    }

    @Property
    void everyBodyIsAValueOrAWireFormatException(@ForAll("cases") Case c) {
        try {
            JsonNode n = CarrierJson.parse(c.body());
            assertThat(c.target().decode().apply(n)).isNotNull();
        } catch (WireFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void validMessagesReadBackEqual(@ForAll("targets") Target t, @ForAll Random r) {
        JsonNode valid = t.valid().apply(r);
        Object once = t.decode().apply(CarrierJson.parse(CarrierJson.bytes(valid)));
        assertThat(once).isNotNull();
        Object twice = t.decode().apply(CarrierJson.parse(CarrierJson.bytes(valid)));
        assertThat(twice).isEqualTo(once);
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(TARGETS);
    }

    /** 1 to 3 damages at random places in the tree: the shape stays JSON, the content goes wrong. */
    static JsonNode damageTree(JsonNode root, Random r) {
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            List<ObjectNode> objects = new ArrayList<>();
            collect(root, objects);
            if (objects.isEmpty()) {
                return root;
            }
            ObjectNode o = objects.get(r.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String field = names.isEmpty() ? "x" : names.get(r.nextInt(names.size()));
            switch (r.nextInt(4)) {
                case 0 -> o.remove(field);
                case 1 -> o.set(field, strange(r, root));
                case 2 -> o.set(field + (r.nextBoolean() ? "" : "_"), strange(r, root));
                default -> o.put(field, DEEP + (r.nextInt(3) == 0 ? 5_000 : 1 + r.nextInt(40)) + DEEP);
            }
        }
        return root;
    }

    private static void collect(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) {
            out.add(o);
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            collect(it.next(), out);
        }
    }

    private static JsonNode strange(Random r, JsonNode root) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(16)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(r.nextBoolean());
            case 2 -> f.numberNode(r.nextLong());
            case 3 -> f.numberNode(Long.MIN_VALUE);
            case 4 -> f.numberNode(new BigInteger("123456789012345678901234567890"));
            case 5 -> f.numberNode(new BigDecimal("1e400"));
            case 6 -> f.numberNode(-1);
            case 7 -> f.numberNode(0.5);
            case 8 -> f.textNode("");
            case 9 -> f.textNode("\u0000\uFFFF\uD800");
            case 10 -> f.textNode("+7916123456" + r.nextInt(10));
            case 11 -> f.textNode(String.valueOf(r.nextLong()));
            case 12 -> f.arrayNode().add(1).add("a");
            case 13 -> f.objectNode().put("minor", r.nextLong()).put("currency", r.nextBoolean() ? "RUB" : "rub");
            case 14 -> root.deepCopy();
            default -> f.textNode(List.of("CONFIRMED", "REFUSED", "PENDING", "ACTIVE", "REDEEMED", "UNUSED", "EPIN",
                    "ESIM", "epin").get(r.nextInt(9)));
        };
    }

    /** Marks a value to be replaced by nesting as deep as the number it holds (too deep for Jackson to write). */
    private static final String DEEP = "@@deep@@";
    private static final Pattern DEEP_VALUE = Pattern.compile("\"" + DEEP + "(\\d+)" + DEEP + "\"");

    private static byte[] withDeepValues(byte[] json) {
        Matcher m = DEEP_VALUE.matcher(new String(json, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int depth = Integer.parseInt(m.group(1));
            m.appendReplacement(out, "[{\"v\":".repeat(depth / 2) + "{\"minor\":1,\"currency\":\"RUB\"}"
                    + "}]".repeat(depth / 2));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
