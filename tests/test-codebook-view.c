/* test-codebook-view.c: the codebook panel, driven under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "gloss-code-dialogs.h"
#include "gloss-code-row.h"
#include "gloss-codebook.h"
#include "gloss-codebook-view-private.h"
#include "gloss-resources.h"
#include "gloss-test-ui.h"

static const char report_one[] =
  "Alpha council report\n"
  "Early help for families was judged good. Referrals were timely.\n"
  "Leaders provided strong oversight and regular supervision.\n";

static const char report_two[] =
  "Bravo council letter\n"
  "Early help was patchy. Some children were at risk of exploitation.\n";

typedef struct
{
  char              *tmpdir;
  GlossProject      *project;
  gint64             doc1;
  gint64             doc2;
  gint64             coder;
  GtkWindow         *window;
  GlossCodebookView *view;

  /* Signals seen */
  gint64             activated;
  guint              n_activated;
  gint64             selected;
  guint              n_selected;
  gint64             dropped;
  char              *error;
} Fixture;

/* The project ---------------------------------------------------------------------- */

static gint64
code_id (Fixture    *fixture,
         const char *path)
{
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GError) error = NULL;

  code = gloss_project_lookup_code (fixture->project, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (code);

  return gloss_code_get_id (code);
}

static gint64
add_code (Fixture    *fixture,
          const char *parent_path,
          const char *name)
{
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GError) error = NULL;

  code = gloss_project_add_code (fixture->project,
                                 parent_path != NULL ? code_id (fixture, parent_path) : 0,
                                 name, NULL, NULL, &error);
  g_assert_no_error (error);

  return gloss_code_get_id (code);
}

static void
add_coding (Fixture    *fixture,
            gint64      document,
            const char *code_path,
            guint       start,
            guint       end)
{
  g_autoptr(GlossCoding) coding = NULL;
  g_autoptr(GError) error = NULL;

  coding = gloss_project_add_coding (fixture->project, document, code_id (fixture, code_path),
                                     fixture->coder, start, end, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (coding);
}

/* Signals ------------------------------------------------------------------------- */

static void
on_code_activated (GlossCodebookView *view,
                   gint64             id,
                   Fixture           *fixture)
{
  fixture->activated = id;
  fixture->n_activated++;
}

static void
on_code_selected (GlossCodebookView *view,
                  gint64             id,
                  Fixture           *fixture)
{
  fixture->selected = id;
  fixture->n_selected++;
}

static void
on_selection_dropped (GlossCodebookView *view,
                      gint64             id,
                      Fixture           *fixture)
{
  fixture->dropped = id;
}

static void
on_error (GlossCodebookView *view,
          const char        *message,
          Fixture           *fixture)
{
  g_test_message ("error: %s", message);
  g_free (fixture->error);
  fixture->error = g_strdup (message);
}

/* Fixture ------------------------------------------------------------------------- */

/* Early help (pinned to 1)          doc1: 2, doc2: 1
 *   Family support                  doc1: 1
 *   Referrals
 * Leadership
 *   Oversight                       doc1: 1
 *     Supervision
 * Exploitation                      doc2: 1 */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = gloss_test_make_tmpdir ();
  fixture->project = gloss_test_project_new (fixture->tmpdir, "Codebook");

  fixture->doc1 = gloss_test_import_text (fixture->project, fixture->tmpdir, "alpha.txt", report_one);
  fixture->doc2 = gloss_test_import_text (fixture->project, fixture->tmpdir, "bravo.txt", report_two);
  fixture->coder = gloss_project_ensure_coder (fixture->project, "Tester", &error);
  g_assert_no_error (error);

  add_code (fixture, NULL, "Early help");
  add_code (fixture, "Early help", "Family support");
  add_code (fixture, "Early help", "Referrals");
  add_code (fixture, NULL, "Leadership");
  add_code (fixture, "Leadership", "Oversight");
  add_code (fixture, "Leadership/Oversight", "Supervision");
  add_code (fixture, NULL, "Exploitation");
  g_assert_true (gloss_project_set_code_pin (fixture->project, code_id (fixture, "Early help"), 1, &error));
  g_assert_no_error (error);

  add_coding (fixture, fixture->doc1, "Early help", 21, 31);
  add_coding (fixture, fixture->doc1, "Early help", 40, 55);
  add_coding (fixture, fixture->doc1, "Early help/Family support", 36, 54);
  add_coding (fixture, fixture->doc1, "Leadership/Oversight", 108, 140);
  add_coding (fixture, fixture->doc2, "Early help", 21, 31);
  add_coding (fixture, fixture->doc2, "Exploitation", 60, 84);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 340, 520);
  fixture->view = GLOSS_CODEBOOK_VIEW (gloss_codebook_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));

  g_signal_connect (fixture->view, "code-activated", G_CALLBACK (on_code_activated), fixture);
  g_signal_connect (fixture->view, "code-selected", G_CALLBACK (on_code_selected), fixture);
  g_signal_connect (fixture->view, "selection-dropped", G_CALLBACK (on_selection_dropped), fixture);
  g_signal_connect (fixture->view, "error", G_CALLBACK (on_error), fixture);

  gloss_codebook_view_set_project (fixture->view, fixture->project);
  gloss_codebook_view_set_document (fixture->view, fixture->doc1);

  gtk_window_present (fixture->window);
  g_assert_true (gloss_test_wait_for (gloss_test_is_mapped, fixture->view, 5000));
  /* The engine's signals for the setup above. */
  gloss_test_settle (100);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gloss_test_destroy_windows (fixture->window);
  g_clear_object (&fixture->project);
  gloss_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->error);
}

