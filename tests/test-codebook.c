/* test-codebook.c: the codebook, codings, memos, counts and undo
 *
 * Every test works on a fresh project.  "Exact state" is a dump of every
 * column of every row of the code, coding and memo tables, read with a
 * connection of our own on the project file, so that undo and redo are
 * checked against what is really stored, also after reopening.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gloss.h"
#include "gloss-test-fixtures.h"

static char *tmpdir;
static guint n_projects;

/* Accents (precomposed and with a combining mark), typographic quotes,
 * CJK, emoji outside the BMP (one code point each, two UTF-16 units, four
 * bytes), a ZWJ sequence, and CRLF line ends the importer normalises. */
static const char multibyte_text[] =
  "Inspection of children\xe2\x80\x99s services \xe2\x80\x94 Lewisham\r\n"
  "Na\xc3\xafve caf\xc3\xa9 r\xc3\xa9sum\xc3\xa9: \xc5\x92uvre, \xc3\x86r\xc3\xb8, Stra\xc3\x9f" "e.\r\n"
  "Emoji \xf0\x9f\x98\x80 and \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 family; "
  "CJK \xe5\x85\x90\xe7\xab\xa5\xe7\xa6\x8f\xe7\xa5\x89; combining e\xcc\x81t\xc3\xa9.\r\n"
  "Ofsted judged the help and protection of children to be good.\r\n"
  "Leaders \xe2\x80\x9cknow their services well\xe2\x80\x9d \xe2\x80\x94 \xf0\x9f\x91\x8d.\r\n";

static const char plain_text[] =
  "Plain letter.\nLeadership and management are good.\nCaseloads are manageable.\n";

typedef struct
{
  char         *path;
  GlossProject *project;

  gint64        text_doc;     /* the multi-byte text */
  gint64        plain_doc;
  gint64        pdf_doc;
  char         *text;         /* canonical text of text_doc */
  guint         n_chars;

  gint64        alice;
  gint64        bob;

  /* The populated codebook:
   *   Help (pinned to 3) / Early help, Thresholds, Missing
   *   Protection / CSE / Online
   *              / Missing
   *   Leadership / Oversight */
  gint64        help, help_early, help_thresholds, help_missing;
  gint64        protection, cse, online, missing;
  gint64        leadership, oversight;
  /* c[1] … c[10], see populate () */
  gint64        c[11];

  guint         codes_changed;
  guint         codings_changed;
} Fixture;

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
write_file (const char *name,
            const char *data,
            gssize      length)
{
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

static gint64
import (GlossProject *project,
        const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) document = NULL;

  document = gloss_project_import_file (project, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return gloss_document_get_id (document);
}

static void
on_codes_changed (GlossProject *project,
                  Fixture      *f)
{
  f->codes_changed++;
}

static void
on_codings_changed (GlossProject *project,
                    Fixture      *f)
{
  f->codings_changed++;
}

static void
connect_signals (Fixture *f)
{
  g_signal_connect (f->project, "codes-changed", G_CALLBACK (on_codes_changed), f);
  g_signal_connect (f->project, "codings-changed", G_CALLBACK (on_codings_changed), f);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  drain ();
  g_clear_object (&f->project);
  f->project = gloss_project_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->project);
  connect_signals (f);
}

static void
dump_table (sqlite3    *db,
            const char *table,
            GString    *out)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY id", table);
  sqlite3_stmt *stmt = NULL;
  int i, rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_string_append_printf (out, "[%s]\n", table);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (i = 0; i < sqlite3_column_count (stmt); i++)
        {
          g_string_append_printf (out, "%s%s=", i ? " | " : "", sqlite3_column_name (stmt, i));
          /* Typed, so that 5 and '5' differ. */
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_NULL:
              g_string_append (out, "NULL");
              break;
            case SQLITE_INTEGER:
              g_string_append_printf (out, "%lld", (long long) sqlite3_column_int64 (stmt, i));
              break;
            case SQLITE_FLOAT:
              g_string_append_printf (out, "%.17g", sqlite3_column_double (stmt, i));
              break;
            case SQLITE_BLOB:
              g_string_append_printf (out, "blob(%d)", sqlite3_column_bytes (stmt, i));
              break;
            case SQLITE_TEXT:
            default:
              g_string_append_printf (out, "'%s'", (const char *) sqlite3_column_text (stmt, i));
              break;
            }
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* The exact state of codebook, codings and memos, as stored.  Also checks
 * that no row points at something that is gone. */
