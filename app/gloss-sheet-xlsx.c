/* gloss-sheet-xlsx.c: sheets as one XLSX workbook (libxlsxwriter)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "gloss-error.h"
#include "gloss-sheet.h"
#include "gloss-sheet-private.h"

/* Excel's limits: rows and columns of a worksheet, characters of a cell,
 * UTF-16 units of a worksheet's name. */
#define MAX_ROWS 1048576
#define MAX_COLUMNS 16384
#define MAX_CELL_CHARS 32767
#define MAX_NAME_UNITS 31

/* Column widths, in characters of the default font. */
#define MIN_WIDTH 6.0
#define MAX_WIDTH 60.0

static guint
utf16_units (const char *text)
{
  const char *p;
  guint units = 0;

  for (p = text; *p; p = g_utf8_next_char (p))
    units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

  return units;
}

/* The first characters of text that fit in max_units UTF-16 units. */
static char *
truncate_units (const char *text,
                guint       max_units)
{
  const char *p;
  guint units = 0;

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      guint width = g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

      if (units + width > max_units)
        break;
      units += width;
    }

  return g_strndup (text, p - text);
}

/* name, or "name (2)", "name (3)" … shortened to fit, that no earlier
 * worksheet has (Excel compares names ignoring case, and keeps
 * "History" for itself). */
static char *
unique_name (const char *name,
             GHashTable *taken)
{
  guint n;

  for (n = 1; ; n++)
    {
      g_autofree char *candidate = NULL;
      g_autofree char *key = NULL;

      if (n == 1)
        candidate = g_strdup (name);
      else
        {
          g_autofree char *suffix = g_strdup_printf (" (%u)", n);
          g_autofree char *stem = truncate_units (name, MAX_NAME_UNITS - strlen (suffix));

          candidate = g_strconcat (g_strchomp (stem), suffix, NULL);
        }

      key = g_utf8_casefold (candidate, -1);
      if (strcmp (key, "history") != 0 && !g_hash_table_contains (taken, key))
        {
          g_hash_table_add (taken, g_steal_pointer (&key));
          return g_steal_pointer (&candidate);
        }
    }
}

static gboolean
check (lxw_error   rc,
       const char *path,
       GError    **error)
{
  g_autofree char *display = NULL;

  if (rc == LXW_NO_ERROR)
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
               _("Could not write the workbook “%s”: %s"), display, lxw_strerror (rc));
  return FALSE;
}

static gboolean
write_sheet (lxw_workbook  *workbook,
             GlossSheet    *sheet,
             const char    *name,
             lxw_format    *bold,
             lxw_format    *percent_format,
             const char    *path,
             GError       **error)
{
  lxw_worksheet *worksheet;
  guint n_columns = gloss_sheet_get_n_columns (sheet);
  guint n_rows = gloss_sheet_get_n_rows (sheet);
  g_autofree guint *widths = NULL;
  guint row, column;

  if (n_rows + 1 > MAX_ROWS || n_columns > MAX_COLUMNS)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("The sheet “%s” has %u rows and %u columns; an XLSX worksheet holds at most %u rows and %u columns"),
                   name, n_rows + 1, n_columns, MAX_ROWS, MAX_COLUMNS);
      return FALSE;
    }

  worksheet = workbook_add_worksheet (workbook, name);
  if (worksheet == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                   _("Could not add the worksheet “%s” to the workbook"), name);
      return FALSE;
    }

  widths = g_new0 (guint, MAX (n_columns, 1));

  for (column = 0; column < n_columns; column++)
    {
      const char *header = gloss_sheet_get_header (sheet, column);

      widths[column] = g_utf8_strlen (header, -1);
      if (!check (worksheet_write_string (worksheet, 0, column, header, bold), path, error))
        return FALSE;
    }

  for (row = 0; row < n_rows; row++)
    for (column = 0; column < n_columns; column++)
      {
        const char *text;
        double value;
        gboolean percent;
        lxw_error rc = LXW_NO_ERROR;
        guint length;

        switch (_gloss_sheet_get_cell (sheet, row, column, &text, &value, &percent))
          {
          case GLOSS_CELL_NUMBER:
            if (isfinite (value))
              rc = worksheet_write_number (worksheet, row + 1, column, value,
                                           percent ? percent_format : NULL);
            break;
          case GLOSS_CELL_TEXT:
            length = g_utf8_strlen (text, -1);
            if (length > MAX_CELL_CHARS)
              {
                /* What a cell can hold; the CSV export keeps it all. */
                g_autofree char *shortened = g_utf8_substring (text, 0, MAX_CELL_CHARS);

                rc = worksheet_write_string (worksheet, row + 1, column, shortened, NULL);
              }
            else if (*text != '\0')
              rc = worksheet_write_string (worksheet, row + 1, column, text, NULL);
            break;
          case GLOSS_CELL_EMPTY:
          default:
            continue;
          }
        if (!check (rc, path, error))
          return FALSE;

        length = g_utf8_strlen (text, -1);
        widths[column] = MAX (widths[column], length);
      }

  for (column = 0; column < n_columns; column++)
    {
      double width = CLAMP (widths[column] + 2.0, MIN_WIDTH, MAX_WIDTH);

      if (!check (worksheet_set_column (worksheet, column, column, width, NULL), path, error))
        return FALSE;
    }

  /* The header stays in view while scrolling. */
  worksheet_freeze_panes (worksheet, 1, 0);

  return TRUE;
}

/**
 * gloss_sheets_write_xlsx:
 * @sheets: (element-type GlossSheet)
 *
 * Writes the workbook to a new file beside path, then renames it over
 * path, so that path is never left half written.
 */
gboolean
gloss_sheets_write_xlsx (GPtrArray   *sheets,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GHashTable) taken = NULL;
  g_autofree char *temp = NULL;
  lxw_workbook *workbook;
  lxw_format *bold, *percent_format;
  lxw_error rc;
  gboolean ok = TRUE;
  guint i;
  int fd;

  g_return_val_if_fail (sheets != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  temp = _gloss_sheet_make_temp (path, &fd, error);
  if (temp == NULL)
    return FALSE;
  close (fd);

  workbook = workbook_new (temp);
  if (workbook == NULL)
    {
      g_unlink (temp);
      return check (LXW_ERROR_MEMORY_MALLOC_FAILED, path, error);
    }

  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  percent_format = workbook_add_format (workbook);
  format_set_num_format (percent_format, "0.00%");

  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (i = 0; i < sheets->len && ok; i++)
    {
      GlossSheet *sheet = g_ptr_array_index (sheets, i);
      g_autofree char *name = unique_name (gloss_sheet_get_name (sheet), taken);

      g_assert (utf16_units (name) <= MAX_NAME_UNITS);
      ok = write_sheet (workbook, sheet, name, bold, percent_format, path, error);
    }

  /* A workbook needs a worksheet. */
  if (ok && sheets->len == 0 && workbook_add_worksheet (workbook, NULL) == NULL)
    ok = check (LXW_ERROR_MEMORY_MALLOC_FAILED, path, error);

  /* Closing writes the file, and frees the workbook in any case. */
  rc = workbook_close (workbook);
  if (!ok)
    {
      g_unlink (temp);
      return FALSE;
    }
  if (rc == LXW_ERROR_CREATING_XLSX_FILE)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (temp);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                   _("Could not write the workbook “%s”: the folder is not writable"), display);
      return FALSE;
    }
  if (!check (rc, path, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  return _gloss_sheet_replace (temp, path, error);
}
