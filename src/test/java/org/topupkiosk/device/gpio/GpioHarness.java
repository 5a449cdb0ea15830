package org.topupkiosk.device.gpio;

import java.util.ArrayList;
import java.util.List;
import org.topupkiosk.config.GpioConfig;

/** A {@link KioskGpio} on Pi4J's mock provider with a manual clock, its switches and what it reported. */
public final class GpioHarness implements AutoCloseable {

    public final ManualGpioScheduler clock = new ManualGpioScheduler();
    public final List<CabinetEvent> events = new ArrayList<>();
    public final List<String> audits = new ArrayList<>();
    public final GpioConfig cfg;
    public final KioskGpio gpio;
    public final CabinetSimulator cabinet;

    public GpioHarness(GpioConfig cfg) {
        this.cfg = cfg;
        this.gpio = GpioStartup.create(new GpioStartup.Decision(GpioStartup.Kind.SIMULATED, "test"), cfg, clock,
                (kind, json) -> audits.add(kind + " " + json));
        this.cabinet = new CabinetSimulator(gpio, cfg);
        cabinet.normal();
        gpio.addListener(events::add);
    }

    public GpioHarness() {
        this(GpioConfig.DEFAULTS);
    }

    /** claim and enable, then let the clock settle what the enable started. */
    public GpioHarness started() throws Exception {
        gpio.claim();
        gpio.enable();
        clock.runPending();
        return this;
    }

    @Override
    public void close() {
        gpio.close();
    }
}
