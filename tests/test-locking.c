/* test-locking.c: two writers on one project file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

static char *tmpdir;

static const char *
cli (void)
{
  const char *path = g_getenv ("GLOSS_CLI");

  g_assert_nonnull (path);
  return path;
}

static char *
make_files (const char *prefix,
            guint       n)
{
  char *dir = g_build_filename (tmpdir, prefix, NULL);
  guint i;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%03u.txt", prefix, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GString) body = g_string_new (NULL);
      guint k;

      for (k = 0; k < 200; k++)
        g_string_append_printf (body, "%s report %u, line %u: early help and oversight.\n",
                                prefix, i, k);
      g_assert_true (g_file_set_contents (path, body->str, body->len, NULL));
    }

  return dir;
}

static GSubprocess *
spawn_import (const char *project,
              const char *dir)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, cli (), "import", project, dir, NULL);
  g_assert_no_error (error);

  return process;
}

/* Two processes import at the same time: each waits for the other's
 * transactions, both succeed, and the file is sound. */
static void
test_two_writers (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "shared.gloss", NULL);
  g_autofree char *a = make_files ("alpha", 40);
  g_autofree char *b = make_files ("beta", 40);
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GSubprocess) pa = NULL;
  g_autoptr(GSubprocess) pb = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err_a = NULL;
  g_autofree char *err_b = NULL;

  project = gloss_project_create (path, "Shared", &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  pa = spawn_import (path, a);
  pb = spawn_import (path, b);
  g_assert_true (g_subprocess_communicate_utf8 (pa, NULL, NULL, NULL, &err_a, &error));
  g_assert_true (g_subprocess_communicate_utf8 (pb, NULL, NULL, NULL, &err_b, &error));
  g_assert_no_error (error);
  g_test_message ("A: %s\nB: %s", err_a, err_b);
  g_assert_cmpint (g_subprocess_get_exit_status (pa), ==, 0);
  g_assert_cmpint (g_subprocess_get_exit_status (pb), ==, 0);

  project = gloss_project_open (path, &error);
  g_assert_no_error (error);
  documents = gloss_project_list_documents (project, &error);
  g_assert_cmpuint (documents->len, ==, 80);
  g_assert_true (gloss_project_check_integrity (project, &error));
  g_assert_no_error (error);
}

typedef struct
{
  char *path;
  guint hold_ms;
} Holder;

static gpointer
hold_write_lock (gpointer data)
{
  Holder *holder = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (holder->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_usleep (holder->hold_ms * 1000);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);

  return NULL;
}

/* Another program holds the write lock for a moment: the import waits and
 * then succeeds. */
static void
test_waits_briefly (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "brief.gloss", NULL);
  g_autofree char *dir = make_files ("brief", 1);
  g_autofree char *file_path = g_build_filename (dir, "brief-000.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  Holder holder = { path, 800 };
  GThread *thread;

  project = gloss_project_create (path, NULL, &error);
  g_assert_no_error (error);

  thread = g_thread_new ("holder", hold_write_lock, &holder);
  g_usleep (200 * 1000);
  document = gloss_project_import_file (project, file, NULL, NULL, &error);
  g_thread_join (thread);
  g_assert_no_error (error);
  g_assert_nonnull (document);
}

/* Held for longer than Gloss waits: a clear "in use" error, in the engine
 * and from the command line, and nothing half-written. */
static void
test_in_use (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "busy.gloss", NULL);
  g_autofree char *dir = make_files ("busy", 1);
  g_autofree char *file_path = g_build_filename (dir, "busy-000.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  Holder holder = { path, 13000 };
  GThread *thread;

  project = gloss_project_create (path, NULL, &error);
  g_assert_no_error (error);

  thread = g_thread_new ("holder", hold_write_lock, &holder);
  g_usleep (200 * 1000);

  document = gloss_project_import_file (project, file, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "in use"));
  g_clear_error (&error);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, cli (), "import", path, file_path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
  g_assert_nonnull (strstr (err, "in use"));

  g_thread_join (thread);

  documents = gloss_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 0);
  g_assert_true (gloss_project_check_integrity (project, &error));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = gloss_test_make_tmpdir ();

  g_test_add_func ("/locking/two-writers", test_two_writers);
  g_test_add_func ("/locking/waits-briefly", test_waits_briefly);
  g_test_add_func ("/locking/in-use", test_in_use);

  status = g_test_run ();
  gloss_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return status;
}
