#!/bin/bash
# rapat CLI tests: the man pages (issue 21), generated from the command tables.
#   A. 'rapat __man --list' names exactly the pages Makefile.am installs
#      (doc/*.1 in the build folder, which 'make' wrote);
#   B. every command 'rapat help' lists ("rapat GROUP VERB") is in rapat(1)
#      and in its group's page, with each of its options;
#   C. groff -ww reads every page without a warning, and mandoc -Tlint
#      (when installed) finds nothing to say, not even about style;
#   D. the page on stdout is the one written into the folder, and an
#      unknown group is a usage error (exit 2).
#
# Environment (set by 'make check'): RAPAT, SRCDIR.

set -u
. "$(dirname "$0")/lib.sh"
SQLITE3=${SQLITE3-sqlite3}
cli_setup

doc=$(dirname "$RAPAT")/../doc

# render FILE: the page as plain text, no bold or underline.
render() { groff -man -Tutf8 -P-cbou "$1" 2>/dev/null; }

# A
list=$("$RAPAT" __man --list)
want=$(sed -n '/^man_pages = /,/[^\\]$/p' "$SRCDIR/Makefile.am" | tr -s ' \t\\' '\n' \
       | sed -n 's|^doc/||p' | sort)
if [ "$(printf '%s\n' "$list" | sort)" = "$want" ]; then
  pass "__man --list names the pages Makefile.am installs"
else
  fail "__man --list names the pages Makefile.am installs" \
    "$(diff <(printf '%s\n' "$list" | sort) <(printf '%s\n' "$want"))"
fi
missing=
for p in $list; do [ -s "$doc/$p" ] || missing="$missing $p"; done
if [ -z "$missing" ]; then pass "make wrote every page into doc/"
else fail "make wrote every page into doc/" "missing:$missing"; fi

# B
"$RAPAT" __man --dir "$tmp" || fail "__man --dir"
render "$tmp/rapat.1" | tr -s ' ' >"$tmp/rapat.txt"
commands=$("$RAPAT" help | sed -n 's/^  rapat \([a-z-]*\)\( [a-z][a-z-]*\)\{0,1\}\( .*\)\{0,1\}$/\1\2/p' \
           | sed 's/ *$//')
[ "$(printf '%s\n' "$commands" | wc -l)" -gt 60 ] || fail "rapat help lists the commands" "$commands"
bad=
for c in $(printf '%s\n' "$commands" | tr ' ' '+'); do
  c=${c//+/ }
  group=${c%% *}
  [ -f "$tmp/rapat-$group.1.txt" ] || render "$tmp/rapat-$group.1" | tr -s ' ' >"$tmp/rapat-$group.1.txt"
  grep -q "rapat $c\( \|$\)" "$tmp/rapat.txt" || bad="$bad
  rapat.1 lacks 'rapat $c'"
  grep -q "rapat $c\( \|$\)" "$tmp/rapat-$group.1.txt" || bad="$bad
  rapat-$group.1 lacks 'rapat $c'"
done
if [ -z "$bad" ]; then pass "every command of 'rapat help' is in rapat(1) and its group's page"
else fail "every command of 'rapat help' is in rapat(1) and its group's page" "$bad"; fi
bad=
for c in "meeting add" "report attendance" "attendee add" "export ics"; do
  group=${c%% *}
  # The options --help prints ("  --start=WHEN") against the page's.
  for o in $("$RAPAT" $c --help | sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z-]*\).*/\2/p'); do
    grep -q -- "$o" "$tmp/rapat-$group.1.txt" || bad="$bad $c:$o"
  done
done
if [ -z "$bad" ]; then pass "the options --help prints are on the pages"
else fail "the options --help prints are on the pages" "missing:$bad"; fi
for s in NAME SYNOPSIS DESCRIPTION COMMANDS "GLOBAL OPTIONS" ENVIRONMENT "EXIT STATUS" FILES EXAMPLES "SEE ALSO"; do
  grep -q "^$s" "$tmp/rapat.txt" || bad="$bad $s"
done
for v in RAPAT_DB RAPAT_LANG XDG_DATA_HOME TZ; do grep -q "^ *$v" "$tmp/rapat.txt" || bad="$bad $v"; done
if [ -z "$bad" ]; then pass "rapat(1) has its sections and the environment README names"
else fail "rapat(1) has its sections and the environment README names" "missing:$bad"; fi

# C
bad=
for p in $list; do
  w=$(groff -ww -man -Tutf8 "$tmp/$p" 2>&1 >/dev/null)
  [ -z "$w" ] || bad="$bad
$p: $w"
done
if [ -z "$bad" ]; then pass "groff -ww: no warning on any page"; else fail "groff -ww: no warning on any page" "$bad"; fi
if command -v mandoc >/dev/null; then
  bad=
  for p in $list; do
    w=$(cd "$tmp" && mandoc -Tlint -W style "$p" 2>&1 | grep -v 'referenced manual not found')
    [ -z "$w" ] || bad="$bad
$w"
  done
  if [ -z "$bad" ]; then pass "mandoc -Tlint: nothing on any page"; else fail "mandoc -Tlint: nothing on any page" "$bad"; fi
else
  skip "mandoc -Tlint (mandoc is not installed: apt-get install mandoc)"
fi
# Options are minus signs, words keep their hyphens.
if grep -q '\\fB\\-\\-start\\fR' "$tmp/rapat-meeting.1" && grep -q 'in-progress' "$tmp/rapat-action.1" \
   && ! grep -q -- ' --[a-z]' "$tmp/rapat-meeting.1"; then
  pass "options are written \\-\\-start, hyphens inside words stay"
else
  fail "options are written \\-\\-start, hyphens inside words stay"
fi

# D
if "$RAPAT" __man meeting | cmp -s - "$tmp/rapat-meeting.1" && "$RAPAT" __man | cmp -s - "$tmp/rapat.1"; then
  pass "__man GROUP prints the page __man --dir writes"
else
  fail "__man GROUP prints the page __man --dir writes"
fi
"$RAPAT" __man nosuchgroup >/dev/null 2>"$tmp/err"; rc=$?
if [ "$rc" = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ]; then pass "__man of an unknown group: exit 2, one line"
else fail "__man of an unknown group: exit 2, one line" "rc=$rc" "$(cat "$tmp/err")"; fi

printf '%d passed, %d failed, %d skipped\n' "$n_pass" "$n_fail" "$n_skip"
[ "$n_fail" = 0 ]
