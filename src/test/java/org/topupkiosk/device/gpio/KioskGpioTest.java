package org.topupkiosk.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.DeviceHealth;

/** The GPIO facade on Pi4J's mock provider: debounce, events, light, relay, and staying off where there is no Pi. */
class KioskGpioTest {

    @TempDir
    Path dir;

    @Test
    void doorOpeningCountsOnlyAfterTheDebounceTime() throws Exception {
        try (GpioHarness h = new GpioHarness().started()) {
            assertThat(h.events).isEmpty();
            h.cabinet.door(true);
            h.clock.advance(h.cfg.debounceMs() - 1);
            assertThat(h.events).isEmpty();
            assertThat(h.gpio.doorOpen()).isFalse();
            h.clock.advance(1);
            assertThat(h.events).containsExactly(new CabinetEvent.DoorOpened());
            assertThat(h.gpio.doorOpen()).isTrue();
            h.cabinet.door(false);
            h.clock.advance(h.cfg.debounceMs());
            assertThat(h.events).containsExactly(new CabinetEvent.DoorOpened(), new CabinetEvent.DoorClosed());
        }
    }

    @Test
    void aBounceShorterThanTheDebounceTimeIsIgnored() throws Exception {
        try (GpioHarness h = new GpioHarness().started()) {
            // A slammed door: the contact opens and closes a few times within 30 ms, then stays closed.
            for (int i = 0; i < 3; i++) {
                h.cabinet.door(true);
                h.clock.advance(10);
                h.cabinet.door(false);
                h.clock.advance(5);
            }
            h.clock.advance(1_000);
            assertThat(h.events).isEmpty();
            assertThat(h.gpio.doorOpen()).isFalse();
            // Chatter while opening: the door counts as open once, after it has been quiet for the debounce time.
            h.cabinet.door(true);
            h.clock.advance(20);
            h.cabinet.door(false);
            h.clock.advance(5);
            h.cabinet.door(true);
            h.clock.advance(h.cfg.debounceMs());
            assertThat(h.events).containsExactly(new CabinetEvent.DoorOpened());
        }
    }

    @Test
    void cashBoxOutAndBackAreReportedWithTheConfiguredActiveLevel() throws Exception {
        try (GpioHarness h = new GpioHarness().started()) {
            assertThat(h.gpio.cashBoxPresent()).isTrue();
            assertThat(reading(h, "cash-box")).isEqualTo("cash-box pin=27 level=low  present");
            h.cabinet.cashBox(false);
            h.clock.advance(h.cfg.debounceMs());
            assertThat(h.events).containsExactly(new CabinetEvent.CashBoxRemoved());
            assertThat(reading(h, "cash-box")).isEqualTo("cash-box pin=27 level=high removed");
            assertThat(h.gpio.checkHealth().state()).isEqualTo(DeviceHealth.State.DEGRADED);
            h.cabinet.cashBox(true);
            h.clock.advance(h.cfg.debounceMs());
            assertThat(h.events).containsExactly(new CabinetEvent.CashBoxRemoved(), new CabinetEvent.CashBoxInserted());
            assertThat(h.gpio.checkHealth().state()).isEqualTo(DeviceHealth.State.OK);
        }
    }

    @Test
    void aKioskThatBootsWithItsDoorOpenOrBoxOutSaysSoAtEnable() throws Exception {
        try (GpioHarness h = new GpioHarness()) {
            h.cabinet.door(true);
            h.cabinet.cashBox(false);
            h.clock.advance(1_000);
            assertThat(h.events).as("nothing before enable").isEmpty();
            h.started();
            assertThat(h.events).containsExactly(new CabinetEvent.DoorOpened(), new CabinetEvent.CashBoxRemoved());
        }
    }

