/* test-cli.c: the real gloss-cli, run as a subprocess
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-Test"

#include <locale.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <poppler.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

typedef struct
{
  char *dir;
  char *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = gloss_test_make_tmpdir ();
  fixture->project = g_build_filename (fixture->dir, "study.gloss", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->project);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static char *
make_pdf (Fixture            *fixture,
          const char         *name,
          const char * const *pages)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (gloss_test_make_pdf (path, pages, &error));
  g_assert_no_error (error);

  return path;
}

/* A real PNG image, saved under a name that says PDF. */
static char *
make_png_named_pdf (Fixture    *fixture,
                    const char *name)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 16, 16);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

static void
create_project (Fixture *fixture)
{
  g_auto(GlossTestRun) run = { 0, };

  g_assert_true (gloss_test_run_cli (&run, "new", fixture->project, NULL));
  g_assert_cmpint (run.status, ==, 0);
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* Lines of output, without the final empty one. */
static GStrv
output_lines (const char *out)
{
  GStrv lines = g_strsplit (out, "\n", -1);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpstr (lines[n - 1], ==, "");   /* every line ends with \n */
  g_clear_pointer (&lines[n - 1], g_free);

  return lines;
}

/* The stdout line of `import` about the file, or NULL.  The second field
 * is the document's name (imported) or the file (refused, duplicate). */
static const char *
find_line (GStrv       lines,
           const char *status,
           const char *second_field)
{
  g_autofree char *prefix = g_strdup_printf ("%s\t%s\t", status, second_field);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return lines[i];

  return NULL;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;

  return n;
}

/* Undoes the escaping of a tab-separated field. */
static char *
tsv_unescape (const char *field)
{
  GString *out = g_string_new (NULL);

  for (const char *p = field; *p; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          switch (*p)
            {
            case 't': g_string_append_c (out, '\t'); break;
            case 'n': g_string_append_c (out, '\n'); break;
            case 'r': g_string_append_c (out, '\r'); break;
            case '\\': g_string_append_c (out, '\\'); break;
            default:
              g_string_append_c (out, '\\');
              g_string_append_c (out, *p);
            }
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------ */

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  static const char *commands[] = { "new", "import", "documents", "text" };

  {
    g_auto(GlossTestRun) run = { 0, };

    if (!gloss_test_run_cli (&run, "--help", NULL))
      return;
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Usage"));
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_assert_nonnull (strstr (run.out, commands[i]));
  }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GlossTestRun) run = { 0, };

      g_assert_true (gloss_test_run_cli (&run, commands[i], "--help", NULL));
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Usage"));
      g_assert_nonnull (strstr (run.out, commands[i]));
      g_assert_nonnull (strstr (run.out, "PROJECT"));
    }

  /* --help creates nothing. */
  g_assert_false (g_file_test (fixture->project, G_FILE_TEST_EXISTS));
}

static void
assert_usage_error (GlossTestRun *run)
{
  g_assert_cmpint (run->status, !=, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "gloss-cli: "));
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  {
    g_auto(GlossTestRun) run = { 0, };

    if (!gloss_test_run_cli (&run, NULL))
      return;
    g_assert_cmpint (run.status, !=, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "Usage"));
  }
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "frobnicate", fixture->project, NULL));
    assert_usage_error (&run);
    g_assert_nonnull (strstr (run.err, "frobnicate"));
  }
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "new", NULL));
    assert_usage_error (&run);
  }
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "new", fixture->project, "--no-such-option", NULL));
    assert_usage_error (&run);
  }
  g_assert_false (g_file_test (fixture->project, G_FILE_TEST_EXISTS));

  create_project (fixture);
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "import", fixture->project, NULL));
    assert_usage_error (&run);
  }
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "documents", NULL));
    assert_usage_error (&run);
  }
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "text", fixture->project, NULL));
    assert_usage_error (&run);
  }
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "text", fixture->project, "no such document", NULL));
    assert_usage_error (&run);
  }
}

