package org.topupkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.KioskConfig.Region;
import org.topupkiosk.config.KioskConfig.Scanner;
import org.topupkiosk.config.KioskConfig.ScannerSuffix;
import org.topupkiosk.config.KioskConfig.ScannerType;
import org.topupkiosk.domain.Symbology;

/** {@code devices.scanner}: defaults keep old files loading; every bad value names its key. */
class ScannerConfigTest {

    private static final String MINIMAL = """
            kiosk:
              id: "0042"
              address: Test
            devices:
              scanner:
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("kiosk.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private Scanner load(String scannerLines) throws Exception {
        return ConfigLoader.loadKioskConfig(write(MINIMAL + scannerLines)).devices().scanner();
    }

    private String errorOf(String scannerLines) throws Exception {
        try {
            load(scannerLines);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigException for:\n" + scannerLines);
    }

    @Test
    void absentSectionMeansNoScanner() throws Exception {
        KioskConfig c = ConfigLoader.loadKioskConfig(write("kiosk:\n  id: \"1\"\n  address: T\n"));
        assertThat(c.devices().scanner()).isEqualTo(Scanner.none());
        assertThat(Scanner.none().formats()).containsExactly(Symbology.QR_CODE, Symbology.CODE_128, Symbology.EAN_13);
    }

    @Test
    void shippedFilesConfigureTheScanner() throws Exception {
        assertThat(ConfigLoader.load(Path.of("kiosk-config/kiosk.yaml")).config().devices().scanner().type())
                .isEqualTo(ScannerType.EMULATOR);
        Scanner prod = ConfigLoader.load(Path.of("kiosk-config/production.example.yaml")).config().devices().scanner();
        assertThat(prod.type()).isEqualTo(ScannerType.SERIAL);
        assertThat(prod.port()).contains("/dev/ttyACM0");
    }

    @Test
    void eachTypeReadsItsKeys() throws Exception {
        Scanner serial = load("    type: serial\n    port: /dev/ttyACM0\n    baud: 115200\n    suffix: crlf\n"
                + "    aimIds: true\n");
        assertThat(serial.port()).contains("/dev/ttyACM0");
        assertThat(serial.baud()).isEqualTo(115200);
        assertThat(serial.suffix()).isEqualTo(ScannerSuffix.CRLF);
        assertThat(serial.aimIds()).isTrue();

        Scanner wedge = load("    type: wedge\n    maxKeyGapMs: 40\n    minLength: 8\n    prefix: \"~\"\n"
                + "    suffix: tab\n");
        assertThat(wedge.maxKeyGapMs()).isEqualTo(40);
        assertThat(wedge.minLength()).isEqualTo(8);
        assertThat(wedge.prefix()).isEqualTo("~");

        Scanner camera = load("    type: camera\n    framesPath: frames\n    formats: [qr_code, EAN_13]\n"
                + "    roi: {x: 0.25, y: 0.1, width: 0.5, height: 0.8}\n");
        assertThat(camera.framesPath()).contains(dir.resolve("frames"));
        assertThat(camera.formats()).containsExactly(Symbology.QR_CODE, Symbology.EAN_13);
        assertThat(camera.roi()).isEqualTo(new Region(0.25, 0.1, 0.5, 0.8));
        assertThat(load("    type: camera\n    camera: /dev/video0\n").camera()).isEqualTo(Optional.of("/dev/video0"));
    }

    @Test
    void badValuesNameTheKey() throws Exception {
        assertThat(errorOf("    type: laser\n")).contains("devices.scanner.type: \"laser\" is not one of none, emulator,"
                + " serial, wedge, camera");
        assertThat(errorOf("    type: serial\n")).contains("devices.scanner.port: is missing (required for type serial");
        assertThat(errorOf("    type: serial\n    port: ttyACM0\n")).contains("devices.scanner.port: \"ttyACM0\" is not "
                + "a serial device");
        assertThat(errorOf("    baud: 9601\n")).contains("devices.scanner.baud: 9601 is not a standard line speed");
        assertThat(errorOf("    suffix: semicolon\n")).contains("devices.scanner.suffix: \"semicolon\" is not one of "
                + "cr, lf, crlf, tab, none");
        assertThat(errorOf("    formats: [qr_code, qr]\n")).contains("devices.scanner.formats: entry 2 (\"qr\") is not "
                + "a barcode family (expected qr_code, code_128");
        assertThat(errorOf("    formats: []\n")).contains("devices.scanner.formats: is empty");
        assertThat(errorOf("    roi: {x: 0.5, width: 0.7}\n")).contains("devices.scanner.roi.width: x + width is 1.2");
        assertThat(errorOf("    roi: {y: 2}\n")).contains("devices.scanner.roi.y: 2 is not a fraction of the frame");
        assertThat(errorOf("    roi: {left: 0}\n")).contains("devices.scanner.roi.left: unknown key");
        assertThat(errorOf("    type: camera\n")).contains("devices.scanner.camera: is missing (type camera needs");
        assertThat(errorOf("    camera: /dev/sda\n")).contains("devices.scanner.camera: \"/dev/sda\" is not a V4L2 camera");
        assertThat(errorOf("    camera: /dev/video0\n    framesPath: f\n")).contains("devices.scanner.framesPath: and "
                + "camera are both set");
        assertThat(errorOf("    maxKeyGapMs: 500\n")).contains("devices.scanner.maxKeyGapMs: 500 is out of range "
                + "(expected 5..200 milliseconds)");
        assertThat(errorOf("    prefix: \"a b\"\n")).contains("devices.scanner.prefix: \"a b\" is not a scanner prefix");
        assertThat(errorOf("    colour: red\n")).contains("devices.scanner.colour: unknown key");
        assertThat(List.of(ScannerType.values())).hasSize(5);
    }
}
