-- rapat schema: what Indonesian official papers say of a civil servant.
-- nip: Nomor Induk Pegawai, 18 digits (birth date, appointment month, sex,
-- sequence; src/nip.c checks the parts), unique; pangkat: rank and grade as
-- written ("Pembina Tk. I (IV/b)"); eselon: "II.a" .. "IV.b"; sort_rank:
-- protocol order among people (smaller first), NULL when not set.
ALTER TABLE person ADD COLUMN nip TEXT
    CHECK (nip IS NULL OR (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*'));
ALTER TABLE person ADD COLUMN pangkat TEXT CHECK (pangkat IS NULL OR length(pangkat) <= 100);
ALTER TABLE person ADD COLUMN eselon TEXT CHECK (eselon IS NULL OR length(eselon) <= 8);
ALTER TABLE person ADD COLUMN sort_rank INTEGER
    CHECK (sort_rank IS NULL OR sort_rank BETWEEN 1 AND 999999);
CREATE UNIQUE INDEX person_nip_idx ON person (nip) WHERE nip IS NOT NULL;
