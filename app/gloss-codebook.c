/* gloss-codebook.c: the codes of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-codebook.h"
#include "gloss-codebook-private.h"
#include "gloss-error.h"
#include "gloss-project-private.h"

/* Distinct colours for new codes, in turn. */
static const char * const palette[] = {
  "#3584e4", "#e66100", "#2ec27e", "#c061cb", "#f5c211", "#e01b24",
  "#1c71d8", "#986a44", "#26a269", "#813d9c", "#f66151", "#5e5c64",
};

/* Steps a statement that returns no rows, and finalizes it. */
gboolean
_gloss_codebook_run (GlossProject  *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                     _("The change would break the project’s rules (%s)"),
                     sqlite3_errstr (rc));
      else
        gloss_project_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

gint64
_gloss_codebook_query_id (GlossProject *self,
                          const char   *sql,
                          gint64        a,
                          const char   *text)
{
  sqlite3_stmt *stmt = gloss_project_prepare (self, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, a);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return id;
}

/* An action: one write transaction, recorded in the undo journal. */
gboolean
_gloss_codebook_begin_action (GlossProject  *self,
                              const char    *label,
                              GError       **error)
{
  return gloss_project_begin_action (self, label, error);
}

gboolean
_gloss_codebook_end_action (GlossProject  *self,
                            gboolean       ok,
                            gboolean       codes,
                            gboolean       codings,
                            GError       **error)
{
  ok = gloss_project_end_action (self, ok, error);

  if (ok && codes)
    gloss_project_notify_codes_changed (self);
  if (ok && codings)
    gloss_project_notify_codings_changed (self);

  return ok;
}

/* ---- codes ---- */

#define CODE_SELECT \
  CODE_TREE \
  "SELECT c.id, c.guid, ifnull (c.parent_id, 0), c.name, tree.path, c.description, c.colour," \
  " c.position, ifnull (c.pin, 0) FROM code c JOIN tree ON tree.id = c.id "

static GlossCode *
code_from_row (sqlite3_stmt *stmt)
{
  return gloss_code_new (sqlite3_column_int64 (stmt, 0),
                         (const char *) sqlite3_column_text (stmt, 1),
                         sqlite3_column_int64 (stmt, 2),
                         (const char *) sqlite3_column_text (stmt, 3),
                         (const char *) sqlite3_column_text (stmt, 4),
                         (const char *) sqlite3_column_text (stmt, 5),
                         (const char *) sqlite3_column_text (stmt, 6),
                         sqlite3_column_int (stmt, 7),
                         sqlite3_column_int (stmt, 8));
}

GPtrArray *
gloss_project_list_codes (GlossProject  *self,
                          GError       **error)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  LOCK (self);
  stmt = gloss_project_prepare (self, CODE_SELECT "ORDER BY tree.sortkey", error);
  if (stmt == NULL)
    {
      UNLOCK (self);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (codes, code_from_row (stmt));
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);
  UNLOCK (self);

  return rc == SQLITE_DONE ? g_steal_pointer (&codes) : NULL;
}

GlossCode *
gloss_project_get_code (GlossProject  *self,
                        gint64         id,
                        GError       **error)
{
  GlossCode *code = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  LOCK (self);
  stmt = gloss_project_prepare (self, CODE_SELECT "WHERE c.id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        code = code_from_row (stmt);
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The code no longer exists"));
      sqlite3_finalize (stmt);
    }
  UNLOCK (self);

  return code;
}

/**
 * gloss_project_lookup_code:
 * @path_or_guid: "parent/child" or a code's GUID
 */
GlossCode *
gloss_project_lookup_code (GlossProject  *self,
                           const char    *path_or_guid,
                           GError       **error)
{
  GlossCode *code = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (path_or_guid != NULL, NULL);

  LOCK (self);
  stmt = gloss_project_prepare (self, CODE_SELECT "WHERE tree.path = ?1 OR c.guid = lower (?1)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, path_or_guid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        code = code_from_row (stmt);
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The codebook has no code “%s”"), path_or_guid);
      sqlite3_finalize (stmt);
    }
  UNLOCK (self);

  return code;
}

