/* gloss-agreement.c: the agreement of a project's coders
 *
 * How it works.  One snapshot (a savepoint under the project's lock) reads
 * the coders' names, the code tree, the documents in scope (with, for
 * sentences and paragraphs, their texts, cut into units at once and not
 * kept) and the codings, in the order of the coding_same index (document,
 * code, coder, start, end), keeping those of the chosen coders, documents
 * and codes.  The rest is done in C, one document at a time.
 *
 * A coding counts for its code's row and, with sub-codes, for the row of
 * each ancestor in scope.  In a document, each row's codings are split by
 * coder and each coder's made into a union of disjoint intervals.  Then:
 *
 *  - characters: a sweep over the intervals' ends gives, between two
 *    consecutive ends, how many coders cover that stretch: its length is
 *    added to units_with[that many].  Nothing is done per character.
 *  - sentences and paragraphs: each coder's intervals mark the units they
 *    touch (found by binary search, as units are sorted and disjoint);
 *    each touched unit then adds one to units_with[coders who touched it].
 *
 * Units nobody coded are not visited: units_with[0] is the units in scope
 * less those coded by someone.  For two coders, A only is the units A
 * coded less those both coded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-agreement.h"
#include "gloss-codebook-private.h"
#include "gloss-error.h"

/* ---- rows ---- */

void
gloss_agreement_row_free (GlossAgreementRow *row)
{
  if (row == NULL)
    return;

  g_free (row->code_path);
  g_free (row->document_name);
  g_free (row->units_with);
  g_free (row->note);
  g_free (row);
}

/* ---- the computation's state ---- */

typedef struct
{
  gint64  id;
  char   *name;
  guint   chars;
  guint64 n_units;
  GArray *units;      /* GlossTextUnit, for sentences and paragraphs */
} Document;

typedef struct
{
  gint64  id;
  char   *path;
  guint   n_targets;
  guint  *targets;    /* the rows its codings count in */
} Code;

/* What one row counts: units coded by j ≥ 1 coders, A only and B only
 * (two coders), and which coders coded anything. */
typedef struct
{
  guint64  *units_with;  /* m + 1; [0] is worked out at the end */
  guint64   a_only;
  guint64   b_only;
  gboolean *coded_by;    /* m */
} Tally;

typedef struct
{
  gint64     code_id;
  char      *path;       /* borrowed from the code */
  Tally      tally;
  GPtrArray *by_document;  /* GlossAgreementRow, when by_document */
} ScopeRow;

/* A coding in scope, as one row sees it. */
typedef struct
{
  guint row;
  guint coder;
  guint start;
  guint end;
} Item;

typedef struct
{
  const GlossAgreementQuery *query;
  guint        m;
  char       **coder_names;   /* m, by the query's order */
  GArray      *codes;         /* Code, in tree order */
  GHashTable  *code_index;    /* code id → index + 1 */
  GArray      *rows;          /* ScopeRow */
  GArray      *documents;     /* Document in scope, by name */
  GHashTable  *document_index;  /* document id → index + 1 */
  guint64      scope_units;   /* units of the documents in scope */
  GArray      *items;         /* Item of the current document */
  GlossAgreementRow **document_rows;  /* by row, for sorting */
} State;

static void
tally_init (Tally *tally,
            guint  m)
{
  tally->units_with = g_new0 (guint64, m + 1);
  tally->coded_by = g_new0 (gboolean, m);
  tally->a_only = 0;
  tally->b_only = 0;
}

static void
tally_clear (Tally *tally)
{
  g_clear_pointer (&tally->units_with, g_free);
  g_clear_pointer (&tally->coded_by, g_free);
}

static void
tally_add (Tally       *into,
           const Tally *from,
           guint        m)
{
  guint j;

  for (j = 1; j <= m; j++)
    into->units_with[j] += from->units_with[j];
  for (j = 0; j < m; j++)
    into->coded_by[j] = into->coded_by[j] || from->coded_by[j];
  into->a_only += from->a_only;
  into->b_only += from->b_only;
}

static void
document_clear (gpointer data)
{
  Document *document = data;

  g_free (document->name);
  g_clear_pointer (&document->units, g_array_unref);
}

