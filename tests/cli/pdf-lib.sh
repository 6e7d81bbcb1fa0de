# rapat CLI tests: what the tests of the PDF papers share (pdf.sh,
# pdf-papers.sh, layout-html.sh).  Sourced after lib.sh, before cli_setup:
# skips the script (77) without poppler's tools, and points rapat at the
# PDF module of the build.

for tool in pdfinfo pdftotext pdffonts; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$cli_name: $tool is needed (apt-get install poppler-utils); skipped" >&2
    exit 77
  fi
done
PYTHON=${PYTHON:-/usr/bin/python3}
export RAPAT_PDF_MODULE="${RAPAT_PDF_MODULE:-$(dirname "${RAPAT:-$PWD/src/rapat}")/.libs/rapat-pdf.so}"

# in_order FILE WORD...: each WORD occurs in FILE after the one before it.
in_order() {
  "$PYTHON" - "$@" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
at = 0
for w in sys.argv[2:]:
    i = text.find(w, at)
    if i < 0:
        print("not found in order: %r (after offset %d)" % (w, at))
        sys.exit(1)
    at = i + len(w)
PY
}
