package org.topupkiosk.service;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.cash.AcceptorIdentity;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.device.cash.ObservedBillAcceptor;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;

/**
 * The bill acceptor test from the service menu, in the running kiosk: status, identity, bill table, then every note
 * enabled for a while with each event shown, as {@code kioskctl cash test} does. The flow still owns the unit and,
 * locked for service, returns every note from escrow: the test shows that each note is recognised and takes no money.
 */
public final class BillAcceptorTest implements DeviceTest {

    private final ObservedBillAcceptor acceptor;
    private final Duration accepting;

    public BillAcceptorTest(ObservedBillAcceptor acceptor, Duration accepting) {
        this.acceptor = acceptor;
        this.accepting = accepting;
    }

    @Override
    public String device() {
        return "bill-acceptor";
    }

    @Override
    public boolean run(Lang lang, Consumer<String> progress) throws InterruptedException {
        DeviceHealth health = acceptor.checkHealth();
        progress.accept("status " + health.state().name().toLowerCase(Locale.ROOT) + ": " + health.detail());
        if (acceptor.identity().isEmpty()) {
            progress.accept("unit has not identified itself");
            return false;
        }
        AcceptorIdentity.Identity id = acceptor.identity().get();
        progress.accept("unit part=" + id.part() + " serial=" + id.serial());
        for (Money note : acceptor.denominations()) {
            progress.accept("bill-table note=" + note.wholeUnits() + " " + note.currency());
        }
        if (!health.usable()) {
            return false;
        }
        progress.accept("accepting all notes for " + accepting.toSeconds() + " s; the kiosk returns each one");
        try (AutoCloseable watch = acceptor.watch(e -> progress.accept(describe(e)))) {
            acceptor.enable(Set.copyOf(acceptor.denominations()));
            TimeUnit.MILLISECONDS.sleep(accepting.toMillis());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("bill acceptor watch did not close", e);
        } finally {
            acceptor.disable();
        }
        progress.accept("done");
        return true;
    }

    /** One event in kioskctl's words. */
    static String describe(BillEvent e) {
        if (e instanceof BillEvent.Escrowed x) {
            return "escrow " + x.amount().plain();
        } else if (e instanceof BillEvent.Stacked x) {
            return "stacked " + x.amount().plain() + " note=" + x.noteId();
        } else if (e instanceof BillEvent.Returned x) {
            return "returned " + x.amount().plain();
        } else if (e instanceof BillEvent.Rejected x) {
            return "rejected reason=" + x.reason();
        } else if (e instanceof BillEvent.PowerUpWithBill x) {
            return "power-up with a bill in the " + x.where().name().toLowerCase(Locale.ROOT) + " amount="
                    + (x.amount() == null ? "unknown" : x.amount().plain());
        } else if (e instanceof BillEvent.Fault x) {
            return "fault code=" + x.code() + (x.outOfService() ? " out-of-service" : "");
        } else if (e instanceof BillEvent.Recovered) {
            return "recovered";
        }
        return e.toString();
    }
}