static void
code_clear (gpointer data)
{
  Code *code = data;

  g_free (code->path);
  g_free (code->targets);
}

static void
scope_row_clear (gpointer data)
{
  ScopeRow *row = data;

  tally_clear (&row->tally);
  g_clear_pointer (&row->by_document, g_ptr_array_unref);
}

static void
state_clear (State *state)
{
  guint i;

  for (i = 0; state->coder_names != NULL && i < state->m; i++)
    g_free (state->coder_names[i]);
  g_free (state->coder_names);
  g_clear_pointer (&state->rows, g_array_unref);
  g_clear_pointer (&state->codes, g_array_unref);
  g_clear_pointer (&state->code_index, g_hash_table_unref);
  g_clear_pointer (&state->documents, g_array_unref);
  g_clear_pointer (&state->document_index, g_hash_table_unref);
  g_clear_pointer (&state->items, g_array_unref);
}

static guint
lookup (GHashTable *table,
        gint64      id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, &id));
}

/* ---- the figures of a row ---- */

static char *
make_note (const GlossAgreementRow *row,
           const Tally             *tally,
           char * const            *coder_names)
{
  g_autoptr(GString) note = g_string_new (NULL);
  guint c;

  if (row->n_units == 0)
    return g_strdup (_("There are no units to compare"));

  for (c = 0; c < row->n_coders; c++)
    if (!tally->coded_by[c])
      {
        if (note->len > 0)
          g_string_append (note, "; ");
        /* Translators: %s is a coder's name */
        g_string_append_printf (note, _("%s coded nothing"), coder_names[c]);
      }

  /* Otherwise kappa and alpha are undefined only when every unit is in
   * one category. */
  if (note->len == 0 && row->units_with[row->n_coders] == row->n_units)
    g_string_append (note, _("Every coder coded every unit"));
  else if (note->len == 0 && row->units_with[0] == row->n_units)
    g_string_append (note, _("No unit was coded"));

  return note->len > 0 ? g_string_free (g_steal_pointer (&note), FALSE) : NULL;
}

/* A row of n_units units from a tally (units_with[0] not yet set). */
static GlossAgreementRow *
make_row (const State *state,
          gint64       code_id,
          const char  *code_path,
          gint64       document_id,
          const char  *document_name,
          guint        n_documents,
          guint64      n_units,
          const Tally *tally)
{
  GlossAgreementRow *row = g_new0 (GlossAgreementRow, 1);
  guint m = state->m, j;
  guint64 coded = 0;

  row->code_id = code_id;
  row->code_path = g_strdup (code_path);
  row->document_id = document_id;
  row->document_name = g_strdup (document_name);
  row->n_documents = n_documents;
  row->n_units = n_units;
  row->n_coders = m;
  row->units_with = g_new0 (guint64, m + 1);
  for (j = 1; j <= m; j++)
    {
      row->units_with[j] = tally->units_with[j];
      coded += tally->units_with[j];
    }
  row->units_with[0] = n_units >= coded ? n_units - coded : 0;

  if (m == 2)
    {
      row->table.both = row->units_with[2];
      row->table.a_only = tally->a_only;
      row->table.b_only = tally->b_only;
      row->table.neither = row->units_with[0];
      row->percent = gloss_percent_agreement (&row->table);
      row->kappa = gloss_cohen_kappa (&row->table);
      row->alpha = gloss_krippendorff_alpha_2x2 (&row->table);
    }
  else
    {
      row->percent = NAN;
      row->kappa = gloss_fleiss_kappa_binary (row->units_with, m);
      row->alpha = gloss_krippendorff_alpha_binary (row->units_with, m);
    }
  row->note = make_note (row, tally, state->coder_names);

  return row;
}

/* ---- reading the snapshot ---- */

