#!/bin/bash
# rapat CLI tests: the printed papers of a meeting (issue 15) -- the
# letterhead settings, 'report invitation', 'report programme' and
# 'report actions --format html'.
#
# Part A, on 'rapat demo' with a letterhead: the Rakernis' invitation (id and
# en), programme and actions matrix equal golden-papers/* (the generator line,
# which names the version, left out), parse with html5lib in strict mode (a
# parser rapat did not write), and say what the meeting holds: the day, the
# time in WIT, the place, the agenda without breaks, the 21 invitees but the
# signer on an attached list, the signer, the logo as a data: URI.
# Part B, escaping: a meeting, people, agenda, letterhead and options full of
# <script>, & and quotes: the pages still parse, hold no element rapat did
# not write, and give every value back as it was typed.
# Part C, refusals: a bad logo or --lang, a cancelled meeting, an unknown
# signer: one line on stderr, nothing on stdout, the database unchanged; a
# logo gone after it was set prints the paper without it, with a warning.
# Part D, small meetings and other zones: few invitees are addressed by
# position under "Yth." with no attachment; a meeting in Europe/Amsterdam
# gets English papers; parallel sessions are marked with their rooms.
#
#   tests/cli/papers.sh              run the checks
#   UPDATE=1 tests/cli/papers.sh     rewrite golden-papers/* (read the diff)
#
# Environment (set by 'make check'): RAPAT, SRCDIR, SQLITE3; PYTHON.

set -u
. "$(dirname "$0")/lib.sh"

here=$(cd "$(dirname "$0")" && pwd)
SRCDIR=${SRCDIR:-$(cd "$here/../.." && pwd)}
golden_dir="$SRCDIR/tests/cli/golden-papers"
PYTHON=${PYTHON:-/usr/bin/python3}
cli_setup
if [ -z "$PYTHON" ] || ! "$PYTHON" -c 'import html5lib' 2>/dev/null; then
  echo "papers.sh: python3 with html5lib is needed (apt-get install python3-html5lib)" >&2
  exit 1
fi

# refused DESCRIPTION ARGS...: rapat on $db must exit 1 (or $want, when
# set: 2 for a usage error) with one line on stderr starting "rapat: error: ",
# nothing on stdout, the database unchanged.
refused() {
  local desc=$1 rc
  shift
  "$SQLITE3" "$db" .dump >"$tmp/before.sql"
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/ref.out" 2>"$tmp/ref.err"
  rc=$?
  "$SQLITE3" "$db" .dump >"$tmp/after.sql"
  if [ "$rc" -ne "${want:-1}" ] || [ -s "$tmp/ref.out" ] || [ "$(wc -l <"$tmp/ref.err")" -ne 1 ] \
     || ! grep -q '^rapat: error: ' "$tmp/ref.err" || ! cmp -s "$tmp/before.sql" "$tmp/after.sql"; then
    fail "$desc" "exit $rc" "$(head -c 300 "$tmp/ref.err")" "$(head -c 200 "$tmp/ref.out")"
  else
    pass "$desc: $(cat "$tmp/ref.err")"
  fi
}

# golden NAME FILE: FILE, without its generator line, equals golden-papers/NAME.
golden() {
  local name=$1 g="$golden_dir/$1"
  grep -v '<meta name="generator"' "$2" >"$tmp/golden.cmp"
  if [ "${UPDATE:-0}" = 1 ]; then
    mkdir -p "$golden_dir"
    cp "$tmp/golden.cmp" "$g" && pass "UPDATED $g (check it by hand)"
  elif [ ! -f "$g" ]; then
    fail "golden $name" "$g is missing (run with UPDATE=1, then check it by hand)"
  elif diff -u --label "$name (expected)" --label "(actual)" "$g" "$tmp/golden.cmp" >"$tmp/golden.diff"; then
    pass "$name equals golden-papers/$name"
  else
    local -a lines
    mapfile -t lines < <(head -n 40 "$tmp/golden.diff")
    fail "golden $name" "${lines[@]}"
  fi
}

cat >"$tmp/common.py" <<'PY'
import base64, sys
import html5lib

def read(path):
    with open(path, encoding='utf-8', newline='') as f:
        return f.read()

