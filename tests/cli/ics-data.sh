#!/bin/bash
# rapat CLI tests: the real-world calendars of tests/data/ics and their
# reference results, checked as data (no rapat run here; the importer's own
# test compares rapat with expected/).
#
# - tests/data/ics/regen.sh, run into a temp folder, writes exactly the
#   checked-in expected/ (MANIFEST, every NAME.out and NAME.err): the
#   reference (tests/ics-reference.py: python3-icalendar and
#   recurring-ical-events) and the data have not drifted apart;
# - every calendar has a MANIFEST line and a README row naming its source,
#   and every README row names a calendar that is here;
# - there are at least 30 calendars, at least 30 that import to meetings
#   and some that are refused;
# - the reference is sensitive: floating times read in another --tz move.
#
# Skipped (exit 77) when Python's icalendar or recurring_ical_events is
# missing.  Environment: SRCDIR (the top source folder; default: two up from
# here), PYTHON (default /usr/bin/python3).

set -u
. "$(dirname "$0")/lib.sh"

SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
PYTHON=${PYTHON:-/usr/bin/python3}
data=$SRCDIR/tests/data/ics
if [ ! -x "$PYTHON" ] ||
   ! "$PYTHON" -c 'import icalendar, recurring_ical_events' >/dev/null 2>&1; then
  echo "ics-data.sh: skipped: Python's icalendar and recurring_ical_events are needed" \
       "(PYTHON='$PYTHON'; install python3-icalendar python3-recurring-ical-events)" >&2
  exit 77
fi
pin_environment
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapat-ics-data.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# 1. The reference again, into $tmp/expected.
if PYTHON=$PYTHON "$data/regen.sh" "$tmp/expected" >"$tmp/regen.log" 2>&1; then
  pass "regen.sh runs the reference on every calendar"
else
  fail "regen.sh runs the reference on every calendar" "$(head -c 600 "$tmp/regen.log")"
fi
if diff -u "$data/expected/MANIFEST" "$tmp/expected/MANIFEST" >"$tmp/diff"; then
  pass "MANIFEST: the same imports/refused and counts as checked in"
else
  fail "MANIFEST: the same imports/refused and counts as checked in" "$(head -n 30 "$tmp/diff")"
fi
for f in "$data"/*.ics; do
  name=$(basename "$f" .ics)
  bad=
  for ext in out err; do
    if [ -e "$data/expected/$name.$ext" ] || [ -e "$tmp/expected/$name.$ext" ]; then
      if ! diff -u "$data/expected/$name.$ext" "$tmp/expected/$name.$ext" >"$tmp/diff" 2>&1; then
        bad="$bad$(head -n 20 "$tmp/diff")"$'\n'
      fi
    fi
  done
  if [ -z "$bad" ]; then
    pass "$name: the reference gives the checked-in result"
  else
    fail "$name: the reference gives the checked-in result" "$bad"
  fi
done
stray=
for f in "$data"/expected/*; do
  base=$(basename "$f")
  case $base in
    MANIFEST) ;;
    *.out|*.err) [ -e "$data/${base%.*}.ics" ] || stray="$stray $base" ;;
    *) stray="$stray $base" ;;
  esac
done
check "expected/ holds only results of calendars that are here" test -z "$stray"

# 2. MANIFEST and README cover the same files as the folder.
(cd "$data" && ls -- *.ics) >"$tmp/files"
grep -v '^#' "$data/expected/MANIFEST" | cut -f 1 >"$tmp/manifest"
sed -n 's/^| `\([^`]*\.ics\)` | .*/\1/p' "$data/README.md" | sort >"$tmp/readme"
check "every calendar has one MANIFEST line" diff -u "$tmp/files" "$tmp/manifest"
check "every calendar has one README row, and every row a calendar" diff -u "$tmp/files" "$tmp/readme"
bad_rows=$(sed -n '/^| `[^`]*\.ics` |/p' "$data/README.md" |
  awk -F' [|] ' 'NF < 7 || length($4) != 40 || $4 ~ /[^0-9a-f]/ || $5 == "" || $3 == "" { print }')
check "every README row has a repository, path, 40-hex commit and licence" test -z "$bad_rows"

# 3. Enough calendars, of both kinds.
count=$(wc -l <"$tmp/files")
check "at least 30 calendars ($count)" test "$count" -ge 30
meetings=$(awk -F'\t' '$2 == "imports" && $5 > 0' "$data/expected/MANIFEST" | wc -l)
check "at least 30 import to one meeting or more ($meetings)" test "$meetings" -ge 30
refused=$(awk -F'\t' '$2 == "refused"' "$data/expected/MANIFEST" | wc -l)
check "some are refused ($refused)" test "$refused" -ge 5

# 4. The reference reads floating times in --tz: the same file in UTC moves
# the floating event by Jakarta's 7 hours, and only that one.
mixed=$data/apple-ical-request-mixed-zones.ics
if "$PYTHON" "$SRCDIR/tests/ics-reference.py" --tz UTC "$mixed" >"$tmp/utc.out" 2>&1 &&
   diff "$data/expected/apple-ical-request-mixed-zones.out" "$tmp/utc.out" >"$tmp/diff"; then
  fail "a floating time moves with --tz" "the output did not change with --tz UTC"
else
  check "a floating time moves with --tz (one event, 7 hours)" \
    grep -qx '> 1C9439B1-FF65-11D6-9973-003065F99D04	20021028T012030Z	20021028T012030Z	20021029T012030Z	-	No Timezone' "$tmp/diff"
fi

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
