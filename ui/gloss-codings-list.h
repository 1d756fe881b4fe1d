/* gloss-codings-list.h: the codings of the open document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-codebook.h"
#include "gloss-review.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CODINGS_LIST (gloss_codings_list_get_type ())

G_DECLARE_FINAL_TYPE (GlossCodingsList, gloss_codings_list, GLOSS, CODINGS_LIST, GtkWidget)

GtkWidget    *gloss_codings_list_new              (void);
GlossProject *gloss_codings_list_get_project      (GlossCodingsList *self);
void          gloss_codings_list_set_project      (GlossCodingsList *self,
                                                   GlossProject     *project);
gint64        gloss_codings_list_get_document     (GlossCodingsList *self);
/* 0: no document.  Setting the project forgets the document. */
void          gloss_codings_list_set_document     (GlossCodingsList *self,
                                                   gint64            document_id);
/* (element-type gint64) the coders whose codings show; NULL: all.  The
 * array is copied. */
void          gloss_codings_list_set_coder_filter (GlossCodingsList *self,
                                                   GArray           *coder_ids);
/* Selects and shows that coding's row without emitting
 * "coding-activated"; 0 (or a coding not in the list) unselects. */
void          gloss_codings_list_select_coding    (GlossCodingsList *self,
                                                   gint64            coding_id);
/* 0 when none is selected; property "selected-coding-id" (read-only,
 * notified when the selection changes). */
gint64        gloss_codings_list_get_selected     (GlossCodingsList *self);
/* (element-type GlossCoding) the rows shown, in order. */
GListModel   *gloss_codings_list_get_model        (GlossCodingsList *self);
/* Emits "coding-activated" for the row at position, as a click does. */
void          gloss_codings_list_activate_row     (GlossCodingsList *self,
                                                   guint             position);
/* Which codings show, by their reviews (the buttons above the list). */
GlossReviewFilter gloss_codings_list_get_review_filter (GlossCodingsList *self);
void          gloss_codings_list_set_review_filter (GlossCodingsList *self,
                                                   GlossReviewFilter review_filter);
void          gloss_codings_list_reload           (GlossCodingsList *self);

G_END_DECLS
