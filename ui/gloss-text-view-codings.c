/* gloss-text-view-codings.c: GlossTextView's codings: highlights over
 * the text, the coding stripes in the left gutter, clicking a coding, and
 * the comparison of two coders
 *
 * Highlights are text tags: one per distinct mix of colours.  In
 * comparison mode the tags colour the text of the code compared by who
 * coded it instead, and the stripes show each coder's codings in a group
 * of columns of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <math.h>

#include "gloss-text-view-private.h"

/* Highlights ------------------------------------------------------------------ */

/* Every distinct mix of colours gets one tag: a stretch of text covered
 * by several codings shows their colours composited, each at
 * GLOSS_HIGHLIGHT_ALPHA, as the PDF view blends its translucent rects. */
typedef struct
{
  guint offset;
  int   delta;     /* +1 a coding starts, -1 it ends */
  guint mark;      /* index into marks */
} Boundary;

static int
compare_boundaries (gconstpointer a,
                    gconstpointer b)
{
  const Boundary *ba = a;
  const Boundary *bb = b;

  if (ba->offset != bb->offset)
    return ba->offset < bb->offset ? -1 : 1;
  return ba->delta - bb->delta;
}

/* Over-composites the colours of the active marks (in their order). */
static void
blend (GlossTextView *self,
       GArray        *active,
       GdkRGBA       *out)
{
  double r = 0, g = 0, b = 0, a = 0;

  for (guint i = 0; i < active->len; i++)
    {
      const GlossStripe *mark = &g_array_index (self->marks, GlossStripe, g_array_index (active, guint, i));
      double alpha = GLOSS_HIGHLIGHT_ALPHA;

      r = mark->colour.red * alpha + r * (1 - alpha);
      g = mark->colour.green * alpha + g * (1 - alpha);
      b = mark->colour.blue * alpha + b * (1 - alpha);
      a = alpha + a * (1 - alpha);
    }

  *out = (GdkRGBA) { r / a, g / a, b / a, a };
}

static GtkTextTag *
tag_for (GlossTextView *self,
         GHashTable    *by_key,
         const char    *key)
{
  GtkTextTag *tag = g_hash_table_lookup (by_key, key);

  if (tag == NULL)
    {
      tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), NULL, NULL);
      g_ptr_array_add (self->tags, g_object_ref (tag));
      g_hash_table_insert (by_key, g_strdup (key), tag);
    }

  return tag;
}

static void
apply_tag (GtkTextBuffer *buffer,
           GtkTextTag    *tag,
           guint          start,
           guint          end)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) MIN (start, (guint) G_MAXINT));
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) MIN (end, (guint) G_MAXINT));
  gtk_text_buffer_apply_tag (buffer, tag, &s, &e);
}

static void
remove_highlights (GlossTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  for (guint i = 0; i < self->tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->tags, i));
  g_ptr_array_set_size (self->tags, 0);

  if (self->selected_tag != NULL)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->selected_tag, &start, &end);
    }
}

static const GlossStripe *
find_mark (GlossTextView *self,
           gint64         id)
{
  if (self->marks == NULL || id == 0)
    return NULL;

  for (guint i = 0; i < self->marks->len; i++)
    if (g_array_index (self->marks, GlossStripe, i).id == id)
      return &g_array_index (self->marks, GlossStripe, i);

  return NULL;
}

static void
apply_selected (GlossTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  const GlossStripe *mark = find_mark (self, self->selected);
  GtkTextIter start, end;

  if (self->selected_tag == NULL)
    self->selected_tag = g_object_ref (gtk_text_buffer_create_tag (buffer, NULL, NULL));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->selected_tag, &start, &end);

  if (mark == NULL)
    return;

  {
    GdkRGBA background = mark->colour;
    GdkRGBA line;

    background.alpha = GLOSS_HIGHLIGHT_SELECTED_ALPHA;
    gloss_rgba_darken (&mark->colour, 0.55, &line);
    g_object_set (self->selected_tag,
                  "background-rgba", &background,
                  "underline", PANGO_UNDERLINE_DOUBLE,
                  "underline-rgba", &line,
                  NULL);
  }

  /* Above every highlight. */
  gtk_text_tag_set_priority (self->selected_tag, gtk_text_tag_table_get_size (table) - 1);
  apply_tag (buffer, self->selected_tag, mark->start, mark->end);
}

