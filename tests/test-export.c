/* test-export.c: sheets as CSV and XLSX, the codebook, coded segments and
 * tables as sheets, and the import of a codebook
 *
 * What is written is read back by our own CSV parser and by Python's csv
 * and zipfile modules, so that a file is checked by a reader other than
 * the writer's twin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

/* ---- helpers ---- */

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
unhex (const char *s)
{
  gsize n = strlen (s) / 2, i;
  char *out = g_malloc (n + 1);

  for (i = 0; i < n; i++)
    out[i] = (g_ascii_xdigit_value (s[2 * i]) << 4) | g_ascii_xdigit_value (s[2 * i + 1]);
  out[n] = '\0';

  return out;
}

/* Runs python3 -c script with args; its standard output, or NULL (and
 * the test skipped) without python3. */
static char *
run_python (const char *script,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return NULL;
    }

  g_ptr_array_add (argv, python);
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) script);
  va_start (args, script);
  for (arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 failed: %s", err);

  return out;
}

/* Python's csv module reading a file: one line per record, each field as
 * hexadecimal UTF-8, separated by spaces ("-" for an empty field). */
static const char python_csv[] =
  "import csv, sys\n"
  "with open (sys.argv[1], newline='', encoding=sys.argv[2]) as f:\n"
  "    for record in csv.reader (f):\n"
  "        print (' '.join (field.encode ('utf-8').hex () or '-' for field in record))\n";

/* records[i][j] as Python read them. */
static GPtrArray *
python_read_csv (const char *path,
                 const char *encoding)
{
  g_autofree char *out = run_python (python_csv, path, encoding, NULL);
  g_auto(GStrv) lines = NULL;
  GPtrArray *records;
  guint i, j;

  if (out == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lines = g_strsplit (out, "\n", -1);
  for (i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      char **fields = g_strsplit (lines[i], " ", -1);

      for (j = 0; fields[j] != NULL; j++)
        {
          char *text = strcmp (fields[j], "-") == 0 ? g_strdup ("") : unhex (fields[j]);

          g_free (fields[j]);
          fields[j] = text;
        }
      g_ptr_array_add (records, fields);
    }

  return records;
}

static GPtrArray *
parse_csv (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GPtrArray *records = gloss_csv_parse (data, length, &error);

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

static GlossDocument *
import_text (GlossProject *project,
             const char   *dir,
             const char   *file_name,
             const char   *text)
{
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  document = gloss_project_import_file (project, file, NULL, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static GlossCode *
add_code (GlossProject *project,
          const char   *path,
          const char   *colour,
          const char   *description)
{
  g_autoptr(GError) error = NULL;
  GlossCode *code = gloss_project_ensure_code_path (project, path, colour, description, &error);

  g_assert_no_error (error);
  return code;
}

static gint64
code_id (GlossProject *project,
         const char   *path)
{
  g_autoptr(GlossCode) code = gloss_project_lookup_code (project, path, NULL);

  g_assert_nonnull (code);
  return gloss_code_get_id (code);
}

static void
add_coding (GlossProject *project,
            gint64        document_id,
            const char   *code_path,
            gint64        coder_id,
            guint         start,
            guint         end,
            const char   *memo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = NULL;

  coding = gloss_project_add_coding (project, document_id, code_id (project, code_path),
                                     coder_id, start, end, memo, &error);
  g_assert_no_error (error);
}

static GBytes *
codebook_csv (GlossProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSheet) sheet = gloss_project_export_codebook (project, &error);

  g_assert_no_error (error);
  return gloss_sheet_to_csv (sheet, FALSE);
}

static gboolean
import_codebook (GlossProject        *project,
                 const char          *csv,
                 GlossCodebookImport *result,
                 GError             **error)
{
  return gloss_project_import_codebook (project, csv, strlen (csv), result, error);
}

/* The number of files in dir. */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* ---- sheets ---- */

static void
test_sheet_cells (void)
{
  g_autoptr(GlossSheet) sheet = gloss_sheet_new ("Codes: [a/b] *?\\ and more, far more than 31");
  g_autoptr(GlossSheet) quoted = gloss_sheet_new ("'Quoted'");
  g_autoptr(GlossSheet) empty = gloss_sheet_new ("[]");
  g_autoptr(GlossSheet) emoji = gloss_sheet_new ("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀");
  const char *header[] = { "a", "b" };
  double value = 0;

  /* []:*?/\ become "_", and 31 characters are kept (less the blank at
   * the cut). */
  g_assert_cmpstr (gloss_sheet_get_name (sheet), ==, "Codes_ _a_b_ ___ and more, far");
  g_assert_cmpstr (gloss_sheet_get_name (quoted), ==, "Quoted");
  g_assert_cmpstr (gloss_sheet_get_name (empty), ==, "__");
  /* Excel counts UTF-16 units: an emoji is two, so 15 of them fit. */
  g_assert_cmpuint (g_utf8_strlen (gloss_sheet_get_name (emoji), -1), ==, 15);

  gloss_sheet_set_header (sheet, header, G_N_ELEMENTS (header));
  gloss_sheet_add_header (sheet, "c");
  g_assert_cmpuint (gloss_sheet_get_n_columns (sheet), ==, 3);
  g_assert_cmpstr (gloss_sheet_get_header (sheet, 2), ==, "c");
  g_assert_cmpstr (gloss_sheet_get_header (sheet, 7), ==, "");

  gloss_sheet_begin_row (sheet);
  gloss_sheet_add_text (sheet, "x");
  gloss_sheet_add_number (sheet, 0.5, NULL, FALSE);
  gloss_sheet_add_number (sheet, 0.125, "12.50%", TRUE);
  gloss_sheet_begin_row (sheet);
  gloss_sheet_add_text (sheet, NULL);
  gloss_sheet_add_number (sheet, 3, NULL, FALSE);
  gloss_sheet_add_text (sheet, "y");
  gloss_sheet_add_text (sheet, "a fourth cell");

  g_assert_cmpuint (gloss_sheet_get_n_rows (sheet), ==, 2);
  g_assert_cmpuint (gloss_sheet_get_n_columns (sheet), ==, 4);
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 0), ==, "x");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 1), ==, "0.5");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 2), ==, "12.50%");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 3), ==, "");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 0), ==, "");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 1), ==, "3");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 5, 0), ==, "");
  g_assert_false (gloss_sheet_is_number (sheet, 0, 0, NULL));
  g_assert_true (gloss_sheet_is_number (sheet, 0, 2, &value));
  g_assert_cmpfloat (value, ==, 0.125);
  g_assert_false (gloss_sheet_is_number (sheet, 1, 0, NULL));
  g_assert_false (gloss_sheet_is_number (sheet, 0, 3, NULL));
}

