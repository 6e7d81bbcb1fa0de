#!/bin/bash
# rapat CLI tests: rapat in Bahasa Indonesia (issue 16).
#
# The catalog is built from po/id.po with msgfmt into a private folder the
# build's rapat is pointed at (RAPAT_LOCALEDIR), so the tests need no
# 'make install'.  On the demo database:
#   A. the main commands with LANG=id_ID.UTF-8 on a machine WITHOUT that
#      locale (LOCPATH hides every installed locale; glibc's C.UTF-8 is
#      built in) equal golden-id/*.out: Indonesian words, "Selasa, 2
#      September 2025", "09.00–16.00 WIT", "81,8%";
#   B. the same with the id_ID.UTF-8 locale installed (.ci/setup makes it),
#      and with RAPAT_LANG=id under LANG=C: byte for byte the same;
#   C. none of the interface's common English words appears in the output
#      for people of meeting show, report attendance (text and HTML),
#      report actions, issue show and help;
#   D. output for programs does not change: JSON of meeting show and the
#      CSV of report attendance are the same in both languages;
#      RAPAT_LANG=en under an Indonesian locale gives the English output;
#   E. the documents about a meeting in WIT are Indonesian whatever the
#      locale, English with --lang en or RAPAT_LANG=en; a bad RAPAT_LANG is
#      one line naming it.
#
#   tests/cli/lang.sh              run the checks
#   UPDATE=1 tests/cli/lang.sh     rewrite golden-id/* (read the diff)
#
# Environment (set by 'make check'): RAPAT, SRCDIR, SQLITE3.

set -u
. "$(dirname "$0")/lib.sh"

here=$(cd "$(dirname "$0")" && pwd)
SRCDIR=${SRCDIR:-$(cd "$here/../.." && pwd)}
golden_dir="$SRCDIR/tests/cli/golden-id"
cli_setup

if ! command -v msgfmt >/dev/null; then
  echo "lang.sh: msgfmt is needed (apt-get install gettext)" >&2
  exit 1
fi
mkdir -p "$tmp/locale/id/LC_MESSAGES" "$tmp/no-locales"
if ! msgfmt -o "$tmp/locale/id/LC_MESSAGES/rapat.mo" "$SRCDIR/po/id.po"; then
  echo "lang.sh: po/id.po does not compile" >&2
  exit 1
fi
export RAPAT_LOCALEDIR="$tmp/locale"
db="$tmp/demo.db"
if ! "$RAPAT" --db "$db" demo >/dev/null 2>"$tmp/demo.err"; then
  echo "lang.sh: rapat demo failed" >&2
  cat "$tmp/demo.err" >&2
  exit 1
fi

# The commands of part A, one per line: a name for the golden file, then
# the arguments.
commands=(
  "meeting-show|meeting show 1"
  "meeting-list|meeting list"
  "agenda-list|agenda list 1"
  "attendee-list|attendee list 1"
  "report-attendance|report attendance --meeting 1"
  "report-period|report attendance --from 2025-08-01 --to 2025-09-30 --by unit"
  "report-actions|report actions --by owner"
  "issue-show|issue show 1"
  "action-show|action show 1"
  "minutes-show|minutes show 1"
  "person-show|person show 1"
  "help|help"
  "meeting-help|meeting show --help"
  "error|meeting show 999"
)

