/* gloss-table.c: cross-report tables of a project's codings
 *
 * How it works.  gloss_project_compute_table() reads, in one snapshot (a
 * savepoint under the project's lock), the code tree, the documents and
 * coders, the attribute's values and the codings, by document and start;
 * codings outside the filters are dropped as they are read.  Everything
 * else is done in C, in one pass over the codings.
 *
 * Each cell, row total, column total and the grand total is a Tally: the
 * codings counted, the documents counted (a stamp of the last document
 * seen), and the characters, each counted once by remembering how far the
 * tally is covered in the current document: as codings arrive by start,
 * only what lies beyond that point is new.  With roll-up a coding counts
 * in its code's row and in each ancestor's row.  A row total is fed once
 * per coding of the row, a column total and the grand total once per
 * coding, so that totals are measures of the union, not sums.
 *
 * Co-occurrence (gloss-table-codings.c, with drilling down) sweeps each
 * document keeping the codings still open; each pair of overlapping
 * codings of two different codes adds its intersection.  An intersection starts where the
 * later coding starts, so intersections too arrive by start and the same
 * Tally counts their characters once.
 *
 * A table is immutable once computed; it keeps what drilling down needs
 * (which row a code counts in, which column a document or coder is in) so
 * that gloss_project_list_table_codings() can pick the codings of a cell
 * out of a fresh list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <math.h>
#include <string.h>

#include "gloss-attributes.h"
#include "gloss-codebook-private.h"
#include "gloss-table.h"
#include "gloss-table-private.h"

G_DEFINE_BOXED_TYPE (GlossTable, gloss_table, gloss_table_ref, gloss_table_unref)

/* ---- the table ---- */

static void
scope_document_clear (gpointer data)
{
  GlossTableDocument *document = data;

  g_free (document->name);
  g_free (document->value);
}

static GlossTable *
table_new (const GlossTableQuery *query)
{
  GlossTable *self = g_new0 (GlossTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->query = *query;
  if (query->document_ids != NULL)
    {
      self->query.document_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), query->document_ids->len);
      g_array_append_vals (self->query.document_ids, query->document_ids->data, query->document_ids->len);
    }
  if (query->coder_ids != NULL)
    {
      self->query.coder_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), query->coder_ids->len);
      g_array_append_vals (self->query.coder_ids, query->coder_ids->data, query->coder_ids->len);
    }
  self->documents = g_array_new (FALSE, TRUE, sizeof (GlossTableDocument));
  g_array_set_clear_func (self->documents, scope_document_clear);
  self->document_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->code_rows = g_hash_table_new (g_int64_hash, g_int64_equal);

  return self;
}

GlossTable *
gloss_table_ref (GlossTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
gloss_table_unref (GlossTable *self)
{
  guint i;

  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (i = 0; i < self->n_rows; i++)
    {
      g_free (self->rows[i].path);
      g_free (self->rows[i].colour);
      g_free (self->rows[i].targets);
    }
  for (i = 0; i < self->n_columns; i++)
    g_free (self->columns[i].label);
  g_free (self->rows);
  g_free (self->columns);
  g_free (self->values);
  g_free (self->row_totals);
  g_free (self->column_totals);
  g_clear_pointer (&self->code_rows, g_hash_table_unref);
  g_clear_pointer (&self->document_index, g_hash_table_unref);
  g_clear_pointer (&self->coder_columns, g_hash_table_unref);
  g_clear_pointer (&self->coders, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_array_unref);
  g_clear_pointer (&self->query.document_ids, g_array_unref);
  g_clear_pointer (&self->query.coder_ids, g_array_unref);
  g_free (self);
}

/* index + 1 of id in a table keyed by gint64, or 0 */
guint
_gloss_table_lookup (GHashTable *table,
                     gint64      id)
{
  return table != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (table, &id)) : 0;
}

