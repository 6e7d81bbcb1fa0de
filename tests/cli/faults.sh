#!/bin/bash
# rapat CLI tests: resource faults fail cleanly and change nothing.
#
# Each fault must give exactly one line on stderr starting with
# "rapat: error: ", exit status 1, and leave the database unchanged (its
# bytes, or its 'sqlite3 .dump' where SQLite may legitimately touch the
# journal files) and still readable afterwards:
#   - a database in a folder that does not exist;
#   - a read-only folder, a read-only file, both (as root, rapat runs as
#     'nobody' through setpriv or runuser, since root ignores file modes);
#   - a full disk, through 'ulimit -f' with SIGXFSZ ignored (so that writes
#     fail with EFBIG): 'init' of a new database, 'demo' on an empty one,
#     and 'meeting add' with a 9000-character description repeated until
#     the file cannot grow;
#   - 'export ics -o FILE' and 'report attendance -o FILE' that cannot be
#     written (file-size limit, folder that does not exist): no partial or
#     temporary file is left, an existing FILE keeps its content.
# Then the modes of a database created through the default path
# ($XDG_DATA_HOME/rapat/rapat.db): folder 700, file 600; and libical
# missing (hidden in a private mount namespace, as root): the commands
# that need it fail with one line, the others work.
#
# Environment (set by 'make check'): RAPAT, SQLITE3.
# Prints one line per case and a summary; exit 0 if all passed, 1 if not.

set -u
. "$(dirname "$0")/lib.sh"

cli_setup

n_faults=0

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

# Runs rapat on database $1; aborts the script if it fails (setup).
setup() {
  local db=$1
  shift
  if ! "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/setup.out" 2>"$tmp/setup.err"; then
    echo "faults.sh: setup command failed: rapat --db $db $*" >&2
    cat "$tmp/setup.err" >&2
    exit 1
  fi
}

# The sqlite3 shell on database $1, without the checkpoint on close, so that
# looking at a database leaves its files as rapat left them.
sq() {
  local db=$1
  shift
  "$SQLITE3" -cmd ".output /dev/null" -cmd ".dbconfig no_ckpt_on_close on" -cmd ".output" \
    "$db" "$@" 2>&1
}

# Runs ARGS with the file-size limit $1 KiB (ulimit -f), SIGXFSZ ignored:
# a write beyond the limit fails with EFBIG, like on a full disk.
limited() {
  local kib=$1
  shift
  ( trap '' XFSZ; ulimit -f "$kib" && exec "$@" )
}

# Checks the outcome of a faulty command, from its exit status $1 and the
# files $tmp/out and $tmp/err: status 1, one line on stderr starting with
# "rapat: error: ".  $2 = "quiet" to also want an empty stdout.  Appends the
# problems to the array 'why'.
check_error() {
  local rc=$1 quiet=${2:-} lines
  n_faults=$((n_faults + 1))
  [ "$rc" -eq 1 ] || why+=("exit status $rc, expected 1")
  lines=$(wc -l <"$tmp/err")
  if [ "$lines" -ne 1 ] || [ -n "$(tail -c 1 "$tmp/err")" ]; then
    why+=("stderr is not exactly one line ($lines newlines): $(peek "$tmp/err")")
  fi
  [ "$(head -c 14 "$tmp/err")" = "rapat: error: " ] \
    || why+=("stderr does not start with 'rapat: error: ': $(peek "$tmp/err")")
  if [ "$quiet" = quiet ] && [ -s "$tmp/out" ]; then
    why+=("stdout is not empty: $(peek "$tmp/out")")
  fi
}

# Checks that database $1 passes 'PRAGMA integrity_check' and that
# 'rapat meeting list' reads it (as the current user).
check_readable() {
  local db=$1 integrity
  integrity=$(sq "$db" "PRAGMA integrity_check;")
  [ "$integrity" = ok ] || why+=("integrity_check: $integrity")
  "$RAPAT" --db "$db" meeting list </dev/null >"$tmp/list.out" 2>"$tmp/list.err" \
    || why+=("'rapat meeting list' afterwards failed: $(peek "$tmp/list.err")")
}

