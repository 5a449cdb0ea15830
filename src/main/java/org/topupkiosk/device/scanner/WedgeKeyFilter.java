package org.topupkiosk.device.scanner;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.topupkiosk.device.scanner.WedgeClassifier.Drop;
import org.topupkiosk.device.scanner.WedgeClassifier.Outcome;
import org.topupkiosk.device.scanner.WedgeClassifier.Release;
import org.topupkiosk.device.scanner.WedgeClassifier.Scan;

/**
 * A key event filter on the whole {@link Scene} that keeps keyboard-wedge scans out of the screen. Every key that may
 * type something is taken (consumed) before any control sees it and held while {@link WedgeClassifier} decides; a scan
 * is swallowed whole, Enter included, so it never reaches a focused text field or fires its action; typing is handed
 * back by firing the held events again, in their order, at the node that has the focus then. A person's first key is
 * held for at most the key gap (35 ms by default), which nobody notices; with a prefix configured, keys that do not
 * start with it are not held at all.
 *
 * <p>FX thread only. Shortcuts (Ctrl, Alt, Meta) and keys that type nothing (arrows, F-keys) pass untouched unless a
 * burst is being held, when they wait their turn so the order stays right.
 */
public final class WedgeKeyFilter implements EventHandler<KeyEvent> {

    private static final Set<KeyCode> TYPING_KEYS = EnumSet.of(KeyCode.ENTER, KeyCode.TAB, KeyCode.SPACE,
            KeyCode.UNDEFINED);

    private final WedgeClassifier classifier;
    private final Consumer<String> onScan;
    private final LongSupplier nanoClock;
    private final List<KeyEvent> raw = new ArrayList<>();
    private final List<Integer> typedAt = new ArrayList<>();
    private final Set<KeyCode> swallowReleased = EnumSet.noneOf(KeyCode.class);
    private PauseTransition quiet; // made on the FX thread in install(): an animation needs the toolkit
    private Scene scene;
    private boolean replaying;
    private volatile long scans;
    private volatile long released;

    public WedgeKeyFilter(WedgeClassifier.Settings settings, Consumer<String> onScan, LongSupplier nanoClock) {
        this.classifier = new WedgeClassifier(settings);
        this.onScan = onScan;
        this.nanoClock = nanoClock;
    }

    public void install(Scene s) {
        uninstall();
        scene = s;
        if (quiet == null) {
            quiet = new PauseTransition();
            quiet.setOnFinished(e -> onQuiet());
        }
        s.addEventFilter(KeyEvent.ANY, this);
        // Load and compile the timer path now: a first key that took 50 ms to handle would split the first burst.
        quiet.setDuration(Duration.millis(1));
        quiet.playFromStart();
        quiet.stop();
    }

    public void uninstall() {
        if (scene != null) {
            flushAll();
            scene.removeEventFilter(KeyEvent.ANY, this);
            scene = null;
        }
    }

    /** Scans recognized and characters handed back as typing, for the health line and tests. */
    public long scanCount() {
        return scans;
    }

    public long releasedCount() {
        return released;
    }

    @Override
    public void handle(KeyEvent e) {
        if (replaying) {
            return;
        }
        if (e.getEventType() == KeyEvent.KEY_TYPED) {
            typed(e);
        } else if (e.getEventType() == KeyEvent.KEY_RELEASED && swallowReleased.remove(e.getCode())) {
            e.consume(); // the key-up of a key whose key-down belonged to a swallowed scan
        } else if (!raw.isEmpty() || (e.getEventType() == KeyEvent.KEY_PRESSED && mayType(e))) {
            e.consume();
            raw.add(copy(e));
            restartQuiet();
        }
    }

