package org.topupkiosk.fleet.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.fleet.FleetTopics;
import org.topupkiosk.testing.MosquittoBroker;

/**
 * The office over TLS to a Mosquitto that requires a client certificate (certificates made here with openssl):
 * started from its command line (--ca, --cert, --client-key) it connects; without a client certificate it does not.
 */
class OfficeTlsTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    @TempDir
    Path dir;

    @Test
    void theOfficeConnectsWithItsClientCertificateAndNotWithout() throws Exception {
        assumeTrue(MosquittoBroker.available(), "mosquitto is not installed (CI installs it)");
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
                "-subj", "/CN=fleet-test-ca");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
                "/CN=127.0.0.1");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "server.crt", "-days", "2", "-extfile", "san.ext");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "office.key");
        openssl("req", "-new", "-key", "office.key", "-out", "office.csr", "-subj", "/CN=office");
        openssl("x509", "-req", "-in", "office.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "office.crt", "-days", "2");
        Files.setPosixFilePermissions(dir.resolve("office.key"), PosixFilePermissions.fromString("rw-------"));
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("broker"), List.of("allow_anonymous true",
                "cafile " + dir.resolve("ca.crt"), "certfile " + dir.resolve("server.crt"),
                "keyfile " + dir.resolve("server.key"), "require_certificate true"))) {
            String url = "ssl://127.0.0.1:" + broker.port();
            OfficeOptions o = OfficeOptions.parse(List.of("--broker", url, "--listen", "127.0.0.1:0", "--ca",
                    dir.resolve("ca.crt").toString(), "--cert", dir.resolve("office.crt").toString(), "--client-key",
                    dir.resolve("office.key").toString()));
            try (FleetHqMain.Running running = FleetHqMain.start(o)) {
                FleetOfficeMosquittoTest.await(() -> running.office().connected());
            }
            FleetBoard board = new FleetBoard(FleetTopics.standard(), Clock.systemUTC(), Duration.ofSeconds(60),
                    FleetBoard.Limits.standard());
            try (FleetOffice noCert = new FleetOffice(new BrokerSettings(url, "office-no-cert", null, null,
                    OfficeTls.socketFactory(dir.resolve("ca.crt"), null, null)), FleetTopics.standard(), board, null,
                    Clock.systemUTC(), FleetOffice.DEFAULT_COMMAND_TTL)) {
                noCert.start(Duration.ofSeconds(5));
                assertThat(noCert.connected()).as("the broker requires a client certificate").isFalse();
            }
        }
    }

    private void openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(OPENSSL.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
    }
}