static char *
snapshot (Fixture *f)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = open_db (f->path);
  sqlite3_stmt *stmt = NULL;

  dump_table (db, "code", out);
  dump_table (db, "coding", out);
  dump_table (db, "memo", out);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_error ("A row of %s points at a missing row of %s",
             sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

/* The undo journal, to show that a refused change left no trace. */
static char *
journal_snapshot (Fixture *f)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = open_db (f->path);

  dump_table (db, "journal_action", out);
  dump_table (db, "journal_change", out);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static gint64
sql_int (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = open_db (f->path);
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static GlossCode *
get_code (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  GlossCode *code = gloss_project_get_code (f->project, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (code);
  return code;
}

static GlossCoding *
get_coding (Fixture *f,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  GlossCoding *coding = gloss_project_get_coding (f->project, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (coding);
  return coding;
}

static gboolean
code_exists (Fixture *f,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) code = gloss_project_get_code (f->project, id, &error);

  if (code == NULL)
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  return code != NULL;
}

static gboolean
coding_exists (Fixture *f,
               gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = gloss_project_get_coding (f->project, id, &error);

  if (coding == NULL)
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  return coding != NULL;
}

static gint64
add_code (Fixture    *f,
          gint64      parent,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) code = gloss_project_add_code (f->project, parent, name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_assert_cmpstr (gloss_code_get_name (code), ==, name);
  g_assert_cmpint (gloss_code_get_parent_id (code), ==, parent);
  return gloss_code_get_id (code);
}

static gint64
add_coding (Fixture *f,
            gint64   document,
            gint64   code,
            gint64   coder,
            guint    start,
            guint    end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = NULL;

  coding = gloss_project_add_coding (f->project, document, code, coder, start, end, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (coding);
  g_assert_cmpint (gloss_coding_get_document_id (coding), ==, document);
  g_assert_cmpint (gloss_coding_get_code_id (coding), ==, code);
  g_assert_cmpint (gloss_coding_get_coder_id (coding), ==, coder);
  g_assert_cmpuint (gloss_coding_get_start (coding), ==, start);
  g_assert_cmpuint (gloss_coding_get_end (coding), ==, end);
  g_assert_true (g_uuid_string_is_valid (gloss_coding_get_guid (coding)));
  return gloss_coding_get_id (coding);
}

static void
undo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_redo (f->project, &error));
  g_assert_no_error (error);
}

static void
assert_state (Fixture    *f,
              const char *expected)
{
  g_autofree char *now = snapshot (f);

  g_assert_cmpstr (now, ==, expected);
}

/* "Name,Name,…": the children of parent in order, with positions 0, 1, … */
static void
assert_children (Fixture    *f,
                 gint64      parent,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = gloss_project_list_codes (f->project, &error);
  g_autoptr(GString) names = g_string_new (NULL);
  guint i, position = 0;

  g_assert_no_error (error);
  for (i = 0; i < codes->len; i++)
    {
      GlossCode *code = g_ptr_array_index (codes, i);

      if (gloss_code_get_parent_id (code) != parent)
        continue;
      g_assert_cmpuint (gloss_code_get_position (code), ==, position);
      position++;
      g_string_append_printf (names, "%s%s", names->len ? "," : "", gloss_code_get_name (code));
    }
  g_assert_cmpstr (names->str, ==, expected);
}

static void
assert_path (Fixture    *f,
             gint64      id,
             const char *path)
{
  g_autoptr(GlossCode) code = get_code (f, id);

  g_assert_cmpstr (gloss_code_get_path (code), ==, path);
}

/* Every coding's quote is the canonical text between its offsets. */
static void
assert_quotes (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codings = gloss_project_list_codings (f->project, NULL, &error);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint i;

  g_assert_no_error (error);
  for (i = 0; i < codings->len; i++)
    {
      GlossCoding *coding = g_ptr_array_index (codings, i);
      gint64 document = gloss_coding_get_document_id (coding);
      const char *text = g_hash_table_lookup (texts, &document);
      g_autofree char *expected = NULL;

      if (text == NULL)
        {
          char *loaded = gloss_project_load_document_text (f->project, document, &error);

          g_assert_no_error (error);
          g_hash_table_insert (texts, g_memdup2 (&document, sizeof document), loaded);
          text = loaded;
        }
      g_assert_cmpuint (gloss_coding_get_start (coding), <, gloss_coding_get_end (coding));
      g_assert_cmpuint (gloss_coding_get_end (coding), <=, g_utf8_strlen (text, -1));
      expected = g_utf8_substring (text, gloss_coding_get_start (coding), gloss_coding_get_end (coding));
      g_assert_cmpstr (gloss_coding_get_quote (coding), ==, expected);
    }
}

static GlossCodeCounts
counts_of (GArray *counts,
           gint64  code)
{
  GlossCodeCounts none = { 0, };
  guint i;

  for (i = 0; i < counts->len; i++)
    if (g_array_index (counts, GlossCodeCounts, i).code_id == code)
      return g_array_index (counts, GlossCodeCounts, i);

  g_error ("No counts for code %" G_GINT64_FORMAT, code);
  return none;
}

/* Counts of one code as the engine gives them, against numbers worked out
 * by hand. */
static void
assert_counts (Fixture *f,
               gint64   document,
               gint64   code,
               guint    in_document,
               guint    in_project,
               guint    documents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = gloss_project_get_code_counts (f->project, document, &error);
  GlossCodeCounts entry;

  g_assert_no_error (error);
  entry = counts_of (counts, code);
  g_assert_cmpuint (entry.in_document, ==, in_document);
  g_assert_cmpuint (entry.in_project, ==, in_project);
  g_assert_cmpuint (entry.documents, ==, documents);
}

/* The counts of every code for every document, against a tally of the
 * listed codings: one entry per code, none for codes that are gone. */
static void
assert_counts_consistent (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = gloss_project_list_codes (f->project, &error);
  g_autoptr(GPtrArray) codings = gloss_project_list_codings (f->project, NULL, &error);
  gint64 documents[] = { 0, f->text_doc, f->plain_doc, f->pdf_doc };
  guint d, i, j;

  g_assert_no_error (error);
  for (d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(GArray) counts = gloss_project_get_code_counts (f->project, documents[d], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (counts->len, ==, codes->len);
      for (i = 0; i < codes->len; i++)
        {
          gint64 code = gloss_code_get_id (g_ptr_array_index (codes, i));
          GlossCodeCounts entry = counts_of (counts, code);
          g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          guint in_document = 0, in_project = 0;

          for (j = 0; j < codings->len; j++)
            {
              GlossCoding *coding = g_ptr_array_index (codings, j);
              gint64 document = gloss_coding_get_document_id (coding);

              if (gloss_coding_get_code_id (coding) != code)
                continue;
              in_project++;
              if (documents[d] != 0 && document == documents[d])
                in_document++;
              g_hash_table_add (seen, g_memdup2 (&document, sizeof document));
            }
          g_assert_cmpuint (entry.in_document, ==, in_document);
          g_assert_cmpuint (entry.in_project, ==, in_project);
          g_assert_cmpuint (entry.documents, ==, g_hash_table_size (seen));
        }
    }
}

/* ------------------------------------------------------------------------
 * Fixture
 * ------------------------------------------------------------------------ */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char * const pdf_pages[] = {
    "Page one of the letter. Na\xc3\xafve caf\xc3\xa9 \xe2\x80\x94 Stra\xc3\x9f" "e and r\xc3\xa9sum\xc3\xa9.",
    "Page two: \xc5\x92uvre, \xc3\x86r\xc3\xb8; the local authority knows itself well.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("project-%u.gloss", ++n_projects);
  g_autofree char *text_path = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *pdf_name = g_strdup_printf ("letter-%u.pdf", n_projects);

  memset (f, 0, sizeof *f);
  f->path = g_build_filename (tmpdir, name, NULL);
  f->project = gloss_project_create (f->path, "Codebook test", &error);
  g_assert_no_error (error);

  text_path = write_file ("multibyte.txt", multibyte_text, -1);
  plain_path = write_file ("plain.txt", plain_text, -1);
  pdf_path = g_build_filename (tmpdir, pdf_name, NULL);
  g_assert_true (gloss_test_make_pdf (pdf_path, pdf_pages, &error));
  g_assert_no_error (error);

  f->text_doc = import (f->project, text_path);
  f->plain_doc = import (f->project, plain_path);
  f->pdf_doc = import (f->project, pdf_path);

  f->text = gloss_project_load_document_text (f->project, f->text_doc, &error);
  g_assert_no_error (error);
  f->n_chars = g_utf8_strlen (f->text, -1);
  /* The CRLF line ends were normalised: offsets count LF as one. */
  g_assert_null (strchr (f->text, '\r'));

  f->alice = gloss_project_ensure_coder (f->project, "Alice", &error);
  g_assert_no_error (error);
  f->bob = gloss_project_ensure_coder (f->project, "Bob", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->alice, >, 0);
  g_assert_cmpint (f->bob, >, 0);
  g_assert_cmpint (f->alice, !=, f->bob);

  connect_signals (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (f->project != NULL)
    {
      g_assert_true (gloss_project_check_integrity (f->project, &error));
      g_assert_no_error (error);
    }
  drain ();
  g_clear_object (&f->project);
  g_free (f->text);
  g_free (f->path);
}

/* The codebook of the Fixture comment, and ten codings:
 *   c1  text  Help         Alice  0–5
 *   c2  text  Protection   Alice  0–5    (same passage as c1: collapses on merge)
 *   c3  text  Protection   Bob    0–5
 *   c4  text  Protection   Alice  0–6
 *   c5  text  P/Missing    Alice  10–20
 *   c6  text  Help/Missing Alice  10–20  (same passage as c5)
 *   c7  pdf   P/Missing    Bob    2–8
 *   c8  text  CSE          Alice  30–40
 *   c9  pdf   Online       Alice  1–4
 *   c10 plain Oversight    Bob    0–3
 * and memos: on Protection (Alice), on CSE (Bob), on the project (Alice),
 * on the text document (Bob), on c8 (its own). */
static void
populate (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) help = NULL;

  help = gloss_project_add_code (f->project, 0, "Help", "#3584E4", "Early help and thresholds", &error);
  g_assert_no_error (error);
  f->help = gloss_code_get_id (help);
  f->help_early = add_code (f, f->help, "Early help");
  f->help_thresholds = add_code (f, f->help, "Thresholds");
  f->help_missing = add_code (f, f->help, "Missing");
  f->protection = add_code (f, 0, "Protection");
  f->cse = add_code (f, f->protection, "CSE");
  f->online = add_code (f, f->cse, "Online");
  f->missing = add_code (f, f->protection, "Missing");
  f->leadership = add_code (f, 0, "Leadership");
  f->oversight = add_code (f, f->leadership, "Oversight");
  g_assert_true (gloss_project_set_code_pin (f->project, f->help, 3, &error));
  g_assert_no_error (error);

  f->c[1] = add_coding (f, f->text_doc, f->help, f->alice, 0, 5);
  f->c[2] = add_coding (f, f->text_doc, f->protection, f->alice, 0, 5);
  f->c[3] = add_coding (f, f->text_doc, f->protection, f->bob, 0, 5);
  f->c[4] = add_coding (f, f->text_doc, f->protection, f->alice, 0, 6);
  f->c[5] = add_coding (f, f->text_doc, f->missing, f->alice, 10, 20);
  f->c[6] = add_coding (f, f->text_doc, f->help_missing, f->alice, 10, 20);
  f->c[7] = add_coding (f, f->pdf_doc, f->missing, f->bob, 2, 8);
  f->c[8] = add_coding (f, f->text_doc, f->cse, f->alice, 30, 40);
  f->c[9] = add_coding (f, f->pdf_doc, f->online, f->alice, 1, 4);
  f->c[10] = add_coding (f, f->plain_doc, f->oversight, f->bob, 0, 3);

  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_CODE, f->protection, f->alice,
                                         "Harm outside the home", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_CODE, f->cse, f->bob,
                                         "Includes criminal exploitation", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->alice,
                                         "Pilot coding round", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_DOCUMENT, f->text_doc, f->bob,
                                         "Read twice", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_set_coding_memo (f->project, f->c[8], "Strong example \xe2\x9c\x93", &error));
  g_assert_no_error (error);

  drain ();
  f->codes_changed = 0;
  f->codings_changed = 0;
}

static void
populated_setup (Fixture       *f,
                 gconstpointer  data)
{
  fixture_setup (f, data);
  populate (f);
}

/* A refused change leaves the stored state and the undo journal as they
 * were, and emits nothing. */
typedef struct
{
  char *state;
  char *journal;
  char *undo_label;
} Before;

static void
before_take (Fixture *f,
             Before  *b)
{
  drain ();
  f->codes_changed = 0;
  f->codings_changed = 0;
  b->state = snapshot (f);
  b->journal = journal_snapshot (f);
  b->undo_label = NULL;
  gloss_project_can_undo (f->project, &b->undo_label);
}

static void
before_assert_stored (Fixture *f,
                      Before  *b)
{
  g_autofree char *journal = journal_snapshot (f);

  assert_state (f, b->state);
  g_assert_cmpstr (journal, ==, b->journal);
}

static void
before_assert_unchanged (Fixture *f,
                         Before  *b)
{
  g_autofree char *journal = journal_snapshot (f);
  g_autofree char *label = NULL;

  assert_state (f, b->state);
  g_assert_cmpstr (journal, ==, b->journal);
  gloss_project_can_undo (f->project, &label);
  g_assert_cmpstr (label, ==, b->undo_label);
  drain ();
  g_assert_cmpuint (f->codes_changed, ==, 0);
  g_assert_cmpuint (f->codings_changed, ==, 0);
}

static void
before_clear (Before *b)
{
  g_clear_pointer (&b->state, g_free);
  g_clear_pointer (&b->journal, g_free);
  g_clear_pointer (&b->undo_label, g_free);
}

#define ASSERT_REFUSED(f, call, code) \
  G_STMT_START { \
    Before b_; \
    GError *e_ = NULL; \
    before_take ((f), &b_); \
    g_assert_false ((call) ? TRUE : FALSE); \
    g_assert_error (e_, GLOSS_ERROR, (code)); \
    g_assert_nonnull (e_->message); \
    g_assert_cmpstr (e_->message, !=, ""); \
    g_clear_error (&e_); \
    before_assert_unchanged ((f), &b_); \
    before_clear (&b_); \
  } G_STMT_END

/* ------------------------------------------------------------------------
 * The tree of codes
 * ------------------------------------------------------------------------ */

static gboolean
is_colour (const char *colour)
{
  return g_regex_match_simple ("^#[0-9a-f]{6}$", colour, 0, 0);
}

static void
test_tree_add (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) help = NULL;
  g_autoptr(GlossCode) protection = NULL;
  g_autoptr(GlossCode) early = NULL;
  g_autoptr(GlossCode) found = NULL;
  g_autoptr(GlossCode) spaced = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autofree char *upper_guid = NULL;
  gint64 twin;

  help = gloss_project_add_code (f->project, 0, "Help", "#3584E4", "Early help", &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (gloss_code_get_guid (help)));
  g_assert_cmpstr (gloss_code_get_name (help), ==, "Help");
  g_assert_cmpstr (gloss_code_get_path (help), ==, "Help");
  g_assert_cmpstr (gloss_code_get_description (help), ==, "Early help");
  g_assert_cmpstr (gloss_code_get_colour (help), ==, "#3584e4");
  g_assert_cmpint (gloss_code_get_parent_id (help), ==, 0);
  g_assert_cmpuint (gloss_code_get_position (help), ==, 0);
  g_assert_cmpuint (gloss_code_get_depth (help), ==, 0);
  g_assert_cmpuint (gloss_code_get_pin (help), ==, 0);

  /* Without a colour: one of the palette. */
  protection = gloss_project_add_code (f->project, 0, "Protection", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (is_colour (gloss_code_get_colour (protection)));
  g_assert_cmpstr (gloss_code_get_description (protection), ==, "");
  g_assert_cmpuint (gloss_code_get_position (protection), ==, 1);

  early = gloss_project_add_code (f->project, gloss_code_get_id (help), "Early help", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_code_get_path (early), ==, "Help/Early help");
  g_assert_cmpuint (gloss_code_get_depth (early), ==, 1);
  g_assert_cmpuint (gloss_code_get_position (early), ==, 0);
  g_assert_cmpint (gloss_code_get_parent_id (early), ==, gloss_code_get_id (help));

  /* The same name is fine under another parent … */
  twin = add_code (f, gloss_code_get_id (help), "Protection");
  assert_path (f, twin, "Help/Protection");
  /* … and names are stored without surrounding blanks. */
  spaced = gloss_project_add_code (f->project, 0, "  N\xc3\xa9gligence \xf0\x9f\x98\x80  ", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_code_get_name (spaced), ==, "N\xc3\xa9gligence \xf0\x9f\x98\x80");

  /* Depth first, siblings by position. */
  codes = gloss_project_list_codes (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codes->len, ==, 5);
  g_assert_cmpstr (gloss_code_get_path (g_ptr_array_index (codes, 0)), ==, "Help");
  g_assert_cmpstr (gloss_code_get_path (g_ptr_array_index (codes, 1)), ==, "Help/Early help");
  g_assert_cmpstr (gloss_code_get_path (g_ptr_array_index (codes, 2)), ==, "Help/Protection");
  g_assert_cmpstr (gloss_code_get_path (g_ptr_array_index (codes, 3)), ==, "Protection");
  g_assert_cmpstr (gloss_code_get_path (g_ptr_array_index (codes, 4)), ==, "N\xc3\xa9gligence \xf0\x9f\x98\x80");

  /* Looked up by path and by GUID (in either case). */
  found = gloss_project_lookup_code (f->project, "Help/Early help", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_code_get_id (found), ==, gloss_code_get_id (early));
  g_clear_object (&found);
  upper_guid = g_ascii_strup (gloss_code_get_guid (protection), -1);
  found = gloss_project_lookup_code (f->project, upper_guid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_code_get_id (found), ==, gloss_code_get_id (protection));
  g_clear_object (&found);
  found = gloss_project_lookup_code (f->project, "Help/Nothing", &error);
  g_assert_null (found);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Refused: each leaves the project as it was. */
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, "Help", NULL, NULL, &e_), GLOSS_ERROR_EXISTS);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, " Help ", NULL, NULL, &e_), GLOSS_ERROR_EXISTS);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, gloss_code_get_id (help), "Early help", NULL, NULL, &e_),
                  GLOSS_ERROR_EXISTS);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, "Harm/CSE", NULL, NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, "", NULL, NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, "   ", NULL, NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, NULL, NULL, NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, "Red", "red", NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, "Red", "#12345", NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, "Red", "#1234567", NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, "Red", "#gg0000", NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, "Red", "", NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 9999, "Orphan", NULL, NULL, &e_), GLOSS_ERROR_NOT_FOUND);
}

