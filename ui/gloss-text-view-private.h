/* gloss-text-view-private.h: what the parts of GlossTextView share
 *
 * GlossTextView is one class in two files: gloss-text-view.c (the
 * GObject, the text, the selection and its drag, input) and
 * gloss-text-view-codings.c (the codings' highlights and stripes, the
 * comparison of two coders, clicking a coding).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-coding-stripes.h"
#include "gloss-comparison.h"
#include "gloss-text-view.h"

G_BEGIN_DECLS

struct _GlossTextView
{
  GtkTextView         parent_instance;

  GlossLayout        *layout;
  guint               sel_start;
  guint               sel_end;

  GlossCodingStripes *stripes;          /* the left gutter */
  GtkAdjustment      *vadjustment;      /* watched for the stripes */
  GPtrArray          *codings;          /* GlossCoding */
  GlossComparison    *comparison;       /* comparison mode, or NULL */
  GArray             *marks;            /* GlossStripe, columns assigned */
  GPtrArray          *tags;             /* the highlight tags made */
  GtkTextTag         *selected_tag;
  gint64              selected;
  gint64              outlined_coder;

  gboolean            pressed;
  double              press_x;
  double              press_y;

  GtkDragSource      *drag_source;
  gboolean            press_in_selection;  /* the press may drag the selection out */
  gboolean            selection_dragged;   /* and it did */
};

/* gloss-text-view.c */
void     _gloss_text_view_notify_selected_coding (GlossTextView *self);
void     _gloss_text_view_emit_coding_clicked    (GlossTextView *self,
                                                  gint64         coding_id);

/* gloss-text-view-codings.c */
/* Computes the marks (and stripes, highlights) from the codings or the
 * comparison. */
void     _gloss_text_view_rebuild_marks          (GlossTextView *self);
void     _gloss_text_view_set_selected           (GlossTextView *self,
                                                  gint64         coding_id);
/* Selects the coding and emits "coding-clicked". */
void     _gloss_text_view_activate_coding        (GlossTextView *self,
                                                  gint64         coding_id);
/* Forgets the codings and the comparison (the text changes). */
void     _gloss_text_view_clear_codings          (GlossTextView *self);

G_END_DECLS
