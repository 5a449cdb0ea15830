package org.topupkiosk.ui.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.counter.CounterCommand;
import org.topupkiosk.flow.counter.CounterFlow;
import org.topupkiosk.flow.counter.CounterScreen;
import org.topupkiosk.flow.counter.CounterSnapshot;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.ops.ServiceCommandAccess;
import org.topupkiosk.service.CashierPinsFile;
import org.topupkiosk.service.ConsoleServiceDesk;
import org.topupkiosk.service.ServiceConsole;
import org.topupkiosk.service.ServicePin;
import org.topupkiosk.ui.CounterWindow;
import org.topupkiosk.ui.FlowUiAdapter;
import org.topupkiosk.ui.service.ServiceView;

/**
 * The counter screens on the real core in counter mode (kiosk-config/counter.yaml: embedded carrier simulator,
 * emulated printer and drawer), driven by taps and keys through a sale with change, the X and Z reports. Saves
 * target/screenshots/counter-{login,pin,shift,number,amount,received,done,close}-{ru,en,zh}.png.
 */
@ExtendWith(ApplicationExtension.class)
class CounterScreensTest {

    static {
        System.setProperty("headless.geometry", "2000x2000-32");
    }

    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;
    KioskCore core;
    CounterFlow flow;
    CounterView view;

    @Start
    void start(Stage stage) throws Exception {
        Path config = copyConfig(dir);
        CashierPinsFile.add(dir.resolve("var/counter-cashiers.pins"), "anna", "Анна Петрова", "246801".toCharArray(),
                new SecureRandom());
        CashierPinsFile.add(dir.resolve("var/counter-cashiers.pins"), "boris", "Boris Lee", "135702".toCharArray(),
                new SecureRandom());
        core = new KioskCore(ConfigLoader.load(config), config, KioskCore.Options.defaults());
        flow = core.counter();
        view = new CounterView(flow::submit, new Messages(), () -> { });
        flow.subscribe(s -> Platform.runLater(() -> view.show(s)));
        stage.setScene(new Scene(new StackPane(view), CounterView.DESIGN_WIDTH, CounterView.DESIGN_HEIGHT));
        stage.show();
        core.start();
    }

    @AfterEach
    void tearDown() {
        if (core != null) {
            core.close();
        }
    }

