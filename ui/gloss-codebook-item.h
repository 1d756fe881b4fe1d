/* gloss-codebook-item.h: one code in the codebook view's tree model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-code.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CODEBOOK_ITEM (gloss_codebook_item_get_type ())

G_DECLARE_FINAL_TYPE (GlossCodebookItem, gloss_codebook_item, GLOSS, CODEBOOK_ITEM, GObject)

GlossCodebookItem *gloss_codebook_item_new            (GlossCode          *code);
GlossCode         *gloss_codebook_item_get_code       (GlossCodebookItem  *self);
/* Replaces the snapshot; notifies "code" only when something shown changed. */
void               gloss_codebook_item_set_code       (GlossCodebookItem  *self,
                                                       GlossCode          *code);
gint64             gloss_codebook_item_get_id         (GlossCodebookItem  *self);
/* (element-type GlossCodebookItem) the sub-codes shown under it */
GListStore        *gloss_codebook_item_get_children   (GlossCodebookItem  *self);
guint              gloss_codebook_item_get_in_document (GlossCodebookItem *self);
guint              gloss_codebook_item_get_in_project (GlossCodebookItem  *self);
guint              gloss_codebook_item_get_documents  (GlossCodebookItem  *self);
/* show_document: whether a document is open (in_document means something) */
void               gloss_codebook_item_set_counts     (GlossCodebookItem  *self,
                                                       gboolean            show_document,
                                                       guint               in_document,
                                                       guint               in_project,
                                                       guint               documents);
gboolean           gloss_codebook_item_get_show_document (GlossCodebookItem *self);
/* Whether its name matches the filter (FALSE when it is shown only as the
 * ancestor of a match). */
gboolean           gloss_codebook_item_get_dimmed     (GlossCodebookItem  *self);
void               gloss_codebook_item_set_dimmed     (GlossCodebookItem  *self,
                                                       gboolean            dimmed);
/* The counts as shown, e.g. "3 · 41 · 12", and the tooltip explaining them. */
char              *gloss_codebook_item_format_counts  (GlossCodebookItem  *self);
char              *gloss_codebook_item_format_counts_tooltip (GlossCodebookItem *self);

G_END_DECLS
