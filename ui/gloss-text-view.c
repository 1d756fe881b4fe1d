/* gloss-text-view.c: shows a text document, read-only and selectable
 *
 * The codings' highlights and stripes, and the comparison of two coders,
 * are in gloss-text-view-codings.c.
 *
 * The buffer holds the layout's canonical text unchanged, so a GtkTextIter
 * offset (in characters) is exactly a code-point offset into that text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <math.h>

#include "gloss-codebook-view-private.h"
#include "gloss-text-view-private.h"

/* The drag icon's label: this many characters of the selection at most. */
#define DRAG_ICON_CHARS 30

#define DRAG_THRESHOLD 3.0

G_DEFINE_FINAL_TYPE (GlossTextView, gloss_text_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_SELECTION_START,
  PROP_SELECTION_END,
  PROP_HAS_SELECTION,
  PROP_SELECTED_CODING,
  N_PROPS
};

enum {
  CODING_CLICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
gloss_text_view_update_selection (GlossTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;
  guint new_start = 0;
  guint new_end = 0;
  gboolean had_selection = self->sel_start != self->sel_end;

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      new_start = (guint) gtk_text_iter_get_offset (&start);
      new_end = (guint) gtk_text_iter_get_offset (&end);
    }

  if (new_start == self->sel_start && new_end == self->sel_end)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (new_start != self->sel_start)
    {
      self->sel_start = new_start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_START]);
    }
  if (new_end != self->sel_end)
    {
      self->sel_end = new_end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_END]);
    }
  if (had_selection != (new_start != new_end))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_mark_set (GtkTextBuffer *buffer,
             GtkTextIter   *location,
             GtkTextMark   *mark,
             GlossTextView *self)
{
  if (mark == gtk_text_buffer_get_insert (buffer) ||
      mark == gtk_text_buffer_get_selection_bound (buffer))
    gloss_text_view_update_selection (self);
}
void
_gloss_text_view_notify_selected_coding (GlossTextView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CODING]);
}

void
_gloss_text_view_emit_coding_clicked (GlossTextView *self,
                                      gint64         coding_id)
{
  g_signal_emit (self, signals[CODING_CLICKED], 0, coding_id);
}

static void
stripe_clicked_cb (GlossTextView *self,
                   gint64         coding_id)
{
  _gloss_text_view_activate_coding (self, coding_id);
}

/* Input --------------------------------------------------------------------- */

/* GtkTextView's own gestures claim every press, which would deny a
 * gesture of ours: the raw events are watched before them instead. */
static gboolean
legacy_event_cb (GlossTextView            *self,
                 GdkEvent                 *event,
                 GtkEventControllerLegacy *controller)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GtkNative *native;
  graphene_point_t point;
  double x, y, nx, ny;

  if ((type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE) ||
      gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;

  native = gtk_widget_get_native (GTK_WIDGET (self));
  if (native == NULL || !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  gtk_native_get_surface_transform (native, &nx, &ny);
  if (!gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x - nx, y - ny), &point))
    return GDK_EVENT_PROPAGATE;

  if (type == GDK_BUTTON_PRESS)
    {
      /* Inside the selection, GtkTextView would start its own drag of
       * the text: the press is ours, for our drag source. */
      if (gloss_text_view_drag_press (self, point.x, point.y, gdk_event_get_modifier_state (event)))
        {
          self->pressed = FALSE;
          return GDK_EVENT_STOP;
        }

      self->pressed = TRUE;
      self->press_x = point.x;
      self->press_y = point.y;
      return GDK_EVENT_PROPAGATE;
    }

  if (self->press_in_selection)
    {
      gloss_text_view_drag_release (self, point.x, point.y);
      return GDK_EVENT_STOP;
    }

  if (self->pressed &&
      hypot (point.x - self->press_x, point.y - self->press_y) < DRAG_THRESHOLD &&
      (gdk_event_get_modifier_state (event) & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0 &&
      self->sel_start == self->sel_end)
    {
      graphene_point_t in_stripes;

      /* The stripes handle their own clicks. */
      if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->stripes), &point, &in_stripes) ||
          !gtk_widget_contains (GTK_WIDGET (self->stripes), in_stripes.x, in_stripes.y))
        gloss_text_view_click (self, point.x, point.y);
    }

  self->pressed = FALSE;
  return GDK_EVENT_PROPAGATE;
}

static GdkContentProvider *
drag_prepare_cb (GlossTextView *self,
                 double         x,
                 double         y,
                 GtkDragSource *source)
{
  return gloss_text_view_drag_prepare (self);
}

static void
drag_source_end_cb (GlossTextView *self,
                    GdkDrag       *drag,
                    gboolean       delete_data,
                    GtkDragSource *source)
{
  self->press_in_selection = FALSE;
  self->selection_dragged = FALSE;
}

static void
queue_stripes_draw (GlossTextView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->stripes));
}

