/* test-coding.c: coding from the window, driven under Xvfb: coders, the
 * window's coding actions, the code picker, undo and redo, the panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-codebook.h"
#include "gloss-codebook-view-private.h"
#include "gloss-code-picker.h"
#include "gloss-coder-button.h"
#include "gloss-codings-list.h"
#include "gloss-memo-editor.h"
#include "gloss-segments-view.h"
#include "gloss-test-ui.h"
#include "gloss-window.h"

static GlossApplication *app;

typedef struct
{
  char         *tmpdir;
  GlossWindow  *window;
  GlossProject *project;   /* the window's */
  gint64        pdf_id;
  gint64        text_id;
} Fixture;

/* Pixels ------------------------------------------------------------------- */

/* Pixels of about the colour (r, g, b) at 30% over white, in a rectangle
 * of the surface. */
static guint
count_tinted_pixels (cairo_surface_t       *surface,
                     const graphene_rect_t *rect,
                     const GdkRGBA         *colour)
{
  double er = 255 * (0.7 + 0.3 * colour->red);
  double eg = 255 * (0.7 + 0.3 * colour->green);
  double eb = 255 * (0.7 + 0.3 * colour->blue);
  int x1, y1, x2, y2;
  guint n = 0;

  gloss_test_pixel_bounds (surface, rect->origin.x, rect->origin.y,
                           rect->origin.x + rect->size.width, rect->origin.y + rect->size.height,
                           &x1, &y1, &x2, &y2);

  for (int y = y1; y < y2; y++)
    for (int x = x1; x < x2; x++)
      {
        guint r, g, b;

        gloss_test_pixel_rgb (surface, x, y, &r, &g, &b);
        if (fabs (r - er) < 20 && fabs (g - eg) < 20 && fabs (b - eb) < 20)
          n++;
      }

  return n;
}

/* The rectangle, in the window's coordinates, over the glyphs of
 * [start, end) on the PDF page. */
static void
pdf_range_bounds (GlossWindow     *window,
                  guint            start,
                  guint            end,
                  graphene_rect_t *bounds)
{
  GlossPdfView *view = gloss_window_get_pdf_view (window);
  GlossLayout *layout = gloss_pdf_view_get_layout (view);
  guint page = gloss_layout_page_at_offset (layout, start);
  const GlossPage *p = gloss_layout_get_page (layout, page);
  const GlossRect *r1 = &p->rects[start - p->start];
  const GlossRect *r2 = &p->rects[end - 1 - p->start];
  graphene_point_t a, b, wa, wb;
  double x, y;

  g_assert_true (gloss_pdf_view_page_to_widget (view, page, r1->x1, r1->y1, &x, &y));
  graphene_point_init (&a, x, y);
  g_assert_true (gloss_pdf_view_page_to_widget (view, page, r2->x2, r2->y2, &x, &y));
  graphene_point_init (&b, x, y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (window), &a, &wa));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (window), &b, &wb));
  graphene_rect_init (bounds, wa.x, wa.y, wb.x - wa.x, wb.y - wa.y);
}

static guint
highlight_pixels (GlossWindow *window,
                  guint        start,
                  guint        end,
                  const char  *colour,
                  const char  *png)
{
  cairo_surface_t *surface;
  graphene_rect_t bounds;
  GdkRGBA rgba;
  guint n;

  g_assert_true (gdk_rgba_parse (&rgba, colour));
  gloss_test_settle (300);
  surface = gloss_test_snapshot_widget (GTK_WIDGET (window), 1);
  pdf_range_bounds (window, start, end, &bounds);
  n = count_tinted_pixels (surface, &bounds, &rgba);
  g_test_message ("%u pixels of %s over %.0f×%.0f", n, colour, bounds.size.width, bounds.size.height);
  if (png != NULL)
    gloss_test_save_png (surface, png);
  cairo_surface_destroy (surface);

  return n;
}

/* Fixture ------------------------------------------------------------------ */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Each test starts as on a first start. */
  g_settings_reset (settings, "coder-name");
  g_settings_reset (settings, "panel-width");
  g_settings_reset (settings, "panel-visible");
  g_settings_reset (settings, "document-list-visible");
  g_settings_reset (settings, "visible-coders-mode");
  g_settings_reset (settings, "hidden-coders");
  g_settings_reset (settings, "outline-mine");

  fixture->tmpdir = gloss_test_make_tmpdir ();
  fixture->window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gloss_test_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gloss_test_destroy_windows (GTK_WINDOW (fixture->window));
  gloss_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* Opens a project with a two-page PDF and a text report in the window. */
static void
open_project (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "Demo.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossProject *project;

  project = gloss_test_demo_project_new (fixture->tmpdir, &fixture->pdf_id, &fixture->text_id);
  g_object_unref (project);

  g_assert_true (gloss_window_open_project (fixture->window, file));
  fixture->project = gloss_window_get_project (fixture->window);
  g_assert_nonnull (fixture->project);
}

typedef struct
{
  GlossWindow *window;
  const char  *mode;
} ModeWait;

