/* gloss-chart-draw.c: how a chart is laid out and drawn
 *
 * The one drawing function of GlossChart, for the screen and the exports
 * alike: it takes a cairo context, a Pango context and the table, lays the
 * chart out (row labels at the left, then the bars or the grid of cells)
 * and paints it.  Nothing here touches a widget, so that an export may draw
 * in a thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "gloss-chart-private.h"

#define SIN45 0.70710678118654752

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA axis;
  GdkRGBA empty;      /* a cell without codings */
  GdkRGBA undefined;  /* the diagonal of a co-occurrence table */
  GdkRGBA background;
  /* The heat map's sequential scale, from few to many. */
  GdkRGBA scale[5];
} Palette;

/* Colours ------------------------------------------------------------------ */

static void
rgba_from_hex (GdkRGBA    *rgba,
               const char *hex)
{
  if (!gdk_rgba_parse (rgba, hex))
    *rgba = (GdkRGBA) { 0.5f, 0.5f, 0.5f, 1.0f };
}

static void
palette_init (Palette  *p,
              gboolean  dark)
{
  /* The GNOME palette's blues, from light to deep (light style), or from
   * deep to light (dark style): the more codings, the further from the
   * background. */
  static const char * const light_scale[5] = { "#e3eefb", "#99c1f1", "#3584e4", "#1a5fb4", "#0f3b72" };
  static const char * const dark_scale[5] = { "#1d2d44", "#1a5fb4", "#3584e4", "#78aeed", "#c5dcf8" };

  for (guint i = 0; i < 5; i++)
    rgba_from_hex (&p->scale[i], dark ? dark_scale[i] : light_scale[i]);

  if (dark)
    {
      p->fg = (GdkRGBA) { 1.0f, 1.0f, 1.0f, 0.90f };
      p->dim = (GdkRGBA) { 1.0f, 1.0f, 1.0f, 0.60f };
      p->grid = (GdkRGBA) { 1.0f, 1.0f, 1.0f, 0.10f };
      p->axis = (GdkRGBA) { 1.0f, 1.0f, 1.0f, 0.40f };
      p->empty = (GdkRGBA) { 1.0f, 1.0f, 1.0f, 0.06f };
      p->undefined = (GdkRGBA) { 1.0f, 1.0f, 1.0f, 0.03f };
      rgba_from_hex (&p->background, "#1e1e1e");
    }
  else
    {
      p->fg = (GdkRGBA) { 0.0f, 0.0f, 0.0f, 0.80f };
      p->dim = (GdkRGBA) { 0.0f, 0.0f, 0.0f, 0.55f };
      p->grid = (GdkRGBA) { 0.0f, 0.0f, 0.0f, 0.08f };
      p->axis = (GdkRGBA) { 0.0f, 0.0f, 0.0f, 0.35f };
      p->empty = (GdkRGBA) { 0.0f, 0.0f, 0.0f, 0.04f };
      p->undefined = (GdkRGBA) { 0.0f, 0.0f, 0.0f, 0.02f };
      rgba_from_hex (&p->background, "#ffffff");
    }
}

/* The scale's colour at t, from 0 to 1. */
static GdkRGBA
palette_scale (const Palette *p,
               double         t)
{
  double pos = CLAMP (t, 0.0, 1.0) * 4.0;
  guint i = MIN ((guint) pos, 3);
  double f = pos - i;
  const GdkRGBA *a = &p->scale[i], *b = &p->scale[i + 1];

  return (GdkRGBA) {
    (float) (a->red + (b->red - a->red) * f),
    (float) (a->green + (b->green - a->green) * f),
    (float) (a->blue + (b->blue - a->blue) * f),
    1.0f,
  };
}

/* Where a value sits on the scale: the least value stays clear of the
 * empty cells' colour. */
static double
scale_position (double value,
                double max)
{
  return SCALE_START + (1 - SCALE_START) * CLAMP (value / max, 0, 1);
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/* The relative luminance (WCAG), from 0 (black) to 1 (white). */
static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * linear (c->red) + 0.7152 * linear (c->green) + 0.0722 * linear (c->blue);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

/* Text --------------------------------------------------------------------- */

static PangoLayout *
text_layout (PangoContext *context,
             const char   *text,
             gboolean      bold,
             gboolean      numeric,
             double        max_width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (numeric)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  return width;
}

static double
text_width (PangoContext *context,
            const char   *text,
            gboolean      bold,
            gboolean      numeric)
{
  g_autoptr(PangoLayout) layout = text_layout (context, text, bold, numeric, -1);

  return layout_width (layout);
}

/* Draws text with its left (xalign 0), centre (0.5) or right (1) at x and
 * its vertical middle at y. */
static void
draw_text (cairo_t       *cr,
           PangoLayout   *layout,
           double         x,
           double         y,
           double         xalign,
           const GdkRGBA *colour)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  set_source (cr, colour);
  cairo_move_to (cr, round (x - width * xalign), round (y - height / 2.0));
  pango_cairo_show_layout (cr, layout);
}

