-- rapat schema, version 10: the minutes (notulen) of a meeting, the
-- decisions taken in it, and the versions of the record once signed.
--
-- A meeting has at most one minutes record, a draft until it is
-- finalised.  Finalising freezes the record, the decisions, the notes of
-- each agenda item, the agenda and the attendance of that meeting: the
-- triggers below refuse any write that would change them, whatever program
-- makes it.  'minutes amend' opens the next version (back to draft); the
-- final one is kept whole, as JSON, in minutes_version.  The triggers raise
-- one fixed message, 'rapat:minutes-final', which the store turns into a
-- sentence for people.

CREATE TABLE minutes (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL UNIQUE REFERENCES meeting (id) ON DELETE CASCADE,
    notulis_id      INTEGER          REFERENCES person (id) ON DELETE RESTRICT,
    chair_id        INTEGER          REFERENCES person (id) ON DELETE RESTRICT,
    held_start_utc  INTEGER,
    held_end_utc    INTEGER,
    summary         TEXT             CHECK (summary IS NULL OR length(summary) <= 10000),
    status          TEXT    NOT NULL DEFAULT 'draft' CHECK (status = 'draft' OR status = 'final'),
    version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    finalized_at    INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK ((held_start_utc IS NULL) = (held_end_utc IS NULL)),
    CHECK (held_end_utc IS NULL OR held_end_utc > held_start_utc),
    CHECK ((status = 'final') = (finalized_at IS NOT NULL))
);
CREATE INDEX minutes_notulis_idx ON minutes (notulis_id) WHERE notulis_id IS NOT NULL;
CREATE INDEX minutes_chair_idx ON minutes (chair_id) WHERE chair_id IS NOT NULL;

-- The discussion (pembahasan) under one agenda item.
CREATE TABLE minutes_item (
    agenda_item_id  INTEGER PRIMARY KEY REFERENCES agenda_item (id) ON DELETE CASCADE,
    notes           TEXT    NOT NULL CHECK (length(notes) BETWEEN 1 AND 20000),
    updated_at      INTEGER NOT NULL
);

-- Decisions (keputusan), numbered 1, 2, ... within their meeting.
CREATE TABLE decision (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    number          INTEGER NOT NULL CHECK (number >= 1),
    agenda_item_id  INTEGER          REFERENCES agenda_item (id) ON DELETE SET NULL,
    text            TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    created_at      INTEGER NOT NULL,
    UNIQUE (meeting_id, number)
);
CREATE INDEX decision_item_idx ON decision (agenda_item_id) WHERE agenda_item_id IS NOT NULL;

-- The decision an action carries out.
ALTER TABLE action ADD COLUMN decision_id INTEGER REFERENCES decision (id) ON DELETE SET NULL;
CREATE INDEX action_decision_idx ON action (decision_id) WHERE decision_id IS NOT NULL;

-- Each finalised version, whole (the record as 'minutes show --json' gives
-- it), with when it was signed and, once amended, when and why it was
-- reopened.
CREATE TABLE minutes_version (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    version         INTEGER NOT NULL CHECK (version >= 1),
    record          TEXT    NOT NULL CHECK (json_valid(record)),
    finalized_at    INTEGER NOT NULL,
    finalized_by    INTEGER          REFERENCES person (id) ON DELETE RESTRICT,
    amended_at      INTEGER,
    amended_by      INTEGER          REFERENCES person (id) ON DELETE RESTRICT,
    amend_reason    TEXT             CHECK (amend_reason IS NULL OR length(amend_reason) <= 10000),
    UNIQUE (meeting_id, version)
);

-- ---- the freeze ----

CREATE TRIGGER minutes_final_update BEFORE UPDATE ON minutes
    WHEN OLD.status = 'final' AND NOT (NEW.status = 'draft' AND NEW.version = OLD.version + 1)
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER minutes_final_delete BEFORE DELETE ON minutes WHEN OLD.status = 'final'
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER meeting_final_delete BEFORE DELETE ON meeting
    WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.id AND status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;

CREATE TRIGGER minutes_version_frozen BEFORE UPDATE OF meeting_id, version, record, finalized_at,
    finalized_by ON minutes_version
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;

CREATE TRIGGER minutes_item_final_insert BEFORE INSERT ON minutes_item
    WHEN EXISTS (SELECT 1 FROM agenda_item a JOIN minutes n ON n.meeting_id = a.meeting_id
                 WHERE a.id = NEW.agenda_item_id AND n.status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER minutes_item_final_update BEFORE UPDATE ON minutes_item
    WHEN EXISTS (SELECT 1 FROM agenda_item a JOIN minutes n ON n.meeting_id = a.meeting_id
                 WHERE a.id IN (OLD.agenda_item_id, NEW.agenda_item_id) AND n.status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER minutes_item_final_delete BEFORE DELETE ON minutes_item
    WHEN EXISTS (SELECT 1 FROM agenda_item a JOIN minutes n ON n.meeting_id = a.meeting_id
                 WHERE a.id = OLD.agenda_item_id AND n.status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;

CREATE TRIGGER decision_final_insert BEFORE INSERT ON decision
    WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER decision_final_update BEFORE UPDATE ON decision
    WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id IN (OLD.meeting_id, NEW.meeting_id)
                 AND status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER decision_final_delete BEFORE DELETE ON decision
    WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;

-- An action joins the follow-up of a decision only while its minutes are open.
CREATE TRIGGER action_decision_final_insert BEFORE INSERT ON action
    WHEN NEW.decision_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM decision d JOIN minutes n ON n.meeting_id = d.meeting_id
        WHERE d.id = NEW.decision_id AND n.status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER action_decision_final_update BEFORE UPDATE OF decision_id ON action
    WHEN OLD.decision_id IS NOT NEW.decision_id AND EXISTS (
        SELECT 1 FROM decision d JOIN minutes n ON n.meeting_id = d.meeting_id
        WHERE d.id IN (OLD.decision_id, NEW.decision_id) AND n.status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;

-- Attendance: who was invited, in what role, and whether they came.  A
-- reply (rsvp) is not part of the record.
CREATE TRIGGER attendee_final_insert BEFORE INSERT ON attendee
    WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER attendee_final_update BEFORE UPDATE OF meeting_id, person_id, role, attendance,
    arrived_utc, represented_by, note ON attendee
    WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id IN (OLD.meeting_id, NEW.meeting_id)
                 AND status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER attendee_final_delete BEFORE DELETE ON attendee
    WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;

-- The agenda the minutes follow.  Its kept times may still be recomputed.
CREATE TRIGGER agenda_final_insert BEFORE INSERT ON agenda_item
    WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER agenda_final_update BEFORE UPDATE OF meeting_id, position, title, type,
    presenter_id, notes, issue_id ON agenda_item
    WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id IN (OLD.meeting_id, NEW.meeting_id)
                 AND status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER agenda_final_delete BEFORE DELETE ON agenda_item
    WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
