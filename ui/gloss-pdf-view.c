/* gloss-pdf-view.c: the pages of a PDF, rendered off the main thread, with
 * text selection mapped to offsets into the document's canonical text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-PdfView"

#include <glib/gi18n.h>
#include <math.h>

#include "gloss-page-cache.h"
#include "gloss-pdf-view.h"
#include "gloss-render-worker.h"

#define MARGIN          16.0   /* logical pixels around the pages */
#define GAP             12.0   /* between two pages */
#define SCROLL_STEP     48.0
#define DRAG_THRESHOLD  3.0
#define CACHE_BYTES     (256 * 1024 * 1024)
/* A page's texture has at most this many pixels (64 MiB); beyond it, as at
 * 600 % on A4, the page is rendered at the largest scale that fits and
 * drawn magnified. */
#define MAX_PAGE_PIXELS (16.0 * 1024 * 1024)

static const double zoom_steps[] = {
  0.5, 2.0 / 3.0, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 6.0, 8.0,
};

typedef struct
{
  double        width_pt;   /* the page's size in points */
  double        height_pt;
  double        x;          /* its place in the content, logical pixels */
  double        y;
  double        width;
  double        height;
  GCancellable *pending;    /* the render job in flight, if any */
  double        pending_scale;
} PageInfo;

typedef struct
{
  gboolean active;
  guint    page;
  double   px;
  double   py;
  gboolean to_top;          /* the page's top at the top of the view */
} PendingScroll;

struct _GlossPdfView
{
  GtkWidget          parent_instance;

  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  guint              hscroll_policy : 1;
  guint              vscroll_policy : 1;

  GlossLayout       *layout;
  GlossRenderWorker *worker;
  GCancellable      *open_cancellable;
  GArray            *pages;           /* PageInfo */
  GlossPageCache    *cache;
  gboolean           error_reported;

  double             zoom;
  gboolean           fit_width;
  double             content_width;
  double             content_height;
  guint              current_page;
  PendingScroll      pending_scroll;

  guint              sel_anchor;
  guint              sel_start;
  guint              sel_end;
  GArray            *sel_rects;       /* GlossPageRect */

  GtkGesture        *drag;
  guint              drag_anchor;
  double             drag_x;
  double             drag_y;
  double             drag_dx;
  double             drag_dy;
  gboolean           drag_active;
  gboolean           drag_moved;
  guint              last_n_press;
  guint              autoscroll_id;
  double             pointer_x;
  double             pointer_y;
  double             pinch_zoom;      /* the zoom when a pinch began */
  gboolean           text_cursor;
};

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_SELECTION_START,
  PROP_SELECTION_END,
  PROP_HAS_SELECTION,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  RENDER_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossPdfView, gloss_pdf_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void update_requests (GlossPdfView *self);

/* Geometry ---------------------------------------------------------------- */

static inline PageInfo *
page_info (GlossPdfView *self,
           guint         page)
{
  return &g_array_index (self->pages, PageInfo, page);
}

static inline guint
n_pages (GlossPdfView *self)
{
  return self->pages != NULL ? self->pages->len : 0;
}

static double
adjustment_value (GtkAdjustment *adjustment)
{
  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0.0;
}

/* Device pixels per point at the current zoom. */
static double
render_scale (GlossPdfView *self)
{
  return self->zoom * GLOSS_PDF_VIEW_PIXELS_PER_POINT * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

/* The scale at which page is rendered: render_scale, within the cap. */
static double
page_render_scale (GlossPdfView *self,
                   guint         page)
{
  PageInfo *info = page_info (self, page);
  double scale = render_scale (self);
  double area = MAX (info->width_pt * info->height_pt, 1.0);

  if (area * scale * scale > MAX_PAGE_PIXELS)
    scale = sqrt (MAX_PAGE_PIXELS / area);

  return scale;
}

static gboolean
same_scale (double a,
            double b)
{
  return fabs (a - b) < 1e-6;
}

static void
relayout (GlossPdfView *self)
{
  int view_width = gtk_widget_get_width (GTK_WIDGET (self));
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double scale = render_scale (self);
  double max_width = 0;
  double y = MARGIN;
  double avail;

  for (guint i = 0; i < n_pages (self); i++)
    {
      PageInfo *info = page_info (self, i);
      int pw, ph;

      /* The page is exactly as large as its texture at the current scale,
       * so that a rendered page maps pixel for pixel. */
      gloss_render_worker_pixel_size (info->width_pt, info->height_pt, scale, &pw, &ph);
      info->width = (double) pw / scale_factor;
      info->height = (double) ph / scale_factor;
      max_width = MAX (max_width, info->width);
    }

  self->content_width = n_pages (self) > 0 ? max_width + 2 * MARGIN : 0;
  avail = MAX (view_width, self->content_width);

  for (guint i = 0; i < n_pages (self); i++)
    {
      PageInfo *info = page_info (self, i);

      info->x = floor ((avail - info->width) / 2);
      info->y = y;
      y += info->height + GAP;
    }

  self->content_height = n_pages (self) > 0 ? y - GAP + MARGIN : 0;
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
                            SCROLL_STEP, view * 0.9, view);
}

