/* gloss-review.c: reviews of codings by colleagues
 *
 * A review is a row of the review table: one per coding and reviewer,
 * with a verdict and a comment.  Setting, changing and withdrawing one is
 * an action of the undo journal; reviews go with their coding (the
 * foreign key cascades, and the tombstone trigger records them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-codebook-private.h"
#include "gloss-error.h"
#include "gloss-project-private.h"
#include "gloss-review.h"

const char *
gloss_verdict_to_string (GlossVerdict verdict)
{
  switch (verdict)
    {
    case GLOSS_VERDICT_AGREE:
      return "agree";
    case GLOSS_VERDICT_DISPUTE:
      return "dispute";
    default:
      return NULL;
    }
}

/* Accepts "agree" and "dispute" (and "agreed", "disputed"), in any case. */
gboolean
gloss_verdict_from_string (const char   *text,
                           GlossVerdict *verdict)
{
  GlossVerdict value;

  if (text == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (text, "agree") == 0 || g_ascii_strcasecmp (text, "agreed") == 0)
    value = GLOSS_VERDICT_AGREE;
  else if (g_ascii_strcasecmp (text, "dispute") == 0 || g_ascii_strcasecmp (text, "disputed") == 0)
    value = GLOSS_VERDICT_DISPUTE;
  else
    return FALSE;

  if (verdict != NULL)
    *verdict = value;

  return TRUE;
}

void
gloss_review_free (GlossReview *review)
{
  if (review == NULL)
    return;

  g_free (review->guid);
  g_free (review->reviewer_name);
  g_free (review->comment);
  g_clear_pointer (&review->created, g_date_time_unref);
  g_clear_pointer (&review->changed, g_date_time_unref);
  g_free (review);
}

void
gloss_review_summary_free (GlossReviewSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->coder_name);
  g_free (summary);
}

#define REVIEW_SELECT \
  "SELECT v.id, v.guid, v.coding_id, v.reviewer_id, r.name, v.verdict, v.comment," \
  " v.created_at, v.changed_at FROM review v JOIN coder r ON r.id = v.reviewer_id "

static GlossReview *
review_from_row (sqlite3_stmt *stmt)
{
  GlossReview *review = g_new0 (GlossReview, 1);

  review->id = sqlite3_column_int64 (stmt, 0);
  review->guid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  review->coding_id = sqlite3_column_int64 (stmt, 2);
  review->reviewer_id = sqlite3_column_int64 (stmt, 3);
  review->reviewer_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  if (!gloss_verdict_from_string ((const char *) sqlite3_column_text (stmt, 5), &review->verdict))
    review->verdict = GLOSS_VERDICT_AGREE;
  review->comment = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  review->created = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 7), NULL);
  review->changed = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 8), NULL);

  return review;
}

static GlossReview *
get_review (GlossProject  *self,
            gint64         coding_id,
            gint64         reviewer_id,
            GError       **error)
{
  GlossReview *review = NULL;
  sqlite3_stmt *stmt;

  LOCK (self);
  stmt = gloss_project_prepare (self, REVIEW_SELECT "WHERE v.coding_id = ?1 AND v.reviewer_id = ?2", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, coding_id);
      sqlite3_bind_int64 (stmt, 2, reviewer_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        review = review_from_row (stmt);
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The review no longer exists"));
      sqlite3_finalize (stmt);
    }
  UNLOCK (self);

  return review;
}

/* Inside an action: whether reviewer may review the coding. */
static gboolean
check_reviewer (GlossProject  *self,
                gint64         coding_id,
                gint64         reviewer_id,
                GError       **error)
{
  gint64 author;

  /* coder_id + 1: a coding's coder is never 0, but be safe. */
  author = _gloss_codebook_query_id (self, "SELECT coder_id + 1 FROM coding WHERE id = ?1", coding_id, NULL);
  if (author == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The coding no longer exists"));
      return FALSE;
    }
  if (_gloss_codebook_query_id (self, "SELECT id FROM coder WHERE id = ?1", reviewer_id, NULL) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("The coder is not in the project"));
      return FALSE;
    }
  if (author - 1 == reviewer_id)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("A coder cannot review their own coding"));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_project_set_review:
 * @comment: (nullable): the reviewer's comment; %NULL for none
 *
 * Sets the reviewer's verdict and comment on the coding, replacing their
 * earlier review if they had one (which keeps its GUID and creation
 * time).  Setting the same verdict and comment again changes nothing and
 * leaves no step to undo.
 *
 * Returns: (transfer full): the review as stored, or %NULL with @error set
 */
