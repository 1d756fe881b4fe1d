/* gloss-test-fixtures.h: test inputs made by our own code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes a PDF with one page per element of pages (NULL-terminated), each
 * laid out with pango at 11 pt on an A4 page with 72 pt margins.  Returns
 * FALSE and sets error on failure. */
gboolean  gloss_test_make_pdf            (const char  *path,
                                          const char * const *pages,
                                          GError     **error);
/* Writes a one-page PDF, encrypted with the standard security handler
 * (RC4, revision 2 or 3), that opens with user_password and shows text. */
gboolean  gloss_test_make_encrypted_pdf  (const char  *path,
                                          const char  *user_password,
                                          const char  *text,
                                          GError     **error);
/* A fresh temporary directory, removed (recursively) by
 * gloss_test_remove_tree. */
char     *gloss_test_make_tmpdir         (void);
void      gloss_test_remove_tree         (const char  *path);
/* Path to ../shared/corpus or NULL (after g_test_skip with a message) when
 * it is absent. */
const char *gloss_test_corpus_dir        (void);

/* $GLOSS_CLI, or NULL (and the test skipped). */
const char *gloss_test_cli_path          (void);

/* The outcome of running gloss-cli (path in $GLOSS_CLI). */
typedef struct
{
  int   status;   /* exit status */
  char *out;
  char *err;
} GlossTestRun;

/* Runs gloss-cli with the NULL-terminated arguments; FALSE (and the test
 * skipped) when there is no gloss-cli.  Fails the test if it crashes. */
gboolean  gloss_test_run_cli             (GlossTestRun *run,
                                          const char   *first,
                                          ...);
void      gloss_test_run_clear           (GlossTestRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GlossTestRun, gloss_test_run_clear)

G_END_DECLS