static gboolean
check_code_name (const char  *name,
                 GError     **error)
{
  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("A code needs a name"));
      return FALSE;
    }
  if (strchr (name, '/') != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("A code’s name cannot contain “/”, which separates the levels of a path"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_colour (const char  *colour,
              GError     **error)
{
  guint i;

  if (colour != NULL && strlen (colour) == 7 && colour[0] == '#')
    {
      for (i = 1; i < 7; i++)
        if (!g_ascii_isxdigit (colour[i]))
          break;
      if (i == 7)
        return TRUE;
    }

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
               _("“%s” is not a colour of the form #RRGGBB"), colour ? colour : "");
  return FALSE;
}

static gboolean
sibling_named (GlossProject *self,
               gint64        parent_id,
               const char   *name,
               gint64        except_id)
{
  sqlite3_stmt *stmt = gloss_project_prepare (self,
                                                "SELECT 1 FROM code WHERE ifnull (parent_id, 0) = ?1 AND name = ?2"
                                                " AND id != ?3",
                                                NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, except_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return found;
}

gboolean
_gloss_codebook_code_exists (GlossProject *self,
                             gint64        id)
{
  return _gloss_codebook_query_id (self, "SELECT id FROM code WHERE id = ?1", id, NULL) != 0;
}

/* A new code, last among its siblings; guid: (nullable) a new one when
 * NULL. */
gint64
_gloss_codebook_insert_code (GlossProject  *self,
                             gint64         parent_id,
                             const char    *name,
                             const char    *guid,
                             const char    *colour,
                             const char    *description,
                             GError       **error)
{
  g_autofree char *random_guid = guid == NULL ? g_uuid_string_random () : NULL;
  g_autofree char *now = gloss_now_iso8601 ();
  g_autofree char *lower = NULL;
  gint64 n_codes, position;
  sqlite3_stmt *stmt;

  if (parent_id != 0 && !_gloss_codebook_code_exists (self, parent_id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The parent code no longer exists"));
      return 0;
    }
  if (sibling_named (self, parent_id, name, 0))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("There is already a code “%s” at that level"), name);
      return 0;
    }

  n_codes = _gloss_codebook_query_id (self, "SELECT count (*) FROM code WHERE ?1 = ?1", 0, NULL);
  position = _gloss_codebook_query_id (self, "SELECT ifnull (max (position) + 1, 0) FROM code"
                                             " WHERE ifnull (parent_id, 0) = ?1", parent_id, NULL);
  if (colour == NULL)
    colour = palette[n_codes % G_N_ELEMENTS (palette)];
  lower = g_ascii_strdown (colour, -1);

  stmt = gloss_project_prepare (self,
                                  "INSERT INTO code (guid, parent_id, name, description, colour, position,"
                                  " created_at, changed_at) VALUES (?1, nullif (?2, 0), ?3, ?4, ?5, ?6, ?7, ?7)",
                                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, guid != NULL ? guid : random_guid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, parent_id);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, description ? description : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, lower, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, position);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  if (!_gloss_codebook_run (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (DB (self));
}

static gint64
insert_code (GlossProject  *self,
             gint64         parent_id,
             const char    *name,
             const char    *colour,
             const char    *description,
             GError       **error)
{
  return _gloss_codebook_insert_code (self, parent_id, name, NULL, colour, description, error);
}

/**
 * gloss_project_add_code:
 * @parent_id: 0 for the root
 * @colour: (nullable): "#rrggbb", or %NULL for the next of the palette
 * @description: (nullable)
 */
GlossCode *
gloss_project_add_code (GlossProject  *self,
                        gint64         parent_id,
                        const char    *name,
                        const char    *colour,
                        const char    *description,
                        GError       **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (!check_code_name (stripped, error) ||
      (colour != NULL && !check_colour (colour, error)))
    return NULL;

  label = g_strdup_printf (_("Add Code “%s”"), stripped);
  if (!_gloss_codebook_begin_action (self, label, error))
    return NULL;
  id = insert_code (self, parent_id, stripped, colour, description, error);
  if (!_gloss_codebook_end_action (self, id != 0, TRUE, FALSE, error))
    return NULL;

  return gloss_project_get_code (self, id, error);
}

GlossCode *
gloss_project_ensure_code_path (GlossProject  *self,
                                const char    *path,
                                const char    *colour,
                                const char    *description,
                                GError       **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *label = NULL;
  gint64 parent = 0, id = 0;
  gboolean ok = TRUE;
  guint i, n;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (colour != NULL && !check_colour (colour, error))
    return NULL;

  parts = g_strsplit (path, "/", -1);
  n = g_strv_length (parts);
  if (n == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("A code needs a name"));
      return NULL;
    }
  for (i = 0; i < n; i++)
    {
      g_strstrip (parts[i]);
      if (!check_code_name (parts[i], NULL))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("“%s” is not a valid code path"), path);
          return NULL;
        }
    }

  label = g_strdup_printf (_("Add Code “%s”"), path);
  if (!_gloss_codebook_begin_action (self, label, error))
    return NULL;

  for (i = 0; i < n && ok; i++)
    {
      sqlite3_stmt *stmt = gloss_project_prepare (self,
                                                    "SELECT id FROM code WHERE ifnull (parent_id, 0) = ?1 AND name = ?2",
                                                    error);

      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (stmt, 1, parent);
      sqlite3_bind_text (stmt, 2, parts[i], -1, SQLITE_TRANSIENT);
      id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_finalize (stmt);

      if (id == 0)
        {
          /* Colour and description are for the last level. */
          gboolean last = i == n - 1;

          id = insert_code (self, parent, parts[i], last ? colour : NULL,
                            last ? description : NULL, error);
          ok = id != 0;
        }
      parent = id;
    }

  if (!_gloss_codebook_end_action (self, ok, TRUE, FALSE, error))
    return NULL;

  return gloss_project_get_code (self, id, error);
}