static void
test_new (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "plain.gloss", NULL);

  {
    g_auto(GlossTestRun) run = { 0, };

    if (!gloss_test_run_cli (&run, "new", fixture->project, "--name", "Looked-after children", NULL))
      return;
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }
  g_assert_true (g_file_test (fixture->project, G_FILE_TEST_IS_REGULAR));

  project = gloss_project_open (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_project_get_name (project), ==, "Looked-after children");
  g_clear_object (&project);

  /* An existing path is refused and left alone. */
  before = file_bytes (fixture->project);
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "new", fixture->project, "--name", "Other", NULL));
    g_assert_cmpint (run.status, !=, 0);
    g_assert_true (g_str_has_prefix (run.err, "gloss-cli: "));
    g_assert_nonnull (strstr (run.err, fixture->project));
  }
  after = file_bytes (fixture->project);
  g_assert_true (g_bytes_equal (before, after));

  project = gloss_project_open (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_project_get_name (project), ==, "Looked-after children");
  g_clear_object (&project);

  /* Without --name. */
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "new", other, NULL));
    g_assert_cmpint (run.status, ==, 0);
  }
  project = gloss_project_open (other, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gloss_project_get_name (project));
}

static void
test_import_batch (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *pages[] = {
    "Inspection of children's social care services. Leaders know their services well.",
    "Second page: the quality of practice is consistently good.",
    NULL,
  };
  g_autofree char *good = make_pdf (fixture, "good report.pdf", pages);
  g_autofree char *text = write_file (fixture, "letter.txt",
                                      "Caf\xe9 na\xefve \x93quoted\x94\r\nline two\r\n", -1);
  g_autofree char *empty = write_file (fixture, "empty.txt", "", 0);
  g_autofree char *png = make_png_named_pdf (fixture, "picture.pdf");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.pdf", NULL);
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  g_auto(GlossTestRun) run = { 0, };
  const char *refused_files[3];
  const char *line;

  if (gloss_test_cli_path () == NULL)
    return;
  create_project (fixture);
  refused_files[0] = empty;
  refused_files[1] = png;
  refused_files[2] = missing;

  g_assert_true (gloss_test_run_cli (&run, "import", fixture->project, empty, good, png, missing, text, NULL));
  g_test_message ("stdout:\n%sstderr:\n%s", run.out, run.err);

  /* Some files were refused. */
  g_assert_cmpint (run.status, !=, 0);

  /* One line per file on stdout. */
  lines = output_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);

  line = find_line (lines, "imported", "good report");
  g_assert_nonnull (line);
  fields = g_strsplit (line, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  g_assert_true (g_uuid_string_is_valid (fields[2]));
  g_assert_nonnull (find_line (lines, "imported", "letter"));

  /* A message on stderr for each file refused, naming it. */
  for (guint i = 0; i < G_N_ELEMENTS (refused_files); i++)
    {
      const char *refused = refused_files[i];
      g_autofree char *prefix = g_strdup_printf ("gloss-cli: %s: ", refused);

      if (strstr (run.err, prefix) == NULL)
        g_test_fail_printf ("no message on stderr for %s", refused);
      g_assert_null (find_line (lines, "imported", refused));
    }
  g_assert_cmpuint (count_lines (run.err), ==, 3);
  g_assert_nonnull (strstr (run.err, "empty"));
  g_assert_nonnull (strstr (run.err, "PNG"));

  /* The good files were imported all the same. */
  project = gloss_project_open (fixture->project, &error);
  g_assert_no_error (error);
  documents = gloss_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
}

static void
test_import_encrypted (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *encrypted = g_build_filename (fixture->dir, "protected.pdf", NULL);
  g_autoptr(GError) error = NULL;

  if (gloss_test_cli_path () == NULL)
    return;

  g_assert_true (gloss_test_make_encrypted_pdf (encrypted, "s3cret", "Confidential findings", &error));
  g_assert_no_error (error);
  create_project (fixture);

  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "import", fixture->project, encrypted, NULL));
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, encrypted));
    g_assert_nonnull (strstr (run.err, "password"));
  }
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "import", fixture->project, encrypted, "--password", "wrong", NULL));
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, encrypted));
  }
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "import", fixture->project, "--password", "s3cret", encrypted, NULL));
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "imported\tprotected\t"));
  }
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "text", fixture->project, "protected", NULL));
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Confidential findings"));
  }
}

