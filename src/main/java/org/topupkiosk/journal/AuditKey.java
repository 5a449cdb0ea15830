package org.topupkiosk.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The kiosk's audit key: 32 random bytes kept in a file outside the journal (owner-only), with which every audit row
 * from {@code fromSeq} on is chained by HMAC-SHA256. Someone who can edit the journal file but cannot read this file
 * cannot write a row that verifies. Rows before {@code fromSeq} were written by an older version with plain SHA-256 and
 * are checked as such; the key file, not the journal, says where they end, so a forger cannot move that line.
 *
 * <p>File format, three lines: {@value #HEADER}, {@code key=<64 hex>}, {@code from_seq=<n>}.
 */
final class AuditKey {

    static final String HEADER = "topupkiosk-audit-key v1";
    /** The audit row that starts the keyed part of a chain that had plain rows before it. */
    static final String KEYED_KIND = "audit_keyed";

    private final Path file;
    private final byte[] key;
    private final long fromSeq;

    private AuditKey(Path file, byte[] key, long fromSeq) {
        this.file = file;
        this.key = key;
        this.fromSeq = fromSeq;
    }

    /** Where the key of the journal {@code dbFile} lives unless configured: {@code keys/<file name>.key} beside it. */
    static Path defaultFile(Path dbFile) {
        Path abs = dbFile.toAbsolutePath();
        return abs.getParent().resolve("keys").resolve(abs.getFileName() + ".key");
    }

    /** The key in {@code file}; empty when there is no such file; a JournalException when it is damaged. */
    static Optional<AuditKey> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new JournalException("cannot read the audit key " + file + ": " + e.getMessage(), e);
        }
        try {
            if (lines.size() < 3 || !HEADER.equals(lines.get(0)) || !lines.get(1).startsWith("key=")
                    || !lines.get(2).startsWith("from_seq=")) {
                throw new IllegalArgumentException("not an audit key file");
            }
            byte[] key = HexFormat.of().parseHex(lines.get(1).substring(4).strip());
            long from = Long.parseLong(lines.get(2).substring(9).strip());
            if (key.length != 32 || from < 1) {
                throw new IllegalArgumentException("wrong key length or start");
            }
            return Optional.of(new AuditKey(file, key, from));
        } catch (IllegalArgumentException e) {
            throw new JournalException("the audit key " + file + " is damaged (" + e.getMessage()
                    + "); restore it from the backup made with the journal", e);
        }
    }

    /**
     * Makes a new key applying from {@code fromSeq}, owner-only; when another process made one first, that one is
     * returned instead.
     */
    static AuditKey create(Path file, long fromSeq) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String text = HEADER + "\nkey=" + HexFormat.of().formatHex(key) + "\nfrom_seq=" + fromSeq + "\n";
        try {
            if (OwnerOnly.write(file, text, false)) {
                return new AuditKey(file, key, fromSeq);
            }
        } catch (IOException e) {
            throw new JournalException("cannot create the audit key " + file + ": " + e.getMessage(), e);
        }
        return read(file).orElseThrow(() -> new JournalException("the audit key " + file + " vanished while made", null));
    }

    Path file() {
        return file;
    }

    long fromSeq() {
        return fromSeq;
    }

    /** HMAC-SHA256 of {@code text} under this key, as 64 hex digits. */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** A short public name of the key (it reveals nothing of it), written into the chain's {@value #KEYED_KIND} row. */
    String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("topupkiosk audit key fingerprint\n".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
