#!/bin/sh
# Regenerates the build system from configure.ac and Makefile.am.
set -e
srcdir=$(dirname "$0")
cd "$srcdir"
autoreconf --force --install --verbose
echo "Now run ./configure && make"