static gboolean
viewer_mode_is (gpointer data)
{
  ModeWait *wait = data;

  return g_strcmp0 (gloss_window_get_viewer_mode (wait->window), wait->mode) == 0;
}

static gboolean
pdf_is_rendered (gpointer data)
{
  GlossPdfView *view = data;

  return gloss_pdf_view_get_n_pages (view) == 2 && gloss_pdf_view_is_rendered (view);
}

static void
show_document (Fixture *fixture,
               gint64   id,
               gboolean pdf)
{
  ModeWait wait = { fixture->window, pdf ? "pdf" : "text" };

  g_assert_true (gloss_document_list_select_document (gloss_window_get_document_list (fixture->window), id));
  g_assert_true (gloss_test_wait_for (viewer_mode_is, &wait, 10000));
  if (pdf)
    g_assert_true (gloss_test_wait_for (pdf_is_rendered, gloss_window_get_pdf_view (fixture->window), 15000));
  gloss_test_settle (100);
}

/* Drags over needle on the rendered page, as the mouse does. */
static void
select_in_pdf (GlossPdfView *view,
               const char   *needle,
               guint        *start_out,
               guint        *end_out)
{
  GlossLayout *layout = gloss_pdf_view_get_layout (view);
  guint start = gloss_test_layout_offset_of (layout, needle);
  guint last = start + g_utf8_strlen (needle, -1) - 1;
  guint page = gloss_layout_page_at_offset (layout, start);
  const GlossPage *p = gloss_layout_get_page (layout, page);
  const GlossRect *r1 = &p->rects[start - p->start];
  const GlossRect *r2 = &p->rects[last - p->start];
  double x1, y1, x2, y2;
  guint s = 0, e = 0;

  g_assert_true (gloss_pdf_view_page_to_widget (view, page, r1->x1 + (r1->x2 - r1->x1) * 0.25,
                                                (r1->y1 + r1->y2) / 2, &x1, &y1));
  g_assert_true (gloss_pdf_view_page_to_widget (view, page, r2->x1 + (r2->x2 - r2->x1) * 0.75,
                                                (r2->y1 + r2->y2) / 2, &x2, &y2));
  gloss_pdf_view_select_drag (view, x1, y1, x2, y2);
  g_assert_true (gloss_pdf_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, last + 1);

  *start_out = s;
  *end_out = e;
}

static gboolean
action_enabled (GlossWindow *window,
                const char  *name)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), name);

  g_assert_nonnull (action);
  return g_action_get_enabled (action);
}

static GPtrArray *
document_codings (Fixture *fixture,
                  gint64   document_id)
{
  GlossCodingFilter filter = { document_id, 0, FALSE, 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *codings = gloss_project_list_codings (fixture->project, &filter, &error);

  g_assert_no_error (error);
  return codings;
}

static gboolean
strv_contains_name (GPtrArray  *names,
                    const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), name) == 0)
      return TRUE;

  return FALSE;
}

static AdwMessageDialog *
find_dialog (GlossWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* Tests -------------------------------------------------------------------- */

static void
test_coders (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *stored = NULL;
  GlossCoderButton *button = GLOSS_CODER_BUTTON (gloss_window_get_coder_button (fixture->window));
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 id;

  /* First start: asked, with the system's name offered. */
  g_assert_null (find_dialog (fixture->window));
  gloss_window_ask_coder (fixture->window, TRUE);
  dialog = find_dialog (fixture->window);
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==,
                   gloss_window_get_coder_name (fixture->window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), !=, "");

  /* Opening a project meanwhile stores no coder under the offered name. */
  open_project (fixture);
  g_assert_cmpint (gloss_window_get_coder_id (fixture->window), ==, 0);

  /* An empty name cannot be given. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ada Lovelace");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
  gloss_test_settle (50);

  stored = g_settings_get_string (settings, "coder-name");
  g_assert_cmpstr (stored, ==, "Ada Lovelace");
  g_assert_cmpstr (gloss_window_get_coder_name (fixture->window), ==, "Ada Lovelace");
  g_assert_cmpstr (gloss_coder_button_get_coder (button), ==, "Ada Lovelace");
  id = gloss_window_get_coder_id (fixture->window);
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpint (gloss_project_lookup_coder (fixture->project, "Ada Lovelace"), ==, id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));

  /* Switching from the header bar's menu is explicit, and stored. */
  g_signal_emit_by_name (button, "switch-coder", "Bea");
  g_assert_cmpstr (gloss_window_get_coder_name (fixture->window), ==, "Bea");
  g_assert_cmpstr (gloss_coder_button_get_coder (button), ==, "Bea");
  g_assert_cmpint (gloss_window_get_coder_id (fixture->window), ==,
                   gloss_project_lookup_coder (fixture->project, "Bea"));
  g_free (stored);
  stored = g_settings_get_string (settings, "coder-name");
  g_assert_cmpstr (stored, ==, "Bea");

  /* "New Coder…" asks for the name. */
  g_signal_emit_by_name (button, "new-coder");
  dialog = find_dialog (fixture->window);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Cyril");
  adw_message_dialog_response (dialog, "switch");
  gtk_window_close (GTK_WINDOW (dialog));
  gloss_test_settle (50);
  g_assert_cmpstr (gloss_window_get_coder_name (fixture->window), ==, "Cyril");

  /* Preferences change it through the same setting. */
  g_settings_set_string (settings, "coder-name", "Dora");
  gloss_test_settle (50);
  g_assert_cmpstr (gloss_window_get_coder_name (fixture->window), ==, "Dora");
  g_assert_cmpint (gloss_window_get_coder_id (fixture->window), ==,
                   gloss_project_lookup_coder (fixture->project, "Dora"));

  /* The popover lists the project's coders. */
  gloss_coder_button_refresh (button);
  names = gloss_project_list_coder_names (fixture->project, NULL, NULL);
  g_assert_true (strv_contains_name (names, "Ada Lovelace"));
  g_assert_true (strv_contains_name (names, "Bea"));
  g_assert_true (strv_contains_name (names, "Cyril"));
  g_assert_true (strv_contains_name (names, "Dora"));
  g_assert_false (strv_contains_name (names, g_get_real_name ()));
}

