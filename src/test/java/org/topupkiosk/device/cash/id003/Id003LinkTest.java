package org.topupkiosk.device.cash.id003;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.serial.SerialLink;

/** The host side of the line on byte fixtures: what goes out, what comes back, when it asks again. */
class Id003LinkTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    /** A device that answers each host frame with the next scripted reply (null: silence). */
    static final class ScriptedPort implements SerialLink {
        final List<String> written = new ArrayList<>();
        final Deque<byte[]> replies = new ArrayDeque<>();
        private byte[] pending = new byte[0];

        ScriptedPort reply(String hex) {
            replies.add(hex == null ? new byte[0] : HEX.parseHex(hex));
            return this;
        }

        @Override
        public void open() { }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void write(byte[] bytes) {
            String frame = HEX.formatHex(bytes);
            written.add(frame);
            if (!frame.equals("FC 05 50 AA 05")) {
                pending = replies.isEmpty() ? new byte[0] : replies.poll();
            }
        }

        @Override
        public int read(byte[] buffer, int timeoutMs) {
            if (pending.length == 0) {
                try {
                    Thread.sleep(Math.min(timeoutMs, 5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }
            int n = pending.length;
            System.arraycopy(pending, 0, buffer, 0, n);
            pending = new byte[0];
            return n;
        }

        @Override
        public void discardInput() {
            pending = new byte[0];
        }

        @Override
        public String name() {
            return "script";
        }

        @Override
        public void close() { }
    }

    @Test
    void commandFramesMatchTheFixtures() {
        assertThat(HEX.formatHex(Id003Frame.of(Id003Frame.RESET).encode())).isEqualTo("FC 05 40 2B 15");
        assertThat(HEX.formatHex(Id003Frame.of(Id003Frame.STACK_1).encode())).isEqualTo("FC 05 41 A2 04");
        assertThat(HEX.formatHex(Id003Frame.of(Id003Frame.RETURN).encode())).isEqualTo("FC 05 43 B0 27");
        assertThat(HEX.formatHex(Id003Frame.of(Id003Frame.SET_INHIBIT, (byte) 0).encode())).isEqualTo("FC 06 C3 00 04 D6");
    }

    @Test
    void vendValidIsAcknowledgedOnlyAfterTheHandlerRan() throws Exception {
        ScriptedPort port = new ScriptedPort().reply(HEX.formatHex(Id003Frame.of(Id003State.VEND_VALID.code).encode()));
        Id003Link link = new Id003Link(port, 50, 2);
        List<String> seenByHandler = new ArrayList<>();
        Id003Frame f = link.status(reply -> seenByHandler.add(String.join(",", port.written)));
        assertThat(f.command()).isEqualTo(0x15);
        assertThat(seenByHandler).containsExactly("FC 05 11 27 56");
        assertThat(port.written).containsExactly("FC 05 11 27 56", "FC 05 50 AA 05");
    }

    @Test
    void noAckWhenTheHandlerFailsAndNoAckForOtherStates() {
        ScriptedPort port = new ScriptedPort().reply(HEX.formatHex(Id003Frame.of(Id003State.VEND_VALID.code).encode()))
                .reply(HEX.formatHex(Id003Frame.of(Id003State.ESCROW.code, (byte) 0x63).encode()));
        Id003Link link = new Id003Link(port, 50, 2);
        assertThatThrownBy(() -> link.status(r -> {
            throw new DeviceException(DeviceException.Code.FAILURE, "disk full");
        })).isInstanceOf(DeviceException.class);
        assertThat(port.written).containsExactly("FC 05 11 27 56");
        port.written.clear();
        try {
            assertThat(link.status(null).data()).containsExactly(0x63);
        } catch (DeviceException e) {
            throw new AssertionError(e);
        }
        assertThat(port.written).containsExactly("FC 05 11 27 56");
    }

    @Test
    void aBadCrcOrSilenceMakesItAskAgain() throws Exception {
        ScriptedPort port = new ScriptedPort().reply("FC 05 11 27 57").reply(null)
                .reply(HEX.formatHex(Id003Frame.of(Id003State.IDLING.code).encode()));
        Id003Link link = new Id003Link(port, 30, 3);
        assertThat(link.status(null).command()).isEqualTo(Id003State.IDLING.code);
        assertThat(port.written).containsExactly("FC 05 11 27 56", "FC 05 11 27 56", "FC 05 11 27 56");
        assertThat(link.counters()).isEqualTo(new Id003Link.Counters(1, 2, 1, 1));
    }

    @Test
    void commandsWantAckOrEchoAndGiveUpAfterTheRetries() throws Exception {
        ScriptedPort port = new ScriptedPort().reply("FC 05 50 AA 05").reply("FC 06 C3 00 04 D6")
                .reply(HEX.formatHex(Id003Frame.of(Id003State.INVALID_COMMAND.code).encode()));
        Id003Link link = new Id003Link(port, 30, 1);
        assertThat(link.command(Id003Frame.STACK_1).command()).isEqualTo(Id003Frame.ACK);
        assertThat(link.command(Id003Frame.SET_INHIBIT, (byte) 0).command()).isEqualTo(Id003Frame.SET_INHIBIT);
        assertThatThrownBy(() -> link.command(Id003Frame.RETURN)).isInstanceOf(DeviceException.class)
                .extracting(e -> ((DeviceException) e).code()).isEqualTo(DeviceException.Code.FAILURE);
        assertThatThrownBy(() -> link.command(Id003Frame.RESET)).isInstanceOf(DeviceException.class)
                .extracting(e -> ((DeviceException) e).code()).isEqualTo(DeviceException.Code.TIMEOUT);
        assertThat(port.written.subList(port.written.size() - 2, port.written.size()))
                .containsExactly("FC 05 40 2B 15", "FC 05 40 2B 15");
    }
}
