package org.topupkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.emulator.scanner.CameraScene;
import org.topupkiosk.device.emulator.scanner.CameraScene.Shot;
import org.topupkiosk.device.scanner.CodeDecoder.Decoded;
import org.topupkiosk.device.scanner.ScannerFixtures.Fixture;
import org.topupkiosk.domain.Symbology;

/** Codes made by qrencode and zint decode to their text, bare and in rotated, blurred and noisy 1280x720 frames. */
class ScannerFixturesTest {

    @TempDir
    Path dir;

    @Test
    void everyFixtureDecodesBare() {
        CodeDecoder decoder = new CodeDecoder(ScannerFixtures.FORMATS, Roi.FULL, false);
        List<Fixture> all = ScannerFixtures.all();
        assertThat(all).hasSize(7);
        for (Fixture f : all) {
            assertThat(decoder.decode(ScannerFixtures.image(f))).as(f.file())
                    .contains(new Decoded(f.text(), f.symbology()));
        }
    }

    @Test
    void everyCameraShotDecodesWithTheRestrictedConfiguration() {
        CodeDecoder decoder = new CodeDecoder(ScannerFixtures.FORMATS, ScannerFixtures.ROI, false);
        List<String> failed = new ArrayList<>();
        int shots = 0;
        for (Fixture f : ScannerFixtures.all()) {
            long seed = 1;
            for (Shot shot : ScannerFixtures.shots(f)) {
                BufferedImage frame = ScannerFixtures.frame(f, shot, seed++);
                assertThat(frame.getWidth()).isEqualTo(1280);
                assertThat(frame.getHeight()).isEqualTo(720);
                Optional<Decoded> d = decoder.decode(frame);
                shots++;
                if (!d.equals(Optional.of(new Decoded(f.text(), f.symbology())))) {
                    failed.add(f.file() + " " + shot + " -> " + d);
                }
            }
        }
        assertThat(failed).as("of " + shots + " shots").isEmpty();
    }

    @Test
    void outsideTheRegionOfInterestOrTheFormatsNothingIsRead() {
        Fixture qr = ScannerFixtures.all().get(0);
        BufferedImage inCorner = ScannerFixtures.frame(qr, Shot.plain().scaled(1.2).at(0.07, 0.2), 3);
        assertThat(new CodeDecoder(ScannerFixtures.FORMATS, ScannerFixtures.ROI, false).decode(inCorner)).isEmpty();
        assertThat(new CodeDecoder(ScannerFixtures.FORMATS, Roi.FULL, false).decode(inCorner)).isPresent();
        BufferedImage centred = ScannerFixtures.frame(qr, Shot.plain().scaled(1.5), 4);
        assertThat(new CodeDecoder(Set.of(Symbology.CODE_128), Roi.FULL, false).decode(centred)).isEmpty();
        assertThat(new CodeDecoder(Set.of(Symbology.CODE_128), Roi.FULL, false)
                .decode(CameraScene.empty(5))).isEmpty();
    }

    @Test
    void regeneratedFixturesStillDecode() throws Exception {
        boolean tools = Files.isExecutable(Path.of("/usr/bin/qrencode")) && Files.isExecutable(Path.of("/usr/bin/zint"));
        Assumptions.assumeTrue(tools, "SKIPPED LOUDLY: qrencode or zint missing (.ci/run installs both)");
        Path script = Path.of("src/test/resources/scanner/fixtures/make-fixtures.sh").toAbsolutePath();
        Process p = new ProcessBuilder("bash", script.toString(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        CodeDecoder decoder = new CodeDecoder(ScannerFixtures.FORMATS, Roi.FULL, false);
        for (Fixture f : ScannerFixtures.all()) {
            BufferedImage fresh = ImageIO.read(dir.resolve(f.file()).toFile());
            assertThat(decoder.decode(fresh)).as(f.file()).contains(new Decoded(f.text(), f.symbology()));
        }
    }
}