/* Comparison mode: the text of the code compared, by who coded it, one
 * tag per kind. */
static void
apply_agreement (GlossTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GArray) ranges = NULL;
  GtkTextTag *tags[3];

  ranges = gloss_comparison_compute_ranges (self->comparison, (guint) gtk_text_buffer_get_char_count (buffer));

  for (guint kind = 0; kind < G_N_ELEMENTS (tags); kind++)
    {
      GdkRGBA colour;

      gloss_comparison_get_rgba (kind, &colour);
      colour.alpha = GLOSS_COMPARISON_ALPHA;
      tags[kind] = gtk_text_buffer_create_tag (buffer, NULL, "background-rgba", &colour, NULL);
      g_ptr_array_add (self->tags, g_object_ref (tags[kind]));
    }

  for (guint i = 0; i < ranges->len; i++)
    {
      const GlossComparisonRange *range = &g_array_index (ranges, GlossComparisonRange, i);

      apply_tag (buffer, tags[range->kind], range->start, range->end);
    }
}

static void
apply_highlights (GlossTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) boundaries = NULL;
  g_autoptr(GArray) active = NULL;

  remove_highlights (self);

  if (self->comparison != NULL)
    {
      apply_agreement (self);
      apply_selected (self);
      return;
    }

  if (self->marks == NULL || self->marks->len == 0)
    {
      apply_selected (self);
      return;
    }

  boundaries = g_array_sized_new (FALSE, FALSE, sizeof (Boundary), 2 * self->marks->len);
  active = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->marks->len; i++)
    {
      const GlossStripe *mark = &g_array_index (self->marks, GlossStripe, i);
      Boundary start = { mark->start, +1, i };
      Boundary end = { mark->end, -1, i };

      if (mark->start >= mark->end)
        continue;
      g_array_append_val (boundaries, start);
      g_array_append_val (boundaries, end);

      /* The outlined coder's codings are underlined in their colour. */
      if (self->outlined_coder != 0 && mark->coder_id == self->outlined_coder)
        {
          g_autofree char *key = g_strdup_printf ("ul-%s", gloss_coding_get_colour (mark->coding));
          GtkTextTag *tag = tag_for (self, by_key, key);
          GdkRGBA line;

          gloss_rgba_darken (&mark->colour, 0.65, &line);
          g_object_set (tag,
                        "underline", PANGO_UNDERLINE_SINGLE,
                        "underline-rgba", &line,
                        NULL);
          apply_tag (buffer, tag, mark->start, mark->end);
        }
    }

  g_array_sort (boundaries, compare_boundaries);

  /* A sweep: between two boundaries the same codings are active. */
  for (guint i = 0; i < boundaries->len; i++)
    {
      const Boundary *boundary = &g_array_index (boundaries, Boundary, i);

      if (boundary->delta > 0)
        {
          g_array_append_val (active, boundary->mark);
        }
      else
        {
          for (guint j = 0; j < active->len; j++)
            if (g_array_index (active, guint, j) == boundary->mark)
              {
                g_array_remove_index (active, j);
                break;
              }
        }

      if (active->len > 0 && i + 1 < boundaries->len &&
          g_array_index (boundaries, Boundary, i + 1).offset > boundary->offset)
        {
          GdkRGBA colour;
          g_autofree char *key = NULL;
          GtkTextTag *tag;

          blend (self, active, &colour);
          key = gdk_rgba_to_string (&colour);
          tag = tag_for (self, by_key, key);
          g_object_set (tag, "background-rgba", &colour, NULL);
          apply_tag (buffer, tag, boundary->offset, g_array_index (boundaries, Boundary, i + 1).offset);
        }
    }

  apply_selected (self);
}

/* The stripe of a coding, its columns by buffer lines; FALSE for an empty
 * one. */
