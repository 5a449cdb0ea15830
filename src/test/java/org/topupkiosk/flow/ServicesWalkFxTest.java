package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.topupkiosk.carrier.simulator.SimOtp;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.ui.KioskView;

/**
 * A customer's fingers on the real screens: TestFX taps the kiosk view of a real flow (journal, REST adapter, carrier
 * simulator over loopback, emulated printer) through every service in every language, and saves each screen it passes
 * as target/screenshots/walk/&lt;service&gt;-&lt;step&gt;-&lt;screen&gt;-&lt;lang&gt;.png.
 */
@ExtendWith(ApplicationExtension.class)
class ServicesWalkFxTest {

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
        k = new FlowFixture(Files.createTempDirectory("walk"));
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

    /**
     * Keypad digits are pressed on the FX thread rather than by moving the pointer (dozens per walk); the key must be
     * on screen and enabled, as a finger would need it. Tiles and bar buttons are clicked.
     */
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

    /** Waits for the flow to reach {@code screen}, lets the view catch up, and saves what the customer sees. */
    private FlowSnapshot at(Screen screen, Lang lang) throws Exception {
        FlowSnapshot s = k.awaitScreen(screen);
        WaitForAsyncUtils.waitForFxEvents();
        shot(screen, lang);
        return s;
    }

