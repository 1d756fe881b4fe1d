/* test-importer.c: many files at once, off the calling thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

static char *tmpdir;

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  guint         progress;
  guint         last_done;
  guint         last_total;
  guint         files_done;
  guint         cancel_after;
  gboolean      finished;
  gboolean      ok;
  GThread      *main_thread;
} Run;

static void
on_progress (GlossImporter *importer,
             guint          done,
             guint          total,
             const char    *name,
             Run           *run)
{
  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_cmpuint (done, >=, run->last_done);
  run->progress++;
  run->last_done = done;
  run->last_total = total;
}

static void
on_file_done (GlossImporter *importer,
              gpointer       result,
              Run           *run)
{
  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_nonnull (gloss_import_result_get_file (result));
  run->files_done++;
  if (run->cancel_after > 0 && run->files_done == run->cancel_after)
    g_cancellable_cancel (run->cancellable);
}

static void
on_finished (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  run->ok = gloss_importer_run_finish (GLOSS_IMPORTER (object), result, &error);
  g_assert_no_error (error);
  run->finished = TRUE;
  g_main_loop_quit (run->loop);
}

static void
run_importer (GlossImporter *importer,
              Run           *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  run->cancellable = g_cancellable_new ();
  run->main_thread = g_thread_self ();
  g_signal_connect (importer, "progress", G_CALLBACK (on_progress), run);
  g_signal_connect (importer, "file-done", G_CALLBACK (on_file_done), run);
  gloss_importer_run_async (importer, run->cancellable, on_finished, run);
  g_main_loop_run (run->loop);
  g_main_loop_unref (run->loop);
  g_object_unref (run->cancellable);
}

static void
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
}

static char *
make_batch_folder (const char *name)
{
  char *dir = g_build_filename (tmpdir, name, NULL);
  g_autofree char *sub = g_build_filename (dir, "2024", NULL);
  g_autofree char *pdf = g_build_filename (sub, "report.pdf", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.pdf", NULL);
  const char *pages[] = { "A report on early help.", NULL };
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (sub, 0700);
  write_file (dir, "a-letter.txt", "Focused visit letter.", -1);
  write_file (dir, "b-html.pdf", "<html><body>404</body></html>", -1);
  write_file (dir, "c-empty.txt", "", 0);
  write_file (dir, ".hidden.txt", "never imported", -1);
  g_assert_true (gloss_test_make_pdf (pdf, pages, &error));
  g_assert_true (gloss_test_make_encrypted_pdf (locked, "letmein", "Locked letter", &error));

  return dir;
}

static GlossProject *
new_project (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  GlossProject *project = gloss_project_create (path, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static const GlossImportResult *
result_for (GlossImporter *importer,
            const char    *basename)
{
  guint i;

  for (i = 0; i < gloss_importer_get_n_results (importer); i++)
    {
      const GlossImportResult *result = gloss_importer_get_result (importer, i);
      g_autofree char *base = g_file_get_basename (gloss_import_result_get_file (result));

      if (g_strcmp0 (base, basename) == 0)
        return result;
    }

  g_error ("No result for %s", basename);
  return NULL;
}

static void
test_importer_batch (void)
{
  g_autoptr(GlossProject) project = new_project ("batch.gloss");
  g_autoptr(GlossImporter) importer = gloss_importer_new (project);
  g_autofree char *dir = make_batch_folder ("batch");
  g_autofree char *extra = g_build_filename (tmpdir, "not-there.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) missing = g_file_new_for_path (extra);
  g_autoptr(GPtrArray) documents = NULL;
  const GlossImportResult *r;
  Run run = { 0, };

  gloss_importer_add_file (importer, folder, NULL);
  gloss_importer_add_file (importer, missing, NULL);
  run_importer (importer, &run);

  g_assert_true (run.finished);
  g_assert_true (run.ok);
  /* 5 files in the folder (the hidden one skipped) and one missing. */
  g_assert_cmpuint (gloss_importer_get_n_results (importer), ==, 6);
  g_assert_cmpuint (run.files_done, ==, 6);
  g_assert_cmpuint (run.last_done, ==, 6);
  g_assert_cmpuint (run.last_total, ==, 6);
  g_assert_cmpuint (run.progress, ==, 7);

  r = result_for (importer, "a-letter.txt");
  g_assert_cmpint (gloss_import_result_get_status (r), ==, GLOSS_IMPORT_IMPORTED);
  g_assert_cmpstr (gloss_document_get_name (gloss_import_result_get_document (r)), ==, "a-letter");
  r = result_for (importer, "report.pdf");
  g_assert_cmpint (gloss_import_result_get_status (r), ==, GLOSS_IMPORT_IMPORTED);
  r = result_for (importer, "b-html.pdf");
  g_assert_cmpint (gloss_import_result_get_status (r), ==, GLOSS_IMPORT_REFUSED);
  g_assert_true (g_error_matches (gloss_import_result_get_error (r), GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED));
  r = result_for (importer, "c-empty.txt");
  g_assert_true (g_error_matches (gloss_import_result_get_error (r), GLOSS_ERROR, GLOSS_ERROR_EMPTY));
  r = result_for (importer, "locked.pdf");
  g_assert_true (g_error_matches (gloss_import_result_get_error (r), GLOSS_ERROR, GLOSS_ERROR_ENCRYPTED));
  r = result_for (importer, "not-there.txt");
  g_assert_true (g_error_matches (gloss_import_result_get_error (r), GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND));

  documents = gloss_project_list_documents (project, NULL);
  g_assert_cmpuint (documents->len, ==, 2);

  /* Again, with the password: the locked one imports, the others are
   * duplicates naming the document already there. */
  {
    g_autoptr(GlossImporter) again = gloss_importer_new (project);
    Run run2 = { 0, };

    gloss_importer_add_file (again, folder, "letmein");
    run_importer (again, &run2);
    r = result_for (again, "locked.pdf");
    g_assert_cmpint (gloss_import_result_get_status (r), ==, GLOSS_IMPORT_IMPORTED);
    r = result_for (again, "a-letter.txt");
    g_assert_cmpint (gloss_import_result_get_status (r), ==, GLOSS_IMPORT_DUPLICATE);
    g_assert_cmpstr (gloss_document_get_name (gloss_import_result_get_document (r)), ==, "a-letter");
    g_assert_true (g_error_matches (gloss_import_result_get_error (r), GLOSS_ERROR, GLOSS_ERROR_DUPLICATE));
  }

  g_clear_pointer (&documents, g_ptr_array_unref);
  documents = gloss_project_list_documents (project, NULL);
  g_assert_cmpuint (documents->len, ==, 3);
}

