package org.topupkiosk.device.emulator.fiscal;

import java.util.ArrayList;
import java.util.List;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.fiscal.shtrih.ShtrihAnswer;
import org.topupkiosk.device.fiscal.shtrih.ShtrihCommand;
import org.topupkiosk.device.fiscal.shtrih.ShtrihDecoder;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFrame;
import org.topupkiosk.device.fiscal.shtrih.ShtrihRequest;
import org.topupkiosk.device.serial.SerialLink;

/**
 * The host's end of the line byte by byte, for testing the emulator's link layer: it sends what a test says and
 * collects what comes back, decoded with the shared decoder, without a driver's retries hiding anything.
 */
final class RawHost {

    private final SerialLink link;
    private final ShtrihDecoder decoder = new ShtrihDecoder();

    RawHost(SerialLink link) throws DeviceException {
        this.link = link;
        link.open();
    }

    void send(byte... bytes) throws DeviceException {
        link.write(bytes);
    }

    void send(ShtrihRequest request) throws DeviceException {
        link.write(request.frame().encode());
    }

    /** Everything that arrives until {@code quietMs} pass with nothing new (or 3 s in all). */
    List<ShtrihDecoder.Event> receive(int quietMs) throws DeviceException {
        List<ShtrihDecoder.Event> out = new ArrayList<>();
        byte[] buf = new byte[512];
        long end = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < end) {
            int n = link.read(buf, quietMs);
            if (n == 0) {
                break;
            }
            out.addAll(decoder.feed(buf, n));
        }
        return out;
    }

    /** A whole exchange as a patient driver does it: the request, its ACK, the answer, our ACK. */
    ShtrihAnswer call(ShtrihCommand command, long password, byte[] params) throws DeviceException {
        send(new ShtrihRequest(command, password, params));
        List<ShtrihDecoder.Event> got = new ArrayList<>();
        long end = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < end) {
            got.addAll(receive(100));
            for (ShtrihDecoder.Event e : got) {
                if (e instanceof ShtrihDecoder.Event.Frame f) {
                    send((byte) ShtrihFrame.ACK);
                    return ShtrihAnswer.decode(f.frame());
                }
            }
        }
        throw new AssertionError("no answer to " + command + ": " + got);
    }
}
