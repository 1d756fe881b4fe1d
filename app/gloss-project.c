/* gloss-project.c: a Gloss project, one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gloss-error.h"
#include "gloss-journal.h"
#include "gloss-project.h"
#include "gloss-project-private.h"

/* 'GLSS' in the database header: what marks a SQLite file as ours. */
#define GLOSS_APPLICATION_ID 0x474C5353
#define BUSY_TIMEOUT_MS 5000

struct _GlossProject
{
  GObject       parent_instance;
  GRecMutex     lock;
  sqlite3      *db;
  char         *path;
  char         *name;
  char         *guid;
  GMainContext *context;
};

G_DEFINE_FINAL_TYPE (GlossProject, gloss_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_NAME,
  N_PROPS
};

enum {
  DOCUMENTS_CHANGED,
  CODES_CHANGED,
  CODINGS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Forward migrations: step i takes a project from schema i to i + 1. */
/* A deleted row of table leaves its GUID and the time (UTC, in the same
 * form as the change times: microseconds and Z) in tombstone; a row
 * inserted again takes it away. */
#define TOMBSTONE_TRIGGERS(table) \
  "CREATE TRIGGER tombstone_" table "_delete AFTER DELETE ON " table " BEGIN" \
  "  INSERT OR REPLACE INTO tombstone (guid, kind, deleted_at)" \
  "  VALUES (old.guid, '" table "', strftime ('%Y-%m-%dT%H:%M:%f000Z', 'now'));" \
  "END;" \
  "CREATE TRIGGER tombstone_" table "_insert AFTER INSERT ON " table " BEGIN" \
  "  DELETE FROM tombstone WHERE guid = new.guid;" \
  "END;"

static const char * const migrations[GLOSS_PROJECT_SCHEMA_VERSION] = {
  /* 0 → 1: documents, their bytes, their pages with glyph boxes. */
  "CREATE TABLE project ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT"
  ");"
  "CREATE TABLE document ("
  "  id          INTEGER PRIMARY KEY,"
  "  guid        TEXT NOT NULL UNIQUE,"
  "  name        TEXT NOT NULL,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('pdf', 'text')),"
  "  sha256      TEXT NOT NULL UNIQUE,"
  "  size        INTEGER NOT NULL,"
  "  pages       INTEGER NOT NULL,"
  "  chars       INTEGER NOT NULL,"
  "  text        TEXT NOT NULL,"
  "  imported_at TEXT NOT NULL"
  ");"
  "CREATE TABLE document_bytes ("
  "  document_id INTEGER PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,"
  "  bytes       BLOB NOT NULL"
  ");"
  "CREATE TABLE page ("
  "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  number      INTEGER NOT NULL,"
  "  start       INTEGER NOT NULL,"
  "  \"end\"     INTEGER NOT NULL,"
  "  width       REAL NOT NULL,"
  "  height      REAL NOT NULL,"
  "  rects       BLOB,"
  "  PRIMARY KEY (document_id, number)"
  ") WITHOUT ROWID;",

  /* 1 → 2: passwords of encrypted PDFs (the viewer needs them to render),
   * and the full-text index over names and canonical texts. */
  "ALTER TABLE document ADD COLUMN password TEXT;"
  "CREATE VIRTUAL TABLE document_fts USING fts5 ("
  "  name, text, content = 'document', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO document_fts (document_fts) VALUES ('rebuild');"
  "CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN"
  "  INSERT INTO document_fts (rowid, name, text) VALUES (new.id, new.name, new.text);"
  "END;"
  "CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN"
  "  INSERT INTO document_fts (document_fts, rowid, name, text)"
  "    VALUES ('delete', old.id, old.name, old.text);"
  "END;"
  "CREATE TRIGGER document_fts_update AFTER UPDATE OF name, text ON document BEGIN"
  "  INSERT INTO document_fts (document_fts, rowid, name, text)"
  "    VALUES ('delete', old.id, old.name, old.text);"
  "  INSERT INTO document_fts (rowid, name, text) VALUES (new.id, new.name, new.text);"
  "END;",

  /* 2 → 3: coders, the codebook, codings, memos, and (added by
   * gloss_journal_schema_sql()) the undo journal. */
  "CREATE TABLE coder ("
  "  id         INTEGER PRIMARY KEY,"
  "  guid       TEXT NOT NULL UNIQUE,"
  "  name       TEXT NOT NULL UNIQUE,"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE TABLE code ("
  "  id          INTEGER PRIMARY KEY,"
  "  guid        TEXT NOT NULL UNIQUE,"
  "  parent_id   INTEGER REFERENCES code (id) ON DELETE CASCADE,"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  colour      TEXT NOT NULL,"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  pin         INTEGER UNIQUE CHECK (pin BETWEEN 1 AND 9),"
  "  created_by  INTEGER REFERENCES coder (id),"
  "  created_at  TEXT NOT NULL,"
  "  changed_at  TEXT NOT NULL"
  ");"
  "CREATE UNIQUE INDEX code_sibling_name ON code (ifnull (parent_id, 0), name);"
  "CREATE TABLE coding ("
  "  id          INTEGER PRIMARY KEY,"
  "  guid        TEXT NOT NULL UNIQUE,"
  "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  code_id     INTEGER NOT NULL REFERENCES code (id) ON DELETE CASCADE,"
  "  coder_id    INTEGER NOT NULL REFERENCES coder (id),"
  "  start       INTEGER NOT NULL,"
  "  \"end\"       INTEGER NOT NULL,"
  "  quote       TEXT NOT NULL,"
  "  memo        TEXT NOT NULL DEFAULT '',"
  "  created_at  TEXT NOT NULL,"
  "  changed_at  TEXT NOT NULL,"
  "  CHECK (0 <= start AND start < \"end\")"
  ");"
  "CREATE UNIQUE INDEX coding_same ON coding (document_id, code_id, coder_id, start, \"end\");"
  "CREATE INDEX coding_code ON coding (code_id);"
  "CREATE INDEX coding_coder ON coding (coder_id);"
  "CREATE TABLE memo ("
  "  id         INTEGER PRIMARY KEY,"
  "  guid       TEXT NOT NULL UNIQUE,"
  "  target     TEXT NOT NULL CHECK (target IN ('project', 'document', 'code')),"
  "  target_id  INTEGER NOT NULL,"
  "  coder_id   INTEGER NOT NULL REFERENCES coder (id),"
  "  text       TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  changed_at TEXT NOT NULL,"
  "  UNIQUE (target, target_id, coder_id)"
  ");"
  "CREATE TRIGGER document_memo_delete AFTER DELETE ON document BEGIN"
  "  DELETE FROM memo WHERE target = 'document' AND target_id = old.id;"
  "END;",

  /* 3 → 4: typed attributes of documents (a choice's values are a JSON
   * array of strings).  A value has its own id for the undo journal. */
  "CREATE TABLE attribute ("
  "  id         INTEGER PRIMARY KEY,"
  "  guid       TEXT NOT NULL UNIQUE,"
  "  name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0),"
  "  type       TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice')),"
  "  choices    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (choices)),"
  "  position   INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE TABLE document_attribute ("
  "  id           INTEGER PRIMARY KEY,"
  "  document_id  INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  attribute_id INTEGER NOT NULL REFERENCES attribute (id) ON DELETE CASCADE,"
  "  value        TEXT NOT NULL,"
  "  UNIQUE (document_id, attribute_id)"
  ");"
  "CREATE INDEX document_attribute_attribute ON document_attribute (attribute_id);",

  /* 4 → 5: team work.  Reviews of codings; tombstones, so that a merge
   * can tell a row a colleague deleted from one we never had (a row put
   * back, by undo or by a merge, loses its tombstone); and the merges
   * made, with what they did. */
  "CREATE TABLE review ("
  "  id          INTEGER PRIMARY KEY,"
  "  guid        TEXT NOT NULL UNIQUE,"
  "  coding_id   INTEGER NOT NULL REFERENCES coding (id) ON DELETE CASCADE,"
  "  reviewer_id INTEGER NOT NULL REFERENCES coder (id),"
  "  verdict     TEXT NOT NULL CHECK (verdict IN ('agree', 'dispute')),"
  "  comment     TEXT NOT NULL DEFAULT '',"
  "  created_at  TEXT NOT NULL,"
  "  changed_at  TEXT NOT NULL,"
  "  UNIQUE (coding_id, reviewer_id)"
  ");"
  "CREATE INDEX review_reviewer ON review (reviewer_id);"
  /* The codebook's counts (codings and documents per code) from the index
   * alone, without reading each coding's row. */
  "DROP INDEX coding_code;"
  "CREATE INDEX coding_code ON coding (code_id, document_id, coder_id);"
  "CREATE TABLE tombstone ("
  "  guid       TEXT PRIMARY KEY,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('code', 'coding', 'memo', 'review')),"
  "  deleted_at TEXT NOT NULL"
  ") WITHOUT ROWID;"
  TOMBSTONE_TRIGGERS ("code")
  TOMBSTONE_TRIGGERS ("coding")
  TOMBSTONE_TRIGGERS ("memo")
  TOMBSTONE_TRIGGERS ("review")
  "CREATE TABLE merge_log ("
  "  id           INTEGER PRIMARY KEY,"
  "  source_guid  TEXT NOT NULL,"
  "  source_path  TEXT NOT NULL,"
  "  merged_at    TEXT NOT NULL,"
  "  summary      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (summary))"
  ");",
};

static void
set_sqlite_error (GError    **error,
                  sqlite3    *db,
                  int         rc,
                  const char *path)
{
  g_autofree char *display = g_filename_display_basename (path ? path : "");
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IN_USE,
                   _("The project “%s” is in use by another program; try again in a moment"),
                   display);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DAMAGED,
                   _("The project “%s” is damaged (%s)"), display, detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Gloss project"), display);
      break;
    case SQLITE_FULL:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NO_SPACE,
                   _("The disk is full: the change to “%s” was not saved"), display);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_READ_ONLY,
                   _("The project “%s” cannot be written: the file or its folder is read-only"),
                   display);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                   _("The project “%s” cannot be opened (%s)"), display, detail);
      break;
    default:
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                   _("The project “%s” cannot be read or written (%s)"), display, detail);
    }
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *path,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    set_sqlite_error (error, db, rc, path);
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

