/* gloss-document-table-item.c: one row of the document table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include "gloss-document-table-item.h"

struct _GlossDocumentTableItem
{
  GObject        parent_instance;

  GlossDocument *document;
  char          *name_key;
  guint          n_codings;
  GHashTable    *values;      /* attribute id (gint64 *) → value */
};

G_DEFINE_FINAL_TYPE (GlossDocumentTableItem, gloss_document_table_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_document_table_item_finalize (GObject *object)
{
  GlossDocumentTableItem *self = GLOSS_DOCUMENT_TABLE_ITEM (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->name_key, g_free);
  g_clear_pointer (&self->values, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_document_table_item_parent_class)->finalize (object);
}

static void
gloss_document_table_item_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  GlossDocumentTableItem *self = GLOSS_DOCUMENT_TABLE_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, gloss_document_table_item_get_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_table_item_class_init (GlossDocumentTableItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_document_table_item_finalize;
  object_class->get_property = gloss_document_table_item_get_property;

  /* For filters: the document's name. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_document_table_item_init (GlossDocumentTableItem *self)
{
  self->values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * gloss_document_table_item_new:
 * @document: (nullable): the document
 */
GlossDocumentTableItem *
gloss_document_table_item_new (GlossDocument *document)
{
  GlossDocumentTableItem *self;

  g_return_val_if_fail (document == NULL || GLOSS_IS_DOCUMENT (document), NULL);

  self = g_object_new (GLOSS_TYPE_DOCUMENT_TABLE_ITEM, NULL);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->name_key = g_utf8_collate_key (gloss_document_get_name (document), -1);
    }

  return self;
}

GlossDocument *
gloss_document_table_item_get_document (GlossDocumentTableItem *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE_ITEM (self), NULL);

  return self->document;
}

gint64
gloss_document_table_item_get_id (GlossDocumentTableItem *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE_ITEM (self), 0);

  return self->document != NULL ? gloss_document_get_id (self->document) : 0;
}

const char *
gloss_document_table_item_get_name (GlossDocumentTableItem *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE_ITEM (self), NULL);

  return self->document != NULL ? gloss_document_get_name (self->document) : NULL;
}

const char *
gloss_document_table_item_get_name_key (GlossDocumentTableItem *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE_ITEM (self), NULL);

  return self->name_key != NULL ? self->name_key : "";
}

guint
gloss_document_table_item_get_n_codings (GlossDocumentTableItem *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE_ITEM (self), 0);

  return self->n_codings;
}

void
gloss_document_table_item_set_n_codings (GlossDocumentTableItem *self,
                                         guint                   n_codings)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_TABLE_ITEM (self));

  self->n_codings = n_codings;
}

const char *
gloss_document_table_item_get_value (GlossDocumentTableItem *self,
                                     gint64                  attribute_id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE_ITEM (self), NULL);

  return g_hash_table_lookup (self->values, &attribute_id);
}

/**
 * gloss_document_table_item_set_value:
 * @value: (nullable): the value, or %NULL for none
 */
void
gloss_document_table_item_set_value (GlossDocumentTableItem *self,
                                     gint64                  attribute_id,
                                     const char             *value)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_TABLE_ITEM (self));

  if (value == NULL || *value == '\0')
    g_hash_table_remove (self->values, &attribute_id);
  else
    g_hash_table_insert (self->values, g_memdup2 (&attribute_id, sizeof attribute_id),
                         g_strdup (value));
}
