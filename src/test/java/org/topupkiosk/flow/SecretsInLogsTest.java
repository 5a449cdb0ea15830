package org.topupkiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.topupkiosk.carrier.simulator.Fault;
import org.topupkiosk.carrier.simulator.SimOtp;
import org.topupkiosk.domain.CodeMeaning;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.domain.Money;
import org.topupkiosk.domain.Msisdn;
import org.topupkiosk.flow.core.FlowCommand.*;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;
import org.topupkiosk.flow.core.Service;
import org.topupkiosk.journal.AuditEntry;
import org.topupkiosk.ops.ServiceCommandAccess;
import org.topupkiosk.service.ServicePin;
import org.topupkiosk.testing.SecretScan;

/**
 * No secret in any log line (issue 12, item 12): the kiosk's scenarios (a top-up, a refusal that makes a credit
 * voucher and that voucher scanned later, an e-PIN, an eSIM, an auto top-up confirmed by its one-time code, the
 * service PIN right and wrong) run with every log line captured at DEBUG; then every secret the run produced is taken
 * from the journal (credit and claim codes, e-PINs, activation codes, full numbers) and from what was typed (the
 * one-time code, the PINs), and no captured line may carry one. The audit chain is checked the same way for numbers.
 * The counter's sale is {@code CounterSecretsInLogsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsInLogsTest {

    private static final Pattern OTP = Pattern.compile("Код (\\d{6})");
    private static final String SERVICE_PIN = "739251";
    private static final String WRONG_PIN = "804613";
    static final String SAMPLE_EID = "89049032123451234512345678901235";
    static final Msisdn PHONE = Msisdn.of("+79161234567");

    @TempDir
    static Path dir;
    FlowFixture k;
    SecretScan scan;
    final Set<String> typed = new LinkedHashSet<>();

    @BeforeAll
    void runTheScenarios() throws Exception {
        k = new FlowFixture(dir);
        scan = new SecretScan();
        topUp();
        String credit = refusedIntoACreditVoucher();
        voucherScannedOnTheCashScreen(credit);
        ePin();
        eSim();
        autoTopUpWithItsCode();
        servicePin();
    }

    @AfterAll
    void close() {
        if (scan != null) {
            scan.close();
        }
        k.close();
    }

    private void idle() {
        k.exec.advance(Duration.ofSeconds(120));
        if (k.snap().screen() != Screen.IDLE) {
            k.cmd(new Finish());
            k.exec.advance(Duration.ofSeconds(120));
        }
        assertThat(k.snap().screen()).isEqualTo(Screen.IDLE);
    }

    private void topUp() throws Exception {
        k.toCashInsertion("9161234567", "100");
        k.insert(100, "t1");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.awaitScreen(Screen.DONE);
        k.cmd(new Finish());
    }

    private String refusedIntoACreditVoucher() throws Exception {
        k.toCashInsertion("9161234567", "200");
        k.insert(200, "r1");
        k.sim.faults().next(1, Fault.refuse("account-blocked"), "/v1/payments");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        FlowSnapshot s = k.awaitScreen(Screen.CREDIT_VOUCHER);
        k.cmd(new Finish());
        return s.creditCode();
    }

    private void voucherScannedOnTheCashScreen(String code) throws Exception {
        k.toCashInsertion("9161234567", "300");
        k.cmd(new CodeScanned(new CodeMeaning.CreditVoucher(code)));
        k.insert(100, "v1");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.await(x -> x.screen() == Screen.DONE || x.screen() == Screen.CREDIT_VOUCHER);
        idle();
    }

    private void ePin() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.EPIN), new ChooseOperator("beeline"));
        k.awaitScreen(Screen.GOODS_LIST);
        k.cmd(new ChooseProduct("beeline-epin-300"), new Next());
        k.insert(200, "e1");
        k.insert(100, "e2");
        k.insert(50, "e3");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.awaitScreen(Screen.GOODS_DONE);
        idle();
    }

    private void eSim() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.ESIM), new ChooseOperator("mts"));
        k.awaitScreen(Screen.GOODS_LIST);
        k.cmd(new ChooseProduct("mts-esim-tourist-7d"));
        k.type(SAMPLE_EID);
        k.cmd(new Next(), new Next());
        k.insert(500, "s1");
        k.insert(100, "s2");
        k.cmd(new Pay(), new Confirm());
        k.drain();
        k.awaitScreen(Screen.GOODS_DONE);
        idle();
    }

    private void autoTopUpWithItsCode() throws Exception {
        k.cmd(new Start(), new SetLanguage(Lang.EN), new ChooseService(Service.AUTO_TOPUP));
        k.type("9161234567");
        k.cmd(new Next(), new ChooseAmount(Money.rub(50)), new ChooseAmount(Money.rub(300)), new Next());
        k.awaitScreen(Screen.OTP_ENTRY);
        List<SimOtp.Sms> inbox = k.sim.otp().inbox(PHONE);
        Matcher m = OTP.matcher(inbox.get(inbox.size() - 1).text());
        assertThat(m.find()).isTrue();
        typed.add(m.group(1));
        k.type(m.group(1));
        k.cmd(new Next());
        k.awaitScreen(Screen.AUTO_TOPUP_DONE);
        idle();
    }

    private void servicePin() throws Exception {
        Path file = dir.resolve("service-pin.hash");
        ServiceCommandAccess.writePin(file, SERVICE_PIN);
        ServicePin pin = new ServicePin(Optional.of(file), k.journal.pinGates(), Clock.systemUTC());
        assertThat(pin.check(WRONG_PIN.toCharArray()).result()).isEqualTo(ServicePin.Result.WRONG);
        assertThat(pin.check(SERVICE_PIN.toCharArray()).result()).isEqualTo(ServicePin.Result.OK);
        typed.add(SERVICE_PIN);
        typed.add(WRONG_PIN);
    }

    private Set<String> secrets() throws Exception {
        Set<String> all = SecretScan.secretsIn(k.journal.file());
        all.addAll(typed);
        return all;
    }

    @Test
    void noLogLineCarriesACodeAPinOrAFullNumber() throws Exception {
        Set<String> secrets = secrets();
        assertThat(k.journal.openCredits()).as("the run made credit vouchers").isNotEmpty();
        assertThat(secrets).as("credit codes, an e-PIN, an activation code, numbers, the code and PINs typed")
                .contains(PHONE.e164(), PHONE.national(), SERVICE_PIN)
                .anyMatch(s -> s.startsWith("LPA:1$")).anyMatch(s -> s.matches("[0-9]{16}"));
        assertThat(scan.lines()).as("the kiosk's lines were captured").anyMatch(l -> l.contains("payment refused"));
        assertThat(scan.fileLines()).as("and written as the log files write them, text and JSON")
                .anyMatch(l -> l.matches("\\S+ \\w+ +\\[.*payment refused.*"))
                .anyMatch(l -> l.startsWith("{") && l.contains("payment refused"));
        assertThat(scan.leaks(secrets)).isEmpty();
    }

    @Test
    void theAuditChainKeepsOnlyMaskedNumbers() throws Exception {
        Set<String> numbers = new LinkedHashSet<>();
        for (String s : SecretScan.secretsIn(k.journal.file())) {
            if (s.matches("\\+?[0-9]{10,11}") && (s.startsWith("+7") || s.length() == 10)) {
                numbers.add(s);
            }
        }
        assertThat(numbers).contains(PHONE.national());
        List<AuditEntry> rows = k.journal.recentAudit(List.of("order_opened", "autotopup_sent", "voucher_redeem_sent",
                "history_shown", "sim_number_found"), 1000);
        assertThat(rows).extracting(AuditEntry::kind).contains("order_opened", "autotopup_sent");
        assertThat(rows).filteredOn(r -> r.kind().equals("autotopup_sent")).allSatisfy(r ->
                assertThat(r.dataJson()).contains(PHONE.masked()));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + k.journal.file());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, kind, data FROM audit")) {
            while (rs.next()) {
                String data = rs.getString(3);
                for (String n : numbers) {
                    assertThat(data).as("audit row %s %s", rs.getLong(1), rs.getString(2)).doesNotContain(n);
                }
            }
        }
    }
}
