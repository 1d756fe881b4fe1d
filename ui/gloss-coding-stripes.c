/* gloss-coding-stripes.c: coding stripes, one bar per coding beside the
 * text, and what the two viewers share to draw codings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-Stripes"

#include <glib/gi18n.h>
#include <math.h>

#include "gloss-coding-stripes.h"

#define QUOTE_CHARS 90

/* Shared helpers ------------------------------------------------------------ */

void
gloss_coding_get_rgba (GlossCoding *coding,
                       GdkRGBA     *rgba)
{
  const char *colour = gloss_coding_get_colour (coding);

  if (colour == NULL || !gdk_rgba_parse (rgba, colour))
    *rgba = (GdkRGBA) { 0.6, 0.6, 0.6, 1.0 };
  rgba->alpha = 1.0;
}

void
gloss_stripe_init (GlossStripe *stripe,
                   GlossCoding *coding)
{
  *stripe = (GlossStripe) { 0 };
  stripe->coding = coding;
  stripe->id = gloss_coding_get_id (coding);
  stripe->coder_id = gloss_coding_get_coder_id (coding);
  stripe->start = gloss_coding_get_start (coding);
  stripe->end = gloss_coding_get_end (coding);
  gloss_coding_get_rgba (coding, &stripe->colour);
}

static int
compare_stripes (gconstpointer a,
                 gconstpointer b)
{
  const GlossStripe *sa = a;
  const GlossStripe *sb = b;

  if (sa->y1 != sb->y1)
    return sa->y1 < sb->y1 ? -1 : 1;
  /* The longer first, so that it takes the column nearer the text. */
  if (sa->y2 != sb->y2)
    return sa->y2 > sb->y2 ? -1 : 1;
  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  return sa->id < sb->id ? -1 : sa->id > sb->id;
}

guint
gloss_stripes_assign_columns (GArray *stripes,
                              double  gap)
{
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (double));

  g_array_sort (stripes, compare_stripes);

  for (guint i = 0; i < stripes->len; i++)
    {
      GlossStripe *stripe = &g_array_index (stripes, GlossStripe, i);
      guint column;

      for (column = 0; column < ends->len; column++)
        if (g_array_index (ends, double, column) + gap < stripe->y1)
          break;

      if (column == ends->len)
        g_array_append_val (ends, stripe->y2);
      else
        g_array_index (ends, double, column) = stripe->y2;

      stripe->column = column;
    }

  return ends->len;
}

guint
gloss_stripes_assign_group_columns (GArray *stripes,
                                    guint   group,
                                    double  gap)
{
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (double));

  g_array_sort (stripes, compare_stripes);

  for (guint i = 0; i < stripes->len; i++)
    {
      GlossStripe *stripe = &g_array_index (stripes, GlossStripe, i);
      guint column;

      if (stripe->group != group)
        continue;

      for (column = 0; column < ends->len; column++)
        if (g_array_index (ends, double, column) + gap < stripe->y1)
          break;

      if (column == ends->len)
        g_array_append_val (ends, stripe->y2);
      else
        g_array_index (ends, double, column) = stripe->y2;

      stripe->column = column;
    }

  return ends->len;
}

/* Narrowest: a 2 px bar and a 1 px gap.  Columns beyond the room at that
 * width are not drawn. */
#define MIN_STEP 3.0

static double
column_step (guint  n_columns,
             double max_width)
{
  double step = GLOSS_STRIPE_WIDTH + GLOSS_STRIPE_GAP;
  double room = max_width - GLOSS_STRIPE_INSET;

  if (n_columns > 0 && n_columns * step > room)
    step = MAX (room / n_columns, MIN_STEP);

  return step;
}

static guint
max_columns (double step,
             double max_width)
{
  return (guint) floor ((max_width - GLOSS_STRIPE_INSET + 1.0) / step);
}

