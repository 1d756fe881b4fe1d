/* gloss-attributes.c: typed attributes of the documents of a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-attributes.h"
#include "gloss-attributes-private.h"
#include "gloss-error.h"
#include "gloss-journal.h"
#include "gloss-project-private.h"

#define LOCK(self) g_rec_mutex_lock (gloss_project_get_lock (self))
#define UNLOCK(self) g_rec_mutex_unlock (gloss_project_get_lock (self))
#define DB(self) gloss_project_get_db (self)

static const char * const type_names[] = { "text", "number", "date", "choice" };

G_DEFINE_BOXED_TYPE (GlossAttribute, gloss_attribute, gloss_attribute_copy, gloss_attribute_free)

GlossAttribute *
gloss_attribute_copy (const GlossAttribute *attribute)
{
  GlossAttribute *copy;

  g_return_val_if_fail (attribute != NULL, NULL);

  copy = g_new0 (GlossAttribute, 1);
  copy->id = attribute->id;
  copy->guid = g_strdup (attribute->guid);
  copy->name = g_strdup (attribute->name);
  copy->type = attribute->type;
  copy->choices = g_strdupv (attribute->choices);
  copy->position = attribute->position;

  return copy;
}

void
gloss_attribute_free (GlossAttribute *attribute)
{
  if (attribute == NULL)
    return;

  g_free (attribute->guid);
  g_free (attribute->name);
  g_strfreev (attribute->choices);
  g_free (attribute);
}

void
gloss_attribute_value_free (GlossAttributeValue *value)
{
  if (value == NULL)
    return;

  g_free (value->value);
  g_free (value);
}

void
gloss_attribute_import_free (GlossAttributeImport *import)
{
  if (import == NULL)
    return;

  g_clear_pointer (&import->created, g_ptr_array_unref);
  g_clear_pointer (&import->unmatched, g_ptr_array_unref);
  g_free (import);
}

const char *
gloss_attribute_type_to_string (GlossAttributeType type)
{
  g_return_val_if_fail (type <= GLOSS_ATTRIBUTE_CHOICE, NULL);

  return type_names[type];
}

/* Also accepts the type's name in any case. */
gboolean
gloss_attribute_type_from_string (const char         *text,
                                  GlossAttributeType *type)
{
  guint i;

  if (text == NULL)
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_ascii_strcasecmp (text, type_names[i]) == 0)
      {
        if (type != NULL)
          *type = i;
        return TRUE;
      }

  return FALSE;
}

/* ---- values ---- */

char *
_gloss_attributes_normalize_number (const char *text)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint digits = 0;
  GString *out;

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';

  out = g_string_new (negative ? "-" : "");
  if (*p == '.')
    g_string_append_c (out, '0');
  while (g_ascii_isdigit (*p))
    {
      g_string_append_c (out, *p++);
      digits++;
    }
  if (*p == '.')
    {
      g_string_append_c (out, *p++);
      while (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p++);
          digits++;
        }
      /* "3." is 3 */
      if (out->str[out->len - 1] == '.')
        g_string_truncate (out, out->len - 1);
    }

  if (digits == 0 || *p != '\0')
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/* Reads 1 to max_digits digits. */
static gboolean
read_digits (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  return n >= min_digits && !g_ascii_isdigit (**p);
}

