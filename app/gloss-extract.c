/* gloss-extract.c: from a file's bytes to the canonical text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-extract.h"

/* Windows-1252 bytes 0x80–0x9F.  The five bytes the code page leaves
 * undefined map to the C1 controls of the same value, as browsers do. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

char *
gloss_sha256_bytes (GBytes *bytes)
{
  gsize len = 0;
  const guchar *data = g_bytes_get_data (bytes, &len);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

static GString *
decode_cp1252 (const char *data,
               gsize       length)
{
  GString *out = g_string_sized_new (length + length / 8);
  gsize i;

  for (i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        g_string_append_c (out, c);
      else if (c < 0xA0)
        g_string_append_unichar (out, cp1252_high[c - 0x80]);
      else
        g_string_append_unichar (out, c);
    }

  return out;
}

/* UTF-8 (without a byte order mark), or else Windows-1252; CRLF and CR
 * become LF.  Nothing else changes. */
char *
gloss_text_canonicalize (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(GString) decoded = NULL;
  GString *out;
  gsize i;

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("It contains binary data, not text"));
      return NULL;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        {
          data += 3;
          length -= 3;
        }
      decoded = g_string_new_len (data, length);
    }
  else
    decoded = decode_cp1252 (data, length);

  out = g_string_sized_new (decoded->len);
  for (i = 0; i < decoded->len; i++)
    {
      char c = decoded->str[i];

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < decoded->len && decoded->str[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
has_prefix_ci (const char *data,
               gsize       length,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return length >= n && g_ascii_strncasecmp (data, prefix, n) == 0;
}

static gboolean
looks_like_html (const char *data,
                 gsize       length)
{
  /* Skip a byte order mark and leading white space. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  while (length > 0 && g_ascii_isspace (*data))
    {
      data++;
      length--;
    }

  return has_prefix_ci (data, length, "<!DOCTYPE html") ||
         has_prefix_ci (data, length, "<html") ||
         has_prefix_ci (data, length, "<head") ||
         (has_prefix_ci (data, length, "<?xml") &&
          g_strstr_len (data, MIN (length, 1024), "<html") != NULL);
}

static const char *
binary_kind (const guchar *data,
             gsize         length)
{
  static const struct {
    const char *magic;
    gsize       len;
    const char *what;
  } signatures[] = {
    { "\x89PNG\r\n\x1a\n", 8, N_("a PNG image") },
    { "\xFF\xD8\xFF", 3, N_("a JPEG image") },
    { "GIF8", 4, N_("a GIF image") },
    { "PK\x03\x04", 4, N_("a ZIP archive or an Office document") },
    { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, N_("an old Office document") },
    { "{\\rtf", 5, N_("a Rich Text document") },
    { "\x1F\x8B", 2, N_("a compressed file") },
    { "SQLite format 3", 15, N_("a database") },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (signatures); i++)
    if (length >= signatures[i].len &&
        memcmp (data, signatures[i].magic, signatures[i].len) == 0)
      return signatures[i].what;

  return NULL;
}

static gboolean
is_pdf (const char *data,
        gsize       length)
{
  /* The header may follow some junk, within the first kilobyte. */
  return g_strstr_len (data, MIN (length, 1024), "%PDF-") != NULL;
}

static gboolean
name_says_pdf (const char *filename)
{
  g_autofree char *lower = NULL;

  if (filename == NULL)
    return FALSE;

  lower = g_ascii_strdown (filename, -1);
  return g_str_has_suffix (lower, ".pdf");
}

/* An output intent describes a printing press and changes nothing in the
 * text, but poppler builds colour transforms from its ICC profile for every
 * page, which dominates extraction time.  A copy in which the key is
 * renamed to another name of the same length keeps every offset valid. */
static GBytes *
without_output_intents (GBytes *bytes)
{
  static const char key[] = "/OutputIntents";
  static const char other[] = "/GlossIntents_";
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *hit;
  char *copy;
  gsize offset;

  G_STATIC_ASSERT (sizeof key == sizeof other);

  hit = memmem (data, length, key, sizeof key - 1);
  if (hit == NULL)
    return g_bytes_ref (bytes);

  copy = g_memdup2 (data, length);
  offset = hit - data;
  while (offset + sizeof key - 1 <= length)
    {
      char *next;

      memcpy (copy + offset, other, sizeof other - 1);
      next = memmem (copy + offset, length - offset, key, sizeof key - 1);
      if (next == NULL)
        break;
      offset = next - copy;
    }

  return g_bytes_new_take (copy, length);
}

static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

/* poppler gives one box per character of the page's text, except for the
 * directional marks it puts around right-to-left runs, which have none.
 * Those get an empty box; boxes are normalised (a right-to-left space can
 * come reversed) and kept on the page.  Should boxes still run out, the
 * remaining characters have empty ones. */
static GlossRect *
boxes_for_text (const char             *text,
                guint                   n_chars,
                const PopplerRectangle *boxes,
                guint                   n_boxes,
                double                  width,
                double                  height)
{
  GlossRect *rects = g_new0 (GlossRect, MAX (n_chars, 1));
  gboolean skip_marks = n_boxes < n_chars;
  const char *p = text;
  guint j, k = 0;

  for (j = 0; j < n_chars; j++, p = g_utf8_next_char (p))
    {
      const PopplerRectangle *b;

      if (skip_marks && is_bidi_control (g_utf8_get_char (p)))
        continue;
      if (k >= n_boxes)
        break;

      b = &boxes[k++];
      rects[j].x1 = CLAMP (MIN (b->x1, b->x2), 0, width);
      rects[j].x2 = CLAMP (MAX (b->x1, b->x2), 0, width);
      rects[j].y1 = CLAMP (MIN (b->y1, b->y2), 0, height);
      rects[j].y2 = CLAMP (MAX (b->y1, b->y2), 0, height);
    }

  if (k != n_boxes || j != n_chars)
    g_debug ("%u characters but %u boxes", n_chars, n_boxes);

  return rects;
}

static GlossExtraction *
extract_pdf (GBytes        *bytes,
             const char    *password,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GBytes) fast = without_output_intents (bytes);
  g_autoptr(GInputStream) stream = NULL;
  PopplerDocument *document;
  g_autoptr(GError) poppler_error = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  GlossExtraction *extraction = NULL;
  guint offset = 0;
  int n_pages, i;

  /* Not poppler_document_new_from_bytes (): in poppler 22.12 it crashes
   * when the password is wrong. */
  stream = g_memory_input_stream_new_from_bytes (fast);
  document = poppler_document_new_from_stream (stream, g_bytes_get_size (fast),
                                               password, cancellable, &poppler_error);
  if (document == NULL)
    {
      if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        {
          if (password == NULL || *password == '\0')
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCRYPTED,
                         _("The PDF is protected by a password"));
          else
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_BAD_PASSWORD,
                         _("The password is not the right one for this PDF"));
        }
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DAMAGED_FILE,
                     _("The PDF is damaged or incomplete and cannot be read (%s)"),
                     poppler_error->message);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages <= 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DAMAGED_FILE,
                   _("The PDF is damaged: it has no pages"));
      goto out;
    }

  text = g_string_new (NULL);
  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_page_free);

  for (i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      g_autofree char *page_text = NULL;
      g_autofree PopplerRectangle *boxes = NULL;
      guint n_boxes = 0;
      guint n_chars;
      GlossRect *rects;
      double width = 0, height = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      page = poppler_document_get_page (document, i);
      if (page == NULL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DAMAGED_FILE,
                       _("The PDF is damaged: page %d cannot be read"), i + 1);
          goto out;
        }

      poppler_page_get_size (page, &width, &height);
      page_text = poppler_page_get_text (page);
      if (page_text == NULL)
        page_text = g_strdup ("");
      if (!g_utf8_validate (page_text, -1, NULL))
        {
          char *valid = g_utf8_make_valid (page_text, -1);

          g_free (page_text);
          page_text = valid;
        }

      /* The canonical text never holds a form feed but as page separator. */
      g_strdelimit (page_text, "\f", ' ');

      n_chars = g_utf8_strlen (page_text, -1);
      if (!poppler_page_get_text_layout (page, &boxes, &n_boxes))
        n_boxes = 0;
      g_object_unref (page);

      rects = boxes_for_text (page_text, n_chars, boxes, n_boxes, width, height);

      if (i > 0)
        {
          g_string_append_c (text, '\f');
          offset++;
        }

      g_string_append (text, page_text);
      g_ptr_array_add (pages, gloss_page_new (i, offset, offset + n_chars,
                                              width, height, rects));
      offset += n_chars;
    }

  extraction = g_new0 (GlossExtraction, 1);
  extraction->kind = GLOSS_DOCUMENT_KIND_PDF;
  extraction->layout = gloss_layout_new (text->str, g_steal_pointer (&pages));

