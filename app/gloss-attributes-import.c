/* gloss-attributes-import.c: importing the attributes of documents from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-attributes.h"
#include "gloss-attributes-private.h"
#include "gloss-csv.h"
#include "gloss-error.h"
#include "gloss-project-private.h"

/* An import names at most this many problems; the rest are counted. */
#define MAX_PROBLEMS 20

static void
unmatched_row_free (GlossUnmatchedRow *row)
{
  g_free (row->document);
  g_free (row);
}

typedef struct
{
  char               *name;
  gboolean            typed;
  GlossAttributeType  type;
  GlossAttribute     *attribute;
  gboolean            created;
} Column;

static void
column_clear (Column *column)
{
  g_free (column->name);
  gloss_attribute_free (column->attribute);
}

typedef struct
{
  GString *text;
  guint    n;
} Problems;

G_GNUC_PRINTF (2, 3)
static void
add_problem (Problems   *problems,
             const char *format,
             ...)
{
  va_list args;

  problems->n++;
  if (problems->n > MAX_PROBLEMS)
    return;

  if (problems->text->len > 0)
    g_string_append_c (problems->text, '\n');
  va_start (args, format);
  g_string_append_vprintf (problems->text, format, args);
  va_end (args);
}

static gboolean
record_is_blank (const GlossCsvRecord *record)
{
  guint i;

  for (i = 0; i < record->n_fields; i++)
    {
      const char *p;

      for (p = record->fields[i]; *p; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }

  return TRUE;
}

/* "Name" or "Name:type" (a known type after the last colon). */
static void
parse_header_cell (const char *cell,
                   Column     *column)
{
  g_autofree char *stripped = g_strstrip (g_strdup (cell));
  char *colon = strrchr (stripped, ':');

  if (colon != NULL)
    {
      g_autofree char *type_name = g_strstrip (g_strdup (colon + 1));

      if (gloss_attribute_type_from_string (type_name, &column->type))
        {
          column->typed = TRUE;
          *colon = '\0';
          g_strstrip (stripped);
        }
    }

  column->name = g_steal_pointer (&stripped);
}

/* The type of a new column without one: number or date when every value
 * is one, or else text. */
static GlossAttributeType
infer_type (GPtrArray *records,
            guint      first,
            guint      column,
            guint      n_fields)
{
  gboolean numbers = TRUE, dates = TRUE, any = FALSE;
  guint i;

  for (i = first; i < records->len && (numbers || dates); i++)
    {
      const GlossCsvRecord *record = g_ptr_array_index (records, i);
      g_autofree char *value = NULL;
      g_autofree char *number = NULL;
      g_autofree char *date = NULL;

      if (record->n_fields != n_fields)
        continue;
      value = g_strstrip (g_strdup (record->fields[column]));
      if (*value == '\0')
        continue;
      any = TRUE;
      number = _gloss_attributes_normalize_number (value);
      date = _gloss_attributes_normalize_date (value);
      numbers = numbers && number != NULL;
      dates = dates && date != NULL;
    }

  if (any && numbers)
    return GLOSS_ATTRIBUTE_NUMBER;
  if (any && dates)
    return GLOSS_ATTRIBUTE_DATE;
  return GLOSS_ATTRIBUTE_TEXT;
}

static char **
column_values (GPtrArray *records,
               guint      first,
               guint      column,
               guint      n_fields)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  guint i;

  for (i = first; i < records->len; i++)
    {
      const GlossCsvRecord *record = g_ptr_array_index (records, i);

      if (record->n_fields == n_fields)
        g_ptr_array_add (values, record->fields[column]);
    }
  g_ptr_array_add (values, NULL);

  return _gloss_attributes_clean_choices ((const char * const *) values->pdata);
}

/* The document a first cell names: a GUID, a name, or a file name whose
 * .pdf, .txt or .text the import dropped. */
