package org.topupkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.emulator.scanner.SerialScannerEmulator;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.device.serial.MemoryLink;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.Symbology;
import org.topupkiosk.testing.SocatPair;

/** The serial driver against its emulator: in memory for the arming rules, over a real socat pty for the OS path. */
@Timeout(30)
class SerialCodeScannerTest {

    private static final String VOUCHER = "123456789015"; // 11 digits + Luhn digit 5: a credit voucher code
    private static final String ESIM = "LPA:1$rsp.example.ru$K2-1X2Y3Z";

    private final LinkedBlockingQueue<ScanReading> got = new LinkedBlockingQueue<>();

    private ScanReading next() throws InterruptedException {
        return got.poll(3, TimeUnit.SECONDS);
    }

    /** Nothing arrives within a time long enough for the reader thread to have handled what was sent. */
    private void assertNothing() throws InterruptedException {
        assertThat(got.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void oneReadingPerArmAndTheSameCodeIsNotReadTwice() throws Exception {
        MemoryLink[] line = MemoryLink.pair("scanner");
        SerialScannerEmulator emu = new SerialScannerEmulator(line[1], ScanSuffix.CR, true);
        try (SerialCodeScanner scanner = new SerialCodeScanner(line[0], ScanSuffix.CR, 50, true, 1000)) {
            scanner.setListener(got::add);
            scanner.start();
            emu.scan(VOUCHER, Symbology.CODE_128);
            assertNothing(); // starts disarmed

            scanner.arm();
            emu.scan(VOUCHER, Symbology.CODE_128);
            ScanReading r = next();
            assertThat(r).isEqualTo(new ScanReading(VOUCHER, Symbology.CODE_128, ScanReading.Source.SERIAL));
            assertThat(r.meaning()).isEqualTo(new CodeMeaning.CreditVoucher(VOUCHER));
            assertThat(scanner.isArmed()).isFalse();
            emu.scan(ESIM, Symbology.QR_CODE);
            assertNothing(); // disarmed after one reading

            scanner.arm();
            emu.scan(VOUCHER, Symbology.CODE_128); // the same voucher again at once: still "in sight"
            assertNothing();
            emu.scan(ESIM, Symbology.QR_CODE);
            assertThat(next()).isEqualTo(new ScanReading(ESIM, Symbology.QR_CODE, ScanReading.Source.SERIAL));

            Thread.sleep(1100); // the voucher was out of sight for the quiet period: a deliberate re-scan counts
            scanner.arm();
            emu.scan(VOUCHER, Symbology.CODE_128);
            assertThat(next().text()).isEqualTo(VOUCHER);
            assertThat(scanner.deliveredCount()).isEqualTo(3);
            assertThat(scanner.droppedCount()).isEqualTo(3);
            assertThat(scanner.checkHealth().state()).isEqualTo(DeviceHealth.State.OK);
        }
    }

    @Test
    void aClosedScannerIsOfflineAndDeliversNothing() throws Exception {
        MemoryLink[] line = MemoryLink.pair("scanner");
        SerialCodeScanner scanner = new SerialCodeScanner(line[0], ScanSuffix.CR, 50, false, 0);
        scanner.setListener(got::add);
        assertThat(scanner.checkHealth().state()).isEqualTo(DeviceHealth.State.OFFLINE);
        scanner.start();
        scanner.arm();
        scanner.close();
        new SerialScannerEmulator(line[1], ScanSuffix.CR, false).scan(VOUCHER, Symbology.UNKNOWN);
        assertNothing();
        assertThat(scanner.checkHealth().state()).isEqualTo(DeviceHealth.State.OFFLINE);
    }

    @Test
    void overARealPtyWithNoiseAndCodesSplitAcrossWrites() throws Exception {
        Assumptions.assumeTrue(SocatPair.available(),
                "SKIPPED LOUDLY: /usr/bin/socat is missing, so there is no pty pair to run the scanner over");
        SerialSettings s9600 = new SerialSettings(9600, 8, SerialSettings.Parity.NONE, 1);
        try (SocatPair pty = SocatPair.start();
             JSerialCommLink device = new JSerialCommLink(pty.deviceEnd(), s9600);
             SerialCodeScanner scanner = new SerialCodeScanner(new JSerialCommLink(pty.hostEnd(), s9600),
                     ScanSuffix.CRLF, 80, false, 0)) {
            scanner.setListener(got::add);
            scanner.start();
            SerialScannerEmulator emu = new SerialScannerEmulator(device, ScanSuffix.CRLF, false);
            scanner.arm();
            emu.write(new byte[] {0x11, 0x13, 0x00}); // XON/XOFF and a NUL as the scanner powers up
            byte[] whole = (ESIM + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < whole.length; i += 5) {
                emu.write(Arrays.copyOfRange(whole, i, Math.min(whole.length, i + 5)));
                Thread.sleep(2);
            }
            assertThat(next()).isEqualTo(new ScanReading(ESIM, Symbology.UNKNOWN, ScanReading.Source.SERIAL));

            scanner.arm();
            emu.write("12345".getBytes(StandardCharsets.US_ASCII)); // a fragment: the scanner lost power mid-code
            Thread.sleep(300);
            emu.scan(VOUCHER, Symbology.UNKNOWN);
            assertThat(next().text()).isEqualTo(VOUCHER);
            assertThat(scanner.checkHealth().detail()).contains("fragments=1");
        }
    }
}
