#!/bin/bash
# rapat CLI tests: where "-o FILE" writes, and what it leaves.
#
#   - a FIFO, a character device (made with mknod in the temp folder, as
#     root), /dev/stdout, /dev/fd/1 and "-" are written straight through
#     and stay what they are; a device that fails (a copy of /dev/full)
#     gives one error line;
#   - a symlink (a chain of them, relative, or dangling) stays a symlink and
#     the file it ends at is replaced, keeping its mode;
#   - a file being replaced keeps its mode (0600 stays 0600) and, as root,
#     its owner; a new file gets 0666 & ~umask;
#   - a 250-byte file name works, new or replaced;
#   - SIGTERM, SIGINT, SIGHUP and SIGKILL at several points of a 3000-
#     meeting export leave no file but the target, which holds the old
#     calendar or the whole new one; the same with the named temp file
#     (RAPAT_TEST_NO_TMPFILE=1, as on a file system without O_TMPFILE) for
#     the signals that can be caught.
# The real /dev/null, /dev/full and /dev/stdout are never a target as root:
# a broken rapat would replace them for the whole machine.
#
# Environment (set by 'make check'): RAPAT; bench/rapat-gen beside src/rapat
# for the signal cases (skipped without it).
# Prints one line per case and a summary; exit 0 if all passed, 1 if not.

set -u
. "$(dirname "$0")/lib.sh"

RAPAT=${RAPAT:-$PWD/src/rapat}
GEN=${GEN:-$(dirname "$(dirname "$RAPAT")")/bench/rapat-gen}

need_rapat
pin_environment

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapat-output.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
export HOME="$tmp/home"
is_root=false
[ "$(id -u)" = 0 ] && is_root=true

db="$tmp/rapat.db"
if ! "$RAPAT" --db "$db" demo </dev/null >"$tmp/setup.out" 2>&1; then
  echo "output.sh: setup failed: rapat demo" >&2
  cat "$tmp/setup.out" >&2
  exit 1
fi
"$RAPAT" --db "$db" export ics >"$tmp/expected.ics" </dev/null || exit 1

