/* gloss-window-import.c: importing reports into the window's project,
 * with progress, a summary, and passwords for protected PDFs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-window-private.h"

typedef struct
{
  GFile    *file;
  char     *password;
  gboolean  wrong_password;   /* for a password request: the last one failed */
} ImportRequest;

static ImportRequest *
import_request_new (GFile      *file,
                    const char *password)
{
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->file = g_object_ref (file);
  request->password = g_strdup (password);

  return request;
}

static void
import_request_free (gpointer data)
{
  ImportRequest *request = data;

  g_clear_object (&request->file);
  if (request->password != NULL)
    memset (request->password, 0, strlen (request->password));
  g_clear_pointer (&request->password, g_free);
  g_free (request);
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename ? g_filename_display_name (basename) : g_file_get_parse_name (file);
}

static void gloss_window_import_maybe_start (GlossWindow *self);
static void gloss_window_import_ask_password (GlossWindow *self);

static void
on_import_progress (GlossImporter *importer,
                    guint          done,
                    guint          total,
                    const char    *name,
                    GlossWindow   *self)
{
  g_autofree char *label = NULL;
  guint current = MIN (done + 1, total);

  if (total == 0)
    return;

  if (name != NULL && name[0] != '\0')
    /* Translators: shown while importing, e.g. "Importing 3 of 12 — report.pdf" */
    label = g_strdup_printf (_("Importing %u of %u — %s"), current, total, name);
  else
    label = g_strdup_printf (_("Importing %u of %u"), current, total);

  gtk_label_set_label (self->import_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_label), label);
  gtk_progress_bar_set_fraction (self->import_progress, (double) done / (double) total);
}

static void
on_import_file_done (GlossImporter *importer,
                     gpointer       data,
                     GlossWindow   *self)
{
  const GlossImportResult *result = data;
  GFile *file = gloss_import_result_get_file (result);
  GlossDocument *document = gloss_import_result_get_document (result);
  const GError *error = gloss_import_result_get_error (result);
  g_autofree char *display = file_display_name (file);

  switch (gloss_import_result_get_status (result))
    {
    case GLOSS_IMPORT_IMPORTED:
      self->import_n_imported++;
      if (document != NULL && self->import_first_new_id < 0)
        self->import_first_new_id = gloss_document_get_id (document);
      break;

    case GLOSS_IMPORT_DUPLICATE:
      if (document != NULL)
        g_ptr_array_add (self->import_duplicates,
                         g_strdup_printf (_("“%s” is already in the project as “%s”"),
                                          display, gloss_document_get_name (document)));
      else
        g_ptr_array_add (self->import_duplicates,
                         g_strdup_printf (_("“%s” is already in the project"), display));
      break;

    case GLOSS_IMPORT_REFUSED:
      if (error != NULL &&
          (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_ENCRYPTED) ||
           g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_BAD_PASSWORD)))
        {
          ImportRequest *request = import_request_new (file, NULL);

          request->wrong_password = g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_BAD_PASSWORD);
          g_ptr_array_add (self->password_queue, request);
          break;
        }

      /* Translators: a file that could not be imported, and why */
      g_ptr_array_add (self->import_refused,
                       g_strdup_printf (_("%s — %s"), display,
                                        error ? error->message : _("unknown error")));
      break;

    case GLOSS_IMPORT_CANCELLED:
    default:
      break;
    }
}

