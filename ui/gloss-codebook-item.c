/* gloss-codebook-item.c: one code in the codebook view's tree model
 *
 * The view keeps one item per code shown; a reload that does not change the
 * shape of the tree updates the items in place, so that rows, expansion and
 * scrolling stay put while names, colours and counts change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-codebook-item.h"

struct _GlossCodebookItem
{
  GObject     parent_instance;

  GlossCode  *code;
  GListStore *children;

  guint       in_document;
  guint       in_project;
  guint       documents;
  guint       show_document : 1;
  guint       dimmed : 1;
};

G_DEFINE_FINAL_TYPE (GlossCodebookItem, gloss_codebook_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_COUNTS,
  PROP_DIMMED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gloss_codebook_item_dispose (GObject *object)
{
  GlossCodebookItem *self = (GlossCodebookItem *)object;

  g_clear_object (&self->code);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (gloss_codebook_item_parent_class)->dispose (object);
}

static void
gloss_codebook_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GlossCodebookItem *self = GLOSS_CODEBOOK_ITEM (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_object (value, self->code);
      break;
    case PROP_COUNTS:
      g_value_take_string (value, gloss_codebook_item_format_counts (self));
      break;
    case PROP_DIMMED:
      g_value_set_boolean (value, self->dimmed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_codebook_item_class_init (GlossCodebookItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_codebook_item_dispose;
  object_class->get_property = gloss_codebook_item_get_property;

  properties[PROP_CODE] =
    g_param_spec_object ("code", NULL, NULL, GLOSS_TYPE_CODE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTS] =
    g_param_spec_string ("counts", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIMMED] =
    g_param_spec_boolean ("dimmed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_codebook_item_init (GlossCodebookItem *self)
{
  self->children = g_list_store_new (GLOSS_TYPE_CODEBOOK_ITEM);
}

GlossCodebookItem *
gloss_codebook_item_new (GlossCode *code)
{
  GlossCodebookItem *self;

  g_return_val_if_fail (GLOSS_IS_CODE (code), NULL);

  self = g_object_new (GLOSS_TYPE_CODEBOOK_ITEM, NULL);
  self->code = g_object_ref (code);

  return self;
}

GlossCode *
gloss_codebook_item_get_code (GlossCodebookItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (self), NULL);

  return self->code;
}

static gboolean
same_shown (GlossCode *a,
            GlossCode *b)
{
  return g_strcmp0 (gloss_code_get_name (a), gloss_code_get_name (b)) == 0 &&
         g_strcmp0 (gloss_code_get_path (a), gloss_code_get_path (b)) == 0 &&
         g_strcmp0 (gloss_code_get_colour (a), gloss_code_get_colour (b)) == 0 &&
         g_strcmp0 (gloss_code_get_description (a), gloss_code_get_description (b)) == 0 &&
         gloss_code_get_pin (a) == gloss_code_get_pin (b) &&
         gloss_code_get_position (a) == gloss_code_get_position (b) &&
         gloss_code_get_parent_id (a) == gloss_code_get_parent_id (b);
}

void
gloss_codebook_item_set_code (GlossCodebookItem *self,
                              GlossCode         *code)
{
  gboolean changed;

  g_return_if_fail (GLOSS_IS_CODEBOOK_ITEM (self));
  g_return_if_fail (GLOSS_IS_CODE (code));

  changed = !same_shown (self->code, code);
  g_set_object (&self->code, code);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

gint64
gloss_codebook_item_get_id (GlossCodebookItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (self), 0);

  return gloss_code_get_id (self->code);
}

GListStore *
gloss_codebook_item_get_children (GlossCodebookItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (self), NULL);

  return self->children;
}

guint
gloss_codebook_item_get_in_document (GlossCodebookItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (self), 0);

  return self->in_document;
}

guint
gloss_codebook_item_get_in_project (GlossCodebookItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (self), 0);

  return self->in_project;
}

guint
gloss_codebook_item_get_documents (GlossCodebookItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (self), 0);

  return self->documents;
}

gboolean
gloss_codebook_item_get_show_document (GlossCodebookItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (self), FALSE);

  return self->show_document;
}

void
gloss_codebook_item_set_counts (GlossCodebookItem *self,
                                gboolean           show_document,
                                guint              in_document,
                                guint              in_project,
                                guint              documents)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK_ITEM (self));

  show_document = !!show_document;
  if (self->show_document == (guint) show_document &&
      self->in_document == in_document &&
      self->in_project == in_project &&
      self->documents == documents)
    return;

  self->show_document = show_document;
  self->in_document = in_document;
  self->in_project = in_project;
  self->documents = documents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS]);
}

gboolean
gloss_codebook_item_get_dimmed (GlossCodebookItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (self), FALSE);

  return self->dimmed;
}

void
gloss_codebook_item_set_dimmed (GlossCodebookItem *self,
                                gboolean           dimmed)
{
  g_return_if_fail (GLOSS_IS_CODEBOOK_ITEM (self));

  dimmed = !!dimmed;
  if (self->dimmed == (guint) dimmed)
    return;

  self->dimmed = dimmed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIMMED]);
}

char *
gloss_codebook_item_format_counts (GlossCodebookItem *self)
{
  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (self), NULL);

  if (self->show_document)
    /* Translators: codings in this report · in the project · reports, e.g. "3 · 41 · 12" */
    return g_strdup_printf (_("%u · %u · %u"), self->in_document, self->in_project, self->documents);

  /* Translators: codings in the project · reports, e.g. "41 · 12" */
  return g_strdup_printf (_("%u · %u"), self->in_project, self->documents);
}

char *
gloss_codebook_item_format_counts_tooltip (GlossCodebookItem *self)
{
  g_autofree char *in_document = NULL;
  g_autofree char *in_project = NULL;
  g_autofree char *documents = NULL;

  g_return_val_if_fail (GLOSS_IS_CODEBOOK_ITEM (self), NULL);

  in_document = g_strdup_printf (ngettext ("%u coding in this report",
                                           "%u codings in this report",
                                           self->in_document),
                                 self->in_document);
  in_project = g_strdup_printf (ngettext ("%u coding in the project",
                                          "%u codings in the project",
                                          self->in_project),
                                self->in_project);
  documents = g_strdup_printf (ngettext ("in %u report", "in %u reports", self->documents),
                               self->documents);

  if (self->show_document)
    return g_strdup_printf ("%s\n%s\n%s", in_document, in_project, documents);

  return g_strdup_printf ("%s\n%s", in_project, documents);
}
