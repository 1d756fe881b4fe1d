/* gloss-tables-view-private.h: the tables view's parts, shared by its
 * files (the view, its grid of cells, its exports)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-tables-filter.h"
#include "gloss-tables-view.h"

G_BEGIN_DECLS

/* An item of the columns dropdown. */
typedef struct
{
  GlossTableColumns columns;
  gint64            attribute_id;
  gboolean          by_year;
} ColumnChoice;

struct _GlossTablesView
{
  GtkWidget            parent_instance;

  GlossProject        *project;
  GlossTableColumns    columns;
  gint64               attribute_id;
  gboolean             by_year;
  GlossMeasure         measure;
  gboolean             roll_up;
  GlossTablesDisplay   display;
  GlossChartKind       chart_kind;      /* the chart last shown */
  const char          *table_page;      /* the stack's page for the table */
  guint                n_review_rows;

  GlossTable          *table;
  GCancellable        *cancellable;
  gboolean             loading;
  gboolean             stale;
  gboolean             updating;        /* controls set from code */
  guint                reload_source;   /* a project change, debounced */
  guint                spinner_source;  /* the spinner, after 150 ms */
  GArray              *column_choices;  /* ColumnChoice, per item of columns_names */
  char                *summary;
  char                *grid_signature;  /* the columns the grid has */
  GListStore          *rows;            /* GlossTablesRow */
  gboolean             has_active;      /* a cell's passages are shown */
  int                  active_row;
  int                  active_column;

  /* template children */
  GtkWidget           *box;
  GtkLabel            *title_label;
  GtkLabel            *summary_label;
  GtkSpinner          *spinner;
  GtkToggleButton     *table_toggle;
  GtkToggleButton     *bar_toggle;
  GtkToggleButton     *heatmap_toggle;
  GtkToggleButton     *reviews_toggle;
  GtkMenuButton       *export_button;
  GtkWidget           *query_box;
  GtkDropDown         *columns_dropdown;
  GtkStringList       *columns_names;
  GtkDropDown         *measure_dropdown;
  GtkSwitch           *roll_up_switch;
  GtkMenuButton       *filter_button;
  GlossTablesFilter   *filter;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *error_page;
  GtkScrolledWindow   *table_scroller;
  GtkColumnView       *column_view;
  GtkNoSelection      *selection;
  GtkScrolledWindow   *chart_scroller;
  GlossChart          *chart;
  GtkGrid             *reviews_grid;
  GtkWidget           *reviews_empty_label;
  GtkRevealer         *drilldown_revealer;
  GlossTableDrilldown *drilldown;
};

/* A row of the grid: a row of the table, or its totals (row -1). */
#define GLOSS_TYPE_TABLES_ROW (gloss_tables_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossTablesRow, gloss_tables_row, GLOSS, TABLES_ROW, GObject)

/* The text of a cell as the grid shows it: row -2 is the header, column
 * -2 the code column, -1 the totals. */
char  *_gloss_tables_cell_text          (GlossTable      *table,
                                         int              row,
                                         int              column);
/* "Codings by Report" */
char  *_gloss_tables_title              (GlossTable      *table,
                                         GlossTablesView *view);
/* "3 codes × 12 reports" */
char  *_gloss_tables_summary            (GlossTable      *table);
/* Fills the columns dropdown with the project's attributes; returns
 * whether the columns chosen are still there (if not, reports are). */
gboolean _gloss_tables_view_refresh_column_choices (GlossTablesView *self);
/* Selects the columns chosen in the dropdown. */
void   _gloss_tables_view_select_column_choice (GlossTablesView *self);

/* The grid (gloss-tables-view-grid.c). */
void   _gloss_tables_view_grid_init     (GlossTablesView *self);
void   _gloss_tables_view_grid_show     (GlossTablesView *self,
                                         GlossTable      *table);
/* A cell was clicked (in the grid or the chart). */
void   _gloss_tables_view_cell_activated (GlossTablesView *self,
                                         int              row,
                                         int              column);
/* Marks the cell whose passages are shown (none when has_active is
 * FALSE). */
void   _gloss_tables_view_grid_mark_active (GlossTablesView *self);

/* The review summary (gloss-tables-view-reviews.c): fills the grid and
 * the header's title and summary. */
void   _gloss_tables_view_reviews_refresh (GlossTablesView *self);

/* Exports (gloss-tables-view-export.c). */
void   _gloss_tables_view_class_init_export (GtkWidgetClass *widget_class);
void   _gloss_tables_view_update_actions (GlossTablesView *self);

G_END_DECLS
