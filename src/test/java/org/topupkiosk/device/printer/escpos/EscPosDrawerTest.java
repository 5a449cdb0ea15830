package org.topupkiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.emulator.printer.EscPosPrinterEmulator;

/** The counter's cash drawer: ESC p on pin 2, 50 ms on, 500 ms off, after the printer answered its status. */
class EscPosDrawerTest {

    /** Answers each DLE EOT n with an "online, paper ok" byte and records everything written. */
    static final class RecordingLink implements PrinterLink {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final Deque<Integer> answers = new ArrayDeque<>();
        boolean silent;

        @Override
        public void write(byte[] data) {
            written.writeBytes(data);
            for (int i = 0; !silent && i + 2 < data.length; i += 3) {
                if (data[i] == 0x10 && data[i + 1] == 0x04) {
                    answers.add(0x12);
                }
            }
        }

        @Override
        public int read(Duration timeout) {
            Integer b = answers.poll();
            return b == null ? -1 : b;
        }

        @Override
        public void discardInput() {
            answers.clear();
        }

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public void close() {}
    }

    private static EscPosPrinter printer(PrinterLink link) {
        return new EscPosPrinter(link, new ReceiptEncoder(ReceiptEncoder.Options.defaults()),
                Duration.ofMillis(200), Duration.ofMillis(200));
    }

    @Test
    void kickIsEscPAfterTheStatusQuestions() throws Exception {
        RecordingLink link = new RecordingLink();
        printer(link).openDrawer();
        assertThat(Hex.of(link.written.toByteArray()))
                .isEqualTo("10 04 01 10 04 02 10 04 03 10 04 04 1B 70 00 19 FA");
    }

    @Test
    void anOfflinePrinterSaysSoAndSendsNoKick() {
        RecordingLink link = new RecordingLink();
        link.silent = true;
        assertThatThrownBy(() -> printer(link).openDrawer()).isInstanceOf(DeviceException.class)
                .satisfies(e -> assertThat(((DeviceException) e).code()).isEqualTo(DeviceException.Code.OFFLINE));
        assertThat(Hex.indexOf(link.written.toByteArray(), Hex.bytes("1B 70"))).isEqualTo(-1);
    }

    @Test
    void theEmulatorCountsTheKick() throws Exception {
        EscPosPrinterEmulator emu = new EscPosPrinterEmulator(null, EscPosPrinterEmulator.PAPER_80MM_DOTS);
        printer(emu.memoryLink()).openDrawer();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (emu.drawerKicks() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(emu.drawerKicks()).isEqualTo(1);
    }

}
