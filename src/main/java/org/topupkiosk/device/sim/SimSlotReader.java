package org.topupkiosk.device.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.DeviceLifecycle;
import org.topupkiosk.device.DeviceThreads;
import org.topupkiosk.device.sim.SimException.Code;

/**
 * {@link SimCardReader} over a {@link CardSlot}: one watcher thread waits for the card to come and go (short timed
 * waits, so {@link #close()} stops it promptly), and each read runs on its own daemon thread with a deadline
 * ({@link TimedCardRead}). A mute
 * card can hold a native transmit forever; the watcher does not wait for it: it reports MUTE, drops the connection
 * and goes on watching, and the stuck thread ends when the card is pulled.
 */
public final class SimSlotReader implements SimCardReader {

    private static final Logger log = LoggerFactory.getLogger(SimSlotReader.class);
    /** How long one wait for a change may block: the watcher's reaction time to close(). */
    private static final long WAIT_SLICE_MS = 250;
    /** Repeated "no pcscd"/"no reader" problems are logged once per this period. */
    private static final long LOG_THROTTLE_MS = 60_000;
    /** readNow() waits at most this long for a card that is on its way in (pcscd polls its readers). */
    private static final long READ_NOW_PRESENCE_MS = 3_000;

    private final CardSlot slot;
    private final Duration readTimeout;
    private final DeviceLifecycle life;
    private final TimedCardRead reads;
    private final Object lock = new Object();
    private volatile Listener listener = e -> { };
    private volatile Thread watcher;
    private volatile boolean running;
    private volatile boolean present;
    private volatile boolean wantRead;
    /** The card in the slot has had its read attempt since it went in (or since the last enable()). */
    private volatile boolean cardTried;
    private volatile DeviceHealth health;
    private volatile String name;
    /** The code of the slot failure the watcher is stuck on (NO_PCSC, NO_READER...), null while the slot answers. */
    private volatile Code problem;
    private long lastProblemLogMs;

    public SimSlotReader(CardSlot slot, Duration readTimeout) {
        this.slot = Objects.requireNonNull(slot, "slot");
        if (readTimeout == null || readTimeout.isZero() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("readTimeout must be positive, got " + readTimeout);
        }
        this.readTimeout = readTimeout;
        this.reads = new TimedCardRead(slot);
        this.life = new DeviceLifecycle("sim reader");
        this.name = "sim reader";
        this.health = new DeviceHealth(name, DeviceHealth.State.OFFLINE, "not started");
    }

    @Override
    public void start(Listener l) {
        synchronized (lock) {
            if (running) {
                throw new IllegalStateException("already started");
            }
            listener = Objects.requireNonNull(l, "listener");
            life.openAndClaim();
            running = true;
            watcher = DeviceThreads.startDaemon("sim-watch", this::watch);
        }
    }

    @Override
    public void enable() throws DeviceException {
        life.enable();
        cardTried = false;
        wantRead = true;
    }

    @Override
    public void disable() throws DeviceException {
        wantRead = false;
        life.disable();
    }

    @Override
    public SimIdentity readNow(Duration timeout) throws SimException {
        if (!slot.waitForPresent(Math.min(timeout.toMillis(), READ_NOW_PRESENCE_MS))) {
            throw new SimException(Code.NO_CARD, "no card in " + slot.name());
        }
        return reads.read(timeout);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeviceHealth checkHealth() {
        return health;
    }

    @Override
    public Optional<Code> unavailable() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            running = false;
            t = watcher;
            watcher = null;
        }
        DeviceThreads.stop(t, 2_000);
        slot.disconnect();
        reads.shutdown();
        life.close();
    }

    private void watch() {
        while (running) {
            try {
                Thread.interrupted();
                name = slot.name();
                if (!present) {
                    if (slot.waitForPresent(WAIT_SLICE_MS)) {
                        present = true;
                        cardTried = false;
                        fine("card present");
                        emit(new SimEvent.Inserted(name));
                        readIfArmed();
                    } else {
                        fine("slot empty");
                    }
                } else {
                    if (!cardTried) {
                        readIfArmed();
                    }
                    if (slot.waitForAbsent(WAIT_SLICE_MS)) {
                        present = false;
                        slot.disconnect();
                        fine("slot empty");
                        emit(new SimEvent.Removed(name));
                    }
                }
            } catch (SimException e) {
                unhealthy(e);
                pause();
            } catch (RuntimeException e) {
                log.error("sim reader watcher failed; going on", e);
                pause();
            }
        }
    }

    private void readIfArmed() {
        if (!wantRead || !life.isEnabled() || !running) {
            return;
        }
        cardTried = true;
        try {
            SimIdentity id = reads.read(readTimeout);
            wantRead = false;
            log.info("sim read reader=\"{}\" kind={} iccid={} imsi={} number={} hint={}", name, id.kind(), id.maskedIccid(),
                    id.maskedImsi(), id.storedNumber().isPresent() ? "stored" : "not-stored",
                    id.operatorHint().orElse("-"));
            emit(new SimEvent.Read(name, id));
        } catch (SimException e) {
            log.info("sim read failed reader=\"{}\" code={} detail={}", name, e.code(), e.getMessage());
            // Still armed, but the same card is not retried in a loop: the customer pulls it and tries again.
            emit(new SimEvent.ReadFailed(name, e));
        }
    }

    private void fine(String state) {
        problem = null;
        health = new DeviceHealth(name, DeviceHealth.State.OK, state);
        life.power(DeviceLifecycle.Power.ONLINE);
    }

    private void unhealthy(SimException e) {
        problem = e.code();
        health = new DeviceHealth(name, DeviceHealth.State.OFFLINE, e.getMessage());
        life.power(DeviceLifecycle.Power.OFFLINE);
        long now = System.currentTimeMillis();
        if (now - lastProblemLogMs > LOG_THROTTLE_MS) {
            lastProblemLogMs = now;
            log.warn("sim reader unavailable code={} detail={}", e.code(), e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            // close() or enable() woke us: the loop condition decides.
        }
    }

    private void emit(SimEvent e) {
        try {
            listener.onSimEvent(e);
        } catch (RuntimeException ex) {
            log.error("sim listener failed on {}", e, ex);
        }
    }
}
