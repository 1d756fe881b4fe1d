/* gloss-project-documents.c: the documents of a Gloss project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-journal.h"
#include "gloss-project.h"
#include "gloss-project-private.h"

#define DOCUMENT_COLUMNS "id, guid, name, kind, pages, chars, sha256, imported_at"

static GlossDocument *
document_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) imported = NULL;
  const char *kind = (const char *) sqlite3_column_text (stmt, 3);

  imported = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 7), NULL);

  return gloss_document_new (sqlite3_column_int64 (stmt, 0),
                             (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             g_strcmp0 (kind, "pdf") == 0
                               ? GLOSS_DOCUMENT_KIND_PDF
                               : GLOSS_DOCUMENT_KIND_TEXT,
                             sqlite3_column_int (stmt, 4),
                             sqlite3_column_int (stmt, 5),
                             (const char *) sqlite3_column_text (stmt, 6),
                             imported);
}

/**
 * gloss_project_list_documents:
 *
 * Returns: (transfer full) (element-type GlossDocument): by name
 */
GPtrArray *
gloss_project_list_documents (GlossProject  *self,
                              GError       **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  g_rec_mutex_lock (gloss_project_get_lock (self));
  stmt = gloss_project_prepare (self,
                                "SELECT " DOCUMENT_COLUMNS " FROM document"
                                " ORDER BY name COLLATE NOCASE, id",
                                error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (gloss_project_get_lock (self));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (documents, document_from_row (stmt));
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (gloss_project_get_lock (self));

  return rc == SQLITE_DONE ? g_steal_pointer (&documents) : NULL;
}

static GlossDocument *
find_document (GlossProject  *self,
               const char    *sql,
               const char    *text_key,
               gint64         id_key,
               GError       **error)
{
  GlossDocument *document = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_rec_mutex_lock (gloss_project_get_lock (self));
  stmt = gloss_project_prepare (self, sql, error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (gloss_project_get_lock (self));
      return NULL;
    }

  if (text_key != NULL)
    sqlite3_bind_text (stmt, 1, text_key, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id_key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    document = document_from_row (stmt);
  else if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (gloss_project_get_lock (self));

  return document;
}

GlossDocument *
gloss_project_get_document (GlossProject  *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossDocument *document;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  document = find_document (self,
                            "SELECT " DOCUMENT_COLUMNS " FROM document WHERE id = ?1",
                            NULL, id, &local_error);
  if (document == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The project has no document with the number %lld"), (long long) id);
    }

  return document;
}

/**
 * gloss_project_lookup_document:
 * @name_or_guid: a document's GUID or its name
 */
GlossDocument *
gloss_project_lookup_document (GlossProject  *self,
                               const char    *name_or_guid,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossDocument *document;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name_or_guid != NULL, NULL);

  document = find_document (self,
                            "SELECT " DOCUMENT_COLUMNS " FROM document"
                            " WHERE guid = lower (?1) OR name = ?1"
                            " ORDER BY guid = lower (?1) DESC LIMIT 1",
                            name_or_guid, 0, &local_error);
  if (document == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The project has no document named “%s”"), name_or_guid);
    }

  return document;
}

GlossDocument *
gloss_project_find_by_sha256 (GlossProject *self,
                              const char   *sha256)
{
  return find_document (self,
                        "SELECT " DOCUMENT_COLUMNS " FROM document WHERE sha256 = ?1",
                        sha256, 0, NULL);
}

static gboolean
name_taken (GlossProject *self,
            const char   *name,
            gint64        except_id)
{
  sqlite3_stmt *stmt;
  gboolean taken = FALSE;

  stmt = gloss_project_prepare (self, "SELECT 1 FROM document WHERE name = ?1 AND id != ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return taken;
}

gboolean
gloss_project_rename_document (GlossProject  *self,
                               gint64         id,
                               const char    *name,
                               GError       **error)
{
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("A document needs a name"));
      return FALSE;
    }

  g_rec_mutex_lock (gloss_project_get_lock (self));

  if (name_taken (self, stripped, id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("Another document is already named “%s”"), stripped);
      g_rec_mutex_unlock (gloss_project_get_lock (self));
      return FALSE;
    }

  stmt = gloss_project_prepare (self, "UPDATE document SET name = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (gloss_project_get_lock (self));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  else if (sqlite3_changes (gloss_project_get_db (self)) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("The document no longer exists"));
      rc = SQLITE_NOTFOUND;
    }
  g_rec_mutex_unlock (gloss_project_get_lock (self));

  if (rc == SQLITE_DONE)
    gloss_project_notify_documents_changed (self);

  return rc == SQLITE_DONE;
}

