/* gloss-attribute-values.c: the documents' values of their attributes
 *
 * Setting, clearing and reading the value of an attribute for one
 * document or for several at once.  The attributes themselves (names,
 * types, choices, order) are in gloss-attributes.c, the CSV import in
 * gloss-attributes-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-attributes.h"
#include "gloss-attributes-private.h"
#include "gloss-error.h"
#include "gloss-project-private.h"

#define LOCK(self) g_rec_mutex_lock (gloss_project_get_lock (self))
#define UNLOCK(self) g_rec_mutex_unlock (gloss_project_get_lock (self))
#define DB(self) gloss_project_get_db (self)

/* Inside a transaction: whether every document exists; NOT_FOUND if not. */
static gboolean
documents_exist (GlossProject  *self,
                 const gint64  *ids,
                 guint          n_ids,
                 GError       **error)
{
  sqlite3_stmt *stmt = gloss_project_prepare (self, "SELECT 1 FROM document WHERE id = ?1", error);
  gboolean found = stmt != NULL;

  for (guint i = 0; found && i < n_ids; i++)
    {
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!found)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The document no longer exists"));
    }
  sqlite3_finalize (stmt);

  return found;
}

/* Inside a transaction: stores value (canonical; "" clears). */
gboolean
_gloss_attributes_store_value (GlossProject  *self,
                               sqlite3_stmt  *upsert,
                               sqlite3_stmt  *clear,
                               gint64         document_id,
                               gint64         attribute_id,
                               const char    *value,
                               guint         *n_changed,
                               GError       **error)
{
  sqlite3_stmt *stmt = *value != '\0' ? upsert : clear;

  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, attribute_id);
  if (*value != '\0')
    sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
  if (!_gloss_attributes_step (self, stmt, FALSE, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed += sqlite3_changes (DB (self));

  return TRUE;
}

/* Inside a transaction: validates value for attribute (extending a
 * choice's list when allowed) and stores it, or clears it, for each of
 * the documents. */
static gboolean
store_for_documents (GlossProject          *self,
                     const GlossAttribute  *attribute,
                     const gint64          *document_ids,
                     guint                  n_documents,
                     const char            *value,
                     gboolean               extend_choices,
                     GError               **error)
{
  g_autofree char *normal = NULL;
  sqlite3_stmt *upsert = NULL;
  sqlite3_stmt *clear = NULL;
  gboolean new_choice = FALSE;
  gboolean ok;

  normal = _gloss_attributes_normalize_value (attribute, value,
                                              extend_choices ? &new_choice : NULL, error);
  ok = normal != NULL;
  if (ok && new_choice)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) extended = NULL;

      g_strv_builder_addv (builder, (const char **) attribute->choices);
      g_strv_builder_add (builder, normal);
      extended = g_strv_builder_end (builder);
      ok = _gloss_attributes_store_choices (self, attribute->id, (const char * const *) extended, error);
    }
  if (ok)
    {
      upsert = gloss_project_prepare (self, GLOSS_ATTRIBUTES_UPSERT_SQL, error);
      clear = upsert != NULL ? gloss_project_prepare (self, GLOSS_ATTRIBUTES_CLEAR_SQL, error) : NULL;
      ok = upsert != NULL && clear != NULL;
    }
  for (guint i = 0; ok && i < n_documents; i++)
    ok = _gloss_attributes_store_value (self, upsert, clear, document_ids[i], attribute->id,
                                        normal, NULL, error);
  sqlite3_finalize (upsert);
  sqlite3_finalize (clear);

  return ok;
}

/* Inside a transaction: the attribute named name, made (of type, or text)
 * when there is none, provided value suits the new attribute. */
