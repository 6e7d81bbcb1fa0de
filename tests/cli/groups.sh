#!/bin/bash
# rapat CLI tests: heads of units and saved groups (issue 19) — 'unit edit
# --head', 'attendee add --unit [--subunits] [--heads]' and '--group', and
# 'group add/add-member/remove-member/list/show/rename/remove' on the demo's
# office.  Every refusal is one line on stderr, a non-zero exit, and a
# byte-identical database.
#
# Usage: tests/cli/groups.sh   (RAPAT=path/to/rapat)

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
export RAPAT_DB="$tmp/t.db"

# r ARGS...: runs rapat, output in $tmp/out and $tmp/err, status in $rc.
r() { "$RAPAT" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what" "out: $(head -c 600 "$tmp/out")" "err: $(cat "$tmp/err")"; fi
}
sum() { sha256sum "$RAPAT_DB" | cut -d' ' -f1; }
# refused DESCRIPTION STATUS ERROR-LINE ARGS...: rapat ARGS fails with exit
# STATUS and the one line ERROR-LINE on stderr, and the database is
# byte-identical.
refused() {
  local what=$1 status=$2 line=$3 before got
  shift 3
  before=$(sum)
  r "$@"
  got=$(cat "$tmp/err")
  if [ "$rc" != "$status" ] || [ "$(wc -l <"$tmp/err")" != 1 ] || [ "$(sum)" != "$before" ] \
     || [ "$got" != "$line" ]; then
    fail "$what" "exit $rc (want $status)" "err: $got" "want: $line"
  else
    pass "$what"
  fi
}
# names: the names 'attendee list --json' gives for meeting $1, sorted, one a line.
names() {
  "$RAPAT" attendee list "$1" --json | python3 -c '
import json, sys
for a in sorted(x["name"] for x in json.load(sys.stdin)["attendees"]):
    print(a)'
}

"$RAPAT" demo >/dev/null 2>&1
r meeting add "Rapat Kepala UPT" --start "2025-10-06 09:00" --duration 2h --tz Asia/Jayapura
m=$(cat "$tmp/out")

# The demo marks the head of every unit.
r unit show LAPAS-TUAL
check "unit show names the head" grep -q '^  Head: *Abraham Renwarin$' "$tmp/out"
r unit list --json
check "unit list --json gives every unit its head" \
  test "$(python3 -c 'import json,sys; print(sum(1 for u in json.load(sys.stdin) if u["head"]))' <"$tmp/out")" = 17

# --heads: the head of Kanwil and of each of its 15 units, nobody else.
r attendee add "$m" --unit Kanwil --subunits --heads
check "attendee add --unit Kanwil --subunits --heads invites 16 heads" \
  test "$rc" = 0 -a "$(wc -l <"$tmp/out")" = 16 -a ! -s "$tmp/err"
names "$m" >"$tmp/heads"
check "... Kanwil's head and the head of each unit below it" \
  test "$(head -3 "$tmp/heads" | tr '\n' ,)" = "Abraham Renwarin,Ahmad Latuconsina,Constantina Lewaherilla,"
check "... not a division head of Kanwil, nor a stand-in" \
  sh -c "! grep -q -e 'Maria Wattimena' -e 'Ronald Pattinama' '$tmp/heads' && grep -q 'Ricky Dwi Biantoro' '$tmp/heads'"
before=$(sum)
r attendee add "$m" --unit Kanwil --subunits --heads
check "adding them again invites nobody and says so" \
  test "$rc" = 0 -a ! -s "$tmp/out" \
  -a "$(cat "$tmp/err")" = "rapat: warning: 16 invitations skipped: the people were invited already"
check "... leaving the invitations as they were" test "$(names "$m" | wc -l)" = 16

# --unit without --heads: everyone; with a name; without --subunits only the unit.
r attendee add "$m" --unit LAPAS-TUAL --role observer
check "attendee add --unit LAPAS-TUAL adds the one not yet invited" \
  test "$rc" = 0 -a "$(wc -l <"$tmp/out")" = 1 \
  -a "$(cat "$tmp/err")" = "rapat: warning: 1 invitation skipped: the person was invited already"
r attendee add "$m" "Andi" --unit KANWIL-MAL
check "a name with --unit KANWIL-MAL: the name and Kanwil's own people, once each" \
  test "$rc" = 0 -a "$(wc -l <"$tmp/out")" = 5
