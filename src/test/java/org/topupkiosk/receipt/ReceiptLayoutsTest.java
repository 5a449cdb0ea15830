package org.topupkiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.printer.escpos.EscPosPrinter;
import org.topupkiosk.device.printer.escpos.ReceiptEncoder;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.receipt.ReceiptFacts.Status;

/** Every receipt type, at 32 and 42 columns, in each customer language. */
class ReceiptLayoutsTest {

    static final Messages MESSAGES = new Messages();
    static final Instant AT = Instant.parse("2026-11-21T10:15:30Z");
    static final ReceiptFacts.Kiosk KIOSK = new ReceiptFacts.Kiosk("0042",
            "Москва, Тверская ул., д. 1, торговый центр «Охотный ряд», 2 этаж", "+7 800 555-35-35",
            "https://topup.example/t/");

    static final ReceiptFacts.Sale TOPUP = new ReceiptFacts.Sale("0042-000317", AT, "МегаФон", "+7 926 ***-**-67",
            Money.rub(588), Money.rub(12), Money.rub(600), Money.ZERO_RUB, null, Status.CREDITED);
    static final ReceiptFacts.Sale FIXED = new ReceiptFacts.Sale("0042-000318", AT, "MTS", "+7 916 ***-**-01",
            Money.rub(450), Money.ZERO_RUB, Money.rub(500), Money.rub(50), "482915736104", Status.PENDING);
    static final String LPA = "LPA:1$smdp.example.ru$K2-1ABC2-3DEF4-5GH67";

    /** Each type by name: a function of layouts and language to a receipt. */
    static final Map<String, BiFunction<ReceiptLayouts, Lang, Receipt>> TYPES = Map.of(
            "topup", (l, lang) -> l.topUp(TOPUP, lang),
            "package", (l, lang) -> l.packageSale(FIXED, "Безлимит на месяц: 30 ГБ, 500 минут, 无限套餐", lang),
            "voucher", (l, lang) -> l.voucherRedemption(new ReceiptFacts.VoucherRedemption("0042-000319", AT,
                    "Билайн", "+7 903 ***-**-45", "****-****-7781", Money.rub(300), Status.CREDITED), lang),
            "epin", (l, lang) -> l.ePin(new ReceiptFacts.EPin(FIXED, "Игровая карта 500 руб.", "8391 2277 5012 6643",
                    "SN 000172", "*100*PIN#"), lang),
            "esim", (l, lang) -> l.esim(new ReceiptFacts.Esim(FIXED, "T2 eSIM Туристический", LPA), lang),
            "credit", (l, lang) -> l.creditVoucher(new ReceiptFacts.CreditVoucher("123456789012", Money.rub(150),
                    "0042-000320", AT), lang),
            "encashment", (l, lang) -> l.encashment(new ReceiptFacts.Encashment("E-0042-0007", AT, "CB-17",
                    "Иванов И. И.", List.of(new ReceiptFacts.NoteCount(Money.rub(100), 12),
                    new ReceiptFacts.NoteCount(Money.rub(5000), 3)), Money.rub(16200), Money.rub(300)), lang),
            "shift_x", (l, lang) -> l.shift(shift(false), lang),
            "shift_z", (l, lang) -> l.shift(shift(true), lang));

