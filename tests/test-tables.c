/* test-tables.c: cross-report tables (gloss-table.h), checked cell by cell
 * against values worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

/* The fixture, by hand.
 *
 * Documents (length in characters), and their attributes:
 *
 *   Alpha  100   Date 2019-03-01   Grade Good          Size 10
 *   Beta    50   Date 2019-11-20   Grade Outstanding   Size 9.5
 *   Gamma   40   Date 2020-01-05   Grade Good          Size 100
 *   Delta   10   (no date)         Grade Inadequate    (no size)
 *
 * Document columns come by name: Alpha, Beta, Delta, Gamma (200 chars).
 *
 * Codes, depth first (the rows): Safety, Safety/Risk, Voice, Empty.
 * Coders: ann, bob.
 *
 * Codings (document, code, coder, start–end):
 *
 *   c1  Alpha  Safety  ann   0–20
 *   c2  Alpha  Risk    ann  10–30   overlaps its parent's c1 on 10–20
 *   c3  Alpha  Risk    bob  25–40   overlaps c2 (same code) on 25–30
 *   c4  Alpha  Voice   ann  40–50   touches c3 at 40: no overlap
 *   c5  Alpha  Voice   bob  45–60   overlaps c4 (same code)
 *   c6  Beta   Voice   bob   0–10
 *   c7  Beta   Safety  bob   5–8    nested in c6
 *   c8  Beta   Safety  bob  20–30
 *   c9  Gamma  Risk    ann   0–40   the whole document
 *   c10 Gamma  Voice   ann  10–20   nested in c9
 *   c11 Gamma  Safety  bob  15–25   nested in c9, overlaps c10 on 15–20
 */

#define N NAN
#define EPSILON 1e-9

enum { SAFETY, RISK, VOICE, EMPTY };
enum { ALPHA, BETA, DELTA, GAMMA };   /* the document columns */

typedef struct
{
  char         *dir;
  GlossProject *project;
  gint64        documents[4];         /* by column: Alpha, Beta, Delta, Gamma */
  gint64        codes[4];
  gint64        ann;
  gint64        bob;
  gint64        date;
  gint64        grade;
  gint64        size;
  gint64        c[12];                /* c[1] … c[11] */
} Fixture;

static gint64
import_text (Fixture    *f,
             const char *name,
             guint       length)
{
  g_autofree char *file_name = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_build_filename (f->dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;
  GString *text = g_string_new (NULL);
  guint i;

  for (i = 0; i < length; i++)
    g_string_append_c (text, 'a' + i % 26);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);

  document = gloss_project_import_file (f->project, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_name (document), ==, name);
  g_assert_cmpuint (gloss_document_get_n_chars (document), ==, length);

  return gloss_document_get_id (document);
}

static gint64
add_code (Fixture    *f,
          const char *path,
          const char *colour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) code = gloss_project_ensure_code_path (f->project, path, colour, NULL, &error);

  g_assert_no_error (error);

  return gloss_code_get_id (code);
}

static gint64
add_coding (Fixture *f,
            int      document,
            int      code,
            gint64   coder,
            guint    start,
            guint    end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = gloss_project_add_coding (f->project, f->documents[document], f->codes[code],
                                                            coder, start, end, NULL, &error);

  g_assert_no_error (error);

  return gloss_coding_get_id (coding);
}

static void
set_value (Fixture    *f,
           int         document,
           gint64      attribute,
           const char *value)
{
  g_autoptr(GError) error = NULL;

  gloss_project_set_attribute_value (f->project, f->documents[document], attribute, value, FALSE, &error);
  g_assert_no_error (error);
}

static gint64
add_attribute (Fixture            *f,
               const char         *name,
               GlossAttributeType  type,
               const char * const *choices)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAttribute) attribute = gloss_project_add_attribute (f->project, name, type, choices, &error);

  g_assert_no_error (error);

  return attribute->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *grades[] = { "Outstanding", "Good", "Inadequate", NULL };
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = gloss_test_make_tmpdir ();
  path = g_build_filename (f->dir, "tables.gloss", NULL);
  f->project = gloss_project_create (path, "Tables", &error);
  g_assert_no_error (error);

  f->documents[ALPHA] = import_text (f, "Alpha", 100);
  f->documents[BETA] = import_text (f, "Beta", 50);
  f->documents[GAMMA] = import_text (f, "Gamma", 40);
  f->documents[DELTA] = import_text (f, "Delta", 10);

  f->codes[RISK] = add_code (f, "Safety/Risk", "#aa0000");
  f->codes[SAFETY] = add_code (f, "Safety", NULL);
  f->codes[VOICE] = add_code (f, "Voice", "#0000aa");
  f->codes[EMPTY] = add_code (f, "Empty", "#00aa00");

  f->ann = gloss_project_ensure_coder (f->project, "ann", &error);
  g_assert_no_error (error);
  f->bob = gloss_project_ensure_coder (f->project, "bob", &error);
  g_assert_no_error (error);

  f->c[1] = add_coding (f, ALPHA, SAFETY, f->ann, 0, 20);
  f->c[2] = add_coding (f, ALPHA, RISK, f->ann, 10, 30);
  f->c[3] = add_coding (f, ALPHA, RISK, f->bob, 25, 40);
  f->c[4] = add_coding (f, ALPHA, VOICE, f->ann, 40, 50);
  f->c[5] = add_coding (f, ALPHA, VOICE, f->bob, 45, 60);
  f->c[6] = add_coding (f, BETA, VOICE, f->bob, 0, 10);
  f->c[7] = add_coding (f, BETA, SAFETY, f->bob, 5, 8);
  f->c[8] = add_coding (f, BETA, SAFETY, f->bob, 20, 30);
  f->c[9] = add_coding (f, GAMMA, RISK, f->ann, 0, 40);
  f->c[10] = add_coding (f, GAMMA, VOICE, f->ann, 10, 20);
  f->c[11] = add_coding (f, GAMMA, SAFETY, f->bob, 15, 25);

  f->date = add_attribute (f, "Date", GLOSS_ATTRIBUTE_DATE, NULL);
  f->grade = add_attribute (f, "Grade", GLOSS_ATTRIBUTE_CHOICE, grades);
  f->size = add_attribute (f, "Size", GLOSS_ATTRIBUTE_NUMBER, NULL);
  set_value (f, ALPHA, f->date, "2019-03-01");
  set_value (f, BETA, f->date, "2019-11-20");
  set_value (f, GAMMA, f->date, "2020-01-05");
  set_value (f, ALPHA, f->grade, "Good");
  set_value (f, BETA, f->grade, "Outstanding");
  set_value (f, GAMMA, f->grade, "Good");
  set_value (f, DELTA, f->grade, "Inadequate");
  set_value (f, ALPHA, f->size, "10");
  set_value (f, BETA, f->size, "9.5");
  set_value (f, GAMMA, f->size, "100");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gloss_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* ---- helpers ---- */

