package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.device.emulator.printer.PrinterEmulatorServer;
import org.topupkiosk.device.printer.escpos.EscPosPrinter;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.testing.ShippedConfig;

/** The composition root builds the real ESC/POS driver: to the emulator in simulation, to the transport otherwise. */
class KioskCorePrinterTest {

    @TempDir
    Path dir;

    private Path configWith(String printerSection) throws IOException {
        // its journal, ../var, lands in the temp dir
        return ShippedConfig.withSection(dir, "  printer:\n", "\n\n", printerSection);
    }

    private static final Receipt RECEIPT = new Receipt("r1", 42, List.of(
            new Receipt.Line("ЧЕК 收据", Receipt.Style.CENTER_BOLD)), "https://topup.example/t/1");

    @Test
    void simulationPrintsThroughTheDriverToTheEmulator() throws Exception {
        Path cfg = configWith("  printer:\n    type: emulator\n    columns: 32\n");
        try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
            assertThat(core.printer()).isInstanceOf(EscPosPrinter.class);
            EscPosPrinterEmulator emu = core.printerEmulator();
            assertThat(core.printer().checkHealth().state()).isEqualTo(DeviceHealth.State.OK);
            core.printer().print(RECEIPT);
            assertThat(emu.printed().get(0).png()).startsWith(core.varDir().resolve("receipts"));
            emu.setPaperOut(true);
            assertThat(core.printer().checkHealth().state()).isEqualTo(DeviceHealth.State.FAILED);
        }
    }

    @Test
    void escposOverTcpWithGb18030() throws Exception {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        try (PrinterEmulatorServer server = new PrinterEmulatorServer(emu, 0)) {
            Path cfg = configWith("  printer:\n    type: escpos\n    transport: tcp://127.0.0.1:" + server.port()
                    + "\n    columns: 42\n    gb18030: true\n");
            try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
                assertThat(core.printerEmulator()).isNull();
                core.printer().print(RECEIPT);
                assertThat(emu.printed().get(0).lines()).startsWith("ЧЕК 收据");
                assertThat(emu.printed().get(0).qrPayloads()).containsExactly("https://topup.example/t/1");
            }
        }
    }
}