static void
configure_adjustments (GlossPdfView *self)
{
  configure_adjustment (self->hadjustment, self->content_width, gtk_widget_get_width (GTK_WIDGET (self)));
  configure_adjustment (self->vadjustment, self->content_height, gtk_widget_get_height (GTK_WIDGET (self)));
}

/* The first page whose bottom (with the gap after it) is below y. */
static guint
page_at_y (GlossPdfView *self,
           double        y)
{
  guint lo = 0, hi = n_pages (self);

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      PageInfo *info = page_info (self, mid);

      if (info->y + info->height + GAP / 2 <= y)
        lo = mid + 1;
      else
        hi = mid;
    }

  return MIN (lo, n_pages (self) - 1);
}

/* The pages that intersect the viewport, first to last; FALSE when none. */
static gboolean
visible_range (GlossPdfView *self,
               guint        *first,
               guint        *last)
{
  double top = adjustment_value (self->vadjustment);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));

  if (n_pages (self) == 0 || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  *first = page_at_y (self, top);
  *last = page_at_y (self, bottom);

  return TRUE;
}

static void
update_current_page (GlossPdfView *self)
{
  double top = adjustment_value (self->vadjustment);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));
  double best_area = -1;
  guint best = self->current_page;
  guint first, last;

  if (!visible_range (self, &first, &last))
    return;

  for (guint i = first; i <= last; i++)
    {
      PageInfo *info = page_info (self, i);
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

/* From a widget point to a page and a point on it, in points.  The page is
 * the one under the point, or the nearest one in the gap between two;
 * clamp keeps the point within the page. */
static gboolean
point_to_page (GlossPdfView *self,
               double        wx,
               double        wy,
               gboolean      clamp,
               guint        *page,
               double       *px,
               double       *py)
{
  double x = wx + adjustment_value (self->hadjustment);
  double y = wy + adjustment_value (self->vadjustment);
  PageInfo *info;
  guint i;

  if (n_pages (self) == 0 || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  i = page_at_y (self, y);
  info = page_info (self, i);

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
static void
page_to_content (GlossPdfView *self,
                 guint         page,
                 double        px,
                 double        py,
                 double       *x,
                 double       *y)
{
  PageInfo *info = page_info (self, page);

  *x = info->x + px * info->width / info->width_pt;
  *y = info->y + py * info->height / info->height_pt;
}

static void
apply_pending_scroll (GlossPdfView *self)
{
  PendingScroll scroll = self->pending_scroll;
  double x, y;
  double view_width = gtk_widget_get_width (GTK_WIDGET (self));
  double view_height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!scroll.active || n_pages (self) == 0 || view_width <= 0)
    return;

  self->pending_scroll.active = FALSE;

  if (scroll.page >= n_pages (self))
    return;

  if (scroll.to_top)
    {
      gtk_adjustment_set_value (self->vadjustment, page_info (self, scroll.page)->y - GAP / 2);
      return;
    }

  page_to_content (self, scroll.page, scroll.px, scroll.py, &x, &y);

  /* Only when the point is out of sight, and then a quarter down. */
  if (y < adjustment_value (self->vadjustment) + SCROLL_STEP / 2 ||
      y > adjustment_value (self->vadjustment) + view_height - SCROLL_STEP)
    gtk_adjustment_set_value (self->vadjustment, y - view_height / 4);

  if (x < adjustment_value (self->hadjustment) ||
      x > adjustment_value (self->hadjustment) + view_width)
    gtk_adjustment_set_value (self->hadjustment, x - view_width / 4);
}

/* Rendering --------------------------------------------------------------- */

typedef struct
{
  GlossPdfView *self;        /* not a reference: see render_done_cb */
  guint         page;
  double        scale;
} RenderRequest;

static void
report_error (GlossPdfView *self,
              const GError *error)
{
  if (self->error_reported)
    return;

  self->error_reported = TRUE;
  g_debug ("Cannot display the document: %s", error->message);
  g_signal_emit (self, signals[RENDER_ERROR], 0, error->message);
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree RenderRequest *request = user_data;
  g_autoptr(GPtrArray) strips = NULL;
  g_autoptr(GError) error = NULL;
  GlossPdfView *self;
  PageInfo *info;

  strips = gloss_render_worker_render_finish (GLOSS_RENDER_WORKER (object), result, &error);

  /* Every job's cancellable is cancelled before the view lets go of it
   * (a new job for the page, a new document, dispose), and a cancelled
   * task reports cancellation even when the thread finished it: past this
   * point the view is alive and the job is the page's current one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = request->self;
  info = page_info (self, request->page);
  g_clear_object (&info->pending);

  if (strips == NULL)
    {
      report_error (self, error);
      return;
    }

  gloss_page_cache_insert (self->cache, request->page, request->scale, strips);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cancel_page (PageInfo *info)
{
  if (info->pending != NULL)
    {
      g_cancellable_cancel (info->pending);
      g_clear_object (&info->pending);
    }
}

static void
request_page (GlossPdfView *self,
              guint         page)
{
  PageInfo *info = page_info (self, page);
  double scale = page_render_scale (self, page);
  RenderRequest *request;
  double cached_scale;

  if (gloss_page_cache_lookup (self->cache, page, &cached_scale) != NULL &&
      same_scale (cached_scale, scale))
    return;

  if (info->pending != NULL && same_scale (info->pending_scale, scale))
    return;

  cancel_page (info);

  request = g_new0 (RenderRequest, 1);
  request->self = self;
  request->page = page;
  request->scale = scale;

  info->pending = g_cancellable_new ();
  info->pending_scale = scale;

  gloss_render_worker_render_async (self->worker, page, scale, NULL,
                                    info->pending, render_done_cb, request);
}

/* Requests the pages in the viewport and one more on either side, the
 * middle ones first, and cancels the jobs of the others. */
static void
update_requests (GlossPdfView *self)
{
  guint first, last;

  if (self->worker == NULL || !visible_range (self, &first, &last))
    return;

  if (first > 0)
    first--;
  if (last + 1 < n_pages (self))
    last++;

  for (guint i = 0; i < n_pages (self); i++)
    if (i < first || i > last)
      cancel_page (page_info (self, i));

  request_page (self, CLAMP (self->current_page, first, last));
  for (guint i = first; i <= last; i++)
    request_page (self, i);
}

static void
cancel_all (GlossPdfView *self)
{
  for (guint i = 0; i < n_pages (self); i++)
    cancel_page (page_info (self, i));

  if (self->open_cancellable != NULL)
    {
      g_cancellable_cancel (self->open_cancellable);
      g_clear_object (&self->open_cancellable);
    }
}

static void
set_pages (GlossPdfView *self,
           GArray       *sizes)   /* GlossPageSize */
{
  g_array_set_size (self->pages, 0);

  for (guint i = 0; i < sizes->len; i++)
    {
      GlossPageSize *size = &g_array_index (sizes, GlossPageSize, i);
      PageInfo info = { 0 };

      /* A page without a size would divide by zero: give it US Letter. */
      info.width_pt = size->width > 0 ? size->width : 612;
      info.height_pt = size->height > 0 ? size->height : 792;
      g_array_append_val (self->pages, info);
    }

  self->current_page = 0;
  relayout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(GError) error = NULL;
  GlossPdfView *self;

  sizes = gloss_render_worker_open_finish (GLOSS_RENDER_WORKER (object), result, &error);

  /* As for render_done_cb: not cancelled means the view is alive. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = GLOSS_PDF_VIEW (user_data);
  g_clear_object (&self->open_cancellable);

  if (sizes == NULL)
    {
      report_error (self, error);
      return;
    }

  if (self->layout == NULL)
    set_pages (self, sizes);
  else if (sizes->len != n_pages (self))
    g_warning ("The layout has %u pages and poppler finds %u", n_pages (self), sizes->len);

  update_requests (self);
}

/* Selection --------------------------------------------------------------- */

static void
set_selection_internal (GlossPdfView *self,
                        guint         anchor,
                        guint         cursor)
{
  guint n_chars = self->layout != NULL ? gloss_layout_get_n_chars (self->layout) : 0;
  guint start = MIN (MIN (anchor, cursor), n_chars);
  guint end = MIN (MAX (anchor, cursor), n_chars);
  gboolean had_selection = self->sel_start < self->sel_end;

  self->sel_anchor = MIN (anchor, n_chars);

  if (start == end)
    start = end = 0;

  if (start == self->sel_start && end == self->sel_end)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (start != self->sel_start)
    {
      self->sel_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_START]);
    }

  if (end != self->sel_end)
    {
      self->sel_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_END]);
    }

  if (had_selection != (start < end))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);

  g_clear_pointer (&self->sel_rects, g_array_unref);
  if (start < end)
    self->sel_rects = gloss_layout_rects_for_range (self->layout, start, end);

  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