/* A row's label: the code's name (its path's last part). */
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

/* A column's label: a code's name (as its row shows it) for
 * co-occurrence, "(No Value)" for the reports without one. */
char *
_gloss_chart_column_name (GlossTable *table,
                          guint       column)
{
  const char *label = gloss_table_get_column_label (table, column);
  const char *slash;

  if (label == NULL)
    return g_strdup (_("(No Value)"));

  slash = strrchr (label, '/');
  if (gloss_table_get_query (table)->columns == GLOSS_TABLE_COLUMNS_COOCCURRENCE &&
      slash != NULL && slash[1] != '\0')
    return g_strdup (slash + 1);

  return g_strdup (label);
}

const char *
_gloss_chart_measure_title (GlossMeasure measure)
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

/* An axis tick's label: whole numbers, or a percentage with as many
 * decimals as the step needs. */
static char *
format_tick (GlossMeasure measure,
             double       value,
             double       step)
{
  if (measure == GLOSS_MEASURE_COVERAGE)
    {
      int decimals = step * 100 >= 1 ? 0 : (int) ceil (-log10 (step * 100));

      return g_strdup_printf ("%.*f%%", decimals, value * 100);
    }

  return g_strdup_printf ("%.0f", value);
}

/* Geometry ----------------------------------------------------------------- */

static double
row_total (GlossTable *table,
           guint       row)
{
  double value = gloss_table_get_row_total (table, row);

  return isnan (value) ? 0 : value;
}

static void
nice_axis (double        max,
           GlossMeasure  measure,
           double       *axis_max,
           double       *axis_step)
{
  double raw, magnitude, norm, step;

  if (!(max > 0))
    {
      *axis_step = measure == GLOSS_MEASURE_COVERAGE ? 0.25 : 1;
      *axis_max = measure == GLOSS_MEASURE_COVERAGE ? 1 : 1;
      return;
    }

  raw = max / 5;
  magnitude = pow (10, floor (log10 (raw)));
  norm = raw / magnitude;
  if (norm <= 1)
    step = magnitude;
  else if (norm <= 2)
    step = 2 * magnitude;
  else if (norm <= 5)
    step = 5 * magnitude;
  else
    step = 10 * magnitude;
  if (measure != GLOSS_MEASURE_COVERAGE)
    step = MAX (step, 1);

  *axis_step = step;
  *axis_max = ceil (max / step - 1e-9) * step;
}

/* The row labels' column: the widest label with its indent, at most
 * LABEL_MAX. */
static double
measure_row_labels (GlossTable   *table,
                    PangoContext *context)
{
  guint n_rows = gloss_table_get_n_rows (table);
  double widest = 0;

  for (guint i = 0; i < n_rows; i++)
    widest = MAX (widest, INDENT * gloss_table_get_row_depth (table, i) +
                          text_width (context, row_name (table, i), FALSE, FALSE));

  return ceil (MIN (widest, LABEL_MAX));
}

