#!/bin/bash
# rapat CLI tests: invitations that stay right through every change (iTIP,
# RFC 5546, and what calendar apps make of RFC 5545).
#
# A weekly series in Europe/Berlin across the end of daylight-saving time,
# with one occurrence moved, one moved to another zone, one cancelled and
# one deleted, is exported as a published calendar, as per-occurrence
# invitations and cancellations, and as the whole series; each file is read
# by parsers rapat did not write: Python's icalendar, recurring-ical-events
# (every occurrence's UTC start), and the checks below.  Then the sequences
# are followed through changes, and a database changed behind rapat's back
# is exported.
#
# Usage: tests/cli/itip.sh   (RAPAT=path/to/rapat, PYTHON=/usr/bin/python3)

set -u
. "$(dirname "$0")/lib.sh"

RAPAT=${RAPAT:-$PWD/src/rapat}
PYTHON=${PYTHON:-/usr/bin/python3}
SQLITE3=${SQLITE3:-sqlite3}

need_rapat
need_sqlite3
if ! "$PYTHON" -c 'import icalendar, recurring_ical_events' >/dev/null 2>&1; then
  echo "itip.sh: Python's icalendar and recurring_ical_events are needed (PYTHON='$PYTHON');" \
       "install python3-icalendar python3-recurring-ical-events (.ci/setup does)" >&2
  exit 1
fi
pin_environment

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapat-itip.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
export HOME="$tmp" TMPDIR="$tmp"
db="$tmp/itip.db"

# r ARGS...: rapat on the test database; stdout in $tmp/out, stderr in $tmp/err.
r() {
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
}

# setup ARGS...: r, and the script stops if it fails; prints stdout.
setup() {
  if ! r "$@"; then
    echo "itip.sh: setup failed: rapat $*" >&2
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
    fail "$desc" "$out"
  fi
}

# py DESCRIPTION FILE: runs the Python on stdin with F set to FILE; passes
# when it exits 0 (a failed assert shows why).
py() {
  local desc=$1 file=$2 script
  script=$(cat)
  check "$desc" env F="$file" "$PYTHON" -c "$script"
}

# The people and the series.
setup unit add "Kantor Wilayah Maluku" --code KANWIL >/dev/null
org=$(setup person add "Ricky Dwi Biantoro" --unit KANWIL --email ricky@maluku.example)
p1=$(setup person add "Fransina Matulessy" --unit KANWIL --email fransina@maluku.example)
p2=$(setup person add "Samuel ^'Sam^' Pattiasina" --unit KANWIL --email samuel@maluku.example)
p3=$(setup person add "Abdul Rahman" --unit KANWIL --email abdul@maluku.example)
first=$(setup meeting add "Rapat Mingguan" --start "2026-10-12 09:00" --duration 1h \
          --tz Europe/Berlin --location "Ruang 1" --organizer "$org" --repeat weekly --count 6)
setup attendee add "$first" "$p1" "$p2" "$p3" --series >/dev/null
setup meeting list --json >"$tmp/list.json"
ids=$("$PYTHON" -c 'import json,sys; print(" ".join(str(m["id"]) for m in json.load(open(sys.argv[1]))))' "$tmp/list.json")
set -- $ids
o1=$1 o2=$2 o3=$3 o4=$4 o5=$5 o6=$6
for o in $ids; do
  setup agenda add "$o" "Pembukaan" --duration 15m >/dev/null
  setup agenda add "$o" "Laporan" --duration 45m >/dev/null
done
setup meeting edit "$o2" --start "2026-10-19 10:30" >/dev/null       # moved, same zone
setup meeting edit "$o3" --start "2026-10-26 14:00" --tz Asia/Jakarta >/dev/null  # another zone
setup meeting cancel "$o4" --reason "Libur nasional" >/dev/null
setup meeting delete "$o5" >/dev/null
setup action add "Laporan mingguan" --owner "$p1" --meeting "$o3" --due 2026-11-30 >/dev/null
setup action add "Notulen minggu kedua" --owner "$p2" --meeting "$o2" --due 2026-11-30 >/dev/null
plain=$(setup meeting add "Rakor" --start "2026-10-13 09:00" --duration 2h --tz Asia/Jayapura \
          --organizer "$org")
