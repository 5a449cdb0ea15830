package org.topupkiosk.device.emulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.topupkiosk.testing.Property;

/**
 * The vpcd wire protocol, with this test playing pcscd's vpcd side on a local socket: 2-byte big-endian length and a
 * payload; one byte is a control command (only "get ATR" is answered), more is an APDU answered with an R-APDU.
 */
class VpcdCardClientTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static void send(DataOutputStream out, byte[] payload) throws Exception {
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    private static byte[] receive(DataInputStream in) throws Exception {
        return in.readNBytes(in.readUnsignedShort());
    }

    @Test
    void controlCommandsAtrAndApdusFollowTheVpcdFraming() throws Exception {
        try (ServerSocket vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             VpcdCardClient hand = new VpcdCardClient("127.0.0.1", vpcd.getLocalPort())) {
            hand.insert(new VirtualSimCard(VirtualSimProfile.GSM_WITH_NUMBER), VirtualSimFaults.NONE);
            try (Socket s = vpcd.accept()) {
                s.setSoTimeout(3_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                send(out, new byte[] {0x01});               // power on: no answer
                send(out, new byte[] {0x02});               // reset: no answer
                send(out, new byte[] {0x04});               // get ATR
                assertThat(HEX.formatHex(receive(in))).isEqualTo("3B021450");
                send(out, HEX.parseHex("A0A40000023F00"));  // SELECT MF on a GSM card
                assertThat(HEX.formatHex(receive(in))).isEqualTo("9F16");
                send(out, HEX.parseHex("A0C0000016"));      // GET RESPONSE
                byte[] r = receive(in);
                assertThat(r).hasSize(0x16 + 2);
                assertThat(HEX.formatHex(r, r.length - 2, r.length)).isEqualTo("9000");
                send(out, new byte[] {0x00});               // power off: no answer
                assertThat(hand.apduCount()).isEqualTo(2);
                hand.remove();
                assertThat(in.read()).as("removing the card closes the connection").isEqualTo(-1);
            }
        }
    }

    @Test
    void pulledCardClosesTheConnectionInsteadOfAnswering() throws Exception {
        try (ServerSocket vpcd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             VpcdCardClient hand = new VpcdCardClient("127.0.0.1", vpcd.getLocalPort())) {
            hand.insert(new VirtualSimCard(VirtualSimProfile.USIM_WITH_NUMBER), VirtualSimFaults.pulledAfter(1));
            try (Socket s = vpcd.accept()) {
                s.setSoTimeout(3_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                send(out, HEX.parseHex("00A40004023F0000"));
                assertThat(HEX.formatHex(receive(in))).startsWith("61");
                send(out, HEX.parseHex("00C0000010"));
                assertThat(in.read()).isEqualTo(-1);
                assertThat(hand.holdsCard()).isFalse();
            }
        }
    }

    @Test
    void insertWithoutVpcdIsAClearError() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (VpcdCardClient hand = new VpcdCardClient("127.0.0.1", port)) {
            hand.insert(new VirtualSimCard(VirtualSimProfile.GSM_WITH_NUMBER), VirtualSimFaults.NONE);
            throw new AssertionError("inserted into nothing");
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("vpcd is not listening").contains("pcscd");
        }
    }

    @Test
    void theCardAnswersAnyBytesWithAStatusWordAndNeverThrows() {
        Property.forAll(5_000, r -> {
            VirtualSimCard card = new VirtualSimCard(VirtualSimProfile.ALL.get(r.nextInt(VirtualSimProfile.ALL.size())));
            for (int i = 0; i < 20; i++) {
                byte[] apdu = Property.randomBytes(r, 24);
                if (apdu.length > 1 && r.nextBoolean()) {
                    apdu[0] = (byte) (r.nextBoolean() ? 0xA0 : 0x00);
                    apdu[1] = (byte) new int[] {0xA4, 0xB0, 0xB2, 0xC0}[r.nextInt(4)];
                }
                assertThat(card.process(apdu).length).isGreaterThanOrEqualTo(2);
            }
        });
    }
}
