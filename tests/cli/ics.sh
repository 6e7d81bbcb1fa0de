#!/bin/bash
# rapat CLI tests: "rapat export ics", read by parsers rapat did not write.
#
# Part 1: golden files.  On the sample ('rapat demo') the exports
#   export ics                              -> golden/demo.ics
#   export ics --sessions --actions         -> golden/demo-full.ics
#   export ics --meeting 1 --method request -> golden/demo-request.ics
# must equal the files byte for byte, and two runs must be identical.
# Part 2: every export made here is read with Python's icalendar (Debian
# python3-icalendar) and compared with the database as rapat reports it
# ('meeting show --json', 'attendee list --json', 'action list --json'):
# summary, location, start and end as UTC instants (through the TZID's
# zone and through the file's own VTIMEZONE), attendees and their e-mails,
# roles and replies, sequence, status, sessions, to-dos; and the raw bytes
# (CRLF, at most 75 octets a line, no fold inside a UTF-8 character).
# Part 3: calcurse imports the exports into a private folder; the
# appointments and to-dos it stores must be those of the file, at the
# right UTC times.
# Part 4: an update (new time and place) keeps the UID and raises the
# SEQUENCE; a cancellation is METHOD:CANCEL, STATUS:CANCELLED, same UID,
# higher SEQUENCE.  Meetings in WIB, WITA, WIT, a fixed offset and
# Europe/Amsterdam (CEST and CET) come out at the right instants.
# Part 5: bad input is refused (exit status, one line on stderr) and -o
# leaves no temporary file behind.
# Part 6: a stand-in who is also invited appears once.
#
#   tests/cli/ics.sh              run the tests
#   UPDATE=1 tests/cli/ics.sh     rewrite the golden files, then test
# Read the diff of the golden files before committing it: they state what
# is CORRECT (checked by hand against issue 4), so an update must never
# turn a known bug into the expected output.
#
# Environment (set by 'make check'): RAPAT (the built program), SRCDIR (the
# top source folder); PYTHON (default /usr/bin/python3), CALCURSE (default
# calcurse).  Prints one line per check and a summary; exit 0 if all passed.

set -u
. "$(dirname "$0")/lib.sh"

here=$(cd "$(dirname "$0")" && pwd)
SRCDIR=${SRCDIR:-$(cd "$here/../.." && pwd)}
golden_dir="$SRCDIR/tests/cli/golden"
RAPAT=${RAPAT:-$PWD/src/rapat}
PYTHON=${PYTHON:-/usr/bin/python3}
CALCURSE=${CALCURSE:-calcurse}

need_rapat
if [ ! -x "$PYTHON" ] || ! "$PYTHON" -c 'import icalendar' >/dev/null 2>&1; then
  echo "ics.sh: Python's icalendar module is needed to read the exports (PYTHON='$PYTHON');" \
       "install python3-icalendar (.ci/setup does)" >&2
  exit 1
fi
if ! command -v "$CALCURSE" >/dev/null 2>&1; then
  echo "ics.sh: calcurse is needed to import the exports (CALCURSE='$CALCURSE');" \
       "install calcurse (.ci/setup does)" >&2
  exit 1
fi

pin_environment

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapat-ics.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" \
       XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache" \
       XDG_RUNTIME_DIR="$tmp/home/run" TMPDIR="$tmp"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# check DESCRIPTION COMMAND...: passes if the command succeeds; its output
# (the reasons) is shown when it fails.
check() {
  local desc=$1 out
  shift
  if out=$("$@" 2>&1); then
    pass "$desc"
  else
    local -a why=()
    while IFS= read -r line; do
      why+=("$line")
    done <<<"$out"
    fail "$desc" "${why[@]}"
  fi
}

# Runs rapat on database $db; aborts the script if it fails (setup).
setup() {
  if ! "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/setup.out" 2>"$tmp/setup.err"; then
    echo "ics.sh: setup command failed: rapat $*" >&2
    cat "$tmp/setup.err" >&2
    exit 1
  fi
}

# export FILE ARGS...: runs "rapat --db $db export ics ARGS" into FILE;
# fails the check (and returns 1) if it does not succeed quietly.
export_to() {
  local file=$1 rc
  shift
  "$RAPAT" --db "$db" export ics "$@" </dev/null >"$file" 2>"$tmp/export.err"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "export ics $* succeeds" "exit status $rc: $(head -c 300 "$tmp/export.err")"
    return 1
  fi
  return 0
}

# The reader: Python's icalendar against the database, through rapat's own
# JSON.  Usage: icscheck FILE [--method M] [--meeting ID]... [--sessions]
# [--actions] [--calname TEXT | --no-calname] [--raise-sequence N]
# [--calcurse-apts FILE] [--calcurse-todo FILE]; RAPAT and RAPAT_DB in the
# environment.  Prints one line per problem; exit 1 if there is any.
cat >"$tmp/icscheck.py" <<'PYTHON'
import argparse, datetime, json, os, re, subprocess, sys
import icalendar