gboolean
_gloss_table_row_has (const GlossTableRow *row,
                      guint                target)
{
  guint i;

  for (i = 0; i < row->n_targets; i++)
    if (row->targets[i] == target)
      return TRUE;

  return FALSE;
}

/* ---- measures ---- */

const char *
gloss_measure_to_string (GlossMeasure measure)
{
  switch (measure)
    {
    case GLOSS_MEASURE_CODINGS:
      return "codings";
    case GLOSS_MEASURE_DOCUMENTS:
      return "documents";
    case GLOSS_MEASURE_CHARACTERS:
      return "characters";
    case GLOSS_MEASURE_COVERAGE:
      return "coverage";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
gloss_measure_from_string (const char   *text,
                           GlossMeasure *measure)
{
  static const GlossMeasure all[] = {
    GLOSS_MEASURE_CODINGS, GLOSS_MEASURE_DOCUMENTS, GLOSS_MEASURE_CHARACTERS, GLOSS_MEASURE_COVERAGE,
  };
  guint i;

  g_return_val_if_fail (measure != NULL, FALSE);

  for (i = 0; text != NULL && i < G_N_ELEMENTS (all); i++)
    if (g_ascii_strcasecmp (text, gloss_measure_to_string (all[i])) == 0)
      {
        *measure = all[i];
        return TRUE;
      }

  return FALSE;
}

/**
 * gloss_measure_format:
 *
 * Independent of the locale, as the exports need it.
 */
char *
gloss_measure_format (GlossMeasure measure,
                      double       value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");

  if (measure == GLOSS_MEASURE_COVERAGE)
    {
      g_ascii_formatd (buffer, sizeof buffer, "%.2f", value * 100.0);
      return g_strconcat (buffer, "%", NULL);
    }

  return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) llround (value));
}

void
_gloss_tally_add (GlossTally *tally,
                  gint64      document_id,
                  guint       start,
                  guint       end)
{
  guint from;

  tally->codings++;
  if (tally->stamp != document_id)
    {
      tally->stamp = document_id;
      tally->documents++;
      tally->upto = 0;
    }
  from = MAX (start, tally->upto);
  if (end > from)
    {
      tally->characters += end - from;
      tally->upto = end;
    }
}

static double
tally_value (GlossMeasure      measure,
             const GlossTally *tally,
             gint64            chars)
{
  switch (measure)
    {
    case GLOSS_MEASURE_CODINGS:
      return tally->codings;
    case GLOSS_MEASURE_DOCUMENTS:
      return tally->documents;
    case GLOSS_MEASURE_CHARACTERS:
      return tally->characters;
    case GLOSS_MEASURE_COVERAGE:
    default:
      return chars > 0 ? (double) tally->characters / (double) chars : 0.0;
    }
}

/* ---- reading the snapshot ---- */

