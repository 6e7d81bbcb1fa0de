#!/bin/bash
# rapat CLI tests: calendars of other programs read into meetings (issue 18),
# with the real store and libical.
#
# The hand-written calendars of tests/data/import/ are shaped as Outlook
# (a Windows zone name, X-MICROSOFT properties, a VALARM), Google (UTC with
# X-WR-TIMEZONE, a cancelled event, an all-day one), a floating time, a
# Thunderbird series (mozilla.org zone prefix, EXDATE, a moved instance, a
# VTIMEZONE of its own), a broken file and an endless rule.  Each import is
# checked in the database and in what 'export ics' writes back; Python's
# icalendar and recurring-ical-events read the series on both sides.  Every
# refusal is one line on stderr and leaves the database byte-identical.
# Round trips: 'rapat demo', a series with exceptions and (when built) a
# 500-meeting archive of bench/rapat-gen are exported, imported into an
# empty database and exported again: the same calendar.
#
# Usage: tests/cli/import-ics.sh   (RAPAT=path/to/rapat, PYTHON=/usr/bin/python3)

set -u
. "$(dirname "$0")/lib.sh"

PYTHON=${PYTHON:-/usr/bin/python3}
cli_setup
data="${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/data/import"
export RAPAT_DB="$tmp/t.db"

# r ARGS...: runs rapat, output in $tmp/out and $tmp/err; $? is its status.
r() { "$RAPAT" "$@" >"$tmp/out" 2>"$tmp/err"; }
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what" "out: $(head -c 2000 "$tmp/out")" "err: $(cat "$tmp/err")"; fi
}
sum() { sha256sum "$RAPAT_DB" | cut -d' ' -f1; }
sql() { "$SQLITE3" "$RAPAT_DB" "$@"; }
# norm FILE: the calendar without DTSTAMP, unfolded.
norm() { sed -e ':a' -e 'N' -e '$!ba' -e 's/\r\n //g' "$1" | tr -d '\r' | grep -v '^DTSTAMP:'; }
# py DESCRIPTION: runs the Python on stdin; passes when it exits 0.
py() {
  local desc=$1 out
  if out=$("$PYTHON" - 2>&1); then pass "$desc"; else fail "$desc" "$out"; fi
}

"$RAPAT" init >/dev/null 2>&1
"$RAPAT" person add "Budi Santoso" --email budi.santoso@kemenkumham.example >/dev/null

# ---- Outlook: a Windows zone, people, what rapat does not model ----
r import ics --tz Asia/Jakarta "$data/outlook.ics"
check "Outlook: imported" grep -qx "1 added, 0 updated, 0 unchanged, 3 addresses unknown to the directory kept on their meetings (--add-people adds them)." "$tmp/out"
check "... 'SE Asia Standard Time' read as the user's WIB (same offsets as Asia/Bangkok)" \
  grep -q "zone 'SE Asia Standard Time': Windows' name for Asia/Jakarta" "$tmp/out"
check "... at 09:00 WIB, 02:00 UTC, in Asia/Jakarta" \
  test "$(sql "SELECT start_utc, end_utc, tzid FROM meeting")" = "1768356000|1768365000|Asia/Jakarta"
check "... Budi found by e-mail in another case, invited as participant, needs-action" \
  test "$(sql "SELECT p.name, a.role, a.rsvp FROM attendee a JOIN person p ON p.id = a.person_id")" = "Budi Santoso|participant|needs-action"
check "... the others kept as external invitees with role and PARTSTAT" \
  test "$(sql "SELECT group_concat(organizer || ' ' || address || ' ' || role || ' ' || partstat, ';') FROM (SELECT * FROM external_invitee ORDER BY position)")" = \
  "1 mailto:siti.rahma@kemenkumham.example chair accepted;0 MAILTO:dewi@partner.example optional accepted;0 mailto:karo@kemenkumham.example chair accepted"
check "... nobody added to the directory without --add-people" test "$(sql "SELECT count(*) FROM person")" = 1
r export ics
check "export writes the X-MICROSOFT properties and the VALARM back" \
  test "$(grep -c -e '^X-MICROSOFT-' -e '^TRIGGER;RELATED=START:-PT15M' "$tmp/out")" = 5
check "... and the external people: ORGANIZER and the optional ATTENDEE" \
  grep -q "^ORGANIZER;CN=Siti Rahma:mailto:siti.rahma@kemenkumham.example" "$tmp/out"
check "... with ROLE=OPT-PARTICIPANT" grep -q "^ATTENDEE;CN=Dewi Lestari;CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;PARTSTAT=AC" "$tmp/out"

before=$(sum)
r import ics --tz Asia/Jakarta "$data/outlook.ics"
check "the same file again: nothing changes" grep -qx "0 added, 0 updated, 1 unchanged." "$tmp/out"
check "... the database byte-identical" test "$(sum)" = "$before"
r import ics --tz Asia/Jakarta --dry-run "$data/outlook-update.ics"
check "--dry-run of a newer SEQUENCE says what would change" \
  grep -qx "Dry run, nothing written: 0 added, 1 updated, 0 unchanged, 3 addresses unknown to the directory kept on their meetings (--add-people adds them)." "$tmp/out"
