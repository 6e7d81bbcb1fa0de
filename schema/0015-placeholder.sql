-- Placeholder for migration 15, which another branch adds (issue 18's
-- helpers: 0015, 0016-import, 0017).  Migrations must be numbered without a
-- gap, so this branch carries an empty one; at the merge, delete this file
-- and its line in Makefile.am in favour of that branch's 0015.
SELECT 1;
