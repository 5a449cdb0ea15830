package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskKeyTest {

    static final String HEX_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    static final Path CONFIG = Path.of("kiosk.yaml");

    @TempDir
    Path dir;

    private static KioskConfig.Carrier carrier(KioskConfig.Simulator sim, Path file, String env) {
        return new KioskConfig.Carrier(KioskConfig.Adapter.REST, sim, Optional.empty(), Optional.ofNullable(file),
                Optional.ofNullable(env), 1000, 1000);
    }

    private Path keyFile(String content, String perms) throws Exception {
        Path f = dir.resolve("kiosk.key");
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    @Test
    void readsAPrivateKeyFile() throws Exception {
        Path f = keyFile(HEX_KEY + "\n", "rw-------");
        KioskKey key = KioskKey.load(carrier(KioskConfig.Simulator.NONE, f, null), CONFIG, n -> null);
        assertThat(key.bytes()).hasSize(32).startsWith((byte) 0x00, (byte) 0x11);
        assertThat(key.source()).isEqualTo(KioskKey.Source.FILE);
        assertThat(key.toString()).doesNotContain("0011").contains("32 bytes");
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        Path f = keyFile(HEX_KEY, "rw-r--r--");
        assertThatThrownBy(() -> KioskKey.load(carrier(KioskConfig.Simulator.NONE, f, null), CONFIG, n -> null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kiosk.yaml: carrier.kioskKeyFile: ")
                .hasMessageContaining("accessible to group or others (rw-r--r--); run: chmod 600");
        Path g = keyFile(HEX_KEY, "rw-rw----");
        assertThatThrownBy(() -> KioskKey.load(carrier(KioskConfig.Simulator.NONE, g, null), CONFIG, n -> null))
                .hasMessageContaining("chmod 600");
    }

    @Test
    void readsBase64FromTheEnvironmentAndRefusesShortOrMissingKeys() throws Exception {
        String b64 = "base64:" + Base64.getEncoder().encodeToString(new byte[48]); // all-"A": looks like hex
        KioskKey key = KioskKey.load(carrier(KioskConfig.Simulator.NONE, null, "TOPUP_KEY"), CONFIG,
                Map.of("TOPUP_KEY", b64)::get);
        assertThat(key.bytes()).hasSize(48);
        assertThat(key.source()).isEqualTo(KioskKey.Source.ENV);
        byte[] ff = new byte[33];
        Arrays.fill(ff, (byte) 0xFF);
        String plainB64 = Base64.getEncoder().encodeToString(ff); // "////...": not hex
        assertThat(KioskKey.load(carrier(KioskConfig.Simulator.NONE, null, "K"), CONFIG, n -> plainB64).bytes())
                .isEqualTo(ff);
        assertThatThrownBy(() -> KioskKey.load(carrier(KioskConfig.Simulator.NONE, null, "TOPUP_KEY"), CONFIG, n -> null))
                .hasMessageContaining("carrier.kioskKeyEnv: environment variable TOPUP_KEY is not set");
        assertThatThrownBy(() -> KioskKey.load(carrier(KioskConfig.Simulator.NONE, null, "K"), CONFIG, n -> "abcd"))
                .hasMessageContaining("holds 2 bytes (expected at least 32");
        assertThatThrownBy(() -> KioskKey.load(carrier(KioskConfig.Simulator.NONE, dir.resolve("none.key"), null),
                CONFIG, n -> null)).hasMessageContaining("not found");
    }

    @Test
    void developmentKeyOnlyWithTheEmbeddedSimulator() throws Exception {
        KioskKey dev = KioskKey.load(carrier(KioskConfig.Simulator.EMBEDDED, null, null), CONFIG, n -> null);
        assertThat(dev.source()).isEqualTo(KioskKey.Source.DEVELOPMENT);
        assertThatThrownBy(() -> KioskKey.load(carrier(KioskConfig.Simulator.NONE, null, null), CONFIG, n -> null))
                .hasMessageContaining("carrier.kioskKeyFile: is missing");
    }
}
