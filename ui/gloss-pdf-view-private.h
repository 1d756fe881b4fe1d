/* gloss-pdf-view-private.h: what the parts of GlossPdfView share
 *
 * GlossPdfView is one class in four files: gloss-pdf-view.c (the GObject,
 * rendering, drawing, the document), gloss-pdf-view-layout.c (page
 * geometry, scrolling and zoom), gloss-pdf-view-input.c (selection,
 * gestures, key bindings, the pointer) and gloss-pdf-view-codings.c (the
 * codings' highlights and stripes, their hit testing and tooltips).  Tests include this header to
 * drive the input handlers the gestures call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-coding-stripes.h"
#include "gloss-comparison.h"
#include "gloss-page-cache.h"
#include "gloss-pdf-view.h"
#include "gloss-render-worker.h"

G_BEGIN_DECLS

/* Logical pixels a line scroll (an arrow key, a scroll-bar step) moves. */
#define GLOSS_PDF_VIEW_SCROLL_STEP 48.0

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
} GlossPdfPageInfo;

/* One rectangle of a coding's highlight on a page. */
typedef struct
{
  guint     coding;         /* index into coding_info */
  GlossRect rect;           /* points */
} GlossPdfMark;

/* One rectangle of the agreement colouring in comparison mode. */
typedef struct
{
  GlossComparisonKind kind;
  GlossRect           rect;   /* points */
} GlossPdfAgreementMark;

/* A page's share of the codings, in page points: made once per
 * set_codings, set_comparison or document, never per frame. */
typedef struct
{
  GArray *marks;            /* GlossPdfMark */
  GArray *stripes;          /* GlossStripe, y in points, columns assigned */
  guint   n_columns;        /* coder A's in comparison mode */
  guint   n_columns_b;      /* comparison mode: coder B's */
  GArray *agreement;        /* GlossPdfAgreementMark, comparison mode only */
} GlossPdfPageCodings;

typedef struct
{
  gboolean active;
  guint    page;
  double   px;
  double   py;
  gboolean to_top;          /* the page's top at the top of the view */
} GlossPdfPendingScroll;

struct _GlossPdfView
{
  GtkWidget              parent_instance;

  GtkAdjustment         *hadjustment;
  GtkAdjustment         *vadjustment;
  guint                  hscroll_policy : 1;
  guint                  vscroll_policy : 1;

  GlossLayout           *layout;
  GlossRenderWorker     *worker;
  GCancellable          *open_cancellable;
  GArray                *pages;           /* GlossPdfPageInfo */
  GlossPageCache        *cache;
  gboolean               error_reported;

  double                 zoom;
  gboolean               fit_width;
  double                 content_width;
  double                 content_height;
  guint                  current_page;
  GlossPdfPendingScroll  pending_scroll;

  guint                  sel_anchor;
  guint                  sel_start;
  guint                  sel_end;
  GArray                *sel_rects;       /* GlossPageRect */

  guint                  drag_anchor;
  double                 drag_x;
  double                 drag_y;
  double                 drag_dx;
  double                 drag_dy;
  gboolean               drag_active;
  gboolean               drag_moved;
  gboolean               press_in_selection; /* the press may drag the selection out */
  gboolean               selection_dragged;  /* and it did: a drag and drop began */
  GtkDragSource         *drag_source;
  guint                  last_n_press;
  guint                  autoscroll_id;
  double                 pointer_x;
  double                 pointer_y;
  double                 pinch_zoom;      /* the zoom when a pinch began */
  const char            *cursor_name;     /* static: "text", "pointer" or NULL */

