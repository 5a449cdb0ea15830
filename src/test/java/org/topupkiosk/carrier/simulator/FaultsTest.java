package org.topupkiosk.carrier.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The switchboard alone: counts, prefixes, combination with latency; no sockets. */
class FaultsTest {

    @Test
    void countedRuleIsUsedUpByMatchingRequestsOnly() {
        Faults f = new Faults().next(2, Fault.httpError(503), "/v1/payments");
        assertThat(f.plan("GET", "/v1/catalog").fault()).isNull();
        assertThat(f.plan("POST", "/v1/payments").fault()).isEqualTo(Fault.httpError(503));
        assertThat(f.rules()).singleElement().extracting(FaultRule::remaining).isEqualTo(1);
        assertThat(f.plan("POST", "/v1/payments").fault()).isEqualTo(Fault.httpError(503));
        assertThat(f.plan("POST", "/v1/payments").fault()).isNull();
        assertThat(f.rules()).isEmpty();
    }

    @Test
    void latencyCombinesWithOneOtherFaultAndTheFirstOtherWins() {
        Faults f = new Faults().next(1, Fault.latency(50)).next(1, Fault.garbled()).next(1, Fault.timeout());
        Faults.Plan p = f.plan("GET", "/v1/catalog");
        assertThat(p.latencyMs()).isEqualTo(50);
        assertThat(p.fault()).isEqualTo(Fault.garbled());
        assertThat(f.plan("GET", "/v1/catalog").fault()).isEqualTo(Fault.timeout());
    }

    @Test
    void refusalWaitsForARequestItCanRefuse() {
        Faults f = new Faults().next(1, Fault.refuse("x"));
        assertThat(f.plan("GET", "/v1/payments/abc").fault()).isNull();
        assertThat(f.plan("POST", "/v1/payments").fault()).isEqualTo(Fault.refuse("x"));
    }

    @Test
    void probabilityIsRoughlyHonoured() {
        Faults f = new Faults().seed(7).withProbability(0.25, Fault.httpError(500));
        int hits = 0;
        for (int i = 0; i < 4000; i++) {
            if (f.plan("GET", "/v1/catalog").fault() != null) {
                hits++;
            }
        }
        assertThat(hits).isBetween(850, 1150);
    }

    @Test
    void badRulesAreRefusedWithTheLimitNamed() {
        assertThatThrownBy(() -> new Faults().next(0, Fault.garbled())).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> new Faults().withProbability(1.5, Fault.garbled())).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Fault.httpError(200)).hasMessageContaining("4xx or 5xx");
        assertThatThrownBy(() -> new Faults().next(1, Fault.garbled(), "v1")).hasMessageContaining("start with '/'");
    }
}
