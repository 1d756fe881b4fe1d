/* test-cli-codebook.c: gloss-cli's codebook and coding commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

typedef struct
{
  char *dir;
  char *project;
  char *document;   /* the text document's name */
} Fixture;

/* "Café" has a two-byte é: offsets are code points, not bytes. */
static const char report[] =
  "Café owners said early help was slow.\n"
  "Management oversight\tof casework was weak.\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_auto(GlossTestRun) run = { 0, };

  fixture->dir = gloss_test_make_tmpdir ();
  fixture->project = g_build_filename (fixture->dir, "codes.gloss", NULL);
  path = g_build_filename (fixture->dir, "Report one.txt", NULL);
  g_assert_true (g_file_set_contents (path, report, -1, NULL));
  fixture->document = g_strdup ("Report one");

  if (!gloss_test_run_cli (&run, "new", fixture->project, NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "import", fixture->project, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->project);
  g_free (fixture->document);
}

/* The data lines of a tab-separated output, after checking its header. */
static GStrv
rows (const char *out,
      const char *header)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = g_strv_length (lines);
  GStrv result;
  guint i;

  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (lines[0], ==, header);
  g_assert_cmpstr (lines[n - 1], ==, "");

  result = g_new0 (char *, n - 1);
  for (i = 1; i < n - 1; i++)
    result[i - 1] = g_strdup (lines[i]);

  return result;
}

static void
test_codes (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  if (!gloss_test_run_cli (&run, "code-add", fixture->project, "Practice/Early help",
                           "--colour", "#FF8800", "--description", "Help, before it is statutory",
                           NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_uuid_string_is_valid (g_strstrip (run.out)));
  gloss_test_run_clear (&run);

  /* Adding the same path again is not an error and changes nothing. */
  gloss_test_run_cli (&run, "code-add", fixture->project, "Practice/Early help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);

  gloss_test_run_cli (&run, "codes", fixture->project, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = rows (run.out, "guid\tpath\tcolour\tcodings\tdocuments");
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpstr (fields[1], ==, "Practice");
  g_clear_pointer (&fields, g_strfreev);
  fields = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  g_assert_cmpstr (fields[1], ==, "Practice/Early help");
  g_assert_cmpstr (fields[2], ==, "#ff8800");
  g_assert_cmpstr (fields[3], ==, "0");
  g_assert_cmpstr (fields[4], ==, "0");
  gloss_test_run_clear (&run);

  /* Bad input: a clear message and a non-zero exit. */
  gloss_test_run_cli (&run, "code-add", fixture->project, "Bad", "--colour", "orange", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "#RRGGBB"));
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "code-add", fixture->project, "a//b", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.err, !=, "");
}

static void
test_code_and_codings (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *guid = NULL;

  if (!gloss_test_run_cli (&run, "code-add", fixture->project, "Practice/Early help", NULL))
    return;
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "code-add", fixture->project, "Leadership", NULL);
  gloss_test_run_clear (&run);

  /* "Café owners" is [0, 11) in code points. */
  gloss_test_run_cli (&run, "code", fixture->project, fixture->document, "Practice/Early help",
                      "0", "11", "--coder", "Alice", "--memo", "a memo\twith a tab", NULL);
  g_assert_cmpint (run.status, ==, 0);
  guid = g_strdup (g_strstrip (run.out));
  g_assert_true (g_uuid_string_is_valid (guid));
  gloss_test_run_clear (&run);

  /* "Management oversight\tof" on line 2: starts at 38. */
  gloss_test_run_cli (&run, "code", fixture->project, fixture->document, "Leadership",
                      "38", "61", "--coder", "Bob", NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);

  gloss_test_run_cli (&run, "codings", fixture->project, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = rows (run.out, "guid\tdocument\tcode\tcoder\tstart\tend\tpage\tquote\tmemo");
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 9);
  g_assert_cmpstr (fields[0], ==, guid);
  g_assert_cmpstr (fields[1], ==, "Report one");
  g_assert_cmpstr (fields[2], ==, "Practice/Early help");
  g_assert_cmpstr (fields[3], ==, "Alice");
  g_assert_cmpstr (fields[4], ==, "0");
  g_assert_cmpstr (fields[5], ==, "11");
  g_assert_cmpstr (fields[6], ==, "1");
  g_assert_cmpstr (fields[7], ==, "Caf\xC3\xA9 owners");
  g_assert_cmpstr (fields[8], ==, "a memo\\twith a tab");
  g_clear_pointer (&fields, g_strfreev);
  /* The quote's tab and newline are escaped. */
  fields = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpstr (fields[7], ==, "Management oversight\\tof");
  g_clear_pointer (&fields, g_strfreev);
  g_clear_pointer (&lines, g_strfreev);
  gloss_test_run_clear (&run);

  /* Filters. */
  gloss_test_run_cli (&run, "codings", fixture->project, "--coder", "Bob", NULL);
  lines = rows (run.out, "guid\tdocument\tcode\tcoder\tstart\tend\tpage\tquote\tmemo");
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], "\tLeadership\t"));
  g_clear_pointer (&lines, g_strfreev);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "codings", fixture->project, "--code", "Practice", NULL);
  lines = rows (run.out, "guid\tdocument\tcode\tcoder\tstart\tend\tpage\tquote\tmemo");
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], "Practice/Early help"));
  g_clear_pointer (&lines, g_strfreev);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "codings", fixture->project, "--document", "Nowhere", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "Nowhere"));
  gloss_test_run_clear (&run);

  /* Counts in the codebook follow. */
  gloss_test_run_cli (&run, "codes", fixture->project, NULL);
  g_assert_nonnull (strstr (run.out, "\tPractice/Early help\t"));
  g_assert_nonnull (strstr (run.out, "\t1\t1\n"));
  gloss_test_run_clear (&run);

  /* Refused codings: a clear error, a non-zero exit, nothing stored. */
  {
    const char *bad[][3] = {
      { "Practice/Early help", "11", "11" },       /* START >= END */
      { "Practice/Early help", "20", "5" },
      { "Practice/Early help", "0", "100000" },     /* past the end */
      { "No such code", "0", "5" },
      { "Practice/Early help", "-1", "5" },
      { "Practice/Early help", "x", "5" },
    };
    guint i;

    for (i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        gloss_test_run_cli (&run, "code", fixture->project, fixture->document, bad[i][0],
                            bad[i][1], bad[i][2], NULL);
        g_assert_cmpint (run.status, !=, 0);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_cmpstr (run.err, !=, "");
        gloss_test_run_clear (&run);
      }
    gloss_test_run_cli (&run, "code", fixture->project, "No such report", "Leadership", "0", "5", NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "No such report"));
    gloss_test_run_clear (&run);
  }

  /* uncode */
  gloss_test_run_cli (&run, "uncode", fixture->project, guid, NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "uncode", fixture->project, guid, NULL);
  g_assert_cmpint (run.status, !=, 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "codings", fixture->project, NULL);
  lines = rows (run.out, "guid\tdocument\tcode\tcoder\tstart\tend\tpage\tquote\tmemo");
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
}

