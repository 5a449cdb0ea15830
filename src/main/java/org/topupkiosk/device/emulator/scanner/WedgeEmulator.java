package org.topupkiosk.device.emulator.scanner;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.topupkiosk.domain.Symbology;

/**
 * A keyboard-wedge scanner, or a person, typing into the kiosk's window: key-down, typed and key-up events for each
 * character, posted to the FX thread with real pauses between keys, at the node that has the focus, as the OS
 * keyboard would deliver them. A scan types its text and suffix at scanner speed ({@code scanKeyGapMs}; 0 posts the
 * burst back to back).
 */
public final class WedgeEmulator implements CodeFeeder {

    private final Supplier<Scene> scene;
    private final String suffix;
    private final long scanKeyGapMs;

    /** @param suffix what the scanner types after a code: "\r" (Enter), "\t" or "" */
    public WedgeEmulator(Supplier<Scene> scene, String suffix, long scanKeyGapMs) {
        this.scene = scene;
        this.suffix = suffix;
        this.scanKeyGapMs = scanKeyGapMs;
    }

    @Override
    public void scan(String text, Symbology symbology) {
        type(text + suffix, scanKeyGapMs);
    }

    /**
     * Types {@code text} with {@code keyGapMs} between keys, from a background thread; completes after the last key.
     * A gap of 0 posts every key at once, back to back: a scanner's burst as the window receives it when the OS hands
     * over its queued key events together, and immune to this thread being descheduled on a loaded machine.
     */
    public CompletableFuture<Void> type(String text, long keyGapMs) {
        if (keyGapMs <= 0) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                Platform.runLater(() -> key(c));
            }
            Platform.runLater(() -> done.complete(null));
            return done;
        }
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                Platform.runLater(() -> key(c));
                if (i < text.length() - 1) {
                    try {
                        Thread.sleep(keyGapMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }

    private void key(char c) {
        Scene s = scene.get();
        if (s == null) {
            return;
        }
        Node focus = s.getFocusOwner();
        EventTarget target = focus != null ? focus : s.getRoot();
        KeyCode code = codeOf(c);
        boolean shift = Character.isUpperCase(c);
        String text = c == '\r' || c == '\t' ? "" : String.valueOf(c);
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, text, code, shift, false,
                false, false));
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, shift,
                false, false, false));
        Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, text, code, shift, false,
                false, false));
    }

    static KeyCode codeOf(char c) {
        if (c == '\r' || c == '\n') {
            return KeyCode.ENTER;
        } else if (c == '\t') {
            return KeyCode.TAB;
        } else if (c == ' ') {
            return KeyCode.SPACE;
        }
        KeyCode k = KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)));
        return k == null ? KeyCode.UNDEFINED : k;
    }
}
