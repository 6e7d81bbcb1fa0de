#!/bin/bash
# rapat CLI tests: tables that fit the terminal (issue 19).  With COLUMNS
# set, or on a terminal of some width (a pseudo-terminal made by Python),
# no line of 'meeting show' and the lists passes that width, and long cells
# wrap rather than lose text; piped without COLUMNS, nothing is wrapped, so
# scripts and golden transcripts read what they always did; JSON never
# changes with the width.
#
# Usage: tests/cli/width.sh   (RAPAT=path/to/rapat)

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
db="$tmp/t.db"
# widest FILE: the display width of the widest line of FILE.
widest() { python3 -c 'import sys, unicodedata
def w(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in s)
print(max([w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] or [0]))' "$1"; }

setup demo
"$RAPAT" --db "$db" meeting show 1 >"$tmp/piped.txt"
check "piped without COLUMNS: meeting show is not wrapped (its attendee table runs past 80)" \
  test "$(widest "$tmp/piped.txt")" -gt 150
COLUMNS=abc "$RAPAT" --db "$db" meeting show 1 >"$tmp/abc.txt"
check "COLUMNS that is no number counts as unset" cmp "$tmp/piped.txt" "$tmp/abc.txt"

for cols in 80 100 120; do
  COLUMNS=$cols "$RAPAT" --db "$db" meeting show 1 >"$tmp/show-$cols.txt"
  check "COLUMNS=$cols: no line of meeting show passes column $cols (widest $(widest "$tmp/show-$cols.txt"))" \
    test "$(widest "$tmp/show-$cols.txt")" -le "$cols"
done
check "COLUMNS=80: the attendee table puts position and unit under the name" \
  grep -q "^               Kepala Kantor Wilayah · Kantor Wilayah Ditjen Pemasyarakatan" \
  "$tmp/show-80.txt"
check "... and a long agenda item wraps onto a continuation line, nothing cut" \
  python3 -c 'import sys
t = open(sys.argv[1], encoding="utf-8").read()
assert "…" not in t.split("Attendees")[0], "an agenda cell was cut"
assert "Pengarahan" in t and "(overcrowding)" in t' "$tmp/show-80.txt"
for cmd in "meeting list" "person list" "attendee list 1" "agenda list 1" "action list" \
           "issue list" "report actions"; do
  # shellcheck disable=SC2086
  COLUMNS=80 "$RAPAT" --db "$db" $cmd >"$tmp/list.txt"
  check "COLUMNS=80 rapat $cmd: within 80 columns" test "$(widest "$tmp/list.txt")" -le 80
done
"$RAPAT" --db "$db" meeting show 1 --json >"$tmp/plain.json"
COLUMNS=40 "$RAPAT" --db "$db" meeting show 1 --json >"$tmp/narrow.json"
check "JSON does not change with COLUMNS" cmp "$tmp/plain.json" "$tmp/narrow.json"

# A writing command's output is held until it commits; the order of a
# list is the same in its text and its JSON.
COLUMNS=80 "$RAPAT" --db "$db" attendee list 1 --order name >"$tmp/name.txt"
"$RAPAT" --db "$db" attendee list 1 --order name --json >"$tmp/name.json"
check "attendee list --order name: within 80 columns" test "$(widest "$tmp/name.txt")" -le 80
check "... by name, and the JSON in the same order as the text" \
  python3 -c 'import json, sys
names = [a["name"] for a in json.load(open(sys.argv[1]))["attendees"]]
assert names == sorted(names, key=str.lower), names
text = open(sys.argv[2], encoding="utf-8").read()
assert sorted(names, key=text.index) == names' "$tmp/name.json" "$tmp/name.txt"

# On a terminal: the width comes from the terminal itself (TIOCGWINSZ).
pty_show() { python3 - "$RAPAT" "$db" "$1" >"$tmp/pty.txt" <<'PY'
import fcntl, os, pty, struct, sys, termios
rapat, db, cols = sys.argv[1], sys.argv[2], int(sys.argv[3])
pid, fd = pty.fork()
if pid == 0:
    os.environ.pop("COLUMNS", None)
    os.execv(rapat, [rapat, "--db", db, "meeting", "show", "1"])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, cols, 0, 0))
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8").replace("\r\n", "\n"))
PY
}
pty_show 100
check "on a terminal of 100 columns: meeting show within 100 (widest $(widest "$tmp/pty.txt"))" \
  test "$(widest "$tmp/pty.txt")" -le 100 -a "$(widest "$tmp/pty.txt")" -gt 80

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