/* Reading the view ------------------------------------------------------------------ */

/* The rows of the tree, e.g. "Early help;-Family support;Leadership". */
static char *
describe_tree (Fixture *fixture)
{
  GListModel *model = gloss_codebook_view_get_model (fixture->view);
  GString *out = g_string_new (NULL);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GlossCodebookItem) item = gtk_tree_list_row_get_item (row);

      if (out->len > 0)
        g_string_append_c (out, ';');
      for (guint d = 0; d < gtk_tree_list_row_get_depth (row); d++)
        g_string_append_c (out, '-');
      g_string_append (out, gloss_code_get_name (gloss_codebook_item_get_code (item)));
    }

  return g_string_free (out, FALSE);
}

static GlossCodebookItem *
find_item (Fixture    *fixture,
           const char *name)
{
  GListModel *model = gloss_codebook_view_get_model (fixture->view);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GlossCodebookItem) item = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (gloss_code_get_name (gloss_codebook_item_get_code (item)), name) == 0)
        return item;  /* owned by the view's stores */
    }

  return NULL;
}

static guint
find_position (Fixture    *fixture,
               const char *name)
{
  GListModel *model = gloss_codebook_view_get_model (fixture->view);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GlossCodebookItem) item = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (gloss_code_get_name (gloss_codebook_item_get_code (item)), name) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The row widget showing a code, as drawn. */
static GlossCodeRow *
find_row_in (GtkWidget  *widget,
             const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GlossCodeRow *found;

      if (GLOSS_IS_CODE_ROW (child) && gtk_widget_get_mapped (child) &&
          gloss_code_row_get_item (GLOSS_CODE_ROW (child)) != NULL &&
          g_strcmp0 (gloss_code_row_get_name_text (GLOSS_CODE_ROW (child)), name) == 0)
        return GLOSS_CODE_ROW (child);

      if ((found = find_row_in (child, name)) != NULL)
        return found;
    }

  return NULL;
}

static GlossCodeRow *
find_row (Fixture    *fixture,
          const char *name)
{
  gloss_test_settle (30);
  return find_row_in (GTK_WIDGET (fixture->view), name);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_VIEW (child))
        return child;
      if ((found = find_list_view (child)) != NULL)
        return found;
    }

  return NULL;
}

static void
select_code (Fixture    *fixture,
             const char *path)
{
  gloss_codebook_view_select_code (fixture->view, code_id (fixture, path));
  g_assert_cmpint (gloss_codebook_view_get_selected_code (fixture->view), ==, code_id (fixture, path));
}

