/* gloss-merge-codes.c: where every code of both projects ends up
 *
 * Codes known to both (by GUID) keep their place unless their parents
 * differ (CODE_MOVED); their new codes are matched by path, top down,
 * against where ours end up (SAME_PATH); then any two codes left with one
 * path are settled, and codes under a parent that goes, go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-merge-private.h"

MergeCode *
merge_code_alive (MergeCode *code)
{
  guint guard = 0;

  while (code != NULL && code->fate == MERGE_MAPPED && guard++ < 1000)
    code = code->mapped;
  if (code != NULL && (code->fate == MERGE_KEEP || code->fate == MERGE_ADD))
    return code;

  return NULL;
}

MergeCode *
merge_our_code (Planner *p,
                gint64   id)
{
  return id != 0 ? g_hash_table_lookup (p->code_by_our_id, &id) : NULL;
}

MergeCode *
merge_their_code (Planner *p,
                  gint64   id)
{
  return id != 0 ? g_hash_table_lookup (p->code_by_their_id, &id) : NULL;
}

static MergeCode *
our_parent (Planner   *p,
            MergeCode *code)
{
  return code->ours != NULL ? merge_our_code (p, code->ours->parent_id) : NULL;
}

static char *
code_key (MergeSide    *side,
          MergeCodeRow *row)
{
  MergeCodeRow *parent = row->parent_id != 0
                         ? g_hash_table_lookup (side->code_by_id, &row->parent_id) : NULL;

  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT, row->name,
                          parent != NULL ? parent->guid : "", row->description, row->colour,
                          row->position);
}

/* The path a code ends up with. */
static char *
final_path (MergeCode *code)
{
  GString *path = g_string_new (code->name);
  guint guard = 0;

  for (code = code->parent; code != NULL && guard++ < 1000; code = code->parent)
    {
      g_string_prepend_c (path, '/');
      g_string_prepend (path, code->name);
    }

  return g_string_free (path, FALSE);
}

static const char *
shown_path (MergeCode *code)
{
  return code->ours != NULL ? code->ours->path : code->theirs->path;
}