    static Path copyConfig(Path dir) throws Exception {
        Path src = Path.of("kiosk-config");
        Path dst = dir.resolve("kiosk-config");
        try (var walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dst.resolve("counter.yaml");
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitScreen(CounterScreen s) throws Exception {
        await(() -> flow.current().screen() == s);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Labeled.class).getText();
    }

    @Test
    void aCashierSellsWithChangeAndClosesTheShift(FxRobot robot) throws Exception {
        awaitScreen(CounterScreen.LOGIN);
        shoot(robot, "counter-login");
        robot.clickOn("#counter-cashier-anna");
        awaitScreen(CounterScreen.PIN);
        robot.clickOn("#counter-key-2").clickOn("#counter-key-4").clickOn("#counter-key-6").clickOn("#counter-key-8")
                .clickOn("#counter-key-0").clickOn("#counter-key-1");
        assertThat(text(robot, "counter-pin-dots")).isEqualTo("••••••");
        shoot(robot, "counter-pin");
        robot.clickOn("#counter-enter");
        awaitScreen(CounterScreen.SHIFT);
        shoot(robot, "counter-shift");
        robot.clickOn("#counter-open-shift");
        awaitScreen(CounterScreen.NUMBER);
        robot.write("9261234567");
        await(() -> flow.current().digits().length() == 10);
        assertThat(text(robot, "counter-number")).isEqualTo("+7 (926) 123-45-67");
        shoot(robot, "counter-number");
        robot.clickOn("#counter-check");
        awaitScreen(CounterScreen.AMOUNT);
        robot.clickOn("#counter-key-5").clickOn("#counter-key-0").clickOn("#counter-key-0");
        await(() -> flow.current().digits().equals("500"));
        shoot(robot, "counter-amount");
        robot.clickOn("#counter-next");
        awaitScreen(CounterScreen.RECEIVED);
        robot.write("100");
        await(() -> flow.current().digits().equals("100"));
        robot.clickOn("#counter-take-cash");
        await(() -> flow.current().message() != null);
        assertThat(text(robot, "counter-message")).contains("510,20").contains("410,20");
        robot.write("0");
        await(() -> flow.current().digits().equals("1000"));
        assertThat(text(robot, "counter-change-preview")).contains("489,80");
        shoot(robot, "counter-received");
        robot.clickOn("#counter-take-cash");
        await(() -> flow.current().screen() == CounterScreen.DONE
                && flow.current().receipt() == FlowSnapshot.ReceiptState.PRINTED);
        assertThat(text(robot, "counter-change")).contains("489,80");
        shoot(robot, "counter-done");
        assertThat(core.printerEmulator().drawerKicks()).isEqualTo(1);
        assertThat(core.journal().ordersByStatus(OrderStatus.CONFIRMED)).hasSize(1);
        robot.clickOn("#counter-new-sale");
        awaitScreen(CounterScreen.NUMBER);
        robot.clickOn("#counter-x");
        await(() -> flow.current().report() == CounterSnapshot.ReportState.X_PRINTED);
        robot.clickOn("#counter-close-shift");
        awaitScreen(CounterScreen.CLOSE_SHIFT);
        shoot(robot, "counter-close");
        robot.clickOn("#counter-close-confirm");
        await(() -> flow.current().report() == CounterSnapshot.ReportState.Z_PRINTED);
        assertThat(core.journal().counter().latestShift().orElseThrow().open()).isFalse();
        assertThat(core.journal().counter().latestShift().orElseThrow().drawer()).isEqualTo(Money.rubMinor(51020));
        assertThat(core.journal().verify().ok()).isTrue();
    }

    /** The current screen in ru, en and zh (the flow's language), checked for cut text and raw keys. */
    private void shoot(FxRobot robot, String name) throws Exception {
        Files.createDirectories(SHOTS);
        List<String> problems = new ArrayList<>();
        Lang before = flow.current().lang();
        for (Lang lang : Lang.values()) {
            flow.submit(new CounterCommand.SetLanguage(lang));
            await(() -> flow.current().lang() == lang);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                view.applyCss();
                view.layout();
                problems.addAll(cutText(view, name + "-" + lang.code()));
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(view.snapshot(new SnapshotParameters(), null), null), "png",
                            SHOTS.resolve(name + "-" + lang.code() + ".png").toFile());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        flow.submit(new CounterCommand.SetLanguage(before));
        await(() -> flow.current().lang() == before);
        assertThat(problems).isEmpty();
    }

    private static List<String> cutText(Parent root, String name) {
        List<String> out = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        for (Node n : nodes) {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                if (l.getText().matches("(counter|ui)(\\.[a-z_]+)+")) {
                    out.add(name + ": raw key " + l.getText());
                }
                Text shown = (Text) l.lookup(".text");
                if (shown != null && !shown.getText().replace("\n", " ").equals(l.getText().replace("\n", " "))
                        && shown.getText().contains("…")) {
                    out.add(name + ": cut '" + l.getText() + "' shown as '" + shown.getText() + "'");
                }
            }
        }
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

    @Test
    void theWindowCannotBeClosedAndTheServiceMenuOpensFromTheLoginScreen(FxRobot robot) throws Exception {
        Path pinFile = dir.resolve("service.pin");
        ServiceCommandAccess.writePin(pinFile, "258046");
        AtomicInteger exits = new AtomicInteger();
        ServicePin pin = new ServicePin(Optional.of(pinFile), core.journal().pinGates(), Clock.systemUTC());
        ServiceConsole console = new ServiceConsole(
                new ServiceConsole.Parts(pin, core.journal(), () -> { }, List.of(), core.desk(),
                        c -> { }, exits::incrementAndGet), core.deviceTests());
        Stage[] window = new Stage[1];
        robot.interact(() -> {
            ServiceView service = new ServiceView(new ConsoleServiceDesk(console),
                    new Messages(), Lang.EN, FlowUiAdapter.fxThread());
            window[0] = new Stage();
            CounterWindow.install(window[0], flow, new Messages(), service);
            window[0].show();
        });
        awaitScreen(CounterScreen.LOGIN);
        robot.interact(() -> window[0].fireEvent(new WindowEvent(window[0],
                WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window[0].isShowing()).as("closing needs the service menu").isTrue();
        // Looked up in this window only: the test's primary stage shows a counter view with its own (inert) button.
        Node root = window[0].getScene().getRoot();
        robot.interact(() -> robot.from(root).lookup("#counter-service").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(root).lookup("#service-pin-1").queryButton().isVisible()).isTrue();
        assertThat(console.deviceTests()).containsExactly("printer");
        robot.interact(() -> window[0].hide());
        console.close();
    }

    @Test
    void everyCounterKeyExistsInEveryLanguage() {
        Messages m = new Messages();
        for (String key : CounterKeys.all()) {
            for (Lang l : Lang.values()) {
                assertThat(m.get(l, key, "x", "y")).as(key + " in " + l).doesNotStartWith("counter.ui");
            }
        }
    }

}