static gboolean
step_error (GlossProject  *self,
            sqlite3_stmt  *stmt,
            int            rc,
            GError       **error)
{
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

static gboolean
read_coders (GlossProject  *self,
             State         *state,
             GError       **error)
{
  GArray *ids = state->query->coder_ids;
  sqlite3_stmt *stmt;
  guint c;
  int rc;

  state->coder_names = g_new0 (char *, state->m);

  stmt = gloss_project_prepare (self, "SELECT id, name FROM coder", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (c = 0; c < state->m; c++)
        if (g_array_index (ids, gint64, c) == id)
          state->coder_names[c] = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  if (!step_error (self, stmt, rc, error))
    return FALSE;

  for (c = 0; c < state->m; c++)
    if (state->coder_names[c] == NULL)
      {
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The project has no coder with the id %" G_GINT64_FORMAT),
                     g_array_index (ids, gint64, c));
        return FALSE;
      }

  return TRUE;
}

/* Every code in tree order; the rows are those in scope, and a code's
 * codings count in its own row (if in scope) and, with sub-codes, in its
 * ancestors'. */
static gboolean
read_codes (GlossProject  *self,
            State         *state,
            GError       **error)
{
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) wanted = NULL;
  GArray *code_ids = state->query->code_ids;
  sqlite3_stmt *stmt;
  guint i;
  int rc;

  if (code_ids != NULL)
    {
      wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (i = 0; i < code_ids->len; i++)
        g_hash_table_add (wanted, &g_array_index (code_ids, gint64, i));
    }

  stmt = gloss_project_prepare (self,
                                CODE_TREE
                                "SELECT c.id, ifnull (c.parent_id, 0), tree.path"
                                " FROM code c JOIN tree ON tree.id = c.id ORDER BY tree.sortkey",
                                error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Code code = { 0, };
      gint64 parent = sqlite3_column_int64 (stmt, 1);

      code.id = sqlite3_column_int64 (stmt, 0);
      code.path = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_array_append_val (state->codes, code);
      g_array_append_val (parents, parent);
    }
  if (!step_error (self, stmt, rc, error))
    return FALSE;

  /* The array is complete: its elements stay put from here on. */
  for (i = 0; i < state->codes->len; i++)
    {
      Code *code = &g_array_index (state->codes, Code, i);

      g_hash_table_insert (state->code_index, &code->id, GUINT_TO_POINTER (i + 1));
    }

  for (i = 0; code_ids != NULL && i < code_ids->len; i++)
    if (lookup (state->code_index, g_array_index (code_ids, gint64, i)) == 0)
      {
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The project has no code with the id %" G_GINT64_FORMAT),
                     g_array_index (code_ids, gint64, i));
        return FALSE;
      }

  /* Parents come before their children. */
  for (i = 0; i < state->codes->len; i++)
    {
      Code *code = &g_array_index (state->codes, Code, i);
      guint parent = lookup (state->code_index, g_array_index (parents, gint64, i));
      const Code *up = parent > 0 && parent - 1 < i ? &g_array_index (state->codes, Code, parent - 1) : NULL;
      gboolean in_scope = wanted == NULL || g_hash_table_contains (wanted, &code->id);
      guint inherited = state->query->with_subcodes && up != NULL ? up->n_targets : 0;

      code->n_targets = (in_scope ? 1 : 0) + inherited;
      code->targets = g_new (guint, MAX (code->n_targets, 1));
      if (in_scope)
        {
          ScopeRow row = { 0, };

          row.code_id = code->id;
          row.path = code->path;
          tally_init (&row.tally, state->m);
          code->targets[0] = state->rows->len;
          g_array_append_val (state->rows, row);
        }
      if (inherited > 0)
        memcpy (code->targets + (in_scope ? 1 : 0), up->targets, inherited * sizeof (guint));
    }

  return TRUE;
}

