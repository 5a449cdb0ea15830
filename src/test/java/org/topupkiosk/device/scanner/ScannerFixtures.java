package org.topupkiosk.device.scanner;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.topupkiosk.device.emulator.scanner.CameraScene;
import org.topupkiosk.device.emulator.scanner.CameraScene.Shot;
import org.topupkiosk.domain.Symbology;

/** The qrencode/zint fixtures under src/test/resources/scanner/fixtures and the camera-like shots made of them. */
public final class ScannerFixtures {

    public record Fixture(String file, Symbology symbology, String text) {
        public boolean linear() {
            return symbology != Symbology.QR_CODE;
        }
    }

    /** The kiosk's restricted decoder: the three voucher families, the middle of the frame. */
    public static final Set<Symbology> FORMATS = Set.of(Symbology.QR_CODE, Symbology.CODE_128, Symbology.EAN_13);
    public static final Roi ROI = new Roi(0.15, 0.05, 0.7, 0.9);

    private ScannerFixtures() {}

    public static List<Fixture> all() {
        List<Fixture> out = new ArrayList<>();
        try (InputStream in = resource("expected.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Fixture(f[0], Symbology.valueOf(f[1]), f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static BufferedImage image(Fixture f) {
        try (InputStream in = resource(f.file())) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Named camera shots of a fixture: what a hand holding a voucher in front of a 720p camera looks like. */
    public static List<Shot> shots(Fixture f) {
        Shot base = Shot.plain().scaled(f.linear() ? 1.4 : 1.6).at(0.52, 0.48);
        List<Shot> s = new ArrayList<>(List.of(base, base.rotated(f.linear() ? 6 : 33), base.blurred(2),
                base.noisy(14), base.rotated(f.linear() ? -4 : -20).blurred(1).noisy(10)));
        if (f.linear()) {
            s.add(base.rotated(90).scaled(1.2)); // a voucher held upright
        }
        return s;
    }

    public static BufferedImage frame(Fixture f, Shot shot, long seed) {
        return CameraScene.compose(image(f), shot, seed);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ScannerFixtures.class.getResourceAsStream("/scanner/fixtures/" + name);
        if (in == null) {
            throw new IOException("missing fixture " + name);
        }
        return in;
    }
}
