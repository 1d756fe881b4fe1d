/* gloss-merge-plan.c: what becomes of every row of both projects
 *
 * A pure function of the two projects as read (and of the decisions
 * taken): nothing here writes.  See gloss-merge.c for the rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-merge-private.h"

char *
merge_conflict_key (GlossConflictKind  kind,
                    const char        *guid)
{
  return g_strdup_printf ("%d:%s", (int) kind, guid);
}

void
merge_conflict_free (gpointer data)
{
  GlossMergeConflict *conflict = data;

  g_free (conflict->their_guid);
  g_free (conflict->description);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

void
merge_outcome_free (MergeOutcome *out)
{
  if (out == NULL)
    return;

  g_clear_pointer (&out->documents, g_ptr_array_unref);
  g_clear_pointer (&out->coders, g_ptr_array_unref);
  g_clear_pointer (&out->codes, g_ptr_array_unref);
  g_clear_pointer (&out->codings, g_ptr_array_unref);
  g_clear_pointer (&out->memos, g_ptr_array_unref);
  g_clear_pointer (&out->reviews, g_ptr_array_unref);
  g_clear_pointer (&out->attributes, g_ptr_array_unref);
  g_clear_pointer (&out->values, g_array_unref);
  g_clear_pointer (&out->tombstones, g_array_unref);
  g_clear_pointer (&out->conflicts, g_ptr_array_unref);
  g_clear_pointer (&out->ours, merge_side_free);
  g_clear_pointer (&out->theirs, merge_side_free);
  g_free (out);
}

/* Lists the conflict (once) and returns its decision; undecided, the
 * plan goes on as if it were MAP, the least surprising outcome. */
GlossDecision
merge_decide (Planner           *p,
              GlossConflictKind  kind,
              const char        *guid,
              char              *description,
              const char        *ours,
              const char        *theirs)
{
  g_autofree char *key = merge_conflict_key (kind, guid);
  GlossDecision decision = GLOSS_DECISION_NONE;

  if (p->decisions != NULL)
    decision = GPOINTER_TO_INT (g_hash_table_lookup (p->decisions, key));

  if (!g_hash_table_contains (p->listed, key))
    {
      GlossMergeConflict *conflict = g_new0 (GlossMergeConflict, 1);

      conflict->kind = kind;
      conflict->their_guid = g_strdup (guid);
      conflict->description = description;
      conflict->ours = g_strdup (ours);
      conflict->theirs = g_strdup (theirs);
      conflict->decision = decision;
      g_ptr_array_add (p->out->conflicts, conflict);
      g_hash_table_add (p->listed, g_steal_pointer (&key));
    }
  else
    g_free (description);

  return decision;
}

/* Which change is later: > 0 when theirs.  Equal times (in practice, a
 * row the merge itself copied) fall back on the contents, so that both
 * directions pick the same. */
int
merge_compare_changes (gint64      t_ours,
                       const char *key_ours,
                       gint64      t_theirs,
                       const char *key_theirs)
{
  int cmp;

  if (t_theirs != t_ours)
    return t_theirs > t_ours ? 1 : -1;
  cmp = strcmp (key_theirs, key_ours);

  return cmp > 0 ? 1 : cmp < 0 ? -1 : 0;
}

/* A tombstone counts from the millisecond (SQLite's clock) of the change
 * it follows. */
gboolean
merge_deleted_after (const MergeTombstone *tombstone,
                     gint64                t)
{
  return tombstone != NULL && tombstone->t / 1000 >= t / 1000;
}

/* ---- documents, coders, attributes ---- */

