-- The audit log: every administrative change with who made it and the object before
-- and after (as the API shows it: no password hash, no token).
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms       INTEGER NOT NULL,
    actor_id    INTEGER,
    actor_name  TEXT NOT NULL,
    office_id   INTEGER,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    before_data TEXT,
    after_data  TEXT
);
CREATE INDEX audit_at ON audit(at_ms);
CREATE INDEX audit_office_at ON audit(office_id, at_ms);

-- When each kiosk or display was last heard from (written at most every half minute).
ALTER TABLE devices ADD COLUMN last_seen_ms INTEGER;
