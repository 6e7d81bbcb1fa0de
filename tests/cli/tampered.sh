#!/bin/bash
# rapat CLI tests: a database changed outside rapat is refused, never a crash.
#
# Each case copies a demo database, changes one row with the sqlite3 shell
# the way another program could (text cut inside a UTF-8 character, an
# instant far outside 1900..9998, an enumerated value the CHECKs would
# refuse, a unit that is its own ancestor, a negative user_version) and runs
# the commands that read it.  A command that reads the bad row must exit 1
# with exactly one line on stderr naming the table and id
# ("rapat: error: meeting 1: title is not valid UTF-8 ..."); one that does
# not read it must succeed.  Exit 128 or more (a signal) or a sanitizer
# report on stderr is always a failure, so this passes in the ASan/UBSan
# build only when nothing reads past a buffer or overflows.
#
# Environment (set by 'make check'): RAPAT, SQLITE3.
# Prints one line per case and a summary; exit 0 if all passed, 1 if not.

set -u
. "$(dirname "$0")/lib.sh"

cli_setup

"$RAPAT" --db "$tmp/base.db" demo >/dev/null 2>"$tmp/err" || {
  echo "$cli_name: 'rapat demo' failed: $(cat "$tmp/err")" >&2
  exit 1
}

# The changes: name, then SQL run by the sqlite3 shell on a fresh copy.
# Ids are the demo's: meeting 1, person 3, unit 3 (below unit 2), agenda
# item 2, attendee 1.
declare -A change=(
  [meeting-title]="UPDATE meeting SET title = CAST(X'41C3' AS TEXT) WHERE id = 1"
  [person-name]="UPDATE person SET name = CAST(X'41C3' AS TEXT) WHERE id = 3"
  [unit-name]="UPDATE unit SET name = CAST(X'41C3' AS TEXT) WHERE id = 3"
  [item-title]="UPDATE agenda_item SET title = CAST(X'41C3' AS TEXT) WHERE id = 2"
  [unit-cycle]="UPDATE unit SET parent_id = 3 WHERE id = 2"
  [start-high]="PRAGMA ignore_check_constraints = 1; UPDATE meeting SET start_utc = 4611686018427387904 WHERE id = 1"
  [start-low]="UPDATE meeting SET start_utc = -4611686018427387904 WHERE id = 1"
  [status-unknown]="PRAGMA ignore_check_constraints = 1; UPDATE meeting SET status = 'postponed' WHERE id = 1"
  [rsvp-unknown]="PRAGMA ignore_check_constraints = 1; UPDATE attendee SET rsvp = 'maybe' WHERE id = 1"
  [version-negative]="PRAGMA user_version = -3"
)

# check CHANGE EXPECT COMMAND...: runs COMMAND on a copy with CHANGE made.
# EXPECT is "ok" (exit 0, nothing on stderr) or the start of the one error
# line after "rapat: error: " ("meeting 1:").
check() {
  local name=$1 expect=$2 status lines
  local why=()
  shift 2
  rm -f "$tmp/t.db" "$tmp/t.db-wal" "$tmp/t.db-shm"
  cp "$tmp/base.db" "$tmp/t.db"
  if ! "$SQLITE3" "$tmp/t.db" "${change[$name]}" >/dev/null 2>"$tmp/err"; then
    fail "$name: rapat $*" "the sqlite3 shell failed: $(cat "$tmp/err")"
    return
  fi
  "$RAPAT" --db "$tmp/t.db" "$@" >/dev/null 2>"$tmp/err" </dev/null
  status=$?
  lines=$(wc -l <"$tmp/err")
  if [ "$status" -ge 128 ]; then
    why+=("killed by signal $((status - 128))")
  fi
  if grep -qE 'runtime error|Sanitizer|==[0-9]+==' "$tmp/err"; then
    why+=("sanitizer report: $(grep -m1 -E 'runtime error|Sanitizer|==[0-9]+==' "$tmp/err")")
  fi
  if [ "$expect" = ok ]; then
    [ "$status" -eq 0 ] || why+=("exit $status, expected 0")
    [ "$lines" -eq 0 ] || why+=("stderr: $(head -c 300 "$tmp/err")")
  else
    [ "$status" -eq 1 ] || why+=("exit $status, expected 1")
    [ "$lines" -eq 1 ] || why+=("$lines lines on stderr, expected 1: $(head -c 300 "$tmp/err")")
    case $(head -n1 "$tmp/err") in
      "rapat: error: $expect"*) ;;
      *) why+=("expected 'rapat: error: $expect...', got: $(head -n1 "$tmp/err" | head -c 300)") ;;
    esac
  fi
  if [ ${#why[@]} -eq 0 ]; then
    pass "$name: rapat $* -> ${expect}"
  else
    fail "$name: rapat $* -> ${expect}" "${why[@]}"
  fi
}

period=(report attendance --from 2025-01-01 --to 2026-01-01)

check meeting-title "meeting 1:" meeting list
check meeting-title "meeting 1:" meeting show 1
check meeting-title "meeting 1:" report attendance --meeting 1
check meeting-title ok "${period[@]}"
check meeting-title "meeting 1:" export ics
check meeting-title ok person list
check meeting-title ok unit list

check person-name ok meeting list
check person-name "person 3:" meeting show 1
check person-name "person 3:" report attendance --meeting 1
check person-name "person 3:" "${period[@]}"
check person-name "person 3:" export ics
check person-name "person 3:" person list
check person-name "person 3:" unit show 2
check person-name ok unit list

check unit-name ok meeting list
check unit-name "unit 3:" meeting show 1
check unit-name "unit 3:" report attendance --meeting 1
check unit-name "unit 3:" "${period[@]}"
check unit-name "unit 3:" export ics
check unit-name "unit 3:" person list
check unit-name "unit 3:" unit list
check unit-name "unit 3:" unit show 3

check item-title ok meeting list
check item-title "agenda_item 2:" meeting show 1
check item-title "agenda_item 2:" agenda list 1
check item-title "agenda_item 2:" export ics
check item-title ok report attendance --meeting 1

check unit-cycle ok meeting list
check unit-cycle "unit " unit list
check unit-cycle "unit 2:" unit show 2
check unit-cycle "unit 3:" unit edit 3 --name "Lapas Ambon"
check unit-cycle "unit 2:" unit edit 2 --code X
check unit-cycle "unit " "${period[@]}"
check unit-cycle ok person list

for name in start-high start-low; do
  check "$name" "meeting 1:" meeting list
  check "$name" "meeting 1:" meeting show 1
  check "$name" "meeting 1:" report attendance --meeting 1
  check "$name" ok "${period[@]}"
  check "$name" "meeting 1:" export ics
  check "$name" ok person list
done

check status-unknown "meeting 1:" meeting list
check status-unknown "meeting 1:" meeting show 1
check status-unknown "meeting 1:" report attendance --meeting 1
check status-unknown "meeting 1:" export ics

check rsvp-unknown ok meeting list
check rsvp-unknown "attendee 1:" meeting show 1
check rsvp-unknown "attendee 1:" report attendance --meeting 1
check rsvp-unknown "attendee 1:" "${period[@]}"
check rsvp-unknown "attendee 1:" export ics

for cmd in "meeting list" "meeting show 1" "report attendance --meeting 1" "unit list" "person list" "export ics"; do
  # shellcheck disable=SC2086
  check version-negative "database '$tmp/t.db': schema version -3 is not one rapat writes" $cmd
done

echo "# $n checks: $n_pass passed, $n_fail failed, $n_skip skipped"
[ "$n_fail" -eq 0 ]
