-- rapat schema, version 13: the invitations rapat sends by e-mail (iMIP,
-- RFC 6047), so that 'invite send' mails only what someone has not had yet
-- and an update threads under the first invitation.
--
-- invite_message: one row per message sent (or written to an mbox or
-- maildir): its Message-ID, the meeting, the iTIP method, the SEQUENCE the
-- calendar carried and how many it was addressed to.  The first REQUEST of
-- a meeting is the one later messages name in In-Reply-To and References.
CREATE TABLE invite_message (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    message_id   TEXT    NOT NULL UNIQUE CHECK (length(message_id) BETWEEN 3 AND 250),
    method       TEXT    NOT NULL CHECK (method IN ('request', 'cancel')),
    sequence     INTEGER NOT NULL CHECK (sequence >= 0),
    sent_at      INTEGER NOT NULL,
    recipients   INTEGER NOT NULL CHECK (recipients >= 1),
    transport    TEXT    NOT NULL CHECK (transport IN ('sendmail', 'smtp', 'mbox', 'maildir'))
);
CREATE INDEX invite_message_meeting_idx ON invite_message (meeting_id, sent_at, id);

-- invite_sent: per meeting and person, the last message that reached them:
-- its method, SEQUENCE, when, and the address it went to.  It is keyed by
-- person, not by attendee row, and outlives 'attendee remove' on purpose:
-- a row whose person is no longer invited, with method 'request', is a
-- withdrawn invitation, and the next 'invite send' mails that person a
-- CANCEL of their own (then the row says 'cancel').
CREATE TABLE invite_sent (
    meeting_id   INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    email        TEXT    NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    method       TEXT    NOT NULL CHECK (method IN ('request', 'cancel')),
    sequence     INTEGER NOT NULL CHECK (sequence >= 0),
    sent_at      INTEGER NOT NULL,
    message_id   TEXT    NOT NULL REFERENCES invite_message (message_id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;
CREATE INDEX invite_sent_person_idx ON invite_sent (person_id);
