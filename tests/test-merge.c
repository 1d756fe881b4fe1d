/* test-merge.c: merging a colleague's copy of a project
 *
 * Most tests start from one base project, copied to two files ("A" and
 * "B", as if handed to two coders), changed separately, and merged.  The
 * interrupted merge runs this program again as a child ("--child merge
 * PROJECT OTHER") that is killed with SIGKILL at a random moment of the
 * merge; the project must then be exactly as before or exactly as after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

static char *tmpdir;
static char *self_exe;

#define DOC_A "report-a"
#define DOC_B "report-b"

static const char text_a[] =
  "Inspection of children's services, first report.\n"
  "Leaders know their services well and act on what they find.\n"
  "Risks of exploitation are identified early by the multi-agency team.\n"
  "Practice is strong; visits to children happen within timescales.\n"
  "Some plans lack clear actions and timescales for review.\n";

static const char text_b[] =
  "Inspection of children's services, second report.\n"
  "Senior leaders have not acted quickly enough on known weaknesses.\n"
  "Children missing from home are not always offered return interviews.\n"
  "Social workers visit regularly and know their children well.\n";

/* The codings of the base project, shared by every copy. */
typedef struct
{
  char *path;
  char *c[6];
} Base;

static void
base_clear (Base *base)
{
  guint i;

  g_free (base->path);
  for (i = 0; i < G_N_ELEMENTS (base->c); i++)
    g_free (base->c[i]);
}

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static GlossProject *
open_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  GlossProject *project = gloss_project_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
copy_to (const char *from,
         const char *name)
{
  char *path = tmp_path (name);

  copy_file (from, path);
  return path;
}

static gint64
code_id (GlossProject *project,
         const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) code = gloss_project_lookup_code (project, path, &error);

  g_assert_no_error (error);
  return gloss_code_get_id (code);
}

static char *
code_guid (GlossProject *project,
           const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) code = gloss_project_lookup_code (project, path, &error);

  g_assert_no_error (error);
  return g_strdup (gloss_code_get_guid (code));
}

static gint64
document_id (GlossProject *project,
             const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = gloss_project_lookup_document (project, name, &error);

  g_assert_no_error (error);
  return gloss_document_get_id (document);
}

static gint64
coder (GlossProject *project,
       const char   *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gloss_project_ensure_coder (project, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
add_coding (GlossProject *project,
            const char   *document,
            const char   *code,
            const char   *who,
            guint         start,
            guint         end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = NULL;

  coding = gloss_project_add_coding (project, document_id (project, document), code_id (project, code),
                                     coder (project, who), start, end, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (gloss_coding_get_guid (coding));
}

static gint64
coding_id (GlossProject *project,
           const char   *guid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = gloss_project_lookup_coding (project, guid, &error);

  g_assert_no_error (error);
  return gloss_coding_get_id (coding);
}

static gboolean
has_coding (GlossProject *project,
            const char   *guid)
{
  g_autoptr(GlossCoding) coding = gloss_project_lookup_coding (project, guid, NULL);

  return coding != NULL;
}

static void
remove_coding (GlossProject *project,
               const char   *guid)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_remove_coding (project, coding_id (project, guid), &error));
  g_assert_no_error (error);
}

static void
set_code_memo (GlossProject *project,
               const char   *code,
               const char   *who,
               const char   *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_memo (project, GLOSS_MEMO_CODE, code_id (project, code),
                                         coder (project, who), text, &error));
  g_assert_no_error (error);
}

static char *
code_memo (GlossProject *project,
           const char   *code,
           const char   *who)
{
  return gloss_project_get_memo (project, GLOSS_MEMO_CODE, code_id (project, code),
                                 coder (project, who), NULL);
}

/* Change times are to the microsecond, tombstones to the millisecond:
 * a little time between the two coders' changes keeps their order plain. */
static void
tick (void)
{
  g_usleep (3000);
}

static char *
write_text (const char *name,
            const char *text)
{
  char *path = tmp_path (name);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
import (GlossProject *project,
        const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossDocument) document = gloss_project_import_file (project, file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
}

/* Two reports; codes Risks, Risks/CSE, Practice, Practice/Visits, Themes;
 * six codings by Lead; Lead's memo on Risks. */
static void
make_base (Base       *base,
           const char *name)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = write_text (DOC_A ".txt", text_a);
  g_autofree char *b = write_text (DOC_B ".txt", text_b);
  const char * const paths[] = { "Risks/CSE", "Practice/Visits", "Themes" };
  guint i;

  base->path = tmp_path (name);
  g_unlink (base->path);
  project = gloss_project_create (base->path, "Base", &error);
  g_assert_no_error (error);
  import (project, a);
  import (project, b);
  for (i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GlossCode) code = gloss_project_ensure_code_path (project, paths[i], NULL, NULL, &error);

      g_assert_no_error (error);
    }
  base->c[0] = add_coding (project, DOC_A, "Risks", "Lead", 0, 20);
  base->c[1] = add_coding (project, DOC_A, "Risks/CSE", "Lead", 110, 140);
  base->c[2] = add_coding (project, DOC_A, "Practice", "Lead", 180, 200);
  base->c[3] = add_coding (project, DOC_B, "Practice/Visits", "Lead", 180, 210);
  base->c[4] = add_coding (project, DOC_B, "Risks", "Lead", 50, 90);
  base->c[5] = add_coding (project, DOC_B, "Themes", "Lead", 0, 10);
  set_code_memo (project, "Risks", "Lead", "Risks as the base saw them");
}

/* Opens ours, plans, decides every conflict (documents as given, codes
 * as given), merges. */
static GlossMergeSummary
merge_files (const char    *ours,
             const char    *theirs,
             GlossDecision  documents,
             GlossDecision  codes)
{
  g_autoptr(GlossProject) project = open_project (ours);
  g_autoptr(GlossMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GlossMergeSummary summary;
  GPtrArray *conflicts;
  guint i;

  plan = gloss_project_plan_merge (project, theirs, NULL, &error);
  g_assert_no_error (error);
  conflicts = gloss_merge_plan_get_conflicts (plan);
  for (i = 0; i < conflicts->len; i++)
    {
      GlossMergeConflict *conflict = g_ptr_array_index (conflicts, i);

      conflict->decision = conflict->kind == GLOSS_CONFLICT_MISSING_DOCUMENT ? documents : codes;
    }
  memset (&summary, 0xff, sizeof summary);
  g_assert_true (gloss_project_merge (project, plan, FALSE, &summary, NULL, &error));
  g_assert_no_error (error);

  return summary;
}

static void
append_rows (GString    *out,
             sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int i;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s%s", i ? "|" : "",
                                sqlite3_column_type (stmt, i) == SQLITE_NULL
                                ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  g_string_append (out, "--\n");
}

static char *
query (const char *path,
       const char * const *queries)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (; *queries != NULL; queries++)
    append_rows (out, db, *queries);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

/* Every row a merge may write, ids included.  with_times: also when the
 * tombstones were made (a merge's own deletions are stamped now). */
static char *
dump (const char *path,
      gboolean    with_times)
{
  const char * const queries[] = {
    "SELECT id, guid, name, sha256, size, pages, chars, length (text), password FROM document ORDER BY id",
    "SELECT document_id, length (bytes), hex (substr (bytes, 1, 16)) FROM document_bytes ORDER BY document_id",
    "SELECT document_id, number, start, \"end\", width, height, length (rects) FROM page"
    " ORDER BY document_id, number",
    "SELECT id, guid, name, created_at FROM coder ORDER BY id",
    "SELECT * FROM code ORDER BY id",
    "SELECT * FROM coding ORDER BY id",
    "SELECT * FROM memo ORDER BY id",
    "SELECT * FROM review ORDER BY id",
    "SELECT * FROM attribute ORDER BY id",
    "SELECT * FROM document_attribute ORDER BY id",
    with_times ? "SELECT guid, kind, deleted_at FROM tombstone ORDER BY guid"
               : "SELECT guid, kind FROM tombstone ORDER BY guid",
    NULL
  };

  return query (path, queries);
}

/* What both directions must agree on: the codings (by GUID, with their
 * report, code, coder and range), the codes with their paths, the
 * reviews, and the memos. */
static char *
agreed_state (const char *path)
{
  const char * const queries[] = {
    "SELECT k.guid, d.sha256, c.guid, r.name, k.start, k.\"end\", k.memo FROM coding k"
    " JOIN document d ON d.id = k.document_id JOIN code c ON c.id = k.code_id"
    " JOIN coder r ON r.id = k.coder_id ORDER BY k.guid",
    "WITH RECURSIVE tree (id, path) AS ("
    "  SELECT id, name FROM code WHERE parent_id IS NULL UNION ALL"
    "  SELECT c.id, tree.path || '/' || c.name FROM code c JOIN tree ON c.parent_id = tree.id"
    ") SELECT c.guid, tree.path, c.colour, c.description FROM code c JOIN tree USING (id) ORDER BY c.guid",
    "SELECT v.guid, k.guid, r.name, v.verdict, v.comment FROM review v JOIN coding k ON k.id = v.coding_id"
    " JOIN coder r ON r.id = v.reviewer_id ORDER BY v.guid",
    "SELECT m.target, r.name, m.text FROM memo m JOIN coder r ON r.id = m.coder_id"
    " WHERE m.target != 'code' ORDER BY 1, 2, 3",
    "SELECT c.guid, r.name, m.text FROM memo m JOIN coder r ON r.id = m.coder_id"
    " JOIN code c ON c.id = m.target_id WHERE m.target = 'code' ORDER BY 1, 2, 3",
    NULL
  };

  return query (path, queries);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
add_review (const char *path,
            const char *coding_guid,
            const char *reviewer,
            const char *verdict,
            const char *comment)
{
  g_autofree char *guid = g_uuid_string_random ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO review (guid, coding_id, reviewer_id, verdict, comment, created_at, changed_at)"
                     " SELECT '%s', k.id, r.id, '%s', '%s', '%s', '%s' FROM coding k, coder r"
                     " WHERE k.guid = '%s' AND r.name = '%s'",
                     guid, verdict, comment, when, when, coding_guid, reviewer);
  g_autofree char *check = g_strdup_printf ("SELECT count (*) FROM review WHERE guid = '%s'", guid);

  exec_sql (path, sql);
  g_assert_cmpint (query_int (path, check), ==, 1);
}

/* ------------------------------------------------------------------------
 * Two coders, merged both ways
 * ------------------------------------------------------------------------ */

typedef struct
{
  Base  base;
  char *a;         /* Anna's copy */
  char *b;         /* Ben's copy */
  char *a1, *a2, *a3, *b1, *b2, *b3;
} Pair;

static void
pair_clear (Pair *pair);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pair, pair_clear)

