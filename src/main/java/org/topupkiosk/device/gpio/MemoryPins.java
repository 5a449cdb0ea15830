package org.topupkiosk.device.gpio;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pins held in memory for simulation mode: the device panel drives the inputs through {@link #drive}, as a switch
 * would. Used instead of Pi4J's mock provider because building a Pi4J context probes the board (about a second off a
 * Pi), which the simulation's cold start cannot afford; the tests run the same {@link KioskGpio} on Pi4J's mock.
 */
public final class MemoryPins implements GpioPins {

    private final Map<Integer, Pin> pins = new HashMap<>();

    private static final class Pin implements Input, Output {
        private volatile boolean high;
        private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

        @Override
        public boolean high() {
            return high;
        }

        @Override
        public void onEdge(Runnable listener) {
            listeners.add(listener);
        }

        @Override
        public void set(boolean level) {
            boolean changed = high != level;
            high = level;
            if (changed) {
                listeners.forEach(Runnable::run);
            }
        }
    }

    @Override
    public synchronized Input input(String id, GpioSettings.Input cfg) {
        return pins.computeIfAbsent(cfg.bcm(), b -> new Pin());
    }

    @Override
    public synchronized Output output(String id, GpioSettings.Output cfg) {
        Pin p = pins.computeIfAbsent(cfg.bcm(), b -> new Pin());
        p.set(cfg.activeLevel() == GpioSettings.Level.LOW);
        return p;
    }

    /** Puts a level on an input pin, as the switch wired to it would; listeners hear the edge at once. */
    public void drive(int bcm, boolean high) {
        Pin p;
        synchronized (this) {
            p = pins.get(bcm);
        }
        if (p == null) {
            throw new IllegalArgumentException("no pin GPIO" + bcm);
        }
        p.set(high);
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
    }
}
