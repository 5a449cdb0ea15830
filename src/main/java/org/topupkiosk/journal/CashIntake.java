package org.topupkiosk.journal;

import static org.topupkiosk.journal.LedgerRules.mask;
import static org.topupkiosk.journal.LedgerRules.requirePositive;
import static org.topupkiosk.journal.LedgerRules.requireStatus;
import static org.topupkiosk.journal.LedgerRules.requireText;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.Money;

/**
 * Cash coming in: notes stacked into an OPEN order, notes stacked with no order to take them (each becomes a credit),
 * and a cashier's cash for a counter sale. A note id is journaled once; a repeat is harmless.
 */
record CashIntake(SqliteStore store, String currency, Clock clock, OrderRepository orders, CashRepository cash,
                  CreditRepository credits, AuditChain audit) {

    boolean recordStacked(String txnId, Money amount, String noteId) {
        requirePositive(amount, "amount", currency);
        requireText(noteId, "noteId");
        return store.write("record stacked note " + noteId, c -> {
            if (isRepeat(noteId, amount, txnId)) {
                return false;
            }
            OrderStatus status = orders.requireStatusOf(txnId);
            if (status != OrderStatus.OPEN) {
                throw new IllegalStateException("cannot take cash for order " + txnId + ": it is " + status
                        + ", not OPEN");
            }
            long now = clock.millis();
            cash.insertStacked(amount, noteId, txnId, now);
            orders.addCash(txnId, amount.minor(), now);
            audit.append(now, "cash_stacked", txnId, AuditChain.data("note", noteId, "amount_minor", amount.minor()));
            return true;
        });
    }

    /**
     * Cash a cashier took at a counter for an OPEN order: {@code kept} (the order's price) goes into the order as one
     * cash row (note id {@code counter:<txn>}, so a repeat is harmless and the cash box count leaves it out), and the
     * audit row holds what the customer handed over and the change given back, with the cashier and the shift, in the
     * same transaction. Returns false when this order's counter cash was already journaled.
     */
    boolean recordCounterCash(String txnId, Money kept, Money received, String cashierId, int shift) {
        requirePositive(kept, "kept", currency);
        requirePositive(received, "received", currency);
        requireText(cashierId, "cashierId");
        if (received.lessThan(kept)) {
            throw new IllegalArgumentException("received " + received + " is less than the price " + kept);
        }
        String noteId = CashBox.COUNTER_PREFIX + txnId;
        return store.write("record counter cash " + txnId, c -> {
            if (cash.find(noteId).isPresent()) {
                return false;
            }
            requireStatus(orders.require(txnId), OrderStatus.OPEN, "take counter cash for");
            long now = clock.millis();
            cash.insertStacked(kept, noteId, txnId, now);
            orders.addCash(txnId, kept.minor(), now);
            audit.append(now, Shifts.COUNTER_CASH, txnId, AuditChain.data("cashier", cashierId, "shift", shift,
                    "received_minor", received.minor(), "kept_minor", kept.minor(),
                    "change_minor", received.minus(kept).minor()));
            return true;
        });
    }

    CustomerCredit recordStackedWithoutOrder(Money amount, String noteId, String reason) {
        requirePositive(amount, "amount", currency);
        requireText(noteId, "noteId");
        requireText(reason, "reason");
        return store.write("record orphan note " + noteId, c -> {
            Optional<CashRepository.StackedNote> known = cash.find(noteId);
            if (known.isPresent()) {
                if (known.get().txnId() != null) {
                    throw new IllegalStateException("note " + noteId + " was already credited to order "
                            + known.get().txnId());
                }
                return credits.findBySourceNote(noteId).orElseThrow(() -> new IllegalStateException(
                        "note " + noteId + " is journaled without an order but has no credit; run journal verify"));
            }
            long now = clock.millis();
            cash.insertStacked(amount, noteId, null, now);
            CustomerCredit credit = credits.issue(amount, null, noteId, reason, now);
            audit.append(now, "cash_stacked_no_order", null, AuditChain.data("note", noteId,
                    "amount_minor", amount.minor(), "credit", mask(credit.code()), "reason", reason));
            return credit;
        });
    }

    private boolean isRepeat(String noteId, Money amount, String txnId) throws SQLException {
        Optional<CashRepository.StackedNote> known = cash.find(noteId);
        if (known.isEmpty()) {
            return false;
        }
        CashRepository.StackedNote note = known.get();
        if (!note.amount().equals(amount) || !Objects.equals(note.txnId(), txnId)) {
            // Same note id, different facts: a driver bug worth seeing, but the first record stands.
            LoggerFactory.getLogger(Journal.class).warn(
                    "repeat note={} differs: journaled {} txn={}, now {} txn={}; kept the first",
                    noteId, note.amount(), note.txnId(), amount, txnId);
        }
        return true;
    }
}
