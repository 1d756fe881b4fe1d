/* gloss-agreement-stats.c: percent agreement, Cohen's and Fleiss' kappa,
 * Krippendorff's alpha, on plain data
 *
 * The formulas are those of gloss-agreement.h.  Where a closed form is
 * used instead of the textbook steps, it is derived here, so that it can
 * be checked by hand.
 *
 * Cohen's kappa of a 2×2 table a (both), b (A only), c (B only), d
 * (neither), n = a + b + c + d:
 *
 *   1 − p_e = (n² − (a+b)(a+c) − (c+d)(b+d)) / n²
 *           = ((a+b)(b+d) + (a+c)(c+d)) / n²
 *   p_o − p_e = ((a+d) n − (a+b)(a+c) − (c+d)(b+d)) / n² = 2 (ad − bc) / n²
 *
 * so κ = 2 (ad − bc) / ((a+b)(b+d) + (a+c)(c+d)): the same number, without
 * the cancellation of two proportions close to 1 when a code covers a few
 * characters of a long text.  It is undefined when the denominator is 0,
 * that is when every unit is in one category (p_e = 1) or n = 0.
 *
 * Krippendorff's alpha, nominal, on binary data of m coders who all rated
 * every unit.  A unit that j of the m coders coded has j values 1 and
 * m − j values 0; its m (m − 1) ordered pairs of values, each weighing
 * 1 / (m − 1), add to the coincidence matrix
 *
 *   o_11 += j (j − 1) / (m − 1)
 *   o_00 += (m − j) (m − j − 1) / (m − 1)
 *   o_01 = o_10 += j (m − j) / (m − 1)
 *
 * The margins are n_1 = Σ j (each 1 is paired m − 1 times, weighing
 * 1 / (m − 1) each) and n_0 = Σ (m − j), n = n_0 + n_1 = N m for N units.
 * With δ² = 1 off the diagonal, Σ o_ck δ²_ck = 2 o_01 and
 * Σ n_c n_k δ²_ck = 2 n_0 n_1, so
 *
 *   α = 1 − (n − 1) o_01 / (n_0 n_1),   o_01 = Σ_j units_with[j] j (m − j) / (m − 1)
 *
 * For two coders (m = 2) o_01 = b + c, n_1 = 2a + b + c, n_0 = 2d + b + c.
 *
 * Fleiss' kappa on the same data.  A unit with j ones has
 * Σ_k n_ik² − m = j² + (m − j)² − m = m (m − 1) − 2 j (m − j), so
 *
 *   1 − P_i = 2 j (m − j) / (m (m − 1))
 *
 * With S = Σ_j j units_with[j] the ones among the T = N m ratings,
 * p_1 = S / T and 1 − P̄_e = 1 − p_1² − (1 − p_1)² = 2 p_1 (1 − p_1), and
 * κ = (P̄ − P̄_e) / (1 − P̄_e) = 1 − (1 − P̄) / (1 − P̄_e) gives
 *
 *   κ = 1 − N m Σ_j units_with[j] j (m − j) / ((m − 1) S (T − S))
 *
 * Krippendorff's alpha on a values matrix (with missing values): the
 * coincidence matrix o_ck = Σ_u (number of ordered pairs (c, k) of
 * different coders' values in u) / (m_u − 1), over the units with m_u ≥ 2
 * values.  Its entries are only ever needed weighted by δ², so each unit's
 * pairs are added to Σ o_ck δ²_ck as they are met, without storing the
 * matrix (whose size would be the square of the number of distinct
 * values).  Its margin n_c is the number of pairable values equal to c,
 * from which Σ_c Σ_k n_c n_k δ²_ck is n² − Σ n_c² (nominal) or
 * 2 n Σ_c n_c (c − mean)² (interval, the sum over pairs of squared
 * differences, written around the mean so that nothing cancels).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <math.h>
#include <stdlib.h>

#include "gloss-agreement.h"

static guint64
table_n (const GlossAgreementTable *table)
{
  return table->both + table->a_only + table->b_only + table->neither;
}

/**
 * gloss_percent_agreement:
 *
 * Returns: (a + d) / n, a fraction from 0 to 1, or NAN when n = 0
 */
double
gloss_percent_agreement (const GlossAgreementTable *table)
{
  guint64 n;

  g_return_val_if_fail (table != NULL, NAN);

  n = table_n (table);
  if (n == 0)
    return NAN;

  return (double) (table->both + table->neither) / (double) n;
}

