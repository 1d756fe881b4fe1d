/* gloss-merge.c: bringing a colleague's project file into this one
 *
 * How changes are tracked.  Every code, coding, memo and review carries a
 * GUID, made when the row is made and never changed, and a change time
 * (changed_at, UTC to the microsecond) that every edit sets.  Deleting one
 * of these rows leaves a tombstone: its GUID and the time it was deleted
 * (schema 5; triggers write it, and a row put back, by undo or by a merge,
 * takes its tombstone away).  Copies of one project share the GUIDs of
 * everything made before the copy, so a merge can tell, for every GUID,
 * whether each side has the row, had it and deleted it, or never had it:
 *
 *   - both have it: the later change wins, the whole row (a code's name,
 *     description, colour and place among its siblings; a coding's code,
 *     range and memo; a memo's text; a review's verdict and comment).  Two
 *     equal times (a row a merge copied) fall back on comparing contents,
 *     so both directions pick the same row;
 *   - we have it, they have a tombstone: deleted if the tombstone is as
 *     late as our last change, kept if we changed it after they deleted
 *     it.  For a code "our last change" includes its sub-codes and their
 *     codings: a code a colleague deleted stays if we coded with it since;
 *   - they have it, we have a tombstone: the same rule the other way;
 *   - they have it, we never had it: added.
 *
 * The rules look only at the two rows and the tombstones, never at which
 * project is "ours", so merging A into B and B into A give the same
 * codings, and merging the same file twice changes nothing the second
 * time (every row copied keeps its GUID and its change time).  Tombstones
 * of theirs for rows we do not have are kept too, so that a deletion
 * travels on through later merges.
 *
 * What has no GUID history is matched by content: documents by the
 * SHA-256 of their bytes (theirs missing here is a conflict: add it, with
 * its bytes, text and pages, or skip it and what is coded on it); coders
 * by GUID, then by name (added, never a conflict); attributes by GUID,
 * then by name (their value where we have none).  A code we do not know
 * by GUID is matched by its path: one of ours with that path is a
 * SAME_PATH conflict (MAP: theirs is ours, their codings go to ours; ADD:
 * theirs is added as "Name (2)"; SKIP: theirs and its codings stay out).
 * A code both know whose parents differ is a CODE_MOVED conflict (MAP:
 * ours stays where it is; ADD: it moves to where theirs is) — asked
 * rather than decided by time, since a moved code changes the paths of
 * everything below it.  A code that would take a name its new siblings
 * already use is SAME_PATH too (MAP or SKIP: ours keeps its name and
 * place; ADD: theirs, renamed).  A coding the same as one of ours (same
 * document, code, coder and range; the index coding_same) but with
 * another GUID is matched, not added.  Pins (keys 1–9) are each coder's
 * own: ours stay, added codes come without.
 *
 * The merge is planned first: gloss_project_plan_merge() reads both files
 * and lists the conflicts, writing nothing.  gloss_project_merge() reads
 * both again, inside one write transaction that is also one undoable
 * action (Ctrl+Z undoes the codebook, codings, memos, reviews and
 * attribute values it wrote; documents and coders it added stay, as after
 * an import), plans again with the decisions taken, writes, logs the
 * merge in merge_log and commits — or rolls everything back on an error,
 * a cancellation or a dry run.  A crash at any moment leaves the project
 * as it was or as merged, never in between.  (Undo deletes what the merge
 * added, and deleting leaves tombstones: merging the same file again after
 * an undo does not bring those rows back.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-merge.h"
#include "gloss-merge-private.h"
#include "gloss-project-private.h"

/* 'GLSS' */
#define GLOSS_APPLICATION_ID 0x474C5353

struct _GlossMergePlan
{
  char      *source;
  GPtrArray *conflicts;
};

void
gloss_merge_plan_free (GlossMergePlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->source);
  g_clear_pointer (&plan->conflicts, g_ptr_array_unref);
  g_free (plan);
}

const char *
gloss_merge_plan_get_source (GlossMergePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->source;
}

GPtrArray *
gloss_merge_plan_get_conflicts (GlossMergePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->conflicts;
}

gboolean
gloss_merge_plan_is_decided (GlossMergePlan *plan)
{
  guint i;

  g_return_val_if_fail (plan != NULL, FALSE);

  for (i = 0; i < plan->conflicts->len; i++)
    {
      GlossMergeConflict *conflict = g_ptr_array_index (plan->conflicts, i);

      if (conflict->decision == GLOSS_DECISION_NONE)
        return FALSE;
    }

  return TRUE;
}

void
gloss_merge_plan_map_codes_by_path (GlossMergePlan *plan)
{
  guint i;

  g_return_if_fail (plan != NULL);

  for (i = 0; i < plan->conflicts->len; i++)
    {
      GlossMergeConflict *conflict = g_ptr_array_index (plan->conflicts, i);

      if (conflict->kind == GLOSS_CONFLICT_SAME_PATH || conflict->kind == GLOSS_CONFLICT_CODE_MOVED)
        conflict->decision = GLOSS_DECISION_MAP;
    }
}