GlossReview *
gloss_project_set_review (GlossProject  *self,
                          gint64         coding_id,
                          gint64         reviewer_id,
                          GlossVerdict   verdict,
                          const char    *comment,
                          GError       **error)
{
  g_autofree char *guid = g_uuid_string_random ();
  g_autofree char *now = gloss_now_iso8601 ();
  g_autofree char *stripped = NULL;
  const char *verdict_name = gloss_verdict_to_string (verdict);
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  if (verdict_name == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID, _("A review must agree or dispute"));
      return NULL;
    }

  stripped = g_strstrip (g_strdup (comment ? comment : ""));

  if (!_gloss_codebook_begin_action (self,
                                     verdict == GLOSS_VERDICT_AGREE ? _("Agree with Coding")
                                                                    : _("Dispute Coding"),
                                     error))
    return NULL;

  ok = check_reviewer (self, coding_id, reviewer_id, error);
  if (ok)
    {
      stmt = gloss_project_prepare (self,
                                    "INSERT INTO review (guid, coding_id, reviewer_id, verdict, comment,"
                                    " created_at, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"
                                    " ON CONFLICT (coding_id, reviewer_id) DO UPDATE SET"
                                    " verdict = excluded.verdict, comment = excluded.comment,"
                                    " changed_at = excluded.changed_at"
                                    " WHERE verdict != excluded.verdict OR comment != excluded.comment",
                                    error);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, coding_id);
          sqlite3_bind_int64 (stmt, 3, reviewer_id);
          sqlite3_bind_text (stmt, 4, verdict_name, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, stripped, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
        }
      ok = _gloss_codebook_run (self, stmt, error);
    }

  if (!_gloss_codebook_end_action (self, ok, FALSE, TRUE, error))
    return NULL;

  return get_review (self, coding_id, reviewer_id, error);
}

/**
 * gloss_project_remove_review:
 *
 * Withdraws the reviewer's review of the coding; %GLOSS_ERROR_NOT_FOUND
 * when they have none.
 */
gboolean
gloss_project_remove_review (GlossProject  *self,
                             gint64         coding_id,
                             gint64         reviewer_id,
                             GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  if (!_gloss_codebook_begin_action (self, _("Withdraw Review"), error))
    return FALSE;

  ok = _gloss_codebook_exec_bound (self, "DELETE FROM review WHERE coding_id = ?1 AND reviewer_id = ?2",
                                   coding_id, reviewer_id, error);
  if (ok && sqlite3_changes (DB (self)) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND, _("There is no such review to withdraw"));
      ok = FALSE;
    }

  return _gloss_codebook_end_action (self, ok, FALSE, TRUE, error);
}

/**
 * gloss_project_list_reviews:
 *
 * Returns: (transfer full) (element-type GlossReview): the coding's
 *   reviews, the oldest first
 */
