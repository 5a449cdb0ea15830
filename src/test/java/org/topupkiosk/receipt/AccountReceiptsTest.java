package org.topupkiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;

/** The auto top-up receipt and the receipt copies, at 32 and 42 columns, in each customer language. */
class AccountReceiptsTest {

    static final Instant AT = Instant.parse("2026-11-21T10:15:30Z");
    static final String CODE = "482915736104";

    private static AccountReceipts receipts(int columns) {
        return new AccountReceipts(new ReceiptLayouts(ReceiptLayoutsTest.MESSAGES, ReceiptLayoutsTest.KIOSK, columns,
                java.time.ZoneId.of("Europe/Moscow")));
    }

    private static void fits(Receipt r, String what) {
        for (Receipt.Line l : r.lines()) {
            assertThat(l.columns()).as("%s: '%s'", what, l.text()).isLessThanOrEqualTo(r.columns());
            assertThat(l.text()).as(what).doesNotContainPattern("\\{\\d\\}").doesNotContain("receipt.");
        }
    }

    @Test
    void theAutoTopUpReceiptStatesTheRuleItsSourceAndItsStatusInEveryLanguage() {
        for (int columns : new int[] {32, 42}) {
            for (Lang lang : Lang.values()) {
                AccountReceipts r = receipts(columns);
                Receipt active = r.autoTopUp(new AccountReceipts.AutoTopUp("0042-Amhx2k1q-1", AT, "+7 916 ***-**-67",
                        Money.rub(50), Money.rub(300), "AT00000002", Money.rub(100), Money.rub(500), true), lang);
                Receipt pending = r.autoTopUp(new AccountReceipts.AutoTopUp("0042-Amhx2k1q-2", AT, "+7 916 ***-**-67",
                        Money.rub(50), Money.rub(300), null, null, null, false), lang);
                fits(active, lang + "/" + columns + " active");
                fits(pending, lang + "/" + columns + " pending");
                assertThat(active.id()).isEqualTo("0042-Amhx2k1q-1-autotopup");
                assertThat(active.qrPayload()).isEqualTo("https://topup.example/t/0042-Amhx2k1q-1");
                assertThat(active.barcode()).isNull();
                assertThat(active.asText()).contains("AT00000002").contains("+7 916 ***-**-67");
                assertThat(pending.asText()).doesNotContain("AT0000").contains("0042-Amhx2k1q-2");
            }
        }
        String ru = receipts(42).autoTopUp(new AccountReceipts.AutoTopUp("E1", AT, "+7 916 ***-**-67", Money.rub(50),
                Money.rub(300), "AT1", Money.rub(100), Money.rub(500), true), Lang.RU).asText().replaceAll("\\s+", " ");
        assertThat(ru).contains("АВТОПЛАТЁЖ").contains("50 руб.").contains("300 руб.").contains("подключён")
                .contains("Заменяет прежнее правило: при балансе меньше 100 руб. пополнять на 500 руб. ")
                .doesNotContain("руб..")
                .contains("Наличные не принимались");
    }

    @Test
    void aCopyIsTheOriginalFramedAsACopyWithItsLookupLinkButNoBarcode() {
        Receipt original = new Receipt("0042-000317-payment", 42, List.of(new Receipt.Line("MOBILE TOP-UP",
                Receipt.Style.CENTER_BOLD), new Receipt.Line("Total: 600 RUB", Receipt.Style.BOLD)),
                "https://topup.example/t/0042-000317", "SHOULD-NOT-PRINT");
        for (Lang lang : Lang.values()) {
            Receipt copy = receipts(42).copy(original, AT, lang);
            fits(copy, lang + " copy");
            assertThat(copy.lines()).containsSubsequence(original.lines());
            assertThat(copy.lines().get(0).text()).contains("***").contains("КОПИЯ");
            assertThat(copy.lines().get(copy.lines().size() - 1).text()).contains("КОПИЯ");
            assertThat(copy.qrPayload()).isEqualTo(original.qrPayload());
            assertThat(copy.barcode()).isNull();
            assertThat(copy.id()).isNotEqualTo(original.id()).startsWith(original.id() + "-copy-");
        }
    }

    @Test
    void aCreditVoucherCopyCarriesNoCodeNoQrAndNoBarcode() {
        for (int columns : new int[] {32, 42}) {
            for (Lang lang : Lang.values()) {
                for (AccountReceipts.CreditState state : AccountReceipts.CreditState.values()) {
                    Receipt c = receipts(columns).creditCopy("0042-000320", Money.rub(150), "6104", state, AT, lang);
                    fits(c, lang + "/" + columns + " credit copy " + state);
                    assertThat(c.qrPayload()).isNull();
                    assertThat(c.barcode()).isNull();
                    assertThat(c.asText().replaceAll("\\D", "")).doesNotContain(CODE).doesNotContain(CODE.substring(0, 8));
                    assertThat(c.asText()).contains("6104").contains("150");
                    assertThat(c.lines()).noneMatch(l -> l.style().large());
                }
            }
        }
        assertThat(receipts(42).creditCopy("T", Money.rub(150), "6104", AccountReceipts.CreditState.OPEN, AT, Lang.EN)
                .asText().replaceAll("\\s+", " ")).contains("cannot be used to pay").contains("still open");
    }

    @Test
    void aSummaryCopyStatesThePaymentAlone() {
        for (Lang lang : Lang.values()) {
            Receipt s = receipts(32).summaryCopy("0042-000321", AT.minusSeconds(3600), "receipt.copy.kind.other", "",
                    Money.rub(500), "receipt.status.credited", AT, lang);
            fits(s, lang + " summary");
            assertThat(s.asText()).contains("0042-000321").contains("500");
            assertThat(s.barcode()).isNull();
            assertThat(s.lines()).noneMatch(l -> l.style().large());
        }
    }
}
