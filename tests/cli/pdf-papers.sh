#!/bin/bash
# rapat CLI tests: the papers of a meeting as PDF (issue 20), read back with
# poppler's tools, which rapat did not write.
#
# Part A, the Rakernis' notulen (rapat demo: draft minutes, a letterhead):
# 'minutes export --format pdf' and -o FILE.pdf; pdfinfo says A4, the page
# count and the title; pdffonts says every font is embedded; pdftotext has
# the letterhead, NOTULEN RAPAT, the KONSEP line, the fields, every agenda
# item's discussion in order, the decisions, the follow-up table, the
# conclusion and the two signatures side by side; KONSEP across every page;
# two runs with SOURCE_DATE_EPOCH give the same bytes, stdout too.
# Part B, text as typed: Pango markup in a title, a note, a decision and a
# name is printed as its characters, never read as markup.
# Part C, final minutes: no KONSEP; they print the version kept when they
# were finalised, not the actions and people as they are now; --lang en.
# Part D, text longer than a page: a note of 3,300 words and a review's
# note in one table cell four pages high go on over the next pages, every
# word once and in order, nothing below the bottom margin, the table's
# header repeated above the cell's continuation.
# Part E, the action matrix ('report actions --format pdf'): A4 landscape,
# the letterhead, each action with its issue, owner, due day and status, a
# group's heading row, the overdue mark; the same bytes twice.
# Part F, the invitation and the programme ('report invitation/programme
# --format pdf'): the letter's fields, addressees, body and signature, the
# attached list of invitees on a page of its own; the programme's rows
# with their times in WIT, the break, the presenters.
# Part H, the HTML and the PDF of the notulen, the invitation, the
# programme and the matrix: every text block of the HTML is in the PDF.
# Part I, the period attendance report's bar chart, read from the pixels
# of its pages: a bar per unit with a rate above 0, its colour by the rate
# (green from 80 %, amber from 50 %, red below) and its length; 60 units:
# the chart goes on over the next page between bars, nothing under the
# bottom margin, every label once, the ticks repeated above the bars.
# Part G, refusals: an unknown meeting, an unwritable -o, an unknown
# format, a PDF module that does not load: one line on stderr, exit 1, the
# database unchanged and an existing output file as it was.
# Part I, the letterhead's logo: a PNG, a JPEG and an SVG logo are each
# drawn in the logo's box (the first page rendered: dark pixels there, none
# in the same box on the right), their shape kept; PNG and JPEG as an
# image (the JPEG's own bytes), the SVG as vectors (no image); a corrupt
# SVG or JPEG refused in one line naming the file, no PDF written.
#
# Environment (set by 'make check'): RAPAT, SRCDIR, SQLITE3.  Exits 77
# (skipped) when poppler-utils are not installed.

set -u
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/pdf-lib.sh"
cli_setup
db="$tmp/papers.db"

sum() { sha256sum "$db" | cut -d' ' -f1; }


# pages PDF: its page count.
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

# on_every_page PDF WORD: WORD is drawn on every page of PDF (a watermark's
# letters come out of pdftotext apart: spaces and line ends are dropped).
on_every_page() {
  local p
  for p in $(seq 1 "$(pages "$1")"); do
    pdftotext -raw -f "$p" -l "$p" "$1" - | tr -d ' \n' | grep -q "$2" \
      || { echo "page $p: no $2"; return 1; }
  done
}

# side_by_side PDF LEFT RIGHT: the last word LEFT and the last word RIGHT
# of PDF stand on one line, LEFT on the left.
side_by_side() {
  "$PYTHON" - "$@" <<'PY'
import re, subprocess, sys
pdf, left, right = sys.argv[1:4]
xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
last = xml.split("<page ")[-1]
pos = {}
for x, y, w in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<', last):
    pos[w] = (float(x), float(y))
if left not in pos or right not in pos:
    print("not on the last page: %s or %s" % (left, right)); sys.exit(1)
(xl, yl), (xr, yr) = pos[left], pos[right]
if abs(yl - yr) > 0.5 or xl >= xr:
    print("%s at %s, %s at %s" % (left, pos[left], right, pos[right])); sys.exit(1)
PY
}

# same_as_html HTML PDF: every text block of the HTML paper (a paragraph,
# a list item, a cell, a heading) is in the PDF's text, in any case (the
# HTML sets some headings in capitals with CSS), spaces and line breaks
# aside: the two papers of a document say the same.
same_as_html() {
  "$PYTHON" - "$@" <<'PY'
import subprocess, sys
from html.parser import HTMLParser
class Blocks(HTMLParser):
    blocks = ("p", "li", "td", "th", "h1", "h2", "h3", "div", "title", "style")
    def __init__(self):
        super().__init__()
        self.stack, self.out = [], []
    def handle_starttag(self, tag, attrs):
        if tag in self.blocks:
            self.stack.append([tag, dict(attrs), ""])
        if tag == "br" and self.stack:
            self.stack[-1][2] += " "
    def handle_endtag(self, tag):
        if tag in self.blocks and self.stack:
            t, a, text = self.stack.pop()
            if t not in ("title", "style") and "watermark" not in (a.get("class") or ""):
                self.out.append(" ".join(text.split()).casefold())
    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2] += data