gboolean
gloss_stripes_bar_x (double  edge_x,
                     guint   column,
                     guint   n_columns,
                     double  max_width,
                     double *x,
                     double *width)
{
  double step = column_step (n_columns, max_width);
  double w;

  if (column >= max_columns (step, max_width))
    return FALSE;

  w = step * GLOSS_STRIPE_WIDTH / (GLOSS_STRIPE_WIDTH + GLOSS_STRIPE_GAP);
  w = MAX (w, 1.0);

  *width = w;
  *x = edge_x - GLOSS_STRIPE_INSET - column * step - w;

  return TRUE;
}

int
gloss_stripes_column_at (double dx,
                         guint  n_columns,
                         double max_width)
{
  double step = column_step (n_columns, max_width);
  int column;

  if (n_columns == 0 || dx < GLOSS_STRIPE_INSET - 1.0)
    return -1;

  /* The gap after a bar belongs to it: a bar is easy to hit. */
  column = (int) floor ((dx - GLOSS_STRIPE_INSET + 1.0) / step);

  return column >= 0 && (guint) column < MIN (n_columns, max_columns (step, max_width)) ? column : -1;
}

void
gloss_rgba_darken (const GdkRGBA *colour,
                   double         factor,
                   GdkRGBA       *out)
{
  out->red = colour->red * factor;
  out->green = colour->green * factor;
  out->blue = colour->blue * factor;
  out->alpha = 1.0;
}

void
gloss_stripes_append_outline (GtkSnapshot           *snapshot,
                              const graphene_rect_t *rect,
                              const GdkRGBA         *colour,
                              double                 width)
{
  const GdkRGBA colours[4] = { *colour, *colour, *colour, *colour };
  const float widths[4] = { width, width, width, width };
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (rect->origin.x - width,
                                                        rect->origin.y - width,
                                                        rect->size.width + 2 * width,
                                                        rect->size.height + 2 * width),
                                   MIN (2.0, width + 1));
  gtk_snapshot_append_border (snapshot, &outline, widths, colours);
}

void
gloss_stripes_append_bar (GtkSnapshot           *snapshot,
                          const graphene_rect_t *bar,
                          const GdkRGBA         *colour,
                          gboolean               selected,
                          gboolean               outlined)
{
  GskRoundedRect rounded;
  double radius = MIN (bar->size.width / 2, 2.0);

  gsk_rounded_rect_init_from_rect (&rounded, bar, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, colour, bar);
  gtk_snapshot_pop (snapshot);

  if (outlined)
    {
      GdkRGBA dark;

      gloss_rgba_darken (colour, 0.55, &dark);
      gloss_stripes_append_outline (snapshot, bar, &dark, 1.0);
    }

  if (selected)
    {
      static const GdkRGBA ink = { 0.0, 0.0, 0.0, 0.75 };

      gloss_stripes_append_outline (snapshot, bar, &ink, 1.5);
    }
}

