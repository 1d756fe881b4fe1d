/* test-merge-dialog.c: the merge dialog, driven under Xvfb on two
 * projects that grew apart from one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-codebook.h"
#include "gloss-merge-dialog.h"
#include "gloss-review.h"
#include "gloss-test-ui.h"

static GlossApplication *app;

static const char charlie_text[] = "Charlie letter.\nA focused visit found drift in planning.\n";

typedef struct
{
  char         *tmpdir;
  char         *ours_path;     /* tmpdir/Demo.gloss */
  char         *theirs_path;   /* tmpdir/theirs/Theirs.gloss */
  GlossProject *ours;
  GtkWidget    *window;
  char         *c1_guid;       /* Alice: "Early help" on alpha, coded Early help */
  char         *c3_guid;       /* Alice: "Inspectors met", deleted in theirs */
} Fixture;

/* Projects ------------------------------------------------------------------- */

static GlossCoding *
code_passage (GlossProject *project,
              gint64        document_id,
              gint64        code_id,
              gint64        coder_id,
              const char   *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gloss_project_load_document_text (project, document_id, &error);
  GlossCoding *coding;
  guint start;

  g_assert_no_error (error);
  start = gloss_test_offset_of (text, needle);
  coding = gloss_project_add_coding (project, document_id, code_id, coder_id,
                                     start, start + g_utf8_strlen (needle, -1), NULL, &error);
  g_assert_no_error (error);

  return coding;
}

static gint64
code_id (GlossProject *project,
         const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) code = gloss_project_lookup_code (project, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (code);

  return gloss_code_get_id (code);
}