caret_at_widget_point (GlossPdfView *self,
                       double        wx,
                       double        wy,
                       guint        *caret)
{
  guint page;
  double px, py;

  if (self->layout == NULL || !point_to_page (self, wx, wy, TRUE, &page, &px, &py))
    return FALSE;

  if (page >= gloss_layout_get_n_pages (self->layout))
    return FALSE;

  *caret = gloss_layout_caret_at_point (self->layout, page, px, py);
  return TRUE;
}

static gboolean
char_at_widget_point (GlossPdfView *self,
                      double        wx,
                      double        wy,
                      guint        *offset)
{
  guint page;
  double px, py;

  if (self->layout == NULL || !point_to_page (self, wx, wy, FALSE, &page, &px, &py))
    return FALSE;

  if (page >= gloss_layout_get_n_pages (self->layout))
    return FALSE;

  return gloss_layout_char_at_point (self->layout, page, px, py, offset);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_' ||
         c == '\'' || c == 0x2019;  /* apostrophes inside words: don't */
}

/* Selects the word (or, for lines, the line) around the character at
 * offset, within its page. */
static void
select_around (GlossPdfView *self,
               guint         offset,
               gboolean      line)
{
  const char *text = gloss_layout_get_text (self->layout);
  const GlossPage *page = gloss_layout_get_page (self->layout, gloss_layout_page_at_offset (self->layout, offset));
  const char *at = g_utf8_offset_to_pointer (text, offset);
  const char *p;
  guint start = offset, end = offset;

  if (line)
    {
      for (p = at; start > page->start; start--)
        {
          p = g_utf8_prev_char (p);
          if (g_utf8_get_char (p) == '\n')
            break;
        }
      for (p = at; end < page->end && g_utf8_get_char (p) != '\n'; end++)
        p = g_utf8_next_char (p);
    }
  else if (!is_word_char (g_utf8_get_char (at)))
    {
      end = offset + 1;
    }
  else
    {
      for (p = at; start > page->start; start--)
        {
          const char *prev = g_utf8_prev_char (p);

          if (!is_word_char (g_utf8_get_char (prev)))
            break;
          p = prev;
        }
      for (p = at; end < page->end && is_word_char (g_utf8_get_char (p)); end++)
        p = g_utf8_next_char (p);
    }

  set_selection_internal (self, start, end);
}

