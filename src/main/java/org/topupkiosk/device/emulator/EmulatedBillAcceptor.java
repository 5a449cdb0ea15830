package org.topupkiosk.device.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.DeviceHealth;
import org.topupkiosk.device.cash.BillAcceptor;
import org.topupkiosk.device.cash.BillEvent;
import org.topupkiosk.domain.Money;

/**
 * A port-level bill acceptor for simulation mode and the chaos harness, until the CCNET driver and its wire-level
 * emulator replace it. It behaves like the device in the ways that matter for money: a stacked note is written to
 * the device's own memory (a file under {@code stateDir}, fsynced) before it is reported, and stays there until the
 * host acknowledges it; after a power cut the unacknowledged note comes back as "power up with bill in stacker".
 * {@code cashbox.log} lists every note that physically reached the cash box.
 */
public final class EmulatedBillAcceptor implements BillAcceptor {

    private static final Logger log = LoggerFactory.getLogger(EmulatedBillAcceptor.class);

    private final Path stateDir;
    private final Duration escrowTimeout;
    private final ScheduledExecutorService device = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bill-acceptor-emulator");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong noteCounter = new AtomicLong(System.currentTimeMillis() * 1000);

    private volatile Listener listener;
    private Set<Money> enabled = Set.of();
    private Money escrow;
    private ScheduledFuture<?> escrowTimer;
    private String fault;

    public EmulatedBillAcceptor(Path stateDir, Duration escrowTimeout) {
        this.stateDir = stateDir;
        this.escrowTimeout = escrowTimeout;
        try {
            Files.createDirectories(stateDir.resolve("pending"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create emulator state under " + stateDir, e);
        }
    }

    @Override
    public void start(Listener listener) {
        this.listener = listener;
        device.execute(this::powerUp);
    }

    private void powerUp() {
        try (DirectoryStream<Path> pending = Files.newDirectoryStream(stateDir.resolve("pending"))) {
            for (Path p : pending) {
                long minor = Long.parseLong(Files.readString(p).strip());
                emit(new BillEvent.PowerUpWithBill(BillEvent.PowerUpWithBill.Location.STACKER,
                        Money.rubMinor(minor), p.getFileName().toString()));
            }
        } catch (IOException | NumberFormatException e) {
            log.error("emulator memory unreadable under {}", stateDir, e);
        }
    }

    /** The customer feeds a note (device panel, tests, chaos). */
    public void insert(Money note) {
        device.execute(() -> {
            if (fault != null) {
                emit(new BillEvent.Rejected("device-fault"));
            } else if (escrow != null) {
                emit(new BillEvent.Rejected("busy"));
            } else if (!enabled.contains(note)) {
                emit(new BillEvent.Rejected(enabled.isEmpty() ? "inhibited" : "denomination-disabled"));
            } else {
                escrow = note;
                emit(new BillEvent.Escrowed(note));
                escrowTimer = device.schedule(this::doReturn, escrowTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    public void jam() {
        device.execute(() -> setFault("jam"));
    }

    public void cashBoxOut() {
        device.execute(() -> setFault("cassette-removed"));
    }

    /** The technician cleared the jam or put the cash box back. */
    public void clearFault() {
        device.execute(() -> {
            if (fault != null) {
                fault = null;
                emit(new BillEvent.Recovered());
            }
        });
    }

    private void setFault(String code) {
        fault = code;
        if (escrow != null) {
            doReturn();
        }
        emit(new BillEvent.Fault(code, true));
    }

    @Override
    public void enable(Set<Money> denominations) {
        Set<Money> copy = Set.copyOf(denominations);
        device.execute(() -> enabled = copy);
    }

    @Override
    public void disable() {
        device.execute(() -> enabled = Set.of());
    }

    @Override
    public void stack() {
        device.execute(() -> {
            if (escrow == null) {
                return;
            }
            Money note = escrow;
            escrow = null;
            escrowTimer.cancel(false);
            String noteId = "N" + noteCounter.incrementAndGet();
            writeDurably(stateDir.resolve("pending").resolve(noteId), Long.toString(note.minor()), false);
            writeDurably(stateDir.resolve("cashbox.log"), noteId + " " + note.minor() + "\n", true);
            emit(new BillEvent.Stacked(note, noteId));
        });
    }

    @Override
    public void returnBill() {
        device.execute(this::doReturn);
    }

    private void doReturn() {
        if (escrow != null) {
            Money note = escrow;
            escrow = null;
            emit(new BillEvent.Returned(note));
        }
    }

    @Override
    public void acknowledge(String noteId) {
        device.execute(() -> {
            try {
                Files.deleteIfExists(stateDir.resolve("pending").resolve(noteId));
            } catch (IOException e) {
                log.warn("emulator could not forget note {}", noteId, e);
            }
        });
    }

    /** What physically reached the cash box, from the device's own log. */
    public static Money cashBoxTotal(Path stateDir) throws IOException {
        Path logFile = stateDir.resolve("cashbox.log");
        long total = 0;
        if (Files.exists(logFile)) {
            Set<String> seen = new HashSet<>();
            for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split(" ");
                if (parts.length == 2 && seen.add(parts[0])) {
                    total += Long.parseLong(parts[1]);
                }
            }
        }
        return Money.rubMinor(total);
    }

    @Override
    public DeviceHealth checkHealth() {
        return fault == null
                ? new DeviceHealth("bill-acceptor", DeviceHealth.State.OK, "emulated")
                : new DeviceHealth("bill-acceptor", DeviceHealth.State.FAILED, fault);
    }

    @Override
    public void close() {
        device.shutdownNow();
    }

    private void emit(BillEvent event) {
        Listener l = listener;
        if (l != null) {
            l.onBillEvent(event);
        }
    }

    private static void writeDurably(Path file, String text, boolean append) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(StandardCharsets.UTF_8.encode(text));
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("emulator could not write " + file, e);
        }
    }
}