# The names and sizes of the files in folder $1.
folder_state() {
  (cd "$1" && find . -mindepth 1 -printf '%p %s %m\n' | sort)
}

# The base database: the sample Rakernis.
base="$tmp/base.db"
setup "$base" demo
base_meetings=$(sq "$base" "SELECT count(*) FROM meeting;")

# ---------------------------------------------------------------------------
echo "# A database in a folder that does not exist"

for args in "meeting list" "person add Budi" "init"; do
  why=()
  # shellcheck disable=SC2086
  "$RAPAT" --db "$tmp/nonexistent/x.db" $args </dev/null >"$tmp/out" 2>"$tmp/err"
  check_error $? quiet
  grep -q -F "$tmp/nonexistent/x.db" "$tmp/err" || why+=("the message does not name the file: $(peek "$tmp/err")")
  [ -e "$tmp/nonexistent" ] && why+=("$tmp/nonexistent was created")
  verdict "--db in a missing folder: 'rapat $args' fails, creates nothing"
done

# The default path when $XDG_DATA_HOME is a file: the rapat folder cannot
# be made.
printf 'not a folder\n' >"$tmp/xdg-file"
why=()
XDG_DATA_HOME="$tmp/xdg-file" "$RAPAT" person add Budi </dev/null >"$tmp/out" 2>"$tmp/err"
check_error $? quiet
[ "$(cat "$tmp/xdg-file")" = "not a folder" ] || why+=("$tmp/xdg-file changed")
verdict "default path under an XDG_DATA_HOME that is a file: fails, changes nothing"

# ---------------------------------------------------------------------------
echo "# Read-only folder, read-only file"

# Root ignores file modes: run rapat as 'nobody'.
as_user=()
ro_user=$(id -un)
if [ "$(id -u)" -ne 0 ]; then
  as_user=()
elif ! id nobody >/dev/null 2>&1; then
  as_user=(none "there is no user 'nobody'")
elif command -v setpriv >/dev/null 2>&1; then
  as_user=(setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups)
  ro_user=nobody
elif command -v runuser >/dev/null 2>&1; then
  as_user=(runuser -u nobody --)
  ro_user=nobody
else
  as_user=(none "running as root, and neither setpriv nor runuser is installed")
fi

# ro_case LABEL DIR: DIR/rapat.db has been set up read-only for $ro_user;
# writes must fail, the file and folder stay as they are, and the database
# stays readable.
ro_case() {
  local label=$1 dir=$2 args rc
  folder_state "$dir" >"$tmp/ro.before"
  for args in "person add Budi" "attendee mark 1 Ricky absent" "meeting cancel 1"; do
    why=()
    # shellcheck disable=SC2086
    "${as_user[@]}" "$RAPAT" --db "$dir/rapat.db" $args </dev/null >"$tmp/out" 2>"$tmp/err"
    rc=$?
    check_error "$rc" quiet
    cmp -s "$base" "$dir/rapat.db" || why+=("the database file changed")
    verdict "$label: 'rapat $args' as $ro_user fails, the database file is byte-identical"
  done
  why=()
  folder_state "$dir" >"$tmp/ro.after"
  if [ "$label" != "read-only file" ]; then
    cmp -s "$tmp/ro.before" "$tmp/ro.after" \
      || why+=("the folder changed: $(diff "$tmp/ro.before" "$tmp/ro.after" | tr '\n' '|')")
  fi
  # Readable by its owner (root, or a user who made it writable again).
  cp -p "$dir/rapat.db" "$tmp/ro-copy.db"
  check_readable "$tmp/ro-copy.db"
  [ "$(sq "$tmp/ro-copy.db" "SELECT count(*) FROM meeting WHERE status <> 'cancelled';")" = "$base_meetings" ] \
    || why+=("a meeting was cancelled")
  verdict "$label: the database is intact and readable afterwards"
  rm -f "$tmp/ro-copy.db"*
}

if [ "${as_user[0]:-}" = none ]; then
  skip "read-only folder and file: ${as_user[1]}"