/* Input ------------------------------------------------------------------- */

static void
drag_select_to (GlossPdfView *self,
                double        wx,
                double        wy)
{
  guint cursor;

  if (caret_at_widget_point (self, wx, wy, &cursor))
    set_selection_internal (self, self->drag_anchor, cursor);
}

static gboolean
autoscroll_cb (gpointer user_data)
{
  GlossPdfView *self = user_data;
  double x = self->drag_x + self->drag_dx;
  double y = self->drag_y + self->drag_dy;
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double dy = 0, dx = 0;

  if (y < 0)
    dy = y;
  else if (y > height)
    dy = y - height;
  if (x < 0)
    dx = x;
  else if (x > width)
    dx = x - width;

  if (dx == 0 && dy == 0)
    return G_SOURCE_CONTINUE;

  gtk_adjustment_set_value (self->vadjustment, adjustment_value (self->vadjustment) + dy / 2);
  gtk_adjustment_set_value (self->hadjustment, adjustment_value (self->hadjustment) + dx / 2);
  drag_select_to (self, x, y);

  return G_SOURCE_CONTINUE;
}

static void
drag_begin_cb (GlossPdfView   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));

  self->drag_active = FALSE;
  if (!caret_at_widget_point (self, x, y, &self->drag_anchor))
    return;

  /* Shift+click extends the selection from its anchor. */
  if ((state & GDK_SHIFT_MASK) != 0 && self->sel_start < self->sel_end)
    {
      self->drag_anchor = self->sel_anchor;
      drag_select_to (self, x, y);
    }

  self->drag_active = TRUE;
  self->drag_moved = (state & GDK_SHIFT_MASK) != 0;
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
}

static void
drag_update_cb (GlossPdfView   *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  if (!self->drag_active)
    return;

  self->drag_dx = dx;
  self->drag_dy = dy;

  if (!self->drag_moved && hypot (dx, dy) < DRAG_THRESHOLD)
    return;

  /* A double click's second press drags by words in other viewers; here it
   * keeps the word it selected until the pointer really moves. */
  self->drag_moved = TRUE;
  drag_select_to (self, self->drag_x + dx, self->drag_y + dy);

  if (self->autoscroll_id == 0)
    self->autoscroll_id = g_timeout_add (50, autoscroll_cb, self);
}

static void
drag_end_cb (GlossPdfView   *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  g_clear_handle_id (&self->autoscroll_id, g_source_remove);

  if (self->drag_active && !self->drag_moved && self->last_n_press <= 1)
    set_selection_internal (self, 0, 0);

  self->drag_active = FALSE;
}

static void
click_pressed_cb (GlossPdfView    *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  guint offset;

  self->last_n_press = n_press;

  if (n_press < 2 || !char_at_widget_point (self, x, y, &offset))
    return;

  select_around (self, offset, n_press >= 3);
}

static void
motion_cb (GlossPdfView             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  guint offset;
  gboolean over_text;

  self->pointer_x = x;
  self->pointer_y = y;

  over_text = char_at_widget_point (self, x, y, &offset);
  if (over_text != self->text_cursor)
    {
      self->text_cursor = over_text;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over_text ? "text" : NULL);
    }
}

static void zoom_at (GlossPdfView *self,
                     double        zoom,
                     double        ax,
                     double        ay);

static gboolean
scroll_cb (GlossPdfView             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || n_pages (self) == 0)
    return FALSE;

  if (self->fit_width)
    {
      self->fit_width = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
    }

  zoom_at (self, self->zoom * pow (1.15, -dy), self->pointer_x, self->pointer_y);

  return TRUE;
}

static void
pinch_begin_cb (GlossPdfView     *self,
                GdkEventSequence *sequence,
                GtkGestureZoom   *gesture)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_scale_changed_cb (GlossPdfView   *self,
                        double          scale,
                        GtkGestureZoom *gesture)
{
  double x, y;

  if (n_pages (self) == 0)
    return;

  if (self->fit_width)
    {
      self->fit_width = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
    }

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  zoom_at (self, self->pinch_zoom * scale, x, y);
}

typedef enum
{
  SCROLL_LINE_UP,
  SCROLL_LINE_DOWN,
  SCROLL_LINE_LEFT,
  SCROLL_LINE_RIGHT,
  SCROLL_PAGE_UP,
  SCROLL_PAGE_DOWN,
  SCROLL_START,
  SCROLL_END,
} ScrollKind;

