/* gloss-code-picker.h: find a code by typing, or create it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gloss-project.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_CODE_PICKER (gloss_code_picker_get_type ())

/* A popover with a search entry over the project's codes (path, colour,
 * pinned key).  Typing filters; Up and Down move; Enter chooses.  When no
 * code matches what was typed exactly, a row offers to create it (first
 * when nothing matches at all).
 *
 * Signals: "code-chosen" (gint64 code_id); "create-code" (const char
 * *path, as typed, "a/b" for a nested code).  The popover closes first. */
G_DECLARE_FINAL_TYPE (GlossCodePicker, gloss_code_picker, GLOSS, CODE_PICKER, GtkPopover)

GtkWidget   *gloss_code_picker_new            (void);
void         gloss_code_picker_set_project    (GlossCodePicker *self,
                                               GlossProject    *project);
/* Reloads the codes and clears the entry (done each time it shows). */
void         gloss_code_picker_reload         (GlossCodePicker *self);
GtkEditable *gloss_code_picker_get_entry      (GlossCodePicker *self);
/* The number of rows shown, the create row included. */
guint        gloss_code_picker_get_n_visible  (GlossCodePicker *self);
/* Chooses the selected row, as Enter does; FALSE when none is. */
gboolean     gloss_code_picker_activate       (GlossCodePicker *self);

G_END_DECLS