static gint64
document_id (GlossProject *project,
             const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_project_lookup_document (project, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return gloss_document_get_id (document);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The common ancestor: the demo reports, coder Alice, codes "Early help"
 * and "Oversight", and three codings of Alice's on the PDF. */
static void
make_base (Fixture *fixture)
{
  g_autoptr(GlossProject) base = NULL;
  g_autoptr(GlossCode) early_help = NULL;
  g_autoptr(GlossCode) oversight = NULL;
  g_autoptr(GlossCoding) c1 = NULL;
  g_autoptr(GlossCoding) c2 = NULL;
  g_autoptr(GlossCoding) c3 = NULL;
  g_autoptr(GError) error = NULL;
  gint64 alpha, alice;

  base = gloss_test_demo_project_new (fixture->tmpdir, &alpha, NULL);
  alice = gloss_project_ensure_coder (base, "Alice", &error);
  g_assert_no_error (error);
  early_help = gloss_project_add_code (base, 0, "Early help", "#3584e4", NULL, &error);
  g_assert_no_error (error);
  oversight = gloss_project_add_code (base, 0, "Oversight", "#e66100", NULL, &error);
  g_assert_no_error (error);
  c1 = code_passage (base, alpha, gloss_code_get_id (early_help), alice, "Early help");
  c2 = code_passage (base, alpha, gloss_code_get_id (oversight), alice, "management oversight");
  c3 = code_passage (base, alpha, gloss_code_get_id (early_help), alice, "Inspectors met");
  fixture->c1_guid = g_strdup (gloss_coding_get_guid (c1));
  fixture->c3_guid = g_strdup (gloss_coding_get_guid (c3));
}

/* Theirs: Bob joined; "Oversight" became "Management oversight"; the
 * coding of "Inspectors met" went; "charlie-letter" came in; a code
 * "Leadership"; three codings of Bob's (one on charlie-letter), a memo of
 * his on "Early help" and his review agreeing with Alice's first coding. */
static void
make_theirs (Fixture *fixture)
{
  g_autoptr(GlossProject) theirs = NULL;
  g_autoptr(GlossCode) leadership = NULL;
  g_autoptr(GlossCoding) b1 = NULL;
  g_autoptr(GlossCoding) b2 = NULL;
  g_autoptr(GlossCoding) b3 = NULL;
  g_autoptr(GlossCoding) c1 = NULL;
  g_autoptr(GlossCoding) c3 = NULL;
  g_autoptr(GlossReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->theirs_path);
  gint64 bob, early_help, charlie;

  theirs = gloss_project_open (fixture->theirs_path, &error);
  g_assert_no_error (error);
  bob = gloss_project_ensure_coder (theirs, "Bob", &error);
  g_assert_no_error (error);
  early_help = code_id (theirs, "Early help");

  g_assert_true (gloss_project_rename_code (theirs, code_id (theirs, "Oversight"), "Management oversight", &error));
  g_assert_no_error (error);
  c3 = gloss_project_lookup_coding (theirs, fixture->c3_guid, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_project_remove_coding (theirs, gloss_coding_get_id (c3), &error));
  g_assert_no_error (error);

  charlie = gloss_test_import_text (theirs, dir, "charlie-letter.txt", charlie_text);
  leadership = gloss_project_add_code (theirs, 0, "Leadership", "#2ec27e", NULL, &error);
  g_assert_no_error (error);

  b1 = code_passage (theirs, document_id (theirs, "bravo-notes"), early_help, bob, "social worker");
  b2 = code_passage (theirs, document_id (theirs, "alpha-report"), gloss_code_get_id (leadership), bob,
                     "Leaders know");
  b3 = code_passage (theirs, charlie, early_help, bob, "focused visit");

  g_assert_true (gloss_project_set_memo (theirs, GLOSS_MEMO_CODE, early_help, bob,
                                         "Early help: any support before statutory services.", &error));
  g_assert_no_error (error);
  c1 = gloss_project_lookup_coding (theirs, fixture->c1_guid, &error);
  g_assert_no_error (error);
  review = gloss_project_set_review (theirs, gloss_coding_get_id (c1), bob, GLOSS_VERDICT_AGREE,
                                     "Clearly early help.", &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GlossCode) leadership = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs_dir = NULL;
  g_autofree char *wal = NULL;

  fixture->tmpdir = gloss_test_make_tmpdir ();
  fixture->ours_path = g_build_filename (fixture->tmpdir, "Demo.gloss", NULL);
  theirs_dir = g_build_filename (fixture->tmpdir, "theirs", NULL);
  g_assert_cmpint (g_mkdir (theirs_dir, 0700), ==, 0);
  fixture->theirs_path = g_build_filename (theirs_dir, "Theirs.gloss", NULL);

  make_base (fixture);
  gloss_test_settle (20);
  /* Closed: everything is in the one file. */
  wal = g_strconcat (fixture->ours_path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  copy_file (fixture->ours_path, fixture->theirs_path);

  make_theirs (fixture);
  gloss_test_settle (20);

  /* Ours: a "Leadership" of our own, made apart from theirs. */
  fixture->ours = gloss_project_open (fixture->ours_path, &error);
  g_assert_no_error (error);
  leadership = gloss_project_add_code (fixture->ours, 0, "Leadership", "#c061cb", NULL, &error);
  g_assert_no_error (error);

  fixture->window = gtk_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_title (GTK_WINDOW (fixture->window), "Demo");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  gloss_test_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gloss_test_destroy_windows (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->ours);
  gloss_test_settle (20);
  gloss_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->ours_path);
  g_free (fixture->theirs_path);
  g_free (fixture->c1_guid);
  g_free (fixture->c3_guid);
}

/* The dialog ----------------------------------------------------------------- */

typedef struct
{
  GlossMergeDialog      *dialog;
  GlossMergeDialogState  state;
} StateWait;

static gboolean
state_left (gpointer data)
{
  StateWait *wait = data;

  return gloss_merge_dialog_get_state (wait->dialog) != wait->state;
}

static gboolean
preview_finished (gpointer data)
{
  return !gloss_merge_dialog_is_previewing (data);
}

/* Waits for the dialog to leave state; returns the state it is in. */
static GlossMergeDialogState
wait_past (GlossMergeDialog      *dialog,
           GlossMergeDialogState  state)
{
  StateWait wait = { dialog, state };

  g_assert_true (gloss_test_wait_for (state_left, &wait, 30000));
  /* Let the page's transition finish before anything is drawn. */
  gloss_test_settle (400);

  return gloss_merge_dialog_get_state (dialog);
}

static GlossMergeDialog *
open_dialog (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GFile) other = g_file_new_for_path (path);
  GtkWidget *dialog = gloss_merge_dialog_new (GTK_WINDOW (fixture->window), fixture->ours, other);

  g_assert_true (GLOSS_IS_MERGE_DIALOG (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  gloss_test_present (GTK_WINDOW (dialog));

  return GLOSS_MERGE_DIALOG (dialog);
}

static void
close_dialog (GlossMergeDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  gloss_test_settle (50);
}

/* Whether a label showing exactly text is inside widget and mapped. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Opens the combo row's list, as a click does, and picks the item at
 * position in it; saves the open list as png_name unless NULL. */
static void
choose_in_list (GtkWidget  *row,
                guint       position,
                const char *png_name)
{
  GtkWidget *popover, *list_view;

  gtk_widget_activate (row);
  gloss_test_settle (300);
  popover = find_descendant (row, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  if (png_name != NULL)
    gloss_test_save_widget_png (popover, png_name);
  list_view = find_descendant (popover, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  /* A click selects the item, then activates it. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view))),
                                   position, TRUE);
  gtk_widget_activate_action (list_view, "list.activate-item", "u", position);
  gloss_test_settle (300);
  g_assert_false (gtk_widget_get_visible (popover));
}

static const char *
combo_text (GtkWidget *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static guint
find_conflict (GPtrArray         *conflicts,
               GlossConflictKind  kind)
{
  for (guint i = 0; i < conflicts->len; i++)
    if (((GlossMergeConflict *) g_ptr_array_index (conflicts, i))->kind == kind)
      return i;

  g_assert_not_reached ();
}

static guint
count_rows (GPtrArray *rows)
{
  return rows != NULL ? rows->len : 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The codes' paths, sorted, joined by "|". */
static char *
code_paths (GlossProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = gloss_project_list_codes (project, &error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < codes->len; i++)
    g_ptr_array_add (paths, (gpointer) gloss_code_get_path (g_ptr_array_index (codes, i)));
  g_ptr_array_sort (paths, compare_strings);
  g_ptr_array_add (paths, NULL);

  return g_strjoinv ("|", (char **) paths->pdata);
}

/* The codings as "coder:document:quote:code", sorted, joined by "|". */
static char *
codings_text (GlossProject *project)
{
  GlossCodingFilter filter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codings = gloss_project_list_codings (project, &filter, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < codings->len; i++)
    {
      GlossCoding *coding = g_ptr_array_index (codings, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s:%s:%s:%s",
                                               gloss_coding_get_coder_name (coding),
                                               gloss_coding_get_document_name (coding),
                                               gloss_coding_get_quote (coding),
                                               gloss_coding_get_code_path (coding)));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("|", (char **) lines->pdata);
}

static char *
document_names (GlossProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = gloss_project_list_documents (project, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (names, (gpointer) gloss_document_get_name (g_ptr_array_index (documents, i)));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

/* Ours before any merge. */
static const char ours_codes[] = "Early help|Leadership|Oversight";
static const char ours_codings[] =
  "Alice:alpha-report:Early help:Early help|"
  "Alice:alpha-report:Inspectors met:Early help|"
  "Alice:alpha-report:management oversight:Oversight";

static void
assert_ours_unchanged (Fixture *fixture)
{
  g_autofree char *codes = code_paths (fixture->ours);
  g_autofree char *codings = codings_text (fixture->ours);
  g_autofree char *documents = document_names (fixture->ours);

  g_assert_cmpstr (codes, ==, ours_codes);
  g_assert_cmpstr (codings, ==, ours_codings);
  g_assert_cmpstr (documents, ==, "alpha-report|bravo-notes");
}

/* What merging theirs into ours does when "charlie-letter" is added and
 * their "Leadership" comes in as a new code, counted by hand:
 * reports: alpha and bravo matched by their bytes, charlie added;
 * coders: Alice matched, Bob added;
 * codes: "Early help" matched, "Oversight" updated (their rename is the
 *   later change), their "Leadership" added (as "Leadership (2)");
 * codings: Alice's two left matched, hers on "Inspectors met" deleted
 *   (their deletion is later), Bob's three added;
 * memos: Bob's added; reviews: Bob's added. */
static void
assert_first_summary (const GlossMergeSummary *s)
{
  g_assert_nonnull (s);
  g_assert_cmpuint (s->documents_added, ==, 1);
  g_assert_cmpuint (s->documents_matched, ==, 2);
  g_assert_cmpuint (s->documents_skipped, ==, 0);
  g_assert_cmpuint (s->coders_added, ==, 1);
  g_assert_cmpuint (s->coders_matched, ==, 1);
  g_assert_cmpuint (s->codes_added, ==, 1);
  g_assert_cmpuint (s->codes_matched, ==, 1);
  g_assert_cmpuint (s->codes_updated, ==, 1);
  g_assert_cmpuint (s->codes_deleted, ==, 0);
  g_assert_cmpuint (s->codes_skipped, ==, 0);
  g_assert_cmpuint (s->codings_added, ==, 3);
  g_assert_cmpuint (s->codings_matched, ==, 2);
  g_assert_cmpuint (s->codings_updated, ==, 0);
  g_assert_cmpuint (s->codings_deleted, ==, 1);
  g_assert_cmpuint (s->codings_skipped, ==, 0);
  g_assert_cmpuint (s->memos_added, ==, 1);
  g_assert_cmpuint (s->memos_updated, ==, 0);
  g_assert_cmpuint (s->memos_deleted, ==, 0);
  g_assert_cmpuint (s->reviews_added, ==, 1);
  g_assert_cmpuint (s->reviews_updated, ==, 0);
  g_assert_cmpuint (s->reviews_deleted, ==, 0);
}

/* Tests ---------------------------------------------------------------------- */

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  GlossMergeDialog *dialog = open_dialog (fixture, fixture->theirs_path);
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts;
  GlossMergeConflict *missing, *same_path;
  guint missing_index, same_path_index;
  GtkWidget *row;

  /* Reading: a spinner says what. */
  if (gloss_merge_dialog_get_state (dialog) == GLOSS_MERGE_DIALOG_PLANNING)
    g_assert_true (shows_label (GTK_WIDGET (dialog), "Reading “Theirs.gloss”…"));
  g_assert_null (gloss_merge_dialog_get_summary (dialog));
  g_assert_cmpint (wait_past (dialog, GLOSS_MERGE_DIALOG_PLANNING), ==, GLOSS_MERGE_DIALOG_DECIDING);

  /* What cannot be matched: the report only they have, and the two
   * "Leadership" codes made apart. */
  conflicts = gloss_merge_dialog_get_conflicts (dialog);
  g_assert_nonnull (conflicts);
  g_assert_cmpuint (conflicts->len, ==, 2);
  missing_index = find_conflict (conflicts, GLOSS_CONFLICT_MISSING_DOCUMENT);
  same_path_index = find_conflict (conflicts, GLOSS_CONFLICT_SAME_PATH);
  missing = g_ptr_array_index (conflicts, missing_index);
  same_path = g_ptr_array_index (conflicts, same_path_index);
  g_assert_nonnull (strstr (missing->description, "“charlie-letter”"));
  g_assert_cmpstr (missing->theirs, ==, "charlie-letter");
  g_assert_nonnull (strstr (same_path->description, "“Leadership”"));
  g_assert_cmpstr (same_path->ours, ==, "Leadership");
  g_assert_cmpstr (same_path->theirs, ==, "Leadership");

  /* One row each, with the description, and the defaults chosen. */
  row = gloss_merge_dialog_get_conflict_row (dialog, missing_index);
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, missing->description);
  g_assert_cmpstr (combo_text (row), ==, "Add the Report");
  g_assert_cmpint (missing->decision, ==, GLOSS_DECISION_ADD);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==, 2);
  row = gloss_merge_dialog_get_conflict_row (dialog, same_path_index);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, same_path->description);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Ours: Leadership\nTheirs: Leadership");
  g_assert_cmpstr (combo_text (row), ==, "Same Code");
  g_assert_cmpint (same_path->decision, ==, GLOSS_DECISION_MAP);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==, 3);
  g_assert_true (gloss_merge_dialog_can_merge (dialog));

  /* A choice a kind does not offer is refused; an undecided conflict
   * keeps Merge off. */
  g_assert_false (gloss_merge_dialog_set_decision (dialog, missing_index, GLOSS_DECISION_MAP));
  g_assert_cmpint (missing->decision, ==, GLOSS_DECISION_ADD);
  g_assert_true (gloss_merge_dialog_set_decision (dialog, same_path_index, GLOSS_DECISION_NONE));
  g_assert_cmpint (same_path->decision, ==, GLOSS_DECISION_NONE);
  g_assert_false (gloss_merge_dialog_can_merge (dialog));
  g_assert_false (gloss_merge_dialog_merge (dialog));
  g_assert_cmpint (gloss_merge_dialog_get_state (dialog), ==, GLOSS_MERGE_DIALOG_DECIDING);

  /* Their "Leadership" as a code of its own, chosen in the row. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_cmpstr (combo_text (row), ==, "Add as New Code");
  g_assert_cmpint (same_path->decision, ==, GLOSS_DECISION_ADD);
  g_assert_true (gloss_merge_dialog_can_merge (dialog));

  /* The preview says what would change, and changes nothing. */
  g_assert_null (gloss_merge_dialog_get_preview (dialog));
  gloss_merge_dialog_preview (dialog);
  g_assert_true (gloss_merge_dialog_is_previewing (dialog));
  g_assert_false (gloss_merge_dialog_can_merge (dialog));
  g_assert_false (gloss_merge_dialog_set_decision (dialog, missing_index, GLOSS_DECISION_SKIP));
  g_assert_true (gloss_test_wait_for (preview_finished, dialog, 30000));
  gloss_test_settle (200);
  assert_first_summary (gloss_merge_dialog_get_preview (dialog));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Codings"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "3 added, 2 matched, 1 deleted"));
  assert_ours_unchanged (fixture);
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "merge-dialog-conflicts.png");

  /* Another choice makes the preview stale. */
  g_assert_true (gloss_merge_dialog_set_decision (dialog, missing_index, GLOSS_DECISION_SKIP));
  g_assert_null (gloss_merge_dialog_get_preview (dialog));
  g_assert_cmpstr (combo_text (gloss_merge_dialog_get_conflict_row (dialog, missing_index)), ==, "Skip It");
  g_assert_true (gloss_merge_dialog_set_decision (dialog, missing_index, GLOSS_DECISION_ADD));

  /* Merge. */
  g_assert_true (gloss_merge_dialog_merge (dialog));
  g_assert_cmpint (gloss_merge_dialog_get_state (dialog), ==, GLOSS_MERGE_DIALOG_MERGING);
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Merging “Theirs.gloss”…"));
  g_assert_cmpint (wait_past (dialog, GLOSS_MERGE_DIALOG_MERGING), ==, GLOSS_MERGE_DIALOG_DONE);
  g_assert_null (gloss_merge_dialog_get_error_message (dialog));
  assert_first_summary (gloss_merge_dialog_get_summary (dialog));
  g_assert_false (gloss_merge_dialog_is_nothing_new (dialog));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Merged"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Reports"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "1 added, 2 matched"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Codes"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "1 added, 1 matched, 1 updated"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Reviews"));
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "merge-dialog-summary.png");

  /* The project's rows. */
  {
    g_autofree char *documents = document_names (fixture->ours);
    g_autofree char *codes = code_paths (fixture->ours);
    g_autofree char *codings = codings_text (fixture->ours);
    g_autoptr(GPtrArray) coders = gloss_project_list_coder_names (fixture->ours, NULL, &error);
    g_autoptr(GlossCoding) c1 = NULL;
    g_autoptr(GPtrArray) reviews = NULL;
    g_autofree char *memo = NULL;
    GlossReview *review;
    gint64 bob;

    g_assert_cmpstr (documents, ==, "alpha-report|bravo-notes|charlie-letter");
    g_assert_cmpstr (codes, ==, "Early help|Leadership|Leadership (2)|Management oversight");
    g_assert_cmpstr (codings, ==,
                     "Alice:alpha-report:Early help:Early help|"
                     "Alice:alpha-report:management oversight:Management oversight|"
                     "Bob:alpha-report:Leaders know:Leadership (2)|"
                     "Bob:bravo-notes:social worker:Early help|"
                     "Bob:charlie-letter:focused visit:Early help");
    g_assert_no_error (error);
    g_assert_cmpuint (coders->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (coders, 0), ==, "Alice");
    g_assert_cmpstr (g_ptr_array_index (coders, 1), ==, "Bob");

    bob = gloss_project_lookup_coder (fixture->ours, "Bob");
    g_assert_cmpint (bob, >, 0);
    memo = gloss_project_get_memo (fixture->ours, GLOSS_MEMO_CODE, code_id (fixture->ours, "Early help"), bob, NULL);
    g_assert_cmpstr (memo, ==, "Early help: any support before statutory services.");
    c1 = gloss_project_lookup_coding (fixture->ours, fixture->c1_guid, &error);
    g_assert_no_error (error);
    reviews = gloss_project_list_reviews (fixture->ours, gloss_coding_get_id (c1), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (reviews->len, ==, 1);
    review = g_ptr_array_index (reviews, 0);
    g_assert_cmpstr (review->reviewer_name, ==, "Bob");
    g_assert_cmpint (review->verdict, ==, GLOSS_VERDICT_AGREE);
    g_assert_cmpstr (review->comment, ==, "Clearly early help.");
  }

  /* Done closes. */
  g_object_ref (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  gloss_test_settle (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  /* Merging the same file again brings nothing new. */
  dialog = open_dialog (fixture, fixture->theirs_path);
  g_assert_cmpint (wait_past (dialog, GLOSS_MERGE_DIALOG_PLANNING), ==, GLOSS_MERGE_DIALOG_DECIDING);
  g_assert_cmpuint (count_rows (gloss_merge_dialog_get_conflicts (dialog)), ==, 0);
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Ready to Merge"));
  gloss_merge_dialog_preview (dialog);
  g_assert_true (gloss_test_wait_for (preview_finished, dialog, 30000));
  gloss_test_settle (100);
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Nothing new: everything in “Theirs.gloss” is already here"));
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "merge-dialog-ready.png");
  g_assert_true (gloss_merge_dialog_merge (dialog));
  g_assert_cmpint (wait_past (dialog, GLOSS_MERGE_DIALOG_MERGING), ==, GLOSS_MERGE_DIALOG_DONE);
  g_assert_true (gloss_merge_dialog_is_nothing_new (dialog));
  {
    const GlossMergeSummary *s = gloss_merge_dialog_get_summary (dialog);

    g_assert_cmpuint (s->documents_added + s->coders_added + s->codes_added + s->codes_updated +
                      s->codes_deleted + s->codings_added + s->codings_updated + s->codings_deleted +
                      s->memos_added + s->memos_updated + s->memos_deleted +
                      s->reviews_added + s->reviews_updated + s->reviews_deleted, ==, 0);
    g_assert_cmpuint (s->documents_matched, ==, 3);
    g_assert_cmpuint (s->codings_matched, ==, 5);
  }
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Nothing New"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Nothing new: everything in “Theirs.gloss” is already here"));
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "merge-dialog-nothing-new.png");
  close_dialog (dialog);
}