else
  if [ "$ro_user" = nobody ]; then
    chmod 711 "$tmp"
  fi
  mkdir "$tmp/ro-folder" "$tmp/ro-file" "$tmp/ro-both"
  # A writable file in a folder where it cannot create its journal files.
  cp "$base" "$tmp/ro-folder/rapat.db"
  # A read-only file in a folder it may write.
  cp "$base" "$tmp/ro-file/rapat.db"
  chmod 444 "$tmp/ro-file/rapat.db"
  # Both.
  cp "$base" "$tmp/ro-both/rapat.db"
  chmod 444 "$tmp/ro-both/rapat.db"
  if [ "$ro_user" = nobody ]; then
    chown nobody "$tmp/ro-folder/rapat.db" "$tmp/ro-file"
    chmod 600 "$tmp/ro-folder/rapat.db"
    chmod 755 "$tmp/ro-folder" "$tmp/ro-both"
    chmod 700 "$tmp/ro-file"
  else
    chmod 555 "$tmp/ro-folder" "$tmp/ro-both"
  fi
  ro_case "read-only folder" "$tmp/ro-folder"
  ro_case "read-only file" "$tmp/ro-file"
  ro_case "read-only file in a read-only folder" "$tmp/ro-both"

  # A read-only file can still be read by its user (the folder is
  # writable, so SQLite can make its shared-memory index).
  why=()
  "${as_user[@]}" "$RAPAT" --db "$tmp/ro-file/rapat.db" meeting list </dev/null >"$tmp/out" 2>"$tmp/err" \
    || why+=("'rapat meeting list' as $ro_user failed: $(peek "$tmp/err")")
  grep -q "Rapat Kerja Teknis" "$tmp/out" || why+=("the meeting is not listed: $(peek "$tmp/out")")
  verdict "read-only file: 'rapat meeting list' as $ro_user reads it"
  # In a read-only folder a WAL database cannot be read at all (SQLite
  # needs its -shm file); say what happens, without judging.
  for dir in ro-folder ro-both; do
    if "${as_user[@]}" "$RAPAT" --db "$tmp/$dir/rapat.db" meeting list </dev/null >"$tmp/out" 2>"$tmp/err"; then
      echo "# note: $dir: 'rapat meeting list' as $ro_user works"
    else
      echo "# note: $dir: 'rapat meeting list' as $ro_user fails: $(peek "$tmp/err")"
    fi
  done
  chmod 755 "$tmp/ro-folder" "$tmp/ro-both"
  chmod 700 "$tmp"
fi

# ---------------------------------------------------------------------------
echo "# A full disk (ulimit -f, SIGXFSZ ignored)"

# The limit: room for SQLite's 32 KiB shared-memory index, not for much
# more.  The databases here are 176 KiB, so a checkpoint into them fails
# too, and the write-ahead log cannot grow past the limit.
LIMIT=64

# 'init' of a new database cannot write its schema.
why=()
limited "$LIMIT" "$RAPAT" --db "$tmp/full-new.db" init </dev/null >"$tmp/out" 2>"$tmp/err"
check_error $? quiet
for f in "$tmp/full-new.db" "$tmp/full-new.db-wal" "$tmp/full-new.db-shm"; do
  [ -e "$f" ] && why+=("$(basename "$f") was left behind ($(stat -c %s "$f") bytes)")
done
verdict "full disk: 'rapat init' of a new database fails and leaves no file"

# 'demo' on an empty migrated database.
setup "$tmp/full-demo.db" init
sq "$tmp/full-demo.db" .dump >"$tmp/before.sql"
why=()
limited "$LIMIT" "$RAPAT" --db "$tmp/full-demo.db" demo </dev/null >"$tmp/out" 2>"$tmp/err"
check_error $?
sq "$tmp/full-demo.db" .dump >"$tmp/after.sql"
cmp -s "$tmp/before.sql" "$tmp/after.sql" || why+=("the database changed (its .dump differs)")
check_readable "$tmp/full-demo.db"
grep -q "No meetings" "$tmp/list.out" || why+=("'meeting list' shows meetings: $(peek "$tmp/list.out")")
verdict "full disk: 'rapat demo' fails, the database is unchanged and readable"
why=()
"$RAPAT" --db "$tmp/full-demo.db" demo </dev/null >"$tmp/out" 2>"$tmp/err" \
  || why+=("'rapat demo' failed: $(peek "$tmp/err")")
