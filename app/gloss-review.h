/* gloss-review.h: reviews of codings by colleagues
 *
 * A reviewer (any coder other than the coding's author) marks a coding
 * agreed or disputed, with a comment; one review per coding and reviewer,
 * which they may change or withdraw.  Every change is one undoable action
 * (the undo journal covers the review table) and emits "codings-changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-codebook.h"
#include "gloss-project.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_VERDICT_AGREE,
  GLOSS_VERDICT_DISPUTE,
} GlossVerdict;

typedef struct
{
  gint64        id;
  char         *guid;
  gint64        coding_id;
  gint64        reviewer_id;
  char         *reviewer_name;
  GlossVerdict  verdict;
  char         *comment;
  GDateTime    *created;
  GDateTime    *changed;
} GlossReview;

/* Which codings to show, by their reviews. */
typedef enum
{
  GLOSS_REVIEW_FILTER_ALL,
  GLOSS_REVIEW_FILTER_DISPUTED,     /* at least one review disputes it */
  GLOSS_REVIEW_FILTER_UNREVIEWED,   /* nobody has reviewed it */
} GlossReviewFilter;

/* Per coder (as author): how their codings were reviewed. */
typedef struct
{
  gint64  coder_id;
  char   *coder_name;
  guint   n_codings;
  guint   n_agreed;      /* codings with an agreeing review and none disputing */
  guint   n_disputed;    /* codings with at least one disputing review */
  guint   n_unreviewed;
  guint   n_reviews_given; /* reviews this coder wrote of others' codings */
} GlossReviewSummary;

const char  *gloss_verdict_to_string         (GlossVerdict      verdict);
gboolean     gloss_verdict_from_string       (const char       *text,
                                              GlossVerdict     *verdict);
void         gloss_review_free               (GlossReview      *review);
void         gloss_review_summary_free       (GlossReviewSummary *summary);

/* Sets (or changes) reviewer's review of the coding.  The coding's own
 * coder may not review it (%GLOSS_ERROR_INVALID). */
GlossReview *gloss_project_set_review        (GlossProject     *self,
                                              gint64            coding_id,
                                              gint64            reviewer_id,
                                              GlossVerdict      verdict,
                                              const char       *comment,
                                              GError          **error);
gboolean     gloss_project_remove_review     (GlossProject     *self,
                                              gint64            coding_id,
                                              gint64            reviewer_id,
                                              GError          **error);
/* (element-type GlossReview) of one coding, by time. */
GPtrArray   *gloss_project_list_reviews      (GlossProject     *self,
                                              gint64            coding_id,
                                              GError          **error);
/* (element-type GlossCoding) like gloss_project_list_codings(), keeping
 * those that the review filter admits. */
GPtrArray   *gloss_project_list_reviewed_codings (GlossProject *self,
                                              const GlossCodingFilter *filter,
                                              GlossReviewFilter review_filter,
                                              GError          **error);
/* (element-type GlossReviewSummary) one per coder with codings or reviews,
 * by name. */
GPtrArray   *gloss_project_review_summary    (GlossProject     *self,
                                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossReview, gloss_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossReviewSummary, gloss_review_summary_free)

G_END_DECLS
