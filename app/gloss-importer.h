/* gloss-importer.h: imports many files into a project off the main thread,
 * with progress and cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-project.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_IMPORT_IMPORTED,
  GLOSS_IMPORT_DUPLICATE,
  GLOSS_IMPORT_REFUSED,
  GLOSS_IMPORT_CANCELLED,
} GlossImportStatus;

typedef struct _GlossImportResult GlossImportResult;

GFile             *gloss_import_result_get_file      (const GlossImportResult *result);
GlossImportStatus  gloss_import_result_get_status    (const GlossImportResult *result);
/* The new document, or for a duplicate the one already there; else NULL. */
GlossDocument     *gloss_import_result_get_document  (const GlossImportResult *result);
/* Why the file was refused (or a duplicate); else NULL. */
const GError      *gloss_import_result_get_error     (const GlossImportResult *result);

#define GLOSS_TYPE_IMPORTER (gloss_importer_get_type ())

G_DECLARE_FINAL_TYPE (GlossImporter, gloss_importer, GLOSS, IMPORTER, GObject)

GlossImporter           *gloss_importer_new           (GlossProject        *project);
/* A folder is searched for files (hidden ones skipped). */
void                     gloss_importer_add_file      (GlossImporter       *self,
                                                       GFile               *file,
                                                       const char          *password);
/* Emits "progress" (guint done, guint total, const char *name) and
 * "file-done" (gpointer GlossImportResult*) on the calling thread's main
 * context while running. */
void                     gloss_importer_run_async     (GlossImporter       *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean                 gloss_importer_run_finish    (GlossImporter       *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
gboolean                 gloss_importer_run           (GlossImporter       *self,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
guint                    gloss_importer_get_n_results (GlossImporter       *self);
const GlossImportResult *gloss_importer_get_result    (GlossImporter       *self,
                                                       guint                index);

G_END_DECLS
