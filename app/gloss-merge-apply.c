/* gloss-merge-apply.c: writing a planned merge into our project
 *
 * Runs inside the merge's one transaction (an undoable action), so a
 * failure anywhere, a cancellation or a dry run rolls all of it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-merge-private.h"
#include "gloss-project-private.h"

typedef struct
{
  GlossProject  *self;
  sqlite3       *db;
  sqlite3       *other;
  const char    *other_path;
  MergeOutcome  *out;
  GCancellable  *cancellable;
  char          *now;
} Writer;

static sqlite3_stmt *
prepare (Writer      *w,
         const char  *sql,
         GError     **error)
{
  return gloss_project_prepare (w->self, sql, error);
}

/* Steps a statement that returns no rows and resets it for the next. */
static gboolean
step (Writer        *w,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      gloss_project_set_error (w->self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
cancelled (Writer  *w,
           GError **error)
{
  return g_cancellable_set_error_if_cancelled (w->cancellable, error);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
}

static gboolean
other_error (Writer  *w,
             int      rc,
             GError **error)
{
  g_autofree char *display = g_filename_display_basename (w->other_path);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
               _("The project “%s” cannot be read (%s)"), display, sqlite3_errstr (rc));
  return FALSE;
}

/* ---- coders, documents, attributes ---- */

static gboolean
add_coders (Writer  *w,
            GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  guint i;

  for (i = 0; i < w->out->coders->len && ok; i++)
    {
      MergeCoder *coder = g_ptr_array_index (w->out->coders, i);

      if (coder->ours != NULL)
        continue;
      if (stmt == NULL && (stmt = prepare (w, "INSERT INTO coder (guid, name, created_at) VALUES (?1, ?2, ?3)",
                                           error)) == NULL)
        return FALSE;
      bind_text (stmt, 1, coder->theirs->guid);
      bind_text (stmt, 2, coder->theirs->name);
      bind_text (stmt, 3, coder->theirs->created_at);
      ok = step (w, stmt, error);
      coder->id = sqlite3_last_insert_rowid (w->db);
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gboolean
exists (Writer     *w,
        const char *sql,
        const char *text)
{
  sqlite3_stmt *stmt = prepare (w, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, text);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return found;
}

/* Copies their document row, its bytes and its pages as they are: the
 * same bytes give the same text and layout, so the viewer loads it as if
 * it had been imported here. */
static gboolean
add_document (Writer         *w,
              MergeDocument  *document,
              GError        **error)
{
  g_autofree char *name = g_strdup (document->theirs->name);
  g_autofree char *guid = NULL;
  sqlite3_stmt *from = NULL, *to = NULL;
  gboolean ok = FALSE;
  guint n;
  int rc;

  if (exists (w, "SELECT 1 FROM document WHERE guid = ?1", document->theirs->guid))
    guid = g_uuid_string_random ();
  else
    guid = g_strdup (document->theirs->guid);
  for (n = 2; exists (w, "SELECT 1 FROM document WHERE name = ?1", name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s (%u)", document->theirs->name, n);
    }

  rc = sqlite3_prepare_v2 (w->other,
                           w->out->theirs->schema >= 2
                           ? "SELECT kind, sha256, size, pages, chars, text, imported_at, password"
                             " FROM document WHERE id = ?1"
                           : "SELECT kind, sha256, size, pages, chars, text, imported_at, NULL"
                             " FROM document WHERE id = ?1",
                           -1, &from, NULL);
  if (rc != SQLITE_OK)
    return other_error (w, rc, error);
  sqlite3_bind_int64 (from, 1, document->theirs->id);
  if ((rc = sqlite3_step (from)) != SQLITE_ROW)
    {
      sqlite3_finalize (from);
      return other_error (w, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
    }
  to = prepare (w,
                "INSERT INTO document (guid, name, kind, sha256, size, pages, chars, text, imported_at, password)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                error);
  if (to != NULL)
    {
      bind_text (to, 1, guid);
      bind_text (to, 2, name);
      sqlite3_bind_value (to, 3, sqlite3_column_value (from, 0));
      sqlite3_bind_value (to, 4, sqlite3_column_value (from, 1));
      sqlite3_bind_value (to, 5, sqlite3_column_value (from, 2));
      sqlite3_bind_value (to, 6, sqlite3_column_value (from, 3));
      sqlite3_bind_value (to, 7, sqlite3_column_value (from, 4));
      sqlite3_bind_value (to, 8, sqlite3_column_value (from, 5));
      sqlite3_bind_value (to, 9, sqlite3_column_value (from, 6));
      sqlite3_bind_value (to, 10, sqlite3_column_value (from, 7));
      ok = step (w, to, error);
      document->id = sqlite3_last_insert_rowid (w->db);
    }
  sqlite3_finalize (from);
  sqlite3_finalize (to);
  if (!ok)
    return FALSE;

  /* The bytes, then the pages. */
  rc = sqlite3_prepare_v2 (w->other, "SELECT bytes FROM document_bytes WHERE document_id = ?1",
                           -1, &from, NULL);
  if (rc != SQLITE_OK)
    return other_error (w, rc, error);
  sqlite3_bind_int64 (from, 1, document->theirs->id);
  to = prepare (w, "INSERT INTO document_bytes (document_id, bytes) VALUES (?1, ?2)", error);
  ok = to != NULL;
  while (ok && (rc = sqlite3_step (from)) == SQLITE_ROW)
    {
      sqlite3_bind_int64 (to, 1, document->id);
      sqlite3_bind_value (to, 2, sqlite3_column_value (from, 0));
      ok = step (w, to, error);
    }
  sqlite3_finalize (from);
  sqlite3_finalize (to);
  if (ok && rc != SQLITE_DONE)
    return other_error (w, rc, error);
  if (!ok)
    return FALSE;

  rc = sqlite3_prepare_v2 (w->other,
                           "SELECT number, start, \"end\", width, height, rects FROM page"
                           " WHERE document_id = ?1 ORDER BY number",
                           -1, &from, NULL);
  if (rc != SQLITE_OK)
    return other_error (w, rc, error);
  sqlite3_bind_int64 (from, 1, document->theirs->id);
  to = prepare (w,
                "INSERT INTO page (document_id, number, start, \"end\", width, height, rects)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                error);
  ok = to != NULL;
  while (ok && (rc = sqlite3_step (from)) == SQLITE_ROW)
    {
      int column;

      sqlite3_bind_int64 (to, 1, document->id);
      for (column = 0; column < 6; column++)
        sqlite3_bind_value (to, column + 2, sqlite3_column_value (from, column));
      ok = step (w, to, error);
    }
  sqlite3_finalize (from);
  sqlite3_finalize (to);
  if (ok && rc != SQLITE_DONE)
    return other_error (w, rc, error);

  return ok;
}

static gboolean
add_documents (Writer  *w,
               GError **error)
{
  guint i;

  for (i = 0; i < w->out->documents->len; i++)
    {
      MergeDocument *document = g_ptr_array_index (w->out->documents, i);

      if (document->ours != NULL)
        continue;
      if (cancelled (w, error) || !add_document (w, document, error))
        return FALSE;
    }

  return TRUE;
}

/* Attributes we lack are added; their values go where we have none (a
 * choice's list grows to hold them). */
static gboolean
add_attributes (Writer  *w,
                GError **error)
{
  sqlite3_stmt *add = NULL, *extend = NULL, *value = NULL;
  gboolean ok = TRUE;
  guint i;

  for (i = 0; i < w->out->attributes->len && ok; i++)
    {
      MergeAttribute *attribute = g_ptr_array_index (w->out->attributes, i);

      if (attribute->ours != NULL)
        continue;
      if (add == NULL &&
          (add = prepare (w,
                          "INSERT INTO attribute (guid, name, type, choices, position, created_at)"
                          " VALUES (?1, ?2, ?3, ?4, (SELECT ifnull (max (position) + 1, 0) FROM attribute), ?5)",
                          error)) == NULL)
        return FALSE;
      bind_text (add, 1, attribute->theirs->guid);
      bind_text (add, 2, attribute->theirs->name);
      bind_text (add, 3, attribute->theirs->type);
      bind_text (add, 4, attribute->theirs->choices);
      bind_text (add, 5, attribute->theirs->created_at);
      ok = step (w, add, error);
      attribute->id = sqlite3_last_insert_rowid (w->db);
    }
  sqlite3_finalize (add);

  if (ok && w->out->values->len > 0)
    {
      extend = prepare (w,
                        "UPDATE attribute SET choices = json_insert (choices, '$[#]', ?2)"
                        " WHERE id = ?1 AND type = 'choice' AND NOT EXISTS ("
                        "   SELECT 1 FROM json_each ((SELECT choices FROM attribute WHERE id = ?1))"
                        "   WHERE value = ?2)",
                        error);
      value = prepare (w,
                       "INSERT INTO document_attribute (document_id, attribute_id, value) VALUES (?1, ?2, ?3)"
                       " ON CONFLICT (document_id, attribute_id) DO NOTHING",
                       error);
      ok = extend != NULL && value != NULL;
    }
  for (i = 0; ok && i < w->out->values->len; i++)
    {
      MergeValue *v = &g_array_index (w->out->values, MergeValue, i);

      sqlite3_bind_int64 (extend, 1, v->attribute->id);
      bind_text (extend, 2, v->value);
      sqlite3_bind_int64 (value, 1, v->document->id);
      sqlite3_bind_int64 (value, 2, v->attribute->id);
      bind_text (value, 3, v->value);
      ok = step (w, extend, error) && step (w, value, error);
    }
  sqlite3_finalize (extend);
  sqlite3_finalize (value);

  return ok;
}

/* ---- deletions ---- */

static gboolean
delete_ids (Writer      *w,
            const char  *sql,
            GArray      *ids,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  guint i;

  if (ids->len == 0)
    return TRUE;
  stmt = prepare (w, sql, error);
  if (stmt == NULL)
    return FALSE;
  for (i = 0; i < ids->len && ok; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      ok = step (w, stmt, error);
    }
  sqlite3_finalize (stmt);

  return ok;
}

static guint
path_depth (const char *path)
{
  guint depth = 0;

  for (; *path != '\0'; path++)
    depth += *path == '/';

  return depth;
}

static int
deeper_first (gconstpointer a,
              gconstpointer b)
{
  const MergeCode *x = *(MergeCode * const *) a;
  const MergeCode *y = *(MergeCode * const *) b;
  guint dx = path_depth (x->ours->path), dy = path_depth (y->ours->path);

  return dx > dy ? -1 : dx < dy ? 1 : 0;
}

/* Reviews, codings and memos first, so that each deletion is its own
 * (journaled, tombstoned) row rather than a cascade. */
static gboolean
delete_rows (Writer  *w,
             GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint i;

  for (i = 0; i < w->out->reviews->len; i++)
    {
      MergeReview *review = g_ptr_array_index (w->out->reviews, i);

      if (review->fate == MERGE_DELETE)
        g_array_append_val (ids, review->ours->id);
    }
  if (!delete_ids (w, "DELETE FROM review WHERE id = ?1", ids, error))
    return FALSE;

  g_array_set_size (ids, 0);
  for (i = 0; i < w->out->codings->len; i++)
    {
      MergeCoding *coding = g_ptr_array_index (w->out->codings, i);

      if (coding->fate == MERGE_DELETE)
        g_array_append_val (ids, coding->ours->id);
    }
  if (!delete_ids (w, "DELETE FROM coding WHERE id = ?1", ids, error))
    return FALSE;

  g_array_set_size (ids, 0);
  for (i = 0; i < w->out->memos->len; i++)
    {
      MergeMemo *memo = g_ptr_array_index (w->out->memos, i);

      if (memo->fate == MERGE_DELETE)
        g_array_append_val (ids, memo->ours->id);
    }

  return delete_ids (w, "DELETE FROM memo WHERE id = ?1", ids, error);
}

/* ---- codes ---- */

/* Codes that move or are renamed first go to the top level under their
 * GUID (a name no code has), so that neither a code about to be deleted
 * takes them along nor a name about to be freed is found taken; codes
 * about to be deleted take their GUID as name too.  Then the new codes,
 * parents first. */
static gboolean
prepare_codes (Writer  *w,
               GError **error)
{
  sqlite3_stmt *away, *aside, *stmt;
  gboolean ok = TRUE;
  guint i;

  away = prepare (w, "UPDATE code SET name = guid, parent_id = NULL WHERE id = ?1", error);
  aside = prepare (w, "UPDATE code SET name = guid WHERE id = ?1", error);
  ok = away != NULL && aside != NULL;
  for (i = 0; i < w->out->codes->len && ok; i++)
    {
      MergeCode *code = g_ptr_array_index (w->out->codes, i);

      if (code->fate == MERGE_KEEP && code->changed &&
          ((code->parent != NULL ? code->parent->id : 0) != code->ours->parent_id ||
           strcmp (code->name, code->ours->name) != 0))
        {
          sqlite3_bind_int64 (away, 1, code->id);
          ok = step (w, away, error);
        }
      else if (code->fate == MERGE_DELETE)
        {
          sqlite3_bind_int64 (aside, 1, code->id);
          ok = step (w, aside, error);
        }
    }
  sqlite3_finalize (away);
  sqlite3_finalize (aside);
  if (!ok)
    return FALSE;

  stmt = prepare (w,
                  "INSERT INTO code (guid, parent_id, name, description, colour, position,"
                  " created_by, created_at, changed_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif (?7, 0), ?8, ?9)",
                  error);
  if (stmt == NULL)
    return FALSE;
  for (i = 0; i < w->out->codes->len && ok; i++)
    {
      MergeCode *code = g_ptr_array_index (w->out->codes, i);

      if (code->fate != MERGE_ADD)
        continue;
      bind_text (stmt, 1, code->guid);
      if (code->parent != NULL)
        sqlite3_bind_int64 (stmt, 2, code->parent->id);
      else
        sqlite3_bind_null (stmt, 2);
      bind_text (stmt, 3, code->name);
      bind_text (stmt, 4, code->theirs->description);
      bind_text (stmt, 5, code->theirs->colour);
      sqlite3_bind_int64 (stmt, 6, code->position);
      sqlite3_bind_int64 (stmt, 7, code->creator != NULL ? code->creator->id : 0);
      bind_text (stmt, 8, code->theirs->created_at);
      bind_text (stmt, 9, code->renamed ? w->now : code->theirs->changed_at);
      ok = step (w, stmt, error);
      code->id = sqlite3_last_insert_rowid (w->db);
    }
  sqlite3_finalize (stmt);

  return ok;
}

/* Once the codings have moved off them, the codes that go go (deepest
 * first), and those that change take their final place and fields. */
static gboolean
finish_codes (Writer  *w,
              GError **error)
{
  g_autoptr(GPtrArray) deleted = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  guint i;

  for (i = 0; i < w->out->codes->len; i++)
    {
      MergeCode *code = g_ptr_array_index (w->out->codes, i);

      if (code->fate == MERGE_DELETE)
        g_ptr_array_add (deleted, code);
    }
  g_ptr_array_sort (deleted, deeper_first);
  for (i = 0; i < deleted->len; i++)
    g_array_append_val (ids, ((MergeCode *) g_ptr_array_index (deleted, i))->id);
  if (!delete_ids (w, "DELETE FROM memo WHERE target = 'code' AND target_id = ?1", ids, error) ||
      !delete_ids (w, "DELETE FROM code WHERE id = ?1", ids, error))
    return FALSE;

  stmt = prepare (w,
                  "UPDATE code SET parent_id = ?2, name = ?3, description = ?4, colour = ?5,"
                  " position = ?6, changed_at = ?7 WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  for (i = 0; i < w->out->codes->len && ok; i++)
    {
      MergeCode *code = g_ptr_array_index (w->out->codes, i);
      const MergeCodeRow *fields;

      if (code->fate != MERGE_KEEP || !code->changed)
        continue;
      fields = code->theirs_win ? code->theirs : code->ours;
      sqlite3_bind_int64 (stmt, 1, code->id);
      if (code->parent != NULL)
        sqlite3_bind_int64 (stmt, 2, code->parent->id);
      else
        sqlite3_bind_null (stmt, 2);
      bind_text (stmt, 3, code->name);
      bind_text (stmt, 4, fields->description);
      bind_text (stmt, 5, fields->colour);
      sqlite3_bind_int64 (stmt, 6, code->position);
      bind_text (stmt, 7, code->renamed ? w->now : fields->changed_at);
      ok = step (w, stmt, error);
    }
  sqlite3_finalize (stmt);

  return ok;
}

/* ---- codings, memos, reviews ---- */

static gboolean
write_codings (Writer  *w,
               GError **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  guint i, before;

  /* Updates may meet a coding that is about to move away (two codings
   * swapping places): such an update waits for the next round. */
  for (i = 0; i < w->out->codings->len; i++)
    {
      MergeCoding *coding = g_ptr_array_index (w->out->codings, i);

      if (coding->fate == MERGE_KEEP && coding->changed)
        g_ptr_array_add (pending, coding);
    }
  stmt = prepare (w,
                  "UPDATE coding SET code_id = ?2, start = ?3, \"end\" = ?4, quote = ?5, memo = ?6,"
                  " created_at = ?7, changed_at = ?8 WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  do
    {
      before = pending->len;
      for (i = 0; i < pending->len && ok;)
        {
          MergeCoding *coding = g_ptr_array_index (pending, i);
          int rc;

          sqlite3_bind_int64 (stmt, 1, coding->id);
          sqlite3_bind_int64 (stmt, 2, coding->code->id);
          sqlite3_bind_int64 (stmt, 3, coding->fields->start);
          sqlite3_bind_int64 (stmt, 4, coding->fields->end);
          bind_text (stmt, 5, coding->fields->quote);
          bind_text (stmt, 6, coding->fields->memo);
          bind_text (stmt, 7, coding->fields->created_at);
          bind_text (stmt, 8, coding->fields->changed_at);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          if (rc == SQLITE_DONE)
            g_ptr_array_remove_index (pending, i);
          else if (rc == SQLITE_CONSTRAINT_UNIQUE)
            i++;
          else
            {
              gloss_project_set_error (w->self, error, rc);
              ok = FALSE;
            }
        }
    }
  while (ok && pending->len > 0 && pending->len < before);
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  /* What still cannot move stays as ours. */
  w->out->summary.codings_updated -= pending->len;
  w->out->summary.codings_skipped += pending->len;

  stmt = prepare (w,
                  "INSERT INTO coding (guid, document_id, code_id, coder_id, start, \"end\", quote, memo,"
                  " created_at, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                  error);
  if (stmt == NULL)
    return FALSE;
  for (i = 0; i < w->out->codings->len && ok; i++)
    {
      MergeCoding *coding = g_ptr_array_index (w->out->codings, i);

      if (coding->fate != MERGE_ADD)
        continue;
      if (i % 1024 == 0 && cancelled (w, error))
        {
          ok = FALSE;
          break;
        }
      bind_text (stmt, 1, coding->theirs->guid);
      sqlite3_bind_int64 (stmt, 2, coding->document->id);
      sqlite3_bind_int64 (stmt, 3, coding->code->id);
      sqlite3_bind_int64 (stmt, 4, coding->coder->id);
      sqlite3_bind_int64 (stmt, 5, coding->fields->start);
      sqlite3_bind_int64 (stmt, 6, coding->fields->end);
      bind_text (stmt, 7, coding->fields->quote);
      bind_text (stmt, 8, coding->fields->memo);
      bind_text (stmt, 9, coding->fields->created_at);
      bind_text (stmt, 10, coding->fields->changed_at);
      ok = step (w, stmt, error);
      coding->id = sqlite3_last_insert_rowid (w->db);
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gboolean
write_memos (Writer  *w,
             GError **error)
{
  sqlite3_stmt *update, *insert;
  gboolean ok = TRUE;
  guint i;

  update = prepare (w, "UPDATE memo SET text = ?2, changed_at = ?3 WHERE id = ?1", error);
  insert = prepare (w,
                    "INSERT INTO memo (guid, target, target_id, coder_id, text, created_at, changed_at)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    error);
  ok = update != NULL && insert != NULL;
  for (i = 0; ok && i < w->out->memos->len; i++)
    {
      MergeMemo *memo = g_ptr_array_index (w->out->memos, i);

      if (memo->fate == MERGE_KEEP && memo->changed)
        {
          sqlite3_bind_int64 (update, 1, memo->ours->id);
          bind_text (update, 2, memo->fields->text);
          bind_text (update, 3, memo->fields->changed_at);
          ok = step (w, update, error);
        }
      else if (memo->fate == MERGE_ADD)
        {
          gint64 target_id = 0;

          if (memo->document != NULL)
            target_id = memo->document->id;
          else if (memo->code != NULL)
            target_id = memo->code->id;
          bind_text (insert, 1, memo->theirs->guid);
          bind_text (insert, 2, memo->target);
          sqlite3_bind_int64 (insert, 3, target_id);
          sqlite3_bind_int64 (insert, 4, memo->coder->id);
          bind_text (insert, 5, memo->fields->text);
          bind_text (insert, 6, memo->fields->created_at);
          bind_text (insert, 7, memo->fields->changed_at);
          ok = step (w, insert, error);
        }
    }
  sqlite3_finalize (update);
  sqlite3_finalize (insert);

  return ok;
}

static gboolean
write_reviews (Writer  *w,
               GError **error)
{
  sqlite3_stmt *update, *insert;
  gboolean ok;
  guint i;

  update = prepare (w, "UPDATE review SET verdict = ?2, comment = ?3, changed_at = ?4 WHERE id = ?1", error);
  insert = prepare (w,
                    "INSERT INTO review (guid, coding_id, reviewer_id, verdict, comment, created_at, changed_at)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    error);
  ok = update != NULL && insert != NULL;
  for (i = 0; ok && i < w->out->reviews->len; i++)
    {
      MergeReview *review = g_ptr_array_index (w->out->reviews, i);

      if (review->fate == MERGE_KEEP && review->changed)
        {
          sqlite3_bind_int64 (update, 1, review->ours->id);
          bind_text (update, 2, review->fields->verdict);
          bind_text (update, 3, review->fields->comment);
          bind_text (update, 4, review->fields->changed_at);
          ok = step (w, update, error);
        }
      else if (review->fate == MERGE_ADD)
        {
          bind_text (insert, 1, review->theirs->guid);
          sqlite3_bind_int64 (insert, 2, review->coding->id);
          sqlite3_bind_int64 (insert, 3, review->reviewer->id);
          bind_text (insert, 4, review->fields->verdict);
          bind_text (insert, 5, review->fields->comment);
          bind_text (insert, 6, review->fields->created_at);
          bind_text (insert, 7, review->fields->changed_at);
          ok = step (w, insert, error);
        }
    }
  sqlite3_finalize (update);
  sqlite3_finalize (insert);

  return ok;
}

/* Their tombstones of rows that are not (or no longer) here, with their
 * time: a row the merge deleted for them was deleted when they did it. */
static gboolean
write_tombstones (Writer  *w,
                  GError **error)
{
  static const char * const kinds[] = { "code", "coding", "memo", "review" };
  sqlite3_stmt *stmts[G_N_ELEMENTS (kinds)] = { NULL, };
  gboolean ok = TRUE;
  guint i, k;

  for (i = 0; i < w->out->tombstones->len && ok; i++)
    {
      MergeTombstone *tombstone = &g_array_index (w->out->tombstones, MergeTombstone, i);

      for (k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (strcmp (tombstone->kind, kinds[k]) == 0)
          break;
      if (k == G_N_ELEMENTS (kinds))
        continue;
      if (stmts[k] == NULL)
        {
          g_autofree char *sql =
            g_strdup_printf ("INSERT INTO tombstone (guid, kind, deleted_at)"
                             " SELECT ?1, '%s', ?2 WHERE NOT EXISTS (SELECT 1 FROM %s WHERE guid = ?1)"
                             " ON CONFLICT (guid) DO UPDATE SET kind = excluded.kind,"
                             " deleted_at = excluded.deleted_at",
                             kinds[k], kinds[k]);

          stmts[k] = prepare (w, sql, error);
          if (stmts[k] == NULL)
            {
              ok = FALSE;
              break;
            }
        }
      bind_text (stmts[k], 1, tombstone->guid);
      bind_text (stmts[k], 2, tombstone->deleted_at);
      ok = step (w, stmts[k], error);
    }
  for (k = 0; k < G_N_ELEMENTS (kinds); k++)
    sqlite3_finalize (stmts[k]);

  return ok;
}

gboolean
merge_apply (GlossProject  *self,
             sqlite3       *other,
             const char    *other_path,
             MergeOutcome  *outcome,
             GCancellable  *cancellable,
             GError       **error)
{
  Writer w = { self, gloss_project_get_db (self), other, other_path, outcome, cancellable, NULL };
  gboolean ok;

  w.now = gloss_now_iso8601 ();
  ok = !cancelled (&w, error) &&
       add_coders (&w, error) &&
       add_documents (&w, error) &&
       add_attributes (&w, error) &&
       delete_rows (&w, error) &&
       !cancelled (&w, error) &&
       prepare_codes (&w, error) &&
       write_codings (&w, error) &&
       finish_codes (&w, error) &&
       !cancelled (&w, error) &&
       write_memos (&w, error) &&
       write_reviews (&w, error) &&
       write_tombstones (&w, error);
  g_free (w.now);

  return ok;
}