static void
plan_documents (Planner *p)
{
  MergeOutcome *out = p->out;
  guint i;

  for (i = 0; i < out->ours->documents->len; i++)
    {
      MergeDocumentRow *row = &g_array_index (out->ours->documents, MergeDocumentRow, i);
      MergeDocument *document = g_new0 (MergeDocument, 1);

      document->ours = row;
      document->id = row->id;
      g_ptr_array_add (out->documents, document);
      g_hash_table_insert (p->document_by_our_id, &row->id, document);
    }

  for (i = 0; i < out->theirs->documents->len; i++)
    {
      MergeDocumentRow *row = &g_array_index (out->theirs->documents, MergeDocumentRow, i);
      MergeDocumentRow *ours = g_hash_table_lookup (out->ours->document_by_sha, row->sha256);
      MergeDocument *document;

      if (ours != NULL)
        {
          document = g_hash_table_lookup (p->document_by_our_id, &ours->id);
          document->theirs = row;
          out->summary.documents_matched++;
        }
      else if (merge_decide (p, GLOSS_CONFLICT_MISSING_DOCUMENT, row->guid,
                             g_strdup_printf (_("The report “%s” is not in this project"), row->name),
                             NULL, row->name) == GLOSS_DECISION_SKIP)
        {
          out->summary.documents_skipped++;
          continue;
        }
      else
        {
          document = g_new0 (MergeDocument, 1);
          document->theirs = row;
          g_ptr_array_add (out->documents, document);
          out->summary.documents_added++;
        }
      g_hash_table_insert (p->document_by_their_id, &row->id, document);
    }
}

static void
plan_coders (Planner *p)
{
  MergeOutcome *out = p->out;
  guint i;

  for (i = 0; i < out->ours->coders->len; i++)
    {
      MergeCoderRow *row = &g_array_index (out->ours->coders, MergeCoderRow, i);
      MergeCoder *coder = g_new0 (MergeCoder, 1);

      coder->ours = row;
      coder->id = row->id;
      g_ptr_array_add (out->coders, coder);
      g_hash_table_insert (p->coder_by_our_id, &row->id, coder);
    }

  for (i = 0; i < out->theirs->coders->len; i++)
    {
      MergeCoderRow *row = &g_array_index (out->theirs->coders, MergeCoderRow, i);
      MergeCoderRow *ours = g_hash_table_lookup (out->ours->coder_by_guid, row->guid);
      MergeCoder *coder;

      if (ours == NULL)
        ours = g_hash_table_lookup (out->ours->coder_by_name, row->name);
      if (ours != NULL)
        {
          coder = g_hash_table_lookup (p->coder_by_our_id, &ours->id);
          out->summary.coders_matched++;
        }
      else
        {
          coder = g_new0 (MergeCoder, 1);
          g_ptr_array_add (out->coders, coder);
          out->summary.coders_added++;
        }
      coder->theirs = row;
      g_hash_table_insert (p->coder_by_their_id, &row->id, coder);
    }
}

MergeCoder *
merge_their_coder (Planner *p,
                   gint64   id)
{
  return g_hash_table_lookup (p->coder_by_their_id, &id);
}

static void
plan_attributes (Planner *p)
{
  MergeOutcome *out = p->out;
  g_autoptr(GHashTable) by_their_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) our_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  for (i = 0; i < out->theirs->attributes->len; i++)
    {
      MergeAttributeRow *row = &g_array_index (out->theirs->attributes, MergeAttributeRow, i);
      MergeAttribute *attribute = g_new0 (MergeAttribute, 1);
      g_autofree char *folded = g_ascii_strdown (row->name, -1);

      attribute->theirs = row;
      attribute->ours = g_hash_table_lookup (out->ours->attribute_by_guid, row->guid);
      if (attribute->ours == NULL)
        attribute->ours = g_hash_table_lookup (out->ours->attribute_by_name, folded);
      attribute->usable = attribute->ours == NULL || g_strcmp0 (attribute->ours->type, row->type) == 0;
      attribute->id = attribute->ours != NULL ? attribute->ours->id : 0;
      g_ptr_array_add (out->attributes, attribute);
      g_hash_table_insert (by_their_id, &row->id, attribute);
    }

  for (i = 0; i < out->ours->values->len; i++)
    {
      MergeValueRow *row = &g_array_index (out->ours->values, MergeValueRow, i);

      g_hash_table_add (our_values, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                    row->document_id, row->attribute_id));
    }

  /* Their value where we have none; ours stays. */
  for (i = 0; i < out->theirs->values->len; i++)
    {
      MergeValueRow *row = &g_array_index (out->theirs->values, MergeValueRow, i);
      MergeDocument *document = g_hash_table_lookup (p->document_by_their_id, &row->document_id);
      MergeAttribute *attribute = g_hash_table_lookup (by_their_id, &row->attribute_id);
      MergeValue value;

      if (document == NULL || attribute == NULL || !attribute->usable)
        continue;
      if (document->ours != NULL && attribute->ours != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                  document->ours->id, attribute->ours->id);

          if (g_hash_table_contains (our_values, key))
            continue;
        }
      value.document = document;
      value.attribute = attribute;
      value.value = row->value;
      g_array_append_val (out->values, value);
    }
}

