/* gloss-code-row.h: one row of the codebook tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-codebook-item.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CODE_ROW (gloss_code_row_get_type ())

G_DECLARE_FINAL_TYPE (GlossCodeRow, gloss_code_row, GLOSS, CODE_ROW, GtkWidget)

GtkTreeListRow    *gloss_code_row_get_list_row (GlossCodeRow   *self);
void               gloss_code_row_set_list_row (GlossCodeRow   *self,
                                                GtkTreeListRow *list_row);
GlossCodebookItem *gloss_code_row_get_item     (GlossCodeRow   *self);
/* The labels as shown, for tests. */
const char        *gloss_code_row_get_name_text   (GlossCodeRow *self);
const char        *gloss_code_row_get_pin_text    (GlossCodeRow *self);
const char        *gloss_code_row_get_counts_text (GlossCodeRow *self);

G_END_DECLS
