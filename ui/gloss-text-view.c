/* gloss-text-view.c: shows a text document, read-only and selectable
 *
 * The buffer holds the layout's canonical text unchanged, so a GtkTextIter
 * offset (in characters) is exactly a code-point offset into that text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include "gloss-text-view.h"

struct _GlossTextView
{
  GtkTextView  parent_instance;

  GlossLayout *layout;
  guint        sel_start;
  guint        sel_end;
};

G_DEFINE_FINAL_TYPE (GlossTextView, gloss_text_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_SELECTION_START,
  PROP_SELECTION_END,
  PROP_HAS_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
gloss_text_view_finalize (GObject *object)
{
  GlossTextView *self = (GlossTextView *)object;

  g_clear_pointer (&self->layout, gloss_layout_unref);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_text_view_class_init (GlossTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_text_view_finalize;
  object_class->get_property = gloss_text_view_get_property;

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

}

static void
gloss_text_view_init (GlossTextView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);

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