/* ---- codings ---- */

static char *
coding_key (MergeSide      *side,
            MergeCodingRow *row)
{
  MergeCodeRow *code = g_hash_table_lookup (side->code_by_id, &row->code_id);

  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s",
                          code != NULL ? code->guid : "", row->start, row->end, row->memo, row->quote);
}

static char *
same_key (MergeCoding *coding)
{
  return g_strdup_printf ("%p:%p:%p:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                          (void *) coding->document, (void *) coding->code, (void *) coding->coder,
                          coding->fields->start, coding->fields->end);
}

static gboolean
coding_differs (Planner     *p,
                MergeCoding *coding)
{
  const MergeCodingRow *ours = coding->ours;
  const MergeCodingRow *fields = coding->fields;

  return coding->code != merge_code_alive (merge_our_code (p, ours->code_id)) ||
         fields->start != ours->start || fields->end != ours->end ||
         strcmp (fields->quote, ours->quote) != 0 || strcmp (fields->memo, ours->memo) != 0 ||
         strcmp (fields->changed_at, ours->changed_at) != 0;
}

static MergeCoding *
coding_alive (MergeCoding *coding)
{
  guint guard = 0;

  while (coding != NULL && coding->fate == MERGE_MAPPED && guard++ < 1000)
    coding = coding->mapped;
  if (coding != NULL && (coding->fate == MERGE_KEEP || coding->fate == MERGE_ADD))
    return coding;

  return NULL;
}

