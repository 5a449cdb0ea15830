-- Issue 13: fiscal receipts. Every payment the kiosk takes is registered on the fiscal register (54-FZ, 103-FZ) and
-- the fiscal attributes are journaled with the order before the customer's receipt prints. Four append-only tables;
-- no existing table changes. The register's own clock and numbers are kept as the register gave them.

-- 1. fiscal_modes: when fiscal registration was switched on ('shtrih') or off ('none'), one row per change, written at
--    start. `journal verify` checks fiscal documents only for orders opened while it was on.
CREATE TABLE fiscal_modes (
    id       INTEGER PRIMARY KEY,
    register TEXT    NOT NULL CHECK (register IN ('none', 'shtrih')),
    since    INTEGER NOT NULL
);

-- 2. fiscal_intents: a registration the kiosk is about to send, journaled BEFORE it is sent, with the receipt as sent
--    (JSON) so a restart can send the same receipt again, and the number of the register's last document before it, so
--    a restart can tell whether the register signed it. One per order and sign: a sale ('INCOME', "приход") and, at
--    the counter, its refund ('INCOME_RETURN', "возврат прихода").
CREATE TABLE fiscal_intents (
    id              INTEGER PRIMARY KEY,
    txn_id          TEXT    NOT NULL REFERENCES orders (txn_id),
    sign            TEXT    NOT NULL CHECK (sign IN ('INCOME', 'INCOME_RETURN')),
    sum_minor       INTEGER NOT NULL CHECK (sum_minor > 0),
    last_doc_before INTEGER NOT NULL CHECK (last_doc_before >= 0),
    receipt_json    TEXT    NOT NULL CHECK (length(receipt_json) > 0),
    created_at      INTEGER NOT NULL,
    UNIQUE (txn_id, sign)
);

-- 3. fiscal_documents: the document the fiscal storage signed for an intent: FN serial, document number (ФД), fiscal
--    sign (ФП), the register's date and time ('YYYY-MM-DDTHH:MM[:SS]', its own clock) and the sum. 'registered' when
--    the kiosk got the answer, 'adopted' when a restart found it as the register's last document.
CREATE TABLE fiscal_documents (
    id           INTEGER PRIMARY KEY,
    intent_id    INTEGER NOT NULL UNIQUE REFERENCES fiscal_intents (id),
    txn_id       TEXT    NOT NULL REFERENCES orders (txn_id),
    fn_serial    TEXT    NOT NULL CHECK (length(fn_serial) = 16 AND fn_serial NOT GLOB '*[^0-9]*'),
    doc_number   INTEGER NOT NULL CHECK (doc_number > 0),
    fiscal_sign  INTEGER NOT NULL CHECK (fiscal_sign >= 0 AND fiscal_sign <= 4294967295),
    doc_time     TEXT    NOT NULL CHECK (length(doc_time) >= 16),
    sum_minor    INTEGER NOT NULL CHECK (sum_minor > 0),
    shift_number INTEGER NOT NULL,
    how          TEXT    NOT NULL CHECK (how IN ('registered', 'adopted')),
    created_at   INTEGER NOT NULL,
    UNIQUE (fn_serial, doc_number)
);

-- 4. fiscal_failures: an intent the register refused (or never got) and that will not be sent again: its order was
--    cancelled into a credit voucher, so no money was taken without a receipt.
CREATE TABLE fiscal_failures (
    id         INTEGER PRIMARY KEY,
    intent_id  INTEGER NOT NULL UNIQUE REFERENCES fiscal_intents (id),
    reason     TEXT    NOT NULL CHECK (length(reason) > 0),
    created_at INTEGER NOT NULL
);

CREATE TRIGGER fiscal_modes_no_update BEFORE UPDATE ON fiscal_modes
BEGIN SELECT RAISE(ABORT, 'fiscal_modes is append-only'); END;
CREATE TRIGGER fiscal_modes_no_delete BEFORE DELETE ON fiscal_modes
BEGIN SELECT RAISE(ABORT, 'fiscal_modes is append-only'); END;
CREATE TRIGGER fiscal_intents_no_update BEFORE UPDATE ON fiscal_intents
BEGIN SELECT RAISE(ABORT, 'fiscal_intents is append-only'); END;
CREATE TRIGGER fiscal_intents_no_delete BEFORE DELETE ON fiscal_intents
BEGIN SELECT RAISE(ABORT, 'fiscal_intents is append-only'); END;
CREATE TRIGGER fiscal_documents_no_update BEFORE UPDATE ON fiscal_documents
BEGIN SELECT RAISE(ABORT, 'fiscal_documents is append-only'); END;
CREATE TRIGGER fiscal_documents_no_delete BEFORE DELETE ON fiscal_documents
BEGIN SELECT RAISE(ABORT, 'fiscal_documents is append-only'); END;
CREATE TRIGGER fiscal_failures_no_update BEFORE UPDATE ON fiscal_failures
BEGIN SELECT RAISE(ABORT, 'fiscal_failures is append-only'); END;
CREATE TRIGGER fiscal_failures_no_delete BEFORE DELETE ON fiscal_failures
BEGIN SELECT RAISE(ABORT, 'fiscal_failures is append-only'); END;
