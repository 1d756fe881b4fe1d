/* test-agreement.c: the agreement of a project's coders (gloss-agreement.h)
 * and the command line's agreement, against figures worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

/* The fixture, by hand.
 *
 * Documents (text; offsets in characters), listed by name:
 *
 *   Alpha (67): "Aaaa aaaa. Bbbb bbbb. Cccc cccc.\n\nDddd dddd. Eeee eeee. Ffff ffff.\n"
 *       sentences S0 0–10, S1 11–21, S2 22–32, S3 34–44, S4 45–55, S5 56–66
 *       paragraphs P0 0–32, P1 34–66 (a blank line between them)
 *   Beta (43):  "Gggg gggg. Hhhh hhhh. Iiii iiii. Jjjj jjjj."
 *       sentences 0–10, 11–21, 22–32, 33–43; one paragraph 0–43
 *   Gamma (20): "Kkkk kkkk. Llll llll"
 *       sentences 0–10, 11–20; one paragraph 0–20; nobody codes in it
 *
 * 130 characters, 12 sentences, 4 paragraphs in all.
 *
 * Codes (codebook order): Safety, Safety/Risk, Voice, Empty.
 * Coders: ann, ben, cat.
 *
 * Codings (document, code, coder, start–end):
 *
 *   Alpha  Safety  ann   0–20
 *   Alpha  Safety  ann  15–25   overlaps the one before: ann's union 0–25
 *   Alpha  Safety  ben  10–30
 *   Alpha  Safety  cat   5–25
 *   Beta   Safety  ann   0–10
 *   Beta   Safety  ben   0–10
 *   Alpha  Risk    ann  40–50
 *   Alpha  Risk    ben  45–60
 *   Beta   Voice   ann  22–43
 *   Beta   Voice   cat  22–32
 *
 * ann and ben, characters (a both, b ann only, c ben only, d neither).
 * κ = 2 (ad − bc) / ((a+b)(b+d) + (a+c)(c+d)) (the same as
 * (p_o − p_e) / (1 − p_e)); α = 1 − (n − 1)(b + c) / (n_0 n_1) with
 * n = 2N, n_1 = 2a + b + c, n_0 = 2d + b + c.
 *
 *   Safety: Alpha: both 10–25 = 15, ann only 0–10 = 10, ben only 25–30
 *     = 5; Beta: both 0–10 = 10.  a 25, b 10, c 5, d 130 − 40 = 90.
 *     percent 115/130 = 0.885; κ = 2 (2250 − 50) / (35·100 + 30·95)
 *     = 4400/6350 = 0.693; α = 1 − 259·15 / (195·65) = 1 − 3885/12675
 *     = 0.693.
 *   Safety/Risk: Alpha: both 45–50 = 5, ann only 40–45 = 5, ben only
 *     50–60 = 10.  a 5, b 5, c 10, d 110.  percent 115/130 = 0.885;
 *     κ = 2 (550 − 50) / (10·115 + 15·120) = 1000/2950 = 0.339;
 *     α = 1 − 259·15 / (235·25) = 1 − 3885/5875 = 0.339.
 *   Voice: ann 22–43 in Beta, ben nothing.  a 0, b 21, c 0, d 109.
 *     percent 109/130 = 0.838; κ = 0 / (21·109) = 0; α = 1 − 259·21 /
 *     (239·21) = −20/239 = −0.084.  Note: "ben coded nothing".
 *   Empty: d 130: percent 1; κ and α undefined (every unit uncoded).
 *   ALL: a 30, b 36, c 15, d 439 (n 520).  percent 469/520 = 0.902;
 *     κ = 2 (13170 − 540) / (66·475 + 45·454) = 25260/51780 = 0.488;
 *     α = 1 − 1039·51 / (929·111) = 1 − 52989/103119 = 0.486.
 *
 *   By document: Safety in Alpha (67): a 15, b 10, c 5, d 37: percent
 *     52/67; κ = 2 (555 − 50) / (25·47 + 20·42) = 1010/2015; α = 1 −
 *     133·15 / (89·45) = 1 − 1995/4005.  Safety in Beta (43): a 10, d 33:
 *     perfect agreement, 1, 1, 1.
 *
 *   With sub-codes, Safety also has Risk's codings: Alpha: ann 0–25 and
 *     40–50, ben 10–30 and 45–60: both 15 + 5, ann only 10 + 5, ben only
 *     5 + 10; Beta: both 10.  a 30, b 15, c 15, d 70.  percent 100/130;
 *     κ = 2 (2100 − 225) / (45·85 + 45·85) = 3750/7650; α = 1 − 259·30 /
 *     (170·90) = 1 − 7770/15300.
 *
 * ann and ben, sentences (12 per code; a unit is coded when a coding
 * shares a character with it):
 *
 *   Safety: ann Alpha 0–25 → S0 S1 S2, Beta 0–10 → its first; ben Alpha
 *     10–30 → S1 S2 (S0 ends at 10), Beta its first.  a 3, b 1, c 0, d 8.
 *     percent 11/12 = 0.917; κ = 2·24 / (4·9 + 3·8) = 48/60 = 0.800;
 *     α = 1 − 23·1 / (17·7) = 1 − 23/119 = 0.807.
 *   Safety/Risk: ann 40–50 → S3 S4; ben 45–60 → S4 S5.  a 1, b 1, c 1,
 *     d 9.  percent 10/12 = 0.833; κ = 2 (9 − 1) / (2·10 + 2·10) = 0.400;
 *     α = 1 − 23·2 / (20·4) = 0.425.
 *   Voice: ann Beta 22–43 → its third and fourth.  a 0, b 2, c 0, d 10.
 *     percent 0.833; κ 0; α = 1 − 23·2 / (22·2) = −1/22 = −0.045.
 *   Empty: d 12.
 *   ALL: a 4, b 4, c 1, d 39 (n 48).  percent 43/48 = 0.896;
 *     κ = 2 (156 − 4) / (8·43 + 5·40) = 304/544 = 0.559;
 *     α = 1 − 95·5 / (83·13) = 1 − 475/1079 = 0.560.
 *
 * ann and ben, paragraphs (4 per code):
 *
 *   Safety: both Alpha P0 and Beta's: a 2, d 2: perfect, 1, 1, 1.
 *   Safety/Risk: both Alpha P1: a 1, d 3: 1, 1, 1.
 *   Voice: ann Beta's: b 1, d 3: percent 0.75, κ 0, α = 1 − 7·1 / (7·1) = 0.
 *   Empty: d 4.
 *   ALL: a 3, b 1, c 0, d 12: percent 15/16; κ = 2·36 / (4·13 + 3·12) =
 *     72/88; α = 1 − 31·1 / (25·7) = 1 − 31/175.
 *   Only Alpha and Beta, only Safety and Voice: 3 units per code.
 *     Safety a 2, d 1: 1, 1, 1.  Voice b 1, d 2: percent 2/3, κ 0, α =
 *     1 − 5·1 / (5·1) = 0.  ALL a 2, b 1, d 3: percent 5/6, κ = 2·6 /
 *     (3·4 + 2·3) = 12/18 = 0.667, α = 1 − 11·1 / (7·5) = 1 − 11/35 = 0.686.
 *
 * ann, ben and cat, characters: units_with[j] = characters j coders
 * coded.  With N units, m = 3, S = Σ j u_j, T = N m, D = Σ u_j j (m − j):
 * Fleiss κ = 1 − N m D / ((m − 1) S (T − S)); α = 1 − (T − 1)(D/2) /
 * (S (T − S)).
 *
 *   Safety: Alpha: 0–5 ann (1), 5–10 ann cat (2), 10–25 all (3), 25–30
 *     ben (1); Beta: 0–10 ann ben (2).  u = 90, 10, 15, 15.  S = 85,
 *     T = 390, D = 10·2 + 15·2 = 50.  κ = 1 − 390·50 / (2·85·305) =
 *     1 − 19500/51850 = 0.624; α = 1 − 389·25 / (85·305) = 1 − 9725/25925
 *     = 0.625.
 *   Safety/Risk: 40–45 (1), 45–50 (2), 50–60 (1): u = 110, 15, 5, 0.
 *     S = 25, D = 40.  κ = 1 − 390·40 / (2·25·365) = 1 − 15600/18250 =
 *     0.145; α = 1 − 389·20 / (25·365) = 1 − 7780/9125 = 0.147.  Note:
 *     "cat coded nothing".
 *   Voice: Beta 22–32 ann cat (2), 32–43 ann (1): u = 109, 11, 10, 0.
 *     S = 31, D = 42.  κ = 1 − 390·42 / (2·31·359) = 1 − 16380/22258 =
 *     0.264; α = 1 − 389·21 / (31·359) = 1 − 8169/11129 = 0.266.  Note:
 *     "ben coded nothing".
 *   Empty: u = 130, 0, 0, 0: undefined.
 *   ALL: u = 439, 36, 30, 15 (N 520, T 1560, S 141, D 132):
 *     κ = 1 − 1560·132 / (2·141·1419) = 1 − 205920/400158 = 0.485;
 *     α = 1 − 1559·66 / (141·1419) = 1 − 102894/200079 = 0.486.
 */

