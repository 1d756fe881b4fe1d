/* gloss-pdf-view-layout.c: GlossPdfView's page geometry, scrolling and
 * zoom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-PdfView"

#include <math.h>

#include "gloss-pdf-view-private.h"

#define MARGIN          16.0   /* logical pixels around the pages */
#define GAP             12.0   /* between two pages */
/* A page's texture has at most this many pixels (64 MiB); beyond it, as at
 * 600 % on A4, the page is rendered at the largest scale that fits and
 * drawn magnified. */
#define MAX_PAGE_PIXELS (16.0 * 1024 * 1024)

static const double zoom_steps[] = {
  0.5, 2.0 / 3.0, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 6.0, 8.0,
};

/* Geometry ---------------------------------------------------------------- */

/* Device pixels per point at the current zoom. */
static double
render_scale (GlossPdfView *self)
{
  return self->zoom * GLOSS_PDF_VIEW_PIXELS_PER_POINT * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

/* The scale at which page is rendered: render_scale, within the cap. */
double
_gloss_pdf_view_page_render_scale (GlossPdfView *self,
                                   guint         page)
{
  GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, page);
  double scale = render_scale (self);
  double area = MAX (info->width_pt * info->height_pt, 1.0);

  if (area * scale * scale > MAX_PAGE_PIXELS)
    scale = sqrt (MAX_PAGE_PIXELS / area);

  return scale;
}

void
_gloss_pdf_view_relayout (GlossPdfView *self)
{
  int view_width = gtk_widget_get_width (GTK_WIDGET (self));
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double scale = render_scale (self);
  double max_width = 0;
  double y = MARGIN;
  double stripes = _gloss_pdf_view_stripe_margin (self);
  double avail;

  for (guint i = 0; i < _gloss_pdf_view_n_pages (self); i++)
    {
      GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, i);
      int pw, ph;

      /* The page is exactly as large as its texture at the current scale,
       * so that a rendered page maps pixel for pixel. */
      gloss_render_worker_pixel_size (info->width_pt, info->height_pt, scale, &pw, &ph);
      info->width = (double) pw / scale_factor;
      info->height = (double) ph / scale_factor;
      max_width = MAX (max_width, info->width);
    }

  /* The coding stripes' margin is left of the pages; they stay centred
   * while there is room for it. */
  self->content_width = _gloss_pdf_view_n_pages (self) > 0 ? max_width + 2 * MARGIN + stripes : 0;
  avail = MAX (view_width, self->content_width);

  for (guint i = 0; i < _gloss_pdf_view_n_pages (self); i++)
    {
      GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, i);

      info->x = MAX (floor ((avail - info->width) / 2), MARGIN + stripes);
      info->y = y;
      y += info->height + GAP;
    }

  self->content_height = _gloss_pdf_view_n_pages (self) > 0 ? y - GAP + MARGIN : 0;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         view)
{
  double upper = MAX (content, view);

  if (adjustment == NULL)
    return;

  gtk_adjustment_configure (adjustment,
                            CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - view),
                            0, upper,
                            GLOSS_PDF_VIEW_SCROLL_STEP, view * 0.9, view);
}

void
_gloss_pdf_view_configure_adjustments (GlossPdfView *self)
{
  configure_adjustment (self->hadjustment, self->content_width, gtk_widget_get_width (GTK_WIDGET (self)));
  configure_adjustment (self->vadjustment, self->content_height, gtk_widget_get_height (GTK_WIDGET (self)));
}

/* The first page whose bottom (with the gap after it) is below y. */
static guint
page_at_y (GlossPdfView *self,
           double        y)
{
  guint lo = 0, hi = _gloss_pdf_view_n_pages (self);

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, mid);

      if (info->y + info->height + GAP / 2 <= y)
        lo = mid + 1;
      else
        hi = mid;
    }

  return MIN (lo, _gloss_pdf_view_n_pages (self) - 1);
}

/* The pages that intersect the viewport, first to last; FALSE when none. */
gboolean
_gloss_pdf_view_visible_range (GlossPdfView *self,
                               guint        *first,
                               guint        *last)
{
  double top = _gloss_pdf_view_adjustment_value (self->vadjustment);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));

  if (_gloss_pdf_view_n_pages (self) == 0 || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  *first = page_at_y (self, top);
  *last = page_at_y (self, bottom);

  return TRUE;
}

void
_gloss_pdf_view_update_current_page (GlossPdfView *self)
{
  double top = _gloss_pdf_view_adjustment_value (self->vadjustment);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));
  double best_area = -1;
  guint best = self->current_page;
  guint first, last;

  if (!_gloss_pdf_view_visible_range (self, &first, &last))
    return;

  for (guint i = first; i <= last; i++)
    {
      GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, i);
      double visible = MIN (bottom, info->y + info->height) - MAX (top, info->y);

      if (visible > best_area + 0.5)
        {
          best_area = visible;
          best = i;
        }
    }

  if (best != self->current_page)
    {
      self->current_page = best;
      _gloss_pdf_view_notify (self, PROP_PAGE);
    }
}

