/* gloss-export.h: the project's codebook, coded segments and tables as
 * sheets for export, and the import of a codebook
 *
 * These are methods of GlossProject, kept apart by concern.  Each reads one
 * consistent snapshot of the store (one read transaction) and may be
 * called from any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss-project.h"
#include "gloss-sheet.h"
#include "gloss-table.h"

G_BEGIN_DECLS

/* One row per code, depth first, with the columns
 * guid, path, name, parent_path, description, colour, codings, documents,
 * created_by, created_at (codings and documents: the code's own). */
GlossSheet  *gloss_project_export_codebook   (GlossProject   *self,
                                              GError        **error);

/* One row per coding that filter admits (NULL: all), by document and
 * start, with the columns document, document_guid, page (from 1), start,
 * end (code points, end exclusive), code_path, coder, quote, memo,
 * created_at, then one column per document attribute, by position. */
GlossSheet  *gloss_project_export_segments   (GlossProject   *self,
                                              const GlossCodingFilter *filter,
                                              GError        **error);

/* The table as shown: first column "code" (the code's path), then one
 * column per table column (its label; "(no value)" for the documents
 * without a value), then "total"; a last row "total" with the column
 * totals. */
GlossSheet  *gloss_table_to_sheet            (GlossTable     *table,
                                              const char     *name);

/* What gloss_project_import_codebook() did. */
typedef struct
{
  guint  n_rows;
  guint  n_added;       /* codes made */
  guint  n_updated;     /* existing codes whose description or colour changed */
  guint  n_unchanged;
} GlossCodebookImport;

/* Merges a codebook CSV into the project's codebook by path: the header
 * names the columns, of which path is required and guid, description,
 * colour, name and parent_path are used when present (others are
 * ignored).  A path missing from the codebook is made (with its parents)
 * with the guid, description and colour given; an existing code takes the
 * description and colour given (a blank cell keeps its own).  A row with
 * no path, a malformed colour, a guid already used by another code, or a
 * name/parent_path that disagrees with its path is refused: the call
 * fails with %GLOSS_ERROR_INVALID naming every bad row by line, and
 * nothing is written.  One undoable action. */
gboolean     gloss_project_import_codebook   (GlossProject   *self,
                                              const char     *data,
                                              gsize           length,
                                              GlossCodebookImport *result,
                                              GError        **error);

G_END_DECLS
