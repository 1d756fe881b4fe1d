/* test-agreement-stats.c: agreement statistics on plain data, against
 * published worked examples and figures worked out by hand; and the
 * sentences and paragraphs of hand-made texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "gloss.h"

#define M NAN   /* a missing value */

/* Published figures have three decimals. */
#define assert_3dp(value, expected) \
  g_assert_cmpfloat_with_epsilon ((value), (expected), 0.0005)
#define assert_exact(value, expected) \
  g_assert_cmpfloat_with_epsilon ((value), (expected), 1e-12)

/* Krippendorff's alpha --------------------------------------------------- */

/* Wikipedia, "Krippendorff's alpha", the worked example: coders A, B, C
 * (rows here are units), 15 units, missing values.
 *
 *   unit  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 *   A     *  *  *  *  *  3  4  1  2  1  1  3  3  *  3
 *   B     1  *  2  1  3  3  4  3  *  *  *  *  *  *  *
 *   C     *  *  2  1  3  4  4  *  2  1  1  3  3  *  4
 *
 * By hand.  Units 1, 2 and 14 have fewer than two values and drop out;
 * the 26 pairable values have margins n_1 = 7, n_2 = 4, n_3 = 10, n_4 = 5.
 * Disagreeing pairs: unit 6 (3, 3, 4): four ordered pairs of 3 and 4,
 * each 1/(3 − 1); unit 8 (1, 3) and unit 15 (3, 4): two each, weighing 1.
 *
 *   nominal:  Σ o δ² = 4/2 + 2 + 2 = 6;
 *             Σ n_c n_k δ² = 26² − (49 + 16 + 100 + 25) = 486;
 *             α = 1 − 25 · 6 / 486 = 56/81 = 0.691 (as published)
 *   interval: Σ o δ² = 4/2 · 1 + 2 · 4 + 2 · 1 = 12;
 *             Σ n_c n_k δ² = 2 (7·4·1 + 7·10·4 + 7·5·9 + 4·10·1 + 4·5·4
 *                              + 10·5·1) = 2 · 793 = 1586;
 *             α = 1 − 25 · 12 / 1586 = 0.811 (as published)
 */
static const double wikipedia[15 * 3] = {
  M, 1, M,
  M, M, M,
  M, 2, 2,
  M, 1, 1,
  M, 3, 3,
  3, 3, 4,
  4, 4, 4,
  1, 3, M,
  2, M, 2,
  1, M, 1,
  1, M, 1,
  3, M, 3,
  3, M, 3,
  M, M, M,
  3, M, 4,
};

static void
test_alpha_wikipedia (void)
{
  double nominal = gloss_krippendorff_alpha (wikipedia, 15, 3, GLOSS_ALPHA_NOMINAL);
  double interval = gloss_krippendorff_alpha (wikipedia, 15, 3, GLOSS_ALPHA_INTERVAL);

  assert_3dp (nominal, 0.691);
  assert_3dp (interval, 0.811);
  assert_exact (nominal, 56.0 / 81.0);
  assert_exact (interval, 1.0 - 300.0 / 1586.0);
}

/* Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): four
 * observers, 12 units, nominal α = 0.743 and interval α = 0.849.
 *
 *   unit  1  2  3  4  5  6  7  8  9 10 11 12
 *   A     1  2  3  3  2  1  4  1  2  .  .  .
 *   B     1  2  3  3  2  2  4  1  2  5  .  3
 *   C     .  3  3  3  2  3  4  2  2  5  1  .
 *   D     1  2  3  3  2  4  4  1  2  5  1  .
 *
 * By hand (nominal).  Unit 12 has one value and drops out: 40 pairable
 * values, n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3.  Disagreeing
 * ordered pairs: unit 2 (2, 2, 3, 2) 6, weighing 1/3 each: 2; unit 6
 * (1, 2, 3, 4) 12: 4; unit 8 (1, 1, 2, 1) 6: 2.  Σ o δ² = 8;
 * Σ n_c n_k δ² = 40² − (81 + 169 + 100 + 25 + 9) = 1216;
 * α = 1 − 39 · 8 / 1216 = 0.743.
 */