static void
pair_clear (Pair *pair)
{
  base_clear (&pair->base);
  g_free (pair->a);
  g_free (pair->b);
  g_free (pair->a1);
  g_free (pair->a2);
  g_free (pair->a3);
  g_free (pair->b1);
  g_free (pair->b2);
  g_free (pair->b3);
}

/* Anna adds codings, removes c0, renames Practice, rewrites Lead's memo,
 * adds the code Leadership and reviews c4.  Then Ben adds codings,
 * removes c1, renames Risks/CSE, rewrites the same memo (later, so his
 * text wins), writes a memo of his own, adds the code Safeguarding and
 * reviews c4. */
static void
make_pair (Pair       *pair,
           const char *prefix)
{
  g_autofree char *base_name = g_strdup_printf ("%s-base.gloss", prefix);
  g_autofree char *a_name = g_strdup_printf ("%s-a.gloss", prefix);
  g_autofree char *b_name = g_strdup_printf ("%s-b.gloss", prefix);
  g_autoptr(GError) error = NULL;

  make_base (&pair->base, base_name);
  pair->a = copy_to (pair->base.path, a_name);
  pair->b = copy_to (pair->base.path, b_name);

  {
    g_autoptr(GlossProject) a = open_project (pair->a);
    g_autoptr(GlossCode) leadership = NULL;

    pair->a1 = add_coding (a, DOC_A, "Risks/CSE", "Anna", 60, 100);
    pair->a2 = add_coding (a, DOC_B, "Practice", "Anna", 5, 20);
    remove_coding (a, pair->base.c[0]);
    g_assert_true (gloss_project_rename_code (a, code_id (a, "Practice"), "Good practice", &error));
    g_assert_no_error (error);
    tick ();
    set_code_memo (a, "Risks", "Lead", "Anna's view of the risks");
    leadership = gloss_project_add_code (a, 0, "Leadership", NULL, NULL, &error);
    g_assert_no_error (error);
    pair->a3 = add_coding (a, DOC_B, "Leadership", "Anna", 51, 80);
  }
  add_review (pair->a, pair->base.c[4], "Anna", "agree", "");

  tick ();
  {
    g_autoptr(GlossProject) b = open_project (pair->b);
    g_autoptr(GlossCode) safeguarding = NULL;

    pair->b1 = add_coding (b, DOC_A, "Risks", "Ben", 61, 120);
    pair->b2 = add_coding (b, DOC_B, "Practice/Visits", "Ben", 200, 240);
    remove_coding (b, pair->base.c[1]);
    g_assert_true (gloss_project_rename_code (b, code_id (b, "Risks/CSE"), "Exploitation", &error));
    g_assert_no_error (error);
    set_code_memo (b, "Risks", "Lead", "Ben's view of the risks");
    set_code_memo (b, "Risks", "Ben", "Ben's own note");
    safeguarding = gloss_project_add_code (b, 0, "Safeguarding", NULL, NULL, &error);
    g_assert_no_error (error);
    pair->b3 = add_coding (b, DOC_B, "Safeguarding", "Ben", 116, 160);
  }
  add_review (pair->b, pair->base.c[4], "Ben", "dispute", "Not a risk");
}

static void
assert_summary_zero_changes (const GlossMergeSummary *s)
{
  g_assert_cmpuint (s->documents_added, ==, 0);
  g_assert_cmpuint (s->coders_added, ==, 0);
  g_assert_cmpuint (s->codes_added, ==, 0);
  g_assert_cmpuint (s->codes_updated, ==, 0);
  g_assert_cmpuint (s->codes_deleted, ==, 0);
  g_assert_cmpuint (s->codings_added, ==, 0);
  g_assert_cmpuint (s->codings_updated, ==, 0);
  g_assert_cmpuint (s->codings_deleted, ==, 0);
  g_assert_cmpuint (s->memos_added, ==, 0);
  g_assert_cmpuint (s->memos_updated, ==, 0);
  g_assert_cmpuint (s->memos_deleted, ==, 0);
  g_assert_cmpuint (s->reviews_added, ==, 0);
  g_assert_cmpuint (s->reviews_updated, ==, 0);
  g_assert_cmpuint (s->reviews_deleted, ==, 0);
}

static void
test_both_ways (void)
{
  g_auto(Pair) pair = { 0, };
  g_autofree char *ab = NULL, *ba = NULL, *b_into_a = NULL, *a_into_b = NULL;
  g_autofree char *state_ab = NULL, *state_ba = NULL;
  GlossMergeSummary s;

  make_pair (&pair, "both");
  /* A ← B, and B ← A on fresh copies. */
  ab = copy_to (pair.a, "both-ab.gloss");
  b_into_a = copy_to (pair.b, "both-ab-other.gloss");
  ba = copy_to (pair.b, "both-ba.gloss");
  a_into_b = copy_to (pair.a, "both-ba-other.gloss");

  s = merge_files (ab, b_into_a, GLOSS_DECISION_ADD, GLOSS_DECISION_NONE);
  /* By hand: both reports are in both; Ben is new, Lead is shared. */
  g_assert_cmpuint (s.documents_matched, ==, 2);
  g_assert_cmpuint (s.documents_added, ==, 0);
  g_assert_cmpuint (s.coders_added, ==, 1);
  g_assert_cmpuint (s.coders_matched, ==, 1);
  /* Safeguarding is new; Risks/CSE was renamed by Ben; Risks, Practice
   * (renamed later by Anna: ours wins), Practice/Visits and Themes. */
  g_assert_cmpuint (s.codes_added, ==, 1);
  g_assert_cmpuint (s.codes_updated, ==, 1);
  g_assert_cmpuint (s.codes_matched, ==, 4);
  g_assert_cmpuint (s.codes_deleted, ==, 0);
  /* b1-b3 added; c1 deleted by Ben after its last change; c2-c5 in both;
   * c0, which Anna deleted, is not brought back. */
  g_assert_cmpuint (s.codings_added, ==, 3);
  g_assert_cmpuint (s.codings_deleted, ==, 1);
  g_assert_cmpuint (s.codings_matched, ==, 4);
  g_assert_cmpuint (s.codings_updated, ==, 0);
  g_assert_cmpuint (s.codings_skipped, ==, 0);
  /* Lead's memo rewritten later by Ben; Ben's own memo. */
  g_assert_cmpuint (s.memos_updated, ==, 1);
  g_assert_cmpuint (s.memos_added, ==, 1);
  g_assert_cmpuint (s.reviews_added, ==, 1);

  s = merge_files (ba, a_into_b, GLOSS_DECISION_ADD, GLOSS_DECISION_NONE);
  g_assert_cmpuint (s.coders_added, ==, 1);
  g_assert_cmpuint (s.codes_added, ==, 1);
  g_assert_cmpuint (s.codes_updated, ==, 1);
  g_assert_cmpuint (s.codings_added, ==, 3);
  g_assert_cmpuint (s.codings_deleted, ==, 1);
  g_assert_cmpuint (s.codings_matched, ==, 4);
  /* Ben's text of Lead's memo is the later one: it stays. */
  g_assert_cmpuint (s.memos_updated, ==, 0);
  g_assert_cmpuint (s.memos_added, ==, 0);
  g_assert_cmpuint (s.reviews_added, ==, 1);

  state_ab = agreed_state (ab);
  state_ba = agreed_state (ba);
  g_assert_cmpstr (state_ab, ==, state_ba);

  /* And what they agree on is what the two coders did. */
  {
    g_autoptr(GlossProject) project = open_project (ab);
    g_autofree char *memo = code_memo (project, "Risks", "Lead");
    g_autofree char *ben_memo = code_memo (project, "Risks", "Ben");
    g_autoptr(GPtrArray) codes = gloss_project_list_codes (project, NULL);
    const char * const expected_paths[] = {
      "Risks", "Risks/Exploitation", "Good practice", "Good practice/Visits", "Themes",
      "Leadership", "Safeguarding",
    };
    const char *others[] = { pair.a1, pair.a2, pair.a3, pair.b1, pair.b2, pair.b3 };
    guint i;

    g_assert_cmpuint (codes->len, ==, G_N_ELEMENTS (expected_paths));
    for (i = 0; i < G_N_ELEMENTS (expected_paths); i++)
      {
        g_autoptr(GlossCode) code = gloss_project_lookup_code (project, expected_paths[i], NULL);

        g_assert_nonnull (code);
      }
    g_assert_false (has_coding (project, pair.base.c[0]));
    g_assert_false (has_coding (project, pair.base.c[1]));
    for (i = 2; i < 6; i++)
      g_assert_true (has_coding (project, pair.base.c[i]));
    for (i = 0; i < G_N_ELEMENTS (others); i++)
      g_assert_true (has_coding (project, others[i]));
    g_assert_cmpint (query_int (ab, "SELECT count (*) FROM coding"), ==, 10);
    g_assert_cmpstr (memo, ==, "Ben's view of the risks");
    g_assert_cmpstr (ben_memo, ==, "Ben's own note");
    g_assert_cmpint (query_int (ab, "SELECT count (*) FROM review"), ==, 2);
    g_assert_true (gloss_project_check_integrity (project, NULL));
  }

  /* The merge is logged, with their project's GUID. */
  g_assert_cmpint (query_int (ab, "SELECT count (*) FROM merge_log"), ==, 1);
  g_assert_cmpint (query_int (ab, "SELECT json_extract (summary, '$.codings.added') FROM merge_log"), ==, 3);
}

