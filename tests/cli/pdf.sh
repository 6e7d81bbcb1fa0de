#!/bin/bash
# rapat CLI tests: papers as PDF drawn by the PDF module (issue 20), read
# back with poppler's tools, which rapat did not write.
#
# Part A, the Rakernis' sign-in sheet (rapat demo, a letterhead, NIPs):
# pdfinfo says A4 and the page count, the title, the office as author and
# rapat as creator; pdffonts says every font is embedded; pdftotext gives
# the letterhead, DAFTAR HADIR, the time in WIT, every invitee in the
# sheet's order, the numbers of the signature column, the blank rows and
# the signer's name and NIP last.  -o FILE.pdf chooses PDF; stdout gives
# the same bytes; two runs with SOURCE_DATE_EPOCH give identical bytes and
# the creation date is that instant.  --with-status adds the attendance.
# Part B, a sheet of 200 invitees: the header on every page, every row's
# lines on one page, in order.
# Part C, refusals: an unknown format, an unwritable -o, options for PDF
# only, a module that does not load: one line on stderr, exit non-zero, the
# database unchanged.
# Part D, the attendance report of one meeting as PDF: every attendee and
# the totals, with the totals' heading never alone at a page's foot.
# Part E, the attendance of a period as PDF, from 200 rows down to 164 one
# at a time: the total row is never alone at the top of a page.
#
# Environment (set by 'make check'): RAPAT, SRCDIR, SQLITE3.  Exits 77
# (skipped) when poppler-utils are not installed.

set -u
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/pdf-lib.sh"
cli_setup
db="$tmp/pdf.db"

sum() { sha256sum "$db" | cut -d' ' -f1; }


# refused DESCRIPTION STATUS ARGS...: rapat on $db exits STATUS with one
# line on stderr, nothing on stdout, the database unchanged.
refused() {
  local desc=$1 want=$2 rc before
  shift 2
  before=$(sum)
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/ref.out" 2>"$tmp/ref.err"
  rc=$?
  if [ "$rc" -ne "$want" ] || [ -s "$tmp/ref.out" ] || [ "$(wc -l <"$tmp/ref.err")" -ne 1 ] \
     || ! grep -q '^rapat: error: ' "$tmp/ref.err" || [ "$(sum)" != "$before" ]; then
    fail "$desc" "exit $rc (wanted $want)" "$(head -c 300 "$tmp/ref.err")"
  else
    pass "$desc"
  fi
}

# ---- A: the Rakernis' sign-in sheet ----
setup init
m=$("$RAPAT" --db "$db" demo) || exit 1
setup config set letterhead.ministry "Kementerian Imigrasi dan Pemasyarakatan Republik Indonesia"
setup config set letterhead.office "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku"
setup config set letterhead.address "Jalan Dr. Kayadoe, Kudamati, Nusaniwe, Ambon 97116"
setup config set letterhead.city Ambon
# A PNG logo (a ring), written here (pdf-papers.sh draws a JPEG and an SVG too).
"$PYTHON" - "$tmp/logo.png" <<'PY'
import struct, sys, zlib
w, h = 64, 72
rows = b""
for y in range(h):
    rows += b"\0"
    for x in range(w):
        d = (x - 32) ** 2 + (y - 36) ** 2
        rows += bytes([160, 20, 20, 255]) if 484 < d < 784 else bytes([230, 190, 40, 255]) if d <= 484 else bytes(4)
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY
setup config set letterhead.logo "$tmp/logo.png"
organizer=$("$RAPAT" --db "$db" meeting show "$m" --json | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["organizer"])')
setup person edit "$organizer" --nip "197203152002122001"
setup person edit "Abraham Renwarin" --nip "198001012005011017"
"$RAPAT" --db "$db" attendee list "$m" --json \
  | "$PYTHON" -c 'import json,sys; [print(a["name"]) for a in json.load(sys.stdin)["attendees"]]' >"$tmp/names"
n_invited=$(wc -l <"$tmp/names")
[ "$n_invited" -ge 20 ] || { echo "pdf.sh: the demo has $n_invited invitees" >&2; exit 1; }

run "$tmp/none" report signin --meeting "$m" -o "$tmp/s.pdf"
check "-o FILE.pdf writes a PDF" grep -q '^%PDF-1\.5' "$tmp/s.pdf"
pdfinfo "$tmp/s.pdf" >"$tmp/info"
check "pdfinfo: A4 portrait" grep -q '^Page size: *595.276 x 841.89 pts (A4)' "$tmp/info"
check "pdfinfo: two pages for $n_invited invitees and 5 blank rows" grep -qx 'Pages: *2' "$tmp/info"
check "pdfinfo: the title names the meeting" \
  grep -qx 'Title: *Daftar hadir Rapat Kerja Teknis Pemasyarakatan Maluku 2025' "$tmp/info"
