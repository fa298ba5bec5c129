-- Visitors' ratings of their visits (one per ticket), joined to what the visit was:
-- office, topic, window and agent, and the measured waiting and service times.
-- No visitor data: the comment is the visitor's own words, shown escaped.
CREATE TABLE feedback (
    ticket_id   TEXT PRIMARY KEY REFERENCES tickets(id),
    office_id   BIGINT NOT NULL REFERENCES offices(id),
    topic_id    BIGINT NOT NULL,
    window_id   BIGINT,
    agent_id    BIGINT,
    service_day TEXT NOT NULL,
    rating      BIGINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     TEXT,
    wait_ms     BIGINT NOT NULL,
    service_ms  BIGINT NOT NULL,
    created_ms  BIGINT NOT NULL
);
CREATE INDEX feedback_office_day ON feedback(office_id, service_day);