    private void typed(KeyEvent e) {
        String ch = e.getCharacter();
        if (ch.length() != 1 || ch.equals(KeyEvent.CHAR_UNDEFINED) || e.isControlDown() || e.isAltDown()
                || e.isMetaDown()) {
            if (!raw.isEmpty()) { // an input method's composed text or a shortcut: typing, after what is held
                e.consume();
                raw.add(copy(e));
                flushAll();
            }
            return;
        }
        e.consume();
        long now = nanoClock.getAsLong();
        apply(classifier.idle(now));
        raw.add(copy(e));
        typedAt.add(raw.size() - 1);
        apply(classifier.key(ch.charAt(0), now));
        restartQuiet();
    }

    private void apply(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o instanceof Release r) {
                release(r.count());
            } else if (o instanceof Scan s) {
                swallow(raw.size());
                typedAt.clear();
                scans++;
                onScan.accept(s.text());
            } else if (o instanceof Drop) {
                raw.remove(raw.size() - 1); // the character itself (added just before asking)
                typedAt.remove(typedAt.size() - 1);
                int previous = typedAt.isEmpty() ? -1 : typedAt.get(typedAt.size() - 1);
                swallow(raw.size() - (previous + 1)); // and its key-down, after the last character still held
            }
        }
    }

    /** Hands back the events up to and including the {@code count}-th held character. */
    private void release(int count) {
        int upTo = typedAt.get(count - 1);
        List<KeyEvent> out = new ArrayList<>(raw.subList(0, upTo + 1));
        raw.subList(0, upTo + 1).clear();
        List<Integer> rest = new ArrayList<>();
        for (int i = count; i < typedAt.size(); i++) {
            rest.add(typedAt.get(i) - (upTo + 1));
        }
        typedAt.clear();
        typedAt.addAll(rest);
        released += count;
        replay(out);
    }

    /** Drops the last {@code n} raw events (those of a scan, or of its trailing LF), keeping key-ups out too. */
    private void swallow(int n) {
        int from = Math.max(0, raw.size() - n);
        for (KeyEvent k : raw.subList(from, raw.size())) {
            if (k.getEventType() == KeyEvent.KEY_PRESSED) {
                swallowReleased.add(k.getCode());
            } else if (k.getEventType() == KeyEvent.KEY_RELEASED) {
                swallowReleased.remove(k.getCode());
            }
        }
        raw.subList(from, raw.size()).clear();
    }

    private void onQuiet() {
        apply(classifier.idle(nanoClock.getAsLong()));
        if (classifier.heldCount() == 0) {
            flushAll();
        } else {
            restartQuiet();
        }
    }

    private void flushAll() {
        quiet.stop();
        if (classifier.heldCount() > 0) {
            apply(classifier.idle(Long.MAX_VALUE / 2));
        }
        List<KeyEvent> out = new ArrayList<>(raw);
        raw.clear();
        typedAt.clear();
        replay(out);
    }

    private void restartQuiet() {
        if (raw.isEmpty()) {
            quiet.stop();
            return;
        }
        long leftNanos = classifier.heldCount() > 0 ? classifier.quietAtNanos() - nanoClock.getAsLong() : 0;
        long gapMs = Math.max(1, leftNanos / 1_000_000L + 1);
        quiet.stop();
        quiet.setDuration(Duration.millis(Math.max(gapMs, classifier.heldCount() > 0 ? 1 : 40)));
        quiet.playFromStart();
    }

    private void replay(List<KeyEvent> events) {
        if (events.isEmpty() || scene == null) {
            return;
        }
        replaying = true;
        try {
            for (KeyEvent k : events) {
                Node focus = scene.getFocusOwner();
                EventTarget target = focus != null ? focus : scene.getRoot();
                Event.fireEvent(target, k.copyFor(target, target));
            }
        } finally {
            replaying = false;
        }
    }

    private static KeyEvent copy(KeyEvent e) {
        return new KeyEvent(e.getEventType(), e.getCharacter(), e.getText(), e.getCode(), e.isShiftDown(),
                e.isControlDown(), e.isAltDown(), e.isMetaDown());
    }

    private static boolean mayType(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return false;
        }
        KeyCode c = e.getCode();
        return c.isLetterKey() || c.isDigitKey() || c.isKeypadKey() || TYPING_KEYS.contains(c) || !e.getText().isEmpty();
    }
}
