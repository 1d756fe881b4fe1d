/* gloss-window-actions.c: the actions of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-window-private.h"

#define MAX_RECENT 20

void
_gloss_window_show_error (GlossWindow *self,
                          const char  *heading,
                          const char  *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gloss_window_add_recent (GlossWindow *self,
                          const char  *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  guint n = 1;

  g_strv_builder_add (builder, canonical);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_strcmp0 (recent[i], canonical) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) updated);
}

static void
set_enabled (GlossWindow *self,
             const char  *name,
             gboolean     enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_gloss_window_actions_update (GlossWindow *self)
{
  gboolean has_project = self->project != NULL;
  const char *mode = gtk_stack_get_visible_child_name (self->viewer_stack);
  gboolean is_pdf = has_project && g_strcmp0 (mode, "pdf") == 0;
  gboolean is_text = has_project && g_strcmp0 (mode, "text") == 0;
  gboolean has_document = has_project && gloss_document_list_get_selected (self->document_list) != NULL;
  GAction *action;
  double zoom;

  if (g_action_map_lookup_action (G_ACTION_MAP (self), "import") == NULL)
    return;

  set_enabled (self, "import", has_project);
  set_enabled (self, "import-folder", has_project);
  set_enabled (self, "close-project", has_project);
  set_enabled (self, "filter", has_project);
  set_enabled (self, "rename-document", has_document);
  set_enabled (self, "delete-document", has_document);
  set_enabled (self, "zoom-in", is_pdf);
  set_enabled (self, "zoom-out", is_pdf);
  set_enabled (self, "zoom-reset", is_pdf);
  set_enabled (self, "zoom", is_pdf);
  set_enabled (self, "fit-width", is_pdf);
  set_enabled (self, "go-to-page", is_pdf);
  set_enabled (self, "copy",
               (is_pdf && gloss_pdf_view_get_selection (self->pdf_view, NULL, NULL)) ||
               (is_text && gloss_text_view_get_selection (self->text_view, NULL, NULL)));

  gtk_widget_set_visible (self->viewer_controls,
                          is_pdf && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "reports") == 0);

  zoom = gloss_pdf_view_get_zoom (self->pdf_view);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "zoom");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_double (gloss_pdf_view_get_fit_width (self->pdf_view) ? 0.0 : zoom));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "fit-width");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (gloss_pdf_view_get_fit_width (self->pdf_view)));

  _gloss_window_coding_update (self);
}

/* New project */

static void
on_new_project_response (GtkNativeDialog *native,
                         int              response,
                         GlossWindow     *self)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  path = chosen ? g_file_get_path (chosen) : NULL;
  if (path == NULL)
    goto out;

  if (!g_str_has_suffix (path, ".gloss"))
    {
      char *with_suffix = g_strconcat (path, ".gloss", NULL);

      g_free (path);
      path = with_suffix;
    }

  basename = g_path_get_basename (path);
  name = g_strndup (basename, strlen (basename) - strlen (".gloss"));
  if (name[0] == '\0')
    {
      g_free (name);
      name = g_strdup (_("Untitled"));
    }

  /* The file chooser asked before replacing a file. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (self->project != NULL)
        {
          g_autofree char *a = g_canonicalize_filename (path, NULL);
          g_autofree char *b = g_canonicalize_filename (gloss_project_get_path (self->project), NULL);

          if (g_strcmp0 (a, b) == 0)
            gloss_window_close_project (self);
        }

      if (!g_file_delete (file, NULL, &error))
        {
          _gloss_window_show_error (self, _("Could Not Create Project"), error->message);
          goto out;
        }
    }

  project = gloss_project_create (path, name, &error);
  if (project == NULL)
    {
      _gloss_window_show_error (self, _("Could Not Create Project"), error->message);
      goto out;
    }

  _gloss_window_set_project (self, project);

out:
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
new_project_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GlossWindow *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("New Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Untitled.gloss"));

  gtk_file_filter_set_name (filter, _("Gloss Projects"));
  gtk_file_filter_add_pattern (filter, "*.gloss");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  g_signal_connect (native, "response", G_CALLBACK (on_new_project_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Open project */

