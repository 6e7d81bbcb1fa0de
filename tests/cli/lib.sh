# rapat CLI tests: what every script shares.  Sourced, right after 'set -u':
#   . "$(dirname "$0")/lib.sh"
# It defines functions and the result counters; it runs nothing.

cli_name=$(basename "$0")

# The results: one line per check ("ok N - ...", "FAIL N - ..." with the
# reasons indented below it, "skip N - ..."), counted for the summary.
n=0
n_pass=0
n_fail=0
n_skip=0

pass() {
  n=$((n + 1)); n_pass=$((n_pass + 1))
  printf 'ok %d - %s\n' "$n" "$1"
}

# fail DESCRIPTION [REASON...]: each reason, of one or more lines, indented.
fail() {
  n=$((n + 1)); n_fail=$((n_fail + 1))
  printf 'FAIL %d - %s\n' "$n" "$1"
  shift
  local why
  for why in "$@"; do
    printf '%s\n' "$why" | sed 's/^/    /'
  done
}

skip() {
  n=$((n + 1)); n_skip=$((n_skip + 1))
  printf 'skip %d - %s\n' "$n" "$1"
}

# Exits unless $RAPAT is the program to test.
need_rapat() {
  if [ ! -x "$RAPAT" ]; then
    echo "$cli_name: RAPAT='$RAPAT' is not an executable program; build rapat first" >&2
    exit 1
  fi
}

# Exits unless $SQLITE3 names the sqlite3 shell.
need_sqlite3() {
  if [ -z "$SQLITE3" ] || ! command -v "$SQLITE3" >/dev/null 2>&1; then
    echo "$cli_name: the sqlite3 shell is needed (SQLITE3='$SQLITE3'); install sqlite3" >&2
    exit 1
  fi
}

# Output must not depend on the machine running the tests.
pin_environment() {
  export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1756771200
  unset LANG LANGUAGE RAPAT_DB TZDIR COLUMNS
}

# Background jobs a script starts; cli_setup's exit trap kills those still running.
pids=()

# cli_setup: the start most scripts share.  Takes $RAPAT (default: the
# build's src/rapat) and $SQLITE3 and checks both, fixes the environment,
# and makes a private temporary folder $tmp, with $HOME inside it, that is
# removed on exit (after killing $pids, and even if a test made parts of it
# read-only).
cli_setup() {
  RAPAT=${RAPAT:-$PWD/src/rapat}
  SQLITE3=${SQLITE3-sqlite3}
  need_rapat
  need_sqlite3
  pin_environment
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapat-${cli_name%.sh}.XXXXXX") || exit 1
  trap cli_cleanup EXIT
  trap 'exit 1' HUP INT TERM
  export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share"
}

cli_cleanup() {
  local p
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null
  done
  wait 2>/dev/null
  chmod -R u+rwx "$tmp" 2>/dev/null
  rm -rf "$tmp"
}

# The helpers most scripts share; a script that needs another shape of one
# defines its own after sourcing this file.

# check DESCRIPTION COMMAND...: passes if COMMAND exits 0.
check() {
  local desc=$1 rc
  shift
  "$@" >"$tmp/check.out" 2>&1
  rc=$?
  if [ "$rc" -eq 0 ]; then
    pass "$desc"
  else
    local -a why=()
    mapfile -t why < <(tail -n 15 "$tmp/check.out" | cut -c 1-300)
    fail "$desc" "${why[@]}"
  fi
  return "$rc"
}

# setup ARGS...: runs rapat on $db; aborts the script if it fails.
setup() {
  if ! "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/setup.out" 2>"$tmp/setup.err"; then
    echo "$cli_name: setup command failed: rapat $*" >&2
    cat "$tmp/setup.err" >&2
    exit 1
  fi
}

# run OUTFILE ARGS...: rapat on $db, stdout to OUTFILE; an exit status or
# anything on stderr fails.
run() {
  local out=$1 rc
  shift
  "$RAPAT" --db "$db" "$@" </dev/null >"$out" 2>"$tmp/run.err"
  rc=$?
  if [ "$rc" -ne 0 ] || [ -s "$tmp/run.err" ]; then
    fail "rapat $*" "exit status $rc" "$(head -c 300 "$tmp/run.err")"
    return 1
  fi
  return 0
}
