/* test-window-views.c: the window's documents and tables pages, and the
 * exports and codebook import of its primary menu, driven under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "gloss.h"
#include "gloss-application.h"
#include "gloss-attributes-dialog.h"
#include "gloss-agreement-view.h"
#include "gloss-comparison.h"
#include "gloss-document-table.h"
#include "gloss-merge-dialog.h"
#include "gloss-tables-view.h"
#include "gloss-test-ui.h"
#include "gloss-window.h"

static GlossApplication *app;

typedef struct
{
  char         *tmpdir;
  char         *path;
  GlossWindow  *window;
  gint64        pdf_id;
  gint64        text_id;
  gint64        early_help_coding;
} Fixture;

/* The demo reports, with two codes, three codings and an attribute:
 *   alpha-report (PDF): Early help ×2 (Ann, Ben), Oversight ×1 (Ann)
 *   bravo-notes (text): none
 *   Judgement: alpha Good, bravo Inadequate. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossCode) early = NULL;
  g_autoptr(GlossCode) oversight = NULL;
  g_autoptr(GlossCoding) a = NULL;
  g_autoptr(GlossCoding) b = NULL;
  g_autoptr(GlossCoding) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 ann, ben;
  guint at;

  g_settings_set_string (settings, "coder-name", "Ann");

  fixture->tmpdir = gloss_test_make_tmpdir ();
  project = gloss_test_demo_project_new (fixture->tmpdir, &fixture->pdf_id, &fixture->text_id);
  fixture->path = g_build_filename (fixture->tmpdir, "Demo.gloss", NULL);

  ann = gloss_project_ensure_coder (project, "Ann", &error);
  g_assert_no_error (error);
  ben = gloss_project_ensure_coder (project, "Ben", &error);
  g_assert_no_error (error);
  early = gloss_project_ensure_code_path (project, "Practice/Early help", NULL, NULL, &error);
  g_assert_no_error (error);
  oversight = gloss_project_ensure_code_path (project, "Practice/Oversight", NULL, NULL, &error);
  g_assert_no_error (error);

  text = gloss_project_load_document_text (project, fixture->pdf_id, &error);
  g_assert_no_error (error);
  at = gloss_test_offset_of (text, "Early help");
  a = gloss_project_add_coding (project, fixture->pdf_id, gloss_code_get_id (early), ann,
                                at, at + 10, NULL, &error);
  g_assert_no_error (error);
  b = gloss_project_add_coding (project, fixture->pdf_id, gloss_code_get_id (early), ben,
                                at, at + 24, NULL, &error);
  g_assert_no_error (error);
  at = gloss_test_offset_of (text, "management oversight");
  c = gloss_project_add_coding (project, fixture->pdf_id, gloss_code_get_id (oversight), ann,
                                at, at + 20, NULL, &error);
  g_assert_no_error (error);
  fixture->early_help_coding = gloss_coding_get_id (a);

  g_assert_true (gloss_project_set_named_attribute_value (project, fixture->pdf_id, "Judgement",
                                                          GLOSS_ATTRIBUTE_CHOICE, "Good", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_set_named_attribute_value (project, fixture->text_id, "Judgement",
                                                          GLOSS_ATTRIBUTE_CHOICE, "Inadequate", &error));
  g_assert_no_error (error);

  fixture->window = gloss_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gloss_test_present (GTK_WINDOW (fixture->window));
  {
    g_autoptr(GFile) file = g_file_new_for_path (fixture->path);

    g_assert_true (gloss_window_open_project (fixture->window, file));
  }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gloss_test_destroy_windows (GTK_WINDOW (fixture->window));
  gloss_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->path);
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

static void
activate (GlossWindow *window,
          const char  *name,
          GVariant    *parameter)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (window), name);

  g_assert_nonnull (action);
  g_assert_true (g_action_get_enabled (action));
  g_action_activate (action, parameter);
}

static gboolean
table_ready (gpointer data)
{
  GlossTablesView *view = data;

  return !gloss_tables_view_get_loading (view) && gloss_tables_view_get_table (view) != NULL;
}

typedef struct
{
  GlossWindow *window;
  gint64       id;
} DocumentWait;

static gboolean
document_shown (gpointer data)
{
  DocumentWait *wait = data;
  GlossDocument *document = gloss_window_get_document (wait->window);

  return document != NULL && gloss_document_get_id (document) == wait->id;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Tests -------------------------------------------------------------------- */

