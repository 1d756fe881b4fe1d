/* gloss-compare-bar.h: the bar above the viewer while two coders'
 * codings of the open document are compared side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-comparison.h"
#include "gloss-project.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_COMPARE_BAR (gloss_compare_bar_get_type ())

/* Two coder dropdowns (A and B: the first two coders at first), a
 * dropdown of the codebook's codes and an "Include Sub-codes" check, a
 * Close button; under them the legend of the viewers' colours (Both ·
 * Only A · Only B) and, for the open document and the code chosen, the
 * agreement of the two coders at character level (percent agreement,
 * Cohen's kappa, Krippendorff's alpha), computed in a thread with
 * gloss_project_compute_agreement().
 *
 * Signals: "changed" (no arguments) when the coders, the code or the
 * sub-codes choice change, by the user or by a setter, and after the
 * project's codings or codes change (while the bar is shown; when it is
 * shown again otherwise): make a comparison again
 * (gloss_compare_bar_dup_comparison()) and give it to the viewer.
 * "closed" when the Close button is clicked (or Escape pressed in the
 * bar): leave comparison mode and hide the bar.
 *
 * Properties: "project", "document-id", "coder-a", "coder-b", "code-id"
 * (gint64, 0 for none), "with-subcodes", "loading" (read-only: TRUE while
 * the figures are computed). */
G_DECLARE_FINAL_TYPE (GlossCompareBar, gloss_compare_bar, GLOSS, COMPARE_BAR, GtkWidget)

GtkWidget       *gloss_compare_bar_new              (void);
/* Lists the project's coders and codes; follows its changes. */
void             gloss_compare_bar_set_project      (GlossCompareBar *self,
                                                     GlossProject    *project);
GlossProject    *gloss_compare_bar_get_project      (GlossCompareBar *self);
/* The open document (0: none): the figures are its. */
void             gloss_compare_bar_set_document     (GlossCompareBar *self,
                                                     gint64           document_id);
gint64           gloss_compare_bar_get_document     (GlossCompareBar *self);

gint64           gloss_compare_bar_get_coder_a      (GlossCompareBar *self);
gint64           gloss_compare_bar_get_coder_b      (GlossCompareBar *self);
/* Chooses the two coders (ids of the project's coders; 0 leaves one as
 * it is). */
void             gloss_compare_bar_set_coders       (GlossCompareBar *self,
                                                     gint64           coder_a,
                                                     gint64           coder_b);
gint64           gloss_compare_bar_get_code         (GlossCompareBar *self);
void             gloss_compare_bar_set_code         (GlossCompareBar *self,
                                                     gint64           code_id);
gboolean         gloss_compare_bar_get_with_subcodes (GlossCompareBar *self);
void             gloss_compare_bar_set_with_subcodes (GlossCompareBar *self,
                                                     gboolean         with_subcodes);

/* The comparison to give to the viewer: coder A's and coder B's codings
 * among codings (element-type GlossCoding; NULL: the open document's, read
 * from the project), their names, the code.  NULL when there is nothing
 * to compare (no project or document, fewer than two coders, no code). */
GlossComparison *gloss_compare_bar_dup_comparison   (GlossCompareBar *self,
                                                     GPtrArray       *codings);

/* Computes the figures again (the bar does so itself on every change of
 * the project, document, coders or code). */
void             gloss_compare_bar_refresh          (GlossCompareBar *self);
gboolean         gloss_compare_bar_get_loading      (GlossCompareBar *self);
/* The figures shown: FALSE when there are none (yet); a figure that is
 * undefined is NAN. */
gboolean         gloss_compare_bar_get_figures      (GlossCompareBar *self,
                                                     double          *percent,
                                                     double          *kappa,
                                                     double          *alpha);
/* The figures as the bar shows them ("Agreement 87.5 % · κ 0.71 · α
 * 0.71"), or what it says instead. */
const char      *gloss_compare_bar_get_figures_text (GlossCompareBar *self);
/* The legend's labels, for tests: 0 both, 1 only A, 2 only B. */
const char      *gloss_compare_bar_get_legend_text  (GlossCompareBar *self,
                                                     guint            kind);

G_END_DECLS
