/* gloss-test-ui.c: helpers shared by the window tests, run under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-Test"

#include <math.h>
#include <string.h>

#include "gloss-pdf-view-private.h"
#include "gloss-test-ui.h"

/* Start -------------------------------------------------------------------- */

/* Under xvfb-run there is no session bus, and GtkApplication warns about
 * it: harmless here, and not to be fatal. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
          strstr (fields[i].value, "Unable to acquire session bus") != NULL)
        return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

GlossApplication *
gloss_test_init_application (int                *argc,
                             char             ***argv,
                             GApplicationFlags   flags)
{
  g_autoptr(GError) error = NULL;
  GlossApplication *app;

  g_log_set_writer_func (log_writer, NULL, NULL);
  g_test_init (argc, argv, NULL);

  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), flags);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

void
gloss_test_gtk_init (int    *argc,
                     char ***argv)
{
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_test_init (argc, argv, NULL);
}

/* Main loop ---------------------------------------------------------------- */

/* Wakes the main loop now and then, so that the clock is looked at. */
static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
gloss_test_wait_for (GlossTestCondition condition,
                     gpointer           data,
                     guint              timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;
  guint wake = g_timeout_add (10, wake_cb, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
  return ok;
}

void
gloss_test_settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
}

gboolean
gloss_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

static gboolean
pdf_view_is_rendered (gpointer view)
{
  return gloss_pdf_view_is_rendered (GLOSS_PDF_VIEW (view));
}

void
gloss_test_wait_rendered (GlossPdfView *view)
{
  g_assert_true (gloss_test_wait_for (pdf_view_is_rendered, view, 20000));
}

/* Windows ------------------------------------------------------------------ */

void
gloss_test_present (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (gloss_test_wait_for (gloss_test_is_mapped, window, 5000));
}

GtkWidget *
gloss_test_scrolled_window_new (int         width,
                                int         height,
                                GtkWidget **scrolled)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  *scrolled = gtk_scrolled_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), *scrolled);

  return window;
}

void
gloss_test_destroy_windows (GtkWindow *last)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != last)
        gtk_window_destroy (window);
    }

  if (last != NULL)
    gtk_window_destroy (last);
  gloss_test_settle (50);
}

/* Pixels ------------------------------------------------------------------- */

static cairo_surface_t *
snapshot (GtkWidget *widget,
          double     grey,
          gboolean   unallocated)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snap;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* A widget waiting for its allocation (a layout change not yet run, on a
   * slow machine) draws nothing: give the main loop a little time. */
  for (guint attempt = 0; ; attempt++)
    {
      snap = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snap, width, height);
      node = gtk_snapshot_free_to_node (snap);
      if (node != NULL || unallocated || attempt == 40)
        break;
      gloss_test_settle (50);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
    }
  if (node == NULL && unallocated)
    {
      /* GTK draws nothing of a widget waiting for its allocation, as
       * after a zoom: draw what the widget would. */
      snap = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snap);
      node = gtk_snapshot_free_to_node (snap);
    }
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

cairo_surface_t *
gloss_test_snapshot_widget (GtkWidget *widget,
                            double     grey)
{
  return snapshot (widget, grey, FALSE);
}

cairo_surface_t *
gloss_test_snapshot_view (GtkWidget *widget,
                          double     grey)
{
  return snapshot (widget, grey, TRUE);
}

void
gloss_test_save_png (cairo_surface_t *surface,
                     const char      *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : ".", name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("Saved %s", path);
}

void
gloss_test_save_widget_png (GtkWidget  *widget,
                            const char *name)
{
  cairo_surface_t *surface = gloss_test_snapshot_widget (widget, 1);

  gloss_test_save_png (surface, name);
  cairo_surface_destroy (surface);
}

void
gloss_test_pixel_bounds (cairo_surface_t *surface,
                         double           x1,
                         double           y1,
                         double           x2,
                         double           y2,
                         int             *px1,
                         int             *py1,
                         int             *px2,
                         int             *py2)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  *px1 = MAX (0, (int) ceil (x1));
  *py1 = MAX (0, (int) ceil (y1));
  *px2 = MIN (width, (int) floor (x2));
  *py2 = MIN (height, (int) floor (y2));
}

void
gloss_test_pixel_rgb (cairo_surface_t *surface,
                      int              x,
                      int              y,
                      guint           *r,
                      guint           *g,
                      guint           *b)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

  *r = (pixel >> 16) & 0xff;
  *g = (pixel >> 8) & 0xff;
  *b = pixel & 0xff;
}

/* Input -------------------------------------------------------------------- */

void
gloss_test_pdf_view_click (GlossPdfView    *view,
                           int              n_press,
                           double           x,
                           double           y,
                           GdkModifierType  state)
{
  _gloss_pdf_view_drag_begin (view, x, y, state);
  _gloss_pdf_view_click (view, n_press, x, y);
  /* A hand is never quite still. */
  _gloss_pdf_view_drag_update (view, 1, 1);
  _gloss_pdf_view_drag_end (view);
}

/* Projects ----------------------------------------------------------------- */

GlossProject *
gloss_test_project_new (const char *dir,
                        const char *name)
{
  g_autofree char *file_name = g_strconcat (name, ".gloss", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GError) error = NULL;
  GlossProject *project = gloss_project_create (path, name, &error);

  g_assert_no_error (error);

  return project;
}

static gint64
import (GlossProject *project,
        const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = gloss_project_import_file (project, file, NULL, NULL, &error);
  g_assert_no_error (error);

  return gloss_document_get_id (document);
}

gint64
gloss_test_import_pdf (GlossProject       *project,
                       const char         *dir,
                       const char         *file_name,
                       const char * const *pages)
{
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_test_make_pdf (path, pages, &error));
  g_assert_no_error (error);

  return import (project, path);
}

gint64
gloss_test_import_text (GlossProject *project,
                        const char   *dir,
                        const char   *file_name,
                        const char   *text)
{
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  return import (project, path);
}

const char * const gloss_test_demo_pdf_pages[] = {
  "Alpha report. Early help for children in the borough was judged good, "
  "and management oversight was strong.\n\n"
  "Inspectors met social workers and their managers.",
  "Second page. Leaders know their services well and the word marmalade "
  "appears here.",
  NULL,
};

const char gloss_test_demo_text[] =
  "Bravo notes\n"
  "Café visits: the résumé of each social worker was checked.\n"
  "Naïve plans were rare.\n";

GlossProject *
gloss_test_demo_project_new (const char *dir,
                             gint64     *pdf_id,
                             gint64     *text_id)
{
  GlossProject *project = gloss_test_project_new (dir, "Demo");
  gint64 pdf = gloss_test_import_pdf (project, dir, "alpha-report.pdf", gloss_test_demo_pdf_pages);
  gint64 text = gloss_test_import_text (project, dir, "bravo-notes.txt", gloss_test_demo_text);

  if (pdf_id != NULL)
    *pdf_id = pdf;
  if (text_id != NULL)
    *text_id = text;

  return project;
}

guint
gloss_test_offset_of (const char *text,
                      const char *needle)
{
  const char *at = strstr (text, needle);

  if (at == NULL)
    g_test_message ("“%s” is not in “%s”", needle, text);
  g_assert_nonnull (at);
  return (guint) g_utf8_pointer_to_offset (text, at);
}

guint
gloss_test_layout_offset_of (GlossLayout *layout,
                             const char  *needle)
{
  return gloss_test_offset_of (gloss_layout_get_text (layout), needle);
}
