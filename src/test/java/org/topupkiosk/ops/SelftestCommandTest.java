package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.testing.Kioskctl;

/**
 * The commissioning path end to end: selftest (embedded simulator or a provider's endpoint by URL, always emulated
 * devices and a fresh journal), then journal verify and outbox status on the journal it wrote; and its refusals.
 */
class SelftestCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, String... args) {
        return Kioskctl.run(out, out, args);
    }

    @Test
    void selftestPaysOnceAndTheJournalVerifies() throws Exception {
        Path config = copyConfig(dir);
        StringWriter out = new StringWriter();
        int rc = run(out, "selftest", "--config", config.toString(), "--amount", "250");
        String printed = out.toString();
        assertThat(rc).as(printed).isZero();
        assertThat(printed).contains("selftest carrier adapter=rest endpoint=embedded-simulator")
                .contains("status=CONFIRMED").contains("to_balance=250.00 RUB").contains("selftest ok");

        Path db = dir.resolve("var/journal.db");
        StringWriter verify = new StringWriter();
        assertThat(run(verify, "journal", "verify", "--db", db.toString())).as(verify.toString()).isZero();
        assertThat(verify.toString()).startsWith("journal ok orders=1 stacked=250.00 RUB");
        StringWriter outbox = new StringWriter();
        assertThat(run(outbox, "outbox", "status", "--db", db.toString())).isZero();
        assertThat(outbox.toString()).startsWith("outbox pending=0");

        // A second run on the same config: the journal is no longer fresh, and nothing is added to it.
        long size = Files.size(db);
        StringWriter again = new StringWriter();
        assertThat(run(again, "selftest", "--config", config.toString())).isEqualTo(1);
        assertThat(again.toString()).contains("selftest FAILED: the journal ")
                .contains("journal.db already exists and holds").contains("needs a fresh journal file");
        assertThat(Files.size(db)).isEqualTo(size);
        StringWriter verifyAgain = new StringWriter();
        assertThat(run(verifyAgain, "journal", "verify", "--db", db.toString())).isZero();
        assertThat(verifyAgain.toString()).startsWith("journal ok orders=1 ");
    }

    /** A provider's test environment by URL (its own key from an owner-only file): accepted, and it is paid once. */
    @Test
    void selftestAcceptsAnyCarrierEndpointWithEmulatedDevicesAndAFreshJournal() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path keyFile = dir.resolve("kiosk.key");
        Files.writeString(keyFile, HexFormat.of().formatHex(key));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        try (CarrierSimulator provider = new CarrierSimulator(0, key, null)) {
            Path config = copyConfig(dir);
            Files.writeString(config, Files.readString(config).replace(
                    "  simulator: embedded     # embedded: carrier simulator on 127.0.0.1 in-process | none: use url below",
                    "  simulator: none\n  url: http://127.0.0.1:" + provider.port() + "\n  kioskKeyFile: " + keyFile));
            Files.createDirectories(dir.resolve("var"));
            Files.createFile(dir.resolve("var/journal.db")); // an empty file is as fresh as none
            StringWriter out = new StringWriter();
            int rc = run(out, "selftest", "--config", config.toString(), "--amount", "150");
            assertThat(rc).as(out.toString()).isZero();
            assertThat(out.toString()).contains("endpoint=http://127.0.0.1:" + provider.port())
                    .contains("status=CONFIRMED").contains("selftest ok");
            assertThat(provider.ledger()).hasSize(1);
            assertThat(provider.ledger().values().iterator().next().appliedCount()).isEqualTo(1);
            assertThat(Files.exists(dir.resolve("var/carrier-sim"))).as("no embedded simulator was started").isFalse();
        }
    }

    @Test
    void selftestRefusesAProductionConfig() throws Exception {
        Path config = copyConfig(dir);
        Files.writeString(config, Files.readString(config).replace("type: emulator          # emulator | ccnet | id003",
                "type: ccnet\n    port: /dev/ttyUSB0"));
        StringWriter out = new StringWriter();
        assertThat(run(out, "selftest", "--config", config.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("has real devices: devices.billAcceptor.type is ccnet (expected emulator)")
                .contains("test cash never enters a real journal");
        assertThat(Files.exists(dir.resolve("var/journal.db"))).isFalse();
    }

    @Test
    void selftestRefusesEveryRealDeviceByName() throws Exception {
        Path config = copyConfig(dir);
        Files.writeString(config, Files.readString(config)
                .replace("    type: emulator          # emulator (renders receipts to PNG under var/) | escpos",
                        "    type: escpos\n    transport: tcp://192.0.2.10:9100")
                .replace("    simulated: true ", "    simulated: false ")
                .replace("  scanner:\n    type: emulator ", "  scanner:\n    type: serial\n    port: /dev/ttyACM0 "));
        StringWriter out = new StringWriter();
        assertThat(run(out, "selftest", "--config", config.toString())).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("devices.printer.type is escpos (expected emulator)")
                .contains("devices.sim is a real reader").contains("devices.scanner.type is serial")
                .doesNotContain("billAcceptor");
        assertThat(Files.exists(dir.resolve("var/journal.db"))).isFalse();
    }

    /** The shipped simulation config, in a scratch copy so its ../var lands in the temp dir. */
    static Path copyConfig(Path dir) throws IOException {
        Path src = Path.of("kiosk-config");
        Path dst = dir.resolve("kiosk-config");
        try (var walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dst.resolve("kiosk.yaml");
    }
}