static gboolean
migrate (sqlite3     *db,
         const char  *path,
         int          target,
         GError     **error)
{
  gint64 version = 0;
  int step;

  /* Only a project that needs migrating takes the write lock here. */
  if (!query_int (db, path, "PRAGMA user_version", &version, error))
    return FALSE;
  if (version >= target)
    return TRUE;

  if (!exec_sql (db, path, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!query_int (db, path, "PRAGMA user_version", &version, error))
    goto fail;

  for (step = version; step < target; step++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", step + 1);

      g_debug ("Migrating %s from schema %d to %d", path, step, step + 1);
      if (!exec_sql (db, path, migrations[step], error))
        goto fail;
      {
        /* The undo journal's tables (at 3) and triggers for the tables
         * each schema adds. */
        g_autofree char *journal = gloss_journal_schema_sql (step + 1);

        if (*journal != '\0' && !exec_sql (db, path, journal, error))
          goto fail;
      }
      if (!exec_sql (db, path, bump, error))
        goto fail;
    }

  return exec_sql (db, path, "COMMIT", error);

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Reads the header of the file before SQLite touches it, so that a file
 * that is not ours, or is from a newer Gloss, is left exactly as it was. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  guchar header[100];
  guint32 app_id, version;
  FILE *file;
  gsize n;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, GLOSS_ERROR,
                   saved == ENOENT ? GLOSS_ERROR_NOT_FOUND : GLOSS_ERROR_FAILED,
                   _("Cannot open “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a Gloss project"), display);
      return FALSE;
    }

  version = GUINT32_FROM_BE (*(guint32 *) (header + 60));
  app_id = GUINT32_FROM_BE (*(guint32 *) (header + 68));

  if (app_id != GLOSS_APPLICATION_ID)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_A_PROJECT,
                   _("“%s” is a database, but not a Gloss project"), display);
      return FALSE;
    }

  if (version > GLOSS_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Gloss; update Gloss to open it"),
                   display);
      return FALSE;
    }

  return TRUE;
}