void
_gloss_chart_compute_geometry (Geometry       *g,
                               GlossTable     *table,
                               GlossChartKind  kind,
                               PangoContext   *context,
                               double          width)
{
  GlossMeasure measure = gloss_table_get_measure (table);
  g_autoptr(PangoLayout) probe = text_layout (context, "Xg", FALSE, FALSE, -1);
  int probe_w, probe_h;

  memset (g, 0, sizeof *g);
  g->n_rows = gloss_table_get_n_rows (table);
  g->n_columns = gloss_table_get_n_columns (table);
  pango_layout_get_pixel_size (probe, &probe_w, &probe_h);
  g->text_h = probe_h;
  g->labels_w = measure_row_labels (table, context);
  g->plot_x = MARGIN + g->labels_w + LABEL_GAP;

  if (kind == GLOSS_CHART_BAR)
    {
      double max = 0;
      double extra;

      for (guint i = 0; i < g->n_rows; i++)
        {
          g_autofree char *text = gloss_measure_format (measure, row_total (table, i));

          max = MAX (max, row_total (table, i));
          g->value_w = MAX (g->value_w, text_width (context, text, FALSE, TRUE));
        }
      g->max_value = max;
      nice_axis (max, measure, &g->axis_max, &g->axis_step);
      {
        g_autofree char *last = format_tick (measure, g->axis_max, g->axis_step);

        /* The last tick's label is centred on the plot's end. */
        extra = MAX (g->value_w + VALUE_GAP, text_width (context, last, FALSE, TRUE) / 2);
      }

      g->plot_y = MARGIN;
      g->natural_width = ceil (g->plot_x + PLOT_NATURAL + extra + MARGIN);
      g->minimum_width = ceil (g->plot_x + PLOT_MIN + extra + MARGIN);
      g->natural_height = ceil (g->plot_y + g->n_rows * ROW_H + TICK_H + 4 +
                                g->text_h + 6 + g->text_h + MARGIN);
      if (width > 0)
        g->plot_w = CLAMP (width - g->plot_x - extra - MARGIN, PLOT_MIN, PLOT_MAX);
      else
        g->plot_w = PLOT_NATURAL;
    }
  else
    {
      double widest_value = 0;
      double widest_label = 0;
      double grid_right, right = 0;
      double legend_right;

      for (guint i = 0; i < g->n_rows; i++)
        for (guint j = 0; j < g->n_columns; j++)
          {
            g_autofree char *text = gloss_measure_format (measure, gloss_table_get_value (table, i, j));

            widest_value = MAX (widest_value, text_width (context, text, FALSE, TRUE));
          }
      g->max_value = gloss_table_get_max_value (table);
      g->cell_w = ceil (MAX (CELL_MIN_W, widest_value + 16));

      for (guint j = 0; j < g->n_columns; j++)
        {
          g_autofree char *name = _gloss_chart_column_name (table, j);

          widest_label = MAX (widest_label, text_width (context, name, FALSE, FALSE));
        }
      g->column_label_w = MIN (widest_label, COLUMN_LABEL_MAX);
      g->rotated = g->column_label_w > g->cell_w - 8;
      if (g->rotated)
        g->header_h = ceil (g->column_label_w * SIN45 + g->text_h * SIN45 + 10);
      else
        g->header_h = ceil (g->text_h + 10);

      g->plot_y = MARGIN + g->header_h;
      grid_right = g->plot_x + g->n_columns * g->cell_w;
      right = grid_right;
      if (g->rotated)
        for (guint j = 0; j < g->n_columns; j++)
          {
            g_autofree char *name = _gloss_chart_column_name (table, j);
            double w = MIN (text_width (context, name, FALSE, FALSE), COLUMN_LABEL_MAX);
            double cx = g->plot_x + (j + 0.5) * g->cell_w;

            right = MAX (right, cx + w * SIN45 + g->text_h * SIN45);
          }

      {
        g_autofree char *max_text = gloss_measure_format (measure, g->max_value);

        legend_right = g->plot_x + text_width (context, _gloss_chart_measure_title (measure), TRUE, FALSE) + 12 +
                       text_width (context, "0", FALSE, TRUE) + 6 + LEGEND_BAR_W + 6 +
                       text_width (context, max_text, FALSE, TRUE);
      }

      g->natural_width = ceil (MAX (right, legend_right) + MARGIN);
      g->minimum_width = g->natural_width;
      g->natural_height = ceil (g->plot_y + g->n_rows * CELL_H + LEGEND_GAP +
                                MAX (g->text_h, LEGEND_BAR_H) + MARGIN);
    }
}

gboolean
_gloss_chart_cell_area (const Geometry *g,
                        GlossChartKind  kind,
                        GlossTable     *table,
                        int             row,
                        int             column,
                        graphene_rect_t *area)
{
  if (row < 0 || (guint) row >= g->n_rows)
    return FALSE;

  if (kind == GLOSS_CHART_BAR)
    {
      double value = row_total (table, row);
      double len = g->axis_max > 0 ? g->plot_w * value / g->axis_max : 0;

      if (column != -1)
        return FALSE;
      graphene_rect_init (area, g->plot_x, g->plot_y + row * ROW_H + (ROW_H - BAR_H) / 2,
                          MAX (len, 1), BAR_H);
      return TRUE;
    }

  if (column < 0 || (guint) column >= g->n_columns)
    return FALSE;
  graphene_rect_init (area, g->plot_x + column * g->cell_w, g->plot_y + row * CELL_H,
                      g->cell_w, CELL_H);
  return TRUE;
}

/* Drawing ------------------------------------------------------------------ */

