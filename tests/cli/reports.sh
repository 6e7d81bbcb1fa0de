#!/bin/bash
# rapat CLI tests: attendance reports and the sign-in sheet (issue 5).
#
# Part A, on 'rapat demo' (the Rakernis, meeting 1): 'report attendance
# --meeting 1 --grace 10m' equals golden-reports/demo-attendance.txt; its
# CSV, JSON and HTML forms are read back with Python and agree with each
# other and with the text (a recount of the CSV rows = the JSON totals = the
# text totals); 'report signin --meeting 1 --blank 3' is well-formed with
# 22 + 3 rows.
# Part B, a period: 50 meetings x 40 people made through the CLI with a
# fixed pattern; 'report attendance --from/--to --by person|unit' in JSON
# is checked row by row against a recount done in Python from
# 'rapat attendee list M --json' of every meeting; the HTML's chart has a
# bar per row, as long as its rate and coloured by it, above the table.
# Part C, bad input: refused with one line on stderr, nothing on stdout,
# the database unchanged.
# Part D, issue 12: a meeting whose attendance was never taken is listed
# apart and counted nowhere, rates are over the recorded invitations
# (golden-reports/issue12-*; the HTML by unit as read: its chart's bars,
# its table, its notes); a cancelled meeting's sign-in sheet is refused,
# or with --force marked DIBATALKAN / CANCELLED on every page.
# Part E, issue 14: an overnight meeting gives both dates in 'meeting show',
# the attendance report (text, HTML) and the sign-in sheet.
#
#   tests/cli/reports.sh              run the checks
#   UPDATE=1 tests/cli/reports.sh     rewrite golden-reports/* from the
#                                     current program (read the diff: the
#                                     golden files state what is CORRECT)
#
# Environment (set by 'make check'): RAPAT, SRCDIR, SQLITE3; PYTHON
# (optional, default /usr/bin/python3).  Prints one line per check and a
# summary; exit 0 if all passed, 1 if not.

set -u
. "$(dirname "$0")/lib.sh"

here=$(cd "$(dirname "$0")" && pwd)
SRCDIR=${SRCDIR:-$(cd "$here/../.." && pwd)}
golden_dir="$SRCDIR/tests/cli/golden-reports"
RAPAT=${RAPAT:-$PWD/src/rapat}
SQLITE3=${SQLITE3-sqlite3}
PYTHON=${PYTHON:-/usr/bin/python3}

need_rapat
need_sqlite3
if [ ! -x "$PYTHON" ]; then
  PYTHON=$(command -v python3 || true)
fi
if [ -z "$PYTHON" ]; then
  echo "reports.sh: python3 is needed to read the reports back" >&2
  exit 1
fi

pin_environment

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapat-reports.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share"

# check DESCRIPTION COMMAND...: passes if COMMAND exits 0, else fails with
# the last lines of its output (kept in $tmp/check.out); returns its status.
check() {
  local desc=$1 rc
  shift
  "$@" >"$tmp/check.out" 2>&1
  rc=$?
  if [ "$rc" -eq 0 ]; then
    pass "$desc"
  else
    local -a why=()
    while IFS= read -r line; do
      why+=("$line")
    done < <(tail -n 15 "$tmp/check.out" | cut -c 1-300)
    fail "$desc" "${why[@]}"
  fi
  return "$rc"
}

# Runs rapat on database $db; aborts the script if it fails (setup).
setup() {
  if ! "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/setup.out" 2>"$tmp/setup.err"; then
    echo "reports.sh: setup command failed: rapat $*" >&2
    cat "$tmp/setup.err" >&2
    exit 1
  fi
}

# golden NAME FILE DESCRIPTION: FILE must equal golden-reports/NAME; with
# UPDATE=1, NAME is rewritten from FILE instead (read the diff by hand).
golden() {
  local name=$1 file=$2 desc=$3 g="$golden_dir/$1"
  if [ "${UPDATE:-0}" = 1 ]; then
    mkdir -p "$golden_dir"
    if [ -f "$g" ] && cmp -s "$g" "$file"; then
      pass "golden unchanged: $name"
    else
      cp "$file" "$g" && pass "UPDATED $g (check it by hand)"
    fi
  elif [ ! -f "$g" ]; then
    fail "$desc" "$g is missing (run with UPDATE=1, then check it by hand)"
  elif diff -u --label "$name (expected)" --label "(actual)" "$g" "$file" >"$tmp/golden.diff"; then
    pass "$desc"
  else
    local -a lines
    mapfile -t lines < <(head -n 40 "$tmp/golden.diff")
    fail "$desc" "${lines[@]}"
  fi
}

# The Python helpers.
cat >"$tmp/common.py" <<'EOF'
import csv, io, json, re, sys, unicodedata
import xml.etree.ElementTree as ET
import html.parser

def read(path):
    with open(path, encoding='utf-8', newline='') as f:
        return f.read()

def width(line):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in line)

def fits_100(text, what):
    for no, line in enumerate(text.split('\n'), 1):
        assert width(line) <= 100, '%s, line %d is %d columns: %r' % (what, no, width(line), line)

def read_csv(path):
    """The records of an RFC 4180 file: CRLF after every record."""
    text = read(path)
    q = False
    for i, ch in enumerate(text):
        if ch == '"':
            q = not q
        elif not q and ch == '\n' and (i == 0 or text[i - 1] != '\r'):
            raise AssertionError('%s: a record ends with a bare LF at %d' % (path, i))
    assert not q and text.endswith('\r\n'), path + ': the last record does not end with CRLF'
    rows = list(csv.reader(io.StringIO(text, newline=''), strict=True))
    assert all(len(r) == len(rows[0]) for r in rows), path + ': records of different lengths'
    return rows

def read_html(path):
    """Parses as XML (well-formed) and with html.parser; no script, no fetch."""
    raw = read(path)
    root = ET.fromstring(raw)
    for e in root.iter():
        assert e.tag.rsplit('}', 1)[-1] != 'script', path + ': a script element'
        for k in e.attrib:
            assert k not in ('src', 'href') and not k.startswith('on'), (path, e.tag, k)
    starts = []
    class P(html.parser.HTMLParser):
        def handle_starttag(self, tag, attrs):
            starts.append(tag)
    p = P()
    p.feed(raw)
    p.close()
    assert 'script' not in starts and 'link' not in starts, path + ': script or link'
    return raw, root