void
gloss_stripes_append_label (GtkSnapshot   *snapshot,
                            GtkWidget     *widget,
                            const char    *text,
                            const GdkRGBA *colour,
                            double         centre_x,
                            double         top)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width, height;

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.75));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, &height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (round (centre_x - width / 2.0),
                                                round (top + (GLOSS_STRIPE_LABEL_HEIGHT - height) / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

char *
gloss_coding_dup_tooltip_markup (GlossCoding *coding)
{
  g_autoptr(GString) quote = g_string_new (NULL);
  g_auto(GStrv) parts = g_strsplit (gloss_coding_get_code_path (coding) != NULL ? gloss_coding_get_code_path (coding) : "", "/", -1);
  g_autofree char *path = g_strjoinv (" › ", parts);
  g_autofree char *coder = NULL;
  const char *text = gloss_coding_get_quote (coding);
  guint n = 0;

  /* The quote on one line, cut after a few words. */
  for (const char *p = text; p != NULL && *p != '\0' && n < QUOTE_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (quote->len > 0 && quote->str[quote->len - 1] != ' ')
            g_string_append_c (quote, ' ');
        }
      else
        g_string_append_unichar (quote, c);
    }
  if (text != NULL && n == QUOTE_CHARS && g_utf8_strlen (text, -1) > QUOTE_CHARS)
    g_string_append (quote, "…");

  /* Translators: who made a coding, in its tooltip */
  coder = g_strdup_printf (_("Coded by %s"), gloss_coding_get_coder_name (coding) != NULL ? gloss_coding_get_coder_name (coding) : "");

  if (quote->len > 0)
    return g_markup_printf_escaped ("<b>%s</b>\n%s\n<i>“%s”</i>", path, coder, quote->str);
  else
    return g_markup_printf_escaped ("<b>%s</b>\n%s", path, coder);
}

/* GlossCodingStripes ---------------------------------------------------------- */

#define MIN_COLUMNS 3

struct _GlossCodingStripes
{
  GtkWidget          parent_instance;

  GtkTextView       *view;           /* not a reference: the view owns us */
  GtkTextWindowType  side;
  GArray            *stripes;        /* GlossStripe */
  guint              n_columns;     /* coder A's in comparison mode */
  gboolean           comparison;
  guint              n_columns_b;
  char              *labels[2];
  char              *names[2];
  gint64             selected;
  gint64             outlined_coder;
};

enum {
  CODING_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GlossCodingStripes, gloss_coding_stripes, GTK_TYPE_WIDGET)

static double
margin_width (GlossCodingStripes *self)
{
  if (self->comparison)
    return 4.0 + 2 * GLOSS_STRIPE_GROUP_WIDTH;

  return GLOSS_STRIPE_INSET + 4.0 +
         MAX (self->n_columns, MIN_COLUMNS) * (GLOSS_STRIPE_WIDTH + GLOSS_STRIPE_GAP);
}

/* The x of the margin's edge next to the text, and the sign of "away". */
static double
text_edge (GlossCodingStripes *self)
{
  return self->side == GTK_TEXT_WINDOW_RIGHT ? 0 : gtk_widget_get_width (GTK_WIDGET (self));
}

/* Comparison mode: how far a group's columns are from the text.  Coder
 * B's are next to the text in a left margin, coder A's in a right one,
 * so that A's are always left of B's. */
static double
group_offset (GlossCodingStripes *self,
              guint               group)
{
  gboolean nearest = self->side == GTK_TEXT_WINDOW_RIGHT ? group == 0 : group == 1;

  return nearest ? 0 : GLOSS_STRIPE_GROUP_WIDTH;
}

/* The vertical extent of [start, end) in the margin's coordinates. */
static gboolean
range_extent (GlossCodingStripes *self,
              guint               start,
              guint               end,
              double             *y1,
              double             *y2)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter iter;
  GdkRectangle first, last;
  int wx, wy1, wy2;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) MIN (start, (guint) G_MAXINT));
  gtk_text_view_get_iter_location (self->view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) MIN (MAX (end, start + 1) - 1, (guint) G_MAXINT));
  gtk_text_view_get_iter_location (self->view, &iter, &last);

  gtk_text_view_buffer_to_window_coords (self->view, self->side, 0, first.y, &wx, &wy1);
  gtk_text_view_buffer_to_window_coords (self->view, self->side, 0, last.y + last.height, &wx, &wy2);

  *y1 = wy1;
  *y2 = MAX (wy2, wy1 + 2);
  return TRUE;
}

/* The offsets in sight, from the top of the view to its bottom. */
static void
visible_offsets (GlossCodingStripes *self,
                 guint              *top,
                 guint              *bottom)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (self->view, &visible);
  gtk_text_view_get_iter_at_location (self->view, &iter, visible.x, visible.y);
  gtk_text_iter_set_line_offset (&iter, 0);
  *top = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_iter_at_location (self->view, &iter, visible.x, visible.y + visible.height);
  gtk_text_iter_forward_to_line_end (&iter);
  *bottom = gtk_text_iter_get_offset (&iter);
}