static void
gloss_window_import_summarize (GlossWindow *self,
                               gboolean     cancelled)
{
  if (self->import_n_imported > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("Imported %u report",
                                                          "Imported %u reports",
                                                          self->import_n_imported),
                                                self->import_n_imported);
      gloss_window_add_toast (self, title);
    }

  if (self->import_duplicates->len == 1)
    {
      gloss_window_add_toast (self, g_ptr_array_index (self->import_duplicates, 0));
    }
  else if (self->import_duplicates->len > 1)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u report is already in the project",
                                                          "%u reports are already in the project",
                                                          self->import_duplicates->len),
                                                self->import_duplicates->len);
      gloss_window_add_toast (self, title);
    }

  if (self->import_refused->len == 1)
    {
      g_autofree char *title = g_strdup_printf (_("Not imported: %s"),
                                                (const char *) g_ptr_array_index (self->import_refused, 0));
      gloss_window_add_toast (self, title);
    }
  else if (self->import_refused->len > 1)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *heading = NULL;

      for (guint i = 0; i < self->import_refused->len; i++)
        {
          if (i > 0)
            g_string_append_c (body, '\n');
          g_string_append (body, g_ptr_array_index (self->import_refused, i));
        }

      heading = g_strdup_printf (ngettext ("%u File Was Not Imported",
                                           "%u Files Were Not Imported",
                                           self->import_refused->len),
                                 self->import_refused->len);
      _gloss_window_show_error (self, heading, body->str);
    }

  if (cancelled)
    gloss_window_add_toast (self, _("Import cancelled"));

  if (self->import_n_imported == 0 && self->import_duplicates->len == 0 &&
      self->import_refused->len == 0 && self->password_queue->len == 0 && !cancelled)
    gloss_window_add_toast (self, _("No reports found to import"));
}

static void
gloss_window_import_reset_counters (GlossWindow *self)
{
  self->import_n_imported = 0;
  self->import_first_new_id = -1;
  g_ptr_array_set_size (self->import_refused, 0);
  g_ptr_array_set_size (self->import_duplicates, 0);
}

static void
on_import_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  cancelled = self->import_cancellable != NULL &&
              g_cancellable_is_cancelled (self->import_cancellable);

  if (!gloss_importer_run_finish (GLOSS_IMPORTER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cancelled = TRUE;
      else
        {
          g_autofree char *title = g_strdup_printf (_("Import failed: %s"), error->message);
          gloss_window_add_toast (self, title);
        }
    }

  g_signal_handlers_disconnect_by_data (object, self);
  if ((GObject *) self->importer == object)
    g_clear_object (&self->importer);
  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);

  /* The window may have been closed, or the project changed meanwhile. */
  if (self->import_queue == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)) ||
      self->project == NULL)
    return;

  gloss_window_import_summarize (self, cancelled);

  gloss_document_list_reload (self->document_list);
  if (self->import_first_new_id >= 0)
    gloss_document_list_select_document (self->document_list, self->import_first_new_id);

  gloss_window_import_reset_counters (self);

  if (cancelled)
    {
      g_ptr_array_set_size (self->password_queue, 0);
      g_ptr_array_set_size (self->import_queue, 0);
    }

  if (self->password_queue->len > 0)
    gloss_window_import_ask_password (self);
  else
    gloss_window_import_maybe_start (self);
}

static void
gloss_window_import_maybe_start (GlossWindow *self)
{
  if (self->importer != NULL || self->asking_password ||
      self->import_queue->len == 0 || self->project == NULL)
    return;

  self->importer = gloss_importer_new (self->project);
  for (guint i = 0; i < self->import_queue->len; i++)
    {
      ImportRequest *request = g_ptr_array_index (self->import_queue, i);

      gloss_importer_add_file (self->importer, request->file, request->password);
    }
  g_ptr_array_set_size (self->import_queue, 0);

  gloss_window_import_reset_counters (self);
  self->import_cancellable = g_cancellable_new ();

  g_signal_connect (self->importer, "progress", G_CALLBACK (on_import_progress), self);
  g_signal_connect (self->importer, "file-done", G_CALLBACK (on_import_file_done), self);

  gtk_label_set_label (self->import_label, _("Preparing import…"));
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);

  gloss_importer_run_async (self->importer, self->import_cancellable,
                            on_import_done, g_object_ref (self));
}

/* Passwords */

typedef struct
{
  GlossWindow   *self;
  ImportRequest *request;
  GtkEditable   *entry;
  gboolean       answered;
} PasswordData;