/* The tables page: the table of the project, a passage behind a cell opens
 * in the viewer; a heat map of the same. */
static void
test_tables_page (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossTablesView *view;
  DocumentWait wait = { fixture->window, fixture->pdf_id };
  g_autofree char *cell = NULL;
  g_autofree char *total = NULL;

  activate (fixture->window, "show-tables", NULL);
  g_assert_cmpstr (gloss_window_get_content_page (fixture->window), ==, "tables");

  view = GLOSS_TABLES_VIEW (find_descendant (GTK_WIDGET (fixture->window), GLOSS_TYPE_TABLES_VIEW));
  g_assert_nonnull (view);
  g_assert_true (gloss_test_wait_for (table_ready, view, 10000));

  /* Rows: Practice, Early help, Oversight; columns: alpha, bravo. */
  g_assert_cmpuint (gloss_table_get_n_rows (gloss_tables_view_get_table (view)), ==, 3);
  g_assert_cmpstr (gloss_table_get_row_path (gloss_tables_view_get_table (view), 1), ==,
                   "Practice/Early help");
  cell = gloss_tables_view_get_cell_text (view, 1, 0);
  g_assert_cmpstr (cell, ==, "2");
  total = gloss_tables_view_get_cell_text (view, 2, 0);
  g_assert_cmpstr (total, ==, "1");
  gloss_test_settle (300);
  gloss_test_save_widget_png (GTK_WIDGET (fixture->window), "window-tables.png");

  /* The tables view's passage opens on the reports page, selected. */
  g_signal_emit_by_name (view, "segment-activated", fixture->pdf_id, fixture->early_help_coding);
  g_assert_cmpstr (gloss_window_get_content_page (fixture->window), ==, "reports");
  g_assert_true (gloss_test_wait_for (document_shown, &wait, 10000));

  /* Back to the tables, as a heat map. */
  activate (fixture->window, "show-tables", NULL);
  gloss_tables_view_set_display (view, GLOSS_TABLES_DISPLAY_HEAT_MAP);
  gloss_test_settle (400);
  gloss_test_save_widget_png (GTK_WIDGET (fixture->window), "window-heat-map.png");

  /* The back button's action returns to the reports. */
  activate (fixture->window, "show-reports", NULL);
  g_assert_cmpstr (gloss_window_get_content_page (fixture->window), ==, "reports");
}

/* The documents page: a report activated there opens in the viewer. */
static void
test_documents_page (Fixture       *fixture,
                     gconstpointer  data)
{
  GlossDocumentTable *table;
  DocumentWait wait = { fixture->window, fixture->text_id };

  activate (fixture->window, "show-documents", NULL);
  g_assert_cmpstr (gloss_window_get_content_page (fixture->window), ==, "documents");
  table = GLOSS_DOCUMENT_TABLE (find_descendant (GTK_WIDGET (fixture->window), GLOSS_TYPE_DOCUMENT_TABLE));
  g_assert_nonnull (table);
  gloss_test_settle (400);
  gloss_test_save_widget_png (GTK_WIDGET (fixture->window), "window-documents.png");

  g_signal_emit_by_name (table, "document-activated", fixture->text_id);
  g_assert_cmpstr (gloss_window_get_content_page (fixture->window), ==, "reports");
  g_assert_true (gloss_test_wait_for (document_shown, &wait, 10000));
}

/* The sidebar's report menu opens the attributes of that one report. */
static void
test_sidebar_attributes (Fixture       *fixture,
                         gconstpointer  data)
{
  GlossDocumentList *list = gloss_window_get_document_list (fixture->window);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GlossAttributesDialog *dialog = NULL;
  GArray *ids;

  g_assert_true (gloss_document_list_select_document (list, fixture->text_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "document.attributes", NULL));
  gloss_test_settle (300);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GLOSS_IS_ATTRIBUTES_DIALOG (toplevel))
        dialog = GLOSS_ATTRIBUTES_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  ids = gloss_attributes_dialog_get_document_ids (dialog);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->text_id);
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "window-sidebar-attributes.png");
}

