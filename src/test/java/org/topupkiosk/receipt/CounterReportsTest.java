package org.topupkiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.domain.Catalog;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.Encashment;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.Shift;
import org.topupkiosk.service.EncashmentReport;

/**
 * The counter's and the cash box's paper, letter for letter, in each language: src/test/resources/reports/*.txt.
 * A change to a layout or a bundle shows up here as a diff to read, not as a silent change on paper.
 */
class CounterReportsTest {

    static final Instant AT = Instant.parse("2026-11-21T18:30:00Z");
    static final ReceiptLayouts LAYOUTS = new ReceiptLayouts(new Messages(), new ReceiptFacts.Kiosk("C-0007",
            "Казань, ул. Примерная, 5", "+7 800 000-00-00", "https://topup.example/t/"), 42, ZoneId.of("Europe/Moscow"));

    static Catalog catalog() throws Exception {
        return ConfigLoader.loadCatalog(Path.of("kiosk-config/catalog/catalog.yaml"));
    }

    static Shift shift(boolean closed) {
        return new Shift(3, "anna", AT.minus(Duration.ofHours(8)), closed ? AT : null, 2, Money.rub(1500),
                Money.rubMinor(20_20), Money.rub(3100), Money.rubMinor(1479_80), Money.rub(100), 1, 0,
                List.of(new Shift.OperatorSales("megafon", 1, Money.rub(1000)),
                        new Shift.OperatorSales("mts", 1, Money.rub(500))));
    }

    static void matches(String name, String actual) throws Exception {
        Path fixture = Path.of("src/test/resources/reports", name + ".txt");
        if (Boolean.getBoolean("fixtures.write")) {
            Files.writeString(fixture, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(fixture, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void xAndZReports(Lang lang) throws Exception {
        CounterReports reports = new CounterReports(LAYOUTS, catalog());
        matches("counter-x-" + lang.code(), reports.shift(shift(false), AT, lang).asText());
        matches("counter-z-" + lang.code(), reports.shift(shift(true), AT, lang).asText());
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void saleReceiptWithChange(Lang lang) throws Exception {
        CounterReports reports = new CounterReports(LAYOUTS, catalog());
        Order order = new Order("C-0007-000042", "topup", Msisdn.of("+79261234567"), "megafon", null,
                OrderStatus.CONFIRMED, Money.rub(500), Money.rubMinor(10_20), Money.rubMinor(510_20), Money.ZERO_RUB,
                false, "MF-1", null, AT, AT, false);
        matches("counter-sale-" + lang.code(), reports.sale(order, catalog().operator("megafon").orElseThrow(),
                Money.rub(1000), "Анна Петрова", ReceiptFacts.Status.CREDITED, lang, AT).asText());
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void encashmentReport(Lang lang) throws Exception {
        Encashment e = new Encashment(7, AT, "0042", List.of(new Encashment.NoteCount(Money.rub(100), 12),
                new Encashment.NoteCount(Money.rub(5000), 3)), Money.rub(16200), Money.rub(300), 57, "service menu");
        matches("encashment-" + lang.code(), EncashmentReport.compose(LAYOUTS, e, lang).asText());
    }
}