static const double krippendorff_2011[12 * 4] = {
  1, 1, M, 1,
  2, 2, 3, 2,
  3, 3, 3, 3,
  3, 3, 3, 3,
  2, 2, 2, 2,
  1, 2, 3, 4,
  4, 4, 4, 4,
  1, 1, 2, 1,
  2, 2, 2, 2,
  M, 5, 5, 5,
  M, M, 1, 1,
  M, 3, M, M,
};

static void
test_alpha_krippendorff_2011 (void)
{
  double nominal = gloss_krippendorff_alpha (krippendorff_2011, 12, 4, GLOSS_ALPHA_NOMINAL);

  assert_3dp (nominal, 0.743);
  assert_exact (nominal, 1.0 - 312.0 / 1216.0);
  assert_3dp (gloss_krippendorff_alpha (krippendorff_2011, 12, 4, GLOSS_ALPHA_INTERVAL), 0.849);
}

static void
test_alpha_undefined (void)
{
  /* No unit with two values. */
  const double lonely[] = { 1, M, M, 2, M, M };
  /* One value throughout (0.1 does not survive a mean of itself). */
  const double same[] = { 0.1, 0.1, 0.1, 0.1, M, 0.1 };
  /* Perfect agreement on two values. */
  const double perfect[] = { 1, 1, 2, 2, 1, M };

  g_assert_true (isnan (gloss_krippendorff_alpha (lonely, 3, 2, GLOSS_ALPHA_NOMINAL)));
  g_assert_true (isnan (gloss_krippendorff_alpha (lonely, 3, 2, GLOSS_ALPHA_INTERVAL)));
  g_assert_true (isnan (gloss_krippendorff_alpha (same, 3, 2, GLOSS_ALPHA_NOMINAL)));
  g_assert_true (isnan (gloss_krippendorff_alpha (same, 3, 2, GLOSS_ALPHA_INTERVAL)));
  g_assert_true (isnan (gloss_krippendorff_alpha (NULL, 0, 2, GLOSS_ALPHA_NOMINAL)));
  g_assert_true (isnan (gloss_krippendorff_alpha (perfect, 6, 1, GLOSS_ALPHA_NOMINAL)));
  assert_exact (gloss_krippendorff_alpha (perfect, 3, 2, GLOSS_ALPHA_NOMINAL), 1.0);
  assert_exact (gloss_krippendorff_alpha (perfect, 3, 2, GLOSS_ALPHA_INTERVAL), 1.0);
}

/* Two coders ------------------------------------------------------------- */

/* 50 units: 20 both, 5 A only, 10 B only, 15 neither.
 *
 *   p_o = 35/50 = 0.70, p_e = (25 · 30 + 25 · 20) / 2500 = 0.50,
 *   κ = (0.70 − 0.50) / (1 − 0.50) = 0.40.
 *   α: 100 values, n_1 = 2 · 20 + 5 + 10 = 55, n_0 = 2 · 15 + 15 = 45,
 *   o_01 = 15: α = 1 − 99 · 15 / (45 · 55) = 1 − 1485/2475 = 0.40. */
static void
test_cohen (void)
{
  GlossAgreementTable table = { 20, 5, 10, 15 };

  assert_exact (gloss_percent_agreement (&table), 0.70);
  assert_exact (gloss_cohen_kappa (&table), 0.40);
  assert_exact (gloss_krippendorff_alpha_2x2 (&table), 0.40);
}

/* A 1,000-character text: 50 characters both coded, 150 one coder only
 * (100 by A, 50 by B), 800 neither.  Percent agreement (50 + 800) / 1000
 * = 85%.  κ: p_o = 0.85, p_e = (150 · 100 + 850 · 900) / 10⁶ = 0.78,
 * κ = 0.07 / 0.22 = 7/22.  α: n_1 = 100 + 150 = 250, n_0 = 1600 + 150 =
 * 1750, o_01 = 150: α = 1 − 1999 · 150 / (1750 · 250). */
static void
test_percent (void)
{
  GlossAgreementTable table = { 50, 100, 50, 800 };

  assert_exact (gloss_percent_agreement (&table), 0.85);
  assert_exact (gloss_cohen_kappa (&table), 7.0 / 22.0);
  assert_exact (gloss_krippendorff_alpha_2x2 (&table), 1.0 - 1999.0 * 150.0 / (1750.0 * 250.0));
}

