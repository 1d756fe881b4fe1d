/* gloss-document-table-private.h: shared by gloss-document-table.c (the
 * table), gloss-document-table-columns.c (its columns) and
 * gloss-document-table-actions.c (its dialogs, its CSV import and its
 * actions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-attributes.h"
#include "gloss-document-table.h"
#include "gloss-document-table-item.h"

G_BEGIN_DECLS

typedef struct _TableColumn TableColumn;

typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_PAGES,
  COLUMN_CODINGS,
  COLUMN_IMPORTED,
  COLUMN_ATTRIBUTE,
} ColumnKind;

/* Shared (g_rc_box) by the table, the column's factory and its sorter. */
struct _TableColumn
{
  GlossDocumentTable  *table;       /* NULL once the table is gone */
  ColumnKind           kind;
  GlossAttribute      *attribute;   /* COLUMN_ATTRIBUTE */
  GtkColumnViewColumn *column;      /* owned by the column view */
  int                  direction;   /* 1 ascending, -1 descending, 0 unsorted */
};

struct _GlossDocumentTable
{
  GtkWidget               parent_instance;

  GlossProject           *project;
  GListStore             *store;
  GPtrArray              *columns;       /* (element-type TableColumn) */
  guint                   reload_source;
  gboolean                dirty;         /* changed while not shown */
  gboolean                importing;
  GCancellable           *cancellable;
  GtkFileChooserNative   *chooser;

  /* Probing the sort direction of a column. */
  GlossDocumentTableItem *probe_low;
  GlossDocumentTableItem *probe_high;
  TableColumn            *probe_column;

  /* template children */
  GtkWidget              *box;
  GtkSearchEntry         *filter_entry;
  GtkLabel               *summary_label;
  GtkStack               *stack;
  GtkColumnView          *column_view;
  GtkMultiSelection      *selection;
  GtkSortListModel       *sort_model;
  GtkFilterListModel     *filter_model;
  GtkStringFilter        *filter;
};

/* In gloss-document-table.c */
void       gloss_document_table_toast           (GlossDocumentTable *self,
                                                 const char         *title);
GtkWindow *gloss_document_table_parent_window   (GlossDocumentTable *self);
void       gloss_document_table_update_state    (GlossDocumentTable *self);
void       gloss_document_table_set_importing   (GlossDocumentTable *self,
                                                 gboolean            importing);

/* In gloss-document-table-columns.c */
void       gloss_document_table_column_release  (gpointer            column);
void       gloss_document_table_add_fixed_columns (GlossDocumentTable *self);
/* One column per attribute (element-type GlossAttribute), in their
 * order; the columns of attributes already shown are kept. */
void       gloss_document_table_update_columns  (GlossDocumentTable *self,
                                                 GPtrArray          *attributes);
/* Connected to the view's sorter before the sort model is: notes which
 * way each column sorts. */
void       gloss_document_table_sorter_changed  (GtkSorter          *sorter,
                                                 GtkSorterChange     change,
                                                 GlossDocumentTable *self);

/* In gloss-document-table-actions.c */
void       gloss_document_table_class_add_actions (GtkWidgetClass   *widget_class);
/* Closes the file chooser, if open, without importing. */
void       gloss_document_table_close_chooser   (GlossDocumentTable *self);

G_END_DECLS
