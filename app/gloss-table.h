/* gloss-table.h: cross-report tables of a project's codings
 *
 * A table has one row per code (depth first, as in the codebook) and one
 * column per document, coder, attribute value, or code (co-occurrence).
 * Each cell holds one measure:
 *
 *  - codings:    the number of codings;
 *  - documents:  the number of documents with at least one coding;
 *  - characters: the characters coded, each character counted once however
 *                many codings cover it;
 *  - coverage:   characters over the length of the documents in scope (the
 *                cell's document, or every document that the column and the
 *                filters admit), as a fraction from 0 to 1.
 *
 * With roll-up, a code's row also counts the codings of its sub-codes.
 *
 * Totals are the same measure over the union of a row's (or column's)
 * cells: each coding, document and character counted once.  A total is
 * therefore the sum of its cells for codings (without roll-up and for
 * columns that split the codings, such as document and coder), but not in
 * general for documents and characters.
 *
 * Co-occurrence: rows and columns are the codes.  Cell (A, B), for A ≠ B,
 * measures the passages coded by both A and B in one document: two codings
 * co-occur when their ranges overlap by at least one character (a coding
 * nested inside another overlaps it).  Codings: the number of pairs of
 * co-occurring codings, one of A and one of B; documents: the documents
 * with such a pair; characters: the characters inside both an A and a B
 * coding; coverage: those characters over the length of the documents in
 * scope.  The diagonal is undefined (NAN).  A row's total measures its code
 * against any other code (pairs with a coding of any other code; the
 * characters coded by A and by at least one other code); the grand total
 * measures every pair of codings of two different codes.
 *
 * Attribute columns: one per value that a document in scope has, in the
 * attribute's order (numbers by value, dates by time, choices in their
 * list's order, text alphabetically), or one per year for a date attribute
 * by year; documents without a value form a last column whose value is
 * NULL.
 *
 * Computed in one pass over the codings, off the main thread if you like:
 * every method may be called from any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-codebook.h"
#include "gloss-project.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_TABLE_COLUMNS_DOCUMENT,
  GLOSS_TABLE_COLUMNS_CODER,
  GLOSS_TABLE_COLUMNS_ATTRIBUTE,
  GLOSS_TABLE_COLUMNS_COOCCURRENCE,
} GlossTableColumns;

typedef enum
{
  GLOSS_MEASURE_CODINGS,
  GLOSS_MEASURE_DOCUMENTS,
  GLOSS_MEASURE_CHARACTERS,
  GLOSS_MEASURE_COVERAGE,
} GlossMeasure;

/* What to compute. */
typedef struct
{
  GlossTableColumns  columns;
  gint64             attribute_id;   /* GLOSS_TABLE_COLUMNS_ATTRIBUTE */
  gboolean           by_year;        /* a date attribute's year */
  GlossMeasure       measure;
  gboolean           roll_up;
  GArray            *document_ids;   /* (element-type gint64) NULL: every document */
  GArray            *coder_ids;      /* (element-type gint64) NULL: every coder */
} GlossTableQuery;

typedef struct _GlossTable GlossTable;

#define GLOSS_TYPE_TABLE (gloss_table_get_type ())

GType         gloss_table_get_type              (void) G_GNUC_CONST;
GlossTable   *gloss_table_ref                   (GlossTable        *self);
void          gloss_table_unref                 (GlossTable        *self);

const char   *gloss_measure_to_string           (GlossMeasure       measure);
gboolean      gloss_measure_from_string         (const char        *text,
                                                 GlossMeasure      *measure);
/* A value as the window and the exports show it: a whole number, or for
 * coverage a percentage with two decimals ("12.50%"); "" for NAN. */
char         *gloss_measure_format              (GlossMeasure       measure,
                                                 double             value);

GlossTable   *gloss_project_compute_table       (GlossProject          *self,
                                                 const GlossTableQuery *query,
                                                 GCancellable          *cancellable,
                                                 GError               **error);

/* The codings behind a cell, for drilling down: row's code (and with
 * roll-up its sub-codes) in the column's documents, coder or value, and
 * the query's filters.  column = -1: the row's total; row = -1: the
 * column's total.  For co-occurrence, the codings of the row's code that
 * overlap a coding of the column's code (or of any other code for -1).
 * (element-type GlossCoding) by document and start. */
GPtrArray    *gloss_project_list_table_codings  (GlossProject          *self,
                                                 GlossTable            *table,
                                                 int                    row,
                                                 int                    column,
                                                 GError               **error);

const GlossTableQuery *gloss_table_get_query    (GlossTable        *self);
GlossMeasure  gloss_table_get_measure           (GlossTable        *self);

guint         gloss_table_get_n_rows            (GlossTable        *self);
gint64        gloss_table_get_row_code_id       (GlossTable        *self,
                                                 guint              row);
/* The code's path ("a/b"), its depth (0 at the root) and colour. */
const char   *gloss_table_get_row_path          (GlossTable        *self,
                                                 guint              row);
guint         gloss_table_get_row_depth         (GlossTable        *self,
                                                 guint              row);
const char   *gloss_table_get_row_colour        (GlossTable        *self,
                                                 guint              row);

guint         gloss_table_get_n_columns         (GlossTable        *self);
/* The column's header: a document's or coder's name, an attribute value
 * (NULL for the documents without one), a year, or a code's path. */
const char   *gloss_table_get_column_label      (GlossTable        *self,
                                                 guint              column);
/* The column's document, coder or code id; 0 for attribute values. */
gint64        gloss_table_get_column_id         (GlossTable        *self,
                                                 guint              column);

double        gloss_table_get_value             (GlossTable        *self,
                                                 guint              row,
                                                 guint              column);
double        gloss_table_get_row_total         (GlossTable        *self,
                                                 guint              row);
double        gloss_table_get_column_total      (GlossTable        *self,
                                                 guint              column);
double        gloss_table_get_total             (GlossTable        *self);
/* The largest cell value (not counting totals), for scaling charts. */
double        gloss_table_get_max_value         (GlossTable        *self);

/* The documents whose value of the attribute is one of values (NULL-
 * terminated; a date attribute's values may also be years, "2019"); an
 * empty string stands for "no value".  (element-type gint64) by id. */
GArray       *gloss_project_find_documents      (GlossProject          *self,
                                                 gint64                 attribute_id,
                                                 const char * const    *values,
                                                 GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossTable, gloss_table_unref)

G_END_DECLS
