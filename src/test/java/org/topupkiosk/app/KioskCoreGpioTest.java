package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.device.gpio.CashBoxGuard;
import org.topupkiosk.device.gpio.StatusLight;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.testing.ShippedConfig;

/** The composition root wires the cabinet: simulated switches beside the emulated acceptor, none when turned off. */
class KioskCoreGpioTest {

    @TempDir
    Path dir;

    private Path config(String gpioEnabled) throws IOException {
        return ShippedConfig.replacing(dir, "gpio:\n  enabled: auto", "gpio:\n  enabled: " + gpioEnabled);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void simulationRunsTheSwitchesFromMemoryPinsIntoTheFlow() throws Exception {
        Path cfg = config("auto");
        try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
            assertThat(core.gpio()).isNotNull();
            assertThat(core.acceptorEvents().device()).isInstanceOf(CashBoxGuard.class);
            core.start();
            await(() -> core.flow().current().screen() == Screen.IDLE, "idle");
            assertThat(core.gpio().light().mode()).isEqualTo(StatusLight.Mode.STEADY);

            core.cabinet().door(true);
            await(() -> core.flow().current().screen() == Screen.SERVICE_LOCK, "service lock");
            await(() -> core.gpio().light().mode() == StatusLight.Mode.OFF, "light off");
            core.cabinet().door(false);
            await(() -> !core.journal().recentAudit(List.of("door_closed"), 1).isEmpty(), "door_closed journaled");
            assertThat(core.flow().current().screen()).isEqualTo(Screen.SERVICE_LOCK);
            core.flow().submit(new FlowCommand.Unlock());
            await(() -> core.flow().current().screen() == Screen.IDLE, "idle after unlock");

            core.cabinet().cashBox(false);
            await(() -> core.flow().current().screen() == Screen.OUT_OF_SERVICE, "out of service");
            core.cabinet().cashBox(true);
            await(() -> core.flow().current().screen() == Screen.IDLE, "idle with the box back");
            assertThat(core.journal().recentAudit(List.of("door_opened", "cash_box_removed", "cash_box_inserted"), 5))
                    .hasSize(3);
            assertThat(core.journal().verify().ok()).isTrue();
        }
    }

    @Test
    void turnedOffThereIsNoGpioAndTheAcceptorIsUnwrapped() throws Exception {
        Path cfg = config("off");
        try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
            assertThat(core.gpio()).isNull();
            assertThat(core.cabinet()).isNull();
            assertThat(core.acceptorEvents().device()).isNotInstanceOf(CashBoxGuard.class);
        }
    }
}