def esc(s):
    return (s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
             .replace('"', '&quot;').replace("'", '&#39;'))

def txt(e):
    return ''.join(e.itertext())

def fold(s):
    return unicodedata.normalize('NFC', s).casefold()

def local(tag):
    return tag.rsplit('}', 1)[-1]

def chart_bars(root):
    """The bars of the period report's chart (a table of SVG drawings, the
    ticks in its header and under its last bar): (label, width 0..1 of the
    bars' 360 units, fill, text after the bar), top to bottom."""
    charts = [t for t in root.iter('table') if t.get('class') == 'chart']
    assert len(charts) == 1, 'one chart: %d' % len(charts)
    bars = []
    for svg in charts[0].find('tbody').iter('{http://www.w3.org/2000/svg}svg'):
        kids = list(svg)
        rects = [i for i, e in enumerate(kids) if local(e.tag) == 'rect']
        assert len(rects) <= 1, 'a bar a drawing'
        for i in rects:
            label, after = kids[i - 1], kids[i + 1]
            assert local(label.tag) == 'text' and label.get('text-anchor') == 'end'
            assert float(after.get('x')) == float(kids[i].get('x')) + float(kids[i].get('width')) + 4
            bars.append((txt(label), float(kids[i].get('width')) / 360, kids[i].get('fill'), txt(after)))
    return charts[0], bars

def chart_ticks(chart):
    """The ticks' labels above the bars and under them."""
    ticks = lambda part: [txt(t) for t in part.iter('{http://www.w3.org/2000/svg}text')
                          if t.get('text-anchor') == 'middle']
    return ticks(chart.find('thead')), ticks(chart.find('tbody'))

def bar_fill(rate):
    """The colour of a bar: green from 80 %, amber from 50 %, red below."""
    return '#3a7d44' if rate >= 0.8 else '#c9a227' if rate >= 0.5 else '#b03a2e'

def html_reading(path):
    """A printed report's HTML as a reader sees it, one line a thing in
    the order of the page: the headings, the chart's bars (label, length,
    colour, value) and ticks, the table's rows, the paragraphs, the lists."""
    raw, root = read_html(path)
    out = ['lang: ' + root.get('lang')]
    def walk(e):
        tag = local(e.tag)
        if tag == 'table' and e.get('class') == 'chart':
            chart, bars = chart_bars(root)
            above, under = chart_ticks(chart)
            out.append('chart (%s): %s' % (chart.get('role'), chart.get('aria-label')))
            out.append('  ticks: ' + ' '.join(above))
            for label, w, fill, text in bars:
                out.append('  bar: %s | %.1f%% long | %s | %s' % (label, 100 * w, fill, text))
            out.append('  ticks: ' + ' '.join(under))
            return
        if tag == 'tr':
            out.append(' | '.join(' '.join(txt(c).split()) for c in e))
            return
        if tag in ('h1', 'h2', 'p'):
            out.append('%s: %s' % (tag, ' '.join(txt(e).split())))
            return
        if tag in ('style', 'title', 'footer', 'head'):
            return
        for k in e:
            walk(k)
    walk(root)
    return '\n'.join(out) + '\n'
EOF

# ---------------------------------------------------------------------------
echo "# Part A: the demo meeting"

db="$tmp/demo.db"
setup demo
mkdir -p "$tmp/a"

# A1: the text report, against the golden file.
if run "$tmp/a/demo.txt" report attendance --meeting 1 --grace 10m; then
  golden demo-attendance.txt "$tmp/a/demo.txt" \
    "report attendance --meeting 1 --grace 10m equals golden-reports/demo-attendance.txt"
fi

# A2: the other forms, read back and compared with each other and the text.
run "$tmp/a/demo.csv" report attendance --meeting 1 --grace 10m --format csv
run "$tmp/a/demo.json" report attendance --meeting 1 --grace 10m --format json
run "$tmp/a/demo.html" report attendance --meeting 1 --grace 10m --format html
run "$tmp/a/signin.html" report signin --meeting 1 --blank 3
cat >"$tmp/a/forms.py" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
from common import *
d = sys.argv[2]
text = read(d + '/demo.txt')
rows = read_csv(d + '/demo.csv')
j = json.loads(read(d + '/demo.json'))

# The text: fits 100 columns.
fits_100(text, 'the text')

# CSV: a header, one record per attendee, no totals.
header, recs = rows[0], rows[1:]
assert header[:2] == ['no', 'name'] and 'attendance' in header and 'rsvp' in header, header
assert len(recs) == 22, len(recs)
assert [r[0] for r in recs] == [str(i) for i in range(1, 23)], 'numbered 1..22, no totals row'
col = {h: i for i, h in enumerate(header)}
csv_count = {'invited': len(recs)}
for key, field, value in [('accepted', 'rsvp', 'accepted'), ('declined', 'rsvp', 'declined'),
        ('tentative', 'rsvp', 'tentative'), ('no_reply', 'rsvp', 'needs-action'),
        ('present', 'attendance', 'present'), ('represented', 'attendance', 'represented'),
        ('excused', 'attendance', 'excused'), ('sick', 'attendance', 'sick'),
        ('duty', 'attendance', 'duty'), ('absent', 'attendance', 'absent'),
        ('not_recorded', 'attendance', '')]:
    csv_count[key] = sum(1 for r in recs if r[col[field]] == value)
csv_count['late'] = sum(1 for r in recs if r[col['late_minutes']] not in ('', '0'))

# JSON: numbers are numbers; its totals are the CSV recount.
t = j['totals']
for k, v in csv_count.items():
    assert isinstance(t[k], int) and not isinstance(t[k], bool), (k, t[k])
    assert t[k] == v, 'JSON totals.%s = %r, the CSV rows give %r' % (k, t[k], v)
assert [r['name'] for r in j['rows']] == [r[col['name']] for r in recs], 'same rows, same order'
assert abs(t['rate'] - (t['present'] + t['represented'])
           / (t['invited'] - t['not_recorded'])) < 0.00005, t['rate']