static gboolean
scroll_binding_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  GlossPdfView *self = GLOSS_PDF_VIEW (widget);
  GtkAdjustment *v = self->vadjustment;
  GtkAdjustment *h = self->hadjustment;
  ScrollKind kind = g_variant_get_int32 (args);

  if (v == NULL || h == NULL)
    return FALSE;

  switch (kind)
    {
    case SCROLL_LINE_UP:
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) - SCROLL_STEP);
      break;
    case SCROLL_LINE_DOWN:
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + SCROLL_STEP);
      break;
    case SCROLL_LINE_LEFT:
      gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) - SCROLL_STEP);
      break;
    case SCROLL_LINE_RIGHT:
      gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + SCROLL_STEP);
      break;
    case SCROLL_PAGE_UP:
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) - gtk_adjustment_get_page_increment (v));
      break;
    case SCROLL_PAGE_DOWN:
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + gtk_adjustment_get_page_increment (v));
      break;
    case SCROLL_START:
      gtk_adjustment_set_value (v, gtk_adjustment_get_lower (v));
      break;
    case SCROLL_END:
      gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

typedef enum
{
  COMMAND_COPY,
  COMMAND_SELECT_ALL,
  COMMAND_UNSELECT,
  COMMAND_ZOOM_IN,
  COMMAND_ZOOM_OUT,
  COMMAND_ZOOM_RESET,
} Command;

static gboolean
command_binding_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  GlossPdfView *self = GLOSS_PDF_VIEW (widget);
  Command command = g_variant_get_int32 (args);
  gboolean has_selection = self->sel_start < self->sel_end;

  switch (command)
    {
    case COMMAND_COPY:
      if (!has_selection)
        return FALSE;
      gloss_pdf_view_copy_selection (self);
      return TRUE;

    case COMMAND_SELECT_ALL:
      if (self->layout == NULL)
        return FALSE;
      set_selection_internal (self, 0, gloss_layout_get_n_chars (self->layout));
      return TRUE;

    case COMMAND_UNSELECT:
      if (!has_selection)
        return FALSE;
      set_selection_internal (self, 0, 0);
      return TRUE;

    case COMMAND_ZOOM_IN:
      gloss_pdf_view_zoom_in (self);
      return TRUE;

    case COMMAND_ZOOM_OUT:
      gloss_pdf_view_zoom_out (self);
      return TRUE;

    case COMMAND_ZOOM_RESET:
      gloss_pdf_view_set_zoom (self, 1.0);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* Scrolling --------------------------------------------------------------- */

static void
adjustment_value_changed_cb (GlossPdfView  *self,
                             GtkAdjustment *adjustment)
{
  update_current_page (self);
  update_requests (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (GlossPdfView   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                guint           prop_id)
{
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
  configure_adjustments (self);
  g_object_notify (G_OBJECT (self), prop_id == PROP_HADJUSTMENT ? "hadjustment" : "vadjustment");
}

/* Zoom ------------------------------------------------------------------- */

/* Changes the zoom keeping the point of the page under the widget point
 * (ax, ay) where it is. */
static void
zoom_at (GlossPdfView *self,
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

  anchored = point_to_page (self, ax, ay, FALSE, &page, &px, &py);

  self->zoom = zoom;
  relayout (self);
  configure_adjustments (self);

  if (anchored)
    {
      double x, y;

      page_to_content (self, page, px, py, &x, &y);
      gtk_adjustment_set_value (self->hadjustment, x - ax);
      gtk_adjustment_set_value (self->vadjustment, y - ay);
    }

  update_current_page (self);
  update_requests (self);
  /* The view is laid out and scrolled already; only its natural size is
   * new, which its scrolled window does not ask for. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static double
fit_width_zoom (GlossPdfView *self)
{
  double widest = 0;
  double avail = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN;

  for (guint i = 0; i < n_pages (self); i++)
    widest = MAX (widest, page_info (self, i)->width_pt);

  if (widest <= 0 || avail <= 0)
    return self->zoom;

  /* A hair less, so that rounding never makes a horizontal scroll bar. */
  return (avail - 1) / (widest * GLOSS_PDF_VIEW_PIXELS_PER_POINT);
}

static void
set_zoom_internal (GlossPdfView *self,
                   double        zoom)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->fit_width)
    {
      self->fit_width = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
    }

  zoom_at (self, zoom, width / 2.0, height / 2.0);
}

/* GtkWidget -------------------------------------------------------------- */

static void
gloss_pdf_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GlossPdfView *self = GLOSS_PDF_VIEW (widget);

  *minimum = 0;
  *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? self->content_width
                                                                      : self->content_height);
}

static void
gloss_pdf_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GlossPdfView *self = GLOSS_PDF_VIEW (widget);

  if (self->fit_width && n_pages (self) > 0)
    {
      double zoom = CLAMP (fit_width_zoom (self), GLOSS_PDF_VIEW_MIN_ZOOM, GLOSS_PDF_VIEW_MAX_ZOOM);

      if (fabs (zoom - self->zoom) > 1e-9)
        {
          /* Keep what is at the top of the view there. */
          zoom_at (self, zoom, width / 2.0, 0);
        }
    }

  relayout (self);
  configure_adjustments (self);
  apply_pending_scroll (self);
  update_current_page (self);
  update_requests (self);
}

