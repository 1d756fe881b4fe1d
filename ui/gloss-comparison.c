/* gloss-comparison.c: two coders' codings of one document side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-comparison.h"

GlossComparison *
gloss_comparison_new (GPtrArray  *codings_a,
                      GPtrArray  *codings_b,
                      const char *name_a,
                      const char *name_b,
                      gint64      code_id,
                      const char *code_path,
                      gboolean    with_subcodes)
{
  GlossComparison *self = g_new0 (GlossComparison, 1);

  self->codings_a = codings_a != NULL ? g_ptr_array_ref (codings_a)
                                      : g_ptr_array_new_with_free_func (g_object_unref);
  self->codings_b = codings_b != NULL ? g_ptr_array_ref (codings_b)
                                      : g_ptr_array_new_with_free_func (g_object_unref);
  self->name_a = g_strdup (name_a != NULL ? name_a : "");
  self->name_b = g_strdup (name_b != NULL ? name_b : "");
  self->code_id = code_id;
  self->code_path = g_strdup (code_path);
  self->with_subcodes = !!with_subcodes;

  return self;
}

GlossComparison *
gloss_comparison_copy (const GlossComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return gloss_comparison_new (self->codings_a, self->codings_b, self->name_a, self->name_b,
                               self->code_id, self->code_path, self->with_subcodes);
}

void
gloss_comparison_free (GlossComparison *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->codings_a, g_ptr_array_unref);
  g_clear_pointer (&self->codings_b, g_ptr_array_unref);
  g_free (self->name_a);
  g_free (self->name_b);
  g_free (self->code_path);
  g_free (self);
}

gboolean
gloss_comparison_matches (const GlossComparison *self,
                          GlossCoding           *coding)
{
  const char *path;
  gsize len;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GLOSS_IS_CODING (coding), FALSE);

  if (gloss_coding_get_code_id (coding) == self->code_id)
    return TRUE;
  if (!self->with_subcodes || self->code_path == NULL || self->code_path[0] == '\0')
    return FALSE;

  path = gloss_coding_get_code_path (coding);
  len = strlen (self->code_path);
  return path != NULL && strncmp (path, self->code_path, len) == 0 && path[len] == '/';
}

/* Interval arithmetic ------------------------------------------------------ */

typedef struct
{
  guint start;
  guint end;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a;
  const Span *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  return sa->end < sb->end ? -1 : sa->end > sb->end;
}

/* The union of the matching codings' ranges: sorted, disjoint, touching
 * spans merged. */
static GArray *
coder_union (const GlossComparison *self,
             GPtrArray             *codings,
             guint                  n_chars)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0; codings != NULL && i < codings->len; i++)
    {
      GlossCoding *coding = g_ptr_array_index (codings, i);
      Span span;

      if (!gloss_comparison_matches (self, coding))
        continue;

      span.start = MIN (gloss_coding_get_start (coding), n_chars);
      span.end = MIN (gloss_coding_get_end (coding), n_chars);
      if (span.start < span.end)
        g_array_append_val (spans, span);
    }

  g_array_sort (spans, compare_spans);

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      Span *last = merged->len > 0 ? &g_array_index (merged, Span, merged->len - 1) : NULL;

      if (last != NULL && span->start <= last->end)
        last->end = MAX (last->end, span->end);
      else
        g_array_append_val (merged, *span);
    }

  return merged;
}

static void
add_range (GArray              *ranges,
           guint                start,
           guint                end,
           GlossComparisonKind  kind)
{
  GlossComparisonRange *last;
  GlossComparisonRange range = { start, end, kind };

  if (start >= end)
    return;

  last = ranges->len > 0 ? &g_array_index (ranges, GlossComparisonRange, ranges->len - 1) : NULL;
  if (last != NULL && last->kind == kind && last->end == start)
    last->end = end;
  else
    g_array_append_val (ranges, range);
}

/* Whether offset p is inside the spans, advancing *i past spans that end
 * at or before p (p only grows). */
