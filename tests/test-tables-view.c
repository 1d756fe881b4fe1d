/* test-tables-view.c: the tables view, its drill-down, charts and
 * exports, driven under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-attributes.h"
#include "gloss-chart.h"
#include "gloss-codebook.h"
#include "gloss-table-drilldown.h"
#include "gloss-tables-view.h"
#include "gloss-test-ui.h"

static GlossApplication *app;

static const char charlie_text[] = "Charlie letter\nEarly help was slow to start.\n";

typedef struct
{
  char         *tmpdir;
  GlossProject *project;
  gint64        alpha;            /* the demo PDF, "Alpha report" */
  gint64        bravo;            /* the demo text, "Bravo notes" */
  gint64        charlie;          /* "Charlie letter" */
  gint64        early_help;       /* "Early help" */
  gint64        family_support;   /* "Early help/Family support" */
  gint64        oversight;        /* "Oversight" */
  gint64        alice;
  gint64        bob;
  gint64        authority;        /* attribute "Local authority" (text) */
  gint64        published;        /* attribute "Published" (date) */
  gint64        c1, c2, c3, c4, c5, c6, c7, c8;
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

/* The button of the grid's cell whose tooltip is "row · column". */
static GtkWidget *
find_cell_button (GtkWidget  *view,
                  const char *row,
                  const char *column)
{
  g_autofree char *tooltip = g_strdup_printf ("%s · %s", row, column);
  GtkWidget *column_view = find_descendant (view, GTK_TYPE_COLUMN_VIEW, 0);

  g_assert_nonnull (column_view);
  for (guint i = 0;; i++)
    {
      GtkWidget *button = find_descendant (column_view, GTK_TYPE_BUTTON, i);

      if (button == NULL)
        return NULL;
      if (g_strcmp0 (gtk_widget_get_tooltip_text (button), tooltip) == 0 &&
          gtk_widget_get_mapped (button))
        return button;
    }
}

/* The text the grid's cell shows, read off its label. */
static const char *
shown_cell (GtkWidget  *view,
            const char *row,
            const char *column)
{
  GtkWidget *button = find_cell_button (view, row, column);

  if (button == NULL)
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
}

/* Whether a mapped label under widget reads text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *label = find_descendant (widget, GTK_TYPE_LABEL, i);

      if (label == NULL)
        return FALSE;
      if (gtk_widget_get_mapped (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return TRUE;
    }
}

/* The check button labelled label under widget. */
static GtkCheckButton *
find_check (GtkWidget  *widget,
            const char *label)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *check = find_descendant (widget, GTK_TYPE_CHECK_BUTTON, i);

      if (check == NULL)
        return NULL;
      if (g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), label) == 0)
        return GTK_CHECK_BUTTON (check);
    }
}

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gloss_test_present (GTK_WINDOW (window));
  gloss_test_settle (100);

  return window;
}

/* Main loop ---------------------------------------------------------------- */

static gboolean
table_ready (gpointer data)
{
  GlossTablesView *view = data;

  return !gloss_tables_view_get_loading (view) && gloss_tables_view_get_table (view) != NULL;
}

static void
wait_table (GlossTablesView *view)
{
  g_assert_true (gloss_test_wait_for (table_ready, view, 20000));
  /* The grid rebinds its rows, and sizes its columns. */
  gloss_test_settle (250);
}

static gboolean
drilldown_ready (gpointer data)
{
  return !gloss_table_drilldown_get_loading (GLOSS_TABLE_DRILLDOWN (data));
}

/* Cells -------------------------------------------------------------------- */

static void
assert_cell (GlossTablesView *view,
             int              row,
             int              column,
             const char      *expected)
{
  g_autofree char *text = gloss_tables_view_get_cell_text (view, row, column);

  if (g_strcmp0 (text, expected) != 0)
    g_error ("cell (%d, %d): expected “%s”, found “%s”", row, column, expected, text);
}

/* Asserts a whole row: cells then the total. */
static void
assert_row (GlossTablesView    *view,
            int                 row,
            const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint j = 0; j + 1 < n; j++)
    assert_cell (view, row, j, expected[j]);
  assert_cell (view, row, -1, expected[n - 1]);
  g_assert_cmpuint (gloss_table_get_n_columns (gloss_tables_view_get_table (view)), ==, n - 1);
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
code_id (GlossCode *code)
{
  g_assert_nonnull (code);
  return gloss_code_get_id (code);
}

