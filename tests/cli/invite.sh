#!/bin/bash
# rapat CLI tests: invitations by e-mail (iMIP, RFC 6047), 'invite send'
# and 'invite status'.
#
# A local SMTP server (python3-aiosmtpd, started here on 127.0.0.1) takes
# what 'invite send' mails; each message is read back with Python's email
# package and icalendar, never with rapat: the MIME structure, the headers
# and thread, the calendar's METHOD, SEQUENCE and ATTENDEEs.  Then who gets
# what through a reschedule, a new invitee, a refused recipient, a
# withdrawn invitee and a cancellation; a server that is down; the sendmail
# path with a stand-in program; --mbox and --maildir read back with
# Python's mailbox; --dry-run; and the settings that are refused.  And the
# loop closed: answers built from the received invitations as Google and
# Outlook write them are read back by 'import mail'.
#
# Usage: tests/cli/invite.sh   (RAPAT=path/to/rapat, PYTHON=/usr/bin/python3)

set -u
. "$(dirname "$0")/lib.sh"

PYTHON=${PYTHON:-/usr/bin/python3}
cli_setup
if ! "$PYTHON" -c 'import icalendar, aiosmtpd' >/dev/null 2>&1; then
  echo "invite.sh: Python's icalendar and aiosmtpd are needed (PYTHON='$PYTHON');" \
       "install python3-icalendar python3-aiosmtpd (.ci/setup does)" >&2
  exit 1
fi
mkdir -p "$HOME"
db="$tmp/invite.db"
spool="$tmp/spool"
mkdir -p "$spool"
if [ -z "${RAPAT_MAIL_MODULE:-}" ] && [ -f "$(dirname "$RAPAT")/.libs/rapat-mail.so" ]; then
  export RAPAT_MAIL_MODULE="$(dirname "$RAPAT")/.libs/rapat-mail.so"
fi

# r ARGS...: rapat on the test database; stdout in $tmp/out, stderr in $tmp/err.
r() {
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
}

# setup ARGS...: r, and the script stops if it fails; prints stdout.
setup() {
  if ! r "$@"; then
    echo "invite.sh: setup failed: rapat $*" >&2
    cat "$tmp/err" >&2
    exit 1
  fi
  cat "$tmp/out"
}

# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
  local desc=$1 out
  shift
  if out=$("$@" 2>&1); then
    pass "$desc"
  else
    fail "$desc" "$out" "stdout: $(cat "$tmp/out")" "stderr: $(cat "$tmp/err")"
  fi
}

# py DESCRIPTION: runs the Python on stdin with SPOOL, TMP set; passes when
# it exits 0 (a failed assert shows why).
py() {
  local desc=$1 script
  script=$(cat)
  check "$desc" env SPOOL="$spool" TMP="$tmp" "$PYTHON" -c "$script"
}

# count: how many messages the server has taken.
count() {
  ls "$spool" | grep -c '\.eml$'
}

# The SMTP server: saves each message as NNN.eml with its accepted
# recipients in NNN.rcpt; refuses any recipient whose address starts with
# "refuse"; while $tmp/slow exists, waits 2 s in DATA (saying so with
# $tmp/in-data).
cat >"$tmp/smtpd.py" <<'EOF'
import asyncio, os, socket, sys, time
from aiosmtpd.controller import Controller

spool, portfile = sys.argv[1], sys.argv[2]

class Handler:
    n = 0
    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.startswith("refuse"):
            return "550 5.1.1 <%s>: no such mailbox here" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"
    async def handle_DATA(self, server, session, envelope):
        if os.path.exists(os.path.join(spool, "..", "slow")):
            open(os.path.join(spool, "..", "in-data"), "w").close()
            await asyncio.sleep(2)
        Handler.n += 1
        base = os.path.join(spool, "%03d" % Handler.n)
        with open(base + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos) + "\n")
        with open(base + ".from", "w") as f:
            f.write(envelope.mail_from + "\n")
        with open(base + ".eml.part", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".eml.part", base + ".eml")
        return "250 2.0.0 accepted"

s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
c = Controller(Handler(), hostname="127.0.0.1", port=port)
c.start()
with open(portfile + ".part", "w") as f:
    f.write(str(port))
os.rename(portfile + ".part", portfile)
while True:
    time.sleep(3600)
EOF
"$PYTHON" "$tmp/smtpd.py" "$spool" "$tmp/port" 2>"$tmp/smtpd.err" &
smtpd=$!
pids+=("$smtpd")
for _ in $(seq 100); do
  [ -f "$tmp/port" ] && break
  sleep 0.1
