package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.topupkiosk.domain.Money;

/**
 * Customer credits, their redemptions and refunds: all three append-only. A credit is open while no redemption names
 * its code; a redemption either moves the credit into an order or pays it out as a refund.
 */
final class CreditRepository {

    private static final String COLUMNS = "code, amount_minor, currency, source_txn, issued_at, reason";

    private final CreditCodes codes;

    private final Sql sql;

    CreditRepository(Connection c, CreditCodes codes) {
        this.codes = codes;
        sql = new Sql(c);
    }

    CustomerCredit issue(Money amount, String sourceTxn, String sourceNoteId, String reason, long now)
            throws SQLException {
        // 10^11 codes: a collision is rare, but a voucher must never share a code, so draw again if one happens.
        for (int attempt = 0; ; attempt++) {
            String code = codes.next();
            if (find(code).isPresent()) {
                if (attempt > 10) {
                    throw new IllegalStateException("cannot draw a free credit code after " + attempt + " tries");
                }
                continue;
            }
            sql.update("INSERT INTO customer_credits (code, amount_minor, currency, source_txn, source_note_id, "
                    + "issued_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", code, amount.minor(), amount.currency(),
                    sourceTxn, sourceNoteId, now, reason);
            return new CustomerCredit(code, amount, sourceTxn, Instant.ofEpochMilli(now), reason);
        }
    }

    Optional<CustomerCredit> find(String code) throws SQLException {
        return sql.one("SELECT " + COLUMNS + " FROM customer_credits WHERE code = ?", CreditRepository::map, code);
    }

    Optional<CustomerCredit> findBySourceTxn(String txnId) throws SQLException {
        return sql.one("SELECT " + COLUMNS + " FROM customer_credits WHERE source_txn = ?", CreditRepository::map,
                txnId);
    }

    Optional<CustomerCredit> findBySourceNote(String noteId) throws SQLException {
        return sql.one("SELECT " + COLUMNS + " FROM customer_credits WHERE source_note_id = ?", CreditRepository::map,
                noteId);
    }

    /** Where the credit went: the order's txn id, "refund", or empty while it is open. */
    Optional<String> redeemedInto(String code) throws SQLException {
        return sql.one("SELECT coalesce(txn_id, 'refund') FROM credit_redemptions WHERE code = ?",
                rs -> rs.getString(1), code);
    }

    void redeem(String code, String txnId, long now) throws SQLException {
        sql.update("INSERT INTO credit_redemptions (code, txn_id, ts) VALUES (?, ?, ?)", code, txnId, now);
    }

    void recordRefund(Money amount, String txnId, String creditCode, String reason, long now) throws SQLException {
        sql.update("INSERT INTO refunds (amount_minor, currency, txn_id, credit_code, reason, ts) VALUES (?, ?, ?, ?, "
                + "?, ?)", amount.minor(), amount.currency(), txnId, creditCode, reason, now);
    }

    List<CustomerCredit> open() throws SQLException {
        return sql.list("SELECT " + COLUMNS + " FROM customer_credits cc WHERE NOT EXISTS (SELECT 1 FROM "
                + "credit_redemptions r WHERE r.code = cc.code) ORDER BY cc.id", CreditRepository::map);
    }

    /** Open credits the customer holds no paper for (see {@link ClaimPaper}), oldest first. */
    List<CustomerCredit> openNotOnPaper() throws SQLException {
        return sql.list("SELECT " + COLUMNS + " FROM customer_credits cc WHERE NOT EXISTS (SELECT 1 FROM "
                + "credit_redemptions r WHERE r.code = cc.code) AND NOT " + ClaimPaper.CREDIT_ON_PAPER
                + " ORDER BY cc.id", CreditRepository::map);
    }

    /** Is this credit on paper the customer holds (see {@link ClaimPaper})? */
    boolean onPaper(String code) throws SQLException {
        return sql.one("SELECT 1 FROM customer_credits cc WHERE cc.code = ? AND " + ClaimPaper.CREDIT_ON_PAPER,
                rs -> true, code).isPresent();
    }

    private static CustomerCredit map(ResultSet rs) throws SQLException {
        return new CustomerCredit(rs.getString("code"), new Money(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getString("source_txn"), Instant.ofEpochMilli(rs.getLong("issued_at")), rs.getString("reason"));
    }
}
