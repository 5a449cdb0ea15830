package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.emulator.sim.SimInserter;
import org.topupkiosk.device.emulator.sim.VirtualSimCard;
import org.topupkiosk.device.emulator.sim.VirtualSimFaults;
import org.topupkiosk.device.emulator.sim.VirtualSimProfile;
import org.topupkiosk.device.sim.CardSlot;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimSlotReader;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.SimControl;

/**
 * Find my number through the real reader ({@link SimSlotReader} on its own threads) and a real card model, with the
 * flow, journal and carrier simulator of {@link FlowFixture}: the events come in whatever order and timing the reader
 * produces them. Subclasses give the slot and the hand: the memory slot, or pcscd's vpcd reader.
 */
abstract class FindMyNumberReaderCases {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path dir;
    FlowFixture k;
    SimSlotReader reader;
    SimInserter hand;

    abstract CardSlot slot();

    abstract SimInserter hand();

    @BeforeEach
    void setUp() throws Exception {
        k = new FlowFixture(dir);
        hand = hand();
        reader = new SimSlotReader(slot(), READ_TIMEOUT);
        k.flow.attachSimReader(control(reader));
        reader.start(k.flow::simEvent);
        k.cmd(new StillHere());
    }

    @AfterEach
    void tearDown() {
        hand.remove();
        reader.close();
        k.close();
    }

    /** The kiosk's adapter from the reader to the flow's port (as in KioskCore). */
    static SimControl control(SimSlotReader r) {
        return new SimControl() {
            @Override
            public void arm() {
                try {
                    r.enable();
                } catch (DeviceException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void disarm() {
                try {
                    r.disable();
                } catch (DeviceException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public Optional<SimException.Code> unavailable() {
                return r.unavailable();
            }
        };
    }

    /** Runs the flow thread until the snapshot matches: the reader and the carrier work on their own threads. */
    FlowSnapshot await(Predicate<FlowSnapshot> p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            k.exec.runPending();
            if (p.test(k.flow.current())) {
                return k.flow.current();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("flow never reached the expected state; now " + k.flow.current());
    }

    private void insert(VirtualSimProfile p, VirtualSimFaults f) throws Exception {
        hand.insert(new VirtualSimCard(p), f);
    }

    private void pullOut() throws Exception {
        hand.remove();
        await(s -> s.services() != null && !s.services().sim().cardInSlot());
    }

    private void toInsertScreen() {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.FIND_NUMBER));
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_INSERT);
    }

    private static boolean messageIs(FlowSnapshot s, String key) {
        return s.message() != null && s.message().key().equals(key);
    }

    @Test
    void aCardWithoutANumberFoundByTheCarrier() throws Exception {
        toInsertScreen();
        insert(VirtualSimProfile.USIM_NO_NUMBER, VirtualSimFaults.NONE);
        FlowSnapshot s = await(x -> x.screen() == Screen.SIM_RESULT);
        assertThat(s.services().sim().number()).isEqualTo(Msisdn.of("+79521000004"));
        assertThat(s.services().sim().operatorId()).isEqualTo("t2");
        assertThat(s.services().sim().cardInSlot()).isTrue();
        pullOut();
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    @Test
    void aCardPulledMidReadThenInsertedAgain() throws Exception {
        toInsertScreen();
        insert(VirtualSimProfile.USIM_WITH_NUMBER, VirtualSimFaults.pulledAfter(4));
        FlowSnapshot s = await(x -> x.screen() == Screen.SIM_INSERT && messageIs(x, "sim.error.card_removed"));
        await(x -> !x.services().sim().cardInSlot());
        insert(VirtualSimProfile.USIM_WITH_NUMBER, VirtualSimFaults.NONE);
        s = await(x -> x.screen() == Screen.SIM_RESULT);
        assertThat(s.services().sim().number()).isEqualTo(Msisdn.of("+79261000002"));
        assertThat(s.message()).isNull();
    }

    @Test
    void aMuteCardIsReportedOnceAndTheNextCardIsRead() throws Exception {
        toInsertScreen();
        insert(VirtualSimProfile.GSM_WITH_NUMBER, VirtualSimFaults.muted());
        await(x -> x.screen() == Screen.SIM_INSERT && messageIs(x, "sim.error.mute"));
        // Left in, the mute card is not read again: nothing changes while it sits there.
        Thread.sleep(READ_TIMEOUT.toMillis() + 500);
        k.exec.runPending();
        assertThat(k.journal.recentAudit(List.of("sim_read_failed"), 10)).hasSize(1);
        pullOut();
        insert(VirtualSimProfile.GSM_WITH_NUMBER, VirtualSimFaults.NONE);
        assertThat(await(x -> x.screen() == Screen.SIM_RESULT).services().sim().number())
                .isEqualTo(Msisdn.of("+79161000001"));
    }

    @Test
    void notASimGetsTheFailureScreen() throws Exception {
        toInsertScreen();
        insert(VirtualSimProfile.NOT_A_SIM, VirtualSimFaults.NONE);
        FlowSnapshot s = await(x -> x.screen() == Screen.SIM_FAILED);
        assertThat(s.services().sim().problemKey()).isEqualTo("sim.error.unknown_card");
    }

    @Test
    void aCardInsertedBeforeTheScreenIsReadWhenTheScreenOpens() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN));
        insert(VirtualSimProfile.GSM_NO_NUMBER, VirtualSimFaults.NONE);
        await(x -> x.screen() == Screen.HOME && k.journal.recentAudit(List.of("sim_read"), 1).isEmpty());
        Thread.sleep(500); // the reader has seen the card by now, and must not read it on the home screen
        k.exec.runPending();
        assertThat(k.journal.recentAudit(List.of("sim_read"), 1)).isEmpty();
        k.cmd(new ChooseService(Service.FIND_NUMBER));
        FlowSnapshot s = await(x -> x.screen() == Screen.SIM_RESULT);
        assertThat(s.services().sim().number()).isEqualTo(Msisdn.of("+79031000003"));
    }

    @Test
    void aCardOnTheNumberScreenFillsTheNumber() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP), new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        insert(VirtualSimProfile.GSM_WITH_NUMBER, VirtualSimFaults.NONE);
        FlowSnapshot s = await(x -> x.screen() == Screen.NUMBER_ENTRY && messageIs(x, "sim.number.filled"));
        assertThat(s.numberDigits()).isEqualTo("9161000001");
        k.cmd(new Next());
        assertThat(await(x -> x.screen() == Screen.OPERATOR_CONFIRM).operatorId()).isEqualTo("mts");
    }
}
