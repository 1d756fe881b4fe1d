/* gloss-codebook-private.h: helpers shared by gloss-codebook.c and
 * gloss-codings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gloss-project-private.h"

G_BEGIN_DECLS

#define LOCK(self) g_rec_mutex_lock (gloss_project_get_lock (self))
#define UNLOCK(self) g_rec_mutex_unlock (gloss_project_get_lock (self))
#define DB(self) gloss_project_get_db (self)

/* Every code with its path ("Parent/Child") and a key that sorts it in
 * tree order, as the table "tree". */
#define CODE_TREE \
  "WITH RECURSIVE tree (id, path, sortkey) AS (" \
  "  SELECT id, name, printf ('%08d', position) FROM code WHERE parent_id IS NULL" \
  "  UNION ALL" \
  "  SELECT c.id, tree.path || '/' || c.name, tree.sortkey || '/' || printf ('%08d', c.position)" \
  "  FROM code c JOIN tree ON c.parent_id = tree.id" \
  ") "

/* Steps a statement that returns no rows, and finalizes it. */
gboolean      _gloss_codebook_run          (GlossProject  *self,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);
/* The first column of the first row (binding ?1 to a and ?2 to text, if
 * given), or 0. */
gint64        _gloss_codebook_query_id     (GlossProject  *self,
                                            const char    *sql,
                                            gint64         a,
                                            const char    *text);
/* Runs sql with ?1 = a, ?2 = b and, if it has it, ?3 = now. */
gboolean      _gloss_codebook_exec_bound   (GlossProject  *self,
                                            const char    *sql,
                                            gint64         a,
                                            gint64         b,
                                            GError       **error);
gboolean      _gloss_codebook_code_exists  (GlossProject  *self,
                                            gint64         id);
/* Inside an action: a new code, last among its siblings, with the GUID
 * given (or a new one when NULL) and the colour given (or the next of the
 * palette when NULL).  Returns its id, or 0 with error set. */
gint64        _gloss_codebook_insert_code  (GlossProject  *self,
                                            gint64         parent_id,
                                            const char    *name,
                                            const char    *guid,
                                            const char    *colour,
                                            const char    *description,
                                            GError       **error);
/* An action: one write transaction, recorded in the undo journal; ending
 * it emits "codes-changed" and/or "codings-changed" when it committed. */
gboolean      _gloss_codebook_begin_action (GlossProject  *self,
                                            const char    *label,
                                            GError       **error);
gboolean      _gloss_codebook_end_action   (GlossProject  *self,
                                            gboolean       ok,
                                            gboolean       codes,
                                            gboolean       codings,
                                            GError       **error);

G_END_DECLS