out:
  g_object_unref (document);
  return extraction;
}

static GlossExtraction *
extract_text (const char  *data,
              gsize        length,
              GError     **error)
{
  g_autofree char *text = NULL;
  GlossExtraction *extraction;
  GPtrArray *pages;
  gsize i, controls = 0;

  /* Text has few control characters besides tab, line ends, form feed. */
  for (i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
        controls++;
    }
  if (controls > 0 && controls * 100 > length)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("It is neither a PDF nor a text file"));
      return NULL;
    }

  text = gloss_text_canonicalize (data, length, error);
  if (text == NULL)
    return NULL;

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_page_free);
  g_ptr_array_add (pages, gloss_page_new (0, 0, g_utf8_strlen (text, -1), 0, 0, NULL));

  extraction = g_new0 (GlossExtraction, 1);
  extraction->kind = GLOSS_DOCUMENT_KIND_TEXT;
  extraction->layout = gloss_layout_new (text, pages);

  return extraction;
}

/**
 * gloss_extract:
 * @bytes: the file's content
 * @filename: (nullable): its name, to word messages
 * @password: (nullable): for an encrypted PDF
 *
 * What the content is decides how it is read, not the name: a PDF, or
 * text.  Anything else is refused with a #GLOSS_ERROR that says what the
 * file seems to be.  Safe to call from any thread.
 */
GlossExtraction *
gloss_extract (GBytes        *bytes,
               const char    *filename,
               const char    *password,
               GCancellable  *cancellable,
               GError       **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *kind;

  if (length == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY, _("The file is empty"));
      return NULL;
    }

  if (is_pdf (data, length))
    return extract_pdf (bytes, password, cancellable, error);

  if (looks_like_html (data, length))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   name_says_pdf (filename)
                   ? _("It is not a PDF but a web page (HTML), perhaps an error page saved in place of the report")
                   : _("It is a web page (HTML); save the report as PDF or plain text to import it"));
      return NULL;
    }

  kind = binary_kind ((const guchar *) data, length);
  if (kind != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("It is not a PDF or text file but %s"), _(kind));
      return NULL;
    }

  if (name_says_pdf (filename))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                   _("It is not a PDF: its content does not start as a PDF does"));
      return NULL;
    }

  return extract_text (data, length, error);
}

void
gloss_extraction_free (GlossExtraction *extraction)
{
  if (extraction == NULL)
    return;

  g_clear_pointer (&extraction->layout, gloss_layout_unref);
  g_free (extraction);
}
