/* gloss-test-ui.h: helpers shared by the window tests, run under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-application.h"
#include "gloss-layout.h"
#include "gloss-pdf-view.h"
#include "gloss-project.h"
#include "gloss-test-fixtures.h"

G_BEGIN_DECLS

/* Start -------------------------------------------------------------------- */

/* For the tests of the application's windows: g_test_init, with a log
 * writer that drops GtkApplication's warning that there is no session bus
 * (harmless under xvfb-run, and not to be fatal), then a new application
 * with flags, registered; fails the test when it cannot register. */
GlossApplication *gloss_test_init_application      (int                *argc,
                                                    char             ***argv,
                                                    GApplicationFlags   flags);
/* Sets GTK_A11Y=none unless it is set, then calls gtk_test_init: GTK 4
 * ignores NO_AT_BRIDGE, and without a session bus its AT-SPI backend
 * warns, and warnings are fatal in tests. */
void              gloss_test_gtk_init              (int                *argc,
                                                    char             ***argv);

/* Main loop ---------------------------------------------------------------- */

typedef gboolean (*GlossTestCondition) (gpointer data);

/* Runs the main loop until condition (data) holds or timeout_ms have
 * passed; returns whether it holds. */
gboolean          gloss_test_wait_for              (GlossTestCondition  condition,
                                                    gpointer            data,
                                                    guint               timeout_ms);
/* Runs the main loop for ms milliseconds: pending layout, drawing and
 * signals happen. */
void              gloss_test_settle                (guint               ms);

/* A condition: whether widget (a GtkWidget) is mapped. */
gboolean          gloss_test_is_mapped             (gpointer            widget);

/* Waits (up to 20 s) for the view to show its pages; fails the test
 * otherwise. */
void              gloss_test_wait_rendered         (GlossPdfView       *view);

/* Windows ------------------------------------------------------------------ */

/* Presents window and waits (up to 5 s) for it to be mapped; fails the
 * test otherwise. */
void              gloss_test_present               (GtkWindow          *window);
/* A window of the default size width × height holding a scrolled window
 * (in *scrolled), not yet presented. */
GtkWidget        *gloss_test_scrolled_window_new   (int                 width,
                                                    int                 height,
                                                    GtkWidget         **scrolled);
/* Destroys every toplevel but last (the dialogs a test left open), the
 * newest first, then last unless it is NULL, and lets that settle. */
void              gloss_test_destroy_windows       (GtkWindow          *last);

/* Pixels ------------------------------------------------------------------- */

/* Draws widget, as it is now, over a background of the grey level (0
 * black, 1 white) into a new ARGB32 image surface of its size.  Fails the
 * test when GTK has nothing to draw. */
cairo_surface_t  *gloss_test_snapshot_widget       (GtkWidget          *widget,
                                                    double              grey);
/* The same, except that of a widget waiting for its allocation (a PDF
 * view after a zoom), of which GTK draws nothing, it draws what the
 * widget's own snapshot draws. */
cairo_surface_t  *gloss_test_snapshot_view         (GtkWidget          *widget,
                                                    double              grey);
/* Writes surface to name in $G_TEST_BUILDDIR (or the current folder). */
void              gloss_test_save_png              (cairo_surface_t    *surface,
                                                    const char         *name);
/* Snapshots widget over white and writes it as gloss_test_save_png does. */
void              gloss_test_save_widget_png       (GtkWidget          *widget,
                                                    const char         *name);

/* The whole pixels of surface inside the rectangle (x1, y1) to (x2, y2):
 * columns *px1 to *px2 - 1 and rows *py1 to *py2 - 1. */
void              gloss_test_pixel_bounds          (cairo_surface_t    *surface,
                                                    double              x1,
                                                    double              y1,
                                                    double              x2,
                                                    double              y2,
                                                    int                *px1,
                                                    int                *py1,
                                                    int                *px2,
                                                    int                *py2);
/* The red, green and blue (0 to 255) of a pixel of an ARGB32 surface. */
void              gloss_test_pixel_rgb             (cairo_surface_t    *surface,
                                                    int                 x,
                                                    int                 y,
                                                    guint              *r,
                                                    guint              *g,
                                                    guint              *b);

/* Input -------------------------------------------------------------------- */

/* One press and release of the primary button at (x, y), the n_press-th
 * of a multiple click, as the PDF view's drag and click gestures see it. */
void              gloss_test_pdf_view_click        (GlossPdfView       *view,
                                                    int                 n_press,
                                                    double              x,
                                                    double              y,
                                                    GdkModifierType     state);

/* Projects ----------------------------------------------------------------- */

/* A new project dir/name.gloss titled name; fails the test on error. */
GlossProject     *gloss_test_project_new           (const char         *dir,
                                                    const char         *name);
/* Writes a PDF of pages (see gloss_test_make_pdf) or a text file as
 * dir/file_name, imports it into project and returns the document's id;
 * fails the test on error. */
gint64            gloss_test_import_pdf            (GlossProject       *project,
                                                    const char         *dir,
                                                    const char         *file_name,
                                                    const char * const *pages);
gint64            gloss_test_import_text           (GlossProject       *project,
                                                    const char         *dir,
                                                    const char         *file_name,
                                                    const char         *text);

/* The demo reports.  The PDF, alpha-report.pdf, has two pages:
 *   "Alpha report. Early help for children in the borough was judged good,
 *   and management oversight was strong.\n\nInspectors met social workers
 *   and their managers." and "Second page. Leaders know their services well
 *   and the word marmalade appears here."
 * The text report, bravo-notes.txt, reads:
 *   "Bravo notes\nCafé visits: the résumé of each social worker was
 *   checked.\nNaïve plans were rare.\n" */
extern const char * const gloss_test_demo_pdf_pages[];
extern const char         gloss_test_demo_text[];

/* A new project dir/Demo.gloss titled "Demo" with the demo PDF and then
 * the demo text imported; their ids in pdf_id and text_id (each may be
 * NULL).  Fails the test on error. */
GlossProject     *gloss_test_demo_project_new      (const char         *dir,
                                                    gint64             *pdf_id,
                                                    gint64             *text_id);

/* The character offset of needle in text, or in the layout's text; fails
 * the test when it is not there. */
guint             gloss_test_offset_of             (const char         *text,
                                                    const char         *needle);
guint             gloss_test_layout_offset_of      (GlossLayout        *layout,
                                                    const char         *needle);

G_END_DECLS
