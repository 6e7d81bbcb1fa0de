-- rapat schema, version 11: the review of follow-up actions as a live link.
--
-- A review agenda item (type 'review') refers to the actions it reviews,
-- in order, rather than copying them into its notes: what is shown is the
-- action as it is now.  When the meeting hears of an action, the link keeps
-- what was reported (status, progress, a note, when); the report also
-- updates the action and its history, whose new column names the meeting
-- the change came from.  Once the meeting's minutes are final, the links
-- and the reports of its review items are frozen like the rest of the
-- record (schema/0010-minutes.sql), with the same message.

CREATE TABLE review_action (
    agenda_item_id     INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    -- Deleting an action takes it off the reviews (refused once their minutes are final).
    action_id          INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL CHECK (position >= 1),
    reported_status    TEXT             CHECK (reported_status IS NULL OR reported_status IN
                                               ('open', 'in-progress', 'done', 'cancelled')),
    reported_progress  INTEGER          CHECK (reported_progress IS NULL OR
                                               reported_progress BETWEEN 0 AND 100),
    reported_note      TEXT             CHECK (reported_note IS NULL OR length(reported_note) <= 10000),
    reported_at        INTEGER,
    PRIMARY KEY (agenda_item_id, action_id),
    UNIQUE (agenda_item_id, position),
    CHECK ((reported_at IS NULL) = (reported_status IS NULL)),
    CHECK ((reported_at IS NULL) = (reported_progress IS NULL)),
    CHECK (reported_note IS NULL OR reported_at IS NOT NULL)
) WITHOUT ROWID;
CREATE INDEX review_action_action_idx ON review_action (action_id);

-- The meeting a change of an action was reported in, or NULL (a change
-- made with 'action update').
ALTER TABLE action_event ADD COLUMN meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL;
CREATE INDEX action_event_meeting_idx ON action_event (meeting_id) WHERE meeting_id IS NOT NULL;

-- ---- the freeze ----

CREATE TRIGGER review_action_final_insert BEFORE INSERT ON review_action
    WHEN EXISTS (SELECT 1 FROM agenda_item a JOIN minutes n ON n.meeting_id = a.meeting_id
                 WHERE a.id = NEW.agenda_item_id AND n.status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER review_action_final_update BEFORE UPDATE ON review_action
    WHEN EXISTS (SELECT 1 FROM agenda_item a JOIN minutes n ON n.meeting_id = a.meeting_id
                 WHERE a.id IN (OLD.agenda_item_id, NEW.agenda_item_id) AND n.status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
CREATE TRIGGER review_action_final_delete BEFORE DELETE ON review_action
    WHEN EXISTS (SELECT 1 FROM agenda_item a JOIN minutes n ON n.meeting_id = a.meeting_id
                 WHERE a.id = OLD.agenda_item_id AND n.status = 'final')
BEGIN SELECT RAISE(ABORT, 'rapat:minutes-final'); END;
