#!/bin/bash
# rapat CLI tests: 'agenda import' (issue 19), a whole agenda from a file,
# all or nothing, with the real store.  The Rakernis programme of the seed
# is typed as a secretariat would, read back with 'agenda list --json' and
# checked field by field; wrong lines are each named and leave the
# database byte-identical.
#
# Usage: tests/cli/agenda-import.sh   (RAPAT=path/to/rapat)

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
db="$tmp/t.db"
sum() { sha256sum "$db" | cut -d' ' -f1; }
# r ARGS...: rapat on $db, output in $tmp/out and $tmp/err, status in $rc.
r() { "$RAPAT" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
# field N KEY: the KEY of agenda item N (1-based) in $tmp/out (agenda list --json).
field() { python3 -c 'import json, sys
v = json.load(open(sys.argv[1]))["agenda"][int(sys.argv[2]) - 1].get(sys.argv[3])
print("" if v is None else v)' "$tmp/out" "$1" "$2"; }

setup demo
m=$("$RAPAT" --db "$db" meeting add "Rakernis 2026" --start "2026-09-02 09:00" --duration 8h \
      --tz Asia/Jayapura --location "Aula Kanwil")
cat >"$tmp/acara.txt" <<'AGENDA'
# Susunan acara Rakernis 2026
30m Pembukaan
1h Pengarahan Kakanwil @Ricky
15m Coffee break
1h30m Komisi I: Pelayanan #Ruang Rapat 1 @Lilik
∥ 1h30m Komisi II: Kepatuhan #Ruang Rapat 2
|| 1h30m Komisi III #Ruang Rapat 3 !presentation
1h ISHOMA
1h Pleno hasil komisi
30m Penutupan
AGENDA

before=$(sum)
r agenda import "$m" "$tmp/acara.txt" --dry-run
check "--dry-run: exit 0 and the agenda it would give" \
  grep -q "10:45–12:15   1h30m  presentation  ∥ Komisi III" "$tmp/out"
check "... and nothing written" test "$(sum)" = "$before"

r agenda import "$m" "$tmp/acara.txt"
check "import: nine items added, numbered 1 to 9" grep -qx "9 items added (numbers 1 to 9)" "$tmp/out"
r agenda list "$m" --json
check "item 1: Pembukaan, 30m, opening, 09:00" \
  test "$(field 1 title)|$(field 1 duration_minutes)|$(field 1 type)|$(field 1 start)" \
    = "Pembukaan|30|opening|2026-09-02T09:00:00+09:00"
check "item 2: the presenter found by part of the name" \
  test "$(field 2 presenter)|$(field 2 type)" = "Ricky Dwi Biantoro|briefing"
check "item 3: a coffee break is a break" test "$(field 3 type)" = break
check "items 4-6: three sessions at once, each in its room" \
  test "$(field 4 start)|$(field 5 start)|$(field 6 start)|$(field 6 room)" \
    = "2026-09-02T10:45:00+09:00|2026-09-02T10:45:00+09:00|2026-09-02T10:45:00+09:00|Ruang Rapat 3"
check "... '∥' and '||' both run beside item 4" \
  test "$(field 5 parallel_with)|$(field 6 parallel_with)" = "$(field 4 id)|$(field 4 id)"
check "... and !presentation sets the type" test "$(field 6 type)" = presentation
check "item 7: ISHOMA is a break, after the sessions" \
  test "$(field 7 type)|$(field 7 start)" = "break|2026-09-02T12:15:00+09:00"
check "item 9: Penutupan closes at 14:45" \
  test "$(field 9 type)|$(field 9 end)" = "closing|2026-09-02T14:45:00+09:00"

printf '15m Doa\n' | "$RAPAT" --db "$db" agenda import "$m" - >"$tmp/out" 2>"$tmp/err"
check "standard input, added after the agenda there is" grep -qx "1 item added (number 10 to 10)" "$tmp/out"
r agenda import "$m" "$tmp/acara.txt" --replace
check "--replace: the agenda is the file's again" grep -qx "9 items added (numbers 1 to 9)" "$tmp/out"
r agenda list "$m" --json
check "... with nine items" python3 -c 'import json, sys; assert len(json.load(open(sys.argv[1]))["agenda"]) == 9' "$tmp/out"

# Refusals: every wrong line named, in the file's order; nothing written.
printf '30m Baik\n25h Terlalu lama\n1h Rapat @Tidak Ada Orangnya\nRapat !bos\n' >"$tmp/bad.txt"
before=$(sum)
r agenda import "$m" "$tmp/bad.txt"
check "wrong lines: exit 1" test "$rc" = 1
check "... each named with its line, in order" \
  test "$(grep -c "^rapat: error: $tmp/bad.txt:[234]: \|^$tmp/bad.txt:[234]: " "$tmp/err")" = 3
check "... the length" grep -q "bad.txt:2: length '25h': longer than the limit of 24h" "$tmp/err"
check "... the presenter" grep -q "bad.txt:3: person 'Tidak Ada Orangnya': not found" "$tmp/err"
check "... the type" grep -q "bad.txt:4: agenda type 'bos'" "$tmp/err"
check "... and a last line saying nothing was added" \
  grep -q "bad.txt: 3 lines are wrong; no item was added" "$tmp/err"
check "... the database byte-identical" test "$(sum)" = "$before"
printf '∥ 1h Sesi\n' >"$tmp/first.txt"
r agenda import "$m" "$tmp/first.txt" --replace
check "'∥' on the first item of a new agenda: refused" \
  grep -q "first.txt:1: '∥' on the first item: nothing before it to run beside" "$tmp/err"
printf '# only a comment\n\n' >"$tmp/empty.txt"
r agenda import "$m" "$tmp/empty.txt"
check "a file without items: one line, exit 1" \
  test "$rc" = 1 -a "$(wc -l <"$tmp/err")" = 1
r agenda import "$m" "$tmp/missing.txt"
check "a missing file: named, exit 1" grep -q "file '$tmp/missing.txt': " "$tmp/err"
printf '30m A\0B\n' >"$tmp/nul.txt"
r agenda import "$m" "$tmp/nul.txt"
check "a NUL byte: refused as no text" grep -q "contains a NUL byte" "$tmp/err"
check "... and after every refusal the database is byte-identical" test "$(sum)" = "$before"

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
