#!/bin/bash
# rapat under valgrind: the dispatcher and a command of each kind, with
# their options (text, lists, file names), so that what a run allocates
# for its options, target and warnings is freed.  Run by 'make check-valgrind'
# (not by 'make check': valgrind makes each command take a second or more).
#
# Environment: RAPAT, VALGRIND (default valgrind).
set -u
. "$(dirname "$0")/lib.sh"
cli_setup
VALGRIND=${VALGRIND:-valgrind}
db="$tmp/v.db"

# vg ARGS...: runs rapat ARGS under valgrind; a leak or error fails the check.
vg() {
  # shellcheck disable=SC2086
  if G_SLICE=always-malloc G_DEBUG=gc-friendly "$VALGRIND" --quiet --error-exitcode=99 ${VALGRIND_SUPP:-} \
       --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
       "$RAPAT" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; then
    pass "rapat $*"
  elif [ $? = 99 ]; then
    fail "rapat $*" "$(cat "$tmp/err")"
  else
    pass "rapat $* (refused, as expected)"
  fi
}

"$RAPAT" --db "$db" demo >/dev/null || { echo "$cli_name: rapat demo failed" >&2; exit 1; }
vg --help
vg meeting --help
vg meeting list --from 2025-09-01 --to 2025-09-30 --tz Asia/Jayapura --json
vg meeting show 1
vg meeting edit 1 --location 'Aula Lapas Ambon' --keep-replies
vg meeting add 'Rapat evaluasi' --start '2025-09-02 10:00' --duration 1h --tz Asia/Jayapura
vg agenda list 1 --json
vg attendee list 1
vg export ics -o "$tmp/all.ics" --alarm 15m --alarm 1d
vg export ics --method request --meeting 1 -o "$tmp/req.ics"
imports="${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/data/import"
vg import ics --tz Asia/Jakarta --add-people "$imports/outlook.ics" "$imports/series.ics"
vg import ics --skip-bad --all-day-as-meetings "$imports/broken.ics" "$imports/google.ics"
vg import ics "$imports/endless.ics"
vg import ics --dry-run "$tmp/all.ics"
vg export ics -o "$tmp/all2.ics"
vg report attendance --meeting 1 --format html -o "$tmp/r.html"
vg report signin --meeting 1 -o "$tmp/s.html"
# The PDF module too; fontconfig's own leak of its configuration suppressed.
export RAPAT_PDF_MODULE="${RAPAT_PDF_MODULE:-$(dirname "$RAPAT")/.libs/rapat-pdf.so}"
VALGRIND_SUPP="--suppressions=$(dirname "$0")/fontconfig.supp"
vg report signin --meeting 1 --with-status --blank 3 -o "$tmp/s.pdf"
vg report attendance --meeting 1 --format pdf -o "$tmp/r.pdf"
vg report attendance --from 2025-01-01 --to 2025-12-31 --by unit -o "$tmp/p.pdf"
VALGRIND_SUPP=
cp "$(dirname "$0")/data/logo.svg" "$tmp/logo.svg"
vg config set letterhead.logo "$tmp/logo.svg"
vg config set letterhead.office 'Kantor Wilayah'
vg report invitation 1 --number 'W.27-1' -o "$tmp/u.html"
vg report programme 1 -o "$tmp/p.html"
vg report actions --format html --by unit -o "$tmp/m.html"
# The PDF letterhead's logo: an SVG drawn by librsvg, a JPEG decoded by
# gdk-pixbuf, and a corrupt SVG refused.
VALGRIND_SUPP="--suppressions=$(dirname "$0")/fontconfig.supp"
vg report programme 1 --format pdf -o "$tmp/p.pdf"
cp "$(dirname "$0")/data/logo.jpg" "$tmp/logo.jpg"
vg config set letterhead.logo "$tmp/logo.jpg"
vg minutes export 1 -o "$tmp/n.pdf"
printf '<svg xmlns="http://www.w3.org/2000/svg"><rect</svg>' >"$tmp/bad.svg"
vg config set letterhead.logo "$tmp/bad.svg"
vg minutes export 1 -o "$tmp/n.pdf"
VALGRIND_SUPP=
vg config set letterhead.logo "$tmp/logo.svg"
rm -f "$tmp/logo.svg"
vg report programme 1 -o "$tmp/p2.html"
vg config set letterhead.logo /etc/passwd
vg schedule conflicts 1
vg unit show 1
vg unit export
vg person export --format csv
vg person show Andi
vg person show Ahmad
vg person add 'Ricky Dwi Biantoro' --nip '19750812 199903 1 001' --eselon iia --rank 1
vg person import --dry-run "$(dirname "$0")/../data/directory/pegawai.csv"
printf 'nama;nip;unit kerja;catatan\r\nA;1972;NOPE;x\r\nA;;NOPE;\r\n' >"$tmp/bad.csv"
vg person import "$tmp/bad.csv" --map catatan=-
printf 'name,code,parent\nA,A,B\nB,B,A\n' >"$tmp/cycle.csv"
vg unit import "$tmp/cycle.csv"
vg issue list --json
vg action list --open
vg minutes start 1 --notulis Maria
vg minutes note 1 5 "$(printf 'Dibahas.\n\nParagraf dua.')"
printf 'Catatan dari berkas.\n' >"$tmp/notes.txt"
vg minutes note 1 1 --file "$tmp/notes.txt"
vg minutes decide 1 5 'Razia gabungan tiap bulan.'
vg action add 'Razia' --owner Maria --meeting 1 --decision 1
vg minutes held 1 --from 21:00 --to 01:30
vg minutes summary 1 'Lancar.'
vg minutes finalize 1
vg attendee mark 1 Maria absent
vg minutes amend 1 --by Ricky --reason 'Salah ketik'
vg minutes show 1 --version 1
vg minutes show 1 --json
vg holiday list --year 2025 --json
vg holiday add 2025-09-01 'Hari jadi Kota Ambon' --kind local
vg holiday remove 2025-09-01
vg holiday import "${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}/data/holidays/id-2025-2026.ics" --dry-run
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=MONTHLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$tmp/bad.ics"
vg holiday import "$tmp/bad.ics"
vg schedule find-slot --with Maria --duration 1h --between 2025-08-15..2025-08-19 --tz Asia/Jayapura
vg meeting add 'Rapat 17an' --start '2025-08-17 09:00' --duration 1h --tz Asia/Jayapura
vg unit edit RUTAN-DOBO --head ''
vg attendee add 2 --unit Kanwil --subunits --heads --role observer
vg unit edit LAPAS-TUAL --head Ricky
vg group add 'Kepala UPT' --description 'Kepala UPT se-Maluku'
vg group add-member 'Kepala UPT' Andi Maria --unit Kanwil --subunits --heads
vg group remove-member 'Kepala UPT' Maria
vg group show 'Kepala UPT' --json
vg group list
vg attendee add 2 --group 'Kepala UPT' Maria
vg group rename 'Kepala UPT' 'kepala upt'
vg group remove 'Kepala UPT'
vg meeting show 'no such meeting'
vg meeting list --bogus
echo "$n_pass passed, $n_fail failed"
[ "$n_fail" = 0 ]
