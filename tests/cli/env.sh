#!/bin/bash
# rapat CLI tests: the environment's zone (TZ, /etc/localtime) and the
# database's own ('rapat config set tz').
#
# A command without --tz reads times in the database's zone ('config tz'),
# else in TZ or the system's zone when that can be known; when it cannot
# (TZ garbage, empty, a file outside the tz database), the command is
# refused with one line that says to give --tz or set the database's zone,
# exit 1 and the database unchanged; never UTC by default.  POSIX TZ
# strings are zones: TZ=WIB-7 is +07:00.
#
# Environment (set by 'make check'): RAPAT, SQLITE3.
# Prints one line per check; exit 0 if all passed, 1 if not.

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
db="$tmp/rapat.db"

# run TZVALUE ARGS...: rapat with TZ set to TZVALUE ("-" leaves TZ unset),
# stdout in $tmp/out, stderr in $tmp/err, exit status in $rc.
run() {
  local tz=$1
  shift
  if [ "$tz" = - ]; then
    (unset TZ; "$RAPAT" --db "$db" "$@") </dev/null >"$tmp/out" 2>"$tmp/err"
  else
    TZ=$tz "$RAPAT" --db "$db" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  fi
  rc=$?
}

# The database's contents, for "unchanged" checks.
dump() {
  "$SQLITE3" "$db" .dump 2>&1
}

sql() {
  "$SQLITE3" "$db" "$1" 2>&1
}

