package org.topupkiosk.journal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;

/**
 * The money journal: orders, stacked cash, customer credits, the outbox and unprinted receipts in one SQLite file.
 * Every mutating method is one transaction that also appends an audit row, so a crash leaves either all of a money
 * event or none of it. Thread-safe: the flow thread, the sync thread and ops tools share one connection under a lock.
 * Wrong-state calls throw {@link IllegalStateException}, bad arguments {@link IllegalArgumentException}, database
 * failures {@link JournalException}; in every case nothing was written.
 */
public final class Journal implements AutoCloseable {

    private static final Pattern AUDIT_KIND = Pattern.compile("[a-z][a-z0-9_.]{0,63}");

    private final SqliteStore store;
    private final String kioskId;
    private final Clock clock;
    private final OrderRepository orders;
    private final CreditRepository credits;
    private final OutboxRepository outbox;
    private final ReceiptRepository receipts;
    private final AuditChain audit;
    private final MoneyLedger ledger;
    private final CashRepository cash;
    private final CashIntake cashIn;
    private final CreditDesk creditDesk;
    private final JournalVerifier verifier;
    private final CashBox cashBox;
    private final CounterJournal counter;
    private final GoodsRepository goods;
    private final ReceiptBook receiptBook;
    private final JournalEpochs epochs;
    private final PinGates pinGates;
    private final OutboxJournal outboxJournal;
    private final FiscalJournal fiscal;
    private final TelemetryJournal telemetry;

    Journal(SqliteStore store, String kioskId, String currency, Clock clock, AuditSeal seal)
            throws SQLException {
        this.store = store;
        this.kioskId = kioskId;
        this.clock = clock;
        var c = store.connection();
        orders = new OrderRepository(c);
        credits = new CreditRepository(c, new CreditCodes());
        outbox = new OutboxRepository(c);
        receipts = new ReceiptRepository(c);
        audit = new AuditChain(c, seal.key());
        store.afterCommit(conn -> seal.afterCommit(conn, audit));
        goods = new GoodsRepository(c);
        receiptBook = new ReceiptBook(clock, receipts, orders, audit);
        epochs = new JournalEpochs(store, clock, audit, c);
        ledger = new MoneyLedger(store, kioskId, currency, clock, orders, credits, outbox, audit, goods, epochs);
        cash = new CashRepository(c);
        cashIn = new CashIntake(store, currency, clock, orders, cash, credits, audit);
        creditDesk = new CreditDesk(store, clock, orders, credits, audit);
        cashBox = new CashBox(kioskId, currency);
        Shifts shifts = new Shifts(currency, clock, audit);
        counter = new CounterJournal(store, cashIn, creditDesk, shifts);
        pinGates = new PinGates(store, audit, clock);
        outboxJournal = new OutboxJournal(store, clock, outbox, audit);
        fiscal = new FiscalJournal(store, clock, audit);
        telemetry = new TelemetryJournal(store, kioskId, clock, orders);
        verifier = new JournalVerifier(currency, seal, cashBox::check, shifts::check, FiscalJournal::check);
    }

    /**
     * Opens the journal at {@code dbFile}, creating the directory and file and migrating the schema as needed. Txn ids
     * are {@code <kioskId>-<epoch>-<6-digit sequence>}, the epoch drawn afresh by each opening (see
     * {@link #epoch()}); the kiosk's currency is RUB.
     */
    public static Journal open(Path dbFile, String kioskId, Clock clock) {
        return open(dbFile, kioskId, clock, defaultKeyFile(dbFile));
    }

    /**
     * Opens the journal sealed by the audit key in {@code auditKeyFile} (see {@link #defaultKeyFile}); the key is made
     * at first start, and a journal whose chain was keyed but whose key is gone is refused (JournalException).
     */
    public static Journal open(Path dbFile, String kioskId, Clock clock, Path auditKeyFile) {
        return JournalFile.open(dbFile, kioskId, clock, auditKeyFile, true);
    }

