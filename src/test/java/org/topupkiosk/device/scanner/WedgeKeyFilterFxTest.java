package org.topupkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.device.emulator.scanner.WedgeEmulator;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.Symbology;

/**
 * The keyboard wedge in a real JavaFX scene (headless Monocle): key events typed with real pauses at a focused text
 * field. A burst at scanner speed becomes one reading and leaves no trace in the field (nor fires its action);
 * a person's typing reaches the field unchanged, also around a scan.
 */
@ExtendWith(ApplicationExtension.class)
class WedgeKeyFilterFxTest {

    private static final String VOUCHER = "123456789015";

    private final LinkedBlockingQueue<ScanReading> got = new LinkedBlockingQueue<>();
    private final AtomicInteger actions = new AtomicInteger();
    private final List<String> onFxThread = new CopyOnWriteArrayList<>();
    private TextField field;
    private Scene scene;
    private WedgeCodeScanner scanner;

    @Start
    void start(Stage stage) {
        field = new TextField();
        field.setOnAction(e -> actions.incrementAndGet());
        scene = new Scene(new VBox(field, new TextField()), 400, 200);
        stage.setScene(scene);
        stage.show();
        field.requestFocus();
        scanner = new WedgeCodeScanner(WedgeClassifier.Settings.defaults(), true, 0);
        scanner.setListener(r -> {
            onFxThread.add(String.valueOf(Platform.isFxApplicationThread()));
            got.add(r);
        });
        scanner.start();
        scanner.install(scene);
    }

    private String fieldText() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx((Callable<String>) field::getText).get(5, TimeUnit.SECONDS);
    }

    private void settle() throws Exception {
        Thread.sleep(150); // longer than the key gap: a held run is decided by now
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aBurstAtScannerSpeedIsOneScanAndNeverReachesTheField() throws Exception {
        scanner.arm();
        WedgeEmulator wedge = new WedgeEmulator(() -> scene, "\r", 0);
        wedge.scan(VOUCHER, Symbology.CODE_128);
        ScanReading r = got.poll(5, TimeUnit.SECONDS);
        assertThat(r).isEqualTo(new ScanReading(VOUCHER, Symbology.UNKNOWN, ScanReading.Source.WEDGE));
        assertThat(r.meaning()).isEqualTo(new CodeMeaning.CreditVoucher(VOUCHER));
        assertThat(onFxThread).containsExactly("true");
        settle();
        assertThat(fieldText()).isEmpty();
        assertThat(actions.get()).isZero(); // the scan's Enter did not fire the field's action

        // disarmed now: a second scan is still swallowed, just not delivered
        wedge.type("7700123456789013\r", 0).join();
        settle();
        assertThat(got).isEmpty();
        assertThat(fieldText()).isEmpty();
    }

    @Test
    void aPersonTypingStaysTyping() throws Exception {
        scanner.arm();
        WedgeEmulator keyboard = new WedgeEmulator(() -> scene, "", 0);
        keyboard.type("9161234567\r", 120).get(10, TimeUnit.SECONDS);
        settle();
        assertThat(fieldText()).isEqualTo("9161234567");
        assertThat(actions.get()).isEqualTo(1); // the person's Enter fired the action
        assertThat(got).isEmpty();
        assertThat(scanner.isArmed()).isTrue();
    }

    @Test
    void typingAroundAScanKeepsItsOrderAndTheScanStaysOut() throws Exception {
        scanner.arm();
        WedgeEmulator keyboard = new WedgeEmulator(() -> scene, "", 0);
        WedgeEmulator wedge = new WedgeEmulator(() -> scene, "\r", 0);
        keyboard.type("916", 110).get(5, TimeUnit.SECONDS);
        settle();
        wedge.type("]Q1tel:+79161234567\r", 0).get(5, TimeUnit.SECONDS);
        ScanReading r = got.poll(5, TimeUnit.SECONDS);
        assertThat(r).isEqualTo(new ScanReading("tel:+79161234567", Symbology.QR_CODE, ScanReading.Source.WEDGE));
        settle();
        keyboard.type("12", 110).get(5, TimeUnit.SECONDS);
        settle();
        assertThat(fieldText()).isEqualTo("91612");
        assertThat(actions.get()).isZero();
    }

    /** Keys at exact times (a test clock): 4 ms apart is a scanner, 150 ms apart a person, through the real filter. */
    @Test
    void timingDecidesWithAnExactClock() throws Exception {
        long[] now = {0};
        List<String> scans = new CopyOnWriteArrayList<>();
        TextField other = WaitForAsyncUtils.asyncFx(() -> {
            TextField f = new TextField();
            Scene s = new Scene(new VBox(f), 300, 100);
            Stage st = new Stage();
            st.setScene(s);
            st.show();
            f.requestFocus();
            new WedgeKeyFilter(WedgeClassifier.Settings.defaults(), scans::add, () -> now[0]).install(s);
            return f;
        }).get(5, TimeUnit.SECONDS);
        typeAt(other, now, "7700123456789013\r", 4);
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scans).containsExactly("7700123456789013");
        assertThat(WaitForAsyncUtils.asyncFx((Callable<String>) other::getText).get(5, TimeUnit.SECONDS)).isEmpty();

        typeAt(other, now, "9161234567", 150);
        now[0] += 1_000_000_000L; // a second later by the test clock: the quiet timer hands back the last key
        Thread.sleep(150);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx((Callable<String>) other::getText).get(5, TimeUnit.SECONDS)).isEqualTo("9161234567");
        assertThat(scans).hasSize(1);
    }

    /** Fires each key's pressed/typed/released on the FX thread, advancing the test clock {@code gapMs} first. */
    private static void typeAt(TextField target, long[] now, String text, long gapMs) throws Exception {
        for (char c : text.toCharArray()) {
            now[0] += gapMs * 1_000_000L;
            WaitForAsyncUtils.asyncFx(() -> {
                javafx.scene.input.KeyCode code = c == '\r' ? javafx.scene.input.KeyCode.ENTER
                        : javafx.scene.input.KeyCode.getKeyCode(String.valueOf(c));
                String t = c == '\r' ? "" : String.valueOf(c);
                javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_PRESSED, javafx.scene.input.KeyEvent.CHAR_UNDEFINED, t, code,
                        false, false, false, false));
                javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_TYPED, String.valueOf(c), "",
                        javafx.scene.input.KeyCode.UNDEFINED, false, false, false, false));
                javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_RELEASED, javafx.scene.input.KeyEvent.CHAR_UNDEFINED, t, code,
                        false, false, false, false));
            }).get(5, TimeUnit.SECONDS);
        }
    }
}
