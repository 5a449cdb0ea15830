package org.topupkiosk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void arithmeticIsExactInKopecks() {
        Money a = Money.rubMinor(10_05);
        Money b = Money.rub(3);
        assertThat(a.plus(b)).isEqualTo(Money.rubMinor(13_05));
        assertThat(a.minus(b)).isEqualTo(Money.rubMinor(7_05));
        assertThat(b.times(3)).isEqualTo(Money.rub(9));
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        Money big = Money.rubMinor(Long.MAX_VALUE);
        assertThatThrownBy(() -> big.plus(Money.rubMinor(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void currenciesDoNotMix() {
        assertThatThrownBy(() -> Money.rub(1).plus(new Money(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RUB vs USD");
    }

    @Test
    void formatsPerLocale() {
        assertThat(Money.rub(1500).format(Locale.forLanguageTag("ru"))).isEqualTo("1\u00A0500\u00A0₽");
        assertThat(Money.rub(1500).format(Locale.ENGLISH)).isEqualTo("1,500\u00A0₽");
        assertThat(Money.rubMinor(1500_50).format(Locale.ENGLISH)).isEqualTo("1,500.50\u00A0₽");
        assertThat(Money.rubMinor(1500_50).format(Locale.forLanguageTag("ru"))).isEqualTo("1\u00A0500,50\u00A0₽");
        assertThat(Money.rub(1500).format(Locale.SIMPLIFIED_CHINESE)).isEqualTo("1,500\u00A0₽");
        assertThat(Money.rubMinor(-5).plain()).isEqualTo("-0.05 RUB");
    }
}