done
if [ ! -f "$tmp/port" ]; then
  echo "invite.sh: the SMTP server did not start:" >&2
  cat "$tmp/smtpd.err" >&2
  exit 1
fi
port=$(cat "$tmp/port")

# The people and the meeting (Ambon: WIT, so the message is Indonesian).
setup unit add "Kantor Wilayah Maluku" --code KANWIL >/dev/null
org=$(setup person add "Ricky Dwi Biantoro" --unit KANWIL --email ricky@maluku.example)
p1=$(setup person add "Fransina Matulessy" --unit KANWIL --position "Kepala Rutan Ambon" \
       --email fransina@maluku.example)
p2=$(setup person add "Samuel Pattiasina" --unit KANWIL --email samuel@maluku.example)
p3=$(setup person add "Daniel Manuputty" --unit KANWIL)
p4=$(setup person add "Abdul Rahman" --unit KANWIL --email abdul@maluku.example)
p5=$(setup person add "Rudi Refused" --unit KANWIL --email refuse.rudi@maluku.example)
p6=$(setup person add "Maria Wattimena" --unit KANWIL --email maria@maluku.example)
m=$(setup meeting add "Rapat Kerja Teknis <2025>" --start "2025-09-02 09:00" --duration 3h \
      --tz Asia/Jayapura --location "Aula Rutan Ambon" --organizer "$org" \
      --url "https://meet.example/rakernis")
setup agenda add "$m" "Pembukaan" --duration 15m --type opening >/dev/null
setup agenda add "$m" "Isu strategis & capaian kinerja" --duration 2h >/dev/null
setup attendee add "$m" "$p1" "$p2" "$p3" >/dev/null
setup config set mail.transport smtp >/dev/null
setup config set mail.smtp-url "smtp://127.0.0.1:$port" >/dev/null
setup config set mail.reply-to sekretariat@maluku.example >/dev/null

# --dry-run: says what it would send; sends and records nothing, and opens
# no write transaction (so no PRAGMA optimize either): the file is
# byte-identical.
sum0=$(sha256sum <"$db")
r invite send "$m" --dry-run
check "--dry-run exits 0" test $? = 0
check "--dry-run names the message and both reachable invitees" \
  grep -q "would send request (sequence 0)" "$tmp/out"
check "--dry-run lists Fransina" grep -q "Fransina Matulessy <fransina@maluku.example>" "$tmp/out"
check "--dry-run still names who cannot be reached" grep -q "Daniel Manuputty has no e-mail" "$tmp/err"
check "--dry-run sends nothing" test "$(count)" = 0
check "--dry-run leaves the file byte-identical" test "$(sha256sum <"$db")" = "$sum0"

# ... and it takes no write lock: while another connection holds one, a
# dry run answers at once rather than waiting for it.
"$PYTHON" -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(1.5)
c.execute("ROLLBACK")' "$db" "$tmp/locked" &
locker=$!
for _ in $(seq 100); do
  [ -f "$tmp/locked" ] && break
  sleep 0.05
done
t0=$(date +%s%N)
r invite send "$m" --dry-run
rc=$?
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
wait "$locker"
check "--dry-run while another holds the write lock: exit 0" test "$rc" = 0
check "... at once: ${ms} ms, not after the lock's 1.5 s" test "$ms" -lt 1000

# The first invitation.
r invite send "$m"
check "invite send exits 0" test $? = 0
check "it says it sent the request to 2 recipients" grep -q "sent request (sequence 0) to 2 recipients" "$tmp/out"
check "an invitee without e-mail is named on stderr as not reachable" \
  grep -q "Daniel Manuputty has no e-mail address: not reachable" "$tmp/err"
check "the server got one message" test "$(count)" = 1
py "the message is multipart/mixed { alternative { plain, html, calendar; method=REQUEST }, application/ics }, read by Python's email" <<'EOF'
import email, email.policy, os
msg = email.message_from_binary_file(open(os.path.join(os.environ["SPOOL"], "001.eml"), "rb"),
                                      policy=email.policy.default)
