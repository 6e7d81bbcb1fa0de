#!/bin/bash
# rapat CLI tests: a command killed with SIGKILL leaves the database before
# or after it, never in between.
#
# Two large multi-row commands are started and killed (SIGKILL) after a
# delay that varies from 0 to a little more than the time the command takes
# uninterrupted (measured first), at evenly spread points:
#   - 'rapat demo' on an empty migrated database (hundreds of rows in one
#     transaction);
#   - a bulk 'attendee add M P001 ... P200' (200 invitations, 200 people
#     added first).
# After each kill: 'PRAGMA integrity_check' is ok, the database is exactly
# in the state before the command (no demo rows / no invitations) or after
# it (the full demo counts / 200 invitations), never in between, and
# 'rapat meeting list' works.
#
# Environment (set by 'make check'): RAPAT, SQLITE3; CRASH_POINTS (kill
# points per command, default 32).
# Prints one line per kill point and where the kills landed; exit 0 if all
# passed, 1 if not.

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
POINTS=${CRASH_POINTS:-32}

if [ -z "${EPOCHREALTIME:-}" ]; then
  echo "crash.sh: bash 5 is needed (EPOCHREALTIME)" >&2
  exit 1
fi

# A precise sleep without a process: 'read -t' on a FIFO nobody writes to.
mkfifo "$tmp/fifo" || exit 1
exec 9<>"$tmp/fifo"
pause_us() {
  [ "$1" -gt 0 ] || return 0
  read -r -t "$(printf '%d.%06d' $(($1 / 1000000)) $(($1 % 1000000)))" -u 9 _
  return 0
}

now_us() {
  local t=${EPOCHREALTIME//[.,]/}
  echo $((10#$t))
}

# Runs rapat on database $1; aborts the script if it fails (setup).
setup() {
  local db=$1
  shift
  if ! "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/setup.out" 2>"$tmp/setup.err"; then
    echo "crash.sh: setup command failed: rapat $*" >&2
    cat "$tmp/setup.err" >&2
    exit 1
  fi
}

# The state of database $1: the row count of every table, on one line.
state() {
  local db=$1 tables q t
  tables=$("$SQLITE3" "$db" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;" 2>&1)
  q=""
  for t in $tables; do
    q="$q${q:+ || ' ' || }'$t=' || (SELECT count(*) FROM \"$t\")"
  done
  "$SQLITE3" "$db" "SELECT $q;" 2>&1
}

# Copies database $1 (closed, no journal files) to $2, removing any old
# journal files of $2.
fresh_copy() {
  rm -f "$2" "$2-wal" "$2-shm" "$2-journal"
  cp "$1" "$2"
}

# The time in microseconds one uninterrupted run of the command takes, from
# base database $1 (the mean of 3 runs).
time_command() {
  local base=$1 total=0 k t0 t1
  shift
  for k in 1 2 3; do
    fresh_copy "$base" "$tmp/work.db"
    t0=$(now_us)
    if ! "$RAPAT" --db "$tmp/work.db" "$@" </dev/null >/dev/null 2>"$tmp/timing.err"; then
      echo "crash.sh: the command failed when run uninterrupted: rapat $*" >&2
      cat "$tmp/timing.err" >&2
      exit 1
    fi
    t1=$(now_us)
    total=$((total + t1 - t0))
  done
  echo $((total / 3))
}

# crash_points LABEL BASE BEFORE AFTER ARGS...: kills "rapat ARGS" on a copy
# of BASE at $POINTS delays; each time the state must be BEFORE or AFTER.
crash_points() {
  local label=$1 base=$2 before=$3 after=$4 duration max k delay rc got pid wal
  local -a why
  shift 4
  duration=$(time_command "$base" "$@")
  max=$((duration * 6 / 5))
  [ "$max" -ge 5000 ] || max=5000
  echo "# $label: an uninterrupted run takes $((duration / 1000)) ms;" \
    "$POINTS kills spread over 0-$((max / 1000)) ms"
  for ((k = 0; k < POINTS; k++)); do
    delay=$((max * k / (POINTS - 1)))
    why=()
    fresh_copy "$base" "$tmp/work.db"
    "$RAPAT" --db "$tmp/work.db" "$@" </dev/null >/dev/null 2>"$tmp/err" &
    pid=$!
    pause_us "$delay"
    kill -KILL "$pid" 2>/dev/null
    # (Waiting with stderr closed keeps bash from reporting "Killed".)
    { wait "$pid"; } 2>/dev/null
    rc=$?
    # Was the database open when the kill landed?  Its WAL file exists
    # from the first read until the last connection closes.
    wal=no
    [ -e "$tmp/work.db-wal" ] && wal=yes
    "$RAPAT" --db "$tmp/work.db" meeting list </dev/null >"$tmp/list.out" 2>"$tmp/list.err" \
      || why+=("'rapat meeting list' afterwards failed: $(head -c 300 "$tmp/list.err")")
    integrity=$("$SQLITE3" "$tmp/work.db" "PRAGMA integrity_check;" 2>&1)
    [ "$integrity" = ok ] || why+=("integrity_check: $integrity")
    got=$(state "$tmp/work.db")
    case $rc in
      0) [ -s "$tmp/err" ] && why+=("it finished, with stderr: $(head -c 300 "$tmp/err")") ;;
      137) ;;
      *) why+=("exit status $rc (neither 0 nor killed): $(head -c 300 "$tmp/err")") ;;
    esac
    if [ "$got" = "$before" ]; then
      where=before
    elif [ "$got" = "$after" ]; then
      where=after
    else
      where=BETWEEN
      why+=("the database is in neither state:" "  got    $got" "  before $before" "  after  $after")
    fi
    if [ "$rc" -eq 0 ] && [ "$where" != after ]; then
      why+=("the command exited 0 but the database is not in the state after it")
    fi
    if [ "$rc" -eq 0 ]; then
      how=finished
      n_finished=$((n_finished + 1))
    elif [ "$wal" = no ] && [ "$where" = before ]; then
      how="killed before it opened the database"
      n_early=$((n_early + 1))
    else
      how="killed while running (database open)"
      if [ "$where" = after ]; then n_open_after=$((n_open_after + 1)); else n_open_before=$((n_open_before + 1)); fi
    fi
    case $where in
      before) n_before=$((n_before + 1)) ;;
      after) n_after=$((n_after + 1)) ;;
      *) n_between=$((n_between + 1)) ;;
    esac
    desc="$label, kill after $((delay / 1000)).$(printf '%03d' $(((delay % 1000))))ms: $how, state $where"
    if [ ${#why[@]} -eq 0 ]; then
      pass "$desc"
    else
      fail "$desc" "${why[@]}"
    fi
  done
}

n_before=0; n_after=0; n_between=0
n_early=0; n_open_before=0; n_open_after=0; n_finished=0
totals() {
  echo "# $1: $2 kill points: $n_before before, $n_between between, $n_after after" \
    "($n_early killed before opening the database, $n_open_before killed while running" \
    "and left before, $n_open_after killed while running and left after, $n_finished finished)"
}

# ---------------------------------------------------------------------------
echo "# rapat demo on an empty migrated database"

setup "$tmp/demo-base.db" init
demo_before=$(state "$tmp/demo-base.db")
fresh_copy "$tmp/demo-base.db" "$tmp/demo-after.db"
setup "$tmp/demo-after.db" demo
demo_after=$(state "$tmp/demo-after.db")
# The demo really is a large multi-row command on an empty database.
case "$demo_before" in
  *" meeting=0 "*" unit=0") ;;
  *) echo "crash.sh: the migrated database is not empty: $demo_before" >&2; exit 1 ;;