static void
test_importer_cancel (void)
{
  g_autoptr(GlossProject) project = new_project ("cancel.gloss");
  g_autoptr(GlossImporter) importer = gloss_importer_new (project);
  g_autofree char *dir = g_build_filename (tmpdir, "many", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) documents = NULL;
  guint i, imported = 0, cancelled = 0;
  Run run = { 0, };

  g_mkdir_with_parents (dir, 0700);
  for (i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%02u.txt", i);
      g_autofree char *body = g_strdup_printf ("Report number %u.", i);

      write_file (dir, name, body, -1);
    }

  run.cancel_after = 3;
  gloss_importer_add_file (importer, folder, NULL);
  run_importer (importer, &run);

  g_assert_cmpuint (gloss_importer_get_n_results (importer), ==, 30);
  for (i = 0; i < 30; i++)
    {
      GlossImportStatus status = gloss_import_result_get_status (gloss_importer_get_result (importer, i));

      if (status == GLOSS_IMPORT_IMPORTED)
        imported++;
      else if (status == GLOSS_IMPORT_CANCELLED)
        cancelled++;
    }
  g_assert_cmpuint (imported, >=, 3);
  g_assert_cmpuint (cancelled, >, 0);
  g_assert_cmpuint (imported + cancelled, ==, 30);

  /* What was imported is there, and only that. */
  documents = gloss_project_list_documents (project, NULL);
  g_assert_cmpuint (documents->len, ==, imported);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_importer_sync (void)
{
  g_autoptr(GlossProject) project = new_project ("sync.gloss");
  g_autoptr(GlossImporter) importer = gloss_importer_new (project);
  g_autofree char *dir = make_batch_folder ("sync");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  guint files_done = 0;

  /* The signals have all been emitted when the blocking run returns. */
  g_signal_connect_swapped (importer, "file-done", G_CALLBACK (count_signal), &files_done);
  gloss_importer_add_file (importer, folder, NULL);
  g_assert_true (gloss_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_importer_get_n_results (importer), ==, 5);
  g_assert_cmpuint (files_done, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = gloss_test_make_tmpdir ();

  g_test_add_func ("/importer/batch", test_importer_batch);
  g_test_add_func ("/importer/cancel", test_importer_cancel);
  g_test_add_func ("/importer/sync", test_importer_sync);

  status = g_test_run ();
  gloss_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return status;
}