static void
plan_codings (Planner *p)
{
  MergeOutcome *out = p->out;
  GlossMergeSummary *sum = &out->summary;
  g_autoptr(GHashTable) same = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  for (i = 0; i < out->ours->codings->len; i++)
    {
      MergeCodingRow *row = &g_array_index (out->ours->codings, MergeCodingRow, i);
      MergeCodingRow *theirs = g_hash_table_lookup (out->theirs->coding_by_guid, row->guid);
      MergeCoding *coding = g_new0 (MergeCoding, 1);
      MergeCode *code = merge_code_alive (merge_our_code (p, row->code_id));

      coding->ours = row;
      coding->theirs = theirs;
      coding->id = row->id;
      coding->document = g_hash_table_lookup (p->document_by_our_id, &row->document_id);
      coding->coder = g_hash_table_lookup (p->coder_by_our_id, &row->coder_id);
      coding->code = code;
      coding->fields = row;
      coding->fate = MERGE_KEEP;
      g_ptr_array_add (out->codings, coding);
      g_hash_table_insert (p->coding_by_our_id, &row->id, coding);
      if (theirs != NULL)
        g_hash_table_insert (p->coding_by_their_id, &theirs->id, coding);

      if (theirs != NULL)
        {
          g_autofree char *key_ours = coding_key (out->ours, row);
          g_autofree char *key_theirs = coding_key (out->theirs, theirs);
          MergeCode *their_target = merge_code_alive (merge_their_code (p, theirs->code_id));
          gboolean theirs_win = merge_compare_changes (row->t, key_ours, theirs->t, key_theirs) > 0;

          /* Theirs when later, or when our code is going (they moved the
           * coding off the code they deleted). */
          if ((theirs_win || code == NULL) && their_target != NULL)
            {
              coding->code = their_target;
              coding->fields = theirs;
              coding->changed = coding_differs (p, coding);
              if (!coding->changed)
                {
                  coding->code = code;
                  coding->fields = row;
                }
            }
          else if (theirs_win && code != NULL)
            sum->codings_skipped++;
        }
      else if (merge_deleted_after (g_hash_table_lookup (out->theirs->tombstone_by_guid, row->guid), row->t))
        coding->fate = MERGE_DELETE;
      if (coding->code == NULL || coding->document == NULL || coding->coder == NULL)
        coding->fate = MERGE_DELETE;
    }

  for (i = 0; i < out->theirs->codings->len; i++)
    {
      MergeCodingRow *row = &g_array_index (out->theirs->codings, MergeCodingRow, i);
      MergeCoding *coding;
      MergeCode *code;

      if (g_hash_table_contains (out->ours->coding_by_guid, row->guid))
        continue;

      coding = g_new0 (MergeCoding, 1);
      coding->theirs = row;
      coding->fields = row;
      coding->document = g_hash_table_lookup (p->document_by_their_id, &row->document_id);
      coding->coder = merge_their_coder (p, row->coder_id);
      code = merge_their_code (p, row->code_id);
      coding->code = merge_code_alive (code);
      g_ptr_array_add (out->codings, coding);
      g_hash_table_insert (p->coding_by_their_id, &row->id, coding);

      if (merge_deleted_after (g_hash_table_lookup (out->ours->tombstone_by_guid, row->guid), row->t))
        coding->fate = MERGE_DROPPED;
      else if (coding->document == NULL || (coding->code == NULL && code != NULL &&
                                            code->fate == MERGE_SKIPPED))
        coding->fate = MERGE_SKIPPED;
      else if (coding->code == NULL || coding->coder == NULL)
        coding->fate = MERGE_DROPPED;
      else
        coding->fate = MERGE_ADD;
    }

  /* The same code on the same passage by the same coder is one coding:
   * ours unchanged first, then ours changed, then theirs added. */
  for (i = 0; i < out->codings->len; i++)
    {
      MergeCoding *coding = g_ptr_array_index (out->codings, i);

      if (coding->fate == MERGE_KEEP && !coding->changed)
        g_hash_table_insert (same, same_key (coding), coding);
    }
  for (i = 0; i < out->codings->len; i++)
    {
      MergeCoding *coding = g_ptr_array_index (out->codings, i);
      g_autofree char *key = NULL;
      MergeCoding *there;

      if (coding->fate != MERGE_KEEP || !coding->changed)
        continue;
      key = same_key (coding);
      there = g_hash_table_lookup (same, key);
      if (there != NULL && there->theirs == NULL && there->changed == FALSE)
        {
          /* Ours only, and what they changed theirs into: one coding. */
          there->fate = MERGE_DELETE;
          g_hash_table_replace (same, g_steal_pointer (&key), coding);
        }
      else if (there != NULL)
        {
          coding->changed = FALSE;
          coding->fields = coding->ours;
          coding->code = merge_code_alive (merge_our_code (p, coding->ours->code_id));
          if (coding->code == NULL)
            coding->fate = MERGE_DELETE;
          else
            sum->codings_skipped++;
        }
      else
        g_hash_table_insert (same, g_steal_pointer (&key), coding);
    }
  for (i = 0; i < out->codings->len; i++)
    {
      MergeCoding *coding = g_ptr_array_index (out->codings, i);
      g_autofree char *key = NULL;
      MergeCoding *there;

      if (coding->fate != MERGE_ADD)
        continue;
      key = same_key (coding);
      there = g_hash_table_lookup (same, key);
      if (there != NULL)
        {
          coding->fate = MERGE_MAPPED;
          coding->mapped = there;
        }
      else
        g_hash_table_insert (same, g_steal_pointer (&key), coding);
    }

  for (i = 0; i < out->codings->len; i++)
    {
      MergeCoding *coding = g_ptr_array_index (out->codings, i);

      switch (coding->fate)
        {
        case MERGE_KEEP:
          if (coding->changed)
            sum->codings_updated++;
          else if (coding->theirs != NULL)
            sum->codings_matched++;
          break;
        case MERGE_DELETE:
          sum->codings_deleted++;
          break;
        case MERGE_ADD:
          sum->codings_added++;
          break;
        case MERGE_MAPPED:
          sum->codings_matched++;
          break;
        case MERGE_SKIPPED:
          sum->codings_skipped++;
          break;
        case MERGE_DROPPED:
        default:
          break;
        }
    }
}

