package org.topupkiosk.ui.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.fiscalshift.FiscalShifts;
import org.topupkiosk.flow.fiscalshift.ShiftPlan;
import org.topupkiosk.flow.service.AuditRow;
import org.topupkiosk.flow.service.CashCount;
import org.topupkiosk.flow.service.DeviceRow;
import org.topupkiosk.flow.service.Encashed;
import org.topupkiosk.flow.service.FiscalDone;
import org.topupkiosk.flow.service.FiscalInfo;
import org.topupkiosk.flow.service.NumberingInfo;
import org.topupkiosk.flow.service.OutboxInfo;
import org.topupkiosk.flow.service.PinAttempt;
import org.topupkiosk.flow.service.PinAvailability;
import org.topupkiosk.flow.service.Receipts;
import org.topupkiosk.flow.service.ServiceDesk;
import org.topupkiosk.flow.service.VerifySummary;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.service.FiscalConsole;
import org.topupkiosk.testing.InTestFiscalRegister;
import org.topupkiosk.testing.SettableClock;
import org.topupkiosk.ui.FlowUiAdapter;

/**
 * The service menu's fiscal page over the real console and shift keeper, against an in-test register whose FN ends in
 * 12 days, with documents unsent for 30 hours and paper near its end: the three warnings show first, the actions are
 * 64 px targets, X and Z run. Saves target/screenshots/fiscal/service-fiscal-{ru,en,zh}.png.
 */
@ExtendWith(ApplicationExtension.class)
class FiscalPageTest {

    static {
        System.setProperty("headless.geometry", "2000x2000-32");
    }

    private static final Path SHOTS = Path.of("target", "screenshots", "fiscal");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    final SettableClock clock = new SettableClock();
    InTestFiscalRegister register;
    FiscalShifts shifts;
    FiscalConsole console;
    ServiceView service;

    @Start
    void start(Stage stage) {
        clock.set(LocalDateTime.parse("2026-12-07T10:00").atZone(MOSCOW).toInstant(), MOSCOW);
        register = new InTestFiscalRegister(clock);
        shifts = new FiscalShifts(register, new ShiftPlan(4, MOSCOW), clock, () -> false, "SIM-0001", (k, j) -> { });
        shifts.check();
        clock.advance(Duration.ofHours(5).plusMinutes(12));
        register.fnValidUntil = LocalDate.of(2026, 12, 19);
        register.unsent = 3;
        register.oldestUnsent = Optional.of(LocalDateTime.parse("2026-12-06T09:10"));
        register.paper = FiscalStatus.Paper.NEAR_END;
        console = new FiscalConsole(shifts, clock, MOSCOW);
        service = new ServiceView(new Desk(console), new Messages(), Lang.EN, FlowUiAdapter.fxThread());
        stage.setScene(new Scene(service, 1080, 1920));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        console.close();
    }

    @Test
    void showsTheWarningsAndStatusAndRunsXAndZ(FxRobot robot) throws Exception {
        robot.interact(service::open);
        for (char c : "258046".toCharArray()) {
            robot.clickOn("#service-pin-" + c);
        }
        robot.clickOn("#service-pin-enter");
        await(robot, "service-fiscal");
        robot.clickOn("#service-fiscal");
        await(robot, "service-fiscal-x");
        assertThat(text(robot, "service-fiscal-warning-fn-expiring")).contains("12");
        assertThat(text(robot, "service-fiscal-warning-unsent-over-24h")).startsWith("3 documents unsent to the OFD for 30:02 h");
        assertThat(robot.lookup("#service-fiscal-warning-paper-near-end").tryQuery()).isPresent();
        assertThat(text(robot, "service-fiscal-shift")).isEqualTo("Shift 1 open for 5:12 h");
        for (String id : List.of("service-fiscal-x", "service-fiscal-z", "service-fiscal-reprint", "service-fiscal")) {
            Button b = robot.lookup("#" + id).queryAs(Button.class);
            assertThat(b.getHeight()).as(id + " height").isGreaterThanOrEqualTo(64);
            assertThat(b.getWidth()).as(id + " width").isGreaterThanOrEqualTo(64);
        }
        Files.createDirectories(SHOTS);
        for (Lang lang : Lang.values()) {
            robot.interact(() -> {
                service.setLang(lang);
                service.applyCss();
                service.layout();
                for (Node n : robot.lookup(".label").queryAll()) {
                    if (n instanceof Labeled l && l.getText() != null) {
                        assertThat(l.getText()).as("raw key").doesNotMatch("service(\\.[a-z_]+)+");
                    }
                }
                save(SHOTS.resolve("service-fiscal-" + lang.code() + ".png"));
            });
            assertThat(SHOTS.resolve("service-fiscal-" + lang.code() + ".png")).isNotEmptyFile();
        }
        robot.interact(() -> service.setLang(Lang.EN));

        robot.clickOn("#service-fiscal-x");
        await(robot, "service-fiscal-result");
        assertThat(text(robot, "service-fiscal-result")).isEqualTo("X report: done");
        assertThat(register.calls).contains("x");

        robot.clickOn("#service-fiscal-z");
        await(robot, "service-fiscal-z-confirm");
        robot.clickOn("#service-fiscal-z-confirm");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !register.shiftOpen());
        await(robot, "service-fiscal-result");
        assertThat(text(robot, "service-fiscal-result")).isEqualTo("Z report: done");
        assertThat(text(robot, "service-fiscal-shift")).startsWith("Shift closed (last: 1)");
        robot.interact(() -> save(SHOTS.resolve("service-fiscal-after-z-en.png")));

