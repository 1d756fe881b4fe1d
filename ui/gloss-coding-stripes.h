/* gloss-coding-stripes.h: coding stripes, one bar per coding beside the
 * text (as MAXQDA draws them), and what the two viewers share to draw
 * codings: colours, column assignment, bars, tooltips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-coding.h"

G_BEGIN_DECLS

/* Logical pixels. */
#define GLOSS_STRIPE_WIDTH  4.0
#define GLOSS_STRIPE_GAP    2.0
#define GLOSS_STRIPE_INSET  6.0    /* between the text (or page) and the first column */
/* In comparison mode each coder's stripes have a group of columns this
 * wide (four columns at full width), coder B's next to the text, coder
 * A's beyond them, each under a label of LABEL_HEIGHT. */
#define GLOSS_STRIPE_GROUP_WIDTH   (GLOSS_STRIPE_INSET + 4 * (GLOSS_STRIPE_WIDTH + GLOSS_STRIPE_GAP))
#define GLOSS_STRIPE_LABEL_HEIGHT  16.0

/* The alpha of a coding's highlight over its glyphs, and of the selected
 * coding's. */
#define GLOSS_HIGHLIGHT_ALPHA          0.30
#define GLOSS_HIGHLIGHT_SELECTED_ALPHA 0.55

/* One coding as a viewer draws it.  y1 and y2 are in whatever unit the
 * viewer assigns columns in (points on a PDF page, lines of a text). */
typedef struct
{
  GlossCoding *coding;      /* borrowed from the viewer's array */
  gint64       id;
  gint64       coder_id;
  guint        start;       /* code points, end exclusive */
  guint        end;
  GdkRGBA      colour;      /* opaque */
  double       y1;
  double       y2;
  guint        column;
  guint        group;       /* comparison mode: 0 coder A, 1 coder B */
} GlossStripe;

/* The colour of the coding's code, opaque; grey when it is not "#rrggbb". */
void      gloss_coding_get_rgba              (GlossCoding           *coding,
                                              GdkRGBA               *rgba);
/* Fills a GlossStripe from a coding (y1, y2 and column zero). */
void      gloss_stripe_init                  (GlossStripe           *stripe,
                                              GlossCoding           *coding);
/* Assigns columns greedily by y1 (longer first among equals): a stripe
 * takes the first column whose last stripe ends more than gap before its
 * y1.  Sorts stripes by y1.  Returns the number of columns. */
guint     gloss_stripes_assign_columns       (GArray                *stripes,
                                              double                 gap);
/* The same for the stripes of one group only (the others keep their
 * columns); returns that group's number of columns. */
guint     gloss_stripes_assign_group_columns (GArray                *stripes,
                                              guint                  group,
                                              double                 gap);
/* The bar of column (0 nearest the text) in a margin whose edge next to
 * the text is at edge_x, extending left; at most max_width wide in all.
 * Many columns are drawn narrower, down to 2 px; FALSE for a column past
 * the room even then. */
gboolean  gloss_stripes_bar_x                (double                 edge_x,
                                              guint                  column,
                                              guint                  n_columns,
                                              double                 max_width,
                                              double                *x,
                                              double                *width);
/* The column under a point dx to the left of the edge, or -1. */
int       gloss_stripes_column_at            (double                 dx,
                                              guint                  n_columns,
                                              double                 max_width);
void      gloss_stripes_append_bar           (GtkSnapshot           *snapshot,
                                              const graphene_rect_t *bar,
                                              const GdkRGBA         *colour,
                                              gboolean               selected,
                                              gboolean               outlined);
/* A border of width around rect (drawn outside it). */
void      gloss_stripes_append_outline       (GtkSnapshot           *snapshot,
                                              const graphene_rect_t *rect,
                                              const GdkRGBA         *colour,
                                              double                 width);
/* A coder's label over their group of stripes: text in small bold
 * letters in colour, centred on centre_x, its top at top.  The layout is
 * made for widget. */
void      gloss_stripes_append_label         (GtkSnapshot           *snapshot,
                                              GtkWidget             *widget,
                                              const char            *text,
                                              const GdkRGBA         *colour,
                                              double                 centre_x,
                                              double                 top);
/* Pango markup: the code path, the coder and the start of the quote. */
char     *gloss_coding_dup_tooltip_markup    (GlossCoding           *coding);
/* A darker shade of colour for outlines, opaque. */
void      gloss_rgba_darken                  (const GdkRGBA         *colour,
                                              double                 factor,
                                              GdkRGBA               *out);

#define GLOSS_TYPE_CODING_STRIPES (gloss_coding_stripes_get_type ())

/* GlossCodingStripes is the stripe margin of a GtkTextView, put in one of
 * its gutters (gtk_text_view_set_gutter); it draws the stripes of the
 * visible codings at the height of their text and emits "coding-clicked"
 * (gint64 coding id) when a bar is clicked.  y1 and y2 of its stripes are
 * buffer line numbers (columns are assigned by lines, so two codings on
 * one line never share a column). */
G_DECLARE_FINAL_TYPE (GlossCodingStripes, gloss_coding_stripes, GLOSS, CODING_STRIPES, GtkWidget)

GtkWidget *gloss_coding_stripes_new                (GtkTextView        *view,
                                                    GtkTextWindowType   side);
/* stripes: (element-type GlossStripe) with columns assigned, or NULL.
 * Takes a reference. */
void       gloss_coding_stripes_set_stripes        (GlossCodingStripes *self,
                                                    GArray             *stripes,
                                                    guint               n_columns);
/* Comparison mode: stripes of two groups (GlossStripe.group 0 for coder
 * A, 1 for coder B), each with columns assigned in its group, drawn side
 * by side (A's farther from the text) under the labels; name_a and
 * name_b are the labels' tooltips.  gloss_coding_stripes_set_stripes()
 * leaves comparison mode. */
void       gloss_coding_stripes_set_groups         (GlossCodingStripes *self,
                                                    GArray             *stripes,
                                                    guint               n_columns_a,
                                                    guint               n_columns_b,
                                                    const char         *label_a,
                                                    const char         *label_b,
                                                    const char         *name_a,
                                                    const char         *name_b);
gboolean   gloss_coding_stripes_get_comparison     (GlossCodingStripes *self);
void       gloss_coding_stripes_set_selected       (GlossCodingStripes *self,
                                                    gint64              coding_id);
void       gloss_coding_stripes_set_outlined_coder (GlossCodingStripes *self,
                                                    gint64              coder_id);
/* The coding whose bar is at (x, y) in the margin's coordinates, or 0. */
gint64     gloss_coding_stripes_coding_at          (GlossCodingStripes *self,
                                                    double              x,
                                                    double              y);
/* A click at (x, y), as the gesture makes it: for tests too.  Returns
 * the coding clicked, 0 for none. */
gint64     gloss_coding_stripes_click              (GlossCodingStripes *self,
                                                    double              x,
                                                    double              y);
/* The bar of a coding in the margin's coordinates; FALSE when it is not
 * in sight. */
gboolean   gloss_coding_stripes_get_bar            (GlossCodingStripes *self,
                                                    gint64              coding_id,
                                                    graphene_rect_t    *bar);

G_END_DECLS
