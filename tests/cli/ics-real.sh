#!/bin/bash
# rapat CLI tests: 'rapat import ics' of the 59 real calendars of
# tests/data/ics (issue 18), each into an empty database, against what
# python3-icalendar and recurring-ical-events say (expected/, made by
# tests/ics-reference.py; no Python runs here).
#
# For each file, as the reference reads it (floating times in Asia/Jakarta,
# occurrences to 2030-12-31, so --until 2030-12-31 for endless rules):
# - one the reference imports: rapat imports it, and lists from its
#   database (sqlite3, not rapat) exactly expected/NAME.out: one line per
#   occurrence with UID, RECURRENCE-ID, START, END (UTC), STATUS, SUMMARY;
#   and the MANIFEST's number of meetings, series and occurrences;
# - one the reference refuses: rapat refuses it with one line on stderr,
#   exit 1 and the database byte-identical;
# - unless tests/data/ics/rapat.tsv says otherwise, with the reason.
# What rapat keeps in its own way, compared as such:
# - a meeting without STATUS is confirmed ("-" is CONFIRMED);
# - white space around a title is dropped, an empty title is "(no title)";
# - an event ending when it starts lasts an hour, as one without end.
#
# Usage: tests/cli/ics-real.sh   (RAPAT=path/to/rapat SQLITE3=sqlite3)

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
data="${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/data/ics"
export LC_ALL=C.UTF-8

# rapat_of NAME COLUMN: the column (2: what, 3: why) of NAME in rapat.tsv.
rapat_of() { awk -F'\t' -v f="$1" -v c="$2" '$1 == f { print $c }' "$data/rapat.tsv"; }
# manifest NAME COLUMN: the column of NAME in expected/MANIFEST.
manifest() { awk -F'\t' -v f="$1" -v c="$2" '$1 == f { print $c }' "$data/expected/MANIFEST"; }
# held DB: what the database DB holds, one line per meeting, sorted.
held() {
  "$SQLITE3" -separator $'\t' "$1" "SELECT coalesce(s.uid, m.uid),
      strftime('%Y%m%dT%H%M%SZ', coalesce(m.recurrence_utc, m.start_utc), 'unixepoch'),
      strftime('%Y%m%dT%H%M%SZ', m.start_utc, 'unixepoch'),
      strftime('%Y%m%dT%H%M%SZ', m.end_utc, 'unixepoch'), upper(m.status), m.title
    FROM meeting m LEFT JOIN series s ON s.id = m.series_id" | sort
}
# counts DB: "meetings series occurrences" the database DB holds.
counts() {
  "$SQLITE3" -separator ' ' "$1" "SELECT count(DISTINCT coalesce(s.uid, m.uid)),
      (SELECT count(*) FROM series), count(*) FROM meeting m LEFT JOIN series s ON s.id = m.series_id"
}
# wanted FILE: the reference's lines FILE as rapat keeps them (see the top).
wanted() {
  local uid rid start end status summary
  while IFS=$'\t' read -r uid rid start end status summary; do
    [ "$status" = - ] && status=CONFIRMED
    summary=${summary#"${summary%%[! ]*}"}
    summary=${summary%"${summary##*[! ]}"}
    [ -z "$summary" ] && summary='(no title)'
    if [ "$end" = "$start" ]; then
      end=$(date -u -d "${start:0:4}-${start:4:2}-${start:6:2} ${start:9:2}:${start:11:2}:${start:13:2} UTC + 1 hour" +%Y%m%dT%H%M%SZ)
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$uid" "$rid" "$start" "$end" "$status" "$summary"
  done <"$1" | sort
}

total=0
for f in "$data"/*.ics; do
  name=$(basename "$f")
  base=${name%.ics}
  total=$((total + 1))
  db="$tmp/$base.db"
  "$RAPAT" --db "$db" init >/dev/null 2>&1
  before=$(sha256sum "$db" | cut -d' ' -f1)
  "$RAPAT" --db "$db" import ics --tz Asia/Jakarta --until 2030-12-31 "$f" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  ref=$(manifest "$name" 2)
  what=$(rapat_of "$name" 2)
  why=$(rapat_of "$name" 3)
  if [ -z "$what" ]; then
    what=match
    [ "$ref" = refused ] && what=refuses
  fi
  case $what in
    refuses)
      lines=$(wc -l <"$tmp/err")
      if [ "$rc" = 1 ] && [ "$lines" = 1 ] && grep -q "^rapat: error: .*$name" "$tmp/err" &&
         [ "$(sha256sum "$db" | cut -d' ' -f1)" = "$before" ]; then
        pass "$base: refused in one line naming the file, nothing written${why:+ ($why)}"
      else
        fail "$base: refused in one line naming the file, nothing written" \
          "exit $rc, $lines lines: $(head -c 600 "$tmp/err")"
      fi
      ;;
    imports)
      # The reference refuses it; rapat reads it (the reason says why).
      n_meetings=${why%% meetings*}
      got=$(counts "$db")
      if [ "$rc" = 0 ] && [ "${got%% *}" = "$n_meetings" ]; then
        pass "$base: imported, $n_meetings meetings ($why)"
      else
        fail "$base: imported, $n_meetings meetings" "exit $rc, got $got: $(head -c 600 "$tmp/err")"
      fi
      ;;
    match|capped|reference-wrong)
      if [ "$rc" != 0 ]; then
        fail "$base: imported" "exit $rc: $(head -c 600 "$tmp/err")"
        continue
      fi
      held "$db" >"$tmp/got"
      if [ "$what" = reference-wrong ]; then
        sort "$data/rapat-expected/$base.out" >"$tmp/want"
      else
        wanted "$data/expected/$base.out" >"$tmp/want"
      fi
      if [ "$what" = capped ]; then
        # Per UID, the reference's lines up to rapat's last start of it.
        awk -F'\t' 'NR == FNR { if ($3 > last[$1]) last[$1] = $3; next }
                    $3 <= last[$1]' "$tmp/got" "$tmp/want" >"$tmp/want.cut"
        mv "$tmp/want.cut" "$tmp/want"
      fi
      if diff "$tmp/want" "$tmp/got" >"$tmp/diff"; then
        pass "$base: $(wc -l <"$tmp/got") occurrences, each at the reference's UTC times${why:+ ($why)}"
      else
        fail "$base: each occurrence at the reference's UTC times" "$(head -n 12 "$tmp/diff")"
      fi
      want_counts="$(manifest "$name" 3) $(manifest "$name" 4) $(manifest "$name" 5)"
      got=$(counts "$db")
      if [ "$what" = capped ]; then
        want_counts=${want_counts% *}
        got=${got% *}
      fi
      [ "$what" = reference-wrong ] && want_counts="$(wc -l <"$tmp/want" | tr -d ' ') 0 $(wc -l <"$tmp/want" | tr -d ' ')"
      check "$base: meetings, series and occurrences as the MANIFEST says ($want_counts)" \
        test "$got" = "$want_counts"
      ;;
    *)
      fail "$base: in the MANIFEST" "result '$what'"
      ;;
  esac
done
check "all the calendars ($total) were read" test "$total" -ge 59
# Every exception names a calendar that is here.
stray=$(grep -v '^#' "$data/rapat.tsv" | cut -f 1 | while read -r x; do [ -e "$data/$x" ] || echo "$x"; done)
check "rapat.tsv names only calendars that are here" test -z "$stray"

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