static void
assert_tree (Fixture    *fixture,
             const char *expected)
{
  g_autofree char *tree = describe_tree (fixture);

  g_assert_cmpstr (tree, ==, expected);
}

typedef struct
{
  Fixture    *fixture;
  const char *expected;
} TreeWait;

static gboolean
tree_is (gpointer data)
{
  TreeWait *wait = data;
  g_autofree char *tree = describe_tree (wait->fixture);

  return g_strcmp0 (tree, wait->expected) == 0;
}

static void
wait_for_tree (Fixture    *fixture,
               const char *expected)
{
  TreeWait wait = { fixture, expected };

  gloss_test_wait_for (tree_is, &wait, 3000);
  assert_tree (fixture, expected);
}

static GlossCode *
get_code (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  GlossCode *code = gloss_project_get_code (fixture->project, id, &error);

  return code;
}

static GtkWindow *
take_dialog (Fixture *fixture)
{
  GtkWindow *dialog = gloss_codebook_view_get_dialog (fixture->view);

  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == fixture->window);
  gloss_test_settle (30);

  return dialog;
}

/* Tests ------------------------------------------------------------------------------ */

static void
test_rows_and_counts (Fixture       *fixture,
                      gconstpointer  data)
{
  GlossCodeRow *row;

  /* Collapsed at first: the top level only. */
  assert_tree (fixture, "Early help;Leadership;Exploitation");

  /* Selecting a code deep down opens its ancestors. */
  select_code (fixture, "Leadership/Oversight/Supervision");
  assert_tree (fixture, "Early help;Leadership;-Oversight;--Supervision;Exploitation");
  g_assert_cmpint (fixture->selected, ==, code_id (fixture, "Leadership/Oversight/Supervision"));

  select_code (fixture, "Early help/Referrals");
  assert_tree (fixture, "Early help;-Family support;-Referrals;Leadership;-Oversight;--Supervision;Exploitation");

  /* Counts: in this document · in the project · documents. */
  row = find_row (fixture, "Early help");
  g_assert_nonnull (row);
  g_assert_cmpstr (gloss_code_row_get_counts_text (row), ==, "2 · 3 · 2");
  g_assert_cmpstr (gloss_code_row_get_pin_text (row), ==, "1");
  row = find_row (fixture, "Family support");
  g_assert_cmpstr (gloss_code_row_get_counts_text (row), ==, "1 · 1 · 1");
  g_assert_cmpstr (gloss_code_row_get_pin_text (row), ==, "");
  row = find_row (fixture, "Oversight");
  g_assert_cmpstr (gloss_code_row_get_counts_text (row), ==, "1 · 1 · 1");
  row = find_row (fixture, "Exploitation");
  g_assert_cmpstr (gloss_code_row_get_counts_text (row), ==, "0 · 1 · 1");
  row = find_row (fixture, "Referrals");
  g_assert_cmpstr (gloss_code_row_get_counts_text (row), ==, "0 · 0 · 0");

  /* The other document. */
  gloss_codebook_view_set_document (fixture->view, fixture->doc2);
  g_assert_cmpstr (gloss_code_row_get_counts_text (find_row (fixture, "Early help")), ==, "1 · 3 · 2");
  g_assert_cmpstr (gloss_code_row_get_counts_text (find_row (fixture, "Exploitation")), ==, "1 · 1 · 1");

  /* No document: the project's counts alone. */
  gloss_codebook_view_set_document (fixture->view, 0);
  g_assert_cmpstr (gloss_code_row_get_counts_text (find_row (fixture, "Early help")), ==, "3 · 2");

  /* The expansion and selection survived the reloads. */
  assert_tree (fixture, "Early help;-Family support;-Referrals;Leadership;-Oversight;--Supervision;Exploitation");
  g_assert_cmpint (gloss_codebook_view_get_selected_code (fixture->view), ==,
                   code_id (fixture, "Early help/Referrals"));
}

typedef struct
{
  Fixture    *fixture;
  const char *name;
  const char *counts;
} CountsWait;

