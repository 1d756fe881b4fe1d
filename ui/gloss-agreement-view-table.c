/* gloss-agreement-view-table.c: the agreement view's table
 *
 * A GtkColumnView: the code (colour swatch and path; a report's row
 * indented under its code's), the reports and units, the 2×2 table of two
 * coders or how many units each number of coders coded, the statistics
 * and a note.  The ALL row is last, in bold.  The columns are made again
 * only when the coders change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gloss-agreement-view-private.h"

#define DOCUMENT_INDENT 24

/* GlossAgreementResult --------------------------------------------------------- */

GlossAgreementResult *
_gloss_agreement_result_ref (GlossAgreementResult *result)
{
  g_ref_count_inc (&result->ref_count);
  return result;
}

void
_gloss_agreement_result_unref (GlossAgreementResult *result)
{
  if (result == NULL || !g_ref_count_dec (&result->ref_count))
    return;

  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_clear_pointer (&result->coder_names, g_ptr_array_unref);
  g_clear_pointer (&result->colours, g_hash_table_unref);
  g_free (result);
}

char *
_gloss_agreement_result_dup_coders (GlossAgreementResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; result->coder_names != NULL && i < result->coder_names->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of the coders compared */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (result->coder_names, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* GlossAgreementItem ----------------------------------------------------------- */

struct _GlossAgreementItem
{
  GObject               parent_instance;

  GlossAgreementResult *result;
  guint                 row;
};

G_DEFINE_FINAL_TYPE (GlossAgreementItem, gloss_agreement_item, G_TYPE_OBJECT)

static void
gloss_agreement_item_finalize (GObject *object)
{
  GlossAgreementItem *self = (GlossAgreementItem *)object;

  g_clear_pointer (&self->result, _gloss_agreement_result_unref);

  G_OBJECT_CLASS (gloss_agreement_item_parent_class)->finalize (object);
}

static void
gloss_agreement_item_class_init (GlossAgreementItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_agreement_item_finalize;
}

static void
gloss_agreement_item_init (GlossAgreementItem *self)
{
}

static GlossAgreementItem *
gloss_agreement_item_new (GlossAgreementResult *result,
                          guint                 row)
{
  GlossAgreementItem *self = g_object_new (GLOSS_TYPE_AGREEMENT_ITEM, NULL);

  self->result = _gloss_agreement_result_ref (result);
  self->row = row;

  return self;
}

static const GlossAgreementRow *
item_row (GlossAgreementItem *item)
{
  return g_ptr_array_index (item->result->rows, item->row);
}

/* Text ------------------------------------------------------------------------ */

GArray *
_gloss_agreement_columns (GlossAgreementResult *result)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (int));
  int column;

  column = GLOSS_AGREEMENT_COLUMN_CODE;
  g_array_append_val (columns, column);
  column = GLOSS_AGREEMENT_COLUMN_DOCUMENTS;
  g_array_append_val (columns, column);
  column = GLOSS_AGREEMENT_COLUMN_UNITS;
  g_array_append_val (columns, column);

  if (result->n_coders == 2)
    {
      for (column = GLOSS_AGREEMENT_COLUMN_BOTH; column <= GLOSS_AGREEMENT_COLUMN_NEITHER; column++)
        g_array_append_val (columns, column);
      column = GLOSS_AGREEMENT_COLUMN_PERCENT;
      g_array_append_val (columns, column);
    }
  else
    for (guint j = 0; j <= result->n_coders; j++)
      {
        column = GLOSS_AGREEMENT_COLUMN_CODED_BY + (int) j;
        g_array_append_val (columns, column);
      }

  for (column = GLOSS_AGREEMENT_COLUMN_KAPPA; column <= GLOSS_AGREEMENT_COLUMN_NOTE; column++)
    g_array_append_val (columns, column);

  return columns;
}

static const char *
coder_name (GlossAgreementResult *result,
            guint                 i)
{
  return result->coder_names != NULL && i < result->coder_names->len
         ? g_ptr_array_index (result->coder_names, i) : "";
}

