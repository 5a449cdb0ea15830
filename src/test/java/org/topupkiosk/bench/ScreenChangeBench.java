package org.topupkiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.device.cash.PollSettings;
import org.topupkiosk.device.emulator.NoteFeeder;
import org.topupkiosk.domain.CrashPoints;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.ui.KioskView;

/**
 * Each screen change, from its event to the first frame that shows the new screen. The event is the customer's tap
 * (the command handed to the flow) when the change follows a tap, and the flow's new snapshot when it follows
 * something else (the carrier's answer, the receipt printed). "Shown" is the first post-layout pulse whose content
 * pane holds the new screen, in the real {@link KioskView} on headless JavaFX, with the real core (simulation config,
 * CCNET driver over the in-memory line, the carrier simulator on loopback). Prints name=value lines; budget 100 ms.
 *
 * <p>Each round is a cash top-up (operator tile, number, amount, note, confirm) and a balance check, languages
 * rotating. Arguments: rounds var-dir. Run with the Monocle headless properties (scripts/bench does).
 */
public final class ScreenChangeBench {

    private static final long BUDGET_MS = 100;
    private static final int WARMUP_CUSTOMERS = 2;

    /** What caused a change, waiting for the frame that shows it. Touched only under the lock. */
    private record Pending(Screen screen, long eventNanos, boolean tap) {}

