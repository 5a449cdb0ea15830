package org.topupkiosk.device.emulator.fiscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.device.fiscal.FiscalDocument;

/**
 * The emulated fiscal storage (ФН): numbers documents from 1, signs each with an HMAC-SHA256 of its canonical bytes
 * under its own key (the fiscal sign, first four bytes, unsigned), keeps every document in its archive, tracks the open
 * shift (a shift is two documents of its own), and queues documents until the emulated fiscal data operator (ОФД)
 * acknowledges them, after a delay, or never while "offline". It refuses to sign when full or past its validity date.
 *
 * <p>Given a file it keeps its archive there as a real storage does across power cuts: JSON lines, a header line first,
 * then one line per document and per acknowledgement, appended and forced to disk before the document counts. A line
 * cut short by a crash while it was written is ignored on the next start (the document was never completed), so the
 * numbering goes on from the last whole document.
 */
public final class FiscalStorage {

    private static final Logger log = LoggerFactory.getLogger(FiscalStorage.class);
    private static final HexFormat HEX = HexFormat.of();

    private final String serial;
    private final LocalDate validUntil;
    private final byte[] key;
    private final int capacity;
    private final Path file;
    private final List<FnDocument> archive = new ArrayList<>();
    private final ShiftCounters shift = new ShiftCounters();
    private long acknowledged;
    private Duration ofdDelay = Duration.ofSeconds(5);
    private boolean ofdOffline;
    private boolean forcedFull;
    private boolean forcedExpired;

    private FiscalStorage(String serial, LocalDate validUntil, byte[] key, int capacity, Path file) {
        if (!serial.matches("\\d{16}")) {
            throw new IllegalArgumentException("field fn: serial must be 16 digits, got " + serial);
        }
        if (key.length < 16) {
            throw new IllegalArgumentException("field key: at least 16 bytes");
        }
        if (capacity < 2) {
            throw new IllegalArgumentException("field capacity: at least 2 documents, got " + capacity);
        }
        this.serial = serial;
        this.validUntil = validUntil;
        this.key = key.clone();
        this.capacity = capacity;
        this.file = file;
    }

    /** A fresh storage kept in memory only (tests, a throw-away simulation). */
    public static FiscalStorage inMemory(String serial, LocalDate validUntil, byte[] key, int capacity) {
        return new FiscalStorage(serial, validUntil, key, capacity, null);
    }

    /**
     * The storage kept in {@code file}: read back when the file exists (its own serial, key and archive; the other
     * arguments are then ignored), created with them when it does not.
     */
    public static FiscalStorage inFile(Path file, String serial, LocalDate validUntil, byte[] key, int capacity)
            throws IOException {
        if (Files.exists(file) && Files.size(file) > 0) {
            return load(file);
        }
        FiscalStorage fn = new FiscalStorage(serial, validUntil, key, capacity, file);
        ObjectNode header = FnJson.MAPPER.createObjectNode();
        header.put("fn", serial);
        header.put("validUntil", validUntil.toString());
        header.put("key", HEX.formatHex(key));
        header.put("capacity", capacity);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        fn.append(header);
        return fn;
    }

    private static FiscalStorage load(Path file) throws IOException {
        String all = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = all.split("\n", -1);
        int whole = lines.length - 1; // the piece after the last newline: empty, or a line cut short
        FiscalStorage fn;
        try {
            JsonNode h = FnJson.MAPPER.readTree(lines[0]);
            fn = new FiscalStorage(FnJson.text(h, "fn"), LocalDate.parse(FnJson.text(h, "validUntil")),
                    FnJson.hex(h, "key"), (int) FnJson.number(h, "capacity"), file);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " line 1 (the storage's header): " + e.getMessage(), e);
        }
        for (int i = 1; i < whole; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode n = FnJson.MAPPER.readTree(lines[i]);
                if (n.has("ack")) {
                    fn.acknowledged = Math.max(fn.acknowledged, FnJson.number(n, "ack"));
                } else {
                    FnDocument d = FnJson.document(n.get("doc") == null ? n : n.get("doc"));
                    if (d.number() != fn.archive.size() + 1) {
                        throw new IllegalArgumentException("field number: " + d.number() + " after "
                                + fn.archive.size());
                    }
                    fn.archive.add(d);
                    fn.shift.apply(d);
                }
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (!lines[whole].isEmpty()) {
            log.warn("{}: the last line was cut short (a power cut while it was written); it is ignored", file);
        }
        return fn;
    }

    // Signing ---------------------------------------------------------------------------------------------------------

