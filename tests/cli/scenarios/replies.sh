# Replies after a reschedule (issue 12, defect 3) and the meeting's online
# link.  A reply is given to a time and a place: moving the meeting, or
# setting it in another zone or room, sets the replies back to needs-action
# (kept in the history), so the next invitation asks everyone again.  The
# invitations are read with Python's icalendar, a parser independent of
# the libical that wrote them.

# ics_attendees MEETING: writes the REQUEST for MEETING and prints, as
# icalendar reads it, the SEQUENCE and each attendee's CN, PARTSTAT, RSVP.
ics_attendees() {
  printf '$ rapat export ics --method request --meeting %s  | icalendar\n' "$1"
  RAPAT_DB="$db" "$RAPAT" export ics --method request --meeting "$1" -o "$work/req.ics"
  "${PYTHON:-/usr/bin/python3}" - "$work/req.ics" <<'EOF'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print("METHOD:", cal["METHOD"])
for ev in cal.walk("VEVENT"):
    print("SEQUENCE:", ev["SEQUENCE"])
    atts = ev.get("ATTENDEE", [])
    if not isinstance(atts, list):
        atts = [atts]
    for a in atts:
        print("  %s PARTSTAT=%s RSVP=%s" % (a.params["CN"], a.params.get("PARTSTAT"),
                                            a.params.get("RSVP", "-")))
EOF
}

r person add "Ricky Dwi Biantoro" --position "Kepala Kantor Wilayah" --email kakanwil@maluku.pas.example
r person add "Maria Wattimena" --email tu@maluku.pas.example
r person add "Hendrik Sahetapy"
r person add "Fransina Matulessy"
r meeting add "Rapat koordinasi" --start "2025-09-10 09:00" --duration 2h --tz Asia/Jayapura --location "Ruang rapat Kanwil" --organizer Ricky
r attendee add 1 Maria Hendrik Fransina
r attendee rsvp 1 Maria accepted
r attendee rsvp 1 Hendrik mungkin
r attendee rsvp 1 Fransina tidak
ics_attendees 1

note "A new title, description or kind is no move: no reply is reset (the sequence rises for the title)"
r meeting edit 1 --title "Rakor" --description "Persiapan Rakernis" --kind koordinasi
r attendee list 1

note "A new start: the three replies go back to needs-action, with a warning"
r meeting edit 1 --start "2025-09-10 13:00"
r attendee list 1 --history
r meeting show 1 --json
note "The invitation asks everyone again: NEEDS-ACTION with RSVP=TRUE"
ics_attendees 1

note "Nothing to reset: no warning"
r meeting edit 1 --start "2025-09-10 14:00"
r attendee list 1 --history

note "--keep-replies: a correction nobody needs to hear about keeps ACCEPTED"
r attendee rsvp 1 Maria accepted
r meeting edit 1 --end 16:30 --keep-replies
ics_attendees 1

note "A new place resets with reason place; the same person may have several earlier replies"
r meeting edit 1 --location "Aula Rutan Kelas IIA Ambon"
r attendee rsvp 1 Maria accepted
note "--tz alone keeps the wall-clock time, so the instant moves: the reason is time"
r meeting edit 1 --tz Asia/Makassar
r attendee rsvp 1 Maria accepted
note "A zone with the same offset keeps the instant: the reason is zone"
r meeting edit 1 --tz Asia/Singapore
r attendee list 1 --history
r attendee list 1 --json

note "The online link: shown in show and --json; a new link raises the sequence but keeps replies"
r attendee rsvp 1 Maria accepted
r meeting edit 1 --url "https://meet.example.org/rakor-kanwil?pwd=a1b2"
r meeting show 1
ics_attendees 1
r meeting edit 1 --url "https://meet.example.org/rakor-kanwil-2"
ics_attendees 1
r meeting list --json
note "--url \"\" clears it (the sequence rises again, no Link: line)"
r meeting edit 1 --url ""
r meeting show 1
note "Refused links name the value; the database is unchanged"
snapshot
r meeting edit 1 --url "ftp://files.example.org/bahan.pdf"
r meeting edit 1 --url "https://meet.example.org/rakor kanwil"
r meeting edit 1 --url "meet.example.org/rakor"
r meeting add "Rapat daring" --start "2025-09-11 09:00" --duration 1h --tz Asia/Jayapura --url "javascript:alert(1)"
unchanged
r meeting add "Rapat daring" --start "2025-09-11 09:00" --duration 1h --tz Asia/Jayapura --url "HTTPS://Meet.Example.org/daring"
r meeting show daring --json

note "Cancelling is not a reschedule: the replies stay"
r attendee rsvp 1 Hendrik accepted
r meeting cancel 1 --reason "Ditunda"
r attendee list 1

note "A series: moving one occurrence resets that occurrence's replies only"
r meeting add "Apel pagi" --start "2025-09-15 07:30" --duration 30m --tz Asia/Jayapura --location Lapangan --repeat weekly --count 3
r attendee add 3 Maria Hendrik --series
r attendee rsvp 3 Maria accepted
r attendee rsvp 4 Maria accepted
r attendee rsvp 4 Hendrik declined
r attendee rsvp 5 Maria accepted
r meeting edit 4 --start "2025-09-22 08:00"
sql "SELECT a.meeting_id, p.name, a.rsvp FROM attendee a JOIN person p ON p.id = a.person_id WHERE a.meeting_id IN (3, 4, 5) ORDER BY a.meeting_id, p.name"
sql "SELECT a.meeting_id, h.rsvp, h.reason FROM reply_history h JOIN attendee a ON a.id = h.attendee_id ORDER BY h.id"
r attendee list 4 --history
r attendee list 5 --history

note "A move refused with --strict (a clash) resets nothing and says only why it was refused"
r meeting add "Rapat pimpinan" --start "2025-09-12 09:00" --duration 1h --tz Asia/Jayapura
r meeting add "Rapat anggaran" --start "2025-09-12 13:00" --duration 1h --tz Asia/Jayapura
r attendee add pimpinan Maria
r attendee add anggaran Maria
r attendee rsvp pimpinan Maria accepted
snapshot
r meeting edit pimpinan --start "2025-09-12 13:00" --strict
unchanged