setup attendee add "$plain" "$p1" >/dev/null
setup action add "Data WBP" --owner "$p3" --meeting "$plain" --due 2026-11-30 >/dev/null
series_uid=$("$SQLITE3" "$db" "SELECT uid FROM series")

# ---- the published calendar ----
r export ics --sessions --actions && cp "$tmp/out" "$tmp/all.ics"
check "publish --sessions --actions succeeds" test -s "$tmp/all.ics"
py "publish: recurring-ical-events sees each occurrence at its UTC start, none cancelled or deleted" \
   "$tmp/all.ics" <<EOF
import icalendar, recurring_ical_events, datetime, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
got = sorted(e["DTSTART"].dt.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%MZ")
             for e in recurring_ical_events.of(cal).between((2026, 10, 1), (2026, 12, 1))
             if str(e["UID"]) == "$series_uid")
want = ["20261012T0700Z", "20261019T0830Z", "20261026T0700Z", "20261116T0800Z"]
assert got == want, (got, want)
EOF
py "publish: every TZID has its VTIMEZONE; RECURRENCE-ID in the series' zone" "$tmp/all.ics" <<'EOF'
import icalendar, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
zones = {str(z["TZID"]) for z in cal.walk("VTIMEZONE")}
used = set()
for c in cal.walk():
    for name, prop in c.property_items():
        tzid = getattr(prop, "params", {}).get("TZID") if hasattr(prop, "params") else None
        if tzid:
            used.add(str(tzid))
assert used <= zones, (used - zones)
assert "Asia/Jakarta" in zones and "Europe/Berlin" in zones, zones
ex = [e for e in cal.walk("VEVENT") if "RECURRENCE-ID" in e]
rids = sorted((e["RECURRENCE-ID"].params.get("TZID"), e["RECURRENCE-ID"].dt.strftime("%Y%m%dT%H%M")) for e in ex)
assert rids == [("Europe/Berlin", "20261019T0900"), ("Europe/Berlin", "20261026T0900")], rids
moved = [e for e in ex if e["RECURRENCE-ID"].dt.day == 26][0]
assert moved["DTSTART"].params.get("TZID") == "Asia/Jakarta", moved["DTSTART"].params
EOF
py "publish: sessions of every occurrence left, related to the series, transparent" "$tmp/all.ics" <<EOF
import icalendar, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
uids = {str(e["UID"]) for e in cal.walk("VEVENT")}
sessions = [e for e in cal.walk("VEVENT") if "-item-" in str(e["UID"])]
series = [s for s in sessions if str(s["RELATED-TO"]) == "$series_uid"]
# 5 occurrences left (one deleted), two items each; the plain meeting has none.
assert len(series) == 10, len(series)
assert len({str(s["UID"]) for s in sessions}) == len(sessions)
assert all(str(s["TRANSP"]) == "TRANSPARENT" for s in sessions)
assert all(str(s["RELATED-TO"]) in uids for s in sessions)
assert sum(1 for s in series if str(s["STATUS"]) == "CANCELLED") == 2, "the cancelled occurrence's"
EOF
py "publish: every meeting's actions, RELATED-TO a UID in the file" "$tmp/all.ics" <<EOF
import icalendar, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
uids = {str(e["UID"]) for e in cal.walk("VEVENT")}
todos = {str(t["SUMMARY"]): str(t["RELATED-TO"]) for t in cal.walk("VTODO")}
assert sorted(todos) == ["Data WBP", "Laporan mingguan", "Notulen minggu kedua"], todos
assert todos["Laporan mingguan"] == "$series_uid", todos
assert all(rel in uids for rel in todos.values()), todos
EOF
r export ics --meeting "$o3" --meeting "$o2" --meeting "$plain" --actions && cp "$tmp/out" "$tmp/two.ics"
for t in "Laporan mingguan" "Notulen minggu kedua" "Data WBP"; do
  check "--meeting A --meeting B (same series) --meeting C --actions: '$t' is written" \
    grep -q "^SUMMARY:$t"$'\r$' "$tmp/two.ics"
done

# ---- one occurrence: cancel and invite ----
seq_before=$("$SQLITE3" "$db" "SELECT sequence FROM series")
r export ics --method cancel --meeting "$o6" && cp "$tmp/out" "$tmp/cancel-one.ics"
check "cancel of one scheduled occurrence warns that the database still holds it" \
  grep -q '^rapat: warning: ' "$tmp/err"
