package org.topupkiosk.device.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.sim.ApduChannel;
import org.topupkiosk.device.sim.CardSlot;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimIdentity;
import org.topupkiosk.device.sim.SimSlotReader;

/**
 * A read that meets a spoilt connection (the card was swapped or reset as we connected: PC/SC says
 * SCARD_E_NOT_TRANSACTED or SCARD_W_RESET_CARD) gets one fresh connection; a real failure is not retried; and the
 * read only ever closes its own connection.
 */
class SlotReaderStaleConnectionTest {

    /** A slot with one virtual SIM; its first {@code spoilt} connections fail their first command with {@code why}. */
    private static final class Slot implements CardSlot {
        final VirtualSimCard card = new VirtualSimCard(VirtualSimProfile.GSM_WITH_NUMBER);
        final AtomicInteger connects = new AtomicInteger();
        final List<ApduChannel> closed = new ArrayList<>();
        final int spoilt;
        final SimException.Code code;
        final String why;

        Slot(int spoilt, SimException.Code code, String why) {
            this.spoilt = spoilt;
            this.code = code;
            this.why = why;
        }

        @Override
        public String name() {
            return "test slot";
        }

        @Override
        public boolean waitForPresent(long timeoutMs) {
            return true;
        }

        @Override
        public boolean waitForAbsent(long timeoutMs) {
            return false;
        }

        @Override
        public ApduChannel connect() {
            boolean bad = connects.incrementAndGet() <= spoilt;
            card.reset();
            return command -> {
                if (bad) {
                    throw new SimException(code, "transmit: " + why);
                }
                return card.process(command);
            };
        }

        @Override
        public void disconnect() {
            // Only close() calls this; the reads must close their own channels (counted below).
        }

        @Override
        public synchronized void disconnect(ApduChannel channel) {
            closed.add(channel);
        }
    }

    private static SimIdentity read(Slot slot) throws SimException {
        SimSlotReader r = new SimSlotReader(slot, Duration.ofSeconds(5));
        try {
            return r.readNow(Duration.ofSeconds(5));
        } finally {
            synchronized (slot) {
                assertThat(slot.closed).as("every connection closed by its own read").hasSize(slot.connects.get());
            }
            r.close();
        }
    }

    @Test
    void notTransactedRightAfterInsertIsReadOnAFreshConnection() throws Exception {
        Slot slot = new Slot(1, SimException.Code.TRANSPORT,
                "sun.security.smartcardio.PCSCException: SCARD_E_NOT_TRANSACTED");
        assertThat(read(slot).iccid()).isEqualTo("8970101000000000012");
        assertThat(slot.connects).hasValue(2);
    }

    @Test
    void aResetCardIsReadOnAFreshConnection() throws Exception {
        Slot slot = new Slot(1, SimException.Code.CARD_REMOVED, "PCSCException: SCARD_W_RESET_CARD");
        assertThat(read(slot).msisdn()).isPresent();
        assertThat(slot.connects).hasValue(2);
    }

    @Test
    void onlyOneRetryAndTheFirstErrorIsReported() {
        Slot slot = new Slot(5, SimException.Code.TRANSPORT, "PCSCException: SCARD_E_NOT_TRANSACTED");
        try {
            read(slot);
            throw new AssertionError("read a card whose every connection fails");
        } catch (SimException e) {
            assertThat(e.code()).isEqualTo(SimException.Code.TRANSPORT);
            assertThat(e.getSuppressed()).hasSize(1);
        }
        assertThat(slot.connects).hasValue(2);
    }

    @Test
    void aFailureThatIsNotAboutTheConnectionIsNotRetried() {
        Slot slot = new Slot(5, SimException.Code.TRANSPORT, "PCSCException: SCARD_F_COMM_ERROR");
        try {
            read(slot);
            throw new AssertionError("read a card whose every connection fails");
        } catch (SimException e) {
            assertThat(e.code()).isEqualTo(SimException.Code.TRANSPORT);
        }
        assertThat(slot.connects).hasValue(1);
    }
}
