#!/bin/bash
# rapat CLI tests: README's tour, taken from README.md itself, run against
# the installed program, so that the README cannot drift from rapat.
#
# 1. 'make install DESTDIR=$tmp/inst' from the build folder (the configured
#    prefix, whatever it is: the files land under $tmp/inst/PREFIX).
# 2. The installed rapat first on the PATH; its modules and catalog come
#    from the DESTDIR (RAPAT_MAIL_MODULE, RAPAT_PDF_MODULE, RAPAT_LOCALEDIR:
#    the installed binary looks for them under the real prefix).
# 3. Every block of README.md that follows a line starting "<!-- tour" is
#    fed, in order, to a fresh bash on its standard input, as if pasted line
#    by line (so a command that read standard input would swallow the lines
#    after it, as it would for a reader), with -e and pipefail: every
#    command must succeed, and nothing may say "rapat: error".
#
# Environment (set by 'make check'): SRCDIR, RAPAT_BUILDDIR, RAPAT_BINDIR,
# RAPAT_PKGLIBDIR, RAPAT_INSTALLED_LOCALEDIR; MAKE (default make).

set -u
. "$(dirname "$0")/lib.sh"

SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
for v in RAPAT_BUILDDIR RAPAT_BINDIR RAPAT_PKGLIBDIR RAPAT_INSTALLED_LOCALEDIR; do
  if [ -z "${!v:-}" ]; then
    echo "readme-tour.sh: $v is not set; run it through 'make check'" >&2
    exit 1
  fi
done
cli_setup
inst="$tmp/inst"

echo "# make install DESTDIR=$inst"
# A make of its own, not a part of the one running the tests.
if (unset MAKEFLAGS MFLAGS MAKELEVEL; ${MAKE:-make} -C "$RAPAT_BUILDDIR" install DESTDIR="$inst") \
     >"$tmp/install.log" 2>&1; then
  pass "make install DESTDIR=... succeeds"
else
  fail "make install DESTDIR=... succeeds" "$(tail -n 20 "$tmp/install.log")"
  printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
  exit 1
fi
check "the program is installed in bindir" test -x "$inst$RAPAT_BINDIR/rapat"
check "the mail module is installed in pkglibdir" test -f "$inst$RAPAT_PKGLIBDIR/rapat-mail.so"
check "the PDF module is installed in pkglibdir" test -f "$inst$RAPAT_PKGLIBDIR/rapat-pdf.so"
check "the Indonesian catalog is installed" \
  test -f "$inst$RAPAT_INSTALLED_LOCALEDIR/id/LC_MESSAGES/rapat.mo"

export PATH="$inst$RAPAT_BINDIR:$PATH"
export RAPAT_MAIL_MODULE="$inst$RAPAT_PKGLIBDIR/rapat-mail.so"
export RAPAT_PDF_MODULE="$inst$RAPAT_PKGLIBDIR/rapat-pdf.so"
export RAPAT_LOCALEDIR="$inst$RAPAT_INSTALLED_LOCALEDIR"
check "'rapat' on the PATH is the installed one" test "$(type -P rapat)" = "$inst$RAPAT_BINDIR/rapat"
rapat --version >"$tmp/version" 2>&1
check "the installed rapat loads both modules" \
  test "$(grep -c -e '^  mail: [^n]' -e '^  pdf: [^n]' "$tmp/version")" = 2
RAPAT_LANG=id rapat meeting lsit >/dev/null 2>"$tmp/id.err"
check "... and speaks Indonesian from its installed catalog" grep -q "maksudnya 'list'" "$tmp/id.err"

echo "# README's tour"
awk '/^<!-- tour/ { marked = 1; next }
     marked && /^```/ { marked = 0; inside = 1; next }
     inside && /^```/ { inside = 0; next }
     inside' "$SRCDIR/README.md" >"$tmp/tour.sh"
check "README.md marks a tour that starts with 'rapat init'" grep -q '^rapat init' "$tmp/tour.sh"
n_commands=$(grep -c '^\(id=$(\)\?rapat ' "$tmp/tour.sh")
mkdir -p "$tmp/work" "$HOME"
(cd "$tmp/work" && PS4='+ ' bash -e -o pipefail -x -s) <"$tmp/tour.sh" >"$tmp/tour.out" 2>"$tmp/tour.err"
rc=$?
if [ "$rc" -eq 0 ]; then
  pass "the tour's $n_commands commands succeed, pasted line by line"
else
  fail "the tour's $n_commands commands succeed, pasted line by line" "exit $rc; the last lines:" \
    "$(tail -n 8 "$tmp/tour.err")"
fi
if grep -q '^rapat: error' "$tmp/tour.err"; then
  fail "... no 'rapat: error'" "$(grep '^rapat: error' "$tmp/tour.err")"
else
  pass "... no 'rapat: error'"
fi
check "... and every rapat command of it ran" \
  test "$(grep -c '^++* rapat ' "$tmp/tour.err")" -ge "$n_commands"
check "... into the database the tour names (~/rakernis.db)" test -s "$HOME/rakernis.db"
check "... whose meeting shows the agenda and the stand-in" \
  grep -q 'by Ricky Dwi Biantoro' "$tmp/tour.out"
check "... and is listed for September 2025" grep -q 'Rakernis 2025' "$tmp/tour.out"

printf '%s: %d checks, %d passed, %d failed\n' "${cli_name%.sh}" "$n" "$n_pass" "$n_fail"
[ "$n_fail" -eq 0 ]
