package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.device.emulator.sim.VirtualSimProfile;
import org.topupkiosk.device.sim.OperatorHint;
import org.topupkiosk.device.sim.SimEvent;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimIdentity;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowMessage;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.SimControl;
import org.topupkiosk.flow.core.SimLookupView;
import org.topupkiosk.flow.sim.FindMyNumber;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.journal.StoredReceipt;

/**
 * "Find my number" through the real flow, journal, REST adapter and carrier simulator, with a fake reader that the
 * test drives event by event, so every order of insert, read, removal and failure is exercised, against every screen.
 */
class FindMyNumberFlowTest {

    static final String READER = "Virtual PCD 00 00";

    @TempDir
    Path dir;
    FlowFixture k;
    FakeReader reader;

    /** The port as the flow sees it; what the device would send is posted by the test through the flow. */
    static final class FakeReader implements SimControl {
        boolean armed;
        int arms;
        final List<String> calls = new ArrayList<>();
        Optional<SimException.Code> unavailable = Optional.empty();

        @Override
        public void arm() {
            armed = true;
            arms++;
            calls.add("arm");
        }

        @Override
        public void disarm() {
            armed = false;
            calls.add("disarm");
        }

        @Override
        public Optional<SimException.Code> unavailable() {
            return unavailable;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        k = new FlowFixture(dir);
        reader = new FakeReader();
        k.flow.attachSimReader(reader);
        k.cmd(new StillHere());
    }

    @AfterEach
    void tearDown() {
        k.close();
    }

    static SimIdentity card(VirtualSimProfile p) {
        Optional<Msisdn> msisdn = p.storedNumber().map(Msisdn::of);
        return new SimIdentity(p.iccid(), p.imsi(), p.storedNumber(), msisdn, OperatorHint.fromImsi(p.imsi()),
                p.variant() == VirtualSimProfile.Variant.GSM ? SimIdentity.Kind.GSM : SimIdentity.Kind.USIM);
    }

    private void event(SimEvent e) {
        k.flow.simEvent(e);
        k.exec.runPending();
    }

    private void inserted() {
        event(new SimEvent.Inserted(READER));
    }

    private void removed() {
        event(new SimEvent.Removed(READER));
    }

    /** The device reads only when armed, and disarms itself after a reading. */
    private void read(VirtualSimProfile p) {
        assertThat(reader.armed).as("the reader reads only when the flow armed it").isTrue();
        reader.armed = false;
        event(new SimEvent.Read(READER, card(p)));
    }

    private void failed(SimException.Code code) {
        assertThat(reader.armed).isTrue();
        event(new SimEvent.ReadFailed(READER, new SimException(code, "test")));
    }

