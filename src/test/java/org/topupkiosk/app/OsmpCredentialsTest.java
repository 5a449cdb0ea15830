package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.osmp.OsmpAuth;
import org.topupkiosk.config.ConfigException;
import org.topupkiosk.config.KioskConfig;

/** The OSMP secret files: owner-only, well formed, and errors naming the key without echoing the secret. */
class OsmpCredentialsTest {

    @TempDir
    Path dir;

    private Path secret(String name, String text, String perms) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
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
        return new KioskConfig.Osmp(Optional.empty(), Optional.of(basic), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
