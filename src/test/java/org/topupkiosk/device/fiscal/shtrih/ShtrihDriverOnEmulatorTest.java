package org.topupkiosk.device.fiscal.shtrih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.emulator.fiscal.EmulatedRegister;
import org.topupkiosk.device.emulator.fiscal.FiscalStorage;
import org.topupkiosk.device.emulator.fiscal.FnDocument;
import org.topupkiosk.device.emulator.fiscal.ReceiptPaper;
import org.topupkiosk.device.emulator.fiscal.ShtrihEmulator;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.FiscalStatus;

/**
 * The driver against the Shtrih-M emulator (FISCAL-EMU) on an in-memory line: a shift, a payment agent's receipt and a
 * refund whose documents the emulated storage archives with the same numbers and signs; the register's refusals
 * (paper out, a shift over 24 hours) as the driver's exception codes; a power cut at the close as TIMEOUT, after which
 * the last document tells whether the receipt was registered.
 */
class ShtrihDriverOnEmulatorTest {

    static final String FN = "9999078900077777";
    static final byte[] KEY = "driver-test-fn-key-0123456789abcd".getBytes(StandardCharsets.US_ASCII);

    private final FiscalStorage fn = FiscalStorage.inMemory(FN, LocalDate.now().plusDays(400), KEY, 1000);
    private final EmulatedRegister emulated = new EmulatedRegister(fn, Clock.systemDefaultZone(),
            new ReceiptPaper(null), 1, 30);
    private final ShtrihEmulator emulator = new ShtrihEmulator(emulated, 9);
    private final ShtrihFiscalRegister driver = new ShtrihFiscalRegister(emulator.serveInMemory(),
            new ShtrihLink.Settings(500, 200, 3, 3, 3), new ShtrihPasswords(1, 30));

    @AfterEach
    void close() {
        driver.close();
        emulator.close();
    }

    static FiscalReceipt receipt(FiscalReceipt.Sign sign, long sum) {
        return new FiscalReceipt(sign, FiscalReceipt.TaxSystem.OSN, List.of(
                new FiscalItem("Оплата услуг связи, +7 916 ***-**-67", sum, 1,
                        Optional.of(new FiscalItem.Agent("Приём платежа", List.of("+79160000001"),
                                List.of("+78005553535"))),
                        Optional.of(new FiscalItem.Supplier("ПАО «МТС»", "7740000076", List.of("+78002500890")))),
                new FiscalItem("Вознаграждение агента", 1_000, 1, Optional.empty(), Optional.empty())),
                sum + 1_000 + 500, Optional.of("customer@example.org"), "K-0042");
    }

    @Test
    void shiftReceiptRefundAndZAgreeWithTheStorage() throws Exception {
        driver.start();
        assertThat(driver.lastDocument()).isEmpty();
        FiscalDocument open = driver.openShift("K-0042");
        assertThat(open.kind()).isEqualTo(FiscalDocument.Kind.SHIFT_OPEN);
        FiscalDocument sale = driver.register(receipt(FiscalReceipt.Sign.INCOME, 50_000));
        FiscalDocument refund = driver.register(receipt(FiscalReceipt.Sign.INCOME_RETURN, 50_000));
        assertThat(refund.kind()).isEqualTo(FiscalDocument.Kind.RECEIPT_INCOME_RETURN);
        assertThat(refund.qrText()).endsWith("&n=2");
        FiscalStatus s = driver.status();
        assertThat(s.shiftOpen()).isTrue();
        assertThat(s.shiftOpenedAt()).contains(open.dateTime());
        assertThat(s.fnSerial()).isEqualTo(FN);
        assertThat(s.lastDocumentNumber()).isEqualTo(refund.number());
        assertThat(driver.lastDocument()).contains(refund);
        FiscalDocument z = driver.closeShift("K-0042");
        assertThat(z.kind()).isEqualTo(FiscalDocument.Kind.SHIFT_CLOSE);
        List<FnDocument> archive = fn.archive();
        assertThat(archive).extracting(FnDocument::number).containsExactly(open.number(), sale.number(),
                refund.number(), z.number());
        FnDocument stored = archive.get(1);
        assertThat(stored.fiscalSign()).isEqualTo(sale.fiscalSign());
        assertThat(stored.sumMinor()).isEqualTo(sale.sumMinor()).isEqualTo(51_000);
        // The wire carries the date to the minute; the emulator's archive keeps the seconds.
        assertThat(stored.toFiscalDocument(FN).dateTime().truncatedTo(ChronoUnit.MINUTES)).isEqualTo(sale.dateTime());
    }

