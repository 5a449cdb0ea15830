package org.topupkiosk.fleet.kiosk;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What the fleet agent may ask of the running kiosk; the app implements it on the flow thread, so the flow knows
 * nothing of the fleet. Every method returns at once and never waits for the flow.
 */
public interface KioskPort {

    /** How the kiosk serves now: {@code in_service}, {@code out_of_service} (with why) or {@code service}. */
    record Mode(String mode, String reason) {}

    /** Progress of a change the office asked for: WAITING (a customer is in a session) or DONE. */
    enum Progress { WAITING, DONE }

    /** Read from the latest snapshot: never waits for the flow thread. */
    Mode mode();

    /**
     * Takes the kiosk out of service with the office's {@code text} shown on its screen, or with null lets it serve
     * again. A customer in a session is never cut off and the service lock a technician holds is never left: then
     * {@code progress} gets WAITING at once and DONE when the customer has finished; otherwise DONE at once. Called
     * back on the flow thread.
     */
    void officeHold(String text, Consumer<Progress> progress);

    /** Sends the payments waiting in the outbox now (the sync thread's next round at once). */
    void syncNow();

    /**
     * Installs a catalog the office sent, already parsed and checked by the catalog parser from {@code file} (a
     * complete file beside the configured one): the port moves it over the configured catalog atomically and makes it
     * take effect. Returns a short note for the acknowledgement (how it took effect).
     *
     * @throws IllegalStateException when it could not be installed (the old catalog stays)
     */
    String installCatalog(Path file);

    /** Runs {@code listener} (on any thread) whenever the kiosk's mode or devices may have changed. */
    void onChange(Runnable listener);
}