/* The 2×2 alpha is the general alpha of the same units. */
static void
test_alpha_2x2_is_alpha (void)
{
  GlossAgreementTable table = { 7, 3, 5, 11 };
  guint n = 7 + 3 + 5 + 11, u = 0, i;
  g_autofree double *values = g_new (double, n * 2);

  for (i = 0; i < table.both; i++, u++)
    values[u * 2] = 1, values[u * 2 + 1] = 1;
  for (i = 0; i < table.a_only; i++, u++)
    values[u * 2] = 1, values[u * 2 + 1] = 0;
  for (i = 0; i < table.b_only; i++, u++)
    values[u * 2] = 0, values[u * 2 + 1] = 1;
  for (i = 0; i < table.neither; i++, u++)
    values[u * 2] = 0, values[u * 2 + 1] = 0;

  assert_exact (gloss_krippendorff_alpha_2x2 (&table),
                gloss_krippendorff_alpha (values, n, 2, GLOSS_ALPHA_NOMINAL));
}

static void
test_two_coders_edge_cases (void)
{
  GlossAgreementTable perfect = { 30, 0, 0, 70 };
  /* A coded nothing, B 40 of 100 units.  κ: ad − bc = 0, so 0; α: n_1 =
   * 40, n_0 = 160, o_01 = 40: 1 − 199 · 40 / (160 · 40) = −39/160. */
  GlossAgreementTable silent = { 0, 0, 40, 60 };
  GlossAgreementTable nothing = { 0, 0, 0, 100 };
  GlossAgreementTable everything = { 100, 0, 0, 0 };
  GlossAgreementTable empty = { 0, 0, 0, 0 };

  assert_exact (gloss_percent_agreement (&perfect), 1.0);
  assert_exact (gloss_cohen_kappa (&perfect), 1.0);
  assert_exact (gloss_krippendorff_alpha_2x2 (&perfect), 1.0);

  assert_exact (gloss_percent_agreement (&silent), 0.6);
  assert_exact (gloss_cohen_kappa (&silent), 0.0);
  assert_exact (gloss_krippendorff_alpha_2x2 (&silent), -39.0 / 160.0);

  /* Every unit in one category: p_e = 1. */
  assert_exact (gloss_percent_agreement (&nothing), 1.0);
  g_assert_true (isnan (gloss_cohen_kappa (&nothing)));
  g_assert_true (isnan (gloss_krippendorff_alpha_2x2 (&nothing)));
  assert_exact (gloss_percent_agreement (&everything), 1.0);
  g_assert_true (isnan (gloss_cohen_kappa (&everything)));
  g_assert_true (isnan (gloss_krippendorff_alpha_2x2 (&everything)));

  g_assert_true (isnan (gloss_percent_agreement (&empty)));
  g_assert_true (isnan (gloss_cohen_kappa (&empty)));
  g_assert_true (isnan (gloss_krippendorff_alpha_2x2 (&empty)));
}

/* Fleiss' kappa ------------------------------------------------------------ */

/* Fleiss (1971) as Wikipedia's "Fleiss' kappa" works it: 14 raters, 10
 * subjects, 5 categories; P̄ = 0.378, P̄_e = 0.213, κ = 0.210. */
static const guint fleiss_example[10 * 5] = {
  0, 0, 0, 0, 14,
  0, 2, 6, 4, 2,
  0, 0, 3, 5, 6,
  0, 3, 9, 2, 0,
  2, 2, 8, 1, 1,
  7, 7, 0, 0, 0,
  3, 2, 6, 3, 0,
  2, 5, 3, 2, 2,
  6, 5, 2, 1, 0,
  0, 2, 2, 3, 7,
};

static void
test_fleiss_example (void)
{
  assert_3dp (gloss_fleiss_kappa (fleiss_example, 10, 5), 0.210);
}

/* By hand, three coders, four units with 3, 2, 1 and 0 ones:
 * P_i = 1, 1/3, 1/3, 1 → P̄ = 2/3; p_1 = 6/12 → P̄_e = 1/2;
 * κ = (2/3 − 1/2) / (1/2) = 1/3.
 * α: n_1 = 6, n_0 = 6, o_01 = (2 · 1 + 1 · 2) / 2 = 2;
 * α = 1 − 11 · 2 / 36 = 7/18. */
