/* gloss-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <math.h>
#include <string.h>

#include "gloss-layout.h"

/* A byte offset is kept for every STRIDE-th code point so that offsets
 * map to bytes without walking the whole text. */
#define STRIDE 256

struct _GlossLayout
{
  gatomicrefcount  ref_count;
  char            *text;
  gsize            text_len;
  guint            n_chars;
  GPtrArray       *pages;
  guint           *index;  /* byte offset of code point i * STRIDE */
  guint            n_index;
};

G_DEFINE_BOXED_TYPE (GlossLayout, gloss_layout, gloss_layout_ref, gloss_layout_unref)

GlossPage *
gloss_page_new (guint      number,
                guint      start,
                guint      end,
                double     width,
                double     height,
                GlossRect *rects)
{
  GlossPage *page = g_new0 (GlossPage, 1);

  page->number = number;
  page->start = start;
  page->end = end;
  page->width = width;
  page->height = height;
  page->rects = rects;

  return page;
}

void
gloss_page_free (GlossPage *page)
{
  if (page == NULL)
    return;

  g_free (page->rects);
  g_free (page);
}

/**
 * gloss_layout_new:
 * @text: the canonical text (UTF-8)
 * @pages: (transfer container): #GlossPage in order
 *
 * The layout takes over @pages (and sets its free function).
 */
GlossLayout *
gloss_layout_new (const char *text,
                  GPtrArray  *pages)
{
  GlossLayout *self = g_new0 (GlossLayout, 1);
  const char *p;
  guint i = 0;

  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_strdup (text);
  self->text_len = strlen (self->text);
  self->pages = pages ? pages : g_ptr_array_new ();
  g_ptr_array_set_free_func (self->pages, (GDestroyNotify) gloss_page_free);

  self->n_chars = g_utf8_strlen (self->text, -1);
  self->n_index = self->n_chars / STRIDE + 1;
  self->index = g_new (guint, self->n_index);

  for (p = self->text; *p; p = g_utf8_next_char (p), i++)
    if (i % STRIDE == 0)
      self->index[i / STRIDE] = p - self->text;
  if (i % STRIDE == 0)
    self->index[i / STRIDE] = p - self->text;

  return self;
}

GlossLayout *
gloss_layout_ref (GlossLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
gloss_layout_unref (GlossLayout *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->text);
      g_free (self->index);
      g_ptr_array_unref (self->pages);
      g_free (self);
    }
}

const char *
gloss_layout_get_text (GlossLayout *self)
{
  return self->text;
}

guint
gloss_layout_get_n_chars (GlossLayout *self)
{
  return self->n_chars;
}

guint
gloss_layout_get_n_pages (GlossLayout *self)
{
  return self->pages->len;
}

const GlossPage *
gloss_layout_get_page (GlossLayout *self,
                       guint        page)
{
  g_return_val_if_fail (page < self->pages->len, NULL);
  return g_ptr_array_index (self->pages, page);
}

static const char *
pointer_at_offset (GlossLayout *self,
                   guint        offset)
{
  const char *p;
  guint i;

  offset = MIN (offset, self->n_chars);
  p = self->text + self->index[offset / STRIDE];
  for (i = offset - offset % STRIDE; i < offset; i++)
    p = g_utf8_next_char (p);

  return p;
}

/* The page an offset belongs to: the last page that starts at or before
 * it (a page separator belongs to the page before it). */