static gboolean
counts_are (gpointer data)
{
  CountsWait *wait = data;
  GlossCodeRow *row = find_row_in (GTK_WIDGET (wait->fixture->view), wait->name);

  return row != NULL && g_strcmp0 (gloss_code_row_get_counts_text (row), wait->counts) == 0;
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  GtkEditable *entry = gloss_codebook_view_get_filter_entry (fixture->view);

  /* Early help open, Leadership closed, before filtering. */
  select_code (fixture, "Early help/Referrals");
  assert_tree (fixture, "Early help;-Family support;-Referrals;Leadership;Exploitation");

  /* A match deep down: its ancestors stay, all open, shown as context. */
  gtk_editable_set_text (entry, "SUPER");
  wait_for_tree (fixture, "Leadership;-Oversight;--Supervision");
  g_assert_true (gloss_codebook_item_get_dimmed (find_item (fixture, "Leadership")));
  g_assert_true (gloss_codebook_item_get_dimmed (find_item (fixture, "Oversight")));
  g_assert_false (gloss_codebook_item_get_dimmed (find_item (fixture, "Supervision")));

  /* Several matches. */
  gtk_editable_set_text (entry, "er");
  wait_for_tree (fixture, "Early help;-Referrals;Leadership;-Oversight;--Supervision");
  g_assert_false (gloss_codebook_item_get_dimmed (find_item (fixture, "Leadership")));

  /* A change while filtering keeps the filter. */
  add_code (fixture, "Early help", "Young carers");
  gloss_test_settle (100);
  assert_tree (fixture, "Early help;-Referrals;-Young carers;Leadership;-Oversight;--Supervision");

  /* Nothing. */
  gtk_editable_set_text (entry, "zzz");
  wait_for_tree (fixture, "");

  /* Cleared: the expansion from before comes back. */
  gtk_editable_set_text (entry, "");
  wait_for_tree (fixture, "Early help;-Family support;-Referrals;-Young carers;Leadership;Exploitation");
}

