#!/bin/bash
# rapat benchmark (issue 18): 'import ics' of bench/rapat-gen's export
# against 'calcurse -i' of the same file, each the median of RUNS runs
# (default 3) of wall time, CPU time (user + system: steadier on a shared
# machine) and peak RSS (/usr/bin/time), taken in turns so that a busy
# machine slows both alike.  Not a test.
#   bench/import.sh            (from a built tree)
#   N="1000 10000" RUNS=3 DATA=bench/data bench/import.sh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
rapat="$top/src/rapat"
gen="$top/bench/rapat-gen"
N=${N:-1000 10000}
RUNS=${RUNS:-3}
DATA=${DATA:-$top/bench/data}
export TZ=UTC LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1767225600
mkdir -p "$DATA/import"
out="$DATA/import"
for need in "$rapat" "$gen"; do
  [ -x "$need" ] || { echo "bench: build first ($need is missing): make" >&2; exit 1; }
done
have_calcurse=1
command -v calcurse >/dev/null || { have_calcurse=0; echo "bench: calcurse not found; rapat alone" >&2; }

# median FILE: the median of the numbers in FILE, one per line.
median () { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-8s %-26s %10s %10s %12s\n' meetings command "wall s" "CPU s" "peak RSS KB"
for n in $N; do
  ics="$out/gen-$n.ics"
  if [ ! -s "$ics" ]; then
    rm -f "$out/gen-$n.db"
    "$gen" --meetings "$n" --seed 1 --db "$out/gen-$n.db" >/dev/null
    "$rapat" --db "$out/gen-$n.db" export ics -o "$ics"
  fi
  : >"$out/rt"; : >"$out/rm"; : >"$out/ct"; : >"$out/cm"; : >"$out/at"; : >"$out/am"
  : >"$out/ru"; : >"$out/au"; : >"$out/cu"
  for _ in $(seq "$RUNS"); do
    rm -f "$out/imp.db"*
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$rapat" --db "$out/imp.db" import ics "$ics" >/dev/null
    read -r s u y m <"$out/time"; echo "$s" >>"$out/rt"; echo "$m" >>"$out/rm"; echo "$u + $y" | bc >>"$out/ru"
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$rapat" --db "$out/imp.db" import ics "$ics" >/dev/null
    read -r s u y m <"$out/time"; echo "$s" >>"$out/at"; echo "$m" >>"$out/am"; echo "$u + $y" | bc >>"$out/au"
    if [ "$have_calcurse" = 1 ]; then
      rm -rf "$out/cc"; mkdir -p "$out/cc"
      /usr/bin/time -f "%e %U %S %M" -o "$out/time" calcurse -D "$out/cc" -i "$ics" </dev/null >/dev/null 2>&1 || true
      read -r s u y m <"$out/time"; echo "$s" >>"$out/ct"; echo "$m" >>"$out/cm"; echo "$u + $y" | bc >>"$out/cu"
    fi
  done
  printf '%-8s %-26s %10s %10s %12s\n' "$n" "rapat import ics" "$(median "$out/rt")" \
    "$(median "$out/ru")" "$(median "$out/rm")"
  printf '%-8s %-26s %10s %10s %12s\n' "$n" "rapat import ics (again)" "$(median "$out/at")" \
    "$(median "$out/au")" "$(median "$out/am")"
  if [ "$have_calcurse" = 1 ]; then
    printf '%-8s %-26s %10s %10s %12s\n' "$n" "calcurse -i" "$(median "$out/ct")" \
      "$(median "$out/cu")" "$(median "$out/cm")"
  fi
done