static void
test_tree_ensure_path (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) gangs = NULL;
  g_autoptr(GlossCode) again = NULL;
  g_autoptr(GlossCode) inside = NULL;
  g_autoptr(GlossCode) harm = NULL;
  g_autoptr(GlossCode) outside = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  Before b;

  gangs = gloss_project_ensure_code_path (f->project, "Harm/Outside the home/Gangs", "#00FF00",
                                          "County lines", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_code_get_path (gangs), ==, "Harm/Outside the home/Gangs");
  g_assert_cmpuint (gloss_code_get_depth (gangs), ==, 2);
  g_assert_cmpstr (gloss_code_get_colour (gangs), ==, "#00ff00");
  g_assert_cmpstr (gloss_code_get_description (gangs), ==, "County lines");

  harm = gloss_project_lookup_code (f->project, "Harm", &error);
  g_assert_no_error (error);
  outside = gloss_project_lookup_code (f->project, "Harm/Outside the home", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_code_get_parent_id (harm), ==, 0);
  g_assert_cmpint (gloss_code_get_parent_id (outside), ==, gloss_code_get_id (harm));
  g_assert_cmpint (gloss_code_get_parent_id (gangs), ==, gloss_code_get_id (outside));
  /* Colour and description are for the last level only. */
  g_assert_cmpstr (gloss_code_get_description (harm), ==, "");
  g_assert_true (is_colour (gloss_code_get_colour (harm)));

  /* What exists is reused, and nothing is recorded. */
  before_take (f, &b);
  again = gloss_project_ensure_code_path (f->project, "Harm/Outside the home", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_code_get_id (again), ==, gloss_code_get_id (outside));
  before_assert_stored (f, &b);
  before_clear (&b);

  inside = gloss_project_ensure_code_path (f->project, " Harm / Inside ", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_code_get_path (inside), ==, "Harm/Inside");
  g_assert_cmpint (gloss_code_get_parent_id (inside), ==, gloss_code_get_id (harm));
  assert_children (f, gloss_code_get_id (harm), "Outside the home,Inside");

  codes = gloss_project_list_codes (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codes->len, ==, 4);

  ASSERT_REFUSED (f, gloss_project_ensure_code_path (f->project, "Harm//Gangs", NULL, NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_ensure_code_path (f->project, "/Harm", NULL, NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_ensure_code_path (f->project, "New/", NULL, NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_ensure_code_path (f->project, "", NULL, NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_ensure_code_path (f->project, "New/Code", "blue", NULL, &e_), GLOSS_ERROR_INVALID);
}

static void
test_tree_rename (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) cse = NULL;
  g_autoptr(GlossCoding) c8 = NULL;
  Before b;

  g_assert_true (gloss_project_rename_code (f->project, f->cse, "Child sexual exploitation", &error));
  g_assert_no_error (error);
  cse = get_code (f, f->cse);
  g_assert_cmpstr (gloss_code_get_name (cse), ==, "Child sexual exploitation");
  assert_path (f, f->online, "Protection/Child sexual exploitation/Online");
  c8 = get_coding (f, f->c[8]);
  g_assert_cmpstr (gloss_coding_get_code_path (c8), ==, "Protection/Child sexual exploitation");
  assert_counts (f, f->text_doc, f->cse, 1, 1, 1);

  /* Blanks around the name go. */
  g_assert_true (gloss_project_rename_code (f->project, f->missing, "  Missing children ", &error));
  g_assert_no_error (error);
  assert_path (f, f->missing, "Protection/Missing children");

  /* The same name again changes nothing, records nothing. */
  before_take (f, &b);
  g_assert_true (gloss_project_rename_code (f->project, f->missing, "Missing children", &error));
  g_assert_no_error (error);
  before_assert_stored (f, &b);
  before_clear (&b);

  ASSERT_REFUSED (f, gloss_project_rename_code (f->project, f->help_missing, "Thresholds", &e_), GLOSS_ERROR_EXISTS);
  ASSERT_REFUSED (f, gloss_project_rename_code (f->project, f->protection, "Help", &e_), GLOSS_ERROR_EXISTS);
  ASSERT_REFUSED (f, gloss_project_rename_code (f->project, f->protection, " Leadership", &e_), GLOSS_ERROR_EXISTS);
  ASSERT_REFUSED (f, gloss_project_rename_code (f->project, f->protection, "Harm/Risk", &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_rename_code (f->project, f->protection, "", &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_rename_code (f->project, f->protection, "  ", &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_rename_code (f->project, 9999, "Gone", &e_), GLOSS_ERROR_NOT_FOUND);

  /* A name may repeat under another parent. */
  g_assert_true (gloss_project_rename_code (f->project, f->missing, "Thresholds", &error));
  g_assert_no_error (error);
  assert_path (f, f->missing, "Protection/Thresholds");
}

static void
test_tree_colour_description (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) help = NULL;
  g_autoptr(GlossCode) missing = NULL;
  g_autoptr(GlossCoding) c1 = NULL;

  g_assert_true (gloss_project_set_code_colour (f->project, f->help, "#ABCDEF", &error));
  g_assert_no_error (error);
  help = get_code (f, f->help);
  g_assert_cmpstr (gloss_code_get_colour (help), ==, "#abcdef");
  /* The coding shows its code's colour. */
  c1 = get_coding (f, f->c[1]);
  g_assert_cmpstr (gloss_coding_get_colour (c1), ==, "#abcdef");

  g_assert_true (gloss_project_set_code_description (f->project, f->missing,
                                                     "Children missing from home, care or \xc3\xa9" "cole",
                                                     &error));
  g_assert_no_error (error);
  missing = get_code (f, f->missing);
  g_assert_cmpstr (gloss_code_get_description (missing), ==, "Children missing from home, care or \xc3\xa9" "cole");
  g_clear_object (&missing);
  g_assert_true (gloss_project_set_code_description (f->project, f->missing, NULL, &error));
  g_assert_no_error (error);
  missing = get_code (f, f->missing);
  g_assert_cmpstr (gloss_code_get_description (missing), ==, "");

  ASSERT_REFUSED (f, gloss_project_set_code_colour (f->project, f->help, "blue", &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_set_code_colour (f->project, f->help, "#abcde", &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_set_code_colour (f->project, f->help, "#abcdeg", &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_set_code_colour (f->project, f->help, "abcdef0", &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_set_code_colour (f->project, f->help, NULL, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_set_code_colour (f->project, 9999, "#000000", &e_), GLOSS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (f, gloss_project_set_code_description (f->project, 9999, "x", &e_), GLOSS_ERROR_NOT_FOUND);
}

static void
test_tree_pin (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) help = NULL;
  g_autoptr(GlossCode) oversight = NULL;
  g_autoptr(GlossCode) cse = NULL;

  help = get_code (f, f->help);
  g_assert_cmpuint (gloss_code_get_pin (help), ==, 3);
  g_clear_object (&help);

  /* The key moves from Help to Oversight. */
  g_assert_true (gloss_project_set_code_pin (f->project, f->oversight, 3, &error));
  g_assert_no_error (error);
  help = get_code (f, f->help);
  oversight = get_code (f, f->oversight);
  g_assert_cmpuint (gloss_code_get_pin (help), ==, 0);
  g_assert_cmpuint (gloss_code_get_pin (oversight), ==, 3);
  g_clear_object (&oversight);

  /* Another key for another code; then unpinning. */
  g_assert_true (gloss_project_set_code_pin (f->project, f->cse, 9, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_set_code_pin (f->project, f->oversight, 0, &error));
  g_assert_no_error (error);
  oversight = get_code (f, f->oversight);
  cse = get_code (f, f->cse);
  g_assert_cmpuint (gloss_code_get_pin (oversight), ==, 0);
  g_assert_cmpuint (gloss_code_get_pin (cse), ==, 9);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM code WHERE pin IS NOT NULL"), ==, 1);

  ASSERT_REFUSED (f, gloss_project_set_code_pin (f->project, f->help, 10, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_set_code_pin (f->project, 9999, 1, &e_), GLOSS_ERROR_NOT_FOUND);
}

static void
test_tree_move (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) c8 = NULL;

  assert_children (f, 0, "Help,Protection,Leadership");
  assert_children (f, f->help, "Early help,Thresholds,Missing");
  assert_children (f, f->protection, "CSE,Missing");

  /* Between siblings. */
  g_assert_true (gloss_project_move_code (f->project, f->missing, f->protection, 0, &error));
  g_assert_no_error (error);
  assert_children (f, f->protection, "Missing,CSE");
  g_assert_true (gloss_project_move_code (f->project, f->help_early, f->help, -1, &error));
  g_assert_no_error (error);
  assert_children (f, f->help, "Thresholds,Missing,Early help");
  g_assert_true (gloss_project_move_code (f->project, f->help_early, f->help, 1, &error));
  g_assert_no_error (error);
  assert_children (f, f->help, "Thresholds,Early help,Missing");
  g_assert_true (gloss_project_move_code (f->project, f->leadership, 0, 0, &error));
  g_assert_no_error (error);
  assert_children (f, 0, "Leadership,Help,Protection");

  /* Onto another code, with its sub-codes and codings. */
  g_assert_true (gloss_project_move_code (f->project, f->cse, f->help, 1, &error));
  g_assert_no_error (error);
  assert_children (f, f->help, "Thresholds,CSE,Early help,Missing");
  assert_children (f, f->protection, "Missing");
  assert_path (f, f->cse, "Help/CSE");
  assert_path (f, f->online, "Help/CSE/Online");
  c8 = get_coding (f, f->c[8]);
  g_assert_cmpstr (gloss_coding_get_code_path (c8), ==, "Help/CSE");
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->help), ==, 4);
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->protection), ==, 5);
  assert_counts (f, f->text_doc, f->cse, 1, 1, 1);
  assert_counts (f, f->pdf_doc, f->online, 1, 1, 1);

  /* To the root. */
  g_assert_true (gloss_project_move_code (f->project, f->online, 0, 1, &error));
  g_assert_no_error (error);
  assert_children (f, 0, "Leadership,Online,Help,Protection");
  assert_children (f, f->cse, "");
  assert_path (f, f->online, "Online");

  /* A code cannot become its own ancestor. */
  ASSERT_REFUSED (f, gloss_project_move_code (f->project, f->help, f->help, 0, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_move_code (f->project, f->help, f->cse, 0, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_move_code (f->project, f->leadership, f->oversight, -1, &e_), GLOSS_ERROR_INVALID);
  /* Names stay unique among siblings. */
  ASSERT_REFUSED (f, gloss_project_move_code (f->project, f->missing, f->help, 0, &e_), GLOSS_ERROR_EXISTS);
  ASSERT_REFUSED (f, gloss_project_move_code (f->project, f->help_missing, f->protection, -1, &e_), GLOSS_ERROR_EXISTS);
  /* Unknown codes. */
  ASSERT_REFUSED (f, gloss_project_move_code (f->project, f->help, 9999, 0, &e_), GLOSS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (f, gloss_project_move_code (f->project, 9999, f->help, 0, &e_), GLOSS_ERROR_NOT_FOUND);

  assert_counts_consistent (f);
  assert_quotes (f);
}

static void
test_tree_merge (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) codings = NULL;
  g_autofree char *memo = NULL;
  g_autoptr(GlossCoding) c3 = NULL;
  g_autoptr(GlossCoding) c7 = NULL;
  g_autoptr(GlossCoding) c8 = NULL;
  g_autoptr(GlossCoding) c9 = NULL;

  ASSERT_REFUSED (f, gloss_project_merge_code (f->project, f->protection, f->protection, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_merge_code (f->project, f->protection, f->cse, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_merge_code (f->project, f->protection, f->online, &e_), GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_merge_code (f->project, 9999, f->help, &e_), GLOSS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (f, gloss_project_merge_code (f->project, f->protection, 9999, &e_), GLOSS_ERROR_NOT_FOUND);

  g_assert_true (gloss_project_merge_code (f->project, f->protection, f->help, &error));
  g_assert_no_error (error);

  /* Protection is gone, and so is its Missing, merged into Help/Missing;
   * CSE (with Online) now lives under Help. */
  g_assert_false (code_exists (f, f->protection));
  g_assert_false (code_exists (f, f->missing));
  assert_children (f, 0, "Help,Leadership");
  assert_children (f, f->help, "Early help,Thresholds,Missing,CSE");
  assert_children (f, f->cse, "Online");
  assert_path (f, f->online, "Help/CSE/Online");
  codes = gloss_project_list_codes (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codes->len, ==, 8);

  /* c2 repeated c1 (same document, coder and passage) and c5 repeated
   * c6: both collapsed.  The others moved. */
  g_assert_false (coding_exists (f, f->c[2]));
  g_assert_false (coding_exists (f, f->c[5]));
  g_assert_true (coding_exists (f, f->c[1]));
  g_assert_true (coding_exists (f, f->c[6]));
  c3 = get_coding (f, f->c[3]);
  g_assert_cmpint (gloss_coding_get_code_id (c3), ==, f->help);
  g_assert_cmpint (gloss_coding_get_coder_id (c3), ==, f->bob);
  c7 = get_coding (f, f->c[7]);
  g_assert_cmpint (gloss_coding_get_code_id (c7), ==, f->help_missing);
  g_assert_cmpstr (gloss_coding_get_code_path (c7), ==, "Help/Missing");
  c8 = get_coding (f, f->c[8]);
  g_assert_cmpint (gloss_coding_get_code_id (c8), ==, f->cse);
  g_assert_cmpstr (gloss_coding_get_memo (c8), ==, "Strong example \xe2\x9c\x93");
  c9 = get_coding (f, f->c[9]);
  g_assert_cmpint (gloss_coding_get_code_id (c9), ==, f->online);
  codings = gloss_project_list_codings (f->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codings->len, ==, 8);

  /* Counts, worked out by hand. */
  assert_counts (f, f->text_doc, f->help, 3, 3, 1);          /* c1, c3, c4 */
  assert_counts (f, f->text_doc, f->help_missing, 1, 2, 2);  /* c6, c7 */
  assert_counts (f, f->pdf_doc, f->help_missing, 1, 2, 2);
  assert_counts (f, f->text_doc, f->cse, 1, 1, 1);
  assert_counts (f, f->pdf_doc, f->online, 1, 1, 1);
  assert_counts (f, f->plain_doc, f->oversight, 1, 1, 1);
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->help), ==, 7);

  /* The memo of the merged code went with it; the others stay. */
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM memo WHERE target = 'code'"), ==, 1);
  memo = gloss_project_get_memo (f->project, GLOSS_MEMO_CODE, f->cse, f->bob, NULL);
  g_assert_cmpstr (memo, ==, "Includes criminal exploitation");

  assert_counts_consistent (f);
  assert_quotes (f);
}

/* Merging a code into its parent when it has a sub-code of its own name:
 * that sub-code's twin under the parent is the code being merged, which
 * goes away; the sub-code's codings must not go with it. */
static void
test_tree_merge_into_parent (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) c9 = NULL;
  g_autoptr(GPtrArray) codings = NULL;
  gint64 inner = add_code (f, f->online, "Online");
  gint64 x = add_coding (f, f->text_doc, inner, f->bob, 50, 60);
  g_autoptr(GlossCoding) moved = NULL;

  assert_path (f, inner, "Protection/CSE/Online/Online");
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->cse), ==, 3);

  g_assert_true (gloss_project_merge_code (f->project, f->online, f->cse, &error));
  g_assert_no_error (error);

  g_assert_false (code_exists (f, f->online));
  c9 = get_coding (f, f->c[9]);
  g_assert_cmpint (gloss_coding_get_code_id (c9), ==, f->cse);
  /* Nothing collapsed, so nothing may be missing. */
  codings = gloss_project_list_codings (f->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codings->len, ==, 11);
  g_assert_true (coding_exists (f, x));
  moved = get_coding (f, x);
  g_assert_true (g_str_has_prefix (gloss_coding_get_code_path (moved), "Protection/CSE"));
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->cse), ==, 3);
  assert_counts_consistent (f);
}

static void
test_tree_delete (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codings = NULL;
  g_autofree char *memo = NULL;

  /* What the confirmation tells: codings of the code and its sub-codes. */
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->protection), ==, 7);
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->cse), ==, 2);
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->online), ==, 1);
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->help), ==, 2);
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->help_early), ==, 0);
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->leadership), ==, 1);
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, 9999), ==, 0);

  ASSERT_REFUSED (f, gloss_project_delete_code (f->project, 9999, &e_), GLOSS_ERROR_NOT_FOUND);

  g_assert_true (gloss_project_delete_code (f->project, f->protection, &error));
  g_assert_no_error (error);

  g_assert_false (code_exists (f, f->protection));
  g_assert_false (code_exists (f, f->cse));
  g_assert_false (code_exists (f, f->online));
  g_assert_false (code_exists (f, f->missing));
  assert_children (f, 0, "Help,Leadership");
  codings = gloss_project_list_codings (f->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (codings->len, ==, 3);
  g_assert_true (coding_exists (f, f->c[1]));
  g_assert_true (coding_exists (f, f->c[6]));
  g_assert_true (coding_exists (f, f->c[10]));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM coding"), ==, 3);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM code"), ==, 6);

  /* Memos on the deleted codes go; the others stay. */
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM memo WHERE target = 'code'"), ==, 0);
  memo = gloss_project_get_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->alice, NULL);
  g_assert_cmpstr (memo, ==, "Pilot coding round");

  assert_counts (f, f->text_doc, f->help, 1, 1, 1);
  assert_counts (f, f->text_doc, f->help_missing, 1, 1, 1);
  assert_counts (f, f->plain_doc, f->oversight, 1, 1, 1);
  assert_counts_consistent (f);

  /* A leaf. */
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->help_missing), ==, 1);
  g_assert_true (gloss_project_delete_code (f->project, f->help_missing, &error));
  g_assert_no_error (error);
  assert_children (f, f->help, "Early help,Thresholds");
  g_assert_false (coding_exists (f, f->c[6]));
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, f->help), ==, 1);
  assert_counts_consistent (f);
}

