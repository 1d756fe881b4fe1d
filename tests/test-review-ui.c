/* test-review-ui.c: reviews in the window, driven under Xvfb: the review
 * panel, the review badges and filters of the codings list and the coded
 * segments, the review summary of the tables view, and blind coding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-codebook.h"
#include "gloss-coder-button.h"
#include "gloss-document-list.h"
#include "gloss-codings-list.h"
#include "gloss-review.h"
#include "gloss-review-panel.h"
#include "gloss-segments-view.h"
#include "gloss-tables-view.h"
#include "gloss-test-ui.h"
#include "gloss-window.h"

static GlossApplication *app;

/* The demo project, coded by Alice and Ben:
 *   c1 Alice  Early help  "Early help for children in the borough was judged good"
 *   c2 Ben    Early help  "management oversight was strong"
 *   c3 Ben    Oversight   "Leaders know their services well"
 *   c4 Alice  Oversight   "the résumé of each social worker was checked" (text report)
 * and Cara, who codes nothing and reviews. */
typedef struct
{
  char         *tmpdir;
  GlossProject *project;
  gint64        doc_pdf;
  gint64        doc_text;
  gint64        early_help;
  gint64        oversight;
  gint64        alice, ben, cara;
  gint64        c1, c2, c3, c4;
} Fixture;

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

/* The visible label under widget whose text is text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *label = find_descendant (widget, GTK_TYPE_LABEL, i);

      if (label == NULL)
        return NULL;
      if (gtk_widget_is_drawable (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return label;
    }
}

/* The button (of type) showing the label text. */
static GtkWidget *
find_button (GtkWidget  *widget,
             GType       type,
             const char *text)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *button = find_descendant (widget, type, i);

      if (button == NULL)
        return NULL;
      if (find_label (button, text) != NULL)
        return button;
    }
}

/* A click, as the user makes it (gtk_widget_activate () on a button
 * clicks only after a moment). */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
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

/* The coding ids of a model of GlossCoding (and other items, skipped),
 * as "c1,c3" with the fixture's names. */
static char *
model_codings (Fixture    *fixture,
               GListModel *model)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 id;
      const char *name;

      if (!GLOSS_IS_CODING (item))
        continue;
      id = gloss_coding_get_id (GLOSS_CODING (item));
      name = id == fixture->c1 ? "c1" : id == fixture->c2 ? "c2" : id == fixture->c3 ? "c3"
           : id == fixture->c4 ? "c4" : "?";
      g_string_append_printf (out, "%s%s", out->len ? "," : "", name);
    }

  return g_string_free (out, FALSE);
}

/* Fixture ------------------------------------------------------------------ */

static gint64
add_coding (Fixture    *fixture,
            gint64      document_id,
            gint64      code_id,
            gint64      coder_id,
            const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gloss_project_load_document_text (fixture->project, document_id, &error);
  g_autoptr(GlossCoding) coding = NULL;
  guint start;

  g_assert_no_error (error);
  start = gloss_test_offset_of (text, needle);
  coding = gloss_project_add_coding (fixture->project, document_id, code_id, coder_id,
                                     start, start + g_utf8_strlen (needle, -1), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (coding);

  return gloss_coding_get_id (coding);
}

static gint64
new_code (Fixture    *fixture,
          const char *name,
          const char *colour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) code = gloss_project_add_code (fixture->project, 0, name, colour, NULL, &error);

  g_assert_no_error (error);
  return gloss_code_get_id (code);
}

