/* gloss-cli.c: the headless command-line tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "gloss.h"
#include "gloss-cli.h"

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static const char *prgname = "gloss-cli";

void
gloss_cli_print_error (const char *subject,
             const char *message)
{
  if (subject != NULL)
    g_printerr ("%s: %s: %s\n", prgname, subject, message);
  else
    g_printerr ("%s: %s\n", prgname, message);
}

void
gloss_cli_write_out (GString *out)
{
  fwrite (out->str, 1, out->len, stdout);
  g_string_truncate (out, 0);
}

/* Parses a command's options; prints usage and returns FALSE on error or
 * for --help (with *status set). */
gboolean
gloss_cli_parse_options (const char    *command,
               const char    *parameters,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               guint          min_args,
               guint          max_args,
               int           *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = NULL;

  usage = g_strdup_printf ("%s %s", command, parameters);
  context = g_option_context_new (usage);
  g_option_context_set_summary (context, summary);
  g_option_context_set_help_enabled (context, TRUE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      gloss_cli_print_error (command, error->message);
      *status = 2;
      return FALSE;
    }

  /* argv[0] is the command itself. */
  if ((guint) (*argc - 1) < min_args || (guint) (*argc - 1) > max_args)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      gloss_cli_print_error (command, *argc - 1 < (int) min_args
                   ? _("missing arguments")
                   : _("too many arguments"));
      g_printerr ("%s", help);
      *status = 2;
      return FALSE;
    }

  return TRUE;
}

GlossProject *
gloss_cli_open_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  GlossProject *project = gloss_project_open (path, &error);

  if (project == NULL)
    gloss_cli_print_error (path, error->message);

  return project;
}

/* For the commands that only read: see gloss_project_open_read_only(). */
GlossProject *
gloss_cli_open_project_for_reading (const char *path)
{
  g_autoptr(GError) error = NULL;
  GlossProject *project = gloss_project_open_read_only (path, &error);

  if (project == NULL)
    gloss_cli_print_error (path, error->message);

  return project;
}

static int
command_new (int    argc,
             char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The project’s name"), N_("TEXT") },
    { NULL }
  };

  if (!gloss_cli_parse_options ("new", "PROJECT", _("Create a new, empty project file."),
                      entries, &argc, &argv, 1, 1, &status))
    return status;

  project = gloss_project_create (argv[1], name, &error);
  if (project == NULL)
    {
      gloss_cli_print_error (argv[1], error->message);
      return 1;
    }

  return 0;
}

static int
command_import (int    argc,
                char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *password = NULL;
  int status = 0;
  guint i;
  GOptionEntry entries[] = {
    { "password", 0, 0, G_OPTION_ARG_STRING, &password, N_("Password of encrypted PDFs"), N_("TEXT") },
    { NULL }
  };

  if (!gloss_cli_parse_options ("import", "PROJECT FILE…",
                      _("Import PDF and text reports (files or folders) into a project.\n"
                        "Prints a line per file: imported, duplicate or refused."),
                      entries, &argc, &argv, 2, G_MAXINT, &status))
    return status;

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  importer = gloss_importer_new (project);
  for (i = 2; i < (guint) argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);

      gloss_importer_add_file (importer, file, password);
    }

  if (!gloss_importer_run (importer, NULL, &error))
    {
      gloss_cli_print_error (argv[1], error->message);
      return 1;
    }

  for (i = 0; i < gloss_importer_get_n_results (importer); i++)
    {
      const GlossImportResult *result = gloss_importer_get_result (importer, i);
      GFile *file = gloss_import_result_get_file (result);
      GlossDocument *document = gloss_import_result_get_document (result);
      const GError *file_error = gloss_import_result_get_error (result);
      g_autofree char *path = g_file_get_parse_name (file);

      switch (gloss_import_result_get_status (result))
        {
        case GLOSS_IMPORT_IMPORTED:
          {
            const char *row[] = { "imported", gloss_document_get_name (document),
                                  gloss_document_get_guid (document) };

            gloss_tsv_append_row (out, row, G_N_ELEMENTS (row));
          }
          break;
        case GLOSS_IMPORT_DUPLICATE:
          {
            const char *row[] = { "duplicate", path,
                                  document ? gloss_document_get_name (document) : "" };

            gloss_tsv_append_row (out, row, G_N_ELEMENTS (row));
            gloss_cli_print_error (path, file_error->message);
          }
          break;
        case GLOSS_IMPORT_REFUSED:
        case GLOSS_IMPORT_CANCELLED:
        default:
          {
            const char *row[] = { "refused", path, file_error ? file_error->message : "" };

            gloss_tsv_append_row (out, row, G_N_ELEMENTS (row));
            gloss_cli_print_error (path, file_error ? file_error->message : _("refused"));
            status = 1;
          }
          break;
        }
      gloss_cli_write_out (out);
    }

  return status;
}

