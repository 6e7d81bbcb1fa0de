#!/bin/bash
# rapat CLI tests: holidays (issue 18) — 'holiday add/list/remove/import'
# with the shipped calendar of Indonesia's 2025-2026 holidays, find-slot
# skipping them, and the warning of a meeting added on one.  Every refusal
# is one line on stderr, a non-zero exit, and a byte-identical database.
#
# Usage: tests/cli/holiday.sh   (RAPAT=path/to/rapat, SRCDIR=the source tree)

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
ics="$SRCDIR/data/holidays/id-2025-2026.ics"
export RAPAT_DB="$tmp/t.db"

# r ARGS...: runs rapat, output in $tmp/out and $tmp/err, status in $rc.
r() { "$RAPAT" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what" "out: $(head -c 600 "$tmp/out")" "err: $(cat "$tmp/err")"; fi
}
sum() { sha256sum "$RAPAT_DB" | cut -d' ' -f1; }
# refused DESCRIPTION STATUS ERROR-LINE ARGS...: rapat ARGS fails with exit
# STATUS and the one line ERROR-LINE on stderr (a prefix when it ends in
# '*'), and the database is byte-identical.
refused() {
  local what=$1 status=$2 line=$3 before
  shift 3
  before=$(sum)
  r "$@"
  local got
  got=$(cat "$tmp/err")
  if [ "$rc" != "$status" ] || [ "$(wc -l <"$tmp/err")" != 1 ] || [ "$(sum)" != "$before" ] \
     || { [ "${line%\*}" = "$line" ] && [ "$got" != "$line" ]; } \
     || { [ "${line%\*}" != "$line" ] && [ "${got#"${line%\*}"}" = "$got" ]; }; then
    fail "$what" "exit $rc (want $status)" "err: $got" "want: $line"
  else
    pass "$what"
  fi
}

"$RAPAT" init >/dev/null 2>&1

# The shipped file keeps to RFC 5545, by the shared strict checker when it
# is beside the source tree (as in CI).
checker="$SRCDIR/../shared/tools/ics-check/ics-check"
if [ -x "$checker" ]; then
  if "$checker" --strict-only "$ics" >"$tmp/out" 2>"$tmp/err"; then
    pass "id-2025-2026.ics passes ics-check --strict"
  else
    fail "id-2025-2026.ics passes ics-check --strict" "$(cat "$tmp/out" "$tmp/err")"
  fi
else
  skip "id-2025-2026.ics passes ics-check --strict (no $checker)"
fi

# The shipped calendar, imported twice.
r holiday import "$ics" --dry-run
check "dry run: says what it would add" grep -qx "53 to add, 0 already known (dry run: nothing changed)" "$tmp/out"
r holiday list
check "... and adds nothing" grep -q "^No holidays" "$tmp/out"
r holiday import "$ics"
check "import: 53 days of 2025 and 2026 added" grep -qx "53 added, 0 already known" "$tmp/out"
check "... quietly" test ! -s "$tmp/err" -a "$rc" = 0
before=$(sum)
r holiday import - <"$ics"
check "a second import adds nothing (from standard input: 'holiday import -')" \
  grep -qx "0 added, 53 already known" "$tmp/out"
check "... and leaves the file byte-identical" test "$(sum)" = "$before"
r holiday list --year 2025
check "2025: 17 national holidays and 11 joint leave days (18 August added)" \
  test "$(grep -c ' national ' "$tmp/out")" = 17 -a "$(grep -c ' joint-leave ' "$tmp/out")" = 11
check "... shown by day, aligned" grep -qx "2025-08-17  Sun 17 Aug 2025  national     Hari Kemerdekaan RI" "$tmp/out"
r holiday list --from 2026-01-01 --to 2026-12-31
check "2026: 17 national holidays and 8 joint leave days" \
  test "$(grep -c ' national ' "$tmp/out")" = 17 -a "$(grep -c ' joint-leave ' "$tmp/out")" = 8