static gint64
match_document (sqlite3_stmt *stmt,
                const char   *cell)
{
  g_autofree char *stripped = g_strstrip (g_strdup (cell));
  g_autofree char *base = g_strdup (stripped);
  char *dot = strrchr (base, '.');
  gint64 id = 0;

  if (dot != NULL && dot != base &&
      (g_ascii_strcasecmp (dot, ".pdf") == 0 || g_ascii_strcasecmp (dot, ".txt") == 0 ||
       g_ascii_strcasecmp (dot, ".text") == 0))
    *dot = '\0';

  if (*stripped == '\0')
    return 0;

  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, base, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return id;
}

static gboolean
read_header (const GlossCsvRecord  *header,
             GArray                *columns,
             GError               **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  if (header->n_fields < 2)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("Line %u: the first row must name the document column and at least one attribute"),
                   header->line);
      return FALSE;
    }

  for (i = 1; i < header->n_fields; i++)
    {
      Column column = { 0, };
      g_autoptr(GError) name_error = NULL;
      g_autofree char *cleaned = NULL;

      parse_header_cell (header->fields[i], &column);
      cleaned = _gloss_attributes_clean_name (column.name, &name_error);
      if (cleaned == NULL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("Line %u, column %u: %s"), header->line, i + 1, name_error->message);
          column_clear (&column);
          return FALSE;
        }
      g_free (column.name);
      column.name = g_steal_pointer (&cleaned);
      g_array_append_val (columns, column);

      if (!g_hash_table_add (seen, g_ascii_strdown (column.name, -1)))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("Line %u: the attribute “%s” has two columns"), header->line, column.name);
          return FALSE;
        }
    }

  return TRUE;
}

/* Inside the import's transaction: finds or makes each column's attribute. */
static gboolean
prepare_columns (GlossProject          *self,
                 GArray                *columns,
                 GPtrArray             *records,
                 guint                  first,
                 guint                  header_line,
                 guint                  n_fields,
                 GlossAttributeImport  *result,
                 Problems              *problems,
                 GError               **error)
{
  guint i;

  for (i = 0; i < columns->len; i++)
    {
      Column *column = &g_array_index (columns, Column, i);
      g_autoptr(GError) local_error = NULL;
      GlossAttributeType type;
      g_auto(GStrv) choices = NULL;
      gint64 id;

      column->attribute = _gloss_attributes_find_attribute_by_name (self, column->name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (column->attribute != NULL)
        {
          if (column->typed && column->type != column->attribute->type)
            add_problem (problems, _("Line %u: “%s” is already an attribute of type %s, not %s"),
                         header_line, column->attribute->name,
                         gloss_attribute_type_to_string (column->attribute->type),
                         gloss_attribute_type_to_string (column->type));
          continue;
        }

      type = column->typed ? column->type : infer_type (records, first, i + 1, n_fields);
      if (type == GLOSS_ATTRIBUTE_CHOICE)
        choices = column_values (records, first, i + 1, n_fields);
      id = _gloss_attributes_insert_attribute (self, column->name, type, (const char * const *) choices, error);
      if (id == 0)
        return FALSE;
      column->attribute = gloss_project_get_attribute (self, id, error);
      if (column->attribute == NULL)
        return FALSE;
      column->created = TRUE;
      g_ptr_array_add (result->created, g_strdup (column->name));
    }

  return TRUE;
}

static gboolean
import_rows (GlossProject          *self,
             GArray                *columns,
             GPtrArray             *records,
             guint                  first,
             guint                  n_fields,
             GlossAttributeImport  *result,
             Problems              *problems,
             GError               **error)
{
  sqlite3_stmt *find = NULL, *upsert = NULL, *clear = NULL;
  gboolean ok = FALSE;
  guint i, j;

  find = gloss_project_prepare (self,
                                    "SELECT id FROM document WHERE guid = lower (?1) OR name = ?1 OR name = ?2"
                                    " ORDER BY guid = lower (?1) DESC, name = ?1 DESC, id LIMIT 1",
                                    error);
  if (find == NULL)
    goto out;
  upsert = gloss_project_prepare (self, GLOSS_ATTRIBUTES_UPSERT_SQL, error);
  if (upsert == NULL)
    goto out;
  clear = gloss_project_prepare (self, GLOSS_ATTRIBUTES_CLEAR_SQL, error);
  if (clear == NULL)
    goto out;

  for (i = first; i < records->len; i++)
    {
      const GlossCsvRecord *record = g_ptr_array_index (records, i);
      gint64 document_id;

      if (record_is_blank (record))
        continue;
      result->n_rows++;

      if (record->n_fields != n_fields)
        {
          add_problem (problems,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Line %u has %u field; the first row has %u",
                                    "Line %u has %u fields; the first row has %u",
                                    record->n_fields),
                       record->line, record->n_fields, n_fields);
          continue;
        }

      document_id = match_document (find, record->fields[0]);
      if (document_id == 0)
        {
          GlossUnmatchedRow *row = g_new0 (GlossUnmatchedRow, 1);

          row->line = record->line;
          row->document = g_strstrip (g_strdup (record->fields[0]));
          g_ptr_array_add (result->unmatched, row);
          continue;
        }
      result->n_matched++;

      for (j = 0; j < columns->len; j++)
        {
          Column *column = &g_array_index (columns, Column, j);
          g_autoptr(GError) value_error = NULL;
          g_autofree char *normal = NULL;

          normal = _gloss_attributes_normalize_value (column->attribute, record->fields[j + 1], NULL, &value_error);
          if (normal == NULL)
            {
              add_problem (problems, _("Line %u, “%s”: %s"),
                           record->line, column->attribute->name, value_error->message);
              continue;
            }
          if (problems->n > 0)
            continue;
          if (!_gloss_attributes_store_value (self, upsert, clear, document_id, column->attribute->id,
                                              normal, &result->n_changed, error))
            goto out;
        }
    }
  ok = TRUE;

out:
  sqlite3_finalize (find);
  sqlite3_finalize (upsert);
  sqlite3_finalize (clear);

  return ok;
}

