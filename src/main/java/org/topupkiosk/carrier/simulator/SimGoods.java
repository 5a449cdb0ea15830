package org.topupkiosk.carrier.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.topupkiosk.carrier.GoodsKind;
import org.topupkiosk.carrier.GoodsOffer;
import org.topupkiosk.carrier.IssuedGoods;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.domain.CheckDigits;
import org.topupkiosk.domain.DeviceId;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * The simulated carrier's e-PINs and eSIMs (docs/carrier-api.md "Goods"): the same offers for every operator, the
 * test values that refuse, and the issuing of a PIN or an activation code for a new sale. Issuing happens once per
 * txnId, inside the ledger's lock, and the ledger keeps what was issued, so a repeat returns the same goods.
 */
final class SimGoods {

    /** The SM-DP+ server of the simulated carrier's eSIM profiles (a host name, as SGP.22 requires). */
    static final String SMDP_ADDRESS = "rsp.carrier-sim.test";
    /** A phone the simulator knows cannot take an eSIM: payments naming it are refused {@code device-not-supported}. */
    static final String UNSUPPORTED_IMEI = "356938035643809";
    /** An eUICC the simulator refuses the same way (the GSMA's second sample EID). */
    static final String UNSUPPORTED_EID = "89001012012341234012345678901224";
    /** Products listed in the catalog whose stock has run out: a payment for them is refused {@code out-of-stock}. */
    static final Set<String> OUT_OF_STOCK = Set.of("t2-epin-1000", "megafon-esim-month-30g");

    private record Shape(String id, GoodsKind kind, long rub, long dataMb, long minutes, int days,
                         String ru, String en, String zh) {}

    private static final List<Shape> SHAPES = List.of(
            new Shape("epin-100", GoodsKind.EPIN, 100, 0, 0, 365, "e-PIN на 100 ₽", "e-PIN 100 ₽", "100 ₽ 电子充值码"),
            new Shape("epin-300", GoodsKind.EPIN, 300, 0, 0, 365, "e-PIN на 300 ₽", "e-PIN 300 ₽", "300 ₽ 电子充值码"),
            new Shape("epin-500", GoodsKind.EPIN, 500, 0, 0, 365, "e-PIN на 500 ₽", "e-PIN 500 ₽", "500 ₽ 电子充值码"),
            new Shape("epin-1000", GoodsKind.EPIN, 1000, 0, 0, 365, "e-PIN на 1000 ₽", "e-PIN 1000 ₽",
                    "1000 ₽ 电子充值码"),
            new Shape("esim-tourist-7d", GoodsKind.ESIM, 500, 10240, 100, 7,
                    "Турист: 10 ГБ и 100 минут на 7 дней", "Tourist: 10 GB and 100 minutes for 7 days",
                    "旅游：10 GB + 100 分钟（7天）"),
            new Shape("esim-data-3d", GoodsKind.ESIM, 300, 5120, 0, 3,
                    "Интернет 5 ГБ на 3 дня", "Internet 5 GB for 3 days", "5 GB 流量（3天）"),
            new Shape("esim-month-30g", GoodsKind.ESIM, 900, 30720, 500, 30,
                    "30 ГБ и 500 минут на месяц", "30 GB and 500 minutes for a month", "30 GB + 500 分钟（1个月）"));

    /** DEF codes the new eSIM numbers come from, one per operator, inside that operator's range in NumberPlan. */
    private static final Map<String, String> NEW_NUMBER_DEF = Map.of(NumberPlan.MTS, "915", NumberPlan.BEELINE, "965",
            NumberPlan.MEGAFON, "925", NumberPlan.T2, "952");
    private static final String MATCHING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Clock clock;
    private final Random random;
    private long sequence;

    SimGoods(Clock clock) {
        this(clock, new SecureRandom());
    }