static GArray *
ids (guint n, ...)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;
  guint i;

  va_start (args, n);
  for (i = 0; i < n; i++)
    {
      gint64 id = va_arg (args, gint64);

      g_array_append_val (array, id);
    }
  va_end (args);

  return array;
}

static GlossTable *
compute (Fixture           *f,
         GlossTableColumns  columns,
         gint64             attribute_id,
         gboolean           by_year,
         GlossMeasure       measure,
         gboolean           roll_up,
         GArray            *document_ids,
         GArray            *coder_ids)
{
  GlossTableQuery query = { 0, };
  g_autoptr(GError) error = NULL;
  GlossTable *table;

  query.columns = columns;
  query.attribute_id = attribute_id;
  query.by_year = by_year;
  query.measure = measure;
  query.roll_up = roll_up;
  query.document_ids = document_ids;
  query.coder_ids = coder_ids;

  table = gloss_project_compute_table (f->project, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpint (gloss_table_get_measure (table), ==, measure);

  return table;
}

static void
assert_close (double      actual,
              double      expected,
              const char *where,
              int         row,
              int         column)
{
  if (isnan (expected))
    {
      if (!isnan (actual))
        g_test_message ("%s (%d, %d): %g, expected NAN", where, row, column, actual);
      g_assert_true (isnan (actual));
      return;
    }
  if (fabs (actual - expected) > EPSILON)
    g_test_message ("%s (%d, %d): %g, expected %g", where, row, column, actual, expected);
  g_assert_cmpfloat_with_epsilon (actual, expected, EPSILON);
}

/* expected: each row's cells then its total; then the column totals and
 * the grand total. */
static void
assert_table (GlossTable   *table,
              const double *expected,
              gsize         n_expected)
{
  guint n_rows = gloss_table_get_n_rows (table);
  guint n_columns = gloss_table_get_n_columns (table);
  guint r, c, i = 0;

  g_assert_cmpuint (n_expected, ==, (n_rows + 1) * (n_columns + 1));
  for (r = 0; r < n_rows; r++)
    {
      for (c = 0; c < n_columns; c++)
        assert_close (gloss_table_get_value (table, r, c), expected[i++], "cell", r, c);
      assert_close (gloss_table_get_row_total (table, r), expected[i++], "row total", r, -1);
    }
  for (c = 0; c < n_columns; c++)
    assert_close (gloss_table_get_column_total (table, c), expected[i++], "column total", -1, c);
  assert_close (gloss_table_get_total (table), expected[i++], "total", -1, -1);
}

#define ASSERT_TABLE(table, ...) \
  G_STMT_START { \
    const double expected_[] = { __VA_ARGS__ }; \
    assert_table ((table), expected_, G_N_ELEMENTS (expected_)); \
  } G_STMT_END

/* The drill-down of a cell is exactly these codings (c numbers), in order. */
static void
assert_codings (Fixture    *f,
                GlossTable *table,
                int         row,
                int         column,
                guint       n,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codings = gloss_project_list_table_codings (f->project, table, row, column, &error);
  va_list args;
  guint i;

  g_assert_no_error (error);
  g_assert_nonnull (codings);
  if (codings->len != n)
    g_test_message ("cell (%d, %d): %u codings, expected %u", row, column, codings->len, n);
  g_assert_cmpuint (codings->len, ==, n);
  va_start (args, n);
  for (i = 0; i < n; i++)
    {
      int number = va_arg (args, int);

      g_assert_cmpint (gloss_coding_get_id (g_ptr_array_index (codings, i)), ==, f->c[number]);
    }
  va_end (args);
}

static void
assert_labels (GlossTable         *table,
               const char * const *labels,
               guint               n)
{
  guint i;

  g_assert_cmpuint (gloss_table_get_n_columns (table), ==, n);
  for (i = 0; i < n; i++)
    {
      g_assert_cmpstr (gloss_table_get_column_label (table, i), ==, labels[i]);
      g_assert_cmpint (gloss_table_get_column_id (table, i), ==, 0);
    }
}

/* ---- tests ---- */

static void
test_rows_and_columns (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GlossTable) table = NULL;
  g_autoptr(GlossTable) ref = NULL;
  g_autoptr(GArray) coders = ids (1, f->bob);
  const GlossTableQuery *query;
  const char *names[] = { "Alpha", "Beta", "Delta", "Gamma" };
  const char *paths[] = { "Safety", "Safety/Risk", "Voice", "Empty" };
  const guint depths[] = { 0, 1, 0, 0 };
  guint i;

  g_assert_true (G_TYPE_IS_BOXED (GLOSS_TYPE_TABLE));

  table = compute (f, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE, GLOSS_MEASURE_CODINGS, FALSE, NULL, coders);
  ref = gloss_table_ref (table);
  g_assert_true (ref == table);

  /* The table keeps its own copy of the query. */
  g_array_index (coders, gint64, 0) = f->ann;
  g_array_set_size (coders, 0);
  query = gloss_table_get_query (table);
  g_assert_cmpint (query->columns, ==, GLOSS_TABLE_COLUMNS_DOCUMENT);
  g_assert_null (query->document_ids);
  g_assert_nonnull (query->coder_ids);
  g_assert_true (query->coder_ids != coders);
  g_assert_cmpuint (query->coder_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (query->coder_ids, gint64, 0), ==, f->bob);

  g_assert_cmpuint (gloss_table_get_n_rows (table), ==, 4);
  for (i = 0; i < 4; i++)
    {
      g_assert_cmpint (gloss_table_get_row_code_id (table, i), ==, f->codes[i]);
      g_assert_cmpstr (gloss_table_get_row_path (table, i), ==, paths[i]);
      g_assert_cmpuint (gloss_table_get_row_depth (table, i), ==, depths[i]);
    }
  g_assert_cmpstr (gloss_table_get_row_colour (table, RISK), ==, "#aa0000");
  g_assert_cmpstr (gloss_table_get_row_colour (table, VOICE), ==, "#0000aa");
  g_assert_cmpstr (gloss_table_get_row_colour (table, EMPTY), ==, "#00aa00");
  g_assert_nonnull (gloss_table_get_row_colour (table, SAFETY));

  /* Every document, by name, even one without codings. */
  g_assert_cmpuint (gloss_table_get_n_columns (table), ==, 4);
  for (i = 0; i < 4; i++)
    {
      g_assert_cmpstr (gloss_table_get_column_label (table, i), ==, names[i]);
      g_assert_cmpint (gloss_table_get_column_id (table, i), ==, f->documents[i]);
    }
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GlossTable) codings = compute (f, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE, GLOSS_MEASURE_CODINGS,
                                           FALSE, NULL, NULL);
  g_autoptr(GlossTable) documents = compute (f, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE, GLOSS_MEASURE_DOCUMENTS,
                                             FALSE, NULL, NULL);
  g_autoptr(GlossTable) characters = compute (f, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE,
                                              GLOSS_MEASURE_CHARACTERS, FALSE, NULL, NULL);
  g_autoptr(GlossTable) coverage = compute (f, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE, GLOSS_MEASURE_COVERAGE,
                                            FALSE, NULL, NULL);

  /*             Alpha Beta Delta Gamma | total */
  ASSERT_TABLE (codings,
                1, 2, 0, 1, 4,          /* Safety: c1 | c7 c8 | c11 */
                2, 0, 0, 1, 3,          /* Risk: c2 c3 | c9 */
                2, 1, 0, 1, 4,          /* Voice: c4 c5 | c6 | c10 */
                0, 0, 0, 0, 0,          /* Empty */
                5, 3, 0, 3, 11);
  g_assert_cmpfloat (gloss_table_get_max_value (codings), ==, 2);

  ASSERT_TABLE (documents,
                1, 1, 0, 1, 3,
                1, 0, 0, 1, 2,
                1, 1, 0, 1, 3,
                0, 0, 0, 0, 0,
                1, 1, 0, 1, 3);
  g_assert_cmpfloat (gloss_table_get_max_value (documents), ==, 1);

  /* Risk in Alpha: 10–30 ∪ 25–40 = 30, the overlap counted once.  Voice
   * in Alpha: 40–50 ∪ 45–60 = 20.  Column totals: Alpha 0–60, Beta 0–10
   * and 20–30, Gamma all 40: the union, not the sum (Alpha's cells sum to
   * 70). */
  ASSERT_TABLE (characters,
                20, 13, 0, 10, 43,      /* Safety: 0–20 | 5–8, 20–30 | 15–25 */
                30, 0, 0, 40, 70,
                20, 10, 0, 10, 40,
                0, 0, 0, 0, 0,
                60, 20, 0, 40, 120);
  g_assert_cmpfloat (gloss_table_get_max_value (characters), ==, 40);

  /* Over each document's length (100, 50, 10, 40); totals over 200. */
  ASSERT_TABLE (coverage,
                0.2, 0.26, 0, 0.25, 43 / 200.0,
                0.3, 0, 0, 1.0, 70 / 200.0,
                0.2, 0.2, 0, 0.25, 40 / 200.0,
                0, 0, 0, 0, 0,
                0.6, 0.4, 0, 1.0, 120 / 200.0);
  g_assert_cmpfloat_with_epsilon (gloss_table_get_max_value (coverage), 1.0, EPSILON);

  /* Drilling down. */
  assert_codings (f, codings, RISK, ALPHA, 2, 2, 3);
  assert_codings (f, codings, SAFETY, BETA, 2, 7, 8);
  assert_codings (f, codings, EMPTY, ALPHA, 0);
  assert_codings (f, codings, RISK, DELTA, 0);
  assert_codings (f, codings, RISK, -1, 3, 2, 3, 9);
  assert_codings (f, codings, -1, GAMMA, 3, 9, 10, 11);
  assert_codings (f, codings, -1, -1, 11, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
}

