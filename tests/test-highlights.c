/* test-highlights.c: codings drawn in the PDF and text viewers: highlights
 * in their code's colour, blending where they overlap, at every zoom; the
 * coding stripes; clicking a highlight or a stripe; under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "gloss-codebook.h"
#include "gloss-extract.h"
#include "gloss-coding-stripes.h"
#include "gloss-pdf-view-private.h"
#include "gloss-test-ui.h"
#include "gloss-text-view.h"

static const char * const pdf_pages[] = {
  "Alpha page. The fixture speaks of early help and of\n"
  "management oversight in children's services today.\n\n"
  "A second paragraph on page one, with a distinctive word: zeppelin.",
  "Bravo page. The second page carries the word marmalade and then goes on "
  "for a while so that there is a line or two of text to select across.",
  NULL,
};

static const char text_report[] =
  "Inspection notes\n"
  "Early help was offered to families promptly. Management oversight of "
  "casework was inconsistent across the teams that inspectors visited.\n"
  "Leaders know their services well.\n"
  "Quokka.\n";

#define RED    "#e01b24"
#define YELLOW "#f5c211"
#define GREEN  "#26a269"

typedef struct
{
  char         *tmpdir;
  GlossProject *project;
  gint64        pdf_id;
  gint64        text_id;
  gint64        me;          /* coders */
  gint64        colleague;
  gint64        red;         /* codes */
  gint64        yellow;
  gint64        green;
  GtkWidget    *window;
  GtkWidget    *scrolled;
  gint64        clicked;     /* the last "coding-clicked" */
  guint         n_clicked;
} Fixture;

/* Pixels ------------------------------------------------------------------- */

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
hue_of (const char *colour)
{
  GdkRGBA rgba;
  double max, min, d;

  g_assert_true (gdk_rgba_parse (&rgba, colour));
  max = MAX (rgba.red, MAX (rgba.green, rgba.blue));
  min = MIN (rgba.red, MIN (rgba.green, rgba.blue));
  d = max - min;
  if (max == rgba.red)
    return 60 * fmod ((rgba.green - rgba.blue) / d + 6, 6);
  if (max == rgba.green)
    return 60 * ((rgba.blue - rgba.red) / d + 2);
  return 60 * ((rgba.red - rgba.green) / d + 4);
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
  guint total;
  guint tinted;     /* saturated pixels near the hue */
  guint dark;       /* of those, the dark ones (outlines, stripes) */
  guint coloured;   /* saturated pixels of any hue */
  double mean_hue;  /* of the coloured ones */
  double mean_sat;
} Tint;

/* Pixels of the rectangle whose hue is within 20° of hue. */
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
  double sx = 0, sy = 0, ssat = 0;

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
            ssat += s;
            if (hue >= 0 && hue_distance (h, hue) < 20)
              {
                tint.tinted++;
                if (v < 0.75)
                  tint.dark++;
              }
          }
      }

  if (tint.coloured > 0)
    {
      tint.mean_hue = fmod (atan2 (sy, sx) * 180 / G_PI + 360, 360);
      tint.mean_sat = ssat / tint.coloured;
    }

  return tint;
}

/* Project ------------------------------------------------------------------ */

static gint64
code (Fixture    *fixture,
      const char *path,
      const char *colour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) c = gloss_project_ensure_code_path (fixture->project, path, colour, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gloss_code_get_colour (c), ==, colour);
  return gloss_code_get_id (c);
}