/* ---- memos and reviews ---- */

static char *
memo_slot (MergeMemo *memo)
{
  return g_strdup_printf ("%s:%p:%p:%p", memo->target, (void *) memo->document, (void *) memo->code,
                          (void *) memo->coder);
}

/* A memo of theirs for a target and author that has one already: the
 * later text wins. */
static void
plan_memos (Planner *p)
{
  MergeOutcome *out = p->out;
  GlossMergeSummary *sum = &out->summary;
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  for (i = 0; i < out->ours->memos->len; i++)
    {
      MergeMemoRow *row = &g_array_index (out->ours->memos, MergeMemoRow, i);
      MergeMemoRow *theirs = g_hash_table_lookup (out->theirs->memo_by_guid, row->guid);
      MergeMemo *memo = g_new0 (MergeMemo, 1);

      memo->ours = row;
      memo->theirs = theirs;
      memo->fields = row;
      memo->fate = MERGE_KEEP;
      memo->target = row->target;
      memo->coder = g_hash_table_lookup (p->coder_by_our_id, &row->coder_id);
      if (strcmp (row->target, "document") == 0)
        memo->document = g_hash_table_lookup (p->document_by_our_id, &row->target_id);
      else if (strcmp (row->target, "code") == 0)
        memo->code = merge_code_alive (merge_our_code (p, row->target_id));
      g_ptr_array_add (out->memos, memo);

      if ((strcmp (row->target, "code") == 0 && memo->code == NULL) ||
          (theirs == NULL && merge_deleted_after (g_hash_table_lookup (out->theirs->tombstone_by_guid, row->guid),
                                                  row->t)))
        memo->fate = MERGE_DELETE;
      else if (theirs != NULL && merge_compare_changes (row->t, row->text, theirs->t, theirs->text) > 0)
        {
          memo->fields = theirs;
          memo->changed = TRUE;
        }
      if (memo->fate == MERGE_KEEP)
        g_hash_table_insert (slots, memo_slot (memo), memo);
    }

  for (i = 0; i < out->theirs->memos->len; i++)
    {
      MergeMemoRow *row = &g_array_index (out->theirs->memos, MergeMemoRow, i);
      MergeMemo *memo, *there;
      MergeCode *code = NULL;
      g_autofree char *slot = NULL;

      if (g_hash_table_contains (out->ours->memo_by_guid, row->guid))
        continue;

      memo = g_new0 (MergeMemo, 1);
      memo->theirs = row;
      memo->fields = row;
      memo->target = row->target;
      memo->coder = merge_their_coder (p, row->coder_id);
      memo->fate = MERGE_ADD;
      g_ptr_array_add (out->memos, memo);

      if (strcmp (row->target, "document") == 0)
        {
          memo->document = g_hash_table_lookup (p->document_by_their_id, &row->target_id);
          if (memo->document == NULL)
            memo->fate = MERGE_SKIPPED;
        }
      else if (strcmp (row->target, "code") == 0)
        {
          code = merge_their_code (p, row->target_id);
          memo->code = merge_code_alive (code);
          if (memo->code == NULL)
            memo->fate = code != NULL && code->fate == MERGE_SKIPPED ? MERGE_SKIPPED : MERGE_DROPPED;
        }
      if (memo->coder == NULL ||
          merge_deleted_after (g_hash_table_lookup (out->ours->tombstone_by_guid, row->guid), row->t))
        memo->fate = MERGE_DROPPED;
      if (memo->fate != MERGE_ADD)
        continue;

      slot = memo_slot (memo);
      there = g_hash_table_lookup (slots, slot);
      if (there == NULL)
        {
          g_hash_table_insert (slots, g_steal_pointer (&slot), memo);
          continue;
        }
      memo->fate = MERGE_MAPPED;
      memo->mapped = there;
      if (merge_compare_changes (there->fields->t, there->fields->text, row->t, row->text) > 0)
        {
          there->fields = row;
          there->changed = there->ours != NULL;
        }
    }

  for (i = 0; i < out->memos->len; i++)
    {
      MergeMemo *memo = g_ptr_array_index (out->memos, i);

      if (memo->fate == MERGE_KEEP && memo->changed)
        sum->memos_updated++;
      else if (memo->fate == MERGE_DELETE)
        sum->memos_deleted++;
      else if (memo->fate == MERGE_ADD)
        sum->memos_added++;
    }
}

