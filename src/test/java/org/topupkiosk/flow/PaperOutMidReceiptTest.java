package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.emulator.printer.PrintedReceipt;
import org.topupkiosk.flow.core.FlowCommand.Confirm;
import org.topupkiosk.flow.core.FlowCommand.Pay;
import org.topupkiosk.flow.core.FlowSnapshot.ReceiptState;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.StoredReceipt;

/**
 * Issue 4 acceptance: the roll ends part-way through the receipt. The payment stands, the receipt stays in the journal
 * unprinted, and once paper is back a reprint through the desk comes out whole, QR code included, through the real
 * ESC/POS driver and the emulator.
 */
class PaperOutMidReceiptTest {

    @TempDir
    Path dir;
    FlowFixture k;

    @BeforeEach
    void setUp() throws Exception {
        k = new FlowFixture(dir);
    }

    @AfterEach
    void tearDown() {
        k.close();
    }

    @Test
    void paymentStaysCreditedAndTheReceiptReprintsOncePaperIsBack() throws Exception {
        k.printer.runOutOfPaperAfter(120);   // a few lines in
        k.toCashInsertion("9161234567", "100");
        k.insert(100, "m1");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        FlowSnapshot s = k.awaitScreen(Screen.DONE);
        k.await(x -> x.receipt() == ReceiptState.FAILED);
        assertThat(k.journal.order(s.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(k.printer.status().paperOut()).isTrue();
        assertThat(k.printer.spoiled()).isEqualTo(1);
        assertThat(k.printer.printed()).isEmpty();
        assertThat(k.journal.unprintedReceipts()).hasSize(1);
        StoredReceipt stored = k.journal.unprintedReceipts().get(0);

        Boolean[] stillOut = new Boolean[1];
        k.desk.reprint(stored, ok -> stillOut[0] = ok);
        k.await(x -> stillOut[0] != null);
        assertThat(stillOut[0]).as("a reprint without paper fails and keeps the receipt").isFalse();
        assertThat(k.journal.unprintedReceipts()).hasSize(1);

        k.printer.setPaperOut(false);
        Boolean[] printed = new Boolean[1];
        k.desk.reprint(stored, ok -> printed[0] = ok);
        k.await(x -> printed[0] != null);
        assertThat(printed[0]).isTrue();
        assertThat(k.journal.unprintedReceipts()).isEmpty();
        PrintedReceipt out = k.printer.printed().get(0);
        assertThat(out.text()).contains(s.txnId()).contains("TOP-UP").contains("ПОПОЛНЕНИЕ СЧЁТА");
        assertThat(out.qrPayloads()).containsExactly(k.desk.lookupLink(s.txnId()));
        assertThat(out.png()).exists();
        assertThat(k.journal.order(s.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    }
}
