/* gloss-codings.c: coders, codings and their counts, memos and undo of a
 * project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-codebook.h"
#include "gloss-codebook-private.h"
#include "gloss-error.h"
#include "gloss-journal.h"
#include "gloss-project-private.h"

/* ---- coders ---- */

gint64
gloss_project_lookup_coder (GlossProject *self,
                            const char   *name)
{
  gint64 id;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), 0);

  LOCK (self);
  id = _gloss_codebook_query_id (self, "SELECT id FROM coder WHERE ?1 = ?1 AND name = ?2", 0, name);
  UNLOCK (self);

  return id;
}

/**
 * gloss_project_ensure_coder:
 *
 * The coder of that name, made if needed.  Returns 0 on error.
 */
gint64
gloss_project_ensure_coder (GlossProject  *self,
                            const char    *name,
                            GError       **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *guid = g_uuid_string_random ();
  g_autofree char *now = gloss_now_iso8601 ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), 0);

  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("A coder needs a name"));
      return 0;
    }

  LOCK (self);
  id = gloss_project_lookup_coder (self, stripped);
  if (id == 0)
    {
      stmt = gloss_project_prepare (self, "INSERT INTO coder (guid, name, created_at) VALUES (?1, ?2, ?3)", error);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
          if (_gloss_codebook_run (self, stmt, error))
            id = sqlite3_last_insert_rowid (DB (self));
        }
      /* Another process may have made it meanwhile. */
      if (id == 0)
        id = gloss_project_lookup_coder (self, stripped);
      if (id != 0 && error != NULL)
        g_clear_error (error);
    }
  UNLOCK (self);

  return id;
}

GPtrArray *
gloss_project_list_coder_names (GlossProject  *self,
                                GArray       **ids,
                                GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) id_array = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  LOCK (self);
  stmt = gloss_project_prepare (self, "SELECT id, name FROM coder ORDER BY id", error);
  if (stmt == NULL)
    {
      UNLOCK (self);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (id_array, id);
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  UNLOCK (self);

  if (ids != NULL)
    *ids = g_steal_pointer (&id_array);

  return g_steal_pointer (&names);
}

/* ---- code counts ---- */

guint
gloss_project_count_code_codings (GlossProject *self,
                                  gint64        id)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), 0);

  LOCK (self);
  n = _gloss_codebook_query_id (self,
                                "WITH RECURSIVE sub (id) AS ("
                                "  SELECT ?1 UNION ALL SELECT c.id FROM code c JOIN sub ON c.parent_id = sub.id"
                                ") SELECT count (*) FROM coding WHERE code_id IN sub",
                                id, NULL);
  UNLOCK (self);

  return n;
}

/**
 * gloss_project_get_code_counts:
 *
 * Returns: (element-type GlossCodeCounts): one entry per code, by id
 */
GArray *
gloss_project_get_code_counts (GlossProject  *self,
                               gint64         document_id,
                               GError       **error)
{
  return gloss_project_get_coder_code_counts (self, document_id, 0, error);
}

/**
 * gloss_project_get_coder_code_counts:
 * @coder_id: count only this coder's codings, or 0 for everyone's
 *
 * Like gloss_project_get_code_counts(), for blind coding.
 */
GArray *
gloss_project_get_coder_code_counts (GlossProject  *self,
                                     gint64         document_id,
                                     gint64         coder_id,
                                     GError       **error)
{
  GArray *counts;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  LOCK (self);
  stmt = gloss_project_prepare (self,
                                  "SELECT c.id, ifnull (sum (k.document_id = ?1), 0), count (k.id),"
                                  " count (DISTINCT k.document_id)"
                                  " FROM code c LEFT JOIN coding k ON k.code_id = c.id"
                                  "   AND (?2 = 0 OR k.coder_id = ?2)"
                                  " GROUP BY c.id ORDER BY c.id",
                                  error);
  if (stmt == NULL)
    {
      UNLOCK (self);
      return NULL;
    }

  counts = g_array_new (FALSE, TRUE, sizeof (GlossCodeCounts));
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, coder_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GlossCodeCounts entry;

      entry.code_id = sqlite3_column_int64 (stmt, 0);
      entry.in_document = sqlite3_column_int (stmt, 1);
      entry.in_project = sqlite3_column_int (stmt, 2);
      entry.documents = sqlite3_column_int (stmt, 3);
      g_array_append_val (counts, entry);
    }
  sqlite3_finalize (stmt);
  UNLOCK (self);

  return counts;
}

