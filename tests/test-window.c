/* test-window.c: the application window, driven under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-error.h"
#include "gloss-project.h"
#include "gloss-test-ui.h"
#include "gloss-window.h"

static GlossApplication *app;

typedef struct
{
  char        *tmpdir;
  GlossWindow *window;
} Fixture;

/* Pixels ------------------------------------------------------------------- */

/* Dark (text) pixels in a rectangle of the surface. */
static guint
count_dark_pixels (cairo_surface_t       *surface,
                   const graphene_rect_t *rect)
{
  int x1, y1, x2, y2;
  guint dark = 0;

  gloss_test_pixel_bounds (surface, rect->origin.x, rect->origin.y,
                           rect->origin.x + rect->size.width, rect->origin.y + rect->size.height,
                           &x1, &y1, &x2, &y2);
  for (int y = y1; y < y2; y++)
    for (int x = x1; x < x2; x++)
      {
        guint r, g, b;

        gloss_test_pixel_rgb (surface, x, y, &r, &g, &b);
        if (r < 100 && g < 100 && b < 100)
          dark++;
      }

  return dark;
}

/* Fixture ------------------------------------------------------------------ */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->tmpdir = gloss_test_make_tmpdir ();
  fixture->window = gloss_window_new (app);
  gloss_test_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* With the dialogs the test left open. */
  gloss_test_destroy_windows (GTK_WINDOW (fixture->window));
  gloss_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* A project with a two-page PDF and a text report, the demo reports. */
static char *
make_project (Fixture *fixture)
{
  g_autoptr(GlossProject) project = gloss_test_demo_project_new (fixture->tmpdir, NULL, NULL);

  return g_build_filename (fixture->tmpdir, "Demo.gloss", NULL);
}

static GlossDocument *
find_document (GlossDocumentList *list,
               GlossDocumentKind  kind)
{
  GListModel *model = gloss_document_list_get_model (list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossDocument) document = g_list_model_get_item (model, i);

      if (gloss_document_get_kind (document) == kind)
        return g_steal_pointer (&document);
    }

  return NULL;
}

static gboolean
action_enabled (GlossWindow *window,
                const char  *name)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), name);

  g_assert_nonnull (action);
  return g_action_get_enabled (action);
}

/* Tests -------------------------------------------------------------------- */

static void
test_start_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_assert_cmpstr (gloss_window_get_page_name (fixture->window), ==, "start");
  g_assert_null (gloss_window_get_project (fixture->window));
  g_assert_false (action_enabled (fixture->window, "import"));
  g_assert_false (action_enabled (fixture->window, "close-project"));
  g_assert_true (action_enabled (fixture->window, "new-project"));
  g_assert_true (action_enabled (fixture->window, "open-project"));
}