static void
test_move_merge_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0, };

  if (!gloss_test_run_cli (&run, "code-add", fixture->project, "A/B", NULL))
    return;
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "code-add", fixture->project, "C", NULL);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "code", fixture->project, fixture->document, "A/B", "0", "4", NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "code", fixture->project, fixture->document, "C", "0", "4", NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);

  /* A cycle is refused. */
  gloss_test_run_cli (&run, "code-move", fixture->project, "A", "A/B", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "below itself"));
  gloss_test_run_clear (&run);

  /* B to the root, then under C. */
  gloss_test_run_cli (&run, "code-move", fixture->project, "A/B", "", NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "code-move", fixture->project, "B", "C", NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "codes", fixture->project, NULL);
  g_assert_nonnull (strstr (run.out, "\tC/B\t"));
  gloss_test_run_clear (&run);

  /* Merge C/B into C: the same passage by the same coder collapses. */
  gloss_test_run_cli (&run, "code-merge", fixture->project, "C/B", "C", NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "codes", fixture->project, NULL);
  g_assert_null (strstr (run.out, "C/B"));
  g_assert_nonnull (strstr (run.out, "\tC\t"));
  g_assert_nonnull (strstr (run.out, "\t1\t1\n"));
  gloss_test_run_clear (&run);

  /* Delete says how many codings went. */
  gloss_test_run_cli (&run, "code-delete", fixture->project, "C", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "1 coding"));
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "codings", fixture->project, NULL);
  g_assert_cmpstr (run.out, ==, "guid\tdocument\tcode\tcoder\tstart\tend\tpage\tquote\tmemo\n");
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "code-delete", fixture->project, "C", NULL);
  g_assert_cmpint (run.status, !=, 0);
}

static void
test_help (void)
{
  const char *commands[] = { "codes", "code-add", "code", "codings", "uncode", "code-move",
                             "code-merge", "code-delete" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GlossTestRun) run = { 0, };

      if (!gloss_test_run_cli (&run, commands[i], "--help", NULL))
        return;
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, commands[i]));
      gloss_test_run_clear (&run);

      gloss_test_run_cli (&run, commands[i], NULL);
      g_assert_cmpint (run.status, !=, 0);
      g_assert_cmpstr (run.err, !=, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/codebook/codes", Fixture, NULL, fixture_set_up, test_codes, fixture_tear_down);
  g_test_add ("/cli/codebook/code-and-codings", Fixture, NULL, fixture_set_up,
              test_code_and_codings, fixture_tear_down);
  g_test_add ("/cli/codebook/move-merge-delete", Fixture, NULL, fixture_set_up,
              test_move_merge_delete, fixture_tear_down);
  g_test_add_func ("/cli/codebook/help", test_help);

  return g_test_run ();
}