    /**
     * Opens an existing journal to check it (kioskctl journal verify, check, backup): never makes an audit key, so a
     * missing key is reported by {@link #verify()}; without the key nothing can be written.
     */
    public static Journal openToCheck(Path dbFile, Path auditKeyFile) {
        return JournalFile.open(dbFile, "0000", Clock.systemUTC(), auditKeyFile, false);
    }

    /** Where the audit key of {@code dbFile} lives unless configured: {@code keys/<file name>.key} beside it. */
    public static Path defaultKeyFile(Path dbFile) {
        return AuditKey.defaultFile(Objects.requireNonNull(dbFile, "dbFile"));
    }

    public String kioskId() {
        return kioskId;
    }

    public Path file() {
        return store.file();
    }

    // Money events

    /**
     * Starts a cash session and makes its txn id, once. Only one order may be OPEN at a time, so a stacked note never
     * has two orders to choose from. {@code productId} is null for a plain top-up. E-PINs and eSIMs open with
     * {@link #openGoodsOrder}.
     */
    public Order openOrder(String kind, Msisdn msisdn, String operatorId, String productId) {
        return ledger.openOrder(kind, msisdn, operatorId, productId, null);
    }

    /**
     * As {@link #openOrder(String, Msisdn, String, String)} for a product sold at a price (a package): the price and the
     * product are journaled with the order in the same transaction, so a restart resumes it with both.
     */
    public Order openOrder(String kind, Msisdn msisdn, String operatorId, String productId, OrderTerms terms) {
        Objects.requireNonNull(terms, "terms");
        return ledger.openOrder(kind, msisdn, operatorId, productId, terms);
    }

    /** What a package, e-PIN or eSIM order was opened for; empty for a top-up or an order opened before V5. */
    public Optional<OrderTerms> terms(String txnId) {
        return store.read("read order terms", c -> orders.terms(txnId));
    }

    /**
     * This life's journal epoch, part of every transaction id it makes; drawn at the first id (empty before). A journal
     * restored from a backup draws a fresh one, so its ids never repeat ones the carrier has seen. Drawn (and journaled)
     * by this call when no id was made yet.
     */
    public String epoch() {
        return epochs.current();
    }

    /**
     * Credits a stacked note to an OPEN order (never call this on escrow). Returns false and changes nothing when
     * {@code noteId} is already journaled, because the acceptor may report the same note again after a reset.
     */
    public boolean recordStacked(String txnId, Money amount, String noteId) {
        return cashIn.recordStacked(txnId, amount, noteId);
    }

    /**
     * A note stacked with no order to take it (power-up with a bill in the stacker): journals the cash and issues a
     * credit for it in the same transaction. A repeat of {@code noteId} returns the credit issued the first time.
     */
    public CustomerCredit recordStackedWithoutOrder(Money amount, String noteId, String reason) {
        return cashIn.recordStackedWithoutOrder(amount, noteId, reason);
    }

    /**
     * Redeems an open credit voucher into an OPEN order and returns it. Typed codes may contain spaces or dashes.
     * Refuses a malformed code or unknown code (IllegalArgumentException) and a redeemed one (IllegalStateException).
     */
    public CustomerCredit applyCredit(String txnId, String creditCode) {
        return creditDesk.applyCredit(txnId, creditCode);
    }

    /**
     * OPEN to PENDING with the payment request queued in the outbox, in one transaction. Everything paid must be
     * accounted for: {@code amountToBalance + fee == cash + credit applied}, else IllegalStateException naming both.
     */
    public void submit(String txnId, Money amountToBalance, Money fee, boolean offline, String paymentPayloadJson) {
        ledger.submit(txnId, amountToBalance, fee, offline, paymentPayloadJson);
    }

    /** OPEN to CANCELLED; whatever was paid becomes a credit (empty when nothing was). A repeat returns the same. */
    public Optional<CustomerCredit> cancel(String txnId, String reason) {
        return ledger.cancel(txnId, reason);
    }

