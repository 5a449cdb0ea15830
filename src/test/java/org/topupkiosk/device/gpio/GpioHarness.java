package org.topupkiosk.device.gpio;

import com.pi4j.Pi4J;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link KioskGpio} on Pi4J's mock provider (what runs on the Pi, minus gpiod) with a manual clock, its switches
 * (driving Pi4J's {@link MockDigitalInput}) and what it reported.
 */
public final class GpioHarness implements AutoCloseable {

    public final ManualGpioScheduler clock = new ManualGpioScheduler();
    public final List<CabinetEvent> events = new ArrayList<>();
    public final List<String> audits = new ArrayList<>();
    public final GpioSettings cfg;
    public final KioskGpio gpio;
    public final CabinetSimulator cabinet;

    public GpioHarness(GpioSettings cfg) {
        this.cfg = cfg;
        Pi4jPins pins = new Pi4jPins(Pi4J.newContextBuilder().noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build(),
                MockDigitalInputProvider.ID, MockDigitalOutputProvider.ID);
        this.gpio = GpioStartup.open(pins, new GpioStartup.Decision(GpioStartup.Kind.SIMULATED, "test"), cfg, clock,
                (kind, json) -> audits.add(kind + " " + json));
        this.cabinet = new CabinetSimulator((bcm, high) -> ((MockDigitalInput) pins.digitalInput(bcm))
                .mockState(high ? DigitalState.HIGH : DigitalState.LOW), cfg);
        cabinet.normal();
        gpio.addListener(events::add);
    }

    public GpioHarness() {
        this(GpioSettings.DEFAULTS);
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
