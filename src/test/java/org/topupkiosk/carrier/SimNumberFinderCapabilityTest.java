package org.topupkiosk.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.topupkiosk.carrier.rest.RestCarrierGateway;
import org.topupkiosk.carrier.simulator.CarrierSimulator;
import org.topupkiosk.config.KioskKey;
import org.topupkiosk.device.emulator.sim.VirtualSimProfile;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.testing.NarrowedGateway;

/**
 * "Find my number" asks the carrier by ICCID only when the gateway can ({@link Capability#SIM_LOOKUP}): under OSMP's
 * capabilities a card without its number is "card only", and the carrier is never asked; with the look-up the same
 * card's number comes from the carrier simulator over loopback HTTP.
 */
class SimNumberFinderCapabilityTest {

    @Test
    void withoutSimLookupTheCardAloneTellsTheNumber() throws Exception {
        byte[] key = KioskKey.developmentKey();
        try (CarrierSimulator sim = new CarrierSimulator(0, key, null)) {
            RestCarrierGateway rest = new RestCarrierGateway(sim.baseUri(), "0042", key, Duration.ofSeconds(10),
                    Duration.ofSeconds(10), Clock.systemUTC()); // a loaded machine: a slow first call is no failure
            String iccid = VirtualSimProfile.USIM_NO_NUMBER.iccid();

            NarrowedGateway osmp = new NarrowedGateway(rest, NarrowedGateway.OSMP);
            SimNumberFinder.Found none = new SimNumberFinder(osmp).find(iccid, Optional.empty(), Optional.of("mts"));
            assertThat(none.msisdn()).isEmpty();
            assertThat(none.source()).isEqualTo(SimNumberFinder.Source.NONE);
            assertThat(none.messageKey()).contains(SimNumberFinder.Found.KEY_CARD_ONLY);
            assertThat(osmp.calls()).as("the carrier is not asked").isEmpty();

            SimNumberFinder.Found stored = new SimNumberFinder(osmp).find(iccid,
                    Optional.of(Msisdn.of("+79161000001")), Optional.of("mts"));
            assertThat(stored.source()).isEqualTo(SimNumberFinder.Source.CARD);
            assertThat(stored.msisdn()).contains(Msisdn.of("+79161000001"));

            NarrowedGateway lookup = new NarrowedGateway(rest,
                    EnumSet.of(Capability.CHECK_ACCOUNT, Capability.TOP_UP, Capability.SIM_LOOKUP));
            SimNumberFinder.Found found = new SimNumberFinder(lookup).find(iccid, Optional.empty(), Optional.empty());
            assertThat(found.source()).as(String.valueOf(found.error())).isEqualTo(SimNumberFinder.Source.CARRIER);
            assertThat(found.msisdn()).isPresent();
            assertThat(lookup.calls()).containsExactly("subscriberBySim");
        }
    }
}
