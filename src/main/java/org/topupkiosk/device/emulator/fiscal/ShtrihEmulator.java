package org.topupkiosk.device.emulator.fiscal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceException;
import org.topupkiosk.device.emulator.LineNoise;
import org.topupkiosk.device.emulator.LinkThread;
import org.topupkiosk.device.fiscal.shtrih.ShtrihAnswer;
import org.topupkiosk.device.fiscal.shtrih.ShtrihDecoder;
import org.topupkiosk.device.fiscal.shtrih.ShtrihFrame;
import org.topupkiosk.device.serial.MemoryLink;
import org.topupkiosk.device.serial.SerialLink;

/**
 * The device side of a Shtrih-M line, over any byte link (a pty, a TCP connection, an in-memory pair). As the register
 * does: ENQ is answered NAK when nothing is pending ("ready for a command") or ACK followed by the pending answer again
 * when the host never acknowledged it; a request frame with a good LRC is ACKed, run, and answered; a bad LRC is NAKed;
 * the host's ACK releases the answer; its NAK (a damaged answer) keeps it for the ENQ that follows, as the vendor's
 * drivers send NAK then ENQ and expect ACK before the answer again. A partial frame is dropped after 50 ms of silence
 * (the inter-byte timeout). The answer is kept until the host ACKs it, so a host that lost it asks with ENQ and gets
 * the same answer: a command is never run twice because an answer was lost.
 *
 * <p>Noise goes both ways: {@link LineNoise} damages or delays answers, {@code inboundCorruptRate} makes a request
 * arrive damaged (NAK, the host sends it again). While the register's power is off the line is silent.
 */
public final class ShtrihEmulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShtrihEmulator.class);
    private static final int INTER_BYTE_MS = 50;

    private final EmulatedRegister register;
    private final ShtrihCommandHandler handler;
    private final Random random;
    private volatile LineNoise noise = LineNoise.NONE;
    private volatile double inboundCorruptRate;
    private final LinkThread line = new LinkThread("fiscal-emulator", Session::new);
    private volatile int framesServed;
    private volatile int naksSent;

    public ShtrihEmulator(EmulatedRegister register, long seed) {
        this.register = register;
        this.handler = new ShtrihCommandHandler(register);
        this.random = new Random(seed);
    }

    /**
     * The register simulation mode runs: its storage kept in {@code stateFile} (made the first time, serial
     * 9999078900012345, valid 13 months, a random key), receipts drawn to {@code pngDir}, passwords 1 (operator) and
     * 30 (administrator; the factory's 30 for both works too). Serve it with {@link #serveInMemory()}.
     */
    public static ShtrihEmulator forSimulation(Path stateFile, Path pngDir) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        FiscalStorage fn = FiscalStorage.inFile(stateFile, "9999078900012345", LocalDate.now().plusMonths(13), key,
                250_000);
        return new ShtrihEmulator(new EmulatedRegister(fn, Clock.systemDefaultZone(), new ReceiptPaper(pngDir), 1,
                30), System.nanoTime());
    }

    public EmulatedRegister register() {
        return register;
    }

    /** Serves the device end of a fresh in-memory line and answers its host end (simulation mode, unit tests). */
    public MemoryLink serveInMemory() {
        MemoryLink[] pair = MemoryLink.pair("fiscal-emulator");
        serve(pair[1]);
        return pair[0];
    }

    /** Answers on {@code port} from a thread of its own until {@link #stop()}; the register stays across links. */
    public void serve(SerialLink port) {
        line.serve(port);
    }

    /** Stops answering (the cable is pulled); the register keeps its state. */
    public void stop() {
        line.stop();
    }

    /** Stops answering and waits for the paper to be drawn. */
    @Override
    public void close() {
        stop();
        register.paper().flush();
    }

    public void noise(LineNoise n) {
        this.noise = n;
    }

    /** The share of request frames (0 to 1) that arrive with a flipped bit, as if the line had damaged them. */
    public void inboundCorruptRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate " + rate + " outside 0..1");
        }
        this.inboundCorruptRate = rate;
    }

    public int framesServed() {
        return framesServed;
    }

    public int naksSent() {
        return naksSent;
    }

    /**
     * One link's session: a partial frame dropped after the inter-byte timeout, the line reset by a power cycle, silence
     * while the power is off, and the answer kept until the host ACKs it.
     */
    private final class Session implements LinkThread.Session {

        private final SerialLink port;
        private final ShtrihDecoder decoder = new ShtrihDecoder();
        private final byte[] buf = new byte[512];
        private byte[] pending;
        private long lastByte;
        private int cycles = register.powerCycles();

        Session(SerialLink port) {
            this.port = port;
        }

        @Override
        public void step() throws DeviceException {
            int n = port.read(buf, INTER_BYTE_MS);
            long now = System.nanoTime();
            if (n == 0) {
                if (decoder.hasPartial() && now - lastByte > INTER_BYTE_MS * 1_000_000L) {
                    decoder.reset();
                }
                return;
            }
            lastByte = now;
            if (cycles != register.powerCycles()) {
                cycles = register.powerCycles();
                decoder.reset();
                pending = null;
            }
            if (!register.powered()) {
                decoder.reset();
                pending = null;
                return;
            }
            for (ShtrihDecoder.Event e : decoder.feed(buf, n)) {
                pending = answer(port, e, pending);
            }
        }
    }

    /** Acts on one thing off the line; answers the answer still waiting for the host's ACK. */
    private byte[] answer(SerialLink port, ShtrihDecoder.Event e, byte[] pending) throws DeviceException {
        if (e instanceof ShtrihDecoder.Event.Control c) {
            switch (c.value()) {
                case ShtrihFrame.ENQ -> {
                    if (pending == null) {
                        port.write(new byte[] {ShtrihFrame.NAK});
                    } else {
                        port.write(new byte[] {ShtrihFrame.ACK});
                        port.write(noise.apply(pending, random));
                    }
                    return pending;
                }
                case ShtrihFrame.ACK -> {
                    return null;
                }
                default -> { // NAK: the host could not read the answer; it asks for it again with ENQ
                    return pending;
                }
            }
        }
        if (e instanceof ShtrihDecoder.Event.BadLrc) {
            naksSent++;
            port.write(new byte[] {ShtrihFrame.NAK});
            return pending;
        }
        if (e instanceof ShtrihDecoder.Event.Frame f) {
            if (inboundCorruptRate > 0 && random.nextDouble() < inboundCorruptRate) {
                naksSent++;
                port.write(new byte[] {ShtrihFrame.NAK});
                return pending;
            }
            port.write(new byte[] {ShtrihFrame.ACK});
            ShtrihAnswer a;
            try {
                a = handler.handle(f.frame());
            } catch (EmulatedRegister.PowerCut cut) {
                log.info("fiscal emulator: {}", cut.getMessage());
                return null;
            }
            framesServed++;
            byte[] frame = a.frame().encode();
            port.write(noise.apply(frame, random));
            return frame;
        }
        return pending; // noise between frames: a register ignores it
    }
}
