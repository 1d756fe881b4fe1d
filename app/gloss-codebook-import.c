/* gloss-codebook-import.c: merging a codebook CSV into a project's codebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-codebook.h"
#include "gloss-codebook-private.h"
#include "gloss-csv.h"
#include "gloss-error.h"
#include "gloss-export.h"
#include "gloss-project-private.h"

/* The columns the import reads; -1 when the file has none. */
typedef struct
{
  int path;
  int guid;
  int name;
  int parent_path;
  int description;
  int colour;
} Columns;

/* A data row, checked. */
typedef struct
{
  guint   line;
  char   *path;          /* the names, stripped, joined by "/" */
  char  **names;
  char   *guid;          /* lower case; NULL when not given */
  char   *description;   /* NULL when blank */
  char   *colour;        /* lower case; NULL when blank */
} Row;

static void
row_free (Row *row)
{
  g_free (row->path);
  g_strfreev (row->names);
  g_free (row->guid);
  g_free (row->description);
  g_free (row->colour);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Row, row_free)

/* A refused row; problems are reported by line. */
typedef struct
{
  guint  line;
  guint  order;
  char  *message;
} Problem;

static void
problem_clear (Problem *problem)
{
  g_free (problem->message);
}

G_GNUC_PRINTF (3, 4)
static void
add_problem (GArray     *problems,
             guint       line,
             const char *format,
             ...)
{
  Problem problem;
  va_list args;

  problem.line = line;
  problem.order = problems->len;
  va_start (args, format);
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (problems, problem);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a, *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

/* Every problem, by line, one a line. */
static char *
join_problems (GArray *problems)
{
  GString *text = g_string_new (NULL);
  guint i;

  g_array_sort (problems, compare_problems);
  for (i = 0; i < problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_array_index (problems, Problem, i).message);
    }

  return g_string_free (text, FALSE);
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

/* A cell, stripped; NULL for a missing column or a blank cell. */
static char *
cell (const GlossCsvRecord *record,
      int                   column)
{
  char *text;

  if (column < 0 || (guint) column >= record->n_fields)
    return NULL;
  text = g_strstrip (g_strdup (record->fields[column]));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static gboolean
is_colour (const char *text)
{
  guint i;

  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

/* The names of a path, each stripped; NULL when one is empty. */
static char **
split_path (const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  guint i;

  for (i = 0; names[i] != NULL; i++)
    if (*g_strstrip (names[i]) == '\0')
      return NULL;

  return i > 0 ? g_steal_pointer (&names) : NULL;
}

static gboolean
read_header (const GlossCsvRecord  *header,
             Columns               *columns,
             GError               **error)
{
  struct { const char *name; int *index; } known[] = {
    { "path", &columns->path },
    { "guid", &columns->guid },
    { "name", &columns->name },
    { "parent_path", &columns->parent_path },
    { "description", &columns->description },
    { "colour", &columns->colour },
  };
  guint i, k;

  for (k = 0; k < G_N_ELEMENTS (known); k++)
    *known[k].index = -1;

  for (i = 0; i < header->n_fields; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header->fields[i]));

      for (k = 0; k < G_N_ELEMENTS (known); k++)
        if (g_ascii_strcasecmp (name, known[k].name) == 0)
          {
            if (*known[k].index >= 0)
              {
                g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                             _("Line %u: the column “%s” appears twice"), header->line, known[k].name);
                return FALSE;
              }
            *known[k].index = i;
          }
    }

  if (columns->path < 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("Line %u: the first row must name a “path” column"), header->line);
      return FALSE;
    }

  return TRUE;
}

/* Checks a record on its own and against the rows before it; NULL (and
 * the problems added) when it is refused. */