static gint64
new_coder (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gloss_project_ensure_coder (fixture->project, name, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "coder-name");
  g_settings_reset (settings, "visible-coders-mode");
  g_settings_reset (settings, "hidden-coders");
  g_settings_reset (settings, "blind-mode");

  fixture->tmpdir = gloss_test_make_tmpdir ();
  fixture->project = gloss_test_demo_project_new (fixture->tmpdir, &fixture->doc_pdf, &fixture->doc_text);

  fixture->early_help = new_code (fixture, "Early help", "#3584e4");
  fixture->oversight = new_code (fixture, "Oversight", "#e66100");
  fixture->alice = new_coder (fixture, "Alice");
  fixture->ben = new_coder (fixture, "Ben");
  fixture->cara = new_coder (fixture, "Cara");

  fixture->c1 = add_coding (fixture, fixture->doc_pdf, fixture->early_help, fixture->alice,
                            "Early help for children in the borough was judged good");
  fixture->c2 = add_coding (fixture, fixture->doc_pdf, fixture->early_help, fixture->ben,
                            "management oversight was strong");
  fixture->c3 = add_coding (fixture, fixture->doc_pdf, fixture->oversight, fixture->ben,
                            "Leaders know their services well");
  fixture->c4 = add_coding (fixture, fixture->doc_text, fixture->oversight, fixture->alice,
                            "the résumé of each social worker was checked");

  gloss_test_settle (50);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gloss_test_destroy_windows (NULL);
  g_settings_reset (settings, "blind-mode");

  g_clear_object (&fixture->project);
  gloss_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static GlossReview *
stored_review (Fixture *fixture,
               gint64   coding_id,
               gint64   reviewer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = gloss_project_list_reviews (fixture->project, coding_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    {
      GlossReview *review = g_ptr_array_index (reviews, i);

      if (review->reviewer_id == reviewer_id)
        return g_ptr_array_steal_index (reviews, i);
    }

  return NULL;
}

static void
set_review (Fixture      *fixture,
            gint64        coding_id,
            gint64        reviewer_id,
            GlossVerdict  verdict,
            const char   *comment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossReview) review = NULL;

  review = gloss_project_set_review (fixture->project, coding_id, reviewer_id, verdict, comment, &error);
  g_assert_no_error (error);
  g_assert_nonnull (review);
}

/* Review panel ------------------------------------------------------------- */

typedef struct
{
  Fixture      *fixture;
  gint64        coding_id;
  gint64        reviewer_id;
  const char   *comment;
} StoredWait;

static gboolean
comment_stored (gpointer data)
{
  StoredWait *wait = data;
  g_autoptr(GlossReview) review = stored_review (wait->fixture, wait->coding_id, wait->reviewer_id);

  return review != NULL && g_strcmp0 (review->comment, wait->comment) == 0;
}

static GtkWidget *
labelled_panel (GtkWidget  *box,
                const char *title)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *panel = gloss_review_panel_new ();

  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_size_request (column, 300, -1);
  gtk_box_append (GTK_BOX (column), label);
  gtk_box_append (GTK_BOX (column), panel);
  gtk_box_append (GTK_BOX (box), column);

  return panel;
}