/* A sheet with the fields that CSV must quote, and text beyond ASCII. */
static GlossSheet *
make_tricky_sheet (void)
{
  GlossSheet *sheet = gloss_sheet_new ("Tricky");
  const char *header[] = { "name", "note", "n" };

  gloss_sheet_set_header (sheet, header, G_N_ELEMENTS (header));
  gloss_sheet_begin_row (sheet);
  gloss_sheet_add_text (sheet, "a, b");
  gloss_sheet_add_text (sheet, "say \"hi\"");
  gloss_sheet_add_number (sheet, 3, NULL, FALSE);
  gloss_sheet_begin_row (sheet);
  gloss_sheet_add_text (sheet, "line 1\nline 2\r\nline 3");
  gloss_sheet_add_text (sheet, " lead");
  gloss_sheet_add_text (sheet, NULL);
  gloss_sheet_begin_row (sheet);
  gloss_sheet_add_text (sheet, "é 中文 😀");
  gloss_sheet_add_text (sheet, NULL);
  gloss_sheet_add_number (sheet, 0.25, "25.00%", TRUE);
  /* A short row is padded. */
  gloss_sheet_begin_row (sheet);
  gloss_sheet_add_text (sheet, "short");

  return sheet;
}

static const char * const tricky_records[5][3] = {
  { "name", "note", "n" },
  { "a, b", "say \"hi\"", "3" },
  { "line 1\nline 2\r\nline 3", " lead", "" },
  { "é 中文 😀", "", "25.00%" },
  { "short", "", "" },
};

static void
check_tricky_records (GPtrArray *records,
                      gboolean   python)
{
  guint i, j;

  g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (tricky_records));
  for (i = 0; i < records->len; i++)
    for (j = 0; j < 3; j++)
      {
        const char *got = python ? ((char **) g_ptr_array_index (records, i))[j] : field (records, i, j);
        g_autoptr(GString) expected = g_string_new (tricky_records[i][j]);

        /* Our parser reads every line end inside a field as LF. */
        if (!python)
          g_string_replace (expected, "\r\n", "\n", 0);
        g_assert_cmpstr (got, ==, expected->str);
      }
}

