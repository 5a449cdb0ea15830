package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code fleet} section: defaults, each bad value a problem naming its key, and the secrets file. */
class FleetSectionTest {

    private static final String KIOSK = """
            kiosk:
              id: "0042"
              address: Test
            """;

    @TempDir
    Path dir;

    private KioskConfig load(String fleet) throws Exception {
        Path f = dir.resolve("kiosk.yaml");
        Files.writeString(f, KIOSK + fleet, StandardCharsets.UTF_8);
        return ConfigLoader.loadKioskConfig(f);
    }

    private List<String> problemKeys(String fleet) {
        try {
            load(fleet);
            return List.of();
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigException.Problem::key).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void offByDefaultAndDefaultsWhenOn() throws Exception {
        assertThat(load("").fleet().enabled()).isFalse();
        assertThat(load("").fleet().kioskId()).as("the kiosk id stands for it").contains("0042");
        KioskConfig.Fleet f = load("""
                fleet:
                  enabled: true
                  broker: tcp://127.0.0.1:1883
                  officeKeyFile: office.pem
                """).fleet();
        assertThat(f.enabled()).isTrue();
        assertThat(f.kioskId()).contains("0042");
        assertThat(f.topicPrefix()).isEqualTo("topup");
        assertThat(f.stateEverySeconds()).isEqualTo(60);
        assertThat(f.cashBoxNotes()).isEqualTo(500);
        assertThat(f.officeKeyFile()).contains(dir.resolve("office.pem"));
        assertThat(load("fleet:\n  enabled: true\n  broker: ssl://fleet.example.net:8883\n  officeKeyFile: o.pem\n"
                + "  kioskId: shop-7.a\n  topicPrefix: acme/topup\n  stateEverySeconds: 5\n").fleet().kioskId())
                .contains("shop-7.a");
    }

    @Test
    void eachBadValueNamesItsKey() {
        assertThat(problemKeys("fleet:\n  enabled: true\n")).contains("fleet.broker", "fleet.officeKeyFile");
        assertThat(problemKeys("fleet:\n  enabled: yes please\n")).contains("fleet.enabled");
        assertThat(problemKeys("fleet:\n  broker: tcp://fleet.example.net:1883\n")).containsExactly("fleet.broker");
        assertThat(problemKeys("fleet:\n  broker: tcp://fleet.example.net:1883\n  allowPlain: true\n")).isEmpty();
        assertThat(problemKeys("fleet:\n  broker: http://127.0.0.1:80\n")).containsExactly("fleet.broker");
        assertThat(problemKeys("fleet:\n  broker: ssl://host\n")).containsExactly("fleet.broker");
        assertThat(problemKeys("fleet:\n  broker: ssl://user:pw@host:8883\n")).containsExactly("fleet.broker");
        assertThat(problemKeys("fleet:\n  kioskId: a/b\n")).containsExactly("fleet.kioskId");
        assertThat(problemKeys("fleet:\n  kioskId: a+\n")).containsExactly("fleet.kioskId");
        assertThat(problemKeys("fleet:\n  topicPrefix: top/#\n")).containsExactly("fleet.topicPrefix");
        assertThat(problemKeys("fleet:\n  stateEverySeconds: 4\n")).containsExactly("fleet.stateEverySeconds");
        assertThat(problemKeys("fleet:\n  stateEverySeconds: 601\n")).containsExactly("fleet.stateEverySeconds");
        assertThat(problemKeys("fleet:\n  cashBoxNotes: 49\n")).containsExactly("fleet.cashBoxNotes");
        assertThat(problemKeys("fleet:\n  cashBoxNotes: many\n")).containsExactly("fleet.cashBoxNotes");
        assertThat(problemKeys("fleet:\n  cashBoxNotes: 1200\n")).isEmpty();
        assertThat(problemKeys("fleet:\n  brokr: x\n")).containsExactly("fleet.brokr");
    }

    @Test
    void secretsFileIsOwnerOnlyAndItsKeysChecked() throws Exception {
        Path secrets = dir.resolve("fleet-secrets.yaml");
        Files.writeString(secrets, "username: k42\npassword: s3cret\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));
        Path cfg = dir.resolve("kiosk.yaml");
        Files.writeString(cfg, KIOSK + "fleet:\n  enabled: true\n  broker: tcp://127.0.0.1:1883\n"
                + "  officeKeyFile: o.pem\n  secretsFile: fleet-secrets.yaml\n");
        KioskConfig.Fleet fleet = ConfigLoader.loadKioskConfig(cfg).fleet();
        assertThatThrownBy(() -> FleetSecrets.load(fleet, cfg)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("fleet.secretsFile").hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        FleetSecrets s = FleetSecrets.load(fleet, cfg);
        assertThat(s.username()).contains("k42");
        assertThat(new String(s.password().orElseThrow())).isEqualTo("s3cret");
        assertThat(s.toString()).doesNotContain("s3cret");
        Files.writeString(secrets, "username: k42\nclientCert: missing.pem\ntoken: x\n");
        assertThatThrownBy(() -> FleetSecrets.load(fleet, cfg)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key token").hasMessageContaining("username and password go together")
                .hasMessageContaining("clientCert");
    }

    @Provide
    Arbitrary<String> brokers() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                Arbitraries.strings().withChars("tcpsl:/.0123456789[]@?#a").ofMaxLength(30),
                Arbitraries.of("tcp://", "ssl://", "tcp://[::1]:1883", "ssl://h:0", "tcp://127.0.0.1:99999",
                        "tcp://localhost:1883", "ssl://h:8883/x"));
    }

    /** Whatever text is under fleet.broker: a config, or a problem that names fleet.broker. */
    @Property(tries = 300)
    void anyBrokerIsAnAddressOrAProblemNamingIt(@ForAll("brokers") String broker) throws Exception {
        String quoted = "'" + broker.replace("'", "''") + "'";
        Path f = Files.createTempFile(dir == null ? Path.of(System.getProperty("java.io.tmpdir")) : dir, "k", ".yaml");
        Files.writeString(f, KIOSK + "fleet:\n  broker: " + quoted + "\n", StandardCharsets.UTF_8);
        try {
            KioskConfig c = ConfigLoader.loadKioskConfig(f);
            c.fleet().broker().ifPresent(u -> assertThat(u.getScheme()).isIn("tcp", "ssl"));
        } catch (ConfigException e) {
            assertThat(e.problems()).extracting(ConfigException.Problem::key).containsOnly("fleet.broker");
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
