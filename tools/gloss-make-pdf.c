/* gloss-make-pdf.c: lay out a plain text report as a multi-page A4 PDF
 *
 * Copyright 2026 The Gloss developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used at build time to turn some of the sample reports in data/samples/
 * into PDF files, so that the demo project and the tests have PDFs made
 * by our own code.
 *
 * The first non-empty line of the input is the title, set in bold at the
 * top of the first page.  Every other line is a paragraph; a blank line
 * adds a little space.  A short line without final punctuation that
 * follows a blank line and comes before a paragraph or a list is a
 * heading (see looks_like_heading()).  Lines that start with "- " or "• "
 * are bullet points with a hanging indent.  Pages break between lines,
 * never inside one, and a heading is never left alone at the foot of a
 * page.  Each page has its number in the footer ("Page 2 of 3").
 */

#define G_LOG_DOMAIN "GlossMakePdf"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/* A4 in PostScript points */
#define PAGE_WIDTH     595.276
#define PAGE_HEIGHT    841.890
#define MARGIN         72.0
#define TEXT_WIDTH     (PAGE_WIDTH - 2 * MARGIN)
#define TEXT_BOTTOM    (PAGE_HEIGHT - MARGIN)
#define FOOTER_TOP     (PAGE_HEIGHT - MARGIN / 2 - 6)
#define BULLET_INDENT  14.0
#define PARAGRAPH_GAP  6.0
#define HEADING_GAP    10.0
#define LINE_SPACING   1.15

#define TITLE_FONT     "Sans Bold 16"
#define HEADING_FONT   "Sans Bold 12"
#define BODY_FONT      "Sans 11"
#define FOOTER_FONT    "Sans 9"

typedef enum {
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_BULLET,
  BLOCK_GAP,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *text;
} Block;

typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  double        y;        /* top of the free space on the page */
  int           page;     /* 1-based number of the current page */
  int           n_pages;  /* total, or 0 while it is not known yet */
} Typesetter;

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->text, g_free);
}

static gboolean
is_bullet (const char *line)
{
  return g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "• ");
}

static gboolean
is_short (const char *line)
{
  return g_utf8_strlen (line, -1) <= 70;
}

/* A heading is a short line after a blank one, without a colon or final
 * punctuation, that is not a salutation, and is followed by a paragraph
 * or a list (not by another short line, as in an address). */
static gboolean
looks_like_heading (char **lines,
                    guint  i)
{
  const char *line = lines[i];
  gsize len = strlen (line);
  char last;

  if (len == 0 || !is_short (line) || is_bullet (line) ||
      strchr (line, ':') != NULL || g_str_has_prefix (line, "Dear "))
    return FALSE;

  last = line[len - 1];
  if (last == '.' || last == ',' || last == ';')
    return FALSE;

  for (guint j = i + 1; lines[j] != NULL; j++)
    {
      const char *next = lines[j];

      next += strspn (next, " \t");
      if (*next == '\0')
        continue;
      return is_bullet (next) || !is_short (next);
    }

  return FALSE;
}

/* Splits the text into blocks.  Returns FALSE when there is no title. */
static gboolean
parse_blocks (const char  *contents,
              GArray      *blocks)
{
  g_auto(GStrv) lines = NULL;
  gboolean have_title = FALSE;
  gboolean after_blank = TRUE;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_strstrip (lines[i]);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      Block block = { BLOCK_PARAGRAPH, NULL };

      if (*line == '\0')
        {
          Block *prev = blocks->len > 0 ? &g_array_index (blocks, Block, blocks->len - 1) : NULL;

          if (have_title && (prev == NULL || prev->kind != BLOCK_GAP))
            {
              block.kind = BLOCK_GAP;
              g_array_append_val (blocks, block);
            }
          after_blank = TRUE;
          continue;
        }

      if (!have_title)
        {
          block.kind = BLOCK_TITLE;
          block.text = g_strdup (line);
          have_title = TRUE;
        }
      else if (is_bullet (line))
        {
          const char *rest = g_utf8_next_char (line);

          block.kind = BLOCK_BULLET;
          block.text = g_strdup_printf ("•\t%s", rest + strspn (rest, " "));
        }
      else
        {
          block.kind = (after_blank && looks_like_heading (lines, i)) ? BLOCK_HEADING : BLOCK_PARAGRAPH;
          block.text = g_strdup (line);
        }

      g_array_append_val (blocks, block);
      after_blank = FALSE;
    }

  return have_title;
}

static PangoLayout *
make_layout (Typesetter *ts,
             const char *font,
             const char *text,
             double      width)
{
  PangoLayout *layout = pango_layout_new (ts->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
finish_page (Typesetter *ts)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *label = NULL;
  int width, height;

  if (ts->n_pages > 0)
    label = g_strdup_printf ("Page %d of %d", ts->page, ts->n_pages);
  else
    label = g_strdup_printf ("Page %d", ts->page);

  layout = make_layout (ts, FOOTER_FONT, label, TEXT_WIDTH);
  pango_layout_get_size (layout, &width, &height);

  cairo_set_source_rgb (ts->cr, 0.35, 0.35, 0.35);
  cairo_move_to (ts->cr, (PAGE_WIDTH - (double) width / PANGO_SCALE) / 2, FOOTER_TOP);
  pango_cairo_show_layout (ts->cr, layout);
  cairo_set_source_rgb (ts->cr, 0, 0, 0);

  cairo_show_page (ts->cr);
}

static void
new_page (Typesetter *ts)
{
  finish_page (ts);
  ts->page++;
  ts->y = MARGIN;
}

/* Places the lines of layout at x, from ts->y on, breaking the page
 * between lines where the next one does not fit. */
static void
place_layout (Typesetter  *ts,
              PangoLayout *layout,
              double       x)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double offset = ts->y;   /* page y of the layout's origin */
  double bottom = ts->y;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double top, height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      if (offset + top + height > TEXT_BOTTOM && offset + top > MARGIN)
        {
          new_page (ts);
          offset = MARGIN - top;
        }

      cairo_move_to (ts->cr, x + (double) logical.x / PANGO_SCALE, offset + baseline);
      pango_cairo_show_layout_line (ts->cr, line);
      bottom = offset + top + height;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  ts->y = bottom;
}

