package org.topupkiosk.journal;

import static org.topupkiosk.journal.LedgerRules.mask;
import static org.topupkiosk.journal.LedgerRules.requireCurrency;
import static org.topupkiosk.journal.LedgerRules.requirePositive;
import static org.topupkiosk.journal.LedgerRules.requireStatus;
import static org.topupkiosk.journal.LedgerRules.requireText;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * An order's life in the journal, from OPEN to its final state: submitted with its payment queued, then confirmed,
 * refused or cancelled, with the credit it gives back. Cash and credit coming in are {@link CashIntake}'s and
 * {@link CreditDesk}'s. Each method is one write transaction with its audit row; {@link Journal} documents the rules.
 */
final class MoneyLedger {

    private final SqliteStore store;
    private final String kioskId;
    private final String currency;
    private final Clock clock;
    private final OrderRepository orders;
    private final CreditRepository credits;
    private final OutboxRepository outbox;
    private final AuditChain audit;
    private final GoodsRepository goods;
    private final GoodsClaimCodes claimCodes = new GoodsClaimCodes();
    /** Payment kinds that get a claim code at submit, besides e-PIN and eSIM (which get theirs in submitGoods). */
    static final Set<String> CLAIMED_PAYMENT_KINDS = Set.of("topup", "package");
    private final JournalEpochs epochs;
    private final NumericTxnIds numericIds;

    MoneyLedger(SqliteStore store, String kioskId, String currency, Clock clock, OrderRepository orders,
                CreditRepository credits, OutboxRepository outbox, AuditChain audit,
                GoodsRepository goods, JournalEpochs epochs) {
        this.epochs = epochs;
        this.store = store;
        this.kioskId = kioskId;
        this.currency = currency;
        this.clock = clock;
        this.orders = orders;
        this.credits = credits;
        this.outbox = outbox;
        this.audit = audit;
        this.goods = goods;
        this.numericIds = new NumericTxnIds(store, clock, audit);
    }

    /** {@code terms} (null for a top-up) are journaled with the order: a resumed order keeps price and product. */
    Order openOrder(String kind, Msisdn msisdn, String operatorId, String productId, OrderTerms terms) {
        requireText(kind, "kind");
        if (Order.GOODS_KINDS.contains(kind)) {
            // An e-PIN or eSIM is sold without a customer number, always for a product.
            if (msisdn != null) {
                throw new IllegalArgumentException(kind + " orders have no customer number");
            }
            requireText(productId, "productId");
        } else {
            Objects.requireNonNull(msisdn, "msisdn");
        }
        requireText(operatorId, "operatorId");
        if (terms != null && !terms.price().currency().equals(currency)) {
            throw new IllegalArgumentException("the journal is in " + currency + ", the price is " + terms.price());
        }
        String epoch = epochs.current();
        String numericId = numericIds.reserve();
        return store.write("open order", c -> {
            Optional<Order> open = orders.findOpen();
            if (open.isPresent()) {
                throw new IllegalStateException("order " + open.get().txnId() + " is still OPEN; submit or cancel it "
                        + "before opening another");
            }
            long now = clock.millis();
            String txnId = orders.nextTxnId(kioskId, epoch);
            orders.insert(txnId, kind, operatorId, msisdn, productId, currency, now);
            numericIds.insert(txnId, numericId, now);
            if (terms != null) {
                orders.insertTerms(txnId, terms, now);
            }
            audit.append(now, "order_opened", txnId, terms == null
                    ? AuditChain.data("kind", kind, "operator", operatorId,
                    "msisdn", msisdn == null ? null : msisdn.masked(), "product", productId,
                    "numeric_txn_id", numericId)
                    : AuditChain.data("kind", kind, "operator", operatorId,
                    "msisdn", msisdn == null ? null : msisdn.masked(), "product", productId,
                    "price_minor", terms.price().minor(), "numeric_txn_id", numericId));
            return orders.require(txnId);
        });
    }