static gboolean
make_mark (GlossTextView *self,
           GlossCoding   *coding,
           guint          group,
           guint          n_chars,
           GlossStripe   *mark)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  gloss_stripe_init (mark, coding);
  mark->group = group;
  mark->start = MIN (mark->start, n_chars);
  mark->end = MIN (mark->end, n_chars);
  if (mark->start >= mark->end)
    return FALSE;

  /* Comparing: the other codes' stripes are there, but faint. */
  if (self->comparison != NULL && !gloss_comparison_matches (self->comparison, coding))
    mark->colour.alpha = 0.35;

  /* Columns by buffer lines: two codings on one line (however it wraps)
   * never share a column. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) mark->start);
  mark->y1 = gtk_text_iter_get_line (&iter);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) mark->end - 1);
  mark->y2 = gtk_text_iter_get_line (&iter);
  return TRUE;
}

static void
add_marks (GlossTextView *self,
           GPtrArray     *codings,
           guint          group,
           guint          n_chars)
{
  for (guint i = 0; codings != NULL && i < codings->len; i++)
    {
      GlossStripe mark;

      if (make_mark (self, g_ptr_array_index (codings, i), group, n_chars, &mark))
        g_array_append_val (self->marks, mark);
    }
}

void
_gloss_text_view_rebuild_marks (GlossTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  guint n_chars = (guint) gtk_text_buffer_get_char_count (buffer);

  g_clear_pointer (&self->marks, g_array_unref);

  if (self->comparison != NULL)
    {
      g_autofree char *label_a = NULL;
      g_autofree char *label_b = NULL;
      guint n_a, n_b;

      self->marks = g_array_new (FALSE, TRUE, sizeof (GlossStripe));
      add_marks (self, self->comparison->codings_a, 0, n_chars);
      add_marks (self, self->comparison->codings_b, 1, n_chars);
      n_a = gloss_stripes_assign_group_columns (self->marks, 0, 0);
      n_b = gloss_stripes_assign_group_columns (self->marks, 1, 0);
      gloss_comparison_get_labels (self->comparison, &label_a, &label_b);
      gloss_coding_stripes_set_groups (self->stripes, self->marks, n_a, n_b, label_a, label_b,
                                       self->comparison->name_a, self->comparison->name_b);
    }
  else if (self->codings != NULL)
    {
      guint n_columns;

      self->marks = g_array_sized_new (FALSE, TRUE, sizeof (GlossStripe), self->codings->len);
      add_marks (self, self->codings, 0, n_chars);
      n_columns = gloss_stripes_assign_columns (self->marks, 0);
      gloss_coding_stripes_set_stripes (self->stripes, self->marks, n_columns);
    }
  else
    gloss_coding_stripes_set_stripes (self->stripes, NULL, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->stripes), self->codings != NULL || self->comparison != NULL);
  apply_highlights (self);
}

void
_gloss_text_view_clear_codings (GlossTextView *self)
{
  g_clear_pointer (&self->codings, g_ptr_array_unref);
  g_clear_pointer (&self->comparison, gloss_comparison_free);
}

/* The codings under a widget point, shortest first. */
static GArray *
marks_at_point (GlossTextView *self,
                double         x,
                double         y)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (GlossStripe));
  GtkTextIter iter;
  GdkRectangle location;
  int bx, by;
  guint offset;

  if (self->marks == NULL)
    return hits;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) floor (x), (int) floor (y), &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return hits;

  /* Only over a character, not past the end of its line. */
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &location);
  if (by < location.y || by >= location.y + location.height ||
      bx < location.x || bx > location.x + MAX (location.width, 1) || gtk_text_iter_ends_line (&iter))
    return hits;

  offset = gtk_text_iter_get_offset (&iter);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const GlossStripe *mark = &g_array_index (self->marks, GlossStripe, i);

      if (mark->start <= offset && offset < mark->end)
        {
          guint j;

          for (j = 0; j < hits->len; j++)
            {
              const GlossStripe *hit = &g_array_index (hits, GlossStripe, j);

              if (mark->end - mark->start < hit->end - hit->start ||
                  (mark->end - mark->start == hit->end - hit->start && mark->id < hit->id))
                break;
            }
          g_array_insert_val (hits, j, *mark);
        }
    }

  return hits;
}

