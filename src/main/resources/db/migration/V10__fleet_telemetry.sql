-- Issue 15: the fleet. Telemetry for the office goes through an outbox here, so nothing is lost while the broker or
-- the network is away, and remote commands already seen are remembered across restarts. No existing table changes.

-- 1. telemetry_stream: one row, made when the fleet agent first runs on this journal: a random tag that goes into
--    every event id (so a kiosk with a new journal never repeats an old id), and the audit row the agent has turned
--    into events up to (it starts at the chain's head then: events from that moment on).
CREATE TABLE telemetry_stream (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    tag       TEXT    NOT NULL CHECK (length(tag) BETWEEN 4 AND 16),
    audit_seq INTEGER NOT NULL CHECK (audit_seq >= 0),
    since     INTEGER NOT NULL
);

-- 2. telemetry_events: one event for the office, journaled BEFORE it is published, with its id made once
--    ('<kiosk>:<tag>:<seq>'); sent_at is set only when the broker acknowledged the QoS 1 publish. audit_seq names the
--    audit row it was made from (payments, encashments, door, cash box, commands), null for a device reading.
CREATE TABLE telemetry_events (
    seq        INTEGER PRIMARY KEY,
    event_id   TEXT    NOT NULL UNIQUE CHECK (length(event_id) BETWEEN 1 AND 128),
    kind       TEXT    NOT NULL CHECK (length(kind) > 0),
    at         INTEGER NOT NULL,
    data       TEXT    NOT NULL,
    audit_seq  INTEGER UNIQUE,
    created_at INTEGER NOT NULL,
    sent_at    INTEGER
);
CREATE INDEX telemetry_events_unsent ON telemetry_events (seq) WHERE sent_at IS NULL;

-- 3. fleet_commands: every signed command id the kiosk has seen, so a replay is refused after a restart too.
CREATE TABLE fleet_commands (
    command_id TEXT    PRIMARY KEY CHECK (length(command_id) BETWEEN 1 AND 128),
    type       TEXT    NOT NULL,
    seen_at    INTEGER NOT NULL
);

CREATE TRIGGER fleet_commands_no_update BEFORE UPDATE ON fleet_commands
BEGIN SELECT RAISE(ABORT, 'fleet_commands is append-only'); END;
CREATE TRIGGER fleet_commands_no_delete BEFORE DELETE ON fleet_commands
BEGIN SELECT RAISE(ABORT, 'fleet_commands is append-only'); END;
