/* gloss-pdf-view-input.c: GlossPdfView's selection and input: gestures,
 * key bindings, word and line selection, autoscroll, the pointer's cursor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-PdfView"

#include <math.h>

#include "gloss-pdf-view-private.h"
#include "gloss-text-view.h"

#define DRAG_THRESHOLD  3.0

/* Selection --------------------------------------------------------------- */

void
_gloss_pdf_view_select_range (GlossPdfView *self,
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
      _gloss_pdf_view_notify (self, PROP_SELECTION_START);
    }

  if (end != self->sel_end)
    {
      self->sel_end = end;
      _gloss_pdf_view_notify (self, PROP_SELECTION_END);
    }

  if (had_selection != (start < end))
    _gloss_pdf_view_notify (self, PROP_HAS_SELECTION);

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

  if (self->layout == NULL || !_gloss_pdf_view_point_to_page (self, wx, wy, TRUE, &page, &px, &py))
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

  if (self->layout == NULL || !_gloss_pdf_view_point_to_page (self, wx, wy, FALSE, &page, &px, &py))
    return FALSE;

  if (page >= gloss_layout_get_n_pages (self->layout))
    return FALSE;

  return gloss_layout_char_at_point (self->layout, page, px, py, offset);
}

static gboolean
is_word_char (gunichar c)
{
  /* Apostrophes belong to words, as in "children's" or "don't". */
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_' ||
         c == '\'' || c == 0x2019;
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

  _gloss_pdf_view_select_range (self, start, end);
}

/* Dragging ---------------------------------------------------------------- */

static void
drag_select_to (GlossPdfView *self,
                double        wx,
                double        wy)
{
  guint cursor;

  if (caret_at_widget_point (self, wx, wy, &cursor))
    _gloss_pdf_view_select_range (self, self->drag_anchor, cursor);
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

  gtk_adjustment_set_value (self->vadjustment, _gloss_pdf_view_adjustment_value (self->vadjustment) + dy / 2);
  gtk_adjustment_set_value (self->hadjustment, _gloss_pdf_view_adjustment_value (self->hadjustment) + dx / 2);
  drag_select_to (self, x, y);

  return G_SOURCE_CONTINUE;
}

void
_gloss_pdf_view_drag_begin (GlossPdfView    *self,
                            double           x,
                            double           y,
                            GdkModifierType  state)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));

  self->drag_active = FALSE;
  self->press_in_selection = FALSE;
  self->selection_dragged = FALSE;

  /* A press on a coding's stripe selects the coding, never text. */
  self->press_stripe = _gloss_pdf_view_stripe_at (self, x, y);
  if (self->press_stripe != 0)
    return;

  if (!caret_at_widget_point (self, x, y, &self->drag_anchor))
    return;

  /* A press inside the selection may drag it onto a code: decided here,
   * at the press, and never again during the gesture (a new selection
   * comes under the pointer as it is made). */
  if ((state & GDK_SHIFT_MASK) == 0 && self->sel_start < self->sel_end)
    {
      guint offset;

      self->press_in_selection = char_at_widget_point (self, x, y, &offset) &&
                                 self->sel_start <= offset && offset < self->sel_end;
    }

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

void
_gloss_pdf_view_drag_update (GlossPdfView *self,
                             double        dx,
                             double        dy)
{
  if (!self->drag_active)
    return;

  self->drag_dx = dx;
  self->drag_dy = dy;

  if (!self->drag_moved && hypot (dx, dy) < DRAG_THRESHOLD)
    return;

  /* The drag source takes this drag once it passes its own threshold. */
  if (self->press_in_selection)
    {
      self->drag_moved = TRUE;
      return;
    }

  /* A double click's second press drags by words in other viewers; here it
   * keeps the word it selected until the pointer really moves. */
  self->drag_moved = TRUE;
  drag_select_to (self, self->drag_x + dx, self->drag_y + dy);

  if (self->autoscroll_id == 0)
    self->autoscroll_id = g_timeout_add (50, autoscroll_cb, self);
}

void
_gloss_pdf_view_drag_end (GlossPdfView *self)
{
  g_clear_handle_id (&self->autoscroll_id, g_source_remove);

  /* The drag and drop reset the gestures: the selection stays, to be
   * coded. */
  if (self->selection_dragged)
    {
      self->selection_dragged = FALSE;
      self->press_in_selection = FALSE;
      self->drag_active = FALSE;
      return;
    }

  if (self->press_stripe != 0)
    {
      _gloss_pdf_view_activate_coding (self, self->press_stripe);
      self->press_stripe = 0;
    }
  else if (self->drag_active && !self->drag_moved && self->last_n_press <= 1)
    {
      gint64 coding = _gloss_pdf_view_highlight_at (self, self->drag_x, self->drag_y);

      /* A plain click clears the selection, and selects the coding
       * under it (a drag over a highlight selects text as ever). */
      _gloss_pdf_view_select_range (self, 0, 0);
      if (coding != 0)
        _gloss_pdf_view_activate_coding (self, coding);
      else
        _gloss_pdf_view_set_selected_coding (self, 0);
    }

  self->drag_active = FALSE;
  self->press_in_selection = FALSE;
}

