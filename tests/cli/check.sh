#!/bin/bash
# rapat CLI tests: 'rapat check' and 'rapat backup'.
#
# check: exit 0 and one line on a fresh and on the demo's database; a row
# tampered with the sqlite3 shell is listed (table, id, level, problem),
# with the count line on stdout, one line on stderr and exit 1; --json
# gives the same for programs; warnings alone exit 0.
# backup: taken while 4 processes keep adding weekly series (3 meetings
# each, one transaction per series), every backup opens, passes
# integrity_check and 'rapat check', is 0600 and holds whole series only
# (meetings = 3 x series); the database itself, its -wal file, an existing
# file without --force and a missing folder are refused with one line, and
# nothing is left behind.
#
# Environment (set by 'make check'): RAPAT, SQLITE3.
# Prints one line per check; exit 0 if all passed, 1 if not.

set -u
. "$(dirname "$0")/lib.sh"

cli_setup

# run DB ARGS...: runs rapat; sets $rc, $out, $err.
run() {
  local db=$1
  shift
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

# expect DESCRIPTION RC: passes when $rc is RC.
expect_rc() {
  if [ "$rc" -eq "$2" ]; then
    pass "$1"
  else
    fail "$1" "exit $rc, expected $2" "stdout: $out" "stderr: $err"
  fi
}

# expect_one_error_line DESCRIPTION: exit 1 with exactly one stderr line.
expect_one_error_line() {
  if [ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] \
     && [ "${err#rapat: error: }" != "$err" ]; then
    pass "$1"
  else
    fail "$1" "exit $rc" "stderr: $err"
  fi
}

# ---- check ----

fresh="$tmp/fresh.db"
run "$fresh" check
expect_rc "check: a fresh database is clean" 0
[ "$out" = "Database '$fresh': no problems found." ] && pass "check: one line when clean" \
  || fail "check: one line when clean" "$out"

demo="$tmp/demo.db"
run "$demo" demo
run "$demo" check
expect_rc "check: the demo's database is clean" 0

bad="$tmp/bad.db"
cp "$demo" "$bad"
"$SQLITE3" "$bad" "PRAGMA ignore_check_constraints = ON; UPDATE attendee SET role = 'boss' WHERE id = 3;"
run "$bad" check
expect_one_error_line "check: a broken row fails with one line on stderr"
if printf '%s\n' "$out" | grep -Eq "^attendee +3 +error +role 'boss': not one of chair, speaker, participant, optional, observer$" \
   && [ "$(printf '%s\n' "$out" | tail -n 1)" = "Database '$bad': 1 error." ] \
   && [ "$(printf '%s\n' "$out" | wc -l)" -eq 3 ]; then
  pass "check: the table names the row, then the count"
else
  fail "check: the table names the row, then the count" "$out"
fi

run "$bad" check --json
expect_rc "check --json: exit 1 on an error" 1
if command -v python3 >/dev/null 2>&1; then
  if printf '%s\n' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = d["problems"]
assert d["errors"] == 1 and d["warnings"] == 0, d
assert len(p) == 1 and p[0]["table"] == "attendee" and p[0]["id"] == 3, p
assert p[0]["level"] == "error" and p[0]["problem"].startswith("role ")
' 2>"$tmp/py.err"; then
    pass "check --json: the problem for programs"
  else
    fail "check --json: the problem for programs" "$out" "$(cat "$tmp/py.err")"
  fi
else
  skip "check --json: python3 not found"
fi

# A NIP or eselon another program wrote: a bad part, or not as rapat writes it.
nipdb="$tmp/nip.db"
cp "$demo" "$nipdb"
"$SQLITE3" "$nipdb" "UPDATE person SET nip = '197213151998031002' WHERE id = 3; UPDATE person SET eselon = 'iia', pangkat = 'Pembina (IV/a)' WHERE id = 4;"
run "$nipdb" check
expect_one_error_line "check: a bad NIP and an eselon fail with one line on stderr"
if printf '%s\n' "$out" | grep -Eq "^person +3 +error +NIP '197213151998031002': month 13 in the birth date is not a month$" \
   && printf '%s\n' "$out" | grep -Eq "^person +4 +error +eselon 'iia': not written as rapat writes it \('II.a'\)$" \
   && [ "$(printf '%s\n' "$out" | wc -l)" -eq 4 ]; then
  pass "check: each NIP and eselon is checked as person add checks it"
else
  fail "check: each NIP and eselon is checked as person add checks it" "$out"
fi

warn="$tmp/warn.db"
cp "$demo" "$warn"
"$SQLITE3" "$warn" "UPDATE meeting SET status = 'cancelled' WHERE id = 1;"
run "$warn" check
expect_rc "check: warnings alone exit 0" 0
if printf '%s\n' "$out" | grep -Eq "^meeting +1 +warning +cancelled" \
   && [ "$(printf '%s\n' "$out" | tail -n 1)" = "Database '$warn': 1 warning." ]; then
  pass "check: a warning is listed and counted"
else
  fail "check: a warning is listed and counted" "$out"
fi

# ---- backup ----

db="$tmp/live.db"
run "$db" init
stop="$tmp/stop"
N_PROC=4
writer() {
  local p=$1 i=0
  while [ ! -e "$stop" ]; do
    i=$((i + 1))
    "$RAPAT" --db "$db" meeting add "Writer $p series $i" --start "2026-01-05 09:00" \
      --duration 1h --tz Asia/Jayapura --repeat weekly --count 3 >/dev/null 2>>"$tmp/writer-$p.err" \
      || echo "write $i failed" >>"$tmp/writer-$p.err"
  done
}
for p in $(seq 1 $N_PROC); do
  writer "$p" &
  pids+=($!)
done
# Let the writers get going, then take backups while they write.
for _ in $(seq 1 100); do
  [ "$("$SQLITE3" "$db" "SELECT count(*) FROM series" 2>/dev/null || echo 0)" -ge 8 ] && break
  sleep 0.1
done
backups_ok=0
for k in 1 2 3; do
  b="$tmp/backup-$k.db"
  run "$db" backup "$b"
  if [ "$rc" -ne 0 ]; then
    fail "backup $k while $N_PROC processes write" "exit $rc" "$err"
    continue
  fi
  integrity=$("$SQLITE3" "$b" "PRAGMA integrity_check" 2>&1)
  counts=$("$SQLITE3" "$b" "SELECT count(*), (SELECT count(*) FROM series) FROM meeting" 2>&1)
  meetings=${counts%|*}
  series=${counts#*|}
  mode=$(stat -c %a "$b")
  if [ "$integrity" = ok ] && [ "$series" -gt 0 ] && [ "$meetings" -eq $((3 * series)) ] \
     && [ "$mode" = 600 ]; then
    backups_ok=$((backups_ok + 1))
  else
    fail "backup $k while $N_PROC processes write" "integrity: $integrity" \
      "meetings|series: $counts" "mode: $mode"
  fi
  sleep 0.2
done
[ "$backups_ok" -eq 3 ] && pass "backup: 3 copies taken while $N_PROC processes write: whole, 0600, consistent counts ($counts)"
touch "$stop"
for p in "${pids[@]}"; do
  wait "$p"
done
pids=()
if cat "$tmp"/writer-*.err 2>/dev/null | grep -q .; then
  fail "backup: the writers never failed" "$(cat "$tmp"/writer-*.err | head -5)"
else
  pass "backup: the writers never failed"
fi
run "$tmp/backup-3.db" check
expect_rc "backup: the copy passes rapat check" 0

before=$("$SQLITE3" "$db" "SELECT count(*) FROM meeting")
run "$db" backup "$db"
expect_one_error_line "backup: the database itself is refused"
run "$db" backup --force "$tmp/./live.db"
expect_one_error_line "backup: the database itself by another name is refused, even with --force"
run "$db" backup --force "$db-wal"
expect_one_error_line "backup: the database's -wal file is refused"
after=$("$SQLITE3" "$db" "SELECT count(*) FROM meeting; PRAGMA integrity_check" | tr '\n' ' ')
[ "$after" = "$before ok " ] && pass "backup: a refused backup leaves the database as it was" \
  || fail "backup: a refused backup leaves the database as it was" "before $before, after $after"

cksum_before=$(cksum <"$tmp/backup-1.db")
run "$db" backup "$tmp/backup-1.db"
expect_one_error_line "backup: an existing file is refused without --force"
[ "$(cksum <"$tmp/backup-1.db")" = "$cksum_before" ] && pass "backup: the existing file is untouched" \
  || fail "backup: the existing file is untouched"
run "$db" backup --force "$tmp/backup-1.db"
expect_rc "backup --force: replaces the existing file" 0

run "$db" backup "$tmp/no-such-folder/b.db"
expect_one_error_line "backup: a missing folder fails with one line"

left=$(find "$tmp" -maxdepth 1 -name '.*' ! -name . | head -5)
[ -z "$left" ] && pass "backup: no temporary file left behind" \
  || fail "backup: no temporary file left behind" "$left"

echo "# $n checks: $n_pass passed, $n_fail failed, $n_skip skipped"
[ "$n_fail" -eq 0 ]
