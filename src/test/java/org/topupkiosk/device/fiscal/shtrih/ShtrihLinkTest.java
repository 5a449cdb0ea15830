package org.topupkiosk.device.fiscal.shtrih;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.serial.MemoryLink;

/** The ENQ/ACK/NAK exchange against a scripted register on an in-memory line: the happy path and each recovery. */
class ShtrihLinkTest {

    static final ShtrihLink.Settings FAST = new ShtrihLink.Settings(200, 100, 3, 3, 3);
    static final byte[] STATUS_DATA = new ShtrihStatusMessages.ShortStatus(30, 2, 2, 0, 0, 200, 150, 0, 0).encode();

    private final MemoryLink[] pair = MemoryLink.pair("shtrih");
    private final ScriptedShtrihPeer peer = new ScriptedShtrihPeer(pair[1],
            req -> ShtrihAnswer.ok(req.command(), STATUS_DATA));
    private final ShtrihLink link = new ShtrihLink(pair[0], FAST);

    @AfterEach
    void close() {
        link.close();
        peer.close();
    }

    private ShtrihAnswer status() throws DeviceException {
        return link.exchange(ShtrihRequest.of(ShtrihCommand.SHORT_STATUS, 30));
    }

    private String hostWrote() throws InterruptedException {
        Thread.sleep(100); // the peer records the last ACK a moment after the host wrote it
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(peer.hostBytes());
    }

    @Test
    void enqNakFrameAckAnswerAck() throws Exception {
        ShtrihAnswer a = status();
        assertThat(a.ok()).isTrue();
        assertThat(ShtrihStatusMessages.ShortStatus.decode(a.data()).operator()).isEqualTo(30);
        assertThat(hostWrote()).isEqualTo("05 02 05 10 1E 00 00 00 0B 06");
    }

    @Test
    void frameNakedTwiceIsSentAgain() throws Exception {
        peer.nakFrames = 2;
        assertThat(status().ok()).isTrue();
        assertThat(hostWrote()).isEqualTo("05" + " 02 05 10 1E 00 00 00 0B".repeat(3) + " 06");
    }

    @Test
    void frameNakedEveryTimeFails() {
        peer.nakFrames = 10;
        assertThatThrownBy(this::status).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.code()).isEqualTo(DeviceException.Code.FAILURE)).hasMessageContaining("3 tries");
    }

    @Test
    void damagedAnswerIsNakedAndAskedForAgain() throws Exception {
        peer.damageAnswers = 2;
        assertThat(status().ok()).isTrue();
        assertThat(hostWrote()).isEqualTo("05 02 05 10 1E 00 00 00 0B 15 05 15 05 06");
        assertThat(peer.requests).hasSize(1);
    }

    /** A byte lost on the line leaves the answer short: asked for again after the byte timeout, not the command's. */
    @Test
    void answerCutShortIsNakedAndAskedForAgain() throws Exception {
        peer.shortAnswers = 2;
        long t0 = System.nanoTime();
        ShtrihAnswer a = link.exchange(ShtrihRequest.of(ShtrihCommand.SHORT_STATUS, 30), 5_000);
        assertThat(a.ok()).isTrue();
        assertThat((System.nanoTime() - t0) / 1_000_000).as("two byte timeouts, not the 5 s answer timeout")
                .isLessThan(2_500L);
        assertThat(hostWrote()).isEqualTo("05 02 05 10 1E 00 00 00 0B 15 05 15 05 06");
        assertThat(peer.requests).as("the command ran once").hasSize(1);
    }

    @Test
    void silentEnqIsRetriedThenOffline() throws Exception {
        peer.ignoreEnq = 2;
        assertThat(status().ok()).isTrue();
        assertThat(hostWrote()).startsWith("05 05 05 02");
        peer.ignoreEnq = 100;
        long t0 = System.nanoTime();
        assertThatThrownBy(this::status).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.code()).isEqualTo(DeviceException.Code.OFFLINE));
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(500L, 2000L);
    }

    @Test
    void noAnswerInTimeIsTimeoutWithTheCommandsOwnLimit() {
        peer.neverAnswer = true;
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> link.exchange(ShtrihRequest.of(ShtrihCommand.Z_REPORT, 30), 300))
                .isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.code()).isEqualTo(DeviceException.Code.TIMEOUT))
                .hasMessageContaining("Z report").hasMessageContaining("may or may not");
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(250L, 1500L);
    }

    @Test
    void slowAnswerWithinTheTimeoutArrives() throws Exception {
        peer.answerDelayMs = 600; // longer than the control timeout, shorter than the command's
        assertThat(status().ok()).isTrue();
    }

    @Test
    void staleAnswerIsDroppedBeforeTheCommand() throws Exception {
        peer.holdStale(ShtrihAnswer.ok(ShtrihCommand.FN_STATUS, new byte[] {1, 2, 3}));
        ShtrihAnswer a = status();
        assertThat(a.command()).isEqualTo(0x10);
        assertThat(hostWrote()).startsWith("05 06 05 02 05 10");
    }

    @Test
    void noiseOnTheLineIsSkipped() throws Exception {
        pair[1].write(new byte[] {(byte) 0xFF, 0x33, (byte) 0x80});
        assertThat(status().ok()).isTrue();
    }

    @Test
    void refusalComesBackAsAnAnswer() throws Exception {
        MemoryLink[] p2 = MemoryLink.pair("refusing");
        ScriptedShtrihPeer refusing = new ScriptedShtrihPeer(p2[1], req -> ShtrihAnswer.refused(req.command(), 0x6B));
        try (ShtrihLink l2 = new ShtrihLink(p2[0], FAST)) {
            ShtrihAnswer a = l2.exchange(ShtrihRequest.of(ShtrihCommand.PRINT_STRING, 30));
            assertThat(a.error()).isEqualTo(0x6B);
            assertThatThrownBy(() -> a.dataOrThrow(ShtrihCommand.PRINT_STRING)).isInstanceOfSatisfying(
                    DeviceException.class, e -> assertThat(e.code()).isEqualTo(DeviceException.Code.PAPER_OUT));
        } finally {
            refusing.close();
        }
    }
}
