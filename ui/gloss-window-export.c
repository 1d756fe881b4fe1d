/* gloss-window-export.c: the primary menu's exports (the codebook, the
 * coded segments, both in one workbook) and the import of a codebook
 *
 * Exports are made and written off the main thread; a toast says where
 * the file went and offers to open its folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gloss-export.h"
#include "gloss-export-toast.h"
#include "gloss-window-private.h"

typedef struct
{
  GlossProject     *project;
  char             *what;    /* "codebook", "segments" or "workbook" */
  char             *path;
  GlossSheetFormat  format;
  gboolean          excel;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->project);
  g_free (job->what);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_sheet_unref);
  GError *error = NULL;

  if (g_str_equal (job->what, "codebook") || g_str_equal (job->what, "workbook"))
    {
      GlossSheet *sheet = gloss_project_export_codebook (job->project, &error);

      if (sheet == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (sheets, sheet);
    }

  if (g_str_equal (job->what, "segments") || g_str_equal (job->what, "workbook"))
    {
      GlossSheet *sheet = gloss_project_export_segments (job->project, NULL, &error);

      if (sheet == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (sheets, sheet);
    }

  if (!gloss_sheets_write (sheets, job->format, job->excel, job->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _gloss_window_show_error (self, _("Could Not Export"), error->message);
      return;
    }

  file = g_file_new_for_path (job->path);
  gloss_export_toast_show (GTK_WIDGET (self->toast_overlay), file, NULL);
}

void
gloss_window_export (GlossWindow      *self,
                     const char       *what,
                     const char       *path,
                     GlossSheetFormat  format,
                     gboolean          excel)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (what != NULL && path != NULL);

  if (self->project == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->project = g_object_ref (self->project);
  job->what = g_strdup (what);
  job->path = g_strdup (path);
  job->format = g_str_equal (what, "workbook") ? GLOSS_SHEET_FORMAT_XLSX : format;
  job->excel = excel;

  task = g_task_new (NULL, NULL, on_export_done, g_object_ref (self));
  g_task_set_source_tag (task, gloss_window_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* path with the extension of the format chosen, in place of the other
 * format's ("codebook.csv" chosen as a workbook becomes "codebook.xlsx"). */
static char *
with_extension (const char *path,
                const char *extension)
{
  static const char * const known[] = { ".csv", ".xlsx" };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, extension))
    return g_strdup (path);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_has_suffix (lower, known[i]) && strlen (path) > strlen (known[i]))
      {
        g_autofree char *stem = g_strndup (path, strlen (path) - strlen (known[i]));

        return g_strconcat (stem, extension, NULL);
      }

  return g_strconcat (path, extension, NULL);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    GlossWindow     *self)
{
  const char *what = g_object_get_data (G_OBJECT (native), "what");
  const char *choice;
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  GlossSheetFormat format = GLOSS_SHEET_FORMAT_CSV;
  gboolean excel = FALSE;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  chosen = file != NULL ? g_file_get_path (file) : NULL;
  if (chosen == NULL)
    goto out;

  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "format");
  if (g_str_equal (what, "workbook") || g_strcmp0 (choice, "xlsx") == 0)
    format = GLOSS_SHEET_FORMAT_XLSX;
  else if (g_strcmp0 (choice, "excel") == 0)
    excel = TRUE;

  path = with_extension (chosen, format == GLOSS_SHEET_FORMAT_XLSX ? ".xlsx" : ".csv");
  gloss_window_export (self, what, path, format, excel);

out:
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
add_export_filters (GtkFileChooser *chooser,
                    gboolean        csv)
{
  g_autoptr(GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (sheets, csv ? _("CSV Files and Excel Workbooks") : _("Excel Workbooks"));
  if (csv)
    {
      gtk_file_filter_add_pattern (sheets, "*.csv");
      gtk_file_filter_add_mime_type (sheets, "text/csv");
    }
  gtk_file_filter_add_pattern (sheets, "*.xlsx");
  gtk_file_chooser_add_filter (chooser, sheets);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer      user_data)
{
  GlossWindow *self = user_data;
  const char *what = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *native;
  const char *title;
  const char *suffix;
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;

  if (g_str_equal (what, "codebook"))
    {
      title = _("Export Codebook");
      /* Translators: the end of a file name, after the project's name */
      suffix = _("codebook");
    }
  else if (g_str_equal (what, "segments"))
    {
      title = _("Export Coded Segments");
      /* Translators: the end of a file name, after the project's name */
      suffix = _("coded segments");
    }
  else if (g_str_equal (what, "workbook"))
    {
      title = _("Export Workbook");
      suffix = NULL;
    }
  else
    return;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data_full (G_OBJECT (native), "what", g_strdup (what), g_free);

  if (suffix != NULL)
    {
      const char *ids[] = { "csv", "excel", "xlsx", NULL };
      const char *labels[] = { _("CSV"), _("CSV for Excel (UTF-8 with BOM)"), _("Excel Workbook (.xlsx)"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "format", _("Format"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "format", "csv");
      name = g_strdup_printf ("%s %s.csv", gloss_project_get_name (self->project), suffix);
    }
  else
    {
      name = g_strdup_printf ("%s.xlsx", gloss_project_get_name (self->project));
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  add_export_filters (GTK_FILE_CHOOSER (native), suffix != NULL);

  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Import of a codebook ----------------------------------------------------- */

typedef struct
{
  GlossProject        *project;
  GFile               *file;
  GlossCodebookImport  result;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->project);
  g_clear_object (&job->file);
  g_free (job);
}

static void
import_codebook_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autofree char *data = NULL;
  gsize length = 0;
  GError *error = NULL;

  if (!g_file_load_contents (job->file, cancellable, &data, &length, NULL, &error) ||
      !gloss_project_import_codebook (job->project, data, length, &job->result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_import_codebook_done (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _gloss_window_show_error (self, _("Could Not Import Codebook"), error->message);
      return;
    }

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u code added", "%u codes added",
                                        job->result.n_added), job->result.n_added);
  updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated",
                                          job->result.n_updated), job->result.n_updated);
  /* Translators: "3 codes added, 1 updated" */
  title = g_strdup_printf (_("Codebook imported: %s, %s"), added, updated);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
gloss_window_import_codebook (GlossWindow *self,
                              GFile       *file)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->project == NULL)
    return;

  job = g_new0 (ImportJob, 1);
  job->project = g_object_ref (self->project);
  job->file = g_object_ref (file);

  task = g_task_new (NULL, NULL, on_import_codebook_done, g_object_ref (self));
  g_task_set_source_tag (task, gloss_window_import_codebook);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_codebook_thread);
}

static void
on_import_codebook_response (GtkNativeDialog *native,
                             int              response,
                             GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        gloss_window_import_codebook (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
import_codebook_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GlossWindow *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->project == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Import Codebook"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  g_signal_connect (native, "response", G_CALLBACK (on_import_codebook_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static const GActionEntry export_actions[] = {
  { "export", export_action, "s" },
  { "import-codebook", import_codebook_action },
};

void
_gloss_window_export_init (GlossWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), export_actions,
                                   G_N_ELEMENTS (export_actions), self);
}

void
_gloss_window_export_update (GlossWindow *self)
{
  gboolean has_project = self->project != NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "export")),
                               has_project);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "import-codebook")),
                               has_project);
}
