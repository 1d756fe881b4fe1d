/* test-corpus.c: the engine on the real reports of ../shared/corpus
 *
 * Every file is imported once, into one project, by the first test that
 * needs it; the other tests look at what the import gave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-Test"

#include <stdlib.h>
#include <locale.h>
#include <string.h>

#include <poppler.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

/* The Ofsted download that is really an HTML error page. */
#define HTML_REPORT "80429_birmingham_19-october-2012.pdf"

/* Glyph boxes may touch the page edge; allow this much (points). */
#define PAGE_TOLERANCE 1.0

typedef enum
{
  EXPECT_IMPORTS,
  EXPECT_IMPORTS_OR_REFUSED,   /* damaged: either, never a crash */
  EXPECT_ENCRYPTED,
} Expectation;

typedef struct
{
  char          *name;       /* "ofsted/80418_norfolk_18-may-2026.pdf" */
  char          *path;
  char          *password;   /* the right one, for an encrypted PDF */
  Expectation    expect;
  guint          expected_pages;  /* from the README, 0 when not said */
  gboolean       is_pdf;
  gboolean       is_html;
  GlossDocument *document;   /* NULL when refused */
  GError        *error;
  GlossLayout   *layout;
} Entry;

typedef struct
{
  gboolean      tried;
  char         *tmpdir;
  GlossProject *project;
  GPtrArray    *entries;
  GHashTable   *readme;     /* file name → Entry template (no document) */
} Corpus;

static Corpus corpus;

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry->path);
  g_free (entry->password);
  g_clear_object (&entry->document);
  g_clear_error (&entry->error);
  g_clear_pointer (&entry->layout, gloss_layout_unref);
  g_free (entry);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Sorted names of the files in dir that end with suffix. */
static GPtrArray *
list_files (const char *dir,
            const char *suffix)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);

  g_ptr_array_sort (names, compare_names);
  return names;
}

/* The robustness README is a Markdown table: | file | from | what to expect |.
 * Returns file name → Entry with expect, password and expected_pages set. */
static GHashTable *
parse_robustness_readme (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "README.md", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) password_re = NULL;
  g_autoptr(GRegex) pages_re = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *table;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  password_re = g_regex_new ("encrypted, user password `([^`]*)`", 0, 0, NULL);
  pages_re = g_regex_new ("\\b([0-9]+)[ -]pages?\\b", 0, 0, NULL);
  table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      Entry *entry;
      char *file, *what;

      if (!g_str_has_prefix (lines[i], "|"))
        continue;
      cells = g_strsplit (lines[i], "|", -1);
      if (g_strv_length (cells) < 5)
        continue;
      file = g_strstrip (cells[1]);
      what = g_strstrip (cells[3]);
      if (!g_str_has_suffix (file, ".pdf"))
        continue;   /* the header and the rule under it */

      entry = g_new0 (Entry, 1);
      entry->name = g_strdup (file);
      entry->is_pdf = TRUE;

      if (g_regex_match (password_re, what, 0, &match))
        {
          entry->expect = EXPECT_ENCRYPTED;
          entry->password = g_match_info_fetch (match, 1);
        }
      else if (strstr (what, "refused") != NULL)
        entry->expect = EXPECT_IMPORTS_OR_REFUSED;
      else if (strstr (what, "same") != NULL && strstr (what, "broken") != NULL)
        entry->expect = EXPECT_IMPORTS_OR_REFUSED;   /* "broken …; same" */
      else
        {
          g_assert_nonnull (strstr (what, "imports"));
          entry->expect = EXPECT_IMPORTS;
        }

      g_clear_pointer (&match, g_match_info_free);
      if (g_regex_match (pages_re, what, 0, &match))
        {
          g_autofree char *n = g_match_info_fetch (match, 1);
          entry->expected_pages = atoi (n);
        }

      g_hash_table_insert (table, entry->name, entry);
    }

  return table;
}

static Entry *
add_entry (const char *corpus_dir,
           const char *subdir,
           const char *file,
           const char *password)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->name = g_build_filename (subdir, file, NULL);
  entry->path = g_build_filename (corpus_dir, subdir, file, NULL);
  entry->password = g_strdup (password);
  entry->is_pdf = g_str_has_suffix (file, ".pdf");
  entry->is_html = g_str_equal (file, HTML_REPORT);
  g_ptr_array_add (corpus.entries, entry);

  return entry;
}

