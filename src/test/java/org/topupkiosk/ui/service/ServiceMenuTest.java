package org.topupkiosk.ui.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.ops.ScriptedCustomer;
import org.topupkiosk.ops.SimulatedKiosk;
import org.topupkiosk.service.ConsoleServiceDesk;
import org.topupkiosk.ui.FlowUiAdapter;
import org.topupkiosk.ui.KioskView;

/**
 * The service menu on the real simulated kiosk (emulated acceptor and printer, embedded carrier simulator), driven by
 * taps: the corner gesture, the PIN pad and its lockout, the menu's sections, reprint after paper-out, and Exit. Saves
 * target/screenshots/service-{pin,menu,receipts}-{ru,en,zh}.png.
 */
@ExtendWith(ApplicationExtension.class)
class ServiceMenuTest {

    static {
        // Monocle's headless screen must hold the 1080x1920 kiosk, or the robot cannot tap its lower half.
        System.setProperty("headless.geometry", "2000x2000-32");
    }

    private static final String PIN = "258046";
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;
    SimulatedKiosk k;
    KioskView view;
    ServiceView service;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        k = new SimulatedKiosk(dir, PIN, Clock.systemUTC());
        view = new KioskView(k.core.flow(), k.core.messages());
        view.setAnimated(false);
        service = new ServiceView(new ConsoleServiceDesk(k.console), k.core.messages(), Lang.EN, FlowUiAdapter.fxThread());
        // As KioskApp wires it: the pad sees the customer's screen.
        FlowUiAdapter.follow(k.core.flow()::subscribe, k.core.flow().current(), FlowSnapshot::version,
                service::customerSnapshot);
        view.addLayer(ServiceGesture.target(service::open));
        view.addLayer(service);
        stage.setScene(new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        if (k != null) {
            k.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup("#" + id).tryQuery().orElse(null);
        if (n == null || n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Labeled.class).getText();
    }

    private void gesture(FxRobot robot, int taps) {
        for (int i = 0; i < taps; i++) {
            robot.clickOn("#service-corner");
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typePin(FxRobot robot, String pin) {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#service-pin-" + c);
        }
        robot.clickOn("#service-pin-enter");
    }

    private void login(FxRobot robot) throws Exception {
        gesture(robot, ServiceGesture.TAPS);
        typePin(robot, PIN);
        await("menu", () -> shown(robot, "service-devices"));
    }

    private FlowSnapshot flowAt(Screen screen) throws Exception {
        return k.customer().await(s -> s.screen() == screen, Duration.ofSeconds(10));
    }

    @Test
    void fiveTapsOnTheCornerOpenThePinPadAndLockTheCustomerFlow(FxRobot robot) throws Exception {
        flowAt(Screen.IDLE);
        gesture(robot, ServiceGesture.TAPS - 1);
        assertThat(service.isOpen()).as("four taps are not the gesture").isFalse();
        assertThat(robot.lookup("#service-corner").queryAs(Region.class).getWidth())
                .isGreaterThanOrEqualTo(64);
        Thread.sleep(ServiceGesture.WINDOW.toMillis() + 200);
        gesture(robot, 1);
        assertThat(service.isOpen()).as("taps older than the window do not count").isFalse();
        gesture(robot, ServiceGesture.TAPS);
        assertThat(service.isOpen()).isTrue();
        assertThat(shown(robot, "service-pin-title")).isTrue();
        assertThat(shown(robot, "service-devices")).as("no menu before the PIN").isFalse();
        flowAt(Screen.SERVICE_LOCK);
        robot.clickOn("#service-pin-cancel");
        assertThat(service.isOpen()).isFalse();
        flowAt(Screen.IDLE);
    }

    @Test
    void fiveTapsOverACashSessionKeepItUntilTheRightPinAndAWrongPinGivesTheScreenBack(FxRobot robot) throws Exception {
        ScriptedCustomer c = k.customer();
        flowAt(Screen.IDLE);
        c.startTopUp("9161234567", 500);
        FlowSnapshot paying = c.insertUntil(Money.rub(100), List.of(Money.rub(100)));
        assertThat(paying.cashInserted()).isEqualTo(Money.rub(100));

        gesture(robot, ServiceGesture.TAPS);
        assertThat(service.isOpen()).isTrue();
        Thread.sleep(300);
        FlowSnapshot under = k.core.flow().current();
        assertThat(under.screen()).as("the pad opens over the cash screen").isEqualTo(Screen.CASH_INSERTION);
        assertThat(under.cashInserted()).isEqualTo(Money.rub(100));
        assertThat(k.core.journal().openCredits()).as("no bearer voucher before any PIN").isEmpty();
        saveShots(robot, "service-pin-over-customer");

        typePin(robot, "999999");
        await("pad closed", () -> !service.isOpen());
        assertThat(k.auditRows("service_pin_failed")).isEqualTo(1);
        FlowSnapshot back = k.core.flow().current();
        assertThat(back.screen()).as("a wrong PIN gives the customer their screen back").isEqualTo(Screen.CASH_INSERTION);
        assertThat(back.cashInserted()).isEqualTo(Money.rub(100));
        assertThat(shown(robot, "service-view")).isFalse();

        int printed = k.core.printerEmulator().printed().size();
        login(robot);
        FlowSnapshot voucher = flowAt(Screen.CREDIT_VOUCHER);
        assertThat(voucher.creditAmount()).isEqualTo(Money.rub(100));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> k.core.printerEmulator().printed().size() > printed);
        assertThat(k.core.printerEmulator().printed().get(printed).text()).contains(voucher.creditCode());
        robot.clickOn("#service-back");
        assertThat(service.isOpen()).isFalse();
        k.core.flow().submit(new FlowCommand.Finish()); // the customer took the voucher
        flowAt(Screen.IDLE);
    }

    @Test
    void aWrongPinSaysSoAndFiveLockThePadOut(FxRobot robot) throws Exception {
        gesture(robot, ServiceGesture.TAPS);
        assertThat(robot.lookup("#service-pin-enter").queryButton().isDisabled()).as("needs 4 digits").isTrue();
        typePin(robot, "1111");
        await("wrong", () -> text(robot, "service-pin-message").startsWith("Wrong PIN"));
        assertThat(text(robot, "service-pin-message")).isEqualTo("Wrong PIN. Attempts left before lockout: 4");
        assertThat(text(robot, "service-pin-dots")).doesNotContain("1").isEqualTo("○○○○○○");
        for (int i = 3; i >= 1; i--) {
            typePin(robot, "1111");
            int left = i;
            await("wrong " + i, () -> text(robot, "service-pin-message").endsWith(": " + left));
        }
        typePin(robot, "1111");
        await("locked", () -> text(robot, "service-pin-message").startsWith("Too many wrong PINs"));
        assertThat(text(robot, "service-pin-message")).matches("Too many wrong PINs\\. Try again in [45]:\\d\\d");
        assertThat(robot.lookup("#service-pin-2").queryButton().isDisabled()).isTrue();
        assertThat(k.console.lockedFor()).isPositive();
        assertThat(k.auditRows("service_pin_failed")).isEqualTo(5);
        assertThat(k.auditRows("service_pin_locked")).isEqualTo(1);
        assertThat(shown(robot, "service-devices")).isFalse();
        saveShots(robot, "service-pin-locked");
    }

    @Test
    void theRightPinOpensTheMenuAndSyncNowKicksTheDispatcher(FxRobot robot) throws Exception {
        saveShots(robot, null);
        long logins = k.auditRows("service_login");
        login(robot);
        assertThat(k.auditRows("service_login")).isEqualTo(logins + 1);
        robot.clickOn("#service-devices");
        await("devices", () -> shown(robot, "service-device-printer"));
        assertThat(shown(robot, "service-device-bill-acceptor")).isTrue();
        robot.clickOn("#service-outbox");
        await("outbox", () -> shown(robot, "service-sync"));
        assertThat(text(robot, "service-outbox-pending")).isEqualTo("Waiting to send: 0");
        robot.clickOn("#service-sync");
        await("synced", () -> k.kicks.get() == 1 && shown(robot, "service-outbox-pending"));
        robot.clickOn("#service-journal");
        await("verify", () -> shown(robot, "service-journal-verdict"));
        assertThat(text(robot, "service-journal-verdict")).startsWith("The journal is consistent");
        robot.clickOn("#service-printer").clickOn("#service-print-test");
        await("printed", () -> shown(robot, "service-printer-result"));
        assertThat(text(robot, "service-printer-result")).isEqualTo("The test page was printed.");
        assertThat(k.core.printerEmulator().printed()).hasSize(1);
        robot.clickOn("#service-back");
        assertThat(service.isOpen()).isFalse();
        flowAt(Screen.IDLE);
    }

    @Test
    void aReceiptLeftUnprintedByPaperOutReprintsFromTheMenuOncePaperIsBack(FxRobot robot) throws Exception {
        ScriptedCustomer c = k.customer();
        flowAt(Screen.IDLE);
        k.core.printerEmulator().setPaperOut(true);
        c.startTopUp("9161234567", 100);
        c.insertUntil(Money.rub(100), List.of(Money.rub(100)));
        FlowSnapshot done = c.payAndConfirm();
        c.await(s -> s.receipt() == FlowSnapshot.ReceiptState.FAILED, Duration.ofSeconds(20));
        String receiptId = k.core.journal().unprintedReceipts().get(0).receiptId();

        login(robot);
        robot.clickOn("#service-receipts");
        await("receipts", () -> shown(robot, "service-reprint-" + receiptId));
        robot.clickOn("#service-reprint-" + receiptId);
        await("not printed", () -> shown(robot, "service-reprint-result"));
        assertThat(text(robot, "service-reprint-result")).contains("did not print");
        assertThat(k.core.journal().unprintedReceipts()).hasSize(1);

        k.core.printerEmulator().setPaperOut(false);
        robot.clickOn("#service-reprint-" + receiptId);
        await("printed", () -> shown(robot, "service-reprint-result")
                && text(robot, "service-reprint-result").contains("was printed"));
        assertThat(k.core.journal().unprintedReceipts()).isEmpty();
        assertThat(k.core.printerEmulator().printed()).hasSize(1);
        assertThat(k.core.printerEmulator().printed().get(0).text()).contains(done.txnId());
        saveShots(robot, "service-receipts");
    }

    @Test
    void encashmentShowsTheNotesByDenominationJournalsThenPrintsAndStartsFromZero(FxRobot robot) throws Exception {
        ScriptedCustomer c = k.customer();
        flowAt(Screen.IDLE);
        c.startTopUp("9161234567", 600);
        c.insertUntil(Money.rub(600), List.of(Money.rub(100), Money.rub(500)));
        c.payAndConfirm();
        int before = k.core.printerEmulator().printed().size();

        login(robot);
        robot.clickOn("#service-encashment");
        await("count", () -> shown(robot, "service-encashment-total"));
        assertThat(text(robot, "service-note-100")).contains("100").contains("× 1");
        assertThat(text(robot, "service-note-500")).contains("× 1");
        assertThat(text(robot, "service-encashment-total")).contains("600").contains("2");
        shootAllLanguages(robot, "service-encashment");
        robot.interact(() -> service.setLang(Lang.EN));
        robot.clickOn("#service-encash");
        assertThat(shown(robot, "service-encash-confirm")).isTrue();
        robot.clickOn("#service-encash-confirm");
        await("done", () -> shown(robot, "service-encash-result"));
        assertThat(text(robot, "service-encash-result")).contains("E-").contains("600");
        assertThat(text(robot, "service-encashment-total")).contains("0");
        assertThat(k.core.journal().cashBoxCount().noteCount()).isZero();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> k.core.printerEmulator().printed().size() > before);
        assertThat(k.core.printerEmulator().printed().get(before).text()).contains("ENCASHMENT");
        shootAllLanguages(robot, "service-encashment-done");
        assertThat(k.core.journal().verify().ok()).isTrue();
    }