#define EPSILON 1e-12

enum { ALPHA, BETA, GAMMA };
enum { SAFETY, RISK, VOICE, EMPTY };
enum { ANN, BEN, CAT };

static const char * const texts[] = {
  "Aaaa aaaa. Bbbb bbbb. Cccc cccc.\n\nDddd dddd. Eeee eeee. Ffff ffff.\n",
  "Gggg gggg. Hhhh hhhh. Iiii iiii. Jjjj jjjj.",
  "Kkkk kkkk. Llll llll",
};
static const char * const names[] = { "Alpha", "Beta", "Gamma" };

typedef struct
{
  char         *dir;
  char         *path;
  GlossProject *project;
  gint64        documents[3];
  gint64        codes[4];
  gint64        coders[3];
} Fixture;

static gint64
import_text (Fixture *f,
             int      which)
{
  g_autofree char *file_name = g_strconcat (names[which], ".txt", NULL);
  g_autofree char *path = g_build_filename (f->dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;

  g_assert_true (g_file_set_contents (path, texts[which], -1, NULL));
  document = gloss_project_import_file (f->project, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_document_get_name (document), ==, names[which]);

  return gloss_document_get_id (document);
}

static gint64
add_code (Fixture    *f,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) code = gloss_project_ensure_code_path (f->project, path, NULL, NULL, &error);

  g_assert_no_error (error);

  return gloss_code_get_id (code);
}