typedef enum
{
  OPEN_WRITE,
  OPEN_CREATE,
  OPEN_READ,
} OpenMode;

static sqlite3 *
open_connection (const char  *path,
                 OpenMode     mode,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_FULLMUTEX;
  int rc;

  if (mode == OPEN_READ)
    flags |= SQLITE_OPEN_READONLY;
  else
    flags |= SQLITE_OPEN_READWRITE;
  if (mode == OPEN_CREATE)
    flags |= SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE;

  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, path);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (mode != OPEN_READ && sqlite3_db_readonly (db, "main") == 1)
    {
      set_sqlite_error (error, db, SQLITE_READONLY, path);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static gboolean
configure_connection (sqlite3     *db,
                      const char  *path,
                      GError     **error)
{
  /* FULL: a transaction that returned is on disk, even if the machine
   * loses power right after. */
  return exec_sql (db, path,
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = FULL;",
                   error);
}

static gboolean
create_file (const char  *path,
             const char  *name,
             int          version,
             GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *guid = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GDateTime) dt = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("“%s” already exists"), display);
      return FALSE;
    }

  db = open_connection (path, OPEN_CREATE, error);
  if (db == NULL)
    return FALSE;

  if (!exec_sql (db, path, "PRAGMA application_id = 1196184403", error) ||
      !configure_connection (db, path, error) ||
      !migrate (db, path, version, error))
    goto fail;

  guid = g_uuid_string_random ();
  dt = g_date_time_new_now_utc ();
  now = g_date_time_format_iso8601 (dt);

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO project (key, value) VALUES"
                           " ('name', ?1), ('guid', ?2), ('created_at', ?3),"
                           " ('created_by', 'Gloss " PACKAGE_VERSION "')",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name ? name : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, guid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, path);
      goto fail;
    }

  sqlite3_close (db);
  return TRUE;