static void
append_page (GlossPdfView *self,
             GtkSnapshot  *snapshot,
             guint         page,
             double        hvalue,
             double        vvalue)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.18 };
  static const GdkRGBA border = { 0, 0, 0, 0.14 };
  const GdkRGBA borders[4] = { border, border, border, border };
  const float widths[4] = { 1, 1, 1, 1 };
  PageInfo *info = page_info (self, page);
  graphene_rect_t bounds;
  GskRoundedRect outline;
  GPtrArray *strips;

  graphene_rect_init (&bounds, info->x - hvalue, info->y - vvalue, info->width, info->height);

  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 1, 5);

  gtk_snapshot_append_color (snapshot, &white, &bounds);

  /* The best rendering there is, even at another scale while the page is
   * rendered again: magnified, it beats a blank page.  Only the strips in
   * sight are drawn. */
  strips = gloss_page_cache_lookup (self->cache, page, NULL);
  if (strips != NULL && strips->len > 0)
    {
      double texture_height = 0;
      double y = 0;
      double view_height = gtk_widget_get_height (GTK_WIDGET (self));

      for (guint i = 0; i < strips->len; i++)
        texture_height += gdk_texture_get_height (g_ptr_array_index (strips, i));

      for (guint i = 0; i < strips->len; i++)
        {
          GdkTexture *strip = g_ptr_array_index (strips, i);
          double top = bounds.origin.y + bounds.size.height * y / texture_height;
          double height = bounds.size.height * gdk_texture_get_height (strip) / texture_height;

          y += gdk_texture_get_height (strip);

          if (top + height < 0 || top > view_height)
            continue;

          gtk_snapshot_append_texture (snapshot, strip,
                                       &GRAPHENE_RECT_INIT (bounds.origin.x, top,
                                                            bounds.size.width, height));
        }
    }

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (bounds.origin.x - 1, bounds.origin.y - 1,
                                                        bounds.size.width + 2, bounds.size.height + 2),
                                   0);
  gtk_snapshot_append_border (snapshot, &outline, widths, borders);
}

static void
append_selection (GlossPdfView *self,
                  GtkSnapshot  *snapshot,
                  guint         first,
                  guint         last,
                  double        hvalue,
                  double        vvalue)
{
  GdkRGBA color = { 0.21, 0.52, 0.89, 1 };   /* GNOME blue, when no accent */

  if (self->sel_rects == NULL)
    return;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "accent_bg_color", &color);
G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha = 0.35;

  for (guint i = 0; i < self->sel_rects->len; i++)
    {
      GlossPageRect *r = &g_array_index (self->sel_rects, GlossPageRect, i);
      PageInfo *info;
      double sx, sy;

      if (r->page < first || r->page > last || r->page >= n_pages (self))
        continue;

      info = page_info (self, r->page);
      sx = info->width / info->width_pt;
      sy = info->height / info->height_pt;

      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (info->x - hvalue + r->rect.x1 * sx,
                                                      info->y - vvalue + r->rect.y1 * sy,
                                                      (r->rect.x2 - r->rect.x1) * sx,
                                                      (r->rect.y2 - r->rect.y1) * sy));
    }
}

static void
gloss_pdf_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  GlossPdfView *self = GLOSS_PDF_VIEW (widget);
  double hvalue = adjustment_value (self->hadjustment);
  double vvalue = adjustment_value (self->vadjustment);
  guint first, last;

  if (!visible_range (self, &first, &last))
    return;

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, 0,
                                               gtk_widget_get_width (widget),
                                               gtk_widget_get_height (widget)));

  for (guint i = first; i <= last; i++)
    append_page (self, snapshot, i, hvalue, vvalue);

  append_selection (self, snapshot, first, last, hvalue, vvalue);

  gtk_snapshot_pop (snapshot);
}

static void
scale_factor_changed_cb (GlossPdfView *self)
{
  relayout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* GObject ---------------------------------------------------------------- */

static void
gloss_pdf_view_dispose (GObject *object)
{
  GlossPdfView *self = (GlossPdfView *) object;

  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  cancel_all (self);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->layout, gloss_layout_unref);
  g_clear_pointer (&self->sel_rects, g_array_unref);
  if (self->cache != NULL)
    gloss_page_cache_clear (self->cache);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (gloss_pdf_view_parent_class)->dispose (object);
}

static void
gloss_pdf_view_finalize (GObject *object)
{
  GlossPdfView *self = (GlossPdfView *) object;

  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (gloss_pdf_view_parent_class)->finalize (object);
}

static void
gloss_pdf_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GlossPdfView *self = GLOSS_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->current_page);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, n_pages (self));
      break;
    case PROP_SELECTION_START:
      g_value_set_uint (value, self->sel_start);
      break;
    case PROP_SELECTION_END:
      g_value_set_uint (value, self->sel_end);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->sel_start < self->sel_end);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_pdf_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GlossPdfView *self = GLOSS_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      gloss_pdf_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_WIDTH:
      gloss_pdf_view_set_fit_width (self, g_value_get_boolean (value));
      break;
    case PROP_PAGE:
      gloss_pdf_view_go_to_page (self, g_value_get_uint (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), prop_id);
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), prop_id);
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  mods,
             GtkShortcutFunc  func,
             int              arg)
{
  gtk_widget_class_add_binding (widget_class, keyval, mods, func, "i", arg);
}