    /** Signs and archives one document, or refuses as a full or expired storage does. */
    public synchronized FnDocument sign(FiscalDocument.Kind kind, LocalDateTime at, long sumMinor,
            Optional<FnReceipt> receipt) throws RegisterRefusal {
        boolean closing = kind == FiscalDocument.Kind.SHIFT_CLOSE;
        if (!closing && expired(at)) {
            throw new RegisterRefusal(RegisterRefusal.FN_EXPIRED, "the storage is past its validity " + validUntil);
        }
        if (!closing && full()) {
            throw new RegisterRefusal(RegisterRefusal.FN_ARCHIVE_FULL, "the storage's archive is full ("
                    + archive.size() + " documents)");
        }
        int shiftNo = kind == FiscalDocument.Kind.SHIFT_OPEN ? shift.number() + 1 : shift.number();
        FnDocument unsigned = new FnDocument(kind, archive.size() + 1L, 0, at.withNano(0), sumMinor, shiftNo, receipt);
        FnDocument d = new FnDocument(kind, unsigned.number(), fiscalSignOf(unsigned), unsigned.dateTime(), sumMinor,
                shiftNo, receipt);
        if (file != null) {
            ObjectNode line = FnJson.MAPPER.createObjectNode();
            line.set("doc", FnJson.document(d));
            try {
                append(line);
            } catch (IOException e) {
                throw new UncheckedIOException("the emulated storage cannot write " + file, e);
            }
        }
        archive.add(d);
        shift.apply(d);
        return d;
    }

    /** The fiscal sign of a document: HMAC-SHA256 of its canonical bytes under this storage's key, 32 bits. */
    public long fiscalSignOf(FnDocument d) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] h = mac.doFinal(d.canonicalBytes(serial));
            return ByteBuffer.wrap(h, 0, 4).getInt() & 0xFFFF_FFFFL;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private void append(ObjectNode line) throws IOException {
        byte[] bytes = (FnJson.MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(false);
        }
    }

    // The fiscal data operator ----------------------------------------------------------------------------------------

    /** The operator acknowledges documents older than its delay, unless offline. Called on every status read. */
    public synchronized void exchange(LocalDateTime now) {
        if (ofdOffline) {
            return;
        }
        long upTo = acknowledged;
        for (int i = (int) acknowledged; i < archive.size(); i++) {
            if (archive.get(i).dateTime().plus(ofdDelay).isAfter(now)) {
                break;
            }
            upTo = i + 1;
        }
        if (upTo > acknowledged) {
            acknowledged = upTo;
            if (file != null) {
                ObjectNode line = FnJson.MAPPER.createObjectNode();
                line.put("ack", upTo);
                try {
                    append(line);
                } catch (IOException e) {
                    log.warn("cannot record the operator's acknowledgement in {}: {}", file, e.toString());
                }
            }
        }
    }

    public synchronized void ofdDelay(Duration delay) {
        this.ofdDelay = delay;
    }

    public synchronized void ofdOffline(boolean offline) {
        this.ofdOffline = offline;
    }

    public synchronized boolean ofdOnline() {
        return !ofdOffline;
    }

    /** Whether the operator has acknowledged document {@code number}. */
    public synchronized boolean acknowledged(long number) {
        return number <= acknowledged;
    }

    public synchronized int unsentCount() {
        return (int) (archive.size() - acknowledged);
    }

    /** The oldest document the operator has not acknowledged. */
    public synchronized Optional<FnDocument> firstUnsent() {
        return acknowledged < archive.size() ? Optional.of(archive.get((int) acknowledged)) : Optional.empty();
    }

    // Faults and state ------------------------------------------------------------------------------------------------

    public synchronized void forceFull(boolean on) {
        forcedFull = on;
    }

    public synchronized void forceExpired(boolean on) {
        forcedExpired = on;
    }

    public synchronized boolean full() {
        return forcedFull || archive.size() >= capacity;
    }

    public synchronized boolean expired(LocalDateTime now) {
        return forcedExpired || now.toLocalDate().isAfter(validUntil);
    }

    public String serial() {
        return serial;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public synchronized ShiftCounters.Snapshot shift() {
        return shift.snapshot();
    }

    public synchronized Optional<FnDocument> find(long number) {
        return number >= 1 && number <= archive.size() ? Optional.of(archive.get((int) number - 1)) : Optional.empty();
    }

    public synchronized Optional<FnDocument> last() {
        return archive.isEmpty() ? Optional.empty() : Optional.of(archive.get(archive.size() - 1));
    }

    public synchronized List<FnDocument> archive() {
        return List.copyOf(archive);
    }

    /** Every document, one JSON object a line, in number order: what tests compare the journal against. */
    public synchronized void exportJsonLines(Path to) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (FnDocument d : archive) {
            ObjectNode o = FnJson.document(d);
            o.put("fn", serial);
            o.put("acknowledged", d.number() <= acknowledged);
            sb.append(FnJson.MAPPER.writeValueAsString(o)).append('\n');
        }
        Files.writeString(to, sb.toString(), StandardCharsets.UTF_8);
    }

    /** Reads an export back (tests). */
    public static List<FnDocument> readJsonLines(Path from) throws IOException {
        List<FnDocument> out = new ArrayList<>();
        for (String line : Files.readAllLines(from, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(FnJson.document(FnJson.MAPPER.readTree(line)));
            }
        }
        return out;
    }
}
