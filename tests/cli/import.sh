#!/bin/bash
# rapat CLI tests: replies to invitations read back (issue 17), with the
# real store, libical and the mail module (GMime).
#
# Messages are built with Python's email package the way clients send them
# (Google: multipart/alternative with a base64 text/calendar part and the
# same calendar as invite.ics; Outlook: an .ics attachment alone, quoted-
# printable, ISO-8859-1, ATTENDEE without mailto:; a forwarded reply in
# message/rfc822), an mbox and a maildir with Python's mailbox; the real
# samples of tests/data/imip/ are imported as bare .ics files.  Every
# refusal is one line on stderr and leaves the database byte-identical.
#
# Usage: tests/cli/import.sh   (RAPAT=path/to/rapat, PYTHON=/usr/bin/python3)

set -u
. "$(dirname "$0")/lib.sh"

PYTHON=${PYTHON:-/usr/bin/python3}
cli_setup
data="$SRCDIR/tests/data/imip"
export RAPAT_DB="$tmp/t.db"
export RAPAT_MAIL_MODULE="${RAPAT_MAIL_MODULE:-$(dirname "$RAPAT")/.libs/rapat-mail.so}"

# r ARGS...: runs rapat, output in $tmp/out and $tmp/err.
r() { "$RAPAT" "$@" >"$tmp/out" 2>"$tmp/err"; }
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what" "out: $(cat "$tmp/out")" "err: $(cat "$tmp/err")"; fi
}
sum() { sha256sum "$RAPAT_DB" | cut -d' ' -f1; }
sql() { "$SQLITE3" "$RAPAT_DB" "$@"; }
rsvp_of() { sql "SELECT a.rsvp FROM attendee a JOIN person p ON p.id = a.person_id WHERE a.meeting_id = $1 AND p.email = '$2'"; }

"$RAPAT" person add "Andi Wijaya" --email andi@example.go.id >/dev/null
"$RAPAT" person add "Budi Santoso" --email budi@example.go.id >/dev/null
"$RAPAT" person add "Sari Déwi" --email sari@example.go.id >/dev/null
"$RAPAT" person add "Rina Putri" --email rina@example.go.id >/dev/null
"$RAPAT" person add "Foo" --email foo@example.org >/dev/null
m=$("$RAPAT" meeting add "Rapat Koordinasi" --start "2030-09-02 09:00" --duration 2h \
      --tz Asia/Jayapura --organizer Andi)
"$RAPAT" attendee add "$m" Budi Sari >/dev/null
uid=$(sql "SELECT uid FROM meeting WHERE id = $m")

# The messages, built by Python as the clients send them.
"$PYTHON" - "$tmp" "$uid" <<'EOF'
import sys, mailbox
from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email import encoders, charset

tmp, uid = sys.argv[1], sys.argv[2]

