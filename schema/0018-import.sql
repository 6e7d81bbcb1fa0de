-- rapat schema, version 18: calendars read from other programs
-- ('rapat import ics').
--
-- What an event says that rapat does not model (X- properties, VALARM,
-- TRANSP other than rapat's, a second CATEGORIES, ...) is kept on the
-- meeting as the folded iCalendar text of those properties and
-- components, so that 'export ics' writes them back.
ALTER TABLE meeting ADD COLUMN ics_extra TEXT
    CHECK (ics_extra IS NULL OR length(ics_extra) BETWEEN 1 AND 100000);

-- Organizers and attendees whose address matched nobody in the directory:
-- kept on the meeting as they came (address, CN, role, PARTSTAT and the
-- delegation), so that nothing of the invitation is dropped and 'export
-- ics' writes them back.  organizer = 1 is the event's ORGANIZER.
CREATE TABLE external_invitee (
    meeting_id      INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL CHECK (position >= 1),
    organizer       INTEGER NOT NULL DEFAULT 0 CHECK (organizer IN (0, 1)),
    address         TEXT    NOT NULL CHECK (length(address) BETWEEN 1 AND 500),
    name            TEXT             CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
    role            TEXT    NOT NULL DEFAULT 'participant'
                            CHECK (role IN ('chair', 'participant', 'optional', 'observer')),
    partstat        TEXT    NOT NULL DEFAULT 'needs-action'
                            CHECK (partstat IN ('needs-action', 'accepted', 'declined',
                                                'tentative', 'delegated')),
    delegated_to    TEXT             CHECK (delegated_to IS NULL OR length(delegated_to) <= 500),
    delegated_from  TEXT             CHECK (delegated_from IS NULL OR length(delegated_from) <= 500),
    PRIMARY KEY (meeting_id, position)
) WITHOUT ROWID;

-- What each imported UID looked like when it was last applied: a digest of
-- its events' text without DTSTAMP, their SEQUENCE and their newest
-- DTSTAMP or LAST-MODIFIED, so that importing the same calendar again
-- changes nothing and an older version is ignored.
CREATE TABLE ics_import (
    uid          TEXT    PRIMARY KEY CHECK (length(uid) BETWEEN 1 AND 1000),
    digest       TEXT    NOT NULL CHECK (length(digest) = 64),
    sequence     INTEGER NOT NULL CHECK (sequence >= 0),
    stamp        INTEGER NOT NULL,
    imported_at  INTEGER NOT NULL
) WITHOUT ROWID;
