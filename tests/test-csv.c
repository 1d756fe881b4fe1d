/* test-csv.c: the RFC 4180 reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss.h"

static GPtrArray *
parse_ok (const char *data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = gloss_csv_parse (data, strlen (data), &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);

  return records;
}

static void
assert_record (GPtrArray          *records,
               guint               index,
               guint               line,
               const char * const *fields)
{
  const GlossCsvRecord *record;

  g_assert_cmpuint (index, <, records->len);
  record = g_ptr_array_index (records, index);
  g_assert_cmpuint (record->line, ==, line);
  g_assert_cmpuint (record->n_fields, ==, g_strv_length ((char **) fields));
  g_assert_cmpstrv (record->fields, fields);
}

static void
assert_fails (const char *data,
              gsize       length,
              const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = gloss_csv_parse (data, length, &error);

  g_assert_null (records);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message_part);
}

static void
test_plain (void)
{
  g_autoptr(GPtrArray) records = parse_ok ("a,b,c\n1,2,3\n");
  const char *first[] = { "a", "b", "c", NULL };
  const char *second[] = { "1", "2", "3", NULL };

  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 0, 1, first);
  assert_record (records, 1, 2, second);
}

static void
test_quoted (void)
{
  /* A comma, a doubled quote, CRLF and LF inside quotes; spaces kept. */
  g_autoptr(GPtrArray) records =
    parse_ok ("name,note\r\n"
              "\"Lewisham, London\",\"He said \"\"good\"\"\"\r\n"
              "\"two\r\nlines\",\"and\nthree\nlines\"\r\n"
              " spaced ,\"\"\r\n");
  const char *header[] = { "name", "note", NULL };
  const char *first[] = { "Lewisham, London", "He said \"good\"", NULL };
  const char *second[] = { "two\nlines", "and\nthree\nlines", NULL };
  const char *third[] = { " spaced ", "", NULL };

  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1, header);
  assert_record (records, 1, 2, first);
  /* Records keep the line they start on, counting lines inside quotes. */
  assert_record (records, 2, 3, second);
  assert_record (records, 3, 7, third);
}

static void
test_line_ends (void)
{
  const char *ab[] = { "a", "b", NULL };
  const char *cd[] = { "c", "d", NULL };
  const char *inputs[] = {
    "a,b\nc,d\n",
    "a,b\r\nc,d\r\n",
    "a,b\rc,d\r",
    "a,b\nc,d",         /* no line end after the last record */
    "\xef\xbb\xbf" "a,b\r\nc,d",  /* a byte-order mark */
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) records = parse_ok (inputs[i]);

      g_assert_cmpuint (records->len, ==, 2);
      assert_record (records, 0, 1, ab);
      assert_record (records, 1, 2, cd);
    }
}

static void
test_empty_fields (void)
{
  g_autoptr(GPtrArray) records = parse_ok (",\n\na,\n,b");
  g_autoptr(GPtrArray) none = parse_ok ("");
  g_autoptr(GPtrArray) bom_only = parse_ok ("\xef\xbb\xbf");
  const char *two_empty[] = { "", "", NULL };
  const char *blank[] = { "", NULL };
  const char *a_empty[] = { "a", "", NULL };
  const char *empty_b[] = { "", "b", NULL };

  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1, two_empty);
  assert_record (records, 1, 2, blank);
  assert_record (records, 2, 3, a_empty);
  assert_record (records, 3, 4, empty_b);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (bom_only->len, ==, 0);
}

static void
test_malformed (void)
{
  static const char unterminated[] = "a,b\nc,\"never\nclosed,d\ne,f\n";
  static const char stray[] = "a,b\nc,d\nx\"y,z\n";
  static const char after[] = "a,b\n\"q\"x,z\n";
  static const char binary[] = "a,b\n\0c,d\n";

  /* The line where the quote opened. */
  assert_fails (unterminated, strlen (unterminated), "Line 2");
  assert_fails (stray, strlen (stray), "Line 3");
  assert_fails (after, strlen (after), "Line 2");
  assert_fails (binary, sizeof binary - 1, "binary");
}

static void
test_windows_1252 (void)
{
  /* "Café – “good”" as a spreadsheet on Windows saves it. */
  g_autoptr(GPtrArray) records = parse_ok ("name\nCaf\xe9 \x96 \x93good\x94\n");
  const char *name[] = { "name", NULL };
  const char *value[] = { "Caf\xc3\xa9 \xe2\x80\x93 \xe2\x80\x9cgood\xe2\x80\x9d", NULL };

  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 0, 1, name);
  assert_record (records, 1, 2, value);
}

static void
test_writer (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *row[] = { "plain", "a,b", "say \"hi\"", "two\nlines", " padded", "", "Caf\xc3\xa9" };

  gloss_csv_append_row (out, row, G_N_ELEMENTS (row));
  g_assert_cmpstr (out->str, ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",,Caf\xc3\xa9\r\n");
}

static void
test_round_trip (void)
{
  const char *rows[][4] = {
    { "document", "Local authority", "Overall", "Note" },
    { "Report, one", "Lewisham", "Good", "He said \"fine\",\nthen left." },
    { "", "\"", ",", "\n" },
    { "x", "  both  ", "\r\n", "Caf\xc3\xa9 \xf0\x9f\x98\x80" },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  guint i, j;

  for (i = 0; i < G_N_ELEMENTS (rows); i++)
    gloss_csv_append_row (out, rows[i], 4);

  records = parse_ok (out->str);
  g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (rows));
  for (i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const GlossCsvRecord *record = g_ptr_array_index (records, i);

      g_assert_cmpuint (record->n_fields, ==, 4);
      for (j = 0; j < 4; j++)
        {
          /* A CRLF inside a field reads back as LF. */
          if (strcmp (rows[i][j], "\r\n") == 0)
            g_assert_cmpstr (record->fields[j], ==, "\n");
          else
            g_assert_cmpstr (record->fields[j], ==, rows[i][j]);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/plain", test_plain);
  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/empty-fields", test_empty_fields);
  g_test_add_func ("/csv/malformed", test_malformed);
  g_test_add_func ("/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/writer", test_writer);
  g_test_add_func ("/csv/round-trip", test_round_trip);

  return g_test_run ();
}
