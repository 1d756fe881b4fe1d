/* gloss-table-private.h: what gloss-table.c and gloss-table-codings.c
 * share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-table.h"

G_BEGIN_DECLS

/* One measure's worth of counting: see gloss-table.c. */
typedef struct
{
  gint64 codings;
  gint64 documents;
  gint64 characters;
  gint64 stamp;        /* the document last counted */
  guint  upto;         /* in it, characters covered up to here */
} GlossTally;

typedef struct
{
  gint64  code_id;
  char   *path;
  char   *colour;
  guint   depth;
  guint   n_targets;
  guint  *targets;     /* the rows a coding of this code counts in: its
                        * own, then with roll-up its ancestors' */
} GlossTableRow;

typedef struct
{
  gint64  id;          /* document, coder or code; 0 for a value */
  char   *label;
  gint64  chars;       /* the length of the documents it covers */
} GlossTableColumn;

typedef struct
{
  gint64  id;
  char   *name;
  char   *value;       /* attribute columns: its value or year, or NULL */
  gint64  chars;
  guint   column;      /* document and attribute columns */
} GlossTableDocument;

/* A coding in scope. */
typedef struct
{
  gint64 document_id;
  gint64 coder_id;
  guint  document;     /* index in the table's documents */
  guint  row;
  guint  start;
  guint  end;
} GlossTableItem;

struct _GlossTable
{
  gatomicrefcount    ref_count;
  GlossTableQuery    query;            /* a copy */
  guint              n_rows;
  guint              n_columns;
  GlossTableRow     *rows;
  GlossTableColumn  *columns;
  double            *values;           /* n_rows × n_columns */
  double            *row_totals;
  double            *column_totals;
  double             total;
  double             max_value;
  GArray            *documents;        /* GlossTableDocument in scope, by name */
  gint64             scope_chars;      /* their length */
  GHashTable        *document_index;   /* document id → index + 1 in documents */
  GHashTable        *code_rows;        /* code id → row + 1 */
  GHashTable        *coder_columns;    /* coder columns: coder id → column + 1 */
  GHashTable        *coders;           /* the coders filter, or NULL */
};

guint     _gloss_table_lookup       (GHashTable           *table,
                                     gint64                id);
gboolean  _gloss_table_row_has      (const GlossTableRow  *row,
                                     guint                 target);
/* Counts a coding (or an intersection) from start to end; within a
 * document, calls must come by start. */
void      _gloss_tally_add          (GlossTally           *tally,
                                     gint64                document_id,
                                     guint                 start,
                                     guint                 end);
/* Co-occurrence: items by document and start. */
gboolean  _gloss_table_tally_pairs  (GlossTable           *table,
                                     GArray               *items,
                                     GlossTally           *cells,
                                     GlossTally           *row_totals,
                                     GlossTally           *column_totals,
                                     GlossTally           *total,
                                     GCancellable         *cancellable,
                                     GError              **error);

G_END_DECLS