static void
set_value (Fixture    *fixture,
           gint64      document_id,
           gint64      attribute_id,
           const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_attribute_value (fixture->project, document_id, attribute_id,
                                                    value, FALSE, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GlossCode) early = NULL;
  g_autoptr(GlossCode) family = NULL;
  g_autoptr(GlossCode) oversight = NULL;
  g_autoptr(GlossAttribute) authority = NULL;
  g_autoptr(GlossAttribute) published = NULL;
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = gloss_test_make_tmpdir ();
  fixture->project = gloss_test_demo_project_new (fixture->tmpdir, &fixture->alpha, &fixture->bravo);
  fixture->charlie = gloss_test_import_text (fixture->project, fixture->tmpdir, "charlie.txt", charlie_text);
  g_assert_true (gloss_project_rename_document (fixture->project, fixture->alpha, "Alpha report", &error));
  g_assert_true (gloss_project_rename_document (fixture->project, fixture->bravo, "Bravo notes", &error));
  g_assert_true (gloss_project_rename_document (fixture->project, fixture->charlie, "Charlie letter", &error));
  g_assert_no_error (error);

  early = gloss_project_add_code (fixture->project, 0, "Early help", "#3584e4", NULL, &error);
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

  authority = gloss_project_add_attribute (fixture->project, "Local authority", GLOSS_ATTRIBUTE_TEXT, NULL, &error);
  g_assert_no_error (error);
  fixture->authority = authority->id;
  published = gloss_project_add_attribute (fixture->project, "Published", GLOSS_ATTRIBUTE_DATE, NULL, &error);
  g_assert_no_error (error);
  fixture->published = published->id;
  set_value (fixture, fixture->alpha, fixture->authority, "Lewisham");
  set_value (fixture, fixture->bravo, fixture->authority, "Southwark");
  /* Charlie has no local authority. */
  set_value (fixture, fixture->alpha, fixture->published, "2019-05-01");
  set_value (fixture, fixture->bravo, fixture->published, "2021-03-02");
  set_value (fixture, fixture->charlie, fixture->published, "2021-11-30");

  fixture->c1 = add_coding (fixture, fixture->alpha, fixture->early_help, fixture->alice,
                            "Early help for children in the borough was judged good");
  fixture->c2 = add_coding (fixture, fixture->alpha, fixture->family_support, fixture->bob,
                            "management oversight was strong");
  fixture->c3 = add_coding (fixture, fixture->alpha, fixture->oversight, fixture->alice,
                            "Leaders know their services well");
  fixture->c4 = add_coding (fixture, fixture->alpha, fixture->early_help, fixture->bob,
                            "the word marmalade appears");
  fixture->c5 = add_coding (fixture, fixture->bravo, fixture->early_help, fixture->alice,
                            "the résumé of each social worker was checked");
  fixture->c6 = add_coding (fixture, fixture->bravo, fixture->family_support, fixture->alice,
                            "Naïve plans were rare");
  fixture->c7 = add_coding (fixture, fixture->charlie, fixture->oversight, fixture->bob,
                            "slow to start");
  /* Overlaps c1 ("judged good") and c2 ("management oversight"). */
  fixture->c8 = add_coding (fixture, fixture->alpha, fixture->oversight, fixture->bob,
                            "judged good, and\nmanagement oversight");

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

/* Rows of the table, depth first: Early help, its Family support,
 * Oversight. */
enum { EARLY = 0, FAMILY = 1, OVERSIGHT = 2, TOTAL = -1 };

/* The table ---------------------------------------------------------------- */

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *view = gloss_tables_view_new ();
  GlossTablesView *tv = GLOSS_TABLES_VIEW (view);
  GtkWidget *window = show_in_window (view, 1100, 560);
  GtkWidget *measure_dropdown, *roll_up_switch;
  GListModel *measures;
  g_autofree char *expected_chars = NULL;
  g_autofree char *expected_coverage = NULL;
  guint early_alpha_chars, total_alpha_chars;

  gloss_tables_view_set_project (tv, fixture->project);
  wait_table (tv);

  /* Codings by report, without sub-codes: worked out from the fixture. */
  g_assert_cmpint (gloss_tables_view_get_columns (tv, NULL, NULL), ==, GLOSS_TABLE_COLUMNS_DOCUMENT);
  assert_cell (tv, -2, -2, "Code");
  assert_cell (tv, -2, 0, "Alpha report");
  assert_cell (tv, -2, 1, "Bravo notes");
  assert_cell (tv, -2, 2, "Charlie letter");
  assert_cell (tv, -2, -1, "Total");
  assert_cell (tv, EARLY, -2, "Early help");
  assert_cell (tv, FAMILY, -2, "Family support");
  assert_cell (tv, OVERSIGHT, -2, "Oversight");
  assert_cell (tv, TOTAL, -2, "Total");
  assert_row (tv, EARLY, (const char *[]) { "2", "1", "0", "3", NULL });
  assert_row (tv, FAMILY, (const char *[]) { "1", "1", "0", "2", NULL });
  assert_row (tv, OVERSIGHT, (const char *[]) { "2", "0", "1", "3", NULL });
  assert_row (tv, TOTAL, (const char *[]) { "5", "2", "1", "8", NULL });
  g_assert_cmpstr (gloss_tables_view_get_summary (tv), ==, "3 codes × 3 reports");

  /* The grid shows the same, in its cells' labels. */
  g_assert_cmpstr (shown_cell (view, "Early help", "Alpha report"), ==, "2");
  g_assert_cmpstr (shown_cell (view, "Oversight", "Charlie letter"), ==, "1");
  g_assert_cmpstr (shown_cell (view, "Early help/Family support", "Total"), ==, "2");
  g_assert_cmpstr (shown_cell (view, "All Codes", "Alpha report"), ==, "5");
  g_assert_cmpstr (shown_cell (view, "All Codes", "Total"), ==, "8");
  /* A zero is shown, and cannot be clicked. */
  g_assert_cmpstr (shown_cell (view, "Early help", "Charlie letter"), ==, "0");
  g_assert_false (gtk_widget_get_sensitive (find_cell_button (view, "Early help", "Charlie letter")));
  g_assert_true (shows_label (view, "Family support"));
  g_assert_true (shows_label (view, "Alpha report"));
  gloss_test_save_widget_png (window, "tables-view.png");

  /* The measure, from its dropdown: reports with a coding. */
  measure_dropdown = find_descendant (view, GTK_TYPE_DROP_DOWN, 1);
  measures = gtk_drop_down_get_model (GTK_DROP_DOWN (measure_dropdown));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (measures), 0), ==, "Codings");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (measure_dropdown), GLOSS_MEASURE_DOCUMENTS);
  g_assert_cmpint (gloss_tables_view_get_measure (tv), ==, GLOSS_MEASURE_DOCUMENTS);
  wait_table (tv);
  assert_row (tv, EARLY, (const char *[]) { "1", "1", "0", "2", NULL });
  assert_row (tv, FAMILY, (const char *[]) { "1", "1", "0", "2", NULL });
  assert_row (tv, OVERSIGHT, (const char *[]) { "1", "0", "1", "2", NULL });
  assert_row (tv, TOTAL, (const char *[]) { "1", "1", "1", "3", NULL });
  g_assert_cmpstr (shown_cell (view, "All Codes", "Total"), ==, "3");

  /* Characters: Early help in Alpha is two codings that do not overlap. */
  gloss_tables_view_set_measure (tv, GLOSS_MEASURE_CHARACTERS);
  wait_table (tv);
  early_alpha_chars = g_utf8_strlen ("Early help for children in the borough was judged good", -1) +
                      g_utf8_strlen ("the word marmalade appears", -1);
  expected_chars = g_strdup_printf ("%u", early_alpha_chars);
  assert_cell (tv, EARLY, 0, expected_chars);
  /* Every coded character of Alpha once: c1 and c8 overlap on "judged
   * good", c8 and c2 on "management oversight". */
  total_alpha_chars = g_utf8_strlen ("Early help for children in the borough was judged good, and\n"
                                     "management oversight was strong", -1) +
                      g_utf8_strlen ("Leaders know their services well", -1) +
                      g_utf8_strlen ("the word marmalade appears", -1);
  g_free (expected_chars);
  expected_chars = g_strdup_printf ("%u", total_alpha_chars);
  assert_cell (tv, TOTAL, 0, expected_chars);

  /* Coverage: "slow to start" of Charlie's whole text. */
  gloss_tables_view_set_measure (tv, GLOSS_MEASURE_COVERAGE);
  wait_table (tv);
  expected_coverage = g_strdup_printf ("%.2f%%", 100.0 * g_utf8_strlen ("slow to start", -1) /
                                                 g_utf8_strlen (charlie_text, -1));
  assert_cell (tv, OVERSIGHT, 2, expected_coverage);
  assert_cell (tv, EARLY, 2, "0.00%");

  /* Sub-codes rolled up, from the switch: Early help counts Family
   * support's codings too; the column totals count each coding once. */
  gloss_tables_view_set_measure (tv, GLOSS_MEASURE_CODINGS);
  roll_up_switch = find_descendant (view, GTK_TYPE_SWITCH, 0);
  gtk_switch_set_active (GTK_SWITCH (roll_up_switch), TRUE);
  g_assert_true (gloss_tables_view_get_roll_up (tv));
  wait_table (tv);
  assert_row (tv, EARLY, (const char *[]) { "3", "2", "0", "5", NULL });
  assert_row (tv, FAMILY, (const char *[]) { "1", "1", "0", "2", NULL });
  assert_row (tv, OVERSIGHT, (const char *[]) { "2", "0", "1", "3", NULL });
  assert_row (tv, TOTAL, (const char *[]) { "5", "2", "1", "8", NULL });
  g_assert_cmpstr (shown_cell (view, "Early help", "Total"), ==, "5");
  gloss_tables_view_set_roll_up (tv, FALSE);

  /* Coders as columns. */
  gloss_tables_view_set_columns (tv, GLOSS_TABLE_COLUMNS_CODER, 0, FALSE);
  wait_table (tv);
  assert_cell (tv, -2, 0, "Alice");
  assert_cell (tv, -2, 1, "Bob");
  assert_row (tv, EARLY, (const char *[]) { "2", "1", "3", NULL });
  assert_row (tv, FAMILY, (const char *[]) { "1", "1", "2", NULL });
  assert_row (tv, OVERSIGHT, (const char *[]) { "1", "2", "3", NULL });
  assert_row (tv, TOTAL, (const char *[]) { "4", "4", "8", NULL });
  g_assert_cmpstr (shown_cell (view, "Oversight", "Bob"), ==, "2");
  g_assert_true (shows_label (view, "Bob"));

  /* An attribute: Charlie has no local authority. */
  gloss_tables_view_set_columns (tv, GLOSS_TABLE_COLUMNS_ATTRIBUTE, fixture->authority, FALSE);
  wait_table (tv);
  assert_cell (tv, -2, 0, "Lewisham");
  assert_cell (tv, -2, 1, "Southwark");
  assert_cell (tv, -2, 2, "(No Value)");
  assert_row (tv, EARLY, (const char *[]) { "2", "1", "0", "3", NULL });
  assert_row (tv, OVERSIGHT, (const char *[]) { "2", "0", "1", "3", NULL });
  g_assert_cmpstr (shown_cell (view, "Oversight", "(No Value)"), ==, "1");

  /* A date attribute by year, chosen in the columns dropdown. */
  {
    GtkWidget *columns_dropdown = find_descendant (view, GTK_TYPE_DROP_DOWN, 0);
    GListModel *names = gtk_drop_down_get_model (GTK_DROP_DOWN (columns_dropdown));
    guint n = g_list_model_get_n_items (names);
    guint year = G_MAXUINT;
    gint64 attribute_id;
    gboolean by_year;

    /* Reports, Coders, Local authority, Published, Published (year),
     * Code Co-occurrence. */
    g_assert_cmpuint (n, ==, 6);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Reports");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 5), ==, "Code Co-occurrence");
    for (guint i = 0; i < n; i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Published (year)") == 0)
        year = i;
    g_assert_cmpuint (year, ==, 4);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (columns_dropdown), year);
    g_assert_cmpint (gloss_tables_view_get_columns (tv, &attribute_id, &by_year), ==,
                     GLOSS_TABLE_COLUMNS_ATTRIBUTE);
    g_assert_cmpint (attribute_id, ==, fixture->published);
    g_assert_true (by_year);
  }
  wait_table (tv);
  assert_cell (tv, -2, 0, "2019");
  assert_cell (tv, -2, 1, "2021");
  assert_row (tv, EARLY, (const char *[]) { "2", "1", "3", NULL });
  assert_row (tv, OVERSIGHT, (const char *[]) { "2", "1", "3", NULL });
  assert_row (tv, TOTAL, (const char *[]) { "5", "3", "8", NULL });

  /* Co-occurrence: c8 (Oversight) overlaps c1 (Early help) and c2 (Family
   * support); nothing else overlaps.  The diagonal is undefined. */
  gloss_tables_view_set_columns (tv, GLOSS_TABLE_COLUMNS_COOCCURRENCE, 0, FALSE);
  wait_table (tv);
  assert_cell (tv, -2, 0, "Early help");
  /* Columns named as the rows are. */
  assert_cell (tv, -2, 1, "Family support");
  assert_cell (tv, -2, 2, "Oversight");
  assert_row (tv, EARLY, (const char *[]) { "—", "0", "1", "1", NULL });
  assert_row (tv, FAMILY, (const char *[]) { "0", "—", "1", "1", NULL });
  assert_row (tv, OVERSIGHT, (const char *[]) { "1", "1", "—", "2", NULL });
  assert_cell (tv, TOTAL, -1, "2");
  g_assert_cmpstr (shown_cell (view, "Oversight", "Oversight"), ==, "—");
  gloss_test_save_widget_png (window, "tables-view-cooccurrence.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Filters and changes ------------------------------------------------------ */

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *view = gloss_tables_view_new ();
  GlossTablesView *tv = GLOSS_TABLES_VIEW (view);
  GtkWidget *window = show_in_window (view, 1000, 500);
  g_autoptr(GArray) coders = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char * const southwark[] = { "Southwark", NULL };
  const char * const none[] = { "", NULL };
  g_autoptr(GError) error = NULL;

  gloss_tables_view_set_project (tv, fixture->project);
  wait_table (tv);

  /* Alice's codings only. */
  g_array_append_val (coders, fixture->alice);
  gloss_tables_view_set_coder_filter (tv, coders);
  wait_table (tv);
  assert_row (tv, EARLY, (const char *[]) { "1", "1", "0", "2", NULL });
  assert_row (tv, FAMILY, (const char *[]) { "0", "1", "0", "1", NULL });
  assert_row (tv, OVERSIGHT, (const char *[]) { "1", "0", "0", "1", NULL });
  assert_row (tv, TOTAL, (const char *[]) { "2", "2", "0", "4", NULL });
  g_assert_true (shows_label (view, "Filter (On)"));
  gloss_tables_view_set_coder_filter (tv, NULL);

  /* Reports chosen by hand. */
  g_array_append_val (documents, fixture->alpha);
  g_array_append_val (documents, fixture->charlie);
  gloss_tables_view_set_document_filter (tv, documents);
  wait_table (tv);
  assert_cell (tv, -2, 0, "Alpha report");
  assert_cell (tv, -2, 1, "Charlie letter");
  assert_row (tv, EARLY, (const char *[]) { "2", "0", "2", NULL });
  assert_row (tv, TOTAL, (const char *[]) { "5", "1", "6", NULL });

  /* Reports by an attribute's value. */
  gloss_tables_view_set_attribute_filter (tv, fixture->authority, southwark);
  wait_table (tv);
  assert_cell (tv, -2, 0, "Bravo notes");
  assert_row (tv, EARLY, (const char *[]) { "1", "1", NULL });
  assert_row (tv, FAMILY, (const char *[]) { "1", "1", NULL });
  assert_row (tv, OVERSIGHT, (const char *[]) { "0", "0", NULL });

  /* The reports without a value. */
  gloss_tables_view_set_attribute_filter (tv, fixture->authority, none);
  wait_table (tv);
  assert_cell (tv, -2, 0, "Charlie letter");
  assert_row (tv, OVERSIGHT, (const char *[]) { "1", "1", NULL });

  gloss_tables_view_reset_filters (tv);
  wait_table (tv);
  g_assert_false (shows_label (view, "Filter (On)"));
  assert_row (tv, TOTAL, (const char *[]) { "5", "2", "1", "8", NULL });

  /* The same from the filter popover: untick Bob. */
  {
    GtkWidget *filter_button = NULL;
    GtkWidget *popover, *mode;
    GtkCheckButton *check;

    for (guint i = 0; filter_button == NULL; i++)
      {
        GtkWidget *button = find_descendant (view, GTK_TYPE_MENU_BUTTON, i);

        g_assert_nonnull (button);
        if (g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), "_Filter") == 0)
          filter_button = button;
      }
    gtk_menu_button_popup (GTK_MENU_BUTTON (filter_button));
    gloss_test_settle (300);
    popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter_button)));
    g_assert_true (gtk_widget_get_mapped (popover));
    g_assert_nonnull (find_check (popover, "Alpha report"));
    gloss_test_save_widget_png (popover, "tables-filter.png");

    check = find_check (popover, "Bob");
    g_assert_nonnull (check);
    gtk_check_button_set_active (check, FALSE);
    wait_table (tv);
    assert_row (tv, TOTAL, (const char *[]) { "2", "2", "0", "4", NULL });
    gtk_check_button_set_active (check, TRUE);
    wait_table (tv);
    assert_row (tv, TOTAL, (const char *[]) { "5", "2", "1", "8", NULL });

    /* By local authority: untick Lewisham. */
    mode = find_descendant (popover, GTK_TYPE_DROP_DOWN, 0);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (mode))), 1),
                     ==, "By Local authority");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (mode), 1);
    gloss_test_settle (200);
    g_assert_nonnull (find_check (popover, "Southwark"));
    g_assert_nonnull (find_check (popover, "(No Value)"));
    check = find_check (popover, "Lewisham");
    g_assert_nonnull (check);
    gtk_check_button_set_active (check, FALSE);
    wait_table (tv);
    assert_cell (tv, -2, 0, "Bravo notes");
    assert_cell (tv, -2, 1, "Charlie letter");
    assert_row (tv, TOTAL, (const char *[]) { "2", "1", "3", NULL });
    gloss_test_save_widget_png (popover, "tables-filter-attribute.png");
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  gloss_tables_view_reset_filters (tv);
  wait_table (tv);
  assert_row (tv, TOTAL, (const char *[]) { "5", "2", "1", "8", NULL });

  /* A new coding shows after the pause. */
  add_coding (fixture, fixture->charlie, fixture->early_help, fixture->alice, "Early help was slow");
  gloss_test_settle (400);
  wait_table (tv);
  assert_row (tv, EARLY, (const char *[]) { "2", "1", "1", "4", NULL });
  g_assert_cmpstr (shown_cell (view, "Early help", "Charlie letter"), ==, "1");

  /* An empty project. */
  {
    g_autofree char *dir = g_build_filename (fixture->tmpdir, "empty", NULL);
    g_autoptr(GlossProject) empty = NULL;

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    empty = gloss_test_project_new (dir, "Empty");
    gloss_tables_view_set_project (tv, empty);
    wait_table (tv);
    g_assert_true (shows_label (view, "No Codings Yet"));
    gloss_test_save_widget_png (window, "tables-view-empty.png");
    gloss_tables_view_set_project (tv, NULL);
  }

  (void) error;
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Drilling down ------------------------------------------------------------ */