static void
test_live_updates (Fixture       *fixture,
                   gconstpointer  data)
{
  CountsWait counts = { fixture, "Exploitation", "1 · 2 · 2" };
  g_autoptr(GError) error = NULL;

  select_code (fixture, "Early help/Family support");
  assert_tree (fixture, "Early help;-Family support;-Referrals;Leadership;Exploitation");

  /* A code added through the engine shows after its signal, without a
   * reload asked for, and what was open stays open. */
  add_code (fixture, NULL, "Neglect");
  add_code (fixture, "Early help", "Parenting");
  wait_for_tree (fixture, "Early help;-Family support;-Referrals;-Parenting;Leadership;Exploitation;Neglect");
  g_assert_cmpint (gloss_codebook_view_get_selected_code (fixture->view), ==,
                   code_id (fixture, "Early help/Family support"));

  /* A coding added: the counts follow. */
  g_assert_cmpstr (gloss_code_row_get_counts_text (find_row (fixture, "Exploitation")), ==, "0 · 1 · 1");
  add_coding (fixture, fixture->doc1, "Exploitation", 0, 5);
  g_assert_true (gloss_test_wait_for (counts_are, &counts, 3000));

  /* And a coding removed through undo. */
  g_assert_true (gloss_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  counts.counts = "0 · 1 · 1";
  g_assert_true (gloss_test_wait_for (counts_are, &counts, 3000));

  /* A rename through the engine. */
  g_assert_true (gloss_project_rename_code (fixture->project, code_id (fixture, "Neglect"),
                                            "Neglect and abuse", &error));
  g_assert_no_error (error);
  wait_for_tree (fixture, "Early help;-Family support;-Referrals;-Parenting;Leadership;Exploitation;Neglect and abuse");
  g_assert_nonnull (find_row (fixture, "Neglect and abuse"));
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *list_view = find_list_view (GTK_WIDGET (fixture->view));
  guint position;

  g_assert_nonnull (list_view);

  /* Enter (the list's activation) on a code. */
  position = find_position (fixture, "Leadership");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", position));
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpint (fixture->activated, ==, code_id (fixture, "Leadership"));

  /* A click on a row. */
  gloss_codebook_view_row_clicked (fixture->view, find_item (fixture, "Exploitation"));
  g_assert_cmpuint (fixture->n_activated, ==, 2);
  g_assert_cmpint (fixture->activated, ==, code_id (fixture, "Exploitation"));

  /* The second click of a double click does not apply the code again. */
  gloss_codebook_view_row_multi_press (fixture->view);
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", position));
  g_assert_cmpuint (fixture->n_activated, ==, 2);
  gloss_test_settle (20);
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", position));
  g_assert_cmpuint (fixture->n_activated, ==, 3);

  /* Selecting tells the window. */
  fixture->n_selected = 0;
  select_code (fixture, "Exploitation");
  g_assert_cmpuint (fixture->n_selected, ==, 1);
  g_assert_cmpint (fixture->selected, ==, code_id (fixture, "Exploitation"));
}

static void
test_rename_pin_move (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 family = code_id (fixture, "Early help/Family support");
  gint64 referrals = code_id (fixture, "Early help/Referrals");
  gint64 supervision = code_id (fixture, "Leadership/Oversight/Supervision");
  gint64 leadership = code_id (fixture, "Leadership");
  g_autoptr(GlossCode) code = NULL;
  GtkWindow *dialog;

  /* Rename through its dialog. */
  select_code (fixture, "Early help/Family support");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.rename", NULL));
  dialog = take_dialog (fixture);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (gloss_code_name_dialog_get_entry (ADW_MESSAGE_DIALOG (dialog))),
                   ==, "Family support");
  gtk_editable_set_text (gloss_code_name_dialog_get_entry (ADW_MESSAGE_DIALOG (dialog)), "Family help");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), GLOSS_CODE_DIALOG_ACCEPT);
  gtk_window_destroy (dialog);
  code = get_code (fixture, family);
  g_assert_cmpstr (gloss_code_get_name (code), ==, "Family help");
  g_clear_object (&code);
  g_assert_nonnull (find_row (fixture, "Family help"));
  g_assert_null (fixture->error);

  /* A clash of names among siblings: the engine's error, for a toast. */
  select_code (fixture, "Early help/Referrals");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.rename", NULL));
  dialog = take_dialog (fixture);
  gtk_editable_set_text (gloss_code_name_dialog_get_entry (ADW_MESSAGE_DIALOG (dialog)), "Family help");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), GLOSS_CODE_DIALOG_ACCEPT);
  gtk_window_destroy (dialog);
  g_assert_nonnull (fixture->error);
  g_assert_nonnull (strstr (fixture->error, "Family help"));
  g_clear_pointer (&fixture->error, g_free);
  code = get_code (fixture, referrals);
  g_assert_cmpstr (gloss_code_get_name (code), ==, "Referrals");
  g_clear_object (&code);

  /* Pin to 2, then to none; the badge follows. */
  select_code (fixture, "Leadership");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.pin", "u", 2));
  code = get_code (fixture, leadership);
  g_assert_cmpuint (gloss_code_get_pin (code), ==, 2);
  g_clear_object (&code);
  g_assert_cmpstr (gloss_code_row_get_pin_text (find_row (fixture, "Leadership")), ==, "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.pin", "u", 0));
  code = get_code (fixture, leadership);
  g_assert_cmpuint (gloss_code_get_pin (code), ==, 0);
  g_clear_object (&code);
  g_assert_cmpstr (gloss_code_row_get_pin_text (find_row (fixture, "Leadership")), ==, "");
  /* Key 1 moves from Early help to Leadership. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.pin", "u", 1));
  g_assert_cmpstr (gloss_code_row_get_pin_text (find_row (fixture, "Leadership")), ==, "1");
  g_assert_cmpstr (gloss_code_row_get_pin_text (find_row (fixture, "Early help")), ==, "");

  /* Move up and down among siblings. */
  select_code (fixture, "Early help/Referrals");
  assert_tree (fixture, "Early help;-Family help;-Referrals;Leadership;Exploitation");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.move-up", NULL));
  assert_tree (fixture, "Early help;-Referrals;-Family help;Leadership;Exploitation");
  g_assert_cmpint (gloss_codebook_view_get_selected_code (fixture->view), ==, referrals);
  code = get_code (fixture, referrals);
  g_assert_cmpuint (gloss_code_get_position (code), ==, 0);
  g_clear_object (&code);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.move-down", NULL));
  assert_tree (fixture, "Early help;-Family help;-Referrals;Leadership;Exploitation");

  select_code (fixture, "Exploitation");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.move-up", NULL));
  assert_tree (fixture, "Early help;-Family help;-Referrals;Exploitation;Leadership");

  /* To the top level. */
  select_code (fixture, "Leadership/Oversight/Supervision");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.move-to-top-level", NULL));
  code = get_code (fixture, supervision);
  g_assert_cmpint (gloss_code_get_parent_id (code), ==, 0);
  g_clear_object (&code);
  assert_tree (fixture, "Early help;-Family help;-Referrals;Exploitation;Leadership;-Oversight;Supervision");
  g_assert_cmpint (gloss_codebook_view_get_selected_code (fixture->view), ==, supervision);
  g_assert_null (fixture->error);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 early_help = code_id (fixture, "Early help");
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  const char *body;

  /* Cancelled: nothing happens. */
  select_code (fixture, "Early help");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.delete", NULL));
  dialog = take_dialog (fixture);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  code = get_code (fixture, early_help);
  g_assert_nonnull (code);
  g_clear_object (&code);

  /* The confirmation names the codings that go: 3 of its own, 1 of a sub-code. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.delete", NULL));
  dialog = take_dialog (fixture);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Delete “Early help”?");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_test_message ("delete: %s", body);
  g_assert_cmpstr (body, ==, "Its 4 codings and its sub-codes go with it.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               GLOSS_CODE_DIALOG_ACCEPT),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), GLOSS_CODE_DIALOG_ACCEPT);
  gtk_window_destroy (dialog);

  code = gloss_project_get_code (fixture->project, early_help, &error);
  g_assert_null (code);
  g_clear_error (&error);
  assert_tree (fixture, "Leadership;Exploitation");
  /* The next code is selected, for the keyboard. */
  g_assert_cmpint (gloss_codebook_view_get_selected_code (fixture->view), ==, code_id (fixture, "Leadership"));

  /* A code without sub-codes, with one coding. */
  select_code (fixture, "Exploitation");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.delete", NULL));
  dialog = take_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "Its 1 coding goes with it.");
  gtk_window_destroy (dialog);
}

