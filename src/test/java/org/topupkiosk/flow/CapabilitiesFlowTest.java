package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.Capability;
import org.topupkiosk.device.emulator.sim.VirtualSimProfile;
import org.topupkiosk.device.sim.SimEvent;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.domain.ScannedCode;
import org.topupkiosk.domain.Symbology;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowSnapshot.PaymentStatus;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.flow.core.ServiceOffer;
import org.topupkiosk.flow.core.SimLookupView;
import org.topupkiosk.i18n.Messages;
import org.topupkiosk.journal.OrderStatus;
import org.topupkiosk.testing.NarrowedGateway;

/**
 * The gateway's capabilities shape what the kiosk offers, through the real flow, journal, REST adapter and carrier
 * simulator over loopback: with every capability (REST) the home screen offers all nine services as before; narrowed to
 * what the OSMP adapter answers (check and top-up) it offers top-up and, with a SIM reader, "my number" from the card
 * alone, and nothing else is reachable: not by a stale tap, a scanned scratch PIN or the SIM result's balance button.
 * The narrowed gateway records any call outside its capabilities, and no test here may make one.
 */
class CapabilitiesFlowTest {

    @TempDir
    Path dir;
    FlowFixture k;
    NarrowedGateway osmp;
    FindMyNumberFlowTest.FakeReader reader;

    @BeforeEach
    void setUp() throws Exception {
        k = new FlowFixture(dir);
        osmp = new NarrowedGateway(k.carrier, NarrowedGateway.OSMP);
    }

    @AfterEach
    void tearDown() {
        k.close();
    }

    /** A new flow over {@code gateway}, with a SIM reader or without. */
    private void flowOn(org.topupkiosk.carrier.CarrierGateway gateway, boolean simReader) {
        k.gateway = gateway;
        k.flow = k.newFlow();
        if (simReader) {
            reader = new FindMyNumberFlowTest.FakeReader();
            k.flow.attachSimReader(reader);
        }
        k.cmd(new Start(), new SetLanguage(Lang.EN));
        assertThat(k.snap().screen()).isEqualTo(Screen.HOME);
    }

    private Set<Service> offered() {
        return k.snap().services().offered();
    }

    @Test
    void theMappingFromCapabilitiesToServices() {
        assertThat(new ServiceOffer(EnumSet.allOf(Capability.class), true).offered())
                .containsExactlyInAnyOrder(Service.values());
        assertThat(new ServiceOffer(NarrowedGateway.OSMP, true).offered())
                .containsExactlyInAnyOrder(Service.TOPUP, Service.FIND_NUMBER);
        assertThat(new ServiceOffer(NarrowedGateway.OSMP, false).offered()).containsExactly(Service.TOPUP);
        assertThat(new ServiceOffer(EnumSet.of(Capability.TOP_UP), false).offered())
                .as("a top-up needs the account check first").isEmpty();
        assertThat(new ServiceOffer(EnumSet.of(Capability.AUTO_TOP_UP), false).offered())
                .as("an auto top-up is confirmed by a one-time code").isEmpty();
        assertThat(new ServiceOffer(EnumSet.of(Capability.ONE_TIME_CODES, Capability.BALANCE), false).offered())
                .containsExactlyInAnyOrder(Service.HISTORY, Service.BALANCE);
        assertThat(new ServiceOffer(EnumSet.of(Capability.GOODS, Capability.VOUCHERS), false).offered())
                .containsExactlyInAnyOrder(Service.EPIN, Service.ESIM, Service.VOUCHER);
        assertThat(new ServiceOffer(EnumSet.of(Capability.CHECK_ACCOUNT, Capability.PACKAGES), false).offered())
                .containsExactly(Service.PACKAGE);
    }

