#!/bin/bash
# Compares two builds of rapat by the instructions they execute (callgrind),
# which, unlike time, does not depend on what else a shared machine runs.
#
#   bench/icount.sh OLD_RAPAT NEW_RAPAT [MEETINGS]
#
# Both run the same commands on copies of one archive made by bench/rapat-gen
# (MEETINGS meetings, default 1000, seed 1), migrated first so that no count
# includes a migration.  Prints a Markdown table: command, old, new, change.
set -eu
old=$1 new=$2 meetings=${3:-1000}
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapat-icount.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1756771200
"$top/bench/rapat-gen" --meetings "$meetings" --seed 1 --db "$tmp/base.db" >/dev/null 2>&1
for b in old new; do
  cp "$tmp/base.db" "$tmp/$b.db"
  "${!b}" --db "$tmp/$b.db" meeting list --from 2000-01-01 --to 2000-01-01 >/dev/null
done
id=$("$new" --db "$tmp/new.db" meeting list --json | python3 -c \
  'import json,sys; print(json.load(sys.stdin)[0]["id"])')

count() {  # BUILD ARGS...: instructions of one run
  local b=$1; shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "${!b}" --db "$tmp/$b.db" "$@" \
    2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

jobs=(
  "meeting list"
  "meeting show $id"
  "export ics"
  "export ics --sessions --actions"
  "report attendance --from 2025-01-01 --to 2025-12-31"
  "report actions"
  "schedule conflicts"
  "check"
)
printf '| command | old | new | change |\n|---|---:|---:|---:|\n'
for j in "${jobs[@]}"; do
  # shellcheck disable=SC2086
  o=$(count old $j) n=$(count new $j)
  awk -v j="$j" -v o="$o" -v n="$n" 'BEGIN {
    printf "| `%s` | %.1f M | %.1f M | %+.1f %% |\n", j, o / 1e6, n / 1e6, (n - o) * 100 / o }'
done