/* ---- codings ---- */

#define CODING_SELECT \
  CODE_TREE \
  "SELECT k.id, k.guid, k.document_id, d.name, k.code_id, tree.path, c.colour, k.coder_id," \
  " r.name, k.start, k.\"end\"," \
  " (SELECT max (p.number) FROM page p WHERE p.document_id = k.document_id AND p.start <= k.start)," \
  " k.quote, k.memo, k.created_at, k.changed_at" \
  " FROM coding k JOIN document d ON d.id = k.document_id JOIN code c ON c.id = k.code_id" \
  " JOIN tree ON tree.id = k.code_id JOIN coder r ON r.id = k.coder_id "

static GlossCoding *
coding_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) changed = NULL;
  GlossCodingData data = { 0, };

  created = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 14), NULL);
  changed = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 15), NULL);

  data.id = sqlite3_column_int64 (stmt, 0);
  data.guid = (const char *) sqlite3_column_text (stmt, 1);
  data.document_id = sqlite3_column_int64 (stmt, 2);
  data.document_name = (const char *) sqlite3_column_text (stmt, 3);
  data.code_id = sqlite3_column_int64 (stmt, 4);
  data.code_path = (const char *) sqlite3_column_text (stmt, 5);
  data.colour = (const char *) sqlite3_column_text (stmt, 6);
  data.coder_id = sqlite3_column_int64 (stmt, 7);
  data.coder_name = (const char *) sqlite3_column_text (stmt, 8);
  data.start = sqlite3_column_int (stmt, 9);
  data.end = sqlite3_column_int (stmt, 10);
  data.page = sqlite3_column_int (stmt, 11);
  data.quote = (const char *) sqlite3_column_text (stmt, 12);
  data.memo = (const char *) sqlite3_column_text (stmt, 13);
  data.created = created;
  data.changed = changed;

  return gloss_coding_new (&data);
}

static GlossCoding *
find_coding (GlossProject  *self,
             const char    *where,
             gint64         id,
             const char    *guid,
             GError       **error)
{
  g_autofree char *sql = g_strconcat (CODING_SELECT, where, NULL);
  GlossCoding *coding = NULL;
  sqlite3_stmt *stmt;

  LOCK (self);
  stmt = gloss_project_prepare (self, sql, error);
  if (stmt != NULL)
    {
      if (guid != NULL)
        sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        coding = coding_from_row (stmt);
      else if (guid != NULL)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The project has no coding “%s”"), guid);
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The coding no longer exists"));
      sqlite3_finalize (stmt);
    }
  UNLOCK (self);

  return coding;
}

GlossCoding *
gloss_project_get_coding (GlossProject  *self,
                          gint64         id,
                          GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  return find_coding (self, "WHERE k.id = ?1", id, NULL, error);
}

GlossCoding *
gloss_project_lookup_coding (GlossProject  *self,
                             const char    *guid,
                             GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (guid != NULL, NULL);

  return find_coding (self, "WHERE k.guid = lower (?1)", 0, guid, error);
}

/* The range must lie inside the document's text, and not be empty. */
static gboolean
check_range (GlossProject  *self,
             gint64         document_id,
             guint          start,
             guint          end,
             GError       **error)
{
  gint64 chars = _gloss_codebook_query_id (self, "SELECT chars + 1 FROM document WHERE id = ?1", document_id, NULL);

  if (chars == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The document no longer exists"));
      return FALSE;
    }
  chars--;

  if (start >= end)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("A coding must start before it ends (%u ≥ %u)"), start, end);
      return FALSE;
    }
  if (end > chars)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("The passage %u–%u lies outside the document, which has %" G_GINT64_FORMAT " characters"),
                   start, end, chars);
      return FALSE;
    }

  return TRUE;
}

