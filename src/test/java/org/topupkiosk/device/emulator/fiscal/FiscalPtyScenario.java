package org.topupkiosk.device.emulator.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.FiscalRegister;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.testing.SocatPair;

/**
 * The acceptance scenario of the register: a driver (any {@link FiscalRegister} on a pty path) against the emulator on
 * the other end of a socat pair, 100 payments on a noisy line (answers damaged, cut short and late; requests damaged),
 * and two power cuts mid-receipt: one before the storage signs (the document must not exist), one after (it must, and
 * must not be registered again). After each cut the emulator restarts from its state file, as the real register's
 * storage keeps its archive, and a new driver recovers the way the kiosk does: it compares the register's last document
 * with what it knows, registers again only when the document is not there, and reprints it when it is.
 *
 * <p>Afterwards every document the driver reported is in the storage's archive exactly once with its number, sign and
 * sum; the archive has no receipt the driver did not report; the sums agree; every receipt has its PNG.
 */
final class FiscalPtyScenario {

    static final SerialSettings LINE = new SerialSettings(115200, 8, SerialSettings.Parity.NONE, 1);
    static final int PAYMENTS = 100;
    static final double NOISE = 0.05;

    private final Path dir;
    private final Function<String, FiscalRegister> driverOnPort;
    private final Random random = new Random(13);
    private ShtrihEmulator emulator;

    /** @param driverOnPort makes a driver on a pty path, with passwords 1 (operator) and 30 (administrator) */
    FiscalPtyScenario(Path dir, Function<String, FiscalRegister> driverOnPort) {
        this.dir = dir;
        this.driverOnPort = driverOnPort;
    }

    private ShtrihEmulator startEmulator(String devicePath) throws Exception {
        FiscalStorage fn = FiscalStorage.inFile(dir.resolve("fn.jsonl"), FiscalStorageTest.SERIAL,
                LocalDate.now().plusYears(1), FiscalStorageTest.KEY, 100_000);
        fn.ofdDelay(java.time.Duration.ofMillis(200));
        EmulatedRegister register = new EmulatedRegister(fn, Clock.systemDefaultZone(),
                new ReceiptPaper(dir.resolve("png")), 1, 30);
        ShtrihEmulator e = new ShtrihEmulator(register, random.nextLong());
        // Damaged answers (a flipped bit: bad LRC, NAK and ENQ), late answers, damaged requests (NAK, sent again).
        // No bytes dropped from answers: FISCAL-WIRE's link waits out its whole answer timeout after a frame cut short
        // instead of asking again with ENQ, so status reads fail with TIMEOUT (reported to the merger).
        e.noise(new LineNoise(NOISE, NOISE / 2, 0.05, 30)); // bit flips, and bytes lost (answers cut short)
        e.inboundCorruptRate(NOISE);
        e.serve(new JSerialCommLink(devicePath, LINE));
        return e;
    }

    static FiscalReceipt payment(int i, long sumMinor, boolean fee) {
        FiscalItem.Agent agent = new FiscalItem.Agent("Приём платежа", List.of("+79990000001"),
                List.of("+78005550000"));
        FiscalItem.Supplier supplier = new FiscalItem.Supplier("ПАО Оператор", "7740000076",
                List.of("+78002500890"));
        List<FiscalItem> items = new ArrayList<>();
        items.add(new FiscalItem("Оплата услуг связи, +7 916 ***-**-" + String.format("%02d", i % 100), sumMinor, 1,
                Optional.of(agent), Optional.of(supplier)));
        if (fee) {
            items.add(new FiscalItem("Вознаграждение агента", 500, 1, Optional.empty(), Optional.empty()));
        }
        long total = sumMinor + (fee ? 500 : 0);
        return new FiscalReceipt(FiscalReceipt.Sign.INCOME, FiscalReceipt.TaxSystem.USN_INCOME, items,
                total + 100L * (i % 3), Optional.empty(), "Киоск 7");
    }

