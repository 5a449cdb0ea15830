package org.topupkiosk.device.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.sim.VirtualCardName;

/** Config checks card names against VirtualCardName; the emulator must hold a profile for each, and no other. */
class VirtualCardNameTest {

    @Test
    void everyNameConfigAcceptsIsAProfileAndBack() {
        assertThat(VirtualSimProfile.ALL).extracting(VirtualSimProfile::name)
                .containsExactlyElementsOf(Arrays.stream(VirtualCardName.values()).map(VirtualCardName::code).toList());
        for (VirtualCardName n : VirtualCardName.values()) {
            assertThat(VirtualSimProfile.named(n.code())).isPresent();
        }
    }
}
