package org.topupkiosk.device.emulator.printer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.printer.escpos.PrinterStatus;

/**
 * A wire-level ESC/POS receipt printer: takes the bytes a driver sends over any link (in memory, TCP, a device file),
 * answers DLE EOT from a status the simulation switches (paper out, near end, cover open, offline), and renders each
 * cut receipt to a PNG. Paper can also run out part-way through a receipt, after a given number of printed bytes, as it
 * does on a real roll; what follows is lost, as on a real printer, and no PNG is written for the spoiled receipt.
 */
public final class EscPosPrinterEmulator {

    private static final Logger log = LoggerFactory.getLogger(EscPosPrinterEmulator.class);

    /** Printable width of 80 mm paper at 203 dpi. */
    public static final int PAPER_80MM_DOTS = 576;
    /** Printable width of 58 mm paper at 203 dpi. */
    public static final int PAPER_58MM_DOTS = 384;
    /** How many of the newest receipts {@link #printed()} keeps. */
    public static final int KEEP_PRINTED = 200;

    private final Path pngDir;
    private final PaperRenderer renderer;
    /**
     * The newest receipts, at most {@link #KEEP_PRINTED}: a simulation kiosk runs for weeks, and a list of every
     * receipt grew its memory with each sale.
     */
    private final Deque<PrintedReceipt> printed = new ArrayDeque<>();
    private final List<Consumer<PrintedReceipt>> listeners = new CopyOnWriteArrayList<>();
    private PrinterStatus status = PrinterStatus.READY;
    private boolean offline;
    private long bytesUntilPaperOut = -1;
    private boolean spoiled;
    private int spoiledCount;
    private int drawerKicks;
    private int count;
    private volatile boolean realtimeEverywhere;
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile boolean drawerSignalHigh;

    /** @param pngDir where receipts are written as PNG; null keeps them in memory only */
    public EscPosPrinterEmulator(Path pngDir, int paperDots) {
        this.pngDir = pngDir;
        this.renderer = new PaperRenderer(paperDots);
    }

    // Status the simulation switches

    public synchronized void setPaperOut(boolean out) {
        status = with(status, out, status.coverOpen());
        if (!out) {
            bytesUntilPaperOut = -1;
        }
    }

    public synchronized void setCoverOpen(boolean open) {
        status = with(status, status.paperOut(), open);
    }

    public synchronized void setPaperNearEnd(boolean near) {
        status = new PrinterStatus(false, status.coverOpen(), status.paperOut(), near, false, false, false);
    }

    /** A printer switched off or unplugged: bytes vanish and status requests get no answer. */
    public synchronized void setOffline(boolean offline) {
        this.offline = offline;
    }

    /** The roll ends after this many more printed bytes (text, image and code data; commands do not use paper). */
    public synchronized void runOutOfPaperAfter(long printedBytes) {
        bytesUntilPaperOut = printedBytes;
    }

    /**
     * Answers every DLE EOT n pair it sees, wherever it is in the stream (inside raster, QR or text data too), as
     * Epson's printers do; off, only DLE EOT read as a command is answered.
     */
    public void setRealtimeEverywhere(boolean on) {
        realtimeEverywhere = on;
    }

    /** Answers reach the host this long after the question arrived (a printer working through its buffer). */
    public void setAnswerDelay(Duration delay) {
        answerDelay = delay;
    }

    /**
     * The drawer connector's pin 3 reads high, as on many printers with nothing plugged in: the answer to DLE EOT 1
     * then has bit 2 set (0x16), the bit that means "cover open" in the answer to DLE EOT 2.
     */
    public void setDrawerSignalHigh(boolean high) {
        drawerSignalHigh = high;
    }

    public synchronized PrinterStatus status() {
        return status;
    }

    private static PrinterStatus with(PrinterStatus s, boolean paperOut, boolean coverOpen) {
        return new PrinterStatus(false, coverOpen, paperOut, s.paperNearEnd(), false, false, false);
    }

    // What came out

    public void onPrinted(Consumer<PrintedReceipt> listener) {
        listeners.add(listener);
    }

    /** The newest receipts, oldest first (at most {@link #KEEP_PRINTED}); {@link PrintedReceipt#number()} counts on. */
    public List<PrintedReceipt> printed() {
        synchronized (printed) {
            return List.copyOf(printed);
        }
    }