assert msg.get_content_type() == "multipart/mixed", msg.get_content_type()
parts = msg.get_payload()
assert [p.get_content_type() for p in parts] == ["multipart/alternative", "application/ics"]
alt = parts[0].get_payload()
assert [p.get_content_type() for p in alt] == ["text/plain", "text/html", "text/calendar"]
assert alt[0].get_content_charset() == "utf-8"
assert alt[2].get_param("method") == "REQUEST"
assert alt[2].get_content_charset() == "utf-8"
att = parts[1]
assert att.get_content_disposition() == "attachment"
assert att.get_filename() == "invite.ics"
assert att["Content-Transfer-Encoding"].strip() == "base64"
assert alt[2].get_payload(decode=True) == att.get_payload(decode=True), "the attachment differs"
text = alt[0].get_content()
assert "Rapat Kerja Teknis <2025>" in text and "Aula Rutan Ambon" in text, text
assert "WIT" in text and "Selasa, 2 September 2025" in text, text
assert "https://meet.example/rakernis" in text and "Isu strategis & capaian kinerja" in text
html = alt[1].get_content()
assert "Rapat Kerja Teknis &lt;2025&gt;" in html and "&amp; capaian" in html, html
assert "<2025>" not in html
EOF
py "headers: From the organizer, To both, Reply-To, Subject (RFC 2047), Date, Message-ID, no In-Reply-To" <<'EOF'
import email, email.policy, os
raw = open(os.path.join(os.environ["SPOOL"], "001.eml"), "rb").read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
assert msg["From"].addresses[0].addr_spec == "ricky@maluku.example"
assert msg["From"].addresses[0].display_name == "Ricky Dwi Biantoro"
assert sorted(a.addr_spec for a in msg["To"].addresses) == ["fransina@maluku.example", "samuel@maluku.example"]
assert msg["Reply-To"].addresses[0].addr_spec == "sekretariat@maluku.example"
assert msg["Subject"].startswith("Undangan: Rapat Kerja Teknis <2025>"), msg["Subject"]
head = raw.split(b"\r\n\r\n")[0]
assert b"=?UTF-8?" in head and max(head) < 128, "the subject is not RFC 2047 encoded"
assert msg["Date"].datetime.utcoffset().total_seconds() == 9 * 3600
assert msg["Message-ID"].startswith("<rapat-") and msg["Message-ID"].endswith("@maluku.example>")
assert msg["In-Reply-To"] is None and msg["MIME-Version"] == "1.0"
assert open(os.path.join(os.environ["SPOOL"], "001.from")).read().strip() == "ricky@maluku.example"
assert open(os.path.join(os.environ["SPOOL"], "001.rcpt")).read().split() == ["fransina@maluku.example", "samuel@maluku.example"]
EOF
py "the calendar, read by icalendar: METHOD:REQUEST, SEQUENCE 0, ORGANIZER, the ATTENDEEs" <<'EOF'
import email, email.policy, os, icalendar
msg = email.message_from_binary_file(open(os.path.join(os.environ["SPOOL"], "001.eml"), "rb"),
                                      policy=email.policy.default)
cal = icalendar.Calendar.from_ical(msg.get_payload()[0].get_payload()[2].get_payload(decode=True))
assert str(cal["METHOD"]) == "REQUEST"
ev = [c for c in cal.walk("VEVENT")][0]
assert int(ev["SEQUENCE"]) == 0
assert str(ev["ORGANIZER"]).lower() == "mailto:ricky@maluku.example"
att = ev["ATTENDEE"] if isinstance(ev["ATTENDEE"], list) else [ev["ATTENDEE"]]
att = sorted(str(a).lower() for a in att)
assert "mailto:fransina@maluku.example" in att and "mailto:samuel@maluku.example" in att, att
EOF
py "the calendar part is CRLF, lines of at most 75 octets" <<'EOF'
import email, email.policy, os
msg = email.message_from_binary_file(open(os.path.join(os.environ["SPOOL"], "001.eml"), "rb"),
                                      policy=email.policy.default)
data = msg.get_payload()[0].get_payload()[2].get_payload(decode=True)
lines = data.split(b"\r\n")
assert lines[-1] == b"" and all(b"\n" not in l for l in lines)
assert max(len(l) for l in lines) <= 75
EOF

# Nothing new: nothing is sent.
r invite send "$m"
check "a second invite send sends nothing" test "$(count)" = 1
check "... and says so" grep -q "nothing to send: everyone has sequence 0" "$tmp/out"

# --all sends again.
r invite send "$m" --all
check "--all sends again to both" test "$(count)" = 2
check "--all: To both" grep -q "sent request (sequence 0) to 2 recipients" "$tmp/out"

# A reschedule: everyone gets the update, threaded under the first.
setup meeting edit "$m" --start "2025-09-03 09:00" --keep-replies >/dev/null 2>&1 \
  || setup meeting edit "$m" --start "2025-09-03 09:00" >/dev/null
r invite send "$m"
check "after a reschedule invite send sends to everyone" \
  grep -q "sent request (sequence 1) to 2 recipients" "$tmp/out"
