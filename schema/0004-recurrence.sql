-- rapat schema, version 4: recurring meetings.  A series keeps its rule; its
-- occurrences are meetings of their own (so each has its own attendance,
-- clashes and reports), created when the series is, each remembering the
-- start the rule gave it (recurrence_utc).  An occurrence moved or cancelled
-- is an exception of the series; one deleted is missing from it.
CREATE TABLE series (
    id           INTEGER PRIMARY KEY,
    uid          TEXT    NOT NULL UNIQUE,
    rrule        TEXT    NOT NULL CHECK (length(rrule) BETWEEN 1 AND 500),
    start_utc    INTEGER NOT NULL,
    duration_s   INTEGER NOT NULL CHECK (duration_s > 0),
    tzid         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
);
ALTER TABLE meeting ADD COLUMN series_id INTEGER REFERENCES series (id) ON DELETE SET NULL;
ALTER TABLE meeting ADD COLUMN recurrence_utc INTEGER;
CREATE UNIQUE INDEX meeting_series_idx ON meeting (series_id, recurrence_utc)
    WHERE series_id IS NOT NULL;