static void
test_review_panel (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GlossReviewPanel *ben_panel, *alice_panel;
  GtkWidget *agree, *dispute, *withdraw, *entry;
  g_autoptr(GlossReview) review = NULL;
  g_autoptr(GError) error = NULL;
  StoredWait wait = { fixture, fixture->c1, fixture->ben, NULL };

  /* Ben reviews Alice's coding; Alice looks at it, as its author. */
  ben_panel = GLOSS_REVIEW_PANEL (labelled_panel (box, "Ben"));
  alice_panel = GLOSS_REVIEW_PANEL (labelled_panel (box, "Alice"));
  show_in_window (box, 640, 520);

  /* No coding: nothing shown. */
  gloss_review_panel_set_project (ben_panel, fixture->project);
  g_assert_false (gloss_review_panel_get_has_coding (ben_panel));

  gloss_review_panel_set_reviewer (ben_panel, fixture->ben);
  gloss_review_panel_set_coding (ben_panel, fixture->c1);
  gloss_review_panel_set_project (alice_panel, fixture->project);
  gloss_review_panel_set_reviewer (alice_panel, fixture->alice);
  gloss_review_panel_set_coding (alice_panel, fixture->c1);
  gloss_test_settle (100);

  g_assert_true (gloss_review_panel_get_has_coding (ben_panel));
  g_assert_cmpuint (gloss_review_panel_get_n_reviews (ben_panel), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (ben_panel), "Nobody has reviewed this coding yet"));

  /* Ben can review; Alice, its author, cannot. */
  agree = find_button (GTK_WIDGET (ben_panel), GTK_TYPE_TOGGLE_BUTTON, "Agree");
  dispute = find_button (GTK_WIDGET (ben_panel), GTK_TYPE_TOGGLE_BUTTON, "Dispute");
  entry = find_descendant (GTK_WIDGET (ben_panel), GTK_TYPE_ENTRY, 0);
  g_assert_nonnull (agree);
  g_assert_nonnull (dispute);
  g_assert_true (gtk_widget_is_drawable (entry));
  g_assert_null (find_button (GTK_WIDGET (alice_panel), GTK_TYPE_TOGGLE_BUTTON, "Agree"));
  g_assert_nonnull (find_label (GTK_WIDGET (alice_panel), "Reviews of Your Coding"));
  g_assert_null (find_button (GTK_WIDGET (ben_panel), GTK_TYPE_BUTTON, "Withdraw My Review"));

  /* Ben types a comment, then disputes: both stored at once. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Too broad");
  click (dispute);
  review = stored_review (fixture, fixture->c1, fixture->ben);
  g_assert_nonnull (review);
  g_assert_cmpint (review->verdict, ==, GLOSS_VERDICT_DISPUTE);
  g_assert_cmpstr (review->comment, ==, "Too broad");
  g_clear_pointer (&review, gloss_review_free);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dispute)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (agree)));
  g_assert_nonnull (find_label (GTK_WIDGET (ben_panel), "You dispute"));
  g_assert_nonnull (find_button (GTK_WIDGET (ben_panel), GTK_TYPE_BUTTON, "Withdraw My Review"));

  /* Alice sees it, once the project tells. */
  gloss_test_settle (100);
  g_assert_cmpuint (gloss_review_panel_get_n_reviews (alice_panel), ==, 1);
  g_assert_nonnull (find_label (GTK_WIDGET (alice_panel), "Ben disputes"));
  g_assert_nonnull (find_label (GTK_WIDGET (alice_panel), "Too broad"));

  /* A longer comment, saved on Enter. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Too broad: the help starts at “Early”");
  g_signal_emit_by_name (entry, "activate");
  review = stored_review (fixture, fixture->c1, fixture->ben);
  g_assert_cmpint (review->verdict, ==, GLOSS_VERDICT_DISPUTE);
  g_assert_cmpstr (review->comment, ==, "Too broad: the help starts at “Early”");
  g_clear_pointer (&review, gloss_review_free);

  /* And one saved after a pause in typing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Too broad: “Early help” is enough");
  wait.comment = "Too broad: “Early help” is enough";
  g_assert_true (gloss_test_wait_for (comment_stored, &wait, GLOSS_REVIEW_PANEL_SAVE_DELAY_MS * 5));

  /* Agree instead: the comment stays. */
  click (agree);
  review = stored_review (fixture, fixture->c1, fixture->ben);
  g_assert_cmpint (review->verdict, ==, GLOSS_VERDICT_AGREE);
  g_assert_cmpstr (review->comment, ==, "Too broad: “Early help” is enough");
  g_clear_pointer (&review, gloss_review_free);

  /* Undo puts the dispute back, and the panel shows it. */
  g_assert_true (gloss_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  gloss_test_settle (100);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dispute)));
  g_assert_nonnull (find_label (GTK_WIDGET (alice_panel), "Ben disputes"));
  review = stored_review (fixture, fixture->c1, fixture->ben);
  g_assert_cmpint (review->verdict, ==, GLOSS_VERDICT_DISPUTE);
  g_clear_pointer (&review, gloss_review_free);

  /* Cara agrees too, from the engine. */
  set_review (fixture, fixture->c1, fixture->cara, GLOSS_VERDICT_AGREE, "Clear case of early help");
  gloss_test_settle (100);
  g_assert_cmpuint (gloss_review_panel_get_n_reviews (alice_panel), ==, 2);
  g_assert_cmpuint (gloss_review_panel_get_n_reviews (ben_panel), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (alice_panel), "Cara agrees"));

  gloss_test_save_widget_png (box, "review-panel.png");

  /* Ben withdraws; undo brings it back. */
  withdraw = find_button (GTK_WIDGET (ben_panel), GTK_TYPE_BUTTON, "Withdraw My Review");
  click (withdraw);
  review = stored_review (fixture, fixture->c1, fixture->ben);
  g_assert_null (review);
  g_assert_cmpuint (gloss_review_panel_get_n_reviews (ben_panel), ==, 1);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dispute)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gloss_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  gloss_test_settle (100);
  g_assert_cmpuint (gloss_review_panel_get_n_reviews (ben_panel), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Too broad: “Early help” is enough");

  /* A comment typed and not yet saved goes with the coding when the
   * panel moves to another one. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "On reflection, too broad");
  gloss_review_panel_set_coding (ben_panel, fixture->c4);
  review = stored_review (fixture, fixture->c1, fixture->ben);
  g_assert_cmpstr (review->comment, ==, "On reflection, too broad");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* The coding removed: the panel empties. */
  g_assert_true (gloss_project_remove_coding (fixture->project, fixture->c1, &error));
  g_assert_no_error (error);
  gloss_test_settle (100);
  g_assert_false (gloss_review_panel_get_has_coding (alice_panel));
}

