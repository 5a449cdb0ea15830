package org.topupkiosk.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/fleet.md tells an operator to make the office's command key with openssl ({@code genpkey -algorithm ed25519},
 * {@code pkey -pubout}); the files those commands write are what {@link FleetKeys} reads, and a command signed with
 * the private one verifies with the public one (and not after a change).
 */
class OpensslOfficeKeyTest {

    @Test
    void opensslEd25519KeysSignAndVerifyCommands(@TempDir Path dir) throws Exception {
        assumeTrue(FleetPki.available(), "openssl is installed");
        run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", "office-key.pem");
        run(dir, "openssl", "pkey", "-in", "office-key.pem", "-pubout", "-out", "office-key.pub.pem");
        CommandMessage cmd = new CommandMessage("c-1", "K-001", CommandMessage.OUT_OF_SERVICE,
                Map.of("reason", "cash box full"), Instant.parse("2026-12-07T07:00:00Z"),
                Instant.parse("2026-12-07T07:05:00Z"), null);
        CommandMessage signed = FleetKeys.sign(cmd, FleetKeys.readPrivate(dir.resolve("office-key.pem")));
        PublicKey officeKey = FleetKeys.readPublic(dir.resolve("office-key.pub.pem"));
        assertThat(FleetKeys.verify(signed, officeKey)).isTrue();
        CommandMessage changed = new CommandMessage("c-1", "K-002", signed.type(), signed.args(), signed.issuedAt(),
                signed.expiresAt(), signed.signature());
        assertThat(FleetKeys.verify(changed, officeKey)).isFalse();
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
