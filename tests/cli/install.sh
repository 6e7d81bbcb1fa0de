#!/bin/bash
# rapat CLI tests: what 'make install' installs (issue 21), into a DESTDIR:
# the program, rapat(1) and the group pages in English (man1) and in
# Indonesian (id/man1, which man reads under an Indonesian locale or with
# man -L id), the completion for bash, zsh
# and fish where configure put them, and the Indonesian catalog, which the
# installed program then speaks (pointed at it with RAPAT_LOCALEDIR, as
# DESTDIR is not where it was built to look).  'make uninstall' removes
# every file again.
#
# Environment (set by 'make check'): RAPAT (the build's src/rapat), SRCDIR.

set -u
. "$(dirname "$0")/lib.sh"
cli_setup

builddir=$(cd "$(dirname "$RAPAT")/.." && pwd)
dest="$tmp/root"
# A make of its own: not the jobs of the 'make check' that runs this.
if ! env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL ${MAKE:-make} -s -C "$builddir" install DESTDIR="$dest" \
     >"$tmp/install.log" 2>&1; then
  fail "make install DESTDIR=..." "$(tail -20 "$tmp/install.log")"
  printf '%d passed, %d failed, %d skipped\n' "$n_pass" "$n_fail" "$n_skip"
  exit 1
fi
pass "make install DESTDIR=..."

# var NAME: a folder of the build's Makefile, expanded.
var() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL ${MAKE:-make} -s -C "$builddir" --no-print-directory \
          -f Makefile -f - print-var VAR="$1" <<<'print-var: ; @echo $($(VAR))'; }
bindir=$(var bindir) mandir=$(var mandir) localedir=$(var localedir)
bashdir=$(var bashcompletiondir) zshdir=$(var zshcompletiondir) fishdir=$(var fishcompletiondir)

bad=
[ -x "$dest$bindir/rapat" ] || bad="$bad bin/rapat"
for p in $("$RAPAT" __man --list); do
  [ -s "$dest$mandir/man1/$p" ] || bad="$bad man1/$p"
  grep -q '^\.SH NAMA$' "$dest$mandir/id/man1/$p" 2>/dev/null || bad="$bad id/man1/$p"
done
[ -s "$dest$bashdir/rapat" ] || bad="$bad $bashdir/rapat"
[ -s "$dest$zshdir/_rapat" ] || bad="$bad $zshdir/_rapat"
[ -s "$dest$fishdir/rapat.fish" ] || bad="$bad $fishdir/rapat.fish"
[ -s "$dest$localedir/id/LC_MESSAGES/rapat.mo" ] || bad="$bad $localedir/id/LC_MESSAGES/rapat.mo"
if [ -z "$bad" ]; then pass "installed: program, $("$RAPAT" __man --list | wc -l) man pages in English and in Indonesian, 3 completions, the catalog"
else fail "installed: program, man pages, completions, the catalog" "missing:$bad" "$(cd "$dest" && find . -type f)"; fi

out=$(RAPAT_LOCALEDIR="$dest$localedir" RAPAT_LANG=id "$dest$bindir/rapat" help | head -1)
en=$(RAPAT_LOCALEDIR="$dest$localedir" RAPAT_LANG=en "$dest$bindir/rapat" help | head -1)
hidden=$(RAPAT_LOCALEDIR="$tmp/nowhere" RAPAT_LANG=id "$dest$bindir/rapat" help | head -1)
# Without the catalog the Indonesian output falls back to English.
if [ -n "$out" ] && [ "$out" != "$en" ] && [ "$hidden" = "$en" ]; then
  pass "the installed catalog speaks Indonesian ('$out')"
else
  fail "the installed catalog speaks Indonesian" "id: $out" "en: $en" "no catalog: $hidden"
fi
if MANWIDTH=80 man -l "$dest$mandir/man1/rapat.1" 2>/dev/null | grep -q 'rapat meeting add'; then
  pass "man -l reads the installed rapat(1)"
else
  fail "man -l reads the installed rapat(1)"
fi
# man chooses man/id/man1 for the Indonesian language (-L id), man1 otherwise.
id_page=$(MANPATH="$dest$mandir" MANWIDTH=80 man -L id rapat-meeting 2>/dev/null)
en_page=$(MANPATH="$dest$mandir" MANWIDTH=80 LANGUAGE= LC_ALL=C.UTF-8 man rapat-meeting 2>/dev/null)
if printf '%s\n' "$id_page" | grep -q '^NAMA$' && printf '%s\n' "$id_page" | grep -q 'rapat meeting add' \
   && printf '%s\n' "$en_page" | grep -q '^NAME$'; then
  pass "man -L id reads the installed Indonesian rapat-meeting(1), the C locale the English one"
else
  fail "man -L id reads the installed Indonesian rapat-meeting(1), the C locale the English one" \
    "$(printf '%s\n' "$id_page" | head -5)" "$(printf '%s\n' "$en_page" | head -5)"
fi

env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL ${MAKE:-make} -s -C "$builddir" uninstall DESTDIR="$dest" >/dev/null 2>&1
left=$(cd "$dest" && find . -type f)
if [ -z "$left" ]; then pass "make uninstall removes every file"; else fail "make uninstall removes every file" "$left"; fi

printf '%d passed, %d failed, %d skipped\n' "$n_pass" "$n_fail" "$n_skip"
[ "$n_fail" = 0 ]
