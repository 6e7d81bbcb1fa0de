#!/bin/bash
# rapat CLI tests: 'minutes export' (issue 15) -- the minutes (notulen) as
# Markdown, as the printable paper and as JSON.
#
# Part A, on 'rapat demo' with a letterhead: the Rakernis' draft minutes in
# md, html (id and en) and json equal golden-minutes/* (the html's generator
# line, which names the version, left out); json is byte for byte 'minutes
# show --json'; the paper parses with html5lib in strict mode (a parser
# rapat did not write) and holds what the record holds: the kop surat, the
# header fields (held times in WIT, "18 hadir dari 22 undangan; daftar
# hadir terlampir"), the ten items with the seven decisions numbered as the
# meeting numbers them, the seven actions, the conclusion, the chair's and
# notulis' signatures side by side with the closing sentence, KONSEP marks,
# the printing time, the A4 page's rules.  The paper is the notulen's layout
# written as HTML, as its PDF is drawn from it (layout-html.sh compares the
# two): headings, label : value lines with numbered lines under a label,
# numbered lists, tables.
# Part B, hostile text (quotes, <script>, &, |, *, newlines, "# ", "- ",
# "1. " at the start of a line): the Markdown equals its golden file and
# escapes every special character; the paper still parses, holds no element
# rapat did not write and gives every value back as typed.  A review item
# lists the actions of an earlier meeting with what was reported (a note
# with markup) or "belum dilaporkan", as a list and as a small table.
# Part C, versions: finalised minutes print without KONSEP; after the
# signing, an action's title, status and due day and a person's name change:
# the final minutes and --version 1 still show them as signed; after an
# amendment the current draft has the new text and --version 1 the old one.
# A record kept before the keep statement wrote actions and reviews (made
# with sqlite3) falls back to the actions as they are now.
# Part D, refusals: a bad --format, --version or --lang, an unknown version,
# an unwritable -o: one line on stderr, nothing on stdout, no file written,
# an existing file and the database unchanged.
#
#   tests/cli/minutes-export.sh              run the checks
#   UPDATE=1 tests/cli/minutes-export.sh     rewrite golden-minutes/* (read the diff)
#
# Environment (set by 'make check'): RAPAT, SRCDIR, SQLITE3; PYTHON.

set -u
. "$(dirname "$0")/lib.sh"

here=$(cd "$(dirname "$0")" && pwd)
SRCDIR=${SRCDIR:-$(cd "$here/../.." && pwd)}
golden_dir="$SRCDIR/tests/cli/golden-minutes"
PYTHON=${PYTHON:-/usr/bin/python3}
cli_setup
if [ -z "$PYTHON" ] || ! "$PYTHON" -c 'import html5lib' 2>/dev/null; then
  echo "minutes-export.sh: python3 with html5lib is needed (apt-get install python3-html5lib)" >&2
  exit 1
fi

# refused DESCRIPTION ARGS...: rapat on $db must fail with one line on
# stderr starting "rapat: error: ", nothing on stdout, the database file
# byte for byte as it was.
refused() {
  local desc=$1 rc before after
  shift
  before=$(sha256sum <"$db")
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/ref.out" 2>"$tmp/ref.err"
  rc=$?
  after=$(sha256sum <"$db")
  if [ "$rc" -eq 0 ] || [ -s "$tmp/ref.out" ] || [ "$(wc -l <"$tmp/ref.err")" -ne 1 ] \
     || ! grep -q '^rapat: error: ' "$tmp/ref.err" || [ "$before" != "$after" ]; then
    fail "$desc" "exit $rc" "$(head -c 300 "$tmp/ref.err")" "$(head -c 200 "$tmp/ref.out")"
  else
    pass "$desc: $(cat "$tmp/ref.err")"
  fi
}

