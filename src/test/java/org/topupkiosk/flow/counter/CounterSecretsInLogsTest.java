package org.topupkiosk.flow.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.counter.CounterCommand.EnterPin;
import org.topupkiosk.flow.counter.CounterCommand.Next;
import org.topupkiosk.testing.SecretScan;

/**
 * The counter's part of the log check (issue 12, item 12; the kiosk's is {@code SecretsInLogsTest}): a wrong and a
 * right cashier PIN, a sale and a refused sale run with every log line captured at DEBUG, and no line carries a PIN,
 * a full number or a code the journal holds.
 */
class CounterSecretsInLogsTest {

    @TempDir
    Path dir;

    @Test
    void noLogLineOfACounterSaleCarriesAPinOrAFullNumber() throws Exception {
        try (CounterFixture k = new CounterFixture(dir); SecretScan scan = new SecretScan()) {
            k.cmd(new CounterCommand.ChooseCashier("anna"), new EnterPin("998877".toCharArray()));
            k.await(x -> x.message() != null && x.message().key().equals("counter.pin.wrong"));
            k.ready();
            k.toReceived("9261234567", "500");
            k.type("1000");
            k.cmd(new Next());
            k.drain();
            k.await(x -> x.screen() == CounterScreen.DONE && x.receipt() == FlowSnapshot.ReceiptState.PRINTED);
            k.cmd(new Next());
            k.toReceived("9161234567", "100");
            k.sim.faults().next(1, Fault.refuse("account-blocked"), "/v1/payments");
            k.type("200");
            k.cmd(new Next());
            k.drain();
            k.await(x -> x.screen() == CounterScreen.RETURN_CASH || x.screen() == CounterScreen.DONE);

            Set<String> secrets = SecretScan.secretsIn(k.journal.file());
            secrets.add(CounterFixture.ANNA_PIN);
            secrets.add("998877");
            assertThat(secrets).contains("+79261234567", "9261234567", "+79161234567");
            assertThat(scan.lines()).anyMatch(l -> l.contains("cashier login"));
            assertThat(scan.leaks(secrets)).isEmpty();
        }
    }
}