/* The primary menu's exports: coded segments as CSV (one row per coding,
 * the attribute as a column), the codebook as XLSX, both as a workbook. */
static void
test_exports (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (fixture->tmpdir, "segments.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (fixture->tmpdir, "codebook.xlsx", NULL);
  g_autofree char *book_path = g_build_filename (fixture->tmpdir, "all.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GlossCsvRecord *header;
  gsize length = 0;

  gloss_window_export (fixture->window, "segments", csv_path, GLOSS_SHEET_FORMAT_CSV, TRUE);
  g_assert_true (gloss_test_wait_for (file_exists, csv_path, 10000));
  g_assert_true (g_file_get_contents (csv_path, &contents, &length, NULL));
  /* For Excel: UTF-8 with a byte-order mark. */
  g_assert_true (length > 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0);
  records = gloss_csv_parse (contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1 + 3);
  header = g_ptr_array_index (records, 0);
  g_assert_cmpstr (header->fields[0], ==, "document");
  g_assert_cmpstr (header->fields[5], ==, "code_path");
  g_assert_cmpstr (header->fields[header->n_fields - 1], ==, "Judgement");
  for (guint i = 1; i < records->len; i++)
    {
      GlossCsvRecord *row = g_ptr_array_index (records, i);

      g_assert_cmpstr (row->fields[0], ==, "alpha-report");
      g_assert_cmpstr (row->fields[row->n_fields - 1], ==, "Good");
    }

  gloss_window_export (fixture->window, "codebook", xlsx_path, GLOSS_SHEET_FORMAT_XLSX, FALSE);
  g_assert_true (gloss_test_wait_for (file_exists, xlsx_path, 10000));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (xlsx_path, &contents, &length, NULL));
  g_assert_true (length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0);

  gloss_window_export (fixture->window, "workbook", book_path, GLOSS_SHEET_FORMAT_CSV, FALSE);
  g_assert_true (gloss_test_wait_for (file_exists, book_path, 10000));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (book_path, &contents, &length, NULL));
  g_assert_true (length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0);
  g_assert_nonnull (memmem (contents, length, "xl/worksheets/sheet2.xml", strlen ("xl/worksheets/sheet2.xml")));
}

typedef struct
{
  GlossProject *project;
  const char   *path;
} CodeWait;

static gboolean
code_exists (gpointer data)
{
  CodeWait *wait = data;
  g_autoptr(GlossCode) code = gloss_project_lookup_code (wait->project, wait->path, NULL);

  return code != NULL;
}