/* Codings list and coded segments ------------------------------------------ */

static void
click_filter (GlossCodingsList *list,
              const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (list), GTK_TYPE_TOGGLE_BUTTON, label);

  g_assert_nonnull (button);
  click (button);
  gloss_test_settle (50);
}

static gboolean
segments_loaded (gpointer data)
{
  return !gloss_segments_view_get_loading (GLOSS_SEGMENTS_VIEW (data));
}

static void
test_codings_list (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossCodingsList *list = GLOSS_CODINGS_LIST (gloss_codings_list_new ());
  GListModel *model = gloss_codings_list_get_model (list);
  CountWait wait = { model, 3 };
  g_autofree char *s = NULL;
  g_autoptr(GtkWidget) panel = NULL;
  GtkWidget *badge;

  /* c1 is disputed by Ben and agreed by Cara; c2 agreed by Alice; c3
   * nobody reviewed. */
  set_review (fixture, fixture->c1, fixture->ben, GLOSS_VERDICT_DISPUTE, "Too broad");
  set_review (fixture, fixture->c1, fixture->cara, GLOSS_VERDICT_AGREE, NULL);
  set_review (fixture, fixture->c2, fixture->alice, GLOSS_VERDICT_AGREE, "Yes");
  gloss_test_settle (50);

  gloss_codings_list_set_project (list, fixture->project);
  show_in_window (GTK_WIDGET (list), 300, 520);
  gloss_codings_list_set_document (list, fixture->doc_pdf);
  g_assert_true (gloss_test_wait_for (has_n_items, &wait, 2000));
  gloss_test_settle (100);

  /* In the order of the report. */
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c1,c2,c3");
  g_clear_pointer (&s, g_free);

  /* The badges: c1 "✓ 1" and "! 1", c2 "✓ 1", with the reviews as the
   * tooltip. */
  badge = find_label (GTK_WIDGET (list), "! 1");
  g_assert_nonnull (badge);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (badge)), ==,
                   "Ben disputes: Too broad\nCara agrees");
  g_assert_nonnull (find_label (GTK_WIDGET (list), "✓ 1"));
  g_assert_null (find_label (GTK_WIDGET (list), "! 2"));

  gloss_test_save_widget_png (GTK_WIDGET (list), "codings-review.png");

  /* A review panel follows the selection. */
  panel = gloss_review_panel_new ();
  g_object_ref_sink (panel);
  gloss_review_panel_set_project (GLOSS_REVIEW_PANEL (panel), fixture->project);
  g_object_bind_property (list, "selected-coding-id", panel, "coding-id", G_BINDING_SYNC_CREATE);
  g_assert_cmpint (gloss_review_panel_get_coding (GLOSS_REVIEW_PANEL (panel)), ==, 0);
  gloss_codings_list_select_coding (list, fixture->c2);
  g_assert_cmpint (gloss_review_panel_get_coding (GLOSS_REVIEW_PANEL (panel)), ==, fixture->c2);
  g_assert_cmpuint (gloss_review_panel_get_n_reviews (GLOSS_REVIEW_PANEL (panel)), ==, 1);
  gloss_codings_list_select_coding (list, 0);
  g_assert_cmpint (gloss_review_panel_get_coding (GLOSS_REVIEW_PANEL (panel)), ==, 0);
  g_assert_false (gloss_review_panel_get_has_coding (GLOSS_REVIEW_PANEL (panel)));

  click_filter (list, "Disputed");
  g_assert_cmpint (gloss_codings_list_get_review_filter (list), ==, GLOSS_REVIEW_FILTER_DISPUTED);
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c1");
  g_clear_pointer (&s, g_free);

  click_filter (list, "Unreviewed");
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c3");
  g_clear_pointer (&s, g_free);

  /* Reviewing c3 takes it out of the unreviewed. */
  set_review (fixture, fixture->c3, fixture->cara, GLOSS_VERDICT_DISPUTE, NULL);
  gloss_test_settle (100);
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "");
  g_clear_pointer (&s, g_free);
  g_assert_nonnull (find_label (GTK_WIDGET (list), "Every coding shown here has been reviewed"));

  click_filter (list, "Disputed");
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c1,c3");
  g_clear_pointer (&s, g_free);

  click_filter (list, "All");
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c1,c2,c3");
  g_clear_pointer (&s, g_free);
  /* c3's new badge. */
  g_assert_nonnull (find_label (GTK_WIDGET (list), "! 1"));
}