static void
test_roll_up (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GlossTable) codings = compute (f, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE, GLOSS_MEASURE_CODINGS,
                                           TRUE, NULL, NULL);
  g_autoptr(GlossTable) documents = compute (f, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE, GLOSS_MEASURE_DOCUMENTS,
                                             TRUE, NULL, NULL);
  g_autoptr(GlossTable) characters = compute (f, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE,
                                              GLOSS_MEASURE_CHARACTERS, TRUE, NULL, NULL);
  g_autoptr(GlossTable) coverage = compute (f, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE, GLOSS_MEASURE_COVERAGE,
                                            TRUE, NULL, NULL);

  /* Safety counts Risk's codings too; a column's total still counts each
   * coding once (Alpha: 5, not 3 + 2 + 2). */
  ASSERT_TABLE (codings,
                3, 2, 0, 2, 7,          /* c1 c2 c3 | c7 c8 | c9 c11 */
                2, 0, 0, 1, 3,
                2, 1, 0, 1, 4,
                0, 0, 0, 0, 0,
                5, 3, 0, 3, 11);
  g_assert_cmpfloat (gloss_table_get_max_value (codings), ==, 3);

  ASSERT_TABLE (documents,
                1, 1, 0, 1, 3,
                1, 0, 0, 1, 2,
                1, 1, 0, 1, 3,
                0, 0, 0, 0, 0,
                1, 1, 0, 1, 3);

  /* Safety in Alpha: 0–20 ∪ 10–30 ∪ 25–40 = 40 (not 20 + 30); in Gamma:
   * 0–40 ∪ 15–25 = 40. */
  ASSERT_TABLE (characters,
                40, 13, 0, 40, 93,
                30, 0, 0, 40, 70,
                20, 10, 0, 10, 40,
                0, 0, 0, 0, 0,
                60, 20, 0, 40, 120);

  ASSERT_TABLE (coverage,
                0.4, 0.26, 0, 1.0, 93 / 200.0,
                0.3, 0, 0, 1.0, 70 / 200.0,
                0.2, 0.2, 0, 0.25, 40 / 200.0,
                0, 0, 0, 0, 0,
                0.6, 0.4, 0, 1.0, 120 / 200.0);

  assert_codings (f, codings, SAFETY, ALPHA, 3, 1, 2, 3);
  assert_codings (f, codings, SAFETY, -1, 7, 1, 2, 3, 7, 8, 9, 11);
  assert_codings (f, codings, RISK, ALPHA, 2, 2, 3);
}