/* Skipping the report leaves it, and what is coded on it, out. */
static void
test_skip (Fixture       *fixture,
           gconstpointer  data)
{
  GlossMergeDialog *dialog = open_dialog (fixture, fixture->theirs_path);
  GPtrArray *conflicts;
  GtkWidget *row;
  const GlossMergeSummary *s;
  guint missing_index;

  g_assert_cmpint (wait_past (dialog, GLOSS_MERGE_DIALOG_PLANNING), ==, GLOSS_MERGE_DIALOG_DECIDING);
  conflicts = gloss_merge_dialog_get_conflicts (dialog);
  missing_index = find_conflict (conflicts, GLOSS_CONFLICT_MISSING_DOCUMENT);
  row = gloss_merge_dialog_get_conflict_row (dialog, missing_index);
  choose_in_list (row, 1, "merge-dialog-choices.png");
  g_assert_cmpstr (combo_text (row), ==, "Skip It");
  g_assert_cmpint (((GlossMergeConflict *) g_ptr_array_index (conflicts, missing_index))->decision,
                   ==, GLOSS_DECISION_SKIP);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.merge", NULL);
  g_assert_cmpint (wait_past (dialog, GLOSS_MERGE_DIALOG_MERGING), ==, GLOSS_MERGE_DIALOG_DONE);
  s = gloss_merge_dialog_get_summary (dialog);
  /* Charlie skipped with Bob's coding on it; their "Leadership" is ours
   * (the default), so Bob's coding with it lands on our code: codes
   * "Early help" and "Leadership" matched, "Oversight" updated; codings
   * Alice's two matched, one deleted, Bob's two added and one skipped. */
  g_assert_cmpuint (s->documents_added, ==, 0);
  g_assert_cmpuint (s->documents_matched, ==, 2);
  g_assert_cmpuint (s->documents_skipped, ==, 1);
  g_assert_cmpuint (s->codes_added, ==, 0);
  g_assert_cmpuint (s->codes_matched, ==, 2);
  g_assert_cmpuint (s->codes_updated, ==, 1);
  g_assert_cmpuint (s->codings_added, ==, 2);
  g_assert_cmpuint (s->codings_matched, ==, 2);
  g_assert_cmpuint (s->codings_deleted, ==, 1);
  g_assert_cmpuint (s->codings_skipped, ==, 1);
  g_assert_false (gloss_merge_dialog_is_nothing_new (dialog));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "2 matched, 1 skipped"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "2 added, 2 matched, 1 deleted, 1 skipped"));
  {
    g_autofree char *documents = document_names (fixture->ours);
    g_autofree char *codes = code_paths (fixture->ours);

    g_assert_cmpstr (documents, ==, "alpha-report|bravo-notes");
    g_assert_cmpstr (codes, ==, "Early help|Leadership|Management oversight");
    g_clear_pointer (&codes, g_free);
    codes = codings_text (fixture->ours);
    g_assert_cmpstr (codes, ==,
                     "Alice:alpha-report:Early help:Early help|"
                     "Alice:alpha-report:management oversight:Management oversight|"
                     "Bob:alpha-report:Leaders know:Leadership|"
                     "Bob:bravo-notes:social worker:Early help");
  }
  close_dialog (dialog);
}