static gboolean
step_error (GlossProject  *self,
            sqlite3_stmt  *stmt,
            int            rc,
            GError       **error)
{
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

/* The rows: every code, depth first; with roll-up a code's coding also
 * counts in each ancestor's row. */
static gboolean
read_codes (GlossProject  *self,
            GlossTable    *table,
            GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (GlossTableRow));
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint i;
  int rc;

  stmt = gloss_project_prepare (self,
                                CODE_TREE
                                "SELECT c.id, ifnull (c.parent_id, 0), tree.path, c.colour"
                                " FROM code c JOIN tree ON tree.id = c.id ORDER BY tree.sortkey",
                                error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossTableRow row = { 0, };
      gint64 parent = sqlite3_column_int64 (stmt, 1);

      row.code_id = sqlite3_column_int64 (stmt, 0);
      row.path = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row.colour = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_array_append_val (rows, row);
      g_array_append_val (parents, parent);
    }
  if (!step_error (self, stmt, rc, error))
    {
      for (i = 0; i < rows->len; i++)
        {
          g_free (g_array_index (rows, GlossTableRow, i).path);
          g_free (g_array_index (rows, GlossTableRow, i).colour);
        }
      return FALSE;
    }

  table->n_rows = rows->len;
  table->rows = (GlossTableRow *) (void *) g_array_free (g_steal_pointer (&rows), FALSE);
  for (i = 0; i < table->n_rows; i++)
    g_hash_table_insert (table->code_rows, &table->rows[i].code_id, GUINT_TO_POINTER (i + 1));

  /* Parents come before their children. */
  for (i = 0; i < table->n_rows; i++)
    {
      GlossTableRow *row = &table->rows[i];
      guint parent = _gloss_table_lookup (table->code_rows, g_array_index (parents, gint64, i));
      const GlossTableRow *up = parent > 0 && parent - 1 < i ? &table->rows[parent - 1] : NULL;

      row->depth = up != NULL ? up->depth + 1 : 0;
      row->n_targets = 1 + (table->query.roll_up && up != NULL ? up->n_targets : 0);
      row->targets = g_new (guint, row->n_targets);
      row->targets[0] = i;
      if (row->n_targets > 1)
        memcpy (row->targets + 1, up->targets, up->n_targets * sizeof (guint));
    }

  return TRUE;
}

/* The documents in scope, by name as the document list has them, and for
 * attribute columns their values (or years). */
static gboolean
read_documents (GlossProject    *self,
                GlossTable      *table,
                GlossAttribute  *attribute,
                GError         **error)
{
  g_autoptr(GHashTable) wanted = NULL;
  sqlite3_stmt *stmt;
  gboolean by_year;
  guint i;
  int rc;

  if (table->query.document_ids != NULL)
    {
      wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (i = 0; i < table->query.document_ids->len; i++)
        g_hash_table_add (wanted, &g_array_index (table->query.document_ids, gint64, i));
    }
  by_year = attribute != NULL && attribute->type == GLOSS_ATTRIBUTE_DATE && table->query.by_year;

  stmt = gloss_project_prepare (self,
                                "SELECT d.id, d.name, d.chars, v.value FROM document d"
                                " LEFT JOIN document_attribute v ON v.document_id = d.id AND v.attribute_id = ?1"
                                " ORDER BY d.name COLLATE NOCASE, d.id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attribute != NULL ? attribute->id : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossTableDocument document = { 0, };
      const char *value = (const char *) sqlite3_column_text (stmt, 3);

      document.id = sqlite3_column_int64 (stmt, 0);
      if (wanted != NULL && !g_hash_table_contains (wanted, &document.id))
        continue;
      document.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      document.chars = sqlite3_column_int64 (stmt, 2);
      if (value != NULL)
        document.value = by_year ? g_strndup (value, 4) : g_strdup (value);
      g_array_append_val (table->documents, document);
    }
  if (!step_error (self, stmt, rc, error))
    return FALSE;

  /* The array is complete: its elements stay put from here on. */
  for (i = 0; i < table->documents->len; i++)
    {
      GlossTableDocument *document = &g_array_index (table->documents, GlossTableDocument, i);

      g_hash_table_insert (table->document_index, &document->id, GUINT_TO_POINTER (i + 1));
      table->scope_chars += document->chars;
    }

  return TRUE;
}

