package org.topupkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.SimOtp;
import org.topupkiosk.config.ConfigLoader;
import org.topupkiosk.device.emulator.printer.PrintedReceipt;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.TopUpFlow;
import org.topupkiosk.flow.core.FlowCommand;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.testing.ShippedConfig;

/**
 * Simulation mode as {@code mvn javafx:run} builds it (the real {@link KioskCore} graph: journal file, embedded
 * carrier simulator over loopback, CCNET and ESC/POS drivers on their emulators), without a window: a customer sets up
 * an auto top-up and then reprints its receipt from their recent payments, reading each code from the simulator's SMS
 * inbox as the device panel shows it, and the emulated printer renders each receipt to a PNG.
 */
@Timeout(90)
class KioskCoreAccountServicesTest {

    private static final Msisdn PHONE = Msisdn.of("+79161234567");
    private static final Pattern CODE = Pattern.compile("Код (\\d{6})");

    @TempDir
    Path dir;

    private Path config() throws IOException {
        return ShippedConfig.copy(dir); // its journal, ../var, lands in the temp dir
    }

    private static FlowSnapshot await(TopUpFlow flow, Predicate<FlowSnapshot> p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (p.test(flow.current())) {
                return flow.current();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the flow never got there; now " + flow.current());
    }

    private static void send(TopUpFlow flow, FlowCommand... commands) {
        for (FlowCommand c : commands) {
            flow.submit(c);
        }
    }

    private static void type(TopUpFlow flow, String digits) {
        for (char c : digits.toCharArray()) {
            flow.submit(new FlowCommand.Digit(c - '0'));
        }
    }

    private static String code(KioskCore core) {
        List<SimOtp.Sms> inbox = core.simulator().otp().inbox(PHONE);
        Matcher m = CODE.matcher(inbox.get(inbox.size() - 1).text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void autoTopUpThenItsReceiptReprintedFromRecentPayments() throws Exception {
        Path cfg = config();
        try (KioskCore core = new KioskCore(ConfigLoader.load(cfg), cfg, KioskCore.Options.defaults())) {
            core.start();
            TopUpFlow flow = core.flow();
            await(flow, s -> s.screen() == Screen.IDLE);
            send(flow, new FlowCommand.Start(), new FlowCommand.SetLanguage(Lang.ZH),
                    new FlowCommand.ChooseService(Service.AUTO_TOPUP));
            type(flow, "9161234567");
            send(flow, new FlowCommand.Next(), new FlowCommand.ChooseAmount(Money.rub(100)),
                    new FlowCommand.ChooseAmount(Money.rub(500)), new FlowCommand.Next());
            await(flow, s -> s.screen() == Screen.OTP_ENTRY);
            assertThat(core.simulator().otp().latest()).get().extracting(s -> s.to()).isEqualTo(PHONE);
            type(flow, code(core));
            send(flow, new FlowCommand.Next());
            FlowSnapshot done = await(flow, s -> s.screen() == Screen.AUTO_TOPUP_DONE
                    && s.receipt() == FlowSnapshot.ReceiptState.PRINTED);
            assertThat(done.paymentStatus()).isEqualTo(FlowSnapshot.PaymentStatus.CREDITED);
            assertThat(core.simulator().autoTopUps().rule(PHONE)).isPresent();
            PrintedReceipt enrolment = core.printerEmulator().printed().get(core.printerEmulator().printed().size() - 1);
            assertThat(enrolment.png()).exists().startsWith(core.varDir().resolve("receipts"));
            assertThat(enrolment.text()).contains("АВТОПЛАТЁЖ");
            send(flow, new FlowCommand.Finish());
            await(flow, s -> s.screen() == Screen.IDLE);

            send(flow, new FlowCommand.Start(), new FlowCommand.SetLanguage(Lang.EN),
                    new FlowCommand.ChooseService(Service.HISTORY));
            type(flow, "9161234567");
            send(flow, new FlowCommand.Next());
            await(flow, s -> s.screen() == Screen.OTP_ENTRY);
            type(flow, code(core));
            send(flow, new FlowCommand.Next());
            FlowSnapshot list = await(flow, s -> s.screen() == Screen.HISTORY_LIST);
            assertThat(list.services().account().rows()).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(done.services().account().enrolmentId());
                assertThat(r.status().name()).isEqualTo("ACTIVE");
            });
            int before = core.printerEmulator().printed().size();
            send(flow, new FlowCommand.Reprint(list.services().account().rows().get(0).id()));
            await(flow, s -> s.message() != null && s.message().key().equals("history.printed"));
            PrintedReceipt copy = core.printerEmulator().printed().get(before);
            // The Chinese original's lines (CJK lines print as raster images), framed as a copy in English.
            assertThat(copy.text()).startsWith("*** COPY / КОПИЯ ***").contains("Copy printed on");
            assertThat(copy.lines()).containsSubsequence(enrolment.lines());
            assertThat(copy.qrPayloads()).isEqualTo(enrolment.qrPayloads());
            assertThat(copy.png()).exists();
            assertThat(core.journal().verify().violations()).isEmpty();
        }
    }
}