static gboolean
same_coding_exists (GlossProject *self,
                    gint64        document_id,
                    gint64        code_id,
                    gint64        coder_id,
                    guint         start,
                    guint         end,
                    gint64        except_id)
{
  sqlite3_stmt *stmt = gloss_project_prepare (self,
                                                "SELECT 1 FROM coding WHERE document_id = ?1 AND code_id = ?2"
                                                " AND coder_id = ?3 AND start = ?4 AND \"end\" = ?5 AND id != ?6",
                                                NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, code_id);
  sqlite3_bind_int64 (stmt, 3, coder_id);
  sqlite3_bind_int (stmt, 4, start);
  sqlite3_bind_int (stmt, 5, end);
  sqlite3_bind_int64 (stmt, 6, except_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return found;
}

/**
 * gloss_project_add_coding:
 * @start: code-point offset into the document's canonical text
 * @end: past the last character (exclusive)
 * @memo: (nullable)
 *
 * The quote is taken from the canonical text.  The same code on the same
 * passage by the same coder is refused with %GLOSS_ERROR_EXISTS.
 */
GlossCoding *
gloss_project_add_coding (GlossProject  *self,
                          gint64         document_id,
                          gint64         code_id,
                          gint64         coder_id,
                          guint          start,
                          guint          end,
                          const char    *memo,
                          GError       **error)
{
  g_autofree char *guid = g_uuid_string_random ();
  g_autofree char *now = gloss_now_iso8601 ();
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  if (!_gloss_codebook_begin_action (self, _("Code Passage"), error))
    return NULL;

  ok = check_range (self, document_id, start, end, error);
  if (ok && !_gloss_codebook_code_exists (self, code_id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The code no longer exists"));
      ok = FALSE;
    }
  if (ok && _gloss_codebook_query_id (self, "SELECT id FROM coder WHERE id = ?1", coder_id, NULL) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The coder is not in the project"));
      ok = FALSE;
    }
  if (ok && same_coding_exists (self, document_id, code_id, coder_id, start, end, 0))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("The passage already has this code from this coder"));
      ok = FALSE;
    }

  if (ok)
    {
      stmt = gloss_project_prepare (self,
                                      "INSERT INTO coding (guid, document_id, code_id, coder_id, start, \"end\","
                                      " quote, memo, created_at, changed_at)"
                                      " SELECT ?1, ?2, ?3, ?4, ?5, ?6, substr (d.text, ?5 + 1, ?6 - ?5), ?7, ?8, ?8"
                                      " FROM document d WHERE d.id = ?2",
                                      error);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, document_id);
          sqlite3_bind_int64 (stmt, 3, code_id);
          sqlite3_bind_int64 (stmt, 4, coder_id);
          sqlite3_bind_int (stmt, 5, start);
          sqlite3_bind_int (stmt, 6, end);
          sqlite3_bind_text (stmt, 7, memo ? memo : "", -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
        }
      ok = _gloss_codebook_run (self, stmt, error);
      if (ok)
        id = sqlite3_last_insert_rowid (DB (self));
    }

  if (!_gloss_codebook_end_action (self, ok, TRUE, TRUE, error))
    return NULL;

  return gloss_project_get_coding (self, id, error);
}

gboolean
gloss_project_remove_coding (GlossProject  *self,
                             gint64         id,
                             GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!_gloss_codebook_begin_action (self, _("Remove Coding"), error))
    return FALSE;
  ok = _gloss_codebook_exec_bound (self, "DELETE FROM coding WHERE id = ?1 AND ?2 = ?2", id, 0, error);
  if (ok && sqlite3_changes (DB (self)) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The coding no longer exists"));
      ok = FALSE;
    }

  return _gloss_codebook_end_action (self, ok, TRUE, TRUE, error);
}