# The text: its totals are the same numbers, and the rate the same rate.
tot = text[text.index('\nTotals\n'):]
labels = {'Invited': 'invited', 'Accepted': 'accepted', 'Declined': 'declined',
          'Tentative': 'tentative', 'No reply': 'no_reply', 'Present': 'present', 'Late': 'late',
          'Represented': 'represented', 'Excused': 'excused', 'Sick': 'sick', 'Duty': 'duty',
          'Absent': 'absent', 'Not recorded': 'not_recorded'}
found = dict(re.findall(r'(?<![A-Za-z])(' + '|'.join(labels) + r') (\d+)', tot))
assert set(found) == set(labels), 'the text totals: %r' % found
for label, key in labels.items():
    assert int(found[label]) == csv_count[key], \
        'text %s %s, CSV %d' % (label, found[label], csv_count[key])
m = re.search(r'Attendance rate: ([0-9.]+)%', tot)
assert m and m.group(1) == '%.1f' % (100 * t['rate']), (m and m.group(1), t['rate'])
ana = [r['name'] for r in j['accepted_not_attended']]
awr = [r['name'] for r in j['attended_without_reply']]
lists = tot[tot.index('Accepted but did not attend:'):]
for name in ana + awr:
    assert '\n  ' + name + ' (' in lists, name

# HTML: well-formed, every name escaped, 22 rows.
raw, root = read_html(d + '/demo.html')
# A name cell: the name in bold, then the position.
cells = [next(td.itertext(), '') for td in root.iter('td')]
for r in j['rows']:
    assert esc(r['name']) in raw and r['name'] in cells, r['name']
main = [t for t in root.iter('table') if (t.get('class') or '').startswith('grid')][0]
assert len(main.find('tbody').findall('tr')) == 22

# The sign-in sheet: 22 names in the report's order, 3 blank rows.
raw, root = read_html(d + '/signin.html')
sheet = [t for t in root.iter('table') if (t.get('class') or '').startswith('grid')][0]
assert sheet.find('thead') is not None
trs = sheet.find('tbody').findall('tr')
assert len(trs) == 22 + 3, len(trs)
names = [txt(tr.findall('td')[1]) for tr in trs]
assert names == [r['name'] for r in j['rows']] + ['', '', ''], names
assert [txt(tr.findall('td')[0]) for tr in trs] == [str(i) for i in range(1, 26)]
style = ''.join(txt(s) for s in root.iter('style'))
assert 'table-header-group' in style and 'A4' in style
assert root.get('lang') == 'id'
assert 'Selasa, 2 September 2025' in txt(root), 'the date in Indonesian'
assert '09.00–16.00 WIT' in txt(root), 'the time'
print('ok')
EOF
check "CSV recount = JSON totals = text totals; HTML well-formed; sign-in 22 + 3 rows" \
  "$PYTHON" "$tmp/a/forms.py" "$tmp" "$tmp/a"

# A3: -o FILE writes the same bytes as stdout.
"$RAPAT" --db "$db" report attendance --meeting 1 --grace 10m --format csv -o "$tmp/a/o.csv" \
  >"$tmp/a/o.out" 2>&1
if [ -s "$tmp/a/o.out" ] || ! cmp -s "$tmp/a/o.csv" "$tmp/a/demo.csv"; then
  fail "-o FILE writes the report and prints nothing" "$(head -c 300 "$tmp/a/o.out")"
else
  pass "-o FILE writes the same CSV as stdout"
fi

# A4: without --grace (0): the demo's other arrivals are all before 09:00,
# so the late ones are the same two, 20 and 35 minutes after the start.
run "$tmp/a/nograce.json" report attendance --meeting 1 --format json
check "without --grace: late 2 (09:20 and 09:35), grace_minutes 0" "$PYTHON" -c '
import json, sys
j = json.load(open(sys.argv[1]))
assert j["grace_minutes"] == 0 and j["totals"]["late"] == 2, (j["grace_minutes"], j["totals"])
assert sorted(r["late_minutes"] for r in j["rows"] if r["late"]) == [20, 35], j["rows"]
' "$tmp/a/nograce.json"

# A5: the sheet's language: --lang en; English by default outside Indonesia.
run "$tmp/a/signin-en.html" report signin --meeting 1 --lang en --blank 0
setup meeting add "Working visit" --start "2025-09-02 09:00" --duration 2h --tz Europe/Amsterdam \
  --location "Den Haag"
setup attendee add 2 1 2
run "$tmp/a/signin-nl.html" report signin --meeting 2
check "sign-in sheet: --lang en, and English by default for a meeting in Europe/Amsterdam" \
  "$PYTHON" -c '
import sys
sys.path.insert(0, sys.argv[1])
from common import *
raw, root = read_html(sys.argv[2])
rows = [t for t in root.iter("table") if (t.get("class") or "").startswith("grid")][0].find("tbody").findall("tr")
assert root.get("lang") == "en" and len(rows) == 22, (root.get("lang"), len(rows))
assert "Tuesday 2 September 2025" in txt(root) and "09:00–16:00 WIT" in txt(root)
raw, root = read_html(sys.argv[3])
rows = [t for t in root.iter("table") if (t.get("class") or "").startswith("grid")][0].find("tbody").findall("tr")
assert root.get("lang") == "en" and len(rows) == 2 + 5, (root.get("lang"), len(rows))
assert "Tuesday 2 September 2025" in txt(root) and "09:00–11:00 CEST" in txt(root), txt(root)
' "$tmp" "$tmp/a/signin-en.html" "$tmp/a/signin-nl.html"

# ---------------------------------------------------------------------------
echo "# Part B: 50 meetings x 40 people"

db="$tmp/period.db"
mkdir -p "$tmp/b"

