/* test-selection-drag.c: dragging a text selection from the PDF and text
 * viewers onto a code in the codebook, under Xvfb
 *
 * GTK 4 cannot inject pointer events, so the tests call what the gestures
 * and the drag source's "prepare" call, and deliver the content prepared
 * to the codebook's drop handler as its rows' drop targets do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "gloss-codebook.h"
#include "gloss-codebook-view-private.h"
#include "gloss-pdf-view-private.h"
#include "gloss-resources.h"
#include "gloss-test-ui.h"
#include "gloss-text-view.h"

static const char * const pdf_pages[] = {
  "Alpha page. The fixture speaks of early help and of\n"
  "management oversight in children's services today.\n\n"
  "A second paragraph on page one, with a distinctive word: zeppelin.",
  "Bravo page. The second page carries the word marmalade.",
  NULL,
};

static const char text_report[] =
  "Inspection notes\n"
  "Early help was offered to families promptly. Management oversight of "
  "casework was inconsistent across the teams that inspectors visited.\n"
  "Leaders know their services well.\n";

typedef struct
{
  char              *tmpdir;
  GlossProject      *project;
  gint64             pdf_id;
  gint64             text_id;
  gint64             early_help;
  gint64             oversight;
  GtkWidget         *window;
  GtkWidget         *scrolled;
  GlossCodebookView *codebook;
  gint64             dropped;
  guint              n_dropped;
} Fixture;

/* Fixture ------------------------------------------------------------------ */

static gint64
add_code (Fixture    *fixture,
          gint64      parent,
          const char *name)
{
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GError) error = NULL;

  code = gloss_project_add_code (fixture->project, parent, name, NULL, NULL, &error);
  g_assert_no_error (error);

  return gloss_code_get_id (code);
}

static void
on_selection_dropped (GlossCodebookView *view,
                      gint64             id,
                      Fixture           *fixture)
{
  fixture->dropped = id;
  fixture->n_dropped++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *box;
  gint64 practice;

  fixture->tmpdir = gloss_test_make_tmpdir ();
  fixture->project = gloss_test_project_new (fixture->tmpdir, "Drag");
  fixture->pdf_id = gloss_test_import_pdf (fixture->project, fixture->tmpdir, "alpha-report.pdf", pdf_pages);
  fixture->text_id = gloss_test_import_text (fixture->project, fixture->tmpdir, "inspection-notes.txt", text_report);

  practice = add_code (fixture, 0, "Practice");
  fixture->early_help = add_code (fixture, practice, "Early help");
  fixture->oversight = add_code (fixture, practice, "Management oversight");

  /* The codebook beside the viewer, as in the window. */
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  fixture->codebook = GLOSS_CODEBOOK_VIEW (gloss_codebook_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (fixture->codebook), 300, -1);
  fixture->scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_hexpand (fixture->scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->codebook));
  gtk_box_append (GTK_BOX (box), fixture->scrolled);
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);

  g_signal_connect (fixture->codebook, "selection-dropped", G_CALLBACK (on_selection_dropped), fixture);
  gloss_codebook_view_set_project (fixture->codebook, fixture->project);

  gloss_test_present (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->codebook)));
  gloss_test_settle (150);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gloss_test_destroy_windows (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  g_clear_object (&fixture->project);
  gloss_test_remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

/* Helpers ------------------------------------------------------------------ */

static GlossCodebookItem *
find_item (Fixture    *fixture,
           const char *name)
{
  GListModel *model = gloss_codebook_view_get_model (fixture->codebook);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GlossCodebookItem) item = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (gloss_code_get_name (gloss_codebook_item_get_code (item)), name) == 0)
        return item;  /* owned by the view's stores */
    }

  return NULL;
}

static gboolean
has_early_help_row (gpointer data)
{
  Fixture *fixture = data;
  GListModel *model = gloss_codebook_view_get_model (fixture->codebook);

  /* Expand "Practice" so that its codes are rows. */
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);

      if (gtk_tree_list_row_is_expandable (row))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }

  return find_item (fixture, "Early help") != NULL;
}

/* The string a content provider offers, as the drop target reads it; NULL
 * when it offers none. */
static char *
content_string (GdkContentProvider *content)
{
  g_autoptr(GdkContentFormats) formats = gdk_content_provider_ref_formats (content);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (!gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    return NULL;

  g_value_init (&value, G_TYPE_STRING);
  if (!gdk_content_provider_get_value (content, &value, &error))
    {
      g_test_message ("no value: %s", error->message);
      return NULL;
    }

  return g_value_dup_string (&value);
}

/* Delivers a content to the code named, as its row's drop target does. */
static gboolean
drop_on_code (Fixture            *fixture,
              GdkContentProvider *content,
              const char         *name)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GlossCodebookItem *item = find_item (fixture, name);

  g_assert_nonnull (item);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);

  return gloss_codebook_view_drop (fixture->codebook, item, &value, GLOSS_CODEBOOK_DROP_INTO);
}

static GtkDragSource *
find_drag_source (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkDragSource *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && found == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        found = GTK_DRAG_SOURCE (controller);
    }

  return found;
}

