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

static sqlite3 *
open_connection (const char  *path,
                 gboolean     create,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
  int rc;

  if (create)
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

  if (sqlite3_db_readonly (db, "main") == 1)
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

  db = open_connection (path, TRUE, error);
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

  db = open_connection (path, FALSE, error);
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

#define DOCUMENT_COLUMNS "id, guid, name, kind, pages, chars, sha256, imported_at"

static GlossDocument *
document_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) imported = NULL;
  const char *kind = (const char *) sqlite3_column_text (stmt, 3);

  imported = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 7), NULL);

  return gloss_document_new (sqlite3_column_int64 (stmt, 0),
                             (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             g_strcmp0 (kind, "pdf") == 0
                               ? GLOSS_DOCUMENT_KIND_PDF
                               : GLOSS_DOCUMENT_KIND_TEXT,
                             sqlite3_column_int (stmt, 4),
                             sqlite3_column_int (stmt, 5),
                             (const char *) sqlite3_column_text (stmt, 6),
                             imported);
}

static sqlite3_stmt *
prepare (GlossProject  *self,
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
 * gloss_project_list_documents:
 *
 * Returns: (transfer full) (element-type GlossDocument): by name
 */
GPtrArray *
gloss_project_list_documents (GlossProject  *self,
                              GError       **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  g_rec_mutex_lock (&self->lock);
  stmt = prepare (self,
                  "SELECT " DOCUMENT_COLUMNS " FROM document"
                  " ORDER BY name COLLATE NOCASE, id",
                  error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (documents, document_from_row (stmt));
  if (rc != SQLITE_DONE)
    set_sqlite_error (error, self->db, rc, self->path);
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->lock);

  return rc == SQLITE_DONE ? g_steal_pointer (&documents) : NULL;
}

static GlossDocument *
find_document (GlossProject  *self,
               const char    *sql,
               const char    *text_key,
               gint64         id_key,
               GError       **error)
{
  GlossDocument *document = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_rec_mutex_lock (&self->lock);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }

  if (text_key != NULL)
    sqlite3_bind_text (stmt, 1, text_key, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id_key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    document = document_from_row (stmt);
  else if (rc != SQLITE_DONE)
    set_sqlite_error (error, self->db, rc, self->path);
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->lock);

  return document;
}

GlossDocument *
gloss_project_get_document (GlossProject  *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossDocument *document;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  document = find_document (self,
                            "SELECT " DOCUMENT_COLUMNS " FROM document WHERE id = ?1",
                            NULL, id, &local_error);
  if (document == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The project has no document with the number %lld"), (long long) id);
    }

  return document;
}

/**
 * gloss_project_lookup_document:
 * @name_or_guid: a document's GUID or its name
 */
GlossDocument *
gloss_project_lookup_document (GlossProject  *self,
                               const char    *name_or_guid,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossDocument *document;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name_or_guid != NULL, NULL);

  document = find_document (self,
                            "SELECT " DOCUMENT_COLUMNS " FROM document"
                            " WHERE guid = lower (?1) OR name = ?1"
                            " ORDER BY guid = lower (?1) DESC LIMIT 1",
                            name_or_guid, 0, &local_error);
  if (document == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The project has no document named “%s”"), name_or_guid);
    }

  return document;
}

GlossDocument *
gloss_project_find_by_sha256 (GlossProject *self,
                              const char   *sha256)
{
  return find_document (self,
                        "SELECT " DOCUMENT_COLUMNS " FROM document WHERE sha256 = ?1",
                        sha256, 0, NULL);
}