gboolean
gloss_project_set_coding_code (GlossProject  *self,
                               gint64         id,
                               gint64         code_id,
                               GError       **error)
{
  g_autoptr(GlossCoding) coding = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  coding = gloss_project_get_coding (self, id, error);
  if (coding == NULL)
    return FALSE;

  if (!_gloss_codebook_begin_action (self, _("Change Coding’s Code"), error))
    return FALSE;

  if (!_gloss_codebook_code_exists (self, code_id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The code no longer exists"));
      ok = FALSE;
    }
  else if (same_coding_exists (self, gloss_coding_get_document_id (coding), code_id,
                               gloss_coding_get_coder_id (coding), gloss_coding_get_start (coding),
                               gloss_coding_get_end (coding), id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("The passage already has this code from this coder"));
      ok = FALSE;
    }
  if (ok)
    ok = _gloss_codebook_exec_bound (self, "UPDATE coding SET code_id = ?2, changed_at = ?3 WHERE id = ?1"
                                           " AND code_id != ?2", id, code_id, error);

  return _gloss_codebook_end_action (self, ok, TRUE, TRUE, error);
}

gboolean
gloss_project_set_coding_range (GlossProject  *self,
                                gint64         id,
                                guint          start,
                                guint          end,
                                GError       **error)
{
  g_autoptr(GlossCoding) coding = NULL;
  g_autofree char *now = gloss_now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  coding = gloss_project_get_coding (self, id, error);
  if (coding == NULL)
    return FALSE;

  if (!_gloss_codebook_begin_action (self, _("Resize Coding"), error))
    return FALSE;

  ok = check_range (self, gloss_coding_get_document_id (coding), start, end, error);
  if (ok && same_coding_exists (self, gloss_coding_get_document_id (coding),
                                gloss_coding_get_code_id (coding), gloss_coding_get_coder_id (coding),
                                start, end, id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("The passage already has this code from this coder"));
      ok = FALSE;
    }
  if (ok)
    {
      stmt = gloss_project_prepare (self,
                                      "UPDATE coding SET start = ?2, \"end\" = ?3,"
                                      " quote = (SELECT substr (d.text, ?2 + 1, ?3 - ?2) FROM document d"
                                      "          WHERE d.id = coding.document_id),"
                                      " changed_at = ?4 WHERE id = ?1 AND (start != ?2 OR \"end\" != ?3)",
                                      error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int (stmt, 2, start);
          sqlite3_bind_int (stmt, 3, end);
          sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
        }
      ok = _gloss_codebook_run (self, stmt, error);
    }

  return _gloss_codebook_end_action (self, ok, TRUE, TRUE, error);
}

gboolean
gloss_project_set_coding_memo (GlossProject  *self,
                               gint64         id,
                               const char    *memo,
                               GError       **error)
{
  g_autofree char *now = gloss_now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!_gloss_codebook_begin_action (self, _("Edit Coding Memo"), error))
    return FALSE;
  if (_gloss_codebook_query_id (self, "SELECT id FROM coding WHERE id = ?1", id, NULL) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The coding no longer exists"));
      return _gloss_codebook_end_action (self, FALSE, FALSE, FALSE, NULL);
    }
  stmt = gloss_project_prepare (self, "UPDATE coding SET memo = ?2, changed_at = ?3 WHERE id = ?1 AND memo != ?2",
                                  error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, memo ? memo : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
    }
  ok = _gloss_codebook_run (self, stmt, error);

  return _gloss_codebook_end_action (self, ok, FALSE, TRUE, error);
}

/**
 * gloss_project_list_codings:
 * @filter: (nullable): which codings
 *
 * Returns: (transfer full) (element-type GlossCoding):
 */
