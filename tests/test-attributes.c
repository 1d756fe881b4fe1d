/* test-attributes.c: typed document attributes, their CSV import and the
 * command-line tool's attribute commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gloss.h"
#include "gloss-project-private.h"
#include "gloss-test-fixtures.h"

typedef struct
{
  char         *dir;
  char         *path;
  GlossProject *project;
  gint64        lewisham;     /* "Lewisham 2015", from "Lewisham 2015.txt" */
  gint64        southwark;    /* "Southwark letter" */
  gint64        third;        /* "Third" */
  char         *third_guid;
  guint         documents_changed;
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_documents_changed (GlossProject *project,
                      Fixture      *f)
{
  f->documents_changed++;
}

static GlossDocument *
import_text (Fixture    *f,
             const char *file_name,
             const char *text)
{
  g_autofree char *file_path = g_build_filename (f->dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  GlossDocument *document;

  g_assert_true (g_file_set_contents (file_path, text, -1, NULL));
  document = gloss_project_import_file (f->project, file, NULL, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDocument) a = NULL;
  g_autoptr(GlossDocument) b = NULL;
  g_autoptr(GlossDocument) c = NULL;

  f->dir = gloss_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "attributes.gloss", NULL);
  f->project = gloss_project_create (f->path, "Attributes", &error);
  g_assert_no_error (error);

  a = import_text (f, "Lewisham 2015.txt", "Lewisham children's services were judged good.\n");
  b = import_text (f, "Southwark letter.txt", "Southwark: a focused visit letter.\n");
  c = import_text (f, "Third.txt", "A third report.\n");
  f->lewisham = gloss_document_get_id (a);
  f->southwark = gloss_document_get_id (b);
  f->third = gloss_document_get_id (c);
  f->third_guid = g_strdup (gloss_document_get_guid (c));

  drain ();
  g_signal_connect (f->project, "documents-changed", G_CALLBACK (on_documents_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  drain ();
  gloss_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->third_guid);
}

/* A count read by a connection of our own on the project file. */
static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static GlossAttribute *
add (Fixture            *f,
     const char         *name,
     GlossAttributeType  type,
     const char * const *choices)
{
  g_autoptr(GError) error = NULL;
  GlossAttribute *attribute = gloss_project_add_attribute (f->project, name, type, choices, &error);

  g_assert_no_error (error);
  g_assert_nonnull (attribute);

  return attribute;
}

static void
assert_value (Fixture    *f,
              gint64      document_id,
              gint64      attribute_id,
              const char *expected)
{
  g_autofree char *value = gloss_project_get_attribute_value (f->project, document_id, attribute_id);

  g_assert_cmpstr (value, ==, expected);
}

/* Every attribute's name, type and choices, and every value, as one
 * string: what the project stores. */
static char *
dump (Fixture *f)
{
  g_autoptr(GPtrArray) attributes = gloss_project_list_attributes (f->project, NULL);
  g_autoptr(GPtrArray) values = gloss_project_list_attribute_values (f->project, 0, NULL);
  GString *out = g_string_new (NULL);
  guint i;

  g_assert_nonnull (attributes);
  g_assert_nonnull (values);
  for (i = 0; i < attributes->len; i++)
    {
      GlossAttribute *attribute = g_ptr_array_index (attributes, i);
      g_autofree char *choices = g_strjoinv ("|", attribute->choices);

      g_string_append_printf (out, "%s:%s:%u[%s];", attribute->name,
                              gloss_attribute_type_to_string (attribute->type),
                              attribute->position, choices);
    }
  for (i = 0; i < values->len; i++)
    {
      GlossAttributeValue *value = g_ptr_array_index (values, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "=%s;",
                              value->document_id, value->attribute_id, value->value);
    }

  return g_string_free (out, FALSE);
}

/* ---- definitions ---- */

static void
test_define (Fixture       *f,
             gconstpointer  data)
{
  const char *judgements[] = { "Outstanding", " Good ", "good", "", "Requires improvement", NULL };
  g_autoptr(GlossAttribute) authority = add (f, "Local authority", GLOSS_ATTRIBUTE_TEXT, NULL);
  g_autoptr(GlossAttribute) urn = add (f, "URN", GLOSS_ATTRIBUTE_NUMBER, NULL);
  g_autoptr(GlossAttribute) start = add (f, "Inspection start", GLOSS_ATTRIBUTE_DATE, NULL);
  g_autoptr(GlossAttribute) overall = add (f, "Overall", GLOSS_ATTRIBUTE_CHOICE, judgements);
  g_autoptr(GlossAttribute) found = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected_choices[] = { "Outstanding", "Good", "Requires improvement", NULL };
  const char *fewer[] = { "Outstanding", "Requires improvement", NULL };
  const char *more[] = { "Outstanding", "Good", "Requires improvement", "Inadequate", NULL };

  g_assert_true (g_uuid_string_is_valid (authority->guid));
  g_assert_cmpuint (authority->position, ==, 0);
  g_assert_cmpuint (overall->position, ==, 3);
  g_assert_cmpint (overall->type, ==, GLOSS_ATTRIBUTE_CHOICE);
  /* Stripped, without blanks, without repeats ignoring case. */
  g_assert_cmpstrv (overall->choices, expected_choices);
  g_assert_cmpuint (g_strv_length (urn->choices), ==, 0);

  list = gloss_project_list_attributes (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (((GlossAttribute *) g_ptr_array_index (list, 2))->name, ==, "Inspection start");

  /* Lookup by name ignoring case, or by GUID. */
  found = gloss_project_lookup_attribute (f->project, "local AUTHORITY", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, authority->id);
  g_clear_pointer (&found, gloss_attribute_free);
  found = gloss_project_lookup_attribute (f->project, urn->guid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, urn->id);
  g_clear_pointer (&found, gloss_attribute_free);
  found = gloss_project_lookup_attribute (f->project, "Nothing", &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Names are unique ignoring case, and not blank. */
  g_assert_null (gloss_project_add_attribute (f->project, " urn ", GLOSS_ATTRIBUTE_TEXT, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (gloss_project_add_attribute (f->project, "  ", GLOSS_ATTRIBUTE_TEXT, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gloss_project_rename_attribute (f->project, urn->id, "overall", &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (gloss_project_rename_attribute (f->project, urn->id, "Unique reference", &error));
  g_assert_no_error (error);
  found = gloss_project_get_attribute (f->project, urn->id, &error);
  g_assert_cmpstr (found->name, ==, "Unique reference");
  g_clear_pointer (&found, gloss_attribute_free);

  /* Move "Overall" first: the others follow in order. */
  g_assert_true (gloss_project_move_attribute (f->project, overall->id, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gloss_project_list_attributes (f->project, &error);
  g_assert_cmpstr (((GlossAttribute *) g_ptr_array_index (list, 0))->name, ==, "Overall");
  g_assert_cmpstr (((GlossAttribute *) g_ptr_array_index (list, 1))->name, ==, "Local authority");
  g_assert_cmpuint (((GlossAttribute *) g_ptr_array_index (list, 3))->position, ==, 3);

  /* A list that would drop a value in use is refused. */
  g_assert_true (gloss_project_set_attribute_value (f->project, f->lewisham, overall->id, "Good",
                                                    FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_project_set_attribute_choices (f->project, overall->id, fewer, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Good"));
  g_clear_error (&error);
  g_assert_true (gloss_project_set_attribute_choices (f->project, overall->id, more, &error));
  g_assert_no_error (error);
  found = gloss_project_get_attribute (f->project, overall->id, &error);
  g_assert_cmpstrv (found->choices, more);
  g_clear_pointer (&found, gloss_attribute_free);
  g_assert_false (gloss_project_set_attribute_choices (f->project, urn->id, more, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting an attribute deletes its values. */
  g_assert_true (gloss_project_delete_attribute (f->project, overall->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM document_attribute"), ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = gloss_project_list_attributes (f->project, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpuint (((GlossAttribute *) g_ptr_array_index (list, 0))->position, ==, 0);
  g_assert_cmpuint (((GlossAttribute *) g_ptr_array_index (list, 2))->position, ==, 2);

  drain ();
  g_assert_cmpuint (f->documents_changed, >, 0);
}

/* ---- validation ---- */

typedef struct
{
  GlossAttributeType  type;
  const char         *input;
  const char         *stored;    /* NULL: refused */
} ValueCase;

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  const char *judgements[] = { "Good", "Requires improvement", NULL };
  static const ValueCase cases[] = {
    { GLOSS_ATTRIBUTE_TEXT, "  Lewisham  ", "Lewisham" },
    { GLOSS_ATTRIBUTE_TEXT, "a, \"b\"\nc", "a, \"b\"\nc" },
    { GLOSS_ATTRIBUTE_NUMBER, "42", "42" },
    { GLOSS_ATTRIBUTE_NUMBER, " -3.25 ", "-3.25" },
    { GLOSS_ATTRIBUTE_NUMBER, "+7", "7" },
    { GLOSS_ATTRIBUTE_NUMBER, "-.5", "-0.5" },
    { GLOSS_ATTRIBUTE_NUMBER, "3.", "3" },
    { GLOSS_ATTRIBUTE_NUMBER, "1,000", NULL },
    { GLOSS_ATTRIBUTE_NUMBER, "1e5", NULL },
    { GLOSS_ATTRIBUTE_NUMBER, "twelve", NULL },
    { GLOSS_ATTRIBUTE_NUMBER, "-", NULL },
    { GLOSS_ATTRIBUTE_NUMBER, "1.2.3", NULL },
    { GLOSS_ATTRIBUTE_DATE, "2015-10-26", "2015-10-26" },
    { GLOSS_ATTRIBUTE_DATE, "2016-2-1", "2016-02-01" },
    { GLOSS_ATTRIBUTE_DATE, "26/10/2015", "2015-10-26" },
    { GLOSS_ATTRIBUTE_DATE, "1/2/2016", "2016-02-01" },
    { GLOSS_ATTRIBUTE_DATE, "29.02.2016", "2016-02-29" },
    { GLOSS_ATTRIBUTE_DATE, "29/02/2015", NULL },
    { GLOSS_ATTRIBUTE_DATE, "2015-13-01", NULL },
    { GLOSS_ATTRIBUTE_DATE, "10/26/2015", NULL },
    { GLOSS_ATTRIBUTE_DATE, "26/10/15", NULL },
    { GLOSS_ATTRIBUTE_DATE, "26/10-2015", NULL },
    { GLOSS_ATTRIBUTE_DATE, "October 2015", NULL },
    { GLOSS_ATTRIBUTE_CHOICE, "Good", "Good" },
    { GLOSS_ATTRIBUTE_CHOICE, " requires IMPROVEMENT ", "Requires improvement" },
    { GLOSS_ATTRIBUTE_CHOICE, "Goodish", NULL },
  };
  g_autoptr(GlossAttribute) text = add (f, "Text", GLOSS_ATTRIBUTE_TEXT, NULL);
  g_autoptr(GlossAttribute) number = add (f, "Number", GLOSS_ATTRIBUTE_NUMBER, NULL);
  g_autoptr(GlossAttribute) date = add (f, "Date", GLOSS_ATTRIBUTE_DATE, NULL);
  g_autoptr(GlossAttribute) choice = add (f, "Overall", GLOSS_ATTRIBUTE_CHOICE, judgements);
  GlossAttribute *by_type[] = { text, number, date, choice };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GlossAttribute *attribute = by_type[cases[i].type];
      g_autoptr(GError) error = NULL;
      g_autofree char *normal = gloss_attribute_normalize_value (attribute, cases[i].input, &error);
      g_autofree char *before = gloss_project_get_attribute_value (f->project, f->third,
                                                                   attribute->id);
      gboolean stored;

      g_test_message ("%s “%s”", gloss_attribute_type_to_string (cases[i].type), cases[i].input);
      g_assert_cmpstr (normal, ==, cases[i].stored);
      if (cases[i].stored == NULL)
        g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
      g_clear_error (&error);

      /* The project stores the same, and keeps the old value on refusal. */
      stored = gloss_project_set_attribute_value (f->project, f->third, attribute->id,
                                                  cases[i].input, FALSE, &error);
      g_assert_cmpint (stored, ==, cases[i].stored != NULL);
      assert_value (f, f->third, attribute->id, cases[i].stored ? cases[i].stored : before);
    }

  /* A refused choice names the values allowed. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (gloss_project_set_attribute_value (f->project, f->third, choice->id, "Fine",
                                                       FALSE, &error));
    g_assert_nonnull (strstr (error->message, "Good, Requires improvement"));
  }

  /* extend_choices adds a new value to the list. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossAttribute) extended = NULL;
    const char *expected[] = { "Good", "Requires improvement", "Inadequate", NULL };

    g_assert_true (gloss_project_set_attribute_value (f->project, f->third, choice->id, "Inadequate",
                                                      TRUE, &error));
    g_assert_no_error (error);
    extended = gloss_project_get_attribute (f->project, choice->id, &error);
    g_assert_cmpstrv (extended->choices, expected);
    assert_value (f, f->third, choice->id, "Inadequate");
  }
}

/* ---- values ---- */

static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GlossAttribute) authority = add (f, "Local authority", GLOSS_ATTRIBUTE_TEXT, NULL);
  g_autoptr(GlossAttribute) start = add (f, "Start", GLOSS_ATTRIBUTE_DATE, NULL);
  g_autoptr(GlossAttribute) made = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;
  GlossAttributeValue *value;

  g_assert_true (gloss_project_set_attribute_value (f->project, f->lewisham, start->id,
                                                    "26/10/2015", FALSE, &error));
  g_assert_true (gloss_project_set_attribute_value (f->project, f->lewisham, authority->id,
                                                    "Lewisham", FALSE, &error));
  g_assert_true (gloss_project_set_attribute_value (f->project, f->southwark, authority->id,
                                                    "Southwark", FALSE, &error));
  g_assert_no_error (error);

  /* One document, by attribute position. */
  values = gloss_project_list_attribute_values (f->project, f->lewisham, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 2);
  value = g_ptr_array_index (values, 0);
  g_assert_cmpint (value->attribute_id, ==, authority->id);
  g_assert_cmpstr (value->value, ==, "Lewisham");
  value = g_ptr_array_index (values, 1);
  g_assert_cmpstr (value->value, ==, "2015-10-26");
  g_clear_pointer (&values, g_ptr_array_unref);

  /* Every document. */
  values = gloss_project_list_attribute_values (f->project, 0, &error);
  g_assert_cmpuint (values->len, ==, 3);
  g_clear_pointer (&values, g_ptr_array_unref);

  /* Clearing, by call and by a blank value. */
  g_assert_true (gloss_project_clear_attribute_value (f->project, f->lewisham, start->id, &error));
  assert_value (f, f->lewisham, start->id, NULL);
  g_assert_true (gloss_project_set_attribute_value (f->project, f->southwark, authority->id,
                                                    "   ", FALSE, &error));
  g_assert_no_error (error);
  assert_value (f, f->southwark, authority->id, NULL);
  g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM document_attribute"), ==, 1);

  /* A missing document or attribute. */
  g_assert_false (gloss_project_set_attribute_value (f->project, 9999, authority->id, "x", FALSE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (gloss_project_set_attribute_value (f->project, f->lewisham, 9999, "x", FALSE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* By name: made when missing, with the type asked for. */
  g_assert_true (gloss_project_set_named_attribute_value (f->project, f->third, "Overall",
                                                          GLOSS_ATTRIBUTE_CHOICE, "Good", &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_set_named_attribute_value (f->project, f->lewisham, "overall",
                                                          GLOSS_ATTRIBUTE_CHOICE, "Outstanding", &error));
  g_assert_no_error (error);
  made = gloss_project_lookup_attribute (f->project, "Overall", &error);
  g_assert_cmpint (made->type, ==, GLOSS_ATTRIBUTE_CHOICE);
  g_assert_cmpuint (g_strv_length (made->choices), ==, 2);
  /* Without a type, an existing choice refuses a new value. */
  g_assert_false (gloss_project_set_named_attribute_value (f->project, f->lewisham, "Overall", -1,
                                                           "Inadequate", &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);
  /* Another type than the attribute's is refused. */
  g_assert_false (gloss_project_set_named_attribute_value (f->project, f->lewisham, "Start",
                                                           GLOSS_ATTRIBUTE_NUMBER, "3", &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);
  /* A value the new attribute would refuse makes no attribute. */
  g_assert_false (gloss_project_set_named_attribute_value (f->project, f->lewisham, "Pages",
                                                           GLOSS_ATTRIBUTE_NUMBER, "many", &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (gloss_project_lookup_attribute (f->project, "Pages", NULL));
  /* Without a type, a new attribute is text. */
  g_assert_true (gloss_project_set_named_attribute_value (f->project, f->lewisham, "Lead inspector",
                                                          -1, "A. Smith", &error));
  g_clear_pointer (&made, gloss_attribute_free);
  made = gloss_project_lookup_attribute (f->project, "Lead inspector", &error);
  g_assert_cmpint (made->type, ==, GLOSS_ATTRIBUTE_TEXT);

  /* Values survive reopening. */
  g_clear_object (&f->project);
  f->project = gloss_project_open (f->path, &error);
  g_assert_no_error (error);
  assert_value (f, f->lewisham, authority->id, "Lewisham");
  assert_value (f, f->lewisham, made->id, "A. Smith");
}

/* Deleting a document deletes its values; undo still reaches what came
 * before. */
static void
test_delete_document (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GlossAttribute) authority = add (f, "Local authority", GLOSS_ATTRIBUTE_TEXT, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_set_attribute_value (f->project, f->lewisham, authority->id,
                                                    "Lewisham", FALSE, &error));
  g_assert_true (gloss_project_set_attribute_value (f->project, f->southwark, authority->id,
                                                    "Southwark", FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (gloss_project_delete_document (f->project, f->lewisham, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM document_attribute"), ==, 1);
  assert_value (f, f->southwark, authority->id, "Southwark");

  /* The Lewisham action is forgotten; undo takes back Southwark, then
   * the attribute itself. */
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
  assert_value (f, f->southwark, authority->id, NULL);
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM attribute"), ==, 0);
  g_assert_false (gloss_project_can_undo (f->project, NULL));
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  const char *judgements[] = { "Good", "Inadequate", NULL };
  g_autoptr(GlossAttribute) overall = add (f, "Overall", GLOSS_ATTRIBUTE_CHOICE, judgements);
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  g_autofree char *now = NULL;

  empty = dump (f);
  g_assert_true (gloss_project_set_attribute_value (f->project, f->lewisham, overall->id, "Good",
                                                    FALSE, &error));
  before = dump (f);
  /* A change, a new choice and a deletion in one action each. */
  g_assert_true (gloss_project_set_attribute_value (f->project, f->lewisham, overall->id,
                                                    "Requires improvement", TRUE, &error));
  g_assert_no_error (error);
  after = dump (f);
  g_assert_cmpstr (before, !=, after);

  g_assert_true (gloss_project_can_undo (f->project, &label));
  g_assert_cmpstr (label, ==, "Set Attribute");
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
  now = dump (f);
  g_assert_cmpstr (now, ==, before);
  g_clear_pointer (&now, g_free);

  g_assert_true (gloss_project_redo (f->project, &error));
  now = dump (f);
  g_assert_cmpstr (now, ==, after);
  g_clear_pointer (&now, g_free);

  /* Across reopening. */
  g_clear_object (&f->project);
  f->project = gloss_project_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
  now = dump (f);
  g_assert_cmpstr (now, ==, empty);
  g_clear_pointer (&now, g_free);

  /* Deleting the attribute, and its undo, restore values exactly. */
  g_assert_true (gloss_project_redo (f->project, &error));
  g_assert_true (gloss_project_delete_attribute (f->project, overall->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM document_attribute"), ==, 0);
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
  now = dump (f);
  g_assert_cmpstr (now, ==, before);
}

/* ---- several documents at once ---- */

static GArray *
ids_of (gint64 first,
        ...)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;
  gint64 id;

  va_start (args, first);
  for (id = first; id != 0; id = va_arg (args, gint64))
    g_array_append_val (ids, id);
  va_end (args);

  return ids;
}

static void
test_values_many (Fixture       *f,
                  gconstpointer  data)
{
  const char *judgements[] = { "Good", "Inadequate", NULL };
  g_autoptr(GlossAttribute) visits = add (f, "Visits", GLOSS_ATTRIBUTE_NUMBER, NULL);
  g_autoptr(GlossAttribute) overall = add (f, "Overall", GLOSS_ATTRIBUTE_CHOICE, judgements);
  g_autoptr(GlossAttribute) extended = NULL;
  g_autoptr(GArray) all = ids_of (f->lewisham, f->southwark, f->third, (gint64) 0);
  g_autoptr(GArray) two = ids_of (f->lewisham, f->third, (gint64) 0);
  g_autoptr(GArray) missing = ids_of (f->lewisham, (gint64) 9999, (gint64) 0);
  g_autoptr(GArray) none = ids_of ((gint64) 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  g_autofree char *label = NULL;
  guint changed;

  g_assert_true (gloss_project_set_attribute_value (f->project, f->southwark, visits->id, "7",
                                                    FALSE, &error));
  g_assert_no_error (error);
  drain ();
  before = dump (f);
  changed = f->documents_changed;

  /* Three documents in one action, the value in canonical form. */
  g_assert_true (gloss_project_set_attribute_values (f->project, all, visits->id, " +2.50 ",
                                                     FALSE, &error));
  g_assert_no_error (error);
  assert_value (f, f->lewisham, visits->id, "2.50");
  assert_value (f, f->southwark, visits->id, "2.50");
  assert_value (f, f->third, visits->id, "2.50");
  drain ();
  g_assert_cmpuint (f->documents_changed, ==, changed + 1);
  after = dump (f);

  /* One undo restores all three: the old 7 and two empty values. */
  g_assert_true (gloss_project_can_undo (f->project, &label));
  g_assert_cmpstr (label, ==, "Set Attribute");
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
  assert_value (f, f->lewisham, visits->id, NULL);
  assert_value (f, f->southwark, visits->id, "7");
  assert_value (f, f->third, visits->id, NULL);
  now = dump (f);
  g_assert_cmpstr (now, ==, before);
  g_clear_pointer (&now, g_free);
  g_assert_true (gloss_project_redo (f->project, &error));
  now = dump (f);
  g_assert_cmpstr (now, ==, after);
  g_clear_pointer (&now, g_free);

  /* An invalid value, or a missing document, changes nothing. */
  g_assert_false (gloss_project_set_attribute_values (f->project, all, visits->id, "three",
                                                      FALSE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“three” is not a number"));
  g_clear_error (&error);
  g_assert_false (gloss_project_set_attribute_values (f->project, missing, visits->id, "4",
                                                      FALSE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (gloss_project_set_attribute_values (f->project, all, 9999, "4", FALSE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  now = dump (f);
  g_assert_cmpstr (now, ==, after);
  g_clear_pointer (&now, g_free);

  /* A choice: refused outside its list, unless extending is asked for. */
  g_assert_false (gloss_project_set_attribute_values (f->project, two, overall->id, "Outstanding",
                                                      FALSE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gloss_project_set_attribute_values (f->project, two, overall->id, "outstanding",
                                                     TRUE, &error));
  g_assert_no_error (error);
  assert_value (f, f->lewisham, overall->id, "outstanding");
  assert_value (f, f->southwark, overall->id, NULL);
  assert_value (f, f->third, overall->id, "outstanding");
  extended = gloss_project_get_attribute (f->project, overall->id, &error);
  g_assert_cmpuint (g_strv_length (extended->choices), ==, 3);
  g_assert_cmpstr (extended->choices[2], ==, "outstanding");
  /* … and a spelling in the list is the list's. */
  g_assert_true (gloss_project_set_attribute_values (f->project, two, overall->id, "GOOD",
                                                     FALSE, &error));
  assert_value (f, f->third, overall->id, "Good");

  /* Clearing: NULL or blank, in one action too. */
  g_assert_true (gloss_project_set_attribute_values (f->project, all, visits->id, NULL,
                                                     FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM document_attribute"
                                     " WHERE attribute_id IN (SELECT id FROM attribute WHERE name = 'Visits')"),
                   ==, 0);
  g_clear_pointer (&label, g_free);
  g_assert_true (gloss_project_can_undo (f->project, &label));
  g_assert_cmpstr (label, ==, "Clear Attribute");
  g_assert_true (gloss_project_undo (f->project, &error));
  assert_value (f, f->lewisham, visits->id, "2.50");
  assert_value (f, f->third, visits->id, "2.50");
  g_assert_true (gloss_project_set_attribute_values (f->project, two, visits->id, "  ",
                                                     FALSE, &error));
  assert_value (f, f->lewisham, visits->id, NULL);
  assert_value (f, f->southwark, visits->id, "2.50");
  assert_value (f, f->third, visits->id, NULL);

  /* No documents: no action is added, so undo undoes the blank one. */
  g_assert_true (gloss_project_set_attribute_values (f->project, none, visits->id, "1",
                                                     FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
  assert_value (f, f->lewisham, visits->id, "2.50");
  assert_value (f, f->third, visits->id, "2.50");
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  const char *judgements[] = { "Good", "Inadequate", NULL };
  g_autoptr(GlossAttribute) visits = add (f, "Visits", GLOSS_ATTRIBUTE_NUMBER, NULL);
  g_autoptr(GlossAttribute) start = add (f, "Start", GLOSS_ATTRIBUTE_DATE, NULL);
  g_autoptr(GlossAttribute) overall = add (f, "Overall", GLOSS_ATTRIBUTE_CHOICE, judgements);
  g_autoptr(GArray) two = ids_of (f->lewisham, f->southwark, (gint64) 0);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (GlossAttributeChange));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;
  g_autofree char *label = NULL;
  GlossAttributeChange change;

  g_assert_true (gloss_project_set_attribute_value (f->project, f->southwark, overall->id, "Good",
                                                    FALSE, &error));
  g_assert_no_error (error);
  before = dump (f);

  change.attribute_id = visits->id;
  change.value = "3";
  g_array_append_val (changes, change);
  change.attribute_id = start->id;
  change.value = "05/01/2016";
  g_array_append_val (changes, change);
  change.attribute_id = overall->id;
  change.value = NULL;
  g_array_append_val (changes, change);

  g_assert_true (gloss_project_set_attributes_batch (f->project, two, changes, FALSE, &error));
  g_assert_no_error (error);
  assert_value (f, f->lewisham, visits->id, "3");
  assert_value (f, f->southwark, visits->id, "3");
  assert_value (f, f->lewisham, start->id, "2016-01-05");
  assert_value (f, f->southwark, start->id, "2016-01-05");
  assert_value (f, f->southwark, overall->id, NULL);
  assert_value (f, f->third, visits->id, NULL);

  /* One undo undoes every change. */
  g_assert_true (gloss_project_can_undo (f->project, &label));
  g_assert_cmpstr (label, ==, "Set Attributes");
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
  now = dump (f);
  g_assert_cmpstr (now, ==, before);
  g_clear_pointer (&now, g_free);

  /* A bad value in the last change: nothing of the earlier ones stays,
   * and the message names the attribute. */
  change.attribute_id = start->id;
  change.value = "31/02/2016";
  g_array_append_val (changes, change);
  g_assert_false (gloss_project_set_attributes_batch (f->project, two, changes, FALSE, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Start: "));
  g_assert_nonnull (strstr (error->message, "“31/02/2016” is not a date"));
  g_clear_error (&error);
  now = dump (f);
  g_assert_cmpstr (now, ==, before);
}

/* ---- import ---- */

static const char import_csv[] =
  "\xef\xbb\xbf"
  "file,Local authority,Overall:choice,Inspection start,URN,Note,Visits:number\r\n"
  "Lewisham 2015.txt,Lewisham,Good,26/10/2015,12,\"Leaders, \"\"mostly\"\" good\r\nsecond line\",3\r\n"
  "\r\n"
  "Nobody,Nowhere,Good,01/01/2016,13,,1\r\n"
  "Southwark letter,Southwark,requires improvement,2016-01-05,14,,\r\n"
  "%s,Third place,Inadequate,2017-03-04,15,plain,2\r\n"
  ",,,,,,\r\n"
  "\"\",Empty,Good,,,,\r\n";

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *csv = g_strdup_printf (import_csv, f->third_guid);
  g_autoptr(GlossAttributeImport) result = NULL;
  g_autoptr(GlossAttribute) authority = NULL;
  g_autoptr(GlossAttribute) overall = NULL;
  g_autoptr(GlossAttribute) start = NULL;
  g_autoptr(GlossAttribute) urn = NULL;
  g_autoptr(GlossAttribute) note = NULL;
  g_autoptr(GlossAttribute) visits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  const char *expected_choices[] = { "Good", "requires improvement", "Inadequate", NULL };
  const GlossUnmatchedRow *row;

  g_assert_true (gloss_project_import_attributes (f->project, csv, strlen (csv), &result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (result->n_rows, ==, 5);
  g_assert_cmpuint (result->n_matched, ==, 3);
  g_assert_cmpuint (result->created->len, ==, 6);
  g_assert_cmpuint (result->unmatched->len, ==, 2);
  row = g_ptr_array_index (result->unmatched, 0);
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpstr (row->document, ==, "Nobody");
  row = g_ptr_array_index (result->unmatched, 1);
  g_assert_cmpuint (row->line, ==, 9);
  g_assert_cmpstr (row->document, ==, "");
  /* 6 + 4 + 6 values (empty cells store nothing). */
  g_assert_cmpuint (result->n_changed, ==, 16);

  authority = gloss_project_lookup_attribute (f->project, "Local authority", NULL);
  overall = gloss_project_lookup_attribute (f->project, "Overall", NULL);
  start = gloss_project_lookup_attribute (f->project, "Inspection start", NULL);
  urn = gloss_project_lookup_attribute (f->project, "URN", NULL);
  note = gloss_project_lookup_attribute (f->project, "Note", NULL);
  visits = gloss_project_lookup_attribute (f->project, "Visits", NULL);
  g_assert_cmpint (authority->type, ==, GLOSS_ATTRIBUTE_TEXT);
  /* The header's type, or what every value in the column is. */
  g_assert_cmpint (overall->type, ==, GLOSS_ATTRIBUTE_CHOICE);
  g_assert_cmpint (start->type, ==, GLOSS_ATTRIBUTE_DATE);
  g_assert_cmpint (urn->type, ==, GLOSS_ATTRIBUTE_NUMBER);
  g_assert_cmpint (note->type, ==, GLOSS_ATTRIBUTE_TEXT);
  g_assert_cmpint (visits->type, ==, GLOSS_ATTRIBUTE_NUMBER);
  g_assert_cmpuint (visits->position, ==, 5);
  /* A new choice's values: the column's, in order, without repeats. */
  g_assert_cmpstrv (overall->choices, expected_choices);

  /* Matched by file name, by name, by GUID; typed on the way in. */
  assert_value (f, f->lewisham, authority->id, "Lewisham");
  assert_value (f, f->lewisham, start->id, "2015-10-26");
  assert_value (f, f->lewisham, note->id, "Leaders, \"mostly\" good\nsecond line");
  assert_value (f, f->southwark, overall->id, "requires improvement");
  assert_value (f, f->southwark, start->id, "2016-01-05");
  assert_value (f, f->southwark, visits->id, NULL);
  assert_value (f, f->third, authority->id, "Third place");
  assert_value (f, f->third, urn->id, "15");

  g_assert_true (gloss_project_can_undo (f->project, &label));
  g_assert_cmpstr (label, ==, "Import Attributes");

  /* Again, with changes: an empty cell clears, same values change nothing. */
  {
    static const char again[] =
      "document,local authority,Visits\n"
      "Lewisham 2015,Lewisham,\n"
      "Southwark letter,Southwark,7\n";
    g_autoptr(GlossAttributeImport) second = NULL;

    g_assert_true (gloss_project_import_attributes (f->project, again, strlen (again), &second, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (second->created->len, ==, 0);
    g_assert_cmpuint (second->unmatched->len, ==, 0);
    g_assert_cmpuint (second->n_changed, ==, 2);
    assert_value (f, f->lewisham, visits->id, NULL);
    assert_value (f, f->southwark, visits->id, "7");
  }

  /* Undo takes back the second import, then the whole first one. */
  g_assert_true (gloss_project_undo (f->project, &error));
  assert_value (f, f->lewisham, visits->id, "3");
  g_assert_true (gloss_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM attribute"), ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM document_attribute"), ==, 0);
}

/* Refused imports name every problem by line and write nothing. */
static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  static const struct
  {
    const char *csv;
    const char *parts[4];
  } cases[] = {
    /* malformed CSV */
    { "file,Note\nThird,\"open\nLewisham 2015,x\n", { "Line 2", "never closed" } },
    { "file,Note\nThird,ok\nLewisham 2015,a\"b\n", { "Line 3", "quote" } },
    { "file,Note\nThird,ok\nLewisham 2015,a,b\n", { "Line 3", "3 fields" } },
    /* invalid values: all of them named */
    { "file,Start:date,Count:number\n"
      "Third,2015-02-30,1\n"
      "Lewisham 2015,2015-02-03,x\n"
      "Southwark letter,tomorrow,2\n",
      { "Line 2, “Start”", "Line 3, “Count”", "Line 4, “Start”", "“tomorrow”" } },
    /* an existing choice does not grow on import */
    { "file,Overall\nThird,Adequate\n", { "Line 2", "“Adequate”", "Good" } },
    /* an existing attribute of another type */
    { "file,Overall:number\nThird,1\n", { "Line 1", "choice" } },
    /* headers */
    { "file,Note,note\nThird,a,b\n", { "Line 1", "two columns" } },
    { "file,,Note\nThird,a,b\n", { "column 2" } },
    { "file\nThird\n", { "Line 1" } },
    { "\n\n", { "no rows" } },
  };
  const char *judgements[] = { "Good", NULL };
  g_autoptr(GlossAttribute) overall = add (f, "Overall", GLOSS_ATTRIBUTE_CHOICE, judgements);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 actions;
  guint i, j;

  g_assert_true (gloss_project_set_attribute_value (f->project, f->third, overall->id, "Good",
                                                    FALSE, &error));
  before = dump (f);
  actions = sql_int (f->path, "SELECT count (*) FROM journal_action");

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossAttributeImport) result = NULL;
      g_autofree char *now = NULL;

      g_test_message ("case %u", i);
      g_assert_false (gloss_project_import_attributes (f->project, cases[i].csv,
                                                       strlen (cases[i].csv), &result, &error));
      g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
      g_assert_null (result);
      for (j = 0; j < G_N_ELEMENTS (cases[i].parts) && cases[i].parts[j]; j++)
        if (strstr (error->message, cases[i].parts[j]) == NULL)
          g_error ("“%s” does not contain “%s”", error->message, cases[i].parts[j]);
      g_clear_error (&error);

      now = dump (f);
      g_assert_cmpstr (now, ==, before);
      g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM journal_action"), ==, actions);
    }
}

/* Many bad values: the first twenty are named, the rest counted. */
static void
test_import_many_problems (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("file,Count:number\n");
  g_autoptr(GError) error = NULL;
  guint i;

  for (i = 0; i < 25; i++)
    g_string_append (csv, "Third,x\n");
  g_assert_false (gloss_project_import_attributes (f->project, csv->str, csv->len, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 21,"));
  g_assert_null (strstr (error->message, "Line 22,"));
  g_assert_nonnull (strstr (error->message, "5 more problems"));
  g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM attribute"), ==, 0);
}

/* A project made before attributes existed gets them, with undo. */
static void
test_migration (void)
{
  g_autofree char *dir = gloss_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.gloss", NULL);
  g_autofree char *file_path = g_build_filename (dir, "Old report.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_project_create_at_version (path, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM sqlite_master WHERE name = 'attribute'"), ==, 0);

  project = gloss_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, GLOSS_PROJECT_SCHEMA_VERSION);
  g_assert_true (g_file_set_contents (file_path, "An old report.\n", -1, NULL));
  document = gloss_project_import_file (project, file, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gloss_project_set_named_attribute_value (project, gloss_document_get_id (document),
                                                          "Year", GLOSS_ATTRIBUTE_NUMBER, "2012",
                                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM document_attribute"), ==, 1);
  g_assert_true (gloss_project_undo (project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM attribute"), ==, 0);
  g_assert_true (gloss_project_check_integrity (project, &error));

  g_clear_object (&project);
  gloss_test_remove_tree (dir);
}

/* ---- command line ---- */

static GStrv
output_lines (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;

  return g_steal_pointer (&lines);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_auto(GlossTestRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "manifest.csv", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "bad.csv", NULL);

  /* The CLI opens the project itself. */
  g_clear_object (&f->project);

  if (!gloss_test_run_cli (&run, "set-attribute", f->path, "Third", "Overall", "Good",
                           "--type", "choice", NULL))
    return;
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);

  gloss_test_run_cli (&run, "set-attribute", f->path, "Lewisham 2015", "Start", "26/10/2015",
                      "--type", "date", NULL);
  g_assert_cmpint (run.status, ==, 0);
  gloss_test_run_clear (&run);

  /* Invalid values, unknown types and documents: a message, non-zero. */
  gloss_test_run_cli (&run, "set-attribute", f->path, "Lewisham 2015", "Start", "31/02/2015", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "31/02/2015"));
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "set-attribute", f->path, "Lewisham 2015", "Overall", "Fine", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "Good"));
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "set-attribute", f->path, "Lewisham 2015", "X", "1", "--type", "integer", NULL);
  g_assert_cmpint (run.status, ==, 2);
  gloss_test_run_clear (&run);
  gloss_test_run_cli (&run, "set-attribute", f->path, "Nobody", "X", "1", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Nobody"));
  gloss_test_run_clear (&run);

  g_assert_true (g_file_set_contents (csv_path,
                                      "file,Overall,Note\r\n"
                                      "Southwark letter.txt,good,\"a, \"\"quoted\"\"\nnote\"\r\n"
                                      "Ghost,Good,\r\n",
                                      -1, NULL));
  /* A file name matches; a choice matches ignoring case; an unmatched
   * row is reported on stderr and is no failure. */
  gloss_test_run_cli (&run, "import-attributes", f->path, csv_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "line 4: no document named “Ghost”"));
  lines = output_lines (run.out);
  g_assert_cmpstr (lines[0], ==, "created\tNote\ttext");
  g_assert_cmpstr (lines[1], ==, "rows\t2");
  g_assert_cmpstr (lines[2], ==, "matched\t1");
  g_assert_cmpstr (lines[3], ==, "unmatched\t1");
  g_assert_cmpstr (lines[4], ==, "changed\t2");
  g_clear_pointer (&lines, g_strfreev);
  gloss_test_run_clear (&run);

  gloss_test_run_cli (&run, "attributes", f->path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = output_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "document\tOverall\tStart\tNote");
  g_assert_cmpstr (lines[1], ==, "Lewisham 2015\t\t2015-10-26\t");
  g_assert_cmpstr (lines[2], ==, "Southwark letter\tGood\t\ta, \"quoted\"\\nnote");
  g_assert_cmpstr (lines[3], ==, "Third\tGood\t\t");
  g_clear_pointer (&lines, g_strfreev);
  gloss_test_run_clear (&run);

  /* Malformed CSV: the line, a non-zero exit, nothing written. */
  g_assert_true (g_file_set_contents (bad_path, "file,Note\nThird,fine\nThird,\"open\n", -1, NULL));
  gloss_test_run_cli (&run, "import-attributes", f->path, bad_path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Line 3"));
  g_assert_cmpstr (run.out, ==, "");
  gloss_test_run_clear (&run);
  g_assert_true (g_file_set_contents (bad_path, "file,Overall\nThird,Fine\n", -1, NULL));
  gloss_test_run_cli (&run, "import-attributes", f->path, bad_path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Line 2"));
  gloss_test_run_clear (&run);
  g_assert_cmpint (sql_int (f->path, "SELECT count (*) FROM document_attribute WHERE value = 'Fine'"), ==, 0);

  gloss_test_run_cli (&run, "import-attributes", f->path, "/nonexistent/file.csv", NULL);
  g_assert_cmpint (run.status, ==, 1);
  gloss_test_run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/attributes/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("define", test_define);
  ADD ("validation", test_validation);
  ADD ("values", test_values);
  ADD ("delete-document", test_delete_document);
  ADD ("undo", test_undo);
  ADD ("values-many", test_values_many);
  ADD ("batch", test_batch);
  ADD ("import", test_import);
  ADD ("import-refused", test_import_refused);
  ADD ("import-many-problems", test_import_many_problems);
  ADD ("cli", test_cli);
  g_test_add_func ("/attributes/migration", test_migration);

#undef ADD

  return g_test_run ();
}
