/* gloss-test-fixtures.c: test inputs made by our own code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss-Test"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <gio/gio.h>

#include "gloss-test-fixtures.h"

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.89
#define MARGIN    72.0

/* ------------------------------------------------------------------------
 * Plain PDFs, laid out with pango
 * ------------------------------------------------------------------------ */

gboolean
gloss_test_make_pdf (const char          *path,
                     const char * const  *pages,
                     GError             **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  PangoFontDescription *font;
  cairo_status_t status;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (pages != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "Cannot create %s: %s", path, cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  /* One cairo unit is one point on a PDF surface: a resolution of 72 makes
   * an 11 pt font 11 units high. */
  pango_cairo_context_set_resolution (context, 72.0);
  font = pango_font_description_from_string ("DejaVu Sans, Sans 11");

  for (guint i = 0; pages[i] != NULL; i++)
    {
      PangoLayout *layout = pango_layout_new (context);

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) ((A4_WIDTH - 2 * MARGIN) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_text (layout, pages[i], -1);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, MARGIN, MARGIN);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);

      g_object_unref (layout);
    }

  pango_font_description_free (font);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "Cannot write %s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------
 * An encrypted PDF, written by hand
 *
 * Standard security handler, /V 1 /R 2, 40-bit RC4 (ISO 32000-1, 7.6.3).
 * ------------------------------------------------------------------------ */

/* ISO 32000-1, 7.6.3.3, algorithm 2, step (a) */
static const guint8 password_padding[32] = {
  0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41,
  0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
  0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80,
  0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
};

#define KEY_LENGTH   5      /* bytes: 40 bits */
#define PERMISSIONS  (-44)  /* print, copy … as R2 allows */

static void
rc4_crypt (const guint8 *key,
           gsize         key_len,
           guint8       *data,
           gsize         len)
{
  guint8 s[256];
  guint i, j;

  for (i = 0; i < 256; i++)
    s[i] = (guint8) i;

  for (i = 0, j = 0; i < 256; i++)
    {
      guint8 t;

      j = (j + s[i] + key[i % key_len]) & 0xff;
      t = s[i];
      s[i] = s[j];
      s[j] = t;
    }

  i = j = 0;
  for (gsize k = 0; k < len; k++)
    {
      guint8 t;

      i = (i + 1) & 0xff;
      j = (j + s[i]) & 0xff;
      t = s[i];
      s[i] = s[j];
      s[j] = t;
      data[k] ^= s[(s[i] + s[j]) & 0xff];
    }
}

static void
pad_password (const char *password,
              guint8      padded[32])
{
  gsize len = password != NULL ? strlen (password) : 0;

  if (len > 32)
    len = 32;
  if (len > 0)
    memcpy (padded, password, len);
  memcpy (padded + len, password_padding, 32 - len);
}

/* MD5 of the concatenation of the given buffers; digest must hold 16 bytes */
static void
md5_digest (guint8        digest[16],
            const guint8 *data1,
            gsize         len1,
            const guint8 *data2,
            gsize         len2,
            const guint8 *data3,
            gsize         len3,
            const guint8 *data4,
            gsize         len4)
{
  GChecksum *checksum = g_checksum_new (G_CHECKSUM_MD5);
  gsize digest_len = 16;

  if (len1 > 0)
    g_checksum_update (checksum, data1, len1);
  if (len2 > 0)
    g_checksum_update (checksum, data2, len2);
  if (len3 > 0)
    g_checksum_update (checksum, data3, len3);
  if (len4 > 0)
    g_checksum_update (checksum, data4, len4);
  g_checksum_get_digest (checksum, digest, &digest_len);
  g_assert (digest_len == 16);
  g_checksum_free (checksum);
}

/* Algorithm 3: the /O value */
static void
compute_owner_value (const char *owner_password,
                     const char *user_password,
                     guint8      o_value[32])
{
  guint8 padded[32];
  guint8 digest[16];

  pad_password (owner_password, padded);
  md5_digest (digest, padded, 32, NULL, 0, NULL, 0, NULL, 0);

  pad_password (user_password, o_value);
  rc4_crypt (digest, KEY_LENGTH, o_value, 32);
}