    @Test
    void relayPulseEnergisesForTheGivenTimeIsJournaledAndDoesNotOverlap() throws Exception {
        try (GpioHarness h = new GpioHarness().started()) {
            assertThat(reading(h, "relay")).isEqualTo("relay    pin=23 level=high released");
            CompletableFuture<Boolean> pulse = h.gpio.pulseRelay(3_000, "acceptor hung");
            assertThat(h.audits).containsExactly("relay_pulse {\"pin\":23,\"ms\":3000,\"reason\":\"acceptor hung\"}");
            // Active-low relay board: energised means the pin is pulled low.
            assertThat(reading(h, "relay")).isEqualTo("relay    pin=23 level=low  energised");
            assertThat(h.gpio.pulseRelay(500, "again").join()).isFalse();
            h.clock.advance(2_999);
            assertThat(pulse).isNotDone();
            assertThat(reading(h, "relay")).endsWith("energised");
            h.clock.advance(1);
            assertThat(pulse.join()).isTrue();
            assertThat(reading(h, "relay")).isEqualTo("relay    pin=23 level=high released");
            assertThat(h.audits).hasSize(1);
            assertThatThrownBy(() -> h.gpio.pulseRelay(0, "x")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void relayRefusesBeforeEnable() {
        try (GpioHarness h = new GpioHarness()) {
            assertThatThrownBy(() -> h.gpio.pulseRelay("x")).isInstanceOfSatisfying(DeviceException.class,
                    e -> assertThat(e.code()).isEqualTo(DeviceException.Code.NOT_CLAIMED));
            assertThat(h.audits).isEmpty();
        }
    }

    @Test
    void statusLightBlinksSteadiesAndGoesDark() throws Exception {
        try (GpioHarness h = new GpioHarness().started()) {
            StatusLight light = h.gpio.light();
            assertThat(light.lit()).isFalse();
            light.set(StatusLight.Mode.BLINK);
            assertThat(light.lit()).isTrue();
            h.clock.advance(h.cfg.blinkMs());
            assertThat(light.lit()).isFalse();
            assertThat(reading(h, "light")).isEqualTo("light    pin=22 level=low  off");
            h.clock.advance(h.cfg.blinkMs());
            assertThat(light.lit()).isTrue();
            assertThat(reading(h, "light")).isEqualTo("light    pin=22 level=high on (blink)");
            light.set(StatusLight.Mode.STEADY);
            h.clock.advance(h.cfg.blinkMs() * 5);
            assertThat(light.lit()).isTrue();
            light.set(StatusLight.Mode.OFF);
            h.clock.advance(h.cfg.blinkMs() * 5);
            assertThat(light.lit()).isFalse();
        }
    }

    @Test
    void lightPolicy() {
        assertThat(StatusLightPolicy.mode(true, false, false)).isEqualTo(StatusLight.Mode.BLINK);
        assertThat(StatusLightPolicy.mode(false, false, false)).isEqualTo(StatusLight.Mode.STEADY);
        assertThat(StatusLightPolicy.mode(true, true, false)).isEqualTo(StatusLight.Mode.OFF);
        assertThat(StatusLightPolicy.mode(true, false, true)).isEqualTo(StatusLight.Mode.OFF);
        assertThat(StatusLightPolicy.mode(false, false, true)).isEqualTo(StatusLight.Mode.OFF);
    }

    @Test
    void offOnAMachineThatIsNotAPiWithOneLogLine() throws Exception {
        Path notPi = dir.resolve("model");
        Files.writeString(notPi, "QEMU Virtual Machine\0");
        assertThat(GpioStartup.raspberryPiModel(notPi)).isEmpty();
        assertThat(GpioStartup.raspberryPiModel(dir.resolve("absent"))).isEmpty();
        GpioStartup.Decision d = GpioStartup.decide(GpioSettings.Enabled.AUTO, false, GpioStartup.raspberryPiModel(notPi));
        assertThat(d.kind()).isEqualTo(GpioStartup.Kind.OFF);

        Logger logger = (Logger) LoggerFactory.getLogger(GpioStartup.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        ch.qos.logback.classic.Level was = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        try (ManualGpioScheduler clock = new ManualGpioScheduler()) {
            assertThat(GpioStartup.create(d, GpioSettings.DEFAULTS, clock, (k, j) -> { })).isNull();
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(was);
        }
        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.get(0).getFormattedMessage()).isEqualTo("GPIO off: not a Raspberry Pi (no \"Raspberry Pi\""
                + " in /proc/device-tree/model)");
    }

    @Test
    void whoGetsWhichGpio() throws Exception {
        Path pi = dir.resolve("model");
        Files.write(pi, "Raspberry Pi 4 Model B Rev 1.5\0".getBytes(StandardCharsets.US_ASCII));
        Optional<String> model = GpioStartup.raspberryPiModel(pi);
        assertThat(model).contains("Raspberry Pi 4 Model B Rev 1.5");
        assertThat(GpioStartup.decide(GpioSettings.Enabled.AUTO, true, model).kind()).isEqualTo(GpioStartup.Kind.HARDWARE);
        assertThat(GpioStartup.decide(GpioSettings.Enabled.AUTO, true, Optional.empty()).kind())
                .isEqualTo(GpioStartup.Kind.SIMULATED);
        assertThat(GpioStartup.decide(GpioSettings.Enabled.OFF, true, model).kind()).isEqualTo(GpioStartup.Kind.OFF);
        assertThat(GpioStartup.decide(GpioSettings.Enabled.ON, false, Optional.empty()).kind())
                .isEqualTo(GpioStartup.Kind.HARDWARE);
    }

    private static String reading(GpioHarness h, String role) {
        return h.gpio.readings().stream().filter(r -> r.role().equals(role)).findFirst().orElseThrow().line();
    }
}
