package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.topupkiosk.journal.VerifyReport.Violation;

/**
 * The file under the money rules: SQLite's {@code integrity_check}, and every append-only trigger the migrations
 * create (V1, V2) present with its own text, so a trigger dropped, or swapped for one that lets edits through, shows.
 */
final class SchemaCheck {

    /** The tables V1 and V2 make append-only: each has {@code <table>_no_update} and {@code <table>_no_delete}. */
    static final List<String> APPEND_ONLY = List.of("cash_events", "customer_credits", "credit_redemptions", "refunds",
            "audit", "goods_claims", "issued_goods", "osmp_txn_prefixes", "osmp_txn_ids", "fiscal_modes",
            "fiscal_intents", "fiscal_documents", "fiscal_failures", "fleet_commands");

    private SchemaCheck() {}

    static void check(Connection c, List<Violation> v) throws SQLException {
        for (String problem : JournalFile.pragmaProblems(c, "integrity_check")) {
            v.add(new Violation("integrity", "journal file", "SQLite integrity_check: " + problem));
        }
        Map<String, String> triggers = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
            while (rs.next()) {
                triggers.put(rs.getString(1), rs.getString(2));
            }
        }
        for (String table : APPEND_ONLY) {
            for (String op : List.of("update", "delete")) {
                String name = table + "_no_" + op;
                String sql = triggers.get(name);
                String where = "trigger " + name + " on " + table;
                if (sql == null) {
                    v.add(new Violation("trigger_missing", where, "dropped: " + table + " can be edited or deleted "
                            + "without an error"));
                } else if (!normal(sql).equals(normal("CREATE TRIGGER " + name + " BEFORE " + op.toUpperCase(Locale.ROOT)
                        + " ON " + table + " BEGIN SELECT RAISE(ABORT, '" + table + " is append-only'); END"))) {
                    v.add(new Violation("trigger_changed", where, "is not the migration's trigger: " + sql));
                }
            }
        }
    }

    private static String normal(String sql) {
        return sql.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
