-- Issue 17: numeric transaction ids, for carrier protocols whose txn_id is a number (OSMP: up to 20 digits).
--
-- Each order's numeric id is made once, in the transaction that opens the order, and never changes: the outbox sends
-- it with every attempt, and an OSMP provider answers a repeat with the first answer. It follows the rule of the text
-- ids (<kiosk>-<epoch>-<sequence>, V5): a prefix drawn at random by each life of the kiosk, then a sequence, so even a
-- journal restored from a backup (whose sequence is older) never hands out an id the provider has seen.
--
-- 1. osmp_txn_prefixes: 13 random digits, the first 1-8, drawn by a life before its first numeric id, and again after
--    999,999 ids. UNIQUE: a prefix this journal has used is drawn again.
-- 2. osmp_txn_ids: the order's numeric id, prefix + 6-digit sequence = 19 digits, at least 10^18 and below 9*10^18,
--    so it fits a signed 64-bit integer at the provider too. UNIQUE, one per order.
-- Both are append-only.

CREATE TABLE osmp_txn_prefixes (
    prefix   TEXT    PRIMARY KEY CHECK (length(prefix) = 13 AND prefix GLOB '[1-8]*' AND prefix NOT GLOB '*[^0-9]*'),
    drawn_at INTEGER NOT NULL
);

CREATE TABLE osmp_txn_ids (
    txn_id     TEXT    PRIMARY KEY REFERENCES orders (txn_id),
    numeric_id TEXT    NOT NULL UNIQUE CHECK (length(numeric_id) = 19 AND numeric_id GLOB '[1-8]*'
                                              AND numeric_id NOT GLOB '*[^0-9]*'),
    created_at INTEGER NOT NULL
);

CREATE TRIGGER osmp_txn_prefixes_no_update BEFORE UPDATE ON osmp_txn_prefixes
BEGIN SELECT RAISE(ABORT, 'osmp_txn_prefixes is append-only'); END;
CREATE TRIGGER osmp_txn_prefixes_no_delete BEFORE DELETE ON osmp_txn_prefixes
BEGIN SELECT RAISE(ABORT, 'osmp_txn_prefixes is append-only'); END;
CREATE TRIGGER osmp_txn_ids_no_update BEFORE UPDATE ON osmp_txn_ids
BEGIN SELECT RAISE(ABORT, 'osmp_txn_ids is append-only'); END;
CREATE TRIGGER osmp_txn_ids_no_delete BEFORE DELETE ON osmp_txn_ids
BEGIN SELECT RAISE(ABORT, 'osmp_txn_ids is append-only'); END;
