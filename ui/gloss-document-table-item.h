/* gloss-document-table-item.h: one row of the document table, a document
 * with its attribute values and number of codings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "gloss-document.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_DOCUMENT_TABLE_ITEM (gloss_document_table_item_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocumentTableItem, gloss_document_table_item, GLOSS, DOCUMENT_TABLE_ITEM, GObject)

GlossDocumentTableItem *gloss_document_table_item_new         (GlossDocument          *document);
GlossDocument          *gloss_document_table_item_get_document (GlossDocumentTableItem *self);
gint64                  gloss_document_table_item_get_id       (GlossDocumentTableItem *self);
const char             *gloss_document_table_item_get_name     (GlossDocumentTableItem *self);
/* A key for g_utf8_collate order of the name (strcmp it). */
const char             *gloss_document_table_item_get_name_key (GlossDocumentTableItem *self);
guint                   gloss_document_table_item_get_n_codings (GlossDocumentTableItem *self);
void                    gloss_document_table_item_set_n_codings (GlossDocumentTableItem *self,
                                                                 guint                   n_codings);
/* The stored value of the attribute, or NULL. */
const char             *gloss_document_table_item_get_value    (GlossDocumentTableItem *self,
                                                                gint64                  attribute_id);
void                    gloss_document_table_item_set_value    (GlossDocumentTableItem *self,
                                                                gint64                  attribute_id,
                                                                const char             *value);

G_END_DECLS
