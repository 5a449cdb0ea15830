package org.topupkiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.HistoryEntry;
import org.topupkiosk.journal.StoredReceipt;

/** What a reprint prints for each receipt kind: a copy never carries a second bearer instrument. */
class ReceiptCopiesTest {

    static final Instant AT = Instant.parse("2026-11-21T10:15:30Z");
    static final ReceiptLayouts LAYOUTS = new ReceiptLayouts(new Messages(), new ReceiptFacts.Kiosk("0042", "Moscow",
            "+7 800 000-00-00", "https://topup.example/t/"), 42, ZoneId.of("Europe/Moscow"));

    /** Stored receipts as the journal would hold them, by id. */
    private static ReceiptCopies copies(Map<String, Receipt> stored) {
        return new ReceiptCopies(id -> Optional.ofNullable(stored.get(id)).map(r ->
                new StoredReceipt(r.id(), "T", "x", r.toStored(), true, AT, AT)),
                s -> Receipt.fromStored(s.receiptId(), s.body(), 42), new AccountReceipts(LAYOUTS));
    }

    private static HistoryEntry entry(String kind, List<HistoryEntry.ReceiptRef> receipts, HistoryEntry.Credit credit) {
        return new HistoryEntry("0042-000001", kind, AT, credit == null ? HistoryEntry.State.CONFIRMED
                : HistoryEntry.State.REFUSED, Money.rub(500), null, "mts", null, receipts, credit);
    }

    private static List<Receipt> print(ReceiptCopies c, HistoryEntry e) {
        return c.copies(e, Lang.EN, AT.plusSeconds(60), id -> "MTS");
    }

    @Test
    void aPaymentIsReprintedAsStoredMarkedCopy() {
        Receipt paid = LAYOUTS.topUp(new ReceiptFacts.Sale("0042-000001", AT, "MTS", "+7 916 ***-**-67",
                Money.rub(500), Money.ZERO_RUB, Money.rub(500), Money.ZERO_RUB, null, ReceiptFacts.Status.CREDITED),
                Lang.RU);
        List<Receipt> out = print(copies(Map.of(paid.id(), paid)), entry("topup",
                List.of(new HistoryEntry.ReceiptRef(paid.id(), "payment")), null));
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.lines()).containsSubsequence(paid.lines());
            assertThat(r.asText()).contains("COPY / КОПИЯ");
            assertThat(r.qrPayload()).isEqualTo(paid.qrPayload());
        });
    }

    @Test
    void aCreditVoucherIsNeverReprintedFromItsPaper() {
        Receipt voucher = LAYOUTS.creditVoucher(new ReceiptFacts.CreditVoucher("482915736104", Money.rub(500),
                "0042-000001", AT), Lang.EN);
        HistoryEntry e = entry("topup", List.of(new HistoryEntry.ReceiptRef(voucher.id(), "credit")),
                new HistoryEntry.Credit("482915736104", Money.rub(500), HistoryEntry.Credit.Status.OPEN));
        List<Receipt> out = print(copies(Map.of(voucher.id(), voucher)), e);
        assertThat(out).hasSize(2);
        for (Receipt r : out) {
            assertThat(r.barcode()).isNull();
            assertThat(r.qrPayload()).isNotEqualTo("482915736104");
            assertThat(r.asText().replaceAll("\\D", "")).doesNotContain("482915736104").doesNotContain("48291573");
        }
        assertThat(out.get(1).asText()).contains("6104").contains("CREDIT VOUCHER COPY");
    }

    @Test
    void kindsWhosePaperHoldsASecretAreDeniedByDefaultAndPrintTheSummary() {
        // An e-PIN's paper has the PIN in large type; an unknown kind is treated the same.
        Receipt epin = new Receipt("0042-000001-epin", 42, List.of(new Receipt.Line("PIN", Receipt.Style.CENTER),
                new Receipt.Line("8391 2277 5012 6643", Receipt.Style.CENTER_LARGE)), "LPA:1$smdp.example$K2");
        for (String kind : new String[] {"epin", "esim", "something-new"}) {
            List<Receipt> out = print(copies(Map.of(epin.id(), epin)), entry(kind,
                    List.of(new HistoryEntry.ReceiptRef(epin.id(), kind)), null));
            assertThat(out).as(kind).singleElement().satisfies(r -> {
                assertThat(r.asText()).doesNotContain("8391 2277 5012 6643").doesNotContain("LPA:")
                        .contains("0042-000001").contains("PAYMENT COPY");
                assertThat(r.qrPayload()).isEqualTo("https://topup.example/t/0042-000001");
                assertThat(r.lines()).noneMatch(l -> l.style().large());
            });
        }
        assertThat(ReceiptCopies.SAFE_KINDS).containsExactlyInAnyOrder("payment", "voucher", "autotopup");
    }

    @Test
    void anEntryWithoutAStoredReceiptGetsItsSummary() {
        List<Receipt> out = print(copies(Map.of()), entry(HistoryEntry.SCRATCH_CARD,
                List.of(new HistoryEntry.ReceiptRef("gone", "voucher")), null));
        assertThat(out).singleElement().satisfies(r -> assertThat(r.asText()).contains("Scratch card MTS"));
    }
}
