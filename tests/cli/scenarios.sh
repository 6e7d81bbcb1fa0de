#!/bin/bash
# rapat CLI golden-transcript tests.
#
# Each tests/cli/scenarios/NAME.sh is a story told with the helpers below;
# it runs against a fresh database in a temp folder and its transcript is
# compared with tests/cli/scenarios/NAME.out.
#
#   tests/cli/scenarios.sh [NAME...]      run all scenarios, or the named ones
#   UPDATE=1 tests/cli/scenarios.sh       rewrite the .out files instead
#
# Environment (set by 'make check'): RAPAT (the built program), SRCDIR (the
# top source folder), SQLITE3 (the sqlite3 shell, used by the 'sql' helper).
# Exit status: 0 all matched, 1 a mismatch or a setup problem.
#
# Helpers available to scenario files:
#   r ARGS...     runs "rapat ARGS" and appends to the transcript
#                   $ rapat ARGS          (shell-quoted)
#                   <stdout>
#                   ! <stderr line>       (each stderr line, prefixed "! ")
#                   [exit N]              (only when N != 0)
#   note TEXT     appends "# TEXT" (a comment explaining the next step)
#   sql QUERY     runs QUERY with the sqlite3 shell on the database
#   snapshot      remembers the database contents (sqlite3 .dump)
#   unchanged     appends "[database unchanged]", or "[database CHANGED]"
#                 and the difference, comparing with the last snapshot
# Random meeting uids (UUID v4 + "@rapat") are shown as <uid>, and the temp
# folder as <tmp>.

set -u
. "$(dirname "$0")/lib.sh"

here=$(cd "$(dirname "$0")" && pwd)
SRCDIR=${SRCDIR:-$(cd "$here/../.." && pwd)}
scenario_dir="$SRCDIR/tests/cli/scenarios"
RAPAT=${RAPAT:-$PWD/src/rapat}
SQLITE3=${SQLITE3-sqlite3}

need_rapat
need_sqlite3

pin_environment

tmp_root=$(mktemp -d "${TMPDIR:-/tmp}/rapat-scenarios.XXXXXX") || exit 1
trap 'rm -rf "$tmp_root"' EXIT
trap 'exit 1' HUP INT TERM

# Prints the arguments shell-quoted: words made only of safe characters
# as they are, anything else in single quotes.
quote_args() {
  local a out=""
  for a in "$@"; do
    if [ -n "$a" ] && [[ $a != *[!A-Za-z0-9_@%+=:,./-]* ]]; then
      out+=" $a"
    else
      out+=" '${a//\'/\'\\\'\'}'"
    fi
  done
  printf '%s' "$out"
}

# Replaces what changes from run to run, and the library versions --version
# names, which change from machine to machine.
scrub() {
  sed -E -e 's/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@rapat/<uid>/g' \
         -e "s#${work//#/\\#}#<tmp>#g" \
         -e 's/(SQLite|libical|GLib|GMime|libcurl|Cairo|Pango|librsvg|gdk-pixbuf) [0-9][0-9.]*/\1 <version>/g'
}

r() {
  local rc
  printf '$ rapat%s\n' "$(quote_args "$@")"
  RAPAT_DB="$db" "$RAPAT" "$@" </dev/null >"$work/.stdout" 2>"$work/.stderr"
  rc=$?
  scrub <"$work/.stdout"
  scrub <"$work/.stderr" | sed 's/^/! /'
  if [ "$rc" -ne 0 ]; then
    printf '[exit %d]\n' "$rc"
  fi
}

note() {
  printf '# %s\n' "$*"
}

sql() {
  printf '$ sqlite3 rapat.db%s\n' "$(quote_args "$1")"
  "$SQLITE3" "$db" "$1" 2>&1 | scrub
}

snapshot() {
  "$SQLITE3" "$db" .dump >"$work/.snapshot" 2>&1
}

unchanged() {
  "$SQLITE3" "$db" .dump >"$work/.now" 2>&1
  if cmp -s "$work/.snapshot" "$work/.now"; then
    echo "[database unchanged]"
  else
    echo "[database CHANGED]"
    diff "$work/.snapshot" "$work/.now" | scrub
  fi
}

# Runs the scenario file $1 in a subshell and prints its transcript.
run_scenario() {
  (
    work="$1.work"
    mkdir -p "$work"
    db="$work/rapat.db"
    cd "$work" || exit 1
    # shellcheck disable=SC1090
    . "$2"
  )
}

if [ $# -gt 0 ]; then
  names=("$@")
else
  names=()
  for f in "$scenario_dir"/*.sh; do
    [ -e "$f" ] || continue
    n=${f##*/}
    names+=("${n%.sh}")
  done
fi
if [ ${#names[@]} -eq 0 ]; then
  echo "scenarios.sh: no scenarios found in $scenario_dir" >&2
  exit 1
fi

failed=0
passed=0
for name in "${names[@]}"; do
  script="$scenario_dir/$name.sh"
  expected="$scenario_dir/$name.out"
  actual="$tmp_root/$name.out"
  if [ ! -f "$script" ]; then
    echo "FAIL $name: no such scenario $script"
    failed=$((failed + 1))
    continue
  fi
  run_scenario "$tmp_root/$name" "$script" >"$actual" 2>"$tmp_root/$name.err"
  if [ -s "$tmp_root/$name.err" ]; then
    echo "FAIL $name: the scenario script itself wrote to stderr:"
    sed 's/^/    /' "$tmp_root/$name.err"
    failed=$((failed + 1))
    continue
  fi
  n_cmds=$(grep -c '^\$ rapat' "$actual")
  if [ "${UPDATE:-0}" = 1 ]; then
    if [ -f "$expected" ] && cmp -s "$expected" "$actual"; then
      echo "ok   $name ($n_cmds commands, unchanged)"
    else
      cp "$actual" "$expected" && echo "UPDATED $name ($n_cmds commands): $expected"
    fi
    passed=$((passed + 1))
  elif [ ! -f "$expected" ]; then
    echo "FAIL $name: $expected is missing (run with UPDATE=1 to create it, then check it by hand)"
    failed=$((failed + 1))
  elif diff -u --label "$name.out (expected)" --label "$name.out (actual)" "$expected" "$actual"; then
    echo "ok   $name ($n_cmds commands)"
    passed=$((passed + 1))
  else
    echo "FAIL $name: the transcript differs from $expected (diff above)"
    failed=$((failed + 1))
  fi
done

echo "scenarios: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