static void
test_binary_by_hand (void)
{
  const guint64 units_with[] = { 1, 1, 1, 1 };
  const guint counts[] = { 0, 3, 1, 2, 2, 1, 3, 0 };
  const double values[] = { 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0 };

  assert_exact (gloss_fleiss_kappa_binary (units_with, 3), 1.0 / 3.0);
  assert_exact (gloss_fleiss_kappa (counts, 4, 2), 1.0 / 3.0);
  assert_exact (gloss_krippendorff_alpha_binary (units_with, 3), 7.0 / 18.0);
  assert_exact (gloss_krippendorff_alpha (values, 4, 3, GLOSS_ALPHA_NOMINAL), 7.0 / 18.0);
}

/* The histogram forms equal the general ones on random binary data. */
static void
test_binary_random (void)
{
  guint round;

  for (round = 0; round < 200; round++)
    {
      guint m = g_test_rand_int_range (2, 8);
      guint n = g_test_rand_int_range (1, 60);
      g_autofree guint64 *units_with = g_new0 (guint64, m + 1);
      g_autofree guint *counts = g_new0 (guint, n * 2);
      g_autofree double *values = g_new (double, n * m);
      /* Some rounds lean far to one side. */
      double p = g_test_rand_double_range (0.02, 0.98);
      guint u, c;

      for (u = 0; u < n; u++)
        {
          guint ones = 0;

          for (c = 0; c < m; c++)
            {
              gboolean coded = g_test_rand_double () < p;

              values[u * m + c] = coded ? 1.0 : 0.0;
              ones += coded ? 1 : 0;
            }
          units_with[ones]++;
          counts[u * 2] = m - ones;
          counts[u * 2 + 1] = ones;
        }

      {
        double fleiss = gloss_fleiss_kappa (counts, n, 2);
        double fleiss_binary = gloss_fleiss_kappa_binary (units_with, m);
        double alpha = gloss_krippendorff_alpha (values, n, m, GLOSS_ALPHA_NOMINAL);
        double alpha_binary = gloss_krippendorff_alpha_binary (units_with, m);

        g_assert_cmpint (isnan (fleiss), ==, isnan (fleiss_binary));
        g_assert_cmpint (isnan (alpha), ==, isnan (alpha_binary));
        if (!isnan (fleiss))
          g_assert_cmpfloat_with_epsilon (fleiss, fleiss_binary, 1e-9);
        if (!isnan (alpha))
          g_assert_cmpfloat_with_epsilon (alpha, alpha_binary, 1e-9);

        if (m == 2)
          {
            GlossAgreementTable table = { 0, };

            for (u = 0; u < n; u++)
              {
                gboolean a = values[u * 2] == 1.0, b = values[u * 2 + 1] == 1.0;

                if (a && b)
                  table.both++;
                else if (a)
                  table.a_only++;
                else if (b)
                  table.b_only++;
                else
                  table.neither++;
              }
            g_assert_cmpint (isnan (alpha), ==, isnan (gloss_krippendorff_alpha_2x2 (&table)));
            if (!isnan (alpha))
              g_assert_cmpfloat_with_epsilon (alpha, gloss_krippendorff_alpha_2x2 (&table), 1e-9);
          }
      }
    }
}

static void
test_fleiss_edge_cases (void)
{
  const guint64 perfect[] = { 70, 0, 0, 30 };
  const guint64 nothing[] = { 100, 0, 0, 0 };
  const guint64 everything[] = { 0, 0, 0, 100 };
  const guint64 none[] = { 0, 0, 0, 0 };
  /* One of three coders coded nothing, the other two the same 10 units
   * of 50.  Fleiss: P_i = 1/3 for the 10, 1 for the 40 → P̄ = 13/15;
   * p_1 = 20/150 → P̄_e = (2/15)² + (13/15)² = 173/225; κ = (195/225 −
   * 173/225) / (52/225) = 22/52 = 11/26.  α: n_1 = 20, n_0 = 130,
   * o_01 = 10 · 2 · 1 / 2 = 10: 1 − 149 · 10 / 2600 = 111/260. */
  const guint64 silent[] = { 40, 0, 10, 0 };
  const guint unequal[] = { 2, 1, 1, 1 };   /* 3 and 2 coders */
  const guint one_category[] = { 3, 0, 3, 0 };
  const guint one_coder[] = { 1, 0, 0, 1 };

  assert_exact (gloss_fleiss_kappa_binary (perfect, 3), 1.0);
  assert_exact (gloss_krippendorff_alpha_binary (perfect, 3), 1.0);
  g_assert_true (isnan (gloss_fleiss_kappa_binary (nothing, 3)));
  g_assert_true (isnan (gloss_krippendorff_alpha_binary (nothing, 3)));
  g_assert_true (isnan (gloss_fleiss_kappa_binary (everything, 3)));
  g_assert_true (isnan (gloss_krippendorff_alpha_binary (everything, 3)));
  g_assert_true (isnan (gloss_fleiss_kappa_binary (none, 3)));
  g_assert_true (isnan (gloss_krippendorff_alpha_binary (none, 3)));
  g_assert_true (isnan (gloss_fleiss_kappa_binary (perfect, 1)));
  assert_exact (gloss_fleiss_kappa_binary (silent, 3), 11.0 / 26.0);
  assert_exact (gloss_krippendorff_alpha_binary (silent, 3), 111.0 / 260.0);

  g_assert_true (isnan (gloss_fleiss_kappa (unequal, 2, 2)));
  g_assert_true (isnan (gloss_fleiss_kappa (one_category, 2, 2)));
  g_assert_true (isnan (gloss_fleiss_kappa (one_coder, 2, 2)));
  g_assert_true (isnan (gloss_fleiss_kappa (NULL, 0, 2)));
}

