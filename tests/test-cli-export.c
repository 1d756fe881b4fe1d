/* test-cli-export.c: gloss-cli export and import-codebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

typedef struct
{
  char *dir;
  char *project;
} Fixture;

/* Report one: "Early help was slow." is code points 0–19, a line end at
 * 20, "Oversight was weak." 21–39 and a line end: 41 characters.
 * Report two: "Help came late.\n", 16 characters. */
static const char report_one[] = "Early help was slow.\nOversight was weak.\n";
static const char report_two[] = "Help came late.\n";
static const char description[] = "Help, before it is \"statutory\"";

/* gloss_test_run_cli with the arguments of a va_list (at most 14). */
static gboolean
run_va (GlossTestRun *run,
        const char   *first,
        va_list       ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;

  g_ptr_array_add (args, (char *) first);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  g_assert_cmpuint (args->len, <=, 14);
  while (args->len < 14)
    g_ptr_array_add (args, NULL);

  return gloss_test_run_cli (run, args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3],
                             args->pdata[4], args->pdata[5], args->pdata[6], args->pdata[7],
                             args->pdata[8], args->pdata[9], args->pdata[10], args->pdata[11],
                             args->pdata[12], args->pdata[13], NULL);
}

G_GNUC_NULL_TERMINATED
static void
run_ok (const char *first,
        ...)
{
  g_auto(GlossTestRun) run = { 0, };
  va_list ap;

  va_start (ap, first);
  run_va (&run, first, ap);
  va_end (ap);
  if (run.status != 0)
    g_error ("gloss-cli %s failed: %s", first, run.err);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  f->dir = gloss_test_make_tmpdir ();
  f->project = g_build_filename (f->dir, "export.gloss", NULL);
  one = g_build_filename (f->dir, "Report one.txt", NULL);
  two = g_build_filename (f->dir, "Report two.txt", NULL);
  g_assert_true (g_file_set_contents (one, report_one, -1, NULL));
  g_assert_true (g_file_set_contents (two, report_two, -1, NULL));

  if (gloss_test_cli_path () == NULL)
    return;

  run_ok ("new", f->project, NULL);
  run_ok ("import", f->project, one, two, NULL);
  /* Practice, Practice/Early help, Outcomes, in this order. */
  run_ok ("code-add", f->project, "Practice/Early help", "--colour", "#FF8800",
          "--description", description, NULL);
  run_ok ("code-add", f->project, "Outcomes", NULL);
  /* Ann: Early help on "Early help", Practice on "help was" (6–14,
   * overlapping it); Bob: Outcomes on "Oversight" with a memo, Early help
   * on "Help" in Report two. */
  run_ok ("code", f->project, "Report one", "Practice/Early help", "0", "10", "--coder", "Ann", NULL);
  run_ok ("code", f->project, "Report one", "Practice", "6", "14", "--coder", "Ann", NULL);
  run_ok ("code", f->project, "Report one", "Outcomes", "21", "30", "--coder", "Bob",
          "--memo", "weak,\nvery", NULL);
  run_ok ("code", f->project, "Report two", "Practice/Early help", "0", "4", "--coder", "Bob", NULL);
  run_ok ("set-attribute", f->project, "Report one", "Judgement", "Good", "--type", "choice", NULL);
  run_ok ("set-attribute", f->project, "Report one", "Inspected", "2015-10-26", "--type", "date", NULL);
  run_ok ("set-attribute", f->project, "Report two", "Inspected", "2016-01-05", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gloss_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->project);
}

static GPtrArray *
parse (const char *csv)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = gloss_csv_parse (csv, strlen (csv), &error);

  g_assert_no_error (error);
  return records;
}

static const char *
field (GPtrArray *records,
       guint      row,
       guint      column)
{
  const GlossCsvRecord *record;

  g_assert_cmpuint (row, <, records->len);
  record = g_ptr_array_index (records, row);
  g_assert_cmpuint (column, <, record->n_fields);

  return record->fields[column];
}