# verdict DESCRIPTION: pass or fail according to the array 'why'.
verdict() {
  if [ ${#why[@]} -eq 0 ]; then
    pass "$1"
  else
    fail "$1" "${why[@]}"
  fi
}

# Prints at most 300 bytes of file $1 on one line, for messages.
peek() {
  head -c 300 "$1" | tr '\n' '|'
}

# Lists folder $1: name, type and mode of each entry, dot files included.
folder_state() {
  (cd "$1" && find . -mindepth 1 -maxdepth 1 -printf '%P %y %m\n' | LC_ALL=C sort)
}

# export_to TARGET [ENV...]: "rapat export ics -o TARGET" under the umask
# $run_umask, appending to 'why' when it fails.
run_umask=022
export_to() {
  local target=$1
  shift
  ( umask "$run_umask"; exec env "$@" "$RAPAT" --db "$db" export ics -o "$target" ) \
    </dev/null >"$tmp/out" 2>"$tmp/err" \
    || why+=("export -o $target failed: $(peek "$tmp/err")")
}

# same FILE: appends to 'why' unless FILE holds the whole export.
same() {
  cmp -s "$1" "$tmp/expected.ics" || why+=("$1 is not the export ($(stat -c %s "$1" 2>&1) bytes)")
}

# mode_is FILE MODE
mode_is() {
  local m
  m=$(stat -c %a "$1")
  [ "$m" = "$2" ] || why+=("$1 has mode $m, expected $2")
}

# one_error RC: the command failed with exit 1 and one "rapat: error: " line.
one_error() {
  [ "$1" -eq 1 ] || why+=("exit status $1, expected 1")
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || why+=("stderr is not one line: $(peek "$tmp/err")")
  grep -q '^rapat: error: ' "$tmp/err" || why+=("stderr: $(peek "$tmp/err")")
}

# ---------------------------------------------------------------------------
echo "# New files and files replaced"

for mask in 027 022 077; do
  why=()
  d="$tmp/new-$mask"
  mkdir "$d"
  run_umask=$mask
  export_to "$d/rapat.ics"
  run_umask=022
  same "$d/rapat.ics"
  mode_is "$d/rapat.ics" "$(printf '%o' $((0666 & ~0$mask)))"
  [ "$(folder_state "$d" | wc -l)" -eq 1 ] || why+=("the folder holds: $(folder_state "$d" | tr '\n' '|')")
  verdict "a new file under umask $mask gets mode $(printf '%o' $((0666 & ~0$mask)))"
done

why=()
printf 'Laporan lama\n' >"$tmp/private.ics"
chmod 600 "$tmp/private.ics"
export_to "$tmp/private.ics"
same "$tmp/private.ics"
mode_is "$tmp/private.ics" 600
verdict "a 0600 file replaced stays 0600"

why=()
printf 'Laporan lama\n' >"$tmp/shared.ics"
chmod 664 "$tmp/shared.ics"
run_umask=077
export_to "$tmp/shared.ics"
run_umask=022
mode_is "$tmp/shared.ics" 664
verdict "a 0664 file replaced under umask 077 stays 0664"

why=()
"$RAPAT" --db "$db" report attendance --meeting 1 --format csv </dev/null >"$tmp/expected.csv" 2>"$tmp/err" \
  || why+=("report to stdout failed: $(peek "$tmp/err")")
printf 'old\n' >"$tmp/hadir.csv"
chmod 640 "$tmp/hadir.csv"
"$RAPAT" --db "$db" report attendance --meeting 1 --format csv -o "$tmp/hadir.csv" </dev/null \
  >"$tmp/out" 2>"$tmp/err" || why+=("report -o failed: $(peek "$tmp/err")")
cmp -s "$tmp/hadir.csv" "$tmp/expected.csv" || why+=("the report differs")
mode_is "$tmp/hadir.csv" 640
verdict "report attendance -o onto a 0640 file keeps 0640"

if $is_root && getent passwd nobody >/dev/null; then
  why=()
  printf 'old\n' >"$tmp/theirs.ics"
  chown nobody:nogroup "$tmp/theirs.ics" 2>/dev/null || chown nobody "$tmp/theirs.ics"
  chmod 640 "$tmp/theirs.ics"
  before=$(stat -c '%U:%G' "$tmp/theirs.ics")
  export_to "$tmp/theirs.ics"
  same "$tmp/theirs.ics"
  [ "$(stat -c '%U:%G' "$tmp/theirs.ics")" = "$before" ] \
    || why+=("owner $(stat -c '%U:%G' "$tmp/theirs.ics"), expected $before")
  mode_is "$tmp/theirs.ics" 640
  verdict "as root, a file owned by nobody keeps its owner, group and mode"
else
  skip "a file owned by another user keeps its owner: needs root and a user 'nobody'"
fi

# 250 bytes: the longest name that still leaves a temp ".NAME.XXXXXX" too
# long for a 255-byte limit.
long=$(printf 'r%.0s' $(seq 246)).ics
for mode in unnamed named; do
  why=()
  d="$tmp/long-$mode"
  mkdir "$d"
  envs=()
  [ "$mode" = named ] && envs=(RAPAT_TEST_NO_TMPFILE=1)
  export_to "$d/$long" "${envs[@]}"
  [ -f "$d/$long" ] && same "$d/$long"
  printf 'old\n' >"$d/$long"
  export_to "$d/$long" "${envs[@]}"
  [ -f "$d/$long" ] && same "$d/$long"
  [ "$(folder_state "$d" | wc -l)" -eq 1 ] || why+=("the folder holds: $(folder_state "$d" | cut -c1-40 | tr '\n' '|')")
  verdict "a 250-byte file name, new and replaced ($mode temp file)"
done

# ---------------------------------------------------------------------------
echo "# Symbolic links"

why=()
mkdir "$tmp/real" "$tmp/links"
printf 'old\n' >"$tmp/real/kalender.ics"
chmod 600 "$tmp/real/kalender.ics"
ln -s ../real/kalender.ics "$tmp/links/one"
ln -s one "$tmp/links/two"
folder_state "$tmp/links" >"$tmp/links.before"
export_to "$tmp/links/two"
[ -L "$tmp/links/one" ] && [ "$(readlink "$tmp/links/one")" = ../real/kalender.ics ] \
  || why+=("links/one is no longer the link to ../real/kalender.ics")
[ -L "$tmp/links/two" ] && [ "$(readlink "$tmp/links/two")" = one ] \
  || why+=("links/two is no longer the link to one")
same "$tmp/real/kalender.ics"
mode_is "$tmp/real/kalender.ics" 600
folder_state "$tmp/links" | cmp -s - "$tmp/links.before" || why+=("the folder of the links changed")
[ "$(folder_state "$tmp/real" | wc -l)" -eq 1 ] || why+=("real/ holds: $(folder_state "$tmp/real" | tr '\n' '|')")
verdict "a chain of relative symlinks stays; the file it ends at is replaced, mode 0600 kept"

why=()
ln -s "$tmp/real/baru.ics" "$tmp/links/dangling"
export_to "$tmp/links/dangling"
[ -L "$tmp/links/dangling" ] || why+=("links/dangling is no longer a link")
[ -f "$tmp/real/baru.ics" ] && same "$tmp/real/baru.ics"
[ -f "$tmp/real/baru.ics" ] || why+=("real/baru.ics was not created")
verdict "a dangling symlink stays; the file it names is created"

why=()
ln -s loop "$tmp/links/loop"
"$RAPAT" --db "$db" export ics -o "$tmp/links/loop" </dev/null >"$tmp/out" 2>"$tmp/err"
one_error $?
[ -L "$tmp/links/loop" ] || why+=("links/loop is no longer a link")
verdict "a symlink loop is refused with one line and left alone"

why=()
"$RAPAT" --db "$db" export ics -o "$tmp/real" </dev/null >"$tmp/out" 2>"$tmp/err"
one_error $?
ln -s ../real "$tmp/links/folder"
"$RAPAT" --db "$db" export ics -o "$tmp/links/folder" </dev/null >"$tmp/out" 2>"$tmp/err"
one_error $?
[ -L "$tmp/links/folder" ] || why+=("links/folder is no longer a link")
verdict "a folder, or a symlink to one, is refused with one line"

# ---------------------------------------------------------------------------
echo "# Streams: FIFOs, devices, standard output"

why=()
mkdir "$tmp/fifo"
mkfifo "$tmp/fifo/pipe"
# (timeout: a rapat that replaced the FIFO leaves the reader waiting.)
timeout 30 cat "$tmp/fifo/pipe" >"$tmp/fifo.got" &
reader=$!
export_to "$tmp/fifo/pipe"
wait "$reader"
[ -p "$tmp/fifo/pipe" ] || why+=("pipe is no longer a FIFO: $(stat -c %F "$tmp/fifo/pipe")")
same "$tmp/fifo.got"
[ "$(folder_state "$tmp/fifo" | wc -l)" -eq 1 ] || why+=("the folder holds: $(folder_state "$tmp/fifo" | tr '\n' '|')")
verdict "a FIFO: the reader gets the export, the FIFO stays a FIFO"

if $is_root; then
  why=()
  mkdir "$tmp/dev"
  mknod "$tmp/dev/null" c 1 3
  export_to "$tmp/dev/null"
  [ -c "$tmp/dev/null" ] || why+=("dev/null is now: $(stat -c %F "$tmp/dev/null")")
  [ "$(folder_state "$tmp/dev" | wc -l)" -eq 1 ] || why+=("the folder holds: $(folder_state "$tmp/dev" | tr '\n' '|')")
  verdict "a character device (a null device made by mknod) stays a device"
  full="$tmp/dev/full"
  mknod "$full" c 1 7
else
  skip "a character device made by mknod: needs root"
  full=/dev/full
fi

why=()
"$RAPAT" --db "$db" export ics -o "$full" </dev/null >"$tmp/out" 2>"$tmp/err"
one_error $?
[ -c "$full" ] || why+=("$full is now: $(stat -c %F "$full")")
verdict "a device that fails part-way (full, like /dev/full): one error line, still a device"

why=()
"$RAPAT" --db "$db" report attendance --meeting 1 -o "$full" </dev/null >"$tmp/out" 2>"$tmp/err"
one_error $?
grep -q -F "'$full'" "$tmp/err" || why+=("the message does not name $full: $(peek "$tmp/err")")
verdict "report -o onto a full device: the error names it"

# The stdout cases: stdout is a file in $tmp/std and then a pipe; nothing may
# appear in the folder.  As root, /dev/stdout itself only through what it is
# (a link to /proc/self/fd/1): a broken rapat would replace it for everyone.
mkdir "$tmp/std"
ln -s /proc/self/fd/1 "$tmp/std/stdout"
stdout_names=(- /dev/fd/1 "$tmp/std/stdout")
$is_root || [ -w /dev ] || stdout_names+=(/dev/stdout)
for name in "${stdout_names[@]}"; do
  why=()
  folder_state "$tmp/std" >"$tmp/std.before"
  "$RAPAT" --db "$db" export ics -o "$name" </dev/null >"$tmp/std.out" 2>"$tmp/err" \
    || why+=("export -o $name failed: $(peek "$tmp/err")")
  same "$tmp/std.out"
  "$RAPAT" --db "$db" export ics -o "$name" </dev/null 2>"$tmp/err" | cat >"$tmp/std.pipe" \
    || why+=("export -o $name | cat failed: $(peek "$tmp/err")")
  same "$tmp/std.pipe"
  printf 'kept\n' >"$tmp/std.app"
  "$RAPAT" --db "$db" export ics -o "$name" </dev/null >>"$tmp/std.app" 2>"$tmp/err"
  [ "$(head -n 1 "$tmp/std.app")" = kept ] || why+=("appending stdout lost what was there")
  [ "$(stat -c %s "$tmp/std.app")" -eq $(( $(stat -c %s "$tmp/expected.ics") + 5 )) ] \
    || why+=("appending stdout: $(stat -c %s "$tmp/std.app") bytes")
  folder_state "$tmp/std" | cmp -s - "$tmp/std.before" \
    || why+=("the folder changed: $(folder_state "$tmp/std" | tr '\n' '|')")
  [ -L "$tmp/std/stdout" ] || why+=("std/stdout is no longer a link")
  verdict "-o $name: stdout (a file, a pipe, appended) gets the export, nothing is created"
done
$is_root && skip "-o /dev/stdout itself: not as root (covered through a link to /proc/self/fd/1)"

# ---------------------------------------------------------------------------
echo "# Signals during a long export"

if [ ! -x "$GEN" ]; then
  skip "signals: no bench/rapat-gen at '$GEN'"
else
  big="$tmp/big.db"
  "$GEN" --meetings 3000 --db "$big" >/dev/null 2>&1 || { echo "output.sh: rapat-gen failed" >&2; exit 1; }
  "$RAPAT" --db "$big" export ics >"$tmp/big.ics" </dev/null || exit 1
  # A background job of a script ignores SIGINT; env gives it back the
  # default action, as a command typed at a terminal has.
  env_default=(env)
  env --default-signal=INT true 2>/dev/null && env_default=(env --default-signal=INT)
  for mode in unnamed named; do
    sigs="TERM INT HUP KILL"
    envs=()
    if [ "$mode" = named ]; then
      sigs="TERM INT HUP"   # a named file cannot outlive SIGKILL's surprise
      envs=(RAPAT_TEST_NO_TMPFILE=1)
    fi
    for sig in $sigs; do
      why=()
      d="$tmp/sig-$mode-$sig"
      mkdir "$d"
      printf 'Kalender lama\n' >"$d/rapat.ics"
      kills=0 old=0 new=0
      for delay in 0.02 0.05 0.1 0.2 0.3 0.4 0.5 0.7; do
        "${env_default[@]}" "${envs[@]}" "$RAPAT" --db "$big" export ics -o "$d/rapat.ics" \
          </dev/null >/dev/null 2>"$tmp/err" &
        pid=$!
        sleep "$delay"
        kill -s "$sig" "$pid" 2>/dev/null && kills=$((kills + 1))
        wait "$pid" 2>/dev/null
        if [ "$(folder_state "$d" | wc -l)" -ne 1 ]; then
          why+=("after SIG$sig at ${delay}s the folder holds: $(folder_state "$d" | tr '\n' '|')")
          find "$d" -mindepth 1 -name '.*' -delete
        fi
        if [ "$(cat "$d/rapat.ics" 2>/dev/null)" = "Kalender lama" ]; then
          old=$((old + 1))
        elif cmp -s "$d/rapat.ics" "$tmp/big.ics"; then
          new=$((new + 1))
          printf 'Kalender lama\n' >"$d/rapat.ics"
        else
          why+=("after SIG$sig at ${delay}s rapat.ics is neither the old nor the new calendar")
          printf 'Kalender lama\n' >"$d/rapat.ics"
        fi
      done
      [ "$old" -gt 0 ] || why+=("no SIG$sig landed before the export was done (try a slower machine?)")
      verdict "SIG$sig during a 3000-meeting export ($mode temp file): $old of 8 left the old calendar, $new the new one, nothing else in the folder"
    done
  done
fi

echo "# $n_pass passed, $n_fail failed, $n_skip skipped"
[ "$n_fail" -eq 0 ]