# Units: a root with three divisions, each with two sections (three levels),
# and a second root.
setup unit add "Kantor Wilayah" --code KW
setup unit add "Divisi Pemasyarakatan" --code DIVPAS --parent KW
setup unit add "Divisi Administrasi" --code DIVADM --parent KW
setup unit add "Divisi Keimigrasian" --code DIVIM --parent KW
setup unit add "Lapas Kelas IIA" --code LAPAS --parent DIVPAS
setup unit add "Rutan Kelas IIB" --code RUTAN --parent DIVPAS
setup unit add "Bagian Umum" --code UMUM --parent DIVADM
setup unit add "Bagian Keuangan" --code KEU --parent DIVADM
setup unit add "Seksi Intelijen" --code INTEL --parent DIVIM
setup unit add "Seksi Izin Tinggal" --code IZIN --parent DIVIM
setup unit add "Inspektorat" --code INSP
# 40 people: person i in unit (i % 11) + 1; 13, 26 and 39 have no unit.
for i in $(seq 1 40); do
  name=$(printf 'Peserta %02d' "$i")
  if [ $((i % 13)) -eq 0 ]; then
    setup person add "$name" --position "Tamu"
  else
    setup person add "$name" --position "Staf $i" --unit $((i % 11 + 1))
  fi
done
# 50 meetings, every third day from 6 January 2025 at 08:00 WIT (23:00 UTC
# the day before, so that days in the wrong zone show); every fourth is a
# "rakor".  Person i is invited to meeting j unless (i + 2j) % 5 = 0;
# attendance follows k = (3i + 7j) % 13:
#   0-5 present, arriving 07:55, 08:00, 08:08 or 08:25 by (i + j) % 4
#   6 represented by the next person, 7 excused, 8 sick, 9 duty,
#   10 absent, 11-12 not recorded.
# Meetings 10 and 35 are cancelled after their attendance was taken.
arrivals=(07:55 08:00 08:08 08:25)
statuses=([6]=represented [7]=excused [8]=sick [9]=duty [10]=absent)
for j in $(seq 1 50); do
  day=$(date -u -d "2025-01-06 +$((3 * (j - 1))) days" +%F)
  kind=rapat
  [ $((j % 4)) -eq 0 ] && kind=rakor
  setup meeting add "$(printf 'Rapat rutin %02d' "$j")" --start "$day 08:00" --duration 2h \
    --tz Asia/Jayapura --kind "$kind"
  invited=()
  for i in $(seq 1 40); do
    [ $(((i + 2 * j) % 5)) -ne 0 ] && invited+=("$i")
  done
  setup attendee add "$j" "${invited[@]}"
  for i in "${invited[@]}"; do
    k=$(((3 * i + 7 * j) % 13))
    if [ "$k" -le 5 ]; then
      setup attendee mark "$j" "$i" present --at "${arrivals[$(((i + j) % 4))]}"
    elif [ "$k" -eq 6 ]; then
      setup attendee mark "$j" "$i" represented --by $((i % 40 + 1))
    elif [ "$k" -le 10 ]; then
      setup attendee mark "$j" "$i" "${statuses[$k]}"
    fi
  done
done
setup meeting cancel 10 --reason "Ditunda"
setup meeting cancel 35 --reason "Ditunda"

# What the recount reads: every meeting's attendee list, the meetings, the
# people and the units, all as JSON from the CLI.
for j in $(seq 1 50); do
  run "$tmp/b/attendees-$j.json" attendee list "$j" --json || exit 1
done
run "$tmp/b/meetings.json" meeting list --json
run "$tmp/b/people.json" person list --json
run "$tmp/b/units.json" unit list --json

cat >"$tmp/b/recount.py" <<'EOF'
"""Checks a period report (JSON) against a recount from the attendee lists.
argv: common dir, data dir, report file, by (person|unit), from, to, grace
minutes, kind ('' = any), unit code ('' = all), the zone of the days (WIT
or UTC)."""
import sys, datetime
sys.path.insert(0, sys.argv[1])
from common import *
d, path, by, day_from, day_to, grace, kind, unit_code, zone = sys.argv[2:11]
grace = datetime.timedelta(minutes=int(grace))
load = lambda name: json.loads(read(d + '/' + name))
meetings = load('meetings.json')
people = {p['id']: p for p in load('people.json')}
units = {u['id']: u for u in load('units.json')}
assert len(meetings) == 50 and len(people) == 40, (len(meetings), len(people))

def ancestors(uid):
    while uid is not None:
        yield uid
        uid = units[uid]['parent_id']

scope_unit = None
if unit_code:
    scope_unit = [u['id'] for u in units.values() if u['code'] == unit_code][0]

KEYS = ['meetings', 'invited', 'present', 'late', 'represented', 'excused', 'sick', 'duty',
        'absent', 'not_recorded']
def new():
    c = dict.fromkeys(KEYS, 0)
    c['_m'] = set()
    return c
def add(c, a, m, start):
    c['invited'] += 1
    c['_m'].add(m['id'])
    c['meetings'] = len(c['_m'])
    st = a['attendance']
    c['not_recorded' if st is None else st] += 1
    if st == 'present' and a['arrived'] and \
       datetime.datetime.fromisoformat(a['arrived']) > start + grace:
        c['late'] += 1

per_person, per_unit, total = {}, {}, new()
n_meetings = 0
for m in meetings:
    start = datetime.datetime.fromisoformat(m['start'])
    if zone == 'UTC':
        day = start.astimezone(datetime.timezone.utc).date().isoformat()
    else:
        day = m['start'][:10]      # the day in the meetings' zone, WIT
    if m['status'] == 'cancelled' or day < day_from or day > day_to:
        continue
    if kind and m['kind'].casefold() != kind.casefold():
        continue
    attendees = load('attendees-%d.json' % m['id'])['attendees']
    # Attendance never taken (nobody's recorded) counts for no one.
    if all(a['attendance'] is None for a in attendees):
        continue
    n_meetings += 1
    for a in attendees:
        uid = people[a['person_id']]['unit_id']
        chain = list(ancestors(uid))
        if scope_unit is not None:
            if scope_unit not in chain:
                continue
            chain = chain[:chain.index(scope_unit) + 1]
        add(per_person.setdefault(a['person_id'], new()), a, m, start)
        add(total, a, m, start)
        for u in chain:
            add(per_unit.setdefault(u, new()), a, m, start)

rep = json.loads(read(path))
assert rep['period']['by'] == by, rep['period']
want = per_person if by == 'person' else per_unit
names = {i: p['name'] for i, p in people.items()} if by == 'person' else \
        {i: u['name'] for i, u in units.items()}
rows = rep['rows']
assert sorted(r['id'] for r in rows) == sorted(want), \
    'rows for %s, the recount has %s' % (sorted(r['id'] for r in rows), sorted(want))
