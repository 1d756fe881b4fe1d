/* gloss-document.h: one report in a project (a row of the document table)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSS_DOCUMENT_KIND_PDF,
  GLOSS_DOCUMENT_KIND_TEXT,
} GlossDocumentKind;

#define GLOSS_TYPE_DOCUMENT (gloss_document_get_type ())

G_DECLARE_FINAL_TYPE (GlossDocument, gloss_document, GLOSS, DOCUMENT, GObject)

GlossDocument     *gloss_document_new              (gint64             id,
                                                    const char        *guid,
                                                    const char        *name,
                                                    GlossDocumentKind  kind,
                                                    guint              n_pages,
                                                    guint              n_chars,
                                                    const char        *sha256,
                                                    GDateTime         *imported);
gint64             gloss_document_get_id           (GlossDocument     *self);
const char        *gloss_document_get_guid         (GlossDocument     *self);
const char        *gloss_document_get_name         (GlossDocument     *self);
void               gloss_document_set_name         (GlossDocument     *self,
                                                    const char        *name);
GlossDocumentKind  gloss_document_get_kind         (GlossDocument     *self);
const char        *gloss_document_kind_to_string   (GlossDocumentKind  kind);
guint              gloss_document_get_n_pages      (GlossDocument     *self);
guint              gloss_document_get_n_chars      (GlossDocument     *self);
const char        *gloss_document_get_sha256       (GlossDocument     *self);
GDateTime         *gloss_document_get_imported     (GlossDocument     *self);

G_END_DECLS
