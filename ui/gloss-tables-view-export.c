/* gloss-tables-view-export.c: the tables view's Export menu
 *
 * The table as CSV, CSV for Excel or an Excel workbook (made into a sheet
 * by gloss_table_to_sheet(), written by gloss_sheets_write()), the chart
 * as PNG, SVG or PDF (gloss_chart_export_async()).  A file chooser asks
 * where; the file is written in a thread; a toast says it is done, with a
 * button to open its folder, or says what went wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-export-toast.h"
#include "gloss-export.h"
#include "gloss-sheet.h"
#include "gloss-tables-view-private.h"

typedef struct
{
  const char        *id;
  GlossTablesExport  kind;
  const char        *suffix;
  const char        *filter_name;
  const char        *pattern;
} ExportFormat;

static const ExportFormat formats[] = {
  { "csv", GLOSS_TABLES_EXPORT_CSV, ".csv", N_("CSV Files"), "*.csv" },
  { "csv-excel", GLOSS_TABLES_EXPORT_CSV_EXCEL, ".csv", N_("CSV Files"), "*.csv" },
  { "xlsx", GLOSS_TABLES_EXPORT_XLSX, ".xlsx", N_("Excel Workbooks"), "*.xlsx" },
  { "png", GLOSS_TABLES_EXPORT_PNG, ".png", N_("PNG Images"), "*.png" },
  { "svg", GLOSS_TABLES_EXPORT_SVG, ".svg", N_("SVG Images"), "*.svg" },
  { "pdf", GLOSS_TABLES_EXPORT_PDF, ".pdf", N_("PDF Documents"), "*.pdf" },
};

static const ExportFormat *
find_format (GlossTablesExport kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].kind == kind)
      return &formats[i];

  return NULL;
}

static gboolean
is_chart (GlossTablesExport kind)
{
  return kind == GLOSS_TABLES_EXPORT_PNG || kind == GLOSS_TABLES_EXPORT_SVG ||
         kind == GLOSS_TABLES_EXPORT_PDF;
}

/* Writing ------------------------------------------------------------------ */

typedef struct
{
  GlossTable        *table;
  char              *name;
  char              *path;
  GlossTablesExport  kind;
} TableExport;

static void
table_export_free (gpointer data)
{
  TableExport *te = data;

  g_clear_pointer (&te->table, gloss_table_unref);
  g_free (te->name);
  g_free (te->path);
  g_free (te);
}

static void
table_export_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  TableExport *te = task_data;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_sheet_unref);
  GError *error = NULL;

  g_ptr_array_add (sheets, gloss_table_to_sheet (te->table, te->name));
  if (gloss_sheets_write (sheets,
                          te->kind == GLOSS_TABLES_EXPORT_XLSX ? GLOSS_SHEET_FORMAT_XLSX : GLOSS_SHEET_FORMAT_CSV,
                          te->kind == GLOSS_TABLES_EXPORT_CSV_EXCEL, te->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The work is done: a toast, then the caller's callback. */
static void
finish_export (GTask  *task,
               GError *error)
{
  GlossTablesView *self = g_task_get_source_object (task);
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
table_exported (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError *error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  finish_export (user_data, error);
}

static void
chart_exported (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError *error = NULL;

  gloss_chart_export_finish (GLOSS_CHART (object), result, &error);
  finish_export (user_data, error);
}

void
gloss_tables_view_export_async (GlossTablesView     *self,
                                GlossTablesExport    kind,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (GLOSS_IS_TABLES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (find_format (kind) != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_tables_view_export_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  path = g_file_get_path (file);
  if (path == NULL || self->table == NULL)
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

  if (is_chart (kind))
    {
      GlossChartFormat format = kind == GLOSS_TABLES_EXPORT_PNG ? GLOSS_CHART_FORMAT_PNG
                              : kind == GLOSS_TABLES_EXPORT_SVG ? GLOSS_CHART_FORMAT_SVG
                              : GLOSS_CHART_FORMAT_PDF;

      gloss_chart_set_kind (self->chart, self->chart_kind);
      gloss_chart_export_async (self->chart, path, format, cancellable,
                                chart_exported, g_steal_pointer (&task));
    }
  else
    {
      g_autoptr(GTask) work = g_task_new (self, cancellable, table_exported, g_steal_pointer (&task));
      TableExport *te = g_new0 (TableExport, 1);

      te->table = gloss_table_ref (self->table);
      te->name = _gloss_tables_title (self->table, self);
      te->path = g_steal_pointer (&path);
      te->kind = kind;
      g_task_set_name (work, "[gloss] export a table");
      g_task_set_task_data (work, te, table_export_free);
      g_task_run_in_thread (work, table_export_thread);
    }
}

gboolean
gloss_tables_view_export_finish (GlossTablesView  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
gloss_tables_view_suggest_file_name (GlossTablesView   *self,
                                     GlossTablesExport  kind)
{
  const ExportFormat *format;
  g_autofree char *title = NULL;
  char *name;

  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), NULL);

  format = find_format (kind);
  g_return_val_if_fail (format != NULL, NULL);

  title = self->table != NULL ? _gloss_tables_title (self->table, self) : g_strdup (_("Table"));
  if (self->project != NULL)
    /* Translators: an export's file name: project name, table title, suffix */
    name = g_strdup_printf (_("%s – %s%s"), gloss_project_get_name (self->project), title, format->suffix);
  else
    name = g_strconcat (title, format->suffix, NULL);

  /* No folders by accident. */
  g_strdelimit (name, "/\\", '-');
  return name;
}

/* The menu ----------------------------------------------------------------- */

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    GlossTablesView *self)
{
  GlossTablesExport kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "kind"));
  const ExportFormat *format = find_format (kind);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) picked = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GFile) chosen = picked != NULL ? gloss_export_file_with_suffix (picked, format->suffix) : NULL;

      if (chosen != NULL)
        gloss_tables_view_export_async (self, kind, chosen, NULL, NULL, NULL);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossTablesView *self = GLOSS_TABLES_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const ExportFormat *format = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].id, id) == 0)
      format = &formats[i];
  if (format == NULL || self->table == NULL)
    return;

  native = gtk_file_chooser_native_new (is_chart (format->kind) ? _("Export Chart") : _("Export Table"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  name = gloss_tables_view_suggest_file_name (self, format->kind);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_set_name (filter, _(format->filter_name));
  gtk_file_filter_add_pattern (filter, format->pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  g_object_set_data (G_OBJECT (native), "kind", GINT_TO_POINTER (format->kind));
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_gloss_tables_view_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "tables.export", "s", export_action);
}

void
_gloss_tables_view_update_actions (GlossTablesView *self)
{
  gboolean enabled = self->table != NULL && gloss_table_get_n_rows (self->table) > 0 &&
                     self->display != GLOSS_TABLES_DISPLAY_REVIEWS;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tables.export", enabled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), enabled);
}
