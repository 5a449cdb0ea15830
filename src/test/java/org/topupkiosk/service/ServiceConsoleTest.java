package org.topupkiosk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.OutboxStatus;
import org.topupkiosk.journal.VerifyReport;
import org.topupkiosk.ops.ScriptedCustomer;
import org.topupkiosk.ops.SimulatedKiosk;

/** The service console over the real simulated kiosk: what the menu's buttons do, without a screen. */
class ServiceConsoleTest {

    @TempDir
    Path dir;
    SimulatedKiosk k;

    @BeforeEach
    void setUp() throws Exception {
        k = new SimulatedKiosk(dir, "258046", Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        k.close();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void devicesOutboxAndVerifyReport() throws Exception {
        List<DeviceHealth> devices = get(k.console.devices());
        assertThat(devices).extracting(DeviceHealth::device).contains("printer").hasSize(2);
        assertThat(devices).allMatch(DeviceHealth::usable);
        OutboxStatus outbox = get(k.console.outbox());
        assertThat(outbox.pendingCount()).isZero();
        VerifyReport report = get(k.console.verify());
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(k.auditRows("service_journal_verify")).isEqualTo(1);
    }

    @Test
    void deviceEventsShowWhatTheAcceptorReportedNewestFirst() throws Exception {
        assertThat(get(k.console.deviceEvents())).isEmpty();
        k.core.journal().audit("acceptor_powerup_with_bill", null, "{\"where\":\"STACKER\",\"amount\":50000}");
        k.core.journal().audit("service_login", null, null);
        k.core.journal().audit("acceptor_fault", null, "{\"code\":\"jam\"}");
        List<AuditEntry> events = get(k.console.deviceEvents());
        assertThat(events).extracting(AuditEntry::kind)
                .containsExactly("acceptor_fault", "acceptor_powerup_with_bill");
        assertThat(events.get(1).dataJson()).contains("STACKER").contains("50000");
    }

    @Test
    void syncNowKicksTheDispatcher() throws Exception {
        assertThat(get(k.console.syncNow()).pendingCount()).isZero();
        assertThat(k.kicks.get()).isEqualTo(1);
    }

    @Test
    void loginIsAuditedAndAWrongPinIsNot() throws Exception {
        assertThat(get(k.console.login("0000".toCharArray())).result()).isEqualTo(ServicePin.Result.WRONG);
        assertThat(get(k.console.login("258046".toCharArray())).result()).isEqualTo(ServicePin.Result.OK);
        assertThat(k.auditRows("service_pin_failed")).isEqualTo(1);
        assertThat(k.auditRows("service_login")).isEqualTo(1);
    }

    @Test
    void printerTestPrintsAPageThatIsNotAReceipt() throws Exception {
        assertThat(get(k.console.printTest(Lang.ZH))).isTrue();
        assertThat(k.core.printerEmulator().printed()).hasSize(1);
        assertThat(k.core.printerEmulator().printed().get(0).qrPayloads()).isNotEmpty();
        assertThat(k.core.journal().recentReceipts(5)).isEmpty();
        k.core.printerEmulator().setPaperOut(true);
        assertThat(get(k.console.printTest(Lang.EN))).isFalse();
    }

    @Test
    void lockAndUnlockTheCustomerFlowAndExit() throws Exception {
        ScriptedCustomer c = k.customer();
        c.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(10));
        k.console.lockCustomers();
        c.await(s -> s.screen() == Screen.SERVICE_LOCK, Duration.ofSeconds(10));
        k.console.unlockCustomers();
        c.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(10));
        k.console.exitApplication();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (k.exits.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(k.exits.get()).isEqualTo(1);
        assertThat(k.auditRows("service_exit")).isEqualTo(1);
    }

    @Test
    void aReceiptLeftUnprintedByPaperOutReprintsOncePaperIsBack() throws Exception {
        ScriptedCustomer c = k.customer();
        c.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(10));
        k.core.printerEmulator().setPaperOut(true);
        c.startTopUp("9161234567", 100);
        c.insertUntil(Money.rub(100), List.of(Money.rub(100)));
        FlowSnapshot done = c.payAndConfirm();
        c.await(s -> s.receipt() == FlowSnapshot.ReceiptState.FAILED, Duration.ofSeconds(20));

        ServiceConsole.Receipts receipts = get(k.console.receipts());
        assertThat(receipts.unprinted()).hasSize(1);
        ServiceConsole.ReceiptRow row = receipts.unprinted().get(0);
        assertThat(row.txnId()).isEqualTo(done.txnId());
        assertThat(get(k.console.reprint(row.receiptId()))).as("still no paper").isFalse();

        k.core.printerEmulator().setPaperOut(false);
        assertThat(get(k.console.reprint(row.receiptId()))).isTrue();
        ServiceConsole.Receipts after = get(k.console.receipts());
        assertThat(after.unprinted()).isEmpty();
        assertThat(after.recent()).extracting(ServiceConsole.ReceiptRow::receiptId).contains(row.receiptId());
        assertThat(k.core.printerEmulator().printed()).hasSize(1);
        assertThat(k.core.printerEmulator().printed().get(0).text()).contains(done.txnId());
    }
}