static void
test_coders (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GlossTable) codings = compute (f, GLOSS_TABLE_COLUMNS_CODER, 0, FALSE, GLOSS_MEASURE_CODINGS,
                                           FALSE, NULL, NULL);
  g_autoptr(GlossTable) documents = compute (f, GLOSS_TABLE_COLUMNS_CODER, 0, FALSE, GLOSS_MEASURE_DOCUMENTS,
                                             FALSE, NULL, NULL);
  g_autoptr(GlossTable) characters = compute (f, GLOSS_TABLE_COLUMNS_CODER, 0, FALSE, GLOSS_MEASURE_CHARACTERS,
                                              FALSE, NULL, NULL);
  g_autoptr(GlossTable) coverage = compute (f, GLOSS_TABLE_COLUMNS_CODER, 0, FALSE, GLOSS_MEASURE_COVERAGE,
                                            FALSE, NULL, NULL);

  g_assert_cmpuint (gloss_table_get_n_columns (codings), ==, 2);
  g_assert_cmpstr (gloss_table_get_column_label (codings, 0), ==, "ann");
  g_assert_cmpint (gloss_table_get_column_id (codings, 0), ==, f->ann);
  g_assert_cmpstr (gloss_table_get_column_label (codings, 1), ==, "bob");
  g_assert_cmpint (gloss_table_get_column_id (codings, 1), ==, f->bob);

  /* ann: c1 c2 c4 c9 c10; bob: c3 c5 c6 c7 c8 c11. */
  ASSERT_TABLE (codings,
                1, 3, 4,
                2, 1, 3,
                2, 2, 4,
                0, 0, 0,
                5, 6, 11);

  ASSERT_TABLE (documents,
                1, 2, 3,                /* ann: Alpha; bob: Beta, Gamma */
                2, 1, 2,                /* ann: Alpha, Gamma; bob: Alpha */
                2, 2, 3,                /* ann: Alpha, Gamma; bob: Alpha, Beta */
                0, 0, 0,
                2, 3, 3);

  /* Column totals: ann Alpha 0–30 + 40–50, Gamma 0–40 = 80; bob Alpha
   * 25–40 + 45–60, Beta 0–10 + 20–30, Gamma 15–25 = 60. */
  ASSERT_TABLE (characters,
                20, 23, 43,             /* bob: 3 + 10 + 10 */
                60, 15, 70,             /* ann: 20 + 40 */
                20, 25, 40,             /* ann: 10 + 10; bob: 15 + 10 */
                0, 0, 0,
                80, 60, 120);

  /* A coder's column covers every document: 200 characters. */
  ASSERT_TABLE (coverage,
                0.1, 0.115, 0.215,
                0.3, 0.075, 0.35,
                0.1, 0.125, 0.2,
                0, 0, 0,
                0.4, 0.3, 0.6);

  assert_codings (f, codings, VOICE, 1, 2, 5, 6);
  assert_codings (f, codings, SAFETY, 0, 1, 1);
  assert_codings (f, codings, -1, 0, 5, 1, 2, 4, 9, 10);
}

