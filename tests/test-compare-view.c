/* test-compare-view.c: two coders compared side by side in the PDF and
 * text viewers, the compare bar and its figures, the agreement view and
 * its exports; under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "gloss-agreement-view.h"
#include "gloss-application.h"
#include "gloss-codebook.h"
#include "gloss-compare-bar.h"
#include "gloss-comparison.h"
#include "gloss-pdf-view-private.h"
#include "gloss-test-ui.h"
#include "gloss-text-view.h"

static GlossApplication *app;

#define RED    "#e01b24"
#define PURPLE "#9141ac"

typedef struct
{
  char         *tmpdir;
  GlossProject *project;
  gint64        pdf_id;
  gint64        text_id;
  gint64        ann;         /* coders */
  gint64        ben;
  gint64        cat;
  gint64        early;       /* codes: "Practice/Early help" */
  gint64        family;      /* "Practice/Early help/Family support" */
  gint64        leadership;  /* "Leadership" */
  GlossLayout  *pdf_layout;
  GlossLayout  *text_layout;
  /* codings */
  gint64        pdf_ann_early;
  gint64        pdf_ben_early;
  gint64        pdf_ann_leadership;
  gint64        text_ann_early;
  gint64        text_ben_early;
} Fixture;

/* Pixels -------------------------------------------------------------------- */

static void
pixel_hsv (cairo_surface_t *surface,
           int              x,
           int              y,
           double          *h,
           double          *s,
           double          *v)
{
  guint red, green, blue;
  double r, g, b, max, min, d;

  gloss_test_pixel_rgb (surface, x, y, &red, &green, &blue);
  r = red / 255.0;
  g = green / 255.0;
  b = blue / 255.0;
  max = MAX (r, MAX (g, b));
  min = MIN (r, MIN (g, b));
  d = max - min;
  *v = max;
  *s = max > 0 ? d / max : 0;
  if (d <= 0)
    *h = 0;
  else if (max == r)
    *h = 60 * fmod ((g - b) / d + 6, 6);
  else if (max == g)
    *h = 60 * ((b - r) / d + 2);
  else
    *h = 60 * ((r - g) / d + 4);
}

static double
hue_of_rgba (const GdkRGBA *rgba)
{
  double max = MAX (rgba->red, MAX (rgba->green, rgba->blue));
  double min = MIN (rgba->red, MIN (rgba->green, rgba->blue));
  double d = max - min;

  if (max == rgba->red)
    return 60 * fmod ((rgba->green - rgba->blue) / d + 6, 6);
  if (max == rgba->green)
    return 60 * ((rgba->blue - rgba->red) / d + 2);
  return 60 * ((rgba->red - rgba->green) / d + 4);
}

static double
hue_of (const char *colour)
{
  GdkRGBA rgba;

  g_assert_true (gdk_rgba_parse (&rgba, colour));
  return hue_of_rgba (&rgba);
}

/* The hues of the comparison, written out here: green, blue, orange. */
static double
kind_hue (GlossComparisonKind kind)
{
  switch (kind)
    {
    case GLOSS_COMPARISON_BOTH:
      return hue_of ("#2ec27e");
    case GLOSS_COMPARISON_ONLY_A:
      return hue_of ("#3584e4");
    case GLOSS_COMPARISON_ONLY_B:
    default:
      return hue_of ("#ff7800");
    }
}

static double
hue_distance (double a,
              double b)
{
  double d = fabs (a - b);

  return MIN (d, 360 - d);
}

typedef struct
{
  guint  total;
  guint  tinted;     /* saturated pixels near the hue */
  guint  coloured;   /* saturated pixels of any hue */
  guint  inked;      /* pixels far from the background grey */
  double mean_hue;
} Tint;

static Tint
count_tint (cairo_surface_t *surface,
            double           x1,
            double           y1,
            double           x2,
            double           y2,
            double           hue)
{
  int px1, py1, px2, py2;
  Tint tint = { 0 };
  double sx = 0, sy = 0;

  gloss_test_pixel_bounds (surface, x1, y1, x2, y2, &px1, &py1, &px2, &py2);
  for (int y = py1; y < py2; y++)
    for (int x = px1; x < px2; x++)
      {
        double h, s, v;

        pixel_hsv (surface, x, y, &h, &s, &v);
        tint.total++;
        if (s > 0.12 && v > 0.2)
          {
            tint.coloured++;
            sx += cos (h * G_PI / 180);
            sy += sin (h * G_PI / 180);
            if (hue >= 0 && hue_distance (h, hue) < 15)
              tint.tinted++;
          }
      }

  if (tint.coloured > 0)
    tint.mean_hue = fmod (atan2 (sy, sx) * 180 / G_PI + 360, 360);

  return tint;
}

static void
assert_tinted (Tint        tint,
               const char *what)
{
  g_test_message ("%s: %u of %u pixels tinted (%u coloured, mean hue %.0f)",
                  what, tint.tinted, tint.total, tint.coloured, tint.mean_hue);
  g_assert_cmpuint (tint.total, >, 20);
  g_assert_cmpuint (tint.tinted, >, tint.total / 2);
}

/* Pixels of the rectangle that differ from the grey background by more
 * than a little: a label's letters. */
static guint
count_ink (cairo_surface_t *surface,
           double           x1,
           double           y1,
           double           x2,
           double           y2,
           double           grey)
{
  int px1, py1, px2, py2;
  guint n = 0;

  gloss_test_pixel_bounds (surface, x1, y1, x2, y2, &px1, &py1, &px2, &py2);
  for (int y = py1; y < py2; y++)
    for (int x = px1; x < px2; x++)
      {
        guint r, g, b;

        gloss_test_pixel_rgb (surface, x, y, &r, &g, &b);
        if (fabs ((r + g + b) / 3.0 - grey * 255) > 60)
          n++;
      }

  return n;
}

/* Project ------------------------------------------------------------------- */

static gint64
code (Fixture    *fixture,
      const char *path,
      const char *colour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) c = gloss_project_ensure_code_path (fixture->project, path, colour, NULL, &error);

  g_assert_no_error (error);
  return gloss_code_get_id (c);
}