/* ------------------------------------------------------------------------
 * Codings
 * ------------------------------------------------------------------------ */

/* Code-point offset of needle in the canonical text. */
static guint
offset_of (const char *text,
           const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

static GlossCoding *
code_passage (Fixture *f,
              gint64   document,
              gint64   code,
              guint    start,
              guint    end)
{
  g_autoptr(GError) error = NULL;
  GlossCoding *coding;

  coding = gloss_project_add_coding (f->project, document, code, f->alice, start, end, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (coding);
  return coding;
}

static void
test_coding_quote (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GlossCoding) emoji = NULL;
  g_autoptr(GlossCoding) cjk = NULL;
  g_autoptr(GlossCoding) combining = NULL;
  g_autoptr(GlossCoding) family = NULL;
  g_autoptr(GlossCoding) whole = NULL;
  g_autoptr(GlossCoding) last = NULL;
  g_autoptr(GlossCoding) resized = NULL;
  g_autoptr(GlossCoding) oeuvre = NULL;
  g_autoptr(GlossCoding) first = NULL;
  g_autoptr(GlossCoding) across = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *expected = NULL;
  gint64 code = add_code (f, 0, "Quote");
  const char *p;
  guint o, pdf_chars, i;

  /* One emoji is one code point (4 bytes in UTF-8, 2 units in UTF-16). */
  o = offset_of (f->text, "\xf0\x9f\x98\x80");
  p = strstr (f->text, "\xf0\x9f\x98\x80");
  g_assert_cmpuint (o, <, (guint) (p - f->text));
  emoji = code_passage (f, f->text_doc, code, o, o + 1);
  g_assert_cmpstr (gloss_coding_get_quote (emoji), ==, "\xf0\x9f\x98\x80");

  o = offset_of (f->text, "\xe5\x85\x90");
  cjk = code_passage (f, f->text_doc, code, o, o + 4);
  g_assert_cmpstr (gloss_coding_get_quote (cjk), ==, "\xe5\x85\x90\xe7\xab\xa5\xe7\xa6\x8f\xe7\xa5\x89");

  /* e + combining acute: two code points. */
  o = offset_of (f->text, "e\xcc\x81");
  combining = code_passage (f, f->text_doc, code, o, o + 2);
  g_assert_cmpstr (gloss_coding_get_quote (combining), ==, "e\xcc\x81");

  /* woman, ZWJ, girl: three code points. */
  o = offset_of (f->text, "\xf0\x9f\x91\xa9");
  family = code_passage (f, f->text_doc, code, o, o + 3);
  g_assert_cmpstr (gloss_coding_get_quote (family), ==, "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7");

  /* The whole text, and its last character. */
  whole = code_passage (f, f->text_doc, code, 0, f->n_chars);
  g_assert_cmpstr (gloss_coding_get_quote (whole), ==, f->text);
  last = code_passage (f, f->text_doc, code, f->n_chars - 1, f->n_chars);
  g_assert_cmpstr (gloss_coding_get_quote (last), ==, "\n");
  g_assert_cmpuint (gloss_coding_get_page (last), ==, 0);

  /* Resizing: the quote follows the new selection. */
  o = offset_of (f->text, "Emoji");
  g_assert_true (gloss_project_set_coding_range (f->project, gloss_coding_get_id (emoji), o, o + 11, &error));
  g_assert_no_error (error);
  resized = get_coding (f, gloss_coding_get_id (emoji));
  g_assert_cmpstr (gloss_coding_get_quote (resized), ==, "Emoji \xf0\x9f\x98\x80 and");
  g_assert_cmpstr (gloss_coding_get_guid (resized), ==, gloss_coding_get_guid (emoji));

  /* Random passages, by a second coder so as not to meet the ones above. */
  for (i = 0; i < 40; i++)
    {
      guint start = g_test_rand_int_range (0, f->n_chars);
      guint end = g_test_rand_int_range (start + 1, f->n_chars + 1);
      char *key = g_strdup_printf ("%u-%u", start, end);
      g_autoptr(GlossCoding) coding = NULL;
      g_autofree char *slice = NULL;

      if (!g_hash_table_add (used, key))
        continue;
      coding = gloss_project_add_coding (f->project, f->text_doc, code, f->bob, start, end, NULL, &error);
      g_assert_no_error (error);
      slice = g_utf8_substring (f->text, start, end);
      g_assert_cmpstr (gloss_coding_get_quote (coding), ==, slice);
    }

  /* A PDF: canonical text from poppler, over two pages. */
  pdf_text = gloss_project_load_document_text (f->project, f->pdf_doc, &error);
  g_assert_no_error (error);
  pdf_chars = g_utf8_strlen (pdf_text, -1);
  o = offset_of (pdf_text, "\xc5\x92uvre");
  oeuvre = code_passage (f, f->pdf_doc, code, o, o + 5);
  g_assert_cmpstr (gloss_coding_get_quote (oeuvre), ==, "\xc5\x92uvre");
  g_assert_cmpuint (gloss_coding_get_page (oeuvre), ==, 1);
  o = offset_of (pdf_text, "Stra\xc3\x9f" "e");
  first = code_passage (f, f->pdf_doc, code, o, o + 6);
  g_assert_cmpstr (gloss_coding_get_quote (first), ==, "Stra\xc3\x9f" "e");
  g_assert_cmpuint (gloss_coding_get_page (first), ==, 0);
  across = code_passage (f, f->pdf_doc, code, o, offset_of (pdf_text, "Page two") + 4);
  expected = g_utf8_substring (pdf_text, o, offset_of (pdf_text, "Page two") + 4);
  g_assert_cmpstr (gloss_coding_get_quote (across), ==, expected);
  g_assert_true (g_str_has_suffix (gloss_coding_get_quote (across), "Page"));
  g_assert_cmpuint (gloss_coding_get_end (across), <=, pdf_chars);

  assert_quotes (f);
  reopen (f);
  assert_quotes (f);
  assert_counts_consistent (f);
}

static void
test_coding_invalid (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) end = NULL;
  g_autoptr(GlossCoding) other_code = NULL;
  guint n = f->n_chars;

  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, f->text_doc, f->help, f->alice, n - 1, n + 1, NULL, &e_),
                  GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, f->text_doc, f->help, f->alice, n + 5, n + 9, NULL, &e_),
                  GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, f->text_doc, f->help, f->alice, 5, 5, NULL, &e_),
                  GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, f->text_doc, f->help, f->alice, 6, 5, NULL, &e_),
                  GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, f->text_doc, f->help, f->alice, G_MAXUINT - 1, G_MAXUINT,
                                               NULL, &e_),
                  GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, 9999, f->help, f->alice, 0, 1, NULL, &e_),
                  GLOSS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, f->text_doc, 9999, f->alice, 0, 1, NULL, &e_),
                  GLOSS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, f->text_doc, f->help, 9999, 0, 1, NULL, &e_),
                  GLOSS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, f->text_doc, f->help, 0, 0, 1, NULL, &e_),
                  GLOSS_ERROR_NOT_FOUND);
  /* c1 again: same document, code, coder and passage. */
  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, f->text_doc, f->help, f->alice, 0, 5, "again", &e_),
                  GLOSS_ERROR_EXISTS);

  /* Allowed: up to the very end; the same passage with another code; the
   * same code by another coder (c3 beside c2). */
  end = gloss_project_add_coding (f->project, f->text_doc, f->help, f->alice, n - 1, n, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (end);
  other_code = gloss_project_add_coding (f->project, f->text_doc, f->help_early, f->alice, 0, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other_code);
  assert_counts (f, f->text_doc, f->help, 2, 2, 1);
  assert_counts (f, f->text_doc, f->help_early, 1, 1, 1);
  assert_counts (f, f->text_doc, f->protection, 3, 3, 1);
  assert_counts_consistent (f);
}

