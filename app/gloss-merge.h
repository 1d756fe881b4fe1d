/* gloss-merge.h: bringing a colleague's project file into this one
 *
 * Matching: documents by the SHA-256 of their bytes; coders by GUID, then
 * by name; codes by GUID, then by path; codings, memos and reviews by
 * GUID.  So merging the same file twice changes nothing.
 *
 * Changes, not only additions: every code, coding, memo and review has a
 * change time, and a deleted one leaves a tombstone (its GUID and the time
 * it was deleted; schema 5).  For a row both projects know, the later
 * change wins: a newer edit (a renamed or moved code, a coding fitted to a
 * new range, a memo rewritten) is taken; a tombstone newer than our row's
 * last change deletes it, and our row newer than their tombstone stays.
 * A row only they have is added unless we hold a tombstone for it newer
 * than its change.  The rules are symmetric, so merging A into B and B
 * into A gives the same codings.
 *
 * Conflicts are found first (gloss_project_plan_merge) and nothing is
 * written until the researcher has decided each one; the merge itself is
 * one transaction (and one undoable action): it completes or leaves the
 * project as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-project.h"

G_BEGIN_DECLS

typedef enum
{
  /* Their document is not in our project: add it (with its bytes,
   * text and pages) or skip it and everything coded on it. */
  GLOSS_CONFLICT_MISSING_DOCUMENT,
  /* Their code (by GUID) is ours but under another parent. */
  GLOSS_CONFLICT_CODE_MOVED,
  /* Their code and one of ours have the same path and different GUIDs. */
  GLOSS_CONFLICT_SAME_PATH,
} GlossConflictKind;

typedef enum
{
  GLOSS_DECISION_NONE,   /* not decided yet */
  GLOSS_DECISION_MAP,    /* treat theirs as ours (same path / keep our parent) */
  GLOSS_DECISION_ADD,    /* add theirs as a new row (a renamed path for SAME_PATH; theirs wins for CODE_MOVED) */
  GLOSS_DECISION_SKIP,   /* leave it (and what depends on it) out */
} GlossDecision;

typedef struct
{
  GlossConflictKind  kind;
  char              *their_guid;   /* document, code */
  char              *description;  /* for people: "Code “Risks/CSE” is under “Practice” in theirs" */
  char              *ours;         /* our path / name, or NULL */
  char              *theirs;       /* their path / name */
  GlossDecision      decision;     /* set by the caller */
} GlossMergeConflict;

typedef struct
{
  guint documents_added, documents_matched, documents_skipped;
  guint coders_added, coders_matched;
  guint codes_added, codes_matched, codes_updated, codes_deleted, codes_skipped;
  guint codings_added, codings_matched, codings_updated, codings_deleted, codings_skipped;
  guint memos_added, memos_updated, memos_deleted;
  guint reviews_added, reviews_updated, reviews_deleted;
} GlossMergeSummary;

typedef struct _GlossMergePlan GlossMergePlan;

void            gloss_merge_plan_free          (GlossMergePlan    *plan);
const char     *gloss_merge_plan_get_source    (GlossMergePlan    *plan);
/* (element-type GlossMergeConflict) owned by the plan; set each one's
 * decision before gloss_project_merge(). */
GPtrArray      *gloss_merge_plan_get_conflicts (GlossMergePlan    *plan);
/* TRUE when every conflict has a decision. */
gboolean        gloss_merge_plan_is_decided    (GlossMergePlan    *plan);
/* Decides every conflict of kind SAME_PATH and CODE_MOVED as MAP
 * (gloss-cli merge --map-codes-by-path). */
void            gloss_merge_plan_map_codes_by_path (GlossMergePlan *plan);

/* Reads the other project (read-only) and finds what cannot be matched.
 * Writes nothing.  The other file must be a Gloss project; it may be at an
 * older schema (it is read as it is, not migrated). */
GlossMergePlan *gloss_project_plan_merge       (GlossProject      *self,
                                                const char        *other_path,
                                                GCancellable      *cancellable,
                                                GError           **error);
/* Merges, following the plan's decisions; fails with
 * %GLOSS_ERROR_INVALID, writing nothing, while a conflict is undecided.
 * dry_run: computes the summary inside the transaction, then rolls it
 * back.  summary: (out) (optional). */
gboolean        gloss_project_merge            (GlossProject      *self,
                                                GlossMergePlan    *plan,
                                                gboolean           dry_run,
                                                GlossMergeSummary *summary,
                                                GCancellable      *cancellable,
                                                GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossMergePlan, gloss_merge_plan_free)

G_END_DECLS