GdkContentProvider *
_gloss_pdf_view_drag_prepare (GlossPdfView *self,
                              double        x,
                              double        y)
{
  g_autofree char *text = NULL;

  if (!self->press_in_selection || self->layout == NULL || self->sel_start >= self->sel_end)
    return NULL;

  text = gloss_layout_dup_range (self->layout, self->sel_start, self->sel_end);
  if (self->drag_source != NULL)
    {
      g_autoptr(GdkPaintable) icon = gloss_selection_drag_icon_new (GTK_WIDGET (self), text);

      gtk_drag_source_set_icon (self->drag_source, icon, -8, -8);
    }

  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  self->selection_dragged = TRUE;

  return gloss_selection_drag_content_new (self->sel_start, self->sel_end);
}

static GdkContentProvider *
drag_prepare_cb (GlossPdfView  *self,
                 double         x,
                 double         y,
                 GtkDragSource *source)
{
  return _gloss_pdf_view_drag_prepare (self, x, y);
}

static void
drag_source_end_cb (GlossPdfView  *self,
                    GdkDrag       *drag,
                    gboolean       delete_data,
                    GtkDragSource *source)
{
  self->selection_dragged = FALSE;
  self->press_in_selection = FALSE;
}

void
_gloss_pdf_view_click (GlossPdfView *self,
                       int           n_press,
                       double        x,
                       double        y)
{
  guint offset;

  self->last_n_press = n_press;

  if (n_press < 2 || !char_at_widget_point (self, x, y, &offset))
    return;

  select_around (self, offset, n_press >= 3);
}

static void
drag_begin_cb (GlossPdfView   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  _gloss_pdf_view_drag_begin (self, x, y, state);
}

static void
drag_update_cb (GlossPdfView   *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  _gloss_pdf_view_drag_update (self, dx, dy);
}

static void
drag_end_cb (GlossPdfView   *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  _gloss_pdf_view_drag_end (self);
}

static void
click_pressed_cb (GlossPdfView    *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  _gloss_pdf_view_click (self, n_press, x, y);
}

/* Pointer, wheel, pinch --------------------------------------------------- */

void
_gloss_pdf_view_motion (GlossPdfView *self,
                        double        x,
                        double        y)
{
  const char *cursor = NULL;
  guint offset;

  self->pointer_x = x;
  self->pointer_y = y;

  if (_gloss_pdf_view_stripe_at (self, x, y) != 0)
    cursor = "pointer";
  else if (char_at_widget_point (self, x, y, &offset))
    cursor = "text";

  if (g_strcmp0 (cursor, self->cursor_name) != 0)
    {
      self->cursor_name = cursor;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
    }
}

static void
motion_cb (GlossPdfView             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  _gloss_pdf_view_motion (self, x, y);
}

gboolean
_gloss_pdf_view_scroll (GlossPdfView    *self,
                        double           dx,
                        double           dy,
                        GdkModifierType  state)
{
  if ((state & GDK_CONTROL_MASK) == 0 || _gloss_pdf_view_n_pages (self) == 0)
    return FALSE;

  _gloss_pdf_view_leave_fit_width (self);
  _gloss_pdf_view_zoom_at (self, self->zoom * pow (1.15, -dy), self->pointer_x, self->pointer_y);

  return TRUE;
}

static gboolean
scroll_cb (GlossPdfView             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  return _gloss_pdf_view_scroll (self, dx, dy, state);
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

  if (_gloss_pdf_view_n_pages (self) == 0)
    return;

  _gloss_pdf_view_leave_fit_width (self);

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  _gloss_pdf_view_zoom_at (self, self->pinch_zoom * scale, x, y);
}

/* Keys -------------------------------------------------------------------- */

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
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) - GLOSS_PDF_VIEW_SCROLL_STEP);
      break;
    case SCROLL_LINE_DOWN:
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + GLOSS_PDF_VIEW_SCROLL_STEP);
      break;
    case SCROLL_LINE_LEFT:
      gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) - GLOSS_PDF_VIEW_SCROLL_STEP);
      break;
    case SCROLL_LINE_RIGHT:
      gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + GLOSS_PDF_VIEW_SCROLL_STEP);
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

/* Copy and Escape without a selection return FALSE, so that the key goes
 * on to the window. */
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
      _gloss_pdf_view_select_range (self, 0, gloss_layout_get_n_chars (self->layout));
      return TRUE;

    case COMMAND_UNSELECT:
      if (!has_selection)
        return FALSE;
      _gloss_pdf_view_select_range (self, 0, 0);
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

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  mods,
             GtkShortcutFunc  func,
             int              arg)
{
  gtk_widget_class_add_binding (widget_class, keyval, mods, func, "i", arg);
}

void
_gloss_pdf_view_class_add_bindings (GtkWidgetClass *widget_class)
{
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
}

void
_gloss_pdf_view_init_controllers (GlossPdfView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  /* Dragging the selection onto a code codes it.  The source only offers
   * content when the press was inside the selection (see drag_begin), and
   * then the drag-select gesture above leaves the drag to it. */
  self->drag_source = gtk_drag_source_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag_source), GDK_BUTTON_PRIMARY);
  gtk_drag_source_set_actions (self->drag_source, GDK_ACTION_COPY);
  g_signal_connect_swapped (self->drag_source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect_swapped (self->drag_source, "drag-end", G_CALLBACK (drag_source_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_source));

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
}

/* Public API ------------------------------------------------------------- */

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

  _gloss_pdf_view_select_range (self, start, end);

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

  _gloss_pdf_view_select_range (self, 0, 0);
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

  _gloss_pdf_view_select_range (self, anchor, cursor);
}
