/* gloss-export.c: the codebook, the coded segments and tables as sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gloss-codebook-private.h"
#include "gloss-error.h"
#include "gloss-export.h"
#include "gloss-project-private.h"

/* Takes the project's lock and opens a read transaction, so that every
 * query of an export sees the same state of the file.  *began: whether
 * a transaction was opened (not when the connection is already in one). */
static gboolean
begin_read (GlossProject  *self,
            gboolean      *began,
            GError       **error)
{
  int rc;

  LOCK (self);
  *began = FALSE;
  if (!sqlite3_get_autocommit (DB (self)))
    return TRUE;

  rc = sqlite3_exec (DB (self), "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_project_set_error (self, error, rc);
      UNLOCK (self);
      return FALSE;
    }
  *began = TRUE;

  return TRUE;
}

static void
end_read (GlossProject *self,
          gboolean      began)
{
  if (began)
    sqlite3_exec (DB (self), "COMMIT", NULL, NULL, NULL);
  UNLOCK (self);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static void
add_integer (GlossSheet *sheet,
             gint64      value)
{
  char shown[32];

  g_snprintf (shown, sizeof shown, "%" G_GINT64_FORMAT, value);
  gloss_sheet_add_number (sheet, (double) value, shown, FALSE);
}

/* ---- codebook ---- */

#define CODEBOOK_SQL \
  CODE_TREE \
  "SELECT c.guid, tree.path, c.name, ifnull (parent.path, ''), c.description, c.colour," \
  " ifnull (k.codings, 0), ifnull (k.documents, 0), ifnull (r.name, ''), c.created_at" \
  " FROM code c JOIN tree ON tree.id = c.id" \
  " LEFT JOIN tree parent ON parent.id = c.parent_id" \
  " LEFT JOIN coder r ON r.id = c.created_by" \
  " LEFT JOIN (SELECT code_id, count (*) AS codings, count (DISTINCT document_id) AS documents" \
  "            FROM coding GROUP BY code_id) k ON k.code_id = c.id" \
  " ORDER BY tree.sortkey"

GlossSheet *
gloss_project_export_codebook (GlossProject  *self,
                               GError       **error)
{
  static const char * const header[] = {
    "guid", "path", "name", "parent_path", "description", "colour",
    "codings", "documents", "created_by", "created_at",
  };
  g_autoptr(GlossSheet) sheet = NULL;
  sqlite3_stmt *stmt;
  gboolean began;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  sheet = gloss_sheet_new (_("Codebook"));
  gloss_sheet_set_header (sheet, header, G_N_ELEMENTS (header));

  if (!begin_read (self, &began, error))
    return NULL;

  stmt = gloss_project_prepare (self, CODEBOOK_SQL, error);
  if (stmt == NULL)
    {
      end_read (self, began);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int i;

      gloss_sheet_begin_row (sheet);
      for (i = 0; i < 6; i++)
        gloss_sheet_add_text (sheet, column_text (stmt, i));
      add_integer (sheet, sqlite3_column_int64 (stmt, 6));
      add_integer (sheet, sqlite3_column_int64 (stmt, 7));
      gloss_sheet_add_text (sheet, column_text (stmt, 8));
      gloss_sheet_add_text (sheet, column_text (stmt, 9));
    }
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);
  end_read (self, began);

  return rc == SQLITE_DONE ? g_steal_pointer (&sheet) : NULL;
}

/* ---- coded segments ---- */

/* The codings are read with the plain columns of their table, and joined
 * to their documents, codes, coders and pages and sorted here: SQLite
 * would sort rows that carry every quote, and look up every coding's page
 * with a query of its own. */

typedef struct
{
  gint64   id;
  char    *name;       /* a document's name, a code's path, a coder's name */
  char    *guid;       /* documents */
  guint    rank;       /* the place of the name in the export's order */
  gboolean admitted;   /* codes: whether the filter admits it */
  GArray  *pages;      /* documents: (element-type Page) by number */
  char   **values;     /* documents: one per attribute, NULL when none */
} Named;

typedef struct
{
  guint number;
  guint start;
} Page;

typedef struct
{
  Named      *document;
  Named      *code;
  Named      *coder;
  guint       start;
  guint       end;
  const char *quote;
  const char *memo;
  const char *created_at;
} Segment;

typedef struct
{
  GHashTable   *documents;    /* id → Named */
  GHashTable   *codes;
  GHashTable   *coders;
  GArray       *attributes;   /* (element-type AttributeColumn) */
  GArray       *segments;     /* (element-type Segment) */
  GStringChunk *strings;
} Segments;

typedef struct
{
  gint64   id;
  char    *name;
  gboolean number;
} AttributeColumn;

static void
attribute_column_clear (AttributeColumn *column)
{
  g_free (column->name);
}

