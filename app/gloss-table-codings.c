/* gloss-table-codings.c: the codings behind a table: pairs of
 * co-occurring codings, the codings of a cell, the documents of a value
 *
 * Co-occurrence, counted by _gloss_table_tally_pairs(): within a document,
 * codings come by start; the codings still open when one starts (those
 * that end after its start) are exactly those it overlaps, and their
 * intersection starts at its start.  A pair of codings of two different
 * codes counts in cell (r, s), r ≠ s, when one coding counts in row r and
 * the other in row s (with roll-up a coding counts in its code's row and
 * its ancestors'), once per cell however many ways it gets there; in row
 * r's total once when it counts in any cell of the row; in the grand total
 * once.  The table is symmetric, so column totals are row totals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <string.h>

#include "gloss-attributes.h"
#include "gloss-codebook.h"
#include "gloss-codebook-private.h"
#include "gloss-table-private.h"

/* ---- co-occurrence ---- */

static void
count_pair (GlossTable          *table,
            const GlossTableRow *ra,
            const GlossTableRow *rb,
            gint64               document_id,
            guint                start,
            guint                end,
            GlossTally          *cells,
            GlossTally          *row_totals,
            guint               *scratch)
{
  guint n = 0;
  guint x, y, k;

  /* The rows of either coding, each once. */
  for (k = 0; k < ra->n_targets; k++)
    scratch[n++] = ra->targets[k];
  for (k = 0; k < rb->n_targets; k++)
    if (!_gloss_table_row_has (ra, rb->targets[k]))
      scratch[n++] = rb->targets[k];

  for (x = 0; x < n; x++)
    {
      guint r = scratch[x];
      gboolean in_a = _gloss_table_row_has (ra, r);
      gboolean in_b = _gloss_table_row_has (rb, r);
      gboolean counted = FALSE;

      for (y = 0; y < n; y++)
        {
          guint s = scratch[y];

          if (s == r)
            continue;
          if ((in_a && _gloss_table_row_has (rb, s)) || (in_b && _gloss_table_row_has (ra, s)))
            {
              _gloss_tally_add (&cells[(gsize) r * table->n_columns + s], document_id, start, end);
              counted = TRUE;
            }
        }
      if (counted)
        _gloss_tally_add (&row_totals[r], document_id, start, end);
    }
}

