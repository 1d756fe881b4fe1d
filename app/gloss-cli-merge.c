/* gloss-cli-merge.c: gloss-cli merge, a colleague's project into this one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Gloss"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gloss-cli.h"

static const char *
conflict_kind_name (GlossConflictKind kind)
{
  switch (kind)
    {
    case GLOSS_CONFLICT_MISSING_DOCUMENT:
      return "missing-document";
    case GLOSS_CONFLICT_CODE_MOVED:
      return "code-moved";
    case GLOSS_CONFLICT_SAME_PATH:
    default:
      return "same-path";
    }
}

static void
append_line (GString    *out,
             const char *kind,
             guint       added,
             guint       matched,
             guint       updated,
             guint       deleted,
             guint       skipped)
{
  g_string_append_printf (out, "%s\t%u\t%u\t%u\t%u\t%u\n", kind, added, matched, updated, deleted, skipped);
}

int
gloss_cli_merge (int    argc,
                 char **argv)
{
  g_autoptr(GlossProject) project = NULL;
  g_autoptr(GlossMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("kind\tadded\tmatched\tupdated\tdeleted\tskipped\n");
  GlossMergeSummary s = { 0, };
  gboolean map_codes = FALSE, dry_run = FALSE;
  GPtrArray *conflicts;
  guint i, undecided = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "map-codes-by-path", 0, 0, G_OPTION_ARG_NONE, &map_codes,
      N_("Treat their code with a path we have as ours, and keep our codes where they are"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what the merge would do, writing nothing"), NULL },
    { NULL }
  };

  if (!gloss_cli_parse_options ("merge", "PROJECT OTHER",
                                _("Merge a colleague’s copy of the project (OTHER, only read) into PROJECT.\n"
                                  "Reports are matched by their bytes, coders by identity and then by name,\n"
                                  "codes by identity and then by path, codings, memos and reviews by identity;\n"
                                  "of two versions of one row the later change wins, and a row one side deleted\n"
                                  "after the other’s last change to it is deleted.  Merging the same file\n"
                                  "again changes nothing.\n"
                                  "\n"
                                  "Prints a header line and a line for each of documents, coders, codes,\n"
                                  "codings, memos and reviews, tab-separated: kind, added, matched, updated,\n"
                                  "deleted, skipped (0 where a count does not apply).\n"
                                  "\n"
                                  "A report of OTHER that PROJECT lacks is added, with its text and pages.\n"
                                  "Conflicting codes (one path for two different codes, or one code under\n"
                                  "different parents) are listed on standard error, one per line, and\n"
                                  "nothing is written (exit status 1), unless --map-codes-by-path is given:\n"
                                  "then their code is taken as ours where the paths are the same, and our\n"
                                  "codes stay where they are.\n"
                                  "With --dry-run nothing is written either way."),
                                entries, &argc, &argv, 2, 2, &status))
    return status;

  project = gloss_cli_open_project (argv[1]);
  if (project == NULL)
    return 1;

  plan = gloss_project_plan_merge (project, argv[2], NULL, &error);
  if (plan == NULL)
    {
      gloss_cli_print_error (argv[2], error->message);
      return 1;
    }

  /* A colleague's report we do not have is added. */
  conflicts = gloss_merge_plan_get_conflicts (plan);
  for (i = 0; i < conflicts->len; i++)
    {
      GlossMergeConflict *conflict = g_ptr_array_index (conflicts, i);

      if (conflict->kind == GLOSS_CONFLICT_MISSING_DOCUMENT)
        conflict->decision = GLOSS_DECISION_ADD;
    }
  if (map_codes)
    gloss_merge_plan_map_codes_by_path (plan);

  for (i = 0; i < conflicts->len; i++)
    {
      GlossMergeConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *line = NULL;

      if (conflict->decision != GLOSS_DECISION_NONE)
        continue;
      line = g_strdup_printf ("%s: %s", conflict_kind_name (conflict->kind), conflict->description);
      gloss_cli_print_error (argv[2], line);
      undecided++;
    }
  if (undecided > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u conflict needs a decision; nothing was written (see --map-codes-by-path)",
                                      "%u conflicts need a decision; nothing was written (see --map-codes-by-path)",
                                      undecided),
                         undecided);

      gloss_cli_print_error ("merge", message);
      return 1;
    }

  if (!gloss_project_merge (project, plan, dry_run, &s, NULL, &error))
    {
      gloss_cli_print_error (argv[1], error->message);
      return 1;
    }

  append_line (out, "documents", s.documents_added, s.documents_matched, 0, 0, s.documents_skipped);
  append_line (out, "coders", s.coders_added, s.coders_matched, 0, 0, 0);
  append_line (out, "codes", s.codes_added, s.codes_matched, s.codes_updated, s.codes_deleted, s.codes_skipped);
  append_line (out, "codings", s.codings_added, s.codings_matched, s.codings_updated, s.codings_deleted,
               s.codings_skipped);
  append_line (out, "memos", s.memos_added, 0, s.memos_updated, s.memos_deleted, 0);
  append_line (out, "reviews", s.reviews_added, 0, s.reviews_updated, s.reviews_deleted, 0);
  gloss_cli_write_out (out);

  return 0;
}