/* YYYY-MM-DD, or day first: DD/MM/YYYY (also with '.' or '-'). */
char *
_gloss_attributes_normalize_date (const char *text)
{
  const char *p = text;
  guint a, b, c, day, month, year;
  char sep;

  if (!read_digits (&p, 1, 4, &a))
    return NULL;
  if (p - text == 4)
    {
      year = a;
      if (*p++ != '-' || !read_digits (&p, 1, 2, &month) ||
          *p++ != '-' || !read_digits (&p, 1, 2, &day) || *p != '\0')
        return NULL;
    }
  else
    {
      if (p - text > 2)
        return NULL;
      sep = *p;
      if (sep != '/' && sep != '.' && sep != '-')
        return NULL;
      p++;
      if (!read_digits (&p, 1, 2, &b) || *p++ != sep ||
          !read_digits (&p, 4, 4, &c) || *p != '\0')
        return NULL;
      day = a;
      month = b;
      year = c;
    }

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

static const char *
find_choice (const GlossAttribute *attribute,
             const char           *value)
{
  g_autofree char *folded = g_utf8_casefold (value, -1);
  guint i;

  for (i = 0; attribute->choices != NULL && attribute->choices[i] != NULL; i++)
    {
      g_autofree char *choice = g_utf8_casefold (attribute->choices[i], -1);

      if (strcmp (choice, folded) == 0)
        return attribute->choices[i];
    }

  return NULL;
}

/* new_choice: (nullable) set when a choice's value is not in its list,
 * which is then no error. */
char *
_gloss_attributes_normalize_value (const GlossAttribute  *attribute,
                                   const char            *value,
                                   gboolean              *new_choice,
                                   GError               **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));
  char *result = NULL;

  if (new_choice != NULL)
    *new_choice = FALSE;

  if (!g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("The value is not valid text"));
      return NULL;
    }
  if (*stripped == '\0')
    return g_steal_pointer (&stripped);

  switch (attribute->type)
    {
    case GLOSS_ATTRIBUTE_TEXT:
      result = g_steal_pointer (&stripped);
      break;

    case GLOSS_ATTRIBUTE_NUMBER:
      result = _gloss_attributes_normalize_number (stripped);
      if (result == NULL)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                     _("“%s” is not a number (write it like 12 or -3.5)"), stripped);
      break;

    case GLOSS_ATTRIBUTE_DATE:
      result = _gloss_attributes_normalize_date (stripped);
      if (result == NULL)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                     _("“%s” is not a date (write it as YYYY-MM-DD or DD/MM/YYYY)"), stripped);
      break;

    case GLOSS_ATTRIBUTE_CHOICE:
      {
        const char *choice = find_choice (attribute, stripped);

        if (choice != NULL)
          result = g_strdup (choice);
        else if (new_choice != NULL)
          {
            *new_choice = TRUE;
            result = g_steal_pointer (&stripped);
          }
        else
          {
            g_autofree char *list = g_strjoinv (", ", attribute->choices);

            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                         _("“%s” is not one of the values of “%s” (%s)"),
                         stripped, attribute->name, *list ? list : _("none yet"));
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return result;
}

char *
gloss_attribute_normalize_value (const GlossAttribute  *attribute,
                                 const char            *value,
                                 GError               **error)
{
  g_return_val_if_fail (attribute != NULL, NULL);

  return _gloss_attributes_normalize_value (attribute, value, NULL, error);
}

/* ---- statements ---- */

/* Steps a statement that returns no rows; resets it (finalize: and
 * finalizes it). */