static gboolean
read_documents (GlossProject  *self,
                State         *state,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GHashTable) wanted = NULL;
  GArray *document_ids = state->query->document_ids;
  gboolean with_text = state->query->unit != GLOSS_UNIT_CHARACTER;
  sqlite3_stmt *stmt;
  guint i;
  int rc;

  if (document_ids != NULL)
    {
      wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (i = 0; i < document_ids->len; i++)
        g_hash_table_add (wanted, &g_array_index (document_ids, gint64, i));
    }

  stmt = gloss_project_prepare (self,
                                "SELECT id, name, chars, CASE WHEN ?1 THEN text END FROM document"
                                " ORDER BY name COLLATE NOCASE, id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, with_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Document document = { 0, };

      document.id = sqlite3_column_int64 (stmt, 0);
      if (wanted != NULL && !g_hash_table_contains (wanted, &document.id))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      document.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      document.chars = (guint) sqlite3_column_int64 (stmt, 2);
      if (with_text)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 3);

          document.units = gloss_text_units (text != NULL ? text : "", state->query->unit);
          document.n_units = document.units->len;
        }
      else
        document.n_units = document.chars;
      state->scope_units += document.n_units;
      g_array_append_val (state->documents, document);
    }
  if (!step_error (self, stmt, rc, error))
    return FALSE;

  for (i = 0; i < state->documents->len; i++)
    {
      Document *document = &g_array_index (state->documents, Document, i);

      g_hash_table_insert (state->document_index, &document->id, GUINT_TO_POINTER (i + 1));
    }

  for (i = 0; document_ids != NULL && i < document_ids->len; i++)
    if (lookup (state->document_index, g_array_index (document_ids, gint64, i)) == 0)
      {
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The project has no document with the id %" G_GINT64_FORMAT),
                     g_array_index (document_ids, gint64, i));
        return FALSE;
      }

  return TRUE;
}

/* A coding as read: its document's index, and its own. */
typedef struct
{
  guint  document;
  guint  code;
  guint  coder;
  guint  start;
  guint  end;
} Coding;

static gboolean
read_codings (GlossProject  *self,
              State         *state,
              GArray        *codings,
              GCancellable  *cancellable,
              GError       **error)
{
  GArray *coder_ids = state->query->coder_ids;
  sqlite3_stmt *stmt;
  gint64 last_document_id = 0;
  guint last_document = 0, n = 0, c;
  int rc;

  stmt = gloss_project_prepare (self,
                                /* In the covering index's order, without a
                                 * sort in SQLite. */
                                "SELECT document_id, code_id, coder_id, start, \"end\""
                                " FROM coding INDEXED BY coding_same ORDER BY document_id",
                                error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Coding coding = { 0, };
      gint64 document_id = sqlite3_column_int64 (stmt, 0);
      gint64 coder_id = sqlite3_column_int64 (stmt, 2);
      guint code;

      if ((++n & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }

      /* The rows come by document: one lookup per document. */
      if (document_id != last_document_id)
        {
          last_document_id = document_id;
          last_document = lookup (state->document_index, document_id);
        }
      if (last_document == 0)
        continue;

      for (c = 0; c < state->m && g_array_index (coder_ids, gint64, c) != coder_id; c++)
        ;
      code = lookup (state->code_index, sqlite3_column_int64 (stmt, 1));
      if (c == state->m || code == 0 || g_array_index (state->codes, Code, code - 1).n_targets == 0)
        continue;

      coding.document = last_document - 1;
      coding.code = code - 1;
      coding.coder = c;
      coding.start = (guint) sqlite3_column_int64 (stmt, 3);
      coding.end = (guint) sqlite3_column_int64 (stmt, 4);
      g_array_append_val (codings, coding);
    }

  return step_error (self, stmt, rc, error);
}

static gboolean
read_snapshot (GlossProject  *self,
               State         *state,
               GArray        *codings,
               GCancellable  *cancellable,
               GError       **error)
{
  gboolean ok;
  int rc;

  LOCK (self);
  rc = sqlite3_exec (DB (self), "SAVEPOINT gloss_agreement", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gloss_project_set_error (self, error, rc);
      UNLOCK (self);
      return FALSE;
    }

  ok = read_coders (self, state, error);
  ok = ok && read_codes (self, state, error);
  ok = ok && read_documents (self, state, cancellable, error);
  ok = ok && read_codings (self, state, codings, cancellable, error);

  sqlite3_exec (DB (self), "RELEASE gloss_agreement", NULL, NULL, NULL);
  UNLOCK (self);

  return ok;
}

/* ---- counting ---- */

static int
compare_items (const void *a,
               const void *b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->coder != y->coder)
    return x->coder < y->coder ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

/* items: one coder's, by start; appends their union (disjoint, by start)
 * to intervals as pairs of start and end. */
static void
add_union (const Item *items,
           guint       n_items,
           guint       limit,
           GArray     *intervals)
{
  guint i, start = 0, end = 0;
  gboolean open = FALSE;

  for (i = 0; i < n_items; i++)
    {
      guint s = MIN (items[i].start, limit);
      guint e = MIN (items[i].end, limit);

      if (s >= e)
        continue;
      if (open && s <= end)
        {
          end = MAX (end, e);
          continue;
        }
      if (open)
        {
          g_array_append_val (intervals, start);
          g_array_append_val (intervals, end);
        }
      start = s;
      end = e;
      open = TRUE;
    }
  if (open)
    {
      g_array_append_val (intervals, start);
      g_array_append_val (intervals, end);
    }
}

typedef struct
{
  guint position;
  int   delta;
} Event;

static int
compare_events (const void *a,
                const void *b)
{
  const Event *x = a;
  const Event *y = b;

  return x->position < y->position ? -1 : x->position > y->position ? 1 : 0;
}

/* Characters: intervals[c] holds coder c's union as start, end pairs. */
static void
count_characters (GArray **intervals,
                  guint    m,
                  Tally   *tally)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  guint64 length[2] = { 0, 0 };
  guint64 both = 0;
  guint c, i, depth = 0, previous = 0;

  for (c = 0; c < m; c++)
    for (i = 0; i + 1 < intervals[c]->len; i += 2)
      {
        Event open = { g_array_index (intervals[c], guint, i), 1 };
        Event close = { g_array_index (intervals[c], guint, i + 1), -1 };

        g_array_append_val (events, open);
        g_array_append_val (events, close);
        if (c < 2)
          length[c] += close.position - open.position;
      }
  if (events->len > 1)
    qsort (events->data, events->len, sizeof (Event), compare_events);

  for (i = 0; i < events->len; i++)
    {
      const Event *event = &g_array_index (events, Event, i);

      if (depth > 0 && event->position > previous)
        {
          tally->units_with[depth] += event->position - previous;
          if (depth == 2)
            both += event->position - previous;
        }
      depth = (guint) ((int) depth + event->delta);
      previous = event->position;
    }

  if (m == 2)
    {
      tally->a_only += length[0] - both;
      tally->b_only += length[1] - both;
    }
}

