#!/bin/bash
# rapat benchmarks: each measurement is the median of RUNS runs (default 5)
# of wall time and peak RSS (/usr/bin/time), with floors measured in the
# same run so that ratios hold on a noisy machine.
#   bench/run.sh            (from a built tree; 'make bench' runs it)
#   S=10000 L=50000 RUNS=5 RUNS_QUICK=41 DATA=bench/data bench/run.sh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
rapat="$top/src/rapat"
gen="$top/bench/rapat-gen"
S=${S:-10000}
L=${L:-50000}
RUNS=${RUNS:-5}
# Commands of a few milliseconds are measured more often: their spread on a
# shared machine is as large as the differences the ratios are about.
RUNS_QUICK=${RUNS_QUICK:-41}
DATA=${DATA:-$top/bench/data}
export TZ=UTC LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1767225600
mkdir -p "$DATA"
sdb="$DATA/S-$S.db"
ldb="$DATA/L-$L.db"
out="$DATA/out"
mkdir -p "$out"

for need in "$rapat" "$gen" "$top/bench/floor-start" "$top/bench/floor-start-base" "$top/bench/floor-ics"; do
  [ -x "$need" ] || { echo "bench: build first ($need is missing): make" >&2; exit 1; }
done
command -v sqlite3 >/dev/null || { echo "bench: the sqlite3 shell is needed" >&2; exit 1; }

