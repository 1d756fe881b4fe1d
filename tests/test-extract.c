/* test-extract.c: bytes → canonical text and glyph boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

static char *tmpdir;

static GlossExtraction *
extract_data (const char  *data,
              gsize        length,
              const char  *name,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return gloss_extract (bytes, name, NULL, NULL, error);
}

static char *
canonical (const char *data,
           gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *text = gloss_text_canonicalize (data, length, &error);

  g_assert_no_error (error);
  return text;
}

static void
test_text_canonical (void)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  /* UTF-8 stays as it is, but for the BOM and line ends. */
  a = canonical ("\xEF\xBB\xBF" "Caf\xC3\xA9\r\nline\rend\n\n\ttab  ", 26);
  g_assert_cmpstr (a, ==, "Caf\xC3\xA9\nline\nend\n\n\ttab  ");

  /* Windows-1252: curly quotes, euro, dash, e acute. */
  b = canonical ("\x93quoted\x94 \x80" "5 \x96 caf\xE9", 18);
  g_assert_cmpstr (b, ==, "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC" "5 \xE2\x80\x93 caf\xC3\xA9");

  /* A lone CR at the end, CRCR. */
  c = canonical ("a\r\rb\r", 5);
  g_assert_cmpstr (c, ==, "a\n\nb\n");

  /* A BOM is removed only at the start. */
  d = canonical ("x\xEF\xBB\xBFy", 5);
  g_assert_cmpstr (d, ==, "x\xEF\xBB\xBFy");

  /* Undefined Windows-1252 bytes keep their value as C1 controls. */
  e = canonical ("\x81", 1);
  g_assert_cmpstr (e, ==, "\xC2\x81");
}

static void
test_text_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExtraction) x = NULL;
  const char *data = "Inspection of Thornbury Vale\r\nchildren\xE2\x80\x99s services\r\n";

  x = extract_data (data, strlen (data), "report.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpint (x->kind, ==, GLOSS_DOCUMENT_KIND_TEXT);
  g_assert_cmpstr (gloss_layout_get_text (x->layout), ==,
                   "Inspection of Thornbury Vale\nchildren\xE2\x80\x99s services\n");
  g_assert_cmpuint (gloss_layout_get_n_chars (x->layout), ==, 49);
  g_assert_cmpuint (gloss_layout_get_n_pages (x->layout), ==, 1);
  g_assert_cmpuint (gloss_layout_get_page (x->layout, 0)->end, ==, 49);
}

static void
test_refusals (void)
{
  static const struct {
    const char *data;
    gsize       length;
    const char *name;
    int         code;
    const char *word;   /* the message mentions it */
  } cases[] = {
    { "", 0, "empty.txt", GLOSS_ERROR_EMPTY, "empty" },
    { "<!DOCTYPE html><html><body>Not found</body></html>", 50, "report.pdf",
      GLOSS_ERROR_UNSUPPORTED, "HTML" },
    { "  <html><head></head></html>", 28, "page.txt", GLOSS_ERROR_UNSUPPORTED, "HTML" },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "picture.pdf", GLOSS_ERROR_UNSUPPORTED, "PNG" },
    { "PK\x03\x04\x14\0\0\0", 8, "report.txt", GLOSS_ERROR_UNSUPPORTED, "ZIP" },
    { "plain words, but named as a PDF", 31, "report.pdf", GLOSS_ERROR_UNSUPPORTED, "not a PDF" },
    { "\x01\x02\x03\x04\x05\x06\x07\x08 binary", 15, "data.bin", GLOSS_ERROR_UNSUPPORTED, "text" },
    { "text\0with a NUL", 15, "nul.txt", GLOSS_ERROR_UNSUPPORTED, "text" },
    { "%PDF-1.4\n1 0 obj garbage and nothing else", 41, "broken.pdf",
      GLOSS_ERROR_DAMAGED_FILE, "damaged" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossExtraction) x = NULL;

      x = extract_data (cases[i].data, cases[i].length, cases[i].name, &error);
      g_assert_null (x);
      g_assert_error (error, GLOSS_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].word) == NULL)
        g_error ("Case %u: “%s” does not mention “%s”", i, error->message, cases[i].word);
    }
}