static void
test_segments_filter (Fixture       *fixture,
                      gconstpointer  data)
{
  GlossSegmentsView *view = GLOSS_SEGMENTS_VIEW (gloss_segments_view_new ());
  GListModel *model = gloss_segments_view_get_model (view);
  GtkWidget *dropdown;
  g_autofree char *s = NULL;

  set_review (fixture, fixture->c1, fixture->ben, GLOSS_VERDICT_DISPUTE, "Too broad");
  set_review (fixture, fixture->c4, fixture->ben, GLOSS_VERDICT_AGREE, NULL);

  gloss_segments_view_set_project (view, fixture->project);
  show_in_window (GTK_WIDGET (view), 800, 600);
  gloss_segments_view_set_code (view, fixture->early_help);
  g_assert_true (gloss_test_wait_for (segments_loaded, view, 5000));
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c1,c2");
  g_clear_pointer (&s, g_free);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "! 1"));
  gloss_test_save_widget_png (GTK_WIDGET (view), "segments-review.png");

  /* The dropdown in the header: Disputed. */
  dropdown = find_descendant (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, 2);
  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), GLOSS_REVIEW_FILTER_DISPUTED);
  g_assert_cmpint (gloss_segments_view_get_review_filter (view), ==, GLOSS_REVIEW_FILTER_DISPUTED);
  g_assert_true (gloss_test_wait_for (segments_loaded, view, 5000));
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c1");
  g_clear_pointer (&s, g_free);

  gloss_segments_view_set_review_filter (view, GLOSS_REVIEW_FILTER_UNREVIEWED);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, GLOSS_REVIEW_FILTER_UNREVIEWED);
  g_assert_true (gloss_test_wait_for (segments_loaded, view, 5000));
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c2");
  g_clear_pointer (&s, g_free);

  /* Oversight: c3 unreviewed, c4 agreed. */
  gloss_segments_view_set_code (view, fixture->oversight);
  g_assert_true (gloss_test_wait_for (segments_loaded, view, 5000));
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c3");
  g_clear_pointer (&s, g_free);

  gloss_segments_view_set_review_filter (view, GLOSS_REVIEW_FILTER_ALL);
  g_assert_true (gloss_test_wait_for (segments_loaded, view, 5000));
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c3,c4");
}

/* Tables view -------------------------------------------------------------- */

