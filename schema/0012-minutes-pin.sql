-- rapat schema, version 12: final minutes pin their meeting.
--
-- Minutes are finalised once the meeting was held and the record signed
-- (schema 10).  The meeting they record is then part of that record: its
-- title, its time and zone, its place and its status (a signed meeting
-- cannot be cancelled) no longer change, whatever program writes, until
-- 'minutes amend' reopens the minutes.  The sequence, the timestamps, the
-- series link and the descriptive fields (kind, description, organizer,
-- link) stay writable: a series edit raises sequences and a deleted series
-- unlinks its meetings without changing what was held.  The trigger raises
-- the message of schema 10, 'rapat:minutes-final'.

CREATE TRIGGER meeting_final_pin BEFORE UPDATE OF title, start_utc, end_utc, tzid, location,
    status ON meeting
    WHEN (OLD.title IS NOT NEW.title OR OLD.start_utc IS NOT NEW.start_utc
          OR OLD.end_utc IS NOT NEW.end_utc OR OLD.tzid IS NOT NEW.tzid
          OR OLD.location IS NOT NEW.location OR OLD.status IS NOT NEW.status)
        AND EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.id AND status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