check "... naming the meeting" grep -q "outlook-update.ics: 'Rapat Koordinasi Anggaran' (2026-01-15 10:00 WIB) updated" "$tmp/out"
check "... and changes nothing" test "$(sum)" = "$before"
r import ics --tz Asia/Jakarta "$data/outlook-update.ics"
check "a newer SEQUENCE updates the meeting in place" \
  test "$(sql "SELECT id, start_utc, sequence FROM meeting")" = "1|1768446000|1"
check "... keeping Budi's invitation" test "$(sql "SELECT count(*) FROM attendee")" = 1
r import ics --tz Asia/Jakarta "$data/outlook.ics"
check "the older version again is ignored with a note" \
  grep -q "an older version than the one rapat has (SEQUENCE 0); ignored" "$tmp/out"
check "... counted" grep -q "^0 added, 0 updated, 0 unchanged, 1 older version ignored.$" "$tmp/out"
check "... the meeting stays as updated" test "$(sql "SELECT start_utc FROM meeting")" = 1768446000

# ---- Google: UTC times in X-WR-TIMEZONE, cancelled, all-day ----
r import ics "$data/google.ics"
check "Google: 2 meetings; the all-day event skipped and counted" \
  grep -q "^2 added, 0 updated, 0 unchanged, 1 all-day event skipped (--all-day-as-meetings imports it)" "$tmp/out"
check "... UTC times kept in X-WR-TIMEZONE's zone; CATEGORIES as kind; URL as link" \
  test "$(sql "SELECT tzid, kind, url, sequence FROM meeting WHERE uid LIKE '7kuk%'")" = "Asia/Jakarta|evaluasi|https://meet.example/abc-defg-hij|2"
check "... STATUS:CANCELLED becomes cancelled" \
  test "$(sql "SELECT status FROM meeting WHERE uid LIKE '0s3a%'")" = cancelled
check "... CREATED and LAST-MODIFIED kept" \
  test "$(sql "SELECT created_at, updated_at FROM meeting WHERE uid LIKE '7kuk%'")" = "1768464000|1768903800"
check "... X-GOOGLE-CONFERENCE kept" test "$(sql "SELECT ics_extra FROM meeting WHERE uid LIKE '7kuk%'")" = "$(printf 'X-GOOGLE-CONFERENCE:https://meet.example/abc-defg-hij\r')"
r import ics --all-day-as-meetings --tz Asia/Jakarta "$data/google.ics"
check "--all-day-as-meetings: the holiday becomes a meeting of its whole day in --tz" \
  test "$(sql "SELECT start_utc, end_utc, tzid FROM meeting WHERE uid LIKE '2q9r%'")" = "1771261200|1771347600|Asia/Jakarta"

# ---- floating times, a long title, standard input ----
r import ics --tz Asia/Makassar - <"$data/floating.ics"
check "floating: read in --tz (08:00 WITA), from standard input" \
  test "$(sql "SELECT start_utc, end_utc, tzid FROM meeting WHERE uid = 'floating-1@example.org'")" = "1772668800|1772674200|Asia/Makassar"
check "... a title over 200 characters cut there, with a note" \
  test "$(sql "SELECT length(title) FROM meeting WHERE uid = 'floating-1@example.org'")" = 200
check "... the note" grep -q "event 'floating-1@example.org': the title is cut at 200 characters" "$tmp/out"

# ---- a Thunderbird series ----
r import ics "$data/series.ics"
check "series: imported, its occurrences counted" \
  grep -q "^2 added, 0 updated, 0 unchanged, 5 occurrences of series" "$tmp/out"
check "... the mozilla.org prefix read as Europe/Berlin; the rule kept" \
  test "$(sql "SELECT tzid, rrule, sequence FROM series")" = "Europe/Berlin|FREQ=WEEKLY;COUNT=6;BYDAY=MO|1"
check "... EXDATE left out, the moved instance at its own time, sequence above the series'" \
  test "$(sql "SELECT group_concat(recurrence_utc || '>' || start_utc || '/' || sequence, ' ') FROM (SELECT * FROM meeting WHERE series_id IS NOT NULL ORDER BY recurrence_utc)")" = \
  "1772442000>1772442000/0 1773046800>1773046800/0 1774256400>1774256400/0 1774857600>1774958400/1 1775462400>1775462400/0"
check "... Budi invited to each occurrence from the master, not to the instance that has no ATTENDEE" \
  test "$(sql "SELECT count(*) FROM attendee a JOIN meeting m ON m.id = a.meeting_id WHERE m.series_id IS NOT NULL")" = 4
check "... a VTIMEZONE of its own matched to Asia/Jayapura by its offsets" \
  test "$(sql "SELECT tzid FROM meeting WHERE uid = 'custom-zone-1@example.org'")" = Asia/Jayapura
