/* gloss-cli.h: shared parts of the command-line tool's commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gloss.h"

G_BEGIN_DECLS

void          gloss_cli_print_error    (const char    *subject,
                                        const char    *message);
void          gloss_cli_write_out      (GString       *out);
gboolean      gloss_cli_parse_options  (const char    *command,
                                        const char    *parameters,
                                        const char    *summary,
                                        GOptionEntry  *entries,
                                        int           *argc,
                                        char        ***argv,
                                        guint          min_args,
                                        guint          max_args,
                                        int           *status);
GlossProject *gloss_cli_open_project   (const char    *path);
GlossProject *gloss_cli_open_project_for_reading (const char *path);

int           gloss_cli_codes          (int argc, char **argv);
int           gloss_cli_code_add       (int argc, char **argv);
int           gloss_cli_code_move      (int argc, char **argv);
int           gloss_cli_code_merge     (int argc, char **argv);
int           gloss_cli_code_delete    (int argc, char **argv);
int           gloss_cli_code           (int argc, char **argv);
int           gloss_cli_codings        (int argc, char **argv);
int           gloss_cli_uncode         (int argc, char **argv);
int           gloss_cli_attributes     (int argc, char **argv);
int           gloss_cli_set_attribute  (int argc, char **argv);
int           gloss_cli_import_attributes (int argc, char **argv);
int           gloss_cli_export         (int argc, char **argv);
int           gloss_cli_import_codebook (int argc, char **argv);

int           gloss_cli_merge          (int argc, char **argv);
int           gloss_cli_agreement      (int argc, char **argv);
int           gloss_cli_review         (int argc, char **argv);

G_END_DECLS