for r in rows:
    w = want[r['id']]
    assert r['name'] == names[r['id']], r
    for k in KEYS:
        assert r[k] == w[k], '%s: %s = %r, the recount says %r' % (r['name'], k, r[k], w[k])
    recorded = w['invited'] - w['not_recorded']
    if recorded == 0:
        assert r['rate'] is None, (r['name'], r['rate'])
    else:
        rate = (w['present'] + w['represented']) / recorded
        assert abs(r['rate'] - rate) < 0.00005, (r['name'], r['rate'], rate)
# Lowest rate first (over the recorded invitations; none recorded last),
# then by name.
def rate_key(r):
    recorded = r['invited'] - r['not_recorded']
    return 2 if recorded == 0 else (r['present'] + r['represented']) / recorded
keys = [(rate_key(r), fold(r['name'])) for r in rows]
for a, b in zip(keys, keys[1:]):
    assert a[0] < b[0] or (a[0] == b[0] and a[1] <= b[1]), 'out of order: %r before %r' % (a, b)
# The total counts each invitation once.
t = rep['totals']
for k in KEYS:
    assert t[k] == total[k], 'total %s = %r, the recount says %r' % (k, t[k], total[k])
if by == 'person':
    for k in KEYS[1:]:
        assert t[k] == sum(r[k] for r in rows), 'total %s is not the sum of the people' % k
else:
    # Nested units overlap: the total is the distinct invitations.
    assert t['invited'] < sum(r['invited'] for r in rows) or len(rows) <= 1, t
print('%d rows, %d meetings, %d invitations, %d late'
      % (len(rows), n_meetings, t['invited'], t['late']))
EOF

# period LABEL BY FROM TO GRACE KIND UNIT [ZONE]: the JSON report against
# the recount; the days are in Asia/Jayapura, or in UTC (the system's zone
# in these tests) when ZONE is UTC.
period() {
  local label=$1 by=$2 from=$3 to=$4 grace=$5 kind=$6 unit=$7 zone=${8:-WIT} f
  local -a args=(report attendance --from "$from" --to "$to" --by "$by"
                 --grace "${grace}m" --format json)
  [ "$zone" = WIT ] && args+=(--tz Asia/Jayapura)
  [ -n "$kind" ] && args+=(--kind "$kind")
  [ -n "$unit" ] && args+=(--unit "$unit")
  f="$tmp/b/$label.json"
  run "$f" "${args[@]}" || return
  check "$label: every row = the recount, lowest rate first, the total right" \
    "$PYTHON" "$tmp/b/recount.py" "$tmp" "$tmp/b" "$f" "$by" "$from" "$to" "$grace" "$kind" \
    "$unit" "$zone" \
    && sed 's/^/    /' "$tmp/check.out"
}

# From the day of meeting 4 to that of meeting 42, both included.
period by-person person 2025-01-15 2025-05-09 10 "" ""
period by-unit unit 2025-01-15 2025-05-09 10 "" ""
period by-person-utc person 2025-01-15 2025-05-09 10 "" "" UTC
# The bounds are days in the zone: 15 January 08:00 WIT is 14 January in UTC.
check "the days of --from/--to are counted in --tz: 37 meetings in WIT, 36 in UTC" "$PYTHON" -c '
import json, sys
a, b = (json.load(open(f))["totals"]["meetings"] for f in sys.argv[1:3])
assert (a, b) == (37, 36), (a, b)
' "$tmp/b/by-person.json" "$tmp/b/by-person-utc.json"
period by-person-all person 2025-01-01 2025-12-31 0 "" ""
period by-unit-all unit 2025-01-01 2025-12-31 0 "" ""
period by-unit-divpas unit 2025-01-15 2025-05-09 10 "" DIVPAS
period by-person-divpas person 2025-01-15 2025-05-09 10 "" DIVPAS
period by-person-rakor person 2025-01-15 2025-05-09 30 rakor ""
period by-unit-rakor-kw unit 2025-02-01 2025-03-31 0 RAKOR KW

# The period's other forms: the text total row and the CSV rows agree with JSON.
run "$tmp/b/by-unit.txt" report attendance --from 2025-01-15 --to 2025-05-09 --tz Asia/Jayapura \
  --by unit --grace 10m
run "$tmp/b/by-unit.csv" report attendance --from 2025-01-15 --to 2025-05-09 --tz Asia/Jayapura \
  --by unit --grace 10m --format csv
run "$tmp/b/by-unit.html" report attendance --from 2025-01-15 --to 2025-05-09 --tz Asia/Jayapura \
  --by unit --grace 10m --format html
check "by unit: CSV rows = JSON rows, no total record; text total = JSON total; a bar per row" \
  "$PYTHON" -c '
import sys
sys.path.insert(0, sys.argv[1])
from common import *
d = sys.argv[2]
j = json.loads(read(d + "/by-unit.json"))
rows = read_csv(d + "/by-unit.csv")
head, recs = rows[0], rows[1:]
assert len(recs) == len(j["rows"]), (len(recs), len(j["rows"]))
for rec, r in zip(recs, j["rows"]):
    c = dict(zip(head, rec))
    assert int(c["id"]) == r["id"] and c["unit"] == r["name"], (c, r)
    for k in ("meetings", "invited", "present", "late", "represented", "excused", "sick", "duty",
              "absent", "not_recorded"):
        assert int(c[k]) == r[k], (k, c, r)
    assert abs(float(c["rate"]) - r["rate"]) < 0.00005
text = read(d + "/by-unit.txt")
tot = [l for l in text.split("\n") if l.startswith("Total ")]
assert len(tot) == 1, tot
t = j["totals"]
nums = tot[0].split()[1:]
assert nums[:-1] == [str(t[k]) for k in ("meetings", "invited", "present", "late", "represented",
                     "excused", "sick", "duty", "absent", "not_recorded")], (nums, t)