    /** PENDING to CONFIRMED and its outbox row DONE. Confirming a CONFIRMED order again is a no-op. */
    public void confirm(String txnId, String carrierRef) {
        ledger.confirm(txnId, carrierRef, null);
    }

    // e-PIN and eSIM (issue 7) ------------------------------------------------------------------------------------

    /** Opens an e-PIN or eSIM order ({@code kind} epin or esim): no customer number, always a product. */
    public Order openGoodsOrder(String kind, String operatorId, String productId) {
        return ledger.openOrder(kind, null, operatorId, productId, null);
    }

    /** As {@link #openGoodsOrder(String, String, String)}, with the offer's price and description journaled too. */
    public Order openGoodsOrder(String kind, String operatorId, String productId, OrderTerms terms) {
        Objects.requireNonNull(terms, "terms");
        return ledger.openOrder(kind, null, operatorId, productId, terms);
    }

    /**
     * OPEN to PENDING for an e-PIN or eSIM, in one transaction: the payment queued, the claim code made, and
     * {@code change} (paid above a fixed price; the kiosk gives none) turned into a credit voucher. Refused unless
     * {@code amount + fee + change == cash + credit applied}.
     */
    public SubmittedGoods submitGoods(String txnId, Money amount, Money fee, Money change, String paymentPayloadJson) {
        return ledger.submitGoods(txnId, amount, fee, change, paymentPayloadJson);
    }

    /**
     * PENDING to CONFIRMED with what the carrier issued, stored in the same transaction; an e-PIN or eSIM order is never
     * confirmed without its goods. A repeat is a no-op.
     */
    public void confirm(String txnId, String carrierRef, Goods issued) {
        ledger.confirm(txnId, carrierRef, issued);
    }

    /** What the carrier issued for this order, once it is confirmed. */
    public Optional<Goods> goods(String txnId) {
        return store.read("read goods", c -> goods.issued(txnId));
    }

    /** The order a claim code (spaces and dashes allowed) belongs to; empty for a code this kiosk never printed. */
    public Optional<GoodsClaim> claim(String claimCode) {
        String code = CreditCodes.normalize(claimCode);
        return store.read("read claim", c -> goods.claimByCode(code));
    }

    /** The claim code of a submitted order: e-PIN, eSIM, and (issue 12) top-up and package. */
    public Optional<GoodsClaim> claimOf(String txnId) {
        return store.read("read claim of order", c -> goods.claimByTxn(txnId));
    }

    /**
     * Confirms many orders in one transaction (one fsync) for the sync dispatcher; returns how many changed (repeats
     * count zero). An order that cannot be confirmed rolls back the whole batch, naming its txn id; the dispatcher can
     * then confirm that batch one by one.
     */
    public int confirmAll(List<Confirmation> confirmations) {
        return ledger.confirmAll(confirmations);
    }

    /** PENDING to REFUSED, its outbox row DONE, and a credit for what was paid. A repeat returns the same credit. */
    public CustomerCredit refuse(String txnId, String code) {
        return ledger.refuse(txnId, code);
    }

    /** Pays an open credit out in cash (counter terminal): the credit is redeemed and a refund recorded. */
    public Money refundCredit(String creditCode, String reason) {
        return creditDesk.refundCredit(creditCode, reason);
    }

    // Outbox

    /** The outbox's verbs: what is due, retries, the carrier's conflicts and the backlog. */
    public OutboxJournal outbox() {
        return outboxJournal;
    }

    // Receipts

    /** Keeps a receipt until it is printed. Storing the same receipt again is a no-op; a different body is refused. */
    public void storeReceipt(String receiptId, String txnId, String kind, String body) {
        LedgerRules.requireText(receiptId, "receiptId");
        LedgerRules.requireText(kind, "kind");
        Objects.requireNonNull(body, "body");
        store.write("store receipt " + receiptId, c -> {
            receiptBook.store(receiptId, txnId, kind, body);
            return null;
        });
    }

