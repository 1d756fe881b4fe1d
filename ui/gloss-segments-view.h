/* gloss-segments-view.h: the coded segments of a code across documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-codebook.h"
#include "gloss-review.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SEGMENTS_VIEW (gloss_segments_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossSegmentsView, gloss_segments_view, GLOSS, SEGMENTS_VIEW, GtkWidget)

/* The header item of a document's group in the view's model. */
#define GLOSS_TYPE_SEGMENTS_GROUP (gloss_segments_group_get_type ())

G_DECLARE_FINAL_TYPE (GlossSegmentsGroup, gloss_segments_group, GLOSS, SEGMENTS_GROUP, GObject)

gint64        gloss_segments_group_get_document_id   (GlossSegmentsGroup *self);
const char   *gloss_segments_group_get_document_name (GlossSegmentsGroup *self);
guint         gloss_segments_group_get_n_codings     (GlossSegmentsGroup *self);

GtkWidget    *gloss_segments_view_new                (void);
GlossProject *gloss_segments_view_get_project        (GlossSegmentsView  *self);
void          gloss_segments_view_set_project        (GlossSegmentsView  *self,
                                                      GlossProject       *project);
gint64        gloss_segments_view_get_code           (GlossSegmentsView  *self);
/* 0: none */
void          gloss_segments_view_set_code           (GlossSegmentsView  *self,
                                                      gint64              code_id);
gboolean      gloss_segments_view_get_with_subcodes  (GlossSegmentsView  *self);
void          gloss_segments_view_set_with_subcodes  (GlossSegmentsView  *self,
                                                      gboolean            with_subcodes);
/* 0: every coder / every document */
gint64        gloss_segments_view_get_coder_filter   (GlossSegmentsView  *self);
void          gloss_segments_view_set_coder_filter   (GlossSegmentsView  *self,
                                                      gint64              coder_id);
gint64        gloss_segments_view_get_document_filter (GlossSegmentsView *self);
void          gloss_segments_view_set_document_filter (GlossSegmentsView *self,
                                                      gint64              document_id);
/* Only the disputed or the unreviewed passages, or all. */
GlossReviewFilter gloss_segments_view_get_review_filter (GlossSegmentsView *self);
void          gloss_segments_view_set_review_filter  (GlossSegmentsView  *self,
                                                      GlossReviewFilter   review_filter);
/* TRUE while the passages load (in a thread). */
gboolean      gloss_segments_view_get_loading        (GlossSegmentsView  *self);
/* The rows: a GlossSegmentsGroup per document, followed by its
 * GlossCoding passages. */
GListModel   *gloss_segments_view_get_model          (GlossSegmentsView  *self);
/* "41 passages in 12 reports" */
const char   *gloss_segments_view_get_summary        (GlossSegmentsView  *self);
/* Emits "segment-activated" for the passage at position, as a click does. */
void          gloss_segments_view_activate_row       (GlossSegmentsView  *self,
                                                      guint               position);
void          gloss_segments_view_reload             (GlossSegmentsView  *self);

G_END_DECLS
