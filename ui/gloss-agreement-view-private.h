/* gloss-agreement-view-private.h: the agreement view's parts, shared by
 * its files (the view and its controls, the table, the exports)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-agreement-view.h"

G_BEGIN_DECLS

/* One computation: its rows and what they were computed for. */
typedef struct
{
  grefcount   ref_count;
  GPtrArray  *rows;          /* GlossAgreementRow, ALL last */
  guint       n_coders;
  GPtrArray  *coder_names;   /* utf8, in the order of the columns */
  GHashTable *colours;       /* code id (gint64 *) → "#rrggbb" */
  GlossAgreementUnit unit;
} GlossAgreementResult;

GlossAgreementResult *_gloss_agreement_result_ref   (GlossAgreementResult *result);
void                  _gloss_agreement_result_unref (GlossAgreementResult *result);
/* The coders' names, joined by ", ". */
char                 *_gloss_agreement_result_dup_coders (GlossAgreementResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAgreementResult, _gloss_agreement_result_unref)

struct _GlossAgreementView
{
  GtkWidget             parent_instance;

  GlossProject         *project;
  GArray               *coder_ids;       /* gint64: the coders chosen, in order */
  GArray               *document_ids;    /* gint64, or NULL: every report */
  GlossAgreementUnit    unit;
  gboolean              with_subcodes;
  gboolean              by_document;

  GlossAgreementResult *result;
  GCancellable         *cancellable;
  gboolean              loading;
  gboolean              stale;
  gboolean              updating;        /* controls set from code */
  guint                 reload_source;
  guint                 spinner_source;
  char                 *columns_signature;  /* the columns the table has */
  GListStore           *items;           /* GlossAgreementItem */

  /* template children */
  GtkWidget            *box;
  GtkLabel             *title_label;
  GtkLabel             *summary_label;
  GtkSpinner           *spinner;
  GtkMenuButton        *formulas_button;
  GtkLabel             *formulas_label;
  GtkMenuButton        *export_button;
  GtkMenuButton        *coders_button;
  GtkListBox           *coders_list;
  GtkDropDown          *unit_dropdown;
  GtkMenuButton        *documents_button;
  GtkListBox           *documents_list;
  GtkSwitch            *subcodes_switch;
  GtkSwitch            *by_document_switch;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  GtkColumnView        *column_view;
  GtkSingleSelection   *selection;
};

/* A row of the table. */
#define GLOSS_TYPE_AGREEMENT_ITEM (gloss_agreement_item_get_type ())

G_DECLARE_FINAL_TYPE (GlossAgreementItem, gloss_agreement_item, GLOSS, AGREEMENT_ITEM, GObject)

/* The columns (gloss-agreement-view-table.c). */
typedef enum
{
  GLOSS_AGREEMENT_COLUMN_CODE,
  GLOSS_AGREEMENT_COLUMN_DOCUMENTS,
  GLOSS_AGREEMENT_COLUMN_UNITS,
  GLOSS_AGREEMENT_COLUMN_BOTH,
  GLOSS_AGREEMENT_COLUMN_ONLY_A,
  GLOSS_AGREEMENT_COLUMN_ONLY_B,
  GLOSS_AGREEMENT_COLUMN_NEITHER,
  GLOSS_AGREEMENT_COLUMN_CODED_BY,   /* + j for "coded by j coders", more than two */
  GLOSS_AGREEMENT_COLUMN_PERCENT = 100,
  GLOSS_AGREEMENT_COLUMN_KAPPA,
  GLOSS_AGREEMENT_COLUMN_ALPHA,
  GLOSS_AGREEMENT_COLUMN_NOTE,
} GlossAgreementColumn;

/* The columns of a result, in order (element-type int). */
GArray *_gloss_agreement_columns          (GlossAgreementResult *result);
char   *_gloss_agreement_column_title     (GlossAgreementResult *result,
                                           int                   column);
char   *_gloss_agreement_cell_text        (GlossAgreementResult *result,
                                           guint                 row,
                                           int                   column);
/* Shows result in the table (NULL: empty), making the columns again when
 * they change. */
void    _gloss_agreement_view_table_init  (GlossAgreementView   *self);
void    _gloss_agreement_view_table_show  (GlossAgreementView   *self,
                                           GlossAgreementResult *result);

/* Exports and formulas (gloss-agreement-view-export.c). */
void    _gloss_agreement_view_class_init_export (GtkWidgetClass *widget_class);
void    _gloss_agreement_view_update_actions    (GlossAgreementView *self);

G_END_DECLS