esac
case "$demo_after" in
  *" meeting=0 "*|*" unit=0") echo "crash.sh: the demo added no meeting or unit: $demo_after" >&2; exit 1 ;;
esac
echo "# before: $demo_before"
echo "# after:  $demo_after"
crash_points "demo" "$tmp/demo-base.db" "$demo_before" "$demo_after" demo
totals "rapat demo" "$POINTS"
all_before=$n_before; all_after=$n_after; all_between=$n_between
all_early=$n_early; all_open_before=$n_open_before; all_open_after=$n_open_after; all_finished=$n_finished

# ---------------------------------------------------------------------------
echo "# a bulk attendee add of 200 people"

bulk="$tmp/bulk-base.db"
setup "$bulk" init
setup "$bulk" meeting add "Rapat pleno" --start "2025-09-02 09:00" --duration 3h --tz Asia/Jayapura
meeting=$(cat "$tmp/setup.out")
people=()
for ((j = 1; j <= 200; j++)); do
  people+=("$(printf 'Peserta %03d' "$j")")
done
# 200 people in one go through the sqlite3 shell would be quicker, but
# rapat itself must create them: 200 commands.
for name in "${people[@]}"; do
  setup "$bulk" person add "$name" --position "Kepala Seksi"
done
bulk_before=$(state "$bulk")
fresh_copy "$bulk" "$tmp/bulk-after.db"
setup "$tmp/bulk-after.db" attendee add "$meeting" "${people[@]}"
bulk_after=$(state "$tmp/bulk-after.db")
case "$bulk_before|$bulk_after" in
  *" attendee=0 "*\|*" attendee=200 "*) ;;
  *) echo "crash.sh: unexpected bulk states: '$bulk_before' / '$bulk_after'" >&2; exit 1 ;;
esac
echo "# before: $bulk_before"
echo "# after:  $bulk_after"
n_before=0; n_after=0; n_between=0
n_early=0; n_open_before=0; n_open_after=0; n_finished=0
crash_points "attendee add x200" "$bulk" "$bulk_before" "$bulk_after" attendee add "$meeting" "${people[@]}"
totals "attendee add of 200" "$POINTS"

all_before=$((all_before + n_before)); all_after=$((all_after + n_after))
all_between=$((all_between + n_between)); all_early=$((all_early + n_early))
all_open_before=$((all_open_before + n_open_before)); all_open_after=$((all_open_after + n_open_after))
all_finished=$((all_finished + n_finished))
echo "# kill points: $((2 * POINTS)): $all_before before, $all_between between, $all_after after" \
  "($all_early killed before opening the database, $all_open_before killed while running and left" \
  "before, $all_open_after killed while running and left after, $all_finished finished first)"
echo "# $n checks: $n_pass passed, $n_fail failed"
[ "$n_fail" -eq 0 ]
