-- rapat schema, version 2: strategic issues followed from meeting to meeting,
-- and action items with their history.
--
-- Due dates are calendar days ('YYYY-MM-DD'); "overdue" is derived (due
-- before the day asked about and not done or cancelled), never stored.

CREATE TABLE issue (
    id           INTEGER PRIMARY KEY,
    title        TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description  TEXT             CHECK (description IS NULL OR length(description) <= 10000),
    category     TEXT             CHECK (category IS NULL OR length(category) BETWEEN 1 AND 64),
    unit_id      INTEGER          REFERENCES unit (id) ON DELETE RESTRICT,
    status       TEXT    NOT NULL DEFAULT 'open'
                         CHECK (status IN ('open', 'monitoring', 'resolved')),
    created_at   INTEGER NOT NULL,
    closed_at    INTEGER,
    CHECK ((status = 'resolved') = (closed_at IS NOT NULL))
);
CREATE INDEX issue_status_idx ON issue (status);
CREATE INDEX issue_unit_idx ON issue (unit_id);

-- Meetings that discussed an issue (also recorded when an agenda item names it).
CREATE TABLE issue_meeting (
    issue_id    INTEGER NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    PRIMARY KEY (issue_id, meeting_id)
) WITHOUT ROWID;
CREATE INDEX issue_meeting_meeting_idx ON issue_meeting (meeting_id);

ALTER TABLE agenda_item ADD COLUMN issue_id INTEGER REFERENCES issue (id) ON DELETE SET NULL;
CREATE INDEX agenda_issue_idx ON agenda_item (issue_id) WHERE issue_id IS NOT NULL;

CREATE TABLE action (
    id               INTEGER PRIMARY KEY,
    uid              TEXT    NOT NULL UNIQUE,
    title            TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description      TEXT             CHECK (description IS NULL OR length(description) <= 10000),
    owner_person_id  INTEGER          REFERENCES person (id) ON DELETE RESTRICT,
    owner_unit_id    INTEGER          REFERENCES unit (id) ON DELETE RESTRICT,
    -- A meeting deleted with --force keeps its actions, unlinked.
    meeting_id       INTEGER          REFERENCES meeting (id) ON DELETE SET NULL,
    issue_id         INTEGER          REFERENCES issue (id) ON DELETE RESTRICT,
    priority         TEXT    NOT NULL DEFAULT 'normal'
                             CHECK (priority IN ('low', 'normal', 'high')),
    due_date         TEXT             CHECK (due_date IS NULL OR
                                             due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    status           TEXT    NOT NULL DEFAULT 'open'
                             CHECK (status IN ('open', 'in-progress', 'done', 'cancelled')),
    progress         INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    done_at          INTEGER,
    CHECK ((owner_person_id IS NULL) <> (owner_unit_id IS NULL)),
    CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX action_open_due_idx ON action (status, due_date);
CREATE INDEX action_owner_person_idx ON action (owner_person_id);
CREATE INDEX action_owner_unit_idx ON action (owner_unit_id);
CREATE INDEX action_meeting_idx ON action (meeting_id);
CREATE INDEX action_issue_idx ON action (issue_id);

-- Every change of an action's status, progress or due date, with a note.
CREATE TABLE action_event (
    id         INTEGER PRIMARY KEY,
    action_id  INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('open', 'in-progress', 'done', 'cancelled')),
    progress   INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    due_date   TEXT,
    note       TEXT             CHECK (note IS NULL OR length(note) <= 10000)
);
CREATE INDEX action_event_action_idx ON action_event (action_id, at);