typedef gboolean (*StripeFunc) (GlossCodingStripes *self,
                                const GlossStripe  *stripe,
                                const graphene_rect_t *bar,
                                gpointer            data);

/* Calls func for each stripe in sight with its bar, until it returns
 * TRUE; returns that stripe. */
static const GlossStripe *
foreach_visible (GlossCodingStripes *self,
                 StripeFunc          func,
                 gpointer            data)
{
  double edge = text_edge (self);
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double room = gtk_widget_get_width (GTK_WIDGET (self));
  guint top, bottom;

  if (self->stripes == NULL || self->stripes->len == 0 || room <= 0)
    return NULL;

  visible_offsets (self, &top, &bottom);

  for (guint i = 0; i < self->stripes->len; i++)
    {
      const GlossStripe *stripe = &g_array_index (self->stripes, GlossStripe, i);
      graphene_rect_t bar;
      double x, w, y1, y2;

      if (stripe->end < top || stripe->start > bottom)
        continue;
      if (!range_extent (self, stripe->start, stripe->end, &y1, &y2))
        continue;
      if (y2 < 0 || y1 > height)
        continue;
      if (self->comparison)
        {
          guint n_columns = stripe->group == 1 ? self->n_columns_b : self->n_columns;

          /* Under the labels, the bars are cut off. */
          y1 = MAX (y1, GLOSS_STRIPE_LABEL_HEIGHT);
          if (y2 <= y1)
            continue;
          if (!gloss_stripes_bar_x (edge - group_offset (self, stripe->group), stripe->column,
                                    n_columns, GLOSS_STRIPE_GROUP_WIDTH, &x, &w))
            continue;
        }
      else if (!gloss_stripes_bar_x (edge, stripe->column, self->n_columns, room, &x, &w))
        continue;

      /* The right-hand margin mirrors the left. */
      if (self->side == GTK_TEXT_WINDOW_RIGHT)
        x = 2 * edge - x - w;

      graphene_rect_init (&bar, x, y1, w, y2 - y1);
      if (func (self, stripe, &bar, data))
        return stripe;
    }

  return NULL;
}

static gboolean
draw_stripe (GlossCodingStripes    *self,
             const GlossStripe     *stripe,
             const graphene_rect_t *bar,
             gpointer               data)
{
  GtkSnapshot *snapshot = data;

  gloss_stripes_append_bar (snapshot, bar, &stripe->colour,
                            stripe->id == self->selected,
                            !self->comparison &&
                            self->outlined_coder != 0 && stripe->coder_id == self->outlined_coder);
  return FALSE;
}

/* The centre of a group's columns, in the margin's coordinates. */
static double
group_centre (GlossCodingStripes *self,
              guint               group)
{
  double edge = text_edge (self);
  double offset = group_offset (self, group) + (GLOSS_STRIPE_INSET + GLOSS_STRIPE_GROUP_WIDTH) / 2;

  return self->side == GTK_TEXT_WINDOW_RIGHT ? edge + offset : edge - offset;
}

static void
gloss_coding_stripes_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  GlossCodingStripes *self = GLOSS_CODING_STRIPES (widget);

  foreach_visible (self, draw_stripe, snapshot);

  if (self->comparison)
    {
      GdkRGBA colour;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
G_GNUC_END_IGNORE_DEPRECATIONS
      colour.alpha *= 0.75;

      for (guint group = 0; group < 2; group++)
        gloss_stripes_append_label (snapshot, widget, self->labels[group], &colour,
                                    group_centre (self, group), 0);
    }
}

static void
gloss_coding_stripes_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  GlossCodingStripes *self = GLOSS_CODING_STRIPES (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) ceil (margin_width (self));
  else
    *minimum = *natural = 0;
}

typedef struct
{
  double x;
  double y;
} Point;