static char *
make_fixture_pdf (const char * const *pages)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, "fixture.pdf", NULL);

  g_assert_true (gloss_test_make_pdf (path, pages, &error));
  g_assert_no_error (error);

  return path;
}

static GlossExtraction *
extract_path (const char  *path,
              const char  *password,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  g_assert_nonnull (bytes);
  return gloss_extract (bytes, path, password, NULL, error);
}

static const char * const fixture_pages[] = {
  "Inspection of children’s social care services\n\nEarly help is well coordinated. "
  "Leaders have a clear understanding of the quality of practice.",
  "Management oversight of casework is inconsistent. Some children wait too long "
  "for help when risks escalate.",
  "Care leavers are well supported by personal advisers.",
  NULL
};

static void
test_pdf_document (void)
{
  g_autofree char *path = make_fixture_pdf (fixture_pages);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExtraction) x = NULL;
  const char *text;
  guint p;

  x = extract_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (x->kind, ==, GLOSS_DOCUMENT_KIND_PDF);
  g_assert_cmpuint (gloss_layout_get_n_pages (x->layout), ==, 3);

  text = gloss_layout_get_text (x->layout);
  g_assert_nonnull (strstr (text, "Early help is well coordinated."));
  g_assert_nonnull (strstr (text, "Care leavers are well supported"));
  /* Pages are separated by a form feed, and only by that. */
  {
    g_auto(GStrv) parts = g_strsplit (text, "\f", -1);

    g_assert_cmpuint (g_strv_length (parts), ==, 3);
  }

  for (p = 0; p < 3; p++)
    {
      const GlossPage *page = gloss_layout_get_page (x->layout, p);
      g_autofree char *page_text = gloss_layout_dup_range (x->layout, page->start, page->end);
      guint i;

      /* A4 in points. */
      g_assert_cmpfloat_with_epsilon (page->width, 595.276, 0.5);
      g_assert_cmpfloat_with_epsilon (page->height, 841.89, 0.5);
      g_assert_nonnull (page->rects);
      g_assert_null (strchr (page_text, '\f'));
      if (p > 0)
        g_assert_cmpuint (page->start, ==, gloss_layout_get_page (x->layout, p - 1)->end + 1);

      /* Every glyph box lies on its page; visible characters have one. */
      for (i = page->start; i < page->end; i++)
        {
          const GlossRect *r = &page->rects[i - page->start];
          g_autofree char *c = gloss_layout_dup_range (x->layout, i, i + 1);

          g_assert_cmpfloat (r->x1, >=, 0);
          g_assert_cmpfloat (r->y1, >=, 0);
          g_assert_cmpfloat (r->x2, <=, page->width);
          g_assert_cmpfloat (r->y2, <=, page->height);
          if (!g_unichar_isspace (g_utf8_get_char (c)))
            {
              guint hit = G_MAXUINT;

              g_assert_cmpfloat (r->x2, >, r->x1);
              g_assert_cmpfloat (r->y2, >, r->y1);
              /* Inside the page's margins, where pango put the text. */
              g_assert_cmpfloat (r->x1, >=, 70);
              g_assert_cmpfloat (r->y1, >=, 70);

              /* The centre of a glyph's box is that glyph. */
              g_assert_true (gloss_layout_char_at_point (x->layout, p, (r->x1 + r->x2) / 2,
                                                         (r->y1 + r->y2) / 2, &hit));
              g_assert_cmpuint (hit, ==, i);
            }
        }
    }
}

/* A passage that starts mid-line on one page and ends mid-line on the
 * next: offsets → rectangles → offsets. */