def parse(path):
    """Parses strictly with html5lib: any parse error raises."""
    raw = read(path)
    p = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return raw, p.parse(raw)

def txt(e):
    """The text of @e, pieces joined by one space."""
    return ' '.join(' '.join(t.strip() for t in e.itertext() if t.strip()).split())

def only_known_elements(root, path):
    """No element rapat does not write, no script, no event attribute, and
    the only source an image has is a data: URI."""
    # colgroup, col, b and footer: the invitation, the programme and the
    # matrix, written from their layout (exports/layout-html.c).
    known = {'html', 'head', 'meta', 'title', 'style', 'body', 'table', 'thead', 'tbody', 'tr',
             'th', 'td', 'div', 'p', 'h1', 'ol', 'li', 'img', 'br', 'colgroup', 'col', 'b',
             'footer'}
    for e in root.iter():
        assert e.tag in known, (path, e.tag)
        for k, v in e.attrib.items():
            assert not k.startswith('on'), (path, e.tag, k)
            assert k != 'href', (path, e.tag, k)
            if k == 'src':
                assert e.tag == 'img' and v.startswith('data:image/'), (path, v[:40])

def by_class(root, tag, cls):
    return [e for e in root.iter(tag) if cls in (e.get('class') or '').split()]

def fields(table):
    """The rows of a label : value table as (label, value)."""
    out = []
    for tr in table.iter('tr'):
        tds = tr.findall('td')
        if len(tds) == 3:
            out.append((txt(tds[0]), txt(tds[2])))
    return out
PY

# ---------------------------------------------------------------------------
echo "# Part A: the demo meeting's papers"

db="$tmp/demo.db"
setup demo
setup config set letterhead.ministry "Kementerian Imigrasi dan Pemasyarakatan Republik Indonesia"
setup config set letterhead.office "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku"
setup config set letterhead.address "Jalan Dr. Kayadoe, Kudamati, Nusaniwe, Ambon 97116"
setup config set letterhead.contact "Telepon (0911) 352 005 · Laman maluku.kemenimipas.go.id"
setup config set letterhead.city Ambon
cp "$SRCDIR/tests/cli/data/logo.svg" "$tmp/logo.svg"
setup config set letterhead.logo "$tmp/logo.svg"
mkdir -p "$tmp/a"

if run "$tmp/a/inv.html" report invitation 1 --number W.27-UM.01.01-412 \
   && run "$tmp/a/inv-en.html" report invitation 1 --lang en --nature Urgent \
   && run "$tmp/a/prog.html" report programme 1; then
  golden demo-invitation.html "$tmp/a/inv.html"
  golden demo-invitation-en.html "$tmp/a/inv-en.html"
  golden demo-programme.html "$tmp/a/prog.html"
  check "the invitation: strict HTML5, the meeting's day, time, place, agenda, invitees, signer, logo" \
    "$PYTHON" - "$tmp" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from common import *
d = sys.argv[1] + '/a/'
raw, root = parse(d + 'inv.html')
only_known_elements(root, 'inv.html')
assert root.get('lang') == 'id'
kop = by_class(root, 'table', 'kop')[0]
assert 'Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku' in txt(kop), txt(kop)
img = kop.find('.//img')
assert base64.b64decode(img.get('src').split(',', 1)[1]) == open(sys.argv[1] + '/logo.svg', 'rb').read()
assert by_class(root, 'div', 'rule'), 'the rule under the kop surat'
# The letter as its layout writes it (the PDF's): the date line on the
# right, the head fields, "Yth." and the addressee, the body's fields with
# the agenda as numbered items, the closing sentence kept with the
# signature, the attached list on a page of its own, signed as well.
assert txt(by_class(root, 'p', 'r')[0]) == 'Ambon, 2 September 2025'
tables = by_class(root, 'table', 'fields')
head = fields(tables[0])
assert head == [('Nomor', 'W.27-UM.01.01-412'), ('Sifat', 'Biasa'), ('Lampiran', '1 (satu) berkas'),
                ('Perihal', 'Undangan Rapat Kerja Teknis Pemasyarakatan Maluku 2025')], head