gboolean
_gloss_attributes_step (GlossProject  *self,
                        sqlite3_stmt  *stmt,
                        gboolean       finalize,
                        GError       **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (finalize)
    sqlite3_finalize (stmt);
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

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

/* An action: one write transaction, recorded in the undo journal. */
gboolean
_gloss_attributes_begin_action (GlossProject  *self,
                                const char    *label,
                                GError       **error)
{
  return gloss_project_begin_action (self, label, error);
}

gboolean
_gloss_attributes_end_action (GlossProject  *self,
                              gboolean       ok,
                              GError       **error)
{
  ok = gloss_project_end_action (self, ok, error);

  if (ok)
    gloss_project_notify_documents_changed (self);

  return ok;
}

/* A JSON array of strings. */
static char *
choices_to_json (const char * const *choices)
{
  GString *json = g_string_new ("[");
  guint i;

  for (i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      const char *p;

      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      for (p = choices[i]; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_printf (json, "\\%c", *p);
          else if ((guchar) *p < 0x20)
            g_string_append_printf (json, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (json, *p);
        }
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static char **
choices_from_json (GlossProject *self,
                   const char   *json)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  stmt = gloss_project_prepare (self, "SELECT value FROM json_each (?1) ORDER BY key", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, json ? json : "[]", -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }

  return g_strv_builder_end (builder);
}

#define ATTRIBUTE_COLUMNS "id, guid, name, type, choices, position"

static GlossAttribute *
attribute_from_row (GlossProject *self,
                    sqlite3_stmt *stmt)
{
  GlossAttribute *attribute = g_new0 (GlossAttribute, 1);
  GlossAttributeType type = GLOSS_ATTRIBUTE_TEXT;

  gloss_attribute_type_from_string ((const char *) sqlite3_column_text (stmt, 3), &type);
  attribute->id = sqlite3_column_int64 (stmt, 0);
  attribute->guid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  attribute->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  attribute->type = type;
  attribute->choices = choices_from_json (self, (const char *) sqlite3_column_text (stmt, 4));
  attribute->position = sqlite3_column_int (stmt, 5);

  return attribute;
}

static GlossAttribute *
find_attribute (GlossProject  *self,
                const char    *sql,
                const char    *text_key,
                gint64         id_key,
                GError       **error)
{
  GlossAttribute *attribute = NULL;
  sqlite3_stmt *stmt;
  int rc;

  LOCK (self);
  stmt = gloss_project_prepare (self, sql, error);
  if (stmt != NULL)
    {
      if (text_key != NULL)
        sqlite3_bind_text (stmt, 1, text_key, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, 1, id_key);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        attribute = attribute_from_row (self, stmt);
      else if (rc != SQLITE_DONE)
        gloss_project_set_error (self, error, rc);
      sqlite3_finalize (stmt);
    }
  UNLOCK (self);

  return attribute;
}

/* By name ignoring (ASCII) case; NULL without error when there is none. */
GlossAttribute *
_gloss_attributes_find_attribute_by_name (GlossProject  *self,
                                          const char    *name,
                                          GError       **error)
{
  return find_attribute (self,
                         "SELECT " ATTRIBUTE_COLUMNS " FROM attribute WHERE name = ?1",
                         name, 0, error);
}

/**
 * gloss_project_list_attributes:
 *
 * Returns: (transfer full) (element-type GlossAttribute): by position
 */
GPtrArray *
gloss_project_list_attributes (GlossProject  *self,
                               GError       **error)
{
  g_autoptr(GPtrArray) attributes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_attribute_free);

  LOCK (self);
  stmt = gloss_project_prepare (self,
                                    "SELECT " ATTRIBUTE_COLUMNS " FROM attribute ORDER BY position, id",
                                    error);
  if (stmt == NULL)
    {
      UNLOCK (self);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (attributes, attribute_from_row (self, stmt));
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);
  UNLOCK (self);

  return rc == SQLITE_DONE ? g_steal_pointer (&attributes) : NULL;
}

GlossAttribute *
gloss_project_get_attribute (GlossProject  *self,
                             gint64         id,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossAttribute *attribute;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  attribute = find_attribute (self,
                              "SELECT " ATTRIBUTE_COLUMNS " FROM attribute WHERE id = ?1",
                              NULL, id, &local_error);
  if (attribute == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The attribute no longer exists"));
    }

  return attribute;
}

GlossAttribute *
gloss_project_lookup_attribute (GlossProject  *self,
                                const char    *name_or_guid,
                                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossAttribute *attribute;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name_or_guid != NULL, NULL);

  attribute = find_attribute (self,
                              "SELECT " ATTRIBUTE_COLUMNS " FROM attribute"
                              " WHERE guid = lower (?1) OR name = ?1"
                              " ORDER BY guid = lower (?1) DESC LIMIT 1",
                              name_or_guid, 0, &local_error);
  if (attribute == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The project has no attribute named “%s”"), name_or_guid);
    }

  return attribute;
}

char *
_gloss_attributes_clean_name (const char  *name,
                              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  const char *p;

  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("An attribute needs a name"));
      return NULL;
    }
  for (p = stripped; *p; p++)
    if ((guchar) *p < 0x20)
      {
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                     _("An attribute’s name cannot hold tabs or line ends"));
        return NULL;
      }

  return g_steal_pointer (&stripped);
}

/* The choices stripped, without blanks and without repeats (ignoring
 * case), in their order. */
char **
_gloss_attributes_clean_choices (const char * const *choices)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  for (i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (choices[i]));
      char *folded;

      if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
        continue;
      folded = g_utf8_casefold (stripped, -1);
      if (!g_hash_table_add (seen, folded))
        continue;
      g_strv_builder_add (builder, stripped);
    }

  return g_strv_builder_end (builder);
}

