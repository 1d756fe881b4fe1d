/* gloss-document-table-columns.c: the document table's columns, what
 * their cells show and how they sort
 *
 * Columns are made once and kept while their attribute lives, so that
 * the column view's sort stays across reloads.  Every column sorts with a
 * GtkCustomSorter of ours.  Empty values go last whichever the direction:
 * the view inverts what a descending column's sorter says, and GTK 4.8
 * does not tell which way a column is sorted, so after each change of the
 * view's sorter each column is probed with two items that only that
 * column tells apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-document-table-private.h"

/* Columns: values -------------------------------------------------------------- */

static void
table_column_clear (TableColumn *column)
{
  g_clear_pointer (&column->attribute, gloss_attribute_free);
}

void
gloss_document_table_column_release (gpointer column)
{
  g_rc_box_release_full (column, (GDestroyNotify) table_column_clear);
}

static void
table_column_closure_release (gpointer  column,
                              GClosure *closure)
{
  gloss_document_table_column_release (column);
}

/* The text a cell shows. */
static char *
cell_text (TableColumn            *column,
           GlossDocumentTableItem *item)
{
  GlossDocument *document = gloss_document_table_item_get_document (item);

  switch (column->kind)
    {
    case COLUMN_NAME:
      return g_strdup (gloss_document_get_name (document));

    case COLUMN_KIND:
      return g_strdup (gloss_document_get_kind (document) == GLOSS_DOCUMENT_KIND_PDF
                       /* Translators: the kind of a document, in the document table */
                       ? _("PDF") : _("Text"));

    case COLUMN_PAGES:
      if (gloss_document_get_kind (document) != GLOSS_DOCUMENT_KIND_PDF)
        return NULL;
      return g_strdup_printf ("%u", gloss_document_get_n_pages (document));

    case COLUMN_CODINGS:
      return g_strdup_printf ("%u", gloss_document_table_item_get_n_codings (item));

    case COLUMN_IMPORTED:
      {
        GDateTime *imported = gloss_document_get_imported (document);
        g_autoptr(GDateTime) local = NULL;

        if (imported == NULL)
          return NULL;
        local = g_date_time_to_local (imported);
        return g_date_time_format (local, "%Y-%m-%d");
      }

    case COLUMN_ATTRIBUTE:
      return g_strdup (gloss_document_table_item_get_value (item, column->attribute->id));

    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_numeric (TableColumn *column)
{
  return column->kind == COLUMN_PAGES || column->kind == COLUMN_CODINGS ||
         (column->kind == COLUMN_ATTRIBUTE && column->attribute->type == GLOSS_ATTRIBUTE_NUMBER);
}

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TableColumn              *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), is_numeric (column) ? 1.0f : 0.0f);
  gtk_label_set_max_width_chars (GTK_LABEL (label), column->kind == COLUMN_NAME ? 60 : 36);
  if (is_numeric (column))
    gtk_widget_add_css_class (label, "numeric");
  if (column->kind != COLUMN_NAME)
    gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TableColumn              *column)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GlossDocumentTableItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = cell_text (column, item);

  /* A number column's alignment follows the attribute's type. */
  gtk_label_set_xalign (GTK_LABEL (label), is_numeric (column) ? 1.0f : 0.0f);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, column->kind == COLUMN_NAME ? text : NULL);
}

/* Columns: order ---------------------------------------------------------------- */

/* Empty values last, whichever the direction. */
static int
empty_order (TableColumn *column,
             gboolean     a_empty,
             gboolean     b_empty)
{
  int last = column->direction < 0 ? -1 : 1;

  if (a_empty && b_empty)
    return GTK_ORDERING_EQUAL;

  return a_empty ? last : -last;
}

