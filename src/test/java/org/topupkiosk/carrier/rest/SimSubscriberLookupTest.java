package org.topupkiosk.carrier.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.AccountCheck;
import org.topupkiosk.carrier.Balance;
import org.topupkiosk.carrier.CarrierException;
import org.topupkiosk.carrier.CarrierGateway;
import org.topupkiosk.carrier.CatalogEntry;
import org.topupkiosk.carrier.PaymentRequest;
import org.topupkiosk.carrier.PaymentResult;
import org.topupkiosk.carrier.SimSubscriber;
import org.topupkiosk.carrier.SimulatorFixture;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.device.emulator.sim.VirtualSimProfile;
import org.topupkiosk.device.sim.OperatorHint;
import org.topupkiosk.domain.Msisdn;

/** GET /v1/sims/{iccid} through the signed REST adapter against the simulator's SIM register. */
class SimSubscriberLookupTest {

    private CarrierSimulator sim;
    private RestCarrierGateway gw;

    @BeforeEach
    void start() throws Exception {
        sim = SimulatorFixture.simulator();
        gw = SimulatorFixture.gateway(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void knownIccidGivesNumberAndOperator() throws Exception {
        SimSubscriber s = gw.subscriberBySim("8970199000000000031");
        assertThat(s.msisdn()).isEqualTo(new Msisdn("+79031000003"));
        assertThat(s.operatorId()).isEqualTo("beeline");
        assertThat(gw.subscriberBySim("89701200000000000070").operatorId()).isEqualTo("t2");
    }

    @Test
    void everyRegisteredVirtualSimIsKnownAndAgreesWithItsCard() throws Exception {
        for (VirtualSimProfile p : VirtualSimProfile.ALL) {
            if (p == VirtualSimProfile.USIM_UNREGISTERED || p == VirtualSimProfile.NOT_A_SIM) {
                continue;
            }
            SimSubscriber s = gw.subscriberBySim(p.iccid());
            p.storedNumber().ifPresent(n -> assertThat(s.msisdn().e164()).as(p.name()).isEqualTo(n));
            assertThat(OperatorHint.fromImsi(p.imsi())).as(p.name()).contains(s.operatorId());
        }
    }

    @Test
    void unknownIccidIsARefusalNamedUnknownSim() {
        assertThatThrownBy(() -> gw.subscriberBySim(VirtualSimProfile.USIM_UNREGISTERED.iccid()))
                .isInstanceOfSatisfying(CarrierException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CarrierException.Kind.REFUSED);
                    assertThat(e.code()).isEqualTo("unknown-sim");
                });
    }

    @Test
    void aWrongKeyIsUnauthorised() {
        RestCarrierGateway stranger = SimulatorFixture.gateway(sim.baseUri(), "another-key".getBytes(),
                Clock.systemUTC());
        assertThatThrownBy(() -> stranger.subscriberBySim("8970199000000000031"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.code()).isEqualTo("http-401"));
    }

    @Test
    void aServerErrorIsAnUnknownOutcomeToRetry() {
        sim.faults().next(1, Fault.httpError(503));
        assertThatThrownBy(() -> gw.subscriberBySim("8970199000000000031"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void anAdapterWithoutTheQuerySaysUnsupported() {
        CarrierGateway bare = new CarrierGateway() {
            public AccountCheck checkAccount(Msisdn m, String o) { return null; }
            public Balance balance(Msisdn m) { return null; }
            public List<CatalogEntry> catalog(String o) { return null; }
            public PaymentResult pay(PaymentRequest r) { return null; }
            public PaymentResult status(String t) { return null; }
        };
        assertThatThrownBy(() -> bare.subscriberBySim("8970199000000000031"))
                .isInstanceOfSatisfying(CarrierException.class, e -> assertThat(e.code()).isEqualTo("unsupported"));
    }
}
