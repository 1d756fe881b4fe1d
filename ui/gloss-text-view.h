/* gloss-text-view.h: shows a text document, read-only and selectable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-comparison.h"
#include "gloss-layout.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TEXT_VIEW (gloss_text_view_get_type ())

/* Signals: "coding-clicked" (gint64 coding id) when a highlight is
 * clicked (a click without a drag, so that dragging over a highlight still
 * selects text) or a bar in the coding stripes beside the text.
 * Properties: "selected-coding" (gint64, 0 for none) besides the
 * selection's. */
G_DECLARE_FINAL_TYPE (GlossTextView, gloss_text_view, GLOSS, TEXT_VIEW, GtkTextView)

GtkWidget   *gloss_text_view_new           (void);
GlossLayout *gloss_text_view_get_layout    (GlossTextView *self);
void         gloss_text_view_set_layout    (GlossTextView *self,
                                            GlossLayout   *layout);
/* Offsets are Unicode code points into the layout's text. */
gboolean     gloss_text_view_get_selection (GlossTextView *self,
                                            guint         *start,
                                            guint         *end);
void         gloss_text_view_set_selection (GlossTextView *self,
                                            guint          start,
                                            guint          end);
void         gloss_text_view_copy_selection (GlossTextView *self);

/* codings: (element-type GlossCoding), the visible ones for the text
 * shown; NULL clears.  Takes a reference on the array.  Each is drawn over
 * its text in its code's colour, translucent (overlapping codings blend),
 * with a bar in the coding stripes.  Setting the layout clears them. */
void         gloss_text_view_set_codings   (GlossTextView *self,
                                            GPtrArray     *codings);
/* Comparison mode: comparison (copied; NULL leaves the mode) holds two
 * coders' codings of the text and the code compared.  The stripes gutter
 * shows coder A's codings in a group of columns on the left and coder B's
 * next to the text, under the coders' initials (other codes' stripes
 * faint), and the text of the code compared is coloured by who coded it:
 * both (green), only A (blue), only B (orange), instead of the codings'
 * highlights.  The codings set with gloss_text_view_set_codings() are
 * kept and drawn again when the mode is left.  Setting the layout leaves
 * it. */
void         gloss_text_view_set_comparison (GlossTextView         *self,
                                             const GlossComparison *comparison);
const GlossComparison *gloss_text_view_get_comparison (GlossTextView *self);
/* 0: none.  Draws the coding emphasised and scrolls to it. */
void         gloss_text_view_select_coding (GlossTextView *self,
                                            gint64         coding_id);
gint64       gloss_text_view_get_selected_coding (GlossTextView *self);
/* 0: none.  That coder's codings are underlined. */
void         gloss_text_view_set_outlined_coder (GlossTextView *self,
                                                 gint64         coder_id);
/* A click without a drag at (x, y) in the view's coordinates, as the
 * pointer makes it: for tests and the event controller alike.  Selects
 * the coding under it (the shortest, or the next one of those there when
 * one of them is selected already), emits "coding-clicked" and returns its
 * id; returns 0 when there is none. */
gint64       gloss_text_view_click         (GlossTextView *self,
                                            double         x,
                                            double         y);
/* Dragging the selection onto a code codes it: a press inside the
 * selection (without Shift or Ctrl) keeps GtkTextView's own gestures out
 * (no new selection, no text/plain drag of its own) and a drag from there
 * offers gloss_selection_drag_content_new(); a release without a drag
 * clears the selection as a click does.  For tests and the event
 * controllers alike, in the view's coordinates:
 * gloss_text_view_drag_press() returns TRUE when the press is the start of
 * such a drag; gloss_text_view_drag_prepare() is the drag source's
 * "prepare": the content, or NULL when the press was not inside the
 * selection; gloss_text_view_drag_release() a release of that press
 * without a drag and drop. */
gboolean     gloss_text_view_drag_press    (GlossTextView *self,
                                            double         x,
                                            double         y,
                                            GdkModifierType state);
GdkContentProvider *gloss_text_view_drag_prepare (GlossTextView *self);
void         gloss_text_view_drag_release  (GlossTextView *self,
                                            double         x,
                                            double         y);

/* Shared with GlossPdfView: the content of a selection's drag, the string
 * "gloss-selection:START-END" (code points, end exclusive) as a
 * G_TYPE_STRING, which the codebook accepts on a code; and its drag icon,
 * a small rounded label with the start of text. */
GdkContentProvider *gloss_selection_drag_content_new (guint      start,
                                                      guint      end);
GdkPaintable       *gloss_selection_drag_icon_new    (GtkWidget  *widget,
                                                      const char *text);

/* The coding stripes margin (a GlossCodingStripes), for tests. */
GtkWidget   *gloss_text_view_get_stripes   (GlossTextView *self);

G_END_DECLS