check "pdfinfo: the office is the author" \
  grep -qx 'Author: *Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku' "$tmp/info"
check "pdfinfo: rapat is the creator" grep -qx 'Creator: *rapat [0-9.]*' "$tmp/info"
check "pdfinfo: created at SOURCE_DATE_EPOCH" grep -q '^CreationDate: *Tue Sep  2 .*2025' "$tmp/info"
if command -v pdfimages >/dev/null 2>&1; then
  check "the logo: one 64x72 image on the first page" \
    sh -c "pdfimages -list '$tmp/s.pdf' | awk '\$1 == 1 && \$3 == \"image\" && \$4 == 64 && \$5 == 72' | grep -q ."
fi
pdffonts "$tmp/s.pdf" | tail -n +3 >"$tmp/fonts"
check "pdffonts: Noto or DejaVu fonts" grep -Eq 'NotoSans|DejaVuSans' "$tmp/fonts"
check "pdffonts: every font embedded as a subset" \
  awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") bad = 1 } END { exit bad + (NR == 0) }' "$tmp/fonts"
pdftotext -layout "$tmp/s.pdf" "$tmp/s.txt"
check "the letterhead, in capitals" grep -q 'KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN' "$tmp/s.txt"
check "the title and the meeting's day and time in WIT" \
  in_order "$tmp/s.txt" "DAFTAR HADIR" "Hari/tanggal" "Selasa, 2 September 2025" "Waktu" "09.00–16.00 WIT" \
  "Tempat" "Acara"
check "the columns" in_order "$tmp/s.txt" "No." "Nama / NIP" "Jabatan" "Unit Kerja" "Tanda Tangan"
mapfile -t names <"$tmp/names"
check "every invitee, in the sheet's order" in_order "$tmp/s.txt" "${names[@]}"
check "a NIP under its name, its parts apart" in_order "$tmp/s.txt" "Abraham Renwarin" "NIP 19800101 200501 1 017"
check "the signature column numbered to the last blank row" \
  in_order "$tmp/s.txt" $(seq -f '%g.' 1 $((n_invited + 5)))
check "the signature block last: city and date, the organizer, the NIP" \
  in_order "$tmp/s.txt" "$((n_invited + 5))." "Ambon, 2 September 2025" "$organizer" "NIP 19720315 200212 2 001"
check "the page numbers in Indonesian" in_order "$tmp/s.txt" "Halaman 1 dari 2" "Halaman 2 dari 2"
check "the printing time in the meeting's zone" grep -q 'Dicetak 2 September 2025, pukul 09.00 WIT' "$tmp/s.txt"

run "$tmp/stdout.pdf" report signin --meeting "$m" --format pdf
check "--format pdf to standard output: the same bytes" cmp "$tmp/s.pdf" "$tmp/stdout.pdf"
run "$tmp/none" report signin --meeting "$m" -o "$tmp/s2.pdf"
check "the same input gives the same bytes (SOURCE_DATE_EPOCH)" cmp "$tmp/s.pdf" "$tmp/s2.pdf"
SOURCE_DATE_EPOCH=1756857600 "$RAPAT" --db "$db" report signin --meeting "$m" -o "$tmp/s3.pdf" 2>/dev/null
check "another SOURCE_DATE_EPOCH, another creation date" \
  sh -c "pdfinfo '$tmp/s3.pdf' | grep -q '^CreationDate: *Wed Sep  3'"

setup attendee mark "$m" "Abraham Renwarin" sakit
run "$tmp/none" report signin --meeting "$m" --with-status --blank 0 --lang en -o "$tmp/st.pdf"
pdftotext -layout "$tmp/st.pdf" "$tmp/st.txt"
check "--with-status --lang en: the Status column and the attendance recorded" \
  in_order "$tmp/st.txt" "ATTENDANCE LIST" "Status" "Signature" "Abraham Renwarin" "Sick"
check "--blank 0: no blank row" sh -c "! grep -q '^ *$((n_invited + 1)) ' '$tmp/st.txt'"
check "English page numbers" grep -q 'Page 1 of ' "$tmp/st.txt"

