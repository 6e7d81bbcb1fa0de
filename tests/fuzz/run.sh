#!/bin/sh
# Builds rapat's libFuzzer targets with clang (ASan + UBSan + libFuzzer) and
# runs each for a bounded time on its corpus in tests/fuzz/corpus/.
#   tests/fuzz/run.sh [SECONDS [TARGET...]]   (default 60 per target, all targets)
# New inputs that add coverage are kept in the corpus; a crash fails the run
# and leaves the input in the build folder.  FUZZ_OBJTOP names the build
# folder when it is not the source folder ('make fuzz' sets it).
#
# column and dbfile run the reading commands on a whole database (see
# fuzz-store.h); dbfile's inputs are database files of some 200 KB, so its
# corpus lives in the build folder, seeded with a demo database built here.
set -eu
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-time enum resolve column dbfile holiday csv}
top=$(cd "$(dirname "$0")/../.." && pwd)
objtop=$(cd "${FUZZ_OBJTOP:-$top}" && pwd)
build=${FUZZ_BUILD:-$objtop/tests/fuzz/build}
cc=${CLANG:-clang}
command -v "$cc" >/dev/null || { echo "fuzz: $cc not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
mkdir -p "$build"
flags="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all"
deps=$(pkg-config --cflags sqlite3 libical glib-2.0)
libs=$(pkg-config --libs sqlite3 libical glib-2.0)

# The internal library, compiled once with the fuzzing instrumentation.
[ -f "$objtop/config.h" ] || { echo "fuzz: run ./configure first (config.h is needed)" >&2; exit 1; }
[ -f "$objtop/src/rapat-migrations.c" ] && [ -f "$objtop/src/rapat-holidays.c" ] ||
  { echo "fuzz: run make first (src/rapat-migrations.c and src/rapat-holidays.c are needed)" >&2; exit 1; }
sources="$top/src/*.c $top/exports/*.c"
[ "$objtop" = "$top" ] || sources="$sources $objtop/src/rapat-migrations.c $objtop/src/rapat-holidays.c"
objs=
# shellcheck disable=SC2086
for src in $sources; do
  case $src in */main.c) continue ;; esac
  obj="$build/$(basename "$src" .c).o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ]; then
    # shellcheck disable=SC2086
    $cc $flags -I"$objtop" -I"$top/src" -I"$top/exports" -DLOCALEDIR='"/usr/share/locale"' -DRAPAT_MAIL_INSTALLED_PATH='"/nonexistent"' -DRAPAT_MAIL_BUILD_PATH='"/nonexistent"' -DRAPAT_PDF_INSTALLED_PATH='"/nonexistent"' -DRAPAT_PDF_BUILD_PATH='"/nonexistent"' -DRAPAT_HOLIDAYS_DIR='"/nonexistent"' -DRAPAT_BUILD_LOCALEDIR='"/nonexistent"' $deps -c "$src" -o "$obj"
  fi
  objs="$objs $obj"
done

status=0
for target in $targets; do
  corpus=$top/tests/fuzz/corpus/$target
  # The commands' own "rapat: error:" lines would swamp the log: closed
  # (libFuzzer keeps its own stderr for reports).
  opts="-max_len=512"
  case $target in
    column|dbfile) opts="$opts -close_fd_mask=3" ;;
  esac
  if [ "$target" = dbfile ]; then
    corpus=$build/corpus-dbfile
    if [ ! -f "$corpus/demo.db" ]; then
      mkdir -p "$corpus"
      rm -f "$build/seed.db"*
      SOURCE_DATE_EPOCH=1756771200 "$objtop/src/rapat" --db "$build/seed.db" demo >/dev/null
      cp "$build/seed.db" "$corpus/demo.db"
    fi
    opts="-max_len=$(($(wc -c <"$corpus/demo.db") + 4096)) -close_fd_mask=3"
  fi
  # shellcheck disable=SC2086
  $cc $flags -fsanitize=fuzzer -I"$objtop" -I"$top/src" -I"$top/exports" $deps \
    "$top/tests/fuzz/fuzz-$target.c" $objs $libs -o "$build/fuzz-$target"
  mkdir -p "$corpus"
  echo "== fuzz-$target: ${seconds}s"
  # shellcheck disable=SC2086
  if ! (cd "$build" && ASAN_OPTIONS=detect_leaks=0 "./fuzz-$target" -max_total_time="$seconds" \
          $opts -print_final_stats=1 "$corpus" 2>&1 | \
          grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec|DONE.*cov:|ERROR|SUMMARY|Done'); then
    :
  fi
  if ls "$build"/crash-* "$build"/leak-* "$build"/timeout-* >/dev/null 2>&1; then
    echo "fuzz-$target: FAILED, see $build" >&2
    status=1
  fi
done
exit $status