static void
add_coding (Fixture *f,
            int      document,
            int      code,
            int      coder,
            guint    start,
            guint    end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = gloss_project_add_coding (f->project, f->documents[document], f->codes[code],
                                                            f->coders[coder], start, end, NULL, &error);

  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *coder_names[] = { "ann", "ben", "cat" };
  g_autoptr(GError) error = NULL;
  int i;

  f->dir = gloss_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "agreement.gloss", NULL);
  f->project = gloss_project_create (f->path, "Agreement", &error);
  g_assert_no_error (error);

  for (i = ALPHA; i <= GAMMA; i++)
    f->documents[i] = import_text (f, i);

  f->codes[SAFETY] = add_code (f, "Safety");
  f->codes[RISK] = add_code (f, "Safety/Risk");
  f->codes[VOICE] = add_code (f, "Voice");
  f->codes[EMPTY] = add_code (f, "Empty");

  for (i = ANN; i <= CAT; i++)
    {
      f->coders[i] = gloss_project_ensure_coder (f->project, coder_names[i], &error);
      g_assert_no_error (error);
    }

  add_coding (f, ALPHA, SAFETY, ANN, 0, 20);
  add_coding (f, ALPHA, SAFETY, ANN, 15, 25);
  add_coding (f, ALPHA, SAFETY, BEN, 10, 30);
  add_coding (f, ALPHA, SAFETY, CAT, 5, 25);
  add_coding (f, BETA, SAFETY, ANN, 0, 10);
  add_coding (f, BETA, SAFETY, BEN, 0, 10);
  add_coding (f, ALPHA, RISK, ANN, 40, 50);
  add_coding (f, ALPHA, RISK, BEN, 45, 60);
  add_coding (f, BETA, VOICE, ANN, 22, 43);
  add_coding (f, BETA, VOICE, CAT, 22, 32);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  gloss_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ---- helpers ---- */

static GArray *
ids_of (const gint64 *all,
        const int    *which,
        guint         n)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint i;

  for (i = 0; i < n; i++)
    g_array_append_val (ids, all[which[i]]);

  return ids;
}

typedef struct
{
  GlossAgreementUnit unit;
  guint              n_coders;      /* ann, ben (and cat) */
  const int         *documents;     /* NULL: every one */
  guint              n_documents;
  const int         *codes;         /* NULL: every one */
  guint              n_codes;
  gboolean           with_subcodes;
  gboolean           by_document;
} Ask;

