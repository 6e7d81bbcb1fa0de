-- rapat schema, version 3: parallel sessions.  An agenda item may take place
-- in a room of its own and run in parallel with an earlier item: items of
-- one parallel block share its start, and the agenda goes on after the
-- longest of them.
ALTER TABLE agenda_item ADD COLUMN room TEXT
    CHECK (room IS NULL OR length(room) BETWEEN 1 AND 200);
ALTER TABLE agenda_item ADD COLUMN parallel_with INTEGER
    REFERENCES agenda_item (id) ON DELETE SET NULL;
CREATE INDEX agenda_parallel_idx ON agenda_item (parallel_with) WHERE parallel_with IS NOT NULL;
