#!/bin/bash
# rapat benchmark: the PDF sign-in sheet of a meeting with 200 invitees
# (issue 20), against what a user would otherwise do: print rapat's HTML
# sheet to PDF with headless Chromium.
#
# The database: 'rapat init', a letterhead, 200 people with positions, units
# and NIPs imported from CSV, one meeting in WIT with all of them invited.
# rapat's figure is the median of RUNS runs of 'report signin --format pdf'
# (the PDF module loaded, Cairo and Pango drawing ~14 pages); Chromium's is
# one run of 'chromium --headless --print-to-pdf' on 'report signin
# --format html' (skipped when chromium is not installed).
#
# Usage: bench/pdf-signin.sh   (RAPAT=src/rapat N=200 RUNS=11 CHROMIUM=chromium)

set -eu
RAPAT=${RAPAT:-$PWD/src/rapat}
N=${N:-200}
RUNS=${RUNS:-11}
CHROMIUM=${CHROMIUM:-chromium}
export RAPAT_PDF_MODULE="${RAPAT_PDF_MODULE:-$(dirname "$RAPAT")/.libs/rapat-pdf.so}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapat-bench-pdf.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
db="$tmp/b.db"

awk -v n="$N" 'BEGIN {
  print "nama,jabatan,unit,nip"
  for (i = 1; i <= n; i++) {
    y = 1960 + i % 40; m = 1 + i % 12; d = 1 + i % 28
    printf "Pegawai Nomor %03d,Kepala Seksi Pelayanan dan Pengelolaan %d,,%04d%02d%02d%04d%02d%d%03d\n",
           i, i % 17, y, m, d, y + 25, m, 1 + i % 2, i
  }
}' >"$tmp/people.csv"
"$RAPAT" --db "$db" init >/dev/null
"$RAPAT" --db "$db" config set letterhead.ministry "Kementerian Imigrasi dan Pemasyarakatan Republik Indonesia"
"$RAPAT" --db "$db" config set letterhead.office "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Maluku"
"$RAPAT" --db "$db" config set letterhead.city Ambon
"$RAPAT" --db "$db" person import "$tmp/people.csv" >/dev/null
m=$("$RAPAT" --db "$db" meeting add "Rapat Koordinasi Wilayah" --start "2025-09-16 09:00" \
    --duration 3h --tz Asia/Jayapura --location "Aula Kantor Wilayah")
# shellcheck disable=SC2046
"$RAPAT" --db "$db" attendee add "$m" $(seq 1 "$N") >/dev/null

# median SECONDS...: the middle value.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Wall time, and CPU time (user + system), which a busy machine disturbs less.
times=() cpu=()
for _ in $(seq 1 "$RUNS"); do
  s=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$tmp/cpu" \
    "$RAPAT" --db "$db" report signin --meeting "$m" --format pdf -o "$tmp/s.pdf"
  e=$(date +%s.%N)
  times+=("$(echo "$e - $s" | bc)")
  cpu+=("$(awk '{ print $1 + $2 }' "$tmp/cpu")")
done
pages=$(pdfinfo "$tmp/s.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
printf 'rapat report signin --format pdf, %d invitees (%s pages, %d bytes): median %.3f s wall, %.2f s CPU, of %d runs\n' \
  "$N" "${pages:-?}" "$(stat -c %s "$tmp/s.pdf")" "$(median "${times[@]}")" "$(median "${cpu[@]}")" "$RUNS"

if command -v "$CHROMIUM" >/dev/null 2>&1; then
  "$RAPAT" --db "$db" report signin --meeting "$m" -o "$tmp/s.html"
  s=$(date +%s.%N)
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$tmp/c.pdf" "file://$tmp/s.html" >/dev/null 2>&1
  e=$(date +%s.%N)
  pages=$(pdfinfo "$tmp/c.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  printf 'chromium --headless --print-to-pdf of the HTML sheet (%s pages, %d bytes): %.3f s, one run\n' \
    "${pages:-?}" "$(stat -c %s "$tmp/c.pdf" 2>/dev/null || echo 0)" "$(echo "$e - $s" | bc)"
else
  echo "chromium not installed: no comparison"
fi
