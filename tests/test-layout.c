/* test-layout.c: offsets ↔ positions on a page, on a layout built by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss.h"

/* Two pages.  Each line of text is laid out at 10 pt per character, lines
 * 20 pt apart, starting at (100, 100); the line break has an empty box as
 * poppler gives it none that matters. */
static GlossLayout *
make_layout (void)
{
  const char *page_texts[] = { "Early help\nis late", "Ofsted said\nso" };
  GPtrArray *pages = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  guint offset = 0, p;

  for (p = 0; p < G_N_ELEMENTS (page_texts); p++)
    {
      const char *s = page_texts[p];
      guint n = g_utf8_strlen (s, -1);
      GlossRect *rects = g_new0 (GlossRect, n);
      guint i, col = 0, line = 0;

      if (p > 0)
        {
          g_string_append_c (text, '\f');
          offset++;
        }

      for (i = 0; i < n; i++)
        {
          if (s[i] == '\n')
            {
              line++;
              col = 0;
              continue;
            }
          rects[i].x1 = 100 + col * 10;
          rects[i].x2 = 100 + col * 10 + 10;
          rects[i].y1 = 100 + line * 20;
          rects[i].y2 = 100 + line * 20 + 12;
          col++;
        }

      g_string_append (text, s);
      g_ptr_array_add (pages, gloss_page_new (p, offset, offset + n, 600, 800, rects));
      offset += n;
    }

  return gloss_layout_new (text->str, pages);
}

static void
test_layout_basics (void)
{
  g_autoptr(GlossLayout) layout = make_layout ();
  g_autofree char *range = NULL;

  g_assert_cmpuint (gloss_layout_get_n_pages (layout), ==, 2);
  /* 18 + 1 separator + 14 */
  g_assert_cmpuint (gloss_layout_get_n_chars (layout), ==, 33);
  g_assert_cmpuint (gloss_layout_get_page (layout, 1)->start, ==, 19);
  g_assert_cmpuint (gloss_layout_page_at_offset (layout, 0), ==, 0);
  g_assert_cmpuint (gloss_layout_page_at_offset (layout, 18), ==, 0);
  g_assert_cmpuint (gloss_layout_page_at_offset (layout, 19), ==, 1);
  g_assert_cmpuint (gloss_layout_page_at_offset (layout, 32), ==, 1);

  range = gloss_layout_dup_range (layout, 6, 10);
  g_assert_cmpstr (range, ==, "help");
  g_free (g_steal_pointer (&range));
  range = gloss_layout_dup_range (layout, 14, 25);
  g_assert_cmpstr (range, ==, "late\fOfsted");
  g_free (g_steal_pointer (&range));
  range = gloss_layout_dup_range (layout, 30, 100);
  g_assert_cmpstr (range, ==, "\nso");
}

static void
test_layout_hit (void)
{
  g_autoptr(GlossLayout) layout = make_layout ();
  guint offset = G_MAXUINT;

  /* 'h' of help: column 6 of line 0. */
  g_assert_true (gloss_layout_char_at_point (layout, 0, 165, 105, &offset));
  g_assert_cmpuint (offset, ==, 6);
  /* 'l' of late: line 1, column 3 → offset 11 + 3. */
  g_assert_true (gloss_layout_char_at_point (layout, 0, 135, 125, &offset));
  g_assert_cmpuint (offset, ==, 14);
  /* Page 2, 'O'. */
  g_assert_true (gloss_layout_char_at_point (layout, 1, 101, 101, &offset));
  g_assert_cmpuint (offset, ==, 19);
  /* Margins hit nothing. */
  g_assert_false (gloss_layout_char_at_point (layout, 0, 10, 10, &offset));
  g_assert_false (gloss_layout_char_at_point (layout, 5, 101, 101, &offset));
}

static void
test_layout_caret (void)
{
  g_autoptr(GlossLayout) layout = make_layout ();

  /* Left half of 'h' → before it; right half → after it. */
  g_assert_cmpuint (gloss_layout_caret_at_point (layout, 0, 161, 105), ==, 6);
  g_assert_cmpuint (gloss_layout_caret_at_point (layout, 0, 168, 105), ==, 7);
  /* Far right of line 0 → end of that line (after 'p'). */
  g_assert_cmpuint (gloss_layout_caret_at_point (layout, 0, 500, 105), ==, 10);
  /* Left of line 1 → its start. */
  g_assert_cmpuint (gloss_layout_caret_at_point (layout, 0, 20, 126), ==, 11);
  /* Above everything → page start; below everything → page end. */
  g_assert_cmpuint (gloss_layout_caret_at_point (layout, 0, 300, 5), ==, 0);
  g_assert_cmpuint (gloss_layout_caret_at_point (layout, 0, 300, 700), ==, 18);
  g_assert_cmpuint (gloss_layout_caret_at_point (layout, 1, 300, 700), ==, 33);
}

