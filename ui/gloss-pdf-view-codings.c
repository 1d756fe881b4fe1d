/* gloss-pdf-view-codings.c: GlossPdfView's codings: highlights over the
 * glyphs, coding stripes beside each page, hit testing and tooltips
 *
 * Everything is kept in page points, computed once per set_codings or
 * document, and scaled to the zoom when drawn: highlights never touch the
 * rendered page textures, so they appear at once and at every zoom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-PdfView"

#include <math.h>

#include "gloss-pdf-view-private.h"

/* The margin left of each page for the stripes: six columns at full
 * width; more are drawn narrower. */
#define STRIPE_MARGIN  (GLOSS_STRIPE_INSET + 6 * (GLOSS_STRIPE_WIDTH + GLOSS_STRIPE_GAP))
/* In comparison mode: two groups of columns, coder A's and coder B's. */
#define COMPARE_MARGIN (2 * GLOSS_STRIPE_GROUP_WIDTH + 4.0)
/* Points between two stripes sharing a column. */
#define STRIPE_GAP_PT  2.0
/* The alpha of the stripes of other codes than the one compared. */
#define OTHER_CODE_ALPHA 0.35

static void
page_codings_free (gpointer data)
{
  GlossPdfPageCodings *pc = data;

  g_clear_pointer (&pc->marks, g_array_unref);
  g_clear_pointer (&pc->stripes, g_array_unref);
  g_clear_pointer (&pc->agreement, g_array_unref);
  g_free (pc);
}

double
_gloss_pdf_view_stripe_margin (GlossPdfView *self)
{
  if (self->comparison != NULL)
    return COMPARE_MARGIN;

  return self->codings != NULL ? STRIPE_MARGIN : 0.0;
}

static void
clear_comparison (GlossPdfView *self)
{
  g_clear_pointer (&self->comparison, gloss_comparison_free);
  g_clear_pointer (&self->labels[0], g_free);
  g_clear_pointer (&self->labels[1], g_free);
}

void
_gloss_pdf_view_clear_codings (GlossPdfView *self)
{
  g_clear_pointer (&self->page_codings, g_ptr_array_unref);
  g_clear_pointer (&self->coding_info, g_array_unref);
  g_clear_pointer (&self->codings, g_ptr_array_unref);
  clear_comparison (self);
}

static const GlossStripe *
find_coding (GlossPdfView *self,
             gint64        id,
             guint        *index)
{
  if (self->coding_info == NULL || id == 0)
    return NULL;

  for (guint i = 0; i < self->coding_info->len; i++)
    if (g_array_index (self->coding_info, GlossStripe, i).id == id)
      {
        if (index != NULL)
          *index = i;
        return &g_array_index (self->coding_info, GlossStripe, i);
      }

  return NULL;
}

/* Adds the marks and stripes of one coding; group: its column group. */
static void
add_coding (GlossPdfView *self,
            GlossCoding  *coding,
            guint         group,
            guint         n_chars)
{
  guint n_pages = self->page_codings->len;
  g_autoptr(GArray) rects = NULL;
  GlossStripe info;
  GlossStripe stripe;
  guint index = self->coding_info->len;

  gloss_stripe_init (&info, coding);
  info.group = group;
  info.start = MIN (info.start, n_chars);
  info.end = MIN (info.end, n_chars);
  if (info.start >= info.end)
    return;

  /* Comparing: the other codes' stripes are there, but faint. */
  if (self->comparison != NULL && !gloss_comparison_matches (self->comparison, coding))
    info.colour.alpha = OTHER_CODE_ALPHA;

  rects = gloss_layout_rects_for_range (self->layout, info.start, info.end);
  if (rects == NULL || rects->len == 0)
    return;

  g_array_append_val (self->coding_info, info);

  /* The rects come page by page: one stripe per page, spanning them. */
  stripe = info;
  stripe.y1 = G_MAXDOUBLE;
  stripe.y2 = -G_MAXDOUBLE;

  for (guint r = 0; r < rects->len; r++)
    {
      const GlossPageRect *rect = &g_array_index (rects, GlossPageRect, r);
      GlossPdfPageCodings *pc;
      GlossPdfMark mark = { index, rect->rect };

      if (rect->page >= n_pages)
        continue;

      pc = g_ptr_array_index (self->page_codings, rect->page);
      g_array_append_val (pc->marks, mark);

      stripe.y1 = MIN (stripe.y1, rect->rect.y1);
      stripe.y2 = MAX (stripe.y2, rect->rect.y2);

      if (r + 1 == rects->len || g_array_index (rects, GlossPageRect, r + 1).page != rect->page)
        {
          g_array_append_val (pc->stripes, stripe);
          stripe.y1 = G_MAXDOUBLE;
          stripe.y2 = -G_MAXDOUBLE;
        }
    }
}