static void
test_import_duplicate (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *pages[] = { "A focused visit to the front door.", NULL };
  g_autofree char *first = make_pdf (fixture, "visit.pdf", pages);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy of visit.pdf", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  if (gloss_test_cli_path () == NULL)
    return;

  bytes = file_bytes (first);
  g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  create_project (fixture);

  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "import", fixture->project, first, NULL));
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(GlossTestRun) run = { 0, };
    g_auto(GStrv) lines = NULL;
    g_autofree char *expected = g_strdup_printf ("duplicate\t%s\tvisit\n", copy);

    g_assert_true (gloss_test_run_cli (&run, "import", fixture->project, copy, NULL));
    g_test_message ("duplicate: status %d, stdout %s, stderr %s", run.status, run.out, run.err);
    lines = output_lines (run.out);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    g_assert_cmpstr (run.out, ==, expected);
    /* Reported on stderr too, naming the document already there. */
    g_assert_nonnull (strstr (run.err, copy));
    g_assert_nonnull (strstr (run.err, "visit"));
  }

  project = gloss_project_open (fixture->project, &error);
  g_assert_no_error (error);
  documents = gloss_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
}

static void
test_documents_and_text (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *pages[] = {
    "Page one of the report on early help.",
    "Page two on management oversight.",
    "Page three on child sexual exploitation.",
    NULL,
  };
  g_autofree char *pdf = make_pdf (fixture, "report.pdf", pages);
  g_autofree char *text = write_file (fixture, "letter.txt",
                                      "Caf\xe9 na\xefve \x93quoted\x94\r\nline two\rline three\r\n", -1);
  g_autoptr(GHashTable) guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = NULL;
  guint rows = 0;

  if (gloss_test_cli_path () == NULL)
    return;
  create_project (fixture);

  {
    g_auto(GlossTestRun) run = { 0, };
    g_auto(GStrv) import_lines = NULL;

    g_assert_true (gloss_test_run_cli (&run, "import", fixture->project, pdf, text, NULL));
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    import_lines = output_lines (run.out);
    for (guint i = 0; import_lines[i] != NULL; i++)
      {
        g_auto(GStrv) fields = g_strsplit (import_lines[i], "\t", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 3);
        g_assert_cmpstr (fields[0], ==, "imported");
        g_hash_table_insert (guids, g_strdup (fields[1]), g_strdup (fields[2]));
      }
    g_assert_cmpuint (g_hash_table_size (guids), ==, 2);
  }

  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "documents", fixture->project, NULL));
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    lines = output_lines (run.out);
  }

  g_assert_cmpstr (lines[0], ==, "guid\tname\tkind\tpages\tchars\tsha256");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sha256 = NULL;
      const char *source;

      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      g_assert_cmpstr (g_hash_table_lookup (guids, fields[1]), ==, fields[0]);
      rows++;

      if (g_str_equal (fields[1], "report"))
        {
          g_auto(GlossTestRun) run = { 0, };
          g_auto(GlossTestRun) by_guid = { 0, };
          g_auto(GStrv) page_texts = NULL;

          source = pdf;
          g_assert_cmpstr (fields[2], ==, "pdf");
          g_assert_cmpstr (fields[3], ==, "3");

          /* By name: the pages, separated by form feeds. */
          g_assert_true (gloss_test_run_cli (&run, "text", fixture->project, "report", NULL));
          g_assert_cmpint (run.status, ==, 0);
          page_texts = g_strsplit (run.out, "\f", -1);
          g_assert_cmpuint (g_strv_length (page_texts), ==, 3);
          g_assert_nonnull (strstr (page_texts[0], "early help"));
          g_assert_nonnull (strstr (page_texts[1], "management oversight"));
          g_assert_nonnull (strstr (page_texts[2], "child sexual exploitation"));
          g_assert_cmpint (g_utf8_strlen (run.out, -1), ==, g_ascii_strtoll (fields[4], NULL, 10));

          /* By GUID: the same. */
          g_assert_true (gloss_test_run_cli (&by_guid, "text", fixture->project, fields[0], NULL));
          g_assert_cmpint (by_guid.status, ==, 0);
          g_assert_cmpstr (by_guid.out, ==, run.out);
        }
      else
        {
          g_auto(GlossTestRun) run = { 0, };

          source = text;
          g_assert_cmpstr (fields[1], ==, "letter");
          g_assert_cmpstr (fields[2], ==, "text");

          /* Windows-1252, line ends made LF. */
          g_assert_true (gloss_test_run_cli (&run, "text", fixture->project, "letter", NULL));
          g_assert_cmpint (run.status, ==, 0);
          g_assert_cmpstr (run.out, ==, "Café naïve “quoted”\nline two\nline three\n");
          g_assert_cmpint (g_utf8_strlen (run.out, -1), ==, g_ascii_strtoll (fields[4], NULL, 10));
        }

      bytes = file_bytes (source);
      sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                            g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes));
      g_assert_cmpstr (fields[5], ==, sha256);
    }
  g_assert_cmpuint (rows, ==, 2);
}

