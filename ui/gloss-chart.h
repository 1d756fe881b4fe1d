/* gloss-chart.h: a table of codings drawn as a bar chart or a heat map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-table.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_CHART_BAR,       /* one horizontal bar per code: its row total */
  GLOSS_CHART_HEATMAP,   /* every cell of the table, shaded by value */
} GlossChartKind;

typedef enum
{
  GLOSS_CHART_FORMAT_PNG,
  GLOSS_CHART_FORMAT_SVG,
  GLOSS_CHART_FORMAT_PDF,
} GlossChartFormat;

#define GLOSS_TYPE_CHART (gloss_chart_get_type ())

G_DECLARE_FINAL_TYPE (GlossChart, gloss_chart, GLOSS, CHART, GtkWidget)

GtkWidget      *gloss_chart_new            (void);
GlossTable     *gloss_chart_get_table      (GlossChart        *self);
/* table: (nullable) */
void            gloss_chart_set_table      (GlossChart        *self,
                                            GlossTable        *table);
GlossChartKind  gloss_chart_get_kind       (GlossChart        *self);
void            gloss_chart_set_kind       (GlossChart        *self,
                                            GlossChartKind     kind);
/* Whether the chart is drawn in the dark style (it follows
 * AdwStyleManager:dark). */
gboolean        gloss_chart_get_dark       (GlossChart        *self);
/* The size the chart asks for: everything readable, nothing clipped. */
void            gloss_chart_get_natural_size (GlossChart      *self,
                                            int               *width,
                                            int               *height);

/* The cell under the point (x, y) of the widget: row and column as
 * gloss_project_list_table_codings() takes them (a bar is its row's total,
 * column -1).  Returns FALSE for a point on no bar or cell. */
gboolean        gloss_chart_hit_test       (GlossChart        *self,
                                            double             x,
                                            double             y,
                                            int               *row,
                                            int               *column);
/* The rectangle of a bar or cell in widget coordinates (FALSE when it is
 * not drawn). */
gboolean        gloss_chart_get_cell_area  (GlossChart        *self,
                                            int                row,
                                            int                column,
                                            graphene_rect_t   *area);

/* Draws the chart at its natural size into a PNG (at twice the pixels,
 * for sharp prints), SVG or PDF file, replacing it.  Exports are always
 * drawn in the light style, on white: they go into reports and slides. */
gboolean        gloss_chart_export         (GlossChart        *self,
                                            const char        *path,
                                            GlossChartFormat   format,
                                            GError           **error);
/* The same, in a thread. */
void            gloss_chart_export_async   (GlossChart        *self,
                                            const char        *path,
                                            GlossChartFormat   format,
                                            GCancellable      *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer           user_data);
gboolean        gloss_chart_export_finish  (GlossChart        *self,
                                            GAsyncResult      *result,
                                            GError           **error);

G_END_DECLS