static gboolean
update_code_field (GlossProject  *self,
                   gint64         id,
                   const char    *label,
                   const char    *column,
                   const char    *text,
                   gint64         number,
                   GError       **error)
{
  g_autofree char *now = gloss_now_iso8601 ();
  char *sql;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!_gloss_codebook_begin_action (self, label, error))
    return FALSE;

  if (!_gloss_codebook_code_exists (self, id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The code no longer exists"));
      return _gloss_codebook_end_action (self, FALSE, FALSE, FALSE, NULL);
    }

  sql = sqlite3_mprintf ("UPDATE code SET \"%w\" = ?1, changed_at = ?2 WHERE id = ?3"
                         " AND \"%w\" IS NOT ?1", column, column);
  stmt = gloss_project_prepare (self, sql, error);
  sqlite3_free (sql);
  if (stmt != NULL)
    {
      if (text != NULL)
        sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      else if (number != 0)
        sqlite3_bind_int64 (stmt, 1, number);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, id);
    }
  ok = _gloss_codebook_run (self, stmt, error);

  return _gloss_codebook_end_action (self, ok, TRUE, FALSE, error);
}

gboolean
gloss_project_rename_code (GlossProject  *self,
                           gint64         id,
                           const char    *name,
                           GError       **error)
{
  g_autoptr(GlossCode) code = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (!check_code_name (stripped, error))
    return FALSE;

  code = gloss_project_get_code (self, id, error);
  if (code == NULL)
    return FALSE;
  if (sibling_named (self, gloss_code_get_parent_id (code), stripped, id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("There is already a code “%s” at that level"), stripped);
      return FALSE;
    }

  label = g_strdup_printf (_("Rename Code “%s”"), gloss_code_get_name (code));
  return update_code_field (self, id, label, "name", stripped, 0, error);
}

gboolean
gloss_project_set_code_colour (GlossProject  *self,
                               gint64         id,
                               const char    *colour,
                               GError       **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!check_colour (colour, error))
    return FALSE;
  lower = g_ascii_strdown (colour, -1);

  return update_code_field (self, id, _("Change Code Colour"), "colour", lower, 0, error);
}

gboolean
gloss_project_set_code_description (GlossProject  *self,
                                    gint64         id,
                                    const char    *description,
                                    GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  return update_code_field (self, id, _("Change Code Description"), "description",
                            description ? description : "", 0, error);
}

gboolean
gloss_project_set_code_pin (GlossProject  *self,
                            gint64         id,
                            guint          pin,
                            GError       **error)
{
  g_autofree char *now = gloss_now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (pin > 9)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("Codes are pinned to the keys 1 to 9"));
      return FALSE;
    }

  if (!_gloss_codebook_begin_action (self, _("Pin Code"), error))
    return FALSE;

  if (!_gloss_codebook_code_exists (self, id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The code no longer exists"));
      return _gloss_codebook_end_action (self, FALSE, FALSE, FALSE, NULL);
    }

  /* The key moves from whichever code had it. */
  stmt = gloss_project_prepare (self, "UPDATE code SET pin = NULL, changed_at = ?2 WHERE pin = ?1 AND id != ?3", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, pin);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, id);
    }
  ok = pin == 0 || _gloss_codebook_run (self, stmt, error);
  if (pin == 0 && stmt != NULL)
    sqlite3_finalize (stmt);

  if (ok)
    {
      stmt = gloss_project_prepare (self, "UPDATE code SET pin = nullif (?1, 0), changed_at = ?2"
                                            " WHERE id = ?3 AND pin IS NOT nullif (?1, 0)", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int (stmt, 1, pin);
          sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, id);
        }
      ok = _gloss_codebook_run (self, stmt, error);
    }

  return _gloss_codebook_end_action (self, ok, TRUE, FALSE, error);
}

