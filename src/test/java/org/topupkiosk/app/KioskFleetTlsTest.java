package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.KioskConfig;
import org.topupkiosk.config.LoadedConfig;
import org.topupkiosk.ops.FleetSimKiosk;
import org.topupkiosk.testing.MosquittoBroker;

/**
 * The kiosk on an {@code ssl://} broker with its own client certificate: Mosquitto requires a certificate signed by
 * the fleet's CA and takes the kiosk's identity from it. The certificates are made by openssl for the test.
 */
class KioskFleetTlsTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final Duration WAIT = Duration.ofSeconds(20);

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

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(OPENSSL.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("openssl %s: %s", cmd, out).isTrue();
    }

    /** A key and a certificate signed by the test CA; {@code san} for the broker's address. */
    private void signed(String name, String cn, String san) throws Exception {
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/CN=" + cn);
        Path ext = dir.resolve(name + ".ext");
        Files.writeString(ext, san == null ? "basicConstraints=CA:FALSE\n" : "subjectAltName=" + san + "\n");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-out", name + ".crt", "-extfile", ext.toString());
    }

    @Test
    void connectsToAnSslBrokerWithItsClientCertificate() throws Exception {
        assumeTrue(MosquittoBroker.available() && Files.isExecutable(OPENSSL), "mosquitto or openssl missing");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
                "-subj", "/CN=fleet test CA");
        signed("broker", "127.0.0.1", "IP:127.0.0.1");
        signed("k-tls", "k-tls", null);
        Files.setPosixFilePermissions(dir.resolve("k-tls.key"), PosixFilePermissions.fromString("rw-------"));
        broker = MosquittoBroker.start(dir.resolve("broker"), List.of("cafile " + dir.resolve("ca.crt"),
                "certfile " + dir.resolve("broker.crt"), "keyfile " + dir.resolve("broker.key"),
                "require_certificate true", "use_identity_as_username true"));
        Path secrets = dir.resolve("fleet-secrets.yaml");
        Files.writeString(secrets, "clientCert: k-tls.crt\nclientKey: k-tls.key\ncaFile: ca.crt\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        FleetKiosks kiosks = new FleetKiosks(dir);
        URI ssl = URI.create("ssl://127.0.0.1:" + broker.port());
        LoadedConfig loaded = FleetSimKiosk.config(kiosks.config, dir.resolve("var-tls"), ssl, "k-tls",
                kiosks.officeKey);
        KioskConfig.Fleet f = loaded.config().fleet();
        KioskConfig cfg = loaded.config().withFleet(new KioskConfig.Fleet(true, f.broker(), false, f.kioskId(),
                f.topicPrefix(), Optional.of(secrets), f.officeKeyFile(), f.stateEverySeconds(), f.cashBoxNotes()));
        core = new KioskCore(new LoadedConfig(cfg, loaded.catalog(), loaded.numbering()), kiosks.config,
                KioskCore.Options.defaults());
        core.start();
        long end = System.nanoTime() + WAIT.toNanos();
        while (!core.fleetAgent().orElseThrow().connected() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(core.fleetAgent().orElseThrow().connected()).as("connected over TLS with its certificate")
                .isTrue();
        assertThat(Files.readString(broker.log())).contains("k-tls");
    }
}