/* Text units ---------------------------------------------------------------- */

/* The units of text as UTF-8 strings, NULL-terminated. */
static char **
unit_texts (const char         *text,
            GlossAgreementUnit  unit)
{
  g_autoptr(GArray) units = gloss_text_units (text, unit);
  GPtrArray *texts = g_ptr_array_new ();
  guint i;

  for (i = 0; i < units->len; i++)
    {
      const GlossTextUnit *u = &g_array_index (units, GlossTextUnit, i);
      const char *start = g_utf8_offset_to_pointer (text, u->start);
      const char *end = g_utf8_offset_to_pointer (text, u->end);

      g_assert_cmpuint (u->start, <, u->end);
      if (i > 0)
        g_assert_cmpuint (g_array_index (units, GlossTextUnit, i - 1).end, <, u->start);
      g_ptr_array_add (texts, g_strndup (start, end - start));
    }
  g_ptr_array_add (texts, NULL);

  return (char **) g_ptr_array_free (texts, FALSE);
}

static void
assert_units (const char          *text,
              GlossAgreementUnit   unit,
              const char * const  *expected)
{
  g_auto(GStrv) texts = unit_texts (text, unit);
  guint i;

  for (i = 0; expected[i] != NULL && texts[i] != NULL; i++)
    g_assert_cmpstr (texts[i], ==, expected[i]);
  g_assert_cmpstr (texts[i], ==, expected[i]);
}

static void
test_sentences (void)
{
  const char *simple[] = { "One two.", "Three four!", "Five six?", "Seven", NULL };
  const char *quoted[] = { "He said \"Stop.\"", "Then he left.", NULL };
  const char *bracketed[] = { "(See above.)", "Next one.'", "Last.", NULL };
  /* “ ” are U+201C and U+201D. */
  const char *curly[] = { "She wrote: \xe2\x80\x9cIt is good.\xe2\x80\x9d", "It was.", NULL };
  const char *inside[] = { "It rose 3.5 per cent, e.g., in May.", "Done.", NULL };
  const char *marks[] = { "Wait...", "what?!", "Mr.", "Smith came.", NULL };
  g_autoptr(GArray) units = gloss_text_units ("One two. Three four! Five six? Seven", GLOSS_UNIT_SENTENCE);

  assert_units ("One two. Three four! Five six? Seven", GLOSS_UNIT_SENTENCE, simple);
  /* Offsets: "One two." is 0–8, "Three four!" 9–20, "Five six?" 21–30,
   * "Seven" 31–36. */
  g_assert_cmpuint (units->len, ==, 4);
  g_assert_cmpuint (g_array_index (units, GlossTextUnit, 1).start, ==, 9);
  g_assert_cmpuint (g_array_index (units, GlossTextUnit, 1).end, ==, 20);
  g_assert_cmpuint (g_array_index (units, GlossTextUnit, 3).start, ==, 31);
  g_assert_cmpuint (g_array_index (units, GlossTextUnit, 3).end, ==, 36);

  assert_units ("He said \"Stop.\" Then he left.", GLOSS_UNIT_SENTENCE, quoted);
  assert_units ("  (See above.)  Next one.'\tLast.  ", GLOSS_UNIT_SENTENCE, bracketed);
  assert_units ("She wrote: \xe2\x80\x9cIt is good.\xe2\x80\x9d It was.", GLOSS_UNIT_SENTENCE, curly);
  assert_units ("It rose 3.5 per cent, e.g., in May. Done.", GLOSS_UNIT_SENTENCE, inside);
  /* No abbreviations: "Mr." ends a sentence. */
  assert_units ("Wait... what?! Mr. Smith came.", GLOSS_UNIT_SENTENCE, marks);
}

