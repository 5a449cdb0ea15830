package org.topupkiosk.flow.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.Capability;
import org.topupkiosk.domain.Money;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.counter.CounterCommand.Next;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.testing.NarrowedGateway;

/**
 * The counter sells top-ups, the one service it has: under a gateway narrowed to what the OSMP adapter answers (check
 * and top-up) it sells exactly as under REST, over the real simulator; under a gateway that cannot top up it refuses
 * the sale on the number screen and asks the carrier nothing.
 */
class CounterCapabilitiesTest {

    @TempDir
    Path dir;

    @Test
    void underOsmpTheCounterSellsATopUpAsUnderRest() throws Exception {
        AtomicReference<NarrowedGateway> osmp = new AtomicReference<>();
        try (CounterFixture k = new CounterFixture(dir, g -> {
            osmp.set(new NarrowedGateway(g, NarrowedGateway.OSMP));
            return osmp.get();
        })) {
            k.ready();
            k.toReceived("9161234567", "500");
            k.type("500");
            k.cmd(new Next());
            k.drain();
            CounterSnapshot s = k.await(x -> x.screen() == CounterScreen.DONE
                    && x.receipt() == FlowSnapshot.ReceiptState.PRINTED);
            assertThat(s.status()).isEqualTo(FlowSnapshot.PaymentStatus.CREDITED);
            assertThat(k.journal.order(s.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(k.journal.order(s.txnId()).orElseThrow().cash()).isEqualTo(Money.rub(500));
            assertThat(k.journal.verify().violations()).isEmpty();
            assertThat(osmp.get().refused()).isEmpty();
            assertThat(osmp.get().calls()).contains("checkAccount", "pay");
        }
    }

    @Test
    void aGatewayThatCannotTopUpSellsNothingAtTheCounter() throws Exception {
        AtomicReference<NarrowedGateway> narrow = new AtomicReference<>();
        try (CounterFixture k = new CounterFixture(dir, g -> {
            narrow.set(new NarrowedGateway(g, EnumSet.of(Capability.CHECK_ACCOUNT, Capability.BALANCE)));
            return narrow.get();
        })) {
            k.ready();
            k.type("9161234567");
            k.cmd(new Next());
            CounterSnapshot s = k.snap();
            assertThat(s.screen()).isEqualTo(CounterScreen.NUMBER);
            assertThat(s.message().key()).isEqualTo("counter.topup.not_offered");
            assertThat(s.txnId()).isNull();
            assertThat(narrow.get().calls()).as("the carrier is not asked").isEmpty();
            assertThat(k.sim.ledger()).isEmpty();
        }
    }
}
