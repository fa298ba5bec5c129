-- Ids of topics and windows come from the database (not from a counter in the server
-- process), so that several processes sharing a database never hand out one twice.
CREATE TABLE id_counters (
    name TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);
INSERT INTO id_counters (name, last) SELECT 'topics', COALESCE(MAX(id), 0) FROM topics;
INSERT INTO id_counters (name, last) SELECT 'windows', COALESCE(MAX(id), 0) FROM windows;
