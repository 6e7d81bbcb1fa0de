#!/bin/bash
# rapat CLI tests: usage errors and the versions.
#
# Every usage error (an unknown command, verb or option, an option without
# its value, a value that is no date, time, duration, zone or known word)
# is one line "rapat: error: ..." that says where the help is, exits 2 and
# leaves the database byte-identical; a near name is suggested ("did you
# mean"), a far one is not.  A value that parses but breaks a rule, and a
# bad setting in the environment, exit 1.  rapat --version, -V and
# 'rapat version' print the same lines, and 'rapat help' lists them.
#
# Environment (set by 'make check'): RAPAT, SQLITE3, SRCDIR; msgfmt is needed.

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
db="$tmp/rapat.db"
setup demo
sum() { sha256sum "$db" | cut -d' ' -f1; }

# usage DESCRIPTION STATUS NEEDLE ARGS...: rapat ARGS on $db exits STATUS
# with one line on stderr, "rapat: error: ..." containing NEEDLE (fixed
# text), nothing on stdout, and the database unchanged.
usage() {
  local desc=$1 want=$2 needle=$3 before rc
  local -a why=()
  shift 3
  before=$(sum)
  "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ "$rc" -eq "$want" ] || why+=("exit $rc, expected $want")
  [ -s "$tmp/out" ] && why+=("stdout: $(head -c 200 "$tmp/out")")
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || why+=("stderr is not one line: $(head -c 300 "$tmp/err")")
  grep -q '^rapat: error: ' "$tmp/err" || why+=("not 'rapat: error:': $(head -c 200 "$tmp/err")")
  grep -q -F -e "$needle" "$tmp/err" || why+=("does not say '$needle': $(head -c 300 "$tmp/err")")
  [ "$(sum)" = "$before" ] || why+=("the database changed")
  if [ ${#why[@]} -eq 0 ]; then
    pass "$desc: $(cat "$tmp/err")"
  else
    fail "$desc" "${why[@]}"
  fi
}

# nosuggest DESCRIPTION: the last message suggests nothing.
nosuggest() {
  if grep -q "did you mean" "$tmp/err"; then
    fail "$1" "$(cat "$tmp/err")"
  else
    pass "$1"
  fi
}

echo "# Unknown commands, verbs and options, with what was meant"
usage "a command one letter off" 2 \
  "command 'meetign': unknown; did you mean 'meeting'? (see 'rapat help')" meetign list
usage "a command two letters off" 2 "did you mean 'attendee'?" atendde list 1
usage "'help' mistyped is suggested too, though no group of the table" 2 \
  "command 'hlep': unknown; did you mean 'help'? (see 'rapat help')" hlep
usage "a command far from any" 2 "command 'calendar': unknown (see 'rapat help')" calendar
nosuggest "... suggests nothing"
usage "a verb with two letters swapped" 2 \
  "verb 'lsit': unknown for meeting; did you mean 'list'? (see 'rapat meeting --help')" meeting lsit
usage "a verb far from any" 2 "verb 'frobnicate': unknown for meeting (see 'rapat meeting --help')" \
  meeting frobnicate
nosuggest "... suggests nothing"
usage "an ambiguous prefix says where to look" 2 \
  "command 'a': ambiguous, could be agenda, attendee, action (see 'rapat help')" a
usage "an option one letter off" 2 \
  "meeting list: option '--frm': unknown; did you mean '--from'? (see 'rapat meeting list --help')" \
  meeting list --frm 2025-09-01
usage "an option with a value after =" 2 "option '--stauts': unknown; did you mean '--status'?" \
  meeting list --stauts=scheduled
usage "an option far from any" 2 \
  "meeting list: option '--colour': unknown (see 'rapat meeting list --help')" meeting list --colour
nosuggest "... suggests nothing"
usage "an unknown short option" 2 "report signin: option '-x': unknown" report signin --meeting 1 -x
usage "an option before the command" 2 \
  "option '--dbb': unknown; did you mean '--db'? (see 'rapat help')" --dbb x meeting list
usage "an option another command has" 2 "meeting show: option '--overdue': unknown" \
  meeting show 1 --overdue
usage "an option without its value" 2 \
  "meeting list: option '--from': missing its value DATE (see 'rapat meeting list --help')" \
  meeting list --from
usage "-o without its file" 2 "option '-o': missing its value FILE" report signin --meeting 1 -o
usage "--db without its file" 2 "option '--db': missing its value FILE (see 'rapat help')" --db
usage "a flag given a value" 2 "meeting list: option '--json': takes no value" meeting list --json=yes
usage "a missing argument" 2 "(see 'rapat meeting show --help')" meeting show
usage "one argument too many" 2 "unexpected argument 'x' (see 'rapat meeting show --help')" \
  meeting show 1 x

echo "# Values that do not parse: usage errors (exit 2), with the command's help"
usage "a start that is no time" 2 \
  "start 'garbage': expected YYYY-MM-DD HH:MM (see 'rapat meeting add --help')" \
  meeting add X --start garbage --duration 1h --tz Asia/Jayapura
usage "a day that does not exist" 2 "(see 'rapat meeting list --help')" meeting list --from 2025-02-30
usage "a duration without a unit" 2 "duration '90': expected a duration" \
  meeting add X --start "2025-10-01 09:00" --duration 90 --tz Asia/Jayapura
usage "an unknown zone" 2 "zone 'Mars/Olympus'" meeting list --from 2025-09-01 --tz Mars/Olympus
usage "an unknown attendance status" 2 "(see 'rapat attendee mark --help')" \
  attendee mark 1 Ricky late
usage "an unknown format" 2 "format 'docx'" report attendance --meeting 1 --format docx
usage "a typo of an Indonesian word" 2 "attendance status 'hadri': expected one of present, represented, excused, sick, duty, absent; did you mean 'hadir'? (see 'rapat attendee mark --help')" \
  attendee mark 1 Ricky hadri

echo "# Values that parse but break a rule, and bad settings: exit 1"
usage "an end before the start" 1 "not after the start" \
  meeting add X --start "2025-10-01 09:00" --end 08:00 --tz Asia/Jayapura
usage "a duration over the limit" 1 "longer than the limit" \
  meeting add X --start "2025-10-01 09:00" --duration 745h --tz Asia/Jayapura
usage "a meeting that is not there" 1 "meeting '999'" meeting show 999
before=$(sum)
RAPAT_LANG=xx "$RAPAT" --db "$db" meeting list </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
check "RAPAT_LANG=xx: a setting, exit 1, no pointer to a command's help" \
  test "$rc" = 1 -a "$(wc -l <"$tmp/err")" = 1 -a "$(sum)" = "$before"
if grep -q "(see " "$tmp/err"; then fail "... $(cat "$tmp/err")"; else pass "... $(cat "$tmp/err")"; fi

echo "# Usage errors in Indonesian"
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
mkdir -p "$tmp/locale/id/LC_MESSAGES"
msgfmt -o "$tmp/locale/id/LC_MESSAGES/rapat.mo" "$SRCDIR/po/id.po" || exit 1
RAPAT_LOCALEDIR="$tmp/locale" RAPAT_LANG=id "$RAPAT" --db "$db" meeting list --frm x \
  </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
check "RAPAT_LANG=id: the unknown option in Indonesian, exit 2" \
  grep -q -F "rapat: error: meeting list: opsi '--frm': tidak dikenal; maksudnya '--from'? (lihat 'rapat meeting list --help')" "$tmp/err"
check "... exit 2" test "$rc" = 2
RAPAT_LOCALEDIR="$tmp/locale" RAPAT_LANG=id "$RAPAT" --db "$db" meeting show \
  </dev/null >"$tmp/out" 2>"$tmp/err"
check "RAPAT_LANG=id: a missing argument points to the help once" \
  test "$(grep -o "(lihat 'rapat meeting show --help')" "$tmp/err" | wc -l)" = 1
RAPAT_LOCALEDIR="$tmp/locale" RAPAT_LANG=id "$RAPAT" --db "$db" meeting list --from 2025-02-30 \
  </dev/null >"$tmp/out" 2>"$tmp/err"
check "RAPAT_LANG=id: a day that does not exist points to the help once" \
  test "$(grep -o "(lihat 'rapat meeting list --help')" "$tmp/err" | wc -l)" = 1

echo "# The versions"
"$RAPAT" --version >"$tmp/v1" 2>&1
check "--version: exit 0, 'rapat VERSION' first" grep -q '^rapat [0-9]' "$tmp/v1"
check "... the schema, SQLite, libical and GLib" \
  grep -q '^  schema [0-9]*, SQLite [0-9.]*, libical [0-9.]*, GLib [0-9.]*$' "$tmp/v1"
check "... the mail and PDF modules" grep -q '^  mail: ' "$tmp/v1"
check "... the PDF module" grep -q '^  pdf: ' "$tmp/v1"
"$RAPAT" -V >"$tmp/v2" 2>&1
check "-V prints the same" cmp "$tmp/v1" "$tmp/v2"
"$RAPAT" version >"$tmp/v3" 2>&1
check "'rapat version' prints the same" cmp "$tmp/v1" "$tmp/v3"
"$RAPAT" --db "$db" vers >"$tmp/v4" 2>&1
check "... as does a prefix of it" cmp "$tmp/v1" "$tmp/v4"
"$RAPAT" help >"$tmp/help" 2>&1
check "'rapat help' lists 'rapat version' with --version and -V" \
  grep -q '^  rapat version  .*(also --version, -V)$' "$tmp/help"
usage "'rapat version' takes no argument" 2 "unexpected argument 'x'" version x

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
