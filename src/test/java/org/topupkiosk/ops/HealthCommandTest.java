package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.app.KioskCore;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.health.Scrape;
import org.topupkiosk.testing.Kioskctl;

/**
 * {@code kioskctl health} against a real simulated kiosk whose endpoint listens where its config says: exit 0 and
 * the metrics while it sells, 1 and the reason while it is locked, 2 when nothing answers or the endpoint is off; and
 * {@code config check} names a listen address that is not loopback.
 */
class HealthCommandTest {

    @TempDir
    Path dir;

    private KioskCore core;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @AfterEach
    void closeCore() {
        if (core != null) {
            core.close();
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Kioskctl.run(out, err, args);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private Path configListeningOn(String listen) throws Exception {
        Path cfg = SelftestCommandTest.copyConfig(Files.createTempDirectory(dir, "kiosk"));
        String yaml = Files.readString(cfg);
        assertThat(yaml).contains("listen: 127.0.0.1:8780");
        Files.writeString(cfg, yaml.replace("listen: 127.0.0.1:8780", "listen: " + listen));
        return cfg;
    }

    @Test
    void exitZeroWhileSellingOneWhileLockedTwoWhenNothingAnswers() throws Exception {
        int port = freePort();
        Path cfg = configListeningOn("127.0.0.1:" + port);
        core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults());
        core.start();
        InetSocketAddress bound = core.serveHealth().orElseThrow();
        assertThat(bound.getPort()).isEqualTo(port);
        Scrape http = new Scrape(bound);
        http.awaitHealth(r -> r.statusCode() == 200, Duration.ofSeconds(20));

        assertThat(run("health", "--config", cfg.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("health: ok\n").containsPattern("(?m)^kiosk_in_service 1(\\.0)?$")
                .contains("kiosk_cashbox_notes ").contains("kiosk_cashbox_amount_minor ");

        core.flow().submit(new FlowCommand.Lock("service"));
        http.awaitHealth(r -> r.statusCode() == 503, Duration.ofSeconds(20));
        assertThat(run("health", "--config", cfg.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("health: OUT OF SERVICE\n  locked for service from the service menu\n")
                .containsPattern("(?m)^kiosk_in_service 0(\\.0)?$");

        core.close();
        core = null;
        assertThat(run("health", "--config", cfg.toString(), "--timeout-ms", "2000")).isEqualTo(2);
        assertThat(err.toString()).contains("the kiosk does not answer at http://127.0.0.1:" + port + "/health")
                .contains("is it running?");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void exitTwoWhenTheEndpointIsOffOrTheConfigIsBad() throws Exception {
        Path off = configListeningOn("off");
        assertThat(run("health", "--config", off.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("health endpoint is off in " + off).contains("health.listen: off");

        Path remote = configListeningOn("10.0.0.5:8780");
        assertThat(run("health", "--config", remote.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("health.listen").contains("is not a loopback address");
    }

    @Test
    void configCheckNamesAListenAddressThatIsNotLoopback() throws Exception {
        Path cfg = configListeningOn("0.0.0.0:8780");
        assertThat(run("config", "check", "--skip-key", "--config", cfg.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("health.listen: \"0.0.0.0:8780\" is not a loopback address")
                .contains("health.allowRemote: true");
        Files.writeString(cfg, Files.readString(cfg).replace("listen: 0.0.0.0:8780",
                "listen: 0.0.0.0:8780\n  allowRemote: true"));
        assertThat(run("config", "check", "--skip-key", "--config", cfg.toString())).as(err.toString()).isZero();
    }
}
