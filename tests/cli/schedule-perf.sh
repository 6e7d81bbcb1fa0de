#!/bin/bash
# rapat CLI tests: clash checks against 100,000 stored meetings (issue 6).
#
# A database made by 'rapat init' (the real schema) is filled with the
# sqlite3 shell: 50 people and 100,000 meetings (INSERT ... SELECT from a
# recursive CTE), one every 30 minutes for an hour each from Monday
# 2025-01-06 00:00 UTC, in 100 rooms taken in turn ("Ruang 0".."Ruang 99"),
# each organised by one person and attended by another, so that no two
# stored meetings clash; those numbered 777 modulo 1000 are cancelled.
# Meeting number i (0-based) has id i + 1.
#
# Then rapat itself must, against that database: add a meeting with
# --strict where nothing clashes (exit 0); refuse with --strict one in a
# room taken then, naming the meeting, and write nothing; add it without
# --strict with a warning; list exactly that clash in 'schedule conflicts';
# refuse with --strict to invite a person booked then; and let a meeting
# take the room of a cancelled one.  A meeting with parallel sessions in
# rooms of their own (issue 12, defect 13) then shows that a session takes
# its room for its own times only: 'meeting add' in that room warns about
# the session, --strict refuses it with the file unchanged (sha256), the
# room is free when the session is over, 'agenda add --room' checks the
# room against other meetings, and 'schedule find-slot --room' avoids the
# session but not the rest of its meeting.  Nothing is timed: the plan of the
# clash query (it must search meeting_start_idx) is checked by
# tests/check-schedule.c; here every command just has to finish, and the
# whole script takes a few seconds (each rapat command is stopped after
# 20 s, which a scan of the table for every candidate would not need, but a
# hang would).
#
# Environment (set by 'make check'): RAPAT (the built program), SQLITE3 (the
# sqlite3 shell).  Prints one line per check and a summary; exit 0 if all
# passed.

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
db="$tmp/rapat.db"

# Runs rapat on the database; leaves the status in $rc, stdout in $out and
# stderr in $err.
run() {
  timeout 20 "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

# Returns the value the query selects.
q() {
  "$SQLITE3" "$db" "$1"
}

# Prints the instant @1 (Unix seconds) as "YYYY-MM-DD HH:MM" in UTC.
wall() {
  date -u -d "@$1" '+%Y-%m-%d %H:%M'
}

base=1736121600          # 2025-01-06 00:00 UTC
N=100000

# ---- the database ----

started=$SECONDS
run init
if [ "$rc" -ne 0 ]; then
  fail "rapat init" "exit $rc: $err"
  exit 1
fi
if ! "$SQLITE3" "$db" <<EOF
BEGIN;
INSERT INTO person (name, created_at)
  WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < 50)
  SELECT printf('Pegawai %02d', j), $base FROM k;
INSERT INTO meeting (uid, title, kind, location, start_utc, end_utc, tzid, status, sequence,
                     organizer_id, created_at, updated_at)
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $N - 1)
  SELECT printf('perf-%06d@rapat', i), 'Rapat rutin ' || i, 'meeting', 'Ruang ' || (i % 100),
         $base + i * 1800, $base + i * 1800 + 3600, 'UTC',
         CASE WHEN i % 1000 = 777 THEN 'cancelled' ELSE 'confirmed' END, 0,
         1 + i % 50, $base, $base
  FROM n;
INSERT INTO attendee (meeting_id, person_id) SELECT id, 1 + (id + 24) % 50 FROM meeting;
COMMIT;
EOF
then
  fail "filling the database with the sqlite3 shell"
  exit 1
fi
count=$(q "SELECT count(*) FROM meeting")
if [ "$count" = "$N" ]; then
  pass "$N meetings stored by the sqlite3 shell in a database made by 'rapat init' ($((SECONDS - started)) s)"
else
  fail "$N meetings stored" "count: $count"
fi

# The stored meetings clash with none: neighbours overlap in time only.
run schedule conflicts 54322
if [ "$rc" -eq 0 ] && [ "$out" = "No clashes." ]; then
  pass "a stored meeting has no clashes"
