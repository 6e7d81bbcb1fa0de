#!/bin/bash
# rapat CLI tests: bad input is refused cleanly, odd but valid text is kept.
#
# Part 1 (table-driven): on a small database, each bad command must exit
# with the expected status (1, or 2 for usage errors), print nothing on
# stdout, print exactly one line on stderr that starts with "rapat: error: "
# and quotes the offending value, and leave the database as it was (its
# 'sqlite3 .dump' is compared before and after).
# Part 2: failures of the database file itself (missing folder, a folder,
# read-only, corrupt, not SQLite, newer schema): one line, exit 1, the file
# byte-identical afterwards.
# Part 3: quotes, SQL- and HTML-like text and non-ASCII names are accepted,
# stored literally and shown back byte-identical (--json, parsed with
# Python) and verbatim in the text 'show' output.
#
# Environment (set by 'make check'): RAPAT, SQLITE3; PYTHON (optional).
# Prints one line per case and a summary; exit 0 if all passed, 1 if not.
#
# Note on "1 MB" values: Linux limits one command-line argument to 128 KiB
# (MAX_ARG_STRLEN), so the huge title, name, description and note are
# 120 000 bytes; they are still 600 times the 200-character limit.

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
PYTHON=${PYTHON:-/usr/bin/python3}

if [ ! -x "$PYTHON" ]; then
  PYTHON=$(command -v python3 || true)
fi
if [ -z "$PYTHON" ]; then
  echo "bad-input.sh: python3 is needed to parse the JSON output" >&2
  exit 1
fi

db="$tmp/rapat.db"

# Prints at most 300 bytes of file $1 on one line, for messages.
peek() {
  head -c 300 "$1" | tr '\n' '|'
}

# Runs rapat on the test database; aborts the script if it fails (setup).
setup() {
  if ! "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/setup.out" 2>"$tmp/setup.err"; then
    echo "bad-input.sh: setup command failed: rapat $*" >&2
    cat "$tmp/setup.err" >&2
    exit 1
  fi
}

# Checks what a refused command left in $tmp/out and $tmp/err; appends the
# problems to the array 'why'.  $1 = its exit status, $2 = the one wanted,
# $3 = text the message must contain.
check_refusal() {
  local rc=$1 want=$2 excerpt=$3 lines
  [ "$rc" -eq "$want" ] || why+=("exit status $rc, expected $want")
  [ -s "$tmp/out" ] && why+=("stdout is not empty: $(peek "$tmp/out")")
  lines=$(wc -l <"$tmp/err")
  if [ "$lines" -ne 1 ] || [ -n "$(tail -c 1 "$tmp/err")" ]; then
    why+=("stderr is not exactly one line ($lines newlines): $(peek "$tmp/err")")
  fi
  [ "$(head -c 14 "$tmp/err")" = "rapat: error: " ] \
    || why+=("stderr does not start with 'rapat: error: ': $(peek "$tmp/err")")
  grep -F -q -e "$excerpt" "$tmp/err" \
    || why+=("stderr does not contain '$excerpt': $(peek "$tmp/err")")
}

