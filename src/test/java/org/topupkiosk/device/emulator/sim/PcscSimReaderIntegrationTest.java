package org.topupkiosk.device.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.SimNumberFinder;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.device.sim.PcscCardSlot;
import org.topupkiosk.device.sim.SimEvent;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimIdentity;
import org.topupkiosk.device.sim.SimSlotReader;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.VpcdReaderLock;

/**
 * The whole stack for real: the virtual SIM speaks vpcd to pcscd's virtual reader, javax.smartcardio talks to pcscd,
 * and the reader's session reads the card. Needs pcscd running with vsmartcard-vpcd (.ci/run starts it); without it
 * the test is skipped with a loud reason, never silently.
 */
@ExtendWith(VpcdReaderLock.class)
class PcscSimReaderIntegrationTest {

    static final String READER = "Virtual PCD 00 00";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(4);

    private final VpcdCardClient hand = new VpcdCardClient("127.0.0.1", VpcdCardClient.DEFAULT_PORT, READER);
    private SimSlotReader reader;
    private final SimEvents events = new SimEvents();

    @BeforeAll
    static void needsPcscd() {
        String why = null;
        try {
            List<String> names = PcscCardSlot.readerNames();
            if (!names.contains(READER)) {
                why = "pcscd runs but has no \"" + READER + "\" (readers: " + names + "); install vsmartcard-vpcd";
            }
        } catch (SimException e) {
            why = "pcscd is not reachable: " + e.getMessage();
        }
        if (why != null) {
            String loud = "SKIPPING PC/SC SIM INTEGRATION TESTS: " + why
                    + ". Start it with `pcscd` (as root, or `sudo pcscd`) before Maven; .ci/run does this.";
            System.err.println("!!!!! " + loud);
            Assumptions.assumeTrue(false, loud);
        }
    }

    @BeforeEach
    void start() throws Exception {
        reader = new SimSlotReader(new PcscCardSlot(READER), READ_TIMEOUT);
        reader.start(events);
        reader.enable();
    }

    @AfterEach
    void stop() {
        hand.remove();
        reader.close();
    }

    private SimIdentity insertAndRead(VirtualSimProfile p) throws Exception {
        hand.insert(new VirtualSimCard(p), VirtualSimFaults.NONE);
        assertThat(events.next(SimEvent.Inserted.class, 10).reader()).isEqualTo(READER);
        return events.next(SimEvent.Read.class, 15).identity();
    }

    @Test
    void gsmCardWithItsNumber() throws Exception {
        SimIdentity id = insertAndRead(VirtualSimProfile.GSM_WITH_NUMBER);
        assertThat(id.kind()).isEqualTo(SimIdentity.Kind.GSM);
        assertThat(id.iccid()).isEqualTo("8970101000000000012");
        assertThat(id.imsi()).isEqualTo("250011000000001");
        assertThat(id.msisdn()).contains(new Msisdn("+79161000001"));
        assertThat(id.operatorHint()).contains("mts");
        hand.remove();
        events.next(SimEvent.Removed.class, 10);
    }

    @Test
    void usimCardWithItsNumber() throws Exception {
        SimIdentity id = insertAndRead(VirtualSimProfile.USIM_WITH_NUMBER);
        assertThat(id.kind()).isEqualTo(SimIdentity.Kind.USIM);
        assertThat(id.msisdn()).contains(new Msisdn("+79261000002"));
        assertThat(id.operatorHint()).contains("megafon");
    }