static void
test_apply_undo_redo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GPtrArray) codings = NULL;
  g_autoptr(GError) error = NULL;
  GlossPdfView *pdf_view;
  GlossCoding *coding;
  double area;
  guint pixels;
  guint start, end;

  g_settings_set_string (settings, "coder-name", "Ada");
  open_project (fixture);
  pdf_view = gloss_window_get_pdf_view (fixture->window);

  code = gloss_project_add_code (fixture->project, 0, "Early help", "#e01b24", NULL, &error);
  g_assert_no_error (error);

  /* Nothing to code before a document is open. */
  g_assert_false (action_enabled (fixture->window, "apply-code"));
  g_assert_false (action_enabled (fixture->window, "undo"));

  show_document (fixture, fixture->pdf_id, TRUE);
  g_assert_true (action_enabled (fixture->window, "apply-code"));
  g_assert_false (action_enabled (fixture->window, "apply-pinned"));

  select_in_pdf (pdf_view, "Early help", &start, &end);
  g_assert_true (action_enabled (fixture->window, "apply-pinned"));

  /* Through the window's own action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-code", "x",
                                             gloss_code_get_id (code)));
  codings = document_codings (fixture, fixture->pdf_id);
  g_assert_cmpuint (codings->len, ==, 1);
  coding = g_ptr_array_index (codings, 0);
  g_assert_cmpuint (gloss_coding_get_start (coding), ==, start);
  g_assert_cmpuint (gloss_coding_get_end (coding), ==, end);
  g_assert_cmpstr (gloss_coding_get_quote (coding), ==, "Early help");
  g_assert_cmpstr (gloss_coding_get_coder_name (coding), ==, "Ada");
  g_assert_cmpstr (gloss_coding_get_code_path (coding), ==, "Early help");
  g_assert_cmpuint (gloss_coding_get_page (coding), ==, 0);
  g_assert_true (action_enabled (fixture->window, "undo"));
  g_assert_false (action_enabled (fixture->window, "redo"));

  /* The same code, coder and passage again is refused (a toast), not
   * doubled. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-code", "x", gloss_code_get_id (code));
  g_clear_pointer (&codings, g_ptr_array_unref);
  codings = document_codings (fixture, fixture->pdf_id);
  g_assert_cmpuint (codings->len, ==, 1);

  /* Its highlight is drawn at once, in the code's colour, over the
   * passage (without the selection drawn above it). */
  gloss_pdf_view_clear_selection (pdf_view);
  pixels = highlight_pixels (fixture->window, start, end, "#e01b24", "coded-page.png");
  {
    graphene_rect_t bounds;

    pdf_range_bounds (fixture->window, start, end, &bounds);
    area = bounds.size.width * bounds.size.height;
  }
  g_assert_cmpuint (pixels, >, area * 0.4);
  /* Not elsewhere: the words after it are not tinted. */
  {
    guint other = gloss_test_layout_offset_of (gloss_pdf_view_get_layout (pdf_view), "borough");

    g_assert_cmpuint (highlight_pixels (fixture->window, other, other + 7, "#e01b24", NULL), <, 10);
  }

  /* Undo removes it and its highlight; redo brings both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_clear_pointer (&codings, g_ptr_array_unref);
  codings = document_codings (fixture, fixture->pdf_id);
  g_assert_cmpuint (codings->len, ==, 0);
  g_assert_true (action_enabled (fixture->window, "redo"));
  g_assert_cmpuint (highlight_pixels (fixture->window, start, end, "#e01b24", "uncoded-page.png"), <, 10);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_clear_pointer (&codings, g_ptr_array_unref);
  codings = document_codings (fixture, fixture->pdf_id);
  g_assert_cmpuint (codings->len, ==, 1);
  coding = g_ptr_array_index (codings, 0);
  g_assert_cmpuint (gloss_coding_get_start (coding), ==, start);
  g_assert_cmpstr (gloss_coding_get_coder_name (coding), ==, "Ada");
  g_assert_cmpuint (highlight_pixels (fixture->window, start, end, "#e01b24", NULL), >, area * 0.4);

  /* The signals that follow (on idle) keep the actions right. */
  gloss_test_settle (100);
  g_assert_true (action_enabled (fixture->window, "undo"));
  g_assert_false (action_enabled (fixture->window, "redo"));
}