/* Whether candidate is code or lies below it. */
static gboolean
is_in_subtree (GlossProject *self,
               gint64        candidate,
               gint64        code)
{
  gint64 current = candidate;
  guint guard = 0;

  while (current != 0 && guard++ < 10000)
    {
      if (current == code)
        return TRUE;
      current = _gloss_codebook_query_id (self, "SELECT ifnull (parent_id, 0) FROM code WHERE id = ?1", current, NULL);
    }

  return FALSE;
}

/* Gives the siblings under parent_id the positions 0, 1, … in order,
 * with id placed at position. */
static gboolean
renumber_siblings (GlossProject  *self,
                   gint64         parent_id,
                   gint64         id,
                   int            position,
                   GError       **error)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = gloss_now_iso8601 ();
  sqlite3_stmt *stmt;
  guint i;

  stmt = gloss_project_prepare (self,
                                  "SELECT id FROM code WHERE ifnull (parent_id, 0) = ?1 AND id != ?2"
                                  " ORDER BY position, id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 sibling = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (order, sibling);
    }
  sqlite3_finalize (stmt);

  if (id != 0)
    {
      if (position < 0 || (guint) position > order->len)
        position = order->len;
      g_array_insert_val (order, position, id);
    }

  for (i = 0; i < order->len; i++)
    {
      stmt = gloss_project_prepare (self,
                                      "UPDATE code SET position = ?1, changed_at = ?3 WHERE id = ?2 AND position != ?1",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, g_array_index (order, gint64, i));
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      if (!_gloss_codebook_run (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
move_code (GlossProject  *self,
           gint64         id,
           gint64         new_parent_id,
           int            position,
           GError       **error)
{
  g_autoptr(GlossCode) code = NULL;
  g_autofree char *now = gloss_now_iso8601 ();
  sqlite3_stmt *stmt;
  gint64 old_parent;

  code = gloss_project_get_code (self, id, error);
  if (code == NULL)
    return FALSE;
  old_parent = gloss_code_get_parent_id (code);

  if (new_parent_id != 0 && !_gloss_codebook_code_exists (self, new_parent_id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The new parent code no longer exists"));
      return FALSE;
    }
  if (new_parent_id != 0 && is_in_subtree (self, new_parent_id, id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s” cannot move below itself"), gloss_code_get_name (code));
      return FALSE;
    }
  if (sibling_named (self, new_parent_id, gloss_code_get_name (code), id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("There is already a code “%s” at that level"), gloss_code_get_name (code));
      return FALSE;
    }

  if (new_parent_id != old_parent)
    {
      stmt = gloss_project_prepare (self, "UPDATE code SET parent_id = nullif (?1, 0), changed_at = ?3 WHERE id = ?2",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, new_parent_id);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      if (!_gloss_codebook_run (self, stmt, error))
        return FALSE;
      if (!renumber_siblings (self, old_parent, 0, -1, error))
        return FALSE;
    }

  return renumber_siblings (self, new_parent_id, id, position, error);
}

gboolean
gloss_project_move_code (GlossProject  *self,
                         gint64         id,
                         gint64         new_parent_id,
                         int            position,
                         GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!_gloss_codebook_begin_action (self, _("Move Code"), error))
    return FALSE;
  ok = move_code (self, id, new_parent_id, position, error);

  return _gloss_codebook_end_action (self, ok, TRUE, TRUE, error);
}

gboolean
_gloss_codebook_exec_bound (GlossProject  *self,
                            const char    *sql,
                            gint64         a,
                            gint64         b,
                            GError       **error)
{
  g_autofree char *now = gloss_now_iso8601 ();
  sqlite3_stmt *stmt = gloss_project_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);

  return _gloss_codebook_run (self, stmt, error);
}

static gboolean delete_subtree (GlossProject *self, gint64 id, GError **error);

/* Codings of from go to into; a coding into already has (same document,
 * coder and range) is dropped.  Sub-codes follow, merging with a sub-code
 * of the same name. */
static gboolean
merge_code (GlossProject  *self,
            gint64         from_id,
            gint64         into_id,
            GError       **error)
{
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint i;

  /* The code that goes away takes a name no sibling can have (its GUID),
   * so that neither it nor its name is mistaken for a target below. */
  if (!_gloss_codebook_exec_bound (self, "UPDATE code SET name = guid, changed_at = ?3 WHERE id = ?1 AND ?2 = ?2",
                                   from_id, 0, error))
    return FALSE;

  if (!_gloss_codebook_exec_bound (self,
                                   "DELETE FROM coding WHERE code_id = ?1 AND EXISTS ("
                                   "  SELECT 1 FROM coding other WHERE other.code_id = ?2"
                                   "  AND other.document_id = coding.document_id"
                                   "  AND other.coder_id = coding.coder_id"
                                   "  AND other.start = coding.start AND other.\"end\" = coding.\"end\")",
                                   from_id, into_id, error) ||
      !_gloss_codebook_exec_bound (self, "UPDATE coding SET code_id = ?2, changed_at = ?3 WHERE code_id = ?1",
                                   from_id, into_id, error))
    return FALSE;

  stmt = gloss_project_prepare (self, "SELECT id FROM code WHERE parent_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 child = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (children, child);
    }
  sqlite3_finalize (stmt);

  for (i = 0; i < children->len; i++)
    {
      gint64 child = g_array_index (children, gint64, i);
      gint64 twin;

      stmt = gloss_project_prepare (self,
                                      "SELECT twin.id FROM code twin, code child"
                                      " WHERE child.id = ?1 AND twin.parent_id = ?2 AND twin.name = child.name",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, child);
      sqlite3_bind_int64 (stmt, 2, into_id);
      twin = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_finalize (stmt);

      if (twin != 0)
        {
          if (!merge_code (self, child, twin, error))
            return FALSE;
        }
      else if (!move_code (self, child, into_id, -1, error))
        return FALSE;
    }

  return delete_subtree (self, from_id, error);
}

gboolean
gloss_project_merge_code (GlossProject  *self,
                          gint64         from_id,
                          gint64         into_id,
                          GError       **error)
{
  g_autoptr(GlossCode) from = NULL;
  g_autoptr(GlossCode) into = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  from = gloss_project_get_code (self, from_id, error);
  if (from == NULL)
    return FALSE;
  into = gloss_project_get_code (self, into_id, error);
  if (into == NULL)
    return FALSE;

  LOCK (self);
  if (from_id == into_id || is_in_subtree (self, into_id, from_id))
    {
      UNLOCK (self);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s” cannot be merged into itself or into one of its sub-codes"),
                   gloss_code_get_name (from));
      return FALSE;
    }

  label = g_strdup_printf (_("Merge “%s” into “%s”"), gloss_code_get_name (from),
                           gloss_code_get_name (into));
  if (!_gloss_codebook_begin_action (self, label, error))
    {
      UNLOCK (self);
      return FALSE;
    }
  UNLOCK (self);
  ok = merge_code (self, from_id, into_id, error);

  return _gloss_codebook_end_action (self, ok, TRUE, TRUE, error);
}

static gboolean
delete_subtree (GlossProject  *self,
                gint64         id,
                GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 parent;
  sqlite3_stmt *stmt;
  guint i;

  parent = _gloss_codebook_query_id (self, "SELECT ifnull (parent_id, 0) FROM code WHERE id = ?1", id, NULL);

  /* Deepest first, so that no code is removed before its children. */
  stmt = gloss_project_prepare (self,
                                  "WITH RECURSIVE sub (id, depth) AS ("
                                  "  SELECT ?1, 0 UNION ALL"
                                  "  SELECT c.id, sub.depth + 1 FROM code c JOIN sub ON c.parent_id = sub.id"
                                  ") SELECT id FROM sub ORDER BY depth DESC, id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 sub = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, sub);
    }
  sqlite3_finalize (stmt);

  for (i = 0; i < ids->len; i++)
    {
      gint64 sub = g_array_index (ids, gint64, i);

      if (!_gloss_codebook_exec_bound (self, "DELETE FROM coding WHERE code_id = ?1 AND ?2 = ?2", sub, 0, error) ||
          !_gloss_codebook_exec_bound (self, "DELETE FROM memo WHERE target = 'code' AND target_id = ?1 AND ?2 = ?2",
                                       sub, 0, error) ||
          !_gloss_codebook_exec_bound (self, "DELETE FROM code WHERE id = ?1 AND ?2 = ?2", sub, 0, error))
        return FALSE;
    }

  return renumber_siblings (self, parent, 0, -1, error);
}

gboolean
gloss_project_delete_code (GlossProject  *self,
                           gint64         id,
                           GError       **error)
{
  g_autoptr(GlossCode) code = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  code = gloss_project_get_code (self, id, error);
  if (code == NULL)
    return FALSE;

  label = g_strdup_printf (_("Delete Code “%s”"), gloss_code_get_name (code));
  if (!_gloss_codebook_begin_action (self, label, error))
    return FALSE;
  ok = delete_subtree (self, id, error);

  return _gloss_codebook_end_action (self, ok, TRUE, TRUE, error);
}