/* From a widget point to a page and a point on it, in points.  The page is
 * the one under the point, or the nearest one in the gap between two;
 * clamp keeps the point within the page. */
gboolean
_gloss_pdf_view_point_to_page (GlossPdfView *self,
                               double        wx,
                               double        wy,
                               gboolean      clamp,
                               guint        *page,
                               double       *px,
                               double       *py)
{
  double x = wx + _gloss_pdf_view_adjustment_value (self->hadjustment);
  double y = wy + _gloss_pdf_view_adjustment_value (self->vadjustment);
  GlossPdfPageInfo *info;
  guint i;

  if (_gloss_pdf_view_n_pages (self) == 0 || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  i = page_at_y (self, y);
  info = _gloss_pdf_view_page_info (self, i);

  *page = i;
  *px = (x - info->x) * info->width_pt / info->width;
  *py = (y - info->y) * info->height_pt / info->height;

  if (clamp)
    {
      *px = CLAMP (*px, 0, info->width_pt);
      *py = CLAMP (*py, 0, info->height_pt);
    }

  return TRUE;
}

/* Content coordinates of a point on a page. */
void
_gloss_pdf_view_page_to_content (GlossPdfView *self,
                                 guint         page,
                                 double        px,
                                 double        py,
                                 double       *x,
                                 double       *y)
{
  GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, page);

  *x = info->x + px * info->width / info->width_pt;
  *y = info->y + py * info->height / info->height_pt;
}

void
_gloss_pdf_view_apply_pending_scroll (GlossPdfView *self)
{
  GlossPdfPendingScroll scroll = self->pending_scroll;
  double x, y;
  double view_width = gtk_widget_get_width (GTK_WIDGET (self));
  double view_height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!scroll.active || _gloss_pdf_view_n_pages (self) == 0 || view_width <= 0)
    return;

  self->pending_scroll.active = FALSE;

  if (scroll.page >= _gloss_pdf_view_n_pages (self))
    return;

  if (scroll.to_top)
    {
      gtk_adjustment_set_value (self->vadjustment, _gloss_pdf_view_page_info (self, scroll.page)->y - GAP / 2);
      return;
    }

  _gloss_pdf_view_page_to_content (self, scroll.page, scroll.px, scroll.py, &x, &y);

  /* Only when the point is out of sight, and then a quarter down. */
  if (y < _gloss_pdf_view_adjustment_value (self->vadjustment) + GLOSS_PDF_VIEW_SCROLL_STEP / 2 ||
      y > _gloss_pdf_view_adjustment_value (self->vadjustment) + view_height - GLOSS_PDF_VIEW_SCROLL_STEP)
    gtk_adjustment_set_value (self->vadjustment, y - view_height / 4);

  if (x < _gloss_pdf_view_adjustment_value (self->hadjustment) ||
      x > _gloss_pdf_view_adjustment_value (self->hadjustment) + view_width)
    gtk_adjustment_set_value (self->hadjustment, x - view_width / 4);
}

/* Scrolling --------------------------------------------------------------- */

static void
adjustment_value_changed_cb (GlossPdfView  *self,
                             GtkAdjustment *adjustment)
{
  _gloss_pdf_view_update_current_page (self);
  _gloss_pdf_view_update_requests (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_gloss_pdf_view_set_adjustment (GlossPdfView   *self,
                                GtkOrientation  orientation,
                                GtkAdjustment  *adjustment)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;
  GtkAdjustment **slot = horizontal ? &self->hadjustment : &self->vadjustment;

  if (adjustment == *slot)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  _gloss_pdf_view_configure_adjustments (self);
  g_object_notify (G_OBJECT (self), horizontal ? "hadjustment" : "vadjustment");
}

void
_gloss_pdf_view_clear_adjustments (GlossPdfView *self)
{
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
}

/* Zoom ------------------------------------------------------------------- */

/* Changes the zoom keeping the point of the page under the widget point
 * (ax, ay) where it is. */
void
_gloss_pdf_view_zoom_at (GlossPdfView *self,
                         double        zoom,
                         double        ax,
                         double        ay)
{
  gboolean anchored;
  guint page = 0;
  double px = 0, py = 0;

  zoom = CLAMP (zoom, GLOSS_PDF_VIEW_MIN_ZOOM, GLOSS_PDF_VIEW_MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-9)
    return;

  anchored = _gloss_pdf_view_point_to_page (self, ax, ay, FALSE, &page, &px, &py);

  self->zoom = zoom;
  _gloss_pdf_view_relayout (self);
  _gloss_pdf_view_configure_adjustments (self);

  if (anchored)
    {
      double x, y;

      _gloss_pdf_view_page_to_content (self, page, px, py, &x, &y);
      gtk_adjustment_set_value (self->hadjustment, x - ax);
      gtk_adjustment_set_value (self->vadjustment, y - ay);
    }

  _gloss_pdf_view_update_current_page (self);
  _gloss_pdf_view_update_requests (self);
  /* The view is laid out and scrolled already; only its natural size is
   * new, which its scrolled window does not ask for. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _gloss_pdf_view_notify (self, PROP_ZOOM);
}

double
_gloss_pdf_view_fit_width_zoom (GlossPdfView *self)
{
  double widest = 0;
  double avail = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN - _gloss_pdf_view_stripe_margin (self);

  for (guint i = 0; i < _gloss_pdf_view_n_pages (self); i++)
    widest = MAX (widest, _gloss_pdf_view_page_info (self, i)->width_pt);

  if (widest <= 0 || avail <= 0)
    return self->zoom;

  /* A hair less, so that rounding never makes a horizontal scroll bar. */
  return (avail - 1) / (widest * GLOSS_PDF_VIEW_PIXELS_PER_POINT);
}

/* A zoom chosen by the user ends fit width. */
void
_gloss_pdf_view_leave_fit_width (GlossPdfView *self)
{
  if (self->fit_width)
    {
      self->fit_width = FALSE;
      _gloss_pdf_view_notify (self, PROP_FIT_WIDTH);
    }
}

static void
set_zoom_internal (GlossPdfView *self,
                   double        zoom)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  _gloss_pdf_view_leave_fit_width (self);
  _gloss_pdf_view_zoom_at (self, zoom, width / 2.0, height / 2.0);
}

