package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deployment scripts (scripts/package, scripts/install-kiosk, the session script and the package's maintainer
 * scripts) pass shellcheck, and install-kiosk refuses bad options before it touches anything (it is run as root on a
 * kiosk; here only its refusals run, never a real installation).
 */
class ScriptsLintTest {

    private static final Path SHELLCHECK = Path.of("/usr/bin/shellcheck");

    private static final List<String> SCRIPTS = List.of("scripts/package", "scripts/install-kiosk",
            "packaging/bin/kiosk-session", "packaging/debian/postinst", "packaging/debian/prerm",
            "packaging/debian/postrm",
            "scripts/fleet-bench", "scripts/fleet-demo", "scripts/fleet-hq");

    @Test
    void deploymentScriptsAreShellcheckClean() throws Exception {
        assumeTrue(Files.isExecutable(SHELLCHECK), "shellcheck is not installed (package shellcheck; CI installs it)");
        List<String> command = new ArrayList<>(List.of(SHELLCHECK.toString(), "-x"));
        command.addAll(SCRIPTS);
        Run r = run(command);
        assertThat(r.out).as("shellcheck").isEmpty();
        assertThat(r.exit).isZero();
    }

    @Test
    void scriptsAreExecutable() {
        assertThat(SCRIPTS).allSatisfy(s -> assertThat(Path.of(s)).isExecutable());
    }

    @Test
    void installKioskRefusesBadOptionsBeforeDoingAnything() throws Exception {
        Run rotate = run(List.of("scripts/install-kiosk", "--rotate", "45"));
        assertThat(rotate.exit).isEqualTo(2);
        assertThat(rotate.out).contains("--rotate '45' is not 0, 90, 180 or 270");
        Run matrix = run(List.of("scripts/install-kiosk", "--touch-matrix", "0 1 0"));
        assertThat(matrix.exit).isEqualTo(2);
        assertThat(matrix.out).contains("--touch-matrix '0 1 0' is not six numbers");
        Run unknown = run(List.of("scripts/install-kiosk", "--desktop"));
        assertThat(unknown.exit).isEqualTo(2);
        assertThat(unknown.out).contains("unknown option '--desktop'");
        Run help = run(List.of("scripts/install-kiosk", "--help"));
        assertThat(help.exit).isZero();
        assertThat(help.out).contains("--rotate", "--touch-matrix", "--no-start").doesNotContain("set -euo");
    }

    private record Run(int exit, String out) {}

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