# median FILE: the median of the numbers in FILE, one per line.
median () { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure NAME CMD...: runs CMD RUNS times (stdout to /dev/null unless the
# command redirects itself), records median seconds and peak RSS in KB.
declare -A SEC KB
measure () {
  local name=$1; shift
  local runs=$RUNS
  if [ "$name" != "${name#quick: }" ]; then runs=$RUNS_QUICK; name=${name#quick: }; fi
  : >"$out/t" ; : >"$out/m"
  for _ in $(seq "$runs"); do
    # Wall time from the shell's clock (microseconds); peak RSS from time(1).
    local t0=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$out/time" "$@" >/dev/null 2>"$out/err" || {
      echo "bench: $name failed:" >&2; cat "$out/err" >&2; exit 1; }
    local t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >>"$out/t"
    cat "$out/time" >>"$out/m"
  done
  SEC[$name]=$(median "$out/t")
  KB[$name]=$(median "$out/m")
  printf '  %-44s %9.4f s %9d KB\n' "$name" "${SEC[$name]}" "${KB[$name]}"
}

ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo "== archives (built once through the store API; kept in $DATA)"
if [ ! -s "$sdb" ]; then "$gen" --meetings "$S" --seed 1 --db "$sdb"; fi
if [ ! -s "$ldb" ]; then
  /usr/bin/time -f "%e %M" -o "$out/buildL" "$gen" --meetings "$L" --seed 1 --db "$ldb"
  read -r sec kb <"$out/buildL"
  echo "  built L ($L meetings) through the store API in $sec s, peak $kb KB"
fi

# Archives built by an older rapat are brought to the current schema first,
# so that no measurement includes a migration.
"$rapat" --db "$sdb" meeting list --from 2000-01-01 --to 2000-01-01 >/dev/null
"$rapat" --db "$ldb" meeting list --from 2000-01-01 --to 2000-01-01 >/dev/null

echo "== floors"
measure "export floor (fprintf, same rows), S" sh -c "'$top/bench/floor-ics' '$sdb' > '$out/floor.ics'"

echo "== 1-2. export ics of S ($S meetings)"
measure "export ics S -> file" "$rapat" --db "$sdb" export ics -o "$out/s.ics"
measure "export ics S -> /dev/null" "$rapat" --db "$sdb" export ics
# The floor must be the same text: rapat's events, VTIMEZONE blocks aside.
sed '/^BEGIN:VTIMEZONE/,/^END:VTIMEZONE/d' "$out/s.ics" | cmp -s - "$out/floor.ics" || {
  echo "bench: the export floor's text differs from rapat's (VTIMEZONE aside):" >&2
  sed '/^BEGIN:VTIMEZONE/,/^END:VTIMEZONE/d' "$out/s.ics" | diff - "$out/floor.ics" | head -5 >&2
  exit 1; }
echo "  (the floor's text is rapat's, byte for byte, VTIMEZONE blocks aside)"
measure "export ics S --sessions --actions" "$rapat" --db "$sdb" export ics --sessions --actions -o "$out/s-full.ics"

echo "== 3-4. attendance reports on L ($L meetings)"
measure "report attendance --by unit, 2023" "$rapat" --db "$ldb" report attendance --from 2023-01-01 --to 2023-12-31 --by unit
measure "report attendance --by person, 2023" "$rapat" --db "$ldb" report attendance --from 2023-01-01 --to 2023-12-31 --by person
measure "report attendance --by unit, all of L" "$rapat" --db "$ldb" report attendance --by unit
measure "report attendance --by person, all of L" "$rapat" --db "$ldb" report attendance --by person
mid=$(( L / 2 ))
measure "quick: report attendance --meeting M on L" "$rapat" --db "$ldb" report attendance --meeting "$mid"
# The query floor: the statement rapat runs for a period report
# (src/store-report.c, rapat_store_attendance_tally), parameters filled in,
# in the sqlite3 shell.  rapat hands each row to its own aggregate
# rapat_tally(), which the shell lacks; count() of each argument stands in
# for it, so the shell reads the same rows and columns but counts nothing.
cat >"$out/q.sql" <<'SQL'
SELECT count(m.id), count(a.person_id), count(a.rsvp), count(a.attendance),
  count(a.arrived_utc > m.start_utc + 0)
FROM meeting m CROSS JOIN attendee a ON a.meeting_id = m.id
WHERE m.status <> 'cancelled' AND (NULL IS NULL OR m.start_utc >= NULL)
  AND (NULL IS NULL OR m.start_utc < NULL) AND (NULL IS NULL OR m.kind = NULL COLLATE NOCASE);
SQL
measure "query floor: the report SQL, sqlite3 shell" sh -c "sqlite3 '$ldb' < '$out/q.sql'"
# For scale: the by-person report as one GROUP BY, the SQL a user of the
# sqlite3 shell would write (rapat's own until schema 6).
cat >"$out/q-group.sql" <<'SQL'
SELECT p.id, p.name, p.position, u.name, count(*),
  sum(a.rsvp = 'accepted'), sum(a.rsvp = 'declined'), sum(a.rsvp = 'tentative'),
  sum(a.rsvp = 'needs-action'), sum(a.attendance = 'present'),
  sum(a.attendance = 'present' AND a.arrived_utc > m.start_utc + 0),
  sum(a.attendance = 'represented'), sum(a.attendance = 'excused'),
  sum(a.attendance = 'sick'), sum(a.attendance = 'duty'), sum(a.attendance = 'absent'),
  sum(a.attendance IS NULL), count(DISTINCT a.meeting_id)
FROM attendee a JOIN meeting m ON m.id = a.meeting_id JOIN person p ON p.id = a.person_id
LEFT JOIN unit u ON u.id = p.unit_id
WHERE m.status <> 'cancelled' GROUP BY p.id
ORDER BY (total(a.attendance IN ('present', 'represented')) / count(*)), p.name, p.id;
SQL
measure "by-person as one GROUP BY, sqlite3 shell" sh -c "sqlite3 '$ldb' < '$out/q-group.sql'"

echo "== 5. listing and showing on L (start-up included)"
# The start-up floors just before the commands compared with them.
measure "quick: start-up floor (no-op, same libraries)" "$top/bench/floor-start"
measure "quick: start-up floor without libical" "$top/bench/floor-start-base"
measure "quick: meeting list, one week" "$rapat" --db "$ldb" meeting list --from 2023-03-06 --to 2023-03-12
measure "quick: meeting show M" "$rapat" --db "$ldb" meeting show "$mid"

echo "== 6. clash check of one meeting against L"
measure "quick: schedule conflicts M" "$rapat" --db "$ldb" schedule conflicts "$mid"

echo "== 7. building an archive of L meetings"
measure "build L through the store API (rapat-gen)" \
  sh -c "rm -f '$out/b.db' '$out/b.db-wal' '$out/b.db-shm'; '$gen' --meetings '$L' --seed 1 --db '$out/b.db' 2>/dev/null"
# The raw floor: the same schema (rapat init), the same row counts, plain
# INSERT ... SELECT in the sqlite3 shell, one transaction.
cat >"$out/raw.sql" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO unit (id, name, created_at) VALUES (1, 'U', 0);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
INSERT INTO person (id, name, unit_id, email, created_at) SELECT i, 'P' || i, 1, 'p' || i || '@x', 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $L)
INSERT INTO meeting (id, uid, title, kind, location, start_utc, end_utc, tzid, created_at, updated_at, organizer_id)
SELECT i, 'u' || i, 'Rapat ' || i, 'rakor', 'Aula', 1577836800 + i * 3600, 1577836800 + i * 3600 + 5400,
  'Asia/Jakarta', 0, 0, 1 + (i % 4000) FROM n;
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 19)
INSERT INTO attendee (meeting_id, person_id, role, rsvp, attendance)
SELECT m.id, 1 + (m.id % 4900) + k.j, 'participant', 'accepted', 'present' FROM meeting m, k;
WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < 8)
INSERT INTO agenda_item (meeting_id, position, title, type, duration_min)
SELECT m.id, k.j, 'Item', 'discussion', 15 FROM meeting m, k;
COMMIT;
SQL
measure "raw floor: same schema, sqlite3 shell INSERTs" \
  sh -c "rm -f '$out/r.db' '$out/r.db-wal' '$out/r.db-shm'; '$rapat' --db '$out/r.db' init >/dev/null && sqlite3 '$out/r.db' < '$out/raw.sql'"