static char *
review_key (MergeReviewRow *row)
{
  return g_strdup_printf ("%s\x1f%s", row->verdict, row->comment);
}

static char *
review_slot (MergeReview *review)
{
  return g_strdup_printf ("%p:%p", (void *) review->coding, (void *) review->reviewer);
}

static gboolean
review_later (const MergeReviewRow *a,
              const MergeReviewRow *b)
{
  g_autofree char *key_a = review_key ((MergeReviewRow *) a);
  g_autofree char *key_b = review_key ((MergeReviewRow *) b);

  return merge_compare_changes (a->t, key_a, b->t, key_b) > 0;
}

static void
plan_reviews (Planner *p)
{
  MergeOutcome *out = p->out;
  GlossMergeSummary *sum = &out->summary;
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  for (i = 0; i < out->ours->reviews->len; i++)
    {
      MergeReviewRow *row = &g_array_index (out->ours->reviews, MergeReviewRow, i);
      MergeReviewRow *theirs = g_hash_table_lookup (out->theirs->review_by_guid, row->guid);
      MergeReview *review = g_new0 (MergeReview, 1);

      review->ours = row;
      review->theirs = theirs;
      review->fields = row;
      review->fate = MERGE_KEEP;
      review->coding = coding_alive (g_hash_table_lookup (p->coding_by_our_id, &row->coding_id));
      review->reviewer = g_hash_table_lookup (p->coder_by_our_id, &row->reviewer_id);
      g_ptr_array_add (out->reviews, review);

      if (review->coding == NULL ||
          (theirs == NULL && merge_deleted_after (g_hash_table_lookup (out->theirs->tombstone_by_guid, row->guid),
                                                  row->t)))
        review->fate = MERGE_DELETE;
      else if (theirs != NULL && review_later (row, theirs))
        {
          review->fields = theirs;
          review->changed = TRUE;
        }
      if (review->fate == MERGE_KEEP)
        g_hash_table_insert (slots, review_slot (review), review);
    }

  for (i = 0; i < out->theirs->reviews->len; i++)
    {
      MergeReviewRow *row = &g_array_index (out->theirs->reviews, MergeReviewRow, i);
      MergeCoding *coding = g_hash_table_lookup (p->coding_by_their_id, &row->coding_id);
      g_autofree char *slot = NULL;
      MergeReview *review, *there;

      if (g_hash_table_contains (out->ours->review_by_guid, row->guid))
        continue;

      review = g_new0 (MergeReview, 1);
      review->theirs = row;
      review->fields = row;
      review->coding = coding_alive (coding);
      review->reviewer = merge_their_coder (p, row->reviewer_id);
      review->fate = MERGE_ADD;
      g_ptr_array_add (out->reviews, review);

      if (merge_deleted_after (g_hash_table_lookup (out->ours->tombstone_by_guid, row->guid), row->t) ||
          review->reviewer == NULL)
        review->fate = MERGE_DROPPED;
      else if (review->coding == NULL)
        review->fate = coding != NULL && coding->fate == MERGE_SKIPPED ? MERGE_SKIPPED : MERGE_DROPPED;
      if (review->fate != MERGE_ADD)
        continue;

      slot = review_slot (review);
      there = g_hash_table_lookup (slots, slot);
      if (there == NULL)
        {
          g_hash_table_insert (slots, g_steal_pointer (&slot), review);
          continue;
        }
      review->fate = MERGE_MAPPED;
      review->mapped = there;
      if (review_later (there->fields, row))
        {
          there->fields = row;
          there->changed = there->ours != NULL;
        }
    }

  for (i = 0; i < out->reviews->len; i++)
    {
      MergeReview *review = g_ptr_array_index (out->reviews, i);

      if (review->fate == MERGE_KEEP && review->changed)
        sum->reviews_updated++;
      else if (review->fate == MERGE_DELETE)
        sum->reviews_deleted++;
      else if (review->fate == MERGE_ADD)
        sum->reviews_added++;
    }
}

