package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.fleet.FleetKeys;
import org.topupkiosk.testing.Kioskctl;

class ConfigCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Kioskctl.run(out, err, args);
    }

    @Test
    void checksTheDefaultConfig() {
        assertThat(run("config", "check")).isZero();
        assertThat(out.toString().strip())
                .isEqualTo("config ok: kiosk-config/kiosk.yaml kiosk=SIM-0001 mode=kiosk operators=4 ranges=41");
    }

    @Test
    void reportsEveryErrorAndExitsOne(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "kiosk:\n  id: \"0042\"\n  address: x\n  mode: shop\nsales:\n  orderCashLimitRub: abc\n");
        assertThat(run("config", "check", "--config", f.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("config errors (2):", "kiosk.mode: \"shop\"", "sales.orderCashLimitRub: \"abc\"");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void productionExampleNeedsItsKeyUnlessSkipped() {
        assertThat(run("config", "check", "--config", "kiosk-config/production.example.yaml")).isEqualTo(1);
        assertThat(err.toString()).contains("carrier.kioskKeyFile: key file /etc/topup-kiosk/kiosk.key not found");
        assertThat(run("config", "check", "--skip-key", "--config", "kiosk-config/production.example.yaml")).isZero();
        assertThat(out.toString()).contains("kiosk=0042 mode=kiosk");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        assertThat(run("config")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing subcommand");
    }

    @Test
    void showsTheFleetSectionAndReadsItsOfficeKey(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fleet.yaml");
        String yaml = Files.readString(Path.of("kiosk-config/kiosk.yaml"))
                .replace("catalogFile: catalog/", "catalogFile: " + Path.of("kiosk-config/catalog").toAbsolutePath() + "/")
                .replace("numberingFile: numbering/", "numberingFile: " + Path.of("kiosk-config/numbering")
                        .toAbsolutePath() + "/")
                + "\nfleet:\n  enabled: true\n  broker: tcp://127.0.0.1:1883\n  kioskId: shop-1\n"
                + "  officeKeyFile: office.pem\n";
        Files.writeString(f, yaml);
        assertThat(run("config", "check", "--config", f.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("fleet.officeKeyFile");
        Files.writeString(dir.resolve("office.pem"), FleetKeys.publicPem(FleetKeys.generate().getPublic()));
        out.getBuffer().setLength(0);
        assertThat(run("config", "check", "--config", f.toString())).isZero();
        assertThat(out.toString()).contains("fleet: broker=tcp://127.0.0.1:1883 kioskId=shop-1 topicPrefix=topup"
                + " stateEverySeconds=60");
    }
}
