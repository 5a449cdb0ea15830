package org.topupkiosk.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.domain.Money;

/**
 * Counter shifts as audit rows: {@value #OPENED} starts shift n, {@value #CLOSED} ends it with its Z totals, and every
 * counter sale's cash row ({@value #COUNTER_CASH}) names its shift. The totals are always computed from those rows and
 * the orders they name, so an X report, a Z report and the journal cannot disagree; verify recomputes each Z.
 */
record Shifts(String currency, Clock clock, AuditChain audit) {

    static final String OPENED = "shift_opened";
    static final String CLOSED = "shift_closed";
    static final String COUNTER_CASH = "counter_cash";
    /** The refund reason of a counter sale whose payment the carrier refused: the cashier hands the cash back. */
    static final String RETURNED = "counter: cash returned to the customer";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Opens shift n+1 for this cashier with its {@value #OPENED} row; refused while a shift is open. */
    Shift openNext(Connection c, String cashierId) throws SQLException {
        Optional<Shift> latest = latest(c);
        if (latest.isPresent() && latest.get().open()) {
            throw new IllegalStateException("shift " + latest.get().number() + " is still open; close it (Z) first");
        }
        int number = latest.map(Shift::number).orElse(0) + 1;
        long now = clock.millis();
        audit.append(now, OPENED, null, AuditChain.data("shift", number, "cashier", cashierId));
        return open(c).orElseThrow();
    }

    /** Closes the open shift: its Z totals are computed, journaled in a {@value #CLOSED} row and returned. */
    Shift close(Connection c, String cashierId) throws SQLException {
        Shift open = open(c).orElseThrow(() -> new IllegalStateException("no shift is open"));
        long now = clock.millis();
        Shift z = totals(c, open.number(), open.cashierId(), open.openedAt(), Instant.ofEpochMilli(now));
        audit.append(now, CLOSED, null, closedData(z, cashierId));
        return z;
    }

    /** The newest shift's opening row, whether or not it was closed since. */
    Optional<Shift> latest(Connection c) throws SQLException {
        Optional<AuditEntry> row = AuditChain.latest(c, OPENED);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        JsonNode d = json(row.get().dataJson());
        int number = d.path("shift").asInt();
        Optional<Instant> closed = closedAt(c, number);
        return Optional.of(totals(c, number, d.path("cashier").asText(), row.get().at(), closed.orElse(null)));
    }

    Optional<Shift> open(Connection c) throws SQLException {
        return latest(c).filter(Shift::open);
    }

    private Optional<Instant> closedAt(Connection c, int number) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT ts FROM audit WHERE kind = ? "
                + "AND json_extract(data, '$.shift') = ? ORDER BY seq LIMIT 1")) {
            st.setString(1, CLOSED);
            st.setInt(2, number);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        }
    }

    /** Totals of shift {@code number} from its counter cash rows and their orders, refunds included. */
    Shift totals(Connection c, int number, String cashierId, Instant openedAt, Instant closedAt) throws SQLException {
        long[] cash = twoFigures(c, "SELECT coalesce(sum(json_extract(data, '$.received_minor')), 0),"
                + " coalesce(sum(json_extract(data, '$.change_minor')), 0) FROM audit WHERE kind = ? "
                + "AND json_extract(data, '$.shift') = ?", COUNTER_CASH, number);
        long received = cash[0];
        long change = cash[1];
        String txns = "SELECT txn_id FROM audit WHERE kind = '" + COUNTER_CASH + "' AND json_extract(data, '$.shift') = ?";
        int sales = 0;
        int pending = 0;
        long amount = 0;
        long fees = 0;
        List<Shift.OperatorSales> byOperator = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT operator_id, count(*), sum(amount_minor), sum(fee_minor), "
                + "sum(status = 'PENDING') FROM orders WHERE status IN ('PENDING', 'CONFIRMED') AND txn_id IN (" + txns
                + ") GROUP BY operator_id ORDER BY operator_id")) {
            st.setInt(1, number);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byOperator.add(new Shift.OperatorSales(rs.getString(1), rs.getInt(2), money(rs.getLong(3))));
                    sales += rs.getInt(2);
                    amount += rs.getLong(3);
                    fees += rs.getLong(4);
                    pending += rs.getInt(5);
                }
            }
        }
        long[] back = twoFigures(c, "SELECT count(*), coalesce(sum(amount_minor), 0) FROM refunds "
                + "WHERE reason = ? AND txn_id IN (" + txns + ")", RETURNED, number);
        int returns = (int) back[0];
        long returned = back[1];
        return new Shift(number, cashierId, openedAt, closedAt, sales, money(amount), money(fees), money(received),
                money(change), money(returned), returns, pending, byOperator);
    }

    /** The two figures of a one-row query bound to a text (an audit kind, a refund reason) and a shift number. */
    private static long[] twoFigures(Connection c, String sql, String text, int shift) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, text);
            st.setInt(2, shift);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** The Z figures as the {@value #CLOSED} row stores them. */
    static String closedData(Shift z, String closedBy) {
        return AuditChain.data("shift", z.number(), "cashier", z.cashierId(), "closed_by", closedBy, "sales", z.sales(),
                "amount_minor", z.amount().minor(), "fee_minor", z.fees().minor(), "received_minor", z.received().minor(),
                "change_minor", z.change().minor(), "returned_minor", z.returned().minor(), "returns", z.returns(),
                "pending", z.pending());
    }

    /**
     * For journal verify: shifts are numbered 1, 2, ... and each opens after the previous closed; each Z row states
     * cash its shift's sale rows give (received and change never change; a payment refused after the Z does move a sale
     * out of the sales count, so that is not compared).
     */
    void check(Connection c, List<VerifyReport.Violation> v) throws SQLException {
        int expected = 1;
        boolean open = false;
        try (PreparedStatement st = c.prepareStatement("SELECT seq, ts, kind, data FROM audit WHERE kind IN (?, ?) "
                + "ORDER BY seq")) {
            st.setString(1, OPENED);
            st.setString(2, CLOSED);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String where = "shift audit seq=" + rs.getLong(1);
                    JsonNode d = json(rs.getString(4));
                    int n = d.path("shift").asInt();
                    if (OPENED.equals(rs.getString(3))) {
                        if (open || n != expected) {
                            v.add(new VerifyReport.Violation("shift", where, "shift " + n + " opened; expected shift "
                                    + expected + (open ? " to close first" : "")));
                        }
                        open = true;
                        continue;
                    }
                    if (!open || n != expected) {
                        v.add(new VerifyReport.Violation("shift", where, "shift " + n + " closed but it is not the open"
                                + " shift " + expected));
                    }
                    Shift now = totals(c, n, d.path("cashier").asText(), null, null);
                    if (now.received().minor() != d.path("received_minor").asLong()
                            || now.change().minor() != d.path("change_minor").asLong()) {
                        v.add(new VerifyReport.Violation("shift", where, "Z report of shift " + n + " states received "
                                + money(d.path("received_minor").asLong()).plain() + " change "
                                + money(d.path("change_minor").asLong()).plain() + " but its sales' cash rows give "
                                + now.received().plain() + " " + now.change().plain()));
                    }
                    open = false;
                    expected = n + 1;
                }
            }
        }
    }

    private Money money(long minor) {
        return new Money(minor, currency);
    }

    private static JsonNode json(String data) {
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shift audit row is not JSON: " + data, e);
        }
    }
}
