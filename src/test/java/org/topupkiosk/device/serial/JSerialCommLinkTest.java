package org.topupkiosk.device.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.testing.SocatPair;

/**
 * A USB adapter pulled out and put back, played with socat: the ptys live under fixed link names, socat is killed (the
 * port vanishes) and started again on the same names (the port returns).
 */
class JSerialCommLinkTest {

    @TempDir
    Path dir;

    private Process socat(Path host, Path device) throws Exception {
        Process p = new ProcessBuilder(SocatPair.SOCAT.toString(), "pty,raw,echo=0,link=" + host,
                "pty,raw,echo=0,link=" + device).redirectErrorStream(true).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(host) && Files.exists(device)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.exists(host) && Files.exists(device)).as("socat made the pty links").isTrue();
        return p;
    }

    private static String roundTrip(JSerialCommLink from, JSerialCommLink to, String text) throws Exception {
        from.write(text.getBytes());
        byte[] buf = new byte[64];
        StringBuilder got = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (got.length() < text.length() && System.nanoTime() < deadline) {
            int n = to.read(buf, 100);
            got.append(new String(buf, 0, Math.max(n, 0)));
        }
        return got.toString();
    }

    @Test
    void aVanishedPortIsReportedOfflineAndReopenedWhenItReturns() throws Exception {
        Assumptions.assumeTrue(SocatPair.available(), "socat is not installed; .ci/run installs it");
        Path host = dir.resolve("ttyHOST");
        Path device = dir.resolve("ttyDEV");
        Process first = socat(host, device);
        JSerialCommLink kiosk = new JSerialCommLink(host.toString(), SerialSettings.CCNET);
        JSerialCommLink unit = new JSerialCommLink(device.toString(), SerialSettings.CCNET);
        try {
            kiosk.open();
            unit.open();
            assertThat(roundTrip(kiosk, unit, "poll")).isEqualTo("poll");

            first.destroyForcibly().waitFor(5, TimeUnit.SECONDS); // the cable is pulled
            unit.close();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    kiosk.write(new byte[] {0x02});
                    kiosk.read(new byte[16], 20);
                    Thread.sleep(20);
                }
            }).isInstanceOfSatisfying(DeviceException.class,
                    e -> assertThat(e.code()).isEqualTo(DeviceException.Code.OFFLINE));
            assertThat(kiosk.isOpen()).isFalse();

            Process second = socat(host, device); // plugged back in, same names
            try {
                Thread.sleep(1100); // the link retries at most once a second
                unit.open();
                assertThat(roundTrip(kiosk, unit, "again")).isEqualTo("again");
                assertThat(kiosk.isOpen()).isTrue();
            } finally {
                second.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } finally {
            kiosk.close();
            unit.close();
            first.destroyForcibly();
        }
    }
}
