/* test-durability.c: nothing a coder was told is saved may be lost
 *
 * The test program runs itself again as a child ("--child MODE PROJECT")
 * that codes passages one by one and prints the GUID of each coding once
 * gloss_project_add_coding() has returned.  The parent reads a random
 * number of those lines, kills the child with SIGKILL wherever it is, and
 * reopens the project: every GUID it read must be there, and the file
 * must pass SQLite's integrity check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

#define N_ROUNDS 5

static char *tmpdir;
static char *self_exe;

/* Long enough that the child never runs out of passages before it is
 * killed. */
static char *
make_text (void)
{
  GString *text = g_string_new (NULL);
  guint i;

  for (i = 0; i < 40; i++)
    g_string_append_printf (text,
                            "Paragraph %u: the local authority\xe2\x80\x99s leaders know their "
                            "services well \xe2\x80\x94 na\xc3\xafve caf\xc3\xa9 \xf0\x9f\x98\x80.\n",
                            i);
  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------------
 * The child
 * ------------------------------------------------------------------------ */

static void
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "child: %s: %s\n", what, error ? error->message : "failed");
  fflush (stderr);
  _exit (2);
}

static void
report (const char *guid)
{
  fputs (guid, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/* Codes passage after passage, forever.  MODE "plain" only adds codings;
 * MODE "undo" also undoes and redoes, edits memos and adds codes it then
 * undoes, so that the kill may fall in any of those. */
static int
child_main (const char *mode,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GlossCode) code = NULL;
  gboolean with_undo = g_strcmp0 (mode, "undo") == 0;
  gint64 document, coder;
  guint n_chars, i;

  project = gloss_project_open (path, &error);
  if (project == NULL)
    die ("open", error);
  documents = gloss_project_list_documents (project, &error);
  if (documents == NULL || documents->len == 0)
    die ("documents", error);
  document = gloss_document_get_id (g_ptr_array_index (documents, 0));
  n_chars = gloss_document_get_n_chars (g_ptr_array_index (documents, 0));
  code = gloss_project_lookup_code (project, "Leadership/Knows itself", &error);
  if (code == NULL)
    die ("code", error);
  coder = gloss_project_ensure_coder (project, "Child", &error);
  if (coder == 0)
    die ("coder", error);

  /* Pick up after the codings of earlier rounds. */
  for (i = gloss_project_count_code_codings (project, gloss_code_get_id (code)); ; i++)
    {
      g_autoptr(GlossCoding) coding = NULL;
      guint start = i % (n_chars - 20);
      guint end = start + 1 + (i / (n_chars - 20)) % 19;

      coding = gloss_project_add_coding (project, document, gloss_code_get_id (code), coder,
                                         start, end, NULL, &error);
      if (coding == NULL)
        die ("add coding", error);

      if (with_undo)
        {
          g_autofree char *memo = g_strdup_printf ("Note on %s", gloss_coding_get_guid (coding));
          g_autoptr(GlossCode) scratch = NULL;
          g_autofree char *name = g_strdup_printf ("Scratch %u-%08x", i, g_random_int ());

          /* The coding goes and comes back. */
          if (!gloss_project_undo (project, &error) || !gloss_project_redo (project, &error))
            die ("undo/redo coding", error);
          if (!gloss_project_set_coding_memo (project, gloss_coding_get_id (coding), memo, &error))
            die ("memo", error);
          if (!gloss_project_undo (project, &error) || !gloss_project_redo (project, &error))
            die ("undo/redo memo", error);

          report (gloss_coding_get_guid (coding));

          /* Something to undo that is not the coding: left undone, so
           * that the next coding drops it from the redo list. */
          scratch = gloss_project_add_code (project, 0, name, NULL, NULL, &error);
          if (scratch == NULL)
            die ("scratch code", error);
          if (!gloss_project_undo (project, &error))
            die ("undo scratch", error);
        }
      else
        report (gloss_coding_get_guid (coding));
    }

  return 0;
}

/* ------------------------------------------------------------------------
 * The parent
 * ------------------------------------------------------------------------ */

static char *
make_project (const char *mode)
{
  g_autofree char *name = g_strdup_printf ("durable-%s.gloss", mode);
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *text_path = g_build_filename (tmpdir, "report.txt", NULL);
  g_autofree char *text = make_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossCode) code = NULL;

  g_assert_true (g_file_set_contents (text_path, text, -1, NULL));
  project = gloss_project_create (path, "Durability", &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (text_path);
  document = gloss_project_import_file (project, file, NULL, NULL, &error);
  g_assert_no_error (error);
  code = gloss_project_ensure_code_path (project, "Leadership/Knows itself", NULL, NULL, &error);
  g_assert_no_error (error);

  return path;
}

/* Every row of the tables the child writes, to compare states. */
static char *
dump (const char *path)
{
  static const char * const queries[] = {
    "SELECT id, guid, parent_id, name, position, pin FROM code ORDER BY id",
    "SELECT id, guid, document_id, code_id, coder_id, start, \"end\", quote, memo, changed_at FROM coding ORDER BY id",
    "SELECT id, target, target_id, coder_id, text FROM memo ORDER BY id",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  guint q;
  int i;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  for (q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (i = 0; i < sqlite3_column_count (stmt); i++)
            g_string_append_printf (out, "%s%s", i ? "|" : "",
                                    sqlite3_column_type (stmt, i) == SQLITE_NULL
                                    ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static gint64
foreign_key_problems (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static gint64
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM \"%s\"", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* Runs the child until it has reported n codings (and a little more),
 * kills it, and returns what it reported. */
static GPtrArray *
run_and_kill (const char *mode,
              const char *path,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  GPtrArray *guids = g_ptr_array_new_with_free_func (g_free);
  const char *argv[] = { self_exe, "--child", mode, path, NULL };

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  while (guids->len < n)
    {
      char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("The child stopped after %u codings", guids->len);
      g_assert_true (g_uuid_string_is_valid (line));
      g_ptr_array_add (guids, line);
    }

  /* Somewhere inside the next transaction, or between two. */
  g_usleep (g_test_rand_int_range (0, 4000));
  g_subprocess_send_signal (child, SIGKILL);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  return guids;
}

static void
check_after_kill (const char *path,
                  GPtrArray  *guids,
                  gboolean    with_memos)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint i;

  project = gloss_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  g_assert_true (gloss_project_check_integrity (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (foreign_key_problems (path), ==, 0);

  for (i = 0; i < guids->len; i++)
    {
      const char *guid = g_ptr_array_index (guids, i);
      g_autoptr(GlossCoding) coding = gloss_project_lookup_coding (project, guid, &error);
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (coding);
      g_assert_cmpstr (gloss_coding_get_guid (coding), ==, guid);
      text = gloss_project_load_document_text (project, gloss_coding_get_document_id (coding), &error);
      g_assert_no_error (error);
      expected = g_utf8_substring (text, gloss_coding_get_start (coding), gloss_coding_get_end (coding));
      g_assert_cmpstr (gloss_coding_get_quote (coding), ==, expected);
      if (with_memos)
        {
          g_autofree char *memo = g_strdup_printf ("Note on %s", guid);

          g_assert_cmpstr (gloss_coding_get_memo (coding), ==, memo);
        }
    }

  g_test_message ("%u codings reported, %" G_GINT64_FORMAT " stored",
                  guids->len, (gint64) count_rows (path, "coding"));

  /* The journal was left sound: what is at its top can be undone and
   * redone, back to the same state. */
  before = dump (path);
  if (gloss_project_can_undo (project, NULL))
    {
      g_assert_true (gloss_project_undo (project, &error));
      g_assert_no_error (error);
      g_assert_true (gloss_project_redo (project, &error));
      g_assert_no_error (error);
      after = dump (path);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_true (gloss_project_check_integrity (project, &error));
  g_assert_no_error (error);
}

static void
run_rounds (const char *mode)
{
  g_autofree char *path = make_project (mode);
  gboolean with_undo = g_strcmp0 (mode, "undo") == 0;
  guint round;

  for (round = 0; round < N_ROUNDS; round++)
    {
      guint n = g_test_rand_int_range (5, 61);
      g_autoptr(GPtrArray) guids = NULL;

      g_test_message ("Round %u: killing after %u codings", round, n);
      guids = run_and_kill (mode, path, n);
      g_assert_cmpuint (guids->len, ==, n);
      check_after_kill (path, guids, with_undo);
    }
}

static void
test_kill_while_coding (void)
{
  run_rounds ("plain");
}

static void
test_kill_while_undoing (void)
{
  run_rounds ("undo");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (argc == 4 && g_strcmp0 (argv[1], "--child") == 0)
    return child_main (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_strdup (argv[0]);
  tmpdir = gloss_test_make_tmpdir ();

  g_test_add_func ("/durability/kill-while-coding", test_kill_while_coding);
  g_test_add_func ("/durability/kill-while-undoing", test_kill_while_undoing);

  ret = g_test_run ();
  gloss_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (self_exe);

  return ret;
}
