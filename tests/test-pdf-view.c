/* test-pdf-view.c: the PDF viewer, rendered and driven under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "gloss-extract.h"
#include "gloss-pdf-view-private.h"
#include "gloss-render-worker.h"
#include "gloss-test-ui.h"

static const char * const fixture_pages[] = {
  "Alpha page. The first page of the fixture speaks of early help and of "
  "management oversight in children's services.\n\n"
  "A second paragraph on page one, with a distinctive word: zeppelin.",
  "Bravo page. The second page carries the word marmalade and then goes on "
  "for a while so that there is a line or two of text to select across.",
  "Charlie page. The third page ends the fixture with the word quokka.",
  NULL,
};

typedef struct
{
  char        *tmpdir;
  GBytes      *bytes;
  GlossLayout *layout;
  GtkWidget   *window;
  GtkWidget   *scrolled;
  GlossPdfView *view;
} Fixture;

/* Pixels ------------------------------------------------------------------- */

typedef struct
{
  guint dark;     /* text */
  guint white;    /* paper */
  guint blue;     /* selection highlight */
  guint total;
} PixelCount;

static PixelCount
count_pixels (cairo_surface_t *surface,
              double           x1,
              double           y1,
              double           x2,
              double           y2)
{
  int px1, py1, px2, py2;
  PixelCount count = { 0 };

  gloss_test_pixel_bounds (surface, x1, y1, x2, y2, &px1, &py1, &px2, &py2);
  for (int y = py1; y < py2; y++)
    for (int x = px1; x < px2; x++)
      {
        guint r, g, b;

        gloss_test_pixel_rgb (surface, x, y, &r, &g, &b);
        count.total++;
        if (r < 110 && g < 110 && b < 130)
          count.dark++;
        else if (r > 245 && g > 245 && b > 245)
          count.white++;
        if (b > r + 40 && b > 120)
          count.blue++;
      }

  return count;
}

/* The widget rectangle of a page or of a character. */
static void
page_widget_rect (GlossPdfView *view,
                  GlossLayout  *layout,
                  guint         page,
                  double       *x1,
                  double       *y1,
                  double       *x2,
                  double       *y2)
{
  const GlossPage *p = gloss_layout_get_page (layout, page);

  g_assert_true (gloss_pdf_view_page_to_widget (view, page, 0, 0, x1, y1));
  g_assert_true (gloss_pdf_view_page_to_widget (view, page, p->width, p->height, x2, y2));
}

static const GlossRect *
char_rect (GlossLayout *layout,
           guint        offset,
           guint       *page_out)
{
  guint page = gloss_layout_page_at_offset (layout, offset);
  const GlossPage *p = gloss_layout_get_page (layout, page);

  g_assert_cmpuint (offset, >=, p->start);
  g_assert_cmpuint (offset, <, p->end);
  g_assert_nonnull (p->rects);

  *page_out = page;
  return &p->rects[offset - p->start];
}

/* Where the mouse would be on the left (fraction 0.25) or right (0.75)
 * part of a character. */
static void
char_point (GlossPdfView *view,
            GlossLayout  *layout,
            guint         offset,
            double        fraction,
            double       *wx,
            double       *wy)
{
  guint page;
  const GlossRect *r = char_rect (layout, offset, &page);

  g_assert_true (gloss_pdf_view_page_to_widget (view, page,
                                                r->x1 + (r->x2 - r->x1) * fraction,
                                                (r->y1 + r->y2) / 2,
                                                wx, wy));
}

/* Drags from the left of the character at start to the right of the one
 * at last, and checks the selection is [start, last + 1). */
static void
assert_drag_selects (GlossPdfView *view,
                     GlossLayout  *layout,
                     guint         start,
                     guint         last)
{
  double x1, y1, x2, y2;
  guint s = 0, e = 0;

  char_point (view, layout, start, 0.25, &x1, &y1);
  char_point (view, layout, last, 0.75, &x2, &y2);

  gloss_pdf_view_select_drag (view, x1, y1, x2, y2);
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, last + 1);

  /* Backwards gives the same range. */
  gloss_pdf_view_clear_selection (view);
  gloss_pdf_view_select_drag (view, x2, y2, x1, y1);
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, last + 1);
}

/* Fixture ------------------------------------------------------------------ */

