package org.topupkiosk.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.testing.Fuzz;

/**
 * ESC/POS real-time status from the wire, fuzzed. The four DLE EOT answers decode to a status or an
 * {@link IllegalArgumentException}; the printer's status read over a line carrying any bytes (late receipt output,
 * noise, a printer that stops answering) gives a status or a {@link DeviceException}, nothing else.
 */
class PrinterStatusFuzzProperties {

    @Property
    void anyFourBytesAreAStatusOrAnIllegalArgument(@ForAll @IntRange(max = 255) int printer,
                                                   @ForAll @IntRange(max = 255) int offline,
                                                   @ForAll @IntRange(max = 255) int error,
                                                   @ForAll @IntRange(max = 255) int paper) {
        boolean allStatusBytes = List.of(printer, offline, error, paper).stream().allMatch(PrinterStatus::isStatusByte);
        try {
            PrinterStatus s = PrinterStatus.decode(printer, offline, error, paper);
            assertThat(allStatusBytes).isTrue();
            assertThat(s.ready()).isEqualTo(s.problem() == null);
            assertThat(s.describe()).isNotBlank();
        } catch (IllegalArgumentException refused) {
            assertThat(allStatusBytes).isFalse();
            assertThat(refused.getMessage()).contains("not a DLE EOT status byte");
        }
    }

    @Provide
    Arbitrary<PrinterStatus> statuses() {
        return Arbitraries.of(true, false).list().ofSize(7).map(f -> new PrinterStatus(f.get(0), f.get(1), f.get(2),
                f.get(3), f.get(4), f.get(5), f.get(6)));
    }

    /** What a printer answers for a status reads back as the same state (as far as the bytes can say it). */
    @Property(tries = Fuzz.ROUND_TRIP_TRIES)
    void encodedStatusesReadBack(@ForAll("statuses") PrinterStatus s) {
        int[] a = s.encode();
        PrinterStatus back = PrinterStatus.decode(a[0], a[1], a[2], a[3]);
        assertThat(back.problem() == null ? null : back.problem().code())
                .isEqualTo(s.problem() == null ? null : s.problem().code());
        assertThat(back.ready()).isEqualTo(s.ready());
        assertThat(back.paperOut()).isEqualTo(s.paperOut());
        assertThat(back.coverOpen()).isEqualTo(s.coverOpen());
        assertThat(back.cutterError()).isEqualTo(s.cutterError());
        assertThat(back.unrecoverable()).isEqualTo(s.unrecoverable());
        assertThat(back.paperNearEnd()).isEqualTo(s.paperNearEnd() || s.paperOut());
    }

    @Provide
    Arbitrary<byte[]> lines() {
        Arbitrary<byte[]> answers = statuses().map(s -> {
            int[] a = s.encode();
            return new byte[] {(byte) a[0], (byte) a[1], (byte) a[2], (byte) a[3]};
        });
        return Fuzz.around(answers, 24);
    }

    @Property
    void aStatusReadOverAnyLineIsAStatusOrADeviceException(@ForAll("lines") byte[] line) {
        EscPosPrinter printer = new EscPosPrinter(new ScriptedLink(line),
                new ReceiptEncoder(ReceiptEncoder.Options.defaults()), Duration.ofMillis(50), Duration.ofMillis(50));
        try {
            PrinterStatus s = printer.status(Duration.ofMillis(50));
            assertThat(s.describe()).isNotBlank();
        } catch (DeviceException e) {
            assertThat(e.code()).isEqualTo(DeviceException.Code.OFFLINE);
        }
    }

    /** A line that answers with the given bytes, one per read, then stays silent (a read times out at once). */
    private static final class ScriptedLink implements PrinterLink {
        private final Deque<Integer> bytes = new ArrayDeque<>();

        ScriptedLink(byte[] line) {
            for (byte b : line) {
                bytes.add(b & 0xFF);
            }
        }

        @Override
        public void write(byte[] data) {}

        @Override
        public int read(Duration timeout) {
            Integer b = bytes.poll();
            return b == null ? -1 : b;
        }

        @Override
        public void discardInput() {}

        @Override
        public String describe() {
            return "scripted";
        }

        @Override
        public void close() {}
    }
}
