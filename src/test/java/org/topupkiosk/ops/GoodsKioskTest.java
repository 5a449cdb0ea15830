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
import org.topupkiosk.device.emulator.printer.PrintedReceipt;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.journal.Goods;
import org.topupkiosk.testing.Zbarimg;

/**
 * Simulation mode as {@code mvn -q compile javafx:run} builds it: the real {@link KioskCore} graph on the shipped
 * config, the CCNET driver against the acceptor emulator over its line, the ESC/POS driver against the printer
 * emulator rendering PNGs, the embedded carrier simulator over loopback. A customer buys an e-PIN, the next an eSIM.
 */
@Timeout(120)
class GoodsKioskTest {

    @TempDir
    Path dir;

    private static FlowSnapshot toCash(KioskCore core, ScriptedCustomer c, Service service, String operator,
                                       String product) throws Exception {
        c.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(10));
        core.flow().submit(new FlowCommand.Start());
        core.flow().submit(new FlowCommand.SetLanguage(Lang.EN));
        core.flow().submit(new FlowCommand.ChooseService(service));
        core.flow().submit(new FlowCommand.ChooseOperator(operator));
        c.await(s -> s.screen() == Screen.GOODS_LIST, Duration.ofSeconds(10));
        core.flow().submit(new FlowCommand.ChooseProduct(product));
        if (service == Service.ESIM) {
            c.await(s -> s.screen() == Screen.ESIM_DEVICE, Duration.ofSeconds(10));
            core.flow().submit(new FlowCommand.Next()); // skip the device id
        }
        c.await(s -> s.screen() == Screen.GOODS_DETAILS, Duration.ofSeconds(10));
        core.flow().submit(new FlowCommand.Next());
        return c.await(s -> s.screen() == Screen.CASH_INSERTION, Duration.ofSeconds(10));
    }

    private static PrintedReceipt printedWith(KioskCore core, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (PrintedReceipt r : core.printerEmulator().printed()) {
                if (r.text().contains(text) || r.qrPayloads().contains(text)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing printed with " + text);
    }

    @Test
    void anEPinAndAnESimAreSoldThroughTheWholeSimulatedKiosk() throws Exception {
        Path config = SelftestCommandTest.copyConfig(dir);
        try (KioskCore core = new KioskCore(ConfigLoader.load(config), config, KioskCore.Options.defaults())) {
            core.start();
            ScriptedCustomer c = new ScriptedCustomer(core.flow(), core.billEmulator());

            FlowSnapshot cash = toCash(core, c, Service.EPIN, "mts", "mts-epin-300");
            c.insertUntil(Money.rub(300), List.of(Money.rub(200), Money.rub(100)));
            core.flow().submit(new FlowCommand.Pay());
            c.await(s -> s.screen() == Screen.CONFIRM, Duration.ofSeconds(10));
            core.flow().submit(new FlowCommand.Confirm());
            FlowSnapshot done = c.await(s -> s.screen() == Screen.GOODS_DONE, Duration.ofSeconds(30));
            Goods pin = core.journal().goods(cash.txnId()).orElseThrow();
            assertThat(done.services().goods().pin().replace(" ", "")).isEqualTo(pin.secret());
            PrintedReceipt paper = printedWith(core, pin.serial());
            assertThat(paper.png()).as("the emulated printer renders a PNG").isNotNull().exists();
            core.flow().submit(new FlowCommand.Finish());

            FlowSnapshot esimCash = toCash(core, c, Service.ESIM, "beeline", "beeline-esim-tourist-7d");
            c.insertUntil(Money.rub(600), List.of(Money.rub(500), Money.rub(100)));
            core.flow().submit(new FlowCommand.Pay());
            c.await(s -> s.screen() == Screen.CONFIRM, Duration.ofSeconds(10));
            core.flow().submit(new FlowCommand.Confirm());
            FlowSnapshot esim = c.await(s -> s.screen() == Screen.GOODS_DONE, Duration.ofSeconds(30));
            String code = core.journal().goods(esimCash.txnId()).orElseThrow().secret();
            assertThat(esim.services().goods().activationCode()).isEqualTo(code)
                    .isEqualTo(core.simulator().ledger().get(esimCash.txnId()).goods().secret());
            PrintedReceipt receipt = printedWith(core, code);
            assertThat(receipt.qrPayloads()).containsExactly(code);
            Zbarimg.require();
            assertThat(Zbarimg.readQr(receipt.png())).isEqualTo(code);
            assertThat(core.journal().verify().violations()).isEmpty();
        }
    }
}
