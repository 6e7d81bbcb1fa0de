#!/bin/bash
# rapat CLI tests: the directory loaded from spreadsheets (issue 19).
#
# tests/data/directory/ holds the office of 'rapat demo' as a secretariat
# has it: unit-kerja.csv as LibreOffice saves it (a BOM, ';', CRLF, the
# Kanwil after its own units) and pegawai.csv with Indonesian headers as
# Excel's "CSV UTF-8" saves it.  Loaded into an empty database they must
# list exactly as the demo does.  Export -> import -> export must give the
# same bytes; every bad file must fail with one line per problem and leave
# the database byte-identical.
#
# Usage: tests/cli/person-import.sh   (RAPAT=path/to/rapat)

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
data="$SRCDIR/tests/data/directory"
db="$tmp/t.db"

# r ARGS...: runs rapat on $db, output in $tmp/out and $tmp/err, status in $rc.
r() { "$RAPAT" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
sum() { sha256sum "$db" | cut -d' ' -f1; }

# refused DESCRIPTION N COMMAND...: passes when rapat COMMAND fails with N
# error lines on stderr (each "rapat: error: ", the last counting them when
# N > 1 is an import's) and leaves the database as it was.
refused() {
  local desc=$1 lines=$2 before after got
  shift 2
  before=$(sum)
  r "$@"
  after=$(sum)
  got=$(wc -l <"$tmp/err")
  if [ "$rc" -ne 0 ] && [ "$got" -eq "$lines" ] && [ "$before" = "$after" ] \
     && [ "$(grep -vc '^rapat: error: ' "$tmp/err")" -eq 0 ] && [ ! -s "$tmp/out" ]; then
    pass "$desc"
  else
    fail "$desc" "exit $rc, $got lines (want $lines), db $([ "$before" = "$after" ] && echo unchanged || echo CHANGED)" \
      "$(cat "$tmp/err")" "$(cat "$tmp/out")"
  fi
}

# same DESCRIPTION FILE1 FILE2: passes when the files are byte-identical.
same() {
  if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$(diff "$2" "$3" | head -20)"; fi
}

"$RAPAT" --db "$tmp/demo.db" demo >/dev/null || { echo "demo failed" >&2; exit 1; }
"$RAPAT" --db "$tmp/demo.db" person list >"$tmp/demo-people"
# The sheets carry no heads of units (the demo marks them): compare the
# tree without the last column, Head.
no_head() { awk 'NR == 1 { w = index($0, "  Head") - 1 } { s = substr($0, 1, w); sub(/ +$/, "", s); print s }'; }
"$RAPAT" --db "$tmp/demo.db" unit list | no_head >"$tmp/demo-units"

# --- the seed office from the two sheets ---
r unit import "$data/unit-kerja.csv"
check "unit import of LibreOffice's CSV (BOM, ';', CRLF, parent after children)" \
  grep -qx "$data/unit-kerja.csv: new: 17, changed: 0, unchanged: 0" "$tmp/out"
r person import "$data/pegawai.csv"
check "person import with Indonesian headers" \
  grep -qx "$data/pegawai.csv: new: 24, changed: 0, unchanged: 0" "$tmp/out"
"$RAPAT" --db "$db" person list >"$tmp/people"
"$RAPAT" --db "$db" unit list | no_head >"$tmp/units"
same "person list equals the demo's" "$tmp/demo-people" "$tmp/people"
same "unit list equals the demo's" "$tmp/demo-units" "$tmp/units"
r person show 197805142003122001
check "the NIP from the sheet names the person, written without spaces" \
  grep -q "NIP:       197805142003122001" "$tmp/out"
check "pangkat, eselon and rank are read" \
  grep -Fq "Pangkat:   Pembina (IV/a)" "$tmp/out"

# --- importing the same sheets again changes nothing ---
before=$(sum)
r unit import "$data/unit-kerja.csv"
check "units again: all unchanged" grep -qx ".*: new: 0, changed: 0, unchanged: 17" "$tmp/out"
r person import "$data/pegawai.csv"
check "people again: all unchanged" grep -qx ".*: new: 0, changed: 0, unchanged: 24" "$tmp/out"

# --- round trip: export, import into an empty database, export ---
"$RAPAT" --db "$db" unit export >"$tmp/u1.csv"
"$RAPAT" --db "$db" person export --format csv >"$tmp/p1.csv"
"$RAPAT" --db "$tmp/rt.db" unit import "$tmp/u1.csv" >/dev/null
"$RAPAT" --db "$tmp/rt.db" person import "$tmp/p1.csv" >/dev/null
"$RAPAT" --db "$tmp/rt.db" unit export >"$tmp/u2.csv"
"$RAPAT" --db "$tmp/rt.db" person export >"$tmp/p2.csv"
same "unit export -> import -> export is byte-identical" "$tmp/u1.csv" "$tmp/u2.csv"
# A pipe: 'rapat unit export | rapat unit import -' into another database.
"$RAPAT" --db "$db" unit export | "$RAPAT" --db "$tmp/pipe.db" unit import - >"$tmp/out" 2>"$tmp/err"
"$RAPAT" --db "$db" person export | "$RAPAT" --db "$tmp/pipe.db" person import - >>"$tmp/out" 2>>"$tmp/err"
check "unit and person import '-' read standard input, named so" \
  test "$(cut -d: -f1 "$tmp/out" | sort -u)|$("$RAPAT" --db "$tmp/pipe.db" person export | cmp - "$tmp/p1.csv" && echo same)" = "standard input|same"
same "person export -> import -> export is byte-identical" "$tmp/p1.csv" "$tmp/p2.csv"
check "the export has the columns import reads" \
  grep -qx $'name,position,unit,email,phone,nip,pangkat,eselon,rank\r' "$tmp/p1.csv"

# --- upsert and --dry-run ---
printf 'NIP,Jabatan,Telepon\n19780514 200312 2 001,Kepala Bagian Umum,+62 911 352100\n' >"$tmp/nip.csv"
before=$(sum)
r person import --dry-run "$tmp/nip.csv"
check "--dry-run prints the plan with the fields that change" \
  grep -qx "  line 2: changed Maria Wattimena: position, phone" "$tmp/out"
check "--dry-run says it wrote nothing and does not" \
  test "$(sum)" = "$before" -a "$(head -1 "$tmp/out")" = "$tmp/nip.csv (dry run, nothing written): new: 0, changed: 1, unchanged: 0"
r person import "$tmp/nip.csv"
r person show Maria
check "a row with a NIP updates that person, other fields kept" \
  grep -q "Position:  Kepala Bagian Umum" "$tmp/out"
printf 'email;urutan\nKAKANWIL@maluku.pas.example;1\n' >"$tmp/email.csv"
r person import "$tmp/email.csv"
r person show Ricky --json
check "a row with an e-mail (any case) updates that person" grep -q '"rank": 1' "$tmp/out"
printf 'nama,unit,nip\nSiti Umasugi,RUTAN-DOBO,19860717 201012 2 004\nBudi Santoso,RUTAN-DOBO,\n' >"$tmp/name.csv"
r person import "$tmp/name.csv"
check "a row updates by name within the unit, else adds" \
  grep -qx ".*: new: 1, changed: 0, unchanged: 1" "$tmp/out"
printf 'Nama Lengkap,Catatan\nAndi Baru,x\n' >"$tmp/map.csv"
r person import --map Catatan=- --map "nama lengkap=name" "$tmp/map.csv"
check "--map skips and names columns" grep -qx ".*: new: 1, changed: 0, unchanged: 0" "$tmp/out"

# --- papers: the signer's NIP under the name, written in its parts ---
cp "$tmp/demo.db" "$tmp/paper.db"
"$RAPAT" --db "$tmp/paper.db" person import "$data/pegawai.csv" >/dev/null
"$RAPAT" --db "$tmp/paper.db" report invitation 1 --date 2025-08-25 >"$tmp/inv.html" 2>"$tmp/err"
check "the invitation's signature block gives the signer's NIP" grep -q \
  '<div class="name">Maria Wattimena</div><div>NIP. 19780514 200312 2 001</div>' "$tmp/inv.html"
"$RAPAT" --db "$tmp/paper.db" report invitation 1 --date 2025-08-25 --signer Ricky >"$tmp/inv.html"
check "a signer without a NIP: no NIP line" test "$(grep -c 'NIP\.' "$tmp/inv.html")" = 0

# --- bad input: one line per problem, nothing changes ---
printf 'nama,nip\nA,19721315 199803 1 002\nB,197203151998031000\n' >"$tmp/bad-nip.csv"
refused "wrong NIPs: one line each and a count" 3 person import "$tmp/bad-nip.csv"
check "the NIP error names file, line, column, value and part" grep -qx \
  "rapat: error: $tmp/bad-nip.csv:2: column 'nip': NIP '19721315 199803 1 002': month 13 in the birth date is not a month" "$tmp/err"
printf 'jabatan,unit\nKepala,KANWIL-MAL\n' >"$tmp/no-name.csv"
refused "no name column" 2 person import "$tmp/no-name.csv"
printf 'nama,jabatan,keterangan\nA,B,C\n' >"$tmp/unknown-col.csv"
refused "a column nobody knows" 2 person import "$tmp/unknown-col.csv"
check "the unknown column's error lists the known fields" grep -q \
  "column 'keterangan': not a field rapat knows (name, position, unit, email, phone, nip, pangkat, eselon, rank)" "$tmp/err"
printf 'nama,surel\nA,a@x.example\nB,b@x.example\nC,A@X.example\n' >"$tmp/dup.csv"
refused "a duplicate e-mail in the file" 2 person import "$tmp/dup.csv"
check "the duplicate names the first line" grep -q "dup.csv:4: column 'surel': 'A@X.example' is also on line 2" "$tmp/err"
printf 'nama,unit kerja\nA,KANWIL-MAL\nB,Kanwil Papua\n' >"$tmp/no-unit.csv"
refused "a unit that does not exist" 2 person import "$tmp/no-unit.csv"
printf 'name,code,parent\nA,A,B\nB,B,A\n' >"$tmp/cycle.csv"
refused "a cycle in the parents: each unit in it" 3 unit import "$tmp/cycle.csv"
check "the cycle is named" grep -q "unit 'A' would be below itself (A → B → A)" "$tmp/err"
printf 'name,code,parent\nKanwil Baru,KANWIL-MAL,LAPAS-AMB\n' >"$tmp/cycle-db.csv"
refused "a cycle through stored units" 2 unit import "$tmp/cycle-db.csv"
printf 'name,code,parent\nX,X,NOPE\nX,Y,\n' >"$tmp/unit-bad.csv"
refused "an unknown parent and a duplicate unit" 3 unit import "$tmp/unit-bad.csv"
printf 'nama;nip;surel;unit\r\nA;1972;a@x.example;KANWIL-MAL\r\nB;;b@x.example;NOPE\r\nC;197805142003122001;kakanwil@maluku.pas.example;\r\n' >"$tmp/many.csv"
refused "every error of a file is listed, a clash with the database too" 4 person import "$tmp/many.csv"
printf 'nama\n"never closed\n' >"$tmp/quote.csv"
refused "a CSV error has line and column" 1 person import "$tmp/quote.csv"
check "the CSV error's position" grep -qx "rapat: error: $tmp/quote.csv:2:1: the quote opened here is never closed" "$tmp/err"
printf 'nama\nJos\xe9\n' >"$tmp/latin1.csv"
refused "a file that is not UTF-8" 1 person import "$tmp/latin1.csv"
refused "an export format other than csv" 1 person export --format json

echo "$cli_name: $n_pass passed, $n_fail failed"
[ "$n_fail" -eq 0 ]