/* Algorithm 2: the file encryption key */
static void
compute_file_key (const char   *user_password,
                  const guint8  o_value[32],
                  gint32        permissions,
                  const guint8  id[16],
                  guint8        key[KEY_LENGTH])
{
  guint8 padded[32];
  guint8 p[4];
  guint8 digest[16];
  guint32 up = (guint32) permissions;

  pad_password (user_password, padded);
  p[0] = up & 0xff;
  p[1] = (up >> 8) & 0xff;
  p[2] = (up >> 16) & 0xff;
  p[3] = (up >> 24) & 0xff;

  md5_digest (digest, padded, 32, o_value, 32, p, 4, id, 16);
  memcpy (key, digest, KEY_LENGTH);
}

/* Algorithm 4 (revision 2): the /U value */
static void
compute_user_value (const guint8 key[KEY_LENGTH],
                    guint8       u_value[32])
{
  memcpy (u_value, password_padding, 32);
  rc4_crypt (key, KEY_LENGTH, u_value, 32);
}

/* Algorithm 1: the key for one object's strings and streams */
static void
compute_object_key (const guint8  key[KEY_LENGTH],
                    guint         object,
                    guint         generation,
                    guint8        object_key[KEY_LENGTH + 5])
{
  guint8 extra[5];
  guint8 digest[16];

  extra[0] = object & 0xff;
  extra[1] = (object >> 8) & 0xff;
  extra[2] = (object >> 16) & 0xff;
  extra[3] = generation & 0xff;
  extra[4] = (generation >> 8) & 0xff;

  md5_digest (digest, key, KEY_LENGTH, extra, 5, NULL, 0, NULL, 0);
  memcpy (object_key, digest, KEY_LENGTH + 5);
}

static void
append_hex (GString      *out,
            const guint8 *data,
            gsize         len)
{
  g_string_append_c (out, '<');
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (out, "%02X", data[i]);
  g_string_append_c (out, '>');
}

/* A PDF literal string body (without the parentheses) for text, in the
 * font's WinAnsiEncoding. */
static GString *
pdf_literal_from_utf8 (const char *text)
{
  g_autofree char *latin = NULL;
  GString *out = g_string_new (NULL);
  gsize len = 0;

  latin = g_convert_with_fallback (text, -1, "WINDOWS-1252", "UTF-8", "?",
                                   NULL, &len, NULL);
  if (latin == NULL)
    {
      latin = g_strdup (text);
      len = strlen (latin);
    }

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) latin[i];

      if (c == '(' || c == ')' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20 || c >= 0x7f)
        g_string_append_printf (out, "\\%03o", c);
      else
        g_string_append_c (out, (char) c);
    }

  return out;
}

