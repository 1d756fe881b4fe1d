/* test-segments-view.c: the codings list, the coded-segments view and the
 * memo editor, driven under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-codebook.h"
#include "gloss-codings-list.h"
#include "gloss-error.h"
#include "gloss-memo-editor.h"
#include "gloss-segments-view.h"
#include "gloss-test-ui.h"

static GlossApplication *app;

typedef struct
{
  char         *tmpdir;
  GlossProject *project;
  gint64        doc_pdf;
  gint64        doc_text;
  gint64        early_help;     /* "Early help" */
  gint64        family_support; /* "Early help/Family support" */
  gint64        oversight;      /* "Oversight" */
  gint64        alice;
  gint64        bob;
  gint64        c1, c2, c3, c4, c5, c6;
} Fixture;

/* Main loop ---------------------------------------------------------------- */

static gboolean
segments_loaded (gpointer data)
{
  return !gloss_segments_view_get_loading (GLOSS_SEGMENTS_VIEW (data));
}

/* Widgets ------------------------------------------------------------------ */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 guint      nth)
{
  guint seen = 0;
  GPtrArray *queue = g_ptr_array_new ();
  GtkWidget *found = NULL;

  g_ptr_array_add (queue, widget);
  for (guint i = 0; i < queue->len && found == NULL; i++)
    {
      GtkWidget *w = g_ptr_array_index (queue, i);

      if (w != widget && G_TYPE_CHECK_INSTANCE_TYPE (w, type) && seen++ == nth)
        found = w;
      for (GtkWidget *child = gtk_widget_get_first_child (w); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (queue, child);
    }

  g_ptr_array_unref (queue);
  return found;
}

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gloss_test_present (GTK_WINDOW (window));
  gloss_test_settle (100);

  return window;
}

/* Whether some label under widget shows text starting with prefix and
 * containing needle. */
static gboolean
has_label (GtkWidget  *widget,
           const char *prefix,
           const char *needle)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *label = find_descendant (widget, GTK_TYPE_LABEL, i);
      const char *text;

      if (label == NULL)
        return FALSE;
      text = gtk_label_get_text (GTK_LABEL (label));
      if (gtk_widget_is_drawable (label) && g_str_has_prefix (text, prefix) &&
          (needle == NULL || strstr (text, needle) != NULL))
        return TRUE;
    }
}

/* Fixture ------------------------------------------------------------------ */

