-- Regions (территориальные отделения) and the roles that see more than their own
-- offices.
CREATE TABLE regions (
    id   BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check
    CHECK (role IN ('agent', 'head', 'region_head', 'head_office', 'admin'));

-- The regions a region head heads.
CREATE TABLE staff_regions (
    staff_id  BIGINT NOT NULL REFERENCES staff(id),
    region_id BIGINT NOT NULL REFERENCES regions(id),
    PRIMARY KEY (staff_id, region_id)
);

-- The region an office belongs to, beside its JSON (which has it too), for the queries
-- that pick an office's region: who is notified of its alerts.
ALTER TABLE offices ADD COLUMN region_id BIGINT REFERENCES regions(id);