/* Their tombstones of rows we do not have, or of rows the merge deletes,
 * are kept, so that the deletion reaches projects merged with this one
 * later; of two tombstones, the later. */
static void
plan_tombstones (Planner *p)
{
  MergeOutcome *out = p->out;
  guint i;

  for (i = 0; i < out->theirs->tombstones->len; i++)
    {
      MergeTombstone *theirs = &g_array_index (out->theirs->tombstones, MergeTombstone, i);
      MergeTombstone *ours = g_hash_table_lookup (out->ours->tombstone_by_guid, theirs->guid);

      if (ours != NULL && ours->t >= theirs->t)
        continue;
      g_array_append_val (out->tombstones, *theirs);
    }
}

MergeOutcome *
merge_outcome_new (MergeSide  *ours,
                   MergeSide  *theirs,
                   GHashTable *decisions)
{
  MergeOutcome *out = g_new0 (MergeOutcome, 1);
  Planner p = { 0, };

  out->ours = ours;
  out->theirs = theirs;
  out->documents = g_ptr_array_new_with_free_func (g_free);
  out->coders = g_ptr_array_new_with_free_func (g_free);
  out->codes = g_ptr_array_new_with_free_func (g_free);
  out->codings = g_ptr_array_new_with_free_func (g_free);
  out->memos = g_ptr_array_new_with_free_func (g_free);
  out->reviews = g_ptr_array_new_with_free_func (g_free);
  out->attributes = g_ptr_array_new_with_free_func (g_free);
  out->values = g_array_new (FALSE, TRUE, sizeof (MergeValue));
  out->tombstones = g_array_new (FALSE, TRUE, sizeof (MergeTombstone));
  out->conflicts = g_ptr_array_new_with_free_func (merge_conflict_free);

  p.out = out;
  p.decisions = decisions;
  p.listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.document_by_our_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  p.document_by_their_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  p.coder_by_our_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  p.coder_by_their_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  p.code_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  p.code_by_our_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  p.code_by_their_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  p.coding_by_our_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  p.coding_by_their_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  plan_documents (&p);
  plan_coders (&p);
  plan_attributes (&p);
  merge_plan_codes (&p);
  plan_codings (&p);
  plan_memos (&p);
  plan_reviews (&p);
  plan_tombstones (&p);

  g_hash_table_unref (p.listed);
  g_hash_table_unref (p.document_by_our_id);
  g_hash_table_unref (p.document_by_their_id);
  g_hash_table_unref (p.coder_by_our_id);
  g_hash_table_unref (p.coder_by_their_id);
  g_hash_table_unref (p.code_by_guid);
  g_hash_table_unref (p.code_by_our_id);
  g_hash_table_unref (p.code_by_their_id);
  g_hash_table_unref (p.coding_by_our_id);
  g_hash_table_unref (p.coding_by_their_id);

  return out;
}