static void
test_coder_filter (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) bob = ids (1, f->bob);
  g_autoptr(GlossTable) codings = compute (f, GLOSS_TABLE_COLUMNS_CODER, 0, FALSE, GLOSS_MEASURE_CODINGS,
                                           FALSE, NULL, bob);
  g_autoptr(GlossTable) coverage = compute (f, GLOSS_TABLE_COLUMNS_CODER, 0, FALSE, GLOSS_MEASURE_COVERAGE,
                                            FALSE, NULL, bob);
  g_autoptr(GlossTable) characters = compute (f, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE,
                                              GLOSS_MEASURE_CHARACTERS, FALSE, NULL, bob);

  g_assert_cmpuint (gloss_table_get_n_columns (codings), ==, 1);
  g_assert_cmpstr (gloss_table_get_column_label (codings, 0), ==, "bob");
  ASSERT_TABLE (codings,
                3, 3,
                1, 1,
                2, 2,
                0, 0,
                6, 6);
  ASSERT_TABLE (coverage,
                23 / 200.0, 23 / 200.0,
                15 / 200.0, 15 / 200.0,
                25 / 200.0, 25 / 200.0,
                0, 0,
                0.3, 0.3);

  /* bob's codings by document: c3 c5 | c6 c7 c8 | - | c11. */
  ASSERT_TABLE (characters,
                0, 13, 0, 10, 23,
                15, 0, 0, 0, 15,
                15, 10, 0, 0, 25,
                0, 0, 0, 0, 0,
                30, 20, 0, 10, 60);

  assert_codings (f, characters, VOICE, ALPHA, 1, 5);
  assert_codings (f, characters, -1, ALPHA, 2, 3, 5);
  assert_codings (f, codings, -1, -1, 6, 3, 5, 6, 7, 8, 11);
}

static void
test_document_filter (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GArray) some = ids (2, f->documents[GAMMA], f->documents[BETA]);
  g_autoptr(GlossTable) coverage = compute (f, GLOSS_TABLE_COLUMNS_DOCUMENT, 0, FALSE, GLOSS_MEASURE_COVERAGE,
                                            FALSE, some, NULL);
  g_autoptr(GlossTable) codings = compute (f, GLOSS_TABLE_COLUMNS_CODER, 0, FALSE, GLOSS_MEASURE_CODINGS,
                                           FALSE, some, NULL);

  /* Beta and Gamma, by name; 90 characters in scope. */
  g_assert_cmpuint (gloss_table_get_n_columns (coverage), ==, 2);
  g_assert_cmpint (gloss_table_get_column_id (coverage, 0), ==, f->documents[BETA]);
  g_assert_cmpint (gloss_table_get_column_id (coverage, 1), ==, f->documents[GAMMA]);
  ASSERT_TABLE (coverage,
                0.26, 0.25, 23 / 90.0,
                0, 1.0, 40 / 90.0,
                0.2, 0.25, 20 / 90.0,
                0, 0, 0,
                0.4, 1.0, 60 / 90.0);

  /* ann: c9 c10; bob: c6 c7 c8 c11. */
  ASSERT_TABLE (codings,
                0, 3, 3,
                1, 0, 1,
                1, 1, 2,
                0, 0, 0,
                2, 4, 6);

  assert_codings (f, coverage, -1, -1, 6, 6, 7, 8, 9, 10, 11);
  assert_codings (f, codings, VOICE, -1, 2, 6, 10);
}

static void
test_attribute_by_year (Fixture       *f,
                        gconstpointer  data)
{
  const char *years[] = { "2019", "2020", NULL };
  g_autoptr(GlossTable) codings = compute (f, GLOSS_TABLE_COLUMNS_ATTRIBUTE, f->date, TRUE, GLOSS_MEASURE_CODINGS,
                                           FALSE, NULL, NULL);
  g_autoptr(GlossTable) documents = compute (f, GLOSS_TABLE_COLUMNS_ATTRIBUTE, f->date, TRUE,
                                             GLOSS_MEASURE_DOCUMENTS, FALSE, NULL, NULL);
  g_autoptr(GlossTable) characters = compute (f, GLOSS_TABLE_COLUMNS_ATTRIBUTE, f->date, TRUE,
                                              GLOSS_MEASURE_CHARACTERS, FALSE, NULL, NULL);
  g_autoptr(GlossTable) coverage = compute (f, GLOSS_TABLE_COLUMNS_ATTRIBUTE, f->date, TRUE,
                                            GLOSS_MEASURE_COVERAGE, FALSE, NULL, NULL);

  /* 2019: Alpha and Beta (150 characters); 2020: Gamma (40); no date:
   * Delta (10). */
  assert_labels (codings, years, 3);
  ASSERT_TABLE (codings,
                3, 1, 0, 4,             /* c1 c7 c8 | c11 */
                2, 1, 0, 3,
                3, 1, 0, 4,
                0, 0, 0, 0,
                8, 3, 0, 11);
  ASSERT_TABLE (documents,
                2, 1, 0, 3,
                1, 1, 0, 2,
                2, 1, 0, 3,
                0, 0, 0, 0,
                2, 1, 0, 3);
  ASSERT_TABLE (characters,
                33, 10, 0, 43,
                30, 40, 0, 70,
                30, 10, 0, 40,
                0, 0, 0, 0,
                80, 40, 0, 120);
  ASSERT_TABLE (coverage,
                33 / 150.0, 0.25, 0, 0.215,
                30 / 150.0, 1.0, 0, 0.35,
                30 / 150.0, 0.25, 0, 0.2,
                0, 0, 0, 0,
                80 / 150.0, 1.0, 0, 0.6);

  assert_codings (f, codings, SAFETY, 0, 3, 1, 7, 8);
  assert_codings (f, codings, SAFETY, 2, 0);
  assert_codings (f, codings, -1, 1, 3, 9, 10, 11);
}

