-- rapat schema, version 20: the invitees kept from other calendars: their
-- rules checked at no cost per row, and their CUTYPE.
--
-- Version 18 wrote external_invitee's rules as "x IN ('a', 'b', ...)", the
-- form version 5 had already replaced for attendee and agenda_item: SQLite
-- builds a temporary B-tree of each such list every time a row is
-- written.  An imported archive of 10,000 meetings writes some 200,000 of
-- these rows; the same rules as comparisons joined by OR took a third of
-- the CPU time of 'rapat import ics' away (bench/import.sh).
--
-- The rebuilt table also keeps each attendee's CUTYPE: a room or a piece of
-- equipment booked on an Outlook invitation (CUTYPE=ROOM, RESOURCE) or a
-- mailing list (GROUP) was written back as a person, so that calendars
-- offered to e-mail the room and counted it among the people.  Rows kept
-- before are individuals, as version 18 wrote them.
--
-- SQLite cannot change a CHECK in place, so the table is rebuilt; nothing
-- refers to it.
ALTER TABLE external_invitee RENAME TO external_invitee_v19;
CREATE TABLE external_invitee (
    meeting_id      INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL CHECK (position >= 1),
    organizer       INTEGER NOT NULL DEFAULT 0 CHECK (organizer = 0 OR organizer = 1),
    address         TEXT    NOT NULL CHECK (length(address) BETWEEN 1 AND 500),
    name            TEXT             CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
    role            TEXT    NOT NULL DEFAULT 'participant'
                            CHECK (role = 'chair' OR role = 'participant' OR role = 'optional'
                                   OR role = 'observer'),
    partstat        TEXT    NOT NULL DEFAULT 'needs-action'
                            CHECK (partstat = 'needs-action' OR partstat = 'accepted'
                                   OR partstat = 'declined' OR partstat = 'tentative'
                                   OR partstat = 'delegated'),
    delegated_to    TEXT             CHECK (delegated_to IS NULL OR length(delegated_to) <= 500),
    delegated_from  TEXT             CHECK (delegated_from IS NULL OR length(delegated_from) <= 500),
    cutype          TEXT    NOT NULL DEFAULT 'individual'
                            CHECK (cutype = 'individual' OR cutype = 'group' OR cutype = 'resource'
                                   OR cutype = 'room' OR cutype = 'unknown'),
    PRIMARY KEY (meeting_id, position)
) WITHOUT ROWID;
INSERT INTO external_invitee (meeting_id, position, organizer, address, name, role, partstat,
                              delegated_to, delegated_from)
    SELECT meeting_id, position, organizer, address, name, role, partstat, delegated_to,
           delegated_from
    FROM external_invitee_v19;
DROP TABLE external_invitee_v19;