static void
vadjustment_changed_cb (GlossTextView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (adjustment == self->vadjustment)
    return;

  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->vadjustment, queue_stripes_draw, self);
      g_clear_object (&self->vadjustment);
    }

  if (adjustment != NULL)
    {
      self->vadjustment = g_object_ref (adjustment);
      g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (queue_stripes_draw), self);
      g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (queue_stripes_draw), self);
    }
}

static void
gloss_text_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GlossTextView *self = GLOSS_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_text_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* Lines wrap anew: the stripes move with them. */
  queue_stripes_draw (self);
}

static void
gloss_text_view_dispose (GObject *object)
{
  GlossTextView *self = (GlossTextView *)object;

  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->vadjustment, queue_stripes_draw, self);
      g_clear_object (&self->vadjustment);
    }

  G_OBJECT_CLASS (gloss_text_view_parent_class)->dispose (object);
}

static void
gloss_text_view_finalize (GObject *object)
{
  GlossTextView *self = (GlossTextView *)object;

  g_clear_pointer (&self->layout, gloss_layout_unref);
  _gloss_text_view_clear_codings (self);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_object (&self->selected_tag);

  G_OBJECT_CLASS (gloss_text_view_parent_class)->finalize (object);
}

static void
gloss_text_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossTextView *self = GLOSS_TEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION_START:
      g_value_set_uint (value, self->sel_start);
      break;
    case PROP_SELECTION_END:
      g_value_set_uint (value, self->sel_end);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->sel_start != self->sel_end);
      break;
    case PROP_SELECTED_CODING:
      g_value_set_int64 (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_text_view_class_init (GlossTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_text_view_dispose;
  object_class->finalize = gloss_text_view_finalize;
  object_class->get_property = gloss_text_view_get_property;

  widget_class->size_allocate = gloss_text_view_size_allocate;

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

  signals[CODING_CLICKED] =
    g_signal_new ("coding-clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
gloss_text_view_init (GlossTextView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkEventController *controller;

  self->tags = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 48);
  gtk_text_view_set_right_margin (view, 48);
  gtk_text_view_set_top_margin (view, 32);
  gtk_text_view_set_bottom_margin (view, 48);
  gtk_text_view_set_pixels_below_lines (view, 2);
  gtk_text_view_set_pixels_inside_wrap (view, 4);
  gtk_widget_add_css_class (GTK_WIDGET (self), "gloss-text-view");

  g_signal_connect_object (gtk_text_view_get_buffer (view), "mark-set",
                           G_CALLBACK (on_mark_set), self, 0);

  self->stripes = GLOSS_CODING_STRIPES (gloss_coding_stripes_new (view, GTK_TEXT_WINDOW_LEFT));
  gtk_widget_set_visible (GTK_WIDGET (self->stripes), FALSE);
  g_signal_connect_object (self->stripes, "coding-clicked", G_CALLBACK (stripe_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_text_view_set_gutter (view, GTK_TEXT_WINDOW_LEFT, GTK_WIDGET (self->stripes));

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "event", G_CALLBACK (legacy_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Before the legacy controller above (controllers run last added
   * first): it sees the press that the legacy controller then keeps from
   * GtkTextView. */
  self->drag_source = gtk_drag_source_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag_source), GDK_BUTTON_PRIMARY);
  gtk_drag_source_set_actions (self->drag_source, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drag_source), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (self->drag_source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect_swapped (self->drag_source, "drag-end", G_CALLBACK (drag_source_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_source));

  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (vadjustment_changed_cb), NULL);
}

GtkWidget *
gloss_text_view_new (void)
{
  return g_object_new (GLOSS_TYPE_TEXT_VIEW, NULL);
}

GlossLayout *
gloss_text_view_get_layout (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), NULL);

  return self->layout;
}

void
gloss_text_view_set_layout (GlossTextView *self,
                            GlossLayout   *layout)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  if (layout == self->layout)
    return;

  if (layout != NULL)
    gloss_layout_ref (layout);
  g_clear_pointer (&self->layout, gloss_layout_unref);
  self->layout = layout;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  /* The codings were the old text's. */
  _gloss_text_view_clear_codings (self);
  _gloss_text_view_rebuild_marks (self);
  _gloss_text_view_set_selected (self, 0);

  gtk_text_buffer_set_text (buffer, layout ? gloss_layout_get_text (layout) : "", -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &start, 0.0, FALSE, 0.0, 0.0);
  gloss_text_view_update_selection (self);
}

gboolean
gloss_text_view_get_selection (GlossTextView *self,
                               guint         *start,
                               guint         *end)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), FALSE);

  if (start != NULL)
    *start = self->sel_start;
  if (end != NULL)
    *end = self->sel_end;

  return self->sel_start != self->sel_end;
}

