/* gloss-window-views.c: the window's full-width views beside the reports:
 * the documents with their attributes, and the tables and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-document-table.h"
#include "gloss-tables-view.h"
#include "gloss-window-private.h"

static void
show_page (GlossWindow *self,
           const char  *name)
{
  if (self->project == NULL)
    return;

  gtk_stack_set_visible_child_name (self->content_stack, name);
  _gloss_window_actions_update (self);
}

static void
show_documents_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  show_page (user_data, "documents");
}

static void
show_tables_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  show_page (user_data, "tables");
}

static const GActionEntry views_actions[] = {
  { "show-documents", show_documents_action },
  { "show-tables", show_tables_action },
};

static void
on_document_activated (GlossWindow *self,
                       gint64       document_id)
{
  gtk_stack_set_visible_child_name (self->content_stack, "reports");
  gloss_document_list_select_document (self->document_list, document_id);
  _gloss_window_actions_update (self);
}

static void
on_segment_activated (GlossWindow *self,
                      gint64       document_id,
                      gint64       coding_id)
{
  _gloss_window_show_coding (self, coding_id);
}

static void
add_page (GlossWindow *self,
          GtkWidget   *child,
          const char  *name,
          const char  *title)
{
  GtkStackPage *page = gtk_stack_add_named (self->content_stack, child, name);

  gtk_stack_page_set_title (page, title);
}

void
_gloss_window_views_init (GlossWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), views_actions,
                                   G_N_ELEMENTS (views_actions), self);

  self->document_table = GLOSS_DOCUMENT_TABLE (gloss_document_table_new ());
  add_page (self, GTK_WIDGET (self->document_table), "documents", _("Documents"));
  g_signal_connect_object (self->document_table, "document-activated",
                           G_CALLBACK (on_document_activated), self, G_CONNECT_SWAPPED);

  self->tables_view = GLOSS_TABLES_VIEW (gloss_tables_view_new ());
  add_page (self, GTK_WIDGET (self->tables_view), "tables", _("Tables"));
  g_signal_connect_object (self->tables_view, "segment-activated",
                           G_CALLBACK (on_segment_activated), self, G_CONNECT_SWAPPED);
}

void
_gloss_window_views_set_project (GlossWindow *self)
{
  gloss_document_table_set_project (self->document_table, self->project);
  gloss_tables_view_set_project (self->tables_view, self->project);
}

void
_gloss_window_views_update (GlossWindow *self)
{
  gboolean has_project = self->project != NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "show-documents")),
                               has_project);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "show-tables")),
                               has_project);
}

/* The subtitle of the page shown, or NULL for the reports. */
const char *
_gloss_window_views_get_subtitle (GlossWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->content_stack);

  if (g_strcmp0 (name, "segments") == 0)
    return _("Coded Segments");
  if (g_strcmp0 (name, "documents") == 0)
    return _("Documents");
  if (g_strcmp0 (name, "tables") == 0)
    return _("Tables");
  if (g_strcmp0 (name, "agreement") == 0)
    return _("Coder Agreement");

  return NULL;
}