r export ics
cp "$tmp/out" "$tmp/series-out.ics"
py "series: recurring-ical-events finds the same occurrences in the file and in rapat's export" <<EOF
import icalendar, recurring_ical_events, datetime
def starts(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    return sorted(e["DTSTART"].dt.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%MZ")
                  for e in recurring_ical_events.of(cal).between((2026, 1, 1), (2027, 1, 1))
                  if str(e["UID"]).startswith("5b1f0a52"))
a, b = starts("$data/series.ics"), starts("$tmp/series-out.ics")
assert a == b and len(a) == 5, (a, b)
EOF
before=$(sum)
r import ics "$data/series.ics"
check "series again: unchanged" grep -q "^0 added, 0 updated, 2 unchanged" "$tmp/out"
check "... byte-identical" test "$(sum)" = "$before"
# What this office recorded on the occurrences: Budi's attendance on the
# first (which stays), an agenda on the fifth (which the shorter rule drops).
first=$(sql "SELECT id FROM meeting WHERE recurrence_utc = 1772442000")
fifth=$(sql "SELECT id FROM meeting WHERE recurrence_utc = 1775462400")
"$RAPAT" attendee mark "$first" "Budi Santoso" present >/dev/null 2>&1
"$RAPAT" agenda add "$fifth" "Evaluasi" --duration 30m >/dev/null 2>&1
check "(attendance and an agenda item recorded on two occurrences)" \
  test "$(sql "SELECT count(*) FROM attendee WHERE attendance = 'present'")$(sql "SELECT count(*) FROM agenda_item")" = 11
sed -e 's/^SEQUENCE:1\r$/SEQUENCE:2\r/' -e 's/COUNT=6/COUNT=4/' \
  -e 's/^SUMMARY:Weekly sync with the Berlin office\r$/SUMMARY:Weekly sync (Berlin)\r/' \
  "$data/series.ics" >"$tmp/series2.ics"
r import ics "$tmp/series2.ics"
check "series with a newer SEQUENCE and a shorter rule: updated" grep -q "^0 added, 1 updated, 1 unchanged" "$tmp/out"
check "... changed in place: 3 occurrences (4 less the EXDATE) under the new title, the first with its id" \
  test "$(sql "SELECT count(*), min(m.id), group_concat(DISTINCT m.title) FROM meeting m JOIN series s ON s.id = m.series_id WHERE m.title NOT LIKE '%moved%'")" = "3|$first|Weekly sync (Berlin)"
check "... Budi's attendance on the first occurrence kept" \
  test "$(sql "SELECT attendance FROM attendee WHERE meeting_id = $first")" = present
check "... the rule kept on the series" \
  test "$(sql "SELECT rrule, sequence FROM series")" = "FREQ=WEEKLY;COUNT=4;BYDAY=MO|2"
check "... the fifth, dropped by the rule, kept on its own with its agenda, and noted" \
  test "$(sql "SELECT series_id IS NULL, (SELECT count(*) FROM agenda_item WHERE meeting_id = $fifth) FROM meeting WHERE id = $fifth")$(grep -c "no longer an occurrence of its series; kept as a meeting of its own" "$tmp/out")" = "1|11"
check "... the moved instance, beyond the rule and with nothing recorded, deleted and noted" \
  test "$(sql "SELECT count(*) FROM meeting WHERE title LIKE '%moved%'")$(grep -c "RECURRENCE-ID names no occurrence of the series; left out" "$tmp/out")" = 01

# ---- a meeting that becomes a series, and a series that stops being one ----
# The organizer turns a one-off meeting into a weekly one and back: what was
# recorded on the meeting stays on the occurrence at its start, and back.
export RAPAT_DB="$tmp/reshape.db"
"$RAPAT" init >/dev/null 2>&1
"$RAPAT" person add "Budi Santoso" --email budi@example.go.id >/dev/null 2>&1
"$RAPAT" person add "Kabag Umum" --email kabag@example.go.id >/dev/null 2>&1
# reshape_ics SEQUENCE DTSTART [RRULE]: one event of UID reshape-1.
reshape_ics() {
  printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//reshape//EN\r\nMETHOD:REQUEST\r\n'
  printf 'BEGIN:VEVENT\r\nUID:reshape-1\r\nSEQUENCE:%s\r\nDTSTAMP:20300101T000000Z\r\n' "$1"
  printf 'DTSTART:%s\r\nDURATION:PT1H\r\nSUMMARY:Koordinasi\r\n' "$2"
  [ -n "${3:-}" ] && printf 'RRULE:%s\r\n' "$3"
  printf 'ORGANIZER:mailto:kabag@example.go.id\r\nATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:budi@example.go.id\r\n'
  printf 'END:VEVENT\r\nEND:VCALENDAR\r\n'
}
reshape_ics 0 20300107T020000Z >"$tmp/reshape0.ics"
reshape_ics 1 20300107T020000Z "FREQ=WEEKLY;COUNT=3" >"$tmp/reshape1.ics"
reshape_ics 2 20300107T020000Z >"$tmp/reshape2.ics"
reshape_ics 3 20300108T020000Z "FREQ=WEEKLY;COUNT=2" >"$tmp/reshape3.ics"
"$RAPAT" import ics "$tmp/reshape0.ics" >/dev/null 2>&1
one=$(sql "SELECT id FROM meeting WHERE uid = 'reshape-1'")
"$RAPAT" attendee mark "$one" "Budi Santoso" present >/dev/null 2>&1
"$RAPAT" agenda add "$one" "Pembukaan" --duration 15m >/dev/null 2>&1
r import ics "$tmp/reshape1.ics"
check "a meeting that became a weekly series: updated, three occurrences" \
  test "$(tail -1 "$tmp/out")|$(sql "SELECT count(*) FROM meeting")" = "0 added, 1 updated, 0 unchanged, 3 occurrences of series.|3"
check "... the meeting is the first occurrence, with its id, attendance and agenda" \
  test "$(sql "SELECT m.series_id IS NOT NULL, m.recurrence_utc, a.attendance, (SELECT count(*) FROM agenda_item WHERE meeting_id = m.id) FROM meeting m JOIN attendee a ON a.meeting_id = m.id WHERE m.id = $one")" = "1|1893981600|present|1"
r import ics "$tmp/reshape2.ics"
check "the series back to one meeting: the occurrence at its start is the meeting again" \
  test "$(sql "SELECT id, uid, series_id IS NULL, coalesce(recurrence_utc, 0) FROM meeting")|$(sql "SELECT count(*) FROM series")" = "$one|reshape-1|1|0|0"
check "... with its attendance and agenda; the other occurrences, with nothing recorded, gone" \
  test "$(sql "SELECT attendance FROM attendee WHERE meeting_id = $one")|$(sql "SELECT count(*) FROM agenda_item WHERE meeting_id = $one")|$(grep -c 'kept as a meeting of its own' "$tmp/out")" = "present|1|0"
r import ics "$tmp/reshape3.ics"
check "a series moved to another day: the meeting, with records, kept on its own and noted" \
  test "$(sql "SELECT count(*) FROM meeting WHERE series_id IS NOT NULL")|$(sql "SELECT series_id IS NULL, uid <> 'reshape-1', start_utc FROM meeting WHERE id = $one")|$(grep -c "'Koordinasi' (.*): no longer an occurrence of its series; kept as a meeting of its own" "$tmp/out")" = "2|1|1|1893981600|1"
before=$(sum)
r import ics "$tmp/reshape3.ics"
check "... imported again: unchanged, and the kept meeting is not taken for the series" \
  test "$(tail -1 "$tmp/out")|$(sum)" = "0 added, 0 updated, 1 unchanged.|$before"
export RAPAT_DB="$tmp/t.db"

# ---- refusals ----
before=$(sum)
r import ics "$data/broken.ics"
check "a broken file is refused whole: exit 1, one line" test $? = 1 -a "$(wc -l <"$tmp/err")" = 1
check "... naming file, line and UID" \
  grep -qx "rapat: error: file '.*broken.ics', line 11, UID 'no-start@example.org': no DTSTART" "$tmp/err"
check "... and the good event in it is not written" test "$(sum)" = "$before"
r import ics --skip-bad "$data/broken.ics"
check "--skip-bad: the good one imported, two skipped" \
  grep -qx "1 added, 0 updated, 0 unchanged, 2 broken events skipped." "$tmp/out"
check "... each named with its line" grep -q "line 16, UID 'backwards@example.org': it ends before it starts (skipped)" "$tmp/out"
before=$(sum)
r import ics "$data/endless.ics"
check "an endless rule: refused, saying how to cut it" \
  grep -qx "rapat: error: file '.*endless.ics', line 4, UID 'endless@example.org': RRULE 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR': repeats without end; give --until DATE to import the occurrences up to that day" "$tmp/err"
check "... nothing written" test "$(sum)" = "$before"
r import ics --until 2026-03-31 "$data/endless.ics"
check "--until cuts it: the weekdays of January to March" \
  test "$(sql "SELECT count(*) FROM meeting m JOIN series s ON s.id = m.series_id WHERE s.uid = 'endless@example.org'")" = 62
sed 's/COUNT=6/COUNT=600/' "$data/series.ics" >"$tmp/many.ics"
sed -i 's/5b1f0a52/many0a52/' "$tmp/many.ics"
before=$(sum)
r import ics "$tmp/many.ics"
check "over 520 occurrences: refused" grep -q "more than 520 occurrences, more than rapat keeps in a series; give --until DATE" "$tmp/err"
check "... nothing written" test "$(sum)" = "$before"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@y\r\nDTSTART;TZID=Nowhere/Zone:20260101T090000\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$tmp/nozone.ics"
r import ics "$tmp/nozone.ics"
check "a TZID without VTIMEZONE that rapat does not know: refused" \
  grep -q "line 3, UID 'x@y': zone 'Nowhere/Zone': neither a VTIMEZONE of the file nor a zone rapat knows" "$tmp/err"
check "... nothing written" test "$(sum)" = "$before"

# ---- real calendars (tests/data/import/README.md) ----
export RAPAT_DB="$tmp/real.db"
r import ics --tz Asia/Jakarta "$data/real/alarm_outlook_in_future.ics"
check "real Outlook: the timed event in Europe/London ('GMT Standard Time'), the all-day series skipped" \
  grep -qx "1 added, 0 updated, 0 unchanged, 2 all-day events skipped (--all-day-as-meetings imports them)." "$tmp/out"
check "... at 18:30 BST" test "$(sql "SELECT start_utc, tzid FROM meeting")" = "1728063000|Europe/London"
r import ics --tz Europe/London --all-day-as-meetings "$data/real/alarm_outlook_in_future.ics"
check "... with --all-day-as-meetings: two series of 2 (every other Monday, one EXDATE)" \
  grep -qx "2 added, 0 updated, 1 unchanged, 4 occurrences of series." "$tmp/out"
r import ics "$data/real/alarm_google_future.ics"
check "real Google: UTC times kept in X-WR-TIMEZONE's Europe/London" \
  test "$(sql "SELECT tzid FROM meeting WHERE uid LIKE '79fs%'")" = Europe/London
r export ics
check "... its four VALARMs written back, the EMAIL one with its ATTENDEE" \
  test "$(grep -c -e '^BEGIN:VALARM' -e '^ATTENDEE:mailto:niccokunzmann' "$tmp/out")" = 5

# ---- --add-people ----
export RAPAT_DB="$tmp/people.db"
r import ics --add-people --tz Asia/Jakarta "$data/outlook.ics"
check "--add-people: the unknown addresses become people, named from CN" \
  test "$(sql "SELECT group_concat(name || ' <' || email || '>', ';') FROM (SELECT * FROM person ORDER BY id)")" = \
  "Siti Rahma <siti.rahma@kemenkumham.example>;Budi Santoso <Budi.Santoso@kemenkumham.example>;Dewi Lestari <dewi@partner.example>;Kepala Biro <karo@kemenkumham.example>"
check "... the organizer and the invitations are theirs, with ROLE as role" \
  test "$(sql "SELECT (SELECT p.name FROM person p WHERE p.id = m.organizer_id) || ';' || (SELECT group_concat(a.role, ',') FROM attendee a WHERE a.meeting_id = m.id) FROM meeting m")" = "Siti Rahma;participant,optional,chair"
check "... and nothing kept as external" test "$(sql "SELECT count(*) FROM external_invitee")" = 0

# ---- final minutes are not changed by a newer version ----
export RAPAT_DB="$tmp/frozen.db"
r import ics --tz Asia/Jakarta --add-people "$data/outlook.ics"
"$RAPAT" minutes start 1 --notulis Siti >/dev/null 2>&1
"$RAPAT" minutes held 1 --from 09:00 --to 11:00 >/dev/null 2>&1
"$RAPAT" minutes finalize 1 >/dev/null 2>&1
before=$(sum)
r import ics --tz Asia/Jakarta --add-people "$data/outlook-update.ics"
check "a newer version of a meeting whose minutes are final is not applied, and said so" \
  grep -qx "0 added, 0 updated, 0 unchanged, 1 newer version not applied (final minutes)." "$tmp/out"
check "... naming how to open them" grep -q "the minutes are final ('rapat minutes amend' opens them)" "$tmp/out"
check "... the database byte-identical" test "$(sum)" = "$before"

# ---- round trips ----
export RAPAT_DB="$tmp/demo.db"
"$RAPAT" demo >/dev/null
"$RAPAT" export ics -o "$tmp/demo.ics"
export RAPAT_DB="$tmp/demo2.db"
r import ics "$tmp/demo.ics"
"$RAPAT" export ics -o "$tmp/demo2.ics"
check "round trip: rapat demo exported, imported into an empty database, exported: the same calendar" \
  diff <(norm "$tmp/demo.ics") <(norm "$tmp/demo2.ics")

export RAPAT_DB="$tmp/s.db"
"$RAPAT" person add "Ricky" --email ricky@maluku.example >/dev/null
first=$("$RAPAT" meeting add "Rapat Mingguan" --start "2026-10-12 09:00" --duration 1h \
          --tz Europe/Berlin --organizer Ricky --repeat weekly --count 8)
"$RAPAT" attendee add "$first" Ricky >/dev/null
"$RAPAT" meeting edit $((first + 1)) --start "2026-10-19 10:30" >/dev/null 2>&1
"$RAPAT" meeting edit $((first + 2)) --start "2026-10-26 14:00" --tz Asia/Jakarta >/dev/null 2>&1
"$RAPAT" meeting cancel $((first + 3)) --reason "Libur" >/dev/null 2>&1
"$RAPAT" meeting delete $((first + 4)) >/dev/null 2>&1
"$RAPAT" meeting edit $((first + 5)) --title "Rapat Mingguan (khusus)" --location "Aula" >/dev/null 2>&1
"$RAPAT" export ics -o "$tmp/s.ics"
export RAPAT_DB="$tmp/s2.db"
r import ics "$tmp/s.ics"
"$RAPAT" export ics -o "$tmp/s2.ics"
check "round trip: a series moved, moved across zones, cancelled, deleted and changed: the same calendar" \
  diff <(norm "$tmp/s.ics") <(norm "$tmp/s2.ics")

gen="$(dirname "$RAPAT")/../bench/rapat-gen"
if [ -x "$gen" ]; then
  "$gen" --meetings 500 --seed 1 --db "$tmp/gen.db" >/dev/null 2>&1
  RAPAT_DB="$tmp/gen.db" "$RAPAT" export ics -o "$tmp/gen.ics"
  export RAPAT_DB="$tmp/gen2.db"
  r import ics "$tmp/gen.ics"
  "$RAPAT" export ics -o "$tmp/gen2.ics"
  check "round trip: bench/rapat-gen's 500 meetings (the calendar's name aside, a setting)" \
    diff <(norm "$tmp/gen.ics" | grep -v -e '^X-WR-CALNAME:' -e '^NAME:') \
         <(norm "$tmp/gen2.ics" | grep -v -e '^X-WR-CALNAME:' -e '^NAME:')
  check "... 500 meetings" grep -q "^500 added, 0 updated, 0 unchanged" "$tmp/out"
else
  skip "round trip of bench/rapat-gen's archive (bench/rapat-gen not built)"
fi

# ---- streaming: a UID's events far apart, standard input ----
# The file is read in a first pass and each UID's events read back when
# applied: an override after other events still joins its series.
cat >"$tmp/apart.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//apart//EN
BEGIN:VEVENT
UID:series-apart
DTSTART;TZID=Asia/Jakarta:20260105T090000
DTEND;TZID=Asia/Jakarta:20260105T100000
RRULE:FREQ=WEEKLY;COUNT=3
SUMMARY:Rapat mingguan
END:VEVENT
BEGIN:VEVENT
UID:one-between
DTSTART:20260106T020000Z
DTEND:20260106T030000Z
SUMMARY:Di antara
END:VEVENT
BEGIN:VTIMEZONE
TZID:Late Zone
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0900
TZOFFSETTO:+0900
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:series-apart
RECURRENCE-ID;TZID=Asia/Jakarta:20260112T090000
DTSTART;TZID=Late Zone:20260112T130000
DTEND;TZID=Late Zone:20260112T140000
SUMMARY:Rapat mingguan (dipindah)
END:VEVENT
END:VCALENDAR
ICS
export RAPAT_DB="$tmp/apart.db"
"$RAPAT" init >/dev/null 2>&1
r import ics --tz Asia/Jakarta - <"$tmp/apart.ics"
check "stdin: a series and a meeting added" grep -qx "2 added, 0 updated, 0 unchanged, 3 occurrences of series." "$tmp/out"
check "... the override read far from its series, in a VTIMEZONE given after the series (13:00 +09:00 = 04:00 UTC)" \
  test "$(sql "SELECT group_concat(start_utc - 1767571200, ' ') FROM (SELECT start_utc FROM meeting WHERE series_id IS NOT NULL ORDER BY start_utc)")" = "7200 619200 1216800"
check "... the moved one keeps its title" test "$(sql "SELECT title FROM meeting WHERE start_utc = 1767571200 + 619200")" = "Rapat mingguan (dipindah)"
before=$(sum)
r import ics --tz Asia/Jakarta "$tmp/apart.ics"
check "the same file by name: nothing changes" grep -qx "0 added, 0 updated, 2 unchanged." "$tmp/out"
check "... the database byte-identical" test "$(sum)" = "$before"
printf 'BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nSUMMARY:\377\nEND:VEVENT\nEND:VCALENDAR\n' >"$tmp/latin1.ics"
r import ics "$tmp/latin1.ics"
check "a file that is not UTF-8: one line, nothing written" \
  test "$?$(wc -l <"$tmp/err")$(cat "$tmp/err")$(sum)" = "11rapat: error: file '$tmp/latin1.ics': not valid UTF-8 text$before"

# ---- a room booked on the invitation (GroupWise 7, CUTYPE=RESOURCE) ----
export RAPAT_DB="$tmp/room.db"
"$RAPAT" init >/dev/null 2>&1
ics_data="${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/data/ics"
r import ics --add-people "$ics_data/groupwise-invalid.ics"
check "GroupWise: the organizer added to the directory, the room not" \
  test "$(sql "SELECT group_concat(email, ' ') FROM person")" = "jane.doe@university.edu"
check "... the room kept, a resource, its address's spaces written as a URI holds them" \
  test "$(sql "SELECT address, cutype FROM external_invitee")" = "MAILTO:CET%20Meeting%20Room@university.edu|resource"
check "... and not counted among the people --add-people would add" \
  grep -qx "1 added, 0 updated, 0 unchanged, 1 person added to the directory." "$tmp/out"
r export ics
check "... written back as CUTYPE=RESOURCE, not as a person" \
  test "$(tr -d '\r' <"$tmp/out" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' | grep -c '^ATTENDEE;.*CUTYPE=RESOURCE;.*:MAILTO:CET%20Meeting%20Room@university.edu$')" = 1

# ---- alarms kept from the calendar, and --alarm ----
export RAPAT_DB="$tmp/alarm.db"
"$RAPAT" init >/dev/null 2>&1
r import ics --tz Asia/Jakarta "$data/outlook.ics"
r export ics
check "Outlook's VALARM written back when the export sets none" \
  test "$(grep -c -e '^BEGIN:VALARM' -e '^TRIGGER;RELATED=START:-PT15M' "$tmp/out")" = 2
r export ics --alarm 30m
check "... --alarm 30m: that reminder alone, not two" \
  test "$(grep -c '^BEGIN:VALARM' "$tmp/out") $(grep -c -e '-PT30M' "$tmp/out") $(grep -c -e '-PT15M' "$tmp/out")" = "1 1 0"
"$RAPAT" meeting cancel 1 --reason "Ditunda" >/dev/null 2>&1
r export ics
check "... a cancelled meeting: no reminder of it" \
  test "$(grep -c '^BEGIN:VALARM' "$tmp/out")$(grep -c '^STATUS:CANCELLED' "$tmp/out")" = "01"

# ---- METHOD:CANCEL: the organizer calls off what an import brought ----
export RAPAT_DB="$tmp/cancel.db"
"$RAPAT" init >/dev/null 2>&1
"$RAPAT" import ics --tz Asia/Jakarta "$data/outlook.ics" >/dev/null 2>&1
"$RAPAT" import ics "$data/series.ics" >/dev/null 2>&1
"$RAPAT" meeting add "Rapat sendiri" --start "2026-02-01 09:00" --duration 1h >/dev/null 2>&1
own=$(sql "SELECT uid FROM meeting WHERE title = 'Rapat sendiri'")
outlook_uid=$(sql "SELECT uid FROM meeting WHERE title = 'Rapat Koordinasi Anggaran'")
cancel_ics() { # SEQUENCE-of-the-Outlook-meeting
  printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rapat tests//EN\r\nMETHOD:CANCEL\r\n'
  printf 'BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20260110T000000Z\r\nSEQUENCE:%s\r\n' "$outlook_uid" "$1"
  printf 'STATUS:CANCELLED\r\nCOMMENT:Ditunda ke minggu depan\r\nEND:VEVENT\r\n'
  printf 'BEGIN:VEVENT\r\nUID:5b1f0a52-9c7e-4d6b-a1e2-series@thunderbird.example\r\n'
  printf 'RECURRENCE-ID;TZID=Europe/Berlin:20260309T100000\r\nDTSTAMP:20260110T000000Z\r\n'
  printf 'SEQUENCE:0\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n'
  printf 'BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20260110T000000Z\r\nSEQUENCE:1\r\nEND:VEVENT\r\n' "$own"
  printf 'BEGIN:VEVENT\r\nUID:nobody-has-this\r\nDTSTAMP:20260110T000000Z\r\nEND:VEVENT\r\n'
  printf 'END:VCALENDAR\r\n'
}
cancel_ics 1 >"$tmp/cancel.ics"
before=$(sum)
r import ics --dry-run "$tmp/cancel.ics"
check "CANCEL --dry-run: says two meetings would be cancelled, changes nothing" \
  test "$(tail -1 "$tmp/out")$(sum)" = "Dry run, nothing written: 0 added, 0 updated, 0 unchanged, 2 meetings cancelled.$before"
r import ics "$tmp/cancel.ics"
check "CANCEL: the Outlook meeting and one occurrence of the series cancelled" \
  test "$(tail -1 "$tmp/out")" = "0 added, 0 updated, 0 unchanged, 2 meetings cancelled."
check "... the meeting keeps its people, takes the COMMENT as reason and the SEQUENCE" \
  test "$(sql "SELECT status, sequence, cancel_reason, (SELECT count(*) FROM external_invitee e WHERE e.meeting_id = m.id) FROM meeting m WHERE uid = '$outlook_uid'")" = "cancelled|1|Ditunda ke minggu depan|4"
check "... the occurrence of 9 March 10:00 Berlin (09:00 UTC), the others not" \
  test "$(sql "SELECT group_concat(start_utc, ' ') FROM meeting WHERE series_id IS NOT NULL AND status = 'cancelled'")" = 1773046800
check "... a meeting made in rapat is left to 'rapat meeting cancel', and said so" \
  test "$(sql "SELECT status FROM meeting WHERE uid = '$own'")$(grep -c "a meeting made in rapat, not imported; 'rapat meeting cancel' cancels it" "$tmp/out")" = confirmed1
check "... an unknown UID is noted" grep -q "event 'nobody-has-this': cancelled by the calendar, but rapat has no such meeting" "$tmp/out"
before=$(sum)
r import ics "$tmp/cancel.ics"
check "the same CANCEL again: nothing changes" \
  test "$(tail -1 "$tmp/out")$(sum)" = "0 added, 0 updated, 2 unchanged.$before"
r import ics --tz Asia/Jakarta "$data/outlook.ics"
check "... the invitation imported again does not bring the meeting back" \
  test "$(sql "SELECT status FROM meeting WHERE uid = '$outlook_uid'")$(tail -1 "$tmp/out")" = "cancelled0 added, 0 updated, 1 unchanged."
r export ics --meeting "$(sql "SELECT id FROM meeting WHERE uid = '$outlook_uid'")"
check "... and export writes it STATUS:CANCELLED with SEQUENCE 1" \
  test "$(grep -c -e '^STATUS:CANCELLED' -e '^SEQUENCE:1' "$tmp/out")" = 2
export RAPAT_DB="$tmp/cancel-old.db"
"$RAPAT" init >/dev/null 2>&1
"$RAPAT" import ics --tz Asia/Jakarta "$data/outlook.ics" >/dev/null 2>&1
"$RAPAT" import ics --tz Asia/Jakarta "$data/outlook-update.ics" >/dev/null 2>&1
cancel_ics 0 >"$tmp/cancel-old.ics"
r import ics "$tmp/cancel-old.ics"
check "a CANCEL older than the update rapat has is ignored, and said so" \
  test "$(sql "SELECT status FROM meeting")$(grep -c 'is older than the meeting (SEQUENCE 0 < 1); kept' "$tmp/out")" = confirmed1

# ---- real cancellations: Google, iCloud, Evolution (tests/data/import/cancel) ----
for product in google:c74p2nmutcd0kt69ku7rs8vu2g@google.com:1 \
               icloud:5919D444-7C99-4687-A526-FC5D10091318:1 evolution:invite:2; do
  name=${product%%:*}; rest=${product#*:}; uid=${rest%:*}; seq=${rest##*:}
  export RAPAT_DB="$tmp/cancel-$name.db"
  "$RAPAT" init >/dev/null 2>&1
  r import ics --tz Asia/Jakarta "$data/cancel/$name-cancel-request.ics"
  check "$name: its invitation imported" grep -q "^1 added, 0 updated, 0 unchanged" "$tmp/out"
  r import ics --tz Asia/Jakarta "$data/cancel/$name-cancel.ics"
  check "... its CANCEL cancels the meeting, SEQUENCE $seq" \
    test "$(tail -1 "$tmp/out")$(sql "SELECT status || ' ' || sequence FROM meeting WHERE uid = '$uid'")" = \
    "0 added, 0 updated, 0 unchanged, 1 meeting cancelled.cancelled $seq"
done

# ---- the same by e-mail: 'import mail' reads an invitation and its cancellation ----
export RAPAT_DB="$tmp/cancel-mail.db"
"$RAPAT" init >/dev/null 2>&1
py "(Google's invitation and cancellation put into e-mails)" <<EOF
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.base import MIMEBase
for name, method, sender, out in (
        ("request", "REQUEST", "Inbox Apptest <inboxapptest.french@gmail.com>", "request"),
        ("", "CANCEL", "Inbox Apptest <InboxAppTest.French@gmail.com>", "cancel"),
        ("", "CANCEL", "Rekan Kerja <rekan@example.go.id>", "forwarded")):
    path = "$data/cancel/google-cancel" + ("-" + name if name else "") + ".ics"
    m = MIMEMultipart("alternative")
    m["From"] = sender; m["To"] = "sekretariat@example.go.id"
    m["Subject"] = "Invitation" if name else "Canceled event"
    m.attach(MIMEText("See the calendar.", "plain", "utf-8"))
    part = MIMEBase("text", "calendar", method=method, charset="UTF-8")
    part.set_payload(open(path, "rb").read().decode("utf-8"), "utf-8")
    m.attach(part)
    open("$tmp/google-" + out + ".eml", "wb").write(m.as_bytes())
EOF
r import mail "$tmp/google-request.eml"
check "import mail: an invitation from another organizer becomes a meeting" \
  test "$(tail -1 "$tmp/out")$(sql "SELECT count(*) FROM meeting")" = \
  "1 added, 0 updated, 0 unchanged, 3 addresses unknown to the directory kept on their meetings (--add-people adds them).1"
r import mail "$tmp/google-cancel.eml"
check "... its cancellation by mail, from the organizer (any case), cancels it without a note" \
  test "$(cat "$tmp/out")$(sql "SELECT status FROM meeting")" = "0 added, 0 updated, 0 unchanged, 1 meeting cancelled.cancelled"
before=$(sum)
r import mail "$tmp/google-request.eml" "$tmp/google-cancel.eml"
check "... both again: nothing changes" test "$(tail -1 "$tmp/out")$(sum)" = "0 added, 0 updated, 2 unchanged.$before"
# The same cancellation forwarded by a colleague: applied, as a reply from
# another address is, with a note naming who mailed it.
export RAPAT_DB="$tmp/cancel-forwarded.db"
"$RAPAT" init >/dev/null 2>&1
"$RAPAT" import mail "$tmp/google-request.eml" >/dev/null 2>&1
r import mail "$tmp/google-forwarded.eml"
check "a cancellation mailed by someone else is applied and says who mailed it" \
  test "$(sql "SELECT status FROM meeting")|$(grep -c "the cancellation of 'Buffalo Buffalo' (.*) was mailed by rekan@example.go.id, not by its organizer inboxapptest.french@gmail.com$" "$tmp/out")|$(tail -1 "$tmp/out")" = \
  "cancelled|1|0 added, 0 updated, 0 unchanged, 1 meeting cancelled."

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
