#!/usr/bin/env bash
# tables.sh: times `gloss-cli export … matrix` and `export … segments` on a
# project of 500 reports and 100,000 codings against the same aggregates
# done by the `sqlite3` command-line tool on the same file, and prints the
# ratios.
#
#   bench/tables.sh BUILDDIR [CORPUS_DIR]
#
# BUILDDIR is a meson build directory holding app/gloss-cli and
# bench/gloss-bench-make; CORPUS_DIR defaults to ../shared/corpus beside
# the source tree (its text/*.txt are the reports' texts; without them
# the texts are generated).  BENCH_REPEAT (default 3) sets how many times
# each command runs; the median is kept.  BENCH_DOCUMENTS and
# BENCH_CODINGS change the size of the project.
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
n_documents=${BENCH_DOCUMENTS:-500}
n_codings=${BENCH_CODINGS:-100000}
cli=$builddir/app/gloss-cli
make=$builddir/bench/gloss-bench-make

for program in "$cli" "$make"; do
  if [ ! -x "$program" ]; then
    echo "$0: $program is missing: build first (ninja -C $1)" >&2
    exit 1
  fi
done
if ! command -v sqlite3 >/dev/null; then
  echo "$0: the sqlite3 command-line tool is needed for the comparison" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gloss-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
project=$tmp/tables.gloss

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Runs a command BENCH_REPEAT times (output to /dev/null); prints the
# median time.  A failing command stops the benchmark.
time_median() {
  local times=() i start end
  for ((i = 1; i <= repeat; i++)); do
    start=$(now)
    if ! "$@" >/dev/null 2>"$tmp/err"; then
      echo "$0: failed: $*" >&2
      cat "$tmp/err" >&2
      exit 1
    fi
    end=$(now)
    times+=("$(elapsed "$start" "$end")")
  done
  median "${times[@]}"
}