UTC = datetime.timezone.utc
ap = argparse.ArgumentParser()
ap.add_argument("file")
ap.add_argument("--method", default="PUBLISH")
ap.add_argument("--meeting", action="append", type=int, default=[])
ap.add_argument("--sessions", action="store_true")
ap.add_argument("--actions", action="store_true")
ap.add_argument("--calname")
ap.add_argument("--no-calname", action="store_true")
ap.add_argument("--raise-sequence", type=int, default=0)
ap.add_argument("--calcurse-apts")
ap.add_argument("--calcurse-todo")
opt = ap.parse_args()
problems = []

def problem(text):
    problems.append(text)

def rapat(*args):
    out = subprocess.run([os.environ["RAPAT"], *map(str, args)], capture_output=True, check=True)
    return json.loads(out.stdout)

people = {}
def person(pid):
    if pid not in people:
        people[pid] = rapat("person", "show", pid, "--json")
    return people[pid]

def address(pid, email):
    return "mailto:" + email if email else "urn:x-rapat:person:%d" % pid

def iso_utc(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)

# ---- raw bytes ----
raw = open(opt.file, "rb").read()
if not raw.endswith(b"\r\n"):
    problem("the file does not end in CRLF")
lines = raw.split(b"\r\n")[:-1]
for i, line in enumerate(lines, 1):
    if b"\r" in line or b"\n" in line:
        problem("line %d holds a bare CR or LF: %r" % (i, line[:80]))
    if len(line) > 75:
        problem("line %d is %d octets long" % (i, len(line)))
    if line[:1] == b" " and len(line) > 1 and 0x80 <= line[1] <= 0xBF:
        problem("line %d: a fold splits a UTF-8 character" % i)
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        problem("line %d is not valid UTF-8 by itself: %r" % (i, line[:80]))

cal = icalendar.Calendar.from_ical(raw)

# ---- the calendar ----
if str(cal.get("VERSION")) != "2.0":
    problem("VERSION %s" % cal.get("VERSION"))
if "rapat" not in str(cal.get("PRODID")):
    problem("PRODID %s does not name rapat" % cal.get("PRODID"))
if str(cal.get("CALSCALE")) != "GREGORIAN":
    problem("CALSCALE %s" % cal.get("CALSCALE"))
if str(cal.get("METHOD")) != opt.method:
    problem("METHOD %s, expected %s" % (cal.get("METHOD"), opt.method))
if opt.calname is not None and str(cal.get("X-WR-CALNAME")) != opt.calname:
    problem("X-WR-CALNAME %r, expected %r" % (cal.get("X-WR-CALNAME"), opt.calname))
if opt.no_calname and ("X-WR-CALNAME" not in cal or str(cal.get("X-WR-CALNAME")) != str(cal.get("NAME"))):
    problem("X-WR-CALNAME %r and NAME %r: every calendar is named, both alike"
            % (cal.get("X-WR-CALNAME"), cal.get("NAME")))

# ---- zones: one VTIMEZONE per zone used, named by its IANA name ----
zones = {}
for tz in cal.walk("VTIMEZONE"):
    tzid = str(tz["TZID"])
    if tzid in zones:
        problem("two VTIMEZONEs for %s" % tzid)
    if tzid.startswith("/") or "freeassociation" in tzid:
        problem("TZID %s is not a plain IANA name" % tzid)
    zones[tzid] = tz
    for obs in tz.subcomponents:
        for key in ("TZOFFSETFROM", "TZOFFSETTO"):
            if obs[key].td.total_seconds() % 60:
                problem("%s %s: offset with seconds" % (tzid, key))
        if obs.decoded("DTSTART").year < 2024:
            problem("%s: observance from %s" % (tzid, obs.decoded("DTSTART")))
used = set()

def instant(comp, key):
    """The UTC instant of comp[key], read twice: through the zone icalendar
    finds for the TZID, and through the file's own VTIMEZONE."""
    prop = comp[key]
    dt = prop.dt
    tzid = prop.params.get("TZID")
    if tzid is None:
        if dt.tzinfo is None or dt.utcoffset() != datetime.timedelta(0):
            problem("%s %s is neither UTC nor has a TZID" % (key, dt))
        return dt.astimezone(UTC)
    used.add(str(tzid))
    if str(tzid) not in zones:
        problem("%s: no VTIMEZONE for TZID %s" % (key, tzid))
        return dt.astimezone(UTC)
    via_file = zones[str(tzid)].to_tz().localize(dt.replace(tzinfo=None)).astimezone(UTC)
    via_name = dt.astimezone(UTC)
    if via_file != via_name:
        problem("%s %s %s: %s through the VTIMEZONE, %s through the zone database"
                % (key, dt, tzid, via_file, via_name))
    return via_file

ROLE = {"chair": "CHAIR", "speaker": "REQ-PARTICIPANT", "participant": "REQ-PARTICIPANT",
        "optional": "OPT-PARTICIPANT", "observer": "NON-PARTICIPANT"}
PARTSTAT = {"needs-action": "NEEDS-ACTION", "accepted": "ACCEPTED", "declined": "DECLINED",
            "tentative": "TENTATIVE"}
STATUS = {"tentative": "TENTATIVE", "confirmed": "CONFIRMED", "cancelled": "CANCELLED"}
TODO_STATUS = {"open": "NEEDS-ACTION", "in-progress": "IN-PROCESS", "done": "COMPLETED",
               "cancelled": "CANCELLED"}
