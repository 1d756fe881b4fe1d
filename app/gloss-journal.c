/* gloss-journal.c: the undo journal of a project
 *
 * Every change a user makes to the codebook, to codings or to memos is an
 * action.  While an action's transaction runs, triggers copy the before
 * and after image of every row it touches into journal_change, so undo
 * writes the before images back and redo the after images.  The journal
 * lives in the project file: undo works after reopening, and an undo is
 * itself stored at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-error.h"
#include "gloss-journal.h"

typedef struct
{
  const char         *table;
  const char * const *columns;
  int                 schema;    /* the schema version that made the table */
} JournalTable;

static const char * const code_columns[] = {
  "id", "guid", "parent_id", "name", "description", "colour", "position", "pin",
  "created_by", "created_at", "changed_at", NULL
};
static const char * const coding_columns[] = {
  "id", "guid", "document_id", "code_id", "coder_id", "start", "end", "quote", "memo",
  "created_at", "changed_at", NULL
};
static const char * const memo_columns[] = {
  "id", "guid", "target", "target_id", "coder_id", "text", "created_at", "changed_at", NULL
};

static const char * const attribute_columns[] = {
  "id", "guid", "name", "type", "choices", "position", "created_at", NULL
};
static const char * const document_attribute_columns[] = {
  "id", "document_id", "attribute_id", "value", NULL
};

static const char * const review_columns[] = {
  "id", "guid", "coding_id", "reviewer_id", "verdict", "comment", "created_at", "changed_at", NULL
};

static const JournalTable tables[] = {
  { "code", code_columns, 3 },
  { "coding", coding_columns, 3 },
  { "memo", memo_columns, 3 },
  { "attribute", attribute_columns, 4 },
  { "document_attribute", document_attribute_columns, 4 },
  { "review", review_columns, 5 },
};

static const JournalTable *
find_table (const char *name)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].table, name) == 0)
      return &tables[i];

  return NULL;
}

static void
append_json_object (GString            *sql,
                    const char         *row,
                    const char * const *columns)
{
  guint i;

  g_string_append (sql, "json_object (");
  for (i = 0; columns[i]; i++)
    g_string_append_printf (sql, "%s'%s', %s.\"%s\"", i ? ", " : "", columns[i], row, columns[i]);
  g_string_append (sql, ")");
}

/* What migrating to schema version adds: at 3 the journal's tables; at
 * each version one trigger per kind of change on each table it made. */