static void
draw_row_labels (cairo_t        *cr,
                 const Geometry *g,
                 GlossTable     *table,
                 PangoContext   *context,
                 const Palette  *p,
                 double          row_h)
{
  for (guint i = 0; i < g->n_rows; i++)
    {
      double indent = MIN (INDENT * gloss_table_get_row_depth (table, i), g->labels_w / 2);
      g_autoptr(PangoLayout) layout = text_layout (context, row_name (table, i), FALSE, FALSE,
                                                   g->labels_w - indent);

      draw_text (cr, layout, MARGIN + indent, g->plot_y + (i + 0.5) * row_h, 0, &p->fg);
    }
}

static void
draw_bars (cairo_t        *cr,
           const Geometry *g,
           GlossTable     *table,
           PangoContext   *context,
           const Palette  *p)
{
  GlossMeasure measure = gloss_table_get_measure (table);
  double bottom = g->plot_y + g->n_rows * ROW_H;
  guint n_ticks = (guint) round (g->axis_max / g->axis_step);

  draw_row_labels (cr, g, table, context, p, ROW_H);

  /* Grid lines and the axis' ticks. */
  cairo_set_line_width (cr, 1);
  for (guint t = 0; t <= n_ticks; t++)
    {
      double value = t * g->axis_step;
      double x = round (g->plot_x + g->plot_w * value / g->axis_max) + 0.5;
      g_autofree char *text = format_tick (measure, value, g->axis_step);
      g_autoptr(PangoLayout) layout = text_layout (context, text, FALSE, TRUE, -1);

      set_source (cr, t == 0 ? &p->axis : &p->grid);
      cairo_move_to (cr, x, g->plot_y);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      set_source (cr, &p->axis);
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + TICK_H);
      cairo_stroke (cr);
      draw_text (cr, layout, x, bottom + TICK_H + 2 + g->text_h / 2, 0.5, &p->dim);
    }
  set_source (cr, &p->axis);
  cairo_move_to (cr, g->plot_x, round (bottom) + 0.5);
  cairo_line_to (cr, g->plot_x + g->plot_w, round (bottom) + 0.5);
  cairo_stroke (cr);

  {
    g_autoptr(PangoLayout) title = text_layout (context, _gloss_chart_measure_title (measure), TRUE, FALSE, -1);

    draw_text (cr, title, g->plot_x + g->plot_w / 2,
               bottom + TICK_H + 2 + g->text_h + 6 + g->text_h / 2, 0.5, &p->dim);
  }

  for (guint i = 0; i < g->n_rows; i++)
    {
      double value = row_total (table, i);
      graphene_rect_t area;
      GdkRGBA colour;
      g_autofree char *text = gloss_measure_format (measure, value);
      g_autoptr(PangoLayout) layout = text_layout (context, text, FALSE, TRUE, -1);

      _gloss_chart_cell_area (g, GLOSS_CHART_BAR, table, i, -1, &area);
      if (!gdk_rgba_parse (&colour, gloss_table_get_row_colour (table, i)))
        colour = (GdkRGBA) { 0.6f, 0.6f, 0.6f, 1.0f };

      if (value > 0)
        {
          double r = MIN (3, area.size.width / 2);
          double x = area.origin.x, y = area.origin.y;
          double w = area.size.width, h = area.size.height;

          /* Square at the axis, rounded at the end. */
          cairo_new_sub_path (cr);
          cairo_move_to (cr, x, y);
          cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
          cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
          cairo_line_to (cr, x, y + h);
          cairo_close_path (cr);
          set_source (cr, &colour);
          cairo_fill_preserve (cr);
          /* A rim, so that pale colours show on white. */
          cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }

      draw_text (cr, layout, area.origin.x + (value > 0 ? area.size.width : 0) + VALUE_GAP,
                 area.origin.y + area.size.height / 2, 0, &p->fg);
    }
}