/* Sentences and paragraphs: a unit is coded by a coder when one of the
 * coder's intervals shares a character with it.  counts and first are
 * per unit, zero on entry and on return. */
static void
count_units (GArray **intervals,
             guint    m,
             GArray  *units,
             guint   *counts,
             gboolean *first,
             GArray  *touched,
             Tally   *tally)
{
  const GlossTextUnit *unit = (const GlossTextUnit *) (void *) units->data;
  guint n_units = units->len;
  guint c, i, k;

  for (c = 0; c < m; c++)
    {
      guint last = G_MAXUINT;   /* the unit this coder marked last */

      for (i = 0; i + 1 < intervals[c]->len; i += 2)
        {
          guint start = g_array_index (intervals[c], guint, i);
          guint end = g_array_index (intervals[c], guint, i + 1);
          guint low = 0, high = n_units;

          /* The first unit ending after start. */
          while (low < high)
            {
              guint middle = low + (high - low) / 2;

              if (unit[middle].end <= start)
                low = middle + 1;
              else
                high = middle;
            }
          for (k = low; k < n_units && unit[k].start < end; k++)
            {
              if (k == last)
                continue;
              last = k;
              if (counts[k]++ == 0)
                g_array_append_val (touched, k);
              if (c == 0)
                first[k] = TRUE;
            }
        }
    }

  for (i = 0; i < touched->len; i++)
    {
      k = g_array_index (touched, guint, i);
      tally->units_with[counts[k]]++;
      if (m == 2 && counts[k] == 1)
        {
          if (first[k])
            tally->a_only++;
          else
            tally->b_only++;
        }
      counts[k] = 0;
      first[k] = FALSE;
    }
  g_array_set_size (touched, 0);
}

