-- rapat schema, version 7: what calendars need to stay right through every
-- change (RFC 5545 SEQUENCE and LAST-MODIFIED of each exported component,
-- replies made void by a reschedule), and the meeting's online link.
--
-- A series has a sequence of its own: its master event changes (EXDATE,
-- the template occurrence) whenever one of its occurrences changes in a way
-- a calendar must see, or is deleted.  Existing series start from the
-- highest sequence any of their occurrences reached, so nothing already
-- sent outranks what is written next.
ALTER TABLE series ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0);
ALTER TABLE series ADD COLUMN updated_at INTEGER;
UPDATE series SET
    sequence = coalesce((SELECT max(m.sequence) FROM meeting m WHERE m.series_id = series.id), 0),
    updated_at = created_at;

-- An agenda item keeps the times the schedule gives it (the store computes
-- them after every change of the agenda or of the meeting's start), so that
-- a session event's SEQUENCE rises when it moves, and so that clash checks
-- and free-slot searches see rooms of parallel sessions at their times.
-- The store fills start_utc/end_utc of existing items right after this
-- migration.
ALTER TABLE agenda_item ADD COLUMN start_utc INTEGER;
ALTER TABLE agenda_item ADD COLUMN end_utc INTEGER;
ALTER TABLE agenda_item ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0);
ALTER TABLE agenda_item ADD COLUMN updated_at INTEGER;
CREATE INDEX agenda_room_time_idx ON agenda_item (start_utc, end_utc) WHERE room IS NOT NULL;

-- Where to join a meeting online (written as URL and CONFERENCE).
ALTER TABLE meeting ADD COLUMN url TEXT CHECK (url IS NULL OR length(url) BETWEEN 1 AND 2000);

-- Replies made void: a change of a meeting's time, zone or place asks
-- everyone again (their reply goes back to needs-action), and the reply
-- they had given is kept here with when and why it was reset.
CREATE TABLE reply_history (
    id           INTEGER PRIMARY KEY,
    attendee_id  INTEGER NOT NULL REFERENCES attendee (id) ON DELETE CASCADE,
    rsvp         TEXT    NOT NULL CHECK (rsvp = 'accepted' OR rsvp = 'declined'
                                         OR rsvp = 'tentative'),
    reset_at     INTEGER NOT NULL,
    reason       TEXT    NOT NULL CHECK (reason = 'time' OR reason = 'zone' OR reason = 'place')
);
CREATE INDEX reply_history_attendee_idx ON reply_history (attendee_id, reset_at);