PRIORITY = {"high": 1, "normal": 5, "low": 9}
now = datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC)

def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]

def check_dtstamp(comp, what):
    if comp.decoded("DTSTAMP") != now:
        problem("%s: DTSTAMP %s, expected %s" % (what, comp.decoded("DTSTAMP"), now))

# ---- meetings ----
listed = rapat("meeting", "list", "--json")
by_uid = {m["uid"]: m for m in listed}
exported = opt.meeting or [m["id"] for m in listed]
events = cal.walk("VEVENT")
main_events = {str(e["UID"]): e for e in events if "RELATED-TO" not in e}
sessions = [e for e in events if "RELATED-TO" in e]
expected_events = 0
calcurse_expected = []
for mid in exported:
    m = rapat("meeting", "show", mid, "--json")
    att = rapat("attendee", "list", mid, "--json")["attendees"]
    expected_events += 1 + (len(m["agenda"]) if opt.sessions else 0)
    ev = main_events.get(m["uid"])
    what = "meeting %d" % mid
    if ev is None:
        problem("%s (%s): no VEVENT" % (what, m["uid"]))
        continue
    check_dtstamp(ev, what)
    if str(ev.get("SUMMARY")) != m["title"]:
        problem("%s: SUMMARY %r, expected %r" % (what, str(ev.get("SUMMARY")), m["title"]))
    if (str(ev["LOCATION"]) if "LOCATION" in ev else None) != m["location"]:
        problem("%s: LOCATION %r, expected %r" % (what, ev.get("LOCATION"), m["location"]))
    start, end = instant(ev, "DTSTART"), instant(ev, "DTEND")
    if start != iso_utc(m["start"]) or end != iso_utc(m["end"]):
        problem("%s: %s to %s, expected %s to %s" % (what, start, end, m["start"], m["end"]))
    if m["tz"][0] not in "+-" and m["tz"] != "UTC":
        if ev["DTSTART"].params.get("TZID") != m["tz"]:
            problem("%s: TZID %s, expected %s" % (what, ev["DTSTART"].params.get("TZID"), m["tz"]))
    elif "TZID" in ev["DTSTART"].params:
        problem("%s: a TZID for zone %s, which is written in UTC" % (what, m["tz"]))
    calcurse_expected.append((start, end, m["title"]))
    sequence = m["sequence"] + opt.raise_sequence
    if int(ev.get("SEQUENCE", -1)) != sequence:
        problem("%s: SEQUENCE %s, expected %d" % (what, ev.get("SEQUENCE"), sequence))
    status = "CANCELLED" if opt.method == "CANCEL" else STATUS[m["status"]]
    if str(ev.get("STATUS")) != status:
        problem("%s: STATUS %s, expected %s" % (what, ev.get("STATUS"), status))
    cats = [str(c) for c in ev["CATEGORIES"].cats] if "CATEGORIES" in ev else []
    if cats != [m["kind"]]:
        problem("%s: CATEGORIES %r, expected [%r]" % (what, cats, m["kind"]))
    if m["organizer_id"] is not None:
        org = person(m["organizer_id"])
        if str(ev.get("ORGANIZER")) != address(org["id"], org["email"]):
            problem("%s: ORGANIZER %s" % (what, ev.get("ORGANIZER")))
        elif ev["ORGANIZER"].params.get("CN") != org["name"]:
            problem("%s: ORGANIZER CN %r" % (what, ev["ORGANIZER"].params.get("CN")))
    elif "ORGANIZER" in ev:
        problem("%s: an ORGANIZER without an organizer" % what)
    # Attendees: one per invitation, one more per stand-in.
    got = {}
    for a in as_list(ev.get("ATTENDEE")):
        if str(a) in got:
            problem("%s: ATTENDEE %s twice" % (what, a))
        got[str(a)] = a.params
    # Each invitation first; then each stand-in is DELEGATED-FROM the person
    # represented: on their own invitation if they have one, else on an
    # ATTENDEE of their own.
    want = {}
    for a in att:
        addr = address(a["person_id"], a["email"])
        params = {"CN": a["name"], "ROLE": ROLE[a["role"]], "PARTSTAT": PARTSTAT[a["rsvp"]]}
        if opt.method == "REQUEST" and a["rsvp"] == "needs-action":
            params["RSVP"] = "TRUE"
        if a["represented_by_id"] is not None:
            s = person(a["represented_by_id"])
            params = {"CN": a["name"], "ROLE": ROLE[a["role"]], "PARTSTAT": "DELEGATED",
                      "DELEGATED-TO": address(s["id"], s["email"])}
        want[addr] = params
    for a in att:
        if a["represented_by_id"] is None:
            continue
        s = person(a["represented_by_id"])
        saddr = address(s["id"], s["email"])
        if saddr not in want:
            want[saddr] = {"CN": s["name"], "ROLE": ROLE[a["role"]]}
        elif want[saddr].get("PARTSTAT") != "DELEGATED":
            # A stand-in attends in someone's place, whatever they answered
            # to their own invitation (tentative aside), and is not asked.
            if want[saddr]["PARTSTAT"] != "TENTATIVE":
                want[saddr]["PARTSTAT"] = "ACCEPTED"
            want[saddr].pop("RSVP", None)
        want[saddr]["DELEGATED-FROM"] = address(a["person_id"], a["email"])
    if sorted(got) != sorted(want):
        problem("%s: %d ATTENDEEs %s, expected %d %s"
                % (what, len(got), sorted(set(got) ^ set(want)), len(want), ""))
    for addr, params in want.items():
        for key, value in params.items():
            have = got.get(addr, {}).get(key)
            if have is not None and str(have) != value:
                problem("%s: ATTENDEE %s %s=%s, expected %s" % (what, addr, key, have, value))
            elif have is None and addr in got:
                problem("%s: ATTENDEE %s without %s=%s" % (what, addr, key, value))
        have_rsvp = got.get(addr, {}).get("RSVP")
        if "RSVP" not in params and have_rsvp is not None and str(have_rsvp).upper() == "TRUE":
            problem("%s: ATTENDEE %s RSVP=TRUE" % (what, addr))
    # Sessions: one VEVENT per agenda item, at the item's times.
    if opt.sessions:
        mine = [s for s in sessions if str(s["RELATED-TO"]) == m["uid"]]
        if len(mine) != len(m["agenda"]):
            problem("%s: %d sessions, expected %d" % (what, len(mine), len(m["agenda"])))
        for item, s in zip(m["agenda"], sorted(mine, key=lambda s: instant(s, "DTSTART"))):
            if str(s["SUMMARY"]) != item["title"]:
                problem("%s: session %r, expected %r" % (what, str(s["SUMMARY"]), item["title"]))
            if (instant(s, "DTSTART"), instant(s, "DTEND")) != (iso_utc(item["start"]), iso_utc(item["end"])):
                problem("%s: session %r at %s, expected %s" % (what, item["title"],
                        instant(s, "DTSTART"), item["start"]))
            if str(s["UID"]) == m["uid"]:
                problem("%s: session %r with the meeting's UID" % (what, item["title"]))
            check_dtstamp(s, "session %r" % item["title"])
            calcurse_expected.append((iso_utc(item["start"]), iso_utc(item["end"]), item["title"]))
