/* gloss-agreement.h: inter-coder agreement
 *
 * Two parts.  The statistics, on plain data (no project): percent
 * agreement, Cohen's kappa, Fleiss' kappa and Krippendorff's alpha.  And
 * the agreement of a project's coders, per code, per document and pooled,
 * with characters, sentences or paragraphs as the units.
 *
 * Formulas (also shown in the window's help and written into exports):
 *
 *  - Percent agreement: the share of units that the two coders both coded
 *    or both left uncoded, (a + d) / n for the 2×2 table a (both), b (A
 *    only), c (B only), d (neither) — as NVivo computes it.
 *  - Cohen's kappa: (p_o − p_e) / (1 − p_e), p_o = (a + d) / n, p_e =
 *    ((a + b)(a + c) + (c + d)(b + d)) / n².
 *  - Fleiss' kappa, m coders each rating every unit: P̄ = mean over units
 *    of (Σ_k n_ik² − m) / (m (m − 1)), P̄_e = Σ_k p_k², p_k the share of
 *    all ratings in category k; κ = (P̄ − P̄_e) / (1 − P̄_e).
 *  - Krippendorff's alpha: α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
 *    over the coincidence matrix o of the pairable values (units with at
 *    least two values), n_c its margins, n = Σ n_c; δ² = 0 or 1 (nominal)
 *    or (c − k)² (interval).
 *
 * A statistic that is undefined (a division by zero: every unit in one
 * category, no pairable values) is NAN, and the caller says why (see
 * GlossAgreementRow.note).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gloss-codebook.h"
#include "gloss-project.h"
#include "gloss-sheet.h"

G_BEGIN_DECLS

/* Statistics ---------------------------------------------------------------- */

typedef enum
{
  GLOSS_ALPHA_NOMINAL,
  GLOSS_ALPHA_INTERVAL,
} GlossAlphaLevel;

/* The 2×2 table of two coders over n = both + a_only + b_only + neither
 * units. */
typedef struct
{
  guint64 both;
  guint64 a_only;
  guint64 b_only;
  guint64 neither;
} GlossAgreementTable;

double   gloss_percent_agreement        (const GlossAgreementTable *table);
double   gloss_cohen_kappa              (const GlossAgreementTable *table);
/* Krippendorff's nominal alpha of two coders, no missing values. */
double   gloss_krippendorff_alpha_2x2   (const GlossAgreementTable *table);

/* counts: n_units × n_categories, counts[u * n_categories + k] = the
 * number of coders who put unit u in category k; every unit rated by the
 * same number m ≥ 2 of coders (else NAN). */
double   gloss_fleiss_kappa             (const guint   *counts,
                                         gsize          n_units,
                                         gsize          n_categories);

/* Binary data (coded or not) of m coders with every coder rating every
 * unit, given as a histogram: units_with[j] = the number of units that
 * exactly j of the m coders coded, j = 0 … m.  Both statistics follow from
 * it exactly (no per-unit data needed, so millions of characters cost
 * nothing). */
double   gloss_fleiss_kappa_binary      (const guint64 *units_with,
                                         guint          m);
double   gloss_krippendorff_alpha_binary (const guint64 *units_with,
                                         guint          m);

/* values: n_units × n_coders, values[u * n_coders + c] = coder c's value
 * for unit u, NAN when missing.  Units with fewer than two values are left
 * out, as Krippendorff prescribes. */
double   gloss_krippendorff_alpha       (const double  *values,
                                         gsize          n_units,
                                         gsize          n_coders,
                                         GlossAlphaLevel level);

/* A project's agreement ------------------------------------------------------ */

typedef enum
{
  GLOSS_UNIT_CHARACTER,
  GLOSS_UNIT_SENTENCE,
  GLOSS_UNIT_PARAGRAPH,
} GlossAgreementUnit;

const char *gloss_agreement_unit_to_string   (GlossAgreementUnit  unit);
gboolean    gloss_agreement_unit_from_string (const char         *text,
                                              GlossAgreementUnit *unit);

/* A unit of text: [start, end) in code points. */
typedef struct
{
  guint start;
  guint end;
} GlossTextUnit;

