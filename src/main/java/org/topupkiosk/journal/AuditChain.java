package org.topupkiosk.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit table as a hash chain: each row's hash covers the previous row's hash and its own fields, so editing,
 * inserting or deleting a row in the middle breaks every later link. Rows are keyed (HMAC-SHA256 with the kiosk's
 * {@link AuditKey}), so only the holder of the key can write a row that verifies; rows an older version wrote before
 * the key existed are plain SHA-256. Appends run inside the caller's transaction.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String HEAD = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1";
    private static final String INSERT =
            "INSERT INTO audit (seq, ts, kind, txn_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final AuditKey key;
    private PreparedStatement head;
    private PreparedStatement insert;
    private boolean appended;

    /** {@code key} is null when the journal was opened without its key: then reading works and appending refuses. */
    AuditChain(Connection c, AuditKey key) throws SQLException {
        this.connection = c;
        this.key = key;
        head = c.prepareStatement(HEAD);
        insert = c.prepareStatement(INSERT);
    }

    /** Appends one row; {@code dataJson} must already be canonical (see {@link #data} and {@link #canonical}). */
    void append(long tsMillis, String kind, String txnId, String dataJson) throws SQLException {
        if (key == null) {
            throw new IllegalStateException("the journal was opened without its audit key; nothing can be written");
        }
        // A write that failed (SQLITE_FULL) leaves its statement closed: prepared again, so the journal works again
        // once the disk has room, without a restart.
        if (!Sql.usable(head)) {
            head = connection.prepareStatement(HEAD);
        }
        if (!Sql.usable(insert)) {
            insert = connection.prepareStatement(INSERT);
        }
        long seq;
        String prev;
        try (ResultSet rs = head.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            } else {
                seq = 1;
                prev = GENESIS;
            }
        }
        insert.setLong(1, seq);
        insert.setLong(2, tsMillis);
        insert.setString(3, kind);
        if (txnId == null) {
            insert.setNull(4, Types.VARCHAR);
        } else {
            insert.setString(4, txnId);
        }
        insert.setString(5, dataJson);
        insert.setString(6, prev);
        insert.setString(7, seq < key.fromSeq() ? hash(prev, seq, tsMillis, kind, txnId, dataJson)
                : keyedHash(key, prev, seq, tsMillis, kind, txnId, dataJson));
        insert.executeUpdate();
        appended = true;
    }

    /** True once after a transaction appended rows: the journal then writes the new head beside the key. */
    boolean takeAppended() {
        boolean was = appended;
        appended = false;
        return was;
    }

    /** The key's HMAC of {@code text} (a receipt body, an outbox payload), for an audit row to hold. */
    String mac(String purpose, String text) {
        if (key == null) {
            throw new IllegalStateException("the journal was opened without its audit key");
        }
        return digest(key, purpose, text);
    }

    static String digest(AuditKey key, String purpose, String text) {
        return key.mac(purpose + '\n' + text);
    }

    /** The chain's head now: its row count and last hash ({@link #GENESIS} when empty). */
    static AuditHead head(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*), (SELECT hash FROM audit ORDER BY seq DESC "
                + "LIMIT 1) FROM audit");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            String hash = rs.getString(2);
            return new AuditHead(rs.getLong(1), hash == null ? GENESIS : hash);
        }
    }

    /** The newest rows of these kinds, newest first (none when no kind is given). */
    static List<AuditEntry> recent(Connection c, Collection<String> kinds, int limit) throws SQLException {
        if (kinds.isEmpty() || limit < 1) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(kinds.size(), "?"));
        try (PreparedStatement st = c.prepareStatement("SELECT seq, ts, kind, txn_id, data FROM audit WHERE kind IN ("
                + marks + ") ORDER BY seq DESC LIMIT ?")) {
            int i = 1;
            for (String k : kinds) {
                st.setString(i++, k);
            }
            st.setInt(i, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        }
    }

    /** The newest row of {@code kind}, or empty when there is none. */
    static Optional<AuditEntry> latest(Connection c, String kind) throws SQLException {
        return recent(c, List.of(kind), 1).stream().findFirst();
    }

    /**
     * SHA-256 hex over the previous hash and the row's fields, one per line in a fixed order; a null txn id is the
     * empty string. Changing this breaks every existing chain: add a new version instead.
     */
    static String hash(String prevHash, long seq, long tsMillis, String kind, String txnId, String data) {
        String canonical = canonicalRow(prevHash, seq, tsMillis, kind, txnId, data);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** HMAC-SHA256 under {@code key} over the same text {@link #hash} digests. */
    static String keyedHash(AuditKey key, String prevHash, long seq, long tsMillis, String kind, String txnId,
                            String data) {
        return key.mac(canonicalRow(prevHash, seq, tsMillis, kind, txnId, data));
    }

    private static String canonicalRow(String prevHash, long seq, long tsMillis, String kind, String txnId,
                                       String data) {
        return prevHash + '\n' + seq + '\n' + tsMillis + '\n' + kind + '\n' + (txnId == null ? "" : txnId) + '\n'
                + data;
    }

    /** A compact JSON object from alternating keys and values, in that order. */
    static String data(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit data not serializable: " + m, e);
        }
    }

    /** Parses caller-supplied JSON and writes it back compact, so the stored text is what gets hashed. */
    static String canonical(String dataJson) {
        if (dataJson == null || dataJson.isBlank()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(JSON.readTree(dataJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit data is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