    void submit(String txnId, Money amountToBalance, Money fee, boolean offline, String paymentPayloadJson) {
        requirePositive(amountToBalance, "amountToBalance", currency);
        Objects.requireNonNull(fee, "fee");
        if (fee.isNegative()) {
            throw new IllegalArgumentException("fee must not be negative, got " + fee);
        }
        requireText(paymentPayloadJson, "paymentPayloadJson");
        AuditChain.canonical(paymentPayloadJson); // refuses a payload the dispatcher could not parse
        store.write("submit " + txnId, c -> {
            Order order = requireStatus(orders.require(txnId), OrderStatus.OPEN, "submit");
            requireCurrency(amountToBalance, order);
            requireCurrency(fee, order);
            Money total = amountToBalance.plus(fee);
            if (!total.equals(order.paid())) {
                throw new IllegalStateException("order " + txnId + ": amount " + amountToBalance + " + fee " + fee
                        + " = " + total + " but the customer paid " + order.paid() + " (cash " + order.cash()
                        + " + credit " + order.creditApplied() + ")");
            }
            long now = clock.millis();
            orders.submit(txnId, amountToBalance.minor(), fee.minor(), offline, now);
            outbox.insert(txnId, paymentPayloadJson, now);
            if (CLAIMED_PAYMENT_KINDS.contains(order.kind())) {
                // Issue 12 item 2: a top-up or package may outlive the customer's wait (a late answer, an offline
                // sale); the claim code, made with the payment, is what its pending receipt prints.
                goods.insertClaim(txnId, order.kind(), newClaimCode(), now);
            }
            audit.append(now, "order_submitted", txnId, AuditChain.data("amount_minor", amountToBalance.minor(),
                    "fee_minor", fee.minor(), "offline", offline,
                    "payload_mac", audit.mac(AuditLinks.OUTBOX_MAC, paymentPayloadJson)));
            return null;
        });
    }

    /**
     * OPEN to PENDING for an e-PIN or eSIM: the payment queued in the outbox, the order's claim code made, and what was
     * paid above the price ({@code change}) turned into a credit voucher, all in one transaction. Everything paid is
     * accounted for: {@code amount + fee + change == cash + credit applied}.
     */
    SubmittedGoods submitGoods(String txnId, Money amount, Money fee, Money change, String paymentPayloadJson) {
        requirePositive(amount, "amount", currency);
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(change, "change");
        if (fee.isNegative() || change.isNegative()) {
            throw new IllegalArgumentException("fee and change must not be negative, got " + fee + ", " + change);
        }
        requireText(paymentPayloadJson, "paymentPayloadJson");
        AuditChain.canonical(paymentPayloadJson);
        return store.write("submit goods " + txnId, c -> {
            Order order = requireStatus(orders.require(txnId), OrderStatus.OPEN, "submit");
            if (!order.isGoods()) {
                throw new IllegalStateException("order " + txnId + " is a " + order.kind() + ", not an e-PIN or eSIM");
            }
            requireCurrency(amount, order);
            requireCurrency(fee, order);
            requireCurrency(change, order);
            Money total = amount.plus(fee).plus(change);
            if (!total.equals(order.paid())) {
                throw new IllegalStateException("order " + txnId + ": amount " + amount + " + fee " + fee + " + change "
                        + change + " = " + total + " but the customer paid " + order.paid());
            }
            long now = clock.millis();
            Optional<CustomerCredit> credit = change.isPositive()
                    ? Optional.of(credits.issue(change, null, null, "overpayment: " + txnId, now)) : Optional.empty();
            orders.submitGoods(txnId, amount.minor(), fee.minor(), change.minor(),
                    credit.map(CustomerCredit::code).orElse(null), now);
            outbox.insert(txnId, paymentPayloadJson, now);
            String claim = newClaimCode();
            goods.insertClaim(txnId, order.kind(), claim, now);
            audit.append(now, "order_submitted", txnId, AuditChain.data("amount_minor", amount.minor(),
                    "fee_minor", fee.minor(), "change_minor", change.minor(),
                    "change_credit", credit.map(cc -> mask(cc.code())).orElse(null), "offline", false,
                    "payload_mac", audit.mac(AuditLinks.OUTBOX_MAC, paymentPayloadJson)));
            return new SubmittedGoods(new GoodsClaim(txnId, order.kind(), claim, Instant.ofEpochMilli(now)),
                    credit);
        });
    }