echo "== ratios (same run)"
printf '  export S / fprintf floor:               %s  (target <= 4)\n' "$(ratio "${SEC[export ics S -> file]}" "${SEC[export floor (fprintf, same rows), S]}")"
printf '  export S peak RSS:                      %s KB (target <= 16384)\n' "${KB[export ics S -> file]}"
printf '  by-person all of L / the SQL in shell:  %s  (target <= 2)\n' "$(ratio "${SEC[report attendance --by person, all of L]}" "${SEC[query floor: the report SQL, sqlite3 shell]}")"
printf '  by-unit all of L / the SQL in shell:    %s  (target <= 2)\n' "$(ratio "${SEC[report attendance --by unit, all of L]}" "${SEC[query floor: the report SQL, sqlite3 shell]}")"
printf '  by-person all of L / GROUP BY in shell: %s\n' "$(ratio "${SEC[report attendance --by person, all of L]}" "${SEC[by-person as one GROUP BY, sqlite3 shell]}")"
printf '  slowest report on L:                    %s s (target <= 0.25)\n' "$(printf '%s\n' "${SEC[report attendance --by person, all of L]}" "${SEC[report attendance --by unit, all of L]}" | sort -g | tail -1)"
printf '  meeting list / start-up floor:          %s  (target <= 1.5)\n' "$(ratio "${SEC[meeting list, one week]}" "${SEC[start-up floor (no-op, same libraries)]}")"
printf '  meeting show / start-up floor:          %s  (target <= 1.5)\n' "$(ratio "${SEC[meeting show M]}" "${SEC[start-up floor (no-op, same libraries)]}")"
printf '  meeting list / floor without libical:   %s\n' "$(ratio "${SEC[meeting list, one week]}" "${SEC[start-up floor without libical]}")"
printf '  meeting show / floor without libical:   %s\n' "$(ratio "${SEC[meeting show M]}" "${SEC[start-up floor without libical]}")"
printf '  build L / raw floor (same schema):      %s  (target <= 2)\n' "$(ratio "${SEC[build L through the store API (rapat-gen)]}" "${SEC[raw floor: same schema, sqlite3 shell INSERTs]}")"
