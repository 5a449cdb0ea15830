package org.topupkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.topupkiosk.device.sim.PcscCardSlot;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.testing.VpcdReaderLock;
import picocli.CommandLine;

/** {@code kioskctl sim read} through real pcscd, with the virtual SIM put into vpcd by {@code --insert}. */
@ExtendWith(VpcdReaderLock.class)
class SimCommandTest {

    private static final String READER = "Virtual PCD 00 00";

    @BeforeAll
    static void needsPcscd() {
        String why;
        try {
            List<String> names = PcscCardSlot.readerNames();
            why = names.contains(READER) ? null : "pcscd has no \"" + READER + "\" (readers: " + names + ")";
        } catch (SimException e) {
            why = "pcscd is not reachable: " + e.getMessage();
        }
        if (why != null) {
            String loud = "SKIPPING kioskctl sim read TESTS: " + why + ". Start pcscd before Maven; .ci/run does this.";
            System.err.println("!!!!! " + loud);
            Assumptions.assumeTrue(false, loud);
        }
    }

    private record Run(int exit, String text) {}

    private static Run run(String... args) {
        StringWriter text = new StringWriter();
        int exit = new CommandLine(new KioskCtl()).setOut(new PrintWriter(text)).execute(args);
        return new Run(exit, text.toString());
    }

    @Test
    void printsTheStoredNumberAndTheHint() {
        Run r = run("sim", "read", "--reader", READER, "--insert", "gsm-with-number");
        assertThat(r.exit()).as(r.text()).isZero();
        assertThat(r.text()).contains("reader=" + READER, "card=GSM", "iccid=8970101000000000012",
                "imsi=250011000000001", "msisdn=+79161000001", "operator-hint=mts");
        assertThat(r.text()).doesNotContain("carrier=");
    }

    @Test
    void numberNotStoredIsSaidAndTheCarrierIsAskedByIccid() {
        Run r = run("sim", "read", "--insert", "gsm-no-number");
        assertThat(r.exit()).as(r.text()).isZero();
        assertThat(r.text()).contains("msisdn=not stored", "carrier=+79031000003 operator=beeline",
                "operator-hint=beeline");
        Run unknown = run("sim", "read", "--insert", "usim-unregistered");
        assertThat(unknown.text()).contains("msisdn=not stored", "carrier=no number (unknown-sim");
    }

    @Test
    void emptyReaderUnknownReaderAndNonSimFailWithAClearMessage() {
        Run empty = run("sim", "read", "--reader", READER);
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.text()).contains("sim read: no card in the reader");
        Run nope = run("sim", "read", "--reader", "No Such Reader");
        assertThat(nope.exit()).isEqualTo(1);
        assertThat(nope.text()).contains("no card reader").contains("Virtual PCD 00 00");
        Run bank = run("sim", "read", "--insert", "not-a-sim");
        assertThat(bank.exit()).isEqualTo(1);
        assertThat(bank.text()).contains("the card is not a SIM");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThat(run("sim", "read", "--insert", "golden-sim").text()).contains("not a virtual SIM profile");
        assertThat(run("sim", "read", "--timeout-ms", "5").exit()).isEqualTo(2);
    }
}
