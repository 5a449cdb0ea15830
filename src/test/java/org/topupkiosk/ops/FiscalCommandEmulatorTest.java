package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.emulator.fiscal.EmulatedRegister;
import org.topupkiosk.device.emulator.fiscal.FiscalEmulatorServer;
import org.topupkiosk.device.emulator.fiscal.FiscalStorage;
import org.topupkiosk.device.emulator.fiscal.FnDocument;
import org.topupkiosk.device.emulator.fiscal.ReceiptPaper;
import org.topupkiosk.device.emulator.fiscal.ShtrihEmulator;
import org.topupkiosk.device.fiscal.FiscalDocument;
import org.topupkiosk.device.fiscal.FiscalItem;
import org.topupkiosk.device.fiscal.FiscalReceipt;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFiscalRegister;
import org.topupkiosk.device.fiscal.shtrih.ShtrihLink;
import org.topupkiosk.device.fiscal.shtrih.ShtrihPasswords;
import org.topupkiosk.device.fiscal.shtrih.ShtrihTcpLink;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.testing.Kioskctl;
import org.topupkiosk.testing.SocatPair;

/**
 * {@code kioskctl fiscal} end to end against the Shtrih-M emulator (FISCAL-EMU): over loopback TCP as a network
 * register's port 7778, and over a socat pty pair as a serial one. The driver registers a payment agent's receipt;
 * kioskctl reads it back, prints an X report and closes the shift, and the emulated storage's archive agrees.
 */
class FiscalCommandEmulatorTest {

    static final String FN = "9999078900055555";
    static final byte[] KEY = "kioskctl-test-fn-key-0123456789ab".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private record Run(int exit, String out) {
        String lastLine() {
            List<String> lines = out.strip().lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        int exit = Kioskctl.run(out, out, args);
        return new Run(exit, out.toString());
    }

    private static EmulatedRegister emulated(FiscalStorage fn) {
        return new EmulatedRegister(fn, Clock.systemDefaultZone(), new ReceiptPaper(null), 1, 30);
    }

    private static FiscalReceipt receipt() {
        return new FiscalReceipt(FiscalReceipt.Sign.INCOME, FiscalReceipt.TaxSystem.USN_INCOME, List.of(
                new FiscalItem("Оплата услуг связи, +7 916 ***-**-67", 30_000, 1,
                        Optional.of(new FiscalItem.Agent("Приём платежа", List.of("+79160000001"), List.of())),
                        Optional.of(new FiscalItem.Supplier("ПАО МТС", "7740000076", List.of("+78002500890"))))),
                30_000, Optional.empty(), "K-0042");
    }

    @Test
    void statusLastXAndZOverTcp() throws Exception {
        FiscalStorage fn = FiscalStorage.inMemory(FN, LocalDate.now().plusYears(1), KEY, 1000);
        Path secrets = dir.resolve("fiscal.secrets");
        Files.writeString(secrets, "operator=1\nadmin=30\n");
        try (ShtrihEmulator emulator = new ShtrihEmulator(emulated(fn), 3);
                FiscalEmulatorServer server = new FiscalEmulatorServer(emulator, 0)) {
            String tcp = "127.0.0.1:" + server.port();
            Run fresh = run("fiscal", "status", "--tcp", tcp, "--secrets-file", secrets.toString());
            assertThat(fresh.lastLine()).isEqualTo("fiscal ok fn=" + FN + " shift=0 open=false unsent=0");
            assertThat(fresh.exit()).isZero();
            assertThat(run("fiscal", "last", "--tcp", tcp).out()).contains("last none");

            FiscalDocument sold;
            try (ShtrihFiscalRegister driver = new ShtrihFiscalRegister(new ShtrihTcpLink("127.0.0.1", server.port(),
                    3000), ShtrihLink.Settings.DEFAULT, ShtrihPasswords.parse("test", List.of("operator=1",
                    "admin=30")))) {
                driver.start();
                driver.openShift("K-0042");
                sold = driver.register(receipt());
            }
            Run open = run("fiscal", "status", "--tcp", tcp, "--secrets-file", secrets.toString());
            assertThat(open.lastLine()).matches("fiscal ok fn=" + FN + " shift=1 open=true unsent=[0-2]");
            assertThat(open.out()).contains("last_document=2").doesNotContain("opened_at=-");

            Run last = run("fiscal", "last", "--tcp", tcp);
            assertThat(last.out()).contains("kind=receipt_income number=2 fp=" + sold.fiscalSign())
                    .contains("sum=30000").contains("qr=" + sold.qrText());
            FnDocument archived = fn.archive().get(1);
            assertThat(archived.fiscalSign()).isEqualTo(sold.fiscalSign());
            assertThat(archived.sumMinor()).isEqualTo(30_000);

            assertThat(run("fiscal", "x-report", "--tcp", tcp).out()).contains("x-report printed");
            Run z = run("fiscal", "z-report", "--tcp", tcp);
            assertThat(z.out()).contains("z-report kind=shift_close number=3").contains("shift=1");
            assertThat(z.exit()).isZero();
            assertThat(run("fiscal", "status", "--tcp", tcp).lastLine()).startsWith("fiscal ok fn=" + FN + " shift=1 "
                    + "open=false");

            Files.writeString(secrets, "operator=1\nadmin=31\n");
            Run wrong = run("fiscal", "status", "--tcp", tcp, "--secrets-file", secrets.toString());
            assertThat(wrong.lastLine()).startsWith("fiscal fault").contains("4F wrong password");
            assertThat(wrong.exit()).isEqualTo(1);
        }
    }

    @Test
    void statusOverAPtyAsASerialRegister() throws Exception {
        Assumptions.assumeTrue(SocatPair.available(), "SKIPPED LOUDLY: /usr/bin/socat is missing");
        FiscalStorage fn = FiscalStorage.inMemory(FN, LocalDate.now().plusYears(1), KEY, 1000);
        try (SocatPair line = SocatPair.start(); ShtrihEmulator emulator = new ShtrihEmulator(emulated(fn), 4)) {
            emulator.serve(new JSerialCommLink(line.deviceEnd(), new SerialSettings(115200, 8,
                    SerialSettings.Parity.NONE, 1)));
            Run r = run("fiscal", "status", "--port", line.hostEnd(), "--baud", "115200");
            assertThat(r.lastLine()).isEqualTo("fiscal ok fn=" + FN + " shift=0 open=false unsent=0");
            assertThat(r.exit()).isZero();
        }
    }
}
