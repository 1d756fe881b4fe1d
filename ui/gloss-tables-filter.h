/* gloss-tables-filter.h: which reports and coders a table counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-project.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TABLES_FILTER (gloss_tables_filter_get_type ())

G_DECLARE_FINAL_TYPE (GlossTablesFilter, gloss_tables_filter, GLOSS, TABLES_FILTER, GtkWidget)

GtkWidget  *gloss_tables_filter_new                 (void);
void        gloss_tables_filter_set_project         (GlossTablesFilter  *self,
                                                     GlossProject       *project);
/* Reads the reports, attributes and coders again, keeping what is
 * ticked. */
void        gloss_tables_filter_refresh             (GlossTablesFilter  *self);
/* Every report and coder again. */
void        gloss_tables_filter_reset               (GlossTablesFilter  *self);
/* Whether some report or coder is left out. */
gboolean    gloss_tables_filter_is_active           (GlossTablesFilter  *self);

/* Reports chosen by hand: (element-type gint64) the reports ticked, or
 * NULL when every report counts (or reports are chosen by attribute). */
GArray     *gloss_tables_filter_dup_document_ids    (GlossTablesFilter  *self);
/* Reports chosen by an attribute's values: the values ticked ("" for the
 * reports without a value, a year for a date attribute), or NULL when
 * they are not chosen by attribute or every value is ticked. */
char      **gloss_tables_filter_dup_attribute_values (GlossTablesFilter *self,
                                                     gint64             *attribute_id);
/* (element-type gint64) the coders ticked, or NULL for every coder. */
GArray     *gloss_tables_filter_dup_coder_ids       (GlossTablesFilter  *self);

/* Chooses the reports by hand: document_ids (NULL: every report). */
void        gloss_tables_filter_set_document_ids    (GlossTablesFilter  *self,
                                                     GArray             *document_ids);
/* Chooses the reports by the attribute's values (NULL: every value). */
void        gloss_tables_filter_set_attribute_values (GlossTablesFilter *self,
                                                     gint64              attribute_id,
                                                     const char * const *values);
/* coder_ids: (nullable) NULL for every coder. */
void        gloss_tables_filter_set_coder_ids       (GlossTablesFilter  *self,
                                                     GArray             *coder_ids);

G_END_DECLS
