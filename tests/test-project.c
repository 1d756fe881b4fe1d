/* test-project.c: the project store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gloss.h"
#include "gloss-project-private.h"
#include "gloss-test-fixtures.h"

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static char *
write_file (const char *name,
            const char *data,
            gssize      length)
{
  char *path = tmp_path (name);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

static GlossProject *
new_project (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  GlossProject *project;

  g_unlink (path);
  project = gloss_project_create (path, "Test", &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static GlossDocument *
import_path (GlossProject  *project,
             const char    *path,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gloss_project_import_file (project, file, NULL, NULL, error);
}

static gint64
sql_int (const char *path,
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

static void
test_create_and_reopen (void)
{
  g_autofree char *path = tmp_path ("create.gloss");
  g_autofree char *text_path = write_file ("letter.txt", "Dear Director,\r\nThank you.\r\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *guid = NULL;
  g_autofree char *text = NULL;

  project = new_project ("create.gloss");
  g_assert_cmpstr (gloss_project_get_name (project), ==, "Test");
  g_assert_true (g_uuid_string_is_valid (gloss_project_get_guid (project)));
  guid = g_strdup (gloss_project_get_guid (project));

  document = import_path (project, text_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_name (document), ==, "letter");
  g_assert_cmpint (gloss_document_get_kind (document), ==, GLOSS_DOCUMENT_KIND_TEXT);
  g_assert_true (g_uuid_string_is_valid (gloss_document_get_guid (document)));
  g_clear_object (&project);

  /* A second creation at the same path is refused. */
  g_assert_null (gloss_project_create (path, "Again", &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS);
  g_clear_error (&error);

  project = gloss_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_project_get_guid (project), ==, guid);
  documents = gloss_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  text = gloss_project_load_document_text (project,
                                           gloss_document_get_id (g_ptr_array_index (documents, 0)),
                                           &error);
  g_assert_cmpstr (text, ==, "Dear Director,\nThank you.\n");

  /* On disk: WAL, foreign keys declared, our schema version and id. */
  g_clear_object (&project);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, GLOSS_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, 0x474C5353);
}