b = Blocks()
b.feed(open(sys.argv[1], encoding="utf-8").read())
pdf = subprocess.run(["pdftotext", "-raw", sys.argv[2], "-"], capture_output=True, text=True, check=True).stdout
pdf = " ".join(pdf.split()).casefold()
missing = [t for t in b.out if t and t not in pdf]
if missing or len(b.out) < 10:
    print("%d blocks, not in the PDF: %s" % (len(b.out), missing[:5]))
    sys.exit(1)
PY
}

# refused DESCRIPTION ARGS...: rapat on $db exits 1 (or $want, 2 for a
# usage error) with one line on stderr, nothing on stdout, the database
# unchanged.
refused() {
  local desc=$1 rc before
  shift
  before=$(sum)
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/ref.out" 2>"$tmp/ref.err"
  rc=$?
  if [ "$rc" -ne "${want:-1}" ] || [ -s "$tmp/ref.out" ] || [ "$(wc -l <"$tmp/ref.err")" -ne 1 ] \
     || ! grep -q '^rapat: error: ' "$tmp/ref.err" || [ "$(sum)" != "$before" ]; then
    fail "$desc" "exit $rc (wanted ${want:-1})" "$(head -c 300 "$tmp/ref.err")"
  else
    pass "$desc"
  fi
}

# json_lines EXPRESSION: prints EXPRESSION (Python, over the JSON document
# j on stdin) one item a line.
json_lines() {
  "$PYTHON" -c 'import json,sys; j = json.load(sys.stdin); [print(x) for x in '"$1"']'
}

# ---- A: the Rakernis' notulen ----
setup init
m=$("$RAPAT" --db "$db" demo) || exit 1
setup config set letterhead.ministry "Kementerian Imigrasi dan Pemasyarakatan Republik Indonesia"
setup config set letterhead.office "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku"
setup config set letterhead.address "Jalan Dr. Kayadoe, Kudamati, Nusaniwe, Ambon 97116"
setup config set letterhead.city Ambon
"$RAPAT" --db "$db" minutes show "$m" --json >"$tmp/minutes.json"
json_lines '[i["title"] for i in j["items"]]' <"$tmp/minutes.json" >"$tmp/items"
mapfile -t items <"$tmp/items"
json_lines '[j["chair"]["name"], j["notulis"]["name"]]' <"$tmp/minutes.json" >"$tmp/signers"
mapfile -t signers <"$tmp/signers"
[ "${#items[@]}" -ge 5 ] && [ "${#signers[@]}" -eq 2 ] \
  || { echo "pdf-papers.sh: the demo's minutes are not as expected" >&2; exit 1; }

run "$tmp/none" minutes export "$m" -o "$tmp/n.pdf"
check "minutes export -o FILE.pdf writes a PDF" grep -q '^%PDF-1\.5' "$tmp/n.pdf"
pdfinfo "$tmp/n.pdf" >"$tmp/info"
check "notulen: A4 portrait" grep -q '^Page size: *595.276 x 841.89 pts (A4)' "$tmp/info"
check "notulen: three pages" grep -qx 'Pages: *3' "$tmp/info"
check "notulen: the title says NOTULEN RAPAT, KONSEP and the meeting" \
  grep -qx 'Title: *NOTULEN RAPAT KONSEP — Rapat Kerja Teknis Pemasyarakatan Maluku 2025' "$tmp/info"
check "notulen: the office is the author" \
  grep -qx 'Author: *Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku' "$tmp/info"
pdffonts "$tmp/n.pdf" | tail -n +3 >"$tmp/fonts"
check "notulen: every font embedded as a subset" \
  awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") bad = 1 } END { exit bad + (NR == 0) }' "$tmp/fonts"
pdftotext -layout "$tmp/n.pdf" "$tmp/n.txt"
check "notulen: the letterhead, the title, the KONSEP line, the fields in order" \
  in_order "$tmp/n.txt" "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN" "NOTULEN RAPAT" \
  "Rapat Kerja Teknis Pemasyarakatan Maluku 2025" "KONSEP versi 1: belum final, bukan untuk ditandatangani" \
  "Hari/tanggal" "Selasa, 2 September 2025" "Waktu" "09.05–16.10 WIT" "Tempat" "Pimpinan rapat" \
  "${signers[0]}" "Notulis" "${signers[1]}" "Peserta" "hadir dari" "undangan" "Acara" \
  "1. ${items[0]}" "2. ${items[1]}"
check "notulen: each item's discussion in order, after the agenda" \
  in_order "$tmp/n.txt" "PEMBAHASAN DAN KEPUTUSAN" "1. ${items[0]}" "Acara dibuka pukul 09.05 WIT" \
  "2. ${items[1]}" "Keputusan:" "TINDAK LANJUT" "No." "Uraian" "Penanggung jawab" "Batas waktu" \
  "(keputusan" "KESIMPULAN" "Rakernis menyepakati"
check "notulen: the closing sentence, then the chair's and the notulis' signatures" \
  in_order "$tmp/n.txt" "Demikian notulen rapat ini dibuat" "Pimpinan Rapat," "Notulis," \
  "${signers[0]}" "${signers[1]}"
check "notulen: the two signatures side by side, the chair's on the left" \
  side_by_side "$tmp/n.pdf" "${signers[0]%% *}" "${signers[1]%% *}"
check "notulen: the page numbers and the printing time in WIT" \
  in_order "$tmp/n.txt" "Dicetak 2 September 2025, pukul 09.00 WIT" "Halaman 1 dari 3" "Halaman 3 dari 3"