static void
segments_clear (Segments *segments,
                guint     n_attributes)
{
  GHashTable *tables[] = { segments->documents, segments->codes, segments->coders };
  guint t, i;

  for (t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      GHashTableIter iter;
      gpointer value;

      if (tables[t] == NULL)
        continue;
      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Named *named = value;

          g_free (named->name);
          g_free (named->guid);
          if (named->pages != NULL)
            g_array_unref (named->pages);
          if (named->values != NULL)
            for (i = 0; i < n_attributes; i++)
              g_free (named->values[i]);
          g_free (named->values);
          g_free (named);
        }
      g_hash_table_unref (tables[t]);
    }
  g_clear_pointer (&segments->attributes, g_array_unref);
  g_clear_pointer (&segments->segments, g_array_unref);
  g_clear_pointer (&segments->strings, g_string_chunk_free);
}

/* SQLite's NOCASE: ASCII letters folded, then bytes compared. */
static int
compare_nocase (const char *a,
                const char *b)
{
  const guchar *p = (const guchar *) a, *q = (const guchar *) b;

  while (*p != '\0' && g_ascii_tolower (*p) == g_ascii_tolower (*q))
    {
      p++;
      q++;
    }

  return (int) g_ascii_tolower (*p) - (int) g_ascii_tolower (*q);
}

static int
compare_named_nocase (gconstpointer a,
                      gconstpointer b)
{
  const Named *x = *(Named * const *) a, *y = *(Named * const *) b;
  int order = compare_nocase (x->name, y->name);

  if (order != 0)
    return order;
  return x->id < y->id ? -1 : x->id > y->id;
}

static int
compare_named (gconstpointer a,
               gconstpointer b)
{
  const Named *x = *(Named * const *) a, *y = *(Named * const *) b;
  int order = strcmp (x->name, y->name);

  if (order != 0)
    return order;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Reads id, name (and guid) rows into a table, and ranks them. */
static GHashTable *
load_named (GlossProject  *self,
            const char    *sql,
            gboolean       with_guid,
            GCompareFunc   compare,
            GError       **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  guint i;
  int rc;

  stmt = gloss_project_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Named *named = g_new0 (Named, 1);

      named->id = sqlite3_column_int64 (stmt, 0);
      named->name = g_strdup (column_text (stmt, 1));
      if (with_guid)
        named->guid = g_strdup (column_text (stmt, 2));
      named->admitted = TRUE;
      g_hash_table_insert (table, &named->id, named);
      g_ptr_array_add (order, named);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      for (i = 0; i < order->len; i++)
        {
          Named *named = g_ptr_array_index (order, i);

          g_free (named->name);
          g_free (named->guid);
          g_free (named);
        }
      gloss_project_set_error (self, error, rc);
      return NULL;
    }

  g_ptr_array_sort (order, compare);
  for (i = 0; i < order->len; i++)
    ((Named *) g_ptr_array_index (order, i))->rank = i;

  return g_steal_pointer (&table);
}

static gboolean
step_error (GlossProject  *self,
            int            rc,
            GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  gloss_project_set_error (self, error, rc);
  return FALSE;
}

/* The attributes by position, and every document's values. */
static gboolean
load_attributes (GlossProject  *self,
                 Segments      *segments,
                 GError       **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *columns = segments->attributes;
  sqlite3_stmt *stmt;
  int rc;

  stmt = gloss_project_prepare (self, "SELECT id, name, type FROM attribute ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttributeColumn column;

      column.id = sqlite3_column_int64 (stmt, 0);
      column.name = g_strdup (column_text (stmt, 1));
      column.number = strcmp (column_text (stmt, 2), "number") == 0;
      g_array_append_val (columns, column);
      g_hash_table_insert (index, g_memdup2 (&column.id, sizeof column.id),
                           GUINT_TO_POINTER (columns->len));
    }
  sqlite3_finalize (stmt);
  if (!step_error (self, rc, error))
    return FALSE;
  if (columns->len == 0)
    return TRUE;

  stmt = gloss_project_prepare (self, "SELECT document_id, attribute_id, value FROM document_attribute", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 document_id = sqlite3_column_int64 (stmt, 0);
      gint64 attribute_id = sqlite3_column_int64 (stmt, 1);
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (index, &attribute_id));
      Named *document = g_hash_table_lookup (segments->documents, &document_id);

      if (column == 0 || document == NULL)
        continue;
      if (document->values == NULL)
        document->values = g_new0 (char *, columns->len);
      g_free (document->values[column - 1]);
      document->values[column - 1] = g_strdup (column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);

  return step_error (self, rc, error);
}

