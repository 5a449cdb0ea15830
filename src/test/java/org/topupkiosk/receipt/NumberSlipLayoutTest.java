package org.topupkiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.i18n.Messages;

/** The "my number" slip at 32 and 42 columns in each language: fits, the number large and whole, no money on it. */
class NumberSlipLayoutTest {

    static final ReceiptFacts.Kiosk KIOSK = new ReceiptFacts.Kiosk("0042",
            "Москва, Тверская ул., д. 1, торговый центр «Охотный ряд», 2 этаж", "+7 800 555-35-35",
            "https://topup.example/t/");

    @ParameterizedTest(name = "{0} columns, {1}, operator confirmed {2}, from card {3}")
    @CsvSource({"32,RU,true,true", "32,EN,false,true", "32,ZH,true,false", "42,RU,false,true", "42,EN,true,false",
            "42,ZH,false,true"})
    void theNumberFitsLargeWithTheOperatorAndNoMoney(int columns, Lang lang, boolean confirmed, boolean fromCard) {
        Messages m = new Messages();
        ReceiptLayouts layouts = new ReceiptLayouts(m, KIOSK, columns, ZoneId.of("Europe/Moscow"));
        Receipt r = layouts.numberSlip(new ReceiptFacts.NumberSlip("0042-Nabc-1", Instant.parse("2026-11-21T10:15:30Z"),
                "+7 916 123-45-67", "tel:+79161234567", "МТС", confirmed, fromCard), lang);
        assertThat(r.id()).isEqualTo("0042-Nabc-1-number");
        assertThat(r.qrPayload()).isEqualTo("tel:+79161234567");
        assertThat(r.lines()).allSatisfy(l -> assertThat(l.columns()).as("line \"%s\"", l.text())
                .isLessThanOrEqualTo(columns));
        assertThat(r.lines()).anySatisfy(l -> {
            assertThat(l.style()).isEqualTo(Receipt.Style.CENTER_LARGE);
            assertThat(l.text()).isEqualTo("+7 916 123-45-67");
        });
        String text = r.lines().stream().map(Receipt.Line::text).collect(Collectors.joining("\n"));
        assertThat(text).contains(m.get(lang, "receipt.title.number")).contains(m.get(Lang.RU, "receipt.title.number"))
                .contains("МТС").doesNotContain("₽").doesNotContain("RUB");
        String flat = text.replaceAll("\\s+", "");
        assertThat(flat).contains(squeeze(m.get(lang, "receipt.number.not_payment")));
        assertThat(flat.contains(squeeze(m.get(lang, "receipt.number.operator_hint")))).isEqualTo(!confirmed);
        assertThat(flat).contains(squeeze(m.get(lang, fromCard ? "receipt.number.from_card"
                : "receipt.number.from_carrier")));
    }

    /** Wrapping breaks lines at spaces (or anywhere in Chinese): compare without whitespace. */
    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