gboolean
gloss_project_delete_document (GlossProject  *self,
                               gint64         id,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  g_rec_mutex_lock (gloss_project_get_lock (self));
  rc = sqlite3_exec (gloss_project_get_db (self), "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_project_set_error (self, error, rc);
      g_rec_mutex_unlock (gloss_project_get_lock (self));
      return FALSE;
    }

  /* Its codings and memos go with it (by foreign key and trigger), and so
   * does every undoable action that touched them. */
  stmt = gloss_project_prepare (self, "DELETE FROM document WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);

      if (rc != SQLITE_DONE)
        gloss_project_set_error (self, error, rc);
      else if (sqlite3_changes (gloss_project_get_db (self)) == 0)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The document no longer exists"));
      else if (gloss_journal_forget_document (gloss_project_get_db (self), id, error))
        {
          rc = sqlite3_exec (gloss_project_get_db (self), "COMMIT", NULL, NULL, NULL);
          if (rc == SQLITE_OK)
            ok = TRUE;
          else
            gloss_project_set_error (self, error, rc);
        }
    }
  if (!ok)
    sqlite3_exec (gloss_project_get_db (self), "ROLLBACK", NULL, NULL, NULL);
  g_rec_mutex_unlock (gloss_project_get_lock (self));

  if (ok)
    {
      gloss_project_notify_documents_changed (self);
      gloss_project_notify_codes_changed (self);
      gloss_project_notify_codings_changed (self);
    }

  return ok;
}

GBytes *
gloss_project_load_document_bytes (GlossProject  *self,
                                   gint64         id,
                                   GError       **error)
{
  GBytes *bytes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  g_rec_mutex_lock (gloss_project_get_lock (self));
  stmt = gloss_project_prepare (self, "SELECT bytes FROM document_bytes WHERE document_id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      else if (rc == SQLITE_DONE)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The document no longer exists"));
      else
        gloss_project_set_error (self, error, rc);
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (gloss_project_get_lock (self));

  return bytes;
}

char *
gloss_project_dup_document_password (GlossProject *self,
                                     gint64        id)
{
  char *password = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  g_rec_mutex_lock (gloss_project_get_lock (self));
  stmt = gloss_project_prepare (self, "SELECT password FROM document WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        password = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (gloss_project_get_lock (self));

  return password;
}

char *
gloss_project_load_document_text (GlossProject  *self,
                                  gint64         id,
                                  GError       **error)
{
  char *text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  g_rec_mutex_lock (gloss_project_get_lock (self));
  stmt = gloss_project_prepare (self, "SELECT text FROM document WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else if (rc == SQLITE_DONE)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The document no longer exists"));
      else
        gloss_project_set_error (self, error, rc);
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (gloss_project_get_lock (self));

  return text;
}

/* Glyph boxes are stored as little-endian 32-bit floats, x1 y1 x2 y2. */
static GBytes *
pack_rects (const GlossRect *rects,
            guint            n)
{
  guint32 *out = g_new (guint32, (gsize) n * 4 + 1);
  guint i;

  for (i = 0; i < n; i++)
    {
      const float values[4] = { rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2 };
      guint k;

      for (k = 0; k < 4; k++)
        {
          guint32 bits;

          memcpy (&bits, &values[k], sizeof bits);
          out[i * 4 + k] = GUINT32_TO_LE (bits);
        }
    }

  return g_bytes_new_take (out, (gsize) n * 4 * sizeof (guint32));
}