GPtrArray *
gloss_project_list_codings (GlossProject             *self,
                            const GlossCodingFilter  *filter,
                            GError                  **error)
{
  g_autoptr(GPtrArray) codings = g_ptr_array_new_with_free_func (g_object_unref);
  GlossCodingFilter all = { 0, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  if (filter == NULL)
    filter = &all;

  LOCK (self);
  stmt = gloss_project_prepare (self,
                                  CODING_SELECT
                                  "WHERE (?1 = 0 OR k.document_id = ?1)"
                                  " AND (?3 = 0 OR k.coder_id = ?3)"
                                  " AND (?2 = 0 OR k.code_id = ?2 OR (?4 AND EXISTS ("
                                  "      SELECT 1 FROM tree t2 WHERE t2.id = ?2"
                                  "      AND substr (tree.path, 1, length (t2.path) + 1) = t2.path || '/')))"
                                  " ORDER BY d.name COLLATE NOCASE, k.document_id, k.start, k.\"end\", tree.path, r.name",
                                  error);
  if (stmt == NULL)
    {
      UNLOCK (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, filter->document_id);
  sqlite3_bind_int64 (stmt, 2, filter->code_id);
  sqlite3_bind_int64 (stmt, 3, filter->coder_id);
  sqlite3_bind_int (stmt, 4, filter->with_subcodes ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (codings, coding_from_row (stmt));
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);
  UNLOCK (self);

  return rc == SQLITE_DONE ? g_steal_pointer (&codings) : NULL;
}

/* ---- memos ---- */

static const char *
memo_target_name (GlossMemoTarget target)
{
  switch (target)
    {
    case GLOSS_MEMO_PROJECT:
      return "project";
    case GLOSS_MEMO_DOCUMENT:
      return "document";
    case GLOSS_MEMO_CODE:
      return "code";
    case GLOSS_MEMO_CODING:
    default:
      return NULL;
    }
}

/**
 * gloss_project_set_memo:
 *
 * A coding's memo is the coding's own (whoever writes it); the others are
 * kept per author.
 */
gboolean
gloss_project_set_memo (GlossProject     *self,
                        GlossMemoTarget   target,
                        gint64            target_id,
                        gint64            coder_id,
                        const char       *text,
                        GError          **error)
{
  g_autofree char *guid = g_uuid_string_random ();
  g_autofree char *now = gloss_now_iso8601 ();
  const char *name = memo_target_name (target);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (target == GLOSS_MEMO_CODING)
    return gloss_project_set_coding_memo (self, target_id, text, error);

  if (target == GLOSS_MEMO_PROJECT)
    target_id = 0;

  if (!_gloss_codebook_begin_action (self, _("Edit Memo"), error))
    return FALSE;

  if ((target == GLOSS_MEMO_DOCUMENT &&
       _gloss_codebook_query_id (self, "SELECT id FROM document WHERE id = ?1", target_id, NULL) == 0) ||
      (target == GLOSS_MEMO_CODE && !_gloss_codebook_code_exists (self, target_id)))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   target == GLOSS_MEMO_CODE ? _("The code no longer exists")
                                             : _("The document no longer exists"));
      return _gloss_codebook_end_action (self, FALSE, FALSE, FALSE, NULL);
    }
  if (_gloss_codebook_query_id (self, "SELECT id FROM coder WHERE id = ?1", coder_id, NULL) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The coder is not in the project"));
      return _gloss_codebook_end_action (self, FALSE, FALSE, FALSE, NULL);
    }

  if (text == NULL || *text == '\0')
    {
      stmt = gloss_project_prepare (self, "DELETE FROM memo WHERE target = ?1 AND target_id = ?2 AND coder_id = ?3",
                                      error);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, target_id);
          sqlite3_bind_int64 (stmt, 3, coder_id);
        }
    }
  else
    {
      stmt = gloss_project_prepare (self,
                                      "INSERT INTO memo (guid, target, target_id, coder_id, text, created_at, changed_at)"
                                      " VALUES (?4, ?1, ?2, ?3, ?5, ?6, ?6)"
                                      " ON CONFLICT (target, target_id, coder_id) DO UPDATE SET"
                                      " text = excluded.text, changed_at = excluded.changed_at"
                                      " WHERE text != excluded.text",
                                      error);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, target_id);
          sqlite3_bind_int64 (stmt, 3, coder_id);
          sqlite3_bind_text (stmt, 4, guid, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
        }
    }
  ok = _gloss_codebook_run (self, stmt, error);

  return _gloss_codebook_end_action (self, ok, FALSE, TRUE, error);
}

