package org.topupkiosk.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pins through a Pi4J 2 context and the named providers (gpiod on the Pi; Pi4J's mock provider in tests). */
public final class Pi4jPins implements GpioPins {

    private static final Logger log = LoggerFactory.getLogger(Pi4jPins.class);

    private final Context context;
    private final String inputProvider;
    private final String outputProvider;
    private final Map<Integer, DigitalInput> inputs = new HashMap<>();

    /** @param context closed with this object */
    public Pi4jPins(Context context, String inputProvider, String outputProvider) {
        this.context = context;
        this.inputProvider = inputProvider;
        this.outputProvider = outputProvider;
    }

    @Override
    public Input input(String id, GpioSettings.Input cfg) {
        PullResistance pull = switch (cfg.pull()) {
            case UP -> PullResistance.PULL_UP;
            case DOWN -> PullResistance.PULL_DOWN;
            default -> PullResistance.OFF;
        };
        DigitalInput in = context.create(DigitalInput.newConfigBuilder(context).id(id).name(id).address(cfg.bcm())
                .pull(pull).provider(inputProvider));
        synchronized (inputs) {
            inputs.put(cfg.bcm(), in);
        }
        return new Input() {
            @Override
            public boolean high() {
                return in.state() == DigitalState.HIGH;
            }

            @Override
            public void onEdge(Runnable listener) {
                in.addListener(e -> listener.run());
            }
        };
    }

    @Override
    public Output output(String id, GpioSettings.Output cfg) {
        DigitalState inactive = cfg.activeLevel() == GpioSettings.Level.HIGH ? DigitalState.LOW : DigitalState.HIGH;
        DigitalOutput out = context.create(DigitalOutput.newConfigBuilder(context).id(id).name(id)
                .address(cfg.bcm()).initial(inactive).shutdown(inactive).provider(outputProvider));
        return new Output() {
            @Override
            public void set(boolean high) {
                if (high) {
                    out.high();
                } else {
                    out.low();
                }
            }

            @Override
            public boolean high() {
                return out.isHigh();
            }
        };
    }

    /** The Pi4J input on this BCM pin (tests drive Pi4J's mock inputs through it), or null. */
    public DigitalInput digitalInput(int bcm) {
        synchronized (inputs) {
            return inputs.get(bcm);
        }
    }

    @Override
    public String describe() {
        return inputProvider;
    }

    @Override
    public void close() {
        try {
            context.shutdown();
        } catch (RuntimeException e) {
            log.warn("pi4j shutdown failed", e);
        }
    }
}
