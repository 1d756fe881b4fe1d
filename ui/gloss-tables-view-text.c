/* gloss-tables-view-text.c: what the tables view calls things
 *
 * The text of the grid's cells and titles, the table's title and size,
 * and the choices of the columns dropdown: reports, coders, each
 * attribute (a date attribute also by year), co-occurrence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gloss-attributes.h"
#include "gloss-tables-view-private.h"

/* Text --------------------------------------------------------------------- */

static const char *
row_name (GlossTable *table,
          guint       row)
{
  const char *path = gloss_table_get_row_path (table, row);
  const char *slash = path != NULL ? strrchr (path, '/') : NULL;

  if (path == NULL)
    return "";
  return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

char *
_gloss_tables_cell_text (GlossTable *table,
                         int         row,
                         int         column)
{
  GlossMeasure measure;
  double value;

  g_return_val_if_fail (table != NULL, NULL);

  if (row < -2 || row >= (int) gloss_table_get_n_rows (table) ||
      column < -2 || column >= (int) gloss_table_get_n_columns (table))
    return NULL;

  if (row == -2)
    {
      const char *label;

      if (column == -2)
        return g_strdup (_("Code"));
      if (column == -1)
        return g_strdup (_("Total"));
      label = gloss_table_get_column_label (table, column);
      if (label == NULL)
        return g_strdup (_("(No Value)"));
      /* A code, named as its row is. */
      if (gloss_table_get_query (table)->columns == GLOSS_TABLE_COLUMNS_COOCCURRENCE)
        {
          const char *slash = strrchr (label, '/');

          if (slash != NULL && slash[1] != '\0')
            return g_strdup (slash + 1);
        }
      return g_strdup (label);
    }

  if (column == -2)
    return g_strdup (row == -1 ? _("Total") : row_name (table, row));

  measure = gloss_table_get_measure (table);
  if (row == -1)
    value = column == -1 ? gloss_table_get_total (table) : gloss_table_get_column_total (table, column);
  else
    value = column == -1 ? gloss_table_get_row_total (table, row) : gloss_table_get_value (table, row, column);

  /* The diagonal of a co-occurrence table. */
  if (isnan (value))
    return g_strdup ("—");

  return gloss_measure_format (measure, value);
}

static const char *
measure_name (GlossMeasure measure)
{
  switch (measure)
    {
    case GLOSS_MEASURE_CODINGS:
      return _("Codings");
    case GLOSS_MEASURE_DOCUMENTS:
      return _("Reports");
    case GLOSS_MEASURE_CHARACTERS:
      return _("Characters");
    case GLOSS_MEASURE_COVERAGE:
      return _("Coverage");
    default:
      return "";
    }
}

/* The columns dropdown's label for the table's columns. */
static const char *
columns_label (GlossTablesView         *self,
               const GlossTableQuery   *query)
{
  for (guint i = 0; self->column_choices != NULL && i < self->column_choices->len; i++)
    {
      const ColumnChoice *choice = &g_array_index (self->column_choices, ColumnChoice, i);

      if (choice->columns == query->columns &&
          (query->columns != GLOSS_TABLE_COLUMNS_ATTRIBUTE ||
           (choice->attribute_id == query->attribute_id && choice->by_year == !!query->by_year)))
        return gtk_string_list_get_string (self->columns_names, i);
    }

  return "";
}

char *
_gloss_tables_title (GlossTable      *table,
                     GlossTablesView *view)
{
  const GlossTableQuery *query = gloss_table_get_query (table);
  const char *measure = measure_name (gloss_table_get_measure (table));

  switch (query->columns)
    {
    case GLOSS_TABLE_COLUMNS_DOCUMENT:
      /* Translators: a table's title, "Codings by Report" */
      return g_strdup_printf (_("%s by Report"), measure);
    case GLOSS_TABLE_COLUMNS_CODER:
      /* Translators: a table's title, "Codings by Coder" */
      return g_strdup_printf (_("%s by Coder"), measure);
    case GLOSS_TABLE_COLUMNS_ATTRIBUTE:
      /* Translators: a table's title: measure by attribute, "Codings by Local authority" */
      return g_strdup_printf (_("%s by %s"), measure, columns_label (view, query));
    case GLOSS_TABLE_COLUMNS_COOCCURRENCE:
      /* Translators: a table's title, "Code Co-occurrence: Codings" */
      return g_strdup_printf (_("Code Co-occurrence: %s"), measure);
    default:
      return g_strdup (measure);
    }
}

char *
_gloss_tables_summary (GlossTable *table)
{
  guint n_rows = gloss_table_get_n_rows (table);
  guint n_columns = gloss_table_get_n_columns (table);
  g_autofree char *codes = g_strdup_printf (ngettext ("%u code", "%u codes", n_rows), n_rows);
  g_autofree char *columns = NULL;

  switch (gloss_table_get_query (table)->columns)
    {
    case GLOSS_TABLE_COLUMNS_DOCUMENT:
      columns = g_strdup_printf (ngettext ("%u report", "%u reports", n_columns), n_columns);
      break;
    case GLOSS_TABLE_COLUMNS_CODER:
      columns = g_strdup_printf (ngettext ("%u coder", "%u coders", n_columns), n_columns);
      break;
    case GLOSS_TABLE_COLUMNS_COOCCURRENCE:
      columns = g_strdup_printf (ngettext ("%u code", "%u codes", n_columns), n_columns);
      break;
    case GLOSS_TABLE_COLUMNS_ATTRIBUTE:
    default:
      columns = g_strdup_printf (ngettext ("%u value", "%u values", n_columns), n_columns);
      break;
    }

  /* Translators: the size of a table, "3 codes × 12 reports" */
  return g_strdup_printf (_("%s × %s"), codes, columns);
}

/* Columns dropdown --------------------------------------------------------- */

void
_gloss_tables_view_select_column_choice (GlossTablesView *self)
{
  guint selected = 0;

  for (guint i = 0; self->column_choices != NULL && i < self->column_choices->len; i++)
    {
      const ColumnChoice *choice = &g_array_index (self->column_choices, ColumnChoice, i);

      if (choice->columns == self->columns &&
          (self->columns != GLOSS_TABLE_COLUMNS_ATTRIBUTE ||
           (choice->attribute_id == self->attribute_id && choice->by_year == self->by_year)))
        {
          selected = i;
          break;
        }
    }

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->columns_dropdown, selected);
  self->updating = FALSE;
}

