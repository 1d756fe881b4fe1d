/* gloss-document-table.h: the project's reports as a table, one column
 * per attribute, with the attribute actions (edit values, new attribute,
 * import from CSV, rename and delete an attribute)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-project.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_TABLE (gloss_document_table_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentTable, gloss_document_table, GLOSS, DOCUMENT_TABLE, GtkWidget)

/* Signals: "document-activated" (gint64 id): a row was activated (double
 * click or Enter).  Properties: "project", "n-selected" (read-only),
 * "importing" (read-only: a CSV import is running).
 *
 * Actions (on the widget, prefix "table."): edit-attributes,
 * new-attribute, import-csv; rename-attribute, edit-values and
 * delete-attribute take the attribute's id ("x"), as the column header
 * menus do.  Alt+Return edits the selected reports' attributes.
 * Messages go to the ancestor AdwToastOverlay. */

GtkWidget     *gloss_document_table_new               (void);
GlossProject  *gloss_document_table_get_project       (GlossDocumentTable *self);
void           gloss_document_table_set_project       (GlossDocumentTable *self,
                                                       GlossProject       *project);
/* Re-reads documents, attributes and values now, keeping the selection
 * and the sort.  (The table reloads by itself, shortly after the
 * project's "documents-changed" or "codings-changed".) */
void           gloss_document_table_reload            (GlossDocumentTable *self);

/* (element-type gint64) (transfer full) the selected documents, in the
 * order shown. */
GArray        *gloss_document_table_get_selected_ids  (GlossDocumentTable *self);
guint          gloss_document_table_get_n_selected    (GlossDocumentTable *self);
/* Selects exactly these documents (element-type gint64), clearing the
 * filter when it hides one, and scrolls to the first. */
void           gloss_document_table_select_ids        (GlossDocumentTable *self,
                                                       GArray             *ids);

/* Each opens its dialog, modal on the window, and returns it (transfer
 * none), or NULL when there is nothing to do it on. */
GtkWidget     *gloss_document_table_edit_selected     (GlossDocumentTable *self);
GtkWidget     *gloss_document_table_new_attribute     (GlossDocumentTable *self);
GtkWidget     *gloss_document_table_rename_attribute  (GlossDocumentTable *self,
                                                       gint64              attribute_id);
GtkWidget     *gloss_document_table_edit_values       (GlossDocumentTable *self,
                                                       gint64              attribute_id);
GtkWidget     *gloss_document_table_delete_attribute  (GlossDocumentTable *self,
                                                       gint64              attribute_id);

/* Asks for a CSV file, then imports it as below. */
void           gloss_document_table_choose_csv_file   (GlossDocumentTable *self);
/* Reads file and imports its attributes off the main thread; then shows
 * the result: a toast with the number of values set, a dialog listing
 * the rows that named no report, or a dialog with the error. */
void           gloss_document_table_import_csv_file   (GlossDocumentTable *self,
                                                       GFile              *file);
gboolean       gloss_document_table_get_importing     (GlossDocumentTable *self);

void           gloss_document_table_focus_filter      (GlossDocumentTable *self);
GtkEditable   *gloss_document_table_get_filter_entry  (GlossDocumentTable *self);
GtkColumnView *gloss_document_table_get_column_view   (GlossDocumentTable *self);
/* (element-type GlossDocumentTableItem) the rows as shown: filtered and
 * sorted. */
GListModel    *gloss_document_table_get_model         (GlossDocumentTable *self);

G_END_DECLS