static void
save_icon (GdkPaintable *icon,
           const char   *name)
{
  int width = gdk_paintable_get_intrinsic_width (icon);
  int height = gdk_paintable_get_intrinsic_height (icon);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  gdk_paintable_snapshot (icon, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gloss_test_save_png (surface, name);
  cairo_surface_destroy (surface);
}

/* PDF ---------------------------------------------------------------------- */

/* A widget point on the character at offset: fraction 0.25 on its left
 * part (the caret there is before it), 0.5 at its middle. */
static void
pdf_char_point (GlossPdfView *view,
                GlossLayout  *layout,
                guint         offset,
                double        fraction,
                double       *x,
                double       *y)
{
  guint page = gloss_layout_page_at_offset (layout, offset);
  const GlossPage *p = gloss_layout_get_page (layout, page);
  const GlossRect *r = &p->rects[offset - p->start];

  g_assert_true (gloss_pdf_view_page_to_widget (view, page, r->x1 + (r->x2 - r->x1) * fraction, (r->y1 + r->y2) / 2, x, y));
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLayout) layout = gloss_project_load_layout (fixture->project, fixture->pdf_id, &error);
  g_autoptr(GBytes) bytes = gloss_project_load_document_bytes (fixture->project, fixture->pdf_id, &error);
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GdkContentProvider) none = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *offered = NULL;
  GlossPdfView *view;
  GtkDragSource *source;
  const char *text;
  guint start, end, zeppelin, s = 0, e = 0;
  double x, y, zx, zy;

  g_assert_no_error (error);
  text = gloss_layout_get_text (layout);

  view = GLOSS_PDF_VIEW (gloss_pdf_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_WIDGET (view));
  gloss_pdf_view_set_document (view, bytes, NULL, layout);
  gloss_codebook_view_set_document (fixture->codebook, fixture->pdf_id);
  gloss_test_wait_rendered (view);
  g_assert_true (gloss_test_wait_for (has_early_help_row, fixture, 5000));
  gloss_test_settle (150);

  /* The view has a drag source offering a copy. */
  source = find_drag_source (GTK_WIDGET (view));
  g_assert_nonnull (source);
  g_assert_cmpint (gtk_drag_source_get_actions (source), ==, GDK_ACTION_COPY);

  start = gloss_test_offset_of (text, "early help");
  end = start + strlen ("early help");
  zeppelin = gloss_test_offset_of (text, "zeppelin");
  expected = g_strdup_printf ("gloss-selection:%u-%u", start, end);
  pdf_char_point (view, layout, start + 3, 0.5, &x, &y);
  pdf_char_point (view, layout, zeppelin + 1, 0.25, &zx, &zy);

  /* A press inside the selection: the drag-select gesture leaves the
   * selection alone as the pointer moves, and the drag source's content is
   * the selection. */
  gloss_pdf_view_set_selection (view, start, end);
  _gloss_pdf_view_drag_begin (view, x, y, 0);
  _gloss_pdf_view_click (view, 1, x, y);
  _gloss_pdf_view_drag_update (view, 5, 0);
  _gloss_pdf_view_drag_update (view, 40, 12);
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, end);
  content = _gloss_pdf_view_drag_prepare (view, x, y);
  g_assert_nonnull (content);
  offered = content_string (content);
  g_assert_cmpstr (offered, ==, expected);
  /* The drag and drop begins: GTK resets the view's gestures, and the
   * selection stays to be coded. */
  _gloss_pdf_view_drag_end (view);
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, end);

  /* Dropped on a code, the codebook says so with the code. */
  g_assert_true (drop_on_code (fixture, content, "Early help"));
  g_assert_cmpuint (fixture->n_dropped, ==, 1);
  g_assert_cmpint (fixture->dropped, ==, fixture->early_help);
  g_assert_true (drop_on_code (fixture, content, "Management oversight"));
  g_assert_cmpuint (fixture->n_dropped, ==, 2);
  g_assert_cmpint (fixture->dropped, ==, fixture->oversight);

  /* A press outside the selection prepares no drag and selects text from
   * the press, as ever. */
  _gloss_pdf_view_drag_begin (view, zx, zy, 0);
  _gloss_pdf_view_click (view, 1, zx, zy);
  none = _gloss_pdf_view_drag_prepare (view, zx, zy);
  g_assert_null (none);
  {
    double ex, ey;

    pdf_char_point (view, layout, zeppelin + 6, 0.25, &ex, &ey);
    _gloss_pdf_view_drag_update (view, ex - zx, ey - zy);
    /* Even over the new selection, the gesture stays a selection. */
    none = _gloss_pdf_view_drag_prepare (view, zx, zy);
    g_assert_null (none);
    _gloss_pdf_view_drag_end (view);
  }
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, zeppelin + 1);
  g_assert_cmpuint (e, ==, zeppelin + 6);

  /* A click inside the selection without moving clears it, as ever. */
  gloss_pdf_view_set_selection (view, start, end);
  _gloss_pdf_view_drag_begin (view, x, y, 0);
  _gloss_pdf_view_click (view, 1, x, y);
  _gloss_pdf_view_drag_update (view, 1, 1);
  _gloss_pdf_view_drag_end (view);
  g_assert_false (gloss_pdf_view_get_selection (view, NULL, NULL));
  none = _gloss_pdf_view_drag_prepare (view, x, y);
  g_assert_null (none);

  /* Shift+press inside extends the selection rather than dragging it. */
  gloss_pdf_view_set_selection (view, start, end);
  _gloss_pdf_view_drag_begin (view, x, y, GDK_SHIFT_MASK);
  none = _gloss_pdf_view_drag_prepare (view, x, y);
  g_assert_null (none);
  _gloss_pdf_view_drag_end (view);

  /* No drop arrived but the two above. */
  g_assert_cmpuint (fixture->n_dropped, ==, 2);
}

