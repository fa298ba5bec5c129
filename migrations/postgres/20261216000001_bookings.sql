-- Appointments. A booking row holds what the office's events leave out: the code the
-- visitor checks in with, and the visitor's name and phone (only what the office needs,
-- 152-FZ), with the phone also normalised as `contact` for the per-day limit.
CREATE TABLE bookings (
    id          TEXT PRIMARY KEY,
    office_id   BIGINT NOT NULL REFERENCES offices(id),
    code        TEXT NOT NULL UNIQUE,
    start_ms    BIGINT NOT NULL,
    status      TEXT NOT NULL,
    contact     TEXT,
    name        TEXT,
    phone       TEXT,
    data        TEXT NOT NULL
);
CREATE INDEX bookings_office_start ON bookings(office_id, start_ms);
CREATE INDEX bookings_contact ON bookings(office_id, contact);

-- Personal reception hours (the office head's, a personal manager's): one per person.
CREATE TABLE receptions (
    office_id BIGINT NOT NULL REFERENCES offices(id),
    staff_id  BIGINT NOT NULL REFERENCES staff(id),
    data      TEXT NOT NULL,
    PRIMARY KEY (office_id, staff_id)
);
