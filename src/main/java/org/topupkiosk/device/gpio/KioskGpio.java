package org.topupkiosk.device.gpio;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.DeviceLifecycle;

/**
 * The cabinet's GPIO (Pi4J on the Pi, see {@link GpioPins}): door switch and cash-box switch in (debounced), status
 * light and relay out. Follows the device lifecycle: {@link #open()} creates the pins, {@link #enable()} starts
 * reporting {@link CabinetEvent}s. Pin edges and timers run on the {@link GpioScheduler}'s thread; listeners must hand
 * off quickly. Knows nothing of sessions or money: the flow decides what a door opening means.
 */
public final class KioskGpio implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskGpio.class);

    /** Where device actions are journaled (relay pulses): {@code kind} and a JSON object. */
    @FunctionalInterface
    public interface Audit {
        void record(String kind, String json);
    }

    /** One configured pin as it reads now, for {@code kioskctl gpio status} and the service screen. */
    public record PinReading(String role, int bcm, GpioSettings.Level level, String meaning) {
        public String line() {
            return String.format("%-8s pin=%-2d level=%-4s %s", role, bcm, level.code(), meaning);
        }
    }

    private final GpioPins pins;
    private final GpioSettings cfg;
    private final GpioScheduler scheduler;
    private final Audit audit;
    private final DeviceLifecycle life = new DeviceLifecycle("gpio");
    private final List<Consumer<CabinetEvent>> listeners = new CopyOnWriteArrayList<>();
    private DebouncedInput door;
    private DebouncedInput cashBox;
    private StatusLight light;
    private StatusLight.Pin relay;
    private boolean pulsing;

    /** @param pins where the pins come from; closed with this object */
    public KioskGpio(GpioPins pins, GpioSettings cfg, GpioScheduler scheduler, Audit audit) {
        this.pins = pins;
        this.cfg = cfg;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    // Lifecycle ------------------------------------------------------------------------------------------------------

    /** Creates the four pins. Outputs start inactive: light dark, relay released (the device keeps its power). */
    public synchronized void open() {
        if (life.step() != DeviceLifecycle.Step.CLOSED) {
            return;
        }
        GpioPins.Input doorPin = pins.input("door", cfg.door());
        GpioPins.Input cashBoxPin = pins.input("cash-box", cfg.cashBox());
        light = new StatusLight(new StatusLight.Pin(pins.output("light", cfg.light()), cfg.light().activeLevel()),
                cfg.blinkMs(), scheduler);
        relay = new StatusLight.Pin(pins.output("relay", cfg.relay()), cfg.relay().activeLevel());
        relay.set(false);
        door = new DebouncedInput(doorPin, cfg.door().activeLevel(), cfg.debounceMs(), scheduler,
                open -> publish(open ? new CabinetEvent.DoorOpened() : new CabinetEvent.DoorClosed()));
        cashBox = new DebouncedInput(cashBoxPin, cfg.cashBox().activeLevel(), cfg.debounceMs(), scheduler,
                in -> publish(in ? new CabinetEvent.CashBoxInserted() : new CabinetEvent.CashBoxRemoved()));
        life.open();
        log.info("gpio open door=GPIO{} cash_box=GPIO{} light=GPIO{} relay=GPIO{} debounce_ms={} provider={}",
                cfg.door().bcm(), cfg.cashBox().bcm(), cfg.light().bcm(), cfg.relay().bcm(), cfg.debounceMs(),
                pins.describe());
    }

    public void claim() throws DeviceException {
        life.claim();
    }

    /**
     * Starts reporting. A door already open or a cash box already out at this moment is reported at once, so a kiosk
     * that boots with its door open starts locked.
     */
    public synchronized void enable() throws DeviceException {
        if (life.isEnabled()) {
            return;
        }
        life.enable();
        life.power(DeviceLifecycle.Power.ONLINE);
        door.start();
        cashBox.start();
        if (door.active()) {
            publish(new CabinetEvent.DoorOpened());
        }
        if (!cashBox.active()) {
            publish(new CabinetEvent.CashBoxRemoved());
        }
    }

    /** open, claim, enable. */
    public void start() throws DeviceException {
        open();
        claim();
        enable();
    }

    // Queries --------------------------------------------------------------------------------------------------------

    public void addListener(Consumer<CabinetEvent> listener) {
        listeners.add(listener);
    }

    public boolean doorOpen() {
        return door != null && door.active();
    }

    public boolean cashBoxPresent() {
        return cashBox == null || cashBox.active();
    }

    /** The pins underneath (the simulation's device panel drives {@link MemoryPins}). */
    public GpioPins pins() {
        return pins;
    }

    public GpioSettings config() {
        return cfg;
    }

    public StatusLight light() {
        return light;
    }

    /** Every configured pin as it reads now (raw levels, not debounced: this is for a technician with a meter). */
    public synchronized List<PinReading> readings() {
        if (door == null) {
            return List.of();
        }
        return List.of(
                new PinReading("door", cfg.door().bcm(), door.level(), door.rawActive() ? "open" : "closed"),
                new PinReading("cash-box", cfg.cashBox().bcm(), cashBox.level(),
                        cashBox.rawActive() ? "present" : "removed"),
                new PinReading("light", cfg.light().bcm(), lightLevel(), light.lit() ? "on (" + light.mode()
                        .name().toLowerCase(Locale.ROOT) + ")" : "off"),
                new PinReading("relay", cfg.relay().bcm(), relay.level(), relay.active() ? "energised" : "released"));
    }

    private GpioSettings.Level lightLevel() {
        boolean high = light.lit() == (cfg.light().activeLevel() == GpioSettings.Level.HIGH);
        return high ? GpioSettings.Level.HIGH : GpioSettings.Level.LOW;
    }

    public DeviceHealth checkHealth() {
        if (!life.isEnabled()) {
            return new DeviceHealth("gpio", DeviceHealth.State.OFFLINE, "gpio is " + life.step().name()
                    .toLowerCase(Locale.ROOT));
        }
        String detail = "door " + (doorOpen() ? "open" : "closed") + ", cash box "
                + (cashBoxPresent() ? "present" : "removed");
        return new DeviceHealth("gpio", doorOpen() || !cashBoxPresent() ? DeviceHealth.State.DEGRADED
                : DeviceHealth.State.OK, detail);
    }

    // Commands -------------------------------------------------------------------------------------------------------

    /**
     * Cuts a hung device's power for {@code ms} through the relay, then restores it. Journaled before the relay moves.
     * A pulse while another runs is refused (the future completes false), so two pulses never overlap into one long one.
     */
    public CompletableFuture<Boolean> pulseRelay(long ms, String reason) throws DeviceException {
        life.require(DeviceLifecycle.Step.ENABLED);
        if (ms <= 0 || ms > 60_000) {
            throw new IllegalArgumentException("relay pulse must be 1..60000 ms, got " + ms);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        synchronized (this) {
            if (pulsing) {
                log.warn("relay pulse refused: one is running reason={}", reason);
                done.complete(false);
                return done;
            }
            pulsing = true;
        }
        audit.record("relay_pulse", "{\"pin\":" + cfg.relay().bcm() + ",\"ms\":" + ms + ",\"reason\":\""
                + reason.replaceAll("[^A-Za-z0-9_ .:-]", "_") + "\"}");
        log.warn("relay pulse pin=GPIO{} ms={} reason={}", cfg.relay().bcm(), ms, reason);
        relay.set(true);
        scheduler.schedule(() -> {
            synchronized (this) {
                relay.set(false);
                pulsing = false;
            }
            done.complete(true);
        }, ms);
        return done;
    }

    /** The configured default pulse ({@code gpio.relayPulseMs}). */
    public CompletableFuture<Boolean> pulseRelay(String reason) throws DeviceException {
        return pulseRelay(cfg.relayPulseMs(), reason);
    }

    // Internals ------------------------------------------------------------------------------------------------------

    private void publish(CabinetEvent event) {
        if (!life.isEnabled()) {
            return;
        }
        log.info("cabinet {}", CabinetEvent.kind(event));
        for (Consumer<CabinetEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.error("cabinet listener failed", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (life.step() == DeviceLifecycle.Step.CLOSED && door == null) {
            pins.close();
            return;
        }
        try {
            if (light != null) {
                light.set(StatusLight.Mode.OFF);
            }
            if (relay != null) {
                relay.set(false);
            }
        } catch (RuntimeException e) {
            log.warn("gpio outputs could not be reset on close", e);
        }
        life.release();
        life.close();
        pins.close();
        door = null;
    }
}