py "the update: SEQUENCE 1, the new day, In-Reply-To and References the first Message-ID, subject 'Perubahan undangan'" <<'EOF'
import email, email.policy, os, icalendar
sp = os.environ["SPOOL"]
load = lambda n: email.message_from_binary_file(open(os.path.join(sp, n), "rb"), policy=email.policy.default)
first, upd = load("001.eml"), load("003.eml")
assert upd["In-Reply-To"] == first["Message-ID"], (upd["In-Reply-To"], first["Message-ID"])
assert first["Message-ID"] in upd["References"]
assert upd["Message-ID"] != first["Message-ID"]
assert upd["Subject"].startswith("Perubahan undangan:"), upd["Subject"]
cal = icalendar.Calendar.from_ical(upd.get_payload()[1].get_payload(decode=True))
ev = [c for c in cal.walk("VEVENT")][0]
assert int(ev["SEQUENCE"]) == 1
assert ev["DTSTART"].dt.day == 3
EOF

# A new invitee gets the invitation alone.
setup attendee add "$m" "$p4" >/dev/null
r invite send "$m"
check "a new invitee gets it alone" grep -q "sent request (sequence 1) to 1 recipient:" "$tmp/out"
check "... Abdul" test "$(cat "$spool/004.rcpt")" = "abdul@maluku.example"
py "... as a first invitation (subject 'Undangan'), still in the thread" <<'EOF'
import email, email.policy, os
sp = os.environ["SPOOL"]
load = lambda n: email.message_from_binary_file(open(os.path.join(sp, n), "rb"), policy=email.policy.default)
m = load("004.eml")
assert m["Subject"].startswith("Undangan:") and m["In-Reply-To"] == load("001.eml")["Message-ID"]
assert [a.addr_spec for a in m["To"].addresses] == ["abdul@maluku.example"]
EOF

# The loop closed: the invitees answer the messages the server took, the
# way their clients do, and 'import mail' records the answers.  The replies
# are built by Python from the received invitations (never by rapat):
# Fransina accepts as Google Calendar sends it (multipart/alternative with
# text/calendar; method=REPLY in base64, invite.ics attached), Samuel
# declines as Outlook does (quoted-printable, ATTENDEE without mailto:, a
# CN), and Abdul's reply answers the sequence before the reschedule, so it
# is stale and ignored.
mkdir -p "$tmp/replies"
py "replies built from the received invitations, as Google and Outlook write them" <<'EOF2'
import email, email.policy, os, icalendar, datetime
from email.message import EmailMessage
sp, t = os.environ["SPOOL"], os.environ["TMP"]
def load(n):
    return email.message_from_binary_file(open(os.path.join(sp, n), "rb"), policy=email.policy.default)
def latest(addr):
    best = None
    for n in sorted(f for f in os.listdir(sp) if f.endswith(".eml")):
        m = load(n)
        if addr not in [a.addr_spec for a in m["To"].addresses]:
            continue
        cal = [p for p in m.walk() if p.get_content_type() == "text/calendar"][0]
        ev = icalendar.Calendar.from_ical(cal.get_content()).walk("VEVENT")[0]
        if best is None or int(ev["SEQUENCE"]) >= int(best[1]["SEQUENCE"]):
            best = (m, ev)
    return best
