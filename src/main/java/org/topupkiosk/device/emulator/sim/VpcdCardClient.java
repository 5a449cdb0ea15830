package org.topupkiosk.device.emulator.sim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceThreads;
import org.topupkiosk.device.sim.PcscCardSlot;
import org.topupkiosk.device.sim.SimException;

/**
 * Puts a {@link VirtualSimCard} into pcscd's virtual reader by speaking vsmartcard's vpcd protocol as its client:
 * connect to vpcd (127.0.0.1:35963 for "Virtual PCD 00 00"), then answer what it sends. Every message is a 2-byte
 * big-endian length and a payload; a 1-byte payload is a control command (0 power off, 1 power on, 2 reset: no
 * answer; 4 get ATR: answer the ATR), anything longer is a command APDU answered with the response APDU.
 * Connected means inserted; closing the socket is pulling the card out.
 *
 * <p>vpcd serves one client and only learns that one left when pcscd next polls the reader, so for a moment after
 * the socket closes pcscd still shows the old card, and a card inserted in that moment is queued behind a ghost.
 * Given the reader's name, {@link #remove()} therefore returns only once pcscd shows the slot empty, and
 * {@link #insert} first waits for an empty slot (another client may have just left), like a hand that takes one card
 * out before it puts the next in.
 */
public final class VpcdCardClient implements SimInserter, AutoCloseable {

    public static final int DEFAULT_PORT = 35963;
    private static final Logger log = LoggerFactory.getLogger(VpcdCardClient.class);
    private static final int CTRL_OFF = 0;
    private static final int CTRL_ON = 1;
    private static final int CTRL_RESET = 2;
    private static final int CTRL_ATR = 4;

    /** How long remove() and insert() wait for pcscd to show the slot empty. */
    private static final long ABSENT_WAIT_MS = 5_000;

    private final String host;
    private final int port;
    private final String readerName;
    private PcscCardSlot slot;
    private final AtomicInteger apdus = new AtomicInteger();
    private Socket socket;
    private Thread thread;

    public VpcdCardClient() {
        this("127.0.0.1", DEFAULT_PORT);
    }

    /** A client that does not look at pcscd: remove() returns as soon as its own connection is closed. */
    public VpcdCardClient(String host, int port) {
        this(host, port, null);
    }

    /** @param readerName pcscd's name for vpcd's reader on {@code port}; remove() waits until it shows no card */
    public VpcdCardClient(String host, int port, String readerName) {
        this.host = host;
        this.port = port;
        this.readerName = readerName == null || readerName.isBlank() ? null : readerName;
    }

    @Override
    public synchronized void insert(VirtualSimCard card, VirtualSimFaults faults) throws IOException {
        remove();
        awaitEmptySlot("before inserting");
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        try {
            s.connect(new InetSocketAddress(host, port), 2_000);
        } catch (IOException e) {
            s.close();
            throw new IOException("vpcd is not listening on " + host + ":" + port + " (is pcscd with vsmartcard-vpcd"
                    + " running?): " + e.getMessage(), e);
        }
        socket = s;
        apdus.set(0);
        card.reset();
        Thread t = new Thread(() -> serve(s, card, faults), "vpcd-card-" + port);
        t.setDaemon(true);
        thread = t;
        t.start();
        log.info("virtual sim inserted profile={} vpcd={}:{} faults={}", card.profile().name(), host, port, faults);
    }

    @Override
    public synchronized void remove() {
        Socket s = socket;
        Thread t = thread;
        socket = null;
        thread = null;
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            log.debug("closing the vpcd socket: {}", e.toString());
        }
        if (t != null && t != Thread.currentThread()) {
            DeviceThreads.join(t, 2_000);
        }
        awaitEmptySlot("after removing");
        log.info("virtual sim removed vpcd={}:{}", host, port);
    }

    private void awaitEmptySlot(String when) {
        if (readerName == null) {
            return;
        }
        try {
            if (slot == null) {
                slot = new PcscCardSlot(readerName);
            }
            if (!slot.waitForAbsent(ABSENT_WAIT_MS)) {
                log.warn("pcscd still shows a card in \"{}\" {} ms {} the virtual sim", readerName, ABSENT_WAIT_MS,
                        when);
            }
        } catch (SimException e) {
            // No pcscd or no such reader: nothing to wait for; insert() reports a missing vpcd on its own.
            log.debug("not waiting for an empty \"{}\": {}", readerName, e.getMessage());
        }
    }

    @Override
    public synchronized boolean holdsCard() {
        return socket != null && !socket.isClosed();
    }

    /** Command APDUs received since the last insert, answered or not. */
    public int apduCount() {
        return apdus.get();
    }

    @Override
    public void close() {
        remove();
    }

    private void serve(Socket s, VirtualSimCard card, VirtualSimFaults faults) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            int answered = 0;
            while (true) {
                int len = in.readUnsignedShort();
                byte[] msg = in.readNBytes(len);
                if (msg.length < len) {
                    throw new EOFException("vpcd closed mid-message");
                }
                if (len == 1) {
                    int cmd = msg[0] & 0xFF;
                    if (cmd == CTRL_ATR) {
                        send(out, card.atr());
                    } else if (cmd == CTRL_ON || cmd == CTRL_RESET) {
                        card.reset();
                    } else if (cmd != CTRL_OFF) {
                        log.warn("vpcd sent unknown control byte {}", cmd);
                    }
                    continue;
                }
                if (len == 0) {
                    continue;
                }
                apdus.incrementAndGet();
                if (faults.mute()) {
                    continue;
                }
                if (faults.pullAfterApdus() >= 0 && answered >= faults.pullAfterApdus()) {
                    log.info("virtual sim pulled out after {} commands", answered);
                    synchronized (this) {
                        if (socket == s) {
                            socket = null;
                            thread = null;
                        }
                    }
                    return;
                }
                send(out, card.process(msg));
                answered++;
            }
        } catch (EOFException | SocketException e) {
            log.debug("vpcd connection ended: {}", e.toString());
        } catch (IOException e) {
            log.warn("vpcd connection failed: {}", e.toString());
        }
    }

    private static void send(DataOutputStream out, byte[] payload) throws IOException {
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }
}
