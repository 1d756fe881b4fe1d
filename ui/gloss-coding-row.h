/* gloss-coding-row.h: one coding, as a row of the codings list or a
 * passage of the coded-segments view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-coding.h"
#include "gloss-project.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CODING_ROW (gloss_coding_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossCodingRow, gloss_coding_row, GLOSS, CODING_ROW, GtkWidget)

/* How a coding was reviewed, for its badge: "✓ 2" when colleagues agree,
 * "! 1" when one disputes it, and the reviews in the tooltip. */
typedef struct
{
  guint  n_agree;
  guint  n_dispute;
  char  *tooltip;     /* "Ben disputes: too broad\nCara agrees" */
} GlossCodingReviews;

void         gloss_coding_reviews_free      (GlossCodingReviews *reviews);
/* Whether two badges show the same; either may be NULL (no review). */
gboolean     gloss_coding_reviews_equal     (const GlossCodingReviews *a,
                                             const GlossCodingReviews *b);
/* (element-type gint64 GlossCodingReviews) coding id → its reviews, for
 * the codings (element-type GlossCoding) that have any.  May run in a
 * thread.  NULL with error set on failure. */
GHashTable  *gloss_coding_reviews_load      (GlossProject       *project,
                                             GPtrArray          *codings,
                                             GError            **error);

/* compact: code path, page, a two-line quote, coder and a memo mark (the
 * open document's codings); otherwise page and coder, the whole quote and
 * the memo (the coded-segments view). */
GtkWidget   *gloss_coding_row_new           (gboolean        compact);
GlossCoding *gloss_coding_row_get_coding    (GlossCodingRow *self);
void         gloss_coding_row_set_coding    (GlossCodingRow *self,
                                             GlossCoding    *coding);
gboolean     gloss_coding_row_get_compact   (GlossCodingRow *self);
/* Whether the full row names the code too (when sub-codes are shown). */
void         gloss_coding_row_set_show_code (GlossCodingRow *self,
                                             gboolean        show_code);
/* The review badge; NULL: not reviewed. */
void         gloss_coding_row_set_reviews   (GlossCodingRow           *self,
                                             const GlossCodingReviews *reviews);
/* Whether two snapshots of codings show the same (so that a list may keep
 * the row when reloading). */
gboolean     gloss_coding_row_same_coding   (GlossCoding    *a,
                                             GlossCoding    *b);

G_END_DECLS
