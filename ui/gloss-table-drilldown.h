/* gloss-table-drilldown.h: the coded passages behind a cell of a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-table.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TABLE_DRILLDOWN (gloss_table_drilldown_get_type ())

G_DECLARE_FINAL_TYPE (GlossTableDrilldown, gloss_table_drilldown, GLOSS, TABLE_DRILLDOWN, GtkWidget)

GtkWidget   *gloss_table_drilldown_new          (void);
/* Lists, in a thread, the codings behind the cell (row, column) of table
 * (-1 for a total, as gloss_project_list_table_codings() takes them),
 * under title; cancels a listing under way. */
void         gloss_table_drilldown_load         (GlossTableDrilldown *self,
                                                 GlossProject        *project,
                                                 GlossTable          *table,
                                                 int                  row,
                                                 int                  column,
                                                 const char          *title);
void         gloss_table_drilldown_clear        (GlossTableDrilldown *self);
const char  *gloss_table_drilldown_get_title    (GlossTableDrilldown *self);
/* "3 passages in 2 reports" */
const char  *gloss_table_drilldown_get_summary  (GlossTableDrilldown *self);
gboolean     gloss_table_drilldown_get_loading  (GlossTableDrilldown *self);
/* The cell shown: row and column as given to _load(). */
void         gloss_table_drilldown_get_cell     (GlossTableDrilldown *self,
                                                 int                 *row,
                                                 int                 *column);
/* The rows: a GtkStringObject (the document's name) before each
 * document's GlossCoding passages. */
GListModel  *gloss_table_drilldown_get_model    (GlossTableDrilldown *self);
/* Emits "segment-activated" for the passage at position, as a click does. */
void         gloss_table_drilldown_activate_row (GlossTableDrilldown *self,
                                                 guint                position);

G_END_DECLS
