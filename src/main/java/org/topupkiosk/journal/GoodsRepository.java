package org.topupkiosk.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.topupkiosk.domain.Msisdn;

/** The goods_claims and issued_goods tables (both append-only). Runs inside the caller's transaction. */
final class GoodsRepository {

    private final Sql sql;

    GoodsRepository(Connection c) {
        sql = new Sql(c);
    }

    void insertClaim(String txnId, String kind, String code, long now) throws SQLException {
        sql.update("INSERT INTO goods_claims (txn_id, kind, claim_code, created_at) VALUES (?, ?, ?, ?)", txnId, kind,
                code, now);
    }

    Optional<GoodsClaim> claimByCode(String code) throws SQLException {
        return sql.one("SELECT txn_id, kind, claim_code, created_at FROM goods_claims WHERE claim_code = ?",
                GoodsRepository::claim, code);
    }

    Optional<GoodsClaim> claimByTxn(String txnId) throws SQLException {
        return sql.one("SELECT txn_id, kind, claim_code, created_at FROM goods_claims WHERE txn_id = ?",
                GoodsRepository::claim, txnId);
    }

    void insertIssued(String txnId, Goods g, long now) throws SQLException {
        sql.update("INSERT INTO issued_goods (txn_id, kind, secret, serial, msisdn, iccid, expires_on, issued_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", txnId, g.kind(), g.secret(), g.serial(),
                g.msisdn() == null ? null : g.msisdn().e164(),
                g.iccid(), g.expiresOn() == null ? null : g.expiresOn().toString(), now);
    }

    Optional<Goods> issued(String txnId) throws SQLException {
        return sql.one("SELECT kind, secret, serial, msisdn, iccid, expires_on FROM issued_goods WHERE txn_id = ?",
                rs -> {
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
