/* test-document-table.c: the table of reports and their attributes, its
 * attribute dialogs and its CSV import, driven under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "gloss-application.h"
#include "gloss-attribute-dialogs.h"
#include "gloss-attributes.h"
#include "gloss-attributes-dialog.h"
#include "gloss-codebook.h"
#include "gloss-document-table.h"
#include "gloss-document-table-item.h"
#include "gloss-test-ui.h"

static GlossApplication *app;

static const char * const judgements[] = {
  "Outstanding", "Good", "Requires improvement", "Inadequate", NULL
};

typedef struct
{
  char               *tmpdir;
  GlossProject       *project;
  gint64              alpha;      /* "alpha-report", a PDF of 2 pages */
  gint64              bravo;      /* "bravo-notes", text */
  gint64              charlie;    /* "charlie-letter", text */
  gint64              authority;  /* text */
  gint64              visits;     /* number */
  gint64              published;  /* date */
  gint64              overall;    /* choice */
  gint64              framework;  /* text, the same for alpha and charlie */
  gint64              code;
  gint64              coder;
  GtkWidget          *window;
  GtkWidget          *overlay;
  GlossDocumentTable *table;
} Fixture;

/* Widgets ------------------------------------------------------------------ */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 guint      nth)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  GtkWidget *found = NULL;
  guint seen = 0;

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

  return found;
}

/* Whether a label under widget reads text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *label = find_descendant (widget, GTK_TYPE_LABEL, i);

      if (label == NULL)
        return FALSE;
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return TRUE;
    }
}

/* The button under widget whose label (with its underline) is label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *button = find_descendant (widget, GTK_TYPE_BUTTON, i);

      if (button == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0)
        return button;
    }
}

static GtkWindow *
find_toplevel (GType       type,
               const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          (title == NULL || (ADW_IS_MESSAGE_DIALOG (toplevel)
                             ? g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), title)
                             : g_strcmp0 (gtk_window_get_title (toplevel), title)) == 0))
        return toplevel;
    }

  return NULL;
}

/* The table ------------------------------------------------------------------ */

/* The column titles, joined by "|". */
static char *
column_titles (Fixture *fixture)
{
  GListModel *columns = gtk_column_view_get_columns (gloss_document_table_get_column_view (fixture->table));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, gtk_column_view_column_get_title (column));
    }

  return g_string_free (out, FALSE);
}

static GtkColumnViewColumn *
find_column (Fixture    *fixture,
             const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (gloss_document_table_get_column_view (fixture->table));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

/* The names of the rows as shown, joined by "|". */
static char *
row_names (Fixture *fixture)
{
  GListModel *model = gloss_document_table_get_model (fixture->table);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossDocumentTableItem) item = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, gloss_document_table_item_get_name (item));
    }

  return g_string_free (out, FALSE);
}

static void
assert_rows (Fixture    *fixture,
             const char *expected)
{
  g_autofree char *names = row_names (fixture);

  g_assert_cmpstr (names, ==, expected);
}

static void
assert_order (Fixture     *fixture,
              const char  *title,
              GtkSortType  direction,
              const char  *expected)
{
  g_autofree char *names = NULL;

  gtk_column_view_sort_by_column (gloss_document_table_get_column_view (fixture->table),
                                  find_column (fixture, title), direction);
  names = row_names (fixture);
  g_test_message ("%s %s: %s", title, direction == GTK_SORT_ASCENDING ? "up" : "down", names);
  g_assert_cmpstr (names, ==, expected);
}

/* The value the table shows for a document's attribute. */
static const char *
shown_value (Fixture *fixture,
             gint64   document_id,
             gint64   attribute_id)
{
  GListModel *model = gloss_document_table_get_model (fixture->table);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossDocumentTableItem) item = g_list_model_get_item (model, i);

      if (gloss_document_table_item_get_id (item) == document_id)
        return gloss_document_table_item_get_value (item, attribute_id);
    }

  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  gint64      document_id;
  gint64      attribute_id;
  const char *value;
} ShownWait;

static gboolean
value_shown (gpointer data)
{
  ShownWait *wait = data;

  return g_strcmp0 (shown_value (wait->fixture, wait->document_id, wait->attribute_id), wait->value) == 0;
}

/* Waits for the table's own reload to show value. */
static void
wait_shown (Fixture    *fixture,
            gint64      document_id,
            gint64      attribute_id,
            const char *value)
{
  ShownWait wait = { fixture, document_id, attribute_id, value };

  g_assert_true (gloss_test_wait_for (value_shown, &wait, 5000));
}

