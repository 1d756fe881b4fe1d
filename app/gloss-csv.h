/* gloss-csv.h: comma-separated values as RFC 4180 describes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One record: its fields, and the line of the file where it starts
 * (counting from 1; a field may span lines). */
typedef struct
{
  char  **fields;     /* NULL-terminated, never empty */
  guint   n_fields;
  guint   line;
} GlossCsvRecord;

void        gloss_csv_record_free    (GlossCsvRecord     *record);

/* Parses a whole file: an optional UTF-8 byte-order mark, records ended by
 * CRLF, LF or CR (the last one may have none), fields separated by commas,
 * a quoted field holding commas, line ends and "" for a quote.  Text that
 * is not UTF-8 is read as Windows-1252 (what spreadsheets on Windows
 * save).  An unterminated quote, a quote inside an unquoted field or text
 * after a closing quote fails with %GLOSS_ERROR_INVALID and a message
 * naming the line.
 *
 * Returns: (transfer full) (element-type GlossCsvRecord): the records */
GPtrArray  *gloss_csv_parse          (const char         *data,
                                      gsize               length,
                                      GError            **error);

/* Appends a field, quoted when it holds a comma, a quote, a line end or
 * leading or trailing spaces. */
void        gloss_csv_append_field   (GString            *out,
                                      const char         *field);
/* Appends fields separated by commas and ended by CRLF. */
void        gloss_csv_append_row     (GString            *out,
                                      const char * const *fields,
                                      gsize               n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossCsvRecord, gloss_csv_record_free)

G_END_DECLS