/**
 * gloss_cohen_kappa:
 *
 * Returns: Cohen's kappa, or NAN when every unit is in one category
 */
double
gloss_cohen_kappa (const GlossAgreementTable *table)
{
  double a, b, c, d, denominator;

  g_return_val_if_fail (table != NULL, NAN);

  a = (double) table->both;
  b = (double) table->a_only;
  c = (double) table->b_only;
  d = (double) table->neither;

  /* 1 − p_e, times n² (see the top of the file) */
  denominator = (a + b) * (b + d) + (a + c) * (c + d);
  if (denominator <= 0.0)
    return NAN;

  return 2.0 * (a * d - b * c) / denominator;
}

/* α = 1 − (n − 1) o_01 / (n_0 n_1) over the pairable values of binary
 * data; NAN when every value is in one category or there are none. */
static double
binary_alpha (double n_0,
              double n_1,
              double o_01)
{
  double n = n_0 + n_1;

  if (n_0 <= 0.0 || n_1 <= 0.0)
    return NAN;

  return 1.0 - (n - 1.0) * o_01 / (n_0 * n_1);
}

/**
 * gloss_krippendorff_alpha_2x2:
 *
 * Returns: the nominal alpha of two coders who rated every unit, or NAN
 */
double
gloss_krippendorff_alpha_2x2 (const GlossAgreementTable *table)
{
  double a, b, c, d;

  g_return_val_if_fail (table != NULL, NAN);

  a = (double) table->both;
  b = (double) table->a_only;
  c = (double) table->b_only;
  d = (double) table->neither;

  /* o_11 = 2a, o_00 = 2d, o_01 = o_10 = b + c (each unit is one pair of
   * values, both ways round, weighing 1 / (2 − 1)). */
  return binary_alpha (2.0 * d + b + c, 2.0 * a + b + c, b + c);
}

/**
 * gloss_fleiss_kappa:
 * @counts: (array): n_units × n_categories
 *
 * Returns: Fleiss' kappa, or NAN when units are rated by different numbers
 *   of coders (or fewer than two), there are no units, or every rating is
 *   in one category
 */
double
gloss_fleiss_kappa (const guint *counts,
                    gsize        n_units,
                    gsize        n_categories)
{
  g_autofree guint64 *totals = NULL;
  double p_bar = 0.0, p_e = 0.0, n_ratings;
  guint64 m = 0;
  gsize u, k, used = 0;

  g_return_val_if_fail (counts != NULL || n_units == 0 || n_categories == 0, NAN);

  if (n_units == 0 || n_categories == 0)
    return NAN;

  totals = g_new0 (guint64, n_categories);
  for (u = 0; u < n_units; u++)
    {
      const guint *row = counts + u * n_categories;
      guint64 m_u = 0, squares = 0;

      for (k = 0; k < n_categories; k++)
        {
          m_u += row[k];
          squares += (guint64) row[k] * row[k];
          totals[k] += row[k];
        }
      if (u == 0)
        m = m_u;
      if (m_u != m || m < 2)
        return NAN;
      p_bar += (double) (squares - m) / (double) (m * (m - 1));
    }
  p_bar /= (double) n_units;

  n_ratings = (double) n_units * (double) m;
  for (k = 0; k < n_categories; k++)
    {
      double p_k = (double) totals[k] / n_ratings;

      p_e += p_k * p_k;
      if (totals[k] > 0)
        used++;
    }
  /* P̄_e = 1 exactly when one category has every rating. */
  if (used < 2)
    return NAN;

  return (p_bar - p_e) / (1.0 - p_e);
}

/**
 * gloss_fleiss_kappa_binary:
 * @units_with: (array): m + 1 counts
 *
 * Returns: Fleiss' kappa of binary data, or NAN
 */
double
gloss_fleiss_kappa_binary (const guint64 *units_with,
                           guint          m)
{
  double n_units = 0.0, ones = 0.0, disagreement = 0.0, ratings;
  guint j;

  g_return_val_if_fail (units_with != NULL, NAN);

  if (m < 2)
    return NAN;

  for (j = 0; j <= m; j++)
    {
      double u = (double) units_with[j];

      n_units += u;
      ones += u * j;
      disagreement += u * j * (double) (m - j);
    }
  ratings = n_units * m;
  if (n_units <= 0.0 || ones <= 0.0 || ones >= ratings)
    return NAN;

  /* κ = 1 − N m Σ u_j j (m − j) / ((m − 1) S (T − S)), see the top */
  return 1.0 - n_units * m * disagreement / ((double) (m - 1) * ones * (ratings - ones));
}