static void
show_view (Fixture *fixture)
{
  fixture->window = gloss_test_scrolled_window_new (1000, 800, &fixture->scrolled);
  fixture->view = GLOSS_PDF_VIEW (gloss_pdf_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static GlossLayout *
extract_layout (GBytes     *bytes,
                const char *name,
                const char *password)
{
  g_autoptr(GlossExtraction) extraction = NULL;
  g_autoptr(GError) error = NULL;

  extraction = gloss_extract (bytes, name, password, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (extraction);
  g_assert_cmpint (extraction->kind, ==, GLOSS_DOCUMENT_KIND_PDF);

  return gloss_layout_ref (extraction->layout);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;

  fixture->tmpdir = gloss_test_make_tmpdir ();
  path = g_build_filename (fixture->tmpdir, "fixture.pdf", NULL);

  g_assert_true (gloss_test_make_pdf (path, fixture_pages, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  fixture->bytes = g_bytes_new_take (contents, length);

  fixture->layout = extract_layout (fixture->bytes, "fixture.pdf", NULL);
  g_assert_cmpuint (gloss_layout_get_n_pages (fixture->layout), ==, 3);

  show_view (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  gloss_test_settle (100);
  g_clear_pointer (&fixture->layout, gloss_layout_unref);
  g_clear_pointer (&fixture->bytes, g_bytes_unref);
  gloss_test_remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

/* Tests -------------------------------------------------------------------- */

static void
test_render_and_select (Fixture       *fixture,
                        gconstpointer  data)
{
  GlossPdfView *view = fixture->view;
  GlossLayout *layout = fixture->layout;
  cairo_surface_t *surface;
  PixelCount count;
  double x1, y1, x2, y2, scale = 0;
  int expected_width, expected_height, width_100, width, height;
  guint start, last, page, s, e;
  const GlossRect *r;

  gloss_pdf_view_set_document (view, fixture->bytes, NULL, layout);
  g_assert_true (gloss_pdf_view_get_layout (view) == layout);
  g_assert_cmpuint (gloss_pdf_view_get_n_pages (view), ==, 3);
  g_assert_cmpfloat (gloss_pdf_view_get_zoom (view), ==, 1.0);

  gloss_test_wait_rendered (view);
  gloss_test_settle (100);

  /* Page 1 at 100 %: a point is 96/72 pixels. */
  g_assert_true (gloss_pdf_view_get_page_rendering (view, 0, &width, &height, &scale));
  gloss_render_worker_pixel_size (gloss_layout_get_page (layout, 0)->width,
                                  gloss_layout_get_page (layout, 0)->height,
                                  96.0 / 72.0 * gtk_widget_get_scale_factor (GTK_WIDGET (view)),
                                  &expected_width, &expected_height);
  g_assert_cmpint (width, ==, expected_width);
  g_assert_cmpint (height, ==, expected_height);
  g_assert_cmpfloat (fabs (scale - 96.0 / 72.0 * gtk_widget_get_scale_factor (GTK_WIDGET (view))), <, 1e-9);
  width_100 = width;
  g_assert_cmpuint (gloss_pdf_view_get_page (view), ==, 0);

  /* The page is inside the view, centred, with text on white paper. */
  page_widget_rect (view, layout, 0, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (fabs ((x1 + x2) / 2 - gtk_widget_get_width (GTK_WIDGET (view)) / 2.0), <=, 1.0);
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.5);
  count = count_pixels (surface, x1, y1, x2, MIN (y2, gtk_widget_get_height (GTK_WIDGET (view))));
  g_test_message ("page 1: %u pixels, %u dark, %u white", count.total, count.dark, count.white);
  g_assert_cmpuint (count.dark, >, 500);
  g_assert_cmpuint (count.white, >, count.total / 2);

  /* The glyph boxes line up with the rendering: dark pixels inside the box
   * of the "z" of zeppelin, none in the gap beside the page. */
  r = char_rect (layout, gloss_test_layout_offset_of (layout, "zeppelin"), &page);
  g_assert_cmpuint (page, ==, 0);
  {
    double gx1, gy1, gx2, gy2;

    g_assert_true (gloss_pdf_view_page_to_widget (view, 0, r->x1, r->y1, &gx1, &gy1));
    g_assert_true (gloss_pdf_view_page_to_widget (view, 0, r->x2, r->y2, &gx2, &gy2));
    count = count_pixels (surface, gx1, gy1, gx2, gy2);
    g_assert_cmpuint (count.dark, >, 3);
  }
  count = count_pixels (surface, 0, y1, x1 - 8, MIN (y2, 700));
  g_assert_cmpuint (count.dark, ==, 0);
  g_assert_cmpuint (count.white, ==, 0);
  cairo_surface_destroy (surface);

  /* A drag within page 1: "early help". */
  start = gloss_test_layout_offset_of (layout, "early help");
  assert_drag_selects (view, layout, start, start + strlen ("early help") - 1);

  /* The highlight is drawn over the selected words. */
  gloss_test_settle (100);
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.5);
  char_point (view, layout, start + 2, 0.5, &x1, &y1);
  count = count_pixels (surface, x1 - 2, y1 - 2, x1 + 2, y1 + 2);
  g_assert_cmpuint (count.blue, >, 0);
  gloss_test_save_png (surface, "pdf-view.png");
  cairo_surface_destroy (surface);

  /* set_selection maps back; an empty range clears. */
  gloss_pdf_view_set_selection (view, start, start + 5);
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, start + 5);
  gloss_pdf_view_set_selection (view, start, start);
  g_assert_false (gloss_pdf_view_get_selection (view, NULL, NULL));

  /* Across a page break: from "page" on page 2 to "Charlie" on page 3,
   * whatever part of them is in sight. */
  start = gloss_test_layout_offset_of (layout, "second page carries");
  last = gloss_test_layout_offset_of (layout, "Charlie page") + strlen ("Charlie") - 1;
  g_assert_cmpuint (gloss_layout_page_at_offset (layout, start), ==, 1);
  g_assert_cmpuint (gloss_layout_page_at_offset (layout, last), ==, 2);
  assert_drag_selects (view, layout, start, last);

  /* And once page 2 is scrolled to. */
  gloss_pdf_view_go_to_page (view, 1);
  gloss_test_settle (100);
  g_assert_cmpuint (gloss_pdf_view_get_page (view), ==, 1);
  g_assert_true (gloss_pdf_view_page_to_widget (view, 1, 0, 0, &x1, &y1));
  g_assert_cmpfloat (fabs (y1), <, 20);
  assert_drag_selects (view, layout, start, last);

  /* 200 %, about the middle of the view where "marmalade" is put: until
   * the pages are rendered again, the old textures are drawn magnified
   * rather than blank pages, and the word stays where it was. */
  start = gloss_test_layout_offset_of (layout, "marmalade");
  char_point (view, layout, start, 0.5, &x1, &y1);
  {
    GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) +
                                           y1 - gtk_widget_get_height (GTK_WIDGET (view)) / 2.0);
  }
  gloss_test_settle (100);
  char_point (view, layout, start, 0.5, &x1, &y1);
  g_assert_cmpfloat (fabs (y1 - gtk_widget_get_height (GTK_WIDGET (view)) / 2.0), <, 1);
  gloss_pdf_view_set_zoom (view, 2.0);
  char_point (view, layout, start, 0.5, &x2, &y2);
  g_assert_cmpfloat (fabs (y2 - y1), <, 1);
  g_assert_cmpfloat (fabs ((x2 - gtk_widget_get_width (GTK_WIDGET (view)) / 2.0) -
                           2 * (x1 - gtk_widget_get_width (GTK_WIDGET (view)) / 2.0)), <, 2);
  g_assert_cmpfloat (gloss_pdf_view_get_zoom (view), ==, 2.0);
  g_assert_false (gloss_pdf_view_is_rendered (view));
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.5);
  count = count_pixels (surface, 0, 0, gtk_widget_get_width (GTK_WIDGET (view)), gtk_widget_get_height (GTK_WIDGET (view)));
  g_test_message ("while rendering at 200 %%: %u dark pixels", count.dark);
  g_assert_cmpuint (count.dark, >, 500);
  cairo_surface_destroy (surface);

  /* Then rendered again at twice the scale, and the selection maps. */
  gloss_test_wait_rendered (view);
  gloss_test_settle (100);
  page = gloss_pdf_view_get_page (view);
  g_assert_true (gloss_pdf_view_get_page_rendering (view, page, &width, &height, &scale));
  gloss_render_worker_pixel_size (gloss_layout_get_page (layout, page)->width,
                                  gloss_layout_get_page (layout, page)->height,
                                  2.0 * 96.0 / 72.0 * gtk_widget_get_scale_factor (GTK_WIDGET (view)),
                                  &expected_width, &expected_height);
  g_assert_cmpint (width, ==, expected_width);
  g_assert_cmpint (height, ==, expected_height);
  g_assert_cmpint (abs (width - 2 * width_100), <=, 1);
  page_widget_rect (view, layout, page, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (fabs ((x2 - x1) - expected_width / (double) gtk_widget_get_scale_factor (GTK_WIDGET (view))), <, 0.01);

  assert_drag_selects (view, layout, start, start + strlen ("marmalade") - 1);
  gloss_pdf_view_set_selection (view, start, start + strlen ("marmalade"));
  gloss_test_settle (100);
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.5);
  gloss_test_save_png (surface, "pdf-view-200.png");
  char_point (view, layout, start + 3, 0.5, &x1, &y1);
  count = count_pixels (surface, x1 - 3, y1 - 3, x1 + 3, y1 + 3);
  g_assert_cmpuint (count.blue, >, 0);
  cairo_surface_destroy (surface);

  /* The page wider than the view scrolls horizontally. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view))), >,
                     gtk_widget_get_width (GTK_WIDGET (view)));
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  GlossPdfView *view = fixture->view;
  double x1, y1, x2, y2, width;
  guint notified = 0;

  gloss_pdf_view_set_document (view, fixture->bytes, NULL, fixture->layout);
  gloss_test_wait_rendered (view);
  g_signal_connect_swapped (view, "notify::zoom", G_CALLBACK (g_atomic_int_inc), &notified);

  gloss_pdf_view_zoom_in (view);
  g_assert_cmpfloat (fabs (gloss_pdf_view_get_zoom (view) - 1.1), <, 1e-9);
  gloss_pdf_view_zoom_in (view);
  g_assert_cmpfloat (fabs (gloss_pdf_view_get_zoom (view) - 1.25), <, 1e-9);
  gloss_pdf_view_zoom_out (view);
  gloss_pdf_view_zoom_out (view);
  gloss_pdf_view_zoom_out (view);
  g_assert_cmpfloat (fabs (gloss_pdf_view_get_zoom (view) - 0.9), <, 1e-9);
  g_assert_cmpuint (notified, ==, 5);

  gloss_pdf_view_set_zoom (view, 100);
  g_assert_cmpfloat (gloss_pdf_view_get_zoom (view), ==, GLOSS_PDF_VIEW_MAX_ZOOM);
  gloss_pdf_view_zoom_in (view);
  g_assert_cmpfloat (gloss_pdf_view_get_zoom (view), ==, GLOSS_PDF_VIEW_MAX_ZOOM);
  gloss_pdf_view_set_zoom (view, 0.01);
  g_assert_cmpfloat (gloss_pdf_view_get_zoom (view), ==, GLOSS_PDF_VIEW_MIN_ZOOM);

  /* At 25 % all three pages are in sight and rendered. */
  gloss_test_wait_rendered (view);
  for (guint i = 0; i < 3; i++)
    g_assert_true (gloss_pdf_view_get_page_rendering (view, i, NULL, NULL, NULL));

  /* Fit width: the page fills the width, less the margins, and follows
   * the window. */
  gloss_pdf_view_set_fit_width (view, TRUE);
  g_assert_true (gloss_pdf_view_get_fit_width (view));
  gloss_test_settle (100);
  width = gtk_widget_get_width (GTK_WIDGET (view));
  page_widget_rect (view, fixture->layout, 0, &x1, &y1, &x2, &y2);
  g_test_message ("fit width: view %.0f, page %.1f–%.1f, zoom %.3f", width, x1, x2, gloss_pdf_view_get_zoom (view));
  g_assert_cmpfloat (x1, >=, 0);
  g_assert_cmpfloat (x2, <=, width);
  g_assert_cmpfloat (x2 - x1, >, width - 40);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 800);
  gloss_test_wait_rendered (view);
  gloss_test_settle (100);
  width = gtk_widget_get_width (GTK_WIDGET (view));
  g_assert_cmpfloat (width, <, 800);
  page_widget_rect (view, fixture->layout, 0, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (x2 - x1, >, width - 40);
  g_assert_cmpfloat (x2, <=, width);

  /* Setting a zoom leaves fit width. */
  gloss_pdf_view_set_zoom (view, 1.0);
  g_assert_false (gloss_pdf_view_get_fit_width (view));
}

static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  GlossPdfView *view = fixture->view;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_autofree char *expected = NULL;
  guint start;

  gloss_pdf_view_set_document (view, fixture->bytes, NULL, fixture->layout);
  gloss_test_wait_rendered (view);

  start = gloss_test_layout_offset_of (fixture->layout, "zeppelin");
  gloss_pdf_view_set_selection (view, start, start + 8);
  expected = gloss_layout_dup_range (fixture->layout, start, start + 8);
  g_assert_cmpstr (expected, ==, "zeppelin");
  gloss_pdf_view_copy_selection (view);

  /* The clipboard is ours: its content is the text. */
  g_assert_true (gdk_clipboard_is_local (clipboard));
  {
    GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
    GValue value = G_VALUE_INIT;

    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, "zeppelin");
    g_value_unset (&value);
  }
}

