package org.topupkiosk.flow.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.printer.ReceiptPrinter;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.LogSafe;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Promotion;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.journal.ClaimPaper;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.FiscalIntent;
import org.topupkiosk.journal.FiscalRecord;
import org.topupkiosk.journal.GoodsClaim;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.StoredReceipt;
import org.topupkiosk.receipt.ReceiptComposer;
import org.topupkiosk.receipt.ReceiptFacts;
import org.topupkiosk.receipt.ReceiptLayouts;

/**
 * Receipts from the flow's point of view: compose, store in the journal before printing (so a failed or interrupted
 * print can be reprinted), print on the printer's own thread, record that it came out. A printer failure never touches
 * the payment.
 */
public final class ReceiptDesk implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptDesk.class);
    private static final Duration REPRINT_WINDOW = Duration.ofMinutes(10);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Journal journal;
    private final ReceiptPrinter printer;
    private final ReceiptComposer composer;
    private final Clock clock;
    private final ExecutorService printerThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "printer");
        t.setDaemon(true);
        return t;
    });

    public ReceiptDesk(Journal journal, ReceiptPrinter printer, ReceiptComposer composer, Clock clock) {
        this.journal = journal;
        this.printer = printer;
        this.composer = composer;
        this.clock = clock;
    }

    public String lookupLink(String txnId) {
        return composer.lookupLink(txnId);
    }

    public void printPayment(Order order, Operator operator, FlowSnapshot.PaymentStatus status, Lang lang,
                      CustomerCredit credit, Consumer<Boolean> done) {
        printPayment(order, operator, status, lang, credit, null, null, done);
    }

    /** A payment's receipt with the package bought and the promotion it was sent with (either may be null). */
    public void printPayment(Order order, Operator operator, FlowSnapshot.PaymentStatus status, Lang lang,
                      CustomerCredit credit, CatalogEntry product,
                      Promotion promo, Consumer<Boolean> done) {
        // Issue 12: while the outcome is not known the receipt carries the order's claim code (made at submit).
        String claim = status == FlowSnapshot.PaymentStatus.PENDING
                ? journal.claimOf(order.txnId()).map(GoodsClaim::code).orElse(null) : null;
        Receipt receipt = withFiscal(order.txnId(), composer.payment(order, operator, status(status), lang, product,
                promo, claim), lang);
        journal.storeReceipt(receipt.id(), order.txnId(), "payment", receipt.toStored());
        if (credit != null) {
            Receipt voucher = composer.credit(credit, lang);
            journal.storeReceipt(voucher.id(), order.txnId(), "credit", voucher.toStored());
            print(receipt, ok -> print(voucher, ok2 -> done.accept(ok && ok2)));
        } else {
            print(receipt, done);
        }
    }

    /**
     * A repeat of the same credit (the acceptor reports a power-up with a note in the stacker again after another
     * power cut) prints the voucher stored the first time: composing it again would stamp a later time, and the journal
     * refuses a second body under the same receipt id.
     */
    public void printCredit(CustomerCredit credit, Lang lang, Consumer<Boolean> done) {
        Receipt voucher = composer.credit(credit, lang);
        Optional<StoredReceipt> known = journal.receipt(voucher.id());
        if (known.isPresent()) {
            print(composer.fromStored(known.get()), done);
            return;
        }
        journal.storeReceipt(voucher.id(), credit.sourceTxn(), "credit", voucher.toStored());
        print(voucher, done);
    }

    /** A confirmed payment's outcome for a scanned claim code (issue 12): stored once, a repeat prints the same. */
    public void printClaimOutcome(Order order, Operator operator, Lang lang, Consumer<Boolean> done) {
        printStored(withFiscal(order.txnId(), composer.claimOutcome(order, operator, lang), lang), order.txnId(),
                "outcome", done);
    }

    /**
     * Issue 13: the order's customer receipt with its fiscal document ("приход", or {@code refund} for the counter's
     * "возврат прихода") as journaled: FN, ФД, ФП, date and the tax service's QR. Unchanged when the order has none
     * (fiscal registration off, or not registered).
     */
    public Receipt withFiscal(String txnId, Receipt receipt, Lang lang, boolean refund) {
        Optional<FiscalRecord> doc = journal.fiscal().document(txnId, refund ? FiscalIntent.INCOME_RETURN
                : FiscalIntent.INCOME);
        return doc.isEmpty() ? receipt
                : composer.withFiscal(receipt, doc.get(), FiscalQr.text(doc.get(), refund), refund, lang);
    }

    /** {@link #withFiscal(String, Receipt, Lang, boolean)} of the sale. */
    public Receipt withFiscal(String txnId, Receipt receipt, Lang lang) {
        return withFiscal(txnId, receipt, lang, false);
    }

    /** Has this credit's own voucher come out of the printer already (so a claim must not print a second one)? */
    public boolean voucherPrinted(CustomerCredit credit) {
        return journal.receipt(ClaimPaper.VOUCHER_RECEIPT_PREFIX + credit.code()).map(StoredReceipt::printed)
                .orElse(false);
    }

    /** A scratch-card redemption's receipt, journaled under the redemption id before it prints. */
    public void printVoucher(String redemptionId, Operator operator, Msisdn msisdn, String serial,
                      Money nominal, FlowSnapshot.PaymentStatus status, Lang lang,
                      Consumer<Boolean> done) {
        Receipt receipt = composer.voucher(redemptionId, operator, msisdn, serial, nominal, status(status), lang);
        journal.storeReceipt(receipt.id(), redemptionId, "voucher", receipt.toStored());
        print(receipt, done);
    }

    /**
     * After a restart: receipts stored in the last minutes but never printed go out now; older ones wait for service.
     */
    public void reprintRecent() {
        Instant since = clock.instant().minus(REPRINT_WINDOW);
        for (StoredReceipt r : journal.unprintedReceipts()) {
            if (r.createdAt().isAfter(since)) {
                log.info("printing receipt left unprinted before restart id={}", LogSafe.id(r.receiptId()));
                print(composer.fromStored(r), ok -> { });
            }
        }
    }

    /**
     * After a restart (issue 12, "no money without paper"): a credit journaled in the last minutes whose voucher was
     * never even stored (the process died between the credit's transaction and its receipt's) is composed, stored and
     * printed now. A credit of an order with a claim code is left to that order's claim receipt (see ClaimPaper).
     */
    public void printMissingVouchers(Lang lang) {
        Instant since = clock.instant().minus(REPRINT_WINDOW);
        for (CustomerCredit c : journal.openCreditsNotOnPaper()) {
            boolean claimable = c.sourceTxn() != null && journal.claimOf(c.sourceTxn()).isPresent();
            boolean stored = journal.receipt(ClaimPaper.VOUCHER_RECEIPT_PREFIX + c.code()).isPresent();
            if (c.issuedAt().isAfter(since) && !claimable && !stored) {
                log.info("printing a credit voucher never stored before restart amount={} source={}",
                        c.amount().plain(), c.sourceTxn());
                printCredit(c, lang, ok -> { });
            }
        }
    }

    /** Reprint from the service screen. */
    public void reprint(StoredReceipt stored, Consumer<Boolean> done) {
        print(composer.fromStored(stored), done);
    }

    /**
     * A copy a customer asked for from their recent payments (see {@code ReceiptCopies}): printed on the printer's
     * thread, not stored (nobody is owed a copy; the reprint is journaled in the audit chain instead).
     */
    public void printCopy(Receipt copy, Consumer<Boolean> done) {
        print(copy, false, done);
    }

    /**
     * A test page (Cyrillic, Chinese, large type, a QR code, a cut) from the service screen, on the printer's thread so
     * it never interleaves with a customer's receipt. Not journaled: it is not a receipt anyone is owed.
     */
    public void printTest(Lang lang, Consumer<Boolean> done) {
        Receipt page = composer.layouts().printerTest("service menu", clock.instant(), lang);
        print(page, false, done);
    }

    /** The receipt layouts, for service reports (encashment, X and Z) composed outside the flow. */
    public ReceiptLayouts layouts() {
        return composer.layouts();
    }

    /**
     * A service or counter report (encashment, X, Z, a counter sale): stored in the journal under its id before it
     * prints, so it can be reprinted; when that id is already stored (a reprint, or a retry after a crash) the stored
     * paper prints again, the same as the first time.
     */
    public void printStored(Receipt report, String txnId, String kind, Consumer<Boolean> done) {
        Optional<StoredReceipt> known = journal.receipt(report.id());
        if (known.isPresent()) {
            print(composer.fromStored(known.get()), done);
            return;
        }
        journal.storeReceipt(report.id(), txnId, kind, report.toStored());
        print(report, done);
    }

    /** Kicks the cash drawer (ESC p) on the printer's thread, between receipts; true when the printer took it. */
    public void openDrawer(Consumer<Boolean> done) {
        printerThread.execute(() -> {
            boolean ok;
            try {
                printer.openDrawer();
                ok = true;
            } catch (DeviceException e) {
                log.warn("cash drawer not opened code={}", e.code());
                ok = false;
            } catch (RuntimeException e) {
                log.error("cash drawer kick crashed", e);
                ok = false;
            }
            done.accept(ok);
        });
    }

    /** The printer's status (DLE EOT), asked on the printer's thread, between receipts. */
    public CompletableFuture<DeviceHealth> printerHealth() {
        return CompletableFuture.supplyAsync(printer::checkHealth, printerThread);
    }

    private void print(Receipt receipt, Consumer<Boolean> done) {
        print(receipt, true, done);
    }

    private void print(Receipt receipt, boolean journaled, Consumer<Boolean> done) {
        printerThread.execute(() -> {
            boolean ok;
            try {
                printer.print(receipt);
                if (journaled) {
                    journal.markReceiptPrinted(receipt.id());
                }
                ok = true;
            } catch (DeviceException e) {
                log.warn("receipt not printed id={} code={}", LogSafe.id(receipt.id()), e.code());
                ok = false;
            } catch (RuntimeException e) {
                log.error("receipt printing crashed id={}", LogSafe.id(receipt.id()), e);
                ok = false;
            }
            done.accept(ok);
        });
    }

    /** Lets a receipt in progress finish (the service menu's Exit, a shutdown) before the printer link closes. */
    @Override
    public void close() {
        printerThread.shutdown();
        try {
            if (!printerThread.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("printer still busy after {} ms at close; receipt stays unprinted in the journal",
                        CLOSE_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How a receipt words the payment's state. */
    public static ReceiptFacts.Status status(FlowSnapshot.PaymentStatus status) {
        return switch (status) {
            case CREDITED -> ReceiptFacts.Status.CREDITED;
            case PENDING -> ReceiptFacts.Status.PENDING;
            case REFUSED -> ReceiptFacts.Status.REFUSED;
        };
    }
}