texts=$corpus/text
if ! ls "$texts"/*.txt >/dev/null 2>&1; then
  echo "no texts in $texts: the reports' texts are generated"
  texts=
fi

start=$(now)
"$make" "$project" ${texts:+"$texts"} "$n_documents" "$n_codings"
end=$(now)
size=$(du -k "$project" | awk '{ print $1 }')
echo "project made in $(elapsed "$start" "$end") s: $((size / 1024)) MiB"
echo

sql() { sqlite3 "$project" "$1"; }
sql_csv() { sqlite3 -csv -header "$project" "$1"; }

# Code paths, as gloss-cli prints them.
tree="WITH RECURSIVE tree (id, path, sortkey) AS (
  SELECT id, name, printf ('%08d', position) FROM code WHERE parent_id IS NULL
  UNION ALL
  SELECT c.id, tree.path || '/' || c.name, tree.sortkey || '/' || printf ('%08d', c.position)
  FROM code c JOIN tree ON c.parent_id = tree.id)"

# The union of a (code, document)'s ranges, in characters: each range
# counts what it adds beyond the furthest end before it.
characters="SELECT code_id, document_id,
  sum (max (0, \"end\" - max (start, ifnull (reach, 0)))) AS characters
  FROM (SELECT code_id, document_id, start, \"end\",
               max (\"end\") OVER (PARTITION BY code_id, document_id ORDER BY start, \"end\"
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
        FROM coding)
  GROUP BY code_id, document_id"

attribute_value() {
  echo "(SELECT value FROM document_attribute WHERE document_id = d.id
          AND attribute_id = (SELECT id FROM attribute WHERE name = '$1'))"
}

# name | gloss-cli arguments | SQL for sqlite3 -csv
benchmarks=(
  "matrix document codings|matrix --columns document|$tree
   SELECT tree.path, d.name, count (*) FROM coding k JOIN tree ON tree.id = k.code_id
   JOIN document d ON d.id = k.document_id GROUP BY k.code_id, k.document_id"
  "matrix document characters|matrix --columns document --measure characters|$tree
   SELECT tree.path, d.name, c.characters FROM ($characters) c JOIN tree ON tree.id = c.code_id
   JOIN document d ON d.id = c.document_id"
  "matrix coder codings|matrix --columns coder|$tree
   SELECT tree.path, r.name, count (*) FROM coding k JOIN tree ON tree.id = k.code_id
   JOIN coder r ON r.id = k.coder_id GROUP BY k.code_id, k.coder_id"
  "matrix attribute codings|matrix --columns attribute:Judgement|$tree
   SELECT tree.path, ifnull (da.value, '(no value)'), count (*) FROM coding k
   JOIN tree ON tree.id = k.code_id
   LEFT JOIN document_attribute da ON da.document_id = k.document_id
     AND da.attribute_id = (SELECT id FROM attribute WHERE name = 'Judgement')
   GROUP BY k.code_id, da.value"
  "matrix attribute:year characters|matrix --columns attribute:Inspected:year --measure characters|$tree
   SELECT tree.path, substr (da.value, 1, 4), sum (c.characters) FROM ($characters) c
   JOIN tree ON tree.id = c.code_id
   LEFT JOIN document_attribute da ON da.document_id = c.document_id
     AND da.attribute_id = (SELECT id FROM attribute WHERE name = 'Inspected')
   GROUP BY c.code_id, substr (da.value, 1, 4)"
  "matrix cooccurrence codings|matrix --columns cooccurrence|$tree
   SELECT ta.path, tb.path, pairs.n FROM (
     SELECT a.code_id AS a, b.code_id AS b, count (*) AS n FROM coding a JOIN coding b
     ON b.document_id = a.document_id AND b.code_id != a.code_id
     AND b.start < a.\"end\" AND a.start < b.\"end\"
     GROUP BY a.code_id, b.code_id) pairs
   JOIN tree ta ON ta.id = pairs.a JOIN tree tb ON tb.id = pairs.b"
  "export segments|segments|$tree
   SELECT d.name AS document, d.guid AS document_guid,
     ifnull ((SELECT max (p.number) FROM page p WHERE p.document_id = k.document_id
              AND p.start <= k.start), 0) + 1 AS page,
     k.start, k.\"end\", tree.path AS code_path, r.name AS coder, k.quote, k.memo, k.created_at,
     $(attribute_value Judgement) AS Judgement, $(attribute_value Inspected) AS Inspected,
     $(attribute_value 'Local authority') AS \"Local authority\"
   FROM coding k JOIN document d ON d.id = k.document_id JOIN tree ON tree.id = k.code_id
   JOIN coder r ON r.id = k.coder_id
   ORDER BY d.name COLLATE NOCASE, k.document_id, k.start, k.\"end\", tree.path, r.name"
)

# What opening costs: the export and listing commands open the project
# read-only (gloss_project_open_read_only), without the whole-file
# structural check that an open for writing makes.
open_time=$(time_median "$cli" documents "$project")
echo "gloss-cli documents (open, list):        $open_time s"
echo

# ratio: gloss-cli over sqlite3.
printf '%-32s %10s %10s %8s\n' "benchmark" "gloss-cli" "sqlite3" "ratio"
worst=0
for entry in "${benchmarks[@]}"; do
  name=${entry%%|*}
  rest=${entry#*|}
  arguments=${rest%%|*}
  query=${rest#*|}

  # shellcheck disable=SC2086 # the arguments are words
  gloss=$(time_median "$cli" export "$project" $arguments)
  reference=$(time_median sql_csv "$query")
  ratio=$(awk -v g="$gloss" -v r="$reference" 'BEGIN { printf "%.2f", g / r }')
  printf '%-32s %9ss %9ss %8s\n' "$name" "$gloss" "$reference" "$ratio"
  worst=$(awk -v w="$worst" -v r="$ratio" 'BEGIN { print (r > w) ? r : w }')
done

echo
echo "codings: $(sql 'SELECT count (*) FROM coding'), documents: $(sql 'SELECT count (*) FROM document')"
echo "worst ratio gloss/sqlite3: $worst (aim: at most 1.5; median of $repeat runs each)"