/* Text --------------------------------------------------------------------- */

static void
text_char_point (GlossTextView *view,
                 guint          offset,
                 double        *x,
                 double        *y)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter iter;
  GdkRectangle location;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &location);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         location.x + location.width / 2,
                                         location.y + location.height / 2, &wx, &wy);
  *x = wx;
  *y = wy;
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossLayout) layout = gloss_project_load_layout (fixture->project, fixture->text_id, &error);
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GdkContentProvider) none = NULL;
  g_autoptr(GdkPaintable) icon = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *offered = NULL;
  GlossTextView *view;
  GtkDragSource *source;
  const char *text;
  guint start, end, leaders, s = 0, e = 0;
  double x, y, lx, ly;

  g_assert_no_error (error);
  text = gloss_layout_get_text (layout);

  view = GLOSS_TEXT_VIEW (gloss_text_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_WIDGET (view));
  gloss_text_view_set_layout (view, layout);
  gloss_codebook_view_set_document (fixture->codebook, fixture->text_id);
  g_assert_true (gloss_test_wait_for (has_early_help_row, fixture, 5000));
  gloss_test_settle (150);

  source = find_drag_source (GTK_WIDGET (view));
  g_assert_nonnull (source);
  g_assert_cmpint (gtk_drag_source_get_actions (source), ==, GDK_ACTION_COPY);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (source)), ==, GTK_PHASE_CAPTURE);
  /* Still read-only. */
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));

  start = gloss_test_offset_of (text, "Management oversight");
  end = start + strlen ("Management oversight");
  leaders = gloss_test_offset_of (text, "Leaders");
  expected = g_strdup_printf ("gloss-selection:%u-%u", start, end);
  text_char_point (view, start + 4, &x, &y);
  text_char_point (view, leaders + 2, &lx, &ly);

  /* A press inside the selection is the drag's, and offers the prefixed
   * string (not GtkTextView's text/plain). */
  gloss_text_view_set_selection (view, start, end);
  g_assert_true (gloss_text_view_drag_press (view, x, y, 0));
  content = gloss_text_view_drag_prepare (view);
  g_assert_nonnull (content);
  offered = content_string (content);
  g_assert_cmpstr (offered, ==, expected);
  gloss_text_view_drag_release (view, x, y);
  g_assert_true (gloss_text_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, end);

  g_assert_true (drop_on_code (fixture, content, "Early help"));
  g_assert_cmpuint (fixture->n_dropped, ==, 1);
  g_assert_cmpint (fixture->dropped, ==, fixture->early_help);

  /* A press outside is GtkTextView's: no drag. */
  g_assert_false (gloss_text_view_drag_press (view, lx, ly, 0));
  none = gloss_text_view_drag_prepare (view);
  g_assert_null (none);

  /* Shift or Ctrl inside: neither. */
  g_assert_false (gloss_text_view_drag_press (view, x, y, GDK_SHIFT_MASK));
  g_assert_false (gloss_text_view_drag_press (view, x, y, GDK_CONTROL_MASK));
  none = gloss_text_view_drag_prepare (view);
  g_assert_null (none);

  /* A click inside without a drag puts the cursor there: no selection. */
  g_assert_true (gloss_text_view_drag_press (view, x, y, 0));
  gloss_text_view_drag_release (view, x, y);
  g_assert_false (gloss_text_view_get_selection (view, NULL, NULL));
  none = gloss_text_view_drag_prepare (view);
  g_assert_null (none);

  /* The drag icon: the start of the text on one line. */
  icon = gloss_selection_drag_icon_new (GTK_WIDGET (view), "Management oversight\nof casework was inconsistent across the teams");
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (icon), >, 60);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (icon), <, 400);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (icon), >, 10);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (icon), <, 60);
  save_icon (icon, "selection-drag-icon.png");
}

int
main (int   argc,
      char *argv[])
{
  gloss_test_gtk_init (&argc, &argv);
  adw_init ();
  /* Links the resources (they register themselves). */
  g_assert_nonnull (gloss_get_resource ());

  g_test_add ("/selection-drag/pdf", Fixture, NULL, fixture_setup, test_pdf, fixture_teardown);
  g_test_add ("/selection-drag/text", Fixture, NULL, fixture_setup, test_text, fixture_teardown);

  return g_test_run ();
}