/* Comparison mode: the text of the code compared, by who coded it. */
static void
add_agreement (GlossPdfView *self,
               guint         n_chars)
{
  g_autoptr(GArray) ranges = gloss_comparison_compute_ranges (self->comparison, n_chars);

  for (guint i = 0; i < ranges->len; i++)
    {
      const GlossComparisonRange *range = &g_array_index (ranges, GlossComparisonRange, i);
      g_autoptr(GArray) rects = gloss_layout_rects_for_range (self->layout, range->start, range->end);

      for (guint r = 0; rects != NULL && r < rects->len; r++)
        {
          const GlossPageRect *rect = &g_array_index (rects, GlossPageRect, r);
          GlossPdfAgreementMark mark = { range->kind, rect->rect };
          GlossPdfPageCodings *pc;

          if (rect->page >= self->page_codings->len)
            continue;

          pc = g_ptr_array_index (self->page_codings, rect->page);
          g_array_append_val (pc->agreement, mark);
        }
    }
}

void
_gloss_pdf_view_rebuild_codings (GlossPdfView *self)
{
  guint n_pages = _gloss_pdf_view_n_pages (self);
  guint n_chars;

  g_clear_pointer (&self->page_codings, g_ptr_array_unref);
  g_clear_pointer (&self->coding_info, g_array_unref);

  if ((self->codings == NULL && self->comparison == NULL) || self->layout == NULL)
    return;

  n_chars = gloss_layout_get_n_chars (self->layout);
  n_pages = MIN (n_pages, gloss_layout_get_n_pages (self->layout));

  self->coding_info = g_array_new (FALSE, TRUE, sizeof (GlossStripe));
  self->page_codings = g_ptr_array_new_full (n_pages, page_codings_free);

  for (guint p = 0; p < n_pages; p++)
    {
      GlossPdfPageCodings *pc = g_new0 (GlossPdfPageCodings, 1);

      pc->marks = g_array_new (FALSE, FALSE, sizeof (GlossPdfMark));
      pc->stripes = g_array_new (FALSE, FALSE, sizeof (GlossStripe));
      if (self->comparison != NULL)
        pc->agreement = g_array_new (FALSE, FALSE, sizeof (GlossPdfAgreementMark));
      g_ptr_array_add (self->page_codings, pc);
    }

  if (self->comparison != NULL)
    {
      for (guint i = 0; i < self->comparison->codings_a->len; i++)
        add_coding (self, g_ptr_array_index (self->comparison->codings_a, i), 0, n_chars);
      for (guint i = 0; i < self->comparison->codings_b->len; i++)
        add_coding (self, g_ptr_array_index (self->comparison->codings_b, i), 1, n_chars);
      add_agreement (self, n_chars);
    }
  else
    {
      for (guint i = 0; i < self->codings->len; i++)
        add_coding (self, g_ptr_array_index (self->codings, i), 0, n_chars);
    }

  for (guint p = 0; p < n_pages; p++)
    {
      GlossPdfPageCodings *pc = g_ptr_array_index (self->page_codings, p);

      if (self->comparison != NULL)
        {
          pc->n_columns = gloss_stripes_assign_group_columns (pc->stripes, 0, STRIPE_GAP_PT);
          pc->n_columns_b = gloss_stripes_assign_group_columns (pc->stripes, 1, STRIPE_GAP_PT);
        }
      else
        pc->n_columns = gloss_stripes_assign_columns (pc->stripes, STRIPE_GAP_PT);
    }
}

static GlossPdfPageCodings *
page_codings (GlossPdfView *self,
              guint         page)
{
  if (self->page_codings == NULL || page >= self->page_codings->len)
    return NULL;

  return g_ptr_array_index (self->page_codings, page);
}

/* Drawing ------------------------------------------------------------------ */