assert nums[-1] == "%.1f%%" % (100 * t["rate"]), (nums[-1], t["rate"])
raw, root = read_html(d + "/by-unit.html")
svg, bars = chart_bars(root)
assert len(bars) == len(j["rows"]), (len(bars), len(j["rows"]))
# A bar per row in the order of the table: its name (cut after 34
# characters), its length and colour by the rate, the rate after it.
for (label, w, fill, text), r in zip(bars, j["rows"]):
    name = r["name"] if len(r["name"]) <= 34 else r["name"][:33] + "…"
    assert label == name, (label, r["name"])
    rate = r["rate"] if r["rate"] is not None else 0
    assert abs(w - rate) < 0.002, (w, r)
    assert r["rate"] is None or fill == bar_fill(rate), (fill, r)
    assert text == ("%.1f%%" % (100 * r["rate"]) if r["rate"] is not None else "-"), (text, r)
    assert esc(r["name"]) in raw, r["name"]
# The table under the chart: a row per JSON row, in its order, then the total.
table = [t for t in root.iter("table") if (t.get("class") or "").startswith("grid")][0]
trs = table.find("tbody").findall("tr")
assert [txt(tr[0]) for tr in trs] == [r["name"] for r in j["rows"]] + ["Total"], [txt(tr[0]) for tr in trs]
assert trs[-1].get("class") == "total"
kids = [(e.get("class") or "").split()[0] for e in root.find("body") if local(e.tag) == "table"]
assert kids == ["chart", "grid"], kids
assert chart_ticks(svg) == (["0%", "25%", "50%", "75%", "100%"],) * 2, chart_ticks(svg)
' "$tmp" "$tmp/b"

# The issue: "text: aligned columns that fit 100 characters".
run "$tmp/b/by-person.txt" report attendance --from 2025-01-15 --to 2025-05-09 \
  --tz Asia/Jayapura --by person --grace 10m
check "the period text reports fit 100 columns" "$PYTHON" -c '
import sys
sys.path.insert(0, sys.argv[1])
from common import *
fits_100(read(sys.argv[2]), "by person")
fits_100(read(sys.argv[3]), "by unit")
' "$tmp" "$tmp/b/by-person.txt" "$tmp/b/by-unit.txt"

# ---------------------------------------------------------------------------
echo "# Part C: bad input"

db="$tmp/demo.db"