/* One document's codings (codings[from, to)). */
static void
count_document (State         *state,
                const Coding  *codings,
                guint          n_codings,
                gboolean       by_document,
                GArray       **intervals)
{
  const Document *document = &g_array_index (state->documents, Document, codings[0].document);
  g_autofree guint *counts = NULL;
  g_autofree gboolean *first = NULL;
  g_autoptr(GArray) touched = NULL;
  GArray *items = state->items;
  guint i, k, c, m = state->m;
  guint limit = document->units != NULL ? G_MAXUINT : document->chars;

  g_array_set_size (items, 0);
  for (i = 0; i < n_codings; i++)
    {
      const Code *code = &g_array_index (state->codes, Code, codings[i].code);

      for (k = 0; k < code->n_targets; k++)
        {
          Item item = { code->targets[k], codings[i].coder, codings[i].start, codings[i].end };

          g_array_append_val (items, item);
        }
    }
  if (items->len > 1)
    qsort (items->data, items->len, sizeof (Item), compare_items);

  if (document->units != NULL)
    {
      counts = g_new0 (guint, document->units->len);
      first = g_new0 (gboolean, document->units->len);
      touched = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  for (i = 0; i < items->len; i = k)
    {
      const Item *item = &g_array_index (items, Item, i);
      ScopeRow *row = &g_array_index (state->rows, ScopeRow, item->row);
      Tally tally;

      for (k = i; k < items->len && g_array_index (items, Item, k).row == item->row; k++)
        ;

      tally_init (&tally, m);
      for (c = 0; c < m; c++)
        g_array_set_size (intervals[c], 0);
      for (guint from = i, to; from < k; from = to)
        {
          guint coder = g_array_index (items, Item, from).coder;

          for (to = from; to < k && g_array_index (items, Item, to).coder == coder; to++)
            ;
          add_union (&g_array_index (items, Item, from), to - from, limit, intervals[coder]);
          tally.coded_by[coder] = intervals[coder]->len > 0;
        }

      if (document->units != NULL)
        count_units (intervals, m, document->units, counts, first, touched, &tally);
      else
        count_characters (intervals, m, &tally);

      tally_add (&row->tally, &tally, m);
      if (by_document)
        g_ptr_array_add (row->by_document,
                         make_row (state, row->code_id, row->path, document->id, document->name,
                                   1, document->n_units, &tally));
      tally_clear (&tally);
    }
}

static int
compare_codings (const void *a,
                 const void *b)
{
  const Coding *x = a;
  const Coding *y = b;

  return x->document < y->document ? -1 : x->document > y->document ? 1 : 0;
}

/**
 * gloss_project_compute_agreement:
 * @cancellable: (nullable)
 *
 * Returns: (transfer full) (element-type GlossAgreementRow): the rows, or
 *   NULL with @error set
 */
GPtrArray *
gloss_project_compute_agreement (GlossProject              *self,
                                 const GlossAgreementQuery *query,
                                 gboolean                   by_document,
                                 GCancellable              *cancellable,
                                 GError                   **error)
{
  g_autoptr(GArray) codings = g_array_new (FALSE, FALSE, sizeof (Coding));
  g_autoptr(GPtrArray) result = NULL;
  g_autofree GArray **intervals = NULL;
  State state = { 0, };
  Tally pooled;
  guint64 pooled_units = 0;
  guint i, k, c;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->unit <= GLOSS_UNIT_PARAGRAPH, NULL);

  if (query->coder_ids == NULL || query->coder_ids->len < 2)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("Agreement needs at least two coders"));
      return NULL;
    }
  for (i = 0; i < query->coder_ids->len; i++)
    for (k = i + 1; k < query->coder_ids->len; k++)
      if (g_array_index (query->coder_ids, gint64, i) == g_array_index (query->coder_ids, gint64, k))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("A coder cannot be compared with themselves"));
          return NULL;
        }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  state.query = query;
  state.m = query->coder_ids->len;
  state.codes = g_array_new (FALSE, TRUE, sizeof (Code));
  g_array_set_clear_func (state.codes, code_clear);
  state.code_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  state.rows = g_array_new (FALSE, TRUE, sizeof (ScopeRow));
  g_array_set_clear_func (state.rows, scope_row_clear);
  state.documents = g_array_new (FALSE, TRUE, sizeof (Document));
  g_array_set_clear_func (state.documents, document_clear);
  state.document_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  state.items = g_array_new (FALSE, FALSE, sizeof (Item));

  if (!read_snapshot (self, &state, codings, cancellable, error))
    {
      state_clear (&state);
      return NULL;
    }

  for (i = 0; i < state.rows->len; i++)
    if (by_document)
      g_array_index (state.rows, ScopeRow, i).by_document =
        g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_agreement_row_free);

  /* By document, in the order the documents are listed in. */
  if (codings->len > 1)
    qsort (codings->data, codings->len, sizeof (Coding), compare_codings);
  intervals = g_new0 (GArray *, state.m);
  for (c = 0; c < state.m; c++)
    intervals[c] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (i = 0; i < codings->len; i = k)
    {
      guint document = g_array_index (codings, Coding, i).document;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          for (c = 0; c < state.m; c++)
            g_array_unref (intervals[c]);
          state_clear (&state);
          return NULL;
        }
      for (k = i; k < codings->len && g_array_index (codings, Coding, k).document == document; k++)
        ;
      count_document (&state, &g_array_index (codings, Coding, i), k - i, by_document, intervals);
    }
  for (c = 0; c < state.m; c++)
    g_array_unref (intervals[c]);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_agreement_row_free);
  tally_init (&pooled, state.m);
  for (i = 0; i < state.rows->len; i++)
    {
      ScopeRow *row = &g_array_index (state.rows, ScopeRow, i);

      g_ptr_array_add (result, make_row (&state, row->code_id, row->path, 0, NULL,
                                         state.documents->len, state.scope_units, &row->tally));
      if (by_document)
        for (k = 0; k < row->by_document->len; k++)
          g_ptr_array_add (result, g_steal_pointer (&g_ptr_array_index (row->by_document, k)));
      tally_add (&pooled, &row->tally, state.m);
      pooled_units += state.scope_units;
    }
  g_ptr_array_add (result, make_row (&state, 0, "ALL", 0, NULL, state.documents->len, pooled_units, &pooled));
  tally_clear (&pooled);

  state_clear (&state);

  return g_steal_pointer (&result);
}