static void
mark_to_widget (GlossPdfView     *self,
                guint             page,
                const GlossRect  *rect,
                double            hvalue,
                double            vvalue,
                graphene_rect_t  *out)
{
  GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, page);
  double sx = info->width / info->width_pt;
  double sy = info->height / info->height_pt;

  graphene_rect_init (out,
                      info->x - hvalue + rect->x1 * sx,
                      info->y - vvalue + rect->y1 * sy,
                      (rect->x2 - rect->x1) * sx,
                      (rect->y2 - rect->y1) * sy);
}

void
_gloss_pdf_view_append_highlights (GlossPdfView *self,
                                   GtkSnapshot  *snapshot,
                                   guint         first,
                                   guint         last,
                                   double        hvalue,
                                   double        vvalue)
{
  if (self->coding_info == NULL)
    return;

  for (guint p = first; p <= last; p++)
    {
      GlossPdfPageCodings *pc = page_codings (self, p);

      if (pc == NULL)
        continue;

      /* Comparing: the code's text by who coded it, and no other fill. */
      for (guint i = 0; pc->agreement != NULL && i < pc->agreement->len; i++)
        {
          const GlossPdfAgreementMark *mark = &g_array_index (pc->agreement, GlossPdfAgreementMark, i);
          graphene_rect_t bounds;
          GdkRGBA colour;

          gloss_comparison_get_rgba (mark->kind, &colour);
          colour.alpha = GLOSS_COMPARISON_ALPHA;
          mark_to_widget (self, p, &mark->rect, hvalue, vvalue, &bounds);
          gtk_snapshot_append_color (snapshot, &colour, &bounds);
        }

      /* Each rect in its code's colour, translucent: where codings overlap
       * their colours blend. */
      for (guint i = 0; self->comparison == NULL && i < pc->marks->len; i++)
        {
          const GlossPdfMark *mark = &g_array_index (pc->marks, GlossPdfMark, i);
          const GlossStripe *info = &g_array_index (self->coding_info, GlossStripe, mark->coding);
          GdkRGBA colour = info->colour;
          graphene_rect_t bounds;

          colour.alpha = info->id == self->selected_coding ? GLOSS_HIGHLIGHT_SELECTED_ALPHA
                                                           : GLOSS_HIGHLIGHT_ALPHA;
          mark_to_widget (self, p, &mark->rect, hvalue, vvalue, &bounds);
          gtk_snapshot_append_color (snapshot, &colour, &bounds);
        }

      /* Outlines above every fill, so that none hides another's. */
      for (guint i = 0; i < pc->marks->len; i++)
        {
          const GlossPdfMark *mark = &g_array_index (pc->marks, GlossPdfMark, i);
          const GlossStripe *info = &g_array_index (self->coding_info, GlossStripe, mark->coding);
          gboolean selected = info->id == self->selected_coding;
          gboolean outlined = self->comparison == NULL &&
                              self->outlined_coder != 0 && info->coder_id == self->outlined_coder;
          graphene_rect_t bounds;
          GdkRGBA line;

          if (!selected && !outlined)
            continue;

          mark_to_widget (self, p, &mark->rect, hvalue, vvalue, &bounds);
          gloss_rgba_darken (&info->colour, selected ? 0.5 : 0.7, &line);
          gloss_stripes_append_outline (snapshot, &bounds, &line, selected ? 2.0 : 1.5);
        }
    }
}

static gboolean
stripe_bar (GlossPdfView      *self,
            guint              page,
            GlossPdfPageCodings *pc,
            const GlossStripe *stripe,
            double             hvalue,
            double             vvalue,
            graphene_rect_t   *bar)
{
  GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, page);
  double sy = info->height / info->height_pt;
  double x, w;

  if (self->comparison != NULL)
    {
      /* Coder B's columns next to the page, coder A's left of them. */
      double edge = info->x - hvalue - (stripe->group == 0 ? GLOSS_STRIPE_GROUP_WIDTH : 0);

      if (!gloss_stripes_bar_x (edge, stripe->column, stripe->group == 0 ? pc->n_columns : pc->n_columns_b,
                                GLOSS_STRIPE_GROUP_WIDTH, &x, &w))
        return FALSE;
    }
  else if (!gloss_stripes_bar_x (info->x - hvalue, stripe->column, pc->n_columns, STRIPE_MARGIN, &x, &w))
    return FALSE;

  graphene_rect_init (bar, x,
                      info->y - vvalue + stripe->y1 * sy,
                      w,
                      MAX ((stripe->y2 - stripe->y1) * sy, 2.0));
  return TRUE;
}

