package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The repositories' SQL on the journal's connection: each statement is prepared once, on first use, and kept; its
 * parameters are bound in order (a null is SQL NULL, a boolean 0 or 1), then it runs as one update, one optional row
 * or all rows mapped. Used under the journal's lock only.
 */
final class Sql {

    /** One row of a result set as a value; reads the current row only. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Sql(Connection connection) {
        this.connection = connection;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
    int update(String sql, Object... params) throws SQLException {
        return update(statement(sql), params);
    }

    /** The first row the query gives, mapped; empty when it gives none. */
    <T> Optional<T> one(String sql, Row<T> row, Object... params) throws SQLException {
        return one(statement(sql), row, params);
    }

    /** Every row the query gives, mapped, in its order. */
    <T> List<T> list(String sql, Row<T> row, Object... params) throws SQLException {
        return list(statement(sql), row, params);
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement st = prepared.get(sql);
        if (st == null || !usable(st)) { // finalized by a write that failed (SQLITE_FULL): prepared again
            st = connection.prepareStatement(sql);
            prepared.put(sql, st);
        }
        return st;
    }

    /**
     * False when the driver has finalized the statement under us: a write that fails with SQLITE_FULL leaves its
     * statement so, and isClosed() does not say it. Clearing the parameters checks it, and changes nothing else.
     */
    static boolean usable(PreparedStatement st) {
        try {
            st.clearParameters();
            return !st.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    static PreparedStatement bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            int at = i + 1;
            Object p = params[i];
            if (p == null) {
                st.setNull(at, Types.VARCHAR);
            } else if (p instanceof String s) {
                st.setString(at, s);
            } else if (p instanceof Long l) {
                st.setLong(at, l);
            } else if (p instanceof Integer n) {
                st.setInt(at, n);
            } else if (p instanceof Boolean b) {
                st.setInt(at, b ? 1 : 0);
            } else {
                throw new IllegalArgumentException("no SQL binding for " + p.getClass().getName());
            }
        }
        return st;
    }

    static int update(PreparedStatement st, Object... params) throws SQLException {
        return bind(st, params).executeUpdate();
    }

    static <T> Optional<T> one(PreparedStatement st, Row<T> row, Object... params) throws SQLException {
        try (ResultSet rs = bind(st, params).executeQuery()) {
            return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
        }
    }

    static <T> List<T> list(PreparedStatement st, Row<T> row, Object... params) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = bind(st, params).executeQuery()) {
            while (rs.next()) {
                out.add(row.map(rs));
            }
        }
        return out;
    }
}