static int
compare_doubles (double a,
                 double b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static guint
choice_index (const GlossAttribute *attribute,
              const char           *value)
{
  guint i;

  for (i = 0; attribute->choices != NULL && attribute->choices[i] != NULL; i++)
    if (strcmp (attribute->choices[i], value) == 0)
      return i;

  return i;
}

static int
compare_values (const GlossAttribute *attribute,
                const char           *a,
                const char           *b)
{
  int order;

  switch (attribute->type)
    {
    case GLOSS_ATTRIBUTE_NUMBER:
      return compare_doubles (g_ascii_strtod (a, NULL), g_ascii_strtod (b, NULL));

    case GLOSS_ATTRIBUTE_DATE:
      /* Canonical YYYY-MM-DD: the order of the text is the order in time. */
      order = strcmp (a, b);
      break;

    case GLOSS_ATTRIBUTE_CHOICE:
      order = (int) choice_index (attribute, a) - (int) choice_index (attribute, b);
      if (order == 0)
        order = g_utf8_collate (a, b);
      break;

    case GLOSS_ATTRIBUTE_TEXT:
    default:
      order = g_utf8_collate (a, b);
      break;
    }

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
column_compare (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  TableColumn *column = data;
  GlossDocumentTable *self = column->table;
  GlossDocumentTableItem *item_a = GLOSS_DOCUMENT_TABLE_ITEM ((gpointer) a);
  GlossDocumentTableItem *item_b = GLOSS_DOCUMENT_TABLE_ITEM ((gpointer) b);
  GlossDocument *doc_a;
  GlossDocument *doc_b;

  if (self == NULL)
    return GTK_ORDERING_EQUAL;

  if (self->probe_column != NULL)
    {
      if (column != self->probe_column)
        return GTK_ORDERING_EQUAL;
      if (item_a == self->probe_low && item_b == self->probe_high)
        return GTK_ORDERING_SMALLER;
      if (item_a == self->probe_high && item_b == self->probe_low)
        return GTK_ORDERING_LARGER;
      return GTK_ORDERING_EQUAL;
    }

  doc_a = gloss_document_table_item_get_document (item_a);
  doc_b = gloss_document_table_item_get_document (item_b);

  switch (column->kind)
    {
    case COLUMN_NAME:
      return gtk_ordering_from_cmpfunc (strcmp (gloss_document_table_item_get_name_key (item_a),
                                                gloss_document_table_item_get_name_key (item_b)));

    case COLUMN_KIND:
      return compare_doubles (gloss_document_get_kind (doc_a), gloss_document_get_kind (doc_b));

    case COLUMN_PAGES:
      {
        gboolean a_empty = gloss_document_get_kind (doc_a) != GLOSS_DOCUMENT_KIND_PDF;
        gboolean b_empty = gloss_document_get_kind (doc_b) != GLOSS_DOCUMENT_KIND_PDF;

        if (a_empty || b_empty)
          return empty_order (column, a_empty, b_empty);
        return compare_doubles (gloss_document_get_n_pages (doc_a), gloss_document_get_n_pages (doc_b));
      }

    case COLUMN_CODINGS:
      return compare_doubles (gloss_document_table_item_get_n_codings (item_a),
                              gloss_document_table_item_get_n_codings (item_b));

    case COLUMN_IMPORTED:
      {
        GDateTime *time_a = gloss_document_get_imported (doc_a);
        GDateTime *time_b = gloss_document_get_imported (doc_b);

        if (time_a == NULL || time_b == NULL)
          return empty_order (column, time_a == NULL, time_b == NULL);
        return gtk_ordering_from_cmpfunc (g_date_time_compare (time_a, time_b));
      }

    case COLUMN_ATTRIBUTE:
      {
        const char *value_a = gloss_document_table_item_get_value (item_a, column->attribute->id);
        const char *value_b = gloss_document_table_item_get_value (item_b, column->attribute->id);

        if (value_a == NULL || value_b == NULL)
          return empty_order (column, value_a == NULL, value_b == NULL);
        return compare_values (column->attribute, value_a, value_b);
      }

    default:
      g_assert_not_reached ();
    }
}

/* Before the sort model re-sorts: which way is each column sorted now? */
void
gloss_document_table_sorter_changed (GtkSorter          *sorter,
                   GtkSorterChange     change,
                   GlossDocumentTable *self)
{
  /* Columns removed while the table is disposed. */
  if (self->columns == NULL)
    return;

  for (guint i = 0; i < self->columns->len; i++)
    {
      TableColumn *column = g_ptr_array_index (self->columns, i);
      GtkOrdering order;

      self->probe_column = column;
      order = gtk_sorter_compare (sorter, self->probe_low, self->probe_high);
      column->direction = order == GTK_ORDERING_SMALLER ? 1 : order == GTK_ORDERING_LARGER ? -1 : 0;
    }
  self->probe_column = NULL;
}

/* Columns: making them ------------------------------------------------------------ */

static GMenuModel *
header_menu_new (const GlossAttribute *attribute)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Rename Attribute…"), NULL);
  g_menu_item_set_action_and_target_value (item, "table.rename-attribute",
                                           g_variant_new_int64 (attribute->id));
  g_menu_append_item (edit, item);
  g_clear_object (&item);

  if (attribute->type == GLOSS_ATTRIBUTE_CHOICE)
    {
      item = g_menu_item_new (_("Edit _Values…"), NULL);
      g_menu_item_set_action_and_target_value (item, "table.edit-values",
                                               g_variant_new_int64 (attribute->id));
      g_menu_append_item (edit, item);
      g_clear_object (&item);
    }

  item = g_menu_item_new (_("_Delete Attribute…"), NULL);
  g_menu_item_set_action_and_target_value (item, "table.delete-attribute",
                                           g_variant_new_int64 (attribute->id));
  g_menu_append_item (danger, item);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static TableColumn *
add_column (GlossDocumentTable   *self,
            ColumnKind            kind,
            const char           *title,
            const GlossAttribute *attribute)
{
  TableColumn *column = g_rc_box_new0 (TableColumn);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;

  column->table = self;
  column->kind = kind;
  column->attribute = attribute != NULL ? gloss_attribute_copy (attribute) : NULL;

  g_signal_connect_data (factory, "setup", G_CALLBACK (on_cell_setup),
                         g_rc_box_acquire (column), table_column_closure_release, 0);
  g_signal_connect_data (factory, "bind", G_CALLBACK (on_cell_bind),
                         g_rc_box_acquire (column), table_column_closure_release, 0);
  sorter = GTK_SORTER (gtk_custom_sorter_new (column_compare, g_rc_box_acquire (column),
                                              gloss_document_table_column_release));

  column->column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column->column, sorter);
  gtk_column_view_column_set_resizable (column->column, TRUE);
  gtk_column_view_column_set_expand (column->column, kind == COLUMN_NAME);
  /* Report names are long ("thornbury-vale-ilacs-2024"): room for most of
   * one, the rest in a tooltip or by widening the column. */
  if (kind == COLUMN_NAME)
    gtk_column_view_column_set_fixed_width (column->column, 240);
  if (attribute != NULL)
    {
      g_autoptr(GMenuModel) menu = header_menu_new (attribute);

      gtk_column_view_column_set_header_menu (column->column, menu);
    }
  gtk_column_view_append_column (self->column_view, column->column);
  g_object_unref (column->column);

  g_ptr_array_add (self->columns, column);

  return column;
}

static void
remove_column (GlossDocumentTable *self,
               TableColumn        *column)
{
  column->table = NULL;
  gtk_column_view_remove_column (self->column_view, column->column);
  column->column = NULL;
  g_ptr_array_remove (self->columns, column);
}

static TableColumn *
find_attribute_column (GlossDocumentTable *self,
                       gint64              attribute_id)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      TableColumn *column = g_ptr_array_index (self->columns, i);

      if (column->kind == COLUMN_ATTRIBUTE && column->attribute->id == attribute_id)
        return column;
    }

  return NULL;
}