else
  fail "a stored meeting has no clashes" "exit $rc" "$out" "$err"
fi

# ---- a meeting where nothing clashes ----

free_start=$(wall $((base + 54320 * 1800 + 900)))
run meeting add "Rapat bebas" --start "$free_start" --duration 1h --tz UTC --location "Ruang 100" --strict
if [ "$rc" -eq 0 ] && [ "$out" = "100001" ] && [ -z "$err" ]; then
  pass "--strict adds a meeting in a free room (id 100001, nothing on stderr)"
else
  fail "--strict adds a meeting in a free room" "exit $rc" "stdout: $out" "stderr: $err"
fi

# ---- a meeting in a taken room ----

# Meeting number 54320 (id 54321): Ruang 20, from base + 54320 * 30 min for an hour.
start=$((base + 54320 * 1800))
probe_start=$(wall $((start + 900)))
before=$(q "SELECT count(*) FROM meeting")
run meeting add "Rapat uji" --start "$probe_start" --duration 1h --tz UTC --location "ruang  20" --strict
after=$(q "SELECT count(*) FROM meeting")
if [ "$rc" -eq 1 ] && [ -z "$out" ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] \
   && [[ $err == "rapat: error: "*"meeting 54321 'Rapat rutin 54320'"*"'Ruang 20'"* ]] \
   && [ "$before" = "$after" ]; then
  pass "--strict refuses a meeting in a taken room, naming the meeting, and writes nothing"
else
  fail "--strict refuses a meeting in a taken room" "exit $rc" "stdout: $out" "stderr: $err" \
       "meetings before $before, after $after"
fi

run meeting add "Rapat uji" --start "$probe_start" --duration 1h --tz UTC --location "ruang  20"
if [ "$rc" -eq 0 ] && [ "$out" = "100002" ] \
   && [ "$err" = "rapat: warning: clash: meeting 54321 'Rapat rutin 54320' ($(wall "$start")–$(wall $((start + 3600)) | cut -c12-) UTC) uses the same room 'Ruang 20'; overlap $(wall $((start + 900)))–$(wall $((start + 3600)) | cut -c12-) UTC" ]; then
  pass "without --strict the meeting is added with one warning"
else
  fail "without --strict the meeting is added with one warning" "exit $rc" "stdout: $out" "stderr: $err"
fi

run schedule conflicts 100002
expected="Meeting 100002 'Rapat uji' ($(wall $((start + 900)))–$(wall $((start + 4500)) | cut -c12-) UTC)
  meeting 54321 'Rapat rutin 54320' ($(wall "$start")–$(wall $((start + 3600)) | cut -c12-) UTC) uses the same room 'Ruang 20'; overlap $(wall $((start + 900)))–$(wall $((start + 3600)) | cut -c12-) UTC"
if [ "$rc" -eq 0 ] && [ "$out" = "$expected" ]; then
  pass "schedule conflicts lists exactly the expected clash"
else
  fail "schedule conflicts lists exactly the expected clash" "exit $rc" "got:" "$out" "expected:" "$expected" "$err"
fi

run schedule conflicts --from "$(wall "$start" | cut -c1-10)" --to "$(wall "$start" | cut -c1-10)" --tz UTC --json
if [ "$rc" -eq 0 ] && [ "$(printf '%s\n' "$out" | grep -c '"meeting_id": 100002')" -eq 2 ] \
   && [ "$(printf '%s\n' "$out" | grep -c '"meeting_id": 54321')" -eq 2 ] \
   && [ "$(printf '%s\n' "$out" | grep -c '"shared"')" -eq 2 ]; then
  pass "schedule conflicts for the day lists the clash on both sides, and nothing else"
else
  fail "schedule conflicts for the day" "exit $rc" "$out" "$err"
fi

# ---- a person booked then ----