/* Inside a transaction; returns the new id or 0. */
gint64
_gloss_attributes_insert_attribute (GlossProject        *self,
                                    const char          *name,
                                    GlossAttributeType   type,
                                    const char * const  *choices,
                                    GError             **error)
{
  g_autofree char *guid = g_uuid_string_random ();
  g_autofree char *now = gloss_now_iso8601 ();
  g_auto(GStrv) cleaned = _gloss_attributes_clean_choices (type == GLOSS_ATTRIBUTE_CHOICE ? choices : NULL);
  g_autofree char *json = choices_to_json ((const char * const *) cleaned);
  g_autoptr(GlossAttribute) existing = NULL;
  sqlite3_stmt *stmt;

  existing = _gloss_attributes_find_attribute_by_name (self, name, error);
  if (existing != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("There is already an attribute named “%s”"), existing->name);
      return 0;
    }

  stmt = gloss_project_prepare (self,
                                    "INSERT INTO attribute (guid, name, type, choices, position, created_at)"
                                    " VALUES (?1, ?2, ?3, ?4,"
                                    "         (SELECT ifnull (max (position) + 1, 0) FROM attribute), ?5)",
                                    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, gloss_attribute_type_to_string (type), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!_gloss_attributes_step (self, stmt, TRUE, error))
    return 0;

  return sqlite3_last_insert_rowid (DB (self));
}

/**
 * gloss_project_add_attribute:
 * @choices: (nullable) (array zero-terminated=1): the values of a choice
 *
 * Returns: (transfer full): the new attribute
 */
GlossAttribute *
gloss_project_add_attribute (GlossProject        *self,
                             const char          *name,
                             GlossAttributeType   type,
                             const char * const  *choices,
                             GError             **error)
{
  g_autofree char *cleaned = NULL;
  gint64 id;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (type <= GLOSS_ATTRIBUTE_CHOICE, NULL);

  cleaned = _gloss_attributes_clean_name (name, error);
  if (cleaned == NULL)
    return NULL;

  if (!_gloss_attributes_begin_action (self, _("Add Attribute"), error))
    return NULL;
  id = _gloss_attributes_insert_attribute (self, cleaned, type, choices, error);
  if (!_gloss_attributes_end_action (self, id != 0, error))
    return NULL;

  return gloss_project_get_attribute (self, id, error);
}

static gboolean
attribute_exists (GlossProject  *self,
                  gint64         id,
                  GError       **error)
{
  g_autoptr(GlossAttribute) attribute = gloss_project_get_attribute (self, id, error);

  return attribute != NULL;
}

gboolean
gloss_project_rename_attribute (GlossProject  *self,
                                gint64         id,
                                const char    *name,
                                GError       **error)
{
  g_autofree char *cleaned = NULL;
  g_autoptr(GlossAttribute) existing = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  cleaned = _gloss_attributes_clean_name (name, error);
  if (cleaned == NULL)
    return FALSE;

  if (!_gloss_attributes_begin_action (self, _("Rename Attribute"), error))
    return FALSE;

  ok = attribute_exists (self, id, error);
  if (ok)
    {
      existing = _gloss_attributes_find_attribute_by_name (self, cleaned, error);
      if (existing != NULL && existing->id != id)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                       _("There is already an attribute named “%s”"), existing->name);
          ok = FALSE;
        }
    }
  if (ok)
    {
      stmt = gloss_project_prepare (self,
                                        "UPDATE attribute SET name = ?1 WHERE id = ?2"
                                        " AND name IS NOT ?1 COLLATE BINARY",
                                        error);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, cleaned, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, id);
        }
      ok = _gloss_attributes_step (self, stmt, TRUE, error);
    }

  return _gloss_attributes_end_action (self, ok, error);
}

/* Inside a transaction: whether a document has a value the list lacks. */
static char *
value_outside (GlossProject       *self,
               gint64              id,
               const char * const *choices)
{
  GlossAttribute probe = { 0, };
  sqlite3_stmt *stmt;
  char *outside = NULL;

  probe.type = GLOSS_ATTRIBUTE_CHOICE;
  probe.choices = (char **) choices;

  stmt = gloss_project_prepare (self,
                                    "SELECT DISTINCT value FROM document_attribute WHERE attribute_id = ?1",
                                    NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (outside == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (find_choice (&probe, value), value) != 0)
        outside = g_strdup (value);
    }
  sqlite3_finalize (stmt);

  return outside;
}

