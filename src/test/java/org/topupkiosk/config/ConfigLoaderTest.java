package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.topupkiosk.device.printer.PrinterTransport;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.Product;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"kiosk-config/kiosk.yaml", "kiosk-config/production.example.yaml",
            "kiosk-config/counter.example.yaml"})
    void shippedFilesLoad(String file) throws Exception {
        LoadedConfig loaded = ConfigLoader.load(Path.of(file));
        assertThat(loaded.catalog().operators()).extracting(o -> o.id()).containsExactly("mts", "beeline", "megafon", "t2");
        assertThat(loaded.numbering().operatorIdFor(Msisdn.of("+79161234567"))).contains("mts");
        assertThat(loaded.config().catalogFile()).isEqualTo(Path.of("kiosk-config/catalog/catalog.yaml"));
    }

    @Test
    void simulationDefaultsAreWhatTheDemoNeeds() throws Exception {
        KioskConfig c = ConfigLoader.loadKioskConfig(Path.of("kiosk-config/kiosk.yaml"));
        assertThat(c.carrier().simulator()).isEqualTo(KioskConfig.Simulator.EMBEDDED);
        assertThat(c.devices().billAcceptor().type()).isEqualTo(KioskConfig.BillAcceptorType.EMULATOR);
        assertThat(c.sales().offlineSalesAllowed()).isTrue();
        assertThat(c.sales().offlineLimit()).isEqualTo(Money.rub(3000));
        assertThat(c.sales().acceptedNotes()).hasSize(8);
        assertThat(c.journal().path()).isEqualTo(Path.of("var/journal.db"));
    }

    @Test
    void productionExampleHasRealDevices() throws Exception {
        KioskConfig c = ConfigLoader.loadKioskConfig(Path.of("kiosk-config/production.example.yaml"));
        assertThat(c.kiosk().id()).isEqualTo("0042");
        assertThat(c.carrier().url()).hasValueSatisfying(u -> assertThat(u.getScheme()).isEqualTo("https"));
        assertThat(c.carrier().kioskKeyFile()).contains(Path.of("/etc/topup-kiosk/kiosk.key"));
        assertThat(c.devices().billAcceptor().port()).contains("/dev/ttyUSB0");
        assertThat(c.devices().printer().transport()).contains(new PrinterTransport.Serial("/dev/ttyS0"));
        KioskConfig counter = ConfigLoader.loadKioskConfig(Path.of("kiosk-config/counter.example.yaml"));
        assertThat(counter.kiosk().mode()).isEqualTo(KioskConfig.Mode.COUNTER);
        assertThat(counter.devices().printer().transport()).contains(new PrinterTransport.Tcp("192.0.2.10", 9100));
    }

    @Test
    void catalogIsReadExactly() throws Exception {
        var catalog = ConfigLoader.loadCatalog(Path.of("kiosk-config/catalog/catalog.yaml"));
        var beeline = catalog.operator("beeline").orElseThrow();
        assertThat(beeline.name("zh")).isEqualTo("比莱恩");
        assertThat(beeline.color()).isEqualTo("#FFB800");
        assertThat(beeline.fee().feeFor(Money.rub(600))).isEqualTo(Money.rub(12));
        assertThat(catalog.operator("t2").orElseThrow().fee().basisPoints()).isEqualTo(150);
        assertThat(catalog.product("megafon-data-day-unlim").orElseThrow().price()).isEqualTo(Money.rubMinor(99_90));
        assertThat(catalog.product("megafon-data-day-unlim").orElseThrow().dataMb()).isEqualTo(Product.UNLIMITED_QUANTITY);
        assertThat(catalog.productsOf("mts")).hasSize(2);
    }

    private static final String MINIMAL = """
            kiosk:
              id: "0042"
              address: Test
            """;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("kiosk.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private String errorOf(String yaml) throws Exception {
        Path f = write(yaml);
        try {
            ConfigLoader.loadKioskConfig(f);
        } catch (ConfigException e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(f));
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigException for:\n" + yaml);
    }

    @Test
    void minimalFileGetsDefaults() throws Exception {
        KioskConfig c = ConfigLoader.loadKioskConfig(write(MINIMAL));
        assertThat(c.sales().orderCashLimit()).isEqualTo(Money.rub(15000));
        assertThat(c.timeouts().inactivityWarningSeconds()).isEqualTo(60);
        assertThat(c.timeouts().inactivityCountdownSeconds()).isEqualTo(15);
        assertThat(c.sync().initialBackoffMs()).isEqualTo(500);
        assertThat(c.sync().maxBackoffMs()).isEqualTo(60000);
        assertThat(c.sync().batchSize()).isEqualTo(50);
        assertThat(c.journal().path()).isEqualTo(dir.resolve("var/journal.db"));
        assertThat(c.catalogFile()).isEqualTo(dir.resolve("catalog/catalog.yaml"));
        assertThat(c.kiosk().mode()).isEqualTo(KioskConfig.Mode.KIOSK);
    }

    @Test
    void unknownKeysAreNamedWithTheKnownOnesAtEveryLevel() throws Exception {
        assertThat(errorOf(MINIMAL + "colour: red\n"))
                .contains("kiosk.yaml: colour: unknown key (known keys at the top level: kiosk, journal, carrier,");
        assertThat(errorOf(MINIMAL.replace("address: Test", "address: Test\n  adress: x")))
                .contains("kiosk.adress: unknown key (known keys in kiosk: id, address, supportPhone, mode, defaultLanguage)");
        assertThat(errorOf(MINIMAL + "devices:\n  printer:\n    type: escpos\n    transport: tcp://192.0.2.1\n    cols: 42\n"))
                .contains("devices.printer.cols: unknown key (known keys in devices.printer: type, transport, columns, gb18030, baud)");
    }

    @Test
    void aKeyInYamlIsRefusedWithAHint() throws Exception {
        assertThat(errorOf(MINIMAL + "carrier:\n  hmacKey: 00112233\n"))
                .contains("carrier.hmacKey: unknown key", "secrets never go in YAML", "kioskKeyFile");
    }

    @Test
    void badValuesNameKeyValueAndExpectation() throws Exception {
        assertThat(errorOf(MINIMAL + "kiosk2: 1\n")).contains("kiosk2: unknown key");
        assertThat(errorOf(MINIMAL.replace("address: Test", "address: Test\n  mode: shop")))
                .contains("kiosk.mode: \"shop\" is not one of kiosk, counter");
        assertThat(errorOf(MINIMAL + "sales:\n  orderCashLimitRub: abc\n"))
                .contains("sales.orderCashLimitRub: \"abc\" is not an amount in roubles (expected a whole number such as 15000");
        assertThat(errorOf(MINIMAL + "sales:\n  orderCashLimitRub: 100.555\n"))
                .contains("sales.orderCashLimitRub: 100.555 is not an amount in roubles");
        assertThat(errorOf(MINIMAL + "sales:\n  offlineLimitRub: -5\n"))
                .contains("sales.offlineLimitRub: -5 must not be negative");
        assertThat(errorOf(MINIMAL + "timeouts:\n  inactivityWarningSeconds: soon\n"))
                .contains("timeouts.inactivityWarningSeconds: \"soon\" is not a whole number of seconds (expected 5..3600)");
        assertThat(errorOf(MINIMAL + "sync:\n  batchSize: 0\n"))
                .contains("sync.batchSize: 0 is out of range (expected 1..1000 orders)");
        assertThat(errorOf(MINIMAL + "sales:\n  acceptedNotesRub: [100, 300]\n"))
                .contains("sales.acceptedNotesRub[1]: 300 is not a rouble banknote");
        assertThat(errorOf(MINIMAL + "ui:\n  fullScreen: yes please\n"))
                .contains("ui.fullScreen: \"yes please\" is not true or false");
        assertThat(errorOf("kiosk:\n  id: 0042\n  address: x\n")).contains("kiosk.id: ", "write it in quotes");
        assertThat(errorOf("kiosk:\n  address: x\n")).contains("kiosk.id: is missing");
    }

    @Test
    void amountsAreExact() throws Exception {
        KioskConfig c = ConfigLoader.loadKioskConfig(write(MINIMAL
                + "sales:\n  offlineSalesAllowed: true\n  offlineLimitRub: 2999.99\n  orderCashLimitRub: \"14999.5\"\n"));
        assertThat(c.sales().offlineLimit()).isEqualTo(Money.rubMinor(299_999));
        assertThat(c.sales().orderCashLimit()).isEqualTo(Money.rubMinor(1_499_950));
    }

    @Test
    void allProblemsOfAFileAreReportedTogether() throws Exception {
        Path f = write(MINIMAL + "sales:\n  orderCashLimitRub: abc\n  offlineLimitRub: -1\nsync:\n  batchSize: 0\n");
        assertThatThrownBy(() -> ConfigLoader.loadKioskConfig(f)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigException.Problem::key)
                        .containsExactly("sales.offlineLimitRub", "sales.orderCashLimitRub", "sync.batchSize"));
    }

    /** Issue 12 item 2: the submit wait was a hard-coded 8 s in the composition root; now a checked setting. */
    @Test
    void submitWaitIsConfiguredAndBoundedByTheRequestTimeout() throws Exception {
        assertThat(ConfigLoader.loadKioskConfig(Path.of("kiosk-config/production.example.yaml")).carrier()
                .submitWaitMs()).isEqualTo(8_000);
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL)).carrier().submitWaitMs()).isEqualTo(8_000);
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL + "carrier:\n  submitWaitMs: 20000\n")).carrier()
                .submitWaitMs()).isEqualTo(20_000);
        assertThat(errorOf(MINIMAL + "carrier:\n  requestTimeoutMs: 10000\n  submitWaitMs: 12000\n"))
                .contains("carrier.submitWaitMs: 12000 is longer than requestTimeoutMs (10000 milliseconds)");
        assertThat(errorOf(MINIMAL + "carrier:\n  submitWaitMs: 10\n"))
                .contains("carrier.submitWaitMs: 10 is out of range (expected 1000..300000 milliseconds)");
        // A short request timeout pulls the default down with it rather than failing a file that never set the wait.
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL + "carrier:\n  requestTimeoutMs: 5000\n")).carrier()
                .submitWaitMs()).isEqualTo(5_000);
    }

    @Test
    void carrierUrlRules() throws Exception {
        String none = MINIMAL + "carrier:\n  simulator: none\n  kioskKeyEnv: K\n";
        assertThat(errorOf(none)).contains("carrier.url: is missing (required with simulator: none");
        assertThat(errorOf(none + "  url: http://carrier.example.ru/api\n"))
                .contains("carrier.url: \"http://carrier.example.ru/api\" uses plain http to carrier.example.ru (expected https");
        assertThat(errorOf(none + "  url: ftp://x\n")).contains("carrier.url: \"ftp://x\" is not an http(s) URL");
        for (String ok : List.of("https://carrier.example.ru/api", "http://127.0.0.1:8080/", "http://localhost:1/x",
                "http://[::1]:9/")) {
            assertThat(ConfigLoader.loadKioskConfig(write(none + "  url: " + ok + "\n")).carrier().url()).isPresent();
        }
        assertThat(errorOf(MINIMAL + "carrier:\n  simulator: none\n  url: https://a.example\n"))
                .contains("carrier.kioskKeyFile: is missing");
        assertThat(errorOf(MINIMAL + "carrier:\n  kioskKeyFile: k\n  kioskKeyEnv: K\n"))
                .contains("carrier.kioskKeyEnv: give either kioskKeyFile or kioskKeyEnv, not both");
    }

    @Test
    void deviceSyntax() throws Exception {
        assertThat(errorOf(MINIMAL + "devices:\n  billAcceptor:\n    type: ccnet\n"))
                .contains("devices.billAcceptor.port: is missing (required for type ccnet");
        assertThat(errorOf(MINIMAL + "devices:\n  billAcceptor:\n    type: id003\n    port: ttyUSB0\n"))
                .contains("devices.billAcceptor.port: \"ttyUSB0\" is not a serial device");
        assertThat(errorOf(MINIMAL + "devices:\n  billAcceptor:\n    type: ccnet\n    port: /dev/ttyUSB0\n"
                + "    escrowNotes: [10, 50]\n")).contains("devices.billAcceptor.escrowNotes: is only for type id003");
        assertThat(errorOf(MINIMAL + "devices:\n  billAcceptor:\n    type: id003\n    port: /dev/ttyUSB0\n"
                + "    escrowNotes: [10, 50, 10]\n")).contains("devices.billAcceptor.escrowNotes: entry 3 (10) is not a new");
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL + "devices:\n  billAcceptor:\n    type: id003\n"
                + "    port: /dev/ttyUSB0\n    escrowNotes: [50, 100, 500]\n")).devices().billAcceptor().escrowNotes())
                .containsExactly(Money.rub(50), Money.rub(100), Money.rub(500));
        assertThat(errorOf(MINIMAL + "devices:\n  printer:\n    type: escpos\n    transport: usb:lp0\n"))
                .contains("devices.printer.transport: \"usb:lp0\" is not a printer transport (expected serial:/dev/ttyS0");
        assertThat(errorOf(MINIMAL + "devices:\n  printer:\n    type: escpos\n    transport: tcp://h:70000\n"))
                .contains("devices.printer.transport: TCP port 70000 is out of range");
        assertThat(errorOf(MINIMAL + "devices:\n  printer:\n    columns: 48\n"))
                .contains("devices.printer.columns: 48 is not a receipt width");
        assertThat(PrinterTransport.parse("file:/dev/usb/lp0")).isEqualTo(new PrinterTransport.File("/dev/usb/lp0"));
        assertThat(PrinterTransport.parse("serial:COM3")).isEqualTo(new PrinterTransport.Serial("COM3"));
    }

    @Test
    void fileAndSyntaxErrors() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml")))
                .hasMessageContaining("nope.yaml: config file not found");
        assertThat(errorOf("kiosk:\n  id: \"0042\n  address: x\n")).contains("YAML syntax error at line");
        assertThat(errorOf("kiosk:\n  id: a\n   address: [\n")).containsPattern("YAML syntax error at line \\d+, column \\d+");
        assertThat(errorOf("kiosk:\n  id: a\n  id: b\n")).contains("YAML syntax error", "Duplicate field 'id'");
        assertThat(errorOf("")).contains("is empty");
        assertThat(errorOf("- a\n- b\n")).contains("must be a mapping");
        assertThat(errorOf(MINIMAL + "sales: 5\n")).contains("sales: 5 is not a mapping");
    }

    @Test
    void syntaxErrorGivesTheRightLine() throws Exception {
        String msg = errorOf("kiosk:\n  id: \"a\"\n  address: x\nsales:\n  orderCashLimitRub: [1, 2\n");
        assertThat(msg).containsPattern("line [56], column");
        assertThat(errorOf("kiosk:\n  id: a\n   address: [\n"))
                .contains("YAML syntax error at line 3, column 11: mapping values are not allowed here");
        assertThat(errorOf("kiosk:\n  id: \"a\n"))
                .contains("line 3, column 1: found unexpected end of stream (while scanning a quoted scalar from line 2, column 7)");
    }

    @Test
    void catalogErrorsNameTheCatalogFileAndKey() throws Exception {
        Files.createDirectories(dir.resolve("catalog"));
        Files.writeString(dir.resolve("catalog/catalog.yaml"), """
                operators:
                  - id: mts
                    names: { ru: МТС, en: MTS }
                    color: red
                    fee: { percent: "2.555" }
                    registryNames: []
                products:
                  - id: p1
                    operator: yota
                    kind: sms
                    period: day
                    priceRub: 10
                    titles: { ru: a, en: b, zh: c }
                """);
        Path f = write(MINIMAL);
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.getMessage()).contains(
                    "catalog.yaml: operators[0].names.zh: is missing",
                    "operators[0].color: \"red\" is not a colour",
                    "operators[0].fee.percent: \"2.555\": percent \"2.555\" is not at most 2 decimals",
                    "products[0].operator: \"yota\" is not an operator of this catalog (known: mts)",
                    "products[0].kind: \"sms\" is not one of data, voice, combo");
        });
    }

    @Test
    void percentsAndAmountsWrittenAsYamlNumbersAreExact() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, """
                operators:
                  - id: x
                    names: { ru: Х, en: X, zh: X }
                    color: "#123456"
                    minAmountRub: 0.10
                    fee: { percent: 0.75, fixedRub: 1.05, minimumRub: "2" }
                """);
        var op = ConfigLoader.loadCatalog(f).operator("x").orElseThrow();
        assertThat(op.fee().basisPoints()).isEqualTo(75);
        assertThat(op.fee().fixed()).isEqualTo(Money.rubMinor(105));
        assertThat(op.fee().minimum()).isEqualTo(Money.rub(2));
        assertThat(op.minAmount()).isEqualTo(Money.rubMinor(10));
        assertThat(op.maxAmount()).isEqualTo(Money.rub(15000));
    }
}