# transcript DIR ENV...: runs every command with the environment ENV (as
# for env(1)) and writes DIR/NAME.out: stdout, then stderr lines marked "! ",
# then "[exit N]" when not 0.
transcript() {
  local dir=$1 entry name args rc
  shift
  mkdir -p "$dir"
  for entry in "${commands[@]}"; do
    name=${entry%%|*}
    args=${entry#*|}
    # shellcheck disable=SC2086
    env "$@" "$RAPAT" --db "$db" $args </dev/null >"$dir/$name.out" 2>"$tmp/err"
    rc=$?
    sed 's/^/! /' "$tmp/err" >>"$dir/$name.out"
    [ "$rc" -eq 0 ] || echo "[exit $rc]" >>"$dir/$name.out"
  done
}

echo "# A. Indonesian without the id_ID locale installed"
transcript "$tmp/a" LOCPATH="$tmp/no-locales" LANG=id_ID.UTF-8 LC_ALL=
if [ "${UPDATE:-0}" = 1 ]; then
  mkdir -p "$golden_dir"
  cp "$tmp"/a/*.out "$golden_dir"/
  echo "UPDATED $golden_dir"
fi
for entry in "${commands[@]}"; do
  name=${entry%%|*}
  check "LANG=id_ID.UTF-8, no locale installed: rapat ${entry#*|} equals golden-id/$name.out" \
    diff -u "$golden_dir/$name.out" "$tmp/a/$name.out"
done
check "... dates, times and rates by Indonesian rules" \
  grep -q "Selasa, 2 September 2025, 09.00–16.00 WIT" "$tmp/a/meeting-show.out"
check "... a rate with a decimal comma" grep -q "81,8%" "$tmp/a/report-attendance.out"

echo "# B. the same with the locale installed, and with RAPAT_LANG=id"
if locale -a 2>/dev/null | grep -qix 'id_ID\.utf-\?8'; then
  transcript "$tmp/b" LANG=id_ID.UTF-8 LC_ALL=
  check "LANG=id_ID.UTF-8 with the locale installed: the same bytes" diff -ru "$tmp/a" "$tmp/b"
else
  skip "the id_ID.UTF-8 locale is not installed here (.ci/setup generates it)"
fi
transcript "$tmp/c" RAPAT_LANG=id LC_ALL=C
check "RAPAT_LANG=id under LC_ALL=C: the same bytes" diff -ru "$tmp/a" "$tmp/c"

echo "# C. no English word of the interface in Indonesian output"
# Words the interface uses in English and that are not Indonesian too
# ("agenda", "status", "unit" and "total" are both, and are not listed).
words="present absent invited invitation invitations meeting meetings attendance attended
  due overdue owner reply replies accepted declined pending chair speaker participant observer
  excused sick represented action actions issue issues decision decisions minutes draft
  progress location organizer when open done cancelled confirmed tentative priority
  discussion opening closing review title position phone none"
"$RAPAT" --db "$db" report attendance --meeting 1 --format html -o "$tmp/c-att.html" \
  </dev/null 2>/dev/null
env LOCPATH="$tmp/no-locales" LANG=id_ID.UTF-8 LC_ALL= \
  "$RAPAT" --db "$db" report actions --format html --lang id -o "$tmp/c-act.html" </dev/null
# The words of the HTML pages, without their markup, style and user data
# that is English by nature (e-mail addresses).
for f in "$tmp/c-att.html" "$tmp/c-act.html"; do
  sed -e 's/<style>.*<\/style>//' -e 's/<[^>]*>/ /g' "$f" >"$f.txt"
done
# In help, the commands themselves stay English (scripts rely on them):
# "rapat meeting show MEETING", group names, options and metavariables are
# taken out before the words are looked at.
sed -E -e 's/rapat( [a-z][a-z-]*)+//g' -e 's/^[a-z-]+  \(/(/' -e 's/--[a-z-]+//g' \
  -e 's/\<[A-Z][A-Z_]+\>//g' "$tmp/a/help.out" >"$tmp/a/help.words"
cp "$tmp/a/help.words" "$tmp/a/help-text.out"
for f in meeting-show report-attendance report-period report-actions issue-show help-text; do
  found=
  for w in $words; do
    if grep -qiw -- "$w" "$tmp/a/$f.out"; then
      found="$found $w"
    fi
  done
  check "rapat ${f/-/ }: no English interface word (found:${found:- none})" test -z "$found"
done
for f in c-att c-act; do
  found=
  for w in $words; do
    grep -qiw -- "$w" "$tmp/$f.html.txt" && found="$found $w"
  done
  check "$f.html: no English interface word (found:${found:- none})" test -z "$found"
done

echo "# D. output for programs does not change with the language"
for args in "meeting show 1 --json" "report attendance --meeting 1 --format csv" \
            "report actions --format json" "export ics --meeting 1"; do
  # shellcheck disable=SC2086
  env LOCPATH="$tmp/no-locales" LANG=id_ID.UTF-8 LC_ALL= "$RAPAT" --db "$db" $args \
    </dev/null >"$tmp/d-id" 2>&1
  # shellcheck disable=SC2086
  "$RAPAT" --db "$db" $args </dev/null >"$tmp/d-en" 2>&1
  # The DTSTAMP of an export is the time of the export.
  sed -i '/^DTSTAMP/d' "$tmp/d-id" "$tmp/d-en"
  check "rapat $args: the same in Indonesian and English" cmp "$tmp/d-id" "$tmp/d-en"
done
transcript "$tmp/e" LOCPATH="$tmp/no-locales" LANG=id_ID.UTF-8 LC_ALL= RAPAT_LANG=en
transcript "$tmp/f" LC_ALL=C.UTF-8
check "RAPAT_LANG=en under an Indonesian locale: English, as under C" diff -ru "$tmp/f" "$tmp/e"
check "... in English: the source's words and dates" \
  grep -q "Tue 2 Sep 2025, 09:00–16:00 WIT" "$tmp/f/meeting-show.out"

echo "# E. documents about a meeting follow its zone"
"$RAPAT" --db "$db" report signin --meeting 1 -o "$tmp/e-c.html" </dev/null
check "under LC_ALL=C the sign-in sheet of a WIT meeting is Indonesian" \
  grep -q '<html lang="id"' "$tmp/e-c.html"
"$RAPAT" --db "$db" report attendance --meeting 1 --format html -o "$tmp/e-att.html" </dev/null
check "... and so is the attendance report's HTML, words and date" \
  grep -q "Selasa, 2 September 2025" "$tmp/e-att.html"
RAPAT_LANG=en "$RAPAT" --db "$db" report attendance --meeting 1 --format html \
  -o "$tmp/e-en.html" </dev/null
check "RAPAT_LANG=en makes it English" grep -q '<html lang="en"' "$tmp/e-en.html"
"$RAPAT" --db "$db" minutes export 1 --format html --lang en -o "$tmp/e-min.html" </dev/null
check "--lang en makes the notulen MINUTES OF MEETING" grep -q "MINUTES OF MEETING" "$tmp/e-min.html"
RAPAT_LANG=jv "$RAPAT" --db "$db" meeting list </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
check "RAPAT_LANG=jv: exit 1 with one line naming the value" \
  test "$rc" = 1 -a "$(wc -l <"$tmp/err")" = 1 -a ! -s "$tmp/out"
check "... which says what rapat speaks" grep -q "^rapat: error: RAPAT_LANG 'jv': " "$tmp/err"

# F. Run in place with no RAPAT_LOCALEDIR, the build's rapat finds the
#    catalog 'make' wrote in its build folder (or an installed one): the
#    help is Indonesian, as with the catalog above.
if [ -n "${RAPAT_BUILDDIR:-}" ]; then
  inplace=$(env -u RAPAT_LOCALEDIR RAPAT_LANG=id "$RAPAT" help 2>&1 | head -1)
  pointed=$(RAPAT_LANG=id "$RAPAT" help 2>&1 | head -1)
  check "run in place without RAPAT_LOCALEDIR: the build folder's catalog ($inplace)" \
    test "$inplace" = "$pointed" -a "$inplace" != "$(RAPAT_LANG=en "$RAPAT" help | head -1)"
fi

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
