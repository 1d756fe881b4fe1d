/* gloss-compare-bar-figures.c: the compare bar's figures: the agreement
 * of the two coders on the open document and the code chosen, at
 * character level, computed in a thread with
 * gloss_project_compute_agreement()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <math.h>

#include "gloss-agreement.h"
#include "gloss-compare-bar-private.h"

#define SPINNER_DELAY_MS 150

/* Figures -------------------------------------------------------------------- */

static gboolean
show_spinner (gpointer data)
{
  GlossCompareBar *self = data;

  self->spinner_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);

  return G_SOURCE_REMOVE;
}

static void
set_loading (GlossCompareBar *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  if (loading)
    self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, show_spinner, self);
  else
    {
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
    }

  _gloss_compare_bar_notify_loading (self);
}

static void
set_figures_text (GlossCompareBar *self,
                  const char      *text,
                  const char      *tooltip)
{
  g_free (self->figures_text);
  self->figures_text = g_strdup (text);
  gtk_label_set_text (self->figures_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->figures_label), tooltip);
}

static char *
format_statistic (double value)
{
  /* Translators: a statistic that cannot be computed */
  return isnan (value) ? g_strdup (_("—")) : g_strdup_printf ("%.2f", value);
}

typedef struct
{
  GlossProject *project;
  gint64        coder_a;
  gint64        coder_b;
  gint64        document_id;
  gint64        code_id;
  gboolean      with_subcodes;
} ComputeData;

typedef struct
{
  double percent;
  double kappa;
  double alpha;
  char  *note;
} ComputeResult;

static void
compute_data_free (gpointer data)
{
  ComputeData *cd = data;

  g_clear_object (&cd->project);
  g_free (cd);
}

static void
compute_result_free (gpointer data)
{
  ComputeResult *cr = data;

  g_free (cr->note);
  g_free (cr);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *cd = task_data;
  g_autoptr(GArray) coders = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) codes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = NULL;
  GlossAgreementQuery query = { 0 };
  GError *error = NULL;

  g_array_append_val (coders, cd->coder_a);
  g_array_append_val (coders, cd->coder_b);
  g_array_append_val (documents, cd->document_id);
  g_array_append_val (codes, cd->code_id);

  query.coder_ids = coders;
  query.unit = GLOSS_UNIT_CHARACTER;
  query.document_ids = documents;
  query.code_ids = codes;
  query.with_subcodes = cd->with_subcodes;

  rows = gloss_project_compute_agreement (cd->project, &query, FALSE, cancellable, &error);
  if (rows == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const GlossAgreementRow *row = g_ptr_array_index (rows, i);

      if (row->code_id == cd->code_id && row->document_id == 0)
        {
          ComputeResult *cr = g_new0 (ComputeResult, 1);

          cr->percent = row->percent;
          cr->kappa = row->kappa;
          cr->alpha = row->alpha;
          cr->note = g_strdup (row->note);
          g_task_return_pointer (task, cr, compute_result_free);
          return;
        }
    }

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The code is not in the codebook"));
}

static void
compute_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ComputeResult *cr = g_task_propagate_pointer (G_TASK (result), &error);
  GlossCompareBar *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = GLOSS_COMPARE_BAR (object);
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&cr, compute_result_free);
      return;
    }

  set_loading (self, FALSE);

  if (cr == NULL)
    {
      self->has_figures = FALSE;
      set_figures_text (self, _("Agreement could not be computed"), error != NULL ? error->message : NULL);
      return;
    }

  {
    g_autofree char *percent = NULL;
    g_autofree char *kappa = format_statistic (cr->kappa);
    g_autofree char *alpha = format_statistic (cr->alpha);
    g_autofree char *text = NULL;

    self->has_figures = TRUE;
    self->percent = cr->percent;
    self->kappa = cr->kappa;
    self->alpha = cr->alpha;

    percent = isnan (cr->percent) ? g_strdup (_("—"))
                                  /* Translators: a percentage */
                                  : g_strdup_printf (_("%.1f %%"), 100 * cr->percent);
    /* Translators: the figures of the comparison: percent agreement,
     * Cohen's kappa, Krippendorff's alpha */
    text = g_strdup_printf (_("Agreement %s · κ %s · α %s"), percent, kappa, alpha);
    if (cr->note != NULL && cr->note[0] != '\0')
      {
        g_autofree char *with_note = g_strdup_printf ("%s — %s", text, cr->note);

        g_free (text);
        text = g_steal_pointer (&with_note);
      }

    set_figures_text (self, text,
                      _("Percent agreement, Cohen’s kappa and Krippendorff’s alpha of the two coders "
                        "for this code, over the report’s characters"));
  }

  compute_result_free (cr);
}

void
gloss_compare_bar_refresh (GlossCompareBar *self)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *cd;

  g_return_if_fail (GLOSS_IS_COMPARE_BAR (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->has_figures = FALSE;

  if (self->project == NULL || self->document_id == 0)
    {
      set_loading (self, FALSE);
      set_figures_text (self, "", NULL);
      return;
    }
  if (self->coder_ids == NULL || self->coder_ids->len < 2)
    {
      set_loading (self, FALSE);
      set_figures_text (self, _("Two coders are needed to compare"), NULL);
      return;
    }
  if (self->coder_a == 0 || self->coder_b == 0 || self->coder_a == self->coder_b)
    {
      set_loading (self, FALSE);
      set_figures_text (self, _("Choose two different coders"), NULL);
      return;
    }
  if (self->code_id == 0)
    {
      set_loading (self, FALSE);
      set_figures_text (self, _("Choose a code"), NULL);
      return;
    }

  self->cancellable = g_cancellable_new ();

  cd = g_new0 (ComputeData, 1);
  cd->project = g_object_ref (self->project);
  cd->coder_a = self->coder_a;
  cd->coder_b = self->coder_b;
  cd->document_id = self->document_id;
  cd->code_id = self->code_id;
  cd->with_subcodes = self->with_subcodes;

  task = g_task_new (self, self->cancellable, compute_cb, NULL);
  g_task_set_source_tag (task, gloss_compare_bar_refresh);
  g_task_set_name (task, "[gloss] compare two coders");
  g_task_set_task_data (task, cd, compute_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, compute_thread);
}

gboolean
gloss_compare_bar_get_loading (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), FALSE);

  return self->loading;
}

gboolean
gloss_compare_bar_get_figures (GlossCompareBar *self,
                               double          *percent,
                               double          *kappa,
                               double          *alpha)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), FALSE);

  if (!self->has_figures)
    return FALSE;

  if (percent != NULL)
    *percent = self->percent;
  if (kappa != NULL)
    *kappa = self->kappa;
  if (alpha != NULL)
    *alpha = self->alpha;

  return TRUE;
}

const char *
gloss_compare_bar_get_figures_text (GlossCompareBar *self)
{
  g_return_val_if_fail (GLOSS_IS_COMPARE_BAR (self), NULL);

  return self->figures_text != NULL ? self->figures_text : "";
}