/* What cannot be merged says why, in the dialog. */
static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *junk = g_build_filename (fixture->tmpdir, "notes.gloss", NULL);
  g_autofree char *missing = g_build_filename (fixture->tmpdir, "nowhere.gloss", NULL);
  const char *paths[] = { junk, missing, fixture->ours_path };
  GlossMergeDialog *dialog;

  g_assert_true (g_file_set_contents (junk, "These are notes, not a project.\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const char *message;

      dialog = open_dialog (fixture, paths[i]);
      g_assert_cmpint (wait_past (dialog, GLOSS_MERGE_DIALOG_PLANNING), ==, GLOSS_MERGE_DIALOG_FAILED);
      message = gloss_merge_dialog_get_error_message (dialog);
      g_test_message ("%s: %s", paths[i], message);
      g_assert_nonnull (message);
      g_assert_cmpstr (message, !=, "");
      g_assert_true (shows_label (GTK_WIDGET (dialog), message));
      g_assert_null (gloss_merge_dialog_get_conflicts (dialog));
      g_assert_false (gloss_merge_dialog_can_merge (dialog));
      if (i == 0)
        {
          g_assert_true (shows_label (GTK_WIDGET (dialog), "Not a Gloss Project"));
          gloss_test_save_widget_png (GTK_WIDGET (dialog), "merge-dialog-error.png");
        }
      close_dialog (dialog);
    }

  assert_ours_unchanged (fixture);
}

