-- Placeholder for migration 18, which another branch adds (issue 19's
-- helpers: 0018 elsewhere, 0019-groups here).  Migrations must be numbered
-- without a gap, so this branch carries an empty one; at the merge, delete
-- this file and its line in Makefile.am in favour of that branch's 0018.
SELECT 1;
