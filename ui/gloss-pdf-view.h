/* gloss-pdf-view.h: the pages of a PDF, rendered off the main thread, with
 * text selection mapped to offsets into the document's canonical text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-comparison.h"
#include "gloss-layout.h"

G_BEGIN_DECLS

/* Zoom 1.0 (100 %) shows one PDF point as 96/72 logical pixels, as Evince
 * and Papers do: an A4 page at 100 % is about 794 pixels wide.  The range
 * is GLOSS_PDF_VIEW_MIN_ZOOM to GLOSS_PDF_VIEW_MAX_ZOOM.  Pages are
 * rendered at zoom * 96/72 * the widget's scale factor device pixels per
 * point. */
#define GLOSS_PDF_VIEW_MIN_ZOOM 0.25
#define GLOSS_PDF_VIEW_MAX_ZOOM 8.0
#define GLOSS_PDF_VIEW_PIXELS_PER_POINT (96.0 / 72.0)

#define GLOSS_TYPE_PDF_VIEW (gloss_pdf_view_get_type ())

/* GlossPdfView implements GtkScrollable: put it in a GtkScrolledWindow.
 *
 * Properties: "zoom" (double), "fit-width" (boolean), "page" (uint, the
 * 0-based page most visible), "n-pages" (uint), "selection-start" and
 * "selection-end" (uint, code-point offsets, end exclusive),
 * "has-selection" (boolean), and GtkScrollable's.
 *
 * Signals: "render-error" (const char *message) when poppler cannot open
 * the document or render a page, on the worker thread; emitted on the main
 * thread.  "coding-clicked" (gint64 coding id) when a coding's highlight
 * is clicked (a click without a drag: a drag over a highlight selects
 * text as ever) or its bar in the coding stripes left of each page.
 * Property "selected-coding" (gint64, 0 for none).
 *
 * Keys (when focused): arrows, Page Up/Down, space, Home/End scroll;
 * Ctrl+plus/minus/0 zoom; Ctrl+C copies, Ctrl+A selects all, Escape clears
 * the selection.  Ctrl+scroll zooms about the pointer.  The CSS name is
 * "gloss-pdf-view". */
G_DECLARE_FINAL_TYPE (GlossPdfView, gloss_pdf_view, GLOSS, PDF_VIEW, GtkWidget)

GtkWidget   *gloss_pdf_view_new             (void);
/* bytes: the PDF's original bytes; password may be NULL; layout from
 * gloss_project_load_layout().  Starts the document's render worker
 * (poppler opens the bytes on the worker thread, never on the main
 * thread).  NULL bytes clear the view. */
void         gloss_pdf_view_set_document    (GlossPdfView *self,
                                             GBytes       *bytes,
                                             const char   *password,
                                             GlossLayout  *layout);
GlossLayout *gloss_pdf_view_get_layout      (GlossPdfView *self);
void         gloss_pdf_view_set_zoom        (GlossPdfView *self,
                                             double        zoom);
double       gloss_pdf_view_get_zoom        (GlossPdfView *self);
/* Step through 50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300,
 * 400, 600, 800 %. */
void         gloss_pdf_view_zoom_in         (GlossPdfView *self);
void         gloss_pdf_view_zoom_out        (GlossPdfView *self);
void         gloss_pdf_view_set_fit_width   (GlossPdfView *self,
                                             gboolean      fit_width);
gboolean     gloss_pdf_view_get_fit_width   (GlossPdfView *self);
guint        gloss_pdf_view_get_page        (GlossPdfView *self);
guint        gloss_pdf_view_get_n_pages     (GlossPdfView *self);
void         gloss_pdf_view_go_to_page      (GlossPdfView *self,
                                             guint         page);
/* Code-point offsets into the layout's text, end exclusive. */
gboolean     gloss_pdf_view_get_selection   (GlossPdfView *self,
                                             guint        *start,
                                             guint        *end);
/* Selects [start, end) and scrolls to it; start == end clears. */
void         gloss_pdf_view_set_selection   (GlossPdfView *self,
                                             guint         start,
                                             guint         end);
void         gloss_pdf_view_clear_selection (GlossPdfView *self);
/* Copies the selected text to the CLIPBOARD. */
void         gloss_pdf_view_copy_selection  (GlossPdfView *self);
/* A drag from (x1, y1) to (x2, y2) in widget coordinates, as the mouse
 * makes it: for tests and for the gesture handlers alike. */
void         gloss_pdf_view_select_drag     (GlossPdfView *self,
                                             double        x1,
                                             double        y1,
                                             double        x2,
                                             double        y2);
/* Widget coordinates of a point given in page points; FALSE before the
 * view has a size or for a page that does not exist. */
gboolean     gloss_pdf_view_page_to_widget  (GlossPdfView *self,
                                             guint         page,
                                             double        px,
                                             double        py,
                                             double       *wx,
                                             double       *wy);
/* The reverse: the page under (or nearest to) a widget point and the
 * point in that page's points. */
gboolean     gloss_pdf_view_widget_to_page  (GlossPdfView *self,
                                             double        wx,
                                             double        wy,
                                             guint        *page,
                                             double       *px,
                                             double       *py);
/* Scrolls so that the point (px, py) of page is visible. */
void         gloss_pdf_view_scroll_to_point (GlossPdfView *self,
                                             guint         page,
                                             double        px,
                                             double        py);
/* codings: (element-type GlossCoding), the visible ones for the open
 * document; NULL clears.  Takes a reference on the array.  Each is drawn
 * over its glyphs in its code's colour, translucent, so that overlapping
 * codings blend, and as a bar in the stripes margin left of each page
 * (the margin is there while codings are set, even none).  The text
 * selection is drawn above them.  gloss_pdf_view_set_document() clears
 * the codings (they were the old document's): set them after it. */
void         gloss_pdf_view_set_codings     (GlossPdfView *self,
                                             GPtrArray    *codings);
/* Comparison mode: comparison (copied; NULL leaves the mode) holds two
 * coders' codings of the open document and the code compared.  The
 * stripes margin shows coder A's codings in a group of columns on the
 * left and coder B's next to the page, under the coders' initials (other
 * codes' stripes faint), and the text of the code compared is coloured
 * by who coded it: both (green), only A (blue), only B (orange), instead
 * of the codings' highlights.  The codings set with
 * gloss_pdf_view_set_codings() are kept and drawn again when the mode is
 * left.  gloss_pdf_view_set_document() leaves it (the codings were the old
 * document's): set it again after it. */
void         gloss_pdf_view_set_comparison  (GlossPdfView          *self,
                                             const GlossComparison *comparison);
const GlossComparison *gloss_pdf_view_get_comparison (GlossPdfView *self);
/* 0: none.  Draws the coding emphasised and scrolls to it. */
void         gloss_pdf_view_select_coding   (GlossPdfView *self,
                                             gint64        coding_id);
gint64       gloss_pdf_view_get_selected_coding (GlossPdfView *self);
/* 0: none.  That coder's codings get an outline. */
void         gloss_pdf_view_set_outlined_coder (GlossPdfView *self,
                                                gint64        coder_id);
/* For tests: the size in device pixels of the rendering shown for page
 * and the scale (device pixels per point) it was made at; FALSE when the
 * page has not been rendered. */
gboolean     gloss_pdf_view_get_page_rendering (GlossPdfView *self,
                                                guint         page,
                                                int          *width,
                                                int          *height,
                                                double       *scale);
/* For tests: TRUE once every visible page shows a texture at the current
 * render scale. */
gboolean     gloss_pdf_view_is_rendered     (GlossPdfView *self);

G_END_DECLS
