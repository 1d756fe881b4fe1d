/* gloss-code-dialogs.h: the dialogs of the codebook's actions
 *
 * Each constructor returns a dialog that is not yet shown.  The message
 * dialogs answer GLOSS_CODE_DIALOG_ACCEPT or "cancel"; the colour chooser
 * answers GTK_RESPONSE_OK or GTK_RESPONSE_CANCEL.  The caller connects to
 * "response", reads the answer with the getters below and acts on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gloss-code.h"

G_BEGIN_DECLS

#define GLOSS_CODE_DIALOG_ACCEPT "accept"

/* A name: new code, new sub-code, rename. */
GtkWidget   *gloss_code_name_dialog_new            (GtkWindow        *parent,
                                                    const char       *heading,
                                                    const char       *body,
                                                    const char       *text,
                                                    const char       *accept_label);
GtkEditable *gloss_code_name_dialog_get_entry      (AdwMessageDialog *dialog);
char        *gloss_code_name_dialog_dup_text       (AdwMessageDialog *dialog);

/* The description: definition, when to use the code, when not to. */
GtkWidget   *gloss_code_description_dialog_new     (GtkWindow        *parent,
                                                    GlossCode        *code);
GtkTextBuffer *gloss_code_description_dialog_get_buffer (AdwMessageDialog *dialog);
/* The text to store ("" when only the empty template is left). */
char        *gloss_code_description_dialog_dup_text (AdwMessageDialog *dialog);

/* The colour, a GtkColorChooserDialog. */
GtkWidget   *gloss_code_colour_dialog_new          (GtkWindow        *parent,
                                                    GlossCode        *code);
/* "#rrggbb" */
char        *gloss_code_colour_dialog_dup_colour   (GtkColorChooser  *chooser);

/* The code to merge into: codes is (element-type GlossCode) the codebook;
 * the code itself and its sub-codes are left out. */
GtkWidget   *gloss_code_merge_dialog_new           (GtkWindow        *parent,
                                                    GlossCode        *code,
                                                    GPtrArray        *codes);
GtkEditable *gloss_code_merge_dialog_get_search_entry (AdwMessageDialog *dialog);
/* Selects the row of a code (FALSE when it is not offered). */
gboolean     gloss_code_merge_dialog_select        (AdwMessageDialog *dialog,
                                                    gint64            code_id);
/* 0 when none is chosen. */
gint64       gloss_code_merge_dialog_get_target    (AdwMessageDialog *dialog);

/* The confirmation of a deletion, saying how many codings go with it. */
GtkWidget   *gloss_code_delete_dialog_new          (GtkWindow        *parent,
                                                    GlossCode        *code,
                                                    guint             n_codings,
                                                    gboolean          has_subcodes);

G_END_DECLS