static void
test_coding_change (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) c1 = NULL;
  g_autoptr(GlossCoding) c8_before = NULL;
  g_autoptr(GlossCoding) c8 = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *memo = NULL;
  g_autoptr(GDateTime) changed = NULL;

  /* Another code. */
  ASSERT_REFUSED (f, gloss_project_set_coding_code (f->project, f->c[2], f->help, &e_), GLOSS_ERROR_EXISTS);
  ASSERT_REFUSED (f, gloss_project_set_coding_code (f->project, f->c[1], 9999, &e_), GLOSS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (f, gloss_project_set_coding_code (f->project, 9999, f->help, &e_), GLOSS_ERROR_NOT_FOUND);
  g_assert_true (gloss_project_set_coding_code (f->project, f->c[1], f->help_early, &error));
  g_assert_no_error (error);
  c1 = get_coding (f, f->c[1]);
  g_assert_cmpint (gloss_coding_get_code_id (c1), ==, f->help_early);
  g_assert_cmpstr (gloss_coding_get_code_path (c1), ==, "Help/Early help");
  assert_counts (f, f->text_doc, f->help, 0, 0, 0);
  assert_counts (f, f->text_doc, f->help_early, 1, 1, 1);
  /* Now c2 may take Help. */
  g_assert_true (gloss_project_set_coding_code (f->project, f->c[2], f->help, &error));
  g_assert_no_error (error);
  assert_counts (f, f->text_doc, f->protection, 2, 2, 1);
  assert_counts (f, f->text_doc, f->help, 1, 1, 1);

  /* Another range: the quote follows; identity and creation stay. */
  c8_before = get_coding (f, f->c[8]);
  g_assert_true (gloss_project_set_coding_range (f->project, f->c[8], 25, 45, &error));
  g_assert_no_error (error);
  c8 = get_coding (f, f->c[8]);
  expected = g_utf8_substring (f->text, 25, 45);
  g_assert_cmpstr (gloss_coding_get_quote (c8), ==, expected);
  g_assert_cmpuint (gloss_coding_get_start (c8), ==, 25);
  g_assert_cmpuint (gloss_coding_get_end (c8), ==, 45);
  g_assert_cmpstr (gloss_coding_get_guid (c8), ==, gloss_coding_get_guid (c8_before));
  g_assert_true (g_date_time_equal (gloss_coding_get_created (c8), gloss_coding_get_created (c8_before)));
  g_assert_cmpint (g_date_time_compare (gloss_coding_get_changed (c8), gloss_coding_get_changed (c8_before)), >=, 0);
  g_assert_cmpstr (gloss_coding_get_memo (c8), ==, "Strong example \xe2\x9c\x93");
  g_clear_object (&c8);
  /* Shrunk. */
  g_assert_true (gloss_project_set_coding_range (f->project, f->c[8], 30, 31, &error));
  g_assert_no_error (error);
  c8 = get_coding (f, f->c[8]);
  g_clear_pointer (&expected, g_free);
  expected = g_utf8_substring (f->text, 30, 31);
  g_assert_cmpstr (gloss_coding_get_quote (c8), ==, expected);

  /* c4 (Protection, Alice, 0–6) onto 0–5 is free since c2 left
   * Protection; another Protection coding of Alice's may not follow it. */
  g_assert_true (gloss_project_set_coding_range (f->project, f->c[4], 0, 5, &error));
  g_assert_no_error (error);
  {
    gint64 extra = add_coding (f, f->text_doc, f->protection, f->alice, 50, 60);

    ASSERT_REFUSED (f, gloss_project_set_coding_range (f->project, extra, 0, 5, &e_), GLOSS_ERROR_EXISTS);
    ASSERT_REFUSED (f, gloss_project_set_coding_range (f->project, extra, 7, 7, &e_), GLOSS_ERROR_INVALID);
    ASSERT_REFUSED (f, gloss_project_set_coding_range (f->project, extra, 9, 7, &e_), GLOSS_ERROR_INVALID);
    ASSERT_REFUSED (f, gloss_project_set_coding_range (f->project, extra, 0, f->n_chars + 1, &e_), GLOSS_ERROR_INVALID);
    ASSERT_REFUSED (f, gloss_project_set_coding_range (f->project, 9999, 0, 5, &e_), GLOSS_ERROR_NOT_FOUND);
  }

  /* The memo of a coding. */
  g_assert_true (gloss_project_set_coding_memo (f->project, f->c[1], "Good example, \xc3\xbc", &error));
  g_assert_no_error (error);
  g_clear_object (&c1);
  c1 = get_coding (f, f->c[1]);
  g_assert_cmpstr (gloss_coding_get_memo (c1), ==, "Good example, \xc3\xbc");
  memo = gloss_project_get_memo (f->project, GLOSS_MEMO_CODING, f->c[1], 0, &changed);
  g_assert_cmpstr (memo, ==, "Good example, \xc3\xbc");
  g_assert_nonnull (changed);
  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_CODING, f->c[1], f->bob, "", &error));
  g_assert_no_error (error);
  g_clear_object (&c1);
  c1 = get_coding (f, f->c[1]);
  g_assert_cmpstr (gloss_coding_get_memo (c1), ==, "");
  ASSERT_REFUSED (f, gloss_project_set_coding_memo (f->project, 9999, "x", &e_), GLOSS_ERROR_NOT_FOUND);

  /* Removal. */
  g_assert_true (gloss_project_remove_coding (f->project, f->c[1], &error));
  g_assert_no_error (error);
  g_assert_false (coding_exists (f, f->c[1]));
  assert_counts (f, f->text_doc, f->help_early, 0, 0, 0);
  ASSERT_REFUSED (f, gloss_project_remove_coding (f->project, f->c[1], &e_), GLOSS_ERROR_NOT_FOUND);

  assert_quotes (f);
  assert_counts_consistent (f);
}

static void
test_coding_lookup_and_list (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) c7 = get_coding (f, f->c[7]);
  g_autoptr(GlossCoding) found = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *upper = NULL;
  GlossCodingFilter filter = { 0, };
  guint i;

  g_assert_cmpstr (gloss_coding_get_coder_name (c7), ==, "Bob");
  g_assert_cmpstr (gloss_coding_get_code_path (c7), ==, "Protection/Missing");
  g_assert_nonnull (gloss_coding_get_created (c7));
  g_assert_nonnull (gloss_coding_get_changed (c7));
  g_assert_cmpstr (gloss_coding_get_memo (c7), ==, "");

  found = gloss_project_lookup_coding (f->project, gloss_coding_get_guid (c7), &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_coding_get_id (found), ==, f->c[7]);
  g_clear_object (&found);
  upper = g_ascii_strup (gloss_coding_get_guid (c7), -1);
  found = gloss_project_lookup_coding (f->project, upper, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_coding_get_id (found), ==, f->c[7]);
  g_clear_object (&found);
  found = gloss_project_lookup_coding (f->project, "00000000-0000-4000-8000-000000000000", &error);
  g_assert_null (found);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  all = gloss_project_list_codings (f->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 10);

  filter.document_id = f->text_doc;
  listed = gloss_project_list_codings (f->project, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 7);
  for (i = 1; i < listed->len; i++)
    g_assert_cmpuint (gloss_coding_get_start (g_ptr_array_index (listed, i - 1)), <=,
                      gloss_coding_get_start (g_ptr_array_index (listed, i)));
  g_clear_pointer (&listed, g_ptr_array_unref);

  filter.document_id = 0;
  filter.code_id = f->protection;
  listed = gloss_project_list_codings (f->project, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  g_clear_pointer (&listed, g_ptr_array_unref);

  filter.with_subcodes = TRUE;
  listed = gloss_project_list_codings (f->project, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, gloss_project_count_code_codings (f->project, f->protection));
  g_assert_cmpuint (listed->len, ==, 7);
  g_clear_pointer (&listed, g_ptr_array_unref);

  filter.coder_id = f->bob;
  listed = gloss_project_list_codings (f->project, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);   /* c3, c7 */
  g_clear_pointer (&listed, g_ptr_array_unref);
}