static Row *
read_row (const GlossCsvRecord *record,
          const Columns        *columns,
          guint                 n_fields,
          GHashTable           *paths,
          GHashTable           *guids,
          GArray               *problems)
{
  g_autoptr(Row) row = g_new0 (Row, 1);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *parent_path = NULL;
  guint before = problems->len;
  guint line = record->line;

  row->line = line;

  if (record->n_fields != n_fields)
    {
      add_problem (problems, line,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Line %u has %u field; the first row has %u",
                                "Line %u has %u fields; the first row has %u",
                                record->n_fields),
                   line, record->n_fields, n_fields);
      return NULL;
    }

  path = cell (record, columns->path);
  if (path == NULL)
    {
      add_problem (problems, line, _("Line %u: the path is empty"), line);
      return NULL;
    }
  row->names = split_path (path);
  if (row->names == NULL)
    {
      add_problem (problems, line, _("Line %u: “%s” is not a code path (a name between “/” is empty)"),
                   line, path);
      return NULL;
    }
  row->path = g_strjoinv ("/", row->names);

  row->guid = cell (record, columns->guid);
  if (row->guid != NULL)
    {
      char *lower = g_ascii_strdown (row->guid, -1);

      g_free (row->guid);
      row->guid = lower;
      if (!g_uuid_string_is_valid (row->guid))
        add_problem (problems, line, _("Line %u: “%s” is not a GUID"), line, row->guid);
      else
        {
          gpointer other = g_hash_table_lookup (guids, row->guid);

          if (other != NULL)
            add_problem (problems, line, _("Line %u: the GUID %s is already on line %u"),
                         line, row->guid, GPOINTER_TO_UINT (other));
          else
            g_hash_table_insert (guids, g_strdup (row->guid), GUINT_TO_POINTER (line));
        }
    }

  row->colour = cell (record, columns->colour);
  if (row->colour != NULL)
    {
      char *lower = g_ascii_strdown (row->colour, -1);

      if (!is_colour (lower))
        add_problem (problems, line, _("Line %u: “%s” is not a colour of the form #RRGGBB"),
                     line, row->colour);
      g_free (row->colour);
      row->colour = lower;
    }

  /* The description is kept as written, spaces and all. */
  if (columns->description >= 0 && (guint) columns->description < record->n_fields)
    {
      const char *description = record->fields[columns->description];
      g_autofree char *stripped = g_strstrip (g_strdup (description));

      if (*stripped != '\0')
        row->description = g_strdup (description);
    }

  /* name and parent_path, when given, must say what path says. */
  name = cell (record, columns->name);
  if (name != NULL)
    {
      guint n = g_strv_length (row->names);

      if (strcmp (name, row->names[n - 1]) != 0)
        add_problem (problems, line, _("Line %u: the name “%s” is not the last part of the path “%s”"),
                     line, name, row->path);
    }
  parent_path = cell (record, columns->parent_path);
  if (parent_path != NULL)
    {
      g_auto(GStrv) parent_names = split_path (parent_path);
      g_autofree char *expected = NULL;
      g_autofree char *given = NULL;
      guint n = g_strv_length (row->names);

      expected = n > 1 ? g_strndup (row->path, strlen (row->path) - strlen (row->names[n - 1]) - 1)
                       : g_strdup ("");
      given = parent_names != NULL ? g_strjoinv ("/", parent_names) : g_strdup (parent_path);
      if (strcmp (given, expected) != 0)
        add_problem (problems, line, _("Line %u: the parent path “%s” does not match the path “%s”"),
                     line, parent_path, row->path);
    }

  {
    gpointer other = g_hash_table_lookup (paths, row->path);

    if (other != NULL)
      add_problem (problems, line, _("Line %u: the path “%s” is already on line %u"),
                   line, row->path, ((Row *) other)->line);
  }

  if (problems->len != before)
    return NULL;

  return g_steal_pointer (&row);
}

/* The code at a path, or 0; with its GUID, description and colour. */
typedef struct
{
  gint64  id;
  char   *guid;
  char   *description;
  char   *colour;
} Existing;

static void
existing_free (Existing *existing)
{
  g_free (existing->guid);
  g_free (existing->description);
  g_free (existing->colour);
  g_free (existing);
}

/* Every code by path. */
static GHashTable *
load_codes (GlossProject  *self,
            GError       **error)
{
  g_autoptr(GHashTable) codes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = gloss_project_prepare (self,
                                CODE_TREE
                                "SELECT c.id, tree.path, c.guid, c.description, c.colour"
                                " FROM code c JOIN tree ON tree.id = c.id",
                                error);
  if (stmt == NULL)
    return NULL;

  codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) existing_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Existing *existing = g_new0 (Existing, 1);

      existing->id = sqlite3_column_int64 (stmt, 0);
      existing->guid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      existing->description = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      existing->colour = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_hash_table_insert (codes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)), existing);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      gloss_project_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&codes);
}

/* Inside the action: the rows whose GUID another code has.  (A row whose
 * path is a code with another GUID merges into that code by path, and
 * its GUID is not used.) */
static void
check_guids (GHashTable *codes,
             GPtrArray  *rows,
             GArray     *problems)
{
  g_autoptr(GHashTable) by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  guint i;

  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (by_guid, ((Existing *) value)->guid, key);

  for (i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      const char *owner;

      if (row->guid == NULL)
        continue;
      owner = g_hash_table_lookup (by_guid, row->guid);
      if (owner != NULL && strcmp (owner, row->path) != 0)
        add_problem (problems, row->line, _("Line %u: the GUID %s belongs to another code, “%s”"),
                     row->line, row->guid, owner);
    }
}