static void
test_tsv_escaping (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *awkward_name = "tab\there back\\slash\nnew line";
  g_autofree char *file_name = g_strconcat (awkward_name, ".txt", NULL);
  g_autofree char *path = write_file (fixture, file_name, "Some notes.\n", -1);
  g_autofree char *escaped = NULL;
  g_autofree char *guid = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;

  if (gloss_test_cli_path () == NULL)
    return;
  create_project (fixture);

  escaped = g_strdup ("tab\\there back\\\\slash\\nnew line");

  {
    g_auto(GlossTestRun) run = { 0, };
    g_auto(GStrv) fields = NULL;

    g_assert_true (gloss_test_run_cli (&run, "import", fixture->project, path, NULL));
    g_assert_cmpint (run.status, ==, 0);
    lines = output_lines (run.out);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    fields = g_strsplit (lines[0], "\t", -1);
    g_assert_cmpuint (g_strv_length (fields), ==, 3);
    g_assert_cmpstr (fields[0], ==, "imported");
    g_assert_cmpstr (fields[1], ==, escaped);
    guid = g_strdup (fields[2]);
    g_clear_pointer (&lines, g_strfreev);
  }

  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "documents", fixture->project, NULL));
    g_assert_cmpint (run.status, ==, 0);
    lines = output_lines (run.out);
  }
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autofree char *name = NULL;

      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      g_assert_cmpstr (fields[0], ==, guid);
      g_assert_cmpstr (fields[1], ==, escaped);
      name = tsv_unescape (fields[1]);
      g_assert_cmpstr (name, ==, awkward_name);
      found = TRUE;
    }
  g_assert_true (found);

  /* The name, unescaped, finds the document. */
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "text", fixture->project, awkward_name, NULL));
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "Some notes.\n");
  }
}