static void
test_codebook (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0, };
  g_auto(GlossTestRun) excel = { 0, };
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *output = g_build_filename (f->dir, "codebook.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "codebook.xlsx", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (!gloss_test_run_cli (&run, "export", f->project, "codebook", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "guid,path,name,parent_path,description,colour,"
                                            "codings,documents,created_by,created_at\r\n"));

  records = parse (run.out);
  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpstr (field (records, 1, 1), ==, "Practice");
  g_assert_cmpstr (field (records, 1, 6), ==, "1");
  g_assert_cmpstr (field (records, 1, 7), ==, "1");
  g_assert_cmpstr (field (records, 2, 1), ==, "Practice/Early help");
  g_assert_cmpstr (field (records, 2, 2), ==, "Early help");
  g_assert_cmpstr (field (records, 2, 3), ==, "Practice");
  g_assert_cmpstr (field (records, 2, 4), ==, description);
  g_assert_cmpstr (field (records, 2, 5), ==, "#ff8800");
  g_assert_cmpstr (field (records, 2, 6), ==, "2");
  g_assert_cmpstr (field (records, 2, 7), ==, "2");
  g_assert_cmpstr (field (records, 3, 1), ==, "Outcomes");
  g_assert_cmpstr (field (records, 3, 6), ==, "1");

  /* --output: the same bytes, nothing on standard output. */
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "export", f->project, "codebook", "--output", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (output, &contents, &length, NULL));
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "export", f->project, "codebook", NULL);
  g_assert_cmpstr (contents, ==, run.out);

  /* --excel: a byte-order mark first. */
  gloss_test_run_cli (&excel, "export", f->project, "codebook", "--excel", NULL);
  g_assert_cmpint (excel.status, ==, 0);
  g_assert_true (g_str_has_prefix (excel.out, "\xef\xbb\xbfguid,path,"));
  g_assert_cmpstr (excel.out + 3, ==, run.out);

  /* XLSX: a zip file, chosen by --format or by the .xlsx name. */
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "export", f->project, "codebook", "--format", "xlsx", "-o", xlsx, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
  g_assert_true (g_remove (xlsx) == 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "export", f->project, "codebook", "-o", xlsx, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
}

static void
test_segments (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0, };
  g_autoptr(GPtrArray) records = NULL;

  if (!gloss_test_run_cli (&run, "export", f->project, "segments", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  records = parse (run.out);

  /* Header, then by document and start; attributes last, by position. */
  g_assert_cmpuint (records->len, ==, 5);
  g_assert_cmpuint (((GlossCsvRecord *) g_ptr_array_index (records, 0))->n_fields, ==, 12);
  g_assert_cmpstr (field (records, 0, 0), ==, "document");
  g_assert_cmpstr (field (records, 0, 2), ==, "page");
  g_assert_cmpstr (field (records, 0, 10), ==, "Judgement");
  g_assert_cmpstr (field (records, 0, 11), ==, "Inspected");

  g_assert_cmpstr (field (records, 1, 0), ==, "Report one");
  g_assert_cmpstr (field (records, 1, 2), ==, "1");
  g_assert_cmpstr (field (records, 1, 3), ==, "0");
  g_assert_cmpstr (field (records, 1, 4), ==, "10");
  g_assert_cmpstr (field (records, 1, 5), ==, "Practice/Early help");
  g_assert_cmpstr (field (records, 1, 6), ==, "Ann");
  g_assert_cmpstr (field (records, 1, 7), ==, "Early help");
  g_assert_cmpstr (field (records, 1, 10), ==, "Good");
  g_assert_cmpstr (field (records, 1, 11), ==, "2015-10-26");
  g_assert_cmpstr (field (records, 2, 7), ==, "help was");
  g_assert_cmpstr (field (records, 3, 5), ==, "Outcomes");
  g_assert_cmpstr (field (records, 3, 7), ==, "Oversight");
  g_assert_cmpstr (field (records, 3, 8), ==, "weak,\nvery");
  g_assert_cmpstr (field (records, 4, 0), ==, "Report two");
  g_assert_cmpstr (field (records, 4, 7), ==, "Help");
  g_assert_cmpstr (field (records, 4, 10), ==, "");
  g_assert_cmpstr (field (records, 4, 11), ==, "2016-01-05");
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Filters: Bob's codings of Practice and its sub-codes. */
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "export", f->project, "segments", "--code", "Practice",
                      "--coder", "Bob", NULL);
  g_assert_cmpint (run.status, ==, 0);
  records = parse (run.out);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (field (records, 1, 7), ==, "Help");
  g_clear_pointer (&records, g_ptr_array_unref);

  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "export", f->project, "segments", "--document", "Report one", NULL);
  g_assert_cmpint (run.status, ==, 0);
  records = parse (run.out);
  g_assert_cmpuint (records->len, ==, 4);
}