static gboolean
covers (GArray *spans,
        guint  *i,
        guint   p)
{
  while (*i < spans->len && g_array_index (spans, Span, *i).end <= p)
    (*i)++;

  return *i < spans->len && g_array_index (spans, Span, *i).start <= p;
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

GArray *
gloss_comparison_compute_ranges (const GlossComparison *self,
                                 guint                  n_chars)
{
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GArray) points = NULL;
  GArray *ranges;
  guint ia = 0, ib = 0;

  g_return_val_if_fail (self != NULL, NULL);

  a = coder_union (self, self->codings_a, n_chars);
  b = coder_union (self, self->codings_b, n_chars);
  ranges = g_array_new (FALSE, FALSE, sizeof (GlossComparisonRange));

  /* Every boundary of either union; between two neighbours, membership in
   * A and in B is constant. */
  points = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2 * (a->len + b->len));
  for (guint i = 0; i < a->len; i++)
    {
      g_array_append_val (points, g_array_index (a, Span, i).start);
      g_array_append_val (points, g_array_index (a, Span, i).end);
    }
  for (guint i = 0; i < b->len; i++)
    {
      g_array_append_val (points, g_array_index (b, Span, i).start);
      g_array_append_val (points, g_array_index (b, Span, i).end);
    }
  g_array_sort (points, compare_uints);

  for (guint i = 0; i + 1 < points->len; i++)
    {
      guint p = g_array_index (points, guint, i);
      guint q = g_array_index (points, guint, i + 1);
      gboolean in_a, in_b;

      if (p == q)
        continue;

      in_a = covers (a, &ia, p);
      in_b = covers (b, &ib, p);
      if (in_a && in_b)
        add_range (ranges, p, q, GLOSS_COMPARISON_BOTH);
      else if (in_a)
        add_range (ranges, p, q, GLOSS_COMPARISON_ONLY_A);
      else if (in_b)
        add_range (ranges, p, q, GLOSS_COMPARISON_ONLY_B);
    }

  return ranges;
}

void
gloss_comparison_count (GArray  *ranges,
                        guint64 *both,
                        guint64 *only_a,
                        guint64 *only_b)
{
  guint64 n[3] = { 0, 0, 0 };

  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const GlossComparisonRange *range = &g_array_index (ranges, GlossComparisonRange, i);

      n[range->kind] += range->end - range->start;
    }

  if (both != NULL)
    *both = n[GLOSS_COMPARISON_BOTH];
  if (only_a != NULL)
    *only_a = n[GLOSS_COMPARISON_ONLY_A];
  if (only_b != NULL)
    *only_b = n[GLOSS_COMPARISON_ONLY_B];
}

/* Colours and labels ------------------------------------------------------- */

void
gloss_comparison_get_rgba (GlossComparisonKind  kind,
                           GdkRGBA             *rgba)
{
  /* GNOME's palette: Green 4, Blue 3, Orange 3. */
  switch (kind)
    {
    case GLOSS_COMPARISON_BOTH:
      *rgba = (GdkRGBA) { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1.0 };
      break;
    case GLOSS_COMPARISON_ONLY_A:
      *rgba = (GdkRGBA) { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0 };
      break;
    case GLOSS_COMPARISON_ONLY_B:
    default:
      *rgba = (GdkRGBA) { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0, 1.0 };
      break;
    }
}

/* The first letter of each word, upper case, at most three. */
static char *
initials (const char *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean word_start = TRUE;
  guint n = 0;

  for (const char *p = name != NULL ? name : ""; *p != '\0' && n < 3; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == '.' || c == '_')
        {
          word_start = TRUE;
          continue;
        }
      if (word_start && g_unichar_isalnum (c))
        {
          g_string_append_unichar (out, g_unichar_toupper (c));
          n++;
        }
      word_start = FALSE;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The first n characters of the name's first word, the first upper case. */
static char *
prefix (const char *name,
        guint       n)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint i = 0;

  for (const char *p = name != NULL ? name : ""; *p != '\0' && i < n; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len > 0)
            break;
          continue;
        }
      g_string_append_unichar (out, i == 0 ? g_unichar_toupper (c) : c);
      i++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
gloss_comparison_get_labels (const GlossComparison  *self,
                             char                  **label_a,
                             char                  **label_b)
{
  char *a, *b;

  g_return_if_fail (self != NULL);

  a = initials (self->name_a);
  b = initials (self->name_b);

  if (a[0] == '\0' || b[0] == '\0' || g_strcmp0 (a, b) == 0)
    {
      g_free (a);
      g_free (b);
      a = prefix (self->name_a, 3);
      b = prefix (self->name_b, 3);
    }

  if (a[0] == '\0' || b[0] == '\0' || g_strcmp0 (a, b) == 0)
    {
      g_free (a);
      g_free (b);
      /* Translators: the label of the first coder's stripes when the two
       * coders' names cannot be told apart in two or three letters */
      a = g_strdup (C_("coder", "A"));
      /* Translators: the second coder's */
      b = g_strdup (C_("coder", "B"));
    }

  *label_a = a;
  *label_b = b;
}
