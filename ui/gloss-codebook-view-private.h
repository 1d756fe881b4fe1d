/* gloss-codebook-view-private.h: what the rows and the tests use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-codebook-item.h"
#include "gloss-codebook-view.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_CODEBOOK_DROP_INTO,
  GLOSS_CODEBOOK_DROP_BEFORE,
  GLOSS_CODEBOOK_DROP_AFTER,
} GlossCodebookDropZone;

/* The prefix of the string a viewer offers when a text selection is
 * dragged; the codebook accepts only these strings. */
#define GLOSS_SELECTION_DRAG_PREFIX "gloss-selection:"

/* From the rows. */
void        gloss_codebook_view_row_clicked      (GlossCodebookView     *self,
                                                  GlossCodebookItem     *item);
void        gloss_codebook_view_row_multi_press  (GlossCodebookView     *self);
/* Whether the code dragged_id may be dropped on target in zone. */
gboolean    gloss_codebook_view_can_drop_code    (GlossCodebookView     *self,
                                                  gint64                 dragged_id,
                                                  GlossCodebookItem     *target,
                                                  GlossCodebookDropZone  zone);
/* A code (G_TYPE_INT64) or a selection (a string "gloss-selection:…")
 * dropped on target. */
gboolean    gloss_codebook_view_drop             (GlossCodebookView     *self,
                                                  GlossCodebookItem     *target,
                                                  const GValue          *value,
                                                  GlossCodebookDropZone  zone);

/* For tests: the tree as shown (items are GtkTreeListRow), and the dialog
 * the last action opened (NULL when none is open). */
GListModel *gloss_codebook_view_get_model        (GlossCodebookView     *self);
GtkWindow  *gloss_codebook_view_get_dialog       (GlossCodebookView     *self);
GtkEditable *gloss_codebook_view_get_filter_entry (GlossCodebookView    *self);

/* Internal: shared by gloss-codebook-view.c and gloss-codebook-view-actions.c */

struct _GlossCodebookView
{
  GtkWidget           parent_instance;

  GlossProject       *project;
  gint64              document_id;
  gint64              count_coder_id;    /* counts of this coder's codings only (0: all) */

  /* Every code, depth first, and by id. */
  GPtrArray          *codes;
  GHashTable         *codes_by_id;
  GHashTable         *counts_by_id; /* id → GlossCodeCounts */

  /* The tree shown. */
  GtkTreeListModel   *tree;
  GHashTable         *items;        /* id → GlossCodebookItem */
  GArray             *shape;        /* (id, parent id) of each code shown */
  gboolean            tree_filtered;
  GHashTable         *expanded;     /* ids of expanded codes, unfiltered */

  gint64              selected_id;
  gint64              hidden_selected_id; /* selected, then hidden by the filter */
  guint               reset_suppress_source;
  gboolean            suppress_activate;

  GtkWidget          *popover;
  GtkWindow          *dialog;       /* weak */

  /* template children */
  GtkWidget          *box;
  GtkSearchEntry     *filter_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GMenuModel         *context_menu;
};

void        gloss_codebook_view_class_init_actions (GtkWidgetClass     *widget_class);
void        gloss_codebook_view_init_actions     (GlossCodebookView     *self);
void        gloss_codebook_view_update_actions   (GlossCodebookView     *self);
void        gloss_codebook_view_error            (GlossCodebookView     *self,
                                                  const char            *message);
void        gloss_codebook_view_emit_selection_dropped (GlossCodebookView *self,
                                                  gint64                 code_id);
GtkWindow  *gloss_codebook_view_get_parent_window (GlossCodebookView    *self);
/* The snapshot of a code (NULL when unknown); of the selected code. */
GlossCode  *gloss_codebook_view_lookup_code      (GlossCodebookView     *self,
                                                  gint64                 id);
GlossCode  *gloss_codebook_view_get_selected     (GlossCodebookView     *self);
/* Its row in the tree shown, or GTK_INVALID_LIST_POSITION. */
guint       gloss_codebook_view_find_position    (GlossCodebookView     *self,
                                                  gint64                 id);
void        gloss_codebook_view_select_position  (GlossCodebookView     *self,
                                                  guint                  position);
/* (element-type gint64) the codes under parent_id, in order */
GArray     *gloss_codebook_view_list_siblings    (GlossCodebookView     *self,
                                                  gint64                 parent_id);
int         gloss_codebook_view_index_of         (GArray                *ids,
                                                  gint64                 id);
gboolean    gloss_codebook_view_has_subcodes     (GlossCodebookView     *self,
                                                  gint64                 id);
guint       gloss_codebook_view_get_selected_pin (GlossCodebookView     *self);
void        gloss_codebook_view_set_selected_pin (GlossCodebookView     *self,
                                                  guint                  pin);

G_END_DECLS
