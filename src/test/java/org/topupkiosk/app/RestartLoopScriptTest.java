package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 10: {@code scripts/kiosk} ran the JVM once. Its restart loop ({@code scripts/_restart_loop.sh}) runs
 * here with a fake kiosk that exits with the statuses the test gives it, and a fake sleep that only writes down how
 * long the loop would wait.
 */
class RestartLoopScriptTest {

    @TempDir
    Path dir;

    /** Runs the loop over a fake kiosk whose successive runs last {@code seconds} and end with {@code statuses}. */
    private List<String> run(String statuses, String seconds, String resetAfter) throws Exception {
        Path kiosk = dir.resolve("fake-kiosk");
        Files.writeString(kiosk, """
                #!/usr/bin/env bash
                n=$(cat "$DIR/runs" 2>/dev/null || echo 0)
                echo $((n + 1)) > "$DIR/runs"
                statuses=($STATUSES); seconds=($SECONDS_EACH)
                sleep "${seconds[$n]:-0}"
                exit "${statuses[$n]}"
                """);
        Path sleep = dir.resolve("fake-sleep");
        Files.writeString(sleep, "#!/usr/bin/env bash\necho \"$1\" >> \"$DIR/waits\"\n");
        kiosk.toFile().setExecutable(true);
        sleep.toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "source scripts/_restart_loop.sh && restart_loop \"$KIOSK\"; echo \"loop=$?\" > \"$DIR/end\"");
        pb.environment().put("DIR", dir.toString());
        pb.environment().put("KIOSK", kiosk.toString());
        pb.environment().put("STATUSES", statuses);
        pb.environment().put("SECONDS_EACH", seconds);
        pb.environment().put("KIOSK_RESTART_SLEEP", sleep.toString());
        pb.environment().put("KIOSK_RESTART_RESET_AFTER_S", resetAfter);
        Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("end")).strip()).isEqualTo("loop=0");
        Path waits = dir.resolve("waits");
        return Files.exists(waits) ? Files.readAllLines(waits) : List.of();
    }

    @Test
    @Timeout(90)
    void failuresAreRestartedWithABackOffDoublingToSixtySecondsAndACleanExitEndsTheLoop() throws Exception {
        List<String> waits = run("70 1 137 70 70 70 70 70 70 0", "0", "600");
        assertThat(waits).containsExactly("1", "2", "4", "8", "16", "32", "60", "60", "60");
        assertThat(Files.readString(dir.resolve("runs")).strip()).isEqualTo("10");
    }

    @Test
    @Timeout(90)
    void aRunThatLivedLongEnoughStartsTheBackOffAgain() throws Exception {
        // The third run lives past the (shortened) threshold of 1 s: the wait after it is 1 s again.
        List<String> waits = run("70 70 70 70 0", "0 0 2 0 0", "1");
        assertThat(waits).containsExactly("1", "2", "1", "2");
    }

    @Test
    @Timeout(30)
    void aCleanFirstExitIsNotRestarted() throws Exception {
        assertThat(run("0", "0", "600")).isEmpty();
        assertThat(Files.readString(dir.resolve("runs")).strip()).isEqualTo("1");
    }
}