    SimGoods(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    /** After a restart: the next goods are numbered after the {@code issued} already in the ledger. */
    synchronized void continueAfter(long issued) {
        sequence = Math.max(sequence, issued);
    }

    static List<GoodsOffer> forOperator(String operatorId) {
        int index = SimCatalog.OPERATORS.indexOf(operatorId);
        if (index < 0) {
            return List.of();
        }
        List<GoodsOffer> out = new ArrayList<>();
        for (Shape s : SHAPES) {
            // An e-PIN costs its nominal everywhere; eSIM plans are ten roubles apart per operator, like packages.
            long rub = s.kind() == GoodsKind.EPIN ? s.rub() : s.rub() + 10L * index;
            out.add(new GoodsOffer(operatorId + "-" + s.id(), operatorId, s.kind(), Money.rub(rub), s.dataMb(),
                    s.minutes(), s.days(), Map.of("ru", s.ru(), "en", s.en(), "zh", s.zh())));
        }
        return List.copyOf(out);
    }

    static List<GoodsOffer> all() {
        List<GoodsOffer> out = new ArrayList<>();
        SimCatalog.OPERATORS.forEach(op -> out.addAll(forOperator(op)));
        return List.copyOf(out);
    }

    static Optional<GoodsOffer> offer(String productId) {
        return all().stream().filter(g -> g.productId().equals(productId)).findFirst();
    }

    /** The carrier's refusal of a new goods sale, or null when it may be issued. */
    static String refusal(PaymentRequest r) {
        GoodsOffer g = offer(r.productId()).orElse(null);
        if (g == null || g.kind() != r.goods() || !g.operatorId().equals(r.operatorId())) {
            return "unknown-product";
        }
        if (!g.price().currency().equals(r.amount().currency())) {
            return "currency-not-supported";
        }
        // An e-PIN is worth exactly its nominal; an eSIM takes its price and puts the rest on the new number.
        if (g.kind() == GoodsKind.EPIN ? !r.amount().equals(g.price()) : r.amount().lessThan(g.price())) {
            return "price-mismatch";
        }
        DeviceId d = r.device();
        if (d != null && (UNSUPPORTED_IMEI.equals(d.digits()) || UNSUPPORTED_EID.equals(d.digits()))) {
            return "device-not-supported";
        }
        if (OUT_OF_STOCK.contains(g.productId())) {
            return "out-of-stock";
        }
        return null;
    }

    /** Issues the goods for a new sale that {@link #refusal} let through. Call under the ledger's lock, once per txnId. */
    synchronized IssuedGoods issue(PaymentRequest r) {
        GoodsOffer g = offer(r.productId()).orElseThrow();
        long n = ++sequence;
        if (g.kind() == GoodsKind.EPIN) {
            String body = digits(15);
            String pin = body + CheckDigits.luhnDigit(body);
            String serial = String.format(Locale.ROOT, "%s-EPIN-%d-%06d", g.operatorId().toUpperCase(Locale.ROOT),
                    g.price().minor() / 100, n);
            return new IssuedGoods.EPin(pin, serial, LocalDate.now(clock).plusDays(g.validDays()));
        }
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                id.append('-');
            }
            id.append(MATCHING_ALPHABET.charAt(random.nextInt(MATCHING_ALPHABET.length())));
        }
        String national = NEW_NUMBER_DEF.get(g.operatorId()) + "7" + String.format(Locale.ROOT, "%06d", n % 1_000_000);
        String iccidBody = "89701" + String.format(Locale.ROOT, "%02d", SimCatalog.OPERATORS.indexOf(g.operatorId()) + 1)
                + String.format(Locale.ROOT, "%011d", n);
        return new IssuedGoods.Esim("LPA:1$" + SMDP_ADDRESS + "$" + id, Msisdn.of("+7" + national),
                iccidBody + CheckDigits.luhnDigit(iccidBody));
    }

    private String digits(int count) {
        StringBuilder sb = new StringBuilder(count);
        sb.append((char) ('1' + random.nextInt(9)));
        while (sb.length() < count) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