/* A coding from the start of from to the end of to (searched after from). */
static gint64
add_coding (Fixture     *fixture,
            gint64       document_id,
            GlossLayout *layout,
            gint64       code_id,
            gint64       coder_id,
            const char  *from,
            const char  *to)
{
  const char *text = gloss_layout_get_text (layout);
  guint start = gloss_test_offset_of (text, from);
  guint end = start + gloss_test_offset_of (g_utf8_offset_to_pointer (text, start), to) + g_utf8_strlen (to, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = NULL;

  coding = gloss_project_add_coding (fixture->project, document_id, code_id, coder_id, start, end, NULL, &error);
  g_assert_no_error (error);
  return gloss_coding_get_id (coding);
}

static GlossLayout *
load_layout (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  GlossLayout *layout = gloss_project_load_layout (fixture->project, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

/* The codings of a document by one coder. */
static GPtrArray *
list_codings (Fixture *fixture,
              gint64   document_id,
              gint64   coder_id)
{
  GlossCodingFilter filter = { document_id, 0, FALSE, coder_id };
  g_autoptr(GError) error = NULL;
  GPtrArray *codings = gloss_project_list_codings (fixture->project, &filter, &error);

  g_assert_no_error (error);
  return codings;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = gloss_test_make_tmpdir ();
  fixture->project = gloss_test_demo_project_new (fixture->tmpdir, &fixture->pdf_id, &fixture->text_id);
  fixture->ann = gloss_project_ensure_coder (fixture->project, "Ann Smith", &error);
  g_assert_no_error (error);
  fixture->ben = gloss_project_ensure_coder (fixture->project, "Ben Jones", &error);
  g_assert_no_error (error);

  fixture->early = code (fixture, "Practice/Early help", RED);
  fixture->family = code (fixture, "Practice/Early help/Family support", RED);
  fixture->leadership = code (fixture, "Leadership", PURPLE);
  fixture->pdf_layout = load_layout (fixture, fixture->pdf_id);
  fixture->text_layout = load_layout (fixture, fixture->text_id);

  /* The PDF: Ann "Early help for children", Ben "children in the
   * borough"; Ann also codes "management oversight" as Leadership. */
  fixture->pdf_ann_early = add_coding (fixture, fixture->pdf_id, fixture->pdf_layout, fixture->early, fixture->ann,
                                       "Early help", "children");
  fixture->pdf_ben_early = add_coding (fixture, fixture->pdf_id, fixture->pdf_layout, fixture->early, fixture->ben,
                                       "children", "borough");
  fixture->pdf_ann_leadership = add_coding (fixture, fixture->pdf_id, fixture->pdf_layout, fixture->leadership,
                                            fixture->ann, "management oversight", "strong");

  /* The text: Ann "Café visits: the résumé", Ben "the résumé of each
   * social worker". */
  fixture->text_ann_early = add_coding (fixture, fixture->text_id, fixture->text_layout, fixture->early, fixture->ann,
                                        "Café visits", "résumé");
  fixture->text_ben_early = add_coding (fixture, fixture->text_id, fixture->text_layout, fixture->early, fixture->ben,
                                        "the résumé", "social worker");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gloss_test_destroy_windows (NULL);
  g_clear_pointer (&fixture->pdf_layout, gloss_layout_unref);
  g_clear_pointer (&fixture->text_layout, gloss_layout_unref);
  g_clear_object (&fixture->project);
  gloss_test_remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

/* Interval arithmetic -------------------------------------------------------- */

static GlossCoding *
fake_coding (gint64      id,
             gint64      code_id,
             const char *path,
             guint       start,
             guint       end)
{
  GlossCodingData data = { 0 };

  data.id = id;
  data.code_id = code_id;
  data.code_path = path;
  data.colour = RED;
  data.coder_id = 1;
  data.start = start;
  data.end = end;
  return gloss_coding_new (&data);
}

static void
assert_range (GArray              *ranges,
              guint                i,
              guint                start,
              guint                end,
              GlossComparisonKind  kind)
{
  const GlossComparisonRange *range;

  g_assert_cmpuint (i, <, ranges->len);
  range = &g_array_index (ranges, GlossComparisonRange, i);
  g_assert_cmpuint (range->start, ==, start);
  g_assert_cmpuint (range->end, ==, end);
  g_assert_cmpint (range->kind, ==, kind);
}

static void
test_ranges (void)
{
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GlossComparison) cmp = NULL;
  g_autoptr(GArray) ranges = NULL;
  guint64 both, only_a, only_b;
  char *la, *lb;

  /* A: [0,10) ∪ [5,20) = [0,20), [30,40), [50,60) of a sub-code, [70,80)
   * of another code.  B: [10,15), [18,35), [40,45) touching A's. */
  g_ptr_array_add (a, fake_coding (1, 7, "Early", 0, 10));
  g_ptr_array_add (a, fake_coding (2, 7, "Early", 5, 20));
  g_ptr_array_add (a, fake_coding (3, 7, "Early", 30, 40));
  g_ptr_array_add (a, fake_coding (4, 8, "Early/Sub", 50, 60));
  g_ptr_array_add (a, fake_coding (5, 9, "Earlyish", 70, 80));
  g_ptr_array_add (b, fake_coding (6, 7, "Early", 10, 15));
  g_ptr_array_add (b, fake_coding (7, 7, "Early", 18, 35));
  g_ptr_array_add (b, fake_coding (8, 7, "Early", 40, 45));

  cmp = gloss_comparison_new (a, b, "Ann Smith", "Ben Jones", 7, "Early", FALSE);
  ranges = gloss_comparison_compute_ranges (cmp, 100);
  /* [0,10) A, [10,15) both, [15,18) A, [18,20) both, [20,30) B, [30,35)
   * both, [35,40) A, [40,45) B. */
  g_assert_cmpuint (ranges->len, ==, 8);
  assert_range (ranges, 0, 0, 10, GLOSS_COMPARISON_ONLY_A);
  assert_range (ranges, 1, 10, 15, GLOSS_COMPARISON_BOTH);
  assert_range (ranges, 2, 15, 18, GLOSS_COMPARISON_ONLY_A);
  assert_range (ranges, 3, 18, 20, GLOSS_COMPARISON_BOTH);
  assert_range (ranges, 4, 20, 30, GLOSS_COMPARISON_ONLY_B);
  assert_range (ranges, 5, 30, 35, GLOSS_COMPARISON_BOTH);
  assert_range (ranges, 6, 35, 40, GLOSS_COMPARISON_ONLY_A);
  assert_range (ranges, 7, 40, 45, GLOSS_COMPARISON_ONLY_B);
  gloss_comparison_count (ranges, &both, &only_a, &only_b);
  g_assert_cmpuint (both, ==, 5 + 2 + 5);
  g_assert_cmpuint (only_a, ==, 10 + 3 + 5);
  g_assert_cmpuint (only_b, ==, 10 + 5);
  g_clear_pointer (&ranges, g_array_unref);

  /* With sub-codes: "Early/Sub" counts, "Earlyish" does not; clipped to
   * the text. */
  cmp->with_subcodes = TRUE;
  ranges = gloss_comparison_compute_ranges (cmp, 55);
  g_assert_cmpuint (ranges->len, ==, 9);
  assert_range (ranges, 8, 50, 55, GLOSS_COMPARISON_ONLY_A);
  g_clear_pointer (&ranges, g_array_unref);

  /* Labels: initials, or more when they read alike. */
  gloss_comparison_get_labels (cmp, &la, &lb);
  g_assert_cmpstr (la, ==, "AS");
  g_assert_cmpstr (lb, ==, "BJ");
  g_free (la);
  g_free (lb);
  g_free (cmp->name_b);
  cmp->name_b = g_strdup ("Alan Smart");
  gloss_comparison_get_labels (cmp, &la, &lb);
  g_assert_cmpstr (la, ==, "Ann");
  g_assert_cmpstr (lb, ==, "Ala");
  g_free (la);
  g_free (lb);
}

/* The viewers --------------------------------------------------------------- */

/* The widget rectangle of [start, end) on one line of the PDF. */
static void
pdf_range_rect (GlossPdfView *view,
                GlossLayout  *layout,
                const char   *words,
                double       *x1,
                double       *y1,
                double       *x2,
                double       *y2)
{
  guint start = gloss_test_layout_offset_of (layout, words);
  g_autoptr(GArray) rects = gloss_layout_rects_for_range (layout, start, start + g_utf8_strlen (words, -1));
  const GlossPageRect *r;

  g_assert_nonnull (rects);
  g_assert_cmpuint (rects->len, ==, 1);
  r = &g_array_index (rects, GlossPageRect, 0);
  g_assert_true (gloss_pdf_view_page_to_widget (view, r->page, r->rect.x1, r->rect.y1, x1, y1));
  g_assert_true (gloss_pdf_view_page_to_widget (view, r->page, r->rect.x2, r->rect.y2, x2, y2));
}

static Tint
pdf_tint (cairo_surface_t *surface,
          GlossPdfView    *view,
          GlossLayout     *layout,
          const char      *words,
          double           hue)
{
  double x1, y1, x2, y2;

  pdf_range_rect (view, layout, words, &x1, &y1, &x2, &y2);
  return count_tint (surface, x1 + 1, y1 + 1, x2 - 1, y2 - 1, hue);
}

static void
text_char_rect (GlossTextView *view,
                guint          offset,
                double        *x1,
                double        *y1,
                double        *x2,
                double        *y2)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  *x1 = wx;
  *y1 = wy;
  *x2 = wx + rect.width;
  *y2 = wy + rect.height;
}

static Tint
text_tint (cairo_surface_t *surface,
           GlossTextView   *view,
           const char      *words,
           double           hue)
{
  const char *text = gloss_layout_get_text (gloss_text_view_get_layout (view));
  guint start = gloss_test_offset_of (text, words);
  guint end = start + g_utf8_strlen (words, -1);
  double x1, y1, x2, y2, ex1, ey1, ex2, ey2;

  text_char_rect (view, start, &x1, &y1, &x2, &y2);
  text_char_rect (view, end - 1, &ex1, &ey1, &ex2, &ey2);
  g_assert_cmpfloat (fabs (ey1 - y1), <, 1);   /* one line */
  return count_tint (surface, x1, y1 + 1, ex2, y2 - 1, hue);
}

/* The background colour of the text at offset, or FALSE for none. */
static gboolean
text_background (GlossTextView *view,
                 guint          offset,
                 GdkRGBA       *colour)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter iter;
  GSList *tags;
  gboolean found = FALSE;
  int priority = -1;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean set;

      g_object_get (l->data, "background-set", &set, NULL);
      if (set && gtk_text_tag_get_priority (l->data) > priority)
        {
          GdkRGBA *rgba = NULL;

          g_object_get (l->data, "background-rgba", &rgba, NULL);
          *colour = *rgba;
          gdk_rgba_free (rgba);
          priority = gtk_text_tag_get_priority (l->data);
          found = TRUE;
        }
    }
  g_slist_free (tags);

  return found;
}