static GlossRect *
unpack_rects (const void *data,
              gsize       size,
              guint       n)
{
  GlossRect *rects = g_new0 (GlossRect, MAX (n, 1));
  const guchar *p = data;
  guint i;

  if (size < (gsize) n * 16)
    n = size / 16;

  for (i = 0; i < n; i++)
    {
      float values[4];
      guint k;

      for (k = 0; k < 4; k++)
        {
          guint32 bits;

          memcpy (&bits, p + (i * 4 + k) * 4, sizeof bits);
          bits = GUINT32_FROM_LE (bits);
          memcpy (&values[k], &bits, sizeof bits);
        }
      rects[i].x1 = values[0];
      rects[i].y1 = values[1];
      rects[i].x2 = values[2];
      rects[i].y2 = values[3];
    }

  return rects;
}

GlossLayout *
gloss_project_load_layout (GlossProject  *self,
                           gint64         id,
                           GError       **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  g_rec_mutex_lock (gloss_project_get_lock (self));

  text = gloss_project_load_document_text (self, id, error);
  if (text == NULL)
    {
      g_rec_mutex_unlock (gloss_project_get_lock (self));
      return NULL;
    }

  stmt = gloss_project_prepare (self,
                                "SELECT number, start, \"end\", width, height, rects FROM page"
                                " WHERE document_id = ?1 ORDER BY number",
                                error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (gloss_project_get_lock (self));
      return NULL;
    }

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_page_free);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint start = sqlite3_column_int (stmt, 1);
      guint end = MAX ((guint) sqlite3_column_int (stmt, 2), start);
      GlossRect *rects = NULL;

      if (sqlite3_column_type (stmt, 5) == SQLITE_BLOB)
        rects = unpack_rects (sqlite3_column_blob (stmt, 5),
                              sqlite3_column_bytes (stmt, 5),
                              end - start);

      g_ptr_array_add (pages, gloss_page_new (sqlite3_column_int (stmt, 0), start, end,
                                              sqlite3_column_double (stmt, 3),
                                              sqlite3_column_double (stmt, 4),
                                              rects));
    }
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (gloss_project_get_lock (self));

  if (rc != SQLITE_DONE)
    return NULL;

  return gloss_layout_new (text, g_steal_pointer (&pages));
}

/**
 * gloss_project_search:
 * @query: an FTS5 query ("early help", help AND exploitation …)
 *
 * Returns: (transfer full) (element-type gint64): matching document ids,
 *   best first
 */
GArray *
gloss_project_search (GlossProject  *self,
                      const char    *query,
                      GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  g_rec_mutex_lock (gloss_project_get_lock (self));
  stmt = gloss_project_prepare (self,
                                "SELECT rowid FROM document_fts WHERE document_fts MATCH ?1 ORDER BY rank",
                                error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (gloss_project_get_lock (self));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_ERROR)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                     _("The search “%s” is not valid (%s)"), query, sqlite3_errmsg (gloss_project_get_db (self)));
      else
        gloss_project_set_error (self, error, rc);
    }
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (gloss_project_get_lock (self));

  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

static char *
unique_name (GlossProject *self,
             const char   *wanted)
{
  char *name = g_strdup (wanted);
  guint n;

  for (n = 2; name_taken (self, name, -1); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s (%u)", wanted, n);
    }

  return name;
}

