/* gloss-cli-codebook.c: the command-line tool's codebook and coding commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli.h"

static int
fail (const char   *subject,
      const GError *error)
{
  gloss_cli_print_error (subject, error->message);
  return 1;
}

static const char *
default_coder (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();

  return name;
}

static gboolean
parse_offset (const char *text,
              guint      *value)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &number, NULL))
    return FALSE;

  *value = number;
  return TRUE;
}

int
gloss_cli_codes (int    argc,
                 char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("guid\tpath\tcolour\tcodings\tdocuments\n");
  int status = 0;
  guint i, j;

  if (!gloss_cli_parse_options ("codes", "PROJECT",
                                _("List the codebook, tab-separated, with a header line; a code’s\n"
                                  "path is the names from the root joined by “/”."),
                                NULL, &argc, &argv, 1, 1, &status))
    return status;

  project = gloss_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return 1;

  codes = gloss_project_list_codes (project, &error);
  if (codes == NULL)
    return fail (argv[1], error);
  counts = gloss_project_get_code_counts (project, 0, &error);
  if (counts == NULL)
    return fail (argv[1], error);

  for (i = 0; i < codes->len; i++)
    {
      GlossCode *code = g_ptr_array_index (codes, i);
      g_autofree char *codings = NULL;
      g_autofree char *documents = NULL;
      guint n_codings = 0, n_documents = 0;

      for (j = 0; j < counts->len; j++)
        {
          const GlossCodeCounts *c = &g_array_index (counts, GlossCodeCounts, j);

          if (c->code_id == gloss_code_get_id (code))
            {
              n_codings = c->in_project;
              n_documents = c->documents;
              break;
            }
        }

      codings = g_strdup_printf ("%u", n_codings);
      documents = g_strdup_printf ("%u", n_documents);
      {
        const char *row[] = {
          gloss_code_get_guid (code), gloss_code_get_path (code), gloss_code_get_colour (code),
          codings, documents,
        };

        gloss_tsv_append_row (out, row, G_N_ELEMENTS (row));
      }
    }
  gloss_cli_write_out (out);

  return 0;
}

int
gloss_cli_code_add (int    argc,
                    char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *colour = NULL;
  g_autofree char *description = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "colour", 0, 0, G_OPTION_ARG_STRING, &colour, N_("The code’s colour"), "#RRGGBB" },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What the code means"), N_("TEXT") },
    { NULL }
  };

  if (!gloss_cli_parse_options ("code-add", "PROJECT PATH",
                                _("Add a code; missing parents on its path are created.\n"
                                  "Prints the code’s GUID."),
                                entries, &argc, &argv, 2, 2, &status))
    return status;

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  code = gloss_project_ensure_code_path (project, argv[2], colour, description, &error);
  if (code == NULL)
    return fail (argv[1], error);

  g_print ("%s\n", gloss_code_get_guid (code));
  return 0;
}

int
gloss_cli_code_move (int    argc,
                     char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GlossCode) parent = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!gloss_cli_parse_options ("code-move", "PROJECT PATH NEW-PARENT-PATH",
                                _("Move a code (with its sub-codes) under another code; an empty\n"
                                  "NEW-PARENT-PATH moves it to the root."),
                                NULL, &argc, &argv, 3, 3, &status))
    return status;

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  code = gloss_project_lookup_code (project, argv[2], &error);
  if (code == NULL)
    return fail (argv[1], error);
  if (*argv[3] != '\0')
    {
      parent = gloss_project_lookup_code (project, argv[3], &error);
      if (parent == NULL)
        return fail (argv[1], error);
    }

  if (!gloss_project_move_code (project, gloss_code_get_id (code),
                                parent ? gloss_code_get_id (parent) : 0, -1, &error))
    return fail (argv[1], error);

  return 0;
}

int
gloss_cli_code_merge (int    argc,
                      char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossCode) from = NULL;
  g_autoptr(GlossCode) into = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!gloss_cli_parse_options ("code-merge", "PROJECT FROM-PATH INTO-PATH",
                                _("Merge a code into another: its codings and sub-codes move,\n"
                                  "codings that would be duplicates collapse, and it is removed."),
                                NULL, &argc, &argv, 3, 3, &status))
    return status;

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  from = gloss_project_lookup_code (project, argv[2], &error);
  if (from == NULL)
    return fail (argv[1], error);
  into = gloss_project_lookup_code (project, argv[3], &error);
  if (into == NULL)
    return fail (argv[1], error);

  if (!gloss_project_merge_code (project, gloss_code_get_id (from), gloss_code_get_id (into), &error))
    return fail (argv[1], error);

  return 0;
}

int
gloss_cli_code_delete (int    argc,
                       char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  guint n;

  if (!gloss_cli_parse_options ("code-delete", "PROJECT PATH",
                                _("Delete a code, its sub-codes and all their codings."),
                                NULL, &argc, &argv, 2, 2, &status))
    return status;

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  code = gloss_project_lookup_code (project, argv[2], &error);
  if (code == NULL)
    return fail (argv[1], error);

  n = gloss_project_count_code_codings (project, gloss_code_get_id (code));
  if (!gloss_project_delete_code (project, gloss_code_get_id (code), &error))
    return fail (argv[1], error);

  g_printerr (g_dngettext (GETTEXT_PACKAGE, "Deleted “%s” and %u coding\n",
                           "Deleted “%s” and %u codings\n", n),
              gloss_code_get_path (code), n);
  return 0;
}

int
gloss_cli_code (int    argc,
                char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GlossCode) code = NULL;
  g_autoptr(GlossCoding) coding = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coder = NULL;
  g_autofree char *memo = NULL;
  int status = 0;
  guint start, end;
  gint64 coder_id;
  GOptionEntry entries[] = {
    { "coder", 0, 0, G_OPTION_ARG_STRING, &coder, N_("Who codes (default: your name)"), N_("NAME") },
    { "memo", 0, 0, G_OPTION_ARG_STRING, &memo, N_("A memo on the coding"), N_("TEXT") },
    { NULL }
  };

  if (!gloss_cli_parse_options ("code", "PROJECT DOCUMENT CODE-PATH START END",
                                _("Code the passage [START, END) of a document: offsets are in\n"
                                  "characters (Unicode code points) of its canonical text, END\n"
                                  "excluded.  Prints the new coding’s GUID."),
                                entries, &argc, &argv, 5, 5, &status))
    return status;

  if (!parse_offset (argv[4], &start) || !parse_offset (argv[5], &end))
    {
      gloss_cli_print_error ("code", _("START and END must be whole numbers of characters"));
      return 2;
    }

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  document = gloss_project_lookup_document (project, argv[2], &error);
  if (document == NULL)
    return fail (argv[1], error);
  code = gloss_project_lookup_code (project, argv[3], &error);
  if (code == NULL)
    return fail (argv[1], error);
  coder_id = gloss_project_ensure_coder (project, coder ? coder : default_coder (), &error);
  if (coder_id == 0)
    return fail (argv[1], error);

  coding = gloss_project_add_coding (project, gloss_document_get_id (document),
                                     gloss_code_get_id (code), coder_id, start, end, memo, &error);
  if (coding == NULL)
    return fail (argv[1], error);

  g_print ("%s\n", gloss_coding_get_guid (coding));
  return 0;
}

int
gloss_cli_codings (int    argc,
                   char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) codings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("guid\tdocument\tcode\tcoder\tstart\tend\tpage\tquote\tmemo\n");
  g_autofree char *document_name = NULL;
  g_autofree char *code_path = NULL;
  g_autofree char *coder = NULL;
  GlossCodingFilter filter = { 0, };
  int status = 0;
  guint i;
  GOptionEntry entries[] = {
    { "document", 0, 0, G_OPTION_ARG_STRING, &document_name, N_("Only this document (name or GUID)"), N_("D") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code_path, N_("Only this code and its sub-codes"), N_("PATH") },
    { "coder", 0, 0, G_OPTION_ARG_STRING, &coder, N_("Only this coder’s codings"), N_("NAME") },
    { NULL }
  };

  if (!gloss_cli_parse_options ("codings", "PROJECT",
                                _("List codings, tab-separated, with a header line; pages count from 1."),
                                entries, &argc, &argv, 1, 1, &status))
    return status;

  project = gloss_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return 1;

  if (document_name != NULL)
    {
      g_autoptr(GlossDocument) document = gloss_project_lookup_document (project, document_name, &error);

      if (document == NULL)
        return fail (argv[1], error);
      filter.document_id = gloss_document_get_id (document);
    }
  if (code_path != NULL)
    {
      g_autoptr(GlossCode) code = gloss_project_lookup_code (project, code_path, &error);

      if (code == NULL)
        return fail (argv[1], error);
      filter.code_id = gloss_code_get_id (code);
      filter.with_subcodes = TRUE;
    }
  if (coder != NULL)
    {
      filter.coder_id = gloss_project_lookup_coder (project, coder);
      if (filter.coder_id == 0)
        {
          g_autofree char *message = g_strdup_printf (_("The project has no coder “%s”"), coder);

          gloss_cli_print_error (argv[1], message);
          return 1;
        }
    }

  codings = gloss_project_list_codings (project, &filter, &error);
  if (codings == NULL)
    return fail (argv[1], error);

  for (i = 0; i < codings->len; i++)
    {
      GlossCoding *coding = g_ptr_array_index (codings, i);
      g_autofree char *start = g_strdup_printf ("%u", gloss_coding_get_start (coding));
      g_autofree char *end = g_strdup_printf ("%u", gloss_coding_get_end (coding));
      g_autofree char *page = g_strdup_printf ("%u", gloss_coding_get_page (coding) + 1);
      const char *row[] = {
        gloss_coding_get_guid (coding), gloss_coding_get_document_name (coding),
        gloss_coding_get_code_path (coding), gloss_coding_get_coder_name (coding),
        start, end, page, gloss_coding_get_quote (coding), gloss_coding_get_memo (coding),
      };

      gloss_tsv_append_row (out, row, G_N_ELEMENTS (row));
    }
  gloss_cli_write_out (out);

  return 0;
}

int
gloss_cli_uncode (int    argc,
                  char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossCoding) coding = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!gloss_cli_parse_options ("uncode", "PROJECT CODING-GUID", _("Remove a coding."),
                                NULL, &argc, &argv, 2, 2, &status))
    return status;

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  coding = gloss_project_lookup_coding (project, argv[2], &error);
  if (coding == NULL)
    return fail (argv[1], error);
  if (!gloss_project_remove_coding (project, gloss_coding_get_id (coding), &error))
    return fail (argv[1], error);

  return 0;
}