static void
test_text_and_pins (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GPtrArray) codings = NULL;
  g_autoptr(GError) error = NULL;
  GlossTextView *text_view;
  GlossCoding *coding;
  GlossLayout *layout;
  guint start;

  open_project (fixture);
  text_view = gloss_window_get_text_view (fixture->window);
  code = gloss_project_add_code (fixture->project, 0, "Visits", "#3584e4", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_project_set_code_pin (fixture->project, gloss_code_get_id (code), 3, &error));
  g_assert_no_error (error);

  show_document (fixture, fixture->text_id, FALSE);
  layout = gloss_text_view_get_layout (text_view);
  start = gloss_test_layout_offset_of (layout, "résumé");
  gloss_text_view_set_selection (text_view, start, start + 6);
  g_assert_true (action_enabled (fixture->window, "apply-pinned"));

  /* Key 5 has no code: nothing is coded. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-pinned", "u", 5));
  codings = document_codings (fixture, fixture->text_id);
  g_assert_cmpuint (codings->len, ==, 0);

  /* Key 3 applies the code pinned to it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-pinned", "u", 3));
  g_clear_pointer (&codings, g_ptr_array_unref);
  codings = document_codings (fixture, fixture->text_id);
  g_assert_cmpuint (codings->len, ==, 1);
  coding = g_ptr_array_index (codings, 0);
  g_assert_cmpstr (gloss_coding_get_quote (coding), ==, "résumé");
  g_assert_cmpuint (gloss_coding_get_start (coding), ==, start);
  g_assert_cmpuint (gloss_coding_get_end (coding), ==, start + 6);
  g_assert_cmpstr (gloss_coding_get_coder_name (coding), ==, gloss_window_get_coder_name (fixture->window));

  /* A click on its highlight selects it in the panel's list. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
    GlossCodingsList *list = GLOSS_CODINGS_LIST (gloss_window_get_codings_list (fixture->window));
    GtkTextIter iter;
    GdkRectangle location;
    int x, y;

    gloss_test_settle (200);
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, start + 2);
    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (text_view), &iter, &location);
    gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (text_view), GTK_TEXT_WINDOW_WIDGET,
                                           location.x + 1, location.y + location.height / 2, &x, &y);
    g_assert_cmpint (gloss_text_view_click (text_view, x, y), ==, gloss_coding_get_id (coding));
    g_assert_cmpint (gloss_codings_list_get_selected (list), ==, gloss_coding_get_id (coding));
  }

  /* Without a selection the digits do nothing. */
  gloss_text_view_set_selection (text_view, start, start);
  g_assert_false (action_enabled (fixture->window, "apply-pinned"));
}