# refused DESCRIPTION NEEDLE [STATUS]: the last run failed with exit STATUS
# (default 1), one line on stderr in the rapat form containing NEEDLE,
# nothing on stdout, no GLib message, and the database as it was in
# $tmp/before.
refused() {
  local why=() want=${3:-1}
  [ "$rc" -eq "$want" ] || why+=("exit $rc, expected $want")
  [ -s "$tmp/out" ] && why+=("stdout: $(head -c 200 "$tmp/out")")
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || why+=("stderr has $(wc -l <"$tmp/err") lines:" "$(head -n 5 "$tmp/err")")
  grep -q '^rapat: error: ' "$tmp/err" || why+=("stderr is not 'rapat: error: ...': $(head -n 2 "$tmp/err")")
  grep -q -F -e "$2" "$tmp/err" || why+=("stderr does not say '$2': $(head -n 2 "$tmp/err")")
  grep -q -e CRITICAL -e WARNING "$tmp/err" && why+=("GLib spoke: $(head -n 2 "$tmp/err")")
  [ "$(dump)" = "$(cat "$tmp/before")" ] || why+=("the database changed")
  if [ ${#why[@]} -eq 0 ]; then
    pass "$1"
  else
    fail "$1" "${why[@]}"
  fi
}

# stored DESCRIPTION TZID START_UTC: the last run printed a meeting id
# whose zone and start are these.
stored() {
  local id got
  id=$(cat "$tmp/out")
  got=$(sql "SELECT tzid || ' ' || start_utc FROM meeting WHERE id = '$id';")
  if [ "$rc" -eq 0 ] && [ "$got" = "$2 $3" ] && [ ! -s "$tmp/err" ]; then
    pass "$1"
  else
    fail "$1" "exit $rc, stored '$got', expected '$2 $3'" "$(head -n 3 "$tmp/err")"
  fi
}

# ok DESCRIPTION: the last run exited 0 without a word on stderr.
ok() {
  if [ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]; then
    pass "$1"
  else
    fail "$1" "exit $rc" "$(head -n 3 "$tmp/err")"
  fi
}

add=(meeting add "Rapat koordinasi" --start "2025-09-02 09:00" --duration 2h)
# 2025-09-02 09:00 in WIT (+09), in WIB (+07) and in CEST (+02).
WIT_UTC=1756771200
WIB_UTC=1756778400
CEST_UTC=1756796400

run UTC init
ok "init"

# ---------------------------------------------------------------------------
echo "# A zone that cannot be known refuses commands that need one"

bad_tz=(garbage "" ":" "../../etc/passwd" "/etc/passwd" "/usr/share/zoneinfo/../../../etc/passwd"
        "Asia/Atlantis" "WIB" "CET-1CEST" "WIB-7:00:30")
dump >"$tmp/before"
for v in "${bad_tz[@]}"; do
  run "$v" "${add[@]}"
  refused "TZ='$v': meeting add without --tz is refused" "config set tz"
done
for v in garbage "" "../../etc/passwd"; do
  run "$v" meeting list --from 2025-09-01 --to 2025-09-30
  refused "TZ='$v': meeting list --from/--to is refused" "--tz"
  run "$v" action list --overdue
  refused "TZ='$v': action list --overdue (today) is refused" "--tz"
  run "$v" schedule find-slot --with nobody --duration 1h --between 2025-09-01 --between 2025-09-05
  refused "TZ='$v': schedule find-slot is refused" "--tz"
  run "$v" export ics --from 2025-09-01 --to 2025-09-30
  refused "TZ='$v': export ics --from/--to is refused" "--tz"
  run "$v" report attendance --from 2025-09-01 --to 2025-09-30
  refused "TZ='$v': report attendance --from/--to is refused" "--tz"
done

# --tz needs nothing from the environment.
for v in garbage "" "../../etc/passwd"; do
  run "$v" "${add[@]}" --tz Asia/Jayapura
  stored "TZ='$v': meeting add --tz Asia/Jayapura works" Asia/Jayapura "$WIT_UTC"
  run "$v" meeting list --from 2025-09-02 --to 2025-09-02 --tz Asia/Jayapura
  if [ "$rc" -eq 0 ] && grep -q 'Rapat koordinasi' "$tmp/out" && [ ! -s "$tmp/err" ]; then
    pass "TZ='$v': meeting list --from/--to --tz works"
  else
    fail "TZ='$v': meeting list --from/--to --tz works" "exit $rc" "$(head -n 3 "$tmp/err")"
  fi
done
# What needs no zone works whatever TZ says.
run garbage meeting list
ok "TZ=garbage: meeting list without a range works"
run garbage meeting show 1
ok "TZ=garbage: meeting show works"
run garbage export ics
ok "TZ=garbage: export ics of everything works"

# ---------------------------------------------------------------------------
echo "# POSIX TZ strings are zones"

run WIB-7 "${add[@]}"
stored "TZ=WIB-7: stored as +07:00, 09:00 is 02:00 UTC" +07:00 "$WIB_UTC"
run '<+07>-7' "${add[@]}"
stored "TZ='<+07>-7': stored as +07:00" +07:00 "$WIB_UTC"
run ':WIB-7' "${add[@]}"
stored "TZ=':WIB-7': stored as +07:00" +07:00 "$WIB_UTC"
run 'CET-1CEST,M3.5.0,M10.5.0/3' "${add[@]}"
stored "TZ='CET-1CEST,M3.5.0,M10.5.0/3': stored as written, 09:00 CEST" \
  'CET-1CEST,M3.5.0,M10.5.0/3' "$CEST_UTC"
id=$(cat "$tmp/out")
run garbage meeting show "$id"
if [ "$rc" -eq 0 ] && grep -q '09:00.*CEST' "$tmp/out"; then
  pass "a meeting in a POSIX zone with rules shows in it (CEST)"
else
  fail "a meeting in a POSIX zone with rules shows in it (CEST)" "exit $rc" "$(head -n 5 "$tmp/out" "$tmp/err")"
fi
run UTC export ics --meeting "$id"
if [ "$rc" -eq 0 ] && grep -q "^DTSTART.*20250902T0[79]0000" "$tmp/out"; then
  pass "a meeting in a POSIX zone with rules exports at its instant"
else
  fail "a meeting in a POSIX zone with rules exports at its instant" "exit $rc" \
    "$(grep DTSTART "$tmp/out")" "$(head -n 3 "$tmp/err")"
fi
run /usr/share/zoneinfo/Asia/Jakarta "${add[@]}"
stored "TZ=/usr/share/zoneinfo/Asia/Jakarta: stored as Asia/Jakarta" Asia/Jakarta "$WIB_UTC"
run :Asia/Jayapura "${add[@]}"
stored "TZ=:Asia/Jayapura: stored as Asia/Jayapura" Asia/Jayapura "$WIT_UTC"
run UTC "${add[@]}"
stored "TZ=UTC: stored as UTC" UTC 1756803600

# ---------------------------------------------------------------------------
echo "# The database's zone: rapat config"

run UTC config list
if [ "$rc" -eq 0 ] && grep -q 'No settings' "$tmp/out"; then
  pass "config list: no settings at first"
else
  fail "config list: no settings at first" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
fi
run UTC config get tz
dump >"$tmp/before"
refused "config get tz: not set yet" "key 'tz': not set"

dump >"$tmp/before"
for v in Mars/Olympus "" ../../etc/passwd /etc/passwd "Asia/Jayapura " garbage WIB CET-1CEST "+9"; do
  run UTC config set tz "$v"
  # No zone at all is a usage error (exit 2); an empty one breaks a rule.
  refused "config set tz '$v' is refused" "'" "$([ -n "$v" ] && echo 2 || echo 1)"
done
run UTC config set organisation-name x
refused "config set of an unknown key is refused" "key 'organisation-name': unknown" 2
run UTC config get nosuch
refused "config get of an unknown key is refused" "key 'nosuch': unknown" 2
run UTC config unset nosuch
refused "config unset of an unknown key is refused" "key 'nosuch': unknown" 2
run UTC config set tz
if [ "$rc" -eq 2 ] && [ "$(dump)" = "$(cat "$tmp/before")" ]; then
  pass "config set without a value is a usage error"
else
  fail "config set without a value is a usage error" "exit $rc"
fi

run garbage config set tz Asia/Jayapura
ok "config set tz Asia/Jayapura (with TZ=garbage)"
run UTC config get tz
if [ "$rc" -eq 0 ] && [ "$(cat "$tmp/out")" = Asia/Jayapura ]; then
  pass "config get tz prints Asia/Jayapura"
else
  fail "config get tz prints Asia/Jayapura" "exit $rc, printed '$(cat "$tmp/out")'"
fi
run UTC config list
if [ "$rc" -eq 0 ] && grep -q '^tz  *Asia/Jayapura$' "$tmp/out"; then
  pass "config list shows tz"
else
  fail "config list shows tz" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
fi
run UTC config list --json
if [ "$rc" -eq 0 ] && tr -d ' \n' <"$tmp/out" \
   | grep -q -F '[{"key":"tz","value":"Asia/Jayapura","updated_at":"2025-09-02T00:00:00Z"}]'; then
  pass "config list --json"
else
  fail "config list --json" "exit $rc" "$(cat "$tmp/out" "$tmp/err")"
fi

for v in garbage "" "../../etc/passwd" WIB-7 Asia/Jakarta -; do
  run "$v" "${add[@]}"
  stored "TZ='$v' with config tz: meeting add stores Asia/Jayapura" Asia/Jayapura "$WIT_UTC"
done
run garbage "${add[@]}" --tz Asia/Makassar
stored "--tz wins over config tz" Asia/Makassar 1756774800
run garbage meeting list --from 2025-09-02 --to 2025-09-02
if [ "$rc" -eq 0 ] && grep -q 'Rapat koordinasi' "$tmp/out" && [ ! -s "$tmp/err" ]; then
  pass "TZ=garbage with config tz: meeting list --from/--to works"
else
  fail "TZ=garbage with config tz: meeting list --from/--to works" "exit $rc" "$(head -n 3 "$tmp/err")"
fi
run garbage action list --overdue
ok "TZ=garbage with config tz: action list --overdue works"

run UTC config set tz +09:00
run UTC config get tz
if [ "$(cat "$tmp/out")" = +09:00 ]; then
  pass "config set tz +09:00 replaces the value"
else
  fail "config set tz +09:00 replaces the value" "printed '$(cat "$tmp/out")'"
fi
run UTC config set tz WIT-9
run UTC config get tz
if [ "$(cat "$tmp/out")" = +09:00 ]; then
  pass "config set tz WIT-9 stores +09:00"
else
  fail "config set tz WIT-9 stores +09:00" "printed '$(cat "$tmp/out")'"
fi

run UTC config unset tz
ok "config unset tz"
run UTC config unset tz
ok "config unset tz again does nothing"
dump >"$tmp/before"
run garbage "${add[@]}"
refused "after config unset, TZ=garbage refuses meeting add again" "config set tz"

integrity=$(sql "PRAGMA integrity_check;")
if [ "$integrity" = ok ]; then
  pass "PRAGMA integrity_check ok"
else
  fail "PRAGMA integrity_check ok" "$integrity"
fi

echo "# $n checks: $n_pass passed, $n_fail failed"
[ "$n_fail" -eq 0 ]