/* Merging the same file again changes nothing; the other file is never
 * written; one undo takes the whole merge back, and redo brings it again. */
static void
test_twice_and_undo (void)
{
  const char * const journaled[] = {
    "SELECT * FROM code ORDER BY id", "SELECT * FROM coding ORDER BY id",
    "SELECT * FROM memo ORDER BY id", "SELECT * FROM review ORDER BY id", NULL
  };
  g_auto(Pair) pair = { 0, };
  g_autoptr(GBytes) other_before = NULL;
  g_autoptr(GBytes) other_after = NULL;
  g_autofree char *before = NULL, *once = NULL, *twice = NULL;
  g_autofree char *rows_before = NULL, *rows_once = NULL, *rows_undone = NULL, *rows_redone = NULL;
  GlossMergeSummary s;

  make_pair (&pair, "twice");
  other_before = file_bytes (pair.b);
  before = dump (pair.a, TRUE);
  rows_before = query (pair.a, journaled);

  s = merge_files (pair.a, pair.b, GLOSS_DECISION_ADD, GLOSS_DECISION_NONE);
  g_assert_cmpuint (s.codings_added, ==, 3);
  once = dump (pair.a, TRUE);
  rows_once = query (pair.a, journaled);
  g_assert_cmpstr (once, !=, before);

  s = merge_files (pair.a, pair.b, GLOSS_DECISION_ADD, GLOSS_DECISION_NONE);
  assert_summary_zero_changes (&s);
  /* Every coding Ben has: c0 and c2-c5 from the base, and b1-b3. */
  g_assert_cmpuint (s.codings_matched, ==, 7);
  g_assert_cmpuint (s.codes_matched, ==, 6);
  twice = dump (pair.a, TRUE);
  g_assert_cmpstr (twice, ==, once);
  g_assert_cmpint (query_int (pair.a, "SELECT count (*) FROM merge_log"), ==, 2);

  other_after = file_bytes (pair.b);
  g_assert_true (g_bytes_equal (other_before, other_after));

  /* The second merge changed nothing, so left nothing to undo: one undo
   * takes back the first, whole. */
  {
    g_autoptr(GlossProject) project = open_project (pair.a);
    g_autoptr(GError) error = NULL;
    g_autofree char *label = NULL;

    g_assert_true (gloss_project_can_undo (project, &label));
    g_assert_cmpstr (label, ==, "Merge \xe2\x80\x9c" "Base\xe2\x80\x9d");
    g_assert_true (gloss_project_undo (project, &error));
    g_assert_no_error (error);
  }
  rows_undone = query (pair.a, journaled);
  g_assert_cmpstr (rows_undone, ==, rows_before);
  {
    g_autoptr(GlossProject) project = open_project (pair.a);
    g_autoptr(GError) error = NULL;

    g_assert_true (gloss_project_redo (project, &error));
    g_assert_no_error (error);
    g_assert_true (gloss_project_check_integrity (project, &error));
  }
  rows_redone = query (pair.a, journaled);
  g_assert_cmpstr (rows_redone, ==, rows_once);
}

/* ------------------------------------------------------------------------
 * Conflicts
 * ------------------------------------------------------------------------ */

typedef struct
{
  Base  base;
  char *a, *b;
  char *a_trust, *b_trust;     /* the GUIDs of each side's "Themes/Trust" */
  char *a_coding, *b_coding;   /* a coding on each */
  char *visits;                /* the GUID of Practice/Visits, which Ben moves */
} Conflicting;

static void
conflicting_clear (Conflicting *c)
{
  base_clear (&c->base);
  g_free (c->a);
  g_free (c->b);
  g_free (c->a_trust);
  g_free (c->b_trust);
  g_free (c->a_coding);
  g_free (c->b_coding);
  g_free (c->visits);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Conflicting, conflicting_clear)

/* Both coders make "Themes/Trust" separately; Ben moves Practice/Visits
 * under Risks. */
