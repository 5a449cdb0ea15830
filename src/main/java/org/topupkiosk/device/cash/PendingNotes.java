package org.topupkiosk.device.cash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topupkiosk.domain.Money;

/**
 * The driver's durable memory of stacked notes the journal has not yet confirmed. A record (note id, amount) is
 * written and fsynced before the driver tells the flow "stacked", and removed when the flow acknowledges it. After a
 * crash the driver raises every record again with the same id; the journal keys stacked notes by id, so a note whose
 * commit did happen is not credited twice, and one whose commit did not is credited now.
 */
public final class PendingNotes {

    private static final Logger log = LoggerFactory.getLogger(PendingNotes.class);
    private static final String SUFFIX = ".note";

    /**
     * @param ref what the flow stacked the note for (its order's transaction id), kept with the note and given back
     *            with it, so a note raised again after a journal failure or a restart is credited there; null when
     *            none was given (older files, a note no STACK explains)
     */
    public record Note(String noteId, Money amount, String ref) {
        public Note {
            if (ref != null && (ref.isBlank() || ref.chars().anyMatch(Character::isWhitespace))) {
                throw new IllegalArgumentException("a note reference has no spaces, got '" + ref + "'");
            }
        }

        public Note(String noteId, Money amount) {
            this(noteId, amount, null);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final String prefix;
    /** This life's part of every id: the start time (for people reading logs) and a random epoch (for uniqueness). */
    private final String life;
    private final AtomicLong sequence = new AtomicLong();

    /** @param prefix starts every note id, so ids from different drivers never meet ("ccnet", "id003") */
    public PendingNotes(Path dir, String prefix) {
        this(dir, prefix, Clock.systemUTC());
    }

    /**
     * @param clock only dates the ids for people reading logs; uniqueness never depends on it, because a kiosk with no
     *              real-time clock (a Raspberry Pi) can start a later life at an earlier time
     */
    public PendingNotes(Path dir, String prefix, Clock clock) {
        this.dir = dir;
        this.prefix = prefix;
        byte[] epoch = new byte[8];
        RANDOM.nextBytes(epoch);
        this.life = Long.toString(clock.millis(), 36) + "-" + HexFormat.of().formatHex(epoch);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /**
     * A new id, {@code prefix-start-epoch-n}: the start time in ms (base 36, for reading logs), a random 64-bit epoch
     * drawn when this instance opened, and a counter. The epoch makes ids unique across lives whatever the wall clock
     * says; ids of older lives ({@code prefix-start-n}) stay valid names in the files and the journal.
     */
    public String newId() {
        return prefix + "-" + life + "-" + sequence.incrementAndGet();
    }

    public void record(String noteId, Money amount) throws IOException {
        record(noteId, amount, null);
    }

    /** A stacked note, with what it was stacked for ({@link Note#ref}, may be null): {@code minor currency [ref]}. */
    public void record(String noteId, Money amount, String ref) throws IOException {
        write(dir.resolve(noteId + SUFFIX), amount.minor() + " " + amount.currency() + refPart(ref) + "\n");
    }

    private static String refPart(String ref) {
        return ref == null ? "" : " " + ref;
    }

    /** Write to a temporary file, fsync, rename over the target, fsync the directory: all or nothing on disk. */
    private void write(Path target, String text) throws IOException {
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDir();
    }

    private static final String STACKING = "stacking.intent";

    /**
     * Remembers, before STACK goes out, which note the driver is about to stack and the id it will carry. If the power
     * fails while the note goes down, the device wakes up saying only "bill in stacker" (CCNET 0x12, ID003 0x42); with
     * this record the driver can still name the note, and with the same id in every later life. One at a time: only
     * one note is ever in the path.
     */
    public void recordStacking(Note note) throws IOException {
        write(dir.resolve(STACKING), line(note));
    }

    private static String line(Note note) {
        return note.noteId() + " " + note.amount().minor() + " " + note.amount().currency() + refPart(note.ref())
                + "\n";
    }

    /** The note a STACK was sent for and whose fate the device has not told yet, if any. */
    public Optional<Note> stacking() {
        return read(dir.resolve(STACKING));
    }

    private static Optional<Note> read(Path p) {
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseStacking(Files.readAllBytes(p)));
        } catch (IOException e) {
            log.error("unreadable record {}: ignored, a power-up in the stacker will be unidentified: {}", p,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The device told the fate of the note in {@link #stacking()}. When it was stacked the note becomes a pending note
     * under the same id (written first, so a crash between the two steps leaves the note pending, never forgotten).
     */
    public void resolveStacking(boolean stacked) throws IOException {
        Optional<Note> s = stacking();
        if (s.isPresent() && stacked) {
            record(s.get().noteId(), s.get().amount(), s.get().ref());
        }
        if (Files.deleteIfExists(dir.resolve(STACKING))) {
            syncDir();
        }
    }

    private static final String NAMED_IN_STACKER = "stacker.named";

    /**
     * A power-up "bill in stacker" (CCNET 0x12, ID003 0x42): which note is it? The note of {@link #stacking()} when a
     * STACK is still unresolved; it becomes a pending note under its id. The device repeats that report until it gets
     * a RESET, and the kiosk may die in between: so the answer is also kept (file {@value #NAMED_IN_STACKER}) until
     * {@link #stackerReportCleared()}, and a later life that hears the same report names the same note again instead
     * of raising a second, unknown one. Written in the order pending note, name, then the STACK record removed: a crash
     * between any two steps leaves a record that names the note with the same id.
     *
     * @return the note, or empty when no STACK and no earlier answer explain the report
     */
    public Optional<Note> nameNoteInStacker() throws IOException {
        Optional<Note> s = stacking();
        if (s.isEmpty()) {
            return read(dir.resolve(NAMED_IN_STACKER));
        }
        Note note = s.get();
        record(note.noteId(), note.amount(), note.ref());
        write(dir.resolve(NAMED_IN_STACKER), line(note));
        if (Files.deleteIfExists(dir.resolve(STACKING))) {
            syncDir();
        }
        return s;
    }

    /** The device took a RESET: its "bill in stacker" report is over, and the name kept for it is dropped. */
    public void stackerReportCleared() {
        try {
            if (Files.deleteIfExists(dir.resolve(NAMED_IN_STACKER))) {
                syncDir();
            }
        } catch (IOException e) {
            log.warn("could not drop the name of the note in the stacker; dropped at the next reset", e);
        }
    }

    public void clear(String noteId) {
        try {
            if (Files.deleteIfExists(dir.resolve(noteId + SUFFIX))) {
                syncDir();
            }
        } catch (IOException e) {
            log.warn("could not clear pending note {} (it will be raised again and deduplicated)", noteId, e);
        }
    }

    public List<Note> all() {
        List<Note> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                try {
                    out.add(parsePending(name.substring(0, name.length() - SUFFIX.length()), Files.readAllBytes(p)));
                } catch (UnreadableRecord e) {
                    // One damaged file must not hide the others: it is skipped, they are still raised.
                    log.error("unreadable pending note {}: left for encashment reconciliation: {}", p, e.getMessage());
                } catch (NoSuchFileException e) {
                    // Acknowledged (deleted by the driver's thread) between the listing and the read: no longer pending.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pending notes under " + dir, e);
        }
        out.sort((a, b) -> a.noteId().compareTo(b.noteId()));
        return out;
    }

    /** A note record on disk that is not one: not UTF-8, missing fields, a bad id or amount. */
    public static final class UnreadableRecord extends IOException {
        private static final long serialVersionUID = 1L;

        public UnreadableRecord(String message) {
            super(message);
        }
    }

    /**
     * A pending note file: its name without {@code .note} is the note id, its text {@code minor [currency]}. Fields
     * after these are ignored, so a later format can add some.
     */
    static Note parsePending(String noteId, byte[] content) throws UnreadableRecord {
        String[] parts = fields(content);
        if (parts.length < 1) {
            throw new UnreadableRecord("empty pending note record");
        }
        return new Note(noteId(noteId), amount(parts, 0), ref(parts, 2));
    }

    /** A stacking record: {@code note-id minor [currency]} (fields after these are ignored). */
    static Note parseStacking(byte[] content) throws UnreadableRecord {
        String[] parts = fields(content);
        if (parts.length < 2) {
            throw new UnreadableRecord("expected: note-id amount-in-minor-units [currency [txn-id]]");
        }
        return new Note(noteId(parts[0]), amount(parts, 1), ref(parts, 3));
    }

    private static String[] fields(byte[] content) throws UnreadableRecord {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableRecord("not UTF-8 text");
        }
        String t = text.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** Note ids name files: letters, digits, '-' and '_' only, so a damaged record cannot point outside the folder. */
    private static String noteId(String id) throws UnreadableRecord {
        if (!NOTE_ID.matcher(id).matches()) {
            throw new UnreadableRecord("note id is not [A-Za-z0-9_-]{1,128}");
        }
        return id;
    }

    /** The order a note was stacked for, when the record names one; same character rule as a note id. */
    private static String ref(String[] parts, int at) throws UnreadableRecord {
        if (parts.length <= at) {
            return null;
        }
        if (!NOTE_ID.matcher(parts[at]).matches()) {
            throw new UnreadableRecord("txn id is not [A-Za-z0-9_-]{1,128}");
        }
        return parts[at];
    }

    private static final Pattern NOTE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    /** A stacked note is worth something: a positive whole number of minor units in an ISO 4217 currency. */
    private static Money amount(String[] parts, int at) throws UnreadableRecord {
        long minor;
        try {
            minor = Long.parseLong(parts[at]);
        } catch (NumberFormatException e) {
            throw new UnreadableRecord("amount is not a whole number of minor units");
        }
        if (minor <= 0) {
            throw new UnreadableRecord("amount " + minor + " is not positive");
        }
        String currency = parts.length > at + 1 ? parts[at + 1] : Money.RUB;
        if (!currency.matches("[A-Z]{3}")) {
            throw new UnreadableRecord("currency is not an ISO 4217 code");
        }
        return new Money(minor, currency);
    }

    private void syncDir() {
        // Makes the rename or delete itself durable; not every platform allows opening a directory, hence the catch.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            log.trace("directory fsync not available for {}", dir);
        }
    }
}
