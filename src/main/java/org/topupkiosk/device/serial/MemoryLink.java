package org.topupkiosk.device.serial;

import java.util.Arrays;
import org.topupkiosk.device.DeviceException;

/**
 * Two ends of an in-memory serial line: what one end writes, the other reads. Simulation mode joins the real driver
 * to the wire-level emulator with it, so the demo runs the real protocol code; unit tests use it without a pty.
 */
public final class MemoryLink implements SerialLink {

    /** One direction of the line: a growable byte queue with a blocking read. */
    private static final class Pipe {
        private byte[] data = new byte[256];
        private int head;
        private int tail;
        private boolean closed;

        synchronized void put(byte[] bytes) {
            if (tail + bytes.length > data.length) {
                int size = tail - head;
                byte[] bigger = size + bytes.length > data.length / 2
                        ? new byte[Math.max(data.length * 2, size + bytes.length)] : data;
                System.arraycopy(data, head, bigger, 0, size);
                data = bigger;
                head = 0;
                tail = size;
            }
            System.arraycopy(bytes, 0, data, tail, bytes.length);
            tail += bytes.length;
            notifyAll();
        }

        synchronized int take(byte[] into, int timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            while (head == tail && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                wait(Math.max(1, left / 1_000_000L), 0);
            }
            int n = Math.min(into.length, tail - head);
            System.arraycopy(data, head, into, 0, n);
            head += n;
            return n;
        }

        synchronized void clear() {
            head = tail = 0;
        }

        synchronized void reopen() {
            closed = false;
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }
    }

    private final String name;
    private final Pipe in;
    private final Pipe out;
    private volatile boolean open;

    private MemoryLink(String name, Pipe in, Pipe out) {
        this.name = name;
        this.in = in;
        this.out = out;
    }

    /** A connected pair: {@code [0]} for the host (driver), {@code [1]} for the device (emulator). */
    public static MemoryLink[] pair(String name) {
        Pipe toDevice = new Pipe();
        Pipe toHost = new Pipe();
        return new MemoryLink[] {new MemoryLink(name + ":host", toHost, toDevice),
                new MemoryLink(name + ":device", toDevice, toHost)};
    }

    @Override
    public void open() {
        in.reopen();
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void write(byte[] bytes) throws DeviceException {
        requireOpen();
        out.put(Arrays.copyOf(bytes, bytes.length));
    }

    @Override
    public int read(byte[] buffer, int timeoutMs) throws DeviceException {
        requireOpen();
        try {
            return in.take(buffer, timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceException.Code.OFFLINE, name + ": interrupted", e);
        }
    }

    @Override
    public void discardInput() {
        in.clear();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        open = false;
        in.close();
    }

    private void requireOpen() throws DeviceException {
        if (!open) {
            throw new DeviceException(DeviceException.Code.CLOSED, name + " is not open");
        }
    }
}
