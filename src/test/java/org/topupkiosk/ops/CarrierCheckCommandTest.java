package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.testing.Kioskctl;

/**
 * {@code kioskctl carrier check} against real carrier simulators over loopback HTTP: the embedded one a simulation
 * config starts, and a separate one a {@code simulator: none} config names by URL (with its own key from an owner-only
 * file), as a provider's test environment would be named.
 */
class CarrierCheckCommandTest {

    @TempDir
    Path dir;

    private record Run(int rc, String out) {
        String last() {
            List<String> lines = out.strip().lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    private Run check(Path config, String number) {
        StringWriter out = new StringWriter();
        int rc = Kioskctl.run(out, out, "carrier", "check", "--config", config.toString(), "--number", number);
        return new Run(rc, out.toString());
    }

    @Test
    void theEmbeddedSimulatorAnswersForAPayableNumber() throws Exception {
        Path config = SelftestCommandTest.copyConfig(dir);
        Run r = check(config, "+7 916 123-45-67");
        assertThat(r.rc()).as(r.out()).isZero();
        assertThat(r.last()).isEqualTo("carrier ok adapter=rest number=+7 916 ***-**-67 payable=true result=ok");
        assertThat(r.out()).contains("provider: embedded simulator at http://127.0.0.1:")
                .contains("operator: mts").contains("can: [CHECK_ACCOUNT, TOP_UP, BALANCE");
        assertThat(r.out()).as("the number is masked everywhere").doesNotContain("1234567").doesNotContain("123-45");
        assertThat(Files.exists(dir.resolve("var/journal.db"))).as("a check writes no journal").isFalse();
    }

    @Test
    void aRefusalIsAnAnswerNotAFault() throws Exception {
        Path config = SelftestCommandTest.copyConfig(dir);
        Run unknown = check(config, "9000000001");
        assertThat(unknown.rc()).as(unknown.out()).isZero();
        assertThat(unknown.last())
                .isEqualTo("carrier ok adapter=rest number=+7 900 ***-**-01 payable=false result=unknown-number");
        Run blocked = check(config, "89000000002");
        assertThat(blocked.last())
                .isEqualTo("carrier ok adapter=rest number=+7 900 ***-**-02 payable=false result=account-blocked");
    }

    @Test
    void aProvidersEndpointByUrlWithItsKeyFile() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path keyFile = dir.resolve("kiosk.key");
        Files.writeString(keyFile, HexFormat.of().formatHex(key));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        try (CarrierSimulator provider = new CarrierSimulator(0, key, null)) {
            Path config = providerConfig("http://127.0.0.1:" + provider.port(), keyFile);
            Run r = check(config, "9261234567");
            assertThat(r.rc()).as(r.out()).isZero();
            assertThat(r.out()).contains("provider: http://127.0.0.1:" + provider.port()).contains("operator: megafon");
            assertThat(r.last()).isEqualTo("carrier ok adapter=rest number=+7 926 ***-**-67 payable=true result=ok");

            provider.faults().next(5, Fault.httpError(503), "/v1/accounts");
            Run down = check(config, "9261234567");
            assertThat(down.rc()).as(down.out()).isEqualTo(1);
            assertThat(down.last()).startsWith("carrier fault ").contains("503");
        }
        // A wrong key: the provider refuses the signature, and the check says so rather than "ok".
        try (CarrierSimulator other = new CarrierSimulator(0, new byte[32], null)) {
            Run r = check(providerConfig("http://127.0.0.1:" + other.port(), keyFile), "9261234567");
            assertThat(r.rc()).as(r.out()).isEqualTo(1);
            assertThat(r.last()).startsWith("carrier fault ");
        }
    }

    @Test
    void nothingListeningIsAFault() throws Exception {
        Path keyFile = dir.resolve("kiosk.key");
        Files.writeString(keyFile, HexFormat.of().formatHex(new byte[32]));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = check(providerConfig("http://127.0.0.1:" + port, keyFile), "9161234567");
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.last()).startsWith("carrier fault unreachable ");
    }

    @Test
    void aBadNumberOrConfigIsSaidClearly() throws Exception {
        Path config = SelftestCommandTest.copyConfig(dir);
        Run bad = check(config, "12345");
        assertThat(bad.rc()).isEqualTo(2);
        assertThat(bad.last()).startsWith("carrier fault number: '12345' is not a Russian mobile number");
        Files.writeString(config, Files.readString(config).replace("connectTimeoutMs: 3000", "connectTimeoutMs: soon"));
        Run broken = check(config, "9161234567");
        assertThat(broken.rc()).isEqualTo(2);
        assertThat(broken.out()).contains("carrier.connectTimeoutMs");
        assertThat(broken.last()).startsWith("carrier fault config: ");
    }

    /** The shipped simulation config pointed at a provider by URL, with the key from an owner-only file. */
    private Path providerConfig(String url, Path keyFile) throws IOException {
        Path config = SelftestCommandTest.copyConfig(dir.resolve("c" + System.nanoTime()));
        Files.writeString(config, Files.readString(config).replace(
                "  simulator: embedded     # embedded: carrier simulator on 127.0.0.1 in-process | none: use url below",
                "  simulator: none\n  url: " + url + "\n  kioskKeyFile: " + keyFile));
        return config;
    }
}