static gboolean
find_error_dialog (GlossWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        {
          g_test_message ("Error shown: %s — %s",
                          adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)),
                          adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (toplevel)));
          g_assert_nonnull (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)));
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_open_not_a_project (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "notes.gloss", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "These are not the droids you are looking for.\n", -1, &error));
  g_assert_no_error (error);

  g_assert_false (find_error_dialog (fixture->window));
  g_assert_false (gloss_window_open_project (fixture->window, file));
  g_assert_true (find_error_dialog (fixture->window));
  g_assert_cmpstr (gloss_window_get_page_name (fixture->window), ==, "start");
  g_assert_null (gloss_window_get_project (fixture->window));
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
test_project (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = make_project (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) recent = NULL;
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autoptr(GlossDocument) pdf_doc = NULL;
  GlossDocumentList *list = gloss_window_get_document_list (fixture->window);
  GlossPdfView *pdf_view = gloss_window_get_pdf_view (fixture->window);
  GtkEditable *filter = gloss_document_list_get_filter_entry (list);
  GListModel *model = gloss_document_list_get_model (list);
  cairo_surface_t *surface;
  graphene_rect_t bounds;
  GlossLayout *layout;
  ModeWait wait = { fixture->window, "pdf" };
  guint dark;
  guint start, last, s = 0, e = 0;
  double x1, y1, x2, y2;
  guint page;
  const GlossPage *p;
  const GlossRect *r1, *r2;
  g_autofree char *selected = NULL;

  g_assert_true (gloss_window_open_project (fixture->window, file));
  g_assert_cmpstr (gloss_window_get_page_name (fixture->window), ==, "project");
  g_assert_nonnull (gloss_window_get_project (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Demo");
  g_assert_true (action_enabled (fixture->window, "import"));

  /* It went to the top of the recent projects. */
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_nonnull (recent[0]);
  g_assert_cmpstr (recent[0], ==, canonical);

  /* Both documents are listed; filtering by typing narrows the list. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_editable_set_text (filter, "ALPHA");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(GlossDocument) only = g_list_model_get_item (model, 0);
    g_assert_cmpint (gloss_document_get_kind (only), ==, GLOSS_DOCUMENT_KIND_PDF);
  }
  gtk_editable_set_text (filter, "notes");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_editable_set_text (filter, "no such report");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gtk_editable_set_text (filter, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* Selecting the PDF opens it in the viewer, which renders page 1. */
  pdf_doc = find_document (list, GLOSS_DOCUMENT_KIND_PDF);
  g_assert_nonnull (pdf_doc);
  g_assert_true (gloss_document_list_select_document (list, gloss_document_get_id (pdf_doc)));
  g_assert_true (gloss_test_wait_for (viewer_mode_is, &wait, 10000));
  g_assert_true (gloss_test_wait_for (pdf_is_rendered, pdf_view, 15000));
  g_assert_cmpint (gloss_document_get_id (gloss_window_get_document (fixture->window)), ==,
                   gloss_document_get_id (pdf_doc));
  g_assert_true (action_enabled (fixture->window, "zoom-in"));
  g_assert_true (action_enabled (fixture->window, "go-to-page"));
  gloss_test_settle (300);

  surface = gloss_test_snapshot_widget (GTK_WIDGET (fixture->window), 1);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (pdf_view), GTK_WIDGET (fixture->window), &bounds));
  dark = count_dark_pixels (surface, &bounds);
  g_test_message ("%u dark pixels in the viewer", dark);
  g_assert_cmpuint (dark, >, 200);

  /* A drag over "Early help" selects exactly those code points. */
  layout = gloss_pdf_view_get_layout (pdf_view);
  g_assert_nonnull (layout);
  start = gloss_test_layout_offset_of (layout, "Early help");
  last = start + strlen ("Early help") - 1;
  page = gloss_layout_page_at_offset (layout, start);
  g_assert_cmpuint (page, ==, 0);
  p = gloss_layout_get_page (layout, page);
  g_assert_nonnull (p->rects);
  r1 = &p->rects[start - p->start];
  r2 = &p->rects[last - p->start];
  g_assert_true (gloss_pdf_view_page_to_widget (pdf_view, page,
                                                r1->x1 + (r1->x2 - r1->x1) * 0.25,
                                                (r1->y1 + r1->y2) / 2, &x1, &y1));
  g_assert_true (gloss_pdf_view_page_to_widget (pdf_view, page,
                                                r2->x1 + (r2->x2 - r2->x1) * 0.75,
                                                (r2->y1 + r2->y2) / 2, &x2, &y2));
  gloss_pdf_view_select_drag (pdf_view, x1, y1, x2, y2);
  g_assert_true (gloss_pdf_view_get_selection (pdf_view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, last + 1);
  selected = gloss_layout_dup_range (layout, s, e);
  g_assert_cmpstr (selected, ==, "Early help");
  g_assert_true (action_enabled (fixture->window, "copy"));

  gloss_test_settle (200);
  cairo_surface_destroy (surface);
  surface = gloss_test_snapshot_widget (GTK_WIDGET (fixture->window), 1);
  gloss_test_save_png (surface, "window.png");
  cairo_surface_destroy (surface);

  /* Closing goes back to the start page. */
  gloss_window_close_project (fixture->window);
  g_assert_cmpstr (gloss_window_get_page_name (fixture->window), ==, "start");
  g_assert_null (gloss_window_get_project (fixture->window));
  g_assert_cmpstr (gloss_window_get_viewer_mode (fixture->window), ==, "empty");
}

static void
test_text_view (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = make_project (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) text_doc = NULL;
  GlossDocumentList *list = gloss_window_get_document_list (fixture->window);
  GlossTextView *view = gloss_window_get_text_view (fixture->window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  ModeWait wait = { fixture->window, "text" };
  GlossLayout *layout;
  GtkTextIter iter, match_start, match_end, sel_start, sel_end;
  guint s = 0, e = 0, start;
  gboolean has_selection = FALSE;
  g_autofree char *range = NULL;
  g_autofree char *shown = NULL;

  g_assert_true (gloss_window_open_project (fixture->window, file));
  text_doc = find_document (list, GLOSS_DOCUMENT_KIND_TEXT);
  g_assert_nonnull (text_doc);
  g_assert_true (gloss_document_list_select_document (list, gloss_document_get_id (text_doc)));
  g_assert_true (gloss_test_wait_for (viewer_mode_is, &wait, 10000));
  g_assert_false (action_enabled (fixture->window, "zoom-in"));

  layout = gloss_text_view_get_layout (view);
  g_assert_nonnull (layout);
  g_assert_false (gloss_text_view_get_selection (view, NULL, NULL));

  /* The user selects "résumé" in the buffer: the offsets are code points
   * into the canonical text, not bytes. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, "résumé", 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  g_assert_true (gloss_text_view_get_selection (view, &s, &e));
  g_object_get (view, "has-selection", &has_selection, NULL);
  g_assert_true (has_selection);
  g_assert_cmpuint (e - s, ==, 6);
  g_assert_cmpuint (s, ==, gloss_test_layout_offset_of (layout, "résumé"));
  range = gloss_layout_dup_range (layout, s, e);
  g_assert_cmpstr (range, ==, "résumé");
  g_assert_true (action_enabled (fixture->window, "copy"));

  /* And back: offsets select the same characters in the view. */
  start = gloss_test_layout_offset_of (layout, "Naïve plans");
  gloss_text_view_set_selection (view, start, start + 11);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end));
  shown = gtk_text_buffer_get_text (buffer, &sel_start, &sel_end, FALSE);
  g_assert_cmpstr (shown, ==, "Naïve plans");
  g_assert_true (gloss_text_view_get_selection (view, &s, &e));
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, start + 11);

  gloss_text_view_set_selection (view, 0, 0);
  g_assert_false (gloss_text_view_get_selection (view, NULL, NULL));
}