check "notulen: a draft has KONSEP across every page" on_every_page "$tmp/n.pdf" KONSEP
check "notulen: the first page has KONSEP twice (under the title, across it)" \
  sh -c "test \"\$(pdftotext -raw -l 1 '$tmp/n.pdf' - | tr -d ' \n' | grep -o KONSEP | wc -l)\" -eq 2"
run "$tmp/stdout.pdf" minutes export "$m" --format pdf
check "notulen: --format pdf to standard output, the same bytes" cmp "$tmp/n.pdf" "$tmp/stdout.pdf"
run "$tmp/none" minutes export "$m" -o "$tmp/n2.pdf"
check "notulen: the same bytes twice (SOURCE_DATE_EPOCH)" cmp "$tmp/n.pdf" "$tmp/n2.pdf"

# ---- B: text as typed, never as Pango markup ----
mk='<b>tebal</b> <span foreground="red">merah</span> &amp; &lt;i&gt;'
pdb="$tmp/markup.db"
db=$pdb
setup init
setup person add "Ketua <b>Satu</b>" --position "Kepala & <i>Biro</i>"
setup person add "Notulis <span>"
setup meeting add "Rapat $mk" --start "2025-10-01 09:00" --duration 2h --tz Asia/Makassar \
  --location "Ruang <u>1</u>"
setup attendee add 1 1 --role chair
setup attendee add 1 2
setup attendee mark 1 1 present
setup agenda add 1 "Bahas $mk" --duration 1h
setup minutes start 1 --notulis 2
setup minutes note 1 1 "Catatan $mk"
setup minutes decide 1 1 "Putusan $mk"
run "$tmp/none" minutes export 1 -o "$tmp/mk.pdf"
pdftotext -layout "$tmp/mk.pdf" "$tmp/mk.txt"
check "markup: the title, the place, the item, the note, the decision and the names as typed" \
  in_order "$tmp/mk.txt" "Rapat $mk" "Ruang <u>1</u>" "Ketua <b>Satu</b>, Kepala & <i>Biro</i>" \
  "Notulis <span>" "1. Bahas $mk" "Catatan $mk" "Putusan $mk"
check "markup: the WITA zone of a Makassar meeting" grep -q '09.00–11.00 WITA' "$tmp/mk.txt"

# ---- C: final minutes, as kept; in English ----
db="$tmp/papers.db"
setup minutes finalize "$m"
action=$("$RAPAT" --db "$db" action list --meeting "$m" --json | json_lines '[a["id"] for a in j][:1]')
setup action update "$action" --title "Judul yang diganti kemudian"
setup person edit "${signers[0]}" --name "Nama Yang Diganti"
run "$tmp/none" minutes export "$m" -o "$tmp/final.pdf"
pdftotext -layout "$tmp/final.pdf" "$tmp/final.txt"
check "final notulen: the version line, no KONSEP anywhere" \
  sh -c "grep -q 'Versi 1, final 2 September 2025' '$tmp/final.txt' && ! pdftotext -raw '$tmp/final.pdf' - | tr -d ' \n' | grep -q KONSEP"
check "final notulen: printed from the version kept, not the actions and people as they are now" \
  sh -c "! grep -q 'diganti\|Diganti' '$tmp/final.txt' && grep -q '${signers[0]}' '$tmp/final.txt'"
check "final notulen: the same bytes as --version 1" \
  sh -c "'$RAPAT' --db '$db' minutes export '$m' --version 1 --format pdf | cmp - '$tmp/final.pdf'"
run "$tmp/none" minutes export "$m" --lang en -o "$tmp/en.pdf"
pdftotext -layout "$tmp/en.pdf" "$tmp/en.txt"
check "--lang en: the paper's words in English" \
  in_order "$tmp/en.txt" "MINUTES OF MEETING" "Version 1, final on 2 September 2025" "Date" "Tuesday" \
  "Chair" "Minutes taker" "Participants" "present of" "Agenda" "DISCUSSION AND DECISIONS" "Decisions:" \
  "FOLLOW-UP ACTIONS" "CONCLUSION" "These minutes are a true record" "Chair," "Minutes taker,"
check "--lang en: the page numbers in English" grep -q "Page 1 of [0-9]" "$tmp/en.txt"

