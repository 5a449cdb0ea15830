package org.topupkiosk.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.printer.ReceiptPrinter;
import org.topupkiosk.domain.Operator;
import org.topupkiosk.domain.Receipt;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Journal;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.StoredReceipt;

/**
 * Receipts from the flow's point of view: compose, store in the journal before printing (so a failed or interrupted
 * print can be reprinted), print on the printer's own thread, record that it came out. A printer failure never touches
 * the payment.
 */
public final class ReceiptDesk implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptDesk.class);
    private static final Duration REPRINT_WINDOW = Duration.ofMinutes(10);

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

    void printPayment(Order order, Operator operator, FlowSnapshot.PaymentStatus status, Lang lang,
                      CustomerCredit credit, Consumer<Boolean> done) {
        Receipt receipt = composer.payment(order, operator, status, lang);
        journal.storeReceipt(receipt.id(), order.txnId(), "payment", receipt.toStored());
        if (credit != null) {
            Receipt voucher = composer.credit(credit, lang);
            journal.storeReceipt(voucher.id(), order.txnId(), "credit", voucher.toStored());
            print(receipt, ok -> print(voucher, ok2 -> done.accept(ok && ok2)));
        } else {
            print(receipt, done);
        }
    }

    void printCredit(CustomerCredit credit, Lang lang, Consumer<Boolean> done) {
        Receipt voucher = composer.credit(credit, lang);
        journal.storeReceipt(voucher.id(), credit.sourceTxn(), "credit", voucher.toStored());
        print(voucher, done);
    }

    /** After a restart: receipts stored in the last minutes but never printed go out now; older ones wait for service. */
    void reprintRecent() {
        Instant since = clock.instant().minus(REPRINT_WINDOW);
        for (StoredReceipt r : journal.unprintedReceipts()) {
            if (r.createdAt().isAfter(since)) {
                log.info("printing receipt left unprinted before restart id={}", r.receiptId());
                print(composer.fromStored(r), ok -> { });
            }
        }
    }

    /** Reprint from the service screen. */
    public void reprint(StoredReceipt stored, Consumer<Boolean> done) {
        print(composer.fromStored(stored), done);
    }

    private void print(Receipt receipt, Consumer<Boolean> done) {
        printerThread.execute(() -> {
            boolean ok;
            try {
                printer.print(receipt);
                journal.markReceiptPrinted(receipt.id());
                ok = true;
            } catch (DeviceException e) {
                log.warn("receipt not printed id={} code={}", receipt.id(), e.code());
                ok = false;
            } catch (RuntimeException e) {
                log.error("receipt printing crashed id={}", receipt.id(), e);
                ok = false;
            }
            done.accept(ok);
        });
    }

    @Override
    public void close() {
        printerThread.shutdown();
        try {
            // A receipt half-sent when the kiosk stops is stored and unprinted; give it a moment to finish.
            if (!printerThread.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                log.warn("printer still busy at shutdown; the receipt stays stored for a reprint");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
