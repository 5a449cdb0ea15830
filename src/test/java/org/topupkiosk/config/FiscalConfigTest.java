package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.testing.Kioskctl;

/** The fiscal section, the catalog's suppliers and {@code kioskctl config check} naming every missing legal field. */
class FiscalConfigTest {

    @TempDir
    Path dir;

    @Test
    void theSimulationTurnsTheEmulatedRegisterOnWithDemoDetails() throws Exception {
        LoadedConfig loaded = ConfigLoader.load(Path.of("kiosk-config/kiosk.yaml"));
        KioskConfig.Fiscal f = loaded.config().fiscal();
        assertThat(f.register()).isEqualTo(KioskConfig.FiscalRegisterType.SHTRIH);
        assertThat(f.emulated()).isTrue();
        assertThat(f.taxSystem()).contains(FiscalReceipt.TaxSystem.USN_INCOME);
        assertThat(f.agent().inn()).contains("0000000106");
        assertThat(f.agent().phones()).containsExactly("+78000000000");
        assertThat(f.quietHour()).isEqualTo(4);
        assertThat(loaded.catalog().operators()).allSatisfy(o -> assertThat(o.supplier()).hasValueSatisfying(
                s -> assertThat(s.name()).startsWith("ДЕМО")));
        assertThat(FiscalSecrets.load(f, Path.of("kiosk-config/kiosk.yaml"))).isSameAs(FiscalSecrets.EMULATOR);
        assertThat(ConfigLoader.load(Path.of("kiosk-config/counter.yaml")).config().fiscal().emulated()).isTrue();
        KioskConfig prod = ConfigLoader.loadKioskConfig(Path.of("kiosk-config/production.example.yaml"));
        assertThat(prod.fiscal()).isEqualTo(KioskConfig.Fiscal.NONE);
    }

    @Test
    void configCheckNamesEveryMissingLegalFieldOneLineEach() throws Exception {
        Files.createDirectories(dir.resolve("catalog"));
        Files.writeString(dir.resolve("catalog/catalog.yaml"), """
                operators:
                  - id: mts
                    names: { ru: МТС, en: MTS, zh: MTS }
                    color: "#E30611"
                  - id: t2
                    names: { ru: Т2, en: T2, zh: T2 }
                    color: "#000000"
                    supplier: { name: 'ООО "Т2 Мобайл"', inn: "7743895281" }
                """);
        Files.copy(Path.of("kiosk-config/numbering/def-sample.csv"), dir.resolve("def.csv"));
        Files.copy(Path.of("kiosk-config/numbering/operators.yaml"), dir.resolve("operators.yaml"));
        Path config = dir.resolve("kiosk.yaml");
        Files.writeString(config, """
                kiosk: { id: "0042", address: "1 Tverskaya St" }
                numberingFile: def.csv
                fiscal:
                  register: shtrih
                  agent: { phones: "+7 800 123", operatorPhones: ["+78001234567"] }
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Kioskctl.run(out, err, "config", "check", "--config", config.toString(), "--skip-key")).isEqualTo(1);
        List<String> lines = err.toString().lines().toList();
        String c = config.toString();
        String cat = dir.resolve("catalog/catalog.yaml").toString();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  " + c + ": fiscal.agent.phones: \"+7 800 123\""
                + " is not a phone"));
        // A format error stops the file at parsing; fixed, every missing field is named at once.
        Files.writeString(config, Files.readString(config).replace("\"+7 800 123\"", "[]"));
        out = new StringWriter();
        err = new StringWriter();
        assertThat(Kioskctl.run(out, err, "config", "check", "--config", config.toString(), "--skip-key")).isEqualTo(1);
        lines = err.toString().lines().toList();
        assertThat(lines.get(0)).as(err.toString()).isEqualTo("config errors (12):");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.replaceAll(": (is missing|\"7743895281\" has a wrong).*", ""))
                .containsExactly(
                        "  " + c + ": fiscal.port",
                        "  " + c + ": fiscal.secretsFile",
                        "  " + c + ": fiscal.taxSystem",
                        "  " + c + ": fiscal.agent.name",
                        "  " + c + ": fiscal.agent.inn",
                        "  " + c + ": fiscal.agent.operation",
                        "  " + c + ": fiscal.agent.phones",
                        "  " + cat + ": operators[0].supplier.name",
                        "  " + cat + ": operators[0].supplier.inn",
                        "  " + cat + ": operators[0].supplier.phone",
                        "  " + cat + ": operators[1].supplier.inn",
                        "  " + cat + ": operators[1].supplier.phone");
    }

    @Test
    void badValuesAreNamedByKey() throws Exception {
        Path config = dir.resolve("kiosk.yaml");
        Files.writeString(config, """
                kiosk: { id: "0042", address: "1 Tverskaya St" }
                fiscal:
                  register: atol
                  baud: 14400
                  taxSystem: usn
                  quietHour: 24
                  emulated: "yes"
                  agent: { inn: 770708389, name: "" }
                """);
        assertThatThrownBy(() -> ConfigLoader.loadKioskConfig(config)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigException.Problem::key)
                        .containsExactlyInAnyOrder("fiscal.register", "fiscal.baud", "fiscal.taxSystem",
                                "fiscal.quietHour", "fiscal.emulated", "fiscal.agent.inn", "fiscal.agent.name"))
                .hasMessageContaining("write it in quotes");
    }

    @Test
    void theSecretsFileMustBeOwnerOnlyAndHoldBothPasswords() throws Exception {
        Path secrets = dir.resolve("fiscal-secrets.yaml");
        Files.writeString(secrets, "operator: 30\nadmin: 31\n");
        KioskConfig.Fiscal f = new KioskConfig.Fiscal(KioskConfig.FiscalRegisterType.SHTRIH,
                Optional.of("/dev/ttyACM0"), 115200, Optional.empty(), 7778,
                Optional.of(secrets), Optional.empty(), KioskConfig.Fiscal.Agent.EMPTY, 4, false);
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> FiscalSecrets.load(f, dir.resolve("kiosk.yaml")))
                .hasMessageContaining("fiscal.secretsFile").hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        FiscalSecrets s = FiscalSecrets.load(f, dir.resolve("kiosk.yaml"));
        assertThat(s.operatorPassword()).isEqualTo(30);
        assertThat(s.adminPassword()).isEqualTo(31);
        assertThat(s.toString()).doesNotContain("30").doesNotContain("31");
        Files.writeString(secrets, "operator: 123456789012\n");
        assertThatThrownBy(() -> FiscalSecrets.load(f, dir.resolve("kiosk.yaml")))
                .hasMessageContaining("operator is not a register password")
                .hasMessageContaining("admin is missing")
                .hasMessageNotContaining("123456789012");
    }
}