static void
error_cb (GlossPdfView *view,
          const char   *message,
          char        **out)
{
  g_assert_null (*out);
  *out = g_strdup (message);
}

static gboolean
string_is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_invalid_pdf (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4\nthis is no PDF at all\n", 31);
  g_autofree char *message = NULL;

  g_signal_connect (fixture->view, "render-error", G_CALLBACK (error_cb), &message);

  gloss_pdf_view_set_document (fixture->view, bytes, NULL, NULL);
  g_assert_true (gloss_test_wait_for (string_is_set, &message, 20000));
  g_test_message ("render-error: %s", message);
  g_assert_cmpstr (message, !=, "");
  g_assert_cmpuint (gloss_pdf_view_get_n_pages (fixture->view), ==, 0);
  gloss_test_settle (100);

  /* The view takes a good document afterwards. */
  gloss_pdf_view_set_document (fixture->view, fixture->bytes, NULL, fixture->layout);
  gloss_test_wait_rendered (fixture->view);

  /* And clears. */
  gloss_pdf_view_set_document (fixture->view, NULL, NULL, NULL);
  g_assert_cmpuint (gloss_pdf_view_get_n_pages (fixture->view), ==, 0);
  g_assert_null (gloss_pdf_view_get_layout (fixture->view));
}

static gboolean
has_n_pages (gpointer data)
{
  return gloss_pdf_view_get_n_pages (GLOSS_PDF_VIEW (data)) > 0 &&
         gloss_pdf_view_is_rendered (GLOSS_PDF_VIEW (data));
}