static void
password_data_free (gpointer  data,
                    GClosure *closure)
{
  PasswordData *pd = data;

  g_clear_object (&pd->self);
  g_clear_pointer (&pd->request, import_request_free);
  g_free (pd);
}

static void
on_password_response (AdwMessageDialog *dialog,
                      const char       *response,
                      PasswordData     *pd)
{
  GlossWindow *self = pd->self;

  /* Closing the dialog after a response may send the close response too. */
  if (pd->answered)
    return;
  pd->answered = TRUE;
  self->asking_password = FALSE;

  if (g_strcmp0 (response, "import") == 0 && self->project != NULL)
    g_ptr_array_add (self->import_queue,
                     import_request_new (pd->request->file, gtk_editable_get_text (pd->entry)));

  /* Do not keep the password around in the dialog. */
  gtk_editable_set_text (pd->entry, "");

  if (self->password_queue->len > 0)
    gloss_window_import_ask_password (self);
  else
    gloss_window_import_maybe_start (self);
}

static void
gloss_window_import_ask_password (GlossWindow *self)
{
  g_autofree char *display = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;
  PasswordData *pd;

  if (self->password_queue->len == 0 || self->asking_password)
    return;

  pd = g_new0 (PasswordData, 1);
  pd->self = g_object_ref (self);
  pd->request = g_ptr_array_steal_index (self->password_queue, 0);
  self->asking_password = TRUE;

  display = file_display_name (pd->request->file);
  if (pd->request->wrong_password)
    body = g_strdup_printf (_("The password for “%s” was not right. Try again."), display);
  else
    body = g_strdup_printf (_("“%s” is protected by a password. Enter it to import the report."), display);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Password Needed"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "skip", _("_Skip"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "skip");

  /* A GtkEntry rather than a GtkPasswordEntry: GTK 4.8's password entry
   * leaves a signal handler behind when its dialog is destroyed. */
  entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  pd->entry = GTK_EDITABLE (entry);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_password_response),
                         pd, password_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Entry points */

void
gloss_window_import_files (GlossWindow *self,
                           GListModel  *files)
{
  guint n;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (self->project == NULL)
    {
      gloss_window_add_toast (self, _("Create or open a project first"));
      return;
    }

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      if (G_IS_FILE (file))
        g_ptr_array_add (self->import_queue, import_request_new (file, NULL));
    }

  gloss_window_import_maybe_start (self);
}

gboolean
gloss_window_get_importing (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return self->importer != NULL || self->import_queue->len > 0 || self->asking_password;
}

void
_gloss_window_import_cancel_clicked (GlossWindow *self)
{
  g_ptr_array_set_size (self->import_queue, 0);
  g_cancellable_cancel (self->import_cancellable);
  gtk_label_set_label (self->import_label, _("Cancelling…"));
}

void
_gloss_window_import_cancel (GlossWindow *self)
{
  if (self->import_queue != NULL)
    g_ptr_array_set_size (self->import_queue, 0);
  if (self->password_queue != NULL)
    g_ptr_array_set_size (self->password_queue, 0);
  g_cancellable_cancel (self->import_cancellable);
}

void
_gloss_window_import_init (GlossWindow *self)
{
  self->import_queue = g_ptr_array_new_with_free_func (import_request_free);
  self->password_queue = g_ptr_array_new_with_free_func (import_request_free);
  self->import_refused = g_ptr_array_new_with_free_func (g_free);
  self->import_duplicates = g_ptr_array_new_with_free_func (g_free);
  self->import_first_new_id = -1;
}

void
_gloss_window_import_dispose (GlossWindow *self)
{
  _gloss_window_import_cancel (self);
  if (self->importer != NULL)
    g_signal_handlers_disconnect_by_data (self->importer, self);
  g_clear_object (&self->importer);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->import_queue, g_ptr_array_unref);
  g_clear_pointer (&self->password_queue, g_ptr_array_unref);
  g_clear_pointer (&self->import_refused, g_ptr_array_unref);
  g_clear_pointer (&self->import_duplicates, g_ptr_array_unref);
}