/* ---- export ---- */

/* Three decimals, whatever the locale; "" when undefined. */
static void
add_figure (GlossSheet *sheet,
            double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      gloss_sheet_add_text (sheet, NULL);
      return;
    }

  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  if (strcmp (buffer, "-0.000") == 0)
    strcpy (buffer, "0.000");
  gloss_sheet_add_number (sheet, value, buffer, FALSE);
}

static void
add_count (GlossSheet *sheet,
           guint64     value)
{
  g_autofree char *shown = g_strdup_printf ("%" G_GUINT64_FORMAT, value);

  gloss_sheet_add_number (sheet, (double) value, shown, FALSE);
}

/**
 * gloss_agreement_to_sheet:
 * @rows: (element-type GlossAgreementRow)
 * @coder_names: (nullable): the coders compared, as one text
 *
 * Returns: (transfer full): the sheet "Agreement"
 */
GlossSheet *
gloss_agreement_to_sheet (GPtrArray  *rows,
                          guint       n_coders,
                          const char *coder_names)
{
  GlossSheet *sheet;
  guint i, j;

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (n_coders >= 2, NULL);

  sheet = gloss_sheet_new (_("Agreement"));
  gloss_sheet_add_header (sheet, "code");
  gloss_sheet_add_header (sheet, "document");
  gloss_sheet_add_header (sheet, "documents");
  gloss_sheet_add_header (sheet, "units");
  if (n_coders == 2)
    {
      gloss_sheet_add_header (sheet, "both");
      gloss_sheet_add_header (sheet, "a_only");
      gloss_sheet_add_header (sheet, "b_only");
      gloss_sheet_add_header (sheet, "neither");
    }
  else
    for (j = 0; j <= n_coders; j++)
      {
        g_autofree char *name = g_strdup_printf ("coded_by_%u", j);

        gloss_sheet_add_header (sheet, name);
      }
  gloss_sheet_add_header (sheet, "percent_agreement");
  gloss_sheet_add_header (sheet, n_coders == 2 ? "cohen_kappa" : "fleiss_kappa");
  gloss_sheet_add_header (sheet, "krippendorff_alpha");
  gloss_sheet_add_header (sheet, "note");
  gloss_sheet_add_header (sheet, "coders");

  for (i = 0; i < rows->len; i++)
    {
      const GlossAgreementRow *row = g_ptr_array_index (rows, i);

      gloss_sheet_begin_row (sheet);
      gloss_sheet_add_text (sheet, row->code_path);
      gloss_sheet_add_text (sheet, row->document_name);
      add_count (sheet, row->n_documents);
      add_count (sheet, row->n_units);
      if (n_coders == 2)
        {
          add_count (sheet, row->table.both);
          add_count (sheet, row->table.a_only);
          add_count (sheet, row->table.b_only);
          add_count (sheet, row->table.neither);
        }
      else
        for (j = 0; j <= n_coders; j++)
          add_count (sheet, row->units_with != NULL && j <= row->n_coders ? row->units_with[j] : 0);
      add_figure (sheet, row->percent);
      add_figure (sheet, row->kappa);
      add_figure (sheet, row->alpha);
      gloss_sheet_add_text (sheet, row->note);
      gloss_sheet_add_text (sheet, coder_names);
    }

  return sheet;
}

