#!/bin/bash
# rapat CLI tests: 'meeting copy' and 'meeting add --like' (issue 19), last
# year's meeting as this year's template, with the real store.  The demo's
# Rakernis (2 September 2025, with a parallel session added) is copied to
# 1 September 2026: the agenda must come back identical with its times
# moved by the same 364 days, the invitations with their roles but no
# reply, attendance, stand-in, minutes or action; wrong input is one line,
# a non-zero exit and a byte-identical database.
#
# Usage: tests/cli/meeting-copy.sh   (RAPAT=path/to/rapat)

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
db="$tmp/t.db"
sum() { sha256sum "$db" | cut -d' ' -f1; }
# r ARGS...: rapat on $db, output in $tmp/out and $tmp/err, status in $rc.
r() { "$RAPAT" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }

setup demo
# A parallel session beside item 4, in a room of its own, so that the copy
# must map parallel_with to the new items.
setup agenda add 1 "Sesi paralel: kepatuhan" --duration 30m --room "Ruang Rapat 2" \
  --parallel-with 4
# An issue linked to the meeting without an agenda item.
issue=$("$RAPAT" --db "$db" issue add "Isu tanpa mata acara")
setup issue link "$issue" 1
"$RAPAT" --db "$db" agenda list 1 --json >"$tmp/agenda-old.json"
"$RAPAT" --db "$db" attendee list 1 --json >"$tmp/att-old.json"

r meeting copy 1 --start "2026-09-01 09:00"
check "copy: exit 0, the new id alone on stdout" test "$rc|$(cat "$tmp/out")" = "0|2"
new=$(cat "$tmp/out")
"$RAPAT" --db "$db" agenda list "$new" --json >"$tmp/agenda-new.json"
"$RAPAT" --db "$db" attendee list "$new" --json >"$tmp/att-new.json"
"$RAPAT" --db "$db" meeting show "$new" --json >"$tmp/show-new.json"
"$RAPAT" --db "$db" meeting show 1 --json >"$tmp/show-old.json"

# same_agenda OLD NEW DAYS: every item the same but its id, its times moved by DAYS.
same_agenda() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys, datetime
old = json.load(open(sys.argv[1]))["agenda"]
new = json.load(open(sys.argv[2]))["agenda"]
shift = datetime.timedelta(days=int(sys.argv[3]))
assert len(old) == len(new) == 11, (len(old), len(new))
pos_old = {i["id"]: i["number"] for i in old}
pos_new = {i["id"]: i["number"] for i in new}
for a, b in zip(old, new):
    for k in a:
        if k in ("id", "start", "end", "parallel_with"):
            continue
        assert a[k] == b[k], (a["number"], k, a[k], b[k])
    for k in ("start", "end"):
        ta = datetime.datetime.fromisoformat(a[k])
        tb = datetime.datetime.fromisoformat(b[k])
        assert tb - ta == shift, (a["number"], k, a[k], b[k])
    pa = pos_old.get(a["parallel_with"])
    pb = pos_new.get(b["parallel_with"])
    assert pa == pb, (a["number"], pa, pb)
    assert b["id"] not in pos_old
assert any(i["parallel_with"] for i in new)
PY
}
check "agenda: identical, items, lengths, types, presenters, rooms, issues, parallel sessions" \
  same_agenda "$tmp/agenda-old.json" "$tmp/agenda-new.json" 364
check "invitations: the same people with the same roles, in the same order" python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))["attendees"]; n = json.load(open(sys.argv[2]))["attendees"]
assert [(a["person_id"], a["role"]) for a in o] == [(a["person_id"], a["role"]) for a in n]
assert len(n) == 22' "$tmp/att-old.json" "$tmp/att-new.json"
check "... but no reply, attendance, stand-in or note copied" python3 -c '
import json, sys
for a in json.load(open(sys.argv[1]))["attendees"]:
    assert a["rsvp"] == "needs-action", a
    assert a["attendance"] is None and a["arrived"] is None, a
    assert a["represented_by_id"] is None and a["note"] is None and a["earlier_replies"] == [], a' \
  "$tmp/att-new.json"
check "details: title, kind, location, zone, organizer copied; new uid, sequence 0, no minutes" \
  python3 -c '
import json, sys
o = json.load(open(sys.argv[1])); n = json.load(open(sys.argv[2]))
for k in ("title", "kind", "location", "tz", "organizer", "description", "status"):
    assert o[k] == n[k], (k, o[k], n[k])
assert n["uid"] != o["uid"] and n["sequence"] == 0, n
assert n["start"] == "2026-09-01T09:00:00+09:00" and n["end"] == "2026-09-01T16:00:00+09:00", n
assert n["minutes"] is None, n["minutes"]' "$tmp/show-old.json" "$tmp/show-new.json"
r issue show "$issue" --json
check "an issue linked to the old meeting is linked to the copy" \
  python3 -c 'import json, sys
assert [m["meeting_id"] for m in json.load(open(sys.argv[1]))["discussed"]] == [1, '"$new"']' \
  "$tmp/out"
r action list --meeting "$new"
check "no action raised in the copy" grep -q "No actions" "$tmp/out"

# meeting add --like: a new title, and the options given win over the copy.
r meeting add "Rakernis 2027" --like 1 --start "2027-09-07 08:00" --duration 3h \
  --location "Aula Kanwil" --kind rapat
like=$(cat "$tmp/out")
r meeting show "$like" --json
check "add --like: title, duration, location and kind from the options" python3 -c '
import json, sys
n = json.load(open(sys.argv[1]))
assert (n["title"], n["location"], n["kind"]) == ("Rakernis 2027", "Aula Kanwil", "rapat"), n
assert n["start"] == "2027-09-07T08:00:00+09:00" and n["end"] == "2027-09-07T11:00:00+09:00", n
assert len(n["agenda"]) == 11 and len(n["attendees"]) == 22
assert n["agenda"][0]["start"] == "2027-09-07T08:00:00+09:00"' "$tmp/out"

# A clash: the copy at the very time of the first copy, same room, same people.
r meeting copy 1 --start "2026-09-01 10:00" --title "Rakernis bentrok"
check "a clash is a warning, the copy is made" \
  test "$rc" = 0 -a -s "$tmp/err" -a "$(cat "$tmp/out")" = "$((like + 1))"
check "... naming the other meeting" grep -q "Rapat Kerja Teknis" "$tmp/err"

r check
check "rapat check: the copies keep every rule (agenda times, parallel sessions, links)" \
  test "$rc" = 0

# Refusals: one line, non-zero, nothing written.
before=$(sum)
refused() {
  local what=$1; shift
  r "$@"
  check "$what: one line on stderr, exit $rc" \
    test "$rc" != 0 -a "$(wc -l <"$tmp/err")" = 1 -a ! -s "$tmp/out"
}
refused "--strict and a clash" meeting copy 1 --start "2026-09-01 10:00" --strict
refused "no --start" meeting copy 1
refused "a meeting that does not exist" meeting copy 999 --start "2026-09-01 09:00"
refused "a wrong start" meeting copy 1 --start "2026-13-01 09:00"
refused "a wrong zone" meeting copy 1 --start "2026-09-01 09:00" --tz Mars/Olympus
refused "an empty title" meeting copy 1 --start "2026-09-01 09:00" --title ""
refused "--end and --duration" meeting copy 1 --start "2026-09-01 09:00" --end 12:00 --duration 1h
refused "add --like a meeting that does not exist" meeting add X --like 999 --start "2026-09-01 09:00"
refused "add --like without --start" meeting add X --like 1
check "... after every refusal the database is byte-identical" test "$(sum)" = "$before"

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
