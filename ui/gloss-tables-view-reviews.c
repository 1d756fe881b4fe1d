/* gloss-tables-view-reviews.c: the tables view's review summary
 *
 * A small table, one row per coder: their codings, how many of them
 * colleagues agreed with, disputed or left unreviewed, and how many
 * reviews the coder gave of colleagues' codings.  It is read at once
 * (one query), not in a thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-review.h"
#include "gloss-tables-view-private.h"

#define N_REVIEW_COLUMNS 6

/* Grid rows: the header, a separator, then a coder per row. */
#define FIRST_CODER_ROW 2

static const char * const review_headers[N_REVIEW_COLUMNS] = {
  N_("Coder"),
  N_("Codings"),
  N_("Agreed"),
  N_("Disputed"),
  N_("Unreviewed"),
  N_("Reviews Given"),
};

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
cell_label (const char *text,
            int         column,
            gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  /* The coder's name at the left, the numbers at the right. */
  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0f : 1.0f);
  if (column == 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  if (header)
    {
      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), column == 0 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
    }

  return label;
}

void
_gloss_tables_view_reviews_refresh (GlossTablesView *self)
{
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *separator;
  guint n_codings = 0, n_disputed = 0;

  clear_grid (self->reviews_grid);
  self->n_review_rows = 0;

  if (self->project != NULL)
    {
      summary = gloss_project_review_summary (self->project, &error);
      if (summary == NULL)
        g_warning ("Could not summarise the reviews: %s", error->message);
    }

  for (int column = 0; column < N_REVIEW_COLUMNS; column++)
    gtk_grid_attach (self->reviews_grid, cell_label (_(review_headers[column]), column, TRUE), column, 0, 1, 1);
  separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_grid_attach (self->reviews_grid, separator, 0, 1, N_REVIEW_COLUMNS, 1);

  for (guint i = 0; summary != NULL && i < summary->len; i++)
    {
      GlossReviewSummary *entry = g_ptr_array_index (summary, i);
      guint values[N_REVIEW_COLUMNS - 1] = {
        entry->n_codings, entry->n_agreed, entry->n_disputed, entry->n_unreviewed, entry->n_reviews_given,
      };
      int row = FIRST_CODER_ROW + (int) i;
      GtkWidget *name = cell_label (entry->coder_name, 0, FALSE);

      gtk_widget_set_tooltip_text (name, entry->coder_name);
      gtk_grid_attach (self->reviews_grid, name, 0, row, 1, 1);
      for (int column = 1; column < N_REVIEW_COLUMNS; column++)
        {
          g_autofree char *number = g_strdup_printf ("%u", values[column - 1]);
          GtkWidget *label = cell_label (number, column, FALSE);

          /* Disputed codings are what a team talks over: they stand out. */
          if (column == 3 && values[column - 1] > 0)
            {
              gtk_widget_add_css_class (label, "error");
              gtk_widget_add_css_class (label, "heading");
            }
          else if (values[column - 1] == 0)
            gtk_widget_add_css_class (label, "dim-label");
          gtk_grid_attach (self->reviews_grid, label, column, row, 1, 1);
        }

      n_codings += entry->n_codings;
      n_disputed += entry->n_disputed;
    }

  self->n_review_rows = summary != NULL ? summary->len : 0;
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->reviews_grid)), self->n_review_rows > 0);
  gtk_widget_set_visible (self->reviews_empty_label, self->n_review_rows == 0);

  gtk_label_set_text (self->title_label, _("Reviews by Coder"));
  if (self->n_review_rows == 0)
    text = g_strdup ("");
  else
    {
      g_autofree char *codings = g_strdup_printf (ngettext ("%u coding", "%u codings", n_codings), n_codings);
      g_autofree char *disputed = g_strdup_printf (ngettext ("%u disputed", "%u disputed", n_disputed),
                                                   n_disputed);

      /* Translators: "41 codings, 3 disputed" */
      text = g_strdup_printf (_("%s, %s"), codings, disputed);
    }
  gtk_label_set_text (self->summary_label, text);
}

/**
 * gloss_tables_view_get_review_text:
 * @row: a coder's row, or -1 for the header
 *
 * Returns: (transfer full) (nullable): what the review summary shows there
 */
char *
gloss_tables_view_get_review_text (GlossTablesView *self,
                                   int              row,
                                   int              column)
{
  GtkWidget *child;

  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), NULL);

  if (row < -1 || row >= (int) self->n_review_rows || column < 0 || column >= N_REVIEW_COLUMNS)
    return NULL;

  child = gtk_grid_get_child_at (self->reviews_grid, column, row < 0 ? 0 : FIRST_CODER_ROW + row);
  if (child == NULL || !GTK_IS_LABEL (child))
    return NULL;

  return g_strdup (gtk_label_get_text (GTK_LABEL (child)));
}

guint
gloss_tables_view_get_n_review_rows (GlossTablesView *self)
{
  g_return_val_if_fail (GLOSS_IS_TABLES_VIEW (self), 0);

  return self->n_review_rows;
}