py "cancel of one occurrence: one VEVENT, the series UID, RECURRENCE-ID, STATUS:CANCELLED, no RRULE" \
   "$tmp/cancel-one.ics" <<EOF
import icalendar, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
assert str(cal["METHOD"]) == "CANCEL"
ev = cal.walk("VEVENT")
assert len(ev) == 1, len(ev)
e = ev[0]
assert str(e["UID"]) == "$series_uid", e["UID"]
assert "RRULE" not in e and "EXDATE" not in e
assert e["RECURRENCE-ID"].params["TZID"] == "Europe/Berlin"
assert e["RECURRENCE-ID"].dt.strftime("%Y%m%dT%H%M") == "20261116T0900"
assert str(e["STATUS"]) == "CANCELLED"
# It outranks the series and the occurrence as stored (not yet cancelled).
assert int(e["SEQUENCE"]) >= $seq_before + 1, e["SEQUENCE"]
EOF
r export ics --method request --meeting "$o4" && cp "$tmp/out" "$tmp/request-cancelled.ics"
py "request of a cancelled occurrence is its cancellation, that instance alone" \
   "$tmp/request-cancelled.ics" <<EOF
import icalendar, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
assert str(cal["METHOD"]) == "CANCEL"
(e,) = cal.walk("VEVENT")
assert str(e["UID"]) == "$series_uid" and "RRULE" not in e
assert e["RECURRENCE-ID"].dt.strftime("%Y%m%dT%H%M") == "20261102T0900"
assert str(e["COMMENT"]) == "Libur nasional", e.get("COMMENT")
EOF
r export ics --method request --meeting "$o2" && cp "$tmp/out" "$tmp/request-one.ics"
py "request of one moved occurrence: RECURRENCE-ID of the rule's start, the new time, attendees to answer" \
   "$tmp/request-one.ics" <<EOF
import icalendar, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
(e,) = cal.walk("VEVENT")
assert str(e["UID"]) == "$series_uid" and "RRULE" not in e
assert e["RECURRENCE-ID"].dt.strftime("%Y%m%dT%H%M") == "20261019T0900"
assert e["DTSTART"].dt.strftime("%Y%m%dT%H%M") == "20261019T1030"
att = e.get("ATTENDEE")
assert len(att) == 3 and all(a.params.get("RSVP") == "TRUE" for a in att), att
assert str(e["ORGANIZER"]) == "mailto:ricky@maluku.example"
EOF
r export ics --method request --meeting "$o2" --series && cp "$tmp/out" "$tmp/request-series.ics"
py "request --series: the master with RRULE and EXDATEs, and its exceptions" \
   "$tmp/request-series.ics" <<EOF
import icalendar, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
ev = cal.walk("VEVENT")
master = [e for e in ev if "RRULE" in e]
assert len(master) == 1 and all(str(e["UID"]) == "$series_uid" for e in ev)
ex = master[0]["EXDATE"]
ex = ex if isinstance(ex, list) else [ex]
days = sorted(d.dt.strftime("%Y%m%dT%H%M") for x in ex for d in x.dts)
assert days == ["20261102T0900", "20261109T0900"], days
assert len(ev) == 3, len(ev)
EOF
r export ics --method cancel --meeting "$o2" --series && cp "$tmp/out" "$tmp/cancel-series.ics"
check "cancel --series warns of the occurrences the database still holds as scheduled" \
  grep -q '^rapat: warning: 4 occurrences of the series are still scheduled' "$tmp/err"
py "cancel --series: the series itself, cancelled, without RECURRENCE-ID" "$tmp/cancel-series.ics" <<EOF
import icalendar, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
(e,) = cal.walk("VEVENT")
assert str(e["UID"]) == "$series_uid" and "RECURRENCE-ID" not in e
assert str(e["STATUS"]) == "CANCELLED"
EOF
r export ics --method request --meeting "$plain" --series
check "--series with a meeting outside any series: usage error" test $? = 2

