package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.osmp.OsmpAuth;

/** {@code carrier.osmp}: keys, the rules between them, errors naming the key, and the owner-only secret files. */
class OsmpConfigTest {

    private static final String MINIMAL = "kiosk:\n  id: \"0042\"\n  address: Test\n";
    private static final String OSMP_NONE = MINIMAL + "carrier:\n  adapter: osmp\n  simulator: none\n";

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("kiosk.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private String errorOf(String yaml) throws Exception {
        try {
            ConfigLoader.loadKioskConfig(write(yaml));
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigException for:\n" + yaml);
    }

    private Path secret(String name, String text, String perms) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    @Test
    void osmpKeysAreReadAndNeedNoHmacKey() throws Exception {
        KioskConfig.Carrier c = ConfigLoader.loadKioskConfig(write(OSMP_NONE + "  osmp:\n"
                + "    url: https://provider.example.ru/osmp\n    basicAuthFile: secrets/basic\n"
                + "    clientCertFile: secrets/client.p12\n    clientCertPasswordFile: secrets/p12.pw\n"
                + "    trustFile: provider-ca.pem\n")).carrier();
        assertThat(c.adapter()).isEqualTo(KioskConfig.Adapter.OSMP);
        assertThat(c.osmp().url()).contains(URI.create("https://provider.example.ru/osmp"));
        assertThat(c.osmp().basicAuthFile()).contains(dir.resolve("secrets/basic"));
        assertThat(c.osmp().clientCertFile()).contains(dir.resolve("secrets/client.p12"));
        assertThat(c.osmp().clientCertPasswordFile()).contains(dir.resolve("secrets/p12.pw"));
        assertThat(c.osmp().trustFile()).contains(dir.resolve("provider-ca.pem"));
        assertThat(c.kioskKeyFile()).isEmpty();
        // Without the section: nothing, and a REST kiosk is unchanged.
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL)).carrier().osmp()).isEqualTo(KioskConfig.Osmp.NONE);
    }

    @Test
    void badValuesAreNamedByTheirKey() throws Exception {
        assertThat(errorOf(OSMP_NONE)).contains("carrier.osmp.url: is missing (required with adapter: osmp");
        assertThat(errorOf(OSMP_NONE + "  osmp:\n    url: http://provider.example.ru/osmp\n"))
                .contains("carrier.osmp.url: \"http://provider.example.ru/osmp\" uses plain http to provider.example.ru");
        assertThat(errorOf(OSMP_NONE + "  osmp:\n    url: https://p.example\n    clientCertPasswordFile: pw\n"))
                .contains("carrier.osmp.clientCertPasswordFile: is set without clientCertFile");
        assertThat(errorOf(OSMP_NONE + "  osmp:\n    url: http://127.0.0.1:9/osmp\n    clientCertFile: c.pem\n"))
                .contains("carrier.osmp.clientCertFile: needs an https url");
        assertThat(errorOf(OSMP_NONE + "  osmp:\n    url: https://p.example\n    basicAuthFile: \"\"\n"))
                .contains("carrier.osmp.basicAuthFile: is empty");
        assertThat(errorOf(OSMP_NONE + "  osmp:\n    url: https://p.example\n    password: x\n"))
                .contains("carrier.osmp.password").contains("secrets never go in YAML");
        // Loopback http is allowed, as for REST; the embedded simulator needs no url.
        assertThat(ConfigLoader.loadKioskConfig(write(OSMP_NONE + "  osmp:\n    url: http://127.0.0.1:8080/osmp\n"))
                .carrier().osmp().url()).isPresent();
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL + "carrier:\n  adapter: osmp\n")).carrier().osmp().url())
                .isEmpty();
    }

    @Test
    void basicAuthFileMustBeOwnerOnlyAndOneLine() throws Exception {
        Path cfg = dir.resolve("kiosk.yaml");
        Path open = secret("basic-open", "agent:s3cret\n", "rw-r--r--");
        KioskConfig.Osmp o = new KioskConfig.Osmp(Optional.empty(), Optional.of(open),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> OsmpCredentials.load(o, cfg)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("carrier.osmp.basicAuthFile").hasMessageContaining("accessible to group or others")
                .hasMessageContaining("chmod 600");
        Path bad = secret("basic-bad", "no colon here\n", "rw-------");
        assertThatThrownBy(() -> OsmpCredentials.load(osmp(bad), cfg)).hasMessageContaining("carrier.osmp.basicAuthFile")
                .hasMessageContaining("one line user:password").hasMessageNotContaining("no colon here");
        assertThatThrownBy(() -> OsmpCredentials.load(osmp(dir.resolve("missing")), cfg))
                .hasMessageContaining("carrier.osmp.basicAuthFile").hasMessageContaining("not found");
        OsmpAuth auth = OsmpCredentials.load(osmp(secret("basic", "agent:s3:cret\n", "rw-------")), cfg);
        assertThat(auth.basicUser()).isEqualTo("agent");
        assertThat(auth.basicPassword()).containsExactly("s3:cret".toCharArray());
        assertThat(auth.toString()).doesNotContain("s3:cret");
    }

    @Test
    void pkcs12WithoutItsPasswordFileOrWithGarbageIsRefused() throws Exception {
        Path cfg = dir.resolve("kiosk.yaml");
        Path p12 = dir.resolve("c.p12");
        Files.write(p12, new byte[] {0x30, (byte) 0x82, 1, 2, 3});
        Files.setPosixFilePermissions(p12, PosixFilePermissions.fromString("rw-------"));
        KioskConfig.Osmp noPw = new KioskConfig.Osmp(Optional.empty(), Optional.empty(),
                Optional.of(p12), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> OsmpCredentials.load(noPw, cfg))
                .hasMessageContaining("carrier.osmp.clientCertPasswordFile: is missing");
        Path pw = secret("pw", "changeit\n", "rw-------");
        KioskConfig.Osmp garbage = new KioskConfig.Osmp(Optional.empty(), Optional.empty(),
                Optional.of(p12), Optional.of(pw), Optional.empty());
        assertThatThrownBy(() -> OsmpCredentials.load(garbage, cfg))
                .hasMessageContaining("carrier.osmp.clientCertFile").hasMessageContaining("PKCS#12");
        Files.setPosixFilePermissions(p12, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> OsmpCredentials.load(garbage, cfg))
                .hasMessageContaining("carrier.osmp.clientCertFile").hasMessageContaining("chmod 600");
    }

    private static KioskConfig.Osmp osmp(Path basic) {
        return new KioskConfig.Osmp(Optional.empty(), Optional.of(basic),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