body = root.find('body')
ps = [txt(p) for p in body.findall('p')]
at = ps.index('Yth.')
assert ps[at:at + 4] == ['Yth.', 'Bapak/Ibu (daftar terlampir)', 'di', 'Tempat'], ps
f = dict(fields(tables[1]))
assert f['Hari/tanggal'] == 'Selasa, 2 September 2025', f
assert f['Waktu'] == '09.00–16.00 WIT', f
assert f['Tempat'] == 'Aula Rutan Kelas IIA Ambon', f
items = [[txt(td) for td in tr.findall('td')][2:] for tr in tables[1].iter('tr')
         if len(tr.findall('td')) == 4]
assert len(items) == 8 and items[0] == ['1.', 'Pembukaan dan laporan panitia'] \
    and not [i for i in items if i[1] in ('Rehat kopi', 'Ishoma')], items
signs = by_class(root, 'div', 'sign')
assert len(signs) == 2, 'the letter and the attached list are signed'
for sign in signs:
    assert txt(sign) == 'Kepala Bagian Tata Usaha dan Umum, Maria Wattimena', txt(sign)
assert by_class(root, 'div', 'signatures')[0].get('class') == 'signatures one'
kids = list(body)
closing = [e for e in kids if e.tag == 'p' and txt(e).startswith('Mengingat pentingnya')][0]
assert 'keep' in closing.get('class').split() \
    and 'signatures' in kids[kids.index(closing) + 1].get('class'), \
    'the closing sentence and the signature are kept together'
att = by_class(root, 'p', 'new-page')
assert [txt(p) for p in att] == ['Lampiran Surat Undangan'], 'the list starts a page'
rows = by_class(root, 'table', 'grid')[0].findall('.//tbody/tr')
names = [txt(r.findall('td')[1]) for r in rows]
assert len(rows) == 21 and 'Maria Wattimena' not in names and names[0] == 'Ricky Dwi Biantoro', names
assert [txt(r.findall('td')[0]) for r in rows] == [str(i) for i in range(1, 22)]
assert dict(fields(tables[2]))['Tanggal'] == '2 September 2025'

raw, root = parse(d + 'inv-en.html')
only_known_elements(root, 'inv-en.html')
assert root.get('lang') == 'en'
head = fields(by_class(root, 'table', 'fields')[0])
assert head[1] == ('Classification', 'Urgent') and head[0][1].startswith('....'), head
f = dict(fields(by_class(root, 'table', 'fields')[1]))
assert f['Date'] == 'Tuesday 2 September 2025' and f['Time'] == '09:00–16:00 WIT', f
PY
  run "$tmp/a/inv-name.html" report invitation 1 --order name
  check "report invitation --order name: the attached list by name, the same 21 invitees" \
    "$PYTHON" - "$tmp" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from common import *
def names(path):
    raw, root = parse(path)
    return [txt(r.findall('td')[1]) for r in by_class(root, 'table', 'grid')[0].findall('.//tbody/tr')]
by_role, by_name = names(sys.argv[1] + '/a/inv.html'), names(sys.argv[1] + '/a/inv-name.html')
assert by_name == sorted(by_role, key=str.casefold) and by_name != by_role, by_name
PY
  check "the programme: strict HTML5, a row per item with its WIT times and presenter, breaks set apart" \
    "$PYTHON" - "$tmp" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from common import *
raw, root = parse(sys.argv[1] + '/a/prog.html')
only_known_elements(root, 'prog.html')
assert txt(root.find('.//h1')) == 'SUSUNAN ACARA'
heads = [txt(th) for th in root.iter('th')]
assert heads == ['No.', 'Waktu (WIT)', 'Acara', 'Penyaji / Pelaksana'], heads
rows = [[txt(td) for td in tr.findall('td')] for tr in by_class(root, 'table', 'grid')[0].findall('.//tbody/tr')]
assert len(rows) == 10, rows
assert rows[0] == ['1', '09.00–09.15', 'Pembukaan dan laporan panitia', 'Maria Wattimena'], rows[0]
assert rows[3] == ['4', '10.45–11.00', 'Rehat kopi'], rows[3]
assert rows[9] == ['10', '15.45–16.00', 'Kesimpulan dan penutupan', 'Ricky Dwi Biantoro'], rows[9]
assert len(by_class(root, 'tr', 'quiet')) == 2
PY
fi

