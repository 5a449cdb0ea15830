package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Promotion;

/** Promotions in catalog.yaml: read exactly, chosen by operator, amount and date, and bad entries named by key. */
class PromotionsCatalogTest {

    @TempDir
    Path dir;

    private static final String OPERATOR = """
            operators:
              - id: mts
                names: { ru: МТС, en: MTS, zh: MTS }
                color: "#E30611"
                fee: { percent: 0 }
                registryNames: []
            """;

    @Test
    void shippedPromotionsAreReadAndChosenByOperatorAmountAndDate() throws Exception {
        Catalog c = ConfigLoader.loadCatalog(Path.of("kiosk-config/catalog/catalog.yaml"));
        assertThat(c.promotions()).extracting(Promotion::id).containsExactly("mts-bonus10-500", "megafon-bonus5-300");
        LocalDate day = LocalDate.of(2026, 11, 22);
        Promotion mts = c.promotionFor("mts", Money.rub(500), day).orElseThrow();
        assertThat(mts.bonusFor(Money.rubMinor(123_45))).isEqualTo(Money.rubMinor(12_34));
        assertThat(c.promotionFor("mts", Money.rubMinor(499_99), day)).isEmpty();
        assertThat(c.runningPromotion("mts", day)).contains(mts);
        assertThat(c.promotionFor("beeline", Money.rub(5000), day)).isEmpty();
        assertThat(c.promotionFor("mts", Money.rub(500), LocalDate.of(2028, 1, 1))).isEmpty();
        assertThat(c.promotionFor("mts", Money.rub(500), LocalDate.of(2027, 12, 31))).isPresent();
        assertThat(mts.title("zh")).contains("10%");
    }

    @Test
    void badPromotionsNameTheirKey() throws Exception {
        Path f = dir.resolve("catalog.yaml");
        Files.writeString(f, OPERATOR + """
                promotions:
                  - id: Bad Id
                    operator: yota
                    bonusPercent: 0
                    validFrom: "2026-13-01"
                    validUntil: "2026-01-01"
                    titles: { ru: a, en: b }
                  - id: ok-one
                    operator: mts
                    minAmountRub: 500
                    bonusPercent: 10
                    validFrom: "2027-01-01"
                    validUntil: "2026-01-01"
                    titles: { ru: a, en: b, zh: c }
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ConfigLoader.loadCatalog(f)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.getMessage()).contains(
                        "promotions[0].id: \"Bad Id\" is not an id",
                        "promotions[0].operator: \"yota\" is not an operator of this catalog",
                        "promotions[0].minAmountRub: is missing",
                        "promotions[0].bonusPercent",
                        "promotions[0].validFrom: \"2026-13-01\" is not a date",
                        "promotions[0].titles.zh: is missing",
                        "promotions[1].validUntil: 2026-01-01 is before validFrom 2027-01-01"));
    }
}