static gint64 activated_document;
static gint64 activated_coding;

static void
on_segment_activated (GlossTablesView *view,
                      gint64           document_id,
                      gint64           coding_id,
                      gpointer         data)
{
  activated_document = document_id;
  activated_coding = coding_id;
}

static gint64
model_coding_id (GListModel *model,
                 guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_true (GLOSS_IS_CODING (item));
  return gloss_coding_get_id (GLOSS_CODING (item));
}

static const char *
model_header (GListModel *model,
              guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static void
test_drilldown (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view = gloss_tables_view_new ();
  GlossTablesView *tv = GLOSS_TABLES_VIEW (view);
  GtkWidget *window = show_in_window (view, 1200, 640);
  GlossTableDrilldown *drilldown = gloss_tables_view_get_drilldown (tv);
  GListModel *model = gloss_table_drilldown_get_model (drilldown);
  GtkWidget *button;
  GtkWidget *list_view;

  g_signal_connect (view, "segment-activated", G_CALLBACK (on_segment_activated), NULL);
  gloss_tables_view_set_project (tv, fixture->project);
  wait_table (tv);

  /* Clicking Oversight × Alpha: c8 ("judged good, …", page 1) then c3
   * ("Leaders …", page 2). */
  button = find_cell_button (view, "Oversight", "Alpha report");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gloss_test_wait_for (drilldown_ready, drilldown, 10000));
  /* The panel slides in. */
  gloss_test_settle (800);
  g_assert_cmpstr (gloss_table_drilldown_get_title (drilldown), ==, "Oversight · Alpha report");
  g_assert_cmpstr (gloss_table_drilldown_get_summary (drilldown), ==, "2 passages in 1 report");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (model_header (model, 0), ==, "Alpha report");
  g_assert_cmpint (model_coding_id (model, 1), ==, fixture->c8);
  g_assert_cmpint (model_coding_id (model, 2), ==, fixture->c3);
  g_assert_true (shows_label (GTK_WIDGET (drilldown), "“Leaders know their services well”"));
  g_assert_true (shows_label (GTK_WIDGET (drilldown), "Oversight · Alpha report"));
  /* The cell is marked as the one shown. */
  g_assert_true (gtk_widget_has_css_class (find_cell_button (view, "Oversight", "Alpha report"), "active-cell"));
  g_assert_false (gtk_widget_has_css_class (find_cell_button (view, "Early help", "Alpha report"), "active-cell"));
  gloss_test_save_widget_png (window, "tables-view-drilldown.png");

  /* Activating a passage, as the list's Enter does. */
  list_view = find_descendant (GTK_WIDGET (drilldown), GTK_TYPE_LIST_VIEW, 0);
  g_assert_nonnull (list_view);
  g_signal_emit_by_name (list_view, "activate", 1);
  g_assert_cmpint (activated_document, ==, fixture->alpha);
  g_assert_cmpint (activated_coding, ==, fixture->c8);
  gloss_table_drilldown_activate_row (drilldown, 2);
  g_assert_cmpint (activated_coding, ==, fixture->c3);
  /* A document's header is not a passage. */
  activated_coding = 0;
  gloss_table_drilldown_activate_row (drilldown, 0);
  g_assert_cmpint (activated_coding, ==, 0);

  /* A column total: every code's passages in Charlie. */
  button = find_cell_button (view, "All Codes", "Charlie letter");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gloss_test_wait_for (drilldown_ready, drilldown, 10000));
  g_assert_cmpstr (gloss_table_drilldown_get_title (drilldown), ==, "All Codes · Charlie letter");
  g_assert_cmpstr (gloss_table_drilldown_get_summary (drilldown), ==, "1 passage in 1 report");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (model_header (model, 0), ==, "Charlie letter");
  g_assert_cmpint (model_coding_id (model, 1), ==, fixture->c7);

  /* A row total: Early help in every report, by report. */
  gloss_tables_view_activate_cell (tv, EARLY, -1);
  g_assert_true (gloss_test_wait_for (drilldown_ready, drilldown, 10000));
  g_assert_cmpstr (gloss_table_drilldown_get_title (drilldown), ==, "Early help");
  g_assert_cmpstr (gloss_table_drilldown_get_summary (drilldown), ==, "3 passages in 2 reports");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_cmpstr (model_header (model, 0), ==, "Alpha report");
  g_assert_cmpint (model_coding_id (model, 1), ==, fixture->c1);
  g_assert_cmpint (model_coding_id (model, 2), ==, fixture->c4);
  g_assert_cmpstr (model_header (model, 3), ==, "Bravo notes");
  g_assert_cmpint (model_coding_id (model, 4), ==, fixture->c5);
  gloss_table_drilldown_activate_row (drilldown, 4);
  g_assert_cmpint (activated_document, ==, fixture->bravo);
  g_assert_cmpint (activated_coding, ==, fixture->c5);

  /* A bar of the chart drills down too. */
  gloss_tables_view_set_display (tv, GLOSS_TABLES_DISPLAY_BAR_CHART);
  gloss_test_settle (200);
  {
    GlossChart *chart = gloss_tables_view_get_chart (tv);
    graphene_rect_t area;
    int row, column;

    g_assert_true (gloss_chart_get_cell_area (chart, OVERSIGHT, -1, &area));
    g_assert_true (gloss_chart_hit_test (chart, area.origin.x + 2, area.origin.y + area.size.height / 2,
                                         &row, &column));
    g_assert_cmpint (row, ==, OVERSIGHT);
    g_assert_cmpint (column, ==, -1);
    g_signal_emit_by_name (chart, "cell-activated", row, column);
  }
  g_assert_true (gloss_test_wait_for (drilldown_ready, drilldown, 10000));
  g_assert_cmpstr (gloss_table_drilldown_get_summary (drilldown), ==, "3 passages in 2 reports");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Charts ------------------------------------------------------------------- */