void
_gloss_text_view_set_selected (GlossTextView *self,
                               gint64         coding_id)
{
  if (self->selected == coding_id)
    return;

  self->selected = coding_id;
  gloss_coding_stripes_set_selected (self->stripes, coding_id);
  apply_selected (self);
  _gloss_text_view_notify_selected_coding (self);
}

void
_gloss_text_view_activate_coding (GlossTextView *self,
                                  gint64         coding_id)
{
  _gloss_text_view_set_selected (self, coding_id);
  _gloss_text_view_emit_coding_clicked (self, coding_id);
}

/* Public API ------------------------------------------------------------- */

void
gloss_text_view_set_codings (GlossTextView *self,
                             GPtrArray     *codings)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  if (codings != NULL)
    g_ptr_array_ref (codings);
  g_clear_pointer (&self->codings, g_ptr_array_unref);
  self->codings = codings;

  _gloss_text_view_rebuild_marks (self);

  /* A selected coding that is gone is no longer selected; one not made
   * yet (selected before the list caught up) stays. */
  if (self->selected != 0 && codings != NULL && find_mark (self, self->selected) == NULL)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < codings->len && !listed; i++)
        listed = gloss_coding_get_id (g_ptr_array_index (codings, i)) == self->selected;
      if (!listed)
        _gloss_text_view_set_selected (self, 0);
    }
  else if (codings == NULL && self->comparison == NULL)
    _gloss_text_view_set_selected (self, 0);
}

void
gloss_text_view_set_comparison (GlossTextView         *self,
                                const GlossComparison *comparison)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  if (comparison == NULL && self->comparison == NULL)
    return;

  g_clear_pointer (&self->comparison, gloss_comparison_free);
  if (comparison != NULL)
    self->comparison = gloss_comparison_copy (comparison);

  _gloss_text_view_rebuild_marks (self);

  if (self->selected != 0 && find_mark (self, self->selected) == NULL)
    _gloss_text_view_set_selected (self, 0);
}

const GlossComparison *
gloss_text_view_get_comparison (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), NULL);

  return self->comparison;
}

void
gloss_text_view_select_coding (GlossTextView *self,
                               gint64         coding_id)
{
  const GlossStripe *mark;

  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  _gloss_text_view_set_selected (self, coding_id);

  mark = find_mark (self, coding_id);
  if (mark != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
      GtkTextMark *text_mark = gtk_text_buffer_get_mark (buffer, "gloss-coding");
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) mark->start);
      if (text_mark == NULL)
        text_mark = gtk_text_buffer_create_mark (buffer, "gloss-coding", &iter, TRUE);
      else
        gtk_text_buffer_move_mark (buffer, text_mark, &iter);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), text_mark, 0.1, FALSE, 0.0, 0.0);
    }
}

gint64
gloss_text_view_get_selected_coding (GlossTextView *self)
{
  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), 0);

  return self->selected;
}

void
gloss_text_view_set_outlined_coder (GlossTextView *self,
                                    gint64         coder_id)
{
  g_return_if_fail (GLOSS_IS_TEXT_VIEW (self));

  if (self->outlined_coder == coder_id)
    return;

  self->outlined_coder = coder_id;
  gloss_coding_stripes_set_outlined_coder (self->stripes, coder_id);
  apply_highlights (self);
}

gint64
gloss_text_view_click (GlossTextView *self,
                       double         x,
                       double         y)
{
  g_autoptr(GArray) hits = NULL;
  gint64 id;

  g_return_val_if_fail (GLOSS_IS_TEXT_VIEW (self), 0);

  hits = marks_at_point (self, x, y);
  if (hits->len == 0)
    {
      _gloss_text_view_set_selected (self, 0);
      return 0;
    }

  /* Clicking again where several codings overlap goes through them. */
  id = g_array_index (hits, GlossStripe, 0).id;
  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, GlossStripe, i).id == self->selected)
      {
        id = g_array_index (hits, GlossStripe, (i + 1) % hits->len).id;
        break;
      }

  _gloss_text_view_activate_coding (self, id);
  return id;
}

/* The character under a point in the view's coordinates, not past the
 * end of its line nor in the stripes. */