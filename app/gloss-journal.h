/* gloss-journal.h: the undo journal (engine-internal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char     *gloss_journal_schema_sql  (int          version);
gboolean  gloss_journal_begin       (sqlite3     *db,
                                     const char  *label,
                                     GError     **error);
gboolean  gloss_journal_end         (sqlite3     *db,
                                     GError     **error);
gboolean  gloss_journal_peek        (sqlite3     *db,
                                     gboolean     redo,
                                     char       **label);
gboolean  gloss_journal_replay      (sqlite3     *db,
                                     gboolean     redo,
                                     char       **label,
                                     int         *rc,
                                     GError     **error);

void      gloss_journal_discard_next (sqlite3    *db,
                                      gboolean    redo);
gboolean  gloss_journal_forget_document (sqlite3  *db,
                                         gint64    document_id,
                                         GError  **error);

G_END_DECLS
