#!/bin/bash
# rapat CLI tests: the HTML and the PDF of a paper come from one layout
# (issue 20: "one layout model shared by the HTML and PDF writers, so the
# two never disagree").
#
# For each paper whose HTML is written from its layout (the sign-in sheet,
# the attendance report of a meeting, the invitation, the programme, the
# actions matrix, the attendance report of a period with its chart), on rapat demo with a letterhead, a PNG logo, NIPs and a title typed with
# markup in it:
# - the HTML is well-formed (python's XML parser) and parses as HTML with
#   no script and no fetched resource (the logo is a data: URI);
# - every text block of the HTML (a cell, a line, a heading, a signature
#   line) is in the text pdftotext reads from the PDF, in the same order:
#   the names, the NIPs, the totals, the signer's name;
# - the title typed as '<b>&amp; "Rapat"' prints as typed, escaped once;
# - the HTML page is for A4 with 2 cm margins, its table header in
#   <thead>, its rows never split;
# - the sign-in sheet has the letterhead, the NIPs under the names, the
#   signature block with the place, the date and the signer's NIP, the
#   numbers in the signature column alternately on the left and in the
#   middle, the --blank rows; --force on a cancelled meeting marks it.
#
# Environment (set by 'make check'): RAPAT, SRCDIR, SQLITE3.  Exits 77
# (skipped) when poppler-utils are not installed.

set -u
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/pdf-lib.sh"
cli_setup
db="$tmp/layout.db"

# print_rules: the start of a Python check of an HTML paper (sys.argv[1]):
# A4 portrait with 2 cm margins, rows kept whole, the table header repeated
# on every printed page; the caller's own assertions follow.
print_rules='import re, sys
raw = open(sys.argv[1], encoding="utf-8").read()
style = re.search(r"<style>(.*?)</style>", raw, re.S).group(1)
assert "@page{size:A4 portrait;margin:2cm;" in style, style[-400:]
assert re.search(r"(^|[};])tr\{[^}]*break-inside:avoid", style), "rows kept whole"
assert "thead{display:table-header-group}" in style
'

# same_blocks HTML PDF: the HTML is well-formed and every text block of it
# is in the PDF's text, in order (case, spaces and line breaks aside: the
# letterhead's names are set in capitals by CSS in the HTML).
same_blocks() {
  "$PYTHON" - "$@" <<'PY'
import subprocess, sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
raw = open(sys.argv[1], encoding="utf-8").read()
root = ET.fromstring(raw[raw.index("<html"):])
for e in root.iter():
    assert e.tag != "script", "a script element"
    for k, v in e.attrib.items():
        assert not k.startswith("on"), (e.tag, k)
        assert k not in ("src", "href") or v.startswith("data:"), (e.tag, k, v[:40])
class Blocks(HTMLParser):
    blocks = ("p", "li", "td", "th", "h1", "h2", "div", "title", "style", "footer")
    def __init__(self):
        super().__init__()
        self.stack, self.out = [], []
    def handle_starttag(self, tag, attrs):
        # A block takes its place where it starts: a cell before the
        # note inside it.
        if tag in self.blocks:
            self.stack.append([tag, dict(attrs), "", len(self.out)])
            self.out.append("")
        if tag == "br" and self.stack:
            self.stack[-1][2] += " "
    def handle_endtag(self, tag):
        if tag in self.blocks and self.stack:
            t, a, text, at = self.stack.pop()
            if t not in ("title", "style", "footer") and "watermark" not in (a.get("class") or ""):
                self.out[at] = " ".join(text.split()).casefold()
    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2] += data
b = Blocks()
b.feed(raw)
pdf = subprocess.run(["pdftotext", "-raw", sys.argv[2], "-"], capture_output=True, text=True,
                     check=True).stdout
# A line broken after a hyphen ("LAPAS-" / "NAMLEA") is one word.
pdf = " ".join(pdf.split()).casefold().replace("- ", "-")
at = 0
b.out = [t.replace("- ", "-") for t in b.out if t]
for t in b.out:
    i = pdf.find(t, at)
    if i < 0:
        print("%d blocks; not in the PDF after offset %d: %r" % (len(b.out), at, t))
        print("the PDF there: %r" % pdf[at:at + 200])
        sys.exit(1)
    at = i + len(t)
if len(b.out) < 20:
    print("only %d blocks" % len(b.out))
    sys.exit(1)
PY
}