static GlossAttribute *
find_or_make_attribute (GlossProject  *self,
                        const char    *name,
                        int            type,
                        const char    *value,
                        GError       **error)
{
  g_autoptr(GlossAttribute) attribute = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossAttributeType new_type = type >= 0 ? (GlossAttributeType) type : GLOSS_ATTRIBUTE_TEXT;
  const char *first[] = { value, NULL };
  GlossAttribute probe = { 0, };
  g_autofree char *normal = NULL;
  gboolean new_choice = FALSE;
  gint64 id;

  attribute = _gloss_attributes_find_attribute_by_name (self, name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (attribute != NULL)
    {
      if (type >= 0 && (GlossAttributeType) type != attribute->type)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("“%s” is an attribute of type %s, not %s"), attribute->name,
                       gloss_attribute_type_to_string (attribute->type),
                       gloss_attribute_type_to_string (type));
          return NULL;
        }
      return g_steal_pointer (&attribute);
    }

  /* A value the new attribute would refuse makes nothing. */
  probe.name = (char *) name;
  probe.type = new_type;
  normal = _gloss_attributes_normalize_value (&probe, value, &new_choice, error);
  if (normal == NULL)
    return NULL;

  id = _gloss_attributes_insert_attribute (self, name, new_type, value != NULL ? first : NULL, error);
  if (id == 0)
    return NULL;

  return gloss_project_get_attribute (self, id, error);
}

/* One action: finds the attribute by id, or by name (making it when
 * missing, of type or text), then stores the value. */
static gboolean
set_value (GlossProject  *self,
           const char    *label,
           gint64         document_id,
           gint64         attribute_id,
           const char    *name,
           int            type,
           const char    *value,
           gboolean       extend_choices,
           GError       **error)
{
  g_autoptr(GlossAttribute) attribute = NULL;
  g_autofree char *cleaned = NULL;
  gboolean ok;

  if (name != NULL)
    {
      cleaned = _gloss_attributes_clean_name (name, error);
      if (cleaned == NULL)
        return FALSE;
    }

  if (!_gloss_attributes_begin_action (self, label, error))
    return FALSE;

  ok = documents_exist (self, &document_id, 1, error);
  if (ok)
    {
      if (cleaned == NULL)
        attribute = gloss_project_get_attribute (self, attribute_id, error);
      else
        attribute = find_or_make_attribute (self, cleaned, type, value, error);
      ok = attribute != NULL;
    }
  if (ok)
    ok = store_for_documents (self, attribute, &document_id, 1, value, extend_choices, error);

  return _gloss_attributes_end_action (self, ok, error);
}

/**
 * gloss_project_set_attribute_value:
 * @value: (nullable)
 */
gboolean
gloss_project_set_attribute_value (GlossProject  *self,
                                   gint64         document_id,
                                   gint64         attribute_id,
                                   const char    *value,
                                   gboolean       extend_choices,
                                   GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  return set_value (self, _("Set Attribute"), document_id, attribute_id, NULL, -1, value,
                    extend_choices, error);
}

/**
 * gloss_project_set_named_attribute_value:
 * @type: a #GlossAttributeType, or -1
 * @value: (nullable)
 */
gboolean
gloss_project_set_named_attribute_value (GlossProject  *self,
                                         gint64         document_id,
                                         const char    *name,
                                         int            type,
                                         const char    *value,
                                         GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (type >= -1 && type <= GLOSS_ATTRIBUTE_CHOICE, FALSE);

  return set_value (self, _("Set Attribute"), document_id, 0, name, type, value,
                    type == GLOSS_ATTRIBUTE_CHOICE, error);
}

gboolean
gloss_project_clear_attribute_value (GlossProject  *self,
                                     gint64         document_id,
                                     gint64         attribute_id,
                                     GError       **error)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  return set_value (self, _("Clear Attribute"), document_id, attribute_id, NULL, -1, NULL,
                    FALSE, error);
}

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  while (g_ascii_isspace (*value))
    value++;

  return *value == '\0';
}

/* Inside a transaction: applies changes to the documents; an error names
 * the attribute (when with_name) whose value was refused. */
