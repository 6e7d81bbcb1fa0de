#!/bin/bash
# rapat CLI tests: shell completion (issue 21).
#   A. bash: the script sourced in 'bash --norc' registers a function
#      ('complete -p rapat'), which, driven with COMP_WORDS/COMP_CWORD,
#      completes groups, verbs, options, enumerations (formats, replies,
#      attendance in Indonesian), zones, and records of the database named by
#      --db on the line (the demo's meeting by a prefix of its id or title,
#      its invitees by name);
#   B. 'rapat __complete' against databases that are missing, not rapat's
#      or not SQLite at all: no output, nothing on stderr, exit 0, no file or
#      folder created, the database byte-identical and no -wal/-shm left;
#   C. zsh and fish (when installed): the scripts load without error, and
#      complete a group and a meeting through the shell's own machinery.
#
# Environment (set by 'make check'): RAPAT, SRCDIR, SQLITE3.

set -u
. "$(dirname "$0")/lib.sh"
cli_setup

comp="$SRCDIR/data/completion"
bin="$tmp/bin"
mkdir -p "$bin"
ln -s "$RAPAT" "$bin/rapat"
export PATH="$bin:$PATH"
db="$tmp/demo.db"
id=$(rapat --db "$db" demo) || { echo "complete.sh: rapat demo failed" >&2; exit 1; }
fransina=$(rapat --db "$db" person list --json | python3 -c \
  'import json,sys; print([p["id"] for p in json.load(sys.stdin) if p["name"].startswith("Fransina")][0])')
export RAPAT_DB="$tmp/no-such.db"

# bash_complete WORD...: the candidates bash offers for the last WORD,
# one per line, found through 'complete -p rapat' as bash itself would.
bash_complete() {
  bash --norc --noprofile -c '
    . "$1"; shift
    spec=$(complete -p rapat) || exit 3
    fn=$(printf "%s\n" "$spec" | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    "$fn" rapat "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' bash "$comp/bash/rapat" "$@"
}

# expect DESCRIPTION WANT GOT: WANT and GOT (lines) are the same.
expect() {
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "want: $(echo $2)" "got:  $(echo $3)"; fi
}

# A
spec=$(bash --norc -c ". '$comp/bash/rapat'; complete -p rapat")
expect "bash: the script registers a function for rapat" "complete -F _rapat rapat" "$spec"
expect "bash: rapat me<TAB>" "meeting" "$(bash_complete rapat me)"
want=$(rapat help meeting | sed -n 's/^  \([a-z-]*\) .*/\1/p' | sort)
got=$(bash_complete rapat meeting "" | sed 's/ .*//' | sort)
expect "bash: rapat meeting <TAB>: the verbs of 'rapat help meeting'" "$want" "$got"
want=$(rapat meeting list --help | sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z-]*\).*/\2/p' | sort)
got=$(bash_complete rapat meeting list -- | sed 's/ .*//' | sort)
expect "bash: rapat meeting list --<TAB>: the options of its --help" "$want" "$got"
expect "bash: rapat --db DB attendee rsvp <id prefix><TAB>" "$id" \
  "$(bash_complete rapat --db "$db" attendee rsvp "${id:0:1}")"
expect "bash: rapat attendee rsvp <part of the title><TAB> (--db=DB)" "$id" \
  "$(bash_complete rapat --db = "$db" attendee rsvp Kerja)"
expect "bash: rapat attendee rsvp --db DB M Fransi<TAB>: the invitee's id" "$fransina" \
  "$(bash_complete rapat attendee rsvp --db "$db" "$id" Fransi)"
expect "bash: rapat attendee rsvp M P <TAB>: the replies" "needs-action accepted declined tentative" \
  "$(bash_complete rapat attendee rsvp "$id" "$fransina" "" | sed 's/ .*//' | tr '\n' ' ' | sed 's/ $//')"
expect "bash: an Indonesian word is completed too (hadi<TAB>)" "hadir" \
  "$(bash_complete rapat --db "$db" attendee mark "$id" "$fransina" hadi)"
expect "bash: rapat report attendance --format <TAB>" "text csv json html pdf" \
  "$(bash_complete rapat report attendance --format "" | tr '\n' ' ' | sed 's/ $//')"
expect "bash: rapat report signin --format=<TAB>" "html pdf" \
  "$(bash_complete rapat report signin --format = | tr '\n' ' ' | sed 's/ $//')"
expect "bash: rapat report signin --format=p<TAB>" "pdf" \
  "$(bash_complete rapat report signin --format = p)"
expect "bash: rapat meeting add --tz Asia/Jayap<TAB>" "Asia/Jayapura" \
  "$(bash_complete rapat meeting add --tz Asia/Jayap)"
touch "$tmp/agenda-file.txt"
expect "bash: a FILE argument completes file names" "$tmp/agenda-file.txt" \
  "$(bash_complete rapat agenda import "$id" "$tmp/agenda-f")"