fail:
  sqlite3_close (db);
  g_unlink (path);
  return FALSE;
}

gboolean
gloss_project_create_at_version (const char  *path,
                                 int          version,
                                 GError     **error)
{
  g_return_val_if_fail (version >= 1 && version <= GLOSS_PROJECT_SCHEMA_VERSION, FALSE);

  return create_file (path, "", version, error);
}

static char *
project_value (GlossProject *self,
               const char   *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM project WHERE key = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return value;
}

static void
gloss_project_finalize (GObject *object)
{
  GlossProject *self = (GlossProject *)object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->guid, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (gloss_project_parent_class)->finalize (object);
}

static void
gloss_project_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossProject *self = GLOSS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_project_class_init (GlossProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_project_finalize;
  object_class->get_property = gloss_project_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossProject::documents-changed:
   *
   * Documents were added, renamed or removed.  Emitted on the main
   * context of the thread that opened the project.
   */
  signals[DOCUMENTS_CHANGED] =
    g_signal_new ("documents-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * GlossProject::codes-changed:
   *
   * The codebook changed (codes added, renamed, moved, recoloured …).
   */
  signals[CODES_CHANGED] =
    g_signal_new ("codes-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * GlossProject::codings-changed:
   *
   * Codings or memos were added, changed or removed.
   */
  signals[CODINGS_CHANGED] =
    g_signal_new ("codings-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gloss_project_init (GlossProject *self)
{
  g_rec_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
}

static GlossProject *
project_new (const char  *path,
             sqlite3     *db)
{
  GlossProject *self = g_object_new (GLOSS_TYPE_PROJECT, NULL);

  self->db = db;
  self->path = g_strdup (path);
  self->name = project_value (self, "name");
  self->guid = project_value (self, "guid");

  if (self->name == NULL || *self->name == '\0')
    {
      g_autofree char *base = g_path_get_basename (path);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      g_free (self->name);
      self->name = g_filename_display_name (base);
    }

  return self;
}

/**
 * gloss_project_create:
 * @path: where to create it; must not exist
 * @name: (nullable): the project's name
 */
GlossProject *
gloss_project_create (const char  *path,
                      const char  *name,
                      GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (!create_file (path, name, GLOSS_PROJECT_SCHEMA_VERSION, error))
    return NULL;

  return gloss_project_open (path, error);
}

/**
 * gloss_project_open:
 *
 * Opens a project and brings its schema up to date.  A file that is not a
 * Gloss project, one from a newer Gloss, or a damaged one is refused and
 * left untouched.
 */
GlossProject *
gloss_project_open (const char  *path,
                    GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *check = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0, version = 0;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, error))
    return NULL;

  db = open_connection (path, OPEN_WRITE, error);
  if (db == NULL)
    return NULL;

  /* Again through SQLite, which sees changes still in the WAL file. */
  if (!query_int (db, path, "PRAGMA application_id", &app_id, error) ||
      !query_int (db, path, "PRAGMA user_version", &version, error))
    goto fail;

  display = g_filename_display_basename (path);
  if (app_id != GLOSS_APPLICATION_ID)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_A_PROJECT,
                   _("“%s” is a database, but not a Gloss project"), display);
      goto fail;
    }
  if (version > GLOSS_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Gloss; update Gloss to open it"),
                   display);
      goto fail;
    }

  /* The b-tree structure, without the cost of checking every index. */
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (result, "ok") != 0)
            check = g_strdup (result);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, path);
      goto fail;
    }
  if (check != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DAMAGED,
                   _("The project “%s” is damaged (%s)"), display, check);
      goto fail;
    }

  if (!configure_connection (db, path, error) ||
      !migrate (db, path, GLOSS_PROJECT_SCHEMA_VERSION, error))
    goto fail;

  return project_new (path, db);

