-- rapat schema, version 8: settings kept in the database, so that every
-- machine and account that opens it works the same way (an office in WIT
-- keeps its meetings in Asia/Jayapura whatever its servers' TZ says).
--
-- One row per key; rapat knows which keys there are and checks their
-- values before it stores them ('tz' is a zone rapat can load).  Keys are
-- dotted names, so that later groups ('letterhead.title', 'organisation')
-- need no new table.
CREATE TABLE config (
    key         TEXT    PRIMARY KEY
                        CHECK (length(key) BETWEEN 1 AND 64 AND key NOT GLOB '*[^a-z0-9._-]*'),
    value       TEXT    NOT NULL CHECK (length(value) <= 10000),
    updated_at  INTEGER NOT NULL
) WITHOUT ROWID;