# bad STATUS EXCERPT DESCRIPTION ARGS...: "rapat --db DB ARGS" must exit
# with STATUS, print nothing on stdout and one line on stderr starting
# "rapat: error: " and containing EXCERPT, and leave the database as it was.
bad() {
  local want=$1 excerpt=$2 desc=$3 rc lines
  local -a why=()
  shift 3
  "$SQLITE3" "$db" .dump >"$tmp/before.sql" 2>&1
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  "$SQLITE3" "$db" .dump >"$tmp/after.sql" 2>&1
  [ "$rc" -eq "$want" ] || why+=("exit status $rc, expected $want")
  [ -s "$tmp/out" ] && why+=("stdout is not empty: $(head -c 200 "$tmp/out" | tr '\n' '|')")
  lines=$(wc -l <"$tmp/err")
  if [ "$lines" -ne 1 ] || [ -n "$(tail -c 1 "$tmp/err")" ]; then
    why+=("stderr is not one line ($lines newlines): $(head -c 300 "$tmp/err" | tr '\n' '|')")
  fi
  [ "$(head -c 14 "$tmp/err")" = "rapat: error: " ] \
    || why+=("stderr does not start with 'rapat: error: ': $(head -c 200 "$tmp/err")")
  grep -F -q -e "$excerpt" "$tmp/err" \
    || why+=("stderr does not contain '$excerpt': $(head -c 300 "$tmp/err")")
  cmp -s "$tmp/before.sql" "$tmp/after.sql" || why+=("the database changed")
  if [ ${#why[@]} -eq 0 ]; then
    pass "$desc"
  else
    fail "$desc" "${why[@]}"
  fi
}

bad 2 "--by" "--meeting with --by" report attendance --meeting 1 --by unit
bad 2 "--from" "--meeting with --from" report attendance --meeting 1 --from 2025-09-01
bad 2 "'docx'" "--format docx" report attendance --meeting 1 --format docx
bad 2 "'docx'" "--format docx, period" \
  report attendance --from 2025-09-01 --to 2025-09-30 --format docx
bad 2 "'csv'" "signin --format csv" report signin --meeting 1 --format csv
bad 2 "'-5m'" "--grace -5m" report attendance --meeting 1 --grace -5m
bad 2 "'10x'" "--grace 10x" report attendance --meeting 1 --grace 10x
bad 2 "'2025-02-30'" "--from 2025-02-30" report attendance --from 2025-02-30 --to 2025-03-31
bad 2 "'2025-13-01'" "--to 2025-13-01" report attendance --from 2025-09-01 --to 2025-13-01
bad 1 "'2025-09-01'" "--to before --from" report attendance --from 2025-09-30 --to 2025-09-01
bad 2 "'team'" "--by team" report attendance --from 2025-09-01 --to 2025-09-30 --by team
bad 1 "'NOPE'" "--unit NOPE" report attendance --from 2025-09-01 --to 2025-09-30 --unit NOPE
bad 2 "'Mars/Base'" "--tz Mars/Base" \
  report attendance --from 2025-09-01 --to 2025-09-30 --tz Mars/Base
bad 1 "'99'" "--meeting 99" report attendance --meeting 99
bad 2 "'abc'" "--blank abc" report signin --meeting 1 --blank abc
bad 2 "'-1'" "--blank -1" report signin --meeting 1 --blank -1
bad 2 "'501'" "--blank 501" report signin --meeting 1 --blank 501
bad 2 "'fr'" "--lang fr" report signin --meeting 1 --lang fr
bad 1 "'99'" "signin --meeting 99" report signin --meeting 99
bad 2 "--meeting" "signin without --meeting" report signin
bad 1 "$tmp/no-such-folder" "-o into a missing folder" \
  report attendance --meeting 1 -o "$tmp/no-such-folder/r.txt"
[ -e "$tmp/no-such-folder" ] && fail "-o into a missing folder created it"

# ---------------------------------------------------------------------------
echo "# Part D: issue 12 -- attendance never taken; a cancelled meeting's sheet"

# Four rakor in September 2025 (WIT), four people:
#   1 Rapat satu           Ketua present (08:55), Anggota absent
#   2 Rapat dua            Ketua present (09:10, late), Anggota and Belum not recorded
#   3 Rapat tanpa absensi  Ketua, Anggota and Hanya invited; nobody recorded
#   4 Rapat batal          everyone invited; cancelled with a reason
# Ketua was present at every meeting whose attendance was taken: 100%, not
# 2 of 3.  Belum's one invitation is not recorded: no rate, last.  Hanya is
# invited to meeting 3 alone: no row.  Meeting 3 is listed apart and counts
# in no figure, total or "meetings" count.
db="$tmp/issue12.db"
mkdir -p "$tmp/d"
setup unit add "Kantor Wilayah" --code KW
setup unit add "Bagian Umum" --code UMUM --parent KW
setup person add "Ketua Rapat" --position "Kepala Kantor" --unit KW
setup person add "Anggota Satu" --position "Staf" --unit UMUM
setup person add "Belum Dicatat" --position "Staf" --unit UMUM
setup person add "Hanya Sekali" --position "Staf" --unit UMUM
for t in "Rapat satu|2025-09-02" "Rapat dua|2025-09-09" "Rapat tanpa absensi|2025-09-16" \
         "Rapat batal|2025-09-23"; do
  setup meeting add "${t%|*}" --start "${t#*|} 09:00" --duration 2h --tz Asia/Jayapura \
    --location "Aula Kanwil" --kind rakor
done
setup attendee add 1 1 2
setup attendee add 2 1 2 3
setup attendee add 3 1 2 4
setup attendee add 4 1 2 3 4
setup attendee mark 1 1 present --at 08:55
setup attendee mark 1 2 absent
setup attendee mark 2 1 present --at 09:10
setup meeting cancel 4 --reason "Ditunda: kapal tidak berlayar"

period_args=(report attendance --from 2025-09-01 --to 2025-09-30 --tz Asia/Jayapura)
# The uid of a meeting is random: the golden JSON holds "…" instead.
if run "$tmp/d/person.txt" "${period_args[@]}" \
   && run "$tmp/d/unit.txt" "${period_args[@]}" --by unit \
   && run "$tmp/d/person.csv" "${period_args[@]}" --format csv \
   && run "$tmp/d/person.raw.json" "${period_args[@]}" --format json \
   && run "$tmp/d/umum.json" "${period_args[@]}" --unit UMUM --by unit --format json \
   && run "$tmp/d/person.html" "${period_args[@]}" --format html \
   && run "$tmp/d/unit.html" "${period_args[@]}" --by unit --format html \
   && run "$tmp/d/meeting-2.txt" report attendance --meeting 2 \
   && run "$tmp/d/meeting-3.txt" report attendance --meeting 3 \
   && run "$tmp/d/meeting-3.json" report attendance --meeting 3 --format json; then
  sed 's/"uid": "[^"]*"/"uid": "…"/' "$tmp/d/person.raw.json" >"$tmp/d/person.json"
  golden issue12-period-person.txt "$tmp/d/person.txt" \
    "a meeting never recorded is listed apart and counted nowhere (text, by person)"
  golden issue12-period-unit.txt "$tmp/d/unit.txt" \
    "by unit: the roll-up leaves the unrecorded meeting out (text)"
  golden issue12-period-person.json "$tmp/d/person.json" \
    "JSON: rates over recorded invitations, null without any, meetings_unrecorded"
  golden issue12-period-person.csv "$tmp/d/person.csv" \
    "CSV: not_recorded beside the rate; no rate is an empty cell"
  # The HTML as read: the title, the chart, the table, the notes, the list
  # (a golden of the reading, not of the markup and its style).
  if "$PYTHON" -c 'import sys; sys.path.insert(0, sys.argv[1]); from common import *
sys.stdout.write(html_reading(sys.argv[2]))' "$tmp" "$tmp/d/unit.html" >"$tmp/d/unit-html.txt"; then
    golden issue12-period-unit-html.txt "$tmp/d/unit-html.txt" \
      "HTML by unit: the chart above the table, the notes and the unrecorded meeting, read"
  else
    fail "HTML by unit: read" "$(head -c 300 "$tmp/d/unit-html.txt")"
  fi
  golden issue12-meeting-2.txt "$tmp/d/meeting-2.txt" \
    "one meeting, partly recorded: the rate over the 1 invitation recorded"
  golden issue12-meeting-3.txt "$tmp/d/meeting-3.txt" \
    "one meeting, nothing recorded: the rate is -, not 0%"
  check "issue 12 reports: the figures, read back (JSON, CSV, HTML)" "$PYTHON" -c '
import sys
sys.path.insert(0, sys.argv[1])
from common import *
d = sys.argv[2]
j = json.loads(read(d + "/person.raw.json"))
rows = {r["name"]: r for r in j["rows"]}
assert [r["name"] for r in j["rows"]] == ["Anggota Satu", "Ketua Rapat", "Belum Dicatat"], \
    [r["name"] for r in j["rows"]]
k = rows["Ketua Rapat"]
assert (k["meetings"], k["invited"], k["present"], k["rate"]) == (2, 2, 2, 1.0), k
b = rows["Belum Dicatat"]
assert (b["invited"], b["not_recorded"], b["rate"]) == (1, 1, None), b
assert "Hanya Sekali" not in rows
t = j["totals"]
assert (t["meetings"], t["invited"], t["not_recorded"]) == (2, 5, 2), t
assert abs(t["rate"] - 2 / 3) < 0.00005, t
u = j["meetings_unrecorded"]
assert [(m["title"], m["start"], m["invited"]) for m in u] == \
    [("Rapat tanpa absensi", "2025-09-16T09:00:00+09:00", 3)], u
# Within UMUM: Anggota (and Hanya) were invited to meeting 3: still listed.
w = json.loads(read(d + "/umum.json"))
assert [m["title"] for m in w["meetings_unrecorded"]] == ["Rapat tanpa absensi"], w
assert [(r["name"], r["meetings"]) for r in w["rows"]] == [("Bagian Umum", 2)], w["rows"]
recs = read_csv(d + "/person.csv")
head = recs[0]
assert head[-2:] == ["not_recorded", "rate"], head
by = {r[1]: dict(zip(head, r)) for r in recs[1:]}
assert by["Ketua Rapat"]["rate"] == "1.0000" and by["Belum Dicatat"]["rate"] == "", by
raw, root = read_html(d + "/person.html")
items = [txt(td) for t in root.iter("table") if t.get("class") == "list" for td in t.iter("td")]
assert items == ["1.", "Tue 16 Sep 2025, 09:00–11:00 WIT · Rapat tanpa absensi"], items
# The chart: Anggota red at 0 (no bar), Ketua green at 100%, Belum Dicatat
# without a rate (no bar, "-").
svg, bars = chart_bars(root)
assert bars == [("Anggota Satu", 0.0, "#b03a2e", "0.0%"), ("Ketua Rapat", 1.0, "#3a7d44", "100.0%"),
                ("Belum Dicatat", 0.0, "#b03a2e", "-")], bars
assert svg.get("role") == "img" and svg.get("aria-label") == "Attendance rate per row", svg.attrib
assert "<text x=\"224\" y=\"14\" text-anchor=\"end\">Ketua Rapat</text>\n<rect x=\"230\" y=\"3\" " \
       "width=\"360\" height=\"14\" fill=\"#3a7d44\"/><text x=\"594\" y=\"14\">100.0%</text>" in raw
m3 = json.loads(read(d + "/meeting-3.json"))
assert m3["totals"]["rate"] is None and m3["totals"]["not_recorded"] == 3, m3["totals"]
' "$tmp" "$tmp/d"
fi

# The sign-in sheet of a cancelled meeting: refused (one line, exit 1, the
# database byte for byte as it was) ...
sum_before=$(sha256sum <"$db")
bad 1 "'Rapat batal': it is cancelled; use --force" "signin of a cancelled meeting is refused" \
  report signin --meeting 4
[ "$(sha256sum <"$db")" = "$sum_before" ] && pass "the refusal leaves the database file as it was" \
  || fail "the refusal changed the database file"
# ... or, with --force, marked on every page, in the sheet's language.
if run "$tmp/d/batal-id.html" report signin --meeting 4 --force \
   && run "$tmp/d/batal-en.html" report signin --meeting 4 --force --lang en \
   && run "$tmp/d/satu.html" report signin --meeting 1 --force; then
  check "signin --force: a banner with the reason and a watermark on every page" "$PYTHON" -c '
import sys
sys.path.insert(0, sys.argv[1])
from common import *
d = sys.argv[2]
# The banner is the line of the PDF sheet (one layout writes both).
for lang, mark, banner in [("id", "DIBATALKAN", "DIBATALKAN — alasan: "),
                           ("en", "CANCELLED", "CANCELLED — reason: ")]:
    raw, root = read_html(d + "/batal-%s.html" % lang)
    assert root.get("lang") == lang, root.get("lang")
    marks = [e for e in root.iter("div") if e.get("class") == "watermark"]
    assert len(marks) == 1 and txt(marks[0]) == mark, [txt(e) for e in marks]
    p = [e for e in root.iter("p") if (e.get("class") or "").startswith("banner")]
    assert len(p) == 1 and txt(p[0]) == banner + "Ditunda: kapal tidak berlayar", \
        [txt(e) for e in p]
    style = "".join(txt(s) for s in root.iter("style"))
    # position: fixed repeats an element on every printed page.
    assert re.search(r"div\.watermark\{[^}]*position:fixed", style), style
    rows = [t for t in root.iter("table") if (t.get("class") or "").startswith("grid")][0].find("tbody")
    assert len(rows.findall("tr")) == 4 + 5
# A meeting that takes place: no mark, --force or not.
raw, root = read_html(d + "/satu.html")
assert "watermark\"" not in raw and "DIBATALKAN" not in raw and "class=\"banner" not in raw
' "$tmp" "$tmp/d"
fi

echo "# Part E: issue 14 -- an overnight meeting reads the same everywhere"

# A meeting from 19:00 on Tuesday to 12:00 on Wednesday (WIT) gives both
# dates in 'meeting show', in the attendance report (text and HTML) and on
# the sign-in sheet (both languages); the reports once gave one date and
# "19:00–12:00", which reads as a meeting that ends before it starts.
db="$tmp/overnight.db"
mkdir -p "$tmp/e"
setup person add "Jaga Malam" --position "Petugas"
setup meeting add "Siaga malam" --start "2025-09-02 19:00" --end "2025-09-03 12:00" \
  --tz Asia/Jayapura --location "Pos jaga"
setup attendee add 1 1
want="Tue 2 Sep 2025 19:00 – Wed 3 Sep 2025 12:00 WIT"
if run "$tmp/e/show.txt" meeting show 1 && run "$tmp/e/att.txt" report attendance --meeting 1 \
   && run "$tmp/e/att.html" report attendance --meeting 1 --format html \
   && run "$tmp/e/id.html" report signin --meeting 1 \
   && run "$tmp/e/en.html" report signin --meeting 1 --lang en; then
  check "an overnight meeting: both dates in show, the reports and the sign-in sheet" \
    "$PYTHON" -c '
import sys
sys.path.insert(0, sys.argv[1])
from common import *
d, want = sys.argv[2], sys.argv[3]
show = read(d + "/show.txt")
assert "  When:        " + want + "\n" in show, show
att = read(d + "/att.txt").split("\n")
assert att[1] == want + " · Pos jaga", att[1]
# The printable report of a meeting in WIT speaks Indonesian, whatever the locale.
for name, date, time in [
        ("att", "Selasa, 2 September 2025 – Rabu, 3 September 2025", "19.00 – 12.00 WIT"),
        ("id", "Selasa, 2 September 2025 – Rabu, 3 September 2025", "19.00 – 12.00 WIT"),
        ("en", "Tuesday 2 September 2025 – Wednesday 3 September 2025", "19:00 – 12:00 WIT")]:
    raw, root = read_html(d + "/%s.html" % name)
    table = [t for t in root.iter("table") if (t.get("class") or "").startswith("fields")][0]
    rows = [[txt(c) for c in tr.findall("td")] for tr in table.iter("tr")]
    assert rows[0][1:] == [":", date] and rows[1][1:] == [":", time], (name, rows)
' "$tmp" "$tmp/e" "$want"
fi

echo "reports: $n_pass passed, $n_fail failed"
[ "$n_fail" -eq 0 ]