/* Names with LIKE's wildcards ('_', '%') and names that differ only in
 * case are different codes: a code's codings with its sub-codes are those
 * of its own subtree, the same ones deleting it would remove. */
static void
test_coding_list_subtree_exact (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  GlossCodingFilter filter = { 0, };
  gint64 underscore = add_code (f, 0, "Section_47");
  gint64 strategy = add_code (f, underscore, "Strategy");
  gint64 space = add_code (f, 0, "Section 47");
  gint64 percent = add_code (f, 0, "100%");
  gint64 hundreds = add_code (f, 0, "1000 cases");
  gint64 lower = add_code (f, 0, "help");
  guint i;

  add_coding (f, f->text_doc, underscore, f->alice, 0, 3);
  add_coding (f, f->text_doc, strategy, f->alice, 0, 3);
  add_coding (f, f->text_doc, space, f->alice, 0, 3);
  add_coding (f, f->text_doc, percent, f->alice, 0, 3);
  add_coding (f, f->text_doc, hundreds, f->alice, 0, 3);
  add_coding (f, f->text_doc, lower, f->alice, 0, 3);

  filter.with_subcodes = TRUE;
  filter.code_id = underscore;
  listed = gloss_project_list_codings (f->project, &filter, &error);
  g_assert_no_error (error);
  for (i = 0; i < listed->len; i++)
    g_assert_true (g_str_has_prefix (gloss_coding_get_code_path (g_ptr_array_index (listed, i)), "Section_47"));
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpuint (listed->len, ==, gloss_project_count_code_codings (f->project, underscore));
  g_clear_pointer (&listed, g_ptr_array_unref);

  filter.code_id = percent;
  listed = gloss_project_list_codings (f->project, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* "Help" has c1 and, below it, c6; "help" is another code. */
  filter.code_id = f->help;
  listed = gloss_project_list_codings (f->project, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, gloss_project_count_code_codings (f->project, f->help));
  g_assert_cmpuint (listed->len, ==, 2);
}

/* ------------------------------------------------------------------------
 * Memos
 * ------------------------------------------------------------------------ */

static void
test_memos (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) changed = NULL;
  g_autofree char *text = NULL;

  /* The project's, per author. */
  text = gloss_project_get_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->alice, &changed);
  g_assert_cmpstr (text, ==, "Pilot coding round");
  g_assert_nonnull (changed);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&changed, g_date_time_unref);
  g_assert_null (gloss_project_get_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->bob, NULL));

  g_usleep (2000);
  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->bob,
                                         "Second round \xe2\x80\x94 agreement", &error));
  g_assert_no_error (error);
  text = gloss_project_get_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->bob, &changed);
  g_assert_cmpstr (text, ==, "Second round \xe2\x80\x94 agreement");
  g_assert_nonnull (changed);
  g_assert_cmpint (g_date_time_compare (changed, start), >=, 0);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&changed, g_date_time_unref);
  /* Anyone's: the latest. */
  text = gloss_project_get_memo (f->project, GLOSS_MEMO_PROJECT, 0, 0, NULL);
  g_assert_cmpstr (text, ==, "Second round \xe2\x80\x94 agreement");
  g_clear_pointer (&text, g_free);
  /* Alice's is untouched. */
  text = gloss_project_get_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->alice, NULL);
  g_assert_cmpstr (text, ==, "Pilot coding round");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM memo WHERE target = 'project'"), ==, 2);

  /* Editing keeps one row per target and author. */
  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->bob, "Third round", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM memo WHERE target = 'project'"), ==, 2);
  /* An empty text removes it. */
  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->bob, "", &error));
  g_assert_no_error (error);
  g_assert_null (gloss_project_get_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->bob, NULL));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM memo WHERE target = 'project'"), ==, 1);

  /* A document's. */
  text = gloss_project_get_memo (f->project, GLOSS_MEMO_DOCUMENT, f->text_doc, f->bob, NULL);
  g_assert_cmpstr (text, ==, "Read twice");
  g_clear_pointer (&text, g_free);
  g_assert_null (gloss_project_get_memo (f->project, GLOSS_MEMO_DOCUMENT, f->pdf_doc, 0, NULL));
  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_DOCUMENT, f->pdf_doc, f->alice,
                                         "Letter, not a report", &error));
  g_assert_no_error (error);
  text = gloss_project_get_memo (f->project, GLOSS_MEMO_DOCUMENT, f->pdf_doc, 0, NULL);
  g_assert_cmpstr (text, ==, "Letter, not a report");
  g_clear_pointer (&text, g_free);

  /* A code's. */
  text = gloss_project_get_memo (f->project, GLOSS_MEMO_CODE, f->cse, 0, NULL);
  g_assert_cmpstr (text, ==, "Includes criminal exploitation");
  g_clear_pointer (&text, g_free);
  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_CODE, f->cse, f->bob,
                                         "Includes criminal and sexual exploitation", &error));
  g_assert_no_error (error);
  text = gloss_project_get_memo (f->project, GLOSS_MEMO_CODE, f->cse, f->bob, NULL);
  g_assert_cmpstr (text, ==, "Includes criminal and sexual exploitation");
  g_clear_pointer (&text, g_free);

  /* A coding's. */
  text = gloss_project_get_memo (f->project, GLOSS_MEMO_CODING, f->c[8], 0, &changed);
  g_assert_cmpstr (text, ==, "Strong example \xe2\x9c\x93");
  g_assert_nonnull (changed);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&changed, g_date_time_unref);

  /* Stored with their author. */
  g_assert_cmpint (sql_int (f, "SELECT coder_id FROM memo WHERE target = 'document' AND text = 'Read twice'"),
                   ==, f->bob);

  /* Survives reopening. */
  reopen (f);
  text = gloss_project_get_memo (f->project, GLOSS_MEMO_DOCUMENT, f->pdf_doc, f->alice, NULL);
  g_assert_cmpstr (text, ==, "Letter, not a report");
  g_clear_pointer (&text, g_free);
}

/* A memo on something that is not there is refused like a coding on it. */
static void
test_memo_unknown_target (Fixture       *f,
                          gconstpointer  data)
{
  ASSERT_REFUSED (f, gloss_project_set_memo (f->project, GLOSS_MEMO_DOCUMENT, 9999, f->alice, "x", &e_),
                  GLOSS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (f, gloss_project_set_memo (f->project, GLOSS_MEMO_CODE, 9999, f->alice, "x", &e_),
                  GLOSS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (f, gloss_project_set_memo (f->project, GLOSS_MEMO_CODING, 9999, f->alice, "x", &e_),
                  GLOSS_ERROR_NOT_FOUND);
  /* An author who is not in the project, like a coding's coder. */
  ASSERT_REFUSED (f, gloss_project_set_memo (f->project, GLOSS_MEMO_PROJECT, 0, 9999, "x", &e_),
                  GLOSS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (f, gloss_project_set_memo (f->project, GLOSS_MEMO_CODE, f->help, 9999, "x", &e_),
                  GLOSS_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------------
 * Counts
 * ------------------------------------------------------------------------ */

/* Blind coding's counts: only one coder's codings.  Alice codes A twice in
 * the text report, Bob once in the text and once in the PDF. */
static void
test_counts_by_coder (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add_code (f, 0, "A");
  gint64 text = f->text_doc, pdf = f->pdf_doc;
  struct { gint64 coder; guint in_document, in_project, documents; } expected[] = {
    { 0, 3, 4, 2 },        /* everyone */
    { 0, 2, 2, 1 },        /* Alice */
    { 0, 1, 2, 2 },        /* Bob */
  };

  expected[1].coder = f->alice;
  expected[2].coder = f->bob;
  add_coding (f, text, a, f->alice, 0, 4);
  add_coding (f, text, a, f->alice, 5, 9);
  add_coding (f, text, a, f->bob, 0, 4);
  add_coding (f, pdf, a, f->bob, 0, 4);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GArray) counts = gloss_project_get_coder_code_counts (f->project, text,
                                                                      expected[i].coder, &error);
      GlossCodeCounts *entry;

      g_assert_no_error (error);
      g_assert_cmpuint (counts->len, ==, 1);
      entry = &g_array_index (counts, GlossCodeCounts, 0);
      g_assert_cmpint (entry->code_id, ==, a);
      g_assert_cmpuint (entry->in_document, ==, expected[i].in_document);
      g_assert_cmpuint (entry->in_project, ==, expected[i].in_project);
      g_assert_cmpuint (entry->documents, ==, expected[i].documents);
    }
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = NULL;
  gint64 a = add_code (f, 0, "A");
  gint64 b = add_code (f, 0, "B");
  gint64 a1 = add_code (f, a, "A1");
  gint64 text = f->text_doc, pdf = f->pdf_doc;
  gint64 k1, k2, k3;

  assert_counts (f, text, a, 0, 0, 0);
  assert_counts (f, text, b, 0, 0, 0);
  assert_counts (f, text, a1, 0, 0, 0);

  k1 = add_coding (f, text, a, f->alice, 0, 4);
  assert_counts (f, text, a, 1, 1, 1);
  assert_counts (f, pdf, a, 0, 1, 1);
  assert_counts (f, 0, a, 0, 1, 1);
  assert_counts_consistent (f);

  k2 = add_coding (f, pdf, a, f->bob, 0, 4);
  assert_counts (f, text, a, 1, 2, 2);
  assert_counts (f, pdf, a, 1, 2, 2);
  assert_counts_consistent (f);

  k3 = add_coding (f, text, a, f->bob, 0, 4);
  assert_counts (f, text, a, 2, 3, 2);
  assert_counts_consistent (f);

  add_coding (f, text, a1, f->alice, 5, 9);
  assert_counts (f, text, a1, 1, 1, 1);
  assert_counts (f, text, a, 2, 3, 2);         /* counts are the code's own */
  g_assert_cmpuint (gloss_project_count_code_codings (f->project, a), ==, 4);
  assert_counts_consistent (f);

  g_assert_true (gloss_project_set_coding_code (f->project, k2, b, &error));
  g_assert_no_error (error);
  assert_counts (f, text, a, 2, 2, 1);
  assert_counts (f, pdf, a, 0, 2, 1);
  assert_counts (f, pdf, b, 1, 1, 1);
  assert_counts_consistent (f);

  g_assert_true (gloss_project_set_coding_range (f->project, k3, 1, 3, &error));
  g_assert_no_error (error);
  assert_counts (f, text, a, 2, 2, 1);
  assert_counts_consistent (f);

  g_assert_true (gloss_project_merge_code (f->project, a1, b, &error));
  g_assert_no_error (error);
  assert_counts (f, text, b, 1, 2, 2);
  assert_counts (f, pdf, b, 1, 2, 2);
  counts = gloss_project_get_code_counts (f->project, text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 2);
  g_clear_pointer (&counts, g_array_unref);
  assert_counts_consistent (f);

  g_assert_true (gloss_project_remove_coding (f->project, k1, &error));
  g_assert_no_error (error);
  assert_counts (f, text, a, 1, 1, 1);
  assert_counts_consistent (f);

  undo (f);
  assert_counts (f, text, a, 2, 2, 1);
  assert_counts_consistent (f);
  redo (f);
  assert_counts (f, text, a, 1, 1, 1);
  assert_counts_consistent (f);

  /* Deleting a document takes its codings out of the counts. */
  g_assert_true (gloss_project_delete_document (f->project, pdf, &error));
  g_assert_no_error (error);
  assert_counts (f, text, b, 1, 1, 1);
  assert_counts (f, text, a, 1, 1, 1);

  g_assert_true (gloss_project_delete_code (f->project, a, &error));
  g_assert_no_error (error);
  counts = gloss_project_get_code_counts (f->project, text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 1);
  g_assert_cmpint (g_array_index (counts, GlossCodeCounts, 0).code_id, ==, b);
  assert_counts (f, text, b, 1, 1, 1);

  reopen (f);
  assert_counts (f, text, b, 1, 1, 1);
}

/* ------------------------------------------------------------------------
 * Signals
 * ------------------------------------------------------------------------ */

#define ASSERT_EMITS(f, call, want_codes, want_codings) \
  G_STMT_START { \
    GError *e_ = NULL; \
    drain (); \
    (f)->codes_changed = 0; \
    (f)->codings_changed = 0; \
    g_assert_true ((call) ? TRUE : FALSE); \
    g_assert_no_error (e_); \
    drain (); \
    if (want_codes) \
      g_assert_cmpuint ((f)->codes_changed, >=, 1); \
    if (want_codings) \
      g_assert_cmpuint ((f)->codings_changed, >=, 1); \
    g_assert_cmpuint ((f)->codes_changed + (f)->codings_changed, >=, 1); \
  } G_STMT_END

static void
test_signals (Fixture       *f,
              gconstpointer  data)
{
  GlossCode *code;
  GlossCoding *coding;
  gint64 k;

  ASSERT_EMITS (f, (code = gloss_project_add_code (f->project, 0, "New", NULL, NULL, &e_)), TRUE, FALSE);
  k = gloss_code_get_id (code);
  g_object_unref (code);
  ASSERT_EMITS (f, (code = gloss_project_ensure_code_path (f->project, "New/Deeper", NULL, NULL, &e_)), TRUE, FALSE);
  g_object_unref (code);
  ASSERT_EMITS (f, gloss_project_rename_code (f->project, k, "Newer", &e_), TRUE, FALSE);
  ASSERT_EMITS (f, gloss_project_set_code_colour (f->project, k, "#123456", &e_), TRUE, FALSE);
  ASSERT_EMITS (f, gloss_project_set_code_description (f->project, k, "About", &e_), TRUE, FALSE);
  ASSERT_EMITS (f, gloss_project_set_code_pin (f->project, k, 3, &e_), TRUE, FALSE);
  ASSERT_EMITS (f, gloss_project_move_code (f->project, k, f->help, 0, &e_), TRUE, FALSE);
  ASSERT_EMITS (f, (coding = gloss_project_add_coding (f->project, f->text_doc, k, f->alice, 3, 7, NULL, &e_)),
                FALSE, TRUE);
  g_object_unref (coding);
  ASSERT_EMITS (f, gloss_project_set_coding_code (f->project, f->c[1], f->help_early, &e_), FALSE, TRUE);
  ASSERT_EMITS (f, gloss_project_set_coding_range (f->project, f->c[1], 1, 9, &e_), FALSE, TRUE);
  ASSERT_EMITS (f, gloss_project_set_coding_memo (f->project, f->c[1], "memo", &e_), FALSE, TRUE);
  ASSERT_EMITS (f, gloss_project_remove_coding (f->project, f->c[1], &e_), FALSE, TRUE);
  ASSERT_EMITS (f, gloss_project_set_memo (f->project, GLOSS_MEMO_CODE, k, f->alice, "m", &e_), FALSE, FALSE);
  ASSERT_EMITS (f, gloss_project_set_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->bob, "m", &e_), FALSE, FALSE);
  ASSERT_EMITS (f, gloss_project_merge_code (f->project, f->missing, f->help_missing, &e_), TRUE, TRUE);
  ASSERT_EMITS (f, gloss_project_delete_code (f->project, f->protection, &e_), TRUE, TRUE);
  /* Undo and redo of a coding change and of a codebook change. */
  ASSERT_EMITS (f, gloss_project_undo (f->project, &e_), TRUE, TRUE);
  ASSERT_EMITS (f, gloss_project_redo (f->project, &e_), TRUE, TRUE);
  ASSERT_EMITS (f, gloss_project_set_coding_memo (f->project, f->c[6], "memo", &e_), FALSE, TRUE);
  ASSERT_EMITS (f, gloss_project_undo (f->project, &e_), FALSE, TRUE);

  /* A refused change emits nothing (checked inside ASSERT_REFUSED). */
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, "Help", NULL, NULL, &e_), GLOSS_ERROR_EXISTS);
  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, f->text_doc, f->help, f->alice, 0, 0, NULL, &e_),
                  GLOSS_ERROR_INVALID);
}