static gboolean
stripe_contains (GlossCodingStripes    *self,
                 const GlossStripe     *stripe,
                 const graphene_rect_t *bar,
                 gpointer               data)
{
  const Point *point = data;
  double step = GLOSS_STRIPE_GAP;

  /* A bar and the gap beside it, and a pixel above and below. */
  return point->x >= bar->origin.x - step / 2 && point->x <= bar->origin.x + bar->size.width + step / 2 &&
         point->y >= bar->origin.y - 1 && point->y <= bar->origin.y + bar->size.height + 1;
}

gint64
gloss_coding_stripes_coding_at (GlossCodingStripes *self,
                                double              x,
                                double              y)
{
  Point point = { x, y };
  const GlossStripe *stripe;

  g_return_val_if_fail (GLOSS_IS_CODING_STRIPES (self), 0);

  stripe = foreach_visible (self, stripe_contains, &point);
  return stripe != NULL ? stripe->id : 0;
}

typedef struct
{
  gint64          id;
  graphene_rect_t bar;
  gboolean        found;
} FindBar;

static gboolean
stripe_is (GlossCodingStripes    *self,
           const GlossStripe     *stripe,
           const graphene_rect_t *bar,
           gpointer               data)
{
  FindBar *find = data;

  if (stripe->id != find->id)
    return FALSE;

  find->bar = *bar;
  find->found = TRUE;
  return TRUE;
}

gboolean
gloss_coding_stripes_get_bar (GlossCodingStripes *self,
                              gint64              coding_id,
                              graphene_rect_t    *bar)
{
  FindBar find = { coding_id };

  g_return_val_if_fail (GLOSS_IS_CODING_STRIPES (self), FALSE);

  foreach_visible (self, stripe_is, &find);
  if (find.found && bar != NULL)
    *bar = find.bar;

  return find.found;
}

gint64
gloss_coding_stripes_click (GlossCodingStripes *self,
                            double              x,
                            double              y)
{
  gint64 id;

  g_return_val_if_fail (GLOSS_IS_CODING_STRIPES (self), 0);

  id = gloss_coding_stripes_coding_at (self, x, y);
  if (id != 0)
    g_signal_emit (self, signals[CODING_CLICKED], 0, id);

  return id;
}

/* A press on a bar is ours before the text view's gestures see it. */
static void
click_pressed_cb (GlossCodingStripes *self,
                  int                 n_press,
                  double              x,
                  double              y,
                  GtkGestureClick    *gesture)
{
  if (gloss_coding_stripes_coding_at (self, x, y) != 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
click_released_cb (GlossCodingStripes *self,
                   int                 n_press,
                   double              x,
                   double              y,
                   GtkGestureClick    *gesture)
{
  gloss_coding_stripes_click (self, x, y);
}

static void
motion_cb (GlossCodingStripes       *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  gboolean over = gloss_coding_stripes_coding_at (self, x, y) != 0;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over ? "pointer" : NULL);
}

static gboolean
gloss_coding_stripes_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_tooltip,
                                    GtkTooltip *tooltip)
{
  GlossCodingStripes *self = GLOSS_CODING_STRIPES (widget);
  Point point = { x, y };
  const GlossStripe *stripe;
  g_autofree char *markup = NULL;

  if (keyboard_tooltip)
    return FALSE;

  /* A label: whose stripes these are. */
  if (self->comparison && y < GLOSS_STRIPE_LABEL_HEIGHT)
    {
      for (guint group = 0; group < 2; group++)
        if (fabs (x - group_centre (self, group)) <= GLOSS_STRIPE_GROUP_WIDTH / 2)
          {
            gtk_tooltip_set_text (tooltip, self->names[group]);
            return TRUE;
          }
      return FALSE;
    }

  stripe = foreach_visible (self, stripe_contains, &point);
  if (stripe == NULL)
    return FALSE;

  markup = gloss_coding_dup_tooltip_markup (stripe->coding);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
gloss_coding_stripes_finalize (GObject *object)
{
  GlossCodingStripes *self = (GlossCodingStripes *) object;

  g_clear_pointer (&self->stripes, g_array_unref);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&self->labels[i], g_free);
      g_clear_pointer (&self->names[i], g_free);
    }

  G_OBJECT_CLASS (gloss_coding_stripes_parent_class)->finalize (object);
}