static void
test_sheet_csv (void)
{
  g_autoptr(GlossSheet) sheet = make_tricky_sheet ();
  g_autoptr(GBytes) csv = gloss_sheet_to_csv (sheet, FALSE);
  g_autoptr(GBytes) excel = gloss_sheet_to_csv (sheet, TRUE);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "tricky.csv", NULL);
  g_autofree char *excel_path = g_build_filename (dir, "tricky-excel.csv", NULL);
  g_autofree char *contents = NULL;
  const char expected[] =
    "name,note,n\r\n"
    "\"a, b\",\"say \"\"hi\"\"\",3\r\n"
    "\"line 1\nline 2\r\nline 3\",\" lead\",\r\n"
    "é 中文 😀,,25.00%\r\n"
    "short,,\r\n";
  gsize length;

  /* RFC 4180, CRLF line ends; quoted only where needed. */
  g_assert_cmpmem (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), expected, strlen (expected));

  /* For Excel: the same after a byte-order mark. */
  g_assert_cmpuint (g_bytes_get_size (excel), ==, strlen (expected) + 3);
  g_assert_cmpmem (g_bytes_get_data (excel, NULL), 3, "\xef\xbb\xbf", 3);
  g_assert_cmpmem ((const char *) g_bytes_get_data (excel, NULL) + 3, strlen (expected),
                   expected, strlen (expected));

  /* Our parser reads back every field. */
  records = parse_csv (csv);
  check_tricky_records (records, FALSE);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = parse_csv (excel);
  check_tricky_records (records, FALSE);

  /* So does Python's csv module, the Excel file as utf-8-sig. */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL));
  g_assert_true (g_file_set_contents (excel_path, g_bytes_get_data (excel, NULL),
                                      g_bytes_get_size (excel), NULL));
  python = python_read_csv (path, "utf-8");
  if (python == NULL)
    goto out;
  check_tricky_records (python, TRUE);
  g_clear_pointer (&python, g_ptr_array_unref);
  python = python_read_csv (excel_path, "utf-8-sig");
  check_tricky_records (python, TRUE);
  g_clear_pointer (&python, g_ptr_array_unref);
  /* Read as plain UTF-8, the mark is there, before the first field. */
  python = python_read_csv (excel_path, "utf-8");
  g_assert_cmpstr (((char **) g_ptr_array_index (python, 0))[0], ==, "\xef\xbb\xbfname");

  /* gloss_sheets_write: the same bytes, and no temporary file left. */
  {
    g_autoptr(GPtrArray) sheets = g_ptr_array_new ();

    g_ptr_array_add (sheets, sheet);
    g_assert_true (gloss_sheets_write (sheets, GLOSS_SHEET_FORMAT_CSV, TRUE, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, g_bytes_get_data (excel, NULL), g_bytes_get_size (excel));
    g_assert_cmpuint (count_files (dir), ==, 2);

    /* Two sheets in one CSV file: one after the other, a blank line
     * between, one byte-order mark. */
    g_ptr_array_add (sheets, sheet);
    g_clear_pointer (&contents, g_free);
    g_assert_true (gloss_sheets_write (sheets, GLOSS_SHEET_FORMAT_CSV, TRUE, path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpuint (length, ==, 3 + 2 * strlen (expected) + 2);
    g_assert_cmpmem (contents, 3, "\xef\xbb\xbf", 3);
    g_assert_cmpmem (contents + 3, strlen (expected), expected, strlen (expected));
    g_assert_cmpmem (contents + 3 + strlen (expected), 2, "\r\n", 2);
    g_assert_cmpmem (contents + 5 + strlen (expected), strlen (expected), expected, strlen (expected));
  }

out:
  gloss_test_remove_tree (dir);
}

static void
test_sheet_write_errors (void)
{
  g_autoptr(GlossSheet) sheet = make_tricky_sheet ();
  g_autoptr(GPtrArray) sheets = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "no such folder", "out.csv", NULL);
  g_autofree char *file = g_build_filename (dir, "a file", NULL);
  g_autofree char *below_file = g_build_filename (file, "out.xlsx", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.csv", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *contents = NULL;

  g_ptr_array_add (sheets, sheet);
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));

  /* A folder that does not exist: the message names the file. */
  g_assert_false (gloss_sheets_write (sheets, GLOSS_SHEET_FORMAT_CSV, FALSE, missing, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == GLOSS_ERROR);
  g_assert_nonnull (strstr (error->message, "out.csv"));
  g_clear_error (&error);

  /* A "folder" that is a file, for CSV and for XLSX. */
  g_assert_false (gloss_sheets_write (sheets, GLOSS_SHEET_FORMAT_CSV, FALSE, below_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (gloss_sheets_write (sheets, GLOSS_SHEET_FORMAT_XLSX, FALSE, below_file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "out.xlsx"));
  g_clear_error (&error);

  /* XLSX is for files only. */
  g_assert_false (gloss_sheets_write (sheets, GLOSS_SHEET_FORMAT_XLSX, FALSE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  /* An existing file is replaced. */
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_true (gloss_sheets_write (sheets, GLOSS_SHEET_FORMAT_CSV, FALSE, kept, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "name,note,n\r\n"));

  /* A target that cannot be replaced (a folder): the write fails after
   * the temporary file was made, and that file is removed. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (gloss_sheets_write (sheets, GLOSS_SHEET_FORMAT_XLSX, FALSE, folder, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (gloss_sheets_write (sheets, GLOSS_SHEET_FORMAT_CSV, FALSE, folder, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* dir holds "a file", kept.csv and the folder, and nothing else. */
  g_assert_cmpuint (count_files (dir), ==, 3);

  gloss_test_remove_tree (dir);
}

/* Reads an XLSX file with Python's zipfile and ElementTree; prints
 *   sheet NAME-HEX
 *   frozen SHEET-INDEX
 *   cell SHEET-INDEX REF KIND VALUE-HEX PERCENT BOLD
 * KIND is s (a string, shared or inline) or n (a number). */
static const char python_xlsx[] =
  "import re, sys, zipfile\n"
  "import xml.etree.ElementTree as ET\n"
  "NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',\n"
  "      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',\n"
  "      'p': 'http://schemas.openxmlformats.org/package/2006/relationships'}\n"
  "def h (s): return s.encode ('utf-8').hex () or '-'\n"
  "def unescape (s): return re.sub ('_x([0-9A-Fa-f]{4})_', lambda m: chr (int (m.group (1), 16)), s)\n"
  "def text (e): return unescape (''.join (t.text or '' for t in e.iter ('{%s}t' % NS['m'])))\n"
  "z = zipfile.ZipFile (sys.argv[1])\n"
  "wb = ET.fromstring (z.read ('xl/workbook.xml'))\n"
  "rels = ET.fromstring (z.read ('xl/_rels/workbook.xml.rels'))\n"
  "target = {r.get ('Id'): r.get ('Target') for r in rels.findall ('p:Relationship', NS)}\n"
  "shared = []\n"
  "if 'xl/sharedStrings.xml' in z.namelist ():\n"
  "    shared = [text (si) for si in ET.fromstring (z.read ('xl/sharedStrings.xml')).findall ('m:si', NS)]\n"
  "styles = ET.fromstring (z.read ('xl/styles.xml'))\n"
  "formats = {f.get ('numFmtId'): f.get ('formatCode') for f in styles.findall ('m:numFmts/m:numFmt', NS)}\n"
  "fonts = [f.find ('m:b', NS) is not None for f in styles.findall ('m:fonts/m:font', NS)]\n"
  "xfs = styles.findall ('m:cellXfs/m:xf', NS)\n"
  "def percent (s):\n"
  "    n = xfs[s].get ('numFmtId', '0')\n"
  "    return n == '10' or formats.get (n) == '0.00%'\n"
  "def bold (s): return fonts[int (xfs[s].get ('fontId', '0'))]\n"
  "for i, sheet in enumerate (wb.findall ('m:sheets/m:sheet', NS)):\n"
  "    print ('sheet', h (sheet.get ('name')))\n"
  "    rid = sheet.get ('{%s}id' % NS['r'])\n"
  "    xml = ET.fromstring (z.read ('xl/' + target[rid]))\n"
  "    pane = xml.find ('m:sheetViews/m:sheetView/m:pane', NS)\n"
  "    if pane is not None and pane.get ('state') == 'frozen' and pane.get ('ySplit') == '1':\n"
  "        print ('frozen', i)\n"
  "    for c in xml.iter ('{%s}c' % NS['m']):\n"
  "        t = c.get ('t', 'n')\n"
  "        s = int (c.get ('s', '0'))\n"
  "        v = c.find ('m:v', NS)\n"
  "        if t == 's': kind, value = 's', shared[int (v.text)]\n"
  "        elif t == 'inlineStr': kind, value = 's', text (c.find ('m:is', NS))\n"
  "        elif t == 'str': kind, value = 's', v.text or ''\n"
  "        elif t == 'n': kind, value = 'n', repr (float (v.text))\n"
  "        else: kind, value = t, v.text or ''\n"
  "        print ('cell', i, c.get ('r'), kind, h (value), int (percent (s)), int (bold (s)))\n";

typedef struct
{
  GPtrArray  *sheets;   /* (element-type utf8) names */
  GHashTable *cells;    /* "SHEET REF" → "KIND VALUE PERCENT BOLD" (value decoded) */
  GHashTable *frozen;   /* "SHEET" */
} Workbook;

static void
workbook_clear (Workbook *workbook)
{
  g_clear_pointer (&workbook->sheets, g_ptr_array_unref);
  g_clear_pointer (&workbook->cells, g_hash_table_unref);
  g_clear_pointer (&workbook->frozen, g_hash_table_unref);
}

static gboolean
read_workbook (const char *path,
               Workbook   *workbook)
{
  g_autofree char *out = run_python (python_xlsx, path, NULL);
  g_auto(GStrv) lines = NULL;
  guint i;

  if (out == NULL)
    return FALSE;

  workbook->sheets = g_ptr_array_new_with_free_func (g_free);
  workbook->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  workbook->frozen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  lines = g_strsplit (out, "\n", -1);
  for (i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", -1);

      if (strcmp (parts[0], "sheet") == 0)
        g_ptr_array_add (workbook->sheets, unhex (parts[1]));
      else if (strcmp (parts[0], "frozen") == 0)
        g_hash_table_add (workbook->frozen, g_strdup (parts[1]));
      else
        {
          g_autofree char *value = strcmp (parts[4], "-") == 0 ? g_strdup ("") : unhex (parts[4]);

          g_assert_cmpstr (parts[0], ==, "cell");
          g_hash_table_insert (workbook->cells, g_strdup_printf ("%s %s", parts[1], parts[2]),
                               g_strdup_printf ("%s %s %s %s", parts[3], value, parts[5], parts[6]));
        }
    }

  return TRUE;
}

/* "KIND VALUE PERCENT BOLD" of a cell, or NULL when it is absent. */
static const char *
cell_of (Workbook   *workbook,
         guint       sheet,
         const char *ref)
{
  g_autofree char *key = g_strdup_printf ("%u %s", sheet, ref);

  return g_hash_table_lookup (workbook->cells, key);
}

static void
test_xlsx (void)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_sheet_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "book.xlsx", NULL);
  g_autofree char *long_quote = NULL;
  Workbook workbook = { 0, };
  GlossSheet *text, *numbers, *twin;
  GString *huge = g_string_new (NULL);
  guint i;

  /* Text: a codebook-like sheet, with a form feed (a page break in a
   * quote) that XML cannot hold as such. */
  text = gloss_sheet_new ("Codebook");
  gloss_sheet_add_header (text, "path");
  gloss_sheet_add_header (text, "description");
  gloss_sheet_begin_row (text);
  gloss_sheet_add_text (text, "Practice/Early help");
  gloss_sheet_add_text (text, "Line one,\n\"two\"\fé 中文 😀");
  gloss_sheet_begin_row (text);
  gloss_sheet_add_text (text, "12");   /* text that looks like a number stays text */
  gloss_sheet_add_text (text, NULL);
  g_ptr_array_add (sheets, text);

  /* Numbers: plain, percent, and NAN (left empty). */
  numbers = gloss_sheet_new ("Table: by coder");
  gloss_sheet_add_header (numbers, "code");
  gloss_sheet_add_header (numbers, "codings");
  gloss_sheet_add_header (numbers, "coverage");
  gloss_sheet_begin_row (numbers);
  gloss_sheet_add_text (numbers, "A");
  gloss_sheet_add_number (numbers, 42, "42", FALSE);
  gloss_sheet_add_number (numbers, 0.125, "12.50%", TRUE);
  gloss_sheet_begin_row (numbers);
  gloss_sheet_add_text (numbers, "B");
  gloss_sheet_add_number (numbers, NAN, "", FALSE);
  gloss_sheet_add_number (numbers, 1.5, NULL, FALSE);
  g_ptr_array_add (sheets, numbers);

  /* The same name again (ignoring case), and a cell longer than Excel
   * allows, which is cut to 32,767 characters. */
  twin = gloss_sheet_new ("CODEBOOK");
  gloss_sheet_add_header (twin, "quote");
  gloss_sheet_begin_row (twin);
  for (i = 0; i < 33000; i++)
    g_string_append (huge, i % 2 ? "é" : "a");
  gloss_sheet_add_text (twin, huge->str);
  g_ptr_array_add (sheets, twin);
  long_quote = g_utf8_substring (huge->str, 0, 32767);
  g_string_free (huge, TRUE);

  g_assert_true (gloss_sheets_write_xlsx (sheets, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 1);

  if (!read_workbook (path, &workbook))
    goto out;

  /* Worksheet names: sanitised, then made unique. */
  g_assert_cmpuint (workbook.sheets->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (workbook.sheets, 0), ==, "Codebook");
  g_assert_cmpstr (g_ptr_array_index (workbook.sheets, 1), ==, "Table_ by coder");
  g_assert_cmpstr (g_ptr_array_index (workbook.sheets, 2), ==, "CODEBOOK (2)");

  /* Bold header rows, frozen. */
  for (i = 0; i < 3; i++)
    {
      g_autofree char *key = g_strdup_printf ("%u", i);

      g_assert_true (g_hash_table_contains (workbook.frozen, key));
    }
  g_assert_cmpstr (cell_of (&workbook, 0, "A1"), ==, "s path 0 1");
  g_assert_cmpstr (cell_of (&workbook, 0, "B1"), ==, "s description 0 1");
  g_assert_cmpstr (cell_of (&workbook, 1, "C1"), ==, "s coverage 0 1");

  /* Strings as strings, whatever they hold. */
  g_assert_cmpstr (cell_of (&workbook, 0, "A2"), ==, "s Practice/Early help 0 0");
  g_assert_cmpstr (cell_of (&workbook, 0, "B2"), ==, "s Line one,\n\"two\"\fé 中文 😀 0 0");
  g_assert_cmpstr (cell_of (&workbook, 0, "A3"), ==, "s 12 0 0");
  g_assert_null (cell_of (&workbook, 0, "B3"));

  /* Numbers as numbers; a fraction formatted as a percentage. */
  g_assert_cmpstr (cell_of (&workbook, 1, "A2"), ==, "s A 0 0");
  g_assert_cmpstr (cell_of (&workbook, 1, "B2"), ==, "n 42.0 0 0");
  g_assert_cmpstr (cell_of (&workbook, 1, "C2"), ==, "n 0.125 1 0");
  g_assert_null (cell_of (&workbook, 1, "B3"));
  g_assert_cmpstr (cell_of (&workbook, 1, "C3"), ==, "n 1.5 0 0");

  {
    g_autofree char *expected = g_strdup_printf ("s %s 0 0", long_quote);

    g_assert_cmpstr (cell_of (&workbook, 2, "A2"), ==, expected);
  }

  /* Writing again replaces the file. */
  g_ptr_array_set_size (sheets, 1);
  g_assert_true (gloss_sheets_write (sheets, GLOSS_SHEET_FORMAT_XLSX, FALSE, path, &error));
  g_assert_no_error (error);
  workbook_clear (&workbook);
  g_assert_true (read_workbook (path, &workbook));
  g_assert_cmpuint (workbook.sheets->len, ==, 1);
  g_assert_cmpuint (count_files (dir), ==, 1);

out:
  workbook_clear (&workbook);
  gloss_test_remove_tree (dir);
}

/* ---- a project ---- */

typedef struct
{
  char         *dir;
  char         *path;
  GlossProject *project;
  guint         codes_changed;
} Fixture;

static void
on_codes_changed (GlossProject *project,
                  Fixture      *f)
{
  f->codes_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = gloss_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "export.gloss", NULL);
  f->project = gloss_project_create (f->path, "Export", &error);
  g_assert_no_error (error);
  g_signal_connect (f->project, "codes-changed", G_CALLBACK (on_codes_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  drain ();
  gloss_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GlossProject *
new_project (Fixture    *f,
             const char *file_name)
{
  g_autofree char *path = g_build_filename (f->dir, file_name, NULL);
  g_autoptr(GError) error = NULL;
  GlossProject *project = gloss_project_create (path, "Other", &error);

  g_assert_no_error (error);
  return project;
}

static const char practice_description[] = "Help, before it is \"statutory\";\nsee the guidance";
static const char early_help_description[] = "Aide précoce — 早期支援 😀";

/* Practice (#ff8800), Practice/Early help (é, CJK, emoji), Outcomes. */
static void
make_codebook (GlossProject *project)
{
  g_autoptr(GlossCode) practice = add_code (project, "Practice", "#FF8800", practice_description);
  g_autoptr(GlossCode) early = add_code (project, "Practice/Early help, café", "#00aa00",
                                         early_help_description);
  g_autoptr(GlossCode) outcomes = add_code (project, "Outcomes", "#123456", NULL);
}

static void
test_codebook (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GlossDocument) one = NULL;
  g_autoptr(GlossDocument) two = NULL;
  g_autoptr(GlossSheet) sheet = NULL;
  g_autoptr(GlossCode) practice = NULL;
  g_autoptr(GError) error = NULL;
  const char *header[] = {
    "guid", "path", "name", "parent_path", "description", "colour",
    "codings", "documents", "created_by", "created_at",
  };
  gint64 ann, bob;
  double value;
  guint i;

  make_codebook (f->project);
  practice = gloss_project_lookup_code (f->project, "Practice", NULL);
  one = import_text (f->project, f->dir, "One.txt", "Early help was offered to every family.\n");
  two = import_text (f->project, f->dir, "Two.txt", "Outcomes improved slowly.\n");
  ann = gloss_project_ensure_coder (f->project, "Ann", NULL);
  bob = gloss_project_ensure_coder (f->project, "Bob", NULL);

  /* Practice/Early help: 3 codings in 2 documents; Practice: none of its
   * own; Outcomes: 1. */
  add_coding (f->project, gloss_document_get_id (one), "Practice/Early help, café", ann, 0, 10, NULL);
  add_coding (f->project, gloss_document_get_id (one), "Practice/Early help, café", bob, 0, 10, NULL);
  add_coding (f->project, gloss_document_get_id (two), "Practice/Early help, café", ann, 0, 8, NULL);
  add_coding (f->project, gloss_document_get_id (two), "Outcomes", ann, 0, 8, NULL);

  sheet = gloss_project_export_codebook (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_sheet_get_n_columns (sheet), ==, G_N_ELEMENTS (header));
  for (i = 0; i < G_N_ELEMENTS (header); i++)
    g_assert_cmpstr (gloss_sheet_get_header (sheet, i), ==, header[i]);

  /* Depth first, siblings by position. */
  g_assert_cmpuint (gloss_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 0), ==, gloss_code_get_guid (practice));
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 1), ==, "Practice");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 2), ==, "Practice");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 3), ==, "");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 4), ==, practice_description);
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 5), ==, "#ff8800");
  g_assert_true (gloss_sheet_is_number (sheet, 0, 6, &value));
  g_assert_cmpfloat (value, ==, 0);
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 7), ==, "0");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 8), ==, "");
  g_assert_true (g_str_has_prefix (gloss_sheet_get_text (sheet, 0, 9), "20"));

  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 1), ==, "Practice/Early help, café");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 2), ==, "Early help, café");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 3), ==, "Practice");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 4), ==, early_help_description);
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 6), ==, "3");
  g_assert_true (gloss_sheet_is_number (sheet, 1, 7, &value));
  g_assert_cmpfloat (value, ==, 2);

  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 1), ==, "Outcomes");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 4), ==, "");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 5), ==, "#123456");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 6), ==, "1");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 7), ==, "1");
}