# ---- D: text longer than a page ----
ldb="$tmp/long.db"
db=$ldb
setup init
setup person add "Ketua Rapat" --position "Kepala Kantor"
setup person add "Penulis Notulen"
setup person add "Pelaksana"
setup meeting add "Rapat lalu" --start "2025-09-01 09:00" --duration 1h --tz Asia/Jayapura
setup action add "Tindak lanjut lama" --owner 3 --meeting 1 --due 2025-09-20
setup meeting add "Rapat panjang" --start "2025-10-01 09:00" --duration 3h --tz Asia/Jayapura
setup attendee add 2 1 --role chair
setup attendee add 2 2 3
setup agenda add 2 "Pembahasan panjang" --duration 1h
setup agenda add-review 2 --from 1 --title "Tinjauan tindak lanjut" --duration 15m
setup minutes start 2 --notulis 2
# 3,300 words of one paragraph, and a review's note of 1,600 words.
long=$(seq -f 'w%04g' 1 3300 | tr '\n' ' ')
setup minutes note 2 1 "$long"
note=$(seq -f 'r%04g' 1 1600 | tr '\n' ' ')
setup minutes report 2 1 --status in-progress --progress 50 --note "$note"
setup minutes decide 2 1 "Keputusan penutup."
run "$tmp/none" minutes export 2 -o "$tmp/long.pdf"
[ -n "${KEEP_PDF:-}" ] && cp "$tmp/long.pdf" "$tmp/n.pdf" "$tmp/mk.pdf" "$KEEP_PDF/"
lp=$(pages "$tmp/long.pdf")
check "long texts: the notulen goes on over several pages ($lp)" test "${lp:-0}" -ge 8
"$PYTHON" - "$tmp/long.pdf" >"$tmp/long.check" 2>&1 <<'PY'
import re, subprocess, sys
pdf = sys.argv[1]
xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
bad = []
words = {"w": [], "r": []}
heads = 0
for n, page in enumerate(re.findall(r"<page (.*?)</page>", xml, re.S), 1):
    height = float(re.search(r'height="([\d.]+)"', page).group(1))
    bottom = height - 56.69 + 0.5      # the text ends 2 cm above the paper's edge
    footer = height - 56.69 + 8        # the footer is under it
    page_words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page)
    for ymin, ymax, w in page_words:
        if float(ymax) > bottom and float(ymin) < footer:
            bad.append("page %d: %r runs below the bottom margin (%s)" % (n, w, ymax))
        if re.fullmatch(r"[wr]\d{4}", w):
            words[w[0]].append(int(w[1:]))
    text = " ".join(w for _, _, w in page_words)
    if re.search(r"\br\d{4}\b", text) and "Laporan dalam rapat" in text:
        heads += 1
if words["w"] != list(range(1, 3301)):
    bad.append("the note's words not each once in order: %d words" % len(words["w"]))
if words["r"] != list(range(1, 1601)):
    bad.append("the cell's words not each once in order: %d words" % len(words["r"]))
if heads < 2:
    bad.append("the table's header above %d pages of the long cell (wanted 2 or more)" % heads)
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
check "long texts: every word once and in order, none below the margin, the header over the cell's continuation" \
  sh -c "! grep -q . '$tmp/long.check'"
pdftotext -layout "$tmp/long.pdf" "$tmp/long.txt"
check "long texts: the decision after the note, the review, then the signatures" \
  in_order "$tmp/long.txt" "w3300" "Keputusan penutup." "Tinjauan tindak lanjut" "r1600" \
  "Pimpinan Rapat," "Ketua Rapat"

# ---- E: the action matrix ----
db="$tmp/papers.db"
"$RAPAT" --db "$db" report actions --by owner --as-of 2025-12-01 --format json >"$tmp/actions.json"
# A title may wrap in its cell: its first three words.
json_lines '[x for g in j["groups"] for a in g["actions"] for x in (g["key"], " ".join(a["title"].split()[:3]), a["owner"])]' \
  <"$tmp/actions.json" >"$tmp/arows"
mapfile -t arows <"$tmp/arows"
json_lines '[a["title"] for g in j["groups"] for a in g["actions"] if a["overdue"]]' \
  <"$tmp/actions.json" >"$tmp/overdue"
[ -s "$tmp/overdue" ] || { echo "pdf-papers.sh: no overdue action in the demo on 2025-12-01" >&2; exit 1; }
run "$tmp/none" report actions --by owner --as-of 2025-12-01 --lang id -o "$tmp/a.pdf"
pdfinfo "$tmp/a.pdf" >"$tmp/ainfo"
check "action matrix: A4 landscape" grep -q '^Page size: *841.89 x 595.276 pts (A4)' "$tmp/ainfo"
pdftotext -layout "$tmp/a.pdf" "$tmp/a.txt"
check "action matrix: the letterhead, the title, the day judged on, the columns" \
  in_order "$tmp/a.txt" "KANTOR WILAYAH DIREKTORAT JENDERAL" "MATRIKS TINDAK LANJUT" \
  "Keadaan per 1 Desember 2025" "No." "Uraian tindak lanjut" "Penanggung jawab" "Batas waktu" "Status"
check "action matrix: each owner's heading row, then each action with its owner, in order" \
  in_order "$tmp/a.txt" "${arows[@]}"
check "action matrix: the issue under an action, an overdue one marked" \
  in_order "$tmp/a.txt" "Isu: " "lewat batas waktu"
"$PYTHON" - "$tmp/a.txt" "$tmp/overdue" >"$tmp/a.check" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
for title in open(sys.argv[2], encoding="utf-8").read().splitlines():
    # The mark is in the row's status cell: before the next row's number.
    at = text.find(title.split()[0])
    if at < 0 or "lewat batas waktu" not in text[at:at + 900]:
        print("no overdue mark after %r" % title)
PY
check "action matrix: every overdue action marked lewat batas waktu" sh -c "! grep -q . '$tmp/a.check'"
check "action matrix: page numbers and the printing time" \
  in_order "$tmp/a.txt" "Dicetak 2 September 2025" "Halaman 1 dari"
run "$tmp/a2.pdf" report actions --by owner --as-of 2025-12-01 --lang id --format pdf
check "action matrix: standard output, the same bytes" cmp "$tmp/a.pdf" "$tmp/a2.pdf"
run "$tmp/none" report actions --meeting "$m" --as-of 2025-12-01 -o "$tmp/am.pdf"
pdftotext -layout "$tmp/am.pdf" "$tmp/am.txt"
check "action matrix of one meeting: its title, in the meeting's language (WIT: Indonesian)" \
  in_order "$tmp/am.txt" "MATRIKS TINDAK LANJUT" "Rapat Kerja Teknis Pemasyarakatan Maluku 2025" \
  "Keadaan per 1 Desember 2025" "Dicetak 2 September 2025, pukul 09.00 WIT"
