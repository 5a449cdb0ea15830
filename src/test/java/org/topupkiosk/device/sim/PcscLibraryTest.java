package org.topupkiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the PC/SC library is looked for: the runtime .so.1 under the multiarch directory of this machine's arch. */
class PcscLibraryTest {

    @Test
    void candidatesFollowTheJvmArchitectureAndIncludeTheRuntimeSoname() {
        String arch = System.getProperty("os.arch");
        String multiarch = arch.equals("amd64") ? "x86_64-linux-gnu" : arch.equals("aarch64") ? "aarch64-linux-gnu" : null;
        if (multiarch != null) {
            assertThat(PcscLibrary.candidates()).contains(Path.of("/usr/lib/" + multiarch + "/libpcsclite.so.1"));
        }
        assertThat(PcscLibrary.candidates()).contains(Path.of("/usr/lib/libpcsclite.so.1"),
                Path.of("/usr/lib64/libpcsclite.so.1"));
    }

    @Test
    void anExplicitSettingWins() {
        String before = System.getProperty(PcscLibrary.PROPERTY);
        String chosen = PcscLibrary.configure();
        if (chosen != null) {
            assertThat(System.getProperty(PcscLibrary.PROPERTY)).isEqualTo(chosen);
            assertThat(PcscLibrary.configure()).isEqualTo(chosen);
        }
        if (before != null) {
            assertThat(chosen).isEqualTo(before);
        }
    }
}