static void
draw_legend (cairo_t        *cr,
             const Geometry *g,
             GlossTable     *table,
             PangoContext   *context,
             const Palette  *p)
{
  GlossMeasure measure = gloss_table_get_measure (table);
  double y = g->plot_y + g->n_rows * CELL_H + LEGEND_GAP + MAX (g->text_h, LEGEND_BAR_H) / 2;
  double x = g->plot_x;
  g_autoptr(PangoLayout) title = text_layout (context, _gloss_chart_measure_title (measure), TRUE, FALSE, -1);
  g_autofree char *zero_text = gloss_measure_format (measure, 0);
  g_autofree char *max_text = gloss_measure_format (measure, g->max_value);
  g_autoptr(PangoLayout) zero = text_layout (context, zero_text, FALSE, TRUE, -1);
  g_autoptr(PangoLayout) max = text_layout (context, max_text, FALSE, TRUE, -1);
  cairo_pattern_t *gradient;

  draw_text (cr, title, x, y, 0, &p->dim);
  x += layout_width (title) + 12;
  draw_text (cr, zero, x, y, 0, &p->dim);
  x += layout_width (zero) + 6;

  gradient = cairo_pattern_create_linear (x, 0, x + LEGEND_BAR_W, 0);
  for (guint i = 0; i <= 8; i++)
    {
      GdkRGBA c = palette_scale (p, SCALE_START + (1 - SCALE_START) * i / 8.0);

      cairo_pattern_add_color_stop_rgb (gradient, i / 8.0, c.red, c.green, c.blue);
    }
  cairo_rectangle (cr, x, round (y - LEGEND_BAR_H / 2), LEGEND_BAR_W, LEGEND_BAR_H);
  cairo_set_source (cr, gradient);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (gradient);
  set_source (cr, &p->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  x += LEGEND_BAR_W + 6;

  draw_text (cr, max, x, y, 0, &p->dim);
}

static void
draw_heatmap (cairo_t        *cr,
              const Geometry *g,
              GlossTable     *table,
              PangoContext   *context,
              const Palette  *p)
{
  GlossMeasure measure = gloss_table_get_measure (table);

  draw_row_labels (cr, g, table, context, p, CELL_H);

  /* Column labels. */
  for (guint j = 0; j < g->n_columns; j++)
    {
      g_autofree char *name = _gloss_chart_column_name (table, j);
      double cx = g->plot_x + (j + 0.5) * g->cell_w;

      if (g->rotated)
        {
          g_autoptr(PangoLayout) layout = text_layout (context, name, FALSE, FALSE, COLUMN_LABEL_MAX);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          cairo_save (cr);
          /* The label's baseline rises from the column's centre. */
          cairo_translate (cr, cx - h * SIN45 / 2, g->plot_y - 6);
          cairo_rotate (cr, -G_PI / 4);
          set_source (cr, &p->fg);
          cairo_move_to (cr, 0, -h / 2.0);
          pango_cairo_show_layout (cr, layout);
          cairo_restore (cr);
        }
      else
        {
          g_autoptr(PangoLayout) layout = text_layout (context, name, FALSE, FALSE, g->cell_w - 4);

          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          draw_text (cr, layout, cx, g->plot_y - 5 - g->text_h / 2, 0.5, &p->fg);
        }
    }

  for (guint i = 0; i < g->n_rows; i++)
    for (guint j = 0; j < g->n_columns; j++)
      {
        double value = gloss_table_get_value (table, i, j);
        double x = g->plot_x + j * g->cell_w, y = g->plot_y + i * CELL_H;
        GdkRGBA fill;
        const GdkRGBA *text_colour;
        GdkRGBA light = { 1, 1, 1, 0.95f }, dark = { 0, 0, 0, 0.85f };

        if (isnan (value))
          fill = p->undefined;
        else if (value <= 0 || !(g->max_value > 0))
          fill = p->empty;
        else
          fill = palette_scale (p, scale_position (value, g->max_value));

        /* A gap of one pixel between cells. */
        cairo_rectangle (cr, x + 0.5, y + 0.5, g->cell_w - 1, CELL_H - 1);
        set_source (cr, &fill);
        cairo_fill (cr);

        if (isnan (value))
          {
            cairo_set_line_width (cr, 1);
            set_source (cr, &p->grid);
            cairo_move_to (cr, x + 4, y + CELL_H - 4);
            cairo_line_to (cr, x + g->cell_w - 4, y + 4);
            cairo_stroke (cr);
            continue;
          }

        if (value <= 0 || fill.alpha < 1)
          text_colour = &p->dim;
        else
          text_colour = luminance (&fill) > 0.3 ? &dark : &light;

        {
          g_autofree char *text = gloss_measure_format (measure, value);
          g_autoptr(PangoLayout) layout = text_layout (context, text, FALSE, TRUE, -1);

          if (layout_width (layout) <= g->cell_w - 4)
            draw_text (cr, layout, x + g->cell_w / 2, y + CELL_H / 2, 0.5, text_colour);
        }
      }

  draw_legend (cr, g, table, context, p);
}

void
_gloss_chart_draw (cairo_t        *cr,
                   const Geometry *g,
                   GlossTable     *table,
                   GlossChartKind  kind,
                   PangoContext   *context,
                   gboolean        dark,
                   gboolean        opaque,
                   double          width,
                   double          height)
{
  Palette p;

  palette_init (&p, dark);

  if (opaque)
    {
      set_source (cr, &p.background);
      cairo_paint (cr);
    }

  if (kind == GLOSS_CHART_BAR)
    draw_bars (cr, g, table, context, &p);
  else
    draw_heatmap (cr, g, table, context, &p);
}
