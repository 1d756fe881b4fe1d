#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes a demo project from the sample reports in data/samples/: the ones
# that the build turned into PDFs (BUILDDIR/data/samples/*.pdf) are imported
# as PDFs, the others as plain text.  OUTPUT is made afresh each time.
#
# Usage: tools/make-demo.sh BUILDDIR OUTPUT.gloss

set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "Usage: $0 BUILDDIR OUTPUT.gloss" >&2
  exit 2
fi

builddir="$1"
output="$2"
srcdir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$builddir/app/gloss-cli"

if [ ! -x "$cli" ]; then
  echo "make-demo: $cli not found: build first (meson compile -C $builddir)" >&2
  exit 1
fi

files=()
for txt in "$srcdir"/data/samples/*.txt; do
  pdf="$builddir/data/samples/$(basename "$txt" .txt).pdf"
  if [ -f "$pdf" ]; then
    files+=("$pdf")
  else
    files+=("$txt")
  fi
done

mkdir -p -- "$(dirname -- "$output")"
rm -f -- "$output" "$output-wal" "$output-shm" "$output-journal"
"$cli" new "$output" --name "Demo project"
"$cli" import "$output" "${files[@]}"
# A codebook, the reports' attributes, and a few passages coded by two
# coders, so that the tables and charts have something to show.
"$cli" import-codebook "$output" "$srcdir/data/samples/demo-codebook.csv"
"$cli" import-attributes "$output" "$srcdir/data/samples/demo-attributes.csv"
python3 "$srcdir/tools/demo-codings.py" "$cli" "$output" "$srcdir/data/samples/demo-codings.tsv"
echo "make-demo: made $output from ${#files[@]} sample reports"