/**
 * gloss_project_get_memo:
 * @coder_id: the author; 0 for the latest by anyone
 * @changed: (out) (optional): when it was last written
 *
 * Returns: (nullable): the memo's text
 */
char *
gloss_project_get_memo (GlossProject     *self,
                        GlossMemoTarget   target,
                        gint64            target_id,
                        gint64            coder_id,
                        GDateTime       **changed)
{
  sqlite3_stmt *stmt;
  char *text = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  if (changed != NULL)
    *changed = NULL;
  if (target == GLOSS_MEMO_PROJECT)
    target_id = 0;

  LOCK (self);
  if (target == GLOSS_MEMO_CODING)
    stmt = gloss_project_prepare (self, "SELECT memo, changed_at FROM coding WHERE id = ?2 AND ?1 = ?1 AND ?3 = ?3", NULL);
  else
    stmt = gloss_project_prepare (self,
                                    "SELECT text, changed_at FROM memo WHERE target = ?1 AND target_id = ?2"
                                    " AND (?3 = 0 OR coder_id = ?3) ORDER BY changed_at DESC LIMIT 1",
                                    NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, target == GLOSS_MEMO_CODING ? "" : memo_target_name (target),
                         -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, target_id);
      sqlite3_bind_int64 (stmt, 3, coder_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          if (changed != NULL)
            *changed = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 1), NULL);
        }
      sqlite3_finalize (stmt);
    }
  UNLOCK (self);

  return text;
}

/* ---- undo ---- */

gboolean
gloss_project_can_undo (GlossProject  *self,
                        char         **label)
{
  gboolean can;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  LOCK (self);
  can = gloss_journal_peek (DB (self), FALSE, label);
  UNLOCK (self);

  return can;
}

gboolean
gloss_project_can_redo (GlossProject  *self,
                        char         **label)
{
  gboolean can;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  LOCK (self);
  can = gloss_journal_peek (DB (self), TRUE, label);
  UNLOCK (self);

  return can;
}

static gboolean
replay (GlossProject  *self,
        gboolean       redo,
        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean done;
  int rc;

  LOCK (self);
  rc = sqlite3_exec (DB (self), "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON;", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_project_set_error (self, error, rc);
      UNLOCK (self);
      return FALSE;
    }

  done = gloss_journal_replay (DB (self), redo, NULL, &rc, &local_error);
  if (done)
    {
      rc = sqlite3_exec (DB (self), "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                       redo ? _("The change cannot be redone: what it depends on is gone")
                            : _("The change cannot be undone: what it depends on is gone"));
          sqlite3_exec (DB (self), "ROLLBACK", NULL, NULL, NULL);
          /* Drop it from the history, so that what lies beyond it can
           * still be undone or redone. */
          gloss_journal_discard_next (DB (self), redo);
          done = FALSE;
        }
    }
  else
    {
      sqlite3_exec (DB (self), "ROLLBACK", NULL, NULL, NULL);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     redo ? _("There is nothing to redo") : _("There is nothing to undo"));
    }
  UNLOCK (self);

  if (done)
    {
      /* An undone step may have been a document attribute's value. */
      gloss_project_notify_documents_changed (self);
      gloss_project_notify_codes_changed (self);
      gloss_project_notify_codings_changed (self);
    }

  return done;
}

gboolean
gloss_project_undo (GlossProject  *self,
                    GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  return replay (self, FALSE, error);
}

gboolean
gloss_project_redo (GlossProject  *self,
                    GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  return replay (self, TRUE, error);
}
