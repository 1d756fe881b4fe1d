/* gloss-cli-agreement.c: the command-line tool's agreement between coders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gloss-cli.h"

G_GNUC_PRINTF (1, 2)
static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  gloss_cli_print_error ("agreement", message);

  return 2;
}

/* Three decimals whatever the locale; empty when undefined. */
static char *
format_figure (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");

  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  if (strcmp (buffer, "-0.000") == 0)
    return g_strdup ("0.000");

  return g_strdup (buffer);
}

/* The names of --coders, which may be repeated and hold several names
 * separated by commas. */
static GPtrArray *
split_names (char **values)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  guint i, k;

  for (i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (k = 0; parts[k] != NULL; k++)
        {
          char *name = g_strstrip (parts[k]);

          if (*name != '\0')
            g_ptr_array_add (names, g_strdup (name));
        }
    }

  return names;
}

static void
print_rows (GPtrArray *rows,
            guint      n_coders)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *header[] = {
    "code", "documents", "units", "percent_agreement",
    n_coders == 2 ? "cohen_kappa" : "fleiss_kappa", "krippendorff_alpha",
  };
  guint i;

  gloss_tsv_append_row (out, header, G_N_ELEMENTS (header));
  for (i = 0; i < rows->len; i++)
    {
      const GlossAgreementRow *row = g_ptr_array_index (rows, i);
      g_autofree char *documents = g_strdup_printf ("%u", row->n_documents);
      g_autofree char *units = g_strdup_printf ("%" G_GUINT64_FORMAT, row->n_units);
      g_autofree char *percent = format_figure (row->percent);
      g_autofree char *kappa = format_figure (row->kappa);
      g_autofree char *alpha = format_figure (row->alpha);
      const char *fields[] = { row->code_path, documents, units, percent, kappa, alpha };

      gloss_tsv_append_row (out, fields, G_N_ELEMENTS (fields));
      if (row->note != NULL)
        {
          g_autofree char *note = g_strdup_printf ("%s: %s", row->code_path, row->note);

          gloss_cli_print_error ("note", note);
        }
    }
  gloss_cli_write_out (out);
}

int
gloss_cli_agreement (int    argc,
                     char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) coder_ids = NULL;
  g_autoptr(GArray) document_ids = NULL;
  g_autoptr(GArray) code_ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unit_name = NULL;
  g_auto(GStrv) coders = NULL;
  g_auto(GStrv) documents = NULL;
  g_auto(GStrv) codes = NULL;
  gboolean with_subcodes = FALSE;
  GlossAgreementQuery query = { 0, };
  int status = 0;
  guint i, k;
  GOptionEntry entries[] = {
    { "coders", 0, 0, G_OPTION_ARG_STRING_ARRAY, &coders,
      N_("The coders to compare, at least two, separated by commas"), N_("A,B[,C…]") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit_name,
      N_("What a unit is: character (the default), sentence or paragraph"), N_("UNIT") },
    { "document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Only this document, a name or GUID (repeatable)"), N_("D") },
    { "code", 0, 0, G_OPTION_ARG_STRING_ARRAY, &codes,
      N_("Only this code, a path or GUID (repeatable)"), N_("PATH") },
    { "with-subcodes", 0, 0, G_OPTION_ARG_NONE, &with_subcodes,
      N_("A code’s units also count its sub-codes’ codings"), NULL },
    { NULL }
  };

  if (!gloss_cli_parse_options ("agreement", "PROJECT",
                                _("Agreement between coders, per code and pooled over codes (ALL).\n"
                                  "Tab-separated: code, documents, units, percent_agreement,\n"
                                  "cohen_kappa (two coders; fleiss_kappa for more, and no percent\n"
                                  "agreement) and krippendorff_alpha (nominal), with three decimals;\n"
                                  "a figure that is undefined is empty, and why is noted on standard\n"
                                  "error. A unit is coded by a coder when any of its characters is."),
                                entries, &argc, &argv, 1, 1, &status))
    return status;

  query.unit = GLOSS_UNIT_CHARACTER;
  if (unit_name != NULL && !gloss_agreement_unit_from_string (unit_name, &query.unit))
    return usage_error (_("“%s” is not a unit: use character, sentence or paragraph"), unit_name);

  names = split_names (coders);
  if (names->len < 2)
    return usage_error (_("--coders needs at least two coders, separated by commas"));
  for (i = 0; i < names->len; i++)
    for (k = i + 1; k < names->len; k++)
      if (strcmp (g_ptr_array_index (names, i), g_ptr_array_index (names, k)) == 0)
        return usage_error (_("“%s” is named twice in --coders"), (const char *) g_ptr_array_index (names, i));

  project = gloss_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    return 1;

  coder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gint64 id = gloss_project_lookup_coder (project, name);

      if (id == 0)
        {
          g_autofree char *message = g_strdup_printf (_("The project has no coder “%s”"), name);

          gloss_cli_print_error (argv[1], message);
          return 1;
        }
      g_array_append_val (coder_ids, id);
    }

  for (i = 0; documents != NULL && documents[i] != NULL; i++)
    {
      g_autoptr(GlossDocument) document = gloss_project_lookup_document (project, documents[i], &error);
      gint64 id;

      if (document == NULL)
        {
          gloss_cli_print_error (argv[1], error->message);
          return 1;
        }
      id = gloss_document_get_id (document);
      if (document_ids == NULL)
        document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (document_ids, id);
    }

  for (i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autoptr(GlossCode) code = gloss_project_lookup_code (project, codes[i], &error);
      gint64 id;

      if (code == NULL)
        {
          gloss_cli_print_error (argv[1], error->message);
          return 1;
        }
      id = gloss_code_get_id (code);
      if (code_ids == NULL)
        code_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (code_ids, id);
    }

  query.coder_ids = coder_ids;
  query.document_ids = document_ids;
  query.code_ids = code_ids;
  query.with_subcodes = with_subcodes;

  rows = gloss_project_compute_agreement (project, &query, FALSE, NULL, &error);
  if (rows == NULL)
    {
      gloss_cli_print_error (argv[1], error->message);
      return 1;
    }

  print_rows (rows, coder_ids->len);

  return 0;
}