/* The columns of a codebook export that describe the codes themselves:
 * guid, path, name, parent_path, description, colour. */
#define N_CODE_COLUMNS 6

static void
test_codebook_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GlossProject) empty = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "codebook.csv", NULL);
  g_autoptr(GPtrArray) python = NULL;
  GlossCodebookImport result = { 0, };
  guint i, j;

  make_codebook (f->project);
  first = codebook_csv (f->project);

  /* Into an empty project: the same codes, GUIDs kept. */
  empty = new_project (f, "empty.gloss");
  g_assert_true (gloss_project_import_codebook (empty, g_bytes_get_data (first, NULL),
                                                g_bytes_get_size (first), &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_rows, ==, 3);
  g_assert_cmpuint (result.n_added, ==, 3);
  g_assert_cmpuint (result.n_updated, ==, 0);
  g_assert_cmpuint (result.n_unchanged, ==, 0);
  second = codebook_csv (empty);

  /* The columns that describe the codes are identical.  The whole files
   * are not: created_at is when each code was made, which for the
   * imported codes is the time of the import (and created_by is empty
   * for both).  codings and documents are 0 on both sides, since the
   * first project has no codings either. */
  a = parse_csv (first);
  b = parse_csv (second);
  g_assert_cmpuint (a->len, ==, 4);
  g_assert_cmpuint (b->len, ==, a->len);
  for (i = 0; i < a->len; i++)
    for (j = 0; j < 10; j++)
      if (j < 9 || i == 0)
        g_assert_cmpstr (field (a, i, j), ==, field (b, i, j));
  g_assert_cmpstr (field (b, 2, 4), ==, early_help_description);
  g_assert_cmpstr (field (b, 1, 4), ==, practice_description);

  /* Python reads the same fields from the file. */
  g_assert_true (g_file_set_contents (csv_path, g_bytes_get_data (first, NULL),
                                      g_bytes_get_size (first), NULL));
  python = python_read_csv (csv_path, "utf-8");
  if (python != NULL)
    {
      g_assert_cmpuint (python->len, ==, a->len);
      for (i = 0; i < a->len; i++)
        for (j = 0; j < 10; j++)
          g_assert_cmpstr (((char **) g_ptr_array_index (python, i))[j], ==, field (a, i, j));
    }

  /* Importing it again changes nothing. */
  g_assert_true (gloss_project_import_codebook (empty, g_bytes_get_data (first, NULL),
                                                g_bytes_get_size (first), &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_rows, ==, 3);
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_updated, ==, 0);
  g_assert_cmpuint (result.n_unchanged, ==, 3);
  g_clear_pointer (&second, g_bytes_unref);
  second = codebook_csv (empty);
  g_clear_pointer (&b, g_ptr_array_unref);
  b = parse_csv (second);
  for (i = 0; i < a->len; i++)
    for (j = 0; j < N_CODE_COLUMNS; j++)
      g_assert_cmpstr (field (a, i, j), ==, field (b, i, j));

  /* The Excel flavour imports the same way. */
  {
    g_autoptr(GlossProject) third = new_project (f, "third.gloss");
    g_autoptr(GlossSheet) sheet = gloss_project_export_codebook (f->project, NULL);
    g_autoptr(GBytes) excel = gloss_sheet_to_csv (sheet, TRUE);
    g_autoptr(GBytes) again = NULL;
    g_autoptr(GPtrArray) c = NULL;

    g_assert_true (gloss_project_import_codebook (third, g_bytes_get_data (excel, NULL),
                                                  g_bytes_get_size (excel), &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.n_added, ==, 3);
    again = codebook_csv (third);
    c = parse_csv (again);
    for (i = 0; i < a->len; i++)
      for (j = 0; j < N_CODE_COLUMNS; j++)
        g_assert_cmpstr (field (a, i, j), ==, field (c, i, j));
  }
}

static void
test_import_merge (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GlossCode) a = NULL;
  g_autoptr(GlossCode) ab = NULL;
  g_autoptr(GlossCode) c = NULL;
  g_autoptr(GlossCode) x = NULL;
  g_autoptr(GlossCode) xy = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after_undo = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GlossCodebookImport result = { 0, };
  const char guid[] = "0b5e1a52-6c8d-4b7e-9f0a-1c2d3e4f5a6b";
  g_autofree char *csv = NULL;

  a = add_code (f->project, "A", "#111111", "old");
  g_clear_object (&a);
  before = codebook_csv (f->project);
  drain ();
  f->codes_changed = 0;

  /* Columns in any order, unknown ones ignored, header names in any
   * case; blank cells keep what a code has; a parent with a row of its
   * own, after its child, still gets that row's GUID. */
  csv = g_strdup_printf ("Colour,PATH,notes,description,guid\r\n"
                         ",A,x,new description,\r\n"
                         "#AbCdEf, A / B ,,,\r\n"
                         "#000000,C/D,,d,\r\n"
                         ",X/Y,,,\r\n"
                         "#222222,X,,ex,%s\r\n"
                         ",,,,\r\n", guid);
  g_assert_true (import_codebook (f->project, csv, &result, &error));
  g_assert_no_error (error);
  /* Five rows (the blank one is not counted); made: A/B, C, C/D, X, X/Y;
   * A's description changed. */
  g_assert_cmpuint (result.n_rows, ==, 5);
  g_assert_cmpuint (result.n_added, ==, 5);
  g_assert_cmpuint (result.n_updated, ==, 1);
  g_assert_cmpuint (result.n_unchanged, ==, 0);
  drain ();
  g_assert_cmpuint (f->codes_changed, ==, 1);

  a = gloss_project_lookup_code (f->project, "A", NULL);
  g_assert_cmpstr (gloss_code_get_description (a), ==, "new description");
  g_assert_cmpstr (gloss_code_get_colour (a), ==, "#111111");
  ab = gloss_project_lookup_code (f->project, "A/B", NULL);
  g_assert_nonnull (ab);
  g_assert_cmpstr (gloss_code_get_colour (ab), ==, "#abcdef");
  g_assert_cmpstr (gloss_code_get_description (ab), ==, "");
  c = gloss_project_lookup_code (f->project, "C", NULL);
  g_assert_nonnull (c);
  g_assert_true (g_uuid_string_is_valid (gloss_code_get_guid (c)));
  x = gloss_project_lookup_code (f->project, "X", NULL);
  g_assert_cmpstr (gloss_code_get_guid (x), ==, guid);
  g_assert_cmpstr (gloss_code_get_colour (x), ==, "#222222");
  g_assert_cmpstr (gloss_code_get_description (x), ==, "ex");
  xy = gloss_project_lookup_code (f->project, "X/Y", NULL);
  g_assert_cmpint (gloss_code_get_parent_id (xy), ==, gloss_code_get_id (x));

  codes = gloss_project_list_codes (f->project, NULL);
  g_assert_cmpuint (codes->len, ==, 6);

  /* One undoable action, which restores the codebook. */
  g_assert_true (gloss_project_can_undo (f->project, &label));
  g_assert_cmpstr (label, ==, "Import Codebook");
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
  after_undo = codebook_csv (f->project);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                   g_bytes_get_data (after_undo, NULL), g_bytes_get_size (after_undo));

  /* Redo brings it back, GUIDs and all. */
  g_assert_true (gloss_project_redo (f->project, &error));
  g_assert_no_error (error);
  g_clear_object (&x);
  x = gloss_project_lookup_code (f->project, guid, NULL);
  g_assert_nonnull (x);
  g_assert_cmpstr (gloss_code_get_path (x), ==, "X");
}