static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 exploitation = code_id (fixture, "Exploitation");
  gint64 leadership = code_id (fixture, "Leadership");
  gint64 family = code_id (fixture, "Early help/Family support");
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkWindow *dialog;
  GdkRGBA rgba;

  /* New code at the top level. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.new-code", NULL));
  dialog = take_dialog (fixture);
  gtk_editable_set_text (gloss_code_name_dialog_get_entry (ADW_MESSAGE_DIALOG (dialog)), "  Neglect ");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), GLOSS_CODE_DIALOG_ACCEPT);
  gtk_window_destroy (dialog);
  assert_tree (fixture, "Early help;Leadership;Exploitation;Neglect");
  g_assert_cmpint (gloss_codebook_view_get_selected_code (fixture->view), ==, code_id (fixture, "Neglect"));

  /* A sub-code: its parent opens, and it is selected. */
  select_code (fixture, "Leadership");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.new-subcode", NULL));
  dialog = take_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "New Sub-code of “Leadership”");
  gtk_editable_set_text (gloss_code_name_dialog_get_entry (ADW_MESSAGE_DIALOG (dialog)), "Culture");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), GLOSS_CODE_DIALOG_ACCEPT);
  gtk_window_destroy (dialog);
  assert_tree (fixture, "Early help;Leadership;-Oversight;-Culture;Exploitation;Neglect");
  g_assert_cmpint (gloss_codebook_view_get_selected_code (fixture->view), ==,
                   code_id (fixture, "Leadership/Culture"));

  /* Colour. */
  select_code (fixture, "Exploitation");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.colour", NULL));
  dialog = take_dialog (fixture);
  g_assert_true (GTK_IS_COLOR_CHOOSER (dialog));
  gdk_rgba_parse (&rgba, "#112233");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_null (gloss_codebook_view_get_dialog (fixture->view));
  code = get_code (fixture, exploitation);
  g_assert_cmpstr (gloss_code_get_colour (code), ==, "#112233");
  g_clear_object (&code);

  /* Description: the outline for an empty one, then the text typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.description", NULL));
  dialog = take_dialog (fixture);
  buffer = gloss_code_description_dialog_get_buffer (ADW_MESSAGE_DIALOG (dialog));
  {
    g_autofree char *outline = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    outline = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (outline, "When to use"));
    g_assert_nonnull (strstr (outline, "When not to use"));
  }
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "codebook-description-dialog.png");
  gtk_text_buffer_set_text (buffer, "Definition: grooming or coercion.\n\nWhen to use: risk named.", -1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), GLOSS_CODE_DIALOG_ACCEPT);
  gtk_window_destroy (dialog);
  code = get_code (fixture, exploitation);
  g_assert_cmpstr (gloss_code_get_description (code), ==,
                   "Definition: grooming or coercion.\n\nWhen to use: risk named.");
  g_clear_object (&code);

  /* Merge Family support into Leadership: the code and its sub-codes are
   * not offered as targets; its coding moves. */
  select_code (fixture, "Early help/Family support");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.merge", NULL));
  dialog = take_dialog (fixture);
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "codebook-merge-dialog.png");
  g_assert_false (gloss_code_merge_dialog_select (ADW_MESSAGE_DIALOG (dialog), family));
  g_assert_true (gloss_code_merge_dialog_select (ADW_MESSAGE_DIALOG (dialog), leadership));
  g_assert_cmpint (gloss_code_merge_dialog_get_target (ADW_MESSAGE_DIALOG (dialog)), ==, leadership);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), GLOSS_CODE_DIALOG_ACCEPT);
  gtk_window_destroy (dialog);
  code = gloss_project_get_code (fixture->project, family, &error);
  g_assert_null (code);
  g_clear_error (&error);
  g_assert_cmpint (gloss_codebook_view_get_selected_code (fixture->view), ==, leadership);
  g_assert_cmpstr (gloss_code_row_get_counts_text (find_row (fixture, "Leadership")), ==, "1 · 1 · 1");
  g_assert_null (fixture->error);
}

