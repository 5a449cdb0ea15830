package org.topupkiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.topupkiosk.domain.FeeRule;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.flow.FlowFixture;
import org.topupkiosk.flow.core.FlowSettings;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;

class ReceiptComposerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:15:30Z"), ZoneId.of("Europe/Moscow"));

    private static ReceiptComposer composer(int columns) {
        FlowSettings base = FlowFixture.settings(true, Money.rub(15000));
        FlowSettings s = new FlowSettings(base.kioskId(), "Москва, Тверская ул., д. 1, торговый центр «Охотный ряд»",
                base.supportPhone(), Lang.RU, columns, base.orderCashLimit(), base.acceptedNotes(),
                base.offlineSalesAllowed(), base.offlineLimit(), base.inactivityWarning(), base.inactivityCountdown(),
                base.carrierCheckTimeout(), base.submitWait(), base.finishAfter(), base.lookupUrlBase());
        return new ReceiptComposer(new Messages(), s.receiptKiosk(), s.receiptColumns(), CLOCK);
    }

    private static final Operator MEGAFON = new Operator("megafon",
            Map.of("ru", "МегаФон", "en", "MegaFon", "zh", "MegaFon"), "#00B956", Money.rub(10),
            Money.rub(15000), FeeRule.ofPercent("2", Money.ZERO_RUB, Money.rub(5)), List.of());

    private static final Order ORDER = new Order("0042-000317", "topup", Msisdn.of("+79261234567"), "megafon", null,
            OrderStatus.CONFIRMED, Money.rub(588), Money.rub(12), Money.rub(600), Money.ZERO_RUB, false, "ref",
            null, CLOCK.instant(), CLOCK.instant(), false);

    @ParameterizedTest
    @CsvSource({"32,RU", "32,EN", "32,ZH", "42,RU", "42,EN", "42,ZH"})
    void paymentReceiptFitsThePaperAndMasksTheNumber(int columns, Lang lang) {
        for (ReceiptFacts.Status status : ReceiptFacts.Status.values()) {
            Receipt r = composer(columns).payment(ORDER, MEGAFON, status, lang);
            assertThat(r.lines()).allSatisfy(l -> assertThat(l.text().length()).isLessThanOrEqualTo(columns));
            String text = r.asText();
            assertThat(text).contains("0042-000317").contains("+7 926 ***-**-67").doesNotContain("1234567");
            assertThat(text).contains("588").contains("12").contains("600");
            assertThat(r.qrPayload()).endsWith("0042-000317");
            if (lang != Lang.RU) {
                assertThat(text).contains("ПОПОЛНЕНИЕ СЧЁТА");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"32,RU", "32,ZH", "42,EN"})
    void creditVoucherCarriesTheCodeToScanBack(int columns, Lang lang) {
        CustomerCredit c = new CustomerCredit("123456789012", Money.rub(150), "0042-000318", CLOCK.instant(), "cancel");
        Receipt r = composer(columns).credit(c, lang);
        assertThat(r.lines()).allSatisfy(l -> assertThat(l.text().length()).isLessThanOrEqualTo(columns));
        assertThat(r.qrPayload()).isEqualTo("123456789012");
        assertThat(r.asText()).contains("123456789012").contains("150");
    }
}
