/* gloss-pdf-view.c: the pages of a PDF, rendered off the main thread, with
 * text selection mapped to offsets into the document's canonical text
 *
 * This file holds the GObject, the rendering jobs, drawing and the
 * document; gloss-pdf-view-layout.c the geometry, scrolling and zoom;
 * gloss-pdf-view-input.c the selection, gestures and key bindings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-PdfView"

#include <glib/gi18n.h>
#include <math.h>

#include "gloss-pdf-view-private.h"

#define CACHE_BYTES     (256 * 1024 * 1024)

enum {
  RENDER_ERROR,
  CODING_CLICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossPdfView, gloss_pdf_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

void
_gloss_pdf_view_notify (GlossPdfView *self,
                        guint         prop_id)
{
  g_assert (prop_id > PROP_0 && prop_id < N_PROPS);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
_gloss_pdf_view_emit_coding_clicked (GlossPdfView *self,
                                     gint64        coding_id)
{
  g_signal_emit (self, signals[CODING_CLICKED], 0, coding_id);
}

static gboolean
same_scale (double a,
            double b)
{
  return fabs (a - b) < 1e-6;
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
  GlossPdfPageInfo *info;

  strips = gloss_render_worker_render_finish (GLOSS_RENDER_WORKER (object), result, &error);

  /* Every job's cancellable is cancelled before the view lets go of it
   * (a new job for the page, a new document, dispose), and a cancelled
   * task reports cancellation even when the thread finished it: past this
   * point the view is alive and the job is the page's current one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = request->self;
  info = _gloss_pdf_view_page_info (self, request->page);
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
cancel_page (GlossPdfPageInfo *info)
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
  GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, page);
  double scale = _gloss_pdf_view_page_render_scale (self, page);
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
void
_gloss_pdf_view_update_requests (GlossPdfView *self)
{
  guint first, last;

  if (self->worker == NULL || !_gloss_pdf_view_visible_range (self, &first, &last))
    return;

  if (first > 0)
    first--;
  if (last + 1 < _gloss_pdf_view_n_pages (self))
    last++;

  for (guint i = 0; i < _gloss_pdf_view_n_pages (self); i++)
    if (i < first || i > last)
      cancel_page (_gloss_pdf_view_page_info (self, i));

  request_page (self, CLAMP (self->current_page, first, last));
  for (guint i = first; i <= last; i++)
    request_page (self, i);
}

static void
cancel_all (GlossPdfView *self)
{
  for (guint i = 0; i < _gloss_pdf_view_n_pages (self); i++)
    cancel_page (_gloss_pdf_view_page_info (self, i));

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
      GlossPdfPageInfo info = { 0 };

      /* A page without a size would divide by zero: give it US Letter. */
      info.width_pt = size->width > 0 ? size->width : 612;
      info.height_pt = size->height > 0 ? size->height : 792;
      g_array_append_val (self->pages, info);
    }

  self->current_page = 0;
  _gloss_pdf_view_relayout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  _gloss_pdf_view_notify (self, PROP_N_PAGES);
  _gloss_pdf_view_notify (self, PROP_PAGE);
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
  else if (sizes->len != _gloss_pdf_view_n_pages (self))
    g_warning ("The layout has %u pages and poppler finds %u", _gloss_pdf_view_n_pages (self), sizes->len);

  _gloss_pdf_view_update_requests (self);
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

  if (self->fit_width && _gloss_pdf_view_n_pages (self) > 0)
    {
      double zoom = CLAMP (_gloss_pdf_view_fit_width_zoom (self), GLOSS_PDF_VIEW_MIN_ZOOM, GLOSS_PDF_VIEW_MAX_ZOOM);

      if (fabs (zoom - self->zoom) > 1e-9)
        {
          /* Keep what is at the top of the view there. */
          _gloss_pdf_view_zoom_at (self, zoom, width / 2.0, 0);
        }
    }

  _gloss_pdf_view_relayout (self);
  _gloss_pdf_view_configure_adjustments (self);
  _gloss_pdf_view_apply_pending_scroll (self);
  _gloss_pdf_view_update_current_page (self);
  _gloss_pdf_view_update_requests (self);
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
  GlossPdfPageInfo *info = _gloss_pdf_view_page_info (self, page);
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
      GlossPdfPageInfo *info;
      double sx, sy;

      if (r->page < first || r->page > last || r->page >= _gloss_pdf_view_n_pages (self))
        continue;

      info = _gloss_pdf_view_page_info (self, r->page);
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
  double hvalue = _gloss_pdf_view_adjustment_value (self->hadjustment);
  double vvalue = _gloss_pdf_view_adjustment_value (self->vadjustment);
  guint first, last;

  if (!_gloss_pdf_view_visible_range (self, &first, &last))
    return;

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, 0,
                                               gtk_widget_get_width (widget),
                                               gtk_widget_get_height (widget)));

  for (guint i = first; i <= last; i++)
    append_page (self, snapshot, i, hvalue, vvalue);

  /* The codings over the glyphs, the text selection above them. */
  _gloss_pdf_view_append_highlights (self, snapshot, first, last, hvalue, vvalue);
  append_selection (self, snapshot, first, last, hvalue, vvalue);
  _gloss_pdf_view_append_stripes (self, snapshot, first, last, hvalue, vvalue);

  gtk_snapshot_pop (snapshot);
}

