#!/bin/bash
# rapat CLI tests: the man pages (issue 21), generated from the command tables.
#   A. 'rapat __man --list' names exactly the pages Makefile.am installs
#      (doc/*.1 in the build folder, which 'make' wrote);
#   B. every command 'rapat help' lists ("rapat GROUP VERB") is in rapat(1)
#      and in its group's page, with each of its options;
#   C. groff -ww reads every page without a warning, and mandoc -Tlint
#      (when installed) finds nothing to say, not even about style;
#   D. the page on stdout is the one written into the folder, and an
#      unknown group is a usage error (exit 2);
#   E. the Indonesian pages ('__man --lang id', doc/id/ of the build, from
#      po/id.po compiled here): the same list (Makefile.am's man_id_pages),
#      each read by groff -ww and mandoc -Tlint without a word, every
#      command and its options on them, Indonesian headings and no English
#      fixed text; RAPAT_LANG=id chooses them too, --lang en does not, and
#      without the catalog __man --lang id refuses to write English pages.
#
# Environment (set by 'make check'): RAPAT, SRCDIR.

set -u
. "$(dirname "$0")/lib.sh"
SQLITE3=${SQLITE3-sqlite3}
cli_setup

doc=$(dirname "$RAPAT")/../doc

# render FILE: the page as plain text, no bold or underline.
render() { groff -man -Tutf8 -P-cbou "$1" 2>/dev/null; }

# same_pages DESCRIPTION VARIABLE FOLDER: passes when Makefile.am's list
# VARIABLE names, in FOLDER, the pages '__man --list' gives.
same_pages() {
  local want
  want=$(sed -n "/^$2 = /,/[^\\\\]\$/p" "$SRCDIR/Makefile.am" | tr -s ' \t\\' '\n' \
         | sed -n "s|^$3||p" | sort)
  if [ "$(printf '%s\n' "$list" | sort)" = "$want" ]; then
    pass "$1"
  else
    fail "$1" "$(diff <(printf '%s\n' "$list" | sort) <(printf '%s\n' "$want"))"
  fi
}

# A
list=$("$RAPAT" __man --list)
same_pages "__man --list names the pages Makefile.am installs" man_pages doc/
missing=
for p in $list; do [ -s "$doc/$p" ] || missing="$missing $p"; done
if [ -z "$missing" ]; then pass "make wrote every page into doc/"
else fail "make wrote every page into doc/" "missing:$missing"; fi
same_pages "Makefile.am's man_id_pages are the same pages, in doc/id/" man_id_pages doc/id/
missing=
for p in $list; do grep -q '^\.SH NAMA$' "$doc/id/$p" 2>/dev/null || missing="$missing $p"; done
if [ -z "$missing" ]; then pass "make wrote every Indonesian page into doc/id/"
else fail "make wrote every Indonesian page into doc/id/" "missing or not Indonesian:$missing"; fi

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

# E
if ! command -v msgfmt >/dev/null; then
  echo "man.sh: msgfmt is needed (apt-get install gettext)" >&2
  exit 1
fi
mkdir -p "$tmp/locale/id/LC_MESSAGES" "$tmp/id"
msgfmt -o "$tmp/locale/id/LC_MESSAGES/rapat.mo" "$SRCDIR/po/id.po" || fail "po/id.po compiles"
if RAPAT_LOCALEDIR="$tmp/locale" "$RAPAT" __man --lang id --dir "$tmp/id" 2>"$tmp/err"; then
  pass "__man --lang id --dir writes the Indonesian pages"
else
  fail "__man --lang id --dir writes the Indonesian pages" "$(cat "$tmp/err")"
fi
if [ "$(cd "$tmp/id" && ls | sort)" = "$(printf '%s\n' "$list" | sort)" ]; then
  pass "the Indonesian pages are the English list"
else
  fail "the Indonesian pages are the English list" "$(cd "$tmp/id" && ls)"
fi
bad=
for p in $list; do
  w=$(groff -ww -man -Tutf8 "$tmp/id/$p" 2>&1 >/dev/null)
  [ -z "$w" ] || bad="$bad
$p: $w"
done
if [ -z "$bad" ]; then pass "groff -ww: no warning on any Indonesian page"
else fail "groff -ww: no warning on any Indonesian page" "$bad"; fi
if command -v mandoc >/dev/null; then
  bad=
  for p in $list; do
    w=$(cd "$tmp/id" && mandoc -Tlint -W style "$p" 2>&1 | grep -v 'referenced manual not found')
    [ -z "$w" ] || bad="$bad
$w"
  done
  if [ -z "$bad" ]; then pass "mandoc -Tlint: nothing on any Indonesian page"
  else fail "mandoc -Tlint: nothing on any Indonesian page" "$bad"; fi
else
  skip "mandoc -Tlint on the Indonesian pages (mandoc is not installed)"
fi
render "$tmp/id/rapat.1" | tr -s ' ' >"$tmp/id-rapat.txt"
bad=
for c in $(printf '%s\n' "$commands" | tr ' ' '+'); do
  c=${c//+/ }
  group=${c%% *}
  [ -f "$tmp/id-rapat-$group.txt" ] || render "$tmp/id/rapat-$group.1" | tr -s ' ' >"$tmp/id-rapat-$group.txt"
  grep -q "rapat $c\( \|$\)" "$tmp/id-rapat.txt" || bad="$bad
  rapat.1 (id) lacks 'rapat $c'"
  grep -q "rapat $c\( \|$\)" "$tmp/id-rapat-$group.txt" || bad="$bad
  rapat-$group.1 (id) lacks 'rapat $c'"
done
for c in "meeting add" "report attendance" "attendee add" "export ics"; do
  group=${c%% *}
  for o in $("$RAPAT" $c --help | sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z-]*\).*/\2/p'); do
    grep -q -- "$o" "$tmp/id-rapat-$group.txt" || bad="$bad $c:$o"
  done
