#!/bin/sh
# Writes the reference result of every calendar here (tests/ics-reference.py,
# python3-icalendar + recurring-ical-events) into OUTDIR (default: expected/
# next to this script):
#   NAME.out   the occurrences a meeting importer should make, one a line
#   NAME.err   for a file the reference refuses: its one-line reason
#   MANIFEST   one line a file: NAME, "imports" and the counts (events,
#              series, occurrences, all-day, capped), or NAME, "refused"
#              and the reason
# tests/cli/ics-data.sh runs it into a temp folder and compares.  Run it by
# hand after adding a calendar, and read the new files before committing.
#
#   tests/data/ics/regen.sh [OUTDIR]
# Environment: PYTHON (default /usr/bin/python3).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/expected}
python=${PYTHON:-/usr/bin/python3}
reference=$here/../../ics-reference.py
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/*.out "$out"/*.err "$out/MANIFEST"
cd "$here"
{
  printf '# file\tresult\tevents\tseries\toccurrences\tall-day\tcapped (refused: the reason)\n'
  for f in *.ics; do
    name=${f%.ics}
    rc=0
    # Timezone-independent: the reference works in UTC and --tz.
    "$python" "$reference" --summary-to "$out/$name.counts" "$f" \
      >"$out/$name.out" 2>"$out/$name.err" || rc=$?
    case $rc in
      0)
        rm -f "$out/$name.err"
        counts=$(cut -f 2 "$out/$name.counts" | paste -s -)
        rm -f "$out/$name.counts"
        printf '%s\timports\t%s\n' "$f" "$counts"
        ;;
      2)
        rm -f "$out/$name.out"
        sed -n '1s/^ics-reference: [^:]*: refused: //p' "$out/$name.err" >"$out/$name.err.t"
        mv "$out/$name.err.t" "$out/$name.err"
        printf '%s\trefused\t%s\n' "$f" "$(cat "$out/$name.err")"
        ;;
      *)
        echo "regen.sh: $f: tests/ics-reference.py failed (exit $rc):" >&2
        cat "$out/$name.err" >&2
        exit 1
        ;;
    esac
  done
} >"$out/MANIFEST"