r holiday list --json --from 2025-08-18 --to 2025-08-18
cat >"$tmp/want.json" <<'EOF'
[
  {
    "id": 25,
    "date": "2025-08-18",
    "name": "Cuti bersama Hari Kemerdekaan RI ke-80",
    "kind": "joint-leave",
    "source": "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 933/2025, No. 1/2025, No. 3/2025 (7 Agustus 2025), perubahan atas SKB No. 1017/2024, No. 2/2024, No. 2/2024"
  }
]
EOF
check "JSON: exact, with the decree as its source" cmp -s "$tmp/out" "$tmp/want.json"

# Typed in, and removed.
r holiday add 2025-09-01 "Hari jadi Kota Ambon" --kind lokal
check "add: prints the new id" grep -qx "54" "$tmp/out"
r holiday remove 2025-09-01
check "remove DATE: removes the day's holiday" test "$rc" = 0
r holiday list --from 2025-09-01 --to 2025-09-01
check "... gone" grep -q "^No holidays" "$tmp/out"

# Refusals.
refused "a date that does not exist" 2 \
  "rapat: error: day '2025-02-30': no such date (February 2025 has 28 days) (see 'rapat holiday add --help')" \
  holiday add 2025-02-30 "Hari X"
refused "an unknown kind" 2 \
  "rapat: error: holiday kind 'bogus': expected one of national, joint-leave, local (see 'rapat holiday add --help')" \
  holiday add 2025-09-02 "Hari X" --kind bogus
refused "an empty name" 1 "rapat: error: name*" holiday add 2025-09-02 " "
refused "the same holiday twice" 1 \
  "rapat: error: holiday 'Hari Kemerdekaan RI' on 2025-08-17: already in the calendar (id 24)" \
  holiday add 2025-08-17 "Hari Kemerdekaan RI"
refused "remove: a day without a holiday" 1 "rapat: error: day '2025-09-02': no holiday on it" \
  holiday remove 2025-09-02
refused "remove: a name not on that day" 1 \
  "rapat: error: holiday 'Natal' on 2025-08-17: not in the calendar" holiday remove 2025-08-17 Natal
refused "list: --year and --from together" 2 "rapat: error: holiday list: give --year*" \
  holiday list --year 2025 --from 2025-01-01
refused "list: a year that is not one" 2 \
  "rapat: error: year 'MMXXV': expected a year from 1900 to 9998 (see 'rapat holiday list --help')" holiday list --year MMXXV
refused "import: a file that is not there" 1 "rapat: error: file '$tmp/none.ics': *" \
  holiday import "$tmp/none.ics"
printf 'hello\n' >"$tmp/junk.ics"
refused "import: not a calendar" 1 \
  "rapat: error: calendar '$tmp/junk.ics': not an iCalendar file (it does not start with BEGIN:VCALENDAR)" \
  holiday import "$tmp/junk.ics"
# A good event, then one never closed: nothing of the file is kept.
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:Tahun Baru 2027\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20270102\r\n' >"$tmp/broken.ics"
refused "import: a broken file is refused whole, naming the line" 1 \
  "rapat: error: calendar '$tmp/broken.ics', line 9: BEGIN:VEVENT is never closed" \
  holiday import "$tmp/broken.ics"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:p\r\nDTSTART;VALUE=DATE:20270401\r\nSUMMARY:Paskah\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$tmp/easter.ics"
refused "import: a rule other than a plain yearly one is refused" 1 \
  "rapat: error: calendar '$tmp/easter.ics', line 8 (UID p): RRULE 'FREQ=YEARLY;BYDAY=1SU;BYMONTH=4': only a yearly rule*" \
  holiday import "$tmp/easter.ics"
refused "import: an unknown --kind" 2 "rapat: error: holiday kind 'x': *" \
  holiday import "$ics" --kind x
r holiday list --year 2027
check "... and after every refusal nothing of 2027 is kept" grep -q "^No holidays" "$tmp/out"

