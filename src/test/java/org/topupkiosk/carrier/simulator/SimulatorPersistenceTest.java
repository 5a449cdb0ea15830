package org.topupkiosk.carrier.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.topupkiosk.carrier.SimulatorFixture.KEY;
import static org.topupkiosk.carrier.SimulatorFixture.gateway;
import static org.topupkiosk.carrier.SimulatorFixture.topUp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.PaymentResult.Status;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.domain.Money;

class SimulatorPersistenceTest {

    @TempDir
    Path dir;

    @Test
    void restartedSimulatorAnswersRepeatsWithTheFirstAnswer() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        PaymentRequest paid = topUp("+79161234567", 700);
        PaymentRequest refused = topUp("+79000000002", 100);
        PaymentRequest pending = topUp("+79000000003", 100);
        PaymentResult first;
        PaymentResult firstRefusal;
        Balance balanceBefore;
        try (CarrierSimulator sim = new CarrierSimulator(0, KEY, file)) {
            RestCarrierGateway gw = gateway(sim);
            first = gw.pay(paid);
            firstRefusal = gw.pay(refused);
            gw.pay(pending);
            assertThat(gw.status(pending.txnId()).status()).isEqualTo(Status.CONFIRMED);
            balanceBefore = gw.balance(paid.msisdn());
        }
        try (CarrierSimulator sim = new CarrierSimulator(0, KEY, file)) {
            RestCarrierGateway gw = gateway(sim);
            assertThat(gw.pay(paid)).isEqualTo(first);
            assertThat(gw.pay(refused)).isEqualTo(firstRefusal);
            assertThat(gw.status(pending.txnId()).status()).isEqualTo(Status.CONFIRMED);
            assertThat(gw.balance(paid.msisdn()).amount()).isEqualTo(balanceBefore.amount());
            assertThat(sim.ledger().get(paid.txnId()).appliedCount()).isEqualTo(1);
            PaymentResult next = gw.pay(topUp("+79161234567", 10));
            assertThat(next.carrierRef()).as("references stay unique across restarts").isNotEqualTo(first.carrierRef());
            assertThat(gw.balance(paid.msisdn()).amount()).isEqualTo(balanceBefore.amount().plus(Money.rub(10)));
        }
    }

    @Test
    void aTornLastLineIsSkipped() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        PaymentRequest paid = topUp("+79161234567", 700);
        try (CarrierSimulator sim = new CarrierSimulator(0, KEY, file)) {
            gateway(sim).pay(paid);
        }
        Files.writeString(file, "{\"event\":\"payment\",\"txnId\":\"torn", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        PaymentRequest after = topUp("+79161234567", 20);
        try (CarrierSimulator sim = new CarrierSimulator(0, KEY, file)) {
            assertThat(sim.ledger()).containsOnlyKeys(paid.txnId());
            gateway(sim).pay(after);
        }
        try (CarrierSimulator sim = new CarrierSimulator(0, KEY, file)) {
            assertThat(sim.ledger()).containsOnlyKeys(paid.txnId(), after.txnId());
        }
    }

    @Test
    void aBusyPortIsAnErrorThatNamesIt() throws Exception {
        try (CarrierSimulator first = new CarrierSimulator(KEY)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CarrierSimulator(first.port(), KEY, null))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("127.0.0.1:" + first.port());
        }
    }
}