static void
typeset (Typesetter *ts,
         GArray     *blocks)
{
  ts->page = 1;
  ts->y = MARGIN;

  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);
      g_autoptr(PangoLayout) layout = NULL;

      switch (block->kind)
        {
        case BLOCK_GAP:
          if (ts->y > MARGIN)
            ts->y += PARAGRAPH_GAP;
          break;

        case BLOCK_TITLE:
          layout = make_layout (ts, TITLE_FONT, block->text, TEXT_WIDTH);
          place_layout (ts, layout, MARGIN);
          ts->y += 8;
          cairo_set_source_rgb (ts->cr, 0.21, 0.52, 0.89);
          cairo_rectangle (ts->cr, MARGIN, ts->y, TEXT_WIDTH, 1.5);
          cairo_fill (ts->cr);
          cairo_set_source_rgb (ts->cr, 0, 0, 0);
          ts->y += 14;
          break;

        case BLOCK_HEADING:
          {
            int height;

            layout = make_layout (ts, HEADING_FONT, block->text, TEXT_WIDTH);
            pango_layout_get_size (layout, NULL, &height);
            if (ts->y > MARGIN)
              ts->y += HEADING_GAP;
            /* keep the heading with at least two lines of what follows */
            if (ts->y + (double) height / PANGO_SCALE + 2 * 11 * LINE_SPACING * 1.3 > TEXT_BOTTOM)
              new_page (ts);
            place_layout (ts, layout, MARGIN);
            ts->y += 4;
          }
          break;

        case BLOCK_PARAGRAPH:
          layout = make_layout (ts, BODY_FONT, block->text, TEXT_WIDTH);
          pango_layout_set_line_spacing (layout, LINE_SPACING);
          place_layout (ts, layout, MARGIN);
          break;

        case BLOCK_BULLET:
          {
            PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE,
                                                                      PANGO_TAB_LEFT,
                                                                      (int) (BULLET_INDENT * PANGO_SCALE));

            layout = make_layout (ts, BODY_FONT, block->text, TEXT_WIDTH - 8);
            pango_layout_set_line_spacing (layout, LINE_SPACING);
            pango_layout_set_tabs (layout, tabs);
            pango_layout_set_indent (layout, (int) (-BULLET_INDENT * PANGO_SCALE));
            pango_tab_array_free (tabs);
            place_layout (ts, layout, MARGIN + 8);
            ts->y += 2;
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  finish_page (ts);
}

/* Lays out blocks on surface.  Returns the number of pages. */
static int
render (cairo_surface_t *surface,
        GArray          *blocks,
        int              n_pages)
{
  Typesetter ts = { 0 };
  cairo_font_options_t *options;

  ts.cr = cairo_create (surface);
  ts.n_pages = n_pages;
  ts.context = pango_cairo_create_context (ts.cr);
  /* one unit is one point; no hinting, so that both passes lay out alike */
  pango_cairo_context_set_resolution (ts.context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (ts.context, options);
  cairo_font_options_destroy (options);

  typeset (&ts, blocks);

  g_object_unref (ts.context);
  cairo_destroy (ts.cr);

  return ts.page;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) blocks = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *normalized = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  const Block *title;
  gsize length;
  int n_pages;

  setlocale (LC_ALL, "");

  option_context = g_option_context_new ("INPUT.txt OUTPUT.pdf");
  g_option_context_set_summary (option_context,
                                "Lay out a UTF-8 text file as an A4 PDF: the first line is the title.");
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 3)
    {
      g_printerr ("Usage: %s INPUT.txt OUTPUT.pdf\n", g_get_prgname ());
      return 2;
    }

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (!g_utf8_validate (contents, (gssize) length, NULL) || memchr (contents, '\0', length) != NULL)
    {
      g_printerr ("%s: not UTF-8 text\n", argv[1]);
      return 1;
    }

  {
    g_auto(GStrv) parts = g_strsplit (contents, "\r\n", -1);

    normalized = g_strjoinv ("\n", parts);
  }

  blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (blocks, block_clear);
  if (!parse_blocks (normalized, blocks))
    {
      g_printerr ("%s: the file is empty\n", argv[1]);
      return 1;
    }

  /* First pass: count the pages, so that the footer can say "of N". */
  surface = cairo_pdf_surface_create (NULL, PAGE_WIDTH, PAGE_HEIGHT);
  n_pages = render (surface, blocks, 0);
  cairo_surface_destroy (surface);

  surface = cairo_pdf_surface_create (argv[2], PAGE_WIDTH, PAGE_HEIGHT);
  title = &g_array_index (blocks, Block, 0);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title->text);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "gloss-make-pdf");
  render (surface, blocks, n_pages);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("%s: %s\n", argv[2], cairo_status_to_string (status));
      return 1;
    }

  return 0;
}
