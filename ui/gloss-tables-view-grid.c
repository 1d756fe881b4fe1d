/* gloss-tables-view-grid.c: the tables view's grid of cells
 *
 * A GtkColumnView: the code column (colour swatch, name indented by depth,
 * path as tooltip), one column per column of the table, the row totals,
 * and a last row of column totals.  Each number is a flat button, right
 * aligned in tabular figures, that lists the passages behind it when
 * clicked.  The columns are rebuilt only when the table's columns change;
 * otherwise the rows are rebound to the new table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gloss-tables-view-private.h"

#define DEPTH_INDENT 16

/* GlossTablesRow ----------------------------------------------------------- */

struct _GlossTablesRow
{
  GObject     parent_instance;

  GlossTable *table;
  int         row;    /* -1: the column totals */
};

G_DEFINE_FINAL_TYPE (GlossTablesRow, gloss_tables_row, G_TYPE_OBJECT)

static void
gloss_tables_row_finalize (GObject *object)
{
  GlossTablesRow *self = (GlossTablesRow *)object;

  g_clear_pointer (&self->table, gloss_table_unref);

  G_OBJECT_CLASS (gloss_tables_row_parent_class)->finalize (object);
}

static void
gloss_tables_row_class_init (GlossTablesRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_tables_row_finalize;
}

static void
gloss_tables_row_init (GlossTablesRow *self)
{
}

static GlossTablesRow *
gloss_tables_row_new (GlossTable *table,
                      int         row)
{
  GlossTablesRow *self = g_object_new (GLOSS_TYPE_TABLES_ROW, NULL);

  self->table = gloss_table_ref (table);
  self->row = row;

  return self;
}

/* The code column ---------------------------------------------------------- */

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

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GdkRGBA *colour = g_object_get_data (G_OBJECT (area), "colour");
  double radius = MIN (width, height) / 2.0;

  if (colour == NULL)
    return;

  cairo_arc (cr, width / 2.0, height / 2.0, radius - 0.5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_fill_preserve (cr);
  /* A thin darker rim so that pale colours still show on white. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
code_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "table-code");
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, NULL, NULL);
  gtk_box_append (GTK_BOX (box), swatch);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  g_object_set_data (G_OBJECT (box), "swatch", swatch);
  g_object_set_data (G_OBJECT (box), "label", label);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
code_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GlossTablesRow *item = gtk_list_item_get_item (list_item);
  GtkWidget *swatch = g_object_get_data (G_OBJECT (box), "swatch");
  GtkLabel *label = g_object_get_data (G_OBJECT (box), "label");
  g_autofree char *text = _gloss_tables_cell_text (item->table, item->row, -2);

  gtk_label_set_text (label, text);

  if (item->row < 0)
    {
      gtk_widget_add_css_class (box, "total");
      gtk_widget_set_visible (swatch, FALSE);
      gtk_widget_set_margin_start (box, 0);
      gtk_widget_set_tooltip_text (box, NULL);
    }
  else
    {
      GdkRGBA colour;

      gtk_widget_remove_css_class (box, "total");
      gtk_widget_set_visible (swatch, TRUE);
      if (!gdk_rgba_parse (&colour, gloss_table_get_row_colour (item->table, item->row)))
        colour = (GdkRGBA) { 0.6f, 0.6f, 0.6f, 1.0f };
      g_object_set_data_full (G_OBJECT (swatch), "colour", gdk_rgba_copy (&colour),
                              (GDestroyNotify) gdk_rgba_free);
      gtk_widget_queue_draw (swatch);
      gtk_widget_set_margin_start (box, DEPTH_INDENT * gloss_table_get_row_depth (item->table, item->row));
      gtk_widget_set_tooltip_text (box, gloss_table_get_row_path (item->table, item->row));
    }
}

/* The value columns -------------------------------------------------------- */

static void
on_cell_clicked (GtkButton   *button,
                 GtkListItem *list_item)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (button), GLOSS_TYPE_TABLES_VIEW);
  GlossTablesRow *item = gtk_list_item_get_item (list_item);

  if (view == NULL || item == NULL)
    return;

  _gloss_tables_view_cell_activated (GLOSS_TABLES_VIEW (view), item->row,
                                     GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "column")));
}