static void
scale_factor_changed_cb (GlossPdfView *self)
{
  _gloss_pdf_view_relayout (self);
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
  _gloss_pdf_view_clear_codings (self);
  if (self->cache != NULL)
    gloss_page_cache_clear (self->cache);

  _gloss_pdf_view_clear_adjustments (self);

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
      g_value_set_uint (value, _gloss_pdf_view_n_pages (self));
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
    case PROP_SELECTED_CODING:
      g_value_set_int64 (value, self->selected_coding);
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
      _gloss_pdf_view_set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      _gloss_pdf_view_set_adjustment (self, GTK_ORIENTATION_VERTICAL, g_value_get_object (value));
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
  widget_class->query_tooltip = _gloss_pdf_view_query_tooltip;

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
  properties[PROP_SELECTED_CODING] =
    g_param_spec_int64 ("selected-coding", NULL, NULL, 0, G_MAXINT64, 0,
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

  signals[CODING_CLICKED] =
    g_signal_new ("coding-clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  _gloss_pdf_view_class_add_bindings (widget_class);

  gtk_widget_class_set_css_name (widget_class, "gloss-pdf-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
gloss_pdf_view_init (GlossPdfView *self)
{
  self->zoom = 1.0;
  self->pages = g_array_new (FALSE, TRUE, sizeof (GlossPdfPageInfo));
  self->cache = gloss_page_cache_new (CACHE_BYTES);

  _gloss_pdf_view_set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, NULL);
  _gloss_pdf_view_set_adjustment (self, GTK_ORIENTATION_VERTICAL, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  /* For the coding stripes'. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  _gloss_pdf_view_init_controllers (self);

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

  old_n_pages = _gloss_pdf_view_n_pages (self);

  g_object_freeze_notify (G_OBJECT (self));

  cancel_all (self);
  g_clear_object (&self->worker);
  gloss_page_cache_clear (self->cache);
  _gloss_pdf_view_select_range (self, 0, 0);
  /* The codings were the old document's. */
  _gloss_pdf_view_clear_codings (self);
  _gloss_pdf_view_set_selected_coding (self, 0);
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

  _gloss_pdf_view_relayout (self);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  _gloss_pdf_view_configure_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (old_n_pages != _gloss_pdf_view_n_pages (self))
    _gloss_pdf_view_notify (self, PROP_N_PAGES);
  _gloss_pdf_view_notify (self, PROP_PAGE);

  g_object_thaw_notify (G_OBJECT (self));
}

GlossLayout *
gloss_pdf_view_get_layout (GlossPdfView *self)
{
  g_return_val_if_fail (GLOSS_IS_PDF_VIEW (self), NULL);

  return self->layout;
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

  if (page >= _gloss_pdf_view_n_pages (self))
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

  if (!_gloss_pdf_view_visible_range (self, &first, &last))
    return FALSE;

  for (guint i = first; i <= last; i++)
    {
      double scale;

      if (gloss_page_cache_lookup (self->cache, i, &scale) == NULL ||
          !same_scale (scale, _gloss_pdf_view_page_render_scale (self, i)))
        return FALSE;
    }

  return TRUE;
}
