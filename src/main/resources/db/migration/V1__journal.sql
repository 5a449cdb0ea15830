-- The money journal. Every time column (*_at, ts) holds epoch milliseconds UTC, so comparisons are plain integers.
-- Money columns (*_minor) hold minor units (kopecks) of the row's currency.

-- Named counters; 'txn_seq' makes transaction ids. A counter only ever grows, so an id is never reused.
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('txn_seq', 0);

CREATE TABLE orders (
    id                   INTEGER PRIMARY KEY,
    txn_id               TEXT    NOT NULL UNIQUE,
    kind                 TEXT    NOT NULL CHECK (length(kind) > 0),
    operator_id          TEXT    NOT NULL,
    msisdn               TEXT    NOT NULL CHECK (msisdn GLOB '+[0-9]*'),
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
    receipt_printed      INTEGER NOT NULL DEFAULT 0 CHECK (receipt_printed IN (0, 1))
);
CREATE INDEX orders_by_status ON orders (status, id);
-- One cash session at a time: a stacked note must never have two orders to choose from.
CREATE UNIQUE INDEX orders_one_open ON orders (status) WHERE status = 'OPEN';

CREATE TABLE cash_events (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('stacked')),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency     TEXT    NOT NULL,
    note_id      TEXT    NOT NULL UNIQUE,
    txn_id       TEXT REFERENCES orders (txn_id),
    ts           INTEGER NOT NULL
);
CREATE INDEX cash_events_by_txn ON cash_events (txn_id);

-- A credit voucher. It is open while no credit_redemptions row names its code.
CREATE TABLE customer_credits (
    id             INTEGER PRIMARY KEY,
    code           TEXT    NOT NULL UNIQUE,
    amount_minor   INTEGER NOT NULL CHECK (amount_minor > 0),
    currency       TEXT    NOT NULL,
    source_txn     TEXT REFERENCES orders (txn_id),
    source_note_id TEXT REFERENCES cash_events (note_id),
    issued_at      INTEGER NOT NULL,
    reason         TEXT    NOT NULL
);
-- An order is cancelled or refused once, and a note in the stacker at power-up is credited once.
CREATE UNIQUE INDEX customer_credits_one_per_txn ON customer_credits (source_txn) WHERE source_txn IS NOT NULL;
CREATE UNIQUE INDEX customer_credits_one_per_note ON customer_credits (source_note_id) WHERE source_note_id IS NOT NULL;

-- txn_id is the order the credit went into; NULL when the credit was paid out as a refund instead.
CREATE TABLE credit_redemptions (
    id        INTEGER PRIMARY KEY,
    code      TEXT    NOT NULL UNIQUE REFERENCES customer_credits (code),
    txn_id    TEXT REFERENCES orders (txn_id),
    ts        INTEGER NOT NULL
);

CREATE TABLE refunds (
    id           INTEGER PRIMARY KEY,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency     TEXT    NOT NULL,
    txn_id       TEXT,
    credit_code  TEXT REFERENCES customer_credits (code),
    reason       TEXT    NOT NULL,
    ts           INTEGER NOT NULL
);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    txn_id          TEXT    NOT NULL UNIQUE REFERENCES orders (txn_id),
    payload         TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('PENDING', 'DONE')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    done_at         INTEGER
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE receipts (
    id         INTEGER PRIMARY KEY,
    receipt_id TEXT    NOT NULL UNIQUE,
    txn_id     TEXT,
    kind       TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    printed    INTEGER NOT NULL DEFAULT 0 CHECK (printed IN (0, 1)),
    created_at INTEGER NOT NULL,
    printed_at INTEGER
);
CREATE INDEX receipts_unprinted ON receipts (printed, id);

-- hash = SHA-256 hex over prev_hash and the row's canonical fields (see AuditChain); the first row's prev_hash is
-- 64 zeros.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    ts        INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    txn_id    TEXT,
    data      TEXT    NOT NULL,
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL
);

-- Money events and the audit chain are append-only: a correction is a new row, never an edit.
CREATE TRIGGER cash_events_no_update BEFORE UPDATE ON cash_events
BEGIN SELECT RAISE(ABORT, 'cash_events is append-only'); END;
CREATE TRIGGER cash_events_no_delete BEFORE DELETE ON cash_events
BEGIN SELECT RAISE(ABORT, 'cash_events is append-only'); END;

CREATE TRIGGER customer_credits_no_update BEFORE UPDATE ON customer_credits
BEGIN SELECT RAISE(ABORT, 'customer_credits is append-only'); END;
CREATE TRIGGER customer_credits_no_delete BEFORE DELETE ON customer_credits
BEGIN SELECT RAISE(ABORT, 'customer_credits is append-only'); END;

CREATE TRIGGER credit_redemptions_no_update BEFORE UPDATE ON credit_redemptions
BEGIN SELECT RAISE(ABORT, 'credit_redemptions is append-only'); END;
CREATE TRIGGER credit_redemptions_no_delete BEFORE DELETE ON credit_redemptions
BEGIN SELECT RAISE(ABORT, 'credit_redemptions is append-only'); END;

CREATE TRIGGER refunds_no_update BEFORE UPDATE ON refunds
BEGIN SELECT RAISE(ABORT, 'refunds is append-only'); END;
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
BEGIN SELECT RAISE(ABORT, 'refunds is append-only'); END;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