static void
make_conflicting (Conflicting *c,
                  const char  *prefix)
{
  g_autofree char *base_name = g_strdup_printf ("%s-base.gloss", prefix);
  g_autofree char *a_name = g_strdup_printf ("%s-a.gloss", prefix);
  g_autofree char *b_name = g_strdup_printf ("%s-b.gloss", prefix);
  g_autoptr(GError) error = NULL;

  make_base (&c->base, base_name);
  c->a = copy_to (c->base.path, a_name);
  c->b = copy_to (c->base.path, b_name);
  {
    g_autoptr(GlossProject) a = open_project (c->a);
    g_autoptr(GlossCode) trust = gloss_project_ensure_code_path (a, "Themes/Trust", NULL, NULL, &error);

    g_assert_no_error (error);
    c->a_trust = g_strdup (gloss_code_get_guid (trust));
    c->a_coding = add_coding (a, DOC_A, "Themes/Trust", "Anna", 0, 30);
  }
  tick ();
  {
    g_autoptr(GlossProject) b = open_project (c->b);
    g_autoptr(GlossCode) trust = gloss_project_ensure_code_path (b, "Themes/Trust", NULL, NULL, &error);

    g_assert_no_error (error);
    c->b_trust = g_strdup (gloss_code_get_guid (trust));
    c->b_coding = add_coding (b, DOC_A, "Themes/Trust", "Ben", 40, 70);
    c->visits = code_guid (b, "Practice/Visits");
    g_assert_true (gloss_project_move_code (b, code_id (b, "Practice/Visits"), code_id (b, "Risks"), -1, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpstr (c->a_trust, !=, c->b_trust);
}

static GlossMergeConflict *
find_conflict (GPtrArray         *conflicts,
               GlossConflictKind  kind)
{
  guint i;

  for (i = 0; i < conflicts->len; i++)
    {
      GlossMergeConflict *conflict = g_ptr_array_index (conflicts, i);

      if (conflict->kind == kind)
        return conflict;
    }

  return NULL;
}

static char *
path_of_coding_code (GlossProject *project,
                     const char   *guid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = gloss_project_lookup_coding (project, guid, &error);
  g_autoptr(GlossCode) code = NULL;

  g_assert_no_error (error);
  code = gloss_project_get_code (project, gloss_coding_get_code_id (coding), &error);
  g_assert_no_error (error);
  return g_strdup_printf ("%s %s", gloss_code_get_guid (code), gloss_code_get_path (code));
}

static void
test_conflicts_listed (void)
{
  g_auto(Conflicting) c = { 0, };
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *label = NULL;
  GlossMergeConflict *same, *moved;
  GlossMergeSummary s = { 0, };
  GPtrArray *conflicts;

  make_conflicting (&c, "listed");
  before = dump (c.a, TRUE);

  project = open_project (c.a);
  plan = gloss_project_plan_merge (project, c.b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_merge_plan_get_source (plan), ==, c.b);
  conflicts = gloss_merge_plan_get_conflicts (plan);
  g_assert_cmpuint (conflicts->len, ==, 2);

  same = find_conflict (conflicts, GLOSS_CONFLICT_SAME_PATH);
  g_assert_nonnull (same);
  g_assert_cmpstr (same->their_guid, ==, c.b_trust);
  g_assert_cmpstr (same->ours, ==, "Themes/Trust");
  g_assert_cmpstr (same->theirs, ==, "Themes/Trust");
  g_assert_nonnull (strstr (same->description, "Themes/Trust"));
  g_assert_cmpint (same->decision, ==, GLOSS_DECISION_NONE);

  moved = find_conflict (conflicts, GLOSS_CONFLICT_CODE_MOVED);
  g_assert_nonnull (moved);
  g_assert_cmpstr (moved->their_guid, ==, c.visits);
  g_assert_cmpstr (moved->ours, ==, "Practice/Visits");
  g_assert_cmpstr (moved->theirs, ==, "Risks/Visits");
  g_assert_false (gloss_merge_plan_is_decided (plan));

  /* Undecided: refused, nothing written. */
  g_assert_false (gloss_project_merge (project, plan, FALSE, &s, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);
  after = dump (c.a, TRUE);
  g_assert_cmpstr (after, ==, before);

  /* Decided, as a dry run: the summary, and still nothing written. */
  gloss_merge_plan_map_codes_by_path (plan);
  g_assert_true (gloss_merge_plan_is_decided (plan));
  g_assert_cmpint (same->decision, ==, GLOSS_DECISION_MAP);
  g_assert_cmpint (moved->decision, ==, GLOSS_DECISION_MAP);
  g_assert_true (gloss_project_merge (project, plan, TRUE, &s, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.codings_added, ==, 1);
  g_assert_cmpuint (s.codes_added, ==, 0);
  g_free (after);
  after = dump (c.a, TRUE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (c.a, "SELECT count (*) FROM merge_log"), ==, 0);
  g_assert_true (gloss_project_can_undo (project, &label));
  g_assert_cmpstr (label, ==, "Code Passage");
}

static void
test_conflicts_decided (void)
{
  g_auto(Conflicting) c = { 0, };
  g_autofree char *map = NULL, *add = NULL, *skip = NULL;
  GlossMergeSummary s;

  make_conflicting (&c, "decided");
  map = copy_to (c.a, "decided-map.gloss");
  add = copy_to (c.a, "decided-add.gloss");
  skip = copy_to (c.a, "decided-skip.gloss");

  /* MAP: their Trust is ours; Visits stays where we have it. */
  s = merge_files (map, c.b, GLOSS_DECISION_ADD, GLOSS_DECISION_MAP);
  g_assert_cmpuint (s.codes_added, ==, 0);
  g_assert_cmpuint (s.codings_added, ==, 1);
  {
    g_autoptr(GlossProject) project = open_project (map);
    g_autofree char *ben = path_of_coding_code (project, c.b_coding);
    g_autofree char *anna = path_of_coding_code (project, c.a_coding);
    g_autofree char *expected = g_strdup_printf ("%s Themes/Trust", c.a_trust);
    g_autoptr(GlossCode) theirs = gloss_project_lookup_code (project, c.b_trust, NULL);
    g_autoptr(GlossCode) visits = gloss_project_lookup_code (project, c.visits, NULL);

    g_assert_cmpstr (ben, ==, expected);
    g_assert_cmpstr (anna, ==, expected);
    g_assert_null (theirs);
    g_assert_cmpstr (gloss_code_get_path (visits), ==, "Practice/Visits");
  }

  /* ADD: theirs added beside ours, renamed; Visits moves. */
  s = merge_files (add, c.b, GLOSS_DECISION_ADD, GLOSS_DECISION_ADD);
  g_assert_cmpuint (s.codes_added, ==, 1);
  g_assert_cmpuint (s.codes_updated, ==, 1);
  g_assert_cmpuint (s.codings_added, ==, 1);
  {
    g_autoptr(GlossProject) project = open_project (add);
    g_autofree char *ben = path_of_coding_code (project, c.b_coding);
    g_autofree char *anna = path_of_coding_code (project, c.a_coding);
    g_autofree char *expected_ben = g_strdup_printf ("%s Themes/Trust (2)", c.b_trust);
    g_autofree char *expected_anna = g_strdup_printf ("%s Themes/Trust", c.a_trust);
    g_autoptr(GlossCode) visits = gloss_project_lookup_code (project, c.visits, NULL);

    g_assert_cmpstr (ben, ==, expected_ben);
    g_assert_cmpstr (anna, ==, expected_anna);
    g_assert_cmpstr (gloss_code_get_path (visits), ==, "Risks/Visits");
    g_assert_true (gloss_project_check_integrity (project, NULL));
    /* The base coding on Visits went with it. */
    g_assert_cmpstr (gloss_code_get_guid (visits), ==, c.visits);
    {
      g_autofree char *on_visits = path_of_coding_code (project, c.base.c[3]);
      g_autofree char *expected = g_strdup_printf ("%s Risks/Visits", c.visits);

      g_assert_cmpstr (on_visits, ==, expected);
    }
  }

  /* Merged again, with those decisions made: nothing left to decide or
   * to change. */
  {
    g_autoptr(GlossProject) project = open_project (add);
    g_autoptr(GlossMergePlan) plan = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *once = dump (add, TRUE);
    g_autofree char *twice = NULL;

    plan = gloss_project_plan_merge (project, c.b, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (gloss_merge_plan_get_conflicts (plan)->len, ==, 0);
    g_assert_true (gloss_project_merge (project, plan, FALSE, &s, NULL, &error));
    g_assert_no_error (error);
    assert_summary_zero_changes (&s);
    twice = dump (add, TRUE);
    g_assert_cmpstr (twice, ==, once);
  }

  /* SKIP: their Trust and its coding stay out. */
  {
    g_autoptr(GlossProject) project = open_project (skip);
    g_autoptr(GlossMergePlan) plan = NULL;
    g_autoptr(GError) error = NULL;
    GPtrArray *conflicts;

    plan = gloss_project_plan_merge (project, c.b, NULL, &error);
    g_assert_no_error (error);
    conflicts = gloss_merge_plan_get_conflicts (plan);
    find_conflict (conflicts, GLOSS_CONFLICT_SAME_PATH)->decision = GLOSS_DECISION_SKIP;
    find_conflict (conflicts, GLOSS_CONFLICT_CODE_MOVED)->decision = GLOSS_DECISION_MAP;
    g_assert_true (gloss_project_merge (project, plan, FALSE, &s, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (s.codes_skipped, ==, 1);
    g_assert_cmpuint (s.codes_added, ==, 0);
    g_assert_cmpuint (s.codings_skipped, ==, 1);
    g_assert_cmpuint (s.codings_added, ==, 0);
    g_assert_false (has_coding (project, c.b_coding));
    g_assert_true (has_coding (project, c.a_coding));
    g_assert_cmpint (query_int (skip, "SELECT count (*) FROM code WHERE name LIKE 'Trust%'"), ==, 1);
  }
}

/* ------------------------------------------------------------------------
 * A report we do not have
 * ------------------------------------------------------------------------ */

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_missing_document (void)
{
  const char * const pages[] = {
    "Inspection of the fostering service. Leaders know their carers well.",
    "Second page. Risks to children are managed with care.",
    NULL
  };
  Base base = { 0, };
  g_autofree char *a = NULL, *b = NULL, *skip = NULL;
  g_autofree char *pdf = tmp_path ("fostering.pdf");
  g_autofree char *guid = NULL, *name = NULL, *text = NULL, *coding = NULL, *quote = NULL;
  g_autoptr(GBytes) pdf_bytes = NULL;
  g_autoptr(GError) error = NULL;
  GlossMergeSummary s;

  make_base (&base, "missing-base.gloss");
  a = copy_to (base.path, "missing-a.gloss");
  b = copy_to (base.path, "missing-b.gloss");
  skip = copy_to (base.path, "missing-skip.gloss");
  g_assert_true (gloss_test_make_pdf (pdf, pages, &error));
  g_assert_no_error (error);
  pdf_bytes = file_bytes (pdf);
  {
    g_autoptr(GlossProject) project = open_project (b);
    g_autoptr(GFile) file = g_file_new_for_path (pdf);
    g_autoptr(GlossDocument) document = gloss_project_import_file (project, file, NULL, NULL, &error);
    g_autoptr(GlossCoding) made = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (gloss_document_get_n_pages (document), ==, 2);
    guid = g_strdup (gloss_document_get_guid (document));
    name = g_strdup (gloss_document_get_name (document));
    text = gloss_project_load_document_text (project, gloss_document_get_id (document), &error);
    g_assert_no_error (error);
    made = gloss_project_add_coding (project, gloss_document_get_id (document), code_id (project, "Risks"),
                                     coder (project, "Ben"), 10, 40, "on the PDF", &error);
    g_assert_no_error (error);
    coding = g_strdup (gloss_coding_get_guid (made));
    quote = g_strdup (gloss_coding_get_quote (made));
    g_assert_true (gloss_project_set_memo (project, GLOSS_MEMO_DOCUMENT, gloss_document_get_id (document),
                                           coder (project, "Ben"), "About the fostering report", &error));
    g_assert_no_error (error);
  }

  /* Listed, then added with bytes, text and pages. */
  {
    g_autoptr(GlossProject) project = open_project (a);
    guint n_documents = 0, n_codes = 0, n_codings = 0;
    g_autoptr(GlossMergePlan) plan = gloss_project_plan_merge (project, b, NULL, &error);
    GlossMergeConflict *conflict;

    g_assert_no_error (error);
    g_assert_cmpuint (gloss_merge_plan_get_conflicts (plan)->len, ==, 1);
    conflict = g_ptr_array_index (gloss_merge_plan_get_conflicts (plan), 0);
    g_assert_cmpint (conflict->kind, ==, GLOSS_CONFLICT_MISSING_DOCUMENT);
    g_assert_cmpstr (conflict->their_guid, ==, guid);
    g_assert_cmpstr (conflict->theirs, ==, name);
    g_assert_null (conflict->ours);
    conflict->decision = GLOSS_DECISION_ADD;
    g_signal_connect_swapped (project, "documents-changed", G_CALLBACK (count_signal), &n_documents);
    g_signal_connect_swapped (project, "codes-changed", G_CALLBACK (count_signal), &n_codes);
    g_signal_connect_swapped (project, "codings-changed", G_CALLBACK (count_signal), &n_codings);
    g_assert_true (gloss_project_merge (project, plan, FALSE, &s, NULL, &error));
    g_assert_no_error (error);
    /* The views hear of it, on the main context. */
    g_assert_cmpuint (n_documents + n_codes + n_codings, ==, 0);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_cmpuint (n_documents, ==, 1);
    g_assert_cmpuint (n_codes, ==, 1);
    g_assert_cmpuint (n_codings, ==, 1);
    g_assert_cmpuint (s.documents_added, ==, 1);
    g_assert_cmpuint (s.documents_matched, ==, 2);
    g_assert_cmpuint (s.codings_added, ==, 1);
    g_assert_cmpuint (s.memos_added, ==, 1);
  }
  {
    g_autoptr(GlossProject) project = open_project (a);
    g_autoptr(GlossDocument) document = gloss_project_lookup_document (project, guid, &error);
    g_autoptr(GBytes) stored = NULL;
    g_autoptr(GlossLayout) layout = NULL;
    g_autoptr(GlossCoding) merged = NULL;
    g_autofree char *stored_text = NULL;
    g_autofree char *memo = NULL;
    g_autoptr(GArray) hits = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (gloss_document_get_name (document), ==, name);
    g_assert_cmpint (gloss_document_get_kind (document), ==, GLOSS_DOCUMENT_KIND_PDF);
    stored = gloss_project_load_document_bytes (project, gloss_document_get_id (document), &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (stored, pdf_bytes));
    stored_text = gloss_project_load_document_text (project, gloss_document_get_id (document), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (stored_text, ==, text);
    layout = gloss_project_load_layout (project, gloss_document_get_id (document), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (gloss_layout_get_n_pages (layout), ==, 2);
    g_assert_nonnull (gloss_layout_get_page (layout, 1)->rects);
    merged = gloss_project_lookup_coding (project, coding, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gloss_coding_get_document_id (merged), ==, gloss_document_get_id (document));
    g_assert_cmpstr (gloss_coding_get_quote (merged), ==, quote);
    g_assert_cmpstr (gloss_coding_get_memo (merged), ==, "on the PDF");
    memo = gloss_project_get_memo (project, GLOSS_MEMO_DOCUMENT, gloss_document_get_id (document),
                                   coder (project, "Ben"), NULL);
    g_assert_cmpstr (memo, ==, "About the fostering report");
    /* The full-text index knows it. */
    hits = gloss_project_search (project, "fostering", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, >=, 1);
    g_assert_true (gloss_project_check_integrity (project, &error));
  }

  /* Skipped: the report, its coding and its memo stay out. */
  s = merge_files (skip, b, GLOSS_DECISION_SKIP, GLOSS_DECISION_NONE);
  g_assert_cmpuint (s.documents_skipped, ==, 1);
  g_assert_cmpuint (s.documents_added, ==, 0);
  g_assert_cmpuint (s.codings_skipped, ==, 1);
  g_assert_cmpuint (s.codings_added, ==, 0);
  g_assert_cmpuint (s.memos_added, ==, 0);
  g_assert_cmpint (query_int (skip, "SELECT count (*) FROM document"), ==, 2);
  g_assert_cmpint (query_int (skip, "SELECT count (*) FROM memo WHERE target = 'document'"), ==, 0);

  base_clear (&base);
}

/* ------------------------------------------------------------------------
 * Tombstones
 * ------------------------------------------------------------------------ */

static void
test_tombstones (void)
{
  Base base = { 0, };
  g_autofree char *a = NULL, *b = NULL, *ab = NULL, *ba = NULL, *b_other = NULL, *a_other = NULL;
  g_autofree char *themed = NULL;
  g_autofree char *state_ab = NULL, *state_ba = NULL;
  g_autoptr(GError) error = NULL;

  make_base (&base, "tomb-base.gloss");
  a = copy_to (base.path, "tomb-a.gloss");
  b = copy_to (base.path, "tomb-b.gloss");

  /* Ben deletes c2, then Anna writes on it; Anna writes on c3, then Ben
   * deletes it.  Ben deletes the code Themes (and with it c5); Anna,
   * later, codes with Themes. */
  {
    g_autoptr(GlossProject) project = open_project (b);

    remove_coding (project, base.c[2]);
  }
  tick ();
  {
    g_autoptr(GlossProject) project = open_project (a);

    g_assert_true (gloss_project_set_coding_memo (project, coding_id (project, base.c[2]), "still here", &error));
    g_assert_no_error (error);
    g_assert_true (gloss_project_set_coding_memo (project, coding_id (project, base.c[3]), "too late", &error));
    g_assert_no_error (error);
  }
  tick ();
  {
    g_autoptr(GlossProject) project = open_project (b);

    remove_coding (project, base.c[3]);
    g_assert_true (gloss_project_delete_code (project, code_id (project, "Themes"), &error));
    g_assert_no_error (error);
  }
  tick ();
  {
    g_autoptr(GlossProject) project = open_project (a);

    themed = add_coding (project, DOC_A, "Themes", "Anna", 5, 25);
  }

  ab = copy_to (a, "tomb-ab.gloss");
  b_other = copy_to (b, "tomb-ab-other.gloss");
  ba = copy_to (b, "tomb-ba.gloss");
  a_other = copy_to (a, "tomb-ba-other.gloss");
  merge_files (ab, b_other, GLOSS_DECISION_ADD, GLOSS_DECISION_NONE);
  merge_files (ba, a_other, GLOSS_DECISION_ADD, GLOSS_DECISION_NONE);

  {
    g_autoptr(GlossProject) project = open_project (ab);
    g_autoptr(GlossCoding) kept = gloss_project_lookup_coding (project, base.c[2], &error);
    g_autoptr(GlossCode) themes = gloss_project_lookup_code (project, "Themes", &error);

    g_assert_no_error (error);
    /* Our change, later than their tombstone, stays. */
    g_assert_cmpstr (gloss_coding_get_memo (kept), ==, "still here");
    /* Their tombstone, later than our change, deletes. */
    g_assert_false (has_coding (project, base.c[3]));
    /* The code stays for the coding made after they deleted it; the
     * coding it had when they deleted it goes. */
    g_assert_nonnull (themes);
    g_assert_true (has_coding (project, themed));
    g_assert_false (has_coding (project, base.c[5]));
  }
  {
    g_autoptr(GlossProject) project = open_project (ba);
    g_autoptr(GlossCoding) back = gloss_project_lookup_coding (project, base.c[2], &error);

    g_assert_no_error (error);
    g_assert_cmpstr (gloss_coding_get_memo (back), ==, "still here");
    g_assert_false (has_coding (project, base.c[3]));
    g_assert_true (has_coding (project, themed));
    g_assert_false (has_coding (project, base.c[5]));
  }
  state_ab = agreed_state (ab);
  state_ba = agreed_state (ba);
  g_assert_cmpstr (state_ab, ==, state_ba);

  /* The tombstone of c3 has Ben's time in both. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT deleted_at FROM tombstone WHERE guid = '%s'", base.c[3]);
    const char * const queries[] = { sql, NULL };
    g_autofree char *ben_time = query (b, queries);
    g_autofree char *ab_time = query (ab, queries);

    g_assert_cmpuint (strlen (ben_time), >, strlen ("--\n"));
    g_assert_cmpstr (ab_time, ==, ben_time);
  }

  base_clear (&base);
}

/* The same code on the same passage by the same coder, made on both
 * sides: one coding, not two; also when one side's change brings a
 * coding onto a passage the other coded meanwhile. */
static void
test_same_coding (void)
{
  Base base = { 0, };
  g_autofree char *a = NULL, *b = NULL, *ab = NULL, *ba = NULL, *a_other = NULL, *b_other = NULL;
  g_autofree char *x = NULL, *y = NULL, *z = NULL;
  g_autoptr(GError) error = NULL;
  GlossMergeSummary s;

  make_base (&base, "same-base.gloss");
  a = copy_to (base.path, "same-a.gloss");
  b = copy_to (base.path, "same-b.gloss");
  {
    g_autoptr(GlossProject) project = open_project (a);

    x = add_coding (project, DOC_A, "Risks", "Lead", 200, 230);
    z = add_coding (project, DOC_A, "Risks", "Lead", 240, 260);
  }
  tick ();
  {
    g_autoptr(GlossProject) project = open_project (b);

    y = add_coding (project, DOC_A, "Risks", "Lead", 200, 230);
    g_assert_true (gloss_project_set_coding_range (project, coding_id (project, base.c[0]), 240, 260, &error));
    g_assert_no_error (error);
  }
  ab = copy_to (a, "same-ab.gloss");
  b_other = copy_to (b, "same-ab-other.gloss");
  ba = copy_to (b, "same-ba.gloss");
  a_other = copy_to (a, "same-ba-other.gloss");

  /* A ← B: y is x; c0, moved later by Ben onto z's passage, is z. */
  s = merge_files (ab, b_other, GLOSS_DECISION_ADD, GLOSS_DECISION_NONE);
  g_assert_cmpuint (s.codings_added, ==, 0);
  g_assert_cmpuint (s.codings_updated, ==, 1);
  g_assert_cmpuint (s.codings_deleted, ==, 1);
  g_assert_cmpuint (s.codings_matched, ==, 6);
  {
    g_autoptr(GlossProject) project = open_project (ab);
    g_autoptr(GlossCoding) c0 = gloss_project_lookup_coding (project, base.c[0], &error);

    g_assert_no_error (error);
    g_assert_cmpuint (gloss_coding_get_start (c0), ==, 240);
    g_assert_cmpuint (gloss_coding_get_end (c0), ==, 260);
    g_assert_true (has_coding (project, x));
    g_assert_false (has_coding (project, y));
    g_assert_false (has_coding (project, z));
  }
  g_assert_cmpint (query_int (ab, "SELECT count (*) FROM coding"), ==, 7);

  /* B ← A: x is y, z is c0. */
  s = merge_files (ba, a_other, GLOSS_DECISION_ADD, GLOSS_DECISION_NONE);
  g_assert_cmpuint (s.codings_added, ==, 0);
  g_assert_cmpuint (s.codings_updated, ==, 0);
  g_assert_cmpuint (s.codings_deleted, ==, 0);
  g_assert_cmpuint (s.codings_matched, ==, 8);
  {
    g_autoptr(GlossProject) project = open_project (ba);

    g_assert_true (has_coding (project, y));
    g_assert_false (has_coding (project, x));
    g_assert_false (has_coding (project, z));
  }
  g_assert_cmpint (query_int (ba, "SELECT count (*) FROM coding"), ==, 7);

  base_clear (&base);
}

/* ------------------------------------------------------------------------
 * Random edits
 * ------------------------------------------------------------------------ */

static const char * const pool[] = { "Alpha", "Beta", "Gamma", "Delta" };
static const char * const coders[] = { "Lead", "Anna", "Ben" };

static GlossCode *
random_code (GlossProject *project)
{
  g_autoptr(GPtrArray) codes = gloss_project_list_codes (project, NULL);

  if (codes == NULL || codes->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (codes, g_test_rand_int_range (0, codes->len)));
}

static GlossCoding *
random_coding (GlossProject *project)
{
  GlossCodingFilter filter = { 0, };
  g_autoptr(GPtrArray) codings = gloss_project_list_codings (project, &filter, NULL);

  if (codings == NULL || codings->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (codings, g_test_rand_int_range (0, codings->len)));
}

/* One change of any kind; refusals (a name taken, a coding there
 * already) are part of the game. */
static void
random_edit (GlossProject *project)
{
  g_autoptr(GlossCode) code = random_code (project);
  g_autoptr(GlossCode) other = random_code (project);
  g_autoptr(GlossCoding) coding = random_coding (project);
  const char *name = pool[g_test_rand_int_range (0, G_N_ELEMENTS (pool))];
  const char *document = g_test_rand_bit () ? DOC_A : DOC_B;
  guint start = g_test_rand_int_range (0, 200);

  switch (g_test_rand_int_range (0, 11))
    {
    case 0:
      {
        g_autoptr(GlossCode) added = gloss_project_add_code (project, g_test_rand_bit () && other ?
                                                             gloss_code_get_id (other) : 0,
                                                             name, NULL, NULL, NULL);
      }
      break;
    case 1:
      if (code != NULL)
        gloss_project_rename_code (project, gloss_code_get_id (code), name, NULL);
      break;
    case 2:
      if (code != NULL)
        gloss_project_move_code (project, gloss_code_get_id (code),
                                 other != NULL && g_test_rand_bit () ? gloss_code_get_id (other) : 0, -1, NULL);
      break;
    case 3:
      if (code != NULL && g_test_rand_int_range (0, 3) == 0)
        gloss_project_delete_code (project, gloss_code_get_id (code), NULL);
      break;
    case 4:
    case 5:
    case 6:
      if (code != NULL)
        {
          g_autoptr(GlossCoding) added =
            gloss_project_add_coding (project, document_id (project, document), gloss_code_get_id (code),
                                      coder (project, coders[g_test_rand_int_range (0, 3)]),
                                      start, start + g_test_rand_int_range (1, 30), NULL, NULL);
        }
      break;
    case 7:
      if (coding != NULL)
        gloss_project_remove_coding (project, gloss_coding_get_id (coding), NULL);
      break;
    case 8:
      if (coding != NULL)
        gloss_project_set_coding_range (project, gloss_coding_get_id (coding), start,
                                        start + g_test_rand_int_range (1, 30), NULL);
      break;
    case 9:
      if (coding != NULL && code != NULL)
        gloss_project_set_coding_code (project, gloss_coding_get_id (coding), gloss_code_get_id (code), NULL);
      break;
    case 10:
    default:
      if (code != NULL)
        gloss_project_set_memo (project, GLOSS_MEMO_CODE, gloss_code_get_id (code),
                                coder (project, coders[g_test_rand_int_range (0, 3)]), name, NULL);
      break;
    }
}

/* What both directions agree on when no code was in conflict: the
 * codings by content (two coders may make the same coding separately,
 * and each side keeps its own), the codes by GUID and path. */
static char *
content_state (const char *path)
{
  const char * const queries[] = {
    "SELECT d.sha256, c.guid, r.name, k.start, k.\"end\" FROM coding k"
    " JOIN document d ON d.id = k.document_id JOIN code c ON c.id = k.code_id"
    " JOIN coder r ON r.id = k.coder_id ORDER BY 1, 2, 3, 4, 5",
    "WITH RECURSIVE tree (id, path) AS ("
    "  SELECT id, name FROM code WHERE parent_id IS NULL UNION ALL"
    "  SELECT c.id, tree.path || '/' || c.name FROM code c JOIN tree ON c.parent_id = tree.id"
    ") SELECT c.guid, tree.path FROM code c JOIN tree USING (id) ORDER BY c.guid",
    NULL
  };

  return query (path, queries);
}

static guint
count_conflicts (const char *ours,
                 const char *theirs)
{
  g_autoptr(GlossProject) project = open_project (ours);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossMergePlan) plan = gloss_project_plan_merge (project, theirs, NULL, &error);

  g_assert_no_error (error);
  return gloss_merge_plan_get_conflicts (plan)->len;
}

static void
test_random_edits (void)
{
  guint round, agreed = 0;

  for (round = 0; round < 12; round++)
    {
      Base base = { 0, };
      g_autofree char *prefix = g_strdup_printf ("random%u", round);
      g_autofree char *base_name = g_strdup_printf ("%s-base.gloss", prefix);
      g_autofree char *a_name = g_strdup_printf ("%s-a.gloss", prefix);
      g_autofree char *b_name = g_strdup_printf ("%s-b.gloss", prefix);
      g_autofree char *ab_name = g_strdup_printf ("%s-ab.gloss", prefix);
      g_autofree char *ba_name = g_strdup_printf ("%s-ba.gloss", prefix);
      g_autofree char *a = NULL, *b = NULL, *ab = NULL, *ba = NULL;
      g_autofree char *once = NULL, *twice = NULL;
      guint i, n_ab, n_ba;
      GlossMergeSummary s;

      make_base (&base, base_name);
      a = copy_to (base.path, a_name);
      b = copy_to (base.path, b_name);
      for (i = 0; i < 40; i++)
        {
          g_autoptr(GlossProject) project = open_project (i % 2 == 0 ? a : b);

          random_edit (project);
        }
      ab = copy_to (a, ab_name);
      ba = copy_to (b, ba_name);
      n_ab = count_conflicts (ab, b);
      n_ba = count_conflicts (ba, a);

      merge_files (ab, b, GLOSS_DECISION_ADD, GLOSS_DECISION_MAP);
      merge_files (ba, a, GLOSS_DECISION_ADD, GLOSS_DECISION_MAP);
      g_assert_cmpint (query_int (ab, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
      g_assert_cmpint (query_int (ba, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
      {
        g_autoptr(GlossProject) project = open_project (ab);

        g_assert_true (gloss_project_check_integrity (project, NULL));
      }

      /* Again: nothing changes. */
      once = dump (ab, TRUE);
      s = merge_files (ab, b, GLOSS_DECISION_ADD, GLOSS_DECISION_MAP);
      assert_summary_zero_changes (&s);
      twice = dump (ab, TRUE);
      g_assert_cmpstr (twice, ==, once);

      /* Any decisions: the merge goes through, and leaves a sound file. */
      {
        g_autofree char *any_name = g_strdup_printf ("%s-any.gloss", prefix);
        g_autofree char *any = copy_to (a, any_name);
        g_autoptr(GlossProject) project = open_project (any);
        g_autoptr(GlossMergePlan) plan = NULL;
        g_autoptr(GError) error = NULL;
        GPtrArray *conflicts;

        plan = gloss_project_plan_merge (project, b, NULL, &error);
        g_assert_no_error (error);
        conflicts = gloss_merge_plan_get_conflicts (plan);
        for (i = 0; i < conflicts->len; i++)
          ((GlossMergeConflict *) g_ptr_array_index (conflicts, i))->decision = g_test_rand_int_range (1, 4);
        g_assert_true (gloss_project_merge (project, plan, FALSE, &s, NULL, &error));
        g_assert_no_error (error);
        g_assert_true (gloss_project_check_integrity (project, &error));
        g_assert_no_error (error);
        g_clear_object (&project);
        g_assert_cmpint (query_int (any, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
      }

      if (n_ab == 0 && n_ba == 0)
        {
          g_autofree char *state_ab = content_state (ab);
          g_autofree char *state_ba = content_state (ba);

          g_assert_cmpstr (state_ab, ==, state_ba);
          agreed++;
        }
      base_clear (&base);
    }
  g_test_message ("%u of 12 rounds without conflicts, merged alike both ways", agreed);
}

/* ------------------------------------------------------------------------
 * An older other project; refusals
 * ------------------------------------------------------------------------ */

static void
test_older_schema (void)
{
  int version;

  for (version = 4; version >= 3; version--)
    {
      Base base = { 0, };
      g_autofree char *prefix = g_strdup_printf ("older%d", version);
      g_autofree char *base_name = g_strdup_printf ("%s-base.gloss", prefix);
      g_autofree char *a_name = g_strdup_printf ("%s-a.gloss", prefix);
      g_autofree char *b_name = g_strdup_printf ("%s-b.gloss", prefix);
      g_autofree char *a = NULL, *b = NULL, *b1 = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GError) error = NULL;
      GlossMergeSummary s;

      make_base (&base, base_name);
      a = copy_to (base.path, a_name);
      b = copy_to (base.path, b_name);
      {
        g_autoptr(GlossProject) project = open_project (b);

        b1 = add_coding (project, DOC_A, "Risks", "Ben", 61, 120);
        remove_coding (project, base.c[2]);
        g_assert_true (gloss_project_set_named_attribute_value (project, document_id (project, DOC_A),
                                                                "Judgement", GLOSS_ATTRIBUTE_CHOICE,
                                                                "Good", &error));
        g_assert_no_error (error);
      }
      /* As a Gloss of that schema left it. */
      exec_sql (b,
                "DROP TRIGGER tombstone_code_delete; DROP TRIGGER tombstone_code_insert;"
                "DROP TRIGGER tombstone_coding_delete; DROP TRIGGER tombstone_coding_insert;"
                "DROP TRIGGER tombstone_memo_delete; DROP TRIGGER tombstone_memo_insert;"
                "DROP TABLE review; DROP TABLE tombstone; DROP TABLE merge_log;"
                "PRAGMA user_version = 4;");
      if (version == 3)
        exec_sql (b, "DROP TABLE document_attribute; DROP TABLE attribute; PRAGMA user_version = 3;");
      before = file_bytes (b);

      s = merge_files (a, b, GLOSS_DECISION_ADD, GLOSS_DECISION_NONE);
      g_assert_cmpuint (s.codings_added, ==, 1);
      /* Without tombstones, what they lack is simply not theirs. */
      g_assert_cmpuint (s.codings_deleted, ==, 0);
      g_assert_cmpuint (s.codings_matched, ==, 5);
      g_assert_cmpuint (s.reviews_added, ==, 0);
      {
        g_autoptr(GlossProject) project = open_project (a);
        g_autofree char *value = NULL;
        g_autoptr(GlossAttribute) attribute = gloss_project_lookup_attribute (project, "Judgement", NULL);

        g_assert_true (has_coding (project, b1));
        g_assert_true (has_coding (project, base.c[2]));
        if (version == 4)
          {
            g_assert_nonnull (attribute);
            value = gloss_project_get_attribute_value (project, document_id (project, DOC_A), attribute->id);
            g_assert_cmpstr (value, ==, "Good");
          }
        else
          g_assert_null (attribute);
      }

      /* Read as it is, not migrated. */
      g_assert_cmpint (query_int (b, "PRAGMA user_version"), ==, version);
      after = file_bytes (b);
      g_assert_true (g_bytes_equal (before, after));
      base_clear (&base);
    }
}

static void
test_refused (void)
{
  Base base = { 0, };
  g_autofree char *a = NULL, *newer = NULL, *plain = NULL, *link = NULL, *copy = NULL;
  g_autofree char *text = write_text ("notes.txt", "Not a project at all.\n");
  g_autofree char *missing = tmp_path ("no-such.gloss");
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GlossMergePlan *plan;

  make_base (&base, "refused-base.gloss");
  a = copy_to (base.path, "refused-a.gloss");
  newer = copy_to (base.path, "refused-newer.gloss");
  copy = copy_to (base.path, "refused-copy.gloss");
  exec_sql (newer, "PRAGMA user_version = 99");
  plain = tmp_path ("plain.sqlite");
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (plain, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  link = tmp_path ("refused-link.gloss");
  g_assert_cmpint (symlink (a, link), ==, 0);

  before = dump (a, TRUE);
  project = open_project (a);

  plan = gloss_project_plan_merge (project, missing, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  plan = gloss_project_plan_merge (project, text, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_A_PROJECT);
  g_clear_error (&error);

  plan = gloss_project_plan_merge (project, plain, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_A_PROJECT);
  g_clear_error (&error);

  plan = gloss_project_plan_merge (project, newer, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_VERSION);
  g_clear_error (&error);

  /* Itself, by its own path or another. */
  plan = gloss_project_plan_merge (project, a, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);
  plan = gloss_project_plan_merge (project, link, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&project);
  after = dump (a, TRUE);
  g_assert_cmpstr (after, ==, before);

  /* A copy of it (the same project GUID: how colleagues get their copy)
   * is not itself, and brings nothing new. */
  {
    GlossMergeSummary s = merge_files (a, copy, GLOSS_DECISION_ADD, GLOSS_DECISION_NONE);

    assert_summary_zero_changes (&s);
    g_assert_cmpuint (s.codings_matched, ==, 6);
  }

  base_clear (&base);
}

/* ------------------------------------------------------------------------
 * An interrupted merge
 * ------------------------------------------------------------------------ */

#define N_BULK 36000

static int
child_merge (const char *path,
             const char *other)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = gloss_project_open (path, &error);
  g_autoptr(GlossMergePlan) plan = NULL;
  guint i;

  if (project != NULL)
    plan = gloss_project_plan_merge (project, other, NULL, &error);
  if (plan == NULL)
    {
      fprintf (stderr, "child: %s\n", error->message);
      return 2;
    }
  gloss_merge_plan_map_codes_by_path (plan);
  for (i = 0; i < gloss_merge_plan_get_conflicts (plan)->len; i++)
    {
      GlossMergeConflict *conflict = g_ptr_array_index (gloss_merge_plan_get_conflicts (plan), i);

      if (conflict->kind == GLOSS_CONFLICT_MISSING_DOCUMENT)
        conflict->decision = GLOSS_DECISION_ADD;
    }
  fputs ("merging\n", stdout);
  fflush (stdout);
  if (!gloss_project_merge (project, plan, FALSE, NULL, NULL, &error))
    {
      fprintf (stderr, "child: %s\n", error->message);
      return 2;
    }
  fputs ("done\n", stdout);
  fflush (stdout);

  return 0;
}

/* The rows, and whether the merge is logged and journaled. */
static char *
kill_state (const char *path)
{
  const char * const counts[] = {
    "SELECT count (*) FROM merge_log", "SELECT count (*) FROM journal_action", NULL
  };
  g_autofree char *rows = dump (path, FALSE);
  g_autofree char *logged = query (path, counts);

  return g_strconcat (rows, logged, NULL);
}

static void
remove_project (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
test_interrupted (void)
{
  Base base = { 0, };
  g_autofree char *a = NULL, *b = NULL, *ref = NULL, *bulk_text = NULL;
  g_autofree char *work = tmp_path ("kill-work.gloss");
  g_autofree char *before = NULL, *after = NULL;
  gint64 start, duration;
  guint round, n_before = 0, n_after = 0;
  GString *bulk = g_string_new (NULL);
  guint i;

  make_base (&base, "kill-base.gloss");
  a = copy_to (base.path, "kill-a.gloss");
  b = copy_to (base.path, "kill-b.gloss");

  /* A big other project: a report we lack and many codings. */
  for (i = 0; i < 400; i++)
    g_string_append_printf (bulk, "Line %u of a long annex on risks, leadership and practice.\n", i);
  bulk_text = write_text ("annex.txt", bulk->str);
  g_string_free (bulk, TRUE);
  {
    g_autoptr(GlossProject) project = open_project (b);

    import (project, bulk_text);
    coder (project, "Bulk");
    set_code_memo (project, "Themes", "Bulk", "Themes, in bulk");
  }
  exec_sql (b,
            "BEGIN;"
            "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " G_STRINGIFY (N_BULK) " - 1),"
            " codes (id, k) AS (SELECT id, row_number () OVER (ORDER BY id) - 1 FROM code)"
            " INSERT INTO coding (guid, document_id, code_id, coder_id, start, \"end\", quote, memo,"
            "  created_at, changed_at)"
            " SELECT printf ('bulk-%06d', n.i), (SELECT id FROM document WHERE name = 'annex'), codes.id,"
            "  (SELECT id FROM coder WHERE name = 'Bulk'),"
            "  n.i % 240, n.i % 240 + 1 + (n.i / 240) % 50, 'quote', 'memo',"
            "  '2024-01-01T10:00:00.000001Z', '2024-01-01T10:00:00.000001Z'"
            " FROM n JOIN codes ON codes.k = n.i / 12000;"
            "COMMIT;");
  g_assert_cmpint (query_int (b, "SELECT count (*) FROM coding"), ==, N_BULK + 6);

  before = kill_state (a);
  ref = copy_to (a, "kill-ref.gloss");
  {
    g_autoptr(GlossProject) project = open_project (ref);
    g_autoptr(GlossMergePlan) plan = NULL;
    g_autoptr(GError) error = NULL;
    GlossMergeSummary s;

    plan = gloss_project_plan_merge (project, b, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (gloss_merge_plan_get_conflicts (plan)->len, ==, 1);
    ((GlossMergeConflict *) g_ptr_array_index (gloss_merge_plan_get_conflicts (plan), 0))->decision =
      GLOSS_DECISION_ADD;
    /* How long the merge itself takes, from when the child says so. */
    start = g_get_monotonic_time ();
    g_assert_true (gloss_project_merge (project, plan, FALSE, &s, NULL, &error));
    duration = g_get_monotonic_time () - start;
    g_assert_no_error (error);
    g_assert_cmpuint (s.codings_added, ==, N_BULK);
    g_assert_cmpuint (s.documents_added, ==, 1);
  }
  after = kill_state (ref);
  g_assert_cmpstr (after, !=, before);
  g_test_message ("The merge takes %" G_GINT64_FORMAT " ms", duration / 1000);

  for (round = 0; round < 10; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autofree char *line = NULL;
      g_autofree char *state = NULL;
      const char *argv[] = { self_exe, "--child", "merge", work, b, NULL };
      gint64 wait = g_test_rand_int_range (0, (gint32) MAX (duration * 5 / 4, 2));

      remove_project (work);
      copy_file (a, work);
      child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (line, ==, "merging");

      g_usleep (wait);
      g_subprocess_send_signal (child, SIGKILL);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);
      if (g_subprocess_get_if_exited (child))
        g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);

      {
        g_autoptr(GlossProject) project = open_project (work);

        g_assert_true (gloss_project_check_integrity (project, &error));
        g_assert_no_error (error);
      }
      state = kill_state (work);
      if (g_strcmp0 (state, before) == 0)
        n_before++;
      else if (g_strcmp0 (state, after) == 0)
        n_after++;
      else
        g_error ("Round %u (killed after %" G_GINT64_FORMAT " us): the project is neither as before"
                 " nor as after the merge", round, wait);
    }
  g_test_message ("%u rounds left it as before, %u as after", n_before, n_after);

  base_clear (&base);
}

/* ------------------------------------------------------------------------
 * gloss-cli merge
 * ------------------------------------------------------------------------ */

static void
test_cli_summary (void)
{
  /* The both-ways merge of Ben's copy into Anna's, counted by hand (see
   * test_both_ways). */
  const char *expected =
    "kind\tadded\tmatched\tupdated\tdeleted\tskipped\n"
    "documents\t0\t2\t0\t0\t0\n"
    "coders\t1\t1\t0\t0\t0\n"
    "codes\t1\t4\t1\t0\t0\n"
    "codings\t3\t4\t0\t1\t0\n"
    "memos\t1\t0\t1\t0\t0\n"
    "reviews\t1\t0\t0\t0\t0\n";
  g_auto(Pair) pair = { 0, };
  g_auto(GlossTestRun) dry = { 0, };
  g_auto(GlossTestRun) run = { 0, };
  g_auto(GlossTestRun) again = { 0, };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *state = NULL;

  make_pair (&pair, "cli");
  before = file_bytes (pair.a);

  if (!gloss_test_run_cli (&dry, "merge", pair.a, pair.b, "--dry-run", NULL))
    return;
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_cmpstr (dry.out, ==, expected);
  after = file_bytes (pair.a);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (query_int (pair.a, "SELECT count (*) FROM merge_log"), ==, 0);

  gloss_test_run_cli (&run, "merge", pair.a, pair.b, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (query_int (pair.a, "SELECT count (*) FROM merge_log"), ==, 1);
  g_assert_cmpint (query_int (pair.a, "SELECT count (*) FROM coding"), ==, 10);

  /* Again: nothing to add, update or delete. */
  gloss_test_run_cli (&again, "merge", pair.a, pair.b, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out,
                   ==,
                   "kind\tadded\tmatched\tupdated\tdeleted\tskipped\n"
                   "documents\t0\t2\t0\t0\t0\n"
                   "coders\t0\t2\t0\t0\t0\n"
                   "codes\t0\t6\t0\t0\t0\n"
                   "codings\t0\t7\t0\t0\t0\n"
                   "memos\t0\t0\t0\t0\t0\n"
                   "reviews\t0\t0\t0\t0\t0\n");
}

static void
test_cli_conflicts (void)
{
  g_auto(Conflicting) c = { 0, };
  g_auto(GlossTestRun) refused = { 0, };
  g_auto(GlossTestRun) mapped = { 0, };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(GStrv) lines = NULL;

  make_conflicting (&c, "cli-conflict");
  before = file_bytes (c.a);

  if (!gloss_test_run_cli (&refused, "merge", c.a, c.b, NULL))
    return;
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  lines = g_strsplit (refused.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);   /* two conflicts, the verdict, "" */
  g_assert_true (g_str_has_prefix (lines[0], "gloss-cli: "));
  g_assert_nonnull (strstr (refused.err, ": same-path: "));
  g_assert_nonnull (strstr (refused.err, ": code-moved: "));
  g_assert_nonnull (strstr (refused.err, "Themes/Trust"));
  g_assert_nonnull (strstr (refused.err, "\xe2\x80\x9cVisits\xe2\x80\x9d is under \xe2\x80\x9cPractice\xe2\x80\x9d here and under \xe2\x80\x9cRisks\xe2\x80\x9d"));
  g_assert_nonnull (strstr (lines[2], "2 conflicts"));
  after = file_bytes (c.a);
  g_assert_true (g_bytes_equal (before, after));

  gloss_test_run_cli (&mapped, "merge", c.a, c.b, "--map-codes-by-path", NULL);
  g_assert_cmpint (mapped.status, ==, 0);
  /* Ben's Trust is Anna's (matched); Visits keeps its place but takes
   * Ben's later change time (updated); Ben's Trust coding is added. */
  g_assert_nonnull (strstr (mapped.out, "\ncodes\t0\t5\t1\t0\t0\n"));
  g_assert_nonnull (strstr (mapped.out, "\ncodings\t1\t6\t0\t0\t0\n"));
  {
    g_autoptr(GlossProject) project = open_project (c.a);
    g_autofree char *ben = path_of_coding_code (project, c.b_coding);
    g_autofree char *expected = g_strdup_printf ("%s Themes/Trust", c.a_trust);
    g_autoptr(GlossCode) visits = gloss_project_lookup_code (project, c.visits, NULL);

    g_assert_cmpstr (ben, ==, expected);
    g_assert_cmpstr (gloss_code_get_path (visits), ==, "Practice/Visits");
  }
}

static void
test_cli_refused (void)
{
  Base base = { 0, };
  g_auto(GlossTestRun) run = { 0, };
  g_auto(GlossTestRun) usage = { 0, };
  g_autofree char *text = write_text ("cli-notes.txt", "Not a project.\n");

  make_base (&base, "cli-refused.gloss");
  if (!gloss_test_run_cli (&run, "merge", base.path, text, NULL))
    {
      base_clear (&base);
      return;
    }
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "not a Gloss project"));

  gloss_test_run_cli (&usage, "merge", base.path, NULL);
  g_assert_cmpint (usage.status, ==, 2);
  base_clear (&base);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (argc == 5 && g_strcmp0 (argv[1], "--child") == 0 && g_strcmp0 (argv[2], "merge") == 0)
    return child_merge (argv[3], argv[4]);

  g_test_init (&argc, &argv, NULL);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_strdup (argv[0]);
  tmpdir = gloss_test_make_tmpdir ();

  g_test_add_func ("/merge/both-ways", test_both_ways);
  g_test_add_func ("/merge/twice-and-undo", test_twice_and_undo);
  g_test_add_func ("/merge/conflicts-listed", test_conflicts_listed);
  g_test_add_func ("/merge/conflicts-decided", test_conflicts_decided);
  g_test_add_func ("/merge/missing-document", test_missing_document);
  g_test_add_func ("/merge/tombstones", test_tombstones);
  g_test_add_func ("/merge/same-coding", test_same_coding);
  g_test_add_func ("/merge/random-edits", test_random_edits);
  g_test_add_func ("/merge/older-schema", test_older_schema);
  g_test_add_func ("/merge/refused", test_refused);
  g_test_add_func ("/merge/interrupted", test_interrupted);
  g_test_add_func ("/merge/cli/summary", test_cli_summary);
  g_test_add_func ("/merge/cli/conflicts", test_cli_conflicts);
  g_test_add_func ("/merge/cli/refused", test_cli_refused);

  ret = g_test_run ();
  gloss_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (self_exe);

  return ret;
}