static gboolean
name_taken (GlossProject *self,
            const char   *name,
            gint64        except_id)
{
  sqlite3_stmt *stmt;
  gboolean taken = FALSE;

  stmt = prepare (self, "SELECT 1 FROM document WHERE name = ?1 AND id != ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return taken;
}

gboolean
gloss_project_rename_document (GlossProject  *self,
                               gint64         id,
                               const char    *name,
                               GError       **error)
{
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("A document needs a name"));
      return FALSE;
    }

  g_rec_mutex_lock (&self->lock);

  if (name_taken (self, stripped, id))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS,
                   _("Another document is already named “%s”"), stripped);
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }

  stmt = prepare (self, "UPDATE document SET name = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    set_sqlite_error (error, self->db, rc, self->path);
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   _("The document no longer exists"));
      rc = SQLITE_NOTFOUND;
    }
  g_rec_mutex_unlock (&self->lock);

  if (rc == SQLITE_DONE)
    gloss_project_notify_documents_changed (self);

  return rc == SQLITE_DONE;
}

gboolean
gloss_project_delete_document (GlossProject  *self,
                               gint64         id,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), FALSE);

  g_rec_mutex_lock (&self->lock);
  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }

  /* Its codings and memos go with it (by foreign key and trigger), and so
   * does every undoable action that touched them. */
  stmt = prepare (self, "DELETE FROM document WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);

      if (rc != SQLITE_DONE)
        set_sqlite_error (error, self->db, rc, self->path);
      else if (sqlite3_changes (self->db) == 0)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The document no longer exists"));
      else if (gloss_journal_forget_document (self->db, id, error))
        {
          rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
          if (rc == SQLITE_OK)
            ok = TRUE;
          else
            set_sqlite_error (error, self->db, rc, self->path);
        }
    }
  if (!ok)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_rec_mutex_unlock (&self->lock);

  if (ok)
    {
      gloss_project_notify_documents_changed (self);
      gloss_project_notify_codes_changed (self);
      gloss_project_notify_codings_changed (self);
    }

  return ok;
}

GBytes *
gloss_project_load_document_bytes (GlossProject  *self,
                                   gint64         id,
                                   GError       **error)
{
  GBytes *bytes = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  g_rec_mutex_lock (&self->lock);
  stmt = prepare (self, "SELECT bytes FROM document_bytes WHERE document_id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      else if (rc == SQLITE_DONE)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The document no longer exists"));
      else
        set_sqlite_error (error, self->db, rc, self->path);
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (&self->lock);

  return bytes;
}

char *
gloss_project_dup_document_password (GlossProject *self,
                                     gint64        id)
{
  char *password = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  g_rec_mutex_lock (&self->lock);
  stmt = prepare (self, "SELECT password FROM document WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        password = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (&self->lock);

  return password;
}

char *
gloss_project_load_document_text (GlossProject  *self,
                                  gint64         id,
                                  GError       **error)
{
  char *text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  g_rec_mutex_lock (&self->lock);
  stmt = prepare (self, "SELECT text FROM document WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else if (rc == SQLITE_DONE)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The document no longer exists"));
      else
        set_sqlite_error (error, self->db, rc, self->path);
      sqlite3_finalize (stmt);
    }
  g_rec_mutex_unlock (&self->lock);

  return text;
}

/* Glyph boxes are stored as little-endian 32-bit floats, x1 y1 x2 y2. */
static GBytes *
pack_rects (const GlossRect *rects,
            guint            n)
{
  guint32 *out = g_new (guint32, (gsize) n * 4 + 1);
  guint i;

  for (i = 0; i < n; i++)
    {
      const float values[4] = { rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2 };
      guint k;

      for (k = 0; k < 4; k++)
        {
          guint32 bits;

          memcpy (&bits, &values[k], sizeof bits);
          out[i * 4 + k] = GUINT32_TO_LE (bits);
        }
    }

  return g_bytes_new_take (out, (gsize) n * 4 * sizeof (guint32));
}

