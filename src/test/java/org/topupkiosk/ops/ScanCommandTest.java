package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.emulator.scanner.CameraScene;
import org.topupkiosk.device.emulator.scanner.CameraScene.Shot;
import org.topupkiosk.device.scanner.ScannerFixtures;
import org.topupkiosk.device.scanner.ScannerFixtures.Fixture;
import org.topupkiosk.testing.Kioskctl;

/** {@code kioskctl scan decode} on the qrencode/zint fixtures, a camera frame, a page with two codes, and bad files. */
class ScanCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Kioskctl.run(out, err, args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, BufferedImage img) throws Exception {
        Path p = dir.resolve(name);
        ImageIO.write(img, name.endsWith(".jpg") ? "jpg" : "png", p.toFile());
        return p;
    }

    @Test
    void printsFormatTextAndMeaningOfEveryFixture() throws Exception {
        List<Fixture> all = ScannerFixtures.all();
        String[] args = new String[all.size() + 2];
        args[0] = "scan";
        args[1] = "decode";
        for (int i = 0; i < all.size(); i++) {
            args[i + 2] = write(all.get(i).file(), ScannerFixtures.image(all.get(i))).toString();
        }
        Run r = run(args);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        for (Fixture f : all) {
            assertThat(r.out()).contains(f.file() + "\t" + f.symbology() + "\t" + f.text() + "\t");
        }
        assertThat(r.out()).contains("123456789015\tcredit voucher").contains("7700123456789013\tscratch card")
                .contains("\teSIM order (rsp.example.ru)").contains("\tphone number +79161234567")
                .contains("https://example.com/promo\tnot taken: not_recognized");
    }

    @Test
    void findsEveryCodeOnAPageAndInACameraFrame() throws Exception {
        List<Fixture> all = ScannerFixtures.all();
        Fixture qr = all.get(4);     // eSIM QR from qrencode
        Fixture code128 = all.get(2); // scratch PIN from zint
        BufferedImage page = new BufferedImage(900, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 400);
        g.drawImage(ScannerFixtures.image(qr), 20, 60, null);
        g.drawImage(ScannerFixtures.image(code128), 300, 100, null);
        g.dispose();
        Path frame = write("frame.jpg", CameraScene.compose(ScannerFixtures.image(all.get(5)),
                Shot.plain().scaled(1.5).rotated(25).noisy(10).blurred(1), 9));
        Run r = run("scan", "decode", write("page.png", page).toString(), frame.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("page.png\tQR_CODE\t" + qr.text())
                .contains("page.png\tCODE_128\t" + code128.text())
                .contains("frame.jpg\tQR_CODE\ttel:+79161234567");
    }

    @Test
    void unreadableFilesExitOneAndAreNamed() throws Exception {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not a picture");
        Path empty = write("counter.png", CameraScene.empty(1));
        Path good = write("ok.png", ScannerFixtures.image(ScannerFixtures.all().get(0)));
        Run r = run("scan", "decode", text.toString(), dir.resolve("missing.png").toString(), empty.toString(),
                good.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error: " + text + ": not an image")
                .contains("missing.png: no such file").contains("counter.png: no code found (1280x720 image)");
        assertThat(r.out()).contains("ok.png\tQR_CODE\t123456789015"); // the readable one is still reported
    }

    @Test
    void formatsRestrictTheSearchAndBadOnesAreNamed() throws Exception {
        Path qr = write("qr.png", ScannerFixtures.image(ScannerFixtures.all().get(0)));
        Run only128 = run("scan", "decode", "--formats", "CODE_128", qr.toString());
        assertThat(only128.exit()).isEqualTo(1);
        assertThat(only128.err()).contains("no code found");
        Run bad = run("scan", "decode", "--formats", "QR,EAN_13", qr.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--formats: \"QR\" is not a barcode family");
        assertThat(run("scan").exit()).isEqualTo(2);
    }
}