if run "$tmp/a/actions.html" report actions --meeting 1 --format html --as-of 2025-10-15 \
   && run "$tmp/a/actions-en.html" report actions --format html --by unit --as-of 2025-10-15 --lang en; then
  golden demo-actions.html "$tmp/a/actions.html"
  check "the actions matrix: strict HTML5, a row per action with owner, due day, status, overdue" \
    "$PYTHON" - "$tmp" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from common import *
raw, root = parse(sys.argv[1] + '/a/actions.html')
only_known_elements(root, 'actions.html')
assert root.get('lang') == 'id' and txt(root.find('.//h1')) == 'MATRIKS TINDAK LANJUT'
assert [txt(p) for p in by_class(root, 'div', 'title')[0].findall('p')] == \
    ['Rapat Kerja Teknis Pemasyarakatan Maluku 2025', 'Keadaan per 15 Oktober 2025']
heads = [txt(th) for th in root.iter('th')]
assert heads == ['No.', 'Uraian tindak lanjut', 'Penanggung jawab', 'Batas waktu', 'Status'], heads
rows = [[txt(td) for td in tr.findall('td')] for tr in by_class(root, 'table', 'grid')[0].findall('.//tbody/tr')]
assert len(rows) == 7 and [r[0] for r in rows] == [str(i) for i in range(1, 8)], rows
assert rows[3][1].startswith('Razia gabungan') and rows[3][3] == '10 Oktober 2025' \
    and rows[3][4] == 'Dalam proses (60%) lewat batas waktu', rows[3]
assert rows[4][4] == 'Dalam proses (40%)' and rows[0][4] == 'Selesai', rows
assert rows[6][2] == 'Lapas Kelas IIA Ambon' and rows[6][4] == 'Belum dilaksanakan', rows[6]
raw, root = parse(sys.argv[1] + '/a/actions-en.html')
groups = [txt(tr) for tr in by_class(root, 'tr', 'group')]
assert groups == ['Kantor Wilayah Ditjen Pemasyarakatan Maluku', 'Lapas Kelas IIA Ambon'], groups
assert txt(root.find('.//h1')) == 'ACTION MATRIX'
PY
fi

# ---------------------------------------------------------------------------
echo "# Part B: every value escaped"

db="$tmp/esc.db"
evil='<script>alert("x")</script> & '"'"'q'"'"' <img src=x onerror=y>'
setup init
setup config set letterhead.office "Kantor $evil"
setup config set letterhead.city "Kota $evil"
setup person add "Ketua $evil" --position "Kepala $evil"
setup person add "Anggota $evil" --position "Staf $evil"
setup meeting add "Rapat $evil" --start "2025-10-01 09:00" --duration 2h --tz Asia/Makassar \
  --location "Ruang $evil" --organizer 1
setup attendee add 1 1 --role chair
setup attendee add 1 2
setup agenda add 1 "Pembahasan $evil" --duration 1h --presenter 2
setup agenda add 1 "Sesi paralel $evil" --duration 1h
setup issue add "Isu $evil"
setup action add "Tindak $evil" --owner 2 --meeting 1 --issue 1 --due 2025-10-30
mkdir -p "$tmp/b"
if run "$tmp/b/inv.html" report invitation 1 --number "N $evil" --nature "S $evil" --subject "P $evil" \
   && run "$tmp/b/prog.html" report programme 1 && run "$tmp/b/inv2.html" report invitation 1 --signer 2 \
   && run "$tmp/b/act.html" report actions --format html --meeting 1 --by issue; then
  check "user values with <script>, & and quotes: strict HTML5, no foreign element, given back verbatim" \
    "$PYTHON" - "$tmp" "$evil" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from common import *
