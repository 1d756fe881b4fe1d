/* test-review.c: reviews of codings, in the engine and from gloss-cli
 *
 * Every test works on a fresh project: one text report, two codes, four
 * coders (Alice, Ben, Cara, Eve) and five codings:
 *   c[1] Alice, Help      c[2] Alice, Leadership
 *   c[3] Ben,   Help      c[4] Ben,   Leadership
 *   c[5] Cara,  Help
 * What is stored is read back with a connection of our own on the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

static const char report[] =
  "Early help was good. Leaders know their services well. Plans were rare.\n";

typedef struct
{
  char         *dir;
  char         *path;
  GlossProject *project;
  gint64        document;
  gint64        help, leadership;
  gint64        alice, ben, cara, eve;
  gint64        c[6];
  guint         codings_changed;
} Fixture;

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_codings_changed (GlossProject *project,
                    Fixture      *f)
{
  f->codings_changed++;
}

static gint64
add_coding (Fixture *f,
            gint64   code,
            gint64   coder,
            guint    start,
            guint    end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = NULL;

  coding = gloss_project_add_coding (f->project, f->document, code, coder, start, end, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (coding);
  return gloss_coding_get_id (coding);
}

static gint64
ensure_coder (Fixture    *f,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gloss_project_ensure_coder (f->project, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossCode) help = NULL;
  g_autoptr(GlossCode) leadership = NULL;
  g_autofree char *text_path = NULL;

  f->dir = gloss_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "Review.gloss", NULL);
  f->project = gloss_project_create (f->path, "Review", &error);
  g_assert_no_error (error);

  text_path = g_build_filename (f->dir, "report.txt", NULL);
  g_assert_true (g_file_set_contents (text_path, report, -1, NULL));
  file = g_file_new_for_path (text_path);
  document = gloss_project_import_file (f->project, file, NULL, NULL, &error);
  g_assert_no_error (error);
  f->document = gloss_document_get_id (document);

  help = gloss_project_add_code (f->project, 0, "Help", NULL, NULL, &error);
  g_assert_no_error (error);
  leadership = gloss_project_add_code (f->project, 0, "Leadership", NULL, NULL, &error);
  g_assert_no_error (error);
  f->help = gloss_code_get_id (help);
  f->leadership = gloss_code_get_id (leadership);

  f->alice = ensure_coder (f, "Alice");
  f->ben = ensure_coder (f, "Ben");
  f->cara = ensure_coder (f, "Cara");
  f->eve = ensure_coder (f, "Eve");

  /* "Early help" 0–10, "Leaders know" 21–33, "Plans were rare" 55–70. */
  f->c[1] = add_coding (f, f->help, f->alice, 0, 10);
  f->c[2] = add_coding (f, f->leadership, f->alice, 21, 33);
  f->c[3] = add_coding (f, f->help, f->ben, 0, 10);
  f->c[4] = add_coding (f, f->leadership, f->ben, 21, 54);
  f->c[5] = add_coding (f, f->help, f->cara, 55, 70);

  drain ();
  g_signal_connect (f->project, "codings-changed", G_CALLBACK (on_codings_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  drain ();
  g_clear_object (&f->project);
  gloss_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* The review table as stored, one line per row in id order. */
static char *
review_rows (Fixture *f)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = open_db (f->path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, guid, coding_id, reviewer_id, verdict, comment,"
                                       " created_at, changed_at FROM review ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%lld %s %lld %lld %s '%s' %s %s\n",
                            (long long) sqlite3_column_int64 (stmt, 0), sqlite3_column_text (stmt, 1),
                            (long long) sqlite3_column_int64 (stmt, 2),
                            (long long) sqlite3_column_int64 (stmt, 3), sqlite3_column_text (stmt, 4),
                            sqlite3_column_text (stmt, 5), sqlite3_column_text (stmt, 6),
                            sqlite3_column_text (stmt, 7));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static gint64
sql_int (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = open_db (f->path);
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static char *
tombstone_kind (Fixture    *f,
                const char *guid)
{
  sqlite3 *db = open_db (f->path);
  sqlite3_stmt *stmt = NULL;
  char *kind = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT kind FROM tombstone WHERE guid = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return kind;
}

static GlossReview *
review (Fixture      *f,
        gint64        coding,
        gint64        reviewer,
        GlossVerdict  verdict,
        const char   *comment)
{
  g_autoptr(GError) error = NULL;
  GlossReview *r = gloss_project_set_review (f->project, coding, reviewer, verdict, comment, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static GPtrArray *
list_reviews (Fixture *f,
              gint64   coding)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *reviews = gloss_project_list_reviews (f->project, coding, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reviews);
  return reviews;
}

static void
undo (Fixture    *f,
      const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;

  g_assert_true (gloss_project_can_undo (f->project, &next));
  g_assert_cmpstr (next, ==, label);
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture    *f,
      const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;

  g_assert_true (gloss_project_can_redo (f->project, &next));
  g_assert_cmpstr (next, ==, label);
  g_assert_true (gloss_project_redo (f->project, &error));
  g_assert_no_error (error);
}

/* "1,3": the fixture's numbers of the codings, in order. */
static char *
coding_numbers (Fixture   *f,
                GPtrArray *codings)
{
  GString *out = g_string_new (NULL);
  guint i, j;

  for (i = 0; i < codings->len; i++)
    {
      gint64 id = gloss_coding_get_id (g_ptr_array_index (codings, i));

      for (j = 1; j < G_N_ELEMENTS (f->c); j++)
        if (f->c[j] == id)
          break;
      g_assert_cmpuint (j, <, G_N_ELEMENTS (f->c));
      g_string_append_printf (out, "%s%u", out->len ? "," : "", j);
    }

  return g_string_free (out, FALSE);
}

static char *
reviewed (Fixture                 *f,
          const GlossCodingFilter *filter,
          GlossReviewFilter        review_filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codings = NULL;

  codings = gloss_project_list_reviewed_codings (f->project, filter, review_filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (codings);
  return coding_numbers (f, codings);
}

/* ------------------------------------------------------------------------
 * Verdicts
 * ------------------------------------------------------------------------ */

static void
test_verdict_strings (void)
{
  GlossVerdict verdict = GLOSS_VERDICT_AGREE;

  g_assert_cmpstr (gloss_verdict_to_string (GLOSS_VERDICT_AGREE), ==, "agree");
  g_assert_cmpstr (gloss_verdict_to_string (GLOSS_VERDICT_DISPUTE), ==, "dispute");

  g_assert_true (gloss_verdict_from_string ("dispute", &verdict));
  g_assert_cmpint (verdict, ==, GLOSS_VERDICT_DISPUTE);
  g_assert_true (gloss_verdict_from_string ("AGREE", &verdict));
  g_assert_cmpint (verdict, ==, GLOSS_VERDICT_AGREE);
  g_assert_false (gloss_verdict_from_string ("maybe", &verdict));
  g_assert_cmpint (verdict, ==, GLOSS_VERDICT_AGREE);
  g_assert_false (gloss_verdict_from_string ("", &verdict));
  g_assert_false (gloss_verdict_from_string (NULL, &verdict));
}

/* ------------------------------------------------------------------------
 * Set, change, withdraw
 * ------------------------------------------------------------------------ */

static void
test_set_change_withdraw (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GlossReview) first = NULL;
  g_autoptr(GlossReview) changed = NULL;
  g_autoptr(GlossReview) again = NULL;
  g_autoptr(GlossReview) cara = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *guid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *kind = NULL;
  GlossReview *r;
  gint64 actions;

  /* Ben agrees with Alice's coding. */
  first = review (f, f->c[1], f->ben, GLOSS_VERDICT_AGREE, "  Fair reading  ");
  drain ();
  g_assert_cmpuint (f->codings_changed, ==, 1);
  g_assert_true (g_uuid_string_is_valid (first->guid));
  g_assert_cmpint (first->coding_id, ==, f->c[1]);
  g_assert_cmpint (first->reviewer_id, ==, f->ben);
  g_assert_cmpstr (first->reviewer_name, ==, "Ben");
  g_assert_cmpint (first->verdict, ==, GLOSS_VERDICT_AGREE);
  /* The comment is stored trimmed. */
  g_assert_cmpstr (first->comment, ==, "Fair reading");
  g_assert_nonnull (first->created);
  g_assert_true (g_date_time_equal (first->created, first->changed));
  guid = g_strdup (first->guid);

  reviews = list_reviews (f, f->c[1]);
  g_assert_cmpuint (reviews->len, ==, 1);
  r = g_ptr_array_index (reviews, 0);
  g_assert_cmpstr (r->guid, ==, guid);
  g_assert_cmpstr (r->comment, ==, "Fair reading");
  g_clear_pointer (&reviews, g_ptr_array_unref);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM review"), ==, 1);

  /* He changes his mind: the same review (GUID, id, creation time), a new
   * verdict and comment. */
  g_usleep (2000);
  changed = review (f, f->c[1], f->ben, GLOSS_VERDICT_DISPUTE, "Too broad: “help” starts later");
  drain ();
  g_assert_cmpuint (f->codings_changed, ==, 2);
  g_assert_cmpint (changed->id, ==, first->id);
  g_assert_cmpstr (changed->guid, ==, guid);
  g_assert_cmpint (changed->verdict, ==, GLOSS_VERDICT_DISPUTE);
  g_assert_cmpstr (changed->comment, ==, "Too broad: “help” starts later");
  g_assert_true (g_date_time_equal (changed->created, first->created));
  g_assert_cmpint (g_date_time_compare (changed->changed, first->changed), >, 0);
  /* One review per reviewer per coding. */
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM review"), ==, 1);

  /* The same verdict and comment again changes nothing, not even the
   * undo history. */
  before = review_rows (f);
  actions = sql_int (f, "SELECT count (*) FROM journal_action");
  again = review (f, f->c[1], f->ben, GLOSS_VERDICT_DISPUTE, "Too broad: “help” starts later");
  g_assert_cmpstr (again->guid, ==, guid);
  after = review_rows (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM journal_action"), ==, actions);

  /* A second reviewer: reviews come by time. */
  g_usleep (2000);
  cara = review (f, f->c[1], f->cara, GLOSS_VERDICT_AGREE, NULL);
  g_assert_cmpstr (cara->comment, ==, "");
  g_assert_cmpstr (cara->guid, !=, guid);
  reviews = list_reviews (f, f->c[1]);
  g_assert_cmpuint (reviews->len, ==, 2);
  g_assert_cmpstr (((GlossReview *) g_ptr_array_index (reviews, 0))->reviewer_name, ==, "Ben");
  g_assert_cmpstr (((GlossReview *) g_ptr_array_index (reviews, 1))->reviewer_name, ==, "Cara");
  g_clear_pointer (&reviews, g_ptr_array_unref);
  /* Other codings have none. */
  reviews = list_reviews (f, f->c[2]);
  g_assert_cmpuint (reviews->len, ==, 0);
  g_clear_pointer (&reviews, g_ptr_array_unref);

  /* Ben withdraws his: Cara's stays. */
  drain ();
  f->codings_changed = 0;
  g_assert_true (gloss_project_remove_review (f->project, f->c[1], f->ben, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (f->codings_changed, ==, 1);
  reviews = list_reviews (f, f->c[1]);
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpstr (((GlossReview *) g_ptr_array_index (reviews, 0))->reviewer_name, ==, "Cara");
  g_clear_pointer (&reviews, g_ptr_array_unref);
  kind = tombstone_kind (f, guid);
  g_assert_cmpstr (kind, ==, "review");

  /* Withdrawing what is not there. */
  g_assert_false (gloss_project_remove_review (f->project, f->c[1], f->ben, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossReview) r = NULL;
  gint64 actions = sql_int (f, "SELECT count (*) FROM journal_action");

  /* Alice may not review her own coding. */
  r = gloss_project_set_review (f->project, f->c[1], f->alice, GLOSS_VERDICT_AGREE, "Mine is right", &error);
  g_assert_null (r);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  /* A coding or a reviewer that is not there. */
  r = gloss_project_set_review (f->project, f->c[5] + 100, f->ben, GLOSS_VERDICT_AGREE, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  r = gloss_project_set_review (f->project, f->c[1], f->eve + 100, GLOSS_VERDICT_AGREE, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Not a verdict. */
  r = gloss_project_set_review (f->project, f->c[1], f->ben, (GlossVerdict) 7, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing stored, nothing to undo. */
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM review"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM journal_action"), ==, actions);
  drain ();
  g_assert_cmpuint (f->codings_changed, ==, 0);
}

/* ------------------------------------------------------------------------
 * Undo and redo
 * ------------------------------------------------------------------------ */

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GlossReview) r = NULL;
  g_autofree char *none = review_rows (f);
  g_autofree char *agreed = NULL;
  g_autofree char *disputed = NULL;
  g_autofree char *now = NULL;
  g_autofree char *kind = NULL;

  g_assert_cmpstr (none, ==, "");

  /* Set, then undo and redo it. */
  r = review (f, f->c[3], f->alice, GLOSS_VERDICT_AGREE, "Yes");
  agreed = review_rows (f);
  g_assert_nonnull (strstr (agreed, r->guid));
  g_assert_nonnull (strstr (agreed, " agree 'Yes' "));
  undo (f, "Agree with Coding");
  now = review_rows (f);
  g_assert_cmpstr (now, ==, none);
  g_clear_pointer (&now, g_free);
  redo (f, "Agree with Coding");
  now = review_rows (f);
  g_assert_cmpstr (now, ==, agreed);
  g_clear_pointer (&now, g_free);
  g_clear_pointer (&r, gloss_review_free);

  /* Change, then undo and redo it. */
  g_usleep (2000);
  r = review (f, f->c[3], f->alice, GLOSS_VERDICT_DISPUTE, "On reflection, no");
  disputed = review_rows (f);
  g_assert_nonnull (strstr (disputed, " dispute 'On reflection, no' "));
  undo (f, "Dispute Coding");
  now = review_rows (f);
  g_assert_cmpstr (now, ==, agreed);
  g_clear_pointer (&now, g_free);
  redo (f, "Dispute Coding");
  now = review_rows (f);
  g_assert_cmpstr (now, ==, disputed);
  g_clear_pointer (&now, g_free);

  /* Withdraw, then undo and redo it; the undone withdrawal loses its
   * tombstone. */
  drain ();
  f->codings_changed = 0;
  g_assert_true (gloss_project_remove_review (f->project, f->c[3], f->alice, NULL));
  now = review_rows (f);
  g_assert_cmpstr (now, ==, none);
  g_clear_pointer (&now, g_free);
  kind = tombstone_kind (f, r->guid);
  g_assert_cmpstr (kind, ==, "review");
  undo (f, "Withdraw Review");
  now = review_rows (f);
  g_assert_cmpstr (now, ==, disputed);
  g_clear_pointer (&now, g_free);
  g_clear_pointer (&kind, g_free);
  kind = tombstone_kind (f, r->guid);
  g_assert_null (kind);
  redo (f, "Withdraw Review");
  now = review_rows (f);
  g_assert_cmpstr (now, ==, none);
  g_clear_pointer (&now, g_free);
  drain ();
  g_assert_cmpuint (f->codings_changed, ==, 3);

  /* And all the way back. */
  undo (f, "Withdraw Review");
  undo (f, "Dispute Coding");
  undo (f, "Agree with Coding");
  now = review_rows (f);
  g_assert_cmpstr (now, ==, none);
}

/* ------------------------------------------------------------------------
 * Reviews go with their coding
 * ------------------------------------------------------------------------ */

static void
test_cascade (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GlossReview) ben = review (f, f->c[1], f->ben, GLOSS_VERDICT_DISPUTE, "No");
  g_autoptr(GlossReview) cara = review (f, f->c[1], f->cara, GLOSS_VERDICT_AGREE, "Yes");
  g_autoptr(GlossReview) other = review (f, f->c[3], f->cara, GLOSS_VERDICT_AGREE, NULL);
  g_autoptr(GlossCoding) coding = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *with = review_rows (f);
  g_autofree char *now = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *guid = NULL;

  coding = gloss_project_get_coding (f->project, f->c[1], &error);
  g_assert_no_error (error);
  guid = g_strdup (gloss_coding_get_guid (coding));

  g_assert_true (gloss_project_remove_coding (f->project, f->c[1], &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM review"), ==, 1);
  kind = tombstone_kind (f, ben->guid);
  g_assert_cmpstr (kind, ==, "review");
  g_clear_pointer (&kind, g_free);
  kind = tombstone_kind (f, cara->guid);
  g_assert_cmpstr (kind, ==, "review");
  g_clear_pointer (&kind, g_free);
  kind = tombstone_kind (f, guid);
  g_assert_cmpstr (kind, ==, "coding");
  g_clear_pointer (&kind, g_free);
  kind = tombstone_kind (f, other->guid);
  g_assert_null (kind);

  /* Undoing the removal brings the reviews back, as they were. */
  undo (f, "Remove Coding");
  now = review_rows (f);
  g_assert_cmpstr (now, ==, with);
  g_clear_pointer (&now, g_free);
  kind = tombstone_kind (f, ben->guid);
  g_assert_null (kind);

  /* Deleting the code deletes its codings and so their reviews. */
  g_assert_true (gloss_project_delete_code (f->project, f->help, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM review"), ==, 0);
  kind = tombstone_kind (f, other->guid);
  g_assert_cmpstr (kind, ==, "review");
}

/* ------------------------------------------------------------------------
 * Filter and summary
 * ------------------------------------------------------------------------ */

/* c[1]: Ben agrees, Cara agrees          → agreed
 * c[2]: Ben disputes, Cara agrees        → disputed
 * c[3]: Alice agrees                     → agreed
 * c[4]: nobody                           → unreviewed
 * c[5]: Eve disputes                     → disputed */
static void
review_all (Fixture *f)
{
  gloss_review_free (review (f, f->c[1], f->ben, GLOSS_VERDICT_AGREE, NULL));
  gloss_review_free (review (f, f->c[1], f->cara, GLOSS_VERDICT_AGREE, NULL));
  gloss_review_free (review (f, f->c[2], f->ben, GLOSS_VERDICT_DISPUTE, "Not leadership"));
  gloss_review_free (review (f, f->c[2], f->cara, GLOSS_VERDICT_AGREE, NULL));
  gloss_review_free (review (f, f->c[3], f->alice, GLOSS_VERDICT_AGREE, NULL));
  gloss_review_free (review (f, f->c[5], f->eve, GLOSS_VERDICT_DISPUTE, "Not help"));
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  GlossCodingFilter by_alice = { .coder_id = 0 };
  GlossCodingFilter by_help = { .code_id = 0 };
  g_autofree char *s = NULL;

  by_alice.coder_id = f->alice;
  by_help.code_id = f->help;

  /* Before any review: everything is unreviewed.  The list is in the
   * order of gloss_project_list_codings (): by start, then end, then
   * code, then coder. */
  s = reviewed (f, NULL, GLOSS_REVIEW_FILTER_ALL);
  g_assert_cmpstr (s, ==, "1,3,2,4,5");
  g_clear_pointer (&s, g_free);
  s = reviewed (f, NULL, GLOSS_REVIEW_FILTER_UNREVIEWED);
  g_assert_cmpstr (s, ==, "1,3,2,4,5");
  g_clear_pointer (&s, g_free);
  s = reviewed (f, NULL, GLOSS_REVIEW_FILTER_DISPUTED);
  g_assert_cmpstr (s, ==, "");
  g_clear_pointer (&s, g_free);

  review_all (f);

  s = reviewed (f, NULL, GLOSS_REVIEW_FILTER_ALL);
  g_assert_cmpstr (s, ==, "1,3,2,4,5");
  g_clear_pointer (&s, g_free);
  s = reviewed (f, NULL, GLOSS_REVIEW_FILTER_DISPUTED);
  g_assert_cmpstr (s, ==, "2,5");
  g_clear_pointer (&s, g_free);
  s = reviewed (f, NULL, GLOSS_REVIEW_FILTER_UNREVIEWED);
  g_assert_cmpstr (s, ==, "4");
  g_clear_pointer (&s, g_free);

  /* With a coding filter as well. */
  s = reviewed (f, &by_alice, GLOSS_REVIEW_FILTER_DISPUTED);
  g_assert_cmpstr (s, ==, "2");
  g_clear_pointer (&s, g_free);
  s = reviewed (f, &by_alice, GLOSS_REVIEW_FILTER_UNREVIEWED);
  g_assert_cmpstr (s, ==, "");
  g_clear_pointer (&s, g_free);
  s = reviewed (f, &by_help, GLOSS_REVIEW_FILTER_DISPUTED);
  g_assert_cmpstr (s, ==, "5");
  g_clear_pointer (&s, g_free);
  s = reviewed (f, &by_help, GLOSS_REVIEW_FILTER_ALL);
  g_assert_cmpstr (s, ==, "1,3,5");
  g_clear_pointer (&s, g_free);

  /* Ben withdraws his dispute of c[2]: Cara's agreement remains. */
  g_assert_true (gloss_project_remove_review (f->project, f->c[2], f->ben, NULL));
  s = reviewed (f, NULL, GLOSS_REVIEW_FILTER_DISPUTED);
  g_assert_cmpstr (s, ==, "5");
  g_clear_pointer (&s, g_free);
  /* Eve's dispute becomes an agreement. */
  gloss_review_free (review (f, f->c[5], f->eve, GLOSS_VERDICT_AGREE, NULL));
  s = reviewed (f, NULL, GLOSS_REVIEW_FILTER_DISPUTED);
  g_assert_cmpstr (s, ==, "");
  g_clear_pointer (&s, g_free);
  s = reviewed (f, NULL, GLOSS_REVIEW_FILTER_UNREVIEWED);
  g_assert_cmpstr (s, ==, "4");
}

static void
assert_summary (GlossReviewSummary *s,
                gint64              coder_id,
                const char         *name,
                guint               n_codings,
                guint               n_agreed,
                guint               n_disputed,
                guint               n_unreviewed,
                guint               n_given)
{
  g_assert_cmpint (s->coder_id, ==, coder_id);
  g_assert_cmpstr (s->coder_name, ==, name);
  g_assert_cmpuint (s->n_codings, ==, n_codings);
  g_assert_cmpuint (s->n_agreed, ==, n_agreed);
  g_assert_cmpuint (s->n_disputed, ==, n_disputed);
  g_assert_cmpuint (s->n_unreviewed, ==, n_unreviewed);
  g_assert_cmpuint (s->n_reviews_given, ==, n_given);
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* Dan has neither codings nor reviews: he is not listed. */
  ensure_coder (f, "Dan");

  summary = gloss_project_review_summary (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->len, ==, 3);
  assert_summary (g_ptr_array_index (summary, 0), f->alice, "Alice", 2, 0, 0, 2, 0);
  assert_summary (g_ptr_array_index (summary, 1), f->ben, "Ben", 2, 0, 0, 2, 0);
  assert_summary (g_ptr_array_index (summary, 2), f->cara, "Cara", 1, 0, 0, 1, 0);
  g_clear_pointer (&summary, g_ptr_array_unref);

  review_all (f);

  /* Alice: c[1] agreed, c[2] disputed; she reviewed c[3].
   * Ben: c[3] agreed, c[4] unreviewed; he reviewed c[1] and c[2].
   * Cara: c[5] disputed; she reviewed c[1] and c[2].
   * Eve: no codings; she reviewed c[5]. */
  summary = gloss_project_review_summary (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->len, ==, 4);
  assert_summary (g_ptr_array_index (summary, 0), f->alice, "Alice", 2, 1, 1, 0, 1);
  assert_summary (g_ptr_array_index (summary, 1), f->ben, "Ben", 2, 1, 0, 1, 2);
  assert_summary (g_ptr_array_index (summary, 2), f->cara, "Cara", 1, 0, 1, 0, 2);
  assert_summary (g_ptr_array_index (summary, 3), f->eve, "Eve", 0, 0, 0, 0, 1);
}

/* ------------------------------------------------------------------------
 * gloss-cli review
 * ------------------------------------------------------------------------ */

static char *
cli_line (GlossTestRun *run)
{
  return g_strstrip (g_strdup (run->out));
}

static void
test_cli (void)
{
  g_auto(GlossTestRun) run = { 0, };
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *project_path = g_build_filename (dir, "Team.gloss", NULL);
  g_autofree char *text_path = g_build_filename (dir, "report.txt", NULL);
  g_autofree char *coding_guid = NULL;
  g_autofree char *review_guid = NULL;
  g_autofree char *second_guid = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossCoding) coding = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  GlossReview *r;

  g_assert_true (g_file_set_contents (text_path, report, -1, NULL));
  if (!gloss_test_run_cli (&run, "new", project_path, NULL))
    {
      gloss_test_remove_tree (dir);
      return;
    }
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "import", project_path, text_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "code-add", project_path, "Help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "code", project_path, "report", "Help", "0", "10", "--coder", "Alice", NULL);
  g_assert_cmpint (run.status, ==, 0);
  coding_guid = cli_line (&run);
  g_assert_true (g_uuid_string_is_valid (coding_guid));
  gloss_test_run_clear (&run);

  /* Ben agrees, with a comment; he is a new coder. */
  gloss_test_run_cli (&run, "review", project_path, coding_guid, "agree", "--comment", "Clear case",
                      "--coder", "Ben", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  review_guid = cli_line (&run);
  g_assert_true (g_uuid_string_is_valid (review_guid));
  gloss_test_run_clear (&run);

  /* He changes it to a dispute: the same review. */
  gloss_test_run_cli (&run, "review", project_path, coding_guid, "dispute", "--coder", "Ben",
                      "--comment", "Only “Early” is help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  second_guid = cli_line (&run);
  g_assert_cmpstr (second_guid, ==, review_guid);
  gloss_test_run_clear (&run);

  /* Cara agrees, without a comment. */
  gloss_test_run_cli (&run, "review", project_path, coding_guid, "agree", "--coder", "Cara", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&second_guid, g_free);
  second_guid = cli_line (&run);
  g_assert_true (g_uuid_string_is_valid (second_guid));
  g_assert_cmpstr (second_guid, !=, review_guid);
  gloss_test_run_clear (&run);

  /* Errors: the author, a verdict that is none, no coder, an unknown
   * coding, missing arguments. */
  gloss_test_run_cli (&run, "review", project_path, coding_guid, "agree", "--coder", "Alice", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "own coding"));
  g_assert_cmpstr (run.out, ==, "");
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "review", project_path, coding_guid, "maybe", "--coder", "Ben", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "maybe"));
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "review", project_path, coding_guid, "agree", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--coder"));
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "review", project_path, "00000000-0000-4000-8000-000000000000", "agree",
                      "--coder", "Ben", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "00000000-0000-4000-8000-000000000000"));
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "review", project_path, coding_guid, "--coder", "Ben", NULL);
  g_assert_cmpint (run.status, ==, 2);
  gloss_test_run_clear (&run);

  /* What is stored. */
  project = gloss_project_open (project_path, &error);
  g_assert_no_error (error);
  coding = gloss_project_lookup_coding (project, coding_guid, &error);
  g_assert_no_error (error);
  reviews = gloss_project_list_reviews (project, gloss_coding_get_id (coding), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 2);
  r = g_ptr_array_index (reviews, 0);
  g_assert_cmpstr (r->guid, ==, review_guid);
  g_assert_cmpstr (r->reviewer_name, ==, "Ben");
  g_assert_cmpint (r->verdict, ==, GLOSS_VERDICT_DISPUTE);
  g_assert_cmpstr (r->comment, ==, "Only “Early” is help");
  r = g_ptr_array_index (reviews, 1);
  g_assert_cmpstr (r->guid, ==, second_guid);
  g_assert_cmpstr (r->reviewer_name, ==, "Cara");
  g_assert_cmpint (r->verdict, ==, GLOSS_VERDICT_AGREE);
  g_assert_cmpstr (r->comment, ==, "");
  /* Alice's refused review made no coder or review. */
  g_assert_cmpint (gloss_project_lookup_coder (project, "Alice"), ==, gloss_coding_get_coder_id (coding));

  g_clear_object (&project);
  gloss_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/verdict-strings", test_verdict_strings);
  g_test_add ("/review/set-change-withdraw", Fixture, NULL, fixture_set_up, test_set_change_withdraw,
              fixture_tear_down);
  g_test_add ("/review/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/review/undo-redo", Fixture, NULL, fixture_set_up, test_undo_redo, fixture_tear_down);
  g_test_add ("/review/cascade", Fixture, NULL, fixture_set_up, test_cascade, fixture_tear_down);
  g_test_add ("/review/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/review/summary", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);
  g_test_add_func ("/review/cli", test_cli);

  return g_test_run ();
}
