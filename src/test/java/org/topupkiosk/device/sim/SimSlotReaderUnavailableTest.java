package org.topupkiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A reader whose slot fails (pcscd stopped, reader unplugged) sends no event, since no card is involved; it says why
 * through {@link SimCardReader#unavailable()}, which the insert screen asks, and clears it once the slot answers.
 */
class SimSlotReaderUnavailableTest {

    /** A slot whose every wait fails with the code set, or reports an empty slot when none is set. */
    static final class FlakySlot implements CardSlot {
        final AtomicReference<SimException.Code> failing = new AtomicReference<>();

        @Override
        public String name() throws SimException {
            fail();
            return "flaky";
        }

        @Override
        public boolean waitForPresent(long timeoutMs) throws SimException {
            fail();
            sleep(Math.min(timeoutMs, 20));
            return false;
        }

        @Override
        public boolean waitForAbsent(long timeoutMs) throws SimException {
            fail();
            return true;
        }

        @Override
        public ApduChannel connect() throws SimException {
            throw new SimException(SimException.Code.NO_CARD, "empty");
        }

        @Override
        public void disconnect() {}

        private void fail() throws SimException {
            SimException.Code c = failing.get();
            if (c != null) {
                throw new SimException(c, "test says " + c);
            }
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aFailingSlotIsReportedByItsCodeAndClearedWhenItAnswersAgain() throws Exception {
        FlakySlot slot = new FlakySlot();
        slot.failing.set(SimException.Code.NO_PCSC);
        try (SimSlotReader reader = new SimSlotReader(slot, Duration.ofSeconds(1))) {
            assertThat(reader.unavailable()).as("not looked yet").isEmpty();
            reader.start(e -> { });
            eventually(() -> reader.unavailable().isPresent());
            assertThat(reader.unavailable()).contains(SimException.Code.NO_PCSC);
            slot.failing.set(null);
            eventually(() -> reader.unavailable().isEmpty());
            slot.failing.set(SimException.Code.NO_READER);
            eventually(() -> reader.unavailable().isPresent());
            assertThat(reader.unavailable()).contains(SimException.Code.NO_READER);
        }
    }

    @Test
    void theMaskedIccidKeepsTheIssuerAndTheLastTwoDigits() {
        SimIdentity id = new SimIdentity("89701200000000000070", "250201000000004", Optional.empty(),
                Optional.empty(), Optional.of("t2"), SimIdentity.Kind.USIM);
        assertThat(id.maskedIccid()).isEqualTo("897012************70");
        assertThat(id.maskedImsi()).isEqualTo("25020**********");
    }
}