# ---- sequences rise with every change a calendar must see ----
seq_of() {  # seq_of FILE UID [RECURRENCE-ID day]: the SEQUENCE written
  "$PYTHON" - "$1" "$2" "${3:-}" <<'EOF'
import icalendar, sys
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in cal.walk("VEVENT"):
    rid = e.get("RECURRENCE-ID")
    if str(e["UID"]) == sys.argv[2] and ((rid is None) == (sys.argv[3] == "")) \
       and (rid is None or rid.dt.strftime("%Y%m%d") == sys.argv[3]):
        print(int(e["SEQUENCE"]))
EOF
}
r export ics && cp "$tmp/out" "$tmp/s0.ics"
m0=$(seq_of "$tmp/s0.ics" "$series_uid")
setup meeting cancel "$o6" >/dev/null
r export ics && cp "$tmp/out" "$tmp/s1.ics"
m1=$(seq_of "$tmp/s1.ics" "$series_uid")
check "cancelling an occurrence raises the master's SEQUENCE ($m0 -> $m1)" test "$m1" -gt "$m0"
x0=$(seq_of "$tmp/s1.ics" "$series_uid" 20261026)
setup meeting delete "$o1" --force >/dev/null
r export ics && cp "$tmp/out" "$tmp/s2.ics"
m2=$(seq_of "$tmp/s2.ics" "$series_uid")
x1=$(seq_of "$tmp/s2.ics" "$series_uid" 20261026)
check "deleting an occurrence raises it again ($m1 -> $m2)" test "$m2" -gt "$m1"
check "an exception never falls below what was sent ($x0 -> $x1)" test "$x1" -ge "$x0"
plain_uid=$("$SQLITE3" "$db" "SELECT uid FROM meeting WHERE id = $plain")
setup agenda add "$plain" "Pembukaan" --duration 15m >/dev/null
setup agenda add "$plain" "Paparan" --duration 30m >/dev/null
setup agenda add "$plain" "Diskusi" --duration 30m >/dev/null
r export ics --meeting "$plain" --sessions && cp "$tmp/out" "$tmp/a0.ics"
setup agenda move "$plain" 3 1 >/dev/null
r export ics --meeting "$plain" --sessions && cp "$tmp/out" "$tmp/a1.ics"
"$PYTHON" - "$tmp/a0.ics" "$tmp/a1.ics" >"$tmp/moved" 2>&1 <<'EOF'
import icalendar, sys
def sessions(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    return {str(e["SUMMARY"]): (int(e["SEQUENCE"]), e["DTSTART"].dt) for e in cal.walk("VEVENT")
            if "-item-" in str(e["UID"])}
a, b = sessions(sys.argv[1]), sessions(sys.argv[2])
for t in a:
    moved = a[t][1] != b[t][1]
    rose = b[t][0] > a[t][0]
    assert moved == rose, (t, a[t], b[t])
assert all(a[t][1] != b[t][1] for t in a), "moving item 3 to 1 moves all three"
EOF
check "moving agenda items raises the SEQUENCE of exactly the sessions that moved" \
  test -z "$(cat "$tmp/moved")"

# ---- a stand-in who declined their own invitation ----
setup attendee add "$plain" "$p3" >/dev/null
setup attendee rsvp "$plain" "$p3" declined >/dev/null
setup attendee mark "$plain" "$p1" represented --by "$p3" >/dev/null
r export ics --meeting "$plain" && cp "$tmp/out" "$tmp/standin.ics"
py "a stand-in who declined their own invitation attends: ACCEPTED, DELEGATED-FROM" \
   "$tmp/standin.ics" <<'EOF'
import icalendar, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
(e,) = [e for e in cal.walk("VEVENT") if "-item-" not in str(e["UID"])]
att = {str(a): a.params for a in e["ATTENDEE"]}
s = att["mailto:abdul@maluku.example"]
assert s["PARTSTAT"] == "ACCEPTED" and s["DELEGATED-FROM"] == "mailto:fransina@maluku.example", s
f = att["mailto:fransina@maluku.example"]
assert f["PARTSTAT"] == "DELEGATED" and f["DELEGATED-TO"] == "mailto:abdul@maluku.example", f
EOF

# ---- invitations nobody could answer ----
lonely=$(setup meeting add "Tanpa peserta" --start "2026-11-20 09:00" --duration 1h \
           --tz Asia/Jayapura --organizer "$org")
sum0=$(sha256sum "$db")
r export ics --method request --meeting "$lonely"
check "request without attendees: exit 1, one line naming the meeting" \
  test $? = 1 -a "$(wc -l <"$tmp/err")" = 1
check "... that says what to add" grep -q "Tanpa peserta.*attendee add" "$tmp/err"
nomail=$(setup person add "Tanpa Surel")
setup meeting edit "$lonely" --organizer "$nomail" >/dev/null
setup attendee add "$lonely" "$p1" >/dev/null
r export ics --method cancel --meeting "$lonely"
check "cancel from an organizer without e-mail: exit 1, one line" \
  test $? = 1 -a "$(wc -l <"$tmp/err")" = 1
check "... that says what to add" grep -q "Tanpa Surel.*--email" "$tmp/err"

# ---- RFC 6868 ----
r export ics --meeting "$o3" && cp "$tmp/out" "$tmp/caret.ics"
py "a name with ^' is written with ^^' (RFC 6868), so that it does not read back as a quote" \
   "$tmp/caret.ics" <<'EOF'
import os, re
text = re.sub(r"\r\n[ \t]", "", open(os.environ["F"], encoding="utf-8").read())
assert re.search(r"CN=\"?Samuel \^\^'Sam\^\^' Pattiasina\"?[;:]", text), \
    [l for l in text.split("\r\n") if "Samuel" in l]
EOF

# ---- the repeated hour ----
second=$(setup meeting add "Jam kembar" --start "2026-10-25 02:30+01:00" --tz Europe/Berlin \
           --duration 30m 2>/dev/null)
r export ics --meeting "$second" && cp "$tmp/out" "$tmp/twice.ics"
py "the second 02:30 of 25 October in Berlin is written in UTC, which names it" "$tmp/twice.ics" <<'EOF'
import icalendar, os, datetime
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
(e,) = cal.walk("VEVENT")
start = e["DTSTART"].dt
assert start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0), start
assert start.strftime("%Y%m%dT%H%M") == "20261025T0130", start
EOF