static void
test_picker (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GlossCode) created = NULL;
  g_autoptr(GPtrArray) codings = NULL;
  g_autoptr(GError) error = NULL;
  GlossCodePicker *picker = GLOSS_CODE_PICKER (gloss_window_get_code_picker (fixture->window));
  GtkEditable *entry = gloss_code_picker_get_entry (picker);
  GlossPdfView *pdf_view;
  guint start, end;

  open_project (fixture);
  pdf_view = gloss_window_get_pdf_view (fixture->window);
  code = gloss_project_add_code (fixture->project, 0, "Management oversight", "#33d17a", NULL, &error);
  g_assert_no_error (error);

  show_document (fixture, fixture->pdf_id, TRUE);
  select_in_pdf (pdf_view, "management oversight", &start, &end);

  /* Ctrl+K's action opens it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.code-picker", NULL));
  g_assert_true (gloss_test_wait_for (gloss_test_is_mapped, picker, 5000));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  /* Type-ahead: a part of the name finds it, with an offer to create what
   * was typed below it; Enter takes the code. */
  gtk_editable_set_text (entry, "overs");
  g_assert_true (gloss_code_picker_activate (picker));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  codings = document_codings (fixture, fixture->pdf_id);
  g_assert_cmpuint (codings->len, ==, 1);
  g_assert_cmpstr (gloss_coding_get_code_path (g_ptr_array_index (codings, 0)), ==, "Management oversight");
  g_assert_cmpstr (gloss_coding_get_quote (g_ptr_array_index (codings, 0)), ==, "management oversight");

  /* A name matching no code: the first row creates it, nested by "/". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.code-picker", NULL));
  g_assert_true (gloss_test_wait_for (gloss_test_is_mapped, picker, 5000));
  gtk_editable_set_text (entry, "Safeguarding/Early help");
  gloss_code_picker_reload (picker);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  gtk_editable_set_text (entry, "Safeguarding/Early help");
  g_assert_true (gloss_code_picker_activate (picker));
  gloss_test_settle (50);

  created = gloss_project_lookup_code (fixture->project, "Safeguarding/Early help", &error);
  g_assert_no_error (error);
  g_assert_nonnull (created);
  g_assert_cmpuint (gloss_code_get_depth (created), ==, 1);
  g_clear_pointer (&codings, g_ptr_array_unref);
  codings = document_codings (fixture, fixture->pdf_id);
  g_assert_cmpuint (codings->len, ==, 2);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < codings->len; i++)
      found |= g_strcmp0 (gloss_coding_get_code_path (g_ptr_array_index (codings, i)),
                          "Safeguarding/Early help") == 0;
    g_assert_true (found);
  }

  /* Undo takes back the coding, then the new code. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_clear_pointer (&codings, g_ptr_array_unref);
  codings = document_codings (fixture, fixture->pdf_id);
  g_assert_cmpuint (codings->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_clear_object (&created);
  created = gloss_project_lookup_code (fixture->project, "Safeguarding/Early help", NULL);
  g_assert_null (created);
}

typedef struct
{
  GlossCodingsList *list;
  guint             n;
} ListWait;

static gboolean
codings_list_has (gpointer data)
{
  ListWait *wait = data;

  return g_list_model_get_n_items (gloss_codings_list_get_model (wait->list)) == wait->n;
}

typedef struct
{
  GlossSegmentsView *view;
  guint              n_items;
} SegmentsWait;

static gboolean
segments_loaded (gpointer data)
{
  SegmentsWait *wait = data;

  return !gloss_segments_view_get_loading (wait->view) &&
         g_list_model_get_n_items (gloss_segments_view_get_model (wait->view)) == wait->n_items;
}

static gboolean
text_selection_is (gpointer data)
{
  Fixture *fixture = data;
  guint s = 0, e = 0;

  return g_strcmp0 (gloss_window_get_viewer_mode (fixture->window), "text") == 0 &&
         gloss_text_view_get_selection (gloss_window_get_text_view (fixture->window), &s, &e) &&
         s == 13 && e == 18;
}

static gboolean
memo_saved (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *memo = gloss_project_get_memo (fixture->project, GLOSS_MEMO_PROJECT, 0,
                                                  gloss_window_get_coder_id (fixture->window), NULL);

  return g_strcmp0 (memo, "Themes to watch: early help.") == 0;
}

static void
test_panel (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GlossCoding) in_text = NULL;
  g_autoptr(GError) error = NULL;
  GlossCodingsList *codings_list;
  GlossSegmentsView *segments;
  GlossMemoEditor *memo;
  GlossPdfView *pdf_view;
  cairo_surface_t *surface;
  SegmentsWait wait;
  ListWait list_wait;
  guint start, end, s = 0, e = 0;
  gint64 coder;

  open_project (fixture);
  codings_list = GLOSS_CODINGS_LIST (gloss_window_get_codings_list (fixture->window));
  segments = GLOSS_SEGMENTS_VIEW (gloss_window_get_segments_view (fixture->window));
  memo = GLOSS_MEMO_EDITOR (gloss_window_get_memo_editor (fixture->window));
  pdf_view = gloss_window_get_pdf_view (fixture->window);
  coder = gloss_window_get_coder_id (fixture->window);
  g_assert_cmpint (coder, !=, 0);

  code = gloss_project_add_code (fixture->project, 0, "Workforce", "#9141ac", NULL, &error);
  g_assert_no_error (error);
  in_text = gloss_project_add_coding (fixture->project, fixture->text_id, gloss_code_get_id (code),
                                      coder, 13, 18, "In the notes", &error);
  g_assert_no_error (error);

  /* The open document's codings, listed in the panel. */
  show_document (fixture, fixture->pdf_id, TRUE);
  g_assert_cmpstr (gloss_window_get_sidebar_page (fixture->window), ==, "codebook");
  select_in_pdf (pdf_view, "social workers", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-code", "x",
                                             gloss_code_get_id (code)));
  select_in_pdf (pdf_view, "Leaders", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-code", "x",
                                             gloss_code_get_id (code)));
  list_wait.list = codings_list;
  list_wait.n = 2;
  g_assert_true (gloss_test_wait_for (codings_list_has, &list_wait, 5000));

  /* A colleague's coding shows, unless only mine are to be shown. */
  {
    g_autoptr(GlossCoding) other = NULL;
    gint64 zed = gloss_project_ensure_coder (fixture->project, "Zed", &error);
    GlossCoderButton *button = GLOSS_CODER_BUTTON (gloss_window_get_coder_button (fixture->window));

    g_assert_no_error (error);
    other = gloss_project_add_coding (fixture->project, fixture->pdf_id, gloss_code_get_id (code),
                                      zed, 0, 5, NULL, &error);
    g_assert_no_error (error);
    list_wait.n = 3;
    g_assert_true (gloss_test_wait_for (codings_list_has, &list_wait, 5000));

    gloss_coder_button_set_visibility (button, GLOSS_CODER_VISIBILITY_MINE);
    list_wait.n = 2;
    g_assert_true (gloss_test_wait_for (codings_list_has, &list_wait, 5000));

    gloss_coder_button_set_visibility (button, GLOSS_CODER_VISIBILITY_CHOSEN);
    list_wait.n = 3;
    g_assert_true (gloss_test_wait_for (codings_list_has, &list_wait, 5000));
    gloss_coder_button_set_coder_shown (button, "Zed", FALSE);
    list_wait.n = 2;
    g_assert_true (gloss_test_wait_for (codings_list_has, &list_wait, 5000));

    gloss_coder_button_set_visibility (button, GLOSS_CODER_VISIBILITY_ALL);
    list_wait.n = 3;
    g_assert_true (gloss_test_wait_for (codings_list_has, &list_wait, 5000));
    g_assert_true (gloss_project_remove_coding (fixture->project, gloss_coding_get_id (other), &error));
    g_assert_no_error (error);
    list_wait.n = 2;
    g_assert_true (gloss_test_wait_for (codings_list_has, &list_wait, 5000));
  }

  /* Activating the first row selects its passage in the viewer. */
  gloss_pdf_view_clear_selection (pdf_view);
  gloss_codings_list_activate_row (codings_list, 0);
  g_assert_true (gloss_pdf_view_get_selection (pdf_view, &s, &e));
  g_assert_cmpuint (s, ==, gloss_test_layout_offset_of (gloss_pdf_view_get_layout (pdf_view), "social workers"));
  g_assert_cmpuint (e, ==, s + strlen ("social workers"));

  /* The coded segments of the code, across documents. */
  gloss_segments_view_set_code (segments, gloss_code_get_id (code));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.coded-segments", NULL));
  g_assert_cmpstr (gloss_window_get_content_page (fixture->window), ==, "segments");
  g_assert_true (action_enabled (fixture->window, "show-reports"));
  wait.view = segments;
  wait.n_items = 5;     /* two groups, three passages */
  g_assert_true (gloss_test_wait_for (segments_loaded, &wait, 10000));
  gloss_test_settle (800);
  surface = gloss_test_snapshot_widget (GTK_WIDGET (fixture->window), 1);
  gloss_test_save_png (surface, "coded-segments-window.png");
  cairo_surface_destroy (surface);

  /* Activating the text's passage opens that document there, selected. */
  {
    GListModel *model = gloss_segments_view_get_model (segments);
    guint position = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (model, i);

        if (GLOSS_IS_CODING (item) &&
            gloss_coding_get_id (GLOSS_CODING (item)) == gloss_coding_get_id (in_text))
          position = i;
      }
    g_assert_cmpuint (position, !=, G_MAXUINT);
    gloss_segments_view_activate_row (segments, position);
  }
  g_assert_cmpstr (gloss_window_get_content_page (fixture->window), ==, "reports");
  g_assert_true (gloss_test_wait_for (text_selection_is, fixture, 10000));
  g_assert_cmpint (gloss_document_get_id (gloss_window_get_document (fixture->window)), ==, fixture->text_id);

  /* The project memo, from the primary menu, saved as typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.project-memo", NULL));
  g_assert_cmpstr (gloss_window_get_sidebar_page (fixture->window), ==, "memo");
  gtk_text_buffer_set_text (gloss_memo_editor_get_buffer (memo), "Themes to watch: early help.", -1);
  g_assert_true (gloss_test_wait_for (memo_saved, fixture, 5000));

  gloss_test_settle (300);
  surface = gloss_test_snapshot_widget (GTK_WIDGET (fixture->window), 1);
  gloss_test_save_png (surface, "memo-window.png");
  cairo_surface_destroy (surface);
}

static gboolean
list_selects (gpointer data)
{
  Fixture *fixture = data;
  GlossCodingsList *list = GLOSS_CODINGS_LIST (gloss_window_get_codings_list (fixture->window));
  GListModel *model = gloss_codings_list_get_model (list);

  if (g_list_model_get_n_items (model) != 1)
    return FALSE;

  {
    g_autoptr(GlossCoding) first = g_list_model_get_item (model, 0);

    gloss_codings_list_select_coding (list, gloss_coding_get_id (first));
  }
  return gloss_codings_list_get_selected (list) != 0;
}

static void
test_change_coding (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GlossCode) other = NULL;
  g_autoptr(GlossCoding) coding = NULL;
  g_autoptr(GlossCoding) changed = NULL;
  g_autoptr(GPtrArray) codings = NULL;
  g_autoptr(GError) error = NULL;
  GlossCodePicker *picker = GLOSS_CODE_PICKER (gloss_window_get_code_picker (fixture->window));
  GlossPdfView *pdf_view;
  guint start, end;

  open_project (fixture);
  pdf_view = gloss_window_get_pdf_view (fixture->window);
  code = gloss_project_add_code (fixture->project, 0, "Workforce", "#9141ac", NULL, &error);
  g_assert_no_error (error);
  other = gloss_project_add_code (fixture->project, 0, "Leadership", "#c64600", NULL, &error);
  g_assert_no_error (error);

  show_document (fixture, fixture->pdf_id, TRUE);
  select_in_pdf (pdf_view, "social workers", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.apply-code", "x",
                                             gloss_code_get_id (code)));
  g_assert_true (gloss_test_wait_for (list_selects, fixture, 5000));
  codings = document_codings (fixture, fixture->pdf_id);
  coding = g_object_ref (g_ptr_array_index (codings, 0));

  /* Extend it to a new selection. */
  select_in_pdf (pdf_view, "social workers and their managers", &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.fit-coding", NULL));
  changed = gloss_project_get_coding (fixture->project, gloss_coding_get_id (coding), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_coding_get_start (changed), ==, start);
  g_assert_cmpuint (gloss_coding_get_end (changed), ==, end);
  g_assert_cmpstr (gloss_coding_get_quote (changed), ==, "social workers and their managers");

  /* Change its code through the picker: the choice goes to the coding,
   * and the selection gets no new coding. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.recode-coding", NULL));
  g_assert_true (gloss_test_wait_for (gloss_test_is_mapped, picker, 5000));
  gtk_editable_set_text (gloss_code_picker_get_entry (picker), "leader");
  g_assert_true (gloss_code_picker_activate (picker));
  g_clear_object (&changed);
  changed = gloss_project_get_coding (fixture->project, gloss_coding_get_id (coding), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_coding_get_code_path (changed), ==, "Leadership");
  g_clear_pointer (&codings, g_ptr_array_unref);
  codings = document_codings (fixture, fixture->pdf_id);
  g_assert_cmpuint (codings->len, ==, 1);

  /* The picker opened as usual codes the selection again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.code-picker", NULL));
  g_assert_true (gloss_test_wait_for (gloss_test_is_mapped, picker, 5000));
  gtk_editable_set_text (gloss_code_picker_get_entry (picker), "workf");
  g_assert_true (gloss_code_picker_activate (picker));
  g_clear_pointer (&codings, g_ptr_array_unref);
  codings = document_codings (fixture, fixture->pdf_id);
  g_assert_cmpuint (codings->len, ==, 2);

  /* Remove the one selected in the list; undo brings it back. */
  g_assert_true (gloss_codings_list_get_selected (GLOSS_CODINGS_LIST (gloss_window_get_codings_list (fixture->window))) ==
                 gloss_coding_get_id (coding));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-coding", NULL));
  g_clear_pointer (&changed, g_object_unref);
  changed = gloss_project_get_coding (fixture->project, gloss_coding_get_id (coding), NULL);
  g_assert_null (changed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  changed = gloss_project_get_coding (fixture->project, gloss_coding_get_id (coding), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_coding_get_code_path (changed), ==, "Leadership");
}

static int
min_width (GtkWidget *widget)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthWait;

static gboolean
width_is (gpointer data)
{
  WidthWait *wait = data;

  return ABS (gtk_widget_get_width (wait->widget) - wait->width) <= 2;
}

/* The panel fits a small window, keeps its width, and the codebook keeps
 * its selection through the filter. */
static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GlossCode) parent = NULL;
  g_autoptr(GlossCode) child = NULL;
  g_autoptr(GlossCode) other = NULL;
  g_autoptr(GError) error = NULL;
  GlossCodebookView *codebook;
  GtkEditable *filter;
  GtkWidget *panel;
  GtkPaned *paned;
  WidthWait wait;

  open_project (fixture);
  parent = gloss_project_add_code (fixture->project, 0, "Leadership and management oversight of frontline practice",
                                   "#9141ac", NULL, &error);
  g_assert_no_error (error);
  child = gloss_project_add_code (fixture->project, gloss_code_get_id (parent),
                                  "Workforce stability and caseloads of social workers", "#2ec27e", NULL, &error);
  g_assert_no_error (error);
  other = gloss_project_add_code (fixture->project, 0, "Early help", "#e5a50a", NULL, &error);
  g_assert_no_error (error);
  show_document (fixture, fixture->pdf_id, TRUE);

  codebook = GLOSS_CODEBOOK_VIEW (gloss_window_get_codebook_view (fixture->window));
  paned = GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (codebook), GTK_TYPE_PANED));
  panel = gtk_paned_get_end_child (paned);

  /* Narrow enough for a 1000 px window: long names ellipsize. */
  gloss_codebook_view_select_code (codebook, gloss_code_get_id (child));
  gloss_test_settle (100);
  g_assert_cmpint (min_width (GTK_WIDGET (codebook)), <=, 220);
  g_assert_cmpint (min_width (panel), <=, 230);

  /* The panel opens at the width kept in the settings, and keeps a new one. */
  wait.widget = panel;
  wait.width = g_settings_get_int (settings, "panel-width");
  g_assert_true (gloss_test_wait_for (width_is, &wait, 5000));
  gtk_paned_set_position (paned, gtk_paned_get_position (paned) - 60);
  wait.width += 60;
  g_assert_true (gloss_test_wait_for (width_is, &wait, 5000));
  g_assert_cmpint (ABS (g_settings_get_int (settings, "panel-width") - wait.width), <=, 2);

  /* The panel and the reports list hide, and that is kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-document-list", NULL));
  g_assert_false (g_settings_get_boolean (settings, "document-list-visible"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gloss_window_get_document_list (fixture->window))) &&
                  gtk_widget_get_mapped (GTK_WIDGET (gloss_window_get_document_list (fixture->window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-document-list", NULL));
  g_assert_true (g_settings_get_boolean (settings, "document-list-visible"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-codebook", NULL));
  g_assert_false (gtk_widget_get_visible (panel));
  g_assert_false (g_settings_get_boolean (settings, "panel-visible"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-codebook", NULL));
  g_assert_true (gtk_widget_get_visible (panel));

  /* A filter that hides the selected code; cleared, the code is selected
   * again, inside its parent. */
  filter = gloss_codebook_view_get_filter_entry (codebook);
  {
    GtkTreeListRow *row = NULL;
    guint position;

    /* Close the parent first: the code is found inside it. */
    position = 0;
    row = gtk_tree_list_model_get_row (GTK_TREE_LIST_MODEL (gloss_codebook_view_get_model (codebook)), position);
    gtk_tree_list_row_set_expanded (row, FALSE);
    g_object_unref (row);
  }
  gtk_editable_set_text (filter, "workforce");
  gloss_test_settle (400);  /* "search-changed" comes after a pause */
  gloss_codebook_view_select_code (codebook, gloss_code_get_id (child));
  g_assert_cmpint (gloss_codebook_view_get_selected_code (codebook), ==, gloss_code_get_id (child));
  gtk_editable_set_text (filter, "early");
  gloss_test_settle (400);  /* "search-changed" comes after a pause */
  g_assert_cmpint (gloss_codebook_view_get_selected_code (codebook), ==, 0);
  gtk_editable_set_text (filter, "");
  gloss_test_settle (400);  /* "search-changed" comes after a pause */
  g_assert_cmpint (gloss_codebook_view_get_selected_code (codebook), ==, gloss_code_get_id (child));

  /* Another code chosen meanwhile wins. */
  gtk_editable_set_text (filter, "early");
  gloss_test_settle (400);  /* "search-changed" comes after a pause */
  gloss_codebook_view_select_code (codebook, gloss_code_get_id (other));
  gtk_editable_set_text (filter, "");
  gloss_test_settle (400);  /* "search-changed" comes after a pause */
  g_assert_cmpint (gloss_codebook_view_get_selected_code (codebook), ==, gloss_code_get_id (other));

  /* Whose codings are shown is kept. */
  {
    GlossCoderButton *button = GLOSS_CODER_BUTTON (gloss_window_get_coder_button (fixture->window));
    g_auto(GStrv) hidden = NULL;
    g_autofree char *mode = NULL;

    gloss_coder_button_set_visibility (button, GLOSS_CODER_VISIBILITY_CHOSEN);
    gloss_coder_button_set_coder_shown (button, "Zed", FALSE);
    gloss_coder_button_set_outline_mine (button, TRUE);
    mode = g_settings_get_string (settings, "visible-coders-mode");
    hidden = g_settings_get_strv (settings, "hidden-coders");
    g_assert_cmpstr (mode, ==, "chosen");
    g_assert_cmpuint (g_strv_length (hidden), ==, 1);
    g_assert_cmpstr (hidden[0], ==, "Zed");
    g_assert_true (g_settings_get_boolean (settings, "outline-mine"));
  }
  /* ... and restored in a new window. */
  {
    GlossWindow *second = gloss_window_new (app);
    GlossCoderButton *button = GLOSS_CODER_BUTTON (gloss_window_get_coder_button (second));

    g_assert_cmpint (gloss_coder_button_get_visibility (button), ==, GLOSS_CODER_VISIBILITY_CHOSEN);
    g_assert_false (gloss_coder_button_get_coder_shown (button, "Zed"));
    g_assert_true (gloss_coder_button_get_outline_mine (button));
    gtk_window_destroy (GTK_WINDOW (second));
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = gloss_test_init_application (&argc, &argv,
                                     G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);

  g_test_add ("/coding/layout", Fixture, NULL, fixture_setup, test_layout, fixture_teardown);
  g_test_add ("/coding/coders", Fixture, NULL, fixture_setup, test_coders, fixture_teardown);
  g_test_add ("/coding/apply-undo-redo", Fixture, NULL, fixture_setup, test_apply_undo_redo, fixture_teardown);
  g_test_add ("/coding/text-and-pins", Fixture, NULL, fixture_setup, test_text_and_pins, fixture_teardown);
  g_test_add ("/coding/picker", Fixture, NULL, fixture_setup, test_picker, fixture_teardown);
  g_test_add ("/coding/panel", Fixture, NULL, fixture_setup, test_panel, fixture_teardown);
  g_test_add ("/coding/change-coding", Fixture, NULL, fixture_setup, test_change_coding, fixture_teardown);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
