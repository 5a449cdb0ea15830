package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.app.FailurePolicy;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.OrderStatus;

/**
 * Issue 12 items 9 and 10: failures take the kiosk out of service safely, and the escrow flag does not outlive the note.
 */
class SafeStopFlowTest {

    @TempDir
    Path dir;

    private static List<AuditEntry> audit(FlowFixture k, String kind) {
        return k.journal.recentAudit(List.of(kind), 10);
    }

    /** Before, the exception escaped the task, was logged, and the kiosk went on taking cash. */
    @Test
    void anExceptionInAFlowCommandTakesTheKioskOutOfServiceWithTheAcceptorDisabledAndAnAuditRow() throws Exception {
        try (FlowFixture k = new FlowFixture(dir)) {
            k.toCashInsertion("9161234567", "300");
            String txn = k.snap().txnId();
            k.insert(500, "n-1");
            k.acceptor.failOnce = "disable"; // the driver throws on the Pay command's disable
            k.cmd(new FlowCommand.Pay());

            assertThat(k.acceptor.commands).endsWith("disable");
            assertThat(k.acceptor.enabled).isEmpty();
            assertThat(audit(k, "internal_error")).singleElement().satisfies(r -> {
                assertThat(r.txnId()).isEqualTo(txn);
                assertThat(r.dataJson()).contains("IllegalStateException");
            });
            // The customer's cash is on a printed credit voucher, then the kiosk rests out of service.
            assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(k.journal.openCredits()).extracting(CustomerCredit::amount).contains(Money.rub(500));
            k.awaitScreen(Screen.CREDIT_VOUCHER);
            k.cmd(new FlowCommand.Finish());
            assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
            assertThat(k.snap().message().key()).isEqualTo("out_of_service.internal_error");
            k.cmd(new FlowCommand.Start());
            assertThat(k.snap().screen()).as("no customer gets in").isEqualTo(Screen.OUT_OF_SERVICE);

            k.cmd(new FlowCommand.Unlock()); // the technician's "Back to customers"
            assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
            assertThat(audit(k, "internal_error_cleared")).hasSize(1);
            assertThat(k.journal.verify().ok()).isTrue();
        }
    }

    @Test
    void anExceptionWhileANoteWaitsInEscrowGivesTheNoteBack() throws Exception {
        try (FlowFixture k = new FlowFixture(dir)) {
            k.toCashInsertion("9161234567", "300");
            k.acceptor.failOnce = "stack";
            k.acceptor.raise(new BillEvent.Escrowed(Money.rub(100)));
            k.exec.runPending();
            assertThat(k.acceptor.commands).containsSubsequence("return", "disable");
            assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
            assertThat(audit(k, "internal_error")).hasSize(1);
        }
    }

    /** The FX thread or a device thread: the process's policy takes the kiosk out of service, without exiting. */
    @Test
    void anExceptionOnAnotherThreadTakesTheKioskOutOfService() throws Exception {
        try (FlowFixture k = new FlowFixture(dir)) {
            List<Integer> exits = new CopyOnWriteArrayList<>();
            FailurePolicy policy = new FailurePolicy(exits::add);
            policy.attach(k.flow);
            Thread fx = new Thread(() -> {
                throw new IllegalStateException("a bug in a screen's handler");
            }, "JavaFX Application Thread");
            fx.setUncaughtExceptionHandler(policy);
            fx.start();
            fx.join();
            k.exec.runPending();
            assertThat(k.snap().screen()).isEqualTo(Screen.OUT_OF_SERVICE);
            assertThat(audit(k, "internal_error")).singleElement()
                    .satisfies(r -> assertThat(r.dataJson()).contains("JavaFX Application Thread"));
            assertThat(exits).isEmpty();
        }
    }

    /** An Error: the acceptor is told to give back the note and stop, the journal says so, the process exits 70. */
    @Test
    void anErrorEndsTheProcessNonZeroAfterStoppingTheCash() throws Exception {
        try (FlowFixture k = new FlowFixture(dir)) {
            k.toCashInsertion("9161234567", "300");
            k.acceptor.raise(new BillEvent.Escrowed(Money.rub(100)));
            k.exec.runPending();
            List<Integer> exits = new CopyOnWriteArrayList<>();
            FailurePolicy policy = new FailurePolicy(exits::add);
            policy.attach(k.flow);
            Thread device = new Thread(() -> {
                throw new OutOfMemoryError("simulated");
            }, "ccnet-poller");
            device.setUncaughtExceptionHandler(policy);
            device.start();
            device.join();
            assertThat(exits).containsExactly(FailurePolicy.EXIT_ON_ERROR);
            assertThat(k.acceptor.commands).containsSubsequence("stack", "return", "disable");
            assertThat(audit(k, "internal_error")).singleElement()
                    .satisfies(r -> assertThat(r.dataJson()).contains("\"fatal\":true"));
        }
    }

    /** Before, the flag set at escrow stayed after a power cut took the note back, and Pay was refused for good. */
    @Test
    void aPowerCutWithANoteInEscrowDoesNotLeavePayRefused() throws Exception {
        try (FlowFixture k = new FlowFixture(dir)) {
            k.toCashInsertion("9161234567", "300");
            k.insert(500, "n-1");
            k.acceptor.raise(new BillEvent.Escrowed(Money.rub(100)));
            k.exec.runPending();
            k.acceptor.raise(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.VALIDATOR, null,
                    "ccnet-x-1"));
            k.exec.runPending();
            k.cmd(new FlowCommand.Pay());
            assertThat(k.snap().screen()).isEqualTo(Screen.CONFIRM);
        }
    }

    @Test
    void aReconnectWithANoteInEscrowDoesNotLeavePayRefused() throws Exception {
        try (FlowFixture k = new FlowFixture(dir)) {
            k.toCashInsertion("9161234567", "300");
            k.insert(500, "n-1");
            k.acceptor.raise(new BillEvent.Escrowed(Money.rub(100)));
            k.exec.runPending();
            k.acceptor.raise(new BillEvent.Fault("offline", true));
            k.acceptor.raise(new BillEvent.Recovered());
            k.exec.runPending();
            k.cmd(new FlowCommand.Pay());
            assertThat(k.snap().screen()).isEqualTo(Screen.CONFIRM);
        }
    }
}
