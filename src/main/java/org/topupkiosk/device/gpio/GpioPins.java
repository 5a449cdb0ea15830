package org.topupkiosk.device.gpio;


/**
 * Where {@link KioskGpio} gets its pins: Pi4J on the Pi ({@link Pi4jPins}, also with Pi4J's mock provider in tests),
 * or memory in simulation ({@link MemoryPins}). Levels are electrical (high or low); what a level means is
 * {@link KioskGpio}'s business.
 */
public interface GpioPins extends AutoCloseable {

    Input input(String id, GpioSettings.Input cfg);

    /** Created at its inactive level, and put back there on close. */
    Output output(String id, GpioSettings.Output cfg);

    /** Where the pins come from, for the log ("gpiod-digital-input", "memory"). */
    String describe();

    @Override
    void close();

    interface Input {
        boolean high();

        /** Called on some thread after every level change; the callee re-reads the level. */
        void onEdge(Runnable listener);
    }

    interface Output {
        void set(boolean high);

        boolean high();
    }
}