    private final Object lock = new Object();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Map<Screen, List<Long>> byScreen = new EnumMap<>(Screen.class);
    private final List<Long> all = new ArrayList<>();
    private volatile long lastTapNanos;
    private volatile boolean tapConsumed = true;
    private volatile boolean recording;
    private Screen lastPublished;
    private Screen lastShown;

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "var/bench-screens"));
        new ScreenChangeBench().run(customers, dir);
        System.exit(0);
    }

    private void run(int customers, Path dir) throws Exception {
        Path configFile = Path.of("kiosk-config/kiosk.yaml");
        LoadedConfig loaded = ConfigLoader.load(configFile);
        KioskConfig c = loaded.config();
        KioskConfig changed = new KioskConfig(c.kiosk(), new KioskConfig.Journal(dir.resolve("journal.db")),
                c.carrier(), c.sales(), c.timeouts(), c.sync(), c.devices(), c.ui(), c.catalogFile(), c.numberingFile());
        CountDownLatch fx = new CountDownLatch(1);
        Platform.startup(fx::countDown);
        fx.await();
        try (KioskCore core = new KioskCore(new LoadedConfig(changed, loaded.catalog(), loaded.numbering()), configFile,
                new KioskCore.Options(null, CrashPoints.NONE, Clock.systemUTC(), PollSettings.DEFAULTS))) {
            core.flow().subscribe(this::published);
            CountDownLatch shown = new CountDownLatch(1);
            Platform.runLater(() -> {
                KioskView view = new KioskView(core.flow(), core.messages());
                Scene scene = new Scene(view, KioskView.DESIGN_WIDTH, KioskView.DESIGN_HEIGHT);
                scene.addPostLayoutPulseListener(() -> pulse(scene));
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                shown.countDown();
            });
            shown.await();
            core.start();
            waitFor(core, Screen.IDLE);
            Lang[] langs = {Lang.RU, Lang.EN, Lang.ZH};
            for (int i = 0; i < customers; i++) {
                recording = i >= WARMUP_CUSTOMERS;
                customer(core, langs[i % langs.length]);
                balanceCheck(core, langs[(i + 1) % langs.length]);
            }
            waitForFrames();
        }
        Platform.exit();
        report();
    }

    /** One cash top-up through every screen of the main path, in one language. */
    private void customer(KioskCore core, Lang lang) throws InterruptedException {
        NoteFeeder slot = core.billEmulator();
        tap(core, new FlowCommand.Start());
        waitFor(core, Screen.LANGUAGE);
        tap(core, new FlowCommand.SetLanguage(lang));
        waitFor(core, Screen.HOME);
        tap(core, new FlowCommand.ChooseService(Service.TOPUP));
        waitFor(core, Screen.OPERATOR_CHOICE);
        tap(core, new FlowCommand.ChooseOperator("mts"));
        waitFor(core, Screen.NUMBER_ENTRY);
        for (char ch : "9161234567".toCharArray()) {
            core.flow().submit(new FlowCommand.Digit(ch - '0'));
        }
        tap(core, new FlowCommand.Next());
        waitFor(core, Screen.OPERATOR_CONFIRM);
        tap(core, new FlowCommand.Next());
        waitFor(core, Screen.AMOUNT_ENTRY);
        for (char ch : "100".toCharArray()) {
            core.flow().submit(new FlowCommand.Digit(ch - '0'));
        }
        tap(core, new FlowCommand.Next());
        waitFor(core, Screen.CASH_INSERTION);
        slot.insert(Money.rub(100));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (core.flow().current().cashInserted().lessThan(Money.rub(100))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the note never reached the screen");
            }
            Thread.sleep(5);
        }
        tap(core, new FlowCommand.Pay());
        waitFor(core, Screen.CONFIRM);
        tap(core, new FlowCommand.Confirm());
        waitFor(core, Screen.DONE);
        tap(core, new FlowCommand.Finish());
        waitFor(core, Screen.IDLE);
    }

    /** Home, balance, the number, the carrier's answer, back to the start. */
    private void balanceCheck(KioskCore core, Lang lang) throws InterruptedException {
        tap(core, new FlowCommand.Start());
        waitFor(core, Screen.LANGUAGE);
        tap(core, new FlowCommand.SetLanguage(lang));
        waitFor(core, Screen.HOME);
        tap(core, new FlowCommand.ChooseService(Service.BALANCE));
        waitFor(core, Screen.NUMBER_ENTRY);
        for (char ch : "9031234567".toCharArray()) {
            core.flow().submit(new FlowCommand.Digit(ch - '0'));
        }
        tap(core, new FlowCommand.Next());
        waitFor(core, Screen.BALANCE_RESULT);
        tap(core, new FlowCommand.Finish());
        waitFor(core, Screen.IDLE);
    }

    private void tap(KioskCore core, FlowCommand command) {
        waitForFrames();
        lastTapNanos = System.nanoTime();
        tapConsumed = false;
        core.flow().submit(command);
    }

    /** Flow thread: a snapshot with a new screen is a change waiting to be shown. */
    private void published(FlowSnapshot s) {
        long now = System.nanoTime();
        synchronized (lock) {
            if (s.screen() == lastPublished) {
                return;
            }
            lastPublished = s.screen();
            boolean tap = !tapConsumed;
            tapConsumed = true;
            pending.add(new Pending(s.screen(), tap ? lastTapNanos : now, tap));
        }
    }

    /** FX thread, once per pulse after layout: which screen the content pane holds now. */
    private void pulse(Scene scene) {
        Screen screen = shownScreen(scene);
        long now = System.nanoTime();
        synchronized (lock) {
            if (screen == null || screen == lastShown) {
                return;
            }
            lastShown = screen;
            // Screens the flow passed through faster than one frame were never shown; they are not changes to time.
            while (!pending.isEmpty() && pending.peek().screen() != screen) {
                pending.poll();
            }
            Pending p = pending.poll();
            if (p != null && recording) {
                long latency = now - p.eventNanos();
                all.add(latency);
                byScreen.computeIfAbsent(screen, k -> new ArrayList<>()).add(latency);
            }
            lock.notifyAll();
        }
    }

    private static Screen shownScreen(Scene scene) {
        Node content = scene.lookup(".content");
        if (!(content instanceof Parent p) || p.getChildrenUnmodifiable().isEmpty()) {
            return null;
        }
        for (String style : p.getChildrenUnmodifiable().get(0).getStyleClass()) {
            if (style.startsWith("screen-")) {
                return Screen.valueOf(style.substring("screen-".length()).replace('-', '_').toUpperCase(Locale.ROOT));
            }
        }
        return null;
    }

    /** Until every published change has reached the screen, so one tap's frame is not timed against the next tap. */
    private void waitForFrames() {
        long deadline = System.currentTimeMillis() + 5_000;
        synchronized (lock) {
            while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
                try {
                    lock.wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            pending.clear();
        }
    }

    private static void waitFor(KioskCore core, Screen screen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (core.flow().current().screen() != screen) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited for " + screen + " but the flow is on "
                        + core.flow().current().screen());
            }
            Thread.sleep(2);
        }
    }

    private void report() {
        synchronized (lock) {
            long[] us = all.stream().mapToLong(n -> n / 1_000).sorted().toArray();
            if (us.length == 0) {
                throw new IllegalStateException("no screen change was timed");
            }
            System.out.println("screen_changes=" + us.length);
            System.out.printf(Locale.ROOT, "screen_change_p50_ms=%.1f%n", pct(us, 0.50));
            System.out.printf(Locale.ROOT, "screen_change_p95_ms=%.1f%n", pct(us, 0.95));
            System.out.printf(Locale.ROOT, "screen_change_p99_ms=%.1f%n", pct(us, 0.99));
            System.out.printf(Locale.ROOT, "screen_change_max_ms=%.1f%n", us[us.length - 1] / 1000.0);
            System.out.println("screen_change_within_budget=" + (pct(us, 0.99) <= BUDGET_MS));
            for (Map.Entry<Screen, List<Long>> e : byScreen.entrySet()) {
                long[] v = e.getValue().stream().mapToLong(n -> n / 1_000).sorted().toArray();
                System.out.printf(Locale.ROOT, "screen_change_to_%s_p50_ms=%.1f%n",
                        e.getKey().name().toLowerCase(Locale.ROOT), pct(v, 0.5));
            }
        }
    }

    private static double pct(long[] sortedMicros, double q) {
        int i = Math.min(sortedMicros.length - 1, Math.max(0, (int) Math.ceil(sortedMicros.length * q) - 1));
        return sortedMicros[i] / 1000.0;
    }
}
