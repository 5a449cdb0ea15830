package org.topupkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.emulator.scanner.CameraEmulator;
import org.topupkiosk.device.emulator.scanner.CameraScene;
import org.topupkiosk.device.emulator.scanner.CameraScene.Shot;
import org.topupkiosk.device.scanner.ScannerFixtures.Fixture;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.Symbology;

@Timeout(60)
class CameraCodeScannerTest {

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<ScanReading> got = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> threads = new LinkedBlockingQueue<>();

    private CameraCodeScanner scanner(FrameSource source, long quietMs) {
        CameraCodeScanner s = new CameraCodeScanner(source,
                new CodeDecoder(ScannerFixtures.FORMATS, ScannerFixtures.ROI, false), quietMs);
        s.setListener(r -> {
            threads.add(Thread.currentThread().getName());
            got.add(r);
        });
        return s;
    }

    @Test
    void aCodeHeldUpIsReadOnceOffTheFxThreadAndANewCodeAfterReArming() throws Exception {
        CameraEmulator camera = new CameraEmulator(10, 1500);
        try (CameraCodeScanner s = scanner(camera, 800)) {
            s.start();
            s.arm();
            camera.scan("LPA:1$rsp.example.ru$K2-1X2Y3Z", Symbology.QR_CODE);
            ScanReading r = got.poll(5, TimeUnit.SECONDS);
            assertThat(r).isEqualTo(new ScanReading("LPA:1$rsp.example.ru$K2-1X2Y3Z", Symbology.QR_CODE,
                    ScanReading.Source.CAMERA));
            assertThat(r.meaning()).isInstanceOf(CodeMeaning.EsimOrder.class);
            assertThat(threads.poll()).isEqualTo("scanner-decode");

            s.arm(); // the flow re-arms while the customer still holds the code up
            assertThat(got.poll(1200, TimeUnit.MILLISECONDS)).isNull();

            camera.scan("123456789015", Symbology.CODE_128);
            assertThat(got.poll(5, TimeUnit.SECONDS).text()).isEqualTo("123456789015");
            assertThat(s.checkHealth().state()).isEqualTo(DeviceHealth.State.OK);
            assertThat(s.checkHealth().detail()).contains("camera-emulator frames=");
        }
    }

    @Test
    void framesArrivingWhileTheWorkerIsBusyAreDroppedNotQueued() throws Exception {
        Fixture qr = ScannerFixtures.all().get(0);
        BufferedImage frame = ScannerFixtures.frame(qr, Shot.plain().scaled(1.5).noisy(8), 1);
        FrameSource flood = new FrameSource() { // a camera faster than any decoder: a frame every 0.5 ms
            @Override
            public Optional<BufferedImage> next(long timeoutMs) throws IOException {
                try {
                    Thread.sleep(0, 500_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(frame);
            }

            @Override
            public String name() {
                return "flood";
            }

            @Override
            public void close() {}
        };
        try (CameraCodeScanner s = scanner(flood, 60_000)) {
            s.start();
            s.arm();
            assertThat(got.poll(5, TimeUnit.SECONDS).text()).isEqualTo(qr.text());
            Thread.sleep(300);
            assertThat(s.droppedBusyCount()).isPositive();
            assertThat(s.frameCount()).isGreaterThan(s.droppedBusyCount());
            assertThat(s.deliveredCount()).isEqualTo(1);
        }
    }

    @Test
    void framesFromADirectoryOfImages() throws Exception {
        ImageIO.write(CameraScene.empty(1), "png", dir.resolve("0-empty.png").toFile());
        Fixture ean = ScannerFixtures.all().stream().filter(f -> f.symbology() == Symbology.EAN_13).findFirst()
                .orElseThrow();
        ImageIO.write(ScannerFixtures.frame(ean, Shot.plain().scaled(1.3).noisy(10), 2), "jpg",
                dir.resolve("1-card.jpg").toFile());
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        try (CameraCodeScanner s = scanner(new ImageFilesFrameSource(dir, 20), 60_000)) {
            s.start();
            s.arm();
            ScanReading r = got.poll(5, TimeUnit.SECONDS);
            assertThat(r.text()).isEqualTo(ean.text());
            assertThat(r.meaning()).isEqualTo(new CodeMeaning.ScratchCard(ean.text(), Symbology.EAN_13));
        }
    }

    @Test
    void anMjpegStreamFromAProcessAsV4l2CtlWritesIt() throws Exception {
        Fixture tel = ScannerFixtures.all().stream().filter(f -> f.text().startsWith("tel:")).findFirst().orElseThrow();
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        start.writeBytes(new byte[] {1, 2, (byte) 0xFF, 0x00}); // a partial frame before the first SOI
        ImageIO.write(CameraScene.empty(3), "jpg", start);
        Files.write(dir.resolve("start.mjpeg"), start.toByteArray());
        ImageIO.write(ScannerFixtures.frame(tel, Shot.plain().scaled(1.5), 3), "jpg", dir.resolve("code.jpg").toFile());
        // a camera at 10 frames a second: the empty counter, then the code held up for a second
        MjpegFrameSource source = MjpegFrameSource.command(List.of("sh", "-c", "cd '" + dir + "' && cat start.mjpeg"
                + " && for i in 1 2 3 4 5 6 7 8 9 10; do cat code.jpg; sleep 0.1; done"));
        try (CameraCodeScanner s = scanner(source, 60_000)) {
            s.start();
            s.arm();
            assertThat(got.poll(5, TimeUnit.SECONDS).text()).isEqualTo("tel:+79161234567");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (s.checkHealth().state() != DeviceHealth.State.OFFLINE && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(s.checkHealth().state()).isEqualTo(DeviceHealth.State.OFFLINE); // the stream ended
            assertThat(s.checkHealth().detail()).contains("stream ended");
        }
        assertThat(MjpegFrameSource.v4l2Command("/dev/video0", 1280, 720)).contains("--stream-mmap",
                "--set-fmt-video=width=1280,height=720,pixelformat=MJPG");
    }
}
