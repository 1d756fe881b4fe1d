/* gloss-project.h: a Gloss project, one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gloss-document.h"
#include "gloss-layout.h"

G_BEGIN_DECLS

#define GLOSS_PROJECT_SCHEMA_VERSION 5

#define GLOSS_TYPE_PROJECT (gloss_project_get_type ())

G_DECLARE_FINAL_TYPE (GlossProject, gloss_project, GLOSS, PROJECT, GObject)

/* All methods may be called from any thread: calls are serialised on the
 * project's own connection.  Methods that change documents emit
 * "documents-changed" (no arguments) on the main context afterwards.
 * gloss_project_search() takes an FTS5 query and returns the ids (gint64)
 * of the matching documents, best first.  gloss_project_dup_document_password()
 * gives the password a PDF was imported with (NULL when none was needed).
 * The GlossDocument objects returned are snapshots, owned by the caller. */

GlossProject  *gloss_project_create                (const char     *path,
                                                    const char     *name,
                                                    GError        **error);
GlossProject  *gloss_project_open                  (const char     *path,
                                                    GError        **error);
/* For reading only: no structural check, no writes (see gloss-project.c). */
GlossProject  *gloss_project_open_read_only        (const char     *path,
                                                    GError        **error);
const char    *gloss_project_get_path              (GlossProject   *self);
const char    *gloss_project_get_name              (GlossProject   *self);
const char    *gloss_project_get_guid              (GlossProject   *self);
GPtrArray     *gloss_project_list_documents        (GlossProject   *self,
                                                    GError        **error);
GlossDocument *gloss_project_get_document          (GlossProject   *self,
                                                    gint64          id,
                                                    GError        **error);
GlossDocument *gloss_project_lookup_document       (GlossProject   *self,
                                                    const char     *name_or_guid,
                                                    GError        **error);
gboolean       gloss_project_rename_document       (GlossProject   *self,
                                                    gint64          id,
                                                    const char     *name,
                                                    GError        **error);
gboolean       gloss_project_delete_document       (GlossProject   *self,
                                                    gint64          id,
                                                    GError        **error);
GBytes        *gloss_project_load_document_bytes   (GlossProject   *self,
                                                    gint64          id,
                                                    GError        **error);
char          *gloss_project_load_document_text    (GlossProject   *self,
                                                    gint64          id,
                                                    GError        **error);
char          *gloss_project_dup_document_password (GlossProject   *self,
                                                    gint64          id);
GlossLayout   *gloss_project_load_layout           (GlossProject   *self,
                                                    gint64          id,
                                                    GError        **error);
GArray        *gloss_project_search                (GlossProject   *self,
                                                    const char     *query,
                                                    GError        **error);
GlossDocument *gloss_project_import_file           (GlossProject   *self,
                                                    GFile          *file,
                                                    const char     *password,
                                                    GCancellable   *cancellable,
                                                    GError        **error);
gboolean       gloss_project_check_integrity       (GlossProject   *self,
                                                    GError        **error);
void           gloss_project_notify_documents_changed (GlossProject *self);

G_END_DECLS
