package org.topupkiosk.journal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fleet's telemetry outbox ({@link Journal#telemetry()}, schema V10): events for the office are journaled here
 * before they are published, each with an id made once ({@code <kiosk>:<tag>:<seq>}), and marked sent only when the
 * broker acknowledged them. Most events are made from the audit chain: {@link #collect} reads the audit rows after a
 * persisted cursor and turns those a {@link Mapper} knows into events, in the journal's own write transaction, so no
 * payment path writes telemetry itself and a crash between the two loses nothing. Also the command ids seen, so a
 * replayed command is refused after a restart too.
 */
public final class TelemetryJournal {

    /** One event as journaled; {@code sentAt} is null until the broker acknowledged it. */
    public record Event(long seq, String id, String kind, Instant at, String dataJson, Long auditSeq, Instant sentAt) {}

    /** What a mapper makes of one audit row: an event kind and its data (a JSON object). */
    public record NewEvent(String kind, Instant at, String dataJson) {
        public NewEvent {
            LedgerRules.requireText(kind, "kind");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(dataJson, "dataJson");
        }
    }

    /** Turns an audit row (with its order, when it names one) into an event, or empty for rows the office skips. */
    @FunctionalInterface
    public interface Mapper {
        Optional<NewEvent> map(AuditEntry row, Optional<Order> order);
    }

    /** Events not yet acknowledged by the broker: how many, and when the oldest was journaled (null when none). */
    public record Backlog(int pending, Instant oldest) {}

    private final SqliteStore store;
    private final String kioskId;
    private final Clock clock;
    private final OrderRepository orders;
    private final SecureRandom random = new SecureRandom();

    TelemetryJournal(SqliteStore store, String kioskId, Clock clock, OrderRepository orders) {
        this.store = store;
        this.kioskId = kioskId;
        this.clock = clock;
        this.orders = orders;
    }

    /**
     * Makes the stream on its first call for this journal: a random tag, and the cursor at the audit chain's head (the
     * office hears of what happens from now on). Later calls change nothing. Returns the tag.
     */
    public String begin() {
        return store.write("begin telemetry", this::stream);
    }

    /**
     * Turns up to {@code limit} audit rows after the cursor into events (those {@code mapper} maps) and moves the
     * cursor past them, in one transaction. Returns the number of events made.
     */
    public int collect(Mapper mapper, int limit) {
        return store.write("collect telemetry", c -> {
            String tag = stream(c);
            long after = cursor(c);
            long last = after;
            int made = 0;
            List<AuditEntry> rows = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT seq, ts, kind, txn_id, data FROM audit WHERE seq > ? ORDER BY seq LIMIT ?")) {
                st.setLong(1, after);
                st.setInt(2, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
            for (AuditEntry row : rows) {
                Optional<Order> order = row.txnId() == null ? Optional.empty() : orders.find(row.txnId());
                Optional<NewEvent> e = mapper.map(row, order);
                if (e.isPresent()) {
                    insert(c, tag, e.get(), row.seq());
                    made++;
                }
                last = row.seq();
            }
            if (last != after) {
                try (PreparedStatement st = c.prepareStatement("UPDATE telemetry_stream SET audit_seq = ? WHERE id = 1")) {
                    st.setLong(1, last);
                    st.executeUpdate();
                }
            }
            return made;
        });
    }

    /** Journals an event that has no audit row (a device's state changed); returns its id. */
    public String record(NewEvent event) {
        return store.write("record telemetry " + event.kind(), c -> insert(c, stream(c), event, null));
    }

    /** Events the broker has not acknowledged, oldest first. */
    public List<Event> unsent(int limit) {
        return store.read("read unsent telemetry", c -> events(c, "WHERE sent_at IS NULL ORDER BY seq LIMIT ?", limit));
    }

    /** The newest events, newest first, sent or not (tests, kioskctl). */
    public List<Event> recent(int limit) {
        return store.read("read recent telemetry", c -> events(c, "ORDER BY seq DESC LIMIT ?", limit));
    }

    /** The broker acknowledged the event: it is not sent again. False when it was marked already (or is unknown). */
    public boolean markSent(String eventId) {
        return store.write("mark telemetry sent", c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE telemetry_events SET sent_at = ? WHERE event_id = ? AND sent_at IS NULL")) {
                st.setLong(1, clock.millis());
                st.setString(2, eventId);
                return st.executeUpdate() == 1;
            }
        });
    }

    /**
     * Deletes events the broker acknowledged before {@code before}, keeping the newest row always (ids are numbered on
     * from it, so none is ever reused). Returns how many went. Events never sent are kept, whatever their age.
     */
    public int pruneSent(Instant before) {
        return store.write("prune telemetry", c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM telemetry_events WHERE sent_at IS NOT NULL"
                    + " AND sent_at < ? AND seq < (SELECT max(seq) FROM telemetry_events)")) {
                st.setLong(1, before.toEpochMilli());
                return st.executeUpdate();
            }
        });
    }

    public Backlog backlog() {
        return store.read("read telemetry backlog", c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT count(*), min(created_at) FROM telemetry_events WHERE sent_at IS NULL");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                long oldest = rs.getLong(2);
                return new Backlog(rs.getInt(1), rs.wasNull() ? null : Instant.ofEpochMilli(oldest));
            }
        });
    }

    /**
     * Remembers a command id; true the first time it is seen, false for a replay (also after a restart). Only commands
     * whose signature verified are remembered, so nobody can use up an id the office will sign later.
     */
    public boolean firstSight(String commandId, String type) {
        LedgerRules.requireText(commandId, "commandId");
        return store.write("remember command", c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT OR IGNORE INTO fleet_commands (command_id, type, seen_at) VALUES (?, ?, ?)")) {
                st.setString(1, commandId);
                st.setString(2, String.valueOf(type));
                st.setLong(3, clock.millis());
                return st.executeUpdate() == 1;
            }
        });
    }

    /** The chain's hash at row count {@code count} (64 zeros at 0), or empty past the head. */
    public Optional<String> auditHashAt(long count) {
        if (count == 0) {
            return Optional.of(AuditChain.GENESIS);
        }
        return store.read("read audit hash", c -> {
            // Rows are numbered from 1 without gaps (journal verify checks it): row count n is seq n.
            try (PreparedStatement st = c.prepareStatement("SELECT hash FROM audit WHERE seq = ?")) {
                st.setLong(1, count);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private String stream(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT tag FROM telemetry_stream WHERE id = 1");
             ResultSet rs = st.executeQuery()) {
            if (rs.next()) {
                return rs.getString(1);
            }
        }
        byte[] b = new byte[4];
        random.nextBytes(b);
        String tag = HexFormat.of().formatHex(b);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO telemetry_stream (id, tag, audit_seq, since) "
                + "VALUES (1, ?, (SELECT coalesce(max(seq), 0) FROM audit), ?)")) {
            st.setString(1, tag);
            st.setLong(2, clock.millis());
            st.executeUpdate();
        }
        return tag;
    }

    private static long cursor(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT audit_seq FROM telemetry_stream WHERE id = 1");
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private String insert(Connection c, String tag, NewEvent e, Long auditSeq) throws SQLException {
        long seq;
        try (PreparedStatement st = c.prepareStatement("SELECT coalesce(max(seq), 0) + 1 FROM telemetry_events");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        String id = kioskId + ":" + tag + ":" + seq;
        try (PreparedStatement st = c.prepareStatement("INSERT INTO telemetry_events (seq, event_id, kind, at, data,"
                + " audit_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, seq);
            st.setString(2, id);
            st.setString(3, e.kind());
            st.setLong(4, e.at().toEpochMilli());
            st.setString(5, e.dataJson());
            if (auditSeq == null) {
                st.setNull(6, Types.INTEGER);
            } else {
                st.setLong(6, auditSeq);
            }
            st.setLong(7, clock.millis());
            st.executeUpdate();
        }
        return id;
    }

    private static List<Event> events(Connection c, String tail, int limit) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT seq, event_id, kind, at, data, audit_seq, sent_at"
                + " FROM telemetry_events " + tail)) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long a = rs.getLong(6);
                    Long auditSeq = rs.wasNull() ? null : a;
                    long s = rs.getLong(7);
                    Instant sent = rs.wasNull() ? null : Instant.ofEpochMilli(s);
                    out.add(new Event(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), auditSeq, sent));
                }
            }
        }
        return out;
    }
}
