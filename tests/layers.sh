#!/bin/bash
# The layers of doc/ARCHITECTURE.md, checked on the sources' #include lines:
# a layer includes the headers of the layers below it, never of one above.
# Prints one line per broken rule; exit 0 when none is broken.
set -u
top=${SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$top" || exit 1

domain="schedule series meeting agenda attendance action issue minutes review itip invite holiday directory calimport"
exports_h="export-ics invite-mail vtimezone report report-actions report-attendance report-papers report-minutes csv html layout layout-html paper pdf"
core="model when lang module mail mailer timeutil recur text output ical error nip csv-read"
bad=0

# includes FILE: the local headers FILE includes, one per line, without .h
includes() {
  sed -n 's/^#include [<"]\([a-z0-9_-]*\)\.h[>"].*/\1/p' "$1"
}

# forbid WHAT FILES... -- HEADERS...: none of FILES may include any of HEADERS.
forbid() {
  local what=$1 f h files=() headers=()
  shift
  while [ "$1" != -- ]; do files+=("$1"); shift; done
  shift
  headers=("$@")
  for f in "${files[@]}"; do
    [ -f "$f" ] || { echo "layers: $f: no such file (update tests/layers.sh)"; bad=1; continue; }
    for h in $(includes "$f"); do
      for x in "${headers[@]}"; do
        if [ "$h" = "$x" ]; then
          echo "layers: $f includes $h.h, which $what must not"
          bad=1
        fi
      done
    done
  done
}

d_files=() c_files=() s_files=(src/store*.c src/store*.h)
for n in $domain; do d_files+=("src/$n.c" "src/$n.h"); done
for n in $core; do c_files+=("src/$n.c"); [ -f "src/$n.h" ] && c_files+=("src/$n.h"); done

forbid "the cli layer" src/cmd*.c src/main.c -- sqlite3
forbid "the domain layer" "${d_files[@]}" -- sqlite3 cmd present output $exports_h store-private
forbid "the store" "${s_files[@]}" -- cmd present $domain $exports_h when
forbid "an exporter" exports/*.c exports/*.h -- sqlite3 store store-private cmd present $domain
forbid "the core" "${c_files[@]}" -- sqlite3 store store-private cmd present $domain $exports_h
forbid "present.c" src/present.c src/present.h -- sqlite3 store store-private cmd $domain

[ "$bad" = 0 ] && echo "layers: every #include keeps to its layer"
exit "$bad"