/**
 * gloss_krippendorff_alpha_binary:
 * @units_with: (array): m + 1 counts
 *
 * Returns: Krippendorff's nominal alpha of binary data, or NAN
 */
double
gloss_krippendorff_alpha_binary (const guint64 *units_with,
                                 guint          m)
{
  double n_0 = 0.0, n_1 = 0.0, o_01 = 0.0;
  guint j;

  g_return_val_if_fail (units_with != NULL, NAN);

  if (m < 2)
    return NAN;

  for (j = 0; j <= m; j++)
    {
      double u = (double) units_with[j];

      n_1 += u * j;
      n_0 += u * (double) (m - j);
      o_01 += u * j * (double) (m - j);
    }
  o_01 /= (double) (m - 1);

  return binary_alpha (n_0, n_1, o_01);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * gloss_krippendorff_alpha:
 * @values: (array): n_units × n_coders, NAN for a missing value
 *
 * Returns: Krippendorff's alpha, or NAN when there are no pairable values
 *   or they all agree on one value (no expected disagreement)
 */
double
gloss_krippendorff_alpha (const double    *values,
                          gsize            n_units,
                          gsize            n_coders,
                          GlossAlphaLevel  level)
{
  g_autofree double *pairable = NULL;
  g_autofree double *unit = NULL;
  double observed = 0.0, expected = 0.0, n;
  gsize u, c, i, k, n_pairable = 0;

  g_return_val_if_fail (values != NULL || n_units == 0 || n_coders == 0, NAN);
  g_return_val_if_fail (level == GLOSS_ALPHA_NOMINAL || level == GLOSS_ALPHA_INTERVAL, NAN);

  if (n_units == 0 || n_coders < 2)
    return NAN;

  pairable = g_new (double, n_units * n_coders);
  unit = g_new (double, n_coders);

  for (u = 0; u < n_units; u++)
    {
      gsize m_u = 0;
      double pairs = 0.0;

      for (c = 0; c < n_coders; c++)
        if (!isnan (values[u * n_coders + c]))
          unit[m_u++] = values[u * n_coders + c];
      if (m_u < 2)
        continue;

      /* This unit's share of Σ o_ck δ²_ck: each unordered pair twice. */
      for (i = 0; i < m_u; i++)
        for (k = i + 1; k < m_u; k++)
          {
            double difference = unit[i] - unit[k];

            if (level == GLOSS_ALPHA_NOMINAL)
              pairs += difference != 0.0 ? 1.0 : 0.0;
            else
              pairs += difference * difference;
          }
      observed += 2.0 * pairs / (double) (m_u - 1);

      for (i = 0; i < m_u; i++)
        pairable[n_pairable++] = unit[i];
    }

  if (n_pairable < 2)
    return NAN;
  n = (double) n_pairable;

  /* One value throughout: no disagreement is expected, by either metric
   * (tested apart, as a mean of equal values may not give them back). */
  for (i = 1; i < n_pairable && pairable[i] == pairable[0]; i++)
    ;
  if (i == n_pairable)
    return NAN;

  if (level == GLOSS_ALPHA_NOMINAL)
    {
      /* n² − Σ n_c², the margins counted on the sorted values */
      qsort (pairable, n_pairable, sizeof (double), compare_doubles);
      expected = n * n;
      for (i = 0; i < n_pairable; i = k)
        {
          for (k = i + 1; k < n_pairable && pairable[k] == pairable[i]; k++)
            ;
          expected -= (double) (k - i) * (double) (k - i);
        }
    }
  else
    {
      double mean = 0.0, squares = 0.0;

      for (i = 0; i < n_pairable; i++)
        mean += pairable[i];
      mean /= n;
      for (i = 0; i < n_pairable; i++)
        squares += (pairable[i] - mean) * (pairable[i] - mean);
      expected = 2.0 * n * squares;
    }

  if (expected <= 0.0)
    return NAN;

  return 1.0 - (n - 1.0) * observed / expected;
}