static void
test_not_a_project (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *pages[] = { "A report.", NULL };
  g_autofree char *notes = write_file (fixture, "notes.gloss",
                                       "These are my notes, not a project.\n", -1);
  g_autofree char *pdf = make_pdf (fixture, "report.pdf", pages);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.gloss", NULL);
  g_autoptr(GBytes) notes_before = file_bytes (notes);
  g_autoptr(GBytes) pdf_before = file_bytes (pdf);
  const char *targets[] = { notes, pdf };

  if (gloss_test_cli_path () == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GBytes) after = NULL;

      {
        g_auto(GlossTestRun) run = { 0, };

        g_assert_true (gloss_test_run_cli (&run, "documents", targets[i], NULL));
        g_assert_cmpint (run.status, !=, 0);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_true (g_str_has_prefix (run.err, "gloss-cli: "));
        g_assert_nonnull (strstr (run.err, targets[i]));
        g_test_message ("documents %s: %s", targets[i], run.err);
      }
      {
        g_auto(GlossTestRun) run = { 0, };

        g_assert_true (gloss_test_run_cli (&run, "import", targets[i], pdf, NULL));
        g_assert_cmpint (run.status, !=, 0);
        g_assert_nonnull (strstr (run.err, targets[i]));
      }
      {
        g_auto(GlossTestRun) run = { 0, };

        g_assert_true (gloss_test_run_cli (&run, "text", targets[i], "report", NULL));
        g_assert_cmpint (run.status, !=, 0);
        g_assert_nonnull (strstr (run.err, targets[i]));
      }
    }

  /* Untouched, and no journal left beside them. */
  {
    g_autoptr(GBytes) notes_after = file_bytes (notes);
    g_autoptr(GBytes) pdf_after = file_bytes (pdf);
    g_autofree char *wal = g_strconcat (notes, "-wal", NULL);
    g_autofree char *shm = g_strconcat (notes, "-shm", NULL);
    g_autofree char *journal = g_strconcat (notes, "-journal", NULL);

    g_assert_true (g_bytes_equal (notes_before, notes_after));
    g_assert_true (g_bytes_equal (pdf_before, pdf_after));
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }

  /* A project that does not exist is not created by opening it. */
  {
    g_auto(GlossTestRun) run = { 0, };

    g_assert_true (gloss_test_run_cli (&run, "documents", missing, NULL));
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, missing));
  }
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* The fixtures themselves, checked with poppler: the CLI tests rely on
 * them. */
static void
test_fixtures (Fixture       *fixture,
               gconstpointer  data)
{
  const char *pages[] = { "First page of the fixture.", "Second page.", NULL };
  g_autofree char *pdf = make_pdf (fixture, "fixture.pdf", pages);
  g_autofree char *encrypted = g_build_filename (fixture->dir, "encrypted.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  char *text;
  double width, height;

  uri = g_filename_to_uri (pdf, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  page = poppler_document_get_page (document, 1);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  text = poppler_page_get_text (page);
  g_assert_cmpstr (text, ==, "Second page.");
  g_free (text);
  g_object_unref (page);
  g_object_unref (document);

  g_assert_true (gloss_test_make_encrypted_pdf (encrypted, "pa(ss)", "Caf\xc3\xa9 (12) \\ end", &error));
  g_assert_no_error (error);
  g_free (uri);
  uri = g_filename_to_uri (encrypted, NULL, NULL);

  /* Refused without the password, or with a wrong one. */
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_error (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);
  g_assert_null (document);
  g_clear_error (&error);
  document = poppler_document_new_from_file (uri, "pass", &error);
  g_assert_error (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);
  g_assert_null (document);
  g_clear_error (&error);

  /* Opens with the user password (and the owner's), showing the text. */
  document = poppler_document_new_from_file (uri, "pa(ss)", &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_cmpstr (text, ==, "Caf\xc3\xa9 (12) \\ end");
  g_free (text);
  g_object_unref (page);
  g_object_unref (document);

  document = poppler_document_new_from_file (uri, "owner", &error);
  g_assert_no_error (error);
  g_object_unref (document);

  /* pdftotext agrees. */
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-q", "-upw", "pa(ss)", encrypted, "-", NULL };
      g_autofree char *out = NULL;
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &out, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (out, "(12) \\ end"));

      argv[3] = "wrong";
      g_clear_pointer (&out, g_free);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &out, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/fixtures", test_fixtures);
  ADD ("/cli/help", test_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/new", test_new);
  ADD ("/cli/import/batch", test_import_batch);
  ADD ("/cli/import/encrypted", test_import_encrypted);
  ADD ("/cli/import/duplicate", test_import_duplicate);
  ADD ("/cli/documents-and-text", test_documents_and_text);
  ADD ("/cli/tsv-escaping", test_tsv_escaping);
  ADD ("/cli/not-a-project", test_not_a_project);

#undef ADD

  return g_test_run ();
}
