package org.topupkiosk.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * What seals a journal from outside its file: the audit key and the head file beside it. At the kiosk's first start
 * the key is made; a journal an older version wrote (plain SHA-256 chain) gets a key applying from its next row and an
 * {@value AuditKey#KEYED_KIND} audit row saying so. A journal whose chain is keyed but whose key is gone is refused:
 * a new key would hide whatever was done to it.
 */
final class AuditSeal {

    private final Path keyFile;
    private final AuditKey key;
    private final HeadFile headFile;

    private AuditSeal(Path keyFile, AuditKey key) {
        this.keyFile = keyFile;
        this.key = key;
        this.headFile = new HeadFile(HeadFile.besideKey(keyFile));
    }

    /** The key in {@code keyFile} as it is, never made: for tools that only check (a missing key is then reported). */
    static AuditSeal existing(Path keyFile) {
        return new AuditSeal(keyFile, AuditKey.read(keyFile).orElse(null));
    }

    /** The key for a journal about to be written: read, or made for a new or older journal (see the class comment). */
    static AuditSeal forWriting(SqliteStore store, Path keyFile, Clock clock) {
        Optional<AuditKey> known = AuditKey.read(keyFile);
        if (known.isPresent()) {
            AuditSeal seal = new AuditSeal(keyFile, known.get());
            seal.markKeyedStart(store, clock);
            return seal;
        }
        AuditHead head = store.read("read audit head", AuditChain::head);
        if (head.count() > 0 && !store.read("check audit chain kind", AuditSeal::lastRowIsPlain)) {
            throw new JournalException("the audit key " + keyFile + " is missing, but the journal " + store.file()
                    + " was sealed with one: restore the key from the backup made with the journal (kioskctl journal "
                    + "backup copies it); without it the journal cannot be checked, so nothing is written to it", null);
        }
        HeadFile headFile = new HeadFile(HeadFile.besideKey(keyFile));
        headFile.write(head);
        AuditSeal seal = new AuditSeal(keyFile, AuditKey.create(keyFile, head.count() + 1));
        seal.markKeyedStart(store, clock);
        return seal;
    }

    /** An older journal's first keyed row, once: says from which row on the key applies and which key it is. */
    private void markKeyedStart(SqliteStore store, Clock clock) {
        if (key.fromSeq() == 1) {
            return;
        }
        store.write("start the keyed audit chain", c -> {
            long rows = AuditChain.head(c).count();
            if (rows == key.fromSeq() - 1) {
                AuditChain chain = new AuditChain(c, key);
                chain.append(clock.millis(), AuditKey.KEYED_KIND, null, AuditChain.data("from_seq", key.fromSeq(),
                        "key", key.fingerprint()));
            }
            return null;
        });
        headFile.write(store.read("read audit head", AuditChain::head));
    }

    private static boolean lastRowIsPlain(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT seq, ts, kind, txn_id, data, prev_hash, hash FROM audit "
                + "ORDER BY seq DESC LIMIT 1");
             ResultSet rs = st.executeQuery()) {
            return rs.next() && AuditChain.hash(rs.getString(6), rs.getLong(1), rs.getLong(2), rs.getString(3),
                    rs.getString(4), rs.getString(5)).equals(rs.getString(7));
        }
    }

    Path keyFile() {
        return keyFile;
    }

    /** The key, or null when the journal was opened to check and there is none. */
    AuditKey key() {
        return key;
    }

    HeadFile headFile() {
        return headFile;
    }

    /** After a commit: when it added audit rows, the new head goes to the head file. */
    void afterCommit(Connection c, AuditChain chain) throws SQLException {
        if (chain.takeAppended() && key != null) {
            headFile.write(AuditChain.head(c));
        }
    }
}