static gboolean
step_done (GlossProject  *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      gloss_project_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Stores an extracted document in one transaction.  Another writer gets
 * the busy timeout to finish first; after that the project is in use. */
GlossDocument *
gloss_project_add_document (GlossProject     *self,
                            const char       *name,
                            GBytes           *bytes,
                            const char       *sha256,
                            const char       *password,
                            GlossExtraction  *extraction,
                            GError          **error)
{
  g_autofree char *guid = g_uuid_string_random ();
  g_autofree char *final_name = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GDateTime) dt = g_date_time_new_now_utc ();
  GlossLayout *layout = extraction->layout;
  GlossDocument *existing;
  sqlite3_stmt *stmt;
  gint64 id;
  guint i;
  int rc;

  now = g_date_time_format_iso8601 (dt);

  g_rec_mutex_lock (gloss_project_get_lock (self));

  rc = sqlite3_exec (gloss_project_get_db (self), "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_project_set_error (self, error, rc);
      g_rec_mutex_unlock (gloss_project_get_lock (self));
      return NULL;
    }

  /* Another process may have imported the same bytes meanwhile. */
  existing = gloss_project_find_by_sha256 (self, sha256);
  if (existing != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DUPLICATE,
                   _("It is already in the project as “%s”"),
                   gloss_document_get_name (existing));
      g_object_unref (existing);
      goto fail;
    }

  final_name = unique_name (self, name);

  stmt = gloss_project_prepare (self,
                                "INSERT INTO document (guid, name, kind, sha256, size, pages, chars,"
                                " text, imported_at, password)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, final_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, gloss_document_kind_to_string (extraction->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, g_bytes_get_size (bytes));
  sqlite3_bind_int (stmt, 6, gloss_layout_get_n_pages (layout));
  sqlite3_bind_int (stmt, 7, gloss_layout_get_n_chars (layout));
  sqlite3_bind_text (stmt, 8, gloss_layout_get_text (layout), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  if (password != NULL && *password != '\0')
    sqlite3_bind_text (stmt, 10, password, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 10);
  if (!step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (gloss_project_get_db (self));

  stmt = gloss_project_prepare (self, "INSERT INTO document_bytes (document_id, bytes) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_blob64 (stmt, 2, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                       SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    goto fail;

  for (i = 0; i < gloss_layout_get_n_pages (layout); i++)
    {
      const GlossPage *page = gloss_layout_get_page (layout, i);
      g_autoptr(GBytes) packed = NULL;

      stmt = gloss_project_prepare (self,
                                    "INSERT INTO page (document_id, number, start, \"end\", width, height, rects)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                    error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, page->number);
      sqlite3_bind_int (stmt, 3, page->start);
      sqlite3_bind_int (stmt, 4, page->end);
      sqlite3_bind_double (stmt, 5, page->width);
      sqlite3_bind_double (stmt, 6, page->height);
      if (page->rects != NULL)
        {
          packed = pack_rects (page->rects, page->end - page->start);
          sqlite3_bind_blob64 (stmt, 7, g_bytes_get_data (packed, NULL),
                               g_bytes_get_size (packed), SQLITE_STATIC);
        }
      else
        sqlite3_bind_null (stmt, 7);
      if (!step_done (self, stmt, error))
        goto fail;
    }

  rc = sqlite3_exec (gloss_project_get_db (self), "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_project_set_error (self, error, rc);
      goto fail;
    }
  g_rec_mutex_unlock (gloss_project_get_lock (self));

  gloss_project_notify_documents_changed (self);

  return gloss_project_get_document (self, id, error);

fail:
  sqlite3_exec (gloss_project_get_db (self), "ROLLBACK", NULL, NULL, NULL);
  g_rec_mutex_unlock (gloss_project_get_lock (self));
  return NULL;
}

static char *
document_name_for_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (base);
  char *dot = strrchr (display, '.');

  if (dot != NULL && dot != display &&
      (g_ascii_strcasecmp (dot, ".pdf") == 0 || g_ascii_strcasecmp (dot, ".txt") == 0 ||
       g_ascii_strcasecmp (dot, ".text") == 0))
    *dot = '\0';

  return g_steal_pointer (&display);
}

/**
 * gloss_project_import_file:
 * @password: (nullable): for an encrypted PDF
 *
 * Reads, extracts and stores one file.  The same bytes imported twice
 * give %GLOSS_ERROR_DUPLICATE, naming the document already there.  May be
 * called from any thread.
 *
 * Returns: (transfer full): the new document
 */
GlossDocument *
gloss_project_import_file (GlossProject  *self,
                           GFile         *file,
                           const char    *password,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GlossExtraction) extraction = NULL;
  g_autoptr(GlossDocument) existing = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      /* Cancelled while reading: the caller reports it as such. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The file does not exist"));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                     _("It is a folder, not a file"));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                     _("The file cannot be read: %s"), local_error->message);
      return NULL;
    }

  sha256 = gloss_sha256_bytes (bytes);
  existing = gloss_project_find_by_sha256 (self, sha256);
  if (existing != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DUPLICATE,
                   _("It is already in the project as “%s”"),
                   gloss_document_get_name (existing));
      return NULL;
    }

  base = g_file_get_basename (file);
  extraction = gloss_extract (bytes, base, password, cancellable, error);
  if (extraction == NULL)
    return NULL;

  name = document_name_for_file (file);

  return gloss_project_add_document (self, name, bytes, sha256,
                                     extraction->kind == GLOSS_DOCUMENT_KIND_PDF ? password : NULL,
                                     extraction, error);
}