    private void shot(Screen screen, Lang lang) throws Exception {
        Files.createDirectories(OUT);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.snapshot(new SnapshotParameters(), null));
        String name = String.format(Locale.ROOT, "%s-%02d-%s-%s.png", walk, ++step,
                screen.name().toLowerCase(Locale.ROOT).replace('_', '-'), lang.code());
        // Light PNG compression: the default level costs more than the render (as in ui.ScreenshotTest).
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        Path file = OUT.resolve(name);
        Files.deleteIfExists(file);
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(SwingFXUtils.fromFXImage(img[0], null), null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private void begin(String walk, Lang lang, String serviceTile) throws Exception {
        this.walk = walk;
        this.step = 0;
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        tap("idle-start");
        k.awaitScreen(Screen.LANGUAGE);
        tap("lang-" + lang.code());
        // The language and home screens are in ui.ScreenshotTest; the walk saves the service's own screens.
        k.awaitScreen(Screen.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        tap(serviceTile);
    }

    private String message() {
        Label m = robot.lookup("#message").queryAs(Label.class);
        return m.isVisible() ? m.getText() : "";
    }

    @Test
    void balanceInEveryLanguage(FxRobot robot) throws Exception {
        open(robot);
        for (Lang lang : Lang.values()) {
            begin("balance", lang, "service-balance");
            at(Screen.NUMBER_ENTRY, lang);
            digits("number-key", "9161234567");
            tap("bar-primary");
            FlowSnapshot s = at(Screen.BALANCE_RESULT, lang);
            assertThat(robot.lookup("#balance-amount").queryAs(Label.class).getText())
                    .isEqualTo(s.services().balance().format(lang.locale()));
            // The carrier goes down: a clear message, on the keypad, in the customer's language.
            tap("bar-left");
            k.awaitScreen(Screen.HOME);
            WaitForAsyncUtils.waitForFxEvents();
            tap("service-balance");
            digits("number-key", "9161234567");
            k.sim.faults().next(1, Fault.httpError(503), "/v1/accounts");
            tap("bar-primary");
            k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
            WaitForAsyncUtils.waitForFxEvents();
            shot(Screen.NUMBER_ENTRY, lang);
            assertThat(message()).isEqualTo(new Messages().get(lang, "balance.unavailable"));
            tap("bar-middle");
            assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        }
    }

    @Test
    void packageInEveryLanguage(FxRobot robot) throws Exception {
        open(robot);
        int note = 0;
        for (Lang lang : Lang.values()) {
            begin("package", lang, "service-package");
            at(Screen.NUMBER_ENTRY, lang);
            digits("number-key", "9161234567");
            tap("bar-primary");
            at(Screen.PACKAGE_LIST, lang);
            tap("packages-down");
            shot(Screen.PACKAGE_LIST, lang);
            tap("package-mts-combo-15g-500-month");
            FlowSnapshot details = at(Screen.PACKAGE_DETAILS, lang);
            assertThat(details.services().selected().price()).isEqualTo(Money.rub(650));
            tap("bar-primary");
            at(Screen.CASH_INSERTION, lang);
            k.insert(500, "w" + lang + note++);
            k.insert(200, "w" + lang + note++);
            settle();
            shot(Screen.CASH_INSERTION, lang);
            tap("bar-primary");
            at(Screen.CONFIRM, lang);
            tap("bar-primary");
            k.drain();
            FlowSnapshot done = at(Screen.DONE, lang);
            assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
            tap("bar-primary");
        }
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    @Test
    void scratchCardInEveryLanguage(FxRobot robot) throws Exception {
        open(robot);
        String[] cards = {ServicesFlowTest.MTS_500, "45678901234567", "34567890123456"};
        String[] numbers = {"9161234567", "9001234567", "9261234567"};
        int i = 0;
        for (Lang lang : Lang.values()) {
            begin("voucher", lang, "service-voucher");
            at(Screen.VOUCHER_PIN, lang);
            digits("pin-key", ServicesFlowTest.USED);
            assertThat(robot.lookup("#pin-display").queryAs(Label.class).getText()).doesNotContainPattern("[0-9]");
            shot(Screen.VOUCHER_PIN, lang);
            tap("bar-primary");
            k.await(x -> x.screen() == Screen.VOUCHER_PIN && x.message() != null);
            WaitForAsyncUtils.waitForFxEvents();
            shot(Screen.VOUCHER_PIN, lang);
            assertThat(message()).isEqualTo(new Messages().get(lang, "voucher.used"));
            digits("pin-key", cards[i]);
            tap("bar-primary");
            at(Screen.VOUCHER_CONFIRM, lang);
            tap("bar-primary");
            at(Screen.NUMBER_ENTRY, lang);
            digits("number-key", numbers[i]);
            tap("bar-primary");
            FlowSnapshot done = at(Screen.DONE, lang);
            assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
            tap("bar-primary");
            i++;
        }
    }

    @Test
    void topUpWithPromotionInEveryLanguage(FxRobot robot) throws Exception {
        open(robot);
        int note = 0;
        for (Lang lang : Lang.values()) {
            begin("topup", lang, "service-topup");
            at(Screen.OPERATOR_CHOICE, lang);
            tap("operator-mts");
            digits("number-key", "9161234567");
            tap("bar-primary");
            at(Screen.OPERATOR_CONFIRM, lang);
            tap("bar-primary");
            digits("amount-key", "1000");
            at(Screen.AMOUNT_ENTRY, lang);
            assertThat(robot.lookup("#amount-promo").queryAs(Label.class).isVisible()).isTrue();
            tap("bar-primary");
            k.insert(1000, "t" + lang + note++);
            settle();
            at(Screen.CASH_INSERTION, lang);
            tap("bar-primary");
            at(Screen.CONFIRM, lang);
            assertThat(robot.lookup("#confirm-promo").queryAs(Label.class).getText()).contains("100");
            tap("bar-primary");
            k.drain();
            at(Screen.DONE, lang);
            tap("bar-primary");
        }
    }

    // Auto top-up and recent payments (one-time codes) ------------------------------------------------------------

    /** The code the simulator "sent" to {@code national}, read from its SMS inbox as the device panel shows it. */
    private String sms(String national) {
        List<SimOtp.Sms> inbox =
                k.sim.otp().inbox(Msisdn.of("+7" + national));
        Matcher m = Pattern.compile("Код (\\d{6})").matcher(
                inbox.get(inbox.size() - 1).text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void autoTopUpAndRecentPaymentsInEveryLanguage(FxRobot robot) throws Exception {
        open(robot);
        String[] numbers = {"9161234501", "9261234502", "9031234503"};
        int i = 0;
        for (Lang lang : Lang.values()) {
            String number = numbers[i++];
            begin("autotopup", lang, "service-auto-topup");
            at(Screen.NUMBER_ENTRY, lang);
            digits("number-key", number);
            tap("bar-primary");
            at(Screen.AUTO_TOPUP_THRESHOLD, lang);
            tap("threshold-50");
            at(Screen.AUTO_TOPUP_AMOUNT, lang);
            tap("amount-300");
            at(Screen.AUTO_TOPUP_SUMMARY, lang);
            tap("bar-primary");
            at(Screen.OTP_ENTRY, lang);
            String code = sms(number);
            digits("otp-key", code.equals("000000") ? "111111" : "000000");
            tap("bar-primary");
            k.await(x -> x.screen() == Screen.OTP_ENTRY && x.message() != null);
            WaitForAsyncUtils.waitForFxEvents();
            shot(Screen.OTP_ENTRY, lang);
            assertThat(message()).isEqualTo(new Messages().get(lang, "otp.wrong_code", "2"));
            digits("otp-key", code);
            tap("bar-primary");
            FlowSnapshot done = k.await(x -> x.screen() == Screen.AUTO_TOPUP_DONE
                    && x.receipt() == FlowSnapshot.ReceiptState.PRINTED);
            WaitForAsyncUtils.waitForFxEvents();
            shot(Screen.AUTO_TOPUP_DONE, lang);
            assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
            assertThat(robot.lookup("#autotopup-done-rule").queryAs(Label.class).getText()).contains("300");
            tap("bar-primary");

            begin("history", lang, "service-history");
            at(Screen.NUMBER_ENTRY, lang);
            digits("number-key", number);
            tap("bar-primary");
            at(Screen.OTP_ENTRY, lang);
            digits("otp-key", sms(number));
            tap("bar-primary");
            FlowSnapshot list = at(Screen.HISTORY_LIST, lang);
            String id = list.services().account().rows().get(0).id();
            assertThat(id).isEqualTo(done.services().account().enrolmentId());
            tap("reprint-" + id);
            k.await(x -> x.message() != null && x.message().key().equals("history.printed"));
            WaitForAsyncUtils.waitForFxEvents();
            shot(Screen.HISTORY_LIST, lang);
            assertThat(message()).isEqualTo(new Messages().get(lang, "history.printed"));
            tap("bar-primary");
        }
        // An unknown number gets no code, and says so in the customer's language.
        begin("history-unknown", Lang.ZH, "service-history");
        digits("number-key", "9000000001");
        tap("bar-primary");
        k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
        WaitForAsyncUtils.waitForFxEvents();
        shot(Screen.NUMBER_ENTRY, Lang.ZH);
        assertThat(message()).isEqualTo(new Messages().get(Lang.ZH, "otp.unknown_number"));
        assertThat(k.journal.verify().violations()).isEmpty();
    }
}
