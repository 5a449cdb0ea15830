package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.fiscal.FiscalStatus;
import org.topupkiosk.testing.Kioskctl;

/** {@code kioskctl fiscal}: what it refuses before touching a line, and the fault line when nothing answers. */
class FiscalCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        int exit = Kioskctl.run(out, out, args);
        return new Run(exit, out.toString());
    }

    @Test
    void needsExactlyOneOfPortOrTcp() {
        assertThat(run("fiscal", "status")).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).contains("give exactly one of --port PATH or --tcp HOST:PORT");
        });
        assertThat(run("fiscal", "last", "--port", "/dev/null", "--tcp", "h:1").out()).contains("exactly one");
    }

    @Test
    void refusesBadAddressesBaudsAndSecrets() throws Exception {
        for (String bad : new String[] {"host", ":7778", "host:", "host:0", "host:65536", "host:77x"}) {
            Run r = run("fiscal", "status", "--tcp", bad);
            assertThat(r.exit()).as(bad).isEqualTo(2);
            assertThat(r.out()).contains("--tcp: \"" + bad + "\" (expected HOST:PORT");
        }
        Run baud = run("fiscal", "status", "--port", dir.resolve("tty").toString(), "--baud", "1234");
        assertThat(baud.exit()).isEqualTo(2);
        assertThat(baud.out()).contains("--baud: 1234");
        Path secrets = dir.resolve("secrets");
        Files.writeString(secrets, "operator=30\nadmin=abc\n");
        Run s = run("fiscal", "status", "--tcp", "127.0.0.1:1", "--secrets-file", secrets.toString());
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.out()).contains("line 2: admin is not a number").doesNotContain("abc");
    }

    @Test
    void missingPortOrClosedTcpIsAFaultLine() throws Exception {
        Run r = run("fiscal", "status", "--port", dir.resolve("no-such-tty").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().strip()).startsWith("fiscal fault").contains("does not exist");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Run t = run("fiscal", "x-report", "--tcp", "127.0.0.1:" + closed);
        assertThat(t.exit()).isEqualTo(1);
        assertThat(t.out().strip()).startsWith("fiscal fault").contains("cannot connect");
    }

    @Test
    void faultsInAnAnsweringRegister() {
        FiscalStatus ok = new FiscalStatus(true, 3, Optional.empty(), false, "9999078900001234",
                LocalDate.of(2027, 1, 1), 0, Optional.empty(), 10, FiscalStatus.Paper.OK);
        LocalDate today = LocalDate.of(2026, 12, 7);
        assertThat(FiscalCommand.Status.fault(ok, today)).isEmpty();
        assertThat(FiscalCommand.Status.fault(ok, LocalDate.of(2027, 1, 2))).contains(
                "fiscal storage expired on 2027-01-01");
        FiscalStatus noPaper = new FiscalStatus(true, 3, Optional.empty(), false, "9999078900001234",
                LocalDate.of(2027, 1, 1), 0, Optional.empty(), 10, FiscalStatus.Paper.OUT);
        assertThat(FiscalCommand.Status.fault(noPaper, today)).contains("out of paper");
    }
}
