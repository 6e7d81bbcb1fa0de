-- rapat schema, version 1: the directory (units, people) and meetings with
-- their agenda and attendees.  Migrations are append-only: never edit a file
-- once it has been released, add the next number instead.
--
-- Instants are Unix seconds in UTC; tzid is the zone the meeting was set in
-- (an IANA name such as 'Asia/Jayapura', or a fixed offset such as '+09:00').
-- Every enumerated value is text guarded by a CHECK constraint.

CREATE TABLE unit (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    code        TEXT             CHECK (code IS NULL OR length(code) BETWEEN 1 AND 32),
    parent_id   INTEGER          REFERENCES unit (id) ON DELETE RESTRICT,
    created_at  INTEGER NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX unit_name_idx ON unit (name COLLATE NOCASE);
CREATE UNIQUE INDEX unit_code_idx ON unit (code COLLATE NOCASE) WHERE code IS NOT NULL;
CREATE INDEX unit_parent_idx ON unit (parent_id);

CREATE TABLE person (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    position    TEXT             CHECK (position IS NULL OR length(position) <= 200),
    unit_id     INTEGER          REFERENCES unit (id) ON DELETE RESTRICT,
    email       TEXT             CHECK (email IS NULL OR length(email) <= 254),
    phone       TEXT             CHECK (phone IS NULL OR length(phone) <= 32),
    created_at  INTEGER NOT NULL
);
CREATE INDEX person_name_idx ON person (name COLLATE NOCASE);
CREATE INDEX person_unit_idx ON person (unit_id);
CREATE UNIQUE INDEX person_email_idx ON person (email COLLATE NOCASE) WHERE email IS NOT NULL;

CREATE TABLE meeting (
    id            INTEGER PRIMARY KEY,
    uid           TEXT    NOT NULL UNIQUE,
    title         TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    kind          TEXT    NOT NULL DEFAULT 'meeting' CHECK (length(kind) BETWEEN 1 AND 64),
    description   TEXT             CHECK (description IS NULL OR length(description) <= 10000),
    location      TEXT             CHECK (location IS NULL OR length(location) <= 200),
    start_utc     INTEGER NOT NULL,
    end_utc       INTEGER NOT NULL,
    tzid          TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'confirmed'
                          CHECK (status IN ('tentative', 'confirmed', 'cancelled')),
    sequence      INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    organizer_id  INTEGER          REFERENCES person (id) ON DELETE RESTRICT,
    cancel_reason TEXT             CHECK (cancel_reason IS NULL OR length(cancel_reason) <= 10000),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    CHECK (end_utc > start_utc)
);
CREATE INDEX meeting_start_idx ON meeting (start_utc, end_utc);
CREATE INDEX meeting_organizer_idx ON meeting (organizer_id);
CREATE INDEX meeting_kind_idx ON meeting (kind, start_utc);

CREATE TABLE agenda_item (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL CHECK (position >= 1),
    title         TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    type          TEXT    NOT NULL DEFAULT 'discussion'
                          CHECK (type IN ('opening', 'briefing', 'discussion', 'presentation',
                                          'break', 'review', 'closing')),
    duration_min  INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1440),
    presenter_id  INTEGER          REFERENCES person (id) ON DELETE RESTRICT,
    notes         TEXT             CHECK (notes IS NULL OR length(notes) <= 10000),
    UNIQUE (meeting_id, position)
);
CREATE INDEX agenda_presenter_idx ON agenda_item (presenter_id);

CREATE TABLE attendee (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    role            TEXT    NOT NULL DEFAULT 'participant'
                            CHECK (role IN ('chair', 'speaker', 'participant', 'optional', 'observer')),
    rsvp            TEXT    NOT NULL DEFAULT 'needs-action'
                            CHECK (rsvp IN ('needs-action', 'accepted', 'declined', 'tentative')),
    attendance      TEXT             CHECK (attendance IS NULL OR attendance IN
                                            ('present', 'represented', 'excused', 'sick', 'duty', 'absent')),
    arrived_utc     INTEGER,
    represented_by  INTEGER          REFERENCES person (id) ON DELETE RESTRICT,
    note            TEXT             CHECK (note IS NULL OR length(note) <= 10000),
    UNIQUE (meeting_id, person_id),
    CHECK (arrived_utc IS NULL OR attendance = 'present'),
    CHECK (represented_by IS NULL OR (attendance = 'represented' AND represented_by <> person_id))
);
CREATE INDEX attendee_person_idx ON attendee (person_id, meeting_id);
CREATE INDEX attendee_stand_in_idx ON attendee (represented_by) WHERE represented_by IS NOT NULL;