static int
command_documents (int    argc,
                   char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("guid\tname\tkind\tpages\tchars\tsha256\n");
  int status = 0;
  guint i;

  if (!gloss_cli_parse_options ("documents", "PROJECT",
                      _("List the project’s documents, tab-separated, with a header line."),
                      NULL, &argc, &argv, 1, 1, &status))
    return status;

  project = gloss_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return 1;

  documents = gloss_project_list_documents (project, &error);
  if (documents == NULL)
    {
      gloss_cli_print_error (argv[1], error->message);
      return 1;
    }

  for (i = 0; i < documents->len; i++)
    {
      GlossDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *pages = g_strdup_printf ("%u", gloss_document_get_n_pages (document));
      g_autofree char *chars = g_strdup_printf ("%u", gloss_document_get_n_chars (document));
      const char *row[] = {
        gloss_document_get_guid (document),
        gloss_document_get_name (document),
        gloss_document_kind_to_string (gloss_document_get_kind (document)),
        pages,
        chars,
        gloss_document_get_sha256 (document),
      };

      gloss_tsv_append_row (out, row, G_N_ELEMENTS (row));
    }
  gloss_cli_write_out (out);

  return 0;
}

static int
command_text (int    argc,
              char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status = 0;

  if (!gloss_cli_parse_options ("text", "PROJECT DOCUMENT",
                      _("Print a document’s canonical text; the pages of a PDF are separated\n"
                        "by a form feed. DOCUMENT is a name or a GUID."),
                      NULL, &argc, &argv, 2, 2, &status))
    return status;

  project = gloss_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return 1;

  document = gloss_project_lookup_document (project, argv[2], &error);
  if (document == NULL)
    {
      gloss_cli_print_error (argv[1], error->message);
      return 1;
    }

  text = gloss_project_load_document_text (project, gloss_document_get_id (document), &error);
  if (text == NULL)
    {
      gloss_cli_print_error (argv[1], error->message);
      return 1;
    }

  fputs (text, stdout);
  return 0;
}

static const Command commands[] = {
  { "new", "PROJECT [--name TEXT]", N_("Create a new project"), command_new },
  { "import", "PROJECT FILE… [--password TEXT]", N_("Import PDF and text reports"), command_import },
  { "documents", "PROJECT", N_("List the documents"), command_documents },
  { "text", "PROJECT DOCUMENT", N_("Print a document’s canonical text"), command_text },
  { "codes", "PROJECT", N_("List the codebook"), gloss_cli_codes },
  { "code-add", "PROJECT PATH [--colour #RRGGBB] [--description TEXT]", N_("Add a code (and its parents)"), gloss_cli_code_add },
  { "code-move", "PROJECT PATH NEW-PARENT-PATH", N_("Move a code under another (\"\" for the root)"), gloss_cli_code_move },
  { "code-merge", "PROJECT FROM-PATH INTO-PATH", N_("Merge a code into another"), gloss_cli_code_merge },
  { "code-delete", "PROJECT PATH", N_("Delete a code, its sub-codes and their codings"), gloss_cli_code_delete },
  { "code", "PROJECT DOCUMENT CODE-PATH START END [--coder NAME] [--memo TEXT]", N_("Code a passage"), gloss_cli_code },
  { "codings", "PROJECT [--document D] [--code PATH] [--coder NAME]", N_("List codings"), gloss_cli_codings },
  { "uncode", "PROJECT CODING-GUID", N_("Remove a coding"), gloss_cli_uncode },
  { "attributes", "PROJECT", N_("List the documents’ attributes"), gloss_cli_attributes },
  { "set-attribute", "PROJECT DOCUMENT NAME VALUE [--type text|number|date|choice]", N_("Set a document’s attribute"), gloss_cli_set_attribute },
  { "import-attributes", "PROJECT FILE.csv", N_("Set documents’ attributes from a CSV file"), gloss_cli_import_attributes },
  { "export", "PROJECT codebook|segments|matrix [--columns C] [--measure M] [--format csv|xlsx] [--output FILE]", N_("Export the codebook, coded segments or a matrix as CSV or XLSX"), gloss_cli_export },
  { "import-codebook", "PROJECT FILE.csv", N_("Merge a codebook CSV file into the codebook"), gloss_cli_import_codebook },
  { "merge", "PROJECT OTHER [--map-codes-by-path] [--dry-run]", N_("Merge a colleague’s project into this one"), gloss_cli_merge },
  { "agreement", "PROJECT --coders A,B[,C…] [--unit character|sentence|paragraph] [--document D]… [--code PATH]… [--with-subcodes]", N_("Agreement between coders"), gloss_cli_agreement },
  { "review", "PROJECT CODING-GUID agree|dispute [--comment TEXT] --coder NAME", N_("Review a colleague’s coding"), gloss_cli_review },
};

static void
print_usage (FILE *stream)
{
  gsize i;

  fprintf (stream, _("Usage: %s COMMAND [OPTION…] ARGUMENTS\n\n"), prgname);
  fprintf (stream, "%s\n", _("Commands:"));
  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n  %-12s   %s\n", commands[i].name, commands[i].parameters,
             "", _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “gloss-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  gsize i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname (prgname);

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("gloss-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);

    gloss_cli_print_error (NULL, message);
    print_usage (stderr);
  }

  return 2;
}
