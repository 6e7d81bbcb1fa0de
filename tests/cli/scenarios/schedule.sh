# Scheduling (issue 6): clash warnings and --strict, schedule conflicts,
# parallel sessions in rooms, a weekly series across the change to summer
# time with a moved and a cancelled occurrence, and the free-slot finder on
# a fixture week with a known answer.  Most meetings are in Ambon (WIT,
# Asia/Jayapura, UTC+9); the system zone is UTC.

# Occurrences of a series have uids "<series uuid>-<UTC start>@rapat", which
# the runner's scrub leaves alone: hide their random part.
occurrence_uids() {
  sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}-([0-9]{8}T[0-9]{6}Z@rapat)/<uuid>-\1/g'
}

r unit add "Kantor Wilayah Ditjen Pemasyarakatan Maluku" --code KANWIL
r unit add "Bidang Keamanan dan Ketertiban" --code KAMTIB --parent KANWIL
r unit add "Seksi Pengamanan" --code SEKSI-PAM --parent KAMTIB
r person add "Ricky Dwi Biantoro" --position "Kepala Kantor Wilayah" --unit KANWIL
r person add "Maria Wattimena" --position "Kepala Bagian Tata Usaha dan Umum" --unit KANWIL
r person add "Samuel Pattiasina" --position "Kepala Bidang Keamanan dan Ketertiban" --unit KAMTIB
r person add "Yohanis Leiwakabessy" --position "Analis Keamanan" --unit KAMTIB
r person add "Johan Latuheru" --position "Kepala Seksi Pengamanan" --unit SEKSI-PAM
r person add "Lilik Sujandi" --position "Direktur Kepatuhan Internal"

note "== Clashes =="
note "Monday 8 Sep, 09:00-11:00 WIT in the hall, chaired by Ricky"
r meeting add "Rapat pimpinan" --start "2025-09-08 09:00" --duration 2h --tz Asia/Jayapura --location "Aula Kanwil" --organizer Ricky
note "The same hall written differently, 10:00-11:00: a warning on stderr, and the meeting is added"
r meeting add "Briefing keamanan" --start "2025-09-08 10:00" --duration 1h --tz Asia/Jayapura --location "aula  KANWIL "
note "With --strict the clash is an error and nothing is written"
snapshot
r meeting add "Rapat anggaran" --start "2025-09-08 10:30" --duration 1h --tz Asia/Jayapura --location "Aula Kanwil" --strict
unchanged
note "11:00-11:30 touches both meetings (they end at 11:00): no clash, even with --strict"
r meeting add "Apel siang" --start "2025-09-08 11:00" --duration 30m --tz Asia/Jayapura --location "Aula Kanwil" --organizer Ricky --strict
note "A meeting set in WIB: 07:30-08:30 WIB is 09:30-10:30 WIT, during the Rapat pimpinan; other room, other people"
r meeting add "Rapat daring Ditjen" --start "2025-09-08 07:30" --duration 1h --tz Asia/Jakarta --location "Zoom Ditjenpas" --organizer Lilik
r meeting list --from 2025-09-08 --to 2025-09-08 --tz Asia/Jayapura

note "Inviting someone already booked: Samuel is free for the Rapat pimpinan..."
r attendee add 1 Samuel
note "... so he is booked when the Ditjen meeting wants him: --strict refuses"
snapshot
r attendee add 4 Samuel --strict
unchanged
note "Without --strict a warning (overlap shown in the meeting's own zone, WIB) and the invitation is made"
r attendee add 4 Ricky Samuel
r attendee list 4

note "Moving the Apel siang into the Rapat pimpinan: --strict refuses, the stored time stays"
snapshot
r meeting edit 3 --start "2025-09-08 10:45" --strict
unchanged
r meeting edit 3 --start "2025-09-08 10:45"
r meeting show 3
note "A change that cannot bring a clash (the description) warns about nothing"
r meeting edit 3 --description "Apel kesiapsiagaan"

note "All clashes, grouped by meeting (each pair shows on both sides)"
r schedule conflicts
r schedule conflicts "Rapat pimpinan"
r schedule conflicts 4 --json
note "A cancelled meeting never clashes, on either side"
r meeting cancel "Briefing keamanan" --reason "Digabung dengan rapat pimpinan"
r schedule conflicts 2
r schedule conflicts 1
note "--from/--to select the meetings by day (in --tz): 9 Sep has none"
r schedule conflicts --from 2025-09-09 --to 2025-09-09 --tz Asia/Jayapura
r schedule conflicts --from 2025-09-08 --to 2025-09-08 --tz Asia/Jayapura --json
note "Reinstating the cancelled meeting brings its clashes back: refused with --strict, else warned"
snapshot
r meeting edit 2 --status confirmed --strict
unchanged
r meeting edit 2 --status confirmed
r schedule conflicts 2