[ "$(sq "$tmp/full-demo.db" "SELECT count(*) FROM meeting;")" = "$base_meetings" ] \
  || why+=("the demo is not there")
verdict "full disk: with space again, 'rapat demo' works on that database"

# Meetings with a 9000-character description, added until the disk is full.
cp "$base" "$tmp/full-grow.db"
big=$(head -c 9000 /dev/zero | tr '\0' 'D')
added=0
failed_at=0
for ((k = 1; k <= 20; k++)); do
  sq "$tmp/full-grow.db" .dump >"$tmp/before.sql"
  limited "$LIMIT" "$RAPAT" --db "$tmp/full-grow.db" meeting add "Rapat evaluasi $k" \
    --start "2025-10-$(printf '%02d' "$k") 09:00" --duration 1h --tz Asia/Jayapura \
    --description "$big" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ "$rc" -eq 0 ]; then
    added=$((added + 1))
    continue
  fi
  failed_at=$k
  why=()
  check_error "$rc"
  sq "$tmp/full-grow.db" .dump >"$tmp/after.sql"
  cmp -s "$tmp/before.sql" "$tmp/after.sql" || why+=("the database changed (its .dump differs)")
  check_readable "$tmp/full-grow.db"
  [ "$(grep -c "Rapat evaluasi" "$tmp/list.out")" -eq "$added" ] \
    || why+=("'meeting list' does not show exactly the $added meetings added before")
  verdict "full disk: 'meeting add' number $k (after $added that fitted) fails, the database is at its earlier state and readable"
  break
done
if [ "$failed_at" -eq 0 ]; then
  fail "full disk: 'meeting add' with 9000-character descriptions reaches the limit" \
    "20 meetings were added under a $LIMIT KiB limit without an error"
fi
why=()
"$RAPAT" --db "$tmp/full-grow.db" person add "Budi Santoso" </dev/null >"$tmp/out" 2>"$tmp/err" \
  || why+=("'rapat person add' failed: $(peek "$tmp/err")")
check_readable "$tmp/full-grow.db"
[ "$(sq "$tmp/full-grow.db" "SELECT count(*) FROM meeting;")" = $((base_meetings + added)) ] \
  || why+=("expected $((base_meetings + added)) meetings")
verdict "full disk: with space again, the database takes writes and is intact"

# ---------------------------------------------------------------------------
echo "# Exports and reports that cannot be written"

# A database whose calendar and attendance report are larger than the limit.
exp="$tmp/export.db"
cp "$base" "$exp"
for ((k = 1; k <= 8; k++)); do
  setup "$exp" meeting add "Rapat koordinasi $k" --start "2025-11-$(printf '%02d' "$k") 09:00" \
    --duration 2h --tz Asia/Jayapura --description "$big"
done
for who in $(sq "$exp" "SELECT person_id FROM attendee WHERE meeting_id = 1 ORDER BY id LIMIT 10;"); do
  setup "$exp" attendee mark 1 "$who" excused --note "$big"
done
setup "$exp" export ics -o "$tmp/whole.ics"
setup "$exp" report attendance --meeting 1 --format csv -o "$tmp/whole.csv"
for f in whole.ics whole.csv; do
  if [ "$(stat -c %s "$tmp/$f")" -le $((LIMIT * 1024)) ]; then
    echo "faults.sh: setup: $f is not larger than $LIMIT KiB" >&2
    exit 1
  fi
done

mkdir "$tmp/out-dir"
printf 'Kalender lama\n' >"$tmp/out-dir/rakernis.ics"
printf 'Laporan lama\n' >"$tmp/out-dir/hadir.csv"
cp "$exp" "$tmp/export-before.db"

