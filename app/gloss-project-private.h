/* gloss-project-private.h: engine-internal parts of GlossProject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gloss-extract.h"
#include "gloss-project.h"

G_BEGIN_DECLS

GlossDocument *gloss_project_find_by_sha256        (GlossProject     *self,
                                                    const char       *sha256);
GlossDocument *gloss_project_add_document          (GlossProject     *self,
                                                    const char       *name,
                                                    GBytes           *bytes,
                                                    const char       *sha256,
                                                    const char       *password,
                                                    GlossExtraction  *extraction,
                                                    GError          **error);
sqlite3       *gloss_project_get_db                (GlossProject     *self);
GRecMutex     *gloss_project_get_lock              (GlossProject     *self);
gboolean       gloss_project_begin_action          (GlossProject     *self,
                                                    const char       *label,
                                                    GError          **error);
gboolean       gloss_project_end_action            (GlossProject     *self,
                                                    gboolean          ok,
                                                    GError          **error);
void           gloss_project_set_error             (GlossProject     *self,
                                                    GError          **error,
                                                    int               rc);
/* A statement on the project's connection; NULL with @error set on failure. */
sqlite3_stmt  *gloss_project_prepare               (GlossProject     *self,
                                                    const char       *sql,
                                                    GError          **error);
void           gloss_project_notify_codes_changed  (GlossProject     *self);
void           gloss_project_notify_codings_changed (GlossProject    *self);
/* For tests of migrations: a new project file at an older schema. */
gboolean       gloss_project_create_at_version     (const char       *path,
                                                    int               version,
                                                    GError          **error);

char          *gloss_now_iso8601                   (void);

G_END_DECLS