if len(events) != expected_events:
    problem("%d VEVENTs, expected %d" % (len(events), expected_events))
if len({str(e["UID"]) for e in events}) != len(events):
    problem("two VEVENTs with one UID")
if set(zones) != used:
    problem("VTIMEZONEs %s for zones used %s" % (sorted(zones), sorted(used)))

# ---- actions ----
todos = cal.walk("VTODO")
actions = [a for a in rapat("action", "list", "--json", "--as-of", "2025-10-15")
           if opt.actions and a["meeting_id"] in exported]
if len(todos) != len(actions):
    problem("%d VTODOs, expected %d" % (len(todos), len(actions)))
todo_by_uid = {str(t["UID"]): t for t in todos}
meeting_uid = {m["id"]: m["uid"] for m in listed}
for a in actions:
    t = todo_by_uid.get(a["uid"])
    what = "action %d" % a["id"]
    if t is None:
        problem("%s (%s): no VTODO" % (what, a["uid"]))
        continue
    check_dtstamp(t, what)
    if str(t.get("SUMMARY")) != a["title"]:
        problem("%s: SUMMARY %r" % (what, str(t.get("SUMMARY"))))
    if str(t.get("STATUS")) != TODO_STATUS[a["status"]]:
        problem("%s: STATUS %s, expected %s" % (what, t.get("STATUS"), TODO_STATUS[a["status"]]))
    due = t.decoded("DUE") if "DUE" in t else None
    if a["due"] is None and due is not None or a["due"] is not None and (
            isinstance(due, datetime.datetime) or due != datetime.date.fromisoformat(a["due"])):
        problem("%s: DUE %r, expected the day %s" % (what, due, a["due"]))
    if int(t.get("PERCENT-COMPLETE", -1)) != a["progress"]:
        problem("%s: PERCENT-COMPLETE %s, expected %d" % (what, t.get("PERCENT-COMPLETE"), a["progress"]))
    if int(t.get("PRIORITY", -1)) != PRIORITY[a["priority"]]:
        problem("%s: PRIORITY %s, expected %d" % (what, t.get("PRIORITY"), PRIORITY[a["priority"]]))
    if ("COMPLETED" in t) != (a["status"] == "done"):
        problem("%s: COMPLETED %s with status %s" % (what, t.get("COMPLETED"), a["status"]))
    elif "COMPLETED" in t and t.decoded("COMPLETED") != iso_utc(a["done"]):
        problem("%s: COMPLETED %s, expected %s" % (what, t.decoded("COMPLETED"), a["done"]))
    if str(t.get("RELATED-TO")) != meeting_uid[a["meeting_id"]]:
        problem("%s: RELATED-TO %s" % (what, t.get("RELATED-TO")))
    owners = as_list(t.get("ATTENDEE"))
    if a["owner_type"] == "person":
        want = address(a["owner_id"], person(a["owner_id"])["email"])
        cutype = "INDIVIDUAL"
    else:
        want = "urn:x-rapat:unit:%d" % a["owner_id"]
        cutype = "GROUP"
    if [str(o) for o in owners] != [want] or owners[0].params.get("CUTYPE") != cutype \
            or owners[0].params.get("CN") != a["owner"]:
        problem("%s: ATTENDEE %s, expected %s %s %s" % (what, [(str(o), dict(o.params)) for o in owners],
                                                         want, cutype, a["owner"]))

