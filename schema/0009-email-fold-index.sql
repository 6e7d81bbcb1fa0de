-- rapat schema, version 9: e-mail addresses with characters beyond ASCII,
-- indexed apart.
--
-- Two people may not share an e-mail address as rapat_fold() compares
-- them (NFKC, case, invisible characters).  An ASCII address is found by
-- person_email_idx in any case; only an address with other characters
-- (more bytes than characters: a few, if any) can fold to the same key
-- in another way, and this index lists just those, so checking a new
-- address reads them instead of every person.
CREATE INDEX person_email_wide_idx ON person (id)
    WHERE email IS NOT NULL AND length(CAST(email AS BLOB)) <> length(email);