# golden NAME FILE: FILE, without an HTML generator line, equals golden-minutes/NAME.
golden() {
  local name=$1 g="$golden_dir/$1"
  grep -v '<meta name="generator"' "$2" >"$tmp/golden.cmp"
  if [ "${UPDATE:-0}" = 1 ]; then
    mkdir -p "$golden_dir"
    cp "$tmp/golden.cmp" "$g" && pass "UPDATED $g (check it by hand)"
  elif [ ! -f "$g" ]; then
    fail "golden $name" "$g is missing (run with UPDATE=1, then check it by hand)"
  elif diff -u --label "$name (expected)" --label "(actual)" "$g" "$tmp/golden.cmp" >"$tmp/golden.diff"; then
    pass "$name equals golden-minutes/$name"
  else
    local -a lines
    mapfile -t lines < <(head -n 40 "$tmp/golden.diff")
    fail "golden $name" "${lines[@]}"
  fi
}

cat >"$tmp/common.py" <<'PY'
import sys
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
    """No element the paper's layout does not write, no script, no event
    attribute, the only source an image has is a data: URI."""
    known = {'html', 'head', 'meta', 'title', 'style', 'body', 'table', 'colgroup', 'col',
             'thead', 'tbody', 'tr', 'th', 'td', 'div', 'p', 'h1', 'h2', 'img', 'br', 'footer'}
    for e in root.iter():
        assert e.tag in known, (path, e.tag)
        for k, v in e.attrib.items():
            assert not k.startswith('on'), (path, e.tag, k)
            assert k != 'href', (path, e.tag, k)
            if k == 'src':
                assert e.tag == 'img' and v.startswith('data:image/'), (path, v[:40])

def classes(e):
    return (e.get('class') or '').split()

def by_class(root, tag, cls):
    return [e for e in root.iter(tag) if cls in classes(e)]

def fields(table):
    """The label : value block as [label, value, [(mark, text)...]]: a row
    with a label starts a field, its value unless it hangs after a mark;
    a row without a label (nor colon) continues the field above it."""
    out = []
    for tr in table.iter('tr'):
        tds = tr.findall('td')
        label, colon = txt(tds[0]), txt(tds[1])
        assert (label == '') == (colon == ''), ('a colon after each label only', label)
        if label:
            out.append([label, None, []])
        if len(tds) == 4:
            out[-1][2].append((txt(tds[2]), txt(tds[3])))
        else:
            assert len(tds) == 3 and tds[2].get('colspan') == '2', [txt(td) for td in tds]
            assert label, 'a value without a mark continues nothing'
            out[-1][1] = txt(tds[2])
    return out

def field_values(table):
    return {l: v for l, v, items in fields(table)}

def field_items(table, label):
    return [items for l, v, items in fields(table) if l == label][0]

def list_items(table):
    """The (mark, text) lines of a numbered list."""
    assert 'list' in classes(table), table.get('class')
    return [(txt(tr.find('td[@class="mark"]')), txt(tr.find('td[@class="text"]')))
            for tr in table.iter('tr')]

def grid(table):
    """The header and the rows of a table, each cell's text."""
    assert 'grid' in classes(table), table.get('class')
    return ([txt(th) for th in table.findall('thead/tr/th')],
            [[txt(td) for td in tr.findall('td')] for tr in table.findall('tbody/tr')])

def is_item(h):
    return h.tag == 'h2' and txt(h).split('.')[0].isdigit()

def items(root):
    """The discussion: per agenda item, (its heading, the elements under
    it) until the next item's or section's heading."""
    out = []
    for e in root.find('body'):
        if is_item(e):
            out.append((e, []))
        elif e.tag == 'h2' and not txt(e).endswith(':'):
            if out:
                out.append((None, []))
        elif out and out[-1][0] is not None:
            out[-1][1].append(e)
    return [(h, body) for h, body in out if h is not None]

def sections(root):
    """The section headings: neither an item's nor a label ("Keputusan:")."""
    return [txt(h) for h in root.find('body').findall('h2')
            if not is_item(h) and not txt(h).endswith(':')]

def after(root, e):
    """The element after @e among its siblings in the body."""
    body = list(root.find('body'))
    return body[body.index(e) + 1]
PY

# ---------------------------------------------------------------------------
echo "# Part A: the demo meeting's minutes"

