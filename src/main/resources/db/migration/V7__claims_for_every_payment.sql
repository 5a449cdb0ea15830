-- Issue 12 item 2: every payment whose outcome may not be known when the customer leaves gets a claim code, not only
-- e-PIN and eSIM orders. A top-up or package submitted to the outbox gets one in its submit transaction; it is printed
-- on the pending receipt (the carrier did not answer within the submit wait, or the sale was made offline), and
-- scanned later it shows the outcome, or gives the credit voucher of a refusal that came after the customer left.
-- That pending receipt, stored in receipts with txn_id = the order's txn id, is the paper through which such a credit
-- reaches the customer (see ClaimPaper in the journal package).
--
-- goods_claims.kind was limited to 'epin' and 'esim'. SQLite cannot change a CHECK in place, so the table is rebuilt the
-- documented way (https://www.sqlite.org/lang_altertable.html): create, copy, drop, rename; the append-only triggers,
-- dropped with the old table, are made again under the same names. Nothing references goods_claims.

CREATE TABLE goods_claims_v7 (
    id         INTEGER PRIMARY KEY,
    txn_id     TEXT    NOT NULL UNIQUE REFERENCES orders (txn_id),
    kind       TEXT    NOT NULL CHECK (kind IN ('epin', 'esim', 'topup', 'package')),
    claim_code TEXT    NOT NULL UNIQUE CHECK (length(claim_code) = 14 AND claim_code NOT GLOB '*[^0-9]*'),
    created_at INTEGER NOT NULL
);

INSERT INTO goods_claims_v7 (id, txn_id, kind, claim_code, created_at)
SELECT id, txn_id, kind, claim_code, created_at FROM goods_claims;

DROP TABLE goods_claims;
ALTER TABLE goods_claims_v7 RENAME TO goods_claims;

CREATE TRIGGER goods_claims_no_update BEFORE UPDATE ON goods_claims
BEGIN SELECT RAISE(ABORT, 'goods_claims is append-only'); END;
CREATE TRIGGER goods_claims_no_delete BEFORE DELETE ON goods_claims
BEGIN SELECT RAISE(ABORT, 'goods_claims is append-only'); END;
