/* gloss-compare-bar-private.h: what the parts of GlossCompareBar share
 *
 * GlossCompareBar is one class in two files: gloss-compare-bar.c (the
 * widget, its choices and the comparison) and gloss-compare-bar-figures.c
 * (the agreement figures, computed in a thread).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-compare-bar.h"

G_BEGIN_DECLS

struct _GlossCompareBar
{
  GtkWidget       parent_instance;

  GlossProject   *project;
  gint64          document_id;
  GArray         *coder_ids;      /* gint64, per item of the coder dropdowns */
  GPtrArray      *coder_names;    /* utf8, the same */
  GArray         *code_ids;       /* gint64, per item of the code dropdown */
  GPtrArray      *code_paths;     /* utf8 "a/b", the same */
  gint64          coder_a;
  gint64          coder_b;
  gint64          code_id;
  gboolean        with_subcodes;
  gboolean        updating;       /* the dropdowns are set from code */

  GCancellable   *cancellable;
  gboolean        loading;
  gboolean        stale;          /* the project changed while hidden */
  guint           reload_source;
  guint           spinner_source;
  gboolean        has_figures;
  double          percent;
  double          kappa;
  double          alpha;
  char           *figures_text;

  /* template children */
  GtkWidget      *box;
  GtkDropDown    *coder_a_dropdown;
  GtkStringList  *coder_a_names;
  GtkDropDown    *coder_b_dropdown;
  GtkStringList  *coder_b_names;
  GtkDropDown    *code_dropdown;
  GtkStringList  *code_names;
  GtkCheckButton *subcodes_check;
  GtkDrawingArea *both_swatch;
  GtkDrawingArea *only_a_swatch;
  GtkDrawingArea *only_b_swatch;
  GtkLabel       *both_label;
  GtkLabel       *only_a_label;
  GtkLabel       *only_b_label;
  GtkSpinner     *spinner;
  GtkLabel       *figures_label;
};

/* gloss-compare-bar.c */
void _gloss_compare_bar_notify_loading (GlossCompareBar *self);

G_END_DECLS
