/* gloss-agreement-view-export.c: the agreement view's Export menu and its
 * formulas
 *
 * The table as CSV, CSV for Excel or an Excel workbook, made into a sheet
 * by gloss_agreement_to_sheet() (the workbook with the formulas of
 * gloss_agreement_formulas_sheet() as a second sheet) and written by
 * gloss_sheets_write() in a thread, as the tables view does: a file
 * chooser asks where; a toast says it is done, with a button to open its
 * folder, or says what went wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-export-toast.h"
#include "gloss-agreement-view-private.h"
#include "gloss-sheet.h"

typedef struct
{
  const char           *id;
  GlossAgreementExport  kind;
  const char           *suffix;
  const char           *filter_name;
  const char           *pattern;
} ExportFormat;

static const ExportFormat formats[] = {
  { "csv", GLOSS_AGREEMENT_EXPORT_CSV, ".csv", N_("CSV Files"), "*.csv" },
  { "csv-excel", GLOSS_AGREEMENT_EXPORT_CSV_EXCEL, ".csv", N_("CSV Files"), "*.csv" },
  { "xlsx", GLOSS_AGREEMENT_EXPORT_XLSX, ".xlsx", N_("Excel Workbooks"), "*.xlsx" },
};

static const ExportFormat *
find_format (GlossAgreementExport kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].kind == kind)
      return &formats[i];

  return NULL;
}

/* Formulas ------------------------------------------------------------------ */

const char *
gloss_agreement_view_get_formulas (void)
{
  static gsize initialised;
  static char *formulas;

  if (g_once_init_enter (&initialised))
    {
      g_autoptr(GlossSheet) sheet = gloss_agreement_formulas_sheet ();
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint row = 0; row < gloss_sheet_get_n_rows (sheet); row++)
        {
          g_autofree char *name = g_markup_escape_text (gloss_sheet_get_text (sheet, row, 0), -1);
          g_autofree char *formula = g_markup_escape_text (gloss_sheet_get_text (sheet, row, 1), -1);

          if (text->len > 0)
            g_string_append (text, "\n\n");
          g_string_append_printf (text, "<b>%s</b>\n%s", name, formula);
        }

      formulas = g_string_free (g_steal_pointer (&text), FALSE);
      g_once_init_leave (&initialised, 1);
    }

  return formulas;
}

/* Writing ------------------------------------------------------------------- */

typedef struct
{
  GlossAgreementResult *result;
  char                 *path;
  GlossAgreementExport  kind;
} AgreementExport;

static void
agreement_export_free (gpointer data)
{
  AgreementExport *ae = data;

  g_clear_pointer (&ae->result, _gloss_agreement_result_unref);
  g_free (ae->path);
  g_free (ae);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AgreementExport *ae = task_data;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_sheet_unref);
  g_autofree char *coders = _gloss_agreement_result_dup_coders (ae->result);
  GError *error = NULL;

  g_ptr_array_add (sheets, gloss_agreement_to_sheet (ae->result->rows, ae->result->n_coders, coders));
  if (ae->kind == GLOSS_AGREEMENT_EXPORT_XLSX)
    g_ptr_array_add (sheets, gloss_agreement_formulas_sheet ());

  if (gloss_sheets_write (sheets,
                          ae->kind == GLOSS_AGREEMENT_EXPORT_XLSX ? GLOSS_SHEET_FORMAT_XLSX : GLOSS_SHEET_FORMAT_CSV,
                          ae->kind == GLOSS_AGREEMENT_EXPORT_CSV_EXCEL, ae->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
finish_export (GTask  *task,
               GError *error)
{
  GlossAgreementView *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gloss_export_toast_show (GTK_WIDGET (self), file, error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
exported (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError *error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  finish_export (user_data, error);
}

void
gloss_agreement_view_export_async (GlossAgreementView   *self,
                                   GlossAgreementExport  kind,
                                   GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) work = NULL;
  g_autofree char *path = NULL;
  AgreementExport *ae;

  g_return_if_fail (GLOSS_IS_AGREEMENT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (find_format (kind) != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_agreement_view_export_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  path = g_file_get_path (file);
  if (path == NULL || self->result == NULL)
    {
      GError *error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Only a local file can be written"));
      else
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no table to export"));
      finish_export (g_steal_pointer (&task), error);
      return;
    }

  ae = g_new0 (AgreementExport, 1);
  ae->result = _gloss_agreement_result_ref (self->result);
  ae->path = g_steal_pointer (&path);
  ae->kind = kind;

  work = g_task_new (self, cancellable, exported, g_steal_pointer (&task));
  g_task_set_name (work, "[gloss] export the agreement");
  g_task_set_task_data (work, ae, agreement_export_free);
  g_task_run_in_thread (work, export_thread);
}

gboolean
gloss_agreement_view_export_finish (GlossAgreementView  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
gloss_agreement_view_suggest_file_name (GlossAgreementView   *self,
                                        GlossAgreementExport  kind)
{
  const ExportFormat *format;
  char *name;

  g_return_val_if_fail (GLOSS_IS_AGREEMENT_VIEW (self), NULL);

  format = find_format (kind);
  g_return_val_if_fail (format != NULL, NULL);

  if (self->project != NULL)
    /* Translators: an export's file name: project name, suffix */
    name = g_strdup_printf (_("%s – Agreement%s"), gloss_project_get_name (self->project), format->suffix);
  else
    name = g_strconcat (_("Agreement"), format->suffix, NULL);

  g_strdelimit (name, "/\\", '-');
  return name;
}

/* The menu ------------------------------------------------------------------ */

static void
on_export_response (GtkNativeDialog    *native,
                    int                 response,
                    GlossAgreementView *self)
{
  GlossAgreementExport kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "kind"));
  const ExportFormat *format = find_format (kind);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) picked = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GFile) chosen = picked != NULL ? gloss_export_file_with_suffix (picked, format->suffix) : NULL;

      if (chosen != NULL)
        gloss_agreement_view_export_async (self, kind, chosen, NULL, NULL, NULL);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossAgreementView *self = GLOSS_AGREEMENT_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const ExportFormat *format = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].id, id) == 0)
      format = &formats[i];
  if (format == NULL || self->result == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Agreement"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = gloss_agreement_view_suggest_file_name (self, format->kind);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_set_name (filter, _(format->filter_name));
  gtk_file_filter_add_pattern (filter, format->pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  g_object_set_data (G_OBJECT (native), "kind", GINT_TO_POINTER (format->kind));
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_gloss_agreement_view_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "agreement.export", "s", export_action);
}

void
_gloss_agreement_view_update_actions (GlossAgreementView *self)
{
  gboolean enabled = self->result != NULL && self->result->rows->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.export", enabled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), enabled);
}
