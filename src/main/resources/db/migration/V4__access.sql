-- Secrets and access (issue 12, item 12). Two tables:
--  1. pin_gates: the PIN lockout of the service menu and of each counter cashier, kept here so a restart does not
--     clear it. One row per gate ('service', 'cashier:<id>'), rewritten on each attempt (a counter row, not a log: the
--     log of every attempt is the audit chain, written in the same transaction). failures counts wrong PINs since the
--     last lockout or correct PIN; lockouts counts lockouts since the last correct PIN and sets the next lockout's
--     length (5 min, 30 min, 2 h, 8 h, then 24 h); locked_until is epoch milliseconds (0: not locked).
--  2. service_numbers: the full number of a scratch-card redemption or auto top-up request, by the id its "sent" audit
--     row carries. The audit chain keeps only masked numbers; "My payments" finds a number's requests here, as it finds
--     its cash orders by orders.msisdn. Append-only; a retry under the same id adds nothing.

CREATE TABLE pin_gates (
    gate         TEXT    PRIMARY KEY CHECK (length(gate) > 0),
    failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    lockouts     INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
    locked_until INTEGER NOT NULL DEFAULT 0 CHECK (locked_until >= 0),
    updated_at   INTEGER NOT NULL
);

CREATE TABLE service_numbers (
    ref        TEXT    PRIMARY KEY CHECK (length(ref) > 0),
    kind       TEXT    NOT NULL CHECK (length(kind) > 0),
    msisdn     TEXT    NOT NULL CHECK (msisdn GLOB '+[0-9]*'),
    created_at INTEGER NOT NULL
);
CREATE INDEX service_numbers_by_msisdn ON service_numbers (msisdn, created_at);

CREATE TRIGGER service_numbers_no_update BEFORE UPDATE ON service_numbers
BEGIN SELECT RAISE(ABORT, 'service_numbers is append-only'); END;
CREATE TRIGGER service_numbers_no_delete BEFORE DELETE ON service_numbers
BEGIN SELECT RAISE(ABORT, 'service_numbers is append-only'); END;
