package org.topupkiosk.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short chaos run inside the test suite: every crash point twice, plus random kills, each with a real SIGKILL of a
 * child JVM. {@code scripts/chaos --runs 200} is the long form.
 */
class ChaosTest {

    @TempDir
    Path dir;

    @Test
    void killsAtEveryCrashPointLoseAndDoubleNothing() throws Exception {
        int lost = 0;
        int doubled = 0;
        java.util.List<String> problems = new java.util.ArrayList<>();
        int runs = 0;
        for (String point : ChaosHarness.POINTS) {
            ChaosHarness.Result r = new ChaosHarness(Path.of("kiosk-config/kiosk.yaml"), dir.resolve(point),
                    point.hashCode(), false, point).run(2);
            runs += r.runs();
            lost += r.lost();
            doubled += r.doubled();
            problems.addAll(r.problems());
        }
        assertThat(problems).isEmpty();
        assertThat(runs).isEqualTo(2 * ChaosHarness.POINTS.size());
        assertThat(lost).isZero();
        assertThat(doubled).isZero();
    }
}