/* Marks the button if its cell's passages are shown. */
static void
mark_active (GtkWidget *button)
{
  GtkWidget *view = gtk_widget_get_ancestor (button, GLOSS_TYPE_TABLES_VIEW);
  GlossTablesView *self = view != NULL ? GLOSS_TABLES_VIEW (view) : NULL;
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "row"));
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "column"));

  if (self != NULL && self->has_active && self->active_row == row && self->active_column == column)
    gtk_widget_add_css_class (button, "active-cell");
  else
    gtk_widget_remove_css_class (button, "active-cell");
}

static void
mark_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "table-cell"))
        mark_active (child);
      else
        mark_buttons (child);
    }
}

void
_gloss_tables_view_grid_mark_active (GlossTablesView *self)
{
  mark_buttons (GTK_WIDGET (self->column_view));
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "table-cell");
  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_add_css_class (label, "numeric");
  gtk_button_set_child (GTK_BUTTON (button), label);
  g_object_set_data (G_OBJECT (button), "column", data);
  g_signal_connect (button, "clicked", G_CALLBACK (on_cell_clicked), list_item);

  gtk_list_item_set_child (list_item, button);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  GtkWidget *button = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));
  GlossTablesRow *item = gtk_list_item_get_item (list_item);
  int column = GPOINTER_TO_INT (data);
  g_autofree char *text = _gloss_tables_cell_text (item->table, item->row, column);
  g_autofree char *row_label = _gloss_tables_cell_text (item->table, item->row, -2);
  g_autofree char *column_label = _gloss_tables_cell_text (item->table, -2, column);
  g_autofree char *tooltip = NULL;
  double value;

  if (item->row < 0)
    value = column < 0 ? gloss_table_get_total (item->table) : gloss_table_get_column_total (item->table, column);
  else
    value = column < 0 ? gloss_table_get_row_total (item->table, item->row)
                       : gloss_table_get_value (item->table, item->row, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_sensitive (button, !isnan (value) && value > 0);
  g_object_set_data (G_OBJECT (button), "row", GINT_TO_POINTER (item->row));
  mark_active (button);
  if (item->row < 0 || column < 0)
    gtk_widget_add_css_class (button, "total");
  else
    gtk_widget_remove_css_class (button, "total");

  /* Translators: a cell's tooltip: its code and column, "Early help · Lewisham" */
  tooltip = g_strdup_printf (_("%s · %s"), item->row < 0 ? _("All Codes") : gloss_table_get_row_path (item->table, item->row),
                             column_label);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Columns ------------------------------------------------------------------ */

static void
remove_columns (GlossTablesView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
add_column (GlossTablesView *self,
            const char      *title,
            GCallback        setup,
            GCallback        bind,
            gpointer         data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_label (child);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* GtkColumnView's titles are plain labels as wide as their text: a long
 * report name would make its column as wide.  Ellipsize them, with the
 * whole name as tooltip, and right-align the numbers' titles. */
static void
tidy_titles (GlossTablesView *self,
             GlossTable      *table)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  guint n_columns = gloss_table_get_n_columns (table);
  int i = -2;

  if (header == NULL || GTK_IS_LIST_VIEW (header))
    return;

  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title), i = i == -2 ? 0 : i + 1)
    {
      GtkWidget *label = find_label (title);
      int column = i == (int) n_columns ? -1 : i;
      g_autofree char *text = NULL;

      if (label == NULL)
        continue;

      text = _gloss_tables_cell_text (table, -2, column);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), column == -2 ? 36 : 16);
      if (column != -2)
        {
          /* Over the numbers, at the right. */
          gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
          for (GtkWidget *w = label; w != NULL && w != title; w = gtk_widget_get_parent (w))
            {
              gtk_widget_set_hexpand (w, TRUE);
              gtk_widget_set_halign (w, GTK_ALIGN_FILL);
            }
        }
      /* A co-occurrence column's code by its whole path. */
      if (column >= 0 && gloss_table_get_column_label (table, column) != NULL)
        gtk_widget_set_tooltip_text (title, gloss_table_get_column_label (table, column));
      else
        gtk_widget_set_tooltip_text (title, text);
    }
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  return width;
}

/* Every column as wide as its title and numbers need (within limits), so
 * that a wide table scrolls rather than squeezing its titles to nothing. */