void
gloss_text_view_set_selection (GlossTextView *self,
                               guint          start,
                               guint          end)
{
  GtkTextBuffer *buffer;
  GtkTextIter start_iter, end_iter;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  if (start > end)
    {
      guint tmp = start;
      start = end;
      end = tmp;
    }

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, (int) MIN (start, (guint) G_MAXINT));
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, (int) MIN (end, (guint) G_MAXINT));
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &start_iter, 0.1, FALSE, 0.0, 0.0);
  gloss_text_view_update_selection (self);
}

void
gloss_text_view_copy_selection (GlossTextView *self)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  gtk_text_buffer_copy_clipboard (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)),
                                  gtk_widget_get_clipboard (GTK_WIDGET (self)));
}

static gboolean
char_at_point (GlossTextView *self,
               double         x,
               double         y,
               guint         *offset)
{
  GtkTextIter iter;
  GdkRectangle location;
  graphene_point_t in_stripes;
  int bx, by;

  if (gtk_widget_get_visible (GTK_WIDGET (self->stripes)) &&
      gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->stripes),
                                &GRAPHENE_POINT_INIT (x, y), &in_stripes) &&
      gtk_widget_contains (GTK_WIDGET (self->stripes), in_stripes.x, in_stripes.y))
    return FALSE;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) floor (x), (int) floor (y), &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return FALSE;

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &location);
  if (by < location.y || by >= location.y + location.height)
    return FALSE;

  *offset = (guint) gtk_text_iter_get_offset (&iter);
  return TRUE;
}

gboolean
gloss_text_view_drag_press (GlossTextView   *self,
                            double           x,
                            double           y,
                            GdkModifierType  state)
{
  guint offset;

  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), FALSE);

  self->press_in_selection = FALSE;
  self->selection_dragged = FALSE;

  if ((state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0 ||
      self->sel_start >= self->sel_end ||
      !char_at_point (self, x, y, &offset) ||
      offset < self->sel_start || offset >= self->sel_end)
    return FALSE;

  self->press_in_selection = TRUE;
  self->press_x = x;
  self->press_y = y;
  gtk_widget_grab_focus (GTK_WIDGET (self));

  return TRUE;
}

GdkContentProvider *
gloss_text_view_drag_prepare (GlossTextView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GdkPaintable) icon = NULL;

  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), NULL);

  if (!self->press_in_selection || self->sel_start >= self->sel_end)
    return NULL;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) self->sel_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) self->sel_end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  icon = gloss_selection_drag_icon_new (GTK_WIDGET (self), text);
  gtk_drag_source_set_icon (self->drag_source, icon, -8, -8);

  self->selection_dragged = TRUE;

  return gloss_selection_drag_content_new (self->sel_start, self->sel_end);
}

void
gloss_text_view_drag_release (GlossTextView *self,
                              double         x,
                              double         y)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  if (!self->press_in_selection)
    return;

  self->press_in_selection = FALSE;
  self->pressed = FALSE;

  /* A click in the selection puts the cursor there, as GtkTextView's
   * does. */
  if (!self->selection_dragged)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      GtkTextIter iter;
      int bx, by;

      gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                             (int) floor (self->press_x), (int) floor (self->press_y),
                                             &bx, &by);
      gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }

  self->selection_dragged = FALSE;
}

GdkContentProvider *
gloss_selection_drag_content_new (guint start,
                                  guint end)
{
  g_autofree char *text = g_strdup_printf (GLOSS_SELECTION_DRAG_PREFIX "%u-%u", start, end);

  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

GdkPaintable *
gloss_selection_drag_icon_new (GtkWidget  *widget,
                               const char *text)
{
  const double pad_x = 10, pad_y = 5, radius = 8;
  const GdkRGBA background = { 0.21, 0.52, 0.89, 0.95 };  /* GNOME's accent blue */
  const GdkRGBA foreground = { 1.0, 1.0, 1.0, 1.0 };
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  GtkSnapshot *snapshot;
  GskRoundedRect outline;
  gboolean space = FALSE;
  guint n = 0;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  /* The start of the text on one line, its runs of spaces and line
   * breaks one space. */
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = label->len > 0;
          continue;
        }
      if (n + (space ? 1 : 0) >= DRAG_ICON_CHARS)
        {
          g_string_append (label, "…");
          break;
        }
      if (space)
        {
          g_string_append_c (label, ' ');
          n++;
          space = FALSE;
        }
      g_string_append_unichar (label, c);
      n++;
    }

  layout = gtk_widget_create_pango_layout (widget, label->str);
  pango_layout_get_pixel_size (layout, &width, &height);

  snapshot = gtk_snapshot_new ();
  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (0, 0, width + 2 * pad_x, height + 2 * pad_y),
                                   radius);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &background, &outline.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pad_x, pad_y));
  gtk_snapshot_append_layout (snapshot, layout, &foreground);

  return gtk_snapshot_free_to_paintable (snapshot, &GRAPHENE_SIZE_INIT (width + 2 * pad_x, height + 2 * pad_y));
}

GtkWidget *
gloss_text_view_get_stripes (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), NULL);

  return GTK_WIDGET (self->stripes);
}