static gint64
add_coding (Fixture    *fixture,
            gint64      document_id,
            gint64      code_id,
            gint64      coder_id,
            const char *needle,
            const char *memo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gloss_project_load_document_text (fixture->project, document_id, &error);
  g_autoptr(GlossCoding) coding = NULL;
  guint start;

  g_assert_no_error (error);
  start = gloss_test_offset_of (text, needle);
  coding = gloss_project_add_coding (fixture->project, document_id, code_id, coder_id,
                                     start, start + g_utf8_strlen (needle, -1), memo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (coding);

  return gloss_coding_get_id (coding);
}

static gint64
code_id (GlossCode *code)
{
  g_assert_nonnull (code);
  return gloss_code_get_id (code);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GlossCode) early = NULL;
  g_autoptr(GlossCode) family = NULL;
  g_autoptr(GlossCode) oversight = NULL;
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = gloss_test_make_tmpdir ();
  /* The demo reports. */
  fixture->project = gloss_test_demo_project_new (fixture->tmpdir, &fixture->doc_pdf, &fixture->doc_text);

  early = gloss_project_add_code (fixture->project, 0, "Early help", "#3584e4",
                                  "Support offered before statutory thresholds", &error);
  g_assert_no_error (error);
  fixture->early_help = code_id (early);
  family = gloss_project_add_code (fixture->project, fixture->early_help, "Family support",
                                   "#2ec27e", NULL, &error);
  g_assert_no_error (error);
  fixture->family_support = code_id (family);
  oversight = gloss_project_add_code (fixture->project, 0, "Oversight", "#e66100", NULL, &error);
  g_assert_no_error (error);
  fixture->oversight = code_id (oversight);

  fixture->alice = gloss_project_ensure_coder (fixture->project, "Alice", &error);
  g_assert_no_error (error);
  fixture->bob = gloss_project_ensure_coder (fixture->project, "Bob", &error);
  g_assert_no_error (error);

  /* Out of document order on purpose. */
  fixture->c3 = add_coding (fixture, fixture->doc_pdf, fixture->oversight, fixture->alice,
                            "Leaders know their services well", NULL);
  fixture->c1 = add_coding (fixture, fixture->doc_pdf, fixture->early_help, fixture->alice,
                            "Early help for children in the borough was judged good",
                            "The report's headline on early help.");
  fixture->c4 = add_coding (fixture, fixture->doc_pdf, fixture->early_help, fixture->bob,
                            "the word marmalade appears", NULL);
  fixture->c2 = add_coding (fixture, fixture->doc_pdf, fixture->family_support, fixture->bob,
                            "management oversight was strong", NULL);
  fixture->c5 = add_coding (fixture, fixture->doc_text, fixture->early_help, fixture->alice,
                            "the résumé of each social worker was checked", NULL);
  fixture->c6 = add_coding (fixture, fixture->doc_text, fixture->family_support, fixture->alice,
                            "Naïve plans were rare", "Rare, but worth a follow-up visit.");

  /* Let the project's change notifications go by. */
  gloss_test_settle (50);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gloss_test_destroy_windows (NULL);

  g_clear_object (&fixture->project);
  gloss_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* Codings list ------------------------------------------------------------- */

static void
on_coding_activated (GlossCodingsList *list,
                     gint64            coding_id,
                     gint64           *out)
{
  *out = coding_id;
}

static gint64
row_id (GListModel *model,
        guint       position)
{
  g_autoptr(GlossCoding) coding = g_list_model_get_item (model, position);

  g_assert_nonnull (coding);
  return gloss_coding_get_id (coding);
}

static guint
row_page (GListModel *model,
          guint       position)
{
  g_autoptr(GlossCoding) coding = g_list_model_get_item (model, position);

  return gloss_coding_get_page (coding);
}

typedef struct
{
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
has_n_items (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n;
}

static void
test_codings_list (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossCodingsList *list = GLOSS_CODINGS_LIST (gloss_codings_list_new ());
  GListModel *model = gloss_codings_list_get_model (list);
  g_autoptr(GArray) only_bob = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *list_view;
  gint64 activated = 0;
  gint64 extra;
  CountWait wait = { model, 0 };

  g_signal_connect (list, "coding-activated", G_CALLBACK (on_coding_activated), &activated);

  gloss_codings_list_set_project (list, fixture->project);
  window = show_in_window (GTK_WIDGET (list), 420, 640);

  /* No document: nothing, and it says so. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (has_label (GTK_WIDGET (list), "No Report Open", NULL));

  /* The PDF's four codings, by position in the document. */
  gloss_codings_list_set_document (list, fixture->doc_pdf);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpint (row_id (model, 0), ==, fixture->c1);
  g_assert_cmpint (row_id (model, 1), ==, fixture->c2);
  g_assert_cmpint (row_id (model, 2), ==, fixture->c3);
  g_assert_cmpint (row_id (model, 3), ==, fixture->c4);
  g_assert_cmpuint (row_page (model, 0), ==, 0);
  g_assert_cmpuint (row_page (model, 1), ==, 0);
  g_assert_cmpuint (row_page (model, 2), ==, 1);
  g_assert_cmpuint (row_page (model, 3), ==, 1);
  gloss_test_settle (100);
  /* The rows show the page as people count it, and the code. */
  g_assert_true (has_label (GTK_WIDGET (list), "p. 2", NULL));
  g_assert_true (has_label (GTK_WIDGET (list), "Early help/Family support", NULL));
  g_assert_true (has_label (GTK_WIDGET (list), "“Early help for children", NULL));

  /* Activation through the list view (Enter, double click) … */
  list_view = find_descendant (GTK_WIDGET (list), GTK_TYPE_LIST_VIEW, 0);
  g_assert_nonnull (list_view);
  g_signal_emit_by_name (list_view, "activate", 2);
  g_assert_cmpint (activated, ==, fixture->c3);
  g_assert_cmpint (gloss_codings_list_get_selected (list), ==, fixture->c3);
  /* … and as a click does. */
  gloss_codings_list_activate_row (list, 1);
  g_assert_cmpint (activated, ==, fixture->c2);

  /* Selecting from the window does not activate. */
  activated = 0;
  gloss_codings_list_select_coding (list, fixture->c4);
  g_assert_cmpint (gloss_codings_list_get_selected (list), ==, fixture->c4);
  g_assert_cmpint (activated, ==, 0);

  /* Only Bob's codings. */
  g_array_append_val (only_bob, fixture->bob);
  gloss_codings_list_set_coder_filter (list, only_bob);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (row_id (model, 0), ==, fixture->c2);
  g_assert_cmpint (row_id (model, 1), ==, fixture->c4);
  g_assert_cmpint (gloss_codings_list_get_selected (list), ==, fixture->c4);
  gloss_codings_list_set_coder_filter (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* It follows the project: a new coding shows up in its place. */
  extra = add_coding (fixture, fixture->doc_pdf, fixture->oversight, fixture->bob,
                      "Inspectors met social workers", NULL);
  wait.n = 5;
  g_assert_true (gloss_test_wait_for (has_n_items, &wait, 2000));
  g_assert_cmpint (row_id (model, 2), ==, extra);

  /* Remove Coding from the context menu's action. */
  gloss_codings_list_select_coding (list, extra);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "codings.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_null (gloss_project_get_coding (fixture->project, extra, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The text report's codings. */
  gloss_codings_list_set_document (list, fixture->doc_text);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (row_id (model, 0), ==, fixture->c5);
  g_assert_cmpint (row_id (model, 1), ==, fixture->c6);

  gloss_codings_list_set_document (list, fixture->doc_pdf);
  gloss_codings_list_select_coding (list, fixture->c2);
  gloss_test_settle (300);
  gloss_test_save_widget_png (window, "codings-list.png");
}

/* Segments view ------------------------------------------------------------ */

typedef struct
{
  gint64 document_id;
  gint64 coding_id;
} Activated;

static void
on_segment_activated (GlossSegmentsView *view,
                      gint64             document_id,
                      gint64             coding_id,
                      Activated         *out)
{
  out->document_id = document_id;
  out->coding_id = coding_id;
}

/* The view's rows as a string: "D<doc>:<n>" for a header, "<coding>" for
 * a passage, separated by spaces. */
static char *
describe (GlossSegmentsView *view)
{
  GListModel *model = gloss_segments_view_get_model (view);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (GLOSS_IS_SEGMENTS_GROUP (item))
        g_string_append_printf (out, "D%" G_GINT64_FORMAT ":%u",
                                gloss_segments_group_get_document_id (GLOSS_SEGMENTS_GROUP (item)),
                                gloss_segments_group_get_n_codings (GLOSS_SEGMENTS_GROUP (item)));
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, gloss_coding_get_id (GLOSS_CODING (item)));
    }

  return g_string_free (out, FALSE);
}

static char *
expect (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

static char *
expect (const char *format,
        ...)
{
  va_list args;
  char *s;

  va_start (args, format);
  s = g_strdup_vprintf (format, args);
  va_end (args);

  return s;
}

#define ID "%" G_GINT64_FORMAT

static void
assert_rows (GlossSegmentsView *view,
             char              *expected)
{
  g_autofree char *want = expected;
  g_autofree char *got = NULL;

  g_assert_true (gloss_test_wait_for (segments_loaded, view, 5000));
  got = describe (view);
  g_assert_cmpstr (got, ==, want);
}

static void
test_segments_view (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossSegmentsView *view = GLOSS_SEGMENTS_VIEW (gloss_segments_view_new ());
  Activated activated = { 0, 0 };
  GtkWidget *window;
  GtkWidget *list_view;
  GtkWidget *coder_dropdown;
  gint64 extra;

  g_signal_connect (view, "segment-activated", G_CALLBACK (on_segment_activated), &activated);
  gloss_segments_view_set_project (view, fixture->project);
  window = show_in_window (GTK_WIDGET (view), 900, 760);

  g_assert_cmpuint (g_list_model_get_n_items (gloss_segments_view_get_model (view)), ==, 0);
  g_assert_true (has_label (GTK_WIDGET (view), "No Code Chosen", NULL));

  /* "Early help" alone: grouped by document (alpha-report before
   * bravo-notes), in document order. */
  gloss_segments_view_set_code (view, fixture->early_help);
  g_assert_true (gloss_segments_view_get_loading (view));
  assert_rows (view, expect ("D" ID ":2 " ID " " ID " D" ID ":1 " ID,
                             fixture->doc_pdf, fixture->c1, fixture->c4,
                             fixture->doc_text, fixture->c5));
  g_assert_cmpstr (gloss_segments_view_get_summary (view), ==, "3 passages in 2 reports");

  /* With its sub-codes. */
  gloss_segments_view_set_with_subcodes (view, TRUE);
  assert_rows (view, expect ("D" ID ":3 " ID " " ID " " ID " D" ID ":2 " ID " " ID,
                             fixture->doc_pdf, fixture->c1, fixture->c2, fixture->c4,
                             fixture->doc_text, fixture->c5, fixture->c6));
  g_assert_cmpstr (gloss_segments_view_get_summary (view), ==, "5 passages in 2 reports");

  /* Bob's only, chosen in the coder dropdown (All coders, Alice, Bob). */
  coder_dropdown = find_descendant (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, 0);
  g_assert_nonnull (coder_dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (coder_dropdown))), ==, 3);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (coder_dropdown), 2);
  g_assert_cmpint (gloss_segments_view_get_coder_filter (view), ==, fixture->bob);
  assert_rows (view, expect ("D" ID ":2 " ID " " ID,
                             fixture->doc_pdf, fixture->c2, fixture->c4));
  g_assert_cmpstr (gloss_segments_view_get_summary (view), ==, "2 passages in 1 report");

  /* Every coder, the text report only. */
  gloss_segments_view_set_coder_filter (view, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (coder_dropdown)), ==, 0);
  gloss_segments_view_set_document_filter (view, fixture->doc_text);
  assert_rows (view, expect ("D" ID ":2 " ID " " ID,
                             fixture->doc_text, fixture->c5, fixture->c6));
  gloss_segments_view_set_document_filter (view, 0);

  /* A new code while the last load is under way: only the last counts. */
  gloss_segments_view_set_code (view, fixture->oversight);
  gloss_segments_view_set_code (view, fixture->family_support);
  assert_rows (view, expect ("D" ID ":1 " ID " D" ID ":1 " ID,
                             fixture->doc_pdf, fixture->c2, fixture->doc_text, fixture->c6));

  gloss_segments_view_set_code (view, fixture->oversight);
  assert_rows (view, expect ("D" ID ":1 " ID, fixture->doc_pdf, fixture->c3));

  /* It follows the project. */
  extra = add_coding (fixture, fixture->doc_text, fixture->oversight, fixture->bob,
                      "Café visits", NULL);
  gloss_test_settle (50);
  assert_rows (view, expect ("D" ID ":1 " ID " D" ID ":1 " ID,
                             fixture->doc_pdf, fixture->c3, fixture->doc_text, extra));

  /* Hidden, it waits to be shown before it loads again. */
  gtk_widget_set_visible (GTK_WIDGET (view), FALSE);
  g_assert_true (gloss_project_remove_coding (fixture->project, extra, NULL));
  gloss_test_settle (100);
  g_assert_false (gloss_segments_view_get_loading (view));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_segments_view_get_model (view)), ==, 4);
  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  assert_rows (view, expect ("D" ID ":1 " ID, fixture->doc_pdf, fixture->c3));

  /* Activation: a passage gives its document and coding; a header nothing. */
  gloss_segments_view_set_code (view, fixture->early_help);
  assert_rows (view, expect ("D" ID ":3 " ID " " ID " " ID " D" ID ":2 " ID " " ID,
                             fixture->doc_pdf, fixture->c1, fixture->c2, fixture->c4,
                             fixture->doc_text, fixture->c5, fixture->c6));
  gloss_segments_view_activate_row (view, 0);
  g_assert_cmpint (activated.coding_id, ==, 0);
  list_view = find_descendant (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, 0);
  g_assert_nonnull (list_view);
  g_signal_emit_by_name (list_view, "activate", 5);
  g_assert_cmpint (activated.document_id, ==, fixture->doc_text);
  g_assert_cmpint (activated.coding_id, ==, fixture->c5);
  gloss_segments_view_activate_row (view, 2);
  g_assert_cmpint (activated.document_id, ==, fixture->doc_pdf);
  g_assert_cmpint (activated.coding_id, ==, fixture->c2);

  gloss_test_settle (300);
  g_assert_true (has_label (GTK_WIDGET (view), "5 passages in 2 reports", NULL));
  g_assert_true (has_label (GTK_WIDGET (view), "Rare, but worth a follow-up visit.", NULL));
  gloss_test_save_widget_png (window, "segments-view.png");
}

