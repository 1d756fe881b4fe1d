/* gloss-sheet.h: a rectangle of cells to export, as CSV or XLSX
 *
 * Every export (the codebook, the coded segments, a table) is first made
 * into a sheet: a name, a header row and rows of cells, each cell text or
 * a number (with the text it shows, so that a CSV holds exactly what the
 * window shows).  A sheet is then written as CSV (RFC 4180, CRLF line
 * ends; for Excel, UTF-8 with a byte-order mark), or several sheets as one
 * XLSX workbook, a worksheet each (libxlsxwriter), numbers as numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSS_SHEET_FORMAT_CSV,
  GLOSS_SHEET_FORMAT_XLSX,
} GlossSheetFormat;

typedef struct _GlossSheet GlossSheet;

#define GLOSS_TYPE_SHEET (gloss_sheet_get_type ())

GType        gloss_sheet_get_type          (void) G_GNUC_CONST;
/* name: the worksheet's name in a workbook (at most 31 characters are
 * kept, and characters Excel forbids in it are replaced). */
GlossSheet  *gloss_sheet_new               (const char         *name);
GlossSheet  *gloss_sheet_ref               (GlossSheet         *self);
void         gloss_sheet_unref             (GlossSheet         *self);

const char  *gloss_sheet_get_name          (GlossSheet         *self);
void         gloss_sheet_set_header        (GlossSheet         *self,
                                            const char * const *names,
                                            gsize               n_names);
void         gloss_sheet_add_header        (GlossSheet         *self,
                                            const char         *name);
/* Starts a new row; the cells added next go into it. */
void         gloss_sheet_begin_row         (GlossSheet         *self);
/* text: (nullable) NULL for an empty cell. */
void         gloss_sheet_add_text          (GlossSheet         *self,
                                            const char         *text);
/* A number; shown: (nullable) how it reads (default: %g).  percent: the
 * number is a fraction that XLSX shows as a percentage. */
void         gloss_sheet_add_number        (GlossSheet         *self,
                                            double              value,
                                            const char         *shown,
                                            gboolean            percent);

guint        gloss_sheet_get_n_columns     (GlossSheet         *self);
guint        gloss_sheet_get_n_rows        (GlossSheet         *self);
const char  *gloss_sheet_get_header        (GlossSheet         *self,
                                            guint               column);
/* The text a cell shows, "" for an empty or missing one. */
const char  *gloss_sheet_get_text          (GlossSheet         *self,
                                            guint               row,
                                            guint               column);
gboolean     gloss_sheet_is_number         (GlossSheet         *self,
                                            guint               row,
                                            guint               column,
                                            double             *value);

/* The sheet as CSV: the header, then the rows. */
GBytes      *gloss_sheet_to_csv            (GlossSheet         *self,
                                            gboolean            excel);
/* Writes sheets (element-type GlossSheet) as one XLSX workbook to path. */
gboolean     gloss_sheets_write_xlsx       (GPtrArray          *sheets,
                                            const char         *path,
                                            GError            **error);
/* Writes one sheet as CSV, or sheets as XLSX, to path (replacing it
 * atomically), or to stdout when path is NULL or "-" (CSV only for more
 * than one sheet: they follow one another, a blank line between). */
gboolean     gloss_sheets_write            (GPtrArray          *sheets,
                                            GlossSheetFormat    format,
                                            gboolean            excel,
                                            const char         *path,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSheet, gloss_sheet_unref)

G_END_DECLS
