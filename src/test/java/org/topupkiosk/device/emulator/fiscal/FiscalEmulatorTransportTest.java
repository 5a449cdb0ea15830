package org.topupkiosk.device.emulator.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.shtrih.ShtrihCommand;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFiscalRegister;
import org.topupkiosk.device.fiscal.shtrih.ShtrihLink;
import org.topupkiosk.device.fiscal.shtrih.ShtrihPasswords;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFnMessages;
import org.topupkiosk.device.fiscal.shtrih.ShtrihReceiptMessages;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.testing.SocatPair;

/** The emulator over the real OS links: a socat pty pair and a loopback TCP port; and its fault console. */
class FiscalEmulatorTransportTest {

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2026-12-07T09:00:00Z"));
    ShtrihEmulator emulator;

    ShtrihEmulator emulator() {
        FiscalStorage fn = FiscalStorage.inMemory(FiscalStorageTest.SERIAL, LocalDate.of(2027, 12, 31),
                FiscalStorageTest.KEY, 1000);
        emulator = new ShtrihEmulator(new EmulatedRegister(fn, clock, new ReceiptPaper(dir.resolve("png")), 1, 30),
                3);
        return emulator;
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    static void sellOne(RawHost host) throws Exception {
        assertThat(host.call(ShtrihCommand.OPEN_SHIFT, 1, new byte[0]).ok()).isTrue();
        assertThat(host.call(ShtrihCommand.FN_OPERATION_V2, 1, new ShtrihReceiptMessages.OperationV2(1, 1_000_000,
                25000, 25000, ShtrihReceiptMessages.NOT_GIVEN, ShtrihReceiptMessages.TAX_NO_VAT, 1, 4, 10,
                "Оплата услуг связи").encode()).ok()).isTrue();
        ShtrihFnMessages.CloseResult r = ShtrihFnMessages.CloseResult.decode(host.call(
                ShtrihCommand.FN_CLOSE_RECEIPT_V2, 30, ShtrihReceiptMessages.CloseReceiptV2.cash(25000, 2, "")
                        .encode()).data());
        assertThat(r.documentNumber()).isEqualTo(2);
    }

    @Test
    void overAPtyPair() throws Exception {
        Assumptions.assumeTrue(SocatPair.available(), "SKIPPED LOUDLY: /usr/bin/socat is missing");
        try (SocatPair line = SocatPair.start()) {
            emulator().serve(new JSerialCommLink(line.deviceEnd(), FiscalPtyScenario.LINE));
            JSerialCommLink host = new JSerialCommLink(line.hostEnd(), FiscalPtyScenario.LINE);
            try {
                sellOne(new RawHost(host));
            } finally {
                host.close();
            }
        }
        emulator.close();
        assertThat(Files.size(dir.resolve("png/receipt-2.png"))).isGreaterThan(1000);
    }

    @Test
    void overTcpWithANewConnectionTakingTheLineOver() throws Exception {
        try (FiscalEmulatorServer server = new FiscalEmulatorServer(emulator(), 0)) {
            try (Socket first = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                RawHost host = new RawHost(new SocketLink(first));
                assertThat(host.call(ShtrihCommand.SHORT_STATUS, 1, new byte[0]).ok()).isTrue();
            }
            try (Socket second = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                Thread.sleep(100);
                sellOne(new RawHost(new SocketLink(second)));
            }
        }
    }

    @Test
    void simulationModeRunsTheRealDriverInMemoryAndKeepsNumberingAcrossARestart() throws Exception {
        Path state = dir.resolve("sim/fn.jsonl");
        long first;
        try (ShtrihEmulator sim = ShtrihEmulator.forSimulation(state, dir.resolve("sim/png"));
             ShtrihFiscalRegister driver = new ShtrihFiscalRegister(sim.serveInMemory(), ShtrihLink.Settings.DEFAULT,
                     ShtrihPasswords.FACTORY)) {
            driver.start();
            driver.openShift("Киоск 7");
            first = driver.register(FiscalPtyScenario.payment(1, 15000, true)).number();
            assertThat(first).isEqualTo(2);
        }
        try (ShtrihEmulator sim = ShtrihEmulator.forSimulation(state, dir.resolve("sim/png"));
             ShtrihFiscalRegister driver = new ShtrihFiscalRegister(sim.serveInMemory(), ShtrihLink.Settings.DEFAULT,
                     ShtrihPasswords.FACTORY)) {
            driver.start();
            assertThat(driver.status().shiftOpen()).isTrue();
            FiscalDocument next = driver.register(FiscalPtyScenario.payment(2, 20000, false));
            assertThat(next.number()).isEqualTo(first + 1);
            assertThat(next.qrText()).contains("&s=200.00&fn=9999078900012345&i=3&");
        }
        assertThat(dir.resolve("sim/png/receipt-3.png")).exists();
    }

    @Test
    void theDriverSeesAShiftOver24HoursRefusedThenClosesItWithZ() throws Exception {
        try (ShtrihFiscalRegister driver = new ShtrihFiscalRegister(emulator().serveInMemory(),
                ShtrihLink.Settings.DEFAULT, new ShtrihPasswords(1, 30))) {
            driver.start();
            driver.openShift("Киоск 7");
            clock.advance(Duration.ofHours(25));
            assertThatThrownBy(() -> driver.register(FiscalPtyScenario.payment(1, 15000, false)))
                    .isInstanceOf(DeviceException.class).hasMessageContaining("4E");
            assertThat(driver.status().receiptOpen()).as("the refused receipt was cancelled").isFalse();
            FiscalDocument z = driver.closeShift("Киоск 7");
            assertThat(z.kind()).isEqualTo(FiscalDocument.Kind.SHIFT_CLOSE);
            assertThat(driver.status().shiftOpen()).isFalse();
            driver.openShift("Киоск 7");
            assertThat(driver.register(FiscalPtyScenario.payment(2, 15000, false)).shiftNumber()).isEqualTo(2);
            emulator.register().setPaper(EmulatedRegister.Paper.OUT);
            assertThatThrownBy(() -> driver.register(FiscalPtyScenario.payment(3, 15000, false)))
                    .isInstanceOfSatisfying(DeviceException.class,
                            e -> assertThat(e.code()).isEqualTo(DeviceException.Code.PAPER_OUT));
        }
    }

    @Test
    void theFaultConsoleSwitchesFaultsAndExportsTheArchive() throws Exception {
        FaultConsole console = new FaultConsole(emulator());
        EmulatedRegister r = emulator.register();
        assertThat(console.apply("paper out")).startsWith("ok");
        assertThat(r.status().paper()).isEqualTo(EmulatedRegister.Paper.OUT);
        console.apply("paper ok");
        console.apply("fn-full on");
        assertThat(r.status().fnFull()).isTrue();
        console.apply("fn-full off");
        console.apply("fn-expired on");
        assertThat(r.status().fnExpired()).isTrue();
        console.apply("fn-expired off");
        r.openShift();
        console.apply("shift24 on");
        assertThat(r.status().mode()).isEqualTo(RegisterStatus.MODE_SHIFT_OVER_24H);
        console.apply("shift24 off");
        console.apply("ofd offline");
        assertThat(r.storage().ofdOnline()).isFalse();
        console.apply("power-cut");
        assertThat(r.powered()).isFalse();
        assertThat(console.apply("status")).contains("off");
        console.apply("power-on");
        assertThat(console.apply("noise 0.2")).startsWith("ok");
        assertThat(console.apply("paper sideways")).startsWith("error: paper");
        assertThat(console.apply("fly")).startsWith("error: unknown command 'fly'");
        Path out = dir.resolve("a.jsonl");
        assertThat(console.apply("export " + out)).isEqualTo("exported 1 documents to " + out);
        assertThat(FiscalStorage.readJsonLines(out)).hasSize(1);
        assertThat(List.of(console.apply("power-cut after-close"))).allMatch(s -> s.startsWith("ok"));
    }
}
