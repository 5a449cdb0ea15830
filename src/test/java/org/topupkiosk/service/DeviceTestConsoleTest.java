package org.topupkiosk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.ops.SimulatedKiosk;

/** The service menu's device tests on the real simulated kiosk: the acceptor test takes no money. */
class DeviceTestConsoleTest {

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

    @Test
    void theMenuListsATestPerDevice() {
        assertThat(k.console.deviceTests()).containsExactly("bill-acceptor", "printer");
    }

    @Test
    void billAcceptorTestShowsIdentityTableAndEachNoteWhichTheLockedKioskReturns() throws Exception {
        k.console.lockCustomers();
        k.customer().await(s -> s.screen() == Screen.SERVICE_LOCK, Duration.ofSeconds(10));
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> run = k.console.runDeviceTest("bill-acceptor", Lang.EN, lines::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lines.stream().noneMatch(l -> l.startsWith("accepting")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        k.core.billEmulator().insert(Money.rub(500));
        assertThat(run.get(20, TimeUnit.SECONDS)).as("test lines %s", lines).isTrue();
        assertThat(lines).anyMatch(l -> l.startsWith("status ok"));
        assertThat(lines).anyMatch(l -> l.startsWith("unit part="));
        assertThat(lines).contains("bill-table note=500 RUB", "escrow 500.00 RUB", "returned 500.00 RUB");
        assertThat(k.core.journal().stackedTotal()).isEqualTo(Money.ZERO_RUB);
        assertThat(k.auditRows("service_device_test")).isEqualTo(1);
    }

    @Test
    void printerTestPrintsTheTestPageAndFailsWithoutPaper() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        assertThat(k.console.runDeviceTest("printer", Lang.RU, lines::add).get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).contains("test page printed");
        k.core.printerEmulator().setPaperOut(true);
        assertThat(k.console.runDeviceTest("printer", Lang.RU, lines::add).get(20, TimeUnit.SECONDS)).isFalse();
        assertThat(lines).contains("test page did not print");
    }
}