gboolean
gloss_test_make_encrypted_pdf (const char  *path,
                               const char  *user_password,
                               const char  *text,
                               GError     **error)
{
  const char *owner_password = "owner";
  g_autoptr(GString) pdf = g_string_new (NULL);
  g_autoptr(GString) literal = NULL;
  g_autoptr(GString) content = NULL;
  g_autofree char *id_seed = NULL;
  guint8 id[16];
  guint8 o_value[32];
  guint8 u_value[32];
  guint8 key[KEY_LENGTH];
  guint8 object_key[KEY_LENGTH + 5];
  gsize offsets[7] = { 0 };
  gsize xref_offset;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (user_password == NULL)
    user_password = "";

  /* The file identifier: any 16 bytes will do, as long as the key uses the
   * same ones as the trailer. */
  id_seed = g_strdup_printf ("gloss-test:%s:%s", user_password, text);
  md5_digest (id, (const guint8 *) id_seed, strlen (id_seed), NULL, 0, NULL, 0, NULL, 0);

  compute_owner_value (owner_password, user_password, o_value);
  compute_file_key (user_password, o_value, PERMISSIONS, id, key);
  compute_user_value (key, u_value);

  literal = pdf_literal_from_utf8 (text);
  content = g_string_new (NULL);
  g_string_append_printf (content, "BT /F1 12 Tf 72 720 Td (%s) Tj ET\n", literal->str);

  /* The content stream is object 4, generation 0. */
  compute_object_key (key, 4, 0, object_key);
  rc4_crypt (object_key, sizeof object_key, (guint8 *) content->str, content->len);

  g_string_append (pdf, "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");

  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");

  offsets[3] = pdf->len;
  g_string_append (pdf,
                   "3 0 obj\n"
                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]\n"
                   "   /Resources << /Font << /F1 5 0 R >> >>\n"
                   "   /Contents 4 0 R >>\n"
                   "endobj\n");

  offsets[4] = pdf->len;
  g_string_append_printf (pdf, "4 0 obj\n<< /Length %" G_GSIZE_FORMAT " >>\nstream\n",
                          content->len);
  g_string_append_len (pdf, content->str, content->len);
  g_string_append (pdf, "\nendstream\nendobj\n");

  offsets[5] = pdf->len;
  g_string_append (pdf,
                   "5 0 obj\n"
                   "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica\n"
                   "   /Encoding /WinAnsiEncoding >>\n"
                   "endobj\n");

  offsets[6] = pdf->len;
  g_string_append (pdf, "6 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40\n   /O ");
  append_hex (pdf, o_value, sizeof o_value);
  g_string_append (pdf, "\n   /U ");
  append_hex (pdf, u_value, sizeof u_value);
  g_string_append_printf (pdf, "\n   /P %d >>\nendobj\n", PERMISSIONS);

  xref_offset = pdf->len;
  g_string_append (pdf, "xref\n0 7\n0000000000 65535 f \n");
  for (guint i = 1; i < G_N_ELEMENTS (offsets); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);

  g_string_append (pdf, "trailer\n<< /Size 7 /Root 1 0 R /Encrypt 6 0 R\n   /ID [");
  append_hex (pdf, id, sizeof id);
  append_hex (pdf, id, sizeof id);
  g_string_append_printf (pdf, "] >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref_offset);

  return g_file_set_contents (path, pdf->str, pdf->len, error);
}

/* ------------------------------------------------------------------------
 * Directories
 * ------------------------------------------------------------------------ */

char *
gloss_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *path;

  path = g_dir_make_tmp ("gloss-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);

  return path;
}

void
gloss_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (path == NULL)
    return;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      GDir *dir = g_dir_open (path, 0, NULL);

      if (dir != NULL)
        {
          const char *name;

          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *child = g_build_filename (path, name, NULL);

              gloss_test_remove_tree (child);
            }
          g_dir_close (dir);
        }

      if (g_rmdir (path) != 0)
        g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
    }
  else if (g_unlink (path) != 0)
    g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
}

const char *
gloss_test_corpus_dir (void)
{
  const char *dir = g_getenv ("GLOSS_CORPUS");

  if (dir == NULL || *dir == '\0')
    {
      g_test_skip ("../shared/corpus is absent: GLOSS_CORPUS is not set");
      return NULL;
    }

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message =
        g_strdup_printf ("../shared/corpus is absent: %s is not a directory", dir);

      g_test_skip (message);
      return NULL;
    }

  return dir;
}

void
gloss_test_run_clear (GlossTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}


const char *
gloss_test_cli_path (void)
{
  const char *path = g_getenv ("GLOSS_CLI");

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("GLOSS_CLI does not name the gloss-cli program");
      return NULL;
    }

  return path;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

  return length > 0 ? g_strndup (data, length) : g_strdup ("");
}

/* Runs gloss-cli with the NULL-terminated arguments; FALSE (test skipped)
 * when there is no gloss-cli.  The program must exit, not crash. */
gboolean
gloss_test_run_cli (GlossTestRun        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = gloss_test_cli_path ();
  const char *arg;
  va_list args;

  memset (run, 0, sizeof *run);
  if (cli == NULL)
    return FALSE;

  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_exited (process))
    g_error ("gloss-cli %s did not exit normally (signal %d); stderr: %.*s",
             first, g_subprocess_get_term_sig (process),
             (int) g_bytes_get_size (err), (const char *) g_bytes_get_data (err, NULL));

  run->status = g_subprocess_get_exit_status (process);
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);

  return TRUE;
}

