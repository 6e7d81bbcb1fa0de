#!/bin/bash
# rapat CLI tests: 'minutes note --edit' and the pin of final minutes.
#
# --edit runs $EDITOR with no transaction open: the editor itself can run a
# rapat write command (it would wait for the lock, then fail, were one
# held); notes changed by someone else while the editor ran are not
# overwritten (one line naming the file that keeps the text, the file
# kept, the database unchanged); an unchanged or empty edit records
# nothing; final minutes are refused before the editor opens.
#
# Final minutes pin their meeting (schema/0012-minutes-pin.sql): cancel and
# each edit of title, time, length, zone or place are refused with one line
# pointing to 'minutes amend', the database byte-identical; the other
# fields stay writable; after 'minutes amend' the edit works.
#
# Environment (set by 'make check'): RAPAT, SQLITE3.
# Prints one line per check; exit 0 if all passed, 1 if not.

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
db="$tmp/rapat.db"
export TMPDIR="$tmp/edits"
mkdir -p "$TMPDIR"

# run ARGS...: rapat on $db, stdout in $tmp/out, stderr in $tmp/err, exit status in $rc.
run() {
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
}

# The database files, byte for byte.
sums() {
  sha256sum "$db" "$db-wal" 2>/dev/null
}

# notes ITEM: the stored notes of agenda item ITEM (a position) of meeting 1.
notes() {
  "$SQLITE3" "$db" "SELECT mi.notes FROM minutes_item mi JOIN agenda_item a
                    ON a.id = mi.agenda_item_id WHERE a.meeting_id = 1 AND a.position = $1"
}

# editor NAME BODY: writes an editor script $tmp/NAME whose body is BODY
# ($1 is the file to edit); R in the body runs rapat on the database.
editor() {
  printf '#!/bin/bash\nR() { "%s" --db "%s" "$@"; }\n%s\n' "$RAPAT" "$db" "$2" >"$tmp/$1"
  chmod +x "$tmp/$1"
}

# refused DESCRIPTION PATTERN: the last run failed with exit 1 and exactly
# one line on stderr matching PATTERN, nothing on stdout.
refused() {
  local lines
  lines=$(wc -l <"$tmp/err")
  if [ "$rc" = 1 ] && [ "$lines" = 1 ] && [ ! -s "$tmp/out" ] && grep -q -- "$2" "$tmp/err"; then
    pass "$1"
  else
    fail "$1" "exit $rc, $lines stderr lines: $(cat "$tmp/err")" "stdout: $(cat "$tmp/out")"
  fi
}

run person add "Maria Wattimena" --position "Kepala Bagian Tata Usaha"
run person add "Samuel Pattiasina"
run meeting add "Rapat koordinasi" --start "2025-09-10 09:00" --duration 2h --tz Asia/Jayapura \
  --location "Aula Kanwil"
run agenda add 1 "Pembukaan" --duration 10m --type opening
run agenda add 1 "Overcrowding" --duration 1h
run minutes start 1 --notulis Maria --chair Samuel
run minutes note 1 2 "Kapasitas 120%."

# ---- the editor appends a line ----
editor append 'echo "Usul redistribusi." >>"$1"'
EDITOR="$tmp/append" run minutes note 1 2 --edit
got=$(notes 2)
if [ "$rc" = 0 ] && [ "$got" = $'Kapasitas 120%.\nUsul redistribusi.' ] && [ ! -s "$tmp/err" ]; then
  pass "--edit: the editor's text is recorded"
else
  fail "--edit: the editor's text is recorded" "exit $rc: $(cat "$tmp/err")" "notes: $got"
fi
if [ -z "$(ls -A "$TMPDIR")" ]; then
  pass "--edit: the edited file is removed once recorded"
else
  fail "--edit: the edited file is removed once recorded" "$(ls -A "$TMPDIR")"
fi

# ---- no write lock while the editor runs: it writes to the database itself ----
editor writer 'R person add "Penulis saat mengedit" >/dev/null || exit 7
echo "Ditulis tanpa kunci." >>"$1"'
start=$(date +%s)
EDITOR="$tmp/writer" run minutes note 1 1 --edit
took=$(( $(date +%s) - start ))
people=$("$SQLITE3" "$db" "SELECT count(*) FROM person WHERE name = 'Penulis saat mengedit'")
if [ "$rc" = 0 ] && [ "$people" = 1 ] && [ "$(notes 1)" = "Ditulis tanpa kunci." ] \
   && [ "$took" -lt 5 ]; then
  pass "--edit holds no lock: the editor's own rapat write succeeds at once (${took}s)"
else
  fail "--edit holds no lock: the editor's own rapat write succeeds at once" \
    "exit $rc after ${took}s: $(cat "$tmp/err")" "person rows: $people" "notes: $(notes 1)"
fi

# ---- someone else changes the notes while the editor runs ----
editor conflict 'R minutes note 1 2 "Diubah oleh orang lain." || exit 7
echo "Versi saya." >>"$1"'
EDITOR="$tmp/conflict" run minutes note 1 2 --edit
refused "--edit: notes changed meanwhile are not overwritten" "its notes changed while you were editing"
kept=$(sed -n "s/.*your text is kept in '\(.*\)'$/\1/p" "$tmp/err")
if [ -n "$kept" ] && [ -f "$kept" ] && grep -q "Versi saya." "$kept"; then
  pass "--edit: the refusal names the file that keeps the edited text"
