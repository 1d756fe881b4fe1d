/* gloss-tsv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "gloss-tsv.h"

/* Tab, newline, carriage return and backslash inside a field become \t,
 * \n, \r and \\, so that every record is one line. */
void
gloss_tsv_append_field (GString    *out,
                        const char *field)
{
  const char *p;

  if (field == NULL)
    return;

  for (p = field; *p; p++)
    {
      switch (*p)
        {
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

void
gloss_tsv_append_row (GString            *out,
                      const char * const *fields,
                      gsize               n_fields)
{
  gsize i;

  for (i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\t');
      gloss_tsv_append_field (out, fields[i]);
    }
  g_string_append_c (out, '\n');
}
