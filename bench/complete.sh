#!/bin/bash
# Shell completion at archive scale: 'rapat __complete' must answer within
# LIMIT_MS (default 50) on the 50,000-meeting archive, as a shell waits for
# it on every Tab.  Each figure is the median wall time of RUNS runs
# (default 21), the start-up floor (a no-op linked with the same libraries,
# bench/floor-start-base) measured in the same run for scale.
#   bench/complete.sh         (from a built tree)
#   L=50000 RUNS=21 LIMIT_MS=50 DATA=bench/data bench/complete.sh
# Exits 1 when a median is over the limit.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
rapat="$top/src/rapat"
gen="$top/bench/rapat-gen"
L=${L:-50000}
RUNS=${RUNS:-21}
LIMIT_MS=${LIMIT_MS:-50}
DATA=${DATA:-$top/bench/data}
export TZ=UTC LC_ALL=C.UTF-8
unset RAPAT_DB
mkdir -p "$DATA"
ldb="$DATA/L-$L.db"

for need in "$rapat" "$gen" "$top/bench/floor-start-base"; do
  [ -x "$need" ] || { echo "bench: build first ($need is missing): make" >&2; exit 1; }
done
if [ ! -s "$ldb" ]; then
  echo "== building L ($L meetings) through the store API, once (kept in $DATA)"
  "$gen" --meetings "$L" --seed 1 --db "$ldb"
fi
# Completion never migrates: an archive of an older rapat is brought up to
# date first (and checkpointed, as after any command).
"$rapat" --db "$ldb" meeting list --from 2000-01-01 --to 2000-01-01 >/dev/null
mid=$(( L / 2 ))

median () { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

over=0
# measure NAME CMD...: the median of RUNS runs, in milliseconds.
measure () {
  local name=$1 t0 t1 lines
  shift
  lines=$("$@" | wc -l)
  for _ in $(seq "$RUNS"); do
    t0=$EPOCHREALTIME
    "$@" >/dev/null
    t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }'
  done | median >"$DATA/complete.t"
  printf '  %-52s %8.1f ms  %4d lines\n' "$name" "$(cat "$DATA/complete.t")" "$lines"
  if [ "$name" != "${name#rapat }" ] && awk -v t="$(cat "$DATA/complete.t")" -v l="$LIMIT_MS" 'BEGIN { exit !(t > l) }'; then
    over=1
  fi
}

c() { "$rapat" __complete --db "$ldb" "$@"; }
echo "== rapat __complete on L ($L meetings, $(sqlite3 "$ldb" 'SELECT count(*) FROM attendee') invitations), medians of $RUNS runs"
measure "start-up floor (no-op, same libraries)" "$top/bench/floor-start-base"
measure "rapat me<TAB>                 (a group)" c me
measure "rapat meeting list --<TAB>    (options)" c meeting list --
measure "rapat report attendance --format <TAB>" c report attendance --format ""
measure "rapat meeting add --tz Asia/<TAB> (zones)" c meeting add --tz Asia/
measure "rapat meeting show <TAB>      (nearest meetings)" c meeting show ""
measure "rapat meeting show 12<TAB>    (ids)" c meeting show 12
measure "rapat meeting show rapim<TAB> (titles, many)" c meeting show rapim
measure "rapat meeting show zzzq<TAB>  (titles, none: a whole pass)" c meeting show zzzq
measure "rapat meeting list --kind <TAB> (kinds in use)" c meeting list --kind ""
measure "rapat attendee rsvp M <TAB>   (invitees of M)" c attendee rsvp "$mid" ""
measure "rapat attendee add M <TAB>    (people)" c attendee add "$mid" ""
measure "rapat report attendance --unit <TAB> (units)" c report attendance --unit ""
measure "rapat action show <TAB>       (actions)" c action show ""
measure "rapat agenda edit M <TAB>     (items of M)" c agenda edit "$mid" ""
if [ "$over" = 0 ]; then
  echo "every median within ${LIMIT_MS} ms"
else
  echo "bench: a median is over ${LIMIT_MS} ms" >&2
  exit 1
fi