static guint
shown_codings (Fixture *fixture,
               gint64   document_id)
{
  GListModel *model = gloss_document_table_get_model (fixture->table);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossDocumentTableItem) item = g_list_model_get_item (model, i);

      if (gloss_document_table_item_get_id (item) == document_id)
        return gloss_document_table_item_get_n_codings (item);
    }

  return G_MAXUINT;
}

static gboolean
bravo_coded (gpointer data)
{
  Fixture *fixture = data;

  return shown_codings (fixture, fixture->bravo) == 1;
}

/* Whether a section of menu has an item for action. */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *name = NULL;

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
    }

  return FALSE;
}

static GArray *
ids_of (gint64 first,
        ...)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_array_append_val (ids, id);
  va_end (args);

  return ids;
}

static char *
stored (Fixture *fixture,
        gint64   document_id,
        gint64   attribute_id)
{
  return gloss_project_get_attribute_value (fixture->project, document_id, attribute_id);
}

static void
assert_stored (Fixture    *fixture,
               gint64      document_id,
               gint64      attribute_id,
               const char *expected)
{
  g_autofree char *value = stored (fixture, document_id, attribute_id);

  g_assert_cmpstr (value, ==, expected);
}

/* Fixture ------------------------------------------------------------------ */

static gint64
add_attribute (Fixture            *fixture,
               const char         *name,
               GlossAttributeType  type,
               const char * const *choices)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAttribute) attribute = gloss_project_add_attribute (fixture->project, name, type,
                                                                     choices, &error);

  g_assert_no_error (error);
  return attribute->id;
}

static void
set (Fixture    *fixture,
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
add_coding (Fixture    *fixture,
            gint64      document_id,
            gint64      code_id,
            gint64      coder_id,
            const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gloss_project_load_document_text (fixture->project, document_id, &error);
  g_autoptr(GlossCoding) coding = NULL;
  guint start = gloss_test_offset_of (text, needle);

  coding = gloss_project_add_coding (fixture->project, document_id, code_id, coder_id,
                                     start, start + g_utf8_strlen (needle, -1), NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = gloss_test_make_tmpdir ();
  fixture->project = gloss_test_demo_project_new (fixture->tmpdir, &fixture->alpha, &fixture->bravo);
  fixture->charlie = gloss_test_import_text (fixture->project, fixture->tmpdir, "charlie-letter.txt",
                                             "Charlie letter.\nA focused visit.\n");

  fixture->authority = add_attribute (fixture, "Local authority", GLOSS_ATTRIBUTE_TEXT, NULL);
  fixture->visits = add_attribute (fixture, "Visits", GLOSS_ATTRIBUTE_NUMBER, NULL);
  fixture->published = add_attribute (fixture, "Published", GLOSS_ATTRIBUTE_DATE, NULL);
  fixture->overall = add_attribute (fixture, "Overall", GLOSS_ATTRIBUTE_CHOICE, judgements);
  fixture->framework = add_attribute (fixture, "Framework", GLOSS_ATTRIBUTE_TEXT, NULL);

  set (fixture, fixture->alpha, fixture->authority, "Southwark");
  set (fixture, fixture->bravo, fixture->authority, "Lewisham");
  set (fixture, fixture->charlie, fixture->authority, "Ealing");
  /* As text, 12 comes before 3: sorted as numbers, after. */
  set (fixture, fixture->alpha, fixture->visits, "12");
  set (fixture, fixture->bravo, fixture->visits, "3");
  set (fixture, fixture->alpha, fixture->published, "05/01/2016");
  set (fixture, fixture->bravo, fixture->published, "2015-10-26");
  set (fixture, fixture->charlie, fixture->published, "2017-03-04");
  set (fixture, fixture->alpha, fixture->overall, "Good");
  set (fixture, fixture->bravo, fixture->overall, "Inadequate");
  set (fixture, fixture->charlie, fixture->overall, "Outstanding");
  set (fixture, fixture->alpha, fixture->framework, "ILACS");
  set (fixture, fixture->bravo, fixture->framework, "SIF");
  set (fixture, fixture->charlie, fixture->framework, "ILACS");

  code = gloss_project_add_code (fixture->project, 0, "Early help", "#3584e4", NULL, &error);
  g_assert_no_error (error);
  fixture->code = gloss_code_get_id (code);
  fixture->coder = gloss_project_ensure_coder (fixture->project, "Alice", &error);
  g_assert_no_error (error);
  add_coding (fixture, fixture->alpha, fixture->code, fixture->coder, "Early help");
  add_coding (fixture, fixture->alpha, fixture->code, fixture->coder, "marmalade");
  add_coding (fixture, fixture->charlie, fixture->code, fixture->coder, "focused visit");

  /* Let the project's change notifications go by. */
  gloss_test_settle (50);

  fixture->table = GLOSS_DOCUMENT_TABLE (gloss_document_table_new ());
  gloss_document_table_set_project (fixture->table, fixture->project);
  fixture->overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), GTK_WIDGET (fixture->table));
  fixture->window = gtk_window_new ();
  gtk_window_set_application (GTK_WINDOW (fixture->window), GTK_APPLICATION (app));
  gtk_window_set_title (GTK_WINDOW (fixture->window), "Reports");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1240, 420);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
  gloss_test_present (GTK_WINDOW (fixture->window));
  gloss_test_settle (100);
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