static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gint64 leadership = code_id (fixture, "Leadership");
  gint64 exploitation = code_id (fixture, "Exploitation");
  g_autoptr(GlossCode) code = NULL;

  select_code (fixture, "Leadership/Oversight/Supervision");
  select_code (fixture, "Early help/Referrals");
  assert_tree (fixture, "Early help;-Family support;-Referrals;Leadership;-Oversight;--Supervision;Exploitation");

  /* A code onto another: it becomes its child. */
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, exploitation);
  g_assert_true (gloss_codebook_view_drop (fixture->view, find_item (fixture, "Oversight"), &value,
                                           GLOSS_CODEBOOK_DROP_INTO));
  assert_tree (fixture, "Early help;-Family support;-Referrals;Leadership;-Oversight;--Supervision;--Exploitation");
  code = get_code (fixture, exploitation);
  g_assert_cmpint (gloss_code_get_parent_id (code), ==, code_id (fixture, "Leadership/Oversight"));
  g_clear_object (&code);

  /* In the upper quarter of a row: before it, among its siblings. */
  g_assert_true (gloss_codebook_view_drop (fixture->view, find_item (fixture, "Family support"), &value,
                                           GLOSS_CODEBOOK_DROP_BEFORE));
  assert_tree (fixture, "Early help;-Exploitation;-Family support;-Referrals;Leadership;-Oversight;--Supervision");

  /* In the lower quarter: after it. */
  g_assert_true (gloss_codebook_view_drop (fixture->view, find_item (fixture, "Family support"), &value,
                                           GLOSS_CODEBOOK_DROP_AFTER));
  assert_tree (fixture, "Early help;-Family support;-Exploitation;-Referrals;Leadership;-Oversight;--Supervision");

  /* After the last top-level code. */
  g_assert_true (gloss_codebook_view_drop (fixture->view, find_item (fixture, "Leadership"), &value,
                                           GLOSS_CODEBOOK_DROP_AFTER));
  assert_tree (fixture, "Early help;-Family support;-Referrals;Leadership;-Oversight;--Supervision;Exploitation");

  /* Below its own descendant: refused, with the engine's reason. */
  g_value_set_int64 (&value, leadership);
  g_assert_false (gloss_codebook_view_can_drop_code (fixture->view, leadership,
                                                     find_item (fixture, "Leadership"),
                                                     GLOSS_CODEBOOK_DROP_INTO));
  g_assert_false (gloss_codebook_view_drop (fixture->view, find_item (fixture, "Supervision"), &value,
                                            GLOSS_CODEBOOK_DROP_INTO));
  g_assert_nonnull (fixture->error);
  g_clear_pointer (&fixture->error, g_free);
  code = get_code (fixture, leadership);
  g_assert_cmpint (gloss_code_get_parent_id (code), ==, 0);
  g_clear_object (&code);

  /* A text selection dropped on a code. */
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "gloss-selection:1:10:20");
  g_assert_true (gloss_codebook_view_drop (fixture->view, find_item (fixture, "Oversight"), &value,
                                           GLOSS_CODEBOOK_DROP_BEFORE));
  g_assert_cmpint (fixture->dropped, ==, code_id (fixture, "Leadership/Oversight"));
  /* Any other text is not ours. */
  fixture->dropped = 0;
  g_value_set_string (&value, "hello");
  g_assert_false (gloss_codebook_view_drop (fixture->view, find_item (fixture, "Oversight"), &value,
                                            GLOSS_CODEBOOK_DROP_INTO));
  g_assert_cmpint (fixture->dropped, ==, 0);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  /* No project: nothing to do. */
  gloss_codebook_view_set_project (fixture->view, NULL);
  assert_tree (fixture, "");
  g_assert_cmpint (gloss_codebook_view_get_selected_code (fixture->view), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.rename", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "codebook.new-code", NULL);
  g_assert_null (gloss_codebook_view_get_dialog (fixture->view));

  gloss_codebook_view_set_project (fixture->view, fixture->project);
  assert_tree (fixture, "Early help;Leadership;Exploitation");
}