db="$tmp/demo.db"
setup demo
setup config set letterhead.ministry "Kementerian Imigrasi dan Pemasyarakatan Republik Indonesia"
setup config set letterhead.office "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku"
setup config set letterhead.address "Jalan Dr. Kayadoe, Kudamati, Nusaniwe, Ambon 97116"
cp "$SRCDIR/tests/cli/data/logo.svg" "$tmp/logo.svg"
setup config set letterhead.logo "$tmp/logo.svg"
mkdir -p "$tmp/a"

if run "$tmp/a/n.md" minutes export 1 --format md \
   && run "$tmp/a/default.md" minutes export 1 \
   && run "$tmp/a/n.json" minutes export 1 --format json \
   && run "$tmp/a/show.json" minutes show 1 --json \
   && run "$tmp/a/n.html" minutes export 1 --format html \
   && run "$tmp/a/n-en.html" minutes export 1 --format html --lang en \
   && run "$tmp/a/n-en.md" minutes export 1 --lang en \
   && run "$tmp/a/stdout" minutes export 1 --format html -o "$tmp/a/file.html"; then
  golden demo-minutes.md "$tmp/a/n.md"
  golden demo-minutes-en.md "$tmp/a/n-en.md"
  golden demo-minutes.json "$tmp/a/n.json"
  golden demo-minutes.html "$tmp/a/n.html"
  if cmp -s "$tmp/a/n.json" "$tmp/a/show.json"; then
    pass "--format json is byte for byte 'minutes show --json'"
  else
    fail "--format json is byte for byte 'minutes show --json'" "$(diff "$tmp/a/show.json" "$tmp/a/n.json" | head -n 10)"
  fi
  if cmp -s "$tmp/a/n.md" "$tmp/a/default.md" && [ ! -s "$tmp/a/stdout" ] \
     && cmp -s "$tmp/a/n.html" "$tmp/a/file.html"; then
    pass "md is the default format; -o FILE writes what stdout would get, and nothing to stdout"
  else
    fail "md is the default format; -o FILE writes what stdout would get"
  fi
  check "the paper: strict HTML5 with the kop surat, the header, the record, the signatures" \
    "$PYTHON" - "$tmp" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from common import *
d = sys.argv[1] + '/a/'
raw, root = parse(d + 'n.html')
only_known_elements(root, 'n.html')
assert root.get('lang') == 'id'
kop = by_class(root, 'table', 'kop')[0]
assert 'Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku' in txt(kop), txt(kop)
assert kop.find('.//img').get('src').startswith('data:image/svg+xml;base64,')
title = by_class(root, 'div', 'title')[0]
assert txt(title.find('h1')) == 'NOTULEN RAPAT' and len(root.findall('.//h1')) == 1
assert txt(title.find('p')) == 'Rapat Kerja Teknis Pemasyarakatan Maluku 2025'
assert 'keep' in classes(title), 'the title stays with the version line'
draft = after(root, title)
assert 'banner' in classes(draft) and txt(draft).startswith('KONSEP versi 1'), 'the draft box'
assert txt(by_class(root, 'div', 'watermark')[0]) == 'KONSEP', 'the draft mark on every page'
table = by_class(root, 'table', 'fields')[0]
labels = [l for l, v, i in fields(table)]
assert labels == ['Hari/tanggal', 'Waktu', 'Tempat', 'Pimpinan rapat', 'Notulis', 'Peserta', 'Acara'], labels
f = field_values(table)
assert f['Hari/tanggal'] == 'Selasa, 2 September 2025', f
assert f['Waktu'] == '09.05–16.10 WIT', f
assert f['Tempat'] == 'Aula Rutan Kelas IIA Ambon', f
assert f['Pimpinan rapat'] == 'Ricky Dwi Biantoro, Kepala Kantor Wilayah', f
assert f['Notulis'] == 'Andi Fahmi Nanlohy, Pranata Humas', f
assert f['Peserta'] == '18 hadir dari 22 undangan; daftar hadir terlampir', f
assert field_items(table, 'Peserta') == [], 'the list of 18 present is attached, not written'
acara = field_items(table, 'Acara')
assert [m for m, t in acara] == ['%d.' % i for i in range(1, 11)], 'the agenda by position'
assert acara[4][1] == 'Isu strategis: pemberantasan narkoba dan penipuan di Lapas dan Rutan', acara
its = items(root)
assert [txt(h).split('.')[0] for h, b in its] == [str(i) for i in range(1, 11)], \
    'every item: the breaks have notes in the demo'