static void
test_migrate (void)
{
  g_autofree char *path = tmp_path ("old.gloss");
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GArray) hits = NULL;
  sqlite3 *db = NULL;

  g_unlink (path);
  g_assert_true (gloss_project_create_at_version (path, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 1);

  /* A document as Gloss at schema 1 stored it. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO document (id, guid, name, kind, sha256, size, pages,"
                                 " chars, text, imported_at) VALUES (7, "
                                 "'0e4c7c4e-0000-4000-8000-000000000001', 'Eastmere', 'text', 'ab',"
                                 " 30, 1, 30, 'Child sexual exploitation team', "
                                 "'2026-01-01T00:00:00Z');"
                                 "INSERT INTO page VALUES (7, 0, 0, 30, 0, 0, NULL);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  project = gloss_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, GLOSS_PROJECT_SCHEMA_VERSION);

  /* Migration 2 built the full-text index over what was there. */
  hits = gloss_project_search (project, "exploitation", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, gint64, 0), ==, 7);
  g_assert_null (gloss_project_dup_document_password (project, 7));
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) project = NULL;
  gsize before_len = 0, after_len = 0;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  project = gloss_project_open (path, &error);
  g_assert_null (project);
  g_assert_error (error, GLOSS_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("Refused: %s", error->message);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = tmp_path ("newer.gloss");
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&(GlossProject *){ new_project ("newer.gloss") });

  /* As a later Gloss would leave it: a higher schema, back in rollback
   * journal mode so that the whole state is in the main file. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                         GLOSS_PROJECT_SCHEMA_VERSION + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (path, GLOSS_ERROR_NEWER_VERSION);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *text = write_file ("notes.gloss", "just some notes\n", -1);
  g_autofree char *empty = write_file ("empty.gloss", "", 0);
  g_autofree char *other = tmp_path ("other.sqlite");
  g_autofree char *missing = tmp_path ("missing.gloss");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  assert_refused_untouched (text, GLOSS_ERROR_NOT_A_PROJECT);
  assert_refused_untouched (empty, GLOSS_ERROR_NOT_A_PROJECT);

  /* Another program's SQLite database. */
  g_unlink (other);
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (other, GLOSS_ERROR_NOT_A_PROJECT);

  g_assert_null (gloss_project_open (missing, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
}

static void
test_refuse_damaged (void)
{
  g_autofree char *path = tmp_path ("damaged.gloss");
  g_autofree char *text_path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  gsize length = 0;
  guint i;

  {
    g_autoptr(GlossProject) project = new_project ("damaged.gloss");
    g_autoptr(GlossDocument) document = NULL;

    for (i = 0; i < 4000; i++)
      g_string_append_printf (big, "Line %u of a long report on early help.\n", i);
    text_path = write_file ("long.txt", big->str, big->len);
    document = import_path (project, text_path, &error);
    g_assert_no_error (error);
  }

  /* Checkpointed and closed: everything is in the main file.  Overwrite
   * the b-tree pages after the first with garbage, keeping the header. */
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  for (i = 4096; i < length; i++)
    data[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (path, data, length, NULL));

  assert_refused_untouched (path, GLOSS_ERROR_DAMAGED);
}

/* Opening for reading: reads what is there, writes nothing (the file's
 * bytes stay the same), refuses writes, and still refuses what is not a
 * current Gloss project; an older one is brought up to date. */
static void
test_open_read_only (void)
{
  g_autofree char *path = tmp_path ("reading.gloss");
  g_autofree char *old_path = tmp_path ("old-reading.gloss");
  g_autofree char *text_path = write_file ("Reading.txt", "Management oversight is weak.", -1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0, after_length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossProject) reader = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GlossCode) code = NULL;

  {
    g_autoptr(GlossProject) project = new_project ("reading.gloss");
    g_autoptr(GlossDocument) document = import_path (project, text_path, &error);

    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  reader = gloss_project_open_read_only (path, &error);
  g_assert_no_error (error);
  documents = gloss_project_list_documents (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpstr (gloss_document_get_name (g_ptr_array_index (documents, 0)), ==, "Reading");

  code = gloss_project_add_code (reader, 0, "Oversight", NULL, NULL, &error);
  g_assert_null (code);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&reader);

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);

  /* Not a project: refused as by gloss_project_open(). */
  {
    g_autofree char *not_path = write_file ("not-a-project.gloss", "plain text", -1);
    g_autoptr(GlossProject) none = gloss_project_open_read_only (not_path, &error);

    g_assert_null (none);
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_A_PROJECT);
    g_clear_error (&error);
  }

  /* An older project is migrated on the way. */
  g_unlink (old_path);
  g_assert_true (gloss_project_create_at_version (old_path, 1, &error));
  g_assert_no_error (error);
  reader = gloss_project_open_read_only (old_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (old_path, "PRAGMA user_version"), ==, GLOSS_PROJECT_SCHEMA_VERSION);
}