# ---- what calcurse stored ----
if opt.calcurse_apts is not None:
    pattern = re.compile(r"^(\d\d/\d\d/\d{4}) @ (\d\d:\d\d) -> (\d\d/\d\d/\d{4}) @ (\d\d:\d\d)(?:>\S+ )?\|(.*)$")
    stored = []
    for line in open(opt.calcurse_apts, encoding="utf-8").read().splitlines():
        match = pattern.match(line)
        if not match:
            problem("calcurse appointment not understood: %r" % line)
            continue
        s = datetime.datetime.strptime(match[1] + " " + match[2], "%m/%d/%Y %H:%M").replace(tzinfo=UTC)
        e = datetime.datetime.strptime(match[3] + " " + match[4], "%m/%d/%Y %H:%M").replace(tzinfo=UTC)
        stored.append((s, e, match[5]))
    if sorted(stored) != sorted(calcurse_expected):
        problem("calcurse stored %d appointments, expected %d; differences: %s"
                % (len(stored), len(calcurse_expected),
                   sorted(set(stored) ^ set(calcurse_expected))[:4]))
if opt.calcurse_todo is not None:
    stored = open(opt.calcurse_todo, encoding="utf-8").read().splitlines()
    titles = sorted(re.sub(r"^\[-?\d+\](?:>\S+)? ", "", line) for line in stored)
    if titles != sorted(a["title"] for a in actions):
        problem("calcurse stored the to-dos %s" % titles)

for text in problems[:25]:
    print(text)
if len(problems) > 25:
    print("... and %d more" % (len(problems) - 25))
sys.exit(1 if problems else 0)
PYTHON

# icscheck DESCRIPTION FILE ARGS...: reads FILE with Python's icalendar
# and compares it with database $db (see icscheck.py above).
icscheck() {
  local desc=$1
  shift
  check "$desc" env RAPAT="$RAPAT" RAPAT_DB="$db" "$PYTHON" "$tmp/icscheck.py" "$@"
}

# calcurse_import DESCRIPTION FILE ARGS...: imports FILE with calcurse into a
# fresh private folder, then checks what it stored with icscheck ARGS.
calcurse_import() {
  local desc=$1 file=$2 dir out n_events n_todos
  shift 2
  dir=$(mktemp -d "$tmp/calcurse.XXXXXX")
  if ! out=$("$CALCURSE" -C "$dir" -D "$dir" -i "$file" </dev/null 2>&1); then
    fail "$desc" "calcurse -i failed: $out"
    return
  fi
  n_events=$(grep -c '^BEGIN:VEVENT' "$file")
  n_todos=$(grep -c '^BEGIN:VTODO' "$file")
  touch "$dir/apts" "$dir/todo"
  if [ "$(wc -l <"$dir/apts")" -ne "$n_events" ] || [ "$(wc -l <"$dir/todo")" -ne "$n_todos" ]; then
    fail "$desc" "calcurse stored $(wc -l <"$dir/apts") appointments and $(wc -l <"$dir/todo") to-dos;" \
         "the file has $n_events VEVENTs and $n_todos VTODOs" "calcurse said: $out"
    return
  fi
  case $out in
    *" 0 skipped"*) ;;
    *) fail "$desc" "calcurse skipped items: $out"; return ;;
  esac
  check "$desc" env RAPAT="$RAPAT" RAPAT_DB="$db" "$PYTHON" "$tmp/icscheck.py" "$file" "$@" \
    --calcurse-apts "$dir/apts" --calcurse-todo "$dir/todo"
}

# ---------------------------------------------------------------------------
echo "# Part 1: golden files of the sample"

db="$tmp/demo.db"
setup demo
export_to "$tmp/demo.ics" || exit 1
export_to "$tmp/demo-full.ics" --sessions --actions || exit 1
export_to "$tmp/demo-request.ics" --meeting 1 --method request || exit 1

if [ "${UPDATE:-}" = 1 ]; then
  mkdir -p "$golden_dir"
  for f in demo demo-full demo-request; do
    cp "$tmp/$f.ics" "$golden_dir/$f.ics"
  done
  echo "# updated $golden_dir; read the diff before committing it"
fi
for f in demo demo-full demo-request; do
  if [ ! -f "$golden_dir/$f.ics" ]; then
    fail "golden/$f.ics matches" "missing: run UPDATE=1 $0 and check the file by hand"
  elif cmp -s "$golden_dir/$f.ics" "$tmp/$f.ics"; then
    pass "golden/$f.ics matches byte for byte"
  else
    local_diff=$(diff -a "$golden_dir/$f.ics" "$tmp/$f.ics" | head -n 20 | tr -d '\r' | cut -c 1-160)
    mapfile -t lines <<<"$local_diff"
    fail "golden/$f.ics matches byte for byte" "${lines[@]}"
  fi