assert txt(its[0][1][0]).startswith('Acara dibuka pukul 09.05 WIT.')
assert [e.tag for e in its[1][1]] == ['p', 'p'], 'two paragraphs of notes, two <p>'
lists = by_class(root, 'table', 'list')
numbers = [m for t in lists for m, text in list_items(t)]
assert numbers == ['%d.' % i for i in range(1, 8)], numbers
under5 = its[4][1]
assert [e.tag for e in under5] == ['p', 'h2', 'table'], [e.tag for e in under5]
assert txt(under5[1]) == 'Keputusan:'
assert list_items(under5[2])[0][1].startswith('Tes urine serentak'), 'decision 1 under item 5'
assert sections(root) == ['PEMBAHASAN DAN KEPUTUSAN', 'TINDAK LANJUT', 'KESIMPULAN'], sections(root)
actions = by_class(root, 'table', 'grid')
assert len(actions) == 1, 'no review in the demo: one table, the follow-up'
heads, rows = grid(actions[0])
assert heads == ['No.', 'Uraian', 'Penanggung jawab', 'Batas waktu'], heads
assert len(rows) == 7 and [r[0] for r in rows] == [str(i) for i in range(1, 8)], rows
assert rows[2] == ['3', 'Tes urine serentak bagi petugas dan Warga Binaan di seluruh UPT (keputusan 1)',
                   'Samuel Pattiasina', '30 September 2025'], rows[2]
ref = actions[0].findall('tbody/tr')[2].findall('td')[1].find('div')
assert txt(ref) == '(keputusan 1)' and 'note' in classes(ref), 'the decision in small print'
assert rows[6][2] == 'Lapas Kelas IIA Ambon', rows[6]
closing = [p for p in root.find('body').findall('p') if txt(p).startswith('Demikian notulen rapat ini dibuat')]
assert len(closing) == 1 and 'keep' in classes(closing[0]), 'the closing sentence is kept with the signatures'
signatures = after(root, closing[0])
assert 'signatures' in classes(signatures), 'the signatures right after the closing sentence'
signs = [txt(s) for s in by_class(signatures, 'div', 'sign')]
assert signs == ['Pimpinan Rapat, Ricky Dwi Biantoro Kepala Kantor Wilayah',
                 'Notulis, Andi Fahmi Nanlohy Pranata Humas'], signs
assert txt(root.find('body/footer')) == 'Dicetak 2 September 2025, pukul 09.00 WIT', 'the printing time'
# The printing rules: A4 with 2 cm margins; nothing splits a decision, an
# action's row or the signature block; no heading ends a page, nor the
# closing sentence; the table's header repeats on every page.
style = txt(root.find('head/style'))
for rule in ('@page{size:A4 portrait;margin:2cm;', 'thead{display:table-header-group}',
             'tr{page-break-inside:avoid;break-inside:avoid}',
             'h2,div.title,.keep{page-break-after:avoid;break-after:avoid}',
             'div.signatures{display:flex;justify-content:space-between;margin-top:18pt;page-break-inside:avoid;break-inside:avoid}'):
    assert rule in style, rule

