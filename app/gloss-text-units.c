/* gloss-text-units.c: a text's sentences and paragraphs, for agreement
 *
 * Paragraphs.  The text is read as runs of white space between runs of
 * other characters.  A run of white space breaks a paragraph when it holds
 * a form feed (a page break), or, in a text with blank lines, two line
 * breaks with no form feed between them (a blank line, which may hold
 * spaces), or, in a text without blank lines (as PDF text usually is), a
 * line break.  A paragraph is what lies between breaks, without the white
 * space at its ends.
 *
 * Sentences.  Within a paragraph, a sentence ends after ".", "!" or "?"
 * and any closing quotes and brackets that follow it, when white space
 * follows; the next begins at the next character that is not white space.
 * Abbreviations are not recognised ("Mr. Smith" is two sentences); a
 * full stop inside a word or number ("3.5", "e.g.,") ends nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <string.h>

#include "gloss-agreement.h"

const char *
gloss_agreement_unit_to_string (GlossAgreementUnit unit)
{
  switch (unit)
    {
    case GLOSS_UNIT_CHARACTER:
      return "character";
    case GLOSS_UNIT_SENTENCE:
      return "sentence";
    case GLOSS_UNIT_PARAGRAPH:
      return "paragraph";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "character", "sentence" or "paragraph", in any case, or their plurals. */
gboolean
gloss_agreement_unit_from_string (const char         *text,
                                  GlossAgreementUnit *unit)
{
  static const GlossAgreementUnit all[] = {
    GLOSS_UNIT_CHARACTER, GLOSS_UNIT_SENTENCE, GLOSS_UNIT_PARAGRAPH,
  };
  guint i;

  g_return_val_if_fail (unit != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const char *name = gloss_agreement_unit_to_string (all[i]);
      gsize length = strlen (name);

      if (g_ascii_strncasecmp (text, name, length) == 0 &&
          (text[length] == '\0' || g_ascii_strcasecmp (text + length, "s") == 0))
        {
          *unit = all[i];
          return TRUE;
        }
    }

  return FALSE;
}

static void
add_unit (GArray *units,
          guint   start,
          guint   end)
{
  GlossTextUnit unit = { start, end };

  g_array_append_val (units, unit);
}

/* Closing quotes and brackets: ) ] } ’ ” » › and the like, and the
 * straight quotes, which close as often as they open. */
static gboolean
is_closing (gunichar c)
{
  GUnicodeType type;

  if (c == '"' || c == '\'')
    return TRUE;
  type = g_unichar_type (c);

  return type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION;
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?';
}

/* The sentences of the paragraph [start, end), which starts and ends with
 * a character that is not white space. */
static void
add_sentences (GArray         *units,
               const gunichar *chars,
               guint           start,
               guint           end)
{
  guint from = start, i = start;

  while (i < end)
    {
      guint after;

      if (!is_sentence_end (chars[i]))
        {
          i++;
          continue;
        }

      for (after = i + 1; after < end && is_closing (chars[after]); after++)
        ;
      if (after < end && g_unichar_isspace (chars[after]))
        {
          add_unit (units, from, after);
          for (i = after; i < end && g_unichar_isspace (chars[i]); i++)
            ;
          from = i;
        }
      else
        i = after;
    }

  if (from < end)
    add_unit (units, from, end);
}

/* Whether some run of white space holds a blank line: two line breaks
 * with no form feed between them. */
static gboolean
has_blank_line (const gunichar *chars,
                guint           n)
{
  guint i, breaks = 0;

  for (i = 0; i < n; i++)
    {
      if (chars[i] == '\n')
        {
          if (++breaks == 2)
            return TRUE;
        }
      else if (chars[i] == '\f' || !g_unichar_isspace (chars[i]))
        breaks = 0;
    }

  return FALSE;
}

/**
 * gloss_text_units:
 * @text: UTF-8
 *
 * Returns: (transfer full) (element-type GlossTextUnit): the units, in order
 */
GArray *
gloss_text_units (const char         *text,
                  GlossAgreementUnit  unit)
{
  g_autofree gunichar *chars = NULL;
  GArray *units;
  glong length = 0;
  gboolean blank_lines;
  guint n, i, start = 0, last = 0;
  gboolean in_paragraph = FALSE;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (unit <= GLOSS_UNIT_PARAGRAPH, NULL);

  units = g_array_new (FALSE, FALSE, sizeof (GlossTextUnit));
  chars = g_utf8_to_ucs4_fast (text, -1, &length);
  n = (guint) length;

  if (unit == GLOSS_UNIT_CHARACTER)
    {
      g_array_set_size (units, n);
      for (i = 0; i < n; i++)
        {
          g_array_index (units, GlossTextUnit, i).start = i;
          g_array_index (units, GlossTextUnit, i).end = i + 1;
        }
      return units;
    }

  blank_lines = has_blank_line (chars, n);

  i = 0;
  while (i < n)
    {
      guint run_end, breaks = 0;
      gboolean is_break = FALSE;

      if (!g_unichar_isspace (chars[i]))
        {
          if (!in_paragraph)
            {
              start = i;
              in_paragraph = TRUE;
            }
          last = ++i;
          continue;
        }

      /* A run of white space: does it end the paragraph? */
      for (run_end = i; run_end < n && g_unichar_isspace (chars[run_end]); run_end++)
        {
          if (chars[run_end] == '\f')
            {
              is_break = TRUE;
              breaks = 0;
            }
          else if (chars[run_end] == '\n' && ++breaks >= (blank_lines ? 2u : 1u))
            is_break = TRUE;
        }

      if (is_break && in_paragraph)
        {
          if (unit == GLOSS_UNIT_SENTENCE)
            add_sentences (units, chars, start, last);
          else
            add_unit (units, start, last);
          in_paragraph = FALSE;
        }
      i = run_end;
    }

  if (in_paragraph)
    {
      if (unit == GLOSS_UNIT_SENTENCE)
        add_sentences (units, chars, start, last);
      else
        add_unit (units, start, last);
    }

  return units;
}