    /** Marks a receipt printed (and its order's receipt_printed flag); a repeat is a no-op. */
    public void markReceiptPrinted(String receiptId) {
        store.write("mark receipt printed " + receiptId, c -> {
            receiptBook.markPrinted(receiptId);
            return null;
        });
    }

    /** Receipts stored but not yet printed, oldest first: print these after a restart. */
    public List<StoredReceipt> unprintedReceipts() {
        return store.read("read unprinted receipts", c -> receipts.unprinted());
    }

    /** The newest {@code limit} receipts, printed or not, newest first: the service screen's reprint list. */
    public List<StoredReceipt> recentReceipts(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return store.read("read recent receipts", c -> receipts.recent(limit));
    }

    public Optional<StoredReceipt> receipt(String receiptId) {
        return store.read("read receipt", c -> receipts.find(receiptId));
    }

    // Recovery and reporting

    /** The order collecting cash, if any: after a restart, resume it. */
    public Optional<Order> findOpenOrder() {
        return store.read("find open order", c -> orders.findOpen());
    }

    public Optional<Order> order(String txnId) {
        return store.read("read order", c -> orders.find(txnId));
    }

    /** Orders in any of {@code statuses} (all orders when none given), oldest first. */
    public List<Order> ordersByStatus(OrderStatus... statuses) {
        return store.read("read orders", c -> orders.byStatus(Arrays.asList(statuses)));
    }

    public Optional<CustomerCredit> credit(String creditCode) {
        return store.read("read credit", c -> credits.find(CreditCodes.normalize(creditCode)));
    }

    /**
     * Open credits whose customer holds no paper for them (issue 12): neither their voucher printed nor, for a refusal
     * after the customer left, the claim-code receipt of their order. See {@link ClaimPaper} for the linkage.
     */
    public List<CustomerCredit> openCreditsNotOnPaper() {
        return store.read("read credits not on paper", c -> credits.openNotOnPaper());
    }

    /** Does the customer hold paper for this credit (its voucher, or its order's claim receipt)? */
    public boolean creditOnPaper(String creditCode) {
        return store.read("credit on paper", c -> credits.onPaper(CreditCodes.normalize(creditCode)));
    }

    /** The newest audit rows of these kinds, newest first: device events for the service screen. */
    public List<AuditEntry> recentAudit(Collection<String> kinds, int limit) {
        return store.read("read recent audit", c -> AuditChain.recent(c, kinds, limit));
    }

    // A number's recent payments (the customer's history screen, after a one-time code)

    /**
     * What {@code msisdn} had done at this kiosk since {@code since}, newest first, at most {@code limit}: its cash
     * orders (not the open one, nor ones cancelled before any cash), scratch cards applied to it and auto top-ups
     * enrolled for it, each with its outcome, stored receipts and credit voucher.
     */
    public List<HistoryEntry> historyOf(Msisdn msisdn, Instant since, int limit) {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(since, "since");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return store.read("read history", c -> NumberHistory.of(c, msisdn, since, limit));
    }

    /** Has this note id been journaled already (a device repeating itself after a restart)? */
    public boolean knowsNote(String noteId) {
        return store.read("find note", c -> cash.find(noteId).isPresent());
    }

    /** Every note the journal has credited, in or out of an order: what the cash box should hold. */
    public Money stackedTotal() {
        return store.read("stacked total", c -> cash.stackedTotal());
    }

    // Counter terminal

    /** The counter terminal's verbs: the cashiers' shifts and the cash a cashier takes and hands back. */
    public FiscalJournal fiscal() {
        return fiscal;
    }

    /** Issue 15: the fleet's telemetry outbox and the remote commands seen. */
    public TelemetryJournal telemetry() {
        return telemetry;
    }

    public CounterJournal counter() {
        return counter;
    }

    /** The cash row id of a counter sale: one per order, left out of the cash box count. */
    public static String counterNoteId(String txnId) {
        return CashBox.COUNTER_PREFIX + txnId;
    }

    // Cash box