static gboolean
name_used (MergeOutcome *out,
           MergeCode    *parent,
           const char   *name,
           MergeCode    *except)
{
  guint i;

  for (i = 0; i < out->codes->len; i++)
    {
      MergeCode *code = g_ptr_array_index (out->codes, i);

      if (code != except && merge_code_alive (code) == code && code->parent == parent &&
          g_strcmp0 (code->name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* "Name (2)", "Name (3)" … whichever is free at that level. */
static void
rename_uniquely (Planner    *p,
                 MergeCode  *code,
                 MergeCode  *parent,
                 const char *wanted)
{
  guint n;

  code->parent = parent;
  for (n = 2; ; n++)
    {
      g_autofree char *name = g_strdup_printf ("%s (%u)", wanted, n);

      if (!name_used (p->out, parent, name, code))
        {
          code->name = g_string_chunk_insert (p->out->ours->strings, name);
          break;
        }
    }
  code->renamed = TRUE;
}

static char *
placement_key (MergeCode  *parent,
               const char *name)
{
  return g_strdup_printf ("%p/%s", (void *) parent, name);
}

static gboolean
settled (Planner   *p,
         MergeCode *code)
{
  return code->ours != NULL && code->parent == our_parent (p, code) &&
         strcmp (code->name, code->ours->name) == 0;
}

/* Parents that became mapped point at what they map to; codes under a
 * parent that is gone go too. */
static void
cascade_codes (Planner *p)
{
  gboolean again = TRUE;
  guint i, rounds = 0;

  while (again && rounds++ < 1000)
    {
      again = FALSE;
      for (i = 0; i < p->out->codes->len; i++)
        {
          MergeCode *code = g_ptr_array_index (p->out->codes, i);
          MergeCode *parent;

          if (merge_code_alive (code) != code || code->parent == NULL)
            continue;
          parent = merge_code_alive (code->parent);
          if (parent == code->parent)
            continue;
          again = TRUE;
          if (parent != NULL)
            code->parent = parent;
          else if (code->ours != NULL)
            code->fate = MERGE_DELETE;
          else
            code->fate = code->parent->fate == MERGE_SKIPPED ? MERGE_SKIPPED : MERGE_DROPPED;
        }
    }
}

/* A code moved under one of its own sub-codes (each side moved one of
 * two codes under the other) goes back where it is in ours. */
static void
break_cycles (Planner *p)
{
  guint n = p->out->codes->len;
  gboolean again = TRUE;
  guint i, rounds = 0;

  while (again && rounds++ < n + 1)
    {
      again = FALSE;
      for (i = 0; i < n; i++)
        {
          MergeCode *code = g_ptr_array_index (p->out->codes, i);
          MergeCode *up = code->parent;
          guint steps = 0;

          if (merge_code_alive (code) != code)
            continue;
          while (up != NULL && up != code && steps++ <= n)
            up = up->parent;
          if (up != code)
            continue;

          /* Every code of the cycle placed by theirs goes back. */
          up = code;
          do
            {
              MergeCode *next = up->parent;

              if (up->ours != NULL && up->parent != our_parent (p, up))
                up->parent = our_parent (p, up);
              up = next;
            }
          while (up != NULL && up != code);
          again = TRUE;
        }
    }
}

/* A code's activity is the latest change of the code, of its codings
 * and of its sub-codes that the other side's tombstones leave standing:
 * a tombstone older than that does not remove the code, so that a code a
 * colleague deleted stays for the codings made with it since.  Only what
 * stays counts, so that a merge leaves every code it kept with an
 * activity still later than the tombstone (merging again changes
 * nothing). */
static void
compute_activity (MergeSide *side,
                  MergeSide *other)
{
  guint i;

  for (i = 0; i < side->codes->len; i++)
    {
      MergeCodeRow *code = &g_array_index (side->codes, MergeCodeRow, i);

      code->activity = code->t;
    }

  for (i = 0; i < side->codings->len; i++)
    {
      MergeCodingRow *coding = &g_array_index (side->codings, MergeCodingRow, i);
      MergeCodeRow *code = g_hash_table_lookup (side->code_by_id, &coding->code_id);

      if (code != NULL && coding->t > code->activity &&
          !merge_deleted_after (g_hash_table_lookup (other->tombstone_by_guid, coding->guid), coding->t))
        code->activity = coding->t;
    }

  /* Children come after their parents: walking back, every child is
   * done before its parent.  A sub-code the other side has too is
   * elsewhere there, and follows it. */
  for (i = side->codes->len; i-- > 0;)
    {
      MergeCodeRow *code = &g_array_index (side->codes, MergeCodeRow, i);
      MergeCodeRow *parent = code->parent_id != 0
                             ? g_hash_table_lookup (side->code_by_id, &code->parent_id) : NULL;

      if (parent != NULL && code->activity > parent->activity &&
          !g_hash_table_contains (other->code_by_guid, code->guid) &&
          !merge_deleted_after (g_hash_table_lookup (other->tombstone_by_guid, code->guid), code->activity))
        parent->activity = code->activity;
    }
}

static void
plan_code_fates (Planner *p)
{
  MergeOutcome *out = p->out;
  guint i;

  compute_activity (out->ours, out->theirs);
  compute_activity (out->theirs, out->ours);

  for (i = 0; i < out->ours->codes->len; i++)
    {
      MergeCodeRow *row = &g_array_index (out->ours->codes, MergeCodeRow, i);
      MergeCode *code = g_new0 (MergeCode, 1);

      code->guid = row->guid;
      code->ours = row;
      code->id = row->id;
      g_ptr_array_add (out->codes, code);
      g_hash_table_insert (p->code_by_guid, (gpointer) row->guid, code);
      g_hash_table_insert (p->code_by_our_id, &row->id, code);
    }

  for (i = 0; i < out->theirs->codes->len; i++)
    {
      MergeCodeRow *row = &g_array_index (out->theirs->codes, MergeCodeRow, i);
      MergeCode *code = g_hash_table_lookup (p->code_by_guid, row->guid);

      if (code == NULL)
        {
          code = g_new0 (MergeCode, 1);
          code->guid = row->guid;
          g_ptr_array_add (out->codes, code);
          g_hash_table_insert (p->code_by_guid, (gpointer) row->guid, code);
        }
      code->theirs = row;
      code->creator = merge_their_coder (p, row->created_by);
      g_hash_table_insert (p->code_by_their_id, &row->id, code);
    }

  for (i = 0; i < out->codes->len; i++)
    {
      MergeCode *code = g_ptr_array_index (out->codes, i);

      if (code->ours != NULL && code->theirs != NULL)
        {
          g_autofree char *key_ours = code_key (out->ours, code->ours);
          g_autofree char *key_theirs = code_key (out->theirs, code->theirs);

          code->fate = MERGE_KEEP;
          code->theirs_win = merge_compare_changes (code->ours->t, key_ours, code->theirs->t, key_theirs) > 0;
        }
      else if (code->ours != NULL)
        {
          const MergeTombstone *theirs = g_hash_table_lookup (out->theirs->tombstone_by_guid, code->guid);

          code->fate = merge_deleted_after (theirs, code->ours->activity) ? MERGE_DELETE : MERGE_KEEP;
        }
      else
        {
          const MergeTombstone *ours = g_hash_table_lookup (out->ours->tombstone_by_guid, code->guid);

          code->fate = merge_deleted_after (ours, code->theirs->activity) ? MERGE_DROPPED : MERGE_ADD;
        }
      code->name = code->theirs_win || code->ours == NULL ? code->theirs->name : code->ours->name;
    }
}

static void
code_moved (Planner   *p,
            MergeCode *code,
            MergeCode *ours,
            MergeCode *theirs)
{
  GlossDecision decision;

  decision = merge_decide (p, GLOSS_CONFLICT_CODE_MOVED, code->guid,
                           g_strdup_printf (_("The code “%s” is under “%s” here and under “%s” in theirs"),
                                            code->name, ours != NULL ? shown_path (ours) : _("(top level)"),
                                            theirs != NULL ? shown_path (theirs) : _("(top level)")),
                           code->ours->path, code->theirs->path);
  code->parent = decision == GLOSS_DECISION_ADD ? theirs : ours;
}

/* Where every code goes: known codes by GUID first, then their new codes
 * top down, matched by path against what is there. */
static void
plan_code_places (Planner *p)
{
  MergeOutcome *out = p->out;
  g_autoptr(GHashTable) placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) later = g_ptr_array_new ();
  guint i;

  /* Codes we have: our parent, unless theirs is one we have too. */
  for (i = 0; i < out->codes->len; i++)
    {
      MergeCode *code = g_ptr_array_index (out->codes, i);
      MergeCode *ours, *theirs;

      if (code->fate != MERGE_KEEP)
        continue;
      ours = our_parent (p, code);
      code->parent = ours;
      if (code->theirs == NULL)
        continue;
      theirs = merge_their_code (p, code->theirs->parent_id);
      if (theirs != NULL && theirs->ours == NULL)
        g_ptr_array_add (later, code);
      else if (theirs == ours)
        ;
      else if (ours != NULL && ours->fate == MERGE_DELETE)
        code->parent = theirs;
      else
        code_moved (p, code, ours, theirs);
    }

  for (i = 0; i < out->codes->len; i++)
    {
      MergeCode *code = g_ptr_array_index (out->codes, i);

      if (code->fate == MERGE_KEEP)
        g_hash_table_insert (placed, placement_key (code->parent, code->name), code);
    }

  /* Their new codes, parents first (their order). */
  for (i = 0; i < out->theirs->codes->len; i++)
    {
      MergeCodeRow *row = &g_array_index (out->theirs->codes, MergeCodeRow, i);
      MergeCode *code = g_hash_table_lookup (p->code_by_guid, row->guid);
      MergeCode *parent = merge_their_code (p, row->parent_id);
      g_autofree char *key = NULL;
      MergeCode *there;

      if (code->ours != NULL || code->fate != MERGE_ADD)
        continue;
      if (parent != NULL && merge_code_alive (parent) == NULL)
        {
          code->fate = parent->fate == MERGE_SKIPPED ? MERGE_SKIPPED : MERGE_DROPPED;
          continue;
        }
      parent = merge_code_alive (parent);
      key = placement_key (parent, row->name);
      there = g_hash_table_lookup (placed, key);
      code->parent = parent;
      if (there != NULL)
        {
          g_autofree char *theirs_path = final_path (code);

          switch (merge_decide (p, GLOSS_CONFLICT_SAME_PATH, code->guid,
                                g_strdup_printf (_("Both projects have a code “%s”, made separately"), theirs_path),
                                shown_path (there), theirs_path))
            {
            case GLOSS_DECISION_ADD:
              rename_uniquely (p, code, parent, row->name);
              break;
            case GLOSS_DECISION_SKIP:
              code->fate = MERGE_SKIPPED;
              continue;
            case GLOSS_DECISION_MAP:
            case GLOSS_DECISION_NONE:
            default:
              code->fate = MERGE_MAPPED;
              code->mapped = there;
              continue;
            }
          g_free (key);
          key = placement_key (parent, code->name);
        }
      g_hash_table_insert (placed, g_steal_pointer (&key), code);
    }

  /* Codes we have whose parent in theirs is new to us. */
  for (i = 0; i < later->len; i++)
    {
      MergeCode *code = g_ptr_array_index (later, i);
      MergeCode *ours = our_parent (p, code);
      MergeCode *theirs = merge_code_alive (merge_their_code (p, code->theirs->parent_id));

      if (theirs == NULL || theirs == ours)
        continue;
      if (ours != NULL && ours->fate == MERGE_DELETE)
        code->parent = theirs;
      else if (theirs->ours != NULL)
        code_moved (p, code, ours, theirs);
    }

  break_cycles (p);
  cascade_codes (p);
}

/* Two codes that would end up with one path: the one placed by theirs
 * gives way, as decided. */
static void
resolve_same_paths (Planner *p)
{
  MergeOutcome *out = p->out;
  guint round, i;

  for (round = 0; round < 8; round++)
    {
      g_autoptr(GHashTable) placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gboolean changed = FALSE;

      for (i = 0; i < out->codes->len; i++)
        {
          MergeCode *code = g_ptr_array_index (out->codes, i);
          g_autofree char *key = NULL;
          MergeCode *there, *keeper, *incoming;
          g_autofree char *theirs_path = NULL;
          GlossDecision decision;

          if (merge_code_alive (code) != code)
            continue;
          key = placement_key (code->parent, code->name);
          there = g_hash_table_lookup (placed, key);
          if (there == NULL)
            {
              g_hash_table_insert (placed, g_steal_pointer (&key), code);
              continue;
            }

          changed = TRUE;
          if (settled (p, code) && !settled (p, there))
            {
              keeper = code;
              incoming = there;
              g_hash_table_insert (placed, g_strdup (key), code);
            }
          else
            {
              keeper = there;
              incoming = code;
            }

          /* Neither is where it is in ours (or this is the last round):
           * no decision can help, a new name does. */
          if (!settled (p, keeper) || round == 7)
            {
              rename_uniquely (p, incoming, incoming->parent, incoming->name);
              continue;
            }

          theirs_path = final_path (incoming);
          decision = merge_decide (p, GLOSS_CONFLICT_SAME_PATH, incoming->guid,
                                   g_strdup_printf (_("Both projects have a code “%s”, made separately"),
                                                    theirs_path),
                                   shown_path (keeper), theirs_path);
          if (decision == GLOSS_DECISION_ADD)
            rename_uniquely (p, incoming, incoming->parent, incoming->name);
          else if (incoming->ours != NULL)
            {
              /* Ours stays as it is. */
              incoming->parent = our_parent (p, incoming);
              incoming->name = incoming->ours->name;
              if (merge_code_alive (incoming->parent) != incoming->parent)
                rename_uniquely (p, incoming, incoming->parent, incoming->name);
            }
          else if (decision == GLOSS_DECISION_SKIP)
            incoming->fate = MERGE_SKIPPED;
          else
            {
              incoming->fate = MERGE_MAPPED;
              incoming->mapped = keeper;
            }
        }

      if (!changed)
        break;
      break_cycles (p);
      cascade_codes (p);
    }
}

/* Whether the row of ours would change: it may win on time and yet be
 * the same (a code kept under our parent, say, merged once already). */
static gboolean
code_differs (Planner   *p,
              MergeCode *code)
{
  const MergeCodeRow *ours = code->ours;
  const MergeCodeRow *fields = code->theirs_win ? code->theirs : code->ours;

  return code->renamed || code->parent != our_parent (p, code) || strcmp (code->name, ours->name) != 0 ||
         strcmp (fields->description, ours->description) != 0 ||
         strcmp (fields->colour, ours->colour) != 0 || code->position != ours->position ||
         strcmp (fields->changed_at, ours->changed_at) != 0;
}

static guint
code_depth (MergeCode *code)
{
  guint depth = 0;

  for (code = code->parent; code != NULL && depth < 1000; code = code->parent)
    depth++;

  return depth;
}

static int
by_depth (gconstpointer a,
          gconstpointer b)
{
  const MergeCode *x = *(MergeCode * const *) a;
  const MergeCode *y = *(MergeCode * const *) b;

  return x->depth < y->depth ? -1 : x->depth > y->depth ? 1 : 0;
}

void
merge_plan_codes (Planner *p)
{
  MergeOutcome *out = p->out;
  guint i;

  plan_code_fates (p);
  plan_code_places (p);
  resolve_same_paths (p);

  for (i = 0; i < out->codes->len; i++)
    {
      MergeCode *code = g_ptr_array_index (out->codes, i);

      code->depth = code_depth (code);
      if (code->ours == NULL)
        code->position = code->theirs->position;
      else if (code->theirs_win && code->parent == merge_code_alive (merge_their_code (p, code->theirs->parent_id)))
        code->position = code->theirs->position;
      else
        code->position = code->ours->position;
      switch (code->fate)
        {
        case MERGE_KEEP:
          code->changed = code_differs (p, code);
          if (code->changed)
            out->summary.codes_updated++;
          else if (code->theirs != NULL)
            out->summary.codes_matched++;
          break;
        case MERGE_DELETE:
          out->summary.codes_deleted++;
          break;
        case MERGE_ADD:
          out->summary.codes_added++;
          break;
        case MERGE_MAPPED:
          out->summary.codes_matched++;
          break;
        case MERGE_SKIPPED:
          out->summary.codes_skipped++;
          break;
        case MERGE_DROPPED:
        default:
          break;
        }
    }

  /* Stable: parents before children, each level in the order read. */
  g_ptr_array_sort (out->codes, by_depth);
}