GPtrArray *
gloss_project_list_reviews (GlossProject  *self,
                            gint64         coding_id,
                            GError       **error)
{
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_review_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  LOCK (self);
  stmt = gloss_project_prepare (self, REVIEW_SELECT "WHERE v.coding_id = ?1 ORDER BY v.created_at, v.id", error);
  if (stmt == NULL)
    {
      UNLOCK (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, coding_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (reviews, review_from_row (stmt));
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);
  UNLOCK (self);

  return rc == SQLITE_DONE ? g_steal_pointer (&reviews) : NULL;
}

/* The ids of the codings that the filter admits among those reviewed. */
static GHashTable *
reviewed_ids (GlossProject       *self,
              GlossReviewFilter   review_filter,
              GError            **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = gloss_project_prepare (self,
                                review_filter == GLOSS_REVIEW_FILTER_DISPUTED
                                ? "SELECT DISTINCT coding_id FROM review WHERE verdict = 'dispute'"
                                : "SELECT DISTINCT coding_id FROM review",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

/**
 * gloss_project_list_reviewed_codings:
 * @filter: (nullable): which codings, as for gloss_project_list_codings()
 *
 * Returns: (transfer full) (element-type GlossCoding): the codings, in the
 *   order of gloss_project_list_codings(), that review_filter admits
 */
GPtrArray *
gloss_project_list_reviewed_codings (GlossProject             *self,
                                     const GlossCodingFilter  *filter,
                                     GlossReviewFilter         review_filter,
                                     GError                  **error)
{
  g_autoptr(GPtrArray) codings = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GHashTable) ids = NULL;
  guint i;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  /* One snapshot for both reads. */
  LOCK (self);
  codings = gloss_project_list_codings (self, filter, error);
  if (codings != NULL && review_filter != GLOSS_REVIEW_FILTER_ALL)
    ids = reviewed_ids (self, review_filter, error);
  UNLOCK (self);

  if (codings == NULL)
    return NULL;
  if (review_filter == GLOSS_REVIEW_FILTER_ALL)
    return g_steal_pointer (&codings);
  if (ids == NULL)
    return NULL;

  kept = g_ptr_array_new_with_free_func (g_object_unref);
  for (i = 0; i < codings->len; i++)
    {
      GlossCoding *coding = g_ptr_array_index (codings, i);
      gint64 id = gloss_coding_get_id (coding);
      gboolean reviewed = g_hash_table_contains (ids, &id);

      if (reviewed == (review_filter == GLOSS_REVIEW_FILTER_DISPUTED))
        g_ptr_array_add (kept, g_object_ref (coding));
    }

  return g_steal_pointer (&kept);
}

/**
 * gloss_project_review_summary:
 *
 * Returns: (transfer full) (element-type GlossReviewSummary): one entry
 *   per coder who has codings or has reviewed, by name
 */
GPtrArray *
gloss_project_review_summary (GlossProject  *self,
                              GError       **error)
{
  g_autoptr(GPtrArray) summary = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_review_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  LOCK (self);
  stmt = gloss_project_prepare (self,
                                "WITH state (coding_id, coder_id, agrees, disputes) AS ("
                                "  SELECT k.id, k.coder_id,"
                                "   (SELECT count (*) FROM review v WHERE v.coding_id = k.id AND v.verdict = 'agree'),"
                                "   (SELECT count (*) FROM review v WHERE v.coding_id = k.id AND v.verdict = 'dispute')"
                                "  FROM coding k),"
                                " authored (coder_id, n, agreed, disputed, unreviewed) AS ("
                                "  SELECT coder_id, count (*), sum (agrees > 0 AND disputes = 0),"
                                "   sum (disputes > 0), sum (agrees = 0 AND disputes = 0)"
                                "  FROM state GROUP BY coder_id),"
                                " given (coder_id, n) AS ("
                                "  SELECT v.reviewer_id, count (*) FROM review v JOIN coding k ON k.id = v.coding_id"
                                "  WHERE k.coder_id != v.reviewer_id GROUP BY v.reviewer_id)"
                                " SELECT c.id, c.name, ifnull (a.n, 0), ifnull (a.agreed, 0), ifnull (a.disputed, 0),"
                                "  ifnull (a.unreviewed, 0), ifnull (g.n, 0)"
                                " FROM coder c LEFT JOIN authored a ON a.coder_id = c.id"
                                " LEFT JOIN given g ON g.coder_id = c.id"
                                " WHERE a.n IS NOT NULL OR g.n IS NOT NULL"
                                " ORDER BY c.name COLLATE NOCASE, c.id",
                                error);
  if (stmt == NULL)
    {
      UNLOCK (self);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GlossReviewSummary *entry = g_new0 (GlossReviewSummary, 1);

      entry->coder_id = sqlite3_column_int64 (stmt, 0);
      entry->coder_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->n_codings = sqlite3_column_int (stmt, 2);
      entry->n_agreed = sqlite3_column_int (stmt, 3);
      entry->n_disputed = sqlite3_column_int (stmt, 4);
      entry->n_unreviewed = sqlite3_column_int (stmt, 5);
      entry->n_reviews_given = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (summary, entry);
    }
  if (rc != SQLITE_DONE)
    gloss_project_set_error (self, error, rc);
  sqlite3_finalize (stmt);
  UNLOCK (self);

  return rc == SQLITE_DONE ? g_steal_pointer (&summary) : NULL;
}