raw, root = parse(d + 'n-en.html')
only_known_elements(root, 'n-en.html')
assert root.get('lang') == 'en' and txt(root.find('.//h1')) == 'MINUTES OF MEETING'
f = field_values(by_class(root, 'table', 'fields')[0])
assert f['Date'] == 'Tuesday 2 September 2025' and f['Time'] == '09:05–16:10 WIT', f
assert f['Participants'] == '18 present of 22 invited; attendance list attached', f
assert txt(by_class(root, 'div', 'watermark')[0]) == 'DRAFT'
assert txt(by_class(root, 'p', 'banner')[0]).startswith('DRAFT version 1: not final')
assert sections(root) == ['DISCUSSION AND DECISIONS', 'FOLLOW-UP ACTIONS', 'CONCLUSION'], sections(root)
PY
fi

# ---------------------------------------------------------------------------
echo "# Part B: hostile text"

db="$tmp/evil.db"
evil='*x* | y <script>alert("x")</script> & '"'"'q'"'"' _u_ `c` [l](http://e) ~s~'
setup init
setup person add "Ketua $evil" --position "Kepala | *Biro*"
setup person add "Notulis <b>" --position "Staf & Co"
setup person add "Tamu"
setup meeting add "Rapat $evil" --start "2025-10-01 09:00" --duration 2h --tz Asia/Makassar \
  --location "Ruang <i>1</i> & 2"
setup attendee add 1 1 --role chair
setup attendee add 1 2 3
setup attendee mark 1 1 present
setup attendee mark 1 2 represented --by 3
setup agenda add 1 "Pembahasan $evil" --duration 1h
setup agenda add 1 "Istirahat" --duration 15m --type break
setup agenda add 1 "Lain-lain" --duration 15m
setup minutes start 1 --notulis 2
setup minutes note 1 1 $'# bukan judul\n- bukan daftar\n1. bukan nomor\n\n    bukan kode\n'"$evil"
setup minutes decide 1 1 $'Keputusan '"$evil"$'\nbaris kedua'
setup minutes decide 1 1 "Kedua | > kutip"
setup action add "Tindak $evil" --owner 1 --meeting 1 --decision 2 --due 2025-10-30
setup action add "Tanpa batas" --owner 2 --meeting 1
setup minutes summary 1 "Ringkas: $evil"
# The review: two actions of an earlier meeting, one heard of, one not.
setup meeting add "Rapat lalu" --start "2025-09-01 09:00" --duration 1h --tz Asia/Makassar
setup action add "Lalu $evil" --owner 3 --meeting 2 --due 2025-09-20
setup action add "Lalu tanpa laporan" --owner 1 --meeting 2
setup agenda add-review 1 --from 2 --title "Tindak lanjut rapat lalu" --duration 15m
setup minutes report 1 3 --status in-progress --progress 40 --note $'Catatan <b>'"$evil"$'\nbaris dua'
mkdir -p "$tmp/b"
if run "$tmp/b/e.md" minutes export 1 && run "$tmp/b/e.html" minutes export 1 --format html; then
  golden hostile.md "$tmp/b/e.md"
  golden hostile.html "$tmp/b/e.html"
  check "Markdown: every special character escaped, no line opens a block it should not" \
    "$PYTHON" - "$tmp" <<'PY'
import re, sys
md = open(sys.argv[1] + '/b/e.md', encoding='utf-8').read()
esc = r'\*x\* \| y \<script\>alert("x")\</script\> \& ' + "'q'" + r' \_u\_ \`c\` \[l\](http://e) \~s\~'
assert '# Notulen rapat: Rapat ' + esc + '\n' in md, md[:300]
assert '\n\\# bukan judul\n' in md and '\n\\- bukan daftar\n' in md and '\n1\\. bukan nomor\n' in md, md
assert '\nbukan kode\n' in md, 'leading spaces would make a code block'
assert '<script>' not in md and '<b>' not in md and '<i>' not in md
for line in md.splitlines():
    if line.startswith('|') and not line.startswith('| ---'):
        cells = re.split(r'(?<!\\)\|', line)
        assert len(cells) == 6, ('a table row of four cells', line)