got=$(RAPAT_DB="$db" bash_complete rapat unit show RUTAN-A)
expect "bash: RAPAT_DB is read when --db is not given (unit by code)" "RUTAN-AMB" "$got"
id2=$(rapat --db "$db" meeting add "Rapat Evaluasi Kinerja" --start "2025-10-06 09:00" --duration 2h \
      --tz Asia/Jayapura)
got=$(bash_complete rapat --db "$db" meeting show "" | sort)
want=$(printf '%s  (%s)\n' "$id" "Rapat Kerja Teknis Pemasyarakatan Maluku 2025, 2025-09-02 09:00 WIT" \
       "$id2" "Rapat Evaluasi Kinerja, 2025-10-06 09:00 WIT" | sort)
expect "bash: several meetings are shown with their titles and times" "$want" "$got"
got=$(bash_complete rapat --db "$db" meeting show rapat | sed 's/ .*//' | sort | tr '\n' ' ')
expect "bash: meetings found by title keep the word typed among them" \
  "$(printf '%s\n' "$id" "$id2" rapat | sort | tr '\n' ' ')" "$got"

# B
before=$(sha256sum <"$db")
rm -f "$db-wal" "$db-shm"
out=$(rapat __complete --db "$db" meeting show "" 2>"$tmp/err")
if [ -n "$out" ] && [ ! -s "$tmp/err" ] && [ "$(sha256sum <"$db")" = "$before" ] \
   && [ ! -e "$db-wal" ] && [ ! -e "$db-shm" ]; then
  pass "__complete reads the database read-only: unchanged, no -wal or -shm left"
else
  fail "__complete reads the database read-only: unchanged, no -wal or -shm left" \
    "$(ls "$tmp")" "$(cat "$tmp/err")"
fi
echo "not a database" >"$tmp/text.db"
"$SQLITE3" "$tmp/other.db" "CREATE TABLE t (x); PRAGMA user_version = 999;"
sums=$(sha256sum "$tmp/text.db" "$tmp/other.db")
bad=
for args in "--db $tmp/nothing/here.db" "--db $tmp/none.db" "--db $tmp/text.db" "--db $tmp/other.db" ""; do
  # shellcheck disable=SC2086
  out=$(RAPAT_LANG=xx rapat __complete $args meeting show "" 2>"$tmp/err"); rc=$?
  [ -z "$out" ] && [ ! -s "$tmp/err" ] && [ "$rc" = 0 ] || bad="$bad
  [$args] rc=$rc out=$out err=$(cat "$tmp/err")"
done
# Without --db or RAPAT_DB: the default under XDG_DATA_HOME, not created either.
out=$(env -u RAPAT_DB rapat __complete meeting show "" 2>&1)
[ -z "$out" ] || bad="$bad
  [default] $out"
if [ -z "$bad" ] && [ ! -e "$tmp/nothing" ] && [ ! -e "$tmp/none.db" ] && [ ! -e "$XDG_DATA_HOME/rapat" ] \
   && [ "$(sha256sum "$tmp/text.db" "$tmp/other.db")" = "$sums" ]; then
  pass "__complete on a missing or foreign database: silent, exit 0, creates and changes nothing"
else
  fail "__complete on a missing or foreign database: silent, exit 0, creates and changes nothing" "$bad" \
    "$(ls -R "$tmp" | head -20)"
fi
if [ -z "$(rapat __complete no-such-group "" 2>&1)" ] && [ -z "$(rapat __complete meeting frobnicate "" 2>&1)" ]; then
  pass "__complete after an unknown group or verb: nothing"
else
  fail "__complete after an unknown group or verb: nothing"
fi

# C
if command -v zsh >/dev/null; then
  out=$(zsh -f -c '
    fpath=("$1" $fpath)
    autoload -Uz compinit && compinit -u -D 2>/dev/null || exit 3
    print -r -- "$_comps[rapat]"
    # Drive the function with compadd stubbed: what it would offer.
    compadd() { local a; for a; do :; done; print -rl -- ${(P)a}; }
    _files() { print -r -- ":files"; }
    words=(rapat me) CURRENT=2 PREFIX=me; _rapat
    words=(rapat --db "$2" meeting show Kerja) CURRENT=6 PREFIX=Kerja; _rapat' \
    zsh "$comp/zsh" "$db" 2>&1)
  expect "zsh: _rapat loads through compinit and offers a group and a meeting" \
    "_rapat meeting $id" "$(echo $out)"
else
  skip "zsh: not installed (apt-get install zsh)"
fi
if command -v fish >/dev/null; then
  out=$(fish --no-config -c "source '$comp/fish/rapat.fish'; complete -C'rapat me'; complete -C'rapat --db $db meeting show Kerj'" 2>&1)
  case $out in
    meeting*"$id"*Rapat*) pass "fish: rapat.fish loads and offers a group and a meeting with its title" ;;
    *) fail "fish: rapat.fish loads and offers a group and a meeting with its title" "$out" ;;
  esac
else
  skip "fish: not installed (apt-get install fish)"
fi

printf '%d passed, %d failed, %d skipped\n' "$n_pass" "$n_fail" "$n_skip"
[ "$n_fail" = 0 ]
