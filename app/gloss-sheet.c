/* gloss-sheet.c: a rectangle of cells to export, as CSV or XLSX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gloss-csv.h"
#include "gloss-error.h"
#include "gloss-sheet.h"
#include "gloss-sheet-private.h"

/* What Excel allows in a worksheet's name: at most 31 UTF-16 units. */
#define MAX_NAME_UNITS 31

typedef struct
{
  const char *text;      /* in the sheet's string chunk; NULL when empty */
  double      value;
  guint8      kind;      /* GlossCellKind */
  guint8      percent;
} Cell;

struct _GlossSheet
{
  gatomicrefcount  ref_count;
  char            *name;
  GPtrArray       *header;       /* (element-type utf8) */
  GStringChunk    *strings;
  GArray          *cells;        /* (element-type Cell) every row's, in turn */
  GArray          *row_starts;   /* (element-type guint) index of a row's first cell */
  guint            n_columns;    /* of the widest row */
};

G_DEFINE_BOXED_TYPE (GlossSheet, gloss_sheet, gloss_sheet_ref, gloss_sheet_unref)

/* The name Excel accepts: no []:*?/\ (nor control characters), no
 * apostrophe first or last, 1 to 31 UTF-16 units. */
static char *
sanitize_name (const char *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  const char *p;
  guint units = 0;

  for (p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint width = c > 0xFFFF ? 2 : 1;

      if (strchr ("[]:*?/\\", c) != NULL && c < 0x80)
        c = '_';
      else if (g_unichar_iscntrl (c))
        c = ' ';
      if (units + width > MAX_NAME_UNITS)
        break;
      g_string_append_unichar (out, c);
      units += width;
    }

  /* An apostrophe may neither start nor end it; nor may blanks, which
   * Excel keeps but people do not see. */
  while (out->len > 0 && (out->str[0] == '\'' || out->str[0] == ' '))
    g_string_erase (out, 0, 1);
  while (out->len > 0 && (out->str[out->len - 1] == '\'' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);

  if (out->len == 0)
    g_string_assign (out, "Sheet");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * gloss_sheet_new:
 * @name: the worksheet's name (sanitised for Excel)
 */
GlossSheet *
gloss_sheet_new (const char *name)
{
  GlossSheet *self = g_new0 (GlossSheet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->name = sanitize_name (name);
  self->header = g_ptr_array_new_with_free_func (g_free);
  self->strings = g_string_chunk_new (64 * 1024);
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->row_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  return self;
}

GlossSheet *
gloss_sheet_ref (GlossSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
gloss_sheet_unref (GlossSheet *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  g_ptr_array_unref (self->header);
  g_string_chunk_free (self->strings);
  g_array_unref (self->cells);
  g_array_unref (self->row_starts);
  g_free (self);
}

const char *
gloss_sheet_get_name (GlossSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

void
gloss_sheet_set_header (GlossSheet         *self,
                        const char * const *names,
                        gsize               n_names)
{
  gsize i;

  g_return_if_fail (self != NULL);
  g_return_if_fail (names != NULL || n_names == 0);

  g_ptr_array_set_size (self->header, 0);
  for (i = 0; i < n_names; i++)
    g_ptr_array_add (self->header, g_strdup (names[i] != NULL ? names[i] : ""));
}

void
gloss_sheet_add_header (GlossSheet *self,
                        const char *name)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_add (self->header, g_strdup (name != NULL ? name : ""));
}

void
gloss_sheet_begin_row (GlossSheet *self)
{
  guint start;

  g_return_if_fail (self != NULL);

  start = self->cells->len;
  g_array_append_val (self->row_starts, start);
}

static guint
row_start (GlossSheet *self,
           guint       row)
{
  return g_array_index (self->row_starts, guint, row);
}

static guint
row_end (GlossSheet *self,
         guint       row)
{
  return row + 1 < self->row_starts->len ? row_start (self, row + 1) : self->cells->len;
}

static void
append_cell (GlossSheet *self,
             const Cell *cell)
{
  guint width;

  g_array_append_vals (self->cells, cell, 1);
  width = self->cells->len - row_start (self, self->row_starts->len - 1);
  self->n_columns = MAX (self->n_columns, width);
}

/**
 * gloss_sheet_add_text:
 * @text: (nullable): %NULL for an empty cell
 */
void
gloss_sheet_add_text (GlossSheet *self,
                      const char *text)
{
  Cell cell = { NULL, 0.0, GLOSS_CELL_EMPTY, FALSE };

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->row_starts->len > 0);

  if (text != NULL)
    {
      cell.kind = GLOSS_CELL_TEXT;
      cell.text = g_string_chunk_insert (self->strings, text);
    }
  append_cell (self, &cell);
}

/**
 * gloss_sheet_add_number:
 * @shown: (nullable): how it reads (default: %g)
 * @percent: a fraction that XLSX shows as a percentage
 */
void
gloss_sheet_add_number (GlossSheet *self,
                        double      value,
                        const char *shown,
                        gboolean    percent)
{
  Cell cell = { NULL, value, GLOSS_CELL_NUMBER, percent ? 1 : 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->row_starts->len > 0);

  if (shown != NULL)
    cell.text = g_string_chunk_insert_const (self->strings, shown);
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (buffer, sizeof buffer, "%g", value);
      cell.text = g_string_chunk_insert_const (self->strings, buffer);
    }
  append_cell (self, &cell);
}

guint
gloss_sheet_get_n_columns (GlossSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return MAX (self->header->len, self->n_columns);
}

guint
gloss_sheet_get_n_rows (GlossSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_starts->len;
}

const char *
gloss_sheet_get_header (GlossSheet *self,
                        guint       column)
{
  g_return_val_if_fail (self != NULL, NULL);

  return column < self->header->len ? g_ptr_array_index (self->header, column) : "";
}

static const Cell *
get_cell (GlossSheet *self,
          guint       row,
          guint       column)
{
  guint index;

  if (row >= self->row_starts->len)
    return NULL;
  index = row_start (self, row) + column;
  if (index >= row_end (self, row))
    return NULL;

  return &g_array_index (self->cells, Cell, index);
}

const char *
gloss_sheet_get_text (GlossSheet *self,
                      guint       row,
                      guint       column)
{
  const Cell *cell;

  g_return_val_if_fail (self != NULL, NULL);

  cell = get_cell (self, row, column);
  return cell != NULL && cell->text != NULL ? cell->text : "";
}

/**
 * gloss_sheet_is_number:
 * @value: (out) (optional): the number
 */
gboolean
gloss_sheet_is_number (GlossSheet *self,
                       guint       row,
                       guint       column,
                       double     *value)
{
  const Cell *cell;

  g_return_val_if_fail (self != NULL, FALSE);

  cell = get_cell (self, row, column);
  if (cell == NULL || cell->kind != GLOSS_CELL_NUMBER)
    return FALSE;
  if (value != NULL)
    *value = cell->value;

  return TRUE;
}

GlossCellKind
_gloss_sheet_get_cell (GlossSheet   *self,
                       guint         row,
                       guint         column,
                       const char  **text,
                       double       *value,
                       gboolean     *percent)
{
  const Cell *cell = get_cell (self, row, column);

  *text = cell != NULL && cell->text != NULL ? cell->text : "";
  *value = cell != NULL ? cell->value : 0.0;
  *percent = cell != NULL && cell->percent;

  return cell != NULL ? cell->kind : GLOSS_CELL_EMPTY;
}

/* The sheet's CSV (without a byte-order mark) appended to out; every
 * record has as many fields as the widest row. */
static void
append_csv (GlossSheet *self,
            GString    *out)
{
  guint n_columns = gloss_sheet_get_n_columns (self);
  guint row, column;

  if (self->header->len > 0)
    {
      for (column = 0; column < n_columns; column++)
        {
          if (column > 0)
            g_string_append_c (out, ',');
          gloss_csv_append_field (out, gloss_sheet_get_header (self, column));
        }
      g_string_append (out, "\r\n");
    }

  for (row = 0; row < self->row_starts->len; row++)
    {
      guint start = row_start (self, row), end = row_end (self, row);

      for (column = 0; column < n_columns; column++)
        {
          if (column > 0)
            g_string_append_c (out, ',');
          if (start + column < end)
            {
              const Cell *cell = &g_array_index (self->cells, Cell, start + column);

              if (cell->text != NULL)
                gloss_csv_append_field (out, cell->text);
            }
        }
      g_string_append (out, "\r\n");
    }
}

/**
 * gloss_sheet_to_csv:
 * @excel: start with the UTF-8 byte-order mark, by which Excel knows
 *   the encoding
 */
GBytes *
gloss_sheet_to_csv (GlossSheet *self,
                    gboolean    excel)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_sized_new (64 + self->cells->len * 8);
  if (excel)
    g_string_append (out, "\xef\xbb\xbf");
  append_csv (self, out);

  return g_string_free_to_bytes (out);
}

void
_gloss_sheet_set_write_error (GError     **error,
                              const char  *path,
                              int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);
  int code;

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      code = GLOSS_ERROR_READ_ONLY;
      break;
    case ENOSPC:
    case EDQUOT:
      code = GLOSS_ERROR_NO_SPACE;
      break;
    case ENOENT:
    case ENOTDIR:
      code = GLOSS_ERROR_NOT_FOUND;
      break;
    default:
      code = GLOSS_ERROR_FAILED;
      break;
    }

  g_set_error (error, GLOSS_ERROR, code, _("Could not write “%s”: %s"),
               display, g_strerror (saved_errno));
}