assert '- **Keputusan 1:** Keputusan ' + esc + '\n\n  baris kedua\n' in md, md
assert '- **Keputusan 2:** Kedua \\| \\> kutip\n' in md
assert '- **Pimpinan rapat:** Ketua ' + esc + ', Kepala \\| \\*Biro\\*\n' in md
assert '1. Ketua ' + esc + ', Kepala \\| \\*Biro\\*\n' in md
assert '2. Tamu (mewakili Notulis \\<b\\>, Staf \\& Co)\n' in md, md
assert '### 2. Istirahat' not in md, 'a break with nothing noted is left out of the discussion'
assert '### 3. Lain\\-lain' not in md and '### 3. Lain-lain\n\n*(belum ada catatan)*\n' in md
assert '| 1 | Tindak ' + esc + ' (keputusan 2) | Ketua ' + esc + ' | 30 Oktober 2025 |' in md
assert '| 2 | Tanpa batas | Notulis \\<b\\> | - |' in md
rev = md[md.index('### 4. Tindak lanjut rapat lalu\n'):]
assert rev.startswith('### 4. Tindak lanjut rapat lalu\n\n**Tindak lanjut yang ditinjau:**\n\n'), rev[:200]
assert '\n- Lalu ' + esc + ' — Tamu, batas waktu 20 September 2025: dilaporkan dalam proses, 40% ' \
       '(Catatan \\<b\\>' + esc + ' baris dua)\n' in rev, rev
assert '\n- Lalu tanpa laporan — Ketua ' + esc + ': belum dilaporkan\n' in rev, rev
PY
  check "the paper: strict HTML5, no foreign element, every value given back as typed" \
    "$PYTHON" - "$tmp" "$evil" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from common import *
evil = ' '.join(sys.argv[2].split())
raw, root = parse(sys.argv[1] + '/b/e.html')
only_known_elements(root, 'e.html')
assert '<script' not in raw and '<b>' not in raw and '<i>' not in raw
assert root.get('lang') == 'id', 'Asia/Makassar (WITA): Indonesian'
text = txt(root.find('body'))
for w in ['Rapat ' + evil, 'Pembahasan ' + evil, 'Ketua ' + evil, 'Kepala | *Biro*',
          'Ruang <i>1</i> & 2', 'Tindak ' + evil, 'Ringkas: ' + evil, 'Keputusan ' + evil,
          'Tamu (mewakili Notulis <b>, Staf & Co)', '# bukan judul', 'bukan kode']:
    assert w in text, (w, text)
table = by_class(root, 'table', 'fields')[0]
f = field_values(table)
assert f['Waktu'] == '09.00–11.00 WITA (sesuai jadwal)', f
assert f['Peserta'] == '2 hadir dari 3 undangan', f
assert field_items(table, 'Peserta') == \
    [('1.', 'Ketua ' + evil + ', Kepala | *Biro*'), ('2.', 'Tamu (mewakili Notulis <b>, Staf & Co)')]
assert [h for h in root.find('body').findall('h2') if txt(h) == '2. Istirahat'] == [], \
    'a break with nothing noted is left out of the discussion'
labels = [h for h in root.find('body').findall('h2') if txt(h) == 'Tindak lanjut yang ditinjau:']
assert len(labels) == 1, 'one review'
rev = after(root, labels[0])
heads, rows = grid(rev)
assert heads == ['No.', 'Uraian', 'Penanggung jawab', 'Batas waktu', 'Laporan dalam rapat'], heads
assert rows == [['1', 'Lalu ' + evil, 'Tamu', '20 September 2025',
                 'dalam proses, 40% Catatan <b>' + evil + ' baris dua'],
                ['2', 'Lalu tanpa laporan', 'Ketua ' + evil, '-', 'belum dilaporkan']], rows
note = rev.find('tbody/tr/td/div')
assert 'note' in classes(note) and note.find('br') is not None, \
    'the note on a line of its own, its line break kept'
assert 'i' in classes(rev.findall('tbody/tr')[1].findall('td')[4]), 'not reported: in italics'
d1 = by_class(root, 'table', 'list')[0].find('.//td[@class="text"]')
assert d1.find('br') is not None, 'a line break in a decision is kept'
assert txt(root.find('head/title')) == 'NOTULEN RAPAT KONSEP — Rapat ' + evil
PY
fi