# out_case DESCRIPTION TARGET OLD ARGS...: "rapat ARGS -o TARGET" under the
# limit must fail; TARGET keeps its content OLD ("" = must not exist), the
# folder has no new file, the database is byte-identical.
out_case() {
  local desc=$1 target=$2 old=$3 dir
  shift 3
  dir=$(dirname "$target")
  why=()
  folder_state "$dir" >"$tmp/dir.before"
  limited "$LIMIT" "$RAPAT" --db "$exp" "$@" -o "$target" </dev/null >"$tmp/out" 2>"$tmp/err"
  check_error $? quiet
  # Naming the file is not required here; say when the message does not.
  grep -q -F "$target" "$tmp/err" || echo "# note: the message does not name the file: $(peek "$tmp/err")"
  if [ -z "$old" ]; then
    [ -e "$target" ] && why+=("$target exists ($(stat -c %s "$target") bytes)")
  else
    [ "$(cat "$target" 2>&1)" = "$old" ] || why+=("$target lost its content: $(peek "$target")")
  fi
  folder_state "$dir" >"$tmp/dir.after"
  cmp -s "$tmp/dir.before" "$tmp/dir.after" \
    || why+=("the folder changed: $(diff "$tmp/dir.before" "$tmp/dir.after" | tr '\n' '|')")
  cmp -s "$exp" "$tmp/export-before.db" || why+=("the database file changed")
  verdict "$desc"
}

out_case "export ics over the size limit: the existing calendar is intact, no temporary file" \
  "$tmp/out-dir/rakernis.ics" "Kalender lama" export ics
out_case "export ics over the size limit to a new file: no file, no temporary file" \
  "$tmp/out-dir/new.ics" "" export ics --sessions
out_case "report attendance over the size limit: the existing report is intact, no temporary file" \
  "$tmp/out-dir/hadir.csv" "Laporan lama" report attendance --meeting 1 --format csv
out_case "report attendance (html) over the size limit to a new file: no file, no temporary file" \
  "$tmp/out-dir/new.html" "" report attendance --meeting 1 --format html

# A folder that does not exist.
for args in "export ics" "report attendance --meeting 1"; do
  why=()
  # shellcheck disable=SC2086
  "$RAPAT" --db "$exp" $args -o "$tmp/no-such-folder/out.txt" </dev/null >"$tmp/out" 2>"$tmp/err"
  check_error $? quiet
  grep -q -F "$tmp/no-such-folder/out.txt" "$tmp/err" || why+=("the message does not name the file: $(peek "$tmp/err")")
  [ -e "$tmp/no-such-folder" ] && why+=("$tmp/no-such-folder was created")
  cmp -s "$exp" "$tmp/export-before.db" || why+=("the database file changed")
  verdict "'rapat $args -o' into a folder that does not exist fails, creates nothing"
done

# With room, the same export replaces the old file completely.
why=()
"$RAPAT" --db "$exp" export ics -o "$tmp/out-dir/rakernis.ics" </dev/null >"$tmp/out" 2>"$tmp/err" \
  || why+=("export failed: $(peek "$tmp/err")")
cmp -s "$tmp/whole.ics" "$tmp/out-dir/rakernis.ics" || why+=("the calendar differs from a full export")
verdict "with room again, export ics -o replaces the old calendar with the whole one"

# ---------------------------------------------------------------------------
echo "# A new database is private"

# mode_case DESCRIPTION UMASK: 'rapat init' through the default path
# ($XDG_DATA_HOME/rapat/rapat.db, RAPAT_DB unset) under UMASK.
mode_case() {
  local desc=$1 mask=$2 home dir
  home="$tmp/home-$mask"
  dir="$home/.local/share/rapat"
  why=()
  ( umask "$mask"
    HOME="$home" XDG_DATA_HOME="$home/.local/share" exec "$RAPAT" init ) </dev/null >"$tmp/out" 2>"$tmp/err" \
    || why+=("'rapat init' failed: $(peek "$tmp/err")")
  if [ -f "$dir/rapat.db" ]; then
    [ "$(stat -c %a "$dir")" = 700 ] || why+=("folder $dir has mode $(stat -c %a "$dir"), expected 700")
    [ "$(stat -c %a "$dir/rapat.db")" = 600 ] \
      || why+=("$dir/rapat.db has mode $(stat -c %a "$dir/rapat.db"), expected 600")
  else
    why+=("no database at $dir/rapat.db")
  fi
  verdict "$desc"
}
mode_case "default path, umask 022: folder 700, database 600" 022
mode_case "default path, umask 000: folder 700, database 600" 000

