/* gloss-chart-private.h: the layout and drawing of a chart, shared by
 * the widget (gloss-chart.c) and its drawing (gloss-chart-draw.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-chart.h"

G_BEGIN_DECLS

/* Sizes, in pixels. */
#define MARGIN           16.0
#define INDENT           14.0   /* a sub-code's label, per level */
#define LABEL_MAX        260.0  /* the row labels' column, at most */
#define LABEL_GAP        12.0
#define ROW_H            28.0   /* a bar's row */
#define BAR_H            18.0
#define VALUE_GAP        6.0
#define PLOT_MIN         160.0  /* the longest bar, at least */
#define PLOT_NATURAL     420.0
#define PLOT_MAX         640.0
#define TICK_H           4.0
#define CELL_H           28.0
#define CELL_MIN_W       56.0
#define COLUMN_LABEL_MAX 200.0
#define LEGEND_GAP       18.0
#define LEGEND_BAR_W     180.0
#define LEGEND_BAR_H     12.0
#define SCALE_START      0.15

/* Where everything goes, for one table, kind, font and width. */
typedef struct
{
  guint    n_rows;
  guint    n_columns;
  double   natural_width;
  double   natural_height;
  double   minimum_width;
  double   text_h;
  double   labels_w;
  double   plot_x;
  double   plot_y;
  /* bars */
  double   plot_w;
  double   value_w;
  double   axis_max;
  double   axis_step;
  /* heat map */
  double   cell_w;
  double   header_h;
  double   column_label_w;
  gboolean rotated;
  double   max_value;
} Geometry;

/* Lays the chart out for width (its natural width when width <= 0). */
void     _gloss_chart_compute_geometry (Geometry        *g,
                                        GlossTable      *table,
                                        GlossChartKind   kind,
                                        PangoContext    *context,
                                        double           width);
/* The rectangle of a bar (column -1) or a heat map's cell. */
gboolean _gloss_chart_cell_area        (const Geometry  *g,
                                        GlossChartKind   kind,
                                        GlossTable      *table,
                                        int              row,
                                        int              column,
                                        graphene_rect_t *area);
/* Paints the chart; opaque: on its own background (exports). */
void     _gloss_chart_draw             (cairo_t         *cr,
                                        const Geometry  *g,
                                        GlossTable      *table,
                                        GlossChartKind   kind,
                                        PangoContext    *context,
                                        gboolean         dark,
                                        gboolean         opaque,
                                        double           width,
                                        double           height);
/* "Codings", "Reports", "Characters", "Coverage" */
const char *_gloss_chart_measure_title (GlossMeasure     measure);
/* A column's label as the chart shows it. */
char    *_gloss_chart_column_name      (GlossTable      *table,
                                        guint            column);

G_END_DECLS
