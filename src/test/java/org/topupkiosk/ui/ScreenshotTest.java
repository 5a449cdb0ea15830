package org.topupkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.SimLookupView;
import org.topupkiosk.i18n.Messages;

/**
 * Every screen in every language, rendered and saved as target/screenshots/&lt;screen&gt;-&lt;lang&gt;.png (portrait
 * 1080x1920) and target/screenshots/landscape/&lt;screen&gt;-&lt;lang&gt;.png (1920x1080), for people to look at; and
 * checked for what people would notice: raw i18n keys and text cut off with an ellipsis.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

    static {
        FxTestSupport.headlessScreenFitsTheKiosk();
    }

    private static final Path OUT = Path.of("target", "screenshots");
    private static final Pattern RAW_KEY = Pattern.compile("[a-z_]+(\\.[a-z_]+)+");

    private FakeFlow flow;
    private KioskView view;
    private Scene scene;

    /**
     * The view goes into a scene that is never shown: snapshots do their own CSS and layout, and an unshown scene
     * costs no repaints (the spinning progress indicators would otherwise repaint a 2-megapixel window all along).
     */
    @Start
    void start(Stage stage) {
        flow = new FakeFlow(Snapshots.of(Screen.IDLE, Lang.RU));
        view = new KioskView(flow, new Messages());
        view.setAnimated(false);
        scene = new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT);
    }

    @Test
    void everyScreenInEveryLanguagePortrait(FxRobot robot) throws Exception {
        renderAll(robot, OUT, false);
        for (Lang lang : Lang.values()) {
            Snapshots.Builder b = Snapshots.builder(Screen.CASH_INSERTION, lang);
            b.countdown = 15;
            render(robot, b.build(), OUT, "countdown-" + lang.code(), new ArrayList<>());
        }
    }

    /** A credit voucher spent into the order: its own line under the total, the total counting it with the cash. */
    @Test
    void cashScreenWithACreditVoucherApplied(FxRobot robot) throws Exception {
        Files.createDirectories(OUT);
        List<String> problems = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            Snapshots.Builder b = Snapshots.builder(Screen.CASH_INSERTION, lang);
            b.creditApplied = Money.rub(150);
            b.cashInserted = Money.rub(750);
            b.fee = Money.rub(15);
            b.toBalance = Money.rub(735);
            b.message = FlowMessage.info("scan.credit.applied", Money.rub(150));
            render(robot, b.build(), OUT, "cash-voucher-applied-" + lang.code(), problems);
            Label line = ((Label) view.lookup("#cash-voucher-applied"));
            assertThat(line.isVisible()).as(lang.code()).isTrue();
            assertThat(line.getText()).as(lang.code()).contains("150");
        }
        for (Lang lang : Lang.values()) {
            Snapshots.Builder c = Snapshots.builder(Screen.CONFIRM, lang);
            c.creditApplied = Money.rub(150);
            c.cashInserted = Money.rub(750);
            c.fee = Money.rub(15);
            c.toBalance = Money.rub(735);
            render(robot, c.build(), OUT, "confirm-voucher-applied-" + lang.code(), problems);
            assertThat(FxTestSupport.visibleNodes(view).stream()
                    .filter(n -> n instanceof Labeled l && l.getText() != null && l.getText().contains("600")
                            && l.getText().contains("150")).count()).as("confirm shows cash and voucher apart")
                    .isEqualTo(1);
        }
        assertThat(problems).isEmpty();
        render(robot, Snapshots.of(Screen.CASH_INSERTION, Lang.EN), OUT, "cash-no-voucher-en", problems);
        assertThat(((Label) view.lookup("#cash-voucher-applied")).isVisible()).isFalse();
    }

    /** Find my number in the states the walk through the flow does not stop at: errors, a hint operator, a slip. */
    @Test
    void findMyNumberStatesInEveryLanguage(FxRobot robot) throws Exception {
        Path dir = OUT.resolve("sim");
        Files.createDirectories(dir);
        List<String> problems = new ArrayList<>();
        for (boolean landscape : new boolean[] {false, true}) {
            robot.interact(() -> {
                view.setLandscape(landscape);
                scene.setRoot(new Group());
                scene = landscape ? new Scene(view, KioskView.DESIGN_HEIGHT, KioskView.DESIGN_WIDTH)
                        : new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT);
            });
            String shape = landscape ? "-landscape" : "";
            for (Lang lang : Lang.values()) {
                Snapshots.Builder removed = Snapshots.builder(Screen.SIM_INSERT, lang);
                removed.message = FlowMessage.error("sim.error.card_removed");
                render(robot, removed.build(), dir, "insert-card-removed-" + lang.code() + shape, problems);
                Snapshots.Builder hint = Snapshots.builder(Screen.SIM_RESULT, lang);
                hint.services = Snapshots.simServices(Snapshots.found(lang, false,
                        FlowSnapshot.ReceiptState.PRINTED));
                hint.message = FlowMessage.info("sim.slip.printed");
                render(robot, hint.build(), dir, "result-hint-printed-" + lang.code() + shape, problems);
                Snapshots.Builder down = Snapshots.builder(Screen.SIM_FAILED, lang);
                down.services = Snapshots.simServices(new SimLookupView(
                        SimLookupView.Phase.FAILED, false, false, null, false, null, null, null,
                        false, "sim.error.no_pcsc", null));
                render(robot, down.build(), dir, "failed-reader-" + lang.code() + shape, problems);
                Snapshots.Builder filled = Snapshots.builder(Screen.NUMBER_ENTRY, lang);
                filled.numberDigits = "9031000003";
                filled.message = FlowMessage.info("sim.number.filled", "+7 903 100-00-03");
                render(robot, filled.build(), dir, "number-filled-" + lang.code() + shape, problems);
            }
        }
        robot.interact(() -> {
            view.setLandscape(false);
            scene.setRoot(new Group());
            scene = new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT);
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyScreenInEveryLanguageLandscape(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.setLandscape(true);
            scene.setRoot(new Group());
            scene = new Scene(view, KioskView.DESIGN_HEIGHT, KioskView.DESIGN_WIDTH);
        });
        renderAll(robot, OUT.resolve("landscape"), true);
    }

    /** The customer photographs these when the receipt did not print: an independent decoder must read them. */
    @Test
    void qrCodesOnScreenReadBackWithZbarimg(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/zbarimg")),
                "zbarimg (Debian zbar-tools) is not installed; .ci/run installs it");
        Files.createDirectories(OUT);
        FlowSnapshot done = Snapshots.of(Screen.DONE, Lang.EN);
        render(robot, done, OUT, "qr-done-en", new ArrayList<>());
        assertThat(zbarimg(OUT.resolve("qr-done-en.png"))).isEqualTo(done.qrPayload());
        FlowSnapshot voucher = Snapshots.of(Screen.CREDIT_VOUCHER, Lang.ZH);
        render(robot, voucher, OUT, "qr-voucher-zh", new ArrayList<>());
        assertThat(zbarimg(OUT.resolve("qr-voucher-zh.png"))).isEqualTo(voucher.creditCode());
    }

    private static String zbarimg(Path png) throws Exception {
        Process p = new ProcessBuilder("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // stderr carries D-Bus noise on servers
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as("zbarimg on %s said: %s", png, out).isZero();
        return out;
    }

    private void renderAll(FxRobot robot, Path dir, boolean landscape) throws Exception {
        Files.createDirectories(dir);
        List<String> problems = new ArrayList<>();
        for (Screen screen : Screen.values()) {
            for (Lang lang : Lang.values()) {
                String name = screen.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + lang.code();
                render(robot, Snapshots.of(screen, lang), dir, name, problems);
                // A view larger than its scene means content that the real screen would cut off.
                assertThat(view.getWidth()).as(name).isEqualTo(landscape ? KioskView.DESIGN_HEIGHT : KioskView.DESIGN_WIDTH);
                assertThat(view.getHeight()).as(name).isEqualTo(landscape ? KioskView.DESIGN_WIDTH : KioskView.DESIGN_HEIGHT);
            }
        }
        assertThat(problems).isEmpty();
    }

    private void render(FxRobot robot, FlowSnapshot s, Path dir, String name, List<String> problems) {
        flow.push(s);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            view.applyCss();
            view.layout();
            problems.addAll(problems(name));
            image[0] = view.snapshot(new SnapshotParameters(), null);
        });
        Path file = dir.resolve(name + ".png");
        save(image[0], file);
        assertThat(file).isNotEmptyFile();
    }

    /**
     * Raw keys on screen mean a missing string; an ellipsis means the layout cut a customer's text; a label in the
     * system's CJK face loads a 19 MB font collection (and its bold another) and breaks the memory budget.
     */
    private List<String> problems(String name) {
        List<String> out = new ArrayList<>();
        for (Node n : FxTestSupport.visibleNodes(view)) {
            if (!(n instanceof Labeled l) || l.getText() == null || l.getText().isEmpty()) {
                continue;
            }
            if (RAW_KEY.matcher(l.getText()).matches()) {
                out.add(name + ": raw key " + l.getText());
            }
            if (l.getFont().getFamily().startsWith("Noto Sans CJK")) {
                out.add(name + ": '" + l.getText() + "' in " + l.getFont().getName() + " (the system's CJK face costs"
                        + " about 19 MB resident, its bold 16 MB more; Chinese uses the kiosk's own, TopUp Kiosk Sans SC)");
            }
            Text shown = (Text) l.lookup(".text");
            if (shown != null && !shown.getText().equals(l.getText())) {
                out.add(name + ": cut text '" + l.getText() + "' shown as '" + shown.getText() + "'");
            }
        }
        return out;
    }

    /** PNG with light compression: the default level costs more time than the whole render. */
    private static void save(WritableImage image, Path file) {
        BufferedImage img = SwingFXUtils.fromFXImage(image, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        try {
            Files.deleteIfExists(file); // ImageIO would leave the tail of a longer, older file in place
        } catch (IOException e) {
            throw new IllegalStateException("cannot replace " + file, e);
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        } finally {
            writer.dispose();
        }
    }
}