static void
assert_review_row (GlossTablesView    *view,
                   int                 row,
                   const char * const  expected[6])
{
  for (int column = 0; column < 6; column++)
    {
      g_autofree char *text = gloss_tables_view_get_review_text (view, row, column);

      g_assert_cmpstr (text, ==, expected[column]);
    }
}

static gboolean
tables_loaded (gpointer data)
{
  return !gloss_tables_view_get_loading (GLOSS_TABLES_VIEW (data));
}

static void
test_tables_reviews (Fixture       *fixture,
                     gconstpointer  data)
{
  GlossTablesView *view = GLOSS_TABLES_VIEW (gloss_tables_view_new ());
  const char * const header[6] = { "Coder", "Codings", "Agreed", "Disputed", "Unreviewed", "Reviews Given" };
  GtkWidget *reviews_toggle;

  /* c1 (Alice): Ben disputes, Cara agrees  → disputed
   * c2 (Ben):   Alice agrees               → agreed
   * c3 (Ben):   nobody                     → unreviewed
   * c4 (Alice): Ben agrees, Cara agrees    → agreed
   * Alice: 2 codings, 1 agreed, 1 disputed, 0 unreviewed, gave 1.
   * Ben:   2 codings, 1 agreed, 0 disputed, 1 unreviewed, gave 2.
   * Cara:  no codings, gave 2. */
  set_review (fixture, fixture->c1, fixture->ben, GLOSS_VERDICT_DISPUTE, "Too broad");
  set_review (fixture, fixture->c1, fixture->cara, GLOSS_VERDICT_AGREE, NULL);
  set_review (fixture, fixture->c2, fixture->alice, GLOSS_VERDICT_AGREE, NULL);
  set_review (fixture, fixture->c4, fixture->ben, GLOSS_VERDICT_AGREE, NULL);
  set_review (fixture, fixture->c4, fixture->cara, GLOSS_VERDICT_AGREE, NULL);

  gloss_tables_view_set_project (view, fixture->project);
  show_in_window (GTK_WIDGET (view), 1000, 560);
  g_assert_true (gloss_test_wait_for (tables_loaded, view, 5000));

  /* The fourth display button. */
  reviews_toggle = find_button (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON, "Reviews");
  g_assert_nonnull (reviews_toggle);
  click (reviews_toggle);
  g_assert_cmpint (gloss_tables_view_get_display (view), ==, GLOSS_TABLES_DISPLAY_REVIEWS);
  gloss_test_settle (100);

  g_assert_cmpuint (gloss_tables_view_get_n_review_rows (view), ==, 3);
  assert_review_row (view, -1, header);
  assert_review_row (view, 0, (const char * const[6]) { "Alice", "2", "1", "1", "0", "1" });
  assert_review_row (view, 1, (const char * const[6]) { "Ben", "2", "1", "0", "1", "2" });
  assert_review_row (view, 2, (const char * const[6]) { "Cara", "0", "0", "0", "0", "2" });
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Reviews by Coder"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "4 codings, 1 disputed"));

  gloss_test_save_widget_png (GTK_WIDGET (view), "tables-reviews.png");

  /* A new review shows at once (after the view's short pause). */
  set_review (fixture, fixture->c3, fixture->alice, GLOSS_VERDICT_DISPUTE, NULL);
  gloss_test_settle (600);
  assert_review_row (view, 0, (const char * const[6]) { "Alice", "2", "1", "1", "0", "2" });
  assert_review_row (view, 1, (const char * const[6]) { "Ben", "2", "1", "1", "0", "2" });

  /* Back to the table: its title again. */
  gloss_tables_view_set_display (view, GLOSS_TABLES_DISPLAY_TABLE);
  gloss_test_settle (100);
  g_assert_null (find_label (GTK_WIDGET (view), "Reviews by Coder"));
}

/* Blind coding ------------------------------------------------------------- */

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

