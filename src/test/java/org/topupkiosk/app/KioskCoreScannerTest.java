package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.emulator.scanner.CameraScene;
import org.topupkiosk.device.emulator.scanner.ScanSample;
import org.topupkiosk.device.scanner.CameraCodeScanner;
import org.topupkiosk.device.scanner.CodeScanner;
import org.topupkiosk.device.scanner.ScanReading;
import org.topupkiosk.device.scanner.ScannerFixtures;
import org.topupkiosk.device.scanner.SerialCodeScanner;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.Symbology;
import org.topupkiosk.testing.ShippedConfig;

/** The composition root builds the configured scanner: the serial driver on the emulator in simulation, a camera. */
@Timeout(60)
class KioskCoreScannerTest {

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<ScanReading> got = new LinkedBlockingQueue<>();

    private Path config(String scannerSection) throws IOException {
        return scannerSection == null ? ShippedConfig.copy(dir)
                : ShippedConfig.withSection(dir, "  scanner:\n", "\n\n", scannerSection);
    }

    @Test
    void simulationScansThroughTheSerialDriverFromTheEmulator() throws Exception {
        Path cfg = config(null);
        try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
            CodeScanner scanner = core.scanner().orElseThrow();
            assertThat(scanner).isInstanceOf(SerialCodeScanner.class);
            assertThat(scanner.isArmed()).isFalse();
            scanner.setListener(got::add);
            scanner.arm();
            core.scanFeeder().orElseThrow().scan(ScanSample.ESIM.text(), ScanSample.ESIM.symbology());
            ScanReading r = got.poll(5, TimeUnit.SECONDS);
            assertThat(r).isEqualTo(new ScanReading(ScanSample.ESIM.text(), Symbology.QR_CODE,
                    ScanReading.Source.SERIAL));
            assertThat(r.meaning()).isInstanceOf(CodeMeaning.EsimOrder.class);
            assertThat(scanner.checkHealth().state()).isEqualTo(DeviceHealth.State.OK);
        }
    }

    @Test
    void aCameraOnADirectoryOfFrames() throws Exception {
        Path frames = Files.createDirectories(dir.resolve("frames"));
        ScannerFixtures.Fixture voucher = ScannerFixtures.all().get(1);
        ImageIO.write(ScannerFixtures.frame(voucher, CameraScene.Shot.plain().scaled(1.4).noisy(8), 1), "png",
                frames.resolve("f1.png").toFile());
        Path cfg = config("  scanner:\n    type: camera\n    framesPath: ../frames\n    formats: [code_128]\n"
                + "    roi: {x: 0.1, y: 0.1, width: 0.8, height: 0.8}\n");
        try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
            CodeScanner scanner = core.scanner().orElseThrow();
            assertThat(scanner).isInstanceOf(CameraCodeScanner.class);
            assertThat(core.scanFeeder()).isEmpty();
            scanner.setListener(got::add);
            scanner.arm();
            ScanReading r = got.poll(10, TimeUnit.SECONDS);
            assertThat(r).isEqualTo(new ScanReading(voucher.text(), Symbology.CODE_128, ScanReading.Source.CAMERA));
            assertThat(r.meaning()).isEqualTo(new CodeMeaning.CreditVoucher(voucher.text()));
        }
    }

    @Test
    void noScannerSection() throws Exception {
        Path cfg = config("  scanner:\n    type: none\n");
        try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
            assertThat(core.scanner()).isEmpty();
            assertThat(core.scanFeeder()).isEmpty();
        }
    }
}