    @Test
    void theBillAcceptorTestShowsEachNoteAndGivesItBack(FxRobot robot) throws Exception {
        login(robot);
        robot.clickOn("#service-devices");
        await("devices", () -> shown(robot, "service-test-bill-acceptor"));
        assertThat(shown(robot, "service-test-printer")).isTrue();
        robot.clickOn("#service-test-bill-acceptor");
        await("accepting", () -> shown(robot, "service-test-verdict")
                && k.core.journal().recentAudit(List.of("service_device_test"), 1).isEmpty());
        Thread.sleep(500);
        k.core.billEmulator().insert(Money.rub(1000));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".service-code").queryAll().stream()
                .anyMatch(n -> ((Labeled) n).getText().startsWith("returned 1000")));
        shootAllLanguages(robot, "service-device-test");
        robot.interact(() -> service.setLang(Lang.EN));
        await("passed", () -> shown(robot, "service-test-again"));
        assertThat(text(robot, "service-test-verdict")).startsWith("Test passed");
        assertThat(k.core.journal().stackedTotal()).isEqualTo(Money.ZERO_RUB);
    }

    @Test
    void exitIsOnlyReachableThroughTheMenuAndAsksFirst(FxRobot robot) throws Exception {
        assertThat(visibleIds(view)).noneMatch(id -> id.contains("exit"));
        gesture(robot, ServiceGesture.TAPS);
        assertThat(visibleIds(view)).as("not on the PIN pad either").noneMatch(id -> id.contains("exit"));
        typePin(robot, PIN);
        await("menu", () -> shown(robot, "service-exit"));
        robot.clickOn("#service-exit");
        assertThat(shown(robot, "service-exit-confirm")).isTrue();
        robot.clickOn("#service-exit-cancel");
        Thread.sleep(200);
        assertThat(k.exits.get()).isZero();
        robot.clickOn("#service-exit").clickOn("#service-exit-confirm");
        await("exit", () -> k.exits.get() == 1);
        assertThat(k.auditRows("service_exit")).isEqualTo(1);
    }

    @Test
    void withoutAPinFileThePadSaysTheMenuIsNotSetUp(FxRobot robot) throws Exception {
        Files.delete(k.pinFile);
        gesture(robot, ServiceGesture.TAPS);
        await("unavailable", () -> shown(robot, "service-pin-message"));
        assertThat(text(robot, "service-pin-message")).startsWith("The service menu is not set up")
                .contains("kioskctl service set-pin").contains("not set")
                .as("the pad shows no file path").doesNotContain(k.pinFile.toString()).doesNotContain(dir.toString());
        assertThat(robot.lookup("#service-pin-1").queryButton().isDisabled()).isTrue();
        robot.clickOn("#service-pin-cancel");
        assertThat(service.isOpen()).isFalse();
        flowAt(Screen.IDLE);
    }

    @Test
    void leftAloneTheServiceScreensHandTheKioskBack(FxRobot robot) throws Exception {
        robot.interact(() -> service.setIdleLimit(javafx.util.Duration.millis(400)));
        // Listening before the gesture: the lock and the hand-back can both pass within the 400 ms on a busy machine.
        ScriptedCustomer watcher = k.customer();
        gesture(robot, ServiceGesture.TAPS);
        watcher.await(s -> s.screen() == Screen.SERVICE_LOCK, Duration.ofSeconds(10));
        await("closed", () -> !service.isOpen());
        watcher.await(s -> s.screen() == Screen.IDLE, Duration.ofSeconds(10));
    }

    @Test
    void landscapePutsTheKeysBesideTheDisplayAndFourButtonsARow(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.getScene().setRoot(new Group());
            view.setLandscape(true);
            stage.setScene(new Scene(view, KioskView.DESIGN_HEIGHT, KioskView.DESIGN_WIDTH));
            stage.sizeToScene();
        });
        gesture(robot, ServiceGesture.TAPS);
        Path wide = SHOTS.resolve("landscape");
        shootAllLanguages(robot, wide, "service-pin");
        Button one = robot.lookup("#service-pin-1").queryButton();
        Label dots = robot.lookup("#service-pin-dots").queryAs(Label.class);
        assertThat(one.localToScene(one.getBoundsInLocal()).getMinX())
                .as("keys to the right of the display").isGreaterThan(dots.localToScene(dots.getBoundsInLocal()).getMaxX());
        robot.interact(() -> service.setLang(Lang.EN));
        typePin(robot, PIN);
        await("menu", () -> shown(robot, "service-devices"));
        robot.clickOn("#service-devices");
        await("devices", () -> shown(robot, "service-device-printer"));
        shootAllLanguages(robot, wide, "service-menu");
        Button devices = robot.lookup("#service-devices").queryButton();
        Button printer = robot.lookup("#service-printer").queryButton();
        assertThat(printer.localToScene(printer.getBoundsInLocal()).getMinY())
                .as("printer test on the first row").isEqualTo(devices.localToScene(devices.getBoundsInLocal()).getMinY());
        assertThat(view.getHeight()).isEqualTo(KioskView.DESIGN_WIDTH);
    }

    @Test
    void everyServiceKeyExistsInEveryLanguage() {
        for (String key : ServiceKeys.all()) {
            for (Lang lang : Lang.values()) {
                assertThat(k.core.messages().has(lang, key)).as("%s in messages_%s", key, lang.code()).isTrue();
            }
        }
        assertThat(ServiceKeys.all()).doesNotHaveDuplicates().hasSizeGreaterThan(40);
    }

    @Test
    void theGestureCountsFiveTapsWithinThreeSeconds() {
        long[] now = {0};
        ServiceGesture g = new ServiceGesture(() -> now[0]);
        for (int i = 0; i < 4; i++) {
            assertThat(g.tap()).isFalse();
            now[0] += 700_000_000L;
        }
        assertThat(g.tap()).as("5 taps in 2.8 s").isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(g.tap()).isFalse();
            now[0] += 900_000_000L;
        }
        assertThat(g.tap()).as("the first of these is 3.6 s old").isFalse();
        assertThat(g.tap()).isTrue();
    }

    /**
     * The PIN pad (or, with a name, whatever is showing) in ru, en and zh; with a null name, the PIN pad and then the
     * menu's device section, logging in first.
     */
    private void saveShots(FxRobot robot, String name) throws Exception {
        if (name == null) {
            gesture(robot, ServiceGesture.TAPS);
            shootAllLanguages(robot, "service-pin");
            robot.interact(() -> service.setLang(Lang.EN));
            typePin(robot, PIN);
            await("menu", () -> shown(robot, "service-devices"));
            robot.clickOn("#service-devices");
            await("devices", () -> shown(robot, "service-device-printer"));
            shootAllLanguages(robot, "service-menu");
            robot.interact(() -> service.setLang(Lang.EN));
            robot.clickOn("#service-back");
            WaitForAsyncUtils.waitForFxEvents();
            return;
        }
        shootAllLanguages(robot, name);
        robot.interact(() -> service.setLang(Lang.EN));
    }

    private void shootAllLanguages(FxRobot robot, String name) throws Exception {
        shootAllLanguages(robot, SHOTS, name);
    }

    private void shootAllLanguages(FxRobot robot, Path shots, String name) throws Exception {
        Files.createDirectories(shots);
        List<String> problems = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            robot.interact(() -> {
                service.setLang(lang);
                view.applyCss();
                view.layout();
                problems.addAll(cutText(service, name + "-" + lang.code()));
                Path file = shots.resolve(name + "-" + lang.code() + ".png");
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(view.snapshot(new SnapshotParameters(), null), null),
                            "png", file.toFile());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(shots.resolve(name + "-" + lang.code() + ".png")).isNotEmptyFile();
        }
        assertThat(problems).isEmpty();
    }

    /** Text the layout cut with an ellipsis, and raw keys. */
    private static List<String> cutText(Parent root, String name) {
        List<String> out = new ArrayList<>();
        for (Node n : visible(root)) {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                if (l.getText().matches("service(\\.[a-z_]+)+")) {
                    out.add(name + ": raw key " + l.getText());
                }
                Text shown = (Text) l.lookup(".text");
                if (shown != null && !shown.getText().equals(l.getText())) {
                    out.add(name + ": cut '" + l.getText() + "' shown as '" + shown.getText() + "'");
                }
            }
        }
        return out;
    }

    private static List<String> visibleIds(Parent root) {
        return visible(root).stream().map(Node::getId).filter(id -> id != null).toList();
    }

    private static List<Node> visible(Parent root) {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<Node> out) {
        if (!node.isVisible()) {
            return;
        }
        out.add(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
