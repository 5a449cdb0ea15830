package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** devices.printer.baud and receipt.lookupUrl: defaults, accepted values, and problems that name the key. */
class PrinterConfigTest extends YamlSnippetTest {

    private static final String SERIAL_PRINTER = MINIMAL + """
            devices:
              printer:
                type: escpos
                transport: serial:/dev/ttyS0
            """;

    @Test
    void baudDefaultsTo115200AndTakesEveryStandardSpeed() throws Exception {
        assertThat(ConfigLoader.loadKioskConfig(write(SERIAL_PRINTER)).devices().printer().baud()).isEqualTo(115200);
        for (int baud : new int[] {9600, 19200, 38400, 57600, 115200}) {
            KioskConfig c = ConfigLoader.loadKioskConfig(write(SERIAL_PRINTER + "    baud: " + baud + "\n"));
            assertThat(c.devices().printer().baud()).isEqualTo(baud);
        }
    }

    @Test
    void aBadBaudIsNamed() throws Exception {
        assertThat(errorOf(SERIAL_PRINTER + "    baud: 14400\n")).contains(
                "devices.printer.baud: 14400 is not a printer line speed (expected one of [9600, 19200, 38400, 57600, 115200])");
        assertThat(errorOf(SERIAL_PRINTER + "    baud: fast\n")).contains("devices.printer.baud: \"fast\" is not a whole number");
        assertThat(errorOf(MINIMAL + "devices:\n  printer:\n    type: escpos\n    transport: tcp://127.0.0.1:9100\n"
                + "    baud: 9600\n")).contains("devices.printer.baud: applies only to a serial: transport");
    }

    @Test
    void withoutALookupUrlReceiptsCarryNone() throws Exception {
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL)).receipt().lookupUrl()).isEmpty();
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL + "receipt:\n  lookupUrl: \"\"\n")).receipt().lookupUrl())
                .isEmpty();
    }

    @Test
    void lookupUrlIsHttpsOrLoopbackHttp() throws Exception {
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL + "receipt:\n  lookupUrl: https://pay.example.ru/t/\n"))
                .receipt().lookupUrl()).isEqualTo(Optional.of("https://pay.example.ru/t/"));
        assertThat(ConfigLoader.loadKioskConfig(write(MINIMAL + "receipt:\n  lookupUrl: http://127.0.0.1:8080/t/\n"))
                .receipt().lookupUrl()).isPresent();
        assertThat(errorOf(MINIMAL + "receipt:\n  lookupUrl: http://pay.example.ru/t/\n"))
                .contains("receipt.lookupUrl: \"http://pay.example.ru/t/\" uses plain http to pay.example.ru");
        assertThat(errorOf(MINIMAL + "receipt:\n  lookupUrl: pay.example.ru/t/\n"))
                .contains("receipt.lookupUrl: \"pay.example.ru/t/\" is not an http(s) URL with a host (expected e.g. https://pay.example.ru/t/)");
        assertThat(errorOf(MINIMAL + "receipt:\n  lookupUrl: https://pay.example.ru/#/t/\n"))
                .contains("receipt.lookupUrl: \"https://pay.example.ru/#/t/\" has a #fragment");
        assertThat(errorOf(MINIMAL + "receipt:\n  lookupUrl: https://pay.example.ru/" + "x".repeat(120) + "\n"))
                .contains("characters (expected at most 120");
        assertThat(errorOf(MINIMAL + "receipt:\n  lookupUrI: https://pay.example.ru/t/\n"))
                .contains("receipt.lookupUrI: unknown key (known keys in receipt: lookupUrl)");
    }
}
