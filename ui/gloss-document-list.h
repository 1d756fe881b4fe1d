/* gloss-document-list.h: the sidebar list of a project's documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-project.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_LIST (gloss_document_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentList, gloss_document_list, GLOSS, DOCUMENT_LIST, GtkWidget)

GtkWidget     *gloss_document_list_new                  (void);
GlossProject  *gloss_document_list_get_project          (GlossDocumentList *self);
void           gloss_document_list_set_project          (GlossDocumentList *self,
                                                         GlossProject      *project);
/* Re-reads the documents from the project, keeping the selection. */
void           gloss_document_list_reload               (GlossDocumentList *self);
GlossDocument *gloss_document_list_get_selected         (GlossDocumentList *self);
/* Selects (and scrolls to) the document with this id; FALSE when it is
 * not shown. */
gboolean       gloss_document_list_select_document      (GlossDocumentList *self,
                                                         gint64             id);
void           gloss_document_list_focus_filter         (GlossDocumentList *self);
GtkEditable   *gloss_document_list_get_filter_entry     (GlossDocumentList *self);
/* The documents shown after filtering. */
GListModel    *gloss_document_list_get_model            (GlossDocumentList *self);
guint          gloss_document_list_get_n_documents      (GlossDocumentList *self);
void           gloss_document_list_rename_selected      (GlossDocumentList *self);
void           gloss_document_list_delete_selected      (GlossDocumentList *self);

G_END_DECLS
