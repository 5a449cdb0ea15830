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
        insertClaim.setString(1, txnId);
        insertClaim.setString(2, kind);
        insertClaim.setString(3, code);
        insertClaim.setLong(4, now);
        insertClaim.executeUpdate();
    }

    Optional<GoodsClaim> claimByCode(String code) throws SQLException {
        claimByCode.setString(1, code);
        return claim(claimByCode);
    }

    Optional<GoodsClaim> claimByTxn(String txnId) throws SQLException {
        claimByTxn.setString(1, txnId);
        return claim(claimByTxn);
    }

    void insertIssued(String txnId, Goods g, long now) throws SQLException {
        insertIssued.setString(1, txnId);
        insertIssued.setString(2, g.kind());
        insertIssued.setString(3, g.secret());
        OrderRepository.setNullable(insertIssued, 4, g.serial());
        OrderRepository.setNullable(insertIssued, 5, g.msisdn() == null ? null : g.msisdn().e164());
        OrderRepository.setNullable(insertIssued, 6, g.iccid());
        OrderRepository.setNullable(insertIssued, 7, g.expiresOn() == null ? null : g.expiresOn().toString());
        insertIssued.setLong(8, now);
        insertIssued.executeUpdate();
    }

    Optional<Goods> issued(String txnId) throws SQLException {
        issuedByTxn.setString(1, txnId);
        try (ResultSet rs = issuedByTxn.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String msisdn = rs.getString(4);
            String expires = rs.getString(6);
            return Optional.of(new Goods(rs.getString(1), rs.getString(2), rs.getString(3),
                    msisdn == null ? null : new Msisdn(msisdn), rs.getString(5),
                    expires == null ? null : LocalDate.parse(expires)));
        }
    }

    private static Optional<GoodsClaim> claim(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(new GoodsClaim(rs.getString(1), rs.getString(2), rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4)))) : Optional.empty();
        }
    }
}
