package org.topupkiosk.app.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.flow.core.FlowExecutor;
import org.topupkiosk.flow.core.ThreadFlowExecutor;
import org.topupkiosk.testing.NotifyListener;
import org.topupkiosk.testing.SocatPair;

/**
 * sd_notify over a real AF_UNIX datagram socket (socat listening where systemd would), and the watchdog's pings from
 * the real flow thread: they come while the thread runs and stop while it is blocked.
 */
class SdNotifyTest {

    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void withoutNotifySocketEverythingIsANoOp() {
        SdNotify off = SdNotify.fromEnvironment(Map.of("WATCHDOG_USEC", "1000000"), PID);
        assertThat(off.enabled()).isFalse();
        assertThat(off.watchdog()).isEmpty();
        assertThat(off.send("READY=1")).isFalse();
        AtomicInteger tasks = new AtomicInteger();
        FlowExecutor counting = new FlowExecutor() {
            @Override
            public void execute(Runnable task) {
                tasks.incrementAndGet();
            }

            @Override
            public Timer schedule(Runnable task, Duration delay) {
                tasks.incrementAndGet();
                return () -> { };
            }
        };
        Watchdog.start(off, counting, () -> "x").close();
        assertThat(tasks).hasValue(0);
    }

    @Test
    void aRelativeOrOverlongSocketIsRefusedWithItsValue() {
        assertThat(SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "run/notify"), PID).enabled()).isFalse();
        assertThatThrownBy(() -> UnixDatagram.sockaddr("run/notify")).hasMessageContaining("'run/notify'");
        assertThatThrownBy(() -> UnixDatagram.sockaddr("/" + "x".repeat(107))).hasMessageContaining("1 to 107 bytes");
        assertThatThrownBy(() -> UnixDatagram.sockaddr("@")).hasMessageContaining("1 to 107 bytes");
    }

    @Test
    void socketAddressesAreLaidOutAsTheKernelReadsThem() {
        byte[] family = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? new byte[] {1, 0} : new byte[] {0, 1};
        byte[] path = UnixDatagram.sockaddr("/run/n");
        assertThat(Arrays.copyOf(path, 2)).isEqualTo(family);
        assertThat(new String(path, 2, path.length - 2, StandardCharsets.US_ASCII)).isEqualTo("/run/n\0");
        byte[] abs = UnixDatagram.sockaddr("@sd/n");
        assertThat(abs).hasSize(2 + 1 + 4); // family, the NUL that means "abstract", the name without a NUL after it
        assertThat(new String(abs, 2, abs.length - 2, StandardCharsets.US_ASCII)).isEqualTo("\0sd/n");
    }

    @Test
    void theWatchdogCountsOnlyForTheMainProcessAndWithAPositiveTimeout() {
        Map<String, String> base = Map.of("NOTIFY_SOCKET", "/run/n", "WATCHDOG_USEC", "30000000");
        assertThat(SdNotify.fromEnvironment(base, PID).watchdog()).contains(Duration.ofSeconds(30));
        assertThat(SdNotify.fromEnvironment(with(base, "WATCHDOG_PID", Long.toString(PID)), PID).watchdog())
                .contains(Duration.ofSeconds(30));
        assertThat(SdNotify.fromEnvironment(with(base, "WATCHDOG_PID", Long.toString(PID + 1)), PID).watchdog())
                .isEmpty();
        assertThat(SdNotify.fromEnvironment(with(base, "WATCHDOG_USEC", "0"), PID).watchdog()).isEmpty();
        assertThat(SdNotify.fromEnvironment(with(base, "WATCHDOG_USEC", "30s"), PID).watchdog()).isEmpty();
    }

    @Test
    @Timeout(30)
    void notificationsReachASocketFile() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed (CI installs it)");
        try (NotifyListener systemd = NotifyListener.onPath(dir.resolve("notify"))) {
            SdNotify notify = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.address()), PID);
            assertThat(notify.send("READY=1", "STATUS=kiosk 0042\nstarted")).isTrue();
            assertThat(systemd.await(l -> l.text().equals("READY=1\nSTATUS=kiosk 0042 started"),
                    Duration.ofSeconds(10))).as(systemd.text()).isTrue();
        }
    }

    @Test
    @Timeout(30)
    void notificationsReachAnAbstractSocket() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed (CI installs it)");
        String name = "topup-kiosk-test-" + PID + "-" + System.nanoTime();
        try (NotifyListener systemd = NotifyListener.onAbstract(name)) {
            SdNotify notify = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.address()), PID);
            assertThat(notify.send("READY=1")).isTrue();
            assertThat(systemd.await(l -> l.text().equals("READY=1"), Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void aSocketNobodyListensOnIsAFailedSendNotAnException() {
        SdNotify notify = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", dir.resolve("gone").toString()), PID);
        assertThat(notify.enabled()).isTrue();
        assertThat(notify.send("WATCHDOG=1")).isFalse();
        assertThat(notify.send("WATCHDOG=1")).isFalse();
    }

    @Test
    @Timeout(60)
    void pingsComeFromTheFlowThreadAndStopWhileItIsBlocked() throws Exception {
        assumeTrue(SocatPair.available(), "socat is not installed (CI installs it)");
        AtomicReference<String> screen = new AtomicReference<>("IDLE");
        try (NotifyListener systemd = NotifyListener.onPath(dir.resolve("notify"));
             ThreadFlowExecutor flow = new ThreadFlowExecutor()) {
            SdNotify notify = SdNotify.fromEnvironment(
                    Map.of("NOTIFY_SOCKET", systemd.address(), "WATCHDOG_USEC", "200000"), PID);
            AtomicReference<String> tickThread = new AtomicReference<>();
            try (Watchdog watchdog = Watchdog.start(notify, flow, () -> {
                tickThread.set(Thread.currentThread().getName());
                return "screen " + screen.get();
            })) {
                assertThat(watchdog.interval()).isEqualTo(Duration.ofMillis(100));
                assertThat(systemd.await(l -> l.count("WATCHDOG=1") >= 5, Duration.ofSeconds(15))).isTrue();
                assertThat(tickThread.get()).isEqualTo("flow");
                assertThat(systemd.count("STATUS=screen IDLE")).as("a status is sent when it changes").isEqualTo(1);
                screen.set("CASH");
                assertThat(systemd.await(l -> l.count("STATUS=screen CASH") == 1, Duration.ofSeconds(10))).isTrue();

                // A hung flow thread: no pings while it is blocked, pings again once it runs.
                CountDownLatch release = new CountDownLatch(1);
                CountDownLatch blocked = new CountDownLatch(1);
                flow.execute(() -> {
                    blocked.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                blocked.await();
                Thread.sleep(400); // a datagram sent just before the block may still be on its way
                int whileBlocked = systemd.count("WATCHDOG=1");
                Thread.sleep(1500); // fifteen intervals
                assertThat(systemd.count("WATCHDOG=1")).as("pings while the flow thread is blocked")
                        .isEqualTo(whileBlocked);
                release.countDown();
                assertThat(systemd.await(l -> l.count("WATCHDOG=1") >= whileBlocked + 3, Duration.ofSeconds(15)))
                        .isTrue();
                watchdog.close();
            }
            Thread.sleep(400);
            int afterClose = systemd.count("WATCHDOG=1");
            Thread.sleep(600);
            assertThat(systemd.count("WATCHDOG=1")).as("no pings after close").isEqualTo(afterClose);
        }
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        HashMap<String, String> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
