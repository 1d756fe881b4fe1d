/* gloss-review-panel.h: the reviews of one coding, and the current
 * coder's own review of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-review.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_REVIEW_PANEL (gloss_review_panel_get_type ())

/* Lists a coding's reviews (reviewer, verdict, comment, time).  When the
 * reviewer (the current coder) is not the coding's author, Agree and
 * Dispute buttons and a comment entry save their review at once, each
 * change one undoable step, and "Withdraw My Review" takes it back; when
 * they are the author, the panel shows how colleagues reviewed it.
 * Without a coding (or when it is gone) the panel shows nothing and
 * "has-coding" is FALSE.
 *
 * Signals: "error" (const char *message) when a review cannot be saved. */
G_DECLARE_FINAL_TYPE (GlossReviewPanel, gloss_review_panel, GLOSS, REVIEW_PANEL, GtkWidget)

/* How long after the last keystroke a changed comment is saved. */
#define GLOSS_REVIEW_PANEL_SAVE_DELAY_MS 800

GtkWidget    *gloss_review_panel_new            (void);
GlossProject *gloss_review_panel_get_project    (GlossReviewPanel *self);
/* Forgets the coding. */
void          gloss_review_panel_set_project    (GlossReviewPanel *self,
                                                 GlossProject     *project);
gint64        gloss_review_panel_get_coding     (GlossReviewPanel *self);
/* 0: none.  Saves a comment still pending for the coding shown before. */
void          gloss_review_panel_set_coding     (GlossReviewPanel *self,
                                                 gint64            coding_id);
gint64        gloss_review_panel_get_reviewer   (GlossReviewPanel *self);
/* The current coder (0: none, so no review of one's own). */
void          gloss_review_panel_set_reviewer   (GlossReviewPanel *self,
                                                 gint64            coder_id);
/* Whether a coding is shown. */
gboolean      gloss_review_panel_get_has_coding (GlossReviewPanel *self);
/* The number of reviews listed. */
guint         gloss_review_panel_get_n_reviews  (GlossReviewPanel *self);
/* Saves now a comment typed and not yet stored; FALSE (and "error") when
 * that failed. */
gboolean      gloss_review_panel_save           (GlossReviewPanel *self);
/* Reads the coding's reviews again. */
void          gloss_review_panel_reload         (GlossReviewPanel *self);

G_END_DECLS
