package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.topupkiosk.domain.Msisdn;

/** The goods_claims and issued_goods tables (both append-only). Runs inside the caller's transaction. */
final class GoodsRepository {

    private final PreparedStatement insertClaim;
    private final PreparedStatement claimByCode;
    private final PreparedStatement claimByTxn;
    private final PreparedStatement insertIssued;
    private final PreparedStatement issuedByTxn;

    GoodsRepository(Connection c) throws SQLException {
        insertClaim = c.prepareStatement("INSERT INTO goods_claims (txn_id, kind, claim_code, created_at) "
                + "VALUES (?, ?, ?, ?)");
        claimByCode = c.prepareStatement("SELECT txn_id, kind, claim_code, created_at FROM goods_claims "
                + "WHERE claim_code = ?");
        claimByTxn = c.prepareStatement("SELECT txn_id, kind, claim_code, created_at FROM goods_claims WHERE txn_id = ?");
        insertIssued = c.prepareStatement("INSERT INTO issued_goods (txn_id, kind, secret, serial, msisdn, iccid, "
                + "expires_on, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        issuedByTxn = c.prepareStatement("SELECT kind, secret, serial, msisdn, iccid, expires_on FROM issued_goods "
                + "WHERE txn_id = ?");
    }

    void insertClaim(String txnId, String kind, String code, long now) throws SQLException {
        Sql.update(insertClaim, txnId, kind, code, now);
    }

    Optional<GoodsClaim> claimByCode(String code) throws SQLException {
        return Sql.one(claimByCode, GoodsRepository::claim, code);
    }

    Optional<GoodsClaim> claimByTxn(String txnId) throws SQLException {
        return Sql.one(claimByTxn, GoodsRepository::claim, txnId);
    }

    void insertIssued(String txnId, Goods g, long now) throws SQLException {
        Sql.update(insertIssued, txnId, g.kind(), g.secret(), g.serial(), g.msisdn() == null ? null : g.msisdn().e164(),
                g.iccid(), g.expiresOn() == null ? null : g.expiresOn().toString(), now);
    }

    Optional<Goods> issued(String txnId) throws SQLException {
        return Sql.one(issuedByTxn, rs -> {
            String msisdn = rs.getString(4);
            String expires = rs.getString(6);
            return new Goods(rs.getString(1), rs.getString(2), rs.getString(3),
                    msisdn == null ? null : new Msisdn(msisdn), rs.getString(5),
                    expires == null ? null : LocalDate.parse(expires));
        }, txnId);
    }

    private static GoodsClaim claim(ResultSet rs) throws SQLException {
        return new GoodsClaim(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }
}
