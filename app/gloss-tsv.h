/* gloss-tsv.h: tab-separated output of the command-line tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  gloss_tsv_append_field  (GString            *out,
                               const char         *field);
void  gloss_tsv_append_row    (GString            *out,
                               const char * const *fields,
                               gsize               n_fields);

G_END_DECLS