/* Sentences or paragraphs of a text, as [start, end) code-point ranges
 * covering the text's non-blank parts in order.  Paragraphs: separated by
 * a blank line or a form feed (a page break), or by a line break when the
 * text has no blank lines.  Sentences: ended by ".", "!" or "?" (with any
 * closing quotes or brackets) followed by white space, or by the end of a
 * paragraph.  Returns (element-type GlossTextUnit): each unit starts and
 * ends with a character that is not white space; white space between units
 * belongs to none.  GLOSS_UNIT_CHARACTER gives one unit per character
 * (white space included). */
GArray     *gloss_text_units                 (const char         *text,
                                              GlossAgreementUnit  unit);

typedef struct
{
  GArray             *coder_ids;     /* (element-type gint64) ≥ 2 coders */
  GlossAgreementUnit  unit;
  GArray             *document_ids;  /* (element-type gint64) NULL: every document */
  GArray             *code_ids;      /* (element-type gint64) NULL: every code */
  gboolean            with_subcodes; /* a code's units include its sub-codes' codings */
} GlossAgreementQuery;

/* One line of the agreement table. */
typedef struct
{
  gint64  code_id;        /* 0 for the row pooled over codes ("ALL") */
  char   *code_path;      /* "ALL" for it */
  gint64  document_id;    /* 0: over every document in scope */
  char   *document_name;  /* NULL when over every document */
  guint   n_documents;
  guint64 n_units;
  /* Two coders: the 2×2 table; more: units_with[0 … m]. */
  GlossAgreementTable table;
  guint64 *units_with;
  guint   n_coders;
  double  percent;        /* two coders only, else NAN */
  double  kappa;          /* Cohen's (two coders) or Fleiss' (more) */
  double  alpha;          /* Krippendorff's, nominal */
  char   *note;           /* NULL, or why a figure is missing ("Ben coded nothing") */
} GlossAgreementRow;

void        gloss_agreement_row_free         (GlossAgreementRow  *row);

/* (element-type GlossAgreementRow) one row per code over the documents,
 * then per code and document when by_document, then the pooled row
 * "ALL" (units of every code together: a unit is a (code, character or
 * sentence …) pair).  For characters, the units of a document are its
 * characters; for sentences and paragraphs, a unit counts as coded by a
 * coder when any of its characters is.
 *
 * In detail: codes come in codebook order (depth first), each code's row
 * directly followed, when by_document, by its rows per document (by
 * name) for the documents where one of the coders coded it (in the
 * others every unit is uncoded by all).  units_with is set for any number
 * of coders (for two: neither, one of them, both), the 2×2 table for two.
 * Errors: GLOSS_ERROR_INVALID for fewer than two coders or a coder twice,
 * GLOSS_ERROR_NOT_FOUND for a coder, document or code that does not
 * exist. */
GPtrArray  *gloss_project_compute_agreement  (GlossProject              *self,
                                              const GlossAgreementQuery *query,
                                              gboolean                   by_document,
                                              GCancellable              *cancellable,
                                              GError                   **error);

/* For export.  The rows (element-type GlossAgreementRow) of one
 * computation with n_coders coders, as a sheet: code, document,
 * documents, units, then for two coders both, a_only, b_only, neither
 * (A and B in the order of coder_names), for more coded_by_0 …
 * coded_by_m; then percent_agreement, cohen_kappa (two coders) or
 * fleiss_kappa (more), krippendorff_alpha (numbers shown with three
 * decimals, percent agreement as a fraction from 0 to 1; empty when
 * undefined), note, and coders: coder_names (e.g. "Ann, Ben") on every
 * row. */
GlossSheet *gloss_agreement_to_sheet         (GPtrArray          *rows,
                                              guint               n_coders,
                                              const char         *coder_names);
/* Columns statistic and formula: one row per statistic, its name and its
 * formula in words, then a row on the units and one on undefined
 * figures. */
GlossSheet *gloss_agreement_formulas_sheet   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAgreementRow, gloss_agreement_row_free)

G_END_DECLS
