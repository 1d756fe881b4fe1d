/* gloss-sheet-private.h: what the XLSX writer needs of a sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-sheet.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_CELL_EMPTY,
  GLOSS_CELL_TEXT,
  GLOSS_CELL_NUMBER,
} GlossCellKind;

/* One cell: its kind, the text it shows ("" when empty), and for a number
 * its value and whether it is a fraction shown as a percentage. */
GlossCellKind _gloss_sheet_get_cell   (GlossSheet   *self,
                                       guint         row,
                                       guint         column,
                                       const char  **text,
                                       double       *value,
                                       gboolean     *percent);

/* A new file beside path (same folder, so that a rename replaces path
 * atomically), open for writing as *fd; its path, or NULL with error set. */
char         *_gloss_sheet_make_temp  (const char   *path,
                                       int          *fd,
                                       GError      **error);
/* Renames temp over path, or removes temp and sets error. */
gboolean      _gloss_sheet_replace    (const char   *temp,
                                       const char   *path,
                                       GError      **error);
/* "Could not write “path”: reason" in the GLOSS_ERROR domain. */
void          _gloss_sheet_set_write_error (GError  **error,
                                       const char   *path,
                                       int           saved_errno);

G_END_DECLS