/* Tests -------------------------------------------------------------------- */

static void
on_document_activated (GlossDocumentTable *table,
                       gint64              id,
                       gint64             *out)
{
  *out = id;
}

static void
test_columns_and_sort (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkColumnView *view = gloss_document_table_get_column_view (fixture->table);
  g_autoptr(GArray) charlie = ids_of (fixture->charlie, (gint64) 0);
  g_autoptr(GArray) two = ids_of (fixture->alpha, fixture->charlie, (gint64) 0);
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAttribute) lead = NULL;
  g_autofree char *titles = column_titles (fixture);
  gint64 activated = 0;

  g_assert_cmpstr (titles, ==,
                   "Name|Type|Pages|Codings|Imported|Local authority|Visits|Published|Overall|Framework");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_table_get_model (fixture->table)), ==, 3);

  /* As a researcher sees it: sorted by one column, two rows selected. */
  assert_order (fixture, "Visits", GTK_SORT_DESCENDING, "alpha-report|bravo-notes|charlie-letter");
  gloss_document_table_select_ids (fixture->table, two);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gloss_test_settle (100);
  gloss_test_save_widget_png (fixture->window, "document-table.png");
  g_assert_true (has_label (fixture->window, "3 reports, 2 selected"));

  /* Header menus on the attribute columns; a choice's can edit its list. */
  g_assert_null (gtk_column_view_column_get_header_menu (find_column (fixture, "Name")));
  g_assert_true (menu_has_action (gtk_column_view_column_get_header_menu (find_column (fixture, "Visits")),
                                  "table.rename-attribute"));
  g_assert_true (menu_has_action (gtk_column_view_column_get_header_menu (find_column (fixture, "Visits")),
                                  "table.delete-attribute"));
  g_assert_false (menu_has_action (gtk_column_view_column_get_header_menu (find_column (fixture, "Visits")),
                                   "table.edit-values"));
  g_assert_true (menu_has_action (gtk_column_view_column_get_header_menu (find_column (fixture, "Overall")),
                                  "table.edit-values"));

  /* The number of codings, and a new coding counted. */
  g_assert_cmpuint (shown_codings (fixture, fixture->alpha), ==, 2);
  g_assert_cmpuint (shown_codings (fixture, fixture->bravo), ==, 0);
  add_coding (fixture, fixture->bravo, fixture->code, fixture->coder, "Naïve plans");
  g_assert_true (gloss_test_wait_for (bravo_coded, fixture, 5000));

  /* Values as stored: a date in ISO form. */
  g_assert_cmpstr (shown_value (fixture, fixture->alpha, fixture->published), ==, "2016-01-05");
  g_assert_null (shown_value (fixture, fixture->charlie, fixture->visits));

  /* Names by collation, both ways. */
  assert_order (fixture, "Name", GTK_SORT_ASCENDING, "alpha-report|bravo-notes|charlie-letter");
  assert_order (fixture, "Name", GTK_SORT_DESCENDING, "charlie-letter|bravo-notes|alpha-report");
  /* Numbers as numbers (3 before 12); the empty value last both ways. */
  assert_order (fixture, "Visits", GTK_SORT_ASCENDING, "bravo-notes|alpha-report|charlie-letter");
  assert_order (fixture, "Visits", GTK_SORT_DESCENDING, "alpha-report|bravo-notes|charlie-letter");
  /* Dates in time. */
  assert_order (fixture, "Published", GTK_SORT_ASCENDING, "bravo-notes|alpha-report|charlie-letter");
  assert_order (fixture, "Published", GTK_SORT_DESCENDING, "charlie-letter|alpha-report|bravo-notes");
  /* A choice by its list's order (Outstanding, Good, …, Inadequate), not
   * alphabetically. */
  assert_order (fixture, "Overall", GTK_SORT_ASCENDING, "charlie-letter|alpha-report|bravo-notes");
  assert_order (fixture, "Overall", GTK_SORT_DESCENDING, "bravo-notes|alpha-report|charlie-letter");
  /* Text. */
  assert_order (fixture, "Local authority", GTK_SORT_ASCENDING, "charlie-letter|bravo-notes|alpha-report");
  /* Pages: only the PDF has them; the text reports come last both ways. */
  assert_order (fixture, "Pages", GTK_SORT_ASCENDING, "alpha-report|bravo-notes|charlie-letter");
  assert_order (fixture, "Pages", GTK_SORT_DESCENDING, "alpha-report|bravo-notes|charlie-letter");
  /* Codings: alpha 2, then bravo and charlie 1 each, in the project's
   * order. */
  assert_order (fixture, "Codings", GTK_SORT_DESCENDING, "alpha-report|bravo-notes|charlie-letter");
  assert_order (fixture, "Codings", GTK_SORT_ASCENDING, "bravo-notes|charlie-letter|alpha-report");
  /* Type: the PDF first. */
  assert_order (fixture, "Type", GTK_SORT_ASCENDING, "alpha-report|bravo-notes|charlie-letter");

  assert_order (fixture, "Visits", GTK_SORT_DESCENDING, "alpha-report|bravo-notes|charlie-letter");

  /* A change in the project shows after a short wait, with the sort and
   * the selection kept. */
  gloss_document_table_select_ids (fixture->table, charlie);
  set (fixture, fixture->bravo, fixture->visits, "20");
  wait_shown (fixture, fixture->bravo, fixture->visits, "20");
  assert_rows (fixture, "bravo-notes|alpha-report|charlie-letter");
  selected = gloss_document_table_get_selected_ids (fixture->table);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (g_array_index (selected, gint64, 0), ==, fixture->charlie);

  /* New, renamed and deleted attributes: their columns follow. */
  lead = gloss_project_add_attribute (fixture->project, "Lead inspector", GLOSS_ATTRIBUTE_TEXT, NULL, &error);
  g_assert_no_error (error);
  set (fixture, fixture->alpha, lead->id, "A. Smith");
  wait_shown (fixture, fixture->alpha, lead->id, "A. Smith");
  g_clear_pointer (&titles, g_free);
  titles = column_titles (fixture);
  g_assert_cmpstr (titles, ==, "Name|Type|Pages|Codings|Imported|Local authority|Visits|Published|"
                               "Overall|Framework|Lead inspector");
  g_assert_true (gloss_project_rename_attribute (fixture->project, fixture->authority, "Council", &error));
  g_assert_true (gloss_project_delete_attribute (fixture->project, fixture->framework, &error));
  g_assert_true (gloss_project_move_attribute (fixture->project, lead->id, 0, &error));
  g_assert_no_error (error);
  gloss_document_table_reload (fixture->table);
  g_clear_pointer (&titles, g_free);
  titles = column_titles (fixture);
  g_assert_cmpstr (titles, ==, "Name|Type|Pages|Codings|Imported|Lead inspector|Council|Visits|"
                               "Published|Overall");
  /* … and the sort by Visits, descending, still holds. */
  set (fixture, fixture->charlie, fixture->visits, "15");
  gloss_document_table_reload (fixture->table);
  assert_rows (fixture, "bravo-notes|charlie-letter|alpha-report");

  /* The filter, by name. */
  gtk_editable_set_text (gloss_document_table_get_filter_entry (fixture->table), "ALPHA");
  gloss_test_settle (400);
  assert_rows (fixture, "alpha-report");
  /* Selecting a hidden report clears it. */
  gloss_document_table_select_ids (fixture->table, charlie);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_document_table_get_model (fixture->table)), ==, 3);

  /* Activating a row (double click, Enter) asks to open its report. */
  g_signal_connect (fixture->table, "document-activated", G_CALLBACK (on_document_activated), &activated);
  g_signal_emit_by_name (view, "activate", 1);
  g_assert_cmpint (activated, ==, fixture->charlie);
}

