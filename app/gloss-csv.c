/* gloss-csv.c: comma-separated values as RFC 4180 describes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <string.h>

#include "gloss-csv.h"
#include "gloss-error.h"

void
gloss_csv_record_free (GlossCsvRecord *record)
{
  if (record == NULL)
    return;

  g_strfreev (record->fields);
  g_free (record);
}

static gboolean
is_line_end (char c)
{
  return c == '\n' || c == '\r';
}

/* Moves past one line end (CRLF, LF or CR) and counts it. */
static const char *
skip_line_end (const char *p,
               const char *end,
               guint      *line)
{
  if (p < end && *p == '\r')
    {
      p++;
      if (p < end && *p == '\n')
        p++;
      (*line)++;
    }
  else if (p < end && *p == '\n')
    {
      p++;
      (*line)++;
    }

  return p;
}

static GPtrArray *
parse_utf8 (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_csv_record_free);
  const char *p = data;
  const char *end = data + length;
  guint line = 1;

  while (p < end)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      GlossCsvRecord *record;
      guint record_line = line;

      for (;;)
        {
          GString *field = g_string_new (NULL);

          if (p < end && *p == '"')
            {
              guint quote_line = line;

              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_string_free (field, TRUE);
                      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                                   _("Line %u: a quoted field is never closed"), quote_line);
                      return NULL;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (is_line_end (*p))
                    {
                      /* Line ends inside a field become LF. */
                      g_string_append_c (field, '\n');
                      p = skip_line_end (p, end, &line);
                      continue;
                    }
                  g_string_append_c (field, *p);
                  p++;
                }

              if (p < end && *p != ',' && !is_line_end (*p))
                {
                  g_string_free (field, TRUE);
                  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                               _("Line %u: text after the closing quote of a field"), line);
                  return NULL;
                }
            }
          else
            {
              const char *start = p;

              while (p < end && *p != ',' && !is_line_end (*p))
                {
                  if (*p == '"')
                    {
                      g_string_free (field, TRUE);
                      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                                   _("Line %u: a quote inside a field that does not start with one"),
                                   line);
                      return NULL;
                    }
                  p++;
                }
              g_string_append_len (field, start, p - start);
            }

          g_ptr_array_add (fields, g_string_free (field, FALSE));

          if (p < end && *p == ',')
            {
              p++;
              continue;
            }
          break;
        }

      p = skip_line_end (p, end, &line);

      record = g_new0 (GlossCsvRecord, 1);
      record->n_fields = fields->len;
      record->line = record_line;
      g_ptr_array_add (fields, NULL);
      record->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

GPtrArray *
gloss_csv_parse (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autofree char *converted = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length > 0 && memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                   _("It is not a CSV file: it holds binary data"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      gsize written = 0;

      converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID,
                       _("It is not a CSV file: the text is neither UTF-8 nor Windows-1252"));
          return NULL;
        }
      data = converted;
      length = written;
    }

  return parse_utf8 (data, length, error);
}

static gboolean
needs_quotes (const char *field)
{
  gsize len = strlen (field);

  if (len == 0)
    return FALSE;
  if (strpbrk (field, ",\"\r\n") != NULL)
    return TRUE;

  return g_ascii_isspace (field[0]) || g_ascii_isspace (field[len - 1]);
}

void
gloss_csv_append_field (GString    *out,
                        const char *field)
{
  const char *p;

  if (field == NULL)
    return;

  if (!needs_quotes (field))
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
gloss_csv_append_row (GString            *out,
                      const char * const *fields,
                      gsize               n_fields)
{
  gsize i;

  for (i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      gloss_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}