static void
test_import_refusals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GlossCode) a = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label_before = NULL;
  g_autofree char *label_after = NULL;
  g_autofree char *csv = NULL;
  GlossCodebookImport result = { 7, 7, 7, 7 };
  const char *message;

  a = add_code (f->project, "A", "#111111", "old");
  before = codebook_csv (f->project);
  g_assert_true (gloss_project_can_undo (f->project, &label_before));

  /* Line by line (a quoted description spans lines 9 and 10):
   *  2 good          3 no path        4 bad colour
   *  5 A's GUID on another path       6 name disagrees
   *  7 parent_path disagrees          8 duplicate of line 2
   *  9 good (two lines)               11 bad GUID
   *  12 empty part in the path        13 too few fields
   *  14 good (parent_path and name agree) */
  csv = g_strdup_printf ("path,name,parent_path,description,colour,guid\n"
                         "New/One,,,fine,#00ff00,\n"
                         ",x,,,,\n"
                         "New/Two,,,,orange,\n"
                         "New/Three,,,,,%s\n"
                         "New/Four,Fuor,,,,\n"
                         "New/Five,,Old,,,\n"
                         "New / One,,,,,\n"
                         "New/Six,,,\"two\nlines\",,\n"
                         "New/Seven,,,,,not-a-guid\n"
                         "New//Eight,,,,,\n"
                         "New/Nine,,\n"
                         "New/Ten,Ten,New,,,\n",
                         gloss_code_get_guid (a));

  g_assert_false (import_codebook (f->project, csv, &result, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  message = error->message;
  g_test_message ("%s", message);
  g_assert_null (strstr (message, "Line 2:"));
  g_assert_nonnull (strstr (message, "Line 3: the path is empty"));
  g_assert_nonnull (strstr (message, "Line 4: “orange” is not a colour"));
  g_assert_nonnull (strstr (message, "Line 5: the GUID"));
  g_assert_nonnull (strstr (message, "belongs to another code, “A”"));
  g_assert_nonnull (strstr (message, "Line 6: the name “Fuor”"));
  g_assert_nonnull (strstr (message, "Line 7: the parent path “Old”"));
  g_assert_nonnull (strstr (message, "Line 8: the path “New/One” is already on line 2"));
  g_assert_null (strstr (message, "Line 9"));
  g_assert_null (strstr (message, "Line 10"));
  g_assert_nonnull (strstr (message, "Line 11: “not-a-guid” is not a GUID"));
  g_assert_nonnull (strstr (message, "Line 12: “New//Eight”"));
  g_assert_nonnull (strstr (message, "Line 13 has 3 fields; the first row has 6"));
  g_assert_null (strstr (message, "Line 14"));
  /* By line, whichever check found the problem. */
  g_assert_true (strstr (message, "Line 4") < strstr (message, "Line 5"));
  g_assert_true (strstr (message, "Line 5") < strstr (message, "Line 6"));
  g_clear_error (&error);

  /* Nothing was written, and there is nothing new to undo. */
  after = codebook_csv (f->project);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                   g_bytes_get_data (after, NULL), g_bytes_get_size (after));
  g_assert_true (gloss_project_can_undo (f->project, &label_after));
  g_assert_cmpstr (label_after, ==, label_before);
  /* result is left alone on failure. */
  g_assert_cmpuint (result.n_rows, ==, 7);

  /* No path column; malformed CSV; nothing at all. */
  g_assert_false (import_codebook (f->project, "name,colour\nA,#000000\n", NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "path"));
  g_clear_error (&error);
  g_assert_false (import_codebook (f->project, "path,description\nA,\"unterminated\n", NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (import_codebook (f->project, "\n\n", NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&after, g_bytes_unref);
  after = codebook_csv (f->project);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                   g_bytes_get_data (after, NULL), g_bytes_get_size (after));
}

/* ---- coded segments ---- */

static void
test_segments (Fixture       *f,
               gconstpointer  data)
{
  const char *pages[] = { "First page of the PDF report.", "Second page: weak oversight.", NULL };
  g_autofree char *pdf_path = g_build_filename (f->dir, "Beta report.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GlossDocument) pdf = NULL;
  g_autoptr(GlossDocument) text = NULL;
  g_autoptr(GlossAttribute) authority = NULL;
  g_autoptr(GlossAttribute) score = NULL;
  g_autoptr(GlossAttribute) inspected = NULL;
  g_autoptr(GlossSheet) sheet = NULL;
  g_autoptr(GlossSheet) filtered = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "segments.csv", NULL);
  g_autoptr(GPtrArray) python = NULL;
  GlossCodingFilter filter = { 0, };
  const char *header[] = {
    "document", "document_guid", "page", "start", "end", "code_path", "coder", "quote",
    "memo", "created_at", "Local authority", "Score", "Inspected",
  };
  const char *ff;
  guint second_page, i;
  gint64 ann, bob;
  double value;

  /* "Alpha notes" (text) sorts before "Beta report" (PDF). */
  g_assert_true (gloss_test_make_pdf (pdf_path, pages, &error));
  g_assert_no_error (error);
  pdf = gloss_project_import_file (f->project, pdf_file, NULL, NULL, &error);
  g_assert_no_error (error);
  text = import_text (f->project, f->dir, "Alpha notes.txt",
                      "Café staff said:\n\"help came late\", and 中文 😀 notes.\n");

  authority = gloss_project_add_attribute (f->project, "Local authority", GLOSS_ATTRIBUTE_TEXT, NULL, &error);
  g_assert_no_error (error);
  score = gloss_project_add_attribute (f->project, "Score", GLOSS_ATTRIBUTE_NUMBER, NULL, &error);
  g_assert_no_error (error);
  inspected = gloss_project_add_attribute (f->project, "Inspected", GLOSS_ATTRIBUTE_DATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_project_set_attribute_value (f->project, gloss_document_get_id (text), authority->id,
                                                    "Lewisham, south", FALSE, &error));
  g_assert_true (gloss_project_set_attribute_value (f->project, gloss_document_get_id (text), score->id,
                                                    "3.5", FALSE, &error));
  g_assert_true (gloss_project_set_attribute_value (f->project, gloss_document_get_id (pdf), inspected->id,
                                                    "2015-10-26", FALSE, &error));
  g_assert_no_error (error);

  make_codebook (f->project);
  ann = gloss_project_ensure_coder (f->project, "Ann", NULL);
  bob = gloss_project_ensure_coder (f->project, "Bob", NULL);

  /* The PDF's second page starts after the form feed. */
  pdf_text = gloss_project_load_document_text (f->project, gloss_document_get_id (pdf), &error);
  g_assert_no_error (error);
  ff = strchr (pdf_text, '\f');
  g_assert_nonnull (ff);
  second_page = g_utf8_pointer_to_offset (pdf_text, ff) + 1;

  /* Text: "Café staff said:\n\"help came late\"" is code points 0–33
   * (the quote crosses the line end); 14–20 is "d:\n\"he". */
  add_coding (f->project, gloss_document_get_id (text), "Outcomes", bob, 0, 33, "memo, with \"quotes\"\nand a line");
  add_coding (f->project, gloss_document_get_id (text), "Practice", ann, 14, 20, NULL);
  add_coding (f->project, gloss_document_get_id (pdf), "Practice/Early help, café", ann, 0, 5, NULL);
  add_coding (f->project, gloss_document_get_id (pdf), "Practice", bob, second_page, second_page + 6, NULL);

  sheet = gloss_project_export_segments (f->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_sheet_get_n_columns (sheet), ==, G_N_ELEMENTS (header));
  for (i = 0; i < G_N_ELEMENTS (header); i++)
    g_assert_cmpstr (gloss_sheet_get_header (sheet, i), ==, header[i]);
  g_assert_cmpuint (gloss_sheet_get_n_rows (sheet), ==, 4);

  /* By document name, then start. */
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 0), ==, "Alpha notes");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 1), ==, gloss_document_get_guid (text));
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 2), ==, "1");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 3), ==, "0");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 4), ==, "33");
  g_assert_true (gloss_sheet_is_number (sheet, 0, 4, &value));
  g_assert_cmpfloat (value, ==, 33);
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 5), ==, "Outcomes");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 6), ==, "Bob");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 7), ==, "Café staff said:\n\"help came late\"");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 8), ==, "memo, with \"quotes\"\nand a line");
  g_assert_true (g_str_has_prefix (gloss_sheet_get_text (sheet, 0, 9), "20"));
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 10), ==, "Lewisham, south");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 11), ==, "3.5");
  g_assert_true (gloss_sheet_is_number (sheet, 0, 11, &value));
  g_assert_cmpfloat (value, ==, 3.5);
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 12), ==, "");

  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 3), ==, "14");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 4), ==, "20");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 7), ==, "d:\n\"he");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 8), ==, "");

  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 0), ==, "Beta report");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 2), ==, "1");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 5), ==, "Practice/Early help, café");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 7), ==, "First");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 10), ==, "");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 12), ==, "2015-10-26");
  /* On the second page. */
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 3, 2), ==, "2");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 3, 7), ==, "Second");

  /* Through CSV and back, by our parser and by Python's. */
  csv = gloss_sheet_to_csv (sheet, FALSE);
  records = parse_csv (csv);
  g_assert_cmpuint (records->len, ==, 5);
  g_assert_cmpstr (field (records, 1, 7), ==, "Café staff said:\n\"help came late\"");
  g_assert_cmpstr (field (records, 1, 8), ==, "memo, with \"quotes\"\nand a line");
  g_assert_cmpstr (field (records, 1, 10), ==, "Lewisham, south");
  g_assert_true (g_file_set_contents (csv_path, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL));
  python = python_read_csv (csv_path, "utf-8");
  if (python != NULL)
    {
      guint j;

      g_assert_cmpuint (python->len, ==, records->len);
      for (i = 0; i < records->len; i++)
        for (j = 0; j < G_N_ELEMENTS (header); j++)
          g_assert_cmpstr (((char **) g_ptr_array_index (python, i))[j], ==, field (records, i, j));
    }

  /* A filter: Practice and its sub-codes, Ann's. */
  filter.code_id = code_id (f->project, "Practice");
  filter.with_subcodes = TRUE;
  filter.coder_id = ann;
  filtered = gloss_project_export_segments (f->project, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_sheet_get_n_rows (filtered), ==, 2);
  g_assert_cmpstr (gloss_sheet_get_text (filtered, 0, 3), ==, "14");
  g_assert_cmpstr (gloss_sheet_get_text (filtered, 1, 5), ==, "Practice/Early help, café");
  g_clear_pointer (&filtered, gloss_sheet_unref);

  filter.with_subcodes = FALSE;
  filter.coder_id = 0;
  filter.document_id = gloss_document_get_id (pdf);
  filtered = gloss_project_export_segments (f->project, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_sheet_get_n_rows (filtered), ==, 1);
  g_assert_cmpstr (gloss_sheet_get_text (filtered, 0, 2), ==, "2");
}

