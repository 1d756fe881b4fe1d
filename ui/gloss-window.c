/* gloss-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-window-private.h"

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

/* Loading a document off the main thread */

typedef struct
{
  GlossProject      *project;
  gint64             id;
  GlossDocumentKind  kind;
  GlossLayout       *layout;
  GBytes            *bytes;
  char              *password;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *ld = data;

  g_clear_object (&ld->project);
  g_clear_pointer (&ld->layout, gloss_layout_unref);
  g_clear_pointer (&ld->bytes, g_bytes_unref);
  g_clear_pointer (&ld->password, g_free);
  g_free (ld);
}

static void
load_document_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LoadData *ld = task_data;
  GError *error = NULL;

  ld->layout = gloss_project_load_layout (ld->project, ld->id, &error);
  if (ld->layout == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if (ld->kind == GLOSS_DOCUMENT_KIND_PDF)
    {
      ld->bytes = gloss_project_load_document_bytes (ld->project, ld->id, &error);
      if (ld->bytes == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      ld->password = gloss_project_dup_document_password (ld->project, ld->id);
    }

  g_task_return_boolean (task, TRUE);
}

static void
gloss_window_set_viewer_mode (GlossWindow *self,
                              const char  *mode)
{
  gtk_stack_set_visible_child_name (self->viewer_stack, mode);
  gtk_spinner_set_spinning (self->loading_spinner, g_strcmp0 (mode, "loading") == 0);
  _gloss_window_actions_update (self);
}

static void
load_document_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  GTask *task = G_TASK (result);
  LoadData *ld = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      adw_status_page_set_description (self->error_page, error->message);
      gloss_window_set_viewer_mode (self, "error");
      return;
    }

  /* A newer load may have started without cancelling this one in time. */
  if (self->document == NULL || gloss_document_get_id (self->document) != ld->id)
    return;

  if (ld->kind == GLOSS_DOCUMENT_KIND_PDF)
    {
      gloss_text_view_set_layout (self->text_view, NULL);
      gloss_pdf_view_set_document (self->pdf_view, ld->bytes, ld->password, ld->layout);
      gloss_window_set_viewer_mode (self, "pdf");
    }
  else
    {
      gloss_pdf_view_set_document (self->pdf_view, NULL, NULL, NULL);
      gloss_text_view_set_layout (self->text_view, ld->layout);
      gloss_window_set_viewer_mode (self, "text");
    }

  _gloss_window_coding_set_document (self);
}

static void
gloss_window_clear_viewer (GlossWindow *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->document);

  gloss_pdf_view_set_document (self->pdf_view, NULL, NULL, NULL);
  gloss_text_view_set_layout (self->text_view, NULL);
  adw_window_title_set_subtitle (self->window_title, "");
  gloss_window_set_viewer_mode (self, "empty");
  _gloss_window_coding_set_document (self);
}

static void
gloss_window_load_document (GlossWindow   *self,
                            GlossDocument *document)
{
  g_autoptr(GTask) task = NULL;
  LoadData *ld;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  g_set_object (&self->document, document);
  adw_window_title_set_subtitle (self->window_title, gloss_document_get_name (document));
  gloss_window_set_viewer_mode (self, "loading");
  _gloss_window_coding_set_document (self);

  ld = g_new0 (LoadData, 1);
  ld->project = g_object_ref (self->project);
  ld->id = gloss_document_get_id (document);
  ld->kind = gloss_document_get_kind (document);

  task = g_task_new (self, self->load_cancellable, load_document_done, NULL);
  g_task_set_source_tag (task, gloss_window_load_document);
  g_task_set_task_data (task, ld, load_data_free);
  g_task_run_in_thread (task, load_document_thread);
}

static void
on_selected_document_changed (GlossWindow *self)
{
  GlossDocument *document = gloss_document_list_get_selected (self->document_list);

  if (document == NULL)
    {
      if (self->document != NULL)
        gloss_window_clear_viewer (self);
      _gloss_window_actions_update (self);
      return;
    }

  /* The list reloads after every change (a rename, an import): the same
   * document comes back as a new object. */
  if (self->document != NULL &&
      gloss_document_get_id (self->document) == gloss_document_get_id (document))
    {
      g_set_object (&self->document, document);
      adw_window_title_set_subtitle (self->window_title, gloss_document_get_name (document));
      _gloss_window_actions_update (self);
      return;
    }

  gloss_window_load_document (self, document);
}