static void
assert_background (GlossTextView *view,
                   const char    *words,
                   const char    *colour,
                   double         alpha)
{
  guint start = gloss_test_offset_of (gloss_layout_get_text (gloss_text_view_get_layout (view)), words);
  guint end = start + g_utf8_strlen (words, -1);
  GdkRGBA expected;

  g_assert_true (gdk_rgba_parse (&expected, colour));
  for (guint offset = start; offset < end; offset++)
    {
      GdkRGBA rgba;

      g_assert_true (text_background (view, offset, &rgba));
      g_assert_cmpfloat_with_epsilon (rgba.red, expected.red, 1e-6);
      g_assert_cmpfloat_with_epsilon (rgba.green, expected.green, 1e-6);
      g_assert_cmpfloat_with_epsilon (rgba.blue, expected.blue, 1e-6);
      g_assert_cmpfloat_with_epsilon (rgba.alpha, alpha, 1e-6);
    }
}

static gboolean
figures_ready (gpointer data)
{
  GlossCompareBar *bar = data;

  return !gloss_compare_bar_get_loading (bar) && gloss_compare_bar_get_figures (bar, NULL, NULL, NULL);
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

typedef struct
{
  guint *count;
  guint  before;
} Growth;

static gboolean
has_grown (gpointer data)
{
  Growth *growth = data;

  return *growth->count > growth->before;
}

/* Checks the bar's figures against the 2×2 table a (both), b (only A), c
 * (only B) of n characters, computed here by hand. */
static void
assert_figures (GlossCompareBar *bar,
                double           a,
                double           b,
                double           c,
                double           n)
{
  double d = n - a - b - c;
  double p_o = (a + d) / n;
  double p_e = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n);
  double kappa = (p_o - p_e) / (1 - p_e);
  /* Two coders, binary values, no missing ones: 2n pairable values, the
   * coincidences o_01 = o_10 = b + c, n_1 = 2a + b + c, n_0 = 2d + b + c. */
  double n1 = 2 * a + b + c, n0 = 2 * d + b + c;
  double alpha = 1 - (2 * n - 1) * (b + c) / (n0 * n1);
  double percent, k, al;
  g_autofree char *percent_text = NULL;

  g_assert_true (gloss_test_wait_for (figures_ready, bar, 10000));
  g_assert_true (gloss_compare_bar_get_figures (bar, &percent, &k, &al));
  g_test_message ("figures: %s (expected %.4f, %.4f, %.4f)",
                  gloss_compare_bar_get_figures_text (bar), p_o, kappa, alpha);
  g_assert_cmpfloat_with_epsilon (percent, p_o, 1e-9);
  g_assert_cmpfloat_with_epsilon (k, kappa, 1e-9);
  g_assert_cmpfloat_with_epsilon (al, alpha, 1e-9);

  percent_text = g_strdup_printf ("%.1f %%", 100 * p_o);
  g_assert_nonnull (strstr (gloss_compare_bar_get_figures_text (bar), percent_text));
}

