package org.topupkiosk.device.emulator.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.shtrih.ShtrihAnswer;
import org.topupkiosk.device.fiscal.shtrih.ShtrihCommand;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFnMessages;
import org.topupkiosk.device.fiscal.shtrih.ShtrihLink;
import org.topupkiosk.device.fiscal.shtrih.ShtrihReceiptMessages;
import org.topupkiosk.device.fiscal.shtrih.ShtrihRequest;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.testing.SocatPair;

/**
 * FISCAL-WIRE's link layer against the emulator over a socat pty pair on a noisy line (answers damaged, cut short,
 * late; requests damaged): 100 receipts, each either acknowledged with its document or, when the link says the outcome
 * is unknown, settled by reading the storage's last document, as the driver must. The archive then holds each receipt
 * exactly once. The driver-level scenario is {@link FiscalPtyScenario}.
 */
class ShtrihLinkPtyTest {

    @TempDir
    Path dir;

    @Test
    void hundredReceiptsOnANoisyPtyLineAreEachSignedOnce() throws Exception {
        Assumptions.assumeTrue(SocatPair.available(), "SKIPPED LOUDLY: /usr/bin/socat is missing");
        FiscalStorage fn = FiscalStorage.inMemory(FiscalStorageTest.SERIAL, LocalDate.now().plusYears(1),
                FiscalStorageTest.KEY, 10_000);
        EmulatedRegister register = new EmulatedRegister(fn, Clock.systemDefaultZone(), new ReceiptPaper(null), 1,
                30);
        Random random = new Random(5);
        long paid = 0;
        List<Long> numbers = new ArrayList<>();
        try (SocatPair line = SocatPair.start(); ShtrihEmulator emulator = new ShtrihEmulator(register, 11)) {
            emulator.noise(new LineNoise(0.05, 0.02, 0.05, 30));
            emulator.inboundCorruptRate(0.03);
            emulator.serve(new JSerialCommLink(line.deviceEnd(), FiscalPtyScenario.LINE));
            try (ShtrihLink link = new ShtrihLink(new JSerialCommLink(line.hostEnd(), FiscalPtyScenario.LINE),
                    ShtrihLink.Settings.DEFAULT)) {
                assertThat(call(link, ShtrihCommand.OPEN_SHIFT, 1, new byte[0]).ok()).isTrue();
                long before = lastDocument(link);
                for (int i = 0; i < 100; i++) {
                    long sum = 10_000 + 100L * random.nextInt(400);
                    long doc = sell(link, sum, before);
                    assertThat(doc).isEqualTo(before + 1);
                    numbers.add(doc);
                    before = doc;
                    paid += sum;
                }
            }
        }
        List<FnDocument> receipts = fn.archive().stream()
                .filter(d -> d.kind() == FiscalDocument.Kind.RECEIPT_INCOME).toList();
        assertThat(receipts).extracting(FnDocument::number).containsExactlyElementsOf(numbers);
        assertThat(receipts.stream().mapToLong(FnDocument::sumMinor).sum()).isEqualTo(paid);
    }

    /** One receipt; when the close's outcome is unknown, the storage's last document says whether it happened. */
    private static long sell(ShtrihLink link, long sum, long before) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                if (attempt > 0) {
                    call(link, ShtrihCommand.CANCEL_RECEIPT, 1, new byte[0]); // a receipt left open by a lost answer
                }
                ShtrihAnswer op = call(link, ShtrihCommand.FN_OPERATION_V2, 1, new ShtrihReceiptMessages.OperationV2(
                        1, 1_000_000, sum, sum, ShtrihReceiptMessages.NOT_GIVEN, ShtrihReceiptMessages.TAX_NO_VAT, 1,
                        4, 10, "Оплата услуг связи").encode());
                assertThat(op.ok()).as("operation: error %02X", op.error()).isTrue();
                ShtrihAnswer close = call(link, ShtrihCommand.FN_CLOSE_RECEIPT_V2, 30,
                        ShtrihReceiptMessages.CloseReceiptV2.cash(sum, 2, "").encode());
                assertThat(close.ok()).as("close: error %02X", close.error()).isTrue();
                return ShtrihFnMessages.CloseResult.decode(close.data()).documentNumber();
            } catch (DeviceException e) {
                long last = lastDocument(link);
                if (last > before) {
                    return last;
                }
            }
        }
        throw new AssertionError("a receipt of " + sum + " could not be registered in 5 tries");
    }

    private static long lastDocument(ShtrihLink link) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return ShtrihFnMessages.FnStatus.decode(call(link, ShtrihCommand.FN_STATUS, 30, new byte[0]).data())
                        .lastDocumentNumber();
            } catch (DeviceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static ShtrihAnswer call(ShtrihLink link, ShtrihCommand c, long password, byte[] params)
            throws DeviceException {
        return link.exchange(new ShtrihRequest(c, password, params));
    }
}
