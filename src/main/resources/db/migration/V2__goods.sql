-- e-PIN and eSIM sales (issue 7). Three changes:
--  1. An e-PIN or eSIM order has no customer number: orders.msisdn may be NULL, but only for those kinds.
--  2. An e-PIN has a fixed nominal and the kiosk gives no change: cash above the price leaves the order on a credit
--     voucher issued in the submit transaction. orders.change_minor is that part of the paid money and
--     orders.change_credit the voucher's code; the journal invariant counts cash + credit applied - change as the
--     money of a live order.
--  3. The goods: goods_claims (made at submit: the claim code printed on a pending receipt) and issued_goods (the PIN
--     or activation code, written in the same transaction as the confirmation). Both append-only.
--
-- SQLite cannot drop a NOT NULL or change a CHECK in place, so orders is rebuilt the documented way
-- (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"): create the new table,
-- copy, drop the old one, rename, recreate its indexes. Flyway migrates on a connection of its own without the
-- foreign_keys pragma, so the drop does not touch the rows of cash_events, customer_credits, credit_redemptions and
-- outbox that reference orders(txn_id); after the rename those references name the new table (they name it by text).
-- JournalMigrationTest migrates a V1 file with rows and runs PRAGMA foreign_key_check on the result.

CREATE TABLE orders_v2 (
    id                   INTEGER PRIMARY KEY,
    txn_id               TEXT    NOT NULL UNIQUE,
    kind                 TEXT    NOT NULL CHECK (length(kind) > 0),
    operator_id          TEXT    NOT NULL,
    msisdn               TEXT    CHECK (msisdn GLOB '+[0-9]*'),
    product_id           TEXT,
    status               TEXT    NOT NULL CHECK (status IN ('OPEN', 'PENDING', 'CONFIRMED', 'REFUSED', 'CANCELLED')),
    amount_minor         INTEGER NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
    fee_minor            INTEGER NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),
    cash_minor           INTEGER NOT NULL DEFAULT 0 CHECK (cash_minor >= 0),
    credit_applied_minor INTEGER NOT NULL DEFAULT 0 CHECK (credit_applied_minor >= 0),
    currency             TEXT    NOT NULL CHECK (length(currency) = 3),
    offline              INTEGER NOT NULL DEFAULT 0 CHECK (offline IN (0, 1)),
    carrier_ref          TEXT,
    refusal_code         TEXT,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    receipt_printed      INTEGER NOT NULL DEFAULT 0 CHECK (receipt_printed IN (0, 1)),
    change_minor         INTEGER NOT NULL DEFAULT 0 CHECK (change_minor >= 0),
    change_credit        TEXT REFERENCES customer_credits (code),
    -- Only goods are sold without a number; a change voucher exists exactly when there is change.
    CHECK (msisdn IS NOT NULL OR kind IN ('epin', 'esim')),
    CHECK ((change_minor = 0) = (change_credit IS NULL))
);

INSERT INTO orders_v2 (id, txn_id, kind, operator_id, msisdn, product_id, status, amount_minor, fee_minor, cash_minor,
                       credit_applied_minor, currency, offline, carrier_ref, refusal_code, created_at, updated_at,
                       receipt_printed)
SELECT id, txn_id, kind, operator_id, msisdn, product_id, status, amount_minor, fee_minor, cash_minor,
       credit_applied_minor, currency, offline, carrier_ref, refusal_code, created_at, updated_at, receipt_printed
FROM orders;

DROP TABLE orders;
ALTER TABLE orders_v2 RENAME TO orders;

CREATE INDEX orders_by_status ON orders (status, id);
-- One cash session at a time: a stacked note must never have two orders to choose from.
CREATE UNIQUE INDEX orders_one_open ON orders (status) WHERE status = 'OPEN';

-- The claim code of a submitted e-PIN or eSIM order: 14 digits ending in a Luhn digit, printed on its receipt while
-- the carrier has not answered, scanned later to get the goods. A bearer secret; one per order.
CREATE TABLE goods_claims (
    id         INTEGER PRIMARY KEY,
    txn_id     TEXT    NOT NULL UNIQUE REFERENCES orders (txn_id),
    kind       TEXT    NOT NULL CHECK (kind IN ('epin', 'esim')),
    claim_code TEXT    NOT NULL UNIQUE CHECK (length(claim_code) = 14 AND claim_code NOT GLOB '*[^0-9]*'),
    created_at INTEGER NOT NULL
);

-- What the carrier issued: secret is the PIN (e-PIN) or the SGP.22 activation code (eSIM), kept in full so a crash
-- after the carrier answered never loses what the customer paid for; logs and audit rows carry only a mask.
-- msisdn and iccid are the new eSIM's; expires_on (ISO date) the e-PIN's last day.
CREATE TABLE issued_goods (
    id         INTEGER PRIMARY KEY,
    txn_id     TEXT    NOT NULL UNIQUE REFERENCES orders (txn_id),
    kind       TEXT    NOT NULL CHECK (kind IN ('epin', 'esim')),
    secret     TEXT    NOT NULL CHECK (length(secret) > 0),
    serial     TEXT,
    msisdn     TEXT    CHECK (msisdn GLOB '+[0-9]*'),
    iccid      TEXT,
    expires_on TEXT,
    issued_at  INTEGER NOT NULL,
    CHECK (kind = 'epin' OR msisdn IS NOT NULL)
);

CREATE TRIGGER goods_claims_no_update BEFORE UPDATE ON goods_claims
BEGIN SELECT RAISE(ABORT, 'goods_claims is append-only'); END;
CREATE TRIGGER goods_claims_no_delete BEFORE DELETE ON goods_claims
BEGIN SELECT RAISE(ABORT, 'goods_claims is append-only'); END;

CREATE TRIGGER issued_goods_no_update BEFORE UPDATE ON issued_goods
BEGIN SELECT RAISE(ABORT, 'issued_goods is append-only'); END;
CREATE TRIGGER issued_goods_no_delete BEFORE DELETE ON issued_goods
BEGIN SELECT RAISE(ABORT, 'issued_goods is append-only'); END;
