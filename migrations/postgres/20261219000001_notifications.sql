-- Notifications outside the desk: where an office's or a region's alerts go (a webhook
-- or an email address), and every delivery with its attempts (the outbox: a row is
-- written in the same transaction as the alert's event, so none is lost).
CREATE TABLE notify_targets (
    id         BIGSERIAL PRIMARY KEY,
    office_id  BIGINT REFERENCES offices(id),
    region_id  BIGINT REFERENCES regions(id),
    kind       TEXT NOT NULL CHECK (kind IN ('webhook', 'email')),
    address    TEXT NOT NULL,
    -- The webhook's signing key (HMAC-SHA256); shown once, when the target is made.
    secret     TEXT,
    lang       TEXT NOT NULL DEFAULT 'ru',
    active     BIGINT NOT NULL DEFAULT 1,
    created_ms BIGINT NOT NULL,
    CHECK ((office_id IS NULL) <> (region_id IS NULL))
);

CREATE TABLE deliveries (
    id               BIGSERIAL PRIMARY KEY,
    target_id        BIGINT NOT NULL REFERENCES notify_targets(id),
    office_id        BIGINT NOT NULL,
    payload          TEXT NOT NULL,
    created_ms       BIGINT NOT NULL,
    attempts         BIGINT NOT NULL DEFAULT 0,
    next_attempt_ms  BIGINT NOT NULL,
    claimed_until_ms BIGINT NOT NULL DEFAULT 0,
    status           TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'delivered', 'failed')),
    last_error       TEXT,
    delivered_ms     BIGINT
);
CREATE INDEX deliveries_due ON deliveries(status, next_attempt_ms);
CREATE INDEX deliveries_target ON deliveries(target_id, id);
