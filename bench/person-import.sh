#!/bin/bash
# rapat benchmark: 'rapat person import' of 5,000 people (issue 19) against
# its floor, the same rows inserted by the sqlite3 shell in one transaction.
#
# Both start from the same database: schema by 'rapat init', 40 units by
# 'rapat unit import'.  rapat reads the CSV (Indonesian headers, ';', CRLF,
# as LibreOffice writes it), checks every NIP and e-mail, resolves units,
# matches each row against the people stored (none) and writes them in the
# command's one transaction; the floor is a script of 5,000 INSERTs with the
# values and unit ids already resolved.  Prints the median of RUNS runs of
# each and the ratio (target: below 2).
#
# Usage: bench/person-import.sh   (RAPAT=src/rapat SQLITE3=sqlite3 N=5000 RUNS=5)

set -eu
RAPAT=${RAPAT:-$PWD/src/rapat}
SQLITE3=${SQLITE3:-sqlite3}
N=${N:-5000}
RUNS=${RUNS:-5}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapat-bench-import.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The units, and the people as a CSV file and as SQL; the same values.
{
  printf 'kode;nama;induk\r\n'
  printf 'KANWIL;Kantor Wilayah;\r\n'
  for u in $(seq 1 39); do printf 'U%02d;Unit Pelaksana Teknis %02d;KANWIL\r\n' "$u" "$u"; done
} >"$tmp/units.csv"
awk -v n="$N" -v csv="$tmp/people.csv" -v sql="$tmp/people.sql" 'BEGIN {
  printf "nama;jabatan;unit kerja;surel;telepon;nip;pangkat/golongan;eselon;urutan\r\n" > csv
  print "BEGIN;" > sql
  for (i = 1; i <= n; i++) {
    u = i % 40; code = u == 0 ? "KANWIL" : sprintf("U%02d", u)
    # A valid NIP: birth 1960-1999, appointment 25 years later, sex, sequence.
    y = 1960 + i % 40; m = 1 + i % 12; d = 1 + i % 28
    nip = sprintf("%04d%02d%02d%04d%02d%d%03d", y, m, d, y + 25, m, 1 + i % 2, 1 + i % 999)
    name = sprintf("Pegawai Nomor %05d", i)
    pos = sprintf("Analis %d", i % 17)
    mail = sprintf("pegawai%05d@maluku.example", i)
    phone = sprintf("+62 911 %06d", i)
    printf "%s;%s;%s;%s;%s;%s;Penata (III/c);IV.a;%d\r\n", name, pos, code, mail, phone, nip, i > csv
    printf "INSERT INTO person (name, position, unit_id, email, phone, created_at, nip, pangkat, eselon, sort_rank) VALUES (\x27%s\x27, \x27%s\x27, %d, \x27%s\x27, \x27%s\x27, 1756771200, \x27%s\x27, \x27Penata (III/c)\x27, \x27IV.a\x27, %d);\n", name, pos, u == 0 ? 1 : u + 1, mail, phone, nip, i > sql
  }
  print "COMMIT;" > sql
}'

"$RAPAT" --db "$tmp/base.db" init >/dev/null
"$RAPAT" --db "$tmp/base.db" unit import "$tmp/units.csv" >/dev/null
[ "$("$SQLITE3" "$tmp/base.db" "SELECT id FROM unit WHERE code = 'U07'")" = 8 ] \
  || { echo "person-import: unexpected unit ids" >&2; exit 1; }

# median FILE: the middle line of FILE's numbers.
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# timed OUT COMMAND...: appends COMMAND's wall time in seconds to OUT.
timed() {
  local out=$1 t0 t1
  shift
  t0=$(date +%s.%N)
  "$@" >/dev/null
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc >>"$out"
}

for r in $(seq 1 "$RUNS"); do
  cp "$tmp/base.db" "$tmp/a.db"
  cp "$tmp/base.db" "$tmp/b.db"
  timed "$tmp/rapat.t" "$RAPAT" --db "$tmp/a.db" person import "$tmp/people.csv"
  timed "$tmp/floor.t" "$SQLITE3" "$tmp/b.db" ".read $tmp/people.sql"
  # The same sheet again: every row matched by NIP and found unchanged.
  timed "$tmp/again.t" "$RAPAT" --db "$tmp/a.db" person import "$tmp/people.csv"
done
a=$("$SQLITE3" "$tmp/a.db" "SELECT count(*), count(nip), sum(sort_rank) FROM person")
b=$("$SQLITE3" "$tmp/b.db" "SELECT count(*), count(nip), sum(sort_rank) FROM person")
[ "$a" = "$b" ] || { echo "person-import: the databases differ ($a / $b)" >&2; exit 1; }
ta=$(median "$tmp/rapat.t")
tb=$(median "$tmp/floor.t")
printf '%-50s %8.3f s\n' "rapat person import, $N people" "$ta"
printf '%-50s %8.3f s\n' "floor: the same INSERTs, sqlite3 shell, one transaction" "$tb"
printf '%-50s %8.2f\n' "ratio (target < 2)" "$(echo "$ta / $tb" | bc -l)"
printf '%-50s %8.3f s\n' "the same import again (all unchanged)" "$(median "$tmp/again.t")"
