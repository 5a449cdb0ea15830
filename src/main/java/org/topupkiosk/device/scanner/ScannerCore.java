package org.topupkiosk.device.scanner;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.DeviceLifecycle;

/**
 * What every scanner driver shares: the device lifecycle, the arm/disarm gate (one reading per arm), and the
 * same-code guard. The guard matters for a camera, which sees the voucher in every frame: after a delivery, the same
 * text is ignored while it keeps being seen, and until it has been out of sight for {@code sameCodeQuietMs}; so the
 * flow re-arming while the customer still holds the voucher up does not read it twice. A different code goes through
 * at once.
 */
public abstract class ScannerCore implements CodeScanner {

    private static final Logger log = LoggerFactory.getLogger(ScannerCore.class);

    protected final DeviceLifecycle life;
    private final long sameCodeQuietNanos;
    private final LongSupplier nanoClock;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Consumer<ScanReading> listener;
    private String lastText;
    private long lastSeenNanos;

    protected ScannerCore(String device, long sameCodeQuietMs, LongSupplier nanoClock) {
        this.life = new DeviceLifecycle(device);
        this.sameCodeQuietNanos = sameCodeQuietMs * 1_000_000L;
        this.nanoClock = nanoClock;
    }

    /** Starts the hardware side (threads, ports); called once the lifecycle is enabled. */
    protected abstract void startDevice();

    /** Stops threads and closes ports. */
    protected abstract void stopDevice();

    /** The health when the lifecycle is fine; e.g. offline when the port is gone. */
    protected abstract DeviceHealth deviceHealth(String counters);

    @Override
    public void setListener(Consumer<ScanReading> l) {
        this.listener = l;
    }

    @Override
    public synchronized void start() {
        if (life.step() != DeviceLifecycle.Step.CLOSED) {
            throw new IllegalStateException(life.device() + " already started");
        }
        life.open();
        try {
            life.claim();
            life.enable();
        } catch (DeviceException e) {
            throw new IllegalStateException(e);
        }
        startDevice();
    }

    @Override
    public void arm() {
        armed.set(true);
    }

    @Override
    public void disarm() {
        armed.set(false);
    }

    @Override
    public boolean isArmed() {
        return armed.get();
    }

    /**
     * A driver hands every complete reading here, from its own thread. Delivered when enabled, armed and not a repeat
     * of the last delivered code still in sight; the gate closes in the same step, so two threads cannot both deliver.
     *
     * @return true when delivered
     */
    protected final boolean offer(ScanReading r) {
        if (!life.isEnabled()) {
            return false;
        }
        long now = nanoClock.getAsLong();
        synchronized (this) {
            boolean repeat = r.text().equals(lastText) && now - lastSeenNanos < sameCodeQuietNanos;
            if (r.text().equals(lastText)) {
                lastSeenNanos = now; // still in sight: the quiet period starts again
            }
            if (repeat || !armed.compareAndSet(true, false)) {
                dropped.incrementAndGet();
                log.debug("scanner={} reading dropped ({}): {}", life.device(), repeat ? "same code" : "disarmed", r);
                return false;
            }
            lastText = r.text();
            lastSeenNanos = now;
        }
        delivered.incrementAndGet();
        log.info("scanner={} reading {}", life.device(), r);
        Consumer<ScanReading> l = listener;
        if (l != null) {
            l.accept(r);
        }
        return true;
    }

    public long deliveredCount() {
        return delivered.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    @Override
    public DeviceHealth checkHealth() {
        if (!life.isEnabled()) {
            return new DeviceHealth(life.device(), DeviceHealth.State.OFFLINE, life.device() + " is "
                    + life.step().name().toLowerCase(Locale.ROOT));
        }
        return deviceHealth("delivered=" + delivered.get() + " dropped=" + dropped.get());
    }

    @Override
    public synchronized void close() {
        armed.set(false);
        if (life.step() != DeviceLifecycle.Step.CLOSED) {
            stopDevice();
        }
        life.release();
        life.close();
    }
}
