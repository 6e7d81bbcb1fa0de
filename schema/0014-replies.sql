-- rapat schema, version 14: replies that come back by mail (iTIP, RFC 5546).
--
-- An invitation keeps when the reply rapat recorded was made (its DTSTAMP)
-- and which SEQUENCE it answered, so that a reply older than the one kept,
-- or one to an invitation since changed, is ignored, and importing the same
-- message twice changes nothing.  A reply typed in with 'attendee rsvp'
-- leaves them as they were.  A delegated invitation (PARTSTAT=DELEGATED)
-- keeps the person it was delegated to, who will stand in.
ALTER TABLE attendee ADD COLUMN replied_at INTEGER;
ALTER TABLE attendee ADD COLUMN replied_sequence INTEGER CHECK (replied_sequence >= 0);
ALTER TABLE attendee ADD COLUMN delegated_to INTEGER REFERENCES person (id) ON DELETE SET NULL;

-- What an invitee asked of the organizer: a new time (COUNTER: the
-- proposed start and end, and the comment) or the invitation again
-- (REFRESH).  Listed for the organizer; never applied by itself.  One row
-- per invitee, method and DTSTAMP, so a message imported twice is kept once.
CREATE TABLE itip_request (
    id           INTEGER PRIMARY KEY,
    attendee_id  INTEGER NOT NULL REFERENCES attendee (id) ON DELETE CASCADE,
    method       TEXT    NOT NULL CHECK (method = 'counter' OR method = 'refresh'),
    start_utc    INTEGER,
    end_utc      INTEGER,
    comment      TEXT             CHECK (comment IS NULL OR length(comment) <= 10000),
    sent_at      INTEGER NOT NULL,
    sequence     INTEGER NOT NULL CHECK (sequence >= 0),
    received_at  INTEGER NOT NULL,
    message_id   TEXT             CHECK (message_id IS NULL OR length(message_id) <= 998),
    CHECK (method = 'refresh' OR (start_utc IS NOT NULL AND end_utc > start_utc)),
    UNIQUE (attendee_id, method, sent_at)
);