/* Without a layout the view still shows the pages, sized by poppler. */
static void
test_no_layout (Fixture       *fixture,
                gconstpointer  data)
{
  gloss_pdf_view_set_document (fixture->view, fixture->bytes, NULL, NULL);
  g_assert_true (gloss_test_wait_for (has_n_pages, fixture->view, 20000));
  g_assert_cmpuint (gloss_pdf_view_get_n_pages (fixture->view), ==, 3);
  gloss_pdf_view_select_drag (fixture->view, 100, 100, 400, 300);
  g_assert_false (gloss_pdf_view_get_selection (fixture->view, NULL, NULL));
}

/* Scrolling through many pages requests only what is in sight. */
static void
test_many_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "many.pdf", NULL);
  GtkAdjustment *vadjustment;
  char *contents;
  gsize length;
  guint rendered = 0;

  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (pages, g_strdup_printf ("Page %u of a long report.", i + 1));
  g_ptr_array_add (pages, NULL);

  g_assert_true (gloss_test_make_pdf (path, (const char * const *) pages->pdata, &error));
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (contents, length);
  layout = extract_layout (bytes, "many.pdf", NULL);

  gloss_pdf_view_set_document (fixture->view, bytes, NULL, layout);
  gloss_pdf_view_set_zoom (fixture->view, 2.0);
  gloss_test_wait_rendered (fixture->view);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->view));
  for (double v = 0; v < gtk_adjustment_get_upper (vadjustment); v += 700)
    {
      gtk_adjustment_set_value (vadjustment, v);
      gloss_test_settle (100);
    }
  gloss_test_wait_rendered (fixture->view);
  g_assert_cmpuint (gloss_pdf_view_get_page (fixture->view), ==, 39);

  for (guint i = 0; i < 40; i++)
    if (gloss_pdf_view_get_page_rendering (fixture->view, i, NULL, NULL, NULL))
      rendered++;
  g_test_message ("%u of 40 pages rendered", rendered);
  /* The last pages are there; the pages skipped over were not all
   * rendered. */
  g_assert_true (gloss_pdf_view_get_page_rendering (fixture->view, 39, NULL, NULL, NULL));
  g_assert_cmpuint (rendered, <, 40);

  gloss_pdf_view_go_to_page (fixture->view, 5);
  gloss_test_wait_rendered (fixture->view);
  g_assert_cmpuint (gloss_pdf_view_get_page (fixture->view), ==, 5);
}

