package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.device.scanner.CodeScanner;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Symbology;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.Order;

/**
 * The whole kiosk in simulation mode: the emulated bill acceptor over its line, the serial scanner driver reading the
 * scanner emulator, the carrier simulator over loopback. A customer cancels and takes a credit voucher; the next
 * customer scans that voucher (through the emulator, as the device panel does) and spends it with cash.
 */
@Timeout(120)
class ScanCreditVoucherKioskTest {

    @TempDir
    Path dir;

    @Test
    void aPrintedCreditVoucherIsScannedAndSpentByTheNextCustomer() throws Exception {
        Path config = SelftestCommandTest.copyConfig(dir);
        try (KioskCore core = new KioskCore(ConfigLoader.load(config), config, KioskCore.Options.defaults())) {
            core.start();
            CodeScanner scanner = core.scanner().orElseThrow();
            ScriptedCustomer customer = new ScriptedCustomer(core.flow(), core.billEmulator());
            customer.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(10));
            // The first IDLE snapshot is the one built before start(); the flow arms the scanner when it publishes
            // after recovery, on its own thread, so give it that moment on a loaded machine.
            for (long end = System.nanoTime() + 10_000_000_000L; !scanner.isArmed() && System.nanoTime() < end; ) {
                Thread.sleep(20);
            }
            assertThat(scanner.isArmed()).as("the idle screen takes codes").isTrue();

            customer.startTopUp("9161234567", 500);
            customer.insertUntil(Money.rub(100), List.of(Money.rub(100)));
            core.flow().submit(new FlowCommand.Cancel());
            FlowSnapshot voucher = customer.await(s -> s.screen() == Screen.CREDIT_VOUCHER, Duration.ofSeconds(20));
            String code = voucher.creditCode();
            assertThat(voucher.creditAmount()).isEqualTo(Money.rub(100));
            assertThat(scanner.isArmed()).as("no codes while the voucher prints").isFalse();
            core.flow().submit(new FlowCommand.Finish());
            customer.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(10));

            customer.startTopUp("9161234567", 300);
            customer.insertUntil(Money.rub(200), List.of(Money.rub(200)));
            assertThat(scanner.isArmed()).isTrue();
            core.scanFeeder().orElseThrow().scan(code, Symbology.CODE_128);
            FlowSnapshot applied = customer.await(s -> s.creditApplied().isPositive(), Duration.ofSeconds(10));
            assertThat(applied.creditApplied()).isEqualTo(Money.rub(100));
            assertThat(applied.cashInserted()).isEqualTo(Money.rub(300));
            assertThat(applied.message().key()).isEqualTo("scan.credit.applied");

            FlowSnapshot done = customer.payAndConfirm();
            assertThat(done.screen()).isEqualTo(Screen.DONE);
            Order order = core.journal().order(done.txnId()).orElseThrow();
            assertThat(order.cash()).isEqualTo(Money.rub(200));
            assertThat(order.creditApplied()).isEqualTo(Money.rub(100));
            assertThat(order.amount().plus(order.fee())).isEqualTo(Money.rub(300));
            assertThat(core.journal().verify().violations()).isEmpty();
        }
    }
}