static int
compare_by_start (const void *a,
                  const void *b)
{
  const GlossTableItem *x = a;
  const GlossTableItem *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

/* The codings in scope, by document, and within a document by start
 * where the measure needs it. */
static gboolean
read_codings (GlossProject  *self,
              GlossTable    *table,
              GArray        *items,
              GCancellable  *cancellable,
              GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 last_document_id = 0;
  guint last_document = 0;
  guint n = 0;
  int rc;

  /* Room for every coding at once: growing the array as rows come would
   * copy it over and over.  The largest id (a look-up, where count (*)
   * would read the whole index) is at least the number of codings. */
  stmt = gloss_project_prepare (self, "SELECT min (max (id), 4194304) FROM coding", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gsize count = (gsize) sqlite3_column_int64 (stmt, 0);

      if (count > items->len)
        {
          guint len = items->len;

          g_array_set_size (items, count);
          g_array_set_size (items, len);
        }
    }
  sqlite3_finalize (stmt);

  stmt = gloss_project_prepare (self,
                                /* In the covering index's order: by document,
                                 * without a sort in SQLite; each document's
                                 * codings are sorted by start below. */
                                "SELECT document_id, code_id, coder_id, start, \"end\""
                                " FROM coding INDEXED BY coding_same ORDER BY document_id",
                                error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossTableItem item = { 0, };
      gint64 code_id = sqlite3_column_int64 (stmt, 1);
      guint row = _gloss_table_lookup (table->code_rows, code_id);

      if ((++n & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }

      item.document_id = sqlite3_column_int64 (stmt, 0);
      item.coder_id = sqlite3_column_int64 (stmt, 2);
      /* The rows come by document: one lookup per document. */
      if (item.document_id != last_document_id)
        {
          last_document_id = item.document_id;
          last_document = _gloss_table_lookup (table->document_index, item.document_id);
        }
      if (row == 0 || last_document == 0 ||
          (table->coders != NULL && !g_hash_table_contains (table->coders, &item.coder_id)))
        continue;
      item.document = last_document - 1;
      item.row = row - 1;
      item.start = sqlite3_column_int (stmt, 3);
      item.end = sqlite3_column_int (stmt, 4);
      g_array_append_val (items, item);
    }

  if (!step_error (self, stmt, rc, error))
    return FALSE;

  /* Counting codings and documents needs no order within a document;
   * characters (each counted once) and co-occurrence sweep by start. */
  if (table->query.columns != GLOSS_TABLE_COLUMNS_COOCCURRENCE &&
      (table->query.measure == GLOSS_MEASURE_CODINGS ||
       table->query.measure == GLOSS_MEASURE_DOCUMENTS))
    return TRUE;

  for (guint first = 0, last; first < items->len; first = last)
    {
      gint64 document_id = g_array_index (items, GlossTableItem, first).document_id;

      for (last = first + 1;
           last < items->len && g_array_index (items, GlossTableItem, last).document_id == document_id;
           last++)
        ;
      qsort (&g_array_index (items, GlossTableItem, first), last - first,
             sizeof (GlossTableItem), compare_by_start);
    }

  return TRUE;
}

/* Coders' columns: every coder with codings in scope, and every coder the
 * filter names, by name. */
static gboolean
read_coders (GlossProject  *self,
             GlossTable    *table,
             GArray        *items,
             GError       **error)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (GlossTableColumn));
  sqlite3_stmt *stmt;
  guint i;
  int rc;

  for (i = 0; i < items->len; i++)
    g_hash_table_add (present, &g_array_index (items, GlossTableItem, i).coder_id);

  stmt = gloss_project_prepare (self, "SELECT id, name FROM coder ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossTableColumn column = { 0, };

      column.id = sqlite3_column_int64 (stmt, 0);
      if (!g_hash_table_contains (present, &column.id) &&
          (table->coders == NULL || !g_hash_table_contains (table->coders, &column.id)))
        continue;
      column.label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      column.chars = table->scope_chars;
      g_array_append_val (columns, column);
    }
  if (!step_error (self, stmt, rc, error))
    {
      for (i = 0; i < columns->len; i++)
        g_free (g_array_index (columns, GlossTableColumn, i).label);
      return FALSE;
    }

  table->n_columns = columns->len;
  table->columns = (GlossTableColumn *) (void *) g_array_free (g_steal_pointer (&columns), FALSE);
  table->coder_columns = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (i = 0; i < table->n_columns; i++)
    g_hash_table_insert (table->coder_columns, &table->columns[i].id, GUINT_TO_POINTER (i + 1));

  return TRUE;
}