    @Test
    void cardsWithoutANumberAreResolvedByTheCarrierFromTheIccid() throws Exception {
        try (CarrierSimulator sim = SimulatorFixture.simulator()) {
            // Timeouts of a kiosk, not of the fault tests: the first call also warms up the HTTP client and server.
            SimNumberFinder finder = new SimNumberFinder(new RestCarrierGateway(sim.baseUri(), SimulatorFixture.KIOSK,
                    SimulatorFixture.KEY, Duration.ofSeconds(3), Duration.ofSeconds(10), Clock.systemUTC()));

            SimIdentity gsm = insertAndRead(VirtualSimProfile.GSM_NO_NUMBER);
            assertThat(gsm.storedNumber()).isEmpty();
            SimNumberFinder.Found g = find(finder, gsm);
            assertThat(g.source()).as("carrier error: %s", g.error()).isEqualTo(SimNumberFinder.Source.CARRIER);
            assertThat(g.msisdn()).contains(new Msisdn("+79031000003"));
            assertThat(g.operatorId()).contains("beeline");
            hand.remove();
            events.next(SimEvent.Removed.class, 10);

            reader.enable();
            SimIdentity usim = insertAndRead(VirtualSimProfile.USIM_NO_NUMBER);
            assertThat(usim.kind()).isEqualTo(SimIdentity.Kind.USIM);
            assertThat(find(finder, usim).msisdn()).contains(new Msisdn("+79521000004"));
            hand.remove();
            events.next(SimEvent.Removed.class, 10);

            reader.enable();
            SimNumberFinder.Found none = find(finder, insertAndRead(VirtualSimProfile.USIM_UNREGISTERED));
            assertThat(none.source()).isEqualTo(SimNumberFinder.Source.NONE);
            assertThat(none.error()).map(CarrierException::code).contains("unknown-sim");
        }
    }

    @Test
    void cardPulledMidReadIsAClearErrorAndTheNextInsertIsRead() throws Exception {
        hand.insert(new VirtualSimCard(VirtualSimProfile.USIM_WITH_NUMBER), VirtualSimFaults.pulledAfter(4));
        events.next(SimEvent.Inserted.class, 10);
        SimEvent.ReadFailed failed = events.next(SimEvent.ReadFailed.class, 15);
        assertThat(failed.error().code()).isEqualTo(SimException.Code.CARD_REMOVED);
        events.next(SimEvent.Removed.class, 10);
        assertThat(hand.apduCount()).isEqualTo(5);

        SimIdentity next = insertAndRead(VirtualSimProfile.GSM_WITH_NUMBER);
        assertThat(next.iccid()).isEqualTo("8970101000000000012");
    }

    @Test
    void muteCardTimesOutAndTheReaderRecovers() throws Exception {
        hand.insert(new VirtualSimCard(VirtualSimProfile.GSM_WITH_NUMBER), VirtualSimFaults.muted());
        events.next(SimEvent.Inserted.class, 10);
        long t0 = System.nanoTime();
        SimEvent.ReadFailed failed = events.next(SimEvent.ReadFailed.class, 15);
        assertThat(failed.error().code()).isEqualTo(SimException.Code.MUTE);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(READ_TIMEOUT.plusSeconds(2));
        hand.remove();
        events.next(SimEvent.Removed.class, 10);

        SimIdentity next = insertAndRead(VirtualSimProfile.USIM_NO_NUMBER);
        assertThat(next.iccid()).isEqualTo("89701200000000000070");
    }

    @Test
    void aCardThatIsNoSimIsUnknown() throws Exception {
        hand.insert(new VirtualSimCard(VirtualSimProfile.NOT_A_SIM), VirtualSimFaults.NONE);
        events.next(SimEvent.Inserted.class, 10);
        assertThat(events.next(SimEvent.ReadFailed.class, 15).error().code())
                .isEqualTo(SimException.Code.UNKNOWN_CARD);
    }

    @Test
    void readNowOnAnEmptyReaderSaysNoCard() {
        try {
            reader.readNow(Duration.ofSeconds(1));
            throw new AssertionError("read an empty reader");
        } catch (SimException e) {
            assertThat(e.code()).isEqualTo(SimException.Code.NO_CARD);
        }
    }

    private static SimNumberFinder.Found find(SimNumberFinder finder, SimIdentity card) {
        return finder.find(card.iccid(), card.msisdn(), card.operatorHint());
    }
}
