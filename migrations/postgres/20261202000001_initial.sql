-- Talon schema for PostgreSQL: the same tables and columns as the SQLite schema, so that
-- one set of queries serves both. Times are UTC milliseconds (BIGINT); domain objects are
-- kept whole as JSON text in `data`, with the columns queries filter on beside it. Every
-- integer is BIGINT, which is what the server reads and writes.

CREATE TABLE offices (
    id   BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    data TEXT NOT NULL
);

CREATE TABLE topics (
    id        BIGINT PRIMARY KEY,
    office_id BIGINT NOT NULL REFERENCES offices(id),
    prefix    TEXT NOT NULL,
    data      TEXT NOT NULL
);
CREATE INDEX topics_office ON topics(office_id);

CREATE TABLE windows (
    id        BIGINT PRIMARY KEY,
    office_id BIGINT NOT NULL REFERENCES offices(id),
    data      TEXT NOT NULL
);
CREATE INDEX windows_office ON windows(office_id);

-- Ids of topics and windows, taken before the transaction that writes the row with its
-- event; shared by every node.
CREATE TABLE id_counters (
    name TEXT PRIMARY KEY,
    last BIGINT NOT NULL
);
INSERT INTO id_counters (name, last) VALUES ('topics', 0), ('windows', 0);

CREATE TABLE tickets (
    id              TEXT PRIMARY KEY,
    office_id       BIGINT NOT NULL REFERENCES offices(id),
    service_day     TEXT NOT NULL,
    prefix          TEXT NOT NULL,
    number          BIGINT NOT NULL,
    label           TEXT NOT NULL,
    status          TEXT NOT NULL,
    public_code     TEXT NOT NULL UNIQUE,
    idempotency_key TEXT,
    issued_ms       BIGINT NOT NULL,
    finished_ms     BIGINT,
    data            TEXT NOT NULL,
    -- Two tickets of one office can never share a label on the same service day.
    UNIQUE (office_id, service_day, label),
    UNIQUE (office_id, idempotency_key)
);
CREATE INDEX tickets_active ON tickets(office_id, status);
CREATE INDEX tickets_day ON tickets(office_id, service_day);

-- The office's events; (office_id, seq) is the order every node and client follows.
CREATE TABLE events (
    office_id BIGINT NOT NULL REFERENCES offices(id),
    seq       BIGINT NOT NULL,
    at_ms     BIGINT NOT NULL,
    kind      TEXT NOT NULL,
    data      TEXT NOT NULL,
    PRIMARY KEY (office_id, seq)
);
CREATE INDEX events_kind ON events(office_id, kind, seq);

CREATE TABLE alerts (
    office_id BIGINT NOT NULL REFERENCES offices(id),
    id        TEXT NOT NULL,
    data      TEXT NOT NULL,
    PRIMARY KEY (office_id, id)
);

CREATE TABLE staff (
    id            BIGSERIAL PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('agent', 'head', 'admin')),
    password_hash TEXT NOT NULL,
    active        BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE staff_offices (
    staff_id  BIGINT NOT NULL REFERENCES staff(id),
    office_id BIGINT NOT NULL REFERENCES offices(id),
    PRIMARY KEY (staff_id, office_id)
);

-- Login sessions: only the SHA-256 of the token is kept.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id   BIGINT NOT NULL REFERENCES staff(id),
    created_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    revoked    BIGINT NOT NULL DEFAULT 0
);

-- Kiosks and displays: only the SHA-256 of the token is kept.
CREATE TABLE devices (
    id         BIGSERIAL PRIMARY KEY,
    office_id  BIGINT NOT NULL REFERENCES offices(id),
    kind       TEXT NOT NULL CHECK (kind IN ('kiosk', 'display')),
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    revoked    BIGINT NOT NULL DEFAULT 0,
    created_ms BIGINT NOT NULL
);
