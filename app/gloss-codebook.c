/* gloss-codebook.c: codes, coders, codings, memos and undo of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-codebook.h"
#include "gloss-error.h"
#include "gloss-journal.h"
#include "gloss-project-private.h"

/* Distinct colours for new codes, in turn. */
static const char * const palette[] = {
  "#3584e4", "#e66100", "#2ec27e", "#c061cb", "#f5c211", "#e01b24",
  "#1c71d8", "#986a44", "#26a269", "#813d9c", "#f66151", "#5e5c64",
};

#define LOCK(self) g_rec_mutex_lock (gloss_project_get_lock (self))
#define UNLOCK(self) g_rec_mutex_unlock (gloss_project_get_lock (self))
#define DB(self) gloss_project_get_db (self)

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

static sqlite3_stmt *
prepare (GlossProject  *self,
         const char    *sql,
         GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (DB (self), sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      gloss_project_set_error (self, error, rc);
      return NULL;
    }

  return stmt;
}

/* Steps a statement that returns no rows, and finalizes it. */
static gboolean
run (GlossProject  *self,
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

static gint64
query_id (GlossProject *self,
          const char   *sql,
          gint64        a,
          const char   *text)
{
  sqlite3_stmt *stmt = prepare (self, sql, NULL);
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
static gboolean
begin_action (GlossProject  *self,
              const char    *label,
              GError       **error)
{
  return gloss_project_begin_action (self, label, error);
}

static gboolean
end_action (GlossProject  *self,
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

/* ---- coders ---- */

gint64
gloss_project_lookup_coder (GlossProject *self,
                            const char   *name)
{
  gint64 id;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), 0);

  LOCK (self);
  id = query_id (self, "SELECT id FROM coder WHERE ?1 = ?1 AND name = ?2", 0, name);
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
  g_autofree char *now = now_iso8601 ();
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
      stmt = prepare (self, "INSERT INTO coder (guid, name, created_at) VALUES (?1, ?2, ?3)", error);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
          if (run (self, stmt, error))
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
  stmt = prepare (self, "SELECT id, name FROM coder ORDER BY id", error);
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

/* ---- codes ---- */

#define CODE_TREE \
  "WITH RECURSIVE tree (id, path, sortkey) AS (" \
  "  SELECT id, name, printf ('%08d', position) FROM code WHERE parent_id IS NULL" \
  "  UNION ALL" \
  "  SELECT c.id, tree.path || '/' || c.name, tree.sortkey || '/' || printf ('%08d', c.position)" \
  "  FROM code c JOIN tree ON c.parent_id = tree.id" \
  ") "

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
  stmt = prepare (self, CODE_SELECT "ORDER BY tree.sortkey", error);
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
  stmt = prepare (self, CODE_SELECT "WHERE c.id = ?1", error);
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
  stmt = prepare (self, CODE_SELECT "WHERE tree.path = ?1 OR c.guid = lower (?1)", error);
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
  sqlite3_stmt *stmt = prepare (self,
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

static gboolean
code_exists (GlossProject *self,
             gint64        id)
{
  return query_id (self, "SELECT id FROM code WHERE id = ?1", id, NULL) != 0;
}

static gint64
insert_code (GlossProject  *self,
             gint64         parent_id,
             const char    *name,
             const char    *colour,
             const char    *description,
             GError       **error)
{
  g_autofree char *guid = g_uuid_string_random ();
  g_autofree char *now = now_iso8601 ();
  g_autofree char *lower = NULL;
  gint64 n_codes, position;
  sqlite3_stmt *stmt;

  if (parent_id != 0 && !code_exists (self, parent_id))
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

  n_codes = query_id (self, "SELECT count (*) FROM code WHERE ?1 = ?1", 0, NULL);
  position = query_id (self, "SELECT ifnull (max (position) + 1, 0) FROM code"
                             " WHERE ifnull (parent_id, 0) = ?1", parent_id, NULL);
  if (colour == NULL)
    colour = palette[n_codes % G_N_ELEMENTS (palette)];
  lower = g_ascii_strdown (colour, -1);

  stmt = prepare (self,
                  "INSERT INTO code (guid, parent_id, name, description, colour, position,"
                  " created_at, changed_at) VALUES (?1, nullif (?2, 0), ?3, ?4, ?5, ?6, ?7, ?7)",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, parent_id);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, description ? description : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, lower, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, position);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  if (!run (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (DB (self));
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
  if (!begin_action (self, label, error))
    return NULL;
  id = insert_code (self, parent_id, stripped, colour, description, error);
  if (!end_action (self, id != 0, TRUE, FALSE, error))
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
  if (!begin_action (self, label, error))
    return NULL;

  for (i = 0; i < n && ok; i++)
    {
      sqlite3_stmt *stmt = prepare (self,
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

  if (!end_action (self, ok, TRUE, FALSE, error))
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
  g_autofree char *now = now_iso8601 ();
  char *sql;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!begin_action (self, label, error))
    return FALSE;

  if (!code_exists (self, id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The code no longer exists"));
      return end_action (self, FALSE, FALSE, FALSE, NULL);
    }

  sql = sqlite3_mprintf ("UPDATE code SET \"%w\" = ?1, changed_at = ?2 WHERE id = ?3"
                         " AND \"%w\" IS NOT ?1", column, column);
  stmt = prepare (self, sql, error);
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
  ok = run (self, stmt, error);

  return end_action (self, ok, TRUE, FALSE, error);
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
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (pin > 9)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("Codes are pinned to the keys 1 to 9"));
      return FALSE;
    }

  if (!begin_action (self, _("Pin Code"), error))
    return FALSE;

  if (!code_exists (self, id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The code no longer exists"));
      return end_action (self, FALSE, FALSE, FALSE, NULL);
    }

  /* The key moves from whichever code had it. */
  stmt = prepare (self, "UPDATE code SET pin = NULL, changed_at = ?2 WHERE pin = ?1 AND id != ?3", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, pin);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, id);
    }
  ok = pin == 0 || run (self, stmt, error);
  if (pin == 0 && stmt != NULL)
    sqlite3_finalize (stmt);

  if (ok)
    {
      stmt = prepare (self, "UPDATE code SET pin = nullif (?1, 0), changed_at = ?2"
                            " WHERE id = ?3 AND pin IS NOT nullif (?1, 0)", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int (stmt, 1, pin);
          sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, id);
        }
      ok = run (self, stmt, error);
    }

  return end_action (self, ok, TRUE, FALSE, error);
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
      current = query_id (self, "SELECT ifnull (parent_id, 0) FROM code WHERE id = ?1", current, NULL);
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
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;
  guint i;

  stmt = prepare (self,
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
      stmt = prepare (self,
                      "UPDATE code SET position = ?1, changed_at = ?3 WHERE id = ?2 AND position != ?1",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, g_array_index (order, gint64, i));
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      if (!run (self, stmt, error))
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
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;
  gint64 old_parent;

  code = gloss_project_get_code (self, id, error);
  if (code == NULL)
    return FALSE;
  old_parent = gloss_code_get_parent_id (code);

  if (new_parent_id != 0 && !code_exists (self, new_parent_id))
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
      stmt = prepare (self, "UPDATE code SET parent_id = nullif (?1, 0), changed_at = ?3 WHERE id = ?2",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, new_parent_id);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      if (!run (self, stmt, error))
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

  if (!begin_action (self, _("Move Code"), error))
    return FALSE;
  ok = move_code (self, id, new_parent_id, position, error);

  return end_action (self, ok, TRUE, TRUE, error);
}

static gboolean
exec_bound (GlossProject  *self,
            const char    *sql,
            gint64         a,
            gint64         b,
            GError       **error)
{
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);

  return run (self, stmt, error);
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
  if (!exec_bound (self, "UPDATE code SET name = guid, changed_at = ?3 WHERE id = ?1 AND ?2 = ?2",
                   from_id, 0, error))
    return FALSE;

  if (!exec_bound (self,
                   "DELETE FROM coding WHERE code_id = ?1 AND EXISTS ("
                   "  SELECT 1 FROM coding other WHERE other.code_id = ?2"
                   "  AND other.document_id = coding.document_id"
                   "  AND other.coder_id = coding.coder_id"
                   "  AND other.start = coding.start AND other.\"end\" = coding.\"end\")",
                   from_id, into_id, error) ||
      !exec_bound (self, "UPDATE coding SET code_id = ?2, changed_at = ?3 WHERE code_id = ?1",
                   from_id, into_id, error))
    return FALSE;

  stmt = prepare (self, "SELECT id FROM code WHERE parent_id = ?1 ORDER BY position", error);
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

      stmt = prepare (self,
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
  if (!begin_action (self, label, error))
    {
      UNLOCK (self);
      return FALSE;
    }
  UNLOCK (self);
  ok = merge_code (self, from_id, into_id, error);

  return end_action (self, ok, TRUE, TRUE, error);
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

  parent = query_id (self, "SELECT ifnull (parent_id, 0) FROM code WHERE id = ?1", id, NULL);

  /* Deepest first, so that no code is removed before its children. */
  stmt = prepare (self,
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

      if (!exec_bound (self, "DELETE FROM coding WHERE code_id = ?1 AND ?2 = ?2", sub, 0, error) ||
          !exec_bound (self, "DELETE FROM memo WHERE target = 'code' AND target_id = ?1 AND ?2 = ?2",
                       sub, 0, error) ||
          !exec_bound (self, "DELETE FROM code WHERE id = ?1 AND ?2 = ?2", sub, 0, error))
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
  if (!begin_action (self, label, error))
    return FALSE;
  ok = delete_subtree (self, id, error);

  return end_action (self, ok, TRUE, TRUE, error);
}

guint
gloss_project_count_code_codings (GlossProject *self,
                                  gint64        id)
{
  guint n;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), 0);

  LOCK (self);
  n = query_id (self,
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
  GArray *counts;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  LOCK (self);
  stmt = prepare (self,
                  "SELECT c.id, ifnull (sum (k.document_id = ?1), 0), count (k.id),"
                  " count (DISTINCT k.document_id)"
                  " FROM code c LEFT JOIN coding k ON k.code_id = c.id"
                  " GROUP BY c.id ORDER BY c.id",
                  error);
  if (stmt == NULL)
    {
      UNLOCK (self);
      return NULL;
    }

  counts = g_array_new (FALSE, TRUE, sizeof (GlossCodeCounts));
  sqlite3_bind_int64 (stmt, 1, document_id);
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
  stmt = prepare (self, sql, error);
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
  gint64 chars = query_id (self, "SELECT chars + 1 FROM document WHERE id = ?1", document_id, NULL);

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
  sqlite3_stmt *stmt = prepare (self,
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
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  if (!begin_action (self, _("Code Passage"), error))
    return NULL;

  ok = check_range (self, document_id, start, end, error);
  if (ok && !code_exists (self, code_id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The code no longer exists"));
      ok = FALSE;
    }
  if (ok && query_id (self, "SELECT id FROM coder WHERE id = ?1", coder_id, NULL) == 0)
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
      stmt = prepare (self,
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
      ok = run (self, stmt, error);
      if (ok)
        id = sqlite3_last_insert_rowid (DB (self));
    }

  if (!end_action (self, ok, TRUE, TRUE, error))
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

  if (!begin_action (self, _("Remove Coding"), error))
    return FALSE;
  ok = exec_bound (self, "DELETE FROM coding WHERE id = ?1 AND ?2 = ?2", id, 0, error);
  if (ok && sqlite3_changes (DB (self)) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The coding no longer exists"));
      ok = FALSE;
    }

  return end_action (self, ok, TRUE, TRUE, error);
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

  if (!begin_action (self, _("Change Coding’s Code"), error))
    return FALSE;

  if (!code_exists (self, code_id))
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
    ok = exec_bound (self, "UPDATE coding SET code_id = ?2, changed_at = ?3 WHERE id = ?1"
                           " AND code_id != ?2", id, code_id, error);

  return end_action (self, ok, TRUE, TRUE, error);
}

gboolean
gloss_project_set_coding_range (GlossProject  *self,
                                gint64         id,
                                guint          start,
                                guint          end,
                                GError       **error)
{
  g_autoptr(GlossCoding) coding = NULL;
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  coding = gloss_project_get_coding (self, id, error);
  if (coding == NULL)
    return FALSE;

  if (!begin_action (self, _("Resize Coding"), error))
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
      stmt = prepare (self,
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
      ok = run (self, stmt, error);
    }

  return end_action (self, ok, TRUE, TRUE, error);
}

gboolean
gloss_project_set_coding_memo (GlossProject  *self,
                               gint64         id,
                               const char    *memo,
                               GError       **error)
{
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!begin_action (self, _("Edit Coding Memo"), error))
    return FALSE;
  if (query_id (self, "SELECT id FROM coding WHERE id = ?1", id, NULL) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The coding no longer exists"));
      return end_action (self, FALSE, FALSE, FALSE, NULL);
    }
  stmt = prepare (self, "UPDATE coding SET memo = ?2, changed_at = ?3 WHERE id = ?1 AND memo != ?2",
                  error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, memo ? memo : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
    }
  ok = run (self, stmt, error);

  return end_action (self, ok, FALSE, TRUE, error);
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
  stmt = prepare (self,
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
  g_autofree char *now = now_iso8601 ();
  const char *name = memo_target_name (target);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (target == GLOSS_MEMO_CODING)
    return gloss_project_set_coding_memo (self, target_id, text, error);

  if (target == GLOSS_MEMO_PROJECT)
    target_id = 0;

  if (!begin_action (self, _("Edit Memo"), error))
    return FALSE;

  if ((target == GLOSS_MEMO_DOCUMENT &&
       query_id (self, "SELECT id FROM document WHERE id = ?1", target_id, NULL) == 0) ||
      (target == GLOSS_MEMO_CODE && !code_exists (self, target_id)))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   target == GLOSS_MEMO_CODE ? _("The code no longer exists")
                                             : _("The document no longer exists"));
      return end_action (self, FALSE, FALSE, FALSE, NULL);
    }
  if (query_id (self, "SELECT id FROM coder WHERE id = ?1", coder_id, NULL) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The coder is not in the project"));
      return end_action (self, FALSE, FALSE, FALSE, NULL);
    }

  if (text == NULL || *text == '\0')
    {
      stmt = prepare (self, "DELETE FROM memo WHERE target = ?1 AND target_id = ?2 AND coder_id = ?3",
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
      stmt = prepare (self,
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
  ok = run (self, stmt, error);

  return end_action (self, ok, FALSE, TRUE, error);
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
    stmt = prepare (self, "SELECT memo, changed_at FROM coding WHERE id = ?2 AND ?1 = ?1 AND ?3 = ?3", NULL);
  else
    stmt = prepare (self,
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