# ---- B: 200 invitees ----
big="$tmp/big.db"
{
  echo "nama,jabatan,nip"
  for i in $(seq 1 200); do
    printf 'Pegawai %03d,Jabatan fungsional dengan uraian yang panjang sekali akhir%03d,19800101200501%d%03d\n' \
      "$i" "$i" $((i % 2 + 1)) "$i"
  done
} >"$tmp/people.csv"
db=$big
setup init
setup person import "$tmp/people.csv"
bm=$("$RAPAT" --db "$big" meeting add "Rapat Koordinasi Besar" --start "2025-09-16 09:00" --duration 2h \
     --tz Asia/Makassar --location "Aula") || exit 1
setup attendee add "$bm" $(seq 1 200)
start=$(date +%s.%N)
run "$tmp/none" report signin --meeting "$bm" -o "$tmp/big.pdf"
end=$(date +%s.%N)
pages=$(pdfinfo "$tmp/big.pdf" | sed -n 's/^Pages: *//p')
check "200 invitees: several pages ($pages)" test "${pages:-0}" -ge 5
"$PYTHON" - "$tmp/big.pdf" "$pages" >"$tmp/big.check" 2>&1 <<'PY'
import re, subprocess, sys
pdf, pages = sys.argv[1], int(sys.argv[2])
seen = []
bad = []
for p in range(1, pages + 1):
    text = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-"],
                          capture_output=True, text=True, check=True).stdout
    if not re.search(r"No\.\s+Nama / NIP\s+Jabatan\s+Unit Kerja\s+Tanda Tangan", text):
        bad.append("page %d: no header" % p)
    for n in re.findall(r"Pegawai (\d{3})", text):
        seen.append(int(n))
        # The row's last lines (its NIP, the end of its position) on the same page.
        if ("akhir%s" % n) not in text or ("200501 %d %s" % (int(n) % 2 + 1, n)) not in text:
            bad.append("page %d: row %s split" % (p, n))
if seen != list(range(1, 201)):
    bad.append("rows not each once in order: %s" % seen[:20])
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
check "200 invitees: the header on every page, no row split, every row once in order" \
  sh -c "! grep -q . '$tmp/big.check'"
check "200 invitees: the WITA time" sh -c "pdftotext -l 1 '$tmp/big.pdf' - | grep -q '09.00–11.00 WITA'"
echo "# 200-invitee sheet: $(echo "$end - $start" | bc 2>/dev/null || echo '?') s"

# ---- D: the attendance report of one meeting ----
db="$tmp/pdf.db"
"$RAPAT" --db "$db" report attendance --meeting "$m" --format json \
  | "$PYTHON" -c 'import json,sys; r = json.load(sys.stdin); [print(a["name"]) for a in r["rows"]]; print(r["totals"]["invited"], file=sys.stderr)' \
  >"$tmp/anames" 2>"$tmp/invited"
mapfile -t anames <"$tmp/anames"
run "$tmp/none" report attendance --meeting "$m" --grace 10m --lang en -o "$tmp/r.pdf"
pdftotext -layout "$tmp/r.pdf" "$tmp/r.txt"
pdfinfo "$tmp/r.pdf" >"$tmp/rinfo"
check "attendance PDF: A4" grep -q '^Page size: *595.276 x 841.89 pts (A4)' "$tmp/rinfo"
check "attendance PDF: every attendee in order" in_order "$tmp/r.txt" "ATTENDANCE REPORT" "${anames[@]}"
check "attendance PDF: the totals and the rate after the rows" \
  in_order "$tmp/r.txt" "${anames[-1]}" "Totals" "Invited" "$(cat "$tmp/invited")" "Present" "Attendance rate" "%"
check "attendance PDF: the reconciliation lists, then the organizer's signature" \
  in_order "$tmp/r.txt" "Accepted but did not attend" "Attended without replying" "$organizer"