static gboolean
load_pages (GlossProject  *self,
            Segments      *segments,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = gloss_project_prepare (self, "SELECT document_id, number, start FROM page ORDER BY document_id, number",
                                error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 document_id = sqlite3_column_int64 (stmt, 0);
      Named *document = g_hash_table_lookup (segments->documents, &document_id);
      Page page;

      if (document == NULL)
        continue;
      page.number = sqlite3_column_int (stmt, 1);
      page.start = sqlite3_column_int (stmt, 2);
      if (document->pages == NULL)
        document->pages = g_array_new (FALSE, FALSE, sizeof (Page));
      g_array_append_val (document->pages, page);
    }
  sqlite3_finalize (stmt);

  return step_error (self, rc, error);
}

/* The page (from 1) where a coding starts: the last page starting at or
 * before it. */
static guint
page_of (const Named *document,
         guint        start)
{
  guint low = 0, high, found = 0;

  if (document->pages == NULL)
    return 1;

  high = document->pages->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const Page *page = &g_array_index (document->pages, Page, middle);

      if (page->start <= start)
        {
          found = page->number;
          low = middle + 1;
        }
      else
        high = middle;
    }

  return found + 1;
}

/* With sub-codes: the code and the codes below it, by path. */
static void
admit_codes (GHashTable *codes,
             gint64      code_id)
{
  Named *top = g_hash_table_lookup (codes, &code_id);
  g_autofree char *prefix = NULL;
  GHashTableIter iter;
  gpointer value;

  prefix = g_strconcat (top != NULL ? top->name : "", "/", NULL);
  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Named *code = value;

      code->admitted = code == top || (top != NULL && g_str_has_prefix (code->name, prefix));
    }
}

static gboolean
load_codings (GlossProject             *self,
              Segments                 *segments,
              const GlossCodingFilter  *filter,
              GError                  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = gloss_project_prepare (self,
                                "SELECT document_id, code_id, coder_id, start, \"end\", quote, memo, created_at"
                                " FROM coding WHERE (?1 = 0 OR document_id = ?1) AND (?3 = 0 OR coder_id = ?3)"
                                " AND (?2 = 0 OR ?4 OR code_id = ?2)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, filter->document_id);
  sqlite3_bind_int64 (stmt, 2, filter->code_id);
  sqlite3_bind_int64 (stmt, 3, filter->coder_id);
  sqlite3_bind_int (stmt, 4, filter->with_subcodes ? 1 : 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 document_id = sqlite3_column_int64 (stmt, 0);
      gint64 code_id = sqlite3_column_int64 (stmt, 1);
      gint64 coder_id = sqlite3_column_int64 (stmt, 2);
      Segment segment;

      segment.document = g_hash_table_lookup (segments->documents, &document_id);
      segment.code = g_hash_table_lookup (segments->codes, &code_id);
      segment.coder = g_hash_table_lookup (segments->coders, &coder_id);
      if (segment.document == NULL || segment.code == NULL || segment.coder == NULL ||
          !segment.code->admitted)
        continue;
      segment.start = sqlite3_column_int (stmt, 3);
      segment.end = sqlite3_column_int (stmt, 4);
      segment.quote = g_string_chunk_insert (segments->strings, column_text (stmt, 5));
      segment.memo = g_string_chunk_insert_const (segments->strings, column_text (stmt, 6));
      segment.created_at = g_string_chunk_insert (segments->strings, column_text (stmt, 7));
      g_array_append_val (segments->segments, segment);
    }
  sqlite3_finalize (stmt);

  return step_error (self, rc, error);
}

/* By document (name ignoring case), start, end, code path and coder, as
 * gloss_project_list_codings() lists them. */
static int
compare_segments (gconstpointer a,
                  gconstpointer b)
{
  const Segment *x = a, *y = b;

  if (x->document->rank != y->document->rank)
    return x->document->rank < y->document->rank ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->code->rank != y->code->rank)
    return x->code->rank < y->code->rank ? -1 : 1;
  if (x->coder->rank != y->coder->rank)
    return x->coder->rank < y->coder->rank ? -1 : 1;

  return 0;
}

static void
add_segment_row (GlossSheet    *sheet,
                 const Segment *segment,
                 GArray        *attributes)
{
  char **values = segment->document->values;
  guint i;

  gloss_sheet_begin_row (sheet);
  gloss_sheet_add_text (sheet, segment->document->name);
  gloss_sheet_add_text (sheet, segment->document->guid);
  add_integer (sheet, page_of (segment->document, segment->start));
  add_integer (sheet, segment->start);
  add_integer (sheet, segment->end);
  gloss_sheet_add_text (sheet, segment->code->name);
  gloss_sheet_add_text (sheet, segment->coder->name);
  gloss_sheet_add_text (sheet, segment->quote);
  gloss_sheet_add_text (sheet, segment->memo);
  gloss_sheet_add_text (sheet, segment->created_at);

  for (i = 0; i < attributes->len; i++)
    {
      const char *value = values != NULL ? values[i] : NULL;
      char *end = NULL;
      double number;

      /* A number attribute's values are numbers in a workbook. */
      if (value != NULL && g_array_index (attributes, AttributeColumn, i).number)
        {
          number = g_ascii_strtod (value, &end);
          if (end != value && *end == '\0' && isfinite (number))
            {
              gloss_sheet_add_number (sheet, number, value, FALSE);
              continue;
            }
        }
      gloss_sheet_add_text (sheet, value);
    }
}