static void
test_attribute_values (Fixture       *f,
                       gconstpointer  data)
{
  const char *dates[] = { "2019-03-01", "2019-11-20", "2020-01-05", NULL };
  const char *grades[] = { "Outstanding", "Good", "Inadequate" };
  const char *some_grades[] = { "Good", "Inadequate" };
  const char *sizes[] = { "9.5", "10", "100", NULL };
  g_autoptr(GArray) some = ids (3, f->documents[ALPHA], f->documents[GAMMA], f->documents[DELTA]);
  g_autoptr(GlossTable) date = compute (f, GLOSS_TABLE_COLUMNS_ATTRIBUTE, f->date, FALSE,
                                        GLOSS_MEASURE_CHARACTERS, FALSE, NULL, NULL);
  g_autoptr(GlossTable) grade = compute (f, GLOSS_TABLE_COLUMNS_ATTRIBUTE, f->grade, FALSE,
                                         GLOSS_MEASURE_COVERAGE, FALSE, NULL, NULL);
  g_autoptr(GlossTable) grade_codings = compute (f, GLOSS_TABLE_COLUMNS_ATTRIBUTE, f->grade, FALSE,
                                                 GLOSS_MEASURE_CODINGS, FALSE, NULL, NULL);
  g_autoptr(GlossTable) some_grade = compute (f, GLOSS_TABLE_COLUMNS_ATTRIBUTE, f->grade, FALSE,
                                              GLOSS_MEASURE_DOCUMENTS, FALSE, some, NULL);
  g_autoptr(GlossTable) size = compute (f, GLOSS_TABLE_COLUMNS_ATTRIBUTE, f->size, FALSE,
                                        GLOSS_MEASURE_CODINGS, FALSE, NULL, NULL);
  g_autoptr(GlossTable) size_by_year = compute (f, GLOSS_TABLE_COLUMNS_ATTRIBUTE, f->size, TRUE,
                                                GLOSS_MEASURE_CODINGS, FALSE, NULL, NULL);
  GlossTableQuery query = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTable) missing = NULL;

  /* Dates by time, the document without one last. */
  assert_labels (date, dates, 4);
  ASSERT_TABLE (date,
                20, 13, 10, 0, 43,
                30, 0, 40, 0, 70,
                20, 10, 10, 0, 40,
                0, 0, 0, 0, 0,
                60, 20, 40, 0, 120);

  /* Choices in their list's order (not alphabetical); every document has
   * one, so no column for none.  Good: Alpha and Gamma, 140 characters. */
  assert_labels (grade, grades, 3);
  ASSERT_TABLE (grade,
                13 / 50.0, 30 / 140.0, 0, 0.215,
                0, 70 / 140.0, 0, 0.35,
                0.2, 30 / 140.0, 0, 0.2,
                0, 0, 0, 0,
                0.4, 100 / 140.0, 0, 0.6);
  ASSERT_TABLE (grade_codings,
                2, 2, 0, 4,
                0, 3, 0, 3,
                1, 3, 0, 4,
                0, 0, 0, 0,
                3, 8, 0, 11);
  assert_codings (f, grade_codings, RISK, 1, 3, 2, 3, 9);

  /* Only the values the documents in scope have. */
  assert_labels (some_grade, some_grades, 2);
  ASSERT_TABLE (some_grade,
                2, 0, 2,
                2, 0, 2,
                2, 0, 2,
                0, 0, 0,
                2, 0, 2);

  /* Numbers by value (9.5 < 10 < 100), and by_year means nothing for
   * them. */
  assert_labels (size, sizes, 4);
  assert_labels (size_by_year, sizes, 4);
  ASSERT_TABLE (size,
                2, 1, 1, 0, 4,
                0, 2, 1, 0, 3,
                1, 2, 1, 0, 4,
                0, 0, 0, 0, 0,
                3, 5, 3, 0, 11);

  query.columns = GLOSS_TABLE_COLUMNS_ATTRIBUTE;
  query.attribute_id = 9999;
  missing = gloss_project_compute_table (f->project, &query, NULL, &error);
  g_assert_null (missing);
  g_assert_nonnull (error);
}