static void
add_directory (const char *corpus_dir,
               const char *subdir,
               const char *suffix)
{
  g_autofree char *dir = g_build_filename (corpus_dir, subdir, NULL);
  g_autoptr(GPtrArray) names = list_files (dir, suffix);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      Entry *entry = add_entry (corpus_dir, subdir, file, NULL);

      if (corpus.readme != NULL)
        {
          Entry *template = g_hash_table_lookup (corpus.readme, file);

          if (template != NULL)
            {
              entry->expect = template->expect;
              entry->expected_pages = template->expected_pages;
              entry->password = g_strdup (template->password);
            }
        }
    }
}

/* Imports the whole corpus once.  FALSE (and the test is skipped) when the
 * corpus is absent. */
static gboolean
ensure_corpus (void)
{
  const char *dir = gloss_test_corpus_dir ();
  g_autoptr(GError) error = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *robustness = NULL;
  gint64 begin;

  if (dir == NULL)
    return FALSE;

  if (corpus.tried)
    {
      g_assert_nonnull (corpus.project);
      return TRUE;
    }
  corpus.tried = TRUE;

  corpus.tmpdir = gloss_test_make_tmpdir ();
  project_path = g_build_filename (corpus.tmpdir, "corpus.gloss", NULL);
  corpus.project = gloss_project_create (project_path, "Corpus", &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus.project);

  robustness = g_build_filename (dir, "robustness", NULL);
  corpus.readme = parse_robustness_readme (robustness);
  corpus.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  add_directory (dir, "ofsted", ".pdf");
  add_directory (dir, "pdf", ".pdf");
  add_directory (dir, "text", ".txt");
  add_directory (dir, "robustness", ".pdf");

  begin = g_get_monotonic_time ();
  for (guint i = 0; i < corpus.entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (corpus.entries, i);
      g_autoptr(GFile) file = g_file_new_for_path (entry->path);

      entry->document = gloss_project_import_file (corpus.project, file, entry->password,
                                                   NULL, &entry->error);
      g_assert_true ((entry->document != NULL) != (entry->error != NULL));

      if (entry->document != NULL)
        {
          entry->layout = gloss_project_load_layout (corpus.project,
                                                     gloss_document_get_id (entry->document),
                                                     &error);
          g_assert_no_error (error);
          g_assert_nonnull (entry->layout);
        }
      else
        g_test_message ("%s refused: %s", entry->name, entry->error->message);
    }
  g_test_message ("Imported %u files in %.1f s", corpus.entries->len,
                  (g_get_monotonic_time () - begin) / 1e6);

  return TRUE;
}