/* ------------------------------------------------------------------------
 * Documents
 * ------------------------------------------------------------------------ */

static void
test_delete_document (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  GlossCodingFilter filter = { 0, };

  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_DOCUMENT, f->plain_doc, f->alice,
                                         "Short letter", &error));
  g_assert_no_error (error);

  g_assert_true (gloss_project_delete_document (f->project, f->plain_doc, &error));
  g_assert_no_error (error);
  g_assert_false (coding_exists (f, f->c[10]));
  assert_counts (f, f->text_doc, f->oversight, 0, 0, 0);
  g_assert_null (gloss_project_get_memo (f->project, GLOSS_MEMO_DOCUMENT, f->plain_doc, 0, NULL));
  filter.document_id = f->plain_doc;
  listed = gloss_project_list_codings (f->project, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  g_assert_true (gloss_project_delete_document (f->project, f->pdf_doc, &error));
  g_assert_no_error (error);
  g_assert_false (coding_exists (f, f->c[7]));
  g_assert_false (coding_exists (f, f->c[9]));
  assert_counts (f, f->text_doc, f->missing, 1, 1, 1);
  assert_counts (f, f->text_doc, f->online, 0, 0, 0);
  assert_counts (f, f->text_doc, f->protection, 3, 3, 1);

  listed = gloss_project_list_codings (f->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 7);
  g_free (snapshot (f));   /* no coding points at a deleted document */
  assert_counts_consistent (f);

  reopen (f);
  g_assert_false (coding_exists (f, f->c[10]));
  g_assert_true (coding_exists (f, f->c[8]));
  assert_quotes (f);
}

/* Deleting a document changes codings and counts: the views that show them
 * must hear of it. */
static void
test_delete_document_signals (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  drain ();
  f->codes_changed = f->codings_changed = 0;
  g_assert_true (gloss_project_delete_document (f->project, f->plain_doc, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (f->codings_changed, >=, 1);
}

/* After a document is deleted, undo still reaches the actions before the
 * ones that involved it, and the project stays sound. */
static void
test_undo_after_document_delete (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 k = add_code (f, 0, "Late");
  gint64 x = add_coding (f, f->text_doc, k, f->alice, 2, 9);
  guint i;

  g_assert_true (gloss_project_remove_coding (f->project, f->c[10], &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_delete_document (f->project, f->plain_doc, &error));
  g_assert_no_error (error);

  for (i = 0; i < 8 && code_exists (f, k); i++)
    {
      if (!gloss_project_undo (f->project, &error))
        g_test_message ("Undo %u failed: %s", i, error ? error->message : "(no error)");
      g_clear_error (&error);
      g_free (snapshot (f));
    }
  g_assert_false (coding_exists (f, x));
  g_assert_false (code_exists (f, k));
  g_assert_false (coding_exists (f, f->c[10]));
  g_assert_true (coding_exists (f, f->c[1]));
  g_free (snapshot (f));
}

/* ------------------------------------------------------------------------
 * Undo and redo
 * ------------------------------------------------------------------------ */

typedef void (*ActionFunc) (Fixture *f);

typedef struct
{
  const char *path;
  ActionFunc  action;
  const char *label_part;   /* in the undo label, or NULL */
} UndoCase;

static void
act_add_code (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) code = NULL;

  code = gloss_project_add_code (f->project, f->help, "Neglect", "#112233", "Chronic neglect", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_code_get_position (code), ==, 3);
}

static void
act_ensure_path (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) code = NULL;

  code = gloss_project_ensure_code_path (f->project, "Leadership/Workforce/Caseloads", NULL, "High", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_code_get_path (code), ==, "Leadership/Workforce/Caseloads");
}

static void
act_rename (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_rename_code (f->project, f->cse, "Child sexual exploitation", &error));
  g_assert_no_error (error);
}

static void
act_recolour (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_code_colour (f->project, f->help, "#ABCDEF", &error));
  g_assert_no_error (error);
}

static void
act_describe (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_code_description (f->project, f->missing,
                                                     "Missing from home, care or education", &error));
  g_assert_no_error (error);
}

static void
act_pin (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) help = NULL;

  g_assert_true (gloss_project_set_code_pin (f->project, f->oversight, 3, &error));
  g_assert_no_error (error);
  help = get_code (f, f->help);
  g_assert_cmpuint (gloss_code_get_pin (help), ==, 0);
}

static void
act_unpin (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_code_pin (f->project, f->help, 0, &error));
  g_assert_no_error (error);
}

static void
act_move_sibling (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_move_code (f->project, f->help_missing, f->help, 0, &error));
  g_assert_no_error (error);
  assert_children (f, f->help, "Missing,Early help,Thresholds");
}

static void
act_move_parent (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_move_code (f->project, f->cse, f->help, 1, &error));
  g_assert_no_error (error);
  assert_children (f, f->help, "Early help,CSE,Thresholds,Missing");
}

static void
act_move_root (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_move_code (f->project, f->online, 0, 0, &error));
  g_assert_no_error (error);
  assert_children (f, 0, "Online,Help,Protection,Leadership");
}

static void
act_merge (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_merge_code (f->project, f->protection, f->help, &error));
  g_assert_no_error (error);
  g_assert_false (coding_exists (f, f->c[2]));
}

static void
act_merge_leaf (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_merge_code (f->project, f->missing, f->help_missing, &error));
  g_assert_no_error (error);
  g_assert_false (coding_exists (f, f->c[5]));
}

static void
act_delete (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_delete_code (f->project, f->protection, &error));
  g_assert_no_error (error);
}

static void
act_delete_leaf (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_delete_code (f->project, f->help_early, &error));
  g_assert_no_error (error);
}

static void
act_add_coding (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCoding) coding = NULL;

  coding = gloss_project_add_coding (f->project, f->text_doc, f->cse, f->bob, 3, 9,
                                     "Emoji and all \xf0\x9f\x98\x80", &error);
  g_assert_no_error (error);
}

static void
act_remove_coding (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_remove_coding (f->project, f->c[8], &error));
  g_assert_no_error (error);
}

static void
act_set_coding_code (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_coding_code (f->project, f->c[4], f->help_early, &error));
  g_assert_no_error (error);
}

static void
act_set_coding_range (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_coding_range (f->project, f->c[8], 28, 45, &error));
  g_assert_no_error (error);
}

static void
act_set_coding_memo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_coding_memo (f->project, f->c[1], "A clear case \xe2\x80\x94 see p. 4", &error));
  g_assert_no_error (error);
}

static void
act_memo_project_new (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->bob, "Bob's view", &error));
  g_assert_no_error (error);
}

static void
act_memo_project_edit (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_PROJECT, 0, f->alice, "Second round", &error));
  g_assert_no_error (error);
}

static void
act_memo_document (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_DOCUMENT, f->pdf_doc, f->alice,
                                         "Letter", &error));
  g_assert_no_error (error);
}