# html_text HTML: the page's text, tags stripped, one line a block.
html_text() {
  "$PYTHON" - "$1" <<'PY'
import re, sys, html
raw = open(sys.argv[1], encoding="utf-8").read()
raw = re.sub(r"<(style|title)>.*?</\1>", "", raw, flags=re.S)
raw = re.sub(r"<br/>", " ", raw)
raw = re.sub(r"</(td|th|p|h1|h2|div|tr)>", "\n", raw)
print(html.unescape(re.sub(r"<[^>]*>", "", raw)))
PY
}


setup init
m=$("$RAPAT" --db "$db" demo) || exit 1
setup config set letterhead.ministry "Kementerian Imigrasi dan Pemasyarakatan Republik Indonesia"
setup config set letterhead.office "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku"
setup config set letterhead.address "Jalan Dr. Kayadoe, Kudamati, Nusaniwe, Ambon 97116"
setup config set letterhead.city Ambon
"$PYTHON" - "$tmp/logo.png" <<'PY'
import struct, sys, zlib
w, h = 8, 8
rows = b"".join(b"\0" + bytes([160, 20, 20, 255]) * w for _ in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY
setup config set letterhead.logo "$tmp/logo.png"
organizer=$("$RAPAT" --db "$db" meeting show "$m" --json | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["organizer"])')
setup person edit "$organizer" --nip "197203152002122001"
setup person edit "Abraham Renwarin" --nip "198001012005011017"
setup meeting edit "$m" --title 'Rakernis <b>&amp; "Rapat" Maluku'

# ---- the sign-in sheet ----
run "$tmp/s.html" report signin --meeting "$m" --blank 3
run "$tmp/s.pdf" report signin --meeting "$m" --blank 3 --format pdf
check "sign-in sheet: every block of the HTML is in the PDF, in order" \
  same_blocks "$tmp/s.html" "$tmp/s.pdf"
html_text "$tmp/s.html" >"$tmp/s.txt"
check "sign-in sheet: the letterhead, the title as typed, the NIPs, the signature block" \
  in_order "$tmp/s.txt" "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku" \
  "DAFTAR HADIR" 'Rakernis <b>&amp; "Rapat" Maluku' "Nama / NIP" "Tanda Tangan" \
  "Abraham Renwarin NIP 19800101 200501 1 017" \
  "Ambon, 2 September 2025" "NIP 19720315 200212 2 001"
check "sign-in sheet: the title escaped once in the HTML source" \
  grep -qF 'Rakernis &lt;b&gt;&amp;amp; &quot;Rapat&quot; Maluku' "$tmp/s.html"
check "sign-in sheet: the logo as a data: URI" grep -q '<img src="data:image/png;base64,' "$tmp/s.html"
check "sign-in sheet: A4, 2 cm margins, the header in thead, rows never split" "$PYTHON" -c "$print_rules"'
assert raw.count("<thead>") == 1
' "$tmp/s.html"
check "sign-in sheet: 22 names and 3 blank rows, the numbers left and in the middle by turns" \
  "$PYTHON" -c '
import sys, xml.etree.ElementTree as ET
raw = open(sys.argv[1], encoding="utf-8").read()
root = ET.fromstring(raw[raw.index("<html"):])
table = [t for t in root.iter("table") if t.get("class", "").startswith("grid")][0]
rows = table.find("tbody").findall("tr")
assert len(rows) == 25, len(rows)
for i, tr in enumerate(rows):
    sign = tr.findall("td")[-1]
    mid = sign.find("div")
    assert (mid is not None) == (i % 2 == 1), (i, ET.tostring(sign))
    assert "".join(sign.itertext()) == "%d." % (i + 1)
assert all(not "".join(tr.findall("td")[1].itertext()) for tr in rows[22:])
' "$tmp/s.html"

# The same sheet in English with the status column; a cancelled meeting's
# sheet printed with --force carries its mark in both.
setup attendee mark "$m" "Abraham Renwarin" sakit
run "$tmp/st.html" report signin --meeting "$m" --with-status --lang en --blank 0
run "$tmp/st.pdf" report signin --meeting "$m" --with-status --lang en --blank 0 --format pdf
check "sign-in sheet --with-status --lang en: the same blocks in the same order" \
  same_blocks "$tmp/st.html" "$tmp/st.pdf"
check "sign-in sheet --with-status: the Status column says Sick" \
  in_order "$tmp/st.html" "ATTENDANCE LIST" "Status" "Abraham Renwarin" "Sick"

setup meeting add "Rapat batal" --start "2025-09-09 09:00" --duration 1h --tz Asia/Jayapura
setup attendee add 2 "Abraham Renwarin"
setup meeting cancel 2 --reason "Ditunda & dijadwalkan ulang"
run "$tmp/c.html" report signin --meeting 2 --force
run "$tmp/c.pdf" report signin --meeting 2 --force --format pdf
check "a cancelled sheet (--force): the same blocks, the banner with the reason" \
  same_blocks "$tmp/c.html" "$tmp/c.pdf"
check "a cancelled sheet: the watermark and the banner, the reason escaped" "$PYTHON" -c '
import sys
raw = open(sys.argv[1], encoding="utf-8").read()
assert "<div class=\"watermark\" aria-hidden=\"true\">DIBATALKAN</div>" in raw
assert "DIBATALKAN — alasan: Ditunda &amp; dijadwalkan ulang</p>" in raw, raw
' "$tmp/c.html"

# ---- the attendance report of the meeting ----
run "$tmp/a.html" report attendance --meeting "$m" --grace 10m --format html
run "$tmp/a.pdf" report attendance --meeting "$m" --grace 10m --format pdf
check "attendance report: every block of the HTML is in the PDF, in order" \
  same_blocks "$tmp/a.html" "$tmp/a.pdf"
html_text "$tmp/a.html" >"$tmp/a.txt"
check "attendance report: letterhead, title, names with positions and notes, totals, signer" \
  in_order "$tmp/a.txt" "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku" \
  "LAPORAN KEHADIRAN" 'Rakernis <b>&amp; "Rapat" Maluku' \
  "Andi Fahmi Nanlohy Pranata Humas" "Notulen dan dokumentasi" \
  "Abraham Renwarin" "%" \
  "Ambon, 2 September 2025" "NIP 19720315 200212 2 001"
check "attendance report: A4, 2 cm margins, one <thead> per table" "$PYTHON" -c '
import re, sys
raw = open(sys.argv[1], encoding="utf-8").read()
assert "@page{size:A4 portrait;margin:2cm;" in raw
assert raw.count("<thead>") == raw.count("<table class=\"grid") == 2
' "$tmp/a.html"

# ---- the programme (susunan acara) ----
run "$tmp/p.html" report programme "$m"
run "$tmp/p.pdf" report programme "$m" --format pdf
check "programme: every block of the HTML is in the PDF, in order" \
  same_blocks "$tmp/p.html" "$tmp/p.pdf"
html_text "$tmp/p.html" >"$tmp/p.txt"
check "programme: letterhead, title as typed, items with their times and presenters, the breaks" \
  in_order "$tmp/p.txt" "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku" \
  "SUSUNAN ACARA" 'Rakernis <b>&amp; "Rapat" Maluku' "Waktu (WIT)" \
  "09.00–09.15" "Pembukaan dan laporan panitia" "Maria Wattimena" "Rehat kopi" "Ishoma" \
  "Kesimpulan dan penutupan" "Ricky Dwi Biantoro"

# ---- the invitation (undangan), its list of invitees attached ----
run "$tmp/i.html" report invitation "$m" --number "W.27/<b>&amp;"
run "$tmp/i.pdf" report invitation "$m" --number "W.27/<b>&amp;" --format pdf
check "invitation: every block of the HTML is in the PDF, in order" \
  same_blocks "$tmp/i.html" "$tmp/i.pdf"
html_text "$tmp/i.html" >"$tmp/i.txt"
check "invitation: the number as typed, the addressees, the agenda, both signatures, the list" \
  in_order "$tmp/i.txt" "Ambon, 2 September 2025" "W.27/<b>&amp;" "Yth." "Acara" "1." \
  "Pembukaan dan laporan panitia" "NIP. 19720315 200212 2 001" "Lampiran Surat Undangan" \
  "DAFTAR UNDANGAN" "Ricky Dwi Biantoro" "NIP. 19720315 200212 2 001"
check "invitation: the attached list starts a page" \
  grep -q '<p class="keep new-page"' "$tmp/i.html"

# ---- the actions matrix (matriks tindak lanjut) ----
run "$tmp/m.html" report actions --meeting "$m" --as-of 2025-10-15 --by owner --format html
run "$tmp/m.pdf" report actions --meeting "$m" --as-of 2025-10-15 --by owner --format pdf
check "actions matrix: every block of the HTML is in the PDF, in order" \
  same_blocks "$tmp/m.html" "$tmp/m.pdf"
html_text "$tmp/m.html" >"$tmp/m.txt"
check "actions matrix: A4 landscape, the title as typed, owners as group rows, overdue" \
  sh -c "grep -q '@page{size:A4 landscape;margin:2cm;' '$tmp/m.html' && grep -q '<tr class=\"group\">' '$tmp/m.html' \
         && grep -q 'lewat batas waktu' '$tmp/m.txt' && grep -qF 'Rakernis <b>&amp; \"Rapat\" Maluku' '$tmp/m.txt'"

# The notulen
# Its HTML too is written from its layout (issue 20): the same checks as
# the papers above.  The Rakernis' draft minutes, with a decision and a reviewed action's
# report typed with markup: the HTML and the PDF from the one layout, in
# Indonesian and in English, draft and final (on a copy of the database).
setup minutes decide "$m" 1 '<b>&amp; "x" diputuskan'
prev=$("$RAPAT" --db "$db" meeting add "Rapat koordinasi Agustus" --start "2025-08-05 09:00" \
  --duration 1h --tz Asia/Jayapura </dev/null) || fail "notulen: an earlier meeting"
setup action add "Tindak lanjut rapat Agustus" --owner "Abraham Renwarin" --meeting "$prev" \
  --due 2025-09-30
setup agenda add-review "$m" --from "$prev" --title "Tinjauan rapat Agustus" --duration 10m
setup minutes report "$m" 'Tindak lanjut rapat Agustus' --status in-progress --progress 30 \
  --note '<b>&amp; "x" dilaporkan'
run "$tmp/n.html" minutes export "$m" --format html
run "$tmp/none" minutes export "$m" -o "$tmp/n.pdf"
check "notulen: every block of the HTML is in the PDF, in order" \
  same_blocks "$tmp/n.html" "$tmp/n.pdf"
html_text "$tmp/n.html" >"$tmp/n.txt"
check "notulen: letterhead, title as typed, KONSEP line, fields, discussion, review, actions, signatures" \
  in_order "$tmp/n.txt" "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku" \
  "NOTULEN RAPAT" 'Rakernis <b>&amp; "Rapat" Maluku' "KONSEP versi 1: belum final" \
  "Hari/tanggal" "Pimpinan rapat" "Peserta" "hadir dari 22 undangan" "Acara" \
  "PEMBAHASAN DAN KEPUTUSAN" "1. Pembukaan dan laporan panitia" "Keputusan:" \
  '<b>&amp; "x" diputuskan' "Tinjauan rapat Agustus" "Tindak lanjut yang ditinjau:" \
  "Laporan dalam rapat" "Tindak lanjut rapat Agustus" "dalam proses, 30%" \
  '<b>&amp; "x" dilaporkan' "TINDAK LANJUT" "KESIMPULAN" "Demikian notulen rapat ini dibuat" \
  "Pimpinan Rapat," "Ricky Dwi Biantoro" "Notulis," "Andi Fahmi Nanlohy"
check "notulen: what was typed with markup escaped once in the HTML source" sh -c "
  grep -qF 'Rakernis &lt;b&gt;&amp;amp; &quot;Rapat&quot; Maluku' '$tmp/n.html' \
  && grep -qF '&lt;b&gt;&amp;amp; &quot;x&quot; diputuskan' '$tmp/n.html' \
  && grep -qF '&lt;b&gt;&amp;amp; &quot;x&quot; dilaporkan' '$tmp/n.html'"
check "notulen: A4, 2 cm margins, headers in thead, rows never split, KONSEP on every page" "$PYTHON" -c "$print_rules"'
assert len(re.findall(r"<thead[ >]", raw)) == raw.count("<table class=\"grid") == 2, "the review and the actions"
assert "<div class=\"watermark\" aria-hidden=\"true\">KONSEP</div>" in raw
assert "<p class=\"banner keep\">KONSEP versi 1: belum final, bukan untuk ditandatangani</p>" in raw
' "$tmp/n.html"
run "$tmp/ne.html" minutes export "$m" --format html --lang en
run "$tmp/none" minutes export "$m" --lang en -o "$tmp/ne.pdf"
check "notulen --lang en: the same blocks in the same order" \
  same_blocks "$tmp/ne.html" "$tmp/ne.pdf"
check "notulen --lang en: MINUTES OF MEETING, DRAFT, the review's words" \
  in_order "$tmp/ne.html" "MINUTES OF MEETING" "DRAFT version 1: not final" "Participants" \
  "Follow-up actions reviewed:" "Reported at the meeting" "in progress, 30%" "FOLLOW-UP ACTIONS" \
  "Chair," "Minutes taker,"
cp "$db" "$tmp/final.db"
"$RAPAT" --db "$tmp/final.db" minutes finalize "$m" >/dev/null 2>&1 </dev/null \
  || fail "notulen: minutes finalize on a copy"
"$RAPAT" --db "$tmp/final.db" minutes export "$m" --format html >"$tmp/nf.html" 2>/dev/null </dev/null
"$RAPAT" --db "$tmp/final.db" minutes export "$m" -o "$tmp/nf.pdf" 2>/dev/null </dev/null
check "final notulen: the same blocks in the same order" same_blocks "$tmp/nf.html" "$tmp/nf.pdf"
check "final notulen: the version line, no KONSEP anywhere" sh -c "
  grep -q '^<p class=\"c keep\">Versi 1, final 2 September 2025</p>\$' '$tmp/nf.html' \
  && ! grep -q KONSEP '$tmp/nf.html' && ! pdftotext '$tmp/nf.pdf' - | grep -q KONSEP"
# The period attendance report
# Its HTML and its PDF come from one layout, its bar chart of the rates in
# both: every text block of the HTML in the PDF in order, the chart's labels
# and values too; a unit named <b>&amp; "x" printed as typed, escaped once.
setup unit add '<b>&amp; "x"' --code XU
setup person add "Pegawai Unit X" --unit XU
setup attendee add "$m" "Pegawai Unit X"
setup attendee mark "$m" "Pegawai Unit X" hadir
for by in unit person; do
  run "$tmp/pr-$by.html" report attendance --from 2025-09-01 --to 2025-09-30 --by "$by" --format html
  run "$tmp/pr-$by.pdf" report attendance --from 2025-09-01 --to 2025-09-30 --by "$by" --format pdf
  check "period report by $by: every block of the HTML is in the PDF, in order" \
    same_blocks "$tmp/pr-$by.html" "$tmp/pr-$by.pdf"
  check "period report by $by: the chart's labels and values in the PDF, in order, before the table" \
    "$PYTHON" - "$tmp/pr-$by.html" "$tmp/pr-$by.pdf" <<'PY'
import subprocess, sys
import xml.etree.ElementTree as ET
raw = open(sys.argv[1], encoding="utf-8").read()
root = ET.fromstring(raw[raw.index("<html"):])
chart = [t for t in root.iter("table") if t.get("class") == "chart"]
assert len(chart) == 1, len(chart)
# Each bar's label and value, in the order of the bars.
texts = [e for e in chart[0].find("tbody").iter("{http://www.w3.org/2000/svg}text")
         if e.get("text-anchor") != "middle"]
assert len(texts) >= 2 * 5, len(texts)
pdf = subprocess.run(["pdftotext", "-raw", sys.argv[2], "-"], capture_output=True, text=True,
                     check=True).stdout
pdf = " ".join(pdf.split())
at = 0
for t in texts:
    w = " ".join("".join(t.itertext()).split())
    i = pdf.find(w, at)
    assert i >= 0, "not in the PDF after %d: %r; there: %r" % (at, w, pdf[at:at + 120])
    at = i + len(w)
assert pdf.find("Meetings", at) > 0, "the table after the chart"
PY
done
html_text "$tmp/pr-unit.html" >"$tmp/pr-unit.txt"
check "period report: the letterhead, the title, the unit as typed in the table, the notes" \
  in_order "$tmp/pr-unit.txt" "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku" \
  "Attendance by unit, 2025-09-01 – 2025-09-30" '<b>&amp; "x"' "Total" \
  "Rate: present + represented" "A unit counts its own people"
check "period report: the unit escaped once in the chart and in the table" "$PYTHON" -c '
import sys
raw = open(sys.argv[1], encoding="utf-8").read()
e = "&lt;b&gt;&amp;amp; &quot;x&quot;"
assert raw.count(e) == 2, raw.count(e)
assert "<text x=\"224\" y=\"14\" text-anchor=\"end\">" + e + "</text>\n<rect " in raw, "the label"
assert "<td>" + e + "</td>" in raw, "the cell"
assert "<b>&amp;" not in raw and "<b>" not in raw.split("<body", 1)[1], "unescaped"
' "$tmp/pr-unit.html"
check "period report: the unit as typed in the PDF, in the chart and in the table" \
  sh -c "test \"\$(pdftotext -raw '$tmp/pr-unit.pdf' - | grep -cF '<b>&amp; \"x\"')\" -eq 2"

echo "layout-html: $n_pass passed, $n_fail failed"
[ "$n_fail" -eq 0 ]