static void
test_layout_rects (void)
{
  g_autoptr(GlossLayout) layout = make_layout ();
  g_autoptr(GArray) rects = NULL;
  const GlossPageRect *r;

  /* "help\nis" → one run on line 0, one on line 1. */
  rects = gloss_layout_rects_for_range (layout, 6, 13);
  g_assert_cmpuint (rects->len, ==, 2);
  r = &g_array_index (rects, GlossPageRect, 0);
  g_assert_cmpuint (r->page, ==, 0);
  g_assert_cmpfloat (r->rect.x1, ==, 160);
  g_assert_cmpfloat (r->rect.x2, ==, 200);
  g_assert_cmpfloat (r->rect.y1, ==, 100);
  r = &g_array_index (rects, GlossPageRect, 1);
  g_assert_cmpfloat (r->rect.x1, ==, 100);
  g_assert_cmpfloat (r->rect.x2, ==, 120);
  g_assert_cmpfloat (r->rect.y1, ==, 120);
  g_clear_pointer (&rects, g_array_unref);

  /* Across the page break: "late" on page 1, "Ofsted" on page 2. */
  rects = gloss_layout_rects_for_range (layout, 14, 25);
  g_assert_cmpuint (rects->len, ==, 2);
  g_assert_cmpuint (g_array_index (rects, GlossPageRect, 0).page, ==, 0);
  g_assert_cmpuint (g_array_index (rects, GlossPageRect, 1).page, ==, 1);
  g_clear_pointer (&rects, g_array_unref);

  /* Empty and inverted ranges give nothing. */
  rects = gloss_layout_rects_for_range (layout, 5, 5);
  g_assert_cmpuint (rects->len, ==, 0);
  g_clear_pointer (&rects, g_array_unref);
  rects = gloss_layout_rects_for_range (layout, 9, 3);
  g_assert_cmpuint (rects->len, ==, 0);
}

/* Every range maps to rectangles whose first and last glyphs map back to
 * the same offsets. */
static void
test_layout_round_trip (void)
{
  g_autoptr(GlossLayout) layout = make_layout ();
  const char *text = gloss_layout_get_text (layout);
  guint n = gloss_layout_get_n_chars (layout);
  guint start, end;

  for (start = 0; start < n; start++)
    for (end = start + 1; end <= n; end++)
      {
        gunichar first = g_utf8_get_char (g_utf8_offset_to_pointer (text, start));
        gunichar last = g_utf8_get_char (g_utf8_offset_to_pointer (text, end - 1));
        g_autoptr(GArray) rects = NULL;
        const GlossPageRect *a, *b;
        guint got_start, got_end;

        if (first == '\n' || first == '\f' || last == '\n' || last == '\f')
          continue;

        rects = gloss_layout_rects_for_range (layout, start, end);
        g_assert_cmpuint (rects->len, >, 0);
        a = &g_array_index (rects, GlossPageRect, 0);
        b = &g_array_index (rects, GlossPageRect, rects->len - 1);

        /* From the caret at the left edge of the first run to the caret
         * at the right edge of the last. */
        got_start = gloss_layout_caret_at_point (layout, a->page, a->rect.x1 + 1,
                                                 (a->rect.y1 + a->rect.y2) / 2);
        got_end = gloss_layout_caret_at_point (layout, b->page, b->rect.x2 - 1,
                                               (b->rect.y1 + b->rect.y2) / 2);
        g_assert_cmpuint (got_start, ==, start);
        g_assert_cmpuint (got_end, ==, end);
      }
}

static void
test_layout_text_document (void)
{
  GPtrArray *pages = g_ptr_array_new ();
  g_autoptr(GlossLayout) layout = NULL;
  g_autoptr(GArray) rects = NULL;
  g_autofree char *range = NULL;
  guint offset;

  g_ptr_array_add (pages, gloss_page_new (0, 0, 9, 0, 0, NULL));
  layout = gloss_layout_new ("Caf\xC3\xA9 \xE2\x80\x94 ok", pages);

  g_assert_cmpuint (gloss_layout_get_n_chars (layout), ==, 9);
  range = gloss_layout_dup_range (layout, 3, 6);
  g_assert_cmpstr (range, ==, "\xC3\xA9 \xE2\x80\x94");
  rects = gloss_layout_rects_for_range (layout, 0, 9);
  g_assert_cmpuint (rects->len, ==, 0);
  g_assert_false (gloss_layout_char_at_point (layout, 0, 1, 1, &offset));
}

/* Offsets past the first index stride map to the right bytes. */
static void
test_layout_long_text (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  GPtrArray *pages = g_ptr_array_new ();
  g_autoptr(GlossLayout) layout = NULL;
  guint i;

  for (i = 0; i < 3000; i++)
    g_string_append (s, i % 2 ? "\xC3\xA9" : "a");
  g_ptr_array_add (pages, gloss_page_new (0, 0, 3000, 0, 0, NULL));
  layout = gloss_layout_new (s->str, pages);

  for (i = 0; i < 3000; i += 97)
    {
      g_autofree char *c = gloss_layout_dup_range (layout, i, i + 1);

      g_assert_cmpstr (c, ==, i % 2 ? "\xC3\xA9" : "a");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/basics", test_layout_basics);
  g_test_add_func ("/layout/hit", test_layout_hit);
  g_test_add_func ("/layout/caret", test_layout_caret);
  g_test_add_func ("/layout/rects", test_layout_rects);
  g_test_add_func ("/layout/round-trip", test_layout_round_trip);
  g_test_add_func ("/layout/text-document", test_layout_text_document);
  g_test_add_func ("/layout/long-text", test_layout_long_text);

  return g_test_run ();
}