static gint64
add_coding (Fixture     *fixture,
            gint64       document_id,
            GlossLayout *layout,
            gint64       code_id,
            gint64       coder_id,
            const char  *from,
            const char  *to)   /* the coding ends after the end of to */
{
  const char *text = gloss_layout_get_text (layout);
  guint start = gloss_test_offset_of (text, from);
  guint end = start + gloss_test_offset_of (g_utf8_offset_to_pointer (text, start), to) + g_utf8_strlen (to, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = NULL;

  coding = gloss_project_add_coding (fixture->project, document_id, code_id, coder_id, start, end, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (coding);
  return gloss_coding_get_id (coding);
}

static GPtrArray *
list_codings (Fixture *fixture,
              gint64   document_id)
{
  GlossCodingFilter filter = { document_id, 0, FALSE, 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *codings = gloss_project_list_codings (fixture->project, &filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (codings);
  return codings;
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

static void
coding_clicked_cb (GtkWidget *view,
                   gint64     coding_id,
                   Fixture   *fixture)
{
  fixture->clicked = coding_id;
  fixture->n_clicked++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = gloss_test_make_tmpdir ();
  fixture->project = gloss_test_project_new (fixture->tmpdir, "Highlights");
  fixture->pdf_id = gloss_test_import_pdf (fixture->project, fixture->tmpdir, "alpha-report.pdf", pdf_pages);
  fixture->text_id = gloss_test_import_text (fixture->project, fixture->tmpdir, "inspection-notes.txt", text_report);

  fixture->me = gloss_project_ensure_coder (fixture->project, "Ada Researcher", &error);
  g_assert_no_error (error);
  fixture->colleague = gloss_project_ensure_coder (fixture->project, "Ben Colleague", &error);
  g_assert_no_error (error);

  fixture->red = code (fixture, "Practice/Early help", RED);
  fixture->yellow = code (fixture, "Practice/Management oversight", YELLOW);
  fixture->green = code (fixture, "Leadership", GREEN);

  fixture->window = gloss_test_scrolled_window_new (1000, 800, &fixture->scrolled);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  gloss_test_settle (150);
  g_clear_object (&fixture->project);
  gloss_test_remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

/* PDF ---------------------------------------------------------------------- */

/* The widget rectangle of the characters [start, end) on one line. */
static void
range_rect (GlossPdfView *view,
            GlossLayout  *layout,
            guint         start,
            guint         end,
            double       *x1,
            double       *y1,
            double       *x2,
            double       *y2)
{
  g_autoptr(GArray) rects = gloss_layout_rects_for_range (layout, start, end);
  const GlossPageRect *r;

  g_assert_nonnull (rects);
  g_assert_cmpuint (rects->len, ==, 1);
  r = &g_array_index (rects, GlossPageRect, 0);
  g_assert_true (gloss_pdf_view_page_to_widget (view, r->page, r->rect.x1, r->rect.y1, x1, y1));
  g_assert_true (gloss_pdf_view_page_to_widget (view, r->page, r->rect.x2, r->rect.y2, x2, y2));
}

static void
word_rect (GlossPdfView *view,
           GlossLayout  *layout,
           const char   *word,
           double       *x1,
           double       *y1,
           double       *x2,
           double       *y2)
{
  guint start = gloss_test_offset_of (gloss_layout_get_text (layout), word);

  range_rect (view, layout, start, start + g_utf8_strlen (word, -1), x1, y1, x2, y2);
}

static Tint
word_tint (cairo_surface_t *surface,
           GlossPdfView    *view,
           GlossLayout     *layout,
           const char      *word,
           const char      *colour)
{
  double x1, y1, x2, y2;

  word_rect (view, layout, word, &x1, &y1, &x2, &y2);
  return count_tint (surface, x1 + 1, y1 + 1, x2 - 1, y2 - 1, colour != NULL ? hue_of (colour) : -1);
}

static void
assert_tinted (Tint        tint,
               const char *what)
{
  g_test_message ("%s: %u of %u pixels tinted (%u coloured, hue %.0f, saturation %.2f)",
                  what, tint.tinted, tint.total, tint.coloured, tint.mean_hue, tint.mean_sat);
  g_assert_cmpuint (tint.total, >, 20);
  g_assert_cmpuint (tint.tinted, >, tint.total / 2);
}

static void
word_centre (GlossPdfView *view,
             GlossLayout  *layout,
             const char   *word,
             double       *x,
             double       *y)
{
  double x1, y1, x2, y2;

  word_rect (view, layout, word, &x1, &y1, &x2, &y2);
  *x = (x1 + x2) / 2;
  *y = (y1 + y2) / 2;
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GlossLayout) layout = load_layout (fixture, fixture->pdf_id);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) codings = NULL;
  g_autoptr(GError) error = NULL;
  GlossPdfView *view;
  cairo_surface_t *surface;
  graphene_rect_t bar_red, bar_yellow, bar;
  double x, y, x1, y1, x2, y2, page_x_before;
  gint64 early, oversight, marmalade;
  guint s, e;
  Tint tint;

  bytes = gloss_project_load_document_bytes (fixture->project, fixture->pdf_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_layout_get_n_pages (layout), ==, 2);

  early = add_coding (fixture, fixture->pdf_id, layout, fixture->red, fixture->me,
                      "early help", "management oversight");
  oversight = add_coding (fixture, fixture->pdf_id, layout, fixture->yellow, fixture->me,
                          "management oversight", "services");
  marmalade = add_coding (fixture, fixture->pdf_id, layout, fixture->green, fixture->colleague,
                          "marmalade", "marmalade");
  codings = list_codings (fixture, fixture->pdf_id);
  g_assert_cmpuint (codings->len, ==, 3);

  view = GLOSS_PDF_VIEW (gloss_pdf_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_WIDGET (view));
  g_signal_connect (view, "coding-clicked", G_CALLBACK (coding_clicked_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));

  gloss_pdf_view_set_document (view, bytes, NULL, layout);
  gloss_test_wait_rendered (view);
  gloss_test_settle (150);
  g_assert_true (gloss_pdf_view_page_to_widget (view, 0, 0, 0, &page_x_before, NULL));

  /* Before: no code colour anywhere on the passage. */
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
  tint = word_tint (surface, view, layout, "early help", RED);
  g_assert_cmpuint (tint.coloured, ==, 0);
  cairo_surface_destroy (surface);

  /* The moment they are set, and without rendering the pages again. */
  gloss_pdf_view_set_codings (view, codings);
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
  assert_tinted (word_tint (surface, view, layout, "early help", RED), "early help (red)");
  assert_tinted (word_tint (surface, view, layout, "children's services", YELLOW), "services (yellow)");
  cairo_surface_destroy (surface);

  /* The stripes' margin moves the page right once laid out. */
  gloss_test_wait_rendered (view);
  gloss_test_settle (150);
  {
    double page_x;

    g_assert_true (gloss_pdf_view_page_to_widget (view, 0, 0, 0, &page_x, NULL));
    g_test_message ("page left edge: %.0f without codings, %.0f with", page_x_before, page_x);
    g_assert_cmpfloat (page_x, >=, 16 + 30);
  }

  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
  gloss_test_save_png (surface, "highlights-pdf.png");

  assert_tinted (word_tint (surface, view, layout, "early help", RED), "early help (red)");
  assert_tinted (word_tint (surface, view, layout, "children's services", YELLOW), "services (yellow)");

  /* Where the two overlap, the colours blend: neither red nor yellow. */
  tint = word_tint (surface, view, layout, "management oversight", NULL);
  g_test_message ("overlap: hue %.0f, %u of %u coloured", tint.mean_hue, tint.coloured, tint.total);
  g_assert_cmpuint (tint.coloured, >, tint.total / 2);
  g_assert_cmpfloat (hue_distance (tint.mean_hue, hue_of (RED)), >, 12);
  g_assert_cmpfloat (hue_distance (tint.mean_hue, hue_of (YELLOW)), >, 12);
  g_assert_cmpfloat (tint.mean_hue, >, 5);
  g_assert_cmpfloat (tint.mean_hue, <, hue_of (YELLOW));

  /* Uncoded text is not tinted. */
  tint = word_tint (surface, view, layout, "Alpha page", NULL);
  g_assert_cmpuint (tint.coloured, ==, 0);
  tint = word_tint (surface, view, layout, "zeppelin", NULL);
  g_assert_cmpuint (tint.coloured, ==, 0);

  /* The stripes: a bar in the code's colour left of the page, at the
   * passage's height; the overlapping codings side by side. */
  g_assert_true (_gloss_pdf_view_get_stripe_bar (view, early, 0, &bar_red));
  g_assert_true (_gloss_pdf_view_get_stripe_bar (view, oversight, 0, &bar_yellow));
  g_assert_false (_gloss_pdf_view_get_stripe_bar (view, marmalade, 0, &bar));
  g_assert_true (gloss_pdf_view_page_to_widget (view, 0, 0, 0, &x, NULL));
  g_assert_cmpfloat (bar_red.origin.x + bar_red.size.width, <=, x - 4);
  g_assert_cmpfloat (bar_red.size.width, >=, 3.5);
  /* Column 0, the longer coding, nearest the page; the gap between. */
  g_assert_cmpfloat (bar_yellow.origin.x + bar_yellow.size.width, <=, bar_red.origin.x - GLOSS_STRIPE_GAP + 0.01);
  word_rect (view, layout, "early help", &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (fabs (bar_red.origin.y - y1), <, 1.5);
  word_rect (view, layout, "children's services", &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (fabs (bar_yellow.origin.y + bar_yellow.size.height - y2), <, 1.5);
  assert_tinted (count_tint (surface, bar_red.origin.x + 1, bar_red.origin.y + 1,
                             bar_red.origin.x + bar_red.size.width - 1,
                             bar_red.origin.y + bar_red.size.height - 1, hue_of (RED)),
                 "red stripe");
  tint = count_tint (surface, bar_red.origin.x + 1, bar_red.origin.y + 1,
                     bar_red.origin.x + bar_red.size.width - 1,
                     bar_red.origin.y + bar_red.size.height - 1, hue_of (RED));
  g_assert_cmpfloat (tint.mean_sat, >, 0.6);   /* the bar is opaque */
  assert_tinted (count_tint (surface, bar_yellow.origin.x + 1, bar_yellow.origin.y + 1,
                             bar_yellow.origin.x + bar_yellow.size.width - 1,
                             bar_yellow.origin.y + bar_yellow.size.height - 1, hue_of (YELLOW)),
                 "yellow stripe");
  cairo_surface_destroy (surface);

  /* The tooltip of a bar. */
  {
    GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);

    g_assert_true (_gloss_pdf_view_query_tooltip (GTK_WIDGET (view),
                                                  bar_red.origin.x + 2, bar_red.origin.y + 3,
                                                  FALSE, tooltip));
    g_assert_false (_gloss_pdf_view_query_tooltip (GTK_WIDGET (view), 2, bar_red.origin.y + 3,
                                                   FALSE, tooltip));
    g_object_unref (tooltip);
  }
  {
    g_autofree char *markup = gloss_coding_dup_tooltip_markup (g_ptr_array_index (codings, 0));

    g_test_message ("tooltip: %s", markup);
    g_assert_nonnull (strstr (markup, "Practice › Early help"));
    g_assert_nonnull (strstr (markup, "Ada Researcher"));
    g_assert_nonnull (strstr (markup, "early help"));
    g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  }

  /* Clicking a highlight selects its coding. */
  word_centre (view, layout, "early", &x, &y);
  gloss_test_pdf_view_click (view, 1, x, y, 0);
  g_assert_cmpuint (fixture->n_clicked, ==, 1);
  g_assert_cmpint (fixture->clicked, ==, early);
  g_assert_cmpint (gloss_pdf_view_get_selected_coding (view), ==, early);
  word_centre (view, layout, "services", &x, &y);
  gloss_test_pdf_view_click (view, 1, x, y, 0);
  g_assert_cmpint (fixture->clicked, ==, oversight);

  /* Where two overlap, the shorter first, then the other in turn. */
  word_centre (view, layout, "oversight", &x, &y);
  gloss_pdf_view_select_coding (view, 0);
  gloss_test_pdf_view_click (view, 1, x, y, 0);
  g_assert_cmpint (fixture->clicked, ==, early);
  gloss_test_pdf_view_click (view, 1, x, y, 0);
  g_assert_cmpint (fixture->clicked, ==, oversight);
  gloss_test_pdf_view_click (view, 1, x, y, 0);
  g_assert_cmpint (fixture->clicked, ==, early);

  /* A drag over a highlight selects text, and no coding. */
  fixture->n_clicked = 0;
  word_rect (view, layout, "early help", &x1, &y1, &x2, &y2);
  _gloss_pdf_view_drag_begin (view, x1 + 1, (y1 + y2) / 2, 0);
  _gloss_pdf_view_click (view, 1, x1 + 1, (y1 + y2) / 2);
  _gloss_pdf_view_drag_update (view, x2 - x1 - 2, 0);
  _gloss_pdf_view_drag_end (view);
  g_assert_cmpuint (fixture->n_clicked, ==, 0);
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, gloss_test_offset_of (gloss_layout_get_text (layout), "early help"));
  g_assert_cmpuint (e, ==, s + strlen ("early help"));

  /* A click on uncoded text selects no coding. */
  word_centre (view, layout, "zeppelin", &x, &y);
  gloss_test_pdf_view_click (view, 1, x, y, 0);
  g_assert_cmpuint (fixture->n_clicked, ==, 0);
  g_assert_cmpint (gloss_pdf_view_get_selected_coding (view), ==, 0);

  /* Clicking a stripe selects its coding, even with a drag. */
  _gloss_pdf_view_drag_begin (view, bar_yellow.origin.x + 2, bar_yellow.origin.y + 4, 0);
  _gloss_pdf_view_drag_update (view, 0, 20);
  _gloss_pdf_view_drag_end (view);
  g_assert_cmpuint (fixture->n_clicked, ==, 1);
  g_assert_cmpint (fixture->clicked, ==, oversight);
  g_assert_cmpint (gloss_pdf_view_get_selected_coding (view), ==, oversight);
  g_assert_false (gloss_pdf_view_get_selection (view, NULL, NULL));

  /* The selected coding is drawn emphasised. */
  gloss_pdf_view_select_coding (view, early);
  gloss_test_settle (150);
  {
    Tint plain, emphasised;

    gloss_pdf_view_select_coding (view, 0);
    surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
    plain = word_tint (surface, view, layout, "early help", RED);
    cairo_surface_destroy (surface);
    gloss_pdf_view_select_coding (view, early);
    surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
    emphasised = word_tint (surface, view, layout, "early help", RED);
    cairo_surface_destroy (surface);
    g_test_message ("saturation %.2f plain, %.2f selected", plain.mean_sat, emphasised.mean_sat);
    g_assert_cmpfloat (emphasised.mean_sat, >, plain.mean_sat + 0.1);
  }

  /* The outlined coder's codings get an outline: a line above the word. */
  gloss_pdf_view_go_to_page (view, 1);
  gloss_test_wait_rendered (view);
  gloss_test_settle (150);
  word_rect (view, layout, "marmalade", &x1, &y1, &x2, &y2);
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
  assert_tinted (word_tint (surface, view, layout, "marmalade", GREEN), "marmalade (green)");
  tint = count_tint (surface, x1 + 3, y1 - 3, x2 - 3, y1 + 0.5, hue_of (GREEN));
  g_assert_cmpuint (tint.dark, ==, 0);
  cairo_surface_destroy (surface);
  gloss_pdf_view_set_outlined_coder (view, fixture->colleague);
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
  tint = count_tint (surface, x1 + 3, y1 - 3, x2 - 3, y1 + 0.5, hue_of (GREEN));
  g_assert_cmpuint (tint.dark, >, (x2 - x1 - 6) * 0.8);
  gloss_test_save_png (surface, "highlights-pdf-outlined.png");
  cairo_surface_destroy (surface);

  /* select_coding scrolls to it. */
  gloss_pdf_view_set_zoom (view, 2.0);
  gloss_pdf_view_go_to_page (view, 1);
  gloss_test_settle (150);
  g_assert_cmpuint (gloss_pdf_view_get_page (view), ==, 1);
  gloss_pdf_view_select_coding (view, early);
  gloss_test_settle (150);
  word_centre (view, layout, "early help", &x, &y);
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (view)));
  g_assert_cmpint (gloss_pdf_view_get_selected_coding (view), ==, early);
  gloss_pdf_view_select_coding (view, 0);

  /* At 200 % the highlight is over the passage at once, and after the
   * pages are rendered again. */
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
  assert_tinted (word_tint (surface, view, layout, "early help", RED), "early help at 200 %");
  cairo_surface_destroy (surface);
  gloss_test_wait_rendered (view);
  gloss_test_settle (150);
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
  assert_tinted (word_tint (surface, view, layout, "early help", RED), "early help at 200 %, rendered");
  tint = word_tint (surface, view, layout, "zeppelin", NULL);
  g_assert_cmpuint (tint.coloured, ==, 0);
  cairo_surface_destroy (surface);

  /* NULL clears them, and the margin. */
  gloss_pdf_view_set_codings (view, NULL);
  gloss_test_settle (150);
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
  tint = word_tint (surface, view, layout, "early help", NULL);
  g_assert_cmpuint (tint.coloured, ==, 0);
  cairo_surface_destroy (surface);
  g_assert_false (_gloss_pdf_view_get_stripe_bar (view, early, 0, &bar));
  word_centre (view, layout, "early", &x, &y);
  fixture->n_clicked = 0;
  gloss_test_pdf_view_click (view, 1, x, y, 0);
  g_assert_cmpuint (fixture->n_clicked, ==, 0);

  /* A new document drops the old one's codings. */
  gloss_pdf_view_set_codings (view, codings);
  gloss_pdf_view_set_document (view, bytes, NULL, layout);
  g_assert_false (_gloss_pdf_view_get_stripe_bar (view, early, 0, &bar));
}

/* 500 codings are made and drawn quickly. */
static void
test_pdf_many (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GlossLayout) layout = load_layout (fixture, fixture->pdf_id);
  g_autoptr(GBytes) bytes = gloss_project_load_document_bytes (fixture->project, fixture->pdf_id, NULL);
  g_autoptr(GPtrArray) codings = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_chars = gloss_layout_get_n_chars (layout);
  GlossPdfView *view;
  cairo_surface_t *surface;
  gint64 begin, elapsed;

  for (guint i = 0; i < 500; i++)
    {
      GlossCodingData d = { 0 };

      d.id = i + 1;
      d.code_id = 1 + i % 5;
      d.code_path = "Many";
      d.colour = (const char *[]) { RED, YELLOW, GREEN, "#9141ac", "#1c71d8" }[i % 5];
      d.coder_id = 1 + i % 2;
      d.coder_name = "Ada";
      d.start = (i * 7) % (n_chars - 40);
      d.end = d.start + 5 + i % 30;
      d.quote = "";
      g_ptr_array_add (codings, gloss_coding_new (&d));
    }

  view = GLOSS_PDF_VIEW (gloss_pdf_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (fixture->window));
  gloss_pdf_view_set_document (view, bytes, NULL, layout);
  gloss_test_wait_rendered (view);
  gloss_test_settle (150);

  begin = g_get_monotonic_time ();
  gloss_pdf_view_set_codings (view, codings);
  elapsed = g_get_monotonic_time () - begin;
  g_test_message ("set_codings with 500 codings: %.1f ms", elapsed / 1000.0);
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);

  gloss_test_settle (150);
  begin = g_get_monotonic_time ();
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
  elapsed = g_get_monotonic_time () - begin;
  g_test_message ("a frame with 500 codings: %.1f ms", elapsed / 1000.0);
  gloss_test_save_png (surface, "highlights-pdf-many.png");
  cairo_surface_destroy (surface);
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);
}

