/* gloss-document-row.h: one row of the document list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_ROW (gloss_document_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentRow, gloss_document_row, GLOSS, DOCUMENT_ROW, GtkWidget)

GlossDocument *gloss_document_row_get_document (GlossDocumentRow *self);
void           gloss_document_row_set_document (GlossDocumentRow *self,
                                                GlossDocument    *document);

G_END_DECLS