/* A rotated page shows upright, its glyph boxes on its glyphs. */
static void
test_rotated (Fixture       *fixture,
              gconstpointer  data)
{
  const char *corpus = gloss_test_corpus_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  char *contents;
  gsize length;
  guint hits = 0, boxes = 0;

  if (corpus == NULL)
    return;

  path = g_build_filename (corpus, "robustness", "pdf.js-rotated.pdf", NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (contents, length);
  layout = extract_layout (bytes, "pdf.js-rotated.pdf", NULL);

  gloss_pdf_view_set_document (fixture->view, bytes, NULL, layout);
  gloss_pdf_view_set_fit_width (fixture->view, TRUE);
  gloss_test_settle (100);
  gloss_test_wait_rendered (fixture->view);
  gloss_test_settle (100);

  for (guint p = 0; p < gloss_layout_get_n_pages (layout); p++)
    {
      const GlossPage *page = gloss_layout_get_page (layout, p);
      int width, height;

      g_test_message ("page %u: %.1f × %.1f pt", p + 1, page->width, page->height);
      if (!gloss_pdf_view_get_page_rendering (fixture->view, p, &width, &height, NULL))
        continue;
      /* The rendering has the page's proportions. */
      g_assert_cmpfloat (fabs ((double) width / height -
                               page->width / page->height), <, 0.01);
    }

  surface = gloss_test_snapshot_view (GTK_WIDGET (fixture->view), 0.5);
  gloss_test_save_png (surface, "pdf-view-rotated.png");

  /* Most visible glyph boxes hold dark pixels. */
  {
    const GlossPage *page = gloss_layout_get_page (layout, 0);
    const char *p = g_utf8_offset_to_pointer (gloss_layout_get_text (layout), page->start);

    for (guint i = page->start; i < page->end; i++, p = g_utf8_next_char (p))
      {
        const GlossRect *r = &page->rects[i - page->start];
        double x1, y1, x2, y2;

        if (g_unichar_isspace (g_utf8_get_char (p)) || r->x2 - r->x1 < 1)
          continue;
        g_assert_true (gloss_pdf_view_page_to_widget (fixture->view, 0, r->x1, r->y1, &x1, &y1));
        g_assert_true (gloss_pdf_view_page_to_widget (fixture->view, 0, r->x2, r->y2, &x2, &y2));
        if (y2 > gtk_widget_get_height (GTK_WIDGET (fixture->view)))
          continue;
        boxes++;
        if (count_pixels (surface, x1, y1, x2, y2).dark > 0)
          hits++;
      }
  }
  g_test_message ("rotated: %u of %u glyph boxes hold ink", hits, boxes);
  g_assert_cmpuint (boxes, >, 0);
  g_assert_cmpuint (hits, >=, boxes * 8 / 10);
  cairo_surface_destroy (surface);
}

/* A one-page PDF whose page says /Rotate 90: a landscape MediaBox shown
 * as a portrait page. */
static GBytes *
make_rotated_pdf (void)
{
  static const char content[] = "BT /F1 28 Tf 30 120 Td (Rotated page) Tj ET\n";
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[6];
  gsize xref;

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 250] /Rotate 90 "
                        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n");
  offsets[4] = pdf->len;
  g_string_append_printf (pdf, "4 0 obj\n<< /Length %zu >>\nstream\n%sendstream\nendobj\n",
                          strlen (content), content);
  offsets[5] = pdf->len;
  g_string_append (pdf, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
  xref = pdf->len;
  g_string_append (pdf, "xref\n0 6\n0000000000 65535 f \n");
  for (guint i = 1; i < 6; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);

  return g_string_free_to_bytes (pdf);
}

static void
test_rotated_page (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) bytes = make_rotated_pdf ();
  g_autoptr(GlossLayout) layout = extract_layout (bytes, "rotated.pdf", NULL);
  const GlossPage *page;
  cairo_surface_t *surface;
  double x1, y1, x2, y2;
  int width, height;
  guint start, hits = 0, boxes = 0;

  g_assert_cmpuint (gloss_layout_get_n_pages (layout), ==, 1);
  page = gloss_layout_get_page (layout, 0);
  g_test_message ("rotated page: %.1f × %.1f pt, text “%s”", page->width, page->height,
                  gloss_layout_get_text (layout));
  /* Upright as displayed: portrait. */
  g_assert_cmpfloat (fabs (page->width - 250), <, 0.5);
  g_assert_cmpfloat (fabs (page->height - 400), <, 0.5);

  gloss_pdf_view_set_document (fixture->view, bytes, NULL, layout);
  gloss_pdf_view_set_zoom (fixture->view, 1.5);
  gloss_test_wait_rendered (fixture->view);
  gloss_test_settle (100);

  g_assert_true (gloss_pdf_view_get_page_rendering (fixture->view, 0, &width, &height, NULL));
  g_assert_cmpint (width, <, height);
  page_widget_rect (fixture->view, layout, 0, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (fabs ((x2 - x1) / (y2 - y1) - 250.0 / 400.0), <, 0.01);

  start = gloss_test_layout_offset_of (layout, "Rotated");
  gloss_pdf_view_set_selection (fixture->view, start, start + 7);
  gloss_test_settle (100);
  surface = gloss_test_snapshot_view (GTK_WIDGET (fixture->view), 0.5);
  gloss_test_save_png (surface, "pdf-view-rotate-90.png");

  for (guint i = page->start; i < page->end; i++)
    {
      const GlossRect *r = &page->rects[i - page->start];

      if (r->x2 - r->x1 < 1 || r->y2 - r->y1 < 1)
        continue;
      boxes++;
      g_assert_true (gloss_pdf_view_page_to_widget (fixture->view, 0, r->x1, r->y1, &x1, &y1));
      g_assert_true (gloss_pdf_view_page_to_widget (fixture->view, 0, r->x2, r->y2, &x2, &y2));
      if (count_pixels (surface, x1, y1, x2, y2).dark > 0)
        hits++;
    }
  g_test_message ("rotate 90: %u of %u glyph boxes hold ink", hits, boxes);
  g_assert_cmpuint (boxes, >=, 10);
  g_assert_cmpuint (hits, >=, boxes * 8 / 10);
  cairo_surface_destroy (surface);

  /* And a drag over the rotated glyphs selects them. */
  assert_drag_selects (fixture->view, layout, start, start + 6);
}

/* Input ---------------------------------------------------------------------
 *
 * GTK 4 cannot inject events, so key tests look the key up among the
 * view's shortcuts, as its shortcut controller does, and activate the
 * binding found; mouse tests call the handlers the gestures call. */

/* Activates the view's binding for keyval + mods and returns whether it
 * took the key (FALSE: the key goes on to the window).  Fails the test
 * when the key is not bound. */
static gboolean
press_key (GlossPdfView    *view,
           guint            keyval,
           GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 GTK_WIDGET (view),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_error ("No binding for %s with modifiers 0x%x", gdk_keyval_name (keyval), mods);
}

static char *
clipboard_text (GdkClipboard *clipboard)
{
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  GValue value = G_VALUE_INIT;
  char *text;

  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  text = g_value_dup_string (&value);
  g_value_unset (&value);

  return text;
}

static char *
selected_text (Fixture *fixture)
{
  guint s, e;

  if (!gloss_pdf_view_get_selection (fixture->view, &s, &e))
    return NULL;

  return gloss_layout_dup_range (fixture->layout, s, e);
}

static void
show_document (Fixture *fixture)
{
  gloss_pdf_view_set_document (fixture->view, fixture->bytes, NULL, fixture->layout);
  gloss_test_wait_rendered (fixture->view);
  gloss_test_settle (100);
}

static void
assert_value (GtkAdjustment *adjustment,
              double         expected)
{
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), expected, 1e-6);
}