fail:
  sqlite3_close (db);
  return NULL;
}

/**
 * gloss_project_open_read_only:
 *
 * Opens a project for reading only, as exports and listings do: nothing
 * is written to the file, not even by SQLite, so the structural check that
 * gloss_project_open() makes before writing (a pass over the whole file)
 * is left out; a damaged file shows as an error from the first read that
 * meets the damage.  A project at an older schema is opened with
 * gloss_project_open(), which brings it up to date.  Calls that write fail.
 */
GlossProject *
gloss_project_open_read_only (const char  *path,
                              GError     **error)
{
  g_autofree char *display = NULL;
  gint64 app_id = 0, version = 0;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, error))
    return NULL;

  db = open_connection (path, OPEN_READ, error);
  if (db == NULL)
    return NULL;

  if (!query_int (db, path, "PRAGMA application_id", &app_id, error) ||
      !query_int (db, path, "PRAGMA user_version", &version, error))
    goto fail;

  display = g_filename_display_basename (path);
  if (app_id != GLOSS_APPLICATION_ID)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_A_PROJECT,
                   _("“%s” is a database, but not a Gloss project"), display);
      goto fail;
    }
  if (version > GLOSS_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Gloss; update Gloss to open it"),
                   display);
      goto fail;
    }
  if (version < GLOSS_PROJECT_SCHEMA_VERSION)
    {
      sqlite3_close (db);
      return gloss_project_open (path, error);
    }

  if (!exec_sql (db, path, "PRAGMA foreign_keys = ON", error))
    goto fail;

  return project_new (path, db);

fail:
  sqlite3_close (db);
  return NULL;
}

