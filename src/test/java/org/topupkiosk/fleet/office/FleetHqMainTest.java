package org.topupkiosk.fleet.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.fleet.CommandMessage;
import org.topupkiosk.fleet.FleetKeys;

/** scripts/fleet-hq: clear refusals with exit 2, keygen's owner-only key, and a shellcheck-clean script. */
class FleetHqMainTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FleetHqMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void refused(String expected, String... args) {
        Run r = run(args);
        assertThat(r.exit).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.err).contains("fleet-hq: ", expected);
    }

    @Test
    void badArgumentsAreNamedAndExitTwo() throws Exception {
        refused("--broker URL is required");
        refused("--broker 'http://x:1' is not tcp://HOST:PORT", "--broker", "http://x:1");
        refused("--listen 'nowhere'", "--broker", "tcp://h:1", "--listen", "nowhere");
        refused("unknown option '--bogus'", "--broker", "tcp://h:1", "--bogus", "1");
        refused("--broker needs a value", "--broker");
        refused("--prefix", "--broker", "tcp://h:1", "--prefix", "a/+");
        refused("--username and --password-file go together", "--broker", "tcp://h:1", "--username", "u");
        refused("--state-interval '0'", "--broker", "tcp://h:1", "--state-interval", "0");
        refused("--key " + dir.resolve("none") + " is not a readable file", "--broker", "tcp://h:1", "--key",
                dir.resolve("none").toString());
        Path open = Files.writeString(dir.resolve("open.key"), "x");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        refused("accessible to group or others", "--broker", "tcp://h:1", "--key", open.toString());
        Path notKey = Files.writeString(dir.resolve("not.key"), "hello");
        Files.setPosixFilePermissions(notKey, PosixFilePermissions.fromString("rw-------"));
        refused("PRIVATE KEY", "--broker", "tcp://127.0.0.1:1", "--listen", "127.0.0.1:0", "--key", notKey.toString());
        refused("need an ssl:// broker", "--broker", "tcp://h:1", "--ca", notKey.toString());
        Run help = run("--help");
        assertThat(help.exit).isZero();
        assertThat(help.out).contains("--broker", "--listen", "--key", "keygen --out DIR");
    }

    @Test
    void keygenWritesAnOwnerOnlyKeyThatSignsForItsPublicKey() throws Exception {
        Run r = run("keygen", "--out", dir.toString());
        assertThat(r.exit).as(r.err).isZero();
        Path key = dir.resolve("office.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        CommandMessage c = new CommandMessage("c", "k1", "sync_now", null, Instant.now(), Instant.now(), null);
        assertThat(FleetKeys.verify(FleetKeys.sign(c, FleetKeys.readPrivate(key)),
                FleetKeys.readPublic(dir.resolve("office.pub")))).isTrue();
        Run again = run("keygen", "--out", dir.toString());
        assertThat(again.exit).isEqualTo(2);
        assertThat(again.err).contains("exists; keygen never overwrites a key");
        assertThat(run("keygen").exit).isEqualTo(2);
    }

    @Test
    void theScriptIsShellcheckCleanAndExitsTwoOnBadArguments() throws Exception {
        Path script = Path.of("scripts/fleet-hq");
        assertThat(script).isExecutable();
        Path shellcheck = Path.of("/usr/bin/shellcheck");
        if (Files.isExecutable(shellcheck)) {
            Process p = new ProcessBuilder(shellcheck.toString(), "-x", script.toString()).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).isEmpty();
            assertThat(p.exitValue()).isZero();
        }
        // the main class in its own JVM, as the script starts it (the script itself would rebuild target/)
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FleetHqMain.class.getName(), "--broker", "nonsense"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("fleet-hq: --broker 'nonsense' is not tcp://HOST:PORT");
        assumeTrue(Files.isExecutable(shellcheck), "shellcheck is not installed (CI installs it)");
    }
}