/* Pixels --------------------------------------------------------------------------- */

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  select_code (fixture, "Leadership/Oversight/Supervision");
  select_code (fixture, "Early help/Family support");
  gloss_test_settle (200);
  gloss_test_save_widget_png (GTK_WIDGET (fixture->window), "codebook-view.png");

  /* Filtered: ancestors of the matches shown dimmed, for context. */
  gtk_editable_set_text (gloss_codebook_view_get_filter_entry (fixture->view), "er");
  wait_for_tree (fixture, "Early help;-Referrals;Leadership;-Oversight;--Supervision");
  gloss_test_settle (200);
  gloss_test_save_widget_png (GTK_WIDGET (fixture->window), "codebook-view-filtered.png");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Links the resources (they register themselves). */
  g_assert_nonnull (gloss_get_resource ());

  g_test_add ("/codebook-view/rows-and-counts", Fixture, NULL, fixture_setup, test_rows_and_counts, fixture_teardown);
  g_test_add ("/codebook-view/filter", Fixture, NULL, fixture_setup, test_filter, fixture_teardown);
  g_test_add ("/codebook-view/live-updates", Fixture, NULL, fixture_setup, test_live_updates, fixture_teardown);
  g_test_add ("/codebook-view/activate", Fixture, NULL, fixture_setup, test_activate, fixture_teardown);
  g_test_add ("/codebook-view/rename-pin-move", Fixture, NULL, fixture_setup, test_rename_pin_move, fixture_teardown);
  g_test_add ("/codebook-view/delete", Fixture, NULL, fixture_setup, test_delete, fixture_teardown);
  g_test_add ("/codebook-view/dialogs", Fixture, NULL, fixture_setup, test_dialogs, fixture_teardown);
  g_test_add ("/codebook-view/drop", Fixture, NULL, fixture_setup, test_drop, fixture_teardown);
  g_test_add ("/codebook-view/empty", Fixture, NULL, fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/codebook-view/screenshot", Fixture, NULL, fixture_setup, test_screenshot, fixture_teardown);

  return g_test_run ();
}
