package org.topupkiosk.device.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.sim.ApduChannel;
import org.topupkiosk.device.sim.SimCardSession;
import org.topupkiosk.device.sim.SimException;
import org.topupkiosk.device.sim.SimIdentity;
import org.topupkiosk.domain.Msisdn;

/** The real card session against the virtual cards in memory: both file systems, number stored and not. */
class VirtualSimSessionTest {

    /** Records every exchange so the tests can see the GET RESPONSE and 6Cxx handling happen. */
    private static final class Recording implements ApduChannel {
        final VirtualSimCard card;
        final List<String> log = new ArrayList<>();

        Recording(VirtualSimProfile p) {
            card = new VirtualSimCard(p);
        }

        @Override
        public byte[] transmit(byte[] command) {
            byte[] r = card.process(command);
            log.add(HexFormat.of().withUpperCase().formatHex(command) + " -> "
                    + HexFormat.of().withUpperCase().formatHex(r, r.length - 2, r.length));
            return r;
        }
    }

    @Test
    void gsmCardWithNumber() throws Exception {
        Recording ch = new Recording(VirtualSimProfile.GSM_WITH_NUMBER);
        SimIdentity id = new SimCardSession(ch).read();
        assertThat(id.kind()).isEqualTo(SimIdentity.Kind.GSM);
        assertThat(id.iccid()).isEqualTo("8970101000000000012");
        assertThat(id.imsi()).isEqualTo("250011000000001");
        assertThat(id.msisdn()).contains(new Msisdn("+79161000001"));
        assertThat(id.operatorHint()).contains("mts");
        // CLA 00 refused, then A0 with 9Fxx answered by GET RESPONSE (A0 C0) with the length the card gave.
        assertThat(ch.log.get(0)).endsWith("-> 6E00");
        assertThat(ch.log.get(1)).startsWith("A0A40000023F00").endsWith("-> 9F16");
        assertThat(ch.log.get(2)).startsWith("A0C0000016").endsWith("-> 9000");
    }

    @Test
    void gsmCardWithBlankNumberRecords() throws Exception {
        SimIdentity id = new SimCardSession(new Recording(VirtualSimProfile.GSM_NO_NUMBER)).read();
        assertThat(id.storedNumber()).isEmpty();
        assertThat(id.msisdn()).isEmpty();
        assertThat(id.operatorHint()).contains("beeline");
    }

    @Test
    void usimReadsThroughTheApplicationFromEfDir() throws Exception {
        Recording ch = new Recording(VirtualSimProfile.USIM_WITH_NUMBER);
        SimIdentity id = new SimCardSession(ch).read();
        assertThat(id.kind()).isEqualTo(SimIdentity.Kind.USIM);
        assertThat(id.iccid()).isEqualTo("8970102000000000029");
        assertThat(id.imsi()).isEqualTo("250021000000002");
        assertThat(id.msisdn()).contains(new Msisdn("+79261000002"));
        assertThat(id.operatorHint()).contains("megafon");
        assertThat(ch.log.get(0)).startsWith("00A40004023F0000").matches(".*-> 61[0-9A-F]{2}");
        assertThat(ch.log).anyMatch(l -> l.startsWith("00A4040410A0000000871002"));
    }

    @Test
    void usimWithoutEfMsisdnAndA20DigitIccid() throws Exception {
        SimIdentity id = new SimCardSession(new Recording(VirtualSimProfile.USIM_NO_NUMBER)).read();
        assertThat(id.iccid()).isEqualTo("89701200000000000070");
        assertThat(id.storedNumber()).isEmpty();
        assertThat(id.operatorHint()).contains("t2");
    }

    @Test
    void aCardThatIsNoSimIsUnknown() {
        assertThatThrownBy(() -> new SimCardSession(new Recording(VirtualSimProfile.NOT_A_SIM)).read())
                .isInstanceOf(SimException.class)
                .extracting(e -> ((SimException) e).code()).isEqualTo(SimException.Code.UNKNOWN_CARD);
    }

    @Test
    void theCardAnswersAWrongLeWith6cLikeARealOne() {
        VirtualSimCard card = new VirtualSimCard(VirtualSimProfile.USIM_WITH_NUMBER);
        card.process(hex("00A40004022FE200"));
        assertThat(HexFormat.of().withUpperCase().formatHex(card.process(hex("00B0000000")))).isEqualTo("6C0A");
        assertThat(HexFormat.of().withUpperCase().formatHex(card.process(hex("00B000000A"))))
                .isEqualTo("980701020000000020F99000");
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