/* Viewer controls */

static void
gloss_window_update_viewer_controls (GlossWindow *self)
{
  guint n_pages = gloss_pdf_view_get_n_pages (self->pdf_view);
  guint page = gloss_pdf_view_get_page (self->pdf_view);
  g_autofree char *zoom = NULL;
  g_autofree char *total = NULL;
  GtkWidget *focus;

  /* Translators: the zoom level of the viewer, e.g. "100%" */
  zoom = g_strdup_printf (_("%.0f%%"), gloss_pdf_view_get_zoom (self->pdf_view) * 100.0);
  gtk_menu_button_set_label (self->zoom_button, zoom);

  /* Translators: after the current page number, e.g. "3 / 12" */
  total = g_strdup_printf (_("/ %u"), MAX (n_pages, 1));
  gtk_label_set_label (self->n_pages_label, total);

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL ||
      (focus != GTK_WIDGET (self->page_entry) &&
       !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->page_entry))))
    {
      g_autofree char *number = g_strdup_printf ("%u", n_pages > 0 ? page + 1 : 0);
      gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);
    }

  _gloss_window_actions_update (self);
}

static void
on_pdf_view_notify (GlossWindow *self)
{
  gloss_window_update_viewer_controls (self);
}

static void
on_pdf_view_zoom_changed (GlossWindow *self)
{
  double zoom = gloss_pdf_view_get_zoom (self->pdf_view);

  if (!gloss_pdf_view_get_fit_width (self->pdf_view) && zoom >= 0.25 && zoom <= 8.0)
    g_settings_set_double (self->settings, "zoom", zoom);

  gloss_window_update_viewer_controls (self);
}

static void
on_page_entry_activate (GlossWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->page_entry))));
  guint n_pages = gloss_pdf_view_get_n_pages (self->pdf_view);
  guint64 number = 0;

  if (n_pages > 0 &&
      g_ascii_string_to_unsigned (text, 10, 1, n_pages, &number, NULL))
    {
      gloss_pdf_view_go_to_page (self->pdf_view, (guint) number - 1);
      gtk_widget_grab_focus (GTK_WIDGET (self->pdf_view));
    }
  else
    {
      gtk_widget_error_bell (GTK_WIDGET (self->page_entry));
    }

  gloss_window_update_viewer_controls (self);
}

static void
on_pdf_render_error (GlossWindow *self,
                     const char  *message)
{
  g_autofree char *title = g_strdup_printf (_("Could not show the page: %s"), message);

  gloss_window_add_toast (self, title);
}

static void
on_import_cancel_clicked (GlossWindow *self)
{
  _gloss_window_import_cancel_clicked (self);
}

/* Drag and drop */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GlossWindow   *self)
{
  GdkFileList *file_list;
  g_autoptr(GListStore) files = NULL;
  g_autoptr(GFile) project_file = NULL;
  GSList *list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  file_list = g_value_get_boxed (value);
  list = gdk_file_list_get_files (file_list);
  files = g_list_store_new (G_TYPE_FILE);

  for (const GSList *l = list; l != NULL; l = l->next)
    {
      GFile *file = l->data;
      g_autofree char *basename = g_file_get_basename (file);

      if (basename != NULL && g_str_has_suffix (basename, ".gloss"))
        g_set_object (&project_file, file);
      else
        g_list_store_append (files, file);
    }
  g_slist_free (list);

  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    {
      if (project_file != NULL)
        return gloss_window_open_project (self, project_file);
      return FALSE;
    }

  if (self->project == NULL)
    {
      gloss_window_add_toast (self, _("Create or open a project first, then drop reports on it"));
      return FALSE;
    }

  gloss_window_import_files (self, G_LIST_MODEL (files));

  return TRUE;
}

/* Window state */

static void
on_paned_position_changed (GlossWindow *self)
{
  int position = gtk_paned_get_position (self->paned);

  if (gtk_widget_get_mapped (GTK_WIDGET (self->paned)))
    g_settings_set_int (self->settings, "sidebar-width", CLAMP (position, 120, 1200));
}

