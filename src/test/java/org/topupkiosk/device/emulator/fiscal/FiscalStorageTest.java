package org.topupkiosk.device.emulator.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.fiscal.FiscalDocument.Kind;

class FiscalStorageTest {

    static final byte[] KEY = "emulated-fn-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String SERIAL = "9999078900012345";
    static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 7, 9, 0);

    @TempDir
    Path dir;

    static FnReceipt receipt(long sum) {
        FnOperation op = new FnOperation(1, 1_000_000, sum, sum, 8, 4, 10, "Оплата услуг связи", new byte[] {
                (byte) 0xC6, 0x04, 1, 0, 0x40});
        return new FnReceipt(1, 2, sum, 0, 0, List.of(op), new byte[0]);
    }

    @Test
    void numbersFromOneAndSignsReproducibly() throws Exception {
        FiscalStorage fn = FiscalStorage.inMemory(SERIAL, LocalDate.of(2027, 12, 31), KEY, 100);
        FnDocument open = fn.sign(Kind.SHIFT_OPEN, T0, 0, Optional.empty());
        FnDocument r1 = fn.sign(Kind.RECEIPT_INCOME, T0.plusMinutes(1), 15000, Optional.of(receipt(15000)));
        FnDocument r2 = fn.sign(Kind.RECEIPT_INCOME, T0.plusMinutes(1), 15000, Optional.of(receipt(15000)));
        assertThat(List.of(open.number(), r1.number(), r2.number())).containsExactly(1L, 2L, 3L);
        assertThat(open.shift()).isEqualTo(1);
        // A second storage with the same key signs the same document the same way; another key does not.
        FiscalStorage twin = FiscalStorage.inMemory(SERIAL, LocalDate.of(2027, 12, 31), KEY, 100);
        assertThat(twin.fiscalSignOf(r1)).isEqualTo(r1.fiscalSign());
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(FiscalStorage.inMemory(SERIAL, LocalDate.of(2027, 12, 31), other, 100).fiscalSignOf(r1))
                .isNotEqualTo(r1.fiscalSign());
        // Same content, different number: a different sign.
        assertThat(r2.fiscalSign()).isNotEqualTo(r1.fiscalSign());
        assertThat(r1.fiscalSign()).isBetween(0L, 0xFFFF_FFFFL);
    }

    @Test
    void keepsNumberingAndShiftAcrossARestartAndIgnoresALineCutShort() throws Exception {
        Path file = dir.resolve("fn/state.jsonl");
        FiscalStorage fn = FiscalStorage.inFile(file, SERIAL, LocalDate.of(2027, 12, 31), KEY, 100);
        fn.sign(Kind.SHIFT_OPEN, T0, 0, Optional.empty());
        FnDocument r = fn.sign(Kind.RECEIPT_INCOME, T0.plusMinutes(2), 15000, Optional.of(receipt(15000)));
        Files.writeString(file, "{\"doc\":{\"kind\":\"RECEIPT_INC", java.nio.file.StandardOpenOption.APPEND);

        FiscalStorage again = FiscalStorage.inFile(file, "1111111111111111", LocalDate.of(2000, 1, 1),
                new byte[16], 5);
        assertThat(again.serial()).isEqualTo(SERIAL);
        assertThat(again.find(2)).contains(r);
        assertThat(again.shift().open()).isTrue();
        assertThat(again.shift().incomeMinor()).isEqualTo(15000);
        assertThat(again.fiscalSignOf(r)).isEqualTo(r.fiscalSign());
    }

    @Test
    void aDamagedStateFileNamesTheLineAndField() throws Exception {
        Path file = dir.resolve("state.jsonl");
        FiscalStorage fn = FiscalStorage.inFile(file, SERIAL, LocalDate.of(2027, 12, 31), KEY, 100);
        fn.sign(Kind.SHIFT_OPEN, T0, 0, Optional.empty());
        Files.writeString(file, Files.readString(file).replace("\"shift\":1", "\"shift\":\"one\""));
        assertThatThrownBy(() -> FiscalStorage.inFile(file, SERIAL, LocalDate.of(2027, 12, 31), KEY, 100))
                .hasMessageContaining("line 2").hasMessageContaining("field shift");
    }

    @Test
    void fullAndExpiredStoragesRefuseWithTheirCodesButStillCloseTheShift() throws Exception {
        FiscalStorage fn = FiscalStorage.inMemory(SERIAL, LocalDate.of(2026, 12, 7), KEY, 3);
        fn.sign(Kind.SHIFT_OPEN, T0, 0, Optional.empty());
        fn.sign(Kind.RECEIPT_INCOME, T0, 100, Optional.of(receipt(100)));
        fn.sign(Kind.RECEIPT_INCOME, T0, 100, Optional.of(receipt(100)));
        assertThat(fn.full()).isTrue();
        assertThatThrownBy(() -> fn.sign(Kind.RECEIPT_INCOME, T0, 100, Optional.of(receipt(100))))
                .isInstanceOfSatisfying(RegisterRefusal.class,
                        e -> assertThat(e.code()).isEqualTo(RegisterRefusal.FN_ARCHIVE_FULL));
        assertThat(fn.sign(Kind.SHIFT_CLOSE, T0, 0, Optional.empty()).number()).isEqualTo(4);

        FiscalStorage old = FiscalStorage.inMemory(SERIAL, LocalDate.of(2026, 12, 6), KEY, 100);
        assertThatThrownBy(() -> old.sign(Kind.SHIFT_OPEN, T0, 0, Optional.empty()))
                .isInstanceOfSatisfying(RegisterRefusal.class,
                        e -> assertThat(e.code()).isEqualTo(RegisterRefusal.FN_EXPIRED));
    }

    @Test
    void theOperatorAcknowledgesAfterItsDelayAndNeverWhileOffline() throws Exception {
        FiscalStorage fn = FiscalStorage.inMemory(SERIAL, LocalDate.of(2027, 12, 31), KEY, 100);
        fn.ofdDelay(Duration.ofMinutes(5));
        fn.sign(Kind.SHIFT_OPEN, T0, 0, Optional.empty());
        fn.sign(Kind.RECEIPT_INCOME, T0.plusMinutes(3), 100, Optional.of(receipt(100)));
        fn.exchange(T0.plusMinutes(1));
        assertThat(fn.unsentCount()).isEqualTo(2);
        fn.exchange(T0.plusMinutes(6));
        assertThat(fn.unsentCount()).isEqualTo(1);
        assertThat(fn.firstUnsent().orElseThrow().number()).isEqualTo(2);
        fn.ofdOffline(true);
        fn.exchange(T0.plusDays(3));
        assertThat(fn.unsentCount()).isEqualTo(1);
        fn.ofdOffline(false);
        fn.exchange(T0.plusDays(3));
        assertThat(fn.unsentCount()).isZero();
        assertThat(fn.firstUnsent()).isEmpty();
    }

    @Test
    void exportsTheArchiveAsJsonLinesThatReadBack() throws Exception {
        FiscalStorage fn = FiscalStorage.inMemory(SERIAL, LocalDate.of(2027, 12, 31), KEY, 100);
        fn.sign(Kind.SHIFT_OPEN, T0, 0, Optional.empty());
        fn.sign(Kind.RECEIPT_INCOME, T0, 15000, Optional.of(receipt(15000)));
        Path out = dir.resolve("archive.jsonl");
        fn.exportJsonLines(out);
        assertThat(Files.readAllLines(out)).hasSize(2).allMatch(l -> l.contains("\"fn\":\"" + SERIAL + "\""));
        assertThat(FiscalStorage.readJsonLines(out)).isEqualTo(fn.archive());
    }
}