static void
on_open_project_response (GtkNativeDialog *native,
                          int              response,
                          GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        gloss_window_open_project (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
open_project_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GlossWindow *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (projects, _("Gloss Projects"));
  gtk_file_filter_add_pattern (projects, "*.gloss");
  gtk_file_filter_add_mime_type (projects, "application/x-gloss-project");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), projects);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_signal_connect (native, "response", G_CALLBACK (on_open_project_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GlossWindow *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  gloss_window_open_project (self, file);
}

/* Import */

static void
on_import_response (GtkNativeDialog *native,
                    int              response,
                    GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      if (files != NULL && g_list_model_get_n_items (files) > 0)
        gloss_window_import_files (self, files);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *mime_types,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types && mime_types[i]; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns && patterns[i]; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
show_import_chooser (GlossWindow *self,
                     gboolean     folders)
{
  static const char * const report_types[] = { "application/pdf", "text/plain", NULL };
  static const char * const report_patterns[] = { "*.pdf", "*.PDF", "*.txt", "*.TXT", "*.text", "*.md", NULL };
  static const char * const pdf_types[] = { "application/pdf", NULL };
  static const char * const pdf_patterns[] = { "*.pdf", "*.PDF", NULL };
  static const char * const text_types[] = { "text/plain", NULL };
  static const char * const text_patterns[] = { "*.txt", "*.TXT", "*.text", "*.md", NULL };
  static const char * const all_patterns[] = { "*", NULL };
  GtkFileChooserNative *native;

  if (self->project == NULL)
    return;

  native = gtk_file_chooser_native_new (folders ? _("Import Folders") : _("Import Reports"),
                                        GTK_WINDOW (self),
                                        folders ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  if (!folders)
    {
      add_filter (GTK_FILE_CHOOSER (native), _("Reports (PDF and Text)"), report_types, report_patterns);
      add_filter (GTK_FILE_CHOOSER (native), _("PDF Documents"), pdf_types, pdf_patterns);
      add_filter (GTK_FILE_CHOOSER (native), _("Text Files"), text_types, text_patterns);
      add_filter (GTK_FILE_CHOOSER (native), _("All Files"), NULL, all_patterns);
    }

  g_signal_connect (native, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  show_import_chooser (GLOSS_WINDOW (user_data), FALSE);
}

static void
import_folder_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  show_import_chooser (GLOSS_WINDOW (user_data), TRUE);
}

static void
close_project_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  gloss_window_close_project (GLOSS_WINDOW (user_data));
}

static void
filter_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GlossWindow *self = user_data;

  gloss_document_list_focus_filter (self->document_list);
}

/* Viewer */

static void
zoom_in_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GlossWindow *self = user_data;

  gloss_pdf_view_zoom_in (self->pdf_view);
}

static void
zoom_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GlossWindow *self = user_data;

  gloss_pdf_view_zoom_out (self->pdf_view);
}

static void
zoom_reset_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GlossWindow *self = user_data;

  gloss_pdf_view_set_fit_width (self->pdf_view, FALSE);
  gloss_pdf_view_set_zoom (self->pdf_view, 1.0);
}

static void
zoom_change_state (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       user_data)
{
  GlossWindow *self = user_data;
  double zoom = g_variant_get_double (value);

  if (zoom <= 0.0)
    return;

  gloss_pdf_view_set_fit_width (self->pdf_view, FALSE);
  gloss_pdf_view_set_zoom (self->pdf_view, zoom);
}

static void
fit_width_change_state (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  GlossWindow *self = user_data;

  gloss_pdf_view_set_fit_width (self->pdf_view, g_variant_get_boolean (value));
}

static void
go_to_page_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GlossWindow *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (self->page_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->page_entry), 0, -1);
}

static void
copy_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GlossWindow *self = user_data;
  const char *mode = gtk_stack_get_visible_child_name (self->viewer_stack);

  if (g_strcmp0 (mode, "pdf") == 0)
    gloss_pdf_view_copy_selection (self->pdf_view);
  else if (g_strcmp0 (mode, "text") == 0)
    gloss_text_view_copy_selection (self->text_view);
}

static void
rename_document_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GlossWindow *self = user_data;

  gloss_document_list_rename_selected (self->document_list);
}

static void
delete_document_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GlossWindow *self = user_data;

  gloss_document_list_delete_selected (self->document_list);
}

static const GActionEntry window_actions[] = {
  { "new-project", new_project_action },
  { "open-project", open_project_action },
  { "open-recent", open_recent_action, "s" },
  { "import", import_action },
  { "import-folder", import_folder_action },
  { "close-project", close_project_action },
  { "filter", filter_action },
  { "zoom-in", zoom_in_action },
  { "zoom-out", zoom_out_action },
  { "zoom-reset", zoom_reset_action },
  { "zoom", NULL, "d", "1.0", zoom_change_state },
  { "fit-width", NULL, NULL, "false", fit_width_change_state },
  { "go-to-page", go_to_page_action },
  { "copy", copy_action },
  { "rename-document", rename_document_action },
  { "delete-document", delete_document_action },
};

void
_gloss_window_actions_init (GlossWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions,
                                   G_N_ELEMENTS (window_actions), self);
}
