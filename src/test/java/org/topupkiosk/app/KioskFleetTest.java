package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.fleet.FleetJson;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.fleet.StateMessage;
import org.topupkiosk.ops.FleetSimKiosk;
import org.topupkiosk.testing.FleetListener;
import org.topupkiosk.testing.MosquittoBroker;

/** A simulated kiosk core with {@code fleet.enabled} against a real Mosquitto: its retained state and goodbye. */
class KioskFleetTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final FleetTopics TOPICS = FleetTopics.standard();

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private KioskCore core;

    @AfterEach
    void stop() {
        if (core != null) {
            core.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aNewSubscriberGetsTheRetainedStateOnlineAndACleanStopSaysOffline() throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is not installed");
        broker = MosquittoBroker.start(dir.resolve("broker"));
        FleetKiosks kiosks = new FleetKiosks(dir);
        core = kiosks.start(broker.url(), "k-retained");
        // Subscribed only after the kiosk published: what arrives is the retained message.
        awaitConnected();
        Thread.sleep(300);
        try (FleetListener office = FleetListener.listen(broker.url(), "topup/+/state")) {
            FleetListener.Received r = office.await(m -> m.topic().equals(TOPICS.state("k-retained")), WAIT)
                    .orElseThrow(() -> new AssertionError("no retained state"));
            assertThat(r.retained()).isTrue();
            assertThat(r.payload()).contains("\"online\":true");
            StateMessage s = FleetJson.read(r.payload().getBytes(StandardCharsets.UTF_8), StateMessage.class);
            assertThat(s.kioskId()).isEqualTo("k-retained");
            assertThat(s.mode()).isEqualTo(StateMessage.IN_SERVICE);
            assertThat(s.audit().count()).isPositive();
            assertThat(s.anchors()).extracting(StateMessage.AuditMark::count).contains(1L);
            assertThat(s.devices()).extracting(StateMessage.Device::name).contains("printer");
            core.close();
            core = null;
            Optional<FleetListener.Received> bye = office.await(m -> m.topic().equals(TOPICS.state("k-retained"))
                    && m.payload().contains("\"online\":false"), WAIT);
            assertThat(bye).as("the clean stop's goodbye").isPresent();
        }
        try (FleetListener late = FleetListener.listen(broker.url(), "topup/+/state")) {
            assertThat(late.await(m -> m.retained() && m.payload().contains("\"online\":false"), WAIT)).isPresent();
        }
    }

    private void awaitConnected() throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!core.fleetAgent().orElseThrow().connected() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(core.fleetAgent().orElseThrow().connected()).as("connected to the broker").isTrue();
    }

    @Test
    void connectsWithTheUsernameAndPasswordOfItsSecretsFileOnly() throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is not installed");
        Path passwords = MosquittoBroker.passwordFile(dir.resolve("passwd"), "k-pass", "pw-123");
        broker = MosquittoBroker.start(dir.resolve("broker"), List.of("allow_anonymous false",
                "password_file " + passwords));
        FleetKiosks kiosks = new FleetKiosks(dir);
        Path secrets = dir.resolve("fleet-secrets.yaml");
        Files.writeString(secrets, "username: k-pass\npassword: wrong\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        core = start(kiosks, "k-pass", secrets);
        Thread.sleep(3000);
        assertThat(core.fleetAgent().orElseThrow().connected()).as("refused with a wrong password").isFalse();
        core.close();
        Files.writeString(secrets, "username: k-pass\npassword: pw-123\n");
        core = start(kiosks, "k-pass", secrets);
        awaitConnected();
    }

    /** A kiosk of {@code kiosks} whose fleet section names {@code secrets}. */
    private KioskCore start(FleetKiosks kiosks, String id, Path secrets) throws Exception {
        LoadedConfig loaded = FleetSimKiosk.config(kiosks.config, kiosks.dir.resolve("var-" + id),
                URI.create(broker.url()), id, kiosks.officeKey);
        KioskConfig.Fleet f = loaded.config().fleet();
        KioskConfig cfg = loaded.config().withFleet(new KioskConfig.Fleet(true, f.broker(), false, f.kioskId(),
                f.topicPrefix(), Optional.of(secrets), f.officeKeyFile(), f.stateEverySeconds(), f.cashBoxNotes()));
        KioskCore c = new KioskCore(new LoadedConfig(cfg, loaded.catalog(), loaded.numbering()), kiosks.config,
                KioskCore.Options.defaults());
        c.start();
        return c;
    }
}