    private String newClaimCode() throws SQLException {
        for (int attempt = 0; attempt < 10; attempt++) {
            String code = claimCodes.next();
            if (goods.claimByCode(code).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("cannot draw a free claim code after 10 tries");
    }

    Optional<CustomerCredit> cancel(String txnId, String reason) {
        requireText(reason, "reason");
        return store.write("cancel " + txnId, c -> {
            Order order = orders.require(txnId);
            if (order.status() == OrderStatus.CANCELLED) {
                return credits.findBySourceTxn(txnId);
            }
            requireStatus(order, OrderStatus.OPEN, "cancel");
            long now = clock.millis();
            orders.move(txnId, OrderStatus.OPEN, OrderStatus.CANCELLED, null, null, now);
            Optional<CustomerCredit> credit = order.paid().isPositive()
                    ? Optional.of(credits.issue(order.paid(), txnId, null, "cancelled: " + reason, now))
                    : Optional.empty();
            audit.append(now, "order_cancelled", txnId, AuditChain.data("reason", reason,
                    "credit", credit.map(cc -> mask(cc.code())).orElse(null), "credit_minor", order.paid().minor()));
            return credit;
        });
    }

    void confirm(String txnId, String carrierRef, Goods goodsIssued) {
        store.write("confirm " + txnId, c -> confirmOne(txnId, carrierRef, goodsIssued, clock.millis()));
    }

    int confirmAll(List<Confirmation> confirmations) {
        if (confirmations.isEmpty()) {
            return 0;
        }
        return store.write("confirm batch of " + confirmations.size(), c -> {
            long now = clock.millis();
            int changed = 0;
            for (Confirmation confirmation : confirmations) {
                if (confirmOne(confirmation.txnId(), confirmation.carrierRef(), confirmation.goods(), now)) {
                    changed++;
                }
            }
            return changed;
        });
    }

    private boolean confirmOne(String txnId, String carrierRef, Goods goodsIssued, long now) throws SQLException {
        Order order = orders.require(txnId);
        if (order.status() == OrderStatus.CONFIRMED) {
            return false;
        }
        requireStatus(order, OrderStatus.PENDING, "confirm");
        if (order.isGoods() && (goodsIssued == null || !goodsIssued.kind().equals(order.kind()))) {
            // What the customer paid for must be in the journal before the order counts as done.
            throw new IllegalStateException("cannot confirm " + order.kind() + " order " + txnId + " without its "
                    + order.kind() + (goodsIssued == null ? "" : " (the carrier sent a " + goodsIssued.kind() + ")"));
        }
        orders.move(txnId, OrderStatus.PENDING, OrderStatus.CONFIRMED, carrierRef, null, now);
        outbox.markDone(txnId, now);
        if (order.isGoods()) {
            goods.insertIssued(txnId, goodsIssued, now);
            audit.append(now, "order_confirmed", txnId, AuditChain.data("carrier_ref", carrierRef,
                    "goods", goodsIssued.kind(), "secret", goodsIssued.masked()));
        } else {
            audit.append(now, "order_confirmed", txnId, AuditChain.data("carrier_ref", carrierRef));
        }
        return true;
    }

    CustomerCredit refuse(String txnId, String code) {
        requireText(code, "code");
        return store.write("refuse " + txnId, c -> {
            Order order = orders.require(txnId);
            if (order.status() == OrderStatus.REFUSED) {
                return credits.findBySourceTxn(txnId).orElseThrow(() -> new IllegalStateException(
                        "refused order " + txnId + " has no credit; run journal verify"));
            }
            requireStatus(order, OrderStatus.PENDING, "refuse");
            long now = clock.millis();
            orders.move(txnId, OrderStatus.PENDING, OrderStatus.REFUSED, null, code, now);
            outbox.markDone(txnId, now);
            // What the order kept: an e-PIN's change already left it on its own voucher at submit.
            CustomerCredit credit = credits.issue(order.kept(), txnId, null, "refused: " + code, now);
            audit.append(now, "order_refused", txnId, AuditChain.data("code", code, "credit", mask(credit.code()),
                    "credit_minor", order.kept().minor()));
            return credit;
        });
    }
}
