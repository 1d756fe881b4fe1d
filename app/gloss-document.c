/* gloss-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include "gloss-document.h"

struct _GlossDocument
{
  GObject            parent_instance;
  gint64             id;
  char              *guid;
  char              *name;
  GlossDocumentKind  kind;
  guint              n_pages;
  guint              n_chars;
  char              *sha256;
  GDateTime         *imported;
};

G_DEFINE_FINAL_TYPE (GlossDocument, gloss_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GUID,
  PROP_NAME,
  PROP_KIND,
  PROP_N_PAGES,
  PROP_N_CHARS,
  PROP_SHA256,
  PROP_IMPORTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_document_finalize (GObject *object)
{
  GlossDocument *self = (GlossDocument *)object;

  g_clear_pointer (&self->guid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->imported, g_date_time_unref);

  G_OBJECT_CLASS (gloss_document_parent_class)->finalize (object);
}

static void
gloss_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_GUID:
      g_value_set_string (value, self->guid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, gloss_document_kind_to_string (self->kind));
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    case PROP_N_CHARS:
      g_value_set_uint (value, self->n_chars);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_IMPORTED:
      g_value_set_boxed (value, self->imported);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossDocument *self = GLOSS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      gloss_document_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_class_init (GlossDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_document_finalize;
  object_class->get_property = gloss_document_get_property;
  object_class->set_property = gloss_document_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUID] =
    g_param_spec_string ("guid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CHARS] =
    g_param_spec_uint ("n-chars", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTED] =
    g_param_spec_boxed ("imported", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_document_init (GlossDocument *self)
{
}

GlossDocument *
gloss_document_new (gint64             id,
                    const char        *guid,
                    const char        *name,
                    GlossDocumentKind  kind,
                    guint              n_pages,
                    guint              n_chars,
                    const char        *sha256,
                    GDateTime         *imported)
{
  GlossDocument *self = g_object_new (GLOSS_TYPE_DOCUMENT, NULL);

  self->id = id;
  self->guid = g_strdup (guid);
  self->name = g_strdup (name);
  self->kind = kind;
  self->n_pages = n_pages;
  self->n_chars = n_chars;
  self->sha256 = g_strdup (sha256);
  self->imported = imported ? g_date_time_ref (imported) : NULL;

  return self;
}

gint64
gloss_document_get_id (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->id;
}

const char *
gloss_document_get_guid (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->guid;
}

const char *
gloss_document_get_name (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->name;
}

void
gloss_document_set_name (GlossDocument *self,
                         const char    *name)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

GlossDocumentKind
gloss_document_get_kind (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), GLOSS_DOCUMENT_KIND_TEXT);
  return self->kind;
}

const char *
gloss_document_kind_to_string (GlossDocumentKind kind)
{
  return kind == GLOSS_DOCUMENT_KIND_PDF ? "pdf" : "text";
}

guint
gloss_document_get_n_pages (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->n_pages;
}

guint
gloss_document_get_n_chars (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), 0);
  return self->n_chars;
}

const char *
gloss_document_get_sha256 (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->sha256;
}

GDateTime *
gloss_document_get_imported (GlossDocument *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT (self), NULL);
  return self->imported;
}
