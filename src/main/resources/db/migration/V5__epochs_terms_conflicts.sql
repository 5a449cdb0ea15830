-- Issue 12, items 4 and 6. Three new append-only tables; no existing table is rebuilt.
--
-- 1. journal_epochs: a random 48-bit epoch (12 lowercase hex digits) drawn by each life of the kiosk (each opening of
--    the journal) before its first transaction id, and written into every id it makes: <kiosk>-<epoch>-<sequence>. A
--    journal restored from a backup, or recreated, reissues sequence numbers the carrier has seen, but never under an
--    epoch it has seen, so its ids do not collide with the carrier's ledger. Independent of the wall clock and of the
--    journal file. UNIQUE: a drawn epoch this journal already used is drawn again.
CREATE TABLE journal_epochs (
    seq        INTEGER PRIMARY KEY,
    epoch      TEXT    NOT NULL UNIQUE CHECK (length(epoch) = 12 AND epoch NOT GLOB '*[^0-9a-f]*'),
    started_at INTEGER NOT NULL
);

-- 2. outbox_conflicts: the carrier answered that it already holds this txn id for another payment (HTTP 409
--    txn-conflict). An alarm, not an unknown outcome: the outbox stops sending the payment (its row stays PENDING and
--    the order keeps its money) until a technician reconciles it. One row per payment.
CREATE TABLE outbox_conflicts (
    id       INTEGER PRIMARY KEY,
    txn_id   TEXT    NOT NULL UNIQUE REFERENCES outbox (txn_id),
    code     TEXT    NOT NULL,
    detail   TEXT,
    ts       INTEGER NOT NULL
);

-- 3. order_terms: what a package, e-PIN or eSIM order was opened for, written in the transaction that opens it: the
--    product's price and the product as the carrier described it (JSON), so an order resumed after a restart keeps
--    its price and product instead of the carrier's catalog of the moment.
CREATE TABLE order_terms (
    id           INTEGER PRIMARY KEY,
    txn_id       TEXT    NOT NULL UNIQUE REFERENCES orders (txn_id),
    price_minor  INTEGER NOT NULL CHECK (price_minor > 0),
    currency     TEXT    NOT NULL CHECK (length(currency) = 3),
    product_json TEXT    NOT NULL CHECK (length(product_json) > 0),
    created_at   INTEGER NOT NULL
);

CREATE TRIGGER journal_epochs_no_update BEFORE UPDATE ON journal_epochs
BEGIN SELECT RAISE(ABORT, 'journal_epochs is append-only'); END;
CREATE TRIGGER journal_epochs_no_delete BEFORE DELETE ON journal_epochs
BEGIN SELECT RAISE(ABORT, 'journal_epochs is append-only'); END;

CREATE TRIGGER outbox_conflicts_no_update BEFORE UPDATE ON outbox_conflicts
BEGIN SELECT RAISE(ABORT, 'outbox_conflicts is append-only'); END;
CREATE TRIGGER outbox_conflicts_no_delete BEFORE DELETE ON outbox_conflicts
BEGIN SELECT RAISE(ABORT, 'outbox_conflicts is append-only'); END;

CREATE TRIGGER order_terms_no_update BEFORE UPDATE ON order_terms
BEGIN SELECT RAISE(ABORT, 'order_terms is append-only'); END;
CREATE TRIGGER order_terms_no_delete BEFORE DELETE ON order_terms
BEGIN SELECT RAISE(ABORT, 'order_terms is append-only'); END;
