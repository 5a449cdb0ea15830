package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.ops.FleetSimKiosk;
import org.topupkiosk.testing.FleetListener;
import org.topupkiosk.testing.MosquittoBroker;

/**
 * The Last Will after {@code kill -9}: a kiosk process (a child JVM running {@link FleetSimKiosk}, a headless simulated
 * core with the fleet on) is killed without a chance to say goodbye; the broker publishes its will, the state with
 * {@code online=false}, retained, so an office that subscribes later sees the kiosk offline.
 */
class KioskFleetLastWillTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void killedKioskProcessLeavesItsLastWillOfflineAndRetained() throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is not installed");
        broker = MosquittoBroker.start(dir.resolve("broker"));
        FleetKiosks kiosks = new FleetKiosks(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), FleetSimKiosk.class.getName(),
                "--config", kiosks.config.toString(), "--var", dir.resolve("var-child").toString(),
                "--broker", broker.url(), "--kiosk-id", "k-will", "--office-key", kiosks.officeKey.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String state = FleetTopics.standard().state("k-will");
        try (FleetListener office = FleetListener.listen(broker.url(), "topup/+/state")) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("@ready")) {
                // the child's log
            }
            assertThat(line).as("the child kiosk came up").isEqualTo("@ready");
            assertThat(office.await(m -> m.topic().equals(state) && m.payload().contains("\"online\":true"), WAIT))
                    .as("online first").isPresent();
            Thread drain = new Thread(() -> { // keep its pipe drained; the pipe closes under it when the child dies
                try {
                    out.lines().forEach(l -> { });
                } catch (UncheckedIOException closed) {
                    // the kill closed the pipe: an exception left uncaught here fails the next TestFX test
                }
            }, "child-out");
            drain.setDaemon(true);
            drain.start();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(office.await(m -> m.topic().equals(state) && m.payload().contains("\"online\":false"), WAIT))
                    .as("the Last Will").isPresent();
        }
        try (FleetListener late = FleetListener.listen(broker.url(), "topup/+/state")) {
            FleetListener.Received r = late.await(m -> m.topic().equals(state), WAIT).orElseThrow();
            assertThat(r.retained()).isTrue();
            assertThat(r.payload()).contains("\"online\":false").contains("\"kioskId\":\"k-will\"");
        }
    }
}