/* The centre of a coder's group of columns left of page. */
static double
label_centre (GlossPdfView *self,
              guint         page,
              guint         group,
              double        hvalue)
{
  GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, page);
  double edge = info->x - hvalue - (group == 0 ? GLOSS_STRIPE_GROUP_WIDTH : 0);

  return edge - (GLOSS_STRIPE_INSET + GLOSS_STRIPE_GROUP_WIDTH) / 2;
}

/* The coders' labels over their columns, at the top of the page while it
 * is in sight: they stay at the top of the view as the page scrolls up. */
static double
label_top (GlossPdfView *self,
           guint         page,
           double        vvalue)
{
  GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, page);
  double top = info->y - vvalue - GLOSS_STRIPE_LABEL_HEIGHT - 2;

  return MIN (MAX (top, 0), info->y - vvalue + info->height - GLOSS_STRIPE_LABEL_HEIGHT);
}

static void
append_labels (GlossPdfView *self,
               GtkSnapshot  *snapshot,
               guint         page,
               double        hvalue,
               double        vvalue)
{
  GdkRGBA colour;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &colour);
G_GNUC_END_IGNORE_DEPRECATIONS
  colour.alpha *= 0.75;

  for (guint group = 0; group < 2; group++)
    gloss_stripes_append_label (snapshot, GTK_WIDGET (self), self->labels[group], &colour,
                                label_centre (self, page, group, hvalue), label_top (self, page, vvalue));
}

void
_gloss_pdf_view_append_stripes (GlossPdfView *self,
                                GtkSnapshot  *snapshot,
                                guint         first,
                                guint         last,
                                double        hvalue,
                                double        vvalue)
{
  for (guint p = first; p <= last; p++)
    {
      GlossPdfPageCodings *pc = page_codings (self, p);

      if (pc == NULL)
        continue;

      for (guint i = 0; i < pc->stripes->len; i++)
        {
          const GlossStripe *stripe = &g_array_index (pc->stripes, GlossStripe, i);
          graphene_rect_t bar;

          if (!stripe_bar (self, p, pc, stripe, hvalue, vvalue, &bar))
            continue;

          gloss_stripes_append_bar (snapshot, &bar, &stripe->colour,
                                    stripe->id == self->selected_coding,
                                    self->comparison == NULL &&
                                    self->outlined_coder != 0 && stripe->coder_id == self->outlined_coder);
        }

      if (self->comparison != NULL)
        append_labels (self, snapshot, p, hvalue, vvalue);
    }
}

/* Hit testing -------------------------------------------------------------- */

static int
compare_by_length (gconstpointer a,
                   gconstpointer b)
{
  const GlossStripe *sa = *(const GlossStripe * const *) a;
  const GlossStripe *sb = *(const GlossStripe * const *) b;
  guint la = sa->end - sa->start;
  guint lb = sb->end - sb->start;

  if (la != lb)
    return la < lb ? -1 : 1;
  return sa->id < sb->id ? -1 : sa->id > sb->id;
}

gint64
_gloss_pdf_view_highlight_at (GlossPdfView *self,
                              double        x,
                              double        y)
{
  g_autoptr(GPtrArray) hits = NULL;
  GlossPdfPageCodings *pc;
  guint page;
  double px, py;

  if (self->coding_info == NULL ||
      !_gloss_pdf_view_point_to_page (self, x, y, FALSE, &page, &px, &py) ||
      (pc = page_codings (self, page)) == NULL)
    return 0;

  hits = g_ptr_array_new ();

  for (guint i = 0; i < pc->marks->len; i++)
    {
      const GlossPdfMark *mark = &g_array_index (pc->marks, GlossPdfMark, i);
      GlossStripe *info = &g_array_index (self->coding_info, GlossStripe, mark->coding);

      if (px >= mark->rect.x1 && px <= mark->rect.x2 &&
          py >= mark->rect.y1 && py <= mark->rect.y2 &&
          !g_ptr_array_find (hits, info, NULL))
        g_ptr_array_add (hits, info);
    }

  if (hits->len == 0)
    return 0;

  g_ptr_array_sort (hits, compare_by_length);

  /* Clicking again where codings overlap goes through them in turn. */
  for (guint i = 0; i < hits->len; i++)
    if (((GlossStripe *) g_ptr_array_index (hits, i))->id == self->selected_coding)
      return ((GlossStripe *) g_ptr_array_index (hits, (i + 1) % hits->len))->id;

  return ((GlossStripe *) g_ptr_array_index (hits, 0))->id;
}

