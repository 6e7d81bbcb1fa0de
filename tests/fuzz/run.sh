#!/bin/sh
# Builds rapat's libFuzzer targets with clang (ASan + UBSan + libFuzzer) and
# runs each for a bounded time on its corpus in tests/fuzz/corpus/.
#   tests/fuzz/run.sh [SECONDS]      (default 60 per target)
# New inputs that add coverage are kept in the corpus; a crash fails the run
# and leaves the input in the build folder.
set -eu
seconds=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$top/tests/fuzz/build}
cc=${CLANG:-clang}
command -v "$cc" >/dev/null || { echo "fuzz: $cc not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
mkdir -p "$build"
flags="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all"
deps=$(pkg-config --cflags sqlite3 libical glib-2.0)
libs=$(pkg-config --libs sqlite3 libical glib-2.0)

# The internal library, compiled once with the fuzzing instrumentation.
[ -f "$top/config.h" ] || { echo "fuzz: run ./configure first (config.h is needed)" >&2; exit 1; }
[ -f "$top/src/rapat-migrations.c" ] || { echo "fuzz: run make first (src/rapat-migrations.c is needed)" >&2; exit 1; }
objs=
for src in "$top"/src/*.c "$top"/exports/*.c; do
  case $src in */main.c) continue ;; esac
  obj="$build/$(basename "$src" .c).o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ]; then
    # shellcheck disable=SC2086
    $cc $flags -I"$top" -I"$top/src" -I"$top/exports" -DLOCALEDIR='"/usr/share/locale"' $deps -c "$src" -o "$obj"
  fi
  objs="$objs $obj"
done

status=0
for target in time enum resolve; do
  # shellcheck disable=SC2086
  $cc $flags -fsanitize=fuzzer -I"$top" -I"$top/src" -I"$top/exports" $deps \
    "$top/tests/fuzz/fuzz-$target.c" $objs $libs -o "$build/fuzz-$target"
  mkdir -p "$top/tests/fuzz/corpus/$target"
  echo "== fuzz-$target: ${seconds}s"
  if ! (cd "$build" && ASAN_OPTIONS=detect_leaks=0 "./fuzz-$target" -max_total_time="$seconds" \
          -max_len=512 -print_final_stats=1 "$top/tests/fuzz/corpus/$target" 2>&1 | \
          grep -E 'stat::number_of_executed_units|ERROR|SUMMARY|Done'); then
    :
  fi
  if ls "$build"/crash-* "$build"/leak-* "$build"/timeout-* >/dev/null 2>&1; then
    echo "fuzz-$target: FAILED, see $build" >&2
    status=1
  fi
done
exit $status
