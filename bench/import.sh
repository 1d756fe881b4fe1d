#!/usr/bin/env bash
# import.sh: times `gloss-cli import` of the corpus PDFs against
# `pdftotext` over the same files, and prints the ratio.
#
#   bench/import.sh BUILDDIR [CORPUS_DIR]
#
# BUILDDIR is a meson build directory holding app/gloss-cli; CORPUS_DIR
# defaults to ../shared/corpus beside the source tree.  BENCH_REPEAT
# (default 3) sets how many times each side runs; the median is kept.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  echo "Usage: $0 BUILDDIR [CORPUS_DIR]" >&2
  exit 2
fi

builddir=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
corpus=${2:-$here/../../shared/corpus}
repeat=${BENCH_REPEAT:-3}
cli=$builddir/app/gloss-cli

if [ ! -x "$cli" ]; then
  echo "$0: $cli is missing: build first (ninja -C $1)" >&2
  exit 1
fi
if [ ! -d "$corpus/ofsted" ]; then
  echo "$0: no corpus at $corpus" >&2
  exit 1
fi
if ! command -v pdftotext >/dev/null; then
  echo "$0: pdftotext (poppler-utils) is needed for the comparison" >&2
  exit 1
fi

# The real reports, without the one that is an HTML error page, and the
# five reports of corpus/pdf.
files=()
for f in "$corpus"/ofsted/*.pdf "$corpus"/pdf/*.pdf; do
  case "$(basename "$f")" in
    80429_birmingham_19-october-2012.pdf) continue ;;
  esac
  files+=("$f")
done

pages=0
for f in "${files[@]}"; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  pages=$((pages + ${n:-0}))
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gloss-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

gloss_times=()
pdftotext_times=()
for ((i = 1; i <= repeat; i++)); do
  project=$tmp/bench-$i.gloss
  "$cli" new "$project" --name "Benchmark" >/dev/null

  start=$(now)
  if ! "$cli" import "$project" "${files[@]}" >"$tmp/import-$i.out" 2>"$tmp/import-$i.err"; then
    echo "$0: gloss-cli import failed:" >&2
    cat "$tmp/import-$i.err" >&2
    exit 1
  fi
  end=$(now)
  gloss_times+=("$(elapsed "$start" "$end")")

  imported=$(grep -c '^imported' "$tmp/import-$i.out" || true)
  if [ "$imported" -ne "${#files[@]}" ]; then
    echo "$0: only $imported of ${#files[@]} files were imported" >&2
    exit 1
  fi
  rm -f "$project" "$project"-wal "$project"-shm

  start=$(now)
  for f in "${files[@]}"; do
    pdftotext -q "$f" /dev/null
  done
  end=$(now)
  pdftotext_times+=("$(elapsed "$start" "$end")")

  echo "run $i: gloss-cli import ${gloss_times[-1]} s, pdftotext ${pdftotext_times[-1]} s"
done

gloss=$(median "${gloss_times[@]}")
reference=$(median "${pdftotext_times[@]}")

echo
echo "files:              ${#files[@]} PDFs, $pages pages"
echo "gloss-cli import:   $gloss s (median of $repeat)"
echo "pdftotext:          $reference s (median of $repeat)"
awk -v g="$gloss" -v r="$reference" \
  'BEGIN { printf "ratio gloss/pdftotext: %.2f (aim: at most 1.5)\n", g / r }'
