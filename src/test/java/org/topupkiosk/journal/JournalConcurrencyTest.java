package org.topupkiosk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Money;

/** The flow thread sells while the sync thread confirms: the shared connection must keep every sale whole. */
class JournalConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void flowAndSyncThreadsShareTheJournal() throws Exception {
        int sales = 200;
        try (Journal journal = Journal.open(dir.resolve("journal.db"), "0042", Clock.systemUTC())) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> flow = pool.submit(() -> {
                    for (int i = 0; i < sales; i++) {
                        Order order = journal.openOrder("topup", JournalTest.NUMBER, "mts", null);
                        journal.recordStacked(order.txnId(), Money.rub(100), "n" + i);
                        journal.submit(order.txnId(), Money.rub(95), Money.rub(5), false, JournalTest.PAYLOAD);
                    }
                });
                Future<Integer> sync = pool.submit(() -> {
                    int confirmed = 0;
                    while (confirmed < sales) {
                        List<Confirmation> batch = journal.outbox().due(Instant.now().plusSeconds(1), 50).stream()
                                .map(item -> new Confirmation(item.txnId(), "ref-" + item.txnId())).toList();
                        confirmed += journal.confirmAll(batch);
                        if (batch.isEmpty()) {
                            if (flow.isDone()) {
                                break;
                            }
                            Thread.sleep(1);
                        }
                    }
                    return confirmed;
                });
                flow.get(60, TimeUnit.SECONDS);
                assertThat(sync.get(60, TimeUnit.SECONDS)).isEqualTo(sales);
            } finally {
                pool.shutdownNow();
            }
            assertThat(journal.ordersByStatus(OrderStatus.CONFIRMED)).hasSize(sales);
            VerifyReport report = journal.verify();
            assertThat(report.violations()).isEmpty();
            assertThat(report.summary()).contains("stacked=20000.00 RUB");
        }
    }
}