static void
act_memo_code (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_CODE, f->help, f->bob, "Broad", &error));
  g_assert_no_error (error);
}

static void
act_memo_remove (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_memo (f->project, GLOSS_MEMO_CODE, f->cse, f->bob, "", &error));
  g_assert_no_error (error);
}

static const UndoCase undo_cases[] = {
  { "/codebook/undo/add-code", act_add_code, "Neglect" },
  { "/codebook/undo/ensure-code-path", act_ensure_path, NULL },
  { "/codebook/undo/rename", act_rename, "CSE" },
  { "/codebook/undo/recolour", act_recolour, NULL },
  { "/codebook/undo/describe", act_describe, NULL },
  { "/codebook/undo/pin", act_pin, NULL },
  { "/codebook/undo/unpin", act_unpin, NULL },
  { "/codebook/undo/move-sibling", act_move_sibling, NULL },
  { "/codebook/undo/move-parent", act_move_parent, NULL },
  { "/codebook/undo/move-root", act_move_root, NULL },
  { "/codebook/undo/merge", act_merge, "Protection" },
  { "/codebook/undo/merge-leaf", act_merge_leaf, NULL },
  { "/codebook/undo/delete", act_delete, "Protection" },
  { "/codebook/undo/delete-leaf", act_delete_leaf, NULL },
  { "/codebook/undo/add-coding", act_add_coding, NULL },
  { "/codebook/undo/remove-coding", act_remove_coding, NULL },
  { "/codebook/undo/set-coding-code", act_set_coding_code, NULL },
  { "/codebook/undo/set-coding-range", act_set_coding_range, NULL },
  { "/codebook/undo/set-coding-memo", act_set_coding_memo, NULL },
  { "/codebook/undo/memo-project-new", act_memo_project_new, NULL },
  { "/codebook/undo/memo-project-edit", act_memo_project_edit, NULL },
  { "/codebook/undo/memo-document", act_memo_document, NULL },
  { "/codebook/undo/memo-code", act_memo_code, NULL },
  { "/codebook/undo/memo-remove", act_memo_remove, NULL },
};

static void
assert_sound (Fixture *f)
{
  assert_quotes (f);
  assert_counts_consistent (f);
}

/* Action → B; undo → A exactly; redo → B exactly; and again across
 * reopening, with each undo and redo stored at once. */
static void
test_undo_cycle (Fixture       *f,
                 gconstpointer  data)
{
  const UndoCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = snapshot (f);
  g_autofree char *b = NULL;
  g_autofree char *label = NULL;
  g_autofree char *redo_label = NULL;

  c->action (f);
  b = snapshot (f);
  g_assert_cmpstr (a, !=, b);
  assert_sound (f);

  g_assert_true (gloss_project_can_undo (f->project, &label));
  g_assert_nonnull (label);
  g_assert_cmpstr (label, !=, "");
  if (c->label_part != NULL)
    g_assert_nonnull (strstr (label, c->label_part));
  g_assert_false (gloss_project_can_redo (f->project, NULL));

  undo (f);
  assert_state (f, a);
  assert_sound (f);
  g_assert_true (gloss_project_can_redo (f->project, &redo_label));
  g_assert_cmpstr (redo_label, ==, label);
  redo (f);
  assert_state (f, b);
  assert_sound (f);
  g_assert_false (gloss_project_can_redo (f->project, NULL));

  /* Again, after reopening. */
  reopen (f);
  assert_state (f, b);
  undo (f);
  assert_state (f, a);
  /* The undo itself was stored. */
  reopen (f);
  assert_state (f, a);
  assert_sound (f);
  g_assert_true (gloss_project_can_redo (f->project, NULL));
  redo (f);
  assert_state (f, b);
  reopen (f);
  assert_state (f, b);
  assert_sound (f);

  /* Twice more in a row: nothing drifts. */
  undo (f);
  redo (f);
  undo (f);
  assert_state (f, a);
  redo (f);
  assert_state (f, b);

  g_assert_true (gloss_project_check_integrity (f->project, &error));
  g_assert_no_error (error);
}

/* A chain of actions undone one by one to the start, then redone; a new
 * action after an undo drops what could have been redone. */
static void
test_undo_chain (Fixture       *f,
                 gconstpointer  data)
{
  static const ActionFunc chain[] = {
    act_add_code, act_add_coding, act_move_root, act_merge, act_set_coding_range,
    act_memo_code, act_delete_leaf, act_rename, act_remove_coding,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before_new = NULL;
  g_autofree char *after_new = NULL;
  guint i;

  g_ptr_array_add (states, snapshot (f));
  for (i = 0; i < G_N_ELEMENTS (chain); i++)
    {
      chain[i] (f);
      g_ptr_array_add (states, snapshot (f));
    }

  for (i = G_N_ELEMENTS (chain); i > 0; i--)
    {
      undo (f);
      assert_state (f, g_ptr_array_index (states, i - 1));
      assert_sound (f);
      if (i == 5)
        reopen (f);
    }
  for (i = 1; i <= G_N_ELEMENTS (chain); i++)
    {
      redo (f);
      assert_state (f, g_ptr_array_index (states, i));
      if (i == 3)
        reopen (f);
    }
  g_assert_false (gloss_project_can_redo (f->project, NULL));
  g_assert_false (gloss_project_redo (f->project, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo two, then act anew: the two cannot be redone any more. */
  undo (f);
  undo (f);
  g_assert_true (gloss_project_can_redo (f->project, NULL));
  before_new = snapshot (f);
  act_memo_document (f);
  after_new = snapshot (f);
  g_assert_false (gloss_project_can_redo (f->project, NULL));
  g_assert_false (gloss_project_redo (f->project, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_state (f, after_new);
  reopen (f);
  g_assert_false (gloss_project_can_redo (f->project, NULL));
  undo (f);
  assert_state (f, before_new);
  assert_sound (f);
}

/* Only a change drops what could be redone: neither a refused call nor
 * one that changes nothing (the journal keeps no trace of those). */
static void
test_undo_redo_kept (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCode) same = NULL;
  g_autofree char *a = snapshot (f);
  g_autofree char *b = NULL;

  act_rename (f);
  b = snapshot (f);
  undo (f);
  assert_state (f, a);

  /* Refused inside the action's transaction. */
  ASSERT_REFUSED (f, gloss_project_add_coding (f->project, f->text_doc, f->help, f->alice, 0, f->n_chars + 1,
                                               NULL, &e_),
                  GLOSS_ERROR_INVALID);
  ASSERT_REFUSED (f, gloss_project_move_code (f->project, f->protection, f->online, 0, &e_), GLOSS_ERROR_INVALID);
  g_assert_true (gloss_project_can_redo (f->project, NULL));

  /* Changes nothing. */
  g_assert_true (gloss_project_set_code_colour (f->project, f->help, "#3584e4", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_rename_code (f->project, f->oversight, "Oversight", &error));
  g_assert_no_error (error);
  same = gloss_project_ensure_code_path (f->project, "Leadership/Oversight", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_code_get_id (same), ==, f->oversight);
  assert_state (f, a);
  g_assert_true (gloss_project_can_redo (f->project, NULL));

  redo (f);
  assert_state (f, b);
}

static void
test_undo_nothing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = snapshot (f);

  /* Importing documents and naming coders are not codebook actions. */
  g_assert_false (gloss_project_can_undo (f->project, NULL));
  g_assert_false (gloss_project_can_redo (f->project, NULL));
  g_assert_false (gloss_project_undo (f->project, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (gloss_project_redo (f->project, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_state (f, state);

  /* Refused actions leave nothing to undo either. */
  ASSERT_REFUSED (f, gloss_project_add_code (f->project, 0, "", NULL, NULL, &e_), GLOSS_ERROR_INVALID);
  g_assert_false (gloss_project_can_undo (f->project, NULL));
}

/* ------------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  int ret;
  guint i;

  g_test_init (&argc, &argv, NULL);
  tmpdir = gloss_test_make_tmpdir ();

  g_test_add ("/codebook/tree/add", Fixture, NULL, fixture_setup, test_tree_add, fixture_teardown);
  g_test_add ("/codebook/tree/ensure-path", Fixture, NULL, fixture_setup, test_tree_ensure_path, fixture_teardown);
  g_test_add ("/codebook/tree/rename", Fixture, NULL, populated_setup, test_tree_rename, fixture_teardown);
  g_test_add ("/codebook/tree/colour-description", Fixture, NULL, populated_setup,
              test_tree_colour_description, fixture_teardown);
  g_test_add ("/codebook/tree/pin", Fixture, NULL, populated_setup, test_tree_pin, fixture_teardown);
  g_test_add ("/codebook/tree/move", Fixture, NULL, populated_setup, test_tree_move, fixture_teardown);
  g_test_add ("/codebook/tree/merge", Fixture, NULL, populated_setup, test_tree_merge, fixture_teardown);
  g_test_add ("/codebook/tree/merge-into-parent", Fixture, NULL, populated_setup,
              test_tree_merge_into_parent, fixture_teardown);
  g_test_add ("/codebook/tree/delete", Fixture, NULL, populated_setup, test_tree_delete, fixture_teardown);
  g_test_add ("/codebook/coding/quote", Fixture, NULL, fixture_setup, test_coding_quote, fixture_teardown);
  g_test_add ("/codebook/coding/invalid", Fixture, NULL, populated_setup, test_coding_invalid, fixture_teardown);
  g_test_add ("/codebook/coding/change", Fixture, NULL, populated_setup, test_coding_change, fixture_teardown);
  g_test_add ("/codebook/coding/lookup-and-list", Fixture, NULL, populated_setup,
              test_coding_lookup_and_list, fixture_teardown);
  g_test_add ("/codebook/coding/list-subtree-exact", Fixture, NULL, populated_setup,
              test_coding_list_subtree_exact, fixture_teardown);
  g_test_add ("/codebook/memo/targets", Fixture, NULL, populated_setup, test_memos, fixture_teardown);
  g_test_add ("/codebook/memo/unknown-target", Fixture, NULL, populated_setup,
              test_memo_unknown_target, fixture_teardown);
  g_test_add ("/codebook/counts", Fixture, NULL, fixture_setup, test_counts, fixture_teardown);
  g_test_add ("/codebook/counts-by-coder", Fixture, NULL, fixture_setup, test_counts_by_coder, fixture_teardown);
  g_test_add ("/codebook/signals", Fixture, NULL, populated_setup, test_signals, fixture_teardown);
  g_test_add ("/codebook/document/delete", Fixture, NULL, populated_setup, test_delete_document, fixture_teardown);
  g_test_add ("/codebook/document/delete-signals", Fixture, NULL, populated_setup,
              test_delete_document_signals, fixture_teardown);
  g_test_add ("/codebook/document/undo-after-delete", Fixture, NULL, populated_setup,
              test_undo_after_document_delete, fixture_teardown);
  for (i = 0; i < G_N_ELEMENTS (undo_cases); i++)
    g_test_add (undo_cases[i].path, Fixture, &undo_cases[i], populated_setup, test_undo_cycle, fixture_teardown);
  g_test_add ("/codebook/undo/chain", Fixture, NULL, populated_setup, test_undo_chain, fixture_teardown);
  g_test_add ("/codebook/undo/redo-kept", Fixture, NULL, populated_setup, test_undo_redo_kept, fixture_teardown);
  g_test_add ("/codebook/undo/nothing", Fixture, NULL, fixture_setup, test_undo_nothing, fixture_teardown);

  ret = g_test_run ();
  gloss_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