/**
 * gloss_project_export_segments:
 * @filter: (nullable): which codings; %NULL for all
 */
GlossSheet *
gloss_project_export_segments (GlossProject             *self,
                               const GlossCodingFilter  *filter,
                               GError                  **error)
{
  static const char * const header[] = {
    "document", "document_guid", "page", "start", "end", "code_path",
    "coder", "quote", "memo", "created_at",
  };
  g_autoptr(GlossSheet) sheet = NULL;
  GlossCodingFilter all = { 0, };
  Segments segments = { NULL, };
  gboolean began, ok;
  guint i;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  if (filter == NULL)
    filter = &all;

  segments.attributes = g_array_new (FALSE, TRUE, sizeof (AttributeColumn));
  g_array_set_clear_func (segments.attributes, (GDestroyNotify) attribute_column_clear);
  segments.segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  segments.strings = g_string_chunk_new (1024 * 1024);

  if (!begin_read (self, &began, error))
    {
      segments_clear (&segments, 0);
      return NULL;
    }

  ok = (segments.documents = load_named (self, "SELECT id, name, guid FROM document", TRUE,
                                         compare_named_nocase, error)) != NULL &&
       (segments.codes = load_named (self, CODE_TREE "SELECT id, path FROM tree", FALSE,
                                     compare_named, error)) != NULL &&
       (segments.coders = load_named (self, "SELECT id, name FROM coder", FALSE,
                                      compare_named, error)) != NULL &&
       load_attributes (self, &segments, error) &&
       load_pages (self, &segments, error);
  if (ok && filter->code_id != 0 && filter->with_subcodes)
    admit_codes (segments.codes, filter->code_id);
  ok = ok && load_codings (self, &segments, filter, error);
  end_read (self, began);

  if (ok)
    {
      g_array_sort (segments.segments, compare_segments);

      sheet = gloss_sheet_new (_("Coded segments"));
      gloss_sheet_set_header (sheet, header, G_N_ELEMENTS (header));
      for (i = 0; i < segments.attributes->len; i++)
        gloss_sheet_add_header (sheet, g_array_index (segments.attributes, AttributeColumn, i).name);
      for (i = 0; i < segments.segments->len; i++)
        add_segment_row (sheet, &g_array_index (segments.segments, Segment, i), segments.attributes);
    }

  segments_clear (&segments, segments.attributes->len);

  return ok ? g_steal_pointer (&sheet) : NULL;
}

/* ---- tables ---- */

static void
add_measure (GlossSheet   *sheet,
             GlossMeasure  measure,
             double        value)
{
  g_autofree char *shown = NULL;

  if (isnan (value))
    {
      gloss_sheet_add_text (sheet, NULL);
      return;
    }

  shown = gloss_measure_format (measure, value);
  gloss_sheet_add_number (sheet, value, shown, measure == GLOSS_MEASURE_COVERAGE);
}

/**
 * gloss_table_to_sheet:
 * @name: the worksheet's name
 */
GlossSheet *
gloss_table_to_sheet (GlossTable *table,
                      const char *name)
{
  GlossSheet *sheet;
  GlossMeasure measure;
  guint n_rows, n_columns, row, column;

  g_return_val_if_fail (table != NULL, NULL);

  sheet = gloss_sheet_new (name);
  measure = gloss_table_get_measure (table);
  n_rows = gloss_table_get_n_rows (table);
  n_columns = gloss_table_get_n_columns (table);

  gloss_sheet_add_header (sheet, "code");
  for (column = 0; column < n_columns; column++)
    {
      const char *label = gloss_table_get_column_label (table, column);

      gloss_sheet_add_header (sheet, label != NULL ? label : _("(no value)"));
    }
  gloss_sheet_add_header (sheet, "total");

  for (row = 0; row < n_rows; row++)
    {
      gloss_sheet_begin_row (sheet);
      gloss_sheet_add_text (sheet, gloss_table_get_row_path (table, row));
      for (column = 0; column < n_columns; column++)
        add_measure (sheet, measure, gloss_table_get_value (table, row, column));
      add_measure (sheet, measure, gloss_table_get_row_total (table, row));
    }

  gloss_sheet_begin_row (sheet);
  gloss_sheet_add_text (sheet, "total");
  for (column = 0; column < n_columns; column++)
    add_measure (sheet, measure, gloss_table_get_column_total (table, column));
  add_measure (sheet, measure, gloss_table_get_total (table));

  return sheet;
}