static void
add_column_choice (GPtrArray         *names,
                   GArray            *choices,
                   char              *name,
                   GlossTableColumns  columns,
                   gint64             attribute_id,
                   gboolean           by_year)
{
  ColumnChoice choice = { columns, attribute_id, by_year };

  g_ptr_array_add (names, name);
  g_array_append_val (choices, choice);
}

/* Fills the columns dropdown: reports, coders, each attribute (a date
 * attribute also by year), co-occurrence.  Returns whether the chosen
 * columns are still there. */
gboolean
_gloss_tables_view_refresh_column_choices (GlossTablesView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (ColumnChoice));
  g_autoptr(GPtrArray) attributes = NULL;
  gboolean found = self->columns != GLOSS_TABLE_COLUMNS_ATTRIBUTE;
  gboolean same;

  if (self->project != NULL)
    attributes = gloss_project_list_attributes (self->project, NULL);

  add_column_choice (names, choices, g_strdup (_("Reports")), GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE);
  add_column_choice (names, choices, g_strdup (_("Coders")), GLOSS_TABLE_COLUMNS_CODER, 0, FALSE);
  for (guint i = 0; attributes != NULL && i < attributes->len; i++)
    {
      const GlossAttribute *attribute = g_ptr_array_index (attributes, i);

      add_column_choice (names, choices, g_strdup (attribute->name),
                         GLOSS_TABLE_COLUMNS_ATTRIBUTE, attribute->id, FALSE);
      if (attribute->type == GLOSS_ATTRIBUTE_DATE)
        /* Translators: an attribute's dates counted by year, "Inspection date (year)" */
        add_column_choice (names, choices, g_strdup_printf (_("%s (year)"), attribute->name),
                           GLOSS_TABLE_COLUMNS_ATTRIBUTE, attribute->id, TRUE);
      if (attribute->id == self->attribute_id)
        found = TRUE;
    }
  add_column_choice (names, choices, g_strdup (_("Code Co-occurrence")),
                     GLOSS_TABLE_COLUMNS_COOCCURRENCE, 0, FALSE);

  same = self->column_choices != NULL && self->column_choices->len == choices->len &&
         g_list_model_get_n_items (G_LIST_MODEL (self->columns_names)) == names->len;
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->columns_names, i), g_ptr_array_index (names, i)) == 0 &&
           memcmp (&g_array_index (self->column_choices, ColumnChoice, i),
                   &g_array_index (choices, ColumnChoice, i), sizeof (ColumnChoice)) == 0;

  if (!found)
    {
      self->columns = GLOSS_TABLE_COLUMNS_DOCUMENT;
      self->attribute_id = 0;
      self->by_year = FALSE;
    }

  if (!same)
    {
      g_ptr_array_add (names, NULL);
      self->updating = TRUE;
      gtk_string_list_splice (self->columns_names, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->columns_names)),
                              (const char * const *) names->pdata);
      self->updating = FALSE;
      g_clear_pointer (&self->column_choices, g_array_unref);
      self->column_choices = g_steal_pointer (&choices);
    }

  _gloss_tables_view_select_column_choice (self);

  return found;
}