note "== Parallel sessions =="
r meeting add "Rapat Kerja Teknis" --start "2025-09-10 08:00" --duration 8h --tz Asia/Jayapura --location "Aula Kanwil" --kind rakernis
r agenda add 5 "Pembukaan" --duration 30m --type opening --presenter Ricky
r agenda add 5 "Komisi I: keamanan" --duration 1h30m --room "Ruang Komisi I" --presenter Samuel
r agenda add 5 "Komisi II: pelayanan" --duration 2h --room "Ruang Komisi II" --parallel-with "Komisi I" --presenter Maria
note "A third commission in Komisi I's room (written differently): a warning"
r agenda add 5 "Komisi III: pembinaan" --duration 1h --room "ruang komisi  i" --parallel-with 2 --presenter Yohanis
note "With --strict the same room, or the same presenter, in the block is refused"
snapshot
r agenda add 5 "Komisi IV: umum" --duration 1h --room "Ruang Komisi I" --parallel-with 2 --strict
r agenda add 5 "Komisi IV: umum" --duration 1h --room "Ruang Komisi IV" --parallel-with 2 --presenter Samuel --strict
unchanged
note "The plenary starts when the longest commission ends: 08:30 + 2h = 10:30"
r agenda add 5 "Pleno hasil komisi" --duration 1h --presenter Ricky
r agenda list 5
note "An item may not move before the item it runs in parallel with"
snapshot
r agenda move 5 3 1
unchanged
note "Moving Komisi III out of the block (--parallel-with \"\") ends the room clash"
r agenda edit 5 "Komisi III" --parallel-with "" --strict
r agenda list 5

note "== A weekly series across the change to summer time (30 March 2025) =="
note "A one-off meeting in the series' room on Monday 31 March, 09:30-10:30 CEST"
r meeting add "Overleg met de gemeente" --start "2025-03-31 09:30" --duration 1h --tz Europe/Amsterdam --location "Ruang Rapat Den Haag"
note "--strict refuses the whole series because of its third occurrence"
snapshot
r meeting add "Koordinasi mingguan" --start "2025-03-17 09:00" --duration 1h --tz Europe/Amsterdam --location "Ruang Rapat Den Haag" --organizer Maria --repeat weekly --count 4 --strict
unchanged
note "Without --strict: a warning, and four occurrences, the first one's id printed"
r meeting add "Koordinasi mingguan" --start "2025-03-17 09:00" --duration 1h --tz Europe/Amsterdam --location "Ruang Rapat Den Haag" --organizer Maria --repeat weekly --count 4
note "09:00 local throughout: CET before the change, CEST after"
r meeting list --from 2025-03-17 --to 2025-04-07 --tz Europe/Amsterdam
sql "SELECT id, start_utc - recurrence_utc, datetime(start_utc, 'unixepoch') FROM meeting WHERE series_id IS NOT NULL ORDER BY id"
note "Moving the second occurrence to Tuesday 14:00 (an exception), cancelling the third"
r meeting edit 8 --start "2025-03-25 14:00"
r meeting cancel 9 --reason "Paasvakantie"
r meeting show 8 | occurrence_uids
note "Each occurrence keeps the start the rule gave it (recurrence_utc); 8 moved by 29 hours"
sql "SELECT id, status, datetime(recurrence_utc, 'unixepoch'), (start_utc - recurrence_utc) / 3600 FROM meeting WHERE series_id = 1 ORDER BY recurrence_utc"
r schedule conflicts 6
note "Inviting Samuel from the first occurrence on: every occurrence except the cancelled one"
r attendee add 7 Samuel --series
note "Attendance is recorded per occurrence"
r attendee mark 7 Samuel present --at 09:05
r attendee list 7
r attendee list 10
r meeting list --from 2025-03-17 --to 2025-04-07 --tz Europe/Amsterdam
note "The export: one series with RRULE, an EXDATE for the cancelled occurrence and an exception (RECURRENCE-ID) for the moved one"
r export ics --meeting 10 -o series.ics
printf '%s\n' "\$ sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' series.ics | grep -E '^(BEGIN|UID|DTSTART|RRULE|EXDATE|RECURRENCE-ID|SEQUENCE|STATUS)[:;]'"
tr -d '\r' <series.ics | sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' \
  | grep -E '^(BEGIN|UID|DTSTART|RRULE|EXDATE|RECURRENCE-ID|SEQUENCE|STATUS)[:;]' | scrub