/* ---- the other project ---- */

typedef struct
{
  sqlite3 *db;
  int      schema;
  char    *guid;
  char    *name;
} Other;

static void
other_close (Other *other)
{
  if (other->db != NULL)
    {
      sqlite3_exec (other->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (other->db);
    }
  g_free (other->guid);
  g_free (other->name);
  memset (other, 0, sizeof *other);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;

  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static char *
other_value (sqlite3    *db,
             const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM project WHERE key = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return value;
}

/* Opens the other file read-only, inside a read transaction (one
 * consistent state however long the merge reads), after checking that it
 * is a Gloss project no newer than this Gloss, and not this project. */
static gboolean
other_open (GlossProject  *self,
            const char    *path,
            Other         *other,
            GError       **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0;
  int rc;

  memset (other, 0, sizeof *other);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("“%s” does not exist"), display);
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_A_PROJECT, _("“%s” is not a Gloss project"), display);
      return FALSE;
    }
  if (same_file (path, gloss_project_get_path (self)))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("“%s” is this project: a project cannot be merged into itself"), display);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &other->db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (other->db, 1);
      sqlite3_busy_timeout (other->db, 5000);
      rc = sqlite3_exec (other->db, "BEGIN", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (other->db,
                             "SELECT (SELECT application_id FROM pragma_application_id),"
                             " (SELECT user_version FROM pragma_user_version)",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          app_id = sqlite3_column_int64 (stmt, 0);
          other->schema = sqlite3_column_int (stmt, 1);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if ((rc & 0xff) == SQLITE_NOTADB || (rc == SQLITE_OK && (app_id != GLOSS_APPLICATION_ID || other->schema < 1)))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_A_PROJECT, _("“%s” is not a Gloss project"), display);
      goto fail;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GLOSS_ERROR,
                   (rc & 0xff) == SQLITE_CORRUPT ? GLOSS_ERROR_DAMAGED :
                   (rc & 0xff) == SQLITE_BUSY ? GLOSS_ERROR_IN_USE : GLOSS_ERROR_FAILED,
                   _("The project “%s” cannot be read (%s)"), display,
                   other->db != NULL ? sqlite3_errmsg (other->db) : sqlite3_errstr (rc));
      goto fail;
    }
  if (other->schema > GLOSS_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Gloss; update Gloss to merge it"), display);
      goto fail;
    }

  other->guid = other_value (other->db, "guid");
  other->name = other_value (other->db, "name");
  if (other->name == NULL || *other->name == '\0')
    {
      g_free (other->name);
      other->name = g_steal_pointer (&display);
    }

  return TRUE;

fail:
  other_close (other);
  return FALSE;
}

/* Ours, read in one read transaction (when not already in the merge's). */
static MergeSide *
load_ours (GlossProject  *self,
           gboolean       in_transaction,
           GError       **error)
{
  sqlite3 *db = gloss_project_get_db (self);
  MergeSide *side;
  gboolean began;

  g_rec_mutex_lock (gloss_project_get_lock (self));
  began = !in_transaction && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
  side = merge_side_load (db, GLOSS_PROJECT_SCHEMA_VERSION, gloss_project_get_path (self), error);
  if (began)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  g_rec_mutex_unlock (gloss_project_get_lock (self));

  return side;
}

GlossMergePlan *
gloss_project_plan_merge (GlossProject  *self,
                          const char    *other_path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(MergeOutcome) outcome = NULL;
  MergeSide *ours, *theirs;
  GlossMergePlan *plan;
  Other other;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (other_path != NULL, NULL);

  if (!other_open (self, other_path, &other, error))
    return NULL;
  theirs = merge_side_load (other.db, other.schema, other_path, error);
  other_close (&other);
  if (theirs == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      merge_side_free (theirs);
      return NULL;
    }
  ours = load_ours (self, FALSE, error);
  if (ours == NULL)
    {
      merge_side_free (theirs);
      return NULL;
    }

  outcome = merge_outcome_new (ours, theirs, NULL);
  plan = g_new0 (GlossMergePlan, 1);
  plan->source = g_strdup (other_path);
  plan->conflicts = g_steal_pointer (&outcome->conflicts);

  return plan;
}

static void
append_counts (GString    *json,
               const char *kind,
               const char *names,
               ...)
{
  g_auto(GStrv) keys = g_strsplit (names, ",", -1);
  va_list args;
  guint i;

  g_string_append_printf (json, "%s\"%s\":{", json->len > 1 ? "," : "", kind);
  va_start (args, names);
  for (i = 0; keys[i] != NULL; i++)
    g_string_append_printf (json, "%s\"%s\":%u", i ? "," : "", keys[i], va_arg (args, guint));
  va_end (args);
  g_string_append_c (json, '}');
}

