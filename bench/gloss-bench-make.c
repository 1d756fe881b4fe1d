/* gloss-bench-make.c: a large project for the table and export benchmarks
 *
 *   gloss-bench-make PROJECT [TEXT_DIR] [N_DOCUMENTS] [N_CODINGS]
 *
 * Makes PROJECT (which must not exist) with N_DOCUMENTS text reports
 * (default 500): the *.txt files of TEXT_DIR in turn, each after a first
 * line that numbers it (so that no two have the same SHA-256), or
 * generated text when TEXT_DIR has none.  Then a codebook of 40 codes (8
 * themes of 4 sub-codes each), 3 coders, three attributes (Judgement, a
 * choice; Inspected, a date; Local authority, text) and N_CODINGS codings
 * (default 100,000) of 20 to 400 characters at random places, inserted
 * in one transaction.  The codings are valid rows, as the engine makes
 * them: a GUID each, the quote taken from the document's text, in range.
 * The random numbers have a fixed seed: the same arguments give the same
 * project (but for GUIDs and times).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "gloss.h"
#include "gloss-project-private.h"

#define N_THEMES 8
#define N_SUBCODES 4
#define MIN_LENGTH 20
#define MAX_LENGTH 400

static const char * const themes[N_THEMES] = {
  "Leadership", "Practice", "Outcomes", "Safeguarding",
  "Partnership", "Workforce", "Voice of the child", "Quality assurance",
};
static const char * const aspects[N_SUBCODES] = {
  "Strength", "Weakness", "Improvement", "Recommendation",
};
static const char * const coders[] = { "Ann", "Bob", "Chloé" };
static const char * const judgements[] = {
  "Outstanding", "Good", "Requires improvement", "Inadequate",
};
static const char * const authorities[] = {
  "Barnet", "Birmingham", "Bristol", "Camden", "Cornwall", "Derby", "Essex",
  "Hackney", "Kent", "Leeds", "Lewisham", "Manchester", "Norfolk", "Oxford",
  "Sheffield", "Southwark", "Suffolk", "Wigan", "York", "Lambeth",
};

static const char * const words[] = {
  "the", "local", "authority", "children", "social", "care", "services", "were",
  "judged", "good", "managers", "oversight", "of", "casework", "is", "weak", "and",
  "early", "help", "was", "offered", "to", "families", "in", "need", "plans",
  "inspectors", "found", "that", "practice", "improved", "since", "last", "visit",
};

static G_GNUC_NORETURN void
die (const char *what,
     const char *message)
{
  g_printerr ("gloss-bench-make: %s: %s\n", what, message);
  exit (1);
}

/* The texts to cycle through: the .txt files of dir, sorted, or else
 * five generated ones. */
static GPtrArray *
load_texts (const char *dir)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = NULL;
  const char *name;
  guint i;

  if (dir != NULL)
    handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_ascii_strcasecmp);

  for (i = 0; i < names->len; i++)
    {
      g_autoptr(GError) error = NULL;
      char *contents = NULL;

      if (!g_file_get_contents (g_ptr_array_index (names, i), &contents, NULL, &error))
        die (g_ptr_array_index (names, i), error->message);
      if (!g_utf8_validate (contents, -1, NULL) || strlen (contents) < 2 * MAX_LENGTH)
        {
          g_free (contents);
          continue;
        }
      g_ptr_array_add (texts, contents);
    }

  if (texts->len == 0)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (7);

      for (i = 0; i < 5; i++)
        {
          GString *text = g_string_new (NULL);

          while (text->len < 40000)
            {
              guint n = g_rand_int_range (rand, 8, 30), k;

              for (k = 0; k < n; k++)
                {
                  if (k > 0)
                    g_string_append_c (text, ' ');
                  g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
                }
              g_string_append (text, g_rand_int_range (rand, 0, 5) == 0 ? ".\n\n" : ". ");
            }
          g_ptr_array_add (texts, g_string_free (text, FALSE));
        }
    }

  return texts;
}

