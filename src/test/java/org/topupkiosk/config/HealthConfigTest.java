package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code health} section: the default, off, loopback only unless allowed, and bad values named by their key. */
class HealthConfigTest {

    private static final String MINIMAL = "kiosk:\n  id: \"0042\"\n  address: Test\n";

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("kiosk.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private KioskConfig.Health health(String section) throws Exception {
        return ConfigLoader.loadKioskConfig(write(MINIMAL + section)).health();
    }

    private String errorOf(String section) throws Exception {
        try {
            ConfigLoader.loadKioskConfig(write(MINIMAL + section));
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigException for:\n" + section);
    }

    @Test
    void withoutASectionTheEndpointListensOnLoopback8780() throws Exception {
        KioskConfig.Health h = health("");
        assertThat(h.listen()).contains(new InetSocketAddress("127.0.0.1", 8780));
        assertThat(h.allowRemote()).isFalse();
        assertThat(h.flowStaleSeconds()).isEqualTo(15);
    }

    @Test
    void theShippedFilesListenOnLoopback() throws Exception {
        for (String f : new String[] {"kiosk.yaml", "production.example.yaml", "counter.example.yaml"}) {
            assertThat(ConfigLoader.loadKioskConfig(Path.of("kiosk-config", f)).health().listen()).as(f)
                    .contains(new InetSocketAddress("127.0.0.1", 8780));
        }
        // The counter demo beside the kiosk demo on one machine.
        assertThat(ConfigLoader.loadKioskConfig(Path.of("kiosk-config/counter.yaml")).health().listen())
                .contains(new InetSocketAddress("127.0.0.1", 8781));
    }

    @Test
    void offInEverySpellingDisablesIt() throws Exception {
        assertThat(health("health:\n  listen: off\n").listen()).isEmpty();
        assertThat(health("health:\n  listen: \"off\"\n").listen()).isEmpty();
        assertThat(health("health:\n  listen: OFF\n").listen()).isEmpty();
    }

    @Test
    void loopbackAddressesInEachForm() throws Exception {
        assertThat(health("health:\n  listen: \"[::1]:9100\"\n").listen().orElseThrow().getAddress().getHostAddress())
                .isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(health("health:\n  listen: localhost:8780\n").listen())
                .contains(new InetSocketAddress("127.0.0.1", 8780));
        assertThat(health("health:\n  listen: 127.0.0.2:1\n").listen())
                .contains(new InetSocketAddress("127.0.0.2", 1));
        assertThat(health("health:\n  flowStaleSeconds: 5\n").flowStaleSeconds()).isEqualTo(5);
    }

    @Test
    void anotherInterfaceIsRefusedUnlessAllowed() throws Exception {
        String error = errorOf("health:\n  listen: 0.0.0.0:8780\n");
        assertThat(error).contains("health.listen").contains("\"0.0.0.0:8780\" is not a loopback address")
                .contains("health.allowRemote: true");
        assertThat(errorOf("health:\n  listen: 192.168.1.20:8780\n")).contains("health.listen");
        assertThat(health("health:\n  listen: 0.0.0.0:8780\n  allowRemote: true\n").listen())
                .contains(new InetSocketAddress("0.0.0.0", 8780));
    }

    @Test
    void badAddressesNameTheKeyAndWhatIsExpected() throws Exception {
        assertThat(errorOf("health:\n  listen: 127.0.0.1\n")).contains("health.listen")
                .contains("\"127.0.0.1\" is not HOST:PORT").contains("127.0.0.1:8780");
        assertThat(errorOf("health:\n  listen: 127.0.0.1:0\n")).contains("health.listen").contains("port \"0\"");
        assertThat(errorOf("health:\n  listen: 127.0.0.1:65536\n")).contains("port \"65536\"");
        assertThat(errorOf("health:\n  listen: 127.0.0.1:http\n")).contains("port \"http\"");
        assertThat(errorOf("health:\n  listen: 300.0.0.1:8780\n")).contains("300 in an IPv4 address");
        assertThat(errorOf("health:\n  listen: kiosk.local:8780\n")).contains("health.listen")
                .contains("not looked up");
        assertThat(errorOf("health:\n  listen: \"[::zz]:8780\"\n")).contains("health.listen");
        assertThat(errorOf("health:\n  listen: 8780\n")).contains("health.listen").contains("is not an address");
        assertThat(errorOf("health:\n  listen: \":8780\"\n")).contains("has no host");
        assertThat(errorOf("health:\n  flowStaleSeconds: 1\n")).contains("health.flowStaleSeconds");
        assertThat(errorOf("health:\n  listne: 127.0.0.1:8780\n")).contains("health.listne");
    }

    @Test
    void formatWritesWhatParseReads() throws Exception {
        for (String text : new String[] {"127.0.0.1:8780", "[::1]:8780", "0.0.0.0:1", "[::]:65535"}) {
            Optional<InetSocketAddress> a = ListenAddress.parse(text);
            assertThat(ListenAddress.format(a.orElseThrow())).isEqualTo(text.replace("[::1]", "[0:0:0:0:0:0:0:1]")
                    .replace("[::]", "[0:0:0:0:0:0:0:0]"));
            assertThat(ListenAddress.parse(ListenAddress.format(a.get()))).isEqualTo(a);
        }
    }
}
