#!/bin/bash
# rapat CLI tests (issue 19): the seed's office loaded from the two
# spreadsheets of tests/data/directory (LibreOffice's ';' with a BOM, and
# Indonesian headers) and the Rakernis set up from them in eight commands,
# then compared with what 'rapat demo' builds: the meeting's header, its
# agenda (lengths, types, titles, presenters, times) and its invitees with
# their roles.  Replies, attendance and the strategic issues are the demo's
# history, not set-up, and are left out of the comparison.
#
# Usage: tests/cli/setup-from-sheets.sh   (RAPAT=path/to/rapat)

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
data="$SRCDIR/tests/data/directory"
db="$tmp/sheets.db"
n_cmd=0
# c ARGS...: one of the set-up commands, counted; aborts when it fails.
c() {
  n_cmd=$((n_cmd + 1))
  if ! "$RAPAT" --db "$db" "$@" >"$tmp/c.out" 2>"$tmp/c.err"; then
    fail "rapat $*" "$(cat "$tmp/c.err")"
    printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
    exit 1
  fi
}

desc="Rapat Kerja Teknis (Rakernis) Pemasyarakatan Tahun 2025 Kanwil Ditjenpas Maluku, dirangkaikan dengan pengarahan Direktur Kepatuhan Internal.
Tema: menyamakan arah dan menyusun strategi penyelenggaraan Pemasyarakatan selaras dengan kebijakan nasional serta 13 Program Akselerasi Menteri Imigrasi dan Pemasyarakatan."
c unit import "$data/unit-kerja.csv"
c person import "$data/pegawai.csv"
c meeting add "Rapat Kerja Teknis Pemasyarakatan Maluku 2025" --kind rakernis \
  --start "2025-09-02 09:00" --end "2025-09-02 16:00" --tz Asia/Jayapura \
  --location "Aula Rutan Kelas IIA Ambon" --organizer "Maria Wattimena" --description "$desc"
m=$(cat "$tmp/c.out")
c agenda import "$m" "$data/rakernis-acara.txt"
c attendee add "$m" "Ricky Dwi Biantoro" --role chair
c attendee add "$m" "Abdul Rahman Tuasikal" "Lilik Sujandi" "Maria Wattimena" \
  "Samuel Pattiasina" "Yohanis Leiwakabessy" --role speaker
c attendee add "$m" "Abraham Renwarin" "Ahmad Latuconsina" "Constantina Lewaherilla" \
  "Daniel Manuputty" "Elisabeth Pelupessy" "Ferdinand Tuhumury" "Fransina Matulessy" \
  "Hendrik Sahetapy" "Ismail Souisa" "Johanis Tahapary" "Marthen Siahaya" "Nurhayati Ohorella" \
  "Petrus Rahawarin" "Ruslan Hehanussa" "Yusuf Lewerissa" --role participant
c attendee add "$m" "Andi Fahmi Nanlohy" --role observer
check "the Rakernis set up from the sheets in at most 10 commands ($n_cmd)" test "$n_cmd" -le 10

"$RAPAT" --db "$tmp/demo.db" demo >/dev/null 2>&1
"$RAPAT" --db "$tmp/demo.db" meeting show 1 --json >"$tmp/demo.json"
"$RAPAT" --db "$db" meeting show "$m" --json >"$tmp/sheets.json"
# facts FILE: what set-up decides, as lines, read by Python (not rapat).
facts() {
  python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = d.get("meeting", d)
for k in ("title", "kind", "start", "end", "location", "organizer", "description"):
    print("meeting", k, json.dumps(m.get(k), ensure_ascii=False))
for a in d["agenda"]:
    print("agenda", a["number"], a["start"], a["end"], a["duration_minutes"], a["type"],
          a["title"], "@", a["presenter"], "#", a["room"])
for a in sorted(d["attendees"], key=lambda a: (a["role"], a["name"])):
    print("invitee", a["role"], a["name"], "|", a["position"], "|", a["unit"], "|", a["email"])
PY
}
facts "$tmp/demo.json" >"$tmp/demo.facts"
facts "$tmp/sheets.json" >"$tmp/sheets.facts"
check "meeting show: header, agenda and invitees as the demo's" \
  diff -u "$tmp/demo.facts" "$tmp/sheets.facts"
check "... ten agenda items and 22 invitees compared" \
  test "$(grep -c '^agenda ' "$tmp/sheets.facts")|$(grep -c '^invitee ' "$tmp/sheets.facts")" = "10|22"

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