static void
gloss_pdf_view_class_init (GlossPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_pdf_view_dispose;
  object_class->finalize = gloss_pdf_view_finalize;
  object_class->get_property = gloss_pdf_view_get_property;
  object_class->set_property = gloss_pdf_view_set_property;

  widget_class->measure = gloss_pdf_view_measure;
  widget_class->size_allocate = gloss_pdf_view_size_allocate;
  widget_class->snapshot = gloss_pdf_view_snapshot;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         GLOSS_PDF_VIEW_MIN_ZOOM, GLOSS_PDF_VIEW_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION_START] =
    g_param_spec_uint ("selection-start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION_END] =
    g_param_spec_uint ("selection-end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[RENDER_ERROR] =
    g_signal_new ("render-error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  add_binding (widget_class, GDK_KEY_Up, 0, scroll_binding_cb, SCROLL_LINE_UP);
  add_binding (widget_class, GDK_KEY_KP_Up, 0, scroll_binding_cb, SCROLL_LINE_UP);
  add_binding (widget_class, GDK_KEY_Down, 0, scroll_binding_cb, SCROLL_LINE_DOWN);
  add_binding (widget_class, GDK_KEY_KP_Down, 0, scroll_binding_cb, SCROLL_LINE_DOWN);
  add_binding (widget_class, GDK_KEY_Left, 0, scroll_binding_cb, SCROLL_LINE_LEFT);
  add_binding (widget_class, GDK_KEY_KP_Left, 0, scroll_binding_cb, SCROLL_LINE_LEFT);
  add_binding (widget_class, GDK_KEY_Right, 0, scroll_binding_cb, SCROLL_LINE_RIGHT);
  add_binding (widget_class, GDK_KEY_KP_Right, 0, scroll_binding_cb, SCROLL_LINE_RIGHT);
  add_binding (widget_class, GDK_KEY_Page_Up, 0, scroll_binding_cb, SCROLL_PAGE_UP);
  add_binding (widget_class, GDK_KEY_KP_Page_Up, 0, scroll_binding_cb, SCROLL_PAGE_UP);
  add_binding (widget_class, GDK_KEY_space, GDK_SHIFT_MASK, scroll_binding_cb, SCROLL_PAGE_UP);
  add_binding (widget_class, GDK_KEY_Page_Down, 0, scroll_binding_cb, SCROLL_PAGE_DOWN);
  add_binding (widget_class, GDK_KEY_KP_Page_Down, 0, scroll_binding_cb, SCROLL_PAGE_DOWN);
  add_binding (widget_class, GDK_KEY_space, 0, scroll_binding_cb, SCROLL_PAGE_DOWN);
  add_binding (widget_class, GDK_KEY_Home, 0, scroll_binding_cb, SCROLL_START);
  add_binding (widget_class, GDK_KEY_KP_Home, 0, scroll_binding_cb, SCROLL_START);
  add_binding (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, scroll_binding_cb, SCROLL_START);
  add_binding (widget_class, GDK_KEY_End, 0, scroll_binding_cb, SCROLL_END);
  add_binding (widget_class, GDK_KEY_KP_End, 0, scroll_binding_cb, SCROLL_END);
  add_binding (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, scroll_binding_cb, SCROLL_END);

  add_binding (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, command_binding_cb, COMMAND_COPY);
  add_binding (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, command_binding_cb, COMMAND_COPY);
  add_binding (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, command_binding_cb, COMMAND_SELECT_ALL);
  add_binding (widget_class, GDK_KEY_Escape, 0, command_binding_cb, COMMAND_UNSELECT);
  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, command_binding_cb, COMMAND_ZOOM_IN);
  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, command_binding_cb, COMMAND_ZOOM_IN);
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, command_binding_cb, COMMAND_ZOOM_IN);
  add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, command_binding_cb, COMMAND_ZOOM_IN);
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, command_binding_cb, COMMAND_ZOOM_OUT);
  add_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, command_binding_cb, COMMAND_ZOOM_OUT);
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, command_binding_cb, COMMAND_ZOOM_RESET);
  add_binding (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, command_binding_cb, COMMAND_ZOOM_RESET);

  gtk_widget_class_set_css_name (widget_class, "gloss-pdf-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
gloss_pdf_view_init (GlossPdfView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->pages = g_array_new (FALSE, TRUE, sizeof (PageInfo));
  self->cache = gloss_page_cache_new (CACHE_BYTES);

  set_adjustment (self, &self->hadjustment, NULL, PROP_HADJUSTMENT);
  set_adjustment (self, &self->vadjustment, NULL, PROP_VADJUSTMENT);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  self->drag = gesture;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
}

/* Public API ------------------------------------------------------------- */

GtkWidget *
gloss_pdf_view_new (void)
{
  return g_object_new (GLOSS_TYPE_PDF_VIEW, NULL);
}

void
gloss_pdf_view_set_document (GlossPdfView *self,
                             GBytes       *bytes,
                             const char   *password,
                             GlossLayout  *layout)
{
  guint old_n_pages;

  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  old_n_pages = n_pages (self);

  g_object_freeze_notify (G_OBJECT (self));

  cancel_all (self);
  g_clear_object (&self->worker);
  gloss_page_cache_clear (self->cache);
  set_selection_internal (self, 0, 0);
  g_clear_pointer (&self->layout, gloss_layout_unref);
  g_array_set_size (self->pages, 0);
  self->error_reported = FALSE;
  self->current_page = 0;
  self->pending_scroll.active = FALSE;

  if (bytes != NULL)
    {
      self->worker = gloss_render_worker_new (bytes, password);
      self->open_cancellable = g_cancellable_new ();
      gloss_render_worker_open_async (self->worker, self->open_cancellable, open_done_cb, self);

      if (layout != NULL)
        {
          g_autoptr(GArray) sizes = g_array_new (FALSE, TRUE, sizeof (GlossPageSize));

          self->layout = gloss_layout_ref (layout);

          for (guint i = 0; i < gloss_layout_get_n_pages (layout); i++)
            {
              const GlossPage *page = gloss_layout_get_page (layout, i);
              GlossPageSize size = { page->width, page->height };

              g_array_append_val (sizes, size);
            }

          set_pages (self, sizes);
        }
    }

  relayout (self);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  configure_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (old_n_pages != n_pages (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);

  g_object_thaw_notify (G_OBJECT (self));
}

GlossLayout *
gloss_pdf_view_get_layout (GlossPdfView *self)
{
  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), NULL);

  return self->layout;
}

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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
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

  return n_pages (self);
}

