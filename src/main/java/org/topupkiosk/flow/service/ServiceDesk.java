package org.topupkiosk.flow.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.topupkiosk.domain.Lang;

/**
 * What the service menu may ask of the kiosk: the port the service screens use, so that no screen touches a device,
 * the journal or the network. Every call that may block answers in a future with one of this package's records;
 * commands to the flow are posted. The composition root plugs the operations console in.
 */
public interface ServiceDesk {

    /** The devices that have a test, in the menu's order. */
    List<String> deviceTests();

    /** Runs one device's test, reporting lines to {@code progress} as they come; completes with whether it passed. */
    CompletableFuture<Boolean> runDeviceTest(String device, Lang lang, Consumer<String> progress);

    /** Whether the PIN gate can be used at all; when not, the reason for the screen. */
    CompletableFuture<PinAvailability> pinAvailability();

    /** Time left on a PIN lockout; zero when none. Does not block. */
    Duration lockedFor();

    /** Checks a typed PIN; the PIN array is wiped afterwards. */
    CompletableFuture<PinAttempt> login(char[] pin);

    CompletableFuture<List<DeviceRow>> devices();

    /** The newest device events, newest first. */
    CompletableFuture<List<AuditRow>> deviceEvents();

    CompletableFuture<OutboxInfo> outbox();

    /** Wakes the outbox dispatcher, then reports the outbox as it stands. */
    CompletableFuture<OutboxInfo> syncNow();

    CompletableFuture<VerifySummary> verify();

    CompletableFuture<Receipts> receipts();

    /** Prints a stored receipt again; true when it came out. */
    CompletableFuture<Boolean> reprint(String receiptId);

    /** A test page through the kiosk's printer; true when it came out. */
    CompletableFuture<Boolean> printTest(Lang lang);

    /** What the cash box holds: the notes stacked since the last encashment. */
    CompletableFuture<CashCount> cashBox();

    /** The newest encashment, or null when none was made. */
    CompletableFuture<CashCount> lastEncashment();

    /** Empties the cash box (journaled first), then prints the report in {@code lang}. */
    CompletableFuture<Encashed> encash(Lang lang, String by);

    /** The last encashment's report again; empty when none. */
    CompletableFuture<Optional<Encashed>> reprintEncashment(Lang lang);

    /** The numbering plan the kiosk started with: its date and source. Does not block. */
    NumberingInfo numberingPlan();

    /** Whether the bill acceptor can be power-cycled from the menu. */
    boolean canPowerCycle();

    CompletableFuture<Boolean> powerCycleAcceptor();

    /**
     * The PIN pad opened over the customer's screen: their session is left as it is (the kiosk locks at once only when
     * nobody is in one). Call {@link #lockCustomers()} after the right PIN, {@link #servicePadClosed()} otherwise.
     */
    void servicePadOpened();

    /** The PIN pad closed without a login: withdraws only what {@link #servicePadOpened()} locked. */
    void servicePadClosed();

    /** Takes the kiosk out of customer use (after the right PIN): a cash session becomes a credit voucher. */
    void lockCustomers();

    void unlockCustomers();

    /** Closes the application: the only way out of the kiosk. */
    void exitApplication();

    /** The fiscal register's status and warnings; {@link FiscalInfo#NONE} when the kiosk has no register. */
    default CompletableFuture<FiscalInfo> fiscal() {
        return CompletableFuture.completedFuture(FiscalInfo.NONE);
    }

    /** An X report, a Z report (closes the shift) or a copy of the last fiscal document, then the status. */
    default CompletableFuture<FiscalDone> fiscal(FiscalDone.Action action) {
        return CompletableFuture.completedFuture(new FiscalDone(action, false, Optional.of("no fiscal register"),
                FiscalInfo.NONE));
    }
}