    static ReceiptFacts.Shift shift(boolean closing) {
        return new ReceiptFacts.Shift(closing, 17, AT.minus(Duration.ofHours(9)), AT, 124, Money.rub(61234),
                Money.rubMinor(123456), Money.rub(63000), Money.rub(450), Money.rub(300), Money.ZERO_RUB, 2,
                List.of(new ReceiptFacts.OperatorTotal("МТС", 40, Money.rub(20000)),
                        new ReceiptFacts.OperatorTotal("МегаФон", 84, Money.rub(41234))));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String type : TYPES.keySet().stream().sorted().toList()) {
            for (int columns : new int[] {32, 42}) {
                for (Lang lang : Lang.values()) {
                    out.add(Arguments.of(type, columns, lang));
                }
            }
        }
        return out.stream();
    }

    static ReceiptLayouts layouts(int columns) {
        return new ReceiptLayouts(MESSAGES, KIOSK, columns, ZoneId.of("Europe/Moscow"));
    }

    @ParameterizedTest(name = "{0} at {1} columns in {2}")
    @MethodSource("cases")
    void fitsThePaperAndSaysItInTheCustomersLanguageAndRussian(String type, int columns, Lang lang) {
        Receipt r = TYPES.get(type).apply(layouts(columns), lang);
        assertThat(r.columns()).isEqualTo(columns);
        assertThat(r.lines()).allSatisfy(l -> assertThat(l.columns())
                .as("line \"%s\" (%s)", l.text(), l.style()).isLessThanOrEqualTo(columns));
        String text = r.asText();
        String titleKey = "receipt.title." + (type.equals("topup") ? "topup" : type.equals("credit") ? "credit" : type);
        assertThat(text).contains(MESSAGES.get(Lang.RU, titleKey));
        assertThat(text).contains(MESSAGES.get(lang, titleKey));
        assertThat(text).contains("0042").contains("2026-11-21 13:15:30").contains("Тверская");
        if (lang == Lang.ZH) {
            assertThat(text).containsPattern("[\\u4e00-\\u9fff]");
        }
        assertThat(text).doesNotContain("₽").doesNotContain("receipt.");
    }

    @ParameterizedTest(name = "{0} at {1} columns in {2}")
    @MethodSource("cases")
    void printsThroughTheEncoderWithCyrillicAndChineseIntact(String type, int columns, Lang lang) throws Exception {
        Receipt r = TYPES.get(type).apply(layouts(columns), lang);
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, columns == 32
                ? EscPosPrinterEmulator.PAPER_58MM_DOTS : EscPosPrinterEmulator.PAPER_80MM_DOTS);
        new EscPosPrinter(emu.memoryLink(), new ReceiptEncoder(ReceiptEncoder.Options.defaults().withGb18030(true)),
                Duration.ofSeconds(1), Duration.ofSeconds(1)).print(r);
        List<String> printed = emu.printed().get(0).lines();
        List<String> expected = r.lines().stream().map(l -> ReceiptEncoder.normalise(l.text())).toList();
        assertThat(printed.subList(0, expected.size())).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{1} columns")
    @MethodSource("cases")
    void customerReceiptsCarryTheFactsAndCodes(String type, int columns, Lang lang) {
        Receipt r = TYPES.get(type).apply(layouts(columns), lang);
        String text = r.asText();
        switch (type) {
            case "topup" -> {
                assertThat(text).contains("0042-000317", "+7 926 ***-**-67", "588", "600", "+7 800 555-35-35");
                assertThat(r.qrPayload()).isEqualTo("https://topup.example/t/0042-000317");
            }
            case "package" -> assertThat(text).contains("482915736104", "50");
            case "epin" -> assertThat(r.lines()).anySatisfy(l -> {
                assertThat(l.style()).isEqualTo(Receipt.Style.CENTER_LARGE);
                assertThat(l.text()).contains("8391");
            });
            case "esim" -> {
                assertThat(r.qrPayload()).isEqualTo(LPA);
                assertThat(text).contains("smdp.example.ru", "K2-1ABC2-3DEF4-5GH67");
            }
            case "credit" -> {
                assertThat(r.qrPayload()).isEqualTo("123456789012");
                assertThat(r.barcode()).isEqualTo("123456789012");
            }
            case "encashment" -> assertThat(text).contains("16" + (lang == Lang.RU ? " " : ",") + "200");
            case "shift_z" -> assertThat(text).contains(MESSAGES.get(lang, "receipt.shift.z_note").substring(0, 5));
            default -> assertThat(text).isNotBlank();
        }
    }
}
