/* gloss-merge-load.c: reading what a merge compares, from either project
 *
 * Both projects are read whole into memory first (a project of tens of
 * thousands of codings is a few megabytes), each inside one read
 * transaction so that what is compared is one consistent state.  The
 * other project is read as it is, at whatever schema it has: a table its
 * schema does not have yet is simply empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-codebook-private.h"
#include "gloss-error.h"
#include "gloss-merge-private.h"

static gint64
days_from_civil (gint64 y,
                 gint64 m,
                 gint64 d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static gboolean
read_digits (const char **p,
             guint        n,
             gint64      *value)
{
  guint i;

  *value = 0;
  for (i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      *value = *value * 10 + ((*p)[i] - '0');
    }
  *p += n;

  return TRUE;
}

/* The forms Gloss writes (GLib's ISO 8601 with or without microseconds,
 * SQLite's strftime with milliseconds) are read directly, being most of
 * the work of a big merge; anything else through GDateTime. */
gint64
merge_parse_time (const char *text)
{
  const char *p = text;
  gint64 y, mo, d, h, mi, s, usec = 0, scale = 100000;
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL)
    return 0;

  if (read_digits (&p, 4, &y) && *p++ == '-' && read_digits (&p, 2, &mo) && *p++ == '-' &&
      read_digits (&p, 2, &d) && *p++ == 'T' && read_digits (&p, 2, &h) && *p++ == ':' &&
      read_digits (&p, 2, &mi) && *p++ == ':' && read_digits (&p, 2, &s))
    {
      if (*p == '.')
        {
          for (p++; g_ascii_isdigit (*p); p++)
            {
              usec += (*p - '0') * scale;
              scale /= 10;
            }
        }
      if (*p == 'Z' && p[1] == '\0')
        return ((days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * G_USEC_PER_SEC) + usec;
    }

  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    return 0;

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

void
merge_side_free (MergeSide *side)
{
  if (side == NULL)
    return;

  g_clear_pointer (&side->document_by_id, g_hash_table_unref);
  g_clear_pointer (&side->document_by_sha, g_hash_table_unref);
  g_clear_pointer (&side->coder_by_id, g_hash_table_unref);
  g_clear_pointer (&side->coder_by_guid, g_hash_table_unref);
  g_clear_pointer (&side->coder_by_name, g_hash_table_unref);
  g_clear_pointer (&side->code_by_id, g_hash_table_unref);
  g_clear_pointer (&side->code_by_guid, g_hash_table_unref);
  g_clear_pointer (&side->coding_by_id, g_hash_table_unref);
  g_clear_pointer (&side->coding_by_guid, g_hash_table_unref);
  g_clear_pointer (&side->memo_by_guid, g_hash_table_unref);
  g_clear_pointer (&side->review_by_guid, g_hash_table_unref);
  g_clear_pointer (&side->tombstone_by_guid, g_hash_table_unref);
  g_clear_pointer (&side->attribute_by_id, g_hash_table_unref);
  g_clear_pointer (&side->attribute_by_guid, g_hash_table_unref);
  g_clear_pointer (&side->attribute_by_name, g_hash_table_unref);
  g_clear_pointer (&side->documents, g_array_unref);
  g_clear_pointer (&side->coders, g_array_unref);
  g_clear_pointer (&side->codes, g_array_unref);
  g_clear_pointer (&side->codings, g_array_unref);
  g_clear_pointer (&side->memos, g_array_unref);
  g_clear_pointer (&side->reviews, g_array_unref);
  g_clear_pointer (&side->tombstones, g_array_unref);
  g_clear_pointer (&side->attributes, g_array_unref);
  g_clear_pointer (&side->values, g_array_unref);
  g_clear_pointer (&side->strings, g_string_chunk_free);
  g_free (side);
}

typedef void (*RowFunc) (MergeSide    *side,
                         sqlite3_stmt *stmt);

static const char *
text_column (MergeSide    *side,
             sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_string_chunk_insert_const (side->strings, text != NULL ? text : "");
}

/* Long texts (quotes, memos) are rarely the same: not worth looking up. */
static const char *
long_text_column (MergeSide    *side,
                  sqlite3_stmt *stmt,
                  int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_string_chunk_insert (side->strings, text != NULL ? text : "");
}

static gboolean
run_query (sqlite3     *db,
           const char  *what,
           const char  *sql,
           MergeSide   *side,
           RowFunc      func,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        func (side, stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_basename (what);

      g_set_error (error, GLOSS_ERROR,
                   (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB
                   ? GLOSS_ERROR_DAMAGED : GLOSS_ERROR_FAILED,
                   _("The project “%s” cannot be read (%s)"), display, sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

static void
read_document (MergeSide    *side,
               sqlite3_stmt *stmt)
{
  MergeDocumentRow row = {
    sqlite3_column_int64 (stmt, 0),
    text_column (side, stmt, 1),
    text_column (side, stmt, 2),
    text_column (side, stmt, 3),
  };

  g_array_append_val (side->documents, row);
}

static void
read_coder (MergeSide    *side,
            sqlite3_stmt *stmt)
{
  MergeCoderRow row = {
    sqlite3_column_int64 (stmt, 0),
    text_column (side, stmt, 1),
    text_column (side, stmt, 2),
    text_column (side, stmt, 3),
  };

  g_array_append_val (side->coders, row);
}

static void
read_code (MergeSide    *side,
           sqlite3_stmt *stmt)
{
  MergeCodeRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .guid = text_column (side, stmt, 1),
    .parent_id = sqlite3_column_int64 (stmt, 2),
    .name = text_column (side, stmt, 3),
    .description = long_text_column (side, stmt, 4),
    .colour = text_column (side, stmt, 5),
    .position = sqlite3_column_int64 (stmt, 6),
    .created_by = sqlite3_column_int64 (stmt, 7),
    .created_at = text_column (side, stmt, 8),
    .changed_at = text_column (side, stmt, 9),
    .path = long_text_column (side, stmt, 10),
  };

  row.t = merge_parse_time (row.changed_at);
  g_array_append_val (side->codes, row);
}

static void
read_coding (MergeSide    *side,
             sqlite3_stmt *stmt)
{
  MergeCodingRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .guid = long_text_column (side, stmt, 1),
    .document_id = sqlite3_column_int64 (stmt, 2),
    .code_id = sqlite3_column_int64 (stmt, 3),
    .coder_id = sqlite3_column_int64 (stmt, 4),
    .start = sqlite3_column_int64 (stmt, 5),
    .end = sqlite3_column_int64 (stmt, 6),
    .quote = long_text_column (side, stmt, 7),
    .memo = text_column (side, stmt, 8),
    .created_at = text_column (side, stmt, 9),
    .changed_at = text_column (side, stmt, 10),
  };

  row.t = merge_parse_time (row.changed_at);
  g_array_append_val (side->codings, row);
}

static void
read_memo (MergeSide    *side,
           sqlite3_stmt *stmt)
{
  MergeMemoRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .guid = long_text_column (side, stmt, 1),
    .target = text_column (side, stmt, 2),
    .target_id = sqlite3_column_int64 (stmt, 3),
    .coder_id = sqlite3_column_int64 (stmt, 4),
    .text = long_text_column (side, stmt, 5),
    .created_at = text_column (side, stmt, 6),
    .changed_at = text_column (side, stmt, 7),
  };

  row.t = merge_parse_time (row.changed_at);
  g_array_append_val (side->memos, row);
}

static void
read_review (MergeSide    *side,
             sqlite3_stmt *stmt)
{
  MergeReviewRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .guid = long_text_column (side, stmt, 1),
    .coding_id = sqlite3_column_int64 (stmt, 2),
    .reviewer_id = sqlite3_column_int64 (stmt, 3),
    .verdict = text_column (side, stmt, 4),
    .comment = long_text_column (side, stmt, 5),
    .created_at = text_column (side, stmt, 6),
    .changed_at = text_column (side, stmt, 7),
  };

  row.t = merge_parse_time (row.changed_at);
  g_array_append_val (side->reviews, row);
}

static void
read_tombstone (MergeSide    *side,
                sqlite3_stmt *stmt)
{
  MergeTombstone row = {
    .guid = long_text_column (side, stmt, 0),
    .kind = text_column (side, stmt, 1),
    .deleted_at = text_column (side, stmt, 2),
  };

  row.t = merge_parse_time (row.deleted_at);
  g_array_append_val (side->tombstones, row);
}

static void
read_attribute (MergeSide    *side,
                sqlite3_stmt *stmt)
{
  MergeAttributeRow row = {
    sqlite3_column_int64 (stmt, 0),
    text_column (side, stmt, 1),
    text_column (side, stmt, 2),
    text_column (side, stmt, 3),
    text_column (side, stmt, 4),
    text_column (side, stmt, 5),
  };

  g_array_append_val (side->attributes, row);
}

static void
read_value (MergeSide    *side,
            sqlite3_stmt *stmt)
{
  MergeValueRow row = {
    sqlite3_column_int64 (stmt, 0),
    sqlite3_column_int64 (stmt, 1),
    text_column (side, stmt, 2),
  };

  g_array_append_val (side->values, row);
}

#define INDEX_BY(table, array, type, field) \
  G_STMT_START { \
    guint i_; \
    for (i_ = 0; i_ < (array)->len; i_++) \
      { \
        type *row_ = &g_array_index ((array), type, i_); \
        g_hash_table_insert ((table), (gpointer) &row_->field, row_); \
      } \
  } G_STMT_END

#define INDEX_BY_STRING(table, array, type, field) \
  G_STMT_START { \
    guint i_; \
    for (i_ = 0; i_ < (array)->len; i_++) \
      { \
        type *row_ = &g_array_index ((array), type, i_); \
        g_hash_table_insert ((table), (gpointer) row_->field, row_); \
      } \
  } G_STMT_END

static void
make_lookups (MergeSide *side)
{
  guint i;

  side->document_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  side->document_by_sha = g_hash_table_new (g_str_hash, g_str_equal);
  side->coder_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  side->coder_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  side->coder_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  side->code_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  side->code_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  side->coding_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  side->coding_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  side->memo_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  side->review_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  side->tombstone_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  side->attribute_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  side->attribute_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  side->attribute_by_name = g_hash_table_new (g_str_hash, g_str_equal);

  INDEX_BY (side->document_by_id, side->documents, MergeDocumentRow, id);
  INDEX_BY_STRING (side->document_by_sha, side->documents, MergeDocumentRow, sha256);
  INDEX_BY (side->coder_by_id, side->coders, MergeCoderRow, id);
  INDEX_BY_STRING (side->coder_by_guid, side->coders, MergeCoderRow, guid);
  INDEX_BY_STRING (side->coder_by_name, side->coders, MergeCoderRow, name);
  INDEX_BY (side->code_by_id, side->codes, MergeCodeRow, id);
  INDEX_BY_STRING (side->code_by_guid, side->codes, MergeCodeRow, guid);
  INDEX_BY (side->coding_by_id, side->codings, MergeCodingRow, id);
  INDEX_BY_STRING (side->coding_by_guid, side->codings, MergeCodingRow, guid);
  INDEX_BY_STRING (side->memo_by_guid, side->memos, MergeMemoRow, guid);
  INDEX_BY_STRING (side->review_by_guid, side->reviews, MergeReviewRow, guid);
  INDEX_BY_STRING (side->tombstone_by_guid, side->tombstones, MergeTombstone, guid);
  INDEX_BY (side->attribute_by_id, side->attributes, MergeAttributeRow, id);
  INDEX_BY_STRING (side->attribute_by_guid, side->attributes, MergeAttributeRow, guid);

  /* Attribute names are unique ignoring case. */
  for (i = 0; i < side->attributes->len; i++)
    {
      MergeAttributeRow *row = &g_array_index (side->attributes, MergeAttributeRow, i);
      g_autofree char *folded = g_ascii_strdown (row->name, -1);

      g_hash_table_insert (side->attribute_by_name,
                           g_string_chunk_insert_const (side->strings, folded), row);
    }
}

MergeSide *
merge_side_load (sqlite3     *db,
                 int          schema,
                 const char  *what,
                 GError     **error)
{
  g_autoptr(MergeSide) side = g_new0 (MergeSide, 1);

  side->strings = g_string_chunk_new (64 * 1024);
  side->schema = schema;
  side->documents = g_array_new (FALSE, TRUE, sizeof (MergeDocumentRow));
  side->coders = g_array_new (FALSE, TRUE, sizeof (MergeCoderRow));
  side->codes = g_array_new (FALSE, TRUE, sizeof (MergeCodeRow));
  side->codings = g_array_new (FALSE, TRUE, sizeof (MergeCodingRow));
  side->memos = g_array_new (FALSE, TRUE, sizeof (MergeMemoRow));
  side->reviews = g_array_new (FALSE, TRUE, sizeof (MergeReviewRow));
  side->tombstones = g_array_new (FALSE, TRUE, sizeof (MergeTombstone));
  side->attributes = g_array_new (FALSE, TRUE, sizeof (MergeAttributeRow));
  side->values = g_array_new (FALSE, TRUE, sizeof (MergeValueRow));

  if (!run_query (db, what, "SELECT id, guid, sha256, name FROM document ORDER BY id",
                  side, read_document, error))
    return NULL;

  if (schema >= 3 &&
      (!run_query (db, what, "SELECT id, guid, name, created_at FROM coder ORDER BY id",
                   side, read_coder, error) ||
       !run_query (db, what,
                   CODE_TREE
                   "SELECT c.id, c.guid, ifnull (c.parent_id, 0), c.name, c.description, c.colour,"
                   " c.position, ifnull (c.created_by, 0), c.created_at, c.changed_at, tree.path"
                   " FROM code c JOIN tree ON tree.id = c.id ORDER BY tree.sortkey, c.id",
                   side, read_code, error) ||
       !run_query (db, what,
                   "SELECT id, guid, document_id, code_id, coder_id, start, \"end\", quote, memo,"
                   " created_at, changed_at FROM coding ORDER BY id",
                   side, read_coding, error) ||
       !run_query (db, what,
                   "SELECT id, guid, target, target_id, coder_id, text, created_at, changed_at"
                   " FROM memo ORDER BY id",
                   side, read_memo, error)))
    return NULL;

  if (schema >= 4 &&
      (!run_query (db, what,
                   "SELECT id, guid, name, type, choices, created_at FROM attribute ORDER BY position, id",
                   side, read_attribute, error) ||
       !run_query (db, what,
                   "SELECT document_id, attribute_id, value FROM document_attribute ORDER BY id",
                   side, read_value, error)))
    return NULL;

  if (schema >= 5 &&
      (!run_query (db, what,
                   "SELECT id, guid, coding_id, reviewer_id, verdict, comment, created_at, changed_at"
                   " FROM review ORDER BY id",
                   side, read_review, error) ||
       !run_query (db, what, "SELECT guid, kind, deleted_at FROM tombstone ORDER BY guid",
                   side, read_tombstone, error)))
    return NULL;

  make_lookups (side);

  return g_steal_pointer (&side);
}