static void
test_cooccurrence (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GlossTable) codings = compute (f, GLOSS_TABLE_COLUMNS_COOCCURRENCE, 0, FALSE, GLOSS_MEASURE_CODINGS,
                                           FALSE, NULL, NULL);
  g_autoptr(GlossTable) documents = compute (f, GLOSS_TABLE_COLUMNS_COOCCURRENCE, 0, FALSE,
                                             GLOSS_MEASURE_DOCUMENTS, FALSE, NULL, NULL);
  g_autoptr(GlossTable) characters = compute (f, GLOSS_TABLE_COLUMNS_COOCCURRENCE, 0, FALSE,
                                              GLOSS_MEASURE_CHARACTERS, FALSE, NULL, NULL);
  g_autoptr(GlossTable) coverage = compute (f, GLOSS_TABLE_COLUMNS_COOCCURRENCE, 0, FALSE,
                                            GLOSS_MEASURE_COVERAGE, FALSE, NULL, NULL);
  guint i;

  g_assert_cmpuint (gloss_table_get_n_columns (codings), ==, 4);
  for (i = 0; i < 4; i++)
    {
      g_assert_cmpint (gloss_table_get_column_id (codings, i), ==, f->codes[i]);
      g_assert_cmpstr (gloss_table_get_column_label (codings, i), ==, gloss_table_get_row_path (codings, i));
    }
  g_assert_cmpstr (gloss_table_get_column_label (codings, RISK), ==, "Safety/Risk");

  /* The pairs of overlapping codings of different codes:
   *
   *   c1–c2   Safety–Risk   Alpha  10–20   parent and child
   *   c6–c7   Voice–Safety  Beta    5–8    nested
   *   c9–c10  Risk–Voice    Gamma  10–20   nested
   *   c9–c11  Risk–Safety   Gamma  15–25   nested
   *   c10–c11 Voice–Safety  Gamma  15–20
   *
   * Not pairs: c2–c3 and c4–c5 (same code), c3–c4 (they only touch). */
  ASSERT_TABLE (codings,
                N, 2, 2, 0, 4,
                2, N, 1, 0, 3,
                2, 1, N, 0, 3,
                0, 0, 0, N, 0,
                4, 3, 3, 0, 5);
  g_assert_cmpfloat (gloss_table_get_max_value (codings), ==, 2);

  ASSERT_TABLE (documents,
                N, 2, 2, 0, 3,
                2, N, 1, 0, 2,
                2, 1, N, 0, 2,
                0, 0, 0, N, 0,
                3, 2, 2, 0, 3);

  /* Row totals are unions: Safety's with any other code is 10 (Alpha)
   * + 3 (Beta) + 15–25 (Gamma: 15–25 with Risk ∪ 15–20 with Voice) = 23,
   * not 20 + 8.  Risk: 10 + (15–25 ∪ 10–20) = 25.  Voice: 3 + (10–20 ∪
   * 15–20) = 13.  Grand total: 10 + 3 + 10–25 = 28. */
  ASSERT_TABLE (characters,
                N, 20, 8, 0, 23,
                20, N, 10, 0, 25,
                8, 10, N, 0, 13,
                0, 0, 0, N, 0,
                23, 25, 13, 0, 28);

  ASSERT_TABLE (coverage,
                N, 0.1, 0.04, 0, 0.115,
                0.1, N, 0.05, 0, 0.125,
                0.04, 0.05, N, 0, 0.065,
                0, 0, 0, N, 0,
                0.115, 0.125, 0.065, 0, 0.14);

  /* Drilling down: the row's codings that overlap the column's. */
  assert_codings (f, codings, SAFETY, RISK, 2, 1, 11);
  assert_codings (f, codings, RISK, SAFETY, 2, 2, 9);
  assert_codings (f, codings, SAFETY, VOICE, 2, 7, 11);
  assert_codings (f, codings, RISK, VOICE, 1, 9);
  assert_codings (f, codings, VOICE, RISK, 1, 10);
  assert_codings (f, codings, SAFETY, SAFETY, 0);
  assert_codings (f, codings, EMPTY, SAFETY, 0);
  assert_codings (f, codings, SAFETY, -1, 3, 1, 7, 11);
  assert_codings (f, codings, -1, RISK, 2, 2, 9);
  assert_codings (f, codings, -1, -1, 7, 1, 2, 6, 7, 9, 10, 11);
}