char *
_gloss_sheet_make_temp (const char  *path,
                        int         *fd,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *temp = g_build_filename (dir, name, NULL);

  *fd = g_mkstemp_full (temp, O_RDWR, 0666);
  if (*fd < 0)
    {
      _gloss_sheet_set_write_error (error, path, errno);
      g_free (temp);
      return NULL;
    }

  return temp;
}

gboolean
_gloss_sheet_replace (const char  *temp,
                      const char  *path,
                      GError     **error)
{
  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      _gloss_sheet_set_write_error (error, path, saved_errno);
      return FALSE;
    }

  return TRUE;
}

/* Writes all of data to a new file beside path, then renames it over
 * path: the file is either the old one or the whole new one. */
static gboolean
write_file_atomically (const char  *path,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autofree char *temp = NULL;
  gsize done = 0;
  int fd;

  temp = _gloss_sheet_make_temp (path, &fd, error);
  if (temp == NULL)
    return FALSE;

  while (done < length)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : EIO;

          close (fd);
          g_unlink (temp);
          _gloss_sheet_set_write_error (error, path, saved_errno);
          return FALSE;
        }
      done += n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      _gloss_sheet_set_write_error (error, path, saved_errno);
      return FALSE;
    }

  return _gloss_sheet_replace (temp, path, error);
}

