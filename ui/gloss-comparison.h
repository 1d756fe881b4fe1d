/* gloss-comparison.h: two coders' codings of one document side by side,
 * as the PDF and text viewers draw them in comparison mode
 *
 * A comparison holds coder A's and coder B's codings of the open document
 * (any code: each coder's stripes show them all), the two coders' names,
 * and the code whose agreement the text is coloured by.  The text of that
 * code (and, with_subcodes, of its sub-codes) is split by interval
 * arithmetic into what both coders coded, what only A coded and what only
 * B coded: the union of each coder's ranges, then their intersection and
 * differences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-coding.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *codings_a;      /* (element-type GlossCoding) coder A's, in the document */
  GPtrArray *codings_b;      /* (element-type GlossCoding) coder B's */
  char      *name_a;
  char      *name_b;
  gint64     code_id;        /* the code compared */
  char      *code_path;      /* its path ("a/b"), for its sub-codes; may be NULL */
  gboolean   with_subcodes;
} GlossComparison;

typedef enum
{
  GLOSS_COMPARISON_BOTH,
  GLOSS_COMPARISON_ONLY_A,
  GLOSS_COMPARISON_ONLY_B,
} GlossComparisonKind;

/* One stretch of text of one kind: code points, end exclusive. */
typedef struct
{
  guint               start;
  guint               end;
  GlossComparisonKind kind;
} GlossComparisonRange;

/* The alpha of the agreement colours over the glyphs. */
#define GLOSS_COMPARISON_ALPHA 0.42

/* codings_a, codings_b: (nullable) referenced, not copied. */
GlossComparison *gloss_comparison_new        (GPtrArray             *codings_a,
                                              GPtrArray             *codings_b,
                                              const char            *name_a,
                                              const char            *name_b,
                                              gint64                 code_id,
                                              const char            *code_path,
                                              gboolean               with_subcodes);
GlossComparison *gloss_comparison_copy       (const GlossComparison *self);
void             gloss_comparison_free       (GlossComparison       *self);

/* Whether coding is of the code compared (or of a sub-code of it, with
 * sub-codes). */
gboolean         gloss_comparison_matches    (const GlossComparison *self,
                                              GlossCoding           *coding);
/* (element-type GlossComparisonRange) sorted, disjoint, neighbours of one
 * kind merged; offsets clipped to n_chars. */
GArray          *gloss_comparison_compute_ranges (const GlossComparison *self,
                                              guint                  n_chars);
/* The totals of the ranges in characters: both, only A, only B. */
void             gloss_comparison_count      (GArray                *ranges,
                                              guint64               *both,
                                              guint64               *only_a,
                                              guint64               *only_b);

/* The colour of a kind, opaque: green, blue, orange. */
void             gloss_comparison_get_rgba   (GlossComparisonKind    kind,
                                              GdkRGBA               *rgba);
/* Short labels for the two coders' stripes: their initials ("AR" for
 * "Ada Researcher"), longer when the two would read alike, "A" and "B" as
 * a last resort. */
void             gloss_comparison_get_labels (const GlossComparison *self,
                                              char                 **label_a,
                                              char                 **label_b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossComparison, gloss_comparison_free)

G_END_DECLS