# ---------------------------------------------------------------------------
echo "# Part C: final and amended minutes"

setup minutes held 1 --from 09:10 --to 11:05
setup minutes finalize 1
mkdir -p "$tmp/c"
if run "$tmp/c/v1.html" minutes export 1 --format html && run "$tmp/c/v1.md" minutes export 1; then
  if ! grep -q 'KONSEP' "$tmp/c/v1.html" && ! grep -q 'class="watermark"' "$tmp/c/v1.html" \
     && grep -q '^\*Versi 1, final 2 September 2025\*$' "$tmp/c/v1.md" \
     && grep -q '^<p class="c keep">Versi 1, final 2 September 2025</p>$' "$tmp/c/v1.html" \
     && grep -q '<td class="value" colspan="2">09.10–11.05 WITA</td>' "$tmp/c/v1.html" \
     && grep -q '<title>NOTULEN RAPAT — Rapat ' "$tmp/c/v1.html"; then
    pass "final minutes: no KONSEP mark, the version line, the times held"
  else
    fail "final minutes: no KONSEP mark, the version line, the times held" "$(grep -n 'ersi\|KONSEP' "$tmp/c/v1.md" "$tmp/c/v1.html" | head -5)"
  fi
fi
# After the signing: the reviewed action is done and renamed, its due day
# moved, the guest renamed, an action raised in the meeting renamed.
signed_line='- Lalu \*x\* \| y \<script\>alert("x")\</script\> \& '"'q'"' \_u\_ \`c\` \[l\](http://e) \~s\~ — Tamu, batas waktu 20 September 2025: dilaporkan dalam proses, 40% (Catatan \<b\>\*x\* \| y \<script\>alert("x")\</script\> \& '"'q'"' \_u\_ \`c\` \[l\](http://e) \~s\~ baris dua)'
setup action update 3 --status done --title "Sudah diganti" --due 2025-12-31
setup action update 1 --title "Tindak diganti"
setup person edit 3 --name "Tamu Berganti Nama"
if run "$tmp/c/signed.md" minutes export 1 && run "$tmp/c/signed-v1.md" minutes export 1 --version 1 \
   && run "$tmp/c/signed.html" minutes export 1 --format html; then
  if grep -qxF -- "$signed_line" "$tmp/c/signed.md" && cmp -s "$tmp/c/signed.md" "$tmp/c/signed-v1.md" \
     && grep -q '^2\. Tamu (mewakili Notulis' "$tmp/c/signed.md" \
     && grep -q '^| 1 | Tindak \\\*x' "$tmp/c/signed.md" \
     && ! grep -q 'diganti\|Berganti\|31 Desember' "$tmp/c/signed.md" "$tmp/c/signed.html"; then
    pass "final minutes show the actions, the review and the people as signed, not as they are now"
  else
    fail "final minutes show the actions, the review and the people as signed" \
      "$(grep -n 'Lalu\|Tamu\|Tindak\|diganti' "$tmp/c/signed.md" | head -8)"
  fi
fi
# A record kept before actions and reviews were kept (its JSON without the
# keys): the actions as they are now, on a copy of the database.
cp "$db" "$tmp/legacy.db"
"$SQLITE3" "$tmp/legacy.db" "DROP TRIGGER minutes_version_frozen;
  UPDATE minutes_version SET record = json_remove(record, '$.actions', '$.reviews');"
if "$RAPAT" --db "$tmp/legacy.db" minutes export 1 --version 1 >"$tmp/c/legacy.md" 2>"$tmp/c/legacy.err" \
   && [ ! -s "$tmp/c/legacy.err" ] \
   && grep -q '^| 1 | Tindak diganti (keputusan 2) |' "$tmp/c/legacy.md" \
   && grep -qF -- '- Sudah diganti — Tamu Berganti Nama, batas waktu 31 Desember 2025: dilaporkan dalam proses, 40%' "$tmp/c/legacy.md" \
   && grep -q '^2\. Tamu (mewakili Notulis' "$tmp/c/legacy.md"; then
  pass "a version kept without actions and reviews shows them as they are now, its attendance as kept"