char *
_gloss_agreement_column_title (GlossAgreementResult *result,
                               int                   column)
{
  switch (column)
    {
    case GLOSS_AGREEMENT_COLUMN_CODE:
      return g_strdup (_("Code"));
    case GLOSS_AGREEMENT_COLUMN_DOCUMENTS:
      return g_strdup (_("Reports"));
    case GLOSS_AGREEMENT_COLUMN_UNITS:
      switch (result->unit)
        {
        case GLOSS_UNIT_SENTENCE:
          return g_strdup (_("Sentences"));
        case GLOSS_UNIT_PARAGRAPH:
          return g_strdup (_("Paragraphs"));
        case GLOSS_UNIT_CHARACTER:
        default:
          return g_strdup (_("Characters"));
        }
    case GLOSS_AGREEMENT_COLUMN_BOTH:
      /* Translators: a column: the units both coders coded */
      return g_strdup (_("Both"));
    case GLOSS_AGREEMENT_COLUMN_ONLY_A:
      /* Translators: a column: the units only this coder coded */
      return g_strdup_printf (_("Only %s"), coder_name (result, 0));
    case GLOSS_AGREEMENT_COLUMN_ONLY_B:
      return g_strdup_printf (_("Only %s"), coder_name (result, 1));
    case GLOSS_AGREEMENT_COLUMN_NEITHER:
      /* Translators: a column: the units neither coder coded */
      return g_strdup (_("Neither"));
    case GLOSS_AGREEMENT_COLUMN_PERCENT:
      return g_strdup (_("Agreement"));
    case GLOSS_AGREEMENT_COLUMN_KAPPA:
      return g_strdup (result->n_coders == 2 ? _("Cohen’s κ") : _("Fleiss’ κ"));
    case GLOSS_AGREEMENT_COLUMN_ALPHA:
      return g_strdup (_("Krippendorff’s α"));
    case GLOSS_AGREEMENT_COLUMN_NOTE:
      return g_strdup (_("Note"));
    default:
      {
        guint j = (guint) (column - GLOSS_AGREEMENT_COLUMN_CODED_BY);

        if (j == 0)
          /* Translators: a column: the units no coder coded */
          return g_strdup (_("By None"));
        if (j == result->n_coders)
          /* Translators: a column: the units every one of the coders coded */
          return g_strdup_printf (_("By All %u"), j);
        /* Translators: a column: the units exactly this many coders coded */
        return g_strdup_printf (_("By %u"), j);
      }
    }
}

static char *
format_statistic (double value)
{
  char *text;

  if (isnan (value))
    /* Translators: a figure that cannot be computed */
    return g_strdup (_("—"));

  text = g_strdup_printf ("%.3f", value);
  /* No "−0.000". */
  if (text[0] == '-' && strspn (text + 1, "0.,") == strlen (text + 1))
    memmove (text, text + 1, strlen (text));
  return text;
}

static char *
format_count (guint64 value)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, value);
}

char *
_gloss_agreement_cell_text (GlossAgreementResult *result,
                            guint                 row_index,
                            int                   column)
{
  const GlossAgreementRow *row;

  if (result == NULL || row_index >= result->rows->len)
    return NULL;

  row = g_ptr_array_index (result->rows, row_index);

  switch (column)
    {
    case GLOSS_AGREEMENT_COLUMN_CODE:
      if (row->document_id != 0)
        return g_strdup (row->document_name != NULL ? row->document_name : "");
      else
        {
          g_auto(GStrv) parts = g_strsplit (row->code_path != NULL ? row->code_path : "", "/", -1);

          return g_strjoinv (" › ", parts);
        }
    case GLOSS_AGREEMENT_COLUMN_DOCUMENTS:
      return g_strdup_printf ("%u", row->n_documents);
    case GLOSS_AGREEMENT_COLUMN_UNITS:
      return format_count (row->n_units);
    case GLOSS_AGREEMENT_COLUMN_BOTH:
      return format_count (row->table.both);
    case GLOSS_AGREEMENT_COLUMN_ONLY_A:
      return format_count (row->table.a_only);
    case GLOSS_AGREEMENT_COLUMN_ONLY_B:
      return format_count (row->table.b_only);
    case GLOSS_AGREEMENT_COLUMN_NEITHER:
      return format_count (row->table.neither);
    case GLOSS_AGREEMENT_COLUMN_PERCENT:
      if (isnan (row->percent))
        return g_strdup (_("—"));
      /* Translators: a percentage */
      return g_strdup_printf (_("%.1f %%"), 100 * row->percent);
    case GLOSS_AGREEMENT_COLUMN_KAPPA:
      return format_statistic (row->kappa);
    case GLOSS_AGREEMENT_COLUMN_ALPHA:
      return format_statistic (row->alpha);
    case GLOSS_AGREEMENT_COLUMN_NOTE:
      return g_strdup (row->note != NULL ? row->note : "");
    default:
      {
        guint j = (guint) (column - GLOSS_AGREEMENT_COLUMN_CODED_BY);

        if (column < GLOSS_AGREEMENT_COLUMN_CODED_BY || j > row->n_coders || row->units_with == NULL)
          return NULL;
        return format_count (row->units_with[j]);
      }
    }
}

/* The column view ---------------------------------------------------------------- */