static void
test_keys_scroll (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossPdfView *view = fixture->view;
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  double step = GLOSS_PDF_VIEW_SCROLL_STEP, page, bottom;

  show_document (fixture);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
  assert_value (v, 0);

  /* Arrows move by a line, and not beyond the top. */
  g_assert_true (press_key (view, GDK_KEY_Down, 0));
  assert_value (v, step);
  g_assert_true (press_key (view, GDK_KEY_KP_Down, 0));
  assert_value (v, 2 * step);
  g_assert_true (press_key (view, GDK_KEY_Up, 0));
  assert_value (v, step);
  g_assert_true (press_key (view, GDK_KEY_KP_Up, 0));
  assert_value (v, 0);
  g_assert_true (press_key (view, GDK_KEY_Up, 0));
  assert_value (v, 0);

  /* Page Down and space by nine tenths of the view, and back. */
  page = gtk_adjustment_get_page_size (v) * 0.9;
  g_assert_cmpfloat (page, >, 2 * step);
  g_assert_true (press_key (view, GDK_KEY_Page_Down, 0));
  assert_value (v, page);
  g_assert_true (press_key (view, GDK_KEY_space, 0));
  assert_value (v, 2 * page);
  g_assert_true (press_key (view, GDK_KEY_Page_Up, 0));
  assert_value (v, page);
  g_assert_true (press_key (view, GDK_KEY_space, GDK_SHIFT_MASK));
  assert_value (v, 0);
  g_assert_true (press_key (view, GDK_KEY_KP_Page_Down, 0));
  assert_value (v, page);

  /* End and Home: the last page, the first. */
  bottom = gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v);
  g_assert_cmpfloat (bottom, >, 2 * page);
  g_assert_true (press_key (view, GDK_KEY_End, 0));
  assert_value (v, bottom);
  g_assert_cmpuint (gloss_pdf_view_get_page (view), ==, 2);
  g_assert_true (press_key (view, GDK_KEY_Home, 0));
  assert_value (v, 0);
  g_assert_cmpuint (gloss_pdf_view_get_page (view), ==, 0);
  g_assert_true (press_key (view, GDK_KEY_End, GDK_CONTROL_MASK));
  assert_value (v, bottom);
  g_assert_true (press_key (view, GDK_KEY_Home, GDK_CONTROL_MASK));
  assert_value (v, 0);

  /* Left and right, once the page is wider than the view. */
  gloss_pdf_view_set_zoom (view, 2.0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h), >, 200);
  gtk_adjustment_set_value (h, 100);
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  assert_value (h, 100 + step);
  g_assert_true (press_key (view, GDK_KEY_Left, 0));
  assert_value (h, 100);
  g_assert_true (press_key (view, GDK_KEY_KP_Left, 0));
  assert_value (h, 100 - step);
}