static void
set_combo (GtkWidget  *row,
           const char *text)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          return;
        }
    }

  g_assert_not_reached ();
}

static const char *
combo_text (GtkWidget *row)
{
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row)));
}

/* As the dialog's buttons do: answer, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  gloss_test_settle (50);
}

static gboolean
is_gone (gpointer data)
{
  return find_toplevel (GLOSS_TYPE_ATTRIBUTES_DIALOG, NULL) == NULL;
}

static void
test_edit_several (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GArray) two = ids_of (fixture->alpha, fixture->charlie, (gint64) 0);
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GlossAttributesDialog *dialog;
  GtkWidget *visits;
  GtkWidget *save;

  /* Nothing selected: nothing to edit. */
  g_assert_null (gloss_document_table_edit_selected (fixture->table));

  gtk_column_view_sort_by_column (gloss_document_table_get_column_view (fixture->table),
                                  find_column (fixture, "Name"), GTK_SORT_ASCENDING);
  gloss_document_table_select_ids (fixture->table, two);
  selected = gloss_document_table_get_selected_ids (fixture->table);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_cmpint (g_array_index (selected, gint64, 0), ==, fixture->alpha);
  g_assert_cmpint (g_array_index (selected, gint64, 1), ==, fixture->charlie);
  g_assert_true (has_label (fixture->window, "3 reports, 2 selected"));

  /* The toolbar's button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->table), "table.edit-attributes", NULL));
  dialog = GLOSS_ATTRIBUTES_DIALOG (find_toplevel (GLOSS_TYPE_ATTRIBUTES_DIALOG, NULL));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Attributes of 2 Reports");
  g_assert_true (gloss_test_wait_for (gloss_test_is_mapped, dialog, 5000));

  /* Where the two differ: mixed; where they agree: the value. */
  g_assert_true (gloss_attributes_dialog_is_mixed (dialog, fixture->authority));
  g_assert_true (gloss_attributes_dialog_is_mixed (dialog, fixture->visits));
  g_assert_true (gloss_attributes_dialog_is_mixed (dialog, fixture->published));
  g_assert_true (gloss_attributes_dialog_is_mixed (dialog, fixture->overall));
  g_assert_false (gloss_attributes_dialog_is_mixed (dialog, fixture->framework));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gloss_attributes_dialog_get_row (dialog, fixture->framework))),
                   ==, "ILACS");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gloss_attributes_dialog_get_row (dialog, fixture->authority))),
                   ==, "");
  g_assert_cmpstr (combo_text (gloss_attributes_dialog_get_row (dialog, fixture->overall)), ==, "Mixed Values");
  g_assert_true (has_label (GTK_WIDGET (dialog), "Mixed Values"));
  gloss_test_settle (100);
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "attributes-dialog-several.png");

  /* An invalid number: the engine's message, and no saving. */
  visits = gloss_attributes_dialog_get_row (dialog, fixture->visits);
  save = find_button (GTK_WIDGET (dialog), "_Save");
  g_assert_nonnull (save);
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (visits), "lots");
  g_assert_true (gtk_widget_has_css_class (visits, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (visits), "“lots” is not a number"));
  g_assert_false (gtk_widget_get_sensitive (save));
  /* … said above the form too. */
  g_assert_cmpstr (gloss_attributes_dialog_get_error (dialog), ==,
                   "Visits: “lots” is not a number (write it like 12 or -3.5)");
  gloss_test_settle (500);
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "attributes-dialog-invalid.png");

  /* Two fields set; the mixed Local authority and Published left alone. */
  gtk_editable_set_text (GTK_EDITABLE (visits), " 4 ");
  g_assert_false (gtk_widget_has_css_class (visits, "error"));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gloss_attributes_dialog_is_mixed (dialog, fixture->visits));
  set_combo (gloss_attributes_dialog_get_row (dialog, fixture->overall), "Requires improvement");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_true (gloss_test_wait_for (is_gone, NULL, 5000));

  assert_stored (fixture, fixture->alpha, fixture->visits, "4");
  assert_stored (fixture, fixture->charlie, fixture->visits, "4");
  assert_stored (fixture, fixture->bravo, fixture->visits, "3");
  assert_stored (fixture, fixture->alpha, fixture->overall, "Requires improvement");
  assert_stored (fixture, fixture->charlie, fixture->overall, "Requires improvement");
  assert_stored (fixture, fixture->bravo, fixture->overall, "Inadequate");
  assert_stored (fixture, fixture->alpha, fixture->authority, "Southwark");
  assert_stored (fixture, fixture->charlie, fixture->authority, "Ealing");
  assert_stored (fixture, fixture->alpha, fixture->published, "2016-01-05");
  assert_stored (fixture, fixture->charlie, fixture->published, "2017-03-04");
  assert_stored (fixture, fixture->alpha, fixture->framework, "ILACS");

  /* The table follows, keeping the selection. */
  wait_shown (fixture, fixture->charlie, fixture->visits, "4");
  g_clear_pointer (&selected, g_array_unref);
  selected = gloss_document_table_get_selected_ids (fixture->table);
  g_assert_cmpuint (selected->len, ==, 2);

  /* The whole save is one action: one undo restores both fields of both. */
  g_assert_true (gloss_project_can_undo (fixture->project, &label));
  g_assert_cmpstr (label, ==, "Set Attributes");
  g_assert_true (gloss_project_undo (fixture->project, &error));
  g_assert_no_error (error);
  assert_stored (fixture, fixture->alpha, fixture->visits, "12");
  assert_stored (fixture, fixture->charlie, fixture->visits, NULL);
  assert_stored (fixture, fixture->alpha, fixture->overall, "Good");
  assert_stored (fixture, fixture->charlie, fixture->overall, "Outstanding");
  wait_shown (fixture, fixture->alpha, fixture->visits, "12");

  /* Clearing a mixed field on purpose: typed, then emptied. */
  dialog = GLOSS_ATTRIBUTES_DIALOG (gloss_document_table_edit_selected (fixture->table));
  g_assert_nonnull (dialog);
  visits = gloss_attributes_dialog_get_row (dialog, fixture->published);
  gtk_editable_set_text (GTK_EDITABLE (visits), "x");
  gtk_editable_set_text (GTK_EDITABLE (visits), "");
  g_assert_true (gloss_attributes_dialog_save (dialog));
  assert_stored (fixture, fixture->alpha, fixture->published, NULL);
  assert_stored (fixture, fixture->charlie, fixture->published, NULL);
  assert_stored (fixture, fixture->bravo, fixture->published, "2015-10-26");
  assert_stored (fixture, fixture->alpha, fixture->authority, "Southwark");
}