done
export_to "$tmp/demo-again.ics" --sessions --actions \
  && check "two exports are identical bytes" cmp "$tmp/demo-full.ics" "$tmp/demo-again.ics"
SOURCE_DATE_EPOCH=1756857600 "$RAPAT" --db "$db" export ics >"$tmp/demo-later.ics" 2>/dev/null
check "another SOURCE_DATE_EPOCH changes DTSTAMP and nothing else" \
  diff <(grep -av '^DTSTAMP:' "$tmp/demo.ics") <(grep -av '^DTSTAMP:' "$tmp/demo-later.ics")
check "DTSTAMP is SOURCE_DATE_EPOCH (2025-09-02 00:00 UTC)" \
  grep -q $'^DTSTAMP:20250902T000000Z\r$' "$tmp/demo.ics"

echo "# Part 2: Python's icalendar reads the sample exports"
icscheck "demo.ics: calendar, event, attendees, zone" "$tmp/demo.ics" --no-calname
icscheck "demo-full.ics: sessions and to-dos" "$tmp/demo-full.ics" --sessions --actions --no-calname
icscheck "demo-request.ics: an invitation" "$tmp/demo-request.ics" --method REQUEST --meeting 1 \
  --no-calname
check "the invitation asks for replies only where none came (RSVP=TRUE once)" \
  test "$(tr -d '\r\n ' <"$tmp/demo-request.ics" | grep -o 'RSVP=TRUE' | wc -l)" = 1
check "the published calendar asks for no reply" \
  test "$(tr -d '\r\n ' <"$tmp/demo.ics" | grep -c 'RSVP=TRUE')" = 0
check "one VTIMEZONE, TZID Asia/Jayapura" \
  test "$(grep -c $'^TZID:Asia/Jayapura\r$' "$tmp/demo.ics")" = 1 -a \
       "$(grep -c '^BEGIN:VTIMEZONE' "$tmp/demo.ics")" = 1
check "DTSTART with TZID=Asia/Jayapura, 09:00 local" \
  grep -q $'^DTSTART;TZID=Asia/Jayapura:20250902T090000\r$' "$tmp/demo.ics"
check "no vendor prefix in any TZID" bash -c "! grep -q 'freeassociation' '$tmp/demo-full.ics'"

echo "# Part 3: calcurse imports the sample exports"
calcurse_import "calcurse imports demo.ics: 1 appointment at 00:00-07:00 UTC" "$tmp/demo.ics"
calcurse_import "calcurse imports demo-full.ics: 11 appointments, 7 to-dos" "$tmp/demo-full.ics" \
  --sessions --actions
calcurse_import "calcurse imports demo-request.ics" "$tmp/demo-request.ics" --method REQUEST \
  --meeting 1

echo "# Part 4: updates, cancellations, zones"

# Update: a new day and place keep the UID and raise the SEQUENCE.
uid=$(sed -n 's/^UID:\(.*\)\r$/\1/p' "$tmp/demo-request.ics" | head -n 1)
seq0=$(sed -n 's/^SEQUENCE:\([0-9]*\)\r$/\1/p' "$tmp/demo-request.ics" | head -n 1)
setup meeting edit 1 --start "2025-09-03 09:00" --location "Aula Kanwil"
export_to "$tmp/update.ics" --meeting 1 --method request
uid1=$(sed -n 's/^UID:\(.*\)\r$/\1/p' "$tmp/update.ics" | head -n 1)
seq1=$(sed -n 's/^SEQUENCE:\([0-9]*\)\r$/\1/p' "$tmp/update.ics" | head -n 1)
check "update: same UID ($uid)" test -n "$uid" -a "$uid" = "$uid1"
check "update: SEQUENCE rises ($seq0 -> $seq1)" test "${seq1:-0}" -gt "${seq0:-0}"
check "update: DTSTART 2025-09-03 09:00 WIT" \
  grep -q $'^DTSTART;TZID=Asia/Jayapura:20250903T090000\r$' "$tmp/update.ics"
check "update: LOCATION Aula Kanwil" grep -q $'^LOCATION:Aula Kanwil\r$' "$tmp/update.ics"
icscheck "update: read back against the database" "$tmp/update.ics" --method REQUEST --meeting 1
calcurse_import "update: calcurse imports it at the new time" "$tmp/update.ics" --method REQUEST \
  --meeting 1

# Cancellation: meeting cancel, then the invitation is the cancellation.
setup meeting cancel 1 --reason "Ditunda"
export_to "$tmp/cancel.ics" --meeting 1 --method request
uid2=$(sed -n 's/^UID:\(.*\)\r$/\1/p' "$tmp/cancel.ics" | head -n 1)
seq2=$(sed -n 's/^SEQUENCE:\([0-9]*\)\r$/\1/p' "$tmp/cancel.ics" | head -n 1)
check "cancel: METHOD:CANCEL" grep -q $'^METHOD:CANCEL\r$' "$tmp/cancel.ics"
check "cancel: STATUS:CANCELLED" grep -q $'^STATUS:CANCELLED\r$' "$tmp/cancel.ics"
check "cancel: same UID" test -n "$uid" -a "$uid" = "$uid2"
check "cancel: SEQUENCE rises ($seq1 -> $seq2)" test "${seq2:-0}" -gt "${seq1:-0}"
icscheck "cancel: read back against the database" "$tmp/cancel.ics" --method CANCEL --meeting 1
export_to "$tmp/cancel-publish.ics" --meeting 1
icscheck "cancel: a published calendar says STATUS:CANCELLED" "$tmp/cancel-publish.ics" --meeting 1