evil = sys.argv[2]
for name in ('inv.html', 'prog.html', 'inv2.html', 'act.html'):
    raw, root = parse(sys.argv[1] + '/b/' + name)
    only_known_elements(root, name)
    assert '<script' not in raw and '<img src=x' not in raw, name
    text = txt(root.find('body'))
    want = ['Kantor ' + evil, 'Rapat ' + evil]
    if name != 'act.html':
        want += ['Ruang ' + evil, 'Pembahasan ' + evil]
    else:
        want += ['Tindak ' + evil, 'Isu ' + evil, 'Anggota ' + evil]
    if name == 'inv.html':
        want += ['Kota ' + evil, 'N ' + evil, 'S ' + evil, 'P ' + evil, 'Staf ' + evil, 'Ketua ' + evil,
                 'Kepala ' + evil + ',']
    if name == 'inv2.html':
        want += ['Kepala ' + evil, 'Anggota ' + evil, 'Staf ' + evil + ',']
    if name == 'prog.html':
        want += ['Anggota ' + evil]
    for w in want:
        assert ' '.join(w.split()) in text, (name, w, text)
    assert txt(root.find('head/title')) != '', name
raw, root = parse(sys.argv[1] + '/b/inv.html')
assert root.get('lang') == 'id'
ps = [txt(p) for p in root.find('body').findall('p')]
assert ps[ps.index('Yth.') + 1] == 'Staf ' + ' '.join(evil.split()), ps
assert not by_class(root, 'p', 'new-page'), 'one invitee: no attachment'
assert dict(fields(by_class(root, 'table', 'fields')[0]))['Lampiran'] == '-'
PY
fi

# ---------------------------------------------------------------------------
echo "# Part C: refusals"

db="$tmp/demo.db"
printf 'not an image\n' >"$tmp/notes.txt"
head -c 600000 /dev/zero | tr '\0' 'x' | sed '1s/^/<svg>/' >"$tmp/big.svg"
"$PYTHON" - "$tmp" <<'PY'
import struct, sys, zlib
def png(path, w, h):
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    raw = b''.join(b'\0' + b'\x80\x20\x20' * w for _ in range(h))
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
png(sys.argv[1] + '/logo.png', 4, 4)
png(sys.argv[1] + '/wide.png', 5000, 1)
PY
refused "a PNG logo 5000 pixels wide" config set letterhead.logo "$tmp/wide.png"
setup config set letterhead.logo "$tmp/logo.png"
if run "$tmp/png.html" report programme 1 && grep -q '<img src="data:image/png;base64,' "$tmp/png.html"; then
  pass "a PNG logo is embedded as data:image/png"
else
  fail "a PNG logo is embedded as data:image/png"
fi
setup config set letterhead.logo "$tmp/logo.svg"
refused "a logo that is not an image" config set letterhead.logo "$tmp/notes.txt"
refused "a logo that does not exist" config set letterhead.logo "$tmp/none.png"
want=2 refused "report invitation --order of a word it does not know" report invitation 1 --order pangkat
refused "a logo over 512 KiB" config set letterhead.logo "$tmp/big.svg"
refused "a logo that is a folder" config set letterhead.logo "$tmp"
refused "a letterhead line of two lines" config set letterhead.office "$(printf 'a\nb')"
want=2 refused "an unknown letterhead key" config set letterhead.motto x
want=2 refused "--lang xx" report invitation 1 --lang xx
refused "an unknown signer" report invitation 1 --signer "Nobody Here"
refused "an empty --number" report invitation 1 --number ""
refused "an unknown meeting" report programme 99
want=2 refused "a --date that does not exist" report invitation 1 --date 2025-02-30
"$RAPAT" --db "$db" report invitation 1 --date 2025-08-25 >"$tmp/dated.html" 2>"$tmp/dated.err" \
  && [ ! -s "$tmp/dated.err" ] && grep -q '>Ambon, 25 Agustus 2025<' "$tmp/dated.html" \
  && "$RAPAT" --db "$db" report invitation 1 --date 2025-09-03 >"$tmp/late.html" 2>"$tmp/late.err" \
  && [ "$(cat "$tmp/late.err")" = "rapat: warning: The letter is dated 2025-09-03, after the meeting's day 2025-09-02; use --date to date it before." ] \
  && pass "--date dates the letter; a letter dated after the meeting is printed with a warning" \
  || fail "--date" "$(cat "$tmp/dated.err" "$tmp/late.err")"