# ---- what calendar users expect of a feed ----
setup meeting edit "$plain" --url "https://meet.example.org/rakor?a=1,2;b" >/dev/null
r export ics --no-cancelled --alarm 1d --alarm 30m --refresh 1h --name "Kanwil; Maluku" \
  && cp "$tmp/out" "$tmp/feed.ics"
py "a feed: name, refresh, reminders, the online link, cancelled meetings left out" \
   "$tmp/feed.ics" <<EOF
import icalendar, os, datetime
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
assert str(cal["X-WR-CALNAME"]) == "Kanwil; Maluku" == str(cal["NAME"]), cal.get("NAME")
assert str(cal["REFRESH-INTERVAL"]) == "PT1H" and cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
assert str(cal["X-PUBLISHED-TTL"]) == "PT1H"
assert "X-WR-TIMEZONE" not in cal, "meetings in several zones"
ev = [e for e in cal.walk("VEVENT") if "-item-" not in str(e["UID"])]
assert all(str(e["STATUS"]) != "CANCELLED" for e in ev)
for e in ev:
    trig = sorted(a["TRIGGER"].dt for a in e.walk("VALARM"))
    assert trig == [datetime.timedelta(days=-1), datetime.timedelta(minutes=-30)], trig
    assert all(str(a["ACTION"]) == "DISPLAY" for a in e.walk("VALARM"))
(p,) = [e for e in ev if str(e["UID"]) == "$plain_uid"]
assert str(p["URL"]) == "https://meet.example.org/rakor?a=1,2;b", p["URL"]
assert str(p["CONFERENCE"]) == "https://meet.example.org/rakor?a=1,2;b"
assert p["CONFERENCE"].params["VALUE"] == "URI"
EOF
r export ics --meeting "$plain" && cp "$tmp/out" "$tmp/one-zone.ics"
check "one zone: X-WR-TIMEZONE names it" grep -q $'^X-WR-TIMEZONE:Asia/Jayapura\r$' "$tmp/one-zone.ics"
r export ics --alarm 5w
check "--alarm 5w: refused (at most 4 weeks), a usage error" test $? = 2 -a "$(wc -l <"$tmp/err")" = 1
r export ics --refresh 1x
check "--refresh 1x: refused, a usage error" test $? = 2 -a "$(wc -l <"$tmp/err")" = 1