/* Runs gloss-cli export PROJECT matrix ARGUMENTS… and compares its
 * standard output with expected. */
G_GNUC_NULL_TERMINATED
static void
check_matrix (Fixture    *f,
              const char *expected,
              ...)
{
  g_auto(GlossTestRun) run = { 0, };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, expected);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  while (args->len < 8)
    g_ptr_array_add (args, NULL);

  if (!gloss_test_run_cli (&run, "export", f->project, "matrix", args->pdata[0], args->pdata[1],
                           args->pdata[2], args->pdata[3], args->pdata[4], args->pdata[5],
                           args->pdata[6], args->pdata[7], NULL))
    return;
  if (run.status != 0)
    g_error ("export matrix %s %s failed: %s", (char *) args->pdata[0], (char *) args->pdata[1], run.err);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_matrix (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "matrix.xlsx", NULL);
  g_auto(GlossTestRun) run = { 0, };
  g_autofree char *contents = NULL;
  gsize length;

  if (gloss_test_cli_path () == NULL)
    return;

  /* Codings by document; totals on the right and at the bottom. */
  check_matrix (f,
                "code,Report one,Report two,total\r\n"
                "Practice,1,0,1\r\n"
                "Practice/Early help,1,1,2\r\n"
                "Outcomes,1,0,1\r\n"
                "total,3,1,4\r\n",
                "--columns", "document", NULL);

  /* Rolled up, Practice counts Early help's codings too. */
  check_matrix (f,
                "code,Report one,Report two,total\r\n"
                "Practice,2,1,3\r\n"
                "Practice/Early help,1,1,2\r\n"
                "Outcomes,1,0,1\r\n"
                "total,3,1,4\r\n",
                "--columns", "document", "--roll-up", NULL);

  /* Characters: Report one's codings cover 0–14 and 21–30, 23 in all. */
  check_matrix (f,
                "code,Report one,Report two,total\r\n"
                "Practice,8,0,8\r\n"
                "Practice/Early help,10,4,14\r\n"
                "Outcomes,9,0,9\r\n"
                "total,23,4,27\r\n",
                "--columns", "document", "--measure", "characters", NULL);

  /* Coverage: of 41 and 16 characters, 57 together. */
  check_matrix (f,
                "code,Report one,Report two,total\r\n"
                "Practice,19.51%,0.00%,14.04%\r\n"
                "Practice/Early help,24.39%,25.00%,24.56%\r\n"
                "Outcomes,21.95%,0.00%,15.79%\r\n"
                "total,56.10%,25.00%,47.37%\r\n",
                "--columns", "document", "--measure", "coverage", NULL);

  /* Only Ann's codings. */
  check_matrix (f,
                "code,Report one,Report two,total\r\n"
                "Practice,1,0,1\r\n"
                "Practice/Early help,1,0,1\r\n"
                "Outcomes,0,0,0\r\n"
                "total,2,0,2\r\n",
                "--columns", "document", "--coder", "Ann", NULL);

  /* Only Report two, documents measure. */
  check_matrix (f,
                "code,Report two,total\r\n"
                "Practice,0,0\r\n"
                "Practice/Early help,1,1\r\n"
                "Outcomes,0,0\r\n"
                "total,1,1\r\n",
                "--columns", "document", "--document", "Report two", "--measure", "documents", NULL);

  check_matrix (f,
                "code,Ann,Bob,total\r\n"
                "Practice,1,0,1\r\n"
                "Practice/Early help,1,1,2\r\n"
                "Outcomes,0,1,1\r\n"
                "total,2,2,4\r\n",
                "--columns", "coder", NULL);

  /* Report two has no judgement. */
  check_matrix (f,
                "code,Good,(no value),total\r\n"
                "Practice,1,0,1\r\n"
                "Practice/Early help,1,1,2\r\n"
                "Outcomes,1,0,1\r\n"
                "total,3,1,4\r\n",
                "--columns", "attribute:Judgement", NULL);

  check_matrix (f,
                "code,2015,2016,total\r\n"
                "Practice,1,0,1\r\n"
                "Practice/Early help,1,1,2\r\n"
                "Outcomes,1,0,1\r\n"
                "total,3,1,4\r\n",
                "--columns", "attribute:Inspected:year", NULL);

  /* Practice (6–14) and Early help (0–10) overlap once; the diagonal is
   * empty. */
  check_matrix (f,
                "code,Practice,Practice/Early help,Outcomes,total\r\n"
                "Practice,,1,0,1\r\n"
                "Practice/Early help,1,,0,1\r\n"
                "Outcomes,0,0,,0\r\n"
                "total,1,1,0,1\r\n",
                "--columns", "cooccurrence", NULL);

  /* XLSX to a file. */
  gloss_test_run_cli (&run, "export", f->project, "matrix", "--columns", "coder",
                      "--format", "xlsx", "--output", xlsx, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
}

