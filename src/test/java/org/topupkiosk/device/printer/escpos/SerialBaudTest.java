package org.topupkiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;
import org.topupkiosk.testing.SocatPair;

/**
 * devices.printer.baud from the config file to the serial port: the kiosk's wiring (config, then
 * {@link PrinterLinks#open(org.topupkiosk.device.printer.PrinterTransport, int)}) opens a pty at the configured speed,
 * as the kernel reports it (stty), and the emulated printer answers through it.
 */
class SerialBaudTest {

    @TempDir
    Path dir;

    @Test
    void theConfiguredSpeedReachesTheSerialPort() throws Exception {
        Assumptions.assumeTrue(SocatPair.available(), "socat is not installed; .ci/run installs it");
        for (int baud : new int[] {19200, 57600}) {
            try (SocatPair pty = SocatPair.start()) {
                Path yaml = dir.resolve("kiosk.yaml");
                Files.writeString(yaml, "kiosk:\n  id: \"0042\"\n  address: Test\ndevices:\n  printer:\n"
                        + "    type: escpos\n    transport: serial:" + pty.hostEnd() + "\n    baud: " + baud + "\n");
                KioskConfig.Printer p = ConfigLoader.loadKioskConfig(yaml).devices().printer();
                EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
                Thread device = new Thread(() -> {
                    try (FileInputStream in = new FileInputStream(pty.deviceEnd());
                         FileOutputStream out = new FileOutputStream(pty.deviceEnd())) {
                        emu.serve(in, out);
                    } catch (Exception e) {
                        // the test ends the device side by closing the pty pair
                    }
                }, "pty-printer");
                device.setDaemon(true);
                device.start();
                try (PrinterLink link = PrinterLinks.open(p.transport().orElseThrow(), p.baud());
                     EscPosPrinter printer = new EscPosPrinter(link,
                             new ReceiptEncoder(ReceiptEncoder.Options.defaults()), Duration.ofSeconds(3),
                             Duration.ofSeconds(3))) {
                    assertThat(link).isInstanceOf(SerialLink.class);
                    assertThat(((SerialLink) link).baud()).isEqualTo(baud);
                    assertThat(printer.status(Duration.ofSeconds(3)).ready()).isTrue();   // the port is open now
                    assertThat(stty(pty.hostEnd())).isEqualTo(String.valueOf(baud));
                    assertThat(link.describe()).isEqualTo("serial:" + pty.hostEnd() + "@" + baud);
                }
            }
        }
    }

    /** The line speed the kernel holds for the tty, as {@code stty -F DEV speed} prints it. */
    private static String stty(String device) throws Exception {
        Process p = new ProcessBuilder("stty", "-F", device, "speed").redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