gboolean
_gloss_attributes_store_choices (GlossProject        *self,
                                 gint64               id,
                                 const char * const  *choices,
                                 GError             **error)
{
  g_autofree char *json = choices_to_json (choices);
  sqlite3_stmt *stmt;

  stmt = gloss_project_prepare (self,
                                    "UPDATE attribute SET choices = ?1 WHERE id = ?2 AND choices IS NOT ?1",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);

  return _gloss_attributes_step (self, stmt, TRUE, error);
}

/**
 * gloss_project_set_attribute_choices:
 * @choices: (array zero-terminated=1)
 */
gboolean
gloss_project_set_attribute_choices (GlossProject        *self,
                                     gint64               id,
                                     const char * const  *choices,
                                     GError             **error)
{
  g_autoptr(GlossAttribute) attribute = NULL;
  g_auto(GStrv) cleaned = _gloss_attributes_clean_choices (choices);
  g_autofree char *outside = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!_gloss_attributes_begin_action (self, _("Change Attribute Values"), error))
    return FALSE;

  attribute = gloss_project_get_attribute (self, id, error);
  ok = attribute != NULL;
  if (ok && attribute->type != GLOSS_ATTRIBUTE_CHOICE)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s” is not a choice among values"), attribute->name);
      ok = FALSE;
    }
  if (ok && (outside = value_outside (self, id, (const char * const *) cleaned)) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("A document has the value “%s”, which the new list lacks"), outside);
      ok = FALSE;
    }
  if (ok)
    ok = _gloss_attributes_store_choices (self, id, (const char * const *) cleaned, error);

  return _gloss_attributes_end_action (self, ok, error);
}

/* Inside a transaction: positions 0, 1, 2 … in the order of ids. */
static gboolean
store_order (GlossProject  *self,
             GArray        *ids,
             GError       **error)
{
  sqlite3_stmt *stmt;
  guint i;

  stmt = gloss_project_prepare (self, "UPDATE attribute SET position = ?1 WHERE id = ?2 AND position != ?1", error);
  if (stmt == NULL)
    return FALSE;
  for (i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!_gloss_attributes_step (self, stmt, FALSE, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);

  return TRUE;
}

static GArray *
ordered_ids (GlossProject *self,
             gint64        except_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = gloss_project_prepare (self, "SELECT id FROM attribute ORDER BY position, id", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id != except_id)
        g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  return ids;
}

gboolean
gloss_project_move_attribute (GlossProject  *self,
                              gint64         id,
                              int            position,
                              GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!_gloss_attributes_begin_action (self, _("Move Attribute"), error))
    return FALSE;

  ok = attribute_exists (self, id, error);
  if (ok)
    {
      ids = ordered_ids (self, id);
      if (position < 0 || (guint) position > ids->len)
        position = ids->len;
      g_array_insert_val (ids, position, id);
      ok = store_order (self, ids, error);
    }

  return _gloss_attributes_end_action (self, ok, error);
}

gboolean
gloss_project_delete_attribute (GlossProject  *self,
                                gint64         id,
                                GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!_gloss_attributes_begin_action (self, _("Delete Attribute"), error))
    return FALSE;

  ok = attribute_exists (self, id, error);
  if (ok)
    {
      /* The values first, so that each is in the journal. */
      stmt = gloss_project_prepare (self, "DELETE FROM document_attribute WHERE attribute_id = ?1", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, id);
      ok = _gloss_attributes_step (self, stmt, TRUE, error);
    }
  if (ok)
    {
      stmt = gloss_project_prepare (self, "DELETE FROM attribute WHERE id = ?1", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, id);
      ok = _gloss_attributes_step (self, stmt, TRUE, error);
    }
  if (ok)
    {
      ids = ordered_ids (self, 0);
      ok = store_order (self, ids, error);
    }

  return _gloss_attributes_end_action (self, ok, error);
}
