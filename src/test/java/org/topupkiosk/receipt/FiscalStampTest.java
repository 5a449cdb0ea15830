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
import org.topupkiosk.journal.FiscalRecord;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;

/** Issue 13: the customer's receipt with its fiscal document: FN, ФД, ФП and date lines, and the check code as its QR. */
class FiscalStampTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:15:30Z"), ZoneId.of("Europe/Moscow"));
    private static final Operator MEGAFON = new Operator("megafon",
            Map.of("ru", "МегаФон", "en", "MegaFon", "zh", "MegaFon"), "#00B956", Money.rub(10),
            Money.rub(15000), FeeRule.ofPercent("2", Money.ZERO_RUB, Money.rub(5)), List.of());
    private static final Order ORDER = new Order("0042-000317", "topup", Msisdn.of("+79261234567"), "megafon", null,
            OrderStatus.CONFIRMED, Money.rub(588), Money.rub(12), Money.rub(600), Money.ZERO_RUB, false, "ref",
            null, CLOCK.instant(), CLOCK.instant(), false);
    private static final FiscalRecord DOC = new FiscalRecord("9999078900012345", 1234, 4_294_967_295L,
            "2026-11-21T13:15", 60_000, 5, false);
    private static final String QR = "t=20261121T1315&s=600.00&fn=9999078900012345&i=1234&fp=4294967295&n=1";

    private static ReceiptComposer composer(int columns) {
        FlowSettings s = FlowFixture.settings(true, Money.rub(15000));
        return new ReceiptComposer(new Messages(), s.receiptKiosk(), columns, CLOCK);
    }

    @ParameterizedTest
    @CsvSource({"32,RU", "32,EN", "32,ZH", "42,RU", "42,EN", "42,ZH"})
    void theFiscalLinesFitAndTheQrIsTheCheckCode(int columns, Lang lang) {
        ReceiptComposer c = composer(columns);
        Receipt plain = c.payment(ORDER, MEGAFON, ReceiptFacts.Status.CREDITED, lang);
        Receipt r = c.withFiscal(plain, DOC, QR, false, lang);
        assertThat(r.id()).isEqualTo(plain.id());
        assertThat(r.qrPayload()).isEqualTo(QR);
        assertThat(r.lines()).startsWith(plain.lines().toArray(Receipt.Line[]::new));
        assertThat(r.lines()).allSatisfy(l -> assertThat(Receipt.displayWidth(l.text()))
                .isLessThanOrEqualTo(columns));
        String text = r.asText();
        assertThat(text).contains("9999078900012345").contains("1234").contains("4294967295")
                .contains("2026-11-21 13:15").contains("ФН").contains("ФД").contains("ФП").contains("Приход");
        Receipt back = Receipt.fromStored(r.id(), r.toStored(), columns);
        assertThat(back.qrPayload()).isEqualTo(QR);
    }

    @ParameterizedTest
    @CsvSource({"RU", "EN", "ZH"})
    void aRefundSaysSoAndAnActivationQrStays(Lang lang) {
        ReceiptComposer c = composer(42);
        Receipt plain = c.payment(ORDER, MEGAFON, ReceiptFacts.Status.REFUSED, lang);
        assertThat(c.withFiscal(plain, DOC, QR.replace("n=1", "n=2"), true, lang).asText())
                .contains("Возврат").contains("прихода");
        Receipt esim = new Receipt("x-esim", 42, plain.lines(), "LPA:1$rsp.example$AB12", null);
        Receipt stamped = c.withFiscal(esim, DOC, QR, false, lang);
        assertThat(stamped.qrPayload()).isEqualTo("LPA:1$rsp.example$AB12");
        assertThat(stamped.asText().replace("\n", "")).contains(QR);
    }
}