/* Import Codebook merges a CSV file by path; a bad file changes nothing. */
static void
test_import_codebook (Fixture       *fixture,
                      gconstpointer  data)
{
  GlossProject *project = gloss_window_get_project (fixture->window);
  g_autofree char *good = g_build_filename (fixture->tmpdir, "codebook.csv", NULL);
  g_autofree char *bad = g_build_filename (fixture->tmpdir, "bad.csv", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GlossCode) code = NULL;
  CodeWait wait = { project, "Risks/Child sexual exploitation" };

  g_assert_true (g_file_set_contents (good,
                                      "path,description,colour\r\n"
                                      "Risks/Child sexual exploitation,\"CSE, and the response\",#c01c28\r\n",
                                      -1, NULL));
  gloss_window_import_codebook (fixture->window, good_file);
  g_assert_true (gloss_test_wait_for (code_exists, &wait, 10000));
  code = gloss_project_lookup_code (project, wait.path, NULL);
  g_assert_cmpstr (gloss_code_get_description (code), ==, "CSE, and the response");
  g_assert_cmpstr (gloss_code_get_colour (code), ==, "#c01c28");

  /* Line 3 has a malformed colour: nothing of the file is taken. */
  g_assert_true (g_file_set_contents (bad,
                                      "path,colour\r\n"
                                      "Workforce,#00aa00\r\n"
                                      "Caseloads,green\r\n",
                                      -1, NULL));
  before = gloss_project_list_codes (project, NULL);
  gloss_window_import_codebook (fixture->window, bad_file);
  gloss_test_settle (1500);
  after = gloss_project_list_codes (project, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  wait.path = "Workforce";
  g_assert_false (code_exists (&wait));
}

static gboolean
agreement_ready (gpointer data)
{
  GlossAgreementView *view = data;

  return !gloss_agreement_view_get_loading (view) && gloss_agreement_view_get_n_rows (view) > 0;
}

/* The agreement page: Ann coded "Early help" (10 characters), Ben the 24
 * characters from there: both 10, only Ben 14, the rest of the report
 * neither. */
static void
test_agreement_page (Fixture       *fixture,
                     gconstpointer  data)
{
  GlossProject *project = gloss_window_get_project (fixture->window);
  GlossAgreementView *view;
  g_autoptr(GArray) coders = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 ann = gloss_project_lookup_coder (project, "Ann");
  gint64 ben = gloss_project_lookup_coder (project, "Ben");
  int early = -1;

  activate (fixture->window, "show-agreement", NULL);
  g_assert_cmpstr (gloss_window_get_content_page (fixture->window), ==, "agreement");
  view = GLOSS_AGREEMENT_VIEW (find_descendant (GTK_WIDGET (fixture->window), GLOSS_TYPE_AGREEMENT_VIEW));
  g_assert_nonnull (view);

  g_array_append_val (coders, ann);
  g_array_append_val (coders, ben);
  gloss_agreement_view_set_coders (view, coders);
  g_assert_true (gloss_test_wait_for (agreement_ready, view, 10000));

  for (guint row = 0; row < gloss_agreement_view_get_n_rows (view); row++)
    {
      g_autofree char *code = gloss_agreement_view_get_cell_by_title (view, row, "Code");

      if (code != NULL && strstr (code, "Early help") != NULL)
        early = (int) row;
    }
  g_assert_cmpint (early, >=, 0);
  {
    g_autofree char *both = gloss_agreement_view_get_cell_by_title (view, early, "Both");
    g_autofree char *only_ben = gloss_agreement_view_get_cell_by_title (view, early, "Only Ben");
    g_autofree char *only_ann = gloss_agreement_view_get_cell_by_title (view, early, "Only Ann");

    g_assert_cmpstr (both, ==, "10");
    g_assert_cmpstr (only_ben, ==, "14");
    g_assert_cmpstr (only_ann, ==, "0");
  }
  gloss_test_settle (400);
  gloss_test_save_widget_png (GTK_WIDGET (fixture->window), "window-agreement.png");
}

/* Compare Two Coders: the viewer shows the comparison of the code asked
 * for; turning it off restores the viewer. */
static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  GlossProject *project = gloss_window_get_project (fixture->window);
  GlossDocumentList *list = gloss_window_get_document_list (fixture->window);
  GlossPdfView *pdf_view = gloss_window_get_pdf_view (fixture->window);
  DocumentWait wait = { fixture->window, fixture->pdf_id };
  g_autoptr(GlossCode) early = gloss_project_lookup_code (project, "Practice/Early help", NULL);
  const GlossComparison *comparison;

  g_assert_true (gloss_document_list_select_document (list, fixture->pdf_id));
  g_assert_true (gloss_test_wait_for (document_shown, &wait, 10000));
  gloss_test_wait_rendered (pdf_view);

  gloss_window_compare_coders (fixture->window,
                               gloss_project_lookup_coder (project, "Ann"),
                               gloss_project_lookup_coder (project, "Ben"),
                               gloss_code_get_id (early));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gloss_window_get_compare_bar (fixture->window))));
  comparison = gloss_pdf_view_get_comparison (pdf_view);
  g_assert_nonnull (comparison);
  g_assert_cmpint (comparison->code_id, ==, gloss_code_get_id (early));
  g_assert_cmpuint (comparison->codings_a->len, ==, 2);
  g_assert_cmpuint (comparison->codings_b->len, ==, 1);
  gloss_test_settle (800);
  gloss_test_save_widget_png (GTK_WIDGET (fixture->window), "window-compare.png");

  activate (fixture->window, "compare-coders", NULL);
  g_assert_null (gloss_pdf_view_get_comparison (pdf_view));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gloss_window_get_compare_bar (fixture->window))));
}