static gint64
make_document (GlossProject *project,
               guint         index,
               const char   *body)
{
  g_autofree char *name = g_strdup_printf ("bench-%03u.txt", index + 1);
  char *text = g_strdup_printf ("Benchmark report %03u\n\n%s", index + 1, body);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));
  g_autoptr(GlossExtraction) extraction = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;

  sha256 = gloss_sha256_bytes (bytes);
  extraction = gloss_extract (bytes, name, NULL, NULL, &error);
  if (extraction == NULL)
    die (name, error->message);
  document = gloss_project_add_document (project, name, bytes, sha256, NULL, extraction, &error);
  if (document == NULL)
    die (name, error->message);

  return gloss_document_get_id (document);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    die (sql, message);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    die (sql, sqlite3_errmsg (db));

  return stmt;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GArray) documents = NULL;
  g_autoptr(GArray) lengths = NULL;
  g_autoptr(GArray) codes = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  gint64 coder_ids[G_N_ELEMENTS (coders)];
  gint64 judgement_id, inspected_id, authority_id;
  guint n_documents = 500, n_codings = 100000, made = 0, i, k;
  sqlite3_stmt *stmt;
  sqlite3 *db;

  setlocale (LC_ALL, "");

  if (argc < 2 || argc > 5)
    {
      g_printerr ("Usage: %s PROJECT [TEXT_DIR] [N_DOCUMENTS] [N_CODINGS]\n", argv[0]);
      return 2;
    }
  if (argc > 3)
    n_documents = MAX (1, (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc > 4)
    n_codings = (guint) g_ascii_strtoull (argv[4], NULL, 10);

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    die (argv[1], "the file exists already");
  project = gloss_project_create (argv[1], "Benchmark", &error);
  if (project == NULL)
    die (argv[1], error->message);
  db = gloss_project_get_db (project);

  /* Documents, and their lengths in characters. */
  texts = load_texts (argc > 2 ? argv[2] : NULL);
  documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  for (i = 0; i < n_documents; i++)
    {
      gint64 id = make_document (project, i, g_ptr_array_index (texts, i % texts->len));

      g_array_append_val (documents, id);
    }
  stmt = prepare (db, "SELECT chars FROM document WHERE id = ?1");
  for (i = 0; i < documents->len; i++)
    {
      guint chars = 0;

      sqlite3_bind_int64 (stmt, 1, g_array_index (documents, gint64, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        chars = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (chars < 2 * MAX_LENGTH)
        die ("documents", "a document is too short for the codings");
      g_array_append_val (lengths, chars);
    }
  sqlite3_finalize (stmt);

  /* The codebook: themes and their sub-codes, 40 codes. */
  codes = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (i = 0; i < N_THEMES; i++)
    for (k = 0; k <= N_SUBCODES; k++)
      {
        g_autofree char *path = k == 0 ? g_strdup (themes[i])
                                       : g_strdup_printf ("%s/%s", themes[i], aspects[k - 1]);
        g_autoptr(GlossCode) code = gloss_project_ensure_code_path (project, path, NULL, NULL, &error);
        gint64 id;

        if (code == NULL)
          die (path, error->message);
        id = gloss_code_get_id (code);
        g_array_append_val (codes, id);
      }

  for (i = 0; i < G_N_ELEMENTS (coders); i++)
    {
      coder_ids[i] = gloss_project_ensure_coder (project, coders[i], &error);
      if (coder_ids[i] == 0)
        die (coders[i], error->message);
    }

  /* Attributes: made through the engine, values written directly. */
  {
    g_autoptr(GlossAttribute) judgement = NULL;
    g_autoptr(GlossAttribute) inspected = NULL;
    g_autoptr(GlossAttribute) authority = NULL;

    judgement = gloss_project_add_attribute (project, "Judgement", GLOSS_ATTRIBUTE_CHOICE, judgements, &error);
    if (judgement == NULL)
      die ("Judgement", error->message);
    inspected = gloss_project_add_attribute (project, "Inspected", GLOSS_ATTRIBUTE_DATE, NULL, &error);
    if (inspected == NULL)
      die ("Inspected", error->message);
    authority = gloss_project_add_attribute (project, "Local authority", GLOSS_ATTRIBUTE_TEXT, NULL, &error);
    if (authority == NULL)
      die ("Local authority", error->message);
    judgement_id = judgement->id;
    inspected_id = inspected->id;
    authority_id = authority->id;
  }

  exec_sql (db, "BEGIN IMMEDIATE");
  stmt = prepare (db, "INSERT INTO document_attribute (document_id, attribute_id, value) VALUES (?1, ?2, ?3)");
  for (i = 0; i < documents->len; i++)
    {
      gint64 document_id = g_array_index (documents, gint64, i);
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 2012, 2021),
                                               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      struct { gint64 attribute; const char *value; } values[] = {
        /* One report in ten has no judgement. */
        { judgement_id, i % 10 == 9 ? NULL : judgements[g_rand_int_range (rand, 0, G_N_ELEMENTS (judgements))] },
        { inspected_id, date },
        { authority_id, authorities[g_rand_int_range (rand, 0, G_N_ELEMENTS (authorities))] },
      };

      for (k = 0; k < G_N_ELEMENTS (values); k++)
        {
          if (values[k].value == NULL)
            continue;
          sqlite3_bind_int64 (stmt, 1, document_id);
          sqlite3_bind_int64 (stmt, 2, values[k].attribute);
          sqlite3_bind_text (stmt, 3, values[k].value, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            die ("document_attribute", sqlite3_errmsg (db));
          sqlite3_reset (stmt);
        }
    }
  sqlite3_finalize (stmt);
  exec_sql (db, "COMMIT");

  /* Codings, in one transaction, as gloss_project_add_coding() makes
   * them (the quote is the text's substring); a coding that would repeat
   * one (same document, code, coder and range) is skipped and drawn
   * again. */
  now = gloss_now_iso8601 ();
  exec_sql (db, "BEGIN IMMEDIATE");
  stmt = prepare (db,
                  "INSERT OR IGNORE INTO coding (guid, document_id, code_id, coder_id, start, \"end\","
                  " quote, memo, created_at, changed_at)"
                  " SELECT ?1, ?2, ?3, ?4, ?5, ?6, substr (d.text, ?5 + 1, ?6 - ?5), ?7, ?8, ?8"
                  " FROM document d WHERE d.id = ?2");
  while (made < n_codings)
    {
      g_autofree char *guid = g_uuid_string_random ();
      guint document = g_rand_int_range (rand, 0, documents->len);
      guint chars = g_array_index (lengths, guint, document);
      guint length = g_rand_int_range (rand, MIN_LENGTH, MAX_LENGTH + 1);
      guint start = g_rand_int_range (rand, 0, chars - length);
      gint64 code = g_array_index (codes, gint64, g_rand_int_range (rand, 0, codes->len));
      gint64 coder = coder_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (coders))];

      sqlite3_bind_text (stmt, 1, guid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, g_array_index (documents, gint64, document));
      sqlite3_bind_int64 (stmt, 3, code);
      sqlite3_bind_int64 (stmt, 4, coder);
      sqlite3_bind_int (stmt, 5, start);
      sqlite3_bind_int (stmt, 6, start + length);
      sqlite3_bind_text (stmt, 7, made % 50 == 0 ? "A memo, with a comma\nand a second line" : "",
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        die ("coding", sqlite3_errmsg (db));
      made += sqlite3_changes (db);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec_sql (db, "COMMIT");

  g_print ("%u documents, %u codes, %u coders, %u codings\n",
           documents->len, codes->len, (guint) G_N_ELEMENTS (coders), made);

  return 0;
}
