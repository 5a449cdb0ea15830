package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.journal.Order;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.testing.ShippedConfig;

/**
 * {@code carrier.adapter: osmp} starts (it was refused at start before issue 17): in simulation the OSMP gateway pays
 * through the embedded simulator's /osmp, which books the payment under the order's numeric txn id.
 */
class KioskCoreOsmpTest {

    @TempDir
    Path dir;

    private Path config(String carrierLines) throws IOException {
        return ShippedConfig.withSection(dir, "  adapter: rest", "\n", carrierLines);
    }

    @Test
    void simulationPaysThroughTheEmbeddedSimulatorsOsmpEndpoint() throws Exception {
        Path cfg = config("  adapter: osmp");
        try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
            Msisdn msisdn = Msisdn.of("+79161234567");
            Order o = core.journal().openOrder("topup", msisdn, "mts", null);
            core.journal().recordStacked(o.txnId(), Money.rub(100), "n-" + o.txnId());
            PaymentRequest req = new PaymentRequest(o.txnId(), msisdn, "mts", Money.rub(100), null, o.createdAt());
            core.journal().submit(o.txnId(), Money.rub(100), Money.ZERO_RUB, false, core.dispatcher().payload(req));
            for (int i = 0; i < 50 && core.journal().outbox().status().pendingCount() > 0; i++) {
                core.dispatcher().drainOnce();
                Thread.sleep(20);
            }
            Order paid = core.journal().order(o.txnId()).orElseThrow();
            assertThat(paid.status()).isEqualTo(OrderStatus.CONFIRMED);
            String numeric = core.journal().outbox().numericTxnId(o.txnId());
            String ledger = Files.readString(core.journal().file().toAbsolutePath().getParent()
                    .resolve("carrier-sim/ledger.jsonl"), StandardCharsets.UTF_8);
            assertThat(ledger).contains("\"txnId\":\"" + numeric + "\"").doesNotContain(o.txnId());
            assertThat(ledger).contains("\"carrierRef\":\"" + paid.carrierRef() + "\"");
        }
    }

    @Test
    void aSecretFileOthersCanReadStopsTheStartNamingTheKey() throws Exception {
        Path basic = dir.resolve("basic");
        Files.writeString(basic, "agent:pw\n");
        Files.setPosixFilePermissions(basic, PosixFilePermissions.fromString("rw-r--r--"));
        Path cfg = config("  adapter: osmp\n  osmp:\n    basicAuthFile: " + basic);
        try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
            throw new AssertionError("started with a world-readable secret file");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).contains("carrier.osmp.basicAuthFile").contains("chmod 600");
        }
    }
}
