-- no-transaction
-- Regions (территориальные отделения) and the roles that see more than their own
-- offices. SQLite cannot change a CHECK constraint in place, so the staff table is
-- rebuilt; that needs foreign keys off, which only works outside a transaction, so this
-- migration opens its own.
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE regions (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE staff_new (
    id            INTEGER PRIMARY KEY,
    login         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL
        CHECK (role IN ('agent', 'head', 'region_head', 'head_office', 'admin')),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1
);
INSERT INTO staff_new (id, login, name, role, password_hash, active)
    SELECT id, login, name, role, password_hash, active FROM staff;
DROP TABLE staff;
ALTER TABLE staff_new RENAME TO staff;

-- The regions a region head heads.
CREATE TABLE staff_regions (
    staff_id  INTEGER NOT NULL REFERENCES staff(id),
    region_id INTEGER NOT NULL REFERENCES regions(id),
    PRIMARY KEY (staff_id, region_id)
) WITHOUT ROWID;

-- The region an office belongs to, beside its JSON (which has it too), for the queries
-- that pick an office's region: who is notified of its alerts.
ALTER TABLE offices ADD COLUMN region_id INTEGER REFERENCES regions(id);

COMMIT;
PRAGMA foreign_keys = ON;