static Entry *
find_entry (const char *name)
{
  for (guint i = 0; i < corpus.entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (corpus.entries, i);

      if (g_str_equal (entry->name, name))
        return entry;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Marks the test failed and says why; the test goes on, so that one run
 * lists every file that fails (g_test_fail_printf keeps only one message). */
static void fail_printf (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
fail_printf (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_message ("FAIL: %s", message);
  g_test_fail_printf ("%s", message);
}

static gboolean
contains_ci (const char *haystack,
             const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

/* ------------------------------------------------------------------------ */

static void
test_ofsted (void)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  guint imported = 0, html = 0;

  if (!ensure_corpus ())
    return;

  for (guint i = 0; i < corpus.entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (corpus.entries, i);

      if (!g_str_has_prefix (entry->name, "ofsted/"))
        continue;

      if (entry->is_html)
        {
          html++;
          g_assert_null (entry->document);
          g_assert_error (entry->error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED);
          if (!contains_ci (entry->error->message, "HTML") &&
              !contains_ci (entry->error->message, "not a PDF"))
            fail_printf ("%s: the message does not say it is HTML: %s",
                                entry->name, entry->error->message);
          continue;
        }

      if (entry->document == NULL)
        {
          fail_printf ("%s was refused: %s", entry->name, entry->error->message);
          continue;
        }

      imported++;
      g_assert_cmpint (gloss_document_get_kind (entry->document), ==, GLOSS_DOCUMENT_KIND_PDF);
      g_assert_cmpuint (gloss_document_get_n_pages (entry->document), >, 0);
      g_assert_cmpuint (gloss_layout_get_n_pages (entry->layout), ==,
                        gloss_document_get_n_pages (entry->document));
      /* A report has text, a good deal of it. */
      g_assert_cmpuint (gloss_document_get_n_chars (entry->document), >, 1000);
    }

  g_assert_cmpuint (html, ==, 1);
  g_assert_cmpuint (imported, ==, 30);

  /* They are all in the one project. */
  documents = gloss_project_list_documents (corpus.project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < corpus.entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (corpus.entries, i);
      gboolean found = FALSE;

      if (entry->document == NULL)
        continue;
      for (guint j = 0; j < documents->len && !found; j++)
        found = gloss_document_get_id (g_ptr_array_index (documents, j)) ==
                gloss_document_get_id (entry->document);
      if (!found)
        fail_printf ("%s is not in the document list", entry->name);
    }
}

static void
test_robustness_readme (void)
{
  const char *dir;
  g_autofree char *robustness = NULL;
  g_autoptr(GPtrArray) names = NULL;

  if (!ensure_corpus ())
    return;

  /* Every PDF is described, and every description has its PDF. */
  dir = gloss_test_corpus_dir ();
  robustness = g_build_filename (dir, "robustness", NULL);
  names = list_files (robustness, ".pdf");
  g_assert_cmpuint (names->len, ==, g_hash_table_size (corpus.readme));
  for (guint i = 0; i < names->len; i++)
    if (!g_hash_table_contains (corpus.readme, g_ptr_array_index (names, i)))
      fail_printf ("robustness/%s is not in the README",
                          (char *) g_ptr_array_index (names, i));

  /* The README says what we think it says. */
  g_assert_cmpint (((Entry *) g_hash_table_lookup (corpus.readme, "pdf.js-issue6010_1.pdf"))->expect,
                   ==, EXPECT_ENCRYPTED);
  g_assert_cmpstr (((Entry *) g_hash_table_lookup (corpus.readme, "pdf.js-issue6010_1.pdf"))->password,
                   ==, "abc");
  g_assert_cmpstr (((Entry *) g_hash_table_lookup (corpus.readme, "poppler-PasswordEncrypted.pdf"))->password,
                   ==, "password");
  g_assert_cmpint (((Entry *) g_hash_table_lookup (corpus.readme, "pdf.js-helloworld-bad.pdf"))->expect,
                   ==, EXPECT_IMPORTS_OR_REFUSED);
  g_assert_cmpint (((Entry *) g_hash_table_lookup (corpus.readme, "pdf.js-xref_command_missing.pdf"))->expect,
                   ==, EXPECT_IMPORTS_OR_REFUSED);
  g_assert_cmpint (((Entry *) g_hash_table_lookup (corpus.readme, "pdf.js-tracemonkey.pdf"))->expected_pages,
                   ==, 14);
}

static void
test_robustness_import (void)
{
  if (!ensure_corpus ())
    return;

  for (guint i = 0; i < corpus.entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (corpus.entries, i);

      if (!g_str_has_prefix (entry->name, "robustness/"))
        continue;

      switch (entry->expect)
        {
        case EXPECT_IMPORTS:
        case EXPECT_ENCRYPTED:   /* imported with the README's password */
          if (entry->document == NULL)
            {
              fail_printf ("%s was refused: %s", entry->name, entry->error->message);
              continue;
            }
          g_assert_cmpuint (gloss_document_get_n_pages (entry->document), >, 0);
          if (entry->expected_pages > 0)
            g_assert_cmpuint (gloss_document_get_n_pages (entry->document), ==,
                              entry->expected_pages);
          break;

        case EXPECT_IMPORTS_OR_REFUSED:
          if (entry->document != NULL)
            {
              g_test_message ("%s (damaged) imports, %u pages", entry->name,
                              gloss_document_get_n_pages (entry->document));
              g_assert_cmpuint (gloss_document_get_n_pages (entry->document), >, 0);
            }
          else
            {
              g_test_message ("%s (damaged) is refused: %s", entry->name,
                              entry->error->message);
              g_assert_true (entry->error->domain == GLOSS_ERROR);
              g_assert_true (entry->error->code == GLOSS_ERROR_DAMAGED_FILE ||
                             entry->error->code == GLOSS_ERROR_UNSUPPORTED);
              g_assert_cmpuint (strlen (entry->error->message), >, 10);
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
test_robustness_encrypted (void)
{
  guint n_encrypted = 0;

  if (!ensure_corpus ())
    return;

  for (guint i = 0; i < corpus.entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (corpus.entries, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossDocument) document = NULL;
      g_autofree char *stored = NULL;

      if (entry->expect != EXPECT_ENCRYPTED)
        continue;
      n_encrypted++;

      /* The shared import used the right password; here the wrong ones.
       * Neither adds a document (the project holds the good one already,
       * so a duplicate would be reported instead of the password). */
      file = g_file_new_for_path (entry->path);
      g_assert_nonnull (entry->document);
      g_assert_true (gloss_project_delete_document (corpus.project,
                                                    gloss_document_get_id (entry->document),
                                                    &error));
      g_assert_no_error (error);

      document = gloss_project_import_file (corpus.project, file, NULL, NULL, &error);
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCRYPTED);
      g_assert_null (document);
      g_clear_error (&error);

      document = gloss_project_import_file (corpus.project, file, "", NULL, &error);
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_ENCRYPTED);
      g_assert_null (document);
      g_clear_error (&error);

      document = gloss_project_import_file (corpus.project, file, "not-the-password", NULL, &error);
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_BAD_PASSWORD);
      g_assert_null (document);
      g_clear_error (&error);

      document = gloss_project_import_file (corpus.project, file, entry->password, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (document);
      g_assert_cmpuint (gloss_document_get_n_pages (document), >, 0);

      stored = gloss_project_dup_document_password (corpus.project, gloss_document_get_id (document));
      g_assert_cmpstr (stored, ==, entry->password);

      /* The layout is read back with the stored password. */
      g_clear_pointer (&entry->layout, gloss_layout_unref);
      g_set_object (&entry->document, document);
      entry->layout = gloss_project_load_layout (corpus.project, gloss_document_get_id (document),
                                                 &error);
      g_assert_no_error (error);
      g_assert_nonnull (entry->layout);
    }

  g_assert_cmpuint (n_encrypted, ==, 2);
  g_assert_nonnull (strstr (gloss_layout_get_text (find_entry ("robustness/pdf.js-issue6010_1.pdf")->layout),
                            "Issue 6010"));
}

static void
test_robustness_rotated (void)
{
  Entry *entry;
  const GlossPage *page;
  PopplerDocument *reference;
  PopplerPage *reference_page;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  double width, height;
  guint glyphs = 0;

  if (!ensure_corpus ())
    return;

  entry = find_entry ("robustness/pdf.js-rotated.pdf");
  g_assert_nonnull (entry->document);
  g_assert_nonnull (strstr (gloss_layout_get_text (entry->layout), "Rotated text"));

  /* The page size as displayed: poppler_page_get_size applies /Rotate.
   * (This file's page has no /Rotate: it is portrait, 612 × 792, and its
   * text is rotated by the content's matrices.) */
  uri = g_filename_to_uri (entry->path, NULL, NULL);
  reference = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  reference_page = poppler_document_get_page (reference, 0);
  poppler_page_get_size (reference_page, &width, &height);

  page = gloss_layout_get_page (entry->layout, 0);
  g_assert_cmpfloat_with_epsilon (page->width, width, 0.01);
  g_assert_cmpfloat_with_epsilon (page->height, height, 0.01);
  g_object_unref (reference_page);
  g_object_unref (reference);

  /* Every glyph has a box on the page, rotated text too. */
  for (guint i = page->start; i < page->end; i++)
    {
      const GlossRect *r = &page->rects[i - page->start];

      if (r->x2 > r->x1 && r->y2 > r->y1)
        glyphs++;
      g_assert_cmpfloat (r->x1, >=, -PAGE_TOLERANCE);
      g_assert_cmpfloat (r->y1, >=, -PAGE_TOLERANCE);
      g_assert_cmpfloat (r->x2, <=, page->width + PAGE_TOLERANCE);
      g_assert_cmpfloat (r->y2, <=, page->height + PAGE_TOLERANCE);
    }
  g_assert_cmpuint (glyphs, >, 20);
}

/* ------------------------------------------------------------------------
 * Text files
 * ------------------------------------------------------------------------ */

/* The test's own reading of a text file: UTF-8 without a byte order mark,
 * or Windows-1252; CRLF and CR become LF. */
static char *
read_text_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *utf8 = NULL;
  g_autoptr(GError) error = NULL;
  GString *out;
  gsize length = 0;
  const char *p;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  if (g_utf8_validate (contents, length, NULL))
    {
      p = contents;
      if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
      utf8 = g_strndup (p, length - (p - contents));
    }
  else
    {
      utf8 = g_convert (contents, length, "UTF-8", "WINDOWS-1252", NULL, NULL, &error);
      g_assert_no_error (error);
    }

  out = g_string_new (NULL);
  for (p = utf8; *p; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (out, *p == '\r' ? '\n' : *p);
    }

  return g_string_free (out, FALSE);
}

static void
test_text_and_pdf (void)
{
  guint n_text = 0, n_pdf = 0;

  if (!ensure_corpus ())
    return;

  for (guint i = 0; i < corpus.entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (corpus.entries, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;

      if (!g_str_has_prefix (entry->name, "text/") && !g_str_has_prefix (entry->name, "pdf/"))
        continue;

      if (entry->document == NULL)
        {
          fail_printf ("%s was refused: %s", entry->name, entry->error->message);
          continue;
        }

      text = gloss_project_load_document_text (corpus.project,
                                               gloss_document_get_id (entry->document),
                                               &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, gloss_layout_get_text (entry->layout));
      g_assert_cmpuint (gloss_document_get_n_chars (entry->document), ==, g_utf8_strlen (text, -1));

      if (!entry->is_pdf)
        {
          n_text++;
          g_assert_cmpint (gloss_document_get_kind (entry->document), ==, GLOSS_DOCUMENT_KIND_TEXT);
          expected = read_text_file (entry->path);
          g_assert_cmpstr (text, ==, expected);
        }
      else
        {
          n_pdf++;
          g_assert_cmpint (gloss_document_get_kind (entry->document), ==, GLOSS_DOCUMENT_KIND_PDF);
          g_assert_cmpuint (gloss_document_get_n_pages (entry->document), >, 0);
        }
    }

  g_assert_cmpuint (n_text, ==, 5);
  g_assert_cmpuint (n_pdf, ==, 5);
}

/* ------------------------------------------------------------------------
 * The same words as pdftotext
 * ------------------------------------------------------------------------ */

typedef struct
{
  char     *word;
  gboolean  line_end;   /* followed by a line end or page break */
} Token;

static void
token_clear (Token *token)
{
  g_free (token->word);
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);

  while (*p)
    {
      const char *begin;
      Token token;

      while (*p && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      begin = p;
      while (*p && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      token.word = g_strndup (begin, p - begin);
      token.line_end = FALSE;

      while (*p && g_unichar_isspace (g_utf8_get_char (p)))
        {
          if (*p == '\n' || *p == '\f')
            token.line_end = TRUE;
          p = g_utf8_next_char (p);
        }

      g_array_append_val (tokens, token);
    }

  return tokens;
}

static char *
context_of (GArray *tokens,
            guint   at)
{
  GString *s = g_string_new (NULL);

  for (guint k = at >= 4 ? at - 4 : 0; k < MIN (at + 5, tokens->len); k++)
    g_string_append_printf (s, k == at ? "[%s] " : "%s ", g_array_index (tokens, Token, k).word);

  return g_string_free (s, FALSE);
}

/* Compares the engine's words with pdftotext's.  NULL when they agree,
 * else a description of the first difference.
 *
 * Two differences between poppler's two text outputs are systematic and
 * normalised here, nothing else:
 *
 * - pdftotext joins a word broken by a hyphen at a line end ("recom-\n
 *   mendation" → "recommendation"); poppler_page_get_text keeps the line
 *   break and the hyphen.  So an engine word ending in "-" at a line end,
 *   joined with the next word, may equal the pdftotext word.
 *
 * - poppler_page_get_text puts no space between words on one line that
 *   are far apart, such as the cells of a table row ("Judgement" and
 *   "Grade" in the Ofsted reports' judgement table come out as
 *   "JudgementGrade"); pdftotext separates them.  So one engine word may
 *   equal several consecutive pdftotext words run together.
 */
static char *
compare_words (const char *engine_text,
               const char *reference_text,
               guint      *n_words,
               guint      *n_joined,
               guint      *n_run_together)
{
  g_autoptr(GArray) a = tokenize (engine_text);
  g_autoptr(GArray) b = tokenize (reference_text);
  guint i = 0, j = 0;

  *n_words = a->len;
  *n_joined = *n_run_together = 0;

  while (i < a->len && j < b->len)
    {
      const Token *ta = &g_array_index (a, Token, i);
      const char *wb = g_array_index (b, Token, j).word;
      g_autofree char *joined = NULL;
      const char *word = ta->word;
      guint consumed = 1;
      g_autoptr(GString) run = NULL;
      guint k;

      if (g_str_equal (word, wb))
        {
          i++;
          j++;
          continue;
        }

      if (ta->line_end && g_str_has_suffix (word, "-") && i + 1 < a->len)
        {
          joined = g_strdup_printf ("%.*s%s", (int) strlen (word) - 1, word,
                                    g_array_index (a, Token, i + 1).word);
          word = joined;
          consumed = 2;
          if (g_str_equal (word, wb))
            {
              (*n_joined)++;
              i += 2;
              j++;
              continue;
            }
        }

      run = g_string_new (wb);
      for (k = j + 1; run->len < strlen (word) && k < b->len && g_str_has_prefix (word, run->str); k++)
        g_string_append (run, g_array_index (b, Token, k).word);
      if (g_str_equal (run->str, word))
        {
          (*n_run_together)++;
          i += consumed;
          j = k;
          continue;
        }

      {
        g_autofree char *ca = context_of (a, i);
        g_autofree char *cb = context_of (b, j);

        return g_strdup_printf ("word %u differs:\n  engine:    %s\n  pdftotext: %s", i, ca, cb);
      }
    }

  if (i < a->len || j < b->len)
    {
      g_autofree char *ca = context_of (a, MIN (i, a->len ? a->len - 1 : 0));
      g_autofree char *cb = context_of (b, MIN (j, b->len ? b->len - 1 : 0));

      return g_strdup_printf ("one text ends first (engine %u of %u words, pdftotext %u of %u):\n"
                              "  engine:    %s\n  pdftotext: %s",
                              i, a->len, j, b->len, ca, cb);
    }

  return NULL;
}

static void
test_pdftotext (void)
{
  g_autofree char *pdftotext = NULL;
  guint n_compared = 0;

  if (!ensure_corpus ())
    return;

  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the words are not compared");
      return;
    }

  for (guint i = 0; i < corpus.entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (corpus.entries, i);
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *difference = NULL;
      int status = 0;
      guint n_words, n_joined, n_run;

      if (!entry->is_pdf || entry->document == NULL)
        continue;

      /* Right-to-left text: pdftotext prints each of this file's two
       * lines twice (with the words of a line split differently), while
       * poppler_page_get_text gives each line once.  Not comparable word
       * by word. */
      if (g_str_equal (entry->name, "robustness/pdf.js-ArabicCIDTrueType.pdf"))
        continue;

      g_ptr_array_add (argv, pdftotext);
      g_ptr_array_add (argv, (char *) "-q");
      g_ptr_array_add (argv, (char *) "-enc");
      g_ptr_array_add (argv, (char *) "UTF-8");
      if (entry->password != NULL)
        {
          g_ptr_array_add (argv, (char *) "-upw");
          g_ptr_array_add (argv, entry->password);
        }
      g_ptr_array_add (argv, entry->path);
      g_ptr_array_add (argv, (char *) "-");
      g_ptr_array_add (argv, NULL);

      g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                    &out, &err, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        {
          /* A damaged file that poppler repairs for us but pdftotext does
           * not read: nothing to compare with. */
          g_test_message ("pdftotext cannot read %s: %s", entry->name, err);
          continue;
        }

      difference = compare_words (gloss_layout_get_text (entry->layout), out,
                                  &n_words, &n_joined, &n_run);
      n_compared++;
      if (difference != NULL)
        fail_printf ("%s: the text differs from pdftotext's: %s", entry->name, difference);
      else
        g_test_message ("%s: %u words as pdftotext (%u hyphenations joined, %u runs of cells)",
                        entry->name, n_words, n_joined, n_run);
    }

  g_assert_cmpuint (n_compared, >=, 40);
}

/* ------------------------------------------------------------------------
 * Glyph boxes and the offset ↔ rectangle mapping
 * ------------------------------------------------------------------------ */

static void
test_rects_on_page (void)
{
  guint n_documents = 0;

  if (!ensure_corpus ())
    return;

  for (guint i = 0; i < corpus.entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (corpus.entries, i);
      GlossLayout *layout = entry->layout;
      g_autofree gunichar *chars = NULL;
      guint n_pages;
      guint outside = 0, empty = 0;

      if (!entry->is_pdf || entry->document == NULL)
        continue;
      n_documents++;

      n_pages = gloss_layout_get_n_pages (layout);
      g_assert_cmpuint (n_pages, ==, gloss_document_get_n_pages (entry->document));
      g_assert_cmpuint (gloss_layout_get_n_chars (layout), ==,
                        gloss_document_get_n_chars (entry->document));

      chars = g_utf8_to_ucs4_fast (gloss_layout_get_text (layout), -1, NULL);

      for (guint p = 0; p < n_pages; p++)
        {
          const GlossPage *page = gloss_layout_get_page (layout, p);

          g_assert_cmpuint (page->number, ==, p);
          g_assert_cmpfloat (page->width, >, 0);
          g_assert_cmpfloat (page->height, >, 0);
          g_assert_nonnull (page->rects);
          /* Pages follow each other, a form feed between two. */
          if (p == 0)
            g_assert_cmpuint (page->start, ==, 0);
          else
            g_assert_cmpuint (page->start, ==, gloss_layout_get_page (layout, p - 1)->end + 1);
          if (p == n_pages - 1)
            g_assert_cmpuint (page->end, ==, gloss_layout_get_n_chars (layout));

          for (guint c = page->start; c < page->end; c++)
            {
              const GlossRect *r = &page->rects[c - page->start];

              /* A letter is a glyph on the page: it has a box.  (When the
               * boxes are not aligned with the characters, the last
               * characters of a page are left without.) */
              if (g_unichar_isalpha (chars[c]) && !(r->x2 > r->x1 && r->y2 > r->y1))
                {
                  if (empty++ == 0)
                    fail_printf ("%s page %u: letter %u (U+%04X) has no box",
                                        entry->name, p + 1, c, chars[c]);
                }

              if (r->x1 < -PAGE_TOLERANCE || r->y1 < -PAGE_TOLERANCE ||
                  r->x2 > page->width + PAGE_TOLERANCE || r->y2 > page->height + PAGE_TOLERANCE ||
                  r->x2 < r->x1 || r->y2 < r->y1)
                {
                  if (outside++ == 0)
                    fail_printf ("%s page %u: the box of character %u is off the page "
                                        "(%.1f,%.1f–%.1f,%.1f on %.1f×%.1f)",
                                        entry->name, p + 1, c, r->x1, r->y1, r->x2, r->y2,
                                        page->width, page->height);
                }
            }
        }
    }

  g_assert_cmpuint (n_documents, >=, 40);
}

/* An offset in the middle of a line of the page: of its last line with a
 * few words when last is TRUE, else of its first.  The character there is
 * a visible glyph.  FALSE when the page has no such line. */
static gboolean
pick_mid_line (const gunichar  *chars,
               const GlossPage *page,
               gboolean         last,
               guint           *offset)
{
  guint line_start = page->start;
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  gboolean found = FALSE;

  for (guint c = page->start; c <= page->end; c++)
    if (c == page->end || chars[c] == '\n')
      {
        guint line[2] = { line_start, c };

        g_array_append_val (lines, line);
        line_start = c + 1;
      }

  for (guint n = 0; n < lines->len && !found; n++)
    {
      guint *line = (guint *) (lines->data + (last ? lines->len - 1 - n : n) * sizeof (guint) * 2);
      guint letters = 0;

      for (guint c = line[0]; c < line[1]; c++)
        if (g_unichar_isalpha (chars[c]))
          letters++;
      if (letters < 12)
        continue;

      /* From the middle on, the first letter with a proper box. */
      for (guint c = line[0] + (line[1] - line[0]) / 2; c < line[1] - 1 && !found; c++)
        {
          const GlossRect *r = &page->rects[c - page->start];

          if (g_unichar_isalpha (chars[c]) && r->x2 - r->x1 > 0.5 && r->y2 - r->y1 > 0.5)
            {
              *offset = c;
              found = TRUE;
            }
        }
    }

  g_array_unref (lines);
  return found;
}

static void
test_round_trip (void)
{
  guint n_checked = 0;

  if (!ensure_corpus ())
    return;

  for (guint i = 0; i < corpus.entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (corpus.entries, i);
      g_autofree gunichar *chars = NULL;
      GlossLayout *layout = entry->layout;
      guint failures = 0;

      if (!entry->is_pdf || entry->document == NULL || gloss_layout_get_n_pages (layout) < 2)
        continue;

      chars = g_utf8_to_ucs4_fast (gloss_layout_get_text (layout), -1, NULL);

      for (guint p = 0; p + 1 < gloss_layout_get_n_pages (layout); p++)
        {
          const GlossPage *page = gloss_layout_get_page (layout, p);
          const GlossPage *next = gloss_layout_get_page (layout, p + 1);
          g_autoptr(GArray) rects = NULL;
          const GlossPageRect *first, *last;
          const GlossRect *g_first, *g_last;
          guint start, end, offset = G_MAXUINT;
          double x, y;
          gboolean hit;
          g_autofree char *passage = NULL;

          if (!pick_mid_line (chars, page, TRUE, &start) ||
              !pick_mid_line (chars, next, FALSE, &end))
            continue;
          end++;   /* past the chosen character */

          passage = gloss_layout_dup_range (layout, start, end);
          g_assert_nonnull (strchr (passage, '\f'));

          rects = gloss_layout_rects_for_range (layout, start, end);
          g_assert_cmpuint (rects->len, >=, 2);
          first = &g_array_index (rects, GlossPageRect, 0);
          last = &g_array_index (rects, GlossPageRect, rects->len - 1);
          g_assert_cmpuint (first->page, ==, p);
          g_assert_cmpuint (last->page, ==, p + 1);

          g_first = &page->rects[start - page->start];
          g_last = &next->rects[end - 1 - next->start];

          /* The first rectangle begins with the first character's glyph,
           * the last ends with the last one's. */
          x = first->rect.x1 + (g_first->x2 - g_first->x1) / 2;
          y = (g_first->y1 + g_first->y2) / 2;
          g_assert_cmpfloat (y, >=, first->rect.y1);
          g_assert_cmpfloat (y, <=, first->rect.y2);
          hit = gloss_layout_char_at_point (layout, p, x, y, &offset);
          if (!hit || offset != start)
            {
              if (failures++ == 0)
                fail_printf ("%s page %u: the first rectangle's first glyph (%.1f,%.1f) "
                                    "maps to %d (%u) instead of %u",
                                    entry->name, p + 1, x, y, hit, offset, start);
              continue;
            }

          x = last->rect.x2 - (g_last->x2 - g_last->x1) / 2;
          y = (g_last->y1 + g_last->y2) / 2;
          g_assert_cmpfloat (y, >=, last->rect.y1);
          g_assert_cmpfloat (y, <=, last->rect.y2);
          hit = gloss_layout_char_at_point (layout, p + 1, x, y, &offset);
          if (!hit || offset != end - 1)
            {
              if (failures++ == 0)
                fail_printf ("%s page %u: the last rectangle's last glyph (%.1f,%.1f) "
                                    "maps to %d (%u) instead of %u",
                                    entry->name, p + 2, x, y, hit, offset, end - 1);
              continue;
            }

          n_checked++;
        }
    }

  g_test_message ("%u passages across a page break mapped there and back", n_checked);
  g_assert_cmpuint (n_checked, >=, 200);
}

/* ------------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus/ofsted", test_ofsted);
  g_test_add_func ("/corpus/robustness/readme", test_robustness_readme);
  g_test_add_func ("/corpus/robustness/import", test_robustness_import);
  g_test_add_func ("/corpus/robustness/encrypted", test_robustness_encrypted);
  g_test_add_func ("/corpus/robustness/rotated", test_robustness_rotated);
  g_test_add_func ("/corpus/text-and-pdf", test_text_and_pdf);
  g_test_add_func ("/corpus/pdftotext", test_pdftotext);
  g_test_add_func ("/corpus/rects-on-page", test_rects_on_page);
  g_test_add_func ("/corpus/round-trip", test_round_trip);

  ret = g_test_run ();

  if (corpus.project != NULL)
    {
      g_clear_pointer (&corpus.entries, g_ptr_array_unref);
      g_clear_pointer (&corpus.readme, g_hash_table_unref);
      g_clear_object (&corpus.project);
      gloss_test_remove_tree (corpus.tmpdir);
      g_clear_pointer (&corpus.tmpdir, g_free);
    }

  return ret;
}