static GlossRect *
unpack_rects (const void *data,
              gsize       size,
              guint       n)
{
  GlossRect *rects = g_new0 (GlossRect, MAX (n, 1));
  const guchar *p = data;
  guint i;

  if (size < (gsize) n * 16)
    n = size / 16;

  for (i = 0; i < n; i++)
    {
      float values[4];
      guint k;

      for (k = 0; k < 4; k++)
        {
          guint32 bits;

          memcpy (&bits, p + (i * 4 + k) * 4, sizeof bits);
          bits = GUINT32_FROM_LE (bits);
          memcpy (&values[k], &bits, sizeof bits);
        }
      rects[i].x1 = values[0];
      rects[i].y1 = values[1];
      rects[i].x2 = values[2];
      rects[i].y2 = values[3];
    }

  return rects;
}

GlossLayout *
gloss_project_load_layout (GlossProject  *self,
                           gint64         id,
                           GError       **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);

  g_rec_mutex_lock (&self->lock);

  text = gloss_project_load_document_text (self, id, error);
  if (text == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }

  stmt = prepare (self,
                  "SELECT number, start, \"end\", width, height, rects FROM page"
                  " WHERE document_id = ?1 ORDER BY number",
                  error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_page_free);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint start = sqlite3_column_int (stmt, 1);
      guint end = MAX ((guint) sqlite3_column_int (stmt, 2), start);
      GlossRect *rects = NULL;

      if (sqlite3_column_type (stmt, 5) == SQLITE_BLOB)
        rects = unpack_rects (sqlite3_column_blob (stmt, 5),
                              sqlite3_column_bytes (stmt, 5),
                              end - start);

      g_ptr_array_add (pages, gloss_page_new (sqlite3_column_int (stmt, 0), start, end,
                                              sqlite3_column_double (stmt, 3),
                                              sqlite3_column_double (stmt, 4),
                                              rects));
    }
  if (rc != SQLITE_DONE)
    set_sqlite_error (error, self->db, rc, self->path);
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->lock);

  if (rc != SQLITE_DONE)
    return NULL;

  return gloss_layout_new (text, g_steal_pointer (&pages));
}

/**
 * gloss_project_search:
 * @query: an FTS5 query ("early help", help AND exploitation …)
 *
 * Returns: (transfer full) (element-type gint64): matching document ids,
 *   best first
 */
GArray *
gloss_project_search (GlossProject  *self,
                      const char    *query,
                      GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  g_rec_mutex_lock (&self->lock);
  stmt = prepare (self,
                  "SELECT rowid FROM document_fts WHERE document_fts MATCH ?1 ORDER BY rank",
                  error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_ERROR)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                     _("The search “%s” is not valid (%s)"), query, sqlite3_errmsg (self->db));
      else
        set_sqlite_error (error, self->db, rc, self->path);
    }
  sqlite3_finalize (stmt);
  g_rec_mutex_unlock (&self->lock);

  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

static char *
unique_name (GlossProject *self,
             const char   *wanted)
{
  char *name = g_strdup (wanted);
  guint n;

  for (n = 2; name_taken (self, name, -1); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s (%u)", wanted, n);
    }

  return name;
}

static gboolean
step_done (GlossProject  *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  return TRUE;
}

/* Stores an extracted document in one transaction.  Another writer gets
 * the busy timeout to finish first; after that the project is in use. */