note "Lilik joins from the second occurrence on: occurrences then differ in their attendees, so"
note "the last one needs an exception too (lines unfolded; attendees by name only)"
r attendee add 8 Lilik --series
r export ics --meeting 7 -o series2.ics
printf '%s\n' "\$ sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' series2.ics | grep -E '^(BEGIN|RECURRENCE-ID|ATTENDEE)[:;]'"
tr -d '\r' <series2.ics | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' | sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' \
  | grep -E '^(BEGIN|RECURRENCE-ID|ATTENDEE)[:;]' | sed -E 's/^(ATTENDEE;CN=[^;:]*).*/\1/'
note "Adding to a meeting that does not repeat with --series is refused"
r attendee add 6 Samuel --series

note "== Free slots in the week of 15 September 2025 (WIT) =="
note "Mon: Ricky away all day.  Tue: Samuel 08:00-10:00, Yohanis 10:30-15:00."
note "Wed: Ricky 09:00-12:00, Samuel invited 13:00-14:00; Johan (a unit below KAMTIB) 14:00-16:00."
note "Thu: the hall taken 08:00-11:00 by others; Ricky 13:00-15:00."
note "Fri: Yohanis 06:00-07:00 WIB (08:00-09:00 WIT); a cancelled all-day meeting of Ricky."
r meeting add "Kunjungan kerja Tual" --start "2025-09-15 08:00" --duration 8h --tz Asia/Jayapura --organizer Ricky
r meeting add "Patroli gabungan" --start "2025-09-16 08:00" --duration 2h --tz Asia/Jayapura --organizer Samuel
r meeting add "Sidang TPP" --start "2025-09-16 10:30" --end 15:00 --tz Asia/Jayapura --organizer Yohanis
r meeting add "Rapat dengan Pemda" --start "2025-09-17 09:00" --duration 3h --tz Asia/Jayapura --organizer Ricky
r meeting add "Pembinaan integritas" --start "2025-09-17 13:00" --duration 1h --tz Asia/Jayapura --organizer Lilik
r attendee add "Pembinaan integritas" Samuel
r meeting add "Inspeksi pos jaga" --start "2025-09-17 14:00" --duration 2h --tz Asia/Jayapura --organizer Johan
r meeting add "Ujian dinas" --start "2025-09-18 08:00" --duration 3h --tz Asia/Jayapura --location "Aula Kanwil"
r meeting add "Video conference Menteri" --start "2025-09-18 13:00" --duration 2h --tz Asia/Jayapura --organizer Ricky
r meeting add "Rapat daring Ditpam" --start "2025-09-19 06:00" --duration 1h --tz Asia/Jakarta --organizer Yohanis
r meeting add "Cuti bersama" --start "2025-09-19 08:00" --duration 8h --tz Asia/Jayapura --organizer Ricky
r meeting cancel "Cuti bersama"
note "Ricky and the members of KAMTIB (Samuel, Yohanis; not Johan) for 90 minutes, in the hall"
r schedule find-slot --with Ricky --with KAMTIB --room "aula kanwil" --duration 90m --between 2025-09-13 --between 2025-09-19 --hours 08:00-16:00 --days mon-fri --tz Asia/Jayapura --count 3
note "Without the hall, Thursday morning is free; --count 2 stops after two"
r schedule find-slot --with Ricky --with KAMTIB --duration 90m --between 2025-09-15..2025-09-19 --hours 08:00-16:00 --days mon-fri --tz Asia/Jayapura --count 2 --json
note "Thirty minutes fit on Tuesday 10:00-10:30, between Samuel's and Yohanis' meetings"
r schedule find-slot --with KAMTIB --duration 30m --between 2025-09-16..2025-09-16 --tz Asia/Jayapura
note "No slot: on Monday Ricky is away and on Tuesday 2 hours never fit; the one-line error says why"
r schedule find-slot --with KAMTIB --with Ricky --duration 2h --between 2025-09-15..2025-09-16 --tz Asia/Jayapura
note "On 8 Sep Ricky and Samuel share two meetings: three meetings keep them busy, each counted once"
r schedule find-slot --with Ricky --with Samuel --duration 90m --between 2025-09-08..2025-09-08 --hours 08:00-12:00 --tz Asia/Jayapura