/* Runs gloss-cli and expects a failure with status and a message on
 * standard error holding needle, and nothing on standard output. */
G_GNUC_NULL_TERMINATED
static void
check_failure (int         status,
               const char *needle,
               const char *first,
               ...)
{
  g_auto(GlossTestRun) run = { 0, };
  gboolean ran;
  va_list ap;

  va_start (ap, first);
  ran = run_va (&run, first, ap);
  va_end (ap);
  if (!ran)
    return;
  g_assert_cmpint (run.status, ==, status);
  g_assert_cmpstr (run.out, ==, "");
  if (strstr (run.err, needle) == NULL)
    g_error ("“%s” not in: %s", needle, run.err);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *unwritable = g_build_filename (f->dir, "no such folder", "out.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "none.gloss", NULL);

  if (gloss_test_cli_path () == NULL)
    return;

  /* Usage errors: status 2. */
  check_failure (2, "codebook, segments or matrix", "export", f->project, "memos", NULL);
  check_failure (2, "“median” is not a measure", "export", f->project, "matrix",
                 "--columns", "document", "--measure", "median", NULL);
  check_failure (2, "“page” is not a kind of column", "export", f->project, "matrix",
                 "--columns", "page", NULL);
  check_failure (2, "--columns", "export", f->project, "matrix", NULL);
  check_failure (2, "“ods” is not a format", "export", f->project, "codebook", "--format", "ods", NULL);
  check_failure (2, "--output", "export", f->project, "codebook", "--format", "xlsx", NULL);
  check_failure (2, "for matrix", "export", f->project, "codebook", "--measure", "codings", NULL);
  check_failure (2, "missing arguments", "export", f->project, NULL);

  /* Unknown names: status 1. */
  check_failure (1, "Nope", "export", f->project, "matrix", "--columns", "attribute:Nope", NULL);
  check_failure (1, "not a date attribute", "export", f->project, "matrix",
                 "--columns", "attribute:Judgement:year", NULL);
  check_failure (1, "no coder “Zed”", "export", f->project, "matrix", "--columns", "document",
                 "--coder", "Zed", NULL);
  check_failure (1, "Zed", "export", f->project, "segments", "--coder", "Zed", NULL);
  check_failure (1, "Report three", "export", f->project, "matrix", "--columns", "coder",
                 "--document", "Report three", NULL);
  check_failure (1, "none.gloss", "export", missing, "codebook", NULL);

  /* An output that cannot be written. */
  check_failure (1, "out.csv", "export", f->project, "codebook", "--output", unwritable, NULL);
  check_failure (1, "out.csv", "export", f->project, "matrix", "--columns", "document",
                 "--output", unwritable, NULL);
}

static void
test_import_codebook (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0, };
  g_autofree char *csv = g_build_filename (f->dir, "codebook.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.csv", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.gloss", NULL);
  g_autofree char *codes_before = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  guint i, j;

  if (!gloss_test_run_cli (&run, "export", f->project, "codebook", "--excel", "-o", csv, NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "export", f->project, "codebook", NULL);
  first = parse (run.out);
  gloss_test_run_clear (&run);

  /* Into a new project: three codes made. */
  run_ok ("new", other, NULL);
  gloss_test_run_cli (&run, "import-codebook", other, csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "rows\t3\nadded\t3\nupdated\t0\nunchanged\t0\n");
  gloss_test_run_clear (&run);

  /* The same codes: GUID, path, name, parent, description and colour
   * (the counts differ: the new project has no codings). */
  gloss_test_run_cli (&run, "export", other, "codebook", NULL);
  second = parse (run.out);
  g_assert_cmpuint (second->len, ==, first->len);
  for (i = 0; i < first->len; i++)
    for (j = 0; j < 6; j++)
      g_assert_cmpstr (field (first, i, j), ==, field (second, i, j));
  gloss_test_run_clear (&run);

  /* Again: nothing changes. */
  gloss_test_run_cli (&run, "import-codebook", other, csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "rows\t3\nadded\t0\nupdated\t0\nunchanged\t3\n");
  gloss_test_run_clear (&run);

  /* A new description for Outcomes; a new code. */
  g_assert_true (g_file_set_contents (bad, "path,description\nOutcomes,What changed\nNew/Code,\n", -1, NULL));
  gloss_test_run_cli (&run, "import-codebook", other, bad, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "rows\t2\nadded\t2\nupdated\t1\nunchanged\t0\n");
  gloss_test_run_clear (&run);

  /* Bad rows: every one named on standard error, nothing written. */
  gloss_test_run_cli (&run, "codes", other, NULL);
  codes_before = g_strdup (run.out);
  gloss_test_run_clear (&run);
  g_assert_true (g_file_set_contents (bad, "path,colour\nGood/One,#000000\n,#000000\nBad,red\n", -1, NULL));
  gloss_test_run_cli (&run, "import-codebook", other, bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "Line 3: the path is empty"));
  g_assert_nonnull (strstr (run.err, "Line 4: “red” is not a colour"));
  g_assert_nonnull (strstr (run.err, "nothing was imported"));
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "codes", other, NULL);
  g_assert_cmpstr (run.out, ==, codes_before);
  gloss_test_run_clear (&run);

  /* Malformed CSV, no path column, a missing file. */
  g_assert_true (g_file_set_contents (broken, "path\n\"open\n", -1, NULL));
  gloss_test_run_cli (&run, "import-codebook", other, broken, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "never closed"));
  gloss_test_run_clear (&run);
  g_assert_true (g_file_set_contents (broken, "name\nA\n", -1, NULL));
  gloss_test_run_cli (&run, "import-codebook", other, broken, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“path”"));
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "import-codebook", other, "/no/such/file.csv", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, !=, "");
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "codes", other, NULL);
  g_assert_cmpstr (run.out, ==, codes_before);
}

#define TEST(name, func) \
  g_test_add ("/cli-export/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  TEST ("codebook", test_codebook);
  TEST ("segments", test_segments);
  TEST ("matrix", test_matrix);
  TEST ("errors", test_errors);
  TEST ("import-codebook", test_import_codebook);

  return g_test_run ();
}