static void
test_viewers (Fixture       *fixture,
              gconstpointer  data)
{
  GlossLayout *pdf_layout = fixture->pdf_layout;
  GlossLayout *text_layout = fixture->text_layout;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) pdf_codings = list_codings (fixture, fixture->pdf_id, 0);
  g_autoptr(GPtrArray) text_codings = list_codings (fixture, fixture->text_id, 0);
  g_autoptr(GlossComparison) pdf_cmp = NULL;
  g_autoptr(GlossComparison) text_cmp = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *box, *pane, *pdf_scrolled, *text_scrolled;
  GlossCompareBar *bar;
  GlossPdfView *pdf;
  GlossTextView *text;
  GlossCodingStripes *stripes;
  cairo_surface_t *surface;
  graphene_rect_t bar_a, bar_b, bar_lead;
  double page_x_normal, page_x, page_y;
  guint n_changed = 0;
  Tint tint;

  bytes = gloss_project_load_document_bytes (fixture->project, fixture->pdf_id, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1380, 820);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  bar = GLOSS_COMPARE_BAR (gloss_compare_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bar));
  pane = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (pane, TRUE);
  pdf_scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_hexpand (pdf_scrolled, TRUE);
  gtk_widget_set_size_request (pdf_scrolled, 820, -1);
  text_scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_hexpand (text_scrolled, TRUE);
  gtk_widget_set_size_request (text_scrolled, 540, -1);
  gtk_box_append (GTK_BOX (pane), pdf_scrolled);
  gtk_box_append (GTK_BOX (pane), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (pane), text_scrolled);
  gtk_box_append (GTK_BOX (box), pane);
  gtk_window_set_child (GTK_WINDOW (window), box);

  pdf = GLOSS_PDF_VIEW (gloss_pdf_view_new ());
  text = GLOSS_TEXT_VIEW (gloss_text_view_new ());
  stripes = GLOSS_CODING_STRIPES (gloss_text_view_get_stripes (text));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (pdf_scrolled), GTK_WIDGET (pdf));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (text_scrolled), GTK_WIDGET (text));
  gloss_test_present (GTK_WINDOW (window));

  gloss_pdf_view_set_document (pdf, bytes, NULL, pdf_layout);
  gloss_pdf_view_set_zoom (pdf, 1.0);
  gloss_text_view_set_layout (text, text_layout);
  gloss_pdf_view_set_codings (pdf, pdf_codings);
  gloss_text_view_set_codings (text, text_codings);
  gloss_test_wait_rendered (pdf);
  gloss_test_settle (200);

  /* Normal mode: the codes' colours. */
  g_assert_true (gloss_pdf_view_page_to_widget (pdf, 0, 0, 0, &page_x_normal, NULL));
  surface = gloss_test_snapshot_view (GTK_WIDGET (pdf), 0.92);
  assert_tinted (pdf_tint (surface, pdf, pdf_layout, "Early help", hue_of (RED)), "normal: Early help (red)");
  cairo_surface_destroy (surface);

  /* The bar chooses the coders and the code. */
  g_signal_connect (bar, "changed", G_CALLBACK (count_signal), &n_changed);
  gloss_compare_bar_set_project (bar, fixture->project);
  gloss_compare_bar_set_document (bar, fixture->pdf_id);
  gloss_compare_bar_set_coders (bar, fixture->ann, fixture->ben);
  gloss_compare_bar_set_code (bar, fixture->early);
  g_assert_cmpuint (n_changed, >=, 1);
  g_assert_cmpint (gloss_compare_bar_get_coder_a (bar), ==, fixture->ann);
  g_assert_cmpint (gloss_compare_bar_get_coder_b (bar), ==, fixture->ben);
  g_assert_cmpint (gloss_compare_bar_get_code (bar), ==, fixture->early);
  g_assert_cmpstr (gloss_compare_bar_get_legend_text (bar, GLOSS_COMPARISON_BOTH), ==, "Both");
  g_assert_cmpstr (gloss_compare_bar_get_legend_text (bar, GLOSS_COMPARISON_ONLY_A), ==, "Only Ann Smith");
  g_assert_cmpstr (gloss_compare_bar_get_legend_text (bar, GLOSS_COMPARISON_ONLY_B), ==, "Only Ben Jones");

  pdf_cmp = gloss_compare_bar_dup_comparison (bar, NULL);
  g_assert_nonnull (pdf_cmp);
  g_assert_cmpuint (pdf_cmp->codings_a->len, ==, 2);
  g_assert_cmpuint (pdf_cmp->codings_b->len, ==, 1);
  g_assert_cmpstr (pdf_cmp->name_a, ==, "Ann Smith");
  g_assert_cmpstr (pdf_cmp->code_path, ==, "Practice/Early help");

  /* PDF: "Early help for children" by Ann, "children in the borough" by
   * Ben. */
  gloss_pdf_view_set_comparison (pdf, pdf_cmp);
  g_assert_nonnull (gloss_pdf_view_get_comparison (pdf));
  gloss_test_wait_rendered (pdf);
  gloss_test_settle (200);
  g_assert_true (gloss_pdf_view_page_to_widget (pdf, 0, 0, 0, &page_x, &page_y));
  g_test_message ("page left edge: %.0f normally, %.0f comparing", page_x_normal, page_x);
  g_assert_cmpfloat (page_x, >=, 16 + 2 * GLOSS_STRIPE_GROUP_WIDTH);

  surface = gloss_test_snapshot_view (GTK_WIDGET (pdf), 0.92);
  gloss_test_save_png (surface, "compare-pdf.png");
  assert_tinted (pdf_tint (surface, pdf, pdf_layout, "Early help", kind_hue (GLOSS_COMPARISON_ONLY_A)),
                 "only Ann: Early help (blue)");
  assert_tinted (pdf_tint (surface, pdf, pdf_layout, "children", kind_hue (GLOSS_COMPARISON_BOTH)),
                 "both: children (green)");
  assert_tinted (pdf_tint (surface, pdf, pdf_layout, "the borough", kind_hue (GLOSS_COMPARISON_ONLY_B)),
                 "only Ben: the borough (orange)");
  /* Another code's passage is not coloured. */
  tint = pdf_tint (surface, pdf, pdf_layout, "management oversight", -1);
  g_test_message ("Leadership passage: %u of %u coloured", tint.coloured, tint.total);
  g_assert_cmpuint (tint.coloured, <, tint.total / 20);

  /* Stripes in two groups: Ann's left, Ben's next to the page. */
  g_assert_true (_gloss_pdf_view_get_stripe_bar (pdf, fixture->pdf_ann_early, 0, &bar_a));
  g_assert_true (_gloss_pdf_view_get_stripe_bar (pdf, fixture->pdf_ben_early, 0, &bar_b));
  g_assert_true (_gloss_pdf_view_get_stripe_bar (pdf, fixture->pdf_ann_leadership, 0, &bar_lead));
  g_test_message ("bars: Ann %.1f–%.1f, Ben %.1f–%.1f, page at %.1f",
                  bar_a.origin.x, bar_a.origin.x + bar_a.size.width,
                  bar_b.origin.x, bar_b.origin.x + bar_b.size.width, page_x);
  g_assert_cmpfloat (bar_b.origin.x + bar_b.size.width, <=, page_x - GLOSS_STRIPE_INSET + 0.01);
  g_assert_cmpfloat (bar_b.origin.x, >=, page_x - GLOSS_STRIPE_GROUP_WIDTH);
  g_assert_cmpfloat (bar_a.origin.x + bar_a.size.width, <=, page_x - GLOSS_STRIPE_GROUP_WIDTH - GLOSS_STRIPE_INSET + 0.01);
  g_assert_cmpfloat (bar_lead.origin.x + bar_lead.size.width, <=, page_x - GLOSS_STRIPE_GROUP_WIDTH);
  assert_tinted (count_tint (surface, bar_a.origin.x + 1, bar_a.origin.y + 1,
                             bar_a.origin.x + bar_a.size.width - 1, bar_a.origin.y + bar_a.size.height - 1,
                             hue_of (RED)), "Ann's stripe (red)");
  assert_tinted (count_tint (surface, bar_b.origin.x + 1, bar_b.origin.y + 1,
                             bar_b.origin.x + bar_b.size.width - 1, bar_b.origin.y + bar_b.size.height - 1,
                             hue_of (RED)), "Ben's stripe (red)");
  /* The coders' initials over their columns, above the page. */
  {
    double top = MAX (page_y - GLOSS_STRIPE_LABEL_HEIGHT - 2, 0);
    double centre_a = page_x - GLOSS_STRIPE_GROUP_WIDTH - (GLOSS_STRIPE_INSET + GLOSS_STRIPE_GROUP_WIDTH) / 2;
    double centre_b = page_x - (GLOSS_STRIPE_INSET + GLOSS_STRIPE_GROUP_WIDTH) / 2;
    guint ink_a = count_ink (surface, centre_a - 12, top, centre_a + 12, top + GLOSS_STRIPE_LABEL_HEIGHT, 0.92);
    guint ink_b = count_ink (surface, centre_b - 12, top, centre_b + 12, top + GLOSS_STRIPE_LABEL_HEIGHT, 0.92);

    g_test_message ("labels: %u and %u pixels of ink", ink_a, ink_b);
    g_assert_cmpuint (ink_a, >, 10);
    g_assert_cmpuint (ink_b, >, 10);
  }
  cairo_surface_destroy (surface);

  /* The labels' tooltips name the coders. */
  {
    GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    double top = MAX (page_y - GLOSS_STRIPE_LABEL_HEIGHT - 2, 0);
    double centre_b = page_x - (GLOSS_STRIPE_INSET + GLOSS_STRIPE_GROUP_WIDTH) / 2;

    g_assert_true (_gloss_pdf_view_query_tooltip (GTK_WIDGET (pdf), centre_b, top + 8, FALSE, tooltip));
    g_object_unref (tooltip);
  }

  /* A click on Ben's bar selects his coding. */
  g_assert_cmpint (_gloss_pdf_view_stripe_at (pdf, bar_b.origin.x + 1, bar_b.origin.y + 3), ==, fixture->pdf_ben_early);
  g_assert_cmpint (_gloss_pdf_view_stripe_at (pdf, bar_a.origin.x + 1, bar_a.origin.y + 3), ==, fixture->pdf_ann_early);

  /* Text: "Café visits: the résumé" by Ann, "the résumé of each social
   * worker" by Ben. */
  gloss_compare_bar_set_document (bar, fixture->text_id);
  text_cmp = gloss_compare_bar_dup_comparison (bar, text_codings);
  g_assert_cmpuint (text_cmp->codings_a->len, ==, 1);
  g_assert_cmpuint (text_cmp->codings_b->len, ==, 1);
  gloss_text_view_set_comparison (text, text_cmp);
  g_assert_true (gloss_coding_stripes_get_comparison (stripes));
  assert_background (text, "Café visits: ", "#3584e4", GLOSS_COMPARISON_ALPHA);
  assert_background (text, "the résumé", "#2ec27e", GLOSS_COMPARISON_ALPHA);
  assert_background (text, " of each social worker", "#ff7800", GLOSS_COMPARISON_ALPHA);
  {
    GdkRGBA rgba;

    g_assert_false (text_background (text, gloss_test_layout_offset_of (text_layout, "Bravo"), &rgba));
    g_assert_false (text_background (text, gloss_test_layout_offset_of (text_layout, " was checked"), &rgba));
  }

  gloss_test_settle (200);
  surface = gloss_test_snapshot_view (GTK_WIDGET (text), 0.92);
  gloss_test_save_png (surface, "compare-text.png");
  assert_tinted (text_tint (surface, text, "Café visits", kind_hue (GLOSS_COMPARISON_ONLY_A)), "text: only Ann (blue)");
  assert_tinted (text_tint (surface, text, "the résumé", kind_hue (GLOSS_COMPARISON_BOTH)), "text: both (green)");
  assert_tinted (text_tint (surface, text, "each social worker", kind_hue (GLOSS_COMPARISON_ONLY_B)), "text: only Ben (orange)");

  g_assert_true (gloss_coding_stripes_get_bar (stripes, fixture->text_ann_early, &bar_a));
  g_assert_true (gloss_coding_stripes_get_bar (stripes, fixture->text_ben_early, &bar_b));
  g_assert_cmpfloat (bar_a.origin.x + bar_a.size.width, <, bar_b.origin.x - GLOSS_STRIPE_INSET + 0.01);
  g_assert_cmpfloat (bar_b.origin.x, >=, gtk_widget_get_width (GTK_WIDGET (stripes)) - GLOSS_STRIPE_GROUP_WIDTH);
  {
    graphene_point_t origin;
    double w = gtk_widget_get_width (GTK_WIDGET (stripes));
    double centre_a = w - GLOSS_STRIPE_GROUP_WIDTH - (GLOSS_STRIPE_INSET + GLOSS_STRIPE_GROUP_WIDTH) / 2;
    double centre_b = w - (GLOSS_STRIPE_INSET + GLOSS_STRIPE_GROUP_WIDTH) / 2;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (stripes), GTK_WIDGET (text),
                                             &GRAPHENE_POINT_INIT (0, 0), &origin));
    g_assert_cmpuint (count_ink (surface, origin.x + centre_a - 12, origin.y, origin.x + centre_a + 12,
                                 origin.y + GLOSS_STRIPE_LABEL_HEIGHT, 0.92), >, 10);
    g_assert_cmpuint (count_ink (surface, origin.x + centre_b - 12, origin.y, origin.x + centre_b + 12,
                                 origin.y + GLOSS_STRIPE_LABEL_HEIGHT, 0.92), >, 10);
    assert_tinted (count_tint (surface, origin.x + bar_b.origin.x + 1, origin.y + bar_b.origin.y + 1,
                               origin.x + bar_b.origin.x + bar_b.size.width - 1,
                               origin.y + bar_b.origin.y + bar_b.size.height - 1, hue_of (RED)),
                   "text: Ben's stripe (red)");
  }
  cairo_surface_destroy (surface);

  /* The figures of the text, by hand: a = |"the résumé"|, b = |"Café
   * visits: "|, c = |" of each social worker"|, over every character. */
  assert_figures (bar, g_utf8_strlen ("the résumé", -1), g_utf8_strlen ("Café visits: ", -1),
                  g_utf8_strlen (" of each social worker", -1), gloss_layout_get_n_chars (text_layout));

  /* And of the PDF. */
  gloss_compare_bar_set_document (bar, fixture->pdf_id);
  assert_figures (bar, g_utf8_strlen ("children", -1), g_utf8_strlen ("Early help for ", -1),
                  g_utf8_strlen (" in the borough", -1), gloss_layout_get_n_chars (pdf_layout));

  /* A new coding: the bar says "changed" and computes again. */
  {
    guint before = n_changed;
    gint64 id = add_coding (fixture, fixture->pdf_id, pdf_layout, fixture->early, fixture->ben,
                            "Early help", "help");
    Growth growth = { &n_changed, before };

    g_assert_cmpint (id, >, 0);
    g_assert_true (gloss_test_wait_for (has_grown, &growth, 5000));
    assert_figures (bar, g_utf8_strlen ("children", -1) + g_utf8_strlen ("Early help", -1),
                    g_utf8_strlen (" for ", -1), g_utf8_strlen (" in the borough", -1),
                    gloss_layout_get_n_chars (pdf_layout));
    g_clear_pointer (&pdf_cmp, gloss_comparison_free);
    pdf_cmp = gloss_compare_bar_dup_comparison (bar, NULL);
    g_assert_cmpuint (pdf_cmp->codings_b->len, ==, 2);
  }

  gloss_test_save_widget_png (window, "compare-window.png");

  /* Dark: the colours still read. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gloss_test_settle (300);
  surface = gloss_test_snapshot_view (GTK_WIDGET (text), 0.12);
  gloss_test_save_png (surface, "compare-text-dark.png");
  assert_tinted (text_tint (surface, text, "the résumé", kind_hue (GLOSS_COMPARISON_BOTH)), "dark: both (green)");
  assert_tinted (text_tint (surface, text, "Café visits", kind_hue (GLOSS_COMPARISON_ONLY_A)), "dark: only Ann (blue)");
  assert_tinted (text_tint (surface, text, "each social worker", kind_hue (GLOSS_COMPARISON_ONLY_B)), "dark: only Ben (orange)");
  cairo_surface_destroy (surface);
  surface = gloss_test_snapshot_view (window, 0.12);
  gloss_test_save_png (surface, "compare-window-dark.png");
  cairo_surface_destroy (surface);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gloss_test_settle (300);

  /* Leaving comparison mode restores the codings' highlights. */
  gloss_pdf_view_set_comparison (pdf, NULL);
  gloss_text_view_set_comparison (text, NULL);
  g_assert_null (gloss_pdf_view_get_comparison (pdf));
  g_assert_false (gloss_coding_stripes_get_comparison (stripes));
  gloss_test_wait_rendered (pdf);
  gloss_test_settle (200);
  g_assert_true (gloss_pdf_view_page_to_widget (pdf, 0, 0, 0, &page_x, NULL));
  g_assert_cmpfloat (page_x, ==, page_x_normal);
  surface = gloss_test_snapshot_view (GTK_WIDGET (pdf), 0.92);
  assert_tinted (pdf_tint (surface, pdf, pdf_layout, "Early help", hue_of (RED)), "after: Early help (red)");
  assert_tinted (pdf_tint (surface, pdf, pdf_layout, "the borough", hue_of (RED)), "after: the borough (red)");
  tint = pdf_tint (surface, pdf, pdf_layout, "management oversight", hue_of (PURPLE));
  assert_tinted (tint, "after: management oversight (purple)");
  cairo_surface_destroy (surface);
  assert_background (text, "Café visits: ", RED, 0.30);
  g_assert_true (gloss_coding_stripes_get_bar (stripes, fixture->text_ann_early, &bar_a));
  g_assert_true (gloss_coding_stripes_get_bar (stripes, fixture->text_ben_early, &bar_b));
  /* Side by side in adjacent columns again, no gap of a group between. */
  g_assert_cmpfloat (fabs (bar_a.origin.x - bar_b.origin.x), <, GLOSS_STRIPE_GROUP_WIDTH / 2);

  /* A new document leaves comparison mode. */
  gloss_pdf_view_set_comparison (pdf, pdf_cmp);
  gloss_pdf_view_set_document (pdf, bytes, NULL, pdf_layout);
  g_assert_null (gloss_pdf_view_get_comparison (pdf));
  gloss_text_view_set_comparison (text, text_cmp);
  gloss_text_view_set_layout (text, NULL);
  g_assert_null (gloss_text_view_get_comparison (text));

  /* Close: the "closed" signal. */
  {
    guint n_closed = 0;

    g_signal_connect (bar, "closed", G_CALLBACK (count_signal), &n_closed);
    g_signal_emit_by_name (bar, "closed");
    g_assert_cmpuint (n_closed, ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The agreement view ------------------------------------------------------------ */

static gboolean
table_ready (gpointer data)
{
  GlossAgreementView *view = data;

  return !gloss_agreement_view_get_loading (view) && gloss_agreement_view_get_n_rows (view) > 0;
}

static void
wait_table (GlossAgreementView *view)
{
  gloss_test_settle (50);
  g_assert_true (gloss_test_wait_for (table_ready, view, 10000));
  gloss_test_settle (100);
}

/* The row whose Code cell reads code. */
static guint
find_row (GlossAgreementView *view,
          const char         *code)
{
  for (guint row = 0; row < gloss_agreement_view_get_n_rows (view); row++)
    {
      g_autofree char *text = gloss_agreement_view_get_cell_by_title (view, row, "Code");

      if (g_strcmp0 (text, code) == 0)
        return row;
    }

  g_test_message ("no row “%s”", code);
  g_assert_not_reached ();
  return 0;
}

static void
assert_cell (GlossAgreementView *view,
             guint               row,
             const char         *title,
             const char         *expected)
{
  g_autofree char *text = gloss_agreement_view_get_cell_by_title (view, row, title);

  if (g_strcmp0 (text, expected) != 0)
    g_test_message ("row %u, column “%s”: “%s”, expected “%s”", row, title, text, expected);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_cell_uint (GlossAgreementView *view,
                  guint               row,
                  const char         *title,
                  guint64             expected)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, expected);

  assert_cell (view, row, title, text);
}

static char *
statistic (double value)
{
  char *text = g_strdup_printf ("%.3f", value);

  if (strcmp (text, "-0.000") == 0)
    {
      g_free (text);
      text = g_strdup ("0.000");
    }
  return text;
}

/* The figures of two coders over a 2×2 table, by hand (as in
 * assert_figures). */
static void
two_coder_figures (double  a,
                   double  b,
                   double  c,
                   double  n,
                   double *percent,
                   double *kappa,
                   double *alpha)
{
  double d = n - a - b - c;
  double p_e = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n);
  double n1 = 2 * a + b + c, n0 = 2 * d + b + c;

  *percent = (a + d) / n;
  *kappa = (*percent - p_e) / (1 - p_e);
  *alpha = 1 - (2 * n - 1) * (b + c) / (n0 * n1);
}