static void
test_paragraphs_blank_lines (void)
{
  const char *text = "First line\nsame paragraph.\n\nSecond para. Two sentences.\n  \t\n\n  Third.\n";
  const char *paragraphs[] = {
    "First line\nsame paragraph.", "Second para. Two sentences.", "Third.", NULL,
  };
  const char *sentences[] = {
    "First line\nsame paragraph.", "Second para.", "Two sentences.", "Third.", NULL,
  };

  assert_units (text, GLOSS_UNIT_PARAGRAPH, paragraphs);
  assert_units (text, GLOSS_UNIT_SENTENCE, sentences);
}

static void
test_paragraphs_lines (void)
{
  /* No blank line: every line is a paragraph, and a sentence ends with
   * its paragraph. */
  const char *text = "Line one\nLine two. More\n   Line three\n";
  const char *paragraphs[] = { "Line one", "Line two. More", "Line three", NULL };
  const char *sentences[] = { "Line one", "Line two.", "More", "Line three", NULL };

  assert_units (text, GLOSS_UNIT_PARAGRAPH, paragraphs);
  assert_units (text, GLOSS_UNIT_SENTENCE, sentences);
}

static void
test_paragraphs_form_feeds (void)
{
  /* A form feed breaks even inside a text with blank lines. */
  const char *with_blank[] = { "Page one", "Page two.", "Next para\nwith two lines", NULL };
  /* "\n\f\n" is a page break, not a blank line: the text has none, so
   * each line is a paragraph. */
  const char *pdf_like[] = { "One", "Two", "Three", "Four", NULL };

  assert_units ("Page one\fPage two.\n\nNext para\nwith two lines", GLOSS_UNIT_PARAGRAPH, with_blank);
  assert_units ("One\n\f\nTwo\fThree\nFour", GLOSS_UNIT_PARAGRAPH, pdf_like);
}

static void
test_units_non_ascii (void)
{
  /* Offsets are code points: "Café naïve." 0–11, "Über alles!" 12–23,
   * "Ça va?" 24–30, "\n\n" 30–32, "Ζωή εδώ." 32–40, "Ende" 41–45; and a
   * no-break space (U+00A0) is white space. */
  const char *text = "Caf\xc3\xa9 na\xc3\xafve. \xc3\x9c" "ber alles! \xc3\x87" "a va?\n\n"
                     "\xce\x96\xcf\x89\xce\xae \xce\xb5\xce\xb4\xcf\x8e. Ende";
  const char *sentences[] = {
    "Caf\xc3\xa9 na\xc3\xafve.", "\xc3\x9c" "ber alles!", "\xc3\x87" "a va?",
    "\xce\x96\xcf\x89\xce\xae \xce\xb5\xce\xb4\xcf\x8e.", "Ende", NULL,
  };
  const char *nbsp[] = { "Fin.", "Next", NULL };
  const guint expected[] = { 0, 11, 12, 23, 24, 30, 32, 40, 41, 45 };
  g_autoptr(GArray) units = gloss_text_units (text, GLOSS_UNIT_SENTENCE);
  g_autoptr(GArray) paragraphs = gloss_text_units (text, GLOSS_UNIT_PARAGRAPH);
  g_autoptr(GArray) characters = gloss_text_units ("a\xc3\xa9 ", GLOSS_UNIT_CHARACTER);
  guint i;

  assert_units (text, GLOSS_UNIT_SENTENCE, sentences);
  g_assert_cmpuint (units->len, ==, 5);
  for (i = 0; i < units->len; i++)
    {
      g_assert_cmpuint (g_array_index (units, GlossTextUnit, i).start, ==, expected[2 * i]);
      g_assert_cmpuint (g_array_index (units, GlossTextUnit, i).end, ==, expected[2 * i + 1]);
    }

  g_assert_cmpuint (paragraphs->len, ==, 2);
  g_assert_cmpuint (g_array_index (paragraphs, GlossTextUnit, 0).end, ==, 30);
  g_assert_cmpuint (g_array_index (paragraphs, GlossTextUnit, 1).start, ==, 32);

  assert_units ("Fin.\xc2\xa0Next", GLOSS_UNIT_SENTENCE, nbsp);

  /* Characters: one unit each, white space included. */
  g_assert_cmpuint (characters->len, ==, 3);
  g_assert_cmpuint (g_array_index (characters, GlossTextUnit, 2).start, ==, 2);
  g_assert_cmpuint (g_array_index (characters, GlossTextUnit, 2).end, ==, 3);
}