static char *
summary_json (const GlossMergeSummary *s)
{
  GString *json = g_string_new ("{");

  append_counts (json, "documents", "added,matched,skipped",
                 s->documents_added, s->documents_matched, s->documents_skipped);
  append_counts (json, "coders", "added,matched", s->coders_added, s->coders_matched);
  append_counts (json, "codes", "added,matched,updated,deleted,skipped",
                 s->codes_added, s->codes_matched, s->codes_updated, s->codes_deleted, s->codes_skipped);
  append_counts (json, "codings", "added,matched,updated,deleted,skipped",
                 s->codings_added, s->codings_matched, s->codings_updated, s->codings_deleted,
                 s->codings_skipped);
  append_counts (json, "memos", "added,updated,deleted", s->memos_added, s->memos_updated, s->memos_deleted);
  append_counts (json, "reviews", "added,updated,deleted",
                 s->reviews_added, s->reviews_updated, s->reviews_deleted);
  g_string_append_c (json, '}');

  return g_string_free (json, FALSE);
}

static gboolean
log_merge (GlossProject             *self,
           const Other              *other,
           const char               *other_path,
           const GlossMergeSummary  *summary,
           GError                  **error)
{
  g_autofree char *json = summary_json (summary);
  g_autofree char *now = gloss_now_iso8601 ();
  g_autoptr(GFile) file = g_file_new_for_path (other_path);
  g_autofree char *absolute = g_file_get_path (file);
  sqlite3_stmt *stmt;
  int rc;

  stmt = gloss_project_prepare (self,
                                "INSERT INTO merge_log (source_guid, source_path, merged_at, summary)"
                                " VALUES (?1, ?2, ?3, ?4)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, other->guid != NULL ? other->guid : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, absolute != NULL ? absolute : other_path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, json, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      gloss_project_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* A conflict found now that the plan did not list: for a document, the
 * other file changed since the plan (plan again); for a code, one that
 * only a decision taken on another code brought up, and which is
 * settled as if it were MAP (keep ours). */
static gboolean
check_conflicts (MergeOutcome  *outcome,
                 GHashTable    *decisions,
                 GError       **error)
{
  guint i;

  for (i = 0; i < outcome->conflicts->len; i++)
    {
      GlossMergeConflict *conflict = g_ptr_array_index (outcome->conflicts, i);
      g_autofree char *key = merge_conflict_key (conflict->kind, conflict->their_guid);

      if (conflict->kind == GLOSS_CONFLICT_MISSING_DOCUMENT && !g_hash_table_contains (decisions, key))
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("The other project changed since the merge was planned; plan it again"));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
gloss_project_merge (GlossProject       *self,
                     GlossMergePlan     *plan,
                     gboolean            dry_run,
                     GlossMergeSummary  *summary,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(GHashTable) decisions = NULL;
  g_autoptr(MergeOutcome) outcome = NULL;
  g_autofree char *label = NULL;
  MergeSide *ours = NULL, *theirs = NULL;
  gboolean ok;
  Other other;
  guint i;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!gloss_merge_plan_is_decided (plan))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("Every conflict needs a decision before the merge"));
      return FALSE;
    }

  decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (i = 0; i < plan->conflicts->len; i++)
    {
      GlossMergeConflict *conflict = g_ptr_array_index (plan->conflicts, i);

      g_hash_table_insert (decisions, merge_conflict_key (conflict->kind, conflict->their_guid),
                           GINT_TO_POINTER (conflict->decision));
    }

  if (!other_open (self, plan->source, &other, error))
    return FALSE;
  theirs = merge_side_load (other.db, other.schema, plan->source, error);
  if (theirs == NULL)
    {
      other_close (&other);
      return FALSE;
    }

  label = g_strdup_printf (_("Merge “%s”"), other.name);
  if (!gloss_project_begin_action (self, label, error))
    {
      merge_side_free (theirs);
      other_close (&other);
      return FALSE;
    }

  ours = load_ours (self, TRUE, error);
  ok = ours != NULL;
  if (ok)
    {
      outcome = merge_outcome_new (ours, theirs, decisions);
      ok = check_conflicts (outcome, decisions, error) &&
           merge_apply (self, other.db, plan->source, outcome, cancellable, error) &&
           (dry_run || log_merge (self, &other, plan->source, &outcome->summary, error));
    }
  else
    merge_side_free (theirs);

  if (dry_run)
    gloss_project_end_action (self, FALSE, NULL);
  else
    ok = gloss_project_end_action (self, ok, error);
  other_close (&other);

  if (!ok)
    return FALSE;

  if (summary != NULL)
    *summary = outcome->summary;

  if (!dry_run)
    {
      gboolean attributes = outcome->values->len > 0;

      for (i = 0; i < outcome->attributes->len && !attributes; i++)
        attributes = ((MergeAttribute *) g_ptr_array_index (outcome->attributes, i))->ours == NULL;
      if (outcome->summary.documents_added > 0 || attributes)
        gloss_project_notify_documents_changed (self);
      gloss_project_notify_codes_changed (self);
      gloss_project_notify_codings_changed (self);
    }

  return TRUE;
}