# Meeting number 54321 (id 54322, 30 minutes after 54320) is organised by
# person 1 + 54321 % 50 = 22, whom the new meeting may not take with --strict.
before=$(q "SELECT count(*) FROM attendee")
run attendee add 100002 "Pegawai 22" --strict
after=$(q "SELECT count(*) FROM attendee")
if [ "$rc" -eq 1 ] && [[ $err == "rapat: error: "*"meeting 54322 'Rapat rutin 54321'"*"'Pegawai 22'"* ]] \
   && [ "$before" = "$after" ]; then
  pass "--strict refuses to invite the organizer of an overlapping meeting"
else
  fail "--strict refuses to invite a booked person" "exit $rc" "stdout: $out" "stderr: $err" \
       "attendees before $before, after $after"
fi

# The attendee of meeting id 54320 (number 54319, 30 minutes before 54320):
# person 1 + (54320 + 24) % 50 = 45.
run attendee add 100002 "Pegawai 45"
if [ "$rc" -eq 0 ] && [[ $err == "rapat: warning: clash: meeting 54320 'Rapat rutin 54319'"*"'Pegawai 45'"* ]]; then
  pass "inviting an attendee of an overlapping meeting warns"
else
  fail "inviting an attendee of an overlapping meeting warns" "exit $rc" "stdout: $out" "stderr: $err"
fi

# ---- a cancelled meeting ----

# Meeting number 54777 (id 54778) is cancelled: its room is free.
cstart=$((base + 54777 * 1800))
run meeting add "Rapat pengganti" --start "$(wall "$cstart")" --duration 1h --tz UTC --location "Ruang 77" --strict
if [ "$rc" -eq 0 ] && [ -z "$err" ] && [ "$(q "SELECT status FROM meeting WHERE id = 54778")" = "cancelled" ]; then
  pass "--strict takes the room of a cancelled meeting"
else
  fail "--strict takes the room of a cancelled meeting" "exit $rc" "stdout: $out" "stderr: $err"
fi

# ---- the rooms of parallel sessions ----

# The file's bytes (and those of a write-ahead log, if one is left).
digest() {
  cat "$db" "$db-wal" 2>/dev/null | sha256sum | cut -d' ' -f1
}

# Rakor Teknis, Monday 2026-03-02 09:00-13:00 UTC in its own hall: an
# opening 09:00-10:00, then Panel A (Ruang Rapat Lantai 1) and Panel B
# (Ruang Rapat Lantai 2) in parallel 10:00-11:00.  None of these rooms is
# used by the stored meetings.
run meeting add "Rakor Teknis" --start "2026-03-02 09:00" --duration 4h --tz UTC --location "Aula Rakor" --strict
rakor=$out
ok=$rc
errs=$err
run agenda add "$rakor" Pembukaan --duration 1h --strict
ok=$((ok + rc)); errs=$errs$err
run agenda add "$rakor" "Panel A" --duration 1h --room "Ruang Rapat Lantai 1" --strict
ok=$((ok + rc)); errs=$errs$err
run agenda add "$rakor" "Panel B" --duration 1h --room "Ruang Rapat Lantai 2" --parallel-with 2 --strict
ok=$((ok + rc)); errs=$errs$err
if [ "$ok" -eq 0 ] && [ -z "$errs" ]; then
  pass "a meeting with two parallel sessions in rooms of their own is added with --strict"
else
  fail "a meeting with two parallel sessions" "exit statuses add up to $ok" "stderr: $errs"
fi

run person add "Tamu Undangan"
run schedule find-slot --with "Tamu Undangan" --duration 1h --between 2026-03-02 --between 2026-03-02 \
    --hours 09:00-13:00 --tz UTC --room "ruang rapat lantai 2"
expected="2026-03-02 09:00–10:00 UTC  (free until 10:00)
2026-03-02 11:00–12:00 UTC  (free until 13:00)"
if [ "$rc" -eq 0 ] && [ "$out" = "$expected" ]; then
  pass "find-slot --room avoids the session held there, not the rest of its meeting"
else
  fail "find-slot --room avoids the session" "exit $rc" "got:" "$out" "expected:" "$expected" "$err"
fi

before=$(digest)
run meeting add "Rapat Anggaran" --start "2026-03-02 10:30" --duration 1h --tz UTC \
    --location "Ruang Rapat  Lantai 2" --strict