db="$tmp/markup.db"
run "$tmp/none" report actions --lang en -o "$tmp/empty.pdf"
check "action matrix without actions: one row says so" grep -q "No action items." \
  <(pdftotext -layout "$tmp/empty.pdf" -)

# ---- F: the invitation and the programme ----
db="$tmp/papers.db"
organizer=$("$RAPAT" --db "$db" meeting show "$m" --json | json_lines '[j["organizer"]]')
# The invitees in the order of the HTML letter's list: the two papers agree.
"$RAPAT" --db "$db" report invitation "$m" --date 2025-08-25 \
  | sed -n 's|^<tr><td class="r">[0-9]*</td><td>\([^<]*\)</td>.*|\1|p' >"$tmp/invitees"
mapfile -t invitees <"$tmp/invitees"
[ "${#invitees[@]}" -ge 20 ] || { echo "pdf-papers.sh: ${#invitees[@]} invitees in the HTML letter" >&2; exit 1; }
"$RAPAT" --db "$db" agenda list "$m" --json >"$tmp/agenda.json"
json_lines '[" ".join(a["title"].split()[:3]) for a in j["agenda"] if a["type"] != "break"]' \
  <"$tmp/agenda.json" >"$tmp/acara"
mapfile -t acara <"$tmp/acara"
run "$tmp/none" report invitation "$m" --date 2025-08-25 --number "005/UND/2025" --nature Segera \
  -o "$tmp/inv.pdf"
pdfinfo "$tmp/inv.pdf" >"$tmp/iinfo"
check "invitation: A4 portrait" grep -q '^Page size: *595.276 x 841.89 pts (A4)' "$tmp/iinfo"
check "invitation: its subject is the PDF's title" \
  grep -qx 'Title: *Undangan Rapat Kerja Teknis Pemasyarakatan Maluku 2025' "$tmp/iinfo"
pdftotext -layout "$tmp/inv.pdf" "$tmp/inv.txt"
check "invitation: the date line, nomor, sifat, lampiran, perihal, the addressees, di Tempat" \
  in_order "$tmp/inv.txt" "Ambon, 25 Agustus 2025" "Nomor" "005/UND/2025" "Sifat" "Segera" \
  "Lampiran" "1 (satu) berkas" "Perihal" "Undangan Rapat Kerja Teknis" "Yth." \
  "Bapak/Ibu (daftar terlampir)" "di" "Tempat"
check "invitation: the body with the day, the time in WIT, the place, the agenda without breaks" \
  in_order "$tmp/inv.txt" "Dengan hormat, kami mengundang" "Hari/tanggal" "Selasa, 2 September 2025" \
  "Waktu" "09.00–16.00 WIT" "Tempat" "Acara" "${acara[@]}" "Mengingat pentingnya acara" "$organizer"
check "invitation: no break in the agenda" sh -c "! pdftotext -l 1 '$tmp/inv.pdf' - | grep -q 'Rehat kopi'"
check "invitation: the attached list starts page 2" \
  sh -c "pdftotext -f 2 -l 2 '$tmp/inv.pdf' - | grep -v '^\s*\$' | head -n 1 | grep -q 'Lampiran Surat Undangan'"
pdftotext -layout -f 2 "$tmp/inv.pdf" "$tmp/list.txt"
check "invitation: the list of every invitee in order, then the signature again" \
  in_order "$tmp/list.txt" "DAFTAR UNDANGAN" "No." "Nama" "Jabatan" "Unit kerja" "${invitees[@]}" "$organizer"
run "$tmp/inv2.pdf" report invitation "$m" --date 2025-08-25 --number "005/UND/2025" --nature Segera --format pdf
check "invitation: standard output, the same bytes" cmp "$tmp/inv.pdf" "$tmp/inv2.pdf"

db="$tmp/markup.db"
run "$tmp/none" report invitation 1 --date 2025-09-20 -o "$tmp/inv-few.pdf"
pdftotext -layout "$tmp/inv-few.pdf" "$tmp/few.txt"
check "invitation to two: one page, each addressee by position (else name) as typed, numbered" \
  sh -c "test \"\$(pdfinfo '$tmp/inv-few.pdf' | sed -n 's/^Pages: *//p')\" = 1"
check "... in order, then di Tempat, the place as typed" \
  in_order "$tmp/few.txt" "Yth." "1. Kepala & <i>Biro</i>" "2. Notulis <span>" "di" "Tempat" \
  "Ruang <u>1</u>" "1. Bahas <b>tebal</b>"
run "$tmp/none" report invitation 1 --date 2025-09-20 --lang en -o "$tmp/inv-en.pdf"
check "--lang en: To:, no di Tempat" \
  sh -c "pdftotext -layout '$tmp/inv-en.pdf' - | grep -q '^To:' && ! pdftotext '$tmp/inv-en.pdf' - | grep -qx 'Tempat'"

db="$tmp/papers.db"
json_lines '[x for a in j["agenda"] for x in (str(a["number"]), a["start"][11:16].replace(":", ".") + "–" + a["end"][11:16].replace(":", "."), " ".join(a["title"].split()[:2]))]' \
  <"$tmp/agenda.json" >"$tmp/prows"