    @Test
    void restOffersEveryServiceAsBefore() {
        flowOn(k.carrier, true);
        assertThat(offered()).containsExactlyInAnyOrder(Service.values());
        k.cmd(new ChooseService(Service.BALANCE));
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        k.cmd(new StartOver());
        flowOn(k.carrier, false);
        assertThat(offered()).as("without a SIM reader, all but find-my-number")
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(Service.FIND_NUMBER)));
    }

    @Test
    void osmpOffersTopUpAndMyNumberAndATopUpIsPaidAsUnderRest() throws Exception {
        flowOn(osmp, true);
        assertThat(offered()).containsExactlyInAnyOrder(Service.TOPUP, Service.FIND_NUMBER);
        k.cmd(new StartOver());
        k.toCashInsertion("9161234567", "300");
        FlowSnapshot cash = k.snap();
        k.insert(500, "n1");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        FlowSnapshot done = k.awaitScreen(Screen.DONE);
        assertThat(done.paymentStatus()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(k.journal.order(cash.txnId()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(k.sim.ledger().get(cash.txnId()).appliedCount()).isEqualTo(1);
        assertThat(k.journal.verify().violations()).isEmpty();
        assertThat(osmp.refused()).isEmpty();
    }

    @Test
    void osmpWithoutAReaderOffersTopUpAlone() {
        flowOn(osmp, false);
        assertThat(offered()).containsExactly(Service.TOPUP);
    }

    @Test
    void underOsmpEveryOtherServiceIsRefusedFromAStaleTapWithoutAskingTheCarrier() {
        flowOn(osmp, false);
        for (Service s : Service.values()) {
            if (s == Service.TOPUP) {
                continue;
            }
            k.cmd(new ChooseService(s));
            FlowSnapshot now = k.snap();
            assertThat(now.screen()).as(s.name()).isEqualTo(Screen.HOME);
            assertThat(now.message().key()).as(s.name()).isEqualTo("service.not_offered");
        }
        k.cmd(new ChooseService(Service.TOPUP));
        assertThat(k.snap().screen()).isEqualTo(Screen.OPERATOR_CHOICE);
        assertThat(k.snap().message()).isNull();
        assertThat(osmp.refused()).isEmpty();
    }

    @Test
    void underOsmpAScannedScratchPinOnTheHomeScreenIsRefused() {
        flowOn(osmp, false);
        k.cmd(new CodeScanned(ScannedCode.classify(ScanFlowTest.SCRATCH_PIN, Symbology.CODE_128)));
        FlowSnapshot s = k.snap();
        assertThat(s.screen()).isEqualTo(Screen.HOME);
        assertThat(s.message().key()).isEqualTo("service.not_offered");
        assertThat(osmp.refused()).as("the carrier is never asked to validate it").isEmpty();
        // The same scan under REST starts the scratch-card service, as before.
        flowOn(k.carrier, false);
        k.cmd(new CodeScanned(ScannedCode.classify(ScanFlowTest.SCRATCH_PIN, Symbology.CODE_128)));
        assertThat(k.snap().service()).isEqualTo(Service.VOUCHER);
        assertThat(k.snap().screen()).isNotEqualTo(Screen.HOME);
    }

    // My number from the card alone ----------------------------------------------------------------------------------

    private void readCard(VirtualSimProfile p) {
        k.cmd(new ChooseService(Service.FIND_NUMBER));
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_INSERT);
        k.flow.simEvent(new SimEvent.Inserted(FindMyNumberFlowTest.READER));
        k.exec.runPending();
        assertThat(reader.armed).isTrue();
        reader.armed = false;
        k.flow.simEvent(new SimEvent.Read(FindMyNumberFlowTest.READER, FindMyNumberFlowTest.card(p)));
        k.exec.runPending();
    }

    @Test
    void underOsmpACardThatStoresItsNumberShowsItWithoutTheBalanceAndTopsItUp() throws Exception {
        flowOn(osmp, true);
        readCard(VirtualSimProfile.USIM_WITH_NUMBER);
        FlowSnapshot s = k.awaitScreen(Screen.SIM_RESULT);
        SimLookupView v = s.services().sim();
        assertThat(v.number()).isEqualTo(Msisdn.of("+79261000002"));
        assertThat(v.fromCard()).isTrue();
        assertThat(v.operatorId()).as("the account check (which OSMP has) names the operator").isEqualTo("megafon");
        assertThat(s.services().offers(Service.BALANCE)).as("no balance button").isFalse();
        k.cmd(new ChooseService(Service.BALANCE)); // stale
        assertThat(k.snap().screen()).isEqualTo(Screen.SIM_RESULT);
        assertThat(k.snap().message().key()).isEqualTo("service.not_offered");
        k.cmd(new ChooseService(Service.TOPUP));
        FlowSnapshot confirm = k.awaitScreen(Screen.OPERATOR_CONFIRM);
        assertThat(confirm.msisdn()).isEqualTo(Msisdn.of("+79261000002"));
        assertThat(osmp.refused()).isEmpty();
    }

    @Test
    void underOsmpACardWithoutItsNumberGetsAClearMessageAndNoCarrierLookup() throws Exception {
        flowOn(osmp, true);
        readCard(VirtualSimProfile.USIM_NO_NUMBER);
        FlowSnapshot s = k.awaitScreen(Screen.SIM_FAILED);
        assertThat(s.services().sim().problemKey()).isEqualTo("sim.number.card_only");
        assertThat(osmp.refused()).as("subscriberBySim is never called").isEmpty();
        assertThat(k.journal.recentAudit(java.util.List.of("sim_number_not_found"), 5).get(0).dataJson())
                .contains("card-only");
        Messages m = new Messages();
        assertThat(Set.of(m.get(Lang.RU, "sim.number.card_only"), m.get(Lang.EN, "sim.number.card_only"),
                m.get(Lang.ZH, "sim.number.card_only"))).hasSize(3).noneMatch(t -> t.contains("sim.number"));
        // The same card under REST: the carrier finds its number by the ICCID.
        k.cmd(new StartOver());
        flowOn(k.carrier, true);
        readCard(VirtualSimProfile.USIM_NO_NUMBER);
        assertThat(k.awaitScreen(Screen.SIM_RESULT).services().sim().fromCard()).isFalse();
    }

    @Test
    void underOsmpACardWithoutItsNumberOnTheNumberScreenSaysSoThere() throws Exception {
        flowOn(osmp, true);
        k.cmd(new ChooseService(Service.TOPUP), new Next());
        assertThat(k.snap().screen()).isEqualTo(Screen.NUMBER_ENTRY);
        k.flow.simEvent(new SimEvent.Inserted(FindMyNumberFlowTest.READER));
        k.exec.runPending();
        reader.armed = false;
        k.flow.simEvent(new SimEvent.Read(FindMyNumberFlowTest.READER,
                FindMyNumberFlowTest.card(VirtualSimProfile.GSM_NO_NUMBER)));
        k.exec.runPending();
        FlowSnapshot s = k.await(x -> x.screen() == Screen.NUMBER_ENTRY && x.message() != null);
        assertThat(s.message().key()).isEqualTo("sim.number.card_only");
        assertThat(osmp.refused()).isEmpty();
    }
}
