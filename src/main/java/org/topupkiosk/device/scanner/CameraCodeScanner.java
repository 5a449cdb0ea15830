package org.topupkiosk.device.scanner;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.DeviceLifecycle;
import org.topupkiosk.device.DeviceThreads;

/**
 * A camera as a code scanner. A grabber thread takes frames from the {@link FrameSource} at the camera's pace; one
 * decode worker runs ZXing ({@link CodeDecoder}, restricted to the configured formats and region); a frame that
 * arrives while the worker is busy is dropped, never queued, so a slow decode costs frames, not latency. Nothing runs
 * on the FX thread. The camera sees a held-up voucher in every frame: {@link ScannerCore}'s same-code guard makes that
 * one reading.
 */
public final class CameraCodeScanner extends ScannerCore {

    private static final Logger log = LoggerFactory.getLogger(CameraCodeScanner.class);

    private final FrameSource source;
    private final CodeDecoder decoder;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong droppedBusy = new AtomicLong();
    private final AtomicLong decodeNanos = new AtomicLong();
    private ExecutorService worker;
    private volatile Thread grabber;
    private volatile boolean running;
    private volatile String sourceError;

    public CameraCodeScanner(FrameSource source, CodeDecoder decoder, long sameCodeQuietMs) {
        super("scanner", sameCodeQuietMs, System::nanoTime);
        this.source = source;
        this.decoder = decoder;
    }

    @Override
    protected void startDevice() {
        running = true;
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scanner-decode");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // the flow and the bill acceptor come first on two cores
            return t;
        });
        grabber = DeviceThreads.startDaemon("scanner-camera", this::grab);
    }

    private void grab() {
        while (running) {
            Optional<BufferedImage> frame;
            try {
                frame = source.next(200);
                if (sourceError != null) {
                    log.info("camera {} is back", source.name());
                    sourceError = null;
                }
                life.power(DeviceLifecycle.Power.ONLINE);
            } catch (IOException e) {
                if (sourceError == null) {
                    log.error("camera {} failed: {}", source.name(), e.getMessage());
                }
                sourceError = e.getMessage();
                life.power(DeviceLifecycle.Power.OFFLINE);
                pause(1000);
                continue;
            } catch (RuntimeException e) {
                log.error("camera {}: unexpected error, going on", source.name(), e);
                pause(200);
                continue;
            }
            if (frame.isPresent()) {
                frames.incrementAndGet();
                submit(frame.get());
            }
        }
    }

    /** Hands the frame to the worker unless it is still busy with an earlier one. */
    void submit(BufferedImage frame) {
        if (!busy.compareAndSet(false, true)) {
            droppedBusy.incrementAndGet();
            return;
        }
        try {
            worker.execute(() -> {
                try {
                    long t0 = System.nanoTime();
                    Optional<CodeDecoder.Decoded> d = decoder.decode(CodeDecoder.grey(frame));
                    decodeNanos.set(System.nanoTime() - t0);
                    d.ifPresent(c -> offer(new ScanReading(c.text(), c.symbology(), ScanReading.Source.CAMERA)));
                } catch (RuntimeException e) {
                    log.warn("decode failed on a frame: {}", e.toString());
                } finally {
                    busy.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            busy.set(false); // closing
        }
    }

    private void pause(long ms) {
        if (!DeviceThreads.pause(ms)) {
            running = false;
        }
    }

    public long frameCount() {
        return frames.get();
    }

    /** Frames skipped because the decoder was still busy with an earlier one. */
    public long droppedBusyCount() {
        return droppedBusy.get();
    }

    @Override
    protected void stopDevice() {
        running = false;
        DeviceThreads.stop(grabber, 2000);
        if (worker != null) {
            worker.shutdownNow();
            try {
                worker.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        source.close();
    }

    @Override
    protected DeviceHealth deviceHealth(String counters) {
        String e = sourceError;
        if (e != null) {
            return new DeviceHealth("scanner", DeviceHealth.State.OFFLINE, source.name() + ": " + e);
        }
        return new DeviceHealth("scanner", DeviceHealth.State.OK, source.name() + " frames=" + frames.get()
                + " busy_dropped=" + droppedBusy.get() + " last_decode_ms=" + decodeNanos.get() / 1_000_000L
                + " " + counters);
    }
}
