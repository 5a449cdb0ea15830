package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.cash.ccnet.CcnetState;
import org.topupkiosk.device.cash.id003.Id003Denominations;
import org.topupkiosk.device.cash.id003.Id003State;
import org.topupkiosk.device.emulator.CcnetEmulator;
import org.topupkiosk.device.emulator.Id003Emulator;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.serial.JSerialCommLink;
import org.topupkiosk.device.serial.SerialSettings;
import org.topupkiosk.domain.Money;
import org.topupkiosk.testing.SocatPair;
import picocli.CommandLine;

/** {@code kioskctl cash test} against the CCNET emulator on a socat pty, as a technician would run it on a unit. */
class CashCommandTest {

    @Test
    void identifiesPrintsTheTableAndEveryEventThenTheTotal() throws Exception {
        Assumptions.assumeTrue(SocatPair.available(), "SKIPPED LOUDLY: /usr/bin/socat is missing; no pty to test on");
        CcnetEmulator unit = new CcnetEmulator(CcnetEmulator.RUB_TABLE, LineNoise.NONE, 410012345L);
        try (SocatPair line = SocatPair.start()) {
            unit.serve(new JSerialCommLink(line.deviceEnd(), SerialSettings.CCNET));
            Thread customer = new Thread(() -> {
                try {
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (unit.state() != CcnetState.IDLING && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    unit.insert(Money.rub(100));
                    unit.insertRejected(0x61);
                    unit.insert(Money.rub(500));
                    Thread.sleep(2500);
                    unit.jam();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            customer.start();
            StringWriter text = new StringWriter();
            int exit = new CommandLine(new KioskCtl()).setOut(new PrintWriter(text)).execute("cash", "test",
                    "--port", line.hostEnd(), "--protocol", "ccnet", "--seconds", "4");
            customer.join();
            String out = text.toString();
            assertThat(exit).as(out).isZero();
            assertThat(out).contains("part=SM-RU1353 EMU serial=000410012345", "bill-table note=10 RUB",
                    "bill-table note=5000 RUB", "escrow 100.00 RUB", "stacked 100.00 RUB", "rejected reason=magnetic",
                    "stacked 500.00 RUB", "fault code=jam out-of-service");
            assertThat(out.strip()).endsWith("total=600.00 RUB bills=2");
            assertThat(unit.cashBoxTotal()).isEqualTo(Money.rub(600));
        } finally {
            unit.stop();
        }
    }

    @Test
    void worksTheSameAgainstAnId003Unit() throws Exception {
        Assumptions.assumeTrue(SocatPair.available(), "SKIPPED LOUDLY: /usr/bin/socat is missing; no pty to test on");
        // A unit whose firmware orders its notes differently from the common ruble order: the driver reads its table
        // (CURRENCY ASSIGN), nothing is configured.
        Id003Emulator unit = new Id003Emulator(Id003Denominations.inCodeOrder(List.of(Money.rub(100),
                Money.rub(500), Money.rub(10), Money.rub(5000))), LineNoise.NONE, 410012345L);
        try (SocatPair line = SocatPair.start()) {
            unit.serve(new JSerialCommLink(line.deviceEnd(), SerialSettings.ID003));
            Thread customer = new Thread(() -> {
                try {
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (unit.state() != Id003State.IDLING && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    unit.insert(Money.rub(100));
                    unit.insertRejected(0x72);
                    unit.insert(Money.rub(500));
                    Thread.sleep(2500);
                    unit.jam();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            customer.start();
            StringWriter text = new StringWriter();
            int exit = new CommandLine(new KioskCtl()).setOut(new PrintWriter(text)).execute("cash", "test",
                    "--port", line.hostEnd(), "--protocol", "id003", "--seconds", "4");
            customer.join();
            String out = text.toString();
            assertThat(exit).as(out).isZero();
            assertThat(out).contains("unit protocol=id003", "part=i(RUS)-100-SS ID003-05V345 EMU", "bill-table note=10 RUB",
                    "bill-table note=5000 RUB", "escrow 100.00 RUB", "stacked 100.00 RUB", "rejected reason=magnetic",
                    "stacked 500.00 RUB", "fault code=jam out-of-service");
            assertThat(out.strip()).endsWith("total=600.00 RUB bills=2");
            assertThat(unit.cashBoxTotal()).isEqualTo(Money.rub(600));
        } finally {
            unit.stop();
        }
    }

    @Test
    void saysSoWhenNothingAnswers() throws Exception {
        Assumptions.assumeTrue(SocatPair.available(), "SKIPPED LOUDLY: /usr/bin/socat is missing; no pty to test on");
        try (SocatPair line = SocatPair.start()) {
            StringWriter text = new StringWriter();
            int exit = new CommandLine(new KioskCtl()).setOut(new PrintWriter(text)).execute("cash", "test",
                    "--port", line.hostEnd(), "--seconds", "1");
            assertThat(exit).isEqualTo(1);
            assertThat(text.toString()).contains("unit did not answer on " + line.hostEnd());
        }
    }
}