/* The menu button labelled label under widget. */
static GtkMenuButton *
find_menu_button (GtkWidget  *widget,
                  const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found;

      if (GTK_IS_MENU_BUTTON (child) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (child)), label) == 0)
        return GTK_MENU_BUTTON (child);
      if ((found = find_menu_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

/* Opens the menu button's popover and saves a picture of it. */
static void
save_popover_png (GtkWidget  *view,
                  const char *label,
                  const char *name)
{
  GtkMenuButton *button = find_menu_button (view, label);
  GtkPopover *popover;

  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (button);
  gtk_menu_button_popup (button);
  g_assert_true (gloss_test_wait_for (gloss_test_is_mapped, popover, 5000));
  gloss_test_settle (200);
  gloss_test_save_widget_png (gtk_popover_get_child (popover), name);
  gtk_menu_button_popdown (button);
  gloss_test_settle (100);
}

static void
compare_requested_cb (GlossAgreementView *view,
                      gint64              code_id,
                      gint64              document_id,
                      gint64             *out)
{
  out[0] = code_id;
  out[1] = document_id;
  out[2]++;
}

static gboolean
export_done (gpointer data)
{
  return *(gboolean *) data;
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_agreement_view_export_finish (GLOSS_AGREEMENT_VIEW (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
export_to (GlossAgreementView   *view,
           GlossAgreementExport  kind,
           const char           *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;

  gloss_agreement_view_export_async (view, kind, file, NULL, exported_cb, &done);
  g_assert_true (gloss_test_wait_for (export_done, &done, 10000));
}

static void
test_agreement_view (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GlossAgreementView *view = GLOSS_AGREEMENT_VIEW (gloss_agreement_view_new ());
  guint64 n = gloss_layout_get_n_chars (fixture->pdf_layout) + gloss_layout_get_n_chars (fixture->text_layout);
  /* Early help: both "children" and "the résumé"; only Ann "Early help
   * for " and "Café visits: "; only Ben " in the borough" and " of each
   * social worker". */
  guint64 both = g_utf8_strlen ("children", -1) + g_utf8_strlen ("the résumé", -1);
  guint64 only_a = g_utf8_strlen ("Early help for ", -1) + g_utf8_strlen ("Café visits: ", -1);
  guint64 only_b = g_utf8_strlen (" in the borough", -1) + g_utf8_strlen (" of each social worker", -1);
  guint64 lead = g_utf8_strlen ("management oversight was strong", -1);
  g_autofree char *csv = g_build_filename (fixture->tmpdir, "agreement.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->tmpdir, "agreement.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 requested[3] = { 0, 0, 0 };
  double percent, kappa, alpha;
  guint row;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 560);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gloss_test_present (GTK_WINDOW (window));
  g_signal_connect (view, "compare-requested", G_CALLBACK (compare_requested_cb), requested);

  gloss_agreement_view_set_project (view, fixture->project);
  wait_table (view);

  /* Two coders, the first two; characters; every report. */
  {
    g_autoptr(GArray) coders = gloss_agreement_view_dup_coders (view);

    g_assert_cmpuint (coders->len, ==, 2);
    g_assert_cmpint (g_array_index (coders, gint64, 0), ==, fixture->ann);
    g_assert_cmpint (g_array_index (coders, gint64, 1), ==, fixture->ben);
  }
  g_assert_cmpstr (gloss_agreement_view_get_column_title (view, 0), ==, "Code");
  g_assert_cmpstr (gloss_agreement_view_get_column_title (view, 3), ==, "Both");
  g_assert_cmpstr (gloss_agreement_view_get_column_title (view, 4), ==, "Only Ann Smith");
  g_assert_cmpstr (gloss_agreement_view_get_column_title (view, 5), ==, "Only Ben Jones");
  g_assert_cmpstr (gloss_agreement_view_get_column_title (view, 6), ==, "Neither");

  /* Practice, Early help, Family support, Leadership, ALL. */
  g_assert_cmpuint (gloss_agreement_view_get_n_rows (view), ==, 5);
  row = find_row (view, "Practice › Early help");
  assert_cell (view, row, "Reports", "2");
  assert_cell_uint (view, row, "Characters", n);
  assert_cell_uint (view, row, "Both", both);
  assert_cell_uint (view, row, "Only Ann Smith", only_a);
  assert_cell_uint (view, row, "Only Ben Jones", only_b);
  assert_cell_uint (view, row, "Neither", n - both - only_a - only_b);
  two_coder_figures (both, only_a, only_b, n, &percent, &kappa, &alpha);
  {
    g_autofree char *p = g_strdup_printf ("%.1f %%", 100 * percent);
    g_autofree char *k = statistic (kappa);
    g_autofree char *a = statistic (alpha);

    assert_cell (view, row, "Agreement", p);
    assert_cell (view, row, "Cohen’s κ", k);
    assert_cell (view, row, "Krippendorff’s α", a);
    assert_cell (view, row, "Note", "");
  }

  /* Leadership: only Ann coded it. */
  row = find_row (view, "Leadership");
  assert_cell_uint (view, row, "Only Ann Smith", lead);
  assert_cell_uint (view, row, "Only Ben Jones", 0);
  two_coder_figures (0, lead, 0, n, &percent, &kappa, &alpha);
  {
    g_autofree char *k = statistic (kappa);
    g_autofree char *a = statistic (alpha);
    g_autofree char *note = gloss_agreement_view_get_cell_by_title (view, row, "Note");

    assert_cell (view, row, "Cohen’s κ", k);
    assert_cell (view, row, "Krippendorff’s α", a);
    g_assert_nonnull (strstr (note, "Ben Jones coded nothing"));
  }

  /* Nobody coded "Practice" itself: its figures are undefined. */
  row = find_row (view, "Practice");
  assert_cell (view, row, "Cohen’s κ", "—");
  assert_cell (view, row, "Krippendorff’s α", "—");

  /* ALL last: every code's characters pooled. */
  row = gloss_agreement_view_get_n_rows (view) - 1;
  assert_cell (view, row, "Code", "ALL");
  assert_cell_uint (view, row, "Characters", 4 * n);
  assert_cell_uint (view, row, "Both", both);
  assert_cell_uint (view, row, "Only Ann Smith", only_a + lead);
  assert_cell_uint (view, row, "Only Ben Jones", only_b);
  g_assert_false (gloss_agreement_view_activate_row (view, row));

  /* A code's row asks for the side-by-side comparison. */
  g_assert_true (gloss_agreement_view_activate_row (view, find_row (view, "Practice › Early help")));
  g_assert_cmpint (requested[0], ==, fixture->early);
  g_assert_cmpint (requested[1], ==, 0);
  g_assert_cmpint (requested[2], ==, 1);

  save_popover_png (GTK_WIDGET (view), "F_ormulas", "agreement-formulas.png");
  save_popover_png (GTK_WIDGET (view), "_Coders", "agreement-coders.png");

  /* The formulas, from the engine's. */
  g_assert_nonnull (strstr (gloss_agreement_view_get_formulas (), "Cohen’s kappa"));
  g_assert_nonnull (strstr (gloss_agreement_view_get_formulas (), "(p_o − p_e) / (1 − p_e)"));
  g_assert_nonnull (strstr (gloss_agreement_view_get_formulas (), "Krippendorff’s alpha"));

  /* Export: CSV as the engine's sheet, with the coders on every row. */
  {
    g_autofree char *name = gloss_agreement_view_suggest_file_name (view, GLOSS_AGREEMENT_EXPORT_CSV);
    g_autofree char *expected = NULL;
    char p[G_ASCII_DTOSTR_BUF_SIZE], k[G_ASCII_DTOSTR_BUF_SIZE], a[G_ASCII_DTOSTR_BUF_SIZE];

    g_assert_cmpstr (name, ==, "Demo – Agreement.csv");
    export_to (view, GLOSS_AGREEMENT_EXPORT_CSV, csv);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
    g_assert_no_error (error);
    g_test_message ("%s", contents);
    g_assert_true (g_str_has_prefix (contents,
                                     "code,document,documents,units,both,a_only,b_only,neither,"
                                     "percent_agreement,cohen_kappa,krippendorff_alpha,note,coders\r\n"));
    two_coder_figures (both, only_a, only_b, n, &percent, &kappa, &alpha);
    g_ascii_formatd (p, sizeof p, "%.3f", percent);
    g_ascii_formatd (k, sizeof k, "%.3f", kappa);
    g_ascii_formatd (a, sizeof a, "%.3f", alpha);
    expected = g_strdup_printf ("\r\nPractice/Early help,,2,%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%"
                                G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT
                                ",%s,%s,%s,,\"Ann Smith, Ben Jones\"\r\n",
                                n, both, only_a, only_b, n - both - only_a - only_b, p, k, a);
    g_assert_nonnull (strstr (contents, expected));
    g_assert_nonnull (strstr (contents, "\r\nALL,"));
    g_clear_pointer (&contents, g_free);

    export_to (view, GLOSS_AGREEMENT_EXPORT_XLSX, xlsx);
    g_assert_true (g_file_get_contents (xlsx, &contents, NULL, &error));
    g_assert_true (g_str_has_prefix (contents, "PK\x03\x04"));
    g_clear_pointer (&contents, g_free);
  }

  /* By report: each code's row followed by its reports'. */
  gloss_agreement_view_set_by_document (view, TRUE);
  wait_table (view);
  row = find_row (view, "Practice › Early help");
  assert_cell (view, row + 1, "Code", "alpha-report");
  assert_cell_uint (view, row + 1, "Both", g_utf8_strlen ("children", -1));
  assert_cell_uint (view, row + 1, "Characters", gloss_layout_get_n_chars (fixture->pdf_layout));
  assert_cell (view, row + 2, "Code", "bravo-notes");
  assert_cell_uint (view, row + 2, "Only Ben Jones", g_utf8_strlen (" of each social worker", -1));
  g_assert_true (gloss_agreement_view_activate_row (view, row + 2));
  g_assert_cmpint (requested[0], ==, fixture->early);
  g_assert_cmpint (requested[1], ==, fixture->text_id);

  gloss_test_save_widget_png (window, "agreement-view.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gloss_test_settle (300);
  {
    cairo_surface_t *surface = gloss_test_snapshot_widget (window, 0.12);

    gloss_test_save_png (surface, "agreement-view-dark.png");
    cairo_surface_destroy (surface);
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gloss_agreement_view_set_by_document (view, FALSE);
  wait_table (view);

  /* Sub-codes: Ben's "Naïve plans" as Family support counts for Early
   * help. */
  {
    guint64 naive = g_utf8_strlen ("Naïve plans", -1);

    add_coding (fixture, fixture->text_id, fixture->text_layout, fixture->family, fixture->ben,
                "Naïve plans", "plans");
    gloss_agreement_view_set_with_subcodes (view, TRUE);
    wait_table (view);
    row = find_row (view, "Practice › Early help");
    assert_cell_uint (view, row, "Only Ben Jones", only_b + naive);
    gloss_agreement_view_set_with_subcodes (view, FALSE);
    wait_table (view);
    row = find_row (view, "Practice › Early help");
    assert_cell_uint (view, row, "Only Ben Jones", only_b);
  }

  /* Three coders: Cat codes "the résumé of each". */
  {
    g_autoptr(GArray) coders = g_array_new (FALSE, FALSE, sizeof (gint64));
    /* Units coded by j coders: the PDF's "Early help for " and " in the
     * borough" by one, "children" by two; the text's "Café visits: " and
     * " social worker" by one, " of each" by two, "the résumé" by three. */
    guint64 with[4];
    double m = 3, pbar = 0, ones = 0, o = 0, p1, pe, fleiss, kripp;

    fixture->cat = gloss_project_ensure_coder (fixture->project, "Cat Brown", &error);
    g_assert_no_error (error);
    add_coding (fixture, fixture->text_id, fixture->text_layout, fixture->early, fixture->cat,
                "the résumé", "of each");
    g_array_append_val (coders, fixture->ann);
    g_array_append_val (coders, fixture->ben);
    g_array_append_val (coders, fixture->cat);
    gloss_agreement_view_set_coders (view, coders);
    wait_table (view);

    with[1] = g_utf8_strlen ("Early help for ", -1) + g_utf8_strlen (" in the borough", -1) +
              g_utf8_strlen ("Café visits: ", -1) + g_utf8_strlen (" social worker", -1);
    with[2] = g_utf8_strlen ("children", -1) + g_utf8_strlen (" of each", -1);
    with[3] = g_utf8_strlen ("the résumé", -1);
    with[0] = n - with[1] - with[2] - with[3];

    g_assert_cmpstr (gloss_agreement_view_get_column_title (view, 3), ==, "By None");
    g_assert_cmpstr (gloss_agreement_view_get_column_title (view, 6), ==, "By All 3");
    row = find_row (view, "Practice › Early help");
    assert_cell_uint (view, row, "By None", with[0]);
    assert_cell_uint (view, row, "By 1", with[1]);
    assert_cell_uint (view, row, "By 2", with[2]);
    assert_cell_uint (view, row, "By All 3", with[3]);
    {
      g_autofree char *agreement = gloss_agreement_view_get_cell_by_title (view, row, "Agreement");

      g_assert_null (agreement);   /* no percent agreement for three */
    }

    /* Fleiss: P_i = (j² + (m − j)² − m) / (m (m − 1)); p_1 the share of
     * "coded" among all ratings.  Krippendorff, binary: each unit with j
     * ones gives o_01 = o_10 = j (m − j) / (m − 1). */
    for (guint j = 0; j <= 3; j++)
      {
        pbar += with[j] * (j * j + (m - j) * (m - j) - m) / (m * (m - 1));
        ones += (double) with[j] * j;
        o += 2.0 * with[j] * j * (m - j) / (m - 1);
      }
    pbar /= n;
    p1 = ones / (m * n);
    pe = p1 * p1 + (1 - p1) * (1 - p1);
    fleiss = (pbar - pe) / (1 - pe);
    kripp = 1 - (m * n - 1) * o / (2 * ones * (m * n - ones));
    {
      g_autofree char *k = statistic (fleiss);
      g_autofree char *a = statistic (kripp);

      assert_cell (view, row, "Fleiss’ κ", k);
      assert_cell (view, row, "Krippendorff’s α", a);
    }
    gloss_test_save_widget_png (window, "agreement-view-three.png");

    /* Exported with the histogram's columns. */
    export_to (view, GLOSS_AGREEMENT_EXPORT_CSV_EXCEL, csv);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
    g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "code,document,documents,units,"
                                     "coded_by_0,coded_by_1,coded_by_2,coded_by_3,percent_agreement,fleiss_kappa,"));
    g_assert_nonnull (strstr (contents, "\"Ann Smith, Ben Jones, Cat Brown\"\r\n"));
    g_clear_pointer (&contents, g_free);
  }

  /* Fewer than two coders chosen: the status page. */
  {
    g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (gint64));

    g_array_append_val (one, fixture->ann);
    gloss_agreement_view_set_coders (view, one);
    gloss_test_settle (100);
    g_assert_cmpuint (gloss_agreement_view_get_n_rows (view), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = gloss_test_init_application (&argc, &argv, G_APPLICATION_NON_UNIQUE);

  g_test_add_func ("/compare-view/ranges", test_ranges);
  g_test_add ("/compare-view/viewers", Fixture, NULL, fixture_setup, test_viewers, fixture_teardown);
  g_test_add ("/compare-view/agreement-view", Fixture, NULL, fixture_setup, test_agreement_view, fixture_teardown);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
