/* gloss-codebook-view.h: the codebook, a tree of codes with their counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-project.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CODEBOOK_VIEW (gloss_codebook_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossCodebookView, gloss_codebook_view, GLOSS, CODEBOOK_VIEW, GtkWidget)

/* Signals:
 *   "code-activated" (gint64 code_id): a click or Enter on a code; the
 *     window applies it to the current selection.
 *   "selection-dropped" (gint64 code_id): a text selection (a drag whose
 *     content is a string beginning "gloss-selection:") was dropped on it.
 *   "code-selected" (gint64 code_id): the code selected in the tree
 *     changed (0: none).
 *   "error" (const char *message): an action failed; the window shows a
 *     toast.
 * Actions (group "codebook."): new-code, new-subcode, rename, colour,
 * description, pin (u, 0 for none), move-to-top-level, move-up, move-down,
 * merge, delete, menu. */

GtkWidget    *gloss_codebook_view_new               (void);
GlossProject *gloss_codebook_view_get_project       (GlossCodebookView *self);
/* NULL clears. */
void          gloss_codebook_view_set_project       (GlossCodebookView *self,
                                                     GlossProject      *project);
/* For the "in this document" counts; 0 for none. */
void          gloss_codebook_view_set_document      (GlossCodebookView *self,
                                                     gint64             document_id);
gint64        gloss_codebook_view_get_document      (GlossCodebookView *self);
/* 0 when none. */
gint64        gloss_codebook_view_get_selected_code (GlossCodebookView *self);
/* Expands its ancestors (and clears a filter that hides it). */
void          gloss_codebook_view_select_code       (GlossCodebookView *self,
                                                     gint64             code_id);
void          gloss_codebook_view_focus_filter      (GlossCodebookView *self);
/* Reads the codes and counts again (done on the project's signals). */
void          gloss_codebook_view_reload            (GlossCodebookView *self);

void            gloss_codebook_view_set_count_coder  (GlossCodebookView *self,
                                                      gint64             coder_id);

G_END_DECLS
