package org.topupkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot.ReceiptState;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.testing.Zbarimg;

/**
 * The e-PIN and eSIM screens in the states {@link ScreenshotTest}'s one snapshot per screen does not show: the PIN in
 * large type, the pending screen with its claim code, an e-PIN on the shared cash and confirm screens; in ru, en and zh,
 * portrait and landscape, saved under target/screenshots/goods and checked for raw keys and cut text. The eSIM's QR
 * code on screen is read back with zbarimg.
 */
@ExtendWith(ApplicationExtension.class)
class GoodsScreenshotTest {

    static {
        FxTestSupport.headlessScreenFitsTheKiosk();
    }

    private static final Path OUT = Path.of("target", "screenshots", "goods");
    private static final Pattern RAW_KEY = Pattern.compile("[a-z_]+(\\.[a-z_]+)+");
    private static final String PIN = "4417 2093 8861 5520";

    private FakeFlow flow;
    private KioskView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        flow = new FakeFlow(Snapshots.of(Screen.IDLE, Lang.RU));
        view = new KioskView(flow, new Messages());
        view.setAnimated(false);
        scene = new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT);
    }

    static FlowSnapshot ePinDone(Lang lang) {
        Snapshots.Builder b = Snapshots.builder(Screen.GOODS_DONE, lang);
        Snapshots.ServicesBuilder v = Snapshots.services(Service.EPIN);
        Snapshots.GoodsBuilder g = Snapshots.goods(Service.EPIN);
        g.selected = Snapshots.epinOffer(lang, 300, 7);
        g.pin = PIN;
        g.serial = "BEELINE-EPIN-300-000042";
        g.expiresOn = java.time.LocalDate.of(2027, 11, 21);
        g.change = Money.rubMinor(4_287);
        g.changeCode = "4830 2917 5560";
        v.goods = g.build();
        b.services = v.build();
        b.operatorName = lang == Lang.RU ? "Билайн" : lang == Lang.ZH ? "比莱恩" : "Beeline";
        return b.build();
    }

    static FlowSnapshot pending(Lang lang, Service service) {
        Snapshots.Builder b = Snapshots.builder(Screen.GOODS_DONE, lang);
        Snapshots.ServicesBuilder v = Snapshots.services(service);
        Snapshots.GoodsBuilder g = Snapshots.goods(service);
        g.selected = service == Service.ESIM ? Snapshots.esimTourist(lang) : Snapshots.epinOffer(lang, 300, 7);
        g.claimCode = "7305 1148 2296 14";
        g.claimPayload = "73051148229614";
        v.goods = g.build();
        b.services = v.build();
        b.paymentStatus = PaymentStatus.PENDING;
        b.receipt = ReceiptState.PRINTED;
        return b.build();
    }

    static FlowSnapshot ePinCash(Screen screen, Lang lang) {
        Snapshots.Builder b = Snapshots.builder(screen, lang);
        Snapshots.ServicesBuilder v = Snapshots.services(Service.EPIN);
        Snapshots.GoodsBuilder g = Snapshots.goods(Service.EPIN);
        g.selected = Snapshots.epinOffer(lang, 300, 7);
        v.goods = g.build();
        v.selected = Snapshots.item(g.selected);
        b.services = v.build();
        b.msisdn = null;
        b.numberDigits = "";
        b.cashInserted = Money.rub(350);
        b.fee = Money.rub(7);
        b.toBalance = Money.rub(343);
        b.minAmount = Money.rub(300);
        b.amount = Money.rub(300);
        return b.build();
    }

    @Test
    void goodsStatesInEveryLanguageAndShape(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (boolean landscape : new boolean[] {false, true}) {
            if (landscape) {
                robot.interact(() -> {
                    view.setLandscape(true);
                    scene.setRoot(new Group());
                    scene = new Scene(view, KioskView.DESIGN_HEIGHT, KioskView.DESIGN_WIDTH);
                });
            }
            Path dir = landscape ? OUT.resolve("landscape") : OUT;
            for (Lang lang : Lang.values()) {
                render(robot, ePinDone(lang), dir, "epin-done-" + lang.code(), problems);
                assertThat(((Label) view.lookup("#goods-secret")).getText()).isEqualTo(PIN);
                assertThat(view.lookup("#goods-qr").isVisible()).as("an e-PIN has no QR").isFalse();
                render(robot, pending(lang, Service.EPIN), dir, "epin-pending-" + lang.code(), problems);
                render(robot, pending(lang, Service.ESIM), dir, "esim-pending-" + lang.code(), problems);
                assertThat(((Label) view.lookup("#goods-secret")).getText()).isEqualTo("7305 1148 2296 14");
                render(robot, ePinCash(Screen.CASH_INSERTION, lang), dir, "epin-cash-" + lang.code(), problems);
                assertThat(FxTestSupport.visibleNodes(view).stream().filter(n -> n instanceof Labeled l
                        && l.getText() != null && l.getText().contains("43")).count())
                        .as("the voucher part of 350 for a 307 e-PIN is told on the cash screen").isEqualTo(1);
                render(robot, ePinCash(Screen.CONFIRM, lang), dir, "epin-confirm-" + lang.code(), problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A phone photographs this: an independent decoder must read the activation code from the screen. */
    @Test
    void theEsimQrOnScreenReadsBackAsTheActivationCode(FxRobot robot) throws Exception {
        Zbarimg.require();
        for (Lang lang : Lang.values()) {
            FlowSnapshot s = Snapshots.of(Screen.GOODS_DONE, lang);
            render(robot, s, OUT, "esim-done-qr-" + lang.code(), new ArrayList<>());
            Node qr = view.lookup("#goods-qr");
            assertThat(qr.getBoundsInLocal().getWidth()).as("big enough for a phone at arm's length")
                    .isGreaterThanOrEqualTo(300);
            assertThat(Zbarimg.readQr(OUT.resolve("esim-done-qr-" + lang.code() + ".png")))
                    .isEqualTo(s.services().goods().activationCode()).isEqualTo(Snapshots.ESIM_CODE);
        }
    }

    private void render(FxRobot robot, FlowSnapshot s, Path dir, String name, List<String> problems) throws Exception {
        Files.createDirectories(dir);
        flow.push(s);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            view.applyCss();
            view.layout();
            for (Node n : FxTestSupport.visibleNodes(view)) {
                if (!(n instanceof Labeled l) || l.getText() == null || l.getText().isEmpty()) {
                    continue;
                }
                if (RAW_KEY.matcher(l.getText()).matches()) {
                    problems.add(name + ": raw key " + l.getText());
                }
                Text shown = (Text) l.lookup(".text");
                if (shown != null && !shown.getText().equals(l.getText())) {
                    problems.add(name + ": cut text '" + l.getText() + "' shown as '" + shown.getText() + "'");
                }
            }
            image[0] = view.snapshot(new SnapshotParameters(), null);
        });
        Path file = dir.resolve(name + ".png");
        Files.deleteIfExists(file);
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }
}
