package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.gpio.CabinetEvent;
import org.topupkiosk.flow.account.AccountServices;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.Screen;

/**
 * Keeping customers out: the service menu's lock and the cabinet door. Locking turns the cash of a session on the cash
 * screens into a credit voucher; unlocking is the technician's decision, whatever the reasons were.
 */
final class ServiceLock {

    private static final Logger log = LoggerFactory.getLogger(ServiceLock.class);

    private final Stage stage;
    private final OrderDesk orders;
    private final CashIntake cash;
    /** Why customers are kept out ("service", "door_open"); empty while the kiosk serves. */
    private final Set<String> reasons = new LinkedHashSet<>();
    private boolean doorOpen;

    ServiceLock(Stage stage, OrderDesk orders, CashIntake cash) {
        this.stage = stage;
        this.orders = orders;
        this.cash = cash;
    }

    boolean locked() {
        return !reasons.isEmpty();
    }

    /** Why customers are kept out, in the order the reasons came ("service", "door_open", "service_pad"). */
    List<String> reasons() {
        return List.copyOf(reasons);
    }

    void lock(String reason) {
        orders.audit("service_lock", txnOrNull(), "{\"reason\":\"" + reason + "\"}");
        if ("service".equals(reason)) {
            reasons.remove(PAD); // the right PIN: the pad's own lock becomes the service lock
        }
        reasons.add(reason);
        Screen screen = stage.screen;
        if (stage.session != null && stage.session.txnId != null && (screen == CASH_INSERTION || screen == CONFIRM)) {
            cash.cancelWithCredit("service_lock");
        } else if (stage.session == null || screen.watchesInactivity() || screen == IDLE || screen == CHECKING_NUMBER
                || screen == VOUCHER_CHECKING || screen == SIM_READING || AccountServices.endsOnLock(screen)) {
            stage.endSession();
        }
    }

    /** The reason the PIN pad locks with when it opens over nobody's session; withdrawn when it closes. */
    static final String PAD = "service_pad";

    /**
     * The service PIN pad opened or closed (without a login). Opening never touches a customer's session: their cash,
     * number and inactivity timer stay as they are under the pad, and only the right PIN (a {@code Lock}) turns the
     * session into a credit voucher. With no session, the kiosk locks at once so nobody starts one while the PIN is
     * typed. Closing withdraws only that lock: a door or service lock stays.
     */
    void onServicePad(boolean open) {
        if (open) {
            boolean customer = stage.session != null;
            orders.audit("service_pad_opened", txnOrNull(), "{\"customer_session\":" + customer + "}");
            log.info("service PIN pad opened screen={} customer_session={}", stage.screen, customer);
            if (!customer && reasons.add(PAD)) {
                stage.endSession(); // no session: from a resting screen to the service lock
            }
        } else {
            orders.audit("service_pad_closed", txnOrNull(), "{}");
            log.info("service PIN pad closed without a login screen={}", stage.screen);
            if (reasons.remove(PAD) && stage.session == null) {
                stage.endSession(); // back to whichever resting screen the other reasons leave
            }
        }
    }

    /** Back to customers always unlocks, whatever the reasons: the technician is at the kiosk and decides. */
    void unlock() {
        orders.audit("service_unlock", null, "{\"cleared\":[" + String.join(",", reasons.stream()
                .map(r -> "\"" + r + "\"").toList()) + "]}");
        if (doorOpen) {
            orders.audit("unlocked_with_door_open", null, "{}");
        }
        reasons.clear();
        if (stage.screen == SERVICE_LOCK) {
            stage.endSession();
        }
    }

    /**
     * The door opening locks the kiosk like the service menu does (cash in the session becomes a credit voucher); its
     * closing is journaled but unlocks nothing: only a technician in the service menu lets customers back. The cash
     * box switch only journals here; the acceptor side is {@code CashBoxGuard}'s, through the acceptor-fault path.
     */
    void onCabinetEvent(CabinetEvent event) {
        log.info("cabinet event {} screen={}", CabinetEvent.kind(event), stage.screen);
        orders.audit(CabinetEvent.kind(event), txnOrNull(), "{\"screen\":\""
                + stage.screen.name().toLowerCase(Locale.ROOT) + "\"}");
        if (event instanceof CabinetEvent.DoorOpened) {
            doorOpen = true;
            lock("door_open");
        } else if (event instanceof CabinetEvent.DoorClosed) {
            doorOpen = false;
        }
    }

    private String txnOrNull() {
        return stage.session == null ? null : stage.session.txnId;
    }
}