static void
assert_magic (const char *path,
              const char *magic,
              gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_charts (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *view = gloss_tables_view_new ();
  GlossTablesView *tv = GLOSS_TABLES_VIEW (view);
  GtkWidget *window = show_in_window (view, 1100, 600);
  GlossChart *chart = gloss_tables_view_get_chart (tv);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *png = g_build_filename (fixture->tmpdir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->tmpdir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (fixture->tmpdir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  int width, height;
  graphene_rect_t early, family;
  int row, column;

  gloss_tables_view_set_project (tv, fixture->project);
  wait_table (tv);

  /* Bar chart: one bar per code, as long as its row total (3, 2, 3). */
  gloss_tables_view_set_display (tv, GLOSS_TABLES_DISPLAY_BAR_CHART);
  gloss_test_settle (200);
  g_assert_cmpint (gloss_chart_get_kind (chart), ==, GLOSS_CHART_BAR);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  gloss_chart_get_natural_size (chart, &width, &height);
  g_assert_cmpint (width, >, 300);
  g_assert_cmpint (height, >, 3 * 20);
  g_assert_true (gloss_chart_get_cell_area (chart, EARLY, -1, &early));
  g_assert_true (gloss_chart_get_cell_area (chart, FAMILY, -1, &family));
  g_assert_cmpfloat_with_epsilon (family.size.width / early.size.width, 2.0 / 3.0, 0.02);
  g_assert_cmpfloat (family.origin.y, >, early.origin.y);
  gloss_test_save_widget_png (window, "chart-bar.png");

  /* The bar is drawn in the code's colour (#3584e4). */
  {
    cairo_surface_t *surface = gloss_test_snapshot_widget (GTK_WIDGET (chart), 1.0);
    guint r, g, b;

    gloss_test_pixel_rgb (surface, (int) (early.origin.x + early.size.width / 2),
                          (int) (early.origin.y + early.size.height / 2), &r, &g, &b);
    g_assert_cmpuint (r, ==, 0x35);
    g_assert_cmpuint (g, ==, 0x84);
    g_assert_cmpuint (b, ==, 0xe4);
    cairo_surface_destroy (surface);
  }

  /* Heat map: every cell, the fullest darkest. */
  gloss_tables_view_set_display (tv, GLOSS_TABLES_DISPLAY_HEAT_MAP);
  gloss_test_settle (200);
  g_assert_cmpint (gloss_chart_get_kind (chart), ==, GLOSS_CHART_HEATMAP);
  {
    cairo_surface_t *surface = gloss_test_snapshot_widget (GTK_WIDGET (chart), 1.0);
    graphene_rect_t full, empty;
    guint r1, g1, b1, r2, g2, b2;

    g_assert_true (gloss_chart_get_cell_area (chart, EARLY, 0, &full));    /* 2, the most */
    g_assert_true (gloss_chart_get_cell_area (chart, EARLY, 2, &empty));   /* 0 */
    g_assert_true (gloss_chart_hit_test (chart, full.origin.x + 3, full.origin.y + 3, &row, &column));
    g_assert_cmpint (row, ==, EARLY);
    g_assert_cmpint (column, ==, 0);
    gloss_test_pixel_rgb (surface, (int) full.origin.x + 3, (int) full.origin.y + 3, &r1, &g1, &b1);
    gloss_test_pixel_rgb (surface, (int) empty.origin.x + 3, (int) empty.origin.y + 3, &r2, &g2, &b2);
    g_assert_cmpuint (r1 + g1 + b1, <, r2 + g2 + b2);
    cairo_surface_destroy (surface);
  }
  gloss_test_save_widget_png (window, "chart-heatmap.png");

  /* The dark style. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gloss_test_settle (300);
  g_assert_true (gloss_chart_get_dark (chart));
  gloss_test_save_widget_png (window, "chart-heatmap-dark.png");
  gloss_tables_view_set_display (tv, GLOSS_TABLES_DISPLAY_BAR_CHART);
  gloss_test_settle (200);
  gloss_test_save_widget_png (window, "chart-bar-dark.png");
  gloss_tables_view_set_display (tv, GLOSS_TABLES_DISPLAY_TABLE);
  gloss_test_settle (200);
  gloss_test_save_widget_png (window, "tables-view-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gloss_test_settle (200);

  /* Exports, at the natural size. */
  gloss_chart_set_kind (chart, GLOSS_CHART_HEATMAP);
  g_assert_true (gloss_chart_export (chart, png, GLOSS_CHART_FORMAT_PNG, &error));
  g_assert_no_error (error);
  assert_magic (png, "\x89PNG\r\n\x1a\n", 8);
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (png);

    gloss_chart_get_natural_size (chart, &width, &height);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2 * width);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2 * height);
    cairo_surface_destroy (image);
  }
  g_assert_true (gloss_chart_export (chart, svg, GLOSS_CHART_FORMAT_SVG, &error));
  g_assert_no_error (error);
  assert_magic (svg, "<?xml", 5);
  g_assert_true (gloss_chart_export (chart, pdf, GLOSS_CHART_FORMAT_PDF, &error));
  g_assert_no_error (error);
  assert_magic (pdf, "%PDF-", 5);

  {
    g_autofree char *bar = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                             "chart-bar-export.png", NULL);
    g_autofree char *heat = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                              "chart-heatmap-export.png", NULL);

    g_assert_true (gloss_chart_export (chart, heat, GLOSS_CHART_FORMAT_PNG, &error));
    gloss_chart_set_kind (chart, GLOSS_CHART_BAR);
    g_assert_true (gloss_chart_export (chart, bar, GLOSS_CHART_FORMAT_PNG, &error));
    g_assert_no_error (error);
  }

  /* A file that cannot be written fails, with a message. */
  g_assert_false (gloss_chart_export (chart, "/nonexistent/folder/chart.png", GLOSS_CHART_FORMAT_PNG, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The co-occurrence heat map: rotated labels, an undefined diagonal. */
  gloss_tables_view_set_columns (tv, GLOSS_TABLE_COLUMNS_COOCCURRENCE, 0, FALSE);
  wait_table (tv);
  gloss_tables_view_set_display (tv, GLOSS_TABLES_DISPLAY_HEAT_MAP);
  gloss_test_settle (200);
  g_assert_false (gloss_chart_hit_test (chart, 0, 0, &row, &column));
  {
    graphene_rect_t diagonal;

    g_assert_true (gloss_chart_get_cell_area (chart, FAMILY, FAMILY, &diagonal));
    g_assert_false (gloss_chart_hit_test (chart, diagonal.origin.x + 4, diagonal.origin.y + 4, &row, &column));
  }
  gloss_test_save_widget_png (window, "chart-heatmap-cooccurrence.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Exports ------------------------------------------------------------------ */

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  GError **error = data;

  if (!gloss_tables_view_export_finish (GLOSS_TABLES_VIEW (object), result, error) && *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "failed without an error");
  g_object_set_data (object, "exported", GINT_TO_POINTER (1));
}

static gboolean
exported (gpointer data)
{
  return g_object_get_data (G_OBJECT (data), "exported") != NULL;
}

static void
export_to (GlossTablesView   *view,
           GlossTablesExport  kind,
           const char        *path,
           GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_object_set_data (G_OBJECT (view), "exported", NULL);
  gloss_tables_view_export_async (view, kind, file, NULL, on_exported, error);
  g_assert_true (gloss_test_wait_for (exported, view, 20000));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *view = gloss_tables_view_new ();
  GlossTablesView *tv = GLOSS_TABLES_VIEW (view);
  GtkWidget *window = show_in_window (view, 900, 500);
  g_autofree char *csv = g_build_filename (fixture->tmpdir, "table.csv", NULL);
  g_autofree char *excel = g_build_filename (fixture->tmpdir, "table-excel.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->tmpdir, "table.xlsx", NULL);
  g_autofree char *png = g_build_filename (fixture->tmpdir, "table-chart.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->tmpdir, "table-chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (fixture->tmpdir, "table-chart.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  gloss_tables_view_set_project (tv, fixture->project);
  wait_table (tv);

  name = gloss_tables_view_suggest_file_name (tv, GLOSS_TABLES_EXPORT_XLSX);
  g_assert_cmpstr (name, ==, "Demo – Codings by Report.xlsx");

  /* As the window shows it: the code's path, one column per report, the
   * totals. */
  export_to (tv, GLOSS_TABLES_EXPORT_CSV, csv, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, &length, &error));
  g_assert_cmpstr (contents, ==,
                   "code,Alpha report,Bravo notes,Charlie letter,total\r\n"
                   "Early help,2,1,0,3\r\n"
                   "Early help/Family support,1,1,0,2\r\n"
                   "Oversight,2,0,1,3\r\n"
                   "total,5,2,1,8\r\n");
  g_clear_pointer (&contents, g_free);

  /* For Excel: the same after a byte-order mark. */
  export_to (tv, GLOSS_TABLES_EXPORT_CSV_EXCEL, excel, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (excel, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "code,Alpha report,"));
  g_clear_pointer (&contents, g_free);

  /* Coders as columns and coverage, then a workbook. */
  gloss_tables_view_set_columns (tv, GLOSS_TABLE_COLUMNS_CODER, 0, FALSE);
  wait_table (tv);
  export_to (tv, GLOSS_TABLES_EXPORT_CSV, csv, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "code,Alice,Bob,total\r\nEarly help,2,1,3\r\n"));
  g_clear_pointer (&contents, g_free);

  export_to (tv, GLOSS_TABLES_EXPORT_XLSX, xlsx, &error);
  g_assert_no_error (error);
  assert_magic (xlsx, "PK\x03\x04", 4);

  /* The chart: the bar chart unless a heat map was shown. */
  export_to (tv, GLOSS_TABLES_EXPORT_PNG, png, &error);
  g_assert_no_error (error);
  assert_magic (png, "\x89PNG\r\n\x1a\n", 8);
  export_to (tv, GLOSS_TABLES_EXPORT_SVG, svg, &error);
  g_assert_no_error (error);
  assert_magic (svg, "<?xml", 5);
  export_to (tv, GLOSS_TABLES_EXPORT_PDF, pdf, &error);
  g_assert_no_error (error);
  assert_magic (pdf, "%PDF-", 5);

  /* The Export menu's item: a file chooser, then the same export.  (Not
   * under AddressSanitizer: the file chooser makes GLib outgrow its first
   * block of quarks, which GLib leaks by design, and without GLib's
   * symbols LeakSanitizer cannot be told so.) */
#ifndef __SANITIZE_ADDRESS__
  {
    g_autoptr(GFile) folder = g_file_new_for_path (fixture->tmpdir);
    g_autofree char *menu_csv = g_build_filename (fixture->tmpdir, "from-menu.csv", NULL);
    g_autofree char *current_name = NULL;
    GtkWidget *dialog = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();

    gloss_tables_view_set_columns (tv, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE);
    wait_table (tv);
    g_assert_true (gtk_widget_activate_action (view, "tables.export", "s", "csv"));
    gloss_test_settle (300);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_FILE_CHOOSER (toplevel))
          dialog = toplevel;
      }
    g_assert_nonnull (dialog);
    current_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
    g_assert_cmpstr (current_name, ==, "Demo – Codings by Report.csv");
    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error));
    g_assert_no_error (error);
    /* The suffix is added when it is left out. */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "from-menu");
    gloss_test_settle (100);
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
    G_GNUC_END_IGNORE_DEPRECATIONS
    for (guint i = 0; i < 100 && !g_file_test (menu_csv, G_FILE_TEST_EXISTS); i++)
      gloss_test_settle (50);
    g_assert_true (g_file_get_contents (menu_csv, &contents, &length, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (contents, "code,Alpha report,Bravo notes,Charlie letter,total\r\n"));
    g_clear_pointer (&contents, g_free);
  }
