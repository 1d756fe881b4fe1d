/* gloss-agreement-view.h: how far the project's coders agree, per code,
 * with the formulas and exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-agreement.h"
#include "gloss-project.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_AGREEMENT_EXPORT_CSV,
  GLOSS_AGREEMENT_EXPORT_CSV_EXCEL,
  GLOSS_AGREEMENT_EXPORT_XLSX,
} GlossAgreementExport;

#define GLOSS_TYPE_AGREEMENT_VIEW (gloss_agreement_view_get_type ())

/* A full-width view for the window's content stack.  Its header chooses
 * the coders (two or more: the first two at first), the unit (characters,
 * sentences, paragraphs), the reports (every report at first), whether a
 * code's units include its sub-codes' codings, and whether each code's
 * row is followed by a row per report.  The table, computed in a thread
 * with gloss_project_compute_agreement(): Code, Reports, Units, then for
 * two coders Both, Only A, Only B, Neither, for more "Coded by 0 … m",
 * then Agreement (percent, two coders only), Cohen's κ (two coders) or
 * Fleiss' κ (more), Krippendorff's α, and a Note; the row "ALL" last, in
 * bold.  A Formulas button states each statistic's formula; the Export
 * menu writes the table as CSV, CSV for Excel or an Excel workbook (with
 * the formulas on a second sheet).
 *
 * Signals: "compare-requested" (gint64 code_id, gint64 document_id) when
 * a row of a code is activated (double click or Enter): compare the first
 * two coders side by side on that code in that report (document_id 0 for
 * a code's row over every report: the window keeps the open report, or
 * opens the first of them).
 *
 * Properties: "project", "unit" (int, GlossAgreementUnit),
 * "with-subcodes", "by-document", "loading" (read-only). */
G_DECLARE_FINAL_TYPE (GlossAgreementView, gloss_agreement_view, GLOSS, AGREEMENT_VIEW, GtkWidget)

GtkWidget          *gloss_agreement_view_new              (void);
GlossProject       *gloss_agreement_view_get_project      (GlossAgreementView *self);
void                gloss_agreement_view_set_project      (GlossAgreementView *self,
                                                           GlossProject       *project);

/* coder_ids: (element-type gint64) two or more of the project's coders,
 * in the order of the columns (A, B …); NULL: the first two. */
void                gloss_agreement_view_set_coders       (GlossAgreementView *self,
                                                           GArray             *coder_ids);
/* (element-type gint64) the coders chosen. */
GArray             *gloss_agreement_view_dup_coders       (GlossAgreementView *self);
GlossAgreementUnit  gloss_agreement_view_get_unit         (GlossAgreementView *self);
void                gloss_agreement_view_set_unit         (GlossAgreementView *self,
                                                           GlossAgreementUnit  unit);
/* document_ids: (element-type gint64) NULL: every report. */
void                gloss_agreement_view_set_documents    (GlossAgreementView *self,
                                                           GArray             *document_ids);
gboolean            gloss_agreement_view_get_with_subcodes (GlossAgreementView *self);
void                gloss_agreement_view_set_with_subcodes (GlossAgreementView *self,
                                                           gboolean            with_subcodes);
gboolean            gloss_agreement_view_get_by_document  (GlossAgreementView *self);
void                gloss_agreement_view_set_by_document  (GlossAgreementView *self,
                                                           gboolean            by_document);

/* Computes the table again. */
void                gloss_agreement_view_reload           (GlossAgreementView *self);
/* TRUE while the table is computed. */
gboolean            gloss_agreement_view_get_loading      (GlossAgreementView *self);

/* The table as shown: its rows (the ALL row last) and columns. */
guint               gloss_agreement_view_get_n_rows       (GlossAgreementView *self);
guint               gloss_agreement_view_get_n_columns    (GlossAgreementView *self);
const char         *gloss_agreement_view_get_column_title (GlossAgreementView *self,
                                                           guint               column);
/* The text of a cell as shown, or NULL when there is none. */
char               *gloss_agreement_view_get_cell_text    (GlossAgreementView *self,
                                                           guint               row,
                                                           guint               column);
/* The same, the column found by its title. */
char               *gloss_agreement_view_get_cell_by_title (GlossAgreementView *self,
                                                           guint               row,
                                                           const char         *title);
/* What activating a row does: emits "compare-requested" for a code's
 * row; FALSE for the ALL row. */
gboolean            gloss_agreement_view_activate_row     (GlossAgreementView *self,
                                                           guint               row);
/* The formulas, as the Formulas button shows them. */
const char         *gloss_agreement_view_get_formulas     (void);

/* Writes the table (CSV, CSV for Excel, XLSX with the formulas as a
 * second sheet) to file in a thread, then shows a toast: what the Export
 * menu does once a file is chosen. */
void                gloss_agreement_view_export_async     (GlossAgreementView  *self,
                                                           GlossAgreementExport kind,
                                                           GFile               *file,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean            gloss_agreement_view_export_finish    (GlossAgreementView  *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* "Demo – Agreement.csv" */
char               *gloss_agreement_view_suggest_file_name (GlossAgreementView  *self,
                                                           GlossAgreementExport kind);

G_END_DECLS