static gboolean
update_code (GlossProject  *self,
             gint64         id,
             const char    *description,
             const char    *colour,
             GError       **error)
{
  g_autofree char *now = gloss_now_iso8601 ();
  sqlite3_stmt *stmt;

  stmt = gloss_project_prepare (self,
                                "UPDATE code SET description = ifnull (?1, description),"
                                " colour = ifnull (?2, colour), changed_at = ?3 WHERE id = ?4",
                                error);
  if (stmt == NULL)
    return FALSE;
  if (description != NULL)
    sqlite3_bind_text (stmt, 1, description, -1, SQLITE_TRANSIENT);
  if (colour != NULL)
    sqlite3_bind_text (stmt, 2, colour, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, id);

  return _gloss_codebook_run (self, stmt, error);
}

/* Makes the codes of the rows, parents first, and updates the others. */
static gboolean
apply_rows (GlossProject         *self,
            GHashTable           *codes,
            GPtrArray            *rows,
            GHashTable           *row_by_path,
            GlossCodebookImport  *result,
            GError              **error)
{
  /* The paths this import made, with their ids. */
  g_autoptr(GHashTable) made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint i, k;

  for (i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autoptr(GString) prefix = g_string_new (NULL);
      gint64 parent = 0;
      Existing *existing;

      for (k = 0; row->names[k] != NULL; k++)
        {
          gint64 *made_id;

          if (k > 0)
            g_string_append_c (prefix, '/');
          g_string_append (prefix, row->names[k]);

          existing = g_hash_table_lookup (codes, prefix->str);
          if (existing != NULL)
            parent = existing->id;
          else if ((made_id = g_hash_table_lookup (made, prefix->str)) != NULL)
            parent = *made_id;
          else
            {
              /* A parent with a row of its own takes that row's GUID,
               * description and colour. */
              Row *own = g_hash_table_lookup (row_by_path, prefix->str);
              gint64 new_id;

              new_id = _gloss_codebook_insert_code (self, parent, row->names[k],
                                                    own ? own->guid : NULL,
                                                    own ? own->colour : NULL,
                                                    own ? own->description : NULL,
                                                    error);
              if (new_id == 0)
                return FALSE;
              result->n_added++;
              g_hash_table_insert (made, g_strdup (prefix->str), g_memdup2 (&new_id, sizeof new_id));
              parent = new_id;
            }
        }

      existing = g_hash_table_lookup (codes, row->path);
      if (existing == NULL)
        continue;

      if ((row->description != NULL && strcmp (row->description, existing->description) != 0) ||
          (row->colour != NULL && strcmp (row->colour, existing->colour) != 0))
        {
          if (!update_code (self, existing->id, row->description, row->colour, error))
            return FALSE;
          result->n_updated++;
        }
      else
        result->n_unchanged++;
    }

  return TRUE;
}

/**
 * gloss_project_import_codebook:
 * @data: the bytes of a CSV file
 * @result: (out caller-allocates) (optional): what was done
 */
gboolean
gloss_project_import_codebook (GlossProject         *self,
                               const char           *data,
                               gsize                 length,
                               GlossCodebookImport  *result,
                               GError              **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) row_by_path = NULL;
  g_autoptr(GHashTable) guids = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GArray) problems = NULL;
  GlossCodebookImport import = { 0, };
  const GlossCsvRecord *header = NULL;
  Columns columns;
  gboolean ok;
  guint first, i;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

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
  if (!read_header (header, &columns, error))
    return FALSE;

  /* Every row is checked before anything is written. */
  problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (problems, (GDestroyNotify) problem_clear);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  row_by_path = g_hash_table_new (g_str_hash, g_str_equal);
  guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (i = first + 1; i < records->len; i++)
    {
      const GlossCsvRecord *record = g_ptr_array_index (records, i);
      Row *row;

      if (record_is_blank (record))
        continue;
      import.n_rows++;
      row = read_row (record, &columns, header->n_fields, row_by_path, guids, problems);
      if (row != NULL)
        {
          g_ptr_array_add (rows, row);
          g_hash_table_insert (row_by_path, row->path, row);
        }
    }

  if (!_gloss_codebook_begin_action (self, _("Import Codebook"), error))
    return FALSE;

  codes = load_codes (self, error);
  ok = codes != NULL;
  if (ok)
    check_guids (codes, rows, problems);

  if (ok && problems->len > 0)
    {
      g_autofree char *message = join_problems (problems);

      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, message);
      ok = FALSE;
    }

  if (ok)
    ok = apply_rows (self, codes, rows, row_by_path, &import, error);

  if (!_gloss_codebook_end_action (self, ok, TRUE, FALSE, error))
    return FALSE;

  if (result != NULL)
    *result = import;

  return TRUE;
}