static const GlossStripe *
stripe_at (GlossPdfView *self,
           double        x,
           double        y)
{
  double hvalue = _gloss_pdf_view_adjustment_value (self->hadjustment);
  double vvalue = _gloss_pdf_view_adjustment_value (self->vadjustment);
  GlossPdfPageCodings *pc;
  GlossPdfPageInfo *info;
  guint page;
  double px, py;
  int column;

  if (self->coding_info == NULL ||
      !_gloss_pdf_view_point_to_page (self, x, y, FALSE, &page, &px, &py) ||
      (pc = page_codings (self, page)) == NULL)
    return NULL;

  info = _gloss_pdf_view_page_info (self, page);
  if (self->comparison != NULL)
    column = -1;   /* two groups: each bar is tested */
  else if ((column = gloss_stripes_column_at (info->x - hvalue - x, pc->n_columns, STRIPE_MARGIN)) < 0)
    return NULL;

  for (guint i = 0; i < pc->stripes->len; i++)
    {
      const GlossStripe *stripe = &g_array_index (pc->stripes, GlossStripe, i);
      graphene_rect_t bar;

      if ((column >= 0 && stripe->column != (guint) column) ||
          !stripe_bar (self, page, pc, stripe, hvalue, vvalue, &bar))
        continue;

      if (column < 0 &&
          (x < bar.origin.x - GLOSS_STRIPE_GAP / 2 || x > bar.origin.x + bar.size.width + GLOSS_STRIPE_GAP / 2))
        continue;

      if (y >= bar.origin.y - 1 && y <= bar.origin.y + bar.size.height + 1)
        return stripe;
    }

  return NULL;
}

gint64
_gloss_pdf_view_stripe_at (GlossPdfView *self,
                           double        x,
                           double        y)
{
  const GlossStripe *stripe = stripe_at (self, x, y);

  return stripe != NULL ? stripe->id : 0;
}