# --method cancel of a meeting still scheduled: one more than its sequence.
db="$tmp/zones.db"
setup person add "Maria Wattimena" --email "tu@maluku.pas.example"
setup person add "Ricky Dwi Biantoro" --email "kakanwil@maluku.pas.example"
setup person add "Daniel Manuputty"
setup unit add "Lapas Kelas IIA Ambon" --code LAPAS-AMB
setup meeting add "Rapat koordinasi WIB" --start "2025-09-02 09:00" --duration 2h --tz Asia/Jakarta \
  --organizer Maria --location "Kantor Pusat, Jakarta"
setup meeting add "Rapat koordinasi WITA" --start "2025-09-02 09:00" --duration 2h --tz Asia/Makassar \
  --kind "rapat koordinasi" --status tentative
setup meeting add "Rapat koordinasi WIT" --start "2025-09-02 09:00" --duration 2h --tz Asia/Jayapura \
  --organizer Ricky
setup meeting add "Rapat WIT kedua" --start "2025-09-09 13:30" --end 15:00 --tz Asia/Jayapura \
  --kind "rapat koordinasi"
setup meeting add "Rapat daring +07:00" --start "2025-09-03 10:00+07:00" --duration 90m
setup meeting add "Overleg juli" --start "2025-07-15 10:00" --duration 2h --tz Europe/Amsterdam \
  --organizer Maria
setup meeting add "Overleg december" --start "2025-12-15 10:00" --duration 90m --tz Europe/Amsterdam
setup meeting add "Nachtdienst" --start "2025-10-25 20:00" --end "2025-10-26 10:00" \
  --tz Europe/Amsterdam
setup agenda add 3 "Pembukaan" --duration 15m --presenter Ricky
setup agenda add 3 "Diskusi" --duration 1h
setup agenda add 6 "Opening" --duration 30m
setup attendee add 3 Maria Daniel
setup attendee add 3 Ricky --role chair
setup attendee rsvp 3 Maria accepted
setup attendee add 1 Ricky --role optional
setup attendee add 1 Daniel --role observer
setup action add "Laporan koordinasi" --owner Maria --meeting 3 --due 2025-09-30 --priority high
setup action add "Pendataan UPT" --owner-unit LAPAS-AMB --meeting 3 --due 2025-10-15
setup action update 2 --status in-progress --progress 30
setup action add "Notulen" --owner Daniel --meeting 3 --due 2025-09-05 --priority low
setup action done 3

export_to "$tmp/zones.ics" --sessions --actions
icscheck "zones: WIB, WITA, WIT, +07:00 and Amsterdam at the right instants" "$tmp/zones.ics" \
  --sessions --actions --calname "Lapas Kelas IIA Ambon"
check "zones: one VTIMEZONE for each of the four IANA zones" \
  test "$(grep -c '^BEGIN:VTIMEZONE' "$tmp/zones.ics")" = 4
for z in Asia/Jakarta Asia/Makassar Asia/Jayapura Europe/Amsterdam; do
  check "zones: TZID:$z once" test "$(grep -c "^TZID:$z"$'\r$' "$tmp/zones.ics")" = 1
done
check "zones: +07:00 written in UTC (03:00Z)" grep -q $'^DTSTART:20250903T030000Z\r$' "$tmp/zones.ics"
check "zones: Amsterdam has a DAYLIGHT CEST (+0200) and a STANDARD CET (+0100) observance" \
  env PY="$PYTHON" F="$tmp/zones.ics" bash -c '"$PY" - <<EOF
import icalendar
cal = icalendar.Calendar.from_ical(open("$F", "rb").read())
tz = [t for t in cal.walk("VTIMEZONE") if str(t["TZID"]) == "Europe/Amsterdam"][0]
seen = {(o.name, str(o["TZNAME"]), o["TZOFFSETTO"].td.total_seconds()) for o in tz.subcomponents}
assert ("DAYLIGHT", "CEST", 7200) in seen and ("STANDARD", "CET", 3600) in seen, seen
assert all(name == "CEST" for kind, name, _ in seen if kind == "DAYLIGHT"), seen
EOF'
calcurse_import "zones: calcurse imports them at the right UTC times" "$tmp/zones.ics" \
  --sessions --actions
export_to "$tmp/kind.ics" --kind "rapat koordinasi"
icscheck "--kind: the meetings of that kind, the calendar named after the organisation and it" "$tmp/kind.ics" \
  --meeting 2 --meeting 4 --calname "Lapas Kelas IIA Ambon: rapat koordinasi"