static void
test_cooccurrence_roll_up (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GlossTable) codings = compute (f, GLOSS_TABLE_COLUMNS_COOCCURRENCE, 0, FALSE, GLOSS_MEASURE_CODINGS,
                                           TRUE, NULL, NULL);
  g_autoptr(GlossTable) characters = compute (f, GLOSS_TABLE_COLUMNS_COOCCURRENCE, 0, FALSE,
                                              GLOSS_MEASURE_CHARACTERS, TRUE, NULL, NULL);
  g_autoptr(GArray) bob = ids (1, f->bob);
  g_autoptr(GlossTable) by_bob = compute (f, GLOSS_TABLE_COLUMNS_COOCCURRENCE, 0, FALSE, GLOSS_MEASURE_CODINGS,
                                          FALSE, NULL, bob);

  /* Safety's row also counts Risk's codings: c9–c10 (Risk–Voice) is now a
   * Safety–Voice pair too.  Safety with Risk is still the two pairs of a
   * Safety coding with a Risk coding: a Risk coding is not paired with
   * itself. */
  ASSERT_TABLE (codings,
                N, 2, 3, 0, 5,
                2, N, 1, 0, 3,
                3, 1, N, 0, 3,
                0, 0, 0, N, 0,
                5, 3, 3, 0, 5);

  /* Safety–Voice: 3 (Beta) + 10–20 ∪ 15–20 (Gamma) = 13; Safety's row:
   * 10 + 3 + 10–25 = 28. */
  ASSERT_TABLE (characters,
                N, 20, 13, 0, 28,
                20, N, 10, 0, 25,
                13, 10, N, 0, 13,
                0, 0, 0, N, 0,
                28, 25, 13, 0, 28);

  assert_codings (f, codings, SAFETY, VOICE, 3, 7, 9, 11);
  assert_codings (f, codings, VOICE, SAFETY, 2, 6, 10);

  /* bob's codings alone: c3 c5 c6 c7 c8 c11; only c6–c7 overlap. */
  ASSERT_TABLE (by_bob,
                N, 0, 1, 0, 1,
                0, N, 0, 0, 0,
                1, 0, N, 0, 1,
                0, 0, 0, N, 0,
                1, 0, 1, 0, 1);
  assert_codings (f, by_bob, -1, -1, 2, 6, 7);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTable) table = NULL;
  GlossTableQuery query = { 0, };
  GlossTableColumns columns;

  g_cancellable_cancel (cancellable);
  for (columns = GLOSS_TABLE_COLUMNS_DOCUMENT; columns <= GLOSS_TABLE_COLUMNS_COOCCURRENCE; columns++)
    {
      query.columns = columns;
      query.attribute_id = f->date;
      table = gloss_project_compute_table (f->project, &query, cancellable, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (table);
      g_clear_error (&error);
    }

  /* Not cancelled, it computes. */
  query.columns = GLOSS_TABLE_COLUMNS_DOCUMENT;
  g_cancellable_reset (cancellable);
  table = gloss_project_compute_table (f->project, &query, cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (gloss_table_get_total (table), ==, 11);
}

static gpointer
compute_in_thread (gpointer data)
{
  Fixture *f = data;
  GlossTableQuery query = { 0, };

  query.columns = GLOSS_TABLE_COLUMNS_COOCCURRENCE;
  query.measure = GLOSS_MEASURE_CHARACTERS;

  return gloss_project_compute_table (f->project, &query, NULL, NULL);
}

static void
test_thread (Fixture       *f,
             gconstpointer  data)
{
  GThread *thread = g_thread_new ("table", compute_in_thread, f);
  g_autoptr(GlossTable) table = g_thread_join (thread);

  g_assert_nonnull (table);
  g_assert_cmpfloat (gloss_table_get_total (table), ==, 28);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
assert_found (Fixture            *f,
              gint64              attribute,
              const char * const *values,
              guint               n,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = gloss_project_find_documents (f->project, attribute, values, &error);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;
  guint i;

  g_assert_no_error (error);
  g_assert_nonnull (found);
  va_start (args, n);
  for (i = 0; i < n; i++)
    {
      gint64 id = f->documents[va_arg (args, int)];

      g_array_append_val (expected, id);
    }
  va_end (args);
  g_array_sort (expected, compare_ids);

  g_assert_cmpuint (found->len, ==, expected->len);
  for (i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (found, gint64, i), ==, g_array_index (expected, gint64, i));
}

static void
test_find_documents (Fixture       *f,
                     gconstpointer  data)
{
  const char *year[] = { "2019", NULL };
  const char *date_or_none[] = { "2020-01-05", "", NULL };
  const char *typed_date[] = { "05/01/2020", NULL };
  const char *good[] = { "good", NULL };
  const char *good_or_bad[] = { "Good", "Inadequate", NULL };
  const char *size[] = { "9.5", NULL };
  const char *none[] = { "", NULL };
  const char *nothing[] = { NULL };
  const char *other_year[] = { "2018", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;

  assert_found (f, f->date, year, 2, ALPHA, BETA);
  assert_found (f, f->date, date_or_none, 2, GAMMA, DELTA);
  assert_found (f, f->date, typed_date, 1, GAMMA);
  assert_found (f, f->date, other_year, 0);
  assert_found (f, f->grade, good, 2, ALPHA, GAMMA);
  assert_found (f, f->grade, good_or_bad, 3, ALPHA, GAMMA, DELTA);
  assert_found (f, f->grade, none, 0);
  assert_found (f, f->size, size, 1, BETA);
  assert_found (f, f->size, none, 1, DELTA);
  assert_found (f, f->size, nothing, 0);

  found = gloss_project_find_documents (f->project, 9999, year, &error);
  g_assert_null (found);
  g_assert_nonnull (error);
}

static void
test_measures (void)
{
  GlossMeasure measures[] = {
    GLOSS_MEASURE_CODINGS, GLOSS_MEASURE_DOCUMENTS, GLOSS_MEASURE_CHARACTERS, GLOSS_MEASURE_COVERAGE,
  };
  const char *names[] = { "codings", "documents", "characters", "coverage" };
  GlossMeasure measure;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      g_assert_cmpstr (gloss_measure_to_string (measures[i]), ==, names[i]);
      measure = -1;
      g_assert_true (gloss_measure_from_string (names[i], &measure));
      g_assert_cmpint (measure, ==, measures[i]);
    }
  g_assert_false (gloss_measure_from_string ("bogus", &measure));
  g_assert_false (gloss_measure_from_string (NULL, &measure));

#define ASSERT_FORMAT(measure, value, expected) \
  G_STMT_START { \
    g_autofree char *text_ = gloss_measure_format ((measure), (value)); \
    g_assert_cmpstr (text_, ==, (expected)); \
  } G_STMT_END

  ASSERT_FORMAT (GLOSS_MEASURE_CODINGS, 12, "12");
  ASSERT_FORMAT (GLOSS_MEASURE_DOCUMENTS, 0, "0");
  ASSERT_FORMAT (GLOSS_MEASURE_CHARACTERS, 123456, "123456");
  ASSERT_FORMAT (GLOSS_MEASURE_COVERAGE, 0.125, "12.50%");
  ASSERT_FORMAT (GLOSS_MEASURE_COVERAGE, 1.0, "100.00%");
  ASSERT_FORMAT (GLOSS_MEASURE_COVERAGE, 0, "0.00%");
  ASSERT_FORMAT (GLOSS_MEASURE_COVERAGE, 43 / 200.0, "21.50%");
  ASSERT_FORMAT (GLOSS_MEASURE_COVERAGE, 1 / 3.0, "33.33%");
  ASSERT_FORMAT (GLOSS_MEASURE_CODINGS, NAN, "");
  ASSERT_FORMAT (GLOSS_MEASURE_COVERAGE, NAN, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/tables/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("rows-and-columns", test_rows_and_columns);
  ADD ("documents", test_documents);
  ADD ("roll-up", test_roll_up);
  ADD ("coders", test_coders);
  ADD ("coder-filter", test_coder_filter);
  ADD ("document-filter", test_document_filter);
  ADD ("attribute-by-year", test_attribute_by_year);
  ADD ("attribute-values", test_attribute_values);
  ADD ("cooccurrence", test_cooccurrence);
  ADD ("cooccurrence-roll-up", test_cooccurrence_roll_up);
  ADD ("cancel", test_cancel);
  ADD ("thread", test_thread);
  ADD ("find-documents", test_find_documents);
  g_test_add_func ("/tables/measures", test_measures);

  return g_test_run ();
}