const char *
gloss_project_get_path (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->path;
}

const char *
gloss_project_get_name (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->name;
}

const char *
gloss_project_get_guid (GlossProject *self)
{
  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  return self->guid;
}

typedef struct
{
  GWeakRef project;
  guint    signal;
} Notification;

static gboolean
emit_notification (gpointer data)
{
  Notification *notification = data;
  g_autoptr(GlossProject) self = g_weak_ref_get (&notification->project);

  if (self != NULL)
    g_signal_emit (self, signals[notification->signal], 0);
  return G_SOURCE_REMOVE;
}

static void
notification_free (gpointer data)
{
  Notification *notification = data;

  g_weak_ref_clear (&notification->project);
  g_free (notification);
}

/* Queues a signal on the project's main context, through a source so
 * that it never runs on a worker thread, with a weak reference so that a
 * project closed meanwhile stays closed. */
static void
notify (GlossProject *self,
        guint         signal)
{
  Notification *notification = g_new0 (Notification, 1);
  GSource *source;

  g_weak_ref_init (&notification->project, self);
  notification->signal = signal;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_notification, notification, notification_free);
  g_source_set_static_name (source, "[gloss] project notification");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

void
gloss_project_notify_codes_changed (GlossProject *self)
{
  notify (self, CODES_CHANGED);
}

void
gloss_project_notify_codings_changed (GlossProject *self)
{
  notify (self, CODINGS_CHANGED);
}

sqlite3 *
gloss_project_get_db (GlossProject *self)
{
  return self->db;
}

GRecMutex *
gloss_project_get_lock (GlossProject *self)
{
  return &self->lock;
}

/**
 * gloss_project_begin_action:
 *
 * Starts an undoable action: takes the project's lock, opens a write
 * transaction and starts recording it in the undo journal.  Every call
 * that returns %TRUE must be followed by gloss_project_end_action().
 */
gboolean
gloss_project_begin_action (GlossProject  *self,
                            const char    *label,
                            GError       **error)
{
  int rc;

  g_rec_mutex_lock (&self->lock);
  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }

  if (!gloss_journal_begin (self->db, label, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_project_end_action:
 * @ok: whether the action's changes succeeded
 *
 * Commits the action (or rolls it back when @ok is %FALSE or the commit
 * fails) and releases the lock.  Returns whether it was committed.
 */
gboolean
gloss_project_end_action (GlossProject  *self,
                          gboolean       ok,
                          GError       **error)
{
  int rc;

  if (ok && gloss_journal_end (self->db, error))
    {
      rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, self->db, rc, self->path);
          ok = FALSE;
        }
    }
  else
    ok = FALSE;

  if (!ok)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_rec_mutex_unlock (&self->lock);

  return ok;
}

void
gloss_project_set_error (GlossProject  *self,
                         GError       **error,
                         int            rc)
{
  set_sqlite_error (error, self->db, rc, self->path);
}

/**
 * gloss_project_notify_documents_changed:
 *
 * Queues "documents-changed" on the project's main context.
 */
void
gloss_project_notify_documents_changed (GlossProject *self)
{
  g_return_if_fail (GLOSS_IS_PROJECT (self));

  notify (self, DOCUMENTS_CHANGED);
}

/* The current time in UTC, as stored in the project (ISO 8601). */
char *
gloss_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

sqlite3_stmt *
gloss_project_prepare (GlossProject  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return NULL;
    }

  return stmt;
}


/**
 * gloss_project_check_integrity:
 *
 * Runs SQLite's full integrity check.
 */
gboolean
gloss_project_check_integrity (GlossProject  *self,
                               GError       **error)
{
  g_autofree char *result = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  g_rec_mutex_lock (&self->lock);
  stmt = gloss_project_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    set_sqlite_error (error, self->db, rc, self->path);
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->lock);

  if (result == NULL)
    return FALSE;

  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DAMAGED,
                   _("The project is damaged (%s)"), result);
      return FALSE;
    }

  return TRUE;
}