def cal(method, attendee, stamp, seq=0, extra=""):
    return ("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
            "VERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:%s\r\nBEGIN:VEVENT\r\n"
            "DTSTART:20300902T000000Z\r\nDTEND:20300902T020000Z\r\nDTSTAMP:%s\r\n"
            "ORGANIZER;CN=Andi Wijaya:mailto:andi@example.go.id\r\nUID:%s\r\n"
            "%s%s\r\nSEQUENCE:%d\r\nSUMMARY:Rapat Koordinasi\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            % (method, stamp, uid, extra, attendee, seq))

def google(sender, attendee, stamp, name):
    c = cal("REPLY", attendee, stamp)
    m = MIMEMultipart("mixed")
    m["From"] = sender; m["To"] = "andi@example.go.id"
    m["Subject"] = "Accepted: Rapat Koordinasi"; m["Message-ID"] = "<%s@mail.gmail.com>" % name
    alt = MIMEMultipart("alternative")
    alt.attach(MIMEText("Budi has accepted.", "plain", "utf-8"))
    alt.attach(MIMEText("<p>Budi has accepted.</p>", "html", "utf-8"))
    part = MIMEBase("text", "calendar", method="REPLY", charset="UTF-8")
    part.set_payload(c.encode()); encoders.encode_base64(part)
    alt.attach(part); m.attach(alt)
    att = MIMEBase("application", "ics", name="invite.ics")
    att.add_header("Content-Disposition", "attachment", filename="invite.ics")
    att.set_payload(c.encode()); encoders.encode_base64(att)
    m.attach(att)
    return m

g = google("Budi Santoso <budi@example.go.id>",
           "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Budi Santoso;X-NUM-GUESTS=0:mailto:budi@example.go.id",
           "20300801T100000Z", "g1")
open(tmp + "/google.eml", "wb").write(g.as_bytes())

# Outlook: the calendar alone, as an attachment, quoted-printable, in
# ISO-8859-1, the attendee without mailto: and with a CN beyond ASCII.
o = MIMEMultipart("mixed")
o["From"] = "=?iso-8859-1?q?Sari_D=E9wi?= <sari@example.go.id>"; o["To"] = "andi@example.go.id"
o["Subject"] = "Tentative: Rapat Koordinasi"; o["Message-ID"] = "<o1@outlook.example>"
o.attach(MIMEText("Mungkin hadir.", "plain", "iso-8859-1"))
body = cal("REPLY", "ATTENDEE;PARTSTAT=TENTATIVE;CN=Sari D\u00e9wi:sari@example.go.id",
           "20300801T110000Z").replace("-//Google Inc//Google Calendar 70.9054//EN",
                                       "Microsoft Exchange Server 2010")
ics = MIMEBase("text", "calendar", method="REPLY", charset="iso-8859-1", name="meeting.ics")
ics.add_header("Content-Disposition", "attachment", filename="meeting.ics")
ics.set_payload(body.encode("iso-8859-1")); encoders.encode_quopri(ics)
o.attach(ics)
open(tmp + "/outlook.eml", "wb").write(o.as_bytes())

# A reply forwarded as message/rfc822, with an older DTSTAMP than Budi's.
f = MIMEMultipart("mixed")
f["From"] = "sekretariat@example.go.id"; f["Subject"] = "Fwd: Accepted"
f["Message-ID"] = "<fwd1@example.go.id>"
f.attach(MIMEText("Diteruskan.", "plain", "utf-8"))
old = google("Budi Santoso <budi@example.go.id>",
             "ATTENDEE;PARTSTAT=DECLINED:mailto:budi@example.go.id", "20300701T100000Z", "g0")
f.attach(MIMEMessage(old))
open(tmp + "/forwarded.eml", "wb").write(f.as_bytes())

# Not invited, and unknown to rapat.
x = google("Orang Lain <lain@example.com>", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:lain@example.com",
           "20300801T120000Z", "x1")
open(tmp + "/stranger.eml", "wb").write(x.as_bytes())
plain = EmailMessage(); plain["From"] = "a@example.com"; plain["Subject"] = "hi"
plain.set_content("no calendar here")
open(tmp + "/plain.eml", "wb").write(plain.as_bytes())

# The same messages as an mbox and a maildir.
mb = mailbox.mbox(tmp + "/replies.mbox"); mb.add(g); mb.add(o); mb.add(plain); mb.close()
md = mailbox.Maildir(tmp + "/Maildir", create=True); md.add(g); md.add(o); md.close()

# Bare calendars: a COUNTER, a REFRESH, a DELEGATED reply, an unknown UID.
open(tmp + "/counter.ics", "w").write(cal("COUNTER", "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:budi@example.go.id",
    "20300802T090000Z").replace("DTSTART:20300902T000000Z", "DTSTART;TZID=Asia/Jakarta:20300903T080000")
    .replace("DTEND:20300902T020000Z\r\n", "DURATION:PT2H\r\nCOMMENT:Tanggal 2 ada dinas luar\r\n"))
open(tmp + "/refresh.ics", "w").write(cal("REFRESH", "ATTENDEE:mailto:sari@example.go.id", "20300802T100000Z"))
open(tmp + "/delegated.ics", "w").write(cal("REPLY",
    'ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:rina@example.go.id":mailto:sari@example.go.id',
    "20300803T100000Z"))
open(tmp + "/unknown-uid.ics", "w").write(cal("REPLY", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:budi@example.go.id",
    "20300803T100000Z").replace(uid, "no-such-uid@example.com"))
open(tmp + "/publish.ics", "w").write(cal("PUBLISH", "ATTENDEE:mailto:budi@example.go.id", "20300803T100000Z"))
EOF

# --dry-run says what would change, and changes nothing.
before=$(sum)
r import mail --dry-run "$tmp/google.eml" "$tmp/outlook.eml"
check "--dry-run: says what it would record" grep -qx "Dry run, nothing written: 2 replies to record." "$tmp/out"
check "--dry-run: the database is byte-identical" test "$(sum)" = "$before"

r import mail "$tmp/google.eml" "$tmp/outlook.eml"
check "import mail: Google's and Outlook's replies are recorded" grep -qx "2 replies recorded." "$tmp/out"
check "Google (base64 text/calendar, the same calendar again as invite.ics): read once" \
  grep -qx "$tmp/google.eml: Budi Santoso: accepted for 'Rapat Koordinasi' (2030-09-02 09:00 WIT)" "$tmp/out"
check "Outlook (attachment only, quoted-printable, ISO-8859-1, no mailto:): tentative" \
  test "$(rsvp_of "$m" sari@example.go.id)" = tentative
check "... and the replies' DTSTAMP and SEQUENCE are kept" \
  test "$(sql "SELECT replied_at, replied_sequence FROM attendee WHERE meeting_id = $m ORDER BY id" | tr '\n' ' ')" = "1911808800|0 1911812400|0 "

before=$(sum)
r import mail "$tmp/google.eml" "$tmp/outlook.eml"
check "the same messages again: nothing changes" grep -qx "2 already recorded." "$tmp/out"
check "... and the database is byte-identical" test "$(sum)" = "$before"

r import mail "$tmp/forwarded.eml"
check "a forwarded (message/rfc822) reply older than the one kept is stale" \
  grep -qx "1 stale ignored." "$tmp/out"
check "... and Budi stays accepted" test "$(rsvp_of "$m" budi@example.go.id)" = accepted

r import mail "$tmp/stranger.eml" "$tmp/plain.eml"
check "an address rapat does not know is reported, not added" \
  grep -qx "1 unknown sender, 1 message without a calendar." "$tmp/out"
check "... naming it" grep -q "attendee 'lain@example.com': an address rapat does not know; not added" "$tmp/out"
check "... and nobody is added" test "$(sql "SELECT count(*) FROM person")" = 5

r import mail --mbox "$tmp/replies.mbox"
check "an mbox (Python's mailbox) is read message by message" \
  grep -qx "2 already recorded, 1 message without a calendar." "$tmp/out"
r import mail --maildir "$tmp/Maildir"
check "a maildir (Python's mailbox) is read" grep -qx "2 already recorded." "$tmp/out"

r import ics "$tmp/counter.ics"
check "COUNTER: the new time is kept for the organizer" \
  grep -qx "1 new time proposed (see 'rapat import requests')." "$tmp/out"
check "... read in its own zone (08:00 WIB is 10:00 WIT)" \
  grep -q "Budi Santoso proposes to hold 'Rapat Koordinasi' (2030-09-02 09:00 WIT) at 2030-09-03 10:00 WIT instead" "$tmp/out"
check "... and not applied" test "$(sql "SELECT start_utc FROM meeting WHERE id = $m")" = 1914537600
r import requests
check "import requests lists it with the comment" grep -q "Tanggal 2 ada dinas luar" "$tmp/out"

r import ics - < "$tmp/refresh.ics"
check "REFRESH from standard input: asks for the invitation again, and says how to answer" \
  grep -qx "1 asks for the invitation again ('rapat invite send MEETING' sends it)." "$tmp/out"

r import ics "$tmp/delegated.ics"
check "DELEGATED: recorded" grep -q "Sari Déwi delegated 'Rapat Koordinasi' (2030-09-02 09:00 WIT) to Rina Putri, who stands in" "$tmp/out"
check "... Rina kept as the one who stands in" \
  test "$(sql "SELECT p.name FROM attendee a JOIN person p ON p.id = a.delegated_to WHERE a.meeting_id = $m")" = "Rina Putri"
r meeting show "$m"
check "meeting show lists the new time proposed, for the organizer" \
  grep -q "^  Budi Santoso  a new time  *Tue 3 Sep 2030, 10:00–12:00 WIT  Tanggal 2" "$tmp/out"
check "... and the delegation on the invitee's row" grep -q "Sari Déwi .*delegated to Rina Putri" "$tmp/out"
r meeting show "$m" --json
check "meeting show --json: the delegate and the request" \
  "$PYTHON" -c 'import json, sys
d = json.load(open(sys.argv[1]))
sari = [a for a in d["attendees"] if a["name"] == "Sari Déwi"][0]
assert sari["delegated_to"] == "Rina Putri" and sari["rsvp"] == "declined", sari
assert [r["method"] for r in d["requests"]] == ["counter", "refresh"], d["requests"]
assert d["requests"][0]["proposed_start"].startswith("2030-09-03T10:00"), d["requests"][0]' "$tmp/out"
"$RAPAT" attendee rsvp "$m" Sari accepted >/dev/null
check "a reply typed in other than declined ends the delegation" \
  test -z "$(sql "SELECT delegated_to FROM attendee a JOIN person p ON p.id = a.person_id WHERE a.meeting_id = $m AND p.name = 'Sari Déwi'")"

r import ics "$tmp/unknown-uid.ics" "$tmp/publish.ics"
check "an unknown UID is reported" grep -qx "1 unknown meeting." "$tmp/out"
check "... a PUBLISH of rapat's own meeting at its SEQUENCE is read as events and changes nothing" \
  grep -qx "0 added, 0 updated, 1 unchanged." "$tmp/out"

# A sequence the meeting has moved past.
"$RAPAT" meeting edit "$m" --start "2030-09-02 10:00" >/dev/null 2>&1
r import mail "$tmp/google.eml"
check "a reply to the invitation before a reschedule is stale" grep -qx "1 stale ignored." "$tmp/out"

# The real samples (tests/data/imip/README.md): sabre/vobject's replies to
# one occurrence of a daily series in America/Toronto, the RECURRENCE-ID
# written in another zone and in UTC; their UID is the series' (adapted here).
s=$("$RAPAT" meeting add "Daily" --start "2014-07-24 00:00" --duration 1h --tz America/Toronto \
      --repeat daily --count 5 --organizer Andi)
"$RAPAT" attendee add "$s" Foo --series >/dev/null
suid=$(sql "SELECT s.uid FROM series s JOIN meeting m ON m.series_id = s.id WHERE m.id = $s")
occ=$(sql "SELECT id FROM meeting WHERE recurrence_utc = strftime('%s', '2014-07-25 04:00:00')")
for f in sabre-reply-occurrence-other-zone sabre-reply-occurrence-utc; do
  sed "s/^UID:foobar/UID:$suid/" "$data/$f.ics" >"$tmp/$f.ics"
done
r import ics "$tmp/sabre-reply-occurrence-other-zone.ics"
check "sabre: RECURRENCE-ID in Asia/Ho_Chi_Minh finds the occurrence at 00:00 Toronto" \
  test "$(rsvp_of "$occ" foo@example.org)" = accepted
check "... that occurrence only" test "$(sql "SELECT count(*) FROM attendee WHERE rsvp = 'accepted' AND person_id = 5")" = 1
r import ics "$tmp/sabre-reply-occurrence-utc.ics"
check "sabre: the same instant in UTC is the same answer again" grep -qx "1 already recorded." "$tmp/out"
sed "s/^UID:foobar/UID:$suid/" "$data/sabre-reply-party-crasher.ics" >"$tmp/crasher.ics"
r import ics "$tmp/crasher.ics"
check "sabre: a reply to a whole series long over changes nothing past" \
  grep -qx "1 skipped." "$tmp/out"
w=$("$RAPAT" meeting add "Brussels" --start "2014-07-16 14:00" --duration 1h --tz Europe/Brussels --organizer Andi)
"$RAPAT" attendee add "$w" Foo >/dev/null
wuid=$(sql "SELECT uid FROM meeting WHERE id = $w")
sed "s/^UID:foobar/UID:$wuid/" "$data/sabre-reply-windows-zone.ics" >"$tmp/windows.ics"
r import ics "$tmp/windows.ics"
check "sabre: a reply with an Outlook-style zone name is recorded" \
  test "$(rsvp_of "$w" foo@example.org)" = accepted
sed "s/^UID:foobar/UID:$wuid/" "$data/sabre-reply-party-crasher.ics" >"$tmp/crasher.ics"
r import ics "$tmp/crasher.ics"
check "sabre: a party crasher is reported, not added" grep -qx "1 unknown sender." "$tmp/out"

# Mailed invitations: a reply is judged against what was sent to that
# invitee, the From: is compared with the invitee's address, and a REFRESH
# is answered by the next 'invite send' (issue 17).
k=$("$RAPAT" meeting add "Rapat Anggaran" --start "2030-10-01 09:00" --duration 1h \
      --tz Asia/Jayapura --organizer Andi)
"$RAPAT" attendee add "$k" Budi Sari >/dev/null
kuid=$(sql "SELECT uid FROM meeting WHERE id = $k")
# sent_to MBOX: the addresses its messages went to, read by Python.
sent_to() { "$PYTHON" -c 'import mailbox, sys, email.utils
print(" ".join(sorted(a for m in mailbox.mbox(sys.argv[1])
                      for _, a in email.utils.getaddresses(m.get_all("To")))))' "$1"; }
r invite send "$k" --mbox "$tmp/k1.mbox"
check "invite send mails both invitees (sequence 0)" \
  test "$(sent_to "$tmp/k1.mbox")" = "budi@example.go.id sari@example.go.id"
"$RAPAT" meeting edit "$k" --start "2030-10-01 10:00" >/dev/null 2>&1
"$PYTHON" - "$tmp" "$kuid" <<'EOF'
import sys
from email.message import EmailMessage
tmp, uid = sys.argv[1], sys.argv[2]
def mail(name, sender, attendee, method, stamp, seq):
    c = ("BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
         "VERSION:2.0\r\nMETHOD:%s\r\nBEGIN:VEVENT\r\nDTSTAMP:%s\r\nUID:%s\r\n"
         "SEQUENCE:%d\r\n%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" % (method, stamp, uid, seq, attendee))
    m = EmailMessage()
    m["From"] = sender; m["To"] = "andi@example.go.id"; m["Subject"] = method
    m["Message-ID"] = "<%s@example.go.id>" % name
    m.set_content("reply")
    m.add_attachment(c.encode(), maintype="text", subtype="calendar", filename="reply.ics",
                     params={"method": method})
    open("%s/%s.eml" % (tmp, name), "wb").write(m.as_bytes())
mail("k-budi0", "budi@example.go.id", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:budi@example.go.id",
     "REPLY", "20300901T100000Z", 0)
mail("k-budi0-late", "budi@example.go.id", "ATTENDEE;PARTSTAT=DECLINED:mailto:budi@example.go.id",
     "REPLY", "20300901T120000Z", 0)
mail("k-sari-other", "Rina <rina@example.go.id>",
     "ATTENDEE;PARTSTAT=DECLINED:mailto:sari@example.go.id", "REPLY", "20300901T100000Z", 1)
mail("k-sari-sentby", "Rina <rina@example.go.id>",
     "ATTENDEE;PARTSTAT=ACCEPTED;SENT-BY=\"mailto:rina@example.go.id\":mailto:sari@example.go.id",
     "REPLY", "20300901T110000Z", 1)
mail("k-sari-refresh", "sari@example.go.id", "ATTENDEE:mailto:sari@example.go.id",
     "REFRESH", "20300901T130000Z", 1)
EOF
r import mail "$tmp/k-budi0.eml"
check "a reply to the sequence mailed to the invitee counts, though the meeting changed since" \
  test "$(rsvp_of "$k" budi@example.go.id)" = accepted
check "... with a note that the update is still to be sent" \
  grep -q "answers the invitation sent before the meeting changed: 'rapat invite send $k' sends the update" "$tmp/out"
r invite send "$k" --mbox "$tmp/k2.mbox"
check "invite send then mails the update to both" \
  test "$(sent_to "$tmp/k2.mbox")" = "budi@example.go.id sari@example.go.id"
r import mail "$tmp/k-budi0-late.eml"
check "once the update is mailed, a reply to the earlier sequence is stale" \
  grep -qx "1 stale ignored." "$tmp/out"
check "... and the reply kept stays" test "$(rsvp_of "$k" budi@example.go.id)" = accepted
r import mail "$tmp/k-sari-other.eml"
check "a reply mailed from another address is recorded" \
  test "$(rsvp_of "$k" sari@example.go.id)" = declined
check "... with a note naming the sender" \
  grep -q "the e-mail came from rina@example.go.id, not from the invitee's address" "$tmp/out"
r import mail "$tmp/k-sari-sentby.eml"
check "a reply sent on the invitee's behalf (SENT-BY) is recorded without that note" \
  test "$(rsvp_of "$k" sari@example.go.id)" = accepted -a "$(grep -c "came from" "$tmp/out")" = 0
r invite send "$k" --mbox "$tmp/k3.mbox"
check "nothing is due while nobody asks" grep -q "nothing to send" "$tmp/out"
r import mail "$tmp/k-sari-refresh.eml"
check "a REFRESH names the command that answers it" \
  grep -q "Sari Déwi asks for the invitation to 'Rapat Anggaran' .* again: 'rapat invite send $k' sends it" "$tmp/out"
r invite send "$k" --mbox "$tmp/k4.mbox"
check "invite send answers the REFRESH: Sari alone gets the invitation again" \
  test "$(sent_to "$tmp/k4.mbox")" = "sari@example.go.id"
r invite send "$k" --mbox "$tmp/k5.mbox"
check "... once" grep -q "nothing to send" "$tmp/out"
r import mail "$tmp/k-sari-refresh.eml"
check "the same REFRESH imported again is not a new request" grep -qx "1 already recorded." "$tmp/out"
r import requests "$k"
check "import requests shows it answered" grep -q "the invitation again (sent " "$tmp/out"

# --version names what a bug report needs, the mail module's libraries too.
r --version
check "--version: rapat, the schema, SQLite, libical and GLib" \
  grep -q "^  schema [0-9][0-9]*, SQLite 3\.[0-9.]*, libical 3\.[0-9.]*, GLib 2\.[0-9.]*$" "$tmp/out"
check "... and the mail module's GMime and libcurl" grep -q "^  mail: GMime 3\.[0-9.]*, libcurl " "$tmp/out"
RAPAT_MAIL_MODULE=/nonexistent/rapat-mail.so r --version
check "... or why the mail module does not load, exit 0" \
  grep -q "^  mail: not available (.*/nonexistent/rapat-mail.so" "$tmp/out"

# Refusals: one line, the database byte-identical.
before=$(sum)
r import mail "$tmp/google.eml" "$tmp/missing.eml"
check "a file that cannot be read: an error naming it, exit 1" \
  test $? = 1 -a "$(wc -l <"$tmp/err")" = 1
check "... the message names it" grep -q "^rapat: error: file '$tmp/missing.eml': " "$tmp/err"
check "... and nothing is written, not even the readable file's reply" test "$(sum)" = "$before"
printf 'hello\n' >"$tmp/junk.ics"
r import ics "$tmp/junk.ics"
check "not a calendar: one line" grep -qx "rapat: error: calendar '$tmp/junk.ics': not an iCalendar object (no VCALENDAR)" "$tmp/err"
r import mail --mbox "$tmp/junk.ics"
check "not an mbox: one line" grep -q "^rapat: error: file '$tmp/junk.ics': not an mbox file" "$tmp/err"
r import mail --maildir "$tmp"
check "not a maildir: one line" grep -q "^rapat: error: directory '$tmp': not a maildir" "$tmp/err"
r import mail "$tmp/google.eml" --mbox "$tmp/replies.mbox"
check "FILE and --mbox together: a usage error (exit 2)" test $? = 2
check "... and after every refusal the database is byte-identical" test "$(sum)" = "$before"

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