  GPtrArray             *codings;         /* GlossCoding, or NULL */
  GlossComparison       *comparison;      /* comparison mode, or NULL */
  char                  *labels[2];       /* the coders' labels in it */
  GArray                *coding_info;     /* GlossStripe per shown coding */
  GPtrArray             *page_codings;    /* GlossPdfPageCodings, per page */
  gint64                 selected_coding;
  gint64                 outlined_coder;
  gint64                 press_stripe;    /* the coding whose bar was pressed */
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
  PROP_SELECTED_CODING,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static inline GlossPdfPageInfo *
_gloss_pdf_view_page_info (GlossPdfView *self,
                           guint         page)
{
  return &g_array_index (self->pages, GlossPdfPageInfo, page);
}

static inline guint
_gloss_pdf_view_n_pages (GlossPdfView *self)
{
  return self->pages != NULL ? self->pages->len : 0;
}

static inline double
_gloss_pdf_view_adjustment_value (GtkAdjustment *adjustment)
{
  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0.0;
}

/* gloss-pdf-view.c */
void     _gloss_pdf_view_notify                (GlossPdfView   *self,
                                                guint           prop_id);
void     _gloss_pdf_view_update_requests       (GlossPdfView   *self);
void     _gloss_pdf_view_emit_coding_clicked   (GlossPdfView   *self,
                                                gint64          coding_id);

/* gloss-pdf-view-layout.c */
double   _gloss_pdf_view_page_render_scale     (GlossPdfView   *self,
                                                guint           page);
void     _gloss_pdf_view_relayout              (GlossPdfView   *self);
void     _gloss_pdf_view_configure_adjustments (GlossPdfView   *self);
void     _gloss_pdf_view_set_adjustment        (GlossPdfView   *self,
                                                GtkOrientation  orientation,
                                                GtkAdjustment  *adjustment);
void     _gloss_pdf_view_clear_adjustments     (GlossPdfView   *self);
gboolean _gloss_pdf_view_visible_range         (GlossPdfView   *self,
                                                guint          *first,
                                                guint          *last);
void     _gloss_pdf_view_update_current_page   (GlossPdfView   *self);
gboolean _gloss_pdf_view_point_to_page         (GlossPdfView   *self,
                                                double          wx,
                                                double          wy,
                                                gboolean        clamp,
                                                guint          *page,
                                                double         *px,
                                                double         *py);
void     _gloss_pdf_view_page_to_content       (GlossPdfView   *self,
                                                guint           page,
                                                double          px,
                                                double          py,
                                                double         *x,
                                                double         *y);
void     _gloss_pdf_view_apply_pending_scroll  (GlossPdfView   *self);
double   _gloss_pdf_view_fit_width_zoom        (GlossPdfView   *self);
void     _gloss_pdf_view_leave_fit_width       (GlossPdfView   *self);
void     _gloss_pdf_view_zoom_at               (GlossPdfView   *self,
                                                double          zoom,
                                                double          ax,
                                                double          ay);

/* gloss-pdf-view-input.c */
void     _gloss_pdf_view_class_add_bindings    (GtkWidgetClass *widget_class);
void     _gloss_pdf_view_init_controllers      (GlossPdfView   *self);
/* Selects [MIN (anchor, cursor), MAX (anchor, cursor)), clamped to the
 * text, and remembers anchor for Shift+click. */
void     _gloss_pdf_view_select_range          (GlossPdfView   *self,
                                                guint           anchor,
                                                guint           cursor);

/* What the gesture and controller callbacks do, in widget coordinates;
 * the callbacks only add the event's modifier state.  drag_update's dx, dy
 * are from the drag's start, as GtkGestureDrag gives them. */
void     _gloss_pdf_view_drag_begin            (GlossPdfView   *self,
                                                double          x,
                                                double          y,
                                                GdkModifierType state);
void     _gloss_pdf_view_drag_update           (GlossPdfView   *self,
                                                double          dx,
                                                double          dy);
void     _gloss_pdf_view_drag_end              (GlossPdfView   *self);
/* A press of the primary button, n_press 2 for a double click. */
void     _gloss_pdf_view_click                 (GlossPdfView   *self,
                                                int             n_press,
                                                double          x,
                                                double          y);
void     _gloss_pdf_view_motion                (GlossPdfView   *self,
                                                double          x,
                                                double          y);
/* The drag source's "prepare": the selection as a
 * "gloss-selection:START-END" string (with a drag icon of its text) when
 * the press that began the gesture was inside the selection, NULL (no
 * drag and drop: the press selects text) otherwise. */
GdkContentProvider *_gloss_pdf_view_drag_prepare (GlossPdfView *self,
                                                  double        x,
                                                  double        y);
/* TRUE when the scroll was taken (Ctrl held: zoom about the pointer). */
gboolean _gloss_pdf_view_scroll                (GlossPdfView   *self,
                                                double          dx,
                                                double          dy,
                                                GdkModifierType state);

/* gloss-pdf-view-codings.c */
/* Logical pixels left of each page for the coding stripes, while codings
 * or a comparison are set (0 otherwise). */
double   _gloss_pdf_view_stripe_margin         (GlossPdfView   *self);
/* Computes the marks and stripes of every page from codings and the
 * layout. */
void     _gloss_pdf_view_rebuild_codings       (GlossPdfView   *self);
void     _gloss_pdf_view_clear_codings         (GlossPdfView   *self);
void     _gloss_pdf_view_append_highlights     (GlossPdfView   *self,
                                                GtkSnapshot    *snapshot,
                                                guint           first,
                                                guint           last,
                                                double          hvalue,
                                                double          vvalue);
void     _gloss_pdf_view_append_stripes        (GlossPdfView   *self,
                                                GtkSnapshot    *snapshot,
                                                guint           first,
                                                guint           last,
                                                double          hvalue,
                                                double          vvalue);
/* The coding whose highlight is under a widget point: the shortest of
 * those there, or the one after the selected one when it is among them;
 * 0 when none. */
gint64   _gloss_pdf_view_highlight_at          (GlossPdfView   *self,
                                                double          x,
                                                double          y);
/* The coding whose stripe is under a widget point, or 0. */
gint64   _gloss_pdf_view_stripe_at             (GlossPdfView   *self,
                                                double          x,
                                                double          y);
/* The bar of a coding's stripe on page, in widget coordinates; FALSE
 * when it has none there.  In comparison mode a coding of both coders'
 * lists is found in coder A's column group. */
gboolean _gloss_pdf_view_get_stripe_bar        (GlossPdfView   *self,
                                                gint64          coding_id,
                                                guint           page,
                                                graphene_rect_t *bar);
/* Selects the coding and emits "coding-clicked". */
void     _gloss_pdf_view_activate_coding       (GlossPdfView   *self,
                                                gint64          coding_id);
void     _gloss_pdf_view_set_selected_coding   (GlossPdfView   *self,
                                                gint64          coding_id);
gboolean _gloss_pdf_view_query_tooltip         (GtkWidget      *widget,
                                                int             x,
                                                int             y,
                                                gboolean        keyboard_tooltip,
                                                GtkTooltip     *tooltip);

G_END_DECLS