static gboolean
read_snapshot (GlossProject    *self,
               GlossTable      *table,
               GArray          *items,
               GlossAttribute **attribute,
               GCancellable    *cancellable,
               GError         **error)
{
  gboolean ok;
  int rc;

  LOCK (self);
  rc = sqlite3_exec (DB (self), "SAVEPOINT gloss_table", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_project_set_error (self, error, rc);
      UNLOCK (self);
      return FALSE;
    }

  ok = TRUE;
  if (table->query.columns == GLOSS_TABLE_COLUMNS_ATTRIBUTE)
    {
      *attribute = gloss_project_get_attribute (self, table->query.attribute_id, error);
      ok = *attribute != NULL;
    }
  ok = ok && read_codes (self, table, error);
  ok = ok && read_documents (self, table, *attribute, error);
  ok = ok && read_codings (self, table, items, cancellable, error);
  if (ok && table->query.columns == GLOSS_TABLE_COLUMNS_CODER)
    ok = read_coders (self, table, items, error);

  sqlite3_exec (DB (self), "RELEASE gloss_table", NULL, NULL, NULL);
  UNLOCK (self);

  return ok;
}

/* ---- columns ---- */

static void
build_document_columns (GlossTable *table)
{
  guint i;

  table->n_columns = table->documents->len;
  table->columns = g_new0 (GlossTableColumn, table->n_columns);
  for (i = 0; i < table->n_columns; i++)
    {
      GlossTableDocument *document = &g_array_index (table->documents, GlossTableDocument, i);

      table->columns[i].id = document->id;
      table->columns[i].label = g_strdup (document->name);
      table->columns[i].chars = document->chars;
      document->column = i;
    }
}

static guint
choice_index (const GlossAttribute *attribute,
              const char           *value)
{
  guint i;

  for (i = 0; attribute->choices != NULL && attribute->choices[i] != NULL; i++)
    if (g_strcmp0 (attribute->choices[i], value) == 0)
      return i;

  return G_MAXUINT;
}

/* Values (or years) in the attribute's order. */
static int
compare_values (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const GlossAttribute *attribute = data;
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  int order;

  switch (attribute->type)
    {
    case GLOSS_ATTRIBUTE_NUMBER:
      {
        double dx = g_ascii_strtod (x, NULL);
        double dy = g_ascii_strtod (y, NULL);

        if (dx != dy)
          return dx < dy ? -1 : 1;
      }
      break;
    case GLOSS_ATTRIBUTE_DATE:
      /* ISO 8601 sorts as text. */
      break;
    case GLOSS_ATTRIBUTE_CHOICE:
      {
        guint ix = choice_index (attribute, x);
        guint iy = choice_index (attribute, y);

        if (ix != iy)
          return ix < iy ? -1 : 1;
      }
      G_GNUC_FALLTHROUGH;
    case GLOSS_ATTRIBUTE_TEXT:
    default:
      order = g_utf8_collate (x, y);
      if (order != 0)
        return order;
      break;
    }

  return strcmp (x, y);
}

static void
build_attribute_columns (GlossTable     *table,
                         GlossAttribute *attribute)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  gboolean without = FALSE;
  guint i;

  for (i = 0; i < table->documents->len; i++)
    {
      const GlossTableDocument *document = &g_array_index (table->documents, GlossTableDocument, i);

      if (document->value == NULL)
        without = TRUE;
      else if (g_hash_table_add (keys, document->value))
        g_ptr_array_add (values, document->value);
    }
  g_ptr_array_sort_with_data (values, compare_values, attribute);

  table->n_columns = values->len + (without ? 1 : 0);
  table->columns = g_new0 (GlossTableColumn, table->n_columns);
  for (i = 0; i < values->len; i++)
    {
      table->columns[i].label = g_strdup (g_ptr_array_index (values, i));
      g_hash_table_insert (keys, g_ptr_array_index (values, i), GUINT_TO_POINTER (i + 1));
    }

  for (i = 0; i < table->documents->len; i++)
    {
      GlossTableDocument *document = &g_array_index (table->documents, GlossTableDocument, i);

      if (document->value == NULL)
        document->column = table->n_columns - 1;
      else
        document->column = GPOINTER_TO_UINT (g_hash_table_lookup (keys, document->value)) - 1;
      table->columns[document->column].chars += document->chars;
    }
}

