-- Talon schema for SQLite. Times are UTC milliseconds (INTEGER); domain objects are kept
-- whole as JSON in `data`, with the columns queries filter on beside it.

CREATE TABLE offices (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    data TEXT NOT NULL
);

CREATE TABLE topics (
    id        INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES offices(id),
    prefix    TEXT NOT NULL,
    data      TEXT NOT NULL
);
CREATE INDEX topics_office ON topics(office_id);

CREATE TABLE windows (
    id        INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES offices(id),
    data      TEXT NOT NULL
);
CREATE INDEX windows_office ON windows(office_id);

CREATE TABLE tickets (
    id              TEXT PRIMARY KEY,
    office_id       INTEGER NOT NULL REFERENCES offices(id),
    service_day     TEXT NOT NULL,
    prefix          TEXT NOT NULL,
    number          INTEGER NOT NULL,
    label           TEXT NOT NULL,
    status          TEXT NOT NULL,
    public_code     TEXT NOT NULL UNIQUE,
    idempotency_key TEXT,
    issued_ms       INTEGER NOT NULL,
    finished_ms     INTEGER,
    data            TEXT NOT NULL,
    -- Two tickets of one office can never share a label on the same service day.
    UNIQUE (office_id, service_day, label),
    UNIQUE (office_id, idempotency_key)
);
CREATE INDEX tickets_active ON tickets(office_id, status);
CREATE INDEX tickets_day ON tickets(office_id, service_day);

CREATE TABLE events (
    office_id INTEGER NOT NULL REFERENCES offices(id),
    seq       INTEGER NOT NULL,
    at_ms     INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    data      TEXT NOT NULL,
    PRIMARY KEY (office_id, seq)
) WITHOUT ROWID;

CREATE TABLE alerts (
    office_id INTEGER NOT NULL REFERENCES offices(id),
    id        TEXT NOT NULL,
    data      TEXT NOT NULL,
    PRIMARY KEY (office_id, id)
) WITHOUT ROWID;

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('agent', 'head', 'admin')),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE staff_offices (
    staff_id  INTEGER NOT NULL REFERENCES staff(id),
    office_id INTEGER NOT NULL REFERENCES offices(id),
    PRIMARY KEY (staff_id, office_id)
) WITHOUT ROWID;

-- Login sessions: only the SHA-256 of the token is kept.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    created_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
);

-- Kiosks and displays: only the SHA-256 of the token is kept.
CREATE TABLE devices (
    id         INTEGER PRIMARY KEY,
    office_id  INTEGER NOT NULL REFERENCES offices(id),
    kind       TEXT NOT NULL CHECK (kind IN ('kiosk', 'display')),
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    revoked    INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL
);