    /**
     * What the cash box holds: the notes stacked since the last encashment, by denomination, as the next encashment
     * would take them ({@code at} is null until it is made).
     */
    public Encashment cashBoxCount() {
        return store.read("count cash box", c -> cashBox.count(c, openCreditTotal()));
    }

    /**
     * Empties the cash box in the journal: one audit row ({@code cash_encashed}) with the notes since the last
     * encashment, their total and the number of this encashment. Nothing is reset in place; the next count starts after
     * the last note this one took. Journal first, then print: a print that fails or a crash after this returns loses
     * nothing, the report is reprinted from {@link #lastEncashment()}. {@code by} names who did it (service menu,
     * kioskctl).
     */
    public Encashment encash(String by) {
        LedgerRules.requireText(by, "by");
        return store.write("encash", c -> cashBox.encash(c, openCreditTotal(), clock.millis(), by, audit));
    }

    /** The newest encashment, for a reprint of its report. */
    public Optional<Encashment> lastEncashment() {
        return store.read("read last encashment", cashBox::last);
    }

    private Money openCreditTotal() throws SQLException {
        return Money.rubMinor(credits.open().stream().mapToLong(cc -> cc.amount().minor()).sum());
    }

    /** Credits issued and not yet redeemed or refunded, oldest first. */
    public List<CustomerCredit> openCredits() {
        return store.read("read open credits", c -> credits.open());
    }

    /**
     * Appends a non-money event (door opened, power-up state, service login) to the audit chain. {@code kind} is
     * lower_snake (dots allowed); {@code dataJson} may be null. Keep secrets and full voucher codes out of it.
     */
    public void audit(String kind, String txnId, String dataJson) {
        requireAuditKind(kind);
        String data = AuditChain.canonical(dataJson);
        store.write("audit " + kind, c -> {
            audit.append(clock.millis(), kind, txnId, data);
            return null;
        });
    }

    /**
     * SQLite's {@code PRAGMA quick_check} of the file: empty when it is sound, else the problems found. The kiosk runs
     * it at start and takes no cash on a damaged journal.
     */
    public List<String> quickCheck() {
        return store.quickCheck();
    }

    /**
     * Like {@link #audit} for a request about a number that is not an order (a scratch-card redemption, an auto top-up):
     * the audit row carries only what {@code dataJson} has (a masked number), and the full number goes to
     * {@code service_numbers} under {@code ref} in the same transaction, for "My payments". A retry under the same ref
     * adds its audit row only.
     */
    public void auditForNumber(String kind, String ref, Msisdn msisdn, String dataJson) {
        requireAuditKind(kind);
        String data = AuditChain.canonical(dataJson);
        store.write("audit " + kind, c -> {
            long now = clock.millis();
            ServiceNumbers.keep(c, ref, kind, msisdn, now);
            audit.append(now, kind, ref, data);
            return null;
        });
    }

    /** The PIN lockouts of the service menu and the cashiers (see {@link PinGates}). */
    public PinGates pinGates() {
        return pinGates;
    }

    /** Checks the money invariant, per-order sums, the outbox and the audit chain (see {@link JournalVerifier}). */
    public VerifyReport verify() {
        return verify(null);
    }

    /** {@link #verify()}, and the chain against a head from paper (a Z or encashment report); null for none. */
    public VerifyReport verify(AuditHead paperHead) {
        return store.read("verify", c -> verifier.verify(c, paperHead));
    }

    /** The audit chain's head now: what the Z and encashment reports print. */
    public AuditHead auditHead() {
        return store.read("read audit head", AuditChain::head);
    }

    /** A consistent owner-only copy of the journal at {@code dest}, with its key and head files beside it. */
    public void backupTo(Path dest) {
        store.locked("back up", c -> JournalFile.backup(c, verifier.seal(), dest));
    }

    private static void requireAuditKind(String kind) {
        if (kind == null || !AUDIT_KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("audit kind must be lower_snake_case, got '" + kind + "'");
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