static void
build_code_columns (GlossTable *table)
{
  guint i;

  table->n_columns = table->n_rows;
  table->columns = g_new0 (GlossTableColumn, table->n_columns);
  for (i = 0; i < table->n_columns; i++)
    {
      table->columns[i].id = table->rows[i].code_id;
      table->columns[i].label = g_strdup (table->rows[i].path);
      table->columns[i].chars = table->scope_chars;
    }
}

/* ---- computing ---- */

static gboolean
tally_codings (GlossTable    *table,
               GArray        *items,
               GlossTally    *cells,
               GlossTally    *row_totals,
               GlossTally    *column_totals,
               GlossTally    *total,
               GCancellable  *cancellable,
               GError       **error)
{
  guint i, k;

  for (i = 0; i < items->len; i++)
    {
      GlossTableItem *item = &g_array_index (items, GlossTableItem, i);
      const GlossTableRow *row = &table->rows[item->row];
      guint column;

      if ((i & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (table->query.columns == GLOSS_TABLE_COLUMNS_CODER)
        column = _gloss_table_lookup (table->coder_columns, item->coder_id) - 1;
      else
        column = g_array_index (table->documents, GlossTableDocument, item->document).column;

      for (k = 0; k < row->n_targets; k++)
        {
          guint r = row->targets[k];

          _gloss_tally_add (&cells[(gsize) r * table->n_columns + column], item->document_id, item->start, item->end);
          _gloss_tally_add (&row_totals[r], item->document_id, item->start, item->end);
        }
      _gloss_tally_add (&column_totals[column], item->document_id, item->start, item->end);
      _gloss_tally_add (total, item->document_id, item->start, item->end);
    }

  return TRUE;
}

static void
store_values (GlossTable       *table,
              const GlossTally *cells,
              const GlossTally *row_totals,
              const GlossTally *column_totals,
              const GlossTally *total)
{
  GlossMeasure measure = table->query.measure;
  gboolean diagonal = table->query.columns == GLOSS_TABLE_COLUMNS_COOCCURRENCE;
  guint r, c;

  table->values = g_new (double, (gsize) table->n_rows * table->n_columns);
  table->row_totals = g_new (double, table->n_rows);
  table->column_totals = g_new (double, table->n_columns);
  table->max_value = 0.0;

  for (r = 0; r < table->n_rows; r++)
    for (c = 0; c < table->n_columns; c++)
      {
        gsize i = (gsize) r * table->n_columns + c;

        if (diagonal && r == c)
          table->values[i] = NAN;
        else
          table->values[i] = tally_value (measure, &cells[i], table->columns[c].chars);
        if (!isnan (table->values[i]))
          table->max_value = MAX (table->max_value, table->values[i]);
      }
  for (r = 0; r < table->n_rows; r++)
    table->row_totals[r] = tally_value (measure, &row_totals[r], table->scope_chars);
  for (c = 0; c < table->n_columns; c++)
    table->column_totals[c] = tally_value (measure, &column_totals[c], table->columns[c].chars);
  table->total = tally_value (measure, total, table->scope_chars);
}

/**
 * gloss_project_compute_table:
 * @cancellable: (nullable)
 *
 * Returns: (transfer full): the table, or NULL with @error set
 */
GlossTable *
gloss_project_compute_table (GlossProject           *self,
                             const GlossTableQuery  *query,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_autoptr(GlossTable) table = NULL;
  g_autoptr(GlossAttribute) attribute = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (GlossTableItem));
  g_autofree GlossTally *cells = NULL;
  g_autofree GlossTally *row_totals = NULL;
  g_autofree GlossTally *column_totals = NULL;
  GlossTally total = { 0, };
  gboolean ok;
  guint i;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->columns <= GLOSS_TABLE_COLUMNS_COOCCURRENCE, NULL);
  g_return_val_if_fail (query->measure <= GLOSS_MEASURE_COVERAGE, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  table = table_new (query);
  if (query->coder_ids != NULL)
    {
      table->coders = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (i = 0; i < table->query.coder_ids->len; i++)
        g_hash_table_add (table->coders, &g_array_index (table->query.coder_ids, gint64, i));
    }

  if (!read_snapshot (self, table, items, &attribute, cancellable, error))
    return NULL;

  switch (query->columns)
    {
    case GLOSS_TABLE_COLUMNS_DOCUMENT:
      build_document_columns (table);
      break;
    case GLOSS_TABLE_COLUMNS_ATTRIBUTE:
      build_attribute_columns (table, attribute);
      break;
    case GLOSS_TABLE_COLUMNS_COOCCURRENCE:
      build_code_columns (table);
      break;
    case GLOSS_TABLE_COLUMNS_CODER:
    default:
      /* read with the snapshot */
      break;
    }

  cells = g_new0 (GlossTally, (gsize) table->n_rows * table->n_columns);
  row_totals = g_new0 (GlossTally, table->n_rows);
  column_totals = g_new0 (GlossTally, table->n_columns);

  if (query->columns == GLOSS_TABLE_COLUMNS_COOCCURRENCE)
    ok = _gloss_table_tally_pairs (table, items, cells, row_totals, column_totals, &total, cancellable, error);
  else
    ok = tally_codings (table, items, cells, row_totals, column_totals, &total, cancellable, error);
  if (!ok)
    return NULL;

  store_values (table, cells, row_totals, column_totals, &total);

  return g_steal_pointer (&table);
}

/* ---- accessors ---- */

const GlossTableQuery *
gloss_table_get_query (GlossTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->query;
}

GlossMeasure
gloss_table_get_measure (GlossTable *self)
{
  g_return_val_if_fail (self != NULL, GLOSS_MEASURE_CODINGS);

  return self->query.measure;
}

guint
gloss_table_get_n_rows (GlossTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

gint64
gloss_table_get_row_code_id (GlossTable *self,
                             guint       row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_rows, 0);

  return self->rows[row].code_id;
}

const char *
gloss_table_get_row_path (GlossTable *self,
                          guint       row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  return self->rows[row].path;
}

guint
gloss_table_get_row_depth (GlossTable *self,
                           guint       row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_rows, 0);

  return self->rows[row].depth;
}

const char *
gloss_table_get_row_colour (GlossTable *self,
                            guint       row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  return self->rows[row].colour;
}

guint
gloss_table_get_n_columns (GlossTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

const char *
gloss_table_get_column_label (GlossTable *self,
                              guint       column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->columns[column].label;
}

gint64
gloss_table_get_column_id (GlossTable *self,
                           guint       column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  return self->columns[column].id;
}

double
gloss_table_get_value (GlossTable *self,
                       guint       row,
                       guint       column)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NAN);

  return self->values[(gsize) row * self->n_columns + column];
}

double
gloss_table_get_row_total (GlossTable *self,
                           guint       row)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (row < self->n_rows, NAN);

  return self->row_totals[row];
}

double
gloss_table_get_column_total (GlossTable *self,
                              guint       column)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (column < self->n_columns, NAN);

  return self->column_totals[column];
}

double
gloss_table_get_total (GlossTable *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->total;
}

double
gloss_table_get_max_value (GlossTable *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->max_value;
}