/* ---- tables ---- */

static void
test_table_sheet (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GlossDocument) one = NULL;
  g_autoptr(GlossDocument) two = NULL;
  g_autoptr(GlossAttribute) judgement = NULL;
  g_autoptr(GlossTable) table = NULL;
  g_autoptr(GlossSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  GlossTableQuery query = { 0, };
  gint64 ann;
  double value;

  /* One: 20 characters, Two: 10 (with the line end). */
  one = import_text (f->project, f->dir, "One.txt", "abcdefghijklmnopqrs\n");
  two = import_text (f->project, f->dir, "Two.txt", "ABCDEFGHI\n");
  ann = gloss_project_ensure_coder (f->project, "Ann", NULL);
  add_code (f->project, "P", NULL, NULL);
  add_code (f->project, "P/Q", NULL, NULL);
  add_code (f->project, "R", NULL, NULL);
  judgement = gloss_project_add_attribute (f->project, "Judgement", GLOSS_ATTRIBUTE_TEXT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_project_set_attribute_value (f->project, gloss_document_get_id (one), judgement->id,
                                                    "Good", FALSE, &error));

  /* P: One 0–5, One 3–8 (8 characters), Two 0–5; P/Q: One 10–12; R: Two 2–4. */
  add_coding (f->project, gloss_document_get_id (one), "P", ann, 0, 5, NULL);
  add_coding (f->project, gloss_document_get_id (one), "P", ann, 3, 8, NULL);
  add_coding (f->project, gloss_document_get_id (two), "P", ann, 0, 5, NULL);
  add_coding (f->project, gloss_document_get_id (one), "P/Q", ann, 10, 12, NULL);
  add_coding (f->project, gloss_document_get_id (two), "R", ann, 2, 4, NULL);

  /* Codings by document. */
  query.columns = GLOSS_TABLE_COLUMNS_DOCUMENT;
  query.measure = GLOSS_MEASURE_CODINGS;
  table = gloss_project_compute_table (f->project, &query, NULL, &error);
  g_assert_no_error (error);
  sheet = gloss_table_to_sheet (table, "By document");
  g_assert_cmpstr (gloss_sheet_get_name (sheet), ==, "By document");
  g_assert_cmpuint (gloss_sheet_get_n_columns (sheet), ==, 4);
  g_assert_cmpstr (gloss_sheet_get_header (sheet, 0), ==, "code");
  g_assert_cmpstr (gloss_sheet_get_header (sheet, 1), ==, "One");
  g_assert_cmpstr (gloss_sheet_get_header (sheet, 2), ==, "Two");
  g_assert_cmpstr (gloss_sheet_get_header (sheet, 3), ==, "total");
  g_assert_cmpuint (gloss_sheet_get_n_rows (sheet), ==, 4);
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 0), ==, "P");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 1), ==, "2");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 2), ==, "1");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 3), ==, "3");
  g_assert_true (gloss_sheet_is_number (sheet, 0, 3, &value));
  g_assert_cmpfloat (value, ==, 3);
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 0), ==, "P/Q");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 1), ==, "1");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 1, 2), ==, "0");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 0), ==, "R");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 2), ==, "1");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 3, 0), ==, "total");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 3, 1), ==, "3");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 3, 2), ==, "2");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 3, 3), ==, "5");
  g_clear_pointer (&sheet, gloss_sheet_unref);
  g_clear_pointer (&table, gloss_table_unref);

  /* Coverage by attribute, rolled up: P with P/Q covers One's 0–8 and
   * 10–12 (10 of 20) and Two's 0–5 (5 of 10).  "Good" is One; no value
   * is Two. */
  query.columns = GLOSS_TABLE_COLUMNS_ATTRIBUTE;
  query.attribute_id = judgement->id;
  query.measure = GLOSS_MEASURE_COVERAGE;
  query.roll_up = TRUE;
  table = gloss_project_compute_table (f->project, &query, NULL, &error);
  g_assert_no_error (error);
  sheet = gloss_table_to_sheet (table, "Coverage");
  g_assert_cmpuint (gloss_sheet_get_n_columns (sheet), ==, 4);
  g_assert_cmpstr (gloss_sheet_get_header (sheet, 1), ==, "Good");
  g_assert_cmpstr (gloss_sheet_get_header (sheet, 2), ==, "(no value)");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 1), ==, "50.00%");
  g_assert_true (gloss_sheet_is_number (sheet, 0, 1, &value));
  g_assert_cmpfloat_with_epsilon (value, 0.5, 1e-9);
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 2), ==, "50.00%");
  /* 15 of 30 characters. */
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 3), ==, "50.00%");
  /* R: 2 of Two's 10. */
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 2), ==, "20.00%");
  g_clear_pointer (&sheet, gloss_sheet_unref);
  g_clear_pointer (&table, gloss_table_unref);

  /* Co-occurrence: the diagonal is empty.  P (Two 0–5) and R (Two 2–4)
   * overlap once. */
  query.columns = GLOSS_TABLE_COLUMNS_COOCCURRENCE;
  query.attribute_id = 0;
  query.measure = GLOSS_MEASURE_CODINGS;
  query.roll_up = FALSE;
  table = gloss_project_compute_table (f->project, &query, NULL, &error);
  g_assert_no_error (error);
  sheet = gloss_table_to_sheet (table, "Co-occurrence");
  g_assert_cmpstr (gloss_sheet_get_header (sheet, 1), ==, "P");
  g_assert_cmpstr (gloss_sheet_get_header (sheet, 3), ==, "R");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 1), ==, "");
  g_assert_false (gloss_sheet_is_number (sheet, 0, 1, NULL));
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 0, 3), ==, "1");
  g_assert_cmpstr (gloss_sheet_get_text (sheet, 2, 1), ==, "1");
}

#define TEST(name, func) \
  g_test_add ("/export/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/sheet/cells", test_sheet_cells);
  g_test_add_func ("/export/sheet/csv", test_sheet_csv);
  g_test_add_func ("/export/sheet/write-errors", test_sheet_write_errors);
  g_test_add_func ("/export/sheet/xlsx", test_xlsx);
  TEST ("codebook", test_codebook);
  TEST ("codebook/round-trip", test_codebook_round_trip);
  TEST ("import/merge", test_import_merge);
  TEST ("import/refusals", test_import_refusals);
  TEST ("segments", test_segments);
  TEST ("table", test_table_sheet);

  return g_test_run ();
}