"$PYTHON" - "$tmp/r.pdf" >"$tmp/r.check" 2>&1 <<'PY'
import subprocess, sys
pdf = sys.argv[1]
pages = int([l.split()[-1] for l in subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages:")][0])
for p in range(1, pages + 1):
    text = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-"],
                          capture_output=True, text=True).stdout
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    body = [l for l in lines if not l.startswith("Printed ")]
    # "Totals" is a heading of a table whose rows follow it on its page.
    if body and body[-1].startswith("Totals"):
        print("page %d ends with the Totals heading" % p); sys.exit(1)
    if body and body[0].startswith("Attendance rate"):
        print("page %d starts with the rate alone" % p); sys.exit(1)
PY
check "attendance PDF: the Totals heading never alone at a page's foot, the rate never alone at a top" \
  sh -c "! grep -q . '$tmp/r.check'"
run "$tmp/none" report attendance --meeting "$m" -o "$tmp/r2.pdf" --lang en --grace 10m
check "attendance PDF: the same bytes twice" cmp "$tmp/r.pdf" "$tmp/r2.pdf"

# ---- E: a period's attendance; its total row never alone at a page's top ----
db=$big
setup config set tz Asia/Makassar
setup attendee mark "$bm" 1 hadir
lone=0 tried=0
# One row fewer each time, over more rows than a page holds: somewhere the
# total row would be the first on a page of its own.
for k in $(seq 200 -1 164); do
  [ "$k" -lt 200 ] && setup attendee remove "$bm" "$((k + 1))"
  "$RAPAT" --db "$big" report attendance --from 2025-09-01 --to 2025-09-30 -o "$tmp/p.pdf" 2>"$tmp/p.err" || { lone=-1; break; }
  tried=$((tried + 1))
  pp=$(pdfinfo "$tmp/p.pdf" | sed -n 's/^Pages: *//p')
  # The page of the total row (Total, or Jumlah when the catalog is
  # installed) has a row of a person (Pegawai NNN) above it.
  for p in $(seq "$pp" -1 1); do
    pdftotext -layout -f "$p" -l "$p" "$tmp/p.pdf" "$tmp/p.txt"
    grep -Eq '^ *(Total|Jumlah)  ' "$tmp/p.txt" && break
  done
  if ! grep -q '^ *Pegawai [0-9]' "$tmp/p.txt"; then
    lone=$k
    break
  fi
done
check "period PDF: $tried sizes from 200 to 164 rows (more than a page holds), the total row never alone on a page" test "$lone" = 0
check "period PDF: the total row last, with the meetings and the invitations" \
  sh -c "pdftotext -layout '$tmp/p.pdf' - | grep -Eq '^ *(Total|Jumlah)  *1  *164 '"

# ---- C: refusals ----
db="$tmp/pdf.db"
refused "an unknown format: one line, exit 2" 2 report signin --meeting "$m" --format xml
refused "an -o in a folder that does not exist: one line, exit 1" 1 \
  report signin --meeting "$m" -o "$tmp/nonexistent/s.pdf"
# The HTML sheet comes from the PDF's layout: --with-status is no usage error there.
run "$tmp/st.html" report signin --meeting "$m" --with-status --blank 0 --lang en
check "--with-status in HTML: the Status column and the attendance recorded" \
  in_order "$tmp/st.html" "ATTENDANCE LIST" "Status" "Signature" "Abraham Renwarin" "Sick"
RAPAT_PDF_MODULE=/nonexistent/rapat-pdf.so refused "a PDF module that does not load: one line naming it" 1 \
  report signin --meeting "$m" --format pdf
check "... naming the path" grep -q '/nonexistent/rapat-pdf.so' "$tmp/ref.err"
RAPAT_PDF_MODULE=/nonexistent/rapat-pdf.so "$RAPAT" --version >"$tmp/version" 2>&1
check "--version says why the PDF module does not load" \
  grep -q '^  pdf: not available (.*/nonexistent/rapat-pdf.so' "$tmp/version"
"$RAPAT" --version >"$tmp/version" 2>&1
check "--version names Cairo, Pango, librsvg and gdk-pixbuf" grep -q '^  pdf: Cairo 1\.[0-9.]*, Pango 1\.[0-9.]*, librsvg 2\.[0-9.]*, gdk-pixbuf 2\.' "$tmp/version"

setup meeting cancel "$m" --reason "Ditunda karena cuaca buruk"
refused "a cancelled meeting's sheet without --force: one line" 1 report signin --meeting "$m" -o "$tmp/c.pdf"
run "$tmp/none" report signin --meeting "$m" --force -o "$tmp/c.pdf"
cpages=$(pdfinfo "$tmp/c.pdf" | sed -n 's/^Pages: *//p')
check "--force: DIBATALKAN and the reason on the first page" \
  sh -c "pdftotext -l 1 '$tmp/c.pdf' - | grep -q 'DIBATALKAN — alasan: Ditunda karena cuaca buruk'"
check "--force: DIBATALKAN across every page" \
  sh -c "for p in \$(seq 1 $cpages); do pdftotext -raw -f \$p -l \$p '$tmp/c.pdf' - | grep -q DIBATALKAN || exit 1; done"

echo "pdf: $n_pass passed, $n_fail failed"
[ "$n_fail" -eq 0 ]
