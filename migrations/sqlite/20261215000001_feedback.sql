-- Visitors' ratings of their visits (one per ticket), joined to what the visit was:
-- office, topic, window and agent, and the measured waiting and service times.
-- No visitor data: the comment is the visitor's own words, shown escaped.
CREATE TABLE feedback (
    ticket_id   TEXT PRIMARY KEY REFERENCES tickets(id),
    office_id   INTEGER NOT NULL REFERENCES offices(id),
    topic_id    INTEGER NOT NULL,
    window_id   INTEGER,
    agent_id    INTEGER,
    service_day TEXT NOT NULL,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     TEXT,
    wait_ms     INTEGER NOT NULL,
    service_ms  INTEGER NOT NULL,
    created_ms  INTEGER NOT NULL
);
CREATE INDEX feedback_office_day ON feedback(office_id, service_day);