setup meeting add "Batal" --start "2025-11-01 09:00" --duration 1h --tz Asia/Jayapura
setup meeting cancel 2
refused "the invitation of a cancelled meeting" report invitation 2
refused "the programme of a cancelled meeting" report programme 2
rm "$tmp/logo.svg"
"$RAPAT" --db "$db" report programme 1 >"$tmp/nologo.html" 2>"$tmp/nologo.err"
rc=$?
if [ "$rc" -eq 0 ] && grep -q "printed without its logo" "$tmp/nologo.err" \
   && ! grep -q '<img' "$tmp/nologo.html" && grep -q 'SUSUNAN ACARA' "$tmp/nologo.html"; then
  pass "a logo gone since it was set: the paper without it, and a warning"
else
  fail "a logo gone since it was set" "exit $rc" "$(cat "$tmp/nologo.err")"
fi

# ---------------------------------------------------------------------------
echo "# Part D: other zones, parallel sessions"

db="$tmp/nl.db"
setup init
setup person add "Jan de Vries" --position "Director"
setup person add "Anna Jansen" --position "Adviser"
setup meeting add "Board meeting" --start "2025-10-24 09:00" --duration 3h --tz Europe/Amsterdam \
  --location "Boardroom" --organizer 1
setup attendee add 1 1 2
setup agenda add 1 "Opening" --duration 30m --type opening
setup agenda add 1 "Workshop A" --duration 1h --room "Room A" --presenter 2
setup agenda add 1 "Workshop B" --duration 1h --room "Room B" --parallel-with 2
mkdir -p "$tmp/d"
if run "$tmp/d/inv.html" report invitation 1 && run "$tmp/d/prog.html" report programme 1 \
   && run "$tmp/d/prog-id.html" report programme 1 --lang id; then
  check "a meeting in Europe/Amsterdam: English papers; parallel sessions marked, with their rooms" \
    "$PYTHON" - "$tmp" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from common import *
d = sys.argv[1] + '/d/'
raw, root = parse(d + 'inv.html')
assert root.get('lang') == 'en' and not by_class(root, 'table', 'kop')
ps = [txt(p) for p in root.find('body').findall('p')]
assert ps[ps.index('To:') + 1] == 'Adviser' and 'di' not in ps, ps
f = dict(fields(by_class(root, 'table', 'fields')[1]))
assert f['Date'] == 'Friday 24 October 2025' and f['Time'] == '09:00–12:00 CEST', f
raw, root = parse(d + 'prog.html')
heads = [txt(th) for th in root.iter('th')]
assert heads == ['No.', 'Time (CEST)', 'Agenda', 'Presenter', 'Room'], heads
rows = [[txt(td) for td in tr.findall('td')] for tr in by_class(root, 'table', 'grid')[0].findall('.//tbody/tr')]
assert rows[0] == ['1', '09:00–09:30', 'Opening', '', 'Boardroom'], rows
assert rows[1] == ['2', '09:30–10:30', 'Workshop A (parallel session)', 'Anna Jansen', 'Room A'], rows
assert rows[2] == ['3', '09:30–10:30', 'Workshop B (parallel session)', '', 'Room B'], rows
raw, root = parse(d + 'prog-id.html')
assert root.get('lang') == 'id' and [txt(th) for th in root.iter('th')][1] == 'Waktu (CEST)'
PY
fi

db="$tmp/night.db"
setup init
setup meeting add "Rakor dua hari" --start "2025-09-02 20:00" --duration 14h --tz Asia/Makassar
setup agenda add 1 "Malam" --duration 5h
setup agenda add 1 "Pagi" --duration 1h
if run "$tmp/d/night.html" report programme 1; then
  check "a programme over two days: a date row before each day's items, +1 past midnight" \
    "$PYTHON" - "$tmp" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from common import *
raw, root = parse(sys.argv[1] + '/d/night.html')
rows = [[txt(td) for td in tr.findall('td')] for tr in by_class(root, 'table', 'grid')[0].findall('.//tbody/tr')]
assert rows == [['Selasa, 2 September 2025'], ['1', '20.00–01.00+1', 'Malam', ''],
                ['Rabu, 3 September 2025'], ['2', '01.00–02.00', 'Pagi', '']], rows
PY
fi

echo "papers: $n_pass passed, $n_fail failed"
[ "$n_fail" -eq 0 ]