        register.failure = new DeviceException(DeviceException.Code.OFFLINE, "no answer on /dev/ttyACM0");
        robot.clickOn("#service-fiscal-reprint");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#service-fiscal-warning-register-failed").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "service-fiscal-result")).contains("failed").contains("no answer on /dev/ttyACM0");
    }

    private void save(Path file) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(service.snapshot(new SnapshotParameters(), null), null), "png",
                    file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + id).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Labeled.class).getText();
    }

    /** The service port for this page: the PIN pad lets in, the fiscal section answers through the real console. */
    private static final class Desk implements ServiceDesk {
        private final FiscalConsole fiscal;

        Desk(FiscalConsole fiscal) {
            this.fiscal = fiscal;
        }

        @Override
        public CompletableFuture<FiscalInfo> fiscal() {
            return fiscal.info();
        }

        @Override
        public CompletableFuture<FiscalDone> fiscal(FiscalDone.Action action) {
            return fiscal.run(action);
        }

        @Override
        public List<String> deviceTests() {
            return List.of();
        }

        @Override
        public CompletableFuture<Boolean> runDeviceTest(String device, Lang lang, Consumer<String> progress) {
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public CompletableFuture<PinAvailability> pinAvailability() {
            return CompletableFuture.completedFuture(new PinAvailability(true, null));
        }

        @Override
        public Duration lockedFor() {
            return Duration.ZERO;
        }

        @Override
        public CompletableFuture<PinAttempt> login(char[] pin) {
            return CompletableFuture.completedFuture(new PinAttempt(PinAttempt.Result.OK, 3, Duration.ZERO, null));
        }

        @Override
        public CompletableFuture<List<DeviceRow>> devices() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<AuditRow>> deviceEvents() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<OutboxInfo> outbox() {
            return CompletableFuture.failedFuture(new IllegalStateException("not on this page"));
        }

        @Override
        public CompletableFuture<OutboxInfo> syncNow() {
            return outbox();
        }

        @Override
        public CompletableFuture<VerifySummary> verify() {
            return CompletableFuture.failedFuture(new IllegalStateException("not on this page"));
        }

        @Override
        public CompletableFuture<Receipts> receipts() {
            return CompletableFuture.completedFuture(new Receipts(List.of(), List.of()));
        }

        @Override
        public CompletableFuture<Boolean> reprint(String receiptId) {
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public CompletableFuture<Boolean> printTest(Lang lang) {
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public CompletableFuture<CashCount> cashBox() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<CashCount> lastEncashment() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Encashed> encash(Lang lang, String by) {
            return CompletableFuture.failedFuture(new IllegalStateException("not on this page"));
        }

        @Override
        public CompletableFuture<Optional<Encashed>> reprintEncashment(Lang lang) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public NumberingInfo numberingPlan() {
            return new NumberingInfo(Optional.empty(), "", 0, 41);
        }

        @Override
        public boolean canPowerCycle() {
            return false;
        }

        @Override
        public CompletableFuture<Boolean> powerCycleAcceptor() {
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public void servicePadOpened() {
        }

        @Override
        public void servicePadClosed() {
        }

        @Override
        public void lockCustomers() {
        }

        @Override
        public void unlockCustomers() {
        }

        @Override
        public void exitApplication() {
        }
    }
}