export_to "$tmp/cancel-scheduled.ics" --meeting 3 --method cancel
icscheck "--method cancel of a scheduled meeting: SEQUENCE one higher, STATUS:CANCELLED" \
  "$tmp/cancel-scheduled.ics" --method CANCEL --meeting 3 --raise-sequence 1
check "--method cancel of a scheduled meeting warns on stderr" \
  grep -q '^rapat: warning: ' "$tmp/export.err"
export_to "$tmp/request-wib.ics" --meeting 1 --method request
icscheck "an invitation in WIB with optional and observer roles" "$tmp/request-wib.ics" \
  --method REQUEST --meeting 1

echo "# Part 5: bad input"

# refused STATUS DESCRIPTION ARGS...: "rapat export ics ARGS" must exit with
# STATUS, print nothing on stdout and one line "rapat: error: ..." on stderr.
refused() {
  local want=$1 desc=$2 rc lines
  local -a why=()
  shift 2
  "$RAPAT" --db "$db" export ics "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ "$rc" -eq "$want" ] || why+=("exit status $rc, expected $want")
  [ -s "$tmp/out" ] && why+=("stdout is not empty: $(head -c 200 "$tmp/out")")
  lines=$(wc -l <"$tmp/err")
  if [ "$lines" -ne 1 ] || [ -n "$(tail -c 1 "$tmp/err")" ]; then
    why+=("stderr is not exactly one line: $(head -c 300 "$tmp/err" | tr '\n' '|')")
  fi
  [ "$(head -c 14 "$tmp/err")" = "rapat: error: " ] \
    || why+=("stderr does not start with 'rapat: error: ': $(head -c 200 "$tmp/err")")
  if [ ${#why[@]} -eq 0 ]; then
    pass "$desc"
  else
    fail "$desc" "${why[@]}"
  fi
}

db="$tmp/demo.db"   # the sample, with a second meeting
setup meeting add "Rapat evaluasi" --start "2025-10-07 09:00" --duration 2h --tz Asia/Jayapura \
  --organizer Maria
refused 2 "--method request without --meeting, 2 meetings" --method request
refused 2 "--method request with --sessions" --meeting 1 --method request --sessions
db="$tmp/zones.db"
refused 2 "--method nonsense" --method nonsense
check "--method nonsense: the message quotes the value" grep -q "'nonsense'" "$tmp/err"
refused 2 "--method request of 8 meetings" --method request
refused 2 "--method cancel of 8 meetings" --method cancel
refused 2 "--method cancel with --sessions" --meeting 3 --method cancel --sessions
refused 2 "--meeting with --from" --meeting 1 --from 2025-01-01
refused 2 "--meeting with --kind" --meeting 1 --kind rakernis
refused 1 "--method request of a meeting without organizer" --meeting 2 --method request
refused 1 "--meeting that does not exist" --meeting 99
refused 2 "--from that is no day" --from 2025-02-30

mkdir "$tmp/outdir"
refused 1 "-o into a missing folder" -o "$tmp/outdir/missing/x.ics"
check "-o into a missing folder: the folder is still missing" test ! -e "$tmp/outdir/missing"
check "-o into a missing folder: no stray file" test -z "$(ls -A "$tmp/outdir")"
refused 1 "-o onto a folder" -o "$tmp/outdir"
check "-o onto a folder: nothing written into it" test -z "$(ls -A "$tmp/outdir")"
"$RAPAT" --db "$db" export ics --sessions --actions -o "$tmp/outdir/rapat.ics" </dev/null \
  >"$tmp/out" 2>"$tmp/err"
check "-o FILE succeeds quietly" test $? -eq 0 -a ! -s "$tmp/out" -a ! -s "$tmp/err"
check "-o FILE leaves only FILE (no temporary file)" test "$(ls -A "$tmp/outdir")" = rapat.ics
check "-o FILE writes what stdout gets" cmp "$tmp/outdir/rapat.ics" "$tmp/zones.ics"
"$RAPAT" --db "$db" export ics --meeting 3 -o "$tmp/outdir/rapat.ics" </dev/null >/dev/null 2>&1
check "-o FILE replaces an existing file, still no temporary file" \
  test "$(ls -A "$tmp/outdir")" = rapat.ics -a "$(grep -c '^BEGIN:VEVENT' "$tmp/outdir/rapat.ics")" = 1
icscheck "-o FILE: read back against the database" "$tmp/outdir/rapat.ics" --meeting 3 --no-calname
if [ -w /dev/full ]; then
  "$RAPAT" --db "$db" export ics >/dev/full 2>"$tmp/err"
  rc=$?
  check "a full disk on stdout: exit 1, one line" \
    test "$rc" = 1 -a "$(wc -l <"$tmp/err")" = 1
fi

echo "# Part 6: stand-ins"
# A stand-in who is also invited is still one person: one ATTENDEE.
setup attendee mark 3 Maria represented --by Daniel
export_to "$tmp/stand-in.ics" --meeting 3 --method request
icscheck "a stand-in who is invited too appears once" "$tmp/stand-in.ics" --method REQUEST \
  --meeting 3

echo "ics: $n checks, $n_pass passed, $n_fail failed"
[ "$n_fail" -eq 0 ]
