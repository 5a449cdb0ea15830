package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.journal.CustomerCredit;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.StoredReceipt;
import org.topupkiosk.sync.PaymentPayloads;

/**
 * Issue 12 item 6: a package, e-PIN or eSIM order open when the process dies is resumed with the product and price it
 * was opened for (journaled with the order), and completes as it would have without the restart.
 */
class OrderTermsRestartTest {

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

    private void home(Service service) {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(service));
    }

    @Test
    void aPackageOrderResumedAfterARestartKeepsItsProductAndPriceAndCompletes() throws Exception {
        home(Service.PACKAGE);
        k.type("9161234567");
        k.cmd(new Next());
        k.awaitScreen(Screen.PACKAGE_LIST);
        k.cmd(new ChooseProduct("mts-combo-15g-500-month"), new Next());
        String txn = k.snap().txnId();
        k.insert(500, "p1");

        k.flow = k.newFlow(); // the process died and came back
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(s.txnId()).isEqualTo(txn);
        assertThat(s.cashInserted()).isEqualTo(Money.rub(500));
        assertThat(s.services().selected()).as("the package is still the one chosen").isNotNull();
        assertThat(s.services().selected().id()).isEqualTo("mts-combo-15g-500-month");
        assertThat(s.services().selected().price()).isEqualTo(Money.rub(650));
        assertThat(s.minAmount()).as("its price is still the least it can be paid with").isEqualTo(Money.rub(650));
        k.cmd(new Pay());
        assertThat(k.snap().message().key()).as("500 still does not buy a 650 package").isEqualTo("pay.below_min");
        k.insert(200, "p2");
        k.cmd(new Pay(), new Confirm());
        String payload = k.journal.outbox().due(Instant.now().plusSeconds(60), 10).get(0).payloadJson();
        assertThat(PaymentPayloads.fromJson(payload).productId()).isEqualTo("mts-combo-15g-500-month");
        k.drain();
        k.awaitScreen(Screen.DONE);
        assertThat(k.sim.ledger().get(txn).productId()).isEqualTo("mts-combo-15g-500-month");
        assertThat(k.sim.ledger().get(txn).amount()).isEqualTo(Money.rub(700));
        StoredReceipt receipt = k.journal.recentReceipts(5).stream().filter(r -> txn.equals(r.txnId()))
                .findFirst().orElseThrow();
        // After a restart the receipt is in the kiosk's default language (Russian): the session's language is not journaled.
        assertThat(receipt.body()).as("the receipt names the package").contains("15 ГБ и 500 минут на месяц")
                .contains("650");
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    @Test
    void anEPinOrderResumedAfterARestartKeepsItsNominalAndGivesChangeOnAVoucher() throws Exception {
        home(Service.EPIN);
        k.cmd(new ChooseOperator("beeline"));
        k.awaitScreen(Screen.GOODS_LIST);
        k.cmd(new ChooseProduct("beeline-epin-300"), new Next());
        String txn = k.snap().txnId();
        Money needed = k.config.catalog().operator("beeline").orElseThrow().fee().cashNeededFor(Money.rub(300));
        k.insert(200, "e1");
        k.insert(100, "e2");

        k.flow = k.newFlow();
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(s.txnId()).isEqualTo(txn);
        assertThat(s.services().goods()).isNotNull();
        assertThat(s.services().goods().selected().id()).isEqualTo("beeline-epin-300");
        assertThat(s.services().goods().selected().price()).isEqualTo(Money.rub(300));
        k.insert(50, "e3");
        k.insert(50, "e4");
        assertThat(k.acceptor.lastCommand()).as("the price is covered: the next note is only change")
                .isEqualTo("return");
        k.cmd(new Pay(), new Confirm());
        CustomerCredit voucher = k.journal.openCredits().stream().filter(c -> c.reason().contains(txn))
                .findFirst().orElseThrow();
        assertThat(voucher.amount()).isEqualTo(Money.rub(350).minus(needed));
        k.drain();
        k.awaitScreen(Screen.GOODS_DONE);
        assertThat(k.sim.ledger().get(txn).amount()).as("the carrier gets the nominal").isEqualTo(Money.rub(300));
        assertThat(k.sim.ledger().get(txn).productId()).isEqualTo("beeline-epin-300");
        Order order = k.journal.order(txn).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(k.journal.goods(txn)).isPresent();
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    @Test
    void anESimOrderResumedAfterARestartKeepsItsPlanAndTheDeviceIdItWasOpenedFor() throws Exception {
        home(Service.ESIM);
        k.cmd(new ChooseOperator("mts"));
        k.awaitScreen(Screen.GOODS_LIST);
        k.cmd(new ChooseProduct("mts-esim-tourist-7d"));
        k.type(GoodsFlowTest.SAMPLE_EID);
        k.cmd(new Next(), new Next());
        String txn = k.snap().txnId();
        k.insert(500, "s1");

        k.flow = k.newFlow();
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.CASH_INSERTION);
        assertThat(s.services().goods().selected().id()).isEqualTo("mts-esim-tourist-7d");
        k.insert(100, "s2");
        k.cmd(new Pay(), new Confirm());
        String payload = k.journal.outbox().due(Instant.now().plusSeconds(60), 10).get(0).payloadJson();
        assertThat(PaymentPayloads.fromJson(payload).device().digits()).isEqualTo(GoodsFlowTest.SAMPLE_EID);
        k.drain();
        k.awaitScreen(Screen.GOODS_DONE);
        assertThat(k.sim.ledger().get(txn).amount()).isEqualTo(Money.rub(600));
        assertThat(k.journal.order(txn).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(k.journal.verify().violations()).isEmpty();
    }
}
