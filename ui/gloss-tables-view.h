/* gloss-tables-view.h: cross-report tables of codings, with charts and
 * export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-chart.h"
#include "gloss-table-drilldown.h"
#include "gloss-table.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_TABLES_DISPLAY_TABLE,
  GLOSS_TABLES_DISPLAY_BAR_CHART,
  GLOSS_TABLES_DISPLAY_HEAT_MAP,
  GLOSS_TABLES_DISPLAY_REVIEWS,   /* how each coder's codings were reviewed */
} GlossTablesDisplay;

typedef enum
{
  GLOSS_TABLES_EXPORT_CSV,
  GLOSS_TABLES_EXPORT_CSV_EXCEL,
  GLOSS_TABLES_EXPORT_XLSX,
  GLOSS_TABLES_EXPORT_PNG,
  GLOSS_TABLES_EXPORT_SVG,
  GLOSS_TABLES_EXPORT_PDF,
} GlossTablesExport;

#define GLOSS_TYPE_TABLES_VIEW (gloss_tables_view_get_type ())

G_DECLARE_FINAL_TYPE (GlossTablesView, gloss_tables_view, GLOSS, TABLES_VIEW, GtkWidget)

GtkWidget         *gloss_tables_view_new              (void);
GlossProject      *gloss_tables_view_get_project      (GlossTablesView    *self);
void               gloss_tables_view_set_project      (GlossTablesView    *self,
                                                       GlossProject       *project);

/* The query, as the header's controls set it. */
GlossTableColumns  gloss_tables_view_get_columns      (GlossTablesView    *self,
                                                       gint64             *attribute_id,
                                                       gboolean           *by_year);
/* attribute_id and by_year: for GLOSS_TABLE_COLUMNS_ATTRIBUTE. */
void               gloss_tables_view_set_columns      (GlossTablesView    *self,
                                                       GlossTableColumns   columns,
                                                       gint64              attribute_id,
                                                       gboolean            by_year);
GlossMeasure       gloss_tables_view_get_measure      (GlossTablesView    *self);
void               gloss_tables_view_set_measure      (GlossTablesView    *self,
                                                       GlossMeasure        measure);
gboolean           gloss_tables_view_get_roll_up      (GlossTablesView    *self);
void               gloss_tables_view_set_roll_up      (GlossTablesView    *self,
                                                       gboolean            roll_up);
/* Filters, as the filter popover sets them: reports chosen by hand
 * (NULL: every report), reports chosen by an attribute's values, coders
 * (NULL: every coder). */
void               gloss_tables_view_set_document_filter (GlossTablesView *self,
                                                       GArray             *document_ids);
void               gloss_tables_view_set_attribute_filter (GlossTablesView *self,
                                                       gint64              attribute_id,
                                                       const char * const *values);
void               gloss_tables_view_set_coder_filter (GlossTablesView    *self,
                                                       GArray             *coder_ids);
void               gloss_tables_view_reset_filters    (GlossTablesView    *self);

GlossTablesDisplay gloss_tables_view_get_display      (GlossTablesView    *self);
void               gloss_tables_view_set_display      (GlossTablesView    *self,
                                                       GlossTablesDisplay  display);

/* TRUE while a table is computed (in a thread). */
gboolean           gloss_tables_view_get_loading      (GlossTablesView    *self);
/* The table shown (NULL before the first one is computed). */
GlossTable        *gloss_tables_view_get_table        (GlossTablesView    *self);
/* What the table shows in the cell (row, column): rows and columns of the
 * table, -1 for the totals; row -2 is the header.  Column -2 is the code
 * column.  NULL when there is no such cell. */
char              *gloss_tables_view_get_cell_text    (GlossTablesView    *self,
                                                       int                 row,
                                                       int                 column);
/* Shows the passages behind a cell in the drill-down panel, as clicking
 * it does. */
void               gloss_tables_view_activate_cell    (GlossTablesView    *self,
                                                       int                 row,
                                                       int                 column);
GlossTableDrilldown *gloss_tables_view_get_drilldown  (GlossTablesView    *self);
GlossChart        *gloss_tables_view_get_chart        (GlossTablesView    *self);
/* "3 codes × 2 reports" */
const char        *gloss_tables_view_get_summary      (GlossTablesView    *self);
/* With GLOSS_TABLES_DISPLAY_REVIEWS: the text of the review summary's
 * cell: row -1 is the header, columns are coder, codings, agreed,
 * disputed, unreviewed, reviews given.  NULL when there is no such cell. */
char              *gloss_tables_view_get_review_text  (GlossTablesView    *self,
                                                       int                 row,
                                                       int                 column);
/* The number of coders in the review summary. */
guint              gloss_tables_view_get_n_review_rows (GlossTablesView   *self);

/* Writes the table (CSV, CSV for Excel, XLSX) or the chart (PNG, SVG,
 * PDF) to file in a thread, then shows a toast: what the Export menu does
 * once a file is chosen. */
void               gloss_tables_view_export_async     (GlossTablesView    *self,
                                                       GlossTablesExport   kind,
                                                       GFile              *file,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
gboolean           gloss_tables_view_export_finish    (GlossTablesView    *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
/* A file name for an export: "Demo – Codings by Report.csv" */
char              *gloss_tables_view_suggest_file_name (GlossTablesView   *self,
                                                       GlossTablesExport   kind);

/* Computes the table again. */
void               gloss_tables_view_reload           (GlossTablesView    *self);

G_END_DECLS