static gboolean
import_finished (gpointer data)
{
  return !gloss_window_get_importing (GLOSS_WINDOW (data));
}

static AdwMessageDialog *
find_password_dialog (GlossWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          GTK_IS_ENTRY (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (toplevel))) &&
          !gtk_entry_get_visibility (GTK_ENTRY (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (toplevel)))))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
password_asked (gpointer data)
{
  return find_password_dialog (GLOSS_WINDOW (data)) != NULL;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = make_project (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *new_txt = g_build_filename (fixture->tmpdir, "charlie-letter.txt", NULL);
  g_autofree char *old_pdf = g_build_filename (fixture->tmpdir, "alpha-report.pdf", NULL);
  g_autofree char *locked = g_build_filename (fixture->tmpdir, "delta-locked.pdf", NULL);
  g_autofree char *empty = g_build_filename (fixture->tmpdir, "empty.txt", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) f1 = g_file_new_for_path (new_txt);
  g_autoptr(GFile) f2 = g_file_new_for_path (old_pdf);
  g_autoptr(GFile) f3 = g_file_new_for_path (locked);
  g_autoptr(GFile) f4 = g_file_new_for_path (empty);
  g_autoptr(GError) error = NULL;
  GlossDocumentList *list = gloss_window_get_document_list (fixture->window);
  GlossDocument *selected;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (new_txt, "Charlie letter.\nA focused visit.\n", -1, &error));
  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  g_assert_true (gloss_test_make_encrypted_pdf (locked, "s3cret", "Delta locked report", &error));
  g_assert_no_error (error);

  g_assert_true (gloss_window_open_project (fixture->window, file));
  g_assert_cmpuint (gloss_document_list_get_n_documents (list), ==, 2);

  /* Filtered so that the new report is hidden: it is shown when selected. */
  gtk_editable_set_text (gloss_document_list_get_filter_entry (list), "alpha");

  /* A new report, a duplicate, a protected PDF and an empty file. */
  g_list_store_append (files, f1);
  g_list_store_append (files, f2);
  g_list_store_append (files, f3);
  g_list_store_append (files, f4);
  gloss_window_import_files (fixture->window, G_LIST_MODEL (files));
  g_assert_true (gloss_window_get_importing (fixture->window));

  /* The protected PDF asks for its password once the others are done. */
  g_assert_true (gloss_test_wait_for (password_asked, fixture->window, 30000));
  g_assert_cmpuint (gloss_document_list_get_n_documents (list), ==, 3);
  selected = gloss_document_list_get_selected (list);
  g_assert_nonnull (selected);
  g_assert_cmpstr (gloss_document_get_name (selected), ==, "charlie-letter");
  g_assert_cmpstr (gtk_editable_get_text (gloss_document_list_get_filter_entry (list)), ==, "");

  /* The empty file was refused: said in a toast, not in a dialog. */
  dialog = find_password_dialog (fixture->window);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "s3cret");
  /* As the Import button does: answer, then close. */
  adw_message_dialog_response (dialog, "import");
  gtk_window_close (GTK_WINDOW (dialog));

  g_assert_true (gloss_test_wait_for (import_finished, fixture->window, 30000));
  g_assert_cmpuint (gloss_document_list_get_n_documents (list), ==, 4);
  selected = gloss_document_list_get_selected (list);
  g_assert_nonnull (selected);
  g_assert_cmpstr (gloss_document_get_name (selected), ==, "delta-locked");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = gloss_test_init_application (&argc, &argv, G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);

  g_test_add ("/window/start-page", Fixture, NULL, fixture_setup, test_start_page, fixture_teardown);
  g_test_add ("/window/open-not-a-project", Fixture, NULL, fixture_setup, test_open_not_a_project, fixture_teardown);
  g_test_add ("/window/project", Fixture, NULL, fixture_setup, test_project, fixture_teardown);
  g_test_add ("/window/text-view", Fixture, NULL, fixture_setup, test_text_view, fixture_teardown);
  g_test_add ("/window/import", Fixture, NULL, fixture_setup, test_import, fixture_teardown);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