static void
test_keys_commands (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossPdfView *view = fixture->view;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  guint start, s = 0, e = 0, notified = 0;
  char *text;

  show_document (fixture);
  g_signal_connect_swapped (view, "notify::has-selection", G_CALLBACK (g_atomic_int_inc), &notified);

  /* Without a selection, Escape and Ctrl+C are the window's. */
  gdk_clipboard_set_text (clipboard, "before");
  g_assert_false (press_key (view, GDK_KEY_Escape, 0));
  g_assert_false (press_key (view, GDK_KEY_c, GDK_CONTROL_MASK));
  text = clipboard_text (clipboard);
  g_assert_cmpstr (text, ==, "before");
  g_free (text);

  /* Ctrl+C and Ctrl+Insert copy the selected text. */
  start = gloss_test_layout_offset_of (fixture->layout, "zeppelin");
  gloss_pdf_view_set_selection (view, start, start + strlen ("zeppelin"));
  g_assert_true (press_key (view, GDK_KEY_c, GDK_CONTROL_MASK));
  text = clipboard_text (clipboard);
  g_assert_cmpstr (text, ==, "zeppelin");
  g_free (text);

  start = gloss_test_layout_offset_of (fixture->layout, "quokka");
  gloss_pdf_view_set_selection (view, start, start + strlen ("quokka"));
  g_assert_true (press_key (view, GDK_KEY_Insert, GDK_CONTROL_MASK));
  text = clipboard_text (clipboard);
  g_assert_cmpstr (text, ==, "quokka");
  g_free (text);

  /* Escape clears it. */
  g_assert_true (press_key (view, GDK_KEY_Escape, 0));
  g_assert_false (gloss_pdf_view_get_selection (view, NULL, NULL));
  g_assert_cmpuint (notified, ==, 2);

  /* Ctrl+A selects the whole text. */
  g_assert_true (press_key (view, GDK_KEY_a, GDK_CONTROL_MASK));
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, 0);
  g_assert_cmpuint (e, ==, gloss_layout_get_n_chars (fixture->layout));

  /* Ctrl+plus, Ctrl+minus, Ctrl+0 zoom. */
  g_assert_true (press_key (view, GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (gloss_pdf_view_get_zoom (view), 1.1, 1e-9);
  g_assert_true (press_key (view, GDK_KEY_equal, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (gloss_pdf_view_get_zoom (view), 1.25, 1e-9);
  g_assert_true (press_key (view, GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (gloss_pdf_view_get_zoom (view), 1.1, 1e-9);
  g_assert_true (press_key (view, GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (gloss_pdf_view_get_zoom (view), 1.0, 1e-9);
}

static void
test_mouse_word_line (Fixture       *fixture,
                      gconstpointer  data)
{
  GlossPdfView *view = fixture->view;
  GlossLayout *layout = fixture->layout;
  const char *text = gloss_layout_get_text (layout);
  guint start = gloss_test_layout_offset_of (layout, "zeppelin"), s = 0, e = 0;
  double x, y;
  char *selected;

  show_document (fixture);
  char_point (view, layout, start + 3, 0.5, &x, &y);

  /* A single click selects nothing; the second press selects the word,
   * and its release keeps it. */
  gloss_test_pdf_view_click (view, 1, x, y, 0);
  g_assert_false (gloss_pdf_view_get_selection (view, NULL, NULL));
  gloss_test_pdf_view_click (view, 2, x, y, 0);
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, start + strlen ("zeppelin"));

  /* A third selects the line, within its line breaks. */
  gloss_test_pdf_view_click (view, 3, x, y, 0);
  selected = selected_text (fixture);
  g_test_message ("triple click: “%s”", selected);
  g_assert_nonnull (strstr (selected, "zeppelin"));
  g_assert_null (strchr (selected, '\n'));
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpint (g_utf8_get_char (g_utf8_offset_to_pointer (text, s - 1)), ==, '\n');
  g_assert_true (e == gloss_layout_get_page (layout, 0)->end ||
                 g_utf8_get_char (g_utf8_offset_to_pointer (text, e)) == '\n');
  g_assert_cmpuint (strlen (selected), >, strlen ("zeppelin") + 10);
  g_free (selected);

  /* A plain click clears the selection. */
  gloss_test_pdf_view_click (view, 1, x, y, 0);
  g_assert_false (gloss_pdf_view_get_selection (view, NULL, NULL));

  /* An apostrophe belongs to the word. */
  start = gloss_test_layout_offset_of (layout, "children's");
  char_point (view, layout, start + 2, 0.5, &x, &y);
  gloss_test_pdf_view_click (view, 1, x, y, 0);
  gloss_test_pdf_view_click (view, 2, x, y, 0);
  selected = selected_text (fixture);
  g_assert_cmpstr (selected, ==, "children's");
  g_free (selected);
}

static void
test_mouse_shift_click (Fixture       *fixture,
                        gconstpointer  data)
{
  GlossPdfView *view = fixture->view;
  GlossLayout *layout = fixture->layout;
  guint early = gloss_test_layout_offset_of (layout, "early help");
  double x1, y1, x2, y2;
  char *selected;

  show_document (fixture);

  /* A drag over "early" with the mouse. */
  char_point (view, layout, early, 0.25, &x1, &y1);
  char_point (view, layout, early + 4, 0.75, &x2, &y2);
  _gloss_pdf_view_drag_begin (view, x1, y1, 0);
  _gloss_pdf_view_click (view, 1, x1, y1);
  _gloss_pdf_view_drag_update (view, x2 - x1, y2 - y1);
  _gloss_pdf_view_drag_end (view);
  selected = selected_text (fixture);
  g_assert_cmpstr (selected, ==, "early");
  g_free (selected);

  /* Shift+click after it extends it to the click. */
  char_point (view, layout, early + strlen ("early help") - 1, 0.75, &x2, &y2);
  gloss_test_pdf_view_click (view, 1, x2, y2, GDK_SHIFT_MASK);
  selected = selected_text (fixture);
  g_assert_cmpstr (selected, ==, "early help");
  g_free (selected);

  /* Shift+click before it: from the click to where the drag began. */
  char_point (view, layout, gloss_test_layout_offset_of (layout, "speaks of early"), 0.25, &x2, &y2);
  gloss_test_pdf_view_click (view, 1, x2, y2, GDK_SHIFT_MASK);
  selected = selected_text (fixture);
  g_assert_cmpstr (selected, ==, "speaks of ");
  g_free (selected);

  /* And onto the next page. */
  char_point (view, layout, gloss_test_layout_offset_of (layout, "marmalade") + 3, 0.75, &x2, &y2);
  gloss_test_pdf_view_click (view, 1, x2, y2, GDK_SHIFT_MASK);
  selected = selected_text (fixture);
  g_assert_true (g_str_has_prefix (selected, "early help"));
  g_assert_true (g_str_has_suffix (selected, "marm"));
  g_free (selected);

  /* Without Shift, a click starts again. */
  gloss_test_pdf_view_click (view, 1, x1, y1, 0);
  g_assert_false (gloss_pdf_view_get_selection (view, NULL, NULL));
}

static gboolean
selection_reaches_page_2 (gpointer data)
{
  Fixture *fixture = data;
  guint end = 0;

  gloss_pdf_view_get_selection (fixture->view, NULL, &end);
  return end > gloss_layout_get_page (fixture->layout, 1)->start;
}

/* A drag below the view scrolls it and extends the selection, until the
 * button is released. */
static void
test_mouse_autoscroll (Fixture       *fixture,
                       gconstpointer  data)
{
  GlossPdfView *view = fixture->view;
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint start = gloss_test_layout_offset_of (fixture->layout, "Alpha"), s = 0, e = 0;
  double x, y, value;

  show_document (fixture);
  char_point (view, fixture->layout, start, 0.25, &x, &y);

  /* Below the view, the selection ends with the text of page 1 ... */
  _gloss_pdf_view_drag_begin (view, x, y, 0);
  _gloss_pdf_view_drag_update (view, 0, gtk_widget_get_height (GTK_WIDGET (view)) + 80 - y);
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, <=, gloss_layout_get_page (fixture->layout, 0)->end);
  assert_value (v, 0);

  /* ... until the view scrolls on its own and page 2 comes under the
   * pointer. */
  g_assert_true (gloss_test_wait_for (selection_reaches_page_2, fixture, 5000));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 100);
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, start);

  /* The release stops it. */
  _gloss_pdf_view_drag_end (view);
  value = gtk_adjustment_get_value (v);
  gloss_test_settle (100);
  assert_value (v, value);
  g_assert_true (gloss_pdf_view_get_selection (view, NULL, NULL));
}

/* The text cursor over text; Ctrl+scroll zooms about the pointer. */
static void
test_mouse_pointer (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossPdfView *view = fixture->view;
  guint start = gloss_test_layout_offset_of (fixture->layout, "zeppelin");
  double x, y, x2, y2;
  GdkCursor *cursor;

  show_document (fixture);
  char_point (view, fixture->layout, start + 3, 0.5, &x, &y);

  _gloss_pdf_view_motion (view, x, y);
  cursor = gtk_widget_get_cursor (GTK_WIDGET (view));
  g_assert_nonnull (cursor);
  g_assert_cmpstr (gdk_cursor_get_name (cursor), ==, "text");
  _gloss_pdf_view_motion (view, 4, y);
  g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (view)));
  _gloss_pdf_view_motion (view, x, y);

  /* Without Ctrl the scrolled window scrolls. */
  g_assert_false (_gloss_pdf_view_scroll (view, 0, -1, 0));
  g_assert_cmpfloat (gloss_pdf_view_get_zoom (view), ==, 1.0);

  gloss_pdf_view_set_fit_width (view, TRUE);
  gloss_test_settle (100);
  char_point (view, fixture->layout, start + 3, 0.5, &x, &y);
  _gloss_pdf_view_motion (view, x, y);
  {
    double zoom = gloss_pdf_view_get_zoom (view);

    g_assert_true (_gloss_pdf_view_scroll (view, 0, -1, GDK_CONTROL_MASK));
    g_assert_cmpfloat_with_epsilon (gloss_pdf_view_get_zoom (view), zoom * 1.15, 1e-9);
  }
  g_assert_false (gloss_pdf_view_get_fit_width (view));
  char_point (view, fixture->layout, start + 3, 0.5, &x2, &y2);
  g_assert_cmpfloat (fabs (x2 - x), <, 1);
  g_assert_cmpfloat (fabs (y2 - y), <, 1);
}

/* Under -Db_sanitize=address, LeakSanitizer would report fontconfig's
 * caches, which live as long as the process by design. */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

int
main (int   argc,
      char *argv[])
{
  gloss_test_gtk_init (&argc, &argv);

  g_test_add ("/pdf-view/render-and-select", Fixture, NULL, fixture_setup, test_render_and_select, fixture_teardown);
  g_test_add ("/pdf-view/zoom", Fixture, NULL, fixture_setup, test_zoom, fixture_teardown);
  g_test_add ("/pdf-view/copy", Fixture, NULL, fixture_setup, test_copy, fixture_teardown);
  g_test_add ("/pdf-view/invalid", Fixture, NULL, fixture_setup, test_invalid_pdf, fixture_teardown);
  g_test_add ("/pdf-view/no-layout", Fixture, NULL, fixture_setup, test_no_layout, fixture_teardown);
  g_test_add ("/pdf-view/many-pages", Fixture, NULL, fixture_setup, test_many_pages, fixture_teardown);
  g_test_add ("/pdf-view/rotated-text", Fixture, NULL, fixture_setup, test_rotated, fixture_teardown);
  g_test_add ("/pdf-view/rotated-page", Fixture, NULL, fixture_setup, test_rotated_page, fixture_teardown);
  g_test_add ("/pdf-view/keys/scroll", Fixture, NULL, fixture_setup, test_keys_scroll, fixture_teardown);
  g_test_add ("/pdf-view/keys/commands", Fixture, NULL, fixture_setup, test_keys_commands, fixture_teardown);
  g_test_add ("/pdf-view/mouse/word-line", Fixture, NULL, fixture_setup, test_mouse_word_line, fixture_teardown);
  g_test_add ("/pdf-view/mouse/shift-click", Fixture, NULL, fixture_setup, test_mouse_shift_click, fixture_teardown);
  g_test_add ("/pdf-view/mouse/autoscroll", Fixture, NULL, fixture_setup, test_mouse_autoscroll, fixture_teardown);
  g_test_add ("/pdf-view/mouse/pointer", Fixture, NULL, fixture_setup, test_mouse_pointer, fixture_teardown);

  return g_test_run ();
}
