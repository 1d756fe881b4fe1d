/* gloss-cli-export.c: the command-line tool's export and codebook import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

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
  gloss_cli_print_error ("export", message);

  return 2;
}

typedef struct
{
  GlossTableColumns  columns;
  char              *attribute;   /* for GLOSS_TABLE_COLUMNS_ATTRIBUTE */
  gboolean           by_year;     /* the attribute name ended with ":year" */
} ColumnsSpec;

/* document, coder, cooccurrence, attribute:NAME or attribute:NAME:year */
static gboolean
parse_columns (const char  *text,
               ColumnsSpec *spec)
{
  if (g_ascii_strcasecmp (text, "document") == 0)
    spec->columns = GLOSS_TABLE_COLUMNS_DOCUMENT;
  else if (g_ascii_strcasecmp (text, "coder") == 0)
    spec->columns = GLOSS_TABLE_COLUMNS_CODER;
  else if (g_ascii_strcasecmp (text, "cooccurrence") == 0 ||
           g_ascii_strcasecmp (text, "co-occurrence") == 0)
    spec->columns = GLOSS_TABLE_COLUMNS_COOCCURRENCE;
  else if (g_ascii_strncasecmp (text, "attribute:", 10) == 0 && text[10] != '\0')
    {
      spec->columns = GLOSS_TABLE_COLUMNS_ATTRIBUTE;
      spec->attribute = g_strdup (text + 10);
    }
  else
    return FALSE;

  return TRUE;
}

/* The attribute a spec names: NAME as given, or else NAME:year as the
 * years of the date attribute NAME. */
static GlossAttribute *
find_attribute (GlossProject  *project,
                ColumnsSpec   *spec,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossAttribute *attribute;
  gsize length = strlen (spec->attribute);

  attribute = gloss_project_lookup_attribute (project, spec->attribute, &local_error);
  if (attribute != NULL)
    return attribute;

  if (length > 5 && g_ascii_strcasecmp (spec->attribute + length - 5, ":year") == 0)
    {
      g_autofree char *name = g_strndup (spec->attribute, length - 5);

      attribute = gloss_project_lookup_attribute (project, name, NULL);
      if (attribute != NULL)
        {
          if (attribute->type != GLOSS_ATTRIBUTE_DATE)
            {
              g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                           _("“%s” is not a date attribute: only dates have years"), attribute->name);
              gloss_attribute_free (attribute);
              return NULL;
            }
          spec->by_year = TRUE;
          return attribute;
        }
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static GlossSheet *
export_matrix (GlossProject  *project,
               ColumnsSpec   *spec,
               GlossMeasure   measure,
               gboolean       roll_up,
               char         **coders,
               char         **documents,
               GError       **error)
{
  g_autoptr(GlossAttribute) attribute = NULL;
  g_autoptr(GArray) coder_ids = NULL;
  g_autoptr(GArray) document_ids = NULL;
  g_autoptr(GlossTable) table = NULL;
  GlossTableQuery query = { 0, };
  const char *name = NULL;
  guint i;

  query.columns = spec->columns;
  query.measure = measure;
  query.roll_up = roll_up;

  if (spec->columns == GLOSS_TABLE_COLUMNS_ATTRIBUTE)
    {
      attribute = find_attribute (project, spec, error);
      if (attribute == NULL)
        return NULL;
      query.attribute_id = attribute->id;
      query.by_year = spec->by_year;
    }

  for (i = 0; coders != NULL && coders[i] != NULL; i++)
    {
      gint64 id = gloss_project_lookup_coder (project, coders[i]);

      if (id == 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                       _("The project has no coder “%s”"), coders[i]);
          return NULL;
        }
      if (coder_ids == NULL)
        coder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (coder_ids, id);
    }
  for (i = 0; documents != NULL && documents[i] != NULL; i++)
    {
      g_autoptr(GlossDocument) document = gloss_project_lookup_document (project, documents[i], error);
      gint64 id;

      if (document == NULL)
        return NULL;
      id = gloss_document_get_id (document);
      if (document_ids == NULL)
        document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (document_ids, id);
    }
  query.coder_ids = coder_ids;
  query.document_ids = document_ids;

  table = gloss_project_compute_table (project, &query, NULL, error);
  if (table == NULL)
    return NULL;

  switch (spec->columns)
    {
    case GLOSS_TABLE_COLUMNS_DOCUMENT:
      name = _("By document");
      break;
    case GLOSS_TABLE_COLUMNS_CODER:
      name = _("By coder");
      break;
    case GLOSS_TABLE_COLUMNS_ATTRIBUTE:
      name = attribute->name;
      break;
    case GLOSS_TABLE_COLUMNS_COOCCURRENCE:
    default:
      name = _("Co-occurrence");
      break;
    }

  return gloss_table_to_sheet (table, name);
}