/* Text --------------------------------------------------------------------- */

static GtkTextTag *
background_tag_at (GlossTextView *view,
                   guint          offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter iter;
  GSList *tags;
  GtkTextTag *found = NULL;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean set = FALSE;

      g_object_get (l->data, "background-set", &set, NULL);
      if (set)
        found = l->data;
    }
  g_slist_free (tags);

  return found;
}

static void
tag_background (GtkTextTag *tag,
                GdkRGBA    *rgba)
{
  GdkRGBA *colour = NULL;

  g_assert_nonnull (tag);
  g_object_get (tag, "background-rgba", &colour, NULL);
  g_assert_nonnull (colour);
  *rgba = *colour;
  gdk_rgba_free (colour);
}

/* The widget rectangle of the character at offset. */
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
           guint            start,
           guint            end,
           const char      *colour)
{
  double x1, y1, x2, y2, ex1, ey1, ex2, ey2;

  text_char_rect (view, start, &x1, &y1, &x2, &y2);
  text_char_rect (view, end - 1, &ex1, &ey1, &ex2, &ey2);
  g_assert_cmpfloat (fabs (ey1 - y1), <, 1);   /* one line */
  return count_tint (surface, x1, y1 + 1, ex2, y2 - 1, colour != NULL ? hue_of (colour) : -1);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GlossLayout) layout = load_layout (fixture, fixture->text_id);
  g_autoptr(GPtrArray) codings = NULL;
  const char *text = gloss_layout_get_text (layout);
  GlossTextView *view;
  GlossCodingStripes *stripes;
  GtkTextBuffer *buffer;
  cairo_surface_t *surface;
  graphene_rect_t bar_red, bar_yellow, bar;
  graphene_point_t point;
  gint64 early, oversight, leaders;
  guint early_start, early_end, ov_start, ov_end;
  double x1, y1, x2, y2;
  GdkRGBA red, yellow, blend;
  Tint tint;

  early = add_coding (fixture, fixture->text_id, layout, fixture->red, fixture->me,
                      "Early help", "families");
  oversight = add_coding (fixture, fixture->text_id, layout, fixture->yellow, fixture->me,
                          "offered to", "Management oversight");
  leaders = add_coding (fixture, fixture->text_id, layout, fixture->green, fixture->colleague,
                        "Leaders", "well.");
  codings = list_codings (fixture, fixture->text_id);
  g_assert_cmpuint (codings->len, ==, 3);
  early_start = gloss_test_offset_of (text, "Early help");
  early_end = gloss_test_offset_of (text, "families") + strlen ("families");
  ov_start = gloss_test_offset_of (text, "offered to");
  ov_end = gloss_test_offset_of (text, "Management oversight") + strlen ("Management oversight");

  view = GLOSS_TEXT_VIEW (gloss_text_view_new ());
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  stripes = GLOSS_CODING_STRIPES (gloss_text_view_get_stripes (view));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_WIDGET (view));
  g_signal_connect (view, "coding-clicked", G_CALLBACK (coding_clicked_cb), fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 760, 420);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gloss_text_view_set_layout (view, layout);
  gloss_test_settle (150);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (stripes)));

  gloss_text_view_set_codings (view, codings);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (stripes)));

  /* Tags over exactly [start, end). */
  g_assert_null (background_tag_at (view, early_start - 1));
  g_assert_nonnull (background_tag_at (view, early_start));
  g_assert_nonnull (background_tag_at (view, early_end - 1));
  g_assert_nonnull (background_tag_at (view, ov_end - 1));
  g_assert_null (background_tag_at (view, ov_end));

  /* Red alone, the blend where they overlap, yellow alone. */
  tag_background (background_tag_at (view, early_start), &red);
  tag_background (background_tag_at (view, ov_start), &blend);
  tag_background (background_tag_at (view, ov_end - 1), &yellow);
  g_assert_cmpfloat_with_epsilon (red.alpha, GLOSS_HIGHLIGHT_ALPHA, 1e-6);
  g_assert_cmpfloat_with_epsilon (red.red, 0xe0 / 255.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (yellow.green, 0xc2 / 255.0, 1e-6);
  g_assert_cmpfloat (blend.alpha, >, red.alpha + 0.1);
  g_assert_false (gdk_rgba_equal (&blend, &red));
  g_assert_false (gdk_rgba_equal (&blend, &yellow));

  gloss_test_settle (150);
  surface = gloss_test_snapshot_view (fixture->window, 0.92);
  gloss_test_save_png (surface, "highlights-text.png");
  cairo_surface_destroy (surface);

  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
  assert_tinted (text_tint (surface, view, early_start, early_start + 10, RED), "Early help (red)");
  assert_tinted (text_tint (surface, view, gloss_test_offset_of (text, "Management"), ov_end, YELLOW),
                 "Management oversight (yellow)");
  tint = text_tint (surface, view, ov_start, ov_start + 10, NULL);
  g_test_message ("overlap: hue %.0f", tint.mean_hue);
  g_assert_cmpfloat (hue_distance (tint.mean_hue, hue_of (RED)), >, 12);
  g_assert_cmpfloat (hue_distance (tint.mean_hue, hue_of (YELLOW)), >, 12);
  /* Uncoded text: no background; only the glyphs' edges may be coloured
   * (subpixel antialiasing). */
  tint = text_tint (surface, view, gloss_test_offset_of (text, "Inspection"), gloss_test_offset_of (text, "Inspection") + 10, NULL);
  g_test_message ("uncoded: %u of %u coloured", tint.coloured, tint.total);
  g_assert_cmpuint (tint.coloured, <, tint.total / 10);

  /* The stripes: bars in the codes' colours at the passages' height,
   * side by side where the codings share a line. */
  g_assert_true (gloss_coding_stripes_get_bar (stripes, early, &bar_red));
  g_assert_true (gloss_coding_stripes_get_bar (stripes, oversight, &bar_yellow));
  g_assert_true (gloss_coding_stripes_get_bar (stripes, leaders, &bar));
  g_assert_cmpfloat (fabs (bar_red.origin.x - bar_yellow.origin.x), >=, GLOSS_STRIPE_WIDTH);
  g_assert_cmpfloat (bar.origin.y, >, bar_red.origin.y + 10);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (stripes), GTK_WIDGET (view),
                                           &GRAPHENE_POINT_INIT (bar_red.origin.x, bar_red.origin.y), &point));
  text_char_rect (view, early_start, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (fabs (point.y - y1), <, 1.5);
  assert_tinted (count_tint (surface, point.x + 1, point.y + 1,
                             point.x + bar_red.size.width - 1, point.y + bar_red.size.height - 1,
                             hue_of (RED)),
                 "red stripe");
  cairo_surface_destroy (surface);

  /* Clicking a highlight, then a stripe. */
  text_char_rect (view, early_start + 2, &x1, &y1, &x2, &y2);
  g_assert_cmpint (gloss_text_view_click (view, (x1 + x2) / 2, (y1 + y2) / 2), ==, early);
  g_assert_cmpint (fixture->clicked, ==, early);
  g_assert_cmpint (gloss_text_view_get_selected_coding (view), ==, early);

  /* The selected coding is emphasised: a stronger tag above the others. */
  tag_background (background_tag_at (view, early_start), &red);
  g_assert_cmpfloat_with_epsilon (red.alpha, GLOSS_HIGHLIGHT_SELECTED_ALPHA, 1e-6);

  text_char_rect (view, ov_start + 1, &x1, &y1, &x2, &y2);
  g_assert_cmpint (gloss_text_view_click (view, (x1 + x2) / 2, (y1 + y2) / 2), ==, oversight);
  g_assert_cmpint (gloss_text_view_click (view, (x1 + x2) / 2, (y1 + y2) / 2), ==, early);

  fixture->n_clicked = 0;
  g_assert_cmpint (gloss_coding_stripes_click (stripes, bar.origin.x + 1, bar.origin.y + 2), ==, leaders);
  g_assert_cmpuint (fixture->n_clicked, ==, 1);
  g_assert_cmpint (fixture->clicked, ==, leaders);
  g_assert_cmpint (gloss_text_view_get_selected_coding (view), ==, leaders);
  g_assert_cmpint (gloss_coding_stripes_coding_at (stripes, 1, bar.origin.y - 30), ==, 0);

  /* Uncoded text: no coding. */
  text_char_rect (view, gloss_test_offset_of (text, "Quokka") + 1, &x1, &y1, &x2, &y2);
  g_assert_cmpint (gloss_text_view_click (view, (x1 + x2) / 2, (y1 + y2) / 2), ==, 0);
  g_assert_cmpint (gloss_text_view_get_selected_coding (view), ==, 0);

  /* select_coding, and the outlined coder's underline. */
  gloss_text_view_select_coding (view, oversight);
  g_assert_cmpint (gloss_text_view_get_selected_coding (view), ==, oversight);
  tag_background (background_tag_at (view, ov_start), &blend);
  g_assert_cmpfloat_with_epsilon (blend.alpha, GLOSS_HIGHLIGHT_SELECTED_ALPHA, 1e-6);
  gloss_text_view_set_outlined_coder (view, fixture->colleague);
  {
    GtkTextIter iter;
    GSList *tags;
    gboolean underlined = FALSE;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) gloss_test_offset_of (text, "know"));
    tags = gtk_text_iter_get_tags (&iter);
    for (GSList *l = tags; l != NULL; l = l->next)
      {
        PangoUnderline underline;

        g_object_get (l->data, "underline", &underline, NULL);
        underlined |= underline != PANGO_UNDERLINE_NONE;
      }
    g_slist_free (tags);
    g_assert_true (underlined);
  }
  gloss_test_settle (150);
  surface = gloss_test_snapshot_view (fixture->window, 0.92);
  gloss_test_save_png (surface, "highlights-text-selected.png");
  cairo_surface_destroy (surface);

  /* NULL removes them all. */
  gloss_text_view_set_codings (view, NULL);
  g_assert_null (background_tag_at (view, early_start));
  g_assert_null (background_tag_at (view, ov_start));
  g_assert_false (gloss_coding_stripes_get_bar (stripes, early, &bar));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (stripes)));
  g_assert_cmpint (gloss_text_view_get_selected_coding (view), ==, 0);

  /* 500 codings are quick. */
  {
    g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
    guint n_chars = gloss_layout_get_n_chars (layout);
    gint64 begin, elapsed;

    for (guint i = 0; i < 500; i++)
      {
        GlossCodingData d = { 0 };

        d.id = i + 1;
        d.code_path = "Many";
        d.colour = (const char *[]) { RED, YELLOW, GREEN, "#9141ac", "#1c71d8" }[i % 5];
        d.coder_id = 1;
        d.coder_name = "Ada";
        d.start = (i * 3) % (n_chars - 20);
        d.end = d.start + 3 + i % 15;
        d.quote = "";
        g_ptr_array_add (many, gloss_coding_new (&d));
      }

    begin = g_get_monotonic_time ();
    gloss_text_view_set_codings (view, many);
    elapsed = g_get_monotonic_time () - begin;
    g_test_message ("text set_codings with 500 codings: %.1f ms", elapsed / 1000.0);
    g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);
    gloss_test_settle (150);
  }

  /* A new text drops the codings. */
  gloss_text_view_set_codings (view, codings);
  gloss_text_view_set_layout (view, NULL);
  gloss_text_view_set_layout (view, layout);
  g_assert_null (background_tag_at (view, early_start));
}

