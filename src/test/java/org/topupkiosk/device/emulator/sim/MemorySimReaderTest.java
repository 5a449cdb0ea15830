package org.topupkiosk.device.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.sim.PcscCardSlot;
import org.topupkiosk.device.sim.SimEvent;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimSlotReader;
import org.topupkiosk.domain.Msisdn;

/** The reader's watcher and deadlines against the memory slot: the simulation path when pcscd is absent. */
class MemorySimReaderTest {

    private final MemoryCardSlot slot = new MemoryCardSlot();
    private final SimSlotReader reader = new SimSlotReader(slot, Duration.ofMillis(800));
    private final SimEvents events = new SimEvents();

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void insertReadRemoveAndOneReadingPerArming() throws Exception {
        reader.start(events);
        reader.enable();
        slot.insert(new VirtualSimCard(VirtualSimProfile.USIM_WITH_NUMBER), VirtualSimFaults.NONE);
        events.next(SimEvent.Inserted.class, 5);
        SimEvent.Read read = events.next(SimEvent.Read.class, 5);
        assertThat(read.identity().msisdn()).contains(new Msisdn("+79261000002"));
        assertThat(reader.checkHealth().state()).isEqualTo(DeviceHealth.State.OK);
        slot.remove();
        events.next(SimEvent.Removed.class, 5);

        // Disarmed after the reading: the next card is seen but not read until enable().
        slot.insert(new VirtualSimCard(VirtualSimProfile.GSM_WITH_NUMBER), VirtualSimFaults.NONE);
        events.next(SimEvent.Inserted.class, 5);
        assertThat(events.poll(600)).isNull();
        reader.enable();
        assertThat(events.next(SimEvent.Read.class, 5).identity().operatorHint()).contains("mts");
    }

    @Test
    void disabledReaderReportsCardsButDoesNotReadThem() throws Exception {
        reader.start(events);
        slot.insert(new VirtualSimCard(VirtualSimProfile.GSM_NO_NUMBER), VirtualSimFaults.NONE);
        events.next(SimEvent.Inserted.class, 5);
        assertThat(events.poll(600)).isNull();
    }

    @Test
    void muteCardTimesOutWithMuteAndTheNextCardWorks() throws Exception {
        reader.start(events);
        reader.enable();
        slot.insert(new VirtualSimCard(VirtualSimProfile.USIM_WITH_NUMBER), VirtualSimFaults.muted());
        events.next(SimEvent.Inserted.class, 5);
        long t0 = System.nanoTime();
        SimEvent.ReadFailed failed = events.next(SimEvent.ReadFailed.class, 5);
        assertThat(failed.error().code()).isEqualTo(SimException.Code.MUTE);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        slot.remove();
        events.next(SimEvent.Removed.class, 5);
        slot.insert(new VirtualSimCard(VirtualSimProfile.GSM_WITH_NUMBER), VirtualSimFaults.NONE);
        events.next(SimEvent.Inserted.class, 5);
        assertThat(events.next(SimEvent.Read.class, 5).identity().iccid()).isEqualTo("8970101000000000012");
    }

    @Test
    void cardPulledMidReadIsCardRemovedAndTheNextInsertIsRead() throws Exception {
        reader.start(events);
        reader.enable();
        slot.insert(new VirtualSimCard(VirtualSimProfile.USIM_WITH_NUMBER), VirtualSimFaults.pulledAfter(5));
        events.next(SimEvent.Inserted.class, 5);
        assertThat(events.next(SimEvent.ReadFailed.class, 5).error().code()).isEqualTo(SimException.Code.CARD_REMOVED);
        events.next(SimEvent.Removed.class, 5);
        slot.insert(new VirtualSimCard(VirtualSimProfile.USIM_NO_NUMBER), VirtualSimFaults.NONE);
        events.next(SimEvent.Inserted.class, 5);
        assertThat(events.next(SimEvent.Read.class, 5).identity().storedNumber()).isEmpty();
    }

    @Test
    void unknownCardFailsWithUnknownCard() throws Exception {
        reader.start(events);
        reader.enable();
        slot.insert(new VirtualSimCard(VirtualSimProfile.NOT_A_SIM), VirtualSimFaults.NONE);
        events.next(SimEvent.Inserted.class, 5);
        assertThat(events.next(SimEvent.ReadFailed.class, 5).error().code())
                .isEqualTo(SimException.Code.UNKNOWN_CARD);
    }

    @Test
    void readNowOnAnEmptySlotSaysNoCard() {
        try {
            reader.readNow(Duration.ofMillis(300));
            throw new AssertionError("read an empty slot");
        } catch (SimException e) {
            assertThat(e.code()).isEqualTo(SimException.Code.NO_CARD);
        }
    }

    @Test
    void closeStopsTheWatcherPromptly() throws Exception {
        long before = watchers();   // other tests' readers may still be winding down in this JVM
        reader.start(events);
        assertThat(watchers()).isEqualTo(before + 1);
        long t0 = System.nanoTime();
        reader.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(watchers()).isLessThanOrEqualTo(before);
    }

    @Test
    void aMissingReaderOrDaemonMakesTheReaderOfflineWithTheReason() throws Exception {
        try (SimSlotReader pcsc = new SimSlotReader(new PcscCardSlot("No Such Reader 42"),
                Duration.ofSeconds(1))) {
            pcsc.start(events);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (pcsc.checkHealth().state() != DeviceHealth.State.OFFLINE || pcsc.checkHealth().detail()
                    .equals("not started")) {
                assertThat(System.nanoTime()).as("reader never went offline").isLessThan(deadline);
                Thread.sleep(50);
            }
            // With pcscd: no reader matches; without it: no PC/SC service. Either way the reason is named.
            assertThat(pcsc.checkHealth().detail()).containsAnyOf("No Such Reader 42", "PC/SC");
        }
    }

    private static long watchers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("sim-watch") && t.isAlive())
                .count();
    }
}