gboolean
_gloss_pdf_view_get_stripe_bar (GlossPdfView    *self,
                                gint64           coding_id,
                                guint            page,
                                graphene_rect_t *bar)
{
  GlossPdfPageCodings *pc = page_codings (self, page);

  if (pc == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  for (guint i = 0; i < pc->stripes->len; i++)
    {
      const GlossStripe *stripe = &g_array_index (pc->stripes, GlossStripe, i);

      if (stripe->id == coding_id)
        return stripe_bar (self, page, pc, stripe,
                           _gloss_pdf_view_adjustment_value (self->hadjustment),
                           _gloss_pdf_view_adjustment_value (self->vadjustment),
                           bar);
    }

  return FALSE;
}

gboolean
_gloss_pdf_view_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  GlossPdfView *self = GLOSS_PDF_VIEW (widget);
  const GlossStripe *stripe;
  g_autofree char *markup = NULL;

  if (keyboard_tooltip)
    return FALSE;

  /* A coder's label: whose stripes these are. */
  if (self->comparison != NULL && self->page_codings != NULL)
    {
      double hvalue = _gloss_pdf_view_adjustment_value (self->hadjustment);
      double vvalue = _gloss_pdf_view_adjustment_value (self->vadjustment);
      guint first, last;

      if (_gloss_pdf_view_visible_range (self, &first, &last))
        for (guint page = first; page <= last && page < self->page_codings->len; page++)
          {
            double top = label_top (self, page, vvalue);

            if (y < top || y >= top + GLOSS_STRIPE_LABEL_HEIGHT)
              continue;

            for (guint group = 0; group < 2; group++)
              if (fabs (x - label_centre (self, page, group, hvalue)) <= GLOSS_STRIPE_GROUP_WIDTH / 2)
                {
                  gtk_tooltip_set_text (tooltip, group == 0 ? self->comparison->name_a
                                                            : self->comparison->name_b);
                  return TRUE;
                }
          }
    }

  if ((stripe = stripe_at (self, x, y)) == NULL)
    return FALSE;

  markup = gloss_coding_dup_tooltip_markup (stripe->coding);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Selection of a coding ------------------------------------------------------ */

void
_gloss_pdf_view_set_selected_coding (GlossPdfView *self,
                                     gint64        coding_id)
{
  if (self->selected_coding == coding_id)
    return;

  self->selected_coding = coding_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _gloss_pdf_view_notify (self, PROP_SELECTED_CODING);
}

void
_gloss_pdf_view_activate_coding (GlossPdfView *self,
                                 gint64        coding_id)
{
  _gloss_pdf_view_set_selected_coding (self, coding_id);
  _gloss_pdf_view_emit_coding_clicked (self, coding_id);
}

/* Public API ------------------------------------------------------------- */

void
gloss_pdf_view_set_codings (GlossPdfView *self,
                            GPtrArray    *codings)
{
  double old_margin;

  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  old_margin = _gloss_pdf_view_stripe_margin (self);

  if (codings != NULL)
    g_ptr_array_ref (codings);
  _gloss_pdf_view_clear_codings (self);
  self->codings = codings;
  _gloss_pdf_view_rebuild_codings (self);

  /* A selected coding that is gone is no longer selected; one selected
   * before the list caught up with it stays. */
  if (self->selected_coding != 0 && find_coding (self, self->selected_coding, NULL) == NULL)
    {
      gboolean listed = FALSE;

      for (guint i = 0; codings != NULL && i < codings->len && !listed; i++)
        listed = gloss_coding_get_id (g_ptr_array_index (codings, i)) == self->selected_coding;
      if (!listed)
        _gloss_pdf_view_set_selected_coding (self, 0);
    }

  if (old_margin != _gloss_pdf_view_stripe_margin (self))
    {
      _gloss_pdf_view_relayout (self);
      _gloss_pdf_view_configure_adjustments (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gloss_pdf_view_set_comparison (GlossPdfView          *self,
                               const GlossComparison *comparison)
{
  double old_margin;

  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  if (comparison == NULL && self->comparison == NULL)
    return;

  old_margin = _gloss_pdf_view_stripe_margin (self);

  clear_comparison (self);
  if (comparison != NULL)
    {
      self->comparison = gloss_comparison_copy (comparison);
      gloss_comparison_get_labels (self->comparison, &self->labels[0], &self->labels[1]);
    }
  _gloss_pdf_view_rebuild_codings (self);

  if (self->selected_coding != 0 && find_coding (self, self->selected_coding, NULL) == NULL)
    _gloss_pdf_view_set_selected_coding (self, 0);

  if (old_margin != _gloss_pdf_view_stripe_margin (self))
    {
      _gloss_pdf_view_relayout (self);
      _gloss_pdf_view_configure_adjustments (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const GlossComparison *
gloss_pdf_view_get_comparison (GlossPdfView *self)
{
  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), NULL);

  return self->comparison;
}

void
gloss_pdf_view_select_coding (GlossPdfView *self,
                              gint64        coding_id)
{
  const GlossStripe *info;
  guint index;

  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  _gloss_pdf_view_set_selected_coding (self, coding_id);

  info = find_coding (self, coding_id, &index);
  if (info == NULL)
    return;

  /* To its first rect: the first page that has a mark of it. */
  for (guint p = 0; self->page_codings != NULL && p < self->page_codings->len; p++)
    {
      GlossPdfPageCodings *pc = g_ptr_array_index (self->page_codings, p);

      for (guint i = 0; i < pc->marks->len; i++)
        {
          const GlossPdfMark *mark = &g_array_index (pc->marks, GlossPdfMark, i);

          if (mark->coding == index)
            {
              gloss_pdf_view_scroll_to_point (self, p, mark->rect.x1, mark->rect.y1);
              return;
            }
        }
    }
}

gint64
gloss_pdf_view_get_selected_coding (GlossPdfView *self)
{
  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), 0);

  return self->selected_coding;
}

void
gloss_pdf_view_set_outlined_coder (GlossPdfView *self,
                                   gint64        coder_id)
{
  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  if (self->outlined_coder == coder_id)
    return;

  self->outlined_coder = coder_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