char *
gloss_journal_schema_sql (int version)
{
  GString *sql = g_string_new (NULL);
  gsize i;

  if (version == 3)
    g_string_append (sql,
                     "CREATE TABLE journal_action ("
                     "  id         INTEGER PRIMARY KEY,"
                     "  label      TEXT NOT NULL,"
                     "  created_at TEXT NOT NULL,"
                     "  undone     INTEGER NOT NULL DEFAULT 0"
                     ");"
                     "CREATE TABLE journal_change ("
                     "  id        INTEGER PRIMARY KEY,"
                     "  action_id INTEGER NOT NULL REFERENCES journal_action (id) ON DELETE CASCADE,"
                     "  tbl       TEXT NOT NULL,"
                     "  row_id    INTEGER NOT NULL,"
                     "  old       TEXT,"
                     "  new       TEXT"
                     ");"
                     "CREATE INDEX journal_change_action ON journal_change (action_id);"
                     "CREATE TABLE journal_state ("
                     "  one       INTEGER PRIMARY KEY CHECK (one = 1),"
                     "  action_id INTEGER"
                     ");"
                     "INSERT INTO journal_state VALUES (1, NULL);");

  for (i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      const char *t = tables[i].table;
      const char * const *cols = tables[i].columns;

      if (tables[i].schema != version)
        continue;

      g_string_append_printf (sql,
                              "CREATE TRIGGER journal_%s_insert AFTER INSERT ON %s"
                              " WHEN (SELECT action_id FROM journal_state) IS NOT NULL BEGIN"
                              " INSERT INTO journal_change (action_id, tbl, row_id, old, new)"
                              " VALUES ((SELECT action_id FROM journal_state), '%s', new.id, NULL, ",
                              t, t, t);
      append_json_object (sql, "new", cols);
      g_string_append (sql, "); END;");

      g_string_append_printf (sql,
                              "CREATE TRIGGER journal_%s_update AFTER UPDATE ON %s"
                              " WHEN (SELECT action_id FROM journal_state) IS NOT NULL BEGIN"
                              " INSERT INTO journal_change (action_id, tbl, row_id, old, new)"
                              " VALUES ((SELECT action_id FROM journal_state), '%s', old.id, ",
                              t, t, t);
      append_json_object (sql, "old", cols);
      g_string_append (sql, ", ");
      append_json_object (sql, "new", cols);
      g_string_append (sql, "); END;");

      g_string_append_printf (sql,
                              "CREATE TRIGGER journal_%s_delete AFTER DELETE ON %s"
                              " WHEN (SELECT action_id FROM journal_state) IS NOT NULL BEGIN"
                              " INSERT INTO journal_change (action_id, tbl, row_id, old, new)"
                              " VALUES ((SELECT action_id FROM journal_state), '%s', old.id, ",
                              t, t, t);
      append_json_object (sql, "old", cols);
      g_string_append (sql, ", NULL); END;");
    }

  return g_string_free (sql, FALSE);
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                   _("The project cannot be written (%s)"), sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_journal_begin:
 *
 * Starts recording an action; call inside the action's transaction.  An
 * action that changes something drops what could have been redone.
 */
gboolean
gloss_journal_begin (sqlite3     *db,
                     const char  *label,
                     GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autofree char *sql = NULL;
  char *quoted;

  quoted = sqlite3_mprintf ("INSERT INTO journal_action (label, created_at) VALUES (%Q, %Q);"
                            "UPDATE journal_state SET action_id = last_insert_rowid ();",
                            label, when);
  sql = g_strdup (quoted);
  sqlite3_free (quoted);

  return exec (db, sql, error);
}

/* Stops recording; an action that changed nothing leaves no trace. */
gboolean
gloss_journal_end (sqlite3     *db,
                   GError     **error)
{
  return exec (db,
               /* Only an action that changed something ends what could be
                * redone. */
               "DELETE FROM journal_action WHERE undone = 1 AND EXISTS ("
               "  SELECT 1 FROM journal_change"
               "  WHERE action_id = (SELECT action_id FROM journal_state));"
               "DELETE FROM journal_action WHERE id = (SELECT action_id FROM journal_state)"
               " AND NOT EXISTS (SELECT 1 FROM journal_change"
               "                 WHERE action_id = (SELECT action_id FROM journal_state));"
               "UPDATE journal_state SET action_id = NULL;"
               /* Keep the journal from growing without end. */
               "DELETE FROM journal_action WHERE id < (SELECT max (id) - 5000 FROM journal_action);",
               error);
}

static gint64
next_action (sqlite3  *db,
             gboolean  redo,
             char    **label)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  sqlite3_prepare_v2 (db,
                      redo
                      ? "SELECT id, label FROM journal_action WHERE undone = 1 ORDER BY id ASC LIMIT 1"
                      : "SELECT id, label FROM journal_action WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                      -1, &stmt, NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (label != NULL)
        *label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);

  return id;
}

gboolean
gloss_journal_peek (sqlite3  *db,
                    gboolean  redo,
                    char    **label)
{
  return next_action (db, redo, label) != 0;
}

static char *
restore_sql (const JournalTable *table,
             gboolean            insert)
{
  GString *sql = g_string_new (NULL);
  guint i;

  if (insert)
    {
      g_string_append_printf (sql, "INSERT INTO %s (", table->table);
      for (i = 0; table->columns[i]; i++)
        g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", table->columns[i]);
      g_string_append (sql, ") VALUES (");
      for (i = 0; table->columns[i]; i++)
        g_string_append_printf (sql, "%sjson_extract (?1, '$.%s')", i ? ", " : "", table->columns[i]);
      g_string_append (sql, ")");
    }
  else
    {
      g_string_append_printf (sql, "UPDATE %s SET ", table->table);
      for (i = 1; table->columns[i]; i++)
        g_string_append_printf (sql, "%s\"%s\" = json_extract (?1, '$.%s')",
                                i > 1 ? ", " : "", table->columns[i], table->columns[i]);
      g_string_append (sql, " WHERE id = ?2");
    }

  return g_string_free (sql, FALSE);
}