static GlossSheet *
export_segments (GlossProject  *project,
                 const char    *code_path,
                 char         **coders,
                 char         **documents,
                 GError       **error)
{
  GlossCodingFilter filter = { 0, };

  if (documents != NULL && documents[0] != NULL)
    {
      g_autoptr(GlossDocument) document = gloss_project_lookup_document (project, documents[0], error);

      if (document == NULL)
        return NULL;
      filter.document_id = gloss_document_get_id (document);
    }
  if (code_path != NULL)
    {
      g_autoptr(GlossCode) code = gloss_project_lookup_code (project, code_path, error);

      if (code == NULL)
        return NULL;
      filter.code_id = gloss_code_get_id (code);
      filter.with_subcodes = TRUE;
    }
  if (coders != NULL && coders[0] != NULL)
    {
      filter.coder_id = gloss_project_lookup_coder (project, coders[0]);
      if (filter.coder_id == 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                       _("The project has no coder “%s”"), coders[0]);
          return NULL;
        }
    }

  return gloss_project_export_segments (project, &filter, error);
}

int
gloss_cli_export (int    argc,
                  char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossSheet) sheet = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *measure_name = NULL;
  g_autofree char *code_path = NULL;
  g_auto(GStrv) coders = NULL;
  g_auto(GStrv) documents = NULL;
  gboolean excel = FALSE, roll_up = FALSE;
  GlossSheetFormat format = GLOSS_SHEET_FORMAT_CSV;
  GlossMeasure measure = GLOSS_MEASURE_CODINGS;
  ColumnsSpec spec = { 0, };
  const char *what;
  int status = 0;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("csv or xlsx (needs --output); by default xlsx for a FILE ending in .xlsx, else csv"), N_("FORMAT") },
    { "excel", 0, 0, G_OPTION_ARG_NONE, &excel,
      N_("CSV for Excel: start with a byte-order mark"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (replaced whole) instead of standard output"), N_("FILE") },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &columns,
      N_("matrix: document, coder, attribute:NAME, attribute:NAME:year or cooccurrence"), N_("COLUMNS") },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &measure_name,
      N_("matrix: codings (the default), documents, characters or coverage"), N_("MEASURE") },
    { "roll-up", 0, 0, G_OPTION_ARG_NONE, &roll_up,
      N_("matrix: a code’s row also counts its sub-codes’ codings"), NULL },
    { "coder", 0, 0, G_OPTION_ARG_STRING_ARRAY, &coders,
      N_("Only this coder’s codings (repeatable for matrix)"), N_("NAME") },
    { "document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      N_("Only this document, a name or GUID (repeatable for matrix)"), N_("D") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code_path,
      N_("segments: only this code and its sub-codes"), N_("PATH") },
    { NULL }
  };

  if (!gloss_cli_parse_options ("export", "PROJECT codebook|segments|matrix",
                                _("Export the codebook, the coded segments or a matrix of codes.\n"
                                  "codebook: a row per code (guid, path, name, parent_path,\n"
                                  "description, colour, codings, documents, created_by, created_at).\n"
                                  "segments: a row per coding, with the document’s attributes.\n"
                                  "matrix: a row per code path, a column per --columns value and a\n"
                                  "total; the last row has the column totals.\n"
                                  "CSV is RFC 4180 with CRLF line ends; XLSX has numbers as numbers."),
                                entries, &argc, &argv, 2, 2, &status))
    return status;

  what = argv[2];
  if (strcmp (what, "codebook") != 0 && strcmp (what, "segments") != 0 && strcmp (what, "matrix") != 0)
    return usage_error (_("“%s” cannot be exported: use codebook, segments or matrix"), what);

  if (format_name != NULL)
    {
      if (g_ascii_strcasecmp (format_name, "csv") == 0)
        format = GLOSS_SHEET_FORMAT_CSV;
      else if (g_ascii_strcasecmp (format_name, "xlsx") == 0)
        format = GLOSS_SHEET_FORMAT_XLSX;
      else
        return usage_error (_("“%s” is not a format: use csv or xlsx"), format_name);
    }
  else if (output != NULL && g_str_has_suffix (output, ".xlsx"))
    format = GLOSS_SHEET_FORMAT_XLSX;
  if (format == GLOSS_SHEET_FORMAT_XLSX && (output == NULL || strcmp (output, "-") == 0))
    return usage_error (_("XLSX needs --output FILE: a workbook cannot go to standard output"));

  if (strcmp (what, "matrix") == 0)
    {
      if (columns == NULL)
        return usage_error (_("matrix needs --columns (document, coder, attribute:NAME, "
                              "attribute:NAME:year or cooccurrence)"));
      if (!parse_columns (columns, &spec))
        return usage_error (_("“%s” is not a kind of column: use document, coder, attribute:NAME, "
                              "attribute:NAME:year or cooccurrence"), columns);
      if (measure_name != NULL && !gloss_measure_from_string (measure_name, &measure))
        return usage_error (_("“%s” is not a measure: use codings, documents, characters or coverage"),
                            measure_name);
      if (code_path != NULL)
        return usage_error (_("--code is for segments"));
    }
  else
    {
      if (columns != NULL || measure_name != NULL || roll_up)
        return usage_error (_("--columns, --measure and --roll-up are for matrix"));
      if (strcmp (what, "codebook") == 0 && (coders != NULL || documents != NULL || code_path != NULL))
        return usage_error (_("--coder, --document and --code are for segments and matrix"));
      if ((coders != NULL && g_strv_length (coders) > 1) ||
          (documents != NULL && g_strv_length (documents) > 1))
        return usage_error (_("segments take at most one --coder and one --document"));
    }

  project = gloss_cli_open_project_for_reading (argv[1]);
  if (project == NULL)
    {
      g_free (spec.attribute);
      return 1;
    }

  if (strcmp (what, "codebook") == 0)
    sheet = gloss_project_export_codebook (project, &error);
  else if (strcmp (what, "segments") == 0)
    sheet = export_segments (project, code_path, coders, documents, &error);
  else
    sheet = export_matrix (project, &spec, measure, roll_up, coders, documents, &error);
  g_free (spec.attribute);
  if (sheet == NULL)
    return fail (argv[1], error);

  sheets = g_ptr_array_new ();
  g_ptr_array_add (sheets, sheet);
  if (!gloss_sheets_write (sheets, format, excel, output, &error))
    return fail (NULL, error);

  return 0;
}