    @Test
    void refusalsBecomeTheirCodes() throws Exception {
        driver.start();
        driver.openShift("K-0042");
        emulated.setPaper(EmulatedRegister.Paper.OUT);
        assertThatThrownBy(() -> driver.register(receipt(FiscalReceipt.Sign.INCOME, 10_000)))
                .isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.code()).isEqualTo(DeviceException.Code.PAPER_OUT));
        assertThat(driver.status().paper()).isEqualTo(FiscalStatus.Paper.OUT);
        assertThat(driver.status().receiptOpen()).isFalse();
        emulated.setPaper(EmulatedRegister.Paper.OK);
        emulated.forceShiftOver24h(true);
        assertThatThrownBy(() -> driver.register(receipt(FiscalReceipt.Sign.INCOME, 10_000)))
                .isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.code()).isEqualTo(DeviceException.Code.FAILURE))
                .hasMessageContaining("24 hours");
        driver.closeShift("K-0042");
        emulated.forceShiftOver24h(false);
        driver.openShift("K-0042");
        assertThat(driver.register(receipt(FiscalReceipt.Sign.INCOME, 10_000)).sumMinor()).isEqualTo(11_000);
    }

    @Test
    void powerCutAtTheCloseIsTimeoutAndTheLastDocumentTells() throws Exception {
        driver.start();
        driver.openShift("K-0042");
        long before = driver.status().lastDocumentNumber();
        emulated.armPowerCut(EmulatedRegister.CutPoint.BEFORE_CLOSE);
        Thread restorer = new Thread(() -> {
            try {
                Thread.sleep(ShtrihCommand.FN_CLOSE_RECEIPT_V2.timeoutMs + 2_000L);
            } catch (InterruptedException e) {
                return;
            }
            emulated.powerOn();
        });
        restorer.start();
        assertThatThrownBy(() -> driver.register(receipt(FiscalReceipt.Sign.INCOME, 10_000)))
                .isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.code()).isEqualTo(DeviceException.Code.TIMEOUT))
                .hasMessageContaining("read the last document");
        restorer.join();
        assertThat(driver.lastDocument().orElseThrow().number()).isEqualTo(before); // not registered
        driver.cancelOpenReceipt();
        FiscalDocument again = driver.register(receipt(FiscalReceipt.Sign.INCOME, 10_000));
        assertThat(again.number()).isEqualTo(before + 1);
    }

    @Test
    void paperNearEndIsReportedAndTheRegisterPrintsOnUntilItIsOut() throws Exception {
        driver.start();
        driver.openShift("K-0042");
        assertThat(driver.status().paper()).isEqualTo(FiscalStatus.Paper.OK);
        emulated.setPaper(EmulatedRegister.Paper.NEAR_END);
        assertThat(driver.status().paper()).isEqualTo(FiscalStatus.Paper.NEAR_END);
        assertThat(driver.checkHealth().state()).isEqualTo(DeviceHealth.State.DEGRADED);
        assertThat(driver.checkHealth().detail()).contains("paper near end");
        assertThat(driver.register(receipt(FiscalReceipt.Sign.INCOME, 10_000)).sumMinor()).isEqualTo(11_000);
        emulated.setPaper(EmulatedRegister.Paper.OUT);
        assertThat(driver.status().paper()).isEqualTo(FiscalStatus.Paper.OUT);
        emulated.setPaper(EmulatedRegister.Paper.OK);
        assertThat(driver.status().paper()).isEqualTo(FiscalStatus.Paper.OK);
        assertThat(driver.checkHealth().state()).isEqualTo(DeviceHealth.State.OK);
    }
}
