/* gloss-document-table-actions.c: the document table's dialogs (edit the
 * selected reports' attributes, new attribute, rename, values of a
 * choice, delete), its import of a CSV file and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-attribute-dialogs.h"
#include "gloss-attributes-dialog.h"
#include "gloss-document-table-private.h"

/* Dialogs ----------------------------------------------------------------------- */

GtkWidget *
gloss_document_table_edit_selected (GlossDocumentTable *self)
{
  g_autoptr(GArray) ids = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), NULL);

  ids = gloss_document_table_get_selected_ids (self);
  if (self->project == NULL || ids->len == 0)
    return NULL;

  dialog = gloss_attributes_dialog_new (gloss_document_table_parent_window (self), self->project, ids);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
report_failure (GlossDocumentTable *self,
                const char         *what,
                const GError       *error)
{
  g_autofree char *title = g_strdup_printf ("%s: %s", what, error->message);

  gloss_document_table_toast (self, title);
}

static void
on_new_response (AdwMessageDialog   *dialog,
                 const char         *response,
                 GlossDocumentTable *self)
{
  g_autoptr(GlossAttribute) attribute = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, GLOSS_ATTRIBUTE_DIALOG_ACCEPT) != 0)
    return;

  attribute = gloss_attribute_new_dialog_apply (dialog, &error);
  if (attribute == NULL)
    {
      report_failure (self, _("Could not add the attribute"), error);
      return;
    }
  gloss_document_table_reload (self);
}

GtkWidget *
gloss_document_table_new_attribute (GlossDocumentTable *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), NULL);

  if (self->project == NULL)
    return NULL;

  dialog = gloss_attribute_new_dialog_new (gloss_document_table_parent_window (self), self->project);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

typedef gboolean (*ApplyFunc) (AdwMessageDialog *dialog,
                               GError          **error);

typedef struct
{
  GWeakRef    table;
  ApplyFunc   apply;
  const char *failure;
} ResponseData;

static void
response_data_free (gpointer  data,
                    GClosure *closure)
{
  ResponseData *rd = data;

  g_weak_ref_clear (&rd->table);
  g_free (rd);
}

static void
on_attribute_response (AdwMessageDialog *dialog,
                       const char       *response,
                       ResponseData     *rd)
{
  g_autoptr(GlossDocumentTable) self = g_weak_ref_get (&rd->table);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, GLOSS_ATTRIBUTE_DIALOG_ACCEPT) != 0 || self == NULL)
    return;

  if (!rd->apply (dialog, &error))
    report_failure (self, rd->failure, error);
  else
    gloss_document_table_reload (self);
}

static GtkWidget *
attribute_dialog (GlossDocumentTable *self,
                  gint64              attribute_id,
                  GtkWidget        *(*make) (GtkWindow *, GlossProject *, const GlossAttribute *),
                  ApplyFunc           apply,
                  const char         *failure)
{
  g_autoptr(GlossAttribute) attribute = NULL;
  g_autoptr(GError) error = NULL;
  ResponseData *rd;
  GtkWidget *dialog;

  if (self->project == NULL)
    return NULL;

  attribute = gloss_project_get_attribute (self->project, attribute_id, &error);
  if (attribute == NULL)
    {
      gloss_document_table_toast (self, error->message);
      return NULL;
    }

  dialog = make (gloss_document_table_parent_window (self), self->project, attribute);
  if (dialog == NULL)
    return NULL;

  rd = g_new0 (ResponseData, 1);
  g_weak_ref_init (&rd->table, self);
  rd->apply = apply;
  rd->failure = failure;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_attribute_response), rd, response_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

GtkWidget *
gloss_document_table_rename_attribute (GlossDocumentTable *self,
                                       gint64              attribute_id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), NULL);

  return attribute_dialog (self, attribute_id, gloss_attribute_rename_dialog_new,
                           gloss_attribute_rename_dialog_apply, _("Could not rename the attribute"));
}

GtkWidget *
gloss_document_table_edit_values (GlossDocumentTable *self,
                                  gint64              attribute_id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), NULL);

  return attribute_dialog (self, attribute_id, gloss_attribute_choices_dialog_new,
                           gloss_attribute_choices_dialog_apply, _("Could not change the values"));
}

static GtkWidget *
delete_dialog_new (GtkWindow            *parent,
                   GlossProject         *project,
                   const GlossAttribute *attribute)
{
  g_autoptr(GPtrArray) values = gloss_project_list_attribute_values (project, 0, NULL);
  guint n = 0;

  for (guint i = 0; values != NULL && i < values->len; i++)
    if (((GlossAttributeValue *) g_ptr_array_index (values, i))->attribute_id == attribute->id)
      n++;

  return gloss_attribute_delete_dialog_new (parent, project, attribute, n);
}

