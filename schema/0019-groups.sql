-- rapat schema, version 19: the head of each unit, and saved groups of
-- people to invite together ("Kepala UPT se-Maluku").
--
-- head_person_id: the person who heads the unit, one of its own people
-- (rapat check reports a head of another unit); removing the person, or
-- moving them to another unit, leaves the unit without a head.
ALTER TABLE unit ADD COLUMN head_person_id INTEGER REFERENCES person (id) ON DELETE SET NULL;
CREATE INDEX unit_head_idx ON unit (head_person_id) WHERE head_person_id IS NOT NULL;

CREATE TRIGGER person_moved_unit_head AFTER UPDATE OF unit_id ON person
WHEN NEW.unit_id IS NOT OLD.unit_id
BEGIN
    UPDATE unit SET head_person_id = NULL
    WHERE head_person_id = NEW.id AND id IS NOT NEW.unit_id;
END;

-- A saved group: a name (unique ignoring case, as rapat_fold() compares),
-- and its members.  Inviting a group invites its members of that moment:
-- a member removed later stays invited to the meetings before.
CREATE TABLE person_group (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description TEXT             CHECK (description IS NULL OR length(description) <= 10000),
    created_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX person_group_name_idx ON person_group (name COLLATE NOCASE);

CREATE TABLE group_member (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES person_group (id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    added_at    INTEGER NOT NULL,
    UNIQUE (group_id, person_id)
);
CREATE INDEX group_member_person_idx ON group_member (person_id);