static void
test_blind_mode (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_strdup (gloss_project_get_path (fixture->project));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossWindow *window;
  GlossCoderButton *coder_button;
  GlossCodingsList *list;
  GListModel *model;
  CountWait wait;
  ModeWait mode;
  GtkWidget *check;
  g_autofree char *s = NULL;

  /* Alice codes; the project is the fixture's, opened in a window. */
  g_settings_set_string (settings, "coder-name", "Alice");
  g_clear_object (&fixture->project);
  window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gloss_test_present (GTK_WINDOW (window));
  g_assert_true (gloss_window_open_project (window, file));
  fixture->project = g_object_ref (gloss_window_get_project (window));

  coder_button = GLOSS_CODER_BUTTON (gloss_window_get_coder_button (window));
  list = GLOSS_CODINGS_LIST (gloss_window_get_codings_list (window));
  model = gloss_codings_list_get_model (list);

  g_assert_true (gloss_document_list_select_document (gloss_window_get_document_list (window), fixture->doc_pdf));
  mode = (ModeWait) { window, "pdf" };
  g_assert_true (gloss_test_wait_for (viewer_mode_is, &mode, 10000));

  /* Every coder's codings, then only Alice's. */
  wait = (CountWait) { model, 3 };
  g_assert_true (gloss_test_wait_for (has_n_items, &wait, 5000));
  g_assert_false (gloss_coder_button_get_blind (coder_button));

  g_settings_set_boolean (settings, "blind-mode", TRUE);
  gloss_test_settle (100);
  g_assert_true (gloss_coder_button_get_blind (coder_button));
  g_assert_cmpint (gloss_coder_button_get_effective_visibility (coder_button), ==, GLOSS_CODER_VISIBILITY_MINE);
  /* The choice made stays, for when blind coding ends. */
  g_assert_cmpint (gloss_coder_button_get_visibility (coder_button), ==, GLOSS_CODER_VISIBILITY_ALL);
  g_assert_false (gloss_coder_button_shows_coder (coder_button, "Ben"));
  g_assert_true (gloss_coder_button_shows_coder (coder_button, "Alice"));
  wait.n = 1;
  g_assert_true (gloss_test_wait_for (has_n_items, &wait, 5000));
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c1");
  g_clear_pointer (&s, g_free);

  /* In the coder menu: Blind Coding ticked, the other choices
   * insensitive. */
  gloss_coder_button_popup (coder_button);
  gloss_test_settle (200);
  check = find_button (GTK_WIDGET (coder_button), GTK_TYPE_CHECK_BUTTON, "Blind Coding");
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (coder_button), GTK_TYPE_CHECK_BUTTON,
                                                          "All Coders")));
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (coder_button), GTK_TYPE_CHECK_BUTTON,
                                                          "Chosen Coders")));

  /* Unticking it in the menu ends blind coding, and the setting too. */
  gtk_widget_activate (check);
  gloss_test_settle (100);
  g_assert_false (g_settings_get_boolean (settings, "blind-mode"));
  g_assert_true (gtk_widget_get_sensitive (find_button (GTK_WIDGET (coder_button), GTK_TYPE_CHECK_BUTTON,
                                                         "All Coders")));
  gloss_coder_button_popdown (coder_button);
  wait.n = 3;
  g_assert_true (gloss_test_wait_for (has_n_items, &wait, 5000));
  s = model_codings (fixture, model);
  g_assert_cmpstr (s, ==, "c1,c2,c3");
}

int
main (int   argc,
      char *argv[])
{
  app = gloss_test_init_application (&argc, &argv, G_APPLICATION_NON_UNIQUE);

  g_test_add ("/review-ui/panel", Fixture, NULL, fixture_setup, test_review_panel, fixture_teardown);
  g_test_add ("/review-ui/codings-list", Fixture, NULL, fixture_setup, test_codings_list, fixture_teardown);
  g_test_add ("/review-ui/segments-filter", Fixture, NULL, fixture_setup, test_segments_filter, fixture_teardown);
  g_test_add ("/review-ui/tables-reviews", Fixture, NULL, fixture_setup, test_tables_reviews, fixture_teardown);
  g_test_add ("/review-ui/blind-mode", Fixture, NULL, fixture_setup, test_blind_mode, fixture_teardown);

  return g_test_run ();
}