static void
test_edit_one (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GArray) alpha = ids_of (fixture->alpha, (gint64) 0);
  g_autoptr(GDateTime) day = NULL;
  GlossAttributesDialog *dialog;
  GtkWidget *calendar;
  GtkWidget *row;

  gloss_document_table_select_ids (fixture->table, alpha);
  dialog = GLOSS_ATTRIBUTES_DIALOG (gloss_document_table_edit_selected (fixture->table));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Attributes of “alpha-report”");
  g_assert_true (gloss_test_wait_for (gloss_test_is_mapped, dialog, 5000));

  /* One row per attribute, in their order, with the stored values. */
  g_assert_true (ADW_IS_ENTRY_ROW (gloss_attributes_dialog_get_row (dialog, fixture->authority)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gloss_attributes_dialog_get_row (dialog, fixture->authority))),
                   ==, "Southwark");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gloss_attributes_dialog_get_row (dialog, fixture->visits))),
                   ==, "12");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gloss_attributes_dialog_get_row (dialog, fixture->published))),
                   ==, "2016-01-05");
  g_assert_true (ADW_IS_COMBO_ROW (gloss_attributes_dialog_get_row (dialog, fixture->overall)));
  g_assert_cmpstr (combo_text (gloss_attributes_dialog_get_row (dialog, fixture->overall)), ==, "Good");
  g_assert_false (gloss_attributes_dialog_is_mixed (dialog, fixture->authority));
  g_assert_false (gloss_attributes_dialog_is_mixed (dialog, fixture->visits));
  g_assert_false (gloss_attributes_dialog_is_mixed (dialog, fixture->published));
  g_assert_false (gloss_attributes_dialog_is_mixed (dialog, fixture->overall));
  g_assert_false (gloss_attributes_dialog_is_mixed (dialog, fixture->framework));
  g_assert_false (has_label (GTK_WIDGET (dialog), "Mixed Values"));
  gloss_test_settle (100);
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "attributes-dialog.png");

  /* The calendar beside a date writes it in ISO form. */
  row = gloss_attributes_dialog_get_row (dialog, fixture->published);
  calendar = find_descendant (row, GTK_TYPE_CALENDAR, 0);
  g_assert_nonnull (calendar);
  day = g_date_time_new_local (2016, 3, 7, 0, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2016-03-07");

  /* A day-first date, a choice set to none, a text emptied. */
  gtk_editable_set_text (GTK_EDITABLE (row), "05/02/2016");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  set_combo (gloss_attributes_dialog_get_row (dialog, fixture->overall), "(None)");
  gtk_editable_set_text (GTK_EDITABLE (gloss_attributes_dialog_get_row (dialog, fixture->framework)), "");
  g_assert_true (gloss_attributes_dialog_save (dialog));
  g_assert_true (gloss_test_wait_for (is_gone, NULL, 5000));
  assert_stored (fixture, fixture->alpha, fixture->published, "2016-02-05");
  assert_stored (fixture, fixture->alpha, fixture->overall, NULL);
  assert_stored (fixture, fixture->alpha, fixture->framework, NULL);
  assert_stored (fixture, fixture->alpha, fixture->authority, "Southwark");

  /* Closing (Escape, Cancel) changes nothing. */
  dialog = GLOSS_ATTRIBUTES_DIALOG (gloss_document_table_edit_selected (fixture->table));
  gtk_editable_set_text (GTK_EDITABLE (gloss_attributes_dialog_get_row (dialog, fixture->authority)), "Leeds");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_true (gloss_test_wait_for (is_gone, NULL, 5000));
  assert_stored (fixture, fixture->alpha, fixture->authority, "Southwark");

  /* A failed save (the report deleted meanwhile) is shown in the dialog,
   * which stays open. */
  dialog = GLOSS_ATTRIBUTES_DIALOG (gloss_document_table_edit_selected (fixture->table));
  gtk_editable_set_text (GTK_EDITABLE (gloss_attributes_dialog_get_row (dialog, fixture->authority)), "Leeds");
  g_assert_true (gloss_project_delete_document (fixture->project, fixture->alpha, NULL));
  g_assert_false (gloss_attributes_dialog_save (dialog));
  g_assert_cmpstr (gloss_attributes_dialog_get_error (dialog), ==, "The document no longer exists");
  g_assert_true (find_toplevel (GLOSS_TYPE_ATTRIBUTES_DIALOG, NULL) == GTK_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
}

static gboolean
import_done (gpointer data)
{
  return !gloss_document_table_get_importing (GLOSS_DOCUMENT_TABLE (data));
}

static void
test_import_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "attributes.csv", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->tmpdir, "bad.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GlossAttribute) inspector = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  AdwMessageDialog *dialog;

  /* Line 3 names no report; charlie's empty Visits is no change (it has
   * none), so: alpha's Visits and Inspector, charlie's Inspector. */
  g_assert_true (g_file_set_contents (path,
                                      "Report,Visits,Inspector\n"
                                      "alpha-report,5,A. Smith\n"
                                      "nobody,1,X\n"
                                      "charlie-letter.txt,,B. Jones\n",
                                      -1, &error));
  g_assert_no_error (error);

  gloss_document_table_import_csv_file (fixture->table, file);
  g_assert_true (gloss_document_table_get_importing (fixture->table));
  g_assert_true (gloss_test_wait_for (import_done, fixture->table, 10000));

  assert_stored (fixture, fixture->alpha, fixture->visits, "5");
  assert_stored (fixture, fixture->charlie, fixture->visits, NULL);
  assert_stored (fixture, fixture->bravo, fixture->visits, "3");
  inspector = gloss_project_lookup_attribute (fixture->project, "Inspector", &error);
  g_assert_no_error (error);
  assert_stored (fixture, fixture->alpha, inspector->id, "A. Smith");
  assert_stored (fixture, fixture->charlie, inspector->id, "B. Jones");

  /* Shown at once, the new attribute as a new column. */
  g_assert_cmpstr (shown_value (fixture, fixture->alpha, fixture->visits), ==, "5");
  titles = column_titles (fixture);
  g_assert_true (g_str_has_suffix (titles, "|Framework|Inspector"));

  /* The result: a toast, and the unmatched row with its line. */
  g_assert_true (has_label (fixture->overlay, "Set 3 values in 2 reports"));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "A Row Named No Report"));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gloss_attribute_unmatched_dialog_get_rows (dialog), ==, "Line 3: nobody");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  gloss_test_settle (100);
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "import-unmatched.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* An invalid value: nothing changes, and the error names the line. */
  g_assert_true (g_file_set_contents (bad_path,
                                      "Report,Visits\n"
                                      "bravo-notes,7\n"
                                      "alpha-report,many\n",
                                      -1, &error));
  gloss_document_table_import_csv_file (fixture->table, bad);
  g_assert_true (gloss_test_wait_for (import_done, fixture->table, 10000));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Could Not Import Attributes"));
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Line 3"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "many"));
  assert_stored (fixture, fixture->bravo, fixture->visits, "3");
  assert_stored (fixture, fixture->alpha, fixture->visits, "5");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A missing file is said in the same dialog. */
  g_clear_object (&bad);
  bad = g_file_new_for_path ("/nonexistent/attributes.csv");
  gloss_document_table_import_csv_file (fixture->table, bad);
  g_assert_true (gloss_test_wait_for (import_done, fixture->table, 10000));
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Could Not Import Attributes"));
}