mapfile -t prows <"$tmp/prows"
run "$tmp/none" report programme "$m" -o "$tmp/prog.pdf"
pdftotext -layout "$tmp/prog.pdf" "$tmp/prog.txt"
check "programme: the title, the day, the columns with the zone" \
  in_order "$tmp/prog.txt" "SUSUNAN ACARA" "Rapat Kerja Teknis Pemasyarakatan Maluku 2025" \
  "Hari/tanggal" "Selasa, 2 September 2025" "No." "Waktu (WIT)" "Acara" "Penyaji / Pelaksana"
check "programme: every item, breaks too, with its number and its times, in order" \
  in_order "$tmp/prog.txt" "${prows[@]}"
check "programme: the page number and printing time" grep -q 'Halaman 1 dari 1' "$tmp/prog.txt"
run "$tmp/prog2.pdf" report programme "$m" --format pdf
check "programme: standard output, the same bytes" cmp "$tmp/prog.pdf" "$tmp/prog2.pdf"

# ---- H: the HTML and the PDF of each paper say the same ----
db="$tmp/papers.db"
for paper in "minutes export $m" "report invitation $m --date 2025-08-25 --number 005/UND/2025" \
             "report programme $m" "report actions --by owner --as-of 2025-12-01 --lang id"; do
  # shellcheck disable=SC2086
  if run "$tmp/same.html" $paper --format html && run "$tmp/same.pdf" $paper --format pdf; then
    check "${paper%% [0-9]*}: the PDF says every text of the HTML paper" \
      same_as_html "$tmp/same.html" "$tmp/same.pdf"
  fi
done

# ---- I: the period attendance report's chart ----
# chart_bars PDF: the bars of the chart as drawn, read from the pages
# rendered at 40 dpi (a PPM, parsed here): one line a bar, "PAGE COLOUR
# TOP BOTTOM WIDTH" in pixels, COLOUR green, amber or red (a run of pixel
# rows holding that colour); then "below PAGE" for a page with any of
# those colours under the bottom margin.
chart_bars() {
  rm -f "$tmp"/bars-*.ppm
  pdftoppm -r 40 "$1" "$tmp/bars" || return 1
  "$PYTHON" - "$tmp"/bars-*.ppm <<'PY'
import sys
colours = {"green": (0x3a, 0x7d, 0x44), "amber": (0xc9, 0xa2, 0x27), "red": (0xb0, 0x3a, 0x2e)}
def ppm(path):
    data = open(path, "rb").read()
    fields, at = [], 0
    while len(fields) < 4:
        while data[at:at + 1].isspace():
            at += 1
        if data[at:at + 1] == b"#":
            at = data.index(b"\n", at)
            continue
        end = at
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    assert fields[0] == b"P6" and fields[3] == b"255", fields
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[at + 1:]
for page, path in enumerate(sorted(sys.argv[1:]), 1):
    w, h, px = ppm(path)
    bottom = (h * (841.89 - 56.69) / 841.89)
    runs = {}
    below = False
    for y in range(h):
        row = px[y * w * 3:(y + 1) * w * 3]
        for name, (r, g, b) in colours.items():
            xs = [x for x in range(w) if abs(row[3 * x] - r) <= 12 and abs(row[3 * x + 1] - g) <= 12
                  and abs(row[3 * x + 2] - b) <= 12]
            if len(xs) < 3:
                continue
            if y > bottom:
                below = True
            run = runs.setdefault(name, [])
            if run and run[-1][1] == y - 1:
                run[-1][1] = y
                run[-1][2] = max(run[-1][2], len(xs))
            else:
                run.append([y, y, len(xs)])
    for name, run in runs.items():
        for top, bot, width in run:
            print(page, name, top, bot, width)
    if below:
        print("below", page)
PY
}

# A unit a rate: two green (100 %), two amber (75 %, 50 %), one red (25 %),
# one at 0 % (no bar); four people each, one meeting.
cdb="$tmp/chart.db"
db=$cdb
setup init
setup meeting add "Rapat capaian" --start "2025-09-10 09:00" --duration 2h --tz Asia/Jayapura
i=0
for spec in "Unit Hijau Satu:4" "Unit Hijau Dua:4" "Unit Kuning Satu:3" "Unit Kuning Dua:2" \
            "Unit Merah:1" "Unit Nol:0"; do
  i=$((i + 1))
  setup unit add "${spec%:*}" --code "C$i"
  for k in 1 2 3 4; do
    setup person add "Pegawai $i-$k" --unit "C$i"
    setup attendee add 1 "Pegawai $i-$k"
    if [ "$k" -le "${spec#*:}" ]; then
      setup attendee mark 1 "Pegawai $i-$k" hadir
    else
      setup attendee mark 1 "Pegawai $i-$k" alpa
    fi
  done
done
run "$tmp/none" report attendance --from 2025-09-01 --to 2025-09-30 --by unit -o "$tmp/chart.pdf"
chart_bars "$tmp/chart.pdf" >"$tmp/chart.bars"
check "period chart: bars drawn in the PDF, 2 green, 2 amber, 1 red (none for 0%)" \
  sh -c "test \"\$(grep -c ' green ' '$tmp/chart.bars') \$(grep -c ' amber ' '$tmp/chart.bars') \$(grep -c ' red ' '$tmp/chart.bars')\" = '2 2 1'"