static void
gloss_window_save_state (GlossWindow *self)
{
  int width = 0;
  int height = 0;

  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));

  if (gtk_window_is_maximized (GTK_WINDOW (self)) || gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width >= 360 && height >= 294)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);

  gloss_window_save_state (self);
  _gloss_window_import_cancel (self);
  gloss_window_close_project (self);

  return GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request (window);
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = (GlossWindow *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  _gloss_window_import_dispose (self);
  _gloss_window_coding_dispose (self);

  if (self->project != NULL)
    {
      gloss_document_list_set_project (self->document_list, NULL);
      g_clear_object (&self->project);
    }
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_finalize (GObject *object)
{
  GlossWindow *self = (GlossWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_window_parent_class)->finalize (object);
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_window_dispose;
  object_class->finalize = gloss_window_finalize;
  window_class->close_request = gloss_window_close_request;

  g_type_ensure (GLOSS_TYPE_START_PAGE);
  g_type_ensure (GLOSS_TYPE_DOCUMENT_LIST);
  g_type_ensure (GLOSS_TYPE_PDF_VIEW);
  g_type_ensure (GLOSS_TYPE_TEXT_VIEW);
  g_type_ensure (GLOSS_TYPE_CODER_BUTTON);
  g_type_ensure (GLOSS_TYPE_CODE_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, viewer_controls);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, page_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, viewer_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, pdf_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, coder_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, document_list_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, code_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, code_picker);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, coding_paned);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, coding_sidebar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, codebook_box);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, codings_box);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, memo_box);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, memo_target_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, segments_box);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_pdf_render_error);
  gtk_widget_class_bind_template_callback (widget_class, on_import_cancel_clicked);

  /* Local shortcuts, in the bubble phase: a focused entry or the list
   * handles these keys first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "win.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.show-document-list", NULL);
  _gloss_window_coding_class_init (widget_class);
}

static void
gloss_window_init (GlossWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Written back by hand, clamped to the key's range. */
  g_settings_bind (self->settings, "sidebar-width", self->paned, "position",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_signal_connect_object (self->paned, "notify::position",
                           G_CALLBACK (on_paned_position_changed), self, G_CONNECT_SWAPPED);

  gloss_pdf_view_set_zoom (self->pdf_view, g_settings_get_double (self->settings, "zoom"));

  g_signal_connect_object (self->document_list, "notify::selected-document",
                           G_CALLBACK (on_selected_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_view, "notify::zoom",
                           G_CALLBACK (on_pdf_view_zoom_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_view, "notify::fit-width",
                           G_CALLBACK (on_pdf_view_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_view, "notify::page",
                           G_CALLBACK (on_pdf_view_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_view, "notify::n-pages",
                           G_CALLBACK (on_pdf_view_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_view, "notify::has-selection",
                           G_CALLBACK (_gloss_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "notify::has-selection",
                           G_CALLBACK (_gloss_window_actions_update), self, G_CONNECT_SWAPPED);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->main_stack), GTK_EVENT_CONTROLLER (drop_target));

  _gloss_window_actions_init (self);
  _gloss_window_import_init (self);
  _gloss_window_coding_init (self);
  _gloss_window_views_init (self);
  _gloss_window_export_init (self);
  _gloss_window_team_init (self);
  gloss_window_update_viewer_controls (self);
  _gloss_window_actions_update (self);
}

GlossWindow *
gloss_window_new (GlossApplication *application)
{
  return g_object_new (GLOSS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static const char *
project_error_heading (const GError *error)
{
  if (error->domain == GLOSS_ERROR)
    {
      switch ((GlossError) error->code)
        {
        case GLOSS_ERROR_NOT_A_PROJECT:
          return _("Not a Gloss Project");
        case GLOSS_ERROR_NEWER_VERSION:
          return _("Project Made by a Newer Version of Gloss");
        case GLOSS_ERROR_DAMAGED:
          return _("Project File Is Damaged");
        case GLOSS_ERROR_IN_USE:
          return _("Project Already in Use");
        case GLOSS_ERROR_NOT_FOUND:
          return _("Project Not Found");
        case GLOSS_ERROR_READ_ONLY:
          return _("Project Cannot Be Written");
        default:
          break;
        }
    }

  return _("Could Not Open Project");
}

static char *
project_error_body (GFile        *file,
                    const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (error->domain == GLOSS_ERROR)
    {
      switch ((GlossError) error->code)
        {
        case GLOSS_ERROR_NOT_A_PROJECT:
          return g_strdup_printf (_("“%s” is not a Gloss project file."), name);
        case GLOSS_ERROR_NEWER_VERSION:
          return g_strdup_printf (_("“%s” was saved by a newer version of Gloss. Update Gloss to open it."), name);
        case GLOSS_ERROR_DAMAGED:
          return g_strdup_printf (_("“%s” is damaged and cannot be opened: %s"), name, error->message);
        case GLOSS_ERROR_IN_USE:
          return g_strdup_printf (_("“%s” is open in another program. Close it there first."), name);
        default:
          break;
        }
    }

  return g_strdup_printf ("%s", error->message);
}

static GlossWindow *
find_window_with_project (GlossWindow *self,
                          const char  *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  if (app == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      GlossWindow *other = l->data;
      g_autofree char *other_path = NULL;

      if (!GLOSS_IS_WINDOW (other) || other->project == NULL)
        continue;

      other_path = g_canonicalize_filename (gloss_project_get_path (other->project), NULL);
      if (g_strcmp0 (other_path, canonical) == 0)
        return other;
    }

  return NULL;
}

gboolean
gloss_window_open_project (GlossWindow *self,
                           GFile       *file)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GlossWindow *other;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *body = g_strdup_printf (_("“%s” is not a local file."), uri);

      _gloss_window_show_error (self, _("Could Not Open Project"), body);
      return FALSE;
    }

  other = find_window_with_project (self, path);
  if (other != NULL)
    {
      gtk_window_present (GTK_WINDOW (other));
      return TRUE;
    }

  project = gloss_project_open (path, &error);
  if (project == NULL)
    {
      g_autofree char *body = project_error_body (file, error);

      g_debug ("Opening %s failed: %s", path, error->message);
      _gloss_window_show_error (self, project_error_heading (error), body);
      return FALSE;
    }

  _gloss_window_set_project (self, project);

  return TRUE;
}

void
_gloss_window_set_project (GlossWindow  *self,
                           GlossProject *project)
{
  g_assert (GLOSS_IS_WINDOW (self));
  g_assert (GLOSS_IS_PROJECT (project));

  gloss_window_close_project (self);

  self->project = g_object_ref (project);
  gloss_document_list_set_project (self->document_list, project);

  adw_window_title_set_title (self->window_title, gloss_project_get_name (project));
  adw_window_title_set_subtitle (self->window_title, "");
  gtk_window_set_title (GTK_WINDOW (self), gloss_project_get_name (project));
  gtk_widget_set_visible (self->import_button, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "project");

  _gloss_window_add_recent (self, gloss_project_get_path (project));
  _gloss_window_coding_set_project (self);
  _gloss_window_actions_update (self);

  if (gloss_document_list_get_n_documents (self->document_list) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->document_list));
}

void
gloss_window_close_project (GlossWindow *self)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  _gloss_window_import_cancel (self);
  gloss_window_clear_viewer (self);
  gloss_document_list_set_project (self->document_list, NULL);
  g_clear_object (&self->project);
  _gloss_window_coding_set_project (self);

  adw_window_title_set_title (self->window_title, "Gloss");
  adw_window_title_set_subtitle (self->window_title, "");
  gtk_window_set_title (GTK_WINDOW (self), "Gloss");
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  _gloss_window_actions_update (self);
}

GlossProject *
gloss_window_get_project (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->project;
}

void
gloss_window_add_toast (GlossWindow *self,
                        const char  *title)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  /* A toast title is markup; file names are not. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
gloss_window_get_page_name (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
gloss_window_get_viewer_mode (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->viewer_stack);
}

GlossDocument *
gloss_window_get_document (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->document;
}

GlossDocumentList *
gloss_window_get_document_list (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->document_list;
}

GlossPdfView *
gloss_window_get_pdf_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->pdf_view;
}

GlossTextView *
gloss_window_get_text_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->text_view;
}

GtkWidget *
gloss_window_get_coder_button (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->coder_button);
}

GtkWidget *
gloss_window_get_code_picker (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->code_picker);
}

GtkWidget *
gloss_window_get_codebook_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->codebook_view);
}

GtkWidget *
gloss_window_get_codings_list (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->codings_list);
}

GtkWidget *
gloss_window_get_memo_editor (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->memo_editor);
}

GtkWidget *
gloss_window_get_segments_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->segments_view);
}

const char *
gloss_window_get_content_page (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

const char *
gloss_window_get_sidebar_page (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->sidebar_stack);
}