why=()
mkdir "$tmp/modes"
( umask 000; exec "$RAPAT" --db "$tmp/modes/a.db" init ) </dev/null >"$tmp/out" 2>"$tmp/err" \
  || why+=("'rapat --db init' failed: $(peek "$tmp/err")")
( umask 000; RAPAT_DB="$tmp/modes/b.db" exec "$RAPAT" init ) </dev/null >"$tmp/out" 2>"$tmp/err" \
  || why+=("'RAPAT_DB=... rapat init' failed: $(peek "$tmp/err")")
for f in a.db b.db; do
  [ "$(stat -c %a "$tmp/modes/$f" 2>&1)" = 600 ] \
    || why+=("$f has mode $(stat -c %a "$tmp/modes/$f" 2>&1), expected 600")
done
verdict "--db and RAPAT_DB, umask 000: the new database is 600"

# libical is opened only when a command needs it (src/ical.h).  Hidden in
# a private mount namespace (bind-mounting an empty file over it, which
# needs root and unshare), the commands that need it fail with one line and
# change nothing, and the others still work.
ical=$(ldconfig -p 2>/dev/null | sed -n 's/^[[:space:]]*libical\.so\.[0-9]* (.*) => //p' | head -1)
if [ "$(id -u)" -ne 0 ] || [ -z "$ical" ] || ! command -v unshare >/dev/null \
   || ! unshare -m true 2>/dev/null; then
  skip "libical missing: needs root, unshare and libical in ldconfig's cache"
else
  setup "$tmp/noical.db" demo
  sq "$tmp/noical.db" .dump >"$tmp/noical.before"
  : >"$tmp/empty"
  why=()
  RAPAT="$RAPAT" unshare -m sh -c 'mount --bind "$1" "$2" && exec "$RAPAT" --db "$3" export ics -o "$4"' \
    sh "$tmp/empty" "$(readlink -f "$ical")" "$tmp/noical.db" "$tmp/noical.ics" \
    </dev/null >"$tmp/out" 2>"$tmp/err"
  check_error $? quiet
  grep -q "libical" "$tmp/err" || why+=("the error does not name libical: $(peek "$tmp/err")")
  [ ! -e "$tmp/noical.ics" ] || why+=("export left $tmp/noical.ics")
  verdict "libical missing: export ics fails with one line, writes no file"

  why=()
  RAPAT="$RAPAT" unshare -m sh -c 'mount --bind "$1" "$2" && exec "$RAPAT" --db "$3" meeting add "Rapat mingguan" --start "2025-10-06 09:00" --end "2025-10-06 10:00" --tz Asia/Jayapura --repeat weekly --count 4' \
    sh "$tmp/empty" "$(readlink -f "$ical")" "$tmp/noical.db" \
    </dev/null >"$tmp/out" 2>"$tmp/err"
  check_error $? quiet
  sq "$tmp/noical.db" .dump >"$tmp/noical.after"
  cmp -s "$tmp/noical.before" "$tmp/noical.after" || why+=("the database changed")
  verdict "libical missing: a repeating meeting is refused, the database unchanged"

  why=()
  RAPAT="$RAPAT" unshare -m sh -c 'mount --bind "$1" "$2" && exec "$RAPAT" --db "$3" meeting add "Rapat sekali" --start "2025-10-06 09:00" --end "2025-10-06 10:00" --tz Asia/Jayapura && "$RAPAT" --db "$3" report attendance --by unit >/dev/null' \
    sh "$tmp/empty" "$(readlink -f "$ical")" "$tmp/noical.db" \
    </dev/null >"$tmp/out" 2>"$tmp/err" || why+=("failed without libical: $(peek "$tmp/err")")
  [ -s "$tmp/err" ] && why+=("stderr: $(peek "$tmp/err")")
  verdict "libical missing: commands that do not need it work"
fi

echo "# faults tried: $n_faults"
echo "# $n checks: $n_pass passed, $n_fail failed, $n_skip skipped"
[ "$n_fail" -eq 0 ]