# ---- zones cover every start a rule gives, deleted occurrences' too ----
m1=$(setup meeting add "Rapat bulanan" --start "2026-01-15 09:00" --duration 1h --tz Europe/Berlin \
       --repeat monthly --count 12)
for k in 2 3 4 5 6 7 8 9 10 11; do setup meeting delete "$((m1 + k))" >/dev/null; done
r export ics --from 2026-01-01 --to 2026-01-31 && cp "$tmp/out" "$tmp/monthly.ics"
py "a series' VTIMEZONE reaches its last EXDATE (December), past two daylight-saving changes" \
   "$tmp/monthly.ics" <<'EOF'
import icalendar, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
(tz,) = [t for t in cal.walk("VTIMEZONE") if str(t["TZID"]) == "Europe/Berlin"]
onsets = set()
for o in tz.subcomponents:
    onsets.add(o["DTSTART"].dt.strftime("%Y%m%dT%H%M"))
    for r in (o.get("RDATE") if isinstance(o.get("RDATE"), list) else [o.get("RDATE")] if o.get("RDATE") else []):
        onsets.update(d.dt.strftime("%Y%m%dT%H%M") for d in r.dts)
assert {"20260329T0200", "20261025T0300"} <= onsets, sorted(onsets)
EOF

# ---- found in review: what makes an occurrence an exception, a series that starts cancelled ----
k1=$(setup meeting add "Rapat ruang" --start "2026-03-02 09:00" --duration 1h --tz Asia/Jakarta \
       --repeat weekly --count 2)
setup agenda add "$k1" "Paparan" --room "Ruang 1" >/dev/null
setup agenda add "$((k1 + 1))" "Paparan" --room "Ruang 2" >/dev/null
setup meeting edit "$((k1 + 1))" --kind rakor >/dev/null
k_uid=$("$SQLITE3" "$db" "SELECT s.uid FROM series s JOIN meeting m ON m.series_id = s.id WHERE m.id = $k1")
r export ics --meeting "$k1" && cp "$tmp/out" "$tmp/kind.ics"
py "an occurrence of another kind and room is an exception of its own" "$tmp/kind.ics" <<EOF
import icalendar, os
cal = icalendar.Calendar.from_ical(open(os.environ["F"], "rb").read())
ev = [e for e in cal.walk("VEVENT") if str(e["UID"]) == "$k_uid"]
(x,) = [e for e in ev if "RECURRENCE-ID" in e]
assert x["CATEGORIES"].cats == ["rakor"], x["CATEGORIES"].cats
assert "[Ruang 2]" in str(x["DESCRIPTION"]), str(x["DESCRIPTION"])
EOF
c1=$(setup meeting add "Rapat batal dulu" --start "2026-03-03 09:00" --duration 1h --tz Asia/Jakarta \
       --organizer "$org" --repeat weekly --count 2)
setup attendee add "$c1" "$p1" --series >/dev/null
setup meeting cancel "$c1" >/dev/null
setup meeting edit "$((c1 + 1))" --start "2026-03-10 15:00" >/dev/null
c_uid=$("$SQLITE3" "$db" "SELECT s.uid FROM series s JOIN meeting m ON m.series_id = s.id WHERE m.id = $c1")
r export ics --meeting "$((c1 + 1))" --method request --series && cp "$tmp/out" "$tmp/c-req.ics"
r export ics --meeting "$c1" --method cancel --series && cp "$tmp/out" "$tmp/c-can1.ics"
r export ics --meeting "$((c1 + 1))" --method cancel --series && cp "$tmp/out" "$tmp/c-can2.ics"
sq=$(seq_of "$tmp/c-req.ics" "$c_uid"); s1=$(seq_of "$tmp/c-can1.ics" "$c_uid"); s2=$(seq_of "$tmp/c-can2.ics" "$c_uid")
check "cancel --series outranks the request, whichever occurrence names it ($sq < $s1 = $s2)" \
  test "$s1" -gt "$sq" -a "$s1" = "$s2"
r export ics && cp "$tmp/out" "$tmp/c-all.ics"
r export ics --no-cancelled && cp "$tmp/out" "$tmp/c-nc.ics"
py "a series whose first occurrence is cancelled is not cancelled itself, with or without --no-cancelled" \
   "$tmp/c-all.ics" <<EOF
