package org.topupkiosk.carrier.simulator;

import java.time.LocalDate;
import java.util.List;
import org.topupkiosk.domain.Money;

/**
 * The simulated carrier's promotions, the same ids and rules as kiosk-config/catalog/catalog.yaml: a bonus percent on a
 * top-up of at least a minimum, for one operator, between two dates. The carrier decides the bonus: a promo id that
 * does not apply (wrong operator, too small, out of dates, unknown) pays the top-up without a bonus, never refuses it.
 */
final class SimPromotions {

    private record Promo(String id, String operatorId, Money minAmount, long percent, LocalDate from, LocalDate until) {}

    private static final List<Promo> PROMOS = List.of(
            new Promo("mts-bonus10-500", NumberPlan.MTS, Money.rub(500), 10,
                    LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31")),
            new Promo("megafon-bonus5-300", NumberPlan.MEGAFON, Money.rub(300), 5,
                    LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31")));

    private SimPromotions() {}

    /** The bonus the carrier adds for this top-up, zero when the promo does not apply. */
    static Money bonus(String promoId, String operatorId, Money amount, LocalDate on) {
        if (promoId == null) {
            return Money.zero(amount.currency());
        }
        for (Promo p : PROMOS) {
            if (p.id().equals(promoId) && p.operatorId().equals(operatorId) && !amount.lessThan(p.minAmount())
                    && !on.isBefore(p.from()) && !on.isAfter(p.until())) {
                return new Money(amount.minor() * p.percent() / 100, amount.currency());
            }
        }
        return Money.zero(amount.currency());
    }
}