int
gloss_cli_import_codebook (int    argc,
                           char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  GlossCodebookImport result = { 0, };
  gsize length = 0;
  int status = 0;

  if (!gloss_cli_parse_options ("import-codebook", "PROJECT FILE.csv",
                                _("Merge a codebook CSV file (as “export PROJECT codebook” writes) into\n"
                                  "the codebook, by path. The first row names the columns: path is\n"
                                  "needed; guid, description and colour are used, name and\n"
                                  "parent_path checked, others ignored. Missing codes are made (with\n"
                                  "their parents); existing ones take the description and colour\n"
                                  "given (a blank cell keeps theirs). Any bad row changes nothing and\n"
                                  "fails, naming every bad line. Prints what was done, tab-separated."),
                                NULL, &argc, &argv, 2, 2, &status))
    return status;

  display = g_filename_display_name (argv[2]);
  if (!g_file_get_contents (argv[2], &contents, &length, &error))
    return fail (display, error);

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  if (!gloss_project_import_codebook (project, contents, length, &result, &error))
    {
      fail (display, error);
      gloss_cli_print_error (display, _("nothing was imported"));
      return 1;
    }

  g_print ("rows\t%u\nadded\t%u\nupdated\t%u\nunchanged\t%u\n",
           result.n_rows, result.n_added, result.n_updated, result.n_unchanged);

  return 0;
}