import icalendar, os
for f in (os.environ["F"], "$tmp/c-nc.ics"):
    cal = icalendar.Calendar.from_ical(open(f, "rb").read())
    (m,) = [e for e in cal.walk("VEVENT") if str(e["UID"]) == "$c_uid" and "RRULE" in e]
    assert str(m["STATUS"]) == "CONFIRMED", (f, m["STATUS"])
EOF

# ---- a database changed behind rapat's back ----
cp "$db" "$tmp/tampered.db"
"$SQLITE3" "$tmp/tampered.db" "UPDATE person SET email = 'abdul@maluku.example' || char(13, 10) || 'ATTENDEE:mailto:evil@example.org' WHERE id = $p3"
"$RAPAT" --db "$tmp/tampered.db" export ics -o "$tmp/evil.ics" </dev/null >"$tmp/out" 2>"$tmp/err"
check "an e-mail with CR LF in it: the export fails, exit 1" test $? = 1
check "... with one line naming the person" \
  grep -qE "^rapat: error: person $p3: e-mail 'abdul@maluku.example\\\\r\\\\nATTENDEE" "$tmp/err"
check "... and no file written" test ! -e "$tmp/evil.ics"
cp "$db" "$tmp/far.db"
"$SQLITE3" "$tmp/far.db" "UPDATE meeting SET start_utc = 253402300000, end_utc = 253402303600 WHERE id = $plain"
"$RAPAT" --db "$tmp/far.db" export ics --meeting "$plain" </dev/null >"$tmp/out" 2>"$tmp/err"
check "a start past 9999 read from the database is refused, naming the meeting" \
  grep -q "^rapat: error: meeting $plain: start" "$tmp/err"
check "... and no DTSTART:0000 is written" test -z "$(grep -a '00000000T' "$tmp/out")"
cp "$db" "$tmp/series-uid.db"
"$SQLITE3" "$tmp/series-uid.db" "UPDATE series SET uid = 'abc' || char(13, 10) || 'X-EVIL:1' WHERE id = (SELECT series_id FROM meeting WHERE id = $k1)"
"$RAPAT" --db "$tmp/series-uid.db" export ics --meeting "$k1" </dev/null >"$tmp/out" 2>"$tmp/err"
check "a series uid with CR LF is refused, naming the meeting" \
  grep -q "^rapat: error: series of meeting $k1: uid 'abc" "$tmp/err"

# ---- a series request carries an organizer on every event ----
w1=$(setup meeting add "Rapat mingguan sekretariat" --start "2026-05-04 09:00" --duration 1h \
       --tz Asia/Jayapura --repeat weekly --count 3)
setup attendee add "$w1" "$p1" --series >/dev/null
setup meeting edit "$((w1 + 1))" --organizer "$org" >/dev/null
sum0=$(sha256sum "$db")
r export ics --method request --series --meeting "$((w1 + 1))" -o "$tmp/w.ics"
check "a series request whose other occurrences have no organizer: exit 1, one line" \
  test $? = 1 -a "$(wc -l <"$tmp/err")" = 1
check "... naming the first occurrence without one by its day" \
  grep -q "^rapat: error: meeting 'Rapat mingguan sekretariat' on 2026-05-04: has no organizer" "$tmp/err"
check "... with no file written and the database as it was" \
  test ! -e "$tmp/w.ics" -a "$(sha256sum "$db")" = "$sum0"
setup meeting edit "$w1" --organizer "$org" >/dev/null
setup meeting edit "$((w1 + 2))" --organizer "$org" >/dev/null
r export ics --method request --series --meeting "$((w1 + 1))" -o "$tmp/w.ics"
check "with the organizer set on every occurrence, the request is written" test $? = 0 -a -s "$tmp/w.ics"
setup meeting edit "$((w1 + 2))" --organizer "$nomail" >/dev/null
r export ics --method request --series --meeting "$w1"
check "an occurrence whose own organizer has no e-mail is named by its day" \
  grep -q "^rapat: error: meeting 'Rapat mingguan sekretariat' on 2026-05-18: its organizer Tanpa Surel has no e-mail" "$tmp/err"
setup meeting cancel "$((w1 + 2))" >/dev/null
r export ics --method request --series --meeting "$w1"
check "... and once that occurrence is cancelled (an EXDATE, no event of its own) the request goes out" \
  test $? = 0

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
