package org.topupkiosk.flow;

import static org.topupkiosk.flow.core.Screen.*;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.OrderDesk;
import org.topupkiosk.flow.core.ReceiptDesk;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Transitions;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;

/**
 * Notes that do not belong to the session on the screen: one stacked for another order (raised again by the driver
 * after a journal failure or a restart) and one that lands after its session ended (a cancel, the lock or a timeout
 * racing the stacker). Each is credited to its own order while that order is open; otherwise it becomes a credit
 * voucher that reaches paper without taking the screen of another customer in the middle of a payment.
 */
final class StrayNotes {

    private static final Logger log = LoggerFactory.getLogger(StrayNotes.class);

    private final Stage stage;
    private final OrderDesk orders;
    private final Payments payments;
    private final ReceiptDesk receipts;

    StrayNotes(Stage stage, OrderDesk orders, Payments payments, ReceiptDesk receipts) {
        this.stage = stage;
        this.orders = orders;
        this.payments = payments;
        this.receipts = receipts;
    }

    /**
     * A note stacked for {@code ref}: credited to that order while it is open; otherwise (the order was paid or
     * cancelled, or the note names none) it becomes a credit voucher, returned for printing. A repeat of a note the
     * journal already holds changes nothing.
     */
    Optional<CustomerCredit> creditToItsOrder(Money note, String noteId, String ref) {
        Optional<Order> order = ref == null ? Optional.empty() : orders.journal().order(ref);
        if (order.isPresent() && order.get().status() == OrderStatus.OPEN) {
            orders.creditNote(ref, note, noteId);
            return Optional.empty();
        }
        return orders.creditWithoutOrder(note, noteId, ref == null ? "stacked-no-order" : "stacked-for-closed-order");
    }

    /**
     * A credit voucher for a note whose order is closed: shown and printed, unless another customer is in the middle
     * of a payment, whose screen it must not take: then it is printed only (the audit row and the log name it).
     */
    void deliver(CustomerCredit credit) {
        Screen screen = stage.screen;
        boolean busy = stage.session != null && (screen == CASH_INSERTION || screen == CONFIRM || screen == SUBMITTING
                || screen == RECEIPT || screen == CREDIT_VOUCHER || screen == DONE);
        if (!busy) {
            payments.showCredit(credit);
            return;
        }
        log.warn("credit voucher amount={} for a note of a closed order printed beside session screen={}",
                credit.amount().plain(), screen);
        receipts.printCredit(credit, stage.lang, ok -> {
            if (!ok) {
                log.error("credit voucher amount={} not printed: reprint it from the service menu",
                        credit.amount().plain());
            }
        });
    }

    /**
     * Issue 12 item 1: the late note's voucher always reaches paper. Where the screen can show it, it is shown and
     * printed as any credit voucher; while a receipt is on its way (SUBMITTING, RECEIPT) or on a screen that cannot
     * leave for the receipt screen, it is journaled (stored) and queued on the printer right behind the receipt in
     * progress, and the screen says so. Never only a journal row: that was a credit nobody held.
     */
    void late(CustomerCredit credit) {
        Screen screen = stage.screen;
        if (stage.session == null
                || (screen != RECEIPT && screen != SUBMITTING && Transitions.allowed(screen, RECEIPT))) {
            payments.showCredit(credit);
        } else {
            payments.printLateCredit(credit);
        }
    }
}