gboolean
_gloss_table_tally_pairs (GlossTable    *table,
                          GArray        *items,
                          GlossTally    *cells,
                          GlossTally    *row_totals,
                          GlossTally    *column_totals,
                          GlossTally    *total,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *scratch = NULL;
  guint max_targets = 1;
  guint64 work = 0;
  guint i, j;

  for (i = 0; i < table->n_rows; i++)
    max_targets = MAX (max_targets, table->rows[i].n_targets);
  scratch = g_new (guint, 2 * max_targets);

  for (i = 0; i < items->len; i++)
    {
      const GlossTableItem *b = &g_array_index (items, GlossTableItem, i);
      guint kept = 0;

      if (i > 0 && g_array_index (items, GlossTableItem, i - 1).document_id != b->document_id)
        g_array_set_size (open, 0);

      /* Drop the codings that end before this one starts. */
      for (j = 0; j < open->len; j++)
        {
          guint index = g_array_index (open, guint, j);

          if (g_array_index (items, GlossTableItem, index).end > b->start)
            g_array_index (open, guint, kept++) = index;
        }
      g_array_set_size (open, kept);

      for (j = 0; j < open->len; j++)
        {
          const GlossTableItem *a = &g_array_index (items, GlossTableItem, g_array_index (open, guint, j));
          guint end = MIN (a->end, b->end);

          if ((++work & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (a->row == b->row)
            continue;
          count_pair (table, &table->rows[a->row], &table->rows[b->row], b->document_id, b->start, end,
                      cells, row_totals, scratch);
          _gloss_tally_add (total, b->document_id, b->start, end);
        }

      g_array_append_val (open, i);
      if ((i & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  memcpy (column_totals, row_totals, table->n_rows * sizeof (GlossTally));

  return TRUE;
}

/* ---- drilling down ---- */

/* The row of a coding in the table's scope, or -1. */
static int
scope_row (GlossTable  *table,
           GlossCoding *coding)
{
  guint row = _gloss_table_lookup (table->code_rows, gloss_coding_get_code_id (coding));
  gint64 coder_id = gloss_coding_get_coder_id (coding);

  if (row == 0 || _gloss_table_lookup (table->document_index, gloss_coding_get_document_id (coding)) == 0)
    return -1;
  if (table->coders != NULL && !g_hash_table_contains (table->coders, &coder_id))
    return -1;

  return row - 1;
}

static int
coding_column (GlossTable  *table,
               GlossCoding *coding)
{
  guint index;

  if (table->query.columns == GLOSS_TABLE_COLUMNS_CODER)
    return (int) _gloss_table_lookup (table->coder_columns, gloss_coding_get_coder_id (coding)) - 1;

  index = _gloss_table_lookup (table->document_index, gloss_coding_get_document_id (coding));

  return index > 0 ? (int) g_array_index (table->documents, GlossTableDocument, index - 1).column : -1;
}

static gboolean
row_has_other (const GlossTableRow *row,
               int                  than)
{
  guint i;

  for (i = 0; i < row->n_targets; i++)
    if ((int) row->targets[i] != than)
      return TRUE;

  return FALSE;
}

/* Co-occurrence: the codings that count in row own (any, for -1) and
 * overlap a coding of another code that counts in row other (or for -1 in
 * any row but own). */
static void
pick_pairs (GlossTable *table,
            GPtrArray  *codings,
            int         own,
            int         other,
            GPtrArray  *result)
{
  g_autoptr(GPtrArray) scoped = g_ptr_array_new ();
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));
  guint first, last, i, j;

  for (i = 0; i < codings->len; i++)
    {
      int row = scope_row (table, g_ptr_array_index (codings, i));

      if (row < 0)
        continue;
      g_ptr_array_add (scoped, g_ptr_array_index (codings, i));
      g_array_append_val (rows, row);
    }

  /* The codings come by document. */
  for (first = 0; first < scoped->len; first = last)
    {
      gint64 document_id = gloss_coding_get_document_id (g_ptr_array_index (scoped, first));

      for (last = first + 1; last < scoped->len; last++)
        if (gloss_coding_get_document_id (g_ptr_array_index (scoped, last)) != document_id)
          break;

      for (i = first; i < last; i++)
        {
          GlossCoding *a = g_ptr_array_index (scoped, i);
          int row_a = g_array_index (rows, int, i);

          if (own >= 0 && !_gloss_table_row_has (&table->rows[row_a], own))
            continue;

          for (j = first; j < last; j++)
            {
              GlossCoding *b = g_ptr_array_index (scoped, j);
              int row_b = g_array_index (rows, int, j);
              const GlossTableRow *rb = &table->rows[row_b];

              if (row_b == row_a ||
                  gloss_coding_get_start (a) >= gloss_coding_get_end (b) ||
                  gloss_coding_get_start (b) >= gloss_coding_get_end (a))
                continue;
              if (other >= 0 ? _gloss_table_row_has (rb, other) : (own < 0 || row_has_other (rb, own)))
                {
                  g_ptr_array_add (result, g_object_ref (a));
                  break;
                }
            }
        }
    }
}

/**
 * gloss_project_list_table_codings:
 *
 * Returns: (transfer full) (element-type GlossCoding): the codings, by
 * document and start; NULL with @error set on failure
 */
GPtrArray *
gloss_project_list_table_codings (GlossProject  *self,
                                  GlossTable    *table,
                                  int            row,
                                  int            column,
                                  GError       **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) result = NULL;
  GlossCodingFilter filter = { 0, };
  GlossTableColumns columns;
  guint i;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row >= -1 && row < (int) table->n_rows, NULL);
  g_return_val_if_fail (column >= -1 && column < (int) table->n_columns, NULL);

  columns = table->query.columns;

  /* Narrow the query where that is easy; the scope is checked below. */
  if (columns != GLOSS_TABLE_COLUMNS_COOCCURRENCE && row >= 0)
    {
      filter.code_id = table->rows[row].code_id;
      filter.with_subcodes = table->query.roll_up;
    }
  if (columns == GLOSS_TABLE_COLUMNS_DOCUMENT && column >= 0)
    filter.document_id = table->columns[column].id;
  else if (table->documents->len == 1)
    filter.document_id = g_array_index (table->documents, GlossTableDocument, 0).id;
  if (columns == GLOSS_TABLE_COLUMNS_CODER && column >= 0)
    filter.coder_id = table->columns[column].id;
  else if (table->query.coder_ids != NULL && table->query.coder_ids->len == 1)
    filter.coder_id = g_array_index (table->query.coder_ids, gint64, 0);

  all = gloss_project_list_codings (self, &filter, error);
  if (all == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func (g_object_unref);
  if (columns == GLOSS_TABLE_COLUMNS_COOCCURRENCE)
    {
      /* The diagonal is undefined. */
      if (row < 0 || row != column)
        pick_pairs (table, all, row >= 0 ? row : column, row >= 0 ? column : -1, result);
      return g_steal_pointer (&result);
    }

  for (i = 0; i < all->len; i++)
    {
      GlossCoding *coding = g_ptr_array_index (all, i);
      int coding_row = scope_row (table, coding);

      if (coding_row < 0)
        continue;
      if (row >= 0 && !_gloss_table_row_has (&table->rows[coding_row], row))
        continue;
      if (column >= 0 && coding_column (table, coding) != column)
        continue;
      g_ptr_array_add (result, g_object_ref (coding));
    }

  return g_steal_pointer (&result);
}

/* ---- documents of a value ---- */

static gboolean
value_matches (const GlossAttribute *attribute,
               const char           *value,
               GPtrArray            *wanted)
{
  guint i;

  for (i = 0; i < wanted->len; i++)
    {
      const char *w = g_ptr_array_index (wanted, i);

      if (strcmp (value, w) == 0)
        return TRUE;
      if (attribute->type == GLOSS_ATTRIBUTE_DATE && strlen (w) == 4 &&
          strncmp (value, w, 4) == 0 && value[4] == '-')
        return TRUE;
    }

  return FALSE;
}

/**
 * gloss_project_find_documents:
 *
 * Returns: (transfer full) (element-type gint64): the documents, by id;
 * NULL with @error set when the attribute is missing
 */
GArray *
gloss_project_find_documents (GlossProject        *self,
                              gint64               attribute_id,
                              const char * const  *values,
                              GError             **error)
{
  g_autoptr(GlossAttribute) attribute = NULL;
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean without = FALSE;
  sqlite3_stmt *stmt;
  guint i;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  attribute = gloss_project_get_attribute (self, attribute_id, error);
  if (attribute == NULL)
    return NULL;

  for (i = 0; values != NULL && values[i] != NULL; i++)
    {
      char *normal;

      if (*values[i] == '\0')
        {
          without = TRUE;
          continue;
        }
      /* A value as the user may type it, or a year as it stands. */
      normal = gloss_attribute_normalize_value (attribute, values[i], NULL);
      g_ptr_array_add (wanted, normal != NULL ? normal : g_strdup (values[i]));
    }

  LOCK (self);
  stmt = gloss_project_prepare (self,
                                "SELECT d.id, v.value FROM document d"
                                " LEFT JOIN document_attribute v ON v.document_id = d.id AND v.attribute_id = ?1"
                                " ORDER BY d.id",
                                error);
  if (stmt == NULL)
    {
      UNLOCK (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, attribute_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (value == NULL ? without : value_matches (attribute, value, wanted))
        g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);
  UNLOCK (self);

  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}