check "period chart: each bar as long as its rate (100, 100, 75, 50, 25 %)" "$PYTHON" -c '
import sys
bars = [l.split() for l in open(sys.argv[1]) if not l.startswith("below")]
full = max(int(b[4]) for b in bars)
got = sorted(round(100 * int(b[4]) / full) for b in bars)
assert got == [25, 50, 75, 100, 100], got
# 100 % is the bars column: 360 of the 640 units of the text width, at 40 dpi.
assert abs(full - 360 / 640 * 481.89 * 40 / 72) <= 3, full
' "$tmp/chart.bars"
check "period chart: the labels, the rates and the ticks in the PDF's text" \
  in_order <(pdftotext -raw "$tmp/chart.pdf" -) "Unit Nol" "0.0%" "Unit Merah" "25.0%" \
  "Unit Kuning Dua" "50.0%" "Unit Kuning Satu" "75.0%" "Unit Hijau" "100.0%" "Unit Hijau" "100.0%" \
  "0%" "25%" "50%" "75%" "100%" "Unit" "Meetings"

# 60 units: the chart goes on to the next page between two bars, nothing
# under the bottom margin, every label once; the ticks above its bars there.
db="$tmp/chart60.db"
setup init
setup meeting add "Rapat enam puluh unit" --start "2025-09-10 09:00" --duration 2h --tz Asia/Jayapura
for i in $(seq -w 1 60); do
  setup unit add "Satuan Kerja Nomor $i" --code "S$i"
  setup person add "Pegawai $i" --unit "S$i"
  setup attendee add 1 "Pegawai $i"
  [ $((10#$i % 3)) -ne 0 ] && setup attendee mark 1 "Pegawai $i" hadir
  [ $((10#$i % 3)) -eq 0 ] && setup attendee mark 1 "Pegawai $i" izin
done
run "$tmp/none" report attendance --from 2025-09-01 --to 2025-09-30 --by unit -o "$tmp/c60.pdf"
chart_bars "$tmp/c60.pdf" >"$tmp/c60.bars"
check "60 units: 40 green bars (100%) over two pages, none under the bottom margin" \
  sh -c "test \"\$(grep -c ' green ' '$tmp/c60.bars')\" = 40 && ! grep -q below '$tmp/c60.bars' \
         && test \"\$(cut -d' ' -f1 '$tmp/c60.bars' | sort -u | wc -l)\" -ge 2"
"$PYTHON" - "$tmp/c60.pdf" >"$tmp/c60.check" 2>&1 <<'PY'
import re, subprocess, sys
pdf = sys.argv[1]
xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
bad = []
for n, page in enumerate(re.findall(r"<page (.*?)</page>", xml, re.S), 1):
    height = float(re.search(r'height="([\d.]+)"', page).group(1))
    bottom = height - 56.69 + 0.5
    # Under the bottom margin, the footer only: the printing time, the page.
    under = [w for ymax, w in re.findall(r'yMax="([\d.]+)">([^<]*)<', page) if float(ymax) > bottom]
    if not re.fullmatch(r"Printed .* UTC Page %d of \d+" % n, " ".join(under)):
        bad.append("page %d: under the bottom margin: %r" % (n, " ".join(under)))
raw = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True, check=True).stdout
chart = raw[:raw.index("Meetings")]
for i in range(1, 61):
    label = "Satuan Kerja Nomor %02d" % i
    if chart.count(label) != 1:
        bad.append("%r %d times in the chart" % (label, chart.count(label)))
    if raw.count(label) != 2:
        bad.append("%r %d times in the PDF (the chart and the table)" % (label, raw.count(label)))
pages = raw.split("\f")
second = " ".join(pages[1].split())
if not second.startswith("0% 25% 50% 75% 100% Satuan Kerja Nomor"):
    bad.append("page 2 does not start with the ticks over the bars: %r" % second[:80])
print("\n".join(bad))
PY
check "60 units: nothing under the bottom margin, every label once in the chart, the ticks over page 2's bars" \
  sh -c "! grep -q . '$tmp/c60.check'"

# ---- G: refusals ----
db="$tmp/papers.db"
echo "kept" >"$tmp/kept.pdf"
refused "minutes export of an unknown meeting: one line" minutes export "Tidak ada rapat ini" --format pdf
refused "minutes export to an -o in a folder that does not exist: one line" \
  minutes export "$m" -o "$tmp/nonexistent/n.pdf"
want=2 refused "minutes export --format xyz: one line, a usage error" minutes export "$m" --format xyz -o "$tmp/kept.pdf"
RAPAT_PDF_MODULE=/nonexistent/rapat-pdf.so refused "minutes export, the PDF module not loading: one line" \
  minutes export "$m" -o "$tmp/kept.pdf"
check "... naming the module's path" grep -q '/nonexistent/rapat-pdf.so' "$tmp/ref.err"
refused "report invitation of an unknown meeting: one line" report invitation "Tidak ada rapat ini" --format pdf
want=2 refused "report programme --format xml: one line, a usage error" report programme "$m" --format xml -o "$tmp/kept.pdf"
refused "report programme to an -o in a folder that does not exist: one line" \
  report programme "$m" -o "$tmp/nonexistent/p.pdf"
RAPAT_PDF_MODULE=/nonexistent/rapat-pdf.so refused "report actions, the PDF module not loading: one line" \
  report actions -o "$tmp/kept.pdf"
RAPAT_PDF_MODULE=/nonexistent/rapat-pdf.so refused "report invitation, the PDF module not loading: one line" \
  report invitation "$m" -o "$tmp/kept.pdf"
check "the refused exports left an existing file as it was" grep -qx kept "$tmp/kept.pdf"
db="$tmp/long.db"
setup meeting cancel 1 --reason "Ditunda"
refused "the programme of a cancelled meeting: one line" report programme 1 -o "$tmp/kept.pdf"

# ---- I: the letterhead's logo: PNG, JPEG, SVG ----
db="$tmp/logo.db"
setup init
"$RAPAT" --db "$db" demo >/dev/null || exit 1
setup config set letterhead.office "Kantor Wilayah Maluku"
# A PNG logo 48 x 32 pixels, a red field with a yellow square in it.
"$PYTHON" - "$tmp/logo.png" <<'PY'
import struct, sys, zlib
w, h = 48, 32
rows = b"".join(b"\0" + b"".join(bytes([230, 190, 40]) if 16 <= x < 32 and 8 <= y < 24
                                  else bytes([160, 20, 20]) for x in range(w)) for y in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY

# logo_drawn PDF RATIO: the first page of PDF, rendered, has a logo at the
# top left (the letterhead's first 62.4 x 68 points at the margins): most
# of its middle dark, the same box at the right margin white, and what is
# drawn there RATIO times as wide as high (a tenth either way).
logo_drawn() {
  pdftoppm -r 72 -gray -f 1 -l 1 -singlefile "$1" "$tmp/logo-page" || return 1
  "$PYTHON" - "$tmp/logo-page.pgm" "$2" <<'PY'
import sys
raw = open(sys.argv[1], "rb").read()
fields = raw.split(maxsplit=4)
w, h = int(fields[1]), int(fields[2])
px = fields[4]
dark = lambda x, y: px[y * w + x] < 200
# At 72 dpi a point is a pixel; the margins are 56.7 points.
def share(x0, x1, y0, y1):
    n = sum(dark(x, y) for x in range(x0, x1) for y in range(y0, y1))
    return n / ((x1 - x0) * (y1 - y0))
left = share(60, 115, 60, 95)
right = share(w - 115, w - 60, 60, 95)
# Where the logo's pixels are, above the rules under the letterhead (a
# rule runs across the page: it is dark at the right margin too).
rows = [y for y in range(50, 130) if not dark(w - 70, y)]
xs = [x for y in rows for x in range(50, 125) if dark(x, y)]
ys = [y for y in rows for x in range(50, 125) if dark(x, y)]
if not xs:
    print("nothing drawn at the top left"); sys.exit(1)
ratio = (max(xs) - min(xs) + 1) / (max(ys) - min(ys) + 1)
want = float(sys.argv[2])
if left < 0.5 or right > 0.01 or abs(ratio / want - 1) > 0.1:
    print("logo box %.0f%% dark, the right %.0f%%, %d x %d pixels (%.2f, wanted %.2f)"
          % (100 * left, 100 * right, max(xs) - min(xs) + 1, max(ys) - min(ys) + 1, ratio, want))
    sys.exit(1)
PY
}

cp "$SRCDIR/tests/cli/data/logo.jpg" "$tmp/logo.jpg"
cp "$SRCDIR/tests/cli/data/logo.svg" "$tmp/logo.svg"
# kind FILE RATIO: the logo's type, its file, its width over its height.
for spec in "PNG logo.png 1.5" "JPEG logo.jpg 1.5" "SVG logo.svg 1.0"; do
  read -r kind file ratio <<<"$spec"
  setup config set letterhead.logo "$tmp/$file"
  if run "$tmp/none" minutes export 1 -o "$tmp/logo-$kind.pdf"; then
    check "$kind logo: drawn in the letterhead's logo box, its shape kept" \
      logo_drawn "$tmp/logo-$kind.pdf" "$ratio"
    pdfimages -list "$tmp/logo-$kind.pdf" | tail -n +3 >"$tmp/images"
    case $kind in
      PNG) check "PNG logo: one 48x32 image" awk '$3 == "image" && $4 == 48 && $5 == 32 { n++ } END { exit n != 1 }' "$tmp/images" ;;
      JPEG) check "JPEG logo: one 123x82 image, the JPEG as it came" \
              awk '$3 == "image" && $4 == 123 && $5 == 82 && $9 == "jpeg" { n++ } END { exit n != 1 }' "$tmp/images" ;;
      SVG) check "SVG logo: drawn as vectors, no image" sh -c "! grep -q . '$tmp/images'" ;;
    esac
  fi
done

# Files that pass 'config set' (they start as a JPEG or hold <svg) but that
# the libraries cannot read.
printf '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10"</svg>\n' >"$tmp/bad.svg"
printf '\377\330\377\340 not the rest of a JPEG' >"$tmp/bad.jpg"
echo "kept" >"$tmp/kept.pdf"
for file in bad.svg bad.jpg; do
  setup config set letterhead.logo "$tmp/$file"
  refused "a corrupt ${file#bad.} logo: one line" minutes export 1 -o "$tmp/kept.pdf"
  check "... naming the logo and why" grep -Eq "logo '$tmp/$file': not an? (SVG|JPEG) image (librsvg|gdk-pixbuf) can read \(.+\)$" "$tmp/ref.err"
  refused "a corrupt ${file#bad.} logo: report programme, one line" report programme 1 --format pdf
done
check "the refused PDFs left an existing file as it was" grep -qx kept "$tmp/kept.pdf"

echo "pdf-papers: $n_pass passed, $n_fail failed"
[ "$n_fail" -eq 0 ]