static void
test_pdf_round_trip (void)
{
  g_autofree char *path = make_fixture_pdf (fixture_pages);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExtraction) x = NULL;
  g_autoptr(GArray) rects = NULL;
  const char *text;
  const char *from, *to;
  guint start, end, got_start, got_end;
  const GlossPageRect *a, *b;

  x = extract_path (path, NULL, &error);
  g_assert_no_error (error);
  text = gloss_layout_get_text (x->layout);

  from = strstr (text, "quality");
  to = strstr (text, "casework is");
  g_assert_nonnull (from);
  g_assert_nonnull (to);
  start = g_utf8_pointer_to_offset (text, from);
  end = g_utf8_pointer_to_offset (text, to) + strlen ("casework");

  rects = gloss_layout_rects_for_range (x->layout, start, end);
  g_assert_cmpuint (rects->len, >=, 2);
  a = &g_array_index (rects, GlossPageRect, 0);
  b = &g_array_index (rects, GlossPageRect, rects->len - 1);
  g_assert_cmpuint (a->page, ==, 0);
  g_assert_cmpuint (b->page, ==, 1);

  g_assert_true (gloss_layout_char_at_point (x->layout, a->page, a->rect.x1 + 1,
                                             (a->rect.y1 + a->rect.y2) / 2, &got_start));
  g_assert_true (gloss_layout_char_at_point (x->layout, b->page, b->rect.x2 - 1,
                                             (b->rect.y1 + b->rect.y2) / 2, &got_end));
  g_assert_cmpuint (got_start, ==, start);
  g_assert_cmpuint (got_end + 1, ==, end);

  /* Carets at the two ends give the same range, as a drag would. */
  g_assert_cmpuint (gloss_layout_caret_at_point (x->layout, a->page, a->rect.x1 + 0.5,
                                                 (a->rect.y1 + a->rect.y2) / 2), ==, start);
  g_assert_cmpuint (gloss_layout_caret_at_point (x->layout, b->page, b->rect.x2 - 0.5,
                                                 (b->rect.y1 + b->rect.y2) / 2), ==, end);
}

static void
test_pdf_encrypted (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "locked.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExtraction) x = NULL;

  g_assert_true (gloss_test_make_encrypted_pdf (path, "secret", "Confidential letter", &error));
  g_assert_no_error (error);

  x = extract_path (path, NULL, &error);
  g_assert_null (x);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCRYPTED);
  g_clear_error (&error);

  x = extract_path (path, "wrong", &error);
  g_assert_null (x);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_BAD_PASSWORD);
  g_clear_error (&error);

  x = extract_path (path, "secret", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gloss_layout_get_text (x->layout), "Confidential letter"));
}

static void
test_pdf_truncated (void)
{
  g_autofree char *path = make_fixture_pdf (fixture_pages);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint cut;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));

  /* Cut anywhere: refused with a message, or read as far as it goes;
   * never a crash. */
  for (cut = 9; cut < length; cut += length / 23)
    {
      g_autoptr(GlossExtraction) x = extract_data (data, cut, "cut.pdf", &error);

      if (x == NULL)
        {
          g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_DAMAGED_FILE);
          g_assert_nonnull (strstr (error->message, "damaged"));
          g_clear_error (&error);
        }
    }

  /* The first kilobyte only: nothing readable is left. */
  {
    g_autoptr(GlossExtraction) x = extract_data (data, 1024, "cut.pdf", &error);

    g_assert_null (x);
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_DAMAGED_FILE);
  }
}

static void
test_sha256 (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("abc", 3);
  g_autofree char *sum = gloss_sha256_bytes (bytes);

  g_assert_cmpstr (sum, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = gloss_test_make_tmpdir ();

  g_test_add_func ("/extract/text/canonical", test_text_canonical);
  g_test_add_func ("/extract/text/document", test_text_document);
  g_test_add_func ("/extract/refusals", test_refusals);
  g_test_add_func ("/extract/pdf/document", test_pdf_document);
  g_test_add_func ("/extract/pdf/round-trip", test_pdf_round_trip);
  g_test_add_func ("/extract/pdf/encrypted", test_pdf_encrypted);
  g_test_add_func ("/extract/pdf/truncated", test_pdf_truncated);
  g_test_add_func ("/extract/sha256", test_sha256);

  status = g_test_run ();
  gloss_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return status;
}