/* A long report with 500 codings: set quickly, drawn quickly. */
static gboolean
adjustment_moved (gpointer data)
{
  return gtk_adjustment_get_value (data) > 0;
}

static void
test_text_many (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossExtraction) extraction = NULL;
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GlossTextView *view;
  GtkAdjustment *vadjustment;
  cairo_surface_t *surface;
  guint n_chars;
  gint64 begin, elapsed;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (report, "Paragraph %u. Inspectors found that early help and management "
                                    "oversight were considered in case %u of the sample.\n", i, i * 7);
  bytes = g_string_free_to_bytes (g_steal_pointer (&report));
  extraction = gloss_extract (bytes, "long.txt", NULL, NULL, &error);
  g_assert_no_error (error);
  n_chars = gloss_layout_get_n_chars (extraction->layout);

  for (guint i = 0; i < 500; i++)
    {
      GlossCodingData d = { 0 };

      d.id = i + 1;
      d.code_path = "Many";
      d.colour = (const char *[]) { RED, YELLOW, GREEN, "#9141ac", "#1c71d8" }[i % 5];
      d.coder_id = 1 + i % 2;
      d.coder_name = "Ada";
      d.start = (guint) (((guint64) i * 7919 * 31) % (n_chars - 400));
      d.end = d.start + 20 + (i * 13) % 300;
      d.quote = "";
      g_ptr_array_add (many, gloss_coding_new (&d));
    }

  view = GLOSS_TEXT_VIEW (gloss_text_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (fixture->window));
  gloss_text_view_set_layout (view, extraction->layout);
  gloss_test_settle (150);

  begin = g_get_monotonic_time ();
  gloss_text_view_set_codings (view, many);
  elapsed = g_get_monotonic_time () - begin;
  g_test_message ("set_codings: 500 codings over %u characters: %.1f ms", n_chars, elapsed / 1000.0);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);

  gloss_text_view_set_outlined_coder (view, 2);
  gloss_text_view_select_coding (view, 250);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  /* Scrolled once the view has laid itself out (slower under sanitizers). */
  g_assert_true (gloss_test_wait_for (adjustment_moved, vadjustment, 10000));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  begin = g_get_monotonic_time ();
  surface = gloss_test_snapshot_view (GTK_WIDGET (view), 0.92);
  elapsed = g_get_monotonic_time () - begin;
  g_test_message ("a frame: %.1f ms", elapsed / 1000.0);
  gloss_test_save_png (surface, "highlights-text-many.png");
  cairo_surface_destroy (surface);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);
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

  g_test_add ("/highlights/pdf", Fixture, NULL, fixture_setup, test_pdf, fixture_teardown);
  g_test_add ("/highlights/pdf-many", Fixture, NULL, fixture_setup, test_pdf_many, fixture_teardown);
  g_test_add ("/highlights/text", Fixture, NULL, fixture_setup, test_text, fixture_teardown);
  g_test_add ("/highlights/text-many", Fixture, NULL, fixture_setup, test_text_many, fixture_teardown);

  return g_test_run ();
}