    /** Receipts lost to paper running out part-way. */
    public synchronized int spoiled() {
        return spoiledCount;
    }

    public synchronized int drawerKicks() {
        return drawerKicks;
    }

    // Links

    /** One connection's byte stream: its own parser state, the replies go back to {@code replies}. */
    public Session open(Consumer<byte[]> replies) {
        return new Session(replies);
    }

    /** An in-memory link for simulation mode: the real driver talks to this printer without sockets. */
    public MemoryPrinterLink memoryLink() {
        return new MemoryPrinterLink(this);
    }

    /** Serves one byte stream until it ends (a TCP connection, a pty, a pipe); replies go to {@code out} if not null. */
    public void serve(InputStream in, OutputStream out) throws IOException {
        Session session = open(reply -> {
            if (out != null) {
                try {
                    out.write(reply);
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) >= 0) {
            session.accept(Arrays.copyOf(buf, n));
        }
    }

    public final class Session {
        private final Consumer<byte[]> replies;
        private final EscPosInterpreter interpreter;
        private final RealtimeScan realtime = new RealtimeScan();

        private Session(Consumer<byte[]> replies) {
            Duration delay = answerDelay;
            this.replies = delay.isZero() ? replies : new DelayedReplies(replies, delay);
            this.interpreter = new EscPosInterpreter(new EscPosInterpreter.Sink() {
                @Override
                public void statusRequested(int n) {
                    if (!realtimeEverywhere) {
                        answer(n);   // otherwise the scan of the raw stream has answered it already
                    }
                }

                @Override
                public void cut(List<PaperBlock> blocks, boolean partial) {
                    finish(blocks, partial);
                }

                @Override
                public void drawerKicked(int pin) {
                    synchronized (EscPosPrinterEmulator.this) {
                        drawerKicks++;
                    }
                }

                @Override
                public void printed(int bytes) {
                    usePaper(bytes);
                }
            });
        }

        public void accept(byte[] chunk) {
            synchronized (EscPosPrinterEmulator.this) {
                if (offline) {
                    return;
                }
                if (realtimeEverywhere) {
                    realtime.scan(chunk, this::answer);
                }
                interpreter.accept(chunk);
            }
        }

        private void answer(int n) {
            if (n >= 1 && n <= 4) {
                int b = status.encode()[n - 1] | (n == 1 && drawerSignalHigh ? 0x04 : 0);
                replies.accept(new byte[] {(byte) b});
            }
        }
    }

    private void usePaper(int bytes) {
        if (status.paperOut()) {
            spoiled = true;
            return;
        }
        if (bytesUntilPaperOut >= 0) {
            bytesUntilPaperOut -= bytes;
            if (bytesUntilPaperOut < 0) {
                log.info("emulated printer ran out of paper mid-receipt");
                status = with(status, true, status.coverOpen());
                spoiled = true;
            }
        }
    }

    private void finish(List<PaperBlock> blocks, boolean partial) {
        if (spoiled || status.paperOut() || status.coverOpen()) {
            spoiled = false;
            spoiledCount++;
            return;
        }
        int number = ++count;
        List<String> lines = new ArrayList<>();
        List<String> qrs = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (PaperBlock b : blocks) {
            if (b instanceof PaperBlock.TextLine t) {
                lines.add(t.text());
            } else if (b instanceof PaperBlock.Image) {
                lines.add("[image]");
            } else if (b instanceof PaperBlock.Qr q) {
                qrs.add(q.payload());
            } else if (b instanceof PaperBlock.Barcode c) {
                codes.add(c.text());
            }
        }
        Path png = pngDir == null ? null : write(number, renderer.render(blocks));
        PrintedReceipt r = new PrintedReceipt(number, png, lines, qrs, codes, partial);
        synchronized (printed) {
            printed.addLast(r);
            if (printed.size() > KEEP_PRINTED) {
                printed.removeFirst();
            }
        }
        for (Consumer<PrintedReceipt> l : listeners) {
            try {
                l.accept(r);
            } catch (RuntimeException e) {
                log.warn("receipt listener failed", e);
            }
        }
    }

    private Path write(int number, BufferedImage image) {
        try {
            Files.createDirectories(pngDir);
            Path file = pngDir.resolve(String.format("receipt-%d-%04d.png", System.currentTimeMillis(), number));
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            log.warn("cannot write receipt image to {}", pngDir, e);
            return null;
        }
    }
}