/**
 * gloss_project_import_attributes:
 * @data: the bytes of a CSV file
 * @result: (out) (optional): what was done
 */
gboolean
gloss_project_import_attributes (GlossProject          *self,
                                 const char            *data,
                                 gsize                  length,
                                 GlossAttributeImport **result,
                                 GError               **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GlossAttributeImport) import = NULL;
  Problems problems = { NULL, 0 };
  const GlossCsvRecord *header = NULL;
  guint first;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  records = gloss_csv_parse (data, length, error);
  if (records == NULL)
    return FALSE;

  for (first = 0; first < records->len; first++)
    {
      header = g_ptr_array_index (records, first);
      if (!record_is_blank (header))
        break;
    }
  if (first == records->len)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("The CSV file has no rows"));
      return FALSE;
    }
  first++;

  columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (columns, (GDestroyNotify) column_clear);
  if (!read_header (header, columns, error))
    return FALSE;

  import = g_new0 (GlossAttributeImport, 1);
  import->created = g_ptr_array_new_with_free_func (g_free);
  import->unmatched = g_ptr_array_new_with_free_func ((GDestroyNotify) unmatched_row_free);

  if (!_gloss_attributes_begin_action (self, _("Import Attributes"), error))
    return FALSE;

  problems.text = g_string_new (NULL);
  ok = prepare_columns (self, columns, records, first, header->line, header->n_fields,
                        import, &problems, error) &&
       import_rows (self, columns, records, first, header->n_fields, import, &problems, error);
  if (ok && problems.n > 0)
    {
      if (problems.n > MAX_PROBLEMS)
        {
          g_string_append_c (problems.text, '\n');
          g_string_append_printf (problems.text,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "… and %u more problem",
                                               "… and %u more problems",
                                               problems.n - MAX_PROBLEMS),
                                  problems.n - MAX_PROBLEMS);
        }
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, problems.text->str);
      ok = FALSE;
    }
  g_string_free (problems.text, TRUE);

  if (!_gloss_attributes_end_action (self, ok, error))
    return FALSE;

  if (result != NULL)
    *result = g_steal_pointer (&import);

  return TRUE;
}
