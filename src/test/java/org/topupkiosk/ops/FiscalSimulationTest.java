package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.emulator.fiscal.FnDocument;
import org.topupkiosk.device.emulator.fiscal.ShtrihEmulator;
import org.topupkiosk.device.emulator.printer.PrintedReceipt;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.FiscalIntent;
import org.topupkiosk.journal.FiscalRecord;
import org.topupkiosk.journal.VerifyReport;
import org.topupkiosk.testing.Zbarimg;

/**
 * Issue 13's end-to-end acceptance in simulation mode: the shipped simulation config turns the emulated Shtrih-M
 * register on, the real driver talks to it, a scripted customer pays a cash top-up, and the customer's receipt PNG
 * carries a fiscal QR code that zbarimg reads, whose fields match the journal's fiscal document and the emulated
 * fiscal storage's archive.
 */
class FiscalSimulationTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aCashTopUpsReceiptCarriesTheFiscalQrOfTheDocumentInJournalAndStorage() throws Exception {
        Zbarimg.require();
        try (SimulatedKiosk kiosk = new SimulatedKiosk(dir, "246810", Clock.systemUTC())) {
            ShtrihEmulator emulator = kiosk.core.fiscalEmulator().orElseThrow(
                    () -> new AssertionError("the simulation config turns the emulated register on"));
            ScriptedCustomer customer = kiosk.customer();
            customer.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(30));
            FlowSnapshot cash = customer.startTopUp("9161234567", 300);
            customer.insertUntil(cash.cashNeeded(), List.of(Money.rub(100), Money.rub(100), Money.rub(100)));
            FlowSnapshot done = customer.payAndConfirm();
            assertThat(done.receipt()).isEqualTo(FlowSnapshot.ReceiptState.PRINTED);

            FiscalRecord journaled = kiosk.core.journal().fiscal().document(done.txnId(), FiscalIntent.INCOME)
                    .orElseThrow(() -> new AssertionError("no fiscal document journaled for " + done.txnId()));
            PrintedReceipt paper = kiosk.core.printerEmulator().printed().get(
                    kiosk.core.printerEmulator().printed().size() - 1);
            Map<String, String> qr = fields(Zbarimg.readQr(paper.png()));

            assertThat(qr.get("fn")).isEqualTo(journaled.fnSerial()).isEqualTo(emulator.register().storage().serial());
            assertThat(Long.parseLong(qr.get("i"))).isEqualTo(journaled.docNumber());
            assertThat(Long.parseLong(qr.get("fp"))).isEqualTo(journaled.fiscalSign());
            assertThat(qr.get("s")).isEqualTo("300.00");
            assertThat(qr.get("n")).isEqualTo("1");
            assertThat(qr.get("t")).matches("\\d{8}T\\d{4}");

            FnDocument archived = emulator.register().storage().find(journaled.docNumber()).orElseThrow();
            assertThat(archived.kind()).isEqualTo(FiscalDocument.Kind.RECEIPT_INCOME);
            assertThat(archived.fiscalSign()).isEqualTo(journaled.fiscalSign());
            assertThat(archived.sumMinor()).isEqualTo(30_000L);
            assertThat(qr.get("t")).isEqualTo(archived.dateTime().format(
                    DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm")));
            assertThat(emulator.register().storage().fiscalSignOf(archived)).as("the storage's own HMAC")
                    .isEqualTo(archived.fiscalSign());

            VerifyReport report = kiosk.core.journal().verify();
            assertThat(report.ok()).as(report.summary()).isTrue();
            assertThat(report.summary()).contains("fiscal_documents=1", "fiscal_open_intents=0");
        }
    }

    private static Map<String, String> fields(String qr) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : qr.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        assertThat(out.keySet()).as(qr).containsExactly("t", "s", "fn", "i", "fp", "n");
        return out;
    }
}
