package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topupkiosk.flow.core.ThreadFlowExecutor;

/**
 * Issue 12 item 10: an exception on the flow thread was logged and ignored, and nothing ended the process on an Error.
 * Now the flow thread hands every failure to its uncaught-exception policy, and the kiosk's policy exits non-zero on an
 * Error, so a supervisor restarts it.
 */
class FailurePolicyProcessTest {

    @Test
    @Timeout(10)
    void aTaskFailureOnTheFlowThreadReachesThePolicyAndTheThreadGoesOn() throws Exception {
        List<Throwable> seen = new CopyOnWriteArrayList<>();
        List<String> ran = new CopyOnWriteArrayList<>();
        try (ThreadFlowExecutor flow = new ThreadFlowExecutor((t, e) -> seen.add(e))) {
            flow.execute(() -> {
                throw new IllegalStateException("a bug in a flow task");
            });
            flow.execute(() -> ran.add("next task"));
            while (ran.isEmpty()) {
                Thread.sleep(5);
            }
        }
        assertThat(seen).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(ran).containsExactly("next task");
    }

    @Test
    @Timeout(10)
    void anErrorOnTheFlowThreadEndsTheProcessWithANonZeroStatus() throws Exception {
        List<Integer> exits = new CopyOnWriteArrayList<>();
        FailurePolicy policy = new FailurePolicy(exits::add);
        try (ThreadFlowExecutor flow = new ThreadFlowExecutor(policy)) {
            flow.execute(() -> {
                throw new StackOverflowError("simulated");
            });
            while (exits.isEmpty()) {
                Thread.sleep(5);
            }
        }
        assertThat(exits).containsExactly(FailurePolicy.EXIT_ON_ERROR);
    }

    @Test
    void anExceptionDoesNotEndTheProcess() {
        List<Integer> exits = new ArrayList<>();
        new FailurePolicy(exits::add).uncaughtException(Thread.currentThread(), new IllegalStateException("bug"));
        assertThat(exits).isEmpty();
    }

    /** The real thing: a JVM with the policy installed as the kiosk installs it, and an Error in a flow task. */
    @Test
    @Timeout(60)
    void aRealJvmExitsWithSeventyOnAnErrorInAFlowTask() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ErrorExitChild.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).as("child ended").isTrue();
        assertThat(p.exitValue()).isEqualTo(FailurePolicy.EXIT_ON_ERROR);
    }
}