/**
 * gloss_sheets_write:
 * @sheets: (element-type GlossSheet)
 * @excel: for CSV, start with the UTF-8 byte-order mark
 * @path: (nullable): the file, or %NULL or "-" for standard output
 */
gboolean
gloss_sheets_write (GPtrArray         *sheets,
                    GlossSheetFormat   format,
                    gboolean           excel,
                    const char        *path,
                    GError           **error)
{
  g_autoptr(GString) out = NULL;
  gboolean to_stdout;
  guint i;

  g_return_val_if_fail (sheets != NULL, FALSE);

  to_stdout = path == NULL || strcmp (path, "-") == 0;

  if (format == GLOSS_SHEET_FORMAT_XLSX)
    {
      if (to_stdout)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("An XLSX workbook can only be written to a file, not to standard output"));
          return FALSE;
        }
      return gloss_sheets_write_xlsx (sheets, path, error);
    }

  out = g_string_new (excel ? "\xef\xbb\xbf" : "");
  for (i = 0; i < sheets->len; i++)
    {
      if (i > 0)
        g_string_append (out, "\r\n");
      append_csv (g_ptr_array_index (sheets, i), out);
    }

  if (to_stdout)
    {
      if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                       _("Could not write to standard output: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  return write_file_atomically (path, out->str, out->len, error);
}
