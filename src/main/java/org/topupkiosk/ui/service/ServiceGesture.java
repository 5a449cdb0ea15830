package org.topupkiosk.ui.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import javafx.geometry.Pos;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The hidden way in: five taps within three seconds on the top-left corner of the kiosk frame. The target is an
 * invisible 96 px square (over the top bar's title, which does nothing when tapped), so a customer does not find it
 * by accident and a technician finds it without looking.
 */
public final class ServiceGesture {

    public static final int TAPS = 5;
    public static final Duration WINDOW = Duration.ofSeconds(3);
    public static final double TARGET_PX = 96;

    private final Deque<Long> taps = new ArrayDeque<>();
    private final LongSupplier nanoClock;

    public ServiceGesture(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Counts one tap; true when it completes the gesture (the count then starts again). */
    public boolean tap() {
        long now = nanoClock.getAsLong();
        while (!taps.isEmpty() && now - taps.peekFirst() > WINDOW.toNanos()) {
            taps.removeFirst();
        }
        taps.addLast(now);
        if (taps.size() >= TAPS) {
            taps.clear();
            return true;
        }
        return false;
    }

    /** The invisible corner target for a {@link StackPane} frame; {@code onGesture} runs on the FX thread. */
    public static Region target(Runnable onGesture) {
        ServiceGesture gesture = new ServiceGesture(System::nanoTime);
        Region corner = new Region();
        corner.setId("service-corner");
        corner.getStyleClass().add("service-corner");
        corner.setPickOnBounds(true);
        corner.setMinSize(TARGET_PX, TARGET_PX);
        corner.setPrefSize(TARGET_PX, TARGET_PX);
        corner.setMaxSize(TARGET_PX, TARGET_PX);
        StackPane.setAlignment(corner, Pos.TOP_LEFT);
        corner.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            e.consume();
            if (gesture.tap()) {
                onGesture.run();
            }
        });
        return corner;
    }
}
