-- The monthly compliance reports the server keeps: one per scope (an office, a region,
-- the whole company) and month, made once its offices have entered the next month. The
-- report is stored as its JSON in each language ({"ru": …, "en": …}); every format is
-- rendered from it on download. scope_id is 0 for the company, so the key is unique.
CREATE TABLE kept_reports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    scope_kind  TEXT NOT NULL,
    scope_id    INTEGER NOT NULL,
    scope_name  TEXT NOT NULL,
    month       TEXT NOT NULL,
    made_at_ms  INTEGER NOT NULL,
    report      TEXT NOT NULL,
    UNIQUE (scope_kind, scope_id, month)
);
CREATE INDEX kept_reports_month ON kept_reports(month);