guint
gloss_layout_page_at_offset (GlossLayout *self,
                             guint        offset)
{
  guint lo = 0, hi = self->pages->len;

  if (hi == 0)
    return 0;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      const GlossPage *page = g_ptr_array_index (self->pages, mid);

      if (page->start <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

char *
gloss_layout_dup_range (GlossLayout *self,
                        guint        start,
                        guint        end)
{
  const char *a, *b;

  start = MIN (start, self->n_chars);
  end = CLAMP (end, start, self->n_chars);
  a = pointer_at_offset (self, start);
  b = pointer_at_offset (self, end);

  return g_strndup (a, b - a);
}

static gboolean
rect_is_empty (const GlossRect *r)
{
  return !(r->x2 > r->x1) || !(r->y2 > r->y1);
}

/* Characters that a pointer can land on: glyphs, not line breaks or page
 * separators (whose boxes poppler makes up). */
static gboolean
is_hit_candidate (gunichar         c,
                  const GlossRect *r)
{
  return c != '\n' && c != '\f' && c != '\r' && !rect_is_empty (r);
}

gboolean
gloss_layout_char_at_point (GlossLayout *self,
                            guint        page_no,
                            double       x,
                            double       y,
                            guint       *offset)
{
  const GlossPage *page;
  const char *p;
  guint i;

  g_return_val_if_fail (offset != NULL, FALSE);

  if (page_no >= self->pages->len)
    return FALSE;

  page = g_ptr_array_index (self->pages, page_no);
  if (page->rects == NULL)
    return FALSE;

  p = pointer_at_offset (self, page->start);
  for (i = page->start; i < page->end; i++, p = g_utf8_next_char (p))
    {
      const GlossRect *r = &page->rects[i - page->start];
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || !is_hit_candidate (c, r))
        continue;

      if (x >= r->x1 && x < r->x2 && y >= r->y1 && y < r->y2)
        {
          *offset = i;
          return TRUE;
        }
    }

  return FALSE;
}

static double
vertical_distance (const GlossRect *r,
                   double           y)
{
  if (y < r->y1)
    return r->y1 - y;
  if (y > r->y2)
    return y - r->y2;
  return 0;
}

static double
horizontal_distance (const GlossRect *r,
                     double           x)
{
  if (x < r->x1)
    return r->x1 - x;
  if (x > r->x2)
    return x - r->x2;
  return 0;
}

/* The caret position (an offset between characters) nearest to a point:
 * the glyph on the nearest line that is nearest along it; the caret goes
 * after that glyph when the point is past its middle. */
guint
gloss_layout_caret_at_point (GlossLayout *self,
                             guint        page_no,
                             double       x,
                             double       y)
{
  const GlossPage *page;
  const char *p;
  double best_dy = G_MAXDOUBLE, best_dx = G_MAXDOUBLE;
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  guint best = G_MAXUINT;
  guint i;

  if (self->pages->len == 0)
    return 0;

  page_no = MIN (page_no, self->pages->len - 1);
  page = g_ptr_array_index (self->pages, page_no);
  if (page->rects == NULL || page->start == page->end)
    return page->start;

  p = pointer_at_offset (self, page->start);
  for (i = page->start; i < page->end; i++, p = g_utf8_next_char (p))
    {
      const GlossRect *r = &page->rects[i - page->start];
      double dy, dx;

      if (!is_hit_candidate (g_utf8_get_char (p), r))
        continue;

      top = MIN (top, r->y1);
      bottom = MAX (bottom, r->y2);
      dy = vertical_distance (r, y);
      dx = horizontal_distance (r, x);

      /* Lines are compared first (a tolerance of half a point keeps
       * glyphs of one line together), then the distance along the line. */
      if (dy < best_dy - 0.5 || (fabs (dy - best_dy) <= 0.5 && dx < best_dx))
        {
          best_dy = dy;
          best_dx = dx;
          best = i;
        }
    }

  if (best == G_MAXUINT)
    return page->start;

  /* Above all the text of the page, or below it. */
  if (y < top)
    return page->start;
  if (y > bottom)
    return page->end;

  {
    const GlossRect *r = &page->rects[best - page->start];
    double middle = (r->x1 + r->x2) / 2;
    gboolean after;

    after = x >= middle;

    return after ? best + 1 : best;
  }
}

static gboolean
same_line (const GlossRect *a,
           const GlossRect *b)
{
  double top = MAX (a->y1, b->y1);
  double bottom = MIN (a->y2, b->y2);
  double height = MIN (a->y2 - a->y1, b->y2 - b->y1);
  double gap;

  if (bottom - top < height * 0.5)
    return FALSE;

  /* Either direction, for right-to-left runs. */
  gap = MAX (b->x1 - a->x2, a->x1 - b->x2);

  return gap < MAX (a->y2 - a->y1, b->y2 - b->y1) * 1.5;
}

/* One rectangle per run of characters on one line of one page, covering
 * the glyphs of [start, end). */
GArray *
gloss_layout_rects_for_range (GlossLayout *self,
                              guint        start,
                              guint        end)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (GlossPageRect));
  guint page_no;

  end = MIN (end, self->n_chars);
  if (start >= end || self->pages->len == 0)
    return rects;

  for (page_no = gloss_layout_page_at_offset (self, start);
       page_no < self->pages->len;
       page_no++)
    {
      const GlossPage *page = g_ptr_array_index (self->pages, page_no);
      guint from = MAX (start, page->start);
      guint to = MIN (end, page->end);
      gboolean open = FALSE;
      GlossPageRect run = { 0, };
      const char *p;
      guint i;

      if (page->start >= end)
        break;
      if (page->rects == NULL || from >= to)
        continue;

      p = pointer_at_offset (self, from);
      for (i = from; i < to; i++, p = g_utf8_next_char (p))
        {
          const GlossRect *r = &page->rects[i - page->start];
          gunichar c = g_utf8_get_char (p);

          if (!is_hit_candidate (c, r))
            continue;

          if (open && same_line (&run.rect, r))
            {
              run.rect.x1 = MIN (run.rect.x1, r->x1);
              run.rect.y1 = MIN (run.rect.y1, r->y1);
              run.rect.x2 = MAX (run.rect.x2, r->x2);
              run.rect.y2 = MAX (run.rect.y2, r->y2);
              continue;
            }

          if (open)
            g_array_append_val (rects, run);

          run.page = page_no;
          run.rect = *r;
          open = TRUE;
        }

      if (open)
        g_array_append_val (rects, run);
    }

  return rects;
}