after=$(digest)
if [ "$rc" -eq 1 ] && [ -z "$out" ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] \
   && [[ $err == "rapat: error: meeting 'Rapat Anggaran': clashes: meeting $rakor 'Rakor Teknis'"*"'Ruang Rapat Lantai 2' for its session 'Panel B'"* ]] \
   && [ "$before" = "$after" ]; then
  pass "--strict refuses a meeting in the room of another meeting's session, naming it, file unchanged"
else
  fail "--strict refuses a meeting in a session's room" "exit $rc" "stdout: $out" "stderr: $err" \
       "sha256 before $before" "sha256 after  $after"
fi

run meeting add "Rapat Anggaran" --start "2026-03-02 10:30" --duration 1h --tz UTC \
    --location "Ruang Rapat  Lantai 2"
anggaran=$out
if [ "$rc" -eq 0 ] \
   && [ "$err" = "rapat: warning: clash: meeting $rakor 'Rakor Teknis' (2026-03-02 09:00–13:00 UTC) uses the same room 'Ruang Rapat Lantai 2' for its session 'Panel B'; overlap 2026-03-02 10:30–11:00 UTC" ]; then
  pass "without --strict it is added with one warning naming the session and its overlap"
else
  fail "without --strict it is added with a warning naming the session" "exit $rc" "stdout: $out" "stderr: $err"
fi

run schedule conflicts "$rakor"
expected="Meeting $rakor 'Rakor Teknis' (2026-03-02 09:00–13:00 UTC)
  meeting $anggaran 'Rapat Anggaran' (2026-03-02 10:30–11:30 UTC) uses the same room 'Ruang Rapat  Lantai 2' as session 'Panel B' of this meeting; overlap 2026-03-02 10:30–11:00 UTC"
if [ "$rc" -eq 0 ] && [ "$out" = "$expected" ]; then
  pass "schedule conflicts of the meeting with the session lists the clash from its side"
else
  fail "schedule conflicts of the meeting with the session" "exit $rc" "got:" "$out" "expected:" "$expected" "$err"
fi

# 12:00-13:00 is still Rakor Teknis, but Panel B ended at 11:00.
run meeting add "Rapat Siang" --start "2026-03-02 12:00" --duration 1h --tz UTC \
    --location "Ruang Rapat Lantai 2" --strict
if [ "$rc" -eq 0 ] && [ -z "$err" ]; then
  pass "--strict takes the room once the session there is over"
else
  fail "--strict takes the room once the session there is over" "exit $rc" "stdout: $out" "stderr: $err"
fi

# A session added in a room another meeting holds then.
run meeting add "Rapat Lantai 3" --start "2026-03-02 10:15" --duration 30m --tz UTC \
    --location "Ruang Rapat Lantai 3" --strict
lantai3=$out
before=$(digest)
run agenda add "$rakor" "Panel C" --duration 1h --room "ruang rapat lantai 3" --parallel-with 2 --strict
after=$(digest)
if [ "$rc" -eq 1 ] && [ -n "$lantai3" ] \
   && [[ $err == "rapat: error: meeting 'Rakor Teknis': clashes: meeting $lantai3 'Rapat Lantai 3'"*"as session 'Panel C' of this meeting"* ]] \
   && [ "$before" = "$after" ]; then
  pass "agenda add --room --strict refuses a session in a room taken then, file unchanged"
else
  fail "agenda add --room --strict refuses a session in a room taken then" "exit $rc" \
       "stdout: $out" "stderr: $err" "sha256 before $before" "sha256 after  $after"
fi

# ---- the file is sound ----

if [ "$(q "PRAGMA integrity_check")" = "ok" ] && [ -z "$(q "PRAGMA foreign_key_check")" ]; then
  pass "the database passes integrity and foreign key checks"
else
  fail "the database passes integrity and foreign key checks"
fi

echo "schedule-perf: $n_pass passed, $n_fail failed ($((SECONDS - started)) s)"
[ "$n_fail" -eq 0 ]
