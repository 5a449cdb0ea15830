package org.topupkiosk.device.printer.escpos;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Turns a blocking InputStream (a device file, a socket) into reads with a timeout: a daemon thread moves bytes into a
 * queue. Used by links whose streams have no read timeout of their own.
 */
final class InputQueue {

    private final BlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();
    private volatile IOException failure;
    private final Thread reader;

    InputQueue(InputStream in, String name) {
        reader = new Thread(() -> {
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    bytes.add(b);
                }
                failure = new IOException(name + ": the printer closed the connection");
            } catch (IOException e) {
                failure = e;
            }
        }, "printer-read " + name);
        reader.setDaemon(true);
        reader.start();
    }

    int read(Duration timeout) throws IOException {
        try {
            Integer b = bytes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (b != null) {
                return b;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the printer", e);
        }
        if (failure != null) {
            throw failure;
        }
        return -1;
    }

    void clear() {
        bytes.clear();
    }
}