/* Writes one row image back: NULL image deletes the row. */
static int
apply_image (sqlite3    *db,
             const char *tbl,
             gint64      row_id,
             const char *image,
             gboolean    existed)
{
  const JournalTable *table = find_table (tbl);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (table == NULL)
    return SQLITE_CORRUPT;

  if (image == NULL)
    {
      char *del = sqlite3_mprintf ("DELETE FROM %s WHERE id = ?2", table->table);

      sql = g_strdup (del);
      sqlite3_free (del);
    }
  else
    sql = restore_sql (table, !existed);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      if (image != NULL)
        sqlite3_bind_text (stmt, 1, image, -1, SQLITE_TRANSIENT);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        sqlite3_bind_int64 (stmt, 2, row_id);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);

  return rc;
}

/**
 * gloss_journal_replay:
 * @redo: %FALSE to undo the last action, %TRUE to redo the next one
 *
 * Call inside a write transaction with foreign key checks deferred.
 * Returns %FALSE without error when there is nothing to do.
 */
gboolean
gloss_journal_replay (sqlite3     *db,
                      gboolean     redo,
                      char       **label,
                      int         *rc_out,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 action;
  int rc;

  *rc_out = SQLITE_OK;

  action = next_action (db, redo, label);
  if (action == 0)
    return FALSE;

  rc = sqlite3_prepare_v2 (db,
                           redo
                           ? "SELECT tbl, row_id, old, new FROM journal_change WHERE action_id = ?1 ORDER BY id ASC"
                           : "SELECT tbl, row_id, old, new FROM journal_change WHERE action_id = ?1 ORDER BY id DESC",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, action);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *tbl = (const char *) sqlite3_column_text (stmt, 0);
          gint64 row_id = sqlite3_column_int64 (stmt, 1);
          const char *old = (const char *) sqlite3_column_text (stmt, 2);
          const char *new = (const char *) sqlite3_column_text (stmt, 3);
          /* Undo writes the old image over the new state, redo the new
           * image over the old state. */
          const char *target = redo ? new : old;
          const char *current = redo ? old : new;

          rc = apply_image (db, tbl, row_id, target, current != NULL);
          if (rc != SQLITE_OK)
            break;
        }
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_OK)
    {
      char *sql = sqlite3_mprintf ("UPDATE journal_action SET undone = %d WHERE id = %lld",
                                   redo ? 0 : 1, (long long) action);

      rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
      sqlite3_free (sql);
    }

  if (rc != SQLITE_OK)
    {
      *rc_out = rc;
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                   redo ? _("The change cannot be redone (%s)") : _("The change cannot be undone (%s)"),
                   sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* Removes the action that undo (or redo) would replay next. */
void
gloss_journal_discard_next (sqlite3  *db,
                            gboolean  redo)
{
  gint64 action = next_action (db, redo, NULL);
  char *sql;

  if (action == 0)
    return;

  sql = sqlite3_mprintf ("DELETE FROM journal_action WHERE id = %lld", (long long) action);
  sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_free (sql);
}

/* Removes from the history every action that touched a document's
 * codings or memos; call when the document is deleted. */
gboolean
gloss_journal_forget_document (sqlite3     *db,
                               gint64       document_id,
                               GError     **error)
{
  g_autofree char *sql = NULL;
  char *text;

  text = sqlite3_mprintf ("DELETE FROM journal_action WHERE id IN ("
                          "  SELECT action_id FROM journal_change WHERE"
                          "  (tbl = 'coding' AND (json_extract (old, '$.document_id') = %lld"
                          "                    OR json_extract (new, '$.document_id') = %lld))"
                          "  OR (tbl = 'memo' AND (json_extract (ifnull (old, new), '$.target') = 'document'"
                          "                    AND json_extract (ifnull (old, new), '$.target_id') = %lld))"
                          "  OR (tbl = 'document_attribute'"
                          "      AND json_extract (ifnull (old, new), '$.document_id') = %lld))",
                          (long long) document_id, (long long) document_id, (long long) document_id,
                          (long long) document_id);
  sql = g_strdup (text);
  sqlite3_free (text);

  return exec (db, sql, error);
}