/* Closing while it reads, or cancelling before a merge, changes nothing;
 * stopping a merge leaves the project as it was. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  GlossMergeDialog *dialog;
  GlossMergeDialogState state;

  /* Closed at once, while reading. */
  dialog = open_dialog (fixture, fixture->theirs_path);
  close_dialog (dialog);
  gloss_test_settle (500);

  /* Cancel (Escape) while deciding closes without a change. */
  dialog = open_dialog (fixture, fixture->theirs_path);
  g_object_ref (dialog);
  g_assert_cmpint (wait_past (dialog, GLOSS_MERGE_DIALOG_PLANNING), ==, GLOSS_MERGE_DIALOG_DECIDING);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  gloss_test_settle (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  assert_ours_unchanged (fixture);

  /* Stopped as soon as it starts. */
  dialog = open_dialog (fixture, fixture->theirs_path);
  g_assert_cmpint (wait_past (dialog, GLOSS_MERGE_DIALOG_PLANNING), ==, GLOSS_MERGE_DIALOG_DECIDING);
  g_assert_true (gloss_merge_dialog_merge (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  state = wait_past (dialog, GLOSS_MERGE_DIALOG_MERGING);
  if (state == GLOSS_MERGE_DIALOG_DECIDING)
    {
      g_assert_cmpstr (gloss_merge_dialog_get_error_message (dialog), ==, "Merge stopped: nothing was changed");
      g_assert_null (gloss_merge_dialog_get_summary (dialog));
      assert_ours_unchanged (fixture);
      /* And it can still be merged. */
      g_assert_true (gloss_merge_dialog_can_merge (dialog));
    }
  else
    {
      /* The merge had finished before it could stop: it says so. */
      g_test_message ("the merge finished before it was stopped");
      g_assert_cmpint (state, ==, GLOSS_MERGE_DIALOG_DONE);
      assert_first_summary (gloss_merge_dialog_get_summary (dialog));
    }
  close_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = gloss_test_init_application (&argc, &argv, G_APPLICATION_NON_UNIQUE);

  g_test_add ("/merge-dialog/merge", Fixture, NULL, fixture_setup, test_merge, fixture_teardown);
  g_test_add ("/merge-dialog/skip", Fixture, NULL, fixture_setup, test_skip, fixture_teardown);
  g_test_add ("/merge-dialog/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/merge-dialog/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