    private void toInsertScreen() {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.FIND_NUMBER));
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_INSERT);
    }

    private SimLookupView sim() {
        return k.snap().services().sim();
    }

    private String message() {
        FlowMessage m = k.snap().message();
        return m == null ? null : m.key();
    }

    private List<AuditEntry> audit(String kind) {
        return k.journal.recentAudit(List.of(kind), 20);
    }

    private void assertJournalOk() {
        assertThat(k.journal.verify().violations()).isEmpty();
    }

    // The service, from the home tile --------------------------------------------------------------------------------

    @Test
    void aCardWithoutANumberIsReadAndTheCarrierFindsItsNumberAndOperator() throws Exception {
        toInsertScreen();
        assertThat(reader.armed).isTrue();
        assertThat(sim().phase()).isEqualTo(SimLookupView.Phase.WAITING);
        inserted();
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_READING);
        assertThat(sim().phase()).isEqualTo(SimLookupView.Phase.READING);
        read(VirtualSimProfile.GSM_NO_NUMBER);
        FlowSnapshot s = k.awaitScreen(Screen.SIM_RESULT);
        SimLookupView v = s.services().sim();
        assertThat(v.number()).isEqualTo(Msisdn.of("+79031000003"));
        assertThat(v.fromCard()).isFalse();
        assertThat(v.operatorId()).isEqualTo("beeline");
        assertThat(v.operatorName()).isEqualTo("Beeline");
        assertThat(v.operatorConfirmed()).isTrue();
        assertThat(v.cardInSlot()).as("remind the customer to take the card").isTrue();
        assertThat(reader.armed).as("one reading, then the result screen takes no card").isFalse();
        assertThat(k.acceptor.commands).doesNotContain("enable");
        // The journal has what happened, never the card's identity in full.
        AuditEntry readRow = audit("sim_read").get(0);
        assertThat(readRow.dataJson()).contains("897019*").contains("25099*").contains("\"numberOnCard\":false")
                .doesNotContain(VirtualSimProfile.GSM_NO_NUMBER.iccid())
                .doesNotContain(VirtualSimProfile.GSM_NO_NUMBER.imsi());
        assertThat(audit("sim_number_found").get(0).dataJson()).contains("\"source\":\"carrier\"")
                .contains("+7 903 ***-**-03").contains("beeline").doesNotContain("1000003");
        assertJournalOk();
    }

    @Test
    void aStoredNumberIsShownWithTheOperatorTheCarrierNamesNotTheCardsNetwork() throws Exception {
        toInsertScreen();
        inserted();
        read(VirtualSimProfile.USIM_WITH_NUMBER);
        SimLookupView v = k.awaitScreen(Screen.SIM_RESULT).services().sim();
        assertThat(v.number()).isEqualTo(Msisdn.of("+79261000002"));
        assertThat(v.fromCard()).isTrue();
        assertThat(v.operatorId()).isEqualTo("megafon");
        assertThat(v.operatorConfirmed()).isTrue();
        assertJournalOk();
    }

    @Test
    void aCardAlreadyInTheSlotIsReadWhenTheInsertScreenArmsTheReader() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN));
        inserted();
        assertThat(k.snap().screen()).as("home takes no card").isEqualTo(Screen.HOME);
        assertThat(reader.armed).isFalse();
        k.cmd(new ChooseService(Service.FIND_NUMBER));
        assertThat(reader.armed).isTrue();
        assertThat(k.snap().screen()).as("arming reads the card that is in").isEqualTo(Screen.SIM_READING);
        read(VirtualSimProfile.GSM_WITH_NUMBER);
        SimLookupView v = k.awaitScreen(Screen.SIM_RESULT).services().sim();
        assertThat(v.number()).isEqualTo(Msisdn.of("+79161000001"));
        assertThat(v.operatorId()).isEqualTo("mts");
    }

    @Test
    void aCardPulledMidReadGoesBackToTheInsertScreenWithTheReasonThenReadsWhenInsertedAgain() throws Exception {
        toInsertScreen();
        inserted();
        removed();
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_INSERT);
        assertThat(message()).isEqualTo("sim.error.card_removed");
        assertThat(reader.armed).isTrue();
        // The reader's own failure for that card comes after: it only says the same again.
        failed(SimException.Code.CARD_REMOVED);
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_INSERT);
        assertThat(message()).isEqualTo("sim.error.card_removed");
        removed();
        assertThat(reader.armed).isTrue();
        inserted();
        read(VirtualSimProfile.GSM_WITH_NUMBER);
        assertThat(k.awaitScreen(Screen.SIM_RESULT).message()).isNull();
        assertThat(audit("sim_read_failed")).hasSize(2);
        assertJournalOk();
    }

    @Test
    void aMuteCardAsksToInsertItAgainAndIsNotReadAgainUntilItComesOut() {
        toInsertScreen();
        inserted();
        failed(SimException.Code.MUTE);
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_INSERT);
        assertThat(message()).isEqualTo("sim.error.mute");
        assertThat(reader.armed).as("the same card is not read in a loop").isFalse();
        removed();
        assertThat(reader.armed).as("armed again for the next card").isTrue();
        assertThat(audit("sim_read_failed").get(0).dataJson()).contains("MUTE");
    }

    @Test
    void notASimGetsTheFailureScreenAndTypingTheNumberInsteadLeadsToTheTopUp() {
        toInsertScreen();
        inserted();
        failed(SimException.Code.UNKNOWN_CARD);
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.SIM_FAILED);
        assertThat(s.services().sim().problemKey()).isEqualTo("sim.error.unknown_card");
        assertThat(reader.armed).isFalse();
        k.cmd(new Back());
        assertThat(k.snap().screen()).as("back tries again").isEqualTo(Screen.SIM_READING);
        failed(SimException.Code.UNKNOWN_CARD);
        k.cmd(new Next());
        s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.NUMBER_ENTRY);
        assertThat(s.service()).isEqualTo(Service.TOPUP);
    }

    @Test
    void aReaderThatIsMissingOrStopsWorkingSaysSoAndOffersTyping() {
        reader.unavailable = Optional.of(SimException.Code.NO_PCSC);
        toInsertScreenExpecting(Screen.SIM_FAILED);
        assertThat(sim().problemKey()).isEqualTo("sim.error.no_pcsc");
        k.cmd(new StartOver());
        reader.unavailable = Optional.empty();
        toInsertScreen();
        reader.unavailable = Optional.of(SimException.Code.NO_READER);
        k.exec.advance(FindMyNumber.HEALTH_POLL);
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_FAILED);
        assertThat(sim().problemKey()).isEqualTo("sim.error.no_reader");
        k.cmd(new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        assertThat(sim().readerReady()).as("no 'insert your SIM' while the reader is gone").isFalse();
    }

    private void toInsertScreenExpecting(Screen screen) {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.FIND_NUMBER));
        assertThat(k.snap().screen()).isEqualTo(screen);
    }

    @Test
    void aKioskWithoutAReaderDoesNotOfferFindMyNumber() throws Exception {
        k.flow = k.newFlow(); // no attachSimReader: SimControl.NONE
        toInsertScreenExpecting(Screen.HOME); // a stale tap is refused and said so
        assertThat(k.snap().message().key()).isEqualTo("service.not_offered");
        assertThat(k.snap().services().offers(Service.FIND_NUMBER)).isFalse();
        assertThat(k.snap().services().offers(Service.TOPUP)).isTrue();
    }

    @Test
    void anIccidTheCarrierDoesNotKnowEndsInAClearMessageWithNothingUnaccounted() throws Exception {
        toInsertScreen();
        inserted();
        read(VirtualSimProfile.USIM_UNREGISTERED);
        FlowSnapshot s = k.awaitScreen(Screen.SIM_FAILED);
        assertThat(s.services().sim().problemKey()).isEqualTo("sim.number.not_stored");
        assertThat(s.services().sim().cardInSlot()).isTrue();
        assertThat(audit("sim_number_not_found").get(0).dataJson()).contains("unknown-sim");
        assertThat(k.journal.ordersByStatus(OrderStatus.values())).isEmpty();
        assertJournalOk();
    }

    @Test
    void aCarrierThatDoesNotAnswerTimesOutCleanlyAndItsLateAnswerIsDropped() throws Exception {
        toInsertScreen();
        inserted();
        k.holdIo = true;
        read(VirtualSimProfile.GSM_NO_NUMBER);
        assertThat(sim().phase()).isEqualTo(SimLookupView.Phase.ASKING);
        k.exec.advance(k.settings.carrierCheckTimeout().minusSeconds(1));
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_READING);
        k.exec.advance(Duration.ofSeconds(1));
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.SIM_FAILED);
        assertThat(s.services().sim().problemKey()).isEqualTo("sim.number.carrier_unreachable");
        assertThat(audit("sim_number_not_found").get(0).dataJson()).contains("timeout");
        k.holdIo = false;
        k.heldIo.forEach(Runnable::run);
        k.exec.runPending();
        assertThat(k.snap().screen()).as("the late answer changes nothing").isEqualTo(Screen.SIM_FAILED);
        assertThat(audit("sim_number_found")).isEmpty();
        assertJournalOk();
    }

    @Test
    void aCarrierErrorOnAStoredNumberStillShowsTheNumberWithTheOperatorAsAHint() throws Exception {
        k.sim.faults().next(3, Fault.httpError(503), "/v1/accounts");
        toInsertScreen();
        inserted();
        read(VirtualSimProfile.GSM_WITH_NUMBER);
        SimLookupView v = k.awaitScreen(Screen.SIM_RESULT).services().sim();
        assertThat(v.number()).isEqualTo(Msisdn.of("+79161000001"));
        assertThat(v.operatorId()).isEqualTo("mts");
        assertThat(v.operatorConfirmed()).as("only the card's network says MTS").isFalse();
    }

    @Test
    void aReaderThatSaysNothingAfterTheInsertIsGivenUpOn() {
        toInsertScreen();
        inserted();
        k.exec.advance(FindMyNumber.READ_WAIT.minusSeconds(1));
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_READING);
        k.exec.advance(Duration.ofSeconds(1));
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_INSERT);
        assertThat(message()).isEqualTo("sim.error.transport");
    }

    @Test
    void lateEventsAfterTheSessionEndedAreDroppedNotThrown() throws Exception {
        toInsertScreen();
        inserted();
        k.cmd(new StartOver());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(reader.armed).isFalse();
        long version = k.snap().version();
        assertThatCode(() -> {
            event(new SimEvent.Read(READER, card(VirtualSimProfile.GSM_WITH_NUMBER)));
            event(new SimEvent.ReadFailed(READER, new SimException(SimException.Code.MUTE, "late")));
            event(new SimEvent.Removed(READER));
            event(new SimEvent.Inserted(READER));
        }).doesNotThrowAnyException();
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(k.snap().version()).isGreaterThan(version);
        assertThat(audit("sim_read")).isEmpty();
        assertThat(audit("sim_read_failed")).isEmpty();

        // A carrier answer for a session that ended is dropped too.
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.FIND_NUMBER));
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_READING); // the card that went in above
        k.holdIo = true;
        read(VirtualSimProfile.GSM_NO_NUMBER);
        k.cmd(new StartOver());
        k.holdIo = false;
        k.heldIo.forEach(Runnable::run);
        k.exec.runPending();
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(audit("sim_number_found")).isEmpty();
        assertJournalOk();
    }

    // What the customer does with the number -------------------------------------------------------------------------

    private void toResult(VirtualSimProfile p) throws Exception {
        toInsertScreen();
        inserted();
        read(p);
        k.awaitScreen(Screen.SIM_RESULT);
    }

    @Test
    void topUpThisNumberGoesThroughTheTopUpsOwnCheckWithTheNumberFilled() throws Exception {
        toResult(VirtualSimProfile.GSM_NO_NUMBER);
        k.cmd(new ChooseService(Service.TOPUP));
        FlowSnapshot s = k.awaitScreen(Screen.OPERATOR_CONFIRM);
        assertThat(s.msisdn()).isEqualTo(Msisdn.of("+79031000003"));
        assertThat(s.operatorId()).isEqualTo("beeline");
        assertThat(s.service()).isEqualTo(Service.TOPUP);
        k.cmd(new Back());
        s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.NUMBER_ENTRY);
        assertThat(s.numberDigits()).isEqualTo("9031000003");
        assertThat(reader.armed).as("the card already read is not read again here").isFalse();
    }

    @Test
    void checkBalanceAsksTheBalanceOfTheNumberFound() throws Exception {
        toResult(VirtualSimProfile.USIM_NO_NUMBER);
        k.cmd(new ChooseService(Service.BALANCE));
        FlowSnapshot s = k.awaitScreen(Screen.BALANCE_RESULT);
        assertThat(s.msisdn()).isEqualTo(Msisdn.of("+79521000004"));
        assertThat(s.services().balance()).isEqualTo(k.carrier.balance(Msisdn.of("+79521000004")).amount());
    }

    @Test
    void printMyNumberStoresTheSlipInTheJournalBeforePrintingItOnce() throws Exception {
        toResult(VirtualSimProfile.GSM_NO_NUMBER);
        k.cmd(new PrintNumber());
        assertThat(sim().slip()).isIn(FlowSnapshot.ReceiptState.PRINTING, FlowSnapshot.ReceiptState.PRINTED);
        FlowSnapshot s = k.await(x -> x.services().sim().slip() == FlowSnapshot.ReceiptState.PRINTED);
        assertThat(s.screen()).isEqualTo(Screen.SIM_RESULT);
        assertThat(s.message().key()).isEqualTo("sim.slip.printed");
        k.cmd(new PrintNumber());
        List<StoredReceipt> slips = k.journal.recentReceipts(10).stream().filter(r -> r.kind().equals("number"))
                .toList();
        assertThat(slips).hasSize(1);
        StoredReceipt slip = slips.get(0);
        assertThat(slip.printed()).isTrue();
        assertThat(slip.body()).contains("+7 903 100-00-03").contains("Beeline")
                .doesNotContain(VirtualSimProfile.GSM_NO_NUMBER.iccid());
        assertThat(k.printer.printed()).isNotEmpty();
        assertJournalOk();
    }

    // The number screen and the operator tiles take a card too ----------------------------------------------------

    @Test
    void aCardOnTheNumberScreenFillsTheNumber() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.BALANCE));
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        assertThat(sim().readerReady()).isTrue();
        k.type("916");
        inserted();
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_READING);
        read(VirtualSimProfile.GSM_WITH_NUMBER);
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.NUMBER_ENTRY);
        assertThat(s.numberDigits()).isEqualTo("9161000001");
        assertThat(s.message().key()).isEqualTo("sim.number.filled");
        assertThat(s.message().args()).containsExactly("+7 916 100-00-01");
        assertThat(reader.armed).isFalse();
        removed();
        assertThat(reader.armed).isTrue();
        k.cmd(new Next());
        assertThat(k.awaitScreen(Screen.BALANCE_RESULT).msisdn()).isEqualTo(Msisdn.of("+79161000001"));
    }

    /**
     * A card that filled the number stays in the reader while the customer goes on: every later screen, and the idle
     * screen after the session, says to take it, until it comes out. The flow's own messages go first.
     */
    @Test
    void aCardLeftInTheReaderIsMentionedOnEveryScreenUntilItComesOut() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.BALANCE));
        inserted();
        read(VirtualSimProfile.GSM_WITH_NUMBER);
        assertThat(message()).as("the fill message goes first").isEqualTo("sim.number.filled");
        k.cmd(new Next());
        FlowSnapshot balance = k.awaitScreen(Screen.BALANCE_RESULT);
        assertThat(balance.message()).isNotNull();
        assertThat(balance.message().key()).isEqualTo("sim.take_card");
        assertThat(balance.message().severity()).isEqualTo(FlowMessage.Severity.WARNING);
        k.cmd(new Finish());
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(message()).as("after the session too").isEqualTo("sim.take_card");
        removed();
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
        assertThat(message()).isNull();
        k.cmd(new Start());
        assertThat(message()).isNull();
    }

    @Test
    void aCardOnTheOperatorTilesWithoutANumberIsAskedOfTheCarrierAndFillsTheNumber() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.TOPUP));
        assertThat(k.snap().screen()).isEqualTo(Screen.OPERATOR_CHOICE);
        assertThat(sim().readerReady()).isTrue();
        inserted();
        read(VirtualSimProfile.USIM_NO_NUMBER);
        FlowSnapshot s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY);
        assertThat(s.numberDigits()).isEqualTo("9521000004");
        assertThat(s.services().hintOperatorId()).isEqualTo("t2");
        k.cmd(new Next());
        assertThat(k.awaitScreen(Screen.OPERATOR_CONFIRM).operatorId()).isEqualTo("t2");
    }

    @Test
    void aFailedReadOnTheNumberScreenSaysWhyAndKeepsTheTypedDigits() {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.BALANCE));
        k.type("91612");
        inserted();
        failed(SimException.Code.UNKNOWN_CARD);
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.NUMBER_ENTRY);
        assertThat(s.numberDigits()).isEqualTo("91612");
        assertThat(s.message().key()).isEqualTo("sim.error.unknown_card");
    }

    @Test
    void theReaderIsArmedOnlyOnTheScreensThatTakeACard() throws Exception {
        assertThat(reader.armed).isFalse();
        k.cmd(new Start());
        assertThat(reader.armed).as("language").isFalse();
        k.cmd(new SetLanguage(Lang.EN));
        assertThat(reader.armed).as("home").isFalse();
        inserted();
        removed();
        assertThat(k.snap().screen()).isEqualTo(Screen.HOME);
        k.cmd(new ChooseService(Service.FIND_NUMBER));
        assertThat(reader.armed).as("insert screen").isTrue();
        k.cmd(new Back());
        assertThat(reader.armed).as("home again").isFalse();
        k.cmd(new ChooseService(Service.TOPUP));
        assertThat(reader.armed).as("operator tiles").isTrue();
        k.cmd(new Next());
        assertThat(reader.armed).as("number screen").isTrue();
        k.type("9161234567");
        k.cmd(new Next());
        k.awaitScreen(Screen.OPERATOR_CONFIRM);
        assertThat(reader.armed).as("operator confirm").isFalse();
        k.cmd(new Next());
        k.type("100");
        k.cmd(new Next());
        k.awaitScreen(Screen.CASH_INSERTION);
        assertThat(reader.armed).as("cash").isFalse();
        inserted();
        assertThat(k.snap().screen()).as("a card on the cash screen does nothing").isEqualTo(Screen.CASH_INSERTION);
        k.cmd(new Cancel());
        assertThat(reader.calls).as("arming happens on changes only").containsExactly("arm", "disarm", "arm",
                "disarm");
    }

    @Test
    void theSessionWaitsWhileTheCardIsStillInTheReader() throws Exception {
        toResult(VirtualSimProfile.GSM_WITH_NUMBER);
        Duration quiet = k.settings.inactivityWarning().plus(k.settings.inactivityCountdown()).plusSeconds(1);
        k.exec.advance(quiet);
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.SIM_RESULT);
        assertThat(s.message().key()).isEqualTo("sim.take_card");
        assertThat(s.services().sim().cardInSlot()).isTrue();
        removed();
        assertThat(k.snap().message()).as("the reminder goes with the card").isNull();
        assertThat(k.snap().services().sim().cardInSlot()).isFalse();
        k.exec.advance(quiet);
        assertThat(k.snap().screen()).as("card out: the session ends as usual").isEqualTo(Screen.IDLE);
    }
}