static void
gloss_coding_stripes_class_init (GlossCodingStripesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gloss_coding_stripes_finalize;

  widget_class->snapshot = gloss_coding_stripes_snapshot;
  widget_class->measure = gloss_coding_stripes_measure;
  widget_class->query_tooltip = gloss_coding_stripes_query_tooltip;

  signals[CODING_CLICKED] =
    g_signal_new ("coding-clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "gloss-coding-stripes");
}

static void
gloss_coding_stripes_init (GlossCodingStripes *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
gloss_coding_stripes_new (GtkTextView       *view,
                          GtkTextWindowType  side)
{
  GlossCodingStripes *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (side == GTK_TEXT_WINDOW_LEFT || side == GTK_TEXT_WINDOW_RIGHT, NULL);

  self = g_object_new (GLOSS_TYPE_CODING_STRIPES, NULL);
  self->view = view;
  self->side = side;

  return GTK_WIDGET (self);
}

static void
replace_stripes (GlossCodingStripes *self,
                 GArray             *stripes,
                 guint               n_columns,
                 gboolean            comparison,
                 guint               n_columns_b)
{
  double old_width = margin_width (self);

  if (stripes != NULL)
    g_array_ref (stripes);
  g_clear_pointer (&self->stripes, g_array_unref);
  self->stripes = stripes;
  self->n_columns = stripes != NULL ? n_columns : 0;
  self->comparison = comparison;
  self->n_columns_b = comparison && stripes != NULL ? n_columns_b : 0;

  if (old_width != margin_width (self))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gloss_coding_stripes_set_stripes (GlossCodingStripes *self,
                                  GArray             *stripes,
                                  guint               n_columns)
{
  g_return_if_fail (GLOSS_IS_CODING_STRIPES (self));

  replace_stripes (self, stripes, n_columns, FALSE, 0);
}

void
gloss_coding_stripes_set_groups (GlossCodingStripes *self,
                                 GArray             *stripes,
                                 guint               n_columns_a,
                                 guint               n_columns_b,
                                 const char         *label_a,
                                 const char         *label_b,
                                 const char         *name_a,
                                 const char         *name_b)
{
  g_return_if_fail (GLOSS_IS_CODING_STRIPES (self));

  g_free (self->labels[0]);
  g_free (self->labels[1]);
  g_free (self->names[0]);
  g_free (self->names[1]);
  self->labels[0] = g_strdup (label_a != NULL ? label_a : "");
  self->labels[1] = g_strdup (label_b != NULL ? label_b : "");
  self->names[0] = g_strdup (name_a != NULL ? name_a : "");
  self->names[1] = g_strdup (name_b != NULL ? name_b : "");

  replace_stripes (self, stripes, n_columns_a, TRUE, n_columns_b);
}

gboolean
gloss_coding_stripes_get_comparison (GlossCodingStripes *self)
{
  g_return_val_if_fail (GLOSS_IS_CODING_STRIPES (self), FALSE);

  return self->comparison;
}

void
gloss_coding_stripes_set_selected (GlossCodingStripes *self,
                                   gint64              coding_id)
{
  g_return_if_fail (GLOSS_IS_CODING_STRIPES (self));

  if (self->selected == coding_id)
    return;

  self->selected = coding_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
gloss_coding_stripes_set_outlined_coder (GlossCodingStripes *self,
                                         gint64              coder_id)
{
  g_return_if_fail (GLOSS_IS_CODING_STRIPES (self));

  if (self->outlined_coder == coder_id)
    return;

  self->outlined_coder = coder_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