r unit edit RUTAN-DOBO --head ""
r meeting add "Rapat kedua" --start "2025-10-07 09:00" --duration 1h --tz Asia/Jayapura
m2=$(cat "$tmp/out")
r attendee add "$m2" --unit Kanwil --subunits --heads
check "a unit without a head is a warning naming it, not an error" \
  test "$rc" = 0 -a "$(wc -l <"$tmp/out")" = 15 \
  -a "$(cat "$tmp/err")" = "rapat: warning: 1 unit has no head, so nobody of it was taken: Rutan Kelas IIB Dobo (set one with 'rapat unit edit UNIT --head PERSON')"

# Saved groups.
r group add "Kepala UPT se-Maluku" --description "Kepala Lapas, Rutan, LPKA, Bapas dan Rupbasan"
g=$(cat "$tmp/out")
check "group add prints the new id" test "$rc" = 0 -a "$g" = 1
r group add-member "Kepala UPT" --unit Kanwil --subunits --heads
r group remove-member "Kepala UPT" Ricky
check "group add-member --unit --heads, remove-member" test "$rc" = 0
r group show "Kepala UPT" --json
check "group show --json: 14 heads of UPT (Dobo's has none now)" \
  test "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["name"], len(d["members"]))' <"$tmp/out")" = "Kepala UPT se-Maluku 14"
r group add-member "Kepala UPT" Marthen Hendrik
check "a member added again is left as they are, with a warning" \
  test "$rc" = 0 -a "$(cat "$tmp/err")" = "rapat: warning: 1 person was in group 'Kepala UPT se-Maluku' already"
r meeting add "Rapat ketiga" --start "2025-10-08 09:00" --duration 1h --tz Asia/Jayapura
m3=$(cat "$tmp/out")
r attendee add "$m3" --group "Kepala UPT" Ricky --role chair
check "attendee add --group invites the 15 members, and a name" \
  test "$rc" = 0 -a "$(wc -l <"$tmp/out")" = 16
r group remove-member "Kepala UPT" Marthen
check "a person taken out of a group stays invited to past meetings" \
  test "$rc" = 0 -a "$(names "$m3" | grep -c Marthen)" = 1
r group rename "Kepala UPT" "Kepala UPT Maluku"
r group list
check "group list: id, name, count, description" \
  grep -q '^ 1  Kepala UPT Maluku      14  Kepala Lapas, Rutan, LPKA, Bapas dan Rupbasan$' "$tmp/out"
r group add "Panitia"
r group remove Panitia
r group list --json
check "group remove" test "$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' <"$tmp/out")" = 1

# Refusals: one line, the database unchanged.
refused "an unknown unit" 1 "rapat: error: unit 'Kanwil Papua': not found" \
  attendee add "$m" --unit "Kanwil Papua"
refused "an unknown group" 1 "rapat: error: group 'Eselon II': not found" \
  attendee add "$m" --group "Eselon II"
refused "a name invited already (named, not brought)" 1 \
  "rapat: error: person 'Ricky Dwi Biantoro': already invited to this meeting" \
  attendee add "$m3" Ricky --unit LAPAS-TUAL
refused "--heads without --unit" 2 \
  "rapat: error: attendee add: --subunits and --heads go with --unit (see 'rapat attendee add --help')" \
  attendee add "$m" Ricky --heads
refused "nobody to invite" 2 \
  "rapat: error: attendee add: name a PERSON, a --unit or a --group (see 'rapat attendee add --help')" \
  attendee add "$m"
refused "the head of another unit" 1 \
  "rapat: error: person 'Ricky Dwi Biantoro': belongs to Kantor Wilayah Ditjen Pemasyarakatan Maluku, so cannot head unit 'Lapas Kelas IIB Tual'" \
  unit edit LAPAS-TUAL --head Ricky
refused "a duplicate group name, in another case" 1 \
  "rapat: error: group 'KEPALA upt maluku': a group with this name already exists" \
  group add "KEPALA upt maluku"
"$RAPAT" group add Panitia >/dev/null
refused "a rename onto a name taken" 1 \
  "rapat: error: group 'panitia': a group with this name already exists" \
  group rename "Kepala UPT" panitia
refused "removing someone not in the group" 1 \
  "rapat: error: person 'Marthen Siahaya': not a member of group 'Kepala UPT Maluku'" \
  group remove-member "Kepala UPT" Marthen
refused "one bad name among good ones adds nobody" 1 "rapat: error: person 'Nobody': not found" \
  group add-member "Kepala UPT" Ricky Nobody

# rapat check stays clean through all of it.
r check
check "rapat check finds nothing wrong" test "$rc" = 0

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