static void
test_documents (void)
{
  g_autoptr(GlossProject) project = new_project ("documents.gloss");
  g_autofree char *a_path = write_file ("Eastmere.txt", "Early help in Eastmere is strong.", -1);
  g_autofree char *b_path = write_file ("Thornbury.txt", "Management oversight is weak.", -1);
  g_autofree char *c_dir = tmp_path ("copy");
  g_autofree char *c_path = NULL;
  g_autoptr(GlossDocument) a = NULL;
  g_autoptr(GlossDocument) b = NULL;
  g_autoptr(GlossDocument) c = NULL;
  g_autoptr(GlossDocument) found = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  a = import_path (project, a_path, &error);
  g_assert_no_error (error);
  b = import_path (project, b_path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                          "Early help in Eastmere is strong.", -1);

    g_assert_cmpstr (gloss_document_get_sha256 (a), ==, sum);
  }

  /* Lookup by name and by GUID (any case). */
  found = gloss_project_lookup_document (project, "Thornbury", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_document_get_id (found), ==, gloss_document_get_id (b));
  g_clear_object (&found);
  {
    g_autofree char *upper = g_ascii_strup (gloss_document_get_guid (a), -1);

    found = gloss_project_lookup_document (project, upper, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gloss_document_get_id (found), ==, gloss_document_get_id (a));
    g_clear_object (&found);
  }
  g_assert_null (gloss_project_lookup_document (project, "Nowhere", &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The same bytes under another name: a duplicate, no new document. */
  g_mkdir (c_dir, 0700);
  c_path = g_build_filename (c_dir, "Eastmere copy.txt", NULL);
  g_assert_true (g_file_set_contents (c_path, "Early help in Eastmere is strong.", -1, NULL));
  c = import_path (project, c_path, &error);
  g_assert_null (c);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Eastmere"));
  g_clear_error (&error);

  /* A file of the same name but other content gets a distinct name. */
  g_assert_true (g_file_set_contents (c_path, "Other text.", -1, NULL));
  {
    g_autofree char *same_name = g_build_filename (c_dir, "Eastmere.txt", NULL);

    g_assert_true (g_file_set_contents (same_name, "Other text.", -1, NULL));
    c = import_path (project, same_name, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (gloss_document_get_name (c), ==, "Eastmere (2)");
  }

  /* Full-text search follows imports, renames and deletions. */
  hits = gloss_project_search (project, "\"early help\"", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_array_unref);

  g_assert_true (gloss_project_rename_document (project, gloss_document_get_id (b),
                                                "Thornbury Vale 2026", &error));
  g_assert_no_error (error);
  hits = gloss_project_search (project, "vale", &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_array_unref);

  /* Names stay unique and non-empty. */
  g_assert_false (gloss_project_rename_document (project, gloss_document_get_id (b),
                                                 "Eastmere", &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (gloss_project_rename_document (project, gloss_document_get_id (b), "  ", &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gloss_project_delete_document (project, gloss_document_get_id (a), &error));
  g_assert_no_error (error);
  hits = gloss_project_search (project, "early", &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_array_unref);
  g_assert_false (gloss_project_delete_document (project, gloss_document_get_id (a), &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (gloss_project_load_document_bytes (project, gloss_document_get_id (a), &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Once deleted, the same bytes import again. */
  g_clear_object (&a);
  a = import_path (project, a_path, &error);
  g_assert_no_error (error);

  documents = gloss_project_list_documents (project, &error);
  g_assert_cmpuint (documents->len, ==, 3);

  /* A malformed search is an error, not a crash. */
  hits = gloss_project_search (project, "\"unbalanced", &error);
  g_assert_null (hits);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gloss_project_check_integrity (project, &error));
}

static void
test_pdf_stored (void)
{
  g_autoptr(GlossProject) project = new_project ("pdf.gloss");
  g_autofree char *pdf = tmp_path ("report.pdf");
  g_autofree char *locked = tmp_path ("locked.pdf");
  const char *pages[] = { "First page of the report.", "Second page, on care leavers.", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossDocument) secret = NULL;
  g_autoptr(GlossLayout) layout = NULL;
  g_autoptr(GlossExtraction) fresh = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *password = NULL;
  guint p;

  g_assert_true (gloss_test_make_pdf (pdf, pages, &error));
  document = import_path (project, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_document_get_kind (document), ==, GLOSS_DOCUMENT_KIND_PDF);
  g_assert_cmpuint (gloss_document_get_n_pages (document), ==, 2);

  /* The original bytes, and their SHA-256. */
  file = g_file_new_for_path (pdf);
  original = g_file_load_bytes (file, NULL, NULL, NULL);
  stored = gloss_project_load_document_bytes (project, gloss_document_get_id (document), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (original, stored));
  sha = gloss_sha256_bytes (original);
  g_assert_cmpstr (gloss_document_get_sha256 (document), ==, sha);

  /* The stored layout is the one extraction gives, box for box. */
  layout = gloss_project_load_layout (project, gloss_document_get_id (document), &error);
  g_assert_no_error (error);
  fresh = gloss_extract (original, "report.pdf", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_layout_get_text (layout), ==, gloss_layout_get_text (fresh->layout));
  g_assert_cmpuint (gloss_layout_get_n_chars (layout), ==, gloss_document_get_n_chars (document));
  for (p = 0; p < 2; p++)
    {
      const GlossPage *a = gloss_layout_get_page (layout, p);
      const GlossPage *b = gloss_layout_get_page (fresh->layout, p);

      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
      g_assert_cmpfloat (a->width, ==, b->width);
      g_assert_cmpmem (a->rects, (a->end - a->start) * sizeof (GlossRect),
                       b->rects, (b->end - b->start) * sizeof (GlossRect));
    }

  /* An encrypted PDF keeps its password, for the viewer. */
  g_assert_true (gloss_test_make_encrypted_pdf (locked, "pw", "Sealed", &error));
  {
    g_autoptr(GFile) locked_file = g_file_new_for_path (locked);

    secret = gloss_project_import_file (project, locked_file, NULL, NULL, &error);
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCRYPTED);
    g_clear_error (&error);
    secret = gloss_project_import_file (project, locked_file, "pw", NULL, &error);
    g_assert_no_error (error);
  }
  password = gloss_project_dup_document_password (project, gloss_document_get_id (secret));
  g_assert_cmpstr (password, ==, "pw");
  g_assert_null (gloss_project_dup_document_password (project, gloss_document_get_id (document)));
}

static void
test_bad_input_leaves_project (void)
{
  g_autoptr(GlossProject) project = new_project ("bad.gloss");
  g_autofree char *path = tmp_path ("bad.gloss");
  g_autofree char *html = write_file ("report.pdf", "<!DOCTYPE html><html>Error 404</html>", -1);
  g_autofree char *empty = write_file ("empty.txt", "", 0);
  g_autofree char *missing = tmp_path ("nowhere.pdf");
  const char *bad[] = { html, empty, missing, tmpdir };
  const int codes[] = { GLOSS_ERROR_UNSUPPORTED, GLOSS_ERROR_EMPTY, GLOSS_ERROR_NOT_FOUND,
                        GLOSS_ERROR_UNSUPPORTED };
  gint64 changes_before;
  guint i;

  changes_before = sql_int (path, "SELECT count(*) FROM document");
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossDocument) document = import_path (project, bad[i], &error);

      g_assert_null (document);
      g_assert_error (error, GLOSS_ERROR, codes[i]);
    }
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM document"), ==, changes_before);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM document_bytes"), ==, 0);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM page"), ==, 0);
}

/* A read cancelled by the caller is reported as cancelled, not as a file
 * that cannot be read. */
static void
test_import_cancelled (void)
{
  g_autoptr(GlossProject) project = new_project ("cancelled.gloss");
  g_autofree char *path = write_file ("cancelled.txt", "Never stored.", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  document = gloss_project_import_file (project, file, NULL, cancellable, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  documents = gloss_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 0);
}

static void
on_changed (GlossProject *project,
            guint        *count)
{
  (*count)++;
}

static void
test_documents_changed_signal (void)
{
  g_autoptr(GlossProject) project = new_project ("signal.gloss");
  g_autofree char *a_path = write_file ("signal.txt", "Signal", -1);
  g_autoptr(GlossDocument) a = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_signal_connect (project, "documents-changed", G_CALLBACK (on_changed), &count);
  a = import_path (project, a_path, &error);
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (gloss_project_rename_document (project, gloss_document_get_id (a), "S", &error));
  g_assert_true (gloss_project_delete_document (project, gloss_document_get_id (a), &error));
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (count, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = gloss_test_make_tmpdir ();

  g_test_add_func ("/project/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/project/migrate", test_migrate);
  g_test_add_func ("/project/refuse/newer", test_refuse_newer);
  g_test_add_func ("/project/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/project/refuse/damaged", test_refuse_damaged);
  g_test_add_func ("/project/open-read-only", test_open_read_only);
  g_test_add_func ("/project/documents", test_documents);
  g_test_add_func ("/project/pdf-stored", test_pdf_stored);
  g_test_add_func ("/project/bad-input", test_bad_input_leaves_project);
  g_test_add_func ("/project/import-cancelled", test_import_cancelled);
  g_test_add_func ("/project/documents-changed", test_documents_changed_signal);

  status = g_test_run ();
  gloss_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return status;
}
