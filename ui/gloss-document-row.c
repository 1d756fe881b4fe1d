/* gloss-document-row.c: one row of the document list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-document-row.h"

struct _GlossDocumentRow
{
  GtkWidget      parent_instance;

  GlossDocument *document;

  GtkImage      *icon;
  GtkLabel      *title;
  GtkLabel      *subtitle;
};

G_DEFINE_FINAL_TYPE (GlossDocumentRow, gloss_document_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_details (GlossDocument *document)
{
  GlossDocumentKind kind = gloss_document_get_kind (document);
  GDateTime *imported = gloss_document_get_imported (document);
  g_autofree char *date = NULL;
  g_autofree char *pages = NULL;
  const char *kind_label;

  if (kind == GLOSS_DOCUMENT_KIND_PDF)
    {
      guint n_pages = gloss_document_get_n_pages (document);

      /* Translators: the kind of a document, in the document list */
      kind_label = _("PDF");
      pages = g_strdup_printf (ngettext ("%u page", "%u pages", n_pages), n_pages);
    }
  else
    {
      /* Translators: the kind of a document, in the document list */
      kind_label = _("Text");
    }

  if (imported != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (imported);
      /* Translators: the date a document was imported, see strftime(3) */
      date = g_date_time_format (local, _("%e %b %Y"));
      g_strstrip (date);
    }

  if (pages != NULL && date != NULL)
    /* Translators: kind · pages · date imported, e.g. "PDF · 12 pages · 3 Mar 2025" */
    return g_strdup_printf (_("%s · %s · %s"), kind_label, pages, date);
  else if (date != NULL)
    /* Translators: kind · date imported, e.g. "Text · 3 Mar 2025" */
    return g_strdup_printf (_("%s · %s"), kind_label, date);
  else if (pages != NULL)
    return g_strdup_printf (_("%s · %s"), kind_label, pages);

  return g_strdup (kind_label);
}

static void
gloss_document_row_update (GlossDocumentRow *self)
{
  g_autofree char *details = NULL;
  g_autofree char *tooltip = NULL;

  if (self->document == NULL)
    {
      gtk_label_set_label (self->title, "");
      gtk_label_set_label (self->subtitle, "");
      return;
    }

  details = format_details (self->document);
  gtk_label_set_label (self->title, gloss_document_get_name (self->document));
  gtk_label_set_label (self->subtitle, details);
  gtk_image_set_from_icon_name (self->icon,
                                gloss_document_get_kind (self->document) == GLOSS_DOCUMENT_KIND_PDF
                                ? "x-office-document-symbolic" : "text-x-generic-symbolic");
  tooltip = g_strdup_printf ("%s\n%s", gloss_document_get_name (self->document), details);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static void
on_document_notify_name (GlossDocumentRow *self)
{
  gloss_document_row_update (self);
}

static void
gloss_document_row_dispose (GObject *object)
{
  GlossDocumentRow *self = (GlossDocumentRow *)object;
  GtkWidget *child;

  gloss_document_row_set_document (self, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gloss_document_row_parent_class)->dispose (object);
}

static void
gloss_document_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossDocumentRow *self = GLOSS_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GlossDocumentRow *self = GLOSS_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      gloss_document_row_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_document_row_class_init (GlossDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_document_row_dispose;
  object_class->get_property = gloss_document_row_get_property;
  object_class->set_property = gloss_document_row_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentrow");
}

static void
gloss_document_row_init (GlossDocumentRow *self)
{
  GtkWidget *box;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);

  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->icon), GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0.0f);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title));

  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle, 0.0f);
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "subtitle");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->subtitle));
}

GlossDocument *
gloss_document_row_get_document (GlossDocumentRow *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_ROW (self), NULL);

  return self->document;
}

void
gloss_document_row_set_document (GlossDocumentRow *self,
                                 GlossDocument    *document)
{
  g_return_if_fail (GLOSS_IS_DOCUMENT_ROW (self));
  g_return_if_fail (!document || GLOSS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_notify_name, self);

  g_set_object (&self->document, document);

  if (document != NULL)
    g_signal_connect_swapped (document, "notify::name",
                              G_CALLBACK (on_document_notify_name), self);

  gloss_document_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