def reply_cal(ev, attendee, partstat, prodid, mailto=True):
    c = icalendar.Calendar()
    c.add("prodid", prodid); c.add("version", "2.0"); c.add("method", "REPLY")
    r = icalendar.Event()
    for k in ("UID", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY", "ORGANIZER"):
        if k in ev:
            r[k] = ev[k]
    r.add("dtstamp", datetime.datetime(2025, 8, 30, 1, 2, 3, tzinfo=datetime.timezone.utc))
    a = icalendar.vCalAddress(("mailto:" if mailto else "") + attendee)
    a.params["PARTSTAT"] = partstat
    a.params["CN"] = attendee.split("@")[0].title()
    r.add("attendee", a)
    c.add_component(r)
    return c.to_ical()
def reply_mail(orig, sender, cal, cte, name):
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = orig["From"]
    msg["Subject"] = "Accepted: " + str(orig["Subject"])
    msg["Message-ID"] = "<%s@client.example>" % name
    msg["In-Reply-To"] = orig["Message-ID"]
    msg.set_content("reply")
    msg.add_alternative(cal, maintype="text", subtype="calendar", cte=cte,
                        params={"method": "REPLY"})
    if cte == "base64":
        msg.make_mixed()
        msg.add_attachment(cal, maintype="application", subtype="ics", filename="invite.ics")
    open(os.path.join(t, "replies", name + ".eml"), "wb").write(bytes(msg))
m, ev = latest("fransina@maluku.example")
assert int(ev["SEQUENCE"]) == 1, ev["SEQUENCE"]
reply_mail(m, "fransina@maluku.example",
           reply_cal(ev, "fransina@maluku.example", "ACCEPTED", "-//Google Inc//Google Calendar 70.9054//EN"),
           "base64", "google")
m, ev = latest("samuel@maluku.example")
reply_mail(m, "Samuel <samuel@maluku.example>",
           reply_cal(ev, "samuel@maluku.example", "DECLINED",
                     "Microsoft Exchange Server 2010", mailto=False),
           "quoted-printable", "outlook")
old = load("001.eml")
cal = [p for p in old.walk() if p.get_content_type() == "text/calendar"][0]
ev0 = icalendar.Calendar.from_ical(cal.get_content()).walk("VEVENT")[0]
assert int(ev0["SEQUENCE"]) == 0
reply_mail(old, "fransina@maluku.example",
           reply_cal(ev0, "fransina@maluku.example", "DECLINED", "-//Google Inc//Google Calendar 70.9054//EN"),
           "base64", "stale")
EOF2
r import mail "$tmp/replies/google.eml" "$tmp/replies/outlook.eml" "$tmp/replies/stale.eml"
check "import mail of the answers: exit 0" test $? = 0
check "... 2 replies recorded, 1 stale ignored" grep -q "2 replies recorded, 1 stale ignored" "$tmp/out"
r attendee list "$m" --json
py "... Fransina accepted, Samuel declined: the answers to the invitation that went out" <<'EOF2'
import json, os
rows = json.load(open(os.path.join(os.environ["TMP"], "out")))
rows = rows.get("attendees", rows) if isinstance(rows, dict) else rows
by = {r["name"]: r["rsvp"] for r in rows}
assert by["Fransina Matulessy"] == "accepted", by
assert by["Samuel Pattiasina"] == "declined", by
EOF2
sum=$(sha256sum <"$db")
r import mail "$tmp/replies/google.eml" "$tmp/replies/outlook.eml"
check "importing the same answers again changes nothing" test "$(sha256sum <"$db")" = "$sum"

# A recipient the server refuses: the others are sent and recorded, the
# refused one is named and not recorded.
setup attendee add "$m" "$p5" "$p6" >/dev/null
r invite send "$m"
check "a refused recipient does not stop the others (exit 0)" test $? = 0
check "... the refused one is named on stderr" grep -q "refuse.rudi@maluku.example>: refused by the SMTP server" "$tmp/err"
check "... the message reached the other" test "$(cat "$spool/005.rcpt")" = "maria@maluku.example"
check "... and says 1 recipient" grep -q "to 1 recipient:" "$tmp/out"
r invite status "$m" --json
py "... invite status --json: Maria current, Rudi not sent, Daniel no e-mail, Fransina's imported answer" <<'EOF'
import json, os
d = json.load(open(os.path.join(os.environ["TMP"], "out")))
st = {i["name"]: i for i in d["invitees"]}
assert d["sequence"] == 1
assert st["Maria Wattimena"]["state"] == "current" and st["Maria Wattimena"]["sent_sequence"] == 1
assert st["Rudi Refused"]["state"] == "not sent" and st["Rudi Refused"]["sent_at"] is None
assert st["Daniel Manuputty"]["state"] == "no e-mail" and st["Daniel Manuputty"]["email"] is None
assert st["Fransina Matulessy"]["reply"] == "accepted" and st["Fransina Matulessy"]["method"] == "request"
EOF
setup attendee remove "$m" "$p5" >/dev/null

# A withdrawn invitee gets a CANCEL addressed to them alone.
setup attendee remove "$m" "$p4" >/dev/null
r invite send "$m"
check "a withdrawn invitee gets a cancellation" grep -q "sent cancel (sequence 1) to 1 recipient:" "$tmp/out"
py "... to Abdul alone, METHOD:CANCEL naming only Abdul, subject 'Pembatalan'" <<'EOF'
import email, email.policy, os, icalendar
sp = os.environ["SPOOL"]
m = email.message_from_binary_file(open(os.path.join(sp, "006.eml"), "rb"), policy=email.policy.default)
assert [a.addr_spec for a in m["To"].addresses] == ["abdul@maluku.example"]
assert m["Subject"].startswith("Pembatalan:")
cal = icalendar.Calendar.from_ical(m.get_payload()[1].get_payload(decode=True))
assert str(cal["METHOD"]) == "CANCEL"
ev = [c for c in cal.walk("VEVENT")][0]
att = ev["ATTENDEE"] if isinstance(ev["ATTENDEE"], list) else [ev["ATTENDEE"]]
assert [str(a).lower() for a in att] == ["mailto:abdul@maluku.example"], att
assert m.get_payload()[0].get_payload()[2].get_param("method") == "CANCEL"
EOF
r invite status "$m"
check "invite status shows the withdrawn invitee as cancelled" grep -q "Abdul Rahman .*cancelled *cancel" "$tmp/out"
r invite send "$m"
check "... once: the next invite send sends nothing" grep -q "nothing to send" "$tmp/out"

# --cancel: to everyone who had the invitation.
r invite send "$m" --cancel
check "--cancel sends the cancellation to the three who had it" \
  grep -q "sent cancel (sequence 1) to 3 recipients:" "$tmp/out"
check "... not to Abdul again" test "$(grep -c abdul "$spool/007.rcpt")" = 0
py "... METHOD:CANCEL, STATUS:CANCELLED" <<'EOF'
import email, email.policy, os, icalendar
m = email.message_from_binary_file(open(os.path.join(os.environ["SPOOL"], "007.eml"), "rb"), policy=email.policy.default)
cal = icalendar.Calendar.from_ical(m.get_payload()[1].get_payload(decode=True))
assert str(cal["METHOD"]) == "CANCEL"
assert str([c for c in cal.walk("VEVENT")][0]["STATUS"]) == "CANCELLED"
EOF

# A slow server: delivery runs with no transaction open, so while the
# server waits in DATA another rapat command writes at once; what changes
# meanwhile (a new place: the sequence rises; a new invitee) is warned of,
# the message is recorded as what it was, and the next send catches up.
m5=$(setup meeting add "Rapat Lambat" --start "2025-09-20 10:00" --duration 1h \
       --tz Asia/Jayapura --organizer "$org")
setup attendee add "$m5" "$p1" "$p2" >/dev/null
touch "$tmp/slow"
"$RAPAT" --db "$db" invite send "$m5" </dev/null >"$tmp/slow.out" 2>"$tmp/slow.err" &
slow_pid=$!
for _ in $(seq 100); do
  [ -f "$tmp/in-data" ] && break
  sleep 0.05
done
check "the slow server is in DATA" test -f "$tmp/in-data"
t0=$(date +%s%N)
r person add "Yohanes Latuheru" --unit KANWIL --email yohanes@maluku.example
rc=$?
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
check "another write command succeeds while the send waits (exit 0)" test "$rc" = 0
check "... at once: ${ms} ms, not the server's 2 s" test "$ms" -lt 1000
p7=$(cat "$tmp/out")
r meeting edit "$m5" --location "Aula Kanwil"
check "... and so does a change of the meeting being sent" test $? = 0
r attendee add "$m5" "$p7"
check "... and a new invitee" test $? = 0
check "the send was still waiting for the server" kill -0 "$slow_pid"
wait "$slow_pid"
check "the slow send exits 0" test $? = 0
rm -f "$tmp/slow"
check "... it says what it sent" grep -q "sent request (sequence 0) to 2 recipients" "$tmp/slow.out"
check "... and warns that the meeting changed meanwhile" \
  grep -q "warning: meeting 'Rapat Lambat' changed while the messages were being sent: they carry sequence 0, the meeting is now at 1" "$tmp/slow.err"
check "... and that the invitees changed" grep -q "the invitees changed while the messages were being sent" "$tmp/slow.err"
r invite status "$m5" --json
py "... recorded as what went out: sequence 0, now outdated; Yohanes not sent" <<'EOF'
import json, os
d = json.load(open(os.path.join(os.environ["TMP"], "out")))
st = {i["name"]: i for i in d["invitees"]}
assert d["sequence"] == 1, d["sequence"]
assert st["Fransina Matulessy"]["state"] == "outdated" and st["Fransina Matulessy"]["sent_sequence"] == 0
assert st["Yohanes Latuheru"]["state"] == "not sent"
EOF
r invite send "$m5"
check "the next send catches up: the update to the two" grep -q "sent request (sequence 1) to 2 recipients" "$tmp/out"
check "... and the first invitation to the newcomer" grep -q "sent request (sequence 1) to 1 recipient:" "$tmp/out"

# The server down: an error naming the server; nothing recorded.
m2=$(setup meeting add "Rapat Koordinasi" --start "2025-09-10 10:00" --duration 1h \
       --tz Asia/Jayapura --organizer "$org")
setup attendee add "$m2" "$p1" "$p2" >/dev/null
kill "$smtpd" 2>/dev/null
wait "$smtpd" 2>/dev/null
sum=$(sha256sum <"$db")
r invite send "$m2"
check "server down: exit 1" test $? = 1
check "... one line naming the server" \
  test "$(wc -l <"$tmp/err")" = 1 -a "$(grep -c "smtp server 'smtp://127.0.0.1:$port'" "$tmp/err")" = 1
check "... the database is byte-identical" test "$(sha256sum <"$db")" = "$sum"

# The sendmail path, with a stand-in that keeps its arguments and input.
cat >"$tmp/sendmail" <<EOF
#!/bin/sh
printf '%s\n' "\$@" >"$tmp/sendmail.args"
cat >"$tmp/sendmail.msg"
EOF
cat >"$tmp/sendmail-fails" <<'EOF'
#!/bin/sh
cat >/dev/null
echo "sendmail: cannot connect to the relay" >&2
exit 1
EOF
chmod +x "$tmp/sendmail" "$tmp/sendmail-fails"
setup config set mail.transport sendmail >/dev/null
setup config set mail.sendmail "$tmp/sendmail-fails -t -oi" >/dev/null
sum=$(sha256sum <"$db")
r invite send "$m2"
check "sendmail failing: exit 1" test $? = 1
check "... says which program failed and what it said" \
  grep -q "sendmail-fails -t -oi': exited with status 1: sendmail: cannot connect to the relay" "$tmp/err"
check "... nothing recorded (byte-identical)" test "$(sha256sum <"$db")" = "$sum"
setup config set mail.sendmail "$tmp/sendmail -t -oi" >/dev/null
r invite send "$m2"
check "sendmail: exit 0" test $? = 0
check "... run with -t -oi" test "$(tr '\n' ' ' <"$tmp/sendmail.args")" = "-t -oi "
py "... the message on its stdin: To both, METHOD:REQUEST" <<'EOF'
import email, email.policy, os
m = email.message_from_binary_file(open(os.path.join(os.environ["TMP"], "sendmail.msg"), "rb"), policy=email.policy.default)
assert sorted(a.addr_spec for a in m["To"].addresses) == ["fransina@maluku.example", "samuel@maluku.example"]
assert m.get_payload()[0].get_payload()[2].get_param("method") == "REQUEST"
EOF
r invite status "$m2"
check "... and recorded: status shows them current" test "$(grep -c ' current ' "$tmp/out")" = 2

# --mbox and --maildir, read back with Python's mailbox.
m3=$(setup meeting add "From the minutes" --start "2025-09-12 10:00" --duration 1h \
       --tz Europe/Berlin --organizer "$org" --description "From here on")
setup attendee add "$m3" "$p1" "$p6" >/dev/null
r invite send "$m3" --mbox "$tmp/out.mbox"
check "--mbox: exit 0" test $? = 0
r invite send "$m3" --all --maildir "$tmp/Maildir"
check "--maildir: exit 0" test $? = 0
py "--mbox and --maildir hold the messages, read by Python's mailbox (English for Europe/Berlin)" <<'EOF'
import mailbox, os
t = os.environ["TMP"]
mb = list(mailbox.mbox(os.path.join(t, "out.mbox")))
md = list(mailbox.Maildir(os.path.join(t, "Maildir"), create=False))
assert len(mb) == 1 and len(md) == 1, (len(mb), len(md))
for m in (mb[0], md[0]):
    assert m["Subject"].startswith("Invitation: From the minutes"), m["Subject"]
    parts = m.get_payload()
    assert parts[0].get_payload()[2].get_content_type() == "text/calendar"
assert mb[0].get_from().startswith("ricky@maluku.example ")
assert not os.listdir(os.path.join(t, "Maildir", "tmp"))
EOF

# SMTP as an office server runs it: STARTTLS required, then AUTH.  A
# second aiosmtpd on 127.0.0.1 with a certificate made here for that
# address (openssl), which only the office's CA file (mail.smtp-ca-file)
# vouches for, and one user whose password rapat reads from a 0600 file.
if command -v openssl >/dev/null; then
  tls="$tmp/tls"
  mkdir -p "$tls/spool"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tls/key.pem" -out "$tls/cert.pem" \
    -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
  cat >"$tls/smtpd.py" <<'EOF2'
import os, socket, ssl, sys, time
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

d, portfile = sys.argv[1], sys.argv[2]
ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
ctx.load_cert_chain(os.path.join(d, "cert.pem"), os.path.join(d, "key.pem"))

def auth(server, session, envelope, mechanism, data):
    ok = isinstance(data, LoginPassword) and data.login == b"sekretariat" and data.password == b"rahasia-kanwil"
    return AuthResult(success=ok)

class Handler:
    n = 0
    async def handle_DATA(self, server, session, envelope):
        Handler.n += 1
        base = os.path.join(d, "spool", "%03d" % Handler.n)
        with open(base + ".session", "w") as f:
            f.write("tls=%s auth=%s\n" % (session.ssl is not None, session.authenticated))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        return "250 2.0.0 accepted"

s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
c = Controller(Handler(), hostname="127.0.0.1", port=port, tls_context=ctx,
               require_starttls=True, authenticator=auth, auth_required=True,
               auth_require_tls=True)
c.start()
open(portfile + ".part", "w").write(str(port)); os.rename(portfile + ".part", portfile)
while True:
    time.sleep(3600)
EOF2
  "$PYTHON" "$tls/smtpd.py" "$tls" "$tls/port" 2>"$tls/smtpd.err" &
  pids+=("$!")
  for _ in $(seq 100); do [ -f "$tls/port" ] && break; sleep 0.1; done
  if [ -f "$tls/port" ]; then
    tdb="$tmp/tls.db"
    cp "$db" "$tdb"
    tr() { "$RAPAT" --db "$tdb" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"; }
    printf 'rahasia-kanwil\n' >"$tls/pw"; chmod 600 "$tls/pw"
    printf 'salah\n' >"$tls/bad"; chmod 600 "$tls/bad"
    tr config set mail.transport smtp
    tr config set mail.smtp-url "smtp://127.0.0.1:$(cat "$tls/port")"
    tr config set mail.smtp-tls required
    tr config set mail.smtp-user sekretariat
    tr config set mail.smtp-password-file "$tls/pw"
    tm=$("$RAPAT" --db "$tdb" meeting add "Rapat TLS" --start "2025-10-01 09:00" --duration 1h \
           --tz Asia/Jayapura --organizer "$org" </dev/null)
    "$RAPAT" --db "$tdb" attendee add "$tm" "$p1" </dev/null >/dev/null
    sum=$(sha256sum <"$tdb")
    tr invite send "$tm"
    check "a certificate only the office CA vouches for is refused without mail.smtp-ca-file: exit 1" \
      test $? = 1 -a "$(wc -l <"$tmp/err")" = 1
    check "... nothing recorded, database byte-identical" test "$(sha256sum <"$tdb")" = "$sum"
    tr config set mail.smtp-ca-file "$tls/cert.pem"
    check "mail.smtp-ca-file takes a PEM file" test $? = 0
    tr config set mail.smtp-ca-file "$tls/pw"
    check "... and refuses a file that holds no certificate" grep -q "holds no PEM certificate" "$tmp/err"
    tr config set mail.smtp-password-file "$tls/bad"
    sum=$(sha256sum <"$tdb")
    tr invite send "$tm"
    check "a wrong password: exit 1, one line, nothing recorded" \
      test $? = 1 -a "$(wc -l <"$tmp/err")" = 1 -a "$(sha256sum <"$tdb")" = "$sum"
    tr config set mail.smtp-password-file "$tls/pw"
    tr invite send "$tm"
    check "STARTTLS, AUTH with the password file: sent" grep -q "to 1 recipient" "$tmp/out"
    check "... the server saw TLS and an authenticated session" \
      grep -qx "tls=True auth=True" "$tls/spool/001.session"
    tr config set mail.smtp-url "smtp://127.0.0.1:$port"
    n0=$(count)
    tr invite send "$tm" --all
    check "mail.smtp-tls required against a server without STARTTLS: refused, nothing sent" \
      test $? = 1 -a "$(count)" = "$n0"
  else
    skip "the TLS SMTP server did not start: $(head -c 200 "$tls/smtpd.err")"
  fi
else
  skip "openssl is not installed: no STARTTLS/AUTH round trip"
fi

# Settings that are refused.
echo secret >"$tmp/pw"
chmod 644 "$tmp/pw"
r config set mail.smtp-password-file "$tmp/pw"
check "a password file others can read is refused" grep -q "chmod 600" "$tmp/err"
chmod 600 "$tmp/pw"
r config set mail.smtp-password-file "$tmp/pw"
check "a 0600 password file is accepted" test $? = 0
check "... the database keeps its path, not the password" \
  test "$("$SQLITE3" "$db" "SELECT count(*) FROM config WHERE value LIKE '%secret%'")" = 0
r config set mail.transport pigeon
check "an unknown transport is refused" grep -q "mail.transport 'pigeon': expected sendmail or smtp" "$tmp/err"
r config set mail.smtp-url http://example.org
check "an smtp url that is not smtp:// is refused" grep -q "expected smtp://" "$tmp/err"

# Nobody reachable: an error.
m4=$(setup meeting add "Nobody" --start "2025-09-15 10:00" --duration 1h --tz Asia/Jayapura \
       --organizer "$org")
setup attendee add "$m4" "$p3" >/dev/null
sum=$(sha256sum <"$db")
r invite send "$m4"
check "nobody reachable: exit 1, naming who has no address" grep -q "no address: Daniel Manuputty" "$tmp/err"
check "... database byte-identical" test "$(sha256sum <"$db")" = "$sum"

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