static void
set_bold (GtkLabel *label,
          gboolean  bold)
{
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (label, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    gtk_label_set_attributes (label, NULL);
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

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_end (box, 6);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, NULL, NULL);
  gtk_box_append (GTK_BOX (box), swatch);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_width_chars (GTK_LABEL (label), 14);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  g_object_set_data (G_OBJECT (box), "swatch", swatch);
  g_object_set_data (G_OBJECT (box), "label", label);
  gtk_list_item_set_child (list_item, box);
}

static void
code_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GlossAgreementItem *item = gtk_list_item_get_item (list_item);
  const GlossAgreementRow *row = item_row (item);
  GtkWidget *swatch = g_object_get_data (G_OBJECT (box), "swatch");
  GtkLabel *label = g_object_get_data (G_OBJECT (box), "label");
  g_autofree char *text = _gloss_agreement_cell_text (item->result, item->row, GLOSS_AGREEMENT_COLUMN_CODE);
  const char *colour = row->code_id != 0 ? g_hash_table_lookup (item->result->colours, &row->code_id) : NULL;
  GdkRGBA rgba;

  gtk_label_set_text (label, text);
  set_bold (label, row->code_id == 0);
  gtk_widget_set_margin_start (box, row->document_id != 0 ? DOCUMENT_INDENT : 0);

  /* A code's swatch; a report's row is its code's, indented. */
  if (row->document_id == 0 && colour != NULL && gdk_rgba_parse (&rgba, colour))
    {
      g_object_set_data_full (G_OBJECT (swatch), "colour", gdk_rgba_copy (&rgba), (GDestroyNotify) gdk_rgba_free);
      gtk_widget_set_opacity (swatch, 1.0);
    }
  else
    {
      g_object_set_data (G_OBJECT (swatch), "colour", NULL);
      gtk_widget_set_opacity (swatch, 0.0);
    }
  gtk_widget_queue_draw (swatch);

  if (row->document_id != 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_set_tooltip_text (box, row->document_id != 0 ? row->code_path : text);
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int column = GPOINTER_TO_INT (data);

  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  if (column == GLOSS_AGREEMENT_COLUMN_NOTE)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      gtk_widget_add_css_class (label, "dim-label");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  GlossAgreementItem *item = gtk_list_item_get_item (list_item);
  int column = GPOINTER_TO_INT (data);
  g_autofree char *text = _gloss_agreement_cell_text (item->result, item->row, column);

  gtk_label_set_text (label, text != NULL ? text : "");
  set_bold (label, item_row (item)->code_id == 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               column == GLOSS_AGREEMENT_COLUMN_NOTE && text != NULL && text[0] != '\0' ? text : NULL);
}

static void
remove_columns (GlossAgreementView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
add_columns (GlossAgreementView   *self,
             GlossAgreementResult *result)
{
  g_autoptr(GArray) columns = _gloss_agreement_columns (result);

  for (guint i = 0; i < columns->len; i++)
    {
      int id = g_array_index (columns, int, i);
      g_autofree char *title = _gloss_agreement_column_title (result, id);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      if (id == GLOSS_AGREEMENT_COLUMN_CODE)
        {
          g_signal_connect (factory, "setup", G_CALLBACK (code_setup), NULL);
          g_signal_connect (factory, "bind", G_CALLBACK (code_bind), NULL);
        }
      else
        {
          g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), GINT_TO_POINTER (id));
          g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), GINT_TO_POINTER (id));
        }

      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, id == GLOSS_AGREEMENT_COLUMN_NOTE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static char *
columns_signature (GlossAgreementResult *result)
{
  g_autoptr(GString) signature = g_string_new (NULL);

  g_string_append_printf (signature, "%u %d", result->n_coders, result->unit);
  for (guint i = 0; result->coder_names != NULL && i < result->coder_names->len; i++)
    g_string_append_printf (signature, "\n%s", (const char *) g_ptr_array_index (result->coder_names, i));

  return g_string_free (g_steal_pointer (&signature), FALSE);
}

void
_gloss_agreement_view_table_init (GlossAgreementView *self)
{
  self->items = g_list_store_new (GLOSS_TYPE_AGREEMENT_ITEM);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->items));
}

void
_gloss_agreement_view_table_show (GlossAgreementView   *self,
                                  GlossAgreementResult *result)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *signature = result != NULL ? columns_signature (result) : NULL;

  if (g_strcmp0 (signature, self->columns_signature) != 0)
    {
      g_list_store_remove_all (self->items);
      remove_columns (self);
      if (result != NULL)
        add_columns (self, result);
      g_free (self->columns_signature);
      self->columns_signature = g_steal_pointer (&signature);
    }

  for (guint i = 0; result != NULL && i < result->rows->len; i++)
    g_ptr_array_add (items, gloss_agreement_item_new (result, i));

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
}
