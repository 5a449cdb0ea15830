package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.device.emulator.printer.PrintedReceipt;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.Goods;
import org.topupkiosk.testing.Zbarimg;
import org.topupkiosk.ui.KioskView;

/**
 * A customer's fingers on the e-PIN and eSIM screens: TestFX taps the kiosk view of a real flow (journal, outbox, REST
 * adapter, carrier simulator over loopback, ESC/POS driver and printer emulator) in ru, en and zh, saving each screen
 * as target/screenshots/walk/goods-*.png. zbarimg reads the eSIM's QR code from the screenshot and from the printed
 * receipt's PNG, and both equal the activation code the simulator issued; a refused eSIM and a carrier timeout show
 * their messages in the customer's language; the journal verifies after every walk.
 */
@ExtendWith(ApplicationExtension.class)
class GoodsWalkFxTest {

    static {
        System.setProperty("headless.geometry", "2000x2000-32");
    }

    private static final Path OUT = Path.of("target", "screenshots", "walk");

    private Stage stage;
    private FlowFixture k;
    private KioskView view;
    private FxRobot robot;
    private String walk;
    private int step;
    private int notes;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setX(0);
        stage.setY(0);
    }

    @AfterEach
    void close() {
        if (k != null) {
            k.close();
        }
    }

    private void open(FxRobot robot) throws Exception {
        this.robot = robot;
        k = new FlowFixture(Files.createTempDirectory("goods-walk"));
        robot.interact(() -> {
            view = new KioskView(k.flow, new Messages());
            view.setAnimated(false);
            stage.setScene(new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT));
            stage.sizeToScene();
            stage.show();
        });
        settle();
    }

    private void settle() {
        k.exec.runPending();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void tap(String id) {
        robot.clickOn("#" + id);
        settle();
    }

    private void digits(String prefix, String digits) {
        for (char c : digits.toCharArray()) {
            String id = "#" + prefix + "-" + c;
            robot.interact(() -> {
                javafx.scene.control.Button b = robot.lookup(id).queryButton();
                assertThat(b.isVisible() && !b.isDisabled() && b.getScene() != null).as(id).isTrue();
                b.fire();
            });
            settle();
        }
    }

    private FlowSnapshot at(Screen screen, Lang lang) throws Exception {
        FlowSnapshot s = k.awaitScreen(screen);
        WaitForAsyncUtils.waitForFxEvents();
        shot(screen, lang);
        return s;
    }

    private Path shot(Screen screen, Lang lang) throws Exception {
        Files.createDirectories(OUT);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.snapshot(new SnapshotParameters(), null));
        String name = String.format(Locale.ROOT, "goods-%s-%02d-%s-%s.png", walk, ++step,
                screen.name().toLowerCase(Locale.ROOT).replace('_', '-'), lang.code());
        Path file = OUT.resolve(name);
        Files.deleteIfExists(file);
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
        return file;
    }

    private void begin(String walk, Lang lang, String tile) throws Exception {
        this.walk = walk;
        this.step = 0;
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        tap("idle-start");
        k.awaitScreen(Screen.LANGUAGE);
        tap("lang-" + lang.code());
        k.awaitScreen(Screen.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        tap(tile);
    }

    private String label(String id) {
        Label l = robot.lookup("#" + id).queryAs(Label.class);
        return l.isVisible() ? l.getText() : "";
    }

    private void insert(long rub) {
        k.insert(rub, "g" + notes++);
        settle();
    }

    private PrintedReceipt receiptWith(String qrPayload) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (PrintedReceipt r : k.printer.printed()) {
                if (r.qrPayloads().contains(qrPayload)) {
                    return r;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no receipt with QR " + qrPayload);
    }

    @Test
    void ePinInEveryLanguage(FxRobot robot) throws Exception {
        open(robot);
        for (Lang lang : Lang.values()) {
            begin("epin", lang, "service-epin");
            at(Screen.GOODS_OPERATOR, lang);
            tap("goods-operator-beeline");
            at(Screen.GOODS_LIST, lang);
            tap("goods-beeline-epin-300");
            at(Screen.GOODS_DETAILS, lang);
            assertThat(label("goods-rule")).isEqualTo(new Messages().get(lang, "ui.goods.rule.epin"));
            tap("bar-primary");
            at(Screen.CASH_INSERTION, lang);
            insert(200);
            insert(100);
            insert(50);
            shot(Screen.CASH_INSERTION, lang);
            tap("bar-primary");
            at(Screen.CONFIRM, lang);
            tap("bar-primary");
            String txn = k.snap().txnId();
            k.drain();
            at(Screen.GOODS_DONE, lang);
            Goods pin = k.journal.goods(txn).orElseThrow();
            assertThat(label("goods-secret").replace(" ", "")).as("the PIN in large type").isEqualTo(pin.secret());
            assertThat(label("goods-change")).as("the change voucher is named").isNotEmpty();
            tap("bar-primary");
            assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        }
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    @Test
    void eSimInEveryLanguageAndItsQrReadsBackFromScreenAndPaper(FxRobot robot) throws Exception {
        Zbarimg.require();
        open(robot);
        String[] devices = {GoodsFlowTest.SAMPLE_EID, "490154203237518", ""};
        int i = 0;
        for (Lang lang : Lang.values()) {
            begin("esim", lang, "service-esim");
            at(Screen.GOODS_OPERATOR, lang);
            tap("goods-operator-mts");
            at(Screen.GOODS_LIST, lang);
            tap("goods-mts-esim-tourist-7d");
            at(Screen.ESIM_DEVICE, lang);
            digits("device-key", devices[i]);
            shot(Screen.ESIM_DEVICE, lang);
            tap("bar-primary");
            at(Screen.GOODS_DETAILS, lang);
            tap("bar-primary");
            insert(500);
            at(Screen.CASH_INSERTION, lang);
            tap("bar-primary");
            at(Screen.CONFIRM, lang);
            tap("bar-primary");
            String txn = k.snap().txnId();
            k.drain();
            k.awaitScreen(Screen.GOODS_DONE);
            WaitForAsyncUtils.waitForFxEvents();
            Path screen = shot(Screen.GOODS_DONE, lang);
            String code = k.journal.goods(txn).orElseThrow().secret();
            assertThat(code).isEqualTo(k.sim.ledger().get(txn).goods().secret());
            assertThat(Zbarimg.readQr(screen)).as("the QR on screen").isEqualTo(code);
            assertThat(Zbarimg.readQr(receiptWith(code).png())).as("the QR on the receipt").isEqualTo(code);
            assertThat(label("goods-matching")).contains(code.substring(code.lastIndexOf('$') + 1));
            tap("bar-primary");
            i++;
        }
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    @Test
    void aRefusedESimAndACarrierTimeoutSpeakTheCustomersLanguage(FxRobot robot) throws Exception {
        open(robot);
        Messages messages = new Messages();
        for (Lang lang : Lang.values()) {
            begin("esim-refused", lang, "service-esim");
            tap("goods-operator-megafon");
            k.awaitScreen(Screen.GOODS_LIST);
            settle();
            tap("goods-megafon-esim-data-3d");
            digits("device-key", GoodsFlowTest.UNSUPPORTED_IMEI);
            tap("bar-primary");
            tap("bar-primary");
            insert(500);
            tap("bar-primary");
            tap("bar-primary");
            k.drain();
            at(Screen.CREDIT_VOUCHER, lang);
            assertThat(label("message")).isEqualTo(messages.get(lang, "goods.refused.device_not_supported"));
            assertThat(label("voucher-amount")).isEqualTo(Money.rub(500).format(lang.locale()));
            tap("bar-primary");

            begin("epin-timeout", lang, "service-epin");
            tap("goods-operator-t2");
            k.awaitScreen(Screen.GOODS_LIST);
            settle();
            tap("goods-t2-epin-100");
            tap("bar-primary");
            insert(100);
            insert(50);
            tap("bar-primary");
            tap("bar-primary");
            k.sim.faults().next(1, new Fault.Timeout(4_000), "/v1/payments");
            k.drain();
            k.exec.advance(k.settings.submitWait());
            at(Screen.GOODS_DONE, lang);
            assertThat(label("goods-status")).isEqualTo(messages.get(lang, "ui.goods.done.pending"));
            assertThat(label("goods-note")).isEqualTo(messages.get(lang, "ui.goods.done.pending_hint.epin"));
            String claim = k.journal.claimOf(k.snap().txnId()).orElseThrow().code();
            assertThat(label("goods-secret").replace(" ", "")).isEqualTo(claim);
            Thread.sleep(5);
            k.drain(); // the carrier answers while the customer still reads the screen
            k.await(s -> s.screen() == Screen.GOODS_DONE && s.services().goods().issued());
            WaitForAsyncUtils.waitForFxEvents();
            shot(Screen.GOODS_DONE, lang);
            assertThat(label("goods-status")).isEqualTo(messages.get(lang, "ui.goods.done.epin"));
            tap("bar-primary");
            assertThat(k.journal.verify().violations()).isEmpty();
        }
    }
}
