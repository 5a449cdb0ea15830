package org.topupkiosk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.topupkiosk.testing.Property;

class FeeRuleTest {

    private static FeeRule rule(long bp, long fixedKop, long minKop) {
        return new FeeRule(bp, Money.rubMinor(fixedKop), Money.rubMinor(minKop));
    }

    @ParameterizedTest(name = "{0} bp + {1} fixed, min {2}: cash {3} -> fee {4}")
    @CsvSource({
            // bp, fixed, minimum, cash, fee (all kopecks)
            "200, 0, 0, 60000, 1200",        // the field example: 600 RUB in, 12 RUB fee, 588 to the balance
            "0, 0, 0, 60000, 0",
            "200, 0, 1000, 10000, 1000",     // 2% of 100 RUB is 2 RUB, below the 10 RUB minimum
            "200, 0, 1000, 100000, 2000",
            "250, 0, 0, 1000, 25",
            "250, 0, 0, 10, 0",              // 0.25 kopeck rounds down
            "250, 0, 0, 20, 1",              // 0.5 kopeck rounds half-up
            "75, 0, 0, 200, 2",              // 1.5 kopecks rounds half-up to 2
            "75, 0, 0, 199, 1",              // 1.4925 rounds down
            "100, 500, 0, 10000, 600",       // 1% + 5 RUB fixed
            "200, 0, 5000, 3000, 3000",      // minimum larger than the cash: capped at the cash
            "200, 0, 1000, 0, 0",            // no cash, no fee
            "9999, 0, 0, 100, 100",          // 99.99% of 1 RUB rounds to the whole rouble, capped at the cash
    })
    void feeTable(long bp, long fixed, long min, long cash, long fee) {
        FeeRule r = rule(bp, fixed, min);
        assertThat(r.feeFor(Money.rubMinor(cash))).isEqualTo(Money.rubMinor(fee));
        assertThat(r.toBalance(Money.rubMinor(cash))).isEqualTo(Money.rubMinor(cash - fee));
    }

    @Test
    void cashNeededForTheFieldExample() {
        FeeRule twoPercent = rule(200, 0, 0);
        assertThat(twoPercent.cashNeededFor(Money.rub(588))).isEqualTo(Money.rub(600));
        assertThat(rule(0, 0, 0).cashNeededFor(Money.rub(100))).isEqualTo(Money.rub(100));
        assertThat(rule(200, 0, 1000).cashNeededFor(Money.rub(100))).isEqualTo(Money.rub(110));
        assertThat(twoPercent.cashNeededFor(Money.rubMinor(0))).isEqualTo(Money.rubMinor(0));
    }

    @ParameterizedTest
    @CsvSource({"2, 200", "2.5, 250", "0.75, 75", "0, 0", "0.05, 5", "12.50, 1250", " 3 , 300", "99.99, 9999"})
    void parsesPercentExactly(String text, long bp) {
        assertThat(FeeRule.parsePercent(text)).isEqualTo(bp);
    }

    @ParameterizedTest
    @CsvSource(value = {"-1|negative", "2.555|at most 2 decimals", "abc|decimal", "1e2|decimal", "100|below 100",
            "|decimal", "2.|decimal", ".5|decimal"}, delimiter = '|')
    void refusesBadPercents(String text, String why) {
        String input = text == null ? "" : text;
        assertThatThrownBy(() -> FeeRule.parsePercent(input))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why);
    }

    @Test
    void refusesImpossibleRules() {
        assertThatThrownBy(() -> rule(10_000, 0, 0)).hasMessageContaining("below 100%");
        assertThatThrownBy(() -> rule(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule(0, -1, 0)).hasMessageContaining("negative");
        assertThatThrownBy(() -> rule(100, 0, 0).feeFor(Money.rubMinor(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> rule(100, 0, 0).feeFor(new Money(100, "USD"))).hasMessageContaining("currency");
    }

    @Test
    void writesThePercentBack() {
        assertThat(rule(250, 0, 0).percentText()).isEqualTo("2.5%");
        assertThat(rule(75, 0, 0).percentText()).isEqualTo("0.75%");
        assertThat(rule(5, 0, 0).percentText()).isEqualTo("0.05%");
        assertThat(rule(200, 0, 0).percentText()).isEqualTo("2%");
    }

    private static FeeRule randomRule(Random r) {
        long bp = switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(1000);
            case 2 -> 9000 + r.nextInt(1000);
            default -> r.nextInt(10_000);
        };
        long fixed = r.nextBoolean() ? 0 : r.nextInt(10_000);
        long min = r.nextBoolean() ? 0 : r.nextInt(50_000);
        return rule(bp, fixed, min);
    }

    @Test
    void feeAndBalanceAlwaysAddUpToTheCash() {
        Property.forAll(5000, r -> {
            FeeRule rule = randomRule(r);
            Money cash = Money.rubMinor(r.nextInt(3) == 0 ? r.nextInt(1000) : r.nextInt(100_000_000));
            Money fee = rule.feeFor(cash);
            assertThat(rule.toBalance(cash).plus(fee)).as("%s on %s", rule, cash).isEqualTo(cash);
            assertThat(fee.isNegative()).isFalse();
            assertThat(fee.greaterThan(cash)).isFalse();
        });
    }

    @Test
    void cashNeededForIsTheMinimalSufficientCash() {
        Property.forAll(5000, r -> {
            FeeRule rule = randomRule(r);
            Money target = Money.rubMinor(1 + (r.nextBoolean() ? r.nextInt(2000) : r.nextInt(50_000_000)));
            Money cash = rule.cashNeededFor(target);
            assertThat(rule.toBalance(cash)).as("%s for %s", rule, target).isGreaterThanOrEqualTo(target);
            Money lessByOne = cash.minus(Money.rubMinor(1));
            assertThat(rule.toBalance(lessByOne)).as("%s for %s", rule, target).isLessThan(target);
        });
    }
}
