package org.topupkiosk.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.topupkiosk.domain.Money;

/**
 * The cash box counted from the journal: every stacked note after the last encashment, by denomination. Nothing is
 * ever reset in place; an encashment is an audit row ({@value #KIND}) naming the last cash_events row it took, and the
 * count starts again after that row. Cash a cashier took at a counter (note ids {@value #COUNTER_PREFIX}...) never
 * entered a cash box and is not counted here.
 */
final class CashBox {

    static final String KIND = "cash_encashed";
    static final String COUNTER_PREFIX = "counter:";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kioskId;
    private final String currency;

    CashBox(String kioskId, String currency) {
        this.kioskId = kioskId;
        this.currency = currency;
    }

    /** The newest encashment in the audit chain, or empty when there was none. */
    Optional<Encashment> last(Connection c) throws SQLException {
        return AuditChain.latest(c, KIND).map(e -> parse(e.at(), e.dataJson()));
    }

    /** What the cash box holds now: the next encashment as it would be made, with {@code at} null. */
    Encashment count(Connection c, Money openCredits) throws SQLException {
        Optional<Encashment> last = last(c);
        long after = last.map(Encashment::throughCashEvent).orElse(0L);
        long through = after;
        try (PreparedStatement st = c.prepareStatement("SELECT max(id) FROM cash_events")) {
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    through = Math.max(after, rs.getLong(1));
                }
            }
        }
        List<Encashment.NoteCount> notes = notesBetween(c, after, through);
        return new Encashment(last.map(Encashment::number).orElse(0) + 1, null, kioskId, notes, sum(notes),
                openCredits, through, null);
    }

    /** Notes in cash_events rows {@code after < id <= through}, by denomination ascending. */
    List<Encashment.NoteCount> notesBetween(Connection c, long after, long through) throws SQLException {
        List<Encashment.NoteCount> notes = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT amount_minor, count(*) FROM cash_events "
                + "WHERE id > ? AND id <= ? AND note_id NOT LIKE '" + COUNTER_PREFIX + "%' "
                + "GROUP BY amount_minor ORDER BY amount_minor")) {
            st.setLong(1, after);
            st.setLong(2, through);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    notes.add(new Encashment.NoteCount(new Money(rs.getLong(1), currency), rs.getInt(2)));
                }
            }
        }
        return notes;
    }

    /** The audit data of an encashment: everything its report prints, so a reprint is the same paper. */
    static String data(Encashment e) {
        Map<String, Integer> notes = new LinkedHashMap<>();
        for (Encashment.NoteCount n : e.notes()) {
            notes.put(Long.toString(n.note().minor()), n.count());
        }
        return AuditChain.data("number", e.number(), "kiosk", e.kioskId(), "through_cash_event", e.throughCashEvent(),
                "notes", notes, "total_minor", e.total().minor(), "open_credits_minor", e.openCredits().minor(),
                "by", e.by());
    }

    Encashment parse(Instant at, String dataJson) {
        try {
            JsonNode d = JSON.readTree(dataJson);
            List<Encashment.NoteCount> notes = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = d.path("notes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> n = it.next();
                notes.add(new Encashment.NoteCount(new Money(Long.parseLong(n.getKey()), currency), n.getValue().asInt()));
            }
            return new Encashment(d.path("number").asInt(), at, d.path("kiosk").asText(kioskId), notes,
                    new Money(d.path("total_minor").asLong(), currency),
                    new Money(d.path("open_credits_minor").asLong(), currency), d.path("through_cash_event").asLong(),
                    d.path("by").isNull() ? null : d.path("by").asText(null));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | NumberFormatException e) {
            throw new IllegalStateException("encashment audit row is not readable: " + dataJson, e);
        }
    }

    Money sum(List<Encashment.NoteCount> notes) {
        long total = 0;
        for (Encashment.NoteCount n : notes) {
            total = Math.addExact(total, n.amount().minor());
        }
        return new Money(total, currency);
    }

    /**
     * For journal verify: each encashment took the notes after the previous one up to its own row, numbered 1, 2, ...
     * with no gap, and states the count and total those rows give. An edited count or a deleted note shows here.
     */
    void check(Connection c, List<VerifyReport.Violation> v) throws SQLException {
        long after = 0;
        int expected = 1;
        try (PreparedStatement st = c.prepareStatement("SELECT seq, ts, data FROM audit WHERE kind = ? ORDER BY seq")) {
            st.setString(1, KIND);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String where = "encashment audit seq=" + rs.getLong(1);
                    Encashment e;
                    try {
                        e = parse(Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3));
                    } catch (IllegalStateException bad) {
                        v.add(new VerifyReport.Violation("encashment", where, bad.getMessage()));
                        continue;
                    }
                    if (e.number() != expected) {
                        v.add(new VerifyReport.Violation("encashment", where, "number " + e.number() + ", expected "
                                + expected));
                    }
                    if (e.throughCashEvent() < after) {
                        v.add(new VerifyReport.Violation("encashment", where, "takes cash rows up to "
                                + e.throughCashEvent() + ", before the previous encashment's " + after));
                    }
                    List<Encashment.NoteCount> actual = notesBetween(c, after, e.throughCashEvent());
                    if (!actual.equals(e.notes()) || !sum(actual).equals(e.total())) {
                        v.add(new VerifyReport.Violation("encashment", where, e.id() + " states " + e.noteCount()
                                + " notes " + e.total().plain() + " but the journal holds " + actual.stream()
                                .mapToInt(Encashment.NoteCount::count).sum() + " notes " + sum(actual).plain()
                                + " in its range"));
                    }
                    after = Math.max(after, e.throughCashEvent());
                    expected = e.number() + 1;
                }
            }
        }
    }

    /** The encashment of what {@link #count} finds, made at {@code now} by {@code by}, with its audit row. */
    Encashment encash(Connection c, Money openCredits, long now, String by, AuditChain audit) throws SQLException {
        Encashment counted = count(c, openCredits);
        Encashment done = new Encashment(counted.number(), Instant.ofEpochMilli(now), kioskId, counted.notes(),
                counted.total(), counted.openCredits(), counted.throughCashEvent(), by);
        audit.append(now, KIND, null, data(done));
        return done;
    }
}