/**
 * gloss_agreement_formulas_sheet:
 *
 * Returns: (transfer full): the sheet "Formulas": statistic, formula
 */
GlossSheet *
gloss_agreement_formulas_sheet (void)
{
  static const struct
  {
    const char *name;
    const char *formula;
  } formulas[] = {
    { N_("Percent agreement"),
      N_("The share of units that both coders coded or both left uncoded: (a + d) / n, "
         "where a is the units both coded, d those neither coded and n all units. "
         "Given for two coders only.") },
    { N_("Cohen’s kappa"),
      N_("Two coders. (p_o − p_e) / (1 − p_e), where p_o = (a + d) / n is the agreement observed "
         "and p_e = ((a + b)(a + c) + (c + d)(b + d)) / n² the agreement expected by chance "
         "from each coder’s own share of coded units; b is the units only the first coder "
         "coded, c those only the second coded.") },
    { N_("Fleiss’ kappa"),
      N_("Three coders or more, each rating every unit as coded or not. (P̄ − P̄_e) / (1 − P̄_e), "
         "where P̄ is the mean over units of the share of agreeing pairs of coders, "
         "(Σ_k n_ik² − m) / (m (m − 1)) with m coders and n_ik the coders who put unit i in "
         "category k, and P̄_e = Σ_k p_k², p_k being the share of all ratings in category k.") },
    { N_("Krippendorff’s alpha"),
      N_("Nominal. 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, over the coincidence matrix o of "
         "the values of the units that at least two coders rated (each unit’s ordered pairs of "
         "values from different coders, weighing 1 / (m_u − 1)), with margins n_c, n = Σ n_c, "
         "and δ²_ck = 0 when c = k, 1 otherwise.") },
    { N_("Units"),
      N_("Characters: every character of the documents in scope, for every code. "
         "Sentences and paragraphs: a unit counts as coded by a coder when any of its "
         "characters is. The row ALL pools the units of every code.") },
    { N_("Undefined figures"),
      N_("A figure is left empty when its formula divides by zero: when there are no units, "
         "or when every unit falls in one category (no coder coded anything, or every coder "
         "coded everything).") },
  };
  GlossSheet *sheet;
  guint i;

  sheet = gloss_sheet_new (_("Formulas"));
  gloss_sheet_add_header (sheet, "statistic");
  gloss_sheet_add_header (sheet, "formula");
  for (i = 0; i < G_N_ELEMENTS (formulas); i++)
    {
      gloss_sheet_begin_row (sheet);
      gloss_sheet_add_text (sheet, _(formulas[i].name));
      gloss_sheet_add_text (sheet, _(formulas[i].formula));
    }

  return sheet;
}