static void
test_units_blank (void)
{
  const char *none[] = { NULL };

  assert_units ("", GLOSS_UNIT_SENTENCE, none);
  assert_units ("", GLOSS_UNIT_PARAGRAPH, none);
  assert_units ("  \n\n \f \t", GLOSS_UNIT_SENTENCE, none);
  assert_units ("  \n\n \f \t", GLOSS_UNIT_PARAGRAPH, none);
}

static void
test_unit_names (void)
{
  GlossAgreementUnit unit = GLOSS_UNIT_CHARACTER;

  g_assert_cmpstr (gloss_agreement_unit_to_string (GLOSS_UNIT_CHARACTER), ==, "character");
  g_assert_cmpstr (gloss_agreement_unit_to_string (GLOSS_UNIT_SENTENCE), ==, "sentence");
  g_assert_cmpstr (gloss_agreement_unit_to_string (GLOSS_UNIT_PARAGRAPH), ==, "paragraph");

  g_assert_true (gloss_agreement_unit_from_string ("Paragraph", &unit));
  g_assert_cmpint (unit, ==, GLOSS_UNIT_PARAGRAPH);
  g_assert_true (gloss_agreement_unit_from_string ("sentences", &unit));
  g_assert_cmpint (unit, ==, GLOSS_UNIT_SENTENCE);
  g_assert_true (gloss_agreement_unit_from_string ("character", &unit));
  g_assert_cmpint (unit, ==, GLOSS_UNIT_CHARACTER);
  g_assert_false (gloss_agreement_unit_from_string ("word", &unit));
  g_assert_false (gloss_agreement_unit_from_string ("sentencex", &unit));
  g_assert_false (gloss_agreement_unit_from_string (NULL, &unit));
  g_assert_cmpint (unit, ==, GLOSS_UNIT_CHARACTER);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement-stats/alpha/wikipedia", test_alpha_wikipedia);
  g_test_add_func ("/agreement-stats/alpha/krippendorff-2011", test_alpha_krippendorff_2011);
  g_test_add_func ("/agreement-stats/alpha/undefined", test_alpha_undefined);
  g_test_add_func ("/agreement-stats/two-coders/cohen", test_cohen);
  g_test_add_func ("/agreement-stats/two-coders/percent", test_percent);
  g_test_add_func ("/agreement-stats/two-coders/alpha-2x2", test_alpha_2x2_is_alpha);
  g_test_add_func ("/agreement-stats/two-coders/edge-cases", test_two_coders_edge_cases);
  g_test_add_func ("/agreement-stats/fleiss/example", test_fleiss_example);
  g_test_add_func ("/agreement-stats/binary/by-hand", test_binary_by_hand);
  g_test_add_func ("/agreement-stats/binary/random", test_binary_random);
  g_test_add_func ("/agreement-stats/fleiss/edge-cases", test_fleiss_edge_cases);
  g_test_add_func ("/agreement-stats/units/sentences", test_sentences);
  g_test_add_func ("/agreement-stats/units/paragraphs-blank-lines", test_paragraphs_blank_lines);
  g_test_add_func ("/agreement-stats/units/paragraphs-lines", test_paragraphs_lines);
  g_test_add_func ("/agreement-stats/units/form-feeds", test_paragraphs_form_feeds);
  g_test_add_func ("/agreement-stats/units/non-ascii", test_units_non_ascii);
  g_test_add_func ("/agreement-stats/units/blank", test_units_blank);
  g_test_add_func ("/agreement-stats/units/names", test_unit_names);

  return g_test_run ();
}