GtkWidget *
gloss_document_table_delete_attribute (GlossDocumentTable *self,
                                       gint64              attribute_id)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), NULL);

  return attribute_dialog (self, attribute_id, delete_dialog_new,
                           gloss_attribute_delete_dialog_apply, _("Could not delete the attribute"));
}

/* Import from CSV ------------------------------------------------------------------ */

typedef struct
{
  GlossProject *project;
  GFile        *file;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->project);
  g_clear_object (&data->file);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GlossAttributeImport) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &error) ||
      !gloss_project_import_attributes (data->project, contents, length, &result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) gloss_attribute_import_free);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  GlossDocumentTable *self = GLOSS_DOCUMENT_TABLE (source);
  g_autoptr(GlossAttributeImport) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *values = NULL;
  g_autofree char *reports = NULL;
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gloss_document_table_set_importing (self, FALSE);

  if (result == NULL)
    {
      dialog = gloss_attribute_error_dialog_new (gloss_document_table_parent_window (self),
                                                 _("Could Not Import Attributes"), error->message);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gloss_document_table_reload (self);

  if (result->n_changed > 0)
    {
      values = g_strdup_printf (ngettext ("%u value", "%u values", result->n_changed), result->n_changed);
      reports = g_strdup_printf (ngettext ("%u report", "%u reports", result->n_matched), result->n_matched);
      /* Translators: "Set 12 values in 4 reports" */
      title = g_strdup_printf (_("Set %s in %s"), values, reports);
      gloss_document_table_toast (self, title);
    }
  else
    gloss_document_table_toast (self, _("No values changed"));

  if (result->unmatched != NULL && result->unmatched->len > 0)
    {
      dialog = gloss_attribute_unmatched_dialog_new (gloss_document_table_parent_window (self),
                                                     result->unmatched);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

void
gloss_document_table_import_csv_file (GlossDocumentTable *self,
                                      GFile              *file)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (GLOSS_IS_DOCUMENT_TABLE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->project == NULL || self->importing)
    return;

  data = g_new0 (ImportData, 1);
  data->project = g_object_ref (self->project);
  data->file = g_object_ref (file);

  task = g_task_new (self, self->cancellable, on_import_done, NULL);
  g_task_set_source_tag (task, gloss_document_table_import_csv_file);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  gloss_document_table_set_importing (self, TRUE);
  g_task_run_in_thread (task, import_thread);
}

gboolean
gloss_document_table_get_importing (GlossDocumentTable *self)
{
  g_return_val_if_fail (GLOSS_IS_DOCUMENT_TABLE (self), FALSE);

  return self->importing;
}

static void
on_chooser_response (GtkNativeDialog    *chooser,
                     int                 response,
                     GlossDocumentTable *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    gloss_document_table_import_csv_file (self, file);
}

void
gloss_document_table_close_chooser (GlossDocumentTable *self)
{
  if (self->chooser == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->chooser, on_chooser_response, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}

void
gloss_document_table_choose_csv_file (GlossDocumentTable *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (GLOSS_IS_DOCUMENT_TABLE (self));

  if (self->project == NULL || self->chooser != NULL)
    return;

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Import Attributes from CSV"),
                                               gloss_document_table_parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Actions ---------------------------------------------------------------------- */

static void
edit_attributes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gloss_document_table_edit_selected (GLOSS_DOCUMENT_TABLE (widget));
}

static void
new_attribute_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gloss_document_table_new_attribute (GLOSS_DOCUMENT_TABLE (widget));
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gloss_document_table_choose_csv_file (GLOSS_DOCUMENT_TABLE (widget));
}

static void
rename_attribute_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gloss_document_table_rename_attribute (GLOSS_DOCUMENT_TABLE (widget), g_variant_get_int64 (parameter));
}

static void
edit_values_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gloss_document_table_edit_values (GLOSS_DOCUMENT_TABLE (widget), g_variant_get_int64 (parameter));
}

static void
delete_attribute_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gloss_document_table_delete_attribute (GLOSS_DOCUMENT_TABLE (widget), g_variant_get_int64 (parameter));
}

void
gloss_document_table_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "table.edit-attributes", NULL, edit_attributes_action);
  gtk_widget_class_install_action (widget_class, "table.new-attribute", NULL, new_attribute_action);
  gtk_widget_class_install_action (widget_class, "table.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "table.rename-attribute", "x", rename_attribute_action);
  gtk_widget_class_install_action (widget_class, "table.edit-values", "x", edit_values_action);
  gtk_widget_class_install_action (widget_class, "table.delete-attribute", "x", delete_attribute_action);

  /* As for a file's properties in Files. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK,
                                       "table.edit-attributes", NULL);
}