else
  fail "a version kept without actions and reviews shows them as they are now" \
    "$(cat "$tmp/c/legacy.err")" "$(grep -n 'Tindak\|diganti' "$tmp/c/legacy.md" | head -5)"
fi
setup minutes amend 1 --reason "ralat"
setup minutes note 1 1 "Catatan yang diralat."
setup minutes summary 1 "Ringkasan baru."
if run "$tmp/c/now.md" minutes export 1 && run "$tmp/c/old.md" minutes export 1 --version 1 \
   && run "$tmp/c/old.json" minutes export 1 --format json --version 1 \
   && run "$tmp/c/old-show.json" minutes show 1 --json --version 1 \
   && run "$tmp/c/old.html" minutes export 1 --format html --version 1; then
  if grep -q '^Catatan yang diralat\.$' "$tmp/c/now.md" && grep -q 'KONSEP versi 2' "$tmp/c/now.md" \
     && ! grep -q 'diralat' "$tmp/c/old.md" && grep -q '^Ringkas: ' "$tmp/c/old.md" \
     && grep -q '^\\# bukan judul$' "$tmp/c/old.md" && ! grep -q KONSEP "$tmp/c/old.md" \
     && ! grep -q 'diralat\|KONSEP' "$tmp/c/old.html" && grep -q 'Ringkas: ' "$tmp/c/old.html" \
     && cmp -s "$tmp/c/old.json" "$tmp/c/old-show.json"; then
    pass "amended: the draft has the new text, --version 1 exports the old one as signed"
  else
    fail "amended: the draft has the new text, --version 1 exports the old one as signed" \
      "$(head -n 5 "$tmp/c/now.md")" "$(head -n 5 "$tmp/c/old.md")"
  fi
fi

# ---------------------------------------------------------------------------
echo "# Part D: refusals"

printf 'kept\n' >"$tmp/kept.md"
refused "--format xml" minutes export 1 --format xml -o "$tmp/kept.md"
refused "--version abc" minutes export 1 --version abc -o "$tmp/kept.md"
refused "--version 0x" minutes export 1 --version 0x
refused "--version 7 (there is no such version)" minutes export 1 --version 7 -o "$tmp/kept.md"
refused "--lang xx" minutes export 1 --lang xx -o "$tmp/kept.md"
refused "an unknown meeting" minutes export 99
if [ "$(cat "$tmp/kept.md")" = kept ] && [ "$(ls "$tmp" | grep -c '^\.rapat-\|^kept')" = 1 ]; then
  pass "a refused export leaves the existing file as it was, and no temp file"
else
  fail "a refused export leaves the existing file as it was" "$(ls -a "$tmp")"
fi
mkdir -p "$tmp/ro"
chmod 500 "$tmp/ro"
if [ -w "$tmp/ro" ]; then
  skip "-o into a folder that cannot be written (running as root)"
else
  refused "-o into a folder that cannot be written" minutes export 1 --format html -o "$tmp/ro/n.html"
  if [ -z "$(ls -A "$tmp/ro")" ]; then
    pass "-o into a folder that cannot be written leaves nothing there"
  else
    fail "-o into a folder that cannot be written leaves nothing there" "$(ls -A "$tmp/ro")"
  fi
fi
refused "-o a folder" minutes export 1 -o "$tmp/ro"
refused "-o under a file, not a folder" minutes export 1 --format html -o "$tmp/kept.md/n.html"
[ "$(cat "$tmp/kept.md")" = kept ] && pass "-o under a file leaves the file as it was" \
  || fail "-o under a file leaves the file as it was"
db="$tmp/empty.db"
setup init
setup meeting add "Belum" --start "2025-11-01 09:00" --duration 1h --tz Asia/Jakarta
refused "minutes not started" minutes export 1

echo "# $n_pass passed, $n_fail failed, $n_skip skipped"
[ "$n_fail" -eq 0 ]