static void
test_attribute_dialogs (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GlossAttribute) made = NULL;
  g_autoptr(GlossAttribute) renamed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  AdwMessageDialog *dialog;
  GtkTextBuffer *buffer;
  GtkEditable *name;

  /* New Attribute: a choice with its values. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->table), "table.new-attribute", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "New Attribute"));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  name = gloss_attribute_new_dialog_get_name (dialog);
  /* A name in use, in another case, is refused. */
  gtk_editable_set_text (name, "visits");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (name, "Inspection type");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));
  adw_combo_row_set_selected (gloss_attribute_new_dialog_get_type_row (dialog), GLOSS_ATTRIBUTE_CHOICE);
  buffer = gloss_attribute_new_dialog_get_values (dialog);
  gtk_text_buffer_set_text (buffer, "Focused visit\n\nFull inspection\n  JTAI \n", -1);
  gloss_test_settle (100);
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "new-attribute.png");
  respond (dialog, "accept");

  made = gloss_project_lookup_attribute (fixture->project, "Inspection type", &error);
  g_assert_no_error (error);
  g_assert_cmpint (made->type, ==, GLOSS_ATTRIBUTE_CHOICE);
  g_assert_cmpuint (g_strv_length (made->choices), ==, 3);
  g_assert_cmpstr (made->choices[0], ==, "Focused visit");
  g_assert_cmpstr (made->choices[2], ==, "JTAI");
  titles = column_titles (fixture);
  g_assert_true (g_str_has_suffix (titles, "|Framework|Inspection type"));

  /* Rename, from the column's header menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->table), "table.rename-attribute", "x",
                                             fixture->framework));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Rename “Framework”"));
  g_assert_nonnull (dialog);
  name = gloss_attribute_rename_dialog_get_name (dialog);
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Framework");
  gtk_editable_set_text (name, "Overall");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (name, "Inspection framework");
  respond (dialog, "accept");
  renamed = gloss_project_get_attribute (fixture->project, fixture->framework, &error);
  g_assert_cmpstr (renamed->name, ==, "Inspection framework");
  g_clear_pointer (&titles, g_free);
  titles = column_titles (fixture);
  g_assert_nonnull (strstr (titles, "|Overall|Inspection framework|Inspection type"));

  /* Delete: the confirmation says how many reports have a value. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->table), "table.delete-attribute", "x",
                                             fixture->framework));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Delete “Inspection framework”?"));
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "3 reports have a value"));
  gloss_test_wait_for (gloss_test_is_mapped, dialog, 5000);
  gloss_test_settle (100);
  gloss_test_save_widget_png (GTK_WIDGET (dialog), "delete-attribute.png");
  respond (dialog, "cancel");
  {
    g_autoptr(GlossAttribute) kept = gloss_project_get_attribute (fixture->project, fixture->framework, NULL);

    g_assert_nonnull (kept);
  }
  gloss_document_table_delete_attribute (fixture->table, fixture->framework);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Delete “Inspection framework”?"));
  respond (dialog, "accept");
  g_assert_null (gloss_project_get_attribute (fixture->project, fixture->framework, NULL));
  g_clear_pointer (&titles, g_free);
  titles = column_titles (fixture);
  g_assert_null (strstr (titles, "Inspection framework"));

  /* The values of a choice: a value in use cannot go. */
  gloss_document_table_edit_values (fixture->table, fixture->overall);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Values of “Overall”"));
  g_assert_nonnull (dialog);
  buffer = gloss_attribute_choices_dialog_get_values (dialog);
  gtk_text_buffer_set_text (buffer, "Outstanding\nGood\nRequires improvement\nInadequate\nNot judged", -1);
  respond (dialog, "accept");
  g_clear_pointer (&made, gloss_attribute_free);
  made = gloss_project_get_attribute (fixture->project, fixture->overall, &error);
  g_assert_cmpuint (g_strv_length (made->choices), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = gloss_test_init_application (&argc, &argv, G_APPLICATION_NON_UNIQUE);

  g_test_add ("/document-table/columns-and-sort", Fixture, NULL, fixture_setup, test_columns_and_sort,
              fixture_teardown);
  g_test_add ("/document-table/edit-several", Fixture, NULL, fixture_setup, test_edit_several,
              fixture_teardown);
  g_test_add ("/document-table/edit-one", Fixture, NULL, fixture_setup, test_edit_one, fixture_teardown);
  g_test_add ("/document-table/import-csv", Fixture, NULL, fixture_setup, test_import_csv, fixture_teardown);
  g_test_add ("/document-table/attribute-dialogs", Fixture, NULL, fixture_setup, test_attribute_dialogs,
              fixture_teardown);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
