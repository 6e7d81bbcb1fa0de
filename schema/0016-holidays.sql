-- rapat schema, version 16: holidays, the days nobody plans a meeting on.
--
-- A holiday is a whole day in the calendar (no zone: 17 August is a holiday
-- wherever the office is), kept as 'YYYY-MM-DD' text so that it sorts and
-- compares as a date and reads in the sqlite3 shell.  Its kind says why the
-- day is off: a national holiday (libur nasional), a joint leave day of the
-- civil service (cuti bersama), or a local one (a regional holiday).  The
-- source says where it came from (a decree, an imported file), or is NULL
-- when it was typed in.  One day may carry several holidays, but each name
-- once, so that importing the same calendar twice adds nothing.  The UNIQUE
-- index on (day, name) also serves the range lookups of 'holiday list' and
-- of find-slot, which ask for the days between two dates.
CREATE TABLE holiday (
    id          INTEGER PRIMARY KEY,
    day         TEXT    NOT NULL CHECK (length(day) = 10 AND date(day) IS day),
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0 AND length(name) <= 200),
    kind        TEXT    NOT NULL DEFAULT 'national'
                        CHECK (kind IN ('national', 'joint-leave', 'local')),
    source      TEXT             CHECK (source IS NULL OR length(source) <= 1000),
    created_at  INTEGER NOT NULL,
    UNIQUE (day, name)
);