/* Memo editor -------------------------------------------------------------- */

static void
on_memo_error (GlossMemoEditor *editor,
               const char      *message,
               char           **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static char *
get_memo (Fixture         *fixture,
          GlossMemoTarget  target,
          gint64           target_id,
          gint64           coder_id)
{
  return gloss_project_get_memo (fixture->project, target, target_id, coder_id, NULL);
}

static void
type_text (GlossMemoEditor *editor,
           const char      *text)
{
  gtk_text_buffer_insert_at_cursor (gloss_memo_editor_get_buffer (editor), text, -1);
}

static void
test_memo_editor (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossMemoEditor *editor = GLOSS_MEMO_EDITOR (gloss_memo_editor_new ());
  g_autofree char *error_message = NULL;
  char *memo;
  GtkWidget *window;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GlossCoding) coding = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (editor, "error", G_CALLBACK (on_memo_error), &error_message);
  gloss_memo_editor_set_heading (editor, "Report memo");
  gtk_widget_set_margin_start (GTK_WIDGET (editor), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (editor), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (editor), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (editor), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));
  window = show_in_window (box, 400, 260);

  gloss_memo_editor_set_target (editor, fixture->project, GLOSS_MEMO_DOCUMENT,
                                fixture->doc_pdf, fixture->alice);
  g_assert_false (gloss_memo_editor_get_dirty (editor));

  /* Typed: not stored at each keystroke, but after a pause. */
  type_text (editor, "First thoughts");
  g_assert_true (gloss_memo_editor_get_dirty (editor));
  g_assert_null ((memo = get_memo (fixture, GLOSS_MEMO_DOCUMENT, fixture->doc_pdf, fixture->alice)));
  gloss_test_settle (GLOSS_MEMO_EDITOR_SAVE_DELAY_MS / 2);
  type_text (editor, " on");
  gloss_test_settle (GLOSS_MEMO_EDITOR_SAVE_DELAY_MS / 2);
  g_assert_null ((memo = get_memo (fixture, GLOSS_MEMO_DOCUMENT, fixture->doc_pdf, fixture->alice)));
  gloss_test_settle (GLOSS_MEMO_EDITOR_SAVE_DELAY_MS + 300);
  memo = get_memo (fixture, GLOSS_MEMO_DOCUMENT, fixture->doc_pdf, fixture->alice);
  g_assert_cmpstr (memo, ==, "First thoughts on");
  g_free (memo);
  g_assert_false (gloss_memo_editor_get_dirty (editor));
  g_assert_true (has_label (GTK_WIDGET (editor), "Saved · ", "by Alice"));
  gloss_test_save_widget_png (window, "memo-editor.png");

  /* Typed, then at once another target: the text goes to the first. */
  type_text (editor, " Lewisham");
  gloss_memo_editor_set_target (editor, fixture->project, GLOSS_MEMO_CODE,
                                fixture->early_help, fixture->alice);
  memo = get_memo (fixture, GLOSS_MEMO_DOCUMENT, fixture->doc_pdf, fixture->alice);
  g_assert_cmpstr (memo, ==, "First thoughts on Lewisham");
  g_free (memo);
  g_assert_cmpint (gtk_text_buffer_get_char_count (gloss_memo_editor_get_buffer (editor)), ==, 0);
  g_assert_null ((memo = get_memo (fixture, GLOSS_MEMO_CODE, fixture->early_help, fixture->alice)));

  /* Back to the report: its memo loads. */
  gloss_memo_editor_set_target (editor, fixture->project, GLOSS_MEMO_DOCUMENT,
                                fixture->doc_pdf, fixture->alice);
  g_assert_cmpint (gtk_text_buffer_get_char_count (gloss_memo_editor_get_buffer (editor)), ==,
                   strlen ("First thoughts on Lewisham"));

  /* A coding's memo. */
  gloss_memo_editor_set_target (editor, fixture->project, GLOSS_MEMO_CODING, fixture->c4, 0);
  type_text (editor, "Not early help: a test word.");
  gloss_test_settle (GLOSS_MEMO_EDITOR_SAVE_DELAY_MS + 300);
  coding = gloss_project_get_coding (fixture->project, fixture->c4, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_coding_get_memo (coding), ==, "Not early help: a test word.");
  g_assert_true (has_label (GTK_WIDGET (editor), "Saved · ", "by Bob"));

  /* A failing save says so, and keeps the text. */
  gloss_memo_editor_set_target (editor, fixture->project, GLOSS_MEMO_CODING, G_MAXINT32, fixture->alice);
  type_text (editor, "Lost?");
  g_assert_false (gloss_memo_editor_save (editor));
  g_assert_nonnull (error_message);
  g_assert_true (gloss_memo_editor_get_dirty (editor));
  g_clear_pointer (&error_message, g_free);
  gloss_memo_editor_set_target (editor, NULL, GLOSS_MEMO_PROJECT, 0, 0);
  g_clear_pointer (&error_message, g_free);

  /* Typed and the editor goes away at once: still stored. */
  gloss_memo_editor_set_target (editor, fixture->project, GLOSS_MEMO_PROJECT, 0, fixture->alice);
  type_text (editor, "Project memo");
  gtk_window_destroy (GTK_WINDOW (window));
  memo = get_memo (fixture, GLOSS_MEMO_PROJECT, 0, fixture->alice);
  g_assert_cmpstr (memo, ==, "Project memo");
  g_free (memo);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = gloss_test_init_application (&argc, &argv, G_APPLICATION_NON_UNIQUE);

  g_test_add ("/segments/codings-list", Fixture, NULL, fixture_setup, test_codings_list, fixture_teardown);
  g_test_add ("/segments/segments-view", Fixture, NULL, fixture_setup, test_segments_view, fixture_teardown);
  g_test_add ("/segments/memo-editor", Fixture, NULL, fixture_setup, test_memo_editor, fixture_teardown);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
