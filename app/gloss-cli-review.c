/* gloss-cli-review.c: the command-line tool's review command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>

#include "gloss-cli.h"

int
gloss_cli_review (int    argc,
                  char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossCoding) coding = NULL;
  g_autoptr(GlossReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coder = NULL;
  g_autofree char *comment = NULL;
  GlossVerdict verdict;
  int status = 0;
  gint64 coder_id;
  GOptionEntry entries[] = {
    { "coder", 0, 0, G_OPTION_ARG_STRING, &coder, N_("Who reviews (required)"), N_("NAME") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("Why they agree or dispute"), N_("TEXT") },
    { NULL }
  };

  if (!gloss_cli_parse_options ("review", "PROJECT CODING-GUID agree|dispute",
                                _("Agree with or dispute a colleague’s coding, with an optional\n"
                                  "comment; a new review replaces the coder’s earlier one.  The\n"
                                  "coding’s own coder cannot review it.  Prints the review’s GUID."),
                                entries, &argc, &argv, 3, 3, &status))
    return status;

  if (!gloss_verdict_from_string (argv[3], &verdict))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a verdict: use agree or dispute"), argv[3]);

      gloss_cli_print_error ("review", message);
      return 2;
    }
  if (coder == NULL || *coder == '\0')
    {
      gloss_cli_print_error ("review", _("--coder NAME is required: who reviews the coding"));
      return 2;
    }

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  coding = gloss_project_lookup_coding (project, argv[2], &error);
  if (coding == NULL)
    {
      gloss_cli_print_error (argv[1], error->message);
      return 1;
    }

  coder_id = gloss_project_lookup_coder (project, coder);
  if (coder_id != 0 && coder_id == gloss_coding_get_coder_id (coding))
    {
      g_autofree char *message = g_strdup_printf (_("%s coded this passage and cannot review their own coding"),
                                                  gloss_coding_get_coder_name (coding));

      gloss_cli_print_error (argv[1], message);
      return 1;
    }
  if (coder_id == 0)
    coder_id = gloss_project_ensure_coder (project, coder, &error);
  if (coder_id == 0)
    {
      gloss_cli_print_error (argv[1], error->message);
      return 1;
    }

  review = gloss_project_set_review (project, gloss_coding_get_id (coding), coder_id, verdict, comment, &error);
  if (review == NULL)
    {
      gloss_cli_print_error (argv[1], error->message);
      return 1;
    }

  g_print ("%s\n", review->guid);
  return 0;
}