static guint
n_fixed_columns (GlossDocumentTable *self)
{
  guint n = 0;

  for (guint i = 0; i < self->columns->len; i++)
    if (((TableColumn *) g_ptr_array_index (self->columns, i))->kind != COLUMN_ATTRIBUTE)
      n++;

  return n;
}

/* One column per attribute, in their order; those already there kept. */
void
gloss_document_table_update_columns (GlossDocumentTable *self,
                                     GPtrArray          *attributes)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint fixed = n_fixed_columns (self);

  for (guint i = 0; attributes != NULL && i < attributes->len; i++)
    {
      GlossAttribute *attribute = g_ptr_array_index (attributes, i);

      g_hash_table_add (wanted, &attribute->id);
    }
  for (guint i = self->columns->len; i > 0; i--)
    {
      TableColumn *column = g_ptr_array_index (self->columns, i - 1);

      if (column->kind == COLUMN_ATTRIBUTE && !g_hash_table_contains (wanted, &column->attribute->id))
        remove_column (self, column);
    }

  for (guint i = 0; attributes != NULL && i < attributes->len; i++)
    {
      GlossAttribute *attribute = g_ptr_array_index (attributes, i);
      TableColumn *column = find_attribute_column (self, attribute->id);
      GListModel *shown = gtk_column_view_get_columns (self->column_view);
      g_autoptr(GtkColumnViewColumn) at = NULL;

      if (column == NULL)
        {
          column = add_column (self, COLUMN_ATTRIBUTE, attribute->name, attribute);
          g_ptr_array_steal_index (self->columns, self->columns->len - 1);
          g_ptr_array_insert (self->columns, fixed + i, column);
        }
      else
        {
          gboolean menu_changed = (column->attribute->type == GLOSS_ATTRIBUTE_CHOICE) !=
                                  (attribute->type == GLOSS_ATTRIBUTE_CHOICE);

          gloss_attribute_free (column->attribute);
          column->attribute = gloss_attribute_copy (attribute);
          gtk_column_view_column_set_title (column->column, attribute->name);
          if (menu_changed)
            {
              g_autoptr(GMenuModel) menu = header_menu_new (attribute);

              gtk_column_view_column_set_header_menu (column->column, menu);
            }
          if (g_ptr_array_index (self->columns, fixed + i) != column)
            {
              guint index = 0;

              g_ptr_array_find (self->columns, column, &index);
              g_ptr_array_steal_index (self->columns, index);
              g_ptr_array_insert (self->columns, fixed + i, column);
            }
        }

      at = g_list_model_get_item (shown, fixed + i);
      if (at != column->column)
        gtk_column_view_insert_column (self->column_view, fixed + i, column->column);
    }
}

void
gloss_document_table_add_fixed_columns (GlossDocumentTable *self)
{
  add_column (self, COLUMN_NAME, _("Name"), NULL);
  /* Translators: the column of a document's kind, PDF or Text */
  add_column (self, COLUMN_KIND, _("Type"), NULL);
  add_column (self, COLUMN_PAGES, _("Pages"), NULL);
  add_column (self, COLUMN_CODINGS, _("Codings"), NULL);
  add_column (self, COLUMN_IMPORTED, _("Imported"), NULL);
}

