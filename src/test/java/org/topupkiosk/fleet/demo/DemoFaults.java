package org.topupkiosk.fleet.demo;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.topupkiosk.app.KioskCore;

/**
 * A few faults for the office to see, on a four-minute cycle so that a long demo keeps showing them come and go: on
 * the second kiosk the paper runs low, then out, then is refilled; on the third a note jams the acceptor until a
 * technician clears it; on the fifth the door is opened for a while. Each on the emulated devices, so the kiosk reacts
 * as it would to the real ones.
 */
final class DemoFaults {

    static final long CYCLE_S = 240;

    private DemoFaults() {
    }

    static void schedule(List<KioskCore> cores, List<String> ids, ScheduledExecutorService clock) {
        if (cores.size() >= 2) {
            KioskCore k = cores.get(1);
            String id = ids.get(1);
            at(clock, 20, () -> k.printerEmulator().setPaperNearEnd(true), id + ": paper near its end");
            at(clock, 60, () -> k.printerEmulator().setPaperOut(true), id + ": paper out");
            at(clock, 150, () -> {
                k.printerEmulator().setPaperOut(false);
                k.printerEmulator().setPaperNearEnd(false);
            }, id + ": paper refilled");
        }
        if (cores.size() >= 3) {
            KioskCore k = cores.get(2);
            String id = ids.get(2);
            at(clock, 40, () -> k.billEmulator().jam(), id + ": a note jams the acceptor");
            at(clock, 110, () -> k.billEmulator().clearFault(), id + ": the jam is cleared");
        }
        if (cores.size() >= 5 && cores.get(4).cabinet() != null) {
            KioskCore k = cores.get(4);
            String id = ids.get(4);
            at(clock, 30, () -> k.cabinet().door(true), id + ": door opened");
            at(clock, 55, () -> k.cabinet().door(false), id + ": door closed");
        }
    }

    private static void at(ScheduledExecutorService clock, long seconds, Runnable fault, String what) {
        clock.scheduleAtFixedRate(() -> {
            try {
                fault.run();
                FleetDemo.say("fault: " + what);
            } catch (RuntimeException e) {
                FleetDemo.say("fault '" + what + "' could not be made: " + e);
            }
        }, seconds, CYCLE_S, TimeUnit.SECONDS);
    }
}