/* Public API ------------------------------------------------------------- */

void
gloss_pdf_view_set_zoom (GlossPdfView *self,
                         double        zoom)
{
  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  set_zoom_internal (self, zoom);
}

double
gloss_pdf_view_get_zoom (GlossPdfView *self)
{
  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), 1.0);

  return self->zoom;
}

void
gloss_pdf_view_zoom_in (GlossPdfView *self)
{
  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom + 1e-3)
      {
        set_zoom_internal (self, zoom_steps[i]);
        return;
      }
}

void
gloss_pdf_view_zoom_out (GlossPdfView *self)
{
  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < self->zoom - 1e-3)
      {
        set_zoom_internal (self, zoom_steps[i - 1]);
        return;
      }
}

void
gloss_pdf_view_set_fit_width (GlossPdfView *self,
                              gboolean      fit_width)
{
  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  fit_width = !!fit_width;
  if (fit_width == self->fit_width)
    return;

  self->fit_width = fit_width;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  _gloss_pdf_view_notify (self, PROP_FIT_WIDTH);
}

gboolean
gloss_pdf_view_get_fit_width (GlossPdfView *self)
{
  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), FALSE);

  return self->fit_width;
}

guint
gloss_pdf_view_get_page (GlossPdfView *self)
{
  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), 0);

  return self->current_page;
}

guint
gloss_pdf_view_get_n_pages (GlossPdfView *self)
{
  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), 0);

  return _gloss_pdf_view_n_pages (self);
}

void
gloss_pdf_view_go_to_page (GlossPdfView *self,
                           guint         page)
{
  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  if (page >= _gloss_pdf_view_n_pages (self))
    return;

  self->pending_scroll = (GlossPdfPendingScroll) { TRUE, page, 0, 0, TRUE };
  _gloss_pdf_view_apply_pending_scroll (self);
}

void
gloss_pdf_view_scroll_to_point (GlossPdfView *self,
                                guint         page,
                                double        px,
                                double        py)
{
  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  if (page >= _gloss_pdf_view_n_pages (self))
    return;

  self->pending_scroll = (GlossPdfPendingScroll) { TRUE, page, px, py, FALSE };
  _gloss_pdf_view_apply_pending_scroll (self);
}

gboolean
gloss_pdf_view_page_to_widget (GlossPdfView *self,
                               guint         page,
                               double        px,
                               double        py,
                               double       *wx,
                               double       *wy)
{
  double x, y;

  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), FALSE);

  if (page >= _gloss_pdf_view_n_pages (self) || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  _gloss_pdf_view_page_to_content (self, page, px, py, &x, &y);

  if (wx != NULL)
    *wx = x - _gloss_pdf_view_adjustment_value (self->hadjustment);
  if (wy != NULL)
    *wy = y - _gloss_pdf_view_adjustment_value (self->vadjustment);

  return TRUE;
}

gboolean
gloss_pdf_view_widget_to_page (GlossPdfView *self,
                               double        wx,
                               double        wy,
                               guint        *page,
                               double       *px,
                               double       *py)
{
  guint p;
  double x, y;

  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), FALSE);

  if (!_gloss_pdf_view_point_to_page (self, wx, wy, FALSE, &p, &x, &y))
    return FALSE;

  if (page != NULL)
    *page = p;
  if (px != NULL)
    *px = x;
  if (py != NULL)
    *py = y;

  return TRUE;
}
