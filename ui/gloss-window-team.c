/* gloss-window-team.c: team work in the window: merging a colleague's
 * project, the agreement page, comparing two coders in the viewer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-agreement-view.h"
#include "gloss-compare-bar.h"
#include "gloss-comparison.h"
#include "gloss-merge-dialog.h"
#include "gloss-window-private.h"

/* Merge -------------------------------------------------------------------- */

GtkWidget *
gloss_window_merge_project (GlossWindow *self,
                            GFile       *other)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (other), NULL);

  if (self->project == NULL)
    return NULL;

  dialog = gloss_merge_dialog_new (GTK_WINDOW (self), self->project, other);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
on_merge_response (GtkNativeDialog *native,
                   int              response,
                   GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        gloss_window_merge_project (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
merge_project_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GlossWindow *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->project == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Merge a Colleague’s Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Merge…"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Gloss Projects"));
  gtk_file_filter_add_pattern (filter, "*.gloss");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  g_signal_connect (native, "response", G_CALLBACK (on_merge_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Comparing two coders in the viewer ---------------------------------------- */

static gboolean
comparing (GlossWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->compare_bar));
}

/* Gives the viewer showing the open document the bar's comparison. */
static void
update_comparison (GlossWindow *self)
{
  GlossComparison *comparison;
  const char *mode;

  if (!comparing (self) || self->document == NULL)
    return;

  mode = gtk_stack_get_visible_child_name (self->viewer_stack);
  comparison = gloss_compare_bar_dup_comparison (self->compare_bar, NULL);
  if (g_strcmp0 (mode, "pdf") == 0)
    gloss_pdf_view_set_comparison (self->pdf_view, comparison);
  else if (g_strcmp0 (mode, "text") == 0)
    gloss_text_view_set_comparison (self->text_view, comparison);
  if (comparison != NULL)
    gloss_comparison_free (comparison);
}

static void
stop_comparing (GlossWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->compare_bar), FALSE);
  gloss_pdf_view_set_comparison (self->pdf_view, NULL);
  gloss_text_view_set_comparison (self->text_view, NULL);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "compare-coders")),
                             g_variant_new_boolean (FALSE));
}

static void
start_comparing (GlossWindow *self,
                 gint64       code_id)
{
  if (self->project == NULL)
    return;

  gtk_stack_set_visible_child_name (self->content_stack, "reports");
  if (code_id == 0)
    code_id = gloss_codebook_view_get_selected_code (self->codebook_view);
  if (code_id != 0)
    gloss_compare_bar_set_code (self->compare_bar, code_id);
  gloss_compare_bar_set_document (self->compare_bar,
                                  self->document != NULL ? gloss_document_get_id (self->document) : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_bar), TRUE);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "compare-coders")),
                             g_variant_new_boolean (TRUE));
  update_comparison (self);
  _gloss_window_actions_update (self);
}

void
gloss_window_compare_coders (GlossWindow *self,
                             gint64       coder_a,
                             gint64       coder_b,
                             gint64       code_id)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (coder_a != 0 && coder_b != 0)
    gloss_compare_bar_set_coders (self->compare_bar, coder_a, coder_b);
  start_comparing (self, code_id);
}

GlossCompareBar *
gloss_window_get_compare_bar (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);
  return self->compare_bar;
}

static void
compare_coders_change_state (GSimpleAction *action,
                             GVariant      *value,
                             gpointer       user_data)
{
  GlossWindow *self = user_data;

  if (g_variant_get_boolean (value))
    start_comparing (self, 0);
  else
    stop_comparing (self);
}

/* A row of the agreement table: that code, on that report (or the one
 * open, or the first). */
static void
on_compare_requested (GlossWindow *self,
                      gint64       code_id,
                      gint64       document_id)
{
  g_autoptr(GArray) coders = gloss_agreement_view_dup_coders (self->agreement_view);

  if (coders != NULL && coders->len >= 2)
    gloss_compare_bar_set_coders (self->compare_bar,
                                  g_array_index (coders, gint64, 0),
                                  g_array_index (coders, gint64, 1));
  gtk_stack_set_visible_child_name (self->content_stack, "reports");
  if (document_id != 0)
    gloss_document_list_select_document (self->document_list, document_id);
  start_comparing (self, code_id);
}

static void
show_agreement_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GlossWindow *self = user_data;

  if (self->project == NULL)
    return;

  gtk_stack_set_visible_child_name (self->content_stack, "agreement");
  _gloss_window_actions_update (self);
}

static const GActionEntry team_actions[] = {
  { "merge-project", merge_project_action },
  { "compare-coders", NULL, NULL, "false", compare_coders_change_state },
  { "show-agreement", show_agreement_action },
};

void
_gloss_window_team_init (GlossWindow *self)
{
  GtkWidget *viewer = GTK_WIDGET (self->viewer_stack);
  GtkWidget *box;
  GtkStackPage *page;

  g_action_map_add_action_entries (G_ACTION_MAP (self), team_actions,
                                   G_N_ELEMENTS (team_actions), self);

  /* The compare bar, above the viewer. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_size_request (box, gtk_widget_get_width (viewer), -1);
  g_object_ref (viewer);
  gtk_paned_set_end_child (self->paned, NULL);
  self->compare_bar = GLOSS_COMPARE_BAR (gloss_compare_bar_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->compare_bar), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->compare_bar));
  gtk_widget_set_vexpand (viewer, TRUE);
  gtk_box_append (GTK_BOX (box), viewer);
  g_object_unref (viewer);
  gtk_paned_set_end_child (self->paned, box);
  g_signal_connect_object (self->compare_bar, "changed",
                           G_CALLBACK (update_comparison), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_bar, "closed",
                           G_CALLBACK (stop_comparing), self, G_CONNECT_SWAPPED);

  /* The agreement page. */
  self->agreement_view = GLOSS_AGREEMENT_VIEW (gloss_agreement_view_new ());
  page = gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->agreement_view), "agreement");
  gtk_stack_page_set_title (page, _("Agreement"));
  g_signal_connect_object (self->agreement_view, "compare-requested",
                           G_CALLBACK (on_compare_requested), self, G_CONNECT_SWAPPED);
}

void
_gloss_window_team_set_project (GlossWindow *self)
{
  if (comparing (self))
    stop_comparing (self);
  gloss_compare_bar_set_project (self->compare_bar, self->project);
  gloss_agreement_view_set_project (self->agreement_view, self->project);
}

/* The open document changed (and is loaded): compare on it. */
void
_gloss_window_team_set_document (GlossWindow *self)
{
  if (!comparing (self))
    return;

  gloss_compare_bar_set_document (self->compare_bar,
                                  self->document != NULL ? gloss_document_get_id (self->document) : 0);
  update_comparison (self);
}

void
_gloss_window_team_update (GlossWindow *self)
{
  gboolean has_project = self->project != NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "merge-project")),
                               has_project);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "compare-coders")),
                               has_project);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "show-agreement")),
                               has_project);
}
