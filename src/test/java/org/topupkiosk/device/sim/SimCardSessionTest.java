package org.topupkiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status-word follow-ups of one exchange, on scripted card answers. */
class SimCardSessionTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static final class Script implements ApduChannel {
        final Deque<String> answers = new ArrayDeque<>();
        final List<String> sent = new ArrayList<>();

        Script(String... a) {
            answers.addAll(List.of(a));
        }

        @Override
        public byte[] transmit(byte[] command) throws SimException {
            sent.add(HEX.formatHex(command));
            String a = answers.poll();
            if (a == null) {
                throw new SimException(SimException.Code.CARD_REMOVED, "script ended");
            }
            return HexFormat.of().parseHex(a);
        }
    }

    @Test
    void sixtyOneChainsGetResponseWithTheSameClassAndJoinsTheData() throws Exception {
        Script s = new Script("6104", "0102036102", "04059000");
        ResponseApdu r = new SimCardSession(s).exchange(0x00, Apdus.selectFile(0x00, 0x2FE2));
        assertThat(r.ok()).isTrue();
        assertThat(HEX.formatHex(r.data())).isEqualTo("0102030405");
        assertThat(s.sent).containsExactly("00A40004022FE200", "00C0000004", "00C0000002");
    }

    @Test
    void nineFAsksForAGsmGetResponse() throws Exception {
        Script s = new Script("9F0F", "000000" + "0A2FE204001400440102000000".substring(0, 24) + "9000");
        ResponseApdu r = new SimCardSession(s).exchange(0xA0, Apdus.selectFile(0xA0, 0x2FE2));
        assertThat(r.ok()).isTrue();
        assertThat(s.sent).containsExactly("A0A40000022FE2", "A0C000000F");
    }

    @Test
    void sixCReissuesTheSameCommandWithTheRightLe() throws Exception {
        Script s = new Script("6C0A", "98070101000000001 0F2".replace(" ", "") + "9000");
        ResponseApdu r = new SimCardSession(s).exchange(0x00, Apdus.readBinary(0x00, 0));
        assertThat(r.ok()).isTrue();
        assertThat(SimFiles.iccid(r.data())).isEqualTo("8970101000000000012");
        assertThat(s.sent).containsExactly("00B0000000", "00B000000A");
    }

    @Test
    void sixCOnAGetResponseFixesTheGetResponse() throws Exception {
        Script s = new Script("6110", "6C0C", "AABB9000");
        new SimCardSession(s).exchange(0x00, Apdus.selectFile(0x00, 0x6F07));
        assertThat(s.sent).containsExactly("00A40004026F0700", "00C0000010", "00C000000C");
    }

    @Test
    void aCardThatNeverStopsChainingIsACardError() {
        String[] endless = new String[40];
        Arrays.fill(endless, "6101");
        assertThatThrownBy(() -> new SimCardSession(new Script(endless)).exchange(0x00, Apdus.readBinary(0, 1)))
                .isInstanceOf(SimException.class)
                .extracting(e -> ((SimException) e).code()).isEqualTo(SimException.Code.CARD_ERROR);
    }

    @Test
    void aCardPulledMidReadSurfacesAsCardRemoved() {
        Script s = new Script("6E00", "9F16");
        assertThatThrownBy(() -> new SimCardSession(s).read())
                .extracting(e -> ((SimException) e).code()).isEqualTo(SimException.Code.CARD_REMOVED);
    }
}