void
gloss_pdf_view_go_to_page (GlossPdfView *self,
                           guint         page)
{
  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  if (page >= n_pages (self))
    return;

  self->pending_scroll = (PendingScroll) { TRUE, page, 0, 0, TRUE };
  apply_pending_scroll (self);
}

void
gloss_pdf_view_scroll_to_point (GlossPdfView *self,
                                guint         page,
                                double        px,
                                double        py)
{
  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  if (page >= n_pages (self))
    return;

  self->pending_scroll = (PendingScroll) { TRUE, page, px, py, FALSE };
  apply_pending_scroll (self);
}

gboolean
gloss_pdf_view_get_selection (GlossPdfView *self,
                              guint        *start,
                              guint        *end)
{
  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), FALSE);

  if (start != NULL)
    *start = self->sel_start;
  if (end != NULL)
    *end = self->sel_end;

  return self->sel_start < self->sel_end;
}

void
gloss_pdf_view_set_selection (GlossPdfView *self,
                              guint         start,
                              guint         end)
{
  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  set_selection_internal (self, start, end);

  if (self->sel_rects != NULL && self->sel_rects->len > 0)
    {
      GlossPageRect *first = &g_array_index (self->sel_rects, GlossPageRect, 0);

      gloss_pdf_view_scroll_to_point (self, first->page, first->rect.x1, first->rect.y1);
    }
}

void
gloss_pdf_view_clear_selection (GlossPdfView *self)
{
  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  set_selection_internal (self, 0, 0);
}

void
gloss_pdf_view_copy_selection (GlossPdfView *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  if (self->layout == NULL || self->sel_start >= self->sel_end)
    return;

  text = gloss_layout_dup_range (self->layout, self->sel_start, self->sel_end);
  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

void
gloss_pdf_view_select_drag (GlossPdfView *self,
                            double        x1,
                            double        y1,
                            double        x2,
                            double        y2)
{
  guint anchor, cursor;

  g_return_if_fail (GLOSS_IS_PDF_VIEW (self));

  if (!caret_at_widget_point (self, x1, y1, &anchor) ||
      !caret_at_widget_point (self, x2, y2, &cursor))
    return;

  set_selection_internal (self, anchor, cursor);
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

  if (page >= n_pages (self) || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  page_to_content (self, page, px, py, &x, &y);

  if (wx != NULL)
    *wx = x - adjustment_value (self->hadjustment);
  if (wy != NULL)
    *wy = y - adjustment_value (self->vadjustment);

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

  if (!point_to_page (self, wx, wy, FALSE, &p, &x, &y))
    return FALSE;

  if (page != NULL)
    *page = p;
  if (px != NULL)
    *px = x;
  if (py != NULL)
    *py = y;

  return TRUE;
}

gboolean
gloss_pdf_view_get_page_rendering (GlossPdfView *self,
                                   guint         page,
                                   int          *width,
                                   int          *height,
                                   double       *scale)
{
  GPtrArray *strips;
  int total = 0;

  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), FALSE);

  if (page >= n_pages (self))
    return FALSE;

  strips = gloss_page_cache_lookup (self->cache, page, scale);
  if (strips == NULL || strips->len == 0)
    return FALSE;

  for (guint i = 0; i < strips->len; i++)
    total += gdk_texture_get_height (g_ptr_array_index (strips, i));

  if (width != NULL)
    *width = gdk_texture_get_width (g_ptr_array_index (strips, 0));
  if (height != NULL)
    *height = total;

  return TRUE;
}

gboolean
gloss_pdf_view_is_rendered (GlossPdfView *self)
{
  guint first, last;

  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), FALSE);

  if (!visible_range (self, &first, &last))
    return FALSE;

  for (guint i = first; i <= last; i++)
    {
      double scale;

      if (gloss_page_cache_lookup (self->cache, i, &scale) == NULL ||
          !same_scale (scale, page_render_scale (self, i)))
        return FALSE;
    }

  return TRUE;
}