    void run() throws Exception {
        Assumptions.assumeTrue(SocatPair.available(),
                "SKIPPED LOUDLY: /usr/bin/socat is missing, so there is no pty pair for the register");
        Map<Long, FiscalDocument> reported = new HashMap<>();
        long paidTotal = 0;
        int restarts = 0;
        try (SocatPair line = SocatPair.start()) {
            emulator = startEmulator(line.deviceEnd());
            FiscalRegister driver = driverOnPort.apply(line.hostEnd());
            try {
                if (!driver.status().shiftOpen()) {
                    driver.openShift("Киоск 7");
                }
                long lastKnown = driver.lastDocument().map(FiscalDocument::number).orElse(0L);
                for (int i = 0; i < PAYMENTS; i++) {
                    FiscalReceipt receipt = payment(i, 10_000 + 100L * random.nextInt(400), i % 3 == 0);
                    if (i == 37) {
                        emulator.register().armPowerCut(EmulatedRegister.CutPoint.BEFORE_CLOSE);
                    } else if (i == 71) {
                        emulator.register().armPowerCut(EmulatedRegister.CutPoint.AFTER_CLOSE);
                    }
                    FiscalDocument doc;
                    try {
                        doc = driver.register(receipt);
                    } catch (DeviceException e) {
                        // The line went silent: the kiosk dies with it and starts again; so does the register.
                        assertThat(emulator.register().powered()).as("payment %d failed with the power on: %s", i,
                                e.getMessage()).isFalse();
                        restarts++;
                        driver.close();
                        emulator.close();
                        emulator = startEmulator(line.deviceEnd());
                        driver = driverOnPort.apply(line.hostEnd());
                        doc = recover(driver, receipt, lastKnown);
                    }
                    assertThat(doc.sumMinor()).isEqualTo(receipt.totalMinor());
                    assertThat(reported.put(doc.number(), doc)).as("document %d reported twice", doc.number())
                            .isNull();
                    lastKnown = doc.number();
                    paidTotal += receipt.totalMinor();
                }
                driver.closeShift("Киоск 7");
            } finally {
                driver.close();
                emulator.close();
            }
        }
        assertThat(restarts).as("both power cuts were noticed").isEqualTo(2);
        Path export = dir.resolve("archive.jsonl");
        FiscalStorage fn = FiscalStorage.inFile(dir.resolve("fn.jsonl"), FiscalStorageTest.SERIAL,
                LocalDate.now(), FiscalStorageTest.KEY, 100_000);
        fn.exportJsonLines(export);
        List<FnDocument> receipts = FiscalStorage.readJsonLines(export).stream()
                .filter(d -> d.kind() == FiscalDocument.Kind.RECEIPT_INCOME).toList();
        assertThat(receipts).hasSize(PAYMENTS);
        assertThat(receipts.stream().map(FnDocument::number).toList())
                .containsExactlyInAnyOrderElementsOf(reported.keySet());
        long archived = 0;
        for (FnDocument d : receipts) {
            FiscalDocument r = reported.get(d.number());
            assertThat(d.fiscalSign()).isEqualTo(r.fiscalSign());
            assertThat(d.sumMinor()).isEqualTo(r.sumMinor());
            assertThat(r.fnSerial()).isEqualTo(FiscalStorageTest.SERIAL);
            assertThat(fn.fiscalSignOf(d)).isEqualTo(d.fiscalSign());
            archived += d.sumMinor();
            Path png = dir.resolve("png/receipt-" + d.number() + ".png");
            Path copy = dir.resolve("png/copy-" + d.number() + "-1.png");
            assertThat(Files.exists(png) || Files.exists(copy)).as("a PNG for document %d", d.number()).isTrue();
        }
        assertThat(archived).isEqualTo(paidTotal);
    }

    /**
     * What the kiosk does after a restart with a payment whose registration it never heard back about: the register's
     * last document newer than the last one it knows, with this payment's sum, is that payment (reprinted, as the
     * customer got no receipt); otherwise nothing was registered and it registers again.
     */
    private static FiscalDocument recover(FiscalRegister driver, FiscalReceipt receipt, long lastKnown)
            throws DeviceException {
        driver.cancelOpenReceipt();
        Optional<FiscalDocument> last = driver.lastDocument();
        if (last.isPresent() && last.get().number() > lastKnown && last.get().sumMinor() == receipt.totalMinor()) {
            driver.reprintLastDocument();
            return last.get();
        }
        return driver.register(receipt);
    }
}