static gboolean
apply_changes (GlossProject                *self,
               GArray                      *document_ids,
               const GlossAttributeChange  *changes,
               guint                        n_changes,
               gboolean                     extend_choices,
               gboolean                     with_name,
               GError                     **error)
{
  const gint64 *ids = (const gint64 *) (gpointer) document_ids->data;

  if (!documents_exist (self, ids, document_ids->len, error))
    return FALSE;

  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(GlossAttribute) attribute = NULL;
      g_autoptr(GError) local_error = NULL;

      attribute = gloss_project_get_attribute (self, changes[i].attribute_id, error);
      if (attribute == NULL)
        return FALSE;
      if (!store_for_documents (self, attribute, ids, document_ids->len, changes[i].value,
                                extend_choices, &local_error))
        {
          if (with_name && local_error->code == GLOSS_ERROR_INVALID)
            g_prefix_error (&local_error, "%s: ", attribute->name);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * gloss_project_set_attribute_values:
 * @document_ids: (element-type gint64)
 * @value: (nullable): the new value; %NULL or blank clears it
 *
 * Sets the attribute's value of every document in @document_ids, as one
 * undoable action.
 */
gboolean
gloss_project_set_attribute_values (GlossProject  *self,
                                    GArray        *document_ids,
                                    gint64         attribute_id,
                                    const char    *value,
                                    gboolean       extend_choices,
                                    GError       **error)
{
  GlossAttributeChange change = { attribute_id, value };
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (document_ids != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (document_ids) == sizeof (gint64), FALSE);

  if (!_gloss_attributes_begin_action (self, is_blank (value) ? _("Clear Attribute") : _("Set Attribute"),
                                       error))
    return FALSE;
  ok = apply_changes (self, document_ids, &change, 1, extend_choices, FALSE, error);

  return _gloss_attributes_end_action (self, ok, error);
}

/**
 * gloss_project_set_attributes_batch:
 * @document_ids: (element-type gint64)
 * @changes: (element-type GlossAttributeChange)
 *
 * Applies every change to every document in @document_ids, as one
 * undoable action ("Set Attributes").
 */
gboolean
gloss_project_set_attributes_batch (GlossProject  *self,
                                    GArray        *document_ids,
                                    GArray        *changes,
                                    gboolean       extend_choices,
                                    GError       **error)
{
  const char *label;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (document_ids != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (document_ids) == sizeof (gint64), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (changes) == sizeof (GlossAttributeChange), FALSE);

  if (changes->len == 1)
    label = is_blank (g_array_index (changes, GlossAttributeChange, 0).value)
      ? _("Clear Attribute") : _("Set Attribute");
  else
    label = _("Set Attributes");

  if (!_gloss_attributes_begin_action (self, label, error))
    return FALSE;
  ok = apply_changes (self, document_ids, (const GlossAttributeChange *) (gpointer) changes->data,
                      changes->len, extend_choices, TRUE, error);

  return _gloss_attributes_end_action (self, ok, error);
}

char *
gloss_project_get_attribute_value (GlossProject *self,
                                   gint64        document_id,
                                   gint64        attribute_id)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  LOCK (self);
  stmt = gloss_project_prepare (self,
                                "SELECT value FROM document_attribute WHERE document_id = ?1 AND attribute_id = ?2",
                                NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int64 (stmt, 2, attribute_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  UNLOCK (self);

  return value;
}

/**
 * gloss_project_list_attribute_values:
 * @document_id: a document, or 0 for every document
 *
 * Returns: (transfer full) (element-type GlossAttributeValue)
 */
GPtrArray *
gloss_project_list_attribute_values (GlossProject  *self,
                                     gint64         document_id,
                                     GError       **error)
{
  g_autoptr(GPtrArray) values = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  values = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_attribute_value_free);

  LOCK (self);
  stmt = gloss_project_prepare (self,
                                "SELECT v.document_id, v.attribute_id, v.value"
                                " FROM document_attribute v JOIN attribute a ON a.id = v.attribute_id"
                                " WHERE ?1 = 0 OR v.document_id = ?1"
                                " ORDER BY v.document_id, a.position, a.id",
                                error);
  if (stmt == NULL)
    {
      UNLOCK (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossAttributeValue *value = g_new0 (GlossAttributeValue, 1);

      value->document_id = sqlite3_column_int64 (stmt, 0);
      value->attribute_id = sqlite3_column_int64 (stmt, 1);
      value->value = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (values, value);
    }
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);
  UNLOCK (self);

  return rc == SQLITE_DONE ? g_steal_pointer (&values) : NULL;
}