static void
size_columns (GlossTablesView *self,
              GlossTable      *table)
{
  GtkWidget *widget = GTK_WIDGET (self->column_view);
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n_rows = gloss_table_get_n_rows (table);
  guint n_columns = gloss_table_get_n_columns (table);
  int code_width = text_width (widget, _("Code"));

  for (guint i = 0; i < n_rows; i++)
    code_width = MAX (code_width, DEPTH_INDENT * (int) gloss_table_get_row_depth (table, i) + 20 +
                                  text_width (widget, row_name (table, i)));

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      int j = c == 0 ? -2 : (c - 1 == n_columns ? -1 : (int) c - 1);
      int width;

      if (j == -2)
        width = MIN (code_width + 24, 360);
      else
        {
          g_autofree char *title = _gloss_tables_cell_text (table, -2, j);

          width = text_width (widget, title);
          for (int i = -1; i < (int) n_rows; i++)
            {
              g_autofree char *text = _gloss_tables_cell_text (table, i, j);

              /* Bold for the totals. */
              width = MAX (width, text_width (widget, text) + (i < 0 || j < 0 ? 4 : 0));
            }
          width = CLAMP (width + 28, 56, 150);
        }

      gtk_column_view_column_set_fixed_width (column, width);
    }
}

static char *
grid_signature (GlossTable *table)
{
  GString *signature = g_string_new (NULL);
  guint n_columns = gloss_table_get_n_columns (table);

  g_string_append_printf (signature, "%u\n", n_columns);
  for (guint j = 0; j < n_columns; j++)
    {
      const char *label = gloss_table_get_column_label (table, j);

      g_string_append_printf (signature, "%s%s\n", label != NULL ? "=" : "!", label != NULL ? label : "");
    }

  return g_string_free (signature, FALSE);
}

void
_gloss_tables_view_grid_init (GlossTablesView *self)
{
  self->rows = g_list_store_new (GLOSS_TYPE_TABLES_ROW);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->rows));
}

void
_gloss_tables_view_grid_show (GlossTablesView *self,
                              GlossTable      *table)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *signature = NULL;
  guint n_rows;

  if (table == NULL)
    {
      g_list_store_remove_all (self->rows);
      remove_columns (self);
      g_clear_pointer (&self->grid_signature, g_free);
      return;
    }

  signature = grid_signature (table);
  if (g_strcmp0 (signature, self->grid_signature) != 0)
    {
      guint n_columns = gloss_table_get_n_columns (table);

      g_list_store_remove_all (self->rows);
      remove_columns (self);

      add_column (self, _("Code"), G_CALLBACK (code_setup), G_CALLBACK (code_bind), NULL);
      for (guint j = 0; j < n_columns; j++)
        {
          g_autofree char *title = _gloss_tables_cell_text (table, -2, j);

          add_column (self, title, G_CALLBACK (cell_setup), G_CALLBACK (cell_bind), GINT_TO_POINTER (j));
        }
      add_column (self, _("Total"), G_CALLBACK (cell_setup), G_CALLBACK (cell_bind), GINT_TO_POINTER (-1));
      tidy_titles (self, table);

      g_free (self->grid_signature);
      self->grid_signature = g_steal_pointer (&signature);
    }
  size_columns (self, table);

  n_rows = gloss_table_get_n_rows (table);
  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (items, gloss_tables_row_new (table, i));
  g_ptr_array_add (items, gloss_tables_row_new (table, -1));

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
}

void
_gloss_tables_view_cell_activated (GlossTablesView *self,
                                   int              row,
                                   int              column)
{
  g_autofree char *title = NULL;
  g_autofree char *column_label = NULL;
  const char *row_label;

  if (self->table == NULL || self->project == NULL ||
      row < -1 || row >= (int) gloss_table_get_n_rows (self->table) ||
      column < -1 || column >= (int) gloss_table_get_n_columns (self->table))
    return;

  row_label = row < 0 ? _("All Codes") : gloss_table_get_row_path (self->table, row);
  if (column < 0)
    title = g_strdup (row_label);
  else
    {
      column_label = _gloss_tables_cell_text (self->table, -2, column);
      /* Translators: the passages behind a cell: its code and column, "Early help · Lewisham" */
      title = g_strdup_printf (_("%s · %s"), row_label, column_label);
    }

  gloss_table_drilldown_load (self->drilldown, self->project, self->table, row, column, title);
  gtk_revealer_set_reveal_child (self->drilldown_revealer, TRUE);
  self->has_active = TRUE;
  self->active_row = row;
  self->active_column = column;
  _gloss_tables_view_grid_mark_active (self);
}