GlossDocument *
gloss_project_add_document (GlossProject     *self,
                            const char       *name,
                            GBytes           *bytes,
                            const char       *sha256,
                            const char       *password,
                            GlossExtraction  *extraction,
                            GError          **error)
{
  g_autofree char *guid = g_uuid_string_random ();
  g_autofree char *final_name = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GDateTime) dt = g_date_time_new_now_utc ();
  GlossLayout *layout = extraction->layout;
  GlossDocument *existing;
  sqlite3_stmt *stmt;
  gint64 id;
  guint i;
  int rc;

  now = g_date_time_format_iso8601 (dt);

  g_rec_mutex_lock (&self->lock);

  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }

  /* Another process may have imported the same bytes meanwhile. */
  existing = gloss_project_find_by_sha256 (self, sha256);
  if (existing != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DUPLICATE,
                   _("It is already in the project as “%s”"),
                   gloss_document_get_name (existing));
      g_object_unref (existing);
      goto fail;
    }

  final_name = unique_name (self, name);

  stmt = prepare (self,
                  "INSERT INTO document (guid, name, kind, sha256, size, pages, chars,"
                  " text, imported_at, password)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, final_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, gloss_document_kind_to_string (extraction->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, g_bytes_get_size (bytes));
  sqlite3_bind_int (stmt, 6, gloss_layout_get_n_pages (layout));
  sqlite3_bind_int (stmt, 7, gloss_layout_get_n_chars (layout));
  sqlite3_bind_text (stmt, 8, gloss_layout_get_text (layout), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  if (password != NULL && *password != '\0')
    sqlite3_bind_text (stmt, 10, password, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 10);
  if (!step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);

  stmt = prepare (self, "INSERT INTO document_bytes (document_id, bytes) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_blob64 (stmt, 2, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                       SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    goto fail;

  for (i = 0; i < gloss_layout_get_n_pages (layout); i++)
    {
      const GlossPage *page = gloss_layout_get_page (layout, i);
      g_autoptr(GBytes) packed = NULL;

      stmt = prepare (self,
                      "INSERT INTO page (document_id, number, start, \"end\", width, height, rects)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                      error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, page->number);
      sqlite3_bind_int (stmt, 3, page->start);
      sqlite3_bind_int (stmt, 4, page->end);
      sqlite3_bind_double (stmt, 5, page->width);
      sqlite3_bind_double (stmt, 6, page->height);
      if (page->rects != NULL)
        {
          packed = pack_rects (page->rects, page->end - page->start);
          sqlite3_bind_blob64 (stmt, 7, g_bytes_get_data (packed, NULL),
                               g_bytes_get_size (packed), SQLITE_STATIC);
        }
      else
        sqlite3_bind_null (stmt, 7);
      if (!step_done (self, stmt, error))
        goto fail;
    }

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path);
      goto fail;
    }
  g_rec_mutex_unlock (&self->lock);

  gloss_project_notify_documents_changed (self);

  return gloss_project_get_document (self, id, error);

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_rec_mutex_unlock (&self->lock);
  return NULL;
}

static char *
document_name_for_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (base);
  char *dot = strrchr (display, '.');

  if (dot != NULL && dot != display &&
      (g_ascii_strcasecmp (dot, ".pdf") == 0 || g_ascii_strcasecmp (dot, ".txt") == 0 ||
       g_ascii_strcasecmp (dot, ".text") == 0))
    *dot = '\0';

  return g_steal_pointer (&display);
}

/**
 * gloss_project_import_file:
 * @password: (nullable): for an encrypted PDF
 *
 * Reads, extracts and stores one file.  The same bytes imported twice
 * give %GLOSS_ERROR_DUPLICATE, naming the document already there.  May be
 * called from any thread.
 *
 * Returns: (transfer full): the new document
 */
GlossDocument *
gloss_project_import_file (GlossProject  *self,
                           GFile         *file,
                           const char    *password,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GlossExtraction) extraction = NULL;
  g_autoptr(GlossDocument) existing = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (GLOSS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                     _("The file does not exist"));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                     _("It is a folder, not a file"));
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_FAILED,
                     _("The file cannot be read: %s"), local_error->message);
      return NULL;
    }

  sha256 = gloss_sha256_bytes (bytes);
  existing = gloss_project_find_by_sha256 (self, sha256);
  if (existing != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_DUPLICATE,
                   _("It is already in the project as “%s”"),
                   gloss_document_get_name (existing));
      return NULL;
    }

  base = g_file_get_basename (file);
  extraction = gloss_extract (bytes, base, password, cancellable, error);
  if (extraction == NULL)
    return NULL;

  name = document_name_for_file (file);

  return gloss_project_add_document (self, name, bytes, sha256,
                                     extraction->kind == GLOSS_DOCUMENT_KIND_PDF ? password : NULL,
                                     extraction, error);
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
  stmt = prepare (self, "PRAGMA integrity_check", error);
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