done
if [ -z "$bad" ]; then pass "every command of 'rapat help' and its options are on the Indonesian pages"
else fail "every command of 'rapat help' and its options are on the Indonesian pages" "$bad"; fi
bad=
for s in NAMA RINGKASAN DESKRIPSI PERINTAH "OPSI UMUM" LINGKUNGAN "STATUS KELUAR" BERKAS CONTOH "LIHAT JUGA"; do
  grep -q "^$s\$" "$tmp/id-rapat.txt" || bad="$bad rapat.1:'$s'"
done
for s in NAMA RINGKASAN DESKRIPSI PERINTAH OPSI "LIHAT JUGA"; do
  grep -q "^$s\$" "$tmp/id-rapat-meeting.txt" || bad="$bad rapat-meeting.1:'$s'"
done
# A command without verbs shows its own options under OPSI PERINTAH.
grep -l '^\.SH "\{0,1\}COMMAND OPTIONS' "$tmp"/rapat-*.1 >/dev/null \
  && { grep -q '^\.SH OPSI PERINTAH$' "$tmp"/id/rapat-*.1 || bad="$bad OPSI PERINTAH"; }
grep -q '^\.TH RAPAT 1 [0-9-]* "rapat [^"]*" "Perintah Pengguna"$' "$tmp/id/rapat.1" || bad="$bad .TH"
if [ -z "$bad" ]; then pass "the Indonesian pages' headings are Indonesian (NAMA ... LIHAT JUGA, Perintah Pengguna)"
else fail "the Indonesian pages' headings are Indonesian" "missing:$bad"; fi
# Each fixed English text of src/cmd-man.c, as the English pages have it.
bad=
for t in NAME SYNOPSIS DESCRIPTION COMMANDS "GLOBAL OPTIONS" OPTIONS "COMMAND OPTIONS" ENVIRONMENT \
         "EXIT STATUS" FILES EXAMPLES "SEE ALSO"; do
  grep -q "^\.SH \"\{0,1\}$t\"\{0,1\}$" "$tmp"/id/*.1 && bad="$bad
  heading '$t'"
done
for t in "User Commands" "Every command takes" "Before the group" "The verb may be shortened" \
         "Options:" "(see" "The command succeeded" "It failed" "A usage error" "The database when" \
         "national holidays" "loads a whole sample" "is a command-line manager" "A command is a GROUP" \
         "lists every command" "a command-line manager" "The database file when" "and RAPAT_DB, the database is" \
         "The language of the output" "Without RAPAT_LANG" "Where to find" "The zone of commands" \
         "The tz database" "The width tables" "The editor of" "When set, the current time" \
         "Another path for the module"; do
  grep -qF -- "$t" "$tmp"/rapat.1 "$tmp"/rapat-meeting.1 || bad="$bad
  '$t' is not on the English pages (the list is out of date)"
  f=$(cd "$tmp/id" && grep -lF -- "$t" *.1) && bad="$bad
  '$t' in $(echo $f)"
done
if [ -z "$bad" ]; then pass "no fixed English text is left on the Indonesian pages"
else fail "no fixed English text is left on the Indonesian pages" "$bad"; fi
if grep -q '^\.nh$' "$tmp/id/rapat.1" && ! grep -q '^\.nh$' "$tmp/rapat.1"; then
  pass "the Indonesian pages are not hyphenated (groff's patterns are English)"
else
  fail "the Indonesian pages are not hyphenated (groff's patterns are English)"
fi
if RAPAT_LOCALEDIR="$tmp/locale" RAPAT_LANG=id "$RAPAT" __man meeting | cmp -s - "$tmp/id/rapat-meeting.1" \
   && RAPAT_LOCALEDIR="$tmp/locale" RAPAT_LANG=id "$RAPAT" __man --lang en meeting | cmp -s - "$tmp/rapat-meeting.1" \
   && RAPAT_LOCALEDIR="$tmp/locale" LANG=id_ID.UTF-8 LC_ALL= "$RAPAT" __man | cmp -s - "$tmp/id/rapat.1"; then
  pass "RAPAT_LANG=id or an Indonesian locale chooses the Indonesian page, --lang en the English one"
else
  fail "RAPAT_LANG=id or an Indonesian locale chooses the Indonesian page, --lang en the English one"
fi
mkdir "$tmp/none"
RAPAT_LOCALEDIR="$tmp/nowhere" "$RAPAT" __man --lang id --dir "$tmp/none" >/dev/null 2>"$tmp/err"; rc=$?
if [ "$rc" = 1 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q 'catalog' "$tmp/err" \
   && [ -z "$(ls "$tmp/none")" ]; then
  pass "__man --lang id without the catalog: exit 1, one line, no English page written as Indonesian"
else
  fail "__man --lang id without the catalog: exit 1, one line, no page" "rc=$rc" "$(cat "$tmp/err")" \
    "$(ls "$tmp/none")"
fi
"$RAPAT" __man --lang fr >/dev/null 2>"$tmp/err"; rc=$?
if [ "$rc" = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ]; then pass "__man --lang fr: exit 2, one line"
else fail "__man --lang fr: exit 2, one line" "rc=$rc" "$(cat "$tmp/err")"; fi

printf '%d passed, %d failed, %d skipped\n' "$n_pass" "$n_fail" "$n_skip"
[ "$n_fail" = 0 ]