#endif

  /* A folder that is not there: an error, and a toast. */
  {
    g_autofree char *bad = g_build_filename (fixture->tmpdir, "missing", "table.csv", NULL);

    export_to (tv, GLOSS_TABLES_EXPORT_CSV, bad, &error);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A larger table ----------------------------------------------------------- */

/* Many reports with long names and a deeper codebook: the grid's titles
 * are ellipsized, the charts grow past the window and scroll. */
typedef struct
{
  GtkAdjustment *adjustment;
  double         upper;
} AdjustmentWait;

static gboolean
adjustment_reaches (gpointer data)
{
  AdjustmentWait *wait = data;

  return gtk_adjustment_get_upper (wait->adjustment) >= wait->upper;
}

static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const authorities[] = {
    "Birmingham", "Lewisham", "Southwark", "Kensington and Chelsea", "North Yorkshire", "Cornwall",
  };
  static const char * const code_paths[] = {
    "Leadership/Management oversight of practice",
    "Leadership/Workforce stability",
    "Help and protection/Early help",
    "Help and protection/Early help/Family support workers",
    "Help and protection/Child sexual exploitation",
    "Children in care/Placement sufficiency",
    "Care leavers",
  };
  g_autoptr(GError) error = NULL;
  GtkWidget *view = gloss_tables_view_new ();
  GlossTablesView *tv = GLOSS_TABLES_VIEW (view);
  GtkWidget *window;
  GlossChart *chart = gloss_tables_view_get_chart (tv);
  gint64 ids[G_N_ELEMENTS (code_paths)];
  GtkWidget *scroller;
  GtkAdjustment *hadjustment;
  int width, height;

  for (guint i = 0; i < G_N_ELEMENTS (code_paths); i++)
    {
      g_autoptr(GlossCode) code = gloss_project_ensure_code_path (fixture->project, code_paths[i], NULL, NULL, &error);

      g_assert_no_error (error);
      ids[i] = code_id (code);
    }

  for (guint d = 0; d < 12; d++)
    {
      g_autofree char *file = g_strdup_printf ("report-%02u.txt", d);
      g_autofree char *name = g_strdup_printf ("%u_%s_inspection-of-childrens-services-%u", 80400 + d,
                                               authorities[d % G_N_ELEMENTS (authorities)], 2014 + d);
      g_autoptr(GString) text = g_string_new ("Inspection report\n");
      gint64 document;

      for (guint k = 0; k < 10; k++)
        g_string_append_printf (text, "Finding %u of report %u is here.\n", k, d);
      document = gloss_test_import_text (fixture->project, fixture->tmpdir, file, text->str);
      g_assert_true (gloss_project_rename_document (fixture->project, document, name, &error));
      set_value (fixture, document, fixture->authority, authorities[d % G_N_ELEMENTS (authorities)]);
      for (guint k = 0; k < 10; k++)
        if ((k * 7 + d * 3) % 5 < 3)
          {
            g_autofree char *needle = g_strdup_printf ("Finding %u of report %u", k, d);

            add_coding (fixture, document, ids[(k + d) % G_N_ELEMENTS (code_paths)],
                        k % 2 ? fixture->alice : fixture->bob, needle);
          }
    }
  gloss_test_settle (50);

  window = show_in_window (view, 1100, 640);
  gloss_tables_view_set_project (tv, fixture->project);
  wait_table (tv);
  /* Three reports of the fixture and twelve more. */
  g_assert_cmpuint (gloss_table_get_n_columns (gloss_tables_view_get_table (tv)), ==, 15);
  gloss_test_settle (300);
  gloss_test_save_widget_png (window, "tables-view-large.png");

  gloss_tables_view_set_display (tv, GLOSS_TABLES_DISPLAY_HEAT_MAP);
  gloss_test_settle (300);
  gloss_chart_get_natural_size (chart, &width, &height);
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (chart), GTK_TYPE_SCROLLED_WINDOW);
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  {
    /* Once the chart is allocated (slower under sanitizers). */
    AdjustmentWait wait = { hadjustment, width };

    g_assert_true (gloss_test_wait_for (adjustment_reaches, &wait, 10000));
  }
  /* Wider than the window: it scrolls. */
  g_assert_cmpint (width, >, gtk_widget_get_width (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >=, width);
  gloss_test_save_widget_png (window, "chart-heatmap-large.png");

  gloss_tables_view_set_measure (tv, GLOSS_MEASURE_COVERAGE);
  gloss_tables_view_set_roll_up (tv, TRUE);
  wait_table (tv);
  gloss_tables_view_set_display (tv, GLOSS_TABLES_DISPLAY_BAR_CHART);
  gloss_test_settle (300);
  gloss_test_save_widget_png (window, "chart-bar-large.png");
  {
    g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                              "chart-bar-large-export.png", NULL);

    g_assert_true (gloss_chart_export (chart, path, GLOSS_CHART_FORMAT_PNG, &error));
    g_assert_no_error (error);
  }

  gloss_tables_view_set_columns (tv, GLOSS_TABLE_COLUMNS_ATTRIBUTE, fixture->authority, FALSE);
  gloss_tables_view_set_display (tv, GLOSS_TABLES_DISPLAY_HEAT_MAP);
  wait_table (tv);
  gloss_test_settle (300);
  gloss_test_save_widget_png (window, "chart-heatmap-attribute.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = gloss_test_init_application (&argc, &argv, G_APPLICATION_NON_UNIQUE);

  g_test_add ("/tables-view/table", Fixture, NULL, fixture_setup, test_table, fixture_teardown);
  g_test_add ("/tables-view/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/tables-view/drilldown", Fixture, NULL, fixture_setup, test_drilldown, fixture_teardown);
  g_test_add ("/tables-view/charts", Fixture, NULL, fixture_setup, test_charts, fixture_teardown);
  g_test_add ("/tables-view/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/tables-view/large", Fixture, NULL, fixture_setup, test_large, fixture_teardown);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