typedef struct
{
  GlossMergeDialog      *dialog;
  GlossMergeDialogState  state;
} MergeWait;

static gboolean
merge_state_is (gpointer data)
{
  MergeWait *wait = data;

  return gloss_merge_dialog_get_state (wait->dialog) == wait->state;
}

/* Merge a Colleague's Project: a copy of the project in which a colleague
 * coded one more passage; the window's dialog brings it in. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  GlossProject *project = gloss_window_get_project (fixture->window);
  g_autofree char *theirs_path = g_build_filename (fixture->tmpdir, "Theirs.gloss", NULL);
  g_autoptr(GFile) ours_file = g_file_new_for_path (fixture->path);
  g_autoptr(GFile) theirs_file = g_file_new_for_path (theirs_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *dialog;
  MergeWait wait;

  g_assert_true (gloss_project_check_integrity (project, &error));
  before = gloss_project_list_codings (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 3);

  /* Their copy, and one more coding by Cleo in it. */
  g_assert_true (g_file_copy (ours_file, theirs_file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    /* What is not yet checkpointed into the file is in its WAL. */
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_autofree char *their_wal = g_strconcat (theirs_path, "-wal", NULL);
    g_autoptr(GFile) from = g_file_new_for_path (wal);
    g_autoptr(GFile) to = g_file_new_for_path (their_wal);

    if (g_file_query_exists (from, NULL))
      g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GlossProject) theirs = gloss_project_open (theirs_path, &error);
    g_autoptr(GlossCode) code = NULL;
    g_autoptr(GlossCoding) coding = NULL;
    gint64 cleo;

    g_assert_no_error (error);
    cleo = gloss_project_ensure_coder (theirs, "Cleo", &error);
    g_assert_no_error (error);
    code = gloss_project_lookup_code (theirs, "Practice/Oversight", &error);
    g_assert_no_error (error);
    coding = gloss_project_add_coding (theirs, fixture->text_id, gloss_code_get_id (code), cleo,
                                       0, 11, NULL, &error);
    g_assert_no_error (error);
  }

  dialog = gloss_window_merge_project (fixture->window, theirs_file);
  g_assert_nonnull (dialog);
  wait.dialog = GLOSS_MERGE_DIALOG (dialog);
  wait.state = GLOSS_MERGE_DIALOG_DECIDING;
  g_assert_true (gloss_test_wait_for (merge_state_is, &wait, 20000));
  g_assert_cmpuint (gloss_merge_dialog_get_conflicts (wait.dialog)->len, ==, 0);
  g_assert_true (gloss_merge_dialog_merge (wait.dialog));
  wait.state = GLOSS_MERGE_DIALOG_DONE;
  g_assert_true (gloss_test_wait_for (merge_state_is, &wait, 20000));
  g_assert_cmpuint (gloss_merge_dialog_get_summary (wait.dialog)->codings_added, ==, 1);
  /* After the page's crossfade. */
  gloss_test_settle (1000);
  gloss_test_save_widget_png (dialog, "window-merge.png");

  after = gloss_project_list_codings (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 4);
  g_assert_true (gloss_project_lookup_coder (project, "Cleo") > 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = gloss_test_init_application (&argc, &argv, G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);

  g_test_add ("/window-views/tables", Fixture, NULL, fixture_setup, test_tables_page, fixture_teardown);
  g_test_add ("/window-views/documents", Fixture, NULL, fixture_setup, test_documents_page, fixture_teardown);
  g_test_add ("/window-views/sidebar-attributes", Fixture, NULL, fixture_setup, test_sidebar_attributes, fixture_teardown);
  g_test_add ("/window-views/agreement", Fixture, NULL, fixture_setup, test_agreement_page, fixture_teardown);
  g_test_add ("/window-views/compare", Fixture, NULL, fixture_setup, test_compare, fixture_teardown);
  g_test_add ("/window-views/merge", Fixture, NULL, fixture_setup, test_merge, fixture_teardown);
  g_test_add ("/window-views/exports", Fixture, NULL, fixture_setup, test_exports, fixture_teardown);
  g_test_add ("/window-views/import-codebook", Fixture, NULL, fixture_setup, test_import_codebook, fixture_teardown);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
