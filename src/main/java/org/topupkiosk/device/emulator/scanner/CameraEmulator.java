package org.topupkiosk.device.emulator.scanner;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.topupkiosk.device.emulator.scanner.CameraScene.Shot;
import org.topupkiosk.device.scanner.FramePacer;
import org.topupkiosk.device.scanner.FrameSource;
import org.topupkiosk.domain.Symbology;

/**
 * A camera in front of the counter: {@code fps} frames a second of the empty counter, and for {@code showMs} after a
 * scan, the code held up in them, a little turned and noisy, moving slightly from frame to frame like a hand.
 * The code is drawn with ZXing's writers ({@link CodeRenderer}); the real decode path reads it back.
 */
public final class CameraEmulator implements FrameSource, CodeFeeder {

    private final FramePacer pacer;
    private final long showMs;
    private final BufferedImage empty = CameraScene.empty(7);
    private long seed = 1;
    private volatile BufferedImage shown;
    private volatile long shownUntilNanos;

    public CameraEmulator(int fps, long showMs) {
        this.pacer = new FramePacer(1000L / Math.max(1, fps));
        this.showMs = showMs;
    }

    @Override
    public void scan(String text, Symbology symbology) {
        show(CodeRenderer.render(text, symbology, symbology == Symbology.QR_CODE ? 6 : 3));
    }

    /** Holds this code image up to the camera for {@code showMs}. */
    public void show(BufferedImage code) {
        shown = code;
        shownUntilNanos = System.nanoTime() + showMs * 1_000_000L;
    }

    @Override
    public Optional<BufferedImage> next(long timeoutMs) {
        if (!pacer.awaitNext(timeoutMs)) {
            return Optional.empty();
        }
        BufferedImage code = shown;
        if (code == null || System.nanoTime() > shownUntilNanos) {
            return Optional.of(empty);
        }
        long s = seed++;
        double jitter = (s % 7) - 3; // a hand is never still
        Shot shot = Shot.plain().rotated(jitter * 2).noisy(6).at(0.5 + jitter / 200, 0.5 - jitter / 300);
        return Optional.of(CameraScene.compose(code, shot, s));
    }


    @Override
    public String name() {
        return "camera-emulator";
    }

    @Override
    public void close() {
        shown = null;
    }
}