# A yearly rule without end, and a meeting in a calendar of holidays.
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:n\r\nDTSTART;VALUE=DATE:20300101\r\nSUMMARY:Tahun Baru\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:m\r\nDTSTART:20300105T020000Z\r\nSUMMARY:Rapat\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$tmp/endless.ics"
r holiday import "$tmp/endless.ics" --kind national
check "an endless yearly rule is read for 10 years" grep -qx "10 added, 0 already known" "$tmp/out"
check "... with a note saying so, and the timed event left out" test "$(cat "$tmp/err")" = \
"rapat: warning: calendar '$tmp/endless.ics', line 8: 'Tahun Baru' repeats every year without end; read for 10 years, 2030 to 2039
rapat: warning: calendar '$tmp/endless.ics': 1 event with a time of day left out (a holiday is a whole day)"

# find-slot skips 17 August (a Monday in 2026) unless told not to.
"$RAPAT" person add "Ana Latuconsina" >/dev/null
r schedule find-slot --with Ana --duration 1h --between 2026-08-17..2026-08-18 --tz Asia/Jayapura --count 1
check "find-slot skips 17 August 2026" grep -qx "2026-08-18 08:00–09:00 WIT  (free until 16:00)" "$tmp/out"
r schedule find-slot --with Ana --duration 1h --between 2026-08-17..2026-08-18 --tz Asia/Jayapura --count 1 --include-holidays
check "... and --include-holidays proposes it" grep -qx "2026-08-17 08:00–09:00 WIT  (free until 16:00)" "$tmp/out"
refused "only holidays in the range: no slot" 1 "rapat: error: duration '1h': no free slot from 2026-08-17 to 2026-08-17*" \
  schedule find-slot --with Ana --duration 1h --between 2026-08-17..2026-08-17 --tz Asia/Jayapura

# A meeting on a holiday is added, with a warning.
r meeting add "Rapat koordinasi" --start "2025-08-17 09:00" --duration 1h --tz Asia/Jakarta
check "meeting add on 17 August: added" test "$rc" = 0 -a -n "$(cat "$tmp/out")"
check "... with one warning naming the holiday" test "$(cat "$tmp/err")" = \
  "rapat: warning: 2025-08-17 is a holiday (Hari Kemerdekaan RI)"
m=$(cat "$tmp/out")
r meeting edit "$m" --start "2025-08-19 09:00" --duration 1h
check "moved to a working day: no warning" test "$rc" = 0 -a ! -s "$tmp/err"
r meeting edit "$m" --start "2025-08-18 09:00" --duration 1h
check "moved to 18 August: the joint leave day is named" test "$(cat "$tmp/err")" = \
  "rapat: warning: 2025-08-18 is a holiday (Cuti bersama Hari Kemerdekaan RI ke-80)"
r meeting add "Rapat Jumat" --start "2025-08-15 09:00" --duration 1h --tz Asia/Jakarta
check "a meeting on a working day: no warning" test "$rc" = 0 -a ! -s "$tmp/err"

# A holiday changed outside rapat: 'rapat check' names it, and a listing
# refuses it in one line rather than print it.
cp "$RAPAT_DB" "$tmp/tampered.db"
"$SQLITE3" "$tmp/tampered.db" "PRAGMA ignore_check_constraints = 1; UPDATE holiday SET kind = 'libur' WHERE day = '2025-12-25'"
r --db "$tmp/tampered.db" check
check "rapat check names a holiday of an unknown kind" \
  grep -q "^holiday .* error  kind 'libur': not one of national, joint-leave, local" "$tmp/out"
r --db "$tmp/tampered.db" holiday list --year 2025
check "... and holiday list refuses it in one line" \
  test "$rc" = 1 -a "$(wc -l <"$tmp/err")" = 1

# rapat demo loads the calendar too, from any directory.
export RAPAT_DB="$tmp/demo.db"
(cd / && "$RAPAT" demo >/dev/null 2>&1)
r holiday list --year 2026
check "rapat demo loads the holidays of 2025 and 2026" test "$(grep -c '^2026-' "$tmp/out")" = 25

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