static GPtrArray *
compute (Fixture   *f,
         const Ask *ask)
{
  const int coders[] = { ANN, BEN, CAT };
  g_autoptr(GArray) coder_ids = ids_of (f->coders, coders, ask->n_coders);
  g_autoptr(GArray) document_ids = ask->documents != NULL ? ids_of (f->documents, ask->documents, ask->n_documents) : NULL;
  g_autoptr(GArray) code_ids = ask->codes != NULL ? ids_of (f->codes, ask->codes, ask->n_codes) : NULL;
  g_autoptr(GError) error = NULL;
  GlossAgreementQuery query = { 0, };
  GPtrArray *rows;

  query.coder_ids = coder_ids;
  query.unit = ask->unit;
  query.document_ids = document_ids;
  query.code_ids = code_ids;
  query.with_subcodes = ask->with_subcodes;
  rows = gloss_project_compute_agreement (f->project, &query, ask->by_document, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

static void
assert_figure (double value,
               double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (value));
  else
    g_assert_cmpfloat_with_epsilon (value, expected, EPSILON);
}

/* A two-coder row: its place, its table and its figures. */
static void
assert_row2 (GlossAgreementRow *row,
             const char        *path,
             const char        *document,
             guint              n_documents,
             guint64            both,
             guint64            a_only,
             guint64            b_only,
             guint64            neither,
             double             percent,
             double             kappa,
             double             alpha,
             const char        *note)
{
  g_assert_cmpstr (row->code_path, ==, path);
  g_assert_cmpstr (row->document_name, ==, document);
  g_assert_cmpuint (row->n_documents, ==, n_documents);
  g_assert_cmpuint (row->n_coders, ==, 2);
  g_assert_cmpuint (row->n_units, ==, both + a_only + b_only + neither);
  g_assert_cmpuint (row->table.both, ==, both);
  g_assert_cmpuint (row->table.a_only, ==, a_only);
  g_assert_cmpuint (row->table.b_only, ==, b_only);
  g_assert_cmpuint (row->table.neither, ==, neither);
  g_assert_nonnull (row->units_with);
  g_assert_cmpuint (row->units_with[0], ==, neither);
  g_assert_cmpuint (row->units_with[1], ==, a_only + b_only);
  g_assert_cmpuint (row->units_with[2], ==, both);
  assert_figure (row->percent, percent);
  assert_figure (row->kappa, kappa);
  assert_figure (row->alpha, alpha);
  g_assert_cmpstr (row->note, ==, note);
}

static void
assert_row3 (GlossAgreementRow *row,
             const char        *path,
             const guint64      units_with[4],
             double             kappa,
             double             alpha,
             const char        *note)
{
  guint j;

  g_assert_cmpstr (row->code_path, ==, path);
  g_assert_null (row->document_name);
  g_assert_cmpuint (row->n_documents, ==, 3);
  g_assert_cmpuint (row->n_coders, ==, 3);
  g_assert_cmpuint (row->n_units, ==, units_with[0] + units_with[1] + units_with[2] + units_with[3]);
  for (j = 0; j <= 3; j++)
    g_assert_cmpuint (row->units_with[j], ==, units_with[j]);
  g_assert_true (isnan (row->percent));
  assert_figure (row->kappa, kappa);
  assert_figure (row->alpha, alpha);
  g_assert_cmpstr (row->note, ==, note);
}

#define ROW(i) ((GlossAgreementRow *) g_ptr_array_index (rows, (i)))

/* ---- the engine ---- */

static void
test_characters (Fixture       *f,
                 gconstpointer  data)
{
  Ask ask = { GLOSS_UNIT_CHARACTER, 2, };
  g_autoptr(GPtrArray) rows = compute (f, &ask);

  g_assert_cmpuint (rows->len, ==, 5);
  assert_row2 (ROW (0), "Safety", NULL, 3, 25, 10, 5, 90,
               115.0 / 130.0, 4400.0 / 6350.0, 1.0 - 3885.0 / 12675.0, NULL);
  g_assert_cmpint (ROW (0)->code_id, ==, f->codes[SAFETY]);
  g_assert_cmpint (ROW (0)->document_id, ==, 0);
  assert_row2 (ROW (1), "Safety/Risk", NULL, 3, 5, 5, 10, 110,
               115.0 / 130.0, 1000.0 / 2950.0, 1.0 - 3885.0 / 5875.0, NULL);
  assert_row2 (ROW (2), "Voice", NULL, 3, 0, 21, 0, 109,
               109.0 / 130.0, 0.0, -20.0 / 239.0, "ben coded nothing");
  assert_row2 (ROW (3), "Empty", NULL, 3, 0, 0, 0, 130,
               1.0, NAN, NAN, "ann coded nothing; ben coded nothing");
  assert_row2 (ROW (4), "ALL", NULL, 3, 30, 36, 15, 439,
               469.0 / 520.0, 25260.0 / 51780.0, 1.0 - 52989.0 / 103119.0, NULL);
  g_assert_cmpint (ROW (4)->code_id, ==, 0);

  /* The published rounding of the same figures. */
  g_assert_cmpfloat_with_epsilon (ROW (0)->kappa, 0.693, 0.0005);
  g_assert_cmpfloat_with_epsilon (ROW (4)->alpha, 0.486, 0.0005);
}

static void
test_by_document (Fixture       *f,
                  gconstpointer  data)
{
  Ask ask = { GLOSS_UNIT_CHARACTER, 2, .by_document = TRUE };
  g_autoptr(GPtrArray) rows = compute (f, &ask);

  /* Each code, then the documents where someone coded it, by name. */
  g_assert_cmpuint (rows->len, ==, 9);
  assert_row2 (ROW (0), "Safety", NULL, 3, 25, 10, 5, 90,
               115.0 / 130.0, 4400.0 / 6350.0, 1.0 - 3885.0 / 12675.0, NULL);
  assert_row2 (ROW (1), "Safety", "Alpha", 1, 15, 10, 5, 37,
               52.0 / 67.0, 1010.0 / 2015.0, 1.0 - 1995.0 / 4005.0, NULL);
  g_assert_cmpint (ROW (1)->document_id, ==, f->documents[ALPHA]);
  /* Perfect agreement. */
  assert_row2 (ROW (2), "Safety", "Beta", 1, 10, 0, 0, 33, 1.0, 1.0, 1.0, NULL);
  g_assert_cmpint (ROW (2)->document_id, ==, f->documents[BETA]);
  assert_row2 (ROW (3), "Safety/Risk", NULL, 3, 5, 5, 10, 110,
               115.0 / 130.0, 1000.0 / 2950.0, 1.0 - 3885.0 / 5875.0, NULL);
  g_assert_cmpstr (ROW (4)->code_path, ==, "Safety/Risk");
  g_assert_cmpstr (ROW (4)->document_name, ==, "Alpha");
  assert_row2 (ROW (5), "Voice", NULL, 3, 0, 21, 0, 109,
               109.0 / 130.0, 0.0, -20.0 / 239.0, "ben coded nothing");
  /* Beta (43): b 21, d 22.  κ 0; α = 1 − 85·21 / (65·21) = −20/65. */
  assert_row2 (ROW (6), "Voice", "Beta", 1, 0, 21, 0, 22,
               22.0 / 43.0, 0.0, -20.0 / 65.0, "ben coded nothing");
  assert_row2 (ROW (7), "Empty", NULL, 3, 0, 0, 0, 130,
               1.0, NAN, NAN, "ann coded nothing; ben coded nothing");
  /* ALL pools the codes' rows, not the documents'. */
  assert_row2 (ROW (8), "ALL", NULL, 3, 30, 36, 15, 439,
               469.0 / 520.0, 25260.0 / 51780.0, 1.0 - 52989.0 / 103119.0, NULL);
}

static void
test_document_filter (Fixture       *f,
                      gconstpointer  data)
{
  const int alpha[] = { ALPHA };
  const int voice[] = { VOICE };
  Ask ask = { GLOSS_UNIT_CHARACTER, 2, alpha, 1, };
  g_autoptr(GPtrArray) rows = compute (f, &ask);
  g_autoptr(GPtrArray) voice_rows = NULL;

  g_assert_cmpuint (rows->len, ==, 5);
  assert_row2 (ROW (0), "Safety", NULL, 1, 15, 10, 5, 37,
               52.0 / 67.0, 1010.0 / 2015.0, 1.0 - 1995.0 / 4005.0, NULL);
  /* Nobody coded Voice in Alpha. */
  assert_row2 (ROW (2), "Voice", NULL, 1, 0, 0, 0, 67,
               1.0, NAN, NAN, "ann coded nothing; ben coded nothing");

  /* Only Voice: one code row, and ALL is the same. */
  ask.documents = NULL;
  ask.codes = voice;
  ask.n_codes = 1;
  voice_rows = compute (f, &ask);
  g_assert_cmpuint (voice_rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = g_steal_pointer (&voice_rows);
  assert_row2 (ROW (0), "Voice", NULL, 3, 0, 21, 0, 109,
               109.0 / 130.0, 0.0, -20.0 / 239.0, "ben coded nothing");
  assert_row2 (ROW (1), "ALL", NULL, 3, 0, 21, 0, 109,
               109.0 / 130.0, 0.0, -20.0 / 239.0, "ben coded nothing");
}

static void
test_subcodes (Fixture       *f,
               gconstpointer  data)
{
  const int safety[] = { SAFETY };
  Ask ask = { GLOSS_UNIT_CHARACTER, 2, .with_subcodes = TRUE };
  g_autoptr(GPtrArray) rows = compute (f, &ask);
  g_autoptr(GPtrArray) only = NULL;

  g_assert_cmpuint (rows->len, ==, 5);
  assert_row2 (ROW (0), "Safety", NULL, 3, 30, 15, 15, 70,
               100.0 / 130.0, 3750.0 / 7650.0, 1.0 - 7770.0 / 15300.0, NULL);
  /* Risk has no sub-codes: as before. */
  assert_row2 (ROW (1), "Safety/Risk", NULL, 3, 5, 5, 10, 110,
               115.0 / 130.0, 1000.0 / 2950.0, 1.0 - 3885.0 / 5875.0, NULL);
  /* ALL: a 30 + 5, b 15 + 5 + 21, c 15 + 10, d 70 + 110 + 109 + 130. */
  g_assert_cmpuint (ROW (4)->table.both, ==, 35);
  g_assert_cmpuint (ROW (4)->table.a_only, ==, 41);
  g_assert_cmpuint (ROW (4)->table.b_only, ==, 25);
  g_assert_cmpuint (ROW (4)->table.neither, ==, 419);

  /* Safety alone, with its sub-code, even though Risk is not chosen. */
  ask.codes = safety;
  ask.n_codes = 1;
  only = compute (f, &ask);
  g_assert_cmpuint (only->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = g_steal_pointer (&only);
  assert_row2 (ROW (0), "Safety", NULL, 3, 30, 15, 15, 70,
               100.0 / 130.0, 3750.0 / 7650.0, 1.0 - 7770.0 / 15300.0, NULL);
  assert_row2 (ROW (1), "ALL", NULL, 3, 30, 15, 15, 70,
               100.0 / 130.0, 3750.0 / 7650.0, 1.0 - 7770.0 / 15300.0, NULL);
}

static void
test_sentences (Fixture       *f,
                gconstpointer  data)
{
  Ask ask = { GLOSS_UNIT_SENTENCE, 2, };
  g_autoptr(GPtrArray) rows = compute (f, &ask);

  g_assert_cmpuint (rows->len, ==, 5);
  assert_row2 (ROW (0), "Safety", NULL, 3, 3, 1, 0, 8,
               11.0 / 12.0, 48.0 / 60.0, 1.0 - 23.0 / 119.0, NULL);
  assert_row2 (ROW (1), "Safety/Risk", NULL, 3, 1, 1, 1, 9,
               10.0 / 12.0, 0.4, 0.425, NULL);
  assert_row2 (ROW (2), "Voice", NULL, 3, 0, 2, 0, 10,
               10.0 / 12.0, 0.0, -1.0 / 22.0, "ben coded nothing");
  assert_row2 (ROW (3), "Empty", NULL, 3, 0, 0, 0, 12,
               1.0, NAN, NAN, "ann coded nothing; ben coded nothing");
  assert_row2 (ROW (4), "ALL", NULL, 3, 4, 4, 1, 39,
               43.0 / 48.0, 304.0 / 544.0, 1.0 - 475.0 / 1079.0, NULL);
}

static void
test_paragraphs (Fixture       *f,
                 gconstpointer  data)
{
  Ask ask = { GLOSS_UNIT_PARAGRAPH, 2, .by_document = TRUE };
  g_autoptr(GPtrArray) rows = compute (f, &ask);

  /* Safety, Safety × Alpha, Safety × Beta, Risk, Risk × Alpha, Voice,
   * Voice × Beta, Empty, ALL. */
  g_assert_cmpuint (rows->len, ==, 9);
  assert_row2 (ROW (0), "Safety", NULL, 3, 2, 0, 0, 2, 1.0, 1.0, 1.0, NULL);
  assert_row2 (ROW (1), "Safety", "Alpha", 1, 1, 0, 0, 1, 1.0, 1.0, 1.0, NULL);
  /* Beta's one paragraph, coded by both: every unit in one category. */
  assert_row2 (ROW (2), "Safety", "Beta", 1, 1, 0, 0, 0, 1.0, NAN, NAN, "Every coder coded every unit");
  assert_row2 (ROW (3), "Safety/Risk", NULL, 3, 1, 0, 0, 3, 1.0, 1.0, 1.0, NULL);
  assert_row2 (ROW (5), "Voice", NULL, 3, 0, 1, 0, 3, 0.75, 0.0, 0.0, "ben coded nothing");
  assert_row2 (ROW (7), "Empty", NULL, 3, 0, 0, 0, 4, 1.0, NAN, NAN, "ann coded nothing; ben coded nothing");
  assert_row2 (ROW (8), "ALL", NULL, 3, 3, 1, 0, 12,
               15.0 / 16.0, 72.0 / 88.0, 1.0 - 31.0 / 175.0, NULL);
}

static void
test_three_coders (Fixture       *f,
                   gconstpointer  data)
{
  const guint64 safety[] = { 90, 10, 15, 15 };
  const guint64 risk[] = { 110, 15, 5, 0 };
  const guint64 voice[] = { 109, 11, 10, 0 };
  const guint64 empty[] = { 130, 0, 0, 0 };
  const guint64 all[] = { 439, 36, 30, 15 };
  Ask ask = { GLOSS_UNIT_CHARACTER, 3, };
  g_autoptr(GPtrArray) rows = compute (f, &ask);

  g_assert_cmpuint (rows->len, ==, 5);
  assert_row3 (ROW (0), "Safety", safety, 1.0 - 19500.0 / 51850.0, 1.0 - 9725.0 / 25925.0, NULL);
  assert_row3 (ROW (1), "Safety/Risk", risk, 1.0 - 15600.0 / 18250.0, 1.0 - 7780.0 / 9125.0,
               "cat coded nothing");
  assert_row3 (ROW (2), "Voice", voice, 1.0 - 16380.0 / 22258.0, 1.0 - 8169.0 / 11129.0,
               "ben coded nothing");
  assert_row3 (ROW (3), "Empty", empty, NAN, NAN,
               "ann coded nothing; ben coded nothing; cat coded nothing");
  assert_row3 (ROW (4), "ALL", all, 1.0 - 205920.0 / 400158.0, 1.0 - 102894.0 / 200079.0, NULL);
}

static void
test_nothing_in_scope (Fixture       *f,
                       gconstpointer  data)
{
  const int gamma[] = { GAMMA };
  Ask ask = { GLOSS_UNIT_SENTENCE, 2, gamma, 1, };
  g_autoptr(GPtrArray) rows = compute (f, &ask);
  g_autoptr(GArray) coder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) no_codes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  GlossAgreementQuery query = { 0, };
  GPtrArray *none;

  /* Gamma, which nobody coded: 2 sentences per code, all uncoded. */
  g_assert_cmpuint (rows->len, ==, 5);
  assert_row2 (ROW (0), "Safety", NULL, 1, 0, 0, 0, 2, 1.0, NAN, NAN,
               "ann coded nothing; ben coded nothing");
  assert_row2 (ROW (4), "ALL", NULL, 1, 0, 0, 0, 8, 1.0, NAN, NAN,
               "ann coded nothing; ben coded nothing");

  /* No codes at all: only ALL, with no units. */
  g_array_append_val (coder_ids, f->coders[ANN]);
  g_array_append_val (coder_ids, f->coders[BEN]);
  query.coder_ids = coder_ids;
  query.code_ids = no_codes;
  none = gloss_project_compute_agreement (f->project, &query, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = none;
  assert_row2 (ROW (0), "ALL", NULL, 3, 0, 0, 0, 0, NAN, NAN, NAN, "There are no units to compare");
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GArray) coder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) code_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GlossAgreementQuery query = { 0, };
  gint64 missing = 999999;
  GError *error = NULL;

  query.coder_ids = coder_ids;

  /* One coder. */
  g_array_append_val (coder_ids, f->coders[ANN]);
  g_assert_null (gloss_project_compute_agreement (f->project, &query, FALSE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  /* The same coder twice. */
  g_array_append_val (coder_ids, f->coders[ANN]);
  g_assert_null (gloss_project_compute_agreement (f->project, &query, FALSE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  /* A coder who does not exist. */
  g_array_index (coder_ids, gint64, 1) = missing;
  g_assert_null (gloss_project_compute_agreement (f->project, &query, FALSE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_array_index (coder_ids, gint64, 1) = f->coders[BEN];

  /* A document, a code. */
  g_array_append_val (document_ids, missing);
  query.document_ids = document_ids;
  g_assert_null (gloss_project_compute_agreement (f->project, &query, FALSE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  query.document_ids = NULL;

  g_array_append_val (code_ids, missing);
  query.code_ids = code_ids;
  g_assert_null (gloss_project_compute_agreement (f->project, &query, FALSE, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  query.code_ids = NULL;

  /* Cancelled. */
  g_cancellable_cancel (cancellable);
  g_assert_null (gloss_project_compute_agreement (f->project, &query, FALSE, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
}

/* ---- export ---- */

static void
assert_cell (GlossSheet *sheet,
             guint       row,
             const char *header,
             const char *text)
{
  guint column;

  for (column = 0; column < gloss_sheet_get_n_columns (sheet); column++)
    if (g_strcmp0 (gloss_sheet_get_header (sheet, column), header) == 0)
      break;
  g_assert_cmpuint (column, <, gloss_sheet_get_n_columns (sheet));
  g_assert_cmpstr (gloss_sheet_get_text (sheet, row, column), ==, text);
}

static void
test_sheet (Fixture       *f,
            gconstpointer  data)
{
  const char *two[] = {
    "code", "document", "documents", "units", "both", "a_only", "b_only", "neither",
    "percent_agreement", "cohen_kappa", "krippendorff_alpha", "note", "coders",
  };
  const char *three[] = {
    "code", "document", "documents", "units", "coded_by_0", "coded_by_1", "coded_by_2", "coded_by_3",
    "percent_agreement", "fleiss_kappa", "krippendorff_alpha", "note", "coders",
  };
  Ask ask = { GLOSS_UNIT_CHARACTER, 2, .by_document = TRUE };
  Ask ask3 = { GLOSS_UNIT_CHARACTER, 3, };
  g_autoptr(GPtrArray) rows = compute (f, &ask);
  g_autoptr(GPtrArray) rows3 = compute (f, &ask3);
  g_autoptr(GlossSheet) sheet = gloss_agreement_to_sheet (rows, 2, "ann, ben");
  g_autoptr(GlossSheet) sheet3 = gloss_agreement_to_sheet (rows3, 3, "ann, ben, cat");
  g_autoptr(GlossSheet) formulas = gloss_agreement_formulas_sheet ();
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *first_lines = NULL;
  double value = 0.0;
  guint i;

  g_assert_cmpuint (gloss_sheet_get_n_columns (sheet), ==, G_N_ELEMENTS (two));
  for (i = 0; i < G_N_ELEMENTS (two); i++)
    g_assert_cmpstr (gloss_sheet_get_header (sheet, i), ==, two[i]);
  g_assert_cmpuint (gloss_sheet_get_n_rows (sheet), ==, rows->len);

  /* Safety over the documents, then in Alpha. */
  assert_cell (sheet, 0, "code", "Safety");
  assert_cell (sheet, 0, "document", "");
  assert_cell (sheet, 0, "documents", "3");
  assert_cell (sheet, 0, "units", "130");
  assert_cell (sheet, 0, "both", "25");
  assert_cell (sheet, 0, "a_only", "10");
  assert_cell (sheet, 0, "b_only", "5");
  assert_cell (sheet, 0, "neither", "90");
  assert_cell (sheet, 0, "percent_agreement", "0.885");
  assert_cell (sheet, 0, "cohen_kappa", "0.693");
  assert_cell (sheet, 0, "krippendorff_alpha", "0.693");
  assert_cell (sheet, 0, "note", "");
  assert_cell (sheet, 0, "coders", "ann, ben");
  g_assert_true (gloss_sheet_is_number (sheet, 0, 9, &value));
  g_assert_cmpfloat_with_epsilon (value, 4400.0 / 6350.0, EPSILON);
  assert_cell (sheet, 1, "document", "Alpha");
  assert_cell (sheet, 1, "units", "67");
  /* Voice, and Empty with its undefined figures left empty. */
  assert_cell (sheet, 5, "code", "Voice");
  assert_cell (sheet, 5, "krippendorff_alpha", "-0.084");
  assert_cell (sheet, 5, "note", "ben coded nothing");
  assert_cell (sheet, 7, "code", "Empty");
  assert_cell (sheet, 7, "percent_agreement", "1.000");
  assert_cell (sheet, 7, "cohen_kappa", "");
  g_assert_false (gloss_sheet_is_number (sheet, 7, 9, NULL));
  assert_cell (sheet, 8, "code", "ALL");
  assert_cell (sheet, 8, "cohen_kappa", "0.488");

  g_assert_cmpuint (gloss_sheet_get_n_columns (sheet3), ==, G_N_ELEMENTS (three));
  for (i = 0; i < G_N_ELEMENTS (three); i++)
    g_assert_cmpstr (gloss_sheet_get_header (sheet3, i), ==, three[i]);
  assert_cell (sheet3, 0, "coded_by_0", "90");
  assert_cell (sheet3, 0, "coded_by_1", "10");
  assert_cell (sheet3, 0, "coded_by_2", "15");
  assert_cell (sheet3, 0, "coded_by_3", "15");
  assert_cell (sheet3, 0, "percent_agreement", "");
  assert_cell (sheet3, 0, "fleiss_kappa", "0.624");
  assert_cell (sheet3, 0, "krippendorff_alpha", "0.625");
  assert_cell (sheet3, 1, "note", "cat coded nothing");
  assert_cell (sheet3, 4, "coders", "ann, ben, cat");

  csv = gloss_sheet_to_csv (sheet, FALSE);
  first_lines = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_true (g_str_has_prefix (first_lines,
                                   "code,document,documents,units,both,a_only,b_only,neither,"
                                   "percent_agreement,cohen_kappa,krippendorff_alpha,note,coders\r\n"
                                   "Safety,,3,130,25,10,5,90,0.885,0.693,0.693,,\"ann, ben\"\r\n"
                                   "Safety,Alpha,1,67,15,10,5,37,0.776,0.501,0.502,,\"ann, ben\"\r\n"));

  /* The formulas: one row per statistic, name and formula. */
  g_assert_cmpuint (gloss_sheet_get_n_columns (formulas), ==, 2);
  g_assert_cmpstr (gloss_sheet_get_header (formulas, 0), ==, "statistic");
  g_assert_cmpstr (gloss_sheet_get_header (formulas, 1), ==, "formula");
  g_assert_cmpuint (gloss_sheet_get_n_rows (formulas), >=, 4);
  g_assert_cmpstr (gloss_sheet_get_text (formulas, 0, 0), ==, "Percent agreement");
  g_assert_nonnull (strstr (gloss_sheet_get_text (formulas, 0, 1), "(a + d) / n"));
  g_assert_cmpstr (gloss_sheet_get_text (formulas, 1, 0), ==, "Cohen\xe2\x80\x99s kappa");
  g_assert_nonnull (strstr (gloss_sheet_get_text (formulas, 1, 1), "(p_o \xe2\x88\x92 p_e) / (1 \xe2\x88\x92 p_e)"));
  g_assert_cmpstr (gloss_sheet_get_text (formulas, 2, 0), ==, "Fleiss\xe2\x80\x99 kappa");
  g_assert_nonnull (strstr (gloss_sheet_get_text (formulas, 2, 1), "m (m \xe2\x88\x92 1)"));
  g_assert_cmpstr (gloss_sheet_get_text (formulas, 3, 0), ==, "Krippendorff\xe2\x80\x99s alpha");
  g_assert_nonnull (strstr (gloss_sheet_get_text (formulas, 3, 1), "coincidence matrix"));
}

/* ---- the command line ---- */

/* Runs gloss-cli agreement on the fixture and checks its output, line by
 * line, against expected (NULL-terminated). */
static void
check_cli (Fixture            *f,
           const char * const *expected,
           const char         *first,
           ...)
{
  g_auto(GlossTestRun) run = { 0, };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) lines = NULL;
  const char *arg;
  va_list ap;
  guint i;

  g_ptr_array_add (args, (gpointer) first);
  va_start (ap, first);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_assert_cmpuint (args->len, <=, 14);
  while (args->len < 14)
    g_ptr_array_add (args, NULL);

  if (!gloss_test_run_cli (&run, "agreement", f->path,
                           args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3],
                           args->pdata[4], args->pdata[5], args->pdata[6], args->pdata[7],
                           args->pdata[8], args->pdata[9], args->pdata[10], args->pdata[11],
                           args->pdata[12], args->pdata[13], NULL))
    return;
  if (run.status != 0)
    g_printerr ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);

  lines = g_strsplit (run.out, "\n", -1);
  for (i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (lines[i], ==, expected[i]);
  g_assert_cmpstr (lines[i], ==, "");
  g_assert_null (lines[i + 1]);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *characters[] = {
    "code\tdocuments\tunits\tpercent_agreement\tcohen_kappa\tkrippendorff_alpha",
    "Safety\t3\t130\t0.885\t0.693\t0.693",
    "Safety/Risk\t3\t130\t0.885\t0.339\t0.339",
    "Voice\t3\t130\t0.838\t0.000\t-0.084",
    "Empty\t3\t130\t1.000\t\t",
    "ALL\t3\t520\t0.902\t0.488\t0.486",
    NULL,
  };
  const char *three[] = {
    "code\tdocuments\tunits\tpercent_agreement\tfleiss_kappa\tkrippendorff_alpha",
    "Safety\t3\t130\t\t0.624\t0.625",
    "Safety/Risk\t3\t130\t\t0.145\t0.147",
    "Voice\t3\t130\t\t0.264\t0.266",
    "Empty\t3\t130\t\t\t",
    "ALL\t3\t520\t\t0.485\t0.486",
    NULL,
  };
  const char *sentences[] = {
    "code\tdocuments\tunits\tpercent_agreement\tcohen_kappa\tkrippendorff_alpha",
    "Safety\t3\t12\t0.917\t0.800\t0.807",
    "Safety/Risk\t3\t12\t0.833\t0.400\t0.425",
    "Voice\t3\t12\t0.833\t0.000\t-0.045",
    "Empty\t3\t12\t1.000\t\t",
    "ALL\t3\t48\t0.896\t0.559\t0.560",
    NULL,
  };
  const char *paragraphs[] = {
    "code\tdocuments\tunits\tpercent_agreement\tcohen_kappa\tkrippendorff_alpha",
    "Safety\t2\t3\t1.000\t1.000\t1.000",
    "Voice\t2\t3\t0.667\t0.000\t0.000",
    "ALL\t2\t6\t0.833\t0.667\t0.686",
    NULL,
  };
  const char *subcodes[] = {
    "code\tdocuments\tunits\tpercent_agreement\tcohen_kappa\tkrippendorff_alpha",
    "Safety\t3\t130\t0.769\t0.490\t0.492",
    "ALL\t3\t130\t0.769\t0.490\t0.492",
    NULL,
  };
  g_auto(GlossTestRun) run = { 0, };

  check_cli (f, characters, "--coders", "ann,ben", NULL);
  check_cli (f, three, "--coders", "ann, ben,cat", NULL);
  check_cli (f, sentences, "--coders", "ann,ben", "--unit", "sentence", NULL);
  check_cli (f, paragraphs, "--coders", "ann,ben", "--unit", "paragraph",
             "--document", "Alpha", "--document", "Beta", "--code", "Safety", "--code", "Voice", NULL);
  check_cli (f, subcodes, "--coders", "ann,ben", "--code", "Safety", "--with-subcodes", NULL);

  /* The notes go to standard error. */
  if (!gloss_test_run_cli (&run, "agreement", f->path, "--coders", "ann,ben", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==,
                   "gloss-cli: note: Voice: ben coded nothing\n"
                   "gloss-cli: note: Empty: ann coded nothing; ben coded nothing\n");
}

static void
check_failure (Fixture    *f,
               int         status,
               const char *message,
               const char *first,
               ...)
{
  g_auto(GlossTestRun) run = { 0, };
  const char *args[6] = { first, NULL, };
  const char *arg;
  va_list ap;
  guint n = 1;

  va_start (ap, first);
  while (first != NULL && n < G_N_ELEMENTS (args) && (arg = va_arg (ap, const char *)) != NULL)
    args[n++] = arg;
  va_end (ap);

  if (!gloss_test_run_cli (&run, "agreement", f->path, args[0], args[1], args[2], args[3], args[4], args[5], NULL))
    return;
  g_assert_cmpint (run.status, ==, status);
  g_assert_cmpstr (run.out, ==, "");
  if (strstr (run.err, message) == NULL)
    g_error ("“%s” not in: %s", message, run.err);
}

static void
test_cli_errors (Fixture       *f,
                 gconstpointer  data)
{
  check_failure (f, 1, "no coder \xe2\x80\x9czed\xe2\x80\x9d", "--coders", "ann,zed", NULL);
  check_failure (f, 1, "Omega", "--coders", "ann,ben", "--document", "Omega", NULL);
  check_failure (f, 1, "Nowhere", "--coders", "ann,ben", "--code", "Nowhere", NULL);
  check_failure (f, 2, "at least two coders", "--coders", "ann", NULL);
  check_failure (f, 2, "at least two coders", NULL);
  check_failure (f, 2, "named twice", "--coders", "ann,ann", NULL);
  check_failure (f, 2, "\xe2\x80\x9cword\xe2\x80\x9d is not a unit", "--coders", "ann,ben", "--unit", "word", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, function) \
  g_test_add ("/agreement/" path, Fixture, NULL, fixture_set_up, function, fixture_tear_down)

  ADD ("characters", test_characters);
  ADD ("by-document", test_by_document);
  ADD ("document-filter", test_document_filter);
  ADD ("subcodes", test_subcodes);
  ADD ("sentences", test_sentences);
  ADD ("paragraphs", test_paragraphs);
  ADD ("three-coders", test_three_coders);
  ADD ("nothing-in-scope", test_nothing_in_scope);
  ADD ("errors", test_errors);
  ADD ("sheet", test_sheet);
  ADD ("cli", test_cli);
  ADD ("cli-errors", test_cli_errors);

#undef ADD

  return g_test_run ();
}