# bad STATUS EXCERPT DESCRIPTION ARGS...: runs "rapat --db DB ARGS" and
# checks that it is refused as described at the top, database unchanged.
bad() {
  local want=$1 excerpt=$2 desc=$3 rc
  local -a why=()
  shift 3
  "$SQLITE3" "$db" .dump >"$tmp/before.sql" 2>&1
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  "$SQLITE3" "$db" .dump >"$tmp/after.sql" 2>&1
  check_refusal "$rc" "$want" "$excerpt"
  if ! cmp -s "$tmp/before.sql" "$tmp/after.sql"; then
    why+=("the database changed:")
    while IFS= read -r line; do
      why+=("  $line")
    done < <(diff "$tmp/before.sql" "$tmp/after.sql" | head -n 12 | cut -c 1-200)
  fi
  if [ ${#why[@]} -eq 0 ]; then
    pass "$desc"
  else
    fail "$desc" "${why[@]}"
  fi
}

# Lists the files of folder $1 with their sizes and checksums.
folder_state() {
  (cd "$1" && find . -mindepth 1 -printf '%p %y %s\n' | sort && find . -type f -exec cksum {} + | sort)
}

# badfile STATUS EXCERPT DESCRIPTION DBPATH ARGS...: like 'bad' for a
# database file that is itself the problem; the folder holding it (when it
# exists) must be byte-identical afterwards: no file changed, none added.
badfile() {
  local want=$1 excerpt=$2 desc=$3 path=$4 dir rc
  local -a why=()
  shift 4
  dir=$(dirname "$path")
  [ -d "$dir" ] && folder_state "$dir" >"$tmp/before.state" 2>&1
  "$RAPAT" --db "$path" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  check_refusal "$rc" "$want" "$excerpt"
  if [ -d "$dir" ]; then
    folder_state "$dir" >"$tmp/after.state" 2>&1
    if ! cmp -s "$tmp/before.state" "$tmp/after.state"; then
      why+=("the folder of the database changed:")
      while IFS= read -r line; do
        why+=("  $line")
      done < <(diff "$tmp/before.state" "$tmp/after.state" | head -n 12)
    fi
  fi
  if [ ${#why[@]} -eq 0 ]; then
    pass "$desc"
  else
    fail "$desc" "${why[@]}"
  fi
}

# ---------------------------------------------------------------------------
# The database the bad input is tried on.

setup unit add "Kantor Wilayah Ditjen Pemasyarakatan Maluku" --code KANWIL-MAL
setup unit add "Lapas Kelas IIA Ambon" --code LAPAS-AMB --parent KANWIL-MAL
setup unit add "Rutan Kelas IIA Ambon" --code RUTAN-AMB --parent KANWIL-MAL
setup person add "Ricky Dwi Biantoro" --position "Kepala Kantor Wilayah" --unit KANWIL-MAL --email kakanwil@maluku.pas.example
setup person add "Maria Wattimena" --position "Kepala Bagian Tata Usaha" --unit KANWIL-MAL --email tu@maluku.pas.example
setup person add "Hendrik Sahetapy" --position "Kepala Lapas" --unit LAPAS-AMB
setup person add "Hendra Wijaya" --unit RUTAN-AMB
setup person add "Siti Umasugi" --unit RUTAN-AMB
setup meeting add "Rapat Kerja Teknis Pemasyarakatan" --start "2025-09-02 09:00" --duration 7h --tz Asia/Jayapura --kind rakernis --organizer Maria
setup meeting add "Rapat koordinasi keamanan" --start "2025-09-03 13:30" --end 15:00 --tz Asia/Jayapura
setup meeting add "Rapat batal" --start "2025-09-04 10:00" --duration 1h --tz Asia/Jayapura
setup agenda add 1 "Pembukaan" --duration 15m --type opening --presenter Maria
setup agenda add 1 "Arahan Kepala Kantor Wilayah" --type briefing --presenter Ricky
setup agenda add 1 "Isu strategis" --duration 1h
setup attendee add 1 Ricky --role chair
setup attendee add 1 Maria Hendrik
setup attendee mark 1 Ricky present --at 08:50
setup attendee add 3 Siti
setup meeting cancel 3 --reason "Ditunda"

echo "# Part 1: bad input on a database with 3 units, 5 people, 3 meetings"

S="2025-09-10 09:00"   # a valid start for new meetings
M=(meeting add "Rapat baru" --tz Asia/Jayapura)

# Dates, times, zones, durations.
bad 2 "2025-02-30" "date 2025-02-30 (no such day)" "${M[@]}" --start "2025-02-30 09:00" --duration 1h
bad 2 "2025-13-01" "date 2025-13-01 (no month 13)" "${M[@]}" --start "2025-13-01 09:00" --duration 1h
bad 2 "2025-02-29" "date 2025-02-29 (2025 is no leap year), in edit" meeting edit 1 --start "2025-02-29 09:00"
bad 2 "25:00" "time 25:00" "${M[@]}" --start "2025-09-10 25:00" --duration 1h
bad 2 "09:60" "time 09:60" "${M[@]}" --start "2025-09-10 09:60" --duration 1h
bad 2 "24:00" "end time 24:00 (HH:MM form)" "${M[@]}" --start "$S" --end 24:00
bad 2 "9:00" "time without a leading zero" "${M[@]}" --start "2025-09-10 9:00" --duration 1h
bad 2 "10/09/2025" "date in another format" "${M[@]}" --start "10/09/2025 09:00" --duration 1h
bad 2 "Mars/Olympus" "unknown zone Mars/Olympus" "${M[@]}" --start "$S" --duration 1h --tz Mars/Olympus
bad 2 "../../etc/passwd" "zone that is a path" "${M[@]}" --start "$S" --duration 1h --tz ../../etc/passwd
bad 2 "Mars/Olympus" "unknown zone in meeting edit --tz" meeting edit 1 --tz Mars/Olympus
bad 2 "Mars/Olympus" "unknown zone in meeting list --tz" meeting list --from 2025-09-01 --tz Mars/Olympus
bad 1 "08:00" "end before start" "${M[@]}" --start "$S" --end 08:00
bad 1 "2025-09-10 09:00" "end equal to start" "${M[@]}" --start "$S" --end "2025-09-10 09:00"
bad 1 "08:00" "end before start, in edit" meeting edit 1 --end 08:00
bad 1 "0m" "duration 0m" "${M[@]}" --start "$S" --duration 0m
bad 2 "-30m" "duration -30m" "${M[@]}" --start "$S" --duration -30m
bad 2 "duration '30'" "duration without a unit (30)" "${M[@]}" --start "$S" --duration 30
bad 2 "1.5h" "duration 1.5h" "${M[@]}" --start "$S" --duration 1.5h
bad 1 "745h" "duration over the 31-day limit (745h)" "${M[@]}" --start "$S" --duration 745h
bad 1 "2025-10-12 09:00" "end 32 days after the start" "${M[@]}" --start "$S" --end "2025-10-12 09:00"
bad 1 "25h" "agenda item over 24h" agenda add 1 "Diskusi panjang" --duration 25h
bad 1 "0m" "agenda item of 0m, in edit" agenda edit 1 1 --duration 0m
bad 2 "2025-02-30" "meeting list --from 2025-02-30" meeting list --from 2025-02-30
bad 1 "2025-09-01" "meeting list --to before --from" meeting list --from 2025-09-10 --to 2025-09-01
bad 2 "24:00" "arrival --at 24:00" attendee mark 1 Maria present --at 24:00
bad 1 "17:00" "arrival after the meeting ended" attendee mark 1 Maria present --at 17:00

# Unknown and ambiguous ids.
bad 1 "meeting '99'" "unknown meeting id (show)" meeting show 99
bad 1 "meeting '99'" "unknown meeting id (edit)" meeting edit 99 --title "Rapat"
bad 1 "meeting 'Rapat'" "ambiguous meeting (agenda add)" agenda add Rapat "Item baru"
bad 1 "meeting 'Musyawarah'" "unknown meeting name (attendee add)" attendee add Musyawarah Ricky
bad 1 "person 'Nobody'" "unknown person (attendee add)" attendee add 1 Nobody
bad 1 "person 'Hend'" "ambiguous person (attendee add)" attendee add 1 Hend
bad 1 "person '999'" "unknown person id (person edit)" person edit 999 --position "Kepala"
bad 1 "person 'Nobody'" "unknown organizer" "${M[@]}" --start "$S" --duration 1h --organizer Nobody
bad 1 "person 'Nobody'" "unknown presenter" agenda add 1 "Paparan" --presenter Nobody
bad 1 "person 'Nobody'" "unknown stand-in" attendee mark 1 Hendrik represented --by Nobody
bad 1 "person '%'" "a LIKE wildcard matches no one" person show %
bad 1 "person '_'" "a LIKE joker matches no one" person show _
bad 1 "unit 'Atlantis'" "unknown unit (person add)" person add "Budi" --unit Atlantis
bad 1 "unit 'Kelas IIA'" "ambiguous unit (person add)" person add "Budi" --unit "Kelas IIA"
bad 1 "unit 'Atlantis'" "unknown parent unit" unit add "Seksi Baru" --parent Atlantis
bad 1 "unit '42'" "unknown unit id (unit show)" unit show 42
bad 1 "agenda item 'Penutupan'" "unknown agenda item" agenda edit 1 Penutupan --duration 10m
bad 1 "agenda item '9'" "unknown agenda item number" agenda remove 1 9

# Empty, blank, too long.
bad 1 "title ''" "empty meeting title" meeting add "" --start "$S" --duration 1h
bad 1 "title '   '" "blank meeting title" meeting add "   " --start "$S" --duration 1h
bad 1 "title ''" "empty title in meeting edit" meeting edit 1 --title ""
bad 1 "name ''" "empty unit name" unit add ""
bad 1 "name ''" "empty unit name in unit edit" unit edit LAPAS-AMB --name ""
bad 1 "name '  '" "blank person name" person add "  "
bad 1 "title ''" "empty agenda item title" agenda add 1 ""
bad 1 "kind ''" "empty meeting kind" "${M[@]}" --start "$S" --duration 1h --kind ""
long_e=$("$PYTHON" -c 'print("é" * 201, end="")')
bad 1 "title 'éééééééééé" "title of 201 characters (limit 200)" meeting add "$long_e" --start "$S" --duration 1h
ok_e=$("$PYTHON" -c 'print("é" * 200, end="")')
huge=$(head -c 120000 /dev/zero | tr '\0' 'A')
bad 1 "title 'AAAAAAAAAA" "a 120 000-byte title" meeting add "$huge" --start "$S" --duration 1h
bad 1 "name 'AAAAAAAAAA" "a 120 000-byte person name" person add "$huge"
bad 1 "description 'AAAAAAAAAA" "a 120 000-byte description" meeting edit 1 --description "$huge"
bad 1 "note 'AAAAAAAAAA" "a 120 000-byte attendance note" attendee mark 1 Maria excused --note "$huge"
bad 1 "(10001 characters, at most 10000)" "description of 10 001 characters (limit 10 000)" \
  meeting edit 1 --description "$(head -c 10001 /dev/zero | tr '\0' 'd')"
bad 1 "code 'KKKKKKKKKK" "unit code of 33 characters (limit 32)" unit add "Unit Baru" --code "$(head -c 33 /dev/zero | tr '\0' 'K')"
bad 1 "0811111111111111111111111111111111" "phone of 34 characters (limit 32)" person add "Budi" --phone "0811111111111111111111111111111111"

# Enumerations.
bad 2 "role 'boss'" "unknown role" attendee add 1 Siti --role boss
bad 2 "reply 'perhaps'" "unknown rsvp reply" attendee rsvp 1 Maria perhaps
bad 2 "attendance status 'late'" "unknown attendance status" attendee mark 1 Maria late
bad 2 "agenda type 'lunch'" "unknown agenda type" agenda add 1 "Makan siang" --type lunch
bad 2 "agenda type 'lunch'" "unknown agenda type in edit" agenda edit 1 1 --type lunch
bad 2 "status 'postponed'" "unknown meeting status (add)" "${M[@]}" --start "$S" --duration 1h --status postponed
bad 2 "status 'postponed'" "unknown meeting status (list)" meeting list --status postponed
bad 1 "status 'cancelled'" "status cancelled via meeting edit" meeting edit 1 --status cancelled
bad 1 "status 'batal'" "status batal (cancelled) via meeting edit" meeting edit 1 --status batal
bad 1 "status 'cancelled'" "status cancelled via meeting add" "${M[@]}" --start "$S" --duration 1h --status cancelled

# Duplicates.
bad 1 "Ricky" "duplicate attendee" attendee add 1 Ricky
bad 1 "Hendrik" "duplicate attendee after a new one (all undone)" attendee add 1 Siti Hendrik
bad 1 "kantor wilayah ditjen pemasyarakatan maluku" "duplicate unit name (other case)" unit add "kantor wilayah ditjen pemasyarakatan maluku"
bad 1 "Lapas Kelas IIA Ambon" "duplicate unit name by rename" unit edit RUTAN-AMB --name "Lapas Kelas IIA Ambon"
bad 1 "lapas-amb" "duplicate unit code (other case)" unit add "Lapas Baru" --code lapas-amb
bad 1 "LAPAS-AMB" "duplicate unit code in unit edit" unit edit RUTAN-AMB --code LAPAS-AMB
bad 1 "TU@maluku.pas.example" "duplicate e-mail (other case)" person add "Budi" --email TU@maluku.pas.example
bad 1 "tu@maluku.pas.example" "duplicate e-mail in person edit" person edit Hendrik --email tu@maluku.pas.example

# E-mail and phone.
bad 1 "not-an-email" "e-mail without @" person add "Budi" --email not-an-email
bad 1 "budi@localhost" "e-mail without a dot in the domain" person add "Budi" --email budi@localhost
bad 1 "a@b@c.example" "e-mail with two @" person add "Budi" --email a@b@c.example
bad 1 "budi @example.com" "e-mail with a space" person add "Budi" --email "budi @example.com"
bad 1 "0911-abc" "phone with letters" person add "Budi" --phone 0911-abc
bad 1 "0911;DROP" "phone with SQL" person edit Maria --phone "0911;DROP"

# Invalid UTF-8 and control characters.
bad 1 '\xff\xfe' "invalid UTF-8 title" meeting add $'\xff\xfe' --start "$S" --duration 1h
bad 1 '\xc3' "truncated UTF-8 sequence in a person name" person add $'Budi\xc3'
bad 1 '\xff' "invalid UTF-8 unit name" unit add $'Unit\xff'
bad 1 '\xfe' "invalid UTF-8 agenda title" agenda add 1 $'Item\xfe'
bad 1 '\xff' "invalid UTF-8 location" meeting edit 1 --location $'Aula\xff'
bad 1 '\xc0\xaf' "overlong UTF-8 encoding of /" meeting edit 1 --title $'Rapat\xc0\xafX'
bad 1 '\xed\xa0\x80' "UTF-8-encoded surrogate" person add $'Budi\xed\xa0\x80'
bad 1 '\xff' "invalid UTF-8 as a meeting reference" meeting show $'\xff'
bad 1 'a\u0001b' "control character U+0001 in a name" person add $'a\x01b'
bad 1 '\u001b[31mRed' "escape sequence in a title" meeting add $'\x1b[31mRed' --start "$S" --duration 1h
bad 1 'line1\nline2' "newline in a title" meeting add $'line1\nline2' --start "$S" --duration 1h
bad 1 'tab\there' "tab in a title" meeting edit 1 --title $'tab\there'
bad 1 'DEL\u007f' "DEL in a unit name" unit add $'DEL\x7f'
bad 1 'NEL\u0085' "C1 control U+0085 in a position" person edit Maria --position $'NEL\xc2\x85'
bad 1 'ok\u0001' "control character in a description" meeting edit 1 --description $'ok\x01'
bad 1 'note\u001b' "escape in an attendance note" attendee mark 1 Maria excused --note $'note\x1b'

# Rules of attendance, agenda positions, cancelling.
bad 2 "--at" "--at with a non-present status" attendee mark 1 Maria excused --at 09:00
bad 2 "--by" "--by with a non-represented status" attendee mark 1 Maria present --by Ricky
bad 1 "stand-in 'Maria'" "stand-in is the person themselves" attendee mark 1 Maria represented --by Maria
bad 1 "person 'Siti'" "attendance of someone not invited" attendee mark 1 Siti present
bad 1 "Rapat batal" "attendance on a cancelled meeting" attendee mark 3 Siti present
bad 1 "position '0'" "agenda move to position 0" agenda move 1 1 0
bad 1 "position '4'" "agenda move beyond the end" agenda move 1 1 4
bad 2 "position 'first'" "agenda move to a word" agenda move 1 1 first
bad 2 "NIP '12ab'" "a NIP that is no number (exit 2: it does not parse)" \
  person add "Nama Baru" --nip 12ab
bad 2 "has 17 digits, not 18" "a NIP a digit short" person add "Nama Baru" --nip 19720315199803100
bad 1 "month 13 in the birth date" "a NIP of 18 digits with a month 13 (exit 1: a rule)" \
  person add "Nama Baru" --nip 197213151998031002
bad 1 "position '0'" "agenda add --at 0" agenda add 1 "Item baru" --at 0
bad 1 "position '5'" "agenda add --at beyond the end + 1" agenda add 1 "Item baru" --at 5
bad 1 "Rapat batal" "cancelling twice" meeting cancel "Rapat batal" --reason "Lagi"
bad 1 "Rapat Kerja Teknis" "delete with recorded attendance, no --force" meeting delete 1
bad 1 "Maria Wattimena" "remove a person who organises and presents" person remove Maria
bad 1 "LAPAS-AMB" "unit below its own child" unit edit KANWIL-MAL --parent LAPAS-AMB

# Usage errors.
bad 2 "--colour" "unknown option" meeting list --colour
bad 2 "extra" "unexpected argument" meeting show 1 extra
bad 2 "TITLE" "missing argument" meeting add
bad 2 "--duration" "--end and --duration together" "${M[@]}" --start "$S" --end 10:00 --duration 1h
bad 2 "--start" "no --start" "${M[@]}" --duration 1h
bad 2 "meetings" "unknown group" meetings list
bad 2 "lst" "unknown verb" meeting lst

# Strategic issues and action items (issue 3).  Set up: two issues, the
# first discussed in the Rakernis (meeting 1, 2 September 2025); action 1
# open under it, action 2 done; meeting 4 raised action 3 and has no
# attendance.  Meeting 2 (kind 'meeting', no organizer) has nothing to
# follow up.
setup issue add "Pemberantasan narkoba" --category keamanan --unit KANWIL-MAL
setup issue add "Kelebihan penghuni" --category pelayanan
setup issue link 1 1
setup action add "Razia gabungan" --owner Hendrik --meeting 1 --issue 1 --due 2025-10-10
setup action add "Tes urine serentak" --owner-unit LAPAS-AMB --meeting 1 --due 2025-09-30
setup action done "Tes urine"
setup meeting add "Rapat evaluasi" --start "2025-09-05 09:00" --duration 1h --tz Asia/Jayapura
setup action add "Evaluasi SOP kunjungan" --owner Ricky --meeting 4

A=(action add "Rekap data hunian")
bad 1 "2025-09-01" "action due before the meeting that raised it" "${A[@]}" --owner Ricky --meeting 1 --due 2025-09-01
bad 1 "2025-09-01" "action update: due moved before its meeting" action update 1 --due 2025-09-01
bad 1 "progress '-1'" "progress -1" action update 1 --progress -1
bad 1 "progress '101'" "progress 101" action update 1 --progress 101
bad 1 "progress 'abc'" "progress abc" action update 1 --progress abc
bad 1 "progress '50.5'" "progress 50.5" action update 1 --progress 50.5
bad 1 "progress ''" "empty progress" action update 1 --progress ""
bad 2 "action status 'finished'" "unknown action status (update)" action update 1 --status finished
bad 2 "action status 'finished'" "unknown action status (list)" action list --status finished
bad 2 "priority 'urgent'" "unknown priority (add)" "${A[@]}" --owner Ricky --priority urgent
bad 2 "priority 'urgent'" "unknown priority (update)" action update 1 --priority urgent
bad 2 "issue status 'pending'" "unknown issue status (add)" issue add "Isu baru" --status pending
bad 2 "issue status 'pending'" "unknown issue status (list)" issue list --status pending
bad 1 "status 'resolved'" "status resolved via issue edit" issue edit 2 --status resolved
bad 1 "status 'resolved'" "status resolved via issue add" issue add "Isu baru" --status resolved
bad 2 "--owner-unit" "--owner and --owner-unit together" "${A[@]}" --owner Ricky --owner-unit KANWIL-MAL
bad 2 "--owner-unit" "--owner and --owner-unit together (update)" action update 1 --owner Ricky --owner-unit KANWIL-MAL
bad 2 "--owner" "neither --owner nor --owner-unit" "${A[@]}" --meeting 1
bad 1 "person 'Hend'" "ambiguous action owner" "${A[@]}" --owner Hend
bad 1 "person 'Hend'" "ambiguous action owner (update)" action update 1 --owner Hend
bad 1 "person 'Nobody'" "unknown action owner" "${A[@]}" --owner Nobody
bad 1 "unit 'Atlantis'" "unknown owner unit" "${A[@]}" --owner-unit Atlantis
bad 1 "person 'Nobody'" "unknown owner in action list" action list --owner Nobody
bad 1 "unit 'Atlantis'" "unknown unit in action list" action list --unit Atlantis
bad 1 "issue '99'" "unknown issue id (show)" issue show 99
bad 1 "issue 'pungli'" "unknown issue (edit)" issue edit pungli --category keamanan
bad 1 "issue 'pungli'" "unknown issue (action add --issue)" "${A[@]}" --owner Ricky --issue pungli
bad 1 "issue '99'" "unknown issue (agenda add --issue)" agenda add 1 "Isu lain" --issue 99
bad 1 "issue 'pungli'" "unknown issue (link)" issue link pungli 1
bad 1 "meeting '99'" "unknown meeting (issue link)" issue link 1 99
bad 1 "meeting '99'" "unknown meeting (action add --meeting)" "${A[@]}" --owner Ricky --meeting 99
bad 1 "action '99'" "unknown action id (show)" action show 99
bad 1 "action '99'" "unknown action id (update)" action update 99 --progress 10
bad 1 "action 'Patroli'" "unknown action (done)" action done Patroli
bad 1 "Pemberantasan narkoba" "close an issue with open actions, no --force" issue close 1
bad 1 "issue '1'" "duplicate issue link" issue link 1 1
bad 2 "as-of '2025-02-30'" "action list --as-of 2025-02-30" action list --overdue --as-of 2025-02-30
bad 2 "as-of '2025-02-30'" "issue list --as-of 2025-02-30" issue list --as-of 2025-02-30
bad 2 "as-of '2025-02-30'" "issue show --as-of 2025-02-30" issue show 1 --as-of 2025-02-30
bad 2 "as-of '2025-02-30'" "report actions --as-of 2025-02-30" report actions --as-of 2025-02-30
bad 2 "as-of '15-10-2025'" "--as-of in another format" action list --as-of 15-10-2025
bad 2 "due '2025-02-30'" "action add --due 2025-02-30" "${A[@]}" --owner Ricky --due 2025-02-30
bad 2 "due '2025-13-01'" "action update --due 2025-13-01" action update 1 --due 2025-13-01
bad 2 "due-before '2025-02-30'" "action list --due-before 2025-02-30" action list --due-before 2025-02-30
bad 1 "Tes urine serentak" "action done twice" action done 2
bad 1 "Rapat koordinasi keamanan" "add-review with nothing to review" agenda add-review 2
bad 1 "raised 1 action" "delete a meeting that raised actions, no --force" meeting delete 4
bad 2 "lang 'fr'" "report actions --format html --lang fr" report actions --format html --lang fr
bad 2 "format 'svg'" "report actions --format svg" report actions --format svg
bad 2 "format 'csv'" "report programme --format csv" report programme 1 --format csv
bad 2 "grouping 'nonsense'" "report actions --by nonsense" report actions --by nonsense
# A done action is 100% complete, so an explicit --progress 50 with
# --status done is refused, as it is on an action already done (it used to
# be overridden silently; last, as it would change action 1 if it came back).
bad 1 "progress '50'" "done with --progress 50 (a done action is 100% complete)" action update 1 --status done --progress 50

# Output that cannot be written (a full disk): the command fails, and a
# failed command must not have changed the database.
full_out() {
  local desc=$1 rc
  local -a why=()
  shift
  "$SQLITE3" "$db" .dump >"$tmp/before.sql" 2>&1
  "$RAPAT" --db "$db" "$@" </dev/null >/dev/full 2>"$tmp/err"
  rc=$?
  : >"$tmp/out"
  check_refusal "$rc" 1 "unable to write the output"
  "$SQLITE3" "$db" .dump >"$tmp/after.sql" 2>&1
  cmp -s "$tmp/before.sql" "$tmp/after.sql" \
    || why+=("the database changed although the command failed:" \
             "$(diff "$tmp/before.sql" "$tmp/after.sql" | head -n 4 | tr '\n' '|')")
  if [ ${#why[@]} -eq 0 ]; then
    pass "$desc"
  else
    fail "$desc" "${why[@]}"
  fi
}
if [ -w /dev/full ]; then
  full_out "stdout on a full disk: a read fails cleanly" unit list
  full_out "stdout on a full disk: a write that cannot print its id is undone" unit add "Unit Baru"
else
  skip "stdout on a full disk: no /dev/full"
  skip "stdout on a full disk: no /dev/full"
fi

# ---------------------------------------------------------------------------
echo "# Part 2: the database file itself"

badfile 1 "$tmp/no/such/folder/rapat.db" "--db in a folder that does not exist" \
  "$tmp/no/such/folder/rapat.db" unit list
if [ -e "$tmp/no" ]; then
  fail "no folder is created for a --db in a missing folder" "$tmp/no exists"
else
  pass "no folder is created for a --db in a missing folder"
fi

mkdir -p "$tmp/dirs/adir"
badfile 1 "$tmp/dirs/adir" "--db is a directory" "$tmp/dirs/adir" unit add "Unit Baru"

mkdir "$tmp/corrupt"
head -c 8192 /dev/urandom >"$tmp/corrupt/random.db"
printf 'x' | dd of="$tmp/corrupt/random.db" bs=1 count=1 conv=notrunc 2>/dev/null  # never "SQLite format 3"
badfile 1 "$tmp/corrupt/random.db" "random bytes: a read is refused, file untouched" "$tmp/corrupt/random.db" unit list
badfile 1 "$tmp/corrupt/random.db" "random bytes: a write is refused, file untouched" "$tmp/corrupt/random.db" unit add "Unit Baru"
printf 'Daftar hadir Rakernis 2025\n' >"$tmp/corrupt/notes.txt"
badfile 1 "$tmp/corrupt/notes.txt" "a text file: refused, untouched" "$tmp/corrupt/notes.txt" person add "Budi"

# A real database cut short: its header is fine, its pages are missing.
"$SQLITE3" "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
mkdir "$tmp/cut"
head -c 8192 "$db" >"$tmp/cut/cut.db"
badfile 1 "$tmp/cut/cut.db" "a truncated database: refused, untouched" "$tmp/cut/cut.db" meeting show 1

# A database from a newer rapat (PRAGMA user_version = 99).
mkdir "$tmp/newer"
cp "$db" "$tmp/newer/rapat.db"
"$SQLITE3" "$tmp/newer/rapat.db" "PRAGMA user_version = 99;"
"$SQLITE3" "$tmp/newer/rapat.db" .dump >"$tmp/newer.sql"
badfile 1 "99" "newer schema: a read is refused, file untouched" "$tmp/newer/rapat.db" unit list
badfile 1 "99" "newer schema: a write is refused, file untouched" "$tmp/newer/rapat.db" unit add "Unit Baru"
"$SQLITE3" "$tmp/newer/rapat.db" .dump >"$tmp/newer2.sql"
if cmp -s "$tmp/newer.sql" "$tmp/newer2.sql" \
   && [ "$("$SQLITE3" "$tmp/newer/rapat.db" 'PRAGMA user_version;')" = 99 ]; then
  pass "newer schema: contents and user_version 99 kept"
else
  fail "newer schema: contents and user_version 99 kept" "the dump or the version changed"
fi
# The same, in rollback-journal mode (as another tool may leave it):
# refusing it must not switch it to WAL either.
mkdir "$tmp/newer-journal"
"$SQLITE3" "$tmp/newer-journal/rapat.db" "PRAGMA journal_mode = DELETE; CREATE TABLE later (x); PRAGMA user_version = 99;" >/dev/null
badfile 1 "99" "newer schema in rollback-journal mode: refused, file byte-identical" \
  "$tmp/newer-journal/rapat.db" unit list

# A read-only database: root ignores file modes, so as root rapat runs as
# 'nobody' through setpriv; without setpriv the case is skipped.
mkdir "$tmp/ro"
cp "$db" "$tmp/ro/rapat.db"
chmod 444 "$tmp/ro/rapat.db"
chmod 555 "$tmp/ro"
ro_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  ro_cmd=("$RAPAT")
elif command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
  chmod 711 "$tmp"
  ro_cmd=(setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups "$RAPAT")
fi
if [ ${#ro_cmd[@]} -gt 0 ]; then
  folder_state "$tmp/ro" >"$tmp/before.state"
  "${ro_cmd[@]}" --db "$tmp/ro/rapat.db" person add "Budi" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  why=()
  check_refusal "$rc" 1 "$tmp/ro/rapat.db"
  folder_state "$tmp/ro" >"$tmp/after.state"
  cmp -s "$tmp/before.state" "$tmp/after.state" || why+=("the folder of the database changed")
  if [ ${#why[@]} -eq 0 ]; then
    pass "read-only database (file 444 in a folder 555): a write is refused"
  else
    fail "read-only database (file 444 in a folder 555): a write is refused" "${why[@]}"
  fi
  chmod 700 "$tmp"
else
  skip "read-only database: running as root without setpriv, file modes are not enforced"
fi
chmod 755 "$tmp/ro"

# ---------------------------------------------------------------------------
echo "# Part 3: text stored literally and shown back exactly"

# json_is FILE PATH VALUE: the JSON in FILE has VALUE (byte for byte) at
# PATH (keys and indexes separated by dots).
json_is() {
  EXPECT="$3" "$PYTHON" -c '
import json, os, sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as e:
    print("    not JSON: %s" % e); sys.exit(2)
for k in sys.argv[2].split("."):
    d = d[int(k)] if k.isdigit() else d[k]
if not isinstance(d, str) or d.encode("utf-8") != os.environb[b"EXPECT"]:
    print("    got %r" % (d,)); sys.exit(1)
' "$1" "$2"
}

# lit DESC VALUE FILE PATH: checks one field of a JSON output.
lit() {
  local msg
  if msg=$(json_is "$3" "$4" "$2"); then
    pass "$1"
  else
    fail "$1" "expected $(printf '%q' "$2")" "$msg"
  fi
}

# has_line DESC FILE LINE: FILE has LINE, exactly, as one of its lines.
has_line() {
  if grep -F -x -q -e "$3" "$2"; then
    pass "$1"
  else
    fail "$1" "no line '$3' in: $(peek "$2")"
  fi
}

# run ARGS...: runs rapat on the literal-text database, output in $tmp/out.
ldb="$tmp/literal.db"
run() {
  if ! "$RAPAT" --db "$ldb" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"; then
    fail "rapat $(printf '%q ' "$@")" "exit status not 0: $(peek "$tmp/err")"
    return 1
  fi
}

# shellcheck disable=SC2016  # the $HOME and `id` below are meant literally
values=(
  "\"Rapat\" dan 'rapat'"
  "O'Neil"
  "Robert'); DROP TABLE person;--"
  "<script>alert(1)</script> & <b>tebal</b>"
  "Ni Luh Putu Ayu Ṡ"
  "Zoë Ñúñez"
  "李小龍"
  "Rapat 🎉🙏🏽 daring"
  $'Zoe\xcc\x88 (e + combining diaeresis, not NFC)'
  'back\slash %s %n $HOME `id`'
  "اجتماع الفريق"
)

i=0
for v in "${values[@]}"; do
  i=$((i + 1))
  short=${v:0:24}
  # A person and a unit named V.
  run unit add "$v" || continue
  u=$(cat "$tmp/out")
  run person add "$v" --position "$v" --unit "$u" || continue
  p=$(cat "$tmp/out")
  run person show "$p" --json && lit "person name [$short] (json)" "$v" "$tmp/out" name
  lit "person position [$short] (json)" "$v" "$tmp/out" position
  lit "person unit [$short] (json)" "$v" "$tmp/out" unit
  run person show "$p" && has_line "person show [$short] (text)" "$tmp/out" "Person $p: $v"
  run unit show "$u" --json && lit "unit name [$short] (json)" "$v" "$tmp/out" name
  lit "unit member [$short] (json)" "$v" "$tmp/out" members.0.name
  run unit show "$u" && has_line "unit show [$short] (text)" "$tmp/out" "Unit $u: $v"
  # A meeting titled V, at V, described V; an agenda item V with notes V.
  run meeting add "$v" --start "2025-09-1$((i % 10)) 09:00" --duration 1h --tz Asia/Jayapura \
      --location "$v" --description "$v" --kind "$v" || continue
  m=$(cat "$tmp/out")
  run agenda add "$m" "$v" --notes "$v" --presenter "$p" || continue
  run attendee add "$m" "$p" || continue
  run attendee mark "$m" "$p" excused --note "$v" || continue
  run meeting show "$m" --json || continue
  for f in title location description kind; do
    lit "meeting $f [$short] (json)" "$v" "$tmp/out" "$f"
  done
  lit "agenda title [$short] (json)" "$v" "$tmp/out" agenda.0.title
  lit "agenda notes [$short] (json)" "$v" "$tmp/out" agenda.0.notes
  lit "agenda presenter [$short] (json)" "$v" "$tmp/out" agenda.0.presenter
  lit "attendee name [$short] (json)" "$v" "$tmp/out" attendees.0.name
  lit "attendee note [$short] (json)" "$v" "$tmp/out" attendees.0.note
  run meeting show "$m" && has_line "meeting show title [$short] (text)" "$tmp/out" "Meeting $m: $v"
  has_line "meeting show location [$short] (text)" "$tmp/out" "  Location:    $v"
  has_line "meeting show description [$short] (text)" "$tmp/out" "  $v"
  # Found again by its exact name.
  run person show "$v" --json && lit "person found by its name [$short]" "$v" "$tmp/out" name
  # Cancelled with reason V.
  run meeting cancel "$m" --reason "$v" || continue
  run meeting show "$m" --json && lit "cancel reason [$short] (json)" "$v" "$tmp/out" cancel_reason
  run meeting show "$m" && has_line "cancel reason [$short] (text)" "$tmp/out" "  Reason:      $v"
done

# Several lines and tabs where text may have them.
multi=$'Baris pertama\n\tBaris kedua, menjorok\nBaris "ketiga" \'terakhir\''
run meeting add "Rapat multibaris" --start "2025-09-20 09:00" --duration 1h --tz Asia/Jayapura --description "$multi" \
  && m=$(cat "$tmp/out") \
  && run meeting show "$m" --json && lit "multi-line description (json)" "$multi" "$tmp/out" description
run meeting show "Rapat multibaris" && has_line "multi-line description, line 2 (text)" "$tmp/out" $'  \tBaris kedua, menjorok'
# E-mail with an apostrophe and a plus; a phone with every allowed sign.
run person add "Seamus O'Neil" --email "o'neil+rapat@example.com" --phone "+62 (911) 352-100.5" \
  && p=$(cat "$tmp/out") && run person show "$p" --json \
  && lit "e-mail with ' and + (json)" "o'neil+rapat@example.com" "$tmp/out" email
lit "phone with + ( ) - . (json)" "+62 (911) 352-100.5" "$tmp/out" phone
# Exactly at the limit: 200 characters of two bytes each.
run meeting add "$ok_e" --start "2025-09-21 09:00" --duration 1h --tz Asia/Jayapura \
  && m=$(cat "$tmp/out") && run meeting show "$m" --json \
  && lit "title of exactly 200 characters (json)" "$ok_e" "$tmp/out" title
# Nothing odd got into the database's structure.
if [ "$("$SQLITE3" "$ldb" "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'person';")" = 1 ] \
   && [ "$("$SQLITE3" "$ldb" "PRAGMA integrity_check;")" = ok ]; then
  pass "the literal-text database is intact (person table there, integrity ok)"
else
  fail "the literal-text database is intact (person table there, integrity ok)"
fi

# ---------------------------------------------------------------------------
# The online link (--url): only absolute http and https addresses.  Each
# refusal is one line naming the value, and the database file is the same
# bytes afterwards (sha256 of the file and of any -wal beside it).

# Prints the sha256 of the database file and its WAL.
db_bytes() {
  sha256sum "$db" "$db-wal" 2>/dev/null
}

# badurl EXCERPT DESCRIPTION ARGS...: like 'bad' (exit 1), comparing bytes.
badurl() {
  local excerpt=$1 desc=$2 rc before
  local -a why=()
  shift 2
  before=$(db_bytes)
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  check_refusal "$rc" 1 "$excerpt"
  [ "$(db_bytes)" = "$before" ] || why+=("the database file changed (sha256)")
  if [ ${#why[@]} -eq 0 ]; then
    pass "$desc"
  else
    fail "$desc" "${why[@]}"
  fi
}

echo "# The online link"
U=(meeting add "Rapat daring" --start "$S" --duration 1h --tz Asia/Jayapura)
badurl "url 'ftp://files.example.org/bahan.pdf': only http and https" "url with scheme ftp (edit)" \
  meeting edit 1 --url "ftp://files.example.org/bahan.pdf"
badurl "url 'ftp://files.example.org/x': only http and https" "url with scheme ftp (add)" \
  "${U[@]}" --url "ftp://files.example.org/x"
badurl "url 'javascript:alert(1)'" "url with scheme javascript" meeting edit 1 --url "javascript:alert(1)"
badurl "url 'mailto:tu@maluku.pas.example'" "url with scheme mailto" meeting edit 1 --url "mailto:tu@maluku.pas.example"
badurl "url 'file:///etc/passwd'" "url with scheme file" meeting edit 1 --url "file:///etc/passwd"
badurl "url 'data:text/html,x'" "url with scheme data" meeting edit 1 --url "data:text/html,x"
badurl "url 'https://meet.example.org/rapat kanwil': contains a space" "url with a space" \
  meeting edit 1 --url "https://meet.example.org/rapat kanwil"
badurl "url ' https://meet.example.org/x': contains a space" "url with a leading space" \
  "${U[@]}" --url " https://meet.example.org/x"
badurl "url 'https://meet.example.org/\\tx': must be a single line" "url with a tab" meeting edit 1 --url $'https://meet.example.org/\tx'
badurl "must be a single line" "url with a newline" meeting edit 1 --url $'https://meet.example.org/x\nHost: evil'
badurl '\xff' "url with invalid UTF-8" meeting edit 1 --url $'https://meet.example.org/\xff'
badurl "url 'https://meet.example.org/ruang-rapat-ü'" "url with a character outside ASCII" \
  meeting edit 1 --url "https://meet.example.org/ruang-rapat-ü"
badurl "url 'meet.example.org/rapat': not an absolute address" "url without a scheme" \
  meeting edit 1 --url "meet.example.org/rapat"
badurl "url '/rapat/kanwil'" "url that is a path" meeting edit 1 --url "/rapat/kanwil"
badurl "url 'https:rapat': no host name" "url without a host" meeting edit 1 --url "https:rapat"
badurl "url 'https://': no host name" "url with an empty host" meeting edit 1 --url "https://"
badurl "url 'https://meet.example.org/%zz'" "url with a broken %-escape" meeting edit 1 --url "https://meet.example.org/%zz"
badurl "url 'https://meet.example.org:99999/'" "url with a port out of range" meeting edit 1 --url "https://meet.example.org:99999/"
badurl "too long (2001 characters, at most 2000)" "url of 2001 characters" \
  meeting edit 1 --url "https://m.example.org/$(head -c 1979 /dev/zero | tr '\0' a)"
# Accepted: exactly 2000 characters, every character a URI may hold, kept as given.
u2000="https://m.example.org/$(head -c 1978 /dev/zero | tr '\0' a)"
uodd="HTTP://user@Meet.Example.org:8443/r/a;b?x=1&y=%20%C3%BC#frag-'()*+,!\$~"
for v in "$u2000" "$uodd"; do
  run meeting add "Rapat daring" --start "2025-09-22 09:00" --duration 1h --tz Asia/Jayapura --url "$v" \
    && m=$(cat "$tmp/out") && run meeting show "$m" --json \
    && lit "url of ${#v} characters kept as given (json)" "$v" "$tmp/out" url
  run meeting show "$m" && has_line "url of ${#v} characters (text)" "$tmp/out" "  Link:        $v"
done

# ---------------------------------------------------------------------------
echo "# Part 4: the ends of the years rapat keeps, and the repeated hour"

# Issue 12, defect 12: a start or end outside 1900..9998 in the meeting's
# zone is refused, so that nothing stored reads as "?" or exports as
# DTSTART:00000000T000000.  Same database and rules as part 1.
bad 1 "start '9999-12-31 20:00': rapat keeps dates from 1900 to 9998" "start 9999-12-31 20:00 in New York" \
  meeting add "Rapat baru" --start "9999-12-31 20:00" --duration 1h --tz America/New_York
bad 1 "start '9999-01-01 00:00'" "start 9999-01-01 00:00" "${M[@]}" --start "9999-01-01 00:00" --duration 1h
bad 1 "start '1899-12-31 23:00'" "start 1899-12-31 23:00" "${M[@]}" --start "1899-12-31 23:00" --duration 1h
bad 1 "end '9999-01-01 01:00'" "--duration pushing the end past 9998" \
  "${M[@]}" --start "9998-12-31 23:00" --duration 2h
bad 1 "end '9999-01-01 00:30'" "--end past 9998" "${M[@]}" --start "9998-12-31 23:00" --end "9999-01-01 00:30"
bad 1 "9998-12-31 23:00-12:00" "an offset that puts the start past 9998 in the meeting's zone" \
  "${M[@]}" --start "9998-12-31 23:00-12:00" --duration 1h --tz Asia/Jayapura
bad 1 "until '9999-06-01'" "--until 9999-06-01" "${M[@]}" --start "$S" --duration 1h --repeat weekly --until 9999-06-01
bad 1 "UNTIL 9999-06-01" "UNTIL=99990601T000000Z in the rule" \
  "${M[@]}" --start "$S" --duration 1h --repeat "FREQ=WEEKLY;UNTIL=99990601T000000Z"
bad 1 "from '9999-01-01'" "meeting list --from 9999-01-01" meeting list --from 9999-01-01
bad 1 "due '9999-01-01'" "action add --due 9999-01-01" "${A[@]}" --owner Ricky --due 9999-01-01
bad 1 "start '9999-01-01 09:00'" "meeting edit --start into 9999" meeting edit 2 --start "9999-01-01 09:00"
bad 1 "end '9999-01-01 08:00'" "meeting edit --duration pushing the end past 9998" \
  meeting edit 2 --start "9998-12-31 23:00" --duration 9h
# libical stops every rule in 2582: a series cut short there would export
# a COUNT the stored meetings do not have.
bad 1 "2582" "a series libical would cut short in 2582" \
  "${M[@]}" --start "2582-12-01 09:00" --duration 1h --repeat weekly --count 6
# A calendar expands a rule from DTSTART's local time, which names the first
# pass of a repeated hour: a series cannot start in the second.
bad 1 "start '2026-10-25 02:30': a series cannot start in the second pass" \
  "a series starting in the second pass of the repeated hour" \
  meeting add "Rapat kedua" --start "2026-10-25 02:30+01:00" --tz Europe/Berlin --duration 30m \
  --repeat weekly --count 3

# Issue 12, defect 7: a wall time that occurs twice (Berlin's clocks go
# back from 03:00 CEST to 02:00 CET on 25 October 2026) is the first, as
# RFC 5545 reads it, with a warning that says how to write the second.
hdb="$tmp/hour.db"
# hour DESC WANT_WARNING ARGS...: runs rapat on $hdb; it must succeed, print
# an id, and print on stderr the warning (one line) or, if WANT_WARNING is
# empty, nothing.
hour() {
  local desc=$1 want=$2 rc
  local -a why=()
  shift 2
  "$RAPAT" --db "$hdb" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ "$rc" -eq 0 ] || why+=("exit status $rc: $(peek "$tmp/err")")
  grep -q -x '[0-9][0-9]*' "$tmp/out" || why+=("no id on stdout: $(peek "$tmp/out")")
  if [ -n "$want" ]; then
    if [ "$(wc -l <"$tmp/err")" -ne 1 ] || [ "$(head -c 16 "$tmp/err")" != "rapat: warning: " ] \
       || ! grep -F -q -e "$want" "$tmp/err"; then
      why+=("stderr is not one warning line with '$want': $(peek "$tmp/err")")
    fi
  elif [ -s "$tmp/err" ]; then
    why+=("stderr is not empty: $(peek "$tmp/err")")
  fi
  if [ ${#why[@]} -eq 0 ]; then
    pass "$desc"
  else
    fail "$desc" "${why[@]}"
  fi
}
B=(--duration 1h --tz Europe/Berlin)
hour "ambiguous 02:30 in Berlin: warned, with the offset of the other" \
  "taken as the first, CEST (UTC+02:00); for the second, CET (UTC+01:00), write '2026-10-25 02:30+01:00'" \
  meeting add "Rapat malam" --start "2026-10-25 02:30" "${B[@]}"
m=$(cat "$tmp/out")
"$RAPAT" --db "$hdb" meeting show "$m" --json >"$tmp/out" 2>"$tmp/err"
lit "ambiguous 02:30 in Berlin: the first, 02:30 CEST" "2026-10-25T02:30:00+02:00" "$tmp/out" start
lit "ambiguous 02:30 in Berlin: the zone stays Europe/Berlin" "Europe/Berlin" "$tmp/out" tz
hour "02:30+01:00 with --tz Europe/Berlin: the second, no warning" "" \
  meeting add "Rapat malam kedua" --start "2026-10-25 02:30+01:00" "${B[@]}"
m=$(cat "$tmp/out")
"$RAPAT" --db "$hdb" meeting show "$m" --json >"$tmp/out" 2>"$tmp/err"
lit "02:30+01:00 with --tz: the second, 02:30 CET" "2026-10-25T02:30:00+01:00" "$tmp/out" start
lit "02:30+01:00 with --tz: the zone stays Europe/Berlin" "Europe/Berlin" "$tmp/out" tz
"$RAPAT" --db "$hdb" meeting edit "$m" --duration 2h >"$tmp/out" 2>"$tmp/err"
"$RAPAT" --db "$hdb" meeting show "$m" --json >"$tmp/out" 2>"$tmp/err"
lit "edit --duration keeps the second 02:30 (no re-reading of the wall time)" \
  "2026-10-25T02:30:00+01:00" "$tmp/out" start
hour "a series through the repeated hour: one warning-free add" "" \
  meeting add "Rapat mingguan" --start "2026-10-18 02:30" "${B[@]}" --repeat weekly --count 3
m=$(cat "$tmp/out")
"$RAPAT" --db "$hdb" meeting show "$((m + 1))" --json >"$tmp/out" 2>"$tmp/err"
lit "a series occurrence on the repeated hour: the first, as a single meeting" \
  "2026-10-25T02:30:00+02:00" "$tmp/out" start
hour "1900-01-01 00:00 in Pacific/Kiritimati is kept" "" \
  meeting add "Rapat awal" --start "1900-01-01 00:00" --duration 1h --tz Pacific/Kiritimati
hour "9998-12-31 23:00-23:59 in Pacific/Pago_Pago is kept" "" \
  meeting add "Rapat akhir" --start "9998-12-31 23:00" --end 23:59 --tz Pacific/Pago_Pago
m=$(cat "$tmp/out")
"$RAPAT" --db "$hdb" meeting show "$m" --json >"$tmp/out" 2>"$tmp/err"
lit "9998-12-31 23:00 in Pago Pago shows back" "9998-12-31T23:00:00-11:00" "$tmp/out" start

echo "# Part 5: invisible characters, look-alike names, rules and find-slot values (issue 13)"

# One-line text refuses direction controls and zero-width characters (as
# UTF-8 bytes: the names of each follow).  Back on the database of part 1.
invisible=($'\xe2\x80\x8b' $'\xe2\x80\x8c' $'\xe2\x80\x8d' $'\xe2\x80\xaa' $'\xe2\x80\xab'
           $'\xe2\x80\xac' $'\xe2\x80\xad' $'\xe2\x80\xae' $'\xe2\x81\xa0' $'\xe2\x81\xa6'
           $'\xe2\x81\xa7' $'\xe2\x81\xa8' $'\xe2\x81\xa9' $'\xef\xbb\xbf')
invisible_names=("U+200B ZERO WIDTH SPACE" "U+200C ZERO WIDTH NON-JOINER"
  "U+200D ZERO WIDTH JOINER" "U+202A LEFT-TO-RIGHT EMBEDDING" "U+202B RIGHT-TO-LEFT EMBEDDING"
  "U+202C POP DIRECTIONAL FORMATTING" "U+202D LEFT-TO-RIGHT OVERRIDE"
  "U+202E RIGHT-TO-LEFT OVERRIDE" "U+2060 WORD JOINER" "U+2066 LEFT-TO-RIGHT ISOLATE"
  "U+2067 RIGHT-TO-LEFT ISOLATE" "U+2068 FIRST STRONG ISOLATE" "U+2069 POP DIRECTIONAL ISOLATE"
  "U+FEFF ZERO WIDTH NO-BREAK SPACE")
for i in "${!invisible[@]}"; do
  c=${invisible[$i]} cn=${invisible_names[$i]}
  bad 1 "$cn at character 7" "$cn in a unit name" unit add "Kanwil${c}"
  bad 1 "$cn at character 4" "$cn in a person's name" person add "Ani${c} Lestari"
  bad 1 "$cn at character 1" "$cn in a meeting title" "${M[@]/Rapat baru/${c}Rapat baru}" \
    --start "$S" --duration 1h
  bad 1 "$cn at character 7" "$cn in a unit code" unit edit LAPAS-AMB --code "LAPAS-${c}AMB"
  bad 1 "$cn at character 4" "$cn in an e-mail" person edit Hendrik --email "hen${c}drik@maluku.pas.example"
done
rlo=${invisible[7]}
bad 1 "name 'Kanwil \\u202eutaraM': contains U+202E RIGHT-TO-LEFT OVERRIDE at character 8" \
  "the message escapes the override it names" unit add "Kanwil ${rlo}utaraM"
bad 1 "U+202E RIGHT-TO-LEFT OVERRIDE" "an override in a unit name, in unit edit" \
  unit edit LAPAS-AMB --name "Lapas ${rlo}nobmA"
bad 1 "U+202E RIGHT-TO-LEFT OVERRIDE" "an override in a position" person edit Hendrik --position "Kepala ${rlo}sapaL"
bad 1 "U+200B ZERO WIDTH SPACE" "a zero-width space in a location" \
  "${M[@]}" --start "$S" --duration 1h --location "Aula${invisible[0]}"
bad 1 "U+2066 LEFT-TO-RIGHT ISOLATE" "an isolate in an agenda item's room" \
  agenda edit 1 1 --room "Ruang ${invisible[9]}A"
bad 1 "U+FEFF ZERO WIDTH NO-BREAK SPACE" "a BOM in a meeting kind" \
  "${M[@]}" --start "$S" --duration 1h --kind "${invisible[13]}rakor"
bad 1 "U+200D ZERO WIDTH JOINER" "a joiner in an issue category" \
  issue add "Isu baru" --category "keamanan${invisible[2]}"
bad 1 "phone '0911\\u200d123'" "a joiner in a phone number (no digit), escaped in the message" \
  person edit Hendrik --phone "0911${invisible[2]}123"
bad 1 "U+202E RIGHT-TO-LEFT OVERRIDE" "an override in an agenda item title" agenda add 1 "Penutupan${rlo}"

# Names that look the same cannot both exist: units compare names and codes
# NFKC-folded, without invisible characters; a person's e-mail likewise.
wide_lapas=$'\xef\xbc\xac\xef\xbd\x81\xef\xbd\x90\xef\xbd\x81\xef\xbd\x93'   # Ｌａｐａｓ
bad 1 "a unit with this name already exists" "a full-width unit name like an existing one" \
  unit add "${wide_lapas} Kelas IIA Ambon"
bad 1 "a unit with this name already exists" "a unit renamed to look like another" \
  unit edit RUTAN-AMB --name "${wide_lapas} KELAS IIA AMBON"
bad 1 "another unit already has this code" "a full-width unit code like an existing one" \
  unit add "Seksi Baru" --code $'\xef\xbc\xab\xef\xbc\xa1\xef\xbc\xae\xef\xbc\xb7\xef\xbc\xa9\xef\xbc\xac-MAL'
bad 1 "already belongs to Ricky Dwi Biantoro" "a full-width e-mail like an existing one" \
  person add "Ricky Kedua" --email $'\xef\xbd\x8b\xef\xbd\x81\xef\xbd\x8b\xef\xbd\x81\xef\xbd\x8ewil@maluku.pas.example'

# Rules: a BY value twice, a time of day.
bad 1 "BYDAY names MO twice" "FREQ=WEEKLY;BYDAY=MO,MO" \
  "${M[@]}" --start "$S" --duration 1h --repeat "FREQ=WEEKLY;BYDAY=MO,MO" --count 3
bad 1 "BYHOUR is not allowed" "BYHOUR (two meetings a day)" \
  "${M[@]}" --start "$S" --duration 1h --repeat "FREQ=DAILY;BYHOUR=9,14" --count 3
bad 1 "BYMINUTE is not allowed" "BYMINUTE" \
  "${M[@]}" --start "$S" --duration 1h --repeat "FREQ=WEEKLY;BYMINUTE=0,30" --count 3
bad 1 "BYSECOND is not allowed" "BYSECOND (09:00:01)" \
  "${M[@]}" --start "$S" --duration 1h --repeat "FREQ=DAILY;BYSECOND=1" --count 3

# find-slot: an empty value is a usage error.
F=(schedule find-slot --with Maria --duration 1h --between 2025-09-01..2025-09-05)
bad 2 "--days '': must not be empty" "find-slot --days ''" "${F[@]}" --days ""
bad 2 "--hours '': must not be empty" "find-slot --hours ''" "${F[@]}" --hours ""
bad 2 "--room '': must not be empty" "find-slot --room ''" "${F[@]}" --room ""
bad 2 "--tz '': must not be empty" "find-slot --tz ''" "${F[@]}" --tz ""
bad 2 "--count '': must not be empty" "find-slot --count ''" "${F[@]}" --count ""
bad 2 "--days ' ': must not be empty" "find-slot --days ' '" "${F[@]}" --days " "
bad 2 "--with '': must not be empty" "find-slot --with ''" "${F[@]}" --with ""
bad 2 "--duration '': must not be empty" "find-slot --duration ''" \
  schedule find-slot --with Maria --duration "" --between 2025-09-01..2025-09-05
bad 2 "--between '': must not be empty" "find-slot --between ''" \
  schedule find-slot --with Maria --duration 1h --between "" --between 2025-09-05
bad 2 "--between takes two days" "find-slot --between DATE.." \
  schedule find-slot --with Maria --duration 1h --between 2025-09-01..

echo "bad-input: $n cases, $n_pass passed, $n_fail failed, $n_skip skipped"
[ "$n_fail" -eq 0 ]
