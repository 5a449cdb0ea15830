package org.topupkiosk.carrier.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.domain.Money;

/** The simulator's packages: the same six shapes for every operator, priced a little differently per operator. */
final class SimCatalog {

    static final List<String> OPERATORS = List.of(NumberPlan.MTS, NumberPlan.BEELINE, NumberPlan.MEGAFON, NumberPlan.T2);

    private record Shape(String id, String kind, String period, long rub, long dataMb, long minutes,
                         String ru, String en, String zh) {}

    private static final List<Shape> SHAPES = List.of(
            new Shape("data-1g-day", "data", "day", 60, 1024, 0,
                    "Интернет 1 ГБ на сутки", "Internet 1 GB for a day", "1 GB 流量（1天）"),
            new Shape("data-20g-month", "data", "month", 450, 20480, 0,
                    "Интернет 20 ГБ на месяц", "Internet 20 GB for a month", "20 GB 流量（1个月）"),
            new Shape("data-5g-unlimited", "data", "unlimited", 700, 5120, 0,
                    "Интернет 5 ГБ без срока", "Internet 5 GB, no expiry", "5 GB 流量（不限期）"),
            new Shape("voice-300-month", "voice", "month", 250, 0, 300,
                    "300 минут на месяц", "300 minutes for a month", "300 分钟通话（1个月）"),
            new Shape("combo-15g-500-month", "combo", "month", 650, 15360, 500,
                    "15 ГБ и 500 минут на месяц", "15 GB and 500 minutes for a month", "15 GB 流量 + 500 分钟（1个月）"),
            new Shape("combo-tourist-day", "combo", "day", 150, 3072, 60,
                    "Туристический: 3 ГБ и 60 минут на сутки", "Tourist: 3 GB and 60 minutes for a day",
                    "旅游套餐：3 GB + 60 分钟（1天）"));

    private SimCatalog() {}

    static List<CatalogEntry> forOperator(String operatorId) {
        int surcharge = OPERATORS.indexOf(operatorId);
        if (surcharge < 0) {
            return List.of();
        }
        List<CatalogEntry> out = new ArrayList<>();
        for (Shape s : SHAPES) {
            // Ten roubles apart per operator so a test can tell the catalogs apart.
            Money price = Money.rub(s.rub() + 10L * surcharge);
            out.add(new CatalogEntry(operatorId + "-" + s.id(), operatorId, s.kind(), s.period(), price, s.dataMb(),
                    s.minutes(), Map.of("ru", s.ru(), "en", s.en(), "zh", s.zh())));
        }
        return List.copyOf(out);
    }

    static List<CatalogEntry> all() {
        List<CatalogEntry> out = new ArrayList<>();
        OPERATORS.forEach(op -> out.addAll(forOperator(op)));
        return List.copyOf(out);
    }

    static Optional<CatalogEntry> product(String productId) {
        return all().stream().filter(e -> e.productId().equals(productId)).findFirst();
    }
}