else
  fail "--edit: the refusal names the file that keeps the edited text" "$(cat "$tmp/err")"
fi
if [ "$(notes 2)" = "Diubah oleh orang lain." ]; then
  pass "--edit: the other writer's notes stay"
else
  fail "--edit: the other writer's notes stay" "notes: $(notes 2)"
fi
rm -f "$kept"

# ---- the agenda moved while the editor ran: ITEM now names another item ----
editor mover 'R agenda move 1 2 1 || exit 7
echo "Salah tempat." >>"$1"'
EDITOR="$tmp/mover" run minutes note 1 2 --edit
refused "--edit: an item moved meanwhile is not overwritten" "changed while you were editing"
rm -f "$TMPDIR"/*
run agenda move 1 2 1

# ---- an edit that changes nothing, or empties the notes, records nothing ----
editor unchanged 'true'
editor empty 'truncate -s 0 "$1"'
for name in unchanged empty; do
  before=$(sums)
  EDITOR="$tmp/$name" run minutes note 1 2 --edit
  refused "--edit: an $name result records nothing" "nothing was recorded"
  if [ "$(sums)" = "$before" ] && [ -z "$(ls -A "$TMPDIR")" ]; then
    pass "--edit: $name: database byte-identical, no file left"
  else
    fail "--edit: $name: database byte-identical, no file left" "$(ls -A "$TMPDIR")"
  fi
done

# ---- final minutes: refused before the editor opens ----
run minutes finalize 1
editor marker 'touch "'"$tmp"'/editor-ran"'
before=$(sums)
EDITOR="$tmp/marker" run minutes note 1 2 --edit
refused "--edit on final minutes is refused" "minutes are final"
if [ ! -e "$tmp/editor-ran" ] && [ "$(sums)" = "$before" ]; then
  pass "--edit on final minutes: the editor never opened, database byte-identical"
else
  fail "--edit on final minutes: the editor never opened, database byte-identical"
fi

# ---- final minutes pin the meeting ----
for args in "meeting cancel 1" "meeting cancel 1 --reason Batal" \
            "meeting edit 1 --title Lain" \
            "meeting edit 1 --start|2025-09-11 09:00" \
            "meeting edit 1 --end|12:00" \
            "meeting edit 1 --duration|3h" \
            "meeting edit 1 --tz|Asia/Makassar" \
            "meeting edit 1 --location|Ruang lain" \
            "meeting edit 1 --location|" \
            "meeting edit 1 --status|tentative"; do
  IFS='|' read -r words value <<<"$args"
  # shellcheck disable=SC2086
  set -- $words
  [[ "$args" == *"|"* ]] && set -- "$@" "$value"
  before=$(sums)
  run "$@"
  refused "pinned: $args" "meeting 'Rapat koordinasi': held and signed.*rapat minutes amend"
  if [ "$(sums)" = "$before" ]; then
    pass "pinned: $args leaves the database byte-identical"
  else
    fail "pinned: $args leaves the database byte-identical"
  fi
done

# What does not change the record stays writable.
run meeting edit 1 --description "Notulen terlampir"
if [ "$rc" = 0 ]; then
  pass "pinned: the description stays writable"
else
  fail "pinned: the description stays writable" "$(cat "$tmp/err")"
fi

# Another program is held to it too: the trigger, not rapat, refuses.
# (The sqlite3 shell checkpoints the WAL on closing, so the row is compared.)
row() {
  "$SQLITE3" "$db" "SELECT title, start_utc, end_utc, tzid, location, status FROM meeting WHERE id = 1"
}
before=$(row)
out=$("$SQLITE3" "$db" "UPDATE meeting SET start_utc = start_utc + 3600 WHERE id = 1" 2>&1)
if [[ "$out" == *"rapat:minutes-final"* ]] && [ "$(row)" = "$before" ]; then
  pass "pinned: the schema refuses another program's update"
else
  fail "pinned: the schema refuses another program's update" "$out" "$before" "$(row)"
fi

# After 'minutes amend' the meeting may change again.
run minutes amend 1 --reason "Jam salah"
run meeting edit 1 --start "2025-09-10 10:00" --keep-replies
got=$("$SQLITE3" "$db" "SELECT start_utc FROM meeting WHERE id = 1")
if [ "$rc" = 0 ] && [ "$got" = "$(date -d '2025-09-10 10:00 +09:00' +%s)" ]; then
  pass "after 'minutes amend' the meeting can be moved"
else
  fail "after 'minutes amend' the meeting can be moved" "exit $rc: $(cat "$tmp/err")" "start: $got"
fi
run meeting cancel 1
if [ "$rc" = 0 ]; then
  pass "after 'minutes amend' the meeting can be cancelled"
else
  fail "after 'minutes amend' the meeting can be cancelled" "$(cat "$tmp/err")"
fi

echo "# $n checks: $n_pass passed, $n_fail failed"
[ "$n_fail" -eq 0 ]
