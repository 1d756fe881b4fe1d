/* gloss-cli-attributes.c: the command-line tool's attribute commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli.h"

/* Prints every line of a (possibly multi-line) message. */
static int
fail (const char   *subject,
      const GError *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  guint i;

  for (i = 0; lines[i] != NULL; i++)
    gloss_cli_print_error (subject, lines[i]);

  return 1;
}

int
gloss_cli_set_attribute (int    argc,
                         char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *type_name = NULL;
  GlossAttributeType type = GLOSS_ATTRIBUTE_TEXT;
  int status = 0;
  GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_name,
      N_("The attribute’s type: text, number, date or choice"), N_("TYPE") },
    { NULL }
  };

  if (!gloss_cli_parse_options ("set-attribute", "PROJECT DOCUMENT NAME VALUE",
                                _("Set a document’s value of an attribute, making the attribute\n"
                                  "(of type --type, or text) when the project has none of that name.\n"
                                  "A number is a decimal like -3.5; a date is YYYY-MM-DD or DD/MM/YYYY;\n"
                                  "a choice is one of its values, and with --type choice a new value\n"
                                  "is added to them. An empty VALUE clears the value. DOCUMENT is a\n"
                                  "name or a GUID."),
                                entries, &argc, &argv, 4, 4, &status))
    return status;

  if (type_name != NULL && !gloss_attribute_type_from_string (type_name, &type))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a type; use text, number, date or choice"), type_name);

      gloss_cli_print_error ("set-attribute", message);
      return 2;
    }

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  document = gloss_project_lookup_document (project, argv[2], &error);
  if (document == NULL)
    return fail (argv[1], error);

  if (!gloss_project_set_named_attribute_value (project, gloss_document_get_id (document),
                                                argv[3], type_name != NULL ? (int) type : -1,
                                                argv[4], &error))
    return fail (argv[1], error);

  return 0;
}

int
gloss_cli_import_attributes (int    argc,
                             char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossAttributeImport) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  gsize length = 0;
  int status = 0;
  guint i;

  if (!gloss_cli_parse_options ("import-attributes", "PROJECT FILE.csv",
                                _("Set documents’ attributes from a CSV file. The first column names\n"
                                  "the document (name, file name or GUID); the first row names the\n"
                                  "attributes, each optionally with its type (“Overall:choice”).\n"
                                  "Missing attributes are made. Rows that name no document are\n"
                                  "reported on standard error. Malformed CSV or an invalid value\n"
                                  "changes nothing and fails, naming the lines. Prints what was\n"
                                  "done, tab-separated."),
                                NULL, &argc, &argv, 2, 2, &status))
    return status;

  display = g_filename_display_name (argv[2]);
  if (!g_file_get_contents (argv[2], &contents, &length, &error))
    return fail (display, error);

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  if (!gloss_project_import_attributes (project, contents, length, &result, &error))
    {
      fail (display, error);
      gloss_cli_print_error (display, _("nothing was imported"));
      return 1;
    }

  for (i = 0; i < result->unmatched->len; i++)
    {
      const GlossUnmatchedRow *row = g_ptr_array_index (result->unmatched, i);
      g_autofree char *message = NULL;

      if (*row->document == '\0')
        message = g_strdup_printf (_("line %u: no document named (the first cell is empty)"),
                                   row->line);
      else
        message = g_strdup_printf (_("line %u: no document named “%s”"), row->line, row->document);
      gloss_cli_print_error (display, message);
    }

  for (i = 0; i < result->created->len; i++)
    {
      const char *name = g_ptr_array_index (result->created, i);
      g_autoptr(GlossAttribute) attribute = gloss_project_lookup_attribute (project, name, NULL);
      const char *row[] = {
        "created", name,
        attribute != NULL ? gloss_attribute_type_to_string (attribute->type) : "",
      };

      gloss_tsv_append_row (out, row, G_N_ELEMENTS (row));
    }
  g_string_append_printf (out, "rows\t%u\nmatched\t%u\nunmatched\t%u\nchanged\t%u\n",
                          result->n_rows, result->n_matched, result->unmatched->len,
                          result->n_changed);
  gloss_cli_write_out (out);

  return 0;
}

int
gloss_cli_attributes (int    argc,
                      char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree const char **row = NULL;
  int status = 0;
  guint i, v;

  if (!gloss_cli_parse_options ("attributes", "PROJECT",
                                _("List the documents’ attributes, tab-separated: a header line with\n"
                                  "“document” and the attributes’ names, then a line per document\n"
                                  "with its name and values (empty when it has none)."),
                                NULL, &argc, &argv, 1, 1, &status))
    return status;

  project = gloss_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return 1;

  documents = gloss_project_list_documents (project, &error);
  if (documents == NULL)
    return fail (argv[1], error);
  attributes = gloss_project_list_attributes (project, &error);
  if (attributes == NULL)
    return fail (argv[1], error);
  values = gloss_project_list_attribute_values (project, 0, &error);
  if (values == NULL)
    return fail (argv[1], error);

  /* attribute id → column */
  columns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  row = g_new0 (const char *, attributes->len + 1);
  row[0] = "document";
  for (i = 0; i < attributes->len; i++)
    {
      GlossAttribute *attribute = g_ptr_array_index (attributes, i);

      g_hash_table_insert (columns, g_memdup2 (&attribute->id, sizeof (gint64)),
                           GUINT_TO_POINTER (i + 1));
      row[i + 1] = attribute->name;
    }
  gloss_tsv_append_row (out, row, attributes->len + 1);

  /* Values come by document id: index them by document. */
  {
    g_autoptr(GHashTable) first_value = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                               g_free, NULL);

    for (v = values->len; v > 0; v--)
      {
        GlossAttributeValue *value = g_ptr_array_index (values, v - 1);

        g_hash_table_replace (first_value, g_memdup2 (&value->document_id, sizeof (gint64)),
                              GUINT_TO_POINTER (v));
      }

    for (i = 0; i < documents->len; i++)
      {
        GlossDocument *document = g_ptr_array_index (documents, i);
        gint64 id = gloss_document_get_id (document);
        guint k;

        row[0] = gloss_document_get_name (document);
        for (k = 1; k <= attributes->len; k++)
          row[k] = "";

        for (v = GPOINTER_TO_UINT (g_hash_table_lookup (first_value, &id));
             v > 0 && v <= values->len; v++)
          {
            GlossAttributeValue *value = g_ptr_array_index (values, v - 1);
            guint column;

            if (value->document_id != id)
              break;
            column = GPOINTER_TO_UINT (g_hash_table_lookup (columns, &value->attribute_id));
            if (column > 0)
              row[column] = value->value;
          }

        gloss_tsv_append_row (out, row, attributes->len + 1);
      }
  }
  gloss_cli_write_out (out);

  return 0;
}
