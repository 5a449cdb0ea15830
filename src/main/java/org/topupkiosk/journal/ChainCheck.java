package org.topupkiosk.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.journal.VerifyReport.Violation;

/**
 * The audit chain against its key and its heads: every link, every row's hash (HMAC under the kiosk's key from the
 * key's first row, plain SHA-256 before it), the row that starts the keyed part of an older journal, and the chain
 * against the head file beside the key and a head from paper, so a tail cut off or a chain written again shows.
 */
final class ChainCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainCheck() {}

    /** Returns how many audit rows there are. */
    static long check(Connection c, AuditSeal seal, AuditHead paper, List<Violation> v) throws SQLException {
        AuditKey key = seal.key();
        if (key == null) {
            v.add(new Violation("audit_key", "key file " + seal.keyFile(), "missing: the audit chain cannot be "
                    + "checked without it; restore it from the backup made with the journal"));
        }
        long rows = 0;
        long lastSeq = 0;
        long expectedSeq = 1;
        boolean keyedStartSeen = false;
        String prev = AuditChain.GENESIS;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, ts, kind, txn_id, data, prev_hash, hash FROM audit ORDER BY seq")) {
            while (rs.next()) {
                rows++;
                long seq = rs.getLong(1);
                String kind = rs.getString(3);
                String where = "audit seq=" + seq;
                if (seq != expectedSeq) {
                    v.add(new Violation("audit_chain", where, "expected seq " + expectedSeq + " (rows missing)"));
                }
                if (!prev.equals(rs.getString(6))) {
                    v.add(new Violation("audit_chain", where, "prev_hash does not match the previous row's hash"));
                }
                if (key != null) {
                    boolean keyed = seq >= key.fromSeq();
                    String recomputed = keyed
                            ? AuditChain.keyedHash(key, rs.getString(6), seq, rs.getLong(2), kind, rs.getString(4),
                                    rs.getString(5))
                            : AuditChain.hash(rs.getString(6), seq, rs.getLong(2), kind, rs.getString(4),
                                    rs.getString(5));
                    if (!recomputed.equals(rs.getString(7))) {
                        v.add(new Violation("audit_chain", where, "hash does not match the row (kind=" + kind + " txn="
                                + rs.getString(4) + ")" + (keyed ? " under this kiosk's audit key: edited, or chained "
                                + "again without the key" : ": edited after it was written")));
                    }
                    if (AuditKey.KEYED_KIND.equals(kind)) {
                        keyedStartSeen |= checkKeyedStart(key, seq, rs.getString(5), where, v);
                    }
                }
                prev = rs.getString(7);
                lastSeq = seq;
                expectedSeq = seq + 1;
            }
        }
        if (key != null) {
            if (lastSeq < key.fromSeq() - 1) {
                v.add(new Violation("audit_truncated", "audit seq=" + (lastSeq + 1) + ".." + (key.fromSeq() - 1),
                        "the key was made when the chain had " + (key.fromSeq() - 1) + " rows; it now ends at "
                        + lastSeq + ": rows were removed from the end"));
            } else if (key.fromSeq() > 1 && lastSeq >= key.fromSeq() && !keyedStartSeen) {
                v.add(new Violation("audit_chain", "audit seq=" + key.fromSeq(), "the key applies from this row but it "
                        + "is not the " + AuditKey.KEYED_KIND + " row that starts the keyed chain"));
            }
            Optional<AuditHead> fromFile = readHeadFile(seal, v);
            if (fromFile.isPresent()) {
                compare(c, fromFile.get(), "the head file " + seal.headFile().file(), lastSeq, v);
            }
        }
        if (paper != null) {
            compare(c, paper, "the head printed on paper", lastSeq, v);
        }
        return rows;
    }

    private static boolean checkKeyedStart(AuditKey key, long seq, String data, String where, List<Violation> v) {
        if (seq != key.fromSeq()) {
            v.add(new Violation("audit_chain", where, "a second " + AuditKey.KEYED_KIND + " row; the key applies from seq "
                    + key.fromSeq()));
            return false;
        }
        try {
            String fingerprint = JSON.readTree(data).path("key").asText("");
            if (!fingerprint.equals(key.fingerprint())) {
                v.add(new Violation("audit_key", where, "the chain was keyed with key " + fingerprint + " but the key "
                        + "file holds key " + key.fingerprint()));
            }
        } catch (JsonProcessingException e) {
            v.add(new Violation("audit_chain", where, "data is not JSON"));
        }
        return true;
    }

    private static Optional<AuditHead> readHeadFile(AuditSeal seal, List<Violation> v) {
        try {
            Optional<AuditHead> head = seal.headFile().read();
            if (head.isEmpty()) {
                v.add(new Violation("audit_head", "head file " + seal.headFile().file(), "missing beside the key: the "
                        + "end of the chain can only be checked against paper (--head)"));
            }
            return head;
        } catch (IOException | IllegalArgumentException e) {
            v.add(new Violation("audit_head", "head file " + seal.headFile().file(), "unreadable: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** The chain holds {@code head}: at least that many rows, and row {@code count} has that hash. */
    private static void compare(Connection c, AuditHead head, String source, long lastSeq, List<Violation> v)
            throws SQLException {
        if (head.count() == 0) {
            return;
        }
        if (head.count() > lastSeq) {
            v.add(new Violation("audit_truncated", "audit seq=" + (lastSeq + 1) + ".." + head.count(), source
                    + " records " + head.count() + " rows but the chain ends at seq " + lastSeq
                    + ": rows were removed from the end"));
            return;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT hash FROM audit WHERE seq = ?")) {
            st.setLong(1, head.count());
            try (ResultSet rs = st.executeQuery()) {
                String hash = rs.next() ? rs.getString(1) : null;
                if (!head.matchesHash(hash)) {
                    v.add(new Violation("audit_rewritten", "audit seq=" + head.count(), source + " gives hash "
                            + head.printed() + " for this row but the journal has " + hash
                            + ": the chain was written again"));
                }
            }
        }
    }
}
